//! What the timeline editor changes. Each change is one undoable step
//! ([`Workspace::edit`]): checked by the model's rules, written in one
//! transaction or not at all, and answered with what the UI redraws.

use rusqlite::{Connection, OptionalExtension, params};
use tideline_model::source::validate_quote;
use tideline_model::timeline::{unused_colour, validate_annotation_text, validate_lane_name};
use tideline_model::{
    AnnotationTarget, Confidence, Date, DateParseError, Edge, EventDates, EventDraft, EventEnd,
    EventKind, Precision, SourceDraft, TimelineDraft, ValidationError, validation,
};

use crate::error::{Result, StoreError};
use crate::history::HistoryState;
use crate::views::{
    AnnotationDraft, DateField, DatePreview, DateProblem, DateReading, EventChange, EventPatch,
    EventView, NewEvent, SourceDraftView, SourceView, TimelineSummary,
};
use crate::workspace::{Workspace, Writer, display_edtf, update_event_row};

/// The lane a new timeline starts with.
const FIRST_LANE: &str = "Events";

impl Workspace {
    // Events.

    /// Creates an event (importance 3; reported unless the confidence is
    /// given: it has no source yet) from its dates as typed, a point or a
    /// range ([`typed_dates`]), and, given a lane, places it there.
    pub fn create_event(&mut self, event: &NewEvent) -> Result<EventView> {
        let dates = typed_dates(&event.start, event.end.as_deref())
            .map_err(|(field, error)| StoreError::date(field.name(), error))?;
        let draft = EventDraft {
            end: dates.end,
            confidence: event.confidence.unwrap_or(Confidence::Reported),
            ..EventDraft::new(&event.title, dates.start, event.kind)
        };
        let id = self.edit("New event", |w| {
            let id = w.create_event(draft)?;
            if let Some(lane) = event.lane_id {
                w.place(id, lane)?;
            }
            Ok(id)
        })?;
        self.event(id)
    }

    /// Changes the fields the patch gives; the rest stay.
    pub fn update_event(&mut self, id: i64, patch: &EventPatch) -> Result<EventView> {
        self.edit("Edit event", |w| {
            let draft = apply_patch(read_event(w.conn, id)?, patch)?;
            update_event_row(w.conn, id, draft)
        })?;
        self.event(id)
    }

    /// Deletes an event from the workspace with its placements, citations
    /// and callouts.
    pub fn delete_event(&mut self, id: i64) -> Result<HistoryState> {
        self.edit("Delete event", |w| w.delete_event(id))?;
        self.history()
    }

    /// Places an event in a lane: on the lane's timeline if it is not there
    /// yet (its places on other timelines stay), or into that lane if it is.
    pub fn place_event(&mut self, event: i64, lane: i64) -> Result<HistoryState> {
        let timeline = lane_timeline(&self.conn, lane)?;
        let on_timeline: bool = self.conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM placement WHERE event_id = ?1 AND timeline_id = ?2)",
            params![event, timeline],
            |row| row.get(0),
        )?;
        let label = if on_timeline {
            "Move event to lane"
        } else {
            "Place event"
        };
        self.edit(label, |w| place(w, event, lane))?;
        self.history()
    }

    /// Takes an event off one timeline, with its callouts there; the event
    /// stays in the workspace and on its other timelines.
    pub fn unplace_event(&mut self, event: i64, timeline: i64) -> Result<HistoryState> {
        self.edit("Remove event from timeline", |w| {
            unplace(w, event, timeline)
        })?;
        self.history()
    }

    /// Makes every change of one gesture, in order, as one undoable step:
    /// all of them or, if one is refused, none.
    pub fn change_events(&mut self, changes: &[EventChange]) -> Result<HistoryState> {
        let count = changes.len();
        let label = match changes.first() {
            None => return self.history(),
            Some(EventChange::Unplace { .. }) if count == 1 => "Remove event from timeline".into(),
            Some(EventChange::Unplace { .. }) => format!("Remove {count} events from timeline"),
            Some(_) if count == 1 => "Move event".into(),
            Some(_) => format!("Move {count} events"),
        };
        self.edit(&label, |w| {
            for change in changes {
                match *change {
                    EventChange::Move { id, delta_minutes } => {
                        redate(w, id, |dates| dates.moved(delta_minutes))?
                    }
                    EventChange::Shift { id, steps } => {
                        redate(w, id, |dates| dates.shifted(steps))?
                    }
                    EventChange::Place { event, lane } => place(w, event, lane)?,
                    EventChange::Unplace { event, timeline } => unplace(w, event, timeline)?,
                }
            }
            Ok(())
        })?;
        self.history()
    }

    /// Re-dates an event dragged along the axis by `delta_minutes`
    /// ([`EventDates::moved`]): each date snaps to its own precision.
    pub fn move_event(&mut self, id: i64, delta_minutes: i64) -> Result<EventView> {
        self.edit("Move event", |w| {
            redate(w, id, |dates| dates.moved(delta_minutes))
        })?;
        self.event(id)
    }

    /// Sets one end of an event to the date of its precision containing
    /// `minute` ([`EventDates::resized`]).
    pub fn resize_event(&mut self, id: i64, edge: Edge, minute: i64) -> Result<EventView> {
        self.edit("Resize event", |w| {
            redate(w, id, |dates| dates.resized(edge, minute))
        })?;
        self.event(id)
    }

    /// Moves an event by whole units of its start's precision
    /// ([`EventDates::shifted`]).
    pub fn shift_event(&mut self, id: i64, steps: i64) -> Result<EventView> {
        self.edit("Move event", |w| {
            redate(w, id, |dates| dates.shifted(steps))
        })?;
        self.event(id)
    }

    /// The date of `precision` containing the instant `minute`, as a drag
    /// ghost shows it. Reads and writes nothing.
    pub fn preview_date(
        minute: i64,
        precision: Precision,
        approximate: bool,
        uncertain: bool,
    ) -> DatePreview {
        let date = Date::from_minute(minute, precision)
            .with_approximate(approximate)
            .with_uncertain(uncertain);
        DatePreview {
            edtf: date.to_edtf(),
            label: date.display(),
            start_minute: date.start_minute(),
            end_minute: date.end_minute(),
        }
    }

    /// How the dates typed in the New event form read, as
    /// [`Workspace::create_event`] would read them. Reads and writes nothing.
    pub fn read_dates(start: &str, end: Option<&str>) -> DateReading {
        let mut reading = DateReading {
            start_label: None,
            end_label: None,
            warning: None,
            error: None,
        };
        match typed_dates(start, end) {
            Ok(dates) => {
                reading.start_label = Some(dates.start.display());
                if let EventEnd::Until(until) = dates.end {
                    reading.end_label = Some(until.display());
                    reading.warning = end_within_start(dates.start, until);
                }
            }
            Err((field, error)) => {
                let text = match field {
                    DateField::Start => start,
                    DateField::End => end.unwrap_or_default(),
                };
                let units = |byte: usize| {
                    let byte = byte.min(text.len());
                    let prefix = text.get(..byte).unwrap_or(text);
                    u32::try_from(prefix.encode_utf16().count()).unwrap_or(u32::MAX)
                };
                reading.error = Some(DateProblem {
                    field,
                    message: error.message,
                    from: units(error.span.start),
                    to: units(error.span.end),
                });
            }
        }
        reading
    }

    // Sources.

    /// Every source, by title.
    pub fn sources(&self) -> Result<Vec<SourceView>> {
        self.source_views(None)
    }

    pub fn source(&self, id: i64) -> Result<SourceView> {
        self.source_views(Some(id))?
            .pop()
            .ok_or_else(|| StoreError::not_found("source", id))
    }

    fn source_views(&self, only: Option<i64>) -> Result<Vec<SourceView>> {
        let mut stmt = self.conn.prepare(
            "SELECT s.id, s.url, s.title, s.publisher, s.author, s.published_edtf, s.accessed_edtf,
                    s.excerpt, s.notes, (SELECT count(*) FROM event_source l WHERE l.source_id = s.id)
             FROM source s WHERE ?1 IS NULL OR s.id = ?1 ORDER BY s.title COLLATE NOCASE, s.id",
        )?;
        let rows = stmt.query_map([only], |row| {
            let published: Option<String> = row.get(5)?;
            let accessed: Option<String> = row.get(6)?;
            Ok(SourceView {
                id: row.get(0)?,
                url: row.get(1)?,
                title: row.get(2)?,
                publisher: row.get(3)?,
                author: row.get(4)?,
                published_label: published.as_deref().map(display_edtf),
                accessed_label: accessed.as_deref().map(display_edtf),
                published,
                accessed,
                excerpt: row.get(7)?,
                notes: row.get(8)?,
                citations: row.get(9)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn create_source(&mut self, source: &SourceDraftView) -> Result<SourceView> {
        let draft = source_draft(source)?;
        let id = self.edit("New source", |w| w.create_source(draft))?;
        self.source(id)
    }

    pub fn update_source(&mut self, id: i64, source: &SourceDraftView) -> Result<SourceView> {
        let draft = source_draft(source)?.validate()?;
        self.edit("Edit source", |w| {
            let changed = w.conn.execute(
                "UPDATE source SET url = ?2, title = ?3, publisher = ?4, author = ?5,
                     published_edtf = ?6, accessed_edtf = ?7, excerpt = ?8, notes = ?9
                 WHERE id = ?1",
                params![
                    id,
                    draft.url,
                    draft.title,
                    draft.publisher,
                    draft.author,
                    draft.published.map(|d| d.to_edtf()),
                    draft.accessed.map(|d| d.to_edtf()),
                    draft.excerpt,
                    draft.notes
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::not_found("source", id));
            }
            Ok(())
        })?;
        self.source(id)
    }

    /// Cites a source for an event with the quote that supports it, after
    /// the event's other citations.
    pub fn cite_source(&mut self, event: i64, source: i64, quote: &str) -> Result<EventView> {
        self.edit("Cite source", |w| {
            event_exists(w.conn, event)?;
            let exists: bool = w.conn.query_row(
                "SELECT EXISTS (SELECT 1 FROM source WHERE id = ?1)",
                [source],
                |row| row.get(0),
            )?;
            if !exists {
                return Err(StoreError::not_found("source", source));
            }
            w.cite(event, source, quote)
        })?;
        self.event(event)
    }

    /// Changes the quote of a citation.
    pub fn update_citation(&mut self, link: i64, quote: &str) -> Result<EventView> {
        let quote = validate_quote(quote)?;
        let event = self.edit("Edit quote", |w| {
            let event = citation_event(w.conn, link)?;
            w.conn.execute(
                "UPDATE event_source SET quote = ?2 WHERE id = ?1",
                params![link, quote],
            )?;
            Ok(event)
        })?;
        self.event(event)
    }

    /// Removes a citation; the source stays in the workspace.
    pub fn remove_citation(&mut self, link: i64) -> Result<EventView> {
        let event = self.edit("Remove citation", |w| {
            let event = citation_event(w.conn, link)?;
            w.conn
                .execute("DELETE FROM event_source WHERE id = ?1", [link])?;
            renumber(
                w.conn,
                "SELECT id FROM event_source WHERE event_id = ?1 ORDER BY position, id",
                "UPDATE event_source SET position = ?2 WHERE id = ?1",
                event,
            )?;
            Ok(event)
        })?;
        self.event(event)
    }

    // Annotations.

    /// Adds a callout on an event of the timeline, a shaded span, or a note
    /// on the timeline (see [`AnnotationDraft`]).
    pub fn create_annotation(&mut self, annotation: &AnnotationDraft) -> Result<HistoryState> {
        let start = optional_date("start", annotation.start.as_deref())?;
        let end = optional_date("end", annotation.end.as_deref())?;
        let target = match (annotation.event_id, start, end) {
            (Some(event), None, None) => AnnotationTarget::Event(event),
            (Some(_), _, _) => {
                return Err(ValidationError::new(
                    "start",
                    "a callout on an event takes no dates of its own",
                )
                .into());
            }
            (None, Some(start), end) => AnnotationTarget::Span {
                start,
                end: end.unwrap_or(start),
            },
            (None, None, Some(_)) => {
                return Err(ValidationError::new("start", "a span needs a start").into());
            }
            (None, None, None) => AnnotationTarget::Timeline,
        };
        let timeline = annotation.timeline_id;
        let label = match target {
            AnnotationTarget::Span { .. } => "Shade period",
            AnnotationTarget::Event(_) | AnnotationTarget::Timeline => "New note",
        };
        self.edit(label, |w| {
            timeline_exists(w.conn, timeline)?;
            if let AnnotationTarget::Event(event) = target {
                let placed: bool = w.conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM placement WHERE event_id = ?1 AND timeline_id = ?2)",
                    params![event, timeline],
                    |row| row.get(0),
                )?;
                if !placed {
                    event_exists(w.conn, event)?;
                    return Err(ValidationError::new(
                        "event",
                        "the event is not on this timeline; place it first",
                    )
                    .into());
                }
            }
            w.annotate(timeline, target, &annotation.text)
        })?;
        self.history()
    }

    pub fn update_annotation(&mut self, id: i64, text: &str) -> Result<HistoryState> {
        let text = validate_annotation_text(text)?;
        let label = format!("Edit {}", annotation_noun(&self.conn, id)?);
        self.edit(&label, |w| {
            annotation_timeline(w.conn, id)?;
            w.conn.execute(
                "UPDATE annotation SET text = ?2 WHERE id = ?1",
                params![id, text],
            )?;
            Ok(())
        })?;
        self.history()
    }

    pub fn delete_annotation(&mut self, id: i64) -> Result<HistoryState> {
        let label = format!("Delete {}", annotation_noun(&self.conn, id)?);
        self.edit(&label, |w| {
            annotation_timeline(w.conn, id)?;
            w.conn
                .execute("DELETE FROM annotation WHERE id = ?1", [id])?;
            Ok(())
        })?;
        self.history()
    }

    // Lanes.

    /// Adds a lane after the timeline's others.
    pub fn add_lane(&mut self, timeline: i64, name: &str) -> Result<HistoryState> {
        let name = validate_lane_name(name)?;
        self.edit("Add lane", |w| {
            timeline_exists(w.conn, timeline)?;
            w.conn.execute(
                "INSERT INTO lane (timeline_id, name, position)
                 VALUES (?1, ?2, (SELECT coalesce(max(position), -1) + 1 FROM lane WHERE timeline_id = ?1))",
                params![timeline, name],
            )?;
            Ok(())
        })?;
        self.history()
    }

    pub fn rename_lane(&mut self, id: i64, name: &str) -> Result<HistoryState> {
        let name = validate_lane_name(name)?;
        self.update_lane(
            id,
            "Rename lane",
            "UPDATE lane SET name = ?2 WHERE id = ?1",
            name,
        )
    }

    /// Sets a lane's own colour (`#rrggbb`); None or "" gives it the
    /// timeline's again.
    pub fn set_lane_colour(&mut self, id: i64, colour: Option<&str>) -> Result<HistoryState> {
        let colour = colour
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .map(|c| validation::colour("colour", c))
            .transpose()?;
        self.update_lane(
            id,
            "Set lane colour",
            "UPDATE lane SET colour = ?2 WHERE id = ?1",
            colour,
        )
    }

    pub fn set_lane_collapsed(&mut self, id: i64, collapsed: bool) -> Result<HistoryState> {
        let label = if collapsed {
            "Collapse lane"
        } else {
            "Expand lane"
        };
        self.update_lane(
            id,
            label,
            "UPDATE lane SET collapsed = ?2 WHERE id = ?1",
            collapsed,
        )
    }

    fn update_lane(
        &mut self,
        id: i64,
        label: &str,
        sql: &str,
        value: impl rusqlite::ToSql,
    ) -> Result<HistoryState> {
        self.edit(label, |w| {
            lane_timeline(w.conn, id)?;
            w.conn.execute(sql, params![id, value])?;
            Ok(())
        })?;
        self.history()
    }

    /// Moves a lane to the 0-based `position` among its timeline's lanes
    /// (clamped to the first or last place); positions stay 0, 1, 2, ….
    pub fn move_lane(&mut self, id: i64, position: i64) -> Result<HistoryState> {
        self.edit("Move lane", |w| {
            let timeline = lane_timeline(w.conn, id)?;
            let mut lanes = lane_ids(w.conn, timeline)?;
            lanes.retain(|&lane| lane != id);
            let index = usize::try_from(position.max(0))
                .unwrap_or(usize::MAX)
                .min(lanes.len());
            lanes.insert(index, id);
            set_lane_positions(w.conn, &lanes)?;
            Ok(())
        })?;
        self.history()
    }

    /// Deletes a lane; its events move to the timeline's first remaining
    /// lane. A timeline's last lane is refused.
    pub fn delete_lane(&mut self, id: i64) -> Result<HistoryState> {
        self.edit("Delete lane", |w| {
            let timeline = lane_timeline(w.conn, id)?;
            let mut lanes = lane_ids(w.conn, timeline)?;
            lanes.retain(|&lane| lane != id);
            let Some(&first) = lanes.first() else {
                return Err(ValidationError::new(
                    "lane",
                    "a timeline needs at least one lane, and this is its last",
                )
                .into());
            };
            w.conn.execute(
                "UPDATE placement SET lane_id = ?2 WHERE lane_id = ?1",
                params![id, first],
            )?;
            w.conn.execute("DELETE FROM lane WHERE id = ?1", [id])?;
            set_lane_positions(w.conn, &lanes)?;
            Ok(())
        })?;
        self.history()
    }

    // Timelines.

    /// Creates a timeline after the others, with one lane, "Events", in a
    /// colour no other timeline has while the palette lasts.
    pub fn create_timeline(&mut self, title: &str) -> Result<TimelineSummary> {
        let used = self
            .conn
            .prepare("SELECT colour FROM timeline")?
            .query_map([], |row| row.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<String>>>()?;
        let draft = TimelineDraft {
            colour: unused_colour(used.iter().map(String::as_str)).to_owned(),
            ..TimelineDraft::new(title)
        };
        let id = self.edit("New timeline", |w| w.create_timeline(draft, &[FIRST_LANE]))?;
        self.timeline_summary(id)
    }

    pub fn update_timeline(&mut self, id: i64, draft: TimelineDraft) -> Result<TimelineSummary> {
        let draft = draft.validate()?;
        self.edit("Edit timeline", |w| {
            let changed = w.conn.execute(
                "UPDATE timeline SET title = ?2, subtitle = ?3, description = ?4, colour = ?5,
                                     summary = ?6
                 WHERE id = ?1",
                params![
                    id,
                    draft.title,
                    draft.subtitle,
                    draft.description,
                    draft.colour,
                    draft.summary
                ],
            )?;
            if changed == 0 {
                return Err(StoreError::not_found("timeline", id));
            }
            Ok(())
        })?;
        self.timeline_summary(id)
    }

    /// Deletes a timeline with its lanes, placements and annotations; its
    /// events stay in the workspace.
    pub fn delete_timeline(&mut self, id: i64) -> Result<HistoryState> {
        self.edit("Delete timeline", |w| {
            let deleted = w.conn.execute("DELETE FROM timeline WHERE id = ?1", [id])?;
            if deleted == 0 {
                return Err(StoreError::not_found("timeline", id));
            }
            Ok(())
        })?;
        self.history()
    }

    // History, as the UI's buttons use it.

    /// Undoes the latest step, if any; returns what undo and redo do next.
    pub fn undo_step(&mut self) -> Result<HistoryState> {
        self.undo()?;
        self.history()
    }

    /// Redoes the latest undone step, if any; returns what undo and redo do
    /// next.
    pub fn redo_step(&mut self) -> Result<HistoryState> {
        self.redo()?;
        self.history()
    }
}

/// Re-dates an event by `change` of its dates; each date snaps to its own
/// precision.
fn redate(
    w: &mut Writer<'_>,
    id: i64,
    change: impl FnOnce(EventDates) -> std::result::Result<EventDates, ValidationError>,
) -> Result<()> {
    let draft = read_event(w.conn, id)?;
    let dates = change(EventDates {
        start: draft.start,
        end: draft.end,
    })?;
    update_event_row(
        w.conn,
        id,
        EventDraft {
            start: dates.start,
            end: dates.end,
            ..draft
        },
    )
}

fn place(w: &mut Writer<'_>, event: i64, lane: i64) -> Result<()> {
    event_exists(w.conn, event)?;
    w.place(event, lane)
}

fn unplace(w: &mut Writer<'_>, event: i64, timeline: i64) -> Result<()> {
    let removed = w.conn.execute(
        "DELETE FROM placement WHERE event_id = ?1 AND timeline_id = ?2",
        params![event, timeline],
    )?;
    if removed == 0 {
        return Err(StoreError::not_found(
            "placement",
            format!("event {event} on timeline {timeline}"),
        ));
    }
    w.conn.execute(
        "DELETE FROM annotation WHERE event_id = ?1 AND timeline_id = ?2",
        params![event, timeline],
    )?;
    Ok(())
}

impl DateField {
    fn name(self) -> &'static str {
        match self {
            DateField::Start => "start",
            DateField::End => "end",
        }
    }
}

/// An event's dates from the New event form: the start field holds a date
/// or a range ([`Date::parse_span`]); the end field, blank or absent for
/// none, an end of its own, but not both. The error names its field and
/// the part of its text at fault.
fn typed_dates(
    start: &str,
    end: Option<&str>,
) -> std::result::Result<EventDates, (DateField, DateParseError)> {
    let (start_date, ranged) = Date::parse_span(start).map_err(|e| (DateField::Start, e))?;
    let end = end.filter(|end| !end.trim().is_empty());
    let whole = |text: &str| {
        let from = text.len() - text.trim_start().len();
        from..from + text.trim().len()
    };
    let end = match (ranged, end) {
        (Some(_), Some(end)) => {
            let message = format!(
                "the date is already a range, so \"{}\" is one end too many; clear the End or the range",
                end.trim()
            );
            return Err((DateField::End, DateParseError::new(message, whole(end))));
        }
        // `parse_span` has checked that a range ends after it starts.
        (Some(until), None) => {
            return Ok(EventDates {
                start: start_date,
                end: EventEnd::Until(until),
            });
        }
        (None, Some(end)) => end,
        (None, None) => {
            return Ok(EventDates {
                start: start_date,
                end: EventEnd::Point,
            });
        }
    };
    let until = Date::parse(end).map_err(|e| (DateField::End, e))?;
    EventDates {
        start: start_date,
        end: EventEnd::Until(until),
    }
    .checked("end")
    .map_err(|error| {
        (
            DateField::End,
            DateParseError::new(error.message, whole(end)),
        )
    })
}

/// A warning for an end that lies within the start's own interval ("Jul
/// 2019" after "2019"): the range is then no longer than its start.
fn end_within_start(start: Date, end: Date) -> Option<String> {
    let inside =
        start.start_minute() <= end.start_minute() && end.end_minute() <= start.end_minute();
    (inside && start != end).then(|| {
        format!("the end ({end}) lies within the start ({start}), so the range is no longer than its start; check the end")
    })
}

/// One date. A range typed where one date goes is refused with a word on
/// where its end belongs.
fn parse_date(field: &'static str, text: &str) -> Result<Date> {
    Date::parse(text).map_err(|error| {
        let error = match Date::parse_span(text) {
            Ok((start, Some(end))) => DateParseError::new(
                format!(
                    "\"{}\" is a range; give {start} here and {end} as the end",
                    text.trim()
                ),
                error.span,
            ),
            _ => error,
        };
        StoreError::date(field, error)
    })
}

/// A date that may be left out: None or blank text is no date.
fn optional_date(field: &'static str, text: Option<&str>) -> Result<Option<Date>> {
    text.filter(|text| !text.trim().is_empty())
        .map(|text| parse_date(field, text))
        .transpose()
}

fn source_draft(source: &SourceDraftView) -> Result<SourceDraft> {
    Ok(SourceDraft {
        url: source.url.clone(),
        title: source.title.clone(),
        publisher: source.publisher.clone(),
        author: source.author.clone(),
        published: optional_date("published", source.published.as_deref())?,
        accessed: optional_date("accessed", source.accessed.as_deref())?,
        excerpt: source.excerpt.clone(),
        notes: source.notes.clone(),
    })
}

/// The event as stored, as a draft to change.
fn read_event(conn: &Connection, id: i64) -> Result<EventDraft> {
    let row = conn
        .query_row(
            "SELECT title, description, start_edtf, end_edtf, ongoing, kind, confidence,
                    importance, parties, tags
             FROM event WHERE id = ?1",
            [id],
            |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, String>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, Option<String>>(3)?,
                    row.get::<_, bool>(4)?,
                    row.get::<_, String>(5)?,
                    row.get::<_, String>(6)?,
                    row.get::<_, u8>(7)?,
                    row.get::<_, String>(8)?,
                    row.get::<_, String>(9)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| StoreError::not_found("event", id))?;
    let (title, description, start, end, ongoing, kind, confidence, importance, parties, tags) =
        row;
    let damaged = |detail: String| StoreError::Corrupt {
        path: "the workspace".into(),
        detail: format!("event {id} {detail}"),
    };
    let start = Date::parse_edtf(&start).map_err(|e| damaged(format!("start: {e}")))?;
    let end = match end {
        Some(end) => {
            EventEnd::Until(Date::parse_edtf(&end).map_err(|e| damaged(format!("end: {e}")))?)
        }
        None if ongoing => EventEnd::Ongoing,
        None => EventEnd::Point,
    };
    Ok(EventDraft {
        title,
        description,
        start,
        end,
        kind: kind
            .parse::<EventKind>()
            .map_err(|e| damaged(e.to_string()))?,
        confidence: confidence
            .parse::<Confidence>()
            .map_err(|e| damaged(e.to_string()))?,
        importance,
        parties: serde_json::from_str(&parties).map_err(|e| damaged(format!("parties: {e}")))?,
        tags: serde_json::from_str(&tags).map_err(|e| damaged(format!("tags: {e}")))?,
    })
}

/// The draft with the patch's fields applied (validated when written).
fn apply_patch(draft: EventDraft, patch: &EventPatch) -> Result<EventDraft> {
    let start = match &patch.start {
        Some(text) => parse_date("start", text)?,
        None => draft.start,
    };
    let mut end = draft.end;
    let mut end_date_given = false;
    if let Some(text) = &patch.end {
        end = match optional_date("end", text.as_deref())? {
            Some(date) => {
                end_date_given = true;
                EventEnd::Until(date)
            }
            None if end == EventEnd::Ongoing => EventEnd::Ongoing,
            None => EventEnd::Point,
        };
    }
    match patch.ongoing {
        Some(true) if end_date_given => {
            return Err(ValidationError::new(
                "end",
                "an ongoing event has no end date; clear the end or untick ongoing",
            )
            .into());
        }
        Some(true) => end = EventEnd::Ongoing,
        Some(false) if end == EventEnd::Ongoing => end = EventEnd::Point,
        _ => {}
    }
    Ok(EventDraft {
        title: patch.title.clone().unwrap_or(draft.title),
        description: patch.description.clone().unwrap_or(draft.description),
        start,
        end,
        kind: patch.kind.unwrap_or(draft.kind),
        confidence: patch.confidence.unwrap_or(draft.confidence),
        importance: patch.importance.unwrap_or(draft.importance),
        parties: patch.parties.clone().unwrap_or(draft.parties),
        tags: patch.tags.clone().unwrap_or(draft.tags),
    })
}

/// The number `sql` selects for the row `?1` = `id` of a `what`, or not-found.
fn lookup(conn: &Connection, what: &'static str, sql: &str, id: i64) -> Result<i64> {
    conn.query_row(sql, [id], |row| row.get(0))
        .optional()?
        .ok_or_else(|| StoreError::not_found(what, id))
}

fn event_exists(conn: &Connection, id: i64) -> Result<()> {
    lookup(conn, "event", "SELECT id FROM event WHERE id = ?1", id).map(drop)
}

pub(crate) fn timeline_exists(conn: &Connection, id: i64) -> Result<()> {
    lookup(
        conn,
        "timeline",
        "SELECT id FROM timeline WHERE id = ?1",
        id,
    )
    .map(drop)
}

/// The timeline a lane belongs to.
fn lane_timeline(conn: &Connection, lane: i64) -> Result<i64> {
    lookup(
        conn,
        "lane",
        "SELECT timeline_id FROM lane WHERE id = ?1",
        lane,
    )
}

/// The event a citation belongs to.
fn citation_event(conn: &Connection, link: i64) -> Result<i64> {
    lookup(
        conn,
        "citation",
        "SELECT event_id FROM event_source WHERE id = ?1",
        link,
    )
}

/// The timeline an annotation is on.
fn annotation_timeline(conn: &Connection, id: i64) -> Result<i64> {
    lookup(
        conn,
        "annotation",
        "SELECT timeline_id FROM annotation WHERE id = ?1",
        id,
    )
}

/// What the UI calls an annotation, for its undo step: a shaded span is a
/// period, a callout or a note on the timeline a note.
fn annotation_noun(conn: &Connection, id: i64) -> Result<&'static str> {
    let span = lookup(
        conn,
        "annotation",
        "SELECT start_edtf IS NOT NULL FROM annotation WHERE id = ?1",
        id,
    )?;
    Ok(if span == 1 { "period" } else { "note" })
}

/// A timeline's lanes in order.
fn lane_ids(conn: &Connection, timeline: i64) -> Result<Vec<i64>> {
    Ok(conn
        .prepare("SELECT id FROM lane WHERE timeline_id = ?1 ORDER BY position, id")?
        .query_map([timeline], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?)
}

/// Numbers lanes 0, 1, 2, … in the given order (rows already in place are
/// left alone, so the undo history records only real moves).
fn set_lane_positions(conn: &Connection, lanes: &[i64]) -> Result<()> {
    for (position, lane) in lanes.iter().enumerate() {
        conn.execute(
            "UPDATE lane SET position = ?2 WHERE id = ?1 AND position IS NOT ?2",
            params![lane, position as i64],
        )?;
    }
    Ok(())
}

/// Numbers the rows `select` lists (for `owner`) 0, 1, 2, … with `update`.
fn renumber(conn: &Connection, select: &str, update: &str, owner: i64) -> Result<()> {
    let ids: Vec<i64> = conn
        .prepare(select)?
        .query_map([owner], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for (position, id) in ids.iter().enumerate() {
        conn.execute(update, params![id, position as i64])?;
    }
    Ok(())
}
