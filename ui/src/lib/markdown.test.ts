import { describe, expect, it } from "vitest";
import { type Block, type Inline, parseInline, parseMarkdown } from "./markdown";

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
