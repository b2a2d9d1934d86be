//! The workspace API that the CLI and the app share.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use tideline_model::layout::{
    self, ItemInput, LaneInput, Layout, LayoutInput, LayoutStyle, TimelineInput, Viewport,
};
use tideline_model::source::validate_quote;
use tideline_model::text::FontMetrics;
use tideline_model::timeline::{validate_annotation_text, validate_lane_name};
use tideline_model::{
    AnnotationTarget, Date, EventDraft, EventEnd, SourceDraft, TimelineDraft, validation,
};

use crate::error::{Result, StoreError};
use crate::open::{OpenMode, SCHEMA_VERSION, open_connection};
use crate::views::{
    AnnotationView, CheckReport, EventFilter, EventView, LaneView, PlacementView, SourceQuoteView,
    TimelineSummary, TimelineView,
};

/// One open workspace file.
pub struct Workspace {
    pub(crate) conn: Connection,
    path: PathBuf,
}

impl Workspace {
    /// Opens the workspace at `path`, creating an empty one if there is no file.
    pub fn open(path: &Path) -> Result<Workspace> {
        Workspace::open_with(path, OpenMode::CreateIfMissing)
    }

    /// Opens the workspace at `path`; a missing file is an error.
    pub fn open_existing(path: &Path) -> Result<Workspace> {
        Workspace::open_with(path, OpenMode::MustExist)
    }

    fn open_with(path: &Path, mode: OpenMode) -> Result<Workspace> {
        let conn = open_connection(path, mode)?;
        Ok(Workspace {
            conn,
            path: path.to_owned(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub fn schema_version(&self) -> i64 {
        SCHEMA_VERSION
    }

    /// True when the workspace holds no timeline, event or source.
    pub fn is_empty(&self) -> Result<bool> {
        let count: i64 = self.conn.query_row(
            "SELECT (SELECT count(*) FROM timeline) + (SELECT count(*) FROM event) + (SELECT count(*) FROM source)",
            [],
            |row| row.get(0),
        )?;
        Ok(count == 0)
    }

    /// Runs SQLite's integrity and foreign key checks.
    pub fn check(&self) -> Result<CheckReport> {
        let mut problems = Vec::new();
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        for line in stmt.query_map([], |row| row.get::<_, String>(0))? {
            let line = line?;
            if line != "ok" {
                problems.push(line);
            }
        }
        let mut stmt = self.conn.prepare("PRAGMA foreign_key_check")?;
        for problem in stmt.query_map([], |row| {
            Ok(format!(
                "a row of {} (rowid {:?}) points to a missing {}",
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, String>(2)?
            ))
        })? {
            problems.push(problem?);
        }
        let schema_version = self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?;
        let journal_mode = self
            .conn
            .pragma_query_value(None, "journal_mode", |row| row.get(0))?;
        Ok(CheckReport {
            schema_version,
            journal_mode,
            problems,
        })
    }

    // Timelines.

    /// Creates a timeline with the named lanes (at least one).
    pub fn create_timeline(&mut self, draft: TimelineDraft, lanes: &[&str]) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = insert_timeline(&tx, draft, lanes)?;
        tx.commit()?;
        Ok(id)
    }

    /// Every timeline, in the user's order.
    pub fn timelines(&self) -> Result<Vec<TimelineSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.id, t.title, t.subtitle, t.colour,
                    (SELECT count(*) FROM placement p WHERE p.timeline_id = t.id),
                    (SELECT count(*) FROM placement p WHERE p.timeline_id = t.id
                        AND NOT EXISTS (SELECT 1 FROM event_source s WHERE s.event_id = p.event_id))
             FROM timeline t ORDER BY t.position, t.id",
        )?;
        let rows = stmt.query_map([], |row| {
            Ok(TimelineSummary {
                id: row.get(0)?,
                title: row.get(1)?,
                subtitle: row.get(2)?,
                colour: row.get(3)?,
                events: row.get(4)?,
                unsourced: row.get(5)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Finds a timeline by id or, failing that, by exact title.
    pub fn find_timeline(&self, id_or_title: &str) -> Result<i64> {
        let by_id = id_or_title.parse::<i64>().ok();
        self.conn
            .query_row(
                "SELECT id FROM timeline WHERE id = ?1 OR title = ?2 ORDER BY id = ?1 DESC, id LIMIT 1",
                params![by_id, id_or_title],
                |row| row.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("timeline", id_or_title))
    }

    /// A timeline with its lanes, events and annotations.
    pub fn timeline(&self, id: i64) -> Result<TimelineView> {
        let (title, subtitle, description, colour) = self
            .conn
            .query_row(
                "SELECT title, subtitle, description, colour FROM timeline WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("timeline", id))?;
        let mut stmt = self.conn.prepare(
            "SELECT id, name, collapsed FROM lane WHERE timeline_id = ?1 ORDER BY position, id",
        )?;
        let lanes = stmt
            .query_map([id], |row| {
                Ok(LaneView {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    collapsed: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare(
            "SELECT p.event_id, p.lane_id FROM placement p JOIN event e ON e.id = p.event_id
             WHERE p.timeline_id = ?1 ORDER BY e.start_minute, e.id",
        )?;
        let placements = stmt
            .query_map([id], |row| {
                Ok(PlacementView {
                    event_id: row.get(0)?,
                    lane_id: row.get(1)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let events = self.events(&EventFilter {
            timeline: Some(id),
            query: None,
        })?;
        let annotations = self.annotations(id)?;
        Ok(TimelineView {
            id,
            title,
            subtitle,
            description,
            colour,
            lanes,
            placements,
            events,
            annotations,
        })
    }

    fn annotations(&self, timeline: i64) -> Result<Vec<AnnotationView>> {
        let mut stmt = self.conn.prepare(
            "SELECT id, text, event_id, start_edtf, end_edtf, start_minute, end_minute
             FROM annotation WHERE timeline_id = ?1 ORDER BY start_minute, id",
        )?;
        let rows = stmt.query_map([timeline], |row| {
            let start: Option<String> = row.get(3)?;
            let end: Option<String> = row.get(4)?;
            let label = match (&start, &end) {
                (Some(start), Some(end)) => {
                    Some(format!("{} – {}", display_edtf(start), display_edtf(end)))
                }
                _ => None,
            };
            Ok(AnnotationView {
                id: row.get(0)?,
                text: row.get(1)?,
                event_id: row.get(2)?,
                start,
                end,
                label,
                start_minute: row.get(5)?,
                end_minute: row.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Lays out timelines for a viewport on screen, with the bundled font's
    /// metrics; only the items in view are returned.
    pub fn layout(
        &self,
        timelines: &[i64],
        viewport: Viewport,
        today_minute: Option<i64>,
    ) -> Result<Layout> {
        let mut inputs = Vec::with_capacity(timelines.len());
        for &id in timelines {
            let view = self.timeline(id)?;
            let lanes = view
                .lanes
                .iter()
                .map(|lane| LaneInput {
                    id: lane.id,
                    collapsed: lane.collapsed,
                    items: view
                        .placements
                        .iter()
                        .filter(|p| p.lane_id == lane.id)
                        .filter_map(|p| view.events.iter().find(|e| e.id == p.event_id))
                        .map(item_input)
                        .collect(),
                })
                .collect();
            inputs.push(TimelineInput { id, lanes });
        }
        let input = LayoutInput {
            timelines: &inputs,
            viewport,
            today_minute,
        };
        let mut layout =
            layout::lay_out(&input, &LayoutStyle::screen(), FontMetrics::inter_regular());
        // The screen draws only what is in view; rows were packed over all items.
        for lane in layout.timelines.iter_mut().flat_map(|t| t.lanes.iter_mut()) {
            lane.items.retain(|item| item.visible);
        }
        Ok(layout)
    }

    // Events.

    pub fn create_event(&mut self, draft: EventDraft) -> Result<i64> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let id = insert_event(&tx, draft)?;
        tx.commit()?;
        Ok(id)
    }

    /// Events in start order, filtered.
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventView>> {
        let query = filter
            .query
            .as_deref()
            .map(str::trim)
            .filter(|q| !q.is_empty())
            .map(fts_query)
            .filter(|q| !q.is_empty());
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.title, e.description, e.start_edtf, e.end_edtf, e.ongoing, e.kind,
                    e.confidence, e.importance, e.parties, e.tags
             FROM event e
             WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM placement p WHERE p.event_id = e.id AND p.timeline_id = ?1))
               AND (?2 IS NULL OR e.id IN (SELECT rowid FROM event_fts WHERE event_fts MATCH ?2))
             ORDER BY e.start_minute, e.id",
        )?;
        let rows = stmt.query_map(params![filter.timeline, query], event_row)?;
        let mut events = rows
            .collect::<rusqlite::Result<Vec<_>>>()?
            .into_iter()
            .collect::<Result<Vec<_>>>()?;
        for event in &mut events {
            self.fill_links(event)?;
        }
        Ok(events)
    }

    pub fn event(&self, id: i64) -> Result<EventView> {
        let mut event = self
            .conn
            .query_row(
                "SELECT id, title, description, start_edtf, end_edtf, ongoing, kind, confidence,
                        importance, parties, tags
                 FROM event WHERE id = ?1",
                [id],
                event_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("event", id))??;
        self.fill_links(&mut event)?;
        Ok(event)
    }

    /// Renames an event; the new title is validated first.
    pub fn rename_event(&mut self, id: i64, title: &str) -> Result<EventView> {
        let title = validation::title("title", title)?;
        self.edit("Rename event", |writer| {
            let changed = writer.conn.execute(
                "UPDATE event SET title = ?2 WHERE id = ?1",
                params![id, title],
            )?;
            if changed == 0 {
                return Err(StoreError::not_found("event", id));
            }
            Ok(())
        })?;
        self.event(id)
    }

    fn fill_links(&self, event: &mut EventView) -> Result<()> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT t.title FROM placement p JOIN timeline t ON t.id = p.timeline_id
             WHERE p.event_id = ?1 ORDER BY t.position, t.id",
        )?;
        event.timelines = stmt
            .query_map([event.id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.title, s.url, s.publisher, s.author, s.published_edtf, s.accessed_edtf, l.quote
             FROM event_source l JOIN source s ON s.id = l.source_id
             WHERE l.event_id = ?1 ORDER BY l.position, l.id",
        )?;
        event.sources = stmt
            .query_map([event.id], |row| {
                let published: Option<String> = row.get(5)?;
                let accessed: Option<String> = row.get(6)?;
                Ok(SourceQuoteView {
                    source_id: row.get(0)?,
                    title: row.get(1)?,
                    url: row.get(2)?,
                    publisher: row.get(3)?,
                    author: row.get(4)?,
                    published_label: published.as_deref().map(display_edtf),
                    accessed_label: accessed.as_deref().map(display_edtf),
                    published,
                    accessed,
                    quote: row.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(())
    }

    // Building a workspace in one transaction.

    /// Runs `build` in one transaction: everything it writes lands, or nothing.
    pub fn write<T>(&mut self, build: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = build(&mut Writer { conn: &tx })?;
        tx.commit()?;
        Ok(value)
    }
}

/// Writes inside one transaction opened by [`Workspace::write`].
pub struct Writer<'a> {
    pub(crate) conn: &'a Connection,
}

impl Writer<'_> {
    /// Deletes every timeline, event, source and annotation.
    pub fn clear(&mut self) -> Result<()> {
        self.conn.execute_batch(
            "DELETE FROM annotation; DELETE FROM placement; DELETE FROM event_source;
             DELETE FROM lane; DELETE FROM timeline; DELETE FROM event; DELETE FROM source;",
        )?;
        Ok(())
    }

    pub fn create_timeline(&mut self, draft: TimelineDraft, lanes: &[&str]) -> Result<i64> {
        insert_timeline(self.conn, draft, lanes)
    }

    pub fn create_event(&mut self, draft: EventDraft) -> Result<i64> {
        insert_event(self.conn, draft)
    }

    pub fn create_source(&mut self, draft: SourceDraft) -> Result<i64> {
        let draft = draft.validate()?;
        self.conn.execute(
            "INSERT INTO source (url, title, publisher, author, published_edtf, accessed_edtf, excerpt, notes)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            params![
                draft.url,
                draft.title,
                draft.publisher,
                draft.author,
                draft.published.map(|d| d.to_edtf()),
                draft.accessed.map(|d| d.to_edtf()),
                draft.excerpt,
                draft.notes
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Cites `source` for `event` with the supporting quote.
    pub fn cite(&mut self, event: i64, source: i64, quote: &str) -> Result<()> {
        let quote = validate_quote(quote)?;
        self.conn.execute(
            "INSERT INTO event_source (event_id, source_id, quote, position)
             VALUES (?1, ?2, ?3, (SELECT count(*) FROM event_source WHERE event_id = ?1))",
            params![event, source, quote],
        )?;
        Ok(())
    }

    /// Places `event` on the timeline of `lane`, in that lane.
    pub fn place(&mut self, event: i64, lane: i64) -> Result<()> {
        let timeline: i64 = self
            .conn
            .query_row(
                "SELECT timeline_id FROM lane WHERE id = ?1",
                [lane],
                |row| row.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("lane", lane))?;
        self.conn.execute(
            "INSERT INTO placement (timeline_id, event_id, lane_id) VALUES (?1, ?2, ?3)
             ON CONFLICT (timeline_id, event_id) DO UPDATE SET lane_id = excluded.lane_id",
            params![timeline, event, lane],
        )?;
        Ok(())
    }

    pub fn annotate(&mut self, timeline: i64, target: AnnotationTarget, text: &str) -> Result<i64> {
        let text = validate_annotation_text(text)?;
        let (event, span) = match target.validate()? {
            AnnotationTarget::Event(event) => (Some(event), None),
            AnnotationTarget::Span { start, end } => (None, Some((start, end))),
            AnnotationTarget::Timeline => (None, None),
        };
        self.conn.execute(
            "INSERT INTO annotation (timeline_id, event_id, start_edtf, start_minute, end_edtf, end_minute, text)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![
                timeline,
                event,
                span.map(|(start, _)| start.to_edtf()),
                span.map(|(start, _)| start.start_minute()),
                span.map(|(_, end)| end.to_edtf()),
                span.map(|(_, end)| end.end_minute()),
                text
            ],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// The id of the lane named `name` on `timeline`.
    pub fn lane(&self, timeline: i64, name: &str) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT id FROM lane WHERE timeline_id = ?1 AND name = ?2",
                params![timeline, name],
                |row| row.get(0),
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("lane", name))
    }
}

fn insert_timeline(conn: &Connection, draft: TimelineDraft, lanes: &[&str]) -> Result<i64> {
    let draft = draft.validate()?;
    if lanes.is_empty() {
        return Err(validation::ValidationError::new(
            "lanes",
            "a timeline needs at least one lane",
        )
        .into());
    }
    conn.execute(
        "INSERT INTO timeline (title, subtitle, description, colour, position)
         VALUES (?1, ?2, ?3, ?4, (SELECT coalesce(max(position), -1) + 1 FROM timeline))",
        params![draft.title, draft.subtitle, draft.description, draft.colour],
    )?;
    let id = conn.last_insert_rowid();
    for (position, name) in lanes.iter().enumerate() {
        let name = validate_lane_name(name)?;
        conn.execute(
            "INSERT INTO lane (timeline_id, name, position) VALUES (?1, ?2, ?3)",
            params![id, name, position as i64],
        )?;
    }
    Ok(id)
}

fn insert_event(conn: &Connection, draft: EventDraft) -> Result<i64> {
    let draft = draft.validate()?;
    let (end, ongoing) = match draft.end {
        EventEnd::Point => (None, false),
        EventEnd::Until(end) => (Some(end), false),
        EventEnd::Ongoing => (None, true),
    };
    conn.execute(
        "INSERT INTO event (title, description, start_edtf, start_minute, end_edtf, end_minute, ongoing,
                            kind, confidence, importance, parties, tags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            draft.title,
            draft.description,
            draft.start.to_edtf(),
            draft.start.start_minute(),
            end.map(|d| d.to_edtf()),
            end.map(|d| d.end_minute()),
            ongoing,
            draft.kind.as_str(),
            draft.confidence.as_str(),
            draft.importance,
            serde_json::to_string(&draft.parties).expect("a list of strings serialises"),
            serde_json::to_string(&draft.tags).expect("a list of strings serialises"),
        ],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Reads an event row; a row that breaks the model's rules (written by hand
/// or by a bug) is reported as a damaged workspace rather than a panic.
fn event_row(row: &Row<'_>) -> rusqlite::Result<Result<EventView>> {
    let start_edtf: String = row.get(3)?;
    let end_edtf: Option<String> = row.get(4)?;
    let kind: String = row.get(6)?;
    let confidence: String = row.get(7)?;
    let parties: String = row.get(9)?;
    let tags: String = row.get(10)?;
    let id: i64 = row.get(0)?;
    let title: String = row.get(1)?;
    let description: String = row.get(2)?;
    let ongoing: bool = row.get(5)?;
    let importance: u8 = row.get(8)?;
    Ok((|| {
        let damaged = |detail: String| StoreError::Corrupt {
            path: PathBuf::from("the workspace"),
            detail,
        };
        let start =
            Date::parse_edtf(&start_edtf).map_err(|e| damaged(format!("event {id} start: {e}")))?;
        let end = end_edtf
            .as_deref()
            .map(Date::parse_edtf)
            .transpose()
            .map_err(|e| damaged(format!("event {id} end: {e}")))?;
        Ok(EventView {
            id,
            title,
            description,
            start: start_edtf,
            end: end_edtf,
            ongoing,
            precision: start.precision(),
            approximate: start.approximate(),
            uncertain: start.uncertain(),
            start_label: start.display(),
            end_label: end.map(|d| d.display()),
            start_minute: start.start_minute(),
            end_minute: end.unwrap_or(start).end_minute(),
            kind: kind
                .parse()
                .map_err(|e| damaged(format!("event {id}: {e}")))?,
            confidence: confidence
                .parse()
                .map_err(|e| damaged(format!("event {id}: {e}")))?,
            importance,
            parties: serde_json::from_str(&parties)
                .map_err(|e| damaged(format!("event {id} parties: {e}")))?,
            tags: serde_json::from_str(&tags)
                .map_err(|e| damaged(format!("event {id} tags: {e}")))?,
            timelines: Vec::new(),
            sources: Vec::new(),
        })
    })())
}

fn item_input(event: &EventView) -> ItemInput {
    let start = Date::parse_edtf(&event.start)
        .expect("events are read through event_row, which checks dates");
    let end = event
        .end
        .as_deref()
        .and_then(|end| Date::parse_edtf(end).ok());
    ItemInput {
        id: event.id,
        start,
        end,
        ongoing: event.ongoing,
        label: event.title.clone(),
    }
}

fn display_edtf(edtf: &str) -> String {
    Date::parse_edtf(edtf)
        .map(|d| d.display())
        .unwrap_or_else(|_| edtf.to_owned())
}

/// Turns what a user types into an FTS5 query: each word a prefix match, all
/// words required, and no FTS5 syntax passed through.
fn fts_query(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{word}\"*"))
        .collect::<Vec<_>>()
        .join(" ")
}
