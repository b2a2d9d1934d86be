// Keyboard order on the canvas: events in date order, whatever lane they sit in.

/**
 * The item after (`step` 1) or before (-1) `current` when `items` are put in
 * order of `key`, ties kept in their given order; null past either end.
 */
export function neighbour<T>(items: readonly T[], key: (item: T) => number, current: T, step: 1 | -1): T | null {
  const sorted = items
    .map((item, index) => ({ item, index, key: key(item) }))
    .sort((a, b) => a.key - b.key || a.index - b.index)
    .map((entry) => entry.item);
  const at = sorted.indexOf(current);
  if (at === -1) return null;
  return sorted[at + step] ?? null;
}
