//! `tideline`: the same engine as the desktop app, headless.
//!
//! Prints what a workspace holds, writes the sample workspace and checks a
//! file's integrity. The contract (commands, flags, JSON fields, exit codes)
//! is relied on by scripts: extend it, never rename it.
//!
//! Exit codes: 0 success, 1 bad input or arguments, 2 a workspace that cannot
//! be used (newer schema, not a Tideline file, damaged, unreadable).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use tideline_store::views::{EventFilter, EventView, TimelineSummary};
use tideline_store::{StoreError, Workspace};

#[derive(Parser)]
#[command(
    name = "tideline",
    version,
    about = "Build and check sourced deal timelines, headless"
)]
struct Cli {
    /// The workspace file [default: tideline.db in the platform data directory]
    #[arg(long, global = true, value_name = "FILE")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Write the sample workspace into the file
    Sample {
        /// Replace whatever the file already holds
        #[arg(long)]
        force: bool,
    },
    /// List timelines: id, title, number of events
    Timelines {
        #[arg(long)]
        json: bool,
    },
    /// List events in start order
    Events {
        /// Only the events on this timeline (id or title)
        #[arg(long, value_name = "ID|TITLE")]
        timeline: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Check the file's integrity and schema version; exit 0 when sound
    Check,
}

/// Why the command failed, and so its exit code.
enum Failure {
    /// Bad input or arguments: exit 1.
    Input(String),
    /// The workspace cannot be used: exit 2.
    Workspace(String),
}

impl From<StoreError> for Failure {
    fn from(error: StoreError) -> Failure {
        if error.code().is_workspace_unusable() {
            Failure::Workspace(error.to_string())
        } else {
            Failure::Input(error.to_string())
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) if !error.use_stderr() => {
            let _ = error.print();
            return ExitCode::SUCCESS;
        }
        Err(error) => {
            let rendered = error.render().to_string();
            let first = rendered
                .lines()
                .next()
                .unwrap_or("error: invalid arguments");
            eprintln!("{first} (see `tideline --help`)");
            return ExitCode::from(1);
        }
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Input(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
        Err(Failure::Workspace(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<(), Failure> {
    let path = match cli.db {
        Some(path) => path,
        None => default_db()?,
    };
    match cli.command {
        Command::Sample { force } => sample(path, force),
        Command::Timelines { json } => {
            let workspace = Workspace::open_existing(&path)?;
            let timelines = workspace.timelines()?;
            if json {
                print_json(&timelines)
            } else {
                print_lines(timelines.iter().map(timeline_line))
            }
        }
        Command::Events { timeline, json } => {
            let workspace = Workspace::open_existing(&path)?;
            let timeline = timeline.map(|t| workspace.find_timeline(&t)).transpose()?;
            let events = workspace.events(&EventFilter {
                timeline,
                ..EventFilter::default()
            })?;
            if json {
                print_json(&events)
            } else {
                print_lines(events.iter().map(event_line))
            }
        }
        Command::Check => {
            let workspace = Workspace::open_existing(&path)?;
            let report = workspace.check()?;
            if !report.problems.is_empty() {
                return Err(Failure::Workspace(format!(
                    "{} is damaged: {}",
                    path.display(),
                    report.problems.join("; ")
                )));
            }
            print_lines(std::iter::once(format!(
                "ok: {} is sound (schema version {}, journal mode {})",
                path.display(),
                report.schema_version,
                report.journal_mode
            )))
        }
    }
}

fn sample(path: PathBuf, force: bool) -> Result<(), Failure> {
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|error| {
            Failure::Workspace(format!("could not create {}: {error}", dir.display()))
        })?;
    }
    let mut workspace = Workspace::open(&path)?;
    if !workspace.is_empty()? && !force {
        return Err(Failure::Input(format!(
            "{} already holds data; pass --force to replace it with the sample",
            path.display()
        )));
    }
    let summary = workspace.replace_with_sample()?;
    print_lines(std::iter::once(format!(
        "wrote the sample workspace to {}: {} timelines, {} events, {} sources",
        path.display(),
        summary.timelines,
        summary.events,
        summary.sources
    )))
}

fn default_db() -> Result<PathBuf, Failure> {
    dirs::data_dir()
        .map(|dir| tideline_store::default_workspace_path(&dir))
        .ok_or_else(|| {
            Failure::Input("no platform data directory is known here; pass --db FILE".to_owned())
        })
}

fn timeline_line(timeline: &TimelineSummary) -> String {
    format!(
        "{:>4}  {:>4} events  {}",
        timeline.id, timeline.events, timeline.title
    )
}

fn event_line(event: &EventView) -> String {
    let when = match &event.end_label {
        Some(end) => format!("{} – {end}", event.start_label),
        None if event.ongoing => format!("{} – ongoing", event.start_label),
        None => event.start_label.clone(),
    };
    let flag = if event.sources.is_empty() {
        "  [unsourced]"
    } else {
        ""
    };
    format!(
        "{:>4}  {when:<28}  {:<20}  {}{flag}",
        event.id,
        event.kind.as_str(),
        event.title
    )
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).expect("views serialise to JSON");
    print_lines(std::iter::once(text))
}

/// Prints to stdout; a closed pipe (`tideline events | head`) is not an error.
fn print_lines(lines: impl Iterator<Item = String>) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            return Ok(());
        }
    }
    Ok(())
}
