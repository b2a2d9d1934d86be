//! Text measurement with the bundled Inter font.
//!
//! The UI sets labels in Inter (CSS `font-family: "Inter"`), so the layout
//! measures them with the same font's advance widths. Kerning and shaping are
//! ignored; the browser's result can differ by a few px, which the layout
//! absorbs by keeping `label_gap_px` of padding after every label.

use std::sync::OnceLock;

use ttf_parser::Face;

/// Measures the width of a line of text.
pub trait TextMeasure {
    /// Advance width in px of `text` set at `size_px`.
    fn width(&self, text: &str, size_px: f64) -> f64;
}

/// Characters below this code point (Basic Latin through Latin Extended-B)
/// are looked up in a dense table.
const TABLE_LEN: usize = 0x250;

/// Common typographic punctuation outside the dense table, sorted by code
/// point.
const EXTRA_CHARS: [char; 19] = [
    '\u{2013}', // –
    '\u{2014}', // —
    '\u{2018}', // ‘
    '\u{2019}', // ’
    '\u{201A}', // ‚
    '\u{201C}', // “
    '\u{201D}', // ”
    '\u{201E}', // „
    '\u{2020}', // †
    '\u{2021}', // ‡
    '\u{2022}', // •
    '\u{2026}', // …
    '\u{2030}', // ‰
    '\u{2032}', // ′
    '\u{2039}', // ‹
    '\u{203A}', // ›
    '\u{20AC}', // €
    '\u{2122}', // ™
    '\u{2212}', // −
];

/// Horizontal advances of a font, precomputed for the characters labels use.
///
/// Characters the font lacks, and characters outside U+0000..U+024F and
/// common punctuation, get the average advance of the lowercase letters.
#[derive(Clone, Debug)]
pub struct FontMetrics {
    units_per_em: f64,
    /// Advances in font units for U+0000..U+024F; `None` if the font lacks
    /// the glyph.
    table: Box<[Option<u16>]>,
    /// Advances for [`EXTRA_CHARS`] present in the font, sorted by char.
    extra: Box<[(char, u16)]>,
    /// Advance in font units for any other character.
    fallback: f64,
}

impl FontMetrics {
    /// Reads the advances from an OpenType/TrueType font, or `None` if the
    /// data is not a font.
    pub fn from_font_data(data: &[u8]) -> Option<FontMetrics> {
        let face = Face::parse(data, 0).ok()?;
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
        let extra = EXTRA_CHARS
            .iter()
            .filter_map(|&c| advance(c).map(|a| (c, a)))
            .collect();
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
            extra,
            fallback,
        })
    }

    /// Inter Regular, the face of event and tick labels.
    pub fn inter_regular() -> &'static FontMetrics {
        static METRICS: OnceLock<FontMetrics> = OnceLock::new();
        METRICS.get_or_init(|| {
            FontMetrics::from_font_data(include_bytes!("../../../assets/fonts/Inter-Regular.otf"))
                .expect("bundled Inter-Regular.otf is a valid font")
        })
    }

    /// Inter SemiBold, the face of headers.
    pub fn inter_semibold() -> &'static FontMetrics {
        static METRICS: OnceLock<FontMetrics> = OnceLock::new();
        METRICS.get_or_init(|| {
            FontMetrics::from_font_data(include_bytes!("../../../assets/fonts/Inter-SemiBold.otf"))
                .expect("bundled Inter-SemiBold.otf is a valid font")
        })
    }

    /// Inter Italic, the face of notes and annotations in exported graphics.
    pub fn inter_italic() -> &'static FontMetrics {
        static METRICS: OnceLock<FontMetrics> = OnceLock::new();
        METRICS.get_or_init(|| {
            FontMetrics::from_font_data(include_bytes!("../../../assets/fonts/Inter-Italic.otf"))
                .expect("bundled Inter-Italic.otf is a valid font")
        })
    }

    /// Advance of `c` in font units.
    fn advance(&self, c: char) -> f64 {
        let known = match self.table.get(c as usize) {
            Some(&advance) => advance,
            None => self
                .extra
                .binary_search_by_key(&c, |&(k, _)| k)
                .ok()
                .map(|i| self.extra[i].1),
        };
        known.map_or(self.fallback, f64::from)
    }
}

impl TextMeasure for FontMetrics {
    fn width(&self, text: &str, size_px: f64) -> f64 {
        let units: f64 = text.chars().map(|c| self.advance(c)).sum();
        units * size_px / self.units_per_em
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_chars_are_sorted() {
        assert!(EXTRA_CHARS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn wide_letters_are_wider() {
        for font in [
            FontMetrics::inter_regular(),
            FontMetrics::inter_semibold(),
            FontMetrics::inter_italic(),
        ] {
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
