// EDTF dates as the engine writes them ("2019", "2023-41", "2024-33",
// "2019-07", "2019-07-22", "2019-07-22T14:30+01:00", with "~", "?" or "%"),
// resolved to the interval of minutes since 1970-01-01T00:00Z they stand for.

import type { Precision } from "../bindings/Precision";

export interface EdtfDate {
  /** First minute of the interval. */
  start: number;
  /** Exclusive end of the interval. */
  end: number;
  precision: Precision;
  approximate: boolean;
  uncertain: boolean;
}

const MINUTES_PER_DAY = 1440;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const PATTERN =
  /^(-?\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(Z|z|[+-]\d{2}:\d{2}))?)?)?([~?%])?$/;

/** Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's algorithm). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Minute at the start of the month `monthIndex` months after January of `year`. */
export function monthStartMinute(year: number, monthIndex: number): number {
  const y = year + Math.floor(monthIndex / 12);
  const m = ((monthIndex % 12) + 12) % 12;
  return daysFromCivil(y, m + 1, 1) * MINUTES_PER_DAY;
}

/** Earliest and latest minutes a date can stand for: years -9999 to 9999. */
export const MIN_MINUTE = monthStartMinute(-9999, 0);
export const MAX_MINUTE = monthStartMinute(10000, 0);

function daysInMonth(year: number, month: number): number {
  return daysFromCivil(year, month + 1, 1) - daysFromCivil(year, month, 1);
}

/** Parses EDTF text, or returns null if it is not in a form the engine writes. */
export function parseEdtf(text: string): EdtfDate | null {
  const match = PATTERN.exec(text);
  if (!match) return null;
  const [, yearText, monthText, dayText, hourText, minuteText, zone, qualifier] = match;
  const year = Number(yearText);
  const qualifiers = {
    approximate: qualifier === "~" || qualifier === "%",
    uncertain: qualifier === "?" || qualifier === "%",
  };
  if (monthText === undefined) {
    return { start: monthStartMinute(year, 0), end: monthStartMinute(year, 12), precision: "year", ...qualifiers };
  }
  const code = Number(monthText);
  if (dayText === undefined) {
    const unit: [Precision, number, number] | null =
      code >= 1 && code <= 12
        ? ["month", code - 1, 1]
        : code >= 33 && code <= 36
          ? ["quarter", (code - 33) * 3, 3]
          : code === 40 || code === 41
            ? ["half", (code - 40) * 6, 6]
            : null;
    if (!unit) return null;
    const [precision, first, months] = unit;
    return {
      start: monthStartMinute(year, first),
      end: monthStartMinute(year, first + months),
      precision,
      ...qualifiers,
    };
  }
  const day = Number(dayText);
  if (code < 1 || code > 12 || day < 1 || day > daysInMonth(year, code)) return null;
  const dayStart = daysFromCivil(year, code, day) * MINUTES_PER_DAY;
  if (hourText === undefined || minuteText === undefined || zone === undefined) {
    return { start: dayStart, end: dayStart + MINUTES_PER_DAY, precision: "day", ...qualifiers };
  }
  const hour = Number(hourText);
  const minute = Number(minuteText);
  if (hour > 23 || minute > 59) return null;
  const start = dayStart + hour * 60 + minute - offsetMinutes(zone);
  return { start, end: start + 1, precision: "minute", ...qualifiers };
}

/** Minutes east of UTC of "Z" or "+hh:mm". */
function offsetMinutes(zone: string): number {
  if (zone === "Z" || zone === "z") return 0;
  const sign = zone.startsWith("-") ? -1 : 1;
  return sign * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)));
}

/** An astronomical year the way people write it: 2019, "44 BCE" for -43. */
function humanYear(year: number): string {
  return year > 0 ? String(year) : `${1 - year} BCE`;
}

/**
 * EDTF text in the short human form the engine uses ("c. 2021", "Q1 2024",
 * "22 Jul 2019"); text that does not parse is returned as is. Minute
 * precision dates are shown as their day.
 */
export function formatEdtf(text: string): string {
  const date = parseEdtf(text);
  const match = PATTERN.exec(text);
  if (!date || !match) return text;
  const year = humanYear(Number(match[1]));
  const code = Number(match[2]);
  const core =
    date.precision === "year"
      ? year
      : date.precision === "half"
        ? `H${code - 39} ${year}`
        : date.precision === "quarter"
          ? `Q${code - 32} ${year}`
          : date.precision === "month"
            ? `${MONTHS[code - 1] ?? ""} ${year}`
            : `${Number(match[3])} ${MONTHS[code - 1] ?? ""} ${year}`;
  return `${date.approximate ? "c. " : ""}${core}${date.uncertain ? "?" : ""}`;
}
