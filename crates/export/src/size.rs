//! Named sizes for the places graphics go: an article column, a full-width
//! image, a social card, a slide, a page of A4. Each is an exact size in
//! CSS px; the layout fits the timeline into it.

use serde::Serialize;

/// A named size.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Preset {
    /// The name `--size` takes, e.g. "column-640".
    pub name: &'static str,
    /// What it is for.
    pub label: &'static str,
    pub width: f64,
    pub height: f64,
}

/// The built-in sizes. A4 is 297 × 210 mm at 96 px to the inch.
pub const PRESETS: [Preset; 8] = [
    Preset {
        name: "column-640",
        label: "Article column, 640 px (4:5)",
        width: 640.0,
        height: 800.0,
    },
    Preset {
        name: "column-720",
        label: "Article column, 720 px (4:5)",
        width: 720.0,
        height: 900.0,
    },
    Preset {
        name: "full-1200",
        label: "Full width, 1200 px (16:9)",
        width: 1200.0,
        height: 675.0,
    },
    Preset {
        name: "social-square",
        label: "Social square, 1080 × 1080",
        width: 1080.0,
        height: 1080.0,
    },
    Preset {
        name: "social-portrait",
        label: "Social portrait, 1080 × 1350",
        width: 1080.0,
        height: 1350.0,
    },
    Preset {
        name: "slide",
        label: "Slide, 1920 × 1080",
        width: 1920.0,
        height: 1080.0,
    },
    Preset {
        name: "a4-landscape",
        label: "A4 landscape",
        width: 1123.0,
        height: 794.0,
    },
    Preset {
        name: "a4-portrait",
        label: "A4 portrait",
        width: 794.0,
        height: 1123.0,
    },
];

/// Why a size does not read.
#[derive(Debug, PartialEq, thiserror::Error)]
#[error(
    "unknown size {0:?}: give WIDTHxHEIGHT in px (e.g. 1600x900) or one of column-640, column-720, full-1200, social-square, social-portrait, slide, a4-landscape, a4-portrait"
)]
pub struct UnknownSize(pub String);

/// `(width, height)` of a preset's name or of "WIDTHxHEIGHT".
pub fn parse_size(text: &str) -> Result<(f64, f64), UnknownSize> {
    let text = text.trim();
    if let Some(preset) = PRESETS.iter().find(|p| p.name.eq_ignore_ascii_case(text)) {
        return Ok((preset.width, preset.height));
    }
    let unknown = || UnknownSize(text.to_owned());
    let (w, h) = text.split_once(['x', 'X', '×']).ok_or_else(unknown)?;
    let px = |s: &str| {
        s.trim()
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .map(f64::from)
    };
    Ok((px(w).ok_or_else(unknown)?, px(h).ok_or_else(unknown)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_and_dimensions_read() {
        assert_eq!(parse_size("social-square"), Ok((1080.0, 1080.0)));
        assert_eq!(parse_size("1600x900"), Ok((1600.0, 900.0)));
        assert_eq!(parse_size(" 640 × 480 "), Ok((640.0, 480.0)));
        for bad in ["", "huge", "1600", "0x900", "1600x", "-5x5", "1.5x2"] {
            assert!(parse_size(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_error_names_every_preset() {
        let message = parse_size("tabloid").unwrap_err().to_string();
        for preset in PRESETS {
            assert!(message.contains(preset.name), "{message}");
        }
    }
}
