import { describe, expect, it } from "vitest";
import type { EventOutline } from "../bindings/EventOutline";
import type { EventView } from "../bindings/EventView";
import type { TimelineView } from "../bindings/TimelineView";
import { dateRangeLabel, eventAnchor, eventMarks, indexLanes, indexViews, isFuzzy, isUnsourced, placedOn } from "./events";
import type { Mark } from "./viewport";

const minute = (date: string) => Date.parse(`${date}T00:00Z`) / 60000;

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
    start_minute: minute("2019-07-22"),
    end_minute: minute("2019-07-23"),
    kind: "investment",
    confidence: "confirmed",
    importance: 5,
    parties: [],
    tags: [],
    timelines: [],
    sources: [],
    matches: [],
    ...overrides,
  };
}

/** The same event in outline, as a timeline view carries it. */
function outline(overrides: Partial<EventOutline>): EventOutline {
  const { id, title, start, end, ongoing, precision, approximate, uncertain, start_label, end_label, start_minute, end_minute, kind, confidence, importance } =
    event({});
  return {
    ...{ id, title, start, end, ongoing, precision, approximate, uncertain, start_label, end_label, start_minute, end_minute, kind, confidence, importance },
    source_count: 0,
    ...overrides,
  };
}

const source = {
  link_id: 1,
  source_id: 1,
  title: "OpenAI forms exclusive computing partnership with Microsoft",
  url: "https://example.org/",
  publisher: "OpenAI",
  author: "",
  published: "2019-07-22",
  accessed: null,
  published_label: "22 Jul 2019",
  accessed_label: null,
  quote: "On July 22, 2019, Microsoft announced “1 billion dollars from Microsoft” invested in OpenAI",
};

describe("flags", () => {
  it("calls an event without sources unsourced", () => {
    expect(isUnsourced(event({}))).toBe(true);
    expect(isUnsourced(event({ sources: [source] }))).toBe(false);
    expect(isUnsourced(outline({}))).toBe(true);
    expect(isUnsourced(outline({ source_count: 2 }))).toBe(false);
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

/** A mark with its px known, measuring a label. */
function settled(mark: Mark): { minute: number; px: number } {
  return { minute: mark.minute, px: "px" in mark ? mark.px : mark.measure() };
}

describe("eventMarks", () => {
  it("asks for a point's interval and its label after the marker", () => {
    const day = event({});
    expect(eventMarks(day, () => 100, null).map(settled)).toEqual([
      { minute: day.start_minute, px: 0 },
      { minute: day.start_minute, px: 111 },
      { minute: day.end_minute, px: 0 },
    ]);
    const year = event({ precision: "year", start_minute: 0, end_minute: 1000 });
    expect(eventMarks(year, () => 100, null).map(settled)[1]).toEqual({ minute: 500, px: 111 });
  });

  it("asks for a range's label at its start and for now when ongoing", () => {
    const now = minute("2030-01-01");
    const marks = eventMarks(event({ ongoing: true }), () => 100, now).map(settled);
    expect(marks[1]).toEqual({ minute: minute("2019-07-22"), px: 106 });
    expect(marks.at(-1)).toEqual({ minute: now, px: 0 });
  });
});

describe("eventAnchor", () => {
  it("is the middle of a point and the start of a range", () => {
    expect(eventAnchor(event({}))).toBe(minute("2019-07-22") + 720);
    expect(eventAnchor(event({ end: "2020-01-01", end_minute: minute("2020-01-02") }))).toBe(minute("2019-07-22"));
  });
});

describe("indexViews", () => {
  it("indexes events once and gathers callouts by event", () => {
    const shared = outline({ id: 7 });
    const note = { id: 1, text: "The cited source gives no amount.", event_id: 7, start: null, end: null, label: null, start_minute: null, end_minute: null };
    const span = { id: 2, text: "EU merger question open", event_id: null, start: "2024-01-09", end: "2024-06-28", label: null, start_minute: 28412640, end_minute: 28660320 };
    const view = (id: number, annotations: TimelineView<EventOutline>["annotations"]): TimelineView<EventOutline> => ({
      id,
      title: `Timeline ${id}`,
      subtitle: "",
      description: "",
      colour: "#1f6feb",
      summary: "",
      lanes: [],
      placements: [],
      events: [shared],
      annotations,
    });
    const { events, notes } = indexViews([view(1, [note, span]), view(2, [note])]);
    expect([...events.keys()]).toEqual([7]);
    expect(notes.get(7)).toEqual([note]);
    expect(notes.size).toBe(1);
  });
});

describe("lanes and placements", () => {
  const view = (id: number, lanes: [number, string][], placed: number[]): TimelineView<EventOutline> => ({
    id,
    title: `Timeline ${id}`,
    subtitle: "",
    description: "",
    colour: "#1f6feb",
    summary: "",
    lanes: lanes.map(([lane, name]) => ({ id: lane, name, collapsed: false, colour: null })),
    placements: placed.map((event) => ({ event_id: event, lane_id: lanes[0]?.[0] ?? 0 })),
    events: [],
    annotations: [],
  });
  const views = [view(1, [[10, "Deal"], [11, "Regulatory"]], [7]), view(2, [[20, "Events"]], [7, 8])];

  it("names every lane with its timeline, in order", () => {
    const lanes = indexLanes(views);
    expect([...lanes.keys()]).toEqual([10, 11, 20]);
    expect(lanes.get(11)).toEqual({ id: 11, name: "Regulatory", timelineId: 1, timelineTitle: "Timeline 1" });
  });

  it("finds the timelines an event is on", () => {
    expect(placedOn(views, 7).map((found) => found.id)).toEqual([1, 2]);
    expect(placedOn(views, 8).map((found) => found.id)).toEqual([2]);
    expect(placedOn(views, 9)).toEqual([]);
  });
});
