import type { EventKind } from "../../bindings/EventKind";
import { kindVars } from "../../lib/vocabulary";

export interface Ghost {
  /** The pointer, in client px. */
  x: number;
  y: number;
  /** Where the copy's top-left sits relative to the pointer (the grab point), or null for no copy (a resize). */
  offset: { x: number; y: number } | null;
  title: string;
  kind: EventKind;
  /** How many events move together. */
  count: number;
  /** The date the drop will give, in the engine's words; null while it is being asked. */
  date: string | null;
  /** What letting go will do ("Move to Regulatory"), or why it will do nothing. */
  action: string;
  /** Whether letting go here does anything. */
  valid: boolean;
}

/** A see-through copy of what is dragged, with the date and lane the drop will give. */
export function DragGhost({ ghost }: { ghost: Ghost }) {
  const { offset } = ghost;
  return (
    <div class="drag-layer" aria-hidden="true" data-testid="drag-ghost">
      {offset && (
        <div class="drag-copy" style={{ left: ghost.x - offset.x, top: ghost.y - offset.y, ...kindVars(ghost.kind) }}>
          <span class="drag-copy-marker" />
          <span class="drag-copy-title">{ghost.title}</span>
          {ghost.count > 1 && <span class="drag-copy-count">+{ghost.count - 1}</span>}
        </div>
      )}
      <div class={`drag-tag${ghost.valid ? "" : " is-invalid"}`} style={{ left: ghost.x + 14, top: ghost.y + 18 }}>
        <span class="drag-tag-action">{ghost.action}</span>
        {ghost.date !== null && (
          <span class="drag-tag-date" data-testid="drag-ghost-date">
            {ghost.date}
          </span>
        )}
      </div>
    </div>
  );
}
