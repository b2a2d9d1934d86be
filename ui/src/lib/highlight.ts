// Search matches in a text, for <mark>: the engine says which words matched.

export interface Piece {
  text: string;
  match: boolean;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function escape(word: string): string {
  return word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * `text` cut into pieces, those that start a word with one of `words`
 * (ignoring case, longest word first, as full-text search matches prefixes)
 * marked. The pieces join back into `text`.
 */
export function highlight(text: string, words: readonly string[]): Piece[] {
  const alternatives = [...new Set(words.map((word) => word.trim()).filter((word) => word !== ""))]
    .sort((a, b) => b.length - a.length)
    .map(escape);
  if (alternatives.length === 0 || text === "") return [{ text, match: false }];
  const pattern = new RegExp(alternatives.join("|"), "giu");
  const pieces: Piece[] = [];
  let done = 0;
  for (const found of text.matchAll(pattern)) {
    const at = found.index;
    const before = text.slice(0, at).at(-1);
    if (before !== undefined && WORD_CHAR.test(before)) continue;
    if (at > done) pieces.push({ text: text.slice(done, at), match: false });
    pieces.push({ text: found[0], match: true });
    done = at + found[0].length;
  }
  if (done < text.length) pieces.push({ text: text.slice(done), match: false });
  return pieces;
}
