//! Comparing timelines aligned on a milestone: offsets from each timeline's
//! T0 and the time between its milestones, honest about precision.
//!
//! [`compare`] takes timelines (their events' ids, kinds and start dates) and
//! an [`Alignment`]. Each timeline gets a T0: an event chosen for it, the
//! first event of a kind, or (calendar alignment, where the graphic keeps
//! absolute dates) its first event. A date stands for an interval of whole
//! days, so an offset is a range [`Days`]: exact between two days, as wide
//! as the month or year when a date is known only to the month or year
//! (shown with `~`). The milestones of a timeline are the first event of
//! each milestone kind ([`MILESTONES`]) in date order; the steps are the
//! times between consecutive milestones. Across timelines, the offset of
//! each milestone kind and each step have a min, median and max.
//!
//! Pure: no clock, no I/O; timelines keep their given order.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::date::Date;
use crate::event::EventKind;
use crate::validation::ValidationError;

/// The kinds that count as deal milestones, in the order a deal meets them.
pub const MILESTONES: &[EventKind] = &[
    EventKind::Announcement,
    EventKind::Mou,
    EventKind::DefinitiveAgreement,
    EventKind::RegulatoryFiling,
    EventKind::RegulatoryReview,
    EventKind::Decision,
    EventKind::Closing,
    EventKind::Termination,
];

const MINUTES_PER_DAY: i64 = 24 * 60;

/// How the timelines of a comparison line up.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "mode", rename_all = "kebab-case")]
pub enum Alignment {
    /// Absolute dates; each timeline's T0 is its first event.
    Calendar,
    /// Each timeline's T0 is its first event of this kind.
    Kind { kind: EventKind },
    /// Each timeline's T0 is the event at the same position in this list.
    Events {
        #[ts(type = "Array<number>")]
        events: Vec<i64>,
    },
}

impl Alignment {
    /// Reads the text form: `calendar`, `kind:KIND` or `events:ID,ID,...`.
    pub fn parse(text: &str) -> Result<Alignment, ValidationError> {
        let text = text.trim();
        if text == "calendar" {
            return Ok(Alignment::Calendar);
        }
        if let Some(kind) = text.strip_prefix("kind:") {
            return Ok(Alignment::Kind {
                kind: kind.trim().parse()?,
            });
        }
        if let Some(ids) = text.strip_prefix("events:") {
            let events = ids
                .split(',')
                .map(|id| {
                    id.trim().parse::<i64>().map_err(|_| {
                        ValidationError::new("alignment", format!("{id:?} is not an event id"))
                    })
                })
                .collect::<Result<Vec<i64>, _>>()?;
            return Ok(Alignment::Events { events });
        }
        Err(ValidationError::new(
            "alignment",
            format!("{text:?} is not calendar, kind:KIND or events:ID,ID,..."),
        ))
    }

    /// The text form that [`Alignment::parse`] reads.
    pub fn to_text(&self) -> String {
        match self {
            Alignment::Calendar => "calendar".to_owned(),
            Alignment::Kind { kind } => format!("kind:{kind}"),
            Alignment::Events { events } => {
                let ids: Vec<String> = events.iter().map(i64::to_string).collect();
                format!("events:{}", ids.join(","))
            }
        }
    }

    /// How a reader is told what T0 is: "T0 = first Regulatory review".
    pub fn describe(&self) -> String {
        match self {
            Alignment::Calendar => "Calendar dates; T0 = each timeline's first event".to_owned(),
            Alignment::Kind { kind } => format!("T0 = each timeline's first {}", kind.label()),
            Alignment::Events { .. } => "T0 = an event chosen on each timeline".to_owned(),
        }
    }
}

/// A whole number of days known to lie between `.0` and `.1` inclusive:
/// exact when they are equal. Serialised as `[min, max]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(type = "[number, number]")]
pub struct Days(pub i64, pub i64);

impl Days {
    /// The days (since 1970-01-01) that `date`'s interval covers.
    pub fn covered(date: Date) -> Days {
        Days(
            date.start_minute().div_euclid(MINUTES_PER_DAY),
            (date.end_minute() - 1).div_euclid(MINUTES_PER_DAY),
        )
    }

    /// The offset from a day in `from` to a day in `to`: every difference
    /// the two intervals allow.
    pub fn between(from: Days, to: Days) -> Days {
        Days(to.0 - from.1, to.1 - from.0)
    }

    /// Offset from the date `from` to the date `to`.
    pub fn from_dates(from: Date, to: Date) -> Days {
        Days::between(Days::covered(from), Days::covered(to))
    }

    pub fn min(self) -> i64 {
        self.0
    }

    pub fn max(self) -> i64 {
        self.1
    }

    pub fn is_exact(self) -> bool {
        self.0 == self.1
    }

    /// The range of the sum of a value in `self` and one in `other`.
    pub fn plus(self, other: Days) -> Days {
        Days(self.0 + other.0, self.1 + other.1)
    }

    /// The range of the negated values.
    pub fn negated(self) -> Days {
        Days(-self.1, -self.0)
    }

    /// Whether every value of `other` lies in `self`.
    pub fn contains(self, other: Days) -> bool {
        self.0 <= other.0 && other.1 <= self.1
    }

    /// An offset as a person reads it, in days, months or years by scale:
    /// "T0", "+47 days", "−1.5 years", "~+28 to +58 days".
    pub fn offset_label(self) -> String {
        if self == Days(0, 0) {
            return "T0".to_owned();
        }
        self.label(true)
    }

    /// A duration as a person reads it: "47 days", "~1 to 2 months".
    pub fn duration_label(self) -> String {
        self.label(false)
    }

    fn label(self, signed: bool) -> String {
        let scale = Scale::of(self.0.abs().max(self.1.abs()));
        if self.is_exact() {
            scale.format(self.0, signed, true)
        } else {
            format!(
                "~{} to {}",
                scale.format(self.0, signed, false),
                scale.format(self.1, signed, true)
            )
        }
    }
}

/// The unit an amount of days is shown in.
#[derive(Clone, Copy)]
enum Scale {
    Days,
    Months,
    Years,
}

impl Scale {
    fn of(days: i64) -> Scale {
        match days {
            0..=99 => Scale::Days,
            100..=729 => Scale::Months,
            _ => Scale::Years,
        }
    }

    fn format(self, days: i64, signed: bool, unit: bool) -> String {
        let sign = match (signed, days.signum()) {
            (true, 1) => "+",
            (_, -1) => "−",
            _ => "",
        };
        let magnitude = days.unsigned_abs();
        let (amount, one, many) = match self {
            Scale::Days => (magnitude.to_string(), "day", "days"),
            Scale::Months => (
                format!("{:.1}", magnitude as f64 / 30.436875),
                "month",
                "months",
            ),
            Scale::Years => (
                format!("{:.1}", magnitude as f64 / 365.2425),
                "year",
                "years",
            ),
        };
        if !unit {
            return format!("{sign}{amount}");
        }
        let word = if amount == "1" { one } else { many };
        format!("{sign}{amount} {word}")
    }
}

/// An event as a comparison needs it.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareEvent {
    pub id: i64,
    pub kind: EventKind,
    pub start: Date,
}

/// A timeline as a comparison needs it; events in any order.
#[derive(Clone, Debug, PartialEq)]
pub struct CompareTimeline {
    pub title: String,
    pub events: Vec<CompareEvent>,
}

/// The computed comparison.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Comparison {
    pub alignment: Alignment,
    /// In the order given.
    pub timelines: Vec<ComparedTimeline>,
    /// One row per milestone kind present, in [`MILESTONES`] order: each
    /// timeline's offset of its first event of that kind from its T0.
    pub offsets: Vec<OffsetRow>,
    /// One row per step (milestone to next milestone) met on any timeline,
    /// in the order first met.
    pub durations: Vec<DurationRow>,
}

/// One timeline of a comparison.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct ComparedTimeline {
    pub title: String,
    pub t0: Milestone,
    /// The first event of each milestone kind, in date order.
    pub milestones: Vec<Milestone>,
    /// Every event of the timeline, milestone or not, in date order.
    pub events: Vec<Milestone>,
    /// The time between consecutive milestones.
    pub steps: Vec<Step>,
}

/// An event placed against its timeline's T0.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Milestone {
    pub kind: EventKind,
    #[ts(type = "number")]
    pub event: i64,
    /// EDTF.
    #[ts(type = "string")]
    pub date: Date,
    /// From T0 to this event, in days.
    pub offset_days: Days,
    /// "+47 days", "~+28 to +58 days", "T0".
    pub offset_label: String,
}

/// The time from one milestone to the next on one timeline.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Step {
    pub from: EventKind,
    pub to: EventKind,
    pub days: Days,
    pub label: String,
}

/// Offsets of one milestone kind across the timelines.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct OffsetRow {
    pub kind: EventKind,
    /// One per timeline, in order; null where the timeline lacks the kind.
    pub cells: Vec<Option<Days>>,
    pub stats: Stats,
}

/// One step's durations across the timelines.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct DurationRow {
    pub from: EventKind,
    pub to: EventKind,
    /// One per timeline, in order; null where the timeline lacks the step.
    pub cells: Vec<Option<Days>>,
    pub stats: Stats,
}

/// Min, median and max of the cells present. Each is a range: the
/// statistic of the cells' lower ends to that of their upper ends. The
/// median of an even count is the mean of the middle two, rounded down.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
pub struct Stats {
    pub min: Days,
    pub median: Days,
    pub max: Days,
}

impl Stats {
    /// The statistics of `cells`, or `None` when there are none.
    pub fn of(cells: &[Days]) -> Option<Stats> {
        if cells.is_empty() {
            return None;
        }
        let mut low: Vec<i64> = cells.iter().map(|d| d.0).collect();
        let mut high: Vec<i64> = cells.iter().map(|d| d.1).collect();
        low.sort_unstable();
        high.sort_unstable();
        let median = |v: &[i64]| {
            let n = v.len();
            if n % 2 == 1 {
                v[n / 2]
            } else {
                (v[n / 2 - 1] + v[n / 2]).div_euclid(2)
            }
        };
        Some(Stats {
            min: Days(low[0], high[0]),
            median: Days(median(&low), median(&high)),
            max: Days(low[low.len() - 1], high[high.len() - 1]),
        })
    }
}

/// Compares `timelines` aligned by `alignment`. Refused: fewer than two
/// timelines, an event list of another length, and a timeline that cannot
/// meet the alignment (no event of the kind; the chosen event not on it),
/// named in the error.
pub fn compare(
    timelines: &[CompareTimeline],
    alignment: &Alignment,
) -> Result<Comparison, ValidationError> {
    if timelines.len() < 2 {
        return Err(ValidationError::new(
            "timelines",
            "a comparison needs at least two timelines",
        ));
    }
    if let Alignment::Events { events } = alignment
        && events.len() != timelines.len()
    {
        return Err(ValidationError::new(
            "alignment",
            format!(
                "{} T0 events given for {} timelines; give one per timeline, in order",
                events.len(),
                timelines.len()
            ),
        ));
    }
    let compared = timelines
        .iter()
        .enumerate()
        .map(|(i, timeline)| compare_one(timeline, alignment, i))
        .collect::<Result<Vec<_>, _>>()?;
    let offsets = MILESTONES
        .iter()
        .filter_map(|kind| {
            let cells: Vec<Option<Days>> = compared
                .iter()
                .map(|t| {
                    t.milestones
                        .iter()
                        .find(|m| m.kind == *kind)
                        .map(|m| m.offset_days)
                })
                .collect();
            let stats = Stats::of(&cells.iter().flatten().copied().collect::<Vec<_>>())?;
            Some(OffsetRow {
                kind: *kind,
                cells,
                stats,
            })
        })
        .collect();
    let mut pairs: Vec<(EventKind, EventKind)> = Vec::new();
    for step in compared.iter().flat_map(|t| &t.steps) {
        if !pairs.contains(&(step.from, step.to)) {
            pairs.push((step.from, step.to));
        }
    }
    let durations = pairs
        .into_iter()
        .filter_map(|(from, to)| {
            let cells: Vec<Option<Days>> = compared
                .iter()
                .map(|t| {
                    t.steps
                        .iter()
                        .find(|s| s.from == from && s.to == to)
                        .map(|s| s.days)
                })
                .collect();
            let stats = Stats::of(&cells.iter().flatten().copied().collect::<Vec<_>>())?;
            Some(DurationRow {
                from,
                to,
                cells,
                stats,
            })
        })
        .collect();
    Ok(Comparison {
        alignment: alignment.clone(),
        timelines: compared,
        offsets,
        durations,
    })
}

fn compare_one(
    timeline: &CompareTimeline,
    alignment: &Alignment,
    index: usize,
) -> Result<ComparedTimeline, ValidationError> {
    let mut events: Vec<&CompareEvent> = timeline.events.iter().collect();
    events.sort_by_key(|e| (e.start, e.id));
    let t0 = match alignment {
        Alignment::Calendar => events.first().copied().ok_or_else(|| {
            ValidationError::new(
                "alignment",
                format!("timeline {:?} has no events", timeline.title),
            )
        })?,
        Alignment::Kind { kind } => events
            .iter()
            .copied()
            .find(|e| e.kind == *kind)
            .ok_or_else(|| {
                ValidationError::new(
                    "alignment",
                    format!(
                        "timeline {:?} has no {kind} event to align on",
                        timeline.title
                    ),
                )
            })?,
        Alignment::Events { events: ids } => {
            let id = ids[index];
            events.iter().copied().find(|e| e.id == id).ok_or_else(|| {
                ValidationError::new(
                    "alignment",
                    format!("event {id} is not on timeline {:?}", timeline.title),
                )
            })?
        }
    };
    let place = |event: &CompareEvent| {
        let offset = Days::from_dates(t0.start, event.start);
        Milestone {
            kind: event.kind,
            event: event.id,
            date: event.start,
            offset_days: offset,
            offset_label: offset.offset_label(),
        }
    };
    let placed: Vec<Milestone> = events.iter().map(|e| place(e)).collect();
    let mut milestones: Vec<Milestone> = MILESTONES
        .iter()
        .filter_map(|kind| placed.iter().find(|m| m.kind == *kind).cloned())
        .collect();
    milestones.sort_by_key(|m| {
        let rank = MILESTONES.iter().position(|k| *k == m.kind);
        (m.date, rank)
    });
    let steps = milestones
        .windows(2)
        .map(|pair| {
            let days = Days::from_dates(pair[0].date, pair[1].date);
            Step {
                from: pair[0].kind,
                to: pair[1].kind,
                days,
                label: days.duration_label(),
            }
        })
        .collect();
    Ok(ComparedTimeline {
        title: timeline.title.clone(),
        t0: place(t0),
        milestones,
        steps,
        events: placed,
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::date::Precision;

    fn event(id: i64, kind: EventKind, start: &str) -> CompareEvent {
        CompareEvent {
            id,
            kind,
            start: Date::parse_edtf(start).unwrap(),
        }
    }

    fn timeline(title: &str, events: Vec<CompareEvent>) -> CompareTimeline {
        CompareTimeline {
            title: title.to_owned(),
            events,
        }
    }

    fn deals() -> Vec<CompareTimeline> {
        vec![
            timeline(
                "A",
                vec![
                    event(1, EventKind::Announcement, "2022-01-18"),
                    event(2, EventKind::RegulatoryReview, "2022-07-06"),
                    event(3, EventKind::RegulatoryReview, "2022-09-15"),
                    event(4, EventKind::Closing, "2023-10-13"),
                ],
            ),
            timeline(
                "B",
                vec![
                    event(10, EventKind::Announcement, "2023-09"),
                    event(11, EventKind::RegulatoryReview, "2024-01-25"),
                    event(12, EventKind::Product, "2024-12"),
                ],
            ),
        ]
    }

    #[test]
    fn day_offsets_are_exact_and_month_offsets_are_ranges() {
        let kind = Alignment::Kind {
            kind: EventKind::RegulatoryReview,
        };
        let c = compare(&deals(), &kind).unwrap();
        let a = &c.timelines[0];
        assert_eq!(a.t0.event, 2);
        assert_eq!(a.milestones[0].offset_days, Days(-169, -169));
        assert_eq!(a.milestones[0].offset_label, "−5.6 months");
        assert_eq!(a.milestones[1].offset_days, Days(0, 0));
        assert_eq!(a.milestones[1].offset_label, "T0");
        assert_eq!(a.milestones[2].offset_days, Days(464, 464));
        let b = &c.timelines[1];
        // Sep 2023 is 1 to 30 Sep: 25 Jan 2024 is 116 to 146 days later.
        assert_eq!(b.milestones[0].offset_days, Days(-146, -117));
        assert_eq!(b.milestones[0].offset_label, "~−4.8 to −3.8 months");
        assert_eq!(c.offsets[0].kind, EventKind::Announcement);
        assert_eq!(
            c.offsets[0].cells,
            [Some(Days(-169, -169)), Some(Days(-146, -117))]
        );
        assert_eq!(c.offsets[0].stats.min, Days(-169, -169));
        assert_eq!(c.offsets[0].stats.median, Days(-158, -143));
        assert_eq!(c.offsets[0].stats.max, Days(-146, -117));
        assert_eq!(c.durations[0].from, EventKind::Announcement);
        assert_eq!(c.durations[0].to, EventKind::RegulatoryReview);
        assert_eq!(c.durations[1].cells, [Some(Days(464, 464)), None]);
        assert_eq!(a.steps[1].label, "15.2 months");
    }

    #[test]
    fn every_event_is_placed_against_t0_not_only_the_milestones() {
        let kind = Alignment::Kind {
            kind: EventKind::RegulatoryReview,
        };
        let c = compare(&deals(), &kind).unwrap();
        let placed = |t: usize| -> Vec<(i64, Days, &str)> {
            c.timelines[t]
                .events
                .iter()
                .map(|m| (m.event, m.offset_days, m.offset_label.as_str()))
                .collect()
        };
        // Event 3 is A's second review: no milestone, yet placed.
        assert_eq!(
            placed(0),
            [
                (1, Days(-169, -169), "−5.6 months"),
                (2, Days(0, 0), "T0"),
                (3, Days(71, 71), "+71 days"),
                (4, Days(464, 464), "+15.2 months"),
            ]
        );
        // A product launch known to the month: 1 to 31 Dec 2024.
        assert_eq!(placed(1)[2], (12, Days(311, 341), "~+10.2 to +11.2 months"));
        for t in &c.timelines {
            for milestone in &t.milestones {
                assert!(t.events.contains(milestone));
            }
        }
    }

    #[test]
    fn year_precision_is_wider_than_month_precision() {
        let t0 = Date::day(2020, 1, 1).unwrap();
        let month = Days::from_dates(t0, Date::month(2021, 3).unwrap());
        let year = Days::from_dates(t0, Date::year(2021).unwrap());
        assert_eq!(month, Days(425, 455));
        assert_eq!(year, Days(366, 730));
        assert!(year.contains(month));
        assert_eq!(Days(10, 12).offset_label(), "~+10 to +12 days");
        assert_eq!(Days(1, 1).duration_label(), "1 day");
    }

    #[test]
    fn bce_dates_count_days_across_year_zero() {
        // Astronomical year 0 is 1 BCE, a leap year; year -1 is 2 BCE.
        let last_bce = Date::day(0, 12, 31).unwrap();
        let first_ce = Date::day(1, 1, 1).unwrap();
        assert_eq!(Days::from_dates(last_bce, first_ce), Days(1, 1));
        let year_zero = Date::year(0).unwrap();
        assert_eq!(Days::from_dates(year_zero, first_ce), Days(1, 366));
        let two_bce = Date::year(-1).unwrap();
        assert_eq!(Days::from_dates(two_bce, year_zero), Days(1, 730));
        let c = compare(
            &[
                timeline(
                    "Rome",
                    vec![
                        event(1, EventKind::Announcement, "-0043-03-15"),
                        event(2, EventKind::Decision, "-0043"),
                    ],
                ),
                timeline("Later", vec![event(3, EventKind::Announcement, "0001")]),
            ],
            &Alignment::Kind {
                kind: EventKind::Announcement,
            },
        )
        .unwrap();
        assert_eq!(c.timelines[0].milestones[0].kind, EventKind::Decision);
        assert_eq!(c.timelines[0].milestones[0].offset_days, Days(-73, 291));
    }

    #[test]
    fn an_alignment_a_timeline_cannot_meet_names_it() {
        let error = compare(
            &deals(),
            &Alignment::Kind {
                kind: EventKind::Closing,
            },
        )
        .unwrap_err();
        assert!(error.message.contains("\"B\""), "{error}");
        assert!(error.message.contains("closing"), "{error}");
        let error = compare(&deals(), &Alignment::Events { events: vec![1, 2] }).unwrap_err();
        assert!(error.message.contains("event 2 is not on timeline \"B\""));
        assert!(compare(&deals()[..1], &Alignment::Calendar).is_err());
        let c = compare(
            &deals(),
            &Alignment::Events {
                events: vec![3, 12],
            },
        )
        .unwrap();
        assert_eq!(c.timelines[1].t0.kind, EventKind::Product);
    }

    #[test]
    fn alignments_read_their_text_form() {
        for text in ["calendar", "kind:regulatory-review", "events:1,22,-3"] {
            assert_eq!(Alignment::parse(text).unwrap().to_text(), text);
        }
        assert!(Alignment::parse("kind:merger").is_err());
        assert!(Alignment::parse("events:1,x").is_err());
        assert!(Alignment::parse("sideways").is_err());
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (-2000i32..3000, 1u8..=12, 1u8..=28, 0usize..4).prop_map(|(y, m, d, p)| match p {
            0 => Date::year(y).unwrap(),
            1 => Date::quarter(y, (m - 1) / 3 + 1).unwrap(),
            2 => Date::month(y, m).unwrap(),
            _ => Date::day(y, m, d).unwrap(),
        })
    }

    /// The day-precision date at the start of `date`'s interval.
    fn first_day(date: Date) -> Date {
        Date::from_minute(date.start_minute(), Precision::Day)
    }

    proptest! {
        #[test]
        fn offsets_are_antisymmetric(a in any_date(), b in any_date()) {
            prop_assert_eq!(Days::from_dates(a, b), Days::from_dates(b, a).negated());
            prop_assert!(Days::from_dates(a, b).min() <= Days::from_dates(a, b).max());
        }

        #[test]
        fn precision_widens_ranges_never_narrows(a in any_date(), b in any_date()) {
            // A finer date inside a coarser one gives a range inside the coarser one's.
            let fine = Days::from_dates(first_day(a), first_day(b));
            prop_assert!(Days::from_dates(a, b).contains(fine));
            prop_assert!(fine.is_exact());
            let coarse = Date::year(a.year_value()).unwrap();
            prop_assert!(Days::from_dates(coarse, b).contains(Days::from_dates(a, b)));
        }

        #[test]
        fn durations_add_up(dates in proptest::collection::vec(any_date(), 2..8)) {
            let events: Vec<CompareEvent> = dates
                .iter()
                .zip(MILESTONES)
                .enumerate()
                .map(|(i, (date, kind))| CompareEvent { id: i as i64, kind: *kind, start: *date })
                .collect();
            let exact: Vec<CompareEvent> = events
                .iter()
                .map(|e| CompareEvent { start: first_day(e.start), ..e.clone() })
                .collect();
            let c = compare(
                &[timeline("x", events), timeline("y", exact)],
                &Alignment::Calendar,
            ).unwrap();
            for t in &c.timelines {
                let first = t.milestones.first().unwrap();
                let last = t.milestones.last().unwrap();
                let total = Days::from_dates(first.date, last.date);
                let sum = t.steps.iter().fold(Days(0, 0), |sum, s| sum.plus(s.days));
                prop_assert!(sum.contains(total));
                if t.milestones.iter().all(|m| m.date.precision() == Precision::Day) {
                    prop_assert_eq!(sum, total);
                }
                for pair in t.milestones.windows(2) {
                    let step = Days::between(pair[0].offset_days, pair[1].offset_days);
                    prop_assert!(step.contains(Days::from_dates(pair[0].date, pair[1].date)));
                }
            }
        }
    }
}
