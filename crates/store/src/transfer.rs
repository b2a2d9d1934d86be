//! Import and export: files in the formats of `tideline-interop`, written
//! into a workspace through its neutral [`Document`] and read back into one.
//!
//! [`preview_import`] reads and checks a file without touching a workspace
//! (the UI's preview); [`Workspace::import`] writes it as one undoable step,
//! in one transaction: the file lands whole or not at all. By default any
//! invalid event refuses the whole file with every problem listed
//! ([`StoreError::ImportRefused`]); `skip_invalid` writes the valid ones and
//! lists the others. [`Workspace::export`] writes a timeline (or, for
//! Tideline JSON, the whole workspace) in a stable order with keys local to
//! the file, so that a Tideline JSON file exported, imported into a new
//! workspace and exported again is byte-identical.

use std::collections::BTreeMap;
use std::path::PathBuf;

use rusqlite::{OptionalExtension, params};
use tideline_interop::{
    AnnotationDoc, CitationDoc, ComparisonDoc, Document, EventDoc, ExportFormat, ImportFormat,
    LaneDoc, Media, ParseOptions, Parsed, PlacementDoc, Problem, SourceDoc, TargetDoc, TimelineDoc,
};
use tideline_model::{
    AnnotationTarget, Date, EventDraft, EventEnd, SourceDraft, TimelineDraft, validation,
};

use crate::error::{Result, StoreError};
use crate::history::bulk_change;
use crate::views::{ImportOptions, ImportPreview, ImportProblem, ImportReport};
use crate::workspace::{EventRow, Workspace, Writer};

/// Reads `bytes` (the file called `file_name`) as `options` say: the
/// format given, or the one detected. `today` is Markwhen's `now`.
fn read(
    file_name: &str,
    bytes: &[u8],
    options: &ImportOptions,
    today: Date,
) -> (Option<ImportFormat>, Parsed) {
    let format = options
        .format
        .or_else(|| tideline_interop::detect(file_name, bytes));
    let Some(format) = format else {
        let problem = Problem::new(
            tideline_interop::Place::File,
            "could not tell the file's format; name it (timelinejs-json, timelinejs-csv, markwhen, csv or tideline-json)",
        );
        return (
            None,
            Parsed {
                errors: vec![problem],
                ..Parsed::default()
            },
        );
    };
    let stem = std::path::Path::new(file_name)
        .file_stem()
        .and_then(|stem| stem.to_str())
        .map(str::trim)
        .filter(|stem| validation::title("title", stem).is_ok())
        .unwrap_or("Imported timeline");
    let parse_options = ParseOptions {
        fallback_title: stem.to_owned(),
        today: Some(today),
    };
    (
        Some(format),
        tideline_interop::parse(bytes, format, &parse_options),
    )
}

fn problems<'a>(problems: impl IntoIterator<Item = &'a Problem>) -> Vec<ImportProblem> {
    problems.into_iter().map(ImportProblem::from).collect()
}

/// What importing the file would write, and every problem; nothing is
/// written anywhere.
pub fn preview_import(
    file_name: &str,
    bytes: &[u8],
    options: &ImportOptions,
    today: Date,
) -> ImportPreview {
    let (format, parsed) = read(file_name, bytes, options, today);
    let document = &parsed.document;
    let first = document.timelines.first();
    let starts = document.events.iter().map(|e| e.draft.start);
    let start = starts.clone().min();
    let end = document
        .events
        .iter()
        .map(|e| match e.draft.end {
            EventEnd::Until(end) => end,
            _ => e.draft.start,
        })
        .max_by_key(|date| date.end_minute());
    ImportPreview {
        format,
        title: options
            .timeline
            .clone()
            .or_else(|| first.map(|t| t.draft.title.clone()))
            .unwrap_or_default(),
        timelines: document.timelines.len() as u32,
        events: document.events.len() as u32,
        lanes: first
            .map(|t| t.lanes.iter().map(|lane| lane.name.clone()).collect())
            .unwrap_or_default(),
        start_label: start.map(|d| d.display()),
        end_label: end.map(|d| d.display()),
        problems: problems(parsed.refusals()),
        invalid: parsed.invalid.len() as u32,
        unreadable: !parsed.errors.is_empty(),
        warnings: problems(&parsed.warnings),
    }
}

impl Workspace {
    /// Imports the file called `file_name` with content `bytes` as one
    /// undoable step ("Import NAME"), in one transaction. Refuses it with
    /// [`StoreError::ImportRefused`], writing nothing, when it cannot be
    /// read, or when any event is invalid and `skip_invalid` is off.
    pub fn import(
        &mut self,
        file_name: &str,
        bytes: &[u8],
        options: &ImportOptions,
        today: Date,
    ) -> Result<ImportReport> {
        let (_, parsed) = read(file_name, bytes, options, today);
        let refused = if options.skip_invalid {
            problems(&parsed.errors)
        } else {
            problems(parsed.refusals())
        };
        if !refused.is_empty() {
            return Err(StoreError::ImportRefused { problems: refused });
        }
        let label = format!(
            "Import {}",
            std::path::Path::new(file_name)
                .file_name()
                .and_then(|name| name.to_str())
                .unwrap_or("file")
        );
        let timelines =
            self.import_document(&parsed.document, options.timeline.as_deref(), &label)?;
        let title = match timelines.first() {
            Some(id) => self.timeline_summary(*id)?.title,
            None => String::new(),
        };
        Ok(ImportReport {
            timeline: timelines.first().copied(),
            title,
            events: parsed.document.events.len() as u32,
            skipped: problems(&parsed.invalid),
            warnings: problems(&parsed.warnings),
        })
    }

    /// Writes `document` as one undoable step called `label`: its sources,
    /// its events with their citations, and its timelines with their
    /// placements and annotations. With `into`, the document's one timeline
    /// goes into the timeline titled `into` (made if there is none).
    /// Returns the timelines written into, in the document's order.
    pub fn import_document(
        &mut self,
        document: &Document,
        into: Option<&str>,
        label: &str,
    ) -> Result<Vec<i64>> {
        if into.is_some() && document.timelines.len() > 1 {
            return Err(validation::ValidationError::new(
                "timeline",
                format!(
                    "the file holds {} timelines; a timeline title applies to a file of one",
                    document.timelines.len()
                ),
            )
            .into());
        }
        self.edit(label, |writer| write_document(writer, document, into))
    }

    /// Writes timeline `timeline` as `format`; Tideline JSON with
    /// [`Workspace::export_workspace`] for everything.
    pub fn export(&self, timeline: i64, format: ExportFormat) -> Result<Vec<u8>> {
        let document = self.export_document(Some(timeline))?;
        Ok(tideline_interop::write(&document, format))
    }

    /// The whole workspace as Tideline JSON.
    pub fn export_workspace(&self) -> Result<Vec<u8>> {
        let document = self.export_document(None)?;
        Ok(tideline_interop::write(
            &document,
            ExportFormat::TidelineJson,
        ))
    }

    /// Timeline `timeline` (with the events it places and the sources they
    /// cite), or with None the whole workspace, as a document. Events come
    /// in start order, sources in order of first citation (the whole
    /// workspace: every event and source, uncited sources last).
    pub fn export_document(&self, timeline: Option<i64>) -> Result<Document> {
        let timeline_ids: Vec<i64> = match timeline {
            Some(id) => {
                self.timeline_summary(id)?;
                vec![id]
            }
            None => self
                .conn
                .prepare("SELECT id FROM timeline ORDER BY position, id")?
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?,
        };
        let mut document = Document::default();
        // Events: the placed ones (or all), in start order, keyed e1, e2, ….
        let event_sql = "SELECT id, title, description, start_edtf, end_edtf, ongoing, kind, confidence,
                                importance, parties, tags, display_date, media_url, media_credit,
                                media_caption, media_thumbnail
                         FROM event e
                         WHERE ?1 IS NULL OR EXISTS (SELECT 1 FROM placement p WHERE p.event_id = e.id AND p.timeline_id = ?1)
                         ORDER BY start_minute, id";
        let mut event_keys: BTreeMap<i64, String> = BTreeMap::new();
        let mut event_order: Vec<i64> = Vec::new();
        let mut stmt = self.conn.prepare(event_sql)?;
        let rows = stmt.query_map([timeline], |row| {
            Ok((row.get::<_, i64>(0)?, read_event(row)?))
        })?;
        for row in rows {
            let (id, event) = row?;
            let mut event =
                event.map_err(|detail| self.damaged(format!("event {id}: {detail}")))?;
            event.key = format!("e{}", document.events.len() + 1);
            event_keys.insert(id, event.key.clone());
            event_order.push(id);
            document.events.push(event);
        }
        // Citations, and the sources they name in order of first citation.
        let mut source_keys: BTreeMap<i64, String> = BTreeMap::new();
        let mut source_order: Vec<i64> = Vec::new();
        let mut stmt = self.conn.prepare(
            "SELECT event_id, source_id, quote FROM event_source ORDER BY event_id, position, id",
        )?;
        let mut citations: BTreeMap<i64, Vec<(i64, String)>> = BTreeMap::new();
        for row in stmt.query_map([], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                row.get::<_, i64>(1)?,
                row.get::<_, String>(2)?,
            ))
        })? {
            let (event, source, quote) = row?;
            if event_keys.contains_key(&event) {
                citations.entry(event).or_default().push((source, quote));
            }
        }
        for (index, id) in event_order.iter().enumerate() {
            for (source, quote) in citations.remove(id).unwrap_or_default() {
                let key = source_keys.entry(source).or_insert_with(|| {
                    source_order.push(source);
                    format!("s{}", source_order.len())
                });
                document.events[index].citations.push(CitationDoc {
                    source: key.clone(),
                    quote,
                });
            }
        }
        if timeline.is_none() {
            let all: Vec<i64> = self
                .conn
                .prepare("SELECT id FROM source ORDER BY id")?
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for id in all {
                if let std::collections::btree_map::Entry::Vacant(entry) = source_keys.entry(id) {
                    source_order.push(id);
                    entry.insert(format!("s{}", source_order.len()));
                }
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT url, title, publisher, author, published_edtf, accessed_edtf, excerpt, notes
             FROM source WHERE id = ?1",
        )?;
        for id in source_order {
            let draft = stmt.query_row([id], |row| {
                let date = |index: usize| -> rusqlite::Result<Option<String>> { row.get(index) };
                Ok((
                    SourceDraft {
                        url: row.get(0)?,
                        title: row.get(1)?,
                        publisher: row.get(2)?,
                        author: row.get(3)?,
                        published: None,
                        accessed: None,
                        excerpt: row.get(6)?,
                        notes: row.get(7)?,
                    },
                    date(4)?,
                    date(5)?,
                ))
            })?;
            let (mut draft, published, accessed) = draft;
            let parse = |edtf: Option<String>| {
                edtf.map(|edtf| Date::parse_edtf(&edtf))
                    .transpose()
                    .map_err(|e| self.damaged(format!("source {id}: {e}")))
            };
            draft.published = parse(published)?;
            draft.accessed = parse(accessed)?;
            document.sources.push(SourceDoc {
                key: source_keys[&id].clone(),
                draft,
            });
        }
        for id in &timeline_ids {
            document
                .timelines
                .push(self.timeline_doc(*id, &event_keys)?);
        }
        if timeline.is_none() {
            document.comparisons = self.comparison_docs(&timeline_ids, &event_keys)?;
        }
        Ok(document)
    }

    fn timeline_doc(&self, id: i64, event_keys: &BTreeMap<i64, String>) -> Result<TimelineDoc> {
        let draft = self.conn.query_row(
            "SELECT title, subtitle, description, colour, summary FROM timeline WHERE id = ?1",
            [id],
            |row| {
                Ok(TimelineDraft {
                    title: row.get(0)?,
                    subtitle: row.get(1)?,
                    description: row.get(2)?,
                    colour: row.get(3)?,
                    summary: row.get(4)?,
                })
            },
        )?;
        let mut timeline = TimelineDoc::new(draft);
        let mut lane_index: BTreeMap<i64, usize> = BTreeMap::new();
        let mut stmt = self.conn.prepare(
            "SELECT id, name, collapsed, colour FROM lane WHERE timeline_id = ?1 ORDER BY position, id",
        )?;
        for row in stmt.query_map([id], |row| {
            Ok((
                row.get::<_, i64>(0)?,
                LaneDoc {
                    name: row.get(1)?,
                    collapsed: row.get(2)?,
                    colour: row.get(3)?,
                },
            ))
        })? {
            let (lane, doc) = row?;
            lane_index.insert(lane, timeline.lanes.len());
            timeline.lanes.push(doc);
        }
        let mut stmt = self.conn.prepare(
            "SELECT p.event_id, p.lane_id FROM placement p JOIN event e ON e.id = p.event_id
             WHERE p.timeline_id = ?1 ORDER BY e.start_minute, e.id",
        )?;
        for row in stmt.query_map([id], |row| {
            Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
        })? {
            let (event, lane) = row?;
            if let (Some(event), Some(lane)) = (event_keys.get(&event), lane_index.get(&lane)) {
                timeline.placements.push(PlacementDoc {
                    event: event.clone(),
                    lane: *lane,
                });
            }
        }
        let mut stmt = self.conn.prepare(
            "SELECT text, event_id, start_edtf, end_edtf FROM annotation
             WHERE timeline_id = ?1 ORDER BY start_minute, id",
        )?;
        let rows = stmt.query_map([id], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, Option<i64>>(1)?,
                row.get::<_, Option<String>>(2)?,
                row.get::<_, Option<String>>(3)?,
            ))
        })?;
        for row in rows {
            let (text, event, start, end) = row?;
            let target = match (event, start, end) {
                // A callout on an event this export leaves out goes too.
                (Some(event), _, _) => match event_keys.get(&event) {
                    Some(key) => TargetDoc::Event(key.clone()),
                    None => continue,
                },
                (None, Some(start), Some(end)) => {
                    let date = |edtf: &str| {
                        Date::parse_edtf(edtf)
                            .map_err(|e| self.damaged(format!("annotation on timeline {id}: {e}")))
                    };
                    TargetDoc::Span {
                        start: date(&start)?,
                        end: date(&end)?,
                    }
                }
                _ => TargetDoc::Timeline,
            };
            timeline.annotations.push(AnnotationDoc { text, target });
        }
        Ok(timeline)
    }

    fn damaged(&self, detail: String) -> StoreError {
        StoreError::Corrupt {
            path: PathBuf::from(self.path()),
            detail,
        }
    }
}

/// An event row (columns as in `export_document`) as a document event,
/// or what is wrong with it.
fn read_event(row: &rusqlite::Row<'_>) -> rusqlite::Result<std::result::Result<EventDoc, String>> {
    let start: String = row.get(3)?;
    let end: Option<String> = row.get(4)?;
    let ongoing: bool = row.get(5)?;
    let kind: String = row.get(6)?;
    let confidence: String = row.get(7)?;
    let parties: String = row.get(9)?;
    let tags: String = row.get(10)?;
    let title: String = row.get(1)?;
    let description: String = row.get(2)?;
    let importance: u8 = row.get(8)?;
    let display_date: String = row.get(11)?;
    let media = Media {
        url: row.get(12)?,
        credit: row.get(13)?,
        caption: row.get(14)?,
        thumbnail: row.get(15)?,
    };
    Ok((|| {
        let start = Date::parse_edtf(&start).map_err(|e| format!("start: {e}"))?;
        let end = match (end, ongoing) {
            (Some(end), _) => {
                EventEnd::Until(Date::parse_edtf(&end).map_err(|e| format!("end: {e}"))?)
            }
            (None, true) => EventEnd::Ongoing,
            (None, false) => EventEnd::Point,
        };
        let draft = EventDraft {
            title,
            description,
            start,
            end,
            kind: kind.parse().map_err(|e| format!("{e}"))?,
            confidence: confidence.parse().map_err(|e| format!("{e}"))?,
            importance,
            parties: serde_json::from_str(&parties).map_err(|e| format!("parties: {e}"))?,
            tags: serde_json::from_str(&tags).map_err(|e| format!("tags: {e}"))?,
        };
        Ok(EventDoc {
            key: String::new(),
            draft,
            display_date,
            media: (media != Media::default()).then_some(media),
            citations: Vec::new(),
        })
    })())
}

fn write_document(
    writer: &mut Writer<'_>,
    document: &Document,
    into: Option<&str>,
) -> Result<Vec<i64>> {
    let mut sources: BTreeMap<&str, i64> = BTreeMap::new();
    for source in &document.sources {
        sources.insert(&source.key, writer.create_source(source.draft.clone())?);
    }
    let conn = writer.conn;
    let rows = document
        .events
        .iter()
        .map(|event| Ok((EventRow::new(event.draft.clone())?, event)))
        .collect::<Result<Vec<_>>>()?;
    // The events, their citations and their search rows go in as one bulk
    // change, undone by one statement (which takes the citations and
    // placements with it, by cascade).
    let first_id = next_event_id(conn, rows.len())?;
    let last_id = first_id + rows.len() as i64 - 1;
    let events = bulk_change(
        conn,
        &format!("DELETE FROM event WHERE id BETWEEN {first_id} AND {last_id}"),
        || {
            insert_events(conn, &rows, first_id)?;
            let mut cite = conn.prepare_cached(
                "INSERT INTO event_source (event_id, source_id, quote, position) VALUES (?1, ?2, ?3, ?4)",
            )?;
            let mut events: BTreeMap<&str, i64> = BTreeMap::new();
            for (id, event) in (first_id..).zip(&document.events) {
                for (position, citation) in event.citations.iter().enumerate() {
                    let source = sources
                        .get(citation.source.as_str())
                        .ok_or_else(|| StoreError::not_found("source", &citation.source))?;
                    let quote = tideline_model::source::validate_quote(&citation.quote)?;
                    cite.execute(params![id, source, quote, position as i64])?;
                }
                events.insert(&event.key, id);
            }
            index_events(conn, first_id, last_id)?;
            Ok(events)
        },
    )?;
    let mut ids = Vec::new();
    for timeline in &document.timelines {
        let (id, lanes) = match into {
            Some(title) => into_timeline(writer, title, timeline)?,
            None => {
                let names: Vec<&str> = timeline.lanes.iter().map(|l| l.name.as_str()).collect();
                let id = writer.create_timeline(timeline.draft.clone(), &names)?;
                let lanes = lane_ids(writer, id)?;
                for (lane, doc) in lanes.iter().zip(&timeline.lanes) {
                    let colour = doc
                        .colour
                        .as_deref()
                        .map(|c| validation::colour("colour", c))
                        .transpose()?;
                    conn.execute(
                        "UPDATE lane SET collapsed = ?2, colour = ?3 WHERE id = ?1",
                        params![lane, doc.collapsed, colour],
                    )?;
                }
                (id, lanes)
            }
        };
        let placements = timeline
            .placements
            .iter()
            .map(|placement| {
                let event = events
                    .get(placement.event.as_str())
                    .ok_or_else(|| StoreError::not_found("event", &placement.event))?;
                let lane = lanes
                    .get(placement.lane)
                    .ok_or_else(|| StoreError::not_found("lane", placement.lane))?;
                Ok([id, *event, *lane])
            })
            .collect::<Result<Vec<_>>>()?;
        let values: Vec<&dyn rusqlite::ToSql> = placements
            .iter()
            .flatten()
            .map(|value| value as &dyn rusqlite::ToSql)
            .collect();
        // Every placement is of an event this import made.
        bulk_change(
            conn,
            &format!(
                "DELETE FROM placement WHERE timeline_id = {id} AND event_id BETWEEN {first_id} AND {last_id}"
            ),
            || {
                insert_rows(
                    conn,
                    "placement (timeline_id, event_id, lane_id)",
                    "ON CONFLICT (timeline_id, event_id) DO UPDATE SET lane_id = excluded.lane_id",
                    3,
                    &values,
                )
            },
        )?;
        for annotation in &timeline.annotations {
            let target = match &annotation.target {
                TargetDoc::Event(key) => AnnotationTarget::Event(
                    *events
                        .get(key.as_str())
                        .ok_or_else(|| StoreError::not_found("event", key))?,
                ),
                TargetDoc::Span { start, end } => AnnotationTarget::Span {
                    start: *start,
                    end: *end,
                },
                TargetDoc::Timeline => AnnotationTarget::Timeline,
            };
            writer.annotate(id, target, &annotation.text)?;
        }
        ids.push(id);
    }
    if into.is_none() {
        for comparison in &document.comparisons {
            write_comparison(conn, comparison, &ids, &events)?;
        }
    }
    Ok(ids)
}

/// Saves a comparison of the document's timelines, now `timelines`.
fn write_comparison(
    conn: &rusqlite::Connection,
    comparison: &ComparisonDoc,
    timelines: &[i64],
    events: &BTreeMap<&str, i64>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO comparison (name, alignment, position)
         VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM comparison))",
        params![comparison.name, comparison.alignment],
    )?;
    let id = conn.last_insert_rowid();
    for (position, index) in comparison.timelines.iter().enumerate() {
        let timeline = timelines
            .get(*index)
            .ok_or_else(|| StoreError::not_found("timeline", index))?;
        let t0 = comparison
            .t0_events
            .get(position)
            .cloned()
            .flatten()
            .map(|key| {
                events
                    .get(key.as_str())
                    .copied()
                    .ok_or_else(|| StoreError::not_found("event", key))
            })
            .transpose()?;
        conn.execute(
            "INSERT INTO comparison_timeline (comparison_id, timeline_id, position, t0_event_id)
             VALUES (?1, ?2, ?3, ?4)",
            params![id, timeline, position as i64, t0],
        )?;
    }
    Ok(())
}

/// Rows per INSERT of imported rows (18 × 500 values, within SQLite's 32,766).
/// FTS5 flushes its pending index at every statement of a transaction (a
/// savepoint), so one event per statement would write and merge an index
/// segment per event: a 10,000-row import took twice as long.
const ROWS_PER_INSERT: usize = 500;

/// Runs `INSERT INTO {into} VALUES (…), (…), … {tail}` over `values`, `width`
/// of them a row, [`ROWS_PER_INSERT`] rows a statement.
fn insert_rows(
    conn: &rusqlite::Connection,
    into: &str,
    tail: &str,
    width: usize,
    values: &[&dyn rusqlite::ToSql],
) -> Result<()> {
    let row = format!("({})", vec!["?"; width].join(", "));
    for chunk in values.chunks(width * ROWS_PER_INSERT) {
        let rows = vec![row.as_str(); chunk.len() / width].join(", ");
        conn.prepare_cached(&format!("INSERT INTO {into} VALUES {rows} {tail}"))?
            .execute(chunk)?;
    }
    Ok(())
}

/// The first of `count` consecutive new event ids after the largest one,
/// as SQLite would number them.
fn next_event_id(conn: &rusqlite::Connection, count: usize) -> Result<i64> {
    let last: i64 = conn.query_row("SELECT coalesce(max(id), 0) FROM event", [], |row| {
        row.get(0)
    })?;
    last.checked_add(1)
        .filter(|first| first.checked_add(count as i64).is_some())
        .ok_or_else(|| {
            validation::ValidationError::new("events", "the workspace has no event ids left").into()
        })
}

/// Inserts `rows` with consecutive ids from `first_id`.
fn insert_events(
    conn: &rusqlite::Connection,
    rows: &[(EventRow, &EventDoc)],
    first_id: i64,
) -> Result<()> {
    let ids: Vec<i64> = (first_id..).take(rows.len()).collect();
    let no_media = Media::default();
    let mut values: Vec<&dyn rusqlite::ToSql> = Vec::with_capacity(rows.len() * 18);
    for ((row, event), id) in rows.iter().zip(&ids) {
        let media = event.media.as_ref().unwrap_or(&no_media);
        values.push(id);
        values.extend(row.params());
        values.extend([
            &event.display_date as &dyn rusqlite::ToSql,
            &media.url,
            &media.credit,
            &media.caption,
            &media.thumbnail,
        ]);
    }
    insert_rows(
        conn,
        "event (id, title, description, start_edtf, start_minute, end_edtf, end_minute, ongoing,
                kind, confidence, importance, parties, tags,
                display_date, media_url, media_credit, media_caption, media_thumbnail)",
        "",
        18,
        &values,
    )
}

/// Writes the search rows of events `first..=last` as the
/// `event_search_insert` trigger would have (migration 3), for a bulk
/// change that paused it.
fn index_events(conn: &rusqlite::Connection, first: i64, last: i64) -> Result<()> {
    conn.execute(
        "INSERT INTO event_search (rowid, title, description, parties, tags, sources)
         SELECT e.id, e.title, e.description, e.parties, e.tags,
                (SELECT coalesce(group_concat(cited, ' '), '') FROM (
                     SELECT s.title || ' ' || l.quote AS cited
                     FROM event_source l JOIN source s ON s.id = l.source_id
                     WHERE l.event_id = e.id ORDER BY l.position, l.id))
         FROM event e WHERE e.id BETWEEN ?1 AND ?2",
        [first, last],
    )?;
    Ok(())
}

/// The lanes of `timeline`, in order.
fn lane_ids(writer: &Writer<'_>, timeline: i64) -> Result<Vec<i64>> {
    Ok(writer
        .conn
        .prepare("SELECT id FROM lane WHERE timeline_id = ?1 ORDER BY position, id")?
        .query_map([timeline], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// The timeline titled `title` (made with the document's fields and lanes
/// if there is none), and for each of the document's lanes the id of the
/// lane of that name on it (added at the end if missing).
fn into_timeline(
    writer: &mut Writer<'_>,
    title: &str,
    timeline: &TimelineDoc,
) -> Result<(i64, Vec<i64>)> {
    let title = validation::title("timeline", title)?;
    let existing: Option<i64> = writer
        .conn
        .query_row(
            "SELECT id FROM timeline WHERE title = ?1 ORDER BY position, id LIMIT 1",
            [&title],
            |row| row.get(0),
        )
        .optional()?;
    let id = match existing {
        Some(id) => id,
        None => {
            let names: Vec<&str> = timeline.lanes.iter().map(|l| l.name.as_str()).collect();
            let draft = TimelineDraft {
                title: title.clone(),
                ..timeline.draft.clone()
            };
            return writer
                .create_timeline(draft, &names)
                .and_then(|id| Ok((id, lane_ids(writer, id)?)));
        }
    };
    let mut lanes = Vec::new();
    for lane in &timeline.lanes {
        let found = writer
            .conn
            .query_row(
                "SELECT id FROM lane WHERE timeline_id = ?1 AND name = ?2 ORDER BY position, id LIMIT 1",
                params![id, lane.name],
                |row| row.get(0),
            )
            .optional()?;
        let lane_id = match found {
            Some(lane_id) => lane_id,
            None => {
                let name = tideline_model::timeline::validate_lane_name(&lane.name)?;
                writer.conn.execute(
                    "INSERT INTO lane (timeline_id, name, position)
                     VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM lane WHERE timeline_id = ?1))",
                    params![id, name],
                )?;
                writer.conn.last_insert_rowid()
            }
        };
        lanes.push(lane_id);
    }
    Ok((id, lanes))
}
