//! The exported web page in real browsers: headless Chromium and WebKitGTK.
//!
//! Each of the sample's timelines is exported with `--format html` and
//! opened from disk (file://). The page must fetch nothing, run its viewer
//! and set its text in the inlined Inter, let the keyboard alone reach and
//! open every event, pass axe-core in light and dark, wide and narrow; with
//! scripts off it must show every event, date and source; and inside a
//! sandboxed iframe it must tell its host how tall it is.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::Client;
use fantoccini::key::Key;
use serde_json::Value;
use tideline_export::{ExportOptions, Format, render, render_comparison};
use tideline_store::Workspace;
use tideline_store::views::{ComparisonRequest, EventView};
use tideline_tests::browser::{Browser, Engine};

/// A page and what it shows: its title and its events, once each.
struct Page {
    title: String,
    /// A comparison's page, on an axis from each T0.
    relative: bool,
    /// The list's items: a comparison lists an event on two of its
    /// timelines twice.
    items: usize,
    events: Vec<EventView>,
    path: PathBuf,
}

/// Each sample timeline's page and the saved comparison's, written into
/// `dir`.
fn pages(dir: &Path) -> Vec<Page> {
    let mut workspace = Workspace::open(&dir.join("sample.db")).unwrap();
    workspace.replace_with_sample().unwrap();
    let options = ExportOptions::default();
    let mut pages: Vec<Page> = workspace
        .timelines()
        .unwrap()
        .iter()
        .map(|summary| {
            let view = workspace.timeline(summary.id).unwrap();
            let path = dir.join(format!("timeline-{}.html", view.id));
            std::fs::write(&path, render(&view, Format::Html, &options).unwrap()).unwrap();
            Page {
                title: view.title,
                relative: false,
                items: view.events.len(),
                events: view.events,
                path,
            }
        })
        .collect();
    for saved in workspace.comparisons().unwrap() {
        let view = workspace
            .comparison_view(&ComparisonRequest::Saved { id: saved.id })
            .unwrap();
        let path = dir.join(format!("comparison-{}.html", saved.id));
        std::fs::write(
            &path,
            render_comparison(&view, Format::Html, &options).unwrap(),
        )
        .unwrap();
        let mut events: Vec<EventView> = Vec::new();
        for event in view.timelines.iter().flat_map(|t| &t.events) {
            if !events.iter().any(|e| e.facts.id == event.facts.id) {
                events.push(event.clone());
            }
        }
        pages.push(Page {
            title: view.name,
            relative: true,
            items: view.timelines.iter().map(|t| t.events.len()).sum(),
            events,
            path,
        });
    }
    pages
}

fn url(path: &Path, query: &str) -> String {
    format!("file://{}{query}", path.display())
}

/// Runs `script` (a function body) until it returns something truthy.
async fn wait_for(client: &Client, what: &str, script: &str) -> Value {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let value = client.execute(script, vec![]).await.unwrap();
        let truthy = match &value {
            Value::Null => false,
            Value::Bool(b) => *b,
            Value::Number(n) => n.as_f64() != Some(0.0),
            Value::String(s) => !s.is_empty(),
            _ => true,
        };
        if truthy {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// The id of the event the keyboard is on, or None.
async fn focused_event(client: &Client) -> Option<i64> {
    client
        .execute(
            "const a = document.activeElement; return a && a.dataset.id ? Number(a.dataset.id) : null;",
            vec![],
        )
        .await
        .unwrap()
        .as_i64()
}

async fn press(client: &Client, key: Key) {
    client
        .active_element()
        .await
        .unwrap()
        .send_keys(&char::from(key).to_string())
        .await
        .unwrap();
}

/// axe-core's violations on the page as it is now.
async fn axe_violations(client: &Client) -> Vec<Value> {
    let axe = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../ui/node_modules/axe-core/axe.min.js"
    ))
    .expect("axe-core is installed with the UI's packages");
    let script = format!(
        "const done = arguments[arguments.length - 1];
         if (!window.axe) {{ {axe} }}
         axe.run(document, {{ resultTypes: ['violations'] }})
            .then((r) => done(r.violations.map((v) => ({{ id: v.id, nodes: v.nodes.map((n) => n.html).slice(0, 3) }}))))
            .catch((e) => done([{{ id: 'axe failed', nodes: [String(e)] }}]));"
    );
    let value = client.execute_async(&script, vec![]).await.unwrap();
    value.as_array().cloned().unwrap_or_default()
}

/// The page opened, its viewer run, its fonts in and nothing fetched.
async fn open(client: &Client, page: &Path, query: &str) {
    client.goto(&url(page, query)).await.unwrap();
    wait_for(
        client,
        "the viewer",
        "return document.documentElement.classList.contains('enhanced');",
    )
    .await;
    wait_for(
        client,
        "the inlined Inter",
        "return document.fonts.status === 'loaded' && document.fonts.check('12px \"Inter Tideline\"') && [...document.fonts].some((f) => f.status === 'loaded');",
    )
    .await;
    let fetched = client
        .execute(
            "return performance.getEntriesByType('resource').map((e) => e.name);",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(fetched, serde_json::json!([]), "the page fetched");
}

async fn the_page_works_offline_by_keyboard_and_passes_axe(engine: Engine) {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::start(engine, true).await.unwrap();
    let client = &browser.client;
    for page in pages(dir.path()) {
        let view = &page;
        let page = &page.path;
        client.set_window_size(1280, 900).await.unwrap();
        open(client, page, "").await;
        // The keyboard's order: by date on a timeline, by time from T0 on a
        // comparison; every event once either way.
        let order: Vec<i64> = serde_json::from_value(
            client
                .execute(
                    "return JSON.parse(document.getElementById('tideline-data').textContent).events.map((e) => e.id);",
                    vec![],
                )
                .await
                .unwrap(),
        )
        .unwrap();
        let mut by_date: Vec<_> = view.events.iter().collect();
        by_date.sort_by_key(|e| (e.facts.start_minute, e.facts.id));
        let by_date: Vec<i64> = by_date.iter().map(|e| e.facts.id).collect();
        if view.relative {
            let mut sorted = order.clone();
            sorted.sort();
            let mut expected = by_date.clone();
            expected.sort();
            assert_eq!(sorted, expected, "{}", view.title);
        } else {
            assert_eq!(order, by_date, "{}", view.title);
        }
        // Tab from the top reaches the events in one stop, after the tools.
        client
            .execute("document.activeElement?.blur(); window.focus();", vec![])
            .await
            .unwrap();
        // Element Send Keys focuses its element first: the first Tab goes
        // to the body, the next ones to wherever the focus is.
        client
            .find(fantoccini::Locator::Css("body"))
            .await
            .unwrap()
            .send_keys(&char::from(Key::Tab).to_string())
            .await
            .unwrap();
        let mut tabs = 1;
        while focused_event(client).await.is_none() {
            press(client, Key::Tab).await;
            tabs += 1;
            assert!(tabs <= 6, "{engine:?}: the events are not reached by Tab");
        }
        assert_eq!(
            focused_event(client).await,
            Some(order[0]),
            "{}",
            view.title
        );
        // Arrow keys walk every event in date order; End and Home jump.
        for expected in &order[1..] {
            press(client, Key::Right).await;
            assert_eq!(
                focused_event(client).await,
                Some(*expected),
                "{}",
                view.title
            );
        }
        press(client, Key::Home).await;
        assert_eq!(focused_event(client).await, Some(order[0]));
        press(client, Key::End).await;
        let last = *order.last().unwrap();
        assert_eq!(focused_event(client).await, Some(last));
        let live = client
            .execute(
                "return document.querySelector('[aria-live]').textContent;",
                vec![],
            )
            .await
            .unwrap();
        let title = &view
            .events
            .iter()
            .find(|e| e.facts.id == last)
            .unwrap()
            .facts
            .title;
        assert!(live.as_str().unwrap().ends_with(title.as_str()), "{live}");
        // Enter opens the card with the event's sources; Escape closes it
        // and gives the focus back.
        press(client, Key::Enter).await;
        let card = wait_for(
            client,
            "the card",
            "const c = document.querySelector('.tl-card'); return c && !c.hidden ? c.textContent : null;",
        )
        .await;
        let event = view.events.iter().find(|e| e.facts.id == last).unwrap();
        for source in &event.sources {
            assert!(card.as_str().unwrap().contains(&source.url), "{card}");
        }
        assert!(
            client
                .execute("return location.hash;", vec![])
                .await
                .unwrap()
                .as_str()
                .unwrap()
                .ends_with(&format!("event-{last}"))
        );
        press(client, Key::Escape).await;
        assert_eq!(focused_event(client).await, Some(last));

        // A permalink opens its event, from disk too.
        let linked = order[order.len() / 2];
        open(client, page, &format!("#event-{linked}")).await;
        let title = &view
            .events
            .iter()
            .find(|e| e.facts.id == linked)
            .unwrap()
            .facts
            .title;
        let card = wait_for(
            client,
            "the permalinked card",
            "const c = document.querySelector('.tl-card'); return c && !c.hidden ? c.querySelector('h3').textContent : null;",
        )
        .await;
        assert_eq!(
            card.as_str(),
            Some(title.as_str()),
            "{engine:?} {}",
            view.title
        );

        // axe-core: light and dark, wide and narrow.
        for (width, query) in [
            (1280, ""),
            (1280, "?theme=dark"),
            (420, ""),
            (420, "?theme=dark"),
        ] {
            client.set_window_size(width, 900).await.unwrap();
            open(client, page, query).await;
            let violations = axe_violations(client).await;
            assert!(
                violations.is_empty(),
                "{engine:?} {} at {width} px{query}: {violations:#?}",
                view.title
            );
        }
    }
    browser.close().await.unwrap();
}

#[tokio::test]
async fn in_chromium_the_page_works_offline_by_keyboard_and_passes_axe() {
    the_page_works_offline_by_keyboard_and_passes_axe(Engine::Chromium).await;
}

#[tokio::test]
async fn in_webkitgtk_the_page_works_offline_by_keyboard_and_passes_axe() {
    the_page_works_offline_by_keyboard_and_passes_axe(Engine::WebKit).await;
}

#[tokio::test]
async fn with_scripts_off_the_page_shows_every_event_date_and_source() {
    let dir = tempfile::tempdir().unwrap();
    let browser = Browser::start(Engine::Chromium, false).await.unwrap();
    let client = &browser.client;
    for page in pages(dir.path()) {
        let view = &page;
        client.goto(&url(&page.path, "")).await.unwrap();
        let shown = client
            .execute(
                "return [...document.querySelectorAll('li.event')].filter((li) => li.getClientRects().length > 0).map((li) => [li.id, li.innerText]);",
                vec![],
            )
            .await
            .unwrap();
        let shown: Vec<(String, String)> = serde_json::from_value(shown).unwrap();
        assert_eq!(shown.len(), view.items, "{}", view.title);
        assert!(
            !client
                .execute(
                    "return document.documentElement.classList.contains('enhanced');",
                    vec![]
                )
                .await
                .unwrap()
                .as_bool()
                .unwrap()
        );
        for event in &view.events {
            let id = format!("event-{}", event.facts.id);
            let (_, text) = shown
                .iter()
                .find(|(shown, _)| *shown == id)
                .unwrap_or_else(|| panic!("{} is not shown", event.facts.title));
            assert!(text.contains(&event.facts.title), "{text}");
            for source in &event.sources {
                assert!(
                    text.contains(&source.url),
                    "{}: {}",
                    event.facts.title,
                    source.url
                );
            }
        }
        let times = client
            .execute(
                "return [...document.querySelectorAll('li.event time')].filter((t) => t.getClientRects().length > 0).length;",
                vec![],
            )
            .await
            .unwrap();
        assert!(times.as_u64().unwrap() >= view.events.len() as u64);
    }
    browser.close().await.unwrap();
}

#[tokio::test]
async fn a_sandboxed_iframe_grows_to_the_height_the_page_posts() {
    let dir = tempfile::tempdir().unwrap();
    let page = pages(dir.path()).remove(0).path;
    // A host page as a CMS writes one: Datawrapper's listener.
    let host = dir.path().join("host.html");
    std::fs::write(
        &host,
        format!(
            r#"<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<iframe title="Timeline" sandbox="allow-scripts allow-popups" src="{}" style="width:900px;height:150px;border:0"></iframe>
<script>
addEventListener("message", (e) => {{
  const heights = e.data && e.data["datawrapper-height"];
  if (!heights) return;
  for (const frame of document.querySelectorAll("iframe")) {{
    if (frame.contentWindow === e.source) for (const key in heights) frame.style.height = heights[key] + "px";
  }}
}});
</script></body></html>"#,
            url(&page, "")
        ),
    )
    .unwrap();
    // In Chromium only: WebKitGTK's test runs beside this one, and two of
    // its sessions would share, and take down, one virtual display.
    let browser = Browser::start(Engine::Chromium, true).await.unwrap();
    let client = &browser.client;
    client.goto(&url(&host, "")).await.unwrap();
    let height = wait_for(
        client,
        "the iframe to grow",
        "const h = document.querySelector('iframe').getBoundingClientRect().height; return h > 400 ? h : null;",
    )
    .await;
    assert!(height.as_f64().unwrap() > 400.0, "{height}");
    browser.close().await.unwrap();
}
