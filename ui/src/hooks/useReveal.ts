import { useCallback, useEffect, useState } from "preact/hooks";
import type { EventOutline } from "../bindings/EventOutline";
import type { Viewport } from "../bindings/Viewport";
import { eventAnchor } from "../lib/events";
import { centreOn, span } from "../lib/viewport";

/**
 * Brings an event into view (panning, never zooming) once it is on the
 * canvas: at once for one already there, after the refresh for one just
 * created or placed. Given up when the inspector moves to another event.
 */
export function useReveal(
  events: ReadonlyMap<number, EventOutline>,
  focus: number | null,
  setViewport: (update: (viewport: Viewport | null) => Viewport | null) => void,
): (id: number) => void {
  const [pending, setPending] = useState<number | null>(null);

  useEffect(() => {
    if (pending === null) return;
    if (focus !== pending) {
      setPending(null);
      return;
    }
    const event = events.get(pending);
    if (!event) return;
    setPending(null);
    const anchor = eventAnchor(event);
    setViewport((current) => {
      if (!current) return current;
      const margin = span(current) * 0.1;
      const inView = anchor > current.start_minute + margin && anchor < current.end_minute - 2 * margin;
      return inView ? current : centreOn(current, anchor);
    });
  }, [pending, events, focus, setViewport]);

  return useCallback((id: number) => {
    setPending(id);
  }, []);
}
