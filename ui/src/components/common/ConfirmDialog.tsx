import type { ComponentChildren } from "preact";
import { Dialog } from "./Dialog";

interface Props {
  title: string;
  /** What the action does, and what it keeps. */
  children: ComponentChildren;
  confirm: string;
  onConfirm: () => void;
  onCancel: () => void;
}

/** Asks before a destructive action; Cancel has the focus. */
export function ConfirmDialog({ title, children, confirm, onConfirm, onCancel }: Props) {
  return (
    <Dialog title={title} testid="confirm-dialog" onClose={onCancel}>
      <div class="modal-body">{children}</div>
      <div class="modal-actions">
        <button type="button" class="button" data-testid="confirm-cancel" data-autofocus onClick={onCancel}>
          Cancel
        </button>
        <button type="button" class="button is-danger" data-testid="confirm-ok" onClick={onConfirm}>
          {confirm}
        </button>
      </div>
    </Dialog>
  );
}
