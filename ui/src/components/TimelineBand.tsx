import type { CSSProperties } from "preact";
import type { AnnotationView } from "../bindings/AnnotationView";
import type { EventView } from "../bindings/EventView";
import type { TimelineBox } from "../bindings/TimelineBox";
import type { TimelineView } from "../bindings/TimelineView";
import type { Viewport } from "../bindings/Viewport";
import { pxAt } from "../lib/viewport";
import { EventItem } from "./EventItem";

export interface CanvasData {
  events: ReadonlyMap<number, EventView>;
  notes: ReadonlyMap<number, readonly AnnotationView[]>;
  selectedId: number | null;
  onSelect: (id: number) => void;
  onHover: (id: number | null, element?: HTMLElement) => void;
}

interface Props {
  box: TimelineBox;
  view: TimelineView;
  /** The viewport the layout was made for, to place annotation spans. */
  laidOut: Viewport;
  plane: CSSProperties;
  data: CanvasData;
}

/** A timeline: its header, its annotation spans and its lanes of events. */
export function TimelineBand({ box, view, laidOut, plane, data }: Props) {
  const laneNames = new Map(view.lanes.map((lane) => [lane.id, lane.name]));
  return (
    <div
      class="timeline"
      data-testid="timeline"
      data-timeline-id={view.id}
      style={{ top: box.y, height: box.height, "--timeline": view.colour }}
    >
      <div class="timeline-header">
        <span class="timeline-title">{view.title}</span>
        {view.subtitle !== "" && <span class="timeline-subtitle">{view.subtitle}</span>}
      </div>
      <Spans annotations={view.annotations} laidOut={laidOut} plane={plane} />
      {box.lanes.map((lane, index) => (
        <div
          key={lane.id}
          class={`lane${index % 2 === 1 ? " is-alt" : ""}`}
          data-testid="lane"
          data-lane-id={lane.id}
          style={{ top: lane.y - box.y, height: lane.height }}
        >
          <span class="lane-name">{laneNames.get(lane.id)}</span>
          <div class="plane lane-plane" style={plane}>
            {lane.items.map((item) => {
              const event = data.events.get(item.id);
              return (
                item.visible &&
                event && (
                  <EventItem
                    key={item.id}
                    item={item}
                    laneY={lane.y}
                    event={event}
                    notes={data.notes.get(item.id) ?? []}
                    selected={item.id === data.selectedId}
                    widthPx={laidOut.width_px}
                    onSelect={data.onSelect}
                    onHover={data.onHover}
                  />
                )
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}

/** Annotated periods as shaded bands over the lanes, named at the top. */
function Spans({ annotations, laidOut, plane }: { annotations: AnnotationView[]; laidOut: Viewport; plane: CSSProperties }) {
  const width = laidOut.width_px;
  const spans = annotations.flatMap((annotation) => {
    const { start_minute: start, end_minute: end } = annotation;
    if (start === null || end === null) return [];
    // Cut to a screen either side, which any pan shift before the next layout stays within.
    const left = Math.max(pxAt(laidOut, start), -width);
    const right = Math.min(pxAt(laidOut, end), 2 * width);
    return right > left ? [{ annotation, left, right }] : [];
  });
  return (
    <div class="plane spans" style={plane}>
      {spans.map(({ annotation, left, right }) => (
        <div
          key={annotation.id}
          class="span"
          data-testid="annotation-span"
          title={annotation.label === null ? annotation.text : `${annotation.text} (${annotation.label})`}
          style={{ left, width: right - left }}
        >
          <span class="span-label">{annotation.text}</span>
        </div>
      ))}
    </div>
  );
}
