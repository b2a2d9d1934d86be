//! The bundled Inter faces, the only fonts exports ever load.

use std::sync::{Arc, OnceLock};

use tideline_model::graphic::Face;

pub(crate) const REGULAR: &[u8] = include_bytes!("../../../assets/fonts/Inter-Regular.otf");
pub(crate) const SEMIBOLD: &[u8] = include_bytes!("../../../assets/fonts/Inter-SemiBold.otf");
pub(crate) const ITALIC: &[u8] = include_bytes!("../../../assets/fonts/Inter-Italic.otf");

pub(crate) fn data(face: Face) -> &'static [u8] {
    match face {
        Face::Regular => REGULAR,
        Face::SemiBold => SEMIBOLD,
        Face::Italic => ITALIC,
    }
}

/// A font database holding the bundled faces and nothing else.
pub(crate) fn database() -> Arc<resvg::usvg::fontdb::Database> {
    static DATABASE: OnceLock<Arc<resvg::usvg::fontdb::Database>> = OnceLock::new();
    DATABASE
        .get_or_init(|| {
            let mut db = resvg::usvg::fontdb::Database::new();
            for data in [REGULAR, SEMIBOLD, ITALIC] {
                db.load_font_data(data.to_vec());
            }
            db.set_sans_serif_family("Inter");
            Arc::new(db)
        })
        .clone()
}
