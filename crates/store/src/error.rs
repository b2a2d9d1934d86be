//! Errors of the store, each with a stable code the UI and CLI branch on.

use std::path::PathBuf;

use serde::Serialize;
use tideline_model::{DateParseError, ValidationError};
use ts_rs::TS;

use crate::access::ReadOnly;

/// The closed set of error codes that cross to the UI and the CLI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ErrorCode {
    /// The input breaks a rule; nothing was changed.
    InvalidInput,
    /// The thing asked for does not exist.
    NotFound,
    /// The workspace was written by a newer Tideline.
    NewerSchema,
    /// The file is not a Tideline workspace.
    NotAWorkspace,
    /// The file is a Tideline workspace but damaged.
    Corrupt,
    /// The file could not be read or written.
    Io,
    /// A bug: something that should not happen.
    Internal,
    /// A file to import has problems (listed with their places); nothing
    /// was imported.
    ImportInvalid,
    /// The workspace is read-only (its file, folder or disk cannot be
    /// written); nothing was changed.
    ReadOnly,
    /// Another Tideline program is editing the workspace; nothing was changed.
    InUse,
    /// The disk is full; the change was not saved and the workspace is as
    /// it was.
    DiskFull,
}

impl ErrorCode {
    /// True when the workspace itself cannot be used, as opposed to a bad request.
    pub fn is_workspace_unusable(self) -> bool {
        matches!(
            self,
            ErrorCode::NewerSchema
                | ErrorCode::NotAWorkspace
                | ErrorCode::Corrupt
                | ErrorCode::Io
                | ErrorCode::ReadOnly
                | ErrorCode::InUse
                | ErrorCode::DiskFull
        )
    }
}

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    Invalid(#[from] ValidationError),
    #[error("{field}: {error}")]
    InvalidDate {
        field: &'static str,
        error: DateParseError,
    },
    #[error("no {what} matches {key:?}")]
    NotFound { what: &'static str, key: String },
    #[error(
        "{} was written by a newer version of Tideline (schema version {found}; this version reads up to {supported}). Update Tideline to open it; the file was not changed",
        path.display()
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{} is not a Tideline workspace ({reason}); the file was not changed", path.display())]
    NotAWorkspace { path: PathBuf, reason: String },
    #[error("{} already exists; Tideline never overwrites a file, so choose a new name", path.display())]
    Exists { path: PathBuf },
    #[error("there is no workspace at {}; create one with `tideline --db {} sample`", path.display(), path.display())]
    Missing { path: PathBuf },
    #[error("{} is damaged: {detail}", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("could not use {}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("{}", refusal(problems))]
    ImportRefused {
        problems: Vec<crate::views::ImportProblem>,
    },
    #[error("{} is read-only (the file, its folder or its disk cannot be written), so nothing was changed", path.display())]
    ReadOnly { path: PathBuf },
    #[error("{} is open for editing in another Tideline window or command; close it there first. Nothing was changed", path.display())]
    InUse { path: PathBuf },
    #[error(
        "{} was written by an older version of Tideline (schema version {found}) and must be upgraded before it can be opened, but {}. The file was not changed",
        path.display(),
        match reason {
            ReadOnly::File => "it is read-only; make it writable and open it again",
            ReadOnly::InUse => "another Tideline window or command is editing it; close it there first",
        }
    )]
    NeedsUpgrade {
        path: PathBuf,
        found: i64,
        reason: ReadOnly,
    },
    #[error("{} {why}, so the change was not saved; the workspace is as it was before it", path.display())]
    NotSaved { path: PathBuf, why: NotSaved },
}

/// Why a change could not be written to the workspace file.
#[derive(Debug, thiserror::Error)]
pub enum NotSaved {
    #[error("is on a full disk")]
    DiskFull,
    #[error("was moved or deleted while open (Save as keeps what is on screen)")]
    Moved,
    #[error("can no longer be written (its disk or folder became read-only)")]
    ReadOnly,
    #[error("could not be written, as if its disk had been removed or had failed ({0})")]
    Failed(String),
}

/// "the file was not imported: 2 problems: line 3: …; line 9: …".
fn refusal(problems: &[crate::views::ImportProblem]) -> String {
    let listed: Vec<String> = problems
        .iter()
        .take(5)
        .map(|p| format!("{}: {}", p.place, p.message))
        .collect();
    let more = problems.len().saturating_sub(listed.len());
    let more = if more > 0 {
        format!("; and {more} more")
    } else {
        String::new()
    };
    let count = match problems.len() {
        1 => "1 problem".to_owned(),
        n => format!("{n} problems"),
    };
    format!(
        "the file was not imported ({count}): {}{more}",
        listed.join("; ")
    )
}

impl StoreError {
    pub fn code(&self) -> ErrorCode {
        match self {
            StoreError::Invalid(_) | StoreError::InvalidDate { .. } | StoreError::Exists { .. } => {
                ErrorCode::InvalidInput
            }
            StoreError::NotFound { .. } => ErrorCode::NotFound,
            StoreError::NewerSchema { .. } => ErrorCode::NewerSchema,
            StoreError::NotAWorkspace { .. } | StoreError::Missing { .. } => {
                ErrorCode::NotAWorkspace
            }
            StoreError::Corrupt { .. } => ErrorCode::Corrupt,
            StoreError::Io { .. } => ErrorCode::Io,
            StoreError::Sqlite(error) => sqlite_code(error),
            StoreError::ImportRefused { .. } => ErrorCode::ImportInvalid,
            StoreError::ReadOnly { .. }
            | StoreError::NeedsUpgrade {
                reason: ReadOnly::File,
                ..
            }
            | StoreError::NotSaved {
                why: NotSaved::ReadOnly,
                ..
            } => ErrorCode::ReadOnly,
            StoreError::InUse { .. }
            | StoreError::NeedsUpgrade {
                reason: ReadOnly::InUse,
                ..
            } => ErrorCode::InUse,
            StoreError::NotSaved {
                why: NotSaved::DiskFull,
                ..
            } => ErrorCode::DiskFull,
            StoreError::NotSaved { .. } => ErrorCode::Io,
        }
    }

    pub(crate) fn not_found(what: &'static str, key: impl ToString) -> StoreError {
        StoreError::NotFound {
            what,
            key: key.to_string(),
        }
    }

    pub(crate) fn date(field: &'static str, error: DateParseError) -> StoreError {
        StoreError::InvalidDate { field, error }
    }

    /// Says why a change to the workspace at `path` failed when the disk
    /// or the file itself is at fault; other errors pass unchanged.
    pub(crate) fn not_saved(self, path: &std::path::Path) -> StoreError {
        use rusqlite::ErrorCode as Sql;
        let StoreError::Sqlite(error) = &self else {
            return self;
        };
        let why = match error.sqlite_error_code() {
            Some(Sql::DiskFull) => NotSaved::DiskFull,
            Some(Sql::ReadOnly) => NotSaved::ReadOnly,
            Some(Sql::SystemIoFailure | Sql::CannotOpen) => NotSaved::Failed(error.to_string()),
            _ => return self,
        };
        StoreError::NotSaved {
            path: path.to_owned(),
            why,
        }
    }
}

/// Disk full, read-only media and damaged pages are the file's fault, not a bug.
fn sqlite_code(error: &rusqlite::Error) -> ErrorCode {
    use rusqlite::ErrorCode as Sql;
    match error.sqlite_error_code() {
        Some(Sql::NotADatabase) => ErrorCode::NotAWorkspace,
        Some(Sql::DatabaseCorrupt) => ErrorCode::Corrupt,
        Some(
            Sql::DiskFull
            | Sql::ReadOnly
            | Sql::CannotOpen
            | Sql::SystemIoFailure
            | Sql::DatabaseBusy
            | Sql::DatabaseLocked,
        ) => ErrorCode::Io,
        Some(Sql::ConstraintViolation) => ErrorCode::InvalidInput,
        _ => ErrorCode::Internal,
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
