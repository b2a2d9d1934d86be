import { describe, expect, it } from "vitest";
import type { PlacedItem } from "../bindings/PlacedItem";
import { clipItem, dateTextX, showsInterval } from "./geometry";

const SCREEN = { left: 0, right: 1000 };

function item(overrides: Partial<PlacedItem>): PlacedItem {
  return {
    id: 1,
    x: 200,
    x_end: null,
    fuzzy_start_x: 200,
    fuzzy_end_x: 202,
    y: 35,
    row: 0,
    label_x: 211,
    label_width: 120,
    label_visible: true,
    visible: true,
    ongoing: false,
    ...overrides,
  };
}

describe("clipItem", () => {
  it("covers a point's marker and label", () => {
    expect(clipItem(item({}), SCREEN)).toMatchObject({ left: 195, right: 331 });
  });

  it("covers a bar past its label and cuts it to the canvas", () => {
    expect(clipItem(item({ x: -50, x_end: 1200, label_x: -44 }), SCREEN)).toMatchObject({ left: 0, right: 1000 });
    expect(clipItem(item({ x: 950, x_end: 3200, label_x: 956 }), { left: 900, right: 1900 })).toMatchObject({
      left: 950,
      right: 1900,
    });
  });

  it("leaves out the label of a collapsed lane", () => {
    expect(clipItem(item({ label_visible: false }), SCREEN)).toMatchObject({ left: 195, right: 205 });
  });
});

describe("dateTextX", () => {
  it("puts a date left of a point's marker when its interval has room", () => {
    const wide = item({ fuzzy_start_x: 100, fuzzy_end_x: 300 });
    expect(dateTextX(wide, 40, clipItem(wide, SCREEN))).toBe(151);
    expect(dateTextX(wide, 100, clipItem(wide, SCREEN))).toBeNull();
    expect(dateTextX(wide, 40, clipItem(wide, { left: 160, right: 1160 }))).toBeNull();
    expect(dateTextX(item({}), 10, clipItem(item({}), SCREEN))).toBeNull();
  });

  it("puts a date after a bar's label when the bar has room", () => {
    const bar = item({ x_end: 500 });
    expect(dateTextX(bar, 60, clipItem(bar, SCREEN))).toBe(339);
    expect(dateTextX(bar, 200, clipItem(bar, SCREEN))).toBeNull();
    expect(dateTextX(bar, 60, clipItem(bar, { left: 0, right: 380 }))).toBeNull();
    expect(dateTextX(bar, 60, clipItem(bar, { left: 400, right: 1400 }))).toBe(408);
  });
});

describe("showsInterval", () => {
  it("draws only wide intervals of points", () => {
    expect(showsInterval(item({}))).toBe(false);
    expect(showsInterval(item({ fuzzy_start_x: 100, fuzzy_end_x: 300 }))).toBe(true);
    expect(showsInterval(item({ fuzzy_start_x: 100, fuzzy_end_x: 300, x_end: 400 }))).toBe(false);
  });
});
