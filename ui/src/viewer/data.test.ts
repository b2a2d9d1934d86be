import { describe, expect, it } from "vitest";
import { levelFor, parseData, type Level } from "./data";

const level = (width_px: number): Level => ({
  width_px,
  height_px: 100,
  overhang_px: 0,
  ticks: [],
  lanes: [],
  items: [],
  periods: [],
});

describe("levelFor", () => {
  const levels = [level(600), level(1200), level(2400)];

  it("takes the widest level no wider than the view, so labels keep their room", () => {
    expect(levelFor(levels, 1199)?.width_px).toBe(600);
    expect(levelFor(levels, 1200)?.width_px).toBe(1200);
    expect(levelFor(levels, 100_000)?.width_px).toBe(2400);
  });

  it("takes the narrowest below it, and none of none", () => {
    expect(levelFor(levels, 320)?.width_px).toBe(600);
    expect(levelFor([], 800)).toBeUndefined();
  });
});

describe("parseData", () => {
  it("reads the page's JSON block, escapes and all, and refuses what is not JSON", () => {
    expect(parseData('{"title":"\\u003c/script\\u003e"}')?.title).toBe("</script>");
    expect(parseData("{")).toBeNull();
    expect(parseData(undefined)).toBeNull();
  });
});
