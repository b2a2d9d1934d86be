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
//! Text is measured with the bundled Inter faces ([`FontMetrics`]), the
//! faces the exporters draw with. Everything is pure and deterministic:
//! inputs are kept in their given order and nothing reads the clock.

use serde::{Deserialize, Serialize};

use crate::date::{Date, Precision};
use crate::event::{Confidence, EventKind};
use crate::layout::{
    self, ItemInput, LaneInput, LayoutInput, LayoutStyle, TimelineInput, Viewport,
};
use crate::text::{FontMetrics, TextMeasure};

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
    pub orientation: Orientation,
    /// Whether events show their descriptions.
    pub descriptions: bool,
    /// A relative axis: the minute where T0 sits, and ticks read as
    /// offsets from it ("T0", "T+6 mo", "T−1 y"). A comparison draws one
    /// lane per timeline with each timeline's events moved so that its T0
    /// falls here. `None`: calendar dates.
    pub t0_minute: Option<i64>,
}

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
    pub areas: Vec<Area>,
    pub rules: Vec<Rule>,
    pub marks: Vec<Mark>,
    pub swatches: Vec<Swatch>,
    pub texts: Vec<Text>,
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

/// The three faces of Inter that graphics use.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Face {
    Regular,
    SemiBold,
    Italic,
}

impl Face {
    pub fn metrics(self) -> &'static FontMetrics {
        match self {
            Face::Regular => FontMetrics::inter_regular(),
            Face::SemiBold => FontMetrics::inter_semibold(),
            Face::Italic => FontMetrics::inter_italic(),
        }
    }
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
            TextStyle::Date => 11.0,
            TextStyle::Label => 14.0,
            TextStyle::Description | TextStyle::Callout | TextStyle::Band => 12.0,
            TextStyle::Legend | TextStyle::Note => 12.0,
            TextStyle::Credit => 11.0,
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
/// Widest a horizontal label block grows.
const BLOCK_MAX_PX: f64 = 250.0;
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

/// Lays out `input`.
pub fn lay_out_graphic(input: &GraphicInput) -> Graphic {
    let width = if input.width_px.is_finite() {
        input.width_px.clamp(240.0, 20_000.0)
    } else {
        input.orientation.default_width()
    };
    let margin = match input.orientation {
        Orientation::Horizontal => 40.0,
        Orientation::Vertical => 20.0,
    };
    let mut page = Page {
        graphic: Graphic {
            width,
            height: 0.0,
            orientation: input.orientation,
            areas: Vec::new(),
            rules: Vec::new(),
            marks: Vec::new(),
            swatches: Vec::new(),
            texts: Vec::new(),
        },
        margin,
    };
    let mut y = margin;
    y = page.paragraph(&input.title, TextStyle::Title, y, 3);
    if !input.subtitle.is_empty() {
        y = page.paragraph(&input.subtitle, TextStyle::Subtitle, y + 4.0, 3);
    }
    y = page.legend(input, y + 14.0);
    let has_items = input.lanes.iter().any(|lane| !lane.items.is_empty());
    y = if !has_items {
        page.paragraph("No events to show.", TextStyle::Note, y + 16.0, 1)
    } else {
        match input.orientation {
            Orientation::Horizontal => page.horizontal(input, y + 18.0),
            Orientation::Vertical => page.vertical(input, y + 18.0),
        }
    };
    y = page.footer(input, y + 20.0);
    page.graphic.height = (y + margin).ceil();
    page.graphic
}

/// The graphic being built.
struct Page {
    graphic: Graphic,
    margin: f64,
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
    fn new(lines: Vec<(String, TextStyle)>, callouts_from: Option<usize>, o: Orientation) -> Block {
        let width = lines
            .iter()
            .map(|(text, style)| measure(text, *style, o))
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
}

impl Page {
    fn orientation(&self) -> Orientation {
        self.graphic.orientation
    }

    fn content_width(&self) -> f64 {
        self.graphic.width - 2.0 * self.margin
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
        let width = self.content_width();
        let mut y = top;
        for line in wrap(text, style, self.orientation(), width, max_lines) {
            y = self.line(self.margin, y, &line, style, Anchor::Start);
        }
        y
    }

    /// Draws `block` with its text's top left at `(x, top)`.
    fn block(&mut self, block: &Block, x: f64, top: f64) {
        let mut y = top;
        for (i, (text, style)) in block.lines.iter().enumerate() {
            let indent = if block.callouts_from.is_some_and(|from| i >= from) {
                let bottom = y + line_height(style.size(self.orientation()));
                self.graphic.rules.push(Rule {
                    x1: x + 1.0,
                    y1: y + 2.0,
                    x2: x + 1.0,
                    y2: bottom - 2.0,
                    role: RuleRole::Callout,
                });
                8.0
            } else {
                0.0
            };
            y = self.line(x + indent, y, text, *style, Anchor::Start);
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
        let mut date = date_label(item);
        if item.confidence != Confidence::Confirmed {
            date = format!("{date} · {}", item.confidence.label());
        }
        if let Some(lane) = lane {
            date = format!("{date} · {lane}");
        }
        let mut lines: Vec<(String, TextStyle)> = wrap(&date, TextStyle::Date, o, max_width, 2)
            .into_iter()
            .map(|line| (line, TextStyle::Date))
            .collect();
        let mut push = |text: &str, style: TextStyle, max_lines: usize, width: f64| {
            lines.extend(
                wrap(text, style, o, width, max_lines)
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
                wrap(callout, TextStyle::Callout, o, max_width - 8.0, 3)
                    .into_iter()
                    .map(|line| (line, TextStyle::Callout)),
            );
        }
        Block::new(lines, callouts_from, o)
    }

    /// The legend: the kinds shown, then confidence and date conventions.
    fn legend(&mut self, input: &GraphicInput, top: f64) -> f64 {
        let items = || input.lanes.iter().flat_map(|lane| &lane.items);
        let mut entries: Vec<(Symbol, String)> = EventKind::ALL
            .iter()
            .filter(|kind| items().any(|item| item.kind == **kind))
            .map(|kind| (Symbol::Kind(*kind), kind.label().to_owned()))
            .collect();
        if items().any(|item| item.confidence != Confidence::Confirmed) {
            entries.extend(
                Confidence::ALL
                    .iter()
                    .filter(|c| items().any(|item| item.confidence == **c))
                    .map(|c| (Symbol::Confidence(*c), c.label().to_owned())),
            );
        }
        if items().any(|item| item.end.is_some() || item.ongoing) {
            entries.push((Symbol::Range, "Period".to_owned()));
        }
        if items().any(|item| item.end.is_none() && !item.ongoing && is_coarse(item.start))
            && self.orientation() == Orientation::Horizontal
        {
            entries.push((
                Symbol::Whisker,
                "Date known to the month or year".to_owned(),
            ));
        }
        if items().any(is_fuzzy) {
            entries.push((
                Symbol::Fuzzy,
                "Approximate (c.) or uncertain (?) date".to_owned(),
            ));
        }
        if !input.spans.is_empty() {
            entries.push((Symbol::Band, "Period of note".to_owned()));
        }
        let o = self.orientation();
        let size = TextStyle::Legend.size(o);
        let row = line_height(size) + 6.0;
        let (left, right) = (self.margin, self.graphic.width - self.margin);
        let (mut x, mut y) = (left, top);
        for (symbol, text) in entries {
            let width = 22.0 + measure(&text, TextStyle::Legend, o);
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
            y = self.paragraph(&format!("Note: {note}"), TextStyle::Note, y, 6);
        }
        if !input.credit.is_empty() {
            y = self.paragraph(&input.credit, TextStyle::Credit, y + 2.0, 8);
        }
        y
    }

    /// The wide graphic: axis, shaded spans, then lanes from
    /// [`layout::lay_out`]. Returns the bottom.
    fn horizontal(&mut self, input: &GraphicInput, top: f64) -> f64 {
        let o = Orientation::Horizontal;
        let plot_left = self.margin + MARKER_R;
        let plot_width = self.content_width() - MARKER_R;
        let blocks: Vec<Vec<Block>> = input
            .lanes
            .iter()
            .map(|lane| {
                lane.items
                    .iter()
                    .map(|item| self.label(item, None, input.descriptions, BLOCK_MAX_PX))
                    .collect()
            })
            .collect();
        let block_height = blocks
            .iter()
            .flatten()
            .map(|b| b.height)
            .fold(0.0, f64::max);
        let viewport = fitted_viewport(input, &blocks, plot_width);
        // Labels are block indices; the measure returns the block's width.
        let widths = BlockWidths(blocks.iter().flatten().map(|b| b.width).collect());
        let mut index = 0;
        let timelines = [TimelineInput {
            id: 0,
            lanes: input
                .lanes
                .iter()
                .map(|lane| LaneInput {
                    id: lane.id,
                    collapsed: false,
                    items: lane
                        .items
                        .iter()
                        .map(|item| {
                            index += 1;
                            ItemInput {
                                id: item.id,
                                start: item.start,
                                end: item.end,
                                ongoing: item.ongoing,
                                label: (index - 1).to_string(),
                            }
                        })
                        .collect(),
                })
                .collect(),
            // The graphic names its spans in rows of its own, under the axis.
            periods: Vec::new(),
        }];
        let style = LayoutStyle {
            label_size_px: TextStyle::Label.size(o),
            row_height_px: MARK_LINE_PX + block_height + BLOCK_GAP_PX,
            lane_padding_px: 4.0,
            lane_header_px: 30.0,
            marker_px: 2.0 * MARKER_R,
            label_gap_px: 12.0,
            min_lane_rows: 1,
            timeline_header_px: 0.0,
            timeline_gap_px: 0.0,
            ..LayoutStyle::screen()
        };
        let layout = layout::lay_out(
            &LayoutInput {
                timelines: &timelines,
                viewport: viewport.clone(),
                today_minute: None,
            },
            &style,
            &widths,
        );

        // Axis labels, then one row per stacked span label.
        let tick_top = top;
        let axis_y = tick_top + line_height(TextStyle::Tick.size(o)) + 6.0;
        let spans = self.span_labels(input, &viewport, plot_left, axis_y + 8.0);
        let lanes_top = spans.bottom + 4.0;
        let bottom = lanes_top + layout.height_px;
        let x_of = |minute: f64| plot_left + (minute - viewport.start_minute) * spans.scale;
        for span in &input.spans {
            let (x1, x2) = (
                x_of(span.start.start_minute() as f64),
                x_of(span.end.end_minute() as f64),
            );
            let (x1, x2) = (x1.max(plot_left), x2.min(plot_left + plot_width));
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

        let right = plot_left + plot_width;
        // The stretch before the first tick gets a label of its own.
        if layout.ticks.first().is_none_or(|tick| tick.x > 60.0) {
            let precision = match layout.tick_unit {
                layout::TickUnit::Year
                | layout::TickUnit::Decade
                | layout::TickUnit::Century
                | layout::TickUnit::Millennium => Precision::Year,
                _ => Precision::Month,
            };
            let start = Date::from_minute(viewport.start_minute.ceil() as i64, precision);
            self.line(
                plot_left - MARKER_R + 4.0,
                tick_top,
                &axis_label(input, start.start_minute(), start.to_string()),
                TextStyle::Tick,
                Anchor::Start,
            );
        }
        for tick in &layout.ticks {
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
            if x + 4.0 + measure(&label, style, o) <= right + self.margin {
                self.line(x + 4.0, tick_top, &label, style, Anchor::Start);
            }
        }
        self.graphic.rules.push(Rule {
            x1: self.margin,
            y1: axis_y,
            x2: self.graphic.width - self.margin,
            y2: axis_y,
            role: RuleRole::Axis,
        });

        let lanes = &layout.timelines[0].lanes;
        for (lane_index, (lane, lane_input)) in lanes.iter().zip(&input.lanes).enumerate() {
            let lane_top = lanes_top + lane.y;
            if lane_index % 2 == 1 {
                self.graphic.areas.push(Area {
                    x: self.margin,
                    y: lane_top,
                    width: self.content_width(),
                    height: lane.height,
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
                &lane_input.name,
                TextStyle::Heading,
                Anchor::Start,
            );
            // `lay_out` returns items in start order; find each by its id.
            let mut index: Vec<(i64, usize)> = lane_input
                .items
                .iter()
                .enumerate()
                .map(|(i, item)| (item.id, i))
                .collect();
            index.sort_unstable();
            for placed in &lane.items {
                let Ok(at) = index.binary_search_by_key(&placed.id, |(id, _)| *id) else {
                    continue;
                };
                let at = index[at].1;
                let (block, item) = (&blocks[lane_index][at], &lane_input.items[at]);
                let row_top = lanes_top + placed.y - style.row_height_px / 2.0;
                let y = row_top + MARK_LINE_PX / 2.0;
                let x = plot_left + placed.x;
                let clamp = |x: f64| x.clamp(plot_left - MARKER_R, right + MARKER_R);
                let bar = placed.x_end.map(|end| Segment {
                    x1: x,
                    y1: y,
                    x2: clamp(plot_left + end),
                    y2: y,
                });
                let (w1, w2) = (
                    plot_left + placed.fuzzy_start_x,
                    plot_left + placed.fuzzy_end_x,
                );
                let whisker = (bar.is_none() && w2 - w1 > 2.0 * MARKER_R).then_some(Segment {
                    x1: w1,
                    y1: y,
                    x2: w2,
                    y2: y,
                });
                self.graphic.marks.push(Mark {
                    event_id: item.id,
                    kind: item.kind,
                    confidence: item.confidence,
                    x,
                    y,
                    radius: MARKER_R,
                    bar,
                    ongoing: item.ongoing && item.end.is_none(),
                    whisker,
                    fuzzy: is_fuzzy(item),
                });
                let text_x = if placed.x_end.is_some() {
                    x
                } else {
                    x - MARKER_R
                };
                self.block(block, text_x, row_top + MARK_LINE_PX);
            }
        }
        bottom
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
            let text = format!("{} ({})", span.text, span_dates(span));
            let width = measure(&text, TextStyle::Band, o);
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
            scale,
        }
    }

    /// The tall graphic. Returns the bottom.
    fn vertical(&mut self, input: &GraphicInput, top: f64) -> f64 {
        let o = Orientation::Vertical;
        let axis_x = self.margin + 42.0;
        let mut entries: Vec<Entry<'_>> = input
            .lanes
            .iter()
            .enumerate()
            .flat_map(|(lane, l)| l.items.iter().map(move |item| Entry { item, lane }))
            .collect();
        entries.sort_by_key(|e| (e.item.start.start_minute(), e.item.start, e.lane, e.item.id));

        // Range bars go in tracks right of the axis, packed by time.
        let mut track_ends: Vec<i64> = Vec::new();
        let tracks: Vec<Option<usize>> = entries
            .iter()
            .map(|e| {
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
            .map(|(i, e)| {
                let lane = show_lanes.then_some(input.lanes[e.lane].name.as_str());
                let block = self.label(e.item, lane, input.descriptions, text_width);
                (e.item.start.start_minute(), Flow::Event(i, block))
            })
            .collect();
        for span in &input.spans {
            let lines = [
                (span.text.as_str(), TextStyle::Band, 3),
                (&span_dates(span), TextStyle::Date, 1),
            ]
            .into_iter()
            .flat_map(|(text, style, n)| {
                wrap(text, style, o, text_width, n)
                    .into_iter()
                    .map(move |line| (line, style))
            })
            .collect();
            flow.push((
                span.start.start_minute(),
                Flow::Span(Block::new(lines, None, o)),
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
            &LayoutStyle::screen(),
            FontMetrics::inter_regular(),
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
        let bottom = prev_bottom + BLOCK_GAP_PX;
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
                Flow::Span(block) => self.block(block, text_x, y),
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
                    self.block(block, text_x, y);
                }
            }
        }
        bottom
    }
}

struct SpanLabels {
    texts: Vec<Text>,
    bottom: f64,
    /// Px per minute of the plot.
    scale: f64,
}

/// Widths of label blocks, looked up by the index that stands as the label.
struct BlockWidths(Vec<f64>);

impl TextMeasure for BlockWidths {
    fn width(&self, text: &str, _size_px: f64) -> f64 {
        text.parse::<usize>()
            .ok()
            .and_then(|i| self.0.get(i))
            .copied()
            .unwrap_or(0.0)
    }
}

/// The viewport that shows every item with its label block inside
/// `width`: the span from the first date to the last, widened on the right
/// so that the last blocks end inside the plot.
fn fitted_viewport(input: &GraphicInput, blocks: &[Vec<Block>], width: f64) -> Viewport {
    let items = || input.lanes.iter().flat_map(|lane| &lane.items);
    let start = items().map(|i| i.start.start_minute()).min().unwrap_or(0);
    let end = items()
        .map(|i| range_end_minute(i).unwrap_or(i.start.end_minute()))
        .max()
        .unwrap_or(start)
        .max(start + 1440);
    let span = (end - start) as f64;
    // Leave a little air either side of the data.
    let start = start as f64 - span * 0.01;
    let mut scale = width / (end as f64 - start);
    for (item, block) in items().zip(blocks.iter().flatten()) {
        let marker = marker_minute(item) - start;
        let room = width - block.width - MARKER_R;
        if marker > 0.0 && room > width * 0.25 {
            scale = scale.min(room / marker);
        }
    }
    Viewport {
        start_minute: start,
        end_minute: start + width / scale,
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

/// "22 Jul 2019", "Dec 2023 – Mar 2025", "Sep 2023 – ongoing".
pub fn date_label(item: &GraphicItem) -> String {
    if let Some(text) = &item.date_text {
        return text.clone();
    }
    match (item.end, item.ongoing) {
        (Some(end), _) => format!("{} – {}", item.start, end),
        (None, true) => format!("{} – ongoing", item.start),
        (None, false) => item.start.to_string(),
    }
}

fn span_dates(span: &SpanInput) -> String {
    format!("{} – {}", span.start, span.end)
}

/// A tick's label: `calendar` on a calendar axis; on a relative one the
/// whole years, months or days from T0 ("T0", "T+2 y", "T−6 mo", "T+10 d").
fn axis_label(input: &GraphicInput, minute: i64, calendar: String) -> String {
    let Some(t0) = input.t0_minute else {
        return calendar;
    };
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

fn measure(text: &str, style: TextStyle, o: Orientation) -> f64 {
    style.face().metrics().width(text, style.size(o))
}

/// Breaks `text` into lines at most `max_width` wide, greedily at spaces
/// (a word wider than a line is cut); past `max_lines` the last line ends
/// in an ellipsis.
fn wrap(
    text: &str,
    style: TextStyle,
    o: Orientation,
    max_width: f64,
    max_lines: usize,
) -> Vec<String> {
    let fits = |line: &str| measure(line, style, o) <= max_width;
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
