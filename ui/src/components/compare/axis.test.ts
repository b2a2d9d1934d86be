import { describe, expect, it } from "vitest";
import { calendarAxis, daysLabel, fittingLabels, relativeAxis, xOf } from "./axis";

const DAY = 1440;

describe("relativeAxis", () => {
  it("ticks in days over a few weeks, with T0 named", () => {
    const axis = relativeAxis(-10 * DAY, 30 * DAY, 800);
    expect(axis.ticks.map((tick) => tick.label)).toContain("T0");
    expect(axis.ticks.every((tick) => tick.label === "T0" || tick.label.endsWith(" d"))).toBe(true);
    expect(axis.ticks.some((tick) => tick.label.startsWith("T−"))).toBe(true);
  });

  it("ticks in years over decades", () => {
    const axis = relativeAxis(-3000 * DAY, 9000 * DAY, 600);
    expect(axis.ticks.filter((tick) => tick.label !== "T0").every((tick) => tick.label.endsWith(" y"))).toBe(true);
  });

  it("places T0 by the domain", () => {
    const axis = relativeAxis(-100, 300, 400);
    expect(xOf(axis, 0)).toBeCloseTo(axis.width * (100 / (axis.to - axis.from)));
  });
});

describe("daysLabel", () => {
  it("marks ranges with a tilde", () => {
    expect(daysLabel([47, 47])).toBe("47 d");
    expect(daysLabel([28, 58])).toBe("~28–58 d");
  });
});

describe("calendarAxis", () => {
  it("ticks at the starts of years", () => {
    const origin = Date.UTC(2020, 5, 1) / 60000;
    const axis = calendarAxis(0, 4 * 365 * DAY, 800, origin);
    expect(axis.ticks.map((tick) => tick.label)).toEqual(["2021", "2022", "2023", "2024"]);
    const first = axis.ticks[0];
    expect(first?.x).toBeCloseTo(((Date.UTC(2021, 0, 1) / 60000 - origin) / (axis.to - axis.from)) * 800);
  });
});

describe("fittingLabels", () => {
  it("keeps the most important of labels that would touch, and every label clear of the others", () => {
    const labels = [
      { id: 1, x: 100, width: 40 }, // T0, first
      { id: 2, x: 130, width: 40 }, // 30 px away: would overlap 1
      { id: 3, x: 150, width: 40 }, // 50 px from 1: clear of it (40 + 6 needed)
      { id: 4, x: 400, width: 80 },
    ];
    expect([...fittingLabels(labels)].sort()).toEqual([1, 3, 4]);
  });

  it("keeps a lone label", () => {
    expect([...fittingLabels([{ id: 7, x: 0, width: 200 }])]).toEqual([7]);
  });
});
