import { describe, expect, it } from "vitest";
import { fileName, plural, splitList } from "./format";
import { KINDS, tickUnitLabel, withAlpha } from "./vocabulary";

describe("vocabulary", () => {
  it("gives every kind a distinct colour", () => {
    const colours = Object.values(KINDS).map((kind) => kind.colour);
    expect(new Set(colours).size).toBe(colours.length);
  });

  it("names tick units", () => {
    expect(tickUnitLabel("month", 1)).toBe("Month");
    expect(tickUnitLabel("year", 5)).toBe("5 years");
  });

  it("adds alpha to hex colours only", () => {
    expect(withAlpha("#1f6feb", 0.5)).toBe("rgba(31, 111, 235, 0.5)");
    expect(withAlpha("red", 0.5)).toBe("red");
  });
});

describe("format", () => {
  it("takes the file name of a path", () => {
    expect(fileName("/home/ana/.local/share/tideline/workspace.tideline")).toBe("workspace.tideline");
    expect(fileName("C:\\Users\\ana\\deals.tideline")).toBe("deals.tideline");
  });

  it("pluralises counts", () => {
    expect(plural(1, "event")).toBe("1 event");
    expect(plural(1200, "event")).toBe("1,200 events");
  });

  it("splits comma-separated names", () => {
    expect(splitList(" Microsoft, OpenAI ,, ")).toEqual(["Microsoft", "OpenAI"]);
    expect(splitList("")).toEqual([]);
  });
});
