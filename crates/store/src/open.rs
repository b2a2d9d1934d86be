//! The one way a workspace file is opened: check it is ours, set the
//! connection up, and bring its schema to the current version.
//!
//! Nothing is written to a file before it is known to be a Tideline workspace
//! (or a new, empty file) of a version this build understands, and nothing
//! at all to a file that cannot be written (`access.rs`).

use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::access::{FileHandle, ReadOnly, file_uri};
use crate::error::{Result, StoreError};

/// Written to `PRAGMA application_id` so a Tideline file can be told apart
/// from any other SQLite database ("TdLn").
pub const APPLICATION_ID: i64 = 0x5464_4c6e;

/// The numbered migrations; migration `n` (1-based) brings a file from schema
/// version `n - 1` to `n`.
const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_history.sql"),
    include_str!("../migrations/0003_editor.sql"),
    include_str!("../migrations/0004_interop.sql"),
    include_str!("../migrations/0005_comparisons.sql"),
    include_str!("../migrations/0006_styles.sql"),
    include_str!("../migrations/0007_search_prefixes.sql"),
    include_str!("../migrations/0008_timeline_summary.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Whether opening may create a new file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OpenMode {
    CreateIfMissing,
    MustExist,
}

/// A workspace file, open.
pub(crate) struct Opened {
    pub conn: Connection,
    pub handle: FileHandle,
    /// Why it is read-only, or None when it may be changed.
    pub read_only: Option<ReadOnly>,
}

/// Opens `path` as a workspace, creating or upgrading its schema as
/// needed; a file that cannot be written opens read-only, unchanged.
pub(crate) fn open_workspace(path: &Path, mode: OpenMode) -> Result<Opened> {
    let missing = || StoreError::Missing {
        path: path.to_owned(),
    };
    let mut handle =
        FileHandle::open(path, mode == OpenMode::CreateIfMissing)?.ok_or_else(missing)?;
    let exists = check_header(path, &handle)?;
    if !exists && mode == OpenMode::MustExist {
        return Err(missing());
    }
    if handle.writable() {
        match open_writable(path, &mut handle) {
            Ok(conn) => {
                return Ok(Opened {
                    conn,
                    handle,
                    read_only: None,
                });
            }
            // The folder or the disk refuses what the file allowed.
            Err(StoreError::Sqlite(error))
                if matches!(
                    error.sqlite_error_code(),
                    Some(rusqlite::ErrorCode::ReadOnly | rusqlite::ErrorCode::CannotOpen)
                ) => {}
            Err(error) => return Err(error),
        }
    }
    let conn = open_read_only(path)?;
    Ok(Opened {
        conn,
        handle,
        read_only: Some(ReadOnly::File),
    })
}

/// Opens the file for reading and writing; a file that needs upgrading is
/// upgraded under the editor lock.
fn open_writable(path: &Path, handle: &mut FileHandle) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let mut conn =
        Connection::open_with_flags(path, flags).map_err(|error| classify(path, error))?;
    configure(&conn)?;
    let version = identify(&conn, path)?;
    if version < SCHEMA_VERSION && !handle.try_lock(path)? {
        return Err(StoreError::NeedsUpgrade {
            path: path.to_owned(),
            found: version,
            reason: ReadOnly::InUse,
        });
    }
    upgrade_from(&mut conn, version)?;
    Ok(conn)
}

/// Brings a connection whose file's content was just replaced (by a
/// restore) to the current schema, as opening the file would.
pub(crate) fn upgrade(conn: &mut Connection) -> Result<()> {
    let version = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    upgrade_from(conn, version)
}

/// Sets the write-ahead log up and applies the migrations past `version`.
fn upgrade_from(conn: &mut Connection, version: i64) -> Result<()> {
    conn.pragma_update(None, "journal_mode", "wal")?;
    conn.pragma_update(None, "synchronous", "normal")?;
    migrate(conn, version)
}

/// Opens a file that cannot be written without writing anything, not even
/// beside it where it can be helped: a file whose write-ahead log is empty
/// or gone holds every committed change and is read as immutable (no
/// `-shm` or `-wal` made, no lock taken); one whose log holds changes is
/// read through the log. A file that would need upgrading is refused.
fn open_read_only(path: &Path) -> Result<Connection> {
    let mut log = path.as_os_str().to_owned();
    log.push("-wal");
    let logged = std::fs::metadata(&log).is_ok_and(|meta| meta.len() > 0);
    let query = if logged { "mode=ro" } else { "immutable=1" };
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let conn = Connection::open_with_flags(file_uri(path, query)?, flags)
        .map_err(|error| classify(path, error))?;
    configure(&conn)?;
    let version = identify(&conn, path)?;
    if version == 0 {
        // A new, empty file: there is nothing to read and nothing may be written.
        return Err(ReadOnly::File.refusal(path));
    }
    if version < SCHEMA_VERSION {
        return Err(StoreError::NeedsUpgrade {
            path: path.to_owned(),
            found: version,
            reason: ReadOnly::File,
        });
    }
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // Rows that INSERT OR REPLACE deletes must fire the undo history's delete
    // triggers; no trigger of the schema fires itself.
    conn.pragma_update(None, "recursive_triggers", true)?;
    Ok(())
}

/// The file's schema version, after refusing files of another program or
/// of a newer Tideline; 0 for a new, empty file.
fn identify(conn: &Connection, path: &Path) -> Result<i64> {
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|error| classify(path, error))?;
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let objects: i64 = conn
        .query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))
        .map_err(|error| classify(path, error))?;
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_owned(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    let fresh = version == 0 && objects == 0;
    if !fresh && application_id != APPLICATION_ID {
        return Err(StoreError::NotAWorkspace {
            path: path.to_owned(),
            reason: "it is an SQLite database of another program".to_owned(),
        });
    }
    Ok(version)
}

/// Applies every migration past `from` and records the version, all in one
/// transaction: a file is upgraded whole or not at all.
fn migrate(conn: &mut Connection, from: i64) -> Result<()> {
    if from == SCHEMA_VERSION {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for sql in &MIGRATIONS[from as usize..] {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "application_id", APPLICATION_ID)?;
    tx.pragma_update(None, "user_version", SCHEMA_VERSION)?;
    tx.commit()?;
    Ok(())
}

/// Returns whether the file has content, and refuses one that is not an
/// SQLite database before SQLite opens it.
fn check_header(path: &Path, handle: &FileHandle) -> Result<bool> {
    let header = handle.header().map_err(|source| StoreError::Io {
        path: path.to_owned(),
        source,
    })?;
    if header.is_empty() {
        return Ok(false);
    }
    if header != SQLITE_HEADER {
        return Err(StoreError::NotAWorkspace {
            path: path.to_owned(),
            reason: "it is not an SQLite database".to_owned(),
        });
    }
    Ok(true)
}

/// Says which SQLite errors mean the file is not a workspace, or a damaged one.
pub(crate) fn classify(path: &Path, error: rusqlite::Error) -> StoreError {
    match error.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) => StoreError::NotAWorkspace {
            path: path.to_owned(),
            reason: "it is not an SQLite database".to_owned(),
        },
        Some(rusqlite::ErrorCode::DatabaseCorrupt) => StoreError::Corrupt {
            path: path.to_owned(),
            detail: error.to_string(),
        },
        _ => StoreError::Sqlite(error),
    }
}
