//! Timelines, their lanes, and annotations on them.

use crate::date::Date;
use crate::validation::{self, ValidationError};

/// The colour a new timeline gets.
pub const DEFAULT_COLOUR: &str = "#1f6feb";

/// A timeline as written: checked by [`TimelineDraft::validate`].
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineDraft {
    pub title: String,
    pub subtitle: String,
    pub description: String,
    pub colour: String,
}

impl TimelineDraft {
    pub fn new(title: &str) -> TimelineDraft {
        TimelineDraft {
            title: title.to_owned(),
            subtitle: String::new(),
            description: String::new(),
            colour: DEFAULT_COLOUR.to_owned(),
        }
    }

    pub fn validate(self) -> Result<TimelineDraft, ValidationError> {
        let subtitle = if self.subtitle.trim().is_empty() {
            String::new()
        } else {
            validation::title("subtitle", &self.subtitle)?
        };
        Ok(TimelineDraft {
            title: validation::title("title", &self.title)?,
            subtitle,
            description: validation::text("description", &self.description)?,
            colour: validation::colour("colour", &self.colour)?,
        })
    }
}

/// A lane's name follows the rules of a title.
pub fn validate_lane_name(name: &str) -> Result<String, ValidationError> {
    validation::title("lane", name)
}

/// What an annotation is attached to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnnotationTarget {
    /// A callout on one event.
    Event(i64),
    /// A shaded span of time, such as "under CMA review".
    Span { start: Date, end: Date },
    /// A note on the timeline as a whole.
    Timeline,
}

impl AnnotationTarget {
    pub fn validate(self) -> Result<AnnotationTarget, ValidationError> {
        if let AnnotationTarget::Span { start, end } = self
            && end.end_minute() <= start.start_minute()
        {
            return Err(ValidationError::new(
                "end",
                format!(
                    "the span ends ({}) before it starts ({})",
                    end.display(),
                    start.display()
                ),
            ));
        }
        Ok(self)
    }
}

/// An annotation's text: required, bounded.
pub fn validate_annotation_text(text: &str) -> Result<String, ValidationError> {
    if text.trim().is_empty() {
        return Err(ValidationError::new("text", "must not be empty"));
    }
    validation::text("text", text.trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timelines_need_a_title_and_a_colour() {
        let valid = TimelineDraft::new(" Microsoft–OpenAI ").validate().unwrap();
        assert_eq!(valid.title, "Microsoft–OpenAI");
        let mut bad = TimelineDraft::new("x");
        bad.colour = "blue".into();
        assert_eq!(bad.validate().unwrap_err().field, "colour");
    }

    #[test]
    fn spans_must_run_forwards() {
        let start = Date::day(2023, 12, 8).unwrap();
        let end = Date::day(2025, 3, 5).unwrap();
        assert!(AnnotationTarget::Span { start, end }.validate().is_ok());
        assert!(
            AnnotationTarget::Span {
                start: end,
                end: start
            }
            .validate()
            .is_err()
        );
        assert!(validate_annotation_text("  ").is_err());
    }
}
