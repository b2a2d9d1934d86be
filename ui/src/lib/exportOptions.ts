// The export dialog's graphic and brief options in words and numbers: what
// the fields hold, the engine's ExportOptions they make, and the size of
// the picture a preview shows.

import type { BriefGrouping } from "../bindings/BriefGrouping";
import type { ExportOptions } from "../bindings/ExportOptions";
import type { ExportTheme } from "../bindings/ExportTheme";
import type { RenderFormat } from "../bindings/RenderFormat";
import { DEFAULT_LOCALE, DEFAULT_STYLE } from "./houseStyles";

export type Orientation = ExportOptions["orientation"];

/** The fields of the dialog, as typed. */
export interface GraphicSettings {
  orientation: Orientation;
  /** Px as typed; "" for the layout's default. */
  width: string;
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
  width: "",
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

/** The house style (by name) and the language (a BCP 47 tag) an export is drawn in. */
export interface Look {
  style: string;
  locale: string;
}

/**
 * The options the engine takes for `settings`; `lanes` are the timeline's
 * lanes in order. Tideline's own style and British English are the
 * engine's defaults, given as none.
 */
export function exportOptions(
  settings: GraphicSettings,
  lanes: readonly number[],
  look: Look = { style: DEFAULT_STYLE, locale: DEFAULT_LOCALE },
): ExportOptions {
  const width = parseWidth(settings.width);
  const hidden = new Set(settings.hiddenLanes);
  const shown = lanes.filter((id) => !hidden.has(id));
  return {
    orientation: settings.orientation,
    width: width === null || Number.isNaN(width) ? null : width,
    height: null,
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
  const tall = format !== "md" && orientation === "vertical";
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
