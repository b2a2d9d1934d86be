// Viewport math: the span of minutes shown across the canvas width.

import type { Viewport } from "../bindings/Viewport";

/** The engine's date range, years -9999 to 9999 (astronomical), in minutes since 1970. */
export const MIN_MINUTE = Date.UTC(-9999, 0, 1) / 60_000;
export const MAX_MINUTE = Date.UTC(10000, 0, 1) / 60_000;

/** The rows of the canvas on screen: how far it is scrolled down, and how tall it is, in px. */
export interface Band {
  top: number;
  height: number;
}

/** Narrowest span the canvas zooms to: half an hour. */
export const MIN_SPAN = 30;
/** Widest span: every year a date can stand for. */
export const MAX_SPAN = MAX_MINUTE - MIN_MINUTE;
/** Narrowest span "fit" shows between its margins, so a lone event is not blown up to a day. */
const MIN_FIT_SPAN = 30 * 1440;

export function span(viewport: Viewport): number {
  return viewport.end_minute - viewport.start_minute;
}

/** Px per minute. */
function scaleOf(viewport: Viewport): number {
  return viewport.width_px / span(viewport);
}

export function minuteAt(viewport: Viewport, px: number): number {
  return viewport.start_minute + px / scaleOf(viewport);
}

export function pxAt(viewport: Viewport, minute: number): number {
  return (minute - viewport.start_minute) * scaleOf(viewport);
}

/** The viewport with its span within [MIN_SPAN, MAX_SPAN] and inside the representable years. */
function clampViewport(viewport: Viewport): Viewport {
  const width = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span(viewport)));
  const centre = (viewport.start_minute + viewport.end_minute) / 2;
  let start = centre - width / 2;
  start = Math.min(MAX_MINUTE - width, Math.max(MIN_MINUTE, start));
  return { start_minute: start, end_minute: start + width, width_px: viewport.width_px };
}

/** Zooms in by `factor` (> 1 zooms in) keeping the minute under `anchorPx` in place. */
export function zoomAt(viewport: Viewport, factor: number, anchorPx: number): Viewport {
  const fraction = anchorPx / viewport.width_px;
  const anchor = minuteAt(viewport, anchorPx);
  const width = Math.min(MAX_SPAN, Math.max(MIN_SPAN, span(viewport) / factor));
  const start = anchor - fraction * width;
  return clampViewport({ start_minute: start, end_minute: start + width, width_px: viewport.width_px });
}

/** Moves the view right by `dx` px (content moves left). */
export function panBy(viewport: Viewport, dx: number): Viewport {
  const delta = dx / scaleOf(viewport);
  return clampViewport({
    start_minute: viewport.start_minute + delta,
    end_minute: viewport.end_minute + delta,
    width_px: viewport.width_px,
  });
}

/** The same start and px-per-minute at a new width, so resizing never squashes the view. */
export function resize(viewport: Viewport, widthPx: number): Viewport {
  const end = viewport.start_minute + widthPx / scaleOf(viewport);
  return clampViewport({ start_minute: viewport.start_minute, end_minute: end, width_px: widthPx });
}

/**
 * Something a fitted view must show: `px` right of where `minute` falls,
 * such as a label's end. A px costly to know (a label to measure) is given
 * as the most it can be and a way to measure it.
 */
export type Mark = { minute: number; px: number } | { minute: number; upTo: number; measure: () => number };

/**
 * The closest view that shows every mark between margins of `left` and
 * `right` px, with the earliest mark at the left margin; null for no marks.
 * A lazy mark is measured only when it could decide the zoom: fitting
 * 10,000 labels measures a few of them.
 */
export function fitMarks(marks: readonly Mark[], widthPx: number, left: number, right: number): Viewport | null {
  if (marks.length === 0) return null;
  let start = Infinity;
  for (const mark of marks) start = Math.min(start, mark.minute);
  const room = Math.max(1, widthPx - left - right);
  /** The most px per minute that keeps `px` right of `minute` in the room. */
  const limit = (minute: number, px: number) => {
    const minutes = minute - start;
    // A label too wide to fit at any zoom is left to overflow; its minute still shows.
    const free = px < room ? room - px : room;
    return minutes > 0 ? free / minutes : Infinity;
  };
  let scale = room / MIN_FIT_SPAN;
  const lazy: { least: number; minute: number; measure: () => number }[] = [];
  for (const mark of marks) {
    if ("px" in mark) scale = Math.min(scale, limit(mark.minute, mark.px));
    // A mark as wide as the room or wider may be just narrower than it: it allows nearly nothing.
    else lazy.push({ least: mark.upTo < room ? limit(mark.minute, mark.upTo) : 0, minute: mark.minute, measure: mark.measure });
  }
  // Most constraining first: once a mark at its widest still allows more
  // than the scale found, so does every later one.
  lazy.sort((a, b) => a.least - b.least);
  for (const { least, minute, measure } of lazy) {
    if (least > scale) break;
    scale = Math.min(scale, limit(minute, measure()));
  }
  const startMinute = start - left / scale;
  return clampViewport({ start_minute: startMinute, end_minute: startMinute + widthPx / scale, width_px: widthPx });
}

/** The viewport moved (not zoomed) so that `minute` sits in its middle. */
export function centreOn(viewport: Viewport, minute: number): Viewport {
  const half = span(viewport) / 2;
  return clampViewport({ start_minute: minute - half, end_minute: minute + half, width_px: viewport.width_px });
}

/** How content laid out for one viewport is moved and stretched to show another. */
export interface PlaneMove {
  /** Px to shift by, after stretching from the left edge. */
  shift: number;
  /** Factor to stretch by: 1 for a pan, else a zoom shown before its layout arrives. */
  stretch: number;
}

/** What moves content laid out for `laidOut` to where `current` shows it. */
export function planeMove(laidOut: Viewport, current: Viewport): PlaneMove {
  const a = scaleOf(laidOut);
  const b = scaleOf(current);
  const stretch = Math.abs(a - b) > a * 1e-9 ? b / a : 1;
  return { shift: (laidOut.start_minute - current.start_minute) * b, stretch };
}

/** Wheel delta in px whatever the device reports in. */
export function wheelPixels(delta: number, deltaMode: number, pagePx: number): number {
  return deltaMode === 1 ? delta * 16 : deltaMode === 2 ? delta * pagePx : delta;
}

/** How far past each side of the screen a layout reaches, in screens. */
const WINDOW_PAD = 0.5;
/** The grid, in screens, that a layout's window moves on as the view pans. */
const WINDOW_STEP = 0.25;

/**
 * The viewport the canvas asks the engine to lay out for `viewport` on
 * screen: half a screen wider on each side, its start on a grid of a
 * quarter screen. A pan asks for a new layout only when it crosses the
 * grid, and until then the one held covers the screen with a quarter
 * screen to spare on either side.
 */
export function layoutWindow(viewport: Viewport): Viewport {
  const screen = span(viewport);
  if (!(screen > 0 && viewport.width_px > 0)) return viewport;
  const step = screen * WINDOW_STEP;
  const start = Math.floor(viewport.start_minute / step) * step - screen * WINDOW_PAD;
  const screens = 1 + 2 * WINDOW_PAD + WINDOW_STEP;
  return { ...viewport, start_minute: start, end_minute: start + screen * screens, width_px: viewport.width_px * screens };
}

