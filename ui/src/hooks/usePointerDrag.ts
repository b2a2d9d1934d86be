import { useCallback, useEffect, useRef } from "preact/hooks";
import { isDrag } from "../lib/drag";

export interface DragPoint {
  /** The pointer, in client px. */
  x: number;
  y: number;
  /** Travel since the press. */
  dx: number;
  dy: number;
  /** Shift is held (locks a move to one axis). */
  shift: boolean;
}

export interface DragCallbacks {
  /** The press has travelled past the threshold: it is a drag. */
  start?: (point: DragPoint) => void;
  move: (point: DragPoint) => void;
  /** Released after a drag. A press released before the threshold stays a click. */
  drop: (point: DragPoint) => void;
  /** Escape, a cancelled pointer, or the component going away. */
  cancel: () => void;
}

/**
 * Follows a press from pointerdown to release with pointer events (which
 * WebDriver can drive, unlike HTML drag and drop). The element pressed
 * captures the pointer; the click that follows a drag is swallowed.
 */
export function usePointerDrag(): (press: PointerEvent, callbacks: DragCallbacks) => void {
  const stop = useRef<(() => void) | null>(null);

  useEffect(
    () => () => {
      stop.current?.();
    },
    [],
  );

  return useCallback((press: PointerEvent, callbacks: DragCallbacks) => {
    stop.current?.();
    const pointerId = press.pointerId;
    const origin = { x: press.clientX, y: press.clientY };
    let dragging = false;
    const target = press.currentTarget;
    if (target instanceof Element) {
      try {
        target.setPointerCapture(pointerId);
      } catch {
        // A pointer that is not active (a synthetic press) cannot be captured; the window still hears it.
      }
    }

    const at = (event: PointerEvent): DragPoint => ({
      x: event.clientX,
      y: event.clientY,
      dx: event.clientX - origin.x,
      dy: event.clientY - origin.y,
      shift: event.shiftKey,
    });
    const started = (point: DragPoint): boolean => {
      if (!dragging && isDrag(point.dx, point.dy)) {
        dragging = true;
        // No text gets selected on the way.
        window.getSelection()?.removeAllRanges();
        document.documentElement.classList.add("is-dragging");
        callbacks.start?.(point);
      }
      return dragging;
    };

    const onMove = (event: PointerEvent) => {
      if (event.pointerId !== pointerId) return;
      const point = at(event);
      if (started(point)) callbacks.move(point);
    };
    // A release far from the press is a drag even without moves in between (a scripted jump).
    const onUp = (event: PointerEvent) => {
      if (event.pointerId !== pointerId) return;
      finish();
      const point = at(event);
      if (!started(point)) return;
      swallowClick();
      callbacks.drop(point);
    };
    const onCancel = (event: PointerEvent) => {
      if (event.pointerId !== pointerId) return;
      finish();
      if (dragging) callbacks.cancel();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !dragging) return;
      event.preventDefault();
      event.stopPropagation();
      finish();
      swallowClick();
      callbacks.cancel();
    };

    function finish() {
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onUp);
      window.removeEventListener("pointercancel", onCancel);
      window.removeEventListener("keydown", onKey, true);
      document.documentElement.classList.remove("is-dragging");
      stop.current = null;
    }

    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onUp);
    window.addEventListener("pointercancel", onCancel);
    window.addEventListener("keydown", onKey, true);
    stop.current = () => {
      finish();
      if (dragging) callbacks.cancel();
    };
  }, []);
}

/** Drops the click the browser sends after a drag's release. */
function swallowClick() {
  const swallow = (click: MouseEvent) => {
    click.stopPropagation();
    click.preventDefault();
  };
  window.addEventListener("click", swallow, { capture: true, once: true });
  window.setTimeout(() => {
    window.removeEventListener("click", swallow, { capture: true });
  }, 0);
}
