// Keyboard order on the canvas: events in date order, whatever lane they sit in.

/** Ids in order of start minute, ties by id. */
export function dateOrder(events: Iterable<{ id: number; start_minute: number }>): number[] {
  return [...events].sort((a, b) => a.start_minute - b.start_minute || a.id - b.id).map((event) => event.id);
}

/** The walk keys of the canvas. */
export type WalkKey = "ArrowDown" | "ArrowUp" | "Home" | "End";

/**
 * Where `key` takes the focus from `current` along `order`: the next or
 * the previous, or the first or the last; null past either end or when
 * `current` is not in `order`.
 */
export function walk(order: readonly number[], current: number, key: WalkKey): number | null {
  if (key === "Home") return order[0] ?? null;
  if (key === "End") return order.at(-1) ?? null;
  const at = order.indexOf(current);
  if (at === -1) return null;
  return order[at + (key === "ArrowDown" ? 1 : -1)] ?? null;
}
