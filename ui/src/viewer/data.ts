// What the exported page holds for its viewer (crates/export/src/page_data.rs).

export interface PageEvent {
  id: number;
  title: string;
  when: string;
  start: string;
  end: string | null;
  start_minute: number;
  end_minute: number;
  kind: string;
  about: string;
  fuzzy: boolean;
  unsourced: boolean;
  importance: number;
}

export interface PagePeriod {
  id: number;
  start_minute: number;
  end_minute: number;
  text: string;
  when: string;
}

/** The engine's layout of the whole span across `width_px`. */
export interface Level {
  width_px: number;
  height_px: number;
  /** How far labels and bars reach past the span's end, in px. */
  overhang_px: number;
  /** `[x, label, major]`. */
  ticks: [number, string, boolean][];
  /** `[lane id, y, height]`. */
  lanes: [number, number, number][];
  /** `[event id, lane id, x, x_end, y, label width, label visible]`. */
  items: [number, number, number, number | null, number, number, boolean][];
  /** `[period id, row]`. */
  periods: [number, number][];
}

export interface PageData {
  title: string;
  start_minute: number;
  end_minute: number;
  /** A comparison's axis, in time from each timeline's T0. */
  relative: boolean;
  lanes: { id: number; name: string }[];
  events: PageEvent[];
  periods: PagePeriod[];
  levels: Level[];
  words: { region: string; zoom_in: string; zoom_out: string; fit: string; close: string; help: string };
}

/** The page's data, or null when there is none to read. */
export function readData(doc: Document): PageData | null {
  return parseData(doc.getElementById("tideline-data")?.textContent);
}

/** The data block's text as data, or null when it is missing or not JSON. */
export function parseData(text: string | null | undefined): PageData | null {
  if (!text) return null;
  try {
    return JSON.parse(text) as PageData;
  } catch {
    return null;
  }
}

/** The widest level no wider than `widthPx` (the narrowest if all are wider). */
export function levelFor(levels: readonly Level[], widthPx: number): Level | undefined {
  let chosen = levels[0];
  for (const level of levels) if (level.width_px <= widthPx + 0.5) chosen = level;
  return chosen;
}
