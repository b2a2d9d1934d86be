// The library's filters, as the engine's EventFilter.

import type { Confidence } from "../bindings/Confidence";
import type { EventFilter } from "../bindings/EventFilter";
import type { EventKind } from "../bindings/EventKind";

export interface Filters {
  kind: EventKind | null;
  confidence: Confidence | null;
  party: string;
  tag: string;
  unsourced: boolean;
  /** Only events not on the first shown timeline. */
  notOnTimeline: boolean;
}

export const NO_FILTERS: Filters = {
  kind: null,
  confidence: null,
  party: "",
  tag: "",
  unsourced: false,
  notOnTimeline: false,
};

/** The filter for a search `query` with `filters`; `timeline` is the first shown timeline, if any. */
export function eventFilter(query: string, filters: Filters, timeline: number | null): EventFilter {
  const text = (value: string) => (value.trim() === "" ? null : value.trim());
  return {
    timeline: null,
    query: text(query),
    kinds: filters.kind ? [filters.kind] : null,
    confidences: filters.confidence ? [filters.confidence] : null,
    party: text(filters.party),
    tag: text(filters.tag),
    unsourced: filters.unsourced ? true : null,
    not_on_timeline: filters.notOnTimeline ? timeline : null,
  };
}

/** How many filters are set, for the filter button's badge. */
export function activeFilters(filters: Filters): number {
  return [
    filters.kind !== null,
    filters.confidence !== null,
    filters.party.trim() !== "",
    filters.tag.trim() !== "",
    filters.unsourced,
    filters.notOnTimeline,
  ].filter(Boolean).length;
}
