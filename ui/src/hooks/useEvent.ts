import { useEffect, useState } from "preact/hooks";
import type { EventView } from "../bindings/EventView";
import * as api from "../ipc";

/** The event `id`, read afresh when `revision` changes; null while none is chosen or loading. */
export function useEvent(
  id: number | null,
  revision: number,
  onError: (error: unknown) => void,
): [EventView | null, (event: EventView) => void] {
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
        if (live) onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [id, revision, onError]);

  return [event?.id === id ? event : null, setEvent];
}
