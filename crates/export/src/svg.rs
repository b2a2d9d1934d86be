//! Paints a [`Graphic`] as SVG.
//!
//! Two kinds of text: [`Text::Outlines`], the exported SVG, draws every
//! glyph as its Inter outline (each glyph used is defined once in `<defs>`
//! and placed with `<use>`), shaped by rustybuzz with the font's kerning,
//! so the file needs no font to look right; each line keeps its words in an
//! `aria-label`. [`Text::Fonts`] writes real `<text>` in Inter, for the PDF
//! converter, which embeds the bundled fonts. [`Text::Omitted`] leaves text
//! out, for the PNG rasteriser, which draws the [`shape`]d glyphs itself.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;
use std::sync::OnceLock;

use tideline_model::Confidence;
use tideline_model::graphic::{
    Anchor, AreaRole, Face, Graphic, Mark, Orientation, RuleRole, Symbol, TextStyle,
};

use crate::fonts;
use crate::theme::{Palette, Theme, hollow};

/// How text is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Text {
    /// Glyph outlines: renders the same anywhere.
    Outlines,
    /// `<text>` elements in Inter.
    Fonts,
    /// No text and no page, and every area, rule, mark and swatch in a
    /// `<g>` of its own, so each is one node with a bounding box that
    /// counts its stroke.
    Omitted,
}

/// `graphic` as an SVG document.
pub(crate) fn render(graphic: &Graphic, theme: Theme, text: Text) -> String {
    let palette = theme.palette();
    let mut body = String::with_capacity(64 * 1024);
    let mut glyphs = BTreeSet::new();
    let (w, h) = (graphic.width, graphic.height);
    let grouped = text == Text::Omitted;
    // Opens and closes the group of one item when `grouped`.
    let group = |body: &mut String, open: bool| {
        if grouped {
            body.push_str(if open { "<g>" } else { "</g>\n" });
        }
    };
    // Without text the page is the rasteriser's, which fills it itself.
    if text != Text::Omitted {
        let _ = writeln!(
            body,
            r#"<rect width="{}" height="{}" fill="{}"/>"#,
            n(w),
            n(h),
            palette.background
        );
    }
    for area in &graphic.areas {
        let fill = match area.role {
            AreaRole::Lane => match palette.lane {
                Some(fill) => fill,
                None => continue,
            },
            AreaRole::Band => palette.band,
            AreaRole::Density => palette.muted,
        };
        group(&mut body, true);
        let _ = writeln!(
            body,
            r#"<rect x="{}" y="{}" width="{}" height="{}" fill="{fill}"/>"#,
            n(area.x),
            n(area.y),
            n(area.width),
            n(area.height)
        );
        group(&mut body, false);
    }
    for rule in &graphic.rules {
        let (stroke, width) = match rule.role {
            RuleRole::Axis => (palette.axis, 1.0),
            RuleRole::Grid => (palette.grid, 1.0),
            RuleRole::GridMajor => (palette.grid_major, 1.0),
            RuleRole::Divider => (palette.grid_major, 1.0),
            RuleRole::Callout => (palette.callout, 2.0),
            RuleRole::Footer => (palette.grid_major, 1.0),
            RuleRole::Leader => (palette.muted, 1.0),
        };
        group(&mut body, true);
        let _ = writeln!(
            body,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{stroke}" stroke-width="{width}"/>"#,
            n(rule.x1),
            n(rule.y1),
            n(rule.x2),
            n(rule.y2)
        );
        group(&mut body, false);
    }
    for mark in &graphic.marks {
        group(&mut body, true);
        paint_mark(&mut body, mark, theme, &palette, graphic.orientation);
        group(&mut body, false);
    }
    for swatch in &graphic.swatches {
        group(&mut body, true);
        paint_swatch(
            &mut body,
            swatch.x,
            swatch.y,
            swatch.symbol,
            theme,
            &palette,
        );
        group(&mut body, false);
    }
    for t in &graphic.texts {
        let fill = text_colour(t.style, &palette);
        match text {
            Text::Fonts => {
                let face = t.style.face();
                let weight = if face == Face::SemiBold { "600" } else { "400" };
                let style = if face == Face::Italic {
                    r#" font-style="italic""#
                } else {
                    ""
                };
                let anchor = if t.anchor == Anchor::End {
                    r#" text-anchor="end""#
                } else {
                    ""
                };
                let _ = writeln!(
                    body,
                    r#"<text x="{}" y="{}" font-family="Inter" font-size="{}" font-weight="{weight}"{style}{anchor} fill="{fill}">{}</text>"#,
                    n(t.x),
                    n(t.y),
                    n(t.size_px),
                    escape(&t.text)
                );
            }
            Text::Outlines => {
                outline_text(&mut body, &mut glyphs, t, fill);
            }
            Text::Omitted => {}
        }
    }

    let mut svg = String::with_capacity(body.len() + glyphs.len() * 400 + 512);
    let _ = write!(
        svg,
        r#"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img">"#,
        w = n(w),
        h = n(h)
    );
    svg.push('\n');
    if let Some(title) = graphic.texts.iter().find(|t| t.style == TextStyle::Title) {
        let _ = writeln!(svg, "<title>{}</title>", escape(&title.text));
    }
    if !glyphs.is_empty() {
        svg.push_str("<defs>\n");
        for (face, glyph) in glyphs {
            let _ = writeln!(
                svg,
                r#"<path id="{}{glyph}" d="{}"/>"#,
                face_id(face.into()),
                glyph_path(face, glyph)
            );
        }
        svg.push_str("</defs>\n");
    }
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    svg
}

pub(crate) fn text_colour(style: TextStyle, palette: &Palette) -> &'static str {
    match style {
        TextStyle::Title | TextStyle::Heading | TextStyle::TickMajor | TextStyle::Label => {
            palette.text
        }
        TextStyle::Callout | TextStyle::Legend => palette.text,
        TextStyle::Band => palette.band_text,
        TextStyle::Subtitle
        | TextStyle::Tick
        | TextStyle::Date
        | TextStyle::Description
        | TextStyle::Note
        | TextStyle::Credit => palette.muted,
    }
}

fn paint_mark(out: &mut String, mark: &Mark, theme: Theme, palette: &Palette, o: Orientation) {
    let colour = theme.kind(mark.kind);
    if let Some(w) = &mark.whisker {
        let _ = writeln!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-opacity="0.35" stroke-width="4" stroke-linecap="round"/>"#,
            n(w.x1),
            n(w.y1),
            n(w.x2),
            n(w.y2)
        );
    }
    if let Some(bar) = &mark.bar {
        let opacity = if hollow(mark.confidence) {
            "0.45"
        } else {
            "0.8"
        };
        let _ = writeln!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-opacity="{opacity}" stroke-width="6" stroke-linecap="round"/>"#,
            n(bar.x1),
            n(bar.y1),
            n(bar.x2),
            n(bar.y2)
        );
        if mark.ongoing {
            let (x, y) = (bar.x2, bar.y2);
            let d = match o {
                Orientation::Horizontal => {
                    format!(
                        "M{} {}L{} {}L{} {}Z",
                        n(x),
                        n(y - 7.0),
                        n(x + 9.0),
                        n(y),
                        n(x),
                        n(y + 7.0)
                    )
                }
                Orientation::Vertical => {
                    format!(
                        "M{} {}L{} {}L{} {}Z",
                        n(x - 7.0),
                        n(y),
                        n(x),
                        n(y + 9.0),
                        n(x + 7.0),
                        n(y)
                    )
                }
            };
            let _ = writeln!(out, r#"<path d="{d}" fill="{colour}"/>"#);
        }
    }
    marker(
        out,
        mark.x,
        mark.y,
        mark.radius,
        mark.confidence,
        mark.fuzzy,
        colour,
        palette,
    );
}

/// A marker: filled when confirmed; a ring when reported, dashed when
/// rumoured, slashed when disputed; a dotted halo for a fuzzy date.
#[allow(clippy::too_many_arguments)]
fn marker(
    out: &mut String,
    x: f64,
    y: f64,
    r: f64,
    confidence: Confidence,
    fuzzy: bool,
    colour: &str,
    palette: &Palette,
) {
    let (cx, cy) = (n(x), n(y));
    if fuzzy {
        let _ = writeln!(
            out,
            r#"<circle cx="{cx}" cy="{cy}" r="{}" fill="none" stroke="{colour}" stroke-width="1.2" stroke-dasharray="1.5 2"/>"#,
            n(r + 3.5)
        );
    }
    let bg = palette.background;
    if !hollow(confidence) {
        let _ = writeln!(
            out,
            r#"<circle cx="{cx}" cy="{cy}" r="{}" fill="{colour}" stroke="{bg}" stroke-width="1.5"/>"#,
            n(r)
        );
        return;
    }
    let dash = if confidence == Confidence::Rumoured {
        r#" stroke-dasharray="2.4 1.8""#
    } else {
        ""
    };
    let _ = writeln!(
        out,
        r#"<circle cx="{cx}" cy="{cy}" r="{}" fill="{bg}" stroke="{colour}" stroke-width="2.2"{dash}/>"#,
        n(r - 1.0)
    );
    if confidence == Confidence::Disputed {
        let d = (r - 1.0) * std::f64::consts::FRAC_1_SQRT_2;
        let _ = writeln!(
            out,
            r#"<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{colour}" stroke-width="2"/>"#,
            n(x - d),
            n(y + d),
            n(x + d),
            n(y - d)
        );
    }
}

fn paint_swatch(out: &mut String, x: f64, y: f64, symbol: Symbol, theme: Theme, palette: &Palette) {
    let neutral = palette.muted;
    match symbol {
        Symbol::Kind(kind) => marker(
            out,
            x,
            y,
            5.5,
            Confidence::Confirmed,
            false,
            theme.kind(kind),
            palette,
        ),
        Symbol::Confidence(c) => marker(out, x, y, 5.5, c, false, palette.text, palette),
        Symbol::Fuzzy => marker(
            out,
            x,
            y,
            5.0,
            Confidence::Confirmed,
            true,
            neutral,
            palette,
        ),
        Symbol::Whisker => {
            let _ = writeln!(
                out,
                r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{neutral}" stroke-opacity="0.35" stroke-width="4" stroke-linecap="round"/>"#,
                n(x - 7.0),
                n(x + 7.0),
                y = n(y)
            );
            marker(
                out,
                x,
                y,
                4.0,
                Confidence::Confirmed,
                false,
                neutral,
                palette,
            );
        }
        Symbol::Range => {
            let _ = writeln!(
                out,
                r#"<line x1="{}" y1="{y}" x2="{}" y2="{y}" stroke="{neutral}" stroke-opacity="0.8" stroke-width="6" stroke-linecap="round"/>"#,
                n(x - 6.0),
                n(x + 7.0),
                y = n(y)
            );
        }
        Symbol::Band => {
            let _ = writeln!(
                out,
                r#"<rect x="{}" y="{}" width="16" height="12" fill="{}"/>"#,
                n(x - 8.0),
                n(y - 6.0),
                palette.band
            );
        }
    }
}

/// The rustybuzz faces of the bundled fonts.
pub(crate) fn shaper(face: Face) -> &'static rustybuzz::Face<'static> {
    static FACES: OnceLock<[rustybuzz::Face<'static>; 3]> = OnceLock::new();
    let faces = FACES.get_or_init(|| {
        [Face::Regular, Face::SemiBold, Face::Italic].map(|face| {
            rustybuzz::Face::from_slice(fonts::data(face), 0).expect("bundled fonts parse")
        })
    });
    &faces[face_index(face)]
}

pub(crate) fn face_index(face: Face) -> usize {
    match face {
        Face::Regular => 0,
        Face::SemiBold => 1,
        Face::Italic => 2,
    }
}

fn face_id(face: Face) -> char {
    ['r', 's', 'i'][face_index(face)]
}

/// A line of text shaped by rustybuzz with the font's kerning: where its
/// glyphs go, in font units from its origin.
pub(crate) struct Shaped {
    pub face: Face,
    /// The origin (left end of the baseline), in px.
    pub x: f64,
    pub y: f64,
    /// px per font unit.
    pub scale: f64,
    /// Glyphs with an outline (spaces have none).
    pub glyphs: Vec<Placed>,
}

/// A glyph of a [`Shaped`] line.
pub(crate) struct Placed {
    pub glyph: u16,
    /// Offset from the origin in font units, y pointing down.
    pub x: i32,
    pub y: i32,
}

/// Shapes `t`, placing it by its anchor.
pub(crate) fn shape(t: &tideline_model::graphic::Text) -> Shaped {
    let face = t.style.face();
    let shaper = shaper(face);
    let mut buffer = rustybuzz::UnicodeBuffer::new();
    buffer.push_str(&t.text);
    let shaped = rustybuzz::shape(shaper, &[], buffer);
    let scale = t.size_px / f64::from(shaper.units_per_em());
    let total: i32 = shaped.glyph_positions().iter().map(|p| p.x_advance).sum();
    let x = match t.anchor {
        Anchor::Start => t.x,
        Anchor::End => t.x - f64::from(total) * scale,
    };
    let mut glyphs = Vec::with_capacity(shaped.len());
    let mut pen = 0;
    for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
        let glyph = info.glyph_id as u16;
        if has_outline(face, glyph) {
            glyphs.push(Placed {
                glyph,
                x: pen + pos.x_offset,
                y: -pos.y_offset,
            });
        }
        pen += pos.x_advance;
    }
    Shaped {
        face,
        x,
        y: t.y,
        scale,
        glyphs,
    }
}

/// Whether `glyph` of `face` draws anything (a space does not), asked of
/// the font once per thread.
fn has_outline(face: Face, glyph: u16) -> bool {
    thread_local! {
        static KNOWN: RefCell<HashMap<(usize, u16), bool>> = RefCell::new(HashMap::new());
    }
    KNOWN.with_borrow_mut(|known| {
        *known.entry((face_index(face), glyph)).or_insert_with(|| {
            shaper(face)
                .glyph_bounding_box(ttf_parser::GlyphId(glyph))
                .is_some()
        })
    })
}

/// One line as glyph outlines: a group scaled from font units, with a
/// `<use>` per glyph.
fn outline_text(
    out: &mut String,
    glyphs: &mut BTreeSet<(FaceKey, u16)>,
    t: &tideline_model::graphic::Text,
    fill: &str,
) {
    let shaped = shape(t);
    let _ = write!(
        out,
        r#"<g aria-label="{}" fill="{fill}" transform="translate({} {}) scale({})">"#,
        escape(&t.text),
        n(shaped.x),
        n(shaped.y),
        scale_n(shaped.scale)
    );
    let id = face_id(shaped.face);
    for Placed { glyph, x, y } in shaped.glyphs {
        glyphs.insert((FaceKey(face_index(shaped.face)), glyph));
        if x == 0 && y == 0 {
            let _ = write!(out, r##"<use xlink:href="#{id}{glyph}"/>"##);
        } else if y == 0 {
            let _ = write!(out, r##"<use xlink:href="#{id}{glyph}" x="{x}"/>"##);
        } else {
            let _ = write!(out, r##"<use xlink:href="#{id}{glyph}" x="{x}" y="{y}"/>"##);
        }
    }
    out.push_str("</g>\n");
}

/// A face, ordered for the `<defs>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct FaceKey(usize);

impl From<FaceKey> for Face {
    fn from(key: FaceKey) -> Face {
        [Face::Regular, Face::SemiBold, Face::Italic][key.0]
    }
}

/// The outline of `glyph` in font units, y pointing down.
fn glyph_path(face: FaceKey, glyph: u16) -> String {
    struct Path(String);
    impl ttf_parser::OutlineBuilder for Path {
        fn move_to(&mut self, x: f32, y: f32) {
            let _ = write!(self.0, "M{} {}", u(x), u(-y));
        }
        fn line_to(&mut self, x: f32, y: f32) {
            let _ = write!(self.0, "L{} {}", u(x), u(-y));
        }
        fn quad_to(&mut self, x1: f32, y1: f32, x: f32, y: f32) {
            let _ = write!(self.0, "Q{} {} {} {}", u(x1), u(-y1), u(x), u(-y));
        }
        fn curve_to(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, x: f32, y: f32) {
            let _ = write!(
                self.0,
                "C{} {} {} {} {} {}",
                u(x1),
                u(-y1),
                u(x2),
                u(-y2),
                u(x),
                u(-y)
            );
        }
        fn close(&mut self) {
            self.0.push('Z');
        }
    }
    let mut path = Path(String::new());
    shaper(face.into()).outline_glyph(ttf_parser::GlyphId(glyph), &mut path);
    path.0
}

/// A font unit, rounded to a tenth.
fn u(v: f32) -> String {
    n(f64::from(v))
}

/// A number with at most two decimals and no trailing zeros.
pub(crate) fn n(v: f64) -> String {
    let v = (v * 100.0).round() / 100.0;
    let v = if v == 0.0 { 0.0 } else { v };
    let s = format!("{v:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A scale factor, with enough digits for font units.
fn scale_n(v: f64) -> String {
    let s = format!("{v:.6}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Text escaped for XML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Characters XML 1.0 forbids.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => out.push(' '),
            '\u{FFFE}' | '\u{FFFF}' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
