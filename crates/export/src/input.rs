//! From a timeline as the store hands it out to what the exporters show:
//! the lanes asked for, the events and spans inside the crop, dates parsed.

use std::collections::{HashMap, HashSet};

use tideline_model::Date;
use tideline_model::graphic::{GraphicInput, GraphicItem, GraphicLane, SpanInput};
use tideline_store::views::{AnnotationView, EventView, LaneView, TimelineView};

use tideline_model::Locale;

use crate::{ExportError, ExportOptions, HouseStyle};

/// The part of a timeline an export shows.
pub(crate) struct Selection<'a> {
    pub view: &'a TimelineView,
    /// Lanes in the timeline's order, each with its events in start order.
    pub lanes: Vec<(&'a LaneView, Vec<Event<'a>>)>,
    pub spans: Vec<(&'a AnnotationView, SpanInput)>,
    /// Annotations on the timeline as a whole.
    pub notes: Vec<&'a AnnotationView>,
    /// Each event's lanes, as indices into `lanes`.
    lanes_of: HashMap<i64, Vec<usize>>,
}

/// An event with its dates parsed.
pub(crate) struct Event<'a> {
    pub view: &'a EventView,
    pub start: Date,
    pub end: Option<Date>,
}

impl Event<'_> {
    /// The annotations on this event.
    pub fn callouts<'s>(&self, view: &'s TimelineView) -> impl Iterator<Item = &'s AnnotationView> {
        let id = self.view.facts.id;
        view.annotations
            .iter()
            .filter(move |a| a.event_id == Some(id))
    }
}

fn parse_option(option: &'static str, text: &Option<String>) -> Result<Option<Date>, ExportError> {
    text.as_deref()
        .filter(|t| !t.trim().is_empty())
        .map(|t| {
            Date::parse(t).map_err(|e| ExportError::InvalidOption {
                option,
                message: e.to_string(),
            })
        })
        .transpose()
}

impl<'a> Selection<'a> {
    pub fn new(
        view: &'a TimelineView,
        options: &ExportOptions,
    ) -> Result<Selection<'a>, ExportError> {
        let from = parse_option("from", &options.from)?.map(|d| d.start_minute());
        let to = parse_option("to", &options.to)?.map(|d| d.end_minute());
        let inside =
            |start: i64, end: i64| from.is_none_or(|f| end > f) && to.is_none_or(|t| start < t);
        let lanes: Vec<&LaneView> = view
            .lanes
            .iter()
            .filter(|lane| {
                options
                    .lanes
                    .as_ref()
                    .is_none_or(|ids| ids.contains(&lane.id))
            })
            .collect();
        let mut by_lane: Vec<(&LaneView, Vec<Event<'a>>)> =
            lanes.iter().map(|lane| (*lane, Vec::new())).collect();
        let slot_of: HashMap<i64, usize> = by_lane
            .iter()
            .enumerate()
            .map(|(i, (lane, _))| (lane.id, i))
            .collect();
        let event_of: HashMap<i64, &EventView> =
            view.events.iter().map(|e| (e.facts.id, e)).collect();
        // Placements come in start order.
        for placement in &view.placements {
            let Some(slot) = slot_of.get(&placement.lane_id).map(|&i| &mut by_lane[i]) else {
                continue;
            };
            let Some(&event) = event_of.get(&placement.event_id) else {
                continue;
            };
            let end = if event.facts.ongoing {
                i64::MAX
            } else {
                event.facts.end_minute
            };
            if !inside(event.facts.start_minute, end) {
                continue;
            }
            let parse = |edtf: &str| {
                Date::parse_edtf(edtf).map_err(|e| ExportError::InvalidDate {
                    event: event.facts.id,
                    message: e.to_string(),
                })
            };
            slot.1.push(Event {
                view: event,
                start: parse(&event.facts.start)?,
                end: event.facts.end.as_deref().map(parse).transpose()?,
            });
        }
        let mut spans = Vec::new();
        let mut notes = Vec::new();
        for annotation in &view.annotations {
            match (&annotation.start, &annotation.end, annotation.event_id) {
                (Some(start), Some(end), _) => {
                    let (Ok(start), Ok(end)) = (Date::parse_edtf(start), Date::parse_edtf(end))
                    else {
                        continue;
                    };
                    if inside(start.start_minute(), end.end_minute()) {
                        spans.push((
                            annotation,
                            SpanInput {
                                start,
                                end,
                                text: annotation.text.clone(),
                            },
                        ));
                    }
                }
                (_, _, None) => notes.push(annotation),
                _ => {}
            }
        }
        let mut lanes_of: HashMap<i64, Vec<usize>> = HashMap::new();
        for (index, (_, events)) in by_lane.iter().enumerate() {
            for event in events {
                lanes_of.entry(event.view.facts.id).or_default().push(index);
            }
        }
        Ok(Selection {
            view,
            lanes: by_lane,
            spans,
            notes,
            lanes_of,
        })
    }

    /// The lanes event `id` is on, in the timeline's order.
    pub fn lanes_of(&self, id: i64) -> impl Iterator<Item = &'a LaneView> + '_ {
        self.lanes_of
            .get(&id)
            .into_iter()
            .flatten()
            .map(|&index| self.lanes[index].0)
    }

    /// Every selected event once, in start order (an event in two lanes
    /// counts once).
    pub fn events(&self) -> Vec<&Event<'a>> {
        let mut seen = HashSet::new();
        let mut events: Vec<&Event<'a>> = Vec::new();
        for (_, lane) in &self.lanes {
            for event in lane {
                if seen.insert(event.view.facts.id) {
                    events.push(event);
                }
            }
        }
        events.sort_by_key(|e| (e.start.start_minute(), e.start, e.view.facts.id));
        events
    }

    /// "Sources: A; B; C." — publishers in order of first citation, and
    /// how many events have none.
    pub fn credit(&self, locale: Locale, style: &HouseStyle) -> String {
        credit(self.events().iter().map(|e| e.view), locale, style)
    }
}

/// "Sources: A; B; C." — publishers in order of first citation, and how
/// many of `events` have none.
pub(crate) fn credit<'e>(
    events: impl Iterator<Item = &'e EventView>,
    locale: Locale,
    style: &HouseStyle,
) -> String {
    let words = locale.words();
    let events: Vec<&EventView> = events.collect();
    let mut publishers: Vec<&str> = Vec::new();
    for event in &events {
        for source in &event.sources {
            let name = if source.publisher.trim().is_empty() {
                source.title.trim()
            } else {
                source.publisher.trim()
            };
            if !name.is_empty() && !publishers.contains(&name) {
                publishers.push(name);
            }
        }
    }
    let unsourced = events.iter().filter(|e| e.sources.is_empty()).count();
    let mut parts = Vec::new();
    if !publishers.is_empty() {
        let list = publishers.join("; ");
        let values = [("publishers", list.as_str())];
        parts.push(match &style.source_line {
            Some(line) => line.replace("{publishers}", &list),
            None => words.fill("graphic.credit-sources", &values),
        });
    }
    if unsourced > 0 {
        parts.push(format!(
            "{} {}.",
            words.count("brief.events", unsourced as f64, 0, &[]),
            words.text("brief.unsourced")
        ));
    }
    let sources = parts.join(" ");
    match (style.credit.is_empty(), sources.is_empty()) {
        (true, _) => sources,
        (false, true) => style.credit.clone(),
        (false, false) => format!("{} · {sources}", style.credit),
    }
}

/// The model's input for the graphic of `view`.
pub fn graphic_input(
    view: &TimelineView,
    options: &ExportOptions,
    style: &HouseStyle,
) -> Result<GraphicInput, ExportError> {
    let locale = crate::locale(options)?;
    let selection = Selection::new(view, options)?;
    let lanes = selection
        .lanes
        .iter()
        .map(|(lane, events)| GraphicLane {
            id: lane.id,
            name: lane.name.clone(),
            items: events
                .iter()
                .map(|event| GraphicItem {
                    id: event.view.facts.id,
                    title: event.view.facts.title.clone(),
                    description: event.view.description.clone(),
                    start: event.start,
                    end: event.end,
                    ongoing: event.view.facts.ongoing,
                    kind: event.view.facts.kind,
                    confidence: event.view.facts.confidence,
                    importance: event.view.facts.importance,
                    callouts: event.callouts(view).map(|a| a.text.clone()).collect(),
                    date_text: None,
                })
                .collect(),
        })
        .collect();
    Ok(GraphicInput {
        title: view.title.clone(),
        subtitle: view.subtitle.clone(),
        lanes,
        spans: selection
            .spans
            .iter()
            .map(|(_, span)| span.clone())
            .collect(),
        notes: selection.notes.iter().map(|a| a.text.clone()).collect(),
        credit: selection.credit(locale, style),
        width_px: options.width.unwrap_or(options.orientation.default_width()),
        height_px: options.height,
        orientation: options.orientation,
        descriptions: options.descriptions,
        lanes_share_rows: true,
        t0_minute: None,
        locale,
        date_length: style.date_length,
        fonts: style.typefaces(),
        logo: style.logo.as_ref().map(|logo| (logo.width, logo.height)),
    })
}
