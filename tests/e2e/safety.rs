//! Bad places, in the app: a workspace that cannot be written opens
//! read-only under a notice and refuses every edit with no byte changed,
//! and a workspace that another window edits opens read-only, saying so,
//! while a reader still reads it, until that window lets it go.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use serde_json::json;
use tideline_store::views::EventFilter;
use tideline_store::{ErrorCode, Workspace};
use tideline_tests::wait_until;

use crate::support::{App, event_titled, lock_holders, replace_text, wait_for};

const FIRST: &str = "Microsoft invests $1B in OpenAI";

/// The notice under the top bar, with its reason and text.
async fn notice(app: &App) -> anyhow::Result<(String, String)> {
    let notice = app.by_testid("read-only-notice").await?;
    let reason = notice.attr("data-reason").await?.unwrap_or_default();
    Ok((reason, notice.text().await?))
}

/// Renames the sample's first event in the inspector, as a user would, and
/// returns the error shown beside the field.
async fn rename_in_inspector(app: &App, title: &str) -> anyhow::Result<String> {
    wait_for(&app.client, &event_titled(FIRST))
        .await?
        .click()
        .await?;
    replace_text(&app.by_testid("inspector-title").await?, title).await?;
    Ok(app.by_testid("inspector-error").await?.text().await?)
}

/// Titles of the workspace's events, read as the CLI reads them.
fn titles(path: &Path) -> anyhow::Result<Vec<String>> {
    let workspace = Workspace::open_existing(path)?;
    let events = workspace.events(&EventFilter::default())?;
    Ok(events.into_iter().map(|event| event.facts.title).collect())
}

/// The files named after the workspace in its folder, with their bytes.
fn files(path: &Path) -> anyhow::Result<Vec<(std::ffi::OsString, Vec<u8>)>> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(path.parent().unwrap_or(Path::new(".")))? {
        let entry = entry?;
        if entry
            .file_name()
            .to_string_lossy()
            .starts_with(name.as_ref())
        {
            files.push((entry.file_name(), std::fs::read(entry.path())?));
        }
    }
    files.sort();
    Ok(files)
}

#[tokio::test(flavor = "multi_thread")]
async fn a_workspace_that_cannot_be_written_opens_read_only_and_nothing_changes()
-> anyhow::Result<()> {
    let (app, ()) = App::start_with("read-only.db", |_, path| {
        Workspace::open(path)?.replace_with_sample()?;
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o444))?;
        Ok(())
    })
    .await?;
    let db = &app.db;
    let before = files(db)?;
    assert_eq!(before.len(), 1, "a closed workspace is one file");

    let (reason, text) = notice(&app).await?;
    assert_eq!(reason, "file");
    assert!(text.contains("read-only.db is read-only"), "{text}");
    let import = app.by_testid("import-button").await?;
    assert_eq!(import.prop("disabled").await?.as_deref(), Some("true"));

    let error = rename_in_inspector(&app, "Edited anyway").await?;
    assert!(
        error.contains("is read-only") && error.contains("nothing was changed"),
        "{error}"
    );
    let error = app
        .invoke("create_timeline", json!({ "title": "Not made" }))
        .await?
        .expect_err("refused");
    assert_eq!(error["code"], "read-only", "{error}");
    app.screenshot("read-only.png").await?;

    assert!(titles(db)?.iter().any(|title| title == FIRST));
    assert_eq!(files(db)?, before, "no byte changed, nor beside it");
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_workspace_another_window_edits_opens_read_only_until_it_is_closed_there()
-> anyhow::Result<()> {
    let (app, first) = App::start_with("shared.db", |harness, path| {
        Workspace::open(path)?.replace_with_sample()?;
        let first = harness.spawn(path)?;
        wait_until("the first window to claim the workspace", || {
            lock_holders(path).contains(&first.id())
        })?;
        Ok(first)
    })
    .await?;

    let (reason, text) = notice(&app).await?;
    assert_eq!(reason, "in-use");
    assert!(
        text.contains("shared.db is open for editing in another Tideline window"),
        "{text}"
    );
    let error = rename_in_inspector(&app, "Edited here").await?;
    assert!(
        error.contains(
            "is open for editing in another Tideline window or command; close it there first"
        ),
        "{error}"
    );
    let error = app
        .invoke("create_timeline", json!({ "title": "Not made" }))
        .await?
        .expect_err("refused");
    assert_eq!(error["code"], "in-use", "{error}");

    // A reader, as the CLI's reading commands open it, reads; its changes
    // are refused too.
    let mut reader = Workspace::open_existing(&app.db)?;
    assert!(!reader.timelines()?.is_empty());
    assert!(titles(&app.db)?.iter().any(|title| title == FIRST));
    let event = reader.events(&EventFilter::default())?[0].facts.id;
    let refused = reader
        .rename_event(event, "Edited by a reader")
        .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::InUse);
    drop(reader);
    assert_eq!(
        app.query("SELECT count(*) FROM event WHERE title LIKE 'Edited%'"),
        "0"
    );

    // Closed in the first window, the workspace opened here again is this
    // window's to edit (the UI calls the command with the path the open
    // dialog gives, and starts afresh).
    drop(first);
    app.invoke("open_workspace", json!({ "path": app.db }))
        .await?
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    app.client.refresh().await?;
    wait_for(&app.client, &event_titled(FIRST))
        .await?
        .click()
        .await?;
    let renamed = "Edited once the other window closed";
    replace_text(&app.by_testid("inspector-title").await?, renamed).await?;
    app.wait_query(
        &format!("SELECT count(*) FROM event WHERE title = '{renamed}'"),
        "1",
    )
    .await?;
    let notices = app
        .client
        .find_all(fantoccini::Locator::Css(
            r#"[data-testid="read-only-notice"]"#,
        ))
        .await?;
    assert!(notices.is_empty(), "the notice is gone");
    app.close().await
}
