import { describe, expect, it } from "vitest";
import type { NamedSize } from "../bindings/NamedSize";
import {
  CUSTOM_SIZE,
  DEFAULT_SETTINGS,
  customSizeFrom,
  customSizeProblems,
  exportOptions,
  sizeChoice,
  sizeFromSetting,
  sizeProblem,
  sizeSetting,
  parseWidth,
  renderSuffix,
  sizeLabel,
  svgDataUrl,
  svgSize,
  widthProblem,
} from "./exportOptions";

describe("exportOptions", () => {
  it("leaves out the defaults and includes every lane when none is hidden", () => {
    expect(exportOptions(DEFAULT_SETTINGS, [1, 2])).toEqual({
      orientation: "horizontal",
      width: null,
      height: null,
      scale: 2,
      theme: "light",
      from: null,
      to: null,
      lanes: null,
      descriptions: false,
      group: "year",
      image: null,
      locale: null,
      style: null,
    });
  });

  it("lists the lanes shown, in the timeline's order, and trims the dates", () => {
    const options = exportOptions(
      { ...DEFAULT_SETTINGS, hiddenLanes: [2], from: " 2019 ", to: "Q1 2024", width: "520", orientation: "vertical" },
      [3, 1, 2],
    );
    expect(options.lanes).toEqual([3, 1]);
    expect(options.from).toBe("2019");
    expect(options.to).toBe("Q1 2024");
    expect(options.width).toBe(520);
    expect(options.orientation).toBe("vertical");
  });

  it("sends no width while the typed one is unusable", () => {
    expect(exportOptions({ ...DEFAULT_SETTINGS, width: "12" }, []).width).toBeNull();
  });
});

const SIZES: readonly NamedSize[] = [
  { name: "social-square", label: "Social square, 1080 × 1080", width: 1080, height: 1080 },
  { name: "a4-portrait", label: "A4 portrait", width: 794, height: 1123 },
  { name: "banner", label: "banner, 1500 × 500", width: 1500, height: 500 },
];

describe("sizes", () => {
  it("gives a named size's width and height exactly, in either layout, keeping the typed width aside", () => {
    const square = { ...DEFAULT_SETTINGS, size: "social-square", width: "900" };
    expect(exportOptions(square, [], undefined, SIZES)).toMatchObject({ width: 1080, height: 1080 });
    const tall = { ...square, orientation: "vertical" as const, size: "a4-portrait" };
    expect(exportOptions(tall, [], undefined, SIZES)).toMatchObject({ width: 794, height: 1123 });
    // Back on free width, the typed width applies again and the height is the graphic's own.
    expect(exportOptions({ ...square, size: "" }, [], undefined, SIZES)).toMatchObject({ width: 900, height: null });
  });

  it("draws a name the style does not have at free width", () => {
    const settings = { ...DEFAULT_SETTINGS, size: "banner", width: "1300" };
    expect(sizeChoice("banner", SIZES.slice(0, 2))).toEqual({ kind: "free" });
    expect(exportOptions(settings, [], undefined, SIZES.slice(0, 2))).toMatchObject({ width: 1300, height: null });
    expect(exportOptions(settings, [], undefined, SIZES)).toMatchObject({ width: 1500, height: 500 });
    // With no sizes read yet, nothing is named.
    expect(exportOptions(settings, [])).toMatchObject({ width: 1300, height: null });
  });

  it("gives a custom size once both sides are in range, and says which is not", () => {
    const custom = { ...DEFAULT_SETTINGS, size: CUSTOM_SIZE, sizeWidth: " 1000 ", sizeHeight: "400" };
    expect(exportOptions(custom, [], undefined, SIZES)).toMatchObject({ width: 1000, height: 400 });
    expect(sizeProblem(custom, SIZES)).toBeNull();

    const short = { ...custom, sizeHeight: "100" };
    expect(customSizeProblems(short)).toEqual({ width: null, height: "A height between 240 and 16384 px" });
    expect(sizeProblem(short, SIZES)).toBe("A height between 240 and 16384 px");
    expect(customSizeProblems({ sizeWidth: "", sizeHeight: "20000" })).toEqual({
      width: "A width between 240 and 16384 px",
      height: "A height between 240 and 16384 px",
    });
    // Unusable, it sends no height: the free width, as the preview keeps the last picture.
    expect(exportOptions(short, [], undefined, SIZES)).toMatchObject({ width: null, height: null });
  });

  it("checks the Width field only at free width", () => {
    const typed = { ...DEFAULT_SETTINGS, width: "12" };
    expect(sizeProblem(typed, SIZES)).toMatch(/between 240 and 16384/);
    expect(sizeProblem({ ...typed, size: "social-square" }, SIZES)).toBeNull();
  });

  it("remembers a name, a custom size as custom:WxH, and free width as empty", () => {
    expect(sizeSetting(DEFAULT_SETTINGS)).toBe("");
    expect(sizeSetting({ ...DEFAULT_SETTINGS, size: "social-square" })).toBe("social-square");
    const custom = { ...DEFAULT_SETTINGS, size: CUSTOM_SIZE, sizeWidth: "1000", sizeHeight: " 400" };
    expect(sizeSetting(custom)).toBe("custom:1000x400");
    expect(sizeSetting({ ...custom, sizeHeight: "4" })).toBeNull();
  });

  it("reads back what it remembered, and a custom size that does not read as free width", () => {
    expect(sizeFromSetting(null)).toEqual({ size: "", sizeWidth: "", sizeHeight: "" });
    expect(sizeFromSetting("")).toEqual({ size: "", sizeWidth: "", sizeHeight: "" });
    expect(sizeFromSetting("social-square")).toEqual({ size: "social-square", sizeWidth: "", sizeHeight: "" });
    expect(sizeFromSetting("custom:1000x400")).toEqual({ size: CUSTOM_SIZE, sizeWidth: "1000", sizeHeight: "400" });
    for (const broken of ["custom:", "custom:1000", "custom:10x400", "custom:1x2x3", "custom:widexhigh"]) {
      expect(sizeFromSetting(broken)).toEqual({ size: "", sizeWidth: "", sizeHeight: "" });
    }
    const settings = { ...DEFAULT_SETTINGS, ...sizeFromSetting("custom:1000x400") };
    expect(sizeSetting(settings)).toBe("custom:1000x400");
  });

  it("starts a custom size from the named size chosen, else the width in the layout's proportion", () => {
    expect(customSizeFrom({ ...DEFAULT_SETTINGS, size: "a4-portrait" }, SIZES)).toEqual({
      sizeWidth: "794",
      sizeHeight: "1123",
    });
    expect(customSizeFrom(DEFAULT_SETTINGS, SIZES)).toEqual({ sizeWidth: "1600", sizeHeight: "900" });
    expect(customSizeFrom({ ...DEFAULT_SETTINGS, orientation: "vertical", width: "450" }, SIZES)).toEqual({
      sizeWidth: "450",
      sizeHeight: "800",
    });
    // What was typed before stays.
    expect(customSizeFrom({ ...DEFAULT_SETTINGS, sizeWidth: "700", sizeHeight: "" }, SIZES)).toEqual({
      sizeWidth: "700",
      sizeHeight: "",
    });
  });
});

describe("widths", () => {
  it("reads an empty field as the default and refuses what is out of range", () => {
    expect(parseWidth("")).toBeNull();
    expect(parseWidth(" 1200 ")).toBe(1200);
    expect(parseWidth("100")).toBeNaN();
    expect(parseWidth("wide")).toBeNaN();
    expect(widthProblem("1200")).toBeNull();
    expect(widthProblem("30000")).toMatch(/between 240 and 16384/);
  });
});

describe("sizes and names", () => {
  it("reads the size an SVG declares", () => {
    expect(svgSize('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="1600" height="942.5">')).toEqual({
      width: 1600,
      height: 942.5,
    });
    expect(svgSize("<p>no picture</p>")).toBeNull();
  });

  it("counts a PNG's pixels at its scale", () => {
    expect(sizeLabel({ width: 480, height: 2000 }, "png", 2)).toBe("960 × 4000 pixels (2×)");
    expect(sizeLabel({ width: 480, height: 2000 }, "png", 1)).toBe("480 × 2000 pixels");
    expect(sizeLabel({ width: 1600, height: 900.4 }, "svg", 3)).toBe("1600 × 900 px");
  });

  it("names a tall graphic as such", () => {
    expect(renderSuffix("png", "vertical")).toBe(" (tall).png");
    expect(renderSuffix("pdf", "horizontal")).toBe(".pdf");
    expect(renderSuffix("md", "vertical")).toBe(".md");
    expect(renderSuffix("html", "vertical")).toBe(".html");
  });

  it("escapes the SVG into a data URL", () => {
    expect(svgDataUrl('<svg a="#"/>')).toBe("data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%22%23%22%2F%3E");
  });
});
