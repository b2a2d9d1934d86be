// Pointer-drag geometry: when a press becomes a drag, and what a drag on the
// canvas asks the engine for. The engine snaps; this only converts px to minutes.

import type { Edge } from "../bindings/Edge";
import type { Viewport } from "../bindings/Viewport";
import { minuteAt } from "./viewport";

/** Pointer travel in px beyond which a press is a drag, not a click. */
export const DRAG_THRESHOLD_PX = 4;

/** Whether a press that has travelled (`dx`, `dy`) px is a drag. */
export function isDrag(dx: number, dy: number): boolean {
  return Math.hypot(dx, dy) >= DRAG_THRESHOLD_PX;
}

/**
 * The horizontal travel that counts: none while it stays under the
 * threshold, so dragging an event to another lane does not re-date it by a
 * hand's tremor.
 */
export function axisTravel(dx: number): number {
  return Math.abs(dx) < DRAG_THRESHOLD_PX ? 0 : dx;
}

/** Which way a move drag goes: along time, across lanes, or not decided yet. */
export type AxisLock = "time" | "lane" | null;

/** Pointer travel past which a move drag's axis is decided. */
export const LOCK_THRESHOLD_PX = 8;

/**
 * A move drag's axis, decided once when it has travelled
 * `LOCK_THRESHOLD_PX`: mostly vertical moves lanes only, so a lane change
 * never re-dates the event; mostly horizontal moves along time.
 */
export function axisLock(decided: AxisLock, dx: number, dy: number): AxisLock {
  if (decided !== null || Math.hypot(dx, dy) < LOCK_THRESHOLD_PX) return decided;
  return Math.abs(dy) > Math.abs(dx) ? "lane" : "time";
}

/**
 * What a move drag changes under its lock: the horizontal travel that
 * re-dates (none across lanes or before the axis is decided) and whether it
 * may change lanes (not along time with Shift held, which locks it there).
 */
export function lockedMove(lock: AxisLock, dx: number, shift: boolean): { dx: number; lanes: boolean } {
  if (lock === "time") return { dx: axisTravel(dx), lanes: !shift };
  return { dx: 0, lanes: true };
}

/**
 * The `move_event` delta for an event whose marker (or bar start) the
 * layout drew at `x`, dragged `dx` px: its start goes to the minute under the
 * marker's new place, so the date it lands in is the one the marker is seen
 * in (a month-precision marker sits mid-month).
 */
export function moveDelta(startMinute: number, x: number, dx: number, viewport: Viewport): number {
  if (dx === 0) return 0;
  return Math.round(minuteAt(viewport, x + dx)) - startMinute;
}

/**
 * The minute a resize handle dragged to px `x` stands for. A bar's end is
 * drawn at the exclusive end of its last date, so the end handle names the
 * minute just before it.
 */
export function edgeMinute(edge: Edge, x: number, viewport: Viewport): number {
  const minute = Math.round(minuteAt(viewport, x));
  return edge === "start" ? minute : minute - 1;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The rectangle two corners span, whichever way it was drawn. */
export function rectFrom(x0: number, y0: number, x1: number, y1: number): Rect {
  return { left: Math.min(x0, x1), top: Math.min(y0, y1), right: Math.max(x0, x1), bottom: Math.max(y0, y1) };
}

export function intersects(a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}
