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

/// Which end of an event a drag on the canvas resizes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Edge {
    Start,
    End,
}

/// When an event happens, with the rules for re-dating it on the canvas:
/// every date keeps its precision and qualifiers and snaps to the date of
/// that precision containing where it was dragged to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EventDates {
    pub start: Date,
    pub end: EventEnd,
}

impl EventDates {
    /// Dragged along the axis by `delta_minutes`: the start and the end
    /// each move to the date of their own precision containing their start
    /// moved by `delta_minutes` ([`Date::moved`]). A month-precision event
    /// moves by whole months; a range of days keeps its length.
    pub fn moved(self, delta_minutes: i64) -> Result<EventDates, ValidationError> {
        EventDates {
            start: self.start.moved(delta_minutes),
            end: self.end_moved(delta_minutes),
        }
        .checked("end")
    }

    /// Moved by `steps` whole units of the start's precision (the keyboard's
    /// arrows); the end moves by the same time as the start, snapped to its
    /// own precision.
    pub fn shifted(self, steps: i64) -> Result<EventDates, ValidationError> {
        let start = self
            .start
            .shifted(steps)
            .map_err(|error| ValidationError::new("start", error.message))?;
        let delta = start.start_minute() - self.start.start_minute();
        EventDates {
            start,
            end: self.end_moved(delta),
        }
        .checked("end")
    }

    /// One end dragged to the instant `minute`. The start snaps to a date of
    /// its precision; the end to a date of its own precision, or of the
    /// start's (without qualifiers) when the event had no end date, which
    /// turns a point or an ongoing range into a range. An end dragged back
    /// onto the start's very interval makes the event a point again. Refused
    /// when the end would come before the start.
    pub fn resized(self, edge: Edge, minute: i64) -> Result<EventDates, ValidationError> {
        match edge {
            Edge::Start => EventDates {
                start: self.start.snapped(minute),
                end: self.end,
            }
            .checked("start"),
            Edge::End => {
                let template = match self.end {
                    EventEnd::Until(end) => end,
                    EventEnd::Point | EventEnd::Ongoing => {
                        self.start.with_approximate(false).with_uncertain(false)
                    }
                };
                let end = template.snapped(minute);
                let same_interval = end.start_minute() == self.start.start_minute()
                    && end.end_minute() == self.start.end_minute();
                let end = if same_interval {
                    EventEnd::Point
                } else {
                    EventEnd::Until(end)
                };
                EventDates {
                    start: self.start,
                    end,
                }
                .checked("end")
            }
        }
    }

    fn end_moved(self, delta_minutes: i64) -> EventEnd {
        match self.end {
            EventEnd::Until(end) => EventEnd::Until(end.moved(delta_minutes)),
            other => other,
        }
    }

    /// Refuses an end before the start, naming `field` (the one that moved).
    pub fn checked(self, field: &'static str) -> Result<EventDates, ValidationError> {
        if let EventEnd::Until(end) = self.end
            && end.end_minute() <= self.start.start_minute()
        {
            return Err(ValidationError::new(
                field,
                format!(
                    "the end ({}) comes before the start ({})",
                    end.display(),
                    self.start.display()
                ),
            ));
        }
        Ok(self)
    }
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
        EventDates {
            start: self.start,
            end: self.end,
        }
        .checked("end")?;
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

    fn dates(start: &str, end: Option<&str>) -> EventDates {
        EventDates {
            start: Date::parse(start).unwrap(),
            end: end.map_or(EventEnd::Point, |end| {
                EventEnd::Until(Date::parse(end).unwrap())
            }),
        }
    }

    const DAY: i64 = 24 * 60;

    #[test]
    fn a_dragged_event_snaps_to_its_precisions() {
        assert_eq!(
            dates("Jul 2023", None).moved(45 * DAY).unwrap(),
            dates("Aug 2023", None)
        );
        assert_eq!(
            dates("Jul 2023", None).moved(20 * DAY).unwrap(),
            dates("Jul 2023", None)
        );
        // A range of days keeps its length, whatever part of a day is dragged.
        assert_eq!(
            dates("1 Mar 2024", Some("10 Mar 2024"))
                .moved(3 * DAY + 600)
                .unwrap(),
            dates("4 Mar 2024", Some("13 Mar 2024"))
        );
        // Each end keeps its own precision.
        assert_eq!(
            dates("Q1 2024", Some("15 Apr 2024"))
                .moved(40 * DAY)
                .unwrap(),
            dates("Q1 2024", Some("25 May 2024"))
        );
        let ongoing = EventDates {
            start: Date::parse("c. 2021").unwrap(),
            end: EventEnd::Ongoing,
        };
        assert_eq!(
            ongoing.moved(400 * DAY).unwrap(),
            EventDates {
                start: Date::parse("c. 2022").unwrap(),
                end: EventEnd::Ongoing
            }
        );
    }

    #[test]
    fn keyboard_shifts_move_by_whole_units_of_the_start() {
        assert_eq!(
            dates("Jul 2023", Some("15 Aug 2023")).shifted(2).unwrap(),
            dates("Sep 2023", Some("16 Oct 2023"))
        );
        assert_eq!(
            dates("22 Jul 2019", None).shifted(-1).unwrap(),
            dates("21 Jul 2019", None)
        );
        assert_eq!(dates("9999", None).shifted(1).unwrap_err().field, "start");
    }

    #[test]
    fn resizing_snaps_the_dragged_end_and_refuses_an_end_before_the_start() {
        let minute = |text: &str| Date::parse(text).unwrap().start_minute();
        let range = dates("Jul 2023", Some("Sep 2023"));
        assert_eq!(
            range.resized(Edge::End, minute("20 Nov 2023")).unwrap(),
            dates("Jul 2023", Some("Nov 2023"))
        );
        assert_eq!(
            range.resized(Edge::Start, minute("2 Aug 2023")).unwrap(),
            dates("Aug 2023", Some("Sep 2023"))
        );
        assert_eq!(
            range
                .resized(Edge::End, minute("20 Jun 2023"))
                .unwrap_err()
                .field,
            "end"
        );
        assert_eq!(
            range
                .resized(Edge::Start, minute("1 Oct 2023"))
                .unwrap_err()
                .field,
            "start"
        );
        // A point grows an end of its start's precision, without qualifiers…
        assert_eq!(
            dates("c. 22 Jul 2019", None)
                .resized(Edge::End, minute("25 Jul 2019"))
                .unwrap(),
            dates("c. 22 Jul 2019", Some("25 Jul 2019"))
        );
        // …and an end dragged back onto the start makes a point again.
        assert_eq!(
            range.resized(Edge::End, minute("3 Jul 2023")).unwrap(),
            dates("Jul 2023", None)
        );
        assert_eq!(
            dates("c. Jul 2023", None)
                .resized(Edge::End, minute("3 Jul 2023"))
                .unwrap(),
            dates("c. Jul 2023", None)
        );
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
