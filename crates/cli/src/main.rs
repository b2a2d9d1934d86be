//! `tideline`: the same engine as the desktop app, headless.
//!
//! Prints what a workspace holds, writes the sample workspace, checks a
//! file's integrity, imports and exports timelines (TimelineJS, Markwhen,
//! CSV, Tideline JSON), and exports them as SVG, PNG and PDF graphics and a
//! sourced Markdown brief. The contract (commands, flags, JSON fields, exit codes)
//! is relied on by scripts: extend it, never rename it.
//!
//! Exit codes: 0 success, 1 bad input or arguments, 2 a workspace that cannot
//! be used (newer schema, not a Tideline file, damaged, unreadable), or
//! cannot be changed (read-only, open for editing in the app, on a full or
//! failed disk). The reading commands work on a workspace the app has open;
//! the writing ones (`sample`, `import`, `restore`) are refused while it
//! does, and so never change a file under the app.

mod backup;
mod compare;
mod style;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use tideline_export::{ExportError, ExportOptions, HouseStyle, Theme};
use tideline_interop::{ExportFormat, ImportFormat};
use tideline_model::graphic::Orientation;
use tideline_model::{Date, Precision};
use tideline_store::views::{EventFilter, EventView, ImportOptions, TimelineSummary};
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
    /// Search events as the library does (titles, descriptions, parties,
    /// tags, cited sources and quotes), best match first
    Search {
        /// Words to find; each matches as a prefix, all must match
        query: String,
        /// Only the events on this timeline (id or title)
        #[arg(long, value_name = "ID|TITLE")]
        timeline: Option<String>,
        /// At most this many events [default: every match]
        #[arg(long, value_name = "N")]
        limit: Option<u32>,
        /// Print JSON, in the shape of `events --json`
        #[arg(long)]
        json: bool,
    },
    /// Check the file's integrity and schema version; exit 0 when sound
    Check,
    /// Import a timeline file; by default a file with any invalid event
    /// imports nothing and lists every problem
    Import {
        /// The file to import
        file: PathBuf,
        /// The file's format [default: told from its name and content]
        #[arg(long, value_enum)]
        format: Option<ImportFormatArg>,
        /// Import into the timeline with this exact title (made if missing)
        #[arg(long, value_name = "TITLE")]
        timeline: Option<String>,
        /// Import the valid events and list the skipped ones
        #[arg(long)]
        skip_invalid: bool,
        #[arg(long)]
        json: bool,
    },
    /// Export a timeline (or, as tideline-json, the whole workspace) to a file
    Export {
        /// The timeline (id or exact title)
        #[arg(value_name = "TIMELINE", required_unless_present = "workspace")]
        timeline: Option<String>,
        /// Export every timeline, event and source (tideline-json only)
        #[arg(long, conflicts_with = "timeline")]
        workspace: bool,
        #[arg(long, value_enum)]
        format: ExportFormatArg,
        /// The file to write; an existing file is refused
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// With --format html: also write the HTML that embeds the page in
        /// another (an iframe of it that grows to fit, and a PNG of the
        /// graphic for readers without scripts, written beside FILE as
        /// FILE's name with .png); existing files are refused
        #[arg(long, value_name = "FILE")]
        embed: Option<PathBuf>,
        #[command(flatten)]
        graphic: GraphicArgs,
    },
    /// Compare timelines aligned on a milestone: offsets from each T0 and
    /// durations between milestones, as md, svg, png, pdf, html or json
    Compare(compare::CompareArgs),
    /// Copy the workspace, undo history included, to a new file
    Backup {
        /// The file to write; an existing file is refused
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// House styles: fonts, colours, logo, credit and sizes for exports
    Style {
        #[command(subcommand)]
        command: style::StyleCommand,
    },
    /// Replace the workspace with a backup; asks nothing, and keeps the
    /// replaced workspace as a backup beside it (the line printed says where)
    Restore {
        /// The backup to restore; a file that is not a Tideline workspace is refused
        #[arg(value_name = "FROM_BACKUP")]
        from: PathBuf,
    },
}

/// The options of the graphic formats (svg, png, pdf, md, html).
#[derive(clap::Args)]
struct GraphicArgs {
    /// Wide or tall graphic [default: horizontal]
    #[arg(long, value_enum)]
    layout: Option<LayoutArg>,
    /// Width in px [default: 1600 horizontal, 480 vertical; 240 to 16384]
    #[arg(long, value_name = "PX", conflicts_with = "size")]
    width: Option<u32>,
    /// The exact size, as WIDTHxHEIGHT in px or a preset: column-640,
    /// column-720, full-1200, social-square, social-portrait, slide,
    /// a4-landscape, a4-portrait [default: the width, as tall as needed]
    #[arg(long, value_name = "WxH|PRESET")]
    size: Option<String>,
    /// PNG pixels per px: 1, 2 or 3 [default: 1]
    #[arg(long, value_name = "N")]
    scale: Option<u8>,
    /// Colours [default: light]
    #[arg(long, value_enum)]
    theme: Option<ThemeArg>,
    /// The language of dates and words: en-GB, en-US, de, fr, es, it, pt,
    /// nl, ja, zh-Hans [default: en-GB]
    #[arg(long, value_name = "TAG")]
    locale: Option<String>,
    /// A house style: a stored style's name or a style file
    /// [default: tideline, Tideline's own]
    #[arg(long, value_name = "NAME|FILE")]
    style: Option<String>,
}

impl GraphicArgs {
    /// The first option given, by its flag.
    fn given(&self) -> Option<&'static str> {
        [
            (self.layout.is_some(), "--layout"),
            (self.width.is_some(), "--width"),
            (self.size.is_some(), "--size"),
            (self.scale.is_some(), "--scale"),
            (self.theme.is_some(), "--theme"),
            (self.locale.is_some(), "--locale"),
            (self.style.is_some(), "--style"),
        ]
        .into_iter()
        .find_map(|(given, flag)| given.then_some(flag))
    }

    /// The options and the style, checked before the workspace opens
    /// where they can be: a bad size, locale or style file is one error.
    fn options(&self) -> Result<(ExportOptions, Option<String>), Failure> {
        let defaults = ExportOptions::default();
        // A size that is no built-in preset may be one of the style's.
        let size = match self.size.as_deref().map(tideline_export::size::parse_size) {
            Some(Err(error)) if self.style.is_none() => {
                return Err(Failure::Input(error.to_string()));
            }
            Some(Ok(size)) => Some(size),
            _ => None,
        };
        if let Some(tag) = &self.locale {
            tideline_model::Locale::parse(tag).map_err(|e| Failure::Input(e.to_string()))?;
        }
        let options = ExportOptions {
            orientation: match self.layout {
                Some(LayoutArg::Vertical) => Orientation::Vertical,
                Some(LayoutArg::Horizontal) | None => Orientation::Horizontal,
            },
            width: size.map(|(w, _)| w).or(self.width.map(f64::from)),
            height: size.map(|(_, h)| h),
            scale: self.scale.unwrap_or(defaults.scale),
            theme: match self.theme {
                Some(ThemeArg::Light) | None => Theme::Light,
                Some(ThemeArg::Dark) => Theme::Dark,
                Some(ThemeArg::Print) => Theme::Print,
            },
            locale: self.locale.clone(),
            style: self.style.clone(),
            ..defaults
        };
        let pending = self.size.clone().filter(|_| size.is_none());
        Ok((options, pending))
    }

    /// The style `--style` names, and the options with a size that only
    /// the style knows.
    fn styled(
        &self,
        workspace: &Workspace,
        options: ExportOptions,
        pending: Option<String>,
    ) -> Result<(ExportOptions, HouseStyle), Failure> {
        let style = style::resolve(workspace, self.style.as_deref())?;
        let options = match pending {
            Some(size) => {
                let (width, height) = style
                    .size(&size)
                    .map_err(|error| Failure::Input(error.to_string()))?;
                ExportOptions {
                    width: Some(width),
                    height: Some(height),
                    ..options
                }
            }
            None => options,
        };
        Ok((options, style))
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum LayoutArg {
    Horizontal,
    Vertical,
}

#[derive(Clone, Copy, ValueEnum)]
enum ThemeArg {
    Light,
    Dark,
    Print,
}

/// `--format` of `import`.
#[derive(Clone, Copy, ValueEnum)]
enum ImportFormatArg {
    TimelinejsJson,
    TimelinejsCsv,
    Markwhen,
    Csv,
    TidelineJson,
}

impl From<ImportFormatArg> for ImportFormat {
    fn from(format: ImportFormatArg) -> ImportFormat {
        match format {
            ImportFormatArg::TimelinejsJson => ImportFormat::TimelinejsJson,
            ImportFormatArg::TimelinejsCsv => ImportFormat::TimelinejsCsv,
            ImportFormatArg::Markwhen => ImportFormat::Markwhen,
            ImportFormatArg::Csv => ImportFormat::Csv,
            ImportFormatArg::TidelineJson => ImportFormat::TidelineJson,
        }
    }
}

/// `--format` of `export`: the data formats, then the graphic ones.
#[derive(Clone, Copy, ValueEnum)]
enum ExportFormatArg {
    TidelineJson,
    TimelinejsJson,
    TimelinejsCsv,
    Csv,
    Svg,
    Png,
    Pdf,
    Md,
    Html,
}

/// What an export writes: data (`tideline-interop`) or a graphic or brief
/// (`tideline-export`).
enum Export {
    Data(ExportFormat),
    Graphic(tideline_export::Format),
}

impl ExportFormatArg {
    fn export(self) -> Export {
        match self {
            ExportFormatArg::TidelineJson => Export::Data(ExportFormat::TidelineJson),
            ExportFormatArg::TimelinejsJson => Export::Data(ExportFormat::TimelinejsJson),
            ExportFormatArg::TimelinejsCsv => Export::Data(ExportFormat::TimelinejsCsv),
            ExportFormatArg::Csv => Export::Data(ExportFormat::Csv),
            ExportFormatArg::Svg => Export::Graphic(tideline_export::Format::Svg),
            ExportFormatArg::Png => Export::Graphic(tideline_export::Format::Png),
            ExportFormatArg::Pdf => Export::Graphic(tideline_export::Format::Pdf),
            ExportFormatArg::Md => Export::Graphic(tideline_export::Format::Markdown),
            ExportFormatArg::Html => Export::Graphic(tideline_export::Format::Html),
        }
    }
}

/// Why the command failed, and so its exit code.
enum Failure {
    /// Bad input or arguments: exit 1.
    Input(String),
    /// Several problems with the input, one `error:` line each: exit 1.
    Inputs(Vec<String>),
    /// The workspace cannot be used: exit 2.
    Workspace(String),
}

impl From<ExportError> for Failure {
    fn from(error: ExportError) -> Failure {
        Failure::Input(error.to_string())
    }
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
        Err(Failure::Inputs(messages)) => {
            for message in messages {
                eprintln!("error: {message}");
            }
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
            print_events(&events, json)
        }
        Command::Search {
            query,
            timeline,
            limit,
            json,
        } => {
            if !query.chars().any(char::is_alphanumeric) {
                return Err(Failure::Input(
                    "give a word to search for, such as a title's or a party's".to_owned(),
                ));
            }
            if limit == Some(0) {
                return Err(Failure::Input("--limit must be at least 1".to_owned()));
            }
            let workspace = Workspace::open_existing(&path)?;
            let timeline = timeline.map(|t| workspace.find_timeline(&t)).transpose()?;
            let events = workspace.events(&EventFilter {
                timeline,
                query: Some(query),
                limit,
                ..EventFilter::default()
            })?;
            print_events(&events, json)
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
        Command::Import {
            file,
            format,
            timeline,
            skip_invalid,
            json,
        } => import(
            path,
            &file,
            ImportOptions {
                format: format.map(ImportFormat::from),
                timeline,
                skip_invalid,
            },
            json,
        ),
        Command::Export {
            timeline,
            workspace: everything,
            format,
            out,
            embed,
            graphic,
        } => {
            let export = format.export();
            if embed.is_some() && !matches!(format, ExportFormatArg::Html) {
                return Err(Failure::Input(
                    "--embed applies to --format html only".to_owned(),
                ));
            }
            if let (Export::Data(_), Some(flag)) = (&export, graphic.given()) {
                return Err(Failure::Input(format!(
                    "{flag} applies to --format svg, png, pdf, md and html only"
                )));
            }
            let (options, pending) = graphic.options()?;
            let workspace = Workspace::open_existing(&path)?;
            let mut notes = Vec::new();
            let mut embedded: Option<Vec<(PathBuf, Vec<u8>)>> = None;
            let bytes = match (timeline, export) {
                (Some(timeline), Export::Data(format)) => {
                    let id = workspace.find_timeline(&timeline)?;
                    workspace.export(id, format)?
                }
                (Some(timeline), Export::Graphic(format)) => {
                    let id = workspace.find_timeline(&timeline)?;
                    let view = workspace.timeline(id)?;
                    let (options, style) = graphic.styled(&workspace, options, pending)?;
                    let rendered = tideline_export::export(&view, format, &options, &style)?;
                    notes = rendered.notes();
                    if let Some(snippet) = &embed {
                        embedded = Some(embed_files(&view, &options, &style, &out, snippet)?);
                    }
                    rendered.bytes
                }
                (None, Export::Data(ExportFormat::TidelineJson)) if everything => {
                    workspace.export_workspace()?
                }
                (None, _) => {
                    return Err(Failure::Input(
                        "--workspace exports as tideline-json only".to_owned(),
                    ));
                }
            };
            let mut files = vec![(out, bytes)];
            files.extend(embedded.unwrap_or_default());
            // Nothing is written if any of the files is there already.
            if let Some((taken, _)) = files.iter().find(|(path, _)| path.exists()) {
                return Err(Failure::Input(format!(
                    "could not write {}: it already exists; Tideline never overwrites a file",
                    taken.display()
                )));
            }
            let mut lines = Vec::new();
            for (path, bytes) in &files {
                write_new(path, bytes)?;
                lines.push(format!("wrote {} ({} bytes)", path.display(), bytes.len()));
            }
            print_lines(lines.into_iter().chain(notes))
        }
        Command::Compare(args) => compare::run(&path, args),
        Command::Style { command } => style::run(&path, command),
        Command::Backup { out } => backup::backup(&path, &out),
        Command::Restore { from } => backup::restore(&path, &from),
    }
}

fn import(path: PathBuf, file: &Path, options: ImportOptions, json: bool) -> Result<(), Failure> {
    let bytes = std::fs::read(file)
        .map_err(|error| Failure::Input(format!("could not read {}: {error}", file.display())))?;
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(|error| {
            Failure::Workspace(format!("could not create {}: {error}", dir.display()))
        })?;
    }
    let mut workspace = Workspace::open(&path)?;
    let name = file.file_name().and_then(|n| n.to_str()).unwrap_or("file");
    let report = match workspace.import(name, &bytes, &options, today()) {
        Ok(report) => report,
        Err(StoreError::ImportRefused { problems }) => {
            let mut lines: Vec<String> = problems
                .iter()
                .map(|p| format!("{}: {}: {}", file.display(), p.place, p.message))
                .collect();
            lines.push(format!(
                "{} was not imported ({} problems); fix them, or pass --skip-invalid to import the valid events",
                file.display(),
                problems.len()
            ));
            return Err(Failure::Inputs(lines));
        }
        Err(error) => return Err(error.into()),
    };
    if json {
        return print_json(&report);
    }
    for warning in &report.warnings {
        eprintln!("warning: {}: {}", warning.place, warning.message);
    }
    for skipped in &report.skipped {
        eprintln!("skipped: {}: {}", skipped.place, skipped.message);
    }
    print_lines(std::iter::once(format!(
        "imported {} events into timeline {} ({}){}",
        report.events,
        report.timeline.map_or("-".to_owned(), |id| id.to_string()),
        report.title,
        if report.skipped.is_empty() {
            String::new()
        } else {
            format!("; skipped {}", report.skipped.len())
        }
    )))
}

/// Today's date (UTC), for Markwhen's `now`.
fn today() -> Date {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    Date::from_minute((seconds / 60) as i64, Precision::Day)
}

/// Writes `bytes` to a new file at `out`; an existing file is refused.
/// The embed snippet at `snippet` for the page at `page`, and the PNG
/// beside the snippet that it shows without scripts.
fn embed_files(
    view: &tideline_store::views::TimelineView,
    options: &tideline_export::ExportOptions,
    style: &tideline_export::HouseStyle,
    page: &Path,
    snippet: &Path,
) -> Result<Vec<(PathBuf, Vec<u8>)>, Failure> {
    let picture = snippet.with_extension("png");
    // The snippet names the page and picture as they sit beside it.
    let name = |path: &Path| {
        path.file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let png = tideline_export::export(view, tideline_export::Format::Png, options, style)?;
    let html = tideline_export::embed_snippet(view, options, style, &name(page), &name(&picture))?;
    Ok(vec![
        (snippet.to_owned(), html.into_bytes()),
        (picture, png.bytes),
    ])
}

fn write_new(out: &Path, bytes: &[u8]) -> Result<(), Failure> {
    use std::fs::OpenOptions;
    let mut file = OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(out)
        .map_err(|error| {
            let reason = if error.kind() == std::io::ErrorKind::AlreadyExists {
                "it already exists; Tideline never overwrites a file".to_owned()
            } else {
                error.to_string()
            };
            Failure::Input(format!("could not write {}: {reason}", out.display()))
        })?;
    file.write_all(bytes)
        .map_err(|error| Failure::Input(format!("could not write {}: {error}", out.display())))
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
    let when = match &event.facts.end_label {
        Some(end) => format!("{} – {end}", event.facts.start_label),
        None if event.facts.ongoing => format!("{} – ongoing", event.facts.start_label),
        None => event.facts.start_label.clone(),
    };
    let flag = if event.sources.is_empty() {
        "  [unsourced]"
    } else {
        ""
    };
    format!(
        "{:>4}  {when:<28}  {:<20}  {}{flag}",
        event.facts.id,
        event.facts.kind.as_str(),
        event.facts.title
    )
}

fn print_json<T: serde::Serialize>(value: &T) -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(value).expect("views serialise to JSON");
    print_lines(std::iter::once(text))
}

/// Prints to stdout; a closed pipe (`tideline events | head`) is not an error.
/// Events as `events` and `search` print them: JSON, or a line each.
fn print_events(events: &[EventView], json: bool) -> Result<(), Failure> {
    if json {
        print_json(&events)
    } else {
        print_lines(events.iter().map(event_line))
    }
}

fn print_lines(lines: impl Iterator<Item = String>) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    for line in lines {
        if writeln!(out, "{line}").is_err() {
            return Ok(());
        }
    }
    Ok(())
}
