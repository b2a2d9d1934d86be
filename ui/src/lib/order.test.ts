import { describe, expect, it } from "vitest";
import { dateOrder, walk } from "./order";

describe("dateOrder and walk", () => {
  const order = dateOrder([
    { id: 3, start_minute: 30 },
    { id: 1, start_minute: 10 },
    { id: 5, start_minute: 20 },
    { id: 2, start_minute: 20 },
  ]);

  it("puts events in date order, ties by id", () => {
    expect(order).toEqual([1, 2, 5, 3]);
  });

  it("steps through in that order", () => {
    expect(walk(order, 1, "ArrowDown")).toBe(2);
    expect(walk(order, 2, "ArrowDown")).toBe(5);
    expect(walk(order, 5, "ArrowDown")).toBe(3);
    expect(walk(order, 3, "ArrowUp")).toBe(5);
  });

  it("goes to either end, and stops there", () => {
    expect(walk(order, 5, "Home")).toBe(1);
    expect(walk(order, 5, "End")).toBe(3);
    expect(walk(order, 3, "ArrowDown")).toBeNull();
    expect(walk(order, 1, "ArrowUp")).toBeNull();
    expect(walk(order, 9, "ArrowDown")).toBeNull();
  });
});
