// The formats the export dialog offers. To add one (an image, say), add an
// entry: the dialog lists it under its group, offers it in the save dialog
// with its extension, and calls its `write` with the path the user chose.

import type { ExportFormat } from "../../bindings/ExportFormat";
import * as api from "../../ipc";

/** What is exported: one timeline, or the whole workspace. */
export type ExportTarget = { kind: "timeline"; id: number; title: string } | { kind: "workspace"; name: string };

export interface ExportChoice {
  /** Stable: the test id is `export-format-${id}`. */
  id: string;
  /** The heading it is listed under, in the order of first appearance. */
  group: string;
  label: string;
  /** What the file keeps and what it is for, in a line. */
  description: string;
  /** What follows the title in the suggested file name: ".json", " (TimelineJS).csv". */
  suffix: string;
  /** The save dialog's file type. */
  filter: api.FileFilter;
  /** Whether it can hold the whole workspace, not only one timeline. */
  workspace: boolean;
  write: (target: ExportTarget, path: string) => Promise<void>;
}

/** A data format the engine writes with `Workspace::export`. */
function data(
  format: ExportFormat,
  label: string,
  description: string,
  suffix: string,
  filter: api.FileFilter,
): ExportChoice {
  return {
    id: format,
    group: "Data",
    label,
    description,
    suffix,
    filter,
    workspace: format === "tideline-json",
    write: (target, path) =>
      target.kind === "timeline" ? api.exportTimeline(target.id, format, path) : api.exportWorkspace(path),
  };
}

const JSON_FILES = (name: string): api.FileFilter => ({ name, extensions: ["json"] });
const CSV_FILES = (name: string): api.FileFilter => ({ name, extensions: ["csv"] });

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  data(
    "tideline-json",
    "Tideline JSON",
    "Everything, losslessly: events, lanes, sources and quotes, annotations. Imports back exactly.",
    ".json",
    JSON_FILES("Tideline JSON"),
  ),
  data(
    "timelinejs-json",
    "TimelineJS JSON",
    "A file TimelineJS loads: dates, groups, media and shaded periods.",
    " (TimelineJS).json",
    JSON_FILES("TimelineJS JSON"),
  ),
  data(
    "timelinejs-csv",
    "TimelineJS spreadsheet",
    "The 18 columns of TimelineJS’s Google Sheet template, as CSV.",
    " (TimelineJS).csv",
    CSV_FILES("TimelineJS spreadsheet"),
  ),
  data(
    "csv",
    "CSV",
    "One row per event with its first source and quote, for spreadsheets.",
    ".csv",
    CSV_FILES("CSV"),
  ),
];

/** The choices in their groups, groups in order of first appearance. */
export function groupChoices(choices: readonly ExportChoice[]): [string, ExportChoice[]][] {
  const groups = new Map<string, ExportChoice[]>();
  for (const choice of choices) {
    const group = groups.get(choice.group);
    if (group) group.push(choice);
    else groups.set(choice.group, [choice]);
  }
  return [...groups];
}
