//! `tideline compare`: timelines aligned on a milestone, written as a
//! brief, a graphic or JSON of the offsets and durations.

use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};
use serde::Serialize;
use tideline_export::Format;
use tideline_model::compare::{Alignment, DurationRow, Milestone, OffsetRow, Step};
use tideline_model::{Date, EventKind};
use tideline_store::Workspace;
use tideline_store::views::{ComparisonRequest, ComparisonView};

use crate::{Failure, GraphicArgs, print_lines, write_new};

#[derive(Args)]
pub struct CompareArgs {
    /// Two or more timelines (id or exact title), in order
    #[arg(value_name = "TIMELINE", num_args = 2.., required = true)]
    timelines: Vec<String>,
    /// calendar; kind:KIND (each timeline's first event of KIND is its T0);
    /// events:ID,ID,... (one T0 event per timeline, in order)
    #[arg(long, value_name = "ALIGNMENT", default_value = "calendar")]
    align: String,
    #[arg(long, value_enum)]
    format: CompareFormat,
    /// The file to write; an existing file is refused
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    #[command(flatten)]
    graphic: GraphicArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum CompareFormat {
    Md,
    Svg,
    Png,
    Pdf,
    Html,
    Json,
}

/// Runs `tideline compare`.
pub fn run(path: &Path, args: CompareArgs) -> Result<(), Failure> {
    let alignment =
        Alignment::parse(&args.align).map_err(|error| Failure::Input(error.to_string()))?;
    let format = match args.format {
        CompareFormat::Md => Some(Format::Markdown),
        CompareFormat::Svg => Some(Format::Svg),
        CompareFormat::Png => Some(Format::Png),
        CompareFormat::Pdf => Some(Format::Pdf),
        CompareFormat::Html => Some(Format::Html),
        CompareFormat::Json => None,
    };
    if let (None, Some(flag)) = (format, args.graphic.given()) {
        return Err(Failure::Input(format!(
            "{flag} applies to --format svg, png, pdf, md and html only"
        )));
    }
    let (options, pending) = args.graphic.options()?;
    let workspace = Workspace::open_existing(path)?;
    let (options, style) = args.graphic.styled(&workspace, options, pending)?;
    let timelines = args
        .timelines
        .iter()
        .map(|t| workspace.find_timeline(t))
        .collect::<Result<Vec<_>, _>>()?;
    let view = workspace.comparison_view(&ComparisonRequest::AdHoc {
        timelines,
        alignment,
    })?;
    let mut notes = Vec::new();
    let bytes = match format {
        Some(format) => {
            let rendered = tideline_export::export_comparison(&view, format, &options, &style)?;
            notes = rendered.notes();
            rendered.bytes
        }
        None => {
            let mut text = serde_json::to_string_pretty(&to_json(&view))
                .expect("a comparison serialises to JSON");
            text.push('\n');
            text.into_bytes()
        }
    };
    write_new(&args.out, &bytes)?;
    print_lines(
        std::iter::once(format!(
            "wrote {} ({} bytes)",
            args.out.display(),
            bytes.len()
        ))
        .chain(notes),
    )
}

/// The JSON contract: alignment, per timeline its T0 and milestones with
/// offsets in days as `[min, max]`, then the offset and duration tables.
#[derive(Serialize)]
struct CompareJson<'a> {
    alignment: String,
    timelines: Vec<TimelineJson<'a>>,
    offsets: &'a [OffsetRow],
    durations: &'a [DurationRow],
}

#[derive(Serialize)]
struct TimelineJson<'a> {
    id: i64,
    title: &'a str,
    t0: T0Json,
    milestones: &'a [Milestone],
    steps: &'a [Step],
}

#[derive(Serialize)]
struct T0Json {
    event: i64,
    kind: EventKind,
    date: Date,
}

fn to_json(view: &ComparisonView) -> CompareJson<'_> {
    let comparison = &view.comparison;
    CompareJson {
        alignment: comparison.alignment.to_text(),
        timelines: view
            .timelines
            .iter()
            .zip(&comparison.timelines)
            .map(|(timeline, compared)| TimelineJson {
                id: timeline.id,
                title: &compared.title,
                t0: T0Json {
                    event: compared.t0.event,
                    kind: compared.t0.kind,
                    date: compared.t0.date,
                },
                milestones: &compared.milestones,
                steps: &compared.steps,
            })
            .collect(),
        offsets: &comparison.offsets,
        durations: &comparison.durations,
    }
}
