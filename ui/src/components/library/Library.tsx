import { memo } from "preact/compat";
import { useCallback, useMemo, useRef, useState } from "preact/hooks";
import type { EventView } from "../../bindings/EventView";
import type { EventOutline } from "../../bindings/EventOutline";
import type { TimelineView } from "../../bindings/TimelineView";
import { useDebounced } from "../../hooks/useDebounced";
import { useEdit } from "../../hooks/useEdit";
import { useLibraryDrag } from "../../hooks/useLibraryDrag";
import * as api from "../../ipc";
import { indexLanes } from "../../lib/events";
import { activeFilters, eventFilter, type Filters, NO_FILTERS } from "../../lib/filters";
import { plural } from "../../lib/format";
import { DragGhost } from "../common/DragGhost";
import { Popover } from "../common/Popover";
import { FilterIcon, PlusIcon, SearchIcon } from "../icons";
import { LibraryFilters } from "./LibraryFilters";
import { LibraryList } from "./LibraryList";
import { type NewEventDraft, NewEventForm } from "./NewEventForm";
import { PlacePopover } from "./PlacePopover";

const SEARCH_DEBOUNCE_MS = 150;

interface Props {
  selectedId: number | null;
  /** Bumped after every change, to list events afresh. */
  revision: number;
  /** The shown timelines, the current one first: their lanes take new events, drops and keyboard placements. */
  views: readonly TimelineView<EventOutline>[];
  /** What the open "new event" form starts from (the N key opens it too), or null when it is closed. */
  creating: NewEventDraft | null;
  onCreating: (draft: NewEventDraft | null) => void;
  onSelect: (id: number) => void;
  /** The lane a dragged event would be placed on, for the canvas to highlight. */
  onDropLane: (laneId: number | null) => void;
  onError: (error: unknown) => void;
}

/**
 * Every event in the workspace, searchable and filterable; events are
 * dragged from here onto lanes, or placed with Enter. The list scrolls
 * through every match, drawing and fetching only what is in view
 * (`LibraryList`). Memoised: panning the canvas must not re-render it.
 */
export const Library = memo(function Library(props: Props) {
  const { selectedId, revision, views, creating, onCreating, onSelect, onDropLane, onError } = props;
  const edit = useEdit();
  const [text, setText] = useState("");
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [filtering, setFiltering] = useState(false);
  // How many events match, once the list has fetched its first page.
  const [total, setTotal] = useState<number | null>(null);
  const [placing, setPlacing] = useState<{ event: EventView; anchor: HTMLElement } | null>(null);
  const newButton = useRef<HTMLButtonElement>(null);
  const lanes = useMemo(() => indexLanes(views), [views]);
  // The current timeline: what "not on this timeline" filters against.
  const first = views[0];
  const timeline = first ? { id: first.id, title: first.title } : null;

  const search = useMemo(() => ({ text: text.trim(), filters }), [text, filters]);
  const settled = useDebounced(search, SEARCH_DEBOUNCE_MS);
  // Keyed on the filter's text: the current timeline matters only to "not on this timeline".
  const filterKey = JSON.stringify(eventFilter(settled.text, settled.filters, timeline?.id ?? null));

  const place = (event: EventView, laneId: number) => {
    void edit.run(() => api.placeEvent(event.id, laneId)).then((view) => {
      if (view) onSelect(event.id);
    });
  };
  const { ghost, grab } = useLibraryDrag(lanes, place, onDropLane);
  const onPlaceRequest = useCallback((chosen: EventView, anchor: HTMLElement) => {
    setPlacing({ event: chosen, anchor });
  }, []);

  const filterCount = activeFilters(filters);
  const narrowed = search.text !== "" || filterCount > 0;
  return (
    <section class="sidebar-section library" aria-labelledby="library-heading" data-region="library">
      <div class="section-header">
        <h2 class="section-title" id="library-heading">
          Event library
        </h2>
        {total !== null && (
          <span class="count" data-testid="library-count" title={plural(total, "event")}>
            {total.toLocaleString("en-GB")}
          </span>
        )}
        <span class="section-spacer" />
        <button
          ref={newButton}
          type="button"
          class="header-button"
          data-testid="new-event"
          title="New event (N)"
          aria-keyshortcuts="N"
          aria-expanded={creating !== null}
          onClick={() => {
            onCreating(creating ? null : { laneId: null, start: "" });
          }}
        >
          <PlusIcon size={12} />
          New event
        </button>
      </div>
      <div class="search-row">
        <label class="search">
          <SearchIcon />
          <input
            type="search"
            data-testid="library-search"
            placeholder="Search events, parties, tags, sources"
            aria-label="Search events"
            value={text}
            onInput={(input) => {
              setText(input.currentTarget.value);
            }}
          />
        </label>
        <button
          type="button"
          class={`filter-button${filterCount > 0 ? " is-active" : ""}`}
          data-testid="library-filters"
          aria-label={filterCount > 0 ? `Filters (${filterCount} set)` : "Filters"}
          aria-expanded={filtering}
          title="Filter by kind, confidence, party, tag…"
          onClick={() => {
            setFiltering((open) => !open);
          }}
        >
          <FilterIcon />
          {filterCount > 0 && <span class="filter-count">{filterCount}</span>}
        </button>
      </div>
      {filtering && <LibraryFilters filters={filters} timeline={timeline} onChange={setFilters} />}
      <p id="library-hint" class="sr-only">
        Drag an event onto a lane to place it, or press Enter to choose the lane. Type to find an event by its title.
      </p>
      <LibraryList
        filterKey={filterKey}
        revision={revision}
        selectedId={selectedId}
        draggingId={ghost?.id ?? null}
        onTotal={setTotal}
        onSelect={onSelect}
        onGrab={grab}
        onPlace={onPlaceRequest}
        onError={onError}
      />
      {total === 0 && (
        <p class="empty-note">
          {!narrowed ? "No events yet." : search.text !== "" ? `No events match “${search.text}”.` : "No events pass these filters."}
        </p>
      )}
      {total !== null && total > 0 && narrowed && (
        <p class="library-footer" data-testid="library-matches">
          {plural(total, "match", "matches")}
        </p>
      )}
      {placing && (
        <PlacePopover
          title={placing.event.title}
          anchor={placing.anchor}
          views={views}
          onPlace={(laneId) => {
            setPlacing(null);
            placing.anchor.focus();
            place(placing.event, laneId);
          }}
          onClose={() => {
            setPlacing(null);
          }}
        />
      )}
      {creating && newButton.current && (
        <Popover
          anchor={newButton.current}
          label="New event"
          testid="new-event-popover"
          class="is-wide is-form"
          onClose={() => {
            onCreating(null);
          }}
        >
          <NewEventForm
            draft={creating}
            lanes={[...lanes.values()]}
            onCreated={(created) => {
              onCreating(null);
              onSelect(created.id);
              // Ready for the next one: Enter opens the form again.
              newButton.current?.focus();
            }}
            onCancel={() => {
              onCreating(null);
              newButton.current?.focus();
            }}
          />
        </Popover>
      )}
      {ghost && <DragGhost ghost={ghost} />}
    </section>
  );
});
