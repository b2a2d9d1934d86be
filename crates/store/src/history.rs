//! Undo and redo that survive restarts, recorded by triggers in the file.
//!
//! Migration 2 puts AFTER INSERT/UPDATE/DELETE triggers on every user table
//! (migration 3 rewrites the lane's for its new colour column; a migration
//! that adds a column must do the same, which a test below checks).
//! While [`Workspace::edit`] runs, `history_state` names the step being
//! recorded and each changed row logs one statement that reverses it into
//! `history_entry` (rows removed by ON DELETE CASCADE included, logged before
//! their parent). [`Workspace::undo`] runs a step's statements newest first,
//! which also records their reversal as a redo step; [`Workspace::redo`] is
//! the same the other way. Writes made outside an edit (such as
//! [`Workspace::write`]) record nothing and forget the history, whose steps
//! may no longer apply to the changed rows.

use rusqlite::config::DbConfig;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Result, StoreError};
use crate::workspace::{Workspace, Writer};

/// How many undo steps are kept; older ones are dropped.
const KEPT_STEPS: i64 = 500;

/// The tables whose changes are recorded, as the entries' statements name them.
const RECORDED_TABLES: &[&str] = &[
    "timeline",
    "lane",
    "event",
    "placement",
    "source",
    "event_source",
    "annotation",
    "comparison",
    "comparison_timeline",
];

/// What undo and redo would do now: the labels of the steps they would
/// reverse, for the UI's buttons.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct HistoryState {
    /// The label of the step undo would reverse, or null.
    pub undo: Option<String>,
    /// The label of the step redo would apply again, or null.
    pub redo: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stack {
    Undo,
    Redo,
}

impl Stack {
    fn as_str(self) -> &'static str {
        match self {
            Stack::Undo => "undo",
            Stack::Redo => "redo",
        }
    }

    fn other(self) -> Stack {
        match self {
            Stack::Undo => Stack::Redo,
            Stack::Redo => Stack::Undo,
        }
    }
}

impl Workspace {
    /// Runs `change` in one IMMEDIATE transaction as one undoable step called
    /// `label` (e.g. "Rename event"). Clears the redo stack. If `change` fails
    /// nothing is written and no step is recorded. A step that changed nothing
    /// is not recorded (and leaves the redo stack alone).
    pub fn edit<T>(
        &mut self,
        label: &str,
        change: impl FnOnce(&mut Writer<'_>) -> Result<T>,
    ) -> Result<T> {
        self.transact(|tx| {
            let step = start_step(tx, label, Stack::Undo)?;
            let value = change(&mut Writer { conn: tx })?;
            if finish_step(tx, step)? {
                tx.execute("DELETE FROM history_step WHERE stack = 'redo'", [])?;
                drop_old_steps(tx)?;
            }
            Ok(value)
        })
    }

    /// Undoes the latest step, in one transaction; returns its label, or None
    /// when there is nothing to undo. The undone step becomes redoable.
    pub fn undo(&mut self) -> Result<Option<String>> {
        self.replay(Stack::Undo)
    }

    /// Redoes the latest undone step; returns its label or None.
    pub fn redo(&mut self) -> Result<Option<String>> {
        self.replay(Stack::Redo)
    }

    /// What undo and redo would do now, for the UI's buttons.
    pub fn history(&self) -> Result<HistoryState> {
        Ok(self.conn.query_row(
            "SELECT (SELECT label FROM history_step WHERE stack = 'undo' ORDER BY id DESC LIMIT 1),
                    (SELECT label FROM history_step WHERE stack = 'redo' ORDER BY id DESC LIMIT 1)",
            [],
            |row| {
                Ok(HistoryState {
                    undo: row.get(0)?,
                    redo: row.get(1)?,
                })
            },
        )?)
    }

    /// Reverses the top step of `from`, recording the reversal on the other
    /// stack, in one transaction.
    fn replay(&mut self, from: Stack) -> Result<Option<String>> {
        let path = self.path().to_owned();
        self.transact(|tx| {
            let Some((id, label)) = tx
                .query_row(
                    "SELECT id, label FROM history_step WHERE stack = ?1 ORDER BY id DESC LIMIT 1",
                    [from.as_str()],
                    |row| Ok((row.get::<_, i64>(0)?, row.get::<_, String>(1)?)),
                )
                .optional()?
            else {
                return Ok(None);
            };
            let entries: Vec<String> = tx
                .prepare("SELECT sql FROM history_entry WHERE step_id = ?1 ORDER BY seq DESC")?
                .query_map([id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let step = start_step(tx, &label, from.other())?;
            for sql in &entries {
                if !is_recorded_change(sql) {
                    return Err(StoreError::Corrupt {
                        path,
                        detail: format!(
                            "its undo history holds a statement Tideline did not write: {sql:.80}"
                        ),
                    });
                }
                // `prepare` refuses more than one statement.
                tx.prepare(sql)?.execute([])?;
            }
            tx.execute("DELETE FROM history_step WHERE id = ?1", [id])?;
            if finish_step(tx, step)? && from == Stack::Redo {
                drop_old_steps(tx)?;
            }
            Ok(Some(label))
        })
    }
}

impl Writer<'_> {
    /// Deletes an event with its placements, source links and annotations.
    pub fn delete_event(&mut self, id: i64) -> Result<()> {
        let deleted = self.conn.execute("DELETE FROM event WHERE id = ?1", [id])?;
        if deleted == 0 {
            return Err(StoreError::not_found("event", id));
        }
        Ok(())
    }
}

/// Adds an empty step to `stack` and turns recording into it on.
fn start_step(conn: &Connection, label: &str, stack: Stack) -> Result<i64> {
    conn.execute(
        "INSERT INTO history_step (label, stack) VALUES (?1, ?2)",
        params![label, stack.as_str()],
    )?;
    let step = conn.last_insert_rowid();
    conn.execute("UPDATE history_state SET step_id = ?1", [step])?;
    Ok(step)
}

/// Turns recording off and drops `step` if it recorded nothing; returns
/// whether it recorded something.
fn finish_step(conn: &Connection, step: i64) -> Result<bool> {
    conn.execute("UPDATE history_state SET step_id = NULL", [])?;
    let recorded: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM history_entry WHERE step_id = ?1)",
        [step],
        |row| row.get(0),
    )?;
    if !recorded {
        conn.execute("DELETE FROM history_step WHERE id = ?1", [step])?;
    }
    Ok(recorded)
}

/// Keeps the newest [`KEPT_STEPS`] undo steps.
fn drop_old_steps(conn: &Connection) -> Result<()> {
    conn.execute(
        "DELETE FROM history_step WHERE stack = 'undo' AND id <= (
             SELECT id FROM history_step WHERE stack = 'undo' ORDER BY id DESC LIMIT 1 OFFSET ?1)",
        [KEPT_STEPS],
    )?;
    Ok(())
}

/// Whether `sql` looks like an entry the triggers wrote: a file from
/// elsewhere must not get undo to run anything but a change of a user table
/// (say, an ATTACH that creates files).
/// Runs `bulk`, a change the step being recorded makes to many rows at
/// once, with the file's triggers paused, and records `undo` as the one
/// statement that reverses it (a per-row history of 100,000 imported
/// events costs a quarter of the import). `bulk` must leave the file as
/// the triggers would have: the search index it writes itself, and `undo`
/// must reverse exactly what it did; a bulk change that changed nothing
/// records nothing (rows removed by ON DELETE CASCADE are
/// logged for redo as usual, since triggers run again when it does).
pub(crate) fn bulk_change<T>(
    conn: &Connection,
    undo: &str,
    bulk: impl FnOnce() -> Result<T>,
) -> Result<T> {
    debug_assert!(is_recorded_change(undo), "{undo}");
    /// Turns the triggers back on however `bulk` ends.
    struct Paused<'c>(&'c Connection);
    impl Drop for Paused<'_> {
        fn drop(&mut self) {
            // Only fails for an unknown option, which this is not.
            let _ = self
                .0
                .set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, true);
        }
    }
    // Outside a recorded step this is NULL, and reading it fails.
    let step: i64 = conn.query_row("SELECT step_id FROM history_state", [], |row| row.get(0))?;
    let before = conn.total_changes();
    conn.set_db_config(DbConfig::SQLITE_DBCONFIG_ENABLE_TRIGGER, false)?;
    let paused = Paused(conn);
    let value = bulk()?;
    drop(paused);
    if conn.total_changes() == before {
        return Ok(value);
    }
    conn.execute(
        "INSERT INTO history_entry (step_id, sql) VALUES (?1, ?2)",
        params![step, undo],
    )?;
    Ok(value)
}

fn is_recorded_change(sql: &str) -> bool {
    let rest = sql
        .strip_prefix("INSERT INTO ")
        .or_else(|| sql.strip_prefix("DELETE FROM "))
        .or_else(|| sql.strip_prefix("UPDATE "));
    rest.is_some_and(|rest| {
        RECORDED_TABLES.iter().any(|table| {
            rest.strip_prefix(table)
                .is_some_and(|rest| rest.starts_with(' '))
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Workspace::open(&dir.path().join("history.db")).unwrap();
        (dir, workspace)
    }

    fn entries(workspace: &Workspace) -> Vec<String> {
        workspace
            .conn
            .prepare("SELECT sql FROM history_entry ORDER BY seq")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn dump(workspace: &Workspace, sql: &str) -> Vec<String> {
        workspace
            .conn
            .prepare(sql)
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn setup(workspace: &mut Workspace) {
        workspace
            .write(|w| {
                w.conn.execute_batch(
                    "INSERT INTO timeline (id, title) VALUES (1, 'T');
                     INSERT INTO lane (id, timeline_id, name, position) VALUES (1, 1, 'A', 0), (2, 1, 'B', 1);
                     INSERT INTO event (id, title, start_edtf, start_minute, kind, confidence)
                         VALUES (1, 'E', '2020', 26298720, 'other', 'confirmed');
                     INSERT INTO placement (timeline_id, event_id, lane_id) VALUES (1, 1, 1);
                     INSERT INTO source (id, title) VALUES (1, 'S');
                     INSERT INTO event_source (id, event_id, source_id, quote) VALUES (1, 1, 1, 'it''s so');
                     INSERT INTO annotation (id, timeline_id, event_id, text) VALUES (1, 1, 1, 'note');",
                )?;
                Ok(())
            })
            .unwrap();
    }

    #[test]
    fn cascaded_deletions_are_logged_before_their_parent() {
        let (_dir, mut workspace) = workspace();
        setup(&mut workspace);
        workspace.edit("Delete", |w| w.delete_event(1)).unwrap();
        let entries = entries(&workspace);
        assert_eq!(entries.len(), 4, "{entries:#?}");
        assert!(entries[3].starts_with("INSERT INTO event "), "{entries:#?}");
        for child in ["placement", "event_source", "annotation"] {
            assert!(
                entries[..3]
                    .iter()
                    .any(|e| e.starts_with(&format!("INSERT INTO {child} "))),
                "{entries:#?}"
            );
        }
        assert!(entries.iter().any(|e| e.contains("'it''s so'")));
    }

    #[test]
    fn an_update_that_changes_nothing_records_nothing() {
        let (_dir, mut workspace) = workspace();
        setup(&mut workspace);
        workspace
            .edit("Same", |w| {
                w.conn.execute("UPDATE event SET title = 'E'", [])?;
                Ok(())
            })
            .unwrap();
        assert!(entries(&workspace).is_empty());
        assert_eq!(workspace.history().unwrap().undo, None);
    }

    #[test]
    fn an_upsert_that_moves_a_placement_is_undone() {
        let (_dir, mut workspace) = workspace();
        setup(&mut workspace);
        workspace.edit("Move", |w| w.place(1, 2)).unwrap();
        let lane = "SELECT lane_id || '' FROM placement";
        assert_eq!(dump(&workspace, lane), ["2"]);
        workspace.undo().unwrap();
        assert_eq!(dump(&workspace, lane), ["1"]);
        workspace.redo().unwrap();
        assert_eq!(dump(&workspace, lane), ["2"]);
    }

    #[test]
    fn a_row_replaced_by_insert_or_replace_comes_back() {
        let (_dir, mut workspace) = workspace();
        setup(&mut workspace);
        workspace
            .edit("Replace", |w| {
                w.conn.execute(
                    "INSERT OR REPLACE INTO placement (timeline_id, event_id, lane_id) VALUES (1, 1, 2)",
                    [],
                )?;
                Ok(())
            })
            .unwrap();
        let lane = "SELECT lane_id || '' FROM placement";
        assert_eq!(dump(&workspace, lane), ["2"]);
        workspace.undo().unwrap();
        assert_eq!(dump(&workspace, lane), ["1"]);
        workspace.redo().unwrap();
        assert_eq!(dump(&workspace, lane), ["2"]);
    }

    fn tables(workspace: &Workspace) -> Vec<String> {
        RECORDED_TABLES
            .iter()
            .flat_map(|table| {
                let columns = dump(
                    workspace,
                    &format!("SELECT name FROM pragma_table_info('{table}')"),
                );
                let row = columns
                    .iter()
                    .map(|column| format!("quote({column})"))
                    .collect::<Vec<_>>()
                    .join(" || ', ' || ");
                dump(
                    workspace,
                    &format!(
                        "SELECT '{table}: ' || rowid || ': ' || {row} FROM {table} ORDER BY rowid"
                    ),
                )
            })
            .collect()
    }

    #[test]
    fn updates_of_every_column_of_every_table_are_undone_and_redone() {
        let (_dir, mut workspace) = workspace();
        setup(&mut workspace);
        let before = tables(&workspace);
        workspace
            .edit("Change everything", |w| {
                w.conn.execute_batch(
                    "INSERT INTO timeline (id, title) VALUES (2, 'U');
                     INSERT INTO lane (id, timeline_id, name, position) VALUES (3, 2, 'C', 0);
                     UPDATE timeline SET title = 'T2', subtitle = 's', description = 'd',
                         colour = '#000000', position = 3 WHERE id = 1;
                     UPDATE lane SET name = 'A2', position = 5, collapsed = 1, colour = '#ff8800' WHERE id = 1;
                     UPDATE event SET title = 'E2', description = 'x', start_edtf = '2021',
                         start_minute = 26824320, end_edtf = '2022', end_minute = 27875520,
                         kind = 'closing', confidence = 'reported', importance = 5,
                         parties = json_array('A'), tags = json_array('b');
                     UPDATE placement SET timeline_id = 2, lane_id = 3;
                     UPDATE source SET url = 'https://x.test', title = 'S2', publisher = 'p',
                         author = 'a', published_edtf = '2020', accessed_edtf = '2021',
                         excerpt = 'e', notes = 'n';
                     UPDATE event_source SET quote = quote || ' (more)', position = 2;
                     UPDATE annotation SET id = 10, timeline_id = 2, event_id = NULL,
                         start_edtf = '2020', start_minute = 26298720, end_edtf = '2020',
                         end_minute = 26824320, text = 'n2';",
                )?;
                Ok(())
            })
            .unwrap();
        let changed = tables(&workspace);
        let updates = dump(
            &workspace,
            "SELECT substr(sql, 1, 12) FROM history_entry WHERE sql LIKE 'UPDATE %'",
        );
        assert_eq!(updates.len(), 7, "{updates:?}");
        workspace.edit("Clear", |w| w.clear()).unwrap();
        assert_eq!(workspace.undo().unwrap().as_deref(), Some("Clear"));
        assert_eq!(tables(&workspace), changed);
        assert_eq!(
            workspace.undo().unwrap().as_deref(),
            Some("Change everything")
        );
        assert_eq!(tables(&workspace), before);
        workspace.redo().unwrap();
        assert_eq!(tables(&workspace), changed);
        workspace.redo().unwrap();
        assert!(tables(&workspace).is_empty());
    }

    #[test]
    fn every_column_of_every_recorded_table_is_restored() {
        let (_dir, workspace) = workspace();
        let tables = dump(
            &workspace,
            // Styles and settings are how a workspace is shown, kept out of
            // the history on purpose (see styles.rs).
            "SELECT name FROM sqlite_master WHERE type = 'table'
             AND name NOT LIKE 'history%' AND name NOT LIKE 'event_search%'
             AND name NOT IN ('house_style', 'setting') ORDER BY name",
        );
        let mut recorded = RECORDED_TABLES.to_vec();
        recorded.sort();
        assert_eq!(tables, recorded, "a new table needs history triggers");
        for table in RECORDED_TABLES {
            let columns = dump(
                &workspace,
                &format!("SELECT name FROM pragma_table_info('{table}')"),
            );
            for op in ["delete", "update"] {
                let sql: String = workspace
                    .conn
                    .query_row(
                        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?1",
                        [format!("history_{table}_{op}")],
                        |row| row.get(0),
                    )
                    .unwrap();
                for column in &columns {
                    assert!(
                        sql.contains(&format!("quote(old.{column})")),
                        "history_{table}_{op} does not restore {column}"
                    );
                }
            }
            for op in [
                "insert",
                "insert_unrecorded",
                "update_unrecorded",
                "delete_unrecorded",
            ] {
                let name = format!("history_{table}_{op}");
                assert_eq!(
                    dump(
                        &workspace,
                        &format!("SELECT name FROM sqlite_master WHERE name = '{name}'")
                    ),
                    [name]
                );
            }
        }
    }

    #[test]
    fn a_statement_the_triggers_did_not_write_is_refused() {
        let (_dir, mut workspace) = workspace();
        setup(&mut workspace);
        workspace
            .edit("Rename", |w| {
                w.conn.execute("UPDATE event SET title = 'F'", [])?;
                Ok(())
            })
            .unwrap();
        workspace
            .conn
            .execute(
                "UPDATE history_entry SET sql = 'ATTACH ''elsewhere.db'' AS x'",
                [],
            )
            .unwrap();
        let error = workspace.undo().unwrap_err();
        assert_eq!(error.code(), crate::ErrorCode::Corrupt, "{error}");
        assert_eq!(dump(&workspace, "SELECT title FROM event"), ["F"]);
        assert!(is_recorded_change("DELETE FROM event WHERE id = 1"));
        assert!(!is_recorded_change("DELETE FROM eventually WHERE id = 1"));
        assert!(is_recorded_change("UPDATE lane SET id = 1 WHERE id = 1"));
        assert!(!is_recorded_change("VACUUM INTO 'event '"));
    }
}
