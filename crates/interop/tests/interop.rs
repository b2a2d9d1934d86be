//! Import and export on real workspace files: the TimelineJS and Markwhen
//! projects' own examples, every hostile file refused with the workspace
//! left byte for byte as it was, and the round trips.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use tideline_interop::{ExportFormat, ImportFormat, ParseOptions};
use tideline_model::compare::Alignment;
use tideline_model::{Date, Precision, TimelineDraft};
use tideline_store::views::{
    ComparisonRequest, EventFilter, EventView, ImportOptions, TimelineView,
};
use tideline_store::{ErrorCode, StoreError, Workspace};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/interop")
        .join(name)
}

fn today() -> Date {
    Date::day(2026, 1, 15).unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    workspace: Workspace,
}

fn workspace() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("workspace.db");
    let workspace = Workspace::open(&path).unwrap();
    Fixture {
        _dir: dir,
        path,
        workspace,
    }
}

fn sample() -> Fixture {
    let mut fx = workspace();
    fx.workspace.replace_with_sample().unwrap();
    fx
}

impl Fixture {
    fn import(
        &mut self,
        name: &str,
        bytes: &[u8],
        options: &ImportOptions,
    ) -> tideline_store::Result<TimelineView> {
        let report = self.workspace.import(name, bytes, options, today())?;
        Ok(self.workspace.timeline(report.timeline.unwrap()).unwrap())
    }

    fn import_fixture(&mut self, name: &str) -> TimelineView {
        let bytes = std::fs::read(fixture(name)).unwrap();
        self.import(name, &bytes, &ImportOptions::default())
            .unwrap()
    }

    /// Every row of every table (history, search index and schema
    /// included), for "nothing changed".
    fn dump(&self) -> Vec<String> {
        let conn = Connection::open(&self.path).unwrap();
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        let mut out: Vec<String> = conn
            .prepare("SELECT type || name || coalesce(sql, '') FROM sqlite_master ORDER BY name")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for table in tables {
            let columns: Vec<String> = conn
                .prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
                .unwrap()
                .query_map([], |row| row.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            if columns.is_empty() {
                continue;
            }
            let row = columns
                .iter()
                .map(|c| format!("quote(\"{c}\")"))
                .collect::<Vec<_>>()
                .join(" || ',' || ");
            let sql = format!("SELECT '{table}:' || {row} FROM \"{table}\" ORDER BY 1");
            let rows: Vec<String> = conn
                .prepare(&sql)
                .unwrap()
                .query_map([], |row| row.get(0))
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            out.extend(rows);
        }
        out
    }
}

fn precisions(view: &TimelineView) -> Vec<Precision> {
    view.events.iter().map(|e| e.facts.precision).collect()
}

fn lanes(view: &TimelineView) -> Vec<&str> {
    view.lanes.iter().map(|l| l.name.as_str()).collect()
}

fn lane_of(view: &TimelineView, event: &EventView) -> String {
    let placement = view
        .placements
        .iter()
        .find(|p| p.event_id == event.facts.id)
        .unwrap();
    view.lanes
        .iter()
        .find(|l| l.id == placement.lane_id)
        .unwrap()
        .name
        .clone()
}

#[test]
fn timelinejs_examples_import_with_their_precision_eras_and_media() {
    let mut fx = workspace();
    let eras = fx.import_fixture("timelinejs-eras.json");
    assert_eq!(eras.title, "Eras Test");
    assert_eq!(eras.events.len(), 20);
    let years = precisions(&eras)
        .iter()
        .filter(|p| **p == Precision::Year)
        .count();
    let days = precisions(&eras)
        .iter()
        .filter(|p| **p == Precision::Day)
        .count();
    assert_eq!((years, days), (16, 4), "a row with a year only is a year");
    assert_eq!(lanes(&eras), ["Events"]);
    let spans: Vec<_> = eras
        .annotations
        .iter()
        .map(|a| {
            (
                a.start.clone().unwrap(),
                a.end.clone().unwrap(),
                a.text.clone(),
            )
        })
        .collect();
    assert_eq!(spans.len(), 3, "eras become shaded spans");
    assert!(spans.contains(&("0600".into(), "0650".into(), "Era Test 600-650".into())));
    let war = eras
        .events
        .iter()
        .find(|e| e.facts.title == "Last great Roman-Persian War.")
        .unwrap();
    assert_eq!(
        (war.facts.start.as_str(), war.facts.end.as_deref()),
        ("0602", Some("0629"))
    );
    assert_eq!(
        war.media.as_ref().unwrap().url,
        "https://en.wikipedia.org/wiki/Roman-Persian_Wars"
    );

    let women = fx.import_fixture("timelinejs-women-in-computing.json");
    assert_eq!(women.events.len(), 10);
    let count = |view: &TimelineView, precision: Precision| {
        precisions(view).iter().filter(|p| **p == precision).count()
    };
    // Parts given as "" are not given: the same slides as the CSV below.
    assert_eq!(
        [Precision::Year, Precision::Month, Precision::Day].map(|p| count(&women, p)),
        [6, 1, 3]
    );
    let ada = women
        .events
        .iter()
        .find(|e| e.facts.title == "Ada Lovelace")
        .unwrap();
    assert_eq!(
        (ada.facts.start.as_str(), ada.facts.end.as_deref()),
        ("1815-12-10", Some("1852-11-27"))
    );
    let media = ada.media.as_ref().unwrap();
    assert_eq!(media.credit, "Wikimedia Commons");
    assert!(
        media.caption.starts_with("<a href="),
        "markup is kept as text"
    );
    assert!(
        ada.description
            .starts_with("<p>Women have been programming")
    );

    let sheet = fx.import_fixture("timelinejs-my-own-timeline.csv");
    assert_eq!(
        sheet.title, "MY OWN CSV",
        "the title row titles the timeline"
    );
    assert_eq!(sheet.events.len(), 10);
    assert_eq!(
        [Precision::Year, Precision::Month, Precision::Day].map(|p| count(&sheet, p)),
        [6, 1, 3]
    );
    let eniac = sheet
        .events
        .iter()
        .find(|e| e.facts.title == "...And the women who made it work")
        .unwrap();
    assert_eq!(
        (eniac.facts.start.as_str(), eniac.facts.end.as_deref()),
        ("1943-07", Some("1946"))
    );
}

#[test]
fn markwhen_examples_import_with_their_groups_sections_and_relative_dates() {
    let mut fx = workspace();
    let example = fx.import_fixture("markwhen-example.mw");
    assert_eq!(example.title, "Welcome to Markwhen 👋");
    assert_eq!(example.events.len(), 11);
    assert_eq!(
        lanes(&example),
        ["Welcome", "Project 1", "Project 2", "Project 3", "Events"]
    );
    let sub = example
        .events
        .iter()
        .find(|e| e.facts.title == "Sub task 2")
        .unwrap();
    assert_eq!(
        (sub.facts.start.as_str(), sub.facts.end.as_deref()),
        ("2023-03", Some("2023-06"))
    );
    assert_eq!(sub.facts.precision, Precision::Month);
    assert_eq!(sub.tags, ["Michelle"]);
    assert!(sub.description.contains("We need to get this done"));
    assert_eq!(lane_of(&example, sub), "Project 1");
    let larger = example
        .events
        .iter()
        .find(|e| e.facts.title == "Larger sub task")
        .unwrap();
    assert_eq!(
        larger.facts.end.as_deref(),
        Some("2023-07"),
        "4 months from April"
    );
    let now = example
        .events
        .iter()
        .filter(|e| e.facts.start == "2026-01-15")
        .count();
    assert_eq!(now, 2, "`now` is the day passed in");

    let sections = fx.import_fixture("markwhen-parser-sections.mw");
    assert_eq!(sections.events.len(), 4);
    // The innermost heading names the lane; one with no events of its own
    // makes none.
    assert_eq!(lanes(&sections), ["t section", "UK section"]);
    assert!(precisions(&sections).iter().all(|p| *p == Precision::Day));

    let relative = fx.import_fixture("markwhen-parser-relative.mw");
    let dates: Vec<_> = relative
        .events
        .iter()
        .map(|e| (e.facts.start.clone(), e.facts.end.clone()))
        .collect();
    assert_eq!(
        dates,
        [
            ("1941-12-07".to_owned(), None),
            ("1941-12-08".to_owned(), Some("2041-12-07".to_owned()))
        ]
    );
}

/// A file that must be refused, and a word its problems must mention.
fn refused(fx: &mut Fixture, name: &str, bytes: &[u8], expected: &str) {
    let before = fx.dump();
    let error = fx
        .workspace
        .import(name, bytes, &ImportOptions::default(), today())
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::ImportInvalid, "{name}: {error}");
    let StoreError::ImportRefused { problems } = &error else {
        panic!("{name}: {error}");
    };
    assert!(
        problems
            .iter()
            .any(|p| p.message.contains(expected) || p.place.contains(expected)),
        "{name}: {problems:#?}"
    );
    assert!(problems.iter().all(|p| !p.place.is_empty()));
    assert_eq!(fx.dump(), before, "{name} changed the workspace");
}

fn timelinejs_event(start_date: &str, headline: &str) -> String {
    format!(r#"{{"start_date": {start_date}, "text": {{"headline": {headline}}}}}"#)
}

#[test]
fn hostile_files_are_refused_with_their_place_and_change_nothing() {
    let mut fx = sample();
    let good = timelinejs_event(r#"{"year": 2019}"#, r#""Fine""#);
    let file = |events: &[String]| format!(r#"{{"events": [{}]}}"#, events.join(","));
    refused(
        &mut fx,
        "t.json",
        br#"{"events": [{"start_date": {"year": 20"#,
        "truncated",
    );
    refused(
        &mut fx,
        "t.json",
        file(&[
            good.clone(),
            timelinejs_event(r#"{"year": 2019, "month": 13}"#, r#""M""#),
        ])
        .as_bytes(),
        "events[1].start_date.month",
    );
    refused(
        &mut fx,
        "t.json",
        file(&[timelinejs_event(
            r#"{"year": 2019, "month": 1, "day": 32}"#,
            r#""D""#,
        )])
        .as_bytes(),
        "events[0].start_date.day",
    );
    refused(
        &mut fx,
        "t.json",
        file(&[timelinejs_event(r#"{"year": 0}"#, r#""Y""#)]).as_bytes(),
        "no year 0",
    );
    refused(
        &mut fx,
        "t.json",
        file(&[timelinejs_event(r#"{"year": [2019]}"#, r#""W""#)]).as_bytes(),
        "expected a whole number",
    );
    refused(
        &mut fx,
        "t.json",
        file(&[timelinejs_event(r#"{"year": 2019}"#, "42")]).as_bytes(),
        "events[0].text.headline",
    );
    refused(&mut fx, "t.json", br#"{"events": 7}"#, "expected a list");
    refused(&mut fx, "t.json", b"[1, 2]", "expected an object");
    let big = "x".repeat(1 << 20);
    refused(
        &mut fx,
        "t.json",
        file(&[timelinejs_event(r#"{"year": 2019}"#, &format!("{big:?}"))]).as_bytes(),
        "characters long",
    );
    let deep = format!(
        r#"{{"events": {}{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    refused(&mut fx, "t.json", deep.as_bytes(), "recursion limit");
    let mut latin1 = b"Year,Month,Day,Headline\n2019,,,Caf".to_vec();
    latin1.extend(b"\xE9\n");
    refused(&mut fx, "t.csv", &latin1, "not UTF-8");
    refused(
        &mut fx,
        "t.csv",
        b"Year,Month,Day,Headline\n2019,13,,Month\n2019,1,32,Day\n0,,,Zero\n",
        "Month: 13 is not a month",
    );
    refused(
        &mut fx,
        "t.csv",
        b"Year,Headline\nabc,Wrong type\n",
        "Year: \"abc\" is not a whole number",
    );
    refused(
        &mut fx,
        "t.mw",
        b"title: T\n\n2023-13-01: month 13\n2023-01-32: day 32\n",
        "line 3",
    );
    refused(
        &mut fx,
        "t.csv",
        format!("title,start\n{big},2019\n").as_bytes(),
        "characters long",
    );
    refused(&mut fx, "t.json", br#"{"tideline": 1, "timelines": [], "events": [{"key": "e1", "title": "x", "start": "2019-13", "kind": "other", "confidence": "confirmed"}], "sources": []}"#, "events[0].start");
    refused(
        &mut fx,
        "t.json",
        br#"{"tideline": 2, "timelines": [], "events": [], "sources": []}"#,
        "update Tideline",
    );
    refused(&mut fx, "t.json", b"", "truncated");

    // Every problem is listed, not only the first.
    let error = fx
        .workspace
        .import(
            "t.csv",
            b"Year,Month,Day,Headline\n2019,13,,A\n2019,1,32,B\n0,,,C\n2019,,,D\n",
            &ImportOptions::default(),
            today(),
        )
        .unwrap_err();
    let StoreError::ImportRefused { problems } = error else {
        panic!()
    };
    let places: Vec<&str> = problems.iter().map(|p| p.place.as_str()).collect();
    assert_eq!(places, ["line 2", "line 3", "line 4"]);
}

#[test]
fn a_bom_is_accepted_and_markup_stays_text() {
    let mut fx = workspace();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(
        b"Year,Month,Day,Headline,Text\n2019,7,22,<b>Deal</b> <script>alert(1)</script>,<p>x</p>\n",
    );
    let view = fx
        .import("bom.csv", &bytes, &ImportOptions::default())
        .unwrap();
    assert_eq!(view.events.len(), 1);
    assert_eq!(
        view.events[0].facts.title,
        "<b>Deal</b> <script>alert(1)</script>"
    );
    assert_eq!(view.events[0].description, "<p>x</p>");
    assert_eq!(view.events[0].facts.precision, Precision::Day);
}

#[test]
fn skip_invalid_imports_the_valid_events_and_lists_the_others() {
    let mut fx = workspace();
    let bytes =
        b"Year,Month,Day,Headline,Group\n2019,13,,Bad,A\n2019,7,,Good,Finance\n2020,,,Also good,\n";
    let report = fx
        .workspace
        .import(
            "mixed.csv",
            bytes,
            &ImportOptions {
                skip_invalid: true,
                timeline: Some("Mixed".to_owned()),
                ..ImportOptions::default()
            },
            today(),
        )
        .unwrap();
    assert_eq!(report.events, 2);
    assert_eq!(report.title, "Mixed");
    assert_eq!(report.skipped.len(), 1);
    assert_eq!(report.skipped[0].place, "line 2");
    let view = fx.workspace.timeline(report.timeline.unwrap()).unwrap();
    assert_eq!(lanes(&view), ["Finance", "Events"]);

    // Importing into the same timeline again adds events and missing lanes.
    let more = b"Year,Headline,Group\n2021,More,Legal\n";
    let again = fx
        .workspace
        .import(
            "more.csv",
            more,
            &ImportOptions {
                timeline: Some("Mixed".into()),
                ..ImportOptions::default()
            },
            today(),
        )
        .unwrap();
    assert_eq!(again.timeline, report.timeline);
    let view = fx.workspace.timeline(report.timeline.unwrap()).unwrap();
    assert_eq!(lanes(&view), ["Finance", "Events", "Legal"]);
    assert_eq!(view.events.len(), 3);

    // An import is one undoable step.
    assert_eq!(
        fx.workspace.undo().unwrap().as_deref(),
        Some("Import more.csv")
    );
    assert_eq!(
        fx.workspace
            .timeline(report.timeline.unwrap())
            .unwrap()
            .events
            .len(),
        2
    );
}

/// Every row of the user tables and of the search index's content, for
/// "undo restored the workspace" (the undo history and the index's
/// segments differ by design).
fn contents(fx: &Fixture) -> Vec<String> {
    fx.dump()
        .into_iter()
        .filter(|row| {
            !["history_", "event_search_data:", "event_search_idx:"]
                .iter()
                .any(|prefix| row.starts_with(prefix))
        })
        .collect()
}

fn search(fx: &Fixture, query: &str) -> Vec<String> {
    fx.workspace
        .events(&EventFilter {
            query: Some(query.to_owned()),
            ..EventFilter::default()
        })
        .unwrap()
        .into_iter()
        .map(|event| event.facts.title)
        .collect()
}

fn check_search_index(fx: &Fixture) {
    Connection::open(&fx.path)
        .unwrap()
        .execute(
            "INSERT INTO event_search (event_search) VALUES ('integrity-check')",
            [],
        )
        .unwrap();
}

#[test]
fn a_large_import_is_searchable_and_undone_and_redone_exactly() {
    let mut fx = sample();
    let before = contents(&fx);
    // More rows than one INSERT statement takes, each citing a source.
    let mut csv = String::from("title,start,lane,description,source_url,source_title,quote\n");
    for i in 0..1234 {
        let lane = ["Deals", "Courts"][i % 2];
        writeln!(
            csv,
            "Bulk event {i},2020-01-{:02},{lane},Detail zeta{i},https://example.org/{i},Report omega{i},said quotation{i}",
            1 + i % 28
        )
        .unwrap();
    }
    let report = fx
        .workspace
        .import(
            "bulk.csv",
            csv.as_bytes(),
            &ImportOptions::default(),
            today(),
        )
        .unwrap();
    assert_eq!(report.events, 1234);
    let view = fx.workspace.timeline(report.timeline.unwrap()).unwrap();
    assert_eq!(view.events.len(), 1234);
    assert_eq!(view.placements.len(), 1234);
    assert_eq!(lanes(&view), ["Deals", "Courts"]);
    let event = view
        .events
        .iter()
        .find(|e| e.facts.title == "Bulk event 1233")
        .unwrap();
    assert_eq!(lane_of(&view, event), "Courts");
    assert_eq!(event.sources[0].quote, "said quotation1233");

    // Found by title, description, source title and quote.
    let imported = |fx: &Fixture| {
        [
            search(fx, "bulk event 7"),
            search(fx, "zeta1233"),
            search(fx, "omega600"),
            search(fx, "quotation17"),
        ]
    };
    let found = imported(&fx);
    assert_eq!(found[0].len(), 1 + 10 + 100, "{:?}", found[0]);
    assert_eq!(found[1], ["Bulk event 1233"]);
    assert_eq!(found[2], ["Bulk event 600"]);
    let mut quoted = found[3].clone();
    quoted.sort();
    let expected: Vec<String> = std::iter::once(17)
        .chain(170..180)
        .map(|i| format!("Bulk event {i}"))
        .collect();
    assert_eq!(quoted, expected);
    check_search_index(&fx);
    let after = contents(&fx);
    // Its undo is a statement for each new source, the timeline and its two
    // lanes, and one each for all the events (with their citations) and all
    // the placements: not one for every row.
    let recorded: i64 = Connection::open(&fx.path)
        .unwrap()
        .query_row(
            "SELECT count(*) FROM history_entry
             WHERE step_id = (SELECT max(id) FROM history_step WHERE stack = 'undo')",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(recorded, 1234 + 1 + 2 + 1 + 1);

    assert_eq!(
        fx.workspace.undo().unwrap().as_deref(),
        Some("Import bulk.csv")
    );
    assert_eq!(contents(&fx), before);
    assert!(imported(&fx).iter().all(Vec::is_empty));
    check_search_index(&fx);

    fx.workspace.redo().unwrap();
    assert_eq!(contents(&fx), after);
    assert_eq!(imported(&fx), found);
    check_search_index(&fx);

    // The file's triggers run again after the import: an edit is undone and
    // the index follows it.
    fx.workspace
        .rename_event(event.facts.id, "Renamed")
        .unwrap();
    assert_eq!(search(&fx, "renamed"), ["Renamed"]);
    fx.workspace.undo().unwrap();
    assert_eq!(contents(&fx), after);
    check_search_index(&fx);
}

#[test]
fn a_preview_counts_without_writing() {
    let fx = sample();
    let before = fx.dump();
    let bytes = std::fs::read(fixture("markwhen-example.mw")).unwrap();
    let preview =
        tideline_store::preview_import("example.mw", &bytes, &ImportOptions::default(), today());
    assert_eq!(preview.format, Some(ImportFormat::Markwhen));
    assert_eq!(preview.events, 11);
    assert_eq!(preview.lanes.len(), 5);
    assert_eq!(preview.start_label.as_deref(), Some("Jan 2023"));
    assert_eq!(preview.end_label.as_deref(), Some("15 Jan 2026"));
    assert!(preview.problems.is_empty() && !preview.unreadable);
    assert_eq!(preview.warnings.len(), 1);
    let bad = tideline_store::preview_import("x.json", b"{", &ImportOptions::default(), today());
    assert!(bad.unreadable);
    assert_eq!(bad.problems[0].place, "line 1, column 1");
    assert_eq!(fx.dump(), before);
}

#[test]
fn tideline_json_round_trips_byte_for_byte() {
    let mut fx = sample();
    let first = fx.workspace.export_workspace().unwrap();
    let mut copy = workspace();
    let report = copy
        .workspace
        .import("backup.json", &first, &ImportOptions::default(), today())
        .unwrap();
    assert!(report.warnings.is_empty() && report.skipped.is_empty());
    let second = copy.workspace.export_workspace().unwrap();
    assert_eq!(
        String::from_utf8(second).unwrap(),
        String::from_utf8(first.clone()).unwrap()
    );

    // One timeline too, placed events and their sources only.
    let id = fx.workspace.timelines().unwrap()[0].id;
    let one = fx.workspace.export(id, ExportFormat::TidelineJson).unwrap();
    let mut copy = workspace();
    let report = copy
        .workspace
        .import("one.json", &one, &ImportOptions::default(), today())
        .unwrap();
    let again = copy
        .workspace
        .export(report.timeline.unwrap(), ExportFormat::TidelineJson)
        .unwrap();
    assert_eq!(again, one);
    let text = String::from_utf8(one).unwrap();
    assert!(!text.contains("\"id\""), "no database ids in the file");
    assert!(
        !text.contains("\"summary\""),
        "no summary key when there is none"
    );

    // A timeline's own summary travels with it.
    let view = fx.workspace.timeline(id).unwrap();
    fx.workspace
        .update_timeline(
            id,
            TimelineDraft {
                title: view.title.clone(),
                subtitle: view.subtitle.clone(),
                description: view.description.clone(),
                colour: view.colour.clone(),
                summary: "A partnership in one line.".to_owned(),
            },
        )
        .unwrap();
    let summed = fx.workspace.export(id, ExportFormat::TidelineJson).unwrap();
    let mut copy = workspace();
    let report = copy
        .workspace
        .import("summed.json", &summed, &ImportOptions::default(), today())
        .unwrap();
    let copied = copy.workspace.timeline(report.timeline.unwrap()).unwrap();
    assert_eq!(copied.summary, "A partnership in one line.");
}

#[test]
fn timelinejs_and_csv_exports_reimport_to_the_same_events_dates_and_lanes() {
    let fx = sample();
    let id = fx.workspace.timelines().unwrap()[0].id;
    let original = fx.workspace.timeline(id).unwrap();
    let shape = |view: &TimelineView| -> Vec<(String, String, Option<String>, String)> {
        let mut rows: Vec<_> = view
            .events
            .iter()
            .map(|e| {
                (
                    e.facts.title.clone(),
                    e.facts.start.clone(),
                    e.facts.end.clone(),
                    lane_of(view, e),
                )
            })
            .collect();
        rows.sort();
        rows
    };
    for format in [
        ExportFormat::TimelinejsJson,
        ExportFormat::TimelinejsCsv,
        ExportFormat::Csv,
    ] {
        let bytes = fx.workspace.export(id, format).unwrap();
        let mut copy = workspace();
        let name = format!("export.{}", format.extension());
        let view = copy
            .import(&name, &bytes, &ImportOptions::default())
            .unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert_eq!(shape(&view), shape(&original), "{format:?}");
        if format != ExportFormat::Csv {
            assert_eq!(view.title, original.title, "{format:?}");
            assert_eq!(
                view.annotations
                    .iter()
                    .filter(|a| a.start.is_some())
                    .count(),
                original
                    .annotations
                    .iter()
                    .filter(|a| a.start.is_some())
                    .count(),
                "{format:?}: spans are eras"
            );
        }
    }
}

#[test]
fn precision_and_qualifiers_survive_timelinejs() {
    let mut fx = workspace();
    let csv = "title,start,end,kind,confidence,lane\nA,2019,,investment,reported,Deals\nB,H2 2023,,other,,Deals\nC,Q1 2024,Jul 2024,other,,Law\nD,c. 2021,,other,,Law\nE,22 Jul 2019 14:30 UTC,,other,,Law\nF,-0043,ongoing,other,,Law\n";
    let view = fx
        .import("plain.csv", csv.as_bytes(), &ImportOptions::default())
        .unwrap();
    let starts: Vec<&str> = view.events.iter().map(|e| e.facts.start.as_str()).collect();
    assert_eq!(
        starts,
        [
            "-0043",
            "2019",
            "2019-07-22T14:30Z",
            "2021~",
            "2023-41",
            "2024-33"
        ]
    );
    assert_eq!(view.events[1].facts.kind.as_str(), "investment");
    assert_eq!(view.events[1].facts.confidence.as_str(), "reported");
    assert!(view.events[0].facts.ongoing);
    let bytes = fx
        .workspace
        .export(view.id, ExportFormat::TimelinejsJson)
        .unwrap();
    let mut copy = workspace();
    let back = copy
        .import("back.json", &bytes, &ImportOptions::default())
        .unwrap();
    let back_starts: Vec<&str> = back.events.iter().map(|e| e.facts.start.as_str()).collect();
    assert_eq!(
        back_starts, starts,
        "halves, quarters and c. travel as display dates"
    );
}

#[test]
fn format_is_detected_from_name_and_content() {
    use tideline_interop::detect;
    assert_eq!(detect("a.mw", b"title: x"), Some(ImportFormat::Markwhen));
    assert_eq!(
        detect("a.json", b"{\"events\": []}"),
        Some(ImportFormat::TimelinejsJson)
    );
    assert_eq!(
        detect("backup", b"{\n  \"tideline\": 1"),
        Some(ImportFormat::TidelineJson)
    );
    assert_eq!(
        detect("a.csv", b"\xEF\xBB\xBFYear,Month,Headline"),
        Some(ImportFormat::TimelinejsCsv)
    );
    assert_eq!(detect("a.csv", b"title,start"), Some(ImportFormat::Csv));
    let options = ParseOptions {
        fallback_title: "x".into(),
        today: None,
    };
    let parsed = tideline_interop::parse(b"now: event\n", ImportFormat::Markwhen, &options);
    assert!(parsed.invalid[0].message.contains("today"), "{parsed:?}");
}

#[test]
fn comparisons_travel_in_tideline_json_and_bad_ones_are_refused() {
    let mut fx = sample();
    let timelines = fx.workspace.timelines().unwrap();
    let (a, b) = (timelines[0].id, timelines[1].id);
    let first_event = |w: &Workspace, t: i64| w.timeline(t).unwrap().events[0].facts.id;
    let events = [first_event(&fx.workspace, a), first_event(&fx.workspace, b)];
    fx.workspace
        .create_comparison(
            "Picked",
            &[b, a],
            &Alignment::Events {
                events: vec![events[1], events[0]],
            },
        )
        .unwrap();
    let file = fx.workspace.export_workspace().unwrap();
    let text = String::from_utf8(file.clone()).unwrap();
    assert!(
        text.contains("\"alignment\": \"kind:regulatory-review\""),
        "{text}"
    );
    assert!(text.contains("\"alignment\": \"events\""));

    let mut copy = workspace();
    copy.workspace
        .import("all.json", &file, &ImportOptions::default(), today())
        .unwrap();
    let view = |w: &Workspace, id: i64| {
        let view = w.comparison_view(&ComparisonRequest::Saved { id }).unwrap();
        let t0: Vec<(String, String)> = view
            .comparison
            .timelines
            .iter()
            .map(|t| (t.title.clone(), t.t0.date.to_edtf()))
            .collect();
        (view.name, t0)
    };
    let before: Vec<_> = fx
        .workspace
        .comparisons()
        .unwrap()
        .iter()
        .map(|c| view(&fx.workspace, c.id))
        .collect();
    let after: Vec<_> = copy
        .workspace
        .comparisons()
        .unwrap()
        .iter()
        .map(|c| view(&copy.workspace, c.id))
        .collect();
    assert_eq!(after, before);
    assert_eq!(after.len(), 2);
    assert_eq!(copy.workspace.export_workspace().unwrap(), file);

    let mut empty = workspace();
    let bad = text.replacen("kind:regulatory-review", "kind:merger", 1);
    refused(&mut empty, "bad.json", bad.as_bytes(), "merger");
    let bad = text.replacen(
        "\"alignment\": \"events\"",
        "\"alignment\": \"sideways\"",
        1,
    );
    refused(
        &mut empty,
        "bad.json",
        bad.as_bytes(),
        "comparisons[1].alignment",
    );
}
