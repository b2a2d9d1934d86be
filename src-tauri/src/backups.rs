//! Rolling backups of the open workspace: one when it opens and one every
//! ten minutes while it changes, the newest ten kept per workspace in the
//! app's data folder. Each is taken through a connection of its own, so no
//! command waits for one (in WAL mode a reader blocks no writer). A
//! read-only workspace is not backed up: nothing changes it here.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use tauri::{AppHandle, Manager, Runtime};
use tideline_store::{BackupSource, DEFAULT_BACKUPS_KEPT};

/// How often a workspace that changed is backed up.
pub const EVERY: Duration = Duration::from_secs(10 * 60);

/// The folder of `workspace`'s backups: its path made into a folder name,
/// so that two `tideline.db` in different folders never prune each other's.
pub fn folder<R: Runtime>(app: &AppHandle<R>, workspace: &Path) -> Option<PathBuf> {
    let name: String = workspace
        .display()
        .to_string()
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    Some(app.path().app_data_dir().ok()?.join("backups").join(name))
}

/// What was last backed up, and when.
pub struct Schedule {
    last: Option<(PathBuf, Instant, SystemTime)>,
}

impl Schedule {
    pub fn new() -> Schedule {
        Schedule { last: None }
    }

    /// Whether `workspace` is due a backup: it was just opened, or it
    /// changed since its last backup at least [`EVERY`] ago.
    pub fn due(&self, workspace: &Path) -> bool {
        match &self.last {
            Some((path, at, _)) if path == workspace && at.elapsed() < EVERY => false,
            Some((path, _, taken)) if path == workspace => modified(workspace) > Some(*taken),
            _ => true,
        }
    }

    /// Backs the workspace up from `source`, a connection of its own (see
    /// `Workspace::backup_source`). Failures go to stderr: a backup is never
    /// worth stopping an edit for.
    pub fn take<R: Runtime>(
        &mut self,
        app: &AppHandle<R>,
        source: tideline_store::Result<BackupSource>,
    ) {
        let started = SystemTime::now();
        let taken = source.map_err(anyhow::Error::from).and_then(|source| {
            let workspace = source.path().to_owned();
            take(app, &source, started)?;
            Ok(workspace)
        });
        match taken {
            Ok(workspace) => self.last = Some((workspace, Instant::now(), started)),
            Err(error) => eprintln!("tideline: a backup failed: {error:#}"),
        }
    }
}

fn take<R: Runtime>(
    app: &AppHandle<R>,
    source: &BackupSource,
    now: SystemTime,
) -> anyhow::Result<()> {
    let folder =
        folder(app, source.path()).ok_or_else(|| anyhow::anyhow!("no data folder is known"))?;
    let minute = now.duration_since(SystemTime::UNIX_EPOCH)?.as_secs() as i64 / 60;
    source.backup_rolling(&folder, minute, DEFAULT_BACKUPS_KEPT)?;
    Ok(())
}

/// When the workspace file or its write-ahead log last changed.
fn modified(workspace: &Path) -> Option<SystemTime> {
    let mut log = workspace.as_os_str().to_owned();
    log.push("-wal");
    [workspace.to_owned(), PathBuf::from(log)]
        .iter()
        .filter_map(|path| std::fs::metadata(path).and_then(|m| m.modified()).ok())
        .max()
}
