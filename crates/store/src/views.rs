//! What the store hands out: plain data that the CLI prints as JSON and the
//! app sends to the UI. These types are the wire contract; their TypeScript
//! twins in `ui/src/bindings/` are generated from them (`cargo xtask codegen`).

use serde::{Deserialize, Serialize};
use tideline_interop::{ImportFormat, Media};
use tideline_model::{Confidence, EventKind, Precision};
use ts_rs::TS;

use crate::error::{ErrorCode, StoreError};

/// An error as the UI receives it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

impl From<&StoreError> for ApiError {
    fn from(error: &StoreError) -> ApiError {
        ApiError {
            code: error.code(),
            message: error.to_string(),
        }
    }
}

/// A timeline in a list.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TimelineSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub subtitle: String,
    pub colour: String,
    /// How many events the timeline holds.
    pub events: u32,
    /// How many of them have no source.
    pub unsourced: u32,
}

/// A timeline with its lanes, events and annotations: its events whole, or
/// in outline as the canvas draws them ([`TimelineOutline`]).
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TimelineView<E = EventView> {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub subtitle: String,
    pub description: String,
    pub colour: String,
    /// The sentence its web page and embed give as its summary and alt
    /// text; empty, the exporter writes one from the events.
    pub summary: String,
    pub lanes: Vec<LaneView>,
    pub placements: Vec<PlacementView>,
    /// The events on this timeline, in start order.
    pub events: Vec<E>,
    pub annotations: Vec<AnnotationView>,
}

/// A timeline as the canvas draws it, a third of the size of a
/// [`TimelineView`] at 10,000 events. The inspector reads an event whole
/// ([`EventView`]) when it is picked.
pub type TimelineOutline = TimelineView<EventOutline>;

/// What every view of an event says of it: title, dates, kind, confidence
/// and importance. Serialised flat, as fields of the view that holds it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EventFacts {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    /// EDTF.
    pub start: String,
    /// EDTF, or null for a point or an ongoing range.
    pub end: Option<String>,
    pub ongoing: bool,
    /// The precision of the start.
    pub precision: Precision,
    pub approximate: bool,
    pub uncertain: bool,
    /// The start as a person reads it: "Jul 2019", "c. 2021".
    pub start_label: String,
    pub end_label: Option<String>,
    /// The interval the event covers, in minutes since 1970-01-01T00:00Z:
    /// from the start of its start date to the end of its end date (or of
    /// its start date, for a point).
    #[ts(type = "number")]
    pub start_minute: i64,
    #[ts(type = "number")]
    pub end_minute: i64,
    pub kind: EventKind,
    pub confidence: Confidence,
    pub importance: u8,
}

/// What the canvas draws of an event and its hover card says: its facts and
/// how many sources it cites.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EventOutline {
    #[serde(flatten)]
    #[ts(flatten)]
    pub facts: EventFacts,
    pub source_count: u32,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct LaneView {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub collapsed: bool,
    /// `#rrggbb`, or null for the timeline's colour.
    pub colour: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PlacementView {
    #[ts(type = "number")]
    pub event_id: i64,
    #[ts(type = "number")]
    pub lane_id: i64,
}

/// An event with everything the library, the inspector and `tideline events
/// --json` show.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EventView {
    #[serde(flatten)]
    #[ts(flatten)]
    pub facts: EventFacts,
    pub description: String,
    pub parties: Vec<String>,
    pub tags: Vec<String>,
    /// Titles of the timelines the event is on.
    pub timelines: Vec<String>,
    pub sources: Vec<SourceQuoteView>,
    /// With a search query: the distinct words of the query (lowercased)
    /// found in the event's searchable text, for highlighting. Empty
    /// without a query.
    pub matches: Vec<String>,
    /// How an imported file asked for the date to be shown ("Spring
    /// 1943"); absent when it did not.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub display_date: Option<String>,
    /// A picture or embed from a TimelineJS file, with its credit; absent
    /// when none. Text only: the URL may be an embed's HTML, never run.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub media: Option<Media>,
}

/// A source as cited by one event, with the supporting quote.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SourceQuoteView {
    /// The citation (the event–source link) itself, for editing its quote
    /// or removing it.
    #[ts(type = "number")]
    pub link_id: i64,
    #[ts(type = "number")]
    pub source_id: i64,
    pub title: String,
    pub url: String,
    pub publisher: String,
    pub author: String,
    /// EDTF, or null when unknown.
    pub published: Option<String>,
    pub accessed: Option<String>,
    /// The dates as a person reads them.
    pub published_label: Option<String>,
    pub accessed_label: Option<String>,
    pub quote: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct AnnotationView {
    #[ts(type = "number")]
    pub id: i64,
    pub text: String,
    /// Set for a callout on an event.
    #[ts(type = "number | null")]
    pub event_id: Option<i64>,
    /// EDTF; set, with `end`, for a shaded span.
    pub start: Option<String>,
    pub end: Option<String>,
    /// The span as a person reads it: "9 Jan 2024 – 28 Jun 2024".
    pub label: Option<String>,
    /// The span in minutes since 1970-01-01T00:00Z, from the start of its
    /// start date to the end of its end date.
    #[ts(type = "number | null")]
    pub start_minute: Option<i64>,
    #[ts(type = "number | null")]
    pub end_minute: Option<i64>,
}

/// The result of `tideline check`.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct CheckReport {
    #[ts(type = "number")]
    pub schema_version: i64,
    pub journal_mode: String,
    /// Empty when the file is sound.
    pub problems: Vec<String>,
}

/// What the shell tells the UI about the open workspace.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct WorkspaceInfo {
    pub path: String,
    #[ts(type = "number")]
    pub schema_version: i64,
    /// Now, in minutes since 1970-01-01T00:00Z, for the "today" marker.
    #[ts(type = "number")]
    pub today_minute: i64,
    /// The workspace holds the sample's deals ([`crate::Workspace::holds_sample`]).
    pub sample: bool,
}

/// Which events to list. Every filter is optional: null or absent means no
/// filter, and so does an empty list. Filters combine with AND.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
pub struct EventFilter {
    /// Only events on this timeline.
    #[ts(type = "number | null", optional = nullable)]
    pub timeline: Option<i64>,
    /// Full-text search over titles, descriptions, parties, tags, and the
    /// titles and quotes of the sources cited. Each word matches as a
    /// prefix; every word must match. Results come best match first.
    #[ts(optional = nullable)]
    pub query: Option<String>,
    /// Only events of one of these kinds.
    #[ts(optional = nullable)]
    pub kinds: Option<Vec<EventKind>>,
    /// Only events with one of these confidences.
    #[ts(optional = nullable)]
    pub confidences: Option<Vec<Confidence>>,
    /// Only events with this party (ignoring case).
    #[ts(optional = nullable)]
    pub party: Option<String>,
    /// Only events with this tag (ignoring case).
    #[ts(optional = nullable)]
    pub tag: Option<String>,
    /// true: only events without a source; false: only events with one.
    #[ts(optional = nullable)]
    pub unsourced: Option<bool>,
    /// Only events not on this timeline (for the library while a timeline
    /// is open).
    #[ts(type = "number | null", optional = nullable)]
    pub not_on_timeline: Option<i64>,
    /// At most this many events (at least one), the first in order.
    #[ts(optional = nullable)]
    pub limit: Option<u32>,
    /// Skip this many matches first: with `limit`, a page that starts
    /// anywhere in the list (the library scrolls through every match a
    /// page at a time). Every page is cut from the same order, ties broken
    /// by id, so consecutive pages neither repeat nor miss an event.
    #[ts(optional = nullable)]
    pub offset: Option<u32>,
}

/// A page of the events that match a filter (from its offset, up to its
/// limit), and how many match in all.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct EventPage {
    pub events: Vec<EventView>,
    pub total: u32,
}

/// A new event, as the "new event" form sends it.
#[derive(Clone, Debug, PartialEq, Deserialize, TS)]
pub struct NewEvent {
    pub title: String,
    /// As typed: EDTF or a human form ("Q1 2024", "c. 2021"), or a range
    /// in one field ("15 Dec 2022 – 12 Jul 2023", "Jul–Sep 2022").
    pub start: String,
    /// As typed, for a range whose end has a field of its own; null or
    /// blank for none.
    #[serde(default)]
    pub end: Option<String>,
    pub kind: EventKind,
    /// Null: reported, as an event with no source yet is at most.
    #[serde(default)]
    pub confidence: Option<Confidence>,
    /// Given: the event is also placed in this lane of its timeline.
    #[ts(type = "number | null")]
    pub lane_id: Option<i64>,
}

/// One part of a gesture that changes several events at once (a selection
/// dragged, moved by arrow keys or taken off a timeline): all of a
/// gesture's changes are one undoable step.
#[derive(Clone, Debug, PartialEq, Deserialize, TS)]
#[serde(tag = "change", rename_all = "kebab-case")]
pub enum EventChange {
    /// Re-date by dragging: `Workspace::move_event`.
    Move {
        #[ts(type = "number")]
        id: i64,
        #[ts(type = "number")]
        delta_minutes: i64,
    },
    /// Move by whole units of the event's precision: `Workspace::shift_event`.
    Shift {
        #[ts(type = "number")]
        id: i64,
        #[ts(type = "number")]
        steps: i64,
    },
    /// Place in a lane: `Workspace::place_event`.
    Place {
        #[ts(type = "number")]
        event: i64,
        #[ts(type = "number")]
        lane: i64,
    },
    /// Take off a timeline: `Workspace::unplace_event`.
    Unplace {
        #[ts(type = "number")]
        event: i64,
        #[ts(type = "number")]
        timeline: i64,
    },
}

/// A change to an event: every field absent (or null, except `end`) is left
/// as it is.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
pub struct EventPatch {
    #[ts(optional = nullable)]
    pub title: Option<String>,
    #[ts(optional = nullable)]
    pub description: Option<String>,
    /// As typed: EDTF or a human form.
    #[ts(optional = nullable)]
    pub start: Option<String>,
    /// As typed; absent leaves the end as it is. A date makes the event a
    /// range (and no longer ongoing); null or "" removes the end date, so a
    /// range becomes a point (an ongoing event stays ongoing unless
    /// `ongoing` is false).
    #[serde(with = "present")]
    #[ts(optional, type = "string | null")]
    pub end: Option<Option<String>>,
    /// true: the event is a range still going on (it has no end date, so
    /// an end date in the same patch is refused); false: it is not.
    #[ts(optional = nullable)]
    pub ongoing: Option<bool>,
    #[ts(optional = nullable)]
    pub kind: Option<EventKind>,
    #[ts(optional = nullable)]
    pub confidence: Option<Confidence>,
    /// 1 to 5.
    #[ts(optional = nullable)]
    pub importance: Option<u8>,
    #[ts(optional = nullable)]
    pub parties: Option<Vec<String>>,
    #[ts(optional = nullable)]
    pub tags: Option<Vec<String>>,
}

/// Reads a field that is present (possibly null) as `Some`; an absent
/// field stays `None` through `#[serde(default)]`.
mod present {
    use serde::{Deserialize, Deserializer};

    pub fn deserialize<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
    where
        D: Deserializer<'de>,
        T: Deserialize<'de>,
    {
        T::deserialize(deserializer).map(Some)
    }
}

/// A source in the workspace's list of sources.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SourceView {
    #[ts(type = "number")]
    pub id: i64,
    pub url: String,
    pub title: String,
    pub publisher: String,
    pub author: String,
    /// EDTF, or null when unknown.
    pub published: Option<String>,
    pub accessed: Option<String>,
    /// The dates as a person reads them.
    pub published_label: Option<String>,
    pub accessed_label: Option<String>,
    pub excerpt: String,
    pub notes: String,
    /// How many citations (event–source links) use it.
    pub citations: u32,
}

/// A source as the source form sends it; dates as typed (null or "" for
/// unknown).
#[derive(Clone, Debug, PartialEq, Deserialize, TS)]
pub struct SourceDraftView {
    pub url: String,
    pub title: String,
    pub publisher: String,
    pub author: String,
    pub published: Option<String>,
    pub accessed: Option<String>,
    pub excerpt: String,
    pub notes: String,
}

/// What a date dragged to an instant would be, for the drag ghost.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct DatePreview {
    pub edtf: String,
    /// As a person reads it: "Aug 2023".
    pub label: String,
    /// The date's interval in minutes since 1970-01-01T00:00Z.
    #[ts(type = "number")]
    pub start_minute: i64,
    #[ts(type = "number")]
    pub end_minute: i64,
}

/// Which date field of the New event form a problem is in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DateField {
    Start,
    End,
}

/// What the engine did not understand in a date field.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct DateProblem {
    pub field: DateField,
    /// A sentence that quotes what was not understood.
    pub message: String,
    /// The part not understood, in UTF-16 code units of the field's text,
    /// as a text field's selection counts them.
    pub from: u32,
    pub to: u32,
}

/// How the dates typed in the New event form read, as they are typed
/// (`Workspace::read_dates`): the labels the event would get, or the
/// problem, and a warning worth a second look.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct DateReading {
    pub start_label: Option<String>,
    pub end_label: Option<String>,
    pub warning: Option<String>,
    pub error: Option<DateProblem>,
}

/// A new annotation on a timeline: a callout on an event (`event_id`), a
/// shaded span (`start`, and `end` or the start's own interval), or a note
/// on the timeline (neither).
#[derive(Clone, Debug, PartialEq, Deserialize, TS)]
pub struct AnnotationDraft {
    #[ts(type = "number")]
    pub timeline_id: i64,
    pub text: String,
    #[ts(type = "number | null")]
    pub event_id: Option<i64>,
    /// As typed: EDTF or a human form.
    pub start: Option<String>,
    pub end: Option<String>,
}

/// A problem in a file to import: where ("line 3, column 5",
/// "events[2].start_date.month") and what.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, TS)]
pub struct ImportProblem {
    pub place: String,
    pub message: String,
}

impl From<&tideline_interop::Problem> for ImportProblem {
    fn from(problem: &tideline_interop::Problem) -> ImportProblem {
        ImportProblem {
            place: problem.place.to_string(),
            message: problem.message.clone(),
        }
    }
}

/// How to import a file.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
#[serde(default)]
pub struct ImportOptions {
    /// Null: told from the file's name and content.
    #[ts(optional = nullable)]
    pub format: Option<ImportFormat>,
    /// The timeline to import into, by exact title: an existing one gets
    /// the events (and any lanes it lacks), otherwise a new one is made
    /// with this title. Null: a new timeline titled as the file says.
    #[ts(optional = nullable)]
    pub timeline: Option<String>,
    /// Import the valid events and skip the others (listed), instead of
    /// refusing the whole file.
    pub skip_invalid: bool,
}

/// What importing a file would do, before anything is written.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ImportPreview {
    /// The format read (given or detected); null when it could not be told.
    pub format: Option<ImportFormat>,
    /// The title of the (first) timeline the file holds.
    pub title: String,
    /// How many timelines the file holds (more than one only in Tideline JSON).
    pub timelines: u32,
    /// Valid events, which an import writes.
    pub events: u32,
    /// Lanes of the (first) timeline, in order.
    pub lanes: Vec<String>,
    /// The span of the valid events, as a person reads it: "Jul 2019".
    pub start_label: Option<String>,
    pub end_label: Option<String>,
    /// File-level problems and invalid events: by default any of these
    /// refuses the import; with `skip_invalid` only file-level ones do.
    pub problems: Vec<ImportProblem>,
    /// How many events (or eras, rows) are invalid and would be skipped.
    pub invalid: u32,
    /// True when the file cannot be imported at all, even skipping.
    pub unreadable: bool,
    /// What is kept differently or dropped; never stops an import.
    pub warnings: Vec<ImportProblem>,
}

/// What an import wrote; `tideline import --json` prints it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ImportReport {
    /// The (first) timeline imported into; null when the file held none.
    #[ts(type = "number | null")]
    pub timeline: Option<i64>,
    pub title: String,
    /// Events written.
    pub events: u32,
    /// Problems of what was left out (with `skip_invalid`).
    pub skipped: Vec<ImportProblem>,
    pub warnings: Vec<ImportProblem>,
}

/// A saved comparison in the sidebar's list.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ComparisonSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub alignment: tideline_model::compare::Alignment,
    /// The timelines' ids, in the comparison's order.
    #[ts(type = "Array<number>")]
    pub timelines: Vec<i64>,
}

/// What to compare: a saved comparison, or timelines picked just now.
#[derive(Clone, Debug, PartialEq, Deserialize, TS)]
#[serde(tag = "source", rename_all = "kebab-case")]
pub enum ComparisonRequest {
    Saved {
        #[ts(type = "number")]
        id: i64,
    },
    AdHoc {
        /// Two or more timeline ids, in order.
        #[ts(type = "Array<number>")]
        timelines: Vec<i64>,
        alignment: tideline_model::compare::Alignment,
    },
}

/// Everything needed to draw a comparison (one band per timeline on a
/// shared T−/T+ axis) and tabulate it.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ComparisonView {
    /// The saved comparison, or null for an ad hoc one.
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The saved name, or the timelines' titles joined by " vs ".
    pub name: String,
    /// Offsets, milestones, steps and the duration table.
    pub comparison: tideline_model::compare::Comparison,
    /// The timelines, in the comparison's order.
    pub timelines: Vec<TimelineView>,
    /// Each timeline's T0 as minutes since 1970-01-01T00:00Z (the start of
    /// the T0 event's date): an event at minute `m` on timeline `i` sits at
    /// `m - t0_minutes[i]` on the relative axis.
    #[ts(type = "Array<number>")]
    pub t0_minutes: Vec<i64>,
}
