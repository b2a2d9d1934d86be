//! Crash safety: a child process makes a seeded stream of edits and imports
//! through the store (`child.rs`, edits from `ops.rs`) and is killed with
//! SIGKILL at seeded random points. After each kill the file must pass
//! `PRAGMA integrity_check`, keep its schema (version, application id and
//! every table, index and trigger of a workspace that was never killed) and
//! hold every edit the child reported as committed: its rows equal those of
//! a reference workspace that replays the same edits unkilled, up to the
//! last reported edit or the one in flight, which may have committed before
//! the child could say so. Each round starts where the last one stopped, on
//! the same file, so recovery after a kill is exercised too.
//!
//! `TIDELINE_CRASH_KILLS` sets the number of kills (default 10; the full
//! run is 100) and `TIDELINE_CRASH_SEED` replays a run; the seed is printed.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use rusqlite::Connection;
use tideline_store::{APPLICATION_ID, SCHEMA_VERSION, Workspace};

#[path = "ops.rs"]
mod ops;

const CHILD: &str = env!("CARGO_BIN_EXE_tideline-crash-child");

/// The most edits a round lets the child report before the kill.
const MOST_LINES: u64 = 12;

/// The longest the kill waits after the last line it waited for, so that it
/// lands anywhere inside the next edit, in microseconds.
const MOST_DELAY_MICROS: u64 = 4_000;

fn env_number(name: &str) -> Option<u64> {
    let value = std::env::var(name).ok()?;
    Some(
        value
            .parse()
            .unwrap_or_else(|_| panic!("{name} must be a whole number, not {value:?}")),
    )
}

#[test]
fn a_killed_editor_keeps_every_committed_edit() {
    let seed = env_number("TIDELINE_CRASH_SEED").unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .expect("the clock is after 1970")
            .as_nanos() as u64
    });
    let kills = env_number("TIDELINE_CRASH_KILLS").unwrap_or(10);
    eprintln!("crash harness: seed {seed} (replay with TIDELINE_CRASH_SEED={seed}), {kills} kills");

    let dir = tempfile::tempdir().expect("a temporary folder");
    let crashed = dir.path().join("crashed.db");
    let reference_path = dir.path().join("reference.db");
    drop(Workspace::create(&crashed).expect("the workspace is created"));
    let mut reference = Workspace::create(&reference_path).expect("the reference is created");
    let reference_reader = Connection::open(&reference_path).expect("the reference opens");

    let started = Instant::now();
    let mut rng = ops::Rng::new(seed);
    let mut applied = 0u64;
    let mut unreported = 0u64;
    for kill in 1..=kills {
        let wait_for = rng.below(MOST_LINES + 1);
        let delay = Duration::from_micros(rng.below(MOST_DELAY_MICROS + 1));
        let mut child = Command::new(CHILD)
            .arg(&crashed)
            .arg(seed.to_string())
            .arg(applied.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the child starts");
        let mut lines = BufReader::new(child.stdout.take().expect("piped stdout"));
        let mut reported = Vec::new();
        let mut line = String::new();
        while (reported.len() as u64) < wait_for {
            line.clear();
            if lines
                .read_line(&mut line)
                .expect("the child's stdout reads")
                == 0
            {
                let mut stderr = String::new();
                child
                    .stderr
                    .take()
                    .expect("piped stderr")
                    .read_to_string(&mut stderr)
                    .expect("the child's stderr reads");
                panic!("kill {kill} (seed {seed}): the child stopped by itself: {stderr}");
            }
            reported.push(line.trim_end().to_owned());
        }
        // The kill lands at a random point of the edit that follows.
        std::thread::sleep(delay);
        child.kill().expect("the child is killed");
        child.wait().expect("the child is reaped");
        // Lines printed between the last one read and the kill count too.
        for line in lines.lines() {
            reported.push(line.expect("the child's stdout reads"));
        }

        for line in &reported {
            let expected = format!("committed {applied}: ");
            assert!(
                line.starts_with(&expected),
                "kill {kill} (seed {seed}): expected {expected:?}…, the child said {line:?}"
            );
            ops::apply(&mut reference, seed, applied).expect("the reference replays the edit");
            applied += 1;
        }

        let conn = Connection::open(&crashed).expect("the killed workspace opens");
        assert_sound(&conn, &reference_reader, kill, seed);
        if contents(&conn) != contents(&reference_reader) {
            // The edit in flight may have committed before its line was printed.
            ops::apply(&mut reference, seed, applied).expect("the reference replays the edit");
            applied += 1;
            unreported += 1;
            let (found, expected) = (contents(&conn), contents(&reference_reader));
            assert!(
                found == expected,
                "kill {kill} (seed {seed}): the file does not hold the {applied} committed edits: {}",
                difference(&found, &expected)
            );
        }
        drop(conn);
        let report = Workspace::open_existing(&crashed)
            .and_then(|workspace| workspace.check())
            .expect("the store opens the killed workspace");
        assert!(
            report.problems.is_empty(),
            "kill {kill} (seed {seed}): {:?}",
            report.problems
        );
    }
    eprintln!(
        "crash harness: seed {seed}: {kills} kills, 0 corrupt, 0 lost; {applied} edits committed \
         ({unreported} committed but killed before reporting) in {:.1} s",
        started.elapsed().as_secs_f64()
    );
}

/// Integrity, version, application id and the whole schema.
fn assert_sound(conn: &Connection, reference: &Connection, kill: u64, seed: u64) {
    let integrity: Vec<String> = conn
        .prepare("PRAGMA integrity_check")
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
        .expect("the integrity check runs");
    assert_eq!(integrity, ["ok"], "kill {kill} (seed {seed}): corrupt");
    let pragma = |name| -> i64 {
        conn.pragma_query_value(None, name, |row| row.get(0))
            .expect("the pragma reads")
    };
    assert_eq!(
        pragma("user_version"),
        SCHEMA_VERSION,
        "kill {kill} (seed {seed})"
    );
    assert_eq!(
        pragma("application_id"),
        APPLICATION_ID,
        "kill {kill} (seed {seed})"
    );
    assert_eq!(
        schema(conn),
        schema(reference),
        "kill {kill} (seed {seed}): the schema changed"
    );
}

fn schema(conn: &Connection) -> Vec<(String, String, Option<String>)> {
    conn.prepare("SELECT type, name, sql FROM sqlite_schema ORDER BY type, name")
        .and_then(|mut stmt| {
            stmt.query_map([], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?
                .collect()
        })
        .expect("the schema reads")
}

/// Every row of every ordinary table (not the search index's shadow
/// tables, which the index rebuilds), sorted, by table.
fn contents(conn: &Connection) -> BTreeMap<String, Vec<String>> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM pragma_table_list
             WHERE schema = 'main' AND type = 'table' AND name NOT LIKE 'sqlite_%'",
        )
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
        .expect("the tables are listed");
    tables
        .into_iter()
        .map(|table| {
            let mut stmt = conn
                .prepare(&format!("SELECT * FROM \"{table}\""))
                .expect("the table reads");
            let columns = stmt.column_count();
            let mut rows: Vec<String> = stmt
                .query_map([], |row| {
                    (0..columns)
                        .map(|i| Ok(format!("{:?}", row.get::<_, rusqlite::types::Value>(i)?)))
                        .collect::<rusqlite::Result<Vec<_>>>()
                        .map(|values| values.join(" | "))
                })
                .and_then(|rows| rows.collect())
                .expect("the rows read");
            rows.sort();
            (table, rows)
        })
        .collect()
}

/// The first table that differs, with its row counts.
fn difference(
    found: &BTreeMap<String, Vec<String>>,
    expected: &BTreeMap<String, Vec<String>>,
) -> String {
    expected
        .iter()
        .find(|(table, rows)| found.get(*table) != Some(*rows))
        .map_or_else(
            || "the file has tables the reference lacks".to_owned(),
            |(table, rows)| {
                format!(
                    "table {table} has {} rows, expected {}",
                    found.get(table).map_or(0, Vec::len),
                    rows.len()
                )
            },
        )
}
