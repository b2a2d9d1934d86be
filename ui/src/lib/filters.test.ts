import { describe, expect, it } from "vitest";
import { activeFilters, eventFilter, NO_FILTERS } from "./filters";

describe("eventFilter", () => {
  it("asks for everything without filters", () => {
    expect(eventFilter("  ", NO_FILTERS, 3)).toEqual({
      timeline: null,
      query: null,
      kinds: null,
      confidences: null,
      party: null,
      tag: null,
      unsourced: null,
      not_on_timeline: null,
    });
    expect(activeFilters(NO_FILTERS)).toBe(0);
  });

  it("passes each filter set", () => {
    const filters = {
      kind: "closing" as const,
      confidence: "reported" as const,
      party: " Microsoft ",
      tag: "",
      unsourced: true,
      notOnTimeline: true,
    };
    expect(eventFilter(" cma ", filters, 3)).toEqual({
      timeline: null,
      query: "cma",
      kinds: ["closing"],
      confidences: ["reported"],
      party: "Microsoft",
      tag: null,
      unsourced: true,
      not_on_timeline: 3,
    });
    expect(activeFilters(filters)).toBe(5);
  });

  it("drops 'not on this timeline' when no timeline is shown", () => {
    expect(eventFilter("", { ...NO_FILTERS, notOnTimeline: true }, null).not_on_timeline).toBeNull();
  });
});
