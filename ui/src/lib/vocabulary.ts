// Names and colours of the engine's closed vocabularies.

import type { Confidence } from "../bindings/Confidence";
import type { EventKind } from "../bindings/EventKind";
import type { Precision } from "../bindings/Precision";
import type { TickUnit } from "../bindings/TickUnit";

interface KindStyle {
  label: string;
  colour: string;
}

/** One colour per deal milestone, shared by canvas markers and library chips. */
export const KINDS: Record<EventKind, KindStyle> = {
  rumour: { label: "Rumour", colour: "#8e7cc3" },
  announcement: { label: "Announcement", colour: "#2f6fdf" },
  investment: { label: "Investment", colour: "#1e9a6a" },
  mou: { label: "MOU / LOI / term sheet", colour: "#2a9d9f" },
  "definitive-agreement": { label: "Definitive agreement", colour: "#14607a" },
  "regulatory-filing": { label: "Regulatory filing", colour: "#c98a12" },
  "regulatory-review": { label: "Regulatory review", colour: "#d0701c" },
  decision: { label: "Decision", colour: "#b5541f" },
  litigation: { label: "Litigation", colour: "#cf3a3a" },
  closing: { label: "Closing", colour: "#2f8a3a" },
  termination: { label: "Termination", colour: "#a3264d" },
  personnel: { label: "Personnel", colour: "#c0468f" },
  product: { label: "Product", colour: "#5b5fd6" },
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

/** `#rrggbb` with an alpha, as CSS `rgba()`; other colours are returned as is. */
export function withAlpha(hex: string, alpha: number): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) return hex;
  const [r, g, b] = match.slice(1).map((part) => parseInt(part, 16));
  return `rgba(${r ?? 0}, ${g ?? 0}, ${b ?? 0}, ${alpha})`;
}

/** CSS custom properties that colour an element by event kind. */
export function kindVars(kind: EventKind): Record<string, string> {
  const { colour } = KINDS[kind];
  return { "--kind": colour, "--kind-soft": withAlpha(colour, 0.16), "--kind-faint": withAlpha(colour, 0.08) };
}
