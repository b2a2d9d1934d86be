//! Markwhen `.mw`: a header (`title:`, `description:`), then one event a
//! line as `DATES: title`, each followed by its properties (`id: name`) and
//! its description.
//!
//! Dates are EDTF or natural ("Dec 7 1941", "March 2 2028", "09/09/1999",
//! "03/2023"), `now` (today, passed in), or relative: a duration after the
//! previous event ("5 months"), after or before an event with an id
//! ("after !launch 3 days", "!launch"). A range joins two with `/` or `-`,
//! and its end may be a duration from its start ("2023-04/4 months").
//! `group`/`endGroup`, `section`/`endSection` and `#` headings are lanes
//! (the innermost one names the lane); `#words` are tags. Recurrence
//! ("every 2 weeks") keeps the first occurrence, with a warning.

use std::collections::BTreeMap;

use tideline_model::timeline::validate_lane_name;
use tideline_model::{Date, EventDraft, EventEnd, EventKind, Precision, TimelineDraft};

use crate::document::{DEFAULT_LANE, Document, EventDoc};
use crate::problem::{Place, Problem};
use crate::{ParseOptions, Parsed};

const MINUTES_PER_DAY: i64 = 24 * 60;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Unit {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    fn parse(word: &str) -> Option<Unit> {
        let word = word.to_ascii_lowercase();
        let word = word.strip_suffix('s').unwrap_or(&word);
        Some(match word {
            "minute" | "min" => Unit::Minute,
            "hour" | "hr" | "h" => Unit::Hour,
            "day" | "d" | "weekday" | "week day" => Unit::Day,
            "week" | "w" => Unit::Week,
            "month" => Unit::Month,
            "year" | "y" => Unit::Year,
            _ => return None,
        })
    }

    fn precision(self) -> Precision {
        match self {
            Unit::Minute | Unit::Hour => Precision::Minute,
            Unit::Day | Unit::Week => Precision::Day,
            Unit::Month => Precision::Month,
            Unit::Year => Precision::Year,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
struct Duration {
    amount: i64,
    unit: Unit,
}

impl Duration {
    /// "3 days", "a year", "1 week day".
    fn parse(text: &str) -> Option<Duration> {
        let text = text.trim();
        let split = text
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(text.len());
        let (amount, rest) = text.split_at(split);
        let (amount, rest) = if amount.chars().all(|c| c.is_ascii_digit()) && !amount.is_empty() {
            (amount.parse().ok()?, rest)
        } else if amount.eq_ignore_ascii_case("a") || amount.eq_ignore_ascii_case("an") {
            (1, rest)
        } else {
            // "3days": digits then a unit with no space.
            let digits = text.find(|c: char| !c.is_ascii_digit()).unwrap_or(0);
            if digits == 0 {
                return None;
            }
            (text[..digits].parse().ok()?, &text[digits..])
        };
        if amount > 100_000 {
            return None;
        }
        let unit = Unit::parse(&rest.trim().replace("  ", " "))?;
        Some(Duration { amount, unit })
    }

    /// `minute` moved by this duration, forwards or (`sign` -1) backwards.
    fn add(self, minute: i64, sign: i64) -> Option<i64> {
        let amount = self.amount * sign;
        let months = match self.unit {
            Unit::Minute => return Some(minute + amount),
            Unit::Hour => return Some(minute + amount * 60),
            Unit::Day => return Some(minute + amount * MINUTES_PER_DAY),
            Unit::Week => return Some(minute + amount * 7 * MINUTES_PER_DAY),
            Unit::Month => amount,
            Unit::Year => amount * 12,
        };
        let day_start = Date::from_minute(minute, Precision::Day);
        let of_day = minute - day_start.start_minute();
        let index = i64::from(day_start.year_value()) * 12 + i64::from(day_start.month_value()) - 1
            + months;
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = (index.rem_euclid(12) + 1) as u8;
        let date = (1..=day_start.day_value())
            .rev()
            .find_map(|day| Date::day(year, month, day).ok())?;
        Some(date.start_minute() + of_day)
    }
}

/// One end of a range, as written.
#[derive(Clone, Debug, PartialEq)]
enum Endpoint {
    Date(Date),
    Now,
    /// After the previous event's end (as a start), or after the start (as an end).
    Duration(Duration),
    /// After (or before) the event with `id`: its end, or its start.
    Relative {
        id: String,
        after: bool,
        duration: Option<Duration>,
    },
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

fn month_number(word: &str) -> Option<u8> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS
        .iter()
        .zip(full)
        .position(|(short, full)| {
            full.starts_with(&word) && word.starts_with(short) || word == "sept" && *short == "sep"
        })
        .map(|i| i as u8 + 1)
}

fn small(text: &str) -> Option<u32> {
    (!text.is_empty() && text.len() <= 4 && text.chars().all(|c| c.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

/// Markwhen's own date forms: "09/09/1999", "03/2023", "Dec 7 1941",
/// "March 2, 2028".
fn natural(text: &str) -> Option<Result<Date, String>> {
    let parts: Vec<&str> = text.split('/').collect();
    match parts.as_slice() {
        [month, day, year] => {
            let (month, day, year) = (small(month)?, small(day)?, small(year)?);
            return Some(
                u8::try_from(month)
                    .ok()
                    .zip(u8::try_from(day).ok())
                    .ok_or_else(|| format!("{text:?} is not a date"))
                    .and_then(|(m, d)| Date::day(year as i32, m, d).map_err(|e| e.message)),
            );
        }
        [month, year] if year.len() == 4 => {
            let (month, year) = (small(month)?, small(year)?);
            return Some(
                u8::try_from(month)
                    .map_err(|_| format!("{text:?} is not a date"))
                    .and_then(|m| Date::month(year as i32, m).map_err(|e| e.message)),
            );
        }
        _ => {}
    }
    let words: Vec<&str> = text
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let [month, day, year] = words.as_slice() {
        let month = month_number(month)?;
        let day = small(day.trim_end_matches(|c: char| c.is_ascii_alphabetic()))?;
        let year = small(year)?;
        return Some(
            u8::try_from(day)
                .map_err(|_| format!("{text:?} is not a date"))
                .and_then(|d| Date::day(year as i32, month, d).map_err(|e| e.message)),
        );
    }
    None
}

fn endpoint(text: &str) -> Result<Endpoint, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("a date is missing".to_owned());
    }
    let lower = text.to_ascii_lowercase();
    if lower == "now" || lower == "today" {
        return Ok(Endpoint::Now);
    }
    if let Some(duration) = Duration::parse(text) {
        return Ok(Endpoint::Duration(duration));
    }
    let (after, rest) = if let Some(rest) = lower.strip_prefix("after ") {
        (true, Some(rest))
    } else if let Some(rest) = lower.strip_prefix("before ") {
        (false, Some(rest))
    } else {
        (true, None)
    };
    let rest_original = rest
        .map_or(text, |rest| &text[text.len() - rest.len()..])
        .trim();
    if let Some(reference) = rest_original.strip_prefix('!') {
        let (id, duration) = match reference.split_once(char::is_whitespace) {
            Some((id, duration)) => (
                id,
                Some(
                    Duration::parse(duration)
                        .ok_or_else(|| format!("{duration:?} is not a duration like \"3 days\""))?,
                ),
            ),
            None => (reference, None),
        };
        return Ok(Endpoint::Relative {
            id: id.to_owned(),
            after,
            duration,
        });
    }
    if rest.is_some() {
        return Err(format!(
            "{text:?} is not a reference like \"after !id 3 days\""
        ));
    }
    if let Some(date) = natural(text) {
        return date.map(Endpoint::Date);
    }
    match Date::parse(text) {
        Ok(date) => Ok(Endpoint::Date(date)),
        Err(error) => {
            // An ISO date and time without a zone is read as UTC.
            if text.contains('T')
                && let Ok(date) = Date::parse(&format!("{text}Z"))
            {
                return Ok(Endpoint::Date(date));
            }
            Err(format!("{text:?} is not a date: {}", error.message))
        }
    }
}

/// A range as written: a start, and an end if it has one.
fn range(text: &str) -> Result<(Endpoint, Option<Endpoint>), String> {
    let text = text.trim();
    let first = match endpoint(text) {
        Ok(point) => return Ok((point, None)),
        Err(error) => error,
    };
    for separator in [" / ", " - ", " – ", " to ", "/", "–", "-"] {
        for (at, _) in text.match_indices(separator) {
            let (start, end) = (&text[..at], &text[at + separator.len()..]);
            if let (Ok(start), Ok(end)) = (endpoint(start), endpoint(end)) {
                return Ok((start, Some(end)));
            }
        }
    }
    Err(first)
}

/// Splits off recurrence ("every other week for 1 year"), which Tideline
/// does not repeat.
fn without_recurrence(text: &str) -> (&str, bool) {
    let lower = text.to_ascii_lowercase();
    match lower.find(" every ") {
        Some(at) => (&text[..at], true),
        None => (text, false),
    }
}

/// An event line read: where its dates end (the colon), its range, and
/// whether it recurs.
type EventLine = (usize, (Endpoint, Option<Endpoint>), bool);

/// Where the event line's dates end: the first ": " (or a colon at the end)
/// after which the text before it reads as dates.
fn split_event(line: &str) -> Option<Result<EventLine, String>> {
    let mut first_error = None;
    for (at, _) in line.match_indices(':') {
        // Dates are short: a longer prefix is text, read in linear time.
        if at > 200 {
            break;
        }
        let next = line[at + 1..].chars().next();
        if next.is_some_and(|c| !c.is_whitespace()) {
            continue;
        }
        let (dates, recurring) = without_recurrence(&line[..at]);
        match range(dates) {
            Ok(range) => return Some(Ok((at, range, recurring))),
            Err(error) => {
                first_error.get_or_insert(error);
            }
        }
    }
    // A line that starts like a date but is not one is an event with a bad
    // date; any other line is text.
    let starts_like_a_date = line
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_digit() || c == '!');
    match first_error {
        Some(error) if starts_like_a_date => Some(Err(error)),
        _ => None,
    }
}

/// `#words` in `text`, and the text without them.
fn tags(text: &str) -> (String, Vec<String>) {
    let mut tags = Vec::new();
    let mut kept = Vec::new();
    for word in text.split(' ') {
        match word.strip_prefix('#') {
            Some(tag)
                if !tag.is_empty()
                    && tag
                        .chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-') =>
            {
                tags.push(tag.to_owned())
            }
            _ => kept.push(word),
        }
    }
    (kept.join(" ").trim().to_owned(), tags)
}

/// Start and end of an event as resolved, for references to it.
#[derive(Clone, Copy)]
struct Span {
    start: i64,
    end: i64,
}

/// An event whose properties and description are still being read.
struct Pending {
    line: u64,
    start: Date,
    end: EventEnd,
    title: String,
    tags: Vec<String>,
    id: Option<String>,
    description: Vec<String>,
    in_properties: bool,
    lane: String,
}

struct State<'a> {
    options: &'a ParseOptions,
    parsed: Parsed,
    ids: BTreeMap<String, Span>,
    previous_end: Option<i64>,
    pending: Option<Pending>,
}

impl State<'_> {
    fn date_at(&self, minute: i64, precision: Precision) -> Result<Date, String> {
        let date = Date::from_minute(minute, precision);
        if Date::from_minute(minute, Precision::Minute).start_minute() != minute {
            return Err("the date falls outside the years 10000 BCE to 9999".to_owned());
        }
        Ok(date)
    }

    fn reference(&self, id: &str) -> Result<Span, String> {
        self.ids
            .get(id)
            .copied()
            .ok_or_else(|| format!("no earlier event has the id {id:?}"))
    }

    /// The instant `after` (or before) the event `id` by `duration`, from
    /// its end (or start), with the precision the duration gives.
    fn relative(
        &self,
        id: &str,
        after: bool,
        duration: Option<Duration>,
    ) -> Result<(i64, Precision), String> {
        let span = self.reference(id)?;
        let base = if after { span.end } else { span.start };
        let sign = if after { 1 } else { -1 };
        let minute = match duration {
            Some(d) => d.add(base, sign).ok_or("the date is out of range")?,
            None => base,
        };
        Ok((
            minute,
            duration.map_or(Precision::Day, |d| d.unit.precision()),
        ))
    }

    fn today(&self) -> Result<Date, String> {
        self.options
            .today
            .ok_or_else(|| "\"now\" needs today's date, which was not given".to_owned())
    }

    fn start(&self, point: &Endpoint) -> Result<Date, String> {
        match point {
            Endpoint::Date(date) => Ok(*date),
            Endpoint::Now => self.today(),
            Endpoint::Duration(duration) => {
                let previous = self
                    .previous_end
                    .ok_or("a duration as a start needs an event before it")?;
                let minute = duration
                    .add(previous, 1)
                    .ok_or("the date is out of range")?;
                self.date_at(minute, duration.unit.precision())
            }
            Endpoint::Relative {
                id,
                after,
                duration,
            } => {
                let (minute, precision) = self.relative(id, *after, *duration)?;
                self.date_at(minute, precision)
            }
        }
    }

    fn end(&self, point: &Endpoint, start: Date) -> Result<Date, String> {
        // An end given as an instant T ends on the date before T.
        let ending = |minute: i64, precision: Precision| self.date_at(minute - 1, precision);
        match point {
            Endpoint::Date(date) => Ok(*date),
            Endpoint::Now => self.today(),
            Endpoint::Duration(duration) => {
                let minute = duration
                    .add(start.start_minute(), 1)
                    .ok_or("the date is out of range")?;
                ending(minute, duration.unit.precision().max(start.precision()))
            }
            Endpoint::Relative {
                id,
                after,
                duration,
            } => {
                let (minute, precision) = self.relative(id, *after, *duration)?;
                ending(minute, precision)
            }
        }
    }

    fn finish_pending(&mut self) {
        let Some(pending) = self.pending.take() else {
            return;
        };
        let place = Place::Line {
            line: pending.line,
            column: None,
        };
        let mut description = pending.description;
        while description.last().is_some_and(|l| l.trim().is_empty()) {
            description.pop();
        }
        while description.first().is_some_and(|l| l.trim().is_empty()) {
            description.remove(0);
        }
        let mut tags = pending.tags;
        for line in &description {
            tags.extend(self::tags(line).1);
        }
        let draft = EventDraft {
            description: description.join("\n"),
            end: pending.end,
            tags,
            ..EventDraft::new(&pending.title, pending.start, EventKind::Other)
        };
        match EventDoc::new(draft, "", None) {
            Ok(event) => {
                let span = Span {
                    start: event.draft.start.start_minute(),
                    end: match event.draft.end {
                        EventEnd::Until(end) => end.end_minute(),
                        _ => event.draft.start.end_minute(),
                    },
                };
                if let Some(id) = pending.id {
                    self.ids.insert(id, span);
                }
                self.previous_end = Some(span.end);
                self.parsed.document.push_placed(event, &pending.lane);
            }
            Err(error) => self.parsed.invalid.push(Problem::new(
                place,
                format!("{}: {}", error.field, error.message),
            )),
        }
    }
}

#[derive(Clone, Debug)]
enum Container {
    Group(String),
    Section(String),
    Heading(usize, String),
}

impl Container {
    fn name(&self) -> &str {
        match self {
            Container::Group(name) | Container::Section(name) | Container::Heading(_, name) => name,
        }
    }
}

/// `group NAME`, `section NAME`: the keyword and the name without tags.
fn opening<'a>(line: &'a str, keyword: &str) -> Option<&'a str> {
    let head = line.get(..keyword.len())?;
    if !head.eq_ignore_ascii_case(keyword) {
        return None;
    }
    let rest = &line[keyword.len()..];
    (rest.is_empty() || rest.starts_with(char::is_whitespace)).then(|| rest.trim())
}

fn lane_name(name: &str, fallback: &str) -> String {
    let (name, _) = tags(name);
    validate_lane_name(&name).unwrap_or_else(|_| fallback.to_owned())
}

pub fn parse(text: &str, options: &ParseOptions) -> Parsed {
    let mut state = State {
        options,
        parsed: Parsed {
            document: Document::single(TimelineDraft::new(&options.fallback_title)),
            ..Parsed::default()
        },
        ids: BTreeMap::new(),
        previous_end: None,
        pending: None,
    };
    let mut header: BTreeMap<String, String> = BTreeMap::new();
    let mut in_header = true;
    let mut front_matter = false;
    let mut stack: Vec<Container> = Vec::new();
    let mut events_started = false;
    for (index, raw) in text.lines().enumerate() {
        let number = index as u64 + 1;
        let line = raw.trim();
        if in_header && line == "---" {
            front_matter = !front_matter;
            if !front_matter {
                in_header = false;
            }
            continue;
        }
        if line.starts_with("//") {
            continue;
        }
        let event = if line.is_empty() {
            None
        } else {
            split_event(line)
        };
        let structural = event.is_some()
            || opening(line, "group").is_some()
            || opening(line, "section").is_some()
            || line.eq_ignore_ascii_case("endgroup")
            || line.eq_ignore_ascii_case("endsection")
            || heading(line).is_some();
        if in_header && !front_matter && structural {
            in_header = false;
        }
        if in_header {
            if !raw.starts_with(char::is_whitespace)
                && let Some((key, value)) = line.split_once(':')
                && !key.starts_with('#')
            {
                header.insert(key.trim().to_ascii_lowercase(), value.trim().to_owned());
            }
            continue;
        }
        if !structural {
            if let Some(pending) = &mut state.pending {
                let property = line.split_once(':').filter(|(key, _)| {
                    !key.is_empty()
                        && key
                            .chars()
                            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
                });
                match property {
                    Some((key, value)) if pending.in_properties => {
                        if key == "id" {
                            pending.id = Some(value.trim().to_owned());
                        }
                    }
                    _ => {
                        pending.in_properties = false;
                        pending.description.push(raw.trim_end().to_owned());
                    }
                }
            } else if !line.is_empty() && events_started {
                state
                    .parsed
                    .warnings
                    .push(Problem::line(number, "text outside any event is ignored"));
            }
            continue;
        }
        state.finish_pending();
        events_started = true;
        if let Some(name) = opening(line, "group") {
            stack.push(Container::Group(lane_name(name, "Group")));
            continue;
        }
        if let Some(name) = opening(line, "section") {
            stack.push(Container::Section(lane_name(name, "Section")));
            continue;
        }
        if line.eq_ignore_ascii_case("endgroup") {
            if let Some(at) = stack.iter().rposition(|c| matches!(c, Container::Group(_))) {
                stack.truncate(at);
            }
            continue;
        }
        if line.eq_ignore_ascii_case("endsection") {
            if let Some(at) = stack
                .iter()
                .rposition(|c| matches!(c, Container::Section(_)))
            {
                stack.truncate(at);
            }
            continue;
        }
        if let Some((level, name)) = heading(line) {
            while stack
                .last()
                .is_some_and(|c| matches!(c, Container::Heading(l, _) if *l >= level))
            {
                stack.pop();
            }
            stack.push(Container::Heading(level, lane_name(name, "Section")));
            continue;
        }
        let place = Place::Line {
            line: number,
            column: Some(1),
        };
        let (at, (start, end), recurring) = match event {
            Some(Ok(event)) => event,
            Some(Err(message)) => {
                state.parsed.invalid.push(Problem::new(place, message));
                continue;
            }
            None => continue,
        };
        if recurring {
            state.parsed.warnings.push(Problem::line(
                number,
                "recurrence is not repeated: the event is its first occurrence",
            ));
        }
        let resolved = state.start(&start).and_then(|start_date| {
            let end = match &end {
                None => EventEnd::Point,
                Some(end) => EventEnd::Until(state.end(end, start_date)?),
            };
            Ok((start_date, end))
        });
        let (start, end) = match resolved {
            Ok(resolved) => resolved,
            Err(message) => {
                state.parsed.invalid.push(Problem::new(place, message));
                continue;
            }
        };
        let (title, tags) = tags(line[at + 1..].trim());
        let title = if title.is_empty() {
            state.parsed.warnings.push(Problem::line(
                number,
                "no title: the event is titled \"(untitled)\"",
            ));
            "(untitled)".to_owned()
        } else {
            title
        };
        state.pending = Some(Pending {
            line: number,
            start,
            end,
            title,
            tags,
            id: None,
            description: Vec::new(),
            in_properties: true,
            lane: stack
                .last()
                .map_or(DEFAULT_LANE, Container::name)
                .to_owned(),
        });
    }
    state.finish_pending();
    let title = header
        .get("title")
        .filter(|t| validate_lane_name(t).is_ok())
        .cloned()
        .unwrap_or_else(|| options.fallback_title.clone());
    let mut timeline = TimelineDraft::new(&title);
    timeline.description = header.get("description").cloned().unwrap_or_default();
    let mut document = Document::single(timeline);
    let events = std::mem::take(&mut state.parsed.document);
    document.events = events.events;
    if let Some(read) = events.timelines.into_iter().next() {
        document.timelines[0].lanes = read.lanes;
        document.timelines[0].placements = read.placements;
    }
    if document.timelines[0].lanes.is_empty() {
        document.timelines[0].lane_index(DEFAULT_LANE);
    }
    Parsed {
        document,
        ..state.parsed
    }
}

/// A Markdown heading: `# Name` is level 1.
fn heading(line: &str) -> Option<(usize, &str)> {
    let level = line.chars().take_while(|c| *c == '#').count();
    let rest = &line[level..];
    (level > 0 && rest.starts_with(' ')).then(|| (level, rest.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn options() -> ParseOptions {
        ParseOptions {
            fallback_title: "Untitled".to_owned(),
            today: Some(Date::day(2026, 1, 15).unwrap()),
        }
    }

    fn edtf(event: &EventDoc) -> (String, Option<String>) {
        let end = match event.draft.end {
            EventEnd::Until(end) => Some(end.to_edtf()),
            _ => None,
        };
        (event.draft.start.to_edtf(), end)
    }

    #[test]
    fn ranges_durations_and_references_resolve() {
        let text = "title: Test\n\n2023-01/2023-03: A #x\n2023-04/4 months: B\n03/2023 - 1 year: C\nDec 7 1941: D\nid: d\n\nafter !d / 100 years: E\nafter !d 3 days: F\n09/09/1999: G\nnow: H\n";
        let parsed = parse(text, &options());
        assert_eq!(parsed.invalid, vec![], "{parsed:#?}");
        let events: Vec<_> = parsed.document.events.iter().map(edtf).collect();
        let s = |t: &str| t.to_owned();
        assert_eq!(
            events,
            vec![
                (s("2023-01"), Some(s("2023-03"))),
                (s("2023-04"), Some(s("2023-07"))),
                (s("2023-03"), Some(s("2024-02"))),
                (s("1941-12-07"), None),
                (s("1941-12-08"), Some(s("2041-12-07"))),
                (s("1941-12-11"), None),
                (s("1999-09-09"), None),
                (s("2026-01-15"), None),
            ]
        );
        assert_eq!(parsed.document.events[0].draft.tags, ["x"]);
        assert_eq!(parsed.document.timelines[0].draft.title, "Test");
    }

    #[test]
    fn a_bad_date_is_an_invalid_event_not_text() {
        let parsed = parse("2023-13-01: Month 13\n2023-02-30: Day 30\n", &options());
        assert_eq!(parsed.invalid.len(), 2, "{parsed:#?}");
        assert!(parsed.document.events.is_empty());
        let parsed = parse("after !missing: x\n", &options());
        assert!(parsed.invalid[0].message.contains("missing"));
    }
}
