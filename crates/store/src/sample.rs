//! The sample workspace: real, sourced deal timelines built from the fact
//! sheets in `sample/workspace.json`, loaded through the store API so that a
//! user who opens it sees a working workspace at once, with a saved
//! comparison of the deals. The sample is a workspace of its own
//! ([`Workspace::open_sample`]); one that holds it anyway (written by an
//! older Tideline, or by `tideline sample`) says so and can take it out.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::{Connection, params};
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
            write_sample(writer, &sample)
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

/// The bundled sample, parsed.
fn bundled() -> SampleFile {
    serde_json::from_str(SAMPLE).expect("the bundled sample is valid JSON of the sample format")
}

/// The rows of a workspace that are still the sample's as it wrote them:
/// a timeline or comparison by its name, an event by its title and start,
/// a source by its address. A row the user renamed or re-dated is theirs.
struct SampleRows {
    comparisons: Vec<i64>,
    timelines: Vec<i64>,
    events: Vec<i64>,
    sources: Vec<i64>,
}

fn sample_rows(conn: &Connection) -> Result<SampleRows> {
    let sample = bundled();
    let ids = |sql: &str, keys: &mut dyn Iterator<Item = Vec<String>>| -> Result<Vec<i64>> {
        let mut statement = conn.prepare_cached(sql)?;
        let mut found = Vec::new();
        for key in keys {
            let rows = statement.query_map(rusqlite::params_from_iter(key), |row| row.get(0))?;
            for id in rows {
                found.push(id?);
            }
        }
        Ok(found)
    };
    let mut events = Vec::new();
    for event in &sample.events {
        let start = date("start", &event.start)?.to_edtf();
        events.push(vec![event.title.clone(), start]);
    }
    Ok(SampleRows {
        comparisons: ids(
            "SELECT id FROM comparison WHERE name = ?1",
            &mut sample.comparisons.iter().map(|c| vec![c.name.clone()]),
        )?,
        timelines: ids(
            "SELECT id FROM timeline WHERE title = ?1",
            &mut sample.timelines.iter().map(|t| vec![t.title.clone()]),
        )?,
        events: ids(
            "SELECT id FROM event WHERE title = ?1 AND start_edtf = ?2",
            &mut events.into_iter(),
        )?,
        sources: ids(
            "SELECT id FROM source WHERE url = ?1",
            &mut sample.sources.iter().map(|s| vec![s.url.clone()]),
        )?,
    })
}

impl Workspace {
    /// Opens the sample workspace at `path`, a file of its own: written
    /// with the sample (and its folder made) when it does not exist yet,
    /// else opened as it is.
    pub fn open_sample(path: &Path) -> Result<Workspace> {
        if path.exists() {
            return Workspace::open_existing(path);
        }
        if let Some(folder) = path
            .parent()
            .filter(|folder| !folder.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder).map_err(|source| StoreError::Io {
                path: folder.to_owned(),
                source,
            })?;
        }
        let mut workspace = Workspace::create(path)?;
        workspace.replace_with_sample()?;
        Ok(workspace)
    }

    /// Whether the workspace holds the sample: one of the sample's
    /// timelines with one of its events on it, as the sample wrote them.
    pub fn holds_sample(&self) -> Result<bool> {
        let rows = sample_rows(&self.conn)?;
        let mut placed = self.conn.prepare_cached(
            "SELECT EXISTS (SELECT 1 FROM placement WHERE event_id = ?1 AND timeline_id = ?2)",
        )?;
        for &timeline in &rows.timelines {
            for &event in &rows.events {
                if placed.query_row(params![event, timeline], |row| row.get(0))? {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Takes the sample out in one undoable step: its comparisons and
    /// timelines, its events that no other timeline holds and its sources
    /// that no event left cites. What the user made or changed stays.
    pub fn remove_sample(&mut self) -> Result<HistoryState> {
        self.edit("Remove the sample", |w| {
            let rows = sample_rows(w.conn)?;
            // In this order: an event is kept while a timeline left holds
            // it, a source while an event left cites it.
            let deletions = [
                ("DELETE FROM comparison WHERE id = ?1", rows.comparisons),
                ("DELETE FROM timeline WHERE id = ?1", rows.timelines),
                (
                    "DELETE FROM event WHERE id = ?1
                       AND NOT EXISTS (SELECT 1 FROM placement WHERE event_id = ?1)",
                    rows.events,
                ),
                (
                    "DELETE FROM source WHERE id = ?1
                       AND NOT EXISTS (SELECT 1 FROM event_source WHERE source_id = ?1)",
                    rows.sources,
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
