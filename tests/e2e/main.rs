//! End-to-end journeys through the real app in WebKitGTK.

use std::path::Path;

use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use tideline_tests::{Harness, Profile, WAIT};

const EVENT: &str = r#"[data-testid="timeline-event"]"#;

/// An event element on the canvas whose text contains `title`.
fn event_titled(title: &str) -> String {
    format!(r#"//*[@data-testid="timeline-event"][contains(normalize-space(.), "{title}")]"#)
}

async fn wait_for(client: &Client, xpath: &str) -> anyhow::Result<fantoccini::elements::Element> {
    Ok(client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::XPath(xpath))
        .await?)
}

/// Selects all the text of a field and types `text` and Enter over it, as a
/// user does; the field never loses focus on the way.
async fn replace_text(field: &fantoccini::elements::Element, text: &str) -> anyhow::Result<()> {
    field.click().await?;
    // Modifiers are released at the end of each call: select all, then type.
    field
        .send_keys(&format!("{}a", char::from(Key::Control)))
        .await?;
    field
        .send_keys(&format!("{text}{}", char::from(Key::Enter)))
        .await?;
    Ok(())
}

fn title_in_db(db: &Path, id: &str) -> String {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    conn.query_row("SELECT title FROM event WHERE id = ?1", [id], |row| {
        row.get(0)
    })
    .unwrap()
}

/// First run on a new file shows the sample; a title edited in the inspector
/// is saved to SQLite at once and is still there after a restart.
#[tokio::test(flavor = "multi_thread")]
async fn edit_an_event_title_and_find_it_after_a_restart() -> anyhow::Result<()> {
    let harness = Harness::start(Profile::Debug)?;
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("newsroom.db");

    let client = harness.launch(&db).await?;
    let original = wait_for(&client, &event_titled("Microsoft invests $1B in OpenAI")).await?;
    let shown = client.find_all(Locator::Css(EVENT)).await?;
    assert!(
        shown.len() >= 10,
        "only {} sample events on screen",
        shown.len()
    );
    wait_for(
        &client,
        &event_titled("Definitive agreement; OpenAI recapitalization completed"),
    )
    .await?;
    if let Ok(dir) = std::env::var("TIDELINE_SCREENSHOT_DIR") {
        std::fs::write(
            Path::new(&dir).join("sample-timeline.png"),
            client.screenshot().await?,
        )?;
    }

    let id = original
        .attr("data-event-id")
        .await?
        .expect("events carry data-event-id");
    original.click().await?;
    let input = client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(r#"[data-testid="inspector-title"]"#))
        .await?;
    assert_eq!(
        input.prop("value").await?.as_deref(),
        Some("Microsoft invests $1B in OpenAI")
    );
    let renamed = "Microsoft puts $1B into OpenAI (edited)";
    replace_text(&input, renamed).await?;
    wait_for(&client, &event_titled(renamed)).await?;
    assert_eq!(title_in_db(&db, &id), renamed, "the edit reached SQLite");
    if let Ok(dir) = std::env::var("TIDELINE_SCREENSHOT_DIR") {
        std::fs::write(
            Path::new(&dir).join("inspector.png"),
            client.screenshot().await?,
        )?;
    }
    client.close().await?;

    let client = harness.launch(&db).await?;
    let element = wait_for(&client, &event_titled(renamed)).await?;
    assert_eq!(
        element.attr("data-event-id").await?.as_deref(),
        Some(id.as_str())
    );
    client.close().await?;
    assert_eq!(title_in_db(&db, &id), renamed);
    Ok(())
}
