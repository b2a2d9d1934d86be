import { useEffect, useState } from "preact/hooks";
import type { EventView } from "../bindings/EventView";
import * as api from "../ipc";

/**
 * The event `id`, read afresh when `revision` changes; null while none is
 * chosen or loading. `onMissing` hears of an event that no longer exists
 * (deleted, or its creation undone).
 */
export function useEvent(
  id: number | null,
  revision: number,
  onError: (error: unknown) => void,
  onMissing: (id: number) => void,
): EventView | null {
  const [event, setEvent] = useState<EventView | null>(null);

  useEffect(() => {
    if (id === null) {
      setEvent(null);
      return;
    }
    let live = true;
    api.getEvent(id).then(
      (loaded) => {
        if (live) setEvent(loaded);
      },
      (error: unknown) => {
        if (!live) return;
        if (api.isNotFound(error)) onMissing(id);
        else onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [id, revision, onError, onMissing]);

  return event?.id === id ? event : null;
}
