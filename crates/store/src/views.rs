//! What the store hands out: plain data that the CLI prints as JSON and the
//! app sends to the UI. These types are the wire contract; their TypeScript
//! twins in `ui/src/bindings/` are generated from them (`cargo xtask codegen`).

use serde::{Deserialize, Serialize};
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

/// A timeline with its lanes, events and annotations.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TimelineView {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub subtitle: String,
    pub description: String,
    pub colour: String,
    pub lanes: Vec<LaneView>,
    pub placements: Vec<PlacementView>,
    /// The events on this timeline, in start order.
    pub events: Vec<EventView>,
    pub annotations: Vec<AnnotationView>,
}

#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct LaneView {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub collapsed: bool,
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
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub description: String,
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
    pub parties: Vec<String>,
    pub tags: Vec<String>,
    /// Titles of the timelines the event is on.
    pub timelines: Vec<String>,
    pub sources: Vec<SourceQuoteView>,
}

/// A source as cited by one event, with the supporting quote.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct SourceQuoteView {
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
}

/// Which events to list.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, TS)]
pub struct EventFilter {
    /// Only events on this timeline.
    #[ts(type = "number | null")]
    pub timeline: Option<i64>,
    /// Full-text search over titles, descriptions, parties and tags.
    pub query: Option<String>,
}
