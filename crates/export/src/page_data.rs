//! What the web page's viewer reads: the events, lanes and shaded periods
//! of the page, with the words and date labels the engine writes, and the
//! engine's layout of them at every zoom the viewer offers, so that the
//! page draws exactly what the app would and measures no text itself.
//!
//! A level is the whole span laid out across a width, from 600 px doubling
//! up to 76,800 px. Rows depend on the zoom only, so the viewer shows the
//! widest level no wider than the view it draws, stretched to fit: labels
//! then have at least the room the engine packed them in.

use serde::Serialize;
use tideline_locale::Words;
use tideline_model::graphic::{GraphicInput, confidence_label, kind_label, relative_label};
use tideline_model::layout::{
    ItemInput, LaneInput, Layout, LayoutInput, LayoutStyle, PeriodInput, TimelineInput, Viewport,
    lay_out,
};
use tideline_model::text::FontMetrics;
use tideline_model::{Date, DateLength, Locale};
use tideline_store::views::{ComparisonView, TimelineView};

use crate::ExportError;
use crate::input::{Event, Selection};
use crate::markdown::{Wording, dates_text};

/// The narrowest level's width; each next one is twice as wide.
const FIRST_LEVEL_PX: f64 = 600.0;
const LEVELS: u32 = 8;

/// The page's data, as `<script type="application/json">` holds it.
#[derive(Serialize)]
pub(crate) struct PageData<'a> {
    title: &'a str,
    /// The span every level lays out, in minutes since 1970.
    start_minute: i64,
    end_minute: i64,
    /// A comparison's axis, in time from each timeline's T0: no "today".
    relative: bool,
    lanes: Vec<PageLane<'a>>,
    events: Vec<PageEvent<'a>>,
    periods: Vec<PagePeriod>,
    levels: Vec<Level>,
    /// The viewer's own words, in the page's language.
    words: ViewerWords<'a>,
}

#[derive(Serialize)]
struct PageLane<'a> {
    id: i64,
    name: &'a str,
}

#[derive(Serialize)]
struct PageEvent<'a> {
    id: i64,
    title: &'a str,
    /// The date or range as the page's language writes it.
    when: String,
    /// ISO 8601 of the start at its precision, as `<time datetime>` has it.
    start: &'a str,
    end: Option<&'a str>,
    start_minute: i64,
    end_minute: i64,
    kind: &'static str,
    /// The kind and, unless confirmed, the confidence, in words.
    about: String,
    /// Approximate or uncertain: drawn fuzzy.
    fuzzy: bool,
    unsourced: bool,
    importance: u8,
}

#[derive(Serialize)]
struct PagePeriod {
    id: i64,
    start_minute: i64,
    end_minute: i64,
    text: String,
    when: String,
}

/// An event's place: `[event id, lane id, x, x_end or null, y,
/// label_width, label_visible]`.
type Mark = (i64, i64, f64, Option<f64>, f64, f64, bool);

/// The engine's layout of the span across `width_px`.
#[derive(Serialize)]
struct Level {
    width_px: f64,
    height_px: f64,
    /// How far labels and bars reach past the span's end, in px.
    overhang_px: f64,
    /// `[x, label, major]`.
    ticks: Vec<(f64, String, bool)>,
    /// `[lane id, y, height]`.
    lanes: Vec<(i64, f64, f64)>,
    items: Vec<Mark>,
    /// `[period id, row]`: the row each period's name is set in.
    periods: Vec<(i64, usize)>,
}

#[derive(Serialize)]
struct ViewerWords<'a> {
    region: &'a str,
    zoom_in: &'a str,
    zoom_out: &'a str,
    fit: &'a str,
    close: &'a str,
    help: &'a str,
}

impl<'a> PageData<'a> {
    /// The data of a timeline's page: its lanes and events as selected.
    pub fn timeline(
        selection: &Selection<'a>,
        events: &[&Event<'a>],
        locale: Locale,
        length: DateLength,
    ) -> PageData<'a> {
        let words = locale.words();
        let view: &'a TimelineView = selection.view;
        let lanes = selection
            .lanes
            .iter()
            .map(|(lane, events)| {
                let items = events
                    .iter()
                    .map(|event| ItemInput {
                        id: event.view.facts.id,
                        start: event.start,
                        end: event.end,
                        ongoing: event.view.facts.ongoing,
                        label: event.view.facts.title.clone(),
                    })
                    .collect();
                (lane.id, lane.name.as_str(), items)
            })
            .collect();
        let periods = selection
            .spans
            .iter()
            .map(|(annotation, span)| PagePeriod {
                id: annotation.id,
                start_minute: span.start.start_minute(),
                end_minute: span.end.end_minute(),
                text: span.text.clone(),
                when: dates_text(span.start, Some(span.end), false, Wording { words, length }),
            })
            .collect();
        let events = events
            .iter()
            .map(|event| PageEvent::of(event, None, words, length))
            .collect();
        PageData::laid_out(&view.title, view.id, lanes, events, periods, None, locale)
    }

    /// The data of a comparison's page: a lane per timeline, each moved so
    /// its T0 falls on the axis's (`input`, as the graphic lays it out).
    pub fn comparison(
        view: &'a ComparisonView,
        input: &GraphicInput,
        locale: Locale,
        length: DateLength,
    ) -> Result<PageData<'a>, ExportError> {
        let words = locale.words();
        let mut events = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        let mut lanes = Vec::new();
        for (timeline, lane) in view.timelines.iter().zip(&input.lanes) {
            let items = lane
                .items
                .iter()
                .map(|item| ItemInput {
                    id: item.id,
                    start: item.start,
                    end: item.end,
                    ongoing: item.ongoing,
                    label: item.title.clone(),
                })
                .collect();
            lanes.push((timeline.id, timeline.title.as_str(), items));
            for (item, event) in lane.items.iter().zip(&timeline.events) {
                if !seen.insert(event.facts.id) {
                    continue;
                }
                let parse = |edtf: &str| {
                    Date::parse_edtf(edtf).map_err(|e| ExportError::InvalidDate {
                        event: event.facts.id,
                        message: e.to_string(),
                    })
                };
                let dated = Event {
                    view: event,
                    start: parse(&event.facts.start)?,
                    end: event.facts.end.as_deref().map(parse).transpose()?,
                };
                let mut page = PageEvent::of(&dated, item.date_text.clone(), words, length);
                page.start_minute = item.start.start_minute();
                page.end_minute = item.end.unwrap_or(item.start).end_minute();
                events.push(page);
            }
        }
        events.sort_by_key(|event| (event.start_minute, event.id));
        Ok(PageData::laid_out(
            &view.name,
            0,
            lanes,
            events,
            Vec::new(),
            input.t0_minute,
            locale,
        ))
    }

    /// Lays `lanes` out at every level; with `t0_minute`, on a relative
    /// axis whose ticks read T−/T+.
    fn laid_out(
        title: &'a str,
        id: i64,
        lanes: Vec<(i64, &'a str, Vec<ItemInput>)>,
        events: Vec<PageEvent<'a>>,
        periods: Vec<PagePeriod>,
        t0_minute: Option<i64>,
        locale: Locale,
    ) -> PageData<'a> {
        let words = locale.words();
        let (start_minute, end_minute) = span(&lanes, &periods);
        let input = TimelineInput {
            id,
            lanes: lanes
                .iter()
                .map(|(id, _, items)| LaneInput {
                    id: *id,
                    collapsed: false,
                    items: items.clone(),
                })
                .collect(),
            periods: periods
                .iter()
                .map(|period| PeriodInput {
                    id: period.id,
                    start_minute: period.start_minute,
                    name: period.text.clone(),
                })
                .collect(),
        };
        let style = LayoutStyle {
            locale,
            ..LayoutStyle::screen()
        };
        let levels = (0..LEVELS)
            .map(|i| {
                let width_px = FIRST_LEVEL_PX * f64::from(1u32 << i);
                let mut layout = lay_out(
                    &LayoutInput {
                        timelines: std::slice::from_ref(&input),
                        viewport: Viewport {
                            start_minute: start_minute as f64,
                            end_minute: end_minute as f64,
                            width_px,
                            top_px: None,
                            height_px: None,
                        },
                        today_minute: None,
                    },
                    &style,
                    FontMetrics::inter_regular(),
                );
                if let Some(t0) = t0_minute {
                    for tick in &mut layout.ticks {
                        tick.label = relative_label(t0, tick.minute);
                    }
                }
                Level::of(&layout, width_px)
            })
            .collect();
        PageData {
            title,
            start_minute,
            end_minute,
            relative: t0_minute.is_some(),
            lanes: lanes
                .iter()
                .map(|(id, name, _)| PageLane { id: *id, name })
                .collect(),
            events,
            periods,
            levels,
            words: ViewerWords {
                region: words.text("viewer.region"),
                zoom_in: words.text("viewer.zoom-in"),
                zoom_out: words.text("viewer.zoom-out"),
                fit: words.text("viewer.fit"),
                close: words.text("viewer.close"),
                help: words.text("viewer.help"),
            },
        }
    }
}

impl<'a> PageEvent<'a> {
    /// The event as the page shows it, its date as `when` says (a
    /// comparison's date and offset) or as the language writes it.
    fn of(
        event: &Event<'a>,
        when: Option<String>,
        words: &Words,
        length: DateLength,
    ) -> PageEvent<'a> {
        let facts = &event.view.facts;
        let when = when.unwrap_or_else(|| {
            dates_text(
                event.start,
                event.end,
                facts.ongoing,
                Wording { words, length },
            )
        });
        let mut about = kind_label(words, facts.kind);
        if facts.confidence != tideline_model::Confidence::Confirmed {
            about.push_str(" · ");
            about.push_str(&confidence_label(words, facts.confidence));
        }
        PageEvent {
            id: facts.id,
            title: &facts.title,
            when,
            start: &facts.start,
            end: facts.end.as_deref(),
            start_minute: facts.start_minute,
            end_minute: facts.end_minute,
            kind: facts.kind.as_str(),
            about,
            fuzzy: facts.approximate || facts.uncertain,
            unsourced: event.view.sources.is_empty(),
            importance: facts.importance,
        }
    }
}

impl Level {
    fn of(layout: &Layout, width_px: f64) -> Level {
        let round = |px: f64| (px * 10.0).round() / 10.0;
        let timeline = layout.timelines.first();
        let reach = timeline
            .iter()
            .flat_map(|t| &t.lanes)
            .flat_map(|lane| &lane.items)
            .map(|item| (item.label_x + item.label_width).max(item.x_end.unwrap_or(item.x)))
            .fold(width_px, f64::max);
        Level {
            width_px,
            height_px: round(layout.height_px),
            overhang_px: (reach - width_px).ceil(),
            ticks: layout
                .ticks
                .iter()
                .map(|tick| (round(tick.x), tick.label.clone(), tick.major))
                .collect(),
            lanes: timeline
                .iter()
                .flat_map(|t| &t.lanes)
                .map(|lane| (lane.id, round(lane.y), round(lane.height)))
                .collect(),
            items: timeline
                .iter()
                .flat_map(|t| &t.lanes)
                .flat_map(|lane| lane.items.iter().map(move |item| (lane.id, item)))
                .map(|(lane, item)| {
                    (
                        item.id,
                        lane,
                        round(item.x),
                        item.x_end.map(round),
                        round(item.y),
                        round(item.label_width),
                        item.label_visible,
                    )
                })
                .collect(),
            periods: timeline
                .iter()
                .flat_map(|t| &t.periods)
                .map(|period| (period.id, period.row))
                .collect(),
        }
    }
}

/// The span the levels lay out: every item and shaded period, with a
/// margin of a fiftieth each side (a day, for a single point).
fn span(lanes: &[(i64, &str, Vec<ItemInput>)], periods: &[PagePeriod]) -> (i64, i64) {
    let items = lanes.iter().flat_map(|(_, _, items)| items);
    let starts = items
        .clone()
        .map(|item| item.start.start_minute())
        .chain(periods.iter().map(|p| p.start_minute));
    let ends = items
        .map(|item| item.end.unwrap_or(item.start).end_minute())
        .chain(periods.iter().map(|p| p.end_minute));
    let (Some(first), Some(last)) = (starts.min(), ends.max()) else {
        let year = Date::day(2000, 1, 1).expect("a real day");
        return (year.start_minute(), year.end_minute() + 365 * 1440);
    };
    let margin = ((last - first) / 50).max(1440);
    (first - margin, last + margin)
}
