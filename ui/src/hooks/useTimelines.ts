import { useEffect, useState } from "preact/hooks";
import type { TimelineOutline } from "../bindings/TimelineOutline";
import * as api from "../ipc";

/**
 * The full views of the timelines `ids` (in that order), refetched when
 * `ids` (keep it memoised) or `revision` change. Until the first reply, `null`.
 */
export function useTimelines(
  ids: readonly number[],
  revision: number,
  onError: (error: unknown) => void,
): TimelineOutline[] | null {
  const [views, setViews] = useState<TimelineOutline[] | null>(null);
  useEffect(() => {
    let live = true;
    Promise.all(ids.map((id) => api.getTimeline(id))).then(
      (list) => {
        if (live) setViews(list);
      },
      (error: unknown) => {
        if (live) onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [ids, revision, onError]);

  return views;
}
