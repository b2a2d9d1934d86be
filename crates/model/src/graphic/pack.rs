//! Packing label blocks into a lane of the wide graphic.
//!
//! Each event asks for a few shapes (its label wide and short, or narrow
//! and tall; right or left of its marker); [`Band::place`] puts the shape
//! that ends highest at the lowest free height, so a lane grows only where
//! its events crowd. Rectangles are indexed by columns of the page, so a
//! placement looks only at its neighbours.

/// A rectangle in px, `y` from the band's top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) struct Rect {
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
}

impl Rect {
    fn down(self, dy: f64) -> Rect {
        Rect {
            y0: self.y0 + dy,
            y1: self.y1 + dy,
            ..self
        }
    }
}

/// Air between two neighbours, across and down.
const GAP_X: f64 = 12.0;
const GAP_Y: f64 = 8.0;
/// Air either side of a leader line.
const LEADER_GAP: f64 = 3.0;
/// Width of an index column.
const COLUMN_PX: f64 = 64.0;

/// The rectangles placed in one lane.
pub(super) struct Band {
    rects: Vec<Rect>,
    /// For each rectangle, the air it keeps across: a leader line keeps
    /// only a hairline, so labels either side of a cluster can share a row.
    gaps: Vec<f64>,
    /// For each column of the page, the rectangles that reach into it.
    columns: Vec<Vec<u32>>,
    /// The lowest bottom so far.
    pub bottom: f64,
    /// A stamp per rectangle, so that one seen in two columns counts once.
    seen: Vec<u32>,
    stamp: u32,
}

impl Band {
    pub fn new(page_width: f64) -> Band {
        Band {
            rects: Vec::new(),
            gaps: Vec::new(),
            columns: vec![Vec::new(); (page_width / COLUMN_PX).ceil().max(1.0) as usize + 1],
            bottom: 0.0,
            seen: Vec::new(),
            stamp: 0,
        }
    }

    fn column_range(&self, x0: f64, x1: f64) -> std::ops::RangeInclusive<usize> {
        let last = self.columns.len() - 1;
        let at = |x: f64| ((x / COLUMN_PX).floor().max(0.0) as usize).min(last);
        at(x0 - GAP_X)..=at(x1 + GAP_X)
    }

    /// Keeps `rect` out of later placements.
    pub fn block(&mut self, rect: Rect) {
        self.keep_out(rect, GAP_X);
    }

    /// Keeps a leader line out of later placements, by a hairline.
    pub fn leader(&mut self, rect: Rect) {
        self.keep_out(rect, LEADER_GAP);
    }

    fn keep_out(&mut self, rect: Rect, gap: f64) {
        let index = self.rects.len() as u32;
        for column in self.column_range(rect.x0, rect.x1) {
            self.columns[column].push(index);
        }
        self.rects.push(rect);
        self.gaps.push(gap);
        self.seen.push(0);
        self.bottom = self.bottom.max(rect.y1);
    }

    /// The rectangles that come within their gap of `x0..x1` across, with
    /// that gap.
    fn neighbours(&mut self, x0: f64, x1: f64) -> Vec<(Rect, f64)> {
        self.stamp = self.stamp.wrapping_add(1);
        let mut found = Vec::new();
        for column in self.column_range(x0, x1) {
            for &index in &self.columns[column] {
                let i = index as usize;
                if self.seen[i] == self.stamp {
                    continue;
                }
                self.seen[i] = self.stamp;
                let (r, gap) = (self.rects[i], self.gaps[i]);
                if r.x0 < x1 + gap && x0 < r.x1 + gap {
                    found.push((r, gap));
                }
            }
        }
        found
    }

    /// The lowest offset at or below `from` at which every rectangle of
    /// `shape` (given at offset 0) is clear of what is placed.
    pub fn lowest(&mut self, shape: &[Rect], from: f64) -> f64 {
        let x0 = shape.iter().map(|r| r.x0).fold(f64::INFINITY, f64::min);
        let x1 = shape.iter().map(|r| r.x1).fold(f64::NEG_INFINITY, f64::max);
        let near = self.neighbours(x0, x1);
        let top = shape.iter().map(|r| r.y0).fold(f64::INFINITY, f64::min);
        let mut candidates: Vec<f64> = std::iter::once(from)
            .chain(near.iter().map(|(r, _)| r.y1 + GAP_Y - top))
            .filter(|y| *y >= from)
            .collect();
        candidates.sort_by(f64::total_cmp);
        let clear = |dy: f64| {
            shape.iter().all(|s| {
                let s = s.down(dy);
                near.iter().all(|(r, gap)| {
                    !(r.x0 < s.x1 + gap
                        && s.x0 < r.x1 + gap
                        && r.y0 < s.y1 + GAP_Y
                        && s.y0 < r.y1 + GAP_Y)
                })
            })
        };
        candidates
            .into_iter()
            .find(|dy| clear(*dy))
            .unwrap_or(self.bottom + GAP_Y - top)
    }

    /// Like [`Band::lowest`], for a label hanging from a marker above it
    /// (at or below `top`): the leader, a line at `x` from `top` down to
    /// `attach` px below the shape's offset, must be clear too, by a
    /// hairline. `None` when something is in the leader's way.
    pub fn lowest_hanging(&mut self, shape: &[Rect], x: f64, top: f64, attach: f64) -> Option<f64> {
        let dy = self.lowest(shape, top);
        let (y0, y1) = (top, dy + attach);
        let blocked = self
            .neighbours(x, x)
            .iter()
            .any(|(r, _)| r.x0 < x + LEADER_GAP && x - LEADER_GAP < r.x1 && r.y0 < y1 && y0 < r.y1);
        (!blocked).then_some(dy)
    }

    /// Places `shape` at offset `dy`.
    pub fn put(&mut self, shape: &[Rect], dy: f64) {
        for rect in shape {
            self.block(rect.down(dy));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rect(x0: f64, x1: f64, y0: f64, y1: f64) -> Rect {
        Rect { x0, x1, y0, y1 }
    }

    #[test]
    fn neighbours_apart_share_the_top() {
        let mut band = Band::new(1000.0);
        let a = [rect(0.0, 100.0, 0.0, 40.0)];
        let dy = band.lowest(&a, 0.0);
        band.put(&a, dy);
        let b = [rect(200.0, 300.0, 0.0, 40.0)];
        assert_eq!(band.lowest(&b, 0.0), 0.0);
    }

    #[test]
    fn overlapping_shapes_stack_with_a_gap() {
        let mut band = Band::new(1000.0);
        let a = [rect(0.0, 100.0, 0.0, 40.0)];
        band.put(&a, 0.0);
        let b = [rect(50.0, 150.0, 0.0, 30.0)];
        assert_eq!(band.lowest(&b, 0.0), 40.0 + GAP_Y);
    }

    #[test]
    fn a_shape_fills_a_hole_it_fits() {
        let mut band = Band::new(1000.0);
        band.put(&[rect(0.0, 400.0, 0.0, 20.0)], 0.0);
        band.put(&[rect(0.0, 400.0, 100.0, 120.0)], 0.0);
        let small = [rect(100.0, 200.0, 0.0, 30.0)];
        assert_eq!(band.lowest(&small, 0.0), 20.0 + GAP_Y);
        let tall = [rect(100.0, 200.0, 0.0, 90.0)];
        assert_eq!(band.lowest(&tall, 0.0), 120.0 + GAP_Y);
    }

    #[test]
    fn a_leader_keeps_only_a_hairline_and_blocks_what_crosses_it() {
        let mut band = Band::new(1000.0);
        band.leader(rect(99.0, 101.0, 0.0, 50.0));
        let beside = [rect(105.0, 200.0, 0.0, 20.0)];
        assert_eq!(band.lowest(&beside, 0.0), 0.0);
        // A label hanging at 150 below the leader's foot passes; one whose
        // leader would cross a label does not.
        band.put(&[rect(140.0, 300.0, 10.0, 30.0)], 0.0);
        let hanging = [rect(155.0, 250.0, 0.0, 20.0)];
        assert_eq!(band.lowest_hanging(&hanging, 150.0, 0.0, 8.0), None);
        let far = [rect(405.0, 500.0, 0.0, 20.0)];
        assert_eq!(band.lowest_hanging(&far, 400.0, 0.0, 8.0), Some(0.0));
    }

    #[test]
    fn wide_shapes_see_neighbours_in_every_column() {
        let mut band = Band::new(2000.0);
        band.put(&[rect(900.0, 950.0, 0.0, 50.0)], 0.0);
        let wide = [rect(0.0, 1900.0, 0.0, 10.0)];
        assert_eq!(band.lowest(&wide, 0.0), 50.0 + GAP_Y);
    }
}
