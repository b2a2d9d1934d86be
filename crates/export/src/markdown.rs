//! The brief: a timeline as CommonMark with footnotes (the GitHub dialect).
//!
//! Title, subtitle, description, an optional image of the graphic, the
//! chronology grouped by year or by lane (each event with its date at its
//! precision, kind, confidence when not "confirmed", description,
//! callouts, and a footnote for every source it cites, with the quote),
//! the shaded spans and notes, and the durations between consecutive
//! milestones, as exact as the dates allow.
//!
//! User text never becomes markup: it is put on one line and every
//! character that Markdown could read as syntax is backslash-escaped, so
//! `[x](javascript:alert(1))` stays text; only `http(s)` URLs become links.

use std::fmt::Write;

use serde::{Deserialize, Serialize};
use tideline_locale::Words;
use tideline_model::graphic::{confidence_label, kind_label};
use tideline_model::{Confidence, Date, DateLength, EventKind, Precision};
use ts_rs::TS;

use crate::input::{Event, Selection};
use crate::{ExportError, ExportOptions, HouseStyle};

/// How the chronology is grouped.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "BriefGrouping")]
pub enum Grouping {
    /// A heading per year.
    #[default]
    Year,
    /// A heading per lane.
    Lane,
}

/// Kinds that count as milestones of a deal, between which durations are
/// listed.
pub const MILESTONES: [EventKind; 6] = [
    EventKind::Announcement,
    EventKind::Investment,
    EventKind::Mou,
    EventKind::DefinitiveAgreement,
    EventKind::Closing,
    EventKind::Termination,
];

/// The brief of the selected part of `view`.
pub(crate) fn brief(
    view: &tideline_store::views::TimelineView,
    options: &ExportOptions,
    style: &HouseStyle,
) -> Result<String, ExportError> {
    let words = crate::locale(options)?.words();
    let length = style.date_length;
    let selection = Selection::new(view, options)?;
    let mut out = String::with_capacity(16 * 1024);
    let mut notes: Vec<String> = Vec::new();
    let _ = writeln!(out, "# {}\n", inline(&view.title));
    if !view.subtitle.trim().is_empty() {
        let _ = writeln!(out, "*{}*\n", inline(&view.subtitle));
    }
    if !view.description.trim().is_empty() {
        let _ = writeln!(out, "{}\n", inline(&view.description));
    }
    if let Some(image) = &options.image {
        let _ = writeln!(
            out,
            "![{}](<{}>)\n",
            inline(&view.title),
            image.replace(['<', '>', '\n'], "")
        );
    }
    let events = selection.events();
    let unsourced = events.iter().filter(|e| e.view.sources.is_empty()).count();
    let total = words.count("brief.events", events.len() as f64, 0, &[]);
    let sourced = events.len() - unsourced;
    let sourced = words.count("brief.with-sources", sourced as f64, 0, &[]);
    let summary = if unsourced > 0 {
        let count = words.count("brief.unsourced-count", unsourced as f64, 0, &[]);
        let values = [
            ("events", total.as_str()),
            ("with-sources", sourced.as_str()),
            ("unsourced", count.as_str()),
        ];
        words.fill("brief.summary-unsourced", &values)
    } else {
        let values = [
            ("events", total.as_str()),
            ("with-sources", sourced.as_str()),
        ];
        words.fill("brief.summary", &values)
    };
    let _ = writeln!(out, "{summary}\n");

    let _ = writeln!(out, "## {}\n", words.text("brief.chronology"));
    match options.group {
        Grouping::Year => {
            let mut year = None;
            for event in &events {
                if year != Some(event.start.year_value()) {
                    year = Some(event.start.year_value());
                    let _ = writeln!(
                        out,
                        "### {}\n",
                        Date::from_minute(event.start.start_minute(), Precision::Year)
                            .display_in(words, length)
                    );
                }
                write_event(
                    &mut out,
                    &mut notes,
                    &selection,
                    event,
                    options,
                    true,
                    Wording { words, length },
                );
            }
        }
        Grouping::Lane => {
            for (lane, events) in &selection.lanes {
                let _ = writeln!(out, "### {}\n", inline(&lane.name));
                if events.is_empty() {
                    let _ = writeln!(out, "{}\n", words.text("brief.no-events"));
                }
                for event in events {
                    write_event(
                        &mut out,
                        &mut notes,
                        &selection,
                        event,
                        options,
                        false,
                        Wording { words, length },
                    );
                }
            }
        }
    }

    if !selection.spans.is_empty() {
        let _ = writeln!(out, "## {}\n", words.text("brief.periods"));
        for (_, span) in &selection.spans {
            let dates = dates_text(span.start, Some(span.end), false, Wording { words, length });
            let _ = writeln!(out, "- **{dates}**: {}", inline(&span.text));
        }
        out.push('\n');
    }
    if !selection.notes.is_empty() {
        let _ = writeln!(out, "## {}\n", words.text("brief.notes"));
        for note in &selection.notes {
            let _ = writeln!(out, "- {}", inline(&note.text));
        }
        out.push('\n');
    }

    let milestones: Vec<&&Event<'_>> = events
        .iter()
        .filter(|e| MILESTONES.contains(&e.view.facts.kind))
        .collect();
    if milestones.len() > 1 {
        let _ = writeln!(out, "## {}\n", words.text("brief.durations"));
        for pair in milestones.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let _ = writeln!(
                out,
                "- **{} → {}**: {} ({}, {} → {}, {})",
                kind_label(words, a.view.facts.kind),
                kind_label(words, b.view.facts.kind).to_lowercase(),
                duration(a.start, b.start, words),
                inline(&a.view.facts.title),
                a.start.display_in(words, length),
                inline(&b.view.facts.title),
                b.start.display_in(words, length)
            );
        }
        out.push('\n');
    }
    Ok(with_sources(out, &notes, words))
}

/// The language a brief is written in, and how long its dates are.
#[derive(Clone, Copy)]
pub(crate) struct Wording<'a> {
    pub words: &'a Words,
    pub length: DateLength,
}

/// A date, a range ("Jul 2019 – Mar 2025") or an ongoing range as the
/// language writes it.
pub(crate) fn dates_text(
    start: Date,
    end: Option<Date>,
    ongoing: bool,
    wording: Wording<'_>,
) -> String {
    let Wording { words, length } = wording;
    let first = start.display_in(words, length);
    match (end, ongoing) {
        (Some(end), _) => words.fill(
            "date.range",
            &[("start", &first), ("end", &end.display_in(words, length))],
        ),
        (None, true) => words.fill("date.ongoing", &[("start", &first)]),
        (None, false) => first,
    }
}

/// Ends a brief with its footnoted sources and a single final newline.
pub(crate) fn with_sources(mut out: String, notes: &[String], words: &Words) -> String {
    if !notes.is_empty() {
        let _ = writeln!(out, "## {}\n", words.text("brief.sources"));
        for (i, note) in notes.iter().enumerate() {
            let _ = writeln!(out, "[^{}]: {note}", i + 1);
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

pub(crate) fn write_event(
    out: &mut String,
    notes: &mut Vec<String>,
    selection: &Selection<'_>,
    event: &Event<'_>,
    options: &ExportOptions,
    with_lane: bool,
    wording: Wording<'_>,
) {
    let Wording { words, .. } = wording;
    let view = event.view;
    let date = dates_text(event.start, event.end, view.facts.ongoing, wording);
    let mut facts = vec![kind_label(words, view.facts.kind)];
    if view.facts.confidence != Confidence::Confirmed {
        facts.push(format!(
            "*{}*",
            confidence_label(words, view.facts.confidence).to_lowercase()
        ));
    }
    if with_lane && selection.lanes.len() > 1 {
        facts.extend(
            selection
                .lanes_of(view.facts.id)
                .map(|lane| inline(&lane.name)),
        );
    }
    let mut refs = String::new();
    for source in &view.sources {
        notes.push(citation(source, words));
        let _ = write!(refs, "[^{}]", notes.len());
    }
    if view.sources.is_empty() {
        let _ = write!(refs, " — **{}**", words.text("brief.unsourced"));
    }
    let _ = writeln!(
        out,
        "- **{}** · {} — {}{}",
        inline(&date),
        facts.join(" · "),
        inline(&view.facts.title),
        refs
    );
    if options.descriptions && !view.description.trim().is_empty() {
        let _ = writeln!(out, "\n  {}", inline(&view.description));
    }
    for callout in event.callouts(selection.view) {
        let _ = writeln!(
            out,
            "\n  *{}* {}",
            words.text("brief.note"),
            inline(&callout.text)
        );
    }
    out.push('\n');
}

/// A footnote: title, publisher, date, link, quote.
pub(crate) fn citation(source: &tideline_store::views::SourceQuoteView, words: &Words) -> String {
    let mut parts = Vec::new();
    let title = if source.title.trim().is_empty() {
        words.text("brief.untitled-source").to_owned()
    } else {
        inline(&source.title)
    };
    parts.push(format!("*{title}*"));
    if !source.publisher.trim().is_empty() {
        parts.push(inline(&source.publisher));
    }
    if !source.author.trim().is_empty() {
        parts.push(inline(&source.author));
    }
    if let Some(published) = &source.published_label {
        parts.push(inline(published));
    }
    let mut note = parts.join(", ");
    note.push('.');
    if !source.url.trim().is_empty() {
        let _ = write!(note, " {}", link(source.url.trim()));
        if let Some(accessed) = &source.accessed_label {
            let accessed = words.fill("brief.accessed", &[("date", &inline(accessed))]);
            let _ = write!(note, " ({accessed})");
        }
    }
    if !source.quote.trim().is_empty() {
        let _ = write!(note, " “{}”", inline(&source.quote));
    }
    note
}

/// An autolink for an `http(s)` URL that CommonMark can carry as one;
/// anything else as escaped text.
fn link(url: &str) -> String {
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let plain = url
        .chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && c != '<' && c != '>');
    if web && plain {
        format!("<{url}>")
    } else {
        inline(url)
    }
}

/// User text as inline Markdown that is only text: one line, with every
/// character that could start markup backslash-escaped.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(
                c,
                '\\' | '`'
                    | '*'
                    | '_'
                    | '['
                    | ']'
                    | '('
                    | ')'
                    | '<'
                    | '>'
                    | '#'
                    | '|'
                    | '~'
                    | '!'
                    | '&'
                    | '^'
                    | '{'
                    | '}'
                    | '$'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    // A line that starts like a list item, a quote or a heading would be one.
    let after_digits = out.trim_start_matches(|c: char| c.is_ascii_digit());
    if out.starts_with(['-', '+', '='])
        || after_digits.len() < out.len() && after_digits.starts_with(['.', ')'])
    {
        out.insert(0, '\\');
    }
    out
}

/// The time from `a` to `b`, as exact as their precision allows: days
/// between two days, "~2 months" when a date is known to the month, "~1
/// year" to the year, in the language of `words`.
pub fn duration(a: Date, b: Date, words: &Words) -> String {
    let coarsest = [a.precision(), b.precision()]
        .into_iter()
        .min_by_key(|p| precision_rank(*p))
        .unwrap_or(Precision::Day);
    let vague = [a, b].iter().any(|d| d.approximate() || d.uncertain());
    let minutes = |d: Date| (d.start_minute(), d.end_minute());
    let (a0, a1) = minutes(a);
    let (b0, b1) = minutes(b);
    match coarsest {
        Precision::Day | Precision::Minute if !vague => {
            let days = (b0 - a0).div_euclid(1440);
            match days {
                0 => words.text("duration.same-day").to_owned(),
                d => words.count("duration.days", d as f64, 0, &[]),
            }
        }
        precision => {
            // From the middle of one interval to the middle of the other.
            let days = ((b0 + b1) - (a0 + a1)) as f64 / 2.0 / 1440.0;
            let months = days / 30.436875;
            if matches!(precision, Precision::Year | Precision::Half) || months >= 24.0 {
                let years = (months / 12.0).round().max(0.0) as i64;
                match years {
                    0 => words.text("duration.under-a-year").to_owned(),
                    y => words.count("duration.about-years", y as f64, 0, &[]),
                }
            } else {
                let months = months.round().max(0.0) as i64;
                match months {
                    0 => words.text("duration.under-a-month").to_owned(),
                    m => words.count("duration.about-months", m as f64, 0, &[]),
                }
            }
        }
    }
}

/// Coarsest first.
fn precision_rank(precision: Precision) -> u8 {
    match precision {
        Precision::Year => 0,
        Precision::Half => 1,
        Precision::Quarter => 2,
        Precision::Month => 3,
        Precision::Day => 4,
        Precision::Minute => 5,
    }
}
