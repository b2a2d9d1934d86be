import type { EventView } from "../../bindings/EventView";
import { isUnsourced } from "../../lib/events";
import { Highlight } from "../common/Highlight";
import { WarningIcon } from "../icons";
import { KindChip } from "../KindChip";

interface Props {
  event: EventView;
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
 * An event in the library: click selects it, drag it onto a lane to place
 * it, Enter places it from the keyboard (letters find an event by its title).
 */
export function LibraryItem({ event, selected, dragging, onSelect, onGrab, onPlace }: Props) {
  const unsourced = isUnsourced(event);
  return (
    <button
      type="button"
      class={`library-item${selected ? " is-selected" : ""}${dragging ? " is-dragging" : ""}`}
      data-testid="library-item"
      data-event-id={event.id}
      data-find={event.title}
      aria-current={selected}
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
    </button>
  );
}
