//! The canvas's event layer on real data: the events are painted on a
//! `<canvas>`, under a transparent overlay of event elements that the
//! keyboard, the pointer and screen readers use.

use std::collections::HashMap;

use fantoccini::key::Key;
use rusqlite::{Connection, OpenFlags};

use crate::support::{App, event_titled, wait_for};

/// Resolves, two frames after it is asked, to the focused event: its id,
/// its accessible name and role, and whether its box is inside the canvas.
const FOCUSED: &str = r#"
const done = arguments[0];
requestAnimationFrame(() => requestAnimationFrame(() => {
  const active = document.activeElement;
  const canvas = document.querySelector(".canvas-scroll").getBoundingClientRect();
  if (!active || !active.matches('[data-testid="timeline-event"]')) return done(null);
  const box = active.getBoundingClientRect();
  done({
    id: Number(active.dataset.eventId),
    name: active.getAttribute("aria-label"),
    role: active.getAttribute("role"),
    inside: box.left >= canvas.left && box.right <= canvas.right && box.top >= canvas.top && box.bottom <= canvas.bottom,
  });
}));
"#;

/// The overlay's elements: id, role and accessible name of each.
const OVERLAY: &str = r#"
return [...document.querySelectorAll('[data-testid="timeline-event"]')].map((element) => [
  Number(element.dataset.eventId), element.getAttribute("role"), element.getAttribute("aria-label"),
]);
"#;

/// The colour the event layer painted at a point of the page (client px), as RGBA.
const PIXEL: &str = r#"
const [x, y] = arguments;
const canvas = document.querySelector(".event-layer canvas");
const r = canvas.getBoundingClientRect();
const px = Math.floor((x - r.left) * canvas.width / r.width);
const py = Math.floor((y - r.top) * canvas.height / r.height);
return [...canvas.getContext("2d").getImageData(px, py, 1, 1).data];
"#;

/// The centre of an event's marker (client px) and its colour.
const MARKER: &str = r#"
const marker = arguments[0].querySelector(".event-marker");
const r = marker.getBoundingClientRect();
return [r.left + r.width / 2, r.top + r.height / 2, getComputedStyle(marker).backgroundColor];
"#;

/// Event ids in the order the canvas walks them: by start, then id.
fn walk_order(app: &App) -> anyhow::Result<Vec<i64>> {
    let conn = Connection::open_with_flags(&app.db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut stmt = conn.prepare("SELECT id FROM event ORDER BY start_minute, id")?;
    let ids = stmt
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<Vec<i64>>>()?;
    Ok(ids)
}

fn titles(app: &App) -> anyhow::Result<HashMap<i64, String>> {
    let conn = Connection::open_with_flags(&app.db, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let mut stmt = conn.prepare("SELECT id, title FROM event")?;
    let titles = stmt
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
        .collect::<rusqlite::Result<HashMap<i64, String>>>()?;
    Ok(titles)
}

impl App {
    /// Presses `key` on the focused element and waits until focus is on
    /// event `id`, drawn inside the canvas; returns its accessible name.
    async fn walk(&self, key: Key, id: i64) -> anyhow::Result<String> {
        self.client
            .active_element()
            .await?
            .send_keys(&char::from(key).to_string())
            .await?;
        let deadline = std::time::Instant::now() + tideline_tests::WAIT;
        loop {
            let focused = self.client.execute_async(FOCUSED, vec![]).await?;
            if focused["id"] == id && focused["inside"] == true {
                assert_eq!(focused["role"], "button", "{focused}");
                return Ok(focused["name"].as_str().unwrap_or_default().to_owned());
            }
            anyhow::ensure!(
                std::time::Instant::now() < deadline,
                "{key:?} did not bring focus to event {id} on screen: {focused}"
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_keyboard_walks_a_10000_event_timeline_from_end_to_end() -> anyhow::Result<()> {
    let (app, _) = App::start_ready(
        "walk.db",
        r#"//*[@data-testid="timeline-event"]"#,
        |_, db| tideline_tests::import_peer_workspace(db, 10_000),
    )
    .await?;
    let order = walk_order(&app)?;
    assert_eq!(order.len(), 10_000);
    let titles = titles(&app)?;
    // Zoomed in to a few months, so that most of the timeline is off screen.
    for _ in 0..6 {
        app.click("zoom-in").await?;
    }
    app.client
        .execute(
            r#"document.querySelector('[data-testid="timeline-event"][tabindex="0"]').focus();"#,
            vec![],
        )
        .await?;
    let last = order[order.len() - 1];
    let name = app.walk(Key::End, last).await?;
    assert!(name.starts_with(&titles[&last]), "{name}");
    let before_last = order[order.len() - 2];
    let name = app.walk(Key::Up, before_last).await?;
    assert!(name.starts_with(&titles[&before_last]), "{name}");
    app.walk(Key::Down, last).await?;
    app.walk(Key::Home, order[0]).await?;
    app.walk(Key::Down, order[1]).await?;

    // What a screen reader reads: each event on screen is one button,
    // named first by what it shows, and only events on screen are there.
    let overlay = app.client.execute(OVERLAY, vec![]).await?;
    let overlay = overlay.as_array().cloned().unwrap_or_default();
    assert!(
        (5..1_000).contains(&overlay.len()),
        "{} events in the overlay",
        overlay.len()
    );
    for entry in &overlay {
        let id = entry[0].as_i64().unwrap_or_default();
        assert_eq!(entry[1], "button", "{entry}");
        let name = entry[2].as_str().unwrap_or_default();
        assert!(name.starts_with(&titles[&id]), "{id} is named {name:?}");
    }
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_drag_on_the_event_layer_re_dates_the_event_and_repaints_it() -> anyhow::Result<()> {
    let app = App::start("drag-layer.db").await?;
    let title = "Microsoft invests $1B in OpenAI";
    let event = wait_for(&app.client, &event_titled(title)).await?;
    let start = app.query(&format!(
        "SELECT start_minute FROM event WHERE title = '{title}'"
    ));
    let marker = app
        .client
        .execute(MARKER, vec![serde_json::to_value(&event)?])
        .await?;
    let (x, y) = (
        marker[0].as_f64().unwrap_or_default(),
        marker[1].as_f64().unwrap_or_default(),
    );
    let painted = |x: f64, y: f64| {
        let client = app.client.clone();
        async move { client.execute(PIXEL, vec![x.into(), y.into()]).await }
    };
    // The layer paints the marker where the overlay has it, in the kind's colour.
    let kind = marker[2].as_str().unwrap_or_default().to_owned();
    let pixel = painted(x, y).await?;
    assert_eq!(pixel[3], 255, "nothing painted under the marker: {pixel}");
    let rgb = format!("rgb({}, {}, {})", pixel[0], pixel[1], pixel[2]);
    assert_eq!(rgb, kind, "the marker is painted in its kind's colour");

    app.drag(&event, (0.0, 0.0), 160.0, 0.0).await?;
    let deadline = std::time::Instant::now() + tideline_tests::WAIT;
    while app.query(&format!(
        "SELECT start_minute FROM event WHERE title = '{title}'"
    )) == start
    {
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "the drag did not re-date the event"
        );
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let later: i64 = app
        .query(&format!(
            "SELECT start_minute FROM event WHERE title = '{title}'"
        ))
        .parse()?;
    assert!(later > start.parse::<i64>()?, "dragged right, it is later");

    // Once laid out again, the marker is painted at its new place.
    let deadline = std::time::Instant::now() + tideline_tests::WAIT;
    loop {
        let event = wait_for(&app.client, &event_titled(title)).await?;
        let moved = app
            .client
            .execute(MARKER, vec![serde_json::to_value(&event)?])
            .await?;
        let (nx, ny) = (
            moved[0].as_f64().unwrap_or_default(),
            moved[1].as_f64().unwrap_or_default(),
        );
        let pixel = painted(nx, ny).await?;
        let rgb = format!("rgb({}, {}, {})", pixel[0], pixel[1], pixel[2]);
        if nx - x > 100.0 && pixel[3] == 255 && rgb == kind {
            break;
        }

        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "the marker was not painted at its new place ({nx:.0}, {ny:.0}): {pixel}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    app.close().await
}
