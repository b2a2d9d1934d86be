//! Backups and restore on real files: a backup is a sound workspace, a
//! restore brings back the backup's state and keeps what it replaced, and
//! nothing that is not a Tideline workspace is restored or touched.

use std::path::Path;

use tideline_store::views::EventFilter;
use tideline_store::{StoreError, Workspace, restore};

fn sample(path: &Path) -> Workspace {
    let mut workspace = Workspace::open(path).unwrap();
    workspace.replace_with_sample().unwrap();
    workspace
}

fn titles(path: &Path) -> Vec<String> {
    let workspace = Workspace::open_existing(path).unwrap();
    let events = workspace.events(&EventFilter::default()).unwrap();
    events.into_iter().map(|event| event.facts.title).collect()
}

#[test]
fn a_backup_is_a_sound_workspace_of_one_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = sample(&dir.path().join("deals.db"));
    let first = workspace.events(&EventFilter::default()).unwrap()[0]
        .facts
        .id;
    workspace
        .rename_event(first, "Renamed before the backup")
        .unwrap();
    let backup = dir.path().join("deals-backup.db");
    workspace.backup_to(&backup).unwrap();

    assert!(!dir.path().join("deals-backup.db-wal").exists());
    assert!(!dir.path().join("deals-backup.db.partial").exists());
    let copy = Workspace::open_existing(&backup).unwrap();
    let report = copy.check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        copy.events(&EventFilter::default()).unwrap(),
        workspace.events(&EventFilter::default()).unwrap()
    );
    assert_eq!(
        copy.history().unwrap().undo.as_deref(),
        Some("Rename event")
    );

    let error = workspace.backup_to(&backup).unwrap_err();
    assert!(matches!(error, StoreError::Exists { .. }), "{error}");
}

#[test]
fn restore_brings_the_backup_back_and_keeps_the_replaced_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.db");
    let mut workspace = sample(&path);
    let backup = dir.path().join("saved.db");
    workspace.backup_to(&backup).unwrap();
    let before = titles(&path);
    let first = workspace.events(&EventFilter::default()).unwrap()[0]
        .facts
        .id;
    workspace
        .rename_event(first, "Edited after the backup")
        .unwrap();
    drop(workspace);

    let kept = restore(&backup, &path)
        .unwrap()
        .expect("the replaced file is kept");
    assert_eq!(kept, dir.path().join("deals.before-restore.db"));
    assert_eq!(titles(&path), before);
    assert!(titles(&kept).contains(&"Edited after the backup".to_owned()));
    let report = Workspace::open_existing(&path).unwrap().check().unwrap();
    assert!(report.problems.is_empty(), "{:?}", report.problems);

    // A second restore keeps the first kept copy and adds another.
    let again = restore(&kept, &path).unwrap().unwrap();
    assert_eq!(again, dir.path().join("deals.before-restore-2.db"));
    assert!(titles(&path).contains(&"Edited after the backup".to_owned()));
}

#[test]
fn restore_refuses_what_is_not_a_workspace_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.db");
    drop(sample(&path));
    let text = dir.path().join("notes.db");
    std::fs::write(&text, "not a database").unwrap();
    let other = dir.path().join("other.db");
    rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = titles(&path);
    let files = |dir: &Path| {
        let mut names: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let listed = files(dir.path());
    let other_bytes = std::fs::read(&other).unwrap();

    for refused in [&text, &other] {
        let error = restore(refused, &path).unwrap_err();
        assert!(matches!(error, StoreError::NotAWorkspace { .. }), "{error}");
    }
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "not a database");
    assert_eq!(std::fs::read(&other).unwrap(), other_bytes);
    assert_eq!(files(dir.path()), listed, "no file was made or removed");
    assert_eq!(titles(&path), before);

    // Nor is a workspace restored over some other program's file.
    let error = restore(&path, &other).unwrap_err();
    assert!(matches!(error, StoreError::NotAWorkspace { .. }), "{error}");
    assert_eq!(std::fs::read(&other).unwrap(), other_bytes);
}

#[test]
fn rolling_backups_keep_the_newest() {
    let dir = tempfile::tempdir().unwrap();
    let workspace = sample(&dir.path().join("deals.db"));
    let folder = dir.path().join("backups");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("deals.backup-notes.db"), "mine").unwrap();
    // 2026-11-25 22:26 UTC, then every 10 minutes, twice in the last minute.
    let start = 29_927_426;
    let mut written = Vec::new();
    for minute in [start, start + 10, start + 20, start + 30, start + 30] {
        written.push(workspace.backup_rolling(&folder, minute, 3).unwrap());
    }
    let name = |path: &Path| path.file_name().unwrap().to_str().unwrap().to_owned();
    assert_eq!(name(&written[0]), "deals.backup-20261125-2226.db");
    assert_eq!(name(&written[4]), "deals.backup-20261125-2256-2.db");
    let mut left: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    left.sort();
    assert_eq!(
        left,
        [
            "deals.backup-20261125-2246.db",
            "deals.backup-20261125-2256-2.db",
            "deals.backup-20261125-2256.db",
            "deals.backup-notes.db",
        ]
    );
    Workspace::open_existing(&written[4]).unwrap();
}
