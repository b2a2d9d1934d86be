import type { AnnotationView } from "../../bindings/AnnotationView";
import type { EventOutline } from "../../bindings/EventOutline";
import { dateRangeLabel, isUnsourced } from "../../lib/events";
import { plural } from "../../lib/format";
import { CONFIDENCE } from "../../lib/vocabulary";
import { NoteIcon, WarningIcon } from "../icons";
import { KindChip } from "../KindChip";

const CARD_WIDTH = 280;

interface Props {
  event: EventOutline;
  notes: readonly AnnotationView[];
  /** The hovered element's box, relative to the canvas. */
  anchor: { left: number; top: number; bottom: number };
  canvas: { width: number; height: number };
}

/** A summary of the event under the pointer. */
export function HoverCard({ event, notes, anchor, canvas }: Props) {
  const left = Math.max(8, Math.min(anchor.left, canvas.width - CARD_WIDTH - 8));
  // Below the event in the canvas's upper half, above it in the lower half.
  const vertical = anchor.top < canvas.height / 2 ? { top: anchor.bottom + 6 } : { bottom: canvas.height - anchor.top + 6 };
  return (
    <div class="hover-card" role="tooltip" style={{ left, width: CARD_WIDTH, ...vertical }}>
      <div class="hover-title">{event.title}</div>
      <div class="hover-date">{dateRangeLabel(event)}</div>
      <div class="hover-meta">
        <KindChip kind={event.kind} />
        <span>{CONFIDENCE[event.confidence]}</span>
        {isUnsourced(event) ? (
          <span class="unsourced-flag">
            <WarningIcon size={11} />
            Unsourced
          </span>
        ) : (
          <span>{plural(event.source_count, "source")}</span>
        )}
      </div>
      {notes.map((note) => (
        <div key={note.id} class="hover-note">
          <NoteIcon />
          <span>{note.text}</span>
        </div>
      ))}
    </div>
  );
}
