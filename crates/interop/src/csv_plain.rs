//! Plain CSV for spreadsheets: one event a row under a header naming the
//! columns `title, start, end, kind, confidence, lane, description,
//! source_url, source_title, quote` (any order; only `title` and `start` are
//! required). Dates are EDTF or the human forms ("Q1 2024", "c. 2021"); an
//! end of "ongoing" is a range still going on.

use std::collections::BTreeMap;

use tideline_model::timeline::validate_lane_name;
use tideline_model::{
    Confidence, Date, EventDraft, EventEnd, EventKind, SourceDraft, TimelineDraft,
};

use crate::document::{CitationDoc, DEFAULT_LANE, Document, EventDoc, SourceDoc};
use crate::problem::{Place, Problem};
use crate::timelinejs::csv_error;
use crate::{ParseOptions, Parsed};

/// The columns, in the order Tideline writes them.
pub const COLUMNS: [&str; 10] = [
    "title",
    "start",
    "end",
    "kind",
    "confidence",
    "lane",
    "description",
    "source_url",
    "source_title",
    "quote",
];

pub fn parse(text: &str, options: &ParseOptions) -> Parsed {
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
    let mut parsed = Parsed::default();
    let names: Vec<String> = header
        .iter()
        .map(|name| name.trim().to_ascii_lowercase().replace(' ', "_"))
        .collect();
    for (i, name) in names.iter().enumerate() {
        if !COLUMNS.contains(&name.as_str()) {
            parsed.warnings.push(Problem::new(
                Place::Line {
                    line: 1,
                    column: None,
                },
                format!(
                    "column {} ({:?}) is not one Tideline reads; it is ignored",
                    i + 1,
                    header.get(i).unwrap_or("")
                ),
            ));
        }
    }
    let index: Vec<Option<usize>> = COLUMNS
        .iter()
        .map(|column| names.iter().position(|name| name == column))
        .collect();
    if index[0].is_none() || index[1].is_none() {
        return Parsed::failed(Problem::line(
            1,
            format!(
                "the header needs a title and a start column; Tideline reads {}",
                COLUMNS.join(",")
            ),
        ));
    }
    parsed.document = Document::single(TimelineDraft::new(&options.fallback_title));
    let mut sources: BTreeMap<(String, String), String> = BTreeMap::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(error) => {
                return Parsed {
                    errors: vec![csv_error(&error)],
                    warnings: parsed.warnings,
                    ..Parsed::default()
                };
            }
        };
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let cell = |column: usize| {
            index[column]
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .trim()
        };
        match row(cell, line) {
            Ok((event, lane, source)) => {
                let mut event = event;
                if let Some((draft, quote)) = source {
                    let identity = (draft.url.clone(), draft.title.clone());
                    let key = match sources.get(&identity) {
                        Some(key) => key.clone(),
                        None => {
                            let key = format!("s{}", parsed.document.sources.len() + 1);
                            parsed.document.sources.push(SourceDoc {
                                key: key.clone(),
                                draft,
                            });
                            sources.insert(identity, key.clone());
                            key
                        }
                    };
                    event.citations.push(CitationDoc { source: key, quote });
                }
                parsed.document.push_placed(event, &lane);
            }
            Err(problems) => parsed.invalid.extend(problems),
        }
    }
    if parsed.document.timelines[0].lanes.is_empty() {
        parsed.document.timelines[0].lane_index(DEFAULT_LANE);
    }
    parsed
}

type Row = (EventDoc, String, Option<(SourceDraft, String)>);

fn row<'a>(cell: impl Fn(usize) -> &'a str, line: u64) -> Result<Row, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut problem = |column: &str, message: String| {
        problems.push(Problem::line(line, format!("{column}: {message}")));
    };
    let start = match Date::parse(cell(1)) {
        Ok(date) => Some(date),
        Err(error) if cell(1).is_empty() => {
            problem(
                "start",
                format!("a start date is required ({})", error.message),
            );
            None
        }
        Err(error) => {
            problem(
                "start",
                format!("{:?} is not a date: {}", cell(1), error.message),
            );
            None
        }
    };
    let end = match cell(2) {
        "" => Some(EventEnd::Point),
        ongoing if ongoing.eq_ignore_ascii_case("ongoing") => Some(EventEnd::Ongoing),
        text => match Date::parse(text) {
            Ok(date) => Some(EventEnd::Until(date)),
            Err(error) => {
                problem("end", format!("{text:?} is not a date: {}", error.message));
                None
            }
        },
    };
    let kind = match cell(3) {
        "" => Some(EventKind::Other),
        text => text
            .to_ascii_lowercase()
            .parse::<EventKind>()
            .map_err(|error| problem("kind", error.message))
            .ok(),
    };
    let confidence = match cell(4) {
        "" => Some(Confidence::Confirmed),
        text => text
            .to_ascii_lowercase()
            .parse::<Confidence>()
            .map_err(|error| problem("confidence", error.message))
            .ok(),
    };
    let lane = match cell(5) {
        "" => Some(DEFAULT_LANE.to_owned()),
        text => validate_lane_name(text)
            .map_err(|error| problem("lane", error.message))
            .ok(),
    };
    let source = match (cell(7), cell(8)) {
        ("", "") => Some(None),
        (url, title) => {
            let title = if title.is_empty() { url } else { title };
            let draft = SourceDraft {
                url: url.to_owned(),
                title: title.to_owned(),
                publisher: String::new(),
                author: String::new(),
                published: None,
                accessed: None,
                excerpt: String::new(),
                notes: String::new(),
            };
            let quote = tideline_model::source::validate_quote(cell(9))
                .map_err(|error| problem("quote", error.message))
                .ok();
            match draft.validate() {
                Ok(draft) => quote.map(|quote| Some((draft, quote))),
                Err(error) => {
                    problem(&format!("source_{}", error.field), error.message);
                    None
                }
            }
        }
    };
    if !cell(9).is_empty() && cell(7).is_empty() && cell(8).is_empty() {
        problem(
            "quote",
            "a quote needs a source_url or a source_title".to_owned(),
        );
    }
    let (Some(start), Some(end), Some(kind), Some(confidence), Some(lane), Some(source)) =
        (start, end, kind, confidence, lane, source)
    else {
        return Err(problems);
    };
    let draft = EventDraft {
        description: cell(6).to_owned(),
        end,
        confidence,
        ..EventDraft::new(cell(0), start, kind)
    };
    let event = EventDoc::new(draft, "", None);
    if let Err(error) = &event {
        problem(error.field, error.message.clone());
    }
    match event {
        Ok(event) if problems.is_empty() => Ok((event, lane, source)),
        _ => Err(problems),
    }
}

/// One row per event placed on the first timeline; an event citing several
/// sources is written with its first.
pub fn write(document: &Document) -> Vec<u8> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    // Writing to a Vec cannot fail.
    let _ = writer.write_record(COLUMNS);
    let Some(timeline) = document.timelines.first() else {
        return writer.into_inner().unwrap_or_default();
    };
    let keyed = document.keyed();
    for placement in &timeline.placements {
        let Some(event) = keyed.event(&placement.event) else {
            continue;
        };
        let draft = &event.draft;
        let end = match draft.end {
            EventEnd::Point => String::new(),
            EventEnd::Until(end) => end.to_edtf(),
            EventEnd::Ongoing => "ongoing".to_owned(),
        };
        let lane = timeline
            .lanes
            .get(placement.lane)
            .map_or("", |lane| lane.name.as_str());
        let citation = event.citations.first();
        let source = citation.and_then(|c| keyed.source(&c.source));
        let _ = writer.write_record([
            draft.title.as_str(),
            &draft.start.to_edtf(),
            &end,
            draft.kind.as_str(),
            draft.confidence.as_str(),
            lane,
            &draft.description,
            source.map_or("", |s| s.draft.url.as_str()),
            source.map_or("", |s| s.draft.title.as_str()),
            citation.map_or("", |c| c.quote.as_str()),
        ]);
    }
    writer.into_inner().unwrap_or_default()
}
