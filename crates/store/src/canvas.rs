//! The canvas's layout: the few columns the layout needs, read in one query
//! and kept until the file changes, so that a pan or a zoom costs a layout,
//! not a reload of every event.

use std::cell::RefCell;
use std::collections::HashMap;

use tideline_model::layout::{
    self, ItemInput, LaneInput, Layout, LayoutInput, LayoutStyle, PeriodInput, TimelineInput,
    Viewport,
};
use tideline_model::text::FontMetrics;
use tideline_model::{Date, Locale};

use crate::editor::timeline_exists;
use crate::error::{Result, StoreError};
use crate::workspace::Workspace;

/// The workspace setting that holds the language of exports and ticks.
pub const LOCALE_SETTING: &str = "export.locale";

/// Layout inputs per timeline, valid while the file is unchanged.
#[derive(Default)]
pub(crate) struct InputCache(RefCell<Option<Cached>>);

struct Cached {
    /// This connection's change count and SQLite's data version (which
    /// moves when another connection, such as the CLI, commits).
    version: (u64, i64),
    timelines: HashMap<i64, TimelineInput>,
}

impl Workspace {
    /// Lays out timelines for a viewport on screen, with the bundled font's
    /// metrics; only the items in view (across and down) are returned.
    pub fn layout(
        &self,
        timelines: &[i64],
        viewport: Viewport,
        today_minute: Option<i64>,
    ) -> Result<Layout> {
        let mut layout = self.lay_out_all(timelines, viewport, today_minute)?;
        // Rows were packed over all items; the screen draws what is in view.
        for lane in layout.timelines.iter_mut().flat_map(|t| t.lanes.iter_mut()) {
            lane.items.retain(|item| item.visible);
        }
        Ok(layout)
    }

    /// Where the canvas has event `id` at `viewport`'s scale, wherever it
    /// is across and down: the y of its row's centre (px from the top of
    /// the timelines) and the x of its mark, or None when it is on none of
    /// `timelines`. The keyboard uses it to walk to an event off screen.
    pub fn locate(
        &self,
        timelines: &[i64],
        viewport: Viewport,
        id: i64,
    ) -> Result<Option<(f64, f64)>> {
        let viewport = Viewport {
            top_px: None,
            height_px: None,
            ..viewport
        };
        let layout = self.lay_out_all(timelines, viewport, None)?;
        Ok(layout
            .timelines
            .iter()
            .flat_map(|t| t.lanes.iter())
            .flat_map(|lane| lane.items.iter())
            .find(|item| item.id == id)
            .map(|item| (item.x, item.y)))
    }

    /// The layout of every item, in view or not.
    fn lay_out_all(
        &self,
        timelines: &[i64],
        viewport: Viewport,
        today_minute: Option<i64>,
    ) -> Result<Layout> {
        let inputs = timelines
            .iter()
            .map(|&id| self.layout_input(id))
            .collect::<Result<Vec<_>>>()?;
        let input = LayoutInput {
            timelines: &inputs,
            viewport,
            today_minute,
        };
        // Ticks speak the language the workspace's exports are in.
        let locale = self
            .setting(LOCALE_SETTING)?
            .and_then(|tag| Locale::parse(&tag).ok())
            .unwrap_or_default();
        let style = LayoutStyle {
            locale,
            ..LayoutStyle::screen()
        };
        Ok(layout::lay_out(
            &input,
            &style,
            FontMetrics::inter_regular(),
        ))
    }

    fn layout_input(&self, timeline: i64) -> Result<TimelineInput> {
        let data_version: i64 = self
            .conn
            .pragma_query_value(None, "data_version", |row| row.get(0))?;
        let version = (self.conn.total_changes(), data_version);
        let mut cache = self.layout_inputs.0.borrow_mut();
        if cache
            .as_ref()
            .is_none_or(|cached| cached.version != version)
        {
            *cache = Some(Cached {
                version,
                timelines: HashMap::new(),
            });
        }
        let cached = cache.as_mut().expect("set above");
        if let Some(input) = cached.timelines.get(&timeline) {
            return Ok(input.clone());
        }
        let input = self.read_layout_input(timeline)?;
        cached.timelines.insert(timeline, input.clone());
        Ok(input)
    }

    fn read_layout_input(&self, timeline: i64) -> Result<TimelineInput> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT id, collapsed FROM lane WHERE timeline_id = ?1 ORDER BY position, id",
        )?;
        let mut lanes: Vec<LaneInput> = stmt
            .query_map([timeline], |row| {
                Ok(LaneInput {
                    id: row.get(0)?,
                    collapsed: row.get(1)?,
                    items: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        if lanes.is_empty() {
            timeline_exists(&self.conn, timeline)?;
        }
        let index: HashMap<i64, usize> = lanes
            .iter()
            .enumerate()
            .map(|(at, lane)| (lane.id, at))
            .collect();
        let mut stmt = self.conn.prepare_cached(
            "SELECT p.lane_id, e.id, e.start_edtf, e.end_edtf, e.ongoing, e.title
             FROM placement p JOIN event e ON e.id = p.event_id
             WHERE p.timeline_id = ?1 ORDER BY e.start_minute, e.id",
        )?;
        let mut rows = stmt.query([timeline])?;
        while let Some(row) = rows.next()? {
            let lane: i64 = row.get(0)?;
            let id: i64 = row.get(1)?;
            let damaged = |detail: String| StoreError::Corrupt {
                path: self.path().to_owned(),
                detail,
            };
            let start = Date::parse_edtf(&row.get::<_, String>(2)?)
                .map_err(|e| damaged(format!("event {id} start: {e}")))?;
            let end = row
                .get::<_, Option<String>>(3)?
                .map(|end| Date::parse_edtf(&end))
                .transpose()
                .map_err(|e| damaged(format!("event {id} end: {e}")))?;
            let item = ItemInput {
                id,
                start,
                end,
                ongoing: row.get(4)?,
                label: row.get(5)?,
            };
            if let Some(&at) = index.get(&lane) {
                lanes[at].items.push(item);
            }
        }
        let periods = self
            .conn
            .prepare_cached(
                "SELECT id, start_minute, text FROM annotation
                 WHERE timeline_id = ?1 AND start_minute IS NOT NULL",
            )?
            .query_map([timeline], |row| {
                Ok(PeriodInput {
                    id: row.get(0)?,
                    start_minute: row.get(1)?,
                    name: row.get(2)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(TimelineInput {
            id: timeline,
            lanes,
            periods,
        })
    }
}
