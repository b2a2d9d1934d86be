//! Hostile text and the network: every user text field filled with script
//! and markup is shown as text, with nothing run and nothing injected; only
//! http(s) links open, in the system browser, once confirmed; and the
//! webview loads nothing but the app's own files on the main journeys.

use std::time::{Duration, Instant};

use anyhow::Context;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use fantoccini::wd::TimeoutConfiguration;
use serde_json::{Value, json};
use tideline_model::TimelineDraft;
use tideline_store::views::{AnnotationDraft, EventPatch, SourceDraftView};
use tideline_tests::WAIT;

use crate::support::{App, sample_and_first_event, wait_css};

/// Script and markup that, if the UI ever handed it to the HTML parser or a
/// link, would set `window.__pwned` (and the page title) to the field's name
/// or leave a `<b>` saying `pwn-…`.
fn payload(field: &str) -> String {
    format!(
        r#"<img src=x onerror="window.__pwned='{field}';document.title='PWNED'"><script>window.__pwned='{field}'</script><svg onload="window.__pwned='{field}'"></svg>"><b>pwn-{field}</b> [go](javascript:window.__pwned='{field}')"#
    )
}

/// A URL can only be http(s) without spaces: the markup hides in its path.
const HOSTILE_URL: &str = r#"https://example.test/"><img/src=x/onerror=window.__pwned='url'>"#;

/// What a page that ran or parsed any payload would show: the flag, the
/// title, elements the payloads would make, and scripts beyond the app's.
const INSPECT: &str = r#"
    const injected = [...document.querySelectorAll(
        'img[src="x"], [onerror], [onload], svg[onload], iframe, object, embed, a[href^="javascript"], a[href]'
    )].map(element => element.outerHTML.slice(0, 120));
    const bold = [...document.querySelectorAll('b')]
        .filter(element => element.textContent.includes('pwn-'))
        .map(element => element.outerHTML.slice(0, 120));
    const scripts = [...document.querySelectorAll('script')]
        .map(script => script.src || ('inline: ' + script.textContent.slice(0, 80)));
    return {
        pwned: window.__pwned ?? null,
        title: document.title,
        injected: injected.concat(bold),
        scripts,
        href: location.href,
    };
"#;

/// The hostile workspace: the sample with every text field of one cited,
/// annotated event, its source, its lane and its timeline replaced by payloads.
struct Hostile {
    event: i64,
    title: String,
}

fn make_hostile(path: &std::path::Path) -> anyhow::Result<Hostile> {
    let (mut workspace, event) = sample_and_first_event(path)?;
    let citation = event.sources.first().context("the event cites a source")?;
    let title = payload("title");
    workspace.update_event(
        event.facts.id,
        &EventPatch {
            title: Some(title.clone()),
            description: Some(format!(
                "{}\n\n**{}**\n\n- [site](https://example.test/)\n- [run](javascript:window.__pwned='md')",
                payload("description"),
                payload("strong")
            )),
            parties: Some(vec![payload("party")]),
            tags: Some(vec![payload("tag")]),
            ..EventPatch::default()
        },
    )?;
    let source = workspace.source(citation.source_id)?;
    let draft = |url: &str| SourceDraftView {
        url: url.to_owned(),
        title: payload("source-title"),
        publisher: payload("publisher"),
        author: payload("author"),
        published: source.published.clone(),
        accessed: source.accessed.clone(),
        excerpt: payload("excerpt"),
        notes: payload("source-notes"),
    };
    assert!(
        workspace
            .update_source(
                citation.source_id,
                &draft("javascript:window.__pwned='url'")
            )
            .is_err(),
        "the store refuses a javascript: URL"
    );
    workspace.update_source(citation.source_id, &draft(HOSTILE_URL))?;
    workspace.update_citation(citation.link_id, &payload("quote"))?;
    let timeline_id = workspace
        .timelines()?
        .into_iter()
        .map(|timeline| timeline.id)
        .find(|&id| {
            workspace.timeline(id).is_ok_and(|view| {
                view.events
                    .iter()
                    .any(|shown| shown.facts.id == event.facts.id)
            })
        })
        .context("a timeline shows the event")?;
    let timeline = workspace.timeline(timeline_id)?;
    let lane = timeline
        .placements
        .iter()
        .find(|placement| placement.event_id == event.facts.id)
        .context("the event is placed")?
        .lane_id;
    workspace.rename_lane(lane, &payload("lane"))?;
    workspace.create_annotation(&AnnotationDraft {
        timeline_id,
        text: payload("note"),
        event_id: Some(event.facts.id),
        start: None,
        end: None,
    })?;
    workspace.update_timeline(
        timeline_id,
        TimelineDraft {
            title: payload("timeline"),
            subtitle: payload("subtitle"),
            description: payload("timeline-description"),
            colour: timeline.colour.clone(),
            summary: payload("summary"),
        },
    )?;
    Ok(Hostile {
        event: event.facts.id,
        title,
    })
}

impl App {
    /// Waits until `script` (a function body given `arguments`) returns true.
    async fn wait_js(&self, what: &str, script: &str, args: Vec<Value>) -> anyhow::Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            if self.client.execute(script, args.clone()).await? == Value::Bool(true) {
                return Ok(());
            }
            if Instant::now() > deadline {
                anyhow::bail!("timed out waiting for {what}");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Waits until an element matching `css` shows `text` as its text.
    async fn wait_text(&self, css: &str, text: &str) -> anyhow::Result<()> {
        self.wait_js(
            &format!("{css} to show {text:?}"),
            "const [css, text] = arguments;
             return [...document.querySelectorAll(css)].some(element => element.textContent.includes(text));",
            vec![css.into(), text.into()],
        )
        .await
    }

    /// The address the open confirmation shows (its text, even while the
    /// dialog fades in).
    async fn confirm_url(&self) -> anyhow::Result<String> {
        let shown = self.by_testid("confirm-url").await?;
        Ok(shown.prop("textContent").await?.unwrap_or_default())
    }

    /// Fails if any payload ran or any element it carries was made.
    async fn assert_nothing_ran(&self, view: &str) -> anyhow::Result<()> {
        let seen = self.client.execute(INSPECT, vec![]).await?;
        assert_eq!(
            seen["pwned"],
            Value::Null,
            "a payload ran in {view}: {seen}"
        );
        assert_ne!(seen["title"], "PWNED", "a payload ran in {view}: {seen}");
        assert_eq!(seen["injected"], json!([]), "elements injected in {view}");
        let scripts = seen["scripts"].as_array().context("scripts")?;
        assert!(
            scripts.len() == 1
                && scripts[0]
                    .as_str()
                    .is_some_and(|src| src.starts_with("tauri://localhost/assets/")),
            "only the app's own script in {view}: {seen}"
        );
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn hostile_text_is_shown_as_text_and_never_run() -> anyhow::Result<()> {
    let app = App::start("safe.db").await?;
    let path = app.db.with_file_name("hostile.db");
    let hostile = make_hostile(&path)?;
    app.invoke("open_workspace", json!({ "path": path }))
        .await?
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    app.client.refresh().await?;
    let href = app.client.current_url().await?.to_string();

    // The canvas, the timeline header, the lane and the library.
    let event = format!(
        r#"[data-testid="timeline-event"][data-event-id="{}"]"#,
        hostile.event
    );
    app.wait_text(&event, &hostile.title).await?;
    app.wait_text(r#"[data-testid="timeline"]"#, &payload("timeline"))
        .await?;
    app.wait_text(r#"[data-testid="lane-name"]"#, &payload("lane"))
        .await?;
    app.wait_text(
        &format!(
            r#"[data-testid="library-item"][data-event-id="{}"]"#,
            hostile.event
        ),
        &hostile.title,
    )
    .await?;
    app.assert_nothing_ran("the canvas and library").await?;

    // The hover card, with the event's note.
    let element = wait_css(&app.client, &event).await?;
    let hover = MouseActions::new("mouse".to_owned()).then(PointerAction::MoveToElement {
        element: element.clone(),
        duration: None,
        x: 0.0,
        y: 0.0,
    });
    app.client.perform_actions(hover).await?;
    app.wait_text(".hover-card", &hostile.title).await?;
    app.wait_text(".hover-card", &payload("note")).await?;
    app.assert_nothing_ran("the hover card").await?;
    app.client.release_actions().await?;

    // The inspector: the title as typed, chips, source, quote and note.
    element.click().await?;
    let input = app.by_testid("inspector-title").await?;
    assert_eq!(
        input.prop("value").await?.as_deref(),
        Some(hostile.title.as_str())
    );
    let inspector = r#"[data-testid="inspector"]"#;
    for field in ["party", "tag", "source-title", "publisher", "quote", "note"] {
        app.wait_text(inspector, &payload(field)).await?;
    }
    app.wait_text(inspector, HOSTILE_URL).await?;
    app.assert_nothing_ran("the inspector").await?;

    // The Markdown preview: markup stays text, only the http(s) link is a
    // link, and clicking either link goes nowhere.
    app.click("description-preview-toggle").await?;
    let preview = r#"[data-testid="description-preview"]"#;
    app.wait_text(preview, &payload("description")).await?;
    app.wait_text(&format!("{preview} strong"), &payload("strong"))
        .await?;
    app.wait_text(preview, "[run](javascript:window.__pwned='md')")
        .await?;
    let links = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-testid=\"description-preview\"] .md-link')]
                .map(link => link.dataset.url);",
            vec![],
        )
        .await?;
    assert_eq!(links, json!(["https://example.test/"]));
    wait_css(&app.client, &format!("{preview} .md-link"))
        .await?
        .click()
        .await?;
    app.wait_text(r#"[data-testid="confirm-url"]"#, "https://example.test/")
        .await?;
    app.assert_nothing_ran("the Markdown preview").await?;
    app.click("confirm-cancel").await?;
    assert_eq!(
        app.client.current_url().await?.as_str(),
        href,
        "a link click never navigates the webview"
    );

    // The export preview: the graphic is an image, the brief is text.
    app.click("timeline-menu").await?;
    app.click("export-timeline").await?;
    app.by_testid("export-dialog").await?;
    app.click("export-format-svg").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-preview"][data-state="graphic"] [data-testid="export-preview-image"]"#,
    )
    .await?;
    app.assert_nothing_ran("the graphic's preview").await?;
    app.click("export-format-md").await?;
    // The brief escapes Markdown, so its words, not its punctuation, are checked.
    app.wait_text(r#"[data-testid="export-preview-markdown"]"#, "pwn-title")
        .await?;
    app.assert_nothing_ran("the brief's preview").await?;
    app.close().await
}

/// A stand-in for the desktop's `xdg-open` that writes down its arguments:
/// their count, then each on a line.
struct Opener {
    dir: tempfile::TempDir,
}

impl Opener {
    fn new() -> anyhow::Result<Opener> {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir()?;
        let script = dir.path().join("xdg-open");
        std::fs::write(
            &script,
            format!(
                "#!/bin/sh\nprintf '%s\\n' \"$#\" \"$@\" >> '{}'\n",
                dir.path().join("opened").display()
            ),
        )?;
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755))?;
        Ok(Opener { dir })
    }

    /// What the stub has been called with so far.
    fn calls(&self) -> String {
        std::fs::read_to_string(self.dir.path().join("opened")).unwrap_or_default()
    }

    /// Waits until the stub has been called with `expected` in all.
    async fn wait_calls(&self, expected: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + WAIT;
        while self.calls().len() < expected.len() {
            if Instant::now() > deadline {
                anyhow::bail!(
                    "xdg-open was called with {:?}, not {expected:?}",
                    self.calls()
                );
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
        assert_eq!(self.calls(), expected);
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn only_web_links_open_in_the_browser_after_confirming() -> anyhow::Result<()> {
    let opener = Opener::new()?;
    let app = App::start_with_programs("links.db", Some(opener.dir.path())).await?;
    let path = app.db.with_file_name("linked.db");
    let link = "https://example.test/filing?id=1&lang=en";
    let (event, source_url) = {
        let (mut workspace, event) = sample_and_first_event(&path)?;
        workspace.update_event(
            event.facts.id,
            &EventPatch {
                description: Some(format!(
                    "Read [the filing]({link}).\n\n[run](javascript:window.__pwned='link')"
                )),
                ..EventPatch::default()
            },
        )?;
        let source = event.sources.first().context("the event cites a source")?;
        (event.facts.id, source.url.clone())
    };
    app.invoke("open_workspace", json!({ "path": path }))
        .await?
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    app.client.refresh().await?;
    let href = app.client.current_url().await?.to_string();
    wait_css(
        &app.client,
        &format!(r#"[data-testid="timeline-event"][data-event-id="{event}"]"#),
    )
    .await?
    .click()
    .await?;
    app.click("description-preview-toggle").await?;
    let preview = r#"[data-testid="description-preview"]"#;
    let dialogs = "return document.querySelectorAll('[data-testid=\"confirm-dialog\"]').length;";

    // A javascript: link is plain text: clicking it asks nothing and runs
    // nothing; and the shell refuses any address but an http(s) one if asked
    // directly (`ftp:` has a host, so only the scheme check stops it).
    app.wait_text(preview, "[run](javascript:window.__pwned='link')")
        .await?;
    wait_css(&app.client, &format!("{preview} p:last-child"))
        .await?
        .click()
        .await?;
    assert_eq!(app.client.execute(dialogs, vec![]).await?, json!(0));
    assert_eq!(
        app.client
            .execute("return window.__pwned ?? null;", vec![])
            .await?,
        Value::Null
    );
    for url in [
        "javascript:window.__pwned='ipc'",
        "ftp://example.test/filing",
        "file:///etc/passwd",
    ] {
        let refused = app
            .invoke("open_link", json!({ "url": url }))
            .await?
            .expect_err(url);
        assert_eq!(refused["code"], "invalid-input", "{url}: {refused}");
    }

    // An https link asks first, showing the whole address; Cancel opens nothing.
    let web = wait_css(&app.client, &format!("{preview} .md-link")).await?;
    web.click().await?;
    assert_eq!(app.confirm_url().await?, link);
    app.click("confirm-cancel").await?;
    assert_eq!(app.client.execute(dialogs, vec![]).await?, json!(0));

    // Confirmed, the browser gets exactly that address as its one argument;
    // nothing asked or cancelled before reached it.
    web.click().await?;
    app.click("confirm-ok").await?;
    opener.wait_calls(&format!("1\n{link}\n")).await?;

    // A source's address in the inspector opens the same way.
    wait_css(
        &app.client,
        r#"[data-testid="inspector-source"] .source-url"#,
    )
    .await?
    .click()
    .await?;
    assert_eq!(app.confirm_url().await?, source_url);
    app.click("confirm-ok").await?;
    opener
        .wait_calls(&format!("1\n{link}\n1\n{source_url}\n"))
        .await?;
    assert_eq!(
        app.client.current_url().await?.as_str(),
        href,
        "a link never navigates the webview"
    );
    app.close().await
}

/// Told to leave (by a link, a form or a script that slipped through), the
/// webview stays on the app: the shell cancels the navigation, so the page
/// never loads and WebDriver gives up after its page-load timeout.
#[tokio::test(flavor = "multi_thread")]
async fn the_webview_never_leaves_the_app() -> anyhow::Result<()> {
    let app = App::start("stay.db").await?;
    let href = app.client.current_url().await?.to_string();
    app.client
        .execute("window.__stayed = true;", vec![])
        .await?;
    app.client
        .update_timeouts(TimeoutConfiguration::new(
            None,
            Some(Duration::from_secs(2)),
            None,
        ))
        .await?;
    assert!(app.client.goto("about:blank").await.is_err());
    assert_eq!(app.client.current_url().await?.as_str(), href);
    assert_eq!(
        app.client
            .execute("return window.__stayed ?? false;", vec![])
            .await?,
        json!(true)
    );
    app.close().await
}

/// Where the app's own files and replies come from; anything else is the network.
const OWN_ORIGINS: [&str; 4] = [
    "tauri://localhost",
    "http://tauri.localhost",
    "ipc://localhost",
    "http://ipc.localhost",
];

fn is_own(url: &str) -> bool {
    url.starts_with("data:")
        || url.starts_with("blob:tauri://localhost/")
        || url.starts_with("blob:http://tauri.localhost/")
        || OWN_ORIGINS.iter().any(|origin| {
            url.strip_prefix(origin)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
}

/// Every URL the page has loaded or points at: the navigation, the resource
/// timing entries, the sources of images, scripts, styles and frames in the
/// DOM, and what the CSP blocked.
const LOADED: &str = r#"
    const timed = performance.getEntriesByType('navigation')
        .concat(performance.getEntriesByType('resource'))
        .map(entry => entry.name);
    const linked = [...document.querySelectorAll('img, script, link, iframe, source, video, audio, object, embed, image, use')]
        .flatMap(element => [
            element.getAttribute('src'), element.getAttribute('href'),
            element.getAttribute('data'), element.getAttribute('xlink:href'),
        ])
        .filter(url => url !== null && url !== '')
        .map(url => new URL(url, document.baseURI).href);
    return {
        urls: timed.concat(linked).concat(window.__blocked ?? []),
        resources: performance.getEntriesByType('resource').length,
    };
"#;

#[tokio::test(flavor = "multi_thread")]
async fn the_webview_loads_nothing_but_the_apps_own() -> anyhow::Result<()> {
    let app = App::start("offline.db").await?;
    // The start's entries must all still be there, and the journeys' kept.
    let start = app.client.execute(LOADED, vec![]).await?;
    assert!(
        start["resources"].as_u64().unwrap_or(0) < 250,
        "the resource timing buffer overflowed before it was read: {start}"
    );
    app.client
        .execute(
            "performance.setResourceTimingBufferSize(100000);
             window.__blocked = [];
             document.addEventListener('securitypolicyviolation', event => window.__blocked.push(event.blockedURI || 'blocked'));",
            vec![],
        )
        .await?;

    // Search the library, open the inspector, preview an export.
    let search = app.by_testid("library-search").await?;
    search.send_keys("OpenAI").await?;
    wait_css(&app.client, r#"[data-testid="library-item"]"#)
        .await?
        .click()
        .await?;
    app.by_testid("inspector-title").await?;
    app.click("description-preview-toggle").await?;
    app.click("timeline-menu").await?;
    app.click("export-timeline").await?;
    app.by_testid("export-dialog").await?;
    app.click("export-format-png").await?;
    let image = wait_css(
        &app.client,
        r#"[data-testid="export-preview"][data-state="graphic"] [data-testid="export-preview-image"]"#,
    )
    .await?;
    app.client
        .execute(
            "return arguments[0].decode();",
            vec![serde_json::to_value(&image)?],
        )
        .await?;
    app.click("export-format-md").await?;
    app.by_testid("export-preview-markdown").await?;

    let seen = app.client.execute(LOADED, vec![]).await?;
    let urls: Vec<&str> = seen["urls"]
        .as_array()
        .context("urls")?
        .iter()
        .filter_map(Value::as_str)
        .collect();
    assert!(
        urls.iter()
            .any(|url| url.starts_with("tauri://localhost/assets/")),
        "the app's own files are recorded: {urls:?}"
    );
    let foreign: Vec<&&str> = urls.iter().filter(|url| !is_own(url)).collect();
    assert!(foreign.is_empty(), "loaded from elsewhere: {foreign:?}");
    app.close().await
}
