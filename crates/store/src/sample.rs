//! The sample workspace: real, sourced deal timelines built from the fact
//! sheets in `sample/workspace.json`, loaded through the store API so that a
//! new user sees a working workspace at once, with a saved comparison of
//! the deals.

use std::collections::BTreeMap;

use serde::Deserialize;
use tideline_model::compare::Alignment;
use tideline_model::{
    AnnotationTarget, Confidence, Date, EventDraft, EventEnd, EventKind, SourceDraft, TimelineDraft,
};

use crate::error::{Result, StoreError};
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
        let sample: SampleFile = serde_json::from_str(SAMPLE)
            .expect("the bundled sample is valid JSON of the sample format");
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
