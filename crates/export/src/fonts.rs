//! The font database of a PDF export: the style's fonts and the bundled
//! ones, and nothing else (never the system's).

use std::sync::Arc;

use tideline_model::text::Typefaces;

/// A font database holding exactly the fonts of `fonts`.
pub(crate) fn database(fonts: &Typefaces) -> Arc<resvg::usvg::fontdb::Database> {
    let mut db = resvg::usvg::fontdb::Database::new();
    for font in fonts.fonts() {
        db.load_font_data(font.data.to_vec());
    }
    let first = &fonts.fonts()[0].family;
    db.set_sans_serif_family(first.clone());
    Arc::new(db)
}
