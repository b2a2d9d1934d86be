//! The web page export on the sample workspace: the chronology readable
//! with no script, every event and source in it, nothing it could fetch,
//! a policy that allows exactly its own style, and the same bytes twice.

use std::collections::BTreeSet;

use base64::Engine;
use sha2::{Digest, Sha256};
use tideline_export::{ExportOptions, Format, Grouping, render, render_comparison};
use tideline_store::Workspace;
use tideline_store::views::{ComparisonRequest, TimelineView};

/// Every timeline of the sample, from a fresh workspace.
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

fn page(view: &TimelineView, options: &ExportOptions) -> String {
    String::from_utf8(render(view, Format::Html, options).unwrap()).unwrap()
}

/// The text between `start` and the next `end` after it.
fn between<'a>(text: &'a str, start: &str, end: &str) -> &'a str {
    let from = text.find(start).unwrap_or_else(|| panic!("no {start}")) + start.len();
    let to = text[from..].find(end).unwrap_or_else(|| panic!("no {end}")) + from;
    &text[from..to]
}

/// The list item of event `id`, up to the next one or the list's end.
fn item(html: &str, id: i64) -> &str {
    let start = html
        .find(&format!("<li class=\"event\" id=\"event-{id}\""))
        .unwrap_or_else(|| panic!("no item for event {id}"));
    let rest = &html[start + 1..];
    let end = [rest.find("<li class=\"event\""), rest.find("</ol>")]
        .into_iter()
        .flatten()
        .min()
        .unwrap();
    &rest[..end]
}

/// Every value of attribute `name` in `html`.
fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let key = format!(" {name}=\"");
    html.match_indices(&key)
        .map(|(at, _)| {
            let rest = &html[at + key.len()..];
            &rest[..rest.find('"').unwrap()]
        })
        .collect()
}

/// HTML text as it reads: the entities the page writes decoded.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

#[test]
fn every_event_and_source_is_in_the_page_as_text() {
    for view in sample() {
        let html = page(&view, &ExportOptions::default());
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en-GB\">"));
        assert!(html.contains(&format!("<h1>{}</h1>", view.title.replace('&', "&amp;"))));
        assert_eq!(html.matches("<main>").count(), 1);
        for event in &view.events {
            let item = item(&html, event.facts.id);
            assert!(
                unescape(item).contains(&event.facts.title),
                "{}",
                event.facts.title
            );
            for source in &event.sources {
                assert!(
                    item.contains(&format!(
                        "<a href=\"{}\" rel=\"noopener noreferrer\">",
                        source.url.replace('&', "&amp;")
                    )),
                    "{}: {}",
                    event.facts.title,
                    source.url
                );
                if !source.quote.is_empty() {
                    assert!(unescape(item).contains(&source.quote), "{}", source.quote);
                }
            }
        }
        // Dates carry their precision: a month is a month.
        for event in &view.events {
            let precision = format!("{:?}", event.facts.precision).to_lowercase();
            let start = event.facts.start.trim_end_matches(['~', '?', '%']);
            if matches!(precision.as_str(), "year" | "month" | "day") {
                assert!(
                    html.contains(&format!(
                        "<time datetime=\"{start}\" data-precision=\"{precision}\">"
                    )),
                    "{}",
                    event.facts.start
                );
            }
        }
    }
}

#[test]
fn the_page_fetches_nothing_and_its_policy_allows_only_its_style() {
    for view in sample() {
        let html = page(&view, &ExportOptions::default());
        let policy = between(
            &html,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"",
            "\"",
        );
        assert!(policy.starts_with("default-src 'none'; "), "{policy}");
        assert!(policy.contains("font-src data:"), "{policy}");
        let style = between(&html, "<style>", "</style>");
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(style));
        assert!(
            policy.contains(&format!("style-src 'sha256-{hash}'")),
            "{policy}"
        );
        assert_eq!(html.matches("<style>").count(), 1);
        // No element loads anything: the only URLs are the sources' links.
        assert!(attributes(&html, "src").is_empty());
        // Fonts are inlined: every url() is data.
        assert_eq!(
            html.matches("url(").count(),
            html.matches("url(data:font/woff;base64,").count()
        );
        assert!(!html.contains("@import"));
        let cited: BTreeSet<String> = view
            .events
            .iter()
            .flat_map(|e| &e.sources)
            .map(|s| s.url.clone())
            .collect();
        for href in attributes(&html, "href") {
            assert!(cited.contains(&unescape(href)), "{href}");
        }
        // Two scripts: the data, which a browser never runs, and the viewer,
        // allowed by its hash.
        assert_eq!(html.matches("<script").count(), 2);
        assert!(html.contains("<script type=\"application/json\" id=\"tideline-data\">"));
        let viewer = between(&html, "</script>\n<script>", "</script>");
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(viewer));
        assert!(
            policy.contains(&format!("script-src 'sha256-{hash}'")),
            "{policy}"
        );
        assert_eq!(
            viewer,
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/viewer.js")).unwrap()
        );
        let data = between(&html, "id=\"tideline-data\">", "</script>");
        let data: serde_json::Value = serde_json::from_str(data).unwrap();
        assert_eq!(data["events"].as_array().unwrap().len(), view.events.len());
    }
}

#[test]
fn the_same_timeline_gives_the_same_bytes() {
    let options = ExportOptions {
        group: Grouping::Lane,
        descriptions: true,
        ..ExportOptions::default()
    };
    for view in sample() {
        let first = render(&view, Format::Html, &options).unwrap();
        assert_eq!(first, render(&view, Format::Html, &options).unwrap());
        // Grouped by lane, every lane is a heading with its events under it.
        let html = String::from_utf8(first).unwrap();
        for lane in &view.lanes {
            assert!(
                html.contains(&format!("<h3>{}</h3>", lane.name.replace('&', "&amp;"))),
                "{}",
                lane.name
            );
        }
    }
}

#[test]
fn the_page_is_in_the_language_asked_for() {
    let view = &sample()[0];
    let html = page(
        view,
        &ExportOptions {
            locale: Some("de".to_owned()),
            ..ExportOptions::default()
        },
    );
    assert!(html.contains("<html lang=\"de\">"));
    assert!(
        html.contains("<h2 id=\"chronology\">Chronologie</h2>"),
        "{}",
        between(&html, "<h2", "</h2>")
    );
}

#[test]
fn the_saved_comparison_is_a_page_with_its_tables_and_every_timeline() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(&dir.path().join("sample.db")).unwrap();
    workspace.replace_with_sample().unwrap();
    let saved = workspace.comparisons().unwrap().remove(0);
    let view = workspace
        .comparison_view(&ComparisonRequest::Saved { id: saved.id })
        .unwrap();
    let options = ExportOptions::default();
    let bytes = render_comparison(&view, Format::Html, &options).unwrap();
    assert_eq!(
        bytes,
        render_comparison(&view, Format::Html, &options).unwrap()
    );
    let html = String::from_utf8(bytes).unwrap();
    assert!(html.contains(&format!("<h1>{}</h1>", view.name)));
    assert!(html.contains("<h2 id=\"milestones\">Milestones from T0</h2>"));
    assert!(html.contains("<h2 id=\"durations\">"));
    assert!(html.contains("<th scope=\"row\">Regulatory review</th>"));
    // Every timeline's every event, once anchored, with its sources.
    let mut anchored = BTreeSet::new();
    for timeline in &view.timelines {
        assert!(html.contains(&format!(
            "<h3>{}</h3>",
            timeline.title.replace('&', "&amp;")
        )));
        for event in &timeline.events {
            if anchored.insert(event.facts.id) {
                let item = item(&html, event.facts.id);
                assert!(
                    unescape(item).contains(&event.facts.title),
                    "{}",
                    event.facts.title
                );
                for source in &event.sources {
                    assert!(
                        item.contains(&format!("href=\"{}\"", source.url.replace('&', "&amp;")))
                    );
                }
            }
        }
    }
    // The viewer's axis reads from T0.
    let data = between(&html, "id=\"tideline-data\">", "</script>");
    let data: serde_json::Value = serde_json::from_str(data).unwrap();
    assert_eq!(data["relative"], true);
    assert_eq!(
        data["lanes"].as_array().unwrap().len(),
        view.timelines.len()
    );
    let ticks = data["levels"][2]["ticks"].as_array().unwrap();
    assert!(ticks.iter().any(|tick| tick[1] == "T0"), "{ticks:?}");
}

#[test]
fn the_viewer_and_its_style_stay_within_60_kb_gzipped() {
    use std::io::Write;
    let gzipped = |bytes: &[u8]| {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(bytes).unwrap();
        encoder.finish().unwrap().len()
    };
    let html = page(&sample()[0], &ExportOptions::default());
    let style = between(&html, "<style>", "</style>");
    // The style without the inlined fonts, which are data, not code.
    let code = style
        .lines()
        .filter(|line| !line.starts_with("@font-face"))
        .collect::<Vec<_>>()
        .join("\n");
    let viewer = between(&html, "</script>\n<script>", "</script>");
    let total = gzipped(viewer.as_bytes()) + gzipped(code.as_bytes());
    assert!(total <= 60 * 1024, "{total} bytes gzipped");
}

#[test]
fn a_timelines_own_summary_heads_its_page() {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(&dir.path().join("sample.db")).unwrap();
    workspace.replace_with_sample().unwrap();
    let id = workspace.find_timeline("Microsoft–OpenAI").unwrap();
    let view = workspace.timeline(id).unwrap();
    let written = "Six years of a partnership <and> its reviews.";
    workspace
        .update_timeline(
            id,
            tideline_model::TimelineDraft {
                title: view.title.clone(),
                subtitle: view.subtitle.clone(),
                description: view.description.clone(),
                colour: view.colour.clone(),
                summary: written.to_owned(),
            },
        )
        .unwrap();
    let html = page(&workspace.timeline(id).unwrap(), &ExportOptions::default());
    assert!(
        html.contains(
            "<p class=\"summary\">Six years of a partnership &lt;and&gt; its reviews.</p>"
        )
    );
}
