//! The one way a workspace file is opened: check it is ours, set the
//! connection up, and bring its schema to the current version.
//!
//! Nothing is written to a file before it is known to be a Tideline workspace
//! (or a new, empty file) of a version this build understands.

use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

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

/// Opens `path` as a workspace, creating or upgrading its schema as needed.
pub fn open_connection(path: &Path, mode: OpenMode) -> Result<Connection> {
    let exists = check_header(path)?;
    if !exists && mode == OpenMode::MustExist {
        return Err(StoreError::Missing {
            path: path.to_owned(),
        });
    }
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX
        | OpenFlags::SQLITE_OPEN_URI;
    let mut conn =
        Connection::open_with_flags(path, flags).map_err(|error| classify(path, error))?;
    conn.busy_timeout(Duration::from_secs(5))?;
    conn.pragma_update(None, "foreign_keys", true)?;
    // Rows that INSERT OR REPLACE deletes must fire the undo history's delete
    // triggers; no trigger of the schema fires itself.
    conn.pragma_update(None, "recursive_triggers", true)?;

    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|error| classify(path, error))?;
    let application_id: i64 = conn.pragma_query_value(None, "application_id", |row| row.get(0))?;
    let objects: i64 =
        conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| row.get(0))?;
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

    conn.pragma_update(None, "journal_mode", "wal")?;
    conn.pragma_update(None, "synchronous", "normal")?;
    migrate(&mut conn, version)?;
    Ok(conn)
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

/// Returns whether the file exists with content, and refuses one that is
/// not an SQLite database without opening it.
fn check_header(path: &Path) -> Result<bool> {
    let mut file = match std::fs::File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(source) => {
            return Err(StoreError::Io {
                path: path.to_owned(),
                source,
            });
        }
    };
    let io = |source| StoreError::Io {
        path: path.to_owned(),
        source,
    };
    if file.metadata().map_err(io)?.is_dir() {
        return Err(StoreError::NotAWorkspace {
            path: path.to_owned(),
            reason: "it is a folder".to_owned(),
        });
    }
    let mut header = Vec::with_capacity(16);
    file.by_ref()
        .take(16)
        .read_to_end(&mut header)
        .map_err(io)?;
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

fn classify(path: &Path, error: rusqlite::Error) -> StoreError {
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
