import { describe, expect, it } from "vitest";
import { axisLock, axisTravel, edgeMinute, intersects, isDrag, lockedMove, moveDelta, rectFrom } from "./drag";

/** 1 px = 10 minutes. */
const view = { start_minute: 1000, end_minute: 11_000, width_px: 1000 };

describe("isDrag", () => {
  it("tells a click from a drag by 4 px of travel", () => {
    expect(isDrag(0, 0)).toBe(false);
    expect(isDrag(3, 0)).toBe(false);
    expect(isDrag(2, 2)).toBe(false);
    expect(isDrag(0, -4)).toBe(true);
    expect(isDrag(3, 3)).toBe(true);
  });

  it("ignores horizontal tremor under the threshold", () => {
    expect(axisTravel(3)).toBe(0);
    expect(axisTravel(-3.5)).toBe(0);
    expect(axisTravel(-4)).toBe(-4);
    expect(axisTravel(40)).toBe(40);
  });
});

describe("moveDelta", () => {
  it("moves a bar start by the px travelled, in whole minutes at the viewport's scale", () => {
    // A bar starting at minute 3000 is drawn at x = 200.
    expect(moveDelta(3000, 200, 50, view)).toBe(500);
    expect(moveDelta(3000, 200, -50, view)).toBe(-500);
    expect(moveDelta(3000, 200, 1.26, view)).toBe(13);
  });

  it("puts the start under a mid-interval marker's new place", () => {
    // A month point starting at 3000 with its marker mid-month at x = 350 (minute 4500).
    expect(moveDelta(3000, 350, 30, view)).toBe(1800);
    expect(moveDelta(3000, 350, -30, view)).toBe(1200);
  });

  it("asks for nothing when not moved", () => {
    expect(moveDelta(3000, 350, 0, view)).toBe(0);
  });
});

describe("edgeMinute", () => {
  it("names the minute under a start handle and the last minute before an end handle", () => {
    expect(edgeMinute("start", 200, view)).toBe(3000);
    expect(edgeMinute("end", 200, view)).toBe(2999);
  });
});

describe("rectangles", () => {
  it("normalises corners and tests overlap", () => {
    const box = rectFrom(50, 40, 10, 0);
    expect(box).toEqual({ left: 10, top: 0, right: 50, bottom: 40 });
    expect(intersects(box, { left: 45, top: 35, right: 60, bottom: 60 })).toBe(true);
    expect(intersects(box, { left: 50, top: 0, right: 60, bottom: 40 })).toBe(false);
    expect(intersects(box, { left: 0, top: 41, right: 60, bottom: 60 })).toBe(false);
  });
});

describe("axisLock", () => {
  it("decides once the drag has travelled 8 px, by its main direction", () => {
    expect(axisLock(null, 3, 5)).toBeNull();
    expect(axisLock(null, 3, 12)).toBe("lane");
    expect(axisLock(null, -12, 3)).toBe("time");
  });

  it("keeps the first decision however the drag turns", () => {
    expect(axisLock("lane", 300, 0)).toBe("lane");
    expect(axisLock("time", 0, 300)).toBe("time");
  });
});

describe("lockedMove", () => {
  it("never re-dates a drag across lanes", () => {
    expect(lockedMove("lane", 37, false)).toEqual({ dx: 0, lanes: true });
    expect(lockedMove(null, 6, false)).toEqual({ dx: 0, lanes: true });
  });

  it("re-dates along time, across lanes too unless Shift holds the lane", () => {
    expect(lockedMove("time", 40, false)).toEqual({ dx: 40, lanes: true });
    expect(lockedMove("time", 40, true)).toEqual({ dx: 40, lanes: false });
  });
});
