//! Backups and restore, with SQLite's online backup API.
//!
//! [`Workspace::backup_to`] copies the open workspace, undo history
//! included, as one consistent snapshot while it stays open (in WAL mode a
//! reader blocks no writer). [`Workspace::backup_rolling`] writes a
//! time-stamped backup into a folder and keeps the newest few; the caller
//! passes the time in, as the engine never reads the clock;
//! [`Workspace::backup_source`] gives the app a connection of its own to
//! take them from. [`Workspace::restore_from`] (and [`restore`], by path)
//! copies a backup over a workspace in one transaction after keeping the
//! replaced content as a backup beside it, and refuses, untouched, a file
//! that is not a Tideline workspace. A backup is a single file (rollback
//! journal, no `-wal` beside it) that opens as a workspace.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use tideline_model::{Date, Precision, ValidationError};

use crate::error::{Result, StoreError};
use crate::open::{APPLICATION_ID, SCHEMA_VERSION};
use crate::workspace::Workspace;

/// How many backups [`Workspace::backup_rolling`] keeps when the caller has
/// no other preference.
pub const DEFAULT_BACKUPS_KEPT: usize = 10;

/// What names a rolling backup: `NAME.backup-YYYYMMDD-HHMM[-N].db`.
const ROLLING_MARK: &str = ".backup-";

impl Workspace {
    /// Copies the workspace to a new file at `dest` as one consistent
    /// snapshot, with SQLite's online backup API; this workspace stays open
    /// and unchanged. An existing file at `dest` is refused, never
    /// overwritten; a failed backup leaves no file behind.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        copy_into_new(&self.conn, dest)
    }

    /// Writes a backup named after the workspace and the time `now_minute`
    /// (minutes since 1970-01-01 UTC) into `folder` (made if missing), then
    /// deletes this workspace's oldest rolling backups there so that `keep`
    /// remain (at least one). Returns the new backup's path.
    pub fn backup_rolling(&self, folder: &Path, now_minute: i64, keep: usize) -> Result<PathBuf> {
        rolling(&self.conn, self.path(), folder, now_minute, keep)
    }

    /// A second connection to this workspace, read-only, to back it up on
    /// another thread while this one serves edits. It is opened through
    /// SQLite alone, which shares its locks between the connections of a
    /// process (see `access.rs`).
    pub fn backup_source(&self) -> Result<BackupSource> {
        let conn = Connection::open_with_flags(
            self.path(),
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        conn.busy_timeout(Duration::from_secs(5))?;
        Ok(BackupSource {
            conn,
            path: self.path().to_owned(),
        })
    }

    /// Replaces this workspace's content with the backup `from_backup`'s, in
    /// one transaction, and brings it to the current schema. The replaced
    /// content is first kept as a backup beside the workspace
    /// (`NAME.before-restore[-N].db`), whose path is returned (none when the
    /// workspace was empty). A `from_backup` that is not a sound Tideline
    /// workspace is refused with both files untouched, and so is any restore
    /// into a workspace that may not be changed.
    pub fn restore_from(&mut self, from_backup: &Path) -> Result<Option<PathBuf>> {
        let source = open_backup(from_backup)?;
        let same = |a: &Path, b: &Path| matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b);
        if same(from_backup, self.path()) {
            return Err(
                ValidationError::new("backup", "the backup is the workspace itself").into(),
            );
        }
        // Refused before anything is written, the kept copy included.
        self.may_change()?;
        let kept = if self.is_empty()? {
            None
        } else {
            let folder = self.path().parent().unwrap_or(Path::new("."));
            let kept = free_path(
                folder,
                &format!("{}.before-restore", file_stem(self.path())),
            );
            self.backup_to(&kept)?;
            Some(kept)
        };
        let path = self.path().to_owned();
        copy_all(&source, &mut self.conn).map_err(|error| error.not_saved(&path))?;
        // A backup from an older Tideline is upgraded like any file it opens.
        crate::open::upgrade(&mut self.conn)?;
        self.layout_inputs = Default::default();
        Ok(kept)
    }
}

/// A read-only connection to an open workspace, for its backups.
pub struct BackupSource {
    conn: Connection,
    path: PathBuf,
}

impl BackupSource {
    /// The workspace this connection reads.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// As [`Workspace::backup_rolling`].
    pub fn backup_rolling(&self, folder: &Path, now_minute: i64, keep: usize) -> Result<PathBuf> {
        rolling(&self.conn, &self.path, folder, now_minute, keep)
    }
}

/// Replaces the content of the workspace at `into` with that of the backup
/// `from_backup`, as [`Workspace::restore_from`] does; there may be no
/// workspace at `into` yet. An `into` that is some other file is refused,
/// untouched.
pub fn restore(from_backup: &Path, into: &Path) -> Result<Option<PathBuf>> {
    Workspace::open(into)?.restore_from(from_backup)
}

/// A workspace file's name without its extension.
fn file_stem(path: &Path) -> &str {
    path.file_stem()
        .and_then(|stem| stem.to_str())
        .unwrap_or("workspace")
}

/// `folder/{base}.db`, or the first of `{base}-2.db`, `{base}-3.db`, … that
/// is not taken.
fn free_path(folder: &Path, base: &str) -> PathBuf {
    (1..)
        .map(|n| match n {
            1 => folder.join(format!("{base}.db")),
            n => folder.join(format!("{base}-{n}.db")),
        })
        .find(|path| !path.exists())
        .expect("a free name")
}

/// Writes a backup of `source`, the workspace at `workspace`, as
/// [`Workspace::backup_rolling`] describes.
fn rolling(
    source: &Connection,
    workspace: &Path,
    folder: &Path,
    now_minute: i64,
    keep: usize,
) -> Result<PathBuf> {
    let io = |source| StoreError::Io {
        path: folder.to_owned(),
        source,
    };
    std::fs::create_dir_all(folder).map_err(io)?;
    let name = file_stem(workspace);
    let dest = free_path(
        folder,
        &format!("{name}{ROLLING_MARK}{}", stamp(now_minute)),
    );
    copy_into_new(source, &dest)?;

    let prefix = format!("{name}{ROLLING_MARK}");
    let mut backups: Vec<PathBuf> = std::fs::read_dir(folder)
        .map_err(io)?
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| {
            path.file_name()
                .and_then(|file| file.to_str())
                .and_then(|file| file.strip_prefix(&prefix))
                .is_some_and(is_rolling_suffix)
        })
        .collect();
    backups.sort_by_key(|path| rolling_order(path, &prefix));
    let surplus = backups.len().saturating_sub(keep.max(1));
    for old in &backups[..surplus] {
        std::fs::remove_file(old).map_err(|source| StoreError::Io {
            path: old.clone(),
            source,
        })?;
    }
    Ok(dest)
}

/// Opens `path` read-only after checking that it is a sound Tideline
/// workspace this version reads, writing nothing to it.
fn open_backup(path: &Path) -> Result<Connection> {
    let refuse = |reason: &str| StoreError::NotAWorkspace {
        path: path.to_owned(),
        reason: reason.to_owned(),
    };
    let mut header = Vec::with_capacity(16);
    std::fs::File::open(path)
        .and_then(|file| file.take(16).read_to_end(&mut header))
        .map_err(|source| StoreError::Io {
            path: path.to_owned(),
            source,
        })?;
    if header != b"SQLite format 3\0" {
        return Err(refuse("it is not an SQLite database"));
    }
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    if application_id != APPLICATION_ID {
        return Err(refuse("it is an SQLite database of another program"));
    }
    let version: i64 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let integrity: String = conn.query_row("PRAGMA quick_check", [], |row| row.get(0))?;
    if integrity != "ok" {
        return Err(StoreError::Corrupt {
            path: path.to_owned(),
            detail: integrity,
        });
    }
    Ok(conn)
}

/// Copies the database of `source` into a new file at `dest` through a
/// temporary file beside it, so no half-written backup is left at `dest`.
fn copy_into_new(source: &Connection, dest: &Path) -> Result<()> {
    let io = |source| StoreError::Io {
        path: dest.to_owned(),
        source,
    };
    if dest.exists() {
        return Err(StoreError::Exists {
            path: dest.to_owned(),
        });
    }
    let mut partial = dest.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let written = (|| {
        let mut copy = Connection::open(&partial)?;
        copy_all(source, &mut copy)?;
        // One self-contained file: no write-ahead log beside it.
        copy.pragma_update(None, "journal_mode", "delete")?;
        copy.close().map_err(|(_, error)| error)?;
        Ok::<_, StoreError>(())
    })();
    let moved = written.and_then(|()| {
        // A hard link, unlike a rename, never replaces a file that appeared
        // at `dest` meanwhile.
        std::fs::hard_link(&partial, dest).map_err(|error| match error.kind() {
            std::io::ErrorKind::AlreadyExists => StoreError::Exists {
                path: dest.to_owned(),
            },
            _ => io(error),
        })
    });
    let _ = std::fs::remove_file(&partial);
    moved
}

/// Copies every page of `from` into `to` in one step of the backup API,
/// so `to` changes in one transaction; waits while another connection holds
/// a lock.
fn copy_all(from: &Connection, to: &mut Connection) -> Result<()> {
    Backup::new(from, to)?.run_to_completion(i32::MAX, Duration::from_millis(20), None)?;
    Ok(())
}

/// `YYYYMMDD-HHMM` (UTC) of a minute since 1970.
fn stamp(minute: i64) -> String {
    let day = Date::from_minute(minute, Precision::Day);
    let of_day = minute.rem_euclid(24 * 60);
    format!(
        "{:04}{:02}{:02}-{:02}{:02}",
        day.year_value(),
        day.month_value(),
        day.day_value(),
        of_day / 60,
        of_day % 60
    )
}

/// True for what follows `NAME.backup-` in a rolling backup's name.
fn is_rolling_suffix(suffix: &str) -> bool {
    let Some(rest) = suffix.strip_suffix(".db") else {
        return false;
    };
    let (stamp, counter) = rest.split_at(rest.len().min(13));
    let digits = |text: &str| !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    stamp.len() == 13
        && digits(&stamp[..8])
        && &stamp[8..9] == "-"
        && digits(&stamp[9..])
        && (counter.is_empty() || counter.strip_prefix('-').is_some_and(digits))
}

/// Oldest first: by stamp, then by counter.
fn rolling_order(path: &Path, prefix: &str) -> (String, u64) {
    let suffix = path
        .file_name()
        .and_then(|file| file.to_str())
        .and_then(|file| file.strip_prefix(prefix))
        .and_then(|file| file.strip_suffix(".db"))
        .unwrap_or_default();
    let (stamp, counter) = suffix.split_at(suffix.len().min(13));
    let counter = counter
        .strip_prefix('-')
        .and_then(|n| n.parse().ok())
        .unwrap_or(1);
    (stamp.to_owned(), counter)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stamps_are_utc_minutes() {
        assert_eq!(stamp(0), "19700101-0000");
        // 2026-11-25 22:26 UTC.
        assert_eq!(stamp(29_927_426), "20261125-2226");
    }

    #[test]
    fn only_rolling_backup_names_are_recognised() {
        assert!(is_rolling_suffix("20261125-2226.db"));
        assert!(is_rolling_suffix("20261125-2226-3.db"));
        assert!(!is_rolling_suffix("20261125-2226.db.partial"));
        assert!(!is_rolling_suffix("notes.db"));
        assert!(!is_rolling_suffix("20261125-2226-x.db"));
    }
}
