//! `cargo xtask bench [--db FILE] [--events N]`: the editor's figures at
//! scale. By default on generated workspaces of 1,000, 10,000 and 100,000
//! events, each twice: evenly spread points, and the peer comparison's
//! data (ranges, clusters, five lanes; see `import_peer_csv`).
//! `--events N` measures that size only; `--db FILE` an existing
//! workspace, its largest timeline. Prints a Markdown table per workspace
//! (kept in docs/benchmarks.md) and never fails on a figure: it measures,
//! the reader judges.

use std::time::{Duration, Instant};

use tideline_model::layout::Viewport;
use tideline_store::Workspace;
use tideline_store::views::EventFilter;
use tideline_tests::process::{age, app_processes, cpu_time, memory};
use tideline_tests::{Harness, Profile, generate_workspace, import_peer_csv, peer_csv};

/// The sizes measured by default.
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

/// Drives 240 animation frames of wheel zoom and pan over the canvas and
/// records each frame's interval and the time spent handling its input and
/// rendering what it changed.
const FRAMES_SCRIPT: &str = r#"
const done = arguments[0];
const target = document.querySelector('[data-testid="timeline"]');
const box = target.getBoundingClientRect();
const intervals = [], work = [], zooming = [];
let last = 0, n = 0, zoom = false;
function frame(now) {
  if (last) {
    intervals.push(now - last);
    zooming.push(zoom);
  }
  last = now;
  const start = performance.now();
  zoom = n % 60 < 30;
  target.dispatchEvent(new WheelEvent("wheel", {
    deltaY: zoom ? (n % 30 < 15 ? -40 : 40) : 0,
    deltaX: zoom ? 0 : (n % 120 < 60 ? 30 : -30),
    shiftKey: !zoom,
    clientX: box.left + box.width / 2, clientY: box.top + 200,
    bubbles: true, cancelable: true,
  }));
  // Preact renders in a microtask queued by the handler: this one runs after it.
  queueMicrotask(() => work.push(performance.now() - start));
  if (++n < 240) requestAnimationFrame(frame); else setTimeout(() => done(JSON.stringify({
    intervals, work, zooming,
    nodes: document.getElementsByTagName("*").length,
    events: document.querySelectorAll('[data-testid="timeline-event"]').length,
    library: document.querySelectorAll('[data-testid="library-item"]').length,
  })), 0);
}
requestAnimationFrame(frame);
"#;

/// The window the targets are set in (outer size).
const TARGET_WINDOW: (u32, u32) = (1280, 800);

/// Once the page has taken the window's new width, fits the whole span to
/// it (the `0` shortcut) and waits until every mark drawn is inside the
/// canvas. The canvas hears of a new width in the frame after the window
/// takes it (a ResizeObserver), and renders for it in that frame.
const FIT_SCRIPT: &str = r#"
const [width, done] = arguments;
let frames = 0;
function step() {
  frames = window.innerWidth === width ? frames + 1 : 0;
  if (frames >= 3) {
    const canvas = document.querySelector(".canvas-scroll").getBoundingClientRect();
    const marks = [...document.querySelectorAll(".event-marker")].map((mark) => mark.getBoundingClientRect());
    if (frames > 3 && marks.length > 0 && marks.every((mark) => mark.left >= canvas.left && mark.right <= canvas.right)) {
      return done();
    }
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "0" }));
  }
  requestAnimationFrame(step);
}
requestAnimationFrame(step);
"#;

/// Whether an event is on the canvas yet: when it is, the time since the
/// page started loading.
const SHOWN_SCRIPT: &str = r#"
return document.querySelector('[data-testid="timeline-event"]')
  ? { page: performance.now() }
  : null;
"#;

fn percentile(values: &mut [f64], p: f64) -> f64 {
    values.sort_by(f64::total_cmp);
    let index = ((values.len() as f64 - 1.0) * p).round() as usize;
    values.get(index).copied().unwrap_or(f64::NAN)
}

/// "p50 ms / p`high` ms", to `decimals` places.
fn median_and(values: &mut [f64], high: f64, decimals: usize) -> String {
    let median = percentile(values, 0.5);
    let high = percentile(values, high);
    format!("{median:.decimals$} ms / {high:.decimals$} ms")
}

/// How long `run` takes on each of `inputs`, in ms.
fn times<T>(inputs: impl IntoIterator<Item = T>, mut run: impl FnMut(T)) -> Vec<f64> {
    inputs
        .into_iter()
        .map(|input| {
            let start = Instant::now();
            run(input);
            ms(start.elapsed())
        })
        .collect()
}

fn ms(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1000.0
}

/// A workspace to measure: what it holds, its file and the timeline shown.
struct Bench {
    name: String,
    db: std::path::PathBuf,
    timeline: i64,
    /// How long making it took, and what that was ("import the 1,000-row
    /// CSV"), when it was made here.
    made: Option<(String, Duration)>,
}

/// The workspaces the arguments ask for, generated in `dir`.
fn workspaces(dir: &std::path::Path) -> anyhow::Result<Vec<Bench>> {
    // `cargo bench` passes `--bench` to the benchmark itself.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let mut sizes = SIZES.to_vec();
    let mut given = None;
    let mut rest = args.iter();
    while let Some(flag) = rest.next() {
        match (flag.as_str(), rest.next()) {
            ("--db", Some(file)) => given = Some(std::path::PathBuf::from(file)),
            ("--events", Some(n)) => sizes = vec![n.parse()?],
            _ => anyhow::bail!("usage: editor [--db FILE] [--events N]"),
        }
    }
    if let Some(db) = given {
        let workspace = Workspace::open_existing(&db)?;
        let largest = workspace
            .timelines()?
            .into_iter()
            .max_by_key(|t| t.events)
            .ok_or_else(|| anyhow::anyhow!("{} has no timeline", db.display()))?;
        return Ok(vec![Bench {
            name: format!(
                "{} ({}, {} events)",
                db.display(),
                largest.title,
                largest.events
            ),
            db,
            timeline: largest.id,
            made: None,
        }]);
    }
    let mut all = Vec::new();
    for n in sizes {
        for peer in [false, true] {
            let db = dir.join(format!("{}-{n}.db", if peer { "peer" } else { "even" }));
            // The peer data's CSV is written first: the import is timed, not
            // the script.
            let csv = if peer { Some(peer_csv(n)?) } else { None };
            let started = Instant::now();
            let timeline = match &csv {
                Some(csv) => import_peer_csv(&db, csv, n)?,
                None => generate_workspace(&db, n)?,
            };
            let took = started.elapsed();
            eprintln!("made {} in {:.0} ms", db.display(), ms(took));
            let what = if peer { "peer data" } else { "evenly spread" };
            let made = if peer {
                format!("import the {}-row CSV", thousands(n))
            } else {
                format!("write {} events", thousands(n))
            };
            all.push(Bench {
                name: format!("{} events, {what}", thousands(n)),
                db,
                timeline,
                made: Some((made, took)),
            });
        }
    }
    Ok(all)
}

/// A name as a file name: "1,000 events, peer data" as "1000-events-peer-data".
fn slug(name: &str) -> String {
    let words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric() && c != ',')
        .map(|word| word.replace(',', "").to_lowercase())
        .filter(|word| !word.is_empty())
        .collect();
    words.join("-")
}

/// 10000 as "10,000".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[tokio::main(flavor = "multi_thread")]
async fn main() -> anyhow::Result<()> {
    let dir = tempfile::tempdir()?;
    for bench in workspaces(dir.path())? {
        let rows = measure(&bench).await?;
        println!("\n### {}\n", bench.name);
        println!("| Measure | Figure |\n|---|---|");
        for (what, figure) in rows {
            println!("| {what} | {figure} |");
        }
    }
    Ok(())
}

/// The engine's and the app's figures on one workspace.
async fn measure(bench: &Bench) -> anyhow::Result<Vec<(String, String)>> {
    let (db, timeline) = (&bench.db, bench.timeline);
    let mut rows: Vec<(String, String)> = Vec::new();
    if let Some((what, took)) = &bench.made {
        rows.push((format!("Engine: {what}"), format!("{:.0} ms", ms(*took))));
    }

    // Engine: one layout of the whole span, as the canvas asks for it.
    let mut workspace = Workspace::open_existing(db)?;
    let events = workspace.timeline(timeline)?.events;
    let count = thousands(events.len());
    let first = events
        .iter()
        .map(|e| e.facts.start_minute)
        .min()
        .unwrap_or(0);
    let last = events
        .iter()
        .map(|e| e.facts.end_minute)
        .max()
        .unwrap_or(first);
    let year = 525_960.0;
    let viewport = Viewport {
        start_minute: first as f64 - year,
        end_minute: last as f64 + year,
        width_px: 1280.0,
        top_px: None,
        height_px: None,
    };
    let mut layout_ms = times(0..30, |_| {
        workspace
            .layout(&[timeline], viewport.clone(), None)
            .expect("layout");
    });
    rows.push((
        format!("Engine: lay out {count} events (whole span, 1280 px), p50 / p95"),
        median_and(&mut layout_ms, 0.95, 1),
    ));

    // Engine: the library's full-text search (events, sources, quotes), a
    // page of 300 matches, for words of the data and a miss.
    let queries = [
        "event",
        "generated quote",
        "a",
        "lane 3",
        "zzzyzx",
        "acquisition",
        "2",
        "e",
    ];
    let mut search_ms = times((0..25).flat_map(|_| queries), |query| {
        workspace
            .events(&EventFilter {
                query: Some(query.to_owned()),
                limit: Some(300),
                ..EventFilter::default()
            })
            .expect("search");
    });
    rows.push((
        format!("Engine: full-text search of {count} events (300 matches a page), p50 / p99"),
        median_and(&mut search_ms, 0.99, 2),
    ));

    // Engine: persisting a drag (one undoable re-date in its own transaction),
    // with checkpoints left to idle time as the app does.
    workspace.checkpoint()?;
    workspace.defer_checkpoints()?;
    let ids: Vec<i64> = events.iter().map(|e| e.facts.id).take(500).collect();
    let mut drag_ms = times(ids, |id| {
        workspace.move_event(id, 3 * 1440).expect("move");
    });
    rows.push((
        "Engine: persist a drag (re-date one event, one transaction), p50 / p99".into(),
        median_and(&mut drag_ms, 0.99, 2),
    ));

    // Engine: any other edit on a timeline this size (here, renaming a lane).
    let lane = workspace.timeline_outline(timeline)?.lanes[0].id;
    let mut lane_ms = times(0..50, |n| {
        workspace
            .rename_lane(lane, &format!("Lane {n}"))
            .expect("rename");
    });
    rows.push((
        format!(
            "Engine: rename a lane of the {count}-event timeline (one undoable edit), p50 / p99"
        ),
        median_and(&mut lane_ms, 0.99, 2),
    ));
    drop(workspace);

    // The real app in WebKitGTK: open, then pan and zoom.
    let harness = Harness::start(Profile::Release)?;
    let started = Instant::now();
    let client = harness.launch(db).await?;
    let session = started.elapsed();
    // Polled every few milliseconds (WebDriver's own wait polls every 250).
    let shown: serde_json::Value = loop {
        let seen = client.execute(SHOWN_SCRIPT, vec![]).await?;
        if !seen.is_null() {
            break seen;
        }
        if started.elapsed() > Duration::from_secs(120) {
            anyhow::bail!("no event on screen after two minutes");
        }
        tokio::time::sleep(Duration::from_millis(3)).await;
    };
    let on_screen = started.elapsed();
    let since_process = app_processes(harness.app())
        .and_then(|processes| age(processes[0]))
        .map(ms);
    let page_ms = shown["page"].as_f64().unwrap_or(f64::NAN);
    eprintln!("launch: WebDriver session {:.0} ms", ms(session));
    rows.push((
        format!("App: launch, process start to {count}-event timeline on screen"),
        since_process.map_or_else(
            |error| format!("unknown: {error}"),
            |t| format!("{t:.0} ms"),
        ),
    ));
    rows.push((
        "App: launch, page load to timeline on screen".into(),
        format!("{page_ms:.0} ms"),
    ));
    rows.push((
        "App: launch, WebDriver session request to timeline on screen".into(),
        format!("{:.0} ms", ms(on_screen)),
    ));
    let timeouts =
        fantoccini::wd::TimeoutConfiguration::new(Some(Duration::from_secs(300)), None, None);
    client.update_timeouts(timeouts).await?;
    // The frames in the window the targets name, then in the app's own.
    for window in [TARGET_WINDOW, default_window()?] {
        rows.extend(frames(&client, harness.app(), window, &slug(&bench.name)).await?);
    }
    // What the open workspace holds in memory once panned and zoomed.
    let pss: u64 = app_processes(harness.app())?
        .into_iter()
        .map(|pid| memory(pid).map(|m| m.pss_kib))
        .sum::<anyhow::Result<u64>>()?;
    rows.push((
        "App: memory of the app and WebKit processes (PSS) after panning".into(),
        format!("{:.0} MiB", pss as f64 / 1024.0),
    ));
    client.close().await?;
    Ok(rows)
}

/// Pans and zooms in a window of `window` (outer size, the whole span
/// fitted to it) and returns the figures.
async fn frames(
    client: &fantoccini::Client,
    app: &std::path::Path,
    window: (u32, u32),
    name: &str,
) -> anyhow::Result<Vec<(String, String)>> {
    let (width, height) = window;
    let size = format!("{width}×{height}");
    client.set_window_size(width, height).await?;
    client.execute_async(FIT_SCRIPT, vec![width.into()]).await?;
    if let Ok(file) = std::env::var("TIDELINE_BENCH_PRELUDE") {
        client
            .execute(&std::fs::read_to_string(file)?, vec![])
            .await?;
    }
    // The canvas as the frames start, for looking at (see docs/benchmarks.md).
    if let Some(dir) = std::env::var_os("TIDELINE_SCREENSHOT_DIR") {
        let file = std::path::Path::new(&dir).join(format!("{name}-{width}x{height}.png"));
        std::fs::write(&file, client.screenshot().await?)?;
        eprintln!("screenshot: {}", file.display());
    }
    let mut rows = Vec::new();
    // One pass to warm up (the JIT, the first backup the app takes on
    // opening), then the pass measured.
    client.execute_async(FRAMES_SCRIPT, vec![]).await?;
    // CPU time is steadier than frame times on a shared machine: the
    // processes' work, whatever else runs beside them.
    let processes = app_processes(app)?;
    let cpu = || -> anyhow::Result<Duration> { processes.iter().map(|&pid| cpu_time(pid)).sum() };
    let cpu_before = cpu()?;
    let result = client.execute_async(FRAMES_SCRIPT, vec![]).await?;
    client
        .execute("document.getElementById('bench-prelude')?.remove()", vec![])
        .await?;
    let cpu_spent = cpu()? - cpu_before;
    let result: serde_json::Value = serde_json::from_str(result.as_str().unwrap_or("{}"))?;
    let numbers = |key: &str| -> Vec<f64> {
        result[key]
            .as_array()
            .map(|a| a.iter().filter_map(|v| v.as_f64()).collect())
            .unwrap_or_default()
    };
    eprintln!(
        "{size}: DOM after panning: {} elements, {} events on the canvas, {} in the library",
        result["nodes"], result["events"], result["library"]
    );
    let mut intervals = numbers("intervals");
    let slow: Vec<String> = intervals
        .iter()
        .enumerate()
        .filter(|(_, interval)| **interval > 25.0)
        .map(|(n, interval)| format!("#{n} {interval:.0} ms"))
        .collect();
    eprintln!("{size}: frames over 25 ms: {}", slow.join(", "));
    let mut work = numbers("work");
    let zooming: Vec<bool> = result["zooming"]
        .as_array()
        .map(|a| a.iter().filter_map(|v| v.as_bool()).collect())
        .unwrap_or_default();
    for (label, zoom) in [("pan", false), ("zoom", true)] {
        let mut part: Vec<f64> = intervals
            .iter()
            .zip(&zooming)
            .filter(|&(_, &z)| z == zoom)
            .map(|(&i, _)| i)
            .collect();
        let on_time = part.iter().filter(|&&i| i <= 25.0).count() as f64 / part.len().max(1) as f64;
        rows.push((
            format!("App ({size}): {label} alone, frames within 25 ms; interval p50 / p95"),
            format!(
                "{:.1} %; {}",
                on_time * 100.0,
                median_and(&mut part, 0.95, 1)
            ),
        ));
    }
    let on_time =
        intervals.iter().filter(|&&i| i <= 25.0).count() as f64 / intervals.len().max(1) as f64;
    rows.push((
        format!("App ({size}): pan and zoom, frames within 25 ms"),
        format!("{:.1} %", on_time * 100.0),
    ));
    rows.push((
        format!("App ({size}): pan and zoom, frame interval p50 / p95"),
        median_and(&mut intervals, 0.95, 1),
    ));
    rows.push((
        format!("App ({size}): CPU time per frame, app and WebKit processes, pan and zoom"),
        format!("{:.1} ms", ms(cpu_spent) / intervals.len().max(1) as f64),
    ));
    rows.push((
        format!("App ({size}): input handling and rendering per frame, p95"),
        format!("{:.2} ms", percentile(&mut work, 0.95)),
    ));
    Ok(rows)
}

/// The window the app opens with (tauri.conf.json).
fn default_window() -> anyhow::Result<(u32, u32)> {
    let config: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tauri.conf.json"
    ))?)?;
    let window = &config["app"]["windows"][0];
    let size = |key: &str| window[key].as_u64().and_then(|n| u32::try_from(n).ok());
    size("width")
        .zip(size("height"))
        .ok_or_else(|| anyhow::anyhow!("tauri.conf.json names no window size"))
}
