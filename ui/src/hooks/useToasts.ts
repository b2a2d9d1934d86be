import { useCallback, useRef, useState } from "preact/hooks";
import { errorMessage } from "../ipc";

export interface Toast {
  id: number;
  message: string;
  /** An error, or news of something done (an import, an export). */
  tone: "error" | "info";
}

const TOAST_MS = 6000;
/** News may be longer (what an import skipped), so it stays a little longer. */
const INFO_MS = 9000;

/** Transient messages; a message already on screen is not repeated. */
export function useToasts(): {
  toasts: Toast[];
  report: (error: unknown) => void;
  notify: (message: string) => void;
  dismiss: (id: number) => void;
} {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((toast) => toast.id !== id));
  }, []);

  const show = useCallback(
    (message: string, tone: Toast["tone"]) => {
      const id = ++next.current;
      setToasts((list) => (list.some((toast) => toast.message === message) ? list : [...list, { id, message, tone }]));
      window.setTimeout(
        () => {
          dismiss(id);
        },
        tone === "info" ? INFO_MS : TOAST_MS,
      );
    },
    [dismiss],
  );
  const report = useCallback(
    (error: unknown) => {
      show(errorMessage(error), "error");
    },
    [show],
  );
  const notify = useCallback(
    (message: string) => {
      show(message, "info");
    },
    [show],
  );

  return { toasts, report, notify, dismiss };
}
