//! TimelineJS (Knight Lab): its JSON and its 18-column spreadsheet CSV.
//!
//! A date is a set of parts (year, month, day, hour, minute); the parts
//! given are its precision. TimelineJS years have no year 0: -1 is 1 BCE,
//! Tideline's astronomical year 0. A display date that names a half or a
//! quarter, or that qualifies the date ("c. 2021"), gives the date that
//! precision or qualifier; any other display date is kept as text. Groups
//! are lanes, eras are shaded spans, the title slide is the timeline's
//! title and description.

use serde_json::{Map, Value, json};
use tideline_model::timeline::validate_lane_name;
use tideline_model::{
    AnnotationTarget, Date, EventDraft, EventEnd, EventKind, Precision, TimelineDraft,
    ValidationError,
};

use crate::document::{
    AnnotationDoc, DEFAULT_LANE, Document, EventDoc, Media, TargetDoc, TimelineDoc,
};
use crate::json::{Object, index_path, key_path};
use crate::problem::{Place, Problem};
use crate::{ParseOptions, Parsed, collect};

/// The spreadsheet's columns, in the template's order.
pub const CSV_COLUMNS: [&str; 18] = [
    "Year",
    "Month",
    "Day",
    "Time",
    "End Year",
    "End Month",
    "End Day",
    "End Time",
    "Display Date",
    "Headline",
    "Text",
    "Media",
    "Media Credit",
    "Media Caption",
    "Media Thumbnail",
    "Type",
    "Group",
    "Background",
];

/// A date as TimelineJS writes it, part by part.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Parts {
    pub year: Option<i64>,
    pub month: Option<i64>,
    pub day: Option<i64>,
    pub hour: Option<i64>,
    pub minute: Option<i64>,
}

impl Parts {
    fn is_empty(&self) -> bool {
        *self == Parts::default()
    }
}

/// The date the parts give: the finest part given is its precision.
/// An error names the part at fault.
pub fn date_of(parts: Parts) -> Result<Date, (&'static str, String)> {
    let year = parts
        .year
        .ok_or(("year", "a date needs a year".to_owned()))?;
    if year == 0 {
        return Err(("year", "TimelineJS has no year 0 (1 BCE is -1)".to_owned()));
    }
    let astronomical = if year < 0 { year + 1 } else { year };
    let year = i32::try_from(astronomical)
        .ok()
        .filter(|y| (-9999..=9999).contains(y))
        .ok_or_else(|| {
            (
                "year",
                format!("{year} is outside the years Tideline supports (10000 BCE to 9999)"),
            )
        })?;
    let in_range =
        |part: &'static str, value: i64, range: std::ops::RangeInclusive<i64>, what: &str| {
            if range.contains(&value) {
                Ok(value as u8)
            } else {
                Err((part, format!("{value} is not {what}")))
            }
        };
    let unplaced =
        |part: &'static str| move |error: tideline_model::DateParseError| (part, error.message);
    let Some(month) = parts.month else {
        if parts.day.is_some() {
            return Err(("day", "a day needs a month".to_owned()));
        }
        if parts.hour.is_some() || parts.minute.is_some() {
            return Err(("hour", "a time needs a day".to_owned()));
        }
        return Date::year(year).map_err(unplaced("year"));
    };
    let month = in_range("month", month, 1..=12, "a month (1 to 12)")?;
    let Some(day) = parts.day else {
        if parts.hour.is_some() || parts.minute.is_some() {
            return Err(("hour", "a time needs a day".to_owned()));
        }
        return Date::month(year, month).map_err(unplaced("month"));
    };
    let day = in_range("day", day, 1..=31, "a day of a month (1 to 31)")?;
    let date = Date::day(year, month, day).map_err(unplaced("day"))?;
    match (parts.hour, parts.minute) {
        (None, None) => Ok(date),
        (hour, minute) => {
            let hour = in_range("hour", hour.unwrap_or(0), 0..=23, "an hour (0 to 23)")?;
            let minute = in_range("minute", minute.unwrap_or(0), 0..=59, "a minute (0 to 59)")?;
            Date::minute(year, month, day, hour, minute, 0).map_err(unplaced("hour"))
        }
    }
}

/// The parts TimelineJS writes for `date` (halves and quarters as their
/// first month; a minute in its own offset's wall-clock time).
pub fn parts_of(date: Date) -> Parts {
    let year = i64::from(date.year_value());
    let year = if year <= 0 { year - 1 } else { year };
    let month = (date.precision() >= Precision::Half).then(|| i64::from(date.month_value()));
    let day = (date.precision() >= Precision::Day).then(|| i64::from(date.day_value()));
    let (hour, minute) = if date.precision() == Precision::Minute {
        let edtf = date.to_edtf();
        let time = edtf.split_once('T').map_or("", |(_, time)| time);
        let hour = time.get(0..2).and_then(|h| h.parse().ok());
        let minute = time.get(3..5).and_then(|m| m.parse().ok());
        (hour, minute)
    } else {
        (None, None)
    };
    Parts {
        year: Some(year),
        month,
        day,
        hour,
        minute,
    }
}

/// A date and its display text: a display date that names the same start
/// more coarsely as a half or quarter, or with a qualifier, becomes the
/// date and is not kept as text.
fn with_display(date: Date, display: &str) -> (Date, String) {
    let display = display.trim();
    if let Ok(shown) = Date::parse(display)
        && shown.start_minute() == date.start_minute()
    {
        let coarser = date.precision() == Precision::Month
            && matches!(shown.precision(), Precision::Half | Precision::Quarter);
        let qualified =
            shown.precision() == date.precision() && (shown.approximate() || shown.uncertain());
        if coarser || qualified {
            return (shown, String::new());
        }
    }
    (date, display.to_owned())
}

/// The display date TimelineJS should show for `date`: the stored one, or
/// Tideline's own label where TimelineJS's parts cannot say it.
fn display_of(date: Date, stored: &str) -> String {
    if !stored.is_empty() {
        return stored.to_owned();
    }
    let exact = matches!(
        date.precision(),
        Precision::Year | Precision::Month | Precision::Day | Precision::Minute
    );
    if exact && !date.approximate() && !date.uncertain() {
        String::new()
    } else {
        date.display()
    }
}

/// A headline as a one-line title: line breaks become spaces. Markup stays.
fn headline_title(headline: &str) -> String {
    headline
        .split(['\r', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// What one slide (an event row or object) holds, before checking.
struct Slide {
    start: Parts,
    end: Parts,
    display: String,
    headline: String,
    text: String,
    media: Media,
    group: String,
}

/// Names the places of a slide's fields: JSON paths or CSV columns.
trait Places {
    fn place(&self, field: &str) -> Place;
}

struct JsonPlaces<'a>(&'a str);

impl Places for JsonPlaces<'_> {
    fn place(&self, field: &str) -> Place {
        let relative = match field {
            "title" => "text.headline",
            "description" => "text.text",
            "group" => "group",
            "display date" => "start_date.display_date",
            "media url" => "media.url",
            "media credit" => "media.credit",
            "media caption" => "media.caption",
            "media thumbnail" => "media.thumbnail",
            "end" => "end_date",
            other => other,
        };
        Place::Path(key_path(self.0, relative))
    }
}

struct CsvPlaces(u64);

impl Places for CsvPlaces {
    fn place(&self, _field: &str) -> Place {
        Place::Line {
            line: self.0,
            column: None,
        }
    }
}

/// A CSV problem names the column, since the place is only a line.
fn column_label(field: &str) -> &str {
    match field {
        "start.year" => "Year",
        "start.month" => "Month",
        "start.day" => "Day",
        "start.hour" | "start.minute" => "Time",
        "end.year" => "End Year",
        "end.month" => "End Month",
        "end.day" => "End Day",
        "end.hour" | "end.minute" | "end" => "End Time",
        "title" => "Headline",
        "description" => "Text",
        "group" => "Group",
        "display date" => "Display Date",
        "media url" => "Media",
        "media credit" => "Media Credit",
        "media caption" => "Media Caption",
        "media thumbnail" => "Media Thumbnail",
        other => other,
    }
}

impl Slide {
    /// The event this slide stands for and its lane, or every problem.
    fn event(
        self,
        places: &dyn Places,
        csv: bool,
        warnings: &mut Vec<Problem>,
    ) -> Result<(EventDoc, String), Vec<Problem>> {
        let mut problems = Vec::new();
        let mut problem = |field: &str, message: String| {
            let message = if csv {
                format!("{}: {message}", column_label(field))
            } else {
                message
            };
            let place = match field.split_once('.') {
                Some((end, part)) if !csv => places.place(&format!(
                    "{}_date.{part}",
                    if end == "start" { "start" } else { "end" }
                )),
                _ => places.place(field),
            };
            problems.push(Problem::new(place, message));
        };
        let start = match date_of(self.start) {
            Ok(date) => Some(with_display(date, &self.display)),
            Err((part, message)) => {
                problem(&format!("start.{part}"), message);
                None
            }
        };
        let end = if self.end.is_empty() {
            Some(None)
        } else {
            match date_of(self.end) {
                Ok(date) => Some(Some(date)),
                Err((part, message)) => {
                    problem(&format!("end.{part}"), message);
                    None
                }
            }
        };
        let group = self.group.trim();
        let lane = if group.is_empty() {
            Some(DEFAULT_LANE.to_owned())
        } else {
            match validate_lane_name(group) {
                Ok(lane) => Some(lane),
                Err(error) => {
                    problem("group", error.message);
                    None
                }
            }
        };
        let mut title = headline_title(&self.headline);
        if title.is_empty() {
            title = "(untitled)".to_owned();
            warnings.push(Problem::new(
                places.place("title"),
                "no headline: the event is titled \"(untitled)\"",
            ));
        }
        let (Some((start, display)), Some(end), Some(lane)) = (start, end, lane) else {
            return Err(problems);
        };
        let draft = EventDraft {
            description: self.text,
            end: end.map_or(EventEnd::Point, EventEnd::Until),
            ..EventDraft::new(&title, start, EventKind::Other)
        };
        match EventDoc::new(draft, &display, Some(self.media)) {
            Ok(event) => Ok((event, lane)),
            Err(ValidationError { field, message }) => {
                problem(field, message);
                Err(problems)
            }
        }
    }
}

/// An era or title slide's text: its headline, else its text.
fn era_text(headline: &str, text: &str) -> String {
    let headline = headline_title(headline);
    if headline.is_empty() {
        text.trim().to_owned()
    } else {
        headline
    }
}

fn era(start: Parts, end: Parts, text: String) -> Result<AnnotationDoc, (&'static str, String)> {
    let start = date_of(start).map_err(|(_, m)| ("start", m))?;
    let end = date_of(end).map_err(|(_, m)| ("end", m))?;
    let text = if text.is_empty() {
        "Era".to_owned()
    } else {
        text
    };
    tideline_model::timeline::validate_annotation_text(&text).map_err(|e| ("text", e.message))?;
    AnnotationTarget::Span { start, end }
        .validate()
        .map_err(|e| ("end", e.message))?;
    Ok(AnnotationDoc {
        text,
        target: TargetDoc::Span { start, end },
    })
}

fn timeline_draft(headline: &str, text: &str, options: &ParseOptions) -> TimelineDraft {
    let title = headline_title(headline);
    let title = if title.is_empty() || title.chars().count() > 300 {
        options.fallback_title.clone()
    } else {
        title
    };
    TimelineDraft {
        description: text.to_owned(),
        ..TimelineDraft::new(&title)
    }
}

// JSON.

fn json_parts(value: Option<&Value>, path: &str) -> Result<(Parts, String), Vec<Problem>> {
    let Some(value) = value else {
        return Ok((Parts::default(), String::new()));
    };
    let object = Object::of(value, path).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let mut part = |key: &str| match object.integer(key) {
        Ok(value) => value,
        Err(problem) => {
            problems.push(problem);
            None
        }
    };
    let parts = Parts {
        year: part("year"),
        month: part("month"),
        day: part("day"),
        hour: part("hour"),
        minute: part("minute"),
    };
    let display = object.text("display_date").unwrap_or_else(|problem| {
        problems.push(problem);
        String::new()
    });
    if problems.is_empty() {
        Ok((parts, display))
    } else {
        Err(problems)
    }
}

/// Reads a slide object at `path`; every field's type is checked.
fn json_slide(value: &Value, path: &str) -> Result<Slide, Vec<Problem>> {
    let object = Object::of(value, path).map_err(|p| vec![p])?;
    let mut problems = Vec::new();
    let start = json_parts(object.get("start_date"), &object.path_of("start_date"));
    let end = json_parts(object.get("end_date"), &object.path_of("end_date"));
    let mut text = |parent: &str, key: &str| -> String {
        let Some(value) = object.get(parent) else {
            return String::new();
        };
        let parent_path = object.path_of(parent);
        match Object::of(value, &parent_path).and_then(|o| o.text(key)) {
            Ok(text) => text,
            Err(problem) => {
                problems.push(problem);
                String::new()
            }
        }
    };
    let headline = text("text", "headline");
    let body = text("text", "text");
    let media = Media {
        url: text("media", "url"),
        credit: text("media", "credit"),
        caption: text("media", "caption"),
        thumbnail: text("media", "thumbnail"),
    };
    let group = object.text("group").unwrap_or_else(|problem| {
        problems.push(problem);
        String::new()
    });
    let ((start, display), (end, _)) = match (start, end) {
        (Ok(start), Ok(end)) if problems.is_empty() => (start, end),
        (start, end) => {
            problems.extend(start.err().into_iter().flatten());
            problems.extend(end.err().into_iter().flatten());
            return Err(problems);
        }
    };
    Ok(Slide {
        start,
        end,
        display,
        headline,
        text: body,
        media,
        group,
    })
}

pub fn parse_json(text: &str, options: &ParseOptions) -> Parsed {
    let root = match crate::json::parse(text) {
        Ok(root) => root,
        Err(problem) => return Parsed::failed(problem),
    };
    let object = match Object::of(&root, "") {
        Ok(object) => object,
        Err(problem) => return Parsed::failed(problem),
    };
    let events = match object.array("events") {
        Ok(events) if object.get("events").is_some() || object.get("title").is_some() => events,
        Ok(_) => {
            return Parsed::failed(Problem::path(
                "",
                "no \"events\" list: this is not a TimelineJS timeline",
            ));
        }
        Err(problem) => return Parsed::failed(problem),
    };
    let mut parsed = Parsed::default();
    let (headline, description) = match object.get("title") {
        Some(title) => match json_slide(title, "title") {
            Ok(slide) => (slide.headline, slide.text),
            Err(problems) => {
                parsed.invalid.extend(problems);
                (String::new(), String::new())
            }
        },
        None => (String::new(), String::new()),
    };
    parsed.document = Document::single(timeline_draft(&headline, &description, options));
    for (index, value) in events.iter().enumerate() {
        let path = index_path("events", index);
        let event = json_slide(value, &path)
            .and_then(|slide| slide.event(&JsonPlaces(&path), false, &mut parsed.warnings));
        if let Some((event, lane)) = collect(event, &mut parsed.invalid) {
            parsed.document.push_placed(event, &lane);
        }
    }
    match object.array("eras") {
        Ok(eras) => {
            for (index, value) in eras.iter().enumerate() {
                let path = index_path("eras", index);
                let era = json_slide(value, &path).and_then(|slide| {
                    era(
                        slide.start,
                        slide.end,
                        era_text(&slide.headline, &slide.text),
                    )
                    .map_err(|(field, message)| {
                        let field = match field {
                            "start" => "start_date",
                            "end" => "end_date",
                            _ => "text.headline",
                        };
                        vec![Problem::path(&key_path(&path, field), message)]
                    })
                });
                if let Some(era) = collect(era, &mut parsed.invalid) {
                    parsed.document.timelines[0].annotations.push(era);
                }
            }
        }
        Err(problem) => parsed.invalid.push(problem),
    }
    finish(&mut parsed.document);
    parsed
}

/// A timeline always has a lane.
fn finish(document: &mut Document) {
    for timeline in &mut document.timelines {
        if timeline.lanes.is_empty() {
            timeline.lane_index(DEFAULT_LANE);
        }
    }
}

fn parts_json(parts: Parts, display: &str) -> Value {
    let mut map = Map::new();
    for (key, value) in [
        ("year", parts.year),
        ("month", parts.month),
        ("day", parts.day),
        ("hour", parts.hour),
        ("minute", parts.minute),
    ] {
        if let Some(value) = value {
            map.insert(key.to_owned(), json!(value));
        }
    }
    if !display.is_empty() {
        map.insert("display_date".to_owned(), json!(display));
    }
    Value::Object(map)
}

/// The lane name written as a group: none when the timeline has only the
/// default lane.
fn group_of(timeline: &TimelineDoc, lane: usize) -> String {
    let name = timeline
        .lanes
        .get(lane)
        .map_or("", |lane| lane.name.as_str());
    if timeline.lanes.len() == 1 && name == DEFAULT_LANE {
        String::new()
    } else {
        name.to_owned()
    }
}

/// The first timeline's placed events, in placement order, with their groups.
fn slides(document: &Document) -> Vec<(&EventDoc, String)> {
    let Some(timeline) = document.timelines.first() else {
        return document
            .events
            .iter()
            .map(|event| (event, String::new()))
            .collect();
    };
    let keyed = document.keyed();
    timeline
        .placements
        .iter()
        .filter_map(|placement| {
            let event = keyed.event(&placement.event)?;
            Some((event, group_of(timeline, placement.lane)))
        })
        .collect()
}

fn eras(document: &Document) -> Vec<(Date, Date, &str)> {
    document
        .timelines
        .first()
        .map(|timeline| {
            timeline
                .annotations
                .iter()
                .filter_map(|annotation| match annotation.target {
                    TargetDoc::Span { start, end } => Some((start, end, annotation.text.as_str())),
                    _ => None,
                })
                .collect()
        })
        .unwrap_or_default()
}

pub fn write_json(document: &Document) -> Vec<u8> {
    let (title, description) = document
        .timelines
        .first()
        .map(|t| (t.draft.title.as_str(), t.draft.description.as_str()))
        .unwrap_or_default();
    let events: Vec<Value> = slides(document)
        .into_iter()
        .map(|(event, group)| {
            let mut map = Map::new();
            let start = event.draft.start;
            map.insert(
                "start_date".to_owned(),
                parts_json(parts_of(start), &display_of(start, &event.display_date)),
            );
            if let EventEnd::Until(end) = event.draft.end {
                map.insert(
                    "end_date".to_owned(),
                    parts_json(parts_of(end), &display_of(end, "")),
                );
            }
            map.insert(
                "text".to_owned(),
                json!({"headline": event.draft.title, "text": event.draft.description}),
            );
            if !group.is_empty() {
                map.insert("group".to_owned(), json!(group));
            }
            if let Some(media) = &event.media {
                map.insert("media".to_owned(), json!(media));
            }
            map.insert("unique_id".to_owned(), json!(event.key));
            Value::Object(map)
        })
        .collect();
    let eras: Vec<Value> = eras(document)
        .into_iter()
        .map(|(start, end, text)| {
            json!({
                "start_date": parts_json(parts_of(start), &display_of(start, "")),
                "end_date": parts_json(parts_of(end), &display_of(end, "")),
                "text": {"headline": text},
            })
        })
        .collect();
    let mut root = json!({
        "title": {"text": {"headline": title, "text": description}},
        "events": events,
    });
    if !eras.is_empty() {
        root["eras"] = Value::Array(eras);
    }
    let mut out = serde_json::to_vec_pretty(&root).unwrap_or_default();
    out.push(b'\n');
    out
}

// CSV.

/// "14:30", "14:30:15", "2:30 PM" or "2 pm" as an hour and a minute.
fn parse_time(text: &str) -> Result<(i64, i64), String> {
    let lower = text.trim().to_ascii_lowercase();
    let (clock, pm) = if let Some(clock) = lower.strip_suffix("pm") {
        (clock.trim(), Some(true))
    } else if let Some(clock) = lower.strip_suffix("am") {
        (clock.trim(), Some(false))
    } else {
        (lower.as_str(), None)
    };
    let mut pieces = clock.split(':');
    let number = |piece: Option<&str>| -> Result<i64, String> {
        piece
            .map(str::trim)
            .filter(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
            .map(|p| p.parse::<i64>().unwrap_or(0))
            .ok_or_else(|| format!("{text:?} is not a time like 14:30"))
    };
    let mut hour = number(pieces.next())?;
    let minute = match pieces.next() {
        Some(minute) => number(Some(minute))?,
        None => 0,
    };
    if let Some(seconds) = pieces.next() {
        number(Some(seconds))?;
    }
    if pieces.next().is_some() {
        return Err(format!("{text:?} is not a time like 14:30"));
    }
    match pm {
        Some(_) if !(1..=12).contains(&hour) => {
            return Err(format!("{text:?} is not a time like 2:30 PM"));
        }
        Some(true) if hour != 12 => hour += 12,
        Some(false) if hour == 12 => hour = 0,
        _ => {}
    }
    Ok((hour, minute))
}

/// The parts in a row's date columns; a cell that is not a number is a
/// problem naming its column.
fn csv_parts(cells: [&str; 4], labels: [&str; 4], problems: &mut Vec<String>) -> Parts {
    let mut number = |cell: &str, label: &str| -> Option<i64> {
        let cell = cell.trim();
        if cell.is_empty() {
            return None;
        }
        match cell.parse::<i64>() {
            Ok(value) => Some(value),
            Err(_) => {
                problems.push(format!("{label}: {cell:?} is not a whole number"));
                None
            }
        }
    };
    let year = number(cells[0], labels[0]);
    let month = number(cells[1], labels[1]);
    let day = number(cells[2], labels[2]);
    let (hour, minute) = if cells[3].trim().is_empty() {
        (None, None)
    } else {
        match parse_time(cells[3]) {
            Ok((hour, minute)) => (Some(hour), Some(minute)),
            Err(message) => {
                problems.push(format!("{}: {message}", labels[3]));
                (None, None)
            }
        }
    };
    Parts {
        year,
        month,
        day,
        hour,
        minute,
    }
}

pub fn parse_csv(text: &str, options: &ParseOptions) -> Parsed {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(error)) => return Parsed::failed(csv_error(&error)),
        None => return Parsed::failed(Problem::new(Place::File, "the file is empty")),
    };
    let index: Vec<Option<usize>> = CSV_COLUMNS
        .iter()
        .map(|column| {
            header
                .iter()
                .position(|name| name.trim().eq_ignore_ascii_case(column))
        })
        .collect();
    if index[0].is_none() || index[9].is_none() {
        return Parsed::failed(Problem::line(
            1,
            format!(
                "the header has no Year or Headline column: a TimelineJS sheet starts with {}",
                CSV_COLUMNS.join(",")
            ),
        ));
    }
    let mut parsed = Parsed::default();
    let mut title: Option<(String, String)> = None;
    let mut events = Vec::new();
    let mut eras = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                parsed.errors.push(csv_error(&error));
                return Parsed {
                    document: Document::default(),
                    ..parsed
                };
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |column: usize| index[column].and_then(|i| record.get(i)).unwrap_or("");
        let mut problems = Vec::new();
        let start = csv_parts(
            [cell(0), cell(1), cell(2), cell(3)],
            ["Year", "Month", "Day", "Time"],
            &mut problems,
        );
        let end = csv_parts(
            [cell(4), cell(5), cell(6), cell(7)],
            ["End Year", "End Month", "End Day", "End Time"],
            &mut problems,
        );
        let kind = cell(15).trim().to_ascii_lowercase();
        if !problems.is_empty() {
            parsed.invalid.extend(
                problems
                    .into_iter()
                    .map(|message| Problem::line(line, message)),
            );
            continue;
        }
        match kind.as_str() {
            "title" => {
                if title.is_some() {
                    parsed.warnings.push(Problem::line(
                        line,
                        "a second title row: only the first one titles the timeline",
                    ));
                } else {
                    title = Some((cell(9).to_owned(), cell(10).to_owned()));
                }
            }
            "era" => match era(start, end, era_text(cell(9), cell(10))) {
                Ok(era) => eras.push(era),
                Err((field, message)) => {
                    let label = match field {
                        "start" => "Year",
                        "end" => "End Year",
                        _ => "Headline",
                    };
                    parsed
                        .invalid
                        .push(Problem::line(line, format!("{label}: {message}")));
                }
            },
            _ => {
                let slide = Slide {
                    start,
                    end,
                    display: cell(8).to_owned(),
                    headline: cell(9).to_owned(),
                    text: cell(10).to_owned(),
                    media: Media {
                        url: cell(11).to_owned(),
                        credit: cell(12).to_owned(),
                        caption: cell(13).to_owned(),
                        thumbnail: cell(14).to_owned(),
                    },
                    group: cell(16).to_owned(),
                };
                let event = slide.event(&CsvPlaces(line), true, &mut parsed.warnings);
                if let Some(event) = collect(event, &mut parsed.invalid) {
                    events.push(event);
                }
            }
        }
    }
    let (headline, description) = title.unwrap_or_default();
    parsed.document = Document::single(timeline_draft(&headline, &description, options));
    for (event, lane) in events {
        parsed.document.push_placed(event, &lane);
    }
    parsed.document.timelines[0].annotations = eras;
    finish(&mut parsed.document);
    parsed
}

pub fn csv_error(error: &csv::Error) -> Problem {
    let line = error.position().map_or(0, |p| p.line());
    let message = match error.kind() {
        csv::ErrorKind::Utf8 { .. } => "the file is not UTF-8 text".to_owned(),
        _ => format!("not valid CSV: {error}"),
    };
    if line == 0 {
        Problem::new(Place::File, message)
    } else {
        Problem::line(line, message)
    }
}

fn cell(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn time_cell(parts: Parts) -> String {
    match parts.hour {
        Some(hour) => format!("{hour:02}:{:02}", parts.minute.unwrap_or(0)),
        None => String::new(),
    }
}

pub fn write_csv(document: &Document) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut rows: Vec<[String; 18]> = Vec::new();
    let (title, description) = document
        .timelines
        .first()
        .map(|t| (t.draft.title.clone(), t.draft.description.clone()))
        .unwrap_or_default();
    let mut title_row: [String; 18] = Default::default();
    title_row[9] = title;
    title_row[10] = description;
    title_row[15] = "title".to_owned();
    rows.push(title_row);
    for (event, group) in slides(document) {
        let start = parts_of(event.draft.start);
        let end = match event.draft.end {
            EventEnd::Until(end) => parts_of(end),
            _ => Parts::default(),
        };
        let media = event.media.clone().unwrap_or_default();
        rows.push([
            cell(start.year),
            cell(start.month),
            cell(start.day),
            time_cell(start),
            cell(end.year),
            cell(end.month),
            cell(end.day),
            time_cell(end),
            display_of(event.draft.start, &event.display_date),
            event.draft.title.clone(),
            event.draft.description.clone(),
            media.url,
            media.credit,
            media.caption,
            media.thumbnail,
            String::new(),
            group,
            String::new(),
        ]);
    }
    for (start, end, text) in eras(document) {
        let (start, end) = (parts_of(start), parts_of(end));
        let mut row: [String; 18] = Default::default();
        row[0] = cell(start.year);
        row[1] = cell(start.month);
        row[2] = cell(start.day);
        row[4] = cell(end.year);
        row[5] = cell(end.month);
        row[6] = cell(end.day);
        row[9] = text.to_owned();
        row[15] = "era".to_owned();
        rows.push(row);
    }
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(CSV_COLUMNS);
    for row in &rows {
        let _ = writer.write_record(row);
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(year: i64, month: Option<i64>, day: Option<i64>) -> Parts {
        Parts {
            year: Some(year),
            month,
            day,
            ..Parts::default()
        }
    }

    #[test]
    fn the_parts_given_are_the_precision() {
        assert_eq!(date_of(parts(2019, None, None)).unwrap().to_edtf(), "2019");
        assert_eq!(
            date_of(parts(2019, Some(7), None)).unwrap().to_edtf(),
            "2019-07"
        );
        assert_eq!(
            date_of(parts(2019, Some(7), Some(22))).unwrap().to_edtf(),
            "2019-07-22"
        );
        assert_eq!(date_of(parts(-44, None, None)).unwrap().to_edtf(), "-0043");
        assert_eq!(date_of(parts(0, None, None)).unwrap_err().0, "year");
        assert_eq!(date_of(parts(2019, Some(13), None)).unwrap_err().0, "month");
        assert_eq!(
            date_of(parts(2019, Some(1), Some(32))).unwrap_err().0,
            "day"
        );
        assert_eq!(
            date_of(parts(2019, Some(2), Some(30))).unwrap_err().0,
            "day"
        );
        for date in [
            "2019",
            "-0043",
            "2019-07",
            "2019-07-22",
            "2019-07-22T14:30Z",
        ] {
            let date = Date::parse_edtf(date).unwrap();
            assert_eq!(date_of(parts_of(date)).unwrap(), date);
        }
    }

    #[test]
    fn display_dates_carry_halves_quarters_and_qualifiers() {
        let month = Date::parse_edtf("2024-01").unwrap();
        assert_eq!(with_display(month, "Q1 2024").0.to_edtf(), "2024-33");
        assert_eq!(with_display(month, "Q1 2024").1, "");
        assert_eq!(with_display(month, "Winter").1, "Winter");
        let year = Date::parse_edtf("2021").unwrap();
        assert_eq!(with_display(year, "c. 2021").0.to_edtf(), "2021~");
        assert_eq!(parse_time("2:30 PM").unwrap(), (14, 30));
        assert_eq!(parse_time("12:05:09").unwrap(), (12, 5));
        assert!(
            parse_time("25").is_ok(),
            "the hour is checked with the date"
        );
        assert!(parse_time("noon").is_err());
    }
}
