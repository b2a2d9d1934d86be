import { describe, expect, it } from "vitest";
import type { PlacedItem } from "../bindings/PlacedItem";
import { dateTextX, hitExtent, showsInterval } from "./geometry";

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

describe("hitExtent", () => {
  it("covers a point's marker and label", () => {
    expect(hitExtent(item({}), 1000)).toEqual({ left: 195, right: 331 });
  });

  it("covers a bar past its label and cuts it to the canvas", () => {
    expect(hitExtent(item({ x: -50, x_end: 1200, label_x: -44 }), 1000)).toEqual({ left: 0, right: 1000 });
  });

  it("leaves out the label of a collapsed lane", () => {
    expect(hitExtent(item({ label_visible: false }), 1000)).toEqual({ left: 195, right: 205 });
  });
});

describe("dateTextX", () => {
  it("puts a date left of a point's marker when its interval has room", () => {
    const wide = item({ fuzzy_start_x: 100, fuzzy_end_x: 300 });
    expect(dateTextX(wide, 40, 1000)).toBe(151);
    expect(dateTextX(wide, 100, 1000)).toBeNull();
    expect(dateTextX(item({}), 10, 1000)).toBeNull();
  });

  it("puts a date after a bar's label when the bar has room", () => {
    const bar = item({ x_end: 500 });
    expect(dateTextX(bar, 60, 1000)).toBe(339);
    expect(dateTextX(bar, 200, 1000)).toBeNull();
    expect(dateTextX(bar, 60, 380)).toBeNull();
  });
});

describe("showsInterval", () => {
  it("draws only wide intervals of points", () => {
    expect(showsInterval(item({}))).toBe(false);
    expect(showsInterval(item({ fuzzy_start_x: 100, fuzzy_end_x: 300 }))).toBe(true);
    expect(showsInterval(item({ fuzzy_start_x: 100, fuzzy_end_x: 300, x_end: 400 }))).toBe(false);
  });
});
