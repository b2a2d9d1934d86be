// Names and colours of the engine's closed vocabularies.

import type { Confidence } from "../bindings/Confidence";
import type { EventKind } from "../bindings/EventKind";
import type { Precision } from "../bindings/Precision";
import type { TickUnit } from "../bindings/TickUnit";

interface KindStyle {
  /** The kind's one name, the same everywhere it is shown. */
  label: string;
  colour: string;
}

/** One colour per deal milestone, shared by canvas markers and library chips. */
export const KINDS: Record<EventKind, KindStyle> = {
  rumour: { label: "Rumour", colour: "#a596bd" },
  announcement: { label: "Announcement", colour: "#2f6fdf" },
  investment: { label: "Investment", colour: "#17945f" },
  mou: { label: "MOU / LOI / term sheet", colour: "#2aa4b0" },
  "definitive-agreement": { label: "Definitive agreement", colour: "#0f5e73" },
  "regulatory-filing": { label: "Regulatory filing", colour: "#c9900c" },
  "regulatory-review": { label: "Regulatory review", colour: "#e0701f" },
  decision: { label: "Decision", colour: "#4b3fc2" },
  litigation: { label: "Litigation", colour: "#d63d3d" },
  closing: { label: "Closing", colour: "#5a8f1f" },
  termination: { label: "Termination", colour: "#8e1e42" },
  personnel: { label: "Personnel", colour: "#c43f93" },
  product: { label: "Product", colour: "#8a55d6" },
  other: { label: "Other", colour: "#7a7f8a" },
};

export const CONFIDENCE: Record<Confidence, string> = {
  confirmed: "Confirmed",
  reported: "Reported",
  rumoured: "Rumoured",
  disputed: "Disputed",
};

export const PRECISION: Record<Precision, string> = {
  year: "Year",
  half: "Half-year",
  quarter: "Quarter",
  month: "Month",
  day: "Day",
  minute: "Minute",
};

const TICK_UNITS: Record<TickUnit, [string, string]> = {
  millennium: ["Millennium", "millennia"],
  century: ["Century", "centuries"],
  decade: ["Decade", "decades"],
  year: ["Year", "years"],
  quarter: ["Quarter", "quarters"],
  month: ["Month", "months"],
  week: ["Week", "weeks"],
  day: ["Day", "days"],
  hour: ["Hour", "hours"],
  minute: ["Minute", "minutes"],
};

/** The axis scale in words: "Month", "5 years". */
export function tickUnitLabel(unit: TickUnit, step: number): string {
  const [one, many] = TICK_UNITS[unit];
  return step === 1 ? one : `${step} ${many}`;
}

/** The precision of a date picked on an axis ticked in `unit`: the day once days can be told apart, else the month or the year. */
export function precisionAt(unit: TickUnit): Precision {
  switch (unit) {
    case "minute":
    case "hour":
    case "day":
    case "week":
      return "day";
    case "month":
    case "quarter":
      return "month";
    default:
      return "year";
  }
}

/** `#rrggbb` with an alpha, as CSS `rgba()`; other colours are returned as is. */
export function withAlpha(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return hex;
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16));
  return `rgba(${r ?? 0}, ${g ?? 0}, ${b ?? 0}, ${alpha})`;
}

/**
 * CSS custom properties that colour an element by event kind: the
 * workspace's house style's colour where it sets one (`--kind-colour-KIND`
 * on the page, see `canvasKindColours`), else the kind's own.
 */
export function kindVars(kind: EventKind): Record<string, string> {
  const { colour } = KINDS[kind];
  const style = `--kind-colour-${kind}`;
  return {
    "--kind": `var(${style}, ${colour})`,
    "--kind-soft": `var(${style}-soft, ${withAlpha(colour, 0.16)})`,
    "--kind-faint": `var(${style}-faint, ${withAlpha(colour, 0.08)})`,
  };
}

/** The kinds in the order menus list them. */
export const KIND_VALUES = Object.keys(KINDS) as EventKind[];

export const CONFIDENCE_VALUES = Object.keys(CONFIDENCE) as Confidence[];

/** Colours offered for timelines and lanes: distinct, calm, readable as text on white. */
export const PALETTE: readonly { colour: string; name: string }[] = [
  { colour: "#1f6feb", name: "Blue" },
  { colour: "#8250df", name: "Violet" },
  { colour: "#bf5700", name: "Amber" },
  { colour: "#1a7f64", name: "Green" },
  { colour: "#0f7b9a", name: "Teal" },
  { colour: "#c2346b", name: "Rose" },
  { colour: "#9a6700", name: "Ochre" },
  { colour: "#57606a", name: "Slate" },
];
