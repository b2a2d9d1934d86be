import { describe, expect, it } from "vitest";
import type { HouseStyleSummary } from "../bindings/HouseStyleSummary";
import { exportOptions, DEFAULT_SETTINGS } from "./exportOptions";
import {
  LOCALES,
  canvasKindColours,
  draftFrom,
  ownColours,
  knownLocale,
  normaliseHex,
  styleEdit,
  styleNamed,
} from "./houseStyles";
import { KIND_VALUES, kindVars } from "./vocabulary";

/** A style file as the engine stores it (toml's own layout). */
const NEWSROOM = `format = "tideline-style"
version = 1
name = "Newsroom"
credit = "Graphic: The Daily Planet"

[fonts.regular]
data = "AAEAAAALAIAAAwAwT1MvMg=="

[colours.kinds]
investment = "#FF00AA"
definitive-agreement = "#1c3f8c"
"not-a-kind" = "#000000"

[colours.light]
background = "#fffaf0"

[colours.dark]
text = "#eeeeee" # a comment
`;

function summary(name: string, text: string, builtin = false): HouseStyleSummary {
  const own = (kind: string) => !builtin && (kind === "investment" || kind === "definitive-agreement");
  return {
    name,
    builtin,
    text,
    fonts: [],
    logo: false,
    credit: builtin ? "" : "Graphic: The Daily Planet",
    kinds: KIND_VALUES.map((kind) => ({
      kind,
      light: kind === "investment" && !builtin ? "#ff00aa" : kind === "definitive-agreement" && !builtin ? "#1c3f8c" : "#111111",
      dark: kind === "investment" && !builtin ? "#ff00aa" : "#eeeeee",
      own: own(kind),
    })),
    light: { background: builtin ? "#ffffff" : "#fffaf0", text: "#1b1f24", ownBackground: !builtin, ownText: false },
    dark: { background: "#15181d", text: builtin ? "#e9edf2" : "#eeeeee", ownBackground: false, ownText: !builtin },
    sizes: [{ name: "social-square", label: "Social square, 1080 × 1080", width: 1080, height: 1080 }],
  };
}

const TIDELINE = summary("tideline", 'format = "tideline-style"\nversion = 1\nname = "tideline"\n', true);
const STYLE = summary("Newsroom", NEWSROOM);

describe("house styles", () => {
  it("takes the colours a style sets itself, and only those", () => {
    expect(ownColours(STYLE)).toEqual({
      kinds: { investment: "#ff00aa", "definitive-agreement": "#1c3f8c" },
      light: { background: "#fffaf0", text: "" },
      dark: { background: "", text: "#eeeeee" },
    });
    expect(ownColours(TIDELINE).kinds).toEqual({});
  });

  it("makes the editor's fields from a style, and an edit that gives them back whole", () => {
    const draft = draftFrom(STYLE);
    expect(draft.name).toBe("Newsroom");
    expect(draft.kinds.investment).toBe("#ff00aa");
    expect(draft.kinds.rumour).toBe("");
    const edit = styleEdit({ ...draft, name: "  Newsroom 2 ", kinds: { ...draft.kinds, investment: "" } });
    expect(edit.name).toBe("Newsroom 2");
    expect(edit.credit).toBe("Graphic: The Daily Planet");
    // Every kind is given: "" takes a colour the start set back to the default.
    expect(Object.keys(edit.kinds)).toHaveLength(KIND_VALUES.length);
    expect(edit.kinds.investment).toBe("");
    expect(edit.kinds["definitive-agreement"]).toBe("#1c3f8c");
    expect(edit.lightBackground).toBe("#fffaf0");
    expect(edit.lightText).toBe("");
    expect(edit.darkText).toBe("#eeeeee");
  });

  it("starts a style from Tideline's own unnamed", () => {
    expect(draftFrom(TIDELINE).name).toBe("");
  });

  it("finds a style by name, else Tideline's own", () => {
    const styles = [TIDELINE, STYLE];
    expect(styleNamed(styles, "newsroom")?.name).toBe("Newsroom");
    expect(styleNamed(styles, "Gone")?.name).toBe("tideline");
    expect(styleNamed(styles, null)?.name).toBe("tideline");
    expect(styleNamed([], "Newsroom")).toBeUndefined();
  });

  it("takes colours as typed", () => {
    expect(normaliseHex("FF00AA")).toBe("#ff00aa");
    expect(normaliseHex(" #f0a ")).toBe("#ff00aa");
    expect(normaliseHex("#ff00a")).toBeNull();
    expect(normaliseHex("red")).toBeNull();
  });

  it("colours the canvas's kinds the style sets, and no others", () => {
    expect(canvasKindColours(TIDELINE, "light")).toEqual({});
    expect(canvasKindColours(undefined, "light")).toEqual({});
    const properties = canvasKindColours(STYLE, "light");
    expect(properties["--kind-colour-investment"]).toBe("#ff00aa");
    expect(properties["--kind-colour-investment-soft"]).toBe("rgba(255, 0, 170, 0.16)");
    expect(properties["--kind-colour-definitive-agreement"]).toBe("#1c3f8c");
    expect(properties["--kind-colour-rumour"]).toBeUndefined();
    // Each kind's element takes the page's colour, else the kind's own.
    expect(kindVars("investment")["--kind"]).toBe("var(--kind-colour-investment, #17945f)");
    expect(kindVars("investment")["--kind-soft"]).toBe("var(--kind-colour-investment-soft, rgba(23, 148, 95, 0.16))");
  });

  it("offers ten languages, each named in itself, British English first", () => {
    expect(LOCALES.map((locale) => locale.tag)).toEqual([
      "en-GB",
      "en-US",
      "de",
      "fr",
      "es",
      "it",
      "pt",
      "nl",
      "ja",
      "zh-Hans",
    ]);
    expect(LOCALES.find((locale) => locale.tag === "de")?.label).toBe("Deutsch");
    expect(knownLocale("ja")).toBe("ja");
    expect(knownLocale("xx")).toBe("en-GB");
    expect(knownLocale(null)).toBe("en-GB");
  });

  it("puts the style and language in the export's options, the defaults as none", () => {
    const lanes = [1];
    expect(exportOptions(DEFAULT_SETTINGS, lanes, { style: "tideline", locale: "en-GB" })).toMatchObject({
      style: null,
      locale: null,
    });
    expect(exportOptions(DEFAULT_SETTINGS, lanes, { style: "Newsroom", locale: "de" })).toMatchObject({
      style: "Newsroom",
      locale: "de",
    });
  });
});
