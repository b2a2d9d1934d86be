import { describe, expect, it } from "vitest";
import { centreOn, fitMarks, type Mark, MAX_MINUTE, MAX_SPAN, MIN_MINUTE, MIN_SPAN, minuteAt, panBy, planeMove, pxAt, resize, span, zoomAt } from "./viewport";

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

describe("fitMarks", () => {
  it("puts the first mark at the left margin and the last label end at the right one", () => {
    const start = 1_000_000;
    const end = start + 100 * 1440;
    const fitted = fitMarks(
      [
        { minute: start, px: 0 },
        { minute: end, px: 200 },
        { minute: start + 1440, px: 100 },
      ],
      1000,
      40,
      20,
    );
    expect(fitted).not.toBeNull();
    if (!fitted) return;
    expect(pxAt(fitted, start)).toBeCloseTo(40);
    expect(pxAt(fitted, end) + 200).toBeCloseTo(980);
  });

  it("shows a lone point over a readable span, and nothing for no marks", () => {
    const fitted = fitMarks([{ minute: 0, px: 100 }], 1000, 0, 0);
    expect(fitted && span(fitted)).toBe(30 * 1440);
    expect(fitMarks([], 1000, 0, 0)).toBeNull();
  });

  it("still shows the minute of a label too wide to fit", () => {
    const fitted = fitMarks([{ minute: 0, px: 0 }, { minute: 1e6, px: 5000 }], 1000, 0, 0);
    expect(fitted && span(fitted)).toBeCloseTo(1e6);
  });

  it("fits lazy marks as if all were measured, measuring only those that could decide", () => {
    // A thousand labels, a day apart, of widths 0 to 299 px.
    const widths = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 300);
    const eager: Mark[] = widths.map((px, i) => ({ minute: i * 1440, px }));
    let measured = 0;
    const lazy: Mark[] = widths.map((px, i) => ({
      minute: i * 1440,
      upTo: 300,
      measure: () => {
        measured += 1;
        return px;
      },
    }));
    const expected = fitMarks(eager, 1200, 40, 24);
    expect(fitMarks(lazy, 1200, 40, 24)).toEqual(expected);
    expect(measured).toBeGreaterThan(0);
    expect(measured).toBeLessThan(100);
  });

  it("measures a lazy mark that could be as wide as the room", () => {
    const marks: Mark[] = [
      { minute: 0, px: 0 },
      { minute: 1e8, px: 0 },
      { minute: 5e7, upTo: 5000, measure: () => 800 },
    ];
    const fitted = fitMarks(marks, 1000, 0, 0);
    expect(fitted && span(fitted)).toBeCloseTo(2.5e8);
  });
});

describe("resize, centreOn and planeMove", () => {
  it("keeps px per minute on resize", () => {
    expect(resize(view, 1000)).toEqual({ start_minute: 0, end_minute: 2000, width_px: 1000 });
  });

  it("centres without zooming", () => {
    expect(centreOn(view, 5000)).toEqual({ start_minute: 4500, end_minute: 5500, width_px: 500 });
  });

  it("moves laid-out content by a pan, and stretches it by a zoom about the pointer", () => {
    const panned = planeMove(view, panBy(view, 30));
    expect(panned.shift).toBeCloseTo(-30);
    expect(panned.stretch).toBe(1);
    const zoomed = planeMove(view, zoomAt(view, 2, 100));
    expect(zoomed.stretch).toBeCloseTo(2);
    // The minute under the pointer stays under it: x = 100 → 100 · 2 + shift.
    expect(100 * zoomed.stretch + zoomed.shift).toBeCloseTo(100);
  });
});
