import { useEffect, useState } from "preact/hooks";
import type { HistoryState } from "../bindings/HistoryState";
import * as api from "../ipc";

const NOTHING: HistoryState = { undo: null, redo: null };

/** What undo and redo would do now, read afresh when `revision` changes. */
export function useHistory(revision: number, onError: (error: unknown) => void): HistoryState {
  const [state, setState] = useState<HistoryState>(NOTHING);
  useEffect(() => {
    let live = true;
    api.historyState().then(
      (next) => {
        if (live) setState(next);
      },
      (error: unknown) => {
        if (live) onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [revision, onError]);
  return state;
}
