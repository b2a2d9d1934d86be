//! Saved comparisons: created, changed and deleted as undoable steps,
//! computed for the sample deals, and refused when a timeline cannot meet
//! the alignment.

use tideline_model::EventKind;
use tideline_model::compare::{Alignment, Days};
use tideline_store::views::ComparisonRequest;
use tideline_store::{ErrorCode, Workspace};

fn sample() -> (tempfile::TempDir, Workspace) {
    let dir = tempfile::tempdir().unwrap();
    let mut workspace = Workspace::open(&dir.path().join("w.db")).unwrap();
    workspace.replace_with_sample().unwrap();
    (dir, workspace)
}

fn review() -> Alignment {
    Alignment::Kind {
        kind: EventKind::RegulatoryReview,
    }
}

#[test]
fn the_sample_has_a_saved_comparison_of_its_deals() {
    let (_dir, workspace) = sample();
    let saved = workspace.comparisons().unwrap();
    assert_eq!(saved.len(), 1);
    assert_eq!(saved[0].alignment, review());
    let view = workspace
        .comparison_view(&ComparisonRequest::Saved { id: saved[0].id })
        .unwrap();
    let titles: Vec<&str> = view.timelines.iter().map(|t| t.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "Microsoft–Activision Blizzard",
            "Microsoft–OpenAI",
            "Amazon–Anthropic"
        ]
    );
    // T0: CMA Phase 1 on 6 Jul 2022; closing on 13 Oct 2023 is 464 days on.
    let atvi = &view.comparison.timelines[0];
    assert_eq!(atvi.t0.date.to_edtf(), "2022-07-06");
    let closing = atvi
        .milestones
        .iter()
        .find(|m| m.kind == EventKind::Closing)
        .unwrap();
    assert_eq!(closing.offset_days, Days(464, 464));
    let announced = &atvi.milestones[0];
    assert_eq!(announced.kind, EventKind::Announcement);
    assert_eq!(announced.offset_days, Days(-169, -169));
    assert_eq!(view.t0_minutes[0], atvi.t0.date.start_minute());
}

#[test]
fn comparisons_are_created_changed_and_deleted_as_undoable_steps() {
    let (_dir, mut workspace) = sample();
    let atvi = workspace
        .find_timeline("Microsoft–Activision Blizzard")
        .unwrap();
    let openai = workspace.find_timeline("Microsoft–OpenAI").unwrap();
    let anthropic = workspace.find_timeline("Amazon–Anthropic").unwrap();
    let created = workspace
        .create_comparison(" Two deals ", &[openai, atvi], &Alignment::Calendar)
        .unwrap();
    assert_eq!(created.name, "Two deals");
    assert_eq!(created.timelines, [openai, atvi]);
    let renamed = workspace.rename_comparison(created.id, "Mine").unwrap();
    assert_eq!(renamed.name, "Mine");
    workspace
        .set_comparison_alignment(created.id, &review())
        .unwrap();
    let changed = workspace
        .set_comparison_timelines(created.id, &[atvi, openai, anthropic])
        .unwrap();
    assert_eq!(changed.timelines, [atvi, openai, anthropic]);
    assert_eq!(changed.alignment, review());

    // Clicking an event makes it that timeline's T0; the others keep theirs.
    let closing = workspace
        .timeline(atvi)
        .unwrap()
        .events
        .iter()
        .find(|e| e.facts.kind == EventKind::Closing)
        .unwrap()
        .facts
        .id;
    let clicked = workspace
        .set_comparison_t0(created.id, atvi, closing)
        .unwrap();
    let view = workspace
        .comparison_view(&ComparisonRequest::Saved { id: created.id })
        .unwrap();
    assert!(matches!(clicked.alignment, Alignment::Events { .. }));
    assert_eq!(view.comparison.timelines[0].t0.event, closing);
    assert_eq!(view.comparison.timelines[1].t0.date.to_edtf(), "2023-12-08");

    assert_eq!(workspace.undo().unwrap().as_deref(), Some("Set T0"));
    assert_eq!(
        workspace.comparison(created.id).unwrap().alignment,
        review()
    );
    assert_eq!(
        workspace.undo().unwrap().as_deref(),
        Some("Change compared timelines")
    );
    assert_eq!(
        workspace.comparison(created.id).unwrap().timelines,
        [openai, atvi]
    );
    workspace.undo().unwrap();
    workspace.undo().unwrap();
    assert_eq!(workspace.comparison(created.id).unwrap().name, "Two deals");
    workspace.undo().unwrap();
    assert_eq!(workspace.comparisons().unwrap().len(), 1);
    workspace.redo().unwrap();
    workspace.delete_comparison(created.id).unwrap();
    assert_eq!(workspace.comparisons().unwrap().len(), 1);
    assert_eq!(
        workspace.undo().unwrap().as_deref(),
        Some("Delete comparison")
    );
    assert_eq!(
        workspace.comparison(created.id).unwrap().timelines,
        [openai, atvi]
    );

    // Deleting a compared timeline takes it out of the comparison, undoably.
    workspace.delete_timeline(atvi).unwrap();
    assert_eq!(
        workspace.comparison(created.id).unwrap().timelines,
        [openai]
    );
    workspace.undo().unwrap();
    assert_eq!(
        workspace.comparison(created.id).unwrap().timelines,
        [openai, atvi]
    );
}

#[test]
fn bad_comparisons_are_refused_naming_what_is_wrong() {
    let (_dir, mut workspace) = sample();
    let atvi = workspace
        .find_timeline("Microsoft–Activision Blizzard")
        .unwrap();
    let openai = workspace.find_timeline("Microsoft–OpenAI").unwrap();
    let code = |e: tideline_store::StoreError| e.code();
    assert_eq!(
        code(
            workspace
                .create_comparison("x", &[atvi], &Alignment::Calendar)
                .unwrap_err()
        ),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        code(
            workspace
                .create_comparison("x", &[atvi, atvi], &Alignment::Calendar)
                .unwrap_err()
        ),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        code(
            workspace
                .create_comparison(" ", &[atvi, openai], &Alignment::Calendar)
                .unwrap_err()
        ),
        ErrorCode::InvalidInput
    );
    assert_eq!(
        code(
            workspace
                .create_comparison("x", &[atvi, 999], &Alignment::Calendar)
                .unwrap_err()
        ),
        ErrorCode::NotFound
    );
    let error = workspace
        .comparison_view(&ComparisonRequest::AdHoc {
            timelines: vec![atvi, openai],
            alignment: Alignment::Kind {
                kind: EventKind::Closing,
            },
        })
        .unwrap_err();
    assert_eq!(error.code(), ErrorCode::InvalidInput);
    assert!(
        error.to_string().contains("\"Microsoft–OpenAI\""),
        "{error}"
    );
    assert_eq!(workspace.comparisons().unwrap().len(), 1);
}
