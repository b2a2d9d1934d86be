// The export dialog's graphic and brief options in words and numbers: what
// the fields hold, the engine's ExportOptions they make, and the size of
// the picture a preview shows.

import type { BriefGrouping } from "../bindings/BriefGrouping";
import type { ExportOptions } from "../bindings/ExportOptions";
import type { ExportTheme } from "../bindings/ExportTheme";
import type { NamedSize } from "../bindings/NamedSize";
import type { RenderFormat } from "../bindings/RenderFormat";
import { DEFAULT_LOCALE, DEFAULT_STYLE } from "./houseStyles";

export type Orientation = ExportOptions["orientation"];

/** The fields of the dialog, as typed. */
export interface GraphicSettings {
  orientation: Orientation;
  /** How the graphic is sized: FREE_SIZE (the Width field), a named size of the style, or CUSTOM_SIZE. */
  size: string;
  /** Px as typed; "" for the layout's default. Kept while a named or custom size is chosen. */
  width: string;
  /** The custom size's width and height in px, as typed. */
  sizeWidth: string;
  sizeHeight: string;
  scale: number;
  theme: ExportTheme;
  /** A date as typed ("2023", "Q1 2024", "2023-05-12"); "" for no crop. */
  from: string;
  to: string;
  /** The lanes left out, by id: a new lane is included. */
  hiddenLanes: readonly number[];
  descriptions: boolean;
  group: BriefGrouping;
}

export const DEFAULT_SETTINGS: GraphicSettings = {
  orientation: "horizontal",
  size: "",
  width: "",
  sizeWidth: "",
  sizeHeight: "",
  scale: 2,
  theme: "light",
  from: "",
  to: "",
  hiddenLanes: [],
  descriptions: false,
  group: "year",
};

/** The engine's width when none is given. */
export const DEFAULT_WIDTH: Record<Orientation, number> = { horizontal: 1600, vertical: 480 };
export const MIN_WIDTH = 240;
export const MAX_WIDTH = 16384;

export const THEMES: readonly { id: ExportTheme; label: string }[] = [
  { id: "light", label: "Light" },
  { id: "dark", label: "Dark" },
  { id: "print", label: "Print" },
];

/** The width typed, or null for the default; NaN when it is not a number in range. */
export function parseWidth(typed: string): number | null {
  const text = typed.trim();
  if (text === "") return null;
  const width = Number(text);
  return Number.isFinite(width) && width >= MIN_WIDTH && width <= MAX_WIDTH ? width : Number.NaN;
}

/** The problem with the typed width, or null when it is usable. */
export function widthProblem(typed: string): string | null {
  return Number.isNaN(parseWidth(typed)) ? `A width between ${MIN_WIDTH} and ${MAX_WIDTH} px` : null;
}

/** The Size control's first choice: the Width field applies and the graphic is as tall as it needs. */
export const FREE_SIZE = "";
/** The Size control's last choice: a width and a height typed. */
export const CUSTOM_SIZE = "custom:";

/** The size a graphic is drawn at, as the Size control resolves it against the style's named sizes. */
export type SizeChoice = { kind: "free" } | { kind: "named"; size: NamedSize } | { kind: "custom" };

/** What `size` chooses among `sizes`: a name the style does not have is free width. */
export function sizeChoice(size: string, sizes: readonly NamedSize[]): SizeChoice {
  if (size === CUSTOM_SIZE) return { kind: "custom" };
  const named = size === FREE_SIZE ? undefined : sizes.find((item) => item.name === size);
  return named ? { kind: "named", size: named } : { kind: "free" };
}

/** A side of the custom size as typed: its px, or NaN when it is empty or out of range. */
function parseSide(typed: string): number {
  return parseWidth(typed) ?? Number.NaN;
}

/** The problems with the custom size's width and height, each null when it is usable. */
export function customSizeProblems(settings: Pick<GraphicSettings, "sizeWidth" | "sizeHeight">): {
  width: string | null;
  height: string | null;
} {
  const problem = (typed: string, side: string) =>
    Number.isNaN(parseSide(typed)) ? `A ${side} between ${MIN_WIDTH} and ${MAX_WIDTH} px` : null;
  return { width: problem(settings.sizeWidth, "width"), height: problem(settings.sizeHeight, "height") };
}

/** The problem with the graphic's size as chosen, or null when it is usable. */
export function sizeProblem(settings: GraphicSettings, sizes: readonly NamedSize[]): string | null {
  switch (sizeChoice(settings.size, sizes).kind) {
    case "free":
      return widthProblem(settings.width);
    case "named":
      return null;
    case "custom": {
      const problems = customSizeProblems(settings);
      return problems.width ?? problems.height;
    }
  }
}

/** The width and height the engine is given: a named or custom size exactly, or the Width field and no height. */
export function graphicSize(
  settings: GraphicSettings,
  sizes: readonly NamedSize[],
): { width: number | null; height: number | null } {
  const choice = sizeChoice(settings.size, sizes);
  if (choice.kind === "named") return { width: choice.size.width, height: choice.size.height };
  if (choice.kind === "custom") {
    const width = parseSide(settings.sizeWidth);
    const height = parseSide(settings.sizeHeight);
    if (!Number.isNaN(width) && !Number.isNaN(height)) return { width, height };
  }
  const width = parseWidth(settings.width);
  return { width: width === null || Number.isNaN(width) ? null : width, height: null };
}

/**
 * What the workspace remembers of the size ("export.size"): "" for free
 * width, a named size's name, or "custom:WxH"; null while the custom size
 * is unusable (nothing is remembered then).
 */
export function sizeSetting(settings: GraphicSettings): string | null {
  if (settings.size !== CUSTOM_SIZE) return settings.size;
  const width = parseSide(settings.sizeWidth);
  const height = parseSide(settings.sizeHeight);
  return Number.isNaN(width) || Number.isNaN(height) ? null : `${CUSTOM_SIZE}${width}x${height}`;
}

/**
 * The size fields for what the workspace remembers: a custom size that
 * does not read is free width. A name stays as it is, for `sizeChoice` to
 * resolve against the style in use.
 */
export function sizeFromSetting(value: string | null): Pick<GraphicSettings, "size" | "sizeWidth" | "sizeHeight"> {
  const text = value?.trim() ?? "";
  if (text.startsWith(CUSTOM_SIZE)) {
    const [width = "", height = "", ...rest] = text.slice(CUSTOM_SIZE.length).split("x");
    const fields = { sizeWidth: width, sizeHeight: height };
    const { width: wide, height: high } = customSizeProblems(fields);
    return rest.length === 0 && wide === null && high === null
      ? { size: CUSTOM_SIZE, ...fields }
      : { size: FREE_SIZE, sizeWidth: "", sizeHeight: "" };
  }
  return { size: text, sizeWidth: "", sizeHeight: "" };
}

/**
 * The custom size's fields when Custom… is chosen and they are empty: the
 * named size chosen before, else the width in use and a height in the
 * layout's proportion (16:9 wide, 9:16 tall).
 */
export function customSizeFrom(
  settings: GraphicSettings,
  sizes: readonly NamedSize[],
): Pick<GraphicSettings, "sizeWidth" | "sizeHeight"> {
  if (settings.sizeWidth !== "" || settings.sizeHeight !== "") {
    return { sizeWidth: settings.sizeWidth, sizeHeight: settings.sizeHeight };
  }
  const choice = sizeChoice(settings.size, sizes);
  if (choice.kind === "named") {
    return { sizeWidth: String(choice.size.width), sizeHeight: String(choice.size.height) };
  }
  const typed = parseWidth(settings.width);
  const width = typed === null || Number.isNaN(typed) ? DEFAULT_WIDTH[settings.orientation] : typed;
  const ratio = settings.orientation === "vertical" ? 16 / 9 : 9 / 16;
  const height = Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, Math.round(width * ratio)));
  return { sizeWidth: String(width), sizeHeight: String(height) };
}

/** The house style (by name) and the language (a BCP 47 tag) an export is drawn in. */
export interface Look {
  style: string;
  locale: string;
}

/**
 * The options the engine takes for `settings`; `lanes` are the timeline's
 * lanes in order, `sizes` the named sizes of the style in use. Tideline's
 * own style and British English are the engine's defaults, given as none.
 */
export function exportOptions(
  settings: GraphicSettings,
  lanes: readonly number[],
  look: Look = { style: DEFAULT_STYLE, locale: DEFAULT_LOCALE },
  sizes: readonly NamedSize[] = [],
): ExportOptions {
  const { width, height } = graphicSize(settings, sizes);
  const hidden = new Set(settings.hiddenLanes);
  const shown = lanes.filter((id) => !hidden.has(id));
  return {
    orientation: settings.orientation,
    width,
    height,
    scale: settings.scale,
    theme: settings.theme,
    from: settings.from.trim() === "" ? null : settings.from.trim(),
    to: settings.to.trim() === "" ? null : settings.to.trim(),
    lanes: shown.length === lanes.length ? null : shown,
    descriptions: settings.descriptions,
    group: settings.group,
    image: null,
    locale: look.locale === DEFAULT_LOCALE ? null : look.locale,
    style: look.style.toLowerCase() === DEFAULT_STYLE ? null : look.style,
  };
}

/** What follows the title in the suggested file name: " (tall).png", ".pdf". */
export function renderSuffix(format: RenderFormat, orientation: Orientation): string {
  // A brief and a page have no orientation of their own.
  const tall = format !== "md" && format !== "html" && orientation === "vertical";
  return `${tall ? " (tall)" : ""}.${format}`;
}

/** The width and height an SVG's root element declares, in px; null when it declares none. */
export function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/.exec(svg)?.[0];
  if (!root) return null;
  const attribute = (name: string) => Number(new RegExp(`\\s${name}="([\\d.]+)`).exec(root)?.[1] ?? Number.NaN);
  const width = attribute("width");
  const height = attribute("height");
  return Number.isFinite(width) && Number.isFinite(height) ? { width, height } : null;
}

/** "1600 × 940 px", or for a PNG at 2× "3200 × 1880 pixels (2×)". */
export function sizeLabel(size: { width: number; height: number }, format: RenderFormat, scale: number): string {
  if (format === "png") {
    const pixels = `${Math.round(size.width * scale)} × ${Math.round(size.height * scale)} pixels`;
    return scale === 1 ? pixels : `${pixels} (${scale}×)`;
  }
  const px = `${Math.round(size.width)} × ${Math.round(size.height)} px`;
  return format === "pdf" ? `${px} page` : px;
}

/** The SVG as a URL an <img> shows (the content security policy allows data: images). */
export function svgDataUrl(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
