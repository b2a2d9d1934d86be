//! What every journey needs: the app on a fresh workspace, elements found by
//! their test ids, pointer drags, and the SQLite file read as the app wrote it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::Context;
use fantoccini::actions::{InputSource, MOUSE_BUTTON_LEFT, MouseActions, PointerAction};
use fantoccini::elements::Element;
use fantoccini::key::Key;
use fantoccini::{Client, Locator};
use rusqlite::{Connection, OpenFlags, types::Value};
use tideline_store::Workspace;
use tideline_store::views::{EventFilter, EventView};
use tideline_tests::{Harness, Profile, WAIT, wait_until};

pub const EVENT: &str = r#"[data-testid="timeline-event"]"#;

/// One app at a time: the machine has two cores and each app is a whole
/// WebKit.
static ONE_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

pub struct App {
    pub client: Client,
    pub db: PathBuf,
    harness: Harness,
    _dir: tempfile::TempDir,
    _turn: tokio::sync::MutexGuard<'static, ()>,
}

impl App {
    /// Opens the app on a new workspace file filled with the sample, and
    /// waits for the first timeline's events.
    pub async fn start(file: &str) -> anyhow::Result<App> {
        App::start_with_programs(file, None).await
    }

    /// Opens the app on a workspace file that does not exist yet, as
    /// `--db NEW.db` does, and waits for the start panel it shows.
    pub async fn start_empty(file: &str) -> anyhow::Result<App> {
        let turn = ONE_AT_A_TIME.lock().await;
        let harness = Harness::start_with_programs(Profile::Debug, None)?;
        let dir = tempfile::tempdir()?;
        let db = dir.path().join(file);
        let client = harness.launch(&db).await?;
        wait_css(&client, r#"[data-testid="start-panel"]"#).await?;
        Ok(App {
            client,
            db,
            harness,
            _dir: dir,
            _turn: turn,
        })
    }

    /// As [`App::start`], with the programs in `programs` first on the app's
    /// `PATH` (see [`Harness::start_with_programs`]).
    pub async fn start_with_programs(file: &str, programs: Option<&Path>) -> anyhow::Result<App> {
        Ok(App::start_in(file, programs, None, |_, _| Ok(())).await?.0)
    }

    /// As [`App::start`], once `prepare` has had the harness and the
    /// workspace's path: to write the file first (else the sample is
    /// written), or open it in another window ([`Harness::spawn`]).
    /// Returns what `prepare` gave.
    pub async fn start_with<T>(
        file: &str,
        prepare: impl FnOnce(&Harness, &Path) -> anyhow::Result<T>,
    ) -> anyhow::Result<(App, T)> {
        App::start_in(file, None, None, prepare).await
    }

    /// As [`App::start_with`] for a workspace `prepare` writes without the
    /// sample: the app is ready once the element `ready` (XPath) is there.
    pub async fn start_ready<T>(
        file: &str,
        ready: &str,
        prepare: impl FnOnce(&Harness, &Path) -> anyhow::Result<T>,
    ) -> anyhow::Result<(App, T)> {
        App::start_in(file, None, Some(ready), prepare).await
    }

    async fn start_in<T>(
        file: &str,
        programs: Option<&Path>,
        ready: Option<&str>,
        prepare: impl FnOnce(&Harness, &Path) -> anyhow::Result<T>,
    ) -> anyhow::Result<(App, T)> {
        let turn = ONE_AT_A_TIME.lock().await;
        let harness = Harness::start_with_programs(Profile::Debug, programs)?;
        let dir = tempfile::tempdir()?;
        let db = dir.path().join(file);
        let prepared = prepare(&harness, &db)?;
        if !db.exists() {
            Workspace::open(&db)?.replace_with_sample()?;
        }
        let client = harness.launch(&db).await?;
        // The sample's first event, or the start panel of an empty workspace
        // (the default one, opened instead of a file that is not a workspace).
        let ready = ready.map_or_else(
            || {
                format!(
                    r#"{} | //*[@data-testid="start-panel"]"#,
                    event_titled("Microsoft invests $1B in OpenAI")
                )
            },
            str::to_owned,
        );
        wait_for(&client, &ready).await?;
        let app = App {
            client,
            db,
            harness,
            _dir: dir,
            _turn: turn,
        };
        Ok((app, prepared))
    }

    /// Closes the app and opens it again on the same file, once the closed
    /// one has let the file go (else the new one would open it read-only).
    pub async fn restart(&mut self) -> anyhow::Result<()> {
        self.client.clone().close().await?;
        wait_until("the closed app to let the workspace go", || {
            lock_holders(&self.db).is_empty()
        })?;
        self.client = self.harness.launch(&self.db).await?;
        Ok(())
    }

    pub async fn close(self) -> anyhow::Result<()> {
        self.client.clone().close().await?;
        Ok(())
    }

    /// The first column of the first row of `sql`, as text.
    pub fn query(&self, sql: &str) -> String {
        let conn = Connection::open_with_flags(&self.db, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
        let value: Value = conn
            .query_row(sql, [], |row| row.get(0))
            .unwrap_or(Value::Null);
        match value {
            Value::Null => "NULL".to_owned(),
            Value::Integer(n) => n.to_string(),
            Value::Real(x) => x.to_string(),
            Value::Text(text) => text,
            Value::Blob(_) => "<blob>".to_owned(),
        }
    }

    /// Waits until `sql` gives `expected`: the app saves asynchronously.
    pub async fn wait_query(&self, sql: &str, expected: &str) -> anyhow::Result<()> {
        let deadline = Instant::now() + WAIT;
        loop {
            let got = self.query(sql);
            if got == expected {
                return Ok(());
            }
            if Instant::now() > deadline {
                anyhow::bail!("{sql} gave {got:?}, not {expected:?}");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// Types `text` into the field `testid`, once it is there.
    pub async fn type_into(&self, testid: &str, text: &str) -> anyhow::Result<()> {
        self.by_testid(testid).await?.send_keys(text).await?;
        Ok(())
    }

    pub async fn by_testid(&self, testid: &str) -> anyhow::Result<Element> {
        wait_css(&self.client, &format!(r#"[data-testid="{testid}"]"#)).await
    }

    /// Clicks the control once it is enabled (Undo waits for the edit before it),
    /// scrolled into view first as a user would: WebKitWebDriver does not
    /// scroll a list that scrolls inside the page (the export dialog's formats).
    pub async fn click(&self, testid: &str) -> anyhow::Result<()> {
        let control = wait_css(
            &self.client,
            &format!(r#"[data-testid="{testid}"]:not([disabled])"#),
        )
        .await?;
        self.client
            .execute(
                r#"arguments[0].scrollIntoView({ block: "nearest", inline: "nearest" });"#,
                vec![serde_json::to_value(&control)?],
            )
            .await?;
        control.click().await?;
        Ok(())
    }

    /// Presses the left button on `element` (at an offset from its centre),
    /// moves by (`dx`, `dy`) in steps, and lets go.
    pub async fn drag(
        &self,
        element: &Element,
        from: (f64, f64),
        dx: f64,
        dy: f64,
    ) -> anyhow::Result<()> {
        self.press_and_move(element, from, dx, dy).await?;
        self.release().await
    }

    /// The first half of a drag: the button stays down until [`App::release`].
    pub async fn press_and_move(
        &self,
        element: &Element,
        from: (f64, f64),
        dx: f64,
        dy: f64,
    ) -> anyhow::Result<()> {
        let step = Some(Duration::from_millis(60));
        let mut actions = MouseActions::new("mouse".to_owned())
            .then(PointerAction::MoveToElement {
                element: element.clone(),
                duration: None,
                x: from.0,
                y: from.1,
            })
            .then(PointerAction::Down {
                button: MOUSE_BUTTON_LEFT,
            });
        for _ in 0..4 {
            actions = actions.then(PointerAction::MoveBy {
                duration: step,
                x: dx / 4.0,
                y: dy / 4.0,
            });
        }
        self.client.perform_actions(actions).await?;
        Ok(())
    }

    pub async fn release(&self) -> anyhow::Result<()> {
        let up = MouseActions::new("mouse".to_owned()).then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
        self.client.perform_actions(up).await?;
        self.client.release_actions().await?;
        Ok(())
    }

    /// Calls `command` as the UI does: its reply, or the error it rejected with.
    pub async fn invoke(
        &self,
        command: &str,
        args: serde_json::Value,
    ) -> anyhow::Result<Result<serde_json::Value, serde_json::Value>> {
        let script = "const [command, args, done] = arguments;
            window.__TAURI_INTERNALS__.invoke(command, args).then(ok => done({ ok }), err => done({ err }));";
        let mut reply = self
            .client
            .execute_async(script, vec![command.into(), args])
            .await?;
        Ok(match reply.get_mut("err") {
            Some(error) => Err(error.take()),
            None => Ok(reply["ok"].take()),
        })
    }

    /// Saves a screenshot when `TIDELINE_SCREENSHOT_DIR` names a folder.
    pub async fn screenshot(&self, name: &str) -> anyhow::Result<()> {
        if let Some(dir) = std::env::var_os("TIDELINE_SCREENSHOT_DIR") {
            std::fs::write(
                std::path::Path::new(&dir).join(name),
                self.client.screenshot().await?,
            )?;
        }
        Ok(())
    }

    /// Drags `element` onto the centre of `target`.
    pub async fn drag_onto(&self, element: &Element, target: &Element) -> anyhow::Result<()> {
        let (x, y, width, height) = element.rectangle().await?;
        let (tx, ty, twidth, theight) = target.rectangle().await?;
        let (dx, dy) = (
            (tx + twidth / 2.0) - (x + width / 2.0),
            (ty + theight / 2.0) - (y + height / 2.0),
        );
        self.drag(element, (0.0, 0.0), dx, dy).await
    }
}

/// The processes holding an advisory lock on the file at `path` (the app
/// holds one on the workspace it edits), as Linux lists them in /proc/locks:
/// "1: FLOCK ADVISORY WRITE PID MAJOR:MINOR:INODE 0 EOF".
pub fn lock_holders(path: &Path) -> Vec<u32> {
    use std::os::unix::fs::MetadataExt;
    let Ok(inode) = std::fs::metadata(path).map(|meta| meta.ino()) else {
        return Vec::new();
    };
    let locks = std::fs::read_to_string("/proc/locks").unwrap_or_default();
    locks
        .lines()
        .filter_map(|line| {
            let fields: Vec<&str> = line.split_whitespace().collect();
            let file = fields.get(5)?.rsplit(':').next()?.parse::<u64>().ok()?;
            if fields.get(1) != Some(&"FLOCK") || file != inode {
                return None;
            }
            fields.get(4)?.parse().ok()
        })
        .collect()
}

/// An event element on the canvas whose text contains `title`.
pub fn event_titled(title: &str) -> String {
    format!(r#"//*[@data-testid="timeline-event"][contains(normalize-space(.), "{title}")]"#)
}

pub async fn wait_for(client: &Client, xpath: &str) -> anyhow::Result<Element> {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::XPath(xpath))
        .await
        .with_context(|| format!("waiting for {xpath}"))
}

pub async fn wait_css(client: &Client, css: &str) -> anyhow::Result<Element> {
    client
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .with_context(|| format!("waiting for {css}"))
}

/// Selects all the text of a field and types `text` and Enter over it, as a
/// user does; the field never loses focus on the way.
pub async fn replace_text(field: &Element, text: &str) -> anyhow::Result<()> {
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

/// A new workspace at `path` filled with the sample, and its first event,
/// to change before the app opens the file.
pub fn sample_and_first_event(path: &Path) -> anyhow::Result<(Workspace, EventView)> {
    let mut workspace = Workspace::open(path)?;
    workspace.replace_with_sample()?;
    let event = workspace
        .events(&EventFilter::default())?
        .into_iter()
        .find(|event| event.facts.title == "Microsoft invests $1B in OpenAI")
        .context("the sample's first event")?;
    Ok((workspace, event))
}
