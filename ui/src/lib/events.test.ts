import { describe, expect, it } from "vitest";
import type { EventView } from "../bindings/EventView";
import { dateRangeLabel, eventsExtent, isFuzzy, isUnsourced } from "./events";
import { parseEdtf } from "./edtf";

function event(overrides: Partial<EventView>): EventView {
  return {
    id: 1,
    title: "Microsoft invests $1B in OpenAI",
    description: "",
    start: "2019-07-22",
    end: null,
    ongoing: false,
    precision: "day",
    approximate: false,
    uncertain: false,
    start_label: "22 Jul 2019",
    end_label: null,
    kind: "investment",
    confidence: "confirmed",
    importance: 5,
    parties: [],
    tags: [],
    timelines: [],
    sources: [],
    ...overrides,
  };
}

const source = {
  source_id: 1,
  title: "OpenAI forms exclusive computing partnership with Microsoft",
  url: "https://example.org/",
  publisher: "OpenAI",
  author: "",
  published: "2019-07-22",
  accessed: null,
  quote: "Microsoft is investing $1 billion in OpenAI",
};

describe("flags", () => {
  it("calls an event without sources unsourced", () => {
    expect(isUnsourced(event({}))).toBe(true);
    expect(isUnsourced(event({ sources: [source] }))).toBe(false);
  });

  it("calls approximate or uncertain dates fuzzy", () => {
    expect(isFuzzy(event({}))).toBe(false);
    expect(isFuzzy(event({ approximate: true }))).toBe(true);
    expect(isFuzzy(event({ uncertain: true }))).toBe(true);
  });
});

describe("dateRangeLabel", () => {
  it("names points, ranges and ongoing events", () => {
    expect(dateRangeLabel(event({ start_label: "c. 2021" }))).toBe("c. 2021");
    expect(dateRangeLabel(event({ start_label: "Dec 2023", end_label: "Mar 2025" }))).toBe("Dec 2023 – Mar 2025");
    expect(dateRangeLabel(event({ ongoing: true }))).toBe("22 Jul 2019 – ongoing");
  });
});

describe("eventsExtent", () => {
  it("spans from the first start to the last end", () => {
    const extent = eventsExtent(
      [event({ start: "2021~" }), event({ start: "2023-12-08", end: "2025-03-05" })],
      null,
    );
    expect(extent).toEqual({ start: parseEdtf("2021")?.start, end: parseEdtf("2025-03-06")?.start });
  });

  it("reaches to now for ongoing events and is null for none", () => {
    const now = parseEdtf("2030")?.start ?? 0;
    expect(eventsExtent([event({ ongoing: true })], now)?.end).toBe(now);
    expect(eventsExtent([], now)).toBeNull();
  });
});
