//! Events: what happened, when, how sure we are, and who was involved.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::date::Date;
use crate::validation::{self, ValidationError};

/// Defines a closed vocabulary whose identifiers are the same everywhere: the
/// CLI, files, the database and the UI.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $id:literal, $label:literal;)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
        pub enum $name {
            $(#[serde(rename = $id)] $variant,)*
        }

        impl $name {
            /// Every value, in the order a picker lists them.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The identifier used in files, the database and the CLI.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $id,)* }
            }

            /// The words shown to a person.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label,)* }
            }
        }

        impl std::str::FromStr for $name {
            type Err = ValidationError;

            fn from_str(text: &str) -> Result<$name, ValidationError> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|value| value.as_str() == text)
                    .ok_or_else(|| {
                        let known: Vec<&str> = $name::ALL.iter().map(|v| v.as_str()).collect();
                        ValidationError::new(
                            stringify!($name),
                            format!("{text:?} is not one of: {}", known.join(", ")),
                        )
                    })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

vocabulary! {
    /// The deal milestone an event stands for.
    EventKind {
        Rumour = "rumour", "Rumour";
        Announcement = "announcement", "Announcement";
        Investment = "investment", "Investment";
        Mou = "mou", "MOU / LOI / term sheet";
        DefinitiveAgreement = "definitive-agreement", "Definitive agreement";
        RegulatoryFiling = "regulatory-filing", "Regulatory filing";
        RegulatoryReview = "regulatory-review", "Regulatory review";
        Decision = "decision", "Decision";
        Litigation = "litigation", "Litigation";
        Closing = "closing", "Closing";
        Termination = "termination", "Termination";
        Personnel = "personnel", "Personnel";
        Product = "product", "Product";
        Other = "other", "Other";
    }
}

vocabulary! {
    /// How well the event is established.
    Confidence {
        Confirmed = "confirmed", "Confirmed";
        Reported = "reported", "Reported";
        Rumoured = "rumoured", "Rumoured";
        Disputed = "disputed", "Disputed";
    }
}

/// Importance runs from 1 (minor) to 5 (a headline milestone).
pub const IMPORTANCE: std::ops::RangeInclusive<u8> = 1..=5;

/// How an event ends: it is a point, a range with an end date, or a range
/// still going on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventEnd {
    Point,
    Until(Date),
    Ongoing,
}

/// An event as written: every field checked by [`EventDraft::validate`].
#[derive(Clone, Debug, PartialEq)]
pub struct EventDraft {
    pub title: String,
    pub description: String,
    pub start: Date,
    pub end: EventEnd,
    pub kind: EventKind,
    pub confidence: Confidence,
    pub importance: u8,
    pub parties: Vec<String>,
    pub tags: Vec<String>,
}

impl EventDraft {
    /// A point event with the defaults a new event gets.
    pub fn new(title: &str, start: Date, kind: EventKind) -> EventDraft {
        EventDraft {
            title: title.to_owned(),
            description: String::new(),
            start,
            end: EventEnd::Point,
            kind,
            confidence: Confidence::Confirmed,
            importance: 3,
            parties: Vec::new(),
            tags: Vec::new(),
        }
    }

    /// Checks every rule and returns the draft in its stored form (trimmed
    /// title, deduplicated parties and tags).
    pub fn validate(self) -> Result<EventDraft, ValidationError> {
        let title = validation::title("title", &self.title)?;
        let description = validation::text("description", &self.description)?;
        if let EventEnd::Until(end) = self.end
            && end.end_minute() <= self.start.start_minute()
        {
            return Err(ValidationError::new(
                "end",
                format!(
                    "the end ({}) comes before the start ({})",
                    end.display(),
                    self.start.display()
                ),
            ));
        }
        if !IMPORTANCE.contains(&self.importance) {
            return Err(ValidationError::new(
                "importance",
                format!("{} is not between 1 and 5", self.importance),
            ));
        }
        Ok(EventDraft {
            title,
            description,
            parties: names("parties", self.parties)?,
            tags: names("tags", self.tags)?,
            ..self
        })
    }
}

/// Trims, drops empties and duplicates, keeps the first spelling and order.
fn names(field: &'static str, values: Vec<String>) -> Result<Vec<String>, ValidationError> {
    let mut out: Vec<String> = Vec::with_capacity(values.len());
    for value in values {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let value = validation::title(field, value)?;
        if !out.iter().any(|known| known.eq_ignore_ascii_case(&value)) {
            out.push(value);
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u8, d: u8) -> Date {
        Date::day(y, m, d).unwrap()
    }

    #[test]
    fn identifiers_round_trip() {
        for kind in EventKind::ALL {
            assert_eq!(kind.as_str().parse::<EventKind>().unwrap(), *kind);
            assert_eq!(
                serde_json::to_string(kind).unwrap(),
                format!("\"{}\"", kind.as_str())
            );
        }
        for confidence in Confidence::ALL {
            assert_eq!(
                confidence.as_str().parse::<Confidence>().unwrap(),
                *confidence
            );
        }
        assert_eq!(
            EventKind::DefinitiveAgreement.as_str(),
            "definitive-agreement"
        );
        let error = "merger".parse::<EventKind>().unwrap_err();
        assert!(error.message.contains("definitive-agreement"), "{error}");
    }

    #[test]
    fn a_range_must_not_end_before_it_starts() {
        let mut draft = EventDraft::new("Review", day(2024, 3, 1), EventKind::RegulatoryReview);
        draft.end = EventEnd::Until(day(2024, 2, 1));
        assert_eq!(draft.clone().validate().unwrap_err().field, "end");
        draft.end = EventEnd::Until(day(2024, 3, 1));
        assert!(draft.clone().validate().is_ok(), "a one-day range is fine");
        // A month-precision end that contains the start is fine too.
        draft.end = EventEnd::Until(Date::month(2024, 3).unwrap());
        assert!(draft.validate().is_ok());
    }

    #[test]
    fn validation_normalises_names_and_rejects_bad_values() {
        let mut draft = EventDraft::new("  Deal ", day(2019, 7, 22), EventKind::Investment);
        draft.parties = vec![
            "Microsoft".into(),
            " ".into(),
            "microsoft".into(),
            "OpenAI ".into(),
        ];
        let valid = draft.clone().validate().unwrap();
        assert_eq!(valid.title, "Deal");
        assert_eq!(valid.parties, ["Microsoft", "OpenAI"]);
        draft.importance = 9;
        assert_eq!(draft.validate().unwrap_err().field, "importance");
    }
}
