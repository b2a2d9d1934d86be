//! What follows the open workspace around: the window's title and the list of
//! recent workspaces, kept as `recent.json` in the app's config folder. Neither
//! is worth failing for: an unreadable list is an empty one, and a list or
//! title that cannot be written is reported on stderr.

use std::path::{Path, PathBuf};

use tauri::{Manager, Runtime, WebviewWindow};
use tideline_store::recent::{MAX_RECENT, remember};

/// "Tideline — deals.db".
fn title(path: &Path) -> String {
    let name = path.file_name().unwrap_or(path.as_os_str());
    format!("Tideline — {}", name.to_string_lossy())
}

/// Shows the workspace at `path` in the window's title and puts it first
/// among the recent workspaces.
pub fn opened<R: Runtime>(window: &WebviewWindow<R>, path: &Path) {
    if let Err(error) = window.set_title(&title(path)) {
        eprintln!("warning: could not set the window title: {error}");
    }
    let Some(file) = recent_file(window) else {
        return;
    };
    let list = remember(&read(&file), &path.display().to_string(), MAX_RECENT);
    if let Err(error) = write(&file, &list) {
        eprintln!("warning: could not save {}: {error}", file.display());
    }
}

/// The recent workspaces that are still there, most recent first.
pub fn recent<R: Runtime>(app: &impl Manager<R>) -> Vec<String> {
    let mut list = recent_file(app).map(|file| read(&file)).unwrap_or_default();
    list.retain(|path| Path::new(path).is_file());
    list
}

fn recent_file<R: Runtime>(app: &impl Manager<R>) -> Option<PathBuf> {
    let dir = app.path().app_config_dir().ok()?;
    Some(dir.join("recent.json"))
}

fn read(file: &Path) -> Vec<String> {
    std::fs::read(file)
        .ok()
        .and_then(|json| serde_json::from_slice(&json).ok())
        .unwrap_or_default()
}

fn write(file: &Path, list: &[String]) -> anyhow::Result<()> {
    if let Some(dir) = file.parent() {
        std::fs::create_dir_all(dir)?;
    }
    std::fs::write(file, serde_json::to_vec_pretty(list)?)?;
    Ok(())
}
