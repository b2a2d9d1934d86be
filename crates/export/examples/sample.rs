//! Exports the sample workspace's Microsoft–OpenAI timeline to
//! `docs/examples/` (or the folder given): the wide and tall PNGs at 2×,
//! the PDF, the SVGs and the Markdown brief.
//!
//! `cargo run -p tideline-export --example sample [-- FOLDER]`

use std::path::PathBuf;

use anyhow::Context;
use tideline_export::{ExportOptions, Format, render};
use tideline_model::graphic::Orientation;
use tideline_store::Workspace;

fn main() -> anyhow::Result<()> {
    let out = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/examples"));
    std::fs::create_dir_all(&out)?;
    let dir = tempfile::tempdir()?;
    let mut workspace = Workspace::open(&dir.path().join("sample.db"))?;
    workspace.replace_with_sample()?;
    let id = workspace.find_timeline("Microsoft–OpenAI")?;
    let view = workspace.timeline(id)?;
    let wide = ExportOptions {
        scale: 2,
        image: Some("microsoft-openai-wide.png".to_owned()),
        ..ExportOptions::default()
    };
    let tall = ExportOptions {
        orientation: Orientation::Vertical,
        descriptions: true,
        ..wide.clone()
    };
    for (name, format, options) in [
        ("microsoft-openai-wide.png", Format::Png, &wide),
        ("microsoft-openai-wide.svg", Format::Svg, &wide),
        ("microsoft-openai-tall.png", Format::Png, &tall),
        ("microsoft-openai.pdf", Format::Pdf, &wide),
        ("microsoft-openai.md", Format::Markdown, &wide),
    ] {
        let bytes = render(&view, format, options).with_context(|| name.to_owned())?;
        std::fs::write(out.join(name), bytes)?;
        println!("{}", out.join(name).display());
    }
    Ok(())
}
