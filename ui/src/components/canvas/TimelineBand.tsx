import { memo } from "preact/compat";
import type { AnnotationView } from "../../bindings/AnnotationView";
import type { EventOutline } from "../../bindings/EventOutline";
import type { TimelineBox } from "../../bindings/TimelineBox";
import type { TimelineView } from "../../bindings/TimelineView";
import type { Viewport } from "../../bindings/Viewport";
import type { CanvasDrag, Grab } from "../../hooks/useEventDrag";
import { clipItem, type Extent, onScreen } from "../../lib/geometry";
import type { Selection } from "../../lib/selection";
import { EventItem } from "./EventItem";
import { LaneHeader } from "./LaneHeader";
import { Spans } from "./Spans";
import { TimelineHeader } from "./TimelineHeader";

const NO_NOTES: readonly AnnotationView[] = [];

export interface CanvasData {
  events: ReadonlyMap<number, EventOutline>;
  notes: ReadonlyMap<number, readonly AnnotationView[]>;
  selection: Selection;
  /** The event whose element is in the tab order. */
  tabbable: number | null;
  drag: CanvasDrag | null;
  /** The lane an event dragged from the library would be placed on. */
  dropLane: number | null;
  onPick: (id: number, timeline: number, additive: boolean) => void;
  onGrab: (press: PointerEvent, grab: Grab) => void;
  onHover: (id: number | null, element?: HTMLElement) => void;
  onCreateAt: (laneId: number, minute: number | null) => void;
  onCurrent: (timeline: number) => void;
}

interface Props {
  box: TimelineBox;
  view: TimelineView<EventOutline>;
  /** The viewport the layout was made for, to place annotation spans. */
  laidOut: Viewport;
  /** The part of the planes on screen. */
  screen: Extent;
  /** The rows on screen, in px from the top of the timelines (`left` the top, `right` the bottom). */
  rows: Extent;
  /** New events go to this timeline. */
  current: boolean;
  data: CanvasData;
}

/**
 * A timeline: its header, its annotation spans and its lanes of events.
 * Memoised: a pan moves its planes (see Canvas) and renders nothing.
 */
export const TimelineBand = memo(function TimelineBand({ box, view, laidOut, screen, rows, current, data }: Props) {
  const lanes = new Map(view.lanes.map((lane, index) => [lane.id, { lane, index }]));
  const { drag } = data;
  return (
    <div
      class={current ? "timeline is-current" : "timeline"}
      data-testid="timeline"
      data-current={current}
      data-timeline-id={view.id}
      style={{ top: box.y, height: box.height, "--timeline": view.colour }}
    >
      <TimelineHeader
        view={view}
        onCurrent={() => {
          data.onCurrent(view.id);
        }}
      />
      <Spans annotations={view.annotations} rows={box.periods} laidOut={laidOut} screen={screen} />
      {box.lanes.map((laneBox, row) => {
        const entry = lanes.get(laneBox.id);
        const colour = entry?.lane.colour ?? null;
        const classes = [
          "lane",
          row % 2 === 1 && "is-alt",
          colour !== null && "has-colour",
          (drag?.targetLane === laneBox.id || data.dropLane === laneBox.id) && "is-drop-target",
        ]
          .filter(Boolean)
          .join(" ");
        return (
          <div
            key={laneBox.id}
            class={classes}
            data-testid="lane"
            data-lane-id={laneBox.id}
            style={{ top: laneBox.y - box.y, height: laneBox.height, "--lane": colour ?? view.colour }}
          >
            {entry && <LaneHeader lane={entry.lane} index={entry.index} count={view.lanes.length} />}
            {laneBox.items.length === 0 && (
              <span class="lane-empty">
                <button
                  type="button"
                  class="header-button"
                  data-testid="lane-new-event"
                  onClick={() => {
                    data.onCreateAt(laneBox.id, null);
                  }}
                >
                  New event here
                </button>
                <span>or double-click at a date, or drag one from the library</span>
              </span>
            )}
            <div class="plane lane-plane">
              {laneBox.items.map((item) => {
                const event = data.events.get(item.id);
                const stretch = drag?.stretch?.id === item.id ? drag.stretch : null;
                // The element over each event on screen (the event layer paints them).
                return (
                  onScreen(item, screen, rows) &&
                  event && (
                    <EventItem
                      key={item.id}
                      item={item}
                      laneY={laneBox.y}
                      laneId={laneBox.id}
                      timelineId={view.id}
                      event={event}
                      notes={data.notes.get(item.id) ?? NO_NOTES}
                      selected={data.selection.picked.has(item.id)}
                      tabbable={item.id === data.tabbable}
                      dragging={drag?.ids.has(item.id) === true && drag.stretch === null}
                      stretch={stretch}
                      clip={clipItem(item, screen)}
                      onPick={data.onPick}
                      onGrab={data.onGrab}
                      onHover={data.onHover}
                    />
                  )
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
});
