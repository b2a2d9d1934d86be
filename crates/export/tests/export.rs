//! The exporters on the sample workspace and on hostile text: golden SVG
//! and Markdown, PNG pixels, PDF text, byte-identical reruns, escaping.

use std::process::Command;

use resvg::tiny_skia::Pixmap;
use tideline_export::{ExportError, ExportOptions, Format, Grouping, Theme, graphic, render};
use tideline_model::graphic::Orientation;
use tideline_model::{Confidence, Date, EventKind, Precision};
use tideline_store::Workspace;
use tideline_store::views::{
    AnnotationView, EventFacts, EventView, LaneView, PlacementView, SourceQuoteView, TimelineView,
};

/// The sample's Microsoft–OpenAI timeline, from a fresh workspace.
fn sample() -> TimelineView {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(&dir.path().join("sample.db")).unwrap();
    workspace.replace_with_sample().unwrap();
    let id = workspace.find_timeline("Microsoft–OpenAI").unwrap();
    workspace.timeline(id).unwrap()
}

fn tall() -> ExportOptions {
    ExportOptions {
        orientation: Orientation::Vertical,
        descriptions: true,
        ..ExportOptions::default()
    }
}

fn text(view: &TimelineView, format: Format, options: &ExportOptions) -> String {
    String::from_utf8(render(view, format, options).unwrap()).unwrap()
}

#[test]
fn svg_of_the_sample_wide() {
    insta::assert_snapshot!(text(&sample(), Format::Svg, &ExportOptions::default()));
}

#[test]
fn svg_of_the_sample_tall() {
    insta::assert_snapshot!(text(&sample(), Format::Svg, &tall()));
}

#[test]
fn markdown_of_the_sample_by_year() {
    let options = ExportOptions {
        descriptions: true,
        image: Some("microsoft-openai-wide.png".to_owned()),
        ..ExportOptions::default()
    };
    insta::assert_snapshot!(text(&sample(), Format::Markdown, &options));
}

#[test]
fn markdown_of_the_sample_by_lane() {
    let options = ExportOptions {
        group: Grouping::Lane,
        ..ExportOptions::default()
    };
    insta::assert_snapshot!(text(&sample(), Format::Markdown, &options));
}

#[test]
fn the_brief_gives_durations_as_exact_as_the_dates() {
    let brief = text(&sample(), Format::Markdown, &ExportOptions::default());
    assert!(
        brief.contains("- **MOU / LOI / term sheet → definitive agreement**: 47 days"),
        "{brief}"
    );
    // 22 Jul 2019 to "2021": the later date is known to the year only.
    assert!(
        brief.contains("**Investment → investment**: ~2 years"),
        "{brief}"
    );
    let month = Date::month(2023, 7).unwrap();
    let day = Date::day(2023, 9, 14).unwrap();
    assert_eq!(
        tideline_export::markdown::duration(month, day, tideline_model::Locale::EnGb.words()),
        "~2 months"
    );
    assert_eq!(
        tideline_export::markdown::duration(day, day, tideline_model::Locale::EnGb.words()),
        "same day"
    );
    let approximate = Date::day(2023, 9, 1).unwrap().with_approximate(true);
    assert_eq!(
        tideline_export::markdown::duration(approximate, day, tideline_model::Locale::EnGb.words()),
        "under a month"
    );
}

#[test]
fn svg_is_self_contained_and_valid() {
    let svg = text(&sample(), Format::Svg, &ExportOptions::default());
    // Text is glyph outlines: no font is needed or referenced.
    assert!(!svg.contains("<text"));
    assert!(!svg.contains("font-family"));
    assert!(!svg.contains("http://") || !svg.replace("http://www.w3.org/", "").contains("http://"));
    assert!(svg.contains(r#"aria-label="Microsoft invests $1B in OpenAI""#));
    let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    assert_eq!(tree.size().width(), 1600.0);
}

#[test]
fn png_has_the_size_and_the_pixels_of_the_layout() {
    let view = sample();
    for scale in [1u8, 2] {
        let options = ExportOptions {
            scale,
            ..ExportOptions::default()
        };
        let layout = graphic(&view, &options, &tideline_export::HouseStyle::default()).unwrap();
        let png = Pixmap::decode_png(&render(&view, Format::Png, &options).unwrap()).unwrap();
        let s = u32::from(scale);
        assert_eq!(png.width(), 1600 * s);
        assert_eq!(png.height(), layout.height as u32 * s);
        let pixel = |x: f64, y: f64| {
            let p = png
                .pixel((x * f64::from(s)) as u32, (y * f64::from(s)) as u32)
                .unwrap();
            (p.red(), p.green(), p.blue())
        };
        // The white page, and the green of the first investment's marker.
        assert_eq!(pixel(2.0, 2.0), (255, 255, 255));
        let first = layout
            .marks
            .iter()
            .find(|m| m.kind == EventKind::Investment && m.confidence == Confidence::Confirmed)
            .unwrap();
        assert_eq!(pixel(first.x, first.y), (0x1f, 0x8a, 0x52));
    }
    // The dark theme paints a dark page.
    let dark = ExportOptions {
        theme: Theme::Dark,
        ..ExportOptions::default()
    };
    let png = Pixmap::decode_png(&render(&view, Format::Png, &dark).unwrap()).unwrap();
    let p = png.pixel(2, 2).unwrap();
    assert_eq!((p.red(), p.green(), p.blue()), (0x15, 0x18, 0x1d));
}

#[test]
fn png_is_the_svg_rasterised() {
    // The PNG draws the SVG's shapes and glyphs itself, strip by strip, with
    // glyphs placed to a quarter pixel: it must look like the SVG drawn
    // whole by resvg, with no seams between strips.
    let view = sample();
    for (options, theme) in [
        (ExportOptions::default(), Theme::Light),
        (tall(), Theme::Dark),
    ] {
        let options = ExportOptions {
            scale: 2,
            theme,
            ..options
        };
        let png = Pixmap::decode_png(&render(&view, Format::Png, &options).unwrap()).unwrap();
        let svg = text(&view, Format::Svg, &options);
        let tree = resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
        let mut whole = Pixmap::new(png.width(), png.height()).unwrap();
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(2.0, 2.0),
            &mut whole.as_mut(),
        );
        assert!(png.height() > 512, "several strips");
        let (mut total, mut far) = (0u64, 0usize);
        for (a, b) in png.pixels().iter().zip(whole.pixels()) {
            let a = [a.red(), a.green(), a.blue()];
            let b = [b.red(), b.green(), b.blue()];
            let difference = a.iter().zip(b).map(|(a, b)| a.abs_diff(b)).max().unwrap();
            total += u64::from(difference);
            far += usize::from(difference > 64);
        }
        let pixels = png.pixels().len();
        let mean = total as f64 / pixels as f64;
        assert!(mean < 0.5, "mean difference {mean}");
        assert!(
            far * 1000 < pixels,
            "{far} of {pixels} pixels differ by more than 64"
        );
    }
}

/// Text that `pdftotext` (poppler-utils) extracts, whitespace collapsed.
fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("out.pdf");
    std::fs::write(&path, pdf).unwrap();
    let output = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(&path)
        .arg("-")
        .output()
        .expect("pdftotext runs (apt-get install poppler-utils)");
    assert!(output.status.success());
    String::from_utf8(output.stdout)
        .unwrap()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn pdf_text_can_be_extracted() {
    let view = sample();
    for options in [ExportOptions::default(), tall()] {
        let pdf = render(&view, Format::Pdf, &options).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = pdf_text(&pdf);
        assert!(text.contains("Microsoft–OpenAI"), "{text}");
        for event in &view.events {
            let title = event
                .facts
                .title
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            assert!(text.contains(&title), "{title:?} not in {text}");
        }
    }
}

#[test]
fn exports_are_byte_identical_on_every_run() {
    let (first, second) = (sample(), sample());
    for options in [ExportOptions::default(), tall()] {
        for format in [Format::Svg, Format::Png, Format::Pdf, Format::Markdown] {
            let a = render(&first, format, &options).unwrap();
            let b = render(&second, format, &options).unwrap();
            assert!(a == b, "{format:?} differs between runs");
        }
    }
}

#[test]
fn options_choose_lanes_span_and_descriptions() {
    let view = sample();
    let regulatory = view.lanes.iter().find(|l| l.name == "Regulatory").unwrap();
    let only = ExportOptions {
        lanes: Some(vec![regulatory.id]),
        from: Some("2024".to_owned()),
        to: Some("2024".to_owned()),
        ..ExportOptions::default()
    };
    let brief = text(&view, Format::Markdown, &only);
    assert!(brief.contains("EU closes merger question"), "{brief}");
    assert!(!brief.contains("Microsoft invests $1B"), "{brief}");
    assert!(
        !brief.contains("UK CMA closes its merger inquiry"),
        "{brief}"
    );
    let svg = text(&view, Format::Svg, &only);
    assert!(svg.contains("EU closes merger question"));
    assert!(!svg.contains(r#"aria-label="Deal""#));
    let described = ExportOptions {
        descriptions: true,
        ..ExportOptions::default()
    };
    let description = &view.events[0].description;
    let words: String = description
        .split_whitespace()
        .take(4)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(text(&view, Format::Svg, &described).contains(&words));
    assert!(!text(&view, Format::Svg, &ExportOptions::default()).contains(&words));
}

#[test]
fn bad_options_are_refused() {
    let view = sample();
    let scale = ExportOptions {
        scale: 4,
        ..ExportOptions::default()
    };
    assert!(matches!(
        render(&view, Format::Png, &scale),
        Err(ExportError::InvalidOption {
            option: "scale",
            ..
        })
    ));
    let from = ExportOptions {
        from: Some("not a date".to_owned()),
        ..ExportOptions::default()
    };
    assert!(matches!(
        render(&view, Format::Svg, &from),
        Err(ExportError::InvalidOption { option: "from", .. })
    ));
}

const SCRIPT: &str = "<script>alert('x')</script> & \"quoted\"";
const LINK: &str = "[x](javascript:alert(1))";

/// A timeline whose every user-written field is hostile.
fn hostile() -> TimelineView {
    let source = |url: &str| SourceQuoteView {
        link_id: 1,
        source_id: 1,
        title: LINK.to_owned(),
        url: url.to_owned(),
        publisher: SCRIPT.to_owned(),
        author: "**bold** _it_".to_owned(),
        published: Some("2024-01-02".to_owned()),
        accessed: None,
        published_label: Some("2 Jan 2024".to_owned()),
        accessed_label: None,
        quote: format!("{SCRIPT} <img src=x onerror=alert(1)>"),
    };
    let event = |id: i64, title: &str, start: &str, sources: Vec<SourceQuoteView>| EventView {
        facts: EventFacts {
            id,
            title: title.to_owned(),
            start: start.to_owned(),
            end: None,
            ongoing: false,
            precision: Precision::Day,
            approximate: false,
            uncertain: false,
            start_label: start.to_owned(),
            end_label: None,
            start_minute: Date::parse_edtf(start).unwrap().start_minute(),
            end_minute: Date::parse_edtf(start).unwrap().end_minute(),
            kind: EventKind::Announcement,
            confidence: Confidence::Disputed,
            importance: 3,
        },
        description: format!("# heading\n\n- {LINK} {SCRIPT}"),
        parties: Vec::new(),
        tags: Vec::new(),
        timelines: Vec::new(),
        sources,
        matches: Vec::new(),
        display_date: None,
        media: None,
    };
    TimelineView {
        id: 1,
        title: SCRIPT.to_owned(),
        subtitle: LINK.to_owned(),
        description: format!("{LINK} <b>bold</b>"),
        colour: "#000000".to_owned(),
        summary: format!("{SCRIPT} summed up"),
        lanes: vec![LaneView {
            id: 1,
            name: "<lane>".to_owned(),
            collapsed: false,
            colour: None,
        }],
        placements: vec![
            PlacementView {
                event_id: 1,
                lane_id: 1,
            },
            PlacementView {
                event_id: 2,
                lane_id: 1,
            },
        ],
        events: vec![
            event(1, SCRIPT, "2024-01-02", vec![source("javascript:alert(1)")]),
            event(
                2,
                LINK,
                "2024-03-04",
                vec![source("https://example.com/a?b=1&c=<2>")],
            ),
        ],
        annotations: vec![
            AnnotationView {
                id: 1,
                text: format!("note {SCRIPT}"),
                event_id: Some(1),
                start: None,
                end: None,
                label: None,
                start_minute: None,
                end_minute: None,
            },
            AnnotationView {
                id: 2,
                text: format!("span {LINK}"),
                event_id: None,
                start: Some("2024-01".to_owned()),
                end: Some("2024-02".to_owned()),
                label: None,
                start_minute: None,
                end_minute: None,
            },
        ],
    }
}

#[test]
fn hostile_text_is_escaped_in_svg() {
    let view = hostile();
    for options in [ExportOptions::default(), tall()] {
        let svg = text(&view, Format::Svg, &options);
        assert!(!svg.contains("<script"), "{svg}");
        assert!(!svg.contains("<lane>"));
        assert!(
            svg.contains(
                "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"
            )
        );
        resvg::usvg::Tree::from_str(&svg, &resvg::usvg::Options::default()).unwrap();
    }
    // The PDF's SVG has real text: escaped there too, and it still converts.
    let pdf = render(&view, Format::Pdf, &ExportOptions::default()).unwrap();
    assert!(pdf_text(&pdf).contains("<script>alert('x')</script> & \"quoted\""));
}

#[test]
fn hostile_text_is_escaped_in_markdown() {
    let brief = text(&hostile(), Format::Markdown, &ExportOptions::default());
    assert!(!brief.contains("](javascript"), "{brief}");
    assert!(!brief.contains("<javascript"), "{brief}");
    // Every `<` is escaped, but for the autolink of an http(s) URL.
    for (at, _) in brief.match_indices('<') {
        let escaped = at > 0 && &brief[at - 1..at] == "\\";
        assert!(
            escaped || brief[at..].starts_with("<https://"),
            "{}",
            &brief[at..]
        );
    }
    assert!(!brief.contains("\n# heading"), "{brief}");
    assert!(brief.contains(r"\[x\]\(javascript:alert\(1\)\)"), "{brief}");
    assert!(
        brief.contains(r#"\<script\>alert\('x'\)\</script\> \& "quoted""#),
        "{brief}"
    );
    assert!(brief.contains(r"\*\*bold\*\* \_it\_"), "{brief}");
    // The https URL is escaped text, since it holds angle brackets; the
    // javascript one never becomes a link.
    assert!(brief.contains(r"javascript:alert\(1\)"), "{brief}");
    assert!(
        brief.contains(r"https://example.com/a?b=1\&c=\<2\>"),
        "{brief}"
    );
    assert!(!brief.contains("**unsourced**"));
    assert!(brief.contains("*disputed*"));
}

#[test]
fn hostile_text_is_escaped_in_html() {
    let html = text(&hostile(), Format::Html, &ExportOptions::default());
    // The page's own markup is the only markup: no script but the data
    // block and the viewer, no element or attribute from the text, no
    // script link.
    assert_eq!(html.matches("<script").count(), 2, "{html}");
    assert_eq!(html.matches("</script>").count(), 2, "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<lane>"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(!html.contains("href=\"javascript"), "{html}");
    assert!(!html.contains("cite=\"javascript"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"quoted\""),
        "{html}"
    );
    assert!(
        html.contains("&lt;img src=x onerror=alert(1)&gt;"),
        "{html}"
    );
    // A URL with angle brackets is no link, only text.
    assert!(
        html.contains("https://example.com/a?b=1&amp;c=&lt;2&gt;"),
        "{html}"
    );
    assert!(!html.contains("href=\"https://example.com/a"), "{html}");
    // The data block reads back to the same strings, and holds no `<`.
    let data = html
        .split("<script type=\"application/json\" id=\"tideline-data\">")
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .unwrap();
    assert!(!data.contains('<') && !data.contains('>'), "{data}");
    let data: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(data["title"], SCRIPT);
    assert_eq!(data["events"][1]["title"], LINK);
}

#[test]
fn unsourced_events_are_marked() {
    let mut view = hostile();
    view.events[1].sources.clear();
    let brief = text(&view, Format::Markdown, &ExportOptions::default());
    assert!(
        brief.contains(r"\[x\]\(javascript:alert\(1\)\) — **unsourced**"),
        "{brief}"
    );
    assert!(brief.contains("1 unsourced"));
    let svg = text(&view, Format::Svg, &ExportOptions::default());
    assert!(svg.contains("1 event unsourced."));
}
