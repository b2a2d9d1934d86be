//! Graphics that fit their size: every preset gives an image of exactly
//! its size, the sample's timelines fit 1600 × 900 legibly, and what a
//! size cannot label is drawn and said, never dropped.

use tideline_export::size::{PRESETS, parse_size};
use tideline_export::{ExportOptions, Format, export, graphic};
use tideline_model::graphic::{MAX_SIDE_PX, TextStyle};
use tideline_store::Workspace;
use tideline_store::views::TimelineView;

/// The sample's three timelines, from a fresh workspace.
fn sample() -> Vec<TimelineView> {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(&dir.path().join("sample.db")).unwrap();
    workspace.replace_with_sample().unwrap();
    workspace
        .timelines()
        .unwrap()
        .iter()
        .map(|t| workspace.timeline(t.id).unwrap())
        .collect()
}

fn sized(width: f64, height: f64) -> ExportOptions {
    ExportOptions {
        width: Some(width),
        height: Some(height),
        ..ExportOptions::default()
    }
}

#[test]
fn every_preset_gives_an_image_of_exactly_its_size() {
    let view = &sample()[0];
    for preset in PRESETS {
        let options = sized(preset.width, preset.height);
        let png = export(view, Format::Png, &options).unwrap().bytes;
        let image = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!(
            (image.width(), image.height()),
            (preset.width as u32, preset.height as u32),
            "{}",
            preset.name
        );
        let layout = graphic(view, &options).unwrap();
        for text in &layout.texts {
            assert!(
                text.y <= preset.height && text.x <= preset.width,
                "{}: {:?} falls outside",
                preset.name,
                text.text
            );
        }
    }
}

#[test]
fn the_sample_fits_1600_by_900_with_its_text_at_12_px_or_more() {
    for view in sample() {
        let layout = graphic(&view, &sized(1600.0, 900.0)).unwrap();
        assert_eq!(layout.height, 900.0);
        let smallest = layout
            .texts
            .iter()
            .map(|t| t.size_px)
            .fold(f64::INFINITY, f64::min);
        assert!(smallest >= 12.0, "{}: {smallest} px", view.title);
        // Every event is on the graphic, labelled or as a mark.
        let marks = layout.marks.len();
        assert_eq!(marks, view.placements.len(), "{}", view.title);
        let labelled = layout
            .texts
            .iter()
            .filter(|t| t.style == TextStyle::Label)
            .filter(|t| {
                view.events
                    .iter()
                    .any(|e| e.facts.title.starts_with(&t.text))
            })
            .count();
        assert!(
            labelled + layout.unlabelled >= view.events.len(),
            "{}",
            view.title
        );
    }
}

#[test]
fn every_event_of_the_sample_is_labelled_at_1600_by_900() {
    // Microsoft–OpenAI has seven events within 30 px: their labels take
    // turns either side of the cluster rather than stack on one.
    for view in sample() {
        let rendered = export(&view, Format::Svg, &sized(1600.0, 900.0)).unwrap();
        assert_eq!(
            (rendered.unlabelled, rendered.summarised),
            (0, 0),
            "{}",
            view.title
        );
    }
}

#[test]
fn a_size_too_small_for_every_label_keeps_the_most_important_and_says_so() {
    let views = sample();
    let view = &views[0];
    let rendered = export(view, Format::Svg, &sized(1000.0, 700.0)).unwrap();
    assert!(rendered.unlabelled > 0);
    let svg = String::from_utf8(rendered.bytes.clone()).unwrap();
    assert!(svg.contains("more events are drawn as marks without their labels"));
    assert_eq!(rendered.notes().len(), 1, "{:?}", rendered.notes());
    // The definitive agreement, a milestone, keeps its label.
    let layout = graphic(view, &sized(1000.0, 700.0)).unwrap();
    assert!(
        layout
            .texts
            .iter()
            .any(|t| t.style == TextStyle::Label && t.text.starts_with("Definitive agreement")),
        "{:?}",
        layout.texts.iter().map(|t| &t.text).collect::<Vec<_>>()
    );
}

#[test]
fn sizes_read_as_presets_or_dimensions() {
    assert_eq!(parse_size("slide"), Ok((1920.0, 1080.0)));
    assert_eq!(parse_size("1600x900"), Ok((1600.0, 900.0)));
    assert!(parse_size("tabloid").is_err());
}

#[test]
fn without_a_height_the_graphic_stays_within_the_longest_side() {
    let view = &sample()[0];
    let layout = graphic(view, &ExportOptions::default()).unwrap();
    assert!(layout.height <= MAX_SIDE_PX);
    assert_eq!(
        layout.unlabelled, 0,
        "the sample needs no more room than that"
    );
}
