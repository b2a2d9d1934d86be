//! Import and export: a file dropped on the window is previewed, imported
//! as one undoable step and shown on the canvas; a file with invalid events
//! lists every problem and changes nothing until they are skipped; a
//! timeline and the whole workspace are exported to the files chosen; a
//! graphic at a named size is exactly that size, and the workspace
//! remembers the size.
//!
//! A native drag cannot be made over WebDriver, so a drop is delivered to
//! the page's listeners the way the shell delivers it (Tauri's
//! `tauri://drag-drop` event). The native save dialog cannot be driven
//! either: as in `workspaces.rs`, the export command is called with the path
//! the dialog would give.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use fantoccini::Locator;
use serde_json::json;
use tideline_interop::ExportFormat;
use tideline_store::Workspace;
use tideline_tests::WAIT;

use crate::support::{App, EVENT, event_titled, wait_css, wait_for};

const MARKWHEN_TITLE: &str = "Welcome to Markwhen 👋";

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/interop")
        .join(name)
}

impl App {
    /// Drops the file at `path` on the window: Tauri's drop event, handed to
    /// the page's listeners by the function the shell calls for it. Waits
    /// until the page listens.
    async fn drop_file(&self, path: &Path) -> anyhow::Result<()> {
        let script = r#"const [path] = arguments;
            const event = "tauri://drag-drop";
            const listeners = (window.__internal_unstable_listeners_object_id__ || {})[event];
            const ids = listeners ? Object.getOwnPropertyNames(listeners).map(Number) : [];
            if (ids.length > 0) {
              window.__internal_unstable_listeners_function_id__(
                { event, payload: { paths: [path], position: { x: 400, y: 300 } } },
                ids,
              );
            }
            return ids.length;"#;
        let deadline = Instant::now() + WAIT;
        loop {
            let delivered = self
                .client
                .execute(script, vec![path.display().to_string().into()])
                .await?;
            if delivered.as_u64().unwrap_or(0) > 0 {
                return Ok(());
            }
            if Instant::now() > deadline {
                bail!("the window never listened for dropped files");
            }
            tokio::time::sleep(Duration::from_millis(25)).await;
        }
    }

    /// The text of the element with test id `testid`: its content, which
    /// WebDriver's rendered text leaves out while a dialog fades in.
    async fn text(&self, testid: &str) -> anyhow::Result<String> {
        let element = self.by_testid(testid).await?;
        Ok(element.prop("textContent").await?.unwrap_or_default())
    }

    /// The texts of the elements with test id `testid`, in document order.
    async fn texts(&self, testid: &str) -> anyhow::Result<Vec<String>> {
        let mut texts = Vec::new();
        let css = format!(r#"[data-testid="{testid}"]"#);
        for element in self.client.find_all(Locator::Css(&css)).await? {
            texts.push(element.prop("textContent").await?.unwrap_or_default());
        }
        Ok(texts)
    }

    /// What every table holds, in counts, and the newest undo step.
    fn fingerprint(&self) -> String {
        self.query(
            "SELECT (SELECT count(*) FROM timeline) || '/' || (SELECT count(*) FROM lane) || '/' ||
                    (SELECT count(*) FROM event) || '/' || (SELECT count(*) FROM placement) || '/' ||
                    (SELECT count(*) FROM source) || '/' || (SELECT count(*) FROM annotation) || '/' ||
                    (SELECT coalesce(max(id), 0) FROM history_step)",
        )
    }

    /// Waits for a toast of `tone` that says `text`.
    async fn wait_for_toast(&self, tone: &str, text: &str) -> anyhow::Result<String> {
        let toast = wait_for(
            &self.client,
            &format!(
                r#"//*[@data-testid="toast"][@data-tone="{tone}"][contains(normalize-space(.), "{text}")]"#
            ),
        )
        .await?;
        Ok(toast.text().await?)
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_dropped_markwhen_file_is_previewed_then_imported_onto_the_canvas() -> anyhow::Result<()>
{
    let app = App::start("import.db").await?;
    let before = app.fingerprint();
    let events_before = app.query("SELECT count(*) FROM event");

    app.drop_file(&fixture("markwhen-example.mw")).await?;
    app.by_testid("import-preview").await?;
    assert_eq!(app.text("import-events").await?, "11");
    assert_eq!(app.text("import-file").await?, "markwhen-example.mw");
    assert_eq!(
        app.by_testid("import-title").await?.prop("value").await?,
        Some(MARKWHEN_TITLE.to_owned())
    );
    assert_eq!(
        app.texts("import-lane").await?,
        ["Welcome", "Project 1", "Project 2", "Project 3", "Events"]
    );
    assert_eq!(app.texts("import-problem").await?, Vec::<String>::new());
    let detected = app
        .client
        .find(Locator::Css(
            r#"[data-testid="import-format"] option:checked"#,
        ))
        .await?
        .prop("textContent")
        .await?;
    assert_eq!(detected.as_deref(), Some("Markwhen (detected)"));
    assert_eq!(app.fingerprint(), before, "a preview writes nothing");
    app.screenshot("import-preview.png").await?;

    app.click("import-confirm").await?;
    for title in ["Yearly planning", "Project kickoff", "Holiday season"] {
        wait_for(&app.client, &event_titled(title)).await?;
    }
    app.wait_query(
        "SELECT count(*) FROM placement JOIN timeline ON timeline.id = placement.timeline_id
         WHERE timeline.title LIKE 'Welcome to Markwhen%'",
        "11",
    )
    .await?;
    assert_eq!(
        app.query(
            "SELECT group_concat(lane.name, ',') FROM lane JOIN timeline ON timeline.id = lane.timeline_id
             WHERE timeline.title LIKE 'Welcome to Markwhen%' ORDER BY lane.position"
        ),
        "Welcome,Project 1,Project 2,Project 3,Events"
    );
    assert_eq!(
        app.query("SELECT start_edtf FROM event WHERE title = 'Yearly planning'"),
        "2023-07",
        "a month stays a month"
    );
    let news = app.wait_for_toast("info", "Imported 11 events").await?;
    assert!(news.contains(MARKWHEN_TITLE), "{news}");
    // The canvas shows the imported timeline alone, fitted to its events.
    let mut headers = Vec::new();
    for menu in app
        .client
        .find_all(Locator::Css(r#"[data-testid="timeline-menu"]"#))
        .await?
    {
        headers.push(menu.attr("aria-label").await?.unwrap_or_default());
    }
    assert_eq!(headers, [format!("More for {MARKWHEN_TITLE}")]);
    let on_canvas = app.client.find_all(Locator::Css(EVENT)).await?.len();
    assert_eq!(on_canvas, 11, "every imported event is on the canvas");
    app.screenshot("import-done.png").await?;

    // One undo step takes the whole import back.
    app.click("undo").await?;
    app.wait_query("SELECT count(*) FROM event", &events_before)
        .await?;
    assert_eq!(
        app.query("SELECT count(*) FROM timeline WHERE title LIKE 'Welcome to Markwhen%'"),
        "0"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_file_with_invalid_events_lists_every_problem_and_changes_nothing() -> anyhow::Result<()>
{
    let app = App::start("refuse.db").await?;
    let file = app.db.with_file_name("deals.csv");
    std::fs::write(
        &file,
        "title,start,kind\n\
         Series A closes,2021-03-04,investment\n\
         Board approves the merger,2021-13-01,decision\n\
         Deal signed,2021-02-32,definitive-agreement\n",
    )?;
    let before = app.fingerprint();

    app.drop_file(&file).await?;
    app.by_testid("import-preview").await?;
    assert_eq!(app.text("import-events").await?, "1");
    let problems = app.texts("import-problem").await?;
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].starts_with("line 3"), "{problems:?}");
    assert!(problems[1].starts_with("line 4"), "{problems:?}");
    let confirm = app.by_testid("import-confirm").await?;
    assert!(
        confirm.attr("disabled").await?.is_some(),
        "nothing is imported while an event is invalid"
    );
    app.screenshot("import-refused.png").await?;

    // The shell refuses the file whole, naming every problem.
    let error = app
        .invoke(
            "import_file",
            json!({ "path": file, "options": { "skip_invalid": false } }),
        )
        .await?
        .expect_err("the file is refused");
    assert_eq!(error["code"], "import-invalid", "{error}");
    let message = error["message"].as_str().context("a message")?;
    assert!(
        message.contains("line 3") && message.contains("line 4"),
        "{message}"
    );
    assert_eq!(app.fingerprint(), before, "a refused file changes nothing");

    // Skipping the invalid events imports the valid one and says what was left out.
    app.click("import-skip-invalid").await?;
    app.click("import-confirm").await?;
    wait_for(&app.client, &event_titled("Series A closes")).await?;
    let news = app
        .wait_for_toast("info", "Skipped 2 invalid entries")
        .await?;
    assert!(news.contains("Imported 1 event into “deals”"), "{news}");
    assert_eq!(
        app.query(
            "SELECT count(*) FROM placement JOIN timeline ON timeline.id = placement.timeline_id
             WHERE timeline.title = 'deals'"
        ),
        "1"
    );
    assert_eq!(
        app.query(
            "SELECT count(*) FROM event WHERE title IN ('Board approves the merger', 'Deal signed')"
        ),
        "0"
    );
    app.close().await
}

#[tokio::test(flavor = "multi_thread")]
async fn a_timeline_and_the_workspace_are_exported_to_the_files_chosen() -> anyhow::Result<()> {
    let app = App::start("export.db").await?;
    let (id, title) = {
        let workspace = Workspace::open_existing(&app.db)?;
        let first = workspace
            .timelines()?
            .into_iter()
            .next()
            .context("the sample has timelines")?;
        (first.id, first.title)
    };

    // The timeline's menu opens the export dialog on that timeline.
    app.click("timeline-menu").await?;
    app.click("export-timeline").await?;
    app.by_testid("export-dialog").await?;
    let scope = app.by_testid("export-scope").await?;
    assert_eq!(scope.prop("value").await?, Some(id.to_string()));
    let formats = app
        .client
        .find_all(Locator::Css(r#"[data-testid^="export-format-"]"#))
        .await?;
    let mut offered = Vec::new();
    for format in formats {
        offered.push(format.attr("data-testid").await?.unwrap_or_default());
    }
    assert_eq!(
        offered,
        [
            "export-format-png",
            "export-format-svg",
            "export-format-pdf",
            "export-format-md",
            "export-format-html",
            "export-format-tideline-json",
            "export-format-timelinejs-json",
            "export-format-timelinejs-csv",
            "export-format-csv"
        ]
    );
    app.click("export-format-csv").await?;
    app.by_testid("export-data-note").await?;
    app.screenshot("export-dialog.png").await?;
    // The whole workspace is written in Tideline JSON only.
    scope.select_by_value("workspace").await?;
    let csv = app
        .client
        .find(Locator::Css(
            r#"[data-testid="export-format-csv"] input[disabled]"#,
        ))
        .await;
    assert!(csv.is_ok(), "CSV holds one timeline at a time");
    app.click("export-cancel").await?;

    // What the save dialog would give: the shell writes the engine's bytes there.
    let sheet = app.db.with_file_name(format!("{title} (TimelineJS).csv"));
    app.invoke(
        "export_timeline",
        json!({ "id": id, "format": "timelinejs-csv", "path": sheet }),
    )
    .await?
    .map_err(|error| anyhow::anyhow!("{error}"))?;
    let whole = app.db.with_file_name("export.json");
    app.invoke("export_workspace", json!({ "path": whole }))
        .await?
        .map_err(|error| anyhow::anyhow!("{error}"))?;

    let workspace = Workspace::open_existing(&app.db)?;
    let written = std::fs::read(&sheet)?;
    assert_eq!(
        written,
        workspace.export(id, ExportFormat::TimelinejsCsv)?,
        "the file holds the engine's export"
    );
    let text = String::from_utf8(written)?;
    assert!(text.starts_with("Year,Month,Day,Time,"), "{text}");
    assert!(text.contains("Microsoft invests $1B in OpenAI"), "{text}");
    assert_eq!(std::fs::read(&whole)?, workspace.export_workspace()?);

    // The timeline's own summary, written in its details, heads its page.
    app.click("timeline-menu").await?;
    app.click("edit-timeline").await?;
    app.type_into("timeline-summary-input", "The partnership in one line.")
        .await?;
    app.click("timeline-save").await?;
    app.wait_query(
        &format!("SELECT summary FROM timeline WHERE id = {id}"),
        "The partnership in one line.",
    )
    .await?;
    let workspace = Workspace::open_existing(&app.db)?;

    // The web page, as the dialog writes it: the engine's page.
    let page = app.db.with_file_name(format!("{title}.html"));
    app.invoke(
        "export_graphic",
        json!({ "id": id, "format": "html", "options": {}, "path": page }),
    )
    .await?
    .map_err(|error| anyhow::anyhow!("{error}"))?;
    assert_eq!(
        std::fs::read(&page)?,
        tideline_export::render(
            &workspace.timeline(id)?,
            tideline_export::Format::Html,
            &tideline_export::ExportOptions::default()
        )?,
        "the file holds the engine's page"
    );
    assert!(
        std::fs::read_to_string(&page)?
            .contains("<p class=\"summary\">The partnership in one line.</p>")
    );

    // The workspace file reads back as an import of every event.
    app.drop_file(&whole).await?;
    app.by_testid("import-preview").await?;
    assert_eq!(
        app.text("import-events").await?,
        app.query("SELECT count(*) FROM event")
    );
    let detected = app
        .client
        .find(Locator::Css(
            r#"[data-testid="import-format"] option:checked"#,
        ))
        .await?
        .prop("textContent")
        .await?;
    assert_eq!(detected.as_deref(), Some("Tideline JSON (detected)"));
    assert_eq!(
        app.text("import-lane-count").await?,
        app.query("SELECT count(*) FROM timeline"),
        "a workspace file counts its timelines"
    );
    app.screenshot("import-workspace.png").await?;
    app.close().await
}

/// The sample's first timeline: its id and title.
fn first_timeline(app: &App) -> anyhow::Result<(i64, String)> {
    let workspace = Workspace::open_existing(&app.db)?;
    let first = workspace
        .timelines()?
        .into_iter()
        .next()
        .context("the sample has timelines")?;
    Ok((first.id, first.title))
}

/// A PNG's width and height, from its header.
fn png_size(bytes: &[u8]) -> anyhow::Result<(u32, u32)> {
    if bytes.len() < 24 || &bytes[..8] != b"\x89PNG\r\n\x1a\n" || &bytes[12..16] != b"IHDR" {
        bail!("not a PNG");
    }
    let number =
        |at: usize| u32::from_be_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Ok((number(16), number(20)))
}

#[tokio::test(flavor = "multi_thread")]
async fn a_tall_png_is_previewed_then_exported_and_the_brief_copied() -> anyhow::Result<()> {
    let app = App::start("graphic.db").await?;
    let (id, title) = first_timeline(&app)?;
    let event_titles: Vec<String> = app
        .query(&format!(
            "SELECT group_concat(event.title, char(10)) FROM event
             JOIN placement ON placement.event_id = event.id WHERE placement.timeline_id = {id}"
        ))
        .lines()
        .map(str::to_owned)
        .collect();
    assert!(event_titles.len() > 5, "{event_titles:?}");

    // The dialog opens on a graphic, previewed as the engine draws it.
    app.click("timeline-menu").await?;
    app.click("export-timeline").await?;
    app.by_testid("export-dialog").await?;
    app.click("export-format-png").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-preview"][data-state="graphic"] [data-testid="export-preview-image"][data-orientation="horizontal"]"#,
    )
    .await?;

    // The tall layout redraws the preview down the page: 480 px wide, 2× for PNG.
    app.click("export-layout-tall").await?;
    let image = wait_css(
        &app.client,
        r#"[data-testid="export-preview"][data-state="graphic"] [data-testid="export-preview-image"][data-orientation="vertical"]"#,
    )
    .await?;
    let decoded = app
        .client
        .execute(
            "const [image] = arguments; return image.decode().then(() => [image.naturalWidth, image.naturalHeight]);",
            vec![serde_json::to_value(&image)?],
        )
        .await?;
    let (shown_width, shown_height) = (
        decoded[0].as_f64().unwrap_or(0.0),
        decoded[1].as_f64().unwrap_or(0.0),
    );
    assert!(
        shown_width > 0.0 && shown_height > 2.0 * shown_width,
        "the preview shows a tall picture: {decoded}"
    );
    let size = app.text("export-preview-size").await?;
    assert!(size.starts_with("960 × "), "PNG at 2×: {size}");
    let pressed = app.by_testid("export-layout-tall").await?;
    assert_eq!(pressed.attr("aria-pressed").await?.as_deref(), Some("true"));
    app.screenshot("export-graphic.png").await?;

    // What the save dialog would give: the shell writes the engine's PNG there.
    let options = json!({ "orientation": "vertical", "scale": 2, "theme": "light" });
    let png = app.db.with_file_name(format!("{title} (tall).png"));
    app.invoke(
        "export_graphic",
        json!({ "id": id, "format": "png", "options": options, "path": png }),
    )
    .await?
    .map_err(|error| anyhow::anyhow!("{error}"))?;
    let (width, height) = png_size(&std::fs::read(&png)?)?;
    assert_eq!(width, 960, "480 px at 2×");
    assert!(height > 2000, "a tall picture: {height}");

    // SVG keeps the words for screen readers; PDF keeps them as text.
    let svg = app.db.with_file_name("timeline.svg");
    let pdf = app.db.with_file_name("timeline.pdf");
    for (format, path) in [("svg", &svg), ("pdf", &pdf)] {
        app.invoke(
            "export_graphic",
            json!({ "id": id, "format": format, "options": {}, "path": path }),
        )
        .await?
        .map_err(|error| anyhow::anyhow!("{error}"))?;
    }
    let svg = std::fs::read_to_string(&svg)?;
    assert!(
        svg.starts_with("<svg") || svg.starts_with("<?xml"),
        "{}",
        &svg[..80.min(svg.len())]
    );
    assert!(svg.contains(&title), "the SVG names the timeline");
    let extracted = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .context("pdftotext runs")?;
    assert!(extracted.status.success());
    let text = String::from_utf8(extracted.stdout)?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for event in &event_titles {
        let words = event.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&words), "the PDF says {event:?}: {text}");
    }

    // A bad option is refused with the engine's reason.
    let error = app
        .invoke(
            "export_graphic",
            json!({ "id": id, "format": "png", "options": { "scale": 7 }, "path": png }),
        )
        .await?
        .expect_err("scale 7 is refused");
    assert_eq!(error["code"], "invalid-input", "{error}");

    // The brief is previewed rendered, or as its Markdown, and copied as Markdown.
    app.click("export-format-md").await?;
    let rendered = wait_css(
        &app.client,
        r#"[data-testid="export-preview-markdown"][data-view="rendered"] h3"#,
    )
    .await?;
    assert_eq!(rendered.text().await?, title);
    app.click("export-preview-source").await?;
    let brief = wait_css(
        &app.client,
        r#"[data-testid="export-preview-markdown"][data-view="source"]"#,
    )
    .await?;
    let markdown = brief.prop("textContent").await?.unwrap_or_default();
    assert!(markdown.contains(&format!("# {title}")), "{markdown}");
    app.click("export-copy-markdown").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-copy-markdown"][data-state="copied"]"#,
    )
    .await?;
    // WebKit lets a page write the clipboard, not read it: the button says it was written.
    let status = app.by_testid("export-dialog").await?.text().await?;
    assert!(
        status.contains("Markdown copied to the clipboard."),
        "{status}"
    );
    app.screenshot("export-brief.png").await?;
    app.close().await
}

impl App {
    /// Waits until the preview's size reads `expected` ("1080 × 1080 px").
    async fn wait_preview_size(&self, expected: &str) -> anyhow::Result<()> {
        wait_for(
            &self.client,
            &format!(
                r#"//*[@data-testid="export-preview"][@data-state="graphic"]//*[@data-testid="export-preview-size"][normalize-space(.)="{expected}"]"#
            ),
        )
        .await?;
        Ok(())
    }

    /// Waits until the preview's size starts with `prefix` ("1600 × "): a free width.
    async fn wait_preview_width(&self, prefix: &str) -> anyhow::Result<()> {
        wait_for(
            &self.client,
            &format!(
                r#"//*[@data-testid="export-preview"][@data-state="graphic"]//*[@data-testid="export-preview-size"][starts-with(normalize-space(.), "{prefix}")]"#
            ),
        )
        .await?;
        Ok(())
    }

    /// The width and height the preview's SVG declares on its root element.
    async fn preview_svg_size(&self) -> anyhow::Result<(String, String)> {
        let script =
            "const image = document.querySelector('[data-testid=\"export-preview-image\"]');
            const src = image ? image.getAttribute('src') || '' : '';
            const svg = decodeURIComponent(src.slice(src.indexOf(',') + 1));
            const root = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
            return [root.getAttribute('width') || '', root.getAttribute('height') || ''];";
        let size = self.client.execute(script, vec![]).await?;
        let side = |at: usize| size[at].as_str().unwrap_or_default().to_owned();
        Ok((side(0), side(1)))
    }

    /// Waits until the preview's picture is decoded and painted, for a screenshot of it.
    async fn painted_preview(&self) -> anyhow::Result<()> {
        let script = "const done = arguments[arguments.length - 1];
            const image = document.querySelector('[data-testid=\"export-preview-image\"]');
            const painted = () => requestAnimationFrame(() => requestAnimationFrame(() => done(true)));
            (image ? image.decode() : Promise.resolve()).then(painted, painted);";
        self.client.execute_async(script, vec![]).await?;
        Ok(())
    }

    /// The value of the form control `testid`.
    async fn value(&self, testid: &str) -> anyhow::Result<String> {
        let control = self.by_testid(testid).await?;
        Ok(control.prop("value").await?.unwrap_or_default())
    }

    /// Types `text` over what the field `testid` holds, without Enter (which
    /// would submit the dialog).
    async fn retype(&self, testid: &str, text: &str) -> anyhow::Result<()> {
        let field = self.by_testid(testid).await?;
        field.click().await?;
        field
            .send_keys(&format!("{}a", char::from(fantoccini::key::Key::Control)))
            .await?;
        field.send_keys(text).await?;
        Ok(())
    }

    async fn open_export(&self) -> anyhow::Result<()> {
        self.click("timeline-menu").await?;
        self.click("export-timeline").await?;
        self.by_testid("export-dialog").await?;
        Ok(())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_named_size_draws_the_graphic_exactly_that_size_and_is_remembered() -> anyhow::Result<()>
{
    let mut app = App::start("size.db").await?;
    let (id, _) = first_timeline(&app)?;
    app.open_export().await?;
    app.click("export-format-svg").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-preview"][data-state="graphic"]"#,
    )
    .await?;

    // Free width first, then the style's sizes by their labels, then Custom….
    let labels = app
        .client
        .execute(
            "return [...document.querySelectorAll('[data-testid=\"export-size\"] option')].map(o => o.textContent);",
            vec![],
        )
        .await?;
    let labels: Vec<String> = serde_json::from_value(labels)?;
    assert_eq!(labels.first().map(String::as_str), Some("Free width"));
    assert_eq!(labels.last().map(String::as_str), Some("Custom…"));
    assert_eq!(labels.len(), 10, "the eight built-in sizes: {labels:?}");
    assert_eq!(app.value("export-size").await?, "");
    app.retype("export-width", "900").await?;
    app.wait_preview_width("900 × ").await?;

    // A named size: the Width field gives way, the graphic is exactly that size.
    app.by_testid("export-size")
        .await?
        .select_by_label("Social square, 1080 × 1080")
        .await?;
    assert_eq!(app.value("export-size").await?, "social-square");
    wait_css(
        &app.client,
        r#"[data-testid="export-options"]:not(:has([data-testid="export-width"]))"#,
    )
    .await?;
    app.wait_preview_size("1080 × 1080 px").await?;
    let (width, height) = app.preview_svg_size().await?;
    assert_eq!(
        (width.parse::<f64>()?, height.parse::<f64>()?),
        (1080.0, 1080.0),
        "the SVG's root is the size: {width} × {height}"
    );
    app.wait_query(
        "SELECT value FROM setting WHERE key = 'export.size'",
        "social-square",
    )
    .await?;
    app.painted_preview().await?;
    app.screenshot("export-size.png").await?;

    // PNG at 1×: 1080 pixels square, in the preview and in the file written.
    app.click("export-format-png").await?;
    app.click("export-scale-1").await?;
    app.wait_preview_size("1080 × 1080 pixels").await?;
    let png = app.db.with_file_name("square.png");
    app.invoke(
        "export_graphic",
        json!({
            "id": id,
            "format": "png",
            "options": { "width": 1080, "height": 1080, "scale": 1 },
            "path": png,
        }),
    )
    .await?
    .map_err(|error| anyhow::anyhow!("{error}"))?;
    assert_eq!(png_size(&std::fs::read(&png)?)?, (1080, 1080));

    // Back on free width, the width typed before applies again.
    app.by_testid("export-size")
        .await?
        .select_by_value("")
        .await?;
    assert_eq!(app.value("export-width").await?, "900");
    app.wait_preview_width("900 × ").await?;
    app.by_testid("export-size")
        .await?
        .select_by_value("social-square")
        .await?;

    // The tall layout takes the same sizes.
    app.click("export-layout-tall").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-preview-image"][data-orientation="vertical"]"#,
    )
    .await?;
    assert_eq!(app.value("export-size").await?, "social-square");
    app.wait_preview_size("1080 × 1080 pixels").await?;
    app.painted_preview().await?;
    app.screenshot("export-size-tall.png").await?;
    app.click("export-layout-wide").await?;

    // Custom…: a width and a height, each checked as the Width field is.
    app.by_testid("export-size")
        .await?
        .select_by_label("Custom…")
        .await?;
    assert_eq!(app.value("export-size-width").await?, "1080");
    assert_eq!(app.value("export-size-height").await?, "1080");
    app.retype("export-size-height", "100").await?;
    let height = wait_css(
        &app.client,
        r#"[data-testid="export-size-height"][aria-invalid="true"]"#,
    )
    .await?;
    assert_eq!(
        height.attr("title").await?.as_deref(),
        Some("A height between 240 and 16384 px")
    );
    wait_css(&app.client, r#"[data-testid="export-confirm"][disabled]"#).await?;
    app.retype("export-size-height", "600").await?;
    wait_css(
        &app.client,
        r#"[data-testid="export-confirm"]:not([disabled])"#,
    )
    .await?;
    app.wait_preview_size("1080 × 600 pixels").await?;
    app.painted_preview().await?;
    let found = crate::accessibility::axe_violations(&app.client).await?;
    assert!(found.is_empty(), "axe, custom size:\n{}", found.join("\n"));
    app.screenshot("export-size-custom.png").await?;
    app.wait_query(
        "SELECT value FROM setting WHERE key = 'export.size'",
        "custom:1080x600",
    )
    .await?;

    app.by_testid("export-size")
        .await?
        .select_by_value("social-square")
        .await?;
    app.wait_preview_size("1080 × 1080 pixels").await?;
    app.click("export-cancel").await?;

    // The workspace remembers the size across a restart.
    app.restart().await?;
    app.open_export().await?;
    app.click("export-format-svg").await?;
    app.wait_preview_size("1080 × 1080 px").await?;
    assert_eq!(app.value("export-size").await?, "social-square");

    // A name the style does not have is free width.
    app.click("export-cancel").await?;
    app.invoke(
        "set_workspace_setting",
        json!({ "key": "export.size", "value": "poster" }),
    )
    .await?
    .map_err(|error| anyhow::anyhow!("{error}"))?;
    app.open_export().await?;
    app.click("export-format-svg").await?;
    app.by_testid("export-width").await?;
    assert_eq!(app.value("export-size").await?, "");
    app.wait_preview_width("1600 × ").await?;
    let (width, _) = app.preview_svg_size().await?;
    assert_eq!(width.parse::<f64>()?, 1600.0, "free width draws 1600 wide");
    app.close().await
}
