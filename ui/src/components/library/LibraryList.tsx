import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import type { EventFilter } from "../../bindings/EventFilter";
import type { EventView } from "../../bindings/EventView";
import * as api from "../../ipc";
import { rovingStep } from "../../lib/roving";
import {
  findTypedRow,
  PageCache,
  pagesOf,
  pagesWanted,
  type RowRange,
  rowsInView,
  rowsWhollyInView,
  scrollToShow,
} from "../../lib/virtualList";
import { LibraryItem } from "./LibraryItem";

/** The height of a `.library-item` in styles.css (two lines of title). */
export const LIBRARY_ROW_PX = 70;
/** How many events one request fetches. */
const PAGE_ROWS = 200;
/** How many pages are kept once fetched (the others are fetched again). */
const KEEP_PAGES = 12;
/** Rows drawn beyond either edge of the view, so a scroll shows no gap at once. */
const OVERSCAN = 6;
/** Requests out at once: a fast scroll asks for where it stops, not for everywhere on the way. */
const MAX_IN_FLIGHT = 2;
/** How long type-to-find keeps adding letters to one search. */
const TYPED_RESET_MS = 700;

interface Props {
  /** The EventFilter as JSON, without offset and limit: a new one lists from the top. */
  filterKey: string;
  /** Bumped after every change, to fetch the rows afresh where they are. */
  revision: number;
  selectedId: number | null;
  /** The event being dragged onto the canvas, if any. */
  draggingId: number | null;
  /** How many events match, once known. */
  onTotal: (total: number | null) => void;
  onSelect: (id: number) => void;
  onGrab: (press: PointerEvent, event: EventView) => void;
  onPlace: (event: EventView, anchor: HTMLElement) => void;
  onError: (error: unknown) => void;
}

/**
 * The library's list of every matching event, drawn only where it is in
 * view: rows of one height over a block as tall as all of them, the rows
 * fetched a page at a time around the scroll position. It is one Tab stop
 * (arrows, Page Up and Down, Home and End move through all the matches,
 * fetching and scrolling as they go; letters find a title among the rows
 * fetched). After a change the rows shown stay until those in view are
 * fetched afresh, so nothing flickers.
 */
export function LibraryList(props: Props) {
  const { filterKey, revision, selectedId, draggingId, onTotal, onSelect, onGrab, onPlace, onError } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(0);
  // The row the keys move from and Tab comes back to, and the row that
  // holds focus: both stay drawn wherever the list is scrolled.
  const [active, setActive] = useState<number | null>(null);
  const [holder, setHolder] = useState<number | null>(null);
  const focusNext = useRef<number | null>(null);
  const typed = useRef({ text: "", at: 0 });
  const [, setFetched] = useState(0);

  const latest = useMemo(
    () => new PageCache<EventView>(filterKey, PAGE_ROWS, KEEP_PAGES),
    // A new revision is a new cache of the same filter.
    [filterKey, revision],
  );
  const latestRef = useRef(latest);
  latestRef.current = latest;
  const [shown, setShown] = useState<PageCache<EventView> | null>(null);

  const total = shown?.total ?? 0;
  const view = rowsInView(scrollTop, height, LIBRARY_ROW_PX, total, OVERSCAN);
  const fresh = shown?.key !== latest.key;
  const kept = [active, holder].filter((index): index is number => index !== null && index < total);
  // What the newest cache needs before it is shown: the rows in view and
  // those kept, or the top of a new filter's list.
  const wanted = fresh
    ? pagesOf(rowsInView(0, height, LIBRARY_ROW_PX, Number.MAX_SAFE_INTEGER, OVERSCAN), PAGE_ROWS)
    : pagesWanted(view, kept, PAGE_ROWS);
  const wantedRef = useRef(wanted);
  wantedRef.current = wanted;

  useLayoutEffect(() => {
    const element = scroller.current;
    if (!element) return;
    setHeight(element.clientHeight);
    const observer = new ResizeObserver(() => {
      setHeight(element.clientHeight);
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);

  // Fetch what is wanted and missing, nearest first, a few at a time.
  useEffect(() => {
    const cache = latest;
    cache.touch(wanted);
    for (const page of cache.missing(wanted)) {
      if (cache.inFlight >= MAX_IN_FLIGHT) break;
      cache.request(page);
      const filter: EventFilter = { ...(JSON.parse(cache.key) as EventFilter), offset: page * PAGE_ROWS, limit: PAGE_ROWS };
      api.listEvents(filter).then(
        (reply) => {
          cache.put(page, reply.events, reply.total, wantedRef.current);
          if (cache === latestRef.current) setFetched((count) => count + 1);
        },
        (error: unknown) => {
          cache.fail(page);
          if (cache !== latestRef.current) return;
          setFetched((count) => count + 1);
          onError(error);
        },
      );
    }
  });

  // Show the newest cache once it holds what is in view.
  useLayoutEffect(() => {
    if (latest === shown || !latest.ready(wanted)) return;
    const next = latest.total ?? 0;
    if (fresh) {
      // Another filter: its list starts at the top.
      setActive(null);
      setHolder(null);
      focusNext.current = null;
      if (scroller.current) scroller.current.scrollTop = 0;
      setScrollTop(0);
    } else {
      // The same list after a change: each kept row follows its event.
      const follow = (index: number | null) => {
        if (index === null) return null;
        const id = shown.row(index)?.id;
        const moved = id === undefined ? null : latest.find((event) => event.id === id);
        return moved ?? (next > 0 ? Math.min(index, next - 1) : null);
      };
      setActive(follow(active));
      setHolder(follow(holder));
      if (focusNext.current !== null) focusNext.current = next > 0 ? Math.min(focusNext.current, next - 1) : null;
    }
    setShown(latest);
  });

  const shownTotal = shown?.total ?? null;
  useEffect(() => {
    onTotal(shownTotal);
  }, [shownTotal, onTotal]);

  // Focus the row the keys moved to once it is drawn (its page fetched),
  // scrolled back into view if the list was scrolled away meanwhile:
  // focus is never left out of sight.
  useLayoutEffect(() => {
    const index = focusNext.current;
    const element = scroller.current;
    if (index === null || !element) return;
    const row = element.querySelector<HTMLElement>(`[data-index="${index}"]`);
    if (!row) return;
    focusNext.current = null;
    const top = scrollToShow(index, element.scrollTop, element.clientHeight, LIBRARY_ROW_PX);
    if (top !== element.scrollTop) {
      element.scrollTop = top;
      setScrollTop(element.scrollTop);
    }
    row.focus({ preventScroll: true });
  });

  const moveTo = (index: number) => {
    const element = scroller.current;
    if (!element || total === 0) return;
    const next = Math.min(Math.max(index, 0), total - 1);
    const top = scrollToShow(next, element.scrollTop, element.clientHeight, LIBRARY_ROW_PX);
    if (top !== element.scrollTop) element.scrollTop = top;
    setScrollTop(element.scrollTop);
    setActive(next);
    // A row already drawn takes focus now; another once its page is here.
    const row = element.querySelector<HTMLElement>(`[data-index="${next}"]`);
    focusNext.current = row ? null : next;
    row?.focus({ preventScroll: true });
  };

  const indexOf = (target: EventTarget | null): number | null => {
    if (!(target instanceof HTMLElement) || !target.matches('[data-testid="library-item"]')) return null;
    const index = Number(target.dataset.index);
    return Number.isInteger(index) ? index : null;
  };

  const onKeyDown = (key: KeyboardEvent) => {
    if (key.defaultPrevented || key.altKey || key.ctrlKey || key.metaKey || !shown) return;
    const at = indexOf(key.target);
    if (at === null) return;
    // While a row is on its way, keys go on from it.
    const current = focusNext.current ?? at;
    let next = rovingStep(key.key, current, total);
    if (key.key === "PageDown" || key.key === "PageUp") {
      const whole = rowsWhollyInView(scrollTop, height, LIBRARY_ROW_PX, total);
      const step = Math.max(whole.end - whole.start - 1, 1);
      next = current + (key.key === "PageDown" ? step : -step);
    }
    if (next === null && key.key.length === 1 && key.key !== " ") {
      const now = key.timeStamp;
      const text = now - typed.current.at < TYPED_RESET_MS ? typed.current.text + key.key : key.key;
      typed.current = { text, at: now };
      const rows = shown.loaded().map(({ index, row }) => ({ index, text: row.title }));
      // A letter that finds nothing is still the list's, not a shortcut's.
      next = findTypedRow(rows, current, text) ?? current;
    }
    if (next === null) return;
    key.preventDefault();
    key.stopPropagation();
    moveTo(next);
  };

  const onFocusIn = (focus: FocusEvent) => {
    const index = indexOf(focus.target);
    if (index === null) return;
    setHolder(index);
    if (focusNext.current === null || focusNext.current === index) {
      focusNext.current = null;
      setActive(index);
    }
  };

  const onFocusOut = (focus: FocusEvent) => {
    const to = focus.relatedTarget;
    if (!(to instanceof Node) || !scroller.current?.contains(to)) setHolder(null);
  };

  // The rows to draw: those in view, and those kept, in list order.
  const drawn: number[] = [];
  for (let index = view.start; index < view.end; index++) drawn.push(index);
  for (const index of kept) if (index < view.start || index >= view.end) drawn.push(index);
  drawn.sort((a, b) => a - b);
  const tabStop = chooseTabStop(shown, active, selectedId, view, rowsWhollyInView(scrollTop, height, LIBRARY_ROW_PX, total));

  return (
    <div
      class="library-list"
      ref={scroller}
      onScroll={(scroll) => {
        setScrollTop(scroll.currentTarget.scrollTop);
      }}
    >
      {shown && total > 0 && (
        <div
          role="listbox"
          class="library-rows"
          aria-labelledby="library-heading"
          style={{ height: `${total * LIBRARY_ROW_PX}px` }}
          onKeyDown={onKeyDown}
          onFocusIn={onFocusIn}
          onFocusOut={onFocusOut}
        >
          {drawn.map((index) => {
            const event = shown.row(index);
            if (!event) {
              const inView = index >= view.start && index < view.end;
              return inView ? (
                <div
                  key={`gap-${index}`}
                  class="library-gap"
                  aria-hidden="true"
                  style={{ top: `${index * LIBRARY_ROW_PX}px` }}
                />
              ) : null;
            }
            return (
              <LibraryItem
                key={event.id}
                event={event}
                index={index}
                count={total}
                top={index * LIBRARY_ROW_PX}
                tabStop={index === tabStop}
                selected={event.id === selectedId}
                dragging={event.id === draggingId}
                onSelect={onSelect}
                onGrab={onGrab}
                onPlace={onPlace}
              />
            );
          })}
        </div>
      )}
    </div>
  );
}

/** The row Tab lands on: the one last moved to, else the selected event in view, else the first row wholly in view. */
function chooseTabStop(
  shown: PageCache<EventView> | null,
  active: number | null,
  selectedId: number | null,
  view: RowRange,
  whole: RowRange,
): number | null {
  if (!shown) return null;
  if (active !== null && shown.row(active)) return active;
  for (let index = view.start; index < view.end; index++) {
    if (selectedId !== null && shown.row(index)?.id === selectedId) return index;
  }
  for (let index = whole.start; index < Math.max(whole.end, view.end); index++) if (shown.row(index)) return index;
  return null;
}
