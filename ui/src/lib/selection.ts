// Which events are selected: each with the timeline it was picked on (null
// when picked in the library), and the one the inspector shows.

export interface Selection {
  picked: ReadonlyMap<number, number | null>;
  /** The event the inspector shows: the one picked last. */
  focus: number | null;
}

export const NO_SELECTION: Selection = { picked: new Map(), focus: null };

/** Just this event. */
export function selectOne(id: number, timeline: number | null): Selection {
  return { picked: new Map([[id, timeline]]), focus: id };
}

/** Shift- or ctrl-click: the event joins the selection, or leaves it if it was in. */
export function toggle(selection: Selection, id: number, timeline: number | null): Selection {
  const picked = new Map(selection.picked);
  if (picked.delete(id)) {
    const focus = selection.focus === id ? ([...picked.keys()].at(-1) ?? null) : selection.focus;
    return { picked, focus };
  }
  picked.set(id, timeline);
  return { picked, focus: id };
}

/** Box selection: the events join the selection; the inspector keeps what it showed, if anything. */
export function addAll(selection: Selection, entries: readonly (readonly [number, number | null])[]): Selection {
  if (entries.length === 0) return selection;
  const picked = new Map(selection.picked);
  for (const [id, timeline] of entries) if (!picked.has(id)) picked.set(id, timeline);
  return { picked, focus: selection.focus ?? entries[0]?.[0] ?? null };
}

/** The selection without events that no longer exist. */
export function without(selection: Selection, id: number): Selection {
  if (!selection.picked.has(id)) return selection;
  return toggle(selection, id, null);
}
