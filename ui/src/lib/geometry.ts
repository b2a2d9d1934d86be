// Where the canvas draws the parts of a laid-out item. Sizes match the
// engine's screen style (LayoutStyle::screen in crates/model/src/layout.rs).

import type { PlacedItem } from "../bindings/PlacedItem";

export const MARKER_PX = 10;
/** Room a callout icon takes left of a point's marker. */
export const NOTE_PX = 10;
/** Narrowest a bar is drawn while its end is dragged. */
export const MIN_BAR_PX = 2;
export const ROW_HEIGHT_PX = 26;
/** Height of a row of shaded periods' names (the engine stacks names that would touch). */
export const PERIOD_ROW_PX = 16;
/** Gap between a marker or bar start and its label. */
export const LABEL_GAP_PX = 6;
/** Space between a marker or bar and text set beside it. */
const TEXT_GAP_PX = 4;
/** Fonts of event labels and of date text on the canvas, as the engine measures them. */
export const LABEL_FONT = '12px "Inter"';
/**
 * The most a UTF-16 unit of a label can take: one and a half ems of
 * LABEL_FONT, more than any glyph of Inter or of a CJK font (emoji take two
 * units). Kept tight: a label bound wider than the canvas must be measured.
 */
export const LABEL_UNIT_MAX_PX = 18;
export const DATE_FONT = '11px "Inter"';

export interface Extent {
  left: number;
  right: number;
}

/**
 * What the screen shows of an item: the px its marker or bar and its label
 * cover, cut to `screen`, and the room its date text may take there.
 */
export interface Clip {
  left: number;
  right: number;
  /** Date text starts at or after this… */
  textMin: number;
  /** …and ends at or before this. */
  textMax: number;
}

export function sameClip(a: Clip, b: Clip): boolean {
  return a.left === b.left && a.right === b.right && a.textMin === b.textMin && a.textMax === b.textMax;
}

/**
 * Cuts `item` to `screen`. Date text never sits over a neighbour: a point's
 * goes left of its marker within its start date's interval, a bar's after
 * its label within the bar.
 */
export function clipItem(item: PlacedItem, screen: Extent): Clip {
  const labelEnd = item.label_visible ? item.label_x + item.label_width : -Infinity;
  const [left, right] =
    item.x_end === null
      ? [item.x - MARKER_PX / 2, Math.max(item.x + MARKER_PX / 2, labelEnd)]
      : [item.x, Math.max(item.x_end, labelEnd)];
  const cutLeft = Math.min(Math.max(left, screen.left), screen.right);
  const cut = { left: cutLeft, right: Math.max(cutLeft, Math.min(right, screen.right)) };
  if (item.x_end === null) {
    return { ...cut, textMin: Math.max(item.fuzzy_start_x, screen.left), textMax: item.x - MARKER_PX / 2 - TEXT_GAP_PX };
  }
  const textStart = item.label_visible ? labelEnd : item.x;
  return {
    ...cut,
    textMin: Math.max(textStart, screen.left) + 2 * TEXT_GAP_PX,
    textMax: Math.min(item.x_end, screen.right) - TEXT_GAP_PX,
  };
}

/**
 * Whether the canvas has an element over `item`: laid out as visible, some
 * of it across `screen`, and its row within `rows` (the top and bottom of
 * the rows on screen, as an extent down).
 */
export function onScreen(item: PlacedItem, screen: Extent, rows: Extent): boolean {
  const clip = clipItem(item, screen);
  return item.visible && clip.right > clip.left && item.y >= rows.left && item.y <= rows.right;
}

/** Where date text `textWidth` px wide starts in an item's clip, or null when it does not fit. */
export function dateTextX(item: PlacedItem, textWidth: number, clip: Clip): number | null {
  if (clip.textMax - clip.textMin < textWidth) return null;
  return item.x_end === null ? clip.textMax - textWidth : clip.textMin;
}

/** Whether a point's date interval is wide enough on screen to draw. */
export function showsInterval(item: PlacedItem): boolean {
  return item.x_end === null && item.fuzzy_end_x - item.fuzzy_start_x >= 2 * MARKER_PX;
}
