//! Undo and redo on real SQLite files in temporary folders.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::types::Value;
use tideline_model::{AnnotationTarget, Date, EventDraft, EventKind, SourceDraft, TimelineDraft};
use tideline_store::views::EventFilter;
use tideline_store::{ErrorCode, HistoryState, StoreError, Workspace, Writer};

const TABLES: &[&str] = &[
    "timeline",
    "lane",
    "event",
    "placement",
    "source",
    "event_source",
    "annotation",
];

struct Dir {
    dir: tempfile::TempDir,
}

impl Dir {
    fn new() -> Dir {
        Dir {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }
}

/// Every row of every user table, as read by a separate connection, and the
/// events the full-text index finds for any word of any event's title.
/// FTS5's own check that the index matches the event table runs too.
fn dump(path: &Path) -> Vec<(String, Vec<Vec<Value>>)> {
    let conn = Connection::open(path).unwrap();
    let mut dump: Vec<_> = TABLES
        .iter()
        .map(|table| {
            let sql = format!("SELECT rowid, * FROM {table} ORDER BY rowid");
            (table.to_string(), rows(&conn, &sql))
        })
        .collect();
    conn.execute(
        "INSERT INTO event_search (event_search, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    let titles: Vec<String> = conn
        .prepare("SELECT title FROM event")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut words: Vec<String> = titles
        .iter()
        .flat_map(|title| title.split(|c: char| !c.is_alphanumeric()))
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{}\"", word.to_lowercase()))
        .collect();
    words.sort();
    words.dedup();
    let found = if words.is_empty() {
        Vec::new()
    } else {
        let mut stmt = conn
            .prepare("SELECT rowid FROM event_search WHERE event_search MATCH ?1 ORDER BY rowid")
            .unwrap();
        stmt.query_map([words.join(" OR ")], |row| Ok(vec![row.get(0)?]))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    dump.push(("event_search".to_owned(), found));
    dump
}

fn rows(conn: &Connection, sql: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |row| (0..columns).map(|i| row.get(i)).collect())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn ids(path: &Path, sql: &str) -> Vec<i64> {
    let conn = Connection::open(path).unwrap();
    conn.prepare(sql)
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn steps(path: &Path) -> i64 {
    ids(path, "SELECT count(*) FROM history_step")[0]
}

fn state(undo: Option<&str>, redo: Option<&str>) -> HistoryState {
    HistoryState {
        undo: undo.map(str::to_owned),
        redo: redo.map(str::to_owned),
    }
}

fn date(edtf: &str) -> Date {
    Date::parse_edtf(edtf).unwrap()
}

fn event(title: &str, start: &str) -> EventDraft {
    EventDraft::new(title, date(start), EventKind::Other)
}

fn source(title: &str) -> SourceDraft {
    SourceDraft {
        url: format!("https://example.com/{}", title.len()),
        title: title.to_owned(),
        publisher: "Example".to_owned(),
        author: String::new(),
        published: Some(date("2020-02")),
        accessed: None,
        excerpt: String::new(),
        notes: "It's \"quoted\"; -- not a comment".to_owned(),
    }
}

/// A workspace with a timeline of two lanes, made outside the history.
fn base(path: &Path) -> (Workspace, i64) {
    let mut workspace = Workspace::open(path).unwrap();
    let event = workspace
        .write(|w| {
            let timeline = w.create_timeline(TimelineDraft::new("Deal"), &["One", "Two"])?;
            let lane = w.lane(timeline, "One")?;
            let event = w.create_event(event("Signing", "2021-03-04"))?;
            w.place(event, lane)?;
            Ok(event)
        })
        .unwrap();
    (workspace, event)
}

#[test]
fn a_rename_is_undone_and_redone_on_disk() {
    let dir = Dir::new();
    let path = dir.file("rename.db");
    let (mut workspace, id) = base(&path);
    workspace.rename_event(id, "Signed").unwrap();
    assert_eq!(
        workspace.history().unwrap(),
        state(Some("Rename event"), None)
    );

    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Rename event"));
    assert_eq!(
        Workspace::open_existing(&path)
            .unwrap()
            .event(id)
            .unwrap()
            .facts
            .title,
        "Signing"
    );
    assert_eq!(
        workspace.history().unwrap(),
        state(None, Some("Rename event"))
    );

    assert_eq!(workspace.redo().unwrap().as_deref(), Some("Rename event"));
    let reopened = Workspace::open_existing(&path).unwrap();
    assert_eq!(reopened.event(id).unwrap().facts.title, "Signed");
    // The full-text index followed.
    let found = reopened
        .events(&EventFilter {
            timeline: None,
            query: Some("signed".to_owned()),
            ..EventFilter::default()
        })
        .unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(
        workspace.history().unwrap(),
        state(Some("Rename event"), None)
    );
}

#[test]
fn nothing_to_undo_or_redo_is_none() {
    let dir = Dir::new();
    let path = dir.file("empty.db");
    let mut workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.history().unwrap(), state(None, None));
    assert_eq!(workspace.undo().unwrap(), None);
    assert_eq!(workspace.redo().unwrap(), None);
    let (mut workspace, id) = {
        drop(workspace);
        base(&dir.file("base.db"))
    };
    workspace.rename_event(id, "Once").unwrap();
    assert!(workspace.undo().unwrap().is_some());
    assert_eq!(workspace.undo().unwrap(), None);
    assert!(workspace.redo().unwrap().is_some());
    assert_eq!(workspace.redo().unwrap(), None);
}

#[test]
fn steps_are_undone_and_redone_in_order() {
    let dir = Dir::new();
    let path = dir.file("order.db");
    let (mut workspace, id) = base(&path);
    let mut snapshots = vec![dump(&path)];
    let labels = ["First", "Second", "Third", "Fourth"];
    for (n, label) in labels.iter().enumerate() {
        workspace
            .edit(label, |w| {
                let event = w.create_event(event(label, "2022"))?;
                let timeline = ids(&path, "SELECT id FROM timeline")[0];
                w.place(event, w.lane(timeline, "Two")?)?;
                w.annotate(
                    timeline,
                    AnnotationTarget::Event(event),
                    &format!("note {n}"),
                )
            })
            .unwrap();
        workspace.rename_event(id, &format!("Title {n}")).unwrap();
        snapshots.push(dump(&path));
    }
    assert_eq!(
        workspace.history().unwrap(),
        state(Some("Rename event"), None)
    );

    for (n, label) in labels.iter().enumerate().rev() {
        assert_eq!(workspace.undo().unwrap().as_deref(), Some("Rename event"));
        assert_eq!(workspace.history().unwrap().undo.as_deref(), Some(*label));
        assert_eq!(workspace.undo().unwrap().as_deref(), Some(*label));
        assert_eq!(dump(&path), snapshots[n], "after undoing {label}");
    }
    assert_eq!(workspace.history().unwrap(), state(None, Some("First")));

    for (n, label) in labels.iter().enumerate() {
        assert_eq!(workspace.redo().unwrap().as_deref(), Some(*label));
        assert_eq!(workspace.redo().unwrap().as_deref(), Some("Rename event"));
        assert_eq!(dump(&path), snapshots[n + 1], "after redoing {label}");
    }
    assert_eq!(
        workspace.history().unwrap(),
        state(Some("Rename event"), None)
    );
}

#[test]
fn a_new_edit_clears_the_redo_stack() {
    let dir = Dir::new();
    let path = dir.file("redo.db");
    let (mut workspace, id) = base(&path);
    workspace.rename_event(id, "A").unwrap();
    workspace.rename_event(id, "B").unwrap();
    workspace.undo().unwrap();
    workspace.undo().unwrap();
    assert_eq!(
        workspace.history().unwrap(),
        state(None, Some("Rename event"))
    );
    workspace
        .edit("Add source", |w| w.create_source(source("Filing")))
        .unwrap();
    assert_eq!(
        workspace.history().unwrap(),
        state(Some("Add source"), None)
    );
    assert_eq!(workspace.redo().unwrap(), None);
    assert_eq!(steps(&path), 1);
    assert_eq!(workspace.event(id).unwrap().facts.title, "Signing");
}

#[test]
fn an_edit_that_changes_nothing_is_not_a_step_and_keeps_redo() {
    let dir = Dir::new();
    let path = dir.file("noop.db");
    let (mut workspace, id) = base(&path);
    workspace.rename_event(id, "Renamed").unwrap();
    workspace.undo().unwrap();
    workspace.rename_event(id, "Signing").unwrap();
    let value = workspace.edit("Look", |w| w.lane(1, "One")).unwrap();
    assert!(value > 0);
    assert_eq!(
        workspace.history().unwrap(),
        state(None, Some("Rename event"))
    );
    assert_eq!(workspace.redo().unwrap().as_deref(), Some("Rename event"));
}

#[test]
fn a_failed_edit_records_nothing_and_changes_nothing() {
    let dir = Dir::new();
    let path = dir.file("failed.db");
    let (mut workspace, id) = base(&path);
    workspace.rename_event(id, "Kept").unwrap();
    let before = dump(&path);
    let result = workspace.edit("Half done", |w| {
        let source = w.create_source(source("Report"))?;
        w.cite(id, source, "a quote")?;
        w.create_event(event("   ", "2020"))
    });
    assert!(matches!(result, Err(StoreError::Invalid(_))), "{result:?}");
    let result = workspace.edit("Bad link", |w| w.cite(id, 999, "no such source"));
    assert_eq!(result.unwrap_err().code(), ErrorCode::InvalidInput);
    let missing = workspace.rename_event(999, "Nobody").unwrap_err();
    assert_eq!(missing.code(), ErrorCode::NotFound);

    assert_eq!(dump(&path), before);
    assert_eq!(steps(&path), 1);
    assert_eq!(
        workspace.history().unwrap(),
        state(Some("Rename event"), None)
    );
    // Recording is off again: a write outside an edit records nothing.
    assert_eq!(
        ids(
            &path,
            "SELECT count(*) FROM history_state WHERE step_id IS NULL"
        ),
        [1]
    );
}

#[test]
fn undoing_a_deletion_restores_the_event_with_everything_on_it() {
    let dir = Dir::new();
    let path = dir.file("delete.db");
    let (mut workspace, id) = base(&path);
    workspace
        .edit("Link", |w| {
            let second = w.create_timeline(TimelineDraft::new("Regulators"), &["Agencies"])?;
            w.place(id, w.lane(second, "Agencies")?)?;
            let first = w.create_source(source("Press release"))?;
            let other = w.create_source(source("Filing with the SEC"))?;
            w.cite(id, first, "they signed")?;
            w.cite(id, other, "it's signed")?;
            w.annotate(1, AnnotationTarget::Event(id), "Finally")?;
            w.annotate(second, AnnotationTarget::Event(id), "Noticed")?;
            w.annotate(
                second,
                AnnotationTarget::Span {
                    start: date("2021"),
                    end: date("2022"),
                },
                "Review",
            )?;
            Ok(())
        })
        .unwrap();
    let linked = dump(&path);
    let view = workspace.event(id).unwrap();
    assert_eq!((view.timelines.len(), view.sources.len()), (2, 2));

    workspace
        .edit("Delete event", |w| w.delete_event(id))
        .unwrap();
    assert!(workspace.event(id).is_err());
    assert_eq!(ids(&path, "SELECT count(*) FROM placement"), [0]);
    assert_eq!(ids(&path, "SELECT count(*) FROM event_source"), [0]);
    assert_eq!(ids(&path, "SELECT count(*) FROM annotation"), [1]);
    let deleted = dump(&path);

    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Delete event"));
    assert_eq!(dump(&path), linked);
    assert_eq!(workspace.event(id).unwrap(), view);
    assert!(workspace.check().unwrap().problems.is_empty());

    assert_eq!(workspace.redo().unwrap().as_deref(), Some("Delete event"));
    assert_eq!(dump(&path), deleted);
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Delete event"));
    assert_eq!(dump(&path), linked);
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Link"));
    assert_eq!(ids(&path, "SELECT count(*) FROM source"), [0]);
    assert_eq!(ids(&path, "SELECT count(*) FROM timeline"), [1]);
}

#[test]
fn undoing_clearing_the_sample_restores_all_of_it() {
    let dir = Dir::new();
    let path = dir.file("clear.db");
    let mut workspace = Workspace::open(&path).unwrap();
    workspace.replace_with_sample().unwrap();
    let before = dump(&path);
    workspace.edit("Clear", |w| w.clear()).unwrap();
    assert!(workspace.is_empty().unwrap());
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Clear"));
    assert!(dump(&path) == before, "the sample differs after undo");
    assert!(workspace.check().unwrap().problems.is_empty());
}

#[test]
fn history_survives_reopening_the_file() {
    let dir = Dir::new();
    let path = dir.file("reopen.db");
    let (mut workspace, id) = base(&path);
    let before = dump(&path);
    workspace.rename_event(id, "One").unwrap();
    workspace
        .edit("Add event", |w| w.create_event(event("Two", "2024-05")))
        .unwrap();
    workspace.undo().unwrap();
    drop(workspace);

    let mut workspace = Workspace::open_existing(&path).unwrap();
    assert_eq!(
        workspace.history().unwrap(),
        state(Some("Rename event"), Some("Add event"))
    );
    assert_eq!(workspace.redo().unwrap().as_deref(), Some("Add event"));
    drop(workspace);

    let mut workspace = Workspace::open_existing(&path).unwrap();
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Add event"));
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Rename event"));
    assert_eq!(dump(&path), before);
}

#[test]
fn loading_the_sample_records_nothing_and_forgets_the_history() {
    let dir = Dir::new();
    let path = dir.file("sample.db");
    let mut workspace = Workspace::open(&path).unwrap();
    workspace.replace_with_sample().unwrap();
    assert_eq!(workspace.history().unwrap(), state(None, None));
    assert_eq!(steps(&path), 0);
    assert_eq!(ids(&path, "SELECT count(*) FROM history_entry"), [0]);

    // Steps recorded before a change made outside an edit may not apply to
    // what that change left, so they are dropped rather than replayed.
    let id = ids(&path, "SELECT min(id) FROM event")[0];
    workspace.rename_event(id, "Renamed").unwrap();
    workspace.rename_event(id, "Again").unwrap();
    workspace.undo().unwrap();
    assert_eq!(steps(&path), 2);
    workspace.replace_with_sample().unwrap();
    assert_eq!(workspace.history().unwrap(), state(None, None));
    assert_eq!(steps(&path), 0);
    assert_eq!(ids(&path, "SELECT count(*) FROM history_entry"), [0]);
}

#[test]
fn only_the_latest_500_steps_are_kept() {
    let dir = Dir::new();
    let path = dir.file("many.db");
    let (mut workspace, id) = base(&path);
    for n in 0..505 {
        workspace.rename_event(id, &format!("Title {n}")).unwrap();
    }
    assert_eq!(steps(&path), 500);
    for _ in 0..500 {
        assert!(workspace.undo().unwrap().is_some());
    }
    assert_eq!(workspace.undo().unwrap(), None);
    assert_eq!(workspace.event(id).unwrap().facts.title, "Title 4");
    for _ in 0..500 {
        assert!(workspace.redo().unwrap().is_some());
    }
    assert_eq!(workspace.event(id).unwrap().facts.title, "Title 504");
    assert_eq!(steps(&path), 500);
}

/// A small deterministic generator (xorshift64*), so a failure replays.
struct Random(u64);

impl Random {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
    }

    fn pick(&mut self, ids: &[i64]) -> Option<i64> {
        (!ids.is_empty()).then(|| ids[self.below(ids.len())])
    }
}

/// One random edit of one to three changes; returns its label.
fn random_edit(workspace: &mut Workspace, path: &Path, random: &mut Random, n: usize) -> String {
    let events = ids(path, "SELECT id FROM event");
    let lanes = ids(path, "SELECT id FROM lane");
    let timelines = ids(path, "SELECT id FROM timeline");
    let sources = ids(path, "SELECT id FROM source");
    let label = format!("Edit {n}");
    let changes = 1 + random.below(3);
    let kinds: Vec<usize> = (0..changes).map(|_| random.below(10)).collect();
    let picks: Vec<[Option<i64>; 4]> = (0..changes)
        .map(|_| {
            [
                random.pick(&events),
                random.pick(&lanes),
                random.pick(&timelines),
                random.pick(&sources),
            ]
        })
        .collect();
    if kinds[0] == 9
        && let Some(event) = picks[0][0]
    {
        workspace
            .rename_event(event, &format!("Renamed 'n' {n}"))
            .unwrap();
        return "Rename event".to_owned();
    }
    let change = |w: &mut Writer<'_>| -> tideline_store::Result<()> {
        for (kind, [event_id, lane, timeline, source_id]) in kinds.iter().zip(&picks) {
            match (kind, event_id, lane, timeline, source_id) {
                (0, ..) => {
                    let start = ["2019-07-22", "2023-01", "2020", "2024-03-01~", "2021?"];
                    w.create_event(event(&format!("Event {n}"), start[n % start.len()]))?;
                }
                (1, Some(event), Some(lane), ..) => w.place(*event, *lane)?,
                (2, Some(event), _, _, Some(source)) => w.cite(*event, *source, "quoted")?,
                (3, ..) => {
                    w.create_source(source(&format!("Source {n}")))?;
                }
                (4, Some(event), _, Some(timeline), _) => {
                    w.annotate(*timeline, AnnotationTarget::Event(*event), "callout")?;
                }
                (5, _, _, Some(timeline), _) => {
                    let target = AnnotationTarget::Span {
                        start: date("2020-01"),
                        end: date("2020-06"),
                    };
                    w.annotate(*timeline, target, "span")?;
                }
                (6, ..) => {
                    w.create_timeline(TimelineDraft::new(&format!("Timeline {n}")), &["A", "B"])?;
                }
                (7 | 8, Some(event), ..) => w.delete_event(*event)?,
                _ => {}
            }
        }
        Ok(())
    };
    // Citing an event deleted earlier in the same edit fails the whole edit,
    // which must leave no step behind.
    match workspace.edit(&label, change) {
        Ok(()) => label,
        Err(error) => {
            assert_eq!(error.code(), ErrorCode::InvalidInput, "{error}");
            String::new()
        }
    }
}

#[test]
fn random_edits_undone_and_redone_restore_every_table() {
    let mut seen = std::collections::BTreeSet::new();
    for seed in 1..=6u64 {
        let dir = Dir::new();
        let path = dir.file("random.db");
        let mut workspace = Workspace::open(&path).unwrap();
        workspace.replace_with_sample().unwrap();
        let original = dump(&path);
        let mut random = Random(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15));
        let mut labels = Vec::new();
        for n in 0..40 {
            let steps_before = steps(&path);
            let label = random_edit(&mut workspace, &path, &mut random, n);
            if steps(&path) > steps_before {
                labels.push(label);
            }
        }
        assert!(
            labels.len() > 20,
            "seed {seed}: only {} steps",
            labels.len()
        );
        let edited = dump(&path);
        let conn = Connection::open(&path).unwrap();
        let mut stmt = conn.prepare("SELECT sql FROM history_entry").unwrap();
        for sql in stmt.query_map([], |row| row.get::<_, String>(0)).unwrap() {
            let sql = sql.unwrap();
            let words: Vec<&str> = sql.split(' ').collect();
            let kind = if words[0] == "UPDATE" { 2 } else { 3 };
            seen.insert(words[..kind].join(" "));
        }
        for label in labels.iter().rev() {
            assert_eq!(
                workspace.undo().unwrap().as_ref(),
                Some(label),
                "seed {seed}"
            );
        }
        assert_eq!(workspace.undo().unwrap(), None);
        assert!(dump(&path) == original, "seed {seed}: undo all differs");
        assert!(workspace.check().unwrap().problems.is_empty());
        for label in &labels {
            assert_eq!(
                workspace.redo().unwrap().as_ref(),
                Some(label),
                "seed {seed}"
            );
        }
        assert!(dump(&path) == edited, "seed {seed}: redo all differs");
        assert!(workspace.check().unwrap().problems.is_empty());
    }
    // What the edits did, told by the entries that reverse it: inserts into
    // every table, deletions of events with what hangs on them, updates.
    // Updates of the other tables are tested in the crate (Writer cannot
    // make them).
    let mut expected: Vec<String> = TABLES
        .iter()
        .map(|table| format!("DELETE FROM {table}"))
        .collect();
    expected.extend(["event", "placement"].map(|table| format!("UPDATE {table}")));
    expected.extend(
        ["annotation", "event", "event_source", "placement"].map(|t| format!("INSERT INTO {t}")),
    );
    expected.sort();
    let mut seen: Vec<String> = seen.into_iter().collect();
    seen.sort();
    for kind in &expected {
        assert!(seen.contains(kind), "no {kind} in {seen:?}");
    }
}

#[test]
fn removing_the_sample_keeps_what_the_user_made_and_is_one_undoable_step() {
    let dir = Dir::new();
    let path = dir.file("mixed.db");
    let mut workspace = Workspace::open(&path).unwrap();
    workspace.replace_with_sample().unwrap();
    let before = dump(&path);
    let id_of = |workspace: &Workspace, title: &str| workspace.find_timeline(title).unwrap();
    let (openai, activision, anthropic) = (
        id_of(&workspace, "Microsoft–OpenAI"),
        id_of(&workspace, "Microsoft–Activision Blizzard"),
        id_of(&workspace, "Amazon–Anthropic"),
    );
    let on = |workspace: &Workspace, timeline: i64| -> Vec<i64> {
        let view = workspace.timeline(timeline).unwrap();
        view.placements.iter().map(|p| p.event_id).collect()
    };
    // The user renamed an event on one sample timeline and added a lane
    // to another: both are theirs now, whole.
    let renamed = on(&workspace, openai)[0];
    workspace
        .rename_event(renamed, "Renamed by the user")
        .unwrap();
    workspace.add_lane(activision, "Mine").unwrap();
    // Their own timeline, with a title the sample does not use, holds an
    // event of theirs and one of the third sample timeline's.
    let mine = workspace.create_timeline("Broadcom–VMware").unwrap().id;
    let lane = workspace.timeline(mine).unwrap().lanes[0].id;
    let own = workspace
        .create_event(&tideline_store::views::NewEvent {
            title: "Broadcom agrees to acquire VMware".to_owned(),
            start: "26 May 2022".to_owned(),
            end: None,
            kind: EventKind::DefinitiveAgreement,
            confidence: None,
            lane_id: Some(lane),
        })
        .unwrap()
        .facts
        .id;
    let shared = on(&workspace, anthropic)[0];
    workspace.place_event(shared, lane).unwrap();
    assert!(workspace.holds_sample().unwrap());

    let kept: Vec<i64> = [openai, activision, mine]
        .iter()
        .flat_map(|&timeline| on(&workspace, timeline))
        .collect();
    let history = workspace.remove_sample().unwrap();
    assert_eq!(history.undo.as_deref(), Some("Remove the sample"));
    assert!(!workspace.holds_sample().unwrap());
    let titles: Vec<String> = workspace
        .timelines()
        .unwrap()
        .into_iter()
        .map(|t| t.title)
        .collect();
    assert_eq!(
        titles,
        [
            "Microsoft–OpenAI",
            "Microsoft–Activision Blizzard",
            "Broadcom–VMware"
        ]
    );
    for event in kept.iter().chain([&own, &shared]) {
        let event = workspace.event(*event).unwrap();
        for cited in &event.sources {
            workspace.source(cited.source_id).unwrap();
        }
    }
    let left = workspace.events(&EventFilter::default()).unwrap();
    assert!(
        left.iter().all(|e| !e.timelines.is_empty()),
        "no event of the sample is left on no timeline"
    );
    assert_eq!(
        workspace.comparisons().unwrap().len(),
        1,
        "its other timelines stay"
    );

    workspace.undo_step().unwrap();
    workspace.undo_step().unwrap();
    workspace.undo_step().unwrap();
    workspace.undo_step().unwrap();
    workspace.undo_step().unwrap();
    workspace.undo_step().unwrap();
    drop(workspace);
    assert_eq!(dump(&path), before, "undone, the file is the sample again");
}
