//! The foundation's journey: the sample on first run, a title edited in the
//! inspector, saved through Rust to SQLite, and still there after a restart.

use fantoccini::Locator;

use crate::support::{App, EVENT, event_titled, replace_text, wait_for};

#[tokio::test(flavor = "multi_thread")]
async fn edit_an_event_title_and_find_it_after_a_restart() -> anyhow::Result<()> {
    let mut app = App::start("newsroom.db").await?;
    let original = wait_for(
        &app.client,
        &event_titled("Microsoft invests $1B in OpenAI"),
    )
    .await?;
    let shown = app.client.find_all(Locator::Css(EVENT)).await?;
    assert!(
        shown.len() >= 10,
        "only {} sample events on screen",
        shown.len()
    );
    wait_for(
        &app.client,
        &event_titled("Definitive agreement; OpenAI recapitalization completed"),
    )
    .await?;
    app.screenshot("sample-timeline.png").await?;

    let id = original
        .attr("data-event-id")
        .await?
        .expect("events carry data-event-id");
    original.click().await?;
    let input = app.by_testid("inspector-title").await?;
    assert_eq!(
        input.prop("value").await?.as_deref(),
        Some("Microsoft invests $1B in OpenAI")
    );
    let renamed = "Microsoft puts $1B into OpenAI (edited)";
    replace_text(&input, renamed).await?;
    wait_for(&app.client, &event_titled(renamed)).await?;
    let title = format!("SELECT title FROM event WHERE id = {id}");
    assert_eq!(app.query(&title), renamed, "the edit reached SQLite");
    app.screenshot("inspector.png").await?;

    app.restart().await?;
    let element = wait_for(&app.client, &event_titled(renamed)).await?;
    assert_eq!(
        element.attr("data-event-id").await?.as_deref(),
        Some(id.as_str())
    );
    assert_eq!(app.query(&title), renamed);
    app.close().await?;
    Ok(())
}
