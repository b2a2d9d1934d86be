//! Tideline's domain model.
//!
//! Dates with an explicit precision, events, timelines with lanes, placements,
//! sources and the quotes that link them to events, annotations, their
//! validation, and the layout that every renderer draws.
//!
//! Invariant: this crate does no I/O. It reads neither the clock nor the
//! environment; whatever it needs (such as "today") is passed in.

pub mod compare;
pub mod date;
pub mod event;
pub mod graphic;
pub mod layout;
pub mod source;
pub mod text;
pub mod timeline;
pub mod validation;

pub use date::{Date, DateParseError, Precision};
pub use event::{Confidence, Edge, EventDates, EventDraft, EventEnd, EventKind};
pub use source::SourceDraft;
pub use tideline_locale::{DateLength, Locale};
pub use timeline::{AnnotationTarget, TimelineDraft};
pub use validation::ValidationError;
