//! `cargo xtask package --measure`: the installed app's start-up time and
//! idle memory (docs/benchmarks.md, "Packaging"). `TIDELINE_APP` names the
//! binary to measure (the xtask sets `/usr/bin/tideline-app`); it opens the
//! sample workspace. Prints a Markdown table and never fails on a figure.

use std::path::Path;
use std::time::Duration;

use anyhow::Context;
use fantoccini::{Client, Locator};
use tideline_store::Workspace;
use tideline_tests::process::{Memory, age, app_processes, memory};
use tideline_tests::{Harness, Profile};

/// Launches measured with the page cache dropped, then as many without.
const RUNS: usize = 5;
/// How long the app sits on screen before its memory is read.
const SETTLE: Duration = Duration::from_secs(10);

#[tokio::main(flavor = "multi_thread")]
async fn main() -> anyhow::Result<()> {
    let app = std::env::var_os("TIDELINE_APP")
        .context("set TIDELINE_APP to the binary to measure, e.g. /usr/bin/tideline-app")?;
    let app = std::fs::canonicalize(&app)
        .with_context(|| format!("no app at {}", Path::new(&app).display()))?;
    let dir = tempfile::tempdir()?;
    let db = dir.path().join("sample.db");
    Workspace::create(&db)?.replace_with_sample()?;
    let harness = Harness::start(Profile::Release)?;

    let (mut cold, mut warm) = (Vec::new(), Vec::new());
    let mut dropped = true;
    for _ in 0..RUNS {
        dropped &= drop_page_cache();
        let (launch, client) = launch(&harness, &app, &db).await?;
        cold.push(launch);
        client.close().await?;
    }
    let mut memory = None;
    for run in 0..RUNS {
        let (launch, client) = launch(&harness, &app, &db).await?;
        warm.push(launch);
        if run == 0 {
            tokio::time::sleep(SETTLE).await;
            memory = Some(memory_of(&app_processes(&app)?)?);
        }
        client.close().await?;
    }
    let (processes, total) = memory.context("no launch was measured")?;

    let cache = if dropped {
        "page cache dropped before each"
    } else {
        "page cache NOT dropped: run as root for a cold start"
    };
    println!("| Measure | Figure |\n|---|---|");
    println!(
        "| Installed app: cold start, process start to the sample's events on screen, median of {RUNS} ({cache}) | {} |",
        spread(&mut cold)
    );
    println!(
        "| Installed app: warm start, the same, median of {RUNS} | {} |",
        spread(&mut warm)
    );
    println!(
        "| Installed app: memory {} s after start, PSS (RSS) over its {processes} processes | {:.0} MiB ({:.0} MiB) |",
        SETTLE.as_secs(),
        total.pss_kib as f64 / 1024.0,
        total.rss_kib as f64 / 1024.0
    );
    Ok(())
}

/// Opens the app on `db` and times it from its process's start (as the
/// kernel recorded it, to 10 ms) until the first timeline's events are on
/// screen, leaving out the WebDriver session that starts it.
async fn launch(harness: &Harness, app: &Path, db: &Path) -> anyhow::Result<(Duration, Client)> {
    let client = harness.launch(db).await?;
    client
        .wait()
        .at_most(Duration::from_secs(120))
        .every(Duration::from_millis(10))
        .for_element(Locator::Css(r#"[data-testid="timeline-event"]"#))
        .await?;
    Ok((age(app_processes(app)?[0])?, client))
}

/// "median ms (min–max)".
fn spread(times: &mut [Duration]) -> String {
    times.sort();
    let ms = |d: Duration| d.as_millis();
    format!(
        "{} ms ({}–{})",
        ms(times[times.len() / 2]),
        ms(times[0]),
        ms(times[times.len() - 1])
    )
}

/// Writes dirty pages back and empties the page cache, so the next launch
/// reads the app and its libraries from disk. False where not permitted.
fn drop_page_cache() -> bool {
    let synced = std::process::Command::new("sync")
        .status()
        .is_ok_and(|s| s.success());
    synced && std::fs::write("/proc/sys/vm/drop_caches", "3").is_ok()
}

/// The number of `processes` and their memory summed, each one's printed.
fn memory_of(processes: &[u32]) -> anyhow::Result<(usize, Memory)> {
    let mut total = Memory::default();
    for &pid in processes {
        let one = memory(pid)?;
        let name = std::fs::read_to_string(format!("/proc/{pid}/comm")).unwrap_or_default();
        eprintln!(
            "{pid} {}: RSS {} KiB, PSS {} KiB",
            name.trim(),
            one.rss_kib,
            one.pss_kib
        );
        total.rss_kib += one.rss_kib;
        total.pss_kib += one.pss_kib;
    }
    Ok((processes.len(), total))
}
