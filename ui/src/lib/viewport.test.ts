import { describe, expect, it } from "vitest";
import { MAX_MINUTE, MIN_MINUTE } from "./edtf";
import {
  centreOn,
  fitTo,
  MAX_SPAN,
  MIN_SPAN,
  minuteAt,
  panBy,
  panOffset,
  pxAt,
  resize,
  span,
  zoomAt,
} from "./viewport";

const view = { start_minute: 0, end_minute: 1000, width_px: 500 };

describe("zoomAt", () => {
  it("keeps the minute under the cursor in place", () => {
    const zoomed = zoomAt(view, 2, 100);
    expect(span(zoomed)).toBeCloseTo(500);
    expect(minuteAt(zoomed, 100)).toBeCloseTo(minuteAt(view, 100));
  });

  it("stops at the narrowest and widest spans", () => {
    expect(span(zoomAt(view, 1e9, 250))).toBe(MIN_SPAN);
    const out = zoomAt(view, 1e-12, 250);
    expect(span(out)).toBe(MAX_SPAN);
    expect(out.start_minute).toBe(MIN_MINUTE);
    expect(out.end_minute).toBe(MAX_MINUTE);
  });
});

describe("panBy", () => {
  it("moves by px at the current scale", () => {
    expect(panBy(view, 50)).toEqual({ start_minute: 100, end_minute: 1100, width_px: 500 });
  });

  it("stays inside the representable years", () => {
    const far = panBy({ start_minute: MAX_MINUTE - 1000, end_minute: MAX_MINUTE, width_px: 500 }, 500);
    expect(far.end_minute).toBe(MAX_MINUTE);
  });
});

describe("fitTo", () => {
  it("shows the extent between the margins", () => {
    const start = 1_000_000;
    const end = start + 100 * 1440;
    const fitted = fitTo({ start, end }, 1000, 40, 160);
    expect(pxAt(fitted, start)).toBeCloseTo(40);
    expect(pxAt(fitted, end)).toBeCloseTo(840);
  });

  it("widens a lone point to a readable span", () => {
    const fitted = fitTo({ start: 0, end: 1440 }, 1000, 0, 0);
    expect(span(fitted)).toBe(30 * 1440);
    expect(pxAt(fitted, 720)).toBeCloseTo(500);
  });
});

describe("resize, centreOn and panOffset", () => {
  it("keeps px per minute on resize", () => {
    expect(resize(view, 1000)).toEqual({ start_minute: 0, end_minute: 2000, width_px: 1000 });
  });

  it("centres without zooming", () => {
    expect(centreOn(view, 5000)).toEqual({ start_minute: 4500, end_minute: 5500, width_px: 500 });
  });

  it("predicts a pan but not a zoom", () => {
    expect(panOffset(view, panBy(view, 30))).toBeCloseTo(-30);
    expect(panOffset(view, zoomAt(view, 2, 0))).toBeNull();
  });
});
