//! Colours of the three themes. Positions and words come from the layout;
//! only colours differ between themes.

use serde::{Deserialize, Serialize};
use tideline_model::{Confidence, EventKind};
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

/// The colours a renderer paints with, as `#rrggbb`.
pub(crate) struct Palette {
    pub background: &'static str,
    pub text: &'static str,
    pub muted: &'static str,
    pub grid: &'static str,
    pub grid_major: &'static str,
    pub axis: &'static str,
    pub lane: Option<&'static str>,
    pub band: &'static str,
    pub band_text: &'static str,
    pub callout: &'static str,
}

impl Theme {
    pub(crate) fn palette(self) -> Palette {
        match self {
            Theme::Light => Palette {
                background: "#ffffff",
                text: "#1b1f24",
                muted: "#5c6570",
                grid: "#eceef1",
                grid_major: "#d5d9de",
                axis: "#59616b",
                lane: Some("#f6f7f9"),
                band: "#fbf0d2",
                band_text: "#7a5a0c",
                callout: "#c99a2e",
            },
            Theme::Dark => Palette {
                background: "#15181d",
                text: "#e9edf2",
                muted: "#a3acb7",
                grid: "#252a31",
                grid_major: "#353c45",
                axis: "#8b949e",
                lane: Some("#1b1f25"),
                band: "#2c2717",
                band_text: "#e0c068",
                callout: "#c99a2e",
            },
            Theme::Print => Palette {
                background: "#ffffff",
                text: "#000000",
                muted: "#3d3d3d",
                grid: "#e0e0e0",
                grid_major: "#b8b8b8",
                axis: "#000000",
                lane: None,
                band: "#ececec",
                band_text: "#3d3d3d",
                callout: "#000000",
            },
        }
    }

    /// The colour of an event of `kind`: deal steps in blues and greens,
    /// regulators in ambers, courts in reds.
    pub(crate) fn kind(self, kind: EventKind) -> &'static str {
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
