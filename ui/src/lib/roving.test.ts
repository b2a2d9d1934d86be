import { describe, expect, it } from "vitest";
import { findTyped, rovingStep } from "./roving";

describe("rovingStep", () => {
  it("moves by one, to either end, and stops there", () => {
    expect(rovingStep("ArrowDown", 0, 3)).toBe(1);
    expect(rovingStep("ArrowDown", 2, 3)).toBe(2);
    expect(rovingStep("ArrowUp", 0, 3)).toBe(0);
    expect(rovingStep("Home", 2, 3)).toBe(0);
    expect(rovingStep("End", 0, 3)).toBe(2);
    expect(rovingStep("a", 0, 3)).toBeNull();
    expect(rovingStep("ArrowDown", 0, 0)).toBeNull();
  });
});

describe("findTyped", () => {
  const titles = ["Microsoft invests $1B", "FTC inquiry", "Microsoft extends", "Amazon invests"];

  it("finds the next item that starts with what is typed, wrapping round", () => {
    expect(findTyped(titles, 0, "f")).toBe(1);
    expect(findTyped(titles, 3, "m")).toBe(0);
    expect(findTyped(titles, 0, "z")).toBeNull();
  });

  it("steps through the items of a repeated letter and narrows on a longer search", () => {
    expect(findTyped(titles, 0, "mm")).toBe(2);
    expect(findTyped(titles, 2, "mm")).toBe(0);
    expect(findTyped(titles, 0, "microsoft e")).toBe(2);
    expect(findTyped(titles, 0, "micro")).toBe(0);
  });
});
