//! The neutral document every format is read into and written from: a
//! workspace's worth of timelines, events and sources, with keys local to
//! the document instead of database ids.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};
use tideline_model::{Date, EventDraft, SourceDraft, TimelineDraft, ValidationError, validation};
use ts_rs::TS;

/// The lane of events whose file names none.
pub const DEFAULT_LANE: &str = "Events";

/// Timelines, the events they place and the sources those events cite.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    pub timelines: Vec<TimelineDoc>,
    /// Every event, placed or not, in the order they are written.
    pub events: Vec<EventDoc>,
    pub sources: Vec<SourceDoc>,
    /// Saved comparisons (Tideline JSON of a whole workspace only).
    pub comparisons: Vec<ComparisonDoc>,
}

/// A saved comparison: its timelines by their index in
/// [`Document::timelines`], in order, and its alignment.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonDoc {
    pub name: String,
    pub timelines: Vec<usize>,
    /// `calendar`, `kind:KIND`, or `events` with one T0 event per timeline
    /// in `t0_events`.
    pub alignment: String,
    /// Event keys, one per timeline for `events` (None for a T0 event that
    /// was deleted); empty otherwise.
    pub t0_events: Vec<Option<String>>,
}

impl Document {
    /// A document of one timeline, with no lanes yet.
    pub fn single(timeline: TimelineDraft) -> Document {
        Document {
            timelines: vec![TimelineDoc::new(timeline)],
            ..Document::default()
        }
    }

    /// The events and sources by key, for looking one up per placement or
    /// citation.
    pub fn keyed(&self) -> Keyed<'_> {
        let mut events = HashMap::with_capacity(self.events.len());
        for event in &self.events {
            events.entry(event.key.as_str()).or_insert(event);
        }
        let mut sources = HashMap::with_capacity(self.sources.len());
        for source in &self.sources {
            sources.entry(source.key.as_str()).or_insert(source);
        }
        Keyed { events, sources }
    }

    /// Adds `event` to the first timeline in the lane named `lane` (made
    /// if new), keyed by its position.
    pub(crate) fn push_placed(&mut self, mut event: EventDoc, lane: &str) {
        event.key = format!("e{}", self.events.len() + 1);
        let key = event.key.clone();
        self.events.push(event);
        if let Some(timeline) = self.timelines.first_mut() {
            let lane = timeline.lane_index(lane);
            timeline.placements.push(PlacementDoc { event: key, lane });
        }
    }
}

/// A document's events and sources by key (the first of two with one key):
/// a writer that searched the list for each placement would take time
/// quadratic in the events.
pub struct Keyed<'a> {
    events: HashMap<&'a str, &'a EventDoc>,
    sources: HashMap<&'a str, &'a SourceDoc>,
}

impl<'a> Keyed<'a> {
    /// The event with `key`.
    pub fn event(&self, key: &str) -> Option<&'a EventDoc> {
        self.events.get(key).copied()
    }

    /// The source with `key`.
    pub fn source(&self, key: &str) -> Option<&'a SourceDoc> {
        self.sources.get(key).copied()
    }
}

/// A timeline: its fields, ordered lanes, placements and annotations.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineDoc {
    pub draft: TimelineDraft,
    pub lanes: Vec<LaneDoc>,
    pub placements: Vec<PlacementDoc>,
    pub annotations: Vec<AnnotationDoc>,
}

impl TimelineDoc {
    pub fn new(draft: TimelineDraft) -> TimelineDoc {
        TimelineDoc {
            draft,
            lanes: Vec::new(),
            placements: Vec::new(),
            annotations: Vec::new(),
        }
    }

    /// The index of the lane named `name`, added at the end if new.
    pub fn lane_index(&mut self, name: &str) -> usize {
        match self.lanes.iter().position(|lane| lane.name == name) {
            Some(index) => index,
            None => {
                self.lanes.push(LaneDoc {
                    name: name.to_owned(),
                    collapsed: false,
                    colour: None,
                });
                self.lanes.len() - 1
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct LaneDoc {
    pub name: String,
    pub collapsed: bool,
    pub colour: Option<String>,
}

/// An event in a lane of a timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacementDoc {
    /// The event's key.
    pub event: String,
    /// The lane's index in the timeline's lanes.
    pub lane: usize,
}

/// An event: a validated draft plus what only files carry.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDoc {
    /// Local to the document ("e1", "e2", … when written).
    pub key: String,
    pub draft: EventDraft,
    /// How a file asked for the date to be shown ("Spring 1943"), or "".
    pub display_date: String,
    pub media: Option<Media>,
    pub citations: Vec<CitationDoc>,
}

impl EventDoc {
    /// An event from `draft`, validated; `display_date` and `media` are
    /// checked as text.
    pub fn new(
        draft: EventDraft,
        display_date: &str,
        media: Option<Media>,
    ) -> Result<EventDoc, ValidationError> {
        let draft = draft.validate()?;
        let display_date = display_date.trim();
        let display_date = if display_date.is_empty() {
            String::new()
        } else {
            validation::title("display date", display_date)?
        };
        let media = media.map(Media::validate).transpose()?.flatten();
        Ok(EventDoc {
            key: String::new(),
            draft,
            display_date,
            media,
            citations: Vec::new(),
        })
    }
}

/// A picture, video or embed shown with an event (TimelineJS's `media`).
/// Kept as text: the URL may be a web address or an embed's HTML, which
/// Tideline shows but never runs.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Media {
    pub url: String,
    pub credit: String,
    pub caption: String,
    pub thumbnail: String,
}

impl Media {
    /// Checks each field's length; all-empty media is no media.
    pub fn validate(self) -> Result<Option<Media>, ValidationError> {
        let media = Media {
            url: validation::text("media url", self.url.trim())?,
            credit: validation::text("media credit", self.credit.trim())?,
            caption: validation::text("media caption", self.caption.trim())?,
            thumbnail: validation::text("media thumbnail", self.thumbnail.trim())?,
        };
        Ok((media != Media::default()).then_some(media))
    }
}

/// An event's citation of a source, with the supporting quote.
#[derive(Clone, Debug, PartialEq)]
pub struct CitationDoc {
    /// The source's key.
    pub source: String,
    pub quote: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct SourceDoc {
    /// Local to the document ("s1", "s2", …).
    pub key: String,
    pub draft: SourceDraft,
}

/// A note on a timeline.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnotationDoc {
    pub text: String,
    pub target: TargetDoc,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TargetDoc {
    /// A callout on the event with this key.
    Event(String),
    /// A shaded span (a TimelineJS era).
    Span {
        start: Date,
        end: Date,
    },
    Timeline,
}
