//! The app's processes as Linux's `/proc` shows them, for benchmarks: which
//! ones this process started, how long ago, and the memory they hold.

use std::collections::HashMap;
use std::path::Path;
use std::time::Duration;

use anyhow::{Context, bail};

/// Linux's USER_HZ, the unit of a process's start time: 100 on every
/// architecture it runs on.
const CLOCK_TICKS_PER_SECOND: f64 = 100.0;

/// The one process running `app` that this process started (through
/// tauri-driver), followed by every process under it: WebKit's web and
/// network processes.
pub fn app_processes(app: &Path) -> anyhow::Result<Vec<u32>> {
    let mut parents: HashMap<u32, u32> = HashMap::new();
    for entry in std::fs::read_dir("/proc")? {
        let Some(pid) = entry?.file_name().to_str().and_then(|n| n.parse().ok()) else {
            continue;
        };
        if let Some(ppid) = stat_field(pid, 1).and_then(|f| f.parse().ok()) {
            parents.insert(pid, ppid);
        }
    }
    let under = |mut pid: u32, ancestor: u32| {
        while let Some(&ppid) = parents.get(&pid) {
            if ppid == ancestor {
                return true;
            }
            pid = ppid;
        }
        false
    };
    let apps: Vec<u32> = parents
        .keys()
        .copied()
        .filter(|&pid| {
            std::fs::read_link(format!("/proc/{pid}/exe"))
                .ok()
                .as_deref()
                == Some(app)
                && under(pid, std::process::id())
        })
        .collect();
    let [app_pid] = apps[..] else {
        bail!(
            "expected one {} under this process, found {apps:?}",
            app.display()
        );
    };
    let mut processes = vec![app_pid];
    processes.extend(parents.keys().copied().filter(|&pid| under(pid, app_pid)));
    Ok(processes)
}

/// How long ago `pid` started, to the kernel's clock tick (10 ms).
pub fn age(pid: u32) -> anyhow::Result<Duration> {
    let uptime: f64 = std::fs::read_to_string("/proc/uptime")?
        .split_whitespace()
        .next()
        .and_then(|s| s.parse().ok())
        .context("unreadable /proc/uptime")?;
    let ticks: f64 = stat_field(pid, 19)
        .and_then(|f| f.parse().ok())
        .with_context(|| format!("unreadable /proc/{pid}/stat"))?;
    Ok(Duration::from_secs_f64(
        (uptime - ticks / CLOCK_TICKS_PER_SECOND).max(0.0),
    ))
}

/// The CPU time `pid` has used so far, in user and kernel mode, over all
/// its threads, to the kernel's clock tick (10 ms).
pub fn cpu_time(pid: u32) -> anyhow::Result<Duration> {
    let ticks = [11, 12].iter().try_fold(0.0, |sum, &n| {
        stat_field(pid, n)
            .and_then(|f| f.parse::<f64>().ok())
            .map(|t| sum + t)
            .with_context(|| format!("unreadable /proc/{pid}/stat"))
    })?;
    Ok(Duration::from_secs_f64(ticks / CLOCK_TICKS_PER_SECOND))
}

/// A process's resident and proportional set sizes, in KiB.
#[derive(Clone, Copy, Debug, Default)]
pub struct Memory {
    pub rss_kib: u64,
    pub pss_kib: u64,
}

/// `pid`'s memory, from its `smaps_rollup`.
pub fn memory(pid: u32) -> anyhow::Result<Memory> {
    let rollup = std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup"))?;
    let kib = |label: &str| {
        rollup
            .lines()
            .find_map(|line| line.strip_prefix(label))
            .and_then(|rest| rest.split_whitespace().next()?.parse().ok())
            .with_context(|| format!("no {label} in /proc/{pid}/smaps_rollup"))
    };
    Ok(Memory {
        rss_kib: kib("Rss:")?,
        pss_kib: kib("Pss:")?,
    })
}

/// The `n`th field of /proc/PID/stat after the command's closing
/// parenthesis (0: state, 1: parent, 11 and 12: user and
/// kernel time, 19: start time).
fn stat_field(pid: u32, n: usize) -> Option<String> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    let rest = &stat[stat.rfind(')')? + 1..];
    rest.split_whitespace().nth(n).map(str::to_owned)
}
