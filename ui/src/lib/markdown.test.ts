import { describe, expect, it } from "vitest";
import { type Block, type Inline, parseBrief, parseInline, parseMarkdown } from "./markdown";

/** The text a reader sees, links and breaks included. */
function plain(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case "text":
        case "code":
          return node.text;
        case "break":
          return "\n";
        case "note":
          return `[^${node.label}]`;
        default:
          return plain(node.children);
      }
    })
    .join("");
}

const text = (value: string): Inline => ({ type: "text", text: value });

describe("parseInline", () => {
  it("reads emphasis, strong and code", () => {
    expect(parseInline("a *b* **c** `d*e*`")).toEqual([
      text("a "),
      { type: "em", children: [text("b")] },
      text(" "),
      { type: "strong", children: [text("c")] },
      text(" "),
      { type: "code", text: "d*e*" },
    ]);
    expect(parseInline("__strong _em_ inside__")).toEqual([
      { type: "strong", children: [text("strong "), { type: "em", children: [text("em")] }, text(" inside")] },
    ]);
  });

  it("leaves stray markers and snake_case alone", () => {
    expect(parseInline("2 * 3 * 4")).toEqual([text("2 * 3 * 4")]);
    expect(parseInline("snake_case_name and *open")).toEqual([text("snake_case_name and *open")]);
    expect(parseInline("\\*not em\\*")).toEqual([text("*not em*")]);
  });

  it("keeps http(s) links, with their text", () => {
    expect(parseInline("See [the filing](https://www.sec.gov/a_(b)) now")).toEqual([
      text("See "),
      { type: "link", url: "https://www.sec.gov/a_(b)", children: [text("the filing")] },
      text(" now"),
    ]);
  });

  it("keeps a javascript: link as the literal text typed", () => {
    const source = "[x](javascript:alert(1))";
    const nodes = parseInline(source);
    expect(nodes.some((node) => node.type === "link")).toBe(false);
    expect(nodes).toEqual([text(source)]);
  });

  it("keeps other schemes and relative links as text", () => {
    for (const source of ["[a](data:text/html,<b>)", "[a](file:///etc/passwd)", "[a](/local)", "[a](JAVASCRIPT:x)"]) {
      expect(parseInline(source)).toEqual([text(source)]);
    }
  });

  it("keeps HTML as text", () => {
    expect(parseInline("<script>alert(1)</script><img src=x onerror=alert(1)>")).toEqual([
      text("<script>alert(1)</script><img src=x onerror=alert(1)>"),
    ]);
  });
});

describe("parseMarkdown", () => {
  it("splits paragraphs on blank lines and keeps line breaks", () => {
    const blocks = parseMarkdown("One\ntwo\r\n\r\nThree");
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toEqual({ type: "paragraph", children: [text("One"), { type: "break" }, text("two")] });
    expect(blocks[1]).toEqual({ type: "paragraph", children: [text("Three")] });
  });

  it("reads bullet and numbered lists, with continued items", () => {
    const blocks: Block[] = parseMarkdown("Parties:\n- Microsoft\n- OpenAI,\n  the lab\n\n1. First\n2. **Second**");
    expect(blocks.map((block) => block.type)).toEqual(["paragraph", "list", "list"]);
    const [, bullets, numbers] = blocks;
    expect(bullets?.type === "list" && !bullets.ordered && bullets.items.map(plain)).toEqual(["Microsoft", "OpenAI, the lab"]);
    expect(numbers?.type === "list" && numbers.ordered && numbers.items.map(plain)).toEqual(["First", "Second"]);
  });

  it("gives nothing for blank text", () => {
    expect(parseMarkdown(" \n\n ")).toEqual([]);
  });
});

describe("parseBrief", () => {
  const brief = [
    "# Microsoft–OpenAI",
    "",
    "*From a \\$1B investment*",
    "",
    "![Microsoft–OpenAI](<microsoft-openai-wide.png>)",
    "",
    "## Chronology",
    "",
    "- **22 Jul 2019** · Investment — Microsoft invests \\$1B in OpenAI[^1]",
    "",
    "[^1]: Microsoft, *OpenAI forms exclusive computing partnership*, 22 Jul 2019.",
  ].join("\n");

  it("reads headings, the graphic's place, footnotes and their marks, escapes undone", () => {
    const blocks = parseBrief(brief);
    expect(blocks.map((block) => block.type)).toEqual(["heading", "paragraph", "image", "heading", "list", "footnote"]);
    expect(blocks[0]).toEqual({ type: "heading", level: 1, children: [{ type: "text", text: "Microsoft–OpenAI" }] });
    expect(blocks[1]).toEqual({ type: "paragraph", children: [{ type: "em", children: [{ type: "text", text: "From a $1B investment" }] }] });
    expect(blocks[2]).toEqual({ type: "image", alt: "Microsoft–OpenAI" });
    const list = blocks[4];
    expect(list?.type === "list" && list.items[0]?.at(-1)).toEqual({ type: "note", label: "1" });
    expect(list?.type === "list" && list.items[0]?.at(-2)).toEqual({ type: "text", text: " · Investment — Microsoft invests $1B in OpenAI" });
    expect(blocks[5]).toMatchObject({ type: "footnote", label: "1" });
  });

  it("keeps an escaped mark as the text it is, and leaves descriptions' marks alone", () => {
    const [escaped] = parseBrief("See \\[^1\\] in the filing[^2]");
    expect(escaped).toEqual({
      type: "paragraph",
      children: [
        { type: "text", text: "See [^1] in the filing" },
        { type: "note", label: "2" },
      ],
    });
    expect(parseInline("a[^1]")).toEqual([{ type: "text", text: "a[^1]" }]);
  });
});
