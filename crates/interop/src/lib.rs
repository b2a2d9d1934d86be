//! Tideline's file formats, read into and written from one neutral
//! [`Document`].
//!
//! In: TimelineJS JSON and its 18-column spreadsheet CSV, Markwhen `.mw`,
//! plain CSV with a header, and Tideline JSON. Out: Tideline JSON, TimelineJS
//! JSON, TimelineJS CSV and plain CSV. `docs/formats.md` maps every field.
//!
//! Reading never panics and never stops at the first problem: [`parse`]
//! returns what it could read with every [`Problem`], each with its place
//! (a line and column, a CSV line, or a JSON path). An event with a problem is
//! left out of the document and its problems are listed in
//! [`Parsed::invalid`]; a problem with the file as a whole (not UTF-8, not
//! JSON, no header) is in [`Parsed::errors`] and leaves the document empty.
//! Text is kept as text: markup in a headline is never interpreted.
//!
//! Invariant: no I/O and no SQL. Bytes in, bytes out; the store writes a
//! document into a workspace in one transaction (`tideline_store::transfer`).
//! Nothing reads the clock: Markwhen's `now` is [`ParseOptions::today`].

mod csv_plain;
mod document;
mod input;
mod json;
mod markwhen;
mod problem;
mod tideline;
mod timelinejs;

use serde::{Deserialize, Serialize};
use tideline_model::Date;
use ts_rs::TS;

pub use document::{
    AnnotationDoc, CitationDoc, ComparisonDoc, DEFAULT_LANE, Document, EventDoc, Keyed, LaneDoc,
    Media, PlacementDoc, SourceDoc, TargetDoc, TimelineDoc,
};
pub use problem::{Place, Problem};

/// A format Tideline reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ImportFormat {
    TimelinejsJson,
    TimelinejsCsv,
    Markwhen,
    Csv,
    TidelineJson,
}

/// A format Tideline writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "kebab-case")]
pub enum ExportFormat {
    TidelineJson,
    TimelinejsJson,
    TimelinejsCsv,
    Csv,
}

impl ImportFormat {
    pub const ALL: [ImportFormat; 5] = [
        ImportFormat::TimelinejsJson,
        ImportFormat::TimelinejsCsv,
        ImportFormat::Markwhen,
        ImportFormat::Csv,
        ImportFormat::TidelineJson,
    ];

    /// The identifier used by the CLI and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            ImportFormat::TimelinejsJson => "timelinejs-json",
            ImportFormat::TimelinejsCsv => "timelinejs-csv",
            ImportFormat::Markwhen => "markwhen",
            ImportFormat::Csv => "csv",
            ImportFormat::TidelineJson => "tideline-json",
        }
    }
}

impl ExportFormat {
    pub const ALL: [ExportFormat; 4] = [
        ExportFormat::TidelineJson,
        ExportFormat::TimelinejsJson,
        ExportFormat::TimelinejsCsv,
        ExportFormat::Csv,
    ];

    /// The identifier used by the CLI and the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            ExportFormat::TidelineJson => "tideline-json",
            ExportFormat::TimelinejsJson => "timelinejs-json",
            ExportFormat::TimelinejsCsv => "timelinejs-csv",
            ExportFormat::Csv => "csv",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::TidelineJson | ExportFormat::TimelinejsJson => "json",
            ExportFormat::TimelinejsCsv | ExportFormat::Csv => "csv",
        }
    }
}

/// What a parser needs besides the bytes.
#[derive(Clone, Debug, PartialEq)]
pub struct ParseOptions {
    /// The timeline's title when the file names none: usually the file's
    /// name without its extension.
    pub fallback_title: String,
    /// Today, for Markwhen's `now`; without it `now` is a problem.
    pub today: Option<Date>,
}

/// What a parser read: the document of every valid event, and what was wrong.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Parsed {
    pub document: Document,
    /// Problems with the file as a whole; the document is then empty.
    pub errors: Vec<Problem>,
    /// Problems of events (or rows, eras, annotations) left out of the document.
    pub invalid: Vec<Problem>,
    /// Things kept differently or dropped, which do not stop an import.
    pub warnings: Vec<Problem>,
}

impl Parsed {
    /// Every problem that stops a strict import: file errors, then invalid events.
    pub fn refusals(&self) -> impl Iterator<Item = &Problem> {
        self.errors.iter().chain(&self.invalid)
    }

    /// The problem that ends parsing of the whole file.
    fn failed(problem: Problem) -> Parsed {
        Parsed {
            errors: vec![problem],
            ..Parsed::default()
        }
    }
}

/// Reads `bytes` as `format`. Never panics; see the crate docs.
pub fn parse(bytes: &[u8], format: ImportFormat, options: &ParseOptions) -> Parsed {
    let text = match input::decode(bytes) {
        Ok(text) => text,
        Err(problem) => return Parsed::failed(problem),
    };
    match format {
        ImportFormat::TimelinejsJson => timelinejs::parse_json(text, options),
        ImportFormat::TimelinejsCsv => timelinejs::parse_csv(text, options),
        ImportFormat::Markwhen => markwhen::parse(text, options),
        ImportFormat::Csv => csv_plain::parse(text, options),
        ImportFormat::TidelineJson => tideline::parse(text),
    }
}

/// The format of a file from its name's extension and its first bytes:
/// `.mw` is Markwhen; JSON with a `"tideline"` version key is Tideline
/// JSON and other JSON TimelineJS; a CSV whose header has TimelineJS's
/// `Headline` column is TimelineJS CSV and other CSV plain CSV.
pub fn detect(file_name: &str, bytes: &[u8]) -> Option<ImportFormat> {
    let bytes = bytes.strip_prefix(input::BOM).unwrap_or(bytes);
    let extension = file_name
        .rsplit_once('.')
        .map(|(_, ext)| ext.to_ascii_lowercase())
        .unwrap_or_default();
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
    let first = head.trim_start().chars().next();
    let json = extension == "json" || matches!(first, Some('{'));
    if extension == "mw" || extension == "markwhen" {
        return Some(ImportFormat::Markwhen);
    }
    if json {
        return Some(if head.contains("\"tideline\"") {
            ImportFormat::TidelineJson
        } else {
            ImportFormat::TimelinejsJson
        });
    }
    let header = head.lines().next().unwrap_or("").to_ascii_lowercase();
    let csv = extension == "csv" || extension == "tsv" || header.contains(',');
    if csv {
        let columns: Vec<&str> = header
            .split(',')
            .map(|c| c.trim().trim_matches('"'))
            .collect();
        return Some(if columns.contains(&"headline") {
            ImportFormat::TimelinejsCsv
        } else {
            ImportFormat::Csv
        });
    }
    if extension == "txt" || extension.is_empty() {
        return Some(ImportFormat::Markwhen);
    }
    None
}

/// Writes `document` as `format`. Tideline JSON keeps everything; the other
/// formats write the document's first timeline and lose what they cannot
/// hold (see `docs/formats.md`).
pub fn write(document: &Document, format: ExportFormat) -> Vec<u8> {
    match format {
        ExportFormat::TidelineJson => tideline::write(document),
        ExportFormat::TimelinejsJson => timelinejs::write_json(document),
        ExportFormat::TimelinejsCsv => timelinejs::write_csv(document),
        ExportFormat::Csv => csv_plain::write(document),
    }
}

/// The value of one event's reading, or None with its problems added to `invalid`.
pub(crate) fn collect<T>(result: Result<T, Vec<Problem>>, invalid: &mut Vec<Problem>) -> Option<T> {
    match result {
        Ok(value) => Some(value),
        Err(problems) => {
            invalid.extend(problems);
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use std::fmt::Write;
    use std::time::{Duration, Instant};

    use super::*;

    /// A document of `n` events on one timeline, each citing its own source.
    fn document(n: usize) -> Document {
        let mut csv = String::from(
            "title,start,end,kind,confidence,lane,description,source_url,source_title,quote\n",
        );
        for i in 0..n {
            writeln!(
                csv,
                "E{i},2019,,other,reported,Deals,,https://example.org/{i},S{i},q"
            )
            .unwrap();
        }
        let options = ParseOptions {
            fallback_title: "Large".to_owned(),
            today: None,
        };
        let document = parse(csv.as_bytes(), ImportFormat::Csv, &options).document;
        assert_eq!((document.events.len(), document.sources.len()), (n, n));
        document
    }

    /// The fastest of three writes of `document` in every export format.
    fn write_time(document: &Document) -> Duration {
        (0..3)
            .map(|_| {
                let started = Instant::now();
                for format in ExportFormat::ALL {
                    write(document, format);
                }
                started.elapsed()
            })
            .min()
            .unwrap()
    }

    /// Found by the fuzzer: the writers looked each placement's event and
    /// each citation's source up in a list, so 40,000 events took seconds
    /// per format. Sixteen times the events take 21 to 25 times as long
    /// (the larger document outgrows the caches), not 256 (90 with the
    /// lists).
    #[test]
    fn writing_takes_time_near_linear_in_the_events() {
        let small = write_time(&document(1_000));
        let large = write_time(&document(16_000));
        let ratio = large.as_secs_f64() / small.as_secs_f64();
        assert!(
            ratio < 48.0,
            "16 times the events took {ratio:.1} times as long ({small:?}, then {large:?})"
        );
    }
}
