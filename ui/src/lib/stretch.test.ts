import { describe, expect, it } from "vitest";
import { stretchShift } from "./stretch";

describe("stretchShift", () => {
  it("takes a point where scaling its plane would", () => {
    const x = 240;
    for (const stretch of [0.5, 1.25, 3]) {
      expect(x + stretchShift(x, stretch)).toBeCloseTo(x * stretch, 9);
    }
  });

  it("leaves the origin and an unstretched plane alone", () => {
    expect(stretchShift(0, 2)).toBe(0);
    expect(stretchShift(123, 1)).toBe(0);
  });
});
