// Layouts re-expressed against a fixed origin, so that a pan changes
// nothing but the shift of the planes: every item keeps the position (and
// the very object) it had, and the DOM is left alone.

import type { Layout } from "../bindings/Layout";
import type { PlacedItem } from "../bindings/PlacedItem";
import type { Extent } from "./geometry";

/** WebKit lays out in 1/64 px: positions are rounded to that, so that float noise never changes one. */
const GRAIN = 64;
/** Past this far from the origin, a layout takes a new one (WebKit's lengths end near 33 million px). */
const MAX_OFFSET_PX = 1_000_000;

/** A layout whose x positions count from an origin kept across pans. */
export interface AnchoredLayout {
  /** The layout, its viewport starting at the origin with the same scale and width. */
  layout: Layout;
  /** The part of the plane the layout's own viewport showed. */
  window: Extent;
}

function round(px: number): number {
  return Math.round(px * GRAIN) / GRAIN;
}

function scaleOf(layout: Layout): number {
  const { start_minute, end_minute, width_px } = layout.viewport;
  return width_px / (end_minute - start_minute);
}

function sameItem(a: PlacedItem, b: PlacedItem): boolean {
  return (
    a.x === b.x &&
    a.x_end === b.x_end &&
    a.fuzzy_start_x === b.fuzzy_start_x &&
    a.fuzzy_end_x === b.fuzzy_end_x &&
    a.y === b.y &&
    a.row === b.row &&
    a.label_x === b.label_x &&
    a.label_width === b.label_width &&
    a.label_visible === b.label_visible &&
    a.visible === b.visible &&
    a.ongoing === b.ongoing
  );
}

/**
 * `layout` counted from the origin of `previous` when both share a scale
 * and width (a pan), else from its own start (a zoom or a resize). Items
 * equal to the previous layout's are the previous objects, so memoised
 * renders skip them.
 */
export function anchorLayout(layout: Layout, previous: AnchoredLayout | null): AnchoredLayout {
  const scale = scaleOf(layout);
  const { viewport } = layout;
  if (!(scale > 0 && Number.isFinite(scale))) return { layout, window: { left: 0, right: viewport.width_px } };
  const before = previous?.layout;
  const panned =
    before !== undefined &&
    before.viewport.width_px === viewport.width_px &&
    Math.abs(scaleOf(before) - scale) <= scale * 1e-9 &&
    Math.abs((viewport.start_minute - before.viewport.start_minute) * scale) < MAX_OFFSET_PX;
  const origin = panned ? before.viewport.start_minute : viewport.start_minute;
  const offset = (viewport.start_minute - origin) * scale;
  const at = (x: number) => round(x + offset);

  /** The previous layout's items, by lane and id. */
  const known = new Map<number, Map<number, PlacedItem>>();
  if (panned) {
    for (const box of before.timelines) {
      for (const lane of box.lanes) known.set(lane.id, new Map(lane.items.map((item) => [item.id, item])));
    }
  }
  const timelines = layout.timelines.map((box) => ({
    ...box,
    lanes: box.lanes.map((lane) => ({
      ...lane,
      items: lane.items.map((item) => {
        const moved: PlacedItem = {
          ...item,
          x: at(item.x),
          x_end: item.x_end === null ? null : at(item.x_end),
          fuzzy_start_x: at(item.fuzzy_start_x),
          fuzzy_end_x: at(item.fuzzy_end_x),
          label_x: at(item.label_x),
        };
        const old = known.get(lane.id)?.get(item.id);
        return old && sameItem(old, moved) ? old : moved;
      }),
    })),
  }));
  return {
    layout: {
      ...layout,
      viewport: { ...viewport, start_minute: origin, end_minute: origin + viewport.width_px / scale },
      ticks: layout.ticks.map((tick) => ({ ...tick, x: at(tick.x) })),
      today_x: layout.today_x === null ? null : at(layout.today_x),
      timelines,
    },
    window: { left: round(offset), right: round(offset + viewport.width_px) },
  };
}
