import { describe, expect, it } from "vitest";
import { highlight } from "./highlight";

const marked = (text: string, words: string[]) =>
  highlight(text, words)
    .map((piece) => (piece.match ? `[${piece.text}]` : piece.text))
    .join("");

describe("highlight", () => {
  it("marks words and prefixes at word starts, ignoring case", () => {
    expect(marked("Microsoft invests $1B in OpenAI", ["microsoft", "openai"])).toBe("[Microsoft] invests $1B in [OpenAI]");
    expect(marked("Microsoft invests in OpenAI", ["invest"])).toBe("Microsoft [invest]s in OpenAI");
  });

  it("leaves matches inside words alone", () => {
    expect(marked("Reinvestment", ["invest"])).toBe("Reinvestment");
  });

  it("prefers the longest word and treats punctuation literally", () => {
    expect(marked("UK CMA closes its merger inquiry", ["merge", "merger"])).toBe("UK CMA closes its [merger] inquiry");
    expect(marked("A (b) c", ["(b)"])).toBe("A [(b)] c");
  });

  it("keeps the text whole without words", () => {
    expect(highlight("Deal", [])).toEqual([{ text: "Deal", match: false }]);
    expect(highlight("", ["x"])).toEqual([{ text: "", match: false }]);
  });

  it("joins back into the text", () => {
    const text = "Étude: l'Autorité étudie l'étude";
    expect(highlight(text, ["étude"]).map((piece) => piece.text).join("")).toBe(text);
    expect(marked(text, ["étude"])).toBe("[Étude]: l'Autorité étudie l'[étude]");
  });
});
