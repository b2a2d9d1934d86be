//! A comparison of the sample deals exported through the timeline's layout
//! and renderers: golden Markdown and SVG, a relative T−/T+ axis, every
//! format byte-identical on a rerun.

use tideline_export::{ExportOptions, Format, comparison_input, render_comparison};
use tideline_model::graphic::{Orientation, TextStyle, lay_out_graphic};
use tideline_store::Workspace;
use tideline_store::views::{ComparisonRequest, ComparisonView};

/// The sample's saved comparison: its deals from the first regulatory review.
fn sample() -> ComparisonView {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(&dir.path().join("sample.db")).unwrap();
    workspace.replace_with_sample().unwrap();
    let id = workspace.comparisons().unwrap()[0].id;
    workspace
        .comparison_view(&ComparisonRequest::Saved { id })
        .unwrap()
}

fn text(view: &ComparisonView, format: Format, options: &ExportOptions) -> String {
    String::from_utf8(render_comparison(view, format, options).unwrap()).unwrap()
}

#[test]
fn markdown_of_the_sample_comparison() {
    insta::assert_snapshot!(text(&sample(), Format::Markdown, &ExportOptions::default()));
}

#[test]
fn svg_of_the_sample_comparison() {
    insta::assert_snapshot!(text(&sample(), Format::Svg, &ExportOptions::default()));
}

#[test]
fn the_axis_reads_as_offsets_from_t0_with_one_lane_per_timeline() {
    let view = sample();
    for orientation in [Orientation::Horizontal, Orientation::Vertical] {
        let options = ExportOptions {
            orientation,
            ..ExportOptions::default()
        };
        let graphic = lay_out_graphic(
            &comparison_input(&view, &options, &tideline_export::HouseStyle::default()).unwrap(),
        );
        let ticks: Vec<&str> = graphic
            .texts
            .iter()
            .filter(|t| matches!(t.style, TextStyle::Tick | TextStyle::TickMajor))
            .map(|t| t.text.as_str())
            .collect();
        assert!(ticks.contains(&"T0"), "{orientation:?}: {ticks:?}");
        assert!(ticks.contains(&"T+1 y"), "{orientation:?}: {ticks:?}");
        assert!(ticks.iter().all(|t| t.starts_with('T')), "{ticks:?}");
    }
    let input = comparison_input(
        &view,
        &ExportOptions::default(),
        &tideline_export::HouseStyle::default(),
    )
    .unwrap();
    let lanes: Vec<&str> = input.lanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(
        lanes,
        [
            "Microsoft–Activision Blizzard",
            "Microsoft–OpenAI",
            "Amazon–Anthropic"
        ]
    );
    // Each T0 lands on the axis's T0, keeping its real date in its label.
    for lane in &input.lanes {
        let t0 = lane
            .items
            .iter()
            .find(|item| {
                item.date_text
                    .as_deref()
                    .is_some_and(|d| d.ends_with("· T0"))
            })
            .unwrap();
        assert_eq!(t0.start.start_minute(), input.t0_minute.unwrap());
    }
    // A date known to the month is drawn as the span of its days.
    let rumour = input.lanes[2]
        .items
        .iter()
        .find(|item| item.title.starts_with("Reports of talks"))
        .unwrap();
    assert_eq!(
        rumour.date_text.as_deref(),
        Some("Nov 2024 · ~+9.2 to +10.2 months")
    );
    assert!(rumour.end.is_some());
}

#[test]
fn every_format_renders_the_same_bytes_twice() {
    let view = sample();
    for format in [Format::Svg, Format::Png, Format::Pdf, Format::Markdown] {
        let first = render_comparison(&view, format, &ExportOptions::default()).unwrap();
        assert!(first.len() > 1000, "{format:?}");
        let again = render_comparison(&view, format, &ExportOptions::default()).unwrap();
        assert_eq!(first, again, "{format:?}");
    }
}

#[test]
fn a_comparison_at_a_fixed_size_keeps_one_band_per_deal() {
    let view = sample();
    let options = ExportOptions {
        width: Some(1920.0),
        height: Some(1080.0),
        ..ExportOptions::default()
    };
    let input = comparison_input(&view, &options, &tideline_export::HouseStyle::default()).unwrap();
    let graphic = lay_out_graphic(&input);
    assert_eq!((graphic.width, graphic.height), (1920.0, 1080.0));
    let headings: Vec<&str> = graphic
        .texts
        .iter()
        .filter(|t| t.style == TextStyle::Heading)
        .map(|t| t.text.as_str())
        .collect();
    let deals: Vec<&str> = input.lanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(headings, deals);
}
