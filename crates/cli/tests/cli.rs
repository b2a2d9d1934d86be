//! The `tideline` binary as scripts use it: its commands, JSON and exit codes.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::{Value, json};

fn tideline(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tideline"))
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .unwrap()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn json(output: &Output) -> Value {
    assert!(output.status.success(), "{}", stderr(output));
    serde_json::from_slice(&output.stdout).unwrap()
}

/// Exactly one line on stderr, starting `error:`.
fn assert_one_error_line(output: &Output) {
    let text = stderr(output);
    assert!(text.starts_with("error: "), "{text}");
    assert_eq!(text.trim_end().lines().count(), 1, "{text}");
}

fn sample_db(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let db = dir.path().join("sample.db");
    let output = tideline(&db, &["sample"]);
    assert!(output.status.success(), "{}", stderr(&output));
    db
}

#[test]
fn sample_then_events_gives_sourced_events_at_their_precision() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let events = json(&tideline(&db, &["events", "--json"]));
    let events = events.as_array().unwrap();
    assert!(events.len() >= 10);
    for event in events {
        for key in [
            "id",
            "title",
            "start",
            "end",
            "precision",
            "approximate",
            "uncertain",
            "kind",
            "confidence",
            "timelines",
            "sources",
        ] {
            assert!(event.get(key).is_some(), "{key} missing in {event}");
        }
        let sources = event["sources"].as_array().unwrap();
        assert!(!sources.is_empty(), "{} has no source", event["title"]);
        for source in sources {
            assert!(source["title"].is_string() && source["url"].is_string());
            assert!(!source["quote"].as_str().unwrap().is_empty());
        }
    }
    assert!(events.iter().any(|e| e["end"].is_string()), "a range");
    assert!(
        events
            .iter()
            .any(|e| e["precision"] == "year" || e["precision"] == "month")
    );
    let second = &events[1];
    assert_eq!(second["start"], "2021");
    assert_eq!(second["precision"], "year");
    assert_eq!(second["kind"], "investment");
    assert_eq!(second["confidence"], "confirmed");

    let timelines = json(&tideline(&db, &["timelines", "--json"]));
    let openai = timelines
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["title"] == "Microsoft–OpenAI")
        .unwrap();
    let count = openai["events"].as_u64().unwrap();
    let by_title = json(&tideline(
        &db,
        &["events", "--timeline", "Microsoft–OpenAI", "--json"],
    ));
    assert_eq!(by_title.as_array().unwrap().len() as u64, count);
    let id = openai["id"].to_string();
    assert_eq!(
        json(&tideline(&db, &["events", "--timeline", &id, "--json"])),
        by_title
    );
    assert!(by_title.as_array().unwrap().iter().all(|e| {
        e["timelines"]
            .as_array()
            .unwrap()
            .contains(&openai["title"])
    }));

    let check = tideline(&db, &["check"]);
    assert!(check.status.success(), "{}", stderr(&check));
    let conn = rusqlite::Connection::open(&db).unwrap();
    let mode: String = conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    assert!(version >= 1);
}

#[test]
fn sample_refuses_a_file_with_data_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let again = tideline(&db, &["sample"]);
    assert_eq!(again.status.code(), Some(1));
    assert_one_error_line(&again);
    assert!(stderr(&again).contains("--force"));
    let forced = tideline(&db, &["sample", "--force"]);
    assert!(forced.status.success(), "{}", stderr(&forced));
    let events = json(&tideline(&db, &["events", "--json"]));
    assert_eq!(
        events
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["title"] == "Microsoft invests $1B in OpenAI")
            .count(),
        1
    );
}

#[test]
fn a_file_from_a_newer_tideline_exits_2_and_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", 999).unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    for args in [&["check"][..], &["events", "--json"], &["timelines"]] {
        let output = tideline(&db, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert_one_error_line(&output);
        assert!(
            stderr(&output).contains("newer version of Tideline"),
            "{}",
            stderr(&output)
        );
    }
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn garbage_as_a_workspace_exits_2_and_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("notes.txt");
    std::fs::write(&text, "Meeting notes: call the FTC press office.\n").unwrap();
    let png = dir.path().join("chart.png");
    std::fs::write(
        &png,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0",
    )
    .unwrap();
    for path in [&text, &png] {
        let before = std::fs::read(path).unwrap();
        for args in [
            &["check"][..],
            &["events", "--json"],
            &["sample"],
            &["sample", "--force"],
        ] {
            let output = tideline(path, args);
            assert_eq!(output.status.code(), Some(2), "{} {args:?}", path.display());
            assert_one_error_line(&output);
            assert!(stderr(&output).contains("not a Tideline workspace"));
        }
        assert_eq!(std::fs::read(path).unwrap(), before);
        assert!(
            !dir.path()
                .join(format!(
                    "{}-wal",
                    path.file_name().unwrap().to_string_lossy()
                ))
                .exists()
        );
    }
}

#[test]
fn bad_arguments_and_unknown_timelines_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    for args in [
        &["events", "--timeline", "No such deal"][..],
        &["frobnicate"],
        &["events", "--bogus"],
    ] {
        let output = tideline(&db, args);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_one_error_line(&output);
    }
    let missing = tideline(&dir.path().join("missing.db"), &["events"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_one_error_line(&missing);
}

fn interop_fixture(name: &str) -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/interop")
        .join(name)
}

#[test]
fn import_prints_its_report_and_export_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("imported.db");
    let file = interop_fixture("timelinejs-eras.json");
    let report = json(&tideline(
        &db,
        &["import", file.to_str().unwrap(), "--json"],
    ));
    assert_eq!(report["title"], "Eras Test");
    assert_eq!(report["events"], 20);
    assert_eq!(report["skipped"], Value::Array(vec![]));
    assert!(report["warnings"].is_array());
    let id = report["timeline"].as_i64().unwrap();

    let out = dir.path().join("eras.json");
    let output = tideline(
        &db,
        &[
            "export",
            "Eras Test",
            "--format",
            "tideline-json",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let other = dir.path().join("other.db");
    let again = json(&tideline(
        &other,
        &[
            "import",
            out.to_str().unwrap(),
            "--format",
            "tideline-json",
            "--json",
        ],
    ));
    let out2 = dir.path().join("eras2.json");
    let id2 = again["timeline"].as_i64().unwrap().to_string();
    let output = tideline(
        &other,
        &[
            "export",
            &id2,
            "--format",
            "tideline-json",
            "--out",
            out2.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&out2).unwrap());

    // An existing file is never overwritten.
    let output = tideline(
        &db,
        &[
            "export",
            &id.to_string(),
            "--format",
            "csv",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
}

#[test]
fn a_refused_import_exits_1_naming_each_problem_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let before = json(&tideline(&db, &["events", "--json"]));
    let file = dir.path().join("bad.csv");
    std::fs::write(
        &file,
        "Year,Month,Day,Headline\n2019,13,,Month\n2019,1,32,Day\n2020,,,Fine\n",
    )
    .unwrap();
    let output = tideline(&db, &["import", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let text = stderr(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines.iter().all(|l| l.starts_with("error: ")), "{text}");
    assert!(
        lines[0].contains("line 2: Month: 13 is not a month"),
        "{text}"
    );
    assert!(lines[1].contains("line 3: Day"), "{text}");
    assert_eq!(json(&tideline(&db, &["events", "--json"])), before);

    let skipped = json(&tideline(
        &db,
        &[
            "import",
            file.to_str().unwrap(),
            "--skip-invalid",
            "--timeline",
            "Mixed",
            "--json",
        ],
    ));
    assert_eq!(skipped["events"], 1);
    assert_eq!(skipped["title"], "Mixed");
    assert_eq!(skipped["skipped"].as_array().unwrap().len(), 2);
    assert_eq!(skipped["skipped"][0]["place"], "line 2");
}

const SAMPLE: &str = "Microsoft–OpenAI";

/// `export SAMPLE --format FORMAT --out DIR/NAME` with `options`.
fn export_sample(db: &Path, out: &Path, format: &str, options: &[&str]) -> Output {
    let mut args = vec![
        "export",
        SAMPLE,
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(options);
    tideline(db, &args)
}

/// A PNG's width and height, from its signature and header.
fn png_size(png: &[u8]) -> (u32, u32) {
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"), "not a PNG");
    assert_eq!(&png[12..16], b"IHDR");
    let number = |at: usize| u32::from_be_bytes(png[at..at + 4].try_into().unwrap());
    (number(16), number(20))
}

#[test]
fn graphic_exports_write_svg_png_pdf_and_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let events = json(&tideline(&db, &["events", "--timeline", SAMPLE, "--json"]));
    let titles: Vec<&str> = events
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert!(titles.len() >= 10);

    let out = dir.path().join("wide.svg");
    let output = export_sample(&db, &out, "svg", &["--theme", "dark"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&out).unwrap();
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    assert_eq!(tree.size().width(), 1600.0);
    assert!(svg.contains(r#"aria-label="Microsoft invests $1B in OpenAI""#));
    assert!(svg.contains(r##"fill="#15181d""##), "the dark page");

    for (name, options, width, tall) in [
        (
            "wide.png",
            &["--width", "1200", "--scale", "2"][..],
            2400,
            false,
        ),
        (
            "tall.png",
            &["--layout", "vertical", "--width", "500", "--scale", "3"],
            1500,
            true,
        ),
    ] {
        let out = dir.path().join(name);
        let output = export_sample(&db, &out, "png", options);
        assert!(output.status.success(), "{}", stderr(&output));
        let (w, h) = png_size(&std::fs::read(&out).unwrap());
        assert_eq!(w, width, "{name}");
        assert_eq!(h > w, tall, "{name}: {w}×{h}");
    }

    let out = dir.path().join("print.pdf");
    let output = export_sample(&db, &out, "pdf", &["--theme", "print"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&out)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    assert!(text.status.success());
    let text = String::from_utf8(text.stdout).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for title in &titles {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&title), "{title:?} not in {text}");
    }

    let out = dir.path().join("brief.md");
    let output = export_sample(&db, &out, "md", &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let brief = std::fs::read_to_string(&out).unwrap();
    assert!(brief.starts_with(&format!("# {SAMPLE}\n")), "{brief}");
    assert!(
        brief.contains("[^1]") && brief.contains("\n[^1]: "),
        "{brief}"
    );
    assert!(
        brief.contains("Microsoft invests \\$1B in OpenAI"),
        "{brief}"
    );
}

#[test]
fn bad_graphic_options_exit_1_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let out = dir.path().join("out.png");
    for (format, options) in [
        ("png", &["--width", "100"][..]),
        ("svg", &["--width", "50000"]),
        ("png", &["--width", "wide"]),
        ("png", &["--scale", "4"]),
        ("png", &["--scale", "0"]),
        ("pdf", &["--scale", "-1"]),
        ("png", &["--theme", "neon"]),
        ("png", &["--layout", "diagonal"]),
        ("csv", &["--width", "800"]),
    ] {
        let output = export_sample(&db, &out, format, options);
        assert_eq!(
            output.status.code(),
            Some(1),
            "{format} {options:?}: {}",
            stderr(&output)
        );
        assert_one_error_line(&output);
        assert!(!out.exists(), "{format} {options:?} wrote a file");
    }

    // An existing file is refused, never overwritten.
    let output = export_sample(&db, &out, "png", &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let first = std::fs::read(&out).unwrap();
    let output = export_sample(&db, &out, "png", &["--scale", "2"]);
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
    assert!(stderr(&output).contains("already exists"));
    assert_eq!(std::fs::read(&out).unwrap(), first);
}

#[test]
fn backup_then_restore_brings_the_backup_back_and_keeps_the_replaced_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let backup = dir.path().join("saved.db");
    let output = tideline(&db, &["backup", "--out", backup.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("wrote a backup of "));
    let before = json(&tideline(&db, &["events", "--json"]));
    assert_eq!(json(&tideline(&backup, &["events", "--json"])), before);
    assert!(tideline(&backup, &["check"]).status.success());

    let csv = dir.path().join("extra.csv");
    std::fs::write(&csv, "title,start\nAdded after the backup,2024-05-01\n").unwrap();
    assert!(
        tideline(&db, &["import", csv.to_str().unwrap()])
            .status
            .success()
    );
    let edited = json(&tideline(&db, &["events", "--json"]));
    assert_ne!(edited, before);

    let output = tideline(&db, &["restore", backup.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let kept = dir.path().join("sample.before-restore.db");
    let said = String::from_utf8_lossy(&output.stdout).into_owned();
    assert!(said.contains(kept.to_str().unwrap()), "{said}");
    assert_eq!(json(&tideline(&db, &["events", "--json"])), before);
    assert_eq!(json(&tideline(&kept, &["events", "--json"])), edited);

    // A backup is never written over an existing file.
    let output = tideline(&db, &["backup", "--out", backup.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
}

#[test]
fn restoring_a_file_that_is_not_a_workspace_exits_2_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let before = json(&tideline(&db, &["events", "--json"]));
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "meeting notes, not a workspace").unwrap();

    let output = tideline(&db, &["restore", notes.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(2));
    assert_one_error_line(&output);
    assert!(stderr(&output).contains("is not a Tideline workspace"));
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "meeting notes, not a workspace"
    );
    assert_eq!(json(&tideline(&db, &["events", "--json"])), before);
    assert!(!dir.path().join("sample.before-restore.db").exists());
}

/// Every reading command, each writing to a new file in `dir`.
fn read_everything(db: &Path, dir: &Path) {
    let out = |name: &str| dir.join(name).to_str().unwrap().to_owned();
    for args in [
        vec!["timelines", "--json"],
        vec!["events", "--json"],
        vec!["check"],
        vec![
            "export",
            "--workspace",
            "--format",
            "tideline-json",
            "--out",
            &out("all.json"),
        ],
        vec![
            "export",
            "Microsoft–OpenAI",
            "--format",
            "md",
            "--out",
            &out("brief.md"),
        ],
        vec!["backup", "--out", &out("copy.db")],
    ] {
        let output = tideline(db, &args);
        assert!(output.status.success(), "{args:?}: {}", stderr(&output));
    }
}

/// A backup of `db` in `dir`, to restore.
fn saved(db: &Path, dir: &Path) -> std::path::PathBuf {
    let backup = dir.join("saved.db");
    let output = tideline(db, &["backup", "--out", backup.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    backup
}

/// Every writing command, each refused with exit code 2 and `says`.
fn every_write_is_refused(db: &Path, dir: &Path, backup: &Path, says: &str) {
    let csv = dir.join("extra.csv");
    std::fs::write(&csv, "title,start\nAdded,2024-05-01\n").unwrap();
    for args in [
        vec!["import", csv.to_str().unwrap()],
        vec!["sample", "--force"],
        vec!["restore", backup.to_str().unwrap()],
    ] {
        let output = tideline(db, &args);
        assert_eq!(
            output.status.code(),
            Some(2),
            "{args:?}: {}",
            stderr(&output)
        );
        assert_one_error_line(&output);
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    assert!(!dir.join("sample.before-restore.db").exists());
}

#[test]
fn while_the_app_edits_a_file_reading_commands_work_and_writing_ones_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let backup = saved(&db, dir.path());
    let before = json(&tideline(&db, &["events", "--json"]));
    // What the app does with the workspace in its window.
    let mut app = tideline_store::Workspace::open_existing(&db).unwrap();
    app.claim_editing().unwrap();

    read_everything(&db, dir.path());
    every_write_is_refused(
        &db,
        dir.path(),
        &backup,
        "is open for editing in another Tideline window or command; close it there first",
    );
    assert_eq!(json(&tideline(&db, &["events", "--json"])), before);

    drop(app);
    let csv = dir.path().join("extra.csv");
    let output = tideline(&db, &["import", csv.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
}

#[test]
fn a_read_only_workspace_is_read_and_never_written() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let backup = saved(&db, dir.path());
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let bytes = std::fs::read(&db).unwrap();

    read_everything(&db, dir.path());
    every_write_is_refused(&db, dir.path(), &backup, "is read-only");
    assert_eq!(std::fs::read(&db).unwrap(), bytes);
    let beside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.starts_with("sample.db"))
        .collect();
    assert_eq!(beside, ["sample.db"], "nothing was written beside it");
}

const DEALS: [&str; 3] = [
    "Microsoft–Activision Blizzard",
    "Microsoft–OpenAI",
    "Amazon–Anthropic",
];

fn compare(db: &Path, align: &str, format: &str, out: &Path) -> Output {
    let mut args = vec!["compare"];
    args.extend(DEALS);
    args.extend(["--align", align, "--format", format, "--out"]);
    args.push(out.to_str().unwrap());
    tideline(db, &args)
}

/// The offset of `timeline`'s first milestone of `kind`, as `[min, max]`.
fn offset(report: &Value, timeline: usize, kind: &str) -> Value {
    report["timelines"][timeline]["milestones"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == kind)
        .unwrap_or_else(|| panic!("no {kind} on timeline {timeline}"))["offset_days"]
        .clone()
}

#[test]
fn compare_aligns_the_sample_deals_on_their_first_regulatory_review() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let out = dir.path().join("deals.json");
    let output = compare(&db, "kind:regulatory-review", "json", &out);
    assert!(output.status.success(), "{}", stderr(&output));
    let report: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(report["alignment"], "kind:regulatory-review");
    let titles: Vec<&str> = report["timelines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, DEALS);
    // The fact sheets' dates, counted by hand from each T0:
    // Activision: T0 = CMA Phase 1, 6 Jul 2022.
    let t0 = &report["timelines"][0]["t0"];
    assert_eq!(t0["date"], "2022-07-06");
    assert_eq!(t0["kind"], "regulatory-review");
    // announced 18 Jan 2022: 169 days before; shareholders 28 Apr 2022:
    // 69 before; restructured 22 Aug 2023: 412 after; closed 13 Oct 2023:
    // 464 after.
    assert_eq!(offset(&report, 0, "announcement"), json!([-169, -169]));
    assert_eq!(offset(&report, 0, "decision"), json!([-69, -69]));
    assert_eq!(offset(&report, 0, "regulatory-filing"), json!([412, 412]));
    assert_eq!(offset(&report, 0, "closing"), json!([464, 464]));
    assert_eq!(offset(&report, 0, "regulatory-review"), json!([0, 0]));
    // OpenAI: T0 = the CMA's invitation to comment, 8 Dec 2023; the EU
    // closes its merger question 28 Jun 2024 (203 days), the MOU 11 Sep
    // 2025 (643), the definitive agreement 28 Oct 2025 (690).
    assert_eq!(report["timelines"][1]["t0"]["date"], "2023-12-08");
    assert_eq!(offset(&report, 1, "decision"), json!([203, 203]));
    assert_eq!(offset(&report, 1, "mou"), json!([643, 643]));
    assert_eq!(
        offset(&report, 1, "definitive-agreement"),
        json!([690, 690])
    );
    // Anthropic: T0 = the FTC's inquiry, 25 Jan 2024; the CMA clears the
    // partnership 27 Sep 2024 (246 days).
    assert_eq!(report["timelines"][2]["t0"]["date"], "2024-01-25");
    assert_eq!(offset(&report, 2, "decision"), json!([246, 246]));
    // Review to decision: 203 and 246 days (Activision's decision came
    // first, so it has no such step); median 224.
    let durations = report["durations"].as_array().unwrap();
    let review_to_decision = durations
        .iter()
        .find(|d| d["from"] == "regulatory-review" && d["to"] == "decision")
        .unwrap();
    assert_eq!(
        review_to_decision["cells"],
        json!([null, [203, 203], [246, 246]])
    );
    assert_eq!(review_to_decision["stats"]["median"], json!([224, 224]));

    // The brief and the graphic of the same comparison.
    for (format, needle) in [
        ("md", "| Closing | +15.2 months | — | — |"),
        ("svg", "<svg"),
    ] {
        let out = dir.path().join(format!("deals.{format}"));
        let output = compare(&db, "kind:regulatory-review", format, &out);
        assert!(output.status.success(), "{}", stderr(&output));
        let text = std::fs::read_to_string(&out).unwrap();
        assert!(text.contains(needle), "{format}: {needle}");
    }
}

#[test]
fn compare_refuses_an_alignment_a_timeline_cannot_meet_and_an_existing_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let out = dir.path().join("deals.json");
    let output = compare(&db, "kind:closing", "json", &out);
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
    assert!(
        stderr(&output).contains("\"Microsoft–OpenAI\" has no closing event"),
        "{}",
        stderr(&output)
    );
    assert!(!out.exists());

    let output = compare(&db, "kind:merger", "json", &out);
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
    let output = compare(&db, "events:1,2", "json", &out);
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
    assert!(!out.exists());

    std::fs::write(&out, "keep").unwrap();
    let output = compare(&db, "calendar", "json", &out);
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "keep");

    let output = tideline(
        &db,
        &["compare", DEALS[0], "--format", "json", "--out", "x.json"],
    );
    assert_eq!(
        output.status.code(),
        Some(1),
        "one timeline is not a comparison"
    );
}

#[test]
fn size_takes_presets_and_dimensions_and_refuses_others_with_one_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    for (size, expected) in [("social-square", (1080, 1080)), ("1600x900", (1600, 900))] {
        let out = dir.path().join(format!("{size}.png"));
        let output = tideline(
            &db,
            &[
                "export",
                "1",
                "--format",
                "png",
                "--size",
                size,
                "--out",
                out.to_str().unwrap(),
            ],
        );
        assert!(output.status.success(), "{}", stderr(&output));
        assert_eq!(png_size(&std::fs::read(&out).unwrap()), expected, "{size}");
    }
    for args in [
        &["export", "1", "--format", "png", "--size", "tabloid"][..],
        &["compare", "1", "2", "--format", "svg", "--size", "12x"][..],
    ] {
        let out = dir.path().join("refused.png");
        let mut args = args.to_vec();
        args.extend(["--out", out.to_str().unwrap()]);
        let output = tideline(&db, &args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_one_error_line(&output);
        assert!(
            stderr(&output).contains("column-640"),
            "{}",
            stderr(&output)
        );
        assert!(!out.exists());
    }
}

#[test]
fn locale_and_style_change_the_words_and_refuse_unknown_ones_with_one_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let out = dir.path().join("de.md");
    let output = tideline(
        &db,
        &[
            "export",
            "1",
            "--format",
            "md",
            "--locale",
            "de",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let brief = std::fs::read_to_string(&out).unwrap();
    assert!(
        brief.contains("## Chronologie") && brief.contains("22. Juli 2019"),
        "{brief}"
    );
    for args in [
        &["export", "1", "--format", "svg", "--locale", "xx"][..],
        &["export", "1", "--format", "svg", "--style", "Nope"][..],
        &[
            "compare", "1", "2", "--format", "svg", "--locale", "klingon",
        ][..],
        &["compare", "1", "2", "--format", "svg", "--style", "Nope"][..],
    ] {
        let out = dir.path().join("refused.svg");
        let mut args = args.to_vec();
        args.extend(["--out", out.to_str().unwrap()]);
        let output = tideline(&db, &args);
        assert_eq!(output.status.code(), Some(1), "{args:?}");
        assert_one_error_line(&output);
        assert!(!out.exists());
    }
}

#[test]
fn styles_are_imported_listed_exported_and_used_by_name() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let file = dir.path().join("desk.toml");
    std::fs::write(
        &file,
        "name = \"Desk\"\ncredit = \"Graphic: Desk\"\n[colours.kinds]\ninvestment = \"#ff00aa\"\n[presets]\nnewsletter = \"600x750\"\n",
    )
    .unwrap();
    let output = tideline(&db, &["style", "import", file.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(String::from_utf8_lossy(&output.stdout).contains("imported style Desk"));
    let listed = json(&tideline(&db, &["style", "list", "--json"]));
    let names: Vec<&str> = listed
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["tideline", "Desk"]);
    let exported = dir.path().join("again.toml");
    let output = tideline(
        &db,
        &[
            "style",
            "export",
            "Desk",
            "--out",
            exported.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        std::fs::read_to_string(&exported)
            .unwrap()
            .contains("#ff00aa")
    );
    // By name, with the style's own size preset.
    let svg = dir.path().join("desk.svg");
    let output = tideline(
        &db,
        &[
            "export",
            "1",
            "--format",
            "svg",
            "--style",
            "Desk",
            "--size",
            "newsletter",
            "--out",
            svg.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let svg = std::fs::read_to_string(&svg).unwrap();
    assert!(svg.contains("#ff00aa") && svg.contains(r#"width="600" height="750""#));
    // A style that is not one: one error line, nothing stored.
    std::fs::write(
        &file,
        "name = \"Bad\"\n[colours.kinds]\ninvestment = \"pink\"\n",
    )
    .unwrap();
    let output = tideline(&db, &["style", "import", file.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
    let listed = json(&tideline(&db, &["style", "list", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 2);
}

#[test]
fn search_finds_events_by_their_words_and_sources_best_first() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    // A word in a title.
    let found = json(&tideline(&db, &["search", "Altman", "--json"]));
    let titles: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["title"].as_str().unwrap())
        .collect();
    assert!(
        !titles.is_empty() && titles.iter().all(|t| t.contains("Altman")),
        "{titles:?}"
    );
    // The shape of `events --json`: the same keys.
    let all = json(&tideline(&db, &["events", "--json"]));
    let keys = |v: &Value| {
        let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        keys.sort();
        keys
    };
    assert_eq!(keys(&found[0]), keys(&all[0]));
    // Limited, and on one timeline.
    let one = json(&tideline(
        &db,
        &[
            "search",
            "CMA",
            "--timeline",
            "Amazon–Anthropic",
            "--limit",
            "1",
            "--json",
        ],
    ));
    assert_eq!(one.as_array().unwrap().len(), 1);
    let ids: Vec<u64> = json(&tideline(
        &db,
        &["events", "--timeline", "Amazon–Anthropic", "--json"],
    ))
    .as_array()
    .unwrap()
    .iter()
    .map(|e| e["id"].as_u64().unwrap())
    .collect();
    assert!(ids.contains(&one[0]["id"].as_u64().unwrap()));
    // Nothing found is no error; no words is one.
    let none = tideline(&db, &["search", "zzzyzx", "--json"]);
    assert!(none.status.success());
    assert_eq!(json(&none), serde_json::json!([]));
    let output = tideline(&db, &["search", "  --- "]);
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
}

#[test]
fn a_web_page_exports_with_its_embed_snippet_and_picture_or_not_at_all() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_db(&dir);
    let page = dir.path().join("deal.html");
    let snippet = dir.path().join("embed.html");
    let embed = snippet.to_str().unwrap();
    let output = export_sample(&db, &page, "html", &["--embed", embed]);
    assert!(output.status.success(), "{}", stderr(&output));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    let snippet_html = std::fs::read_to_string(&snippet).unwrap();
    assert!(
        snippet_html.starts_with("<iframe src=\"deal.html\" title=\"Microsoft–OpenAI\""),
        "{snippet_html}"
    );
    assert!(
        snippet_html.contains(
            "<noscript><img src=\"embed.png\" alt=\"18 events from 22 Jul 2019 to 28 Oct 2025 in 3 lanes.\""
        ),
        "{snippet_html}"
    );
    let png = std::fs::read(dir.path().join("embed.png")).unwrap();
    assert_eq!(png_size(&png).0, 1600);

    // A snippet that is there already refuses the whole export.
    let other = dir.path().join("other.html");
    let output = export_sample(&db, &other, "html", &["--embed", embed]);
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
    assert!(
        stderr(&output).contains("already exists"),
        "{}",
        stderr(&output)
    );
    assert!(!other.exists());
    // --embed is for pages only.
    let svg = dir.path().join("deal.svg");
    let output = export_sample(&db, &svg, "svg", &["--embed", embed]);
    assert_eq!(output.status.code(), Some(1));
    assert_one_error_line(&output);
    assert!(!svg.exists());
}
