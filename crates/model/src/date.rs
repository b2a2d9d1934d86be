//! Dates with an explicit precision.
//!
//! A [`Date`] stands for an interval: "2019" is the whole year, "Q1 2024" the
//! first quarter, "22 Jul 2019 14:30 UTC+01:00" a single minute. Dates carry
//! two qualifiers, *approximate* ("c. 2021") and *uncertain* ("2019?").
//!
//! Dates are stored and exchanged as EDTF (ISO 8601-2) text and shown to, and
//! typed by, people in a short human form. Years are astronomical: year 0 is
//! 1 BCE and year -43 is 44 BCE. The calendar is the proleptic Gregorian one.

use std::cmp::Ordering;
use std::fmt;
use std::ops::{Range, RangeInclusive};
use std::str::FromStr;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use tideline_locale::{DateLength, Day, Words};

/// Earliest supported (astronomical) year: 10000 BCE.
const MIN_YEAR: i32 = -9999;
/// Latest supported year.
const MAX_YEAR: i32 = 9999;
/// Largest distance of a UTC offset from UTC, in minutes (±14:00).
const MAX_OFFSET_MINUTES: i32 = 14 * 60;
/// Longer inputs are rejected before any parsing.
const MAX_INPUT_BYTES: usize = 200;
const MINUTES_PER_DAY: i64 = 24 * 60;
/// `num_days_from_ce` of 1970-01-01.
const EPOCH_DAYS_FROM_CE: i64 = 719_163;
/// Month abbreviations and full names, January first.
const MONTHS: [(&str, &str); 12] = [
    ("Jan", "January"),
    ("Feb", "February"),
    ("Mar", "March"),
    ("Apr", "April"),
    ("May", "May"),
    ("Jun", "June"),
    ("Jul", "July"),
    ("Aug", "August"),
    ("Sep", "September"),
    ("Oct", "October"),
    ("Nov", "November"),
    ("Dec", "December"),
];

/// How precisely a [`Date`] is known, from coarsest to finest.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, ts_rs::TS,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Year,
    Half,
    Quarter,
    Month,
    Day,
    Minute,
}

impl Precision {
    /// Every precision, from coarsest to finest.
    pub const ALL: [Precision; 6] = [
        Precision::Year,
        Precision::Half,
        Precision::Quarter,
        Precision::Month,
        Precision::Day,
        Precision::Minute,
    ];

    /// The lowercase name used in JSON: "year", "half", ….
    pub fn as_str(self) -> &'static str {
        match self {
            Precision::Year => "year",
            Precision::Half => "half",
            Precision::Quarter => "quarter",
            Precision::Month => "month",
            Precision::Day => "day",
            Precision::Minute => "minute",
        }
    }

    /// Length in months of one unit of a calendar-month-based precision.
    fn months(self) -> Option<i64> {
        match self {
            Precision::Year => Some(12),
            Precision::Half => Some(6),
            Precision::Quarter => Some(3),
            Precision::Month => Some(1),
            Precision::Day | Precision::Minute => None,
        }
    }

    /// Plural unit name for messages.
    fn plural(self) -> &'static str {
        match self {
            Precision::Year => "years",
            Precision::Half => "halves",
            Precision::Quarter => "quarters",
            Precision::Month => "months",
            Precision::Day => "days",
            Precision::Minute => "minutes",
        }
    }
}

/// Why a date could not be built or read.
///
/// Shown to people as its message alone, which quotes what was not
/// understood; programs find the place in `span`.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct DateParseError {
    /// A sentence naming the problem in words.
    pub message: String,
    /// Byte offsets of the problem in the parsed text; `0..0` for constructor errors.
    pub span: Range<usize>,
}

impl DateParseError {
    pub fn new(message: impl Into<String>, span: Range<usize>) -> Self {
        DateParseError {
            message: message.into(),
            span,
        }
    }

    /// An error from a constructor, which has no text to point into.
    fn unplaced(message: String) -> Self {
        DateParseError::new(message, 0..0)
    }
}

/// A calendar date with a precision; it stands for the whole interval of that precision.
///
/// Fields finer than the precision are kept at their first value (month 1,
/// day 1, 00:00, offset 0), and halves and quarters store their first month,
/// so equal intervals with equal qualifiers are equal values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    offset_minutes: i16,
    precision: Precision,
    approximate: bool,
    uncertain: bool,
}

impl Date {
    /// The whole (astronomical) year `year`.
    pub fn year(year: i32) -> Result<Date, DateParseError> {
        check_year(year).map_err(DateParseError::unplaced)?;
        Ok(Date::raw(year, 1, 1, Precision::Year))
    }

    /// Half `half` (1 or 2) of `year`.
    pub fn half(year: i32, half: u8) -> Result<Date, DateParseError> {
        check_year(year).map_err(DateParseError::unplaced)?;
        let month = check_half(half.into()).map_err(DateParseError::unplaced)?;
        Ok(Date::raw(year, month, 1, Precision::Half))
    }

    /// Quarter `quarter` (1 to 4) of `year`.
    pub fn quarter(year: i32, quarter: u8) -> Result<Date, DateParseError> {
        check_year(year).map_err(DateParseError::unplaced)?;
        let month = check_quarter(quarter.into()).map_err(DateParseError::unplaced)?;
        Ok(Date::raw(year, month, 1, Precision::Quarter))
    }

    /// Month `month` (1 to 12) of `year`.
    pub fn month(year: i32, month: u8) -> Result<Date, DateParseError> {
        check_year(year).map_err(DateParseError::unplaced)?;
        check_month(month.into()).map_err(DateParseError::unplaced)?;
        Ok(Date::raw(year, month, 1, Precision::Month))
    }

    /// A calendar day.
    pub fn day(year: i32, month: u8, day: u8) -> Result<Date, DateParseError> {
        check_year(year).map_err(DateParseError::unplaced)?;
        check_month(month.into()).map_err(DateParseError::unplaced)?;
        check_day(year, month, day.into()).map_err(DateParseError::unplaced)?;
        Ok(Date::raw(year, month, day, Precision::Day))
    }

    /// A minute of local time at `offset_minutes` east of UTC (within ±14:00).
    pub fn minute(
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        offset_minutes: i16,
    ) -> Result<Date, DateParseError> {
        let mut date = Date::day(year, month, day)?;
        check_hour(hour.into()).map_err(DateParseError::unplaced)?;
        check_minute(minute.into()).map_err(DateParseError::unplaced)?;
        check_offset(offset_minutes.into()).map_err(DateParseError::unplaced)?;
        date.precision = Precision::Minute;
        date.hour = hour;
        date.minute = minute;
        date.offset_minutes = offset_minutes;
        Ok(date)
    }

    /// Builds an unqualified date at midnight UTC from already validated parts.
    fn raw(year: i32, month: u8, day: u8, precision: Precision) -> Date {
        Date {
            year,
            month,
            day,
            hour: 0,
            minute: 0,
            offset_minutes: 0,
            precision,
            approximate: false,
            uncertain: false,
        }
    }

    /// This date marked approximate ("c. 2021") or not.
    pub fn with_approximate(self, approximate: bool) -> Date {
        Date {
            approximate,
            ..self
        }
    }

    /// This date marked uncertain ("2019?") or not.
    pub fn with_uncertain(self, uncertain: bool) -> Date {
        Date { uncertain, ..self }
    }

    /// How precisely the date is known.
    pub fn precision(&self) -> Precision {
        self.precision
    }

    /// Whether the date is approximate ("c. 2021").
    pub fn approximate(&self) -> bool {
        self.approximate
    }

    /// Whether the date is uncertain ("2019?").
    pub fn uncertain(&self) -> bool {
        self.uncertain
    }

    /// The astronomical year (0 = 1 BCE).
    pub fn year_value(&self) -> i32 {
        self.year
    }

    /// The first month of the interval (1 for a year, 7 for H2, 4 for Q2).
    pub fn month_value(&self) -> u8 {
        self.month
    }

    /// The day of the month; 1 unless the precision is day or minute.
    pub fn day_value(&self) -> u8 {
        self.day
    }

    /// Start of the interval in minutes since 1970-01-01T00:00Z (negative before).
    ///
    /// Dates coarser than a minute are taken as UTC calendar days; a minute
    /// precision date subtracts its offset.
    pub fn start_minute(&self) -> i64 {
        self.local_minute() - i64::from(self.offset_minutes)
    }

    /// Exclusive end of the interval: the start of the next year, half,
    /// quarter, month, day or minute.
    pub fn end_minute(&self) -> i64 {
        match self.precision.months() {
            Some(months) => month_start(self.year, i64::from(self.month) - 1 + months),
            None if self.precision == Precision::Day => self.start_minute() + MINUTES_PER_DAY,
            None => self.start_minute() + 1,
        }
    }

    /// The wall-clock minute of the date's start, ignoring its offset.
    fn local_minute(&self) -> i64 {
        let days = days_since_epoch(self.year, self.month, self.day);
        days * MINUTES_PER_DAY + i64::from(self.hour) * 60 + i64::from(self.minute)
    }

    /// The date of `precision` containing the instant `minute` (minutes since
    /// the epoch, UTC); minute precision dates get offset 0. Instants outside
    /// the supported years are clamped to the first or last supported minute.
    pub fn from_minute(minute: i64, precision: Precision) -> Date {
        let supported = supported_minutes();
        let minute = minute.clamp(*supported.start(), *supported.end());
        Date::from_local_minute(minute, precision)
    }

    /// Splits a wall-clock minute (within [`supported_minutes`]) into a date of `precision`.
    fn from_local_minute(minute: i64, precision: Precision) -> Date {
        let days = i32::try_from(minute.div_euclid(MINUTES_PER_DAY) + EPOCH_DAYS_FROM_CE)
            .expect("supported minutes are within i32 days");
        let date = NaiveDate::from_num_days_from_ce_opt(days)
            .expect("supported minutes are within chrono's range");
        let of_day = minute.rem_euclid(MINUTES_PER_DAY);
        // Calendar fields are small and in range, so the narrowing casts are exact.
        let (year, month, day) = (date.year(), date.month() as u8, date.day() as u8);
        let mut result = match precision.months() {
            Some(months) => {
                let first = (i64::from(month) - 1) / months * months + 1;
                Date::raw(year, first as u8, 1, precision)
            }
            None => Date::raw(year, month, day, precision),
        };
        if precision == Precision::Minute {
            result.hour = (of_day / 60) as u8;
            result.minute = (of_day % 60) as u8;
        }
        result
    }

    /// The date of this date's precision, qualifiers and (for a minute) UTC
    /// offset that contains the instant `minute` (minutes since the epoch,
    /// UTC): where a drag that ends at `minute` snaps to. Instants outside
    /// the supported years are clamped to the first or last supported minute.
    pub fn snapped(&self, minute: i64) -> Date {
        let supported = supported_minutes();
        let local = minute
            .saturating_add(i64::from(self.offset_minutes))
            .clamp(*supported.start(), *supported.end());
        Date {
            offset_minutes: self.offset_minutes,
            approximate: self.approximate,
            uncertain: self.uncertain,
            ..Date::from_local_minute(local, self.precision)
        }
    }

    /// This date dragged by `delta_minutes`: the date of its precision that
    /// contains its start moved by `delta_minutes` (see [`Date::snapped`]).
    /// A month moves by whole months, and only once the moved start crosses
    /// into another month: Jul 2023 moved by 45 days is Aug 2023, by 20 days
    /// still Jul 2023.
    pub fn moved(&self, delta_minutes: i64) -> Date {
        self.snapped(self.start_minute().saturating_add(delta_minutes))
    }

    /// This date moved by `steps` units of its own precision (months for a
    /// month, quarters for a quarter, …), keeping its qualifiers and offset.
    ///
    /// Month-based precisions always sit on the first of a month, so no day
    /// ever needs clamping. Errors if the result leaves the supported years.
    pub fn shifted(&self, steps: i64) -> Result<Date, DateParseError> {
        let out_of_range = || {
            DateParseError::unplaced(format!(
                "moving {self} by {steps} {} leaves the supported years 10000 BCE to 9999",
                self.precision.plural()
            ))
        };
        let moved = match self.precision.months() {
            Some(months) => {
                let index = steps
                    .checked_mul(months)
                    .and_then(|delta| {
                        (i64::from(self.year) * 12 + i64::from(self.month) - 1).checked_add(delta)
                    })
                    .ok_or_else(out_of_range)?;
                let year = i32::try_from(index.div_euclid(12))
                    .ok()
                    .filter(|year| (MIN_YEAR..=MAX_YEAR).contains(year))
                    .ok_or_else(out_of_range)?;
                Date {
                    year,
                    month: index.rem_euclid(12) as u8 + 1,
                    ..*self
                }
            }
            None => {
                let unit = if self.precision == Precision::Day {
                    MINUTES_PER_DAY
                } else {
                    1
                };
                let local = steps
                    .checked_mul(unit)
                    .and_then(|delta| self.local_minute().checked_add(delta))
                    .filter(|local| supported_minutes().contains(local))
                    .ok_or_else(out_of_range)?;
                let date = Date::from_local_minute(local, self.precision);
                Date {
                    year: date.year,
                    month: date.month,
                    day: date.day,
                    hour: date.hour,
                    minute: date.minute,
                    ..*self
                }
            }
        };
        Ok(moved)
    }

    /// EDTF (ISO 8601-2) text: "2019", "2023-41" (H2), "2024-33" (Q1),
    /// "2019-07", "2019-07-22", "2019-07-22T14:30+01:00" or "…T14:30Z", with
    /// "~" (approximate), "?" (uncertain) or "%" (both) appended.
    pub fn to_edtf(&self) -> String {
        let mut text = if self.year < 0 {
            format!("-{:04}", self.year.unsigned_abs())
        } else {
            format!("{:04}", self.year)
        };
        match self.precision {
            Precision::Year => {}
            Precision::Half => text += if self.month == 1 { "-40" } else { "-41" },
            Precision::Quarter => text += &format!("-{}", 33 + (self.month - 1) / 3),
            Precision::Month => text += &format!("-{:02}", self.month),
            Precision::Day => text += &format!("-{:02}-{:02}", self.month, self.day),
            Precision::Minute => {
                text += &format!(
                    "-{:02}-{:02}T{:02}:{:02}",
                    self.month, self.day, self.hour, self.minute
                );
                if self.offset_minutes == 0 {
                    text.push('Z');
                } else {
                    text += &offset_text(self.offset_minutes);
                }
            }
        }
        match (self.approximate, self.uncertain) {
            (true, true) => text.push('%'),
            (true, false) => text.push('~'),
            (false, true) => text.push('?'),
            (false, false) => {}
        }
        text
    }

    /// Parses EDTF text in exactly the forms [`Date::to_edtf`] writes, also
    /// accepting "+00:00" and "z" for "Z". No surrounding whitespace.
    pub fn parse_edtf(text: &str) -> Result<Date, DateParseError> {
        check_length(text)?;
        parse_edtf_at(text, 0)
    }

    /// Parses what a user types: any EDTF form, or a human form such as
    /// "2019", "Q1 2024", "2024 Q1", "H2 2023", "Jul 2019", "22 July 2019",
    /// "Jul 22, 2019", "44 BCE", "AD 2019", "c. 2021", "~2021", "2019?" or
    /// "22 Jul 2019 14:30 UTC+01:00". Case-insensitive; surrounding
    /// whitespace is ignored.
    ///
    /// Text starting with a 4-digit year followed by "-", "~", "?", "%" or
    /// nothing is read as EDTF. A month name followed by one number takes it
    /// as the year ("Jul 22" is July of year 22); times need a zone.
    pub fn parse(text: &str) -> Result<Date, DateParseError> {
        check_length(text)?;
        parse_at(text, 0)
    }

    /// Parses one date, as [`Date::parse`] does, or a range typed in one
    /// field: two dates separated by an en dash, an em dash, " - ", " to ",
    /// the EDTF "/" ("2019/2021") or a bare hyphen ("2019-2021", which
    /// EDTF would read as a bad month). The start may leave out what it
    /// shares with the end: "Jul–Sep 2022" and "Q1–Q3 2024" take the end's
    /// year, "15–20 Dec 2022" its month and year; a number of one or two
    /// digits before a day is a day, not a year. An end before the start
    /// is refused.
    pub fn parse_span(text: &str) -> Result<(Date, Option<Date>), DateParseError> {
        check_length(text)?;
        let single = match parse_at(text, 0) {
            Ok(date) => return Ok((date, None)),
            Err(error) => error,
        };
        if let Some(separator) = separator(text) {
            return range(text, separator).map(|(start, end)| (start, Some(end)));
        }
        // A bare hyphen may also sit inside a date: a split counts only
        // when both sides read as a range.
        let hyphens = text.match_indices('-').map(|(at, _)| at..at + 1);
        if let Some((start, end)) = hyphens.filter_map(|at| range(text, at).ok()).next() {
            return Ok((start, Some(end)));
        }
        let trimmed = text.trim();
        let base = text.len() - text.trim_start().len();
        if single == unreadable(trimmed, base, DATE_EXAMPLES) {
            return Err(unreadable(trimmed, base, SPAN_EXAMPLES));
        }
        Err(single)
    }

    /// The human form: "2019", "H2 2023", "Q1 2024", "Jul 2019", "22 Jul 2019",
    /// "22 Jul 2019 14:30 UTC+01:00" ("UTC" alone at offset 0), "44 BCE",
    /// with "c. " before approximate and "?" after uncertain dates.
    /// [`Date::parse`] reads it back to the same date.
    pub fn display(&self) -> String {
        self.to_string()
    }
}

impl Date {
    /// The date as `words`' language writes it: "22. Juli 2019",
    /// "vers 2019", "2019年第1四半期". British English is
    /// [`Date::display`], which [`Date::parse`] reads back; so do the
    /// other languages' month names and the Japanese and Chinese forms.
    pub fn display_in(&self, words: &Words, length: DateLength) -> String {
        if words.is_reference() {
            return self.to_string();
        }
        let day = Day {
            year: self.year,
            month: self.month,
            day: self.day,
        };
        let year = || words.year(day, length);
        let core = match self.precision {
            Precision::Year => year(),
            Precision::Half | Precision::Quarter => {
                let (key, n) = if self.precision == Precision::Half {
                    ("date.half", 1 + (self.month - 1) / 6)
                } else {
                    ("date.quarter", 1 + (self.month - 1) / 3)
                };
                words.fill(
                    key,
                    &[
                        ("n", &n.to_string()),
                        ("year", &HumanYear(self.year).to_string()),
                    ],
                )
            }
            Precision::Month => words.month(day, length),
            Precision::Day => words.day(day, length),
            Precision::Minute => {
                let mut time = format!("{:02}:{:02}", self.hour, self.minute);
                if self.offset_minutes != 0 {
                    time.push_str(&offset_text(self.offset_minutes));
                }
                words.fill(
                    "date.minute",
                    &[("date", &words.day(day, length)), ("time", &time)],
                )
            }
        };
        let core = if self.approximate {
            words.fill("date.approximate", &[("date", &core)])
        } else {
            core
        };
        if self.uncertain {
            words.fill("date.uncertain", &[("date", &core)])
        } else {
            core
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.approximate {
            f.write_str("c. ")?;
        }
        let year = HumanYear(self.year);
        let month = MONTHS[usize::from(self.month - 1)].0;
        match self.precision {
            Precision::Year => write!(f, "{year}")?,
            Precision::Half => write!(f, "H{} {year}", 1 + (self.month - 1) / 6)?,
            Precision::Quarter => write!(f, "Q{} {year}", 1 + (self.month - 1) / 3)?,
            Precision::Month => write!(f, "{month} {year}")?,
            Precision::Day => write!(f, "{} {month} {year}", self.day)?,
            Precision::Minute => {
                write!(
                    f,
                    "{} {month} {year} {:02}:{:02} UTC",
                    self.day, self.hour, self.minute
                )?;
                if self.offset_minutes != 0 {
                    f.write_str(&offset_text(self.offset_minutes))?;
                }
            }
        }
        if self.uncertain {
            f.write_str("?")?;
        }
        Ok(())
    }
}

impl FromStr for Date {
    type Err = DateParseError;

    fn from_str(text: &str) -> Result<Date, DateParseError> {
        Date::parse(text)
    }
}

impl Ord for Date {
    /// By start, then end (shorter intervals first), then precision, then the
    /// remaining fields, so only equal dates compare equal.
    fn cmp(&self, other: &Date) -> Ordering {
        let rest = |d: &Date| {
            (
                d.year,
                d.month,
                d.day,
                d.hour,
                d.minute,
                d.offset_minutes,
                d.approximate,
                d.uncertain,
            )
        };
        self.start_minute()
            .cmp(&other.start_minute())
            .then_with(|| self.end_minute().cmp(&other.end_minute()))
            .then_with(|| self.precision.cmp(&other.precision))
            .then_with(|| rest(self).cmp(&rest(other)))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.to_edtf())
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        Date::parse_edtf(&text).map_err(|error| {
            serde::de::Error::custom(format!("invalid EDTF date {text:?}: {error}"))
        })
    }
}

/// Displays an astronomical year the human way: "2019", "44 BCE" (for -43).
struct HumanYear(i32);

impl fmt::Display for HumanYear {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 > 0 {
            write!(f, "{}", self.0)
        } else {
            write!(f, "{} BCE", 1 - i64::from(self.0))
        }
    }
}

/// "+01:00" or "-05:30".
fn offset_text(offset_minutes: i16) -> String {
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let abs = offset_minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", abs / 60, abs % 60)
}

/// Days from 1970-01-01 to a valid date.
fn days_since_epoch(year: i32, month: u8, day: u8) -> i64 {
    let date = NaiveDate::from_ymd_opt(year, month.into(), day.into())
        .expect("dates are validated and within chrono's range");
    i64::from(date.num_days_from_ce()) - EPOCH_DAYS_FROM_CE
}

/// Minutes since the epoch at the start of the month `months` months after
/// the start of `year` (which may run into the next year).
fn month_start(year: i32, months: i64) -> i64 {
    let index = i64::from(year) * 12 + months;
    let year = i32::try_from(index.div_euclid(12)).expect("years stay near the supported range");
    days_since_epoch(year, index.rem_euclid(12) as u8 + 1, 1) * MINUTES_PER_DAY
}

/// The wall-clock minutes of the supported years.
fn supported_minutes() -> RangeInclusive<i64> {
    month_start(MIN_YEAR, 0)..=month_start(MAX_YEAR, 12) - 1
}

fn check_year(year: i32) -> Result<(), String> {
    if (MIN_YEAR..=MAX_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(format!(
            "year {year} is outside the supported range -9999 to 9999 (10000 BCE to 9999)"
        ))
    }
}

/// Checks a half and returns its first month.
fn check_half(half: u32) -> Result<u8, String> {
    match half {
        1 => Ok(1),
        2 => Ok(7),
        _ => Err(format!("half {half} is not 1 or 2")),
    }
}

/// Checks a quarter and returns its first month.
fn check_quarter(quarter: u32) -> Result<u8, String> {
    match quarter {
        1..=4 => Ok(quarter as u8 * 3 - 2),
        _ => Err(format!("quarter {quarter} is not between 1 and 4")),
    }
}

fn check_month(month: u32) -> Result<(), String> {
    if (1..=12).contains(&month) {
        Ok(())
    } else {
        Err(format!("month {month} is not between 1 and 12"))
    }
}

/// Checks a day of a valid year and month.
fn check_day(year: i32, month: u8, day: u32) -> Result<(), String> {
    if day == 0 {
        Err("day 0 is not valid; days start at 1".to_owned())
    } else if NaiveDate::from_ymd_opt(year, month.into(), day).is_none() {
        let name = MONTHS[usize::from(month - 1)].0;
        Err(format!(
            "day {day} is past the end of {name} {}",
            HumanYear(year)
        ))
    } else {
        Ok(())
    }
}

fn check_hour(hour: u32) -> Result<(), String> {
    if hour < 24 {
        Ok(())
    } else {
        Err(format!("hour {hour} is not between 0 and 23"))
    }
}

fn check_minute(minute: u32) -> Result<(), String> {
    if minute < 60 {
        Ok(())
    } else {
        Err(format!("minute {minute} is not between 0 and 59"))
    }
}

fn check_offset(offset_minutes: i32) -> Result<(), String> {
    if offset_minutes.abs() <= MAX_OFFSET_MINUTES {
        Ok(())
    } else {
        let (sign, abs) = (
            if offset_minutes < 0 { '-' } else { '+' },
            offset_minutes.unsigned_abs(),
        );
        Err(format!(
            "offset {sign}{:02}:{:02} is more than 14 hours from UTC",
            abs / 60,
            abs % 60
        ))
    }
}

/// Builds a signed offset from parsed hours and minutes.
fn offset_from_parts(negative: bool, hours: u32, minutes: u32) -> Result<i16, String> {
    if minutes > 59 {
        return Err(format!("offset minutes {minutes} are not between 0 and 59"));
    }
    let total = i32::try_from(hours.saturating_mul(60).saturating_add(minutes)).unwrap_or(i32::MAX);
    let offset = if negative { -total } else { total };
    check_offset(offset)?;
    Ok(offset as i16)
}

fn check_length(text: &str) -> Result<(), DateParseError> {
    if text.len() > MAX_INPUT_BYTES {
        Err(DateParseError::new(
            format!(
                "the text is too long for a date ({} bytes; at most {MAX_INPUT_BYTES})",
                text.len()
            ),
            0..text.len(),
        ))
    } else {
        Ok(())
    }
}

/// What a field for one date accepts, for messages.
const DATE_EXAMPLES: &str = "2019, Q1 2024, Jul 2019, 22 Jul 2019 or c. 2021";
/// What a field for a date or a range accepts, for messages.
const SPAN_EXAMPLES: &str =
    "2019, Q1 2024, Jul 2019, 22 Jul 2019, or a range such as 15 Dec 2022 – 12 Jul 2023";

/// The error for text that matches no known form, with `examples` of what does.
fn unreadable(text: &str, base: usize, examples: &str) -> DateParseError {
    let message = if text.is_empty() {
        format!("no date given; write e.g. {examples}")
    } else {
        format!("\"{text}\" is not a date; write e.g. {examples}")
    };
    DateParseError::new(message, base..base + text.len())
}

/// Parses one date in `text`, which sits at byte `base` of the caller's
/// input, ignoring surrounding whitespace.
fn parse_at(text: &str, base: usize) -> Result<Date, DateParseError> {
    let trimmed = text.trim();
    let base = base + text.len() - text.trim_start().len();
    if looks_like_edtf(trimmed) {
        parse_edtf_at(trimmed, base)
    } else {
        HumanParser::parse(trimmed, base)
    }
}

/// Where the first separator of a range sits in `text`: an en or em dash,
/// " - ", " to " (in any case), or "/" after an EDTF date.
fn separator(text: &str) -> Option<Range<usize>> {
    let lower = text.to_ascii_lowercase();
    let slash = text
        .find('/')
        .filter(|&at| looks_like_edtf(text[..at].trim()));
    ["–", "—", " - ", " to "]
        .iter()
        .filter_map(|separator| lower.find(separator).map(|at| at..at + separator.len()))
        .chain(slash.map(|at| at..at + 1))
        .min_by_key(|separator| separator.start)
}

/// Reads the range in `text` split at the separator `at`: the end, then
/// the start, completed from the end if it needs to be.
fn range(text: &str, at: Range<usize>) -> Result<(Date, Date), DateParseError> {
    let separator = &text[at.clone()];
    let (before, after) = (&text[..at.start], &text[at.end..]);
    if after.trim().is_empty() {
        return Err(DateParseError::new(
            format!(
                "nothing follows \"{}\"; give the end of the range",
                separator.trim()
            ),
            at,
        ));
    }
    if before.trim().is_empty() {
        return Err(DateParseError::new(
            format!(
                "nothing comes before \"{}\"; give the start of the range",
                separator.trim()
            ),
            at,
        ));
    }
    let end = match short_end_year(before, after) {
        Some(year) => parse_at(&year, 0).map_err(|error| DateParseError {
            span: at.end..text.len(),
            ..error
        })?,
        None => parse_at(after, at.end)?,
    };
    let start = range_start(before, end)?;
    if end.end_minute() <= start.start_minute() {
        let trimmed = after.trim();
        let from = at.end + after.len() - after.trim_start().len();
        return Err(DateParseError::new(
            format!("the end ({end}) comes before the start ({start})"),
            from..from + trimmed.len(),
        ));
    }
    Ok((start, end))
}

/// The start of a range, `text` at the beginning of the caller's input: a
/// whole date, or one that takes what it leaves out from `end` ("Jul" of
/// "Jul–Sep 2022", "15" of "15–20 Dec 2022").
fn range_start(text: &str, end: Date) -> Result<Date, DateParseError> {
    let year = HumanYear(end.year).to_string();
    let month_year = format!("{} {year}", MONTHS[usize::from(end.month - 1)].0);
    let has_day = end.precision >= Precision::Day;
    // A qualifier stays where it was typed: "c. 15" of "c. 15–20 Dec 2022"
    // is completed as "c. 15 Dec 2022", "Jul?" of "Jul?–Sep 2022" as
    // "Jul 2022?".
    let kept = text.trim_end();
    let (head, uncertain) = match kept.strip_suffix('?') {
        Some(head) => (head.trim_end(), "?"),
        None => (kept, ""),
    };
    let complete = |completion: &str| format!("{head} {completion}{uncertain}");
    let lower = head.trim_start().to_ascii_lowercase();
    let qualifier = ["circa", "ca.", "c.", "~"]
        .iter()
        .find(|q| lower.starts_with(**q))
        .map_or(0, |q| q.len());
    let core = lower[qualifier..].trim();
    if has_day && (1..=2).contains(&core.len()) && core.bytes().all(|b| b.is_ascii_digit()) {
        return parse_at(&complete(&month_year), 0);
    }
    let alone = match parse_at(text, 0) {
        Ok(date) => return Ok(date),
        Err(error) => error,
    };
    let completions = std::iter::once(year).chain(has_day.then_some(month_year));
    let mut inside = None;
    for completion in completions {
        match parse_at(&complete(&completion), 0) {
            Ok(date) => return Ok(date),
            // A problem found in the start itself says more than "not a date".
            Err(error) if error.span.end <= head.len() => {
                inside.get_or_insert(error);
            }
            Err(_) => {}
        }
    }
    Err(inside.unwrap_or(alone))
}

/// The end year of "2019–21" written whole, "2021": a one- or two-digit
/// end after a start year of three digits or more takes the start's
/// century, or the next when that would come before the start.
fn short_end_year(before: &str, after: &str) -> Option<String> {
    let short = after.trim();
    if !(1..=2).contains(&short.len()) || !short.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let start = parse_at(before, 0).ok()?;
    if start.precision != Precision::Year || start.year < 100 {
        return None;
    }
    let tail: i32 = short.parse().ok()?;
    let century = start.year - start.year.rem_euclid(100);
    let year = if century + tail < start.year {
        century + 100 + tail
    } else {
        century + tail
    };
    Some(year.to_string())
}

/// Whether user input should be read as EDTF: a 4-digit year, optionally
/// negative, followed by nothing or by "-", "~", "?" or "%".
fn looks_like_edtf(text: &str) -> bool {
    let bytes = text.strip_prefix('-').unwrap_or(text).as_bytes();
    bytes.len() >= 4
        && bytes[..4].iter().all(u8::is_ascii_digit)
        && matches!(bytes.get(4), None | Some(b'-' | b'~' | b'?' | b'%'))
}

/// A byte cursor over EDTF text. It only ever steps over ASCII bytes, so its
/// position is always on a char boundary.
struct EdtfScanner<'a> {
    text: &'a str,
    pos: usize,
    /// Offset of `text` in the text the caller passed, for error spans.
    base: usize,
}

impl EdtfScanner<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    /// Reads exactly `count` ASCII digits.
    fn digits(&mut self, count: usize) -> Option<u32> {
        let digits = self.text.as_bytes().get(self.pos..self.pos + count)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.pos += count;
        Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    }

    /// Span of `start..self.pos` in the caller's text.
    fn span_from(&self, start: usize) -> Range<usize> {
        self.base + start..self.base + self.pos
    }

    /// An error pointing at the character under the cursor, saying that
    /// `what` was expected there and quoting what is there instead.
    fn error_here(&self, what: &str) -> DateParseError {
        let rest = &self.text[self.pos..];
        let len = rest.chars().next().map_or(0, char::len_utf8);
        let message = if rest.is_empty() {
            format!("expected {what} after \"{}\"", self.text)
        } else {
            format!("expected {what}, not \"{rest}\"")
        };
        DateParseError::new(message, self.base + self.pos..self.base + self.pos + len)
    }

    /// Reads `count` digits or fails with "expected `what`" at the cursor.
    fn expect_digits(&mut self, count: usize, what: &str) -> Result<u32, DateParseError> {
        self.digits(count).ok_or_else(|| self.error_here(what))
    }

    /// Reads 2 digits and checks their value, pointing errors at them.
    fn checked_digits(
        &mut self,
        what: &str,
        check: impl FnOnce(u32) -> Result<(), String>,
    ) -> Result<u32, DateParseError> {
        let start = self.pos;
        let value = self.expect_digits(2, what)?;
        check(value).map_err(|message| DateParseError::new(message, self.span_from(start)))?;
        Ok(value)
    }

    /// Reads "Z", "z" or "±HH:MM".
    fn offset(&mut self) -> Result<i16, DateParseError> {
        let start = self.pos;
        if self.eat(b'Z') || self.eat(b'z') {
            return Ok(0);
        }
        let negative = match self.peek() {
            Some(b'+') => false,
            Some(b'-') => true,
            _ => return Err(self.error_here("a time zone such as Z or +01:00")),
        };
        self.pos += 1;
        let hours = self.expect_digits(2, "two digits of offset hours, as in +01:00")?;
        if !self.eat(b':') {
            return Err(self.error_here("\":\" in the offset, as in +01:00"));
        }
        let minutes = self.expect_digits(2, "two digits of offset minutes, as in +01:00")?;
        if negative && hours == 0 && minutes == 0 {
            return Err(DateParseError::new(
                "offset -00:00 is not valid; write Z or +00:00",
                self.span_from(start),
            ));
        }
        offset_from_parts(negative, hours, minutes)
            .map_err(|message| DateParseError::new(message, self.span_from(start)))
    }
}

/// Parses EDTF `text`, which sits at byte `base` of the caller's input.
fn parse_edtf_at(text: &str, base: usize) -> Result<Date, DateParseError> {
    let mut scan = EdtfScanner { text, pos: 0, base };
    let negative = scan.eat(b'-');
    let year_start = scan.pos;
    let year_digits = scan.expect_digits(4, "a 4-digit year such as 2019 or -0043")?;
    if scan.peek().is_some_and(|b| b.is_ascii_digit()) {
        while scan.peek().is_some_and(|b| b.is_ascii_digit()) {
            scan.pos += 1;
        }
        return Err(DateParseError::new(
            "years have 4 digits, from -9999 to 9999",
            scan.span_from(year_start),
        ));
    }
    if negative && year_digits == 0 {
        return Err(DateParseError::new(
            "-0000 is not a year; write 0000 for 1 BCE",
            scan.span_from(0),
        ));
    }
    let year = if negative {
        -(year_digits as i32)
    } else {
        year_digits as i32
    };
    let mut date = Date::raw(year, 1, 1, Precision::Year);

    if scan.eat(b'-') {
        let code_start = scan.pos;
        let code = scan.expect_digits(
            2,
            "a 2-digit month (01-12), quarter (33-36) or half (40-41)",
        )?;
        date = match code {
            33..=36 => Date::raw(year, (code as u8 - 33) * 3 + 1, 1, Precision::Quarter),
            40 | 41 => Date::raw(year, (code as u8 - 40) * 6 + 1, 1, Precision::Half),
            _ => {
                check_month(code)
                    .map_err(|message| DateParseError::new(message, scan.span_from(code_start)))?;
                Date::raw(year, code as u8, 1, Precision::Month)
            }
        };
    }
    if date.precision == Precision::Month && scan.eat(b'-') {
        let day = scan.checked_digits("a 2-digit day", |day| check_day(year, date.month, day))?;
        date = Date::raw(year, date.month, day as u8, Precision::Day);
    }
    if date.precision == Precision::Day && scan.eat(b'T') {
        let hour = scan.checked_digits("a 2-digit hour", check_hour)?;
        if !scan.eat(b':') {
            return Err(scan.error_here("\":\" between hour and minute"));
        }
        let minute = scan.checked_digits("a 2-digit minute", check_minute)?;
        date.precision = Precision::Minute;
        date.hour = hour as u8;
        date.minute = minute as u8;
        date.offset_minutes = scan.offset()?;
    }

    let (approximate, uncertain) = match scan.peek() {
        Some(b'~') => (true, false),
        Some(b'?') => (false, true),
        Some(b'%') => (true, true),
        _ => (false, false),
    };
    if approximate || uncertain {
        scan.pos += 1;
    }
    if scan.pos < text.len() {
        return Err(DateParseError::new(
            format!(
                "did not expect \"{}\" after \"{}\"",
                &text[scan.pos..],
                &text[..scan.pos]
            ),
            base + scan.pos..base + text.len(),
        ));
    }
    Ok(date.with_approximate(approximate).with_uncertain(uncertain))
}

/// What a token of human date text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// A run of ASCII digits.
    Number,
    /// A run of ASCII letters and dots ("Jul", "c.", "B.C.").
    Word,
    Colon,
    Plus,
    Minus,
    Tilde,
    Question,
}

/// A token of human date text.
#[derive(Clone, Copy, Debug)]
struct Token<'a> {
    kind: Kind,
    text: &'a str,
    /// Span in the caller's text.
    start: usize,
    end: usize,
    /// The value of a number, saturating at `u32::MAX`; 0 for other kinds.
    value: u32,
}

impl Token<'_> {
    /// Whether this is a word equal to one of `words`, ignoring case and dots.
    fn is_word(&self, words: &[&str]) -> bool {
        self.kind == Kind::Word && words.iter().any(|word| word_eq(self.text, word))
    }

    /// The month (1 to 12) this word names, by abbreviation or full name.
    fn month(&self) -> Option<u8> {
        if self.kind != Kind::Word {
            return None;
        }
        let index = MONTHS
            .iter()
            .position(|(abbr, full)| word_eq(self.text, abbr) || word_eq(self.text, full))
            .or_else(|| word_eq(self.text, "sept").then_some(8));
        match index {
            Some(index) => Some(index as u8 + 1),
            // The other languages exports are written in: "juillet", "Juli".
            None => tideline_locale::month_from_name(self.text),
        }
    }
}

/// Compares a word with `expected`, ignoring ASCII case and dots in `word`.
fn word_eq(word: &str, expected: &str) -> bool {
    word.bytes()
        .filter(|&b| b != b'.')
        .map(|b| b.to_ascii_lowercase())
        .eq(expected.bytes().map(|b| b.to_ascii_lowercase()))
}

/// Splits human date text (at byte `base` of the caller's input) into tokens;
/// whitespace and commas separate them. `None` if a character fits no token.
fn tokenize(text: &str, base: usize) -> Option<Vec<Token<'_>>> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::new();
    let mut pos = 0;
    while let Some(c) = text[pos..].chars().next() {
        let start = pos;
        // Runs below only step over ASCII bytes, keeping `pos` on char boundaries.
        let run_end = |pos: usize, part_of_run: fn(&u8) -> bool| {
            pos + bytes[pos..].iter().take_while(|b| part_of_run(b)).count()
        };
        let kind = match c {
            c if c.is_whitespace() || c == ',' => {
                pos += c.len_utf8();
                continue;
            }
            '0'..='9' => {
                pos = run_end(pos, u8::is_ascii_digit);
                // An ordinal day's dot, as in German: "22. Juli 2019".
                if bytes.get(pos) == Some(&b'.')
                    && bytes.get(pos + 1).is_none_or(u8::is_ascii_whitespace)
                {
                    let number = &text[start..pos];
                    tokens.push(Token {
                        kind: Kind::Number,
                        text: number,
                        start: base + start,
                        end: base + pos,
                        value: number.bytes().fold(0u32, |n, d| {
                            n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
                        }),
                    });
                    pos += 1;
                    continue;
                }
                Kind::Number
            }
            c if c.is_alphabetic() => {
                pos += text[pos..]
                    .chars()
                    .take_while(|c| c.is_alphabetic() || *c == '.')
                    .map(char::len_utf8)
                    .sum::<usize>();
                Kind::Word
            }
            ':' => Kind::Colon,
            '+' => Kind::Plus,
            '-' => Kind::Minus,
            '~' => Kind::Tilde,
            '?' => Kind::Question,
            _ => return None,
        };
        if pos == start {
            pos += 1;
        }
        let value = if kind == Kind::Number {
            bytes[start..pos].iter().fold(0u32, |n, d| {
                n.saturating_mul(10).saturating_add(u32::from(d - b'0'))
            })
        } else {
            0
        };
        tokens.push(Token {
            kind,
            text: &text[start..pos],
            start: base + start,
            end: base + pos,
            value,
        });
    }
    Some(tokens)
}

/// A date written the Japanese and Chinese way, "2019年7月22日", "2019年7月"
/// or "2019年", with "頃" or "左右" after an approximate one and "？" after
/// an uncertain one; `None` if `text` is not of that form.
fn cjk_date(text: &str) -> Option<Result<Date, DateParseError>> {
    let rest = text.trim();
    let (rest, uncertain) = match rest.strip_suffix('？').or_else(|| rest.strip_suffix('?')) {
        Some(rest) => (rest.trim_end(), true),
        None => (rest, false),
    };
    let (rest, approximate) = match ["頃", "左右", "前後"]
        .iter()
        .find_map(|mark| rest.strip_suffix(mark))
    {
        Some(rest) => (rest, true),
        None => (rest, false),
    };
    let (year, rest) = rest.split_once('年')?;
    let number = |digits: &str| -> Option<u32> {
        let digits = digits.trim();
        (!digits.is_empty() && digits.len() <= 4 && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| digits.parse().ok())
            .flatten()
    };
    let year = number(year)?;
    let (month, day) = match rest.split_once('月') {
        None if rest.trim().is_empty() => (None, None),
        None => return None,
        Some((month, rest)) => {
            let month = number(month)?;
            match rest.trim() {
                "" => (Some(month), None),
                rest => (Some(month), Some(number(rest.strip_suffix('日')?)?)),
            }
        }
    };
    let iso = match (month, day) {
        (None, _) => format!("{year:04}"),
        (Some(m), None) => format!("{year:04}-{m:02}"),
        (Some(m), Some(d)) => format!("{year:04}-{m:02}-{d:02}"),
    };
    Some(Date::parse_edtf(&iso).map(|date| Date {
        approximate,
        uncertain,
        ..date
    }))
}

/// Reads human date text token by token, front to back, without recursion.
struct HumanParser<'a> {
    /// The whole (trimmed) text, for the catch-all error.
    text: &'a str,
    base: usize,
    tokens: &'a [Token<'a>],
    pos: usize,
}

impl<'a> HumanParser<'a> {
    /// Parses trimmed human text found at byte `base` of the caller's input.
    fn parse(text: &'a str, base: usize) -> Result<Date, DateParseError> {
        if let Some(date) = cjk_date(text) {
            return date;
        }
        let mut tokens =
            tokenize(text, base).ok_or_else(|| unreadable(text, base, DATE_EXAMPLES))?;
        // Portuguese and Spanish join day, month and year with "de":
        // "22 de jul. de 2019".
        tokens.retain(|t| !t.is_word(&["de", "del"]));
        let mut tokens = &tokens[..];

        // Qualifiers: one leading "c." / "ca." / "circa" / "~", one trailing "?".
        let approximate = tokens
            .first()
            .is_some_and(|t| t.kind == Kind::Tilde || t.is_word(&["c", "ca", "circa"]));
        if approximate {
            tokens = &tokens[1..];
        }
        let uncertain = tokens.last().is_some_and(|t| t.kind == Kind::Question);
        if uncertain {
            tokens = &tokens[..tokens.len() - 1];
        }
        if let Some(error) = misread_word(tokens) {
            return Err(error);
        }

        let mut parser = HumanParser {
            text,
            base,
            tokens,
            pos: 0,
        };
        let date = parser.date()?;
        if let Some(extra) = parser.peek(0) {
            let end = tokens.last().map_or(extra.end, |t| t.end);
            let rest = &text[extra.start - base..end - base];
            return Err(DateParseError::new(
                format!("did not expect \"{rest}\" after the date"),
                extra.start..end,
            ));
        }
        Ok(date.with_approximate(approximate).with_uncertain(uncertain))
    }

    fn unreadable(&self) -> DateParseError {
        unreadable(self.text, self.base, DATE_EXAMPLES)
    }

    /// The error where a year should come: the text ends after a month,
    /// a day or a quarter ("Jul", "22 Jul"), or it is unreadable.
    fn missing_year(&self) -> DateParseError {
        if self.pos == 0 || self.peek(0).is_some() {
            return self.unreadable();
        }
        let cut = self.tokens.last().map_or(0, |t| t.end - self.base);
        let (given, rest) = self.text.split_at(cut);
        DateParseError::new(
            format!("\"{}\" needs a year, as in {given} 2024{rest}", self.text),
            self.base..self.base + self.text.len(),
        )
    }

    fn peek(&self, ahead: usize) -> Option<Token<'a>> {
        self.tokens.get(self.pos + ahead).copied()
    }

    fn kind(&self, ahead: usize) -> Option<Kind> {
        self.peek(ahead).map(|t| t.kind)
    }

    fn is_word(&self, ahead: usize, words: &[&str]) -> bool {
        self.peek(ahead).is_some_and(|t| t.is_word(words))
    }

    /// Whether the token `ahead` is an ordinal suffix ("st", "nd", "rd", "th").
    fn is_ordinal(&self, ahead: usize) -> bool {
        self.is_word(ahead, &["st", "nd", "rd", "th"])
    }

    /// Takes the next token if it is of `kind`.
    fn take(&mut self, kind: Kind) -> Option<Token<'a>> {
        let token = self.peek(0).filter(|t| t.kind == kind)?;
        self.pos += 1;
        Some(token)
    }

    /// A whole date without qualifiers.
    fn date(&mut self) -> Result<Date, DateParseError> {
        // "Q1 2024", "H2 2023"
        if let Some((letter, number)) = self.sub_year() {
            let year = self.year()?;
            return sub_year_date(year, letter, number);
        }
        if let Some(month) = self.peek(0).and_then(|t| t.month()) {
            self.pos += 1;
            // "Jul 22, 2019", "July 22nd 2019": a day, then the year.
            let year_at = if self.is_ordinal(1) { 2 } else { 1 };
            if self.kind(0) == Some(Kind::Number) && self.kind(year_at) == Some(Kind::Number) {
                let day = self.day_token();
                let year = self.year()?;
                return self.day_and_time(year, month, day);
            }
            // "Jul 2019": the only number is the year.
            let year = self.year()?;
            return Ok(Date::raw(year, month, 1, Precision::Month));
        }
        // "22 Jul 2019", "22nd July 2019"
        let month_at = if self.is_ordinal(1) { 2 } else { 1 };
        if self.kind(0) == Some(Kind::Number)
            && let Some(month) = self.peek(month_at).and_then(|t| t.month())
        {
            let day = self.day_token();
            self.pos += 1;
            let year = self.year()?;
            return self.day_and_time(year, month, day);
        }
        // "2019", "AD 2019", "44 BCE", "2024 Q1"
        let year = self.year()?;
        if let Some((letter, number)) = self.sub_year() {
            return sub_year_date(year, letter, number);
        }
        Ok(Date::raw(year, 1, 1, Precision::Year))
    }

    /// Takes a day number and its ordinal suffix, if any; the caller has
    /// checked that a number comes next.
    fn day_token(&mut self) -> Token<'a> {
        let day = self.peek(0).expect("caller checked for a day number");
        self.pos += if self.is_ordinal(1) { 2 } else { 1 };
        day
    }

    /// Takes "Q" or "H" and the number after it, if they come next.
    fn sub_year(&mut self) -> Option<(Token<'a>, Token<'a>)> {
        if !self.is_word(0, &["q", "h"]) || self.kind(1) != Some(Kind::Number) {
            return None;
        }
        let pair = (self.peek(0)?, self.peek(1)?);
        self.pos += 2;
        Some(pair)
    }

    /// A year with an optional era: "2019", "AD 2019", "2019 CE", "44 BCE".
    fn year(&mut self) -> Result<i32, DateParseError> {
        let era_before = self.is_word(0, &["ad", "ce"]);
        if era_before {
            self.pos += 1;
        }
        let number = self.take(Kind::Number).ok_or_else(|| self.missing_year())?;
        let mut end = number.end;
        let (bce, ce) = if era_before {
            (false, true)
        } else {
            (
                self.is_word(0, &["bc", "bce"]),
                self.is_word(0, &["ad", "ce"]),
            )
        };
        if !era_before && (bce || ce) {
            end = self.peek(0).map_or(end, |t| t.end);
            self.pos += 1;
        }
        let span = number.start..end;
        let n = number.value;
        let digits = number.text.trim_start_matches('0');
        if bce {
            match n {
                0 => Err(DateParseError::new(
                    "there is no year 0 BCE; 1 BCE is followed by 1 CE",
                    span,
                )),
                1..=10_000 => Ok(1 - n as i32),
                _ => Err(DateParseError::new(
                    format!("year {digits} BCE is before 10000 BCE, the earliest supported year"),
                    span,
                )),
            }
        } else if ce && n == 0 {
            Err(DateParseError::new(
                "there is no year 0 CE; 1 BCE is followed by 1 CE",
                span,
            ))
        } else if n <= MAX_YEAR as u32 {
            Ok(n as i32)
        } else {
            Err(DateParseError::new(
                format!("year {digits} is past 9999, the latest supported year"),
                span,
            ))
        }
    }

    /// A day date, or a minute date if a time follows the day.
    fn day_and_time(
        &mut self,
        year: i32,
        month: u8,
        day: Token<'a>,
    ) -> Result<Date, DateParseError> {
        check_day(year, month, day.value)
            .map_err(|message| DateParseError::new(message, day.start..day.end))?;
        let mut date = Date::raw(year, month, day.value as u8, Precision::Day);
        if self.kind(0) != Some(Kind::Number) || self.kind(1) != Some(Kind::Colon) {
            return Ok(date);
        }
        // "14:30": an hour of 1 or 2 digits, minutes of 2.
        let hour = self.take(Kind::Number).ok_or_else(|| self.unreadable())?;
        self.pos += 1;
        let minute = self
            .take(Kind::Number)
            .filter(|t| t.text.len() == 2 && hour.text.len() <= 2)
            .ok_or_else(|| self.unreadable())?;
        check_hour(hour.value)
            .map_err(|message| DateParseError::new(message, hour.start..hour.end))?;
        check_minute(minute.value)
            .map_err(|message| DateParseError::new(message, minute.start..minute.end))?;
        date.precision = Precision::Minute;
        date.hour = hour.value as u8;
        date.minute = minute.value as u8;
        date.offset_minutes = self.zone(hour.start..minute.end)?;
        Ok(date)
    }

    /// The zone after a time: "UTC", "UTC+01:00", "+01:00", "GMT-5", "Z", "+0530".
    fn zone(&mut self, time: Range<usize>) -> Result<i16, DateParseError> {
        let named = self.is_word(0, &["utc", "gmt", "z"]);
        if named {
            self.pos += 1;
        }
        let negative = match self.kind(0) {
            Some(Kind::Plus) => false,
            Some(Kind::Minus) => true,
            _ if named => return Ok(0),
            _ => {
                let time_text = &self.text[time.start - self.base..time.end - self.base];
                return Err(DateParseError::new(
                    format!("add a time zone to {time_text}, such as UTC or UTC+01:00"),
                    time,
                ));
            }
        };
        let sign = self.peek(0).ok_or_else(|| self.unreadable())?;
        self.pos += 1;
        let hours = self.take(Kind::Number).ok_or_else(|| self.unreadable())?;
        let (h, m, end) = match hours.text.len() {
            // "+0530"
            4 if self.kind(0) != Some(Kind::Colon) => {
                (hours.value / 100, hours.value % 100, hours.end)
            }
            1 | 2 if self.kind(0) == Some(Kind::Colon) => {
                self.pos += 1;
                let minutes = self
                    .take(Kind::Number)
                    .filter(|t| t.text.len() == 2)
                    .ok_or_else(|| self.unreadable())?;
                (hours.value, minutes.value, minutes.end)
            }
            1 | 2 => (hours.value, 0, hours.end),
            _ => return Err(self.unreadable()),
        };
        offset_from_parts(negative, h, m)
            .map_err(|message| DateParseError::new(message, sign.start..end))
    }
}

/// The error for a word that is none of the date words where a month
/// would stand ("Dekember" in "15 Dekember 2022"), or that names a part of
/// a year no precision has ("early", "summer").
fn misread_word(tokens: &[Token<'_>]) -> Option<DateParseError> {
    const KNOWN: &[&str] = &[
        "c", "ca", "circa", "q", "h", "ad", "ce", "bc", "bce", "st", "nd", "rd", "th", "utc",
        "gmt", "z",
    ];
    const PARTS: &[&str] = &[
        "early", "mid", "late", "spring", "summer", "autumn", "fall", "winter",
    ];
    let number = |at: Option<usize>| {
        at.and_then(|at| tokens.get(at))
            .filter(|t| t.kind == Kind::Number)
    };
    tokens.iter().enumerate().find_map(|(i, word)| {
        if word.kind != Kind::Word || word.month().is_some() || word.is_word(KNOWN) {
            return None;
        }
        let message = if word.is_word(PARTS) {
            format!(
                "could not read \"{}\"; for part of a year write a half or a quarter, such as H1 2019 or Q3 2019, with c. before it if it is approximate",
                word.text
            )
        } else {
            let day_before = number(i.checked_sub(1)).is_some_and(|t| t.text.len() <= 2);
            let first = i == 0;
            let year_after = number(Some(i + 1)).is_some();
            let last = i + 1 == tokens.len();
            let letters = word.text.bytes().filter(|&b| b != b'.').count();
            if letters < 3 || !(year_after && (first || day_before) || day_before && last) {
                return None;
            }
            format!("could not read \"{}\" as a month", word.text)
        };
        Some(DateParseError::new(message, word.start..word.end))
    })
}

/// A half or quarter date from its letter ("Q"/"H") and number tokens.
fn sub_year_date(year: i32, letter: Token<'_>, number: Token<'_>) -> Result<Date, DateParseError> {
    let (month, precision) = if letter.is_word(&["q"]) {
        (check_quarter(number.value), Precision::Quarter)
    } else {
        (check_half(number.value), Precision::Half)
    };
    let month = month.map_err(|message| DateParseError::new(message, letter.start..number.end))?;
    Ok(Date::raw(year, month, 1, precision))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    fn e(text: &str) -> DateParseError {
        Date::parse(text).expect_err(text)
    }

    #[test]
    fn edtf_forms_round_trip() {
        let cases = [
            (Date::year(2019).unwrap(), "2019"),
            (Date::half(2023, 1).unwrap(), "2023-40"),
            (Date::half(2023, 2).unwrap(), "2023-41"),
            (Date::quarter(2024, 1).unwrap(), "2024-33"),
            (Date::quarter(2024, 4).unwrap(), "2024-36"),
            (Date::month(2019, 7).unwrap(), "2019-07"),
            (Date::day(2019, 7, 22).unwrap(), "2019-07-22"),
            (
                Date::minute(2019, 7, 22, 14, 30, 60).unwrap(),
                "2019-07-22T14:30+01:00",
            ),
            (
                Date::minute(2019, 7, 22, 14, 30, -330).unwrap(),
                "2019-07-22T14:30-05:30",
            ),
            (
                Date::minute(2019, 7, 22, 14, 30, 0).unwrap(),
                "2019-07-22T14:30Z",
            ),
            (Date::year(-43).unwrap(), "-0043"),
            (Date::year(0).unwrap(), "0000"),
            (Date::year(44).unwrap(), "0044"),
            (Date::year(2021).unwrap().with_approximate(true), "2021~"),
            (Date::year(2019).unwrap().with_uncertain(true), "2019?"),
            (
                Date::month(2019, 7)
                    .unwrap()
                    .with_approximate(true)
                    .with_uncertain(true),
                "2019-07%",
            ),
        ];
        for (date, text) in cases {
            assert_eq!(date.to_edtf(), text);
            assert_eq!(Date::parse_edtf(text), Ok(date), "{text}");
            assert_eq!(Date::parse(text), Ok(date), "{text}");
        }
        let utc = Date::minute(2019, 7, 22, 14, 30, 0).unwrap();
        assert_eq!(Date::parse_edtf("2019-07-22T14:30+00:00"), Ok(utc));
        assert_eq!(Date::parse_edtf("2019-07-22T14:30z"), Ok(utc));
    }

    #[test]
    fn edtf_is_strict() {
        for text in [
            " 2019",
            "2019 ",
            "19",
            "20190",
            "2019-7",
            "2019-07-1",
            "-0000",
            "2019-21",
            "2019-07-22T14:30",
            "2019-07-22T14:30-00:00",
            "2019-07-22t14:30Z",
            "2019~?",
            "2019-33-01",
            "Jul 2019",
            "",
        ] {
            assert!(Date::parse_edtf(text).is_err(), "{text:?}");
        }
    }

    #[test]
    fn human_forms() {
        let year = Date::year(2019).unwrap();
        let q1 = Date::quarter(2024, 1).unwrap();
        let h2 = Date::half(2023, 2).unwrap();
        let july = Date::month(2019, 7).unwrap();
        let day = Date::day(2019, 7, 22).unwrap();
        let cases = [
            ("2019", year),
            ("  2019\n", year),
            ("2019 CE", year),
            ("AD 2019", year),
            ("2019 ad", year),
            ("Q1 2024", q1),
            ("2024 Q1", q1),
            ("q1 2024", q1),
            ("H2 2023", h2),
            ("2023 h2", h2),
            ("Jul 2019", july),
            ("July 2019", july),
            ("JULY 2019", july),
            ("jul. 2019", july),
            ("22 Jul 2019", day),
            ("22 July 2019", day),
            ("22nd July 2019", day),
            ("Jul 22, 2019", day),
            ("July 22 2019", day),
            ("Sept 1 2019", Date::day(2019, 9, 1).unwrap()),
            ("44 BCE", Date::year(-43).unwrap()),
            ("44 BC", Date::year(-43).unwrap()),
            ("44 B.C.", Date::year(-43).unwrap()),
            ("500 BCE", Date::year(-499).unwrap()),
            ("1 BCE", Date::year(0).unwrap()),
            ("0", Date::year(0).unwrap()),
            ("44", Date::year(44).unwrap()),
            ("Jul 44 BCE", Date::month(-43, 7).unwrap()),
            ("Jul 22", Date::month(22, 7).unwrap()),
            ("15 Mar 44 BCE", Date::day(-43, 3, 15).unwrap()),
        ];
        for (text, date) in cases {
            assert_eq!(Date::parse(text), Ok(date), "{text:?}");
            assert_eq!(text.parse::<Date>(), Ok(date), "{text:?}");
        }
    }

    #[test]
    fn human_qualifiers() {
        let approx = Date::year(2021).unwrap().with_approximate(true);
        for text in [
            "c. 2021",
            "c.2021",
            "C 2021",
            "ca. 2021",
            "circa 2021",
            "~2021",
            "~ 2021",
        ] {
            assert_eq!(Date::parse(text), Ok(approx), "{text:?}");
        }
        assert_eq!(d("2019?"), Date::year(2019).unwrap().with_uncertain(true));
        assert_eq!(
            d("Jul 2019 ?"),
            Date::month(2019, 7).unwrap().with_uncertain(true)
        );
        assert_eq!(
            d("c. 2019?"),
            Date::year(2019)
                .unwrap()
                .with_approximate(true)
                .with_uncertain(true)
        );
    }

    #[test]
    fn human_times() {
        let plus_one = Date::minute(2019, 7, 22, 14, 30, 60).unwrap();
        for text in [
            "22 Jul 2019 14:30 UTC+01:00",
            "22 Jul 2019 14:30 +01:00",
            "22 jul 2019 14:30 utc+1",
            "Jul 22, 2019 14:30 GMT+0100",
        ] {
            assert_eq!(Date::parse(text), Ok(plus_one), "{text:?}");
        }
        let utc = Date::minute(2019, 7, 22, 9, 5, 0).unwrap();
        assert_eq!(d("22 Jul 2019 9:05 UTC"), utc);
        assert_eq!(d("22 Jul 2019 09:05Z"), utc);
        assert_eq!(
            d("22 Jul 2019 14:30 UTC-05:30"),
            Date::minute(2019, 7, 22, 14, 30, -330).unwrap()
        );
        let error = e("22 Jul 2019 14:30");
        assert!(error.message.contains("time zone"), "{error}");
        assert_eq!(error.span, 12..17);
        assert_eq!(e("22 Jul 2019 24:00 UTC").span, 12..14);
        assert_eq!(e("22 Jul 2019 14:60 UTC").span, 15..17);
        assert_eq!(
            e("22 Jul 2019 14:30 UTC+15:00").message,
            "offset +15:00 is more than 14 hours from UTC"
        );
    }

    #[test]
    fn display_forms() {
        let cases = [
            (Date::year(2019).unwrap(), "2019"),
            (Date::half(2023, 2).unwrap(), "H2 2023"),
            (Date::quarter(2024, 1).unwrap(), "Q1 2024"),
            (Date::month(2019, 7).unwrap(), "Jul 2019"),
            (Date::day(2019, 7, 22).unwrap(), "22 Jul 2019"),
            (
                Date::minute(2019, 7, 22, 14, 30, 60).unwrap(),
                "22 Jul 2019 14:30 UTC+01:00",
            ),
            (
                Date::minute(2019, 7, 22, 4, 5, 0).unwrap(),
                "22 Jul 2019 04:05 UTC",
            ),
            (Date::year(-43).unwrap(), "44 BCE"),
            (Date::year(0).unwrap(), "1 BCE"),
            (Date::month(-43, 7).unwrap(), "Jul 44 BCE"),
            (
                Date::year(2019)
                    .unwrap()
                    .with_approximate(true)
                    .with_uncertain(true),
                "c. 2019?",
            ),
        ];
        for (date, text) in cases {
            assert_eq!(date.display(), text);
            assert_eq!(date.to_string(), text);
            assert_eq!(Date::parse(text), Ok(date), "{text}");
        }
    }

    #[test]
    fn leap_years() {
        assert!(Date::day(2024, 2, 29).is_ok());
        assert!(Date::day(2000, 2, 29).is_ok());
        assert!(Date::day(1900, 2, 29).is_err());
        assert!(Date::day(-4, 2, 29).is_ok()); // 5 BCE is a leap year
        assert_eq!(
            Date::day(2023, 2, 29).unwrap_err().message,
            "day 29 is past the end of Feb 2023"
        );
        assert_eq!(
            Date::parse_edtf("2023-02-29").unwrap_err().message,
            "day 29 is past the end of Feb 2023"
        );
        assert_eq!(d("29 Feb 2024"), Date::day(2024, 2, 29).unwrap());
        assert_eq!(
            Date::day(2024, 2, 29).unwrap().end_minute()
                - Date::month(2024, 2).unwrap().start_minute(),
            29 * MINUTES_PER_DAY
        );
    }

    #[test]
    fn constructor_errors() {
        let message = |r: Result<Date, DateParseError>| {
            let error = r.unwrap_err();
            assert_eq!(error.span, 0..0);
            error.message
        };
        assert_eq!(
            message(Date::month(2019, 13)),
            "month 13 is not between 1 and 12"
        );
        assert_eq!(
            message(Date::day(2019, 7, 32)),
            "day 32 is past the end of Jul 2019"
        );
        assert_eq!(
            message(Date::day(2023, 2, 30)),
            "day 30 is past the end of Feb 2023"
        );
        assert_eq!(message(Date::half(2023, 3)), "half 3 is not 1 or 2");
        assert_eq!(
            message(Date::quarter(2023, 0)),
            "quarter 0 is not between 1 and 4"
        );
        assert!(message(Date::year(10_000)).starts_with("year 10000 is outside"));
        assert!(message(Date::year(-10_000)).starts_with("year -10000 is outside"));
        assert!(Date::minute(2019, 7, 22, 24, 0, 0).is_err());
        assert!(Date::minute(2019, 7, 22, 0, 60, 0).is_err());
        assert!(Date::minute(2019, 7, 22, 0, 0, 841).is_err());
        assert!(Date::minute(2019, 7, 22, 0, 0, -840).is_ok());
    }

    #[test]
    fn parse_errors_have_spans() {
        let error = e("2019-13");
        assert_eq!(error.message, "month 13 is not between 1 and 12");
        assert_eq!(error.span, 5..7);
        let error = e("  2019-07-32");
        assert_eq!(error.message, "day 32 is past the end of Jul 2019");
        assert_eq!(error.span, 10..12);
        let error = e("32 Jul 2019");
        assert_eq!(error.message, "day 32 is past the end of Jul 2019");
        assert_eq!(error.span, 0..2);
        let error = e(" xyz ");
        assert_eq!(
            error.message,
            "\"xyz\" is not a date; write e.g. 2019, Q1 2024, Jul 2019, 22 Jul 2019 or c. 2021"
        );
        assert_eq!(error.span, 1..4);
        let error = e("Q5 2024");
        assert_eq!(error.message, "quarter 5 is not between 1 and 4");
        assert_eq!(error.span, 0..2);
        let error = e("0 BCE");
        assert!(error.message.contains("no year 0 BCE"), "{error}");
        assert_eq!(error.span, 0..5);
        assert!(e("12345").message.contains("past 9999"));
        assert!(e("10001 BCE").message.contains("before 10000 BCE"));
        assert_eq!(d("10000 BCE"), Date::year(-9999).unwrap());
        let error = e("Jul 2019 foo");
        assert_eq!(error.span, 9..12);
        let error = e("2019-07x");
        assert_eq!(error.span, 7..8);
        assert!(e("").message.starts_with("no date given"));
        assert_eq!(
            e("22 Jul").message,
            "\"22 Jul\" needs a year, as in 22 Jul 2024"
        );
        assert!(e("22/07/2019").message.contains("is not a date"));
        let error = e("15 Dekember 2022");
        assert_eq!(error.message, "could not read \"Dekember\" as a month");
        assert_eq!(error.span, 3..11);
        assert!(e("early 2019").message.contains("H1 2019"));
        assert_eq!(e("AD 2019 BCE").span, 8..11);
        assert_eq!(e(&"1".repeat(201)).span, 0..201);
        assert_eq!(
            e("0 AD").message,
            "there is no year 0 CE; 1 BCE is followed by 1 CE"
        );
        let error = e("2019-07-22T14:30+15:00");
        assert_eq!(error.span, 16..22);
    }

    fn span(text: &str) -> (String, Option<String>) {
        let (start, end) = Date::parse_span(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        (start.display(), end.map(|end| end.display()))
    }

    #[test]
    fn a_range_is_read_from_one_field() {
        let both = |start: &str, end: &str| (start.to_owned(), Some(end.to_owned()));
        assert_eq!(span("22 Jul 2019"), ("22 Jul 2019".to_owned(), None));
        assert_eq!(span("2019-07"), ("Jul 2019".to_owned(), None));
        assert_eq!(
            span("15 Dec 2022 – 12 Jul 2023"),
            both("15 Dec 2022", "12 Jul 2023")
        );
        assert_eq!(span("2019–2021"), both("2019", "2021"));
        assert_eq!(span("2019-2021"), both("2019", "2021"));
        assert_eq!(span("2019/2021"), both("2019", "2021"));
        assert_eq!(span("2019 to 2021"), both("2019", "2021"));
        assert_eq!(span("Jul–Sep 2022"), both("Jul 2022", "Sep 2022"));
        assert_eq!(span("Q1–Q3 2024"), both("Q1 2024", "Q3 2024"));
        assert_eq!(span("15–20 Dec 2022"), both("15 Dec 2022", "20 Dec 2022"));
        assert_eq!(
            span("2019-07-22 - 2019-08-01"),
            both("22 Jul 2019", "1 Aug 2019")
        );
        assert_eq!(span("c. 2019 – 2021"), both("c. 2019", "2021"));
        assert_eq!(
            span("c. 15–20 Dec 2022"),
            both("c. 15 Dec 2022", "20 Dec 2022")
        );
        assert_eq!(
            span("~15–20 Dec 2022"),
            both("c. 15 Dec 2022", "20 Dec 2022")
        );
        assert_eq!(span("15?–20 Dec 2022"), both("15 Dec 2022?", "20 Dec 2022"));
        assert_eq!(span("Jul?–Sep 2022"), both("Jul 2022?", "Sep 2022"));
        assert_eq!(span("2019–21"), both("2019", "2021"));
        assert_eq!(span("1998–02"), both("1998", "2002"));
        assert_eq!(span("-0500/-0400"), both("501 BCE", "401 BCE"));
    }

    #[test]
    fn a_range_that_cannot_be_read_says_why_in_words() {
        let error = Date::parse_span("2023 – 2021").unwrap_err();
        assert_eq!(
            error.message,
            "the end (2021) comes before the start (2023)"
        );
        assert_eq!(error.span, 9..13, "bytes: the en dash takes three");
        let error = Date::parse_span("2019 –").unwrap_err();
        assert!(
            error.message.starts_with("nothing follows \"–\""),
            "{error}"
        );
        let error = Date::parse_span("15 Dekember 2022 – 12 Jul 2023").unwrap_err();
        assert_eq!(error.message, "could not read \"Dekember\" as a month");
        assert_eq!(error.span, 3..11);
        let error = Date::parse_span("soon").unwrap_err();
        assert!(error.message.contains("or a range such as"), "{error}");
        assert!(
            !error.to_string().contains(".."),
            "no byte offsets for people: {error}"
        );
    }

    #[test]
    fn intervals() {
        let start = |text: &str| d(text).start_minute();
        let end = |text: &str| d(text).end_minute();
        assert_eq!(start("1970"), 0);
        assert_eq!(end("1970"), 365 * MINUTES_PER_DAY);
        assert_eq!(end("1969"), 0);
        assert_eq!(start("1969-12-31"), -MINUTES_PER_DAY);
        assert_eq!(start("1970-01-01T01:00+01:00"), 0);
        assert_eq!(end("1970-01-01T00:00Z"), 1);
        assert_eq!(end("1970-40"), start("1970-07"));
        assert_eq!(end("1970-41"), start("1971"));
        assert_eq!(end("1970-34"), start("1970-07"));
        assert_eq!(end("1970-12"), start("1971"));
        assert_eq!(end("1970-12-31"), start("1971"));
        assert_eq!(end("9999"), supported_minutes().end() + 1);
        assert_eq!(start("-9999"), *supported_minutes().start());
        assert_eq!(start("-0043-03-15") / MINUTES_PER_DAY, -735_160);
    }

    #[test]
    fn from_minute_contains_instant() {
        let instant = d("2019-08-15T10:20Z").start_minute();
        let at = |precision| Date::from_minute(instant, precision);
        assert_eq!(at(Precision::Year), d("2019"));
        assert_eq!(at(Precision::Half), d("H2 2019"));
        assert_eq!(at(Precision::Quarter), d("Q3 2019"));
        assert_eq!(at(Precision::Month), d("Aug 2019"));
        assert_eq!(at(Precision::Day), d("15 Aug 2019"));
        assert_eq!(at(Precision::Minute), d("2019-08-15T10:20Z"));
        assert_eq!(
            Date::from_minute(-1, Precision::Minute),
            d("1969-12-31T23:59Z")
        );
        assert_eq!(Date::from_minute(i64::MIN, Precision::Year), d("-9999"));
        assert_eq!(
            Date::from_minute(i64::MAX, Precision::Minute),
            d("9999-12-31T23:59Z")
        );
    }

    #[test]
    fn shifted_moves_by_own_precision() {
        let shift = |text: &str, steps| d(text).shifted(steps).unwrap();
        assert_eq!(shift("2019", 1), d("2020"));
        assert_eq!(shift("2019", -2020), d("2 BCE"));
        assert_eq!(shift("H2 2023", 1), d("H1 2024"));
        assert_eq!(shift("Q1 2024", -1), d("Q4 2023"));
        assert_eq!(shift("Q1 2024", 7), d("Q4 2025"));
        assert_eq!(shift("Jan 2024", 13), d("Feb 2025"));
        assert_eq!(shift("Jan 1 BCE", -1), d("Dec 2 BCE"));
        assert_eq!(shift("31 Jan 2024", 29), d("29 Feb 2024"));
        assert_eq!(shift("28 Feb 2023", 1), d("1 Mar 2023"));
        assert_eq!(
            shift("c. 22 Jul 2019 23:59 UTC+01:00?", 1),
            d("c. 23 Jul 2019 00:00 UTC+01:00?")
        );
        assert_eq!(shift("2019~", 0), d("2019~"));
        assert!(d("9999").shifted(1).is_err());
        assert!(d("-9999-12").shifted(-12).is_err());
        assert!(d("2019").shifted(i64::MAX).is_err());
        assert!(d("2019-07-22T00:00Z").shifted(i64::MIN).is_err());
        assert!(d("9999-12-31").shifted(1).is_err());
    }

    #[test]
    fn moved_snaps_to_the_date_of_its_precision_containing_the_moved_start() {
        const DAY: i64 = 24 * 60;
        let moved = |text: &str, days: i64| d(text).moved(days * DAY);
        assert_eq!(moved("Jul 2023", 45), d("Aug 2023"));
        assert_eq!(moved("Jul 2023", 20), d("Jul 2023"));
        assert_eq!(moved("Jul 2023", 31), d("Aug 2023"));
        assert_eq!(moved("Jul 2023", -1), d("Jun 2023"));
        assert_eq!(moved("c. Q1 2024?", 100), d("c. Q2 2024?"));
        assert_eq!(moved("2019", 364), d("2019"));
        assert_eq!(moved("2019", 365), d("2020"));
        assert_eq!(moved("22 Jul 2019", 3), d("25 Jul 2019"));
        assert_eq!(d("22 Jul 2019").moved(DAY - 1), d("22 Jul 2019"));
        assert_eq!(
            d("22 Jul 2019 23:30 UTC+01:00").moved(45),
            d("23 Jul 2019 00:15 UTC+01:00")
        );
        assert_eq!(d("9999").moved(i64::MAX), d("9999"));
        assert_eq!(d("-9999-01").moved(i64::MIN), d("-9999-01"));
        let month = d("Jul 2023");
        assert_eq!(
            month.snapped(d("31 Aug 2023").start_minute()),
            d("Aug 2023")
        );
        assert_eq!(
            d("2019~").snapped(d("2024-05-06").start_minute()),
            d("2024~")
        );
    }

    #[test]
    fn ordering_examples() {
        let mut dates = vec![
            d("2019-07"),
            d("2019"),
            d("2019-01"),
            d("2019-01-01"),
            d("2018"),
        ];
        dates.sort();
        assert_eq!(
            dates,
            [
                d("2018"),
                d("2019-01-01"),
                d("2019-01"),
                d("2019"),
                d("2019-07")
            ]
        );
        assert!(d("2019-33") < d("2019-40"));
        assert!(d("2019") < d("2019~"));
        assert_ne!(
            d("2019-07-22T14:30+01:00").cmp(&d("2019-07-22T13:30Z")),
            Ordering::Equal
        );
    }

    #[test]
    fn serde_uses_edtf() {
        let date = d("c. Q1 2024");
        let json = serde_json::to_string(&date).unwrap();
        assert_eq!(json, "\"2024-33~\"");
        assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), date);
        let error = serde_json::from_str::<Date>("\"Jul 2019\"").unwrap_err();
        assert!(error.to_string().contains("invalid EDTF date"), "{error}");
        assert_eq!(
            serde_json::to_string(&Precision::Quarter).unwrap(),
            "\"quarter\""
        );
        for precision in Precision::ALL {
            let json = format!("\"{}\"", precision.as_str());
            assert_eq!(serde_json::from_str::<Precision>(&json).unwrap(), precision);
        }
    }

    /// Builds a date of `precision` from parts, clamping the day to the month.
    fn build(
        precision: Precision,
        (year, month, day, hour, minute, offset): (i32, u8, u8, u8, u8, i16),
        approximate: bool,
        uncertain: bool,
    ) -> Date {
        let date = match precision {
            Precision::Year => Date::year(year),
            Precision::Half => Date::half(year, 1 + month % 2),
            Precision::Quarter => Date::quarter(year, 1 + month % 4),
            Precision::Month => Date::month(year, month),
            Precision::Day | Precision::Minute => {
                let day = (1..=day)
                    .rev()
                    .find(|&d| Date::day(year, month, d).is_ok())
                    .unwrap();
                if precision == Precision::Day {
                    Date::day(year, month, day)
                } else {
                    Date::minute(year, month, day, hour, minute, offset)
                }
            }
        };
        date.unwrap()
            .with_approximate(approximate)
            .with_uncertain(uncertain)
    }

    fn any_date() -> impl Strategy<Value = Date> {
        (
            proptest::sample::select(Precision::ALL.to_vec()),
            (
                MIN_YEAR..=MAX_YEAR,
                1u8..=12,
                1u8..=31,
                0u8..24,
                0u8..60,
                -840i16..=840,
            ),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(p, parts, a, u)| build(p, parts, a, u))
    }

    /// Dates crowded around one instant, so that ties in start and end are common.
    fn crowded_date() -> impl Strategy<Value = Date> {
        (
            proptest::sample::select(Precision::ALL.to_vec()),
            (
                2019..=2020,
                1u8..=2,
                1u8..=2,
                0u8..=1,
                0u8..=1,
                proptest::sample::select(vec![-60i16, 0, 60]),
            ),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(p, parts, a, u)| build(p, parts, a, u))
    }

    proptest! {
        #[test]
        fn text_round_trips(date in any_date()) {
            prop_assert_eq!(Date::parse_edtf(&date.to_edtf()), Ok(date));
            prop_assert_eq!(Date::parse(&date.to_edtf()), Ok(date));
            prop_assert_eq!(Date::parse(&date.display()), Ok(date));
            let json = serde_json::to_string(&date).unwrap();
            prop_assert_eq!(serde_json::from_str::<Date>(&json).unwrap(), date);
        }

        #[test]
        fn intervals_are_consistent(date in any_date()) {
            prop_assert!(date.start_minute() < date.end_minute());
            let containing = Date::from_minute(date.start_minute(), date.precision());
            if date.precision() != Precision::Minute {
                let qualified = containing
                    .with_approximate(date.approximate())
                    .with_uncertain(date.uncertain());
                prop_assert_eq!(qualified, date);
            }
            if let Ok(next) = date.shifted(1) {
                prop_assert!(next > date);
                prop_assert_eq!(next.start_minute(), date.end_minute());
                prop_assert_eq!(next.shifted(-1), Ok(date));
            }
        }

        #[test]
        fn a_date_snaps_to_itself_from_within(date in any_date(), offset in 0.0f64..1.0, delta in -10_000_000i64..10_000_000) {
            let length = date.end_minute() - date.start_minute();
            let inside = date.start_minute() + (length as f64 * offset) as i64;
            prop_assert_eq!(date.snapped(inside), date);
            prop_assert_eq!(date.moved(0), date);
            let moved = date.moved(delta);
            prop_assert_eq!(moved.precision(), date.precision());
            prop_assert_eq!((moved.approximate(), moved.uncertain()), (date.approximate(), date.uncertain()));
            let target = date.start_minute() + delta;
            let supported = supported_minutes();
            if supported.contains(&(target + i64::from(date.offset_minutes))) {
                prop_assert!(moved.start_minute() <= target && target < moved.end_minute());
            }
        }

        #[test]
        fn order_is_total(a in crowded_date(), b in crowded_date(), c in crowded_date()) {
            prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
            prop_assert_eq!(a.cmp(&b), b.cmp(&a).reverse());
            if a <= b && b <= c {
                prop_assert!(a <= c);
            }
            if a.start_minute() < b.start_minute() {
                prop_assert!(a < b);
            }
        }

        #[test]
        fn order_follows_start(a in any_date(), b in any_date()) {
            prop_assert_eq!(a.cmp(&b) == Ordering::Equal, a == b);
            if a.start_minute() < b.start_minute() {
                prop_assert!(a < b);
            }
        }

        #[test]
        fn parse_never_panics(text in any::<String>()) {
            let _ = Date::parse(&text);
            let _ = Date::parse_span(&text);
            let _ = Date::parse_edtf(&text);
        }

        #[test]
        fn parse_never_panics_on_date_like_text(
            text in "[-0-9 a-zA-Z.:+~?%,/TZ\u{e9}\u{130}\u{a0}\u{2013}]{0,30}"
        ) {
            for error in [Date::parse(&text).err(), Date::parse_span(&text).err()].into_iter().flatten() {
                prop_assert!(error.span.end <= text.len());
                prop_assert!(text.is_char_boundary(error.span.start));
                prop_assert!(text.is_char_boundary(error.span.end));
            }
            let _ = Date::parse_edtf(&text);
        }
    }
}
