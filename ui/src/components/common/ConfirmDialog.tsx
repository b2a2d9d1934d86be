import type { ComponentChildren } from "preact";
import { Dialog } from "./Dialog";

interface Props {
  title: string;
  /** What the action does, and what it keeps. */
  children: ComponentChildren;
  confirm: string;
  /** The confirming button's look: red for a destructive action (the default). */
  tone?: "danger" | "primary";
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a destructive or outward action; Cancel has the focus. */
export function ConfirmDialog({ title, children, confirm, tone = "danger", onConfirm, onCancel }: Props) {
  return (
    <Dialog title={title} testid="confirm-dialog" onClose={onCancel}>
      <div class="modal-body">{children}</div>
      <div class="modal-actions">
        <button type="button" class="button" data-testid="confirm-cancel" data-autofocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class={`button is-${tone}`} data-testid="confirm-ok" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
