// Where the canvas draws the parts of a laid-out item. Sizes match the
// engine's screen style (LayoutStyle::screen in crates/model/src/layout.rs).

import type { PlacedItem } from "../bindings/PlacedItem";

export const MARKER_PX = 10;
export const ROW_HEIGHT_PX = 26;
/** Gap between a marker or bar start and its label. */
export const LABEL_GAP_PX = 6;
/** Space between a marker or bar and text set beside it. */
const TEXT_GAP_PX = 4;
/** Fonts of event labels and of date text on the canvas, as the engine measures them. */
export const LABEL_FONT = '12px "Inter"';
export const DATE_FONT = '11px "Inter"';

export interface Extent {
  left: number;
  right: number;
}

/** The px an item's marker or bar and its label cover, cut to the canvas width. */
export function hitExtent(item: PlacedItem, widthPx: number): Extent {
  const labelEnd = item.label_visible ? item.label_x + item.label_width : -Infinity;
  const [left, right] =
    item.x_end === null
      ? [item.x - MARKER_PX / 2, Math.max(item.x + MARKER_PX / 2, labelEnd)]
      : [item.x, Math.max(item.x_end, labelEnd)];
  const cutLeft = Math.min(Math.max(left, 0), widthPx);
  return { left: cutLeft, right: Math.max(cutLeft, Math.min(right, widthPx)) };
}

/**
 * Where date text `textWidth` px wide fits inside space the engine reserved
 * for the item (never over a neighbour): left of a point's marker within its
 * start date's interval, or after a bar's label within the bar. Returns the
 * text's left edge, or null when it does not fit.
 */
export function dateTextX(item: PlacedItem, textWidth: number, widthPx: number): number | null {
  if (item.x_end === null) {
    const left = item.x - MARKER_PX / 2 - TEXT_GAP_PX - textWidth;
    return left >= item.fuzzy_start_x && left >= 0 ? left : null;
  }
  const labelEnd = item.label_visible ? item.label_x + item.label_width : item.x;
  const left = Math.max(labelEnd, 0) + 2 * TEXT_GAP_PX;
  return left + textWidth <= Math.min(item.x_end, widthPx) - TEXT_GAP_PX ? left : null;
}

/** Whether a point's date interval is wide enough on screen to draw. */
export function showsInterval(item: PlacedItem): boolean {
  return item.x_end === null && item.fuzzy_end_x - item.fuzzy_start_x >= 2 * MARKER_PX;
}
