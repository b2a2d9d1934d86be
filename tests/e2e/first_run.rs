//! A new user's first ten minutes, from a file that does not exist yet: a
//! timeline built from the start panel, five events typed at each precision
//! in the New event form, a source with its quote, a lane move that keeps
//! the date, a shaded period and an export preview. Once by mouse, once by
//! keyboard alone; each step found in SQLite.

use fantoccini::Locator;
use fantoccini::elements::Element;
use fantoccini::key::Key;
use serde_json::Value;

use crate::support::{App, event_titled, replace_text, wait_css, wait_for};

const DEAL: &str = "Broadcom–VMware";

/// The journey's events, as a journalist types them: title, date or range
/// in one field, what they type to find the kind, the lane, and what the
/// file must then hold (start, end, kind).
struct Typed {
    title: &'static str,
    date: &'static str,
    kind_search: &'static str,
    lane: &'static str,
    start: &'static str,
    end: Option<&'static str>,
    kind: &'static str,
}

const EVENTS: &[Typed] = &[
    Typed {
        title: "Broadcom agrees to acquire VMware",
        date: "26 May 2022",
        kind_search: "definitive",
        lane: "Events",
        start: "2022-05-26",
        end: None,
        kind: "definitive-agreement",
    },
    Typed {
        title: "FTC issues a second request",
        date: "Jul 2022",
        kind_search: "review",
        lane: "Regulators",
        start: "2022-07",
        end: None,
        kind: "regulatory-review",
    },
    Typed {
        title: "Regulators worldwide review the deal",
        date: "2023",
        kind_search: "review",
        lane: "Regulators",
        start: "2023",
        end: None,
        kind: "regulatory-review",
    },
    Typed {
        title: "European Commission in-depth investigation",
        date: "20 Dec 2022 – 12 Jul 2023",
        kind_search: "review",
        lane: "Regulators",
        start: "2022-12-20",
        end: Some("2023-07-12"),
        kind: "regulatory-review",
    },
    Typed {
        title: "VMware spun off from Dell",
        date: "c. 2021",
        kind_search: "other",
        lane: "Events",
        start: "2021~",
        end: None,
        kind: "other",
    },
];

/// The period both journeys shade, as the file holds it.
const SHADED: &str =
    "SELECT start_edtf || '/' || end_edtf FROM annotation WHERE text = 'EU in-depth review'";

const SOURCE_URL: &str = "https://investors.broadcom.com/news-releases/news-release-details/broadcom-acquire-vmware-approximately-61-billion-cash-and-stock";
const QUOTE: &str =
    "Broadcom will acquire all of the outstanding shares of VMware in a cash-and-stock transaction";

impl App {
    fn lane(&self, name: &str) -> String {
        self.query(&format!(
            "SELECT l.id FROM lane l JOIN timeline t ON t.id = l.timeline_id
             WHERE t.title = '{DEAL}' AND l.name = '{name}'"
        ))
    }

    /// Waits until the file holds `event` as typed, with `confidence`,
    /// in the lane `lane` of the deal's timeline.
    async fn wait_stored(&self, event: &Typed, confidence: &str, lane: &str) -> anyhow::Result<()> {
        let expected = format!(
            "{}|{}|{}|{confidence}|{lane}",
            event.start,
            event.end.unwrap_or_default(),
            event.kind
        );
        let sql = format!(
            "SELECT e.start_edtf || '|' || coalesce(e.end_edtf, '') || '|' || e.kind || '|' ||
                    e.confidence || '|' || coalesce(l.name, '')
             FROM event e LEFT JOIN placement p ON p.event_id = e.id
             LEFT JOIN lane l ON l.id = p.lane_id
             WHERE e.title = '{}'",
            event.title.replace('\'', "''")
        );
        self.wait_query(&sql, &expected).await
    }

    /// The keys, typed into whatever has focus.
    async fn keys(&self, keys: &str) -> anyhow::Result<()> {
        self.client.active_element().await?.send_keys(keys).await?;
        Ok(())
    }

    /// The focused element's test id, or what it is when it has none
    /// (`body` when focus fell to the page), once two frames have passed.
    async fn focused(&self) -> anyhow::Result<String> {
        let script = r#"const done = arguments[0];
            requestAnimationFrame(() => requestAnimationFrame(() => {
              const active = document.activeElement;
              done(active === null || active === document.body ? "body"
                : active.dataset.testid ?? active.closest("[data-region]")?.dataset.region ?? active.tagName);
            }));"#;
        let focused = self.client.execute_async(script, vec![]).await?;
        Ok(focused.as_str().unwrap_or("body").to_owned())
    }

    /// Waits until the control `testid` has focus: a form that opens puts
    /// focus in its first field once it is drawn, and keys typed before
    /// would go elsewhere.
    async fn wait_focus(&self, testid: &str) -> anyhow::Result<()> {
        let deadline = std::time::Instant::now() + tideline_tests::WAIT;
        loop {
            let focused = self.focused().await?;
            if focused == testid {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                anyhow::bail!("{testid} never had focus; {focused} has it");
            }
        }
    }

    /// Checks that focus did not fall to the page after `what`.
    async fn focus_kept(&self, what: &str) -> anyhow::Result<String> {
        let focused = self.focused().await?;
        assert_ne!(focused, "body", "focus fell to the page after {what}");
        Ok(focused)
    }

    /// Presses Tab (or Shift+Tab) until the control `testid` has focus,
    /// and says how many presses it took.
    async fn tab_to(&self, testid: &str, back: bool) -> anyhow::Result<usize> {
        let key = if back {
            format!("{}{}", char::from(Key::Shift), char::from(Key::Tab))
        } else {
            char::from(Key::Tab).to_string()
        };
        for presses in 1..=80 {
            self.keys(&key).await?;
            if self.focused().await? == testid {
                return Ok(presses);
            }
        }
        anyhow::bail!("{testid} never had focus in 80 presses of Tab")
    }
}

fn enter() -> String {
    char::from(Key::Enter).to_string()
}

fn tab() -> String {
    char::from(Key::Tab).to_string()
}

/// The file starts empty, and the start panel offers the sample.
async fn assert_empty(app: &App) -> anyhow::Result<()> {
    assert_eq!(app.query("SELECT count(*) FROM timeline"), "0");
    assert_eq!(app.query("SELECT count(*) FROM event"), "0");
    wait_css(&app.client, r#"[data-testid="start-open-sample"]"#).await?;
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn a_new_user_builds_a_timeline_from_an_empty_file_by_mouse() -> anyhow::Result<()> {
    let app = App::start_empty("broadcom.db").await?;
    assert_empty(&app).await?;
    app.screenshot("start-panel.png").await?;

    app.click("start-new-timeline").await?;
    app.type_into("new-timeline-title", &format!("{DEAL}{}", enter()))
        .await?;
    app.wait_query(
        &format!("SELECT count(*) FROM timeline WHERE title = '{DEAL}'"),
        "1",
    )
    .await?;
    wait_for(
        &app.client,
        &format!(r#"//*[@data-testid="current-timeline"][contains(., "{DEAL}")]"#),
    )
    .await?;
    app.click("add-lane").await?;
    app.type_into("new-lane-name", &format!("Regulators{}", enter()))
        .await?;
    app.wait_query(
        "SELECT group_concat(name, ',') FROM (SELECT name FROM lane ORDER BY position)",
        "Events,Regulators",
    )
    .await?;

    for (index, event) in EVENTS.iter().enumerate() {
        let lane = app.lane(event.lane);
        if index == 1 {
            // The Regulators lane is still empty, the only one: it offers its
            // own New event. The lane is drawn again when the layout of the
            // new lane lands, so a click may meet the button it replaced.
            let deadline = std::time::Instant::now() + tideline_tests::WAIT;
            let form = Locator::Css(r#"[data-testid="new-event-lane"]"#);
            while app.client.find(form).await.is_err() {
                assert!(
                    std::time::Instant::now() < deadline,
                    "the lane's New event never opened the form"
                );
                if let Ok(button) = app
                    .client
                    .find(Locator::Css(r#"[data-testid="lane-new-event"]"#))
                    .await
                {
                    button.click().await.ok();
                }
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
            }
            assert_eq!(app.value_of("new-event-lane").await?, lane);
        } else {
            app.click("new-event").await?;
        }
        app.type_into("new-event-title", event.title).await?;
        replace_text(&app.by_testid("new-event-kind").await?, event.kind_search).await?;
        wait_css(
            &app.client,
            &format!(
                r#"[data-testid="new-event-kind"][data-kind="{}"]"#,
                event.kind
            ),
        )
        .await?;
        app.by_testid("new-event-lane")
            .await?
            .select_by_value(&lane)
            .await?;
        let date = app.by_testid("new-event-start").await?;
        date.send_keys(event.date).await?;
        if event.end.is_some() {
            wait_for(
                &app.client,
                r#"//*[@data-testid="new-event-date-reading"][contains(., "20 Dec 2022 – 12 Jul 2023")]"#,
            )
            .await?;
            app.screenshot("new-event-range.png").await?;
        }
        date.send_keys(&enter()).await?;
        app.wait_stored(event, "reported", event.lane).await?;
    }
    assert_eq!(app.query("SELECT count(*) FROM event"), "5");

    // A source with its quote, on the agreement, picked in the library (the
    // canvas may still be laying the last event out).
    let agreement = app.query(&format!(
        "SELECT id FROM event WHERE title = '{}'",
        EVENTS[0].title
    ));
    wait_css(
        &app.client,
        &format!(r#"[data-testid="library-item"][data-event-id="{agreement}"]"#),
    )
    .await?
    .click()
    .await?;
    app.wait_value("inspector-title", EVENTS[0].title).await?;
    app.click("add-source").await?;
    app.type_into("source-search", SOURCE_URL).await?;
    app.click("source-new").await?;
    app.type_into(
        "source-title",
        "Broadcom to Acquire VMware for Approximately $61 Billion in Cash and Stock",
    )
    .await?;
    app.type_into("source-publisher", "Broadcom").await?;
    app.click("source-create").await?;
    app.type_into("source-quote", QUOTE).await?;
    app.click("source-cite").await?;
    app.wait_query(
        &format!(
            "SELECT count(*) FROM event_source l JOIN source s ON s.id = l.source_id
             JOIN event e ON e.id = l.event_id
             WHERE e.title = '{}' AND s.url = '{SOURCE_URL}' AND l.quote = '{QUOTE}'",
            EVENTS[0].title
        ),
        "1",
    )
    .await?;
    app.click("inspector-close").await?;

    // A drag that is mostly downwards moves the event to the next lane and
    // keeps its date, whatever it travels sideways on the way.
    let second = &EVENTS[1];
    let mark = wait_for(&app.client, &event_titled(second.title)).await?;
    let marker = mark.find(Locator::Css(".event-marker, .event-bar")).await?;
    let target = wait_css(
        &app.client,
        &format!(
            r#"[data-testid="lane"][data-lane-id="{}"]"#,
            app.lane("Events")
        ),
    )
    .await?;
    let (_, from_y, _, from_h) = marker.rectangle().await?;
    let (_, lane_y, _, lane_h) = target.rectangle().await?;
    let dy = (lane_y + lane_h / 2.0) - (from_y + from_h / 2.0);
    app.press_and_move(&marker, (0.0, 0.0), 14.0, dy).await?;
    let tag = app.by_testid("drag-ghost-date").await?;
    assert_eq!(tag.text().await?, "date unchanged");
    let ghost = wait_css(&app.client, ".drag-tag").await?.text().await?;
    assert!(ghost.contains("Lane: Events"), "{ghost}");
    app.screenshot("lane-move.png").await?;
    app.release().await?;
    app.wait_stored(second, "reported", "Events").await?;

    // A shaded period, with dates as a person writes them.
    app.click("add-span").await?;
    app.type_into("span-text-input", "EU in-depth review")
        .await?;
    app.type_into("span-start", "20 Dec 2022").await?;
    app.type_into("span-end", "12 Jul 2023").await?;
    app.click("span-submit").await?;
    app.wait_query(SHADED, "2022-12-20/2023-07-12").await?;
    app.screenshot("first-timeline.png").await?;

    // The export's preview: the graphic zooms, the brief renders.
    app.click("export-button").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-preview"][data-state="graphic"]"#,
    )
    .await?;
    app.click("export-preview-zoom-in").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-preview-image"][data-zoom="1"]"#,
    )
    .await?;
    app.click("export-format-md").await?;
    let brief = wait_css(
        &app.client,
        r#"[data-testid="export-preview-markdown"][data-view="rendered"]"#,
    )
    .await?;
    let heading = brief.find(Locator::Css("h3")).await?.text().await?;
    assert_eq!(heading, DEAL);
    let text = brief.text().await?;
    assert!(
        text.contains("$61 Billion"),
        "the brief's source, unescaped: {text}"
    );
    app.screenshot("export-brief.png").await?;
    app.click("export-cancel").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_same_journey_by_keyboard_alone() -> anyhow::Result<()> {
    let app = App::start_empty("keyboard-only.db").await?;
    assert_empty(&app).await?;

    // The first Tab stop skips to the start panel.
    app.keys(&tab()).await?;
    assert_eq!(app.focused().await?, "skip-to-canvas");
    app.keys(&enter()).await?;
    assert_eq!(app.focused().await?, "start-new-timeline");
    app.keys(&enter()).await?;
    app.wait_focus("new-timeline-title").await?;
    app.keys(&format!("{DEAL}{}", enter())).await?;
    app.wait_query(
        &format!("SELECT count(*) FROM timeline WHERE title = '{DEAL}'"),
        "1",
    )
    .await?;
    app.focus_kept("creating the timeline").await?;

    // From the top bar, F6 reaches the canvas within five presses.
    app.tab_to("skip-to-canvas", true).await?;
    app.keys(&tab()).await?;
    let mut path = vec![app.focused().await?];
    while !app.in_region("canvas").await? {
        assert!(
            path.len() <= 5,
            "more than five presses from the top bar to the canvas: {path:?}"
        );
        app.keys(&char::from(Key::F6).to_string()).await?;
        path.push(app.focused().await?);
    }

    // A lane, from the timeline's header.
    app.tab_to("add-lane", false).await?;
    app.keys(&enter()).await?;
    app.wait_focus("new-lane-name").await?;
    app.keys(&format!("Regulators{}", enter())).await?;
    app.wait_query("SELECT count(*) FROM lane", "2").await?;
    app.focus_kept("adding a lane").await?;

    // Five events, each from N: title, date, kind by search, lane by arrows.
    for event in EVENTS {
        app.keys("n").await?;
        app.wait_focus("new-event-title").await?;
        app.keys(event.title).await?;
        app.keys(&tab()).await?;
        app.keys(event.date).await?;
        app.tab_to("new-event-kind", false).await?;
        app.keys(&format!("{}{}", event.kind_search, enter()))
            .await?;
        wait_css(
            &app.client,
            &format!(
                r#"[data-testid="new-event-kind"][data-kind="{}"]"#,
                event.kind
            ),
        )
        .await?;
        app.tab_to("new-event-lane", false).await?;
        let lane = app.lane(event.lane);
        // Down from the first choice; the list has the deal's two lanes and
        // "Library only".
        for _ in 0..3 {
            if app.value_of("new-event-lane").await? == lane {
                break;
            }
            app.keys(&char::from(Key::Down).to_string()).await?;
        }
        assert_eq!(
            app.value_of("new-event-lane").await?,
            lane,
            "Down never reached the lane"
        );
        app.tab_to("new-event-start", true).await?;
        app.keys(&enter()).await?;
        app.wait_stored(event, "reported", event.lane).await?;
        assert_eq!(app.focus_kept("creating an event").await?, "new-event");
    }

    // The agreement's source and quote, from the inspector.
    let agreement = app.query(&format!(
        "SELECT id FROM event WHERE title = '{}'",
        EVENTS[0].title
    ));
    app.focus_event(&agreement).await?;
    app.keys(&enter()).await?;
    app.by_testid("inspector").await?;
    app.keys(&char::from(Key::F6).to_string()).await?;
    app.tab_to("add-source", false).await?;
    app.keys(&enter()).await?;
    app.wait_focus("source-search").await?;
    app.keys(SOURCE_URL).await?;
    app.tab_to("source-new", false).await?;
    app.keys(&enter()).await?;
    app.wait_focus("source-title").await?;
    app.keys("Broadcom to Acquire VMware for Approximately $61 Billion in Cash and Stock")
        .await?;
    app.keys(&format!("{}Broadcom{}", tab(), enter())).await?;
    app.wait_focus("source-quote").await?;
    app.keys(QUOTE).await?;
    app.tab_to("source-cite", false).await?;
    app.keys(&enter()).await?;
    app.wait_query(
        &format!("SELECT count(*) FROM event_source WHERE event_id = {agreement}"),
        "1",
    )
    .await?;
    app.focus_kept("citing a source").await?;

    // The inspector's Lane field moves the event and keeps its date.
    app.tab_to("inspector-lane", false).await?;
    app.keys(&char::from(Key::Down).to_string()).await?;
    let moved = Typed {
        lane: "Regulators",
        ..EVENTS[0]
    };
    app.wait_stored(&moved, "reported", "Regulators").await?;
    app.focus_kept("changing the lane").await?;

    // A shaded period from the timeline's header.
    app.keys(&char::from(Key::Escape).to_string()).await?;
    app.focus_region("canvas").await?;
    app.tab_to("add-span", false).await?;
    app.keys(&enter()).await?;
    app.wait_focus("span-text-input").await?;
    app.keys(&format!(
        "EU in-depth review{}20 Dec 2022{}12 Jul 2023{}",
        tab(),
        tab(),
        enter()
    ))
    .await?;
    app.wait_query(SHADED, "2022-12-20/2023-07-12").await?;
    app.focus_kept("shading a period").await?;

    // The export preview, and back.
    app.focus_region("topbar").await?;
    app.tab_to("export-button", false).await?;
    app.keys(&enter()).await?;
    app.by_testid("export-dialog").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-preview"][data-state="graphic"]"#,
    )
    .await?;
    app.keys(&char::from(Key::Escape).to_string()).await?;
    app.focus_kept("closing the export dialog").await?;
    app.close().await
}

impl App {
    /// Clicks the element `css` once it is there.
    async fn click_css(&self, css: &str) -> anyhow::Result<()> {
        wait_css(&self.client, css).await?.click().await?;
        Ok(())
    }

    /// Whether focus is inside the region `name`.
    async fn in_region(&self, name: &str) -> anyhow::Result<bool> {
        let inside = self
            .client
            .execute(
                "return document.activeElement?.closest('[data-region]')?.dataset.region === arguments[0];",
                vec![name.into()],
            )
            .await?;
        Ok(inside == Value::Bool(true))
    }

    /// Waits until the form control `testid` holds `expected`.
    async fn wait_value(&self, testid: &str, expected: &str) -> anyhow::Result<()> {
        let deadline = std::time::Instant::now() + tideline_tests::WAIT;
        loop {
            let value = self.value_of(testid).await?;
            if value == expected {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                anyhow::bail!("{testid} holds {value:?}, not {expected:?}");
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
    }

    /// The value of the form control `testid`.
    async fn value_of(&self, testid: &str) -> anyhow::Result<String> {
        let control: Element = self.by_testid(testid).await?;
        Ok(control.prop("value").await?.unwrap_or_default())
    }

    /// Presses F6 until focus is in the region `name`.
    async fn focus_region(&self, name: &str) -> anyhow::Result<()> {
        for _ in 0..8 {
            if self.in_region(name).await? {
                return Ok(());
            }
            self.keys(&char::from(Key::F6).to_string()).await?;
        }
        anyhow::bail!("F6 never reached the region {name}")
    }

    /// Moves focus to the event `id` on the canvas with the keyboard: F6
    /// to the canvas, Home to its first event, then Down in date order.
    async fn focus_event(&self, id: &str) -> anyhow::Result<()> {
        self.focus_region("canvas").await?;
        if self.focused().await? != "timeline-event" {
            self.tab_to("timeline-event", false).await?;
        }
        self.keys(&char::from(Key::Home).to_string()).await?;
        for _ in 0..10 {
            let focused = self
                .client
                .execute(
                    "return document.activeElement?.dataset.eventId ?? null;",
                    vec![],
                )
                .await?;
            if focused.as_str() == Some(id) {
                return Ok(());
            }
            self.keys(&char::from(Key::Down).to_string()).await?;
        }
        anyhow::bail!("event {id} never had focus on the canvas")
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_sample_is_a_workspace_of_its_own_and_comes_out_of_another_in_one_step()
-> anyhow::Result<()> {
    // An empty file offers the sample, which opens as a file of its own.
    let app = App::start_empty("mine.db").await?;
    app.click("start-open-sample").await?;
    wait_for(
        &app.client,
        &event_titled("Microsoft invests $1B in OpenAI"),
    )
    .await?;
    let info = app
        .invoke("workspace_info", serde_json::json!({}))
        .await?
        .unwrap();
    let opened = info["path"].as_str().unwrap_or_default();
    assert!(opened.ends_with("tideline/sample.db"), "{opened}");
    assert_eq!(info["sample"], Value::Bool(true));
    // Showing a timeline makes it the current one, and so does a press on
    // the header of another shown.
    let timelines = app
        .invoke("list_timelines", serde_json::json!({}))
        .await?
        .unwrap();
    let id_of = |title: &str| {
        timelines
            .as_array()
            .into_iter()
            .flatten()
            .find(|timeline| timeline["title"] == title)
            .map(|timeline| timeline["id"].to_string())
            .unwrap_or_default()
    };
    let (openai, anthropic) = (id_of("Microsoft–OpenAI"), id_of("Amazon–Anthropic"));
    let current =
        |id: &str| format!(r#"[data-testid="current-timeline"][data-timeline-id="{id}"]"#);
    app.click_css(&format!(
        r#"[data-testid="timeline-toggle"][data-timeline-id="{anthropic}"]"#
    ))
    .await?;
    wait_css(&app.client, &current(&anthropic)).await?;
    app.click_css(&format!(
        r#"[data-testid="timeline"][data-timeline-id="{openai}"] .timeline-title"#
    ))
    .await?;
    wait_css(&app.client, &current(&openai)).await?;
    assert_eq!(
        app.query("SELECT count(*) FROM timeline"),
        "0",
        "mine.db is left as it was"
    );
    app.close().await?;

    // A workspace that holds the sample says so, and takes it out in one
    // undoable step.
    let app = App::start("holds-the-sample.db").await?;
    app.click("remove-sample").await?;
    app.wait_query("SELECT count(*) FROM timeline", "0").await?;
    assert_eq!(app.query("SELECT count(*) FROM event"), "0");
    app.by_testid("start-panel").await?;
    let deadline = std::time::Instant::now() + tideline_tests::WAIT;
    let gone = r#"return document.querySelector('[data-testid="sample-notice"]') === null;"#;
    while app.client.execute(gone, vec![]).await? != Value::Bool(true) {
        assert!(
            std::time::Instant::now() < deadline,
            "the sample notice stays once the sample is out"
        );
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    app.click("undo").await?;
    app.wait_query("SELECT count(*) FROM timeline", "3").await?;
    app.by_testid("sample-notice").await?;
    app.close().await
}
