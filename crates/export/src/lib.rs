//! Tideline's exporters: a whole timeline as an SVG, PNG or PDF graphic, or
//! as a sourced Markdown brief.
//!
//! One layout, many renderers: [`render`] turns a [`TimelineView`] into the
//! model's [`GraphicInput`] (lanes, crop and descriptions chosen by
//! [`ExportOptions`]), lays it out once with
//! [`tideline_model::graphic::lay_out_graphic`], and paints that layout:
//!
//! - SVG ([`Format::Svg`]): self-contained, text drawn as the bundled Inter
//!   glyph outlines (defined once, reused), so it looks the same in a browser
//!   that lacks Inter; the words stay in `aria-label`s.
//! - PNG ([`Format::Png`]): that picture rasterised at 1×, 2× or 3× by
//!   resvg (the SVG's shapes) and tiny-skia (its glyph outlines), in strips
//!   on every core, written as opaque RGB with fast compression.
//! - PDF ([`Format::Pdf`]): the same picture with real text, converted by
//!   svg2pdf with the bundled fonts embedded, so text can be selected and
//!   extracted.
//! - Markdown ([`Format::Markdown`]): the chronology with footnoted sources
//!   and durations between milestones (see [`markdown`]).
//! - HTML ([`Format::Html`]): one self-contained web page, the chronology
//!   with its sources and the wide graphic inline, that fetches nothing
//!   (see `html.rs`).
//!
//! A comparison ([`render_comparison`]) goes through the same layout (on a
//! relative T−/T+ axis, one lane per timeline) and the same painters; its
//! brief adds the milestone and duration tables.
//!
//! Every export is made in a [`HouseStyle`] (fonts, colours, logo, credit;
//! see [`style`]) and a language ([`ExportOptions::locale`]).
//!
//! Output is deterministic: only the style's and the bundled fonts are
//! ever loaded (never the system's), no clock is read and nothing iterates
//! a hash map, so the same timeline, options and style give
//! byte-identical files.

mod compare;
mod fonts;
mod html;
mod input;
pub mod markdown;
mod page_data;
mod pdf;
mod png;
pub mod size;
pub mod style;
mod svg;
mod theme;

use serde::{Deserialize, Serialize};
use tideline_model::Locale;
use tideline_model::graphic::{Graphic, MAX_SIDE_PX, Orientation, lay_out_graphic};
use tideline_store::views::{ComparisonView, TimelineView};
use ts_rs::TS;

pub use compare::comparison_input;
pub use input::graphic_input;
pub use markdown::Grouping;
pub use style::{
    DEFAULT_STYLE, HouseStyle, KindColours, NamedSize, PageColours, StoredStyleError, StyleEdit,
    StyleError, StyleSummary, keep_style, workspace_style, workspace_styles,
};
pub use theme::Theme;

/// What to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "RenderFormat")]
pub enum Format {
    Svg,
    Png,
    Pdf,
    #[serde(rename = "md")]
    Markdown,
    Html,
}

impl Format {
    /// The file extension: "svg", "png", "pdf", "md", "html".
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Markdown => "md",
            Format::Html => "html",
        }
    }
}

/// How to export. Every field has a default, so `{}` is a valid value.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ExportOptions {
    /// Wide (horizontal) or tall (vertical) graphic.
    #[ts(type = "\"horizontal\" | \"vertical\"")]
    pub orientation: Orientation,
    /// Width in px (CSS px: at scale 1 one PNG pixel); `None` for the
    /// orientation's default, 1600 wide or 480 tall.
    pub width: Option<f64>,
    /// Height in px: the graphic is exactly this tall, labelling the most
    /// important events when it cannot label all. `None`: as tall as it
    /// needs, up to 16,384 px (see [`size`] for named sizes).
    pub height: Option<f64>,
    /// PNG pixels per px: 1, 2 or 3.
    pub scale: u8,
    pub theme: Theme,
    /// Only events and spans from this date on (EDTF or a human form such
    /// as "2023" or "Q1 2024"): those that end on or after its start.
    pub from: Option<String>,
    /// Only events and spans up to this date: those that start before its
    /// end.
    pub to: Option<String>,
    /// Only these lanes (ids), in the timeline's order; `None` for all.
    #[ts(type = "Array<number> | null")]
    pub lanes: Option<Vec<i64>>,
    /// Whether events show their descriptions.
    pub descriptions: bool,
    /// Markdown: group the chronology by year or by lane.
    pub group: Grouping,
    /// Markdown: a path or URL of an exported graphic to show under the
    /// title.
    pub image: Option<String>,
    /// The language (BCP 47: "en-GB", "de", "zh-Hans"); `None` for
    /// British English.
    pub locale: Option<String>,
    /// The house style's name; `None` for Tideline's own. The caller
    /// looks it up and passes the [`HouseStyle`].
    pub style: Option<String>,
}

impl Default for ExportOptions {
    fn default() -> ExportOptions {
        ExportOptions {
            orientation: Orientation::Horizontal,
            width: None,
            height: None,
            scale: 1,
            theme: Theme::Light,
            from: None,
            to: None,
            lanes: None,
            descriptions: false,
            group: Grouping::Year,
            image: None,
            locale: None,
            style: None,
        }
    }
}

/// Why an export failed.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// An option is out of range or does not parse.
    #[error("invalid export option {option}: {message}")]
    InvalidOption {
        option: &'static str,
        message: String,
    },
    /// The timeline holds a date that does not parse.
    #[error("event {event} has an invalid date: {message}")]
    InvalidDate { event: i64, message: String },
    /// The renderer failed on the graphic it was given.
    #[error("could not render the {format}: {message}")]
    Render {
        format: &'static str,
        message: String,
    },
}

/// An exported file, and what its graphic had to leave out.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    pub bytes: Vec<u8>,
    /// Events drawn as marks without labels, for want of room.
    pub unlabelled: usize,
    /// Events counted per period instead of drawn one by one.
    pub summarised: usize,
}

impl Rendered {
    fn of(bytes: Vec<u8>, graphic: Option<&Graphic>) -> Rendered {
        Rendered {
            bytes,
            unlabelled: graphic.map_or(0, |g| g.unlabelled),
            summarised: graphic.map_or(0, |g| g.summarised),
        }
    }

    /// What a user should be told about the file, a line each: events
    /// left without labels or summarised.
    pub fn notes(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.unlabelled > 0 {
            notes.push(format!(
                "note: {} of the events are drawn without labels: the size holds no more legibly",
                self.unlabelled
            ));
        }
        if self.summarised > 0 {
            notes.push(format!(
                "note: {} events are too dense to draw one by one and are counted per period",
                self.summarised
            ));
        }
        notes
    }
}

/// Exports `view` as `format` in Tideline's own style.
pub fn render(
    view: &TimelineView,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    Ok(export(view, format, options, &HouseStyle::default())?.bytes)
}

/// Exports `view` as `format` in `style`, saying what the graphic left
/// out.
pub fn export(
    view: &TimelineView,
    format: Format,
    options: &ExportOptions,
    style: &HouseStyle,
) -> Result<Rendered, ExportError> {
    check(options)?;
    match format {
        Format::Markdown => Ok(Rendered::of(
            markdown::brief(view, options, style)?.into_bytes(),
            None,
        )),
        Format::Html => {
            let graphic = graphic(view, options, style)?;
            let svg = svg::render(&graphic, &look(options, style), svg::Text::Outlines);
            Ok(Rendered::of(
                html::page(view, options, style, &svg)?.into_bytes(),
                Some(&graphic),
            ))
        }
        _ => {
            let graphic = graphic(view, options, style)?;
            Ok(Rendered::of(
                paint(&graphic, format, options, style)?,
                Some(&graphic),
            ))
        }
    }
}

/// Exports a comparison as `format` in Tideline's own style, through the
/// same layout and painters as a timeline.
pub fn render_comparison(
    view: &ComparisonView,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    Ok(export_comparison(view, format, options, &HouseStyle::default())?.bytes)
}

/// Exports a comparison as `format` in `style`, saying what the graphic
/// left out.
pub fn export_comparison(
    view: &ComparisonView,
    format: Format,
    options: &ExportOptions,
    style: &HouseStyle,
) -> Result<Rendered, ExportError> {
    check(options)?;
    match format {
        Format::Markdown => Ok(Rendered::of(
            compare::comparison_brief(view, options, style)?.into_bytes(),
            None,
        )),
        Format::Html => {
            let input = comparison_input(view, options, style)?;
            let graphic = lay_out_graphic(&input);
            let svg = svg::render(&graphic, &look(options, style), svg::Text::Outlines);
            Ok(Rendered::of(
                html::comparison_page(view, &input, options, style, &svg)?.into_bytes(),
                Some(&graphic),
            ))
        }
        _ => {
            let graphic = lay_out_graphic(&comparison_input(view, options, style)?);
            Ok(Rendered::of(
                paint(&graphic, format, options, style)?,
                Some(&graphic),
            ))
        }
    }
}

/// The language `options` ask for.
pub fn locale(options: &ExportOptions) -> Result<Locale, ExportError> {
    match options.locale.as_deref() {
        None | Some("") => Ok(Locale::EnGb),
        Some(tag) => Locale::parse(tag).map_err(|e| ExportError::InvalidOption {
            option: "locale",
            message: e.to_string(),
        }),
    }
}

/// Refuses options out of range.
fn check(options: &ExportOptions) -> Result<(), ExportError> {
    locale(options)?;
    if !(1..=3).contains(&options.scale) {
        return Err(ExportError::InvalidOption {
            option: "scale",
            message: format!("{} is not 1, 2 or 3", options.scale),
        });
    }
    for (option, value) in [("width", options.width), ("height", options.height)] {
        if let Some(px) = value
            && !(240.0..=MAX_SIDE_PX).contains(&px)
        {
            return Err(ExportError::InvalidOption {
                option,
                message: format!("{px} px is not between 240 and {MAX_SIDE_PX}"),
            });
        }
    }
    Ok(())
}

/// Paints a laid-out graphic as SVG, PNG or PDF.
fn paint(
    graphic: &Graphic,
    format: Format,
    options: &ExportOptions,
    style: &HouseStyle,
) -> Result<Vec<u8>, ExportError> {
    let look = look(options, style);
    match format {
        Format::Svg => Ok(svg::render(graphic, &look, svg::Text::Outlines).into_bytes()),
        Format::Png => png::render(graphic, &look, options),
        Format::Pdf => pdf::render(graphic, &look),
        Format::Markdown | Format::Html => Err(ExportError::Render {
            format: "text",
            message: "a brief or a page is written, not painted".to_owned(),
        }),
    }
}

/// What the painters draw with: the theme's colours and the style's fonts
/// and logo.
fn look<'s>(options: &ExportOptions, style: &'s HouseStyle) -> svg::Look<'s> {
    svg::Look {
        palette: options.theme.palette(style),
        fonts: style.typefaces(),
        logo: style.logo.as_ref(),
    }
}

/// The snippet that embeds `view`'s web page (at `page`, a URL or a path
/// relative to the snippet) in another page: an `<iframe>` titled as the
/// timeline that grows to the height the page posts, and a `<noscript>`
/// picture (at `picture`, the PNG export) whose alt text sums the timeline
/// up.
pub fn embed_snippet(
    view: &TimelineView,
    options: &ExportOptions,
    style: &HouseStyle,
    page: &str,
    picture: &str,
) -> Result<String, ExportError> {
    check(options)?;
    let height = graphic(view, options, style)?.height;
    html::embed(view, options, style, page, picture, height + 160.0)
}

/// The laid-out graphic of `view`, as the SVG, PNG and PDF exports draw it
/// (for a preview that draws it itself).
pub fn graphic(
    view: &TimelineView,
    options: &ExportOptions,
    style: &HouseStyle,
) -> Result<Graphic, ExportError> {
    Ok(lay_out_graphic(&graphic_input(view, options, style)?))
}

/// `view` as SVG in `style`, for a live preview: what the SVG export
/// writes.
pub fn preview(
    view: &TimelineView,
    options: &ExportOptions,
    style: &HouseStyle,
) -> Result<String, ExportError> {
    let bytes = export(view, Format::Svg, options, style)?.bytes;
    Ok(String::from_utf8(bytes).expect("SVG is UTF-8"))
}
