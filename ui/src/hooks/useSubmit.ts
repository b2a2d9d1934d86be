import { useState } from "preact/hooks";
import { errorMessage } from "../ipc";

/** A form's submission: busy while it runs, the engine's message when it fails. */
export function useSubmit(): {
  busy: boolean;
  error: string | null;
  submit: <T>(action: () => Promise<T>, done: (result: T) => void) => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = <T,>(action: () => Promise<T>, done: (result: T) => void) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    action().then(
      (result) => {
        setBusy(false);
        done(result);
      },
      (failure: unknown) => {
        setBusy(false);
        setError(errorMessage(failure));
      },
    );
  };
  return { busy, error, submit };
}
