//! Tideline's desktop shell: opens a workspace and serves the UI's commands.
//!
//! Usage: `tideline-app [--db FILE | FILE | --sample]`. Without a file it
//! opens the default workspace; so it does, and says why, when the file
//! given cannot be opened. A workspace that does not exist yet starts
//! empty, and the window offers the ways to begin; `--sample` opens the
//! sample workspace, a file of its own.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod backups;
mod commands;
mod links;
mod workspaces;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use anyhow::{Context, bail};
use tauri::Manager;
use tideline_store::views::ApiError;
use tideline_store::{
    ErrorCode, StoreError, Workspace, default_workspace_path, sample_workspace_path,
};

fn main() {
    prefer_fast_painting();
    if let Err(error) = run() {
        eprintln!("error: {error:#}");
        std::process::exit(2);
    }
}

fn run() -> anyhow::Result<()> {
    let (path, workspace, startup_problem) =
        open_at_start(workspace_arg(std::env::args().skip(1))?)?;
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(links::navigation_guard())
        .manage(commands::AppState {
            workspace: Mutex::new(workspace),
            startup_problem: Mutex::new(startup_problem),
        })
        .invoke_handler(tauri::generate_handler![
            commands::workspace_info,
            commands::workspace_read_only,
            commands::startup_problem,
            commands::new_workspace,
            commands::open_workspace,
            commands::open_sample,
            commands::remove_sample,
            commands::save_workspace_as,
            commands::recent_workspaces,
            commands::restore_workspace,
            commands::backups_folder,
            commands::list_timelines,
            commands::get_timeline,
            commands::list_events,
            commands::get_event,
            commands::rename_event,
            commands::layout,
            commands::locate_event,
            commands::create_event,
            commands::update_event,
            commands::delete_event,
            commands::place_event,
            commands::unplace_event,
            commands::change_events,
            commands::resize_event,
            commands::preview_date,
            commands::read_dates,
            commands::list_sources,
            commands::create_source,
            commands::update_source,
            commands::cite_source,
            commands::update_citation,
            commands::remove_citation,
            commands::create_annotation,
            commands::update_annotation,
            commands::delete_annotation,
            commands::add_lane,
            commands::rename_lane,
            commands::move_lane,
            commands::set_lane_colour,
            commands::set_lane_collapsed,
            commands::delete_lane,
            commands::create_timeline,
            commands::update_timeline,
            commands::delete_timeline,
            commands::preview_import,
            commands::import_file,
            commands::export_timeline,
            commands::export_workspace,
            commands::preview_export,
            commands::list_styles,
            commands::save_style,
            commands::edit_style,
            commands::delete_style,
            commands::import_style,
            commands::export_style,
            commands::preview_style,
            commands::workspace_setting,
            commands::set_workspace_setting,
            commands::export_graphic,
            commands::undo,
            commands::redo,
            commands::history_state,
            commands::list_comparisons,
            commands::comparison_view,
            commands::create_comparison,
            commands::rename_comparison,
            commands::set_comparison_alignment,
            commands::set_comparison_t0,
            commands::delete_comparison,
            links::open_link,
        ])
        .setup(move |app| {
            if let Some(window) = app.get_webview_window("main") {
                workspaces::opened(&window, &path);
            }
            maintain(app.handle().clone());
            Ok(())
        })
        .run(tauri::generate_context!("../tauri.conf.json"))
        .context("the window could not be opened")
}

/// WebKitGTK's DMA-BUF renderer paints every frame through a slow path on
/// machines without GPU buffers (virtual displays, many VMs): measured under
/// Xvfb, a 10 px box moved each frame took 31 ms a frame with it and 16 ms
/// without. Turned off unless the user has set the variable either way.
fn prefer_fast_painting() {
    const VARIABLE: &str = "WEBKIT_DISABLE_DMABUF_RENDERER";
    if std::env::var_os(VARIABLE).is_none() {
        // SAFETY: called first thing in `main`, before any thread exists.
        unsafe { std::env::set_var(VARIABLE, "1") };
    }
}

const USAGE: &str = "usage: tideline-app [--db FILE | FILE | --sample]";

/// The workspace asked for at start.
enum Start {
    /// The default workspace.
    Default,
    /// `--db FILE`, `--db=FILE` or a bare `FILE` (as a file manager passes it).
    File(PathBuf),
    /// `--sample`: the sample workspace.
    Sample,
}

fn workspace_arg(args: impl Iterator<Item = String>) -> anyhow::Result<Start> {
    let mut args = args.peekable();
    let mut start = Start::Default;
    while let Some(arg) = args.next() {
        let next = if arg == "--db" {
            Start::File(PathBuf::from(args.next().context("--db needs a FILE")?))
        } else if let Some(value) = arg.strip_prefix("--db=") {
            Start::File(PathBuf::from(value))
        } else if arg == "--sample" {
            Start::Sample
        } else if arg.starts_with('-') {
            bail!("unknown option {arg}; {USAGE}");
        } else {
            Start::File(PathBuf::from(arg))
        };
        if !matches!(std::mem::replace(&mut start, next), Start::Default) {
            bail!("more than one workspace given; {USAGE}");
        }
    }
    Ok(start)
}

/// The platform data directory, where the default and sample workspaces live.
fn data_dir() -> anyhow::Result<PathBuf> {
    dirs::data_dir().context("no platform data directory is known here; pass --db FILE")
}

/// Where the sample workspace lives.
pub(crate) fn sample_path() -> anyhow::Result<PathBuf> {
    Ok(sample_workspace_path(&data_dir()?))
}

/// The workspace to open at start: the file given, the sample's
/// (`--sample`), else the default one. A given
/// file that cannot be opened (not a workspace, damaged, unreadable) leaves
/// it as it was and opens the default workspace instead, with why, for the
/// window to say: a file opened from a file manager must not end in no
/// window at all.
fn open_at_start(start: Start) -> anyhow::Result<(PathBuf, Workspace, Option<ApiError>)> {
    // Absolute, as the recent list and the status bar show it.
    let absolute = |path: PathBuf| {
        std::path::absolute(&path).with_context(|| format!("could not resolve {}", path.display()))
    };
    let default = || absolute(default_workspace_path(&data_dir()?));
    let given = match start {
        Start::Default => {
            let path = default()?;
            let workspace = open_or_create(&path)?;
            return Ok((path, workspace, None));
        }
        Start::Sample => {
            let path = absolute(sample_path()?)?;
            let workspace = for_the_window(Workspace::open_sample(&path)?)?;
            return Ok((path, workspace, None));
        }
        Start::File(given) => given,
    };
    let given = absolute(given)?;
    let error = match open_or_create(&given) {
        Ok(workspace) => return Ok((given, workspace, None)),
        Err(error) => error,
    };
    let path = default()?;
    if path == given {
        return Err(error);
    }
    let workspace = open_or_create(&path)
        .with_context(|| format!("{error:#}; the default workspace could not be opened either"))?;
    let code = error
        .downcast_ref::<StoreError>()
        .map_or(ErrorCode::Io, StoreError::code);
    let problem = ApiError {
        code,
        message: format!("{error:#}; your own workspace is open instead"),
    };
    Ok((path, workspace, Some(problem)))
}

/// Opens the workspace for editing in the window (read-only when the file
/// cannot be written or another Tideline program edits it); a file that did
/// not exist is created empty, and the window offers the ways to begin
/// (the sample among them, as a workspace of its own).
fn open_or_create(path: &Path) -> anyhow::Result<Workspace> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .with_context(|| format!("could not create {}", dir.display()))?;
    }
    for_the_window(Workspace::open(path)?)
}

/// Claims `workspace` for editing in this window, or shows it read-only,
/// and leaves its checkpoints to the maintenance thread.
fn for_the_window(mut workspace: Workspace) -> anyhow::Result<Workspace> {
    workspace.claim_editing()?;
    workspace.defer_checkpoints()?;
    Ok(workspace)
}

/// How often the write-ahead log is copied into the workspace file.
const CHECKPOINT_EVERY: Duration = Duration::from_secs(2);

/// Upkeep off the commands' path, every two seconds: copies the write-ahead
/// log into the workspace file when no command holds the workspace (so that
/// no edit waits for a checkpoint, see `Workspace::defer_checkpoints`), and
/// takes the rolling backups (see `backups`). A read-only workspace needs
/// neither: nothing changes it through this window.
fn maintain(app: tauri::AppHandle) {
    std::thread::spawn(move || {
        let mut schedule = backups::Schedule::new();
        loop {
            std::thread::sleep(CHECKPOINT_EVERY);
            let state = app.state::<commands::AppState>();
            let Ok(workspace) = state.workspace.try_lock() else {
                continue;
            };
            if workspace.read_only().is_some() {
                continue;
            }
            if let Err(error) = workspace.checkpoint() {
                eprintln!(
                    "tideline: checkpoint of {} failed: {error}",
                    workspace.path().display()
                );
            }
            let source = schedule
                .due(workspace.path())
                .then(|| workspace.backup_source());
            drop(workspace);
            if let Some(source) = source {
                schedule.take(&app, source);
            }
        }
    });
}
