//! Tideline JSON: the lossless file of one timeline or a whole workspace.
//!
//! No database ids: events and sources have keys local to the file ("e1",
//! "s1"), lanes are referred to by their index in their timeline. Keys and
//! fields are written in a fixed order, so the same workspace always writes
//! the same bytes, and a file imported into an empty workspace exports to
//! the same bytes again.

use std::collections::BTreeSet;

use serde::Serialize;
use serde_json::Value;
use tideline_model::{
    AnnotationTarget, Confidence, Date, EventDraft, EventEnd, EventKind, SourceDraft,
    TimelineDraft, ValidationError,
};

use crate::document::{
    AnnotationDoc, CitationDoc, ComparisonDoc, Document, EventDoc, LaneDoc, Media, PlacementDoc,
    SourceDoc, TargetDoc, TimelineDoc,
};
use crate::json::{Object, index_path, key_path};
use crate::problem::Problem;
use crate::{Parsed, collect};

/// The version of the file format this build writes and reads.
pub const VERSION: i64 = 1;

#[derive(Serialize)]
struct FileOut<'a> {
    tideline: i64,
    timelines: Vec<TimelineOut<'a>>,
    events: Vec<EventOut<'a>>,
    sources: Vec<SourceOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    comparisons: Vec<ComparisonOut<'a>>,
}

#[derive(Serialize)]
struct ComparisonOut<'a> {
    name: &'a str,
    timelines: &'a [usize],
    alignment: &'a str,
    #[serde(skip_serializing_if = "<[Option<String>]>::is_empty")]
    t0_events: &'a [Option<String>],
}

#[derive(Serialize)]
struct TimelineOut<'a> {
    title: &'a str,
    subtitle: &'a str,
    description: &'a str,
    colour: &'a str,
    /// Absent when empty, so files without one read and write as before.
    #[serde(skip_serializing_if = "str::is_empty")]
    summary: &'a str,
    lanes: Vec<LaneOut<'a>>,
    placements: Vec<PlacementOut<'a>>,
    annotations: Vec<AnnotationOut<'a>>,
}

#[derive(Serialize)]
struct LaneOut<'a> {
    name: &'a str,
    collapsed: bool,
    colour: Option<&'a str>,
}

#[derive(Serialize)]
struct PlacementOut<'a> {
    event: &'a str,
    lane: usize,
}

#[derive(Serialize)]
struct AnnotationOut<'a> {
    text: &'a str,
    event: Option<&'a str>,
    start: Option<String>,
    end: Option<String>,
}

#[derive(Serialize)]
struct EventOut<'a> {
    key: &'a str,
    title: &'a str,
    description: &'a str,
    start: String,
    end: Option<String>,
    ongoing: bool,
    kind: EventKind,
    confidence: Confidence,
    importance: u8,
    parties: &'a [String],
    tags: &'a [String],
    display_date: &'a str,
    media: Option<&'a Media>,
    sources: Vec<CitationOut<'a>>,
}

#[derive(Serialize)]
struct CitationOut<'a> {
    source: &'a str,
    quote: &'a str,
}

#[derive(Serialize)]
struct SourceOut<'a> {
    key: &'a str,
    url: &'a str,
    title: &'a str,
    publisher: &'a str,
    author: &'a str,
    published: Option<String>,
    accessed: Option<String>,
    excerpt: &'a str,
    notes: &'a str,
}

pub fn write(document: &Document) -> Vec<u8> {
    let file = FileOut {
        tideline: VERSION,
        comparisons: document
            .comparisons
            .iter()
            .map(|c| ComparisonOut {
                name: &c.name,
                timelines: &c.timelines,
                alignment: &c.alignment,
                t0_events: &c.t0_events,
            })
            .collect(),
        timelines: document
            .timelines
            .iter()
            .map(|timeline| TimelineOut {
                title: &timeline.draft.title,
                subtitle: &timeline.draft.subtitle,
                description: &timeline.draft.description,
                colour: &timeline.draft.colour,
                summary: &timeline.draft.summary,
                lanes: timeline
                    .lanes
                    .iter()
                    .map(|lane| LaneOut {
                        name: &lane.name,
                        collapsed: lane.collapsed,
                        colour: lane.colour.as_deref(),
                    })
                    .collect(),
                placements: timeline
                    .placements
                    .iter()
                    .map(|p| PlacementOut {
                        event: &p.event,
                        lane: p.lane,
                    })
                    .collect(),
                annotations: timeline
                    .annotations
                    .iter()
                    .map(|a| {
                        let (event, span) = match &a.target {
                            TargetDoc::Event(key) => (Some(key.as_str()), None),
                            TargetDoc::Span { start, end } => (None, Some((start, end))),
                            TargetDoc::Timeline => (None, None),
                        };
                        AnnotationOut {
                            text: &a.text,
                            event,
                            start: span.map(|(start, _)| start.to_edtf()),
                            end: span.map(|(_, end)| end.to_edtf()),
                        }
                    })
                    .collect(),
            })
            .collect(),
        events: document
            .events
            .iter()
            .map(|event| {
                let draft = &event.draft;
                let (end, ongoing) = match draft.end {
                    EventEnd::Point => (None, false),
                    EventEnd::Until(end) => (Some(end.to_edtf()), false),
                    EventEnd::Ongoing => (None, true),
                };
                EventOut {
                    key: &event.key,
                    title: &draft.title,
                    description: &draft.description,
                    start: draft.start.to_edtf(),
                    end,
                    ongoing,
                    kind: draft.kind,
                    confidence: draft.confidence,
                    importance: draft.importance,
                    parties: &draft.parties,
                    tags: &draft.tags,
                    display_date: &event.display_date,
                    media: event.media.as_ref(),
                    sources: event
                        .citations
                        .iter()
                        .map(|c| CitationOut {
                            source: &c.source,
                            quote: &c.quote,
                        })
                        .collect(),
                }
            })
            .collect(),
        sources: document
            .sources
            .iter()
            .map(|source| SourceOut {
                key: &source.key,
                url: &source.draft.url,
                title: &source.draft.title,
                publisher: &source.draft.publisher,
                author: &source.draft.author,
                published: source.draft.published.map(|d| d.to_edtf()),
                accessed: source.draft.accessed.map(|d| d.to_edtf()),
                excerpt: &source.draft.excerpt,
                notes: &source.draft.notes,
            })
            .collect(),
    };
    let mut out = serde_json::to_vec_pretty(&file).unwrap_or_default();
    out.push(b'\n');
    out
}

/// A field's problem at `path.field`.
fn invalid(path: &str, error: ValidationError) -> Problem {
    let field = match error.field {
        "display date" => "display_date",
        "media url" => "media.url",
        "media credit" => "media.credit",
        "media caption" => "media.caption",
        "media thumbnail" => "media.thumbnail",
        other => other,
    };
    Problem::path(&key_path(path, field), error.message)
}

/// Collects the first error of each field read, so that one event reports
/// all its problems at once.
struct Reader<'a> {
    object: Object<'a>,
    problems: Vec<Problem>,
}

impl<'a> Reader<'a> {
    fn new(value: &'a Value, path: &'a str) -> Result<Reader<'a>, Vec<Problem>> {
        Ok(Reader {
            object: Object::of(value, path).map_err(|p| vec![p])?,
            problems: Vec::new(),
        })
    }

    fn take<T: Default>(&mut self, result: Result<T, Problem>) -> T {
        result.unwrap_or_else(|problem| {
            self.problems.push(problem);
            T::default()
        })
    }

    fn text(&mut self, key: &str) -> String {
        let result = self.object.text(key);
        self.take(result)
    }

    fn date(&mut self, key: &str) -> Option<Date> {
        let text = self.object.optional_text(key);
        let text = self.take(text)?;
        match Date::parse_edtf(&text) {
            Ok(date) => Some(date),
            Err(error) => {
                self.problems.push(Problem::path(
                    &self.object.path_of(key),
                    format!("{text:?} is not an EDTF date: {}", error.message),
                ));
                None
            }
        }
    }

    fn required_date(&mut self, key: &str) -> Option<Date> {
        let date = self.date(key);
        if date.is_none() && self.object.get(key).is_none() {
            self.problems.push(Problem::path(
                &self.object.path_of(key),
                "a date is required",
            ));
        }
        date
    }

    fn vocabulary<T: std::str::FromStr<Err = ValidationError>>(&mut self, key: &str) -> Option<T> {
        let text = self.text(key);
        match text.parse() {
            Ok(value) => Some(value),
            Err(error) => {
                self.problems
                    .push(Problem::path(&self.object.path_of(key), error.message));
                None
            }
        }
    }

    fn finish<T>(self, value: Option<T>) -> Result<T, Vec<Problem>> {
        match value {
            Some(value) if self.problems.is_empty() => Ok(value),
            _ => Err(self.problems),
        }
    }
}

fn read_source(value: &Value, path: &str) -> Result<SourceDoc, Vec<Problem>> {
    let mut r = Reader::new(value, path)?;
    let key = r.text("key");
    let draft = SourceDraft {
        url: r.text("url"),
        title: r.text("title"),
        publisher: r.text("publisher"),
        author: r.text("author"),
        published: r.date("published"),
        accessed: r.date("accessed"),
        excerpt: r.text("excerpt"),
        notes: r.text("notes"),
    };
    let draft = match draft.validate() {
        Ok(draft) => Some(draft),
        Err(error) => {
            r.problems.push(invalid(path, error));
            None
        }
    };
    r.finish(draft.map(|draft| SourceDoc { key, draft }))
}

fn read_event(
    value: &Value,
    path: &str,
    sources: &BTreeSet<String>,
) -> Result<EventDoc, Vec<Problem>> {
    let mut r = Reader::new(value, path)?;
    let key = r.text("key");
    let title = r.text("title");
    let description = r.text("description");
    let start = r.required_date("start");
    let end = r.date("end");
    let ongoing = r.object.boolean("ongoing");
    let ongoing = r.take(ongoing);
    let kind = r.vocabulary::<EventKind>("kind");
    let confidence = r.vocabulary::<Confidence>("confidence");
    let importance = r.object.integer("importance");
    let importance = r.take(importance).unwrap_or(3);
    let parties = r.object.texts("parties");
    let parties = r.take(parties);
    let tags = r.object.texts("tags");
    let tags = r.take(tags);
    let display_date = r.text("display_date");
    let media = match r.object.get("media") {
        None => None,
        Some(media) => {
            let media_path = r.object.path_of("media");
            match Object::of(media, &media_path) {
                Ok(o) => {
                    let fields = [
                        o.text("url"),
                        o.text("credit"),
                        o.text("caption"),
                        o.text("thumbnail"),
                    ];
                    let [url, credit, caption, thumbnail] = fields.map(|field| r.take(field));
                    Some(Media {
                        url,
                        credit,
                        caption,
                        thumbnail,
                    })
                }
                Err(problem) => {
                    r.problems.push(problem);
                    None
                }
            }
        }
    };
    let mut citations = Vec::new();
    let sources_path = r.object.path_of("sources");
    let items = r.object.array("sources");
    for (index, item) in r.take(items).iter().enumerate() {
        let item_path = index_path(&sources_path, index);
        let citation =
            Object::of(item, &item_path).and_then(|o| Ok((o.text("source")?, o.text("quote")?)));
        match citation {
            Ok((source, _)) if !sources.contains(&source) => r.problems.push(Problem::path(
                &key_path(&item_path, "source"),
                format!("no source has the key {source:?}"),
            )),
            Ok((source, quote)) => citations.push(CitationDoc { source, quote }),
            Err(problem) => r.problems.push(problem),
        }
    }
    let end = match (end, ongoing) {
        (Some(_), true) => {
            r.problems.push(Problem::path(
                &r.object.path_of("ongoing"),
                "an ongoing event has no end date",
            ));
            None
        }
        (Some(end), false) => Some(EventEnd::Until(end)),
        (None, true) => Some(EventEnd::Ongoing),
        (None, false) => Some(EventEnd::Point),
    };
    let importance = u8::try_from(importance).unwrap_or(0);
    let event = match (start, end, kind, confidence) {
        (Some(start), Some(end), Some(kind), Some(confidence)) => {
            let draft = EventDraft {
                title,
                description,
                start,
                end,
                kind,
                confidence,
                importance,
                parties,
                tags,
            };
            match EventDoc::new(draft, &display_date, media) {
                Ok(mut event) => {
                    event.key = key;
                    event.citations = citations;
                    Some(event)
                }
                Err(error) => {
                    r.problems.push(invalid(path, error));
                    None
                }
            }
        }
        _ => None,
    };
    r.finish(event)
}

fn read_timeline(
    value: &Value,
    path: &str,
    events: &BTreeSet<String>,
    skipped: &BTreeSet<String>,
) -> Result<TimelineDoc, Vec<Problem>> {
    let mut r = Reader::new(value, path)?;
    let draft = TimelineDraft {
        title: r.text("title"),
        subtitle: r.text("subtitle"),
        description: r.text("description"),
        colour: r.text("colour"),
        summary: {
            let summary = r.object.optional_text("summary");
            r.take(summary).unwrap_or_default()
        },
    };
    let draft = match draft.validate() {
        Ok(draft) => Some(draft),
        Err(error) => {
            r.problems.push(invalid(path, error));
            None
        }
    };
    let mut lanes = Vec::new();
    let lanes_path = r.object.path_of("lanes");
    let items = r.object.array("lanes");
    for (index, item) in r.take(items).iter().enumerate() {
        let lane_path = index_path(&lanes_path, index);
        let lane = Object::of(item, &lane_path).and_then(|o| {
            let name = tideline_model::timeline::validate_lane_name(&o.text("name")?)
                .map_err(|e| Problem::path(&key_path(&lane_path, "name"), e.message))?;
            let colour = o
                .optional_text("colour")?
                .map(|c| tideline_model::validation::colour("colour", &c))
                .transpose()
                .map_err(|e| Problem::path(&key_path(&lane_path, "colour"), e.message))?;
            Ok(LaneDoc {
                name,
                collapsed: o.boolean("collapsed")?,
                colour,
            })
        });
        match lane {
            Ok(lane) => lanes.push(lane),
            Err(problem) => r.problems.push(problem),
        }
    }
    if lanes.is_empty() {
        r.problems.push(Problem::path(
            &lanes_path,
            "a timeline needs at least one lane",
        ));
    }
    let mut placements = Vec::new();
    let placements_path = r.object.path_of("placements");
    let items = r.object.array("placements");
    let mut placed = BTreeSet::new();
    for (index, item) in r.take(items).iter().enumerate() {
        let item_path = index_path(&placements_path, index);
        let placement = Object::of(item, &item_path).and_then(|o| {
            let event = o.text("event")?;
            let lane = o.integer("lane")?;
            Ok((event, lane))
        });
        match placement {
            Ok((event, _)) if skipped.contains(&event) => {}
            Ok((event, _)) if !events.contains(&event) => r.problems.push(Problem::path(
                &key_path(&item_path, "event"),
                format!("no event has the key {event:?}"),
            )),
            Ok((event, _)) if !placed.insert(event.clone()) => r.problems.push(Problem::path(
                &key_path(&item_path, "event"),
                format!("event {event:?} is placed twice on this timeline"),
            )),
            Ok((event, lane)) => match lane.and_then(|l| usize::try_from(l).ok()) {
                Some(lane) if lane < lanes.len() => placements.push(PlacementDoc { event, lane }),
                _ => r.problems.push(Problem::path(
                    &key_path(&item_path, "lane"),
                    format!("there is no lane {lane:?} on this timeline"),
                )),
            },
            Err(problem) => r.problems.push(problem),
        }
    }
    let mut annotations = Vec::new();
    let annotations_path = r.object.path_of("annotations");
    let items = r.object.array("annotations");
    for (index, item) in r.take(items).iter().enumerate() {
        let item_path = index_path(&annotations_path, index);
        match read_annotation(item, &item_path, events, skipped) {
            Ok(Some(annotation)) => annotations.push(annotation),
            Ok(None) => {}
            Err(problems) => r.problems.extend(problems),
        }
    }
    r.finish(draft.map(|draft| TimelineDoc {
        draft,
        lanes,
        placements,
        annotations,
    }))
}

/// An annotation, or None for a callout on a skipped event.
fn read_annotation(
    value: &Value,
    path: &str,
    events: &BTreeSet<String>,
    skipped: &BTreeSet<String>,
) -> Result<Option<AnnotationDoc>, Vec<Problem>> {
    let mut r = Reader::new(value, path)?;
    let text = r.text("text");
    let event = r.object.optional_text("event");
    let event = r.take(event);
    let start = r.date("start");
    let end = r.date("end");
    let text = match tideline_model::timeline::validate_annotation_text(&text) {
        Ok(text) => Some(text),
        Err(error) => {
            r.problems.push(invalid(path, error));
            None
        }
    };
    let target = match (event, start, end) {
        (Some(event), None, None) if skipped.contains(&event) => return Ok(None),
        (Some(event), None, None) if events.contains(&event) => Some(TargetDoc::Event(event)),
        (Some(event), None, None) => {
            r.problems.push(Problem::path(
                &key_path(path, "event"),
                format!("no event has the key {event:?}"),
            ));
            None
        }
        (None, Some(start), Some(end)) => {
            match (AnnotationTarget::Span { start, end }).validate() {
                Ok(_) => Some(TargetDoc::Span { start, end }),
                Err(error) => {
                    r.problems.push(invalid(path, error));
                    None
                }
            }
        }
        (None, None, None) => Some(TargetDoc::Timeline),
        _ => {
            r.problems.push(Problem::path(
                path,
                "an annotation is on an event, on a span from start to end, or on the timeline",
            ));
            None
        }
    };
    r.finish(
        text.zip(target)
            .map(|(text, target)| Some(AnnotationDoc { text, target })),
    )
}

/// Records `key` as used, or a problem if it is empty or used before.
fn unique_key(key: &str, path: &str, keys: &mut BTreeSet<String>) -> Result<(), Vec<Problem>> {
    if key.is_empty() {
        return Err(vec![Problem::path(
            &key_path(path, "key"),
            "a key is required",
        )]);
    }
    if !keys.insert(key.to_owned()) {
        return Err(vec![Problem::path(
            &key_path(path, "key"),
            format!("the key {key:?} is used twice"),
        )]);
    }
    Ok(())
}

pub fn parse(text: &str) -> Parsed {
    let root = match crate::json::parse(text) {
        Ok(root) => root,
        Err(problem) => return Parsed::failed(problem),
    };
    let object = match Object::of(&root, "") {
        Ok(object) => object,
        Err(problem) => return Parsed::failed(problem),
    };
    match object.integer("tideline") {
        Ok(Some(VERSION)) => {}
        Ok(Some(version)) if version > VERSION => {
            return Parsed::failed(Problem::path(
                "tideline",
                format!(
                    "the file is version {version} of Tideline JSON; this Tideline reads version {VERSION}: update Tideline to import it"
                ),
            ));
        }
        Ok(_) => {
            return Parsed::failed(Problem::path(
                "tideline",
                format!("not a Tideline JSON file: it needs \"tideline\": {VERSION}"),
            ));
        }
        Err(problem) => return Parsed::failed(problem),
    }
    let mut parsed = Parsed::default();
    let (sources, events, timelines) = match (
        object.array("sources"),
        object.array("events"),
        object.array("timelines"),
    ) {
        (Ok(sources), Ok(events), Ok(timelines)) => (sources, events, timelines),
        (sources, events, timelines) => {
            parsed.errors.extend(sources.err());
            parsed.errors.extend(events.err());
            parsed.errors.extend(timelines.err());
            return parsed;
        }
    };
    let mut source_keys = BTreeSet::new();
    for (index, value) in sources.iter().enumerate() {
        let path = index_path("sources", index);
        let source = read_source(value, &path)
            .and_then(|source| unique_key(&source.key, &path, &mut source_keys).map(|()| source));
        if let Some(source) = collect(source, &mut parsed.invalid) {
            parsed.document.sources.push(source);
        }
    }
    let known_sources: BTreeSet<String> = parsed
        .document
        .sources
        .iter()
        .map(|s| s.key.clone())
        .collect();
    let mut event_keys = BTreeSet::new();
    let mut skipped = BTreeSet::new();
    for (index, value) in events.iter().enumerate() {
        let path = index_path("events", index);
        let event = read_event(value, &path, &known_sources)
            .and_then(|event| unique_key(&event.key, &path, &mut event_keys).map(|()| event));
        match event {
            Ok(event) => parsed.document.events.push(event),
            Err(problems) => {
                if let Some(Value::String(key)) = value.get("key") {
                    skipped.insert(key.clone());
                }
                parsed.invalid.extend(problems);
            }
        }
    }
    let known_events: BTreeSet<String> = parsed
        .document
        .events
        .iter()
        .map(|e| e.key.clone())
        .collect();
    // A timeline's index in the file, and in the document (None: invalid).
    let mut timeline_index: Vec<Option<usize>> = Vec::new();
    for (index, value) in timelines.iter().enumerate() {
        let path = index_path("timelines", index);
        let timeline = read_timeline(value, &path, &known_events, &skipped);
        if let Some(timeline) = collect(timeline, &mut parsed.invalid) {
            timeline_index.push(Some(parsed.document.timelines.len()));
            parsed.document.timelines.push(timeline);
        } else {
            timeline_index.push(None);
        }
    }
    match object.array("comparisons") {
        Ok(comparisons) => {
            for (index, value) in comparisons.iter().enumerate() {
                let path = index_path("comparisons", index);
                let comparison = read_comparison(value, &path, &timeline_index, &known_events);
                if let Some(comparison) = collect(comparison, &mut parsed.invalid) {
                    parsed.document.comparisons.push(comparison);
                }
            }
        }
        Err(problem) => parsed.errors.push(problem),
    }
    parsed
}

/// A saved comparison: two or more valid timelines, each once, and an
/// alignment; with `events`, one known event key (or null) per timeline.
fn read_comparison(
    value: &Value,
    path: &str,
    timelines: &[Option<usize>],
    events: &BTreeSet<String>,
) -> Result<ComparisonDoc, Vec<Problem>> {
    let object = Object::of(value, path).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let name = object.text("name").unwrap_or_else(|p| {
        problems.push(p);
        String::new()
    });
    if name.trim().is_empty() {
        problems.push(Problem::path(
            &key_path(path, "name"),
            "a comparison needs a name",
        ));
    }
    let timelines_path = key_path(path, "timelines");
    let mut members = Vec::new();
    match object.array("timelines") {
        Ok(items) => {
            for (index, item) in items.iter().enumerate() {
                let member = item
                    .as_u64()
                    .and_then(|i| usize::try_from(i).ok())
                    .and_then(|i| timelines.get(i).copied().flatten());
                match member {
                    Some(member) if !members.contains(&member) => members.push(member),
                    _ => problems.push(Problem::path(
                        &index_path(&timelines_path, index),
                        format!("{item} is not the index of a valid timeline, listed once"),
                    )),
                }
            }
        }
        Err(problem) => problems.push(problem),
    }
    if members.len() < 2 {
        problems.push(Problem::path(
            &timelines_path,
            "a comparison needs at least two timelines",
        ));
    }
    let alignment = object.text("alignment").unwrap_or_else(|p| {
        problems.push(p);
        String::new()
    });
    let mut t0_events = Vec::new();
    if alignment == "events" {
        let t0_path = key_path(path, "t0_events");
        match object.array("t0_events") {
            Ok(items) if items.len() == members.len() => {
                for (index, item) in items.iter().enumerate() {
                    match item {
                        Value::Null => t0_events.push(None),
                        Value::String(key) if events.contains(key) => {
                            t0_events.push(Some(key.clone()))
                        }
                        _ => problems.push(Problem::path(
                            &index_path(&t0_path, index),
                            format!("{item} is not the key of an event"),
                        )),
                    }
                }
            }
            Ok(_) => problems.push(Problem::path(
                &t0_path,
                "give one T0 event key (or null) per timeline",
            )),
            Err(problem) => problems.push(problem),
        }
    } else if let Err(error) = tideline_model::compare::Alignment::parse(&alignment) {
        problems.push(Problem::path(&key_path(path, "alignment"), error.message));
    }
    if problems.is_empty() {
        Ok(ComparisonDoc {
            name,
            timelines: members,
            alignment,
            t0_events,
        })
    } else {
        Err(problems)
    }
}
