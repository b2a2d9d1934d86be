//! Paints a [`Graphic`] as SVG.
//!
//! Two kinds of text: [`Text::Outlines`], the exported SVG, draws every
//! glyph as its outline in the style's fonts (each glyph used is defined
//! once in `<defs>` and placed with `<use>`), shaped by rustybuzz with the
//! font's kerning, so the file needs no font to look right; each line keeps
//! its words in an `aria-label`. [`Text::Fonts`] writes real `<text>` in
//! those fonts, for the PDF converter, which embeds them. [`Text::Omitted`]
//! leaves text out, for the PNG rasteriser, which draws the [`shape`]d
//! glyphs itself.

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;
use std::sync::Mutex;

use base64::Engine;
use tideline_model::Confidence;
use tideline_model::graphic::{
    Anchor, AreaRole, Face, Graphic, Mark, Orientation, RuleRole, Symbol, TextStyle,
};
use tideline_model::text::{Font, Typefaces};

use crate::style::Logo;
use crate::theme::{Palette, hollow};

/// How a graphic is painted: colours, fonts and logo.
pub(crate) struct Look<'a> {
    pub palette: Palette,
    pub fonts: Typefaces,
    pub logo: Option<&'a Logo>,
}

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
pub(crate) fn render(graphic: &Graphic, look: &Look<'_>, text: Text) -> String {
    let palette = &look.palette;
    let fonts = look.fonts.fonts();
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
            AreaRole::Lane => match &palette.lane {
                Some(fill) => fill.as_str(),
                None => continue,
            },
            AreaRole::Band => palette.band.as_str(),
            AreaRole::Density => palette.muted.as_str(),
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
            RuleRole::Axis => (&palette.axis, 1.0),
            RuleRole::Grid => (&palette.grid, 1.0),
            RuleRole::GridMajor => (&palette.grid_major, 1.0),
            RuleRole::Divider => (&palette.grid_major, 1.0),
            RuleRole::Callout => (&palette.callout, 2.0),
            RuleRole::Footer => (&palette.grid_major, 1.0),
            RuleRole::Leader => (&palette.muted, 1.0),
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
        paint_mark(&mut body, mark, palette, graphic.orientation);
        group(&mut body, false);
    }
    for swatch in &graphic.swatches {
        group(&mut body, true);
        paint_swatch(&mut body, swatch.x, swatch.y, swatch.symbol, palette);
        group(&mut body, false);
    }
    if let (Some(logo), Some(at)) = (look.logo, &graphic.logo) {
        let _ = writeln!(
            body,
            r#"<image x="{}" y="{}" width="{}" height="{}" href="data:{};base64,{}"/>"#,
            n(at.x),
            n(at.y),
            n(at.width),
            n(at.height),
            logo.mime,
            base64::engine::general_purpose::STANDARD.encode(&logo.data)
        );
    }
    for t in &graphic.texts {
        let fill = text_colour(t.style, palette);
        match text {
            Text::Fonts => {
                let chain = look.fonts.chain(t.style.face());
                let families = chain
                    .iter()
                    .map(|font| format!("'{}'", font.family.replace('\'', "")))
                    .collect::<Vec<_>>()
                    .join(", ");
                let weight = chain[0].weight;
                let style = if chain[0].italic {
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
                    r#"<text x="{}" y="{}" font-family="{}" font-size="{}" font-weight="{weight}"{style}{anchor} fill="{fill}">{}</text>"#,
                    n(t.x),
                    n(t.y),
                    escape(&families),
                    n(t.size_px),
                    escape(&t.text)
                );
            }
            Text::Outlines => {
                outline_text(&mut body, &mut glyphs, &fonts, t, fill, &look.fonts);
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
        for (k, glyph) in glyphs {
            let _ = writeln!(
                svg,
                r#"<path id="g{k}-{glyph}" d="{}"/>"#,
                glyph_path(fonts[k], glyph)
            );
        }
        svg.push_str("</defs>\n");
    }
    svg.push_str(&body);
    svg.push_str("</svg>\n");
    svg
}

pub(crate) fn text_colour(style: TextStyle, palette: &Palette) -> &str {
    match style {
        TextStyle::Title | TextStyle::Heading | TextStyle::TickMajor | TextStyle::Label => {
            &palette.text
        }
        TextStyle::Callout | TextStyle::Legend => &palette.text,
        TextStyle::Band => &palette.band_text,
        TextStyle::Subtitle
        | TextStyle::Tick
        | TextStyle::Date
        | TextStyle::Description
        | TextStyle::Note
        | TextStyle::Credit => &palette.muted,
    }
}

fn paint_mark(out: &mut String, mark: &Mark, palette: &Palette, o: Orientation) {
    let colour = palette.kind(mark.kind);
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
    let bg = &palette.background;
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
        let colour = palette.confidence(confidence).unwrap_or(colour);
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

fn paint_swatch(out: &mut String, x: f64, y: f64, symbol: Symbol, palette: &Palette) {
    let neutral = palette.muted.as_str();
    match symbol {
        Symbol::Kind(kind) => marker(
            out,
            x,
            y,
            5.5,
            Confidence::Confirmed,
            false,
            palette.kind(kind),
            palette,
        ),
        Symbol::Confidence(c) => {
            let colour = palette.confidence(c).unwrap_or(&palette.text);
            marker(out, x, y, 5.5, c, false, colour, palette);
        }
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
                &palette.band
            );
        }
    }
}

/// The rustybuzz face of a font, parsed once per process.
pub(crate) fn shaper(font: &'static Font) -> &'static rustybuzz::Face<'static> {
    static FACES: Mutex<Vec<(usize, &'static rustybuzz::Face<'static>)>> = Mutex::new(Vec::new());
    let mut faces = FACES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, face)) = faces.iter().find(|(id, _)| *id == font.id) {
        return face;
    }
    let face: &'static rustybuzz::Face<'static> = Box::leak(Box::new(
        rustybuzz::Face::from_slice(font.data, 0).expect("loaded fonts parse"),
    ));
    faces.push((font.id, face));
    face
}

/// A line of text shaped by rustybuzz with each font's kerning: its runs,
/// each in one font.
pub(crate) struct Shaped {
    /// The baseline, in px.
    pub y: f64,
    pub runs: Vec<ShapedRun>,
}

/// Part of a line set in one font.
pub(crate) struct ShapedRun {
    pub font: &'static Font,
    /// The origin (left end of the baseline), in px.
    pub x: f64,
    /// px per font unit.
    pub scale: f64,
    /// Glyphs with an outline (spaces have none).
    pub glyphs: Vec<Placed>,
}

/// A glyph of a [`ShapedRun`].
pub(crate) struct Placed {
    pub glyph: u16,
    /// Offset from the run's origin in font units, y pointing down.
    pub x: i32,
    pub y: i32,
}

/// Shapes `t` in `fonts`, placing it by its anchor.
pub(crate) fn shape(t: &tideline_model::graphic::Text, fonts: &Typefaces) -> Shaped {
    let face: Face = t.style.face();
    let mut runs = Vec::new();
    let mut pen_px = 0.0;
    for (font, range) in fonts.runs(face, &t.text) {
        let shaper = shaper(font);
        let mut buffer = rustybuzz::UnicodeBuffer::new();
        buffer.push_str(&t.text[range]);
        let shaped = rustybuzz::shape(shaper, &[], buffer);
        let scale = t.size_px / f64::from(shaper.units_per_em());
        let mut glyphs = Vec::with_capacity(shaped.len());
        let mut pen = 0;
        for (info, pos) in shaped.glyph_infos().iter().zip(shaped.glyph_positions()) {
            let glyph = info.glyph_id as u16;
            if has_outline(font, glyph) {
                glyphs.push(Placed {
                    glyph,
                    x: pen + pos.x_offset,
                    y: -pos.y_offset,
                });
            }
            pen += pos.x_advance;
        }
        runs.push(ShapedRun {
            font,
            x: pen_px,
            scale,
            glyphs,
        });
        pen_px += f64::from(pen) * scale;
    }
    let start = match t.anchor {
        Anchor::Start => t.x,
        Anchor::End => t.x - pen_px,
    };
    for run in &mut runs {
        run.x += start;
    }
    Shaped { y: t.y, runs }
}

/// Whether `glyph` of `font` draws anything (a space does not), asked of
/// the font once per thread.
fn has_outline(font: &'static Font, glyph: u16) -> bool {
    thread_local! {
        static KNOWN: RefCell<HashMap<(usize, u16), bool>> = RefCell::new(HashMap::new());
    }
    KNOWN.with_borrow_mut(|known| {
        *known.entry((font.id, glyph)).or_insert_with(|| {
            shaper(font)
                .glyph_bounding_box(ttf_parser::GlyphId(glyph))
                .is_some()
        })
    })
}

/// One line as glyph outlines: a group scaled from font units per run,
/// with a `<use>` per glyph; glyphs are named by their font's place in
/// `fonts`.
fn outline_text(
    out: &mut String,
    glyphs: &mut BTreeSet<(usize, u16)>,
    fonts: &[&'static Font],
    t: &tideline_model::graphic::Text,
    fill: &str,
    typefaces: &Typefaces,
) {
    let shaped = shape(t, typefaces);
    let single = shaped.runs.len() == 1;
    if !single {
        let _ = write!(out, r#"<g aria-label="{}" fill="{fill}">"#, escape(&t.text));
    }
    for run in &shaped.runs {
        let k = fonts
            .iter()
            .position(|f| f.id == run.font.id)
            .expect("a run's font is one of the typefaces'");
        if single {
            let _ = write!(
                out,
                r#"<g aria-label="{}" fill="{fill}" transform="translate({} {}) scale({})">"#,
                escape(&t.text),
                n(run.x),
                n(shaped.y),
                scale_n(run.scale)
            );
        } else {
            let _ = write!(
                out,
                r#"<g transform="translate({} {}) scale({})">"#,
                n(run.x),
                n(shaped.y),
                scale_n(run.scale)
            );
        }
        for Placed { glyph, x, y } in &run.glyphs {
            glyphs.insert((k, *glyph));
            if *x == 0 && *y == 0 {
                let _ = write!(out, r##"<use xlink:href="#g{k}-{glyph}"/>"##);
            } else if *y == 0 {
                let _ = write!(out, r##"<use xlink:href="#g{k}-{glyph}" x="{x}"/>"##);
            } else {
                let _ = write!(
                    out,
                    r##"<use xlink:href="#g{k}-{glyph}" x="{x}" y="{y}"/>"##
                );
            }
        }
        out.push_str("</g>");
    }
    if !single {
        out.push_str("</g>");
    }
    out.push('\n');
}

/// The outline of `glyph` in font units, y pointing down.
fn glyph_path(font: &'static Font, glyph: u16) -> String {
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
    shaper(font).outline_glyph(ttf_parser::GlyphId(glyph), &mut path);
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
