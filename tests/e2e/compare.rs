//! Compare mode: two sample deals picked on the canvas become a saved
//! comparison, a click on an event makes it its deal's T0, and the duration
//! table shows the offsets and durations the engine computes, which a reader
//! can check against the fact sheets' dates.

use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use tideline_store::Workspace;
use tideline_store::views::ComparisonRequest;

use crate::support::{App, replace_text, wait_css};

const ACTIVISION: &str = "Microsoft–Activision Blizzard";
const ANTHROPIC: &str = "Amazon–Anthropic";
/// 2022-01-18 in the Activision fact sheet.
const ANNOUNCEMENT: &str = "Microsoft agrees to buy Activision Blizzard for $68.7B";

impl App {
    fn timeline_id(&self, title: &str) -> String {
        self.query(&format!("SELECT id FROM timeline WHERE title = '{title}'"))
    }

    /// Waits until the element matching `css` reads `expected`.
    async fn wait_cell_text(&self, css: &str, expected: &str) -> anyhow::Result<()> {
        let deadline = std::time::Instant::now() + tideline_tests::WAIT;
        loop {
            let element = wait_css(&self.client, css).await?;
            let text = element.prop("textContent").await?.unwrap_or_default();
            if text == expected {
                return Ok(());
            }
            if std::time::Instant::now() > deadline {
                anyhow::bail!("{css} reads {text:?}, not {expected:?}");
            }
            tokio::time::sleep(std::time::Duration::from_millis(25)).await;
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn compare_two_deals_from_a_clicked_t0_and_read_the_duration_table() -> anyhow::Result<()> {
    let app = App::start("compare.db").await?;
    let openai = app.timeline_id("Microsoft–OpenAI");
    let activision = app.timeline_id(ACTIVISION);
    let anthropic = app.timeline_id(ANTHROPIC);
    let toggle = |id: &str| format!(r#"[data-testid="timeline-toggle"][data-timeline-id="{id}"]"#);

    // The sample's one saved comparison is listed; show the two deals alone.
    wait_css(&app.client, r#"[data-testid="comparison-item"]"#).await?;
    wait_css(&app.client, &toggle(&activision))
        .await?
        .click()
        .await?;
    wait_css(&app.client, &toggle(&anthropic))
        .await?
        .click()
        .await?;
    wait_css(&app.client, &toggle(&openai))
        .await?
        .click()
        .await?;
    wait_css(
        &app.client,
        &format!(r#"{}[aria-pressed="false"]"#, toggle(&openai)),
    )
    .await?;

    app.click("compare-mode").await?;
    app.wait_query("SELECT count(*) FROM comparison", "2")
        .await?;
    let id = app.query("SELECT max(id) FROM comparison");
    assert_eq!(
        app.query(&format!(
            "SELECT group_concat(timeline_id) FROM (SELECT timeline_id FROM comparison_timeline
             WHERE comparison_id = {id} ORDER BY position)"
        )),
        format!("{activision},{anthropic}")
    );
    wait_css(
        &app.client,
        &format!(
            r#"[data-testid="comparison-item"][data-comparison-id="{id}"][aria-pressed="true"]"#
        ),
    )
    .await?;
    for timeline in [&activision, &anthropic] {
        wait_css(
            &app.client,
            &format!(r#"[data-testid="compare-band"][data-timeline-id="{timeline}"]"#),
        )
        .await?;
    }

    // T0 by click: the Activision announcement instead of its first review.
    let announcement = app.query(&format!(
        "SELECT id FROM event WHERE title = '{ANNOUNCEMENT}'"
    ));
    wait_css(
        &app.client,
        &format!(
            r#"[data-testid="compare-band"][data-timeline-id="{activision}"] [data-testid="compare-event"][data-event-id="{announcement}"]"#
        ),
    )
    .await?
    .click()
    .await?;
    app.wait_query(
        &format!(
            "SELECT t0_event_id FROM comparison_timeline
             WHERE comparison_id = {id} AND timeline_id = {activision}"
        ),
        &announcement,
    )
    .await?;

    // What the engine computes, from the file the app wrote.
    let engine =
        Workspace::open(&app.db)?.comparison_view(&ComparisonRequest::Saved { id: id.parse()? })?;
    let review = engine
        .comparison
        .offsets
        .iter()
        .find(|row| row.kind.as_str() == "regulatory-review")
        .expect("a regulatory-review row");
    // 2022-01-18 (announced) to 2022-07-06 (CMA Phase 1 opened): 169 days.
    assert_eq!(
        review.cells[0].map(|days| (days.0, days.1)),
        Some((169, 169))
    );
    let step = engine
        .comparison
        .durations
        .iter()
        .find(|row| row.from.as_str() == "announcement" && row.to.as_str() == "decision")
        .expect("an announcement-to-decision step");
    // 2022-01-18 to 2022-04-28 (shareholders approve): 100 days.
    assert_eq!(step.cells[0].map(|days| (days.0, days.1)), Some((100, 100)));

    let cell = |testid: &str, kind: &str| {
        format!(r#"[data-testid="{testid}"][data-timeline-id="{activision}"][data-kind="{kind}"]"#)
    };
    app.wait_cell_text(&cell("offset-cell", "announcement"), "0 d")
        .await?;
    app.wait_cell_text(&cell("offset-cell", "regulatory-review"), "169 d")
        .await?;
    app.wait_cell_text(&cell("duration-cell", "announcement>decision"), "100 d")
        .await?;
    // Hover shows the engine's offset from the new T0: of the first review
    // (a milestone), and of an event that is none.
    let deal = &engine.comparison.timelines[0];
    let first_review = deal
        .milestones
        .iter()
        .find(|milestone| milestone.kind.as_str() == "regulatory-review")
        .expect("a first review");
    let other = deal
        .events
        .iter()
        .find(|placed| !deal.milestones.contains(placed))
        .expect("an event that is no milestone");
    for placed in [first_review, other] {
        let marker = wait_css(
            &app.client,
            &format!(
                r#"[data-testid="compare-event"][data-event-id="{}"]"#,
                placed.event
            ),
        )
        .await?;
        app.client
            .perform_actions(MouseActions::new("mouse".to_owned()).then(
                PointerAction::MoveToElement {
                    element: marker,
                    duration: None,
                    x: 0.0,
                    y: 0.0,
                },
            ))
            .await?;
        let tideline_model::compare::Days(min, max) = placed.offset_days;
        let days = if min == max {
            format!("{min} d")
        } else {
            format!("~{min}–{max} d")
        };
        app.wait_cell_text(
            r#"[data-testid="compare-hover"] .compare-hover-offset"#,
            &format!("{} ({days})", placed.offset_label),
        )
        .await?;
    }
    let kind = app.by_testid("t0-kind").await?;
    assert_eq!(kind.prop("value").await?.as_deref(), Some("events"));
    app.screenshot("compare.png").await?;

    // Renamed in the sidebar, and saved.
    let item = format!(r#"[data-comparison-id="{id}"]"#);
    app.client
        .execute(
            "arguments[0].closest('li').querySelector('[data-testid=\"comparison-rename\"]').click();",
            vec![serde_json::to_value(wait_css(&app.client, &item).await?)?],
        )
        .await?;
    replace_text(
        &app.by_testid("comparison-name").await?,
        "Activision vs Anthropic",
    )
    .await?;
    app.wait_query(
        &format!("SELECT name FROM comparison WHERE id = {id}"),
        "Activision vs Anthropic",
    )
    .await?;

    // T0 by kind: Amazon–Anthropic has no announcement, and the view says so.
    app.by_testid("t0-kind")
        .await?
        .select_by_value("announcement")
        .await?;
    app.wait_query(
        &format!("SELECT alignment FROM comparison WHERE id = {id}"),
        "kind:announcement",
    )
    .await?;
    let problem = app.by_testid("compare-problem").await?;
    let text = problem.prop("textContent").await?.unwrap_or_default();
    assert!(
        text.contains(ANTHROPIC),
        "the problem {text:?} names no timeline"
    );

    // Calendar dates: the axis counts years.
    app.by_testid("t0-kind")
        .await?
        .select_by_value("calendar")
        .await?;
    app.wait_query(
        &format!("SELECT alignment FROM comparison WHERE id = {id}"),
        "calendar",
    )
    .await?;
    wait_css(&app.client, r#"[data-testid="compare-band"]"#).await?;
    app.wait_cell_text(".compare-axis .compare-tick:first-child", "2022")
        .await?;
    let kind = app.by_testid("t0-kind").await?;
    assert_eq!(kind.prop("value").await?.as_deref(), Some("calendar"));
    let problems = app
        .client
        .find_all(fantoccini::Locator::Css(
            r#"[data-testid="compare-problem"]"#,
        ))
        .await?;
    assert!(
        problems.is_empty(),
        "a problem is still shown on calendar dates"
    );
    app.screenshot("compare-calendar.png").await?;

    // Deleted from the sidebar: the canvas is back.
    app.client
        .execute(
            "arguments[0].closest('li').querySelector('[data-testid=\"comparison-delete\"]').click();",
            vec![serde_json::to_value(wait_css(&app.client, &item).await?)?],
        )
        .await?;
    app.wait_query("SELECT count(*) FROM comparison", "1")
        .await?;
    wait_css(&app.client, r#"[data-testid="timeline-event"]"#).await?;
    app.close().await
}
