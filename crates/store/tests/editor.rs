//! The timeline editor's changes on real SQLite files in temporary folders:
//! each one lands on disk, is one undoable and redoable step, and a refused
//! one changes nothing.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::types::Value;
use tideline_model::{Confidence, Date, Edge, EventKind, Precision, TimelineDraft};
use tideline_store::views::{
    AnnotationDraft, DateField, EventChange, EventFacts, EventFilter, EventPatch, EventView,
    NewEvent, SourceDraftView, TimelineView,
};
use tideline_store::{ErrorCode, HistoryState, StoreError, Workspace};

const DAY: i64 = 24 * 60;

const TABLES: &[&str] = &[
    "timeline",
    "lane",
    "event",
    "placement",
    "source",
    "event_source",
    "annotation",
];

type Dump = Vec<(String, Vec<Vec<Value>>)>;

/// Every row of every user table and of the search index, as a separate
/// connection reads the file; FTS5 checks its index on the way.
fn dump(path: &Path) -> Dump {
    let conn = Connection::open(path).unwrap();
    conn.execute(
        "INSERT INTO event_search (event_search, rank) VALUES ('integrity-check', 1)",
        [],
    )
    .unwrap();
    TABLES
        .iter()
        .chain(&["event_search"])
        .map(|table| {
            let sql = format!("SELECT rowid, * FROM {table} ORDER BY rowid");
            (table.to_string(), rows(&conn, &sql))
        })
        .collect()
}

fn rows(conn: &Connection, sql: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |row| (0..columns).map(|i| row.get(i)).collect())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn minute(text: &str) -> i64 {
    Date::parse(text).unwrap().start_minute()
}

/// A workspace built through the editor: two timelines, three events, a
/// source cited once and a callout.
struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    ws: Workspace,
    deal: i64,
    deal_events: i64,
    deal_regulators: i64,
    other: i64,
    other_lane: i64,
    signing: i64,
    talks: i64,
    review: i64,
    source: i64,
}

fn new_event(title: &str, start: &str, kind: EventKind, lane: Option<i64>) -> NewEvent {
    NewEvent {
        title: title.to_owned(),
        start: start.to_owned(),
        end: None,
        kind,
        confidence: None,
        lane_id: lane,
    }
}

fn source_draft(title: &str, url: &str) -> SourceDraftView {
    SourceDraftView {
        url: url.to_owned(),
        title: title.to_owned(),
        publisher: "Example News".to_owned(),
        author: String::new(),
        published: Some("22 Jul 2019".to_owned()),
        accessed: None,
        excerpt: String::new(),
        notes: String::new(),
    }
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("editor.db");
    let mut ws = Workspace::open(&path).unwrap();
    let deal = ws.create_timeline("Deal").unwrap().id;
    ws.add_lane(deal, "Regulators").unwrap();
    let view = ws.timeline(deal).unwrap();
    let (deal_events, deal_regulators) = (view.lanes[0].id, view.lanes[1].id);
    let other = ws.create_timeline("Other deal").unwrap().id;
    let other_lane = ws.timeline(other).unwrap().lanes[0].id;
    let signing = ws
        .create_event(&new_event(
            "Signing",
            "4 Mar 2021",
            EventKind::DefinitiveAgreement,
            Some(deal_events),
        ))
        .unwrap()
        .facts
        .id;
    let talks = ws
        .create_event(&new_event(
            "Merger talks",
            "Jul 2023",
            EventKind::Rumour,
            Some(deal_events),
        ))
        .unwrap()
        .facts
        .id;
    let review = ws
        .create_event(&new_event(
            "Phase 1 review",
            "1 Mar 2024",
            EventKind::RegulatoryReview,
            Some(deal_regulators),
        ))
        .unwrap()
        .facts
        .id;
    ws.update_event(
        review,
        &EventPatch {
            end: Some(Some("10 Mar 2024".to_owned())),
            confidence: Some(Confidence::Confirmed),
            parties: Some(vec!["CMA".to_owned(), "Acme".to_owned()]),
            tags: Some(vec!["antitrust".to_owned()]),
            ..EventPatch::default()
        },
    )
    .unwrap();
    let source = ws
        .create_source(&source_draft(
            "Acme signs definitive agreement",
            "https://example.com/acme",
        ))
        .unwrap()
        .id;
    ws.cite_source(signing, source, "the parties signed a binding contract")
        .unwrap();
    ws.create_annotation(&AnnotationDraft {
        timeline_id: deal,
        text: "The big day".to_owned(),
        event_id: Some(signing),
        start: None,
        end: None,
    })
    .unwrap();
    Fixture {
        _dir: dir,
        path,
        ws,
        deal,
        deal_events,
        deal_regulators,
        other,
        other_lane,
        signing,
        talks,
        review,
        source,
    }
}

impl Fixture {
    /// Runs one edit and checks it: it changed the file, is the latest undo
    /// step under `label`, and survives reopening; undo brings back the
    /// file exactly as it was and redo the edited one. Returns the edit's
    /// value and the workspace reopened.
    fn edit<T>(
        &mut self,
        label: &str,
        change: impl FnOnce(&mut Workspace, &Fixture) -> Result<T, StoreError>,
    ) -> T {
        let before = dump(&self.path);
        let mut ws = std::mem::replace(&mut self.ws, Workspace::open(&self.path).unwrap());
        let value = change(&mut ws, self).unwrap_or_else(|e| panic!("{label}: {e}"));
        drop(ws);
        let after = dump(&self.path);
        assert_ne!(before, after, "{label} changed nothing");
        self.reopen();
        assert_eq!(self.ws.history().unwrap().undo.as_deref(), Some(label));
        assert_eq!(
            self.ws.undo_step().unwrap().redo.as_deref(),
            Some(label),
            "{label}"
        );
        assert_eq!(dump(&self.path), before, "undoing {label}");
        assert_eq!(self.ws.redo_step().unwrap().undo.as_deref(), Some(label));
        assert_eq!(dump(&self.path), after, "redoing {label}");
        self.reopen();
        value
    }

    /// Runs a change that must be refused with `code`, and checks that the
    /// file and the history did not change. Returns the error's message.
    /// [`Fixture::edit`] of `timeline`: answers its view after the edit.
    fn edit_timeline<T>(
        &mut self,
        label: &str,
        timeline: i64,
        change: impl FnOnce(&mut Workspace, &Fixture) -> Result<T, StoreError>,
    ) -> TimelineView {
        self.edit(label, change);
        self.ws.timeline(timeline).unwrap()
    }

    fn refused<T: std::fmt::Debug>(
        &mut self,
        code: ErrorCode,
        change: impl FnOnce(&mut Workspace, &Fixture) -> Result<T, StoreError>,
    ) -> String {
        let before = dump(&self.path);
        let history = self.ws.history().unwrap();
        let mut ws = std::mem::replace(&mut self.ws, Workspace::open(&self.path).unwrap());
        let error = change(&mut ws, self).unwrap_err();
        drop(ws);
        assert_eq!(error.code(), code, "{error}");
        assert_eq!(dump(&self.path), before, "refused, yet changed: {error}");
        self.reopen();
        assert_eq!(self.ws.history().unwrap(), history);
        error.to_string()
    }

    fn reopen(&mut self) {
        self.ws = Workspace::open_existing(&self.path).unwrap();
    }

    fn event(&self, id: i64) -> EventView {
        self.ws.event(id).unwrap()
    }

    fn search(&self, filter: EventFilter) -> Vec<i64> {
        self.ws
            .events(&filter)
            .unwrap()
            .iter()
            .map(|e| e.facts.id)
            .collect()
    }
}

fn query(text: &str) -> EventFilter {
    EventFilter {
        query: Some(text.to_owned()),
        ..EventFilter::default()
    }
}

// Events.

#[test]
fn a_new_event_is_created_and_placed() {
    let mut fx = fixture();
    let lane = fx.deal_regulators;
    let created = fx.edit("New event", |ws, _| {
        ws.create_event(&new_event(
            " CMA opens inquiry ",
            "Q1 2024",
            EventKind::RegulatoryReview,
            Some(lane),
        ))
    });
    assert_eq!(created.facts.title, "CMA opens inquiry");
    assert_eq!(created.facts.start, "2024-33");
    assert_eq!(created.facts.precision, Precision::Quarter);
    assert_eq!(created.timelines, ["Deal"]);
    assert_eq!(fx.event(created.facts.id), created);
    let view = fx.ws.timeline(fx.deal).unwrap();
    assert!(
        view.placements
            .iter()
            .any(|p| p.event_id == created.facts.id && p.lane_id == lane)
    );

    let loose = fx.edit("New event", |ws, _| {
        ws.create_event(&new_event("Loose", "c. 2021", EventKind::Other, None))
    });
    assert!(loose.facts.approximate);
    assert!(fx.event(loose.facts.id).timelines.is_empty());
}

#[test]
fn a_new_event_with_a_bad_date_or_title_or_lane_changes_nothing() {
    let mut fx = fixture();
    let message = fx.refused(ErrorCode::InvalidInput, |ws, _| {
        ws.create_event(&new_event("Deal", "Qx 2024", EventKind::Other, None))
    });
    assert!(
        message.starts_with("start: \"Qx 2024\" is not a date; write e.g. "),
        "{message}"
    );
    let message = fx.refused(ErrorCode::InvalidInput, |ws, fx| {
        ws.update_event(
            fx.talks,
            &EventPatch {
                start: Some("2019–2021".to_owned()),
                ..EventPatch::default()
            },
        )
    });
    assert_eq!(
        message,
        "start: \"2019–2021\" is a range; give 2019 here and 2021 as the end"
    );
    let mut ranged = new_event("Review", "2023 – 2021", EventKind::Other, None);
    let message = fx.refused(ErrorCode::InvalidInput, |ws, _| ws.create_event(&ranged));
    assert_eq!(
        message,
        "start: the end (2021) comes before the start (2023)"
    );
    ranged.start = "2021".to_owned();
    ranged.end = Some("2019".to_owned());
    let message = fx.refused(ErrorCode::InvalidInput, |ws, _| ws.create_event(&ranged));
    assert_eq!(message, "end: the end (2019) comes before the start (2021)");
    ranged.start = "2019–2021".to_owned();
    ranged.end = Some("2022".to_owned());
    let message = fx.refused(ErrorCode::InvalidInput, |ws, _| ws.create_event(&ranged));
    assert!(message.contains("one end too many"), "{message}");
    let message = fx.refused(ErrorCode::InvalidInput, |ws, fx| {
        ws.create_event(&new_event(
            "  ",
            "2024",
            EventKind::Other,
            Some(fx.deal_events),
        ))
    });
    assert!(message.starts_with("title: "), "{message}");
    fx.refused(ErrorCode::NotFound, |ws, _| {
        ws.create_event(&new_event("Deal", "2024", EventKind::Other, Some(999)))
    });
}

#[test]
fn a_new_event_takes_a_range_in_one_field_or_an_end_and_is_reported_until_sourced() {
    let mut fx = fixture();
    let lane = fx.deal_regulators;
    let review = fx.edit("New event", |ws, _| {
        ws.create_event(&new_event(
            "FTC review",
            "15 Dec 2022 – 12 Jul 2023",
            EventKind::RegulatoryReview,
            Some(lane),
        ))
    });
    assert_eq!(review.facts.start, "2022-12-15");
    assert_eq!(review.facts.end.as_deref(), Some("2023-07-12"));
    assert_eq!(review.facts.confidence, Confidence::Reported);

    let mut talks = new_event("Talks", "Jul–Sep 2022", EventKind::Other, None);
    talks.confidence = Some(Confidence::Rumoured);
    let talks = fx.edit("New event", |ws, _| ws.create_event(&talks));
    assert_eq!(
        (talks.facts.start.as_str(), talks.facts.end.as_deref()),
        ("2022-07", Some("2022-09"))
    );
    assert_eq!(talks.facts.confidence, Confidence::Rumoured);

    let mut years = new_event("Years", "2019", EventKind::Other, None);
    years.end = Some(" 2021 ".to_owned());
    let years = fx.edit("New event", |ws, _| ws.create_event(&years));
    assert_eq!(years.facts.end.as_deref(), Some("2021"));
    let mut blank = new_event("Point", "2019", EventKind::Other, None);
    blank.end = Some("  ".to_owned());
    let blank = fx.edit("New event", |ws, _| ws.create_event(&blank));
    assert_eq!(blank.facts.end, None);
}

#[test]
fn typed_dates_read_back_with_their_problem_marked_in_the_fields_own_units() {
    let reading = Workspace::read_dates("15 Dec 2022 – 12 Jul 2023", None);
    assert_eq!(reading.start_label.as_deref(), Some("15 Dec 2022"));
    assert_eq!(reading.end_label.as_deref(), Some("12 Jul 2023"));
    assert_eq!((reading.warning, reading.error), (None, None));

    // "–" is three bytes and one UTF-16 unit: the marks count units.
    let reading = Workspace::read_dates("15 Dec 2022 – 12 Dekember 2023", None);
    let problem = reading.error.expect("a problem");
    assert_eq!(problem.field, DateField::Start);
    assert_eq!(problem.message, "could not read \"Dekember\" as a month");
    assert_eq!((problem.from, problem.to), (17, 25));
    assert!(!problem.message.contains(".."), "no offsets for people");

    let reading = Workspace::read_dates("2019", Some("Jul 2019"));
    assert_eq!(reading.end_label.as_deref(), Some("Jul 2019"));
    let warning = reading
        .warning
        .expect("an end inside the start's year warns");
    assert!(
        warning.contains("lies within the start (2019)"),
        "{warning}"
    );
    assert_eq!(Workspace::read_dates("2019", Some("2019")).warning, None);

    let problem = Workspace::read_dates("2021", Some(" 2019")).error.unwrap();
    assert_eq!(problem.field, DateField::End);
    assert_eq!((problem.from, problem.to), (1, 5));
}

#[test]
fn an_event_is_edited_field_by_field() {
    let mut fx = fixture();
    let talks = fx.talks;
    let edited = fx.edit("Edit event", |ws, _| {
        ws.update_event(
            talks,
            &EventPatch {
                title: Some("Merger talks reported".to_owned()),
                description: Some("Said to be *advanced*.".to_owned()),
                start: Some("c. Jun 2023".to_owned()),
                end: Some(Some("Q3 2023".to_owned())),
                kind: Some(EventKind::Announcement),
                confidence: Some(Confidence::Rumoured),
                importance: Some(5),
                parties: Some(vec!["Acme".to_owned(), " acme ".to_owned()]),
                tags: Some(vec!["talks".to_owned()]),
                ..EventPatch::default()
            },
        )
    });
    assert_eq!(edited.facts.title, "Merger talks reported");
    assert_eq!(edited.description, "Said to be *advanced*.");
    assert_eq!(
        (edited.facts.start.as_str(), edited.facts.end.as_deref()),
        ("2023-06~", Some("2023-35"))
    );
    assert_eq!(edited.facts.start_label, "c. Jun 2023");
    assert_eq!(edited.facts.kind, EventKind::Announcement);
    assert_eq!(edited.facts.confidence, Confidence::Rumoured);
    assert_eq!(edited.facts.importance, 5);
    assert_eq!(edited.parties, ["Acme"]);
    assert_eq!(edited.tags, ["talks"]);
    assert_eq!(fx.event(talks), edited);

    // Only what the patch names changes.
    let retitled = fx.edit("Edit event", |ws, _| {
        ws.update_event(
            talks,
            &EventPatch {
                title: Some("Talks".to_owned()),
                ..EventPatch::default()
            },
        )
    });
    assert_eq!(
        retitled,
        EventView {
            facts: EventFacts {
                title: "Talks".to_owned(),
                ..edited.facts.clone()
            },
            ..edited.clone()
        }
    );

    // No end, then ongoing, then a point again.
    let point = fx.edit("Edit event", |ws, _| {
        ws.update_event(
            talks,
            &EventPatch {
                end: Some(None),
                ..EventPatch::default()
            },
        )
    });
    assert_eq!((point.facts.end, point.facts.ongoing), (None, false));
    let ongoing = fx.edit("Edit event", |ws, _| {
        ws.update_event(
            talks,
            &EventPatch {
                ongoing: Some(true),
                ..EventPatch::default()
            },
        )
    });
    assert_eq!((ongoing.facts.end, ongoing.facts.ongoing), (None, true));
    let closed = fx.edit("Edit event", |ws, _| {
        ws.update_event(
            talks,
            &EventPatch {
                end: Some(Some("2024".to_owned())),
                ..EventPatch::default()
            },
        )
    });
    assert_eq!(
        (closed.facts.end.as_deref(), closed.facts.ongoing),
        (Some("2024"), false)
    );
}

#[test]
fn a_bad_edit_of_an_event_changes_nothing() {
    let mut fx = fixture();
    let bad = |patch: EventPatch| {
        move |ws: &mut Workspace, fx: &Fixture| ws.update_event(fx.talks, &patch)
    };
    let message = fx.refused(
        ErrorCode::InvalidInput,
        bad(EventPatch {
            title: Some("Fine".to_owned()),
            start: Some("Qx 2024".to_owned()),
            ..EventPatch::default()
        }),
    );
    assert!(
        message.starts_with("start: \"Qx 2024\" is not a date; write e.g. "),
        "{message}"
    );
    let message = fx.refused(
        ErrorCode::InvalidInput,
        bad(EventPatch {
            end: Some(Some("the 5th".to_owned())),
            ..EventPatch::default()
        }),
    );
    assert!(message.starts_with("end: could not read"), "{message}");
    let message = fx.refused(
        ErrorCode::InvalidInput,
        bad(EventPatch {
            title: Some(" ".to_owned()),
            ..EventPatch::default()
        }),
    );
    assert!(message.starts_with("title: "), "{message}");
    let message = fx.refused(
        ErrorCode::InvalidInput,
        bad(EventPatch {
            end: Some(Some("2022".to_owned())),
            ..EventPatch::default()
        }),
    );
    assert!(
        message.starts_with("end: the end (2022) comes before"),
        "{message}"
    );
    fx.refused(
        ErrorCode::InvalidInput,
        bad(EventPatch {
            end: Some(Some("2024".to_owned())),
            ongoing: Some(true),
            ..EventPatch::default()
        }),
    );
    fx.refused(
        ErrorCode::InvalidInput,
        bad(EventPatch {
            importance: Some(6),
            ..EventPatch::default()
        }),
    );
    fx.refused(ErrorCode::NotFound, |ws, _| {
        ws.update_event(999, &EventPatch::default())
    });
}

#[test]
fn an_event_patch_tells_a_missing_end_from_a_null_one() {
    let patch: EventPatch = serde_json::from_str(r#"{"title": "T"}"#).unwrap();
    assert_eq!(patch.end, None);
    assert_eq!(patch.title.as_deref(), Some("T"));
    let patch: EventPatch = serde_json::from_str(r#"{"end": null}"#).unwrap();
    assert_eq!(patch.end, Some(None));
    let patch: EventPatch = serde_json::from_str(r#"{"end": "2024", "kind": "closing"}"#).unwrap();
    assert_eq!(patch.end, Some(Some("2024".to_owned())));
    assert_eq!(patch.kind, Some(EventKind::Closing));
    let filter: EventFilter = serde_json::from_str(r#"{"timeline": 3}"#).unwrap();
    assert_eq!(filter.timeline, Some(3));
    assert_eq!(filter.kinds, None);
}

#[test]
fn a_deleted_event_comes_back_whole_on_undo() {
    let mut fx = fixture();
    let before = fx.event(fx.signing);
    assert_eq!(before.sources.len(), 1);
    let signing = fx.signing;
    let state = fx.edit("Delete event", |ws, _| ws.delete_event(signing));
    assert_eq!(
        state,
        HistoryState {
            undo: Some("Delete event".to_owned()),
            redo: None
        }
    );
    assert_eq!(
        fx.ws.event(signing).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert!(fx.ws.timeline(fx.deal).unwrap().annotations.is_empty());
    fx.ws.undo_step().unwrap();
    assert_eq!(fx.event(signing), before);
    assert_eq!(fx.ws.timeline(fx.deal).unwrap().annotations.len(), 1);
    fx.refused(ErrorCode::NotFound, |ws, _| ws.delete_event(999));
}

#[test]
fn placing_on_another_timeline_adds_and_on_the_same_timeline_moves() {
    let mut fx = fixture();
    let (signing, other_lane, regulators) = (fx.signing, fx.other_lane, fx.deal_regulators);
    let other = fx.edit_timeline("Place event", fx.other, |ws, _| {
        ws.place_event(signing, other_lane)
    });
    assert_eq!(other.id, fx.other);
    assert_eq!(other.placements.len(), 1);
    assert_eq!(fx.event(signing).timelines, ["Deal", "Other deal"]);

    let deal = fx.edit_timeline("Move event to lane", fx.deal, |ws, _| {
        ws.place_event(signing, regulators)
    });
    let placed: Vec<_> = deal
        .placements
        .iter()
        .filter(|p| p.event_id == signing)
        .collect();
    assert_eq!(placed.len(), 1);
    assert_eq!(placed[0].lane_id, regulators);
    assert_eq!(fx.event(signing).timelines, ["Deal", "Other deal"]);

    fx.refused(ErrorCode::NotFound, |ws, fx| {
        ws.place_event(999, fx.deal_events)
    });
    fx.refused(ErrorCode::NotFound, |ws, fx| {
        ws.place_event(fx.signing, 999)
    });
}

#[test]
fn unplacing_takes_an_event_off_one_timeline_only() {
    let mut fx = fixture();
    let (signing, deal, other_lane) = (fx.signing, fx.deal, fx.other_lane);
    fx.ws.place_event(signing, other_lane).unwrap();
    let view = fx.edit_timeline("Remove event from timeline", fx.deal, |ws, _| {
        ws.unplace_event(signing, deal)
    });
    assert!(view.placements.iter().all(|p| p.event_id != signing));
    assert!(view.annotations.is_empty(), "its callout went with it");
    assert_eq!(fx.event(signing).timelines, ["Other deal"]);
    fx.refused(ErrorCode::NotFound, |ws, fx| {
        ws.unplace_event(fx.signing, fx.deal)
    });
}

#[test]
fn dragging_snaps_a_month_by_whole_months_and_keeps_a_range_of_days() {
    let mut fx = fixture();
    let talks = fx.talks;
    let moved = fx.edit("Move event", |ws, _| ws.move_event(talks, 45 * DAY));
    assert_eq!(moved.facts.start, "2023-08");
    assert_eq!(fx.event(talks).facts.start, "2023-08");

    // Not far enough to leave August: nothing changes, and no step is recorded.
    let before = dump(&fx.path);
    let same = fx.ws.move_event(talks, 20 * DAY).unwrap();
    assert_eq!(same.facts.start, "2023-08");
    assert_eq!(dump(&fx.path), before);
    assert_eq!(fx.ws.history().unwrap().undo.as_deref(), Some("Move event"));

    let review = fx.review;
    let moved = fx.edit("Move event", |ws, _| ws.move_event(review, -3 * DAY - 600));
    assert_eq!(
        (moved.facts.start.as_str(), moved.facts.end.as_deref()),
        ("2024-02-26", Some("2024-03-06"))
    );
    assert_eq!(moved.facts.end_minute - moved.facts.start_minute, 10 * DAY);
    fx.refused(ErrorCode::NotFound, |ws, _| ws.move_event(999, DAY));
}

#[test]
fn a_gesture_on_a_selection_is_one_step_or_nothing() {
    let mut fx = fixture();
    let (talks, review, signing) = (fx.talks, fx.review, fx.signing);
    // Dragged together by 45 days into the other lane: each date snaps to its precision.
    fx.edit("Move 4 events", |ws, fx| {
        ws.change_events(&[
            EventChange::Move {
                id: talks,
                delta_minutes: 45 * DAY,
            },
            EventChange::Move {
                id: review,
                delta_minutes: 45 * DAY,
            },
            EventChange::Place {
                event: talks,
                lane: fx.deal_regulators,
            },
            EventChange::Place {
                event: review,
                lane: fx.deal_events,
            },
        ])
    });
    assert_eq!(fx.event(talks).facts.start, "2023-08");
    assert_eq!(fx.event(review).facts.start, "2024-04-15");
    let lanes = fx.ws.timeline(fx.deal).unwrap().placements;
    assert!(
        lanes
            .iter()
            .any(|p| p.event_id == talks && p.lane_id == fx.deal_regulators)
    );

    fx.edit("Move 2 events", |ws, _| {
        ws.change_events(&[
            EventChange::Shift {
                id: talks,
                steps: -1,
            },
            EventChange::Shift {
                id: signing,
                steps: 1,
            },
        ])
    });
    assert_eq!(fx.event(talks).facts.start, "2023-07");
    assert_eq!(fx.event(signing).facts.start, "2021-03-05");

    fx.edit("Remove 2 events from timeline", |ws, fx| {
        ws.change_events(&[
            EventChange::Unplace {
                event: talks,
                timeline: fx.deal,
            },
            EventChange::Unplace {
                event: signing,
                timeline: fx.deal,
            },
        ])
    });
    assert!(fx.event(talks).timelines.is_empty());

    // One refused change refuses the gesture.
    fx.refused(ErrorCode::NotFound, |ws, _| {
        ws.change_events(&[
            EventChange::Move {
                id: review,
                delta_minutes: DAY,
            },
            EventChange::Move {
                id: 999,
                delta_minutes: DAY,
            },
        ])
    });
}

#[test]
fn resizing_sets_one_end_and_refuses_an_end_before_the_start() {
    let mut fx = fixture();
    let review = fx.review;
    let resized = fx.edit("Resize event", |ws, _| {
        ws.resize_event(review, Edge::End, minute("20 Mar 2024") + 90)
    });
    assert_eq!(resized.facts.end.as_deref(), Some("2024-03-20"));
    let resized = fx.edit("Resize event", |ws, _| {
        ws.resize_event(review, Edge::Start, minute("5 Mar 2024"))
    });
    assert_eq!(resized.facts.start, "2024-03-05");
    let message = fx.refused(ErrorCode::InvalidInput, |ws, fx| {
        ws.resize_event(fx.review, Edge::End, minute("1 Mar 2024"))
    });
    assert!(
        message.starts_with("end: the end (1 Mar 2024) comes before"),
        "{message}"
    );
    fx.refused(ErrorCode::InvalidInput, |ws, fx| {
        ws.resize_event(fx.review, Edge::Start, minute("21 Mar 2024"))
    });
    // A point grows an end of its own precision.
    let talks = fx.talks;
    let range = fx.edit("Resize event", |ws, _| {
        ws.resize_event(talks, Edge::End, minute("15 Oct 2023"))
    });
    assert_eq!(range.facts.end.as_deref(), Some("2023-10"));
}

#[test]
fn shifting_moves_by_whole_units_of_the_precision() {
    let mut fx = fixture();
    let (talks, review) = (fx.talks, fx.review);
    let shifted = fx.edit("Move event", |ws, _| ws.shift_event(talks, -2));
    assert_eq!(shifted.facts.start, "2023-05");
    let shifted = fx.edit("Move event", |ws, _| ws.shift_event(review, 1));
    assert_eq!(
        (shifted.facts.start.as_str(), shifted.facts.end.as_deref()),
        ("2024-03-02", Some("2024-03-11"))
    );
    fx.refused(ErrorCode::InvalidInput, |ws, fx| {
        ws.shift_event(fx.talks, 12 * 10_000)
    });
}

#[test]
fn a_date_preview_snaps_without_writing() {
    let fx = fixture();
    let before = dump(&fx.path);
    let preview = Workspace::preview_date(minute("17 Aug 2023"), Precision::Month, true, false);
    assert_eq!(preview.edtf, "2023-08~");
    assert_eq!(preview.label, "c. Aug 2023");
    assert_eq!(preview.start_minute, minute("Aug 2023"));
    assert_eq!(preview.end_minute, minute("Sep 2023"));
    assert_eq!(dump(&fx.path), before);
}

// Sources and citations.

#[test]
fn sources_are_created_listed_and_edited() {
    let mut fx = fixture();
    let created = fx.edit("New source", |ws, _| {
        ws.create_source(&source_draft("A first look", "https://example.com/first"))
    });
    assert_eq!(created.published.as_deref(), Some("2019-07-22"));
    assert_eq!(created.published_label.as_deref(), Some("22 Jul 2019"));
    assert_eq!(created.citations, 0);
    let listed = fx.ws.sources().unwrap();
    assert_eq!(
        listed.iter().map(|s| s.title.as_str()).collect::<Vec<_>>(),
        ["A first look", "Acme signs definitive agreement"]
    );
    assert_eq!(listed[1].citations, 1);

    let id = created.id;
    let mut draft = source_draft("A closer look", "https://example.com/closer");
    draft.accessed = Some("2024-05".to_owned());
    draft.published = None;
    let updated = fx.edit("Edit source", |ws, _| ws.update_source(id, &draft));
    assert_eq!(updated.title, "A closer look");
    assert_eq!(updated.published, None);
    assert_eq!(updated.accessed_label.as_deref(), Some("May 2024"));
    assert_eq!(fx.ws.source(id).unwrap(), updated);

    let message = fx.refused(ErrorCode::InvalidInput, |ws, _| {
        ws.create_source(&source_draft("Bad", "javascript:alert(1)"))
    });
    assert!(message.starts_with("url: "), "{message}");
    let mut bad_date = source_draft("Bad", "https://example.com");
    bad_date.published = Some("yesterday-ish".to_owned());
    let message = fx.refused(ErrorCode::InvalidInput, |ws, _| ws.create_source(&bad_date));
    assert!(
        message.starts_with("published: \"yesterday-ish\" is not a date"),
        "{message}"
    );
    fx.refused(ErrorCode::InvalidInput, |ws, fx| {
        ws.update_source(fx.source, &source_draft(" ", "https://example.com"))
    });
    fx.refused(ErrorCode::NotFound, |ws, _| {
        ws.update_source(999, &source_draft("X", "https://example.com"))
    });
}

#[test]
fn citations_are_added_edited_and_removed() {
    let mut fx = fixture();
    let (talks, source) = (fx.talks, fx.source);
    let cited = fx.edit("Cite source", |ws, _| {
        ws.cite_source(talks, source, " talks are under way ")
    });
    assert_eq!(cited.sources.len(), 1);
    assert_eq!(cited.sources[0].quote, "talks are under way");
    assert_eq!(cited.sources[0].source_id, source);
    let link = cited.sources[0].link_id;
    assert_eq!(fx.ws.source(source).unwrap().citations, 2);

    let edited = fx.edit("Edit quote", |ws, _| {
        ws.update_citation(link, "talks are advanced")
    });
    assert_eq!(edited.sources[0].quote, "talks are advanced");
    assert_eq!(edited.sources[0].link_id, link);

    let second = fx.edit("Cite source", |ws, _| ws.cite_source(talks, source, ""));
    assert_eq!(second.sources.len(), 2);
    let removed = fx.edit("Remove citation", |ws, _| ws.remove_citation(link));
    assert_eq!(removed.sources.len(), 1);
    assert_eq!(removed.sources[0].quote, "");

    fx.refused(ErrorCode::NotFound, |ws, fx| {
        ws.cite_source(fx.talks, 999, "q")
    });
    fx.refused(ErrorCode::NotFound, |ws, fx| {
        ws.cite_source(999, fx.source, "q")
    });
    fx.refused(ErrorCode::NotFound, |ws, _| ws.update_citation(999, "q"));
    fx.refused(ErrorCode::NotFound, |ws, _| ws.remove_citation(999));
    fx.refused(ErrorCode::InvalidInput, |ws, _| {
        ws.update_citation(link + 1, &"x".repeat(100_001))
    });
}

// Annotations.

#[test]
fn annotations_are_created_edited_and_deleted() {
    let mut fx = fixture();
    let (deal, talks) = (fx.deal, fx.talks);
    let annotation =
        |event_id, start: Option<&str>, end: Option<&str>, text: &str| AnnotationDraft {
            timeline_id: deal,
            text: text.to_owned(),
            event_id,
            start: start.map(str::to_owned),
            end: end.map(str::to_owned),
        };
    let view = fx.edit_timeline("Shade period", fx.deal, |ws, _| {
        ws.create_annotation(&annotation(
            None,
            Some("Q1 2024"),
            Some("Q2 2024"),
            "Under review",
        ))
    });
    let span = view
        .annotations
        .iter()
        .find(|a| a.text == "Under review")
        .unwrap()
        .clone();
    assert_eq!(span.label.as_deref(), Some("Q1 2024 – Q2 2024"));
    let view = fx.edit_timeline("Shade period", fx.deal, |ws, _| {
        ws.create_annotation(&annotation(None, Some("2023"), None, "A year of talks"))
    });
    let year = view
        .annotations
        .iter()
        .find(|a| a.text == "A year of talks")
        .unwrap();
    assert_eq!(
        (year.start.as_deref(), year.end.as_deref()),
        (Some("2023"), Some("2023"))
    );
    let view = fx.edit_timeline("New note", fx.deal, |ws, _| {
        ws.create_annotation(&annotation(Some(talks), None, None, "Leaked"))
    });
    assert!(view.annotations.iter().any(|a| a.event_id == Some(talks)));
    fx.edit("New note", |ws, _| {
        ws.create_annotation(&annotation(None, None, Some(""), "About this deal"))
    });

    let id = span.id;
    let view = fx.edit_timeline("Edit period", fx.deal, |ws, _| {
        ws.update_annotation(id, "In review")
    });
    assert!(
        view.annotations
            .iter()
            .any(|a| a.id == id && a.text == "In review")
    );
    let view = fx.edit_timeline("Delete period", fx.deal, |ws, _| ws.delete_annotation(id));
    assert!(view.annotations.iter().all(|a| a.id != id));

    let message = fx.refused(ErrorCode::InvalidInput, |ws, _| {
        ws.create_annotation(&annotation(
            None,
            Some("Q3 2024"),
            Some("Q1 2024"),
            "Backwards",
        ))
    });
    assert!(message.starts_with("end: "), "{message}");
    fx.refused(ErrorCode::InvalidInput, |ws, _| {
        ws.create_annotation(&annotation(None, Some("Qx"), None, "Bad"))
    });
    fx.refused(ErrorCode::InvalidInput, |ws, _| {
        ws.create_annotation(&annotation(None, None, None, "  "))
    });
    let other_event = fx
        .ws
        .create_event(&new_event("Elsewhere", "2020", EventKind::Other, None));
    let elsewhere = other_event.unwrap().facts.id;
    fx.reopen();
    fx.refused(ErrorCode::InvalidInput, |ws, _| {
        ws.create_annotation(&annotation(Some(elsewhere), None, None, "Not here"))
    });
    fx.refused(ErrorCode::NotFound, |ws, _| {
        ws.create_annotation(&AnnotationDraft {
            timeline_id: 999,
            ..annotation(None, None, None, "Nowhere")
        })
    });
    fx.refused(ErrorCode::NotFound, |ws, _| ws.update_annotation(999, "x"));
    fx.refused(ErrorCode::InvalidInput, |ws, _| {
        ws.update_annotation(view.annotations[0].id, "")
    });
    fx.refused(ErrorCode::NotFound, |ws, _| ws.delete_annotation(999));
}

// Lanes.

#[test]
fn lanes_are_added_renamed_coloured_collapsed_and_moved() {
    let mut fx = fixture();
    let deal = fx.deal;
    let view = fx.edit_timeline("Add lane", fx.deal, |ws, _| ws.add_lane(deal, "Product"));
    let names = |view: &TimelineView| {
        view.lanes
            .iter()
            .map(|l| l.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&view), ["Events", "Regulators", "Product"]);
    let product = view.lanes[2].id;

    let view = fx.edit_timeline("Rename lane", fx.deal, |ws, _| {
        ws.rename_lane(product, " Products ")
    });
    assert_eq!(view.lanes[2].name, "Products");
    let view = fx.edit_timeline("Set lane colour", fx.deal, |ws, _| {
        ws.set_lane_colour(product, Some("#FF8800"))
    });
    assert_eq!(view.lanes[2].colour.as_deref(), Some("#ff8800"));
    let view = fx.edit_timeline("Set lane colour", fx.deal, |ws, _| {
        ws.set_lane_colour(product, None)
    });
    assert_eq!(view.lanes[2].colour, None);
    let view = fx.edit_timeline("Collapse lane", fx.deal, |ws, _| {
        ws.set_lane_collapsed(product, true)
    });
    assert!(view.lanes[2].collapsed);
    let view = fx.edit_timeline("Expand lane", fx.deal, |ws, _| {
        ws.set_lane_collapsed(product, false)
    });
    assert!(!view.lanes[2].collapsed);

    let view = fx.edit_timeline("Move lane", fx.deal, |ws, _| ws.move_lane(product, 0));
    assert_eq!(names(&view), ["Products", "Events", "Regulators"]);
    let view = fx.edit_timeline("Move lane", fx.deal, |ws, _| ws.move_lane(product, 99));
    assert_eq!(names(&view), ["Events", "Regulators", "Products"]);
    let view = fx.edit_timeline("Move lane", fx.deal, |ws, _| ws.move_lane(product, 1));
    assert_eq!(names(&view), ["Events", "Products", "Regulators"]);
    let conn = Connection::open(&fx.path).unwrap();
    let positions = rows(
        &conn,
        &format!("SELECT position FROM lane WHERE timeline_id = {deal} ORDER BY position"),
    );
    assert_eq!(
        positions,
        [
            [Value::Integer(0)],
            [Value::Integer(1)],
            [Value::Integer(2)]
        ]
    );
    drop(conn);

    let message = fx.refused(ErrorCode::InvalidInput, |ws, _| {
        ws.set_lane_colour(product, Some("orange"))
    });
    assert!(message.starts_with("colour: "), "{message}");
    fx.refused(ErrorCode::InvalidInput, |ws, _| ws.rename_lane(product, ""));
    fx.refused(ErrorCode::InvalidInput, |ws, fx| ws.add_lane(fx.deal, "\n"));
    fx.refused(ErrorCode::NotFound, |ws, _| ws.add_lane(999, "Lane"));
    fx.refused(ErrorCode::NotFound, |ws, _| ws.rename_lane(999, "Lane"));
    fx.refused(ErrorCode::NotFound, |ws, _| ws.move_lane(999, 0));
}

#[test]
fn a_deleted_lane_hands_its_events_to_the_first_remaining_one() {
    let mut fx = fixture();
    let (deal, events_lane, regulators, review) =
        (fx.deal, fx.deal_events, fx.deal_regulators, fx.review);
    let view = fx.edit_timeline("Delete lane", fx.deal, |ws, _| ws.delete_lane(events_lane));
    assert_eq!(view.lanes.len(), 1);
    assert_eq!(view.lanes[0].id, regulators);
    assert_eq!(view.placements.len(), 3, "no event left the timeline");
    assert!(view.placements.iter().all(|p| p.lane_id == regulators));
    assert_eq!(fx.ws.timeline(deal).unwrap().events.len(), 3);
    assert!(fx.event(review).timelines.contains(&"Deal".to_owned()));

    let message = fx.refused(ErrorCode::InvalidInput, |ws, _| ws.delete_lane(regulators));
    assert!(message.starts_with("lane: "), "{message}");
    fx.refused(ErrorCode::NotFound, |ws, _| ws.delete_lane(999));
}

// Timelines.

#[test]
fn timelines_are_created_edited_and_deleted_and_their_events_stay() {
    let mut fx = fixture();
    let summary = fx.edit("New timeline", |ws, _| ws.create_timeline(" Third deal "));
    assert_eq!(summary.title, "Third deal");
    assert_eq!((summary.events, summary.unsourced), (0, 0));
    let view = fx.ws.timeline(summary.id).unwrap();
    assert_eq!(
        view.lanes
            .iter()
            .map(|l| l.name.as_str())
            .collect::<Vec<_>>(),
        ["Events"]
    );
    assert_eq!(
        fx.ws.timelines().unwrap().last().map(|t| t.id),
        Some(summary.id)
    );

    let deal = fx.deal;
    let draft = TimelineDraft {
        title: "The deal".to_owned(),
        subtitle: "From talks to review".to_owned(),
        description: "Notes".to_owned(),
        colour: "#AA0000".to_owned(),
        summary: "  Three events of a deal, in two lanes. ".to_owned(),
    };
    let updated = fx.edit("Edit timeline", |ws, _| ws.update_timeline(deal, draft));
    assert_eq!(
        fx.ws.timeline(deal).unwrap().summary,
        "Three events of a deal, in two lanes."
    );
    assert_eq!(updated.title, "The deal");
    assert_eq!(updated.colour, "#aa0000");
    assert_eq!((updated.events, updated.unsourced), (3, 2));
    assert_eq!(fx.ws.timeline_summary(deal).unwrap(), updated);

    let state = fx.edit("Delete timeline", |ws, _| ws.delete_timeline(deal));
    assert_eq!(state.undo.as_deref(), Some("Delete timeline"));
    assert_eq!(
        fx.ws.timeline(deal).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert_eq!(fx.ws.events(&EventFilter::default()).unwrap().len(), 3);
    let conn = Connection::open(&fx.path).unwrap();
    for table in ["lane", "placement", "annotation"] {
        let left = rows(
            &conn,
            &format!("SELECT count(*) FROM {table} WHERE timeline_id = {deal}"),
        );
        assert_eq!(left, [[Value::Integer(0)]], "{table}");
    }
    drop(conn);

    fx.refused(ErrorCode::InvalidInput, |ws, _| ws.create_timeline(""));
    fx.refused(ErrorCode::InvalidInput, |ws, fx| {
        ws.update_timeline(
            fx.other,
            TimelineDraft {
                colour: "blue".to_owned(),
                ..TimelineDraft::new("Other")
            },
        )
    });
    fx.refused(ErrorCode::NotFound, |ws, _| ws.delete_timeline(deal));
}

// History.

#[test]
fn undo_and_redo_report_what_comes_next() {
    let mut fx = fixture();
    let talks = fx.talks;
    fx.ws.rename_event(talks, "Renamed").unwrap();
    let state = fx.ws.undo_step().unwrap();
    assert_eq!(state.undo.as_deref(), Some("New note"));
    assert_eq!(state.redo.as_deref(), Some("Rename event"));
    let state = fx.ws.redo_step().unwrap();
    assert_eq!(state.undo.as_deref(), Some("Rename event"));
    assert_eq!(state.redo, None);
    assert_eq!(fx.ws.redo_step().unwrap(), state, "nothing to redo");
}

// Search and filters.

#[test]
fn search_covers_quotes_and_source_titles_and_ranks_titles_first() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sample.db");
    let mut ws = Workspace::open(&path).unwrap();
    ws.replace_with_sample().unwrap();
    let titles = |query: &str| -> Vec<String> {
        ws.events(&EventFilter {
            query: Some(query.to_owned()),
            ..EventFilter::default()
        })
        .unwrap()
        .into_iter()
        .map(|e| e.facts.title)
        .collect()
    };
    // A word found only in one event's quote…
    assert_eq!(
        titles("acquirement"),
        ["Microsoft agrees to buy Activision Blizzard for $68.7B"]
    );
    // …a word found only in the title of a source one event cites…
    assert_eq!(
        titles("withhold"),
        ["Court denies the FTC's preliminary injunction"]
    );
    // …and not a word of an unrelated event.
    assert!(
        !titles("acquirement")
            .iter()
            .any(|t| t.contains("Anthropic"))
    );
    assert!(titles("acquirement withhold").is_empty());

    let found = ws.events(&query("ACQUIREMENT, (Activision")).unwrap();
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].matches, ["acquirement", "activision"]);
    assert!(
        ws.events(&EventFilter::default()).unwrap()[0]
            .matches
            .is_empty()
    );
    // FTS5 syntax is only ever words.
    for text in ["\"", "a*", "NEAR(", "title:", "-", "AND OR NOT", "^x"] {
        ws.events(&query(text)).unwrap();
    }
    drop(ws);

    // A title match ranks above a match in a description, whatever the dates.
    let mut fx = fixture();
    let early = fx
        .ws
        .create_event(&new_event(
            "Filing",
            "2001",
            EventKind::RegulatoryFiling,
            None,
        ))
        .unwrap()
        .facts
        .id;
    fx.ws
        .update_event(
            early,
            &EventPatch {
                description: Some("Mentions the zeppelin once.".to_owned()),
                ..EventPatch::default()
            },
        )
        .unwrap();
    let late = fx
        .ws
        .create_event(&new_event("Zeppelin deal", "2030", EventKind::Other, None))
        .unwrap()
        .facts
        .id;
    assert_eq!(fx.search(query("zeppelin")), [late, early]);
    assert_eq!(fx.search(query("zep")), [late, early], "prefixes match");
}

#[test]
fn search_follows_citations_and_source_titles_through_undo() {
    let mut fx = fixture();
    let (signing, talks, source) = (fx.signing, fx.talks, fx.source);
    assert_eq!(fx.search(query("binding")), [signing]);
    assert_eq!(fx.search(query("definitive")), [signing]);

    let link = fx.ws.event(signing).unwrap().sources[0].link_id;
    fx.ws.update_citation(link, "a handshake deal").unwrap();
    assert!(fx.search(query("binding")).is_empty());
    assert_eq!(fx.search(query("handshake")), [signing]);
    fx.ws.undo_step().unwrap();
    assert_eq!(fx.search(query("binding")), [signing]);

    fx.ws
        .update_source(
            source,
            &source_draft("Zebra report", "https://example.com/z"),
        )
        .unwrap();
    assert_eq!(fx.search(query("zebra")), [signing]);
    assert!(fx.search(query("definitive")).is_empty());
    fx.ws.cite_source(talks, source, "").unwrap();
    let mut found = fx.search(query("zebra"));
    found.sort();
    assert_eq!(found, [signing, talks]);
    fx.ws.remove_citation(link).unwrap();
    assert_eq!(fx.search(query("zebra")), [talks]);
    fx.ws.undo_step().unwrap();
    fx.ws.undo_step().unwrap();
    fx.ws.undo_step().unwrap();
    assert_eq!(fx.search(query("definitive")), [signing]);
    assert!(fx.search(query("zebra")).is_empty());
}

#[test]
fn filters_each_narrow_the_events() {
    let fx = fixture();
    let all = |filter: EventFilter| fx.search(filter);
    let (signing, talks, review) = (fx.signing, fx.talks, fx.review);
    assert_eq!(all(EventFilter::default()), [signing, talks, review]);
    assert_eq!(
        all(EventFilter {
            kinds: Some(vec![EventKind::Rumour, EventKind::RegulatoryReview]),
            ..EventFilter::default()
        }),
        [talks, review]
    );
    assert_eq!(
        all(EventFilter {
            kinds: Some(vec![]),
            ..EventFilter::default()
        }),
        [signing, talks, review],
        "an empty list is no filter"
    );
    assert_eq!(
        all(EventFilter {
            confidences: Some(vec![Confidence::Confirmed]),
            ..EventFilter::default()
        }),
        [review]
    );
    assert_eq!(
        all(EventFilter {
            party: Some("cma".to_owned()),
            ..EventFilter::default()
        }),
        [review]
    );
    assert!(
        all(EventFilter {
            party: Some("CM".to_owned()),
            ..EventFilter::default()
        })
        .is_empty(),
        "a party matches whole"
    );
    assert_eq!(
        all(EventFilter {
            tag: Some("Antitrust".to_owned()),
            ..EventFilter::default()
        }),
        [review]
    );
    assert_eq!(
        all(EventFilter {
            unsourced: Some(true),
            ..EventFilter::default()
        }),
        [talks, review]
    );
    assert_eq!(
        all(EventFilter {
            unsourced: Some(false),
            ..EventFilter::default()
        }),
        [signing]
    );
    let mut fx = fx;
    let other_lane = fx.other_lane;
    fx.ws.place_event(talks, other_lane).unwrap();
    assert_eq!(
        fx.search(EventFilter {
            not_on_timeline: Some(fx.other),
            ..EventFilter::default()
        }),
        [signing, review]
    );
    assert_eq!(
        fx.search(EventFilter {
            timeline: Some(fx.other),
            ..EventFilter::default()
        }),
        [talks]
    );
    assert_eq!(
        fx.search(EventFilter {
            query: Some("review".to_owned()),
            unsourced: Some(true),
            kinds: Some(vec![EventKind::RegulatoryReview]),
            timeline: Some(fx.deal),
            ..EventFilter::default()
        }),
        [review],
        "filters combine"
    );
}
