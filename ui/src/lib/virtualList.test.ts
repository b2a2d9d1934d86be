import { describe, expect, it } from "vitest";
import {
  findTypedRow,
  PageCache,
  pageOf,
  pagesOf,
  pagesWanted,
  rowsInView,
  rowsWhollyInView,
  scrollToShow,
} from "./virtualList";

const ROW = 70;

describe("rowsInView", () => {
  it("gives the rows partly in view and the overscan either side", () => {
    // 0 to 350 px shows rows 0 to 4.
    expect(rowsInView(0, 350, ROW, 100_000, 0)).toEqual({ start: 0, end: 5 });
    expect(rowsInView(0, 350, ROW, 100_000, 3)).toEqual({ start: 0, end: 8 });
    // Scrolled by half a row: row 5 peeps in at the bottom.
    expect(rowsInView(35, 350, ROW, 100_000, 0)).toEqual({ start: 0, end: 6 });
    expect(rowsInView(7000, 350, ROW, 100_000, 2)).toEqual({ start: 98, end: 107 });
  });

  it("stops at the end of the list", () => {
    const bottom = 100_000 * ROW - 350;
    expect(rowsInView(bottom, 350, ROW, 100_000, 4)).toEqual({ start: 99_991, end: 100_000 });
    expect(rowsInView(0, 350, ROW, 3, 4)).toEqual({ start: 0, end: 3 });
  });

  it("shows the last rows of a list that got shorter than its scroll position", () => {
    expect(rowsInView(1_000_000, 350, ROW, 10, 0)).toEqual({ start: 5, end: 10 });
    expect(rowsInView(1_000_000, 350, ROW, 2, 0)).toEqual({ start: 0, end: 2 });
  });

  it("gives nothing for an empty list, and one row for a viewport not laid out yet", () => {
    expect(rowsInView(0, 350, ROW, 0, 5)).toEqual({ start: 0, end: 0 });
    expect(rowsInView(0, 0, ROW, 10, 0)).toEqual({ start: 0, end: 1 });
  });
});

describe("rowsWhollyInView", () => {
  it("leaves out rows cut by either edge", () => {
    expect(rowsWhollyInView(0, 350, ROW, 100)).toEqual({ start: 0, end: 5 });
    expect(rowsWhollyInView(35, 350, ROW, 100)).toEqual({ start: 1, end: 5 });
    expect(rowsWhollyInView(70.0004, 350, ROW, 100)).toEqual({ start: 1, end: 6 });
  });

  it("keeps at least one row, and none past the end", () => {
    expect(rowsWhollyInView(10, 40, ROW, 100)).toEqual({ start: 1, end: 2 });
    expect(rowsWhollyInView(6800, 350, ROW, 100)).toEqual({ start: 98, end: 100 });
    expect(rowsWhollyInView(0, 350, ROW, 0)).toEqual({ start: 0, end: 0 });
  });
});

describe("scrollToShow", () => {
  it("leaves a row in view where it is", () => {
    expect(scrollToShow(3, 0, 350, ROW)).toBe(0);
    expect(scrollToShow(4, 0, 350, ROW)).toBe(0);
  });

  it("brings a row below to the bottom edge and a row above to the top edge", () => {
    expect(scrollToShow(5, 0, 350, ROW)).toBe(70);
    expect(scrollToShow(99_999, 0, 350, ROW)).toBe(100_000 * ROW - 350);
    expect(scrollToShow(2, 700, 350, ROW)).toBe(140);
    expect(scrollToShow(0, 700, 350, ROW)).toBe(0);
  });

  it("puts a row at the top of a viewport shorter than a row", () => {
    expect(scrollToShow(7, 0, 30, ROW)).toBe(490);
  });
});

describe("pagesOf", () => {
  it("names every page a range touches", () => {
    expect(pagesOf({ start: 0, end: 10 }, 200)).toEqual([0]);
    expect(pagesOf({ start: 195, end: 215 }, 200)).toEqual([0, 1]);
    expect(pagesOf({ start: 200, end: 400 }, 200)).toEqual([1]);
    expect(pagesOf({ start: 99_990, end: 100_000 }, 200)).toEqual([499]);
    expect(pagesOf({ start: 5, end: 5 }, 200)).toEqual([]);
    expect(pageOf(99_999, 200)).toBe(499);
  });
});

describe("pagesWanted", () => {
  it("wants the pages in view, then those of the rows kept, once each", () => {
    expect(pagesWanted({ start: 190, end: 210 }, [], 200)).toEqual([0, 1]);
    expect(pagesWanted({ start: 190, end: 210 }, [99_999, 205], 200)).toEqual([0, 1, 499]);
  });

  it("wants the first page of a list with nothing in view, to learn whether it has rows now", () => {
    expect(pagesWanted({ start: 0, end: 0 }, [], 200)).toEqual([0]);
  });
});

describe("PageCache", () => {
  const rows = (page: number, count: number) => Array.from({ length: count }, (_, i) => `row ${page * 10 + i}`);

  it("reads rows from the pages it holds and knows the count once a page says it", () => {
    const cache = new PageCache<string>("all", 10, 5);
    expect(cache.total).toBeNull();
    expect(cache.row(0)).toBeUndefined();
    cache.put(2, rows(2, 10), 30);
    expect(cache.total).toBe(30);
    expect(cache.row(20)).toBe("row 20");
    expect(cache.row(29)).toBe("row 29");
    expect(cache.row(19)).toBeUndefined();
    expect(cache.row(30)).toBeUndefined();
  });

  it("asks only for pages it lacks, not on their way, not failed and not past the end", () => {
    const cache = new PageCache<string>("all", 10, 5);
    expect(cache.missing([0, 1])).toEqual([0, 1]);
    cache.request(0);
    expect(cache.inFlight).toBe(1);
    expect(cache.missing([0, 1])).toEqual([1]);
    cache.put(0, rows(0, 10), 25);
    expect(cache.inFlight).toBe(0);
    expect(cache.missing([0, 1, 2, 3])).toEqual([1, 2]);
    cache.request(1);
    cache.fail(1);
    expect(cache.inFlight).toBe(0);
    expect(cache.missing([1, 2])).toEqual([2]);
  });

  it("covers a range once every page of it is here, ignoring rows past the end", () => {
    const cache = new PageCache<string>("all", 10, 5);
    expect(cache.covers({ start: 0, end: 5 })).toBe(false);
    cache.put(0, rows(0, 10), 15);
    expect(cache.covers({ start: 0, end: 10 })).toBe(true);
    expect(cache.covers({ start: 5, end: 15 })).toBe(false);
    cache.put(1, rows(1, 5), 15);
    expect(cache.covers({ start: 5, end: 40 })).toBe(true);
    // A list that shrank under the scroll position: nothing to fetch.
    expect(cache.covers({ start: 30, end: 40 })).toBe(true);
  });

  it("is ready to show once each page asked for is here, failed or past the end", () => {
    const cache = new PageCache<string>("all", 10, 5);
    expect(cache.ready([0])).toBe(false);
    cache.request(0);
    cache.request(1);
    cache.put(0, rows(0, 10), 30);
    expect(cache.ready([0])).toBe(true);
    expect(cache.ready([0, 1])).toBe(false);
    cache.fail(1);
    expect(cache.ready([0, 1, 7])).toBe(true);
    expect(cache.ready([2])).toBe(false);
  });

  it("keeps the pages used last, and those pinned", () => {
    const cache = new PageCache<string>("all", 10, 2);
    cache.put(0, rows(0, 10), 100);
    cache.put(1, rows(1, 10), 100);
    cache.touch([0]);
    cache.put(2, rows(2, 10), 100);
    expect([cache.has(0), cache.has(1), cache.has(2)]).toEqual([true, false, true]);
    cache.put(3, rows(3, 10), 100, [2]);
    expect([cache.has(0), cache.has(2), cache.has(3)]).toEqual([false, true, true]);
  });

  it("lists what it holds in list order and finds a row by its content", () => {
    const cache = new PageCache<string>("all", 2, 5);
    cache.put(3, ["g", "h"], 8);
    cache.put(0, ["a", "b"], 8);
    expect(cache.loaded()).toEqual([
      { index: 0, row: "a" },
      { index: 1, row: "b" },
      { index: 6, row: "g" },
      { index: 7, row: "h" },
    ]);
    expect(cache.find((row) => row === "h")).toBe(7);
    expect(cache.find((row) => row === "c")).toBeNull();
  });
});

describe("findTypedRow", () => {
  const rows = [
    { index: 200, text: "Merger talks" },
    { index: 201, text: "FTC inquiry" },
    { index: 202, text: "Merger signed" },
    { index: 600, text: "Filing" },
  ];

  it("finds among the rows fetched, by their index in the whole list", () => {
    expect(findTypedRow(rows, 200, "f")).toBe(201);
    expect(findTypedRow(rows, 201, "f")).toBe(600);
    expect(findTypedRow(rows, 600, "m")).toBe(200);
    expect(findTypedRow(rows, 200, "merger s")).toBe(202);
    expect(findTypedRow(rows, 200, "z")).toBeNull();
  });

  it("counts from the row before one that is not fetched", () => {
    expect(findTypedRow(rows, 400, "f")).toBe(600);
    expect(findTypedRow(rows, 5, "m")).toBe(200);
    expect(findTypedRow([], 5, "m")).toBeNull();
  });
});
