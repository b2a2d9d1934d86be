// When the canvas asks the engine for a layout. At most one request is in
// flight (see lib/throttle.ts). A pan is asked for at the next animation
// frame. A zoom is shown by stretching the last layout until it rests, and
// only then laid out: a layout at a step on its way would pack the rows for
// a scale the screen has already left, and re-place every event on screen
// for nothing.

import type { OneInFlight } from "./throttle";

/** A zoom is shown stretched until it rests this long; then it is laid out. */
export const ZOOM_REST_MS = 120;

/** Timers that each return a function cancelling them. */
export interface Timers {
  frame: (run: () => void) => () => void;
  after: (ms: number, run: () => void) => () => void;
}

export const browserTimers: Timers = {
  frame: (run) => {
    const id = requestAnimationFrame(run);
    return () => {
      cancelAnimationFrame(id);
    };
  },
  after: (ms, run) => {
    const id = setTimeout(run, ms);
    return () => {
      clearTimeout(id);
    };
  },
};

export interface LayoutRequests<Q> {
  /** The arguments changed to `query` (null: nothing to lay out) at `scale` px per minute. */
  update: (query: Q | null, scale: number | null) => void;
  /** Cancels what is scheduled and drops the reply of the request in flight. */
  dispose: () => void;
}

export function layoutRequests<Q>(queue: OneInFlight<Q>, timers: Timers): LayoutRequests<Q> {
  let latest: Q | null = null;
  let lastScale: number | null = null;
  let frame: (() => void) | null = null;
  let rest: (() => void) | null = null;

  const kick = () => {
    frame ??= timers.frame(() => {
      frame = null;
      // A zoom may have begun since this frame was asked for: its rest sends it.
      if (rest === null && latest !== null) queue.push(latest);
    });
  };

  return {
    update: (query, scale) => {
      latest = query;
      const zoomed = scale !== null && lastScale !== null && scale !== lastScale;
      lastScale = scale;
      if (zoomed) {
        rest?.();
        rest = timers.after(ZOOM_REST_MS, () => {
          rest = null;
          kick();
        });
      } else if (rest === null) {
        kick();
      }
    },
    dispose: () => {
      frame?.();
      rest?.();
      frame = rest = null;
      queue.reset();
    },
  };
}
