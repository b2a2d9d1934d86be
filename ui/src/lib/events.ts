// Facts about events that the canvas, library and inspector agree on.

import type { EventView } from "../bindings/EventView";
import { parseEdtf } from "./edtf";
import type { Extent } from "./viewport";

export function isUnsourced(event: EventView): boolean {
  return event.sources.length === 0;
}

/** Whether the event's date is qualified ("c. 2021", "2019?"), drawn as fuzzy. */
export function isFuzzy(event: EventView): boolean {
  return event.approximate || event.uncertain;
}

/** "Jul 2019", "Jul 2019 – Mar 2025", "Jul 2019 – ongoing". */
export function dateRangeLabel(event: EventView): string {
  if (event.end_label !== null) return `${event.start_label} – ${event.end_label}`;
  return event.ongoing ? `${event.start_label} – ongoing` : event.start_label;
}

/** The events' span in minutes: ongoing ones reach to `now`; null when none has a readable date. */
export function eventsExtent(events: readonly EventView[], now: number | null): Extent | null {
  let start = Infinity;
  let end = -Infinity;
  for (const event of events) {
    const first = parseEdtf(event.start);
    if (!first) continue;
    const last = event.end === null ? null : parseEdtf(event.end);
    start = Math.min(start, first.start);
    end = Math.max(end, last?.end ?? first.end, event.ongoing && now !== null ? now : -Infinity);
  }
  return start <= end ? { start, end } : null;
}

/** The middle of the event's start interval, where to centre the view to reveal it. */
export function eventAnchor(event: EventView): number | null {
  const date = parseEdtf(event.start);
  return date ? (date.start + date.end) / 2 : null;
}
