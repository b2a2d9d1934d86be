// The one door to the Rust side: typed wrappers around Tauri's `invoke`, the
// native file dialogs and files dropped on the window. Every command rejects
// with a CommandError carrying the engine's ApiError.

import { invoke, type InvokeArgs } from "@tauri-apps/api/core";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { open, save } from "@tauri-apps/plugin-dialog";
import type { Alignment } from "../bindings/Alignment";
import type { AnnotationDraft } from "../bindings/AnnotationDraft";
import type { ApiError } from "../bindings/ApiError";
import type { ComparisonRequest } from "../bindings/ComparisonRequest";
import type { ComparisonSummary } from "../bindings/ComparisonSummary";
import type { ComparisonView } from "../bindings/ComparisonView";
import type { DatePreview } from "../bindings/DatePreview";
import type { DateReading } from "../bindings/DateReading";
import type { Edge } from "../bindings/Edge";
import type { EventChange } from "../bindings/EventChange";
import type { ErrorCode } from "../bindings/ErrorCode";
import type { EventFilter } from "../bindings/EventFilter";
import type { EventPage } from "../bindings/EventPage";
import type { EventPatch } from "../bindings/EventPatch";
import type { EventView } from "../bindings/EventView";
import type { ExportFormat } from "../bindings/ExportFormat";
import type { ExportOptions } from "../bindings/ExportOptions";
import type { HistoryState } from "../bindings/HistoryState";
import type { HouseStyleEdit } from "../bindings/HouseStyleEdit";
import type { HouseStyleSummary } from "../bindings/HouseStyleSummary";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ImportReport } from "../bindings/ImportReport";
import type { Layout } from "../bindings/Layout";
import type { NewEvent } from "../bindings/NewEvent";
import type { Precision } from "../bindings/Precision";
import type { RenderFormat } from "../bindings/RenderFormat";
import type { SourceDraftView } from "../bindings/SourceDraftView";
import type { SourceView } from "../bindings/SourceView";
import type { EventOutline } from "../bindings/EventOutline";
import type { TimelineView } from "../bindings/TimelineView";
import type { TimelineSummary } from "../bindings/TimelineSummary";
import type { Viewport } from "../bindings/Viewport";
import type { ReadOnly } from "../bindings/ReadOnly";
import type { WorkspaceInfo } from "../bindings/WorkspaceInfo";

export class CommandError extends Error {
  readonly code: ErrorCode;

  constructor(error: ApiError) {
    super(error.message);
    this.name = "CommandError";
    this.code = error.code;
  }
}

function isApiError(value: unknown): value is ApiError {
  if (typeof value !== "object" || value === null) return false;
  const { code, message } = value as Record<string, unknown>;
  return typeof code === "string" && typeof message === "string";
}

async function call<T>(command: string, args?: InvokeArgs): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    if (isApiError(error)) throw new CommandError(error);
    const message = error instanceof Error ? error.message : String(error);
    throw new CommandError({ code: "internal", message });
  }
}

/** The message to show for whatever a command rejected with. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Whether a command failed because what it names no longer exists (after an undo, say). */
export function isNotFound(error: unknown): boolean {
  return error instanceof CommandError && error.code === "not-found";
}

// ---- Workspaces ----

export const workspaceInfo = (): Promise<WorkspaceInfo> => call("workspace_info");

/** Why the open workspace may not be changed (its file cannot be written, or another window edits it), or null. */
export const workspaceReadOnly = (): Promise<ReadOnly | null> => call("workspace_read_only");

/** Why the file the app was started on was not opened (the default workspace is open instead), once. */
export const startupProblem = (): Promise<CommandError | null> =>
  call<ApiError | null>("startup_problem").then((problem) => problem && new CommandError(problem));

/** Creates an empty workspace at `path` (never over an existing file) and switches to it. */
export const newWorkspace = (path: string): Promise<WorkspaceInfo> => call("new_workspace", { path });

/** Switches to the workspace at `path`; on failure the open one stays as it was. */
export const openWorkspace = (path: string): Promise<WorkspaceInfo> => call("open_workspace", { path });

/** Switches to the sample workspace, a file of its own; the open one stays as it is. */
export const openSample = (): Promise<WorkspaceInfo> => call("open_sample");

/** Takes the sample's deals out of the open workspace, as one undoable step. */
export const removeSample = (): Promise<HistoryState> => call("remove_sample");

/** Copies the open workspace to a new file at `path` and switches to the copy. */
export const saveWorkspaceAs = (path: string): Promise<WorkspaceInfo> => call("save_workspace_as", { path });

/**
 * Replaces the open workspace's content with the backup at `from`, keeping
 * what it replaced as a backup beside it; resolves to that copy's path.
 */
export const restoreWorkspace = (from: string): Promise<string | null> => call("restore_workspace", { from });

/** The folder the open workspace's rolling backups are kept in, if known. */
export const backupsFolder = (): Promise<string | null> => call("backups_folder");

/** The native open dialog for a backup, starting in `folder`: the chosen file, or null when cancelled. */
export const restoreDialog = (folder: string | null): Promise<string | null> =>
  open({ title: "Restore from backup", filters: WORKSPACE_FILES, multiple: false, directory: false, defaultPath: folder ?? undefined });

/** The workspaces opened lately that are still there, most recent first. */
export const recentWorkspaces = (): Promise<string[]> => call("recent_workspaces");

const WORKSPACE_FILES = [{ name: "Tideline workspace", extensions: ["db", "tideline"] }];

/** The native open dialog: the chosen workspace file, or null when cancelled. */
export const openWorkspaceDialog = (): Promise<string | null> =>
  open({ title: "Open workspace", filters: WORKSPACE_FILES, multiple: false, directory: false });

/** The native save dialog, suggesting `name`: the chosen path, or null when cancelled. */
export const saveWorkspaceDialog = (title: string, name: string): Promise<string | null> =>
  save({ title, filters: WORKSPACE_FILES, defaultPath: name });

/**
 * A file dragged over the window: it hovers (its paths known as it enters,
 * null as it moves), leaves, or is dropped.
 */
export type FileDrag = { type: "over"; paths: string[] | null } | { type: "leave" } | { type: "drop"; paths: string[] };

/** Calls `handler` as files are dragged over the window; resolves to a function that stops. */
export const onFileDrop = (handler: (drag: FileDrag) => void): Promise<() => void> =>
  getCurrentWebview().onDragDropEvent(({ payload }) => {
    if (payload.type === "drop") handler({ type: "drop", paths: payload.paths });
    else if (payload.type === "enter") handler({ type: "over", paths: payload.paths });
    else handler(payload.type === "leave" ? { type: "leave" } : { type: "over", paths: null });
  });

// ---- Reading ----

export const listTimelines = (): Promise<TimelineSummary[]> => call("list_timelines");

/** A timeline as the canvas draws it; `getEvent` reads an event whole. */
export const getTimeline = (id: number): Promise<TimelineView<EventOutline>> => call("get_timeline", { id });

/** The first events that match (at most `filter.limit`), and how many match in all. */
export const listEvents = (filter: EventFilter): Promise<EventPage> => call("list_events", { filter });

export const getEvent = (id: number): Promise<EventView> => call("get_event", { id });

export const layout = (timelines: number[], viewport: Viewport, todayMinute: number | null): Promise<Layout> =>
  call("layout", { timelines, viewport, todayMinute });

/** Where event `id` is laid out at the viewport's scale, on screen or not: `[x, y]` of its mark and row. */
export const locateEvent = (timelines: number[], viewport: Viewport, id: number): Promise<[number, number] | null> =>
  call("locate_event", { timelines, viewport, id });

/** The date a drag would give, for its ghost; writes nothing. */
export const previewDate = (
  minute: number,
  precision: Precision,
  approximate: boolean,
  uncertain: boolean,
): Promise<DatePreview> => call("preview_date", { minute, precision, approximate, uncertain });

/** How the New event form's dates read as typed (a range in one field, or an End); writes nothing. */
export const readDates = (start: string, end: string | null): Promise<DateReading> =>
  call("read_dates", { start, end });

export const listSources = (): Promise<SourceView[]> => call("list_sources");

// ---- Events ----

export const createEvent = (event: NewEvent): Promise<EventView> => call("create_event", { event });

export const updateEvent = (id: number, patch: EventPatch): Promise<EventView> =>
  call("update_event", { id, patch });

export const deleteEvent = (id: number): Promise<HistoryState> => call("delete_event", { id });

/** Puts the event on the lane's timeline, or into that lane if it is already there. */
export const placeEvent = (eventId: number, laneId: number): Promise<HistoryState> =>
  call("place_event", { eventId, laneId });

export const unplaceEvent = (eventId: number, timelineId: number): Promise<HistoryState> =>
  call("unplace_event", { eventId, timelineId });

/**
 * Every change of one gesture on a selection (moves snap to each event's
 * precisions), as one undoable step: all of them or none.
 */
export const changeEvents = (changes: EventChange[]): Promise<HistoryState> => call("change_events", { changes });

export const resizeEvent = (id: number, edge: Edge, minute: number): Promise<EventView> =>
  call("resize_event", { id, edge, minute });

// ---- Sources ----

export const createSource = (source: SourceDraftView): Promise<SourceView> => call("create_source", { source });

export const citeSource = (eventId: number, sourceId: number, quote: string): Promise<EventView> =>
  call("cite_source", { eventId, sourceId, quote });

export const updateCitation = (linkId: number, quote: string): Promise<EventView> =>
  call("update_citation", { linkId, quote });

export const removeCitation = (linkId: number): Promise<EventView> => call("remove_citation", { linkId });

// ---- Annotations ----

export const createAnnotation = (annotation: AnnotationDraft): Promise<HistoryState> =>
  call("create_annotation", { annotation });

export const updateAnnotation = (id: number, text: string): Promise<HistoryState> =>
  call("update_annotation", { id, text });

export const deleteAnnotation = (id: number): Promise<HistoryState> => call("delete_annotation", { id });

// ---- Lanes ----

export const addLane = (timelineId: number, name: string): Promise<HistoryState> =>
  call("add_lane", { timelineId, name });

export const renameLane = (id: number, name: string): Promise<HistoryState> => call("rename_lane", { id, name });

/** Moves the lane to the 0-based `position` among its timeline's lanes. */
export const moveLane = (id: number, position: number): Promise<HistoryState> =>
  call("move_lane", { id, position });

export const setLaneColour = (id: number, colour: string | null): Promise<HistoryState> =>
  call("set_lane_colour", { id, colour });

export const setLaneCollapsed = (id: number, collapsed: boolean): Promise<HistoryState> =>
  call("set_lane_collapsed", { id, collapsed });

export const deleteLane = (id: number): Promise<HistoryState> => call("delete_lane", { id });

// ---- Timelines ----

export const createTimeline = (title: string): Promise<TimelineSummary> => call("create_timeline", { title });

export interface TimelineDetails {
  title: string;
  subtitle: string;
  description: string;
  colour: string;
  /** The web page's summary and alt text; empty for the one the export writes. */
  summary: string;
}

export const updateTimeline = (id: number, details: TimelineDetails): Promise<TimelineSummary> =>
  call("update_timeline", { id, ...details });

export const deleteTimeline = (id: number): Promise<HistoryState> => call("delete_timeline", { id });

// ---- Import and export ----

/** What importing the file at `path` would write, with its problems; writes nothing. */
export const previewImport = (path: string, options: ImportOptions): Promise<ImportPreview> =>
  call("preview_import", { path, options });

/** Imports the file at `path` as one undoable step; a refused file changes nothing. */
export const importFile = (path: string, options: ImportOptions): Promise<ImportReport> =>
  call("import_file", { path, options });

/** Writes timeline `id` as `format` to `path`, a file the user chose in the save dialog. */
export const exportTimeline = (id: number, format: ExportFormat, path: string): Promise<void> =>
  call("export_timeline", { id, format, path });

/** Writes the whole workspace as Tideline JSON to `path`. */
export const exportWorkspace = (path: string): Promise<void> => call("export_workspace", { path });

/** What the export dialog previews: a graphic's SVG (the same for SVG, PNG and PDF) or the brief's Markdown. */
export const previewExport = (id: number, format: RenderFormat, options: ExportOptions): Promise<string> =>
  call("preview_export", { id, format, options });

/** Writes timeline `id` as a graphic or a Markdown brief to `path`, a file the user chose in the save dialog. */
export const exportGraphic = (id: number, format: RenderFormat, options: ExportOptions, path: string): Promise<void> =>
  call("export_graphic", { id, format, options, path });

/** The kinds of file a dialog offers, by extension without the dot. */
export interface FileFilter {
  name: string;
  extensions: string[];
}

/** The native open dialog for a file to import: the chosen path, or null when cancelled. */
export const importFileDialog = (filters: readonly FileFilter[]): Promise<string | null> =>
  open({ title: "Import a timeline", filters: [...filters], multiple: false, directory: false });

/** The native save dialog for an export, suggesting `name`: the chosen path, or null when cancelled. */
export const exportFileDialog = (title: string, name: string, filters: readonly FileFilter[]): Promise<string | null> =>
  save({ title, filters: [...filters], defaultPath: name });

// ---- House styles and workspace settings ----

/** Tideline's own style (builtin) first, then the workspace's, each with its file and its kinds' colours. */
export const listStyles = (): Promise<HouseStyleSummary[]> => call("list_styles");

/** The style file `text` with `edit` applied, checked as a style file is; nothing is saved. */
export const editStyle = (text: string, edit: HouseStyleEdit): Promise<HouseStyleSummary> =>
  call("edit_style", { text, edit });

/** Stores the style file `text` in the workspace, replacing the style of its name (never Tideline's own). */
export const saveStyle = (text: string): Promise<HouseStyleSummary> => call("save_style", { text });

export const deleteStyle = (name: string): Promise<null> => call("delete_style", { name });

/** Adds the style file at `path` (its fonts and logo read from beside it) to the workspace. */
export const importStyle = (path: string): Promise<HouseStyleSummary> => call("import_style", { path });

/** Writes the stored style `name`, fonts and logo included, to `path`. */
export const exportStyle = (name: string, path: string): Promise<null> => call("export_style", { name, path });

/** Timeline `id` drawn as the SVG export draws it in the unsaved style file `text`. */
export const previewStyle = (id: number, options: ExportOptions, text: string): Promise<string> =>
  call("preview_style", { id, options, text });

/** A setting of the open workspace ("export.style"), or null when it has none. */
export const workspaceSetting = (key: string): Promise<string | null> => call("workspace_setting", { key });

export const setWorkspaceSetting = (key: string, value: string): Promise<null> =>
  call("set_workspace_setting", { key, value });

const STYLE_FILES = [{ name: "Tideline style", extensions: ["toml", "TOML"] }];

/** The native open dialog for a style file: the chosen path, or null when cancelled. */
export const importStyleDialog = (): Promise<string | null> =>
  open({ title: "Import a house style", filters: STYLE_FILES, multiple: false, directory: false });

/** The native save dialog for a style file, suggesting `name`: the chosen path, or null when cancelled. */
export const exportStyleDialog = (name: string): Promise<string | null> =>
  save({ title: "Export a house style", filters: STYLE_FILES, defaultPath: name });

// ---- History ----

export const historyState = (): Promise<HistoryState> => call("history_state");

export const undo = (): Promise<HistoryState> => call("undo");

export const redo = (): Promise<HistoryState> => call("redo");

// ---- Comparisons ----

export const listComparisons = () => call<ComparisonSummary[]>("list_comparisons");
export const comparisonView = (request: ComparisonRequest) => call<ComparisonView>("comparison_view", { request });
export const createComparison = (name: string, timelines: number[], alignment: Alignment) =>
  call<ComparisonSummary>("create_comparison", { name, timelines, alignment });
export const renameComparison = (id: number, name: string) =>
  call<ComparisonSummary>("rename_comparison", { id, name });
export const setComparisonAlignment = (id: number, alignment: Alignment) =>
  call<ComparisonSummary>("set_comparison_alignment", { id, alignment });
export const setComparisonT0 = (id: number, timeline: number, event: number) =>
  call<ComparisonSummary>("set_comparison_t0", { id, timeline, event });
export const deleteComparison = (id: number) => call<null>("delete_comparison", { id });

// ---- Links ----

/** Opens an http(s) address in the system browser; the user must have confirmed it. */
export const openLink = (url: string): Promise<null> => call("open_link", { url });
