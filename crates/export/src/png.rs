//! PNG: the outline SVG rasterised by resvg (tiny-skia), at 1×, 2× or 3×.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;
use tideline_model::graphic::Graphic;

use crate::svg::{self, Text};
use crate::{ExportError, ExportOptions};

pub(crate) fn render(graphic: &Graphic, options: &ExportOptions) -> Result<Vec<u8>, ExportError> {
    let error = |message: String| ExportError::Render {
        format: "PNG",
        message,
    };
    let document = svg::render(graphic, options.theme, Text::Outlines);
    // Text is already outlines: the tree needs no fonts at all.
    let tree = usvg::Tree::from_str(&document, &usvg::Options::default())
        .map_err(|e| error(e.to_string()))?;
    let scale = f32::from(options.scale);
    let width = (graphic.width * f64::from(options.scale)).ceil() as u32;
    let height = (graphic.height * f64::from(options.scale)).ceil() as u32;
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| error(format!("{width}×{height} px is too large")))?;
    resvg::render(
        &tree,
        Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    pixmap.encode_png().map_err(|e| error(e.to_string()))
}
