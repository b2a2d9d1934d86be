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
//!
//! A comparison ([`render_comparison`]) goes through the same layout (on a
//! relative T−/T+ axis, one lane per timeline) and the same painters; its
//! brief adds the milestone and duration tables.
//!
//! Output is deterministic: only the bundled fonts are ever loaded (never
//! the system's), no clock is read and nothing iterates a hash map, so the
//! same timeline and options give byte-identical files.

mod compare;
mod fonts;
mod input;
pub mod markdown;
mod pdf;
mod png;
mod svg;
mod theme;

use serde::{Deserialize, Serialize};
use tideline_model::graphic::{Graphic, Orientation, lay_out_graphic};
use tideline_store::views::{ComparisonView, TimelineView};
use ts_rs::TS;

pub use compare::comparison_input;
pub use input::graphic_input;
pub use markdown::Grouping;
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
}

impl Format {
    /// The file extension: "svg", "png", "pdf", "md".
    pub fn extension(self) -> &'static str {
        match self {
            Format::Svg => "svg",
            Format::Png => "png",
            Format::Pdf => "pdf",
            Format::Markdown => "md",
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
}

impl Default for ExportOptions {
    fn default() -> ExportOptions {
        ExportOptions {
            orientation: Orientation::Horizontal,
            width: None,
            scale: 1,
            theme: Theme::Light,
            from: None,
            to: None,
            lanes: None,
            descriptions: false,
            group: Grouping::Year,
            image: None,
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

/// Exports `view` as `format`.
pub fn render(
    view: &TimelineView,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    check(options)?;
    match format {
        Format::Markdown => Ok(markdown::brief(view, options)?.into_bytes()),
        _ => paint(&graphic(view, options)?, format, options),
    }
}

/// Exports a comparison as `format`, through the same layout and painters
/// as a timeline.
pub fn render_comparison(
    view: &ComparisonView,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    check(options)?;
    match format {
        Format::Markdown => Ok(compare::comparison_brief(view, options)?.into_bytes()),
        _ => paint(
            &lay_out_graphic(&comparison_input(view, options)?),
            format,
            options,
        ),
    }
}

/// Refuses options out of range.
fn check(options: &ExportOptions) -> Result<(), ExportError> {
    if !(1..=3).contains(&options.scale) {
        return Err(ExportError::InvalidOption {
            option: "scale",
            message: format!("{} is not 1, 2 or 3", options.scale),
        });
    }
    if let Some(width) = options.width
        && !(240.0..=20_000.0).contains(&width)
    {
        return Err(ExportError::InvalidOption {
            option: "width",
            message: format!("{width} px is not between 240 and 20000"),
        });
    }
    Ok(())
}

/// Paints a laid-out graphic as SVG, PNG or PDF.
fn paint(
    graphic: &Graphic,
    format: Format,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Svg => Ok(svg::render(graphic, options.theme, svg::Text::Outlines).into_bytes()),
        Format::Png => png::render(graphic, options),
        Format::Pdf => pdf::render(graphic, options.theme),
        Format::Markdown => Err(ExportError::Render {
            format: "Markdown",
            message: "a brief is written, not painted".to_owned(),
        }),
    }
}

/// The laid-out graphic of `view`, as the SVG, PNG and PDF exports draw it
/// (for a preview that draws it itself).
pub fn graphic(view: &TimelineView, options: &ExportOptions) -> Result<Graphic, ExportError> {
    Ok(lay_out_graphic(&graphic_input(view, options)?))
}
