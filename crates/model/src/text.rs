//! Text measurement with the fonts text is drawn in.
//!
//! The UI sets labels in Inter (CSS `font-family: "Inter"`), so the layout
//! measures them with the same font's advance widths. Kerning and shaping are
//! ignored; the browser's result can differ by a few px, which the layout
//! absorbs by keeping `label_gap_px` of padding after every label.
//!
//! Exported graphics are set in [`Typefaces`]: for each [`Face`], a chain
//! of [`Font`]s (a house style's own, then Inter, then a CJK fallback),
//! each character in the first that has it. The layout measures with the
//! chain the exporters draw with.

use std::collections::HashMap;
use std::fmt;
use std::sync::{Mutex, OnceLock};

use serde::Serialize;

/// Measures the width of a line of text.
pub trait TextMeasure {
    /// Advance width in px of `text` set at `size_px`.
    fn width(&self, text: &str, size_px: f64) -> f64;
}

/// Characters below this code point (Basic Latin through Latin Extended-B)
/// are looked up in a dense table.
const TABLE_LEN: usize = 0x250;

/// Horizontal advances of a font, precomputed for the characters labels use.
///
/// Characters the font lacks get the average advance of its lowercase
/// letters.
#[derive(Clone, Debug)]
pub struct FontMetrics {
    units_per_em: f64,
    /// Advances in font units for U+0000..U+024F; `None` if the font lacks
    /// the glyph.
    table: Box<[Option<u16>]>,
    /// Advances of every other character the font has.
    others: HashMap<char, u16>,
    /// Advance in font units for any other character.
    fallback: f64,
}

impl FontMetrics {
    /// Reads the advances from an OpenType/TrueType font, or `None` if the
    /// data is not a font.
    pub fn from_font_data(data: &[u8]) -> Option<FontMetrics> {
        let face = ttf_parser::Face::parse(data, 0).ok()?;
        let units_per_em = f64::from(face.units_per_em());
        if units_per_em <= 0.0 {
            return None;
        }
        let advance = |c: char| {
            face.glyph_index(c)
                .and_then(|glyph| face.glyph_hor_advance(glyph))
        };
        let table: Box<[Option<u16>]> = (0..TABLE_LEN as u32)
            .map(|code| char::from_u32(code).and_then(advance))
            .collect();
        let mut others = HashMap::new();
        if let Some(cmap) = face.tables().cmap {
            for subtable in cmap.subtables.into_iter().filter(|t| t.is_unicode()) {
                subtable.codepoints(|code| {
                    if let Some(c) = char::from_u32(code)
                        && (code as usize) >= TABLE_LEN
                        && let Some(advance) = advance(c)
                    {
                        others.insert(c, advance);
                    }
                });
            }
        }
        let lowercase: Vec<f64> = ('a'..='z')
            .filter_map(|c| table[c as usize])
            .map(f64::from)
            .collect();
        let fallback = if lowercase.is_empty() {
            units_per_em / 2.0
        } else {
            lowercase.iter().sum::<f64>() / lowercase.len() as f64
        };
        Some(FontMetrics {
            units_per_em,
            table,
            others,
            fallback,
        })
    }

    /// Inter Regular, the face of event and tick labels.
    pub fn inter_regular() -> &'static FontMetrics {
        &Font::inter(Face::Regular).metrics
    }

    /// Advance of `c` in font units, if the font has it.
    fn known(&self, c: char) -> Option<u16> {
        match self.table.get(c as usize) {
            Some(&advance) => advance,
            None => self.others.get(&c).copied(),
        }
    }

    /// Advance of `c` in font units.
    fn advance(&self, c: char) -> f64 {
        self.known(c).map_or(self.fallback, f64::from)
    }

    /// Whether the font has a glyph for `c`.
    pub fn has(&self, c: char) -> bool {
        self.known(c).is_some()
    }
}

impl TextMeasure for FontMetrics {
    fn width(&self, text: &str, size_px: f64) -> f64 {
        let units: f64 = text.chars().map(|c| self.advance(c)).sum();
        units * size_px / self.units_per_em
    }
}

/// The three faces graphics are set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Face {
    Regular,
    SemiBold,
    Italic,
}

impl Face {
    pub const ALL: [Face; 3] = [Face::Regular, Face::SemiBold, Face::Italic];

    /// Its place in [`Face::ALL`].
    pub fn index(self) -> usize {
        match self {
            Face::Regular => 0,
            Face::SemiBold => 1,
            Face::Italic => 2,
        }
    }
}

/// A font file, loaded once per process and kept: graphics, their
/// exporters and their layout share it by reference.
pub struct Font {
    /// Unique in the process, in load order.
    pub id: usize,
    pub data: &'static [u8],
    pub metrics: FontMetrics,
    /// The family and weight the font says it has (its name and OS/2
    /// tables), for text that a PDF viewer draws with it.
    pub family: String,
    pub weight: u16,
    pub italic: bool,
}

impl fmt::Debug for Font {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Font({} {}, {} bytes)",
            self.family,
            self.weight,
            self.data.len()
        )
    }
}

/// Why a font file cannot be used.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum FontError {
    #[error("the file is not a TrueType or OpenType font")]
    NotAFont,
    #[error(
        "the font {family:?} does not allow embedding (its licence sets it as restricted); use a font whose licence allows embedding, such as one under the SIL Open Font License"
    )]
    Restricted { family: String },
    #[error(
        "the font {family:?} allows only bitmaps to be embedded, not outlines; use a font whose licence allows outline embedding"
    )]
    BitmapOnly { family: String },
    #[error(
        "the font {family:?} does not allow subsetting, which exports need to embed only the glyphs they use"
    )]
    NoSubsetting { family: String },
}

impl Font {
    /// Loads a font file, checking that its licence allows embedding it
    /// (the OS/2 table's fsType): a restricted font, or one that allows
    /// only bitmaps or no subsetting, is refused. The same bytes loaded
    /// twice give the same font.
    pub fn load(data: &[u8]) -> Result<&'static Font, FontError> {
        static LOADED: Mutex<Vec<&'static Font>> = Mutex::new(Vec::new());
        let mut loaded = LOADED.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(font) = loaded.iter().find(|font| font.data == data) {
            return Ok(font);
        }
        let face = ttf_parser::Face::parse(data, 0).map_err(|_| FontError::NotAFont)?;
        let family = face
            .names()
            .into_iter()
            .filter(|name| {
                name.is_unicode()
                    && matches!(
                        name.name_id,
                        ttf_parser::name_id::TYPOGRAPHIC_FAMILY | ttf_parser::name_id::FAMILY
                    )
            })
            .min_by_key(|name| name.name_id != ttf_parser::name_id::TYPOGRAPHIC_FAMILY)
            .and_then(|name| name.to_string())
            .unwrap_or_else(|| "Unnamed".to_owned());
        // The OS/2 table's fsType; a font without one sets no limits.
        if let Some(os2) = face.tables().os2 {
            if os2.permissions() == Some(ttf_parser::Permissions::Restricted) {
                return Err(FontError::Restricted { family });
            }
            if !os2.is_outline_embedding_allowed() {
                return Err(FontError::BitmapOnly { family });
            }
            if !os2.is_subsetting_allowed() {
                return Err(FontError::NoSubsetting { family });
            }
        }
        let metrics = FontMetrics::from_font_data(data).ok_or(FontError::NotAFont)?;
        let font: &'static Font = Box::leak(Box::new(Font {
            id: loaded.len(),
            data: Box::leak(data.to_vec().into_boxed_slice()),
            metrics,
            weight: face.weight().to_number(),
            italic: face.is_italic(),
            family,
        }));
        loaded.push(font);
        Ok(font)
    }

    /// The bundled Inter face.
    pub fn inter(face: Face) -> &'static Font {
        static FONTS: OnceLock<[&'static Font; 3]> = OnceLock::new();
        FONTS.get_or_init(|| {
            [
                include_bytes!("../../../assets/fonts/Inter-Regular.otf").as_slice(),
                include_bytes!("../../../assets/fonts/Inter-SemiBold.otf"),
                include_bytes!("../../../assets/fonts/Inter-Italic.otf"),
            ]
            .map(|data| Font::load(data).expect("bundled Inter is an embeddable font"))
        })[face.index()]
    }

    /// The bundled fallback for Japanese and Chinese: the characters of
    /// Tideline's own words in those languages, and kana.
    pub fn cjk() -> &'static Font {
        static FONT: OnceLock<&'static Font> = OnceLock::new();
        FONT.get_or_init(|| {
            Font::load(include_bytes!(
                "../../../assets/fonts/DroidSansFallback-Tideline.ttf"
            ))
            .expect("the bundled CJK fallback is an embeddable font")
        })
    }
}

/// The fonts of each face, tried in turn for each character.
#[derive(Clone, PartialEq)]
pub struct Typefaces([Vec<&'static Font>; 3]);

impl fmt::Debug for Typefaces {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.0.iter().map(|chain| chain.len()))
            .finish()
    }
}

impl PartialEq for Font {
    fn eq(&self, other: &Font) -> bool {
        self.id == other.id
    }
}

impl Default for Typefaces {
    /// Inter, then the CJK fallback.
    fn default() -> Typefaces {
        Typefaces::with(|_| None)
    }
}

impl Typefaces {
    /// Each face's own font where `own` has one, then Inter, then the
    /// CJK fallback.
    pub fn with(own: impl Fn(Face) -> Option<&'static Font>) -> Typefaces {
        Typefaces(Face::ALL.map(|face| {
            own(face)
                .into_iter()
                .chain([Font::inter(face), Font::cjk()])
                .collect()
        }))
    }

    /// The fonts of `face`, first choice first.
    pub fn chain(&self, face: Face) -> &[&'static Font] {
        &self.0[face.index()]
    }

    /// Every font of every face, each once, in order of first use.
    pub fn fonts(&self) -> Vec<&'static Font> {
        let mut all: Vec<&'static Font> = Vec::new();
        for font in self.0.iter().flatten() {
            if !all.iter().any(|f| f.id == font.id) {
                all.push(font);
            }
        }
        all
    }

    /// The font of `face` that draws `c`: the first that has it, else the
    /// first.
    pub fn font_for(&self, face: Face, c: char) -> &'static Font {
        let chain = self.chain(face);
        chain
            .iter()
            .find(|font| font.metrics.has(c))
            .unwrap_or(&chain[0])
    }

    /// `text` cut into runs, each set in one font: (font, byte range).
    pub fn runs(&self, face: Face, text: &str) -> Vec<(&'static Font, std::ops::Range<usize>)> {
        let mut runs: Vec<(&'static Font, std::ops::Range<usize>)> = Vec::new();
        for (at, c) in text.char_indices() {
            // A character the current run's font has stays in that run.
            let font = match runs.last() {
                Some((font, _)) if font.metrics.has(c) => *font,
                _ => self.font_for(face, c),
            };
            match runs.last_mut() {
                Some((last, range)) if last.id == font.id => range.end = at + c.len_utf8(),
                _ => runs.push((font, at..at + c.len_utf8())),
            }
        }
        runs
    }

    /// Advance width in px of `text` in `face` at `size_px`.
    pub fn width(&self, face: Face, text: &str, size_px: f64) -> f64 {
        self.runs(face, text)
            .into_iter()
            .map(|(font, range)| font.metrics.width(&text[range], size_px))
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_letters_are_wider() {
        for face in Face::ALL {
            let font = &Font::inter(face).metrics;
            assert!(font.width("MMMM", 12.0) > font.width("iiii", 12.0));
        }
    }

    #[test]
    fn width_scales_linearly_with_size() {
        let font = FontMetrics::inter_regular();
        let text = "Signing – Q3 2021 “Closing”";
        let at_12 = font.width(text, 12.0);
        assert!(at_12 > 0.0);
        assert!((font.width(text, 24.0) - 2.0 * at_12).abs() < 1e-9);
        assert!((font.width(text, 6.0) - at_12 / 2.0).abs() < 1e-9);
    }

    #[test]
    fn empty_text_has_no_width() {
        assert_eq!(FontMetrics::inter_regular().width("", 12.0), 0.0);
    }

    #[test]
    fn plausible_size_for_a_label() {
        // Inter's lowercase averages a little over half an em.
        let width = FontMetrics::inter_regular().width("abcdefghij", 12.0);
        assert!((50.0..80.0).contains(&width), "{width}");
    }

    #[test]
    fn unknown_characters_use_the_fallback() {
        let font = FontMetrics::inter_regular();
        assert!(font.width("漢", 12.0) > 0.0);
        assert_eq!(font.width("漢", 12.0), font.width("字", 12.0));
    }

    #[test]
    fn garbage_is_not_a_font() {
        assert!(FontMetrics::from_font_data(b"not a font").is_none());
    }
}
