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
const V2: &str = include_str!("fixtures/schema-v2.sql");
const V3: &str = include_str!("fixtures/schema-v3.sql");
const V4: &str = include_str!("fixtures/schema-v4.sql");
const V5: &str = include_str!("fixtures/schema-v5.sql");
const V6: &str = include_str!("fixtures/schema-v6.sql");
const V7: &str = include_str!("fixtures/schema-v7.sql");

/// Every frozen schema version with its fixture.
const FIXTURES: &[(i64, &str)] = &[
    (1, V1),
    (2, V2),
    (3, V3),
    (4, V4),
    (5, V5),
    (6, V6),
    (7, V7),
];

/// The tables that hold the user's data (all there since version 1).
const USER_TABLES: &[&str] = &[
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

fn columns(conn: &Connection, table: &str) -> Vec<String> {
    conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The user's tables with their columns, as named.
type Tables = Vec<(&'static str, Vec<String>)>;

fn table_columns(conn: &Connection) -> Tables {
    USER_TABLES
        .iter()
        .map(|table| (*table, columns(conn, table)))
        .collect()
}

/// Every row of the user's tables, reading only the given columns.
fn data(conn: &Connection, tables: &Tables) -> Vec<(&'static str, Vec<Vec<Value>>)> {
    tables
        .iter()
        .map(|(table, columns)| {
            let sql = format!("SELECT {} FROM {table} ORDER BY rowid", columns.join(", "));
            (*table, rows(conn, &sql))
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
    let old = Connection::open(&path).unwrap();
    let old_columns = table_columns(&old);
    let before = data(&old, &old_columns);
    drop(old);
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
    assert_eq!(invested.facts.start, "2019-07-22");
    assert_eq!(invested.sources.len(), 1);
    assert_eq!(
        invested.sources[0].quote,
        "Microsoft is investing $1 billion in OpenAI"
    );
    assert_eq!(view.events[1].facts.end.as_deref(), Some("2023-03"));
    let found = workspace
        .events(&EventFilter {
            timeline: None,
            query: Some("partner".to_owned()),
            ..EventFilter::default()
        })
        .unwrap();
    assert_eq!(found.len(), 2, "the full-text index came along");
    let quoted = workspace
        .events(&EventFilter {
            query: Some("investing".to_owned()),
            ..EventFilter::default()
        })
        .unwrap();
    assert_eq!(
        quoted.iter().map(|e| e.facts.id).collect::<Vec<_>>(),
        [invested.facts.id],
        "quotes are searchable after the upgrade"
    );
    assert!(view.lanes.iter().all(|lane| lane.colour.is_none()));

    // The upgraded file has no history yet, and records from now on.
    assert_eq!(
        workspace.history().unwrap(),
        tideline_store::HistoryState {
            undo: None,
            redo: None
        }
    );
    workspace
        .rename_event(invested.facts.id, "Renamed")
        .unwrap();
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Rename event"));
    drop(workspace);

    assert_eq!(pragma(&path, "user_version"), SCHEMA_VERSION);
    assert_eq!(pragma(&path, "application_id"), APPLICATION_ID);
    let after = data(&Connection::open(&path).unwrap(), &old_columns);
    assert_eq!(before, after, "the upgrade changed no data");
}

#[test]
fn the_v2_fixture_is_a_version_2_workspace_with_true_minutes_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = build(dir.path(), V2);
    assert_eq!(pragma(&path, "user_version"), 2);
    assert_eq!(pragma(&path, "application_id"), APPLICATION_ID);
    let conn = Connection::open(&path).unwrap();
    let steps = rows(
        &conn,
        "SELECT label FROM history_step WHERE stack = 'undo' ORDER BY id",
    );
    assert_eq!(
        steps,
        [
            vec![Value::Text("Rename lane".into())],
            vec![Value::Text("Edit event".into())]
        ]
    );
    for (start, start_minute) in rows(&conn, "SELECT start_edtf, start_minute FROM event")
        .into_iter()
        .map(|row| (row[0].clone(), row[1].clone()))
    {
        let (Value::Text(start), Value::Integer(minute)) = (start, start_minute) else {
            panic!("dates are text and minutes integers");
        };
        assert_eq!(Date::parse_edtf(&start).unwrap().start_minute(), minute);
    }
}

#[test]
fn a_version_2_workspace_is_upgraded_with_its_data_and_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = build(dir.path(), V2);
    let old = Connection::open(&path).unwrap();
    let old_columns = table_columns(&old);
    let before = data(&old, &old_columns);
    drop(old);
    assert!(before.iter().all(|(_, rows)| !rows.is_empty()));

    let workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.check().unwrap().problems, Vec::<String>::new());
    let search = |workspace: &Workspace, query: &str| -> Vec<i64> {
        workspace
            .events(&EventFilter {
                query: Some(query.to_owned()),
                ..EventFilter::default()
            })
            .unwrap()
            .iter()
            .map(|e| e.facts.id)
            .collect()
    };
    // Backfilled: a word of a quote, a word of a source title, a tag.
    assert_eq!(search(&workspace, "investing"), [1]);
    assert_eq!(search(&workspace, "exclusive computing"), [1]);
    assert_eq!(search(&workspace, "azure"), [1]);
    assert_eq!(search(&workspace, "partnership").len(), 2);
    drop(workspace);
    let after = data(&Connection::open(&path).unwrap(), &old_columns);
    assert_eq!(before, after, "the upgrade changed no data");

    // The history recorded by version 2 still undoes and redoes, and the
    // search index follows.
    let mut workspace = Workspace::open(&path).unwrap();
    assert_eq!(
        workspace.history().unwrap(),
        tideline_store::HistoryState {
            undo: Some("Edit event".to_owned()),
            redo: None
        }
    );
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Edit event"));
    let event = workspace.event(1).unwrap();
    assert_eq!(event.facts.title, "Microsoft invests $1bn in OpenAI");
    assert_eq!(event.tags, ["cloud"]);
    assert!(search(&workspace, "azure").is_empty());
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Rename lane"));
    let lanes = workspace.timeline(1).unwrap().lanes;
    assert_eq!(lanes[1].name, "Regulation");
    assert_eq!(lanes[1].colour, None);
    workspace.redo().unwrap();
    workspace.redo().unwrap();
    drop(workspace);
    let redone = data(&Connection::open(&path).unwrap(), &old_columns);
    assert_eq!(before, redone);
}

#[test]
fn a_version_3_workspace_is_upgraded_with_its_data_and_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = build(dir.path(), V3);
    assert_eq!(pragma(&path, "user_version"), 3);
    let old = Connection::open(&path).unwrap();
    let old_columns = table_columns(&old);
    let before = data(&old, &old_columns);
    drop(old);
    assert!(before.iter().all(|(_, rows)| !rows.is_empty()));

    let workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.check().unwrap().problems, Vec::<String>::new());
    let event = workspace.event(1).unwrap();
    assert_eq!((event.display_date, event.media), (None, None));
    assert_eq!(
        workspace.timeline(1).unwrap().lanes[0].colour.as_deref(),
        Some("#ff8800")
    );
    drop(workspace);
    let after = data(&Connection::open(&path).unwrap(), &old_columns);
    assert_eq!(before, after, "the upgrade changed no data");

    // The history recorded by version 3 still undoes and redoes.
    let mut workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Edit event"));
    assert_eq!(workspace.event(1).unwrap().tags, ["cloud"]);
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Rename lane"));
    assert_eq!(workspace.timeline(1).unwrap().lanes[1].name, "Regulation");
    workspace.redo().unwrap();
    workspace.redo().unwrap();
    drop(workspace);
    assert_eq!(
        data(&Connection::open(&path).unwrap(), &old_columns),
        before
    );
}

#[test]
fn a_version_4_workspace_is_upgraded_with_its_data_and_its_history() {
    let dir = tempfile::tempdir().unwrap();
    let path = build(dir.path(), V4);
    assert_eq!(pragma(&path, "user_version"), 4);
    let old = Connection::open(&path).unwrap();
    let old_columns = table_columns(&old);
    let before = data(&old, &old_columns);
    drop(old);
    assert!(before.iter().all(|(_, rows)| !rows.is_empty()));

    let mut workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.check().unwrap().problems, Vec::<String>::new());
    assert_eq!(
        workspace.event(1).unwrap().display_date.as_deref(),
        Some("Summer 2019")
    );
    assert!(workspace.comparisons().unwrap().is_empty());
    // The history recorded by version 4 still undoes and redoes.
    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Edit event"));
    assert_eq!(workspace.event(1).unwrap().tags, ["cloud"]);
    assert_eq!(
        workspace.event(1).unwrap().display_date.as_deref(),
        Some("Summer 2019")
    );
    workspace.redo().unwrap();
    drop(workspace);
    assert_eq!(
        data(&Connection::open(&path).unwrap(), &old_columns),
        before,
        "the upgrade changed no data"
    );
}

#[test]
fn a_version_6_workspace_is_upgraded_with_its_search_index_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let path = build(dir.path(), V6);
    assert_eq!(pragma(&path, "user_version"), 6);
    let old = Connection::open(&path).unwrap();
    let old_columns = table_columns(&old);
    let before = data(&old, &old_columns);
    drop(old);

    let mut workspace = Workspace::open(&path).unwrap();
    assert_eq!(workspace.check().unwrap().problems, Vec::<String>::new());
    assert_eq!(
        workspace.setting("export.locale").unwrap().as_deref(),
        Some("de")
    );
    let found = |workspace: &Workspace, query: &str| -> Vec<i64> {
        workspace
            .events(&EventFilter {
                query: Some(query.to_owned()),
                ..EventFilter::default()
            })
            .unwrap()
            .iter()
            .map(|event| event.facts.id)
            .collect()
    };
    // Titles, one- and two-letter prefixes, and quotes are all in the
    // rebuilt index; it follows edits, undo and redo as before.
    assert_eq!(found(&workspace, "b"), [1]);
    assert_eq!(found(&workspace, "ta"), [2]);
    assert_eq!(found(&workspace, "investing"), [1]);
    workspace.rename_event(1, "Zephyr").unwrap();
    assert_eq!(found(&workspace, "z"), [1]);
    workspace.undo().unwrap();
    assert!(found(&workspace, "z").is_empty());
    drop(workspace);
    assert_eq!(
        data(&Connection::open(&path).unwrap(), &old_columns),
        before,
        "the upgrade changed no data"
    );
}

#[test]
fn an_upgraded_schema_is_a_new_workspace_schema() {
    for (version, fixture) in FIXTURES {
        let dir = tempfile::tempdir().unwrap();
        let upgraded = build(dir.path(), fixture);
        assert_eq!(pragma(&upgraded, "user_version"), *version);
        drop(Workspace::open(&upgraded).unwrap());
        let fresh = dir.path().join("new.db");
        drop(Workspace::open(&fresh).unwrap());
        assert_eq!(pragma(&upgraded, "user_version"), SCHEMA_VERSION);
        let upgraded = schema(&upgraded);
        let fresh = schema(&fresh);
        assert!(fresh.len() > USER_TABLES.len());
        assert_eq!(upgraded, fresh, "version {version} upgraded");
    }
}

#[test]
fn every_schema_version_before_this_one_has_a_fixture() {
    let versions: Vec<i64> = FIXTURES.iter().map(|(version, _)| *version).collect();
    let expected: Vec<i64> = (1..SCHEMA_VERSION).collect();
    assert_eq!(
        versions, expected,
        "freeze the previous schema as a fixture"
    );
}
