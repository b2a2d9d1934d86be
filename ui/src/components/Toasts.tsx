import type { Toast } from "../hooks/useToasts";
import { CheckIcon, CloseIcon, WarningIcon } from "./icons";

export function Toasts({ toasts, onDismiss }: { toasts: Toast[]; onDismiss: (id: number) => void }) {
  return (
    <div class="toasts" aria-live="assertive">
      {toasts.map((toast) => (
        <div
          key={toast.id}
          class={`toast${toast.tone === "info" ? " is-info" : ""}`}
          role={toast.tone === "info" ? "status" : "alert"}
          data-testid="toast"
          data-tone={toast.tone}
        >
          {toast.tone === "info" ? <CheckIcon /> : <WarningIcon size={14} />}
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
