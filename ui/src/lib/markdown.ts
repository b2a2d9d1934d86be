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
  | { type: "break" };

export type Block =
  | { type: "paragraph"; children: Inline[] }
  | { type: "list"; ordered: boolean; items: Inline[][] };

const BULLET = /^ {0,3}[-*+]\s+(.*)$/;
const NUMBERED = /^ {0,3}\d{1,9}[.)]\s+(.*)$/;
const WEB_URL = /^https?:\/\/[^\s<>"]+$/i;
const ESCAPABLE = /[\\`*_[\]()#+\-.!<>]/;

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  // Typed by assertion: `flush` resets it, which narrowing from a plain `= null` would not see.
  let list = null as { ordered: boolean; items: string[] } | null;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ type: "paragraph", children: parseInline(paragraph.join("\n")) });
    if (list) blocks.push({ type: "list", ordered: list.ordered, items: list.items.map((item) => parseInline(item)) });
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

export function parseInline(text: string): Inline[] {
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
      const emphasis = parseEmphasis(text, at);
      if (emphasis) {
        push(emphasis.node);
        at = emphasis.end;
      } else {
        push({ type: "text", text: char });
        at += 1;
      }
    } else if (char === "[") {
      const link = parseLink(text, at);
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
function parseEmphasis(text: string, at: number): { node: Inline; end: number } | null {
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
  const children = parseInline(text.slice(from, close));
  return { node: { type: strong ? "strong" : "em", children }, end: close + delimiter.length };
}

/** `[text](http…)` starting at `at`, or null (then it stays text). */
function parseLink(text: string, at: number): { node: Inline; end: number } | null {
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
  return { node: { type: "link", url, children: parseInline(text.slice(at + 1, label)) }, end: end + 1 };
}
