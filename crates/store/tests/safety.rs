//! Bad files and bad places, on real files: a file that cannot be written
//! opens read-only and refuses every change without a byte changed; one
//! program edits a file at a time while others read it; a full disk, a
//! disk that goes away and a file moved while open fail the change with a
//! clear error and keep the last committed state; a damaged file is
//! refused for editing, untouched.
//!
//! The disks are real: a small tmpfs that fills up, an ext4 image whose
//! file system is shut down as a pulled drive would be, a read-only bind
//! mount. Mounting needs root, as the tests run; without it they fail.

use std::path::{Path, PathBuf};
use std::process::Command;

use rusqlite::Connection;
use tideline_model::{Date, EventDraft, EventKind};
use tideline_store::views::EventFilter;
use tideline_store::{ErrorCode, ReadOnly, StoreError, Workspace};

const FIRST: &str = "Microsoft invests $1B in OpenAI";

fn sample(path: &Path) -> Workspace {
    let mut workspace = Workspace::open(path).unwrap();
    workspace.replace_with_sample().unwrap();
    workspace
}

fn first_event(workspace: &Workspace) -> i64 {
    workspace
        .events(&EventFilter::default())
        .unwrap()
        .into_iter()
        .find(|event| event.facts.title == FIRST)
        .expect("the sample's first event")
        .facts
        .id
}

/// Any event of the workspace.
fn some_event(workspace: &Workspace) -> i64 {
    workspace.events(&EventFilter::default()).unwrap()[0]
        .facts
        .id
}

/// Everything the workspace holds, as a lossless export, with its history.
fn snapshot(workspace: &Workspace) -> (Vec<u8>, tideline_store::HistoryState) {
    (
        workspace.export_workspace().unwrap(),
        workspace.history().unwrap(),
    )
}

/// The bytes of the file and of whatever lies beside it (`-wal`, `-shm`).
fn files(path: &Path) -> Vec<(String, Vec<u8>)> {
    let dir = path.parent().unwrap();
    let name = path.file_name().unwrap().to_str().unwrap();
    let mut files: Vec<(String, Vec<u8>)> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|file| file.to_str().unwrap().contains(name))
        .map(|file| {
            let bytes = std::fs::read(&file).unwrap();
            (
                file.file_name().unwrap().to_str().unwrap().to_owned(),
                bytes,
            )
        })
        .collect();
    files.sort();
    files
}

fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// Tries every kind of change and checks each is refused with `code`.
fn every_change_is_refused(workspace: &mut Workspace, code: ErrorCode, backup: &Path) {
    let event = some_event(workspace);
    let timeline = workspace.find_timeline("Microsoft–OpenAI").unwrap();
    let refusals = [
        workspace.rename_event(event, "Changed").err(),
        workspace.shift_event(event, 1).err(),
        workspace.create_timeline("New").err(),
        workspace.delete_timeline(timeline).err(),
        workspace.undo().err(),
        workspace.redo().err(),
        workspace.replace_with_sample().err(),
        workspace
            .import(
                "more.mw",
                b"2024-01-02: Imported\n",
                &Default::default(),
                Date::day(2025, 1, 1).unwrap(),
            )
            .err(),
        workspace.restore_from(backup).err(),
    ];
    for (i, refusal) in refusals.into_iter().enumerate() {
        let error = refusal.unwrap_or_else(|| panic!("change {i} was not refused"));
        assert_eq!(error.code(), code, "change {i}: {error}");
        let message = error.to_string().to_lowercase();
        assert!(message.contains("nothing was changed"), "{message}");
    }
}

#[test]
fn a_file_without_write_bits_opens_read_only_and_no_byte_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.db");
    let backup = dir.path().join("backup.db");
    {
        let mut workspace = sample(&path);
        let event = first_event(&workspace);
        workspace.rename_event(event, "Renamed before").unwrap();
        workspace.backup_to(&backup).unwrap();
    }
    chmod(&path, 0o444);
    let before = files(&path);
    assert_eq!(before.len(), 1, "a closed workspace is one file");

    let mut workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.read_only(), Some(ReadOnly::File));
    let shown = snapshot(&workspace);
    assert_eq!(shown.1.undo.as_deref(), Some("Rename event"));
    every_change_is_refused(&mut workspace, ErrorCode::ReadOnly, &backup);
    // Claiming the file for editing changes nothing either.
    workspace.claim_editing().unwrap();
    assert_eq!(workspace.read_only(), Some(ReadOnly::File));
    assert_eq!(snapshot(&workspace), shown);
    assert!(workspace.check().unwrap().problems.is_empty());
    drop(workspace);
    assert_eq!(
        files(&path),
        before,
        "nothing was written, nor beside the file"
    );
}

#[test]
fn a_read_only_file_whose_log_holds_changes_shows_them_and_keeps_its_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.db");
    let backup = dir.path().join("backup.db");
    let mut workspace = sample(&path);
    workspace.defer_checkpoints().unwrap();
    workspace.backup_to(&backup).unwrap();
    let event = first_event(&workspace);
    workspace.rename_event(event, "Only in the log").unwrap();
    // Left open as a crash would leave it: the change is in `-wal` only.
    std::mem::forget(workspace);
    let mut log = path.clone().into_os_string();
    log.push("-wal");
    assert!(std::fs::metadata(&log).unwrap().len() > 0);
    for file in std::fs::read_dir(dir.path()).unwrap() {
        chmod(&file.unwrap().path(), 0o444);
    }
    let before = files(&path);

    let mut workspace = Workspace::open_existing(&path).unwrap();
    assert_eq!(workspace.read_only(), Some(ReadOnly::File));
    assert_eq!(
        workspace.event(event).unwrap().facts.title,
        "Only in the log"
    );
    every_change_is_refused(&mut workspace, ErrorCode::ReadOnly, &backup);
    drop(workspace);
    assert_eq!(files(&path), before);
}

#[test]
fn a_read_only_file_of_an_older_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.db");
    Connection::open(&path)
        .unwrap()
        .execute_batch(include_str!("fixtures/schema-v4.sql"))
        .unwrap();
    chmod(&path, 0o444);
    let before = files(&path);
    let error = Workspace::open(&path).err().expect("refused");
    assert_eq!(error.code(), ErrorCode::ReadOnly);
    assert!(
        matches!(error, StoreError::NeedsUpgrade { found: 4, .. }),
        "{error}"
    );
    assert!(error.to_string().contains("make it writable"), "{error}");
    assert_eq!(files(&path), before);
}

#[test]
fn a_read_only_disk_opens_read_only_and_no_byte_changes() {
    let dir = tempfile::tempdir().unwrap();
    let backup = dir.path().join("backup.db");
    let writable = dir.path().join("disk");
    std::fs::create_dir(&writable).unwrap();
    {
        let workspace = sample(&writable.join("deals.db"));
        workspace.backup_to(&backup).unwrap();
    }
    let mounted = Mount::bind_read_only(&writable);
    let path = mounted.point.join("deals.db");
    let before = files(&path);

    let mut workspace = Workspace::open_existing(&path).unwrap();
    assert_eq!(workspace.read_only(), Some(ReadOnly::File));
    assert!(!workspace.timelines().unwrap().is_empty());
    every_change_is_refused(&mut workspace, ErrorCode::ReadOnly, &backup);
    drop(workspace);
    assert_eq!(files(&path), before);
}

#[test]
fn one_program_edits_a_file_at_a_time_while_others_read_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.db");
    let backup = dir.path().join("backup.db");
    drop(sample(&path));
    Workspace::open_existing(&path)
        .unwrap()
        .backup_to(&backup)
        .unwrap();

    let mut editor = Workspace::open_existing(&path).unwrap();
    editor.claim_editing().unwrap();
    assert_eq!(editor.read_only(), None);

    // A second window: read-only, saying why.
    let mut window = Workspace::open_existing(&path).unwrap();
    window.claim_editing().unwrap();
    assert_eq!(window.read_only(), Some(ReadOnly::InUse));
    let before = snapshot(&window);
    every_change_is_refused(&mut window, ErrorCode::InUse, &backup);
    let error = window.create_timeline("New").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("is open for editing in another Tideline window"),
        "{error}"
    );

    // A reader (as the CLI's reading commands open it) reads, and may not
    // change the file while the editor has it.
    let mut reader = Workspace::open_existing(&path).unwrap();
    assert_eq!(reader.read_only(), None);
    assert_eq!(snapshot(&reader), before);
    let event = first_event(&reader);
    let error = reader.rename_event(event, "From the reader").unwrap_err();
    assert_eq!(error.code(), ErrorCode::InUse);
    assert!(tideline_store::restore(&backup, &path).is_err());

    // The editor edits; the others read its change.
    editor.rename_event(event, "From the editor").unwrap();
    assert_eq!(reader.event(event).unwrap().facts.title, "From the editor");
    assert_eq!(window.event(event).unwrap().facts.title, "From the editor");

    // Once the editor closes, the reader's next change takes the lock, and
    // the window may claim it when the reader is done.
    drop(editor);
    reader.rename_event(event, "From the reader").unwrap();
    let mut late = Workspace::open_existing(&path).unwrap();
    late.claim_editing().unwrap();
    assert_eq!(late.read_only(), Some(ReadOnly::InUse));
    drop(reader);
    window.claim_editing().unwrap();
    assert_eq!(window.read_only(), None);
    window.rename_event(event, "From the window").unwrap();
    late.claim_editing().unwrap();
    assert_eq!(late.read_only(), Some(ReadOnly::InUse));
    drop(window);
    let checked = Workspace::open_existing(&path).unwrap().check().unwrap();
    assert!(checked.problems.is_empty(), "{:?}", checked.problems);
}

#[test]
fn a_full_disk_fails_the_change_and_keeps_the_last_committed_state() {
    let disk = Mount::tmpfs("8m");
    let path = disk.point.join("deals.db");
    let mut workspace = sample(&path);
    let event = first_event(&workspace);
    workspace.rename_event(event, "Committed").unwrap();
    let filler = disk.fill();
    let before = snapshot(&workspace);

    let many = |workspace: &mut Workspace| {
        workspace.edit("Add events", |writer| {
            for i in 0..1000u32 {
                let mut draft = EventDraft::new(
                    &format!("Event {i} of a long import"),
                    Date::day(2024, 1, 1 + (i % 28) as u8).unwrap(),
                    EventKind::Other,
                );
                draft.description = "A description that takes some room. ".repeat(8);
                writer.create_event(draft)?;
            }
            Ok(())
        })
    };
    let error = many(&mut workspace).unwrap_err();
    assert_eq!(error.code(), ErrorCode::DiskFull, "{error}");
    assert!(
        error.to_string().contains("is on a full disk")
            && error.to_string().contains("the change was not saved"),
        "{error}"
    );
    // The same workspace still reads and holds exactly what was committed.
    assert_eq!(snapshot(&workspace), before);
    assert!(workspace.check().unwrap().problems.is_empty());
    drop(workspace);
    let workspace = Workspace::open_existing(&path).unwrap();
    assert_eq!(snapshot(&workspace), before);
    assert!(workspace.check().unwrap().problems.is_empty());

    // With room again, the same change goes through.
    let mut workspace = workspace;
    std::fs::remove_file(filler).unwrap();
    many(&mut workspace).unwrap();
    assert_eq!(
        workspace.history().unwrap().undo.as_deref(),
        Some("Add events")
    );
}

#[test]
fn a_disk_that_goes_away_fails_the_change_and_keeps_the_last_committed_state() {
    let mut disk = Mount::ext4_image("16M");
    let path = disk.point.join("deals.db");
    let mut workspace = sample(&path);
    let event = first_event(&workspace);
    workspace.rename_event(event, "Committed").unwrap();
    let before = snapshot(&workspace);

    disk.shut_down();
    let error = workspace.rename_event(event, "Never saved").unwrap_err();
    assert_eq!(error.code(), ErrorCode::Io, "{error}");
    assert!(
        error
            .to_string()
            .contains("as if its disk had been removed")
            && error.to_string().contains("the change was not saved"),
        "{error}"
    );
    drop(workspace);

    disk.remount();
    let workspace = Workspace::open_existing(&path).unwrap();
    assert_eq!(snapshot(&workspace), before);
    assert_eq!(workspace.event(event).unwrap().facts.title, "Committed");
    assert!(workspace.check().unwrap().problems.is_empty());
}

#[test]
fn a_file_moved_while_open_fails_the_change_and_can_be_saved_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("deals.db");
    let mut workspace = sample(&path);
    let event = first_event(&workspace);
    workspace.rename_event(event, "Committed").unwrap();
    let before = snapshot(&workspace);
    std::fs::rename(&path, dir.path().join("elsewhere.db")).unwrap();

    let error = workspace.rename_event(event, "Never saved").unwrap_err();
    assert_eq!(error.code(), ErrorCode::Io, "{error}");
    assert!(
        error
            .to_string()
            .contains("was moved or deleted while open")
    );
    assert_eq!(snapshot(&workspace), before);
    let copy = dir.path().join("copy.db");
    workspace.save_as(&copy).unwrap();
    drop(workspace);
    assert_eq!(snapshot(&Workspace::open_existing(&copy).unwrap()), before);
}

#[test]
fn a_damaged_workspace_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sound.db");
    drop(sample(&path));
    let sound = std::fs::read(&path).unwrap();
    let page = 4096;
    assert!(sound.len() > 40 * page);
    // A page of the schema's table, then a page in the middle of the data.
    for (name, damaged) in [("schema.db", 1), ("data.db", 20)] {
        let path = dir.path().join(name);
        let mut bytes = sound.clone();
        bytes[damaged * page..(damaged + 1) * page].fill(0x5a);
        std::fs::write(&path, &bytes).unwrap();
        let before = files(&path);
        let error = Workspace::open(&path)
            .and_then(|mut workspace| workspace.claim_editing())
            .expect_err("refused");
        assert_eq!(error.code(), ErrorCode::Corrupt, "{name}: {error}");
        assert!(error.to_string().contains("is damaged"), "{error}");
        assert_eq!(files(&path), before, "{name} changed");
    }
}

/// A file system mounted on a temporary folder for one test, unmounted
/// when dropped.
struct Mount {
    point: PathBuf,
    /// The ext4 image, to mount again after a shutdown.
    image: Option<PathBuf>,
    _dir: tempfile::TempDir,
}

impl Mount {
    fn new(args: &[&str], image: Option<PathBuf>, dir: tempfile::TempDir) -> Mount {
        let point = dir.path().join("mount");
        std::fs::create_dir_all(&point).unwrap();
        run(
            "mount",
            args.iter().copied().chain([point.to_str().unwrap()]),
        );
        Mount {
            point,
            image,
            _dir: dir,
        }
    }

    fn tmpfs(size: &str) -> Mount {
        let dir = tempfile::tempdir().unwrap();
        Mount::new(
            &["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"],
            None,
            dir,
        )
    }

    fn bind_read_only(folder: &Path) -> Mount {
        let dir = tempfile::tempdir().unwrap();
        let mount = Mount::new(&["--bind", folder.to_str().unwrap()], None, dir);
        run(
            "mount",
            ["-o", "remount,bind,ro", mount.point.to_str().unwrap()],
        );
        mount
    }

    fn ext4_image(size: &str) -> Mount {
        let dir = tempfile::tempdir().unwrap();
        let image = dir.path().join("disk.img");
        run("truncate", ["-s", size, image.to_str().unwrap()]);
        run("mkfs.ext4", ["-q", image.to_str().unwrap()]);
        let args = ["-o", "loop", image.to_str().unwrap()];
        Mount::new(&args, Some(image.clone()), dir)
    }

    /// Fills the disk with a file; returns its path.
    fn fill(&self) -> PathBuf {
        use std::io::Write;
        let path = self.point.join("filler");
        let mut file = std::fs::File::create(&path).unwrap();
        for chunk in [65536, 4096, 512] {
            while file.write_all(&vec![1; chunk]).is_ok() {}
        }
        path
    }

    /// Shuts the file system down as a removed drive leaves it: every read
    /// and write fails with EIO from now on (ext4's EXT4_IOC_SHUTDOWN,
    /// after writing out what it holds).
    fn shut_down(&mut self) {
        const EXT4_IOC_SHUTDOWN: libc::c_ulong = 0x8004_587d; // _IOR('X', 125, u32)
        const EXT4_GOING_FLAGS_DEFAULT: u32 = 0;
        let folder = std::fs::File::open(&self.point).unwrap();
        let flags = EXT4_GOING_FLAGS_DEFAULT;
        // SAFETY: the descriptor is open for the call and the argument is a u32.
        let done = unsafe {
            libc::ioctl(
                std::os::fd::AsRawFd::as_raw_fd(&folder),
                EXT4_IOC_SHUTDOWN,
                &flags,
            )
        };
        assert_eq!(done, 0, "{}", std::io::Error::last_os_error());
        assert!(std::fs::write(self.point.join("probe"), "x").is_err());
    }

    /// Unmounts the shut down file system and mounts its image again.
    fn remount(&mut self) {
        let point = self.point.to_str().unwrap().to_owned();
        run("umount", [point.as_str()]);
        let image = self.image.as_ref().unwrap().to_str().unwrap().to_owned();
        run("mount", ["-o", "loop", image.as_str(), point.as_str()]);
    }
}

impl Drop for Mount {
    fn drop(&mut self) {
        let point = self.point.to_str().unwrap();
        let unmounted = Command::new("umount").arg(point).status();
        if !unmounted.is_ok_and(|status| status.success()) {
            let _ = Command::new("umount").args(["-l", point]).status();
        }
    }
}

fn run<'a>(program: &str, args: impl IntoIterator<Item = &'a str>) {
    let args: Vec<&str> = args.into_iter().collect();
    let output = Command::new(program)
        .args(&args)
        .output()
        .unwrap_or_else(|error| panic!("could not run {program}: {error}"));
    assert!(
        output.status.success(),
        "{program} {} failed (these tests mount file systems, which needs root): {}",
        args.join(" "),
        String::from_utf8_lossy(&output.stderr)
    );
}
