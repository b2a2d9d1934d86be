import type { Confidence } from "../../bindings/Confidence";
import type { EventKind } from "../../bindings/EventKind";
import { type Filters, NO_FILTERS } from "../../lib/filters";
import { CONFIDENCE, CONFIDENCE_VALUES, KIND_VALUES, KINDS } from "../../lib/vocabulary";

interface Props {
  filters: Filters;
  /** The timeline "not on this timeline" means, or null when none is shown. */
  timeline: { id: number; title: string } | null;
  onChange: (filters: Filters) => void;
}

/** The library's filters, in a compact block under the search. */
export function LibraryFilters({ filters, timeline, onChange }: Props) {
  const set = (change: Partial<Filters>) => {
    onChange({ ...filters, ...change });
  };
  return (
    <div class="filters" data-testid="library-filter-panel">
      <div class="filter-grid">
        <select
          class="input select is-compact"
          data-testid="filter-kind"
          aria-label="Kind"
          value={filters.kind ?? ""}
          onChange={(change) => {
            const value = change.currentTarget.value;
            set({ kind: value === "" ? null : (value as EventKind) });
          }}
        >
          <option value="">Any kind</option>
          {KIND_VALUES.map((kind) => (
            <option key={kind} value={kind}>
              {KINDS[kind].label}
            </option>
          ))}
        </select>
        <select
          class="input select is-compact"
          data-testid="filter-confidence"
          aria-label="Confidence"
          value={filters.confidence ?? ""}
          onChange={(change) => {
            const value = change.currentTarget.value;
            set({ confidence: value === "" ? null : (value as Confidence) });
          }}
        >
          <option value="">Any confidence</option>
          {CONFIDENCE_VALUES.map((confidence) => (
            <option key={confidence} value={confidence}>
              {CONFIDENCE[confidence]}
            </option>
          ))}
        </select>
        <input
          class="input is-compact"
          data-testid="filter-party"
          aria-label="Party"
          placeholder="Party"
          value={filters.party}
          onInput={(input) => {
            set({ party: input.currentTarget.value });
          }}
        />
        <input
          class="input is-compact"
          data-testid="filter-tag"
          aria-label="Tag"
          placeholder="Tag"
          value={filters.tag}
          onInput={(input) => {
            set({ tag: input.currentTarget.value });
          }}
        />
      </div>
      <div class="filter-checks">
        <label class="check">
          <input
            type="checkbox"
            data-testid="filter-unsourced"
            checked={filters.unsourced}
            onChange={(change) => {
              set({ unsourced: change.currentTarget.checked });
            }}
          />
          Unsourced
        </label>
        <label class="check" title={timeline ? `Events not yet on ${timeline.title}` : "Show a timeline first"}>
          <input
            type="checkbox"
            data-testid="filter-not-on-timeline"
            disabled={timeline === null}
            checked={filters.notOnTimeline && timeline !== null}
            onChange={(change) => {
              set({ notOnTimeline: change.currentTarget.checked });
            }}
          />
          Not on {timeline ? <span class="filter-timeline">{timeline.title}</span> : "this timeline"}
        </label>
        <button
          type="button"
          class="link-button"
          data-testid="filter-clear"
          onClick={() => {
            onChange(NO_FILTERS);
          }}
        >
          Clear
        </button>
      </div>
    </div>
  );
}
