//! The crash harness's child (`tests/crash/main.rs` starts it): opens the
//! workspace and applies the seeded stream of edits from a given index on,
//! printing `committed INDEX: WHAT` (flushed) once each edit is committed,
//! until it is killed.
//!
//! Usage: `tideline-crash-child WORKSPACE SEED FIRST_INDEX`.

use std::io::Write;
use std::path::PathBuf;

#[path = "ops.rs"]
mod ops;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(path), Some(seed), Some(first)) = (args.next(), args.next(), args.next()) else {
        eprintln!("usage: tideline-crash-child WORKSPACE SEED FIRST_INDEX");
        std::process::exit(1);
    };
    let seed: u64 = seed.parse().expect("SEED is a number");
    let first: u64 = first.parse().expect("FIRST_INDEX is a number");
    let mut workspace = tideline_store::Workspace::open_existing(&PathBuf::from(path))
        .expect("the workspace opens");
    let mut out = std::io::stdout().lock();
    for index in first.. {
        let what = ops::apply(&mut workspace, seed, index).expect("the edit is committed");
        writeln!(out, "committed {index}: {what}").expect("stdout is open");
        out.flush().expect("stdout is open");
    }
}
