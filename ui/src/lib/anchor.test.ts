import { describe, expect, it } from "vitest";
import type { Layout } from "../bindings/Layout";
import type { PlacedItem } from "../bindings/PlacedItem";
import { anchorLayout } from "./anchor";

function item(id: number, x: number): PlacedItem {
  return {
    id,
    x,
    x_end: null,
    fuzzy_start_x: x,
    fuzzy_end_x: x + 2,
    y: 40,
    row: 0,
    label_x: x + 11,
    label_width: 80,
    label_visible: true,
    visible: true,
    ongoing: false,
  };
}

/** A layout of 1 px per minute from `start`, with an item at each of `minutes`. */
function laidOut(start: number, minutes: number[], width = 1000): Layout {
  return {
    viewport: { start_minute: start, end_minute: start + width, width_px: width },
    tick_unit: "year",
    tick_step: 1,
    ticks: [{ minute: 500, x: 500 - start, label: "x", major: true }],
    timelines: [
      {
        id: 1,
        y: 0,
        height: 100,
        lanes: [{ id: 7, y: 32, height: 60, rows: 1, items: minutes.map((minute, i) => item(i + 1, minute - start)) }],
        periods: [],
      },
    ],
    height_px: 100,
    today_x: null,
  };
}

const items = (layout: Layout) => layout.timelines[0]?.lanes[0]?.items ?? [];

describe("anchorLayout", () => {
  it("keeps a pan's items, and the objects themselves, where they were", () => {
    const first = anchorLayout(laidOut(0, [100, 300]), null);
    const panned = anchorLayout(laidOut(250.3, [100, 300, 1200]), first);
    expect(panned.layout.viewport.start_minute).toBe(0);
    expect(items(panned.layout)[0]).toBe(items(first.layout)[0]);
    expect(items(panned.layout)[1]).toBe(items(first.layout)[1]);
    expect(items(panned.layout)[2]?.x).toBeCloseTo(1200, 1);
    expect(panned.layout.ticks[0]?.x).toBe(500);
    expect(panned.window.left).toBeCloseTo(250.3, 1);
    expect(panned.window.right).toBeCloseTo(1250.3, 1);
  });

  it("starts afresh on a zoom", () => {
    const first = anchorLayout(laidOut(0, [100]), null);
    const zoomed = anchorLayout(
      { ...laidOut(50, [100]), viewport: { start_minute: 50, end_minute: 550, width_px: 1000 } },
      first,
    );
    expect(zoomed.layout.viewport.start_minute).toBe(50);
    expect(zoomed.window).toEqual({ left: 0, right: 1000 });
    expect(items(zoomed.layout)[0]).not.toBe(items(first.layout)[0]);
  });

  it("starts afresh far from its origin, where WebKit's lengths run out", () => {
    const first = anchorLayout(laidOut(0, [100]), null);
    const far = anchorLayout(laidOut(5_000_000, [5_000_100]), first);
    expect(far.layout.viewport.start_minute).toBe(5_000_000);
    expect(items(far.layout)[0]?.x).toBe(100);
  });

  it("leaves a layout that shows nothing as it is", () => {
    const empty = laidOut(0, [], 0);
    expect(anchorLayout(empty, null).layout).toBe(empty);
  });
});
