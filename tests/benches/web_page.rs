//! `cargo xtask bench --web`: the exported web page in headless Chromium
//! and in WebKitGTK's MiniBrowser. First paint of the sample's
//! Microsoft–OpenAI page, and frames while zooming and panning the page of
//! 1,000 peer events (the vis-timeline comparison's data, as for the app).
//! Prints a Markdown table (kept in docs/benchmarks.md); it measures, the
//! reader judges.

use std::time::Duration;

use tideline_export::{ExportOptions, Format, render};
use tideline_store::Workspace;
use tideline_tests::browser::{Browser, Engine};
use tideline_tests::import_peer_workspace;

/// Zooms in and out for 120 frames, then pans for 120, by wheel events on
/// the view as a touchpad sends them; returns the intervals between frames.
const FRAMES: &str = r#"
const done = arguments[arguments.length - 1];
const frame = document.querySelector('.tl-frame');
const box = frame.getBoundingClientRect();
const at = { clientX: box.left + box.width / 2, clientY: box.top + 60, bubbles: true, cancelable: true };
const intervals = [];
let n = 0;
let last = 0;
function step(t) {
  try { advance(t); } catch (error) { done(String(error)); }
}
function advance(t) {
  if (n > 1) intervals.push(t - last);
  last = t;
  const wheel = n < 60 ? { deltaY: -8, ctrlKey: true }
    : n < 120 ? { deltaY: n % 20 < 10 ? 6 : -6, ctrlKey: true }
    : { deltaX: 14 };
  frame.dispatchEvent(new WheelEvent('wheel', { ...at, ...wheel }));
  n += 1;
  if (n < 242) requestAnimationFrame(step); else done(intervals);
}
requestAnimationFrame(step);
"#;

const FIRST_PAINT: &str = r#"
const paint = performance.getEntriesByType('paint').find((e) => e.name === 'first-contentful-paint');
return paint ? paint.startTime : null;
"#;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    let options = ExportOptions::default();
    let sample = dir.path().join("sample.html");
    {
        let mut workspace = Workspace::open(&dir.path().join("sample.db"))?;
        workspace.replace_with_sample()?;
        let id = workspace.find_timeline("Microsoft–OpenAI")?;
        std::fs::write(
            &sample,
            render(&workspace.timeline(id)?, Format::Html, &options)?,
        )?;
    }
    let peer = dir.path().join("peer.html");
    {
        let db = dir.path().join("peer.db");
        let id = import_peer_workspace(&db, 1_000)?;
        let workspace = Workspace::open(&db)?;
        std::fs::write(
            &peer,
            render(&workspace.timeline(id)?, Format::Html, &options)?,
        )?;
    }
    let url = |path: &std::path::Path| format!("file://{}", path.display());
    let size = |path: &std::path::Path| -> anyhow::Result<String> {
        let bytes = std::fs::read(path)?;
        Ok(format!("{} ({} gzipped)", bytes.len(), gzipped(&bytes)))
    };
    let mut rows = vec![
        (
            "Page of the sample's Microsoft–OpenAI timeline, bytes".to_owned(),
            size(&sample)?,
        ),
        ("Page of 1,000 peer events, bytes".to_owned(), size(&peer)?),
    ];
    for engine in [Engine::Chromium, Engine::WebKit] {
        let browser = Browser::start(engine, true).await?;
        let client = &browser.client;
        client
            .update_timeouts(fantoccini::wd::TimeoutConfiguration::new(
                Some(Duration::from_secs(300)),
                None,
                None,
            ))
            .await?;
        client.set_window_size(1280, 800).await?;
        let mut paints = Vec::new();
        for _ in 0..5 {
            client.goto(&url(&sample)).await?;
            ready(client).await?;
            if let Some(ms) = client.execute(FIRST_PAINT, vec![]).await?.as_f64() {
                paints.push(ms);
            }
        }
        paints.sort_by(f64::total_cmp);
        rows.push((
            format!("{engine:?}: first contentful paint of the sample's page, median of 5"),
            paints
                .get(paints.len() / 2)
                .map_or("not reported".to_owned(), |ms| format!("{ms:.0} ms")),
        ));
        client.goto(&url(&peer)).await?;
        ready(client).await?;
        let reply = client.execute_async(FRAMES, vec![]).await?;
        let mut intervals: Vec<f64> = serde_json::from_value(reply.clone())
            .map_err(|_| anyhow::anyhow!("{engine:?}: the frames script failed: {reply}"))?;
        let on_time = intervals.iter().filter(|ms| **ms <= 25.0).count();
        let share = 100.0 * on_time as f64 / intervals.len().max(1) as f64;
        intervals.sort_by(f64::total_cmp);
        let p95 = intervals[(intervals.len() * 95 / 100).min(intervals.len() - 1)];
        rows.push((
            format!(
                "{engine:?} (1280×800): zoom and pan 1,000 peer events, frames within 25 ms; interval p95"
            ),
            format!("{share:.1} %; {p95:.1} ms"),
        ));
        browser.close().await?;
    }
    println!("| Measure | Figure |\n|---|---|");
    for (measure, figure) in rows {
        println!("| {measure} | {figure} |");
    }
    Ok(())
}

/// Waits until the page's viewer has run and its fonts are in.
async fn ready(client: &fantoccini::Client) -> anyhow::Result<()> {
    for _ in 0..500 {
        let done = client
            .execute(
                "return document.documentElement.classList.contains('enhanced') && document.fonts.status === 'loaded';",
                vec![],
            )
            .await?;
        if done.as_bool() == Some(true) {
            return Ok(());
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    anyhow::bail!("the page's viewer did not run")
}

fn gzipped(bytes: &[u8]) -> usize {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(bytes).expect("gzip in memory");
    encoder.finish().expect("gzip in memory").len()
}
