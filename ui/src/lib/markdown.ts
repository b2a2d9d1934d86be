// A small, safe Markdown subset for event descriptions: paragraphs, line
// breaks, *emphasis*, **strong**, `code`, lists, and [links](https://…).
// It parses into plain data that components render as text nodes: no HTML
// passes through, and a link is kept only for an http(s) URL (anything else,
// `javascript:` included, stays the literal text that was typed).

export type Inline =
  | { type: "text"; text: string }
  | { type: "em"; children: Inline[] }
  | { type: "strong"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; url: string; children: Inline[] }
  | { type: "break" }
  /** A footnote's mark, "[^3]": only the brief has them (`parseBrief`). */
  | { type: "note"; label: string };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

const BULLET = /^ {0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^ {0,3}\d{1,9}[.)]\s+(.*)$/;
const WEB_URL = /^https?:\/\/[^\s<>"]+$/i;
/** What a backslash escapes: any ASCII punctuation, as in CommonMark. */
const ESCAPABLE = /[!-/:-@[-`{-~]/;

/** A block of the exported brief: a heading, the graphic's place, a footnote, or Markdown as above. */
export type BriefBlock =
  | Block
  | { type: "heading"; level: number; children: Inline[] }
  | { type: "image"; alt: string }
  | { type: "footnote"; label: string; children: Inline[] };

const HEADING = /^(#{1,6})\s+(.*)$/;
const IMAGE = /^!\[([^\]]*)\]\(.*\)$/;
const FOOTNOTE = /^\[\^([^\]]+)\]:\s*(.*)$/;
/** A footnote's mark where the `[` stands: "[^3]". */
const NOTE_MARK = /^\[\^([^\]\s]+)\]/;

/**
 * The brief the engine writes, for its preview: headings, the graphic's
 * place, footnotes with their marks, and the rest as in `parseMarkdown`.
 * The graphic itself is a file beside the brief, so its place is named.
 */
export function parseBrief(source: string): BriefBlock[] {
  const blocks: BriefBlock[] = [];
  let rest: string[] = [];
  const flush = () => {
    blocks.push(...parseMarkdown(rest.join("\n"), BRIEF));
    rest = [];
  };
  for (const line of source.replace(/\r\n?/g, "\n").split("\n")) {
    const heading = HEADING.exec(line);
    const image = IMAGE.exec(line);
    const footnote = FOOTNOTE.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: "heading", level: heading[1]?.length ?? 1, children: parseInline(heading[2] ?? "", BRIEF) });
    } else if (image) {
      flush();
      blocks.push({ type: "image", alt: image[1] ?? "" });
    } else if (footnote) {
      flush();
      blocks.push({ type: "footnote", label: footnote[1] ?? "", children: parseInline(footnote[2] ?? "", BRIEF) });
    } else {
      rest.push(line);
    }
  }
  flush();
  return blocks;
}

/** What the parser reads besides the description subset. */
interface Reading {
  /** Footnote marks, "[^3]" (the brief's); an escaped "\\[^3]" stays text. */
  notes: boolean;
}
const DESCRIPTION: Reading = { notes: false };
const BRIEF: Reading = { notes: true };

export function parseMarkdown(source: string, reading: Reading = DESCRIPTION): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  // Typed by assertion: `flush` resets it, which narrowing from a plain `= null` would not see.
  let list = null as { ordered: boolean; items: string[] } | null;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", children: parseInline(paragraph.join("\n"), reading) });
    if (list) blocks.push({ type: "list", ordered: list.ordered, items: list.items.map((item) => parseInline(item, reading)) });
    paragraph = [];
    list = null;
  };

  for (const line of source.replace(/\r\n?/g, "\n").split("\n")) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (line.trim() === "") {
      flush();
    } else if (item) {
      const ordered = numbered !== null;
      if (list?.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push(item[1] ?? "");
    } else if (list && /^\s/.test(line)) {
      // An indented line continues the list item above it.
      const last = list.items.length - 1;
      list.items[last] = `${list.items[last] ?? ""} ${line.trim()}`;
    } else {
      if (list) flush();
      paragraph.push(line.trim());
    }
  }
  flush();
  return blocks;
}

export function parseInline(text: string, reading: Reading = DESCRIPTION): Inline[] {
  const out: Inline[] = [];
  const push = (node: Inline) => {
    const last = out.at(-1);
    if (node.type === "text" && last?.type === "text") last.text += node.text;
    else out.push(node);
  };

  let at = 0;
  while (at < text.length) {
    const char = text.charAt(at);
    if (char === "\\" && ESCAPABLE.test(text.charAt(at + 1))) {
      push({ type: "text", text: text.charAt(at + 1) });
      at += 2;
    } else if (char === "\n") {
      push({ type: "break" });
      at += 1;
    } else if (char === "`") {
      const end = text.indexOf("`", at + 1);
      if (end > at + 1) {
        push({ type: "code", text: text.slice(at + 1, end) });
        at = end + 1;
      } else {
        push({ type: "text", text: char });
        at += 1;
      }
    } else if (char === "*" || char === "_") {
      const emphasis = parseEmphasis(text, at, reading);
      if (emphasis) {
        push(emphasis.node);
        at = emphasis.end;
      } else {
        push({ type: "text", text: char });
        at += 1;
      }
    } else if (char === "[" && reading.notes && NOTE_MARK.test(text.slice(at))) {
      const mark = NOTE_MARK.exec(text.slice(at));
      push({ type: "note", label: mark?.[1] ?? "" });
      at += mark?.[0].length ?? 1;
    } else if (char === "[") {
      const link = parseLink(text, at, reading);
      if (link) {
        push(link.node);
        at = link.end;
      } else {
        push({ type: "text", text: char });
        at += 1;
      }
    } else {
      const next = text.slice(at + 1).search(/[\\\n`*_[]/);
      const end = next === -1 ? text.length : at + 1 + next;
      push({ type: "text", text: text.slice(at, end) });
      at = end;
    }
  }
  return out;
}

/** `**strong**`, `__strong__`, `*em*` or `_em_` starting at `at`, or null. */
function parseEmphasis(text: string, at: number, reading: Reading): { node: Inline; end: number } | null {
  const char = text.charAt(at);
  // Underscores inside words (snake_case) are not emphasis.
  if (char === "_" && at > 0 && /[\p{L}\p{N}]/u.test(text.charAt(at - 1))) return null;
  const strong = text.charAt(at + 1) === char;
  const delimiter = strong ? char + char : char;
  const from = at + delimiter.length;
  if (/\s/.test(text.charAt(from)) || from >= text.length) return null;
  let close = text.indexOf(delimiter, from + 1);
  while (close !== -1) {
    const closes = !/\s/.test(text.charAt(close - 1)) && (strong || text.charAt(close + 1) !== char);
    const wordAfter = char === "_" && /[\p{L}\p{N}]/u.test(text.charAt(close + delimiter.length));
    if (closes && !wordAfter) break;
    close = text.indexOf(delimiter, close + 1);
  }
  if (close === -1) return null;
  const children = parseInline(text.slice(from, close), reading);
  return { node: { type: strong ? "strong" : "em", children }, end: close + delimiter.length };
}

/** `[text](http…)` starting at `at`, or null (then it stays text). */
function parseLink(text: string, at: number, reading: Reading): { node: Inline; end: number } | null {
  const label = text.indexOf("]", at + 1);
  if (label === -1 || text.charAt(label + 1) !== "(") return null;
  let depth = 0;
  let end = -1;
  for (let index = label + 2; index < text.length; index++) {
    const char = text.charAt(index);
    if (char === "(") depth += 1;
    else if (char === ")" && depth-- === 0) {
      end = index;
      break;
    }
  }
  if (end === -1) return null;
  const url = text.slice(label + 2, end).trim();
  if (!WEB_URL.test(url)) return null;
  return { node: { type: "link", url, children: parseInline(text.slice(at + 1, label), reading) }, end: end + 1 };
}
