//! Accessibility: axe-core, run in the real webview, finds nothing against
//! WCAG 2.0, 2.1 and 2.2 A and AA or its own best practices in each view:
//! the main view, the inspector, the export dialog (a graphic and the
//! brief), compare mode and the start panel of an empty workspace.

use std::time::Duration;

use anyhow::Context;
use fantoccini::Client;
use fantoccini::wd::TimeoutConfiguration;
use serde_json::Value;

use crate::support::{App, EVENT, wait_css};

/// axe-core as npm installs it for the UI (an exact-pinned dev dependency).
const AXE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../ui/node_modules/axe-core/axe.min.js"
);

/// Runs axe-core over the whole page once its animations have ended (a
/// dialog fading in has half its contrast), and describes each violation:
/// its rule, impact and help, then each element it found with the start of
/// its HTML and axe's summary.
pub async fn axe_violations(client: &Client) -> anyhow::Result<Vec<String>> {
    let loaded = client
        .execute("return typeof window.axe === 'object';", vec![])
        .await?;
    if loaded != Value::Bool(true) {
        let source = std::fs::read_to_string(AXE)
            .with_context(|| format!("reading {AXE}: run `npm install` in ui/"))?;
        client.execute(&source, vec![]).await?;
    }
    client
        .update_timeouts(TimeoutConfiguration::new(
            Some(Duration::from_secs(120)),
            None,
            None,
        ))
        .await?;
    let script = r#"
        const done = arguments[arguments.length - 1];
        const settled = () => document.getAnimations().every((animation) => animation.playState !== "running");
        const started = Date.now();
        const run = () => {
          if (!settled() && Date.now() - started < 5000) return void setTimeout(run, 50);
          axe
            .run(document, { runOnly: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"] })
            .then(
              (results) =>
                done(
                  results.violations.map((violation) => ({
                    id: violation.id,
                    impact: violation.impact,
                    help: violation.help,
                    nodes: violation.nodes.map((node) => ({
                      target: node.target.join(" "),
                      html: node.html.slice(0, 400),
                      summary: node.failureSummary,
                    })),
                  })),
                ),
              (error) => done({ error: String(error) }),
            );
        };
        run();
    "#;
    let result = client.execute_async(script, vec![]).await?;
    if let Some(error) = result.get("error") {
        anyhow::bail!("axe failed: {error}");
    }
    let violations = result.as_array().context("axe's violations")?;
    Ok(violations
        .iter()
        .map(|violation| {
            let nodes: Vec<String> = violation["nodes"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|node| {
                    let summary = node["summary"].as_str().unwrap_or_default();
                    format!(
                        "    {}\n      {}\n      {}",
                        node["target"].as_str().unwrap_or_default(),
                        node["html"].as_str().unwrap_or_default(),
                        summary.replace('\n', "\n      ")
                    )
                })
                .collect();
            format!(
                "{} ({}): {}\n{}",
                violation["id"].as_str().unwrap_or_default(),
                violation["impact"].as_str().unwrap_or("no impact"),
                violation["help"].as_str().unwrap_or_default(),
                nodes.join("\n")
            )
        })
        .collect())
}

/// Adds what axe finds in the view on screen to `found`, under its name.
async fn audit(app: &App, view: &str, found: &mut Vec<String>) -> anyhow::Result<()> {
    for violation in axe_violations(&app.client).await? {
        found.push(format!("{view}: {violation}"));
    }
    Ok(())
}

#[tokio::test(flavor = "multi_thread")]
async fn every_view_passes_axe() -> anyhow::Result<()> {
    let app = App::start("accessibility.db").await?;
    let mut found = Vec::new();
    app.screenshot("a11y-main.png").await?;
    audit(&app, "main view", &mut found).await?;

    wait_css(&app.client, EVENT).await?.click().await?;
    app.by_testid("inspector-title").await?;
    audit(&app, "inspector", &mut found).await?;
    app.click("inspector-close").await?;

    app.click("export-button").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-preview"][data-state="graphic"]"#,
    )
    .await?;
    audit(&app, "export dialog", &mut found).await?;
    app.click("export-format-md").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-preview"][data-state="brief"]"#,
    )
    .await?;
    audit(&app, "export dialog, brief", &mut found).await?;
    app.click("export-cancel").await?;

    app.click("comparison-item").await?;
    app.by_testid("compare-band").await?;
    audit(&app, "compare mode", &mut found).await?;

    assert_none(&found);
    app.close().await
}

fn assert_none(found: &[String]) {
    assert!(
        found.is_empty(),
        "axe found {} violations:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_start_panel_passes_axe() -> anyhow::Result<()> {
    let app = App::start_empty("empty.db").await?;
    app.screenshot("a11y-start.png").await?;
    let mut found = Vec::new();
    audit(&app, "start panel", &mut found).await?;
    assert_none(&found);
    app.close().await
}
