//! The store on real SQLite files in temporary folders.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use tideline_model::{Date, EventDraft, EventKind, Precision, TimelineDraft};
use tideline_store::views::EventFilter;
use tideline_store::{APPLICATION_ID, ErrorCode, SCHEMA_VERSION, StoreError, Workspace};

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

fn sample(path: &Path) -> Workspace {
    let mut workspace = Workspace::open(path).unwrap();
    workspace.replace_with_sample().unwrap();
    workspace
}

fn pragma(path: &Path, name: &str) -> String {
    let conn = Connection::open(path).unwrap();
    conn.pragma_query_value(None, name, |row| row.get::<_, rusqlite::types::Value>(0))
        .map(|value| match value {
            rusqlite::types::Value::Integer(n) => n.to_string(),
            rusqlite::types::Value::Text(text) => text,
            other => format!("{other:?}"),
        })
        .unwrap()
}

#[test]
fn a_new_workspace_is_wal_versioned_and_marked_as_ours() {
    let dir = Dir::new();
    let path = dir.file("new.db");
    let workspace = Workspace::open(&path).unwrap();
    assert!(workspace.is_empty().unwrap());
    drop(workspace);
    assert_eq!(pragma(&path, "journal_mode"), "wal");
    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION.to_string());
    assert_eq!(pragma(&path, "application_id"), APPLICATION_ID.to_string());
}

#[test]
fn every_foreign_key_has_an_index() {
    let dir = Dir::new();
    let path = dir.file("fk.db");
    drop(Workspace::open(&path).unwrap());
    let conn = Connection::open(&path).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut checked = 0;
    for table in &tables {
        let mut keys: Vec<(i64, String)> = conn
            .prepare(&format!(
                "SELECT id, \"from\" FROM pragma_foreign_key_list('{table}') ORDER BY id, seq"
            ))
            .unwrap()
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        keys.dedup_by_key(|(id, _)| *id);
        let indexes: Vec<String> = conn
            .prepare(&format!(
                "SELECT (SELECT name FROM pragma_index_info(il.name) WHERE seqno = 0) FROM pragma_index_list('{table}') il"
            ))
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        for (_, column) in keys {
            checked += 1;
            assert!(
                indexes.contains(&column),
                "{table}.{column} has no index leading with it"
            );
        }
    }
    assert!(checked >= 8, "checked only {checked} foreign keys");
}

#[test]
fn the_sample_is_sourced_and_uses_true_precisions() {
    let dir = Dir::new();
    let workspace = sample(&dir.file("sample.db"));
    let timelines = workspace.timelines().unwrap();
    let openai = timelines
        .iter()
        .find(|t| t.title == "Microsoft–OpenAI")
        .expect("the Microsoft–OpenAI timeline");
    assert!(openai.events >= 10);
    assert_eq!(openai.unsourced, 0);
    let view = workspace.timeline(openai.id).unwrap();
    assert!(view.lanes.len() >= 2);
    assert!(!view.annotations.is_empty());
    for event in &view.events {
        assert!(
            !event.sources.is_empty(),
            "{} is unsourced",
            event.facts.title
        );
        assert!(
            event
                .sources
                .iter()
                .all(|s| !s.quote.is_empty() && s.url.starts_with("https://"))
        );
    }
    let range = view
        .events
        .iter()
        .find(|e| e.facts.end.is_some())
        .expect("a range");
    assert!(
        range.sources.len() >= 2,
        "both ends of {} are sourced",
        range.facts.title
    );
    assert!(
        view.events
            .iter()
            .any(|e| e.facts.precision == Precision::Year)
    );
    let all = workspace.events(&EventFilter::default()).unwrap();
    assert!(all.iter().any(|e| e.facts.precision == Precision::Month));
    let ftc = all
        .iter()
        .find(|e| e.facts.title.starts_with("FTC inquiry"))
        .unwrap();
    assert_eq!(ftc.timelines.len(), 2, "one event placed on two timelines");
    let starts: Vec<Date> = all
        .iter()
        .map(|e| Date::parse_edtf(&e.facts.start).unwrap())
        .collect();
    assert!(
        starts
            .windows(2)
            .all(|w| w[0].start_minute() <= w[1].start_minute()),
        "events come in start order"
    );
}

#[test]
fn the_sample_is_a_workspace_of_its_own_written_once() {
    let dir = Dir::new();
    let path = dir.file("tideline").join("sample.db");
    let workspace = Workspace::open_sample(&path).unwrap();
    assert!(workspace.holds_sample().unwrap());
    assert_eq!(workspace.timelines().unwrap().len(), 3);
    let mut workspace = workspace;
    let lane = workspace.timeline(1).unwrap().lanes[0].id;
    workspace.add_lane(1, "Mine").unwrap();
    drop(workspace);
    // Opened again, it is the file as the user left it, not written anew.
    let again = Workspace::open_sample(&path).unwrap();
    let lanes = again.timeline(1).unwrap().lanes;
    assert!(lanes.iter().any(|l| l.name == "Mine"));
    assert!(lanes.iter().any(|l| l.id == lane));
    let empty = Workspace::open(&dir.file("new.db")).unwrap();
    assert!(!empty.holds_sample().unwrap());
}

#[test]
fn the_sample_workspace_is_written_again_once_emptied() {
    let dir = Dir::new();
    let path = dir.file("sample.db");
    let mut workspace = Workspace::open_sample(&path).unwrap();
    workspace.remove_sample().unwrap();
    assert!(workspace.is_empty().unwrap());
    drop(workspace);
    let again = Workspace::open_sample(&path).unwrap();
    assert!(again.holds_sample().unwrap());
}

#[test]
fn each_new_timeline_takes_a_colour_no_other_has() {
    let dir = Dir::new();
    let mut workspace = sample(&dir.file("colours.db"));
    let mut colours: Vec<String> = workspace
        .timelines()
        .unwrap()
        .into_iter()
        .map(|t| t.colour)
        .collect();
    for title in ["Broadcom–VMware", "Nvidia–Arm"] {
        let created = workspace.create_timeline(title).unwrap();
        assert!(
            !colours.contains(&created.colour),
            "{} again",
            created.colour
        );
        colours.push(created.colour);
    }
}

#[test]
fn search_finds_events_by_words_of_their_text() {
    let dir = Dir::new();
    let workspace = sample(&dir.file("search.db"));
    let search = |query: &str| {
        workspace
            .events(&EventFilter {
                timeline: None,
                query: Some(query.to_owned()),
                ..EventFilter::default()
            })
            .unwrap()
            .into_iter()
            .map(|e| e.facts.title)
            .collect::<Vec<_>>()
    };
    assert!(
        search("vestag")
            .iter()
            .any(|t| t.starts_with("EU closes merger question"))
    );
    assert!(search("Ubisoft").iter().any(|t| t.contains("Ubisoft")));
    assert!(
        search("\"quoted\" OR NEAR(").is_empty(),
        "FTS syntax is not passed through"
    );
    assert_eq!(search("  ").len(), 42, "a blank query lists everything");
}

#[test]
fn a_page_of_events_is_the_first_of_the_whole_list_and_counts_them_all() {
    let dir = Dir::new();
    let workspace = sample(&dir.file("page.db"));
    for query in [None, Some("microsoft".to_owned())] {
        let filter = EventFilter {
            query: query.clone(),
            ..EventFilter::default()
        };
        let all = workspace.events(&filter).unwrap();
        assert!(all.len() > 5, "{query:?}");
        let page = workspace
            .events_page(&EventFilter {
                limit: Some(5),
                ..filter
            })
            .unwrap();
        assert_eq!(page.total as usize, all.len());
        assert_eq!(page.events, all[..5]);
    }
    let none = workspace.events_page(&query_filter("zzzzqx")).unwrap();
    assert_eq!((none.events.len(), none.total), (0, 0));
}

#[test]
fn pages_at_offsets_join_into_the_whole_list_without_gaps_or_repeats() {
    let dir = Dir::new();
    let mut workspace = Workspace::open(&dir.file("pages.db")).unwrap();
    // Many events on the same day and many with the same title, so that
    // only the tiebreak keeps the order the same from page to page.
    workspace
        .write(|writer| {
            for n in 0..230_i32 {
                let start = Date::day(2000 + (n * 7) % 23, 1 + (n % 3) as u8, 1).unwrap();
                let title = if n % 3 == 0 {
                    "Merger talks".to_owned()
                } else {
                    format!("Merger filing {}", n % 11)
                };
                writer.create_event(EventDraft::new(&title, start, EventKind::Other))?;
            }
            Ok(())
        })
        .unwrap();
    for query in [None, Some("merger".to_owned()), Some("talks".to_owned())] {
        let filter = EventFilter {
            query: query.clone(),
            ..EventFilter::default()
        };
        let all: Vec<i64> = workspace
            .events(&filter)
            .unwrap()
            .iter()
            .map(|e| e.facts.id)
            .collect();
        assert!(all.len() > 70, "{query:?}");
        for size in [1_u32, 7, 64, 500] {
            let mut joined = Vec::new();
            let mut offset = 0;
            loop {
                let page = workspace
                    .events_page(&EventFilter {
                        limit: Some(size),
                        offset: Some(offset),
                        ..filter.clone()
                    })
                    .unwrap();
                assert_eq!(page.total as usize, all.len(), "{query:?} at {offset}");
                if page.events.is_empty() {
                    break;
                }
                assert!(page.events.len() <= size as usize);
                joined.extend(page.events.iter().map(|e| e.facts.id));
                offset += size;
            }
            assert_eq!(joined, all, "{query:?} in pages of {size}");
        }
        // An offset alone gives the rest of the list; one past the end
        // gives nothing, and still the count.
        let rest = workspace
            .events_page(&EventFilter {
                offset: Some(50),
                ..filter.clone()
            })
            .unwrap();
        assert_eq!(rest.total as usize, all.len());
        assert!(
            rest.events
                .iter()
                .map(|e| e.facts.id)
                .eq(all[50..].iter().copied())
        );
        let past = workspace
            .events_page(&EventFilter {
                offset: Some(10_000),
                limit: Some(10),
                ..filter
            })
            .unwrap();
        assert_eq!((past.events.len(), past.total as usize), (0, all.len()));
    }
    let mut ids: Vec<i64> = workspace
        .events(&EventFilter::default())
        .unwrap()
        .iter()
        .map(|e| e.facts.id)
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 230);
}

#[test]
fn a_timeline_in_outline_says_what_the_whole_view_says_of_each_event() {
    let dir = Dir::new();
    let workspace = sample(&dir.file("outline.db"));
    let mut cited = 0;
    for summary in workspace.timelines().unwrap() {
        let whole = workspace.timeline(summary.id).unwrap();
        let outline = workspace.timeline_outline(summary.id).unwrap();
        assert_eq!(
            (&outline.lanes, &outline.placements, &outline.annotations),
            (&whole.lanes, &whole.placements, &whole.annotations)
        );
        assert_eq!(outline.events.len(), whole.events.len());
        cited += whole
            .events
            .iter()
            .filter(|e| !e.sources.is_empty())
            .count();
        for (brief, full) in outline.events.iter().zip(&whole.events) {
            assert_eq!(brief.facts, full.facts);
            assert_eq!(brief.source_count as usize, full.sources.len());
        }
    }
    assert!(cited > 0);
}

fn query_filter(text: &str) -> EventFilter {
    EventFilter {
        query: Some(text.to_owned()),
        limit: Some(10),
        ..EventFilter::default()
    }
}

#[test]
fn a_renamed_event_survives_reopening_and_a_bad_title_changes_nothing() {
    let dir = Dir::new();
    let path = dir.file("rename.db");
    let mut workspace = sample(&path);
    let first = workspace.events(&EventFilter::default()).unwrap().remove(0);
    let renamed = workspace
        .rename_event(first.facts.id, "  A new title ")
        .unwrap();
    assert_eq!(renamed.facts.title, "A new title");
    let error = workspace.rename_event(first.facts.id, "   ").unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidInput);
    assert_eq!(
        workspace.rename_event(999_999, "x").unwrap_err().code(),
        ErrorCode::NotFound
    );
    drop(workspace);
    let workspace = Workspace::open_existing(&path).unwrap();
    assert_eq!(
        workspace.event(first.facts.id).unwrap().facts.title,
        "A new title"
    );
}

#[test]
fn deferred_checkpoints_keep_edits_in_the_log_until_the_idle_checkpoint() {
    let dir = Dir::new();
    let path = dir.file("deferred.db");
    let mut workspace = sample(&path);
    workspace.checkpoint().unwrap();
    workspace.defer_checkpoints().unwrap();
    let events = workspace.events(&EventFilter::default()).unwrap();
    // Enough edits to pass SQLite's automatic checkpoint of 1,000 pages.
    for round in 0..30 {
        for event in &events {
            let delta = if round % 2 == 0 { 1440 } else { -1440 };
            workspace.move_event(event.facts.id, delta).unwrap();
        }
    }
    let renamed = workspace
        .rename_event(events[0].facts.id, "Seen at once")
        .unwrap();
    // Another reader (the CLI) sees the edit before any checkpoint.
    let reader = Workspace::open_existing(&path).unwrap();
    assert_eq!(
        reader.event(renamed.facts.id).unwrap().facts.title,
        "Seen at once"
    );
    drop(reader);
    let (logged, copied) = workspace.checkpoint().unwrap();
    assert!(
        logged > 1000,
        "every edit since the last checkpoint is in the log: {logged}"
    );
    assert_eq!(copied, logged);
}

#[test]
fn a_failed_write_leaves_nothing_behind() {
    let dir = Dir::new();
    let path = dir.file("tx.db");
    let mut workspace = Workspace::open(&path).unwrap();
    let result = workspace.write(|writer| {
        let timeline = writer.create_timeline(TimelineDraft::new("Half done"), &["Deal"])?;
        let lane = writer.lane(timeline, "Deal")?;
        let event = writer.create_event(EventDraft::new(
            "Placed",
            Date::year(2020).unwrap(),
            EventKind::Other,
        ))?;
        writer.place(event, lane)?;
        writer.create_event(EventDraft::new(
            "   ",
            Date::year(2021).unwrap(),
            EventKind::Other,
        ))
    });
    assert!(matches!(result, Err(StoreError::Invalid(_))));
    assert!(workspace.is_empty().unwrap());
}

#[test]
fn a_file_from_a_newer_tideline_is_refused_untouched() {
    let dir = Dir::new();
    let path = dir.file("newer.db");
    drop(sample(&path));
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "delete").unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let error = Workspace::open(&path).err().expect("refused");
    assert_eq!(error.code(), ErrorCode::NewerSchema);
    assert!(
        error.to_string().contains("newer version of Tideline"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn files_that_are_not_workspaces_are_refused_untouched() {
    let dir = Dir::new();
    let text = dir.file("notes.txt");
    std::fs::write(&text, "not a database at all\n").unwrap();
    let png = dir.file("image.png");
    std::fs::write(
        &png,
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0",
    )
    .unwrap();
    let other = dir.file("other.sqlite");
    Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    for path in [&text, &png, &other] {
        let before = std::fs::read(path).unwrap();
        let error = Workspace::open(path).err().expect("refused");
        assert_eq!(error.code(), ErrorCode::NotAWorkspace, "{}", path.display());
        assert_eq!(
            std::fs::read(path).unwrap(),
            before,
            "{} changed",
            path.display()
        );
    }
    let missing = dir.file("missing.db");
    assert_eq!(
        Workspace::open_existing(&missing).err().unwrap().code(),
        ErrorCode::NotAWorkspace
    );
    assert!(!missing.exists());
}

#[test]
fn layout_places_every_sample_event_in_view_without_overlap() {
    let dir = Dir::new();
    let workspace = sample(&dir.file("layout.db"));
    let id = workspace.find_timeline("Microsoft–OpenAI").unwrap();
    let events = workspace.timeline(id).unwrap().events.len();
    let start = Date::year(2019).unwrap().start_minute() as f64;
    let end = Date::year(2026).unwrap().end_minute() as f64;
    let viewport = tideline_model::layout::Viewport {
        start_minute: start,
        end_minute: end,
        width_px: 1200.0,
        top_px: None,
        height_px: None,
    };
    let layout = workspace.layout(&[id], viewport, None).unwrap();
    let items: Vec<_> = layout.timelines[0]
        .lanes
        .iter()
        .flat_map(|l| l.items.iter())
        .collect();
    assert_eq!(items.len(), events);
    assert!(!layout.ticks.is_empty());
}

#[test]
fn the_canvas_ticks_speak_the_workspaces_language() {
    let dir = Dir::new();
    let mut workspace = sample(&dir.file("ticks.db"));
    let id = workspace.find_timeline("Microsoft–OpenAI").unwrap();
    // Months of 2023 across 1200 px: month ticks.
    let viewport = tideline_model::layout::Viewport {
        start_minute: Date::year(2023).unwrap().start_minute() as f64,
        end_minute: Date::year(2023).unwrap().end_minute() as f64,
        width_px: 1200.0,
        top_px: None,
        height_px: None,
    };
    let labels = |workspace: &Workspace| -> Vec<String> {
        let layout = workspace.layout(&[id], viewport.clone(), None).unwrap();
        layout.ticks.into_iter().map(|t| t.label).collect()
    };
    assert!(labels(&workspace).contains(&"Jul".to_owned()));
    workspace
        .set_setting(tideline_store::LOCALE_SETTING, "de")
        .unwrap();
    let german = labels(&workspace);
    assert!(german.contains(&"März".to_owned()), "{german:?}");
    assert!(!german.contains(&"Mar".to_owned()), "{german:?}");
}

#[test]
fn the_layout_follows_every_change_to_the_file() {
    let dir = Dir::new();
    let path = dir.file("fresh-layout.db");
    let mut workspace = sample(&path);
    let id = workspace.find_timeline("Microsoft–OpenAI").unwrap();
    let event = workspace.timeline(id).unwrap().events[0].facts.id;
    let viewport = tideline_model::layout::Viewport {
        start_minute: Date::year(2019).unwrap().start_minute() as f64,
        end_minute: Date::year(2026).unwrap().end_minute() as f64,
        width_px: 1200.0,
        top_px: None,
        height_px: None,
    };
    let x_of = |workspace: &Workspace| {
        let layout = workspace.layout(&[id], viewport.clone(), None).unwrap();
        let items = layout.timelines[0]
            .lanes
            .iter()
            .flat_map(|l| l.items.iter());
        items.filter(|i| i.id == event).map(|i| i.x).next().unwrap()
    };
    let before = x_of(&workspace);
    assert_eq!(
        x_of(&workspace),
        before,
        "an unchanged file lays out the same"
    );

    // An edit through this workspace.
    workspace.move_event(event, 365 * 1440).unwrap();
    let moved = x_of(&workspace);
    assert!(moved > before + 100.0, "{before} → {moved}");

    // A change committed by another connection, as the CLI would make.
    let other = Connection::open(&path).unwrap();
    other
        .execute(
            "UPDATE event SET start_edtf = '2019-07-22', start_minute = ?1 WHERE id = ?2",
            rusqlite::params![Date::day(2019, 7, 22).unwrap().start_minute(), event],
        )
        .unwrap();
    assert_eq!(x_of(&workspace), before);
}

#[test]
fn save_as_writes_a_workspace_with_the_same_events_and_history() {
    let dir = Dir::new();
    let mut workspace = sample(&dir.file("original.db"));
    let first = workspace.events(&EventFilter::default()).unwrap().remove(0);
    workspace
        .rename_event(first.facts.id, "Renamed before saving")
        .unwrap();
    let copy_path = dir.file("copy.db");
    workspace.save_as(&copy_path).unwrap();

    let mut copy = Workspace::open_existing(&copy_path).unwrap();
    assert_eq!(
        copy.events(&EventFilter::default()).unwrap(),
        workspace.events(&EventFilter::default()).unwrap()
    );
    assert_eq!(copy.timelines().unwrap(), workspace.timelines().unwrap());
    assert!(copy.check().unwrap().problems.is_empty());
    assert_eq!(
        pragma(&copy_path, "application_id"),
        APPLICATION_ID.to_string()
    );
    assert_eq!(
        pragma(&copy_path, "user_version"),
        SCHEMA_VERSION.to_string()
    );
    assert_eq!(pragma(&copy_path, "journal_mode"), "wal");

    // The copy carries the undo history and goes its own way from here.
    copy.undo_step().unwrap();
    assert_eq!(
        copy.event(first.facts.id).unwrap().facts.title,
        first.facts.title
    );
    assert_eq!(
        workspace.event(first.facts.id).unwrap().facts.title,
        "Renamed before saving"
    );
}

#[test]
fn save_as_and_create_never_overwrite_a_file() {
    let dir = Dir::new();
    let workspace = sample(&dir.file("original.db"));
    let taken = dir.file("taken.db");
    std::fs::write(&taken, "someone's notes\n").unwrap();
    let other = dir.file("other.db");
    drop(sample(&other));
    for path in [&taken, &other, workspace.path()] {
        let before = std::fs::read(path).unwrap();
        let error = workspace.save_as(path).unwrap_err();
        assert_eq!(error.code(), ErrorCode::InvalidInput);
        assert!(error.to_string().contains("already exists"), "{error}");
        let error = Workspace::create(path).err().expect("refused");
        assert_eq!(error.code(), ErrorCode::InvalidInput);
        assert_eq!(std::fs::read(path).unwrap(), before, "{}", path.display());
    }

    // An empty file, as a save dialog may leave, is used.
    let empty = dir.file("empty.db");
    std::fs::write(&empty, "").unwrap();
    workspace.save_as(&empty).unwrap();
    assert!(
        !Workspace::open_existing(&empty)
            .unwrap()
            .is_empty()
            .unwrap()
    );
    let new = dir.file("new.db");
    assert!(Workspace::create(&new).unwrap().is_empty().unwrap());
}

#[test]
fn another_connection_sees_an_edit_as_soon_as_it_returns() {
    let dir = Dir::new();
    let path = dir.file("shared.db");
    let mut app = sample(&path);
    // The CLI opening the file while the app has it open.
    let cli = Workspace::open_existing(&path).unwrap();
    let event = cli.events(&EventFilter::default()).unwrap().remove(0);
    app.rename_event(event.facts.id, "Seen at once").unwrap();
    assert_eq!(
        cli.event(event.facts.id).unwrap().facts.title,
        "Seen at once"
    );
    assert_eq!(
        Workspace::open_existing(&path)
            .unwrap()
            .event(event.facts.id)
            .unwrap()
            .facts
            .title,
        "Seen at once"
    );
}
