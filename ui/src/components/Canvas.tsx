import { useEffect, useRef, useState } from "preact/hooks";
import type { Layout } from "../bindings/Layout";
import type { TimelineView } from "../bindings/TimelineView";
import type { Viewport } from "../bindings/Viewport";
import { panBy, panOffset, wheelPixels, zoomAt } from "../lib/viewport";
import { Axis, Grid } from "./Axis";
import { HoverCard } from "./HoverCard";
import { type CanvasData, TimelineBand } from "./TimelineBand";

/** Wheel zoom speed, per px of wheel travel; pinches (ctrl+wheel) report smaller deltas. */
const WHEEL_ZOOM = 0.002;
const PINCH_ZOOM = 0.01;
/** Pointer travel in px beyond which a press is a drag, not a click. */
const DRAG_SLOP = 3;

interface Props extends Omit<CanvasData, "onHover"> {
  layout: Layout | null;
  viewport: Viewport | null;
  timelines: readonly TimelineView[];
  /** No timeline is picked: say how to show one. */
  empty: boolean;
  onViewport: (update: (viewport: Viewport) => Viewport) => void;
  onWidth: (px: number) => void;
  /** A click on empty canvas. */
  onDeselect: () => void;
}

interface Hover {
  id: number;
  anchor: { left: number; top: number; bottom: number };
}

interface Drag {
  pointerId: number;
  x: number;
  y: number;
  travelled: number;
}

/**
 * The time axis and the shown timelines. Wheel zooms around the pointer,
 * shift+wheel or a horizontal wheel pans, alt+wheel scrolls, a drag on empty
 * canvas pans.
 */
export function Canvas({ layout, viewport, timelines, empty, onViewport, onWidth, onDeselect, ...data }: Props) {
  const root = useRef<HTMLElement>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const drag = useRef<Drag | null>(null);
  const [hover, setHover] = useState<Hover | null>(null);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      onWidth(element.clientWidth);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, [onWidth]);

  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const onWheel = (wheel: WheelEvent) => {
      wheel.preventDefault();
      setHover(null);
      const rect = element.getBoundingClientRect();
      const dx = wheelPixels(wheel.deltaX, wheel.deltaMode, rect.width);
      const dy = wheelPixels(wheel.deltaY, wheel.deltaMode, rect.height);
      if (wheel.altKey) {
        element.scrollTop += dy;
      } else if (wheel.shiftKey || Math.abs(dx) > Math.abs(dy)) {
        const distance = dx !== 0 ? dx : dy;
        onViewport((current) => panBy(current, distance));
      } else {
        const factor = Math.exp(-dy * (wheel.ctrlKey ? PINCH_ZOOM : WHEEL_ZOOM));
        onViewport((current) => zoomAt(current, factor, wheel.clientX - rect.left));
      }
    };
    element.addEventListener("wheel", onWheel, { passive: false });
    return () => {
      element.removeEventListener("wheel", onWheel);
    };
  }, [onViewport]);

  const onPointerDown = (pointer: PointerEvent) => {
    const target = pointer.target;
    if (pointer.button !== 0 || (target instanceof Element && target.closest(".event"))) return;
    drag.current = { pointerId: pointer.pointerId, x: pointer.clientX, y: pointer.clientY, travelled: 0 };
    scroller.current?.setPointerCapture(pointer.pointerId);
    setHover(null);
  };

  const onPointerMove = (pointer: PointerEvent) => {
    const current = drag.current;
    if (current?.pointerId !== pointer.pointerId) return;
    const dx = pointer.clientX - current.x;
    const dy = pointer.clientY - current.y;
    drag.current = { ...current, x: pointer.clientX, y: pointer.clientY, travelled: current.travelled + Math.hypot(dx, dy) };
    if (dx !== 0) onViewport((viewport) => panBy(viewport, -dx));
    if (scroller.current) scroller.current.scrollTop -= dy;
  };

  const onPointerUp = (pointer: PointerEvent) => {
    const current = drag.current;
    if (current?.pointerId !== pointer.pointerId) return;
    drag.current = null;
    if (current.travelled <= DRAG_SLOP) onDeselect();
  };

  const onHover = (id: number | null, element?: HTMLElement) => {
    const frame = root.current?.getBoundingClientRect();
    if (id === null || !element || !frame || drag.current) {
      setHover(null);
      return;
    }
    const rect = element.getBoundingClientRect();
    setHover({ id, anchor: { left: rect.left - frame.left, top: rect.top - frame.top, bottom: rect.bottom - frame.top } });
  };

  // Until the next layout arrives, shift the last one by the pan since.
  const shift = layout && viewport ? (panOffset(layout.viewport, viewport) ?? 0) : 0;
  const plane = { transform: `translateX(${shift}px)` };
  const views = new Map(timelines.map((view) => [view.id, view]));
  const hovered = hover ? data.events.get(hover.id) : undefined;

  return (
    <main class="canvas" ref={root} aria-label="Timeline canvas">
      <Axis layout={layout} plane={plane} />
      <div
        class="canvas-scroll"
        ref={scroller}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        {layout && (
          <div class="canvas-content" style={{ height: layout.height_px + 48 }}>
            <Grid layout={layout} plane={plane} />
            {layout.timelines.map((box) => {
              const view = views.get(box.id);
              return (
                view && (
                  <TimelineBand
                    key={box.id}
                    box={box}
                    view={view}
                    laidOut={layout.viewport}
                    plane={plane}
                    data={{ ...data, onHover }}
                  />
                )
              );
            })}
          </div>
        )}
        {empty && (
          <div class="canvas-empty">
            <p>No timeline is shown.</p>
            <p class="muted">Pick one or more in the sidebar to lay them out here.</p>
          </div>
        )}
      </div>
      {hover && hovered && (
        <HoverCard
          event={hovered}
          notes={data.notes.get(hover.id) ?? []}
          anchor={hover.anchor}
          canvas={{ width: root.current?.clientWidth ?? 0, height: root.current?.clientHeight ?? 0 }}
        />
      )}
    </main>
  );
}
