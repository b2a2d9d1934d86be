import { createContext } from "preact";
import { useContext } from "preact/hooks";

/** How components change the workspace: each change is followed by everything on screen being read afresh. */
export interface Edit {
  /** Makes a change; a failure is shown as a toast and gives undefined. */
  run: <T>(change: () => Promise<T>) => Promise<T | undefined>;
  /** Makes a change whose failure the caller shows itself, next to a field: it rejects with it. */
  attempt: <T>(change: () => Promise<T>) => Promise<T>;
  /** Shows a failure as a toast. */
  report: (error: unknown) => void;
}

export const EditContext = createContext<Edit | null>(null);

export function useEdit(): Edit {
  const edit = useContext(EditContext);
  if (!edit) throw new Error("useEdit outside EditContext");
  return edit;
}

/** The Edit for an app whose screen is refreshed by `changed`. */
export function makeEdit(changed: () => void, report: (error: unknown) => void): Edit {
  return {
    run: async (change) => {
      try {
        return await change();
      } catch (error) {
        report(error);
        return undefined;
      } finally {
        // A change of several steps may have made some before failing.
        changed();
      }
    },
    attempt: async (change) => {
      const result = await change();
      changed();
      return result;
    },
    report,
  };
}
