import type { EventView } from "../../bindings/EventView";
import { isUnsourced } from "../../lib/events";
import { Highlight } from "../common/Highlight";
import { WarningIcon } from "../icons";
import { KindChip } from "../KindChip";

interface Props {
  event: EventView;
  /** Its place in the whole list of matches, from 0, and how many there are. */
  index: number;
  count: number;
  /** Where the list draws it, in px from the top of every row. */
  top: number;
  /** The list's one Tab stop. */
  tabStop: boolean;
  selected: boolean;
  /** Being dragged onto the canvas. */
  dragging: boolean;
  onSelect: (id: number) => void;
  /** A press that may become a drag onto a lane. */
  onGrab: (press: PointerEvent, event: EventView) => void;
  /** Enter: choose a lane to place the event on, from the keyboard. */
  onPlace: (event: EventView, anchor: HTMLElement) => void;
}

/**
 * An event in the library, one option of its list: click (or Space)
 * selects it, drag it onto a lane to place it, Enter places it from the
 * keyboard (letters find an event by its title).
 */
export function LibraryItem(props: Props) {
  const { event, index, count, top, tabStop, selected, dragging, onSelect, onGrab, onPlace } = props;
  const unsourced = isUnsourced(event);
  return (
    <div
      role="option"
      tabIndex={tabStop ? 0 : -1}
      class={`library-item${selected ? " is-selected" : ""}${dragging ? " is-dragging" : ""}`}
      style={{ top: `${top}px` }}
      data-testid="library-item"
      data-event-id={event.id}
      data-index={index}
      data-find={event.title}
      data-roving=""
      aria-selected={selected}
      aria-setsize={count}
      aria-posinset={index + 1}
      aria-keyshortcuts="Enter"
      aria-describedby="library-hint"
      onClick={() => {
        onSelect(event.id);
      }}
      onPointerDown={(press) => {
        if (press.button === 0) onGrab(press, event);
      }}
      onKeyDown={(key) => {
        if (key.altKey || key.ctrlKey || key.metaKey) return;
        if (key.key === "Enter") {
          key.preventDefault();
          onSelect(event.id);
          onPlace(event, key.currentTarget);
        } else if (key.key === " ") {
          key.preventDefault();
          onSelect(event.id);
        }
      }}
    >
      <span class="library-meta">
        <span class="library-date">{event.start_label}</span>
        <KindChip kind={event.kind} />
        {unsourced && (
          <span class="unsourced-flag" data-testid="unsourced-flag" title="No source supports this event">
            <WarningIcon size={11} />
            Unsourced
          </span>
        )}
      </span>
      <span class="library-title">
        <Highlight text={event.title} words={event.matches} />
      </span>
    </div>
  );
}
