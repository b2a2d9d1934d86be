import { describe, expect, it } from "vitest";
import {
  DEFAULT_SETTINGS,
  exportOptions,
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
  });

  it("escapes the SVG into a data URL", () => {
    expect(svgDataUrl('<svg a="#"/>')).toBe("data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%22%23%22%2F%3E");
  });
});
