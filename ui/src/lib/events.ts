// Facts about events that the canvas, library and inspector agree on.

import type { AnnotationView } from "../bindings/AnnotationView";
import type { EventOutline } from "../bindings/EventOutline";
import type { EventView } from "../bindings/EventView";
import type { TimelineView } from "../bindings/TimelineView";
import { LABEL_GAP_PX, LABEL_UNIT_MAX_PX, MARKER_PX } from "./geometry";
import type { Mark } from "./viewport";

/** What an event read whole and one in outline (on the canvas) both say. */
export type EventFacts = Omit<EventOutline, "source_count">;

export function isUnsourced(event: EventView | EventOutline): boolean {
  return "sources" in event ? event.sources.length === 0 : event.source_count === 0;
}

/** Whether the event's date is qualified ("c. 2021", "2019?"), drawn as fuzzy. */
export function isFuzzy(event: EventFacts): boolean {
  return event.approximate || event.uncertain;
}

/** "Jul 2019", "Jul 2019 – Mar 2025", "Jul 2019 – ongoing". */
export function dateRangeLabel(event: EventFacts): string {
  if (event.end_label !== null) return `${event.start_label} – ${event.end_label}`;
  return event.ongoing ? `${event.start_label} – ongoing` : event.start_label;
}

/**
 * What fitting the view to the event must show: its whole interval, and its
 * label (`labelWidth()` px, at the engine's 12px, measured only when it
 * matters) beside its marker or bar start.
 */
export function eventMarks(event: EventFacts, labelWidth: () => number, now: number | null): Mark[] {
  const point = event.end === null && !event.ongoing;
  // Like the engine, a point known to the month or coarser sits mid-interval.
  const midway = point && event.precision !== "day" && event.precision !== "minute";
  const marker = midway ? (event.start_minute + event.end_minute) / 2 : event.start_minute;
  const beside = (point ? MARKER_PX / 2 : 0) + LABEL_GAP_PX;
  const label: Mark = {
    minute: marker,
    upTo: beside + event.title.length * LABEL_UNIT_MAX_PX,
    measure: () => beside + labelWidth(),
  };
  const marks: Mark[] = [{ minute: event.start_minute, px: 0 }, label, { minute: event.end_minute, px: 0 }];
  if (event.ongoing && now !== null) marks.push({ minute: now, px: 0 });
  return marks;
}

/** Where to centre the view to reveal the event: a point's middle, a range's start. */
export function eventAnchor(event: EventFacts): number {
  return event.end === null && !event.ongoing ? (event.start_minute + event.end_minute) / 2 : event.start_minute;
}

/** The events of `views` by id (an event on two timelines once), and their callout notes by event id. */
export function indexViews(views: readonly TimelineView<EventOutline>[]): {
  events: ReadonlyMap<number, EventOutline>;
  notes: ReadonlyMap<number, readonly AnnotationView[]>;
} {
  const events = new Map<number, EventOutline>();
  const notes = new Map<number, AnnotationView[]>();
  for (const view of views) {
    for (const event of view.events) events.set(event.id, event);
    for (const annotation of view.annotations) {
      if (annotation.event_id === null) continue;
      const list = notes.get(annotation.event_id) ?? [];
      if (!list.some((note) => note.id === annotation.id)) list.push(annotation);
      notes.set(annotation.event_id, list);
    }
  }
  return { events, notes };
}

/** A lane as menus and drag hints name it. */
export interface LanePlace {
  id: number;
  name: string;
  timelineId: number;
  timelineTitle: string;
}

/** Every lane of `views`, by id, in timeline then lane order. */
export function indexLanes(views: readonly TimelineView<EventOutline>[]): ReadonlyMap<number, LanePlace> {
  return new Map(
    views.flatMap((view) =>
      view.lanes.map((lane): [number, LanePlace] => [
        lane.id,
        { id: lane.id, name: lane.name, timelineId: view.id, timelineTitle: view.title },
      ]),
    ),
  );
}

/** The timelines among `views` that the event is on. */
export function placedOn(views: readonly TimelineView<EventOutline>[], eventId: number): TimelineView<EventOutline>[] {
  return views.filter((view) => view.placements.some((placement) => placement.event_id === eventId));
}

/** A shown timeline an event is on, with the lane it is in there and the lanes it could move to. */
export interface Placed {
  id: number;
  title: string;
  laneId: number;
  lanes: readonly { id: number; name: string }[];
}

/** The shown timelines the event is on (see `Placed`). */
export function placementsOf(views: readonly TimelineView<EventOutline>[], eventId: number): Placed[] {
  return views.flatMap((view) => {
    const placement = view.placements.find((candidate) => candidate.event_id === eventId);
    if (!placement) return [];
    const lanes = view.lanes.map(({ id, name }) => ({ id, name }));
    return [{ id: view.id, title: view.title, laneId: placement.lane_id, lanes }];
  });
}
