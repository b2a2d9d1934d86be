//! Graphics that fit their size: every preset gives an image of exactly
//! its size, the sample's timelines fit 1600 × 900 legibly, and what a
//! size cannot label is drawn and said, never dropped.

use tideline_export::size::{PRESETS, parse_size};
use tideline_export::{ExportOptions, Format, HouseStyle, export, graphic};
use tideline_model::graphic::{Anchor, MAX_SIDE_PX, RuleRole, TextStyle};
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
        let png = export(view, Format::Png, &options, &HouseStyle::default())
            .unwrap()
            .bytes;
        let image = resvg::tiny_skia::Pixmap::decode_png(&png).unwrap();
        assert_eq!(
            (image.width(), image.height()),
            (preset.width as u32, preset.height as u32),
            "{}",
            preset.name
        );
        let layout = graphic(view, &options, &HouseStyle::default()).unwrap();
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
        let layout = graphic(&view, &sized(1600.0, 900.0), &HouseStyle::default()).unwrap();
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
        let rendered = export(
            &view,
            Format::Svg,
            &sized(1600.0, 900.0),
            &HouseStyle::default(),
        )
        .unwrap();
        assert_eq!(
            (rendered.unlabelled, rendered.summarised),
            (0, 0),
            "{}",
            view.title
        );
    }
}

#[test]
fn the_sample_at_1600_by_900_keeps_labels_apart_and_leaders_clear_of_them() {
    // (x0, x1, y0, y1) of a rectangle, shrunk by a px: touching is fine.
    type Box = (f64, f64, f64, f64);
    let apart = |a: Box, b: Box| a.1 <= b.0 || b.1 <= a.0 || a.3 <= b.2 || b.3 <= a.2;
    for view in sample() {
        let style = HouseStyle::default();
        let fonts = style.typefaces();
        let layout = graphic(&view, &sized(1600.0, 900.0), &style).unwrap();
        let boxes: Vec<(Box, &str)> = layout
            .texts
            .iter()
            .filter(|t| {
                matches!(
                    t.style,
                    TextStyle::Date
                        | TextStyle::Label
                        | TextStyle::Description
                        | TextStyle::Callout
                )
            })
            .map(|t| {
                let width = fonts.width(t.style.face(), &t.text, t.size_px);
                let x0 = match t.anchor {
                    Anchor::Start => t.x,
                    Anchor::End => t.x - width,
                };
                // The line box the baseline sits in (Inter's cap height).
                let line = (t.size_px * 1.3).round();
                let top = t.y - (line + 0.727 * t.size_px) / 2.0;
                (
                    (x0 + 1.0, x0 + width - 1.0, top + 1.0, top + line - 1.0),
                    t.text.as_str(),
                )
            })
            .collect();
        for (i, (a, text)) in boxes.iter().enumerate() {
            for (b, other) in &boxes[i + 1..] {
                assert!(apart(*a, *b), "{}: {text:?} over {other:?}", view.title);
            }
            for mark in &layout.marks {
                let r = mark.radius - 1.0;
                let disc = (mark.x - r, mark.x + r, mark.y - r, mark.y + r);
                assert!(apart(*a, disc), "{}: a marker on {text:?}", view.title);
            }
            for rule in layout.rules.iter().filter(|r| r.role == RuleRole::Leader) {
                let line = (rule.x1.min(rule.x2), rule.x1.max(rule.x2), rule.y1, rule.y2);
                assert!(apart(*a, line), "{}: a leader through {text:?}", view.title);
            }
        }
    }
}

#[test]
fn a_size_too_small_for_every_label_keeps_the_most_important_and_says_so() {
    let views = sample();
    let view = &views[0];
    let rendered = export(
        view,
        Format::Svg,
        &sized(1000.0, 700.0),
        &HouseStyle::default(),
    )
    .unwrap();
    assert!(rendered.unlabelled > 0);
    let svg = String::from_utf8(rendered.bytes.clone()).unwrap();
    assert!(svg.contains("more events are drawn as marks without their labels"));
    assert_eq!(rendered.notes().len(), 1, "{:?}", rendered.notes());
    // The definitive agreement, a milestone, keeps its label.
    let layout = graphic(view, &sized(1000.0, 700.0), &HouseStyle::default()).unwrap();
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
    let layout = graphic(view, &ExportOptions::default(), &HouseStyle::default()).unwrap();
    assert!(layout.height <= MAX_SIDE_PX);
    assert_eq!(
        layout.unlabelled, 0,
        "the sample needs no more room than that"
    );
}
