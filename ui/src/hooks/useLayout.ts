import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Layout } from "../bindings/Layout";
import type { Viewport } from "../bindings/Viewport";
import * as api from "../ipc";

/**
 * The engine's layout for the latest arguments: at most one request per
 * animation frame, and a reply older than the one shown is dropped.
 */
export function useLayout(
  timelines: readonly number[],
  viewport: Viewport | null,
  today: number | null,
  onError: (error: unknown) => void,
): Layout | null {
  const [layout, setLayout] = useState<Layout | null>(null);
  const latest = useRef({ timelines, viewport, today });
  latest.current = { timelines, viewport, today };
  const frame = useRef<number | null>(null);
  const sent = useRef(0);
  const shown = useRef(0);

  useLayoutEffect(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const { timelines, viewport, today } = latest.current;
      if (!viewport || viewport.width_px <= 0) return;
      const id = ++sent.current;
      api.layout([...timelines], viewport, today).then((next) => {
        if (id < shown.current) return;
        shown.current = id;
        setLayout(next);
      }, onError);
    });
  }, [timelines, viewport, today, onError]);

  useEffect(
    () => () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    },
    [],
  );

  return layout;
}
