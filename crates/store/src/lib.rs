//! Tideline's workspace store: one SQLite file per workspace.
//!
//! [`Workspace`] is the API that the `tideline` CLI and the desktop app share.
//! It opens files through one initialiser (WAL, foreign keys, busy timeout,
//! numbered migrations in one transaction, newer files refused), runs every
//! multi-row change in one transaction, and hands out the plain data types of
//! [`views`], which are also the wire contract with the UI. The editor's
//! changes (`editor.rs`) are each one undoable step of [`Workspace::edit`];
//! search runs on an FTS5 index kept in step by triggers (migration 3).
//! `transfer.rs` imports and exports files through `tideline-interop`'s
//! document, each import one undoable step. `compare.rs` saves comparisons
//! and computes them for drawing and tabulating. `access.rs` decides who
//! may change a file: one that cannot be written opens read-only, and one
//! program at a time edits a file.
//!
//! Invariant: only this crate speaks SQL, and it knows nothing of Tauri.

mod access;
mod backup;
mod canvas;
mod compare;
mod editor;
mod error;
mod history;
mod open;
pub mod recent;
mod sample;
mod styles;
mod transfer;
pub mod views;
mod workspace;

pub use access::ReadOnly;
pub use backup::{BackupSource, DEFAULT_BACKUPS_KEPT, restore};
pub use canvas::LOCALE_SETTING;
pub use error::{ErrorCode, NotSaved, Result, StoreError};
pub use history::HistoryState;
pub use open::{APPLICATION_ID, SCHEMA_VERSION};
pub use sample::SampleSummary;
pub use transfer::preview_import;
pub use workspace::{Workspace, Writer};

/// Where the default workspace lives inside the platform data directory.
pub fn default_workspace_path(data_dir: &std::path::Path) -> std::path::PathBuf {
    data_dir.join("tideline").join("tideline.db")
}

/// Where the sample workspace lives inside the platform data directory.
pub fn sample_workspace_path(data_dir: &std::path::Path) -> std::path::PathBuf {
    data_dir.join("tideline").join("sample.db")
}
