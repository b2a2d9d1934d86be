//! The TypeScript twins of the wire types are generated, committed in
//! `ui/src/bindings/`, and must not drift: this test regenerates them and
//! fails on any difference. `cargo xtask codegen` rewrites them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use tideline_export::{
    ExportOptions, Format, KindColours, NamedSize, PageColours, StyleEdit, StyleSummary,
};
use tideline_interop::ExportFormat;
use tideline_model::Edge;
use tideline_model::layout::{Layout, Viewport};
use tideline_store::views::{
    AnnotationDraft, ApiError, CheckReport, ComparisonRequest, ComparisonSummary, ComparisonView,
    DatePreview, DateReading, EventChange, EventFilter, EventOutline, EventPage, EventPatch,
    EventView, ImportOptions, ImportPreview, ImportReport, NewEvent, SourceDraftView, SourceView,
    TimelineSummary, TimelineView, WorkspaceInfo,
};
use tideline_store::{HistoryState, ReadOnly};
use ts_rs::TS;

fn export_all(dir: &Path) {
    ApiError::export_all_to(dir).unwrap();
    CheckReport::export_all_to(dir).unwrap();
    EventFilter::export_all_to(dir).unwrap();
    EventView::export_all_to(dir).unwrap();
    HistoryState::export_all_to(dir).unwrap();
    TimelineSummary::export_all_to(dir).unwrap();
    TimelineView::<EventView>::export_all_to(dir).unwrap();
    EventOutline::export_all_to(dir).unwrap();
    WorkspaceInfo::export_all_to(dir).unwrap();
    Layout::export_all_to(dir).unwrap();
    Viewport::export_all_to(dir).unwrap();
    AnnotationDraft::export_all_to(dir).unwrap();
    DatePreview::export_all_to(dir).unwrap();
    DateReading::export_all_to(dir).unwrap();
    Edge::export_all_to(dir).unwrap();
    EventPatch::export_all_to(dir).unwrap();
    EventPage::export_all_to(dir).unwrap();
    EventChange::export_all_to(dir).unwrap();
    NewEvent::export_all_to(dir).unwrap();
    SourceDraftView::export_all_to(dir).unwrap();
    SourceView::export_all_to(dir).unwrap();
    ImportOptions::export_all_to(dir).unwrap();
    ImportPreview::export_all_to(dir).unwrap();
    ImportReport::export_all_to(dir).unwrap();
    ExportFormat::export_all_to(dir).unwrap();
    ExportOptions::export_all_to(dir).unwrap();
    StyleSummary::export_all_to(dir).unwrap();
    KindColours::export_all_to(dir).unwrap();
    StyleEdit::export_all_to(dir).unwrap();
    PageColours::export_all_to(dir).unwrap();
    NamedSize::export_all_to(dir).unwrap();
    Format::export_all_to(dir).unwrap();
    ComparisonRequest::export_all_to(dir).unwrap();
    ComparisonSummary::export_all_to(dir).unwrap();
    ComparisonView::export_all_to(dir).unwrap();
    ReadOnly::export_all_to(dir).unwrap();
}

fn read_tree(dir: &Path) -> BTreeMap<String, String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "ts"))
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&path).unwrap())
        })
        .collect()
}

#[test]
fn typescript_bindings_match_the_rust_types() {
    let committed_dir: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings");
    let fresh = tempfile::tempdir().unwrap();
    export_all(fresh.path());
    let generated = read_tree(fresh.path());
    assert!(
        generated.contains_key("EventView.ts"),
        "{:?}",
        generated.keys()
    );

    if std::env::var_os("TIDELINE_UPDATE_BINDINGS").is_some() {
        if committed_dir.exists() {
            std::fs::remove_dir_all(&committed_dir).unwrap();
        }
        std::fs::create_dir_all(&committed_dir).unwrap();
        for (name, text) in &generated {
            std::fs::write(committed_dir.join(name), text).unwrap();
        }
        return;
    }
    let committed = read_tree(&committed_dir);
    let differing: Vec<&String> = generated
        .keys()
        .chain(committed.keys())
        .filter(|name| generated.get(*name) != committed.get(*name))
        .collect();
    assert!(
        differing.is_empty(),
        "ui/src/bindings is out of date ({differing:?}); run `cargo xtask codegen` and commit the result"
    );
}
