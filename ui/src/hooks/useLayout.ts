import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Layout } from "../bindings/Layout";
import type { Viewport } from "../bindings/Viewport";
import * as api from "../ipc";
import { type Band, span } from "../lib/viewport";

/** A zoom is shown stretched until it rests this long; then it is laid out. */
const ZOOM_REST_MS = 120;

interface Args {
  timelines: readonly number[];
  viewport: Viewport | null;
  band: Band | null;
  today: number | null;
}

/**
 * The engine's layout for the latest arguments, with only the events in the
 * rows on screen. One request is in flight at a time: arguments that change
 * meanwhile are sent when it returns, so requests never queue up behind a
 * slow one, and the screen always ends on the latest arguments. While a zoom
 * goes on, the canvas stretches the last layout (redrawing every event each
 * frame would drop frames); the zoom is laid out once it rests.
 */
export function useLayout(
  timelines: readonly number[],
  viewport: Viewport | null,
  band: Band | null,
  today: number | null,
  onError: (error: unknown) => void,
): Layout | null {
  const [layout, setLayout] = useState<Layout | null>(null);
  const latest = useRef<Args>({ timelines, viewport, band, today });
  latest.current = { timelines, viewport, band, today };
  const frame = useRef<number | null>(null);
  const busy = useRef(false);
  const stale = useRef(false);
  const alive = useRef(true);
  const rest = useRef<ReturnType<typeof setTimeout> | null>(null);
  const lastScale = useRef<number | null>(null);
  const onErrorRef = useRef(onError);
  onErrorRef.current = onError;

  const send = useRef(() => {
    const { timelines, viewport, band, today } = latest.current;
    if (!viewport || viewport.width_px <= 0) return;
    busy.current = true;
    stale.current = false;
    const request: Viewport = band ? { ...viewport, top_px: band.top, height_px: band.height } : viewport;
    api
      .layout([...timelines], request, today)
      .then((next) => {
        if (alive.current) setLayout(next);
      }, onErrorRef.current)
      .finally(() => {
        busy.current = false;
        if (stale.current && alive.current) send.current();
      });
  });
  const kick = useRef(() => {
    if (busy.current) {
      stale.current = true;
      return;
    }
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      send.current();
    });
  });
  useLayoutEffect(() => {
    const scale = viewport ? viewport.width_px / span(viewport) : null;
    const zoomed = scale !== null && lastScale.current !== null && scale !== lastScale.current;
    lastScale.current = scale;
    if (zoomed) {
      if (rest.current !== null) clearTimeout(rest.current);
      rest.current = setTimeout(() => {
        rest.current = null;
        kick.current();
      }, ZOOM_REST_MS);
    } else if (rest.current === null) {
      kick.current();
    }
  }, [timelines, viewport, band, today]);

  useEffect(
    () => () => {
      alive.current = false;
      if (frame.current !== null) cancelAnimationFrame(frame.current);
      if (rest.current !== null) clearTimeout(rest.current);
    },
    [],
  );

  return layout;
}
