import { memo } from "preact/compat";
import type { AnnotationView } from "../../bindings/AnnotationView";
import type { Edge } from "../../bindings/Edge";
import type { EventOutline } from "../../bindings/EventOutline";
import type { PlacedItem } from "../../bindings/PlacedItem";
import type { Grab } from "../../hooks/useEventDrag";
import { dateRangeLabel, isFuzzy, isUnsourced } from "../../lib/events";
import { type Clip, DATE_FONT, dateTextX, MARKER_PX, ROW_HEIGHT_PX, sameClip, showsInterval, MIN_BAR_PX, NOTE_PX } from "../../lib/geometry";
import { textWidth } from "../../lib/measure";
import { kindVars } from "../../lib/vocabulary";
import { NoteIcon } from "../icons";

/** The unsourced badge's width (`.event-flag`). */
const FLAG_PX = 10;

export interface EventItemProps {
  item: PlacedItem;
  /** The y of the lane the item sits in; the item's y is from the layout's top. */
  laneY: number;
  laneId: number;
  timelineId: number;
  event: EventOutline;
  notes: readonly AnnotationView[];
  selected: boolean;
  /** In the tab order: one event on the canvas is; Tab then walks them in date order. */
  tabbable: boolean;
  /** Being dragged: drawn faded while its ghost follows the pointer. */
  dragging: boolean;
  /** A bar end being dragged by `dx` px. */
  stretch: { edge: Edge; dx: number } | null;
  /** What the screen shows of the item (see `clipItem`). */
  clip: Clip;
  onPick: (id: number, timeline: number, additive: boolean) => void;
  onGrab: (press: PointerEvent, grab: Grab) => void;
  onHover: (id: number | null, element?: HTMLElement) => void;
}

/**
 * One event on the canvas. Its box covers the marker (or bar) and label the
 * engine placed; the date interval, date text, badges and a bar's end
 * handles hang outside it.
 */
/**
 * Memoised: a pan only moves the plane the items sit on, so items whose props
 * did not change (the clip by value) are not rendered again.
 */
export const EventItem = memo(function EventItem(props: EventItemProps) {
  const { item, laneY, laneId, timelineId, event, notes, selected, tabbable, dragging, stretch, clip } = props;
  const { onPick, onGrab, onHover } = props;
  const box = clip;
  const at = (x: number) => x - box.left;
  const fuzzy = isFuzzy(event);
  const unsourced = isUnsourced(event);
  const point = item.x_end === null;
  // The unsourced badge sits above the marker or the bar's start; a note's to its left.
  const flagX = at(item.x) - FLAG_PX / 2;
  const noteX = at(item.x) + (point ? -12 : -6);
  const noteRoom = point && notes.length > 0 ? NOTE_PX : 0;
  // The fullest date text that fits in the room the item has.
  const range = dateRangeLabel(event);
  const date = [range, event.start_label]
    .map((text) => ({ text, x: dateTextX(item, textWidth(text, DATE_FONT) + noteRoom, clip) }))
    .find((candidate): candidate is { text: string; x: number } => candidate.x !== null);
  // Its name starts with what it shows (the title, then the date), and then
  // says what the screen leaves out: the whole range, no source.
  const spoken = [
    date ? `${event.title} ${date.text}` : event.title,
    date?.text === range ? null : range,
    unsourced ? "unsourced" : null,
  ]
    .filter(Boolean)
    .join(", ");
  const classes = [
    "event",
    point ? "is-point" : "is-range",
    event.importance >= 4 && "is-major",
    fuzzy && "is-fuzzy",
    unsourced && "is-unsourced",
    item.ongoing && "is-ongoing",
    (event.confidence === "rumoured" || event.confidence === "disputed") && "is-doubtful",
    selected && "is-selected",
    dragging && "is-dragging",
    stretch && "is-resizing",
  ]
    .filter(Boolean)
    .join(" ");

  let bar: { left: number; width: number } | null = null;
  if (item.x_end !== null) {
    const start = item.x + (stretch?.edge === "start" ? stretch.dx : 0);
    const end = item.x_end + (stretch?.edge === "end" ? stretch.dx : 0);
    bar = { left: at(Math.min(start, end - MIN_BAR_PX)), width: Math.max(MIN_BAR_PX, end - start) };
  }

  const press = (pointer: PointerEvent, part: Grab["part"]) => {
    if (pointer.button !== 0) return;
    pointer.stopPropagation();
    const element = pointer.currentTarget instanceof Element ? pointer.currentTarget.closest(".event") : null;
    if (!element) return;
    onHover(null);
    onGrab(pointer, { event, item, laneId, timelineId, part, box: element.getBoundingClientRect() });
  };

  return (
    <div
      class={classes}
      data-testid="timeline-event"
      data-event-id={event.id}
      tabIndex={tabbable ? 0 : -1}
      data-roving
      role="button"
      aria-pressed={selected}
      aria-label={spoken}
      aria-keyshortcuts="ArrowLeft ArrowRight ArrowUp ArrowDown Home End Delete Enter"
      style={{
        left: box.left,
        top: item.y - laneY - ROW_HEIGHT_PX / 2,
        width: box.right - box.left,
        ...kindVars(event.kind),
      }}
      onClick={(click) => {
        onPick(event.id, timelineId, click.shiftKey || click.ctrlKey || click.metaKey);
      }}
      onKeyDown={(key) => {
        if (key.key === "Enter" || key.key === " ") {
          key.preventDefault();
          onPick(event.id, timelineId, false);
        }
      }}
      onPointerDown={(pointer) => {
        press(pointer, "move");
      }}
      onPointerEnter={(pointer) => {
        onHover(event.id, pointer.currentTarget);
      }}
      onPointerLeave={() => {
        onHover(null);
      }}
    >
      {(fuzzy || showsInterval(item)) && (
        <span
          class={fuzzy ? "event-fuzz" : "event-interval"}
          style={{ left: at(item.fuzzy_start_x), width: item.fuzzy_end_x - item.fuzzy_start_x }}
        />
      )}
      {bar === null ? (
        <span class="event-marker" style={{ left: at(item.x) - MARKER_PX / 2 }} />
      ) : (
        <span class="event-bar" style={bar} />
      )}
      {item.label_visible && (
        <span class="event-label" style={{ left: at(item.label_x) }}>
          {event.title}
        </span>
      )}
      {date && !stretch && (
        <span class="event-date" style={{ left: at(date.x) }}>
          {/* A space that does not show, so that the title and the date read apart. */}
          {" "}
          {date.text}
        </span>
      )}
      {unsourced && (
        <span class="event-flag" data-testid="unsourced-flag" title="Unsourced" aria-hidden="true" style={{ left: flagX }}>
          !
        </span>
      )}
      {notes.length > 0 && (
        <span class={`event-note${point ? "" : " is-below"}`} data-testid="event-note" style={{ left: noteX }}>
          <NoteIcon />
        </span>
      )}
      {bar && (
        <span
          class="event-handle is-start"
          data-testid="resize-start"
          title="Drag to change the start"
          style={{ left: bar.left }}
          onPointerDown={(pointer) => {
            press(pointer, "start");
          }}
        />
      )}
      {bar && !item.ongoing && (
        <span
          class="event-handle is-end"
          data-testid="resize-end"
          title="Drag to change the end"
          style={{ left: bar.left + bar.width }}
          onPointerDown={(pointer) => {
            press(pointer, "end");
          }}
        />
      )}
    </div>
  );
}, sameProps);

function sameProps(a: EventItemProps, b: EventItemProps): boolean {
  return (Object.keys(a) as (keyof EventItemProps)[]).every((key) =>
    key === "clip" ? sameClip(a.clip, b.clip) : a[key] === b[key],
  );
}
