//! Every schema version is frozen as a fixture in `tests/fixtures/` and
//! upgraded here to the current one: the data survives and the upgraded
//! schema is exactly a new workspace's.

use std::path::{Path, PathBuf};

use rusqlite::Connection;
use rusqlite::types::Value;
use tideline_model::Date;
use tideline_store::views::EventFilter;
use tideline_store::{APPLICATION_ID, SCHEMA_VERSION, Workspace};

const V1: &str = include_str!("fixtures/schema-v1.sql");

/// The tables of schema version 1, which hold the user's data.
const V1_TABLES: &[&str] = &[
    "timeline",
    "lane",
    "event",
    "placement",
    "source",
    "event_source",
    "annotation",
];

fn build(dir: &Path, fixture: &str) -> PathBuf {
    let path = dir.join("old.db");
    let conn = Connection::open(&path).unwrap();
    conn.execute_batch(fixture).unwrap();
    path
}

fn rows(conn: &Connection, sql: &str) -> Vec<Vec<Value>> {
    let mut stmt = conn.prepare(sql).unwrap();
    let columns = stmt.column_count();
    stmt.query_map([], |row| (0..columns).map(|i| row.get(i)).collect())
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn tables(conn: &Connection) -> Vec<(&'static str, Vec<Vec<Value>>)> {
    V1_TABLES
        .iter()
        .map(|table| {
            (
                *table,
                rows(conn, &format!("SELECT * FROM {table} ORDER BY rowid")),
            )
        })
        .collect()
}

fn schema(path: &Path) -> Vec<Vec<Value>> {
    let conn = Connection::open(path).unwrap();
    rows(
        &conn,
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name",
    )
}

fn pragma(path: &Path, name: &str) -> i64 {
    Connection::open(path)
        .unwrap()
        .pragma_query_value(None, name, |row| row.get(0))
        .unwrap()
}

#[test]
fn the_v1_fixture_is_a_version_1_workspace_with_true_minutes() {
    let dir = tempfile::tempdir().unwrap();
    let path = build(dir.path(), V1);
    assert_eq!(pragma(&path, "user_version"), 1);
    assert_eq!(pragma(&path, "application_id"), APPLICATION_ID);
    let conn = Connection::open(&path).unwrap();
    let dates: Vec<(String, i64, Option<String>, Option<i64>)> = conn
        .prepare(
            "SELECT start_edtf, start_minute, end_edtf, end_minute FROM event
             UNION ALL
             SELECT start_edtf, start_minute, end_edtf, end_minute FROM annotation
             WHERE start_edtf IS NOT NULL",
        )
        .unwrap()
        .query_map([], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(dates.len(), 3);
    for (start, start_minute, end, end_minute) in dates {
        assert_eq!(
            Date::parse_edtf(&start).unwrap().start_minute(),
            start_minute,
            "{start}"
        );
        assert_eq!(
            end.map(|end| Date::parse_edtf(&end).unwrap().end_minute()),
            end_minute
        );
    }
}

#[test]
fn a_version_1_workspace_is_upgraded_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = build(dir.path(), V1);
    let before = tables(&Connection::open(&path).unwrap());
    assert!(before.iter().all(|(_, rows)| !rows.is_empty()));

    let mut workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.check().unwrap().problems, Vec::<String>::new());
    let timelines = workspace.timelines().unwrap();
    assert_eq!(timelines.len(), 1);
    assert_eq!(timelines[0].title, "Microsoft–OpenAI");
    assert_eq!((timelines[0].events, timelines[0].unsourced), (2, 1));
    let view = workspace.timeline(timelines[0].id).unwrap();
    assert_eq!(view.lanes.len(), 2);
    assert!(view.lanes[1].collapsed);
    assert_eq!(view.placements.len(), 2);
    assert_eq!(view.annotations.len(), 2);
    let invested = &view.events[0];
    assert_eq!(invested.start, "2019-07-22");
    assert_eq!(invested.sources.len(), 1);
    assert_eq!(
        invested.sources[0].quote,
        "Microsoft is investing $1 billion in OpenAI"
    );
    assert_eq!(view.events[1].end.as_deref(), Some("2023-03"));
    let found = workspace
        .events(&EventFilter {
            timeline: None,
            query: Some("partner".to_owned()),
        })
        .unwrap();
    assert_eq!(found.len(), 2, "the full-text index came along");

    // The upgraded file has no history yet, and records from now on.
    assert_eq!(
        workspace.history().unwrap(),
        tideline_store::HistoryState {
            undo: None,
            redo: None
        }
    );
    workspace.rename_event(invested.id, "Renamed").unwrap();
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Rename event"));
    drop(workspace);

    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION);
    assert_eq!(pragma(&path, "application_id"), APPLICATION_ID);
    let after = tables(&Connection::open(&path).unwrap());
    assert_eq!(before, after, "the upgrade changed no data");
}

#[test]
fn an_upgraded_schema_is_a_new_workspace_schema() {
    let dir = tempfile::tempdir().unwrap();
    let upgraded = build(dir.path(), V1);
    drop(Workspace::open(&upgraded).unwrap());
    let fresh = dir.path().join("new.db");
    drop(Workspace::open(&fresh).unwrap());
    let upgraded = schema(&upgraded);
    let fresh = schema(&fresh);
    assert!(fresh.len() > V1_TABLES.len());
    assert_eq!(upgraded, fresh);
}
