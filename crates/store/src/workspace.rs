//! The workspace API that the CLI and the app share.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension, Row, TransactionBehavior, params};
use tideline_model::source::validate_quote;
use tideline_model::timeline::{validate_annotation_text, validate_lane_name};
use tideline_model::{
    AnnotationTarget, Date, EventDraft, EventEnd, SourceDraft, TimelineDraft, validation,
};

use crate::access::{FileHandle, ReadOnly};
use crate::error::{Result, StoreError};
use crate::open::{OpenMode, SCHEMA_VERSION, open_workspace};
use crate::views::{
    AnnotationView, CheckReport, EventFacts, EventFilter, EventOutline, EventPage, EventView,
    LaneView, PlacementView, SourceQuoteView, TimelineOutline, TimelineSummary, TimelineView,
};

/// One open workspace file.
pub struct Workspace {
    pub(crate) conn: Connection,
    path: PathBuf,
    /// Why the workspace may not be changed, or None.
    read_only: Option<ReadOnly>,
    /// What the canvas lays out, read once per change of the file.
    pub(crate) layout_inputs: crate::canvas::InputCache,
    /// Last, so that it closes after the connection (see `access.rs`).
    handle: FileHandle,
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

    /// Creates an empty workspace at `path`. An existing file is refused,
    /// never overwritten (an empty one is used, as a save dialog may leave).
    pub fn create(path: &Path) -> Result<Workspace> {
        ensure_vacant(path)?;
        Workspace::open(path)
    }

    /// Copies the workspace, undo history included, to a new file at `dest`
    /// as one consistent snapshot; this workspace stays open and unchanged.
    /// An existing file at `dest` is refused as by [`Workspace::create`]; SQLite
    /// checks again as it writes, so no race can make it overwrite one.
    pub fn save_as(&self, dest: &Path) -> Result<()> {
        ensure_vacant(dest)?;
        // Absolute, so that SQLite cannot read a name like `file:x` as a URI.
        let absolute = std::path::absolute(dest).map_err(|source| StoreError::Io {
            path: dest.to_owned(),
            source,
        })?;
        let name = absolute.to_str().ok_or_else(|| {
            validation::ValidationError::new("path", "the file name is not valid Unicode")
        })?;
        self.conn.execute("VACUUM INTO ?1", [name])?;
        Ok(())
    }

    fn open_with(path: &Path, mode: OpenMode) -> Result<Workspace> {
        let opened = open_workspace(path, mode)?;
        Ok(Workspace {
            conn: opened.conn,
            path: path.to_owned(),
            read_only: opened.read_only,
            layout_inputs: Default::default(),
            handle: opened.handle,
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether `path` names this workspace's file (under any name).
    pub fn is_at(&self, path: &Path) -> bool {
        self.handle.named_by(path) == Some(true)
    }

    /// Why this workspace may not be changed, or None when it may be.
    pub fn read_only(&self) -> Option<ReadOnly> {
        self.read_only
    }

    /// Readies the workspace for editing in a window, as the app does: checks
    /// the whole file (`PRAGMA quick_check`, about 10 ms a megabyte) and
    /// refuses a damaged one, untouched, rather than edit it further; then
    /// takes the editor lock now and keeps it while the workspace is open,
    /// so that no other Tideline program may change the file meanwhile. When
    /// another one holds the lock, this workspace becomes read-only
    /// ([`ReadOnly::InUse`]) instead, until a later call finds the lock free.
    /// Without this call the lock is taken by the first change, which fails
    /// with [`StoreError::InUse`] while another program holds it.
    pub fn claim_editing(&mut self) -> Result<()> {
        // Checked once: FTS5's part of the check may read an index that
        // another connection has since changed as it was when last read here.
        if self.read_only != Some(ReadOnly::InUse) {
            let verdict: String = self
                .conn
                .query_row("PRAGMA quick_check(1)", [], |row| row.get(0))
                .map_err(|error| crate::open::classify(&self.path, error))?;
            if verdict != "ok" {
                return Err(StoreError::Corrupt {
                    path: self.path.clone(),
                    detail: verdict,
                });
            }
        }
        if matches!(self.read_only, None | Some(ReadOnly::InUse)) {
            let locked = self.handle.try_lock(&self.path)?;
            self.read_only = (!locked).then_some(ReadOnly::InUse);
        }
        Ok(())
    }

    /// Refuses a change to a read-only workspace, and takes the editor lock
    /// for one that may change.
    pub(crate) fn may_change(&mut self) -> Result<()> {
        if let Some(reason) = self.read_only {
            return Err(reason.refusal(&self.path));
        }
        if !self.handle.try_lock(&self.path)? {
            return Err(ReadOnly::InUse.refusal(&self.path));
        }
        // Changes to a file moved or deleted while open would go where no
        // one finds them, or lose the write-ahead log named after its path.
        if self.handle.named_by(&self.path) == Some(false) {
            return Err(StoreError::NotSaved {
                path: self.path.clone(),
                why: crate::error::NotSaved::Moved,
            });
        }
        Ok(())
    }

    /// Runs `change` in one IMMEDIATE transaction, after checking that the
    /// workspace may be changed and taking the editor lock. Every change to
    /// the file goes through here. A change the file or its disk refuses
    /// (full disk, removed media, file moved) says so, and leaves the
    /// workspace as it was.
    pub(crate) fn transact<T>(
        &mut self,
        change: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        self.may_change()?;
        let result = (|| {
            let tx = self
                .conn
                .transaction_with_behavior(TransactionBehavior::Immediate)?;
            let value = change(&tx)?;
            tx.commit()?;
            Ok(value)
        })();
        result.map_err(|error: StoreError| error.not_saved(&self.path))
    }

    /// Stops SQLite from copying the write-ahead log into the file on a
    /// commit that happens to fill it: that copy (and its fsync) would land
    /// on an edit. The caller then calls [`Workspace::checkpoint`] when idle.
    pub fn defer_checkpoints(&self) -> Result<()> {
        self.conn.pragma_update(None, "wal_autocheckpoint", 0)?;
        Ok(())
    }

    /// Copies what the write-ahead log holds into the file, as far as
    /// readers allow, without waiting for them. Returns how many pages the
    /// log holds and how many of them are now in the file.
    pub fn checkpoint(&self) -> Result<(i64, i64)> {
        let pages = self
            .conn
            .query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |row| {
                Ok((row.get(1)?, row.get(2)?))
            })?;
        Ok(pages)
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

    /// Every timeline, in the user's order.
    pub fn timelines(&self) -> Result<Vec<TimelineSummary>> {
        self.timeline_summaries(None)
    }

    /// One timeline as [`Workspace::timelines`] lists it.
    pub fn timeline_summary(&self, id: i64) -> Result<TimelineSummary> {
        self.timeline_summaries(Some(id))?
            .pop()
            .ok_or_else(|| StoreError::not_found("timeline", id))
    }

    fn timeline_summaries(&self, only: Option<i64>) -> Result<Vec<TimelineSummary>> {
        let mut stmt = self.conn.prepare(
            "SELECT t.id, t.title, t.subtitle, t.colour,
                    (SELECT count(*) FROM placement p WHERE p.timeline_id = t.id),
                    (SELECT count(*) FROM placement p WHERE p.timeline_id = t.id
                        AND NOT EXISTS (SELECT 1 FROM event_source s WHERE s.event_id = p.event_id))
             FROM timeline t WHERE ?1 IS NULL OR t.id = ?1 ORDER BY t.position, t.id",
        )?;
        let rows = stmt.query_map([only], |row| {
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
        self.timeline_with(id, || {
            self.events(&EventFilter {
                timeline: Some(id),
                ..EventFilter::default()
            })
        })
    }

    /// The timeline as the canvas draws it, its events in outline.
    pub fn timeline_outline(&self, id: i64) -> Result<TimelineOutline> {
        self.timeline_with(id, || self.event_outlines(id))
    }

    /// The events on timeline `id` in outline, in start order.
    fn event_outlines(&self, id: i64) -> Result<Vec<EventOutline>> {
        let mut stmt = self.conn.prepare(
            "SELECT e.id, e.title, e.start_edtf, e.end_edtf, e.ongoing, e.kind, e.confidence,
                    e.importance,
                    (SELECT count(*) FROM event_source s WHERE s.event_id = e.id) AS sources
             FROM event e
             WHERE EXISTS (SELECT 1 FROM placement p WHERE p.event_id = e.id AND p.timeline_id = ?1)
             ORDER BY e.start_minute, e.id",
        )?;
        stmt.query_map([id], |row| {
            let source_count = row.get("sources")?;
            Ok(event_facts(row)?.map(|facts| EventOutline {
                facts,
                source_count,
            }))
        })?
        .collect::<rusqlite::Result<Vec<Result<EventOutline>>>>()?
        .into_iter()
        .collect()
    }

    /// Timeline `id` with the events `events` reads once the timeline is found.
    fn timeline_with<E>(
        &self,
        id: i64,
        events: impl FnOnce() -> Result<Vec<E>>,
    ) -> Result<TimelineView<E>> {
        let (title, subtitle, description, colour, summary) = self
            .conn
            .query_row(
                "SELECT title, subtitle, description, colour, summary FROM timeline WHERE id = ?1",
                [id],
                |row| {
                    Ok((
                        row.get(0)?,
                        row.get(1)?,
                        row.get(2)?,
                        row.get(3)?,
                        row.get(4)?,
                    ))
                },
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("timeline", id))?;
        let mut stmt = self.conn.prepare(
            "SELECT id, name, collapsed, colour FROM lane WHERE timeline_id = ?1 ORDER BY position, id",
        )?;
        let lanes = stmt
            .query_map([id], |row| {
                Ok(LaneView {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    collapsed: row.get(2)?,
                    colour: row.get(3)?,
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
        Ok(TimelineView {
            id,
            title,
            subtitle,
            description,
            colour,
            summary,
            lanes,
            placements,
            annotations: self.annotations(id)?,
            events: events()?,
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

    // Events.

    /// Events in start order, or best match first with a search query
    /// (equal matches in start order), ties broken by id, filtered (see
    /// [`EventFilter`]).
    pub fn events(&self, filter: &EventFilter) -> Result<Vec<EventView>> {
        Ok(self.events_page(filter)?.events)
    }

    /// What [`Workspace::events`] gives, and how many events match in all:
    /// only the events within the filter's limit are read whole.
    pub fn events_page(&self, filter: &EventFilter) -> Result<EventPage> {
        let words = filter.query.as_deref().map(query_words).unwrap_or_default();
        let query = (!words.is_empty()).then(|| fts_query(&words));
        let (search, text, order) = if query.is_some() {
            (
                "JOIN (SELECT rowid AS id, bm25(event_search, 10.0, 2.0, 5.0, 5.0, 1.0) AS rank,
                              concat_ws(' ', title, description, parties, tags, sources) AS text
                       FROM event_search WHERE event_search MATCH ?2) m ON m.id = e.id",
                "m.text",
                "m.rank, e.start_minute, e.id",
            )
        } else {
            ("", "NULL", "e.start_minute, e.id")
        };
        // ?2, the search, is used by the join when there is one.
        let matching = format!(
            "FROM event e {search}
             WHERE (?1 IS NULL OR EXISTS (SELECT 1 FROM placement p WHERE p.event_id = e.id AND p.timeline_id = ?1))
               AND (?3 IS NULL OR e.kind IN (SELECT value FROM json_each(?3)))
               AND (?4 IS NULL OR e.confidence IN (SELECT value FROM json_each(?4)))
               AND (?5 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.parties) WHERE lower(value) = lower(?5)))
               AND (?6 IS NULL OR EXISTS (SELECT 1 FROM json_each(e.tags) WHERE lower(value) = lower(?6)))
               AND (?7 IS NULL OR ?7 = NOT EXISTS (SELECT 1 FROM event_source s WHERE s.event_id = e.id))
               AND (?8 IS NULL OR NOT EXISTS (SELECT 1 FROM placement p WHERE p.event_id = e.id AND p.timeline_id = ?8))"
        );
        let name = |value: &Option<String>| {
            value
                .as_deref()
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_owned)
        };
        let limit = filter.limit.map(|limit| limit.max(1));
        let offset = filter.offset.unwrap_or(0);
        let params = params![
            filter.timeline,
            query,
            json_identifiers(filter.kinds.as_deref(), |k| k.as_str()),
            json_identifiers(filter.confidences.as_deref(), |c| c.as_str()),
            name(&filter.party),
            name(&filter.tag),
            filter.unsourced,
            filter.not_on_timeline,
            limit,
            offset,
        ];
        let mut events = Vec::new();
        {
            let mut stmt = self.conn.prepare(&format!(
                "SELECT e.id, e.title, e.description, e.start_edtf, e.end_edtf, e.ongoing, e.kind,
                        e.confidence, e.importance, e.parties, e.tags, {text},
                        e.display_date, e.media_url, e.media_credit, e.media_caption, e.media_thumbnail
                 {matching}
                 ORDER BY {order}
                 LIMIT coalesce(?9, -1) OFFSET ?10"
            ))?;
            let rows = stmt.query_map(params, |row| {
                Ok((event_row(row)?, row.get::<_, Option<String>>(11)?))
            })?;
            for row in rows {
                let (event, text) = row?;
                let mut event = event?;
                if let Some(text) = text {
                    event.matches = matched_words(&text, &words);
                }
                events.push(event);
            }
        }
        // A full page may have more behind it, and an empty page past the
        // first may have all of them before it: count them apart, which
        // reads no text and lets the page stop at its limit.
        let full = limit.is_some_and(|limit| events.len() >= limit as usize);
        let total = if full || (offset > 0 && events.is_empty()) {
            self.conn.query_row(
                &format!("SELECT count(*) {matching}"),
                &params[..8],
                |row| row.get(0),
            )?
        } else {
            offset + events.len() as u32
        };
        self.fill_links(&mut events)?;
        Ok(EventPage { events, total })
    }

    pub fn event(&self, id: i64) -> Result<EventView> {
        let event = self
            .conn
            .query_row(
                "SELECT id, title, description, start_edtf, end_edtf, ongoing, kind, confidence,
                        importance, parties, tags,
                        display_date, media_url, media_credit, media_caption, media_thumbnail
                 FROM event WHERE id = ?1",
                [id],
                event_row,
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("event", id))??;
        let mut events = [event];
        self.fill_links(&mut events)?;
        let [event] = events;
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

    /// Fills in the timelines and sources of `events`, reading the links
    /// of those events only.
    fn fill_links(&self, events: &mut [EventView]) -> Result<()> {
        let ids: Vec<i64> = events.iter().map(|event| event.facts.id).collect();
        let (mut timelines, mut sources) = self.links(&ids)?;
        for event in events.iter_mut() {
            event.timelines = timelines.remove(&event.facts.id).unwrap_or_default();
            event.sources = sources.remove(&event.facts.id).unwrap_or_default();
        }
        Ok(())
    }

    /// The titles of the timelines and the cited sources of these events,
    /// by event id.
    fn links(&self, events: &[i64]) -> Result<Links> {
        let ids = serde_json::to_string(events).expect("ids serialise");
        let mut timelines: BTreeMap<i64, Vec<String>> = BTreeMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.event_id, t.title FROM placement p JOIN timeline t ON t.id = p.timeline_id
             WHERE p.event_id IN (SELECT value FROM json_each(?1))
             ORDER BY p.event_id, t.position, t.id",
        )?;
        for row in stmt.query_map([&ids], |row| Ok((row.get::<_, i64>(0)?, row.get(1)?)))? {
            let (event, title) = row?;
            timelines.entry(event).or_default().push(title);
        }
        let mut sources: BTreeMap<i64, Vec<SourceQuoteView>> = BTreeMap::new();
        let mut stmt = self.conn.prepare_cached(
            "SELECT s.id, s.title, s.url, s.publisher, s.author, s.published_edtf, s.accessed_edtf,
                    l.quote, l.id, l.event_id
             FROM event_source l JOIN source s ON s.id = l.source_id
             WHERE l.event_id IN (SELECT value FROM json_each(?1))
             ORDER BY l.event_id, l.position, l.id",
        )?;
        let rows = stmt.query_map([&ids], |row| {
            let published: Option<String> = row.get(5)?;
            let accessed: Option<String> = row.get(6)?;
            let source = SourceQuoteView {
                link_id: row.get(8)?,
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
            };
            Ok((row.get::<_, i64>(9)?, source))
        })?;
        for row in rows {
            let (event, source) = row?;
            sources.entry(event).or_default().push(source);
        }
        Ok((timelines, sources))
    }

    // Building a workspace in one transaction.

    /// Runs `build` in one transaction: everything it writes lands, or nothing.
    pub fn write<T>(&mut self, build: impl FnOnce(&mut Writer<'_>) -> Result<T>) -> Result<T> {
        self.transact(|tx| build(&mut Writer { conn: tx }))
    }
}

/// Timeline titles and cited sources, by event id.
type Links = (
    BTreeMap<i64, Vec<String>>,
    BTreeMap<i64, Vec<SourceQuoteView>>,
);

/// Writes inside one transaction opened by [`Workspace::write`].
pub struct Writer<'a> {
    pub(crate) conn: &'a Connection,
}

impl Writer<'_> {
    /// Deletes every timeline, event, source and annotation.
    pub fn clear(&mut self) -> Result<()> {
        self.conn.execute_batch(
            "DELETE FROM annotation; DELETE FROM placement; DELETE FROM event_source;
             DELETE FROM lane; DELETE FROM timeline; DELETE FROM event; DELETE FROM source;
             DELETE FROM comparison;",
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
             VALUES (?1, ?2, ?3, (SELECT coalesce(max(position), -1) + 1 FROM event_source WHERE event_id = ?1))",
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
        "INSERT INTO timeline (title, subtitle, description, colour, summary, position)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(position), -1) + 1 FROM timeline))",
        params![
            draft.title,
            draft.subtitle,
            draft.description,
            draft.colour,
            draft.summary
        ],
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
    let row = EventRow::new(draft)?;
    conn.execute(
        "INSERT INTO event (title, description, start_edtf, start_minute, end_edtf, end_minute, ongoing,
                            kind, confidence, importance, parties, tags)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        row.params(),
    )?;
    Ok(conn.last_insert_rowid())
}

/// Writes a changed event over the stored one; the draft is validated first.
pub(crate) fn update_event_row(conn: &Connection, id: i64, draft: EventDraft) -> Result<()> {
    let row = EventRow::new(draft)?;
    let mut params = row.params().to_vec();
    params.push(&id);
    let changed = conn.execute(
        "UPDATE event SET title = ?1, description = ?2, start_edtf = ?3, start_minute = ?4,
             end_edtf = ?5, end_minute = ?6, ongoing = ?7, kind = ?8, confidence = ?9,
             importance = ?10, parties = ?11, tags = ?12
         WHERE id = ?13",
        params.as_slice(),
    )?;
    if changed == 0 {
        return Err(StoreError::not_found("event", id));
    }
    Ok(())
}

/// An event's columns, from a validated draft.
pub(crate) struct EventRow {
    title: String,
    description: String,
    start_edtf: String,
    start_minute: i64,
    end_edtf: Option<String>,
    end_minute: Option<i64>,
    ongoing: bool,
    kind: &'static str,
    confidence: &'static str,
    importance: u8,
    parties: String,
    tags: String,
}

impl EventRow {
    pub(crate) fn new(draft: EventDraft) -> Result<EventRow> {
        let draft = draft.validate()?;
        let (end, ongoing) = match draft.end {
            EventEnd::Point => (None, false),
            EventEnd::Until(end) => (Some(end), false),
            EventEnd::Ongoing => (None, true),
        };
        Ok(EventRow {
            start_edtf: draft.start.to_edtf(),
            start_minute: draft.start.start_minute(),
            end_edtf: end.map(|d| d.to_edtf()),
            end_minute: end.map(|d| d.end_minute()),
            ongoing,
            kind: draft.kind.as_str(),
            confidence: draft.confidence.as_str(),
            importance: draft.importance,
            parties: json_names(&draft.parties),
            tags: json_names(&draft.tags),
            title: draft.title,
            description: draft.description,
        })
    }

    pub(crate) fn params(&self) -> [&dyn rusqlite::ToSql; 12] {
        [
            &self.title,
            &self.description,
            &self.start_edtf,
            &self.start_minute,
            &self.end_edtf,
            &self.end_minute,
            &self.ongoing,
            &self.kind,
            &self.confidence,
            &self.importance,
            &self.parties,
            &self.tags,
        ]
    }
}

/// Refuses a file with content at `path`: what would be written there is a
/// new workspace.
fn ensure_vacant(path: &Path) -> Result<()> {
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_file() && metadata.len() == 0 => Ok(()),
        Ok(_) => Err(StoreError::Exists {
            path: path.to_owned(),
        }),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(source) => Err(StoreError::Io {
            path: path.to_owned(),
            source,
        }),
    }
}

/// A list of names as the JSON array the database holds.
fn json_names(names: &[String]) -> String {
    serde_json::Value::from(names).to_string()
}

/// Reads an event row; a row that breaks the model's rules (written by hand
/// or by a bug) is reported as a damaged workspace rather than a panic.
fn event_row(row: &Row<'_>) -> rusqlite::Result<Result<EventView>> {
    let facts = event_facts(row)?;
    let description: String = row.get("description")?;
    let parties: String = row.get("parties")?;
    let tags: String = row.get("tags")?;
    let display_date: String = row.get("display_date")?;
    let media = tideline_interop::Media {
        url: row.get("media_url")?,
        credit: row.get("media_credit")?,
        caption: row.get("media_caption")?,
        thumbnail: row.get("media_thumbnail")?,
    };
    Ok((|| {
        let facts = facts?;
        let id = facts.id;
        Ok(EventView {
            facts,
            description,
            parties: serde_json::from_str(&parties)
                .map_err(|e| damaged(format!("event {id} parties: {e}")))?,
            tags: serde_json::from_str(&tags)
                .map_err(|e| damaged(format!("event {id} tags: {e}")))?,
            timelines: Vec::new(),
            sources: Vec::new(),
            matches: Vec::new(),
            display_date: (!display_date.is_empty()).then_some(display_date),
            media: (media != tideline_interop::Media::default()).then_some(media),
        })
    })())
}

/// Reads what every view says of an event from a row with the event's
/// columns by name (`id`, `title`, `start_edtf`, `end_edtf`, `ongoing`,
/// `kind`, `confidence`, `importance`).
fn event_facts(row: &Row<'_>) -> rusqlite::Result<Result<EventFacts>> {
    let id: i64 = row.get("id")?;
    let start: String = row.get("start_edtf")?;
    let end: Option<String> = row.get("end_edtf")?;
    let kind: String = row.get("kind")?;
    let confidence: String = row.get("confidence")?;
    let (title, ongoing, importance) = (
        row.get("title")?,
        row.get("ongoing")?,
        row.get("importance")?,
    );
    Ok((|| {
        let dates = EventDates::parse(id, &start, end.as_deref())?;
        Ok(EventFacts {
            id,
            title,
            precision: dates.start.precision(),
            approximate: dates.start.approximate(),
            uncertain: dates.start.uncertain(),
            start_label: dates.start.display(),
            end_label: dates.end.map(|d| d.display()),
            start_minute: dates.start.start_minute(),
            end_minute: dates.end.unwrap_or(dates.start).end_minute(),
            start,
            end,
            ongoing,
            kind: parse_stored(id, &kind)?,
            confidence: parse_stored(id, &confidence)?,
            importance,
        })
    })())
}

/// A stored row that does not read back: the file was changed outside
/// Tideline, or damaged.
fn damaged(detail: String) -> StoreError {
    StoreError::Corrupt {
        path: PathBuf::from("the workspace"),
        detail,
    }
}

/// An event's stored dates, read back.
struct EventDates {
    start: Date,
    end: Option<Date>,
}

impl EventDates {
    fn parse(id: i64, start: &str, end: Option<&str>) -> Result<EventDates> {
        Ok(EventDates {
            start: Date::parse_edtf(start)
                .map_err(|e| damaged(format!("event {id} start: {e}")))?,
            end: end
                .map(Date::parse_edtf)
                .transpose()
                .map_err(|e| damaged(format!("event {id} end: {e}")))?,
        })
    }
}

/// A stored vocabulary word (kind, confidence) of event `id`, read back.
fn parse_stored<T: std::str::FromStr<Err: std::fmt::Display>>(id: i64, word: &str) -> Result<T> {
    word.parse()
        .map_err(|e| damaged(format!("event {id}: {e}")))
}

pub(crate) fn display_edtf(edtf: &str) -> String {
    Date::parse_edtf(edtf)
        .map(|d| d.display())
        .unwrap_or_else(|_| edtf.to_owned())
}

/// Which of the (lowercased) query `words` start a word of `text`, an
/// event's searchable text.
fn matched_words(text: &str, words: &[String]) -> Vec<String> {
    let text = text.to_lowercase();
    let tokens: Vec<&str> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|token| !token.is_empty())
        .collect();
    words
        .iter()
        .filter(|word| tokens.iter().any(|token| token.starts_with(word.as_str())))
        .cloned()
        .collect()
}

/// The distinct words of what a user typed, lowercased, in order.
fn query_words(text: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let word = word.to_lowercase();
        if !word.is_empty() && !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

/// Turns the words a user typed into an FTS5 query: each word a prefix
/// match, all words required, and no FTS5 syntax passed through (words hold
/// letters and digits only, each quoted).
fn fts_query(words: &[String]) -> String {
    words
        .iter()
        .map(|word| format!("\"{word}\"*"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A JSON array of identifiers for `json_each`, or None (no filter) for
/// none or an empty list.
fn json_identifiers<T: Copy>(
    values: Option<&[T]>,
    id: impl Fn(T) -> &'static str,
) -> Option<String> {
    let values = values.filter(|values| !values.is_empty())?;
    let ids: Vec<String> = values.iter().map(|v| format!("\"{}\"", id(*v))).collect();
    Some(format!("[{}]", ids.join(",")))
}
