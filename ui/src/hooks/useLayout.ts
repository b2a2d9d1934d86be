import { useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Layout } from "../bindings/Layout";
import type { Viewport } from "../bindings/Viewport";
import * as api from "../ipc";
import { browserTimers, type LayoutRequests, layoutRequests } from "../lib/layoutRequests";
import { oneInFlight } from "../lib/throttle";
import { type Band, layoutWindow, span } from "../lib/viewport";

interface Query {
  timelines: number[];
  viewport: Viewport;
  today: number | null;
}

/**
 * The engine's layout for the latest arguments, with only the events in the
 * rows on screen. One request is in flight at a time, and the screen always
 * ends on the latest arguments. While a zoom goes on, the canvas stretches
 * the last layout (redrawing every event each frame would drop frames); the
 * zoom is laid out once it rests (see lib/layoutRequests.ts). What is
 * laid out reaches past the screen either side (see `layoutWindow`), so
 * a pan asks again only when it nears the edge of it (or the
 * timelines change: `timelines` is new after every edit).
 */
export function useLayout(
  timelines: readonly number[],
  viewport: Viewport | null,
  band: Band | null,
  today: number | null,
  onError: (error: unknown) => void,
): Layout | null {
  const [layout, setLayout] = useState<Layout | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;
  const requests = useRef<LayoutRequests<Query> | null>(null);
  /**
   * The last query asked for, as text, and the timelines it was for: the
   * same one is not asked again until the timelines are read afresh.
   */
  const asked = useRef<{ text: string; timelines: readonly number[] } | null>(null);

  useLayoutEffect(() => {
    const queue = oneInFlight(
      (query: Query) => api.layout(query.timelines, query.viewport, query.today),
      setLayout,
      (error) => {
        onErrorRef.current(error);
      },
    );
    requests.current = layoutRequests(queue, browserTimers);
    asked.current = null;
    return () => {
      requests.current?.dispose();
    };
  }, []);

  useLayoutEffect(() => {
    const scale = viewport ? viewport.width_px / span(viewport) : null;
    const window = viewport && layoutWindow(viewport);
    const query =
      window && window.width_px > 0
        ? {
            timelines: [...timelines],
            viewport: band ? { ...window, top_px: band.top, height_px: band.height } : window,
            today,
          }
        : null;
    const text = JSON.stringify(query);
    if (text === asked.current?.text && timelines === asked.current.timelines) return;
    asked.current = { text, timelines };
    requests.current?.update(query, scale);
  }, [timelines, viewport, band, today]);

  return layout;
}
