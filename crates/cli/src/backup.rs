//! `tideline backup` and `tideline restore`: copies of a workspace made
//! with SQLite's online backup API, and putting one back.

use std::path::Path;

use tideline_store::Workspace;

use crate::{Failure, print_lines};

/// `tideline backup --out FILE`: a consistent copy, undo history included,
/// taken while other programs may have the workspace open.
pub fn backup(path: &Path, out: &Path) -> Result<(), Failure> {
    let workspace = Workspace::open_existing(path)?;
    workspace.backup_to(out)?;
    let bytes = std::fs::metadata(out).map_or(0, |meta| meta.len());
    print_lines(std::iter::once(format!(
        "wrote a backup of {} to {} ({bytes} bytes)",
        path.display(),
        out.display()
    )))
}

/// `tideline restore FROM_BACKUP`: asks nothing; the replaced workspace is
/// kept as a backup beside it, and the line printed says where.
pub fn restore(path: &Path, from: &Path) -> Result<(), Failure> {
    let kept = tideline_store::restore(from, path)?;
    let kept = match kept {
        Some(kept) => format!(
            "; the replaced workspace is kept at {} (restore it to undo this)",
            kept.display()
        ),
        None => String::new(),
    };
    print_lines(std::iter::once(format!(
        "restored {} from {}{kept}",
        path.display(),
        from.display()
    )))
}
