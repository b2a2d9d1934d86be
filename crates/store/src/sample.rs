//! The sample workspace: real, sourced deal timelines built from the fact
//! sheets in `sample/workspace.json`, loaded through the store API so that a
//! user who opens it sees a working workspace at once, with a saved
//! comparison of the deals. The sample is a workspace of its own
//! ([`Workspace::open_sample`]); one that holds it anyway (written by an
//! older Tideline, or by `tideline sample`) says so and can take it out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::OnceLock;

use rusqlite::Connection;
use serde::Deserialize;
use tideline_model::compare::Alignment;
use tideline_model::{
    AnnotationTarget, Confidence, Date, EventDraft, EventEnd, EventKind, SourceDraft, TimelineDraft,
};

use crate::error::{Result, StoreError};
use crate::history::HistoryState;
use crate::workspace::{Workspace, Writer};

const SAMPLE: &str = include_str!("../sample/workspace.json");

/// How much the sample wrote.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SampleSummary {
    pub timelines: usize,
    pub events: usize,
    pub sources: usize,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleFile {
    sources: Vec<SampleSource>,
    events: Vec<SampleEvent>,
    timelines: Vec<SampleTimeline>,
    comparisons: Vec<SampleComparison>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleComparison {
    name: String,
    /// Titles, in order.
    timelines: Vec<String>,
    /// The text form: `calendar` or `kind:KIND`.
    alignment: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleSource {
    key: String,
    url: String,
    title: String,
    publisher: String,
    author: String,
    published: Option<String>,
    accessed: Option<String>,
    notes: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleEvent {
    key: String,
    title: String,
    description: String,
    start: String,
    end: Option<String>,
    kind: EventKind,
    confidence: Confidence,
    importance: u8,
    parties: Vec<String>,
    tags: Vec<String>,
    sources: Vec<SampleCitation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleCitation {
    source: String,
    quote: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleTimeline {
    title: String,
    subtitle: String,
    description: String,
    colour: String,
    lanes: Vec<String>,
    placements: Vec<SamplePlacement>,
    annotations: Vec<SampleAnnotation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SamplePlacement {
    event: String,
    lane: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SampleAnnotation {
    text: String,
    event: Option<String>,
    start: Option<String>,
    end: Option<String>,
}

impl Workspace {
    /// Replaces everything in this workspace with the sample, in one
    /// transaction: the old contents stay unless the whole sample lands.
    pub fn replace_with_sample(&mut self) -> Result<SampleSummary> {
        let sample = bundled();
        self.write(|writer| {
            writer.clear()?;
            write_sample(writer, sample)
        })
    }
}

fn write_sample(writer: &mut Writer<'_>, sample: &SampleFile) -> Result<SampleSummary> {
    let mut sources = BTreeMap::new();
    for source in &sample.sources {
        let id = writer.create_source(SourceDraft {
            url: source.url.clone(),
            title: source.title.clone(),
            publisher: source.publisher.clone(),
            author: source.author.clone(),
            published: optional_date("published", source.published.as_deref())?,
            accessed: optional_date("accessed", source.accessed.as_deref())?,
            excerpt: String::new(),
            notes: source.notes.clone(),
        })?;
        sources.insert(source.key.as_str(), id);
    }
    let mut events = BTreeMap::new();
    let mut timelines = BTreeMap::new();
    for event in &sample.events {
        let end = match optional_date("end", event.end.as_deref())? {
            Some(end) => EventEnd::Until(end),
            None => EventEnd::Point,
        };
        let id = writer.create_event(EventDraft {
            title: event.title.clone(),
            description: event.description.clone(),
            start: date("start", &event.start)?,
            end,
            kind: event.kind,
            confidence: event.confidence,
            importance: event.importance,
            parties: event.parties.clone(),
            tags: event.tags.clone(),
        })?;
        for citation in &event.sources {
            writer.cite(
                id,
                lookup(&sources, "source", &citation.source)?,
                &citation.quote,
            )?;
        }
        events.insert(event.key.as_str(), id);
    }
    for timeline in &sample.timelines {
        let lanes: Vec<&str> = timeline.lanes.iter().map(String::as_str).collect();
        let id = writer.create_timeline(
            TimelineDraft {
                title: timeline.title.clone(),
                subtitle: timeline.subtitle.clone(),
                description: timeline.description.clone(),
                colour: timeline.colour.clone(),
                summary: String::new(),
            },
            &lanes,
        )?;
        timelines.insert(timeline.title.as_str(), id);
        for placement in &timeline.placements {
            let lane = writer.lane(id, &placement.lane)?;
            writer.place(lookup(&events, "event", &placement.event)?, lane)?;
        }
        for annotation in &timeline.annotations {
            let target = match (&annotation.event, &annotation.start, &annotation.end) {
                (Some(event), None, None) => {
                    AnnotationTarget::Event(lookup(&events, "event", event)?)
                }
                (None, Some(start), Some(end)) => AnnotationTarget::Span {
                    start: date("start", start)?,
                    end: date("end", end)?,
                },
                _ => AnnotationTarget::Timeline,
            };
            writer.annotate(id, target, &annotation.text)?;
        }
    }
    for comparison in &sample.comparisons {
        writer.conn.execute(
            "INSERT INTO comparison (name) VALUES (?1)",
            [&comparison.name],
        )?;
        let id = writer.conn.last_insert_rowid();
        let members = comparison
            .timelines
            .iter()
            .map(|title| lookup(&timelines, "timeline", title))
            .collect::<Result<Vec<_>>>()?;
        writer.set_comparison(id, &members, &Alignment::parse(&comparison.alignment)?)?;
    }
    Ok(SampleSummary {
        timelines: sample.timelines.len(),
        events: events.len(),
        sources: sources.len(),
    })
}

fn date(field: &'static str, edtf: &str) -> Result<Date> {
    Date::parse_edtf(edtf).map_err(|error| StoreError::date(field, error))
}

fn optional_date(field: &'static str, edtf: Option<&str>) -> Result<Option<Date>> {
    edtf.map(|edtf| date(field, edtf)).transpose()
}

fn lookup(ids: &BTreeMap<&str, i64>, what: &'static str, key: &str) -> Result<i64> {
    ids.get(key)
        .copied()
        .ok_or_else(|| StoreError::not_found(what, key))
}

/// The bundled sample, parsed once.
fn bundled() -> &'static SampleFile {
    static SAMPLE_FILE: OnceLock<SampleFile> = OnceLock::new();
    SAMPLE_FILE.get_or_init(|| {
        serde_json::from_str(SAMPLE).expect("the bundled sample is valid JSON of the sample format")
    })
}

/// What of a workspace is still the sample as it wrote it, and so may go
/// with it. A sample timeline counts only while everything on it is the
/// sample's: its lanes and notes by name and text, its events by title,
/// start and description. A timeline the user added a lane, a note or an
/// event to, or one of their own that only shares a title, stays, and so
/// does every event on it. A comparison goes only with all its timelines;
/// a source only with its address and title unchanged and no event left
/// citing it.
struct SampleRows {
    comparisons: Vec<i64>,
    timelines: Vec<i64>,
    /// The events on those timelines, and the sources they cite.
    events: BTreeSet<i64>,
    sources: BTreeSet<i64>,
}

fn sample_rows(conn: &Connection) -> Result<SampleRows> {
    let sample = bundled();
    let mut events = BTreeMap::new();
    for event in &sample.events {
        let start = date("start", &event.start)?.to_edtf();
        events.insert((event.title.as_str(), start), event.description.as_str());
    }
    let mut rows = SampleRows {
        comparisons: Vec::new(),
        timelines: Vec::new(),
        events: BTreeSet::new(),
        sources: BTreeSet::new(),
    };
    let ids = |sql: &str, key: &dyn rusqlite::ToSql| -> Result<Vec<i64>> {
        let mut statement = conn.prepare_cached(sql)?;
        let found = statement.query_map([key], |row| row.get(0))?;
        Ok(found.collect::<rusqlite::Result<_>>()?)
    };
    for timeline in &sample.timelines {
        for id in ids("SELECT id FROM timeline WHERE title = ?1", &timeline.title)? {
            let lanes: Vec<String> = conn
                .prepare_cached("SELECT name FROM lane WHERE timeline_id = ?1")?
                .query_map([id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let notes: Vec<String> = conn
                .prepare_cached("SELECT text FROM annotation WHERE timeline_id = ?1")?
                .query_map([id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            let placed: Vec<(i64, String, String, String)> = conn
                .prepare_cached(
                    "SELECT e.id, e.title, e.start_edtf, e.description
                     FROM placement p JOIN event e ON e.id = p.event_id
                     WHERE p.timeline_id = ?1",
                )?
                .query_map([id], |row| {
                    Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
                })?
                .collect::<rusqlite::Result<_>>()?;
            let untouched = lanes.iter().all(|lane| timeline.lanes.contains(lane))
                && notes
                    .iter()
                    .all(|note| timeline.annotations.iter().any(|a| &a.text == note))
                && placed.iter().all(|(_, title, start, description)| {
                    events.get(&(title.as_str(), start.clone())) == Some(&description.as_str())
                });
            if untouched && !placed.is_empty() {
                rows.timelines.push(id);
                rows.events.extend(placed.iter().map(|(event, ..)| *event));
            }
        }
    }
    for comparison in &sample.comparisons {
        for id in ids(
            "SELECT id FROM comparison WHERE name = ?1",
            &comparison.name,
        )? {
            let members = ids(
                "SELECT timeline_id FROM comparison_timeline WHERE comparison_id = ?1",
                &id,
            )?;
            if members.iter().all(|member| rows.timelines.contains(member)) {
                rows.comparisons.push(id);
            }
        }
    }
    for &event in &rows.events {
        let cited = ids(
            "SELECT source_id FROM event_source WHERE event_id = ?1",
            &event,
        )?;
        rows.sources.extend(cited);
    }
    let known: BTreeSet<(&str, &str)> = sample
        .sources
        .iter()
        .map(|source| (source.url.as_str(), source.title.as_str()))
        .collect();
    let mut unchanged = BTreeSet::new();
    for &source in &rows.sources {
        let (url, title): (String, String) = conn.query_row(
            "SELECT url, title FROM source WHERE id = ?1",
            [source],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        if known.contains(&(url.as_str(), title.as_str())) {
            unchanged.insert(source);
        }
    }
    rows.sources = unchanged;
    Ok(rows)
}

impl Workspace {
    /// Opens the sample workspace at `path`, a file of its own: written
    /// with the sample (and its folder made) when it does not exist yet or
    /// is empty (the sample was taken out of it), else opened as it is.
    pub fn open_sample(path: &Path) -> Result<Workspace> {
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder).map_err(|source| StoreError::Io {
                path: folder.to_owned(),
                source,
            })?;
        }
        let mut workspace = if path.exists() {
            Workspace::open_existing(path)?
        } else {
            Workspace::create(path)?
        };
        workspace.refill_sample()?;
        Ok(workspace)
    }

    /// Writes the sample into this workspace if it is empty: the sample
    /// workspace, opened again after its sample was taken out.
    pub fn refill_sample(&mut self) -> Result<()> {
        if self.is_empty()? {
            self.replace_with_sample()?;
        }
        Ok(())
    }

    /// Whether the workspace holds the sample: one of its timelines, with
    /// nothing on it but what the sample wrote (see [`SampleRows`]).
    pub fn holds_sample(&self) -> Result<bool> {
        Ok(!sample_rows(&self.conn)?.timelines.is_empty())
    }

    /// Takes the sample out in one undoable step: its timelines that hold
    /// nothing of the user's, their events that no other timeline holds,
    /// the sources only those events cite, and the comparisons of those
    /// timelines alone. Everything else stays.
    pub fn remove_sample(&mut self) -> Result<HistoryState> {
        self.edit("Remove the sample", |w| {
            let rows = sample_rows(w.conn)?;
            // In this order: an event is kept while a timeline left holds
            // it, a source while an event left cites it.
            let deletions: [(&str, Vec<i64>); 4] = [
                ("DELETE FROM comparison WHERE id = ?1", rows.comparisons),
                ("DELETE FROM timeline WHERE id = ?1", rows.timelines),
                (
                    "DELETE FROM event WHERE id = ?1
                       AND NOT EXISTS (SELECT 1 FROM placement WHERE event_id = ?1)",
                    rows.events.into_iter().collect(),
                ),
                (
                    "DELETE FROM source WHERE id = ?1
                       AND NOT EXISTS (SELECT 1 FROM event_source WHERE source_id = ?1)",
                    rows.sources.into_iter().collect(),
                ),
            ];
            for (sql, ids) in deletions {
                for id in ids {
                    w.conn.execute(sql, [id])?;
                }
            }
            Ok(())
        })?;
        self.history()
    }
}
