// A list that shows only the rows in view (the library, up to 100,000
// events): which rows those are at a scroll position, where to scroll to
// show one, and the pages of rows fetched so far. Pure, so it is tested
// alone; rows are all one height.

import { findTyped } from "./roving";

/** Rows `start` (inclusive) to `end` (exclusive). */
export interface RowRange {
  start: number;
  end: number;
}

export const NO_ROWS: RowRange = { start: 0, end: 0 };

const clamp = (value: number, low: number, high: number) => Math.min(Math.max(value, low), high);

/**
 * The rows at least partly in a viewport `height` px tall scrolled to
 * `scrollTop`, with `overscan` more on either side, among `total` rows of
 * `rowPx`. A scroll position past the end (the list just got shorter)
 * shows the last rows, as the browser will once it scrolls back.
 */
export function rowsInView(scrollTop: number, height: number, rowPx: number, total: number, overscan: number): RowRange {
  if (total <= 0 || rowPx <= 0) return NO_ROWS;
  const view = Math.max(height, 0);
  const top = clamp(scrollTop, 0, Math.max(total * rowPx - view, 0));
  const first = Math.floor(top / rowPx);
  const last = Math.max(Math.ceil((top + view) / rowPx), first + 1);
  return { start: clamp(first - overscan, 0, total), end: clamp(last + overscan, 0, total) };
}

/** The rows wholly in view (at least one, if there are rows): where Tab lands and how far Page Down goes. */
export function rowsWhollyInView(scrollTop: number, height: number, rowPx: number, total: number): RowRange {
  if (total <= 0 || rowPx <= 0) return NO_ROWS;
  const top = Math.max(scrollTop, 0);
  const first = clamp(Math.ceil(top / rowPx - 0.001), 0, total - 1);
  const last = clamp(Math.floor((top + Math.max(height, 0)) / rowPx + 0.001), first + 1, total);
  return { start: first, end: last };
}

/**
 * The scroll position that shows row `index` whole while moving as little
 * as possible (the row stays put if it is already in view).
 */
export function scrollToShow(index: number, scrollTop: number, height: number, rowPx: number): number {
  const top = index * rowPx;
  const bottom = top + rowPx;
  if (top < scrollTop || height < rowPx) return top;
  if (bottom > scrollTop + height) return bottom - height;
  return scrollTop;
}

/** The pages of `pageSize` rows that hold the rows of `range`, in order. */
export function pagesOf(range: RowRange, pageSize: number): number[] {
  if (range.end <= range.start) return [];
  const first = Math.floor(range.start / pageSize);
  const last = Math.floor((range.end - 1) / pageSize);
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}

/**
 * The pages a list needs: those of the rows in `view` and of the rows
 * `kept` drawn wherever they are (the focused one), nearest first; and the
 * first page when nothing is in view, since an empty list must still ask
 * whether it has rows now.
 */
export function pagesWanted(view: RowRange, kept: readonly number[], pageSize: number): number[] {
  const pages = pagesOf(view, pageSize);
  if (pages.length === 0) pages.push(0);
  for (const index of kept) {
    const page = pageOf(index, pageSize);
    if (!pages.includes(page)) pages.push(page);
  }
  return pages;
}

/** The page that holds row `index`. */
export const pageOf = (index: number, pageSize: number): number => Math.floor(index / pageSize);

/**
 * The pages of one list fetched so far (one filter at one revision of the
 * workspace: a change makes a new cache), those on their way and those
 * that failed, with the count of all rows the last reply gave. Keeps at
 * most `keep` pages, dropping those used longest ago.
 */
export class PageCache<T> {
  readonly key: string;
  readonly pageSize: number;
  readonly keep: number;
  /** How many rows the list has, once a page has said. */
  total: number | null = null;
  private pages = new Map<number, readonly T[]>();
  private waiting = new Set<number>();
  private failed = new Set<number>();

  constructor(key: string, pageSize: number, keep: number) {
    this.key = key;
    this.pageSize = pageSize;
    this.keep = Math.max(keep, 1);
  }

  /** How many pages are on their way. */
  get inFlight(): number {
    return this.waiting.size;
  }

  has(page: number): boolean {
    return this.pages.has(page);
  }

  /** Row `index`, if its page is here. */
  row(index: number): T | undefined {
    if (index < 0 || (this.total !== null && index >= this.total)) return undefined;
    return this.pages.get(pageOf(index, this.pageSize))?.[index % this.pageSize];
  }

  /** Of `pages`, those to ask for: not here, not on their way, not failed, not past the end. */
  missing(pages: readonly number[]): number[] {
    return pages.filter(
      (page) =>
        !this.pages.has(page) &&
        !this.waiting.has(page) &&
        !this.failed.has(page) &&
        page >= 0 &&
        (this.total === null || page * this.pageSize < this.total),
    );
  }

  /** Page `page` has been asked for. */
  request(page: number): void {
    this.waiting.add(page);
  }

  /** Page `page` could not be read: it is not asked for again in this cache. */
  fail(page: number): void {
    this.waiting.delete(page);
    this.failed.add(page);
  }

  /** Page `page` came with `rows`, of `total` in all; the oldest pages beyond `keep` go, but for `pinned`. */
  put(page: number, rows: readonly T[], total: number, pinned: readonly number[] = []): void {
    this.waiting.delete(page);
    this.total = total;
    this.pages.delete(page);
    this.pages.set(page, rows);
    this.trim([page, ...pinned]);
  }

  /** Marks `pages` as just used, so they are the last to go. */
  touch(pages: readonly number[]): void {
    for (const page of pages) {
      const rows = this.pages.get(page);
      if (rows === undefined) continue;
      this.pages.delete(page);
      this.pages.set(page, rows);
    }
  }

  /** Whether every row of `range` that the list has is here (rows past the end need no page). */
  covers(range: RowRange): boolean {
    if (this.total === null) return false;
    const end = Math.min(range.end, this.total);
    return pagesOf({ start: Math.min(range.start, end), end }, this.pageSize).every((page) => this.pages.has(page));
  }

  /**
   * Whether `pages` are all settled: here, failed (shown as gaps) or past
   * the end. Until then a list keeps showing what it showed before.
   */
  ready(pages: readonly number[]): boolean {
    const total = this.total;
    if (total === null) return false;
    return pages.every((page) => this.pages.has(page) || this.failed.has(page) || page * this.pageSize >= total);
  }

  /** The rows here, in list order, each with its index. */
  loaded(): { index: number; row: T }[] {
    const out: { index: number; row: T }[] = [];
    for (const page of [...this.pages.keys()].sort((a, b) => a - b)) {
      this.pages.get(page)?.forEach((row, offset) => {
        out.push({ index: page * this.pageSize + offset, row });
      });
    }
    return out;
  }

  /** The index of a row here that `matches` (an event by its id), or null. */
  find(matches: (row: T) => boolean): number | null {
    for (const [page, rows] of this.pages) {
      const offset = rows.findIndex(matches);
      if (offset !== -1) return page * this.pageSize + offset;
    }
    return null;
  }

  private trim(pinned: readonly number[]): void {
    for (const page of this.pages.keys()) {
      if (this.pages.size <= this.keep) return;
      if (!pinned.includes(page)) this.pages.delete(page);
    }
  }
}

/**
 * Type-to-find among the rows fetched so far (`rows`, in list order, each
 * with its index and text): the index of the row `findTyped` picks after
 * row `current`, or null. A `current` whose page is not here counts from
 * the fetched row before it.
 */
export function findTypedRow(
  rows: readonly { index: number; text: string }[],
  current: number,
  typed: string,
): number | null {
  // With no fetched row before `current`, the search wraps round from the last.
  let at = rows.length - 1;
  while (at > 0 && (rows[at]?.index ?? 0) > current) at--;
  if ((rows[at]?.index ?? 0) > current) at = rows.length - 1;
  const found = findTyped(
    rows.map((row) => row.text),
    at,
    typed,
  );
  return found === null ? null : (rows[found]?.index ?? null);
}
