//! Timelines, their lanes, and annotations on them.

use crate::date::Date;
use crate::validation::{self, ValidationError};

/// The colours new timelines take, in the order the UI's palette offers
/// them: distinct, calm, readable as text on white.
pub const TIMELINE_COLOURS: &[&str] = &[
    "#1f6feb", "#8250df", "#bf5700", "#1a7f64", "#0f7b9a", "#c2346b", "#9a6700", "#57606a",
];

/// The colour for a new timeline beside timelines of the `used` colours:
/// the first of [`TIMELINE_COLOURS`] that none uses, else the least used.
pub fn unused_colour<'a>(used: impl IntoIterator<Item = &'a str>) -> &'static str {
    let mut counts = [0usize; TIMELINE_COLOURS.len()];
    for colour in used {
        if let Some(at) = TIMELINE_COLOURS
            .iter()
            .position(|known| known.eq_ignore_ascii_case(colour))
        {
            counts[at] += 1;
        }
    }
    let fewest = counts.iter().min().copied().unwrap_or(0);
    let at = counts.iter().position(|&n| n == fewest).unwrap_or(0);
    TIMELINE_COLOURS[at]
}

/// A timeline as written: checked by [`TimelineDraft::validate`].
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineDraft {
    pub title: String,
    pub subtitle: String,
    pub description: String,
    pub colour: String,
    /// The sentence a web page and its embed give as the timeline's
    /// summary and alt text; empty, the exporter writes one.
    pub summary: String,
}

impl TimelineDraft {
    pub fn new(title: &str) -> TimelineDraft {
        TimelineDraft {
            title: title.to_owned(),
            subtitle: String::new(),
            description: String::new(),
            colour: TIMELINE_COLOURS[0].to_owned(),
            summary: String::new(),
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
            summary: validation::text("summary", self.summary.trim())?,
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
    fn a_new_timeline_takes_a_colour_no_other_has() {
        assert_eq!(unused_colour([]), "#1f6feb");
        assert_eq!(unused_colour(["#1F6FEB", "#bf5700"]), "#8250df");
        assert_eq!(unused_colour(["#123456"]), "#1f6feb");
        let all_once: Vec<&str> = TIMELINE_COLOURS.to_vec();
        let mut twice_blue = all_once.clone();
        twice_blue.push("#1f6feb");
        assert_eq!(unused_colour(twice_blue), "#8250df");
    }

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
