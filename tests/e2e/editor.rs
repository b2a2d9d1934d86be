//! The editor's journeys: each edit made as a user makes it, found in SQLite,
//! then undone with the Undo button and found gone.

use fantoccini::Locator;
use fantoccini::key::Key;

use crate::support::{App, event_titled, replace_text, wait_css, wait_for};

const OPENAI: &str = "Microsoft–OpenAI";

impl App {
    pub(crate) fn event_id(&self, title: &str) -> String {
        self.query(&format!(
            "SELECT id FROM event WHERE title = '{}'",
            title.replace('\'', "''")
        ))
    }

    pub(crate) fn lane_id(&self, timeline: &str, lane: &str) -> String {
        self.query(&format!(
            "SELECT l.id FROM lane l JOIN timeline t ON t.id = l.timeline_id WHERE t.title = '{timeline}' AND l.name = '{lane}'"
        ))
    }

    /// Px per day on the canvas, from two day-precision events of the sample.
    async fn px_per_day(&self) -> anyhow::Result<f64> {
        let first = wait_for(
            &self.client,
            &event_titled("Microsoft invests $1B in OpenAI"),
        )
        .await?;
        let later = wait_for(
            &self.client,
            &event_titled("Multiyear, multibillion-dollar extension"),
        )
        .await?;
        let (x1, ..) = first.rectangle().await?;
        let (x2, ..) = later.rectangle().await?;
        // 22 Jul 2019 to 23 Jan 2023.
        Ok((x2 - x1) / 1281.0)
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn drag_an_event_from_the_library_onto_a_lane() -> anyhow::Result<()> {
    let app = App::start("library-drag.db").await?;
    let event = app.event_id("Microsoft agrees to buy Activision Blizzard for $68.7B");
    let lane = app.lane_id(OPENAI, "Deal");
    let placed =
        format!("SELECT count(*) FROM placement WHERE event_id = {event} AND lane_id = {lane}");
    assert_eq!(app.query(&placed), "0");
    let item = wait_css(
        &app.client,
        &format!(r#"[data-testid="library-item"][data-event-id="{event}"]"#),
    )
    .await?;
    let target = wait_css(
        &app.client,
        &format!(r#"[data-testid="lane"][data-lane-id="{lane}"]"#),
    )
    .await?;
    app.drag_onto(&item, &target).await?;
    app.wait_query(&placed, "1").await?;
    wait_for(
        &app.client,
        &event_titled("Microsoft agrees to buy Activision"),
    )
    .await?;

    app.click("undo").await?;
    app.wait_query(&placed, "0").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn re_date_an_event_by_dragging_it_at_its_precision() -> anyhow::Result<()> {
    let app = App::start("redate.db").await?;
    let event = app.event_id("Further Microsoft investment in OpenAI");
    let start = format!("SELECT start_edtf FROM event WHERE id = {event}");
    assert_eq!(app.query(&start), "2021");
    let px_per_day = app.px_per_day().await?;
    let element = wait_for(
        &app.client,
        &event_titled("Further Microsoft investment in OpenAI"),
    )
    .await?;
    // A year and a half later lands inside 2022; the date stays a year, and
    // the ghost says so before the button is let go.
    app.press_and_move(&element, (0.0, 0.0), 548.0 * px_per_day, 0.0)
        .await?;
    wait_for(
        &app.client,
        r#"//*[@data-testid="drag-ghost-date"][normalize-space(.) = "2022"]"#,
    )
    .await?;
    app.screenshot("drag.png").await?;
    app.release().await?;
    app.wait_query(&start, "2022").await?;

    app.click("undo").await?;
    app.wait_query(&start, "2021").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn resize_a_range_by_dragging_its_end() -> anyhow::Result<()> {
    let app = App::start("resize.db").await?;
    let event = app.event_id("UK CMA merger inquiry");
    let end = format!("SELECT end_edtf FROM event WHERE id = {event}");
    assert_eq!(app.query(&end), "2025-03-05");
    let px_per_day = app.px_per_day().await?;
    let handle = app
        .client
        .wait()
        .for_element(Locator::XPath(&format!(
            r#"//*[@data-testid="timeline-event"][@data-event-id="{event}"]//*[@data-testid="resize-end"]"#
        )))
        .await?;
    app.drag(&handle, (0.0, 0.0), 90.0 * px_per_day, 0.0)
        .await?;
    app.wait_query(
        &format!(
            "SELECT end_edtf > '2025-04-01' AND length(end_edtf) = 10 FROM event WHERE id = {event}"
        ),
        "1",
    )
    .await?;

    app.click("undo").await?;
    app.wait_query(&end, "2025-03-05").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn type_a_start_date_as_a_quarter_in_the_inspector() -> anyhow::Result<()> {
    let app = App::start("quarter.db").await?;
    let event = app.event_id("Microsoft gives up its OpenAI board observer seat");
    let start = format!("SELECT start_edtf FROM event WHERE id = {event}");
    wait_for(
        &app.client,
        &event_titled("Microsoft gives up its OpenAI board observer seat"),
    )
    .await?
    .click()
    .await?;
    let field = app.by_testid("inspector-start").await?;
    replace_text(&field, "Q1 2024").await?;
    app.wait_query(&start, "2024-33").await?;
    wait_for(
        &app.client,
        r#"//*[@data-testid="inspector"][contains(., "Q1 2024")]"#,
    )
    .await?;

    app.click("undo").await?;
    app.wait_query(&start, "2024-07-09").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn attach_a_source_with_its_quote() -> anyhow::Result<()> {
    let app = App::start("cite.db").await?;
    let event = app.event_id("Agreement in principle for Altman's return");
    let quote = "On November 17th, OpenAI’s board abruptly announced that co-founder and CEO Sam Altman was out";
    let cited = format!(
        "SELECT count(*) FROM event_source l JOIN source s ON s.id = l.source_id
         WHERE l.event_id = {event} AND s.publisher = 'The Verge' AND l.quote = '{quote}'"
    );
    wait_for(
        &app.client,
        &event_titled("Agreement in principle for Altman's return"),
    )
    .await?
    .click()
    .await?;
    app.click("add-source").await?;
    app.by_testid("source-search")
        .await?
        .send_keys("turmoil")
        .await?;
    app.click("source-option").await?;
    app.by_testid("source-quote")
        .await?
        .send_keys(quote)
        .await?;
    app.click("source-cite").await?;
    app.wait_query(&cited, "1").await?;

    app.click("undo").await?;
    app.wait_query(&cited, "0").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn note_an_event_and_shade_a_period_on_the_canvas() -> anyhow::Result<()> {
    let app = App::start("annotate.db").await?;
    let title = "UK CMA invites comment on the partnership";
    let event = app.event_id(title);
    let note = "Comments due by 3 Jan 2024";
    let noted =
        format!("SELECT count(*) FROM annotation WHERE event_id = {event} AND text = '{note}'");
    let shaded = "SELECT start_edtf || '/' || end_edtf FROM annotation
                  WHERE event_id IS NULL AND text = 'Under CMA review'";

    // A note on the event, from the inspector: saved, and drawn as a callout.
    wait_for(&app.client, &event_titled(title))
        .await?
        .click()
        .await?;
    app.click("add-note").await?;
    app.by_testid("note-input").await?.send_keys(note).await?;
    app.click("note-save").await?;
    app.wait_query(&noted, "1").await?;
    wait_css(
        &app.client,
        &format!(
            r#"[data-testid="timeline-event"][data-event-id="{event}"] [data-testid="event-note"]"#
        ),
    )
    .await?;

    // A shaded period, from the timeline's header: dates as a person writes them.
    app.click("add-span").await?;
    app.by_testid("span-text-input")
        .await?
        .send_keys("Under CMA review")
        .await?;
    app.by_testid("span-start")
        .await?
        .send_keys("Dec 2023")
        .await?;
    app.by_testid("span-end")
        .await?
        .send_keys("Mar 2025")
        .await?;
    app.click("span-submit").await?;
    app.wait_query(shaded, "2023-12/2025-03").await?;
    wait_for(
        &app.client,
        r#"//*[@data-testid="span-label"][contains(., "Under CMA review")]"#,
    )
    .await?;
    // It overlaps the sample's "EU merger question open": the names take a
    // row each once the layout with the new period has landed.
    let deadline = std::time::Instant::now() + tideline_tests::WAIT;
    let names = loop {
        let names = app
            .client
            .execute(
                r#"const boxes = [...document.querySelectorAll('[data-testid="span-label"]')]
                     .map((label) => label.getBoundingClientRect());
                   const [a, b] = boxes;
                   return { count: boxes.length, overlap: boxes.length === 2 && a.bottom > b.top
                     && b.bottom > a.top && a.right > b.left && b.right > a.left };"#,
                vec![],
            )
            .await?;
        let laid_out = names["count"] == 2 && names["overlap"] == false;
        if laid_out || std::time::Instant::now() > deadline {
            break names;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    };
    assert_eq!(names["count"], 2, "{names}");
    assert_eq!(names["overlap"], false, "the two periods' names overlap");
    app.screenshot("annotated.png").await?;

    // Each is one step of the history.
    app.click("undo").await?;
    app.wait_query(
        "SELECT count(*) FROM annotation WHERE text = 'Under CMA review'",
        "0",
    )
    .await?;
    app.wait_query(&noted, "1").await?;
    app.click("undo").await?;
    app.wait_query(&noted, "0").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn search_finds_an_event_by_a_word_of_its_quote() -> anyhow::Result<()> {
    let app = App::start("search.db").await?;
    // "acquirement" stands only in the quote that supports the announcement.
    let event = app.event_id("Microsoft agrees to buy Activision Blizzard for $68.7B");
    assert_eq!(
        app.query("SELECT count(*) FROM event WHERE title || description LIKE '%acquirement%'"),
        "0"
    );
    app.by_testid("library-search")
        .await?
        .send_keys("acquirement")
        .await?;
    let deadline = std::time::Instant::now() + tideline_tests::WAIT;
    let script = r#"return [...document.querySelectorAll('[data-testid="library-item"]')].map(e => e.dataset.eventId)"#;
    loop {
        let shown = app.client.execute(script, vec![]).await?;
        if shown == serde_json::json!([event]) {
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the library shows {shown}, not [{event}]"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn place_an_event_with_the_keyboard_alone() -> anyhow::Result<()> {
    let app = App::start("keyboard.db").await?;
    let event = app.event_id("Amazon to invest up to $4B in Anthropic");
    let lane = app.lane_id(OPENAI, "Deal");
    let placed =
        format!("SELECT count(*) FROM placement WHERE event_id = {event} AND lane_id = {lane}");
    // The library draws only the rows in view: the event is found by
    // typing the start of its title in the list, which scrolls to it.
    wait_css(&app.client, r#"[data-testid="library-item"][tabindex="0"]"#)
        .await?
        .send_keys("amazon to invest up")
        .await?;
    let item = wait_css(
        &app.client,
        &format!(r#"[data-testid="library-item"][data-event-id="{event}"]:focus"#),
    )
    .await?;
    item.send_keys(&char::from(Key::Enter).to_string()).await?;
    let choice = wait_css(
        &app.client,
        &format!(r#"[data-testid="place-lane"][data-lane-id="{lane}"]"#),
    )
    .await?;
    choice
        .send_keys(&char::from(Key::Enter).to_string())
        .await?;
    app.wait_query(&placed, "1").await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn reorder_lanes_by_dragging_a_lane_by_its_name() -> anyhow::Result<()> {
    let app = App::start("lanes.db").await?;
    let order = format!(
        "SELECT group_concat(name, ',') FROM (SELECT l.name FROM lane l JOIN timeline t ON t.id = l.timeline_id \
         WHERE t.title = '{OPENAI}' ORDER BY l.position)"
    );
    app.wait_query(&order, "Deal,Governance,Regulatory").await?;
    let name = wait_for(
        &app.client,
        r#"//*[@data-testid="lane-name"][normalize-space(.)="Regulatory"]"#,
    )
    .await?;
    let first = wait_css(
        &app.client,
        &format!(
            r#"[data-testid="lane"][data-lane-id="{}"]"#,
            app.lane_id(OPENAI, "Deal")
        ),
    )
    .await?;
    let (_, from_y, _, height) = name.rectangle().await?;
    let (_, lane_y, ..) = first.rectangle().await?;
    // From the middle of the name to a point inside the first lane.
    let dy = lane_y + 40.0 - (from_y + height / 2.0);
    app.drag(&name, (0.0, 0.0), 0.0, dy).await?;
    app.wait_query(&order, "Regulatory,Deal,Governance").await?;

    app.click("undo").await?;
    app.wait_query(&order, "Deal,Governance,Regulatory").await?;
    app.close().await
}

/// A script's function answering where each event's mark is on screen: a
/// marker's centre, a bar's start.
const MARKS: &str = r#"
const marks = () => Object.fromEntries([...document.querySelectorAll(
  '[data-testid="timeline-event"] :is(.event-marker, .event-bar)',
)].map((mark) => {
  const r = mark.getBoundingClientRect();
  const id = mark.closest('[data-testid="timeline-event"]').dataset.eventId;
  return [id, mark.classList.contains("event-bar") ? r.left : r.left + r.width / 2];
}));
"#;

/// Turns the wheel once over the middle of the canvas and answers, on the
/// next frame, where the marks are and whether the zoom is still shown
/// stretched (it is laid out only once the wheel rests).
const ZOOM: &str = r#"
const done = arguments[0];
const canvas = document.querySelector(".canvas-scroll");
const box = canvas.getBoundingClientRect();
const x = box.left + box.width / 2;
canvas.dispatchEvent(new WheelEvent("wheel", {
  deltaY: -100, clientX: x, clientY: box.top + 100, bubbles: true, cancelable: true,
}));
requestAnimationFrame(() => done({
  x,
  stretched: document.querySelector(".canvas").classList.contains("is-stretched"),
  marks: marks(),
}));
"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_wheel_zoom_keeps_every_event_at_its_date() -> anyhow::Result<()> {
    let app = App::start("zoom.db").await?;
    wait_for(
        &app.client,
        &event_titled("Microsoft invests $1B in OpenAI"),
    )
    .await?;
    let marks = |value: &serde_json::Value| -> std::collections::BTreeMap<String, f64> {
        value
            .as_object()
            .map(|o| {
                o.iter()
                    .filter_map(|(id, x)| Some((id.clone(), x.as_f64()?)))
                    .collect()
            })
            .unwrap_or_default()
    };
    let marks_now = format!("{MARKS}\nreturn marks();");
    let before = marks(&app.client.execute(&marks_now, vec![]).await?);
    let zoomed = app
        .client
        .execute_async(&format!("{MARKS}\n{ZOOM}"), vec![])
        .await?;
    assert_eq!(zoomed["stretched"], true, "the zoom was laid out at once");
    let x = zoomed["x"].as_f64().unwrap_or(f64::NAN);
    // Canvas.tsx: a wheel turn of 100 px zooms by e^(100 × 0.002) about the pointer.
    let factor = (100.0f64 * 0.002).exp();
    let expected = |mark: f64| x + (mark - x) * factor;
    let check = |what: &str, after: &std::collections::BTreeMap<String, f64>| {
        let common: Vec<_> = before.keys().filter(|id| after.contains_key(*id)).collect();
        assert!(
            common.len() >= 5,
            "{what}: only {} events stayed in view",
            common.len()
        );
        for id in common {
            let (want, got) = (expected(before[id]), after[id]);
            assert!(
                (want - got).abs() < 1.5,
                "{what}: event {id} is at {got:.1} px, its date at {want:.1} px"
            );
        }
    };
    check("while the zoom stretches", &marks(&zoomed["marks"]));
    app.client
        .wait()
        .for_element(Locator::Css(".canvas:not(.is-stretched)"))
        .await?;
    check(
        "once laid out",
        &marks(&app.client.execute(&marks_now, vec![]).await?),
    );
    app.close().await
}
