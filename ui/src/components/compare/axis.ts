// The shared relative axis of a comparison: minutes from each timeline's T0
// mapped to pixels, with ticks in days, months or years by scale, and the
// engine's day ranges written as people read them.

import type { Days } from "../../bindings/Days";

const DAY = 1440;
const MONTH = 30.436875 * DAY;
const YEAR = 365.2425 * DAY;

export interface AxisTick {
  x: number;
  label: string;
}

export interface RelativeAxis {
  /** Minutes from T0 at the left and right edges. */
  from: number;
  to: number;
  width: number;
  ticks: AxisTick[];
}

const STEPS: readonly { unit: number; suffix: string; steps: readonly number[] }[] = [
  { unit: DAY, suffix: "d", steps: [1, 2, 5, 7, 14] },
  { unit: MONTH, suffix: "mo", steps: [1, 2, 3, 6] },
  { unit: YEAR, suffix: "y", steps: [1, 2, 5, 10, 20, 50, 100] },
];

/** "T0", "T+3 mo", "T−2 y". */
function tickLabel(count: number, suffix: string): string {
  if (count === 0) return "T0";
  return `T${count > 0 ? "+" : "−"}${Math.abs(count)} ${suffix}`;
}

/** An axis over `[from, to]` minutes from T0, `width` px wide, with ticks at least `gap` px apart. */
export function relativeAxis(from: number, to: number, width: number, gap = 72): RelativeAxis {
  const span = Math.max(to - from, DAY);
  const perPx = span / Math.max(width, 1);
  const ticks: AxisTick[] = [];
  for (const { unit, suffix, steps } of STEPS) {
    const step = steps.find((count) => count * unit >= gap * perPx);
    if (step === undefined) continue;
    const first = Math.ceil(from / (step * unit));
    const last = Math.floor(to / (step * unit));
    for (let i = first; i <= last; i += 1) {
      ticks.push({ x: ((i * step * unit - from) / span) * width, label: tickLabel(i * step, suffix) });
    }
    break;
  }
  return { from, to: from + span, width, ticks };
}

/** Where `minutes` from T0 falls on the axis, in px. */
export function xOf(axis: RelativeAxis, minutes: number): number {
  return ((minutes - axis.from) / (axis.to - axis.from)) * axis.width;
}

/** "47 d", "~28–58 d": honest about a range the engine could not narrow. */
export function daysLabel([min, max]: Days): string {
  return min === max ? `${min} d` : `~${min}–${max} d`;
}

/**
 * An axis over `[from, to]` minutes from `origin` (minutes since 1970),
 * ticked at the starts of calendar years: for a comparison on calendar dates.
 */
export function calendarAxis(from: number, to: number, width: number, origin: number, gap = 72): RelativeAxis {
  const span = Math.max(to - from, DAY);
  const perPx = span / Math.max(width, 1);
  const step = [1, 2, 5, 10, 20, 50, 100, 200, 500].find((count) => count * YEAR >= gap * perPx) ?? 1000;
  const yearOf = (minute: number) => new Date(minute * 60000).getUTCFullYear();
  const ticks: AxisTick[] = [];
  const first = Math.ceil(yearOf(origin + from) / step) * step;
  for (let year = first; year <= yearOf(origin + to); year += step) {
    const start = Date.UTC(year, 0, 1) / 60000 - origin;
    if (start >= from && start <= from + span) {
      ticks.push({ x: ((start - from) / span) * width, label: String(year) });
    }
  }
  return { from, to: from + span, width, ticks };
}

/** A label centred at `x`, `width` px wide. */
export interface Label {
  id: number;
  x: number;
  width: number;
}

/**
 * The labels that fit, taken most important first: each is kept unless it
 * would come within `gap` px of one kept before it.
 */
export function fittingLabels(labels: readonly Label[], gap = 6): Set<number> {
  const kept: Label[] = [];
  for (const label of labels) {
    if (kept.every((other) => Math.abs(other.x - label.x) >= (other.width + label.width) / 2 + gap)) kept.push(label);
  }
  return new Set(kept.map((label) => label.id));
}
