//! Who may change a workspace: a file that cannot be written opens
//! read-only, and one Tideline program at a time edits a file.
//!
//! Each open workspace keeps one handle on its file, opened before SQLite
//! opens the file and closed after SQLite closes it. The handle tells
//! whether the file may be written (by its write bits as well as by the
//! open itself: root may write any file, but a file without write bits is
//! meant to be left alone), reads the header before SQLite touches the
//! file, and carries the editor lock: an advisory `flock` on the file,
//! taken at the first change (or on opening, by the app) and held until
//! the workspace closes. On Linux `flock` locks and SQLite's POSIX record
//! locks are independent. No other descriptor of the file is opened and
//! closed while a connection is open: closing any descriptor of a file
//! drops every POSIX lock the process holds on it, SQLite's included.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{ErrorKind, Read};
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Result, StoreError};

/// Why a workspace is open read-only.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ReadOnly {
    /// The file, its folder or its disk cannot be written.
    File,
    /// Another Tideline window or command is editing it.
    InUse,
}

impl ReadOnly {
    /// The error that refuses a change to the workspace at `path`.
    pub(crate) fn refusal(self, path: &Path) -> StoreError {
        let path = path.to_owned();
        match self {
            ReadOnly::File => StoreError::ReadOnly { path },
            ReadOnly::InUse => StoreError::InUse { path },
        }
    }
}

/// The workspace's own handle on its file.
pub(crate) struct FileHandle {
    file: File,
    id: FileId,
    writable: bool,
    locked: bool,
}

impl FileHandle {
    /// Opens the file at `path`, for writing when it may be written, and
    /// creates an empty one if there is none and `create` is set. None
    /// when there is no file.
    pub(crate) fn open(path: &Path, create: bool) -> Result<Option<FileHandle>> {
        let io = |source| StoreError::Io {
            path: path.to_owned(),
            source,
        };
        let for_writing = OpenOptions::new()
            .read(true)
            .write(true)
            .create(create)
            .open(path);
        let (file, opened_for_writing) = match for_writing {
            Ok(file) => (file, true),
            Err(error) if error.kind() == ErrorKind::NotFound => return Ok(None),
            Err(error)
                if matches!(
                    error.kind(),
                    ErrorKind::PermissionDenied
                        | ErrorKind::ReadOnlyFilesystem
                        | ErrorKind::IsADirectory
                ) =>
            {
                match File::open(path) {
                    Ok(file) => (file, false),
                    // It could not be created.
                    Err(missing) if missing.kind() == ErrorKind::NotFound => return Err(io(error)),
                    Err(other) => return Err(io(other)),
                }
            }
            Err(error) => return Err(io(error)),
        };
        let metadata = file.metadata().map_err(io)?;
        if metadata.is_dir() {
            return Err(StoreError::NotAWorkspace {
                path: path.to_owned(),
                reason: "it is a folder".to_owned(),
            });
        }
        Ok(Some(FileHandle {
            id: FileId::of(path, &metadata).map_err(io)?,
            file,
            writable: opened_for_writing && !metadata.permissions().readonly(),
            locked: false,
        }))
    }

    /// Whether the file may be written, as far as its permissions and
    /// disk tell before SQLite tries.
    pub(crate) fn writable(&self) -> bool {
        self.writable
    }

    /// The first 16 bytes of the file, fewer when it is shorter.
    pub(crate) fn header(&self) -> std::io::Result<Vec<u8>> {
        let mut header = Vec::with_capacity(16);
        (&self.file).take(16).read_to_end(&mut header)?;
        Ok(header)
    }

    /// Whether `path` names this file; None when that cannot be told (its
    /// disk fails).
    pub(crate) fn named_by(&self, path: &Path) -> Option<bool> {
        match std::fs::metadata(path) {
            Err(error) if error.kind() == ErrorKind::NotFound => Some(false),
            Err(_) => None,
            Ok(named) => Some(FileId::of(path, &named).ok()? == self.id),
        }
    }

    /// Takes the editor lock, or keeps it; false when another program (or
    /// another open workspace of this process) holds it.
    pub(crate) fn try_lock(&mut self, path: &Path) -> Result<bool> {
        if !self.locked {
            match self.file.try_lock() {
                Ok(()) => self.locked = true,
                Err(TryLockError::WouldBlock) => return Ok(false),
                Err(TryLockError::Error(source)) => {
                    return Err(StoreError::Io {
                        path: path.to_owned(),
                        source,
                    });
                }
            }
        }
        Ok(true)
    }
}

/// What tells one file from another: its device and inode on Unix (a
/// file renamed keeps them, one put in its place has others), its
/// canonical path elsewhere.
#[derive(PartialEq, Eq)]
struct FileId(
    #[cfg(unix)] (u64, u64),
    #[cfg(not(unix))] std::path::PathBuf,
);

impl FileId {
    #[cfg(unix)]
    fn of(_: &Path, metadata: &std::fs::Metadata) -> std::io::Result<FileId> {
        use std::os::unix::fs::MetadataExt;
        Ok(FileId((metadata.dev(), metadata.ino())))
    }

    #[cfg(not(unix))]
    fn of(path: &Path, _: &std::fs::Metadata) -> std::io::Result<FileId> {
        Ok(FileId(std::fs::canonicalize(path)?))
    }
}

/// An SQLite URI naming `path` with `query`, so that a file name holding
/// `?`, `#` or `%` means that file.
pub(crate) fn file_uri(path: &Path, query: &str) -> Result<String> {
    let absolute = std::path::absolute(path).map_err(|source| StoreError::Io {
        path: path.to_owned(),
        source,
    })?;
    let mut uri = String::from("file:");
    for &byte in absolute.as_os_str().as_encoded_bytes() {
        if byte.is_ascii_alphanumeric() || b"/._-~".contains(&byte) {
            uri.push(char::from(byte));
        } else {
            uri.push_str(&format!("%{byte:02X}"));
        }
    }
    uri.push('?');
    uri.push_str(query);
    Ok(uri)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_escape_what_sqlite_would_read_as_syntax() {
        let uri = file_uri(Path::new("/tmp/deal 100%?#.db"), "mode=ro").unwrap();
        assert_eq!(uri, "file:/tmp/deal%20100%25%3F%23.db?mode=ro");
    }
}
