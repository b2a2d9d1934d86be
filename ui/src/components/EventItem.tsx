import type { AnnotationView } from "../bindings/AnnotationView";
import type { EventView } from "../bindings/EventView";
import type { PlacedItem } from "../bindings/PlacedItem";
import { dateRangeLabel, isFuzzy, isUnsourced } from "../lib/events";
import { DATE_FONT, dateTextX, hitExtent, MARKER_PX, ROW_HEIGHT_PX, showsInterval } from "../lib/geometry";
import { textWidth } from "../lib/measure";
import { kindVars } from "../lib/vocabulary";
import { NoteIcon } from "./icons";

/** Room a callout icon takes left of a point's marker. */
const NOTE_PX = 10;

interface Props {
  item: PlacedItem;
  /** The y of the lane the item sits in; the item's y is from the layout's top. */
  laneY: number;
  event: EventView;
  notes: readonly AnnotationView[];
  selected: boolean;
  widthPx: number;
  onSelect: (id: number) => void;
  onHover: (id: number | null, element?: HTMLElement) => void;
}

/**
 * One event on the canvas. Its box covers the marker (or bar) and label the
 * engine placed; the date interval, date text and badges hang outside it.
 */
export function EventItem({ item, laneY, event, notes, selected, widthPx, onSelect, onHover }: Props) {
  const box = hitExtent(item, widthPx);
  const at = (x: number) => x - box.left;
  const fuzzy = isFuzzy(event);
  const unsourced = isUnsourced(event);
  const point = item.x_end === null;
  // Badges sit on the marker's top corners, or at a bar's start.
  const flagX = at(item.x) + (point ? -1 : -6);
  const noteX = at(item.x) + (point ? -12 : -6);
  const noteRoom = point && notes.length > 0 ? NOTE_PX : 0;
  // The fullest date text that fits in the room the item has.
  const date = [dateRangeLabel(event), event.start_label]
    .map((text) => ({ text, x: dateTextX(item, textWidth(text, DATE_FONT) + noteRoom, widthPx) }))
    .find((candidate): candidate is { text: string; x: number } => candidate.x !== null);
  const classes = [
    "event",
    point ? "is-point" : "is-range",
    event.importance >= 4 && "is-major",
    fuzzy && "is-fuzzy",
    unsourced && "is-unsourced",
    item.ongoing && "is-ongoing",
    (event.confidence === "rumoured" || event.confidence === "disputed") && "is-doubtful",
    selected && "is-selected",
  ]
    .filter(Boolean)
    .join(" ");

  return (
    <div
      class={classes}
      data-testid="timeline-event"
      data-event-id={event.id}
      tabIndex={0}
      role="button"
      aria-pressed={selected}
      aria-label={`${event.title}, ${dateRangeLabel(event)}`}
      style={{
        left: box.left,
        top: item.y - laneY - ROW_HEIGHT_PX / 2,
        width: box.right - box.left,
        ...kindVars(event.kind),
      }}
      onClick={() => {
        onSelect(event.id);
      }}
      onKeyDown={(key) => {
        if (key.key === "Enter" || key.key === " ") {
          key.preventDefault();
          onSelect(event.id);
        }
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
      {item.x_end === null ? (
        <span class="event-marker" style={{ left: at(item.x) - MARKER_PX / 2 }} />
      ) : (
        <span class="event-bar" style={{ left: at(item.x), width: item.x_end - item.x }} />
      )}
      {item.label_visible && (
        <span class="event-label" style={{ left: at(item.label_x) }}>
          {event.title}
        </span>
      )}
      {date && (
        <span class="event-date" style={{ left: at(date.x) }}>
          {date.text}
        </span>
      )}
      {unsourced && (
        <span class="event-flag" data-testid="unsourced-flag" title="Unsourced" style={{ left: flagX }}>
          !
        </span>
      )}
      {notes.length > 0 && (
        <span class={`event-note${point ? "" : " is-below"}`} data-testid="event-note" style={{ left: noteX }}>
          <NoteIcon />
        </span>
      )}
    </div>
  );
}
