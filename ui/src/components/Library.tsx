import { memo } from "preact/compat";
import { useEffect, useState } from "preact/hooks";
import type { EventView } from "../bindings/EventView";
import { useDebounced } from "../hooks/useDebounced";
import * as api from "../ipc";
import { isUnsourced } from "../lib/events";
import { plural } from "../lib/format";
import { SearchIcon, WarningIcon } from "./icons";
import { KindChip } from "./KindChip";

const SEARCH_DEBOUNCE_MS = 150;

interface Props {
  selectedId: number | null;
  /** Bumped after every change, to list events afresh. */
  revision: number;
  onSelect: (id: number) => void;
  onError: (error: unknown) => void;
}

/** Every event in the workspace, searchable. Memoised: panning the canvas must not re-render it. */
export const Library = memo(function Library({ selectedId, revision, onSelect, onError }: Props) {
  const [text, setText] = useState("");
  const query = useDebounced(text.trim(), SEARCH_DEBOUNCE_MS);
  const [events, setEvents] = useState<EventView[] | null>(null);

  useEffect(() => {
    let live = true;
    api.listEvents({ timeline: null, query: query === "" ? null : query }).then(
      (list) => {
        if (live) setEvents(list);
      },
      (error: unknown) => {
        if (live) onError(error);
      },
    );
    return () => {
      live = false;
    };
  }, [query, revision, onError]);

  return (
    <section class="sidebar-section library" aria-labelledby="library-heading">
      <div class="section-header">
        <h2 class="section-title" id="library-heading">
          Event library
        </h2>
        {events !== null && <span class="count">{events.length}</span>}
      </div>
      <label class="search">
        <SearchIcon />
        <input
          type="search"
          data-testid="library-search"
          placeholder="Search events, parties, tags"
          aria-label="Search events"
          value={text}
          onInput={(event) => {
            setText(event.currentTarget.value);
          }}
        />
      </label>
      <ul class="library-list">
        {events?.map((event) => (
          <li key={event.id}>
            <LibraryItem
              event={event}
              selected={event.id === selectedId}
              onSelect={() => {
                onSelect(event.id);
              }}
            />
          </li>
        ))}
      </ul>
      {events?.length === 0 && (
        <p class="empty-note">{query === "" ? "No events yet." : `No events match “${query}”.`}</p>
      )}
      {events !== null && events.length > 0 && query !== "" && (
        <p class="library-footer">{plural(events.length, "match", "matches")}</p>
      )}
    </section>
  );
});

function LibraryItem({ event, selected, onSelect }: { event: EventView; selected: boolean; onSelect: () => void }) {
  const unsourced = isUnsourced(event);
  return (
    <button
      type="button"
      class={`library-item${selected ? " is-selected" : ""}`}
      data-testid="library-item"
      data-event-id={event.id}
      aria-current={selected}
      onClick={onSelect}
    >
      <span class="library-meta">
        <span class="library-date">{event.start_label}</span>
        <KindChip kind={event.kind} />
        {unsourced && (
          <span class="unsourced-flag" data-testid="unsourced-flag" title="No source supports this event">
            <WarningIcon size={11} />
            Unsourced
          </span>
        )}
      </span>
      <span class="library-title">{event.title}</span>
    </button>
  );
}
