//! Export speed for a 1,000-event timeline (three lanes, 2016–2025, every
//! event cited): SVG, PNG at 2×, PDF and Markdown; then the same PNG taken
//! by headless Chromium from the SVG, timed in the same run, for the ratio.
//!
//! `cargo bench -p tideline-export --bench export`

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use tideline_export::{ExportOptions, Format, render};
use tideline_model::graphic::Orientation;
use tideline_model::{Confidence, Date, EventKind, Precision};
use tideline_store::views::{
    EventFacts, EventView, LaneView, PlacementView, SourceQuoteView, TimelineView,
};

const EVENTS: i64 = 1_000;

fn timeline() -> TimelineView {
    let start = Date::day(2016, 1, 1).unwrap().start_minute();
    let span = Date::day(2025, 12, 31).unwrap().start_minute() - start;
    let kinds = EventKind::ALL;
    let events: Vec<EventView> = (0..EVENTS)
        .map(|i| {
            let precision = [Precision::Day, Precision::Day, Precision::Month, Precision::Year][i as usize % 4];
            let date = Date::from_minute(start + span * i / EVENTS, precision);
            let end = (i % 9 == 0).then(|| Date::from_minute(start + span * i / EVENTS + 90 * 1440, Precision::Day));
            EventView {
                facts: EventFacts {
                    id: i + 1,
                    title: format!("Event {i}: {} of the deal", ["filing", "a long review by the regulator", "decision", "talks"][i as usize % 4]),
                    start: date.to_edtf(),
                    end: end.map(|e| e.to_edtf()),
                    ongoing: false,
                    precision,
                    approximate: false,
                    uncertain: false,
                    start_label: date.to_string(),
                    end_label: end.map(|e| e.to_string()),
                    start_minute: date.start_minute(),
                    end_minute: end.unwrap_or(date).end_minute(),
                    kind: kinds[i as usize % kinds.len()],
                    confidence: Confidence::ALL[i as usize % Confidence::ALL.len()],
                    importance: 3,
                },
                description: "A description of what happened, long enough to wrap onto a second line in the graphic.".to_owned(),
                parties: Vec::new(),
                tags: Vec::new(),
                timelines: Vec::new(),
                sources: vec![SourceQuoteView {
                    link_id: i,
                    source_id: i % 50,
                    title: format!("Report number {}", i % 50),
                    url: format!("https://example.com/report/{}", i % 50),
                    publisher: format!("Publisher {}", i % 12),
                    author: String::new(),
                    published: None,
                    accessed: None,
                    published_label: None,
                    accessed_label: None,
                    quote: "A sentence from the report that supports the event.".to_owned(),
                }],
                matches: Vec::new(),
                display_date: None,
                media: None,
            }
        })
        .collect();
    TimelineView {
        id: 1,
        title: "A thousand events".to_owned(),
        subtitle: "Synthetic benchmark timeline, 2016–2025".to_owned(),
        description: String::new(),
        colour: "#1f6feb".to_owned(),
        summary: String::new(),
        lanes: (1..=3)
            .map(|id| LaneView {
                id,
                name: format!("Lane {id}"),
                collapsed: false,
                colour: None,
            })
            .collect(),
        placements: events
            .iter()
            .map(|e| PlacementView {
                event_id: e.facts.id,
                lane_id: 1 + e.facts.id % 3,
            })
            .collect(),
        events,
        annotations: Vec::new(),
    }
}

fn formats(c: &mut Criterion) {
    let view = timeline();
    let wide = ExportOptions::default();
    let png = ExportOptions {
        scale: 2,
        ..ExportOptions::default()
    };
    let mut group = c.benchmark_group("export 1,000 events");
    group.sample_size(10);
    group.bench_function("svg", |b| {
        b.iter(|| render(&view, Format::Svg, &wide).unwrap())
    });
    group.bench_function("png 2x", |b| {
        b.iter(|| render(&view, Format::Png, &png).unwrap())
    });
    group.bench_function("pdf", |b| {
        b.iter(|| render(&view, Format::Pdf, &wide).unwrap())
    });
    group.bench_function("markdown", |b| {
        b.iter(|| render(&view, Format::Markdown, &wide).unwrap())
    });
    let tall = ExportOptions {
        orientation: Orientation::Vertical,
        ..png.clone()
    };
    group.bench_function("png 2x tall", |b| {
        b.iter(|| render(&view, Format::Png, &tall).unwrap())
    });
    group.finish();
}

/// The same picture (the SVG at 2×) from headless Chromium, against ours.
fn chromium(_: &mut Criterion) {
    let view = timeline();
    let options = ExportOptions {
        scale: 2,
        ..ExportOptions::default()
    };
    let graphic =
        tideline_export::graphic(&view, &options, &tideline_export::HouseStyle::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let svg = dir.path().join("timeline.svg");
    std::fs::write(&svg, render(&view, Format::Svg, &options).unwrap()).unwrap();
    let shot = |out: &Path| -> Option<Duration> {
        let started = Instant::now();
        let status = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--hide-scrollbars",
                "--force-device-scale-factor=2",
            ])
            .arg(format!(
                "--user-data-dir={}",
                dir.path().join("profile").display()
            ))
            .arg(format!(
                "--window-size={},{}",
                graphic.width,
                graphic.height.ceil()
            ))
            .arg(format!("--screenshot={}", out.display()))
            .arg(&svg)
            .output()
            .ok()?;
        (status.status.success() && out.exists()).then(|| started.elapsed())
    };
    let runs = 3;
    let mut ours = Vec::new();
    let mut theirs = Vec::new();
    for i in 0..runs {
        let started = Instant::now();
        render(&view, Format::Png, &options).unwrap();
        ours.push(started.elapsed());
        match shot(&dir.path().join(format!("chromium-{i}.png"))) {
            Some(time) => theirs.push(time),
            None => {
                println!("chromium: not available (apt-get install chromium); no ratio");
                return;
            }
        }
    }
    let median = |times: &mut Vec<Duration>| {
        times.sort();
        times[times.len() / 2]
    };
    let (ours, theirs) = (median(&mut ours), median(&mut theirs));
    println!(
        "PNG 2x of {}x{} px: tideline {:.0} ms, headless Chromium {:.0} ms (median of {runs}): {:.1}x faster",
        graphic.width,
        graphic.height,
        ours.as_secs_f64() * 1e3,
        theirs.as_secs_f64() * 1e3,
        theirs.as_secs_f64() / ours.as_secs_f64()
    );
}

criterion_group!(benches, formats, chromium);
criterion_main!(benches);
