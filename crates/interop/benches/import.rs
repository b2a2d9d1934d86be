//! Importing a 10,000-row TimelineJS CSV into a real workspace file: read,
//! check and write in one transaction (target: under 300 ms).
//! `cargo bench -p tideline-interop --bench import`.

use std::fmt::Write;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use tideline_model::Date;
use tideline_store::Workspace;
use tideline_store::views::ImportOptions;

const ROWS: usize = 10_000;

/// A sheet of `ROWS` events over 1990–2025 in three groups, at year, month
/// and day precision, some of them ranges, each with text and media.
fn sheet() -> String {
    let mut csv = String::from(
        "Year,Month,Day,Time,End Year,End Month,End Day,End Time,Display Date,Headline,Text,Media,Media Credit,Media Caption,Media Thumbnail,Type,Group,Background\n,,,,,,,,,Ten thousand events,A generated sheet,,,,,title,,\n",
    );
    for i in 0..ROWS {
        let year = 1990 + (i % 36);
        let month = 1 + i % 12;
        let day = 1 + i % 28;
        let (month, day) = match i % 3 {
            0 => (String::new(), String::new()),
            1 => (month.to_string(), String::new()),
            _ => (month.to_string(), day.to_string()),
        };
        let end = if i % 5 == 0 {
            (year + 1).to_string()
        } else {
            String::new()
        };
        let group = ["Financial", "Regulatory", "Product"][i % 3];
        writeln!(
            csv,
            "{year},{month},{day},,{end},,,,,Event {i},\"<p>Description of event {i}, with a comma.</p>\",https://example.org/{i}.jpg,Credit {i},,,,{group},"
        )
        .unwrap();
    }
    csv
}

fn import(c: &mut Criterion) {
    let sheet = sheet();
    let today = Date::day(2026, 1, 1).unwrap();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("timelinejs-csv 10,000 rows", |b| {
        b.iter_batched(
            || {
                let dir = tempfile::tempdir().unwrap();
                let workspace = Workspace::open(&dir.path().join("bench.db")).unwrap();
                (dir, workspace)
            },
            |(dir, mut workspace)| {
                let report = workspace
                    .import(
                        "sheet.csv",
                        sheet.as_bytes(),
                        &ImportOptions::default(),
                        today,
                    )
                    .unwrap();
                assert_eq!(report.events as usize, ROWS);
                (dir, workspace)
            },
            BatchSize::PerIteration,
        );
    });
    group.finish();
}

criterion_group!(benches, import);
criterion_main!(benches);
