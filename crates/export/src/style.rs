//! House styles: a newsroom's or a consultancy's fonts, colours, logo,
//! credit and sizes, set once and used by every export.
//!
//! A style is a small TOML file (documented in docs/styles.md):
//!
//! ```toml
//! format = "tideline-style"
//! version = 1
//! name = "Newsroom"
//! credit = "Graphic: The Daily Planet"
//! source-line = "Sources: {publishers}."
//! date-length = "long"
//! [fonts]
//! regular = { file = "DejaVuSans.ttf" }
//! [colours.kinds]
//! announcement = "#2463b4"
//! [colours.light]
//! background = "#ffffff"
//! [logo]
//! file = "logo.svg"
//! [presets]
//! newsletter = "600x750"
//! ```
//!
//! Fonts and the logo are given as a `file` (relative to the style file)
//! when a person writes one, and are kept as `data` (base64) once
//! imported, so the stored style and the file `tideline style export`
//! writes hold everything and give the same exports on any machine.
//! Whatever a style leaves out is the default look's.

use std::collections::BTreeMap;
use std::path::Path;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::{Deserialize, Serialize};
use tideline_model::text::{Face, Font, Typefaces};
use tideline_model::{Confidence, DateLength, EventKind};
use tideline_store::{StoreError, Workspace};

use crate::size;
use crate::theme::Theme;

/// The name of the style every workspace has: Tideline's own look.
pub const DEFAULT_STYLE: &str = "tideline";
/// The version of the style file this build writes and reads.
const VERSION: u32 = 1;
const FORMAT: &str = "tideline-style";
/// The largest logo, and the largest font, a style may hold.
const MAX_LOGO_BYTES: usize = 2 << 20;
const MAX_FONT_BYTES: usize = 32 << 20;

/// Why a style cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum StyleError {
    #[error("the style file does not parse: {0}")]
    Syntax(String),
    #[error("{field}: {message}")]
    Invalid { field: String, message: String },
    #[error("could not read {path}: {message}")]
    Read { path: String, message: String },
}

fn invalid(field: impl Into<String>, message: impl Into<String>) -> StyleError {
    StyleError::Invalid {
        field: field.into(),
        message: message.into(),
    }
}

/// A style as its file writes it.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case", deny_unknown_fields)]
struct StyleFile {
    format: Option<String>,
    version: Option<u32>,
    name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    credit: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    source_line: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_length: Option<String>,
    #[serde(default)]
    fonts: FontsFile,
    #[serde(default)]
    colours: ColoursFile,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<Blob>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    presets: BTreeMap<String, String>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FontsFile {
    #[serde(skip_serializing_if = "Option::is_none")]
    regular: Option<Blob>,
    #[serde(skip_serializing_if = "Option::is_none")]
    semibold: Option<Blob>,
    #[serde(skip_serializing_if = "Option::is_none")]
    italic: Option<Blob>,
}

#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ColoursFile {
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    kinds: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    confidence: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    light: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    dark: BTreeMap<String, String>,
}

/// A font or logo: a file beside the style, or its bytes.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct Blob {
    #[serde(skip_serializing_if = "Option::is_none")]
    file: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    data: Option<String>,
}

/// A logo drawn at the top right of every graphic.
#[derive(Clone, Debug, PartialEq)]
pub struct Logo {
    /// "image/svg+xml" or "image/png".
    pub mime: &'static str,
    pub data: Vec<u8>,
    /// Its size in px (from the SVG's or PNG's own size).
    pub width: f64,
    pub height: f64,
}

/// The colours a style sets for one theme.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Surface {
    pub background: Option<String>,
    pub text: Option<String>,
}

/// A house style, read and checked.
#[derive(Clone, Debug, PartialEq)]
pub struct HouseStyle {
    pub name: String,
    fonts: [Option<&'static Font>; 3],
    /// Kinds' colours that differ from the default, by kind.
    pub kinds: BTreeMap<EventKind, String>,
    /// Colours of the confidence marks: the legend's rings and a
    /// disputed marker's slash.
    pub confidence: BTreeMap<Confidence, String>,
    pub light: Surface,
    pub dark: Surface,
    pub logo: Option<Logo>,
    /// A line under the sources: "Graphic: The Daily Planet".
    pub credit: String,
    /// The sources line, with `{publishers}` for the list; `None` for the
    /// language's own.
    pub source_line: Option<String>,
    pub date_length: DateLength,
    /// Sizes by name, beside the built-in presets.
    pub presets: Vec<(String, (f64, f64))>,
    /// The file, as stored: self-contained.
    text: String,
}

impl Default for HouseStyle {
    fn default() -> HouseStyle {
        HouseStyle::parse(
            &format!("format = \"{FORMAT}\"\nversion = {VERSION}\nname = \"{DEFAULT_STYLE}\"\n"),
            None,
        )
        .expect("the default style is valid")
    }
}

impl HouseStyle {
    /// Reads a style file; `file = …` entries are read relative to `dir`
    /// (none allowed without one) and kept as data.
    pub fn parse(text: &str, dir: Option<&Path>) -> Result<HouseStyle, StyleError> {
        let mut file: StyleFile =
            toml::from_str(text).map_err(|e| StyleError::Syntax(e.message().to_owned()))?;
        if let Some(format) = &file.format
            && format != FORMAT
        {
            return Err(invalid("format", format!("{format:?} is not {FORMAT:?}")));
        }
        match file.version {
            None | Some(VERSION) => {}
            Some(v) => {
                return Err(invalid(
                    "version",
                    format!("version {v} is newer than this Tideline reads ({VERSION})"),
                ));
            }
        }
        file.format = Some(FORMAT.to_owned());
        file.version = Some(VERSION);
        let name = file.name.trim().to_owned();
        if name.is_empty() || name.contains('\n') {
            return Err(invalid("name", "a style needs a name on one line"));
        }
        let mut fonts = [None; 3];
        for (face, field, blob) in [
            (Face::Regular, "fonts.regular", &mut file.fonts.regular),
            (Face::SemiBold, "fonts.semibold", &mut file.fonts.semibold),
            (Face::Italic, "fonts.italic", &mut file.fonts.italic),
        ] {
            if let Some(blob) = blob {
                let data = blob.bytes(field, dir, MAX_FONT_BYTES)?;
                let font = Font::load(&data).map_err(|e| invalid(field, e.to_string()))?;
                fonts[face.index()] = Some(font);
            }
        }
        let kinds = colours("colours.kinds", &file.colours.kinds, |key| {
            EventKind::ALL.iter().copied().find(|k| k.as_str() == key)
        })?;
        let confidence = colours("colours.confidence", &file.colours.confidence, |key| {
            Confidence::ALL.iter().copied().find(|c| c.as_str() == key)
        })?;
        let surface = |field: &str, map: &BTreeMap<String, String>| {
            let mut surface = Surface::default();
            for (key, value) in map {
                let value = colour(&format!("{field}.{key}"), value)?;
                match key.as_str() {
                    "background" => surface.background = Some(value),
                    "text" => surface.text = Some(value),
                    _ => {
                        return Err(invalid(
                            format!("{field}.{key}"),
                            "a theme sets only background and text",
                        ));
                    }
                }
            }
            Ok(surface)
        };
        let light = surface("colours.light", &file.colours.light)?;
        let dark = surface("colours.dark", &file.colours.dark)?;
        let logo = match &mut file.logo {
            Some(blob) => Some(logo(blob.bytes("logo", dir, MAX_LOGO_BYTES)?)?),
            None => None,
        };
        let date_length = match file.date_length.as_deref() {
            None | Some("medium") => DateLength::Medium,
            Some("long") => DateLength::Long,
            Some(other) => {
                return Err(invalid(
                    "date-length",
                    format!("{other:?} is not \"medium\" or \"long\""),
                ));
            }
        };
        if let Some(line) = &file.source_line
            && !line.contains("{publishers}")
        {
            return Err(invalid(
                "source-line",
                "needs {publishers} where the list goes",
            ));
        }
        let mut presets = Vec::new();
        for (preset, value) in &file.presets {
            let size = size::parse_size(value)
                .map_err(|e| invalid(format!("presets.{preset}"), e.to_string()))?;
            presets.push((preset.clone(), size));
        }
        let text = toml::to_string(&file).map_err(|e| StyleError::Syntax(e.to_string()))?;
        Ok(HouseStyle {
            name,
            fonts,
            kinds,
            confidence,
            light,
            dark,
            logo,
            credit: file.credit.trim().to_owned(),
            source_line: file.source_line.clone(),
            date_length,
            presets,
            text,
        })
    }

    /// Reads a style file from disk; fonts and logo beside it.
    pub fn read(path: &Path) -> Result<HouseStyle, StyleError> {
        let text = std::fs::read_to_string(path).map_err(|e| StyleError::Read {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        HouseStyle::parse(&text, path.parent())
    }

    /// The style file, self-contained: fonts and logo as data.
    pub fn to_toml(&self) -> &str {
        &self.text
    }

    /// The fonts text is set in: the style's own faces first.
    pub fn typefaces(&self) -> Typefaces {
        Typefaces::with(|face| self.fonts[face.index()])
    }

    /// The style's own font of `face`, if it has one.
    pub fn font(&self, face: Face) -> Option<&'static Font> {
        self.fonts[face.index()]
    }

    /// The size a name stands for: one of the style's presets, else a
    /// built-in one or "WIDTHxHEIGHT".
    pub fn size(&self, name: &str) -> Result<(f64, f64), size::UnknownSize> {
        match self.presets.iter().find(|(preset, _)| preset == name) {
            Some((_, size)) => Ok(*size),
            None => size::parse_size(name),
        }
    }
}

/// Changes a person makes to a style in the app's style editor; `None`
/// keeps what the style has, an empty colour goes back to the default.
#[derive(Clone, Debug, Default, Deserialize, ts_rs::TS)]
#[serde(default, rename_all = "camelCase")]
#[ts(rename = "HouseStyleEdit")]
pub struct StyleEdit {
    pub name: Option<String>,
    pub credit: Option<String>,
    /// Kind ids ("investment") with their colour ("#1f8a52").
    #[ts(type = "Record<string, string>")]
    pub kinds: BTreeMap<String, String>,
    pub light_background: Option<String>,
    pub light_text: Option<String>,
    pub dark_background: Option<String>,
    pub dark_text: Option<String>,
}

impl HouseStyle {
    /// This style with `edit` applied, checked as a style file is.
    pub fn edited(&self, edit: &StyleEdit) -> Result<HouseStyle, StyleError> {
        let mut file: StyleFile =
            toml::from_str(&self.text).map_err(|e| StyleError::Syntax(e.message().to_owned()))?;
        if let Some(name) = &edit.name {
            file.name = name.clone();
        }
        if let Some(credit) = &edit.credit {
            file.credit = credit.clone();
        }
        fn set(map: &mut BTreeMap<String, String>, key: &str, value: &str) {
            if value.trim().is_empty() {
                map.remove(key);
            } else {
                map.insert(key.to_owned(), value.trim().to_owned());
            }
        }
        for (kind, colour) in &edit.kinds {
            set(&mut file.colours.kinds, kind, colour);
        }
        for (key, value) in [
            ("background", &edit.light_background),
            ("text", &edit.light_text),
        ] {
            if let Some(value) = value {
                set(&mut file.colours.light, key, value);
            }
        }
        for (key, value) in [
            ("background", &edit.dark_background),
            ("text", &edit.dark_text),
        ] {
            if let Some(value) = value {
                set(&mut file.colours.dark, key, value);
            }
        }
        let text = toml::to_string(&file).map_err(|e| StyleError::Syntax(e.to_string()))?;
        HouseStyle::parse(&text, None)
    }
}

/// What the app shows of a style: its file and the colours its kinds get.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "HouseStyleSummary")]
pub struct StyleSummary {
    pub name: String,
    /// Tideline's own style, which cannot be changed or deleted.
    pub builtin: bool,
    /// The style file (TOML), fonts and logo included.
    pub text: String,
    /// The families of its own fonts.
    pub fonts: Vec<String>,
    pub logo: bool,
    pub credit: String,
    /// Each kind's colour in the light and dark themes.
    pub kinds: Vec<KindColours>,
    /// The page's colours in the light and dark themes.
    pub light: PageColours,
    pub dark: PageColours,
    /// The sizes a graphic may take by name: the built-in presets, then
    /// the style's own.
    pub sizes: Vec<NamedSize>,
}

/// A size by name, as `--size` takes it.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
pub struct NamedSize {
    pub name: String,
    /// What it is for: "Social square, 1080 × 1080".
    pub label: String,
    pub width: f64,
    pub height: f64,
}

/// A kind's colours in a style.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
pub struct KindColours {
    pub kind: EventKind,
    pub light: String,
    pub dark: String,
    /// Whether the style sets this colour itself (else it is the default).
    pub own: bool,
}

/// A theme's page colours in a style, and which of them it sets itself.
#[derive(Clone, Debug, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PageColours {
    pub background: String,
    pub text: String,
    pub own_background: bool,
    pub own_text: bool,
}

impl HouseStyle {
    /// What the app shows of this style.
    pub fn summary(&self) -> StyleSummary {
        let (light, dark) = (Theme::Light.palette(self), Theme::Dark.palette(self));
        StyleSummary {
            name: self.name.clone(),
            builtin: self.name == DEFAULT_STYLE,
            text: self.text.clone(),
            fonts: self
                .fonts
                .iter()
                .flatten()
                .map(|font| font.family.clone())
                .collect(),
            logo: self.logo.is_some(),
            credit: self.credit.clone(),
            kinds: EventKind::ALL
                .iter()
                .map(|&kind| KindColours {
                    kind,
                    light: light.kind(kind).to_owned(),
                    dark: dark.kind(kind).to_owned(),
                    own: self.kinds.contains_key(&kind),
                })
                .collect(),
            light: PageColours {
                background: light.background.clone(),
                text: light.text.clone(),
                own_background: self.light.background.is_some(),
                own_text: self.light.text.is_some(),
            },
            dark: PageColours {
                background: dark.background.clone(),
                text: dark.text.clone(),
                own_background: self.dark.background.is_some(),
                own_text: self.dark.text.is_some(),
            },
            sizes: size::PRESETS
                .iter()
                .map(|preset| NamedSize {
                    name: preset.name.to_owned(),
                    label: preset.label.to_owned(),
                    width: preset.width,
                    height: preset.height,
                })
                .chain(
                    self.presets
                        .iter()
                        .map(|(name, (width, height))| NamedSize {
                            name: name.clone(),
                            label: format!("{name}, {width} × {height}"),
                            width: *width,
                            height: *height,
                        }),
                )
                .collect(),
        }
    }
}

impl Blob {
    /// The bytes, read from `file` (then kept as `data`) or decoded.
    fn bytes(
        &mut self,
        field: &str,
        dir: Option<&Path>,
        max: usize,
    ) -> Result<Vec<u8>, StyleError> {
        let data = match (&self.file, &self.data) {
            (Some(file), None) => {
                let Some(dir) = dir else {
                    return Err(invalid(
                        field,
                        "a stored style holds its files as data; import the style file instead",
                    ));
                };
                let path = dir.join(file);
                std::fs::read(&path).map_err(|e| StyleError::Read {
                    path: path.display().to_string(),
                    message: e.to_string(),
                })?
            }
            (None, Some(data)) => STANDARD
                .decode(data.split_whitespace().collect::<String>())
                .map_err(|e| invalid(field, format!("data is not base64: {e}")))?,
            _ => return Err(invalid(field, "give either file or data")),
        };
        if data.len() > max {
            return Err(invalid(
                field,
                format!(
                    "{} bytes is more than the {max} a style may hold",
                    data.len()
                ),
            ));
        }
        *self = Blob {
            file: None,
            data: Some(STANDARD.encode(&data)),
        };
        Ok(data)
    }
}

/// Colours by key, each checked.
fn colours<K: Ord>(
    field: &str,
    map: &BTreeMap<String, String>,
    key: impl Fn(&str) -> Option<K>,
) -> Result<BTreeMap<K, String>, StyleError> {
    let mut out = BTreeMap::new();
    for (name, value) in map {
        let k = key(name).ok_or_else(|| invalid(format!("{field}.{name}"), "unknown name"))?;
        out.insert(k, colour(&format!("{field}.{name}"), value)?);
    }
    Ok(out)
}

/// A colour as "#rrggbb", lowercase.
fn colour(field: &str, value: &str) -> Result<String, StyleError> {
    let hex = value.trim().strip_prefix('#').unwrap_or("");
    if hex.len() == 6 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        Ok(format!("#{}", hex.to_ascii_lowercase()))
    } else {
        Err(invalid(
            field,
            format!("{value:?} is not a colour such as \"#1c3f8c\""),
        ))
    }
}

/// A logo from its bytes: an SVG or a PNG with a size.
fn logo(data: Vec<u8>) -> Result<Logo, StyleError> {
    if data.starts_with(b"\x89PNG\r\n\x1a\n") && data.len() >= 24 {
        let width = u32::from_be_bytes(data[16..20].try_into().expect("4 bytes"));
        let height = u32::from_be_bytes(data[20..24].try_into().expect("4 bytes"));
        if width == 0 || height == 0 {
            return Err(invalid("logo", "the PNG has no size"));
        }
        return Ok(Logo {
            mime: "image/png",
            data,
            width: f64::from(width),
            height: f64::from(height),
        });
    }
    let tree = resvg::usvg::Tree::from_data(&data, &resvg::usvg::Options::default())
        .map_err(|e| invalid("logo", format!("neither a PNG nor an SVG: {e}")))?;
    let size = tree.size();
    Ok(Logo {
        mime: "image/svg+xml",
        data,
        width: f64::from(size.width()),
        height: f64::from(size.height()),
    })
}

/// Why a workspace's style cannot be had or kept.
#[derive(Debug, thiserror::Error)]
pub enum StoredStyleError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No style has the name; `known` lists those there are.
    #[error("unknown style {name:?}: use one of {}, or a style file", known.join(", "))]
    Unknown { name: String, known: Vec<String> },
    /// A stored style no longer reads.
    #[error("the stored style {name:?} is damaged: {error}")]
    Damaged { name: String, error: StyleError },
    /// A style may not take Tideline's own name.
    #[error("{DEFAULT_STYLE:?} is Tideline's own style; give the style another name")]
    Reserved,
}

fn stored(name: &str, body: &str) -> Result<HouseStyle, StoredStyleError> {
    HouseStyle::parse(body, None).map_err(|error| StoredStyleError::Damaged {
        name: name.to_owned(),
        error,
    })
}

/// Tideline's own style, then the workspace's, by name.
pub fn workspace_styles(workspace: &Workspace) -> Result<Vec<HouseStyle>, StoredStyleError> {
    let mut styles = vec![HouseStyle::default()];
    for (name, body) in workspace.styles()? {
        styles.push(stored(&name, &body)?);
    }
    Ok(styles)
}

/// The workspace's style named `name` (ignoring case); Tideline's own for
/// "tideline" or an empty name.
pub fn workspace_style(workspace: &Workspace, name: &str) -> Result<HouseStyle, StoredStyleError> {
    let name = name.trim();
    if name.is_empty() || name.eq_ignore_ascii_case(DEFAULT_STYLE) {
        return Ok(HouseStyle::default());
    }
    match workspace.style(name)? {
        Some(body) => stored(name, &body),
        None => Err(StoredStyleError::Unknown {
            name: name.to_owned(),
            known: workspace_styles(workspace)?
                .into_iter()
                .map(|style| style.name)
                .collect(),
        }),
    }
}

/// Stores `style` in the workspace, replacing one of its name (returns
/// whether it did); Tideline's own name is refused.
pub fn keep_style(workspace: &mut Workspace, style: &HouseStyle) -> Result<bool, StoredStyleError> {
    if style.name.eq_ignore_ascii_case(DEFAULT_STYLE) {
        return Err(StoredStyleError::Reserved);
    }
    Ok(workspace.put_style(&style.name, style.to_toml())?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_style_is_tidelines_look() {
        let style = HouseStyle::default();
        assert_eq!(style.name, DEFAULT_STYLE);
        assert!(style.kinds.is_empty() && style.logo.is_none());
        assert_eq!(style.typefaces(), Typefaces::default());
    }

    #[test]
    fn a_style_round_trips_through_its_file() {
        let text = r##"
            name = "Newsroom"
            credit = "Graphic: The Daily Planet"
            source-line = "Source: {publishers}"
            date-length = "long"
            [colours.kinds]
            announcement = "#FF0000"
            [colours.dark]
            background = "#000000"
            [logo]
            data = "PHN2ZyB4bWxucz0iaHR0cDovL3d3dy53My5vcmcvMjAwMC9zdmciIHdpZHRoPSI0MCIgaGVpZ2h0PSIyMCIvPg=="
            [presets]
            newsletter = "600x750"
        "##;
        let style = HouseStyle::parse(text, None).unwrap();
        assert_eq!(style.kinds[&EventKind::Announcement], "#ff0000");
        assert_eq!(style.dark.background.as_deref(), Some("#000000"));
        let logo = style.logo.as_ref().unwrap();
        assert_eq!((logo.width, logo.height), (40.0, 20.0));
        assert_eq!(style.size("newsletter").unwrap(), (600.0, 750.0));
        let again = HouseStyle::parse(style.to_toml(), None).unwrap();
        assert_eq!(again, style);
    }

    #[test]
    fn an_edit_changes_only_what_it_names() {
        let style = HouseStyle::default()
            .edited(&StyleEdit {
                name: Some("Desk".to_owned()),
                kinds: BTreeMap::from([("investment".to_owned(), "#FF00AA".to_owned())]),
                dark_background: Some("#000000".to_owned()),
                ..StyleEdit::default()
            })
            .unwrap();
        assert_eq!(style.name, "Desk");
        assert_eq!(style.kinds[&EventKind::Investment], "#ff00aa");
        assert_eq!(style.dark.background.as_deref(), Some("#000000"));
        assert!(style.light.background.is_none());
        let back = style
            .edited(&StyleEdit {
                kinds: BTreeMap::from([("investment".to_owned(), String::new())]),
                ..StyleEdit::default()
            })
            .unwrap();
        assert!(back.kinds.is_empty());
        let bad = StyleEdit {
            kinds: BTreeMap::from([("investment".to_owned(), "pink".to_owned())]),
            ..StyleEdit::default()
        };
        assert!(style.edited(&bad).is_err());
    }

    #[test]
    fn bad_styles_say_what_is_wrong() {
        let error = |text: &str| HouseStyle::parse(text, None).unwrap_err().to_string();
        assert!(
            error("name = \"x\"\n[colours.kinds]\nrumour = \"red\"")
                .contains("colours.kinds.rumour")
        );
        assert!(
            error("name = \"x\"\n[colours.kinds]\ngossip = \"#ffffff\"").contains("unknown name")
        );
        assert!(error("name = \"x\"\nversion = 9").contains("newer"));
        assert!(error("name = \"x\"\n[fonts]\nregular = { file = \"a.ttf\" }").contains("data"));
        assert!(
            error("name = \"x\"\n[fonts]\nregular = { data = \"bm90IGEgZm9udA==\" }")
                .contains("not a TrueType")
        );
        assert!(error("name = \"\"").contains("name"));
        assert!(error("name = \"x\"\nsource-line = \"Sources\"").contains("{publishers}"));
        assert!(error("colour = 1").contains("parse"));
    }
}
