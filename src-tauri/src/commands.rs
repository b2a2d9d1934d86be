//! The commands the UI calls. Each one unpacks its arguments, makes one call
//! into the store and maps the error to `{code, message}`: nothing else. A
//! switch of workspace also has `workspaces` update the window title and the
//! recent list; import and export also read or write the file the user chose,
//! and pass the engine today's date.
//!
//! Commands that only read are `async`: Tauri runs them on its thread pool,
//! so a large read never holds up the window's painting (a plain command
//! runs on the main thread). Edits stay plain, on the main thread, which
//! runs them one at a time in the order the UI sent them.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use tauri::{AppHandle, State, WebviewWindow};
use tideline_export::{
    ExportError, ExportOptions, Format, HouseStyle, StoredStyleError, StyleEdit, StyleSummary,
    keep_style, workspace_style, workspace_styles,
};
use tideline_interop::ExportFormat;
use tideline_model::compare::Alignment;
use tideline_model::layout::{Layout, Viewport};
use tideline_model::{Date, Edge, Precision, TimelineDraft};
use tideline_store::views::{
    AnnotationDraft, ApiError, ComparisonRequest, ComparisonSummary, ComparisonView, DatePreview,
    DateReading, EventChange, EventFilter, EventPage, EventPatch, EventView, ImportOptions,
    ImportPreview, ImportReport, NewEvent, SourceDraftView, SourceView, TimelineOutline,
    TimelineSummary, TimelineView, WorkspaceInfo,
};
use tideline_store::{ErrorCode, HistoryState, ReadOnly, StoreError, Workspace};

use crate::{backups, workspaces};

pub struct AppState {
    pub workspace: Mutex<Workspace>,
    /// Why the file given at start was not opened (see `open_at_start`), until the window asks.
    pub startup_problem: Mutex<Option<ApiError>>,
}

type Reply<T> = Result<T, ApiError>;

fn workspace<'a>(state: &'a State<'_, AppState>) -> MutexGuard<'a, Workspace> {
    // A panic while holding the lock cannot leave SQLite half-written (every
    // change is one transaction), so a poisoned lock is safe to reuse.
    state
        .workspace
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

fn api(error: StoreError) -> ApiError {
    ApiError::from(&error)
}

/// The clock is read here, in the shell, and passed into the engine.
fn now_minute() -> i64 {
    chrono::Utc::now().timestamp() / 60
}

/// Today (UTC), as Markwhen's `now`.
fn today() -> Date {
    Date::from_minute(now_minute(), Precision::Day)
}

fn info(workspace: &Workspace) -> Reply<WorkspaceInfo> {
    Ok(WorkspaceInfo {
        path: workspace.path().display().to_string(),
        schema_version: workspace.schema_version(),
        today_minute: now_minute(),
        sample: workspace.holds_sample().map_err(api)?,
    })
}

/// The bytes of the file at `path` and its name, for an import.
fn read_file(path: &Path) -> Result<(String, Vec<u8>), ApiError> {
    let bytes = std::fs::read(path).map_err(|source| {
        api(StoreError::Io {
            path: path.to_owned(),
            source,
        })
    })?;
    let name = path
        .file_name()
        .map_or_else(String::new, |name| name.to_string_lossy().into_owned());
    Ok((name, bytes))
}

/// Writes an export to `path`, which the user chose in the save dialog
/// (and so agreed to replace).
fn write_file(path: &Path, bytes: &[u8]) -> Reply<()> {
    std::fs::write(path, bytes).map_err(|source| {
        api(StoreError::Io {
            path: path.to_owned(),
            source,
        })
    })
}

/// Puts `next` in the place of the open workspace, which closes; `next` is
/// claimed for editing in this window, or shown read-only.
fn switch(
    window: &WebviewWindow,
    open: &mut Workspace,
    mut next: Workspace,
) -> Reply<WorkspaceInfo> {
    next.claim_editing().map_err(api)?;
    next.defer_checkpoints().map_err(api)?;
    // Asked before the switch: once switched, nothing may fail.
    let reply = info(&next)?;
    *open = next;
    workspaces::opened(window, open.path());
    Ok(reply)
}

#[tauri::command(async)]
pub fn workspace_info(state: State<'_, AppState>) -> Reply<WorkspaceInfo> {
    info(&workspace(&state))
}

/// Why the open workspace may not be changed, or null.
#[tauri::command]
pub fn workspace_read_only(state: State<'_, AppState>) -> Reply<Option<ReadOnly>> {
    Ok(workspace(&state).read_only())
}

/// Why the file the app was started on could not be opened, once: the
/// default workspace is open instead.
#[tauri::command]
pub fn startup_problem(state: State<'_, AppState>) -> Reply<Option<ApiError>> {
    Ok(state
        .startup_problem
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .take())
}

// Workspaces. A switch that fails leaves the open workspace as it was.

#[tauri::command]
pub fn new_workspace(
    window: WebviewWindow,
    state: State<'_, AppState>,
    path: PathBuf,
) -> Reply<WorkspaceInfo> {
    let next = Workspace::create(&path).map_err(api)?;
    switch(&window, &mut workspace(&state), next)
}

#[tauri::command]
pub fn open_workspace(
    window: WebviewWindow,
    state: State<'_, AppState>,
    path: PathBuf,
) -> Reply<WorkspaceInfo> {
    let mut open = workspace(&state);
    // The open file is not opened twice (it would count as edited
    // elsewhere), but claimed again: the other window may have closed it.
    if open.is_at(&path) {
        open.claim_editing().map_err(api)?;
        return info(&open);
    }
    let next = Workspace::open_existing(&path).map_err(api)?;
    switch(&window, &mut open, next)
}

/// Opens the sample workspace, a file of its own (written with the sample
/// the first time): the open workspace is left as it is.
#[tauri::command]
pub fn open_sample(window: WebviewWindow, state: State<'_, AppState>) -> Reply<WorkspaceInfo> {
    let path = crate::sample_path().map_err(|error| ApiError {
        code: ErrorCode::Io,
        message: format!("{error:#}"),
    })?;
    let mut open = workspace(&state);
    if open.is_at(&path) {
        open.refill_sample().map_err(api)?;
        return info(&open);
    }
    let next = Workspace::open_sample(&path).map_err(api)?;
    switch(&window, &mut open, next)
}

/// Takes the sample's deals out of the open workspace, as one undoable step.
#[tauri::command]
pub fn remove_sample(state: State<'_, AppState>) -> Reply<HistoryState> {
    workspace(&state).remove_sample().map_err(api)
}

/// Copies the open workspace to `path` and carries on in the copy.
#[tauri::command]
pub fn save_workspace_as(
    window: WebviewWindow,
    state: State<'_, AppState>,
    path: PathBuf,
) -> Reply<WorkspaceInfo> {
    let mut open = workspace(&state);
    open.save_as(&path).map_err(api)?;
    let copy = Workspace::open_existing(&path).map_err(api)?;
    switch(&window, &mut open, copy)
}

/// Replaces the open workspace's content with a backup's, after keeping
/// what it replaced as a backup beside it; returns that copy's path.
#[tauri::command]
pub fn restore_workspace(state: State<'_, AppState>, from: PathBuf) -> Reply<Option<String>> {
    let kept = workspace(&state).restore_from(&from).map_err(api)?;
    Ok(kept.map(|kept| kept.display().to_string()))
}

/// The folder the open workspace's rolling backups are kept in.
#[tauri::command(async)]
pub fn backups_folder(app: AppHandle, state: State<'_, AppState>) -> Reply<Option<String>> {
    let folder = backups::folder(&app, workspace(&state).path());
    Ok(folder.map(|folder| folder.display().to_string()))
}

#[tauri::command(async)]
pub fn recent_workspaces(app: AppHandle) -> Reply<Vec<String>> {
    Ok(workspaces::recent(&app))
}

#[tauri::command(async)]
pub fn list_timelines(state: State<'_, AppState>) -> Reply<Vec<TimelineSummary>> {
    workspace(&state).timelines().map_err(api)
}

#[tauri::command(async)]
pub fn get_timeline(state: State<'_, AppState>, id: i64) -> Reply<TimelineOutline> {
    workspace(&state).timeline_outline(id).map_err(api)
}

#[tauri::command(async)]
pub fn list_events(state: State<'_, AppState>, filter: EventFilter) -> Reply<EventPage> {
    workspace(&state).events_page(&filter).map_err(api)
}

#[tauri::command(async)]
pub fn get_event(state: State<'_, AppState>, id: i64) -> Reply<EventView> {
    workspace(&state).event(id).map_err(api)
}

#[tauri::command]
pub fn rename_event(state: State<'_, AppState>, id: i64, title: String) -> Reply<EventView> {
    workspace(&state).rename_event(id, &title).map_err(api)
}

#[tauri::command(async)]
pub fn layout(
    state: State<'_, AppState>,
    timelines: Vec<i64>,
    viewport: Viewport,
    today_minute: Option<i64>,
) -> Reply<Layout> {
    workspace(&state)
        .layout(&timelines, viewport, today_minute)
        .map_err(api)
}

/// Where event `id` is laid out at `viewport`'s scale, across and down:
/// `[x, y]` of its mark and row, or null when no shown timeline has it.
#[tauri::command]
pub fn locate_event(
    state: State<'_, AppState>,
    timelines: Vec<i64>,
    viewport: Viewport,
    id: i64,
) -> Reply<Option<(f64, f64)>> {
    workspace(&state)
        .locate(&timelines, viewport, id)
        .map_err(api)
}

// Events.

#[tauri::command]
pub fn create_event(state: State<'_, AppState>, event: NewEvent) -> Reply<EventView> {
    workspace(&state).create_event(&event).map_err(api)
}

#[tauri::command]
pub fn update_event(state: State<'_, AppState>, id: i64, patch: EventPatch) -> Reply<EventView> {
    workspace(&state).update_event(id, &patch).map_err(api)
}

#[tauri::command]
pub fn delete_event(state: State<'_, AppState>, id: i64) -> Reply<HistoryState> {
    workspace(&state).delete_event(id).map_err(api)
}

#[tauri::command]
pub fn place_event(state: State<'_, AppState>, event_id: i64, lane_id: i64) -> Reply<HistoryState> {
    workspace(&state)
        .place_event(event_id, lane_id)
        .map_err(api)
}

/// Every change of one gesture on a selection, as one undoable step.
#[tauri::command]
pub fn change_events(state: State<'_, AppState>, changes: Vec<EventChange>) -> Reply<HistoryState> {
    workspace(&state).change_events(&changes).map_err(api)
}

#[tauri::command]
pub fn unplace_event(
    state: State<'_, AppState>,
    event_id: i64,
    timeline_id: i64,
) -> Reply<HistoryState> {
    workspace(&state)
        .unplace_event(event_id, timeline_id)
        .map_err(api)
}

#[tauri::command]
pub fn resize_event(
    state: State<'_, AppState>,
    id: i64,
    edge: Edge,
    minute: i64,
) -> Reply<EventView> {
    workspace(&state)
        .resize_event(id, edge, minute)
        .map_err(api)
}

/// Pure: takes no lock, so a drag ghost never waits for a write.
#[tauri::command(async)]
pub fn preview_date(
    minute: i64,
    precision: Precision,
    approximate: bool,
    uncertain: bool,
) -> Reply<DatePreview> {
    Ok(Workspace::preview_date(
        minute,
        precision,
        approximate,
        uncertain,
    ))
}

/// Pure, as `preview_date`: how the New event form's dates read.
#[tauri::command(async)]
pub fn read_dates(start: String, end: Option<String>) -> Reply<DateReading> {
    Ok(Workspace::read_dates(&start, end.as_deref()))
}

// Sources.

#[tauri::command(async)]
pub fn list_sources(state: State<'_, AppState>) -> Reply<Vec<SourceView>> {
    workspace(&state).sources().map_err(api)
}

#[tauri::command]
pub fn create_source(state: State<'_, AppState>, source: SourceDraftView) -> Reply<SourceView> {
    workspace(&state).create_source(&source).map_err(api)
}

#[tauri::command]
pub fn update_source(
    state: State<'_, AppState>,
    id: i64,
    source: SourceDraftView,
) -> Reply<SourceView> {
    workspace(&state).update_source(id, &source).map_err(api)
}

#[tauri::command]
pub fn cite_source(
    state: State<'_, AppState>,
    event_id: i64,
    source_id: i64,
    quote: String,
) -> Reply<EventView> {
    workspace(&state)
        .cite_source(event_id, source_id, &quote)
        .map_err(api)
}

#[tauri::command]
pub fn update_citation(
    state: State<'_, AppState>,
    link_id: i64,
    quote: String,
) -> Reply<EventView> {
    workspace(&state)
        .update_citation(link_id, &quote)
        .map_err(api)
}

#[tauri::command]
pub fn remove_citation(state: State<'_, AppState>, link_id: i64) -> Reply<EventView> {
    workspace(&state).remove_citation(link_id).map_err(api)
}

// Annotations.

#[tauri::command]
pub fn create_annotation(
    state: State<'_, AppState>,
    annotation: AnnotationDraft,
) -> Reply<HistoryState> {
    workspace(&state)
        .create_annotation(&annotation)
        .map_err(api)
}

#[tauri::command]
pub fn update_annotation(state: State<'_, AppState>, id: i64, text: String) -> Reply<HistoryState> {
    workspace(&state).update_annotation(id, &text).map_err(api)
}

#[tauri::command]
pub fn delete_annotation(state: State<'_, AppState>, id: i64) -> Reply<HistoryState> {
    workspace(&state).delete_annotation(id).map_err(api)
}

// Lanes.

#[tauri::command]
pub fn add_lane(state: State<'_, AppState>, timeline_id: i64, name: String) -> Reply<HistoryState> {
    workspace(&state).add_lane(timeline_id, &name).map_err(api)
}

#[tauri::command]
pub fn rename_lane(state: State<'_, AppState>, id: i64, name: String) -> Reply<HistoryState> {
    workspace(&state).rename_lane(id, &name).map_err(api)
}

#[tauri::command]
pub fn move_lane(state: State<'_, AppState>, id: i64, position: i64) -> Reply<HistoryState> {
    workspace(&state).move_lane(id, position).map_err(api)
}

#[tauri::command]
pub fn set_lane_colour(
    state: State<'_, AppState>,
    id: i64,
    colour: Option<String>,
) -> Reply<HistoryState> {
    workspace(&state)
        .set_lane_colour(id, colour.as_deref())
        .map_err(api)
}

#[tauri::command]
pub fn set_lane_collapsed(
    state: State<'_, AppState>,
    id: i64,
    collapsed: bool,
) -> Reply<HistoryState> {
    workspace(&state)
        .set_lane_collapsed(id, collapsed)
        .map_err(api)
}

#[tauri::command]
pub fn delete_lane(state: State<'_, AppState>, id: i64) -> Reply<HistoryState> {
    workspace(&state).delete_lane(id).map_err(api)
}

// Timelines.

#[tauri::command]
pub fn create_timeline(state: State<'_, AppState>, title: String) -> Reply<TimelineSummary> {
    workspace(&state).create_timeline(&title).map_err(api)
}

#[tauri::command]
pub fn update_timeline(
    state: State<'_, AppState>,
    id: i64,
    title: String,
    subtitle: String,
    description: String,
    colour: String,
    summary: String,
) -> Reply<TimelineSummary> {
    let draft = TimelineDraft {
        title,
        subtitle,
        description,
        colour,
        summary,
    };
    workspace(&state).update_timeline(id, draft).map_err(api)
}

#[tauri::command]
pub fn delete_timeline(state: State<'_, AppState>, id: i64) -> Reply<HistoryState> {
    workspace(&state).delete_timeline(id).map_err(api)
}

// Import and export. The UI passes the path chosen in a native dialog (or
// dropped on the window); the file is read and written here.

/// What importing the file would write, and its problems; writes nothing.
#[tauri::command(async)]
pub fn preview_import(path: PathBuf, options: ImportOptions) -> Reply<ImportPreview> {
    let (name, bytes) = read_file(&path)?;
    Ok(tideline_store::preview_import(
        &name,
        &bytes,
        &options,
        today(),
    ))
}

/// Imports the file as one undoable step, or refuses it whole.
#[tauri::command]
pub fn import_file(
    state: State<'_, AppState>,
    path: PathBuf,
    options: ImportOptions,
) -> Reply<ImportReport> {
    let (name, bytes) = read_file(&path)?;
    workspace(&state)
        .import(&name, &bytes, &options, today())
        .map_err(api)
}

#[tauri::command(async)]
pub fn export_timeline(
    state: State<'_, AppState>,
    id: i64,
    format: ExportFormat,
    path: PathBuf,
) -> Reply<()> {
    let bytes = workspace(&state).export(id, format).map_err(api)?;
    write_file(&path, &bytes)
}

/// The whole workspace as Tideline JSON.
#[tauri::command(async)]
pub fn export_workspace(state: State<'_, AppState>, path: PathBuf) -> Reply<()> {
    let bytes = workspace(&state).export_workspace().map_err(api)?;
    write_file(&path, &bytes)
}

/// What the export dialog previews: the SVG of a graphic (for SVG, PNG
/// and PDF alike, as all three draw the same layout) or the Markdown
/// brief's text. Rendered off the UI's thread, the workspace unlocked.
#[tauri::command]
pub async fn preview_export(
    state: State<'_, AppState>,
    id: i64,
    format: Format,
    options: ExportOptions,
) -> Reply<String> {
    let (view, style) = {
        let workspace = workspace(&state);
        let view = workspace.timeline(id).map_err(api)?;
        (view, house_style(&workspace, &options)?)
    };
    let format = match format {
        Format::Markdown => Format::Markdown,
        // A page's preview is the graphic it shows, until the dialog offers it.
        Format::Svg | Format::Png | Format::Pdf | Format::Html => Format::Svg,
    };
    preview_text(render_off_thread(view, format, options, style).await?)
}

/// A preview's bytes as the text they are (SVG or Markdown).
fn preview_text(bytes: Vec<u8>) -> Reply<String> {
    String::from_utf8(bytes).map_err(|error| ApiError {
        code: ErrorCode::Internal,
        message: format!("the preview is not text: {error}"),
    })
}

/// Writes timeline `id` as a graphic or brief to `path`, which the user
/// chose in the save dialog.
#[tauri::command]
pub async fn export_graphic(
    state: State<'_, AppState>,
    id: i64,
    format: Format,
    options: ExportOptions,
    path: PathBuf,
) -> Reply<()> {
    let (view, style) = {
        let workspace = workspace(&state);
        let view = workspace.timeline(id).map_err(api)?;
        (view, house_style(&workspace, &options)?)
    };
    let bytes = render_off_thread(view, format, options, style).await?;
    write_file(&path, &bytes)
}

/// The house style `options` name: Tideline's own, or a stored one.
fn house_style(workspace: &Workspace, options: &ExportOptions) -> Reply<HouseStyle> {
    workspace_style(workspace, options.style.as_deref().unwrap_or_default()).map_err(stored_style)
}

fn stored_style(error: StoredStyleError) -> ApiError {
    match error {
        StoredStyleError::Store(error) => api(error),
        error => ApiError {
            code: match error {
                StoredStyleError::Damaged { .. } => ErrorCode::Internal,
                _ => ErrorCode::InvalidInput,
            },
            message: error.to_string(),
        },
    }
}

async fn render_off_thread(
    view: TimelineView,
    format: Format,
    options: ExportOptions,
    style: HouseStyle,
) -> Reply<Vec<u8>> {
    tauri::async_runtime::spawn_blocking(move || {
        tideline_export::export(&view, format, &options, &style).map(|r| r.bytes)
    })
    .await
    .map_err(|error| ApiError {
        code: ErrorCode::Internal,
        message: format!("the export stopped: {error}"),
    })?
    .map_err(export_error)
}

fn export_error(error: ExportError) -> ApiError {
    let code = match error {
        ExportError::InvalidOption { .. } | ExportError::InvalidDate { .. } => {
            ErrorCode::InvalidInput
        }
        ExportError::Render { .. } => ErrorCode::Internal,
    };
    ApiError {
        code,
        message: error.to_string(),
    }
}

// History.

#[tauri::command]
pub fn undo(state: State<'_, AppState>) -> Reply<HistoryState> {
    workspace(&state).undo_step().map_err(api)
}

#[tauri::command]
pub fn redo(state: State<'_, AppState>) -> Reply<HistoryState> {
    workspace(&state).redo_step().map_err(api)
}

#[tauri::command(async)]
pub fn history_state(state: State<'_, AppState>) -> Reply<HistoryState> {
    workspace(&state).history().map_err(api)
}

// House styles and workspace settings.

fn style_error(error: tideline_export::StyleError) -> ApiError {
    ApiError {
        code: ErrorCode::InvalidInput,
        message: error.to_string(),
    }
}

/// Stores `style`, refusing Tideline's own name.
fn save(workspace: &mut Workspace, style: &HouseStyle) -> Reply<StyleSummary> {
    keep_style(workspace, style).map_err(stored_style)?;
    Ok(style.summary())
}

/// Tideline's own style, then the workspace's.
#[tauri::command(async)]
pub fn list_styles(state: State<'_, AppState>) -> Reply<Vec<StyleSummary>> {
    let styles = workspace_styles(&workspace(&state)).map_err(stored_style)?;
    Ok(styles.iter().map(HouseStyle::summary).collect())
}

/// Saves a style file's text (fonts and logo as data), replacing the style
/// of that name.
#[tauri::command(async)]
pub fn save_style(state: State<'_, AppState>, text: String) -> Reply<StyleSummary> {
    let style = HouseStyle::parse(&text, None).map_err(style_error)?;
    save(&mut workspace(&state), &style)
}

/// `text` with `edit` applied, for the style editor to preview and save.
#[tauri::command(async)]
pub fn edit_style(text: String, edit: StyleEdit) -> Reply<StyleSummary> {
    let style = HouseStyle::parse(&text, None).map_err(style_error)?;
    Ok(style.edited(&edit).map_err(style_error)?.summary())
}

#[tauri::command(async)]
pub fn delete_style(state: State<'_, AppState>, name: String) -> Reply<()> {
    workspace(&state).delete_style(&name).map_err(api)
}

/// Adds a style from a file, its fonts and logo read from beside it.
#[tauri::command(async)]
pub fn import_style(state: State<'_, AppState>, path: PathBuf) -> Reply<StyleSummary> {
    let style = HouseStyle::read(&path).map_err(style_error)?;
    save(&mut workspace(&state), &style)
}

/// Writes a style, fonts and logo included, to a file.
#[tauri::command(async)]
pub fn export_style(state: State<'_, AppState>, name: String, path: PathBuf) -> Reply<()> {
    let style = workspace_style(&workspace(&state), &name).map_err(stored_style)?;
    write_file(&path, style.to_toml().as_bytes())
}

/// A preview of timeline `id` in an unsaved style, as the SVG export draws it.
#[tauri::command]
pub async fn preview_style(
    state: State<'_, AppState>,
    id: i64,
    options: ExportOptions,
    text: String,
) -> Reply<String> {
    let style = HouseStyle::parse(&text, None).map_err(style_error)?;
    let view = workspace(&state).timeline(id).map_err(api)?;
    preview_text(render_off_thread(view, Format::Svg, options, style).await?)
}

/// A workspace setting, such as the Export dialog's last style
/// ("export.style") and language ("export.locale").
#[tauri::command(async)]
pub fn workspace_setting(state: State<'_, AppState>, key: String) -> Reply<Option<String>> {
    workspace(&state).setting(&key).map_err(api)
}

#[tauri::command(async)]
pub fn set_workspace_setting(state: State<'_, AppState>, key: String, value: String) -> Reply<()> {
    workspace(&state).set_setting(&key, &value).map_err(api)
}

// Comparisons.

#[tauri::command(async)]
pub fn list_comparisons(state: State<'_, AppState>) -> Reply<Vec<ComparisonSummary>> {
    workspace(&state).comparisons().map_err(api)
}

#[tauri::command(async)]
pub fn comparison_view(
    state: State<'_, AppState>,
    request: ComparisonRequest,
) -> Reply<ComparisonView> {
    workspace(&state).comparison_view(&request).map_err(api)
}

#[tauri::command]
pub fn create_comparison(
    state: State<'_, AppState>,
    name: String,
    timelines: Vec<i64>,
    alignment: Alignment,
) -> Reply<ComparisonSummary> {
    workspace(&state)
        .create_comparison(&name, &timelines, &alignment)
        .map_err(api)
}

#[tauri::command]
pub fn rename_comparison(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Reply<ComparisonSummary> {
    workspace(&state).rename_comparison(id, &name).map_err(api)
}

#[tauri::command]
pub fn set_comparison_alignment(
    state: State<'_, AppState>,
    id: i64,
    alignment: Alignment,
) -> Reply<ComparisonSummary> {
    workspace(&state)
        .set_comparison_alignment(id, &alignment)
        .map_err(api)
}

#[tauri::command]
pub fn set_comparison_t0(
    state: State<'_, AppState>,
    id: i64,
    timeline: i64,
    event: i64,
) -> Reply<ComparisonSummary> {
    workspace(&state)
        .set_comparison_t0(id, timeline, event)
        .map_err(api)
}

#[tauri::command]
pub fn delete_comparison(state: State<'_, AppState>, id: i64) -> Reply<()> {
    workspace(&state).delete_comparison(id).map_err(api)
}
