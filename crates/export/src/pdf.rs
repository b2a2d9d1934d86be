//! PDF: the graphic with real text, drawn by krilla (through krilla-svg)
//! with the style's fonts (or the bundled Inter) embedded as subsets, so text can be
//! selected and extracted. krilla writes its objects in a fixed order and
//! no creation date unless one is set, so the file depends on its input
//! only.

use krilla::Document;
use krilla::geom::Size;
use krilla::page::PageSettings;
use krilla_svg::{SurfaceExt, SvgSettings};
use resvg::usvg;
use tideline_model::graphic::Graphic;

use crate::svg::{self, Look, Text};
use crate::{ExportError, fonts};

pub(crate) fn render(graphic: &Graphic, look: &Look<'_>) -> Result<Vec<u8>, ExportError> {
    let error = |message: String| ExportError::Render {
        format: "PDF",
        message,
    };
    let document = svg::render(graphic, look, Text::Fonts);
    let options = usvg::Options {
        font_family: look.fonts.fonts()[0].family.clone(),
        fontdb: fonts::database(&look.fonts),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(&document, &options).map_err(|e| error(e.to_string()))?;
    let (width, height) = (graphic.width as f32, graphic.height as f32);
    let size = Size::from_wh(width, height)
        .ok_or_else(|| error(format!("{width}×{height} is no page size")))?;
    let mut pdf = Document::new();
    let mut page = pdf.start_page_with(PageSettings::new(size));
    let mut surface = page.surface();
    surface
        .draw_svg(&tree, size, SvgSettings::default())
        .ok_or_else(|| error("the graphic could not be drawn".to_owned()))?;
    surface.finish();
    page.finish();
    pdf.finish().map_err(|e| error(format!("{e:?}")))
}
