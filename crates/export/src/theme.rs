//! Colours of the three themes. Positions and words come from the layout;
//! only colours differ between themes.

use serde::{Deserialize, Serialize};
use tideline_model::{Confidence, EventKind};

use crate::style::HouseStyle;
use ts_rs::TS;

/// The palette of an exported graphic.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "ExportTheme")]
pub enum Theme {
    /// Dark text on white, tinted lanes: for screens and articles.
    #[default]
    Light,
    /// Light text on near-black.
    Dark,
    /// Black on white without tints, darker inks, for paper.
    Print,
}

/// The colours a renderer paints with, as `#rrggbb`: a theme's, with a
/// house style's over them.
#[derive(Clone, Debug)]
pub(crate) struct Palette {
    pub background: String,
    pub text: String,
    pub muted: String,
    pub grid: String,
    pub grid_major: String,
    pub axis: String,
    pub lane: Option<String>,
    pub band: String,
    pub band_text: String,
    pub callout: String,
    kinds: Vec<(EventKind, String)>,
    confidence: Vec<(Confidence, String)>,
}

impl Palette {
    /// The colour of an event of `kind`.
    pub fn kind(&self, kind: EventKind) -> &str {
        self.kinds
            .iter()
            .find(|(k, _)| *k == kind)
            .map_or(self.muted.as_str(), |(_, c)| c.as_str())
    }

    /// The colour of a confidence mark in the legend and of a disputed
    /// marker's slash; `None` to use the marker's own.
    pub fn confidence(&self, confidence: Confidence) -> Option<&str> {
        self.confidence
            .iter()
            .find(|(c, _)| *c == confidence)
            .map(|(_, colour)| colour.as_str())
    }
}

impl Theme {
    /// This theme's colours with `style`'s over them: its background and
    /// text (light for the light and print themes), kinds and confidence
    /// marks.
    pub(crate) fn palette(self, style: &HouseStyle) -> Palette {
        let [
            background,
            text,
            muted,
            grid,
            grid_major,
            axis,
            band,
            band_text,
            callout,
        ] = match self {
            Theme::Light => [
                "#ffffff", "#1b1f24", "#5c6570", "#eceef1", "#d5d9de", "#59616b", "#fbf0d2",
                "#7a5a0c", "#c99a2e",
            ],
            Theme::Dark => [
                "#15181d", "#e9edf2", "#a3acb7", "#252a31", "#353c45", "#8b949e", "#2c2717",
                "#e0c068", "#c99a2e",
            ],
            Theme::Print => [
                "#ffffff", "#000000", "#3d3d3d", "#e0e0e0", "#b8b8b8", "#000000", "#ececec",
                "#3d3d3d", "#000000",
            ],
        };
        let lane = match self {
            Theme::Light => Some("#f6f7f9"),
            Theme::Dark => Some("#1b1f25"),
            Theme::Print => None,
        };
        let surface = if self == Theme::Dark {
            &style.dark
        } else {
            &style.light
        };
        Palette {
            background: surface.background.clone().unwrap_or(background.to_owned()),
            text: surface.text.clone().unwrap_or(text.to_owned()),
            muted: muted.to_owned(),
            grid: grid.to_owned(),
            grid_major: grid_major.to_owned(),
            axis: axis.to_owned(),
            lane: lane.map(str::to_owned),
            band: band.to_owned(),
            band_text: band_text.to_owned(),
            callout: callout.to_owned(),
            kinds: EventKind::ALL
                .iter()
                .map(|&kind| {
                    let colour = style
                        .kinds
                        .get(&kind)
                        .cloned()
                        .unwrap_or_else(|| self.kind(kind).to_owned());
                    (kind, colour)
                })
                .collect(),
            confidence: style
                .confidence
                .iter()
                .map(|(c, colour)| (*c, colour.clone()))
                .collect(),
        }
    }

    /// The colour of an event of `kind`: deal steps in blues and greens,
    /// regulators in ambers, courts in reds.
    fn kind(self, kind: EventKind) -> &'static str {
        let dark = self == Theme::Dark;
        match kind {
            EventKind::Rumour => {
                if dark {
                    "#c7ccd3"
                } else {
                    "#b3b9c1"
                }
            }
            EventKind::Announcement => {
                if dark {
                    "#5b9bf0"
                } else {
                    "#2463b4"
                }
            }
            EventKind::Investment => {
                if dark {
                    "#43b57a"
                } else {
                    "#1f8a52"
                }
            }
            EventKind::Mou => {
                if dark {
                    "#7fc3ee"
                } else {
                    "#3a8fcb"
                }
            }
            EventKind::DefinitiveAgreement => {
                if dark {
                    "#8fa8ff"
                } else {
                    "#1c3f8c"
                }
            }
            EventKind::RegulatoryFiling => {
                if dark {
                    "#e8b949"
                } else {
                    "#c08a12"
                }
            }
            EventKind::RegulatoryReview => {
                if dark {
                    "#f0964a"
                } else {
                    "#d06c1a"
                }
            }
            EventKind::Decision => {
                if dark {
                    "#d69a6a"
                } else {
                    "#94551f"
                }
            }
            EventKind::Litigation => {
                if dark {
                    "#f06d62"
                } else {
                    "#c0362c"
                }
            }
            EventKind::Closing => {
                if dark {
                    "#5fd0b0"
                } else {
                    "#0e6b56"
                }
            }
            EventKind::Termination => {
                if dark {
                    "#ff8fa3"
                } else {
                    "#7d1631"
                }
            }
            EventKind::Personnel => {
                if dark {
                    "#c28ff0"
                } else {
                    "#7a3fb0"
                }
            }
            EventKind::Product => {
                if dark {
                    "#4fd1d1"
                } else {
                    "#13898c"
                }
            }
            EventKind::Other => {
                if dark {
                    "#9aa5b4"
                } else {
                    "#8a939e"
                }
            }
        }
    }
}

/// How a marker of this confidence is stroked: solid fill, ring, dashed
/// ring, or ring with a slash.
pub(crate) fn hollow(confidence: Confidence) -> bool {
    confidence != Confidence::Confirmed
}
