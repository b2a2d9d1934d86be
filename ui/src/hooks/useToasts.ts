import { useCallback, useRef, useState } from "preact/hooks";
import { errorMessage } from "../ipc";

export interface Toast {
  id: number;
  message: string;
}

const TOAST_MS = 6000;

/** Transient error messages; a message already on screen is not repeated. */
export function useToasts(): {
  toasts: Toast[];
  report: (error: unknown) => void;
  dismiss: (id: number) => void;
} {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);

  const dismiss = useCallback((id: number) => {
    setToasts((list) => list.filter((toast) => toast.id !== id));
  }, []);

  const report = useCallback(
    (error: unknown) => {
      const message = errorMessage(error);
      const id = ++next.current;
      setToasts((list) => (list.some((toast) => toast.message === message) ? list : [...list, { id, message }]));
      window.setTimeout(() => {
        dismiss(id);
      }, TOAST_MS);
    },
    [dismiss],
  );

  return { toasts, report, dismiss };
}
