// Finding a kind from what is typed: "review", "Regulatory r", "mou".

import type { EventKind } from "../bindings/EventKind";
import { KIND_VALUES, KINDS } from "./vocabulary";

/**
 * The kinds that match `query`, best first: a label that starts with it,
 * then one with a word that starts with it (after a space or a slash), then
 * any other that contains it. The kind's identifier ("regulatory-review")
 * matches too. An empty query matches every kind, in menu order.
 */
export function searchKinds(query: string): EventKind[] {
  const typed = query.trim().toLowerCase().replace(/\s+/g, " ");
  if (typed === "") return [...KIND_VALUES];
  const rank = (kind: EventKind): number => {
    const label = KINDS[kind].label.toLowerCase();
    if (label.startsWith(typed) || kind === typed) return 0;
    if (label.split(/[ /]+/).some((_, index, words) => words.slice(index).join(" ").startsWith(typed))) return 1;
    if (label.includes(typed) || kind.includes(typed.replace(/ /g, "-"))) return 2;
    return 3;
  };
  return KIND_VALUES.map((kind) => [kind, rank(kind)] as const)
    .filter(([, score]) => score < 3)
    .sort((a, b) => a[1] - b[1])
    .map(([kind]) => kind);
}

/** The kind `text` names exactly (its label or identifier, any case), or null. */
export function kindNamed(text: string): EventKind | null {
  const typed = text.trim().toLowerCase();
  return KIND_VALUES.find((kind) => kind === typed || KINDS[kind].label.toLowerCase() === typed) ?? null;
}
