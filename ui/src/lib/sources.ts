// Picking a source to cite.

import type { SourceView } from "../bindings/SourceView";

/** The sources whose title, publisher, author or URL contain every word typed, ignoring case. */
export function findSources(sources: readonly SourceView[], text: string): SourceView[] {
  const words = text.toLocaleLowerCase().split(/\s+/).filter((word) => word !== "");
  return sources.filter((source) => {
    const haystack = [source.title, source.publisher, source.author, source.url].join(" ").toLocaleLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}
