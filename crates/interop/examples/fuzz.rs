//! A mutation fuzzer that runs on stable Rust: `cargo xtask fuzz [--seconds N]`
//! (or `cargo run --release -p tideline-interop --example fuzz -- --seconds N`).
//!
//! For each target (the date parser, then every importer) it mutates the
//! fixture corpus (`tests/fixtures/interop/`) and a few seeds for N seconds
//! of CPU time (default 5): bit flips, byte insertions and deletions, splices
//! between inputs, repeated runs (deep nesting, long fields) and interesting
//! tokens. Every input that parses is also written out in every export format
//! and read back. Each target reports its inputs, its CPU and elapsed time
//! and its slowest input. A panic prints the input (escaped) and exits 1; a stack
//! overflow aborts the process, which fails the run as well. The generator
//! is seeded, so a run is reproducible.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use tideline_interop::{ExportFormat, ImportFormat, ParseOptions};
use tideline_model::Date;

const TOKENS: &[&[u8]] = &[
    b"{",
    b"}",
    b"[",
    b"]",
    b"\"",
    b",",
    b":",
    b"\n",
    b"\r\n",
    b"-",
    b"/",
    b"0",
    b"13",
    b"32",
    b"-1",
    b"9999999999",
    b"\xEF\xBB\xBF",
    b"\xFF",
    b"null",
    b"\"year\": ",
    b"!",
    b"#",
    b"group ",
    b"endGroup",
    b"after !",
    b" days",
    b"~",
    b"?",
    b"%",
    b"T",
    b"Z",
    b"Q",
    b"H",
    b"now",
    b"\"tideline\": 1",
    b"title",
];

const SEEDS: &[&str] = &[
    "2019",
    "2019-07-22T14:30+01:00",
    "c. Jul 2019",
    "Q1 2024",
    "44 BCE",
    "2023-41",
    "-0043~",
    "title,start,end,kind,confidence,lane,description,source_url,source_title,quote\nA,2019,ongoing,mou,reported,Deals,x,https://example.org,Src,q\n",
    "{\"tideline\": 1, \"timelines\": [{\"title\": \"T\", \"subtitle\": \"\", \"description\": \"\", \"colour\": \"#1f6feb\", \"lanes\": [{\"name\": \"L\", \"collapsed\": false, \"colour\": null}], \"placements\": [{\"event\": \"e1\", \"lane\": 0}], \"annotations\": [{\"text\": \"n\", \"event\": \"e1\", \"start\": null, \"end\": null}]}], \"events\": [{\"key\": \"e1\", \"title\": \"E\", \"description\": \"\", \"start\": \"2019\", \"end\": null, \"ongoing\": false, \"kind\": \"other\", \"confidence\": \"confirmed\", \"importance\": 3, \"parties\": [], \"tags\": [], \"display_date\": \"\", \"media\": null, \"sources\": [{\"source\": \"s1\", \"quote\": \"q\"}]}], \"sources\": [{\"key\": \"s1\", \"url\": \"\", \"title\": \"S\", \"publisher\": \"\", \"author\": \"\", \"published\": null, \"accessed\": null, \"excerpt\": \"\", \"notes\": \"\"}]}",
];

/// xorshift64*: small, fast, seeded.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }
}

fn mutate(rng: &mut Rng, input: &[u8], corpus: &[Vec<u8>]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 if !out.is_empty() => {
                let i = rng.below(out.len());
                out[i] ^= 1 << rng.below(8);
            }
            1 => out.insert(at, rng.next() as u8),
            2 if at < out.len() => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                out.splice(at..at, token.iter().copied());
            }
            4 => {
                let other = &corpus[rng.below(corpus.len())];
                let start = rng.below(other.len());
                let end = (start + rng.below(256)).min(other.len());
                out.splice(at..at, other[start..end].iter().copied());
            }
            5 if at < out.len() => {
                // Repeat a short run many times: deep nesting, long fields.
                let end = (at + 1 + rng.below(4)).min(out.len());
                let run = out[at..end].to_vec();
                let most = if rng.below(8) == 0 { 20_000 } else { 64 };
                let times = 1 + rng.below(most);
                let repeated: Vec<u8> = run
                    .iter()
                    .copied()
                    .cycle()
                    .take(run.len() * times)
                    .collect();
                out.splice(at..at, repeated);
            }
            _ => out.truncate(at),
        }
    }
    out.truncate(4 << 20);
    out
}

fn run_target(name: &str, input: &[u8]) {
    let options = ParseOptions {
        fallback_title: "Fuzz".to_owned(),
        today: Some(Date::day(2026, 1, 1).unwrap_or_else(|_| unreachable!())),
    };
    let format = match name {
        "date" => {
            let text = String::from_utf8_lossy(input);
            if let Ok(date) = Date::parse(&text) {
                let again = Date::parse_edtf(&date.to_edtf());
                assert_eq!(again, Ok(date), "EDTF round trip of {text:?}");
            }
            if let Ok((start, Some(end))) = Date::parse_span(&text) {
                assert!(start.start_minute() < end.end_minute(), "range of {text:?}");
            }
            let _ = Date::parse_edtf(&text);
            return;
        }
        "timelinejs-json" => ImportFormat::TimelinejsJson,
        "timelinejs-csv" => ImportFormat::TimelinejsCsv,
        "markwhen" => ImportFormat::Markwhen,
        "csv" => ImportFormat::Csv,
        _ => ImportFormat::TidelineJson,
    };
    let parsed = tideline_interop::parse(input, format, &options);
    for export in ExportFormat::ALL {
        let bytes = tideline_interop::write(&parsed.document, export);
        let back = match export {
            ExportFormat::TidelineJson => ImportFormat::TidelineJson,
            ExportFormat::TimelinejsJson => ImportFormat::TimelinejsJson,
            ExportFormat::TimelinejsCsv => ImportFormat::TimelinejsCsv,
            ExportFormat::Csv => ImportFormat::Csv,
        };
        let _ = tideline_interop::parse(&bytes, back, &options);
    }
}

/// The CPU time this thread has used. Budgets and timings are in CPU time,
/// so that a run under `nice` on a busy machine, or paused, still fuzzes for
/// the time asked, and a slow input is slow in itself.
fn cpu_time() -> Duration {
    let mut time = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `time` is a valid timespec for the call to fill in.
    let status = unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut time) };
    assert_eq!(status, 0, "the thread's CPU clock is readable");
    Duration::new(time.tv_sec as u64, time.tv_nsec as u32)
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let seconds = args
        .iter()
        .position(|a| a == "--seconds")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse::<f64>().ok())
        .unwrap_or(5.0);
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/interop");
    let mut corpus: Vec<Vec<u8>> = SEEDS.iter().map(|s| s.as_bytes().to_vec()).collect();
    if let Ok(entries) = std::fs::read_dir(&dir) {
        let mut paths: Vec<_> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        corpus.extend(paths.iter().filter_map(|p| std::fs::read(p).ok()));
    }
    // Quiet panics: they are reported below with their input.
    std::panic::set_hook(Box::new(|_| {}));
    let mut failed = false;
    for (n, target) in [
        "date",
        "timelinejs-json",
        "timelinejs-csv",
        "markwhen",
        "csv",
        "tideline-json",
    ]
    .into_iter()
    .enumerate()
    {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15 ^ (n as u64 + 1));
        let started = (Instant::now(), cpu_time());
        let budget = started.1 + Duration::from_secs_f64(seconds);
        let mut runs = 0u64;
        // The slowest input (its length, its time) shows a quadratic path
        // or a near-hang before a panic would.
        let mut slowest = (0, Duration::ZERO);
        let mut now = cpu_time();
        while now < budget {
            let base = &corpus[rng.below(corpus.len())];
            let input = if target == "date" {
                let mut short = mutate(&mut rng, base, &corpus);
                short.truncate(rng.below(64));
                short
            } else {
                mutate(&mut rng, base, &corpus)
            };
            runs += 1;
            let before = cpu_time();
            let outcome = catch_unwind(AssertUnwindSafe(|| run_target(target, &input)));
            now = cpu_time();
            if now - before > slowest.1 {
                slowest = (input.len(), now - before);
            }
            if outcome.is_err() {
                let shown: String = input
                    .escape_ascii()
                    .to_string()
                    .chars()
                    .take(2000)
                    .collect();
                eprintln!("fuzz {target}: panic on input (run {runs}): b\"{shown}\"");
                failed = true;
                break;
            }
        }
        println!(
            "fuzz {target}: {runs} inputs in {:.0} s of CPU ({:.0} s elapsed), slowest {:.1} ms ({} bytes), no panic{}",
            (now - started.1).as_secs_f64(),
            started.0.elapsed().as_secs_f64(),
            slowest.1.as_secs_f64() * 1000.0,
            slowest.0,
            if failed { " until the one above" } else { "" }
        );
    }
    if failed {
        std::process::exit(1);
    }
}
