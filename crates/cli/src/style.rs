//! `tideline style`: the workspace's house styles, listed, written out as
//! a file and read in from one; and `--style NAME|FILE` for exports.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use tideline_export::{DEFAULT_STYLE, HouseStyle};
use tideline_store::Workspace;

use crate::{Failure, print_lines, write_new};

#[derive(Subcommand)]
pub enum StyleCommand {
    /// List the workspace's styles; `tideline` is Tideline's own
    List {
        /// Print JSON: [{"name", "default", "fonts", "logo", "presets"}]
        #[arg(long)]
        json: bool,
    },
    /// Write a style, fonts and logo included, to a file
    Export {
        /// The style's name
        name: String,
        /// The file to write; an existing file is refused
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Add a style from a file (TOML; fonts and logo beside it or in it),
    /// replacing a style of the same name
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
}

/// Runs `tideline style …`.
pub fn run(path: &Path, command: StyleCommand) -> Result<(), Failure> {
    match command {
        StyleCommand::List { json } => {
            let workspace = Workspace::open_existing(path)?;
            let styles = all(&workspace)?;
            if json {
                let list: Vec<serde_json::Value> = styles
                    .iter()
                    .map(|style| {
                        let fonts: Vec<String> = tideline_model::text::Face::ALL
                            .iter()
                            .filter_map(|face| style.font(*face))
                            .map(|font| font.family.clone())
                            .collect();
                        serde_json::json!({
                            "name": style.name,
                            "default": style.name == DEFAULT_STYLE,
                            "fonts": fonts,
                            "logo": style.logo.is_some(),
                            "presets": style.presets.iter().map(|(name, _)| name).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                let text = serde_json::to_string_pretty(&list).expect("JSON");
                print_lines(std::iter::once(text))
            } else {
                print_lines(styles.iter().map(|style| {
                    if style.name == DEFAULT_STYLE {
                        format!("{} (Tideline's own)", style.name)
                    } else {
                        style.name.clone()
                    }
                }))
            }
        }
        StyleCommand::Export { name, out } => {
            let workspace = Workspace::open_existing(path)?;
            let style = named(&workspace, &name)?;
            let text = style.to_toml();
            write_new(&out, text.as_bytes())?;
            print_lines(std::iter::once(format!(
                "wrote {} ({} bytes)",
                out.display(),
                text.len()
            )))
        }
        StyleCommand::Import { file } => {
            let style = HouseStyle::read(&file)
                .map_err(|e| Failure::Input(format!("{}: {e}", file.display())))?;
            if style.name.eq_ignore_ascii_case(DEFAULT_STYLE) {
                return Err(Failure::Input(format!(
                    "{}: the name {DEFAULT_STYLE:?} is Tideline's own style; give the style another name",
                    file.display()
                )));
            }
            let mut workspace = Workspace::open_existing(path)?;
            let replaced = workspace.put_style(&style.name, style.to_toml())?;
            let verb = if replaced { "replaced" } else { "imported" };
            print_lines(std::iter::once(format!("{verb} style {}", style.name)))
        }
    }
}

/// Tideline's own style, then the stored ones.
fn all(workspace: &Workspace) -> Result<Vec<HouseStyle>, Failure> {
    let mut styles = vec![HouseStyle::default()];
    for (name, body) in workspace.styles()? {
        styles.push(parse_stored(&name, &body)?);
    }
    Ok(styles)
}

fn parse_stored(name: &str, body: &str) -> Result<HouseStyle, Failure> {
    HouseStyle::parse(body, None)
        .map_err(|e| Failure::Workspace(format!("the stored style {name:?} is damaged: {e}")))
}

/// The style named `name`, or an error listing the styles there are.
pub fn named(workspace: &Workspace, name: &str) -> Result<HouseStyle, Failure> {
    if name.eq_ignore_ascii_case(DEFAULT_STYLE) {
        return Ok(HouseStyle::default());
    }
    match workspace.style(name)? {
        Some(body) => parse_stored(name, &body),
        None => {
            let names: Vec<String> = all(workspace)?.into_iter().map(|s| s.name).collect();
            Err(Failure::Input(format!(
                "unknown style {name:?}: use one of {}, or a style file",
                names.join(", ")
            )))
        }
    }
}

/// `--style`: a style file if one is there, else a stored style's name.
pub fn resolve(workspace: &Workspace, spec: Option<&str>) -> Result<HouseStyle, Failure> {
    match spec {
        None => Ok(HouseStyle::default()),
        Some(spec) if Path::new(spec).is_file() => {
            HouseStyle::read(Path::new(spec)).map_err(|e| Failure::Input(format!("{spec}: {e}")))
        }
        Some(name) => named(workspace, name),
    }
}
