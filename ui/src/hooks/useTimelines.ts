import { useEffect, useState } from "preact/hooks";
import type { EventOutline } from "../bindings/EventOutline";
import type { TimelineView } from "../bindings/TimelineView";
import * as api from "../ipc";

/**
 * The full views of the timelines `ids` (in that order), refetched when
 * `ids` (keep it memoised) or `revision` change. Until the first reply, `null`.
 */
export function useTimelines(
  ids: readonly number[],
  revision: number,
  onError: (error: unknown) => void,
): TimelineView<EventOutline>[] | null {
  const [views, setViews] = useState<TimelineView<EventOutline>[] | null>(null);
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
