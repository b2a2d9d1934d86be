// Moving focus inside a region that is one Tab stop (a list of timelines,
// the library): which item a key moves to. Pure, so it is tested alone.

/** The item `key` moves to from `current` among `count` items, or null for a key that moves nothing. */
export function rovingStep(key: string, current: number, count: number): number | null {
  if (count === 0) return null;
  switch (key) {
    case "ArrowDown":
      return Math.min(current + 1, count - 1);
    case "ArrowUp":
      return Math.max(current - 1, 0);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

/**
 * Type-to-find: the first item after `current` (wrapping round) whose text
 * starts with `typed`, ignoring case; a repeated single letter steps
 * through the items with that letter, as in a file manager.
 */
export function findTyped(texts: readonly string[], current: number, typed: string): number | null {
  const wanted = typed.toLocaleLowerCase();
  if (wanted === "") return null;
  const first = wanted.charAt(0);
  const same = wanted.replaceAll(first, "") === "";
  const prefix = same ? first : wanted;
  // A longer search may stay on the current item; a new letter moves on.
  const start = typed.length > 1 && !same ? current : current + 1;
  for (let offset = 0; offset < texts.length; offset++) {
    const index = (start + offset) % texts.length;
    if ((texts[index] ?? "").trim().toLocaleLowerCase().startsWith(prefix)) return index;
  }
  return null;
}
