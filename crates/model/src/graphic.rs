//! The graphic of a whole timeline, laid out once for every exporter.
//!
//! [`lay_out_graphic`] turns a timeline (lanes, events, shaded spans, notes
//! and a credit line) into a [`Graphic`]: a page of a given width with every
//! text line, rule, shaded area, event marker and legend swatch at its place.
//! The SVG, PNG and PDF exporters only paint it, so they all show the same
//! picture; colours are theirs, positions and words are decided here.
//!
//! Two orientations:
//!
//! - [`Orientation::Horizontal`] (wide, 1600 px by default) reuses
//!   [`layout::lay_out`]: the same tick ladder and the same row packing as
//!   the canvas, with a label block (date, title, description, callouts)
//!   instead of a one-line label, so blocks never overlap.
//! - [`Orientation::Vertical`] (tall, for phones, 400–600 px wide) puts time
//!   down a vertical axis. Blocks follow each other in date order; time runs
//!   at a steady scale except where blocks need more room, where the axis
//!   stretches (ticks stay in order, so the years still read top to bottom).
//!   Ranges are bars in tracks beside the axis.
//!
//! A comparison is the same graphic on a relative axis
//! ([`GraphicInput::t0_minute`]): one lane per timeline, ticks read as T−/T+
//! offsets.
//!
//! Text is measured with the input's [`Typefaces`], the fonts the
//! exporters draw with, and dates and fixed words are in its
//! [`Locale`]. Everything is pure and deterministic:
//! inputs are kept in their given order and nothing reads the clock.

use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::date::{Date, Precision};
use crate::event::{Confidence, EventKind};
use crate::layout::{self, LayoutInput, LayoutStyle, Viewport};
pub use crate::text::Face;
use crate::text::Typefaces;
use tideline_locale::{DateLength, Locale, Words};

mod pack;

/// Which way time runs.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Orientation {
    /// Left to right, lanes stacked: the wide graphic.
    #[default]
    Horizontal,
    /// Top to bottom on one axis: the tall graphic for phones.
    Vertical,
}

impl Orientation {
    /// The width a graphic has unless one is asked for.
    pub fn default_width(self) -> f64 {
        match self {
            Orientation::Horizontal => 1600.0,
            Orientation::Vertical => 480.0,
        }
    }
}

/// What to draw.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphicInput {
    pub title: String,
    pub subtitle: String,
    /// Lanes in their order; items in any order.
    pub lanes: Vec<GraphicLane>,
    /// Shaded spans ("regulatory scrutiny").
    pub spans: Vec<SpanInput>,
    /// Notes on the whole timeline, printed under the graphic.
    pub notes: Vec<String>,
    /// The credit line, e.g. "Sources: …".
    pub credit: String,
    pub width_px: f64,
    /// The exact height: the graphic fits into it, labelling the most
    /// important events when it cannot label them all. `None`: as tall as
    /// it needs, up to [`MAX_SIDE_PX`].
    pub height_px: Option<f64>,
    pub orientation: Orientation,
    /// Whether events show their descriptions.
    pub descriptions: bool,
    /// Whether neighbouring lanes may share rows when the graphic is too
    /// tall (a timeline's lanes may; a comparison's, one per deal, keep
    /// their bands).
    pub lanes_share_rows: bool,
    /// A relative axis: the minute where T0 sits, and ticks read as
    /// offsets from it ("T0", "T+6 mo", "T−1 y"). A comparison draws one
    /// lane per timeline with each timeline's events moved so that its T0
    /// falls here. `None`: calendar dates.
    pub t0_minute: Option<i64>,
    /// The language of dates and fixed words.
    pub locale: Locale,
    /// How long dates are written.
    pub date_length: DateLength,
    /// The fonts text is set in, and measured with.
    pub fonts: Typefaces,
    /// A logo's own width and height, drawn at the top right at most
    /// [`LOGO_HEIGHT_PX`] tall.
    pub logo: Option<(f64, f64)>,
}

/// The height of a logo, unless that would make it wider than a third of
/// the page.
pub const LOGO_HEIGHT_PX: f64 = 32.0;

#[derive(Clone, Debug, PartialEq)]
pub struct GraphicLane {
    pub id: i64,
    pub name: String,
    pub items: Vec<GraphicItem>,
}

/// An event as the graphic shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct GraphicItem {
    pub id: i64,
    pub title: String,
    /// Plain text; shown when [`GraphicInput::descriptions`] is set.
    pub description: String,
    pub start: Date,
    pub end: Option<Date>,
    pub ongoing: bool,
    pub kind: EventKind,
    pub confidence: Confidence,
    /// 1 to 5; the more important events keep their labels when a graphic
    /// cannot label them all.
    pub importance: u8,
    /// Annotations on this event, drawn as callouts under its label.
    pub callouts: Vec<String>,
    /// The date line shown instead of the dates (an event moved onto a
    /// relative axis keeps its real date and gains its offset).
    pub date_text: Option<String>,
}

/// A shaded span of time with its label.
#[derive(Clone, Debug, PartialEq)]
pub struct SpanInput {
    pub start: Date,
    pub end: Date,
    pub text: String,
}

/// A laid-out graphic, in px from its top left corner. Paint `areas`, then
/// `rules`, `marks`, `swatches` and `texts`, in their order.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Graphic {
    pub width: f64,
    pub height: f64,
    pub orientation: Orientation,
    /// Events drawn as marks without labels, for want of room.
    pub unlabelled: usize,
    /// Events too dense to draw one by one, counted per period instead.
    pub summarised: usize,
    pub areas: Vec<Area>,
    pub rules: Vec<Rule>,
    pub marks: Vec<Mark>,
    pub swatches: Vec<Swatch>,
    pub texts: Vec<Text>,
    /// Where the house style's logo goes, at the top right.
    pub logo: Option<Frame>,
}

/// A box to draw something in.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Frame {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

/// A filled rectangle.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Area {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    pub role: AreaRole,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AreaRole {
    /// The background of every other lane.
    Lane,
    /// A shaded span.
    Band,
    /// A bar of a summary: how many events fall in its stretch of time.
    Density,
}

/// A straight line.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Rule {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
    pub role: RuleRole,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum RuleRole {
    /// The time axis.
    Axis,
    /// A tick's gridline.
    Grid,
    /// A major tick's gridline.
    GridMajor,
    /// The rule above a lane.
    Divider,
    /// The bar beside a callout.
    Callout,
    /// The rule above the notes and credit.
    Footer,
    /// The line from a marker down to its hanging label.
    Leader,
}

/// An event's marker, with its range bar and precision whisker.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mark {
    pub event_id: i64,
    pub kind: EventKind,
    pub confidence: Confidence,
    /// Centre of the marker.
    pub x: f64,
    pub y: f64,
    pub radius: f64,
    /// A range's bar.
    pub bar: Option<Segment>,
    /// Still going on: the bar runs to the edge and ends in an arrow.
    pub ongoing: bool,
    /// The interval a coarse date stands for ("all of 2021"), when it is
    /// wider than the marker.
    pub whisker: Option<Segment>,
    /// The date is approximate or uncertain.
    pub fuzzy: bool,
}

/// A horizontal or vertical segment.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Segment {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

/// A legend's symbol, centred on `(x, y)`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Swatch {
    pub x: f64,
    pub y: f64,
    pub symbol: Symbol,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Symbol {
    Kind(EventKind),
    Confidence(Confidence),
    /// An approximate or uncertain date.
    Fuzzy,
    /// A date known to a month, quarter or year.
    Whisker,
    Range,
    Band,
}

/// One line of text; `y` is its baseline.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Text {
    pub x: f64,
    pub y: f64,
    pub text: String,
    pub style: TextStyle,
    pub size_px: f64,
    pub anchor: Anchor,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    Start,
    End,
}

/// What a line of text is, which decides its face and colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TextStyle {
    Title,
    Subtitle,
    /// A lane's name.
    Heading,
    Tick,
    TickMajor,
    /// An event's date line.
    Date,
    /// An event's title.
    Label,
    Description,
    Callout,
    /// A shaded span's label.
    Band,
    Legend,
    /// A note on the timeline.
    Note,
    Credit,
}

impl TextStyle {
    pub fn face(self) -> Face {
        match self {
            TextStyle::Title | TextStyle::Heading | TextStyle::TickMajor | TextStyle::Date => {
                Face::SemiBold
            }
            TextStyle::Callout | TextStyle::Band | TextStyle::Note => Face::Italic,
            _ => Face::Regular,
        }
    }

    /// Size in px; titles are smaller in the tall graphic.
    fn size(self, orientation: Orientation) -> f64 {
        let tall = orientation == Orientation::Vertical;
        match self {
            TextStyle::Title if tall => 24.0,
            TextStyle::Title => 32.0,
            TextStyle::Subtitle if tall => 15.0,
            TextStyle::Subtitle => 18.0,
            TextStyle::Heading => 13.0,
            TextStyle::Tick | TextStyle::TickMajor => 12.0,
            TextStyle::Date => 12.0,
            TextStyle::Label => 13.0,
            TextStyle::Description | TextStyle::Callout | TextStyle::Band => 12.0,
            TextStyle::Legend | TextStyle::Note => 12.0,
            TextStyle::Credit => 12.0,
        }
    }
}

/// Height of a line box: 1.3 em, rounded to whole px.
fn line_height(size: f64) -> f64 {
    (size * 1.3).round()
}

/// Inter's cap height, in em.
const CAP_HEIGHT: f64 = 0.727;
/// Radius of an event marker.
const MARKER_R: f64 = 6.0;
/// The widths a horizontal label is tried at, widest first: a narrower
/// label takes more lines but lets a neighbour sit beside it.
const LABEL_WIDTHS: [f64; 4] = [300.0, 240.0, 190.0, 150.0];
/// Height of a lane's strip of unlabelled marks, and their radius.
const STRIP_PX: f64 = 12.0;
const STRIP_MARKER_R: f64 = 3.5;
/// Width of a summary bar: unlabelled events denser than one per bin are
/// counted instead of drawn.
const SUMMARY_BIN_PX: f64 = 4.0;
/// Between a marker and the label beside it.
const TEXT_GAP_PX: f64 = 5.0;
/// Between a leader and the label hanging from it.
const HANG_GAP_PX: f64 = 5.0;
/// What a label over the next marker costs, as px lower (a date line).
const COVER_PX: f64 = 16.0;
/// Lines of an event title at most; then an ellipsis.
const TITLE_LINES: usize = 3;
/// Lines of a description at most, horizontal and vertical.
const DESCRIPTION_LINES: [usize; 2] = [3, 6];
/// Space above a block's text for the marker line (horizontal).
const MARK_LINE_PX: f64 = 16.0;
/// Space between two blocks.
const BLOCK_GAP_PX: f64 = 14.0;
/// A vertical graphic's time scale before stretching: px per year.
const TALL_PX_PER_YEAR: f64 = 140.0;
const MINUTES_PER_YEAR: f64 = 365.25 * 1440.0;

/// The longest side a graphic may have, in px: past it image viewers and
/// browsers give up, so a graphic with no height set labels fewer events
/// and then summarises rather than grow.
pub const MAX_SIDE_PX: f64 = 16_384.0;
/// Space a label needs at least (a short title on two lines, with its
/// date): bounds how many labels a page can hold before any is tried.
const MIN_LABEL_AREA_PX: f64 = 150.0 * 60.0;
/// Labels on one graphic at most: more is a list, not a picture, and
/// fitting them would take seconds.
const MAX_LABELS: usize = 800;

/// Lays out `input`: every event labelled if the page holds them, else the
/// most important ones (see [`priority`]) with the rest drawn as marks.
pub fn lay_out_graphic(input: &GraphicInput) -> Graphic {
    let width = if input.width_px.is_finite() {
        input.width_px.clamp(240.0, MAX_SIDE_PX)
    } else {
        input.orientation.default_width()
    };
    let height = input
        .height_px
        .filter(|h| h.is_finite())
        .map(|h| h.clamp(240.0, MAX_SIDE_PX));
    let budget = height.unwrap_or(MAX_SIDE_PX);
    let order = priority(input);
    let most = order
        .len()
        .min((width * budget / MIN_LABEL_AREA_PX).ceil() as usize)
        .min(MAX_LABELS);
    let labelled = |k: usize| {
        let mut mask: Vec<Vec<bool>> = input
            .lanes
            .iter()
            .map(|lane| vec![false; lane.items.len()])
            .collect();
        for &(lane, item) in &order[..k] {
            mask[lane][item] = true;
        }
        mask
    };
    let mut blocks = BlockCache::default();
    let compose =
        |mask: &[Vec<bool>], bands: &[Range<usize>], fill: f64, blocks: &mut BlockCache| {
            compose(input, width, mask, bands, fill, blocks)
        };
    // First every lane on its own and every label it can hold; then
    // neighbouring lanes share rows, the pair that saves most first; then
    // fewer labels (a binary search for the most that fit, then any of
    // the rest that still fit: see `Page::grow`).
    let mut bands: Vec<Range<usize>> = (0..input.lanes.len()).map(|l| l..l + 1).collect();
    let mut mask = labelled(most);
    let mut graphic = compose(&mask, &bands, 0.0, &mut blocks);
    // Sharing rows saves a fraction of the height, never most of it.
    while graphic.height > budget
        && graphic.height < 2.0 * budget
        && bands.len() > 1
        && input.lanes_share_rows
        && input.orientation == Orientation::Horizontal
    {
        let (merged, shorter) = (0..bands.len() - 1)
            .map(|j| {
                let mut merged = bands.clone();
                merged[j] = merged[j].start..merged[j + 1].end;
                merged.remove(j + 1);
                let graphic = compose(&mask, &merged, 0.0, &mut blocks);
                (merged, graphic)
            })
            .min_by(|(_, a), (_, b)| a.height.total_cmp(&b.height))
            .expect("two bands or more");
        if shorter.height >= graphic.height {
            break;
        }
        (bands, graphic) = (merged, shorter);
    }
    if graphic.height > budget {
        // Labels take height about in proportion: search up to twice the
        // share that would fit.
        let guess = (most as f64 * 2.0 * budget / graphic.height).ceil() as usize;
        let (mut fits, mut too_many) = (0, most.min(guess.max(1)));
        if compose(&labelled(too_many), &bands, 0.0, &mut blocks).height <= budget {
            fits = too_many;
            too_many = most;
        }
        while too_many - fits > 1 {
            let k = fits + (too_many - fits) / 2;
            if compose(&labelled(k), &bands, 0.0, &mut blocks).height <= budget {
                fits = k;
            } else {
                too_many = k;
            }
        }
        mask = labelled(fits);
        graphic = compose(&mask, &bands, 0.0, &mut blocks);
        if input.orientation == Orientation::Horizontal {
            let mut more = mask.clone();
            let page = Page::new(input, width);
            let slack = budget - graphic.height;
            page.grow(
                input,
                &order[fits..most],
                &bands,
                slack,
                &mut more,
                &mut blocks,
            );
            let grown = compose(&more, &bands, 0.0, &mut blocks);
            if grown.height <= budget {
                (mask, graphic) = (more, grown);
            }
        }
    }
    if let Some(height) = height
        && graphic.height < height
    {
        graphic = compose(&mask, &bands, height - graphic.height, &mut blocks);
    }
    if let Some(height) = height {
        graphic.height = height;
    }
    graphic
}

/// Every item as (lane, index), most important first: by importance, then
/// milestones before other kinds; among equals, spread over time (the
/// bit-reversed place in date order: the first, the middle, the quarters…),
/// so that the first labels chosen cover the whole span.
fn priority(input: &GraphicInput) -> Vec<(usize, usize)> {
    let mut order: Vec<(usize, usize)> = input
        .lanes
        .iter()
        .enumerate()
        .flat_map(|(l, lane)| (0..lane.items.len()).map(move |i| (l, i)))
        .collect();
    let item = |&(l, i): &(usize, usize)| &input.lanes[l].items[i];
    order.sort_by_key(|at| (item(at).start.start_minute(), item(at).id, *at));
    let mut ranked: Vec<(u8, u8, u32, (usize, usize))> = order
        .iter()
        .enumerate()
        .map(|(place, at)| {
            let it = item(at);
            (
                u8::MAX - it.importance,
                kind_rank(it.kind),
                (place as u32).reverse_bits(),
                *at,
            )
        })
        .collect();
    ranked.sort_unstable();
    ranked.into_iter().map(|(.., at)| at).collect()
}

/// Milestones first: the steps a reader of a deal looks for.
fn kind_rank(kind: EventKind) -> u8 {
    match kind {
        EventKind::DefinitiveAgreement | EventKind::Closing | EventKind::Termination => 0,
        EventKind::Decision | EventKind::Announcement | EventKind::Investment => 1,
        EventKind::RegulatoryFiling | EventKind::RegulatoryReview | EventKind::Litigation => 2,
        EventKind::Mou | EventKind::Personnel | EventKind::Product => 3,
        EventKind::Rumour | EventKind::Other => 4,
    }
}

/// A label: (lane, item, width it wraps to, whether its band is shared and
/// so names the lane).
type BlockKey = (usize, usize, u32, bool);

/// Label blocks already measured: fitting tries many label counts and
/// bands and would measure the same blocks again.
#[derive(Default)]
struct BlockCache(std::collections::HashMap<BlockKey, Block>);

/// One layout with the labels of `labelled` and the lanes grouped in
/// `bands` (wide only); `fill` more px spread over the bands (or the tall
/// axis).
fn compose(
    input: &GraphicInput,
    width: f64,
    labelled: &[Vec<bool>],
    bands: &[Range<usize>],
    fill: f64,
    blocks: &mut BlockCache,
) -> Graphic {
    let mut page = Page::new(input, width);
    let margin = page.margin;
    let mut y = margin;
    // The logo at the top right; the title and subtitle wrap beside it.
    let logo = input
        .logo
        .filter(|(w, h)| *w > 0.0 && *h > 0.0)
        .map(|(w, h)| {
            let width = (w * LOGO_HEIGHT_PX / h).min(page.content_width() / 3.0);
            Frame {
                x: page.graphic.width - margin - width,
                y: margin,
                width,
                height: h * width / w,
            }
        });
    let full = page.content_width();
    let beside = logo.map_or(full, |frame| full - frame.width - 16.0);
    y = page.paragraph_within(&input.title, TextStyle::Title, y, 3, beside);
    if !input.subtitle.is_empty() {
        y = page.paragraph_within(&input.subtitle, TextStyle::Subtitle, y + 4.0, 3, beside);
    }
    if let Some(frame) = logo {
        y = y.max(frame.y + frame.height + 4.0);
    }
    page.graphic.logo = logo;
    y = page.legend(input, y + 14.0);
    let has_items = input.lanes.iter().any(|lane| !lane.items.is_empty());
    y = if !has_items {
        let none = page.words.text("graphic.no-events");
        page.paragraph(none, TextStyle::Note, y + 16.0, 1)
    } else {
        match input.orientation {
            Orientation::Horizontal => {
                page.horizontal(input, y + 18.0, labelled, bands, fill, blocks)
            }
            Orientation::Vertical => page.vertical(input, y + 18.0, labelled, fill),
        }
    };
    y = page.footer(input, y + 20.0);
    page.graphic.height = (y + page.margin).ceil();
    page.graphic
}

/// The graphic being built.
struct Page {
    graphic: Graphic,
    margin: f64,
    fonts: Typefaces,
    words: &'static Words,
    length: DateLength,
}

/// An event's label block: its lines, top to bottom.
struct Block {
    lines: Vec<(String, TextStyle)>,
    /// Index of the first callout line, if any.
    callouts_from: Option<usize>,
    width: f64,
    height: f64,
}

impl Block {
    fn new(
        lines: Vec<(String, TextStyle)>,
        callouts_from: Option<usize>,
        o: Orientation,
        fonts: &Typefaces,
    ) -> Block {
        let width = lines
            .iter()
            .map(|(text, style)| measure(fonts, text, *style, o))
            .fold(0.0, f64::max);
        let height = lines
            .iter()
            .map(|(_, style)| line_height(style.size(o)))
            .sum();
        Block {
            lines,
            callouts_from,
            width,
            height,
        }
    }
}

/// An item with its lane.
struct Entry<'a> {
    item: &'a GraphicItem,
    lane: usize,
    labelled: bool,
}

impl Page {
    /// An empty page of `width`.
    fn new(input: &GraphicInput, width: f64) -> Page {
        Page {
            graphic: Graphic {
                width,
                height: 0.0,
                orientation: input.orientation,
                unlabelled: 0,
                summarised: 0,
                areas: Vec::new(),
                rules: Vec::new(),
                marks: Vec::new(),
                swatches: Vec::new(),
                texts: Vec::new(),
                logo: None,
            },
            margin: match input.orientation {
                Orientation::Horizontal => 40.0,
                Orientation::Vertical => 20.0,
            },
            fonts: input.fonts.clone(),
            words: input.locale.words(),
            length: input.date_length,
        }
    }

    fn orientation(&self) -> Orientation {
        self.graphic.orientation
    }

    fn content_width(&self) -> f64 {
        self.graphic.width - 2.0 * self.margin
    }

    fn measure(&self, text: &str, style: TextStyle) -> f64 {
        measure(&self.fonts, text, style, self.orientation())
    }

    fn wrap(&self, text: &str, style: TextStyle, max_width: f64, max_lines: usize) -> Vec<String> {
        wrap(
            &self.fonts,
            text,
            style,
            self.orientation(),
            max_width,
            max_lines,
        )
    }

    /// An event's dates in the graphic's language.
    fn date_label(&self, item: &GraphicItem) -> String {
        date_label(item, self.words, self.length)
    }

    /// Adds one line of text whose line box starts at `top`; returns its bottom.
    fn line(&mut self, x: f64, top: f64, text: &str, style: TextStyle, anchor: Anchor) -> f64 {
        let size = style.size(self.orientation());
        let height = line_height(size);
        self.graphic.texts.push(Text {
            x,
            y: top + (height + CAP_HEIGHT * size) / 2.0,
            text: text.to_owned(),
            style,
            size_px: size,
            anchor,
        });
        top + height
    }

    /// Wraps `text` across the content width from `top`; returns the bottom.
    fn paragraph(&mut self, text: &str, style: TextStyle, top: f64, max_lines: usize) -> f64 {
        self.paragraph_within(text, style, top, max_lines, self.content_width())
    }

    /// Wraps `text` across `width` from `top`; returns the bottom.
    fn paragraph_within(
        &mut self,
        text: &str,
        style: TextStyle,
        top: f64,
        max_lines: usize,
        width: f64,
    ) -> f64 {
        let mut y = top;
        for line in self.wrap(text, style, width, max_lines) {
            y = self.line(self.margin, y, &line, style, Anchor::Start);
        }
        y
    }

    /// Draws `block` with its text's top at `top`, starting at `x` or,
    /// anchored at the end, ending there (callout bars on that side).
    fn block(&mut self, block: &Block, x: f64, top: f64, anchor: Anchor) {
        let toward = match anchor {
            Anchor::Start => 1.0,
            Anchor::End => -1.0,
        };
        let mut y = top;
        for (i, (text, style)) in block.lines.iter().enumerate() {
            let indent = if block.callouts_from.is_some_and(|from| i >= from) {
                let bottom = y + line_height(style.size(self.orientation()));
                self.graphic.rules.push(Rule {
                    x1: x + toward,
                    y1: y + 2.0,
                    x2: x + toward,
                    y2: bottom - 2.0,
                    role: RuleRole::Callout,
                });
                8.0
            } else {
                0.0
            };
            y = self.line(x + toward * indent, y, text, *style, anchor);
        }
    }

    /// The label block of an event, at most `max_width` wide.
    fn label(
        &self,
        item: &GraphicItem,
        lane: Option<&str>,
        descriptions: bool,
        max_width: f64,
    ) -> Block {
        let o = self.orientation();
        let mut date = self.date_label(item);
        if item.confidence != Confidence::Confirmed {
            date = format!("{date} · {}", confidence_label(self.words, item.confidence));
        }
        if let Some(lane) = lane {
            date = format!("{date} · {lane}");
        }
        let mut lines: Vec<(String, TextStyle)> = self
            .wrap(&date, TextStyle::Date, max_width, 2)
            .into_iter()
            .map(|line| (line, TextStyle::Date))
            .collect();
        let mut push = |text: &str, style: TextStyle, max_lines: usize, width: f64| {
            lines.extend(
                self.wrap(text, style, width, max_lines)
                    .into_iter()
                    .map(|line| (line, style)),
            );
        };
        push(&item.title, TextStyle::Label, TITLE_LINES, max_width);
        if descriptions && !item.description.trim().is_empty() {
            let max = DESCRIPTION_LINES[usize::from(o == Orientation::Vertical)];
            push(&item.description, TextStyle::Description, max, max_width);
        }
        let callouts_from = (!item.callouts.is_empty()).then_some(lines.len());
        for callout in &item.callouts {
            lines.extend(
                self.wrap(callout, TextStyle::Callout, max_width - 8.0, 3)
                    .into_iter()
                    .map(|line| (line, TextStyle::Callout)),
            );
        }
        Block::new(lines, callouts_from, o, &self.fonts)
    }

    /// The legend: the kinds shown, then confidence and date conventions.
    fn legend(&mut self, input: &GraphicInput, top: f64) -> f64 {
        let items = || input.lanes.iter().flat_map(|lane| &lane.items);
        let mut entries: Vec<(Symbol, String)> = EventKind::ALL
            .iter()
            .filter(|kind| items().any(|item| item.kind == **kind))
            .map(|kind| (Symbol::Kind(*kind), kind_label(self.words, *kind)))
            .collect();
        if items().any(|item| item.confidence != Confidence::Confirmed) {
            entries.extend(
                Confidence::ALL
                    .iter()
                    .filter(|c| items().any(|item| item.confidence == **c))
                    .map(|c| (Symbol::Confidence(*c), confidence_label(self.words, *c))),
            );
        }
        if items().any(|item| item.end.is_some() || item.ongoing) {
            entries.push((
                Symbol::Range,
                self.words.text("graphic.legend-period").to_owned(),
            ));
        }
        if items().any(|item| item.end.is_none() && !item.ongoing && is_coarse(item.start))
            && self.orientation() == Orientation::Horizontal
        {
            let text = self.words.text("graphic.legend-whisker").to_owned();
            entries.push((Symbol::Whisker, text));
        }
        if items().any(is_fuzzy) {
            let text = self.words.text("graphic.legend-fuzzy").to_owned();
            entries.push((Symbol::Fuzzy, text));
        }
        if !input.spans.is_empty() {
            entries.push((
                Symbol::Band,
                self.words.text("graphic.legend-band").to_owned(),
            ));
        }
        let o = self.orientation();
        let size = TextStyle::Legend.size(o);
        let row = line_height(size) + 6.0;
        let (left, right) = (self.margin, self.graphic.width - self.margin);
        let (mut x, mut y) = (left, top);
        for (symbol, text) in entries {
            let width = 22.0 + self.measure(&text, TextStyle::Legend);
            if x > left && x + width > right {
                x = left;
                y += row;
            }
            self.graphic.swatches.push(Swatch {
                x: x + 7.0,
                y: y + row / 2.0,
                symbol,
            });
            self.line(x + 20.0, y + 3.0, &text, TextStyle::Legend, Anchor::Start);
            x += width + 20.0;
        }
        if x > left { y + row } else { y }
    }

    /// Notes and the credit line under a rule.
    fn footer(&mut self, input: &GraphicInput, top: f64) -> f64 {
        self.graphic.rules.push(Rule {
            x1: self.margin,
            y1: top,
            x2: self.graphic.width - self.margin,
            y2: top,
            role: RuleRole::Footer,
        });
        let mut y = top + 8.0;
        for note in &input.notes {
            let note = self.words.fill("graphic.note", &[("text", note)]);
            y = self.paragraph(&note, TextStyle::Note, y, 6);
        }
        for (n, key) in [
            (self.graphic.unlabelled, "graphic.unlabelled"),
            (self.graphic.summarised, "graphic.summarised"),
        ] {
            if n > 0 {
                let words = self.words.count(key, n as f64, 0, &[]);
                y = self.paragraph(&words, TextStyle::Note, y, 2);
            }
        }
        if !input.credit.is_empty() {
            y = self.paragraph(&input.credit, TextStyle::Credit, y + 2.0, 8);
        }
        y
    }

    /// The wide graphic: axis and shaded spans, then each lane with its
    /// events packed (see [`pack`]): labels wrapped to the width that
    /// keeps the lane lowest, right of their marker or left of it. Events
    /// not in `labelled` are marks in a strip at the top of their lane, or
    /// bars counting them where they are too dense to draw one by one.
    /// `fill` px are shared out over the lanes. Returns the bottom.
    fn horizontal(
        &mut self,
        input: &GraphicInput,
        top: f64,
        labelled: &[Vec<bool>],
        bands: &[Range<usize>],
        fill: f64,
        blocks: &mut BlockCache,
    ) -> f64 {
        let o = Orientation::Horizontal;
        let axis = self.axis(input);
        let (plot_left, right, viewport) = (axis.left, axis.right, &axis.viewport);
        let x_of = |minute: f64| axis.x_of(minute);
        let ticks = layout::lay_out(
            &LayoutInput {
                timelines: &[],
                viewport: viewport.clone(),
                today_minute: None,
            },
            &LayoutStyle {
                locale: self.words.locale(),
                ..LayoutStyle::screen()
            },
            &self.fonts.chain(Face::Regular)[0].metrics,
        );

        // Axis labels, then one row per stacked span label.
        let tick_top = top;
        let axis_y = tick_top + line_height(TextStyle::Tick.size(o)) + 6.0;
        let spans = self.span_labels(input, viewport, plot_left, axis_y + 8.0);
        let lanes_top = spans.bottom + 4.0;

        let lanes: Vec<PackedLane> = bands
            .iter()
            .map(|members| self.pack_lane(input, members, labelled, &axis, blocks))
            .collect();
        let share = fill / lanes.len().max(1) as f64;
        let bottom = lanes_top + lanes.iter().map(|lane| lane.height + share).sum::<f64>();

        for span in &input.spans {
            let (x1, x2) = (
                x_of(span.start.start_minute() as f64).max(plot_left),
                x_of(span.end.end_minute() as f64).min(right),
            );
            if x2 > x1 {
                self.graphic.areas.push(Area {
                    x: x1,
                    y: axis_y,
                    width: x2 - x1,
                    height: bottom - axis_y,
                    role: AreaRole::Band,
                });
            }
        }
        self.graphic.texts.extend(spans.texts);

        // Where the last tick label ends: a label that would run into it
        // is left out (a long "2024年第1四半期" hides the "Q2" after it).
        let mut labels_end = f64::NEG_INFINITY;
        // The stretch before the first tick gets a label of its own.
        if ticks.ticks.first().is_none_or(|tick| tick.x > 60.0) {
            let precision = match ticks.tick_unit {
                layout::TickUnit::Year
                | layout::TickUnit::Decade
                | layout::TickUnit::Century
                | layout::TickUnit::Millennium => Precision::Year,
                _ => Precision::Month,
            };
            let start = Date::from_minute(viewport.start_minute.ceil() as i64, precision);
            let label = axis_label(
                input,
                start.start_minute(),
                start.display_in(self.words, self.length),
            );
            let x = plot_left - MARKER_R + 4.0;
            labels_end = x + self.measure(&label, TextStyle::Tick);
            self.line(x, tick_top, &label, TextStyle::Tick, Anchor::Start);
        }
        for tick in &ticks.ticks {
            let x = plot_left + tick.x;
            let style = if tick.major {
                TextStyle::TickMajor
            } else {
                TextStyle::Tick
            };
            self.graphic.rules.push(Rule {
                x1: x,
                y1: axis_y - 6.0,
                x2: x,
                y2: bottom,
                role: if tick.major {
                    RuleRole::GridMajor
                } else {
                    RuleRole::Grid
                },
            });
            let label = axis_label(input, tick.minute, tick.label.clone());
            let end = x + 4.0 + self.measure(&label, style);
            if end <= right + self.margin && x + 4.0 >= labels_end + 6.0 {
                self.line(x + 4.0, tick_top, &label, style, Anchor::Start);
                labels_end = end;
            }
        }
        self.graphic.rules.push(Rule {
            x1: self.margin,
            y1: axis_y,
            x2: self.graphic.width - self.margin,
            y2: axis_y,
            role: RuleRole::Axis,
        });

        let mut lane_top = lanes_top;
        for (band_index, lane) in lanes.iter().enumerate() {
            let height = lane.height + share;
            if band_index % 2 == 1 {
                self.graphic.areas.push(Area {
                    x: self.margin,
                    y: lane_top,
                    width: self.content_width(),
                    height,
                    role: AreaRole::Lane,
                });
            }
            self.graphic.rules.push(Rule {
                x1: self.margin,
                y1: lane_top,
                x2: self.graphic.width - self.margin,
                y2: lane_top,
                role: RuleRole::Divider,
            });
            self.line(
                self.margin + 4.0,
                lane_top + 6.0,
                &lane.name,
                TextStyle::Heading,
                Anchor::Start,
            );
            if let Some(strip) = lane.strip {
                self.strip(input, &lane.loose, lane_top + strip, &x_of, right);
            }
            for placed in &lane.placed {
                let item = &input.lanes[placed.lane].items[placed.item];
                let block = &blocks.0[&placed.key];
                let (x, y) = (placed.x, lane_top + placed.mark_y);
                self.graphic.marks.push(Mark {
                    event_id: item.id,
                    kind: item.kind,
                    confidence: item.confidence,
                    x,
                    y,
                    radius: MARKER_R,
                    bar: placed.bar_end.map(|end| Segment {
                        x1: x,
                        y1: y,
                        x2: end.clamp(plot_left - MARKER_R, right + MARKER_R),
                        y2: y,
                    }),
                    ongoing: item.ongoing && item.end.is_none(),
                    whisker: placed.whisker.map(|(x1, x2)| Segment {
                        x1,
                        y1: y,
                        x2,
                        y2: y,
                    }),
                    fuzzy: is_fuzzy(item),
                });
                if let Some((y1, y2)) = placed.leader {
                    self.graphic.rules.push(Rule {
                        x1: x,
                        y1: lane_top + y1,
                        x2: x,
                        y2: lane_top + y2,
                        role: RuleRole::Leader,
                    });
                }
                self.block(
                    block,
                    placed.text_x,
                    lane_top + placed.text_top,
                    placed.anchor,
                );
            }
            lane_top += height;
        }
        bottom
    }

    /// Labels more events of `candidates` (most important first), each
    /// that the page still holds: packing is not monotonic in the labels,
    /// so one that does not fit may leave room for the next. `slack` is
    /// the px the page has to spare with `labelled`; each try packs only
    /// its own band again.
    fn grow(
        &self,
        input: &GraphicInput,
        candidates: &[(usize, usize)],
        bands: &[Range<usize>],
        slack: f64,
        labelled: &mut [Vec<bool>],
        blocks: &mut BlockCache,
    ) {
        let axis = self.axis(input);
        let mut heights: Vec<f64> = bands
            .iter()
            .map(|members| {
                self.pack_lane(input, members, labelled, &axis, blocks)
                    .height
            })
            .collect();
        // A px kept for the page's rounding.
        let room = heights.iter().sum::<f64>() + slack - 1.0;
        for &(lane, item) in candidates {
            let band = bands
                .iter()
                .position(|members| members.contains(&lane))
                .expect("every lane is in a band");
            labelled[lane][item] = true;
            let packed = self
                .pack_lane(input, &bands[band], labelled, &axis, blocks)
                .height;
            if heights.iter().sum::<f64>() - heights[band] + packed <= room {
                heights[band] = packed;
            } else {
                labelled[lane][item] = false;
            }
        }
    }

    /// Where time falls across the wide graphic's plot.
    fn axis(&self, input: &GraphicInput) -> Axis {
        let left = self.margin + MARKER_R;
        let plot_width = self.content_width() - 2.0 * MARKER_R;
        let viewport = data_viewport(input, plot_width);
        Axis {
            left,
            right: left + plot_width,
            scale: plot_width / (viewport.end_minute - viewport.start_minute),
            viewport,
        }
    }

    /// Packs a band: a lane, or adjacent lanes sharing rows. Labels beside
    /// their markers; where that stacks a cluster, markers in a row at the
    /// top with labels hanging below, if that is lower.
    fn pack_lane(
        &self,
        input: &GraphicInput,
        members: &Range<usize>,
        labelled: &[Vec<bool>],
        axis: &Axis,
        blocks: &mut BlockCache,
    ) -> PackedLane {
        let beside = self.pack_band(input, members, labelled, false, axis, blocks);
        match beside {
            Some(lane) if lane.placed.len() < 2 => lane,
            beside => {
                let hung = self
                    .pack_band(input, members, labelled, true, axis, blocks)
                    .expect("a band that hangs its labels always packs");
                match beside {
                    Some(lane) if lane.height <= hung.height => lane,
                    _ => hung,
                }
            }
        }
    }

    /// Packs the lanes `members` into one band (see [`pack`]): each label
    /// tried at every width of [`LABEL_WIDTHS`], right and left of its
    /// marker, at the place that ends highest. A band that is `hanging`
    /// puts its plain markers in a row at its top and hangs their labels
    /// below on leaders. `None` when a band not hanging has unlabelled
    /// events: their strip is there anyway, so it hangs.
    fn pack_band(
        &self,
        input: &GraphicInput,
        members: &Range<usize>,
        labelled: &[Vec<bool>],
        hanging: bool,
        axis: &Axis,
        blocks: &mut BlockCache,
    ) -> Option<PackedLane> {
        let o = Orientation::Horizontal;
        let right = axis.right;
        let x_of = |minute: f64| axis.x_of(minute);
        let heading = line_height(TextStyle::Heading.size(o));
        let date_line = line_height(TextStyle::Date.size(o));
        let items = || {
            members
                .clone()
                .flat_map(|l| (0..input.lanes[l].items.len()).map(move |i| (l, i)))
        };
        let loose: Vec<(usize, usize)> = items().filter(|&(l, i)| !labelled[l][i]).collect();
        if !hanging && !loose.is_empty() {
            return None;
        }
        let shared = members.len() > 1;
        let name = band_name(input, members);
        let mut band = pack::Band::new(self.graphic.width);
        band.block(pack::Rect {
            x0: self.margin,
            x1: self.margin + 4.0 + self.measure(&name, TextStyle::Heading),
            y0: 0.0,
            y1: 6.0 + heading,
        });
        let strip = (hanging || !loose.is_empty()).then(|| {
            let y0 = 6.0 + heading + 4.0;
            band.block(pack::Rect {
                x0: self.margin,
                x1: self.graphic.width - self.margin,
                y0,
                y1: y0 + STRIP_PX,
            });
            y0
        });
        let leader_top = strip.map_or(0.0, |y0| y0 + STRIP_PX + 2.0);
        let inside = |(x0, x1): (f64, f64)| {
            x0 >= self.margin - 0.5 && x1 <= self.graphic.width - self.margin + 0.5
        };
        // Date order across the band's lanes, so that neighbours in time
        // are packed one after the other.
        let mut order: Vec<(usize, usize)> = items().filter(|&(l, i)| labelled[l][i]).collect();
        order.sort_by_key(|&(l, i)| (input.lanes[l].items[i].start.start_minute(), l, i));
        let mut placed = Vec::with_capacity(order.len());
        for (n, &(l, i)) in order.iter().enumerate() {
            let item = &input.lanes[l].items[i];
            let lane_name = shared.then_some(input.lanes[l].name.as_str());
            let x = x_of(marker_minute(item));
            // A label over the next marker pushes that one down: it counts
            // as a line lower than it ends, so that in a cluster labels
            // take turns either side instead of stacking on one.
            let next_x = order
                .get(n + 1)
                .map(|&(l, i)| x_of(marker_minute(&input.lanes[l].items[i])));
            let cost = |(x0, x1): (f64, f64)| {
                let over = next_x.is_some_and(|nx| x0 < nx + MARKER_R && nx - MARKER_R < x1);
                if over { COVER_PX } else { 0.0 }
            };
            let bar_end = range_end_minute(item)
                .map(|end| x_of(end as f64))
                .or((item.ongoing && item.end.is_none()).then_some(right));
            let (w1, w2) = if bar_end.is_none() && is_coarse(item.start) {
                (
                    x_of(item.start.start_minute() as f64),
                    x_of(item.start.end_minute() as f64),
                )
            } else {
                (x, x)
            };
            let whisker = (bar_end.is_none() && w2 - w1 > 2.0 * MARKER_R).then_some((w1, w2));
            // A bar or whisker runs on a line of its own above the label; a
            // plain marker sits on the date line, beside it.
            let lined = bar_end.is_some() || whisker.is_some();
            let (line, text_top) = if lined {
                let line = pack::Rect {
                    x0: (x - MARKER_R).min(w1),
                    x1: bar_end
                        .unwrap_or(x + MARKER_R)
                        .max(w2)
                        .min(right + MARKER_R),
                    y0: 0.0,
                    y1: MARK_LINE_PX,
                };
                (Some(line), MARK_LINE_PX)
            } else {
                (None, 0.0)
            };
            let extent = |side: Side, width: f64| match (side, lined) {
                (Side::Right, true) => (x - MARKER_R, x - MARKER_R + width),
                (Side::Right, false) => (
                    x + MARKER_R + TEXT_GAP_PX,
                    x + MARKER_R + TEXT_GAP_PX + width,
                ),
                (Side::Left, true) => (x + MARKER_R - width, x + MARKER_R),
                (Side::Left, false) => (
                    x - MARKER_R - TEXT_GAP_PX - width,
                    x - MARKER_R - TEXT_GAP_PX,
                ),
                (Side::At(x0), _) => (x0, x0 + width),
            };
            // The rectangles of a label beside its marker: its bar's line,
            // and its text with the marker.
            let shape = |side: Side, block: &Block| {
                let (x0, x1) = extent(side, block.width);
                let (x0, x1) = if lined {
                    (x0, x1)
                } else {
                    ((x - MARKER_R).min(x0), (x + MARKER_R).max(x1))
                };
                line.into_iter()
                    .chain(std::iter::once(pack::Rect {
                        x0,
                        x1,
                        y0: 0.0,
                        y1: text_top + block.height,
                    }))
                    .collect::<Vec<_>>()
            };
            let hang_extent = |side: Side, width: f64| match side {
                Side::Left => (x - HANG_GAP_PX - width, x - HANG_GAP_PX),
                _ => (x + HANG_GAP_PX, x + HANG_GAP_PX + width),
            };
            let hang_shape = |side: Side, block: &Block| {
                let (x0, x1) = hang_extent(side, block.width);
                [pack::Rect {
                    x0,
                    x1,
                    y0: 0.0,
                    y1: block.height,
                }]
            };
            let key = |width: f64| (l, i, width as u32, shared);
            // (bottom, offset, side, width) of the place that ends highest.
            let mut best: Option<(f64, f64, Side, u32)> = None;
            if hanging && !lined {
                for max_width in LABEL_WIDTHS {
                    let block = blocks.0.entry(key(max_width)).or_insert_with(|| {
                        self.label(item, lane_name, input.descriptions, max_width)
                    });
                    for side in [Side::Right, Side::Left] {
                        if !inside(hang_extent(side, block.width)) {
                            continue;
                        }
                        let hung = hang_shape(side, block);
                        if let Some(dy) = band.lowest_hanging(&hung, x, leader_top, date_line / 2.0)
                        {
                            let cost = cost(hang_extent(side, block.width));
                            keep_lowest(
                                &mut best,
                                (dy + block.height + cost, dy, side, max_width as u32),
                            );
                        }
                    }
                }
            }
            // Beside the marker when no leader gets through.
            let hangs = best.is_some();
            if !hangs {
                for max_width in LABEL_WIDTHS {
                    let block = blocks.0.entry(key(max_width)).or_insert_with(|| {
                        self.label(item, lane_name, input.descriptions, max_width)
                    });
                    for side in [Side::Right, Side::Left] {
                        let extent = extent(side, block.width);
                        if inside(extent) {
                            let dy = band.lowest(&shape(side, block), 0.0);
                            let bottom = dy + text_top + block.height + cost(extent);
                            keep_lowest(&mut best, (bottom, dy, side, max_width as u32));
                        }
                    }
                }
            }
            let (dy, side, max_width) = match best {
                Some((_, dy, side, w)) => (dy, side, w),
                // Too narrow a page for either side: the narrowest label,
                // kept inside.
                None => {
                    let w = LABEL_WIDTHS[LABEL_WIDTHS.len() - 1];
                    let block = &blocks.0[&key(w)];
                    let x0 = (self.graphic.width - self.margin - block.width).max(self.margin);
                    let side = Side::At(x0);
                    (band.lowest(&shape(side, block), 0.0), side, w as u32)
                }
            };
            let key = (l, i, max_width, shared);
            let block = &blocks.0[&key];
            let (x0, x1) = if hangs {
                hang_extent(side, block.width)
            } else {
                extent(side, block.width)
            };
            let (mark_y, text_top, leader) = if hangs {
                let attach = dy + date_line / 2.0;
                band.put(&hang_shape(side, block), dy);
                band.leader(pack::Rect {
                    x0: x - 1.0,
                    x1: x + 1.0,
                    y0: leader_top,
                    y1: attach,
                });
                let strip_y = strip.expect("hanging bands have a strip") + STRIP_PX / 2.0;
                (strip_y, dy, Some((strip_y + MARKER_R, attach)))
            } else {
                band.put(&shape(side, block), dy);
                let mark_y = dy + if lined { MARK_LINE_PX } else { date_line } / 2.0;
                (mark_y, dy + text_top, None)
            };
            let left = matches!(side, Side::Left);
            placed.push(Placed {
                lane: l,
                item: i,
                x,
                mark_y,
                text_top,
                text_x: if left { x1 } else { x0 },
                anchor: if left { Anchor::End } else { Anchor::Start },
                bar_end,
                whisker,
                leader,
                key,
            });
        }
        Some(PackedLane {
            name,
            height: band.bottom + 10.0,
            strip,
            loose,
            placed,
        })
    }

    /// The events of a lane that have no label: small marks in a strip,
    /// or, where more than one falls on every few px, bars whose height
    /// counts them.
    fn strip(
        &mut self,
        input: &GraphicInput,
        loose: &[(usize, usize)],
        top: f64,
        x_of: &dyn Fn(f64) -> f64,
        right: f64,
    ) {
        let plot_left = self.margin + MARKER_R;
        let dense = loose.len() as f64 > (right - plot_left) / SUMMARY_BIN_PX;
        if dense {
            let bins = ((right - plot_left) / SUMMARY_BIN_PX).ceil() as usize;
            let mut counts = vec![0usize; bins.max(1)];
            for &(l, i) in loose {
                let x = x_of(marker_minute(&input.lanes[l].items[i]));
                let bin = (((x - plot_left) / SUMMARY_BIN_PX).floor().max(0.0) as usize)
                    .min(counts.len() - 1);
                counts[bin] += 1;
            }
            let most = counts.iter().copied().max().unwrap_or(1).max(1) as f64;
            for (bin, &count) in counts.iter().enumerate() {
                if count == 0 {
                    continue;
                }
                let height = (STRIP_PX * (count as f64 / most).sqrt()).max(1.0);
                self.graphic.areas.push(Area {
                    x: plot_left + bin as f64 * SUMMARY_BIN_PX,
                    y: top + STRIP_PX - height,
                    width: SUMMARY_BIN_PX - 1.0,
                    height,
                    role: AreaRole::Density,
                });
            }
            self.graphic.summarised += loose.len();
            return;
        }
        let y = top + STRIP_PX / 2.0;
        for &(l, i) in loose {
            let item = &input.lanes[l].items[i];
            let x = x_of(marker_minute(item));
            self.graphic.marks.push(Mark {
                event_id: item.id,
                kind: item.kind,
                confidence: item.confidence,
                x,
                y,
                radius: STRIP_MARKER_R,
                bar: range_end_minute(item).map(|end| Segment {
                    x1: x,
                    y1: y,
                    x2: x_of(end as f64).min(right + MARKER_R),
                    y2: y,
                }),
                ongoing: item.ongoing && item.end.is_none(),
                whisker: None,
                fuzzy: is_fuzzy(item),
            });
        }
        self.graphic.unlabelled += loose.len();
    }

    /// Lays span labels out in rows under the axis so that none overlap.
    fn span_labels(
        &self,
        input: &GraphicInput,
        viewport: &Viewport,
        plot_left: f64,
        top: f64,
    ) -> SpanLabels {
        let o = Orientation::Horizontal;
        let scale = viewport.width_px / (viewport.end_minute - viewport.start_minute);
        let height = line_height(TextStyle::Band.size(o));
        let right_edge = self.graphic.width - self.margin;
        let mut row_ends: Vec<f64> = Vec::new();
        let mut texts = Vec::new();
        for span in &input.spans {
            let text = format!(
                "{} ({})",
                span.text,
                span_dates(span, self.words, self.length)
            );
            let width = self.measure(&text, TextStyle::Band);
            let x = (plot_left
                + (span.start.start_minute() as f64 - viewport.start_minute) * scale
                + 6.0)
                .clamp(self.margin, (right_edge - width).max(self.margin));
            let row = row_ends
                .iter()
                .position(|end| *end <= x)
                .unwrap_or(row_ends.len());
            if row == row_ends.len() {
                row_ends.push(0.0);
            }
            row_ends[row] = x + width + 12.0;
            let size = TextStyle::Band.size(o);
            let row_top = top + row as f64 * height;
            texts.push(Text {
                x,
                y: row_top + (height + CAP_HEIGHT * size) / 2.0,
                text,
                style: TextStyle::Band,
                size_px: size,
                anchor: Anchor::Start,
            });
        }
        SpanLabels {
            texts,
            bottom: top + row_ends.len() as f64 * height,
        }
    }

    /// The tall graphic: the events of `labelled` with their labels, the
    /// others as small marks on the axis; the axis runs `fill` px longer.
    /// Returns the bottom.
    fn vertical(
        &mut self,
        input: &GraphicInput,
        top: f64,
        labelled: &[Vec<bool>],
        fill: f64,
    ) -> f64 {
        let o = Orientation::Vertical;
        let axis_x = self.margin + 42.0;
        let mut entries: Vec<Entry<'_>> = input
            .lanes
            .iter()
            .enumerate()
            .flat_map(|(lane, l)| {
                l.items.iter().enumerate().map(move |(i, item)| Entry {
                    item,
                    lane,
                    labelled: labelled[lane][i],
                })
            })
            .collect();
        entries.sort_by_key(|e| (e.item.start.start_minute(), e.item.start, e.lane, e.item.id));

        // Range bars go in tracks right of the axis, packed by time.
        let mut track_ends: Vec<i64> = Vec::new();
        let tracks: Vec<Option<usize>> = entries
            .iter()
            .map(|e| {
                if !e.labelled {
                    return None;
                }
                let end = if e.item.ongoing && e.item.end.is_none() {
                    i64::MAX
                } else {
                    range_end_minute(e.item)?
                };
                let start = e.item.start.start_minute();
                let track = track_ends
                    .iter()
                    .position(|t| *t <= start)
                    .unwrap_or(track_ends.len());
                if track == track_ends.len() {
                    track_ends.push(end);
                }
                track_ends[track] = end;
                Some(track)
            })
            .collect();
        let text_x = axis_x + 14.0 + 8.0 * track_ends.len() as f64;
        let text_width = self.graphic.width - self.margin - text_x;
        let show_lanes = input.lanes.len() > 1;

        // The flow: event blocks and span labels, in date order.
        enum Flow {
            Event(usize, Block),
            Span(Block),
        }
        let mut flow: Vec<(i64, Flow)> = entries
            .iter()
            .enumerate()
            .filter(|(_, e)| e.labelled)
            .map(|(i, e)| {
                let lane = show_lanes.then_some(input.lanes[e.lane].name.as_str());
                let block = self.label(e.item, lane, input.descriptions, text_width);
                (e.item.start.start_minute(), Flow::Event(i, block))
            })
            .collect();
        for span in &input.spans {
            let lines = [
                (span.text.as_str(), TextStyle::Band, 3),
                (
                    &span_dates(span, self.words, self.length),
                    TextStyle::Date,
                    1,
                ),
            ]
            .into_iter()
            .flat_map(|(text, style, n)| {
                self.wrap(text, style, text_width, n)
                    .into_iter()
                    .map(move |line| (line, style))
            })
            .collect();
            flow.push((
                span.start.start_minute(),
                Flow::Span(Block::new(lines, None, o, &self.fonts)),
            ));
        }
        // Stable: a span label comes before events of the same minute.
        flow.sort_by_key(|(minute, f)| (*minute, matches!(f, Flow::Event(..))));

        let first = flow.first().map_or(0, |(m, _)| *m);
        let last = entries
            .iter()
            .map(|e| range_end_minute(e.item).unwrap_or(e.item.start.end_minute()))
            .chain(input.spans.iter().map(|s| s.end.end_minute()))
            .max()
            .unwrap_or(first);
        let scale = TALL_PX_PER_YEAR / MINUTES_PER_YEAR;
        let ticks = layout::lay_out(
            &LayoutInput {
                timelines: &[],
                viewport: Viewport {
                    start_minute: year_start(first) as f64,
                    end_minute: last as f64,
                    width_px: ((last - year_start(first)) as f64 * scale).max(1.0),
                    top_px: None,
                    height_px: None,
                },
                today_minute: None,
            },
            &LayoutStyle {
                locale: self.words.locale(),
                ..LayoutStyle::screen()
            },
            &self.fonts.chain(Face::Regular)[0].metrics,
        )
        .ticks;

        // Place blocks: at the steady scale, pushed down past the previous
        // block and past the ticks between them.
        const TICK_ROOM: f64 = 30.0;
        let origin = year_start(first);
        let mut anchors: Vec<(i64, f64, f64)> = Vec::new(); // (minute, top, bottom)
        let mut tick_y: Vec<(usize, f64)> = Vec::new();
        let mut next_tick = 0;
        let (mut prev_minute, mut prev_bottom) = (i64::MIN, top);
        let mut push = 0.0;
        let mut placed: Vec<f64> = Vec::with_capacity(flow.len());
        for (minute, f) in &flow {
            let block = match f {
                Flow::Event(_, b) | Flow::Span(b) => b,
            };
            let between: Vec<usize> = (next_tick..ticks.len())
                .take_while(|&t| ticks[t].minute <= *minute)
                .collect();
            next_tick += between.len();
            let steady = top + (minute - origin) as f64 * scale + push;
            let room = prev_bottom + BLOCK_GAP_PX + TICK_ROOM * between.len() as f64;
            let y = steady.max(room);
            push += y - steady;
            for (k, &t) in between.iter().enumerate() {
                let frac = if prev_minute == i64::MIN {
                    (k as f64 + 1.0) / (between.len() as f64 + 1.0)
                } else {
                    (ticks[t].minute - prev_minute) as f64 / (minute - prev_minute).max(1) as f64
                };
                let lo = prev_bottom + BLOCK_GAP_PX / 2.0 + TICK_ROOM * k as f64 + TICK_ROOM / 2.0;
                let hi = y
                    - BLOCK_GAP_PX / 2.0
                    - TICK_ROOM * (between.len() - 1 - k) as f64
                    - TICK_ROOM / 2.0;
                tick_y.push((t, lo + (hi - lo).max(0.0) * frac.clamp(0.0, 1.0)));
            }
            anchors.push((*minute, y, y + block.height));
            placed.push(y);
            prev_minute = *minute;
            prev_bottom = y + block.height;
        }
        let bottom = prev_bottom + BLOCK_GAP_PX + fill;
        let y_of = |minute: i64| -> f64 {
            match anchors.iter().rposition(|(m, ..)| *m <= minute) {
                None => top,
                Some(i) => {
                    let (m, top_i, bottom_i) = anchors[i];
                    match anchors.get(i + 1) {
                        _ if m == minute => top_i,
                        Some(&(m2, top2, _)) => {
                            bottom_i
                                + (top2 - bottom_i) * (minute - m) as f64 / (m2 - m).max(1) as f64
                        }
                        None => (bottom_i + (minute - m) as f64 * scale).min(bottom),
                    }
                }
            }
        };

        for span in &input.spans {
            let (y1, y2) = (y_of(span.start.start_minute()), y_of(span.end.end_minute()));
            self.graphic.areas.push(Area {
                x: axis_x - 10.0,
                y: y1,
                width: self.graphic.width - self.margin - axis_x + 10.0,
                height: (y2 - y1).max(4.0),
                role: AreaRole::Band,
            });
        }
        self.graphic.rules.push(Rule {
            x1: axis_x,
            y1: top,
            x2: axis_x,
            y2: bottom,
            role: RuleRole::Axis,
        });
        for (t, y) in tick_y {
            let tick = &ticks[t];
            let style = if tick.major {
                TextStyle::TickMajor
            } else {
                TextStyle::Tick
            };
            self.graphic.rules.push(Rule {
                x1: self.margin,
                y1: y,
                x2: self.graphic.width - self.margin,
                y2: y,
                role: if tick.major {
                    RuleRole::GridMajor
                } else {
                    RuleRole::Grid
                },
            });
            let height = line_height(style.size(o));
            self.line(
                axis_x - 8.0,
                y - height - 1.0,
                &axis_label(input, tick.minute, tick.label.clone()),
                style,
                Anchor::End,
            );
        }
        for ((minute, f), y) in flow.iter().zip(placed) {
            match f {
                Flow::Span(block) => self.block(block, text_x, y, Anchor::Start),
                Flow::Event(i, block) => {
                    let item = entries[*i].item;
                    let mark_y = y + line_height(TextStyle::Date.size(o)) / 2.0;
                    let bar = tracks[*i].map(|track| {
                        let x = axis_x + 12.0 + 8.0 * track as f64;
                        let end = if item.end.is_some() {
                            y_of(range_end_minute(item).unwrap_or(*minute))
                        } else {
                            bottom
                        };
                        Segment {
                            x1: x,
                            y1: mark_y,
                            x2: x,
                            y2: end.max(mark_y + 2.0),
                        }
                    });
                    self.graphic.marks.push(Mark {
                        event_id: item.id,
                        kind: item.kind,
                        confidence: item.confidence,
                        x: axis_x,
                        y: mark_y,
                        radius: MARKER_R,
                        bar,
                        ongoing: item.ongoing && item.end.is_none(),
                        whisker: None,
                        fuzzy: is_fuzzy(item),
                    });
                    self.block(block, text_x, y, Anchor::Start);
                }
            }
        }
        for e in entries.iter().filter(|e| !e.labelled) {
            self.graphic.marks.push(Mark {
                event_id: e.item.id,
                kind: e.item.kind,
                confidence: e.item.confidence,
                x: axis_x,
                y: y_of(e.item.start.start_minute()),
                radius: STRIP_MARKER_R,
                bar: None,
                ongoing: false,
                whisker: None,
                fuzzy: is_fuzzy(e.item),
            });
            self.graphic.unlabelled += 1;
        }
        bottom
    }
}

struct SpanLabels {
    texts: Vec<Text>,
    bottom: f64,
}

/// Keeps in `best` the place (bottom, offset, side, width) that ends
/// highest; a tie keeps the first.
fn keep_lowest(best: &mut Option<(f64, f64, Side, u32)>, place: (f64, f64, Side, u32)) {
    if best.is_none_or(|(bottom, ..)| place.0 < bottom - 0.5) {
        *best = Some(place);
    }
}

/// Where time falls across the wide graphic's plot.
struct Axis {
    /// The plot's left and right edges.
    left: f64,
    right: f64,
    viewport: Viewport,
    /// Px per minute.
    scale: f64,
}

impl Axis {
    fn x_of(&self, minute: f64) -> f64 {
        self.left + (minute - self.viewport.start_minute) * self.scale
    }
}

/// A band of the wide graphic (a lane, or lanes sharing rows), packed.
struct PackedLane {
    name: String,
    height: f64,
    /// The top of the strip of unlabelled marks, if any.
    strip: Option<f64>,
    /// Items without a label, as (lane, index).
    loose: Vec<(usize, usize)>,
    placed: Vec<Placed>,
}

/// A labelled item where it was packed; heights from the band's top.
struct Placed {
    lane: usize,
    item: usize,
    /// The marker's centre.
    x: f64,
    mark_y: f64,
    text_top: f64,
    text_x: f64,
    anchor: Anchor,
    bar_end: Option<f64>,
    whisker: Option<(f64, f64)>,
    /// A hanging label's leader, from the marker down to the label.
    leader: Option<(f64, f64)>,
    /// Its label in the [`BlockCache`].
    key: BlockKey,
}

/// The name a band shows: its lane's, or its lanes' joined.
fn band_name(input: &GraphicInput, members: &Range<usize>) -> String {
    input.lanes[members.clone()]
        .iter()
        .map(|lane| lane.name.as_str())
        .collect::<Vec<_>>()
        .join(" · ")
}

/// Where a label sits against its marker.
#[derive(Clone, Copy)]
enum Side {
    Right,
    Left,
    /// Neither side fits the page: at this left edge.
    At(f64),
}

/// The viewport from the first date to the last, with a little air either
/// side; labels near the right edge sit left of their markers.
fn data_viewport(input: &GraphicInput, width: f64) -> Viewport {
    let items = || input.lanes.iter().flat_map(|lane| &lane.items);
    let start = items().map(|i| i.start.start_minute()).min().unwrap_or(0);
    let end = items()
        .map(|i| range_end_minute(i).unwrap_or(i.start.end_minute()))
        .max()
        .unwrap_or(start)
        .max(start + 1440);
    let air = (end - start) as f64 * 0.01;
    Viewport {
        start_minute: start as f64 - air,
        end_minute: end as f64 + air,
        width_px: width,
        top_px: None,
        height_px: None,
    }
}

/// Where `lay_out` puts an item's marker.
fn marker_minute(item: &GraphicItem) -> f64 {
    let (start, end) = (item.start.start_minute(), item.start.end_minute());
    if item.end.is_none() && !item.ongoing && is_coarse(item.start) {
        start as f64 + (end - start) as f64 / 2.0
    } else {
        start as f64
    }
}

/// The exclusive end of a range, or `None` for a point or ongoing item.
fn range_end_minute(item: &GraphicItem) -> Option<i64> {
    item.end
        .map(|end| end.end_minute().max(item.start.end_minute()))
}

fn is_coarse(date: Date) -> bool {
    matches!(
        date.precision(),
        Precision::Year | Precision::Half | Precision::Quarter | Precision::Month
    )
}

fn is_fuzzy(item: &GraphicItem) -> bool {
    let fuzzy = |d: Date| d.approximate() || d.uncertain();
    fuzzy(item.start) || item.end.is_some_and(fuzzy)
}

/// "22 Jul 2019", "Dec 2023 – Mar 2025", "Sep 2023 – ongoing", in the
/// language of `words`.
pub fn date_label(item: &GraphicItem, words: &Words, length: DateLength) -> String {
    if let Some(text) = &item.date_text {
        return text.clone();
    }
    let start = item.start.display_in(words, length);
    match (item.end, item.ongoing) {
        (Some(end), _) => words.fill(
            "date.range",
            &[("start", &start), ("end", &end.display_in(words, length))],
        ),
        (None, true) => words.fill("date.ongoing", &[("start", &start)]),
        (None, false) => start,
    }
}

fn span_dates(span: &SpanInput, words: &Words, length: DateLength) -> String {
    words.fill(
        "date.range",
        &[
            ("start", &span.start.display_in(words, length)),
            ("end", &span.end.display_in(words, length)),
        ],
    )
}

/// A kind's name in the language of `words`: "Definitive agreement".
pub fn kind_label(words: &Words, kind: EventKind) -> String {
    words.text(&format!("kind.{}", kind.as_str())).to_owned()
}

/// A confidence's name in the language of `words`: "Reported".
pub fn confidence_label(words: &Words, confidence: Confidence) -> String {
    words
        .text(&format!("confidence.{}", confidence.as_str()))
        .to_owned()
}

/// A tick's label: `calendar` on a calendar axis; on a relative one the
/// whole years, months or days from T0 ("T0", "T+2 y", "T−6 mo", "T+10 d").
fn axis_label(input: &GraphicInput, minute: i64, calendar: String) -> String {
    match input.t0_minute {
        Some(t0) => relative_label(t0, minute),
        None => calendar,
    }
}

/// A relative axis's label for `minute`: the whole years, months or days
/// from `t0` ("T0", "T+2 y", "T−6 mo", "T+10 d").
pub fn relative_label(t0: i64, minute: i64) -> String {
    let at = Date::from_minute(minute, Precision::Day);
    let origin = Date::from_minute(t0, Precision::Day);
    let months = (i64::from(at.year_value()) * 12 + i64::from(at.month_value()))
        - (i64::from(origin.year_value()) * 12 + i64::from(origin.month_value()));
    let (amount, unit) = if at.day_value() != origin.day_value() {
        ((minute - t0).div_euclid(24 * 60), "d")
    } else if months % 12 == 0 {
        (months / 12, "y")
    } else {
        (months, "mo")
    };
    match amount.signum() {
        0 => "T0".to_owned(),
        1 => format!("T+{amount} {unit}"),
        _ => format!("T−{} {unit}", amount.unsigned_abs()),
    }
}

/// Start of the year containing `minute`.
fn year_start(minute: i64) -> i64 {
    Date::from_minute(minute, Precision::Year).start_minute()
}

fn measure(fonts: &Typefaces, text: &str, style: TextStyle, o: Orientation) -> f64 {
    fonts.width(style.face(), text, style.size(o))
}

/// Breaks `text` into lines at most `max_width` wide, greedily at spaces
/// (a word wider than a line is cut); past `max_lines` the last line ends
/// in an ellipsis.
fn wrap(
    fonts: &Typefaces,
    text: &str,
    style: TextStyle,
    o: Orientation,
    max_width: f64,
    max_lines: usize,
) -> Vec<String> {
    let fits = |line: &str| measure(fonts, line, style, o) <= max_width;
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    for word in text.split_whitespace() {
        let candidate = if current.is_empty() {
            word.to_owned()
        } else {
            format!("{current} {word}")
        };
        if fits(&candidate) {
            current = candidate;
            continue;
        }
        if !current.is_empty() {
            lines.push(std::mem::take(&mut current));
        }
        // A word wider than a line is cut where it no longer fits.
        for c in word.chars() {
            current.push(c);
            if !fits(&current) && current.chars().count() > 1 {
                current.pop();
                lines.push(std::mem::replace(&mut current, c.to_string()));
            }
        }
    }
    if !current.is_empty() {
        lines.push(current);
    }
    if lines.len() > max_lines.max(1) {
        lines.truncate(max_lines.max(1));
        let last = lines.last_mut().expect("at least one line");
        while !last.is_empty() && !fits(&format!("{last}…")) {
            last.pop();
        }
        let trimmed = last.trim_end().to_owned();
        *last = format!("{trimmed}…");
    }
    lines
}
