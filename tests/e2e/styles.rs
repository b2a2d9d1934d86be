//! House styles and languages: a style made in the style editor from
//! Tideline's own, with the investment kind in pink, is saved in the
//! workspace, colours the canvas's investment markers once chosen, and
//! draws the preview and the exported SVG; German names the kinds in the
//! preview; the workspace remembers both across a restart.
//!
//! The native save dialog cannot be driven (see `transfer.rs`): the SVG is
//! written by the command the dialog calls, with the style and language
//! the dialog chose.

use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use serde_json::json;
use tideline_store::Workspace;
use tideline_tests::WAIT;

use crate::accessibility::axe_violations;
use crate::support::{App, event_titled, wait_css, wait_for};

const STYLE: &str = "Newsroom";
const PINK: &str = "#ff00aa";
const FIRST_INVESTMENT: &str = "Microsoft invests $1B in OpenAI";

impl App {
    /// The computed background of the first investment's marker on the canvas.
    async fn investment_marker_colour(&self) -> anyhow::Result<String> {
        let event = wait_for(&self.client, &event_titled(FIRST_INVESTMENT)).await?;
        let colour = self
            .client
            .execute(
                "return getComputedStyle(arguments[0].querySelector('.event-marker')).backgroundColor;",
                vec![serde_json::to_value(&event)?],
            )
            .await?;
        Ok(colour.as_str().unwrap_or_default().to_owned())
    }

    /// Waits until the investment marker's computed colour is `expected`.
    async fn wait_marker_colour(&self, expected: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            let colour = self.investment_marker_colour().await?;
            if colour == expected {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("the investment marker is {colour:?}, not {expected:?}");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Waits until the SVG the image `testid` shows (a data: URL) contains
    /// `text`, and returns that SVG.
    async fn wait_preview_containing(&self, testid: &str, text: &str) -> anyhow::Result<String> {
        let script = "const image = document.querySelector(`[data-testid=\"${arguments[0]}\"]`);
            if (!image) return '';
            const src = image.getAttribute('src') || '';
            const comma = src.indexOf(',');
            return comma < 0 ? '' : decodeURIComponent(src.slice(comma + 1));";
        let deadline = Instant::now() + WAIT;
        loop {
            let svg = self.client.execute(script, vec![testid.into()]).await?;
            let svg = svg.as_str().unwrap_or_default();
            if svg.contains(text) {
                return Ok(svg.to_owned());
            }
            if Instant::now() > deadline {
                bail!(
                    "the {testid} SVG never contained {text:?}: {}",
                    &svg[..svg.len().min(300)]
                );
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// The value of the form control `testid`.
    async fn field_value(&self, testid: &str) -> anyhow::Result<String> {
        let control = self.by_testid(testid).await?;
        Ok(control.prop("value").await?.unwrap_or_default())
    }

    async fn open_export_dialog(&self) -> anyhow::Result<()> {
        self.click("timeline-menu").await?;
        self.click("export-timeline").await?;
        self.by_testid("export-dialog").await?;
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_house_style_made_in_the_editor_colours_the_canvas_and_the_export() -> anyhow::Result<()>
{
    let mut app = App::start("styles.db").await?;
    let id: i64 = app
        .query(&format!(
            "SELECT placement.timeline_id FROM placement JOIN event ON event.id = placement.event_id
             WHERE event.title = '{}' LIMIT 1",
            FIRST_INVESTMENT.replace('\'', "''")
        ))
        .parse()
        .context("the first investment's timeline")?;
    // The app's own colour for investments, before any style.
    app.wait_marker_colour("rgb(23, 148, 95)").await?;

    app.open_export_dialog().await?;
    assert_eq!(app.field_value("export-style").await?, "tideline");
    assert_eq!(app.field_value("export-locale").await?, "en-GB");

    // A new style from Tideline's own: named, with investments in pink.
    app.click("edit-styles").await?;
    app.by_testid("style-editor").await?;
    assert_eq!(app.field_value("style-base").await?, "tideline");
    app.type_into("style-name", STYLE).await?;
    app.type_into("style-credit", "Graphic: The Daily Planet")
        .await?;
    app.type_into("style-kind-colour-investment-hex", PINK)
        .await?;
    assert_eq!(app.field_value("style-kind-colour-investment").await?, PINK);
    let preview = app
        .wait_preview_containing("style-preview-image", PINK)
        .await?;
    assert!(
        preview.contains("Graphic: The Daily Planet"),
        "the preview shows the credit line"
    );
    let found = axe_violations(&app.client).await?;
    assert!(found.is_empty(), "axe, style editor:\n{}", found.join("\n"));
    app.screenshot("style-editor.png").await?;

    app.click("style-save").await?;
    wait_for(
        &app.client,
        &format!(r#"//*[@data-testid="style-status"][contains(., "Saved “{STYLE}”")]"#),
    )
    .await?;
    app.wait_query(
        &format!("SELECT count(*) FROM house_style WHERE name = '{STYLE}'"),
        "1",
    )
    .await?;
    let stored = Workspace::open_existing(&app.db)?
        .style(STYLE)?
        .context("the style is stored")?;
    assert!(
        stored.contains(&format!("investment = \"{PINK}\"")),
        "{stored}"
    );
    // Saved, the style is the workspace's; Delete is offered for it.
    app.by_testid("style-delete").await?;
    app.click("style-close").await?;
    // Closed, with focus back on the button that opened it.
    wait_css(
        &app.client,
        r#"body:not(:has([data-testid="style-editor"]))"#,
    )
    .await?;
    let focused = app
        .client
        .execute(
            "return document.activeElement?.dataset.testid ?? '';",
            vec![],
        )
        .await?;
    assert_eq!(focused, "edit-styles");

    // Chosen in the Export dialog: the canvas's investments turn pink.
    let picker = app.by_testid("export-style").await?;
    picker.select_by_value("tideline").await?;
    app.wait_marker_colour("rgb(23, 148, 95)").await?;
    picker.select_by_value(STYLE).await?;
    app.wait_marker_colour("rgb(255, 0, 170)").await?;
    app.wait_query(
        "SELECT value FROM setting WHERE key = 'export.style'",
        STYLE,
    )
    .await?;

    // The preview and the written SVG are drawn in it.
    app.click("export-format-svg").await?;
    app.wait_preview_containing("export-preview-image", PINK)
        .await?;
    let svg = app.db.with_file_name("newsroom.svg");
    app.invoke(
        "export_graphic",
        json!({ "id": id, "format": "svg", "options": { "style": STYLE }, "path": svg }),
    )
    .await?
    .map_err(|error| anyhow::anyhow!("{error}"))?;
    let written = std::fs::read_to_string(&svg)?;
    assert!(written.contains(PINK), "the exported SVG uses the style");

    // In German, the preview names investments "Beteiligung".
    app.by_testid("export-locale")
        .await?
        .select_by_value("de")
        .await?;
    app.wait_preview_containing("export-preview-image", "Beteiligung")
        .await?;
    app.wait_query(
        "SELECT value FROM setting WHERE key = 'export.locale'",
        "de",
    )
    .await?;
    let found = axe_violations(&app.client).await?;
    assert!(
        found.is_empty(),
        "axe, export dialog:\n{}",
        found.join("\n")
    );
    app.screenshot("export-style.png").await?;
    app.click("export-cancel").await?;

    // The workspace remembers both: the canvas opens in the style.
    app.restart().await?;
    app.wait_marker_colour("rgb(255, 0, 170)").await?;
    app.open_export_dialog().await?;
    assert_eq!(app.field_value("export-style").await?, STYLE);
    wait_css(
        &app.client,
        r#"[data-testid="export-locale"]:not([disabled])"#,
    )
    .await?;
    assert_eq!(app.field_value("export-locale").await?, "de");
    app.wait_preview_containing("export-preview-image", "Beteiligung")
        .await?;
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn the_style_editor_shows_what_the_engine_refuses_and_deletes_a_style() -> anyhow::Result<()>
{
    let app = App::start("styles-refused.db").await?;
    app.open_export_dialog().await?;
    app.click("edit-styles").await?;
    app.by_testid("style-editor").await?;

    // Tideline's own name is the engine's: saving under it is refused, and said.
    app.type_into("style-name", "Tideline").await?;
    app.click("style-save").await?;
    let error = app.by_testid("form-error").await?;
    let message = error.prop("textContent").await?.unwrap_or_default();
    assert!(message.contains("Tideline's own style"), "{message}");
    assert_eq!(app.query("SELECT count(*) FROM house_style"), "0");

    // Saved under a name of its own, then deleted once confirmed.
    let name = app.by_testid("style-name").await?;
    crate::support::replace_text(&name, "Briefing").await?;
    app.wait_query(
        "SELECT count(*) FROM house_style WHERE name = 'Briefing'",
        "1",
    )
    .await?;
    app.click("style-delete").await?;
    app.click("confirm-ok").await?;
    app.wait_query("SELECT count(*) FROM house_style", "0")
        .await?;
    wait_css(
        &app.client,
        r#"[data-testid="style-base"]:not(:has(option[value="Briefing"]))"#,
    )
    .await?;
    assert_eq!(app.field_value("style-base").await?, "tideline");
    assert_eq!(
        app.field_value("export-style").await?,
        "tideline",
        "the workspace is back on Tideline's own"
    );
    app.close().await
}
