//! A comparison exported like a timeline: the same graphic on a relative
//! axis (one lane per timeline, each moved so its T0 falls on the axis's
//! T0; coarse dates drawn as the span of days they allow), painted by the
//! same renderers, and a brief with the milestone and duration tables,
//! per-timeline chronologies and footnoted sources.

use std::fmt::Write;

use tideline_model::compare::{Alignment, Days};
use tideline_model::graphic::{GraphicInput, GraphicItem, GraphicLane};
use tideline_model::{Date, Precision};
use tideline_store::views::ComparisonView;

use crate::input::{Selection, credit};
use crate::markdown::{Wording, inline, with_sources, write_event};
use crate::{ExportError, ExportOptions, HouseStyle};

const MINUTES_PER_DAY: i64 = 24 * 60;

/// The model's input for the graphic of a comparison.
pub fn comparison_input(
    view: &ComparisonView,
    options: &ExportOptions,
    style: &HouseStyle,
) -> Result<GraphicInput, ExportError> {
    let locale = crate::locale(options)?;
    let relative = view.comparison.alignment != Alignment::Calendar;
    // T0 sits at the start of 2000 on a relative axis: whole years and
    // months from it are calendar years and months.
    let origin = Date::day(2000, 1, 1)
        .expect("a valid date")
        .start_minute()
        .div_euclid(MINUTES_PER_DAY);
    let mut lanes = Vec::new();
    for (timeline, compared) in view.timelines.iter().zip(&view.comparison.timelines) {
        let shift = origin - Days::covered(compared.t0.date).min();
        let mut items = Vec::new();
        for event in &timeline.events {
            let parse = |edtf: &str| {
                Date::parse_edtf(edtf).map_err(|e| ExportError::InvalidDate {
                    event: event.facts.id,
                    message: e.to_string(),
                })
            };
            let start = parse(&event.facts.start)?;
            let end = event.facts.end.as_deref().map(parse).transpose()?;
            let mut item = GraphicItem {
                id: event.facts.id,
                title: event.facts.title.clone(),
                description: event.description.clone(),
                start,
                end,
                ongoing: event.facts.ongoing,
                kind: event.facts.kind,
                confidence: event.facts.confidence,
                importance: event.facts.importance,
                callouts: Vec::new(),
                date_text: None,
            };
            if relative {
                let day = |d: i64| Date::from_minute((d + shift) * MINUTES_PER_DAY, Precision::Day);
                let covered = Days::covered(start);
                item.start = day(covered.min());
                item.end = match end {
                    Some(end) => Some(day(Days::covered(end).max())),
                    None if !covered.is_exact() && !event.facts.ongoing => Some(day(covered.max())),
                    None => None,
                };
                let offset = Days::from_dates(compared.t0.date, start).offset_label();
                item.date_text = Some(format!(
                    "{} · {offset}",
                    tideline_model::graphic::date_label(
                        &GraphicItem {
                            date_text: None,
                            start,
                            end,
                            ..item.clone()
                        },
                        locale.words(),
                        style.date_length
                    )
                ));
            }
            items.push(item);
        }
        lanes.push(GraphicLane {
            id: timeline.id,
            name: timeline.title.clone(),
            items,
        });
    }
    Ok(GraphicInput {
        title: view.name.clone(),
        subtitle: view.comparison.alignment.describe(),
        lanes,
        spans: Vec::new(),
        notes: Vec::new(),
        credit: credit(view.timelines.iter().flat_map(|t| &t.events), locale, style),
        width_px: options.width.unwrap_or(options.orientation.default_width()),
        height_px: options.height,
        orientation: options.orientation,
        descriptions: options.descriptions,
        lanes_share_rows: false,
        t0_minute: relative.then_some(origin * MINUTES_PER_DAY),
        locale,
        date_length: style.date_length,
        fonts: style.typefaces(),
        logo: style.logo.as_ref().map(|logo| (logo.width, logo.height)),
    })
}

/// The brief of a comparison: the offset and duration tables, then each
/// timeline's chronology with its T0, then the sources.
pub(crate) fn comparison_brief(
    view: &ComparisonView,
    options: &ExportOptions,
    style: &HouseStyle,
) -> Result<String, ExportError> {
    let locale = crate::locale(options)?;
    let words = locale.words();
    let comparison = &view.comparison;
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, "# {}\n", inline(&view.name));
    let _ = writeln!(out, "*{}*\n", inline(&comparison.alignment.describe()));
    if let Some(image) = &options.image {
        let _ = writeln!(
            out,
            "![{}](<{}>)\n",
            inline(&view.name),
            image.replace(['<', '>', '\n'], "")
        );
    }
    let header = |first: &str| {
        let mut line = format!("| {first} |");
        let mut rule = String::from("| --- |");
        for timeline in &comparison.timelines {
            let _ = write!(line, " {} |", inline(&timeline.title));
            rule.push_str(" --- |");
        }
        format!(
            "{line} {} | {} | {} |\n{rule} --- | --- | --- |\n",
            words.text("brief.min"),
            words.text("brief.median"),
            words.text("brief.max")
        )
    };
    let row =
        |name: String, cells: &[Option<Days>], stats: [Days; 3], label: fn(Days) -> String| {
            let mut line = format!("| {name} |");
            for cell in cells {
                let _ = write!(line, " {} |", cell.map_or("—".to_owned(), label));
            }
            for stat in stats {
                let _ = write!(line, " {} |", label(stat));
            }
            line.push('\n');
            line
        };
    if !comparison.offsets.is_empty() {
        let _ = writeln!(out, "## {}\n", words.text("brief.milestones-from-t0"));
        out.push_str(&header(words.text("brief.milestone")));
        for offsets in &comparison.offsets {
            let stats = [offsets.stats.min, offsets.stats.median, offsets.stats.max];
            out.push_str(&row(
                tideline_model::graphic::kind_label(words, offsets.kind),
                &offsets.cells,
                stats,
                Days::offset_label,
            ));
        }
        out.push_str(
            "\nEach timeline's first event of the kind, from its T0. `~` marks a range: a date known only to the month or year.\n\n",
        );
    }
    if !comparison.durations.is_empty() {
        let _ = writeln!(out, "## {}\n", words.text("brief.time-between-milestones"));
        out.push_str(&header(words.text("brief.from-to")));
        for step in &comparison.durations {
            let stats = [step.stats.min, step.stats.median, step.stats.max];
            out.push_str(&row(
                format!("{} → {}", step.from.label(), step.to.label().to_lowercase()),
                &step.cells,
                stats,
                Days::duration_label,
            ));
        }
        out.push('\n');
    }
    let mut notes: Vec<String> = Vec::new();
    let all = ExportOptions {
        lanes: None,
        from: None,
        to: None,
        ..options.clone()
    };
    for (timeline, compared) in view.timelines.iter().zip(&comparison.timelines) {
        let _ = writeln!(out, "## {}\n", inline(&timeline.title));
        let t0 = timeline
            .events
            .iter()
            .find(|e| e.facts.id == compared.t0.event);
        if let Some(t0) = t0 {
            let _ = writeln!(
                out,
                "T0: **{}** · {} — {}\n",
                compared.t0.date.display_in(words, style.date_length),
                tideline_model::graphic::kind_label(words, t0.facts.kind),
                inline(&t0.facts.title)
            );
        }
        let selection = Selection::new(timeline, &all)?;
        for event in selection.events() {
            write_event(
                &mut out,
                &mut notes,
                &selection,
                event,
                &all,
                false,
                Wording {
                    words,
                    length: style.date_length,
                },
            );
        }
        out.push('\n');
    }
    Ok(with_sources(out, &notes, words))
}
