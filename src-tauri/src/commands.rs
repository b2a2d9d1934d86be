//! The commands the UI calls. Each one unpacks its arguments, makes one call
//! into the store and maps the error to `{code, message}`: nothing else.

use std::sync::{Mutex, MutexGuard};

use tauri::State;
use tideline_model::layout::{Layout, Viewport};
use tideline_store::views::{
    ApiError, EventFilter, EventView, TimelineSummary, TimelineView, WorkspaceInfo,
};
use tideline_store::{StoreError, Workspace};

pub struct AppState {
    pub workspace: Mutex<Workspace>,
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

#[tauri::command]
pub fn workspace_info(state: State<'_, AppState>) -> Reply<WorkspaceInfo> {
    let workspace = workspace(&state);
    Ok(WorkspaceInfo {
        path: workspace.path().display().to_string(),
        schema_version: workspace.schema_version(),
        today_minute: chrono::Utc::now().timestamp() / 60,
    })
}

#[tauri::command]
pub fn list_timelines(state: State<'_, AppState>) -> Reply<Vec<TimelineSummary>> {
    workspace(&state).timelines().map_err(api)
}

#[tauri::command]
pub fn get_timeline(state: State<'_, AppState>, id: i64) -> Reply<TimelineView> {
    workspace(&state).timeline(id).map_err(api)
}

#[tauri::command]
pub fn list_events(state: State<'_, AppState>, filter: EventFilter) -> Reply<Vec<EventView>> {
    workspace(&state).events(&filter).map_err(api)
}

#[tauri::command]
pub fn get_event(state: State<'_, AppState>, id: i64) -> Reply<EventView> {
    workspace(&state).event(id).map_err(api)
}

#[tauri::command]
pub fn rename_event(state: State<'_, AppState>, id: i64, title: String) -> Reply<EventView> {
    workspace(&state).rename_event(id, &title).map_err(api)
}

#[tauri::command]
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
