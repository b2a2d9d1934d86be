//! Workspaces: a file that is not one refused with nothing changed, opened
//! or given at start, Save as,
//! another workspace opened, and the first one found again under Recent; the
//! backup taken on opening restored over an edit. The
//! native dialogs cannot be driven over WebDriver, so these journeys call the
//! commands with the paths the dialogs would give, as the UI does.

use std::path::Path;

use anyhow::Context;
use rusqlite::{Connection, OpenFlags};
use serde_json::{Value, json};
use tideline_store::Workspace;

use crate::support::{App, event_titled, sample_and_first_event, wait_css, wait_for};

const RENAMED: &str = "Only in the other workspace";

impl App {
    /// Waits until the top bar names the open workspace `name`.
    async fn wait_for_workspace(&self, name: &str) -> anyhow::Result<()> {
        wait_for(
            &self.client,
            &format!(r#"//*[@data-testid="workspace-name"][normalize-space(.)="{name}"]"#),
        )
        .await?;
        Ok(())
    }
}

fn event_count(path: &Path) -> anyhow::Result<i64> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    Ok(conn.query_row("SELECT count(*) FROM event", [], |row| row.get(0))?)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_that_is_not_a_workspace_is_refused_and_nothing_changes() -> anyhow::Result<()> {
    let app = App::start("kept.db").await?;
    let notes = app.db.with_file_name("notes.db");
    std::fs::write(&notes, "Meeting notes, not a database.\n")?;

    let error = app
        .invoke("open_workspace", json!({ "path": notes }))
        .await?
        .expect_err("the text file is refused");
    assert_eq!(error["code"], "not-a-workspace", "{error}");
    let message = error["message"].as_str().context("a message")?;
    assert!(message.contains("is not a Tideline workspace"), "{message}");
    assert_eq!(
        std::fs::read_to_string(&notes)?,
        "Meeting notes, not a database.\n"
    );

    let info = app.invoke("workspace_info", json!({})).await?.unwrap();
    assert_eq!(info["path"], app.db.display().to_string());
    app.wait_for_workspace("kept.db").await?;
    wait_for(
        &app.client,
        &event_titled("Microsoft invests $1B in OpenAI"),
    )
    .await?;
    let recent = app.invoke("recent_workspaces", json!({})).await?.unwrap();
    assert_eq!(recent, json!([app.db]));
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_given_at_start_that_is_not_a_workspace_opens_the_default_one_and_says_why()
-> anyhow::Result<()> {
    const NOTES: &str = "Meeting notes, not a database.\n";
    // As a file manager would start the app on a file that only ends in .db.
    let (app, ()) = App::start_with("notes.db", |_, path| Ok(std::fs::write(path, NOTES)?)).await?;
    let toast = wait_css(&app.client, r#"[data-testid="toast"][data-tone="error"]"#).await?;
    let message = toast.text().await?;
    assert!(
        message.contains("notes.db is not a Tideline workspace")
            && message.contains("your own workspace is open instead"),
        "{message}"
    );
    assert_eq!(std::fs::read_to_string(&app.db)?, NOTES);
    let info = app.invoke("workspace_info", json!({})).await?.unwrap();
    let opened = info["path"].as_str().context("a path")?;
    assert!(opened.ends_with("tideline/tideline.db"), "{opened}");
    // Said once: a reloaded window does not say it again.
    let again = app.invoke("startup_problem", json!({})).await?.unwrap();
    assert_eq!(again, Value::Null);
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn save_as_open_another_and_come_back_through_recent() -> anyhow::Result<()> {
    let app = App::start("first.db").await?;
    let other = app.db.with_file_name("other.db");
    {
        let (mut workspace, event) = sample_and_first_event(&other)?;
        workspace.rename_event(event.facts.id, RENAMED)?;
    }

    let copy = app.db.with_file_name("copy.db");
    let info = app
        .invoke("save_workspace_as", json!({ "path": copy }))
        .await?
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    assert_eq!(info["path"], copy.display().to_string());
    assert_eq!(event_count(&copy)?, event_count(&app.db)?);

    app.invoke("open_workspace", json!({ "path": other }))
        .await?
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    // The UI asks the shell for everything afresh after a reload.
    app.client.refresh().await?;
    app.wait_for_workspace("other.db").await?;
    wait_for(&app.client, &event_titled(RENAMED)).await?;

    app.click("workspace-name").await?;
    app.by_testid("workspace-menu").await?;
    let recent = json!([copy, app.db]);
    let item = |path: &Value| {
        format!(
            r#"[data-testid="recent-workspace"][data-path="{}"]"#,
            path.as_str().unwrap()
        )
    };
    wait_css(&app.client, &item(&recent[1])).await?;
    wait_css(&app.client, &item(&recent[0]))
        .await?
        .click()
        .await?;
    app.wait_for_workspace("copy.db").await?;
    wait_for(
        &app.client,
        &event_titled("Microsoft invests $1B in OpenAI"),
    )
    .await?;

    let recent = app.invoke("recent_workspaces", json!({})).await?.unwrap();
    assert_eq!(recent, json!([copy, other, app.db]));
    app.close().await
}

/// The rolling backups in `folder` (not a backup still being written), once
/// there is one.
async fn backups_in(folder: &Path) -> anyhow::Result<Vec<std::path::PathBuf>> {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let found: Vec<_> = std::fs::read_dir(folder)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|path| path.extension().is_some_and(|ext| ext == "db"))
                    .collect()
            })
            .unwrap_or_default();
        if !found.is_empty() {
            return Ok(found);
        }
        anyhow::ensure!(
            std::time::Instant::now() < deadline,
            "no backup appeared in {}",
            folder.display()
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_backup_taken_on_opening_is_restored_over_an_edit() -> anyhow::Result<()> {
    let app = App::start("restore.db").await?;
    let folder = app.invoke("backups_folder", json!({})).await?.unwrap();
    let folder = Path::new(folder.as_str().context("a backups folder")?).to_owned();
    let backups = backups_in(&folder).await?;
    assert_eq!(backups.len(), 1, "{backups:?}");
    let backup = &backups[0];
    assert!(
        Workspace::open_existing(backup)?
            .check()?
            .problems
            .is_empty()
    );

    let first = "SELECT id FROM event WHERE title = 'Microsoft invests $1B in OpenAI'";
    let id: i64 = app.query(first).parse()?;
    app.invoke("rename_event", json!({ "id": id, "title": RENAMED }))
        .await?
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    let kept = app
        .invoke("restore_workspace", json!({ "from": backup }))
        .await?
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    let kept = Path::new(kept.as_str().context("the replaced workspace is kept")?).to_owned();

    app.client.refresh().await?;
    wait_for(
        &app.client,
        &event_titled("Microsoft invests $1B in OpenAI"),
    )
    .await?;
    let title = format!("SELECT title FROM event WHERE id = {id}");
    assert_eq!(app.query(&title), "Microsoft invests $1B in OpenAI");
    let conn = Connection::open_with_flags(&kept, OpenFlags::SQLITE_OPEN_READ_ONLY)?;
    let kept_title: String = conn.query_row(&title, [], |row| row.get(0))?;
    assert_eq!(kept_title, RENAMED);
    app.close().await
}
