//! Large generated workspaces for benchmarks: synthetic events, clearly
//! labelled as such, spread over decades in three lanes.

use std::path::Path;

use tideline_model::{Confidence, Date, EventDraft, EventKind, SourceDraft, TimelineDraft};
use tideline_store::Workspace;

/// Writes a workspace at `path` with one timeline of `events` generated
/// events (day precision, 1990 to 2025), each citing one generated source.
/// Returns the timeline's id.
///
/// Evenly spread points suit a layout too well; [`import_peer_workspace`]
/// writes the data real comparisons use.
pub fn generate_workspace(path: &Path, events: usize) -> anyhow::Result<i64> {
    let mut workspace = Workspace::open(path)?;
    let first = Date::day(1990, 1, 1)?.start_minute();
    let last = Date::day(2025, 12, 31)?.start_minute();
    let step = (last - first) / events.max(1) as i64;
    let id = workspace.write(|writer| {
        let timeline = writer.create_timeline(
            TimelineDraft::new(&format!("Generated: {events} events")),
            &["Deal", "Regulatory", "Courts"],
        )?;
        let lanes = [
            writer.lane(timeline, "Deal")?,
            writer.lane(timeline, "Regulatory")?,
            writer.lane(timeline, "Courts")?,
        ];
        let source = writer.create_source(SourceDraft {
            url: "https://example.org/generated".to_owned(),
            title: "Generated source".to_owned(),
            publisher: "Tideline benchmarks".to_owned(),
            author: String::new(),
            published: None,
            accessed: None,
            excerpt: String::new(),
            notes: "Synthetic data for benchmarks; not a fact about anyone.".to_owned(),
        })?;
        for n in 0..events {
            let start = Date::from_minute(first + step * n as i64, tideline_model::Precision::Day);
            let kind = EventKind::ALL[n % EventKind::ALL.len()];
            let mut draft = EventDraft::new(&format!("Generated event {n}"), start, kind);
            draft.confidence = Confidence::ALL[n % Confidence::ALL.len()];
            let event = writer.create_event(draft)?;
            writer.place(event, lanes[n % lanes.len()])?;
            writer.cite(event, source, &format!("Generated quote {n}"))?;
        }
        Ok(timeline)
    })?;
    Ok(id)
}

/// The vis-timeline comparison's data generator, a copy of the shared
/// benchmark script (`../shared/bench/peer_events.js` beside the repo) so
/// that a clone on its own runs the tests that use it.
const PEER_SCRIPT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/bench/peer_events.js");

/// Writes a workspace at `path` with the vis-timeline comparison's data:
/// `events` events from the peer script (five lanes, 30 % ranges,
/// clusters), imported through the CSV importer as a user would.
/// Returns the timeline's id.
pub fn import_peer_workspace(path: &Path, events: usize) -> anyhow::Result<i64> {
    import_peer_csv(path, &peer_csv(events)?, events)
}

/// The peer script's CSV of `events` events.
pub fn peer_csv(events: usize) -> anyhow::Result<Vec<u8>> {
    let script = Path::new(PEER_SCRIPT);
    anyhow::ensure!(
        script.is_file(),
        "{} is missing: the peer data comes from the benchmark script",
        script.display()
    );
    let output = std::process::Command::new("node")
        .arg(script)
        .arg(events.to_string())
        .output()?;
    anyhow::ensure!(
        output.status.success(),
        "{} failed: {}",
        script.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    Ok(output.stdout)
}

/// Imports `csv`, the peer script's `events` events, into the workspace at
/// `path` as [`import_peer_workspace`] does; returns the timeline's id.
pub fn import_peer_csv(path: &Path, csv: &[u8], events: usize) -> anyhow::Result<i64> {
    let mut workspace = Workspace::open(path)?;
    let options = tideline_store::views::ImportOptions {
        format: Some(tideline_interop::ImportFormat::Csv),
        timeline: Some(format!("Peer data: {events} events")),
        skip_invalid: false,
    };
    let today = Date::day(2026, 1, 1)?;
    let report = workspace.import("peer.csv", csv, &options, today)?;
    report
        .timeline
        .ok_or_else(|| anyhow::anyhow!("the peer data made no timeline"))
}

#[cfg(test)]
mod tests {
    /// The copy is the shared script, wherever that sits beside the repo.
    #[test]
    fn the_peer_script_is_a_copy_of_the_shared_one() {
        let shared = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../shared/bench/peer_events.js");
        let copy = std::fs::read_to_string(super::PEER_SCRIPT).expect("the copy is in the repo");
        assert!(copy.contains("const SEED = 20251125"), "{copy}");
        if let Ok(shared) = std::fs::read_to_string(shared) {
            assert_eq!(
                copy, shared,
                "tests/fixtures/bench/peer_events.js is out of date"
            );
        }
    }
}
