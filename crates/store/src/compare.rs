//! Saved comparisons: a name, timelines in order and an alignment
//! (migration 5), each change one undoable step, and
//! [`Workspace::comparison_view`], which computes a saved or ad hoc
//! comparison with `tideline_model::compare`.

use std::collections::BTreeMap;

use rusqlite::{OptionalExtension, params};
use tideline_interop::ComparisonDoc;
use tideline_model::compare::{self, Alignment, CompareEvent, CompareTimeline};
use tideline_model::{Date, ValidationError};

use crate::error::{Result, StoreError};
use crate::views::{ComparisonRequest, ComparisonSummary, ComparisonView};
use crate::workspace::{Workspace, Writer};

impl Workspace {
    /// The saved comparisons, in their order.
    pub fn comparisons(&self) -> Result<Vec<ComparisonSummary>> {
        let ids: Vec<i64> = self
            .conn
            .prepare("SELECT id FROM comparison ORDER BY position, id")?
            .query_map([], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        ids.into_iter().map(|id| self.comparison(id)).collect()
    }

    /// One saved comparison.
    pub fn comparison(&self, id: i64) -> Result<ComparisonSummary> {
        let (name, alignment): (String, String) = self
            .conn
            .query_row(
                "SELECT name, alignment FROM comparison WHERE id = ?1",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| StoreError::not_found("comparison", id))?;
        let members: Vec<(i64, Option<i64>)> = self
            .conn
            .prepare(
                "SELECT timeline_id, t0_event_id FROM comparison_timeline
                 WHERE comparison_id = ?1 ORDER BY position, rowid",
            )?
            .query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let alignment = if alignment == "events" {
            // A deleted T0 event is 0, which no event is: the view says so.
            Alignment::Events {
                events: members.iter().map(|(_, e)| e.unwrap_or(0)).collect(),
            }
        } else {
            Alignment::parse(&alignment).map_err(|error| StoreError::Corrupt {
                path: self.path().to_owned(),
                detail: format!("comparison {id}: {error}"),
            })?
        };
        Ok(ComparisonSummary {
            id,
            name,
            alignment,
            timelines: members.into_iter().map(|(t, _)| t).collect(),
        })
    }

    /// Saves a comparison of `timelines` (two or more, each once) aligned by
    /// `alignment`, as one undoable step.
    pub fn create_comparison(
        &mut self,
        name: &str,
        timelines: &[i64],
        alignment: &Alignment,
    ) -> Result<ComparisonSummary> {
        let name = valid_name(name)?;
        let id = self.edit("New comparison", |w| {
            w.conn.execute(
                "INSERT INTO comparison (name, position)
                 VALUES (?1, (SELECT coalesce(max(position), -1) + 1 FROM comparison))",
                [&name],
            )?;
            let id = w.conn.last_insert_rowid();
            w.set_comparison(id, timelines, alignment)?;
            Ok(id)
        })?;
        self.comparison(id)
    }

    pub fn rename_comparison(&mut self, id: i64, name: &str) -> Result<ComparisonSummary> {
        let name = valid_name(name)?;
        self.edit("Rename comparison", |w| {
            let changed = w.conn.execute(
                "UPDATE comparison SET name = ?2 WHERE id = ?1",
                params![id, name],
            )?;
            if changed == 0 {
                return Err(StoreError::not_found("comparison", id));
            }
            Ok(())
        })?;
        self.comparison(id)
    }

    /// Changes how the comparison lines up; an event list names one event
    /// per timeline, in the comparison's order.
    pub fn set_comparison_alignment(
        &mut self,
        id: i64,
        alignment: &Alignment,
    ) -> Result<ComparisonSummary> {
        let timelines = self.comparison(id)?.timelines;
        self.edit("Align comparison", |w| {
            w.set_comparison(id, &timelines, alignment)
        })?;
        self.comparison(id)
    }

    /// Changes which timelines are compared, in order. With an event list
    /// alignment, timelines kept keep their T0 and new ones take their
    /// first event.
    pub fn set_comparison_timelines(
        &mut self,
        id: i64,
        timelines: &[i64],
    ) -> Result<ComparisonSummary> {
        let old = self.comparison(id)?;
        let alignment = match &old.alignment {
            Alignment::Events { events } => Alignment::Events {
                events: timelines
                    .iter()
                    .map(|t| match old.timelines.iter().position(|o| o == t) {
                        Some(i) => Ok(events[i]),
                        None => self.first_event(*t),
                    })
                    .collect::<Result<_>>()?,
            },
            other => other.clone(),
        };
        self.edit("Change compared timelines", |w| {
            w.set_comparison(id, timelines, &alignment)
        })?;
        self.comparison(id)
    }

    /// Makes `event` the T0 of `timeline` in the comparison (a click on an
    /// event): the alignment becomes an event list, the other timelines
    /// keeping the T0 they had.
    pub fn set_comparison_t0(
        &mut self,
        id: i64,
        timeline: i64,
        event: i64,
    ) -> Result<ComparisonSummary> {
        let view = self.comparison_view(&ComparisonRequest::Saved { id })?;
        let summary = self.comparison(id)?;
        let position = summary
            .timelines
            .iter()
            .position(|t| *t == timeline)
            .ok_or_else(|| StoreError::not_found("timeline in the comparison", timeline))?;
        let mut events: Vec<i64> = view
            .comparison
            .timelines
            .iter()
            .map(|t| t.t0.event)
            .collect();
        events[position] = event;
        self.edit("Set T0", |w| {
            w.set_comparison(id, &summary.timelines, &Alignment::Events { events })
        })?;
        self.comparison(id)
    }

    pub fn delete_comparison(&mut self, id: i64) -> Result<()> {
        self.edit("Delete comparison", |w| {
            if w.conn
                .execute("DELETE FROM comparison WHERE id = ?1", [id])?
                == 0
            {
                return Err(StoreError::not_found("comparison", id));
            }
            Ok(())
        })
    }

    /// A saved or ad hoc comparison, computed: offsets, milestones, the
    /// duration table and the timelines to draw. A timeline that cannot
    /// meet the alignment is an invalid-input error naming it.
    pub fn comparison_view(&self, request: &ComparisonRequest) -> Result<ComparisonView> {
        let (id, name, ids, alignment) = match request {
            ComparisonRequest::Saved { id } => {
                let saved = self.comparison(*id)?;
                (Some(*id), saved.name, saved.timelines, saved.alignment)
            }
            ComparisonRequest::AdHoc {
                timelines,
                alignment,
            } => (None, String::new(), timelines.clone(), alignment.clone()),
        };
        let timelines = ids
            .iter()
            .map(|id| self.timeline(*id))
            .collect::<Result<Vec<_>>>()?;
        let inputs = timelines
            .iter()
            .map(|view| {
                let events = view
                    .events
                    .iter()
                    .map(|event| {
                        Ok(CompareEvent {
                            id: event.facts.id,
                            kind: event.facts.kind,
                            start: Date::parse_edtf(&event.facts.start)
                                .map_err(|error| StoreError::date("start", error))?,
                        })
                    })
                    .collect::<Result<_>>()?;
                Ok(CompareTimeline {
                    title: view.title.clone(),
                    events,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let comparison = compare::compare(&inputs, &alignment)?;
        let name = if id.is_some() {
            name
        } else {
            let titles: Vec<&str> = timelines.iter().map(|t| t.title.as_str()).collect();
            titles.join(" vs ")
        };
        let t0_minutes = comparison
            .timelines
            .iter()
            .map(|t| t.t0.date.start_minute())
            .collect();
        Ok(ComparisonView {
            id,
            name,
            comparison,
            timelines,
            t0_minutes,
        })
    }

    /// The saved comparisons as a document's, for a document holding
    /// `timelines` (in order) and the events keyed by `event_keys`.
    pub(crate) fn comparison_docs(
        &self,
        timelines: &[i64],
        event_keys: &BTreeMap<i64, String>,
    ) -> Result<Vec<ComparisonDoc>> {
        self.comparisons()?
            .into_iter()
            .map(|saved| {
                let members = saved
                    .timelines
                    .iter()
                    .map(|id| {
                        timelines
                            .iter()
                            .position(|t| t == id)
                            .ok_or_else(|| StoreError::not_found("timeline", id))
                    })
                    .collect::<Result<_>>()?;
                let (alignment, t0_events) = match &saved.alignment {
                    Alignment::Events { events } => (
                        "events".to_owned(),
                        events
                            .iter()
                            .map(|id| event_keys.get(id).cloned())
                            .collect(),
                    ),
                    other => (other.to_text(), Vec::new()),
                };
                Ok(ComparisonDoc {
                    name: saved.name,
                    timelines: members,
                    alignment,
                    t0_events,
                })
            })
            .collect()
    }

    fn first_event(&self, timeline: i64) -> Result<i64> {
        self.conn
            .query_row(
                "SELECT e.id FROM placement p JOIN event e ON e.id = p.event_id
                 WHERE p.timeline_id = ?1 ORDER BY e.start_minute, e.id LIMIT 1",
                [timeline],
                |row| row.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                StoreError::Invalid(ValidationError::new(
                    "timelines",
                    format!("timeline {timeline} has no events to align on"),
                ))
            })
    }
}

impl Writer<'_> {
    /// Replaces the comparison's timelines and alignment.
    pub(crate) fn set_comparison(
        &mut self,
        id: i64,
        timelines: &[i64],
        alignment: &Alignment,
    ) -> Result<()> {
        if timelines.len() < 2 {
            return Err(invalid("a comparison needs at least two timelines"));
        }
        for (i, timeline) in timelines.iter().enumerate() {
            if timelines[..i].contains(timeline) {
                return Err(invalid(format!("timeline {timeline} is listed twice")));
            }
        }
        let (text, events) = match alignment {
            Alignment::Events { events } => {
                if events.len() != timelines.len() {
                    return Err(invalid(format!(
                        "{} T0 events given for {} timelines",
                        events.len(),
                        timelines.len()
                    )));
                }
                ("events".to_owned(), Some(events))
            }
            other => (other.to_text(), None),
        };
        self.conn.execute(
            "UPDATE comparison SET alignment = ?2 WHERE id = ?1",
            params![id, text],
        )?;
        self.conn.execute(
            "DELETE FROM comparison_timeline WHERE comparison_id = ?1",
            [id],
        )?;
        for (position, timeline) in timelines.iter().enumerate() {
            let t0 = events.map(|events| events[position]);
            if let Some(event) = t0 {
                let placed: bool = self.conn.query_row(
                    "SELECT EXISTS (SELECT 1 FROM placement WHERE timeline_id = ?1 AND event_id = ?2)",
                    params![timeline, event],
                    |row| row.get(0),
                )?;
                if !placed {
                    return Err(invalid(format!(
                        "event {event} is not on timeline {timeline}"
                    )));
                }
            }
            let inserted = self.conn.execute(
                "INSERT INTO comparison_timeline (comparison_id, timeline_id, position, t0_event_id)
                 SELECT ?1, id, ?3, ?4 FROM timeline WHERE id = ?2",
                params![id, timeline, position as i64, t0],
            )?;
            if inserted == 0 {
                return Err(StoreError::not_found("timeline", timeline));
            }
        }
        Ok(())
    }
}

fn invalid(message: impl Into<String>) -> StoreError {
    StoreError::Invalid(ValidationError::new("comparison", message))
}

fn valid_name(name: &str) -> Result<String> {
    let name = name.trim();
    if name.is_empty() {
        return Err(StoreError::Invalid(ValidationError::new(
            "name",
            "a comparison needs a name",
        )));
    }
    Ok(name.to_owned())
}
