//! The seeded stream of edits that the crash harness's child makes and the
//! harness replays on a reference workspace that is never killed.
//!
//! Edit `index` of stream `seed` depends only on the seed, the index and the
//! workspace's content, so two workspaces with the same content that apply
//! the same edit end with the same content.

use tideline_model::{Date, EventKind, Precision};
use tideline_store::views::{EventFilter, ImportOptions, NewEvent, SourceDraftView};
use tideline_store::{Result, Workspace};

/// A small deterministic generator (SplitMix64): the harness needs no more.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// The day that imports are told is today.
fn today() -> Date {
    Date::parse_edtf("2026-01-15").expect("a valid date")
}

/// Applies edit `index` of stream `seed` as one committed step (an import,
/// an undo or a redo counts as one) and names it.
pub fn apply(workspace: &mut Workspace, seed: u64, index: u64) -> Result<String> {
    let mut rng = Rng::new(seed ^ index.wrapping_mul(0xd6e8_feb8_6659_fd93));
    let events = workspace.events(&EventFilter::default())?;
    let pick = |rng: &mut Rng| events[rng.below(events.len() as u64) as usize].facts.id;
    let choice = if events.is_empty() { 0 } else { rng.below(10) };
    Ok(match choice {
        0..=2 => {
            let minute = 27_000_000 + rng.below(3_000_000) as i64;
            let start = Date::from_minute(minute, Precision::Day).to_edtf();
            let kind = EventKind::ALL[rng.below(EventKind::ALL.len() as u64) as usize];
            let event = workspace.create_event(&NewEvent {
                title: format!("Crash event {index}"),
                start,
                end: None,
                kind,
                confidence: None,
                lane_id: None,
            })?;
            format!("create event {}", event.facts.id)
        }
        3 => {
            let id = pick(&mut rng);
            let days = rng.below(200) as i64 - 100;
            workspace.move_event(id, days * 24 * 60)?;
            format!("move event {id} by {days} days")
        }
        4 => {
            let sources = workspace.sources()?;
            if sources.is_empty() || rng.below(3) == 0 {
                let source = workspace.create_source(&SourceDraftView {
                    url: format!("https://example.org/filing/{index}"),
                    title: format!("Filing {index}"),
                    publisher: "Registry".to_owned(),
                    author: String::new(),
                    published: None,
                    accessed: None,
                    excerpt: String::new(),
                    notes: String::new(),
                })?;
                format!("create source {}", source.id)
            } else {
                let id = pick(&mut rng);
                let source = sources[rng.below(sources.len() as u64) as usize].id;
                workspace.cite_source(id, source, &format!("Quote {index}"))?;
                format!("cite source {source} for event {id}")
            }
        }
        5 => {
            let rows = 1 + rng.below(4);
            let mut csv = String::from("title,start,kind,source_url,source_title,quote\n");
            for row in 0..rows {
                let year = 2015 + rng.below(10);
                let month = 1 + rng.below(12);
                csv.push_str(&format!(
                    "Imported {index}.{row},{year}-{month:02},regulatory-filing,https://example.org/csv/{index},Sheet {index},\"Row {row}, quoted\"\n"
                ));
            }
            // Told to be plain CSV by its name and header.
            let report = workspace.import(
                &format!("crash-{index}.csv"),
                csv.as_bytes(),
                &ImportOptions::default(),
                today(),
            )?;
            format!("import {} events", report.events)
        }
        6 => {
            let id = pick(&mut rng);
            workspace.rename_event(id, &format!("Renamed {index}"))?;
            format!("rename event {id}")
        }
        7 | 8 => {
            let state = workspace.undo_step()?;
            format!("undo (next: {:?})", state.undo)
        }
        _ => {
            let state = workspace.redo_step()?;
            format!("redo (next: {:?})", state.redo)
        }
    })
}
