//! PNG: the graphic rasterised by resvg and tiny-skia at 1×, 2× or 3×, in
//! horizontal strips drawn on every core and compressed in order.
//!
//! The shapes (areas, rules, marks, swatches) are the SVG's, parsed by usvg
//! without text. Text is the SVG's too, shaped the same way, but never
//! written and parsed as thousands of glyph `<use>`s: tiny-skia fills each
//! glyph outline once per size and quarter-pixel position into a coverage
//! mask, which is then stamped wherever that glyph falls there, as browsers
//! do. A strip draws only the shapes and lines that cross it. The page is opaque, so the file is 8-bit
//! RGB: rows filtered by `Up` (the first of a strip by `Sub`, which needs no
//! other strip), each strip deflated on its own core and the strips joined
//! into one zlib stream, as pigz does. The bytes depend on the graphic
//! alone, never on the number of cores or on which strip is done first.

use std::collections::{BTreeMap, HashMap};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use resvg::tiny_skia::{self, FillRule, Path, PathBuilder, Pixmap, Transform};
use resvg::usvg;
use tideline_model::graphic::Graphic;
use tideline_model::text::Typefaces;

use crate::svg::{self, Look, Text};
use crate::{ExportError, ExportOptions};

/// Pixel rows per strip: a strip's pixmap stays in the cache.
const STRIP: u32 = 256;

pub(crate) fn render(
    graphic: &Graphic,
    look: &Look<'_>,
    options: &ExportOptions,
) -> Result<Vec<u8>, ExportError> {
    let error = |message: String| ExportError::Render {
        format: "PNG",
        message,
    };
    let scale = f64::from(options.scale);
    let width = (graphic.width * scale).ceil() as u32;
    let height = (graphic.height * scale).ceil() as u32;
    if height > i32::MAX as u32 || Pixmap::new(width, STRIP.min(height)).is_none() {
        return Err(error(format!("{width}×{height} px cannot be a PNG")));
    }
    let document = svg::render(graphic, look, Text::Omitted);
    let tree = usvg::Tree::from_str(&document, &usvg::Options::default())
        .map_err(|e| error(e.to_string()))?;
    let page = Page::new(graphic, &tree, look, options, width);

    let strips = height.div_ceil(STRIP) as usize;
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(strips);
    let next = AtomicUsize::new(0);
    // A zlib stream: its header, each strip's deflate blocks in order, an
    // empty final block, and the checksum of every scanline.
    let mut data = vec![0x78, 0x01];
    let mut checksum = adler2::Adler32::new();
    std::thread::scope(|scope| -> Result<(), String> {
        let (done, finished) = mpsc::sync_channel(2 * workers);
        for _ in 0..workers {
            let done = done.clone();
            let (page, next) = (&page, &next);
            scope.spawn(move || {
                let mut pixmap = Pixmap::new(width, STRIP.min(height)).expect("a strip fits");
                let mut masks = HashMap::new();
                loop {
                    let strip = next.fetch_add(1, Ordering::Relaxed);
                    if strip >= strips {
                        break;
                    }
                    let top = strip as u32 * STRIP;
                    let rows = STRIP.min(height - top);
                    page.draw(&mut pixmap, top, rows, &mut masks);
                    let scanlines = filtered(&pixmap, rows);
                    let deflated = deflate(&scanlines);
                    if done.send((strip, scanlines, deflated)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done);
        // Strips arrive in any order and are compressed in theirs.
        let mut waiting = BTreeMap::new();
        let mut due = 0;
        for (strip, scanlines, deflated) in finished {
            waiting.insert(strip, (scanlines, deflated?));
            while let Some((scanlines, deflated)) = waiting.remove(&due) {
                checksum.write_slice(&scanlines);
                data.extend_from_slice(&deflated);
                due += 1;
            }
        }
        Ok(())
    })
    .map_err(error)?;
    // The final block: stored and empty.
    data.extend_from_slice(&[0x01, 0x00, 0x00, 0xff, 0xff]);
    data.extend_from_slice(&checksum.checksum().to_be_bytes());
    Ok(png_file(width, height, &data))
}

/// What the strips draw: the page colour, the shapes with their rows, and
/// the glyphs of every line of text.
struct Page<'a> {
    scale: f32,
    /// A row of the page colour, as pixmap bytes.
    page_row: Vec<u8>,
    shapes: Vec<Shape<'a>>,
    lines: Vec<Line>,
    /// The outline of every glyph used, by face and glyph id, in font
    /// units with y pointing down.
    outlines: BTreeMap<(usize, u16), Path>,
}

/// A top-level node of the tree: one area, rule, mark or swatch.
struct Shape<'a> {
    node: &'a usvg::Node,
    /// The corner of its bounding box (stroke included), in px.
    x: f32,
    y: f32,
    /// The pixel rows it may touch, anti-aliasing included.
    rows: (i64, i64),
}

/// A line of text: its colour, the pixel rows it may touch, and a stamp
/// per glyph.
struct Line {
    colour: [u8; 3],
    rows: (i64, i64),
    stamps: Vec<Stamp>,
}

/// A glyph at a pixel, and which of its coverage masks to stamp there.
struct Stamp {
    key: Key,
    x: i64,
    y: i64,
}

/// A glyph's coverage mask: face, glyph id, pixels per font unit (as f32
/// bits) and the position within a pixel, in quarters of x and y.
type Key = (usize, u16, u32, u8);

/// How finely glyphs are placed within a pixel: a quarter, as browsers do.
const PHASES: f64 = 4.0;

/// A glyph's coverage, from `(left, top)` relative to its stamp's pixel.
struct Mask {
    left: i64,
    top: i64,
    mask: tiny_skia::Mask,
}

impl<'a> Page<'a> {
    fn new(
        graphic: &Graphic,
        tree: &'a usvg::Tree,
        look: &Look<'_>,
        options: &ExportOptions,
        width: u32,
    ) -> Self {
        let scale = f64::from(options.scale);
        let palette = &look.palette;
        // Rows a span of px covers at this scale, with a pixel to spare on
        // each side for anti-aliasing.
        let rows = |top: f64, bottom: f64| {
            (
                (top * scale).floor() as i64 - 1,
                (bottom * scale).ceil() as i64 + 1,
            )
        };
        let shapes = tree
            .root()
            .children()
            .iter()
            .filter_map(|node| {
                let bbox = node.abs_layer_bounding_box()?;
                Some(Shape {
                    node,
                    x: bbox.x(),
                    y: bbox.y(),
                    rows: rows(f64::from(bbox.top()), f64::from(bbox.bottom())),
                })
            })
            .collect();
        let mut outlines = BTreeMap::new();
        let lines = shaped(&graphic.texts, &look.fonts)
            .into_iter()
            .zip(&graphic.texts)
            .map(|(shaped, t)| {
                let mut stamps = Vec::new();
                let (mut top, mut bottom) = (f64::INFINITY, f64::NEG_INFINITY);
                for run in &shaped.runs {
                    let font = svg::shaper(run.font);
                    // Pixels per font unit.
                    let unit = run.scale * scale;
                    stamps.extend(
                        run.glyphs
                            .iter()
                            .filter(|placed| {
                                outlines
                                    .entry((run.font.id, placed.glyph))
                                    .or_insert_with(|| outline(font, placed.glyph))
                                    .is_some()
                            })
                            .map(|placed| {
                                // The glyph's origin in pixels, to a quarter pixel.
                                let at = |origin: f64, offset: i32| {
                                    let quarters =
                                        ((origin * scale + f64::from(offset) * unit) * PHASES)
                                            .round() as i64;
                                    (quarters.div_euclid(4), quarters.rem_euclid(4) as u8)
                                };
                                let (x, phase_x) = at(run.x, placed.x);
                                let (y, phase_y) = at(shaped.y, placed.y);
                                Stamp {
                                    key: (
                                        run.font.id,
                                        placed.glyph,
                                        (unit as f32).to_bits(),
                                        phase_y * 4 + phase_x,
                                    ),
                                    x,
                                    y,
                                }
                            }),
                    );
                    // Every glyph lies within the font's bounding box.
                    let extent = font.global_bounding_box();
                    top = top.min(shaped.y - f64::from(extent.y_max) * run.scale);
                    bottom = bottom.max(shaped.y - f64::from(extent.y_min) * run.scale);
                }
                Line {
                    colour: rgb(svg::text_colour(t.style, palette)),
                    rows: if stamps.is_empty() {
                        (0, 0)
                    } else {
                        rows(top, bottom)
                    },
                    stamps,
                }
            })
            .collect();
        Page {
            scale: scale as f32,
            page_row: rgb(&palette.background)
                .into_iter()
                .chain([255])
                .cycle()
                .take(width as usize * 4)
                .collect(),
            shapes,
            lines,
            outlines: outlines
                .into_iter()
                .filter_map(|(key, path)| Some((key, path?)))
                .collect(),
        }
    }

    /// Draws `rows` pixel rows from `top` into the top of `pixmap`, with
    /// the glyph masks of `masks`, adding those it lacks.
    fn draw(&self, pixmap: &mut Pixmap, top: u32, rows: u32, masks: &mut HashMap<Key, Mask>) {
        let (first, end) = (i64::from(top), i64::from(top + rows));
        let crosses = |(a, b): (i64, i64)| b > first && a < end;
        for row in pixmap.data_mut().chunks_exact_mut(self.page_row.len()) {
            row.copy_from_slice(&self.page_row);
        }
        let strip = Transform::from_row(self.scale, 0.0, 0.0, self.scale, 0.0, -(top as f32));
        for shape in self.shapes.iter().filter(|s| crosses(s.rows)) {
            // resvg draws a node from its bounding box's corner.
            resvg::render_node(
                shape.node,
                strip.pre_translate(shape.x, shape.y),
                &mut pixmap.as_mut(),
            );
        }
        for line in self.lines.iter().filter(|l| crosses(l.rows)) {
            for stamp in &line.stamps {
                let mask = masks
                    .entry(stamp.key)
                    .or_insert_with(|| self.mask(stamp.key));
                blend(
                    pixmap,
                    line.colour,
                    mask,
                    stamp.x + mask.left,
                    stamp.y + mask.top - first,
                    rows,
                );
            }
        }
    }

    /// The coverage of a glyph at a size and phase, as tiny-skia fills it.
    fn mask(&self, (face, glyph, unit, phase): Key) -> Mask {
        let path = &self.outlines[&(face, glyph)];
        let unit = f32::from_bits(unit);
        let (dx, dy) = (
            f32::from(phase % 4) / PHASES as f32,
            f32::from(phase / 4) / PHASES as f32,
        );
        let bounds = path.bounds();
        let left = (bounds.left() * unit + dx).floor() as i64 - 1;
        let top = (bounds.top() * unit + dy).floor() as i64 - 1;
        let width = (bounds.right() * unit + dx).ceil() as i64 + 1 - left;
        let height = (bounds.bottom() * unit + dy).ceil() as i64 + 1 - top;
        let mut mask = tiny_skia::Mask::new(width as u32, height as u32).expect("a glyph fits");
        mask.fill_path(
            path,
            FillRule::Winding,
            true,
            Transform::from_row(unit, 0.0, 0.0, unit, dx - left as f32, dy - top as f32),
        );
        Mask { left, top, mask }
    }
}

/// Paints `colour` through `mask` placed at `(x, y)` in the first `rows`
/// rows of an opaque `pixmap`.
fn blend(pixmap: &mut Pixmap, colour: [u8; 3], mask: &Mask, x: i64, y: i64, rows: u32) {
    let (width, height) = (i64::from(pixmap.width()), i64::from(rows));
    let (mw, mh) = (i64::from(mask.mask.width()), i64::from(mask.mask.height()));
    let (x0, x1) = (x.max(0), (x + mw).min(width));
    let (y0, y1) = (y.max(0), (y + mh).min(height));
    if x0 >= x1 || y0 >= y1 {
        return;
    }
    let coverage = mask.mask.data();
    let data = pixmap.data_mut();
    for py in y0..y1 {
        let from = ((py - y) * mw + x0 - x) as usize;
        let cover = &coverage[from..from + (x1 - x0) as usize];
        let row = &mut data[((py * width + x0) * 4) as usize..((py * width + x1) * 4) as usize];
        for (pixel, &c) in row.chunks_exact_mut(4).zip(cover) {
            if c == 0 {
                continue;
            }
            let c = u32::from(c);
            for (d, s) in pixel.iter_mut().zip(colour) {
                // d + (s - d) × c / 255, rounded.
                let v = u32::from(s) * c + u32::from(*d) * (255 - c) + 128;
                *d = ((v + (v >> 8)) >> 8) as u8;
            }
        }
    }
}

/// `texts` shaped, on every core.
fn shaped(texts: &[tideline_model::graphic::Text], fonts: &Typefaces) -> Vec<svg::Shaped> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let share = texts.len().div_ceil(cores).max(64);
    std::thread::scope(|scope| {
        let parts: Vec<_> = texts
            .chunks(share)
            .map(|part| {
                scope.spawn(|| {
                    part.iter()
                        .map(|t| svg::shape(t, fonts))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        parts
            .into_iter()
            .flat_map(|part| part.join().expect("shaping does not panic"))
            .collect()
    })
}

/// The outline of `glyph` in font units, y pointing down, as the SVG's
/// `<defs>` give it.
fn outline(font: &rustybuzz::Face<'_>, glyph: u16) -> Option<Path> {
    struct Builder(PathBuilder);
    impl ttf_parser::OutlineBuilder for Builder {
        fn move_to(&mut self, x: f32, y: f32) {
            self.0.move_to(x, -y);
        }
        fn line_to(&mut self, x: f32, y: f32) {
            self.0.line_to(x, -y);
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            self.0.quad_to(x1, -y1, x, -y);
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            self.0.cubic_to(x1, -y1, x2, -y2, x, -y);
        }
        fn close(&mut self) {
            self.0.close();
        }
    }
    let mut builder = Builder(PathBuilder::new());
    font.outline_glyph(ttf_parser::GlyphId(glyph), &mut builder)?;
    builder.0.finish()
}

/// `#rrggbb` as bytes.
fn rgb(hex: &str) -> [u8; 3] {
    let channel = |at: usize| u8::from_str_radix(&hex[at..at + 2], 16).unwrap_or(0);
    [channel(1), channel(3), channel(5)]
}

/// The first `rows` rows of an opaque pixmap as filtered PNG scanlines of
/// RGB: the first by `Sub`, the others by `Up`.
fn filtered(pixmap: &Pixmap, rows: u32) -> Vec<u8> {
    let line = pixmap.width() as usize * 3;
    let mut out = vec![0; (line + 1) * rows as usize];
    let pixels = pixmap.data().chunks_exact(pixmap.width() as usize * 4);
    let mut previous: Option<&[u8]> = None;
    for (scanline, current) in out.chunks_exact_mut(line + 1).zip(pixels) {
        // Opaque, so premultiplied colour is the colour.
        let (kind, scanline) = scanline.split_first_mut().expect("a scanline");
        let (above, left) = match previous {
            Some(above) => (above, 0),
            None => (current, 4),
        };
        *kind = if left == 0 { 2 } else { 1 };
        previous = Some(current);
        if left == 0 && above == current {
            // Most rows repeat the one above: `Up` makes them zeros.
            continue;
        }
        let (first, rest) = scanline.split_at_mut(3 * left / 4);
        first.copy_from_slice(&current[..3 * left / 4]);
        for ((out, pixel), base) in rest
            .chunks_exact_mut(3)
            .zip(current[left..].chunks_exact(4))
            .zip(above.chunks_exact(4))
        {
            out[0] = pixel[0].wrapping_sub(base[0]);
            out[1] = pixel[1].wrapping_sub(base[1]);
            out[2] = pixel[2].wrapping_sub(base[2]);
        }
    }
    out
}

/// The deflate blocks of a strip's scanlines, ending byte-aligned and not
/// final, so that strips compressed apart join into one stream. Level 3:
/// near the size of the best levels on a graphic's flat colour and sharp
/// edges, at a third of their time.
fn deflate(scanlines: &[u8]) -> Result<Vec<u8>, String> {
    let mut compress = flate2::Compress::new(flate2::Compression::new(3), false);
    let mut out = Vec::with_capacity(scanlines.len() / 4 + 64);
    loop {
        let read = compress.total_in() as usize;
        out.reserve(scanlines.len() / 8 + 64);
        let status = compress
            .compress_vec(&scanlines[read..], &mut out, flate2::FlushCompress::Sync)
            .map_err(|e| e.to_string())?;
        if compress.total_in() as usize == scanlines.len()
            && out.len() < out.capacity()
            && status == flate2::Status::Ok
        {
            return Ok(out);
        }
    }
}

/// A PNG file of 8-bit RGB with `data`, the zlib stream of its scanlines.
fn png_file(width: u32, height: u32, data: &[u8]) -> Vec<u8> {
    let mut file = Vec::with_capacity(data.len() + 64 + data.len() / 100);
    file.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    // 8 bits a channel, RGB, deflate, adaptive filtering, no interlace.
    header.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut file, b"IHDR", &header);
    for part in data.chunks(1 << 20) {
        chunk(&mut file, b"IDAT", part);
    }
    chunk(&mut file, b"IEND", &[]);
    file
}

fn chunk(file: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    file.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    file.extend_from_slice(kind);
    file.extend_from_slice(data);
    file.extend_from_slice(&crc.finalize().to_be_bytes());
}
