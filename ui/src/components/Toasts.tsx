import type { Toast } from "../hooks/useToasts";
import { CloseIcon, WarningIcon } from "./icons";

export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div class="toasts" aria-live="assertive">
      {toasts.map((toast) => (
        <div key={toast.id} class="toast" role="alert" data-testid="toast">
          <WarningIcon size={14} />
          <span class="toast-message">{toast.message}</span>
          <button
            type="button"
            class="icon-button"
            aria-label="Dismiss"
            onClick={() => {
              onDismiss(toast.id);
            }}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </div>
  );
}
