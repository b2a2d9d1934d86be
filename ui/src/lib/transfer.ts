// Import and export in words: the formats' names, which dropped files are
// imports, the names offered in the save dialog, and what an import did.

import type { ImportFormat } from "../bindings/ImportFormat";
import type { ImportProblem } from "../bindings/ImportProblem";
import type { ImportReport } from "../bindings/ImportReport";
import { plural } from "./format";

export interface ImportFormatInfo {
  id: ImportFormat;
  label: string;
}

/** The formats Tideline reads, as the format picker lists them. */
export const IMPORT_FORMATS: readonly ImportFormatInfo[] = [
  { id: "timelinejs-json", label: "TimelineJS JSON" },
  { id: "timelinejs-csv", label: "TimelineJS spreadsheet (CSV)" },
  { id: "markwhen", label: "Markwhen" },
  { id: "csv", label: "CSV" },
  { id: "tideline-json", label: "Tideline JSON" },
];

/** The file extensions (lower case, no dot) that are imported rather than opened as a workspace. */
export const IMPORT_EXTENSIONS: readonly string[] = ["json", "csv", "tsv", "mw", "markwhen"];

/** The open dialog's file types (GTK matches extensions by case, so both are listed). */
export const IMPORT_FILTERS: readonly { name: string; extensions: string[] }[] = [
  {
    name: "Timeline files (JSON, CSV, Markwhen)",
    extensions: IMPORT_EXTENSIONS.flatMap((ext) => [ext, ext.toUpperCase()]),
  },
];

export function importFormatLabel(format: ImportFormat): string {
  return IMPORT_FORMATS.find((info) => info.id === format)?.label ?? format;
}

/** The extension of `path`'s file name, lower case, without the dot; "" when it has none. */
export function extension(path: string): string {
  const name = path.split(/[\\/]/).at(-1) ?? path;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

/** Whether a file dropped on the window is one to import (a workspace is opened instead). */
export function isImportable(path: string): boolean {
  return IMPORT_EXTENSIONS.includes(extension(path));
}

/** "Jul 2019 – Mar 2024", one label when both ends read the same, null without events. */
export function spanLabel(start: string | null, end: string | null): string | null {
  if (start === null) return end;
  if (end === null || end === start) return start;
  return `${start} – ${end}`;
}

/** Characters that file systems refuse in a name (control characters aside). */
const UNSAFE = /[\\/:*?"<>|]+/g;

/** The name the save dialog suggests for `title` exported with `suffix` (".json", " (TimelineJS).csv"). */
export function exportFileName(title: string, suffix: string): string {
  let printable = "";
  for (const char of title) printable += char < " " ? " " : char;
  const stem = printable.replace(UNSAFE, "-").replace(/\s+/g, " ").trim().replace(/^\.+/, "");
  // A name of only dashes and dots says nothing.
  return `${/[^\s.-]/.test(stem) ? stem : "Timeline"}${suffix}`;
}

/** "line 3: month 13 is not a month". */
export function problemText(problem: ImportProblem): string {
  return problem.place === "" ? problem.message : `${problem.place}: ${problem.message}`;
}

/** What an import did, in one or two sentences for a toast. */
export function importSummary(report: ImportReport): string {
  const into = report.title === "" ? "" : ` into “${report.title}”`;
  const parts = [`Imported ${plural(report.events, "event")}${into}.`];
  const skipped = report.skipped.length;
  const warned = report.warnings.length;
  if (skipped > 0) {
    const first = report.skipped[0];
    const example = first === undefined ? "" : ` (${problemText(first)}${skipped > 1 ? "; …" : ""})`;
    parts.push(`Skipped ${plural(skipped, "invalid entry", "invalid entries")}${example}.`);
  }
  if (warned > 0) parts.push(`${plural(warned, "warning")}: some details were kept differently or left out.`);
  return parts.join(" ");
}
