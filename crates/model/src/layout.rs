//! The one layout every renderer draws.
//!
//! [`lay_out`] places the events of one or more timelines on a horizontal
//! time axis: it picks the axis ticks, stacks timelines and their lanes
//! vertically, and packs each lane's items into rows so that no two items in
//! a row overlap. The UI canvas calls it on every zoom and pan with the
//! visible viewport; exporters call it with a viewport spanning a whole
//! timeline. It sorts and packs greedily, `O(n log n)` in the number of items.
//!
//! Horizontal positions are px from the viewport's left edge; vertical
//! positions are px from the top of the layout (the axis is drawn above
//! `y = 0` by the renderer).

use std::cmp::{Ordering, Reverse};
use std::collections::BinaryHeap;
use std::collections::binary_heap::PeekMut;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::date::{Date, Precision};
use crate::text::TextMeasure;
use tideline_locale::{DateLength, Day, Locale, Words};

/// Smallest distance in px between adjacent ticks, room for their labels.
pub const MIN_TICK_SPACING_PX: f64 = 70.0;
/// Most ticks a layout has.
pub const MAX_TICKS: usize = 200;
/// How far past the viewport's right edge an ongoing item's bar reaches.
const ONGOING_OVERHANG_PX: f64 = 24.0;
/// Items this close to the viewport still count as visible.
const VISIBILITY_MARGIN_PX: f64 = 64.0;
/// Zoom beyond which a viewport counts as degenerate.
const MAX_PX_PER_MINUTE: f64 = 1e6;
const MINUTES_PER_DAY: i64 = 1440;
/// 1970-01-05, the first Monday after the epoch, in minutes.
const FIRST_MONDAY_MINUTE: i64 = 4 * MINUTES_PER_DAY;
/// Start of year -9999, the earliest minute a [`Date`] stands for.
const MIN_MINUTE: i64 = month_start_minute(-9999, 1).unwrap();
/// End of year 9999, the latest minute a [`Date`] stands for.
const MAX_MINUTE: i64 = month_start_minute(10_000, 1).unwrap();
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The span of time shown across `width_px`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, TS)]
pub struct Viewport {
    /// Minutes since 1970-01-01T00:00Z at the left edge.
    pub start_minute: f64,
    /// Minutes since 1970-01-01T00:00Z at the right edge.
    pub end_minute: f64,
    pub width_px: f64,
    /// The band of the layout on screen, in px from its top: items outside
    /// it are not visible. Absent, every row counts as on screen.
    #[serde(default)]
    #[ts(optional)]
    pub top_px: Option<f64>,
    #[serde(default)]
    #[ts(optional)]
    pub height_px: Option<f64>,
}

impl Viewport {
    /// This viewport with every field finite: minutes clamped to the years
    /// Tideline represents (NaN becomes the epoch), a width that is not a
    /// positive finite number becomes 0.
    fn sanitized(&self) -> Viewport {
        let minute = |m: f64| {
            if m.is_nan() {
                0.0
            } else {
                m.clamp(MIN_MINUTE as f64, MAX_MINUTE as f64)
            }
        };
        let width_px = if self.width_px.is_finite() && self.width_px > 0.0 {
            self.width_px
        } else {
            0.0
        };
        let finite = |px: Option<f64>| px.filter(|px| px.is_finite());
        Viewport {
            start_minute: minute(self.start_minute),
            end_minute: minute(self.end_minute),
            width_px,
            top_px: finite(self.top_px),
            height_px: finite(self.height_px).map(|px| px.max(0.0)),
        }
    }

    /// Px per minute of a sanitized viewport, or `None` if it shows nothing
    /// (no width, an empty or inverted span, or an absurd zoom).
    fn scale(&self) -> Option<f64> {
        let scale = self.width_px / (self.end_minute - self.start_minute);
        (scale.is_finite() && scale > 0.0 && scale <= MAX_PX_PER_MINUTE).then_some(scale)
    }
}

/// Sizes in px that shape a layout.
#[derive(Clone, Debug, PartialEq)]
pub struct LayoutStyle {
    /// Font size of item labels.
    pub label_size_px: f64,
    pub row_height_px: f64,
    /// Space below a lane's last row.
    pub lane_padding_px: f64,
    /// Space above a lane's first row, for its name.
    pub lane_header_px: f64,
    /// Diameter of a point item's marker.
    pub marker_px: f64,
    /// Gap between a marker or range start and its label; also the least gap
    /// between two items in a row, which absorbs the difference between
    /// measured and browser-shaped label widths.
    pub label_gap_px: f64,
    /// Rows an expanded lane has at least.
    pub min_lane_rows: usize,
    /// Space above a timeline's first lane, for its name.
    pub timeline_header_px: f64,
    /// Space between two timelines.
    pub timeline_gap_px: f64,
    /// Font size of a shaded period's name.
    pub period_name_size_px: f64,
    /// Height of a row of period names; the last row shares the first
    /// lane's header line, and each row before it is added above the lanes.
    pub period_row_px: f64,
    /// The language of tick labels.
    pub locale: Locale,
}

impl LayoutStyle {
    /// The style of the app's canvas: 12px labels in 26px rows.
    pub fn screen() -> LayoutStyle {
        LayoutStyle {
            label_size_px: 12.0,
            row_height_px: 26.0,
            lane_padding_px: 8.0,
            lane_header_px: 22.0,
            marker_px: 10.0,
            label_gap_px: 6.0,
            min_lane_rows: 1,
            timeline_header_px: 32.0,
            timeline_gap_px: 24.0,
            period_name_size_px: 11.0,
            period_row_px: 16.0,
            locale: Locale::EnGb,
        }
    }
}

/// What to lay out.
#[derive(Clone, Debug)]
pub struct LayoutInput<'a> {
    /// Timelines, stacked top to bottom in this order.
    pub timelines: &'a [TimelineInput],
    pub viewport: Viewport,
    /// "Now", to mark on the axis; this crate does not read the clock.
    pub today_minute: Option<i64>,
}

/// A timeline to lay out.
#[derive(Clone, Debug, PartialEq)]
pub struct TimelineInput {
    pub id: i64,
    /// Lanes, stacked top to bottom in this order.
    pub lanes: Vec<LaneInput>,
    /// Shaded periods, whose names are stacked in rows above the lanes so
    /// that none runs into another.
    pub periods: Vec<PeriodInput>,
}

/// A shaded period of a timeline, named at its start.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodInput {
    pub id: i64,
    pub start_minute: i64,
    pub name: String,
}

/// A lane to lay out.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneInput {
    pub id: i64,
    /// A collapsed lane has one row with all its items and no labels.
    pub collapsed: bool,
    pub items: Vec<ItemInput>,
}

/// An event placed in a lane.
#[derive(Clone, Debug, PartialEq)]
pub struct ItemInput {
    pub id: i64,
    pub start: Date,
    /// The end of a range; an end before the start is clamped to the start.
    pub end: Option<Date>,
    /// Still running: without an `end`, drawn from the start to past the
    /// viewport's right edge. Ignored when `end` is set.
    pub ongoing: bool,
    pub label: String,
}

/// Where everything goes.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Layout {
    /// The viewport laid out, with non-finite input replaced.
    pub viewport: Viewport,
    /// Unit of the ticks; `tick_step` of them between adjacent ticks.
    pub tick_unit: TickUnit,
    pub tick_step: u32,
    /// Ticks inside the viewport, left to right; empty if the viewport shows
    /// nothing or no unit leaves room for labels.
    pub ticks: Vec<Tick>,
    pub timelines: Vec<TimelineBox>,
    /// Total height of the timelines.
    pub height_px: f64,
    /// Where "today" falls, if inside the viewport.
    pub today_x: Option<f64>,
}

/// A labelled position on the time axis.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct Tick {
    #[ts(type = "number")]
    pub minute: i64,
    pub x: f64,
    pub label: String,
    /// On a boundary of the next coarser unit (a new year among months, a
    /// new month among days, midnight among hours); its label says more.
    pub major: bool,
}

/// Unit of the axis ticks, finest last.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum TickUnit {
    Millennium,
    Century,
    Decade,
    Year,
    Quarter,
    Month,
    /// Weeks starting on Monday.
    Week,
    Day,
    Hour,
    Minute,
}

/// A timeline's place: its header, then its lanes.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct TimelineBox {
    #[ts(type = "number")]
    pub id: i64,
    pub y: f64,
    pub height: f64,
    pub lanes: Vec<LaneBox>,
    /// The row of each shaded period's name, counted from the top.
    pub periods: Vec<PeriodRow>,
}

/// The row a shaded period's name is drawn in.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PeriodRow {
    #[ts(type = "number")]
    pub id: i64,
    pub row: usize,
}

/// A lane's place: its header, then its rows, then padding.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct LaneBox {
    #[ts(type = "number")]
    pub id: i64,
    pub y: f64,
    pub height: f64,
    pub rows: usize,
    /// All of the lane's items, in (start, end, id) order.
    pub items: Vec<PlacedItem>,
}

/// An item's place.
///
/// A point's marker sits in the middle of its date's interval for year,
/// half, quarter and month precision (so "2021" sits mid-2021) and at the
/// start for day and minute precision, where the interval is too short to
/// matter. A range or ongoing item starts at the start of its start date.
#[derive(Clone, Debug, PartialEq, Serialize, TS)]
pub struct PlacedItem {
    #[ts(type = "number")]
    pub id: i64,
    /// The marker of a point; the start of a range or ongoing item.
    pub x: f64,
    /// A range's end (the exclusive end of its end date's interval); an
    /// ongoing item's bar end, past the viewport's right edge; `None` for a
    /// point.
    pub x_end: Option<f64>,
    /// The interval the start date stands for, e.g. all of 2021 for a
    /// year-precision date, so renderers can draw the imprecision.
    pub fuzzy_start_x: f64,
    pub fuzzy_end_x: f64,
    /// Centre of the item's row.
    pub y: f64,
    pub row: usize,
    pub label_x: f64,
    pub label_width: f64,
    /// False in collapsed lanes.
    pub label_visible: bool,
    /// Whether the item (with its label) reaches into the viewport.
    pub visible: bool,
    pub ongoing: bool,
}

/// Lays out `input`: ticks, then timelines stacked top to bottom.
///
/// Rows depend on the zoom but not on the pan: every item of a lane is
/// packed, visible or not, so panning never reshuffles rows.
pub fn lay_out(input: &LayoutInput<'_>, style: &LayoutStyle, measure: &dyn TextMeasure) -> Layout {
    let viewport = input.viewport.sanitized();
    let scale = viewport.scale();
    let (rung, ticks) = ticks(&viewport, scale, style.locale);
    let today_x = scale.zip(input.today_minute).and_then(|(scale, today)| {
        let today = today as f64;
        (viewport.start_minute..=viewport.end_minute)
            .contains(&today)
            .then_some((today - viewport.start_minute) * scale)
    });
    let context = LaneContext {
        style,
        measure,
        viewport: &viewport,
        scale,
    };
    let mut y = 0.0;
    let mut timelines = Vec::with_capacity(input.timelines.len());
    for (i, timeline) in input.timelines.iter().enumerate() {
        if i > 0 {
            y += style.timeline_gap_px;
        }
        let top = y;
        y += style.timeline_header_px;
        let (periods, period_rows) = context.period_rows(&timeline.periods);
        y += period_rows.saturating_sub(1) as f64 * style.period_row_px;
        let lanes = timeline
            .lanes
            .iter()
            .map(|lane| {
                let lane = context.lay_out(lane, y);
                y += lane.height;
                lane
            })
            .collect();
        timelines.push(TimelineBox {
            id: timeline.id,
            y: top,
            height: y - top,
            lanes,
            periods,
        });
    }
    Layout {
        viewport,
        tick_unit: rung.unit,
        tick_step: rung.step,
        ticks,
        timelines,
        height_px: y,
        today_x,
    }
}

/// What every lane of one layout shares.
struct LaneContext<'a> {
    style: &'a LayoutStyle,
    measure: &'a dyn TextMeasure,
    viewport: &'a Viewport,
    scale: Option<f64>,
}

impl LaneContext<'_> {
    /// Lays out `lane` with its top at `top`.
    fn lay_out(&self, lane: &LaneInput, top: f64) -> LaneBox {
        let style = self.style;
        let mut prepared: Vec<Prepared> = lane
            .items
            .iter()
            .map(|item| Prepared::new(item, style, self.measure))
            .collect();
        prepared.sort_by_key(Prepared::sort_key);

        let scale = self.scale.unwrap_or(0.0);
        let (rows, row_count) = if lane.collapsed {
            (vec![0; prepared.len()], 1)
        } else {
            // Pack relative to the lane's first item rather than the
            // viewport, so that a pan cannot change rounding.
            let origin = prepared.first().map_or(0.0, |p| p.start as f64);
            let (rows, used) = pack(prepared.iter().map(|p| {
                let span = p.span(origin, scale, style);
                (span.left(style), span.occupied_right(style))
            }));
            (rows, used.max(style.min_lane_rows))
        };

        let rows_top = top + style.lane_header_px;
        let width = self.viewport.width_px;
        let items = prepared
            .iter()
            .zip(rows)
            .map(|(p, row)| {
                let span = p.span(self.viewport.start_minute, scale, style);
                let x_end = match p.shape {
                    Shape::Point => None,
                    Shape::Range(_) => span.range_end,
                    Shape::Ongoing => Some((width + ONGOING_OVERHANG_PX).max(span.x)),
                };
                let label_visible = !lane.collapsed;
                let drawn_right = [
                    x_end.unwrap_or(span.x + style.marker_px / 2.0),
                    span.fuzzy_end,
                    if label_visible {
                        span.label_end()
                    } else {
                        span.x
                    },
                ]
                .into_iter()
                .fold(f64::NEG_INFINITY, f64::max);
                let y = rows_top + (row as f64 + 0.5) * style.row_height_px;
                let visible = self.scale.is_some()
                    && span.left(style) <= width + VISIBILITY_MARGIN_PX
                    && drawn_right >= -VISIBILITY_MARGIN_PX
                    && self.in_band(y, style);
                PlacedItem {
                    id: p.item.id,
                    x: span.x,
                    x_end,
                    fuzzy_start_x: span.fuzzy_start,
                    fuzzy_end_x: span.fuzzy_end,
                    y,
                    row,
                    label_x: span.label_x,
                    label_width: p.label_width,
                    label_visible,
                    visible,
                    ongoing: p.shape == Shape::Ongoing,
                }
            })
            .collect();

        LaneBox {
            id: lane.id,
            y: top,
            height: style.lane_header_px
                + row_count as f64 * style.row_height_px
                + style.lane_padding_px,
            rows: row_count,
            items,
        }
    }

    /// The row of each period's name, packed so that no two names in a row
    /// come within a label gap, and how many rows that takes. Packed from
    /// the first period's start, so a pan cannot change the rows.
    fn period_rows(&self, periods: &[PeriodInput]) -> (Vec<PeriodRow>, usize) {
        let style = self.style;
        let scale = self.scale.unwrap_or(0.0);
        let mut sorted: Vec<&PeriodInput> = periods.iter().collect();
        sorted.sort_by_key(|p| (p.start_minute, p.id));
        let origin = sorted.first().map_or(0, |p| p.start_minute);
        // A name is drawn 4 px in from its period's start, with 3 px padding a side.
        let (rows, used) = pack(sorted.iter().map(|p| {
            let left = (p.start_minute - origin) as f64 * scale;
            let width = 10.0 + self.measure.width(&p.name, style.period_name_size_px);
            (left, left + width + style.label_gap_px)
        }));
        let placed = sorted
            .iter()
            .zip(rows)
            .map(|(p, row)| PeriodRow { id: p.id, row })
            .collect();
        (placed, used)
    }

    /// Whether a row centred at `y` is within the viewport's band, if it has one.
    fn in_band(&self, y: f64, style: &LayoutStyle) -> bool {
        let (Some(top), Some(height)) = (self.viewport.top_px, self.viewport.height_px) else {
            return true;
        };
        let half_row = style.row_height_px / 2.0;
        y + half_row >= top - VISIBILITY_MARGIN_PX
            && y - half_row <= top + height + VISIBILITY_MARGIN_PX
    }
}

#[derive(Clone, Copy, Debug, PartialEq)]
enum Shape {
    Point,
    /// A range ending at this minute (exclusive).
    Range(i64),
    Ongoing,
}

/// An item with its times resolved to minutes and its label measured.
struct Prepared<'a> {
    item: &'a ItemInput,
    shape: Shape,
    /// The interval the start date stands for.
    start: i64,
    start_end: i64,
    /// Minute of the marker, or of a range's start.
    marker: f64,
    label_width: f64,
}

impl<'a> Prepared<'a> {
    fn new(item: &'a ItemInput, style: &LayoutStyle, measure: &dyn TextMeasure) -> Self {
        let start = item.start.start_minute();
        let start_end = item.start.end_minute().max(start);
        let shape = match item.end {
            // An end wholly before the start collapses to the start's interval.
            Some(end) if end.end_minute() <= start => Shape::Range(start_end),
            Some(end) => Shape::Range(end.end_minute()),
            None if item.ongoing => Shape::Ongoing,
            None => Shape::Point,
        };
        let marker = match (shape, item.start.precision()) {
            (
                Shape::Point,
                Precision::Year | Precision::Half | Precision::Quarter | Precision::Month,
            ) => start as f64 + (start_end - start) as f64 / 2.0,
            _ => start as f64,
        };
        let label_width = measure.width(&item.label, style.label_size_px);
        Prepared {
            item,
            shape,
            start,
            start_end,
            marker,
            label_width: if label_width.is_finite() {
                label_width.max(0.0)
            } else {
                0.0
            },
        }
    }

    /// Packing order: by (start, end, id), leftmost occupied px first.
    fn sort_key(&self) -> (i64, Date, Option<Date>, bool, i64) {
        let item = self.item;
        (self.start, item.start, item.end, item.ongoing, item.id)
    }

    /// Horizontal geometry in px from `origin_minute` at `scale` px/minute.
    fn span(&self, origin_minute: f64, scale: f64, style: &LayoutStyle) -> Span {
        let px = |minute: f64| (minute - origin_minute) * scale;
        let x = px(self.marker);
        let (label_x, range_end) = match self.shape {
            Shape::Point => (x + style.marker_px / 2.0 + style.label_gap_px, None),
            Shape::Range(end) => (x + style.label_gap_px, Some(px(end as f64))),
            Shape::Ongoing => (x + style.label_gap_px, None),
        };
        Span {
            x,
            range_end,
            fuzzy_start: px(self.start as f64),
            fuzzy_end: px(self.start_end as f64),
            label_x,
            label_width: self.label_width,
            ongoing: self.shape == Shape::Ongoing,
        }
    }
}

/// An item's horizontal geometry in px.
struct Span {
    x: f64,
    range_end: Option<f64>,
    fuzzy_start: f64,
    fuzzy_end: f64,
    label_x: f64,
    label_width: f64,
    ongoing: bool,
}

impl Span {
    fn label_end(&self) -> f64 {
        self.label_x + self.label_width
    }

    /// Left edge of the occupied extent: the start date's interval, widened
    /// by half a marker. Increases with the start minute, which keeps
    /// packing in start order correct.
    fn left(&self, style: &LayoutStyle) -> f64 {
        self.fuzzy_start - style.marker_px / 2.0
    }

    /// Right edge of the occupied extent, including the gap to the next
    /// item; an ongoing item occupies the rest of its row.
    fn occupied_right(&self, style: &LayoutStyle) -> f64 {
        if self.ongoing {
            return f64::INFINITY;
        }
        let marker_end = self.x + style.marker_px / 2.0;
        self.range_end
            .unwrap_or(marker_end)
            .max(self.fuzzy_end)
            .max(self.label_end())
            + style.label_gap_px
    }
}

/// Packs extents `(left, right)`, given in ascending order of `left`, into
/// rows: each goes into the lowest row whose last extent ends at or before
/// its left. Returns each extent's row and the number of rows used.
fn pack(extents: impl Iterator<Item = (f64, f64)>) -> (Vec<usize>, usize) {
    let mut rows = Vec::with_capacity(extents.size_hint().0);
    // Rows still occupied, soonest free on top; rows free again, lowest on
    // top. Since lefts ascend, a row once free stays free.
    let mut busy: BinaryHeap<Busy> = BinaryHeap::new();
    let mut free = BinaryHeap::new();
    let mut used = 0;
    for (left, right) in extents {
        while let Some(top) = busy.peek_mut()
            && top.end <= left
        {
            free.push(Reverse(PeekMut::pop(top).row));
        }
        let row = free.pop().map_or_else(
            || {
                used += 1;
                used - 1
            },
            |Reverse(row)| row,
        );
        busy.push(Busy { end: right, row });
        rows.push(row);
    }
    (rows, used)
}

/// An occupied row in [`pack`]'s min-heap, ordered by reversed `end`.
struct Busy {
    end: f64,
    row: usize,
}

impl Ord for Busy {
    fn cmp(&self, other: &Self) -> Ordering {
        other
            .end
            .total_cmp(&self.end)
            .then_with(|| other.row.cmp(&self.row))
    }
}

impl PartialOrd for Busy {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Busy {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Busy {}

/// One rung of the tick ladder: `step` units between ticks.
#[derive(Clone, Copy, Debug)]
struct Rung {
    unit: TickUnit,
    step: u32,
}

/// Tick spacings, finest first.
const LADDER: [Rung; 18] = {
    use TickUnit::*;
    [
        Rung {
            unit: Minute,
            step: 1,
        },
        Rung {
            unit: Minute,
            step: 5,
        },
        Rung {
            unit: Minute,
            step: 15,
        },
        Rung {
            unit: Hour,
            step: 1,
        },
        Rung {
            unit: Hour,
            step: 6,
        },
        Rung { unit: Day, step: 1 },
        Rung {
            unit: Week,
            step: 1,
        },
        Rung {
            unit: Month,
            step: 1,
        },
        Rung {
            unit: Quarter,
            step: 1,
        },
        Rung {
            unit: Year,
            step: 1,
        },
        Rung {
            unit: Year,
            step: 5,
        },
        Rung {
            unit: Decade,
            step: 1,
        },
        Rung {
            unit: Decade,
            step: 5,
        },
        Rung {
            unit: Century,
            step: 1,
        },
        Rung {
            unit: Century,
            step: 5,
        },
        Rung {
            unit: Millennium,
            step: 1,
        },
        Rung {
            unit: Millennium,
            step: 2,
        },
        Rung {
            unit: Millennium,
            step: 5,
        },
    ]
};

/// How a rung's ticks are spaced; tick `k` is the `k`-th period.
#[derive(Clone, Copy)]
enum Period {
    /// Every `minutes`, counted from `offset`.
    Fixed { minutes: i64, offset: i64 },
    /// Every so many calendar months, counted from January of year 0.
    Months(i64),
    /// Every so many years, counted from year 0.
    Years(i64),
}

impl Period {
    /// The least number of minutes between two ticks.
    fn min_minutes(self) -> i64 {
        match self {
            Period::Fixed { minutes, .. } => minutes,
            Period::Months(n) => n * 28 * MINUTES_PER_DAY,
            Period::Years(n) => n * 365 * MINUTES_PER_DAY,
        }
    }

    /// Index of the last tick at or before `minute`.
    fn index_at_or_before(self, minute: i64) -> Option<i64> {
        Some(match self {
            Period::Fixed { minutes, offset } => (minute - offset).div_euclid(minutes),
            Period::Months(n) => {
                let date = date_of(minute)?;
                (i64::from(date.year()) * 12 + i64::from(date.month0())).div_euclid(n)
            }
            Period::Years(n) => i64::from(date_of(minute)?.year()).div_euclid(n),
        })
    }

    /// Minute of tick `index`.
    fn minute(self, index: i64) -> Option<i64> {
        match self {
            Period::Fixed { minutes, offset } => Some(offset + index * minutes),
            Period::Months(n) => {
                let month = index * n;
                let year = i32::try_from(month.div_euclid(12)).ok()?;
                month_start_minute(year, month.rem_euclid(12) as u32 + 1)
            }
            Period::Years(n) => month_start_minute(i32::try_from(index * n).ok()?, 1),
        }
    }
}

impl Rung {
    fn period(self) -> Period {
        let step = i64::from(self.step);
        let fixed = |minutes: i64, offset: i64| Period::Fixed {
            minutes: minutes * step,
            offset,
        };
        match self.unit {
            TickUnit::Minute => fixed(1, 0),
            TickUnit::Hour => fixed(60, 0),
            TickUnit::Day => fixed(MINUTES_PER_DAY, 0),
            TickUnit::Week => fixed(7 * MINUTES_PER_DAY, FIRST_MONDAY_MINUTE),
            TickUnit::Month => Period::Months(step),
            TickUnit::Quarter => Period::Months(3 * step),
            TickUnit::Year => Period::Years(step),
            TickUnit::Decade => Period::Years(10 * step),
            TickUnit::Century => Period::Years(100 * step),
            TickUnit::Millennium => Period::Years(1000 * step),
        }
    }

    /// Indices and minutes of the ticks in `[start, end]`, at most
    /// [`MAX_TICKS`].
    fn tick_minutes(self, start: i64, end: i64) -> Vec<(i64, i64)> {
        let period = self.period();
        let mut ticks = Vec::new();
        let Some(mut index) = period.index_at_or_before(start) else {
            return ticks;
        };
        while ticks.len() < MAX_TICKS
            && let Some(minute) = period.minute(index)
            && minute <= end
        {
            if minute >= start {
                ticks.push((index, minute));
            }
            index += 1;
        }
        ticks
    }

    /// Label of tick `index` at `minute`, and whether it is major.
    fn label(self, index: i64, minute: i64, words: &Words) -> Option<(String, bool)> {
        let date = date_of(minute)?;
        let of_day = minute.rem_euclid(MINUTES_PER_DAY);
        let day = Day {
            year: date.year(),
            month: date.month() as u8,
            day: date.day() as u8,
        };
        let english = words.is_reference();
        let month = if english {
            MONTHS[date.month0() as usize].to_owned()
        } else {
            words.month_alone(day, DateLength::Medium)
        };
        let day_month = || {
            if english {
                format!("{} {month}", date.day())
            } else {
                words.day_month(day, DateLength::Medium)
            }
        };
        let year = || {
            if english {
                year_label(date.year())
            } else {
                words.year(day, DateLength::Medium)
            }
        };
        let month_year = || {
            if english {
                format!("{month} {}", year())
            } else {
                words.month(day, DateLength::Medium)
            }
        };
        let quarter = |n: u32| {
            words.fill(
                "date.quarter",
                &[("n", &n.to_string()), ("year", &year_label(date.year()))],
            )
        };
        Some(match self.unit {
            TickUnit::Minute | TickUnit::Hour if of_day == 0 => (day_month(), true),
            TickUnit::Minute | TickUnit::Hour => (
                format!("{:02}:{:02}", of_day / 60, of_day % 60),
                of_day % 60 == 0 && self.unit == TickUnit::Minute,
            ),
            TickUnit::Day if date.day() == 1 => (day_month(), true),
            TickUnit::Week if date.day() <= 7 => (day_month(), true),
            TickUnit::Day | TickUnit::Week => (date.day().to_string(), false),
            TickUnit::Month if date.month0() == 0 => (month_year(), true),
            TickUnit::Month => (month, false),
            TickUnit::Quarter if date.month0() == 0 => (quarter(1), true),
            TickUnit::Quarter => (format!("Q{}", date.month0() / 3 + 1), false),
            // Every tenth: decades among years, centuries among decades, ….
            TickUnit::Year | TickUnit::Decade | TickUnit::Century | TickUnit::Millennium => {
                (year(), index.rem_euclid(10) == 0)
            }
        })
    }
}

/// The ticks of a sanitized viewport: the finest rung whose ticks are at
/// least [`MIN_TICK_SPACING_PX`] apart and at most [`MAX_TICKS`] in number.
/// No ticks (with the coarsest rung) if none qualifies.
fn ticks(viewport: &Viewport, scale: Option<f64>, locale: Locale) -> (Rung, Vec<Tick>) {
    let coarsest = LADDER[LADDER.len() - 1];
    let Some(scale) = scale else {
        return (coarsest, Vec::new());
    };
    let span = viewport.end_minute - viewport.start_minute;
    let Some(rung) = LADDER.into_iter().find(|rung| {
        let min = rung.period().min_minutes() as f64;
        min * scale >= MIN_TICK_SPACING_PX && span / min <= (MAX_TICKS - 1) as f64
    }) else {
        return (coarsest, Vec::new());
    };
    let ticks = rung
        .tick_minutes(
            viewport.start_minute.ceil() as i64,
            viewport.end_minute.floor() as i64,
        )
        .into_iter()
        .filter_map(|(index, minute)| {
            let (label, major) = rung.label(index, minute, locale.words())?;
            let x = (minute as f64 - viewport.start_minute) * scale;
            Some(Tick {
                minute,
                x: x.clamp(0.0, viewport.width_px),
                label,
                major,
            })
        })
        .collect();
    (rung, ticks)
}

/// Minutes since the epoch at the start of the first of `month` (1-based).
const fn month_start_minute(year: i32, month: u32) -> Option<i64> {
    match NaiveDate::from_ymd_opt(year, month, 1) {
        Some(date) => Some(date.to_epoch_days() as i64 * MINUTES_PER_DAY),
        None => None,
    }
}

/// The UTC calendar day containing `minute`.
fn date_of(minute: i64) -> Option<NaiveDate> {
    NaiveDate::from_epoch_days(i32::try_from(minute.div_euclid(MINUTES_PER_DAY)).ok()?)
}

/// "2019", or "44 BCE" for astronomical year -43.
fn year_label(year: i32) -> String {
    if year > 0 {
        year.to_string()
    } else {
        format!("{} BCE", 1 - i64::from(year))
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use proptest::prelude::*;

    use super::*;
    use crate::text::FontMetrics;

    const YEAR: i64 = 365 * MINUTES_PER_DAY;

    fn minute(year: i32, month: u32, day: u32) -> i64 {
        let date = NaiveDate::from_ymd_opt(year, month, day).unwrap();
        i64::from(date.to_epoch_days()) * MINUTES_PER_DAY
    }

    fn item(id: i64, start: Date, end: Option<Date>, label: &str) -> ItemInput {
        ItemInput {
            id,
            start,
            end,
            ongoing: false,
            label: label.to_owned(),
        }
    }

    fn one_lane(items: Vec<ItemInput>) -> Vec<TimelineInput> {
        vec![TimelineInput {
            id: 1,
            lanes: vec![LaneInput {
                id: 10,
                collapsed: false,
                items,
            }],
            periods: Vec::new(),
        }]
    }

    #[test]
    fn period_names_that_would_touch_take_rows_above_the_lanes() {
        let period = |id: i64, start: i64, name: &str| PeriodInput {
            id,
            start_minute: start,
            name: name.to_owned(),
        };
        let mut timelines = one_lane(vec![item(1, Date::year(2024).unwrap(), None, "x")]);
        let style = LayoutStyle::screen();
        let start = minute(2023, 1, 1);
        let view = viewport(start, start + 3 * YEAR, 1000.0);
        let alone = run(&timelines, view.clone());
        timelines[0].periods = vec![
            period(7, minute(2023, 12, 1), "Under CMA review"),
            period(8, minute(2024, 1, 1), "EU merger question open"),
            period(9, minute(2025, 6, 1), "Later, and clear of both"),
        ];
        let rows = |layout: &Layout| -> Vec<(i64, usize)> {
            layout.timelines[0]
                .periods
                .iter()
                .map(|p| (p.id, p.row))
                .collect()
        };
        let named = run(&timelines, view);
        // A month apart at a year a third of the width: the second name
        // would start inside the first.
        assert_eq!(rows(&named), [(7, 0), (8, 1), (9, 0)]);
        let lane = |layout: &Layout| layout.timelines[0].lanes[0].y;
        assert_eq!(lane(&named), lane(&alone) + style.period_row_px);
        assert_eq!(
            named.timelines[0].height,
            alone.timelines[0].height + style.period_row_px
        );
        // A pan keeps the rows; zoomed out far, the names still take rows.
        let panned = run(&timelines, viewport(start + YEAR, start + 4 * YEAR, 1000.0));
        assert_eq!(rows(&panned), rows(&named));
        // Zoomed in, the three names fit in one row.
        let near = run(
            &timelines,
            viewport(minute(2023, 11, 1), minute(2024, 2, 1), 1000.0),
        );
        assert_eq!(rows(&near), [(7, 0), (8, 0), (9, 0)]);
        assert_eq!(lane(&near), lane(&alone));
    }

    fn viewport(start: i64, end: i64, width_px: f64) -> Viewport {
        Viewport {
            start_minute: start as f64,
            end_minute: end as f64,
            width_px,
            top_px: None,
            height_px: None,
        }
    }

    fn run(timelines: &[TimelineInput], viewport: Viewport) -> Layout {
        let input = LayoutInput {
            timelines,
            viewport,
            today_minute: None,
        };
        lay_out(&input, &LayoutStyle::screen(), FontMetrics::inter_regular())
    }

    fn ticks_for(start: i64, end: i64, width_px: f64) -> Layout {
        run(&[], viewport(start, end, width_px))
    }

    /// Occupied extent of a placed item, as the packer sees it.
    fn extent(item: &PlacedItem, style: &LayoutStyle) -> (f64, f64) {
        let left = item.fuzzy_start_x - style.marker_px / 2.0;
        let right = if item.ongoing {
            f64::INFINITY
        } else {
            item.x_end
                .unwrap_or(item.x + style.marker_px / 2.0)
                .max(item.fuzzy_end_x)
                .max(item.label_x + item.label_width)
                + style.label_gap_px
        };
        (left, right)
    }

    fn assert_no_overlaps(layout: &Layout, style: &LayoutStyle) {
        for lane in layout.timelines.iter().flat_map(|t| &t.lanes) {
            // Collapsed lanes stack everything in one row on purpose.
            if lane.items.iter().any(|item| !item.label_visible) {
                continue;
            }
            let mut by_row: HashMap<usize, Vec<(f64, f64)>> = HashMap::new();
            for item in &lane.items {
                assert!(item.row < lane.rows);
                by_row
                    .entry(item.row)
                    .or_default()
                    .push(extent(item, style));
            }
            for extents in by_row.values_mut() {
                extents.sort_by(|a, b| a.0.total_cmp(&b.0));
                for pair in extents.windows(2) {
                    let ((_, right), (left, _)) = (pair[0], pair[1]);
                    let tolerance = 1e-9 * right.abs().max(left.abs()).max(1.0);
                    assert!(right <= left + tolerance, "{pair:?} overlap");
                }
            }
        }
    }

    fn rows(layout: &Layout) -> Vec<(i64, i64, usize)> {
        let mut rows: Vec<_> = layout
            .timelines
            .iter()
            .flat_map(|t| &t.lanes)
            .flat_map(|lane| lane.items.iter().map(|item| (lane.id, item.id, item.row)))
            .collect();
        rows.sort_unstable();
        rows
    }

    fn assert_ticks_sane(layout: &Layout) {
        let ticks = &layout.ticks;
        assert!(ticks.len() <= MAX_TICKS);
        for tick in ticks {
            assert!(
                (0.0..=layout.viewport.width_px).contains(&tick.x),
                "{tick:?}"
            );
            assert!(!tick.label.is_empty());
        }
        for pair in ticks.windows(2) {
            assert!(pair[1].minute > pair[0].minute);
            assert!(
                pair[1].x - pair[0].x >= MIN_TICK_SPACING_PX - 1e-6,
                "{pair:?} too close"
            );
        }
    }

    fn precision() -> impl Strategy<Value = Precision> {
        proptest::sample::select(Precision::ALL.to_vec())
    }

    /// Items around 1800..2200 with all precisions, some ranges ending
    /// before they start, some ongoing.
    fn items() -> impl Strategy<Value = Vec<ItemInput>> {
        let one = (
            minute(1800, 1, 1)..minute(2200, 1, 1),
            precision(),
            proptest::option::of((-10 * YEAR..50 * YEAR, precision())),
            any::<bool>(),
            "[a-zA-Z –]{0,24}",
        );
        proptest::collection::vec(one, 0..60).prop_map(|items| {
            items
                .into_iter()
                .enumerate()
                .map(|(id, (start, precision, end, ongoing, label))| ItemInput {
                    id: id as i64,
                    start: Date::from_minute(start, precision),
                    end: end.map(|(length, p)| Date::from_minute(start + length, p)),
                    ongoing,
                    label,
                })
                .collect()
        })
    }

    fn timelines() -> impl Strategy<Value = Vec<TimelineInput>> {
        let lane = (items(), proptest::bool::weighted(0.2));
        proptest::collection::vec(proptest::collection::vec(lane, 0..3), 1..3).prop_map(
            |timelines| {
                timelines
                    .into_iter()
                    .enumerate()
                    .map(|(t, lanes)| TimelineInput {
                        id: t as i64,
                        lanes: lanes
                            .into_iter()
                            .enumerate()
                            .map(|(l, (items, collapsed))| LaneInput {
                                id: (t * 10 + l) as i64,
                                collapsed,
                                items,
                            })
                            .collect(),
                        periods: Vec::new(),
                    })
                    .collect()
            },
        )
    }

    /// A whole-minute viewport over 1800..2200 spanning ten minutes to
    /// three centuries.
    fn viewports() -> impl Strategy<Value = (i64, i64, f64)> {
        (
            minute(1800, 1, 1)..minute(2200, 1, 1),
            1.0..8.2f64,
            200.0..3000.0f64,
        )
            .prop_map(|(start, log_span, width)| (start, 10f64.powf(log_span) as i64, width))
    }

    proptest! {
        #[test]
        fn items_in_a_row_never_overlap(
            timelines in timelines(),
            (start, span, width) in viewports(),
        ) {
            let layout = run(&timelines, viewport(start, start + span, width));
            assert_no_overlaps(&layout, &LayoutStyle::screen());
        }

        #[test]
        fn rows_survive_panning(
            timelines in timelines(),
            (start, span, width) in viewports(),
            shift in -100 * YEAR..100 * YEAR,
        ) {
            let here = run(&timelines, viewport(start, start + span, width));
            let there = run(&timelines, viewport(start + shift, start + shift + span, width));
            prop_assert_eq!(rows(&here), rows(&there));
        }

        #[test]
        fn ticks_are_ordered_spaced_and_bounded(
            start in MIN_MINUTE..MAX_MINUTE,
            log_span in 0.0..10.5f64,
            width in 0.0..20_000.0f64,
        ) {
            let end = start.saturating_add(10f64.powf(log_span) as i64);
            assert_ticks_sane(&ticks_for(start, end, width));
        }

        #[test]
        fn never_panics_and_stays_finite(
            start in any::<f64>(),
            end in any::<f64>(),
            width in any::<f64>(),
            items in proptest::collection::vec(
                (MIN_MINUTE..MAX_MINUTE, precision(), MIN_MINUTE..MAX_MINUTE, any::<bool>()),
                0..20,
            ),
        ) {
            let items = items
                .into_iter()
                .enumerate()
                .map(|(id, (start, precision, end, ongoing))| ItemInput {
                    id: id as i64,
                    start: Date::from_minute(start, precision),
                    end: ongoing.then(|| Date::from_minute(end, precision)),
                    ongoing,
                    label: "x".to_owned(),
                })
                .collect();
            let layout = run(&one_lane(items), Viewport { start_minute: start, end_minute: end, width_px: width, top_px: None, height_px: None });
            assert_ticks_sane(&layout);
            let json = serde_json::to_string(&layout).unwrap();
            prop_assert!(!json.contains("null,") || layout.today_x.is_none());
            for item in &layout.timelines[0].lanes[0].items {
                let numbers = [item.x, item.x_end.unwrap_or(0.0), item.fuzzy_start_x,
                    item.fuzzy_end_x, item.y, item.label_x, item.label_width];
                prop_assert!(numbers.iter().all(|n| n.is_finite()), "{:?}", item);
            }
            let v = &layout.viewport;
            prop_assert!(v.start_minute.is_finite() && v.end_minute.is_finite() && v.width_px.is_finite());
        }
    }

    #[test]
    fn tick_unit_adapts_to_the_span() {
        let unit = |start: i64, end: i64| ticks_for(start, end, 1200.0).tick_unit;
        let jan_2000 = minute(2000, 1, 1);
        assert!(matches!(
            unit(jan_2000, minute(2030, 1, 1)),
            TickUnit::Year | TickUnit::Decade
        ));
        assert!(matches!(
            unit(jan_2000, minute(2000, 3, 1)),
            TickUnit::Day | TickUnit::Week
        ));
        assert_eq!(
            unit(jan_2000, jan_2000 + 2 * MINUTES_PER_DAY),
            TickUnit::Hour
        );
        assert_eq!(unit(jan_2000, jan_2000 + 30), TickUnit::Minute);
        assert_eq!(unit(MIN_MINUTE, MAX_MINUTE), TickUnit::Millennium);
    }

    #[test]
    fn tick_labels() {
        let labels = |start: i64, end: i64, width: f64| {
            let layout = ticks_for(start, end, width);
            assert_ticks_sane(&layout);
            layout
                .ticks
                .into_iter()
                .map(|t| (t.label, t.major))
                .collect::<Vec<_>>()
        };
        let owned = |l: &[(&str, bool)]| {
            l.iter()
                .map(|&(s, m)| (s.to_owned(), m))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            labels(minute(2018, 6, 1), minute(2020, 6, 1), 200.0),
            owned(&[("2019", false), ("2020", true)])
        );
        assert_eq!(
            labels(minute(-45, 6, 1), minute(-42, 6, 1), 300.0),
            owned(&[("45 BCE", false), ("44 BCE", false), ("43 BCE", false)])
        );
        assert_eq!(
            labels(minute(2018, 11, 15), minute(2019, 3, 15), 480.0),
            owned(&[
                ("Dec", false),
                ("Jan 2019", true),
                ("Feb", false),
                ("Mar", false)
            ])
        );
        assert_eq!(
            labels(minute(2019, 1, 1), minute(2020, 1, 1), 365.0)[..2],
            owned(&[("Q1 2019", true), ("Q2", false)])
        );
        assert_eq!(
            labels(minute(2019, 7, 30), minute(2019, 8, 3), 400.0),
            owned(&[
                ("30", false),
                ("31", false),
                ("1 Aug", true),
                ("2", false),
                ("3", false)
            ])
        );
        let day = minute(2019, 7, 22);
        assert_eq!(
            labels(day - 360, day + 360, 160.0),
            owned(&[("18:00", false), ("22 Jul", true), ("06:00", false)])
        );
        assert_eq!(
            labels(day + 50, day + 75, 400.0),
            owned(&[
                ("00:50", false),
                ("00:55", false),
                ("01:00", true),
                ("01:05", false),
                ("01:10", false),
                ("01:15", false)
            ])
        );
    }

    #[test]
    fn weeks_start_on_monday() {
        let layout = ticks_for(minute(2024, 6, 1), minute(2024, 8, 1), 1000.0);
        assert_eq!(layout.tick_unit, TickUnit::Week);
        let first = date_of(layout.ticks[0].minute).unwrap();
        assert_eq!(first, NaiveDate::from_ymd_opt(2024, 6, 3).unwrap());
        assert_eq!(layout.ticks[0].label, "3 Jun");
        assert!(layout.ticks[0].major);
        assert_eq!(layout.ticks[1].label, "10");
    }

    #[test]
    fn degenerate_viewports_have_no_ticks() {
        let start = minute(2000, 1, 1);
        for (s, e, w) in [
            (start as f64, start as f64, 800.0),
            (start as f64 + 10.0, start as f64, 800.0),
            (start as f64, start as f64 + 1e6, 0.0),
            (f64::NAN, f64::NAN, f64::NAN),
            (f64::NEG_INFINITY, f64::INFINITY, f64::INFINITY),
            (start as f64, start as f64 + 1e-9, 800.0),
        ] {
            let items = vec![item(1, Date::year(2000).unwrap(), None, "a")];
            let viewport = Viewport {
                start_minute: s,
                end_minute: e,
                width_px: w,
                top_px: None,
                height_px: None,
            };
            let layout = run(&one_lane(items), viewport);
            assert!(layout.ticks.is_empty());
            assert!(!layout.timelines[0].lanes[0].items[0].visible);
        }
        let everything = Viewport {
            start_minute: f64::NEG_INFINITY,
            end_minute: f64::INFINITY,
            width_px: 1000.0,
            top_px: None,
            height_px: None,
        };
        let layout = run(&[], everything);
        assert_eq!(layout.viewport.start_minute, MIN_MINUTE as f64);
        assert_eq!(layout.viewport.end_minute, MAX_MINUTE as f64);
        assert!(!layout.ticks.is_empty());
    }

    #[test]
    fn supported_minutes_match_dates() {
        assert_eq!(MIN_MINUTE, Date::year(-9999).unwrap().start_minute());
        assert_eq!(MAX_MINUTE, Date::year(9999).unwrap().end_minute());
        assert_eq!(month_start_minute(2000, 1), Some(946_684_800 / 60));
    }

    #[test]
    fn markers_sit_mid_interval_for_coarse_dates_and_at_the_start_for_days() {
        let year_start = minute(2021, 1, 1);
        let year_end = minute(2022, 1, 1);
        let items = vec![
            item(1, Date::year(2021).unwrap(), None, "year"),
            item(2, Date::day(2021, 3, 1).unwrap(), None, "day"),
        ];
        let layout = run(&one_lane(items), viewport(year_start, year_end, 1000.0));
        let placed = &layout.timelines[0].lanes[0].items;
        assert_eq!(placed[0].id, 1);
        assert!((placed[0].x - 500.0).abs() < 1e-9);
        assert_eq!(placed[0].fuzzy_start_x, 0.0);
        assert!((placed[0].fuzzy_end_x - 1000.0).abs() < 1e-9);
        assert_eq!(placed[0].x_end, None);
        let march = (minute(2021, 3, 1) - year_start) as f64 * 1000.0 / 525_600.0;
        assert!((placed[1].x - march).abs() < 1e-9);
        assert_eq!(placed[1].fuzzy_start_x, placed[1].x);
        let style = LayoutStyle::screen();
        assert_eq!(
            placed[1].label_x,
            placed[1].x + style.marker_px / 2.0 + style.label_gap_px
        );
        // The year's imprecision spans the day, so they need two rows.
        assert_ne!(placed[0].row, placed[1].row);
    }

    #[test]
    fn ranges_span_start_of_start_to_end_of_end() {
        let start = minute(2021, 1, 1);
        let items = vec![
            item(
                1,
                Date::month(2021, 2).unwrap(),
                Some(Date::month(2021, 4).unwrap()),
                "range",
            ),
            item(
                2,
                Date::month(2021, 6).unwrap(),
                Some(Date::year(2020).unwrap()),
                "backwards",
            ),
        ];
        let layout = run(
            &one_lane(items),
            viewport(start, start + 365 * MINUTES_PER_DAY, 365.0),
        );
        let placed = &layout.timelines[0].lanes[0].items;
        assert!((placed[0].x - 31.0).abs() < 1e-9);
        assert!((placed[0].x_end.unwrap() - 120.0).abs() < 1e-9);
        assert_eq!(
            placed[0].label_x,
            placed[0].x + LayoutStyle::screen().label_gap_px
        );
        // An end before the start collapses to the start's interval.
        assert!((placed[1].x - 151.0).abs() < 1e-9);
        assert!((placed[1].x_end.unwrap() - 181.0).abs() < 1e-9);
    }

    #[test]
    fn ongoing_items_run_past_the_edge_and_own_their_row() {
        let start = minute(2021, 1, 1);
        let mut ongoing = item(1, Date::month(2021, 2).unwrap(), None, "ongoing");
        ongoing.ongoing = true;
        let later = item(2, Date::month(2021, 10).unwrap(), None, "later");
        let layout = run(
            &one_lane(vec![ongoing, later]),
            viewport(start, start + 365 * MINUTES_PER_DAY, 365.0),
        );
        let placed = &layout.timelines[0].lanes[0].items;
        assert!(placed[0].ongoing);
        assert!(placed[0].x_end.unwrap() > 365.0);
        assert_eq!((placed[0].row, placed[1].row), (0, 1));
    }

    #[test]
    fn collapsed_lanes_have_one_row_and_no_labels() {
        let items: Vec<_> = (0..5)
            .map(|i| item(i, Date::year(2021).unwrap(), None, "same"))
            .collect();
        let mut timelines = one_lane(items);
        timelines[0].lanes[0].collapsed = true;
        let start = minute(2021, 1, 1);
        let layout = run(&timelines, viewport(start, start + YEAR, 800.0));
        let lane = &layout.timelines[0].lanes[0];
        assert_eq!(lane.rows, 1);
        assert!(
            lane.items
                .iter()
                .all(|i| i.row == 0 && !i.label_visible && i.visible)
        );
    }

    #[test]
    fn boxes_stack_vertically() {
        let style = LayoutStyle::screen();
        let same_year = |n: i64| -> Vec<ItemInput> {
            (0..n)
                .map(|i| item(i, Date::year(2021).unwrap(), None, "same"))
                .collect()
        };
        let timelines = vec![
            TimelineInput {
                id: 1,
                lanes: vec![
                    LaneInput {
                        id: 11,
                        collapsed: false,
                        items: same_year(3),
                    },
                    LaneInput {
                        id: 12,
                        collapsed: false,
                        items: Vec::new(),
                    },
                ],
                periods: Vec::new(),
            },
            TimelineInput {
                id: 2,
                lanes: Vec::new(),
                periods: Vec::new(),
            },
        ];
        let start = minute(2021, 1, 1);
        let layout = run(&timelines, viewport(start, start + YEAR, 800.0));
        let [first, second] = &layout.timelines[..] else {
            panic!("two timelines expected");
        };
        let lane_height =
            |rows: f64| style.lane_header_px + rows * style.row_height_px + style.lane_padding_px;
        assert_eq!(first.y, 0.0);
        assert_eq!(first.lanes[0].y, style.timeline_header_px);
        assert_eq!(first.lanes[0].rows, 3);
        assert_eq!(first.lanes[0].height, lane_height(3.0));
        assert_eq!(first.lanes[1].rows, style.min_lane_rows);
        assert_eq!(first.lanes[1].y, first.lanes[0].y + first.lanes[0].height);
        let row_2 = &first.lanes[0].items[2];
        assert_eq!(row_2.row, 2);
        assert_eq!(
            row_2.y,
            first.lanes[0].y + style.lane_header_px + 2.5 * style.row_height_px
        );
        assert_eq!(
            first.height,
            style.timeline_header_px + lane_height(3.0) + lane_height(1.0)
        );
        assert_eq!(second.y, first.height + style.timeline_gap_px);
        assert_eq!(second.height, style.timeline_header_px);
        assert_eq!(layout.height_px, second.y + second.height);
    }

    #[test]
    fn only_rows_in_the_band_on_screen_are_visible() {
        // Twenty events on one day stack into twenty rows.
        let day = Date::day(2021, 6, 1).unwrap();
        let items = (0..20).map(|n| item(n, day, None, "same day")).collect();
        let timelines = one_lane(items);
        let mut viewport = viewport(minute(2021, 1, 1), minute(2022, 1, 1), 800.0);
        let everything = run(&timelines, viewport.clone());
        assert!(
            everything.timelines[0].lanes[0]
                .items
                .iter()
                .all(|i| i.visible)
        );
        let style = LayoutStyle::screen();
        let row_y = |row: f64| {
            style.timeline_header_px + style.lane_header_px + (row + 0.5) * style.row_height_px
        };
        // A band from row 10 down, as tall as two rows.
        viewport.top_px = Some(row_y(10.0) - style.row_height_px / 2.0);
        viewport.height_px = Some(2.0 * style.row_height_px);
        let band = run(&timelines, viewport);
        let lane = &band.timelines[0].lanes[0];
        for placed in &lane.items {
            let on_screen = placed.y >= row_y(10.0) - VISIBILITY_MARGIN_PX - style.row_height_px
                && placed.y <= row_y(11.0) + VISIBILITY_MARGIN_PX + style.row_height_px;
            assert_eq!(placed.visible, on_screen, "row {}", placed.row);
        }
        let visible = lane.items.iter().filter(|i| i.visible).count();
        assert!((2..20).contains(&visible), "{visible} of 20 visible");
        // The rows themselves do not change with the band.
        let rows = |layout: &Layout| {
            layout.timelines[0].lanes[0]
                .items
                .iter()
                .map(|i| i.row)
                .collect::<Vec<_>>()
        };
        assert_eq!(rows(&band), rows(&everything));
    }

    #[test]
    fn visibility_and_today() {
        let start = minute(2021, 1, 1);
        let items = vec![
            item(1, Date::day(2021, 6, 1).unwrap(), None, "inside"),
            item(2, Date::year(1990).unwrap(), None, "far before"),
            item(3, Date::year(2050).unwrap(), None, "far after"),
        ];
        let input_timelines = one_lane(items);
        let input = LayoutInput {
            timelines: &input_timelines,
            viewport: viewport(start, start + YEAR, 1000.0),
            today_minute: Some(start + YEAR / 2),
        };
        let layout = lay_out(&input, &LayoutStyle::screen(), FontMetrics::inter_regular());
        let visible: Vec<_> = layout.timelines[0].lanes[0]
            .items
            .iter()
            .map(|i| (i.id, i.visible))
            .collect();
        assert_eq!(visible, [(2, false), (1, true), (3, false)]);
        assert!((layout.today_x.unwrap() - 500.0).abs() < 1e-9);
        let outside = LayoutInput {
            today_minute: Some(start - 1),
            ..input
        };
        let layout = lay_out(
            &outside,
            &LayoutStyle::screen(),
            FontMetrics::inter_regular(),
        );
        assert_eq!(layout.today_x, None);
    }

    #[test]
    fn serializes_for_typescript() {
        assert_eq!(
            serde_json::to_string(&TickUnit::Millennium).unwrap(),
            "\"millennium\""
        );
        let decl = PlacedItem::decl();
        assert!(decl.contains("id: number"), "{decl}");
        assert!(decl.contains("x_end: number | null"), "{decl}");
        assert!(Tick::decl().contains("minute: number"));
    }

    #[test]
    fn lays_out_ten_thousand_items() {
        let start = minute(2000, 1, 1);
        let items: Vec<_> = (0..10_000)
            .map(|i| {
                let precision = Precision::ALL[i as usize % Precision::ALL.len()];
                let at = Date::from_minute(start + i * 997 * 60, precision);
                let end =
                    (i % 3 == 0).then(|| Date::from_minute(start + i * 1200 * 60, Precision::Day));
                item(i, at, end, &format!("Event number {i}"))
            })
            .collect();
        let timelines = one_lane(items);
        let layout = run(&timelines, viewport(start, start + 2 * YEAR, 1600.0));
        assert_eq!(layout.timelines[0].lanes[0].items.len(), 10_000);
        assert_no_overlaps(&layout, &LayoutStyle::screen());
    }
}
