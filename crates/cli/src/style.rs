//! `tideline style`: the workspace's house styles, listed, written out as
//! a file and read in from one; and `--style NAME|FILE` for exports.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use tideline_export::{
    DEFAULT_STYLE, HouseStyle, StoredStyleError, keep_style, workspace_style, workspace_styles,
};
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
            let styles = workspace_styles(&workspace)?;
            if json {
                let list: Vec<serde_json::Value> = styles
                    .iter()
                    .map(|style| {
                        serde_json::json!({
                            "name": style.name,
                            "default": style.name == DEFAULT_STYLE,
                            "fonts": style.summary().fonts,
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
            let style = workspace_style(&workspace, &name)?;
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
            let mut workspace = Workspace::open_existing(path)?;
            let replaced = keep_style(&mut workspace, &style).map_err(|error| match error {
                StoredStyleError::Reserved => {
                    Failure::Input(format!("{}: {error}", file.display()))
                }
                error => error.into(),
            })?;
            let verb = if replaced { "replaced" } else { "imported" };
            print_lines(std::iter::once(format!("{verb} style {}", style.name)))
        }
    }
}

impl From<StoredStyleError> for Failure {
    fn from(error: StoredStyleError) -> Failure {
        match error {
            StoredStyleError::Store(error) => error.into(),
            StoredStyleError::Damaged { .. } => Failure::Workspace(error.to_string()),
            StoredStyleError::Unknown { .. } | StoredStyleError::Reserved => {
                Failure::Input(error.to_string())
            }
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
        Some(name) => Ok(workspace_style(workspace, name)?),
    }
}
