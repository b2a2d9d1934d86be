// The formats the export dialog offers. To add one, add an entry: the
// dialog lists it under its group, offers it in the save dialog with its
// extension, and calls its `write` with the path the user chose. An entry
// with a `render` format is drawn by the export engine: the dialog shows its
// options and a live preview.

import type { ExportFormat } from "../../bindings/ExportFormat";
import type { ExportOptions } from "../../bindings/ExportOptions";
import type { RenderFormat } from "../../bindings/RenderFormat";
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
  /** The engine's format for a graphic or the brief, which has options and a preview; undefined for data. */
  render?: RenderFormat;
  write: (target: ExportTarget, path: string, options: ExportOptions) => Promise<void>;
}

/** A graphic or the brief, drawn by the export engine from one timeline. */
function rendered(
  format: RenderFormat,
  group: string,
  label: string,
  description: string,
  filter: api.FileFilter,
): ExportChoice {
  return {
    id: format,
    group,
    label,
    description,
    suffix: `.${format}`,
    filter,
    workspace: false,
    render: format,
    write: async (target, path, options) => {
      if (target.kind !== "timeline") throw new Error("Graphics and briefs show one timeline at a time.");
      await api.exportGraphic(target.id, format, options, path);
    },
  };
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
  rendered(
    "png",
    "Graphic",
    "PNG image",
    "A picture of the whole timeline for articles, slides and phones, at 1×, 2× or 3×.",
    { name: "PNG image", extensions: ["png"] },
  ),
  rendered(
    "svg",
    "Graphic",
    "SVG graphic",
    "The same picture as vector art that stays sharp at any size and looks alike in every browser.",
    { name: "SVG graphic", extensions: ["svg"] },
  ),
  rendered(
    "pdf",
    "Graphic",
    "PDF document",
    "Vector pages for print and sharing, with text that can be selected and searched.",
    { name: "PDF document", extensions: ["pdf"] },
  ),
  rendered(
    "md",
    "Brief",
    "Markdown brief",
    "The chronology in words, every claim footnoted with its source, and the time between milestones.",
    { name: "Markdown", extensions: ["md"] },
  ),
  rendered(
    "html",
    "Web page",
    "Web page (HTML)",
    "One file that works anywhere, offline: the timeline to zoom and explore, every source and quote, readable without scripts, ready to embed.",
    { name: "Web page", extensions: ["html"] },
  ),
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
