//! The web page: a timeline as one self-contained HTML document.
//!
//! The document is the chronology itself, readable with no script at all:
//! a heading, the engine's wide graphic as inline SVG (text as glyph
//! outlines, so no font is fetched), and an `<ol>` of the events, each with
//! `<time datetime>` at its date's precision, kind, confidence,
//! description, callouts and every source with its quote in a
//! `<blockquote cite>` and a plain link. The same markup serves screen
//! readers, print, feed readers and search engines. The events are also
//! written as data (`<script type="application/json">`, with the engine's
//! layout at every zoom: `page_data.rs`) for the viewer (`ui/src/viewer/`)
//! to enhance the page into an interactive timeline.
//!
//! Nothing is fetched, by construction: a `Content-Security-Policy` of
//! `default-src 'none'` allows only the page's own inline style and script
//! (by their hashes) and `data:` images and fonts (the inlined Inter); the
//! only URLs are the sources' own links, which load nothing.
//! Every user string is text: escaped for HTML in the markup and for a
//! script element in the data (`<`, `>` and `&` as `\u` escapes, so a
//! `</script>` in a title cannot end it).

use std::fmt::Write;

use base64::Engine;
use serde::Serialize;
use sha2::{Digest, Sha256};
use tideline_model::Locale;
use tideline_model::compare::Days;
use tideline_model::graphic::GraphicInput;
use tideline_model::graphic::{confidence_label, kind_label};
use tideline_model::{Confidence, Date, DateLength, EventKind, Precision};
use tideline_store::views::{ComparisonView, SourceQuoteView, TimelineView};

use crate::input::{Event, Selection};
use crate::markdown::{Grouping, Wording};
use crate::page_data::PageData;
use crate::{ExportError, ExportOptions, HouseStyle, Theme};

/// The page's stylesheet: light and dark, wide and narrow, and print.
const STYLE: &str = include_str!("html.css");

/// Inter's Latin glyphs (`assets/fonts/latin-subset.py`), so the page's
/// text is set in the font the engine measured its labels in.
const FONTS: [(u16, &[u8]); 2] = [
    (
        400,
        include_bytes!("../../../assets/fonts/Inter-Regular-Latin.woff"),
    ),
    (
        600,
        include_bytes!("../../../assets/fonts/Inter-SemiBold-Latin.woff"),
    ),
];

/// The viewer that enhances the page into an interactive timeline, built
/// from `ui/src/viewer/` by `npm run build:viewer` (kept in step by a
/// test).
const VIEWER: &str = include_str!("viewer.js");

/// The language `options` ask for, and how `style` writes dates in it.
fn wording(
    options: &ExportOptions,
    style: &HouseStyle,
) -> Result<(Locale, Wording<'static>), ExportError> {
    let locale = crate::locale(options)?;
    Ok((
        locale,
        Wording {
            words: locale.words(),
            length: style.date_length,
        },
    ))
}

/// The page of the selected part of `view`, with `graphic` (an SVG
/// document) drawn under its heading.
pub(crate) fn page(
    view: &TimelineView,
    options: &ExportOptions,
    style: &HouseStyle,
    graphic: &str,
) -> Result<String, ExportError> {
    let (locale, wording) = wording(options, style)?;
    let words = wording.words;
    let selection = Selection::new(view, options)?;
    let events = selection.events();

    let mut body = String::with_capacity(64 * 1024);
    body.push_str("<main>\n<header>\n");
    let _ = writeln!(body, "<h1>{}</h1>", text(&view.title));
    if !view.subtitle.trim().is_empty() {
        let _ = writeln!(body, r#"<p class="subtitle">{}</p>"#, text(&view.subtitle));
    }
    if !view.description.trim().is_empty() {
        let _ = writeln!(body, "<p>{}</p>", text(&view.description));
    }
    let _ = writeln!(
        body,
        "<p class=\"summary\">{}</p>",
        text(&summary(&selection, wording))
    );
    body.push_str("</header>\n");
    let _ = writeln!(
        body,
        "<figure class=\"graphic\">\n{}</figure>",
        graphic.trim_end()
    );

    let _ = writeln!(
        body,
        "<section class=\"chronology\" aria-labelledby=\"chronology\">\n<h2 id=\"chronology\">{}</h2>",
        text(words.text("brief.chronology"))
    );
    match options.group {
        Grouping::Year => {
            body.push_str("<ol class=\"events\">\n");
            for event in &events {
                write_event(&mut body, &selection, event, true, true, 3, wording);
            }
            body.push_str("</ol>\n");
        }
        Grouping::Lane => {
            for (lane, events) in &selection.lanes {
                let _ = writeln!(body, "<h3>{}</h3>", text(&lane.name));
                if events.is_empty() {
                    let _ = writeln!(body, "<p>{}</p>", text(words.text("brief.no-events")));
                    continue;
                }
                body.push_str("<ol class=\"events\">\n");
                for event in events {
                    write_event(&mut body, &selection, event, false, true, 4, wording);
                }
                body.push_str("</ol>\n");
            }
        }
    }
    body.push_str("</section>\n");

    if !selection.spans.is_empty() {
        let _ = writeln!(
            body,
            "<section aria-labelledby=\"periods\">\n<h2 id=\"periods\">{}</h2>\n<ul class=\"periods\">",
            text(words.text("brief.periods"))
        );
        for (_, span) in &selection.spans {
            let _ = writeln!(
                body,
                "<li>{}: {}</li>",
                date_range(span.start, Some(span.end), false, wording),
                text(&span.text)
            );
        }
        body.push_str("</ul>\n</section>\n");
    }
    if !selection.notes.is_empty() {
        let _ = writeln!(
            body,
            "<section aria-labelledby=\"notes\">\n<h2 id=\"notes\">{}</h2>\n<ul class=\"notes\">",
            text(words.text("brief.notes"))
        );
        for note in &selection.notes {
            let _ = writeln!(body, "<li>{}</li>", text(&note.text));
        }
        body.push_str("</ul>\n</section>\n");
    }
    let credit = selection.credit(locale, style);
    if !credit.trim().is_empty() {
        let _ = writeln!(body, "<footer><p>{}</p></footer>", text(&credit));
    }
    body.push_str("</main>\n");

    let data = PageData::timeline(&selection, &events, locale, style.date_length);
    Ok(document(locale, &view.title, &body, &data, style))
}

/// The page of a comparison, with `graphic` (an SVG document) under its
/// heading: the milestone and duration tables, then each timeline's
/// chronology with its T0.
pub(crate) fn comparison_page(
    view: &ComparisonView,
    input: &GraphicInput,
    options: &ExportOptions,
    style: &HouseStyle,
    graphic: &str,
) -> Result<String, ExportError> {
    let (locale, wording) = wording(options, style)?;
    let words = wording.words;
    let comparison = &view.comparison;
    let mut body = String::with_capacity(64 * 1024);
    body.push_str("<main>\n<header>\n");
    let _ = writeln!(body, "<h1>{}</h1>", text(&view.name));
    let _ = writeln!(
        body,
        r#"<p class="subtitle">{}</p>"#,
        text(&comparison.alignment.describe())
    );
    body.push_str("</header>\n");
    let _ = writeln!(
        body,
        "<figure class=\"graphic\">\n{}</figure>",
        graphic.trim_end()
    );
    let titles: Vec<&str> = comparison
        .timelines
        .iter()
        .map(|t| t.title.as_str())
        .collect();
    if !comparison.offsets.is_empty() {
        let rows = comparison.offsets.iter().map(|offsets| {
            (
                kind_label(words, offsets.kind),
                offsets.cells.as_slice(),
                [offsets.stats.min, offsets.stats.median, offsets.stats.max],
            )
        });
        write_table(
            &mut body,
            words.text("brief.milestones-from-t0"),
            "milestones",
            words.text("brief.milestone"),
            &titles,
            rows,
            Days::offset_label,
            words,
        );
    }
    if !comparison.durations.is_empty() {
        let rows = comparison.durations.iter().map(|step| {
            (
                format!("{} → {}", step.from.label(), step.to.label().to_lowercase()),
                step.cells.as_slice(),
                [step.stats.min, step.stats.median, step.stats.max],
            )
        });
        write_table(
            &mut body,
            words.text("brief.time-between-milestones"),
            "durations",
            words.text("brief.from-to"),
            &titles,
            rows,
            Days::duration_label,
            words,
        );
    }
    let _ = writeln!(
        body,
        "<section class=\"chronology\" aria-labelledby=\"chronology\">\n<h2 id=\"chronology\">{}</h2>",
        text(words.text("brief.chronology"))
    );
    let all = ExportOptions {
        lanes: None,
        from: None,
        to: None,
        ..options.clone()
    };
    let mut anchored = std::collections::BTreeSet::new();
    for (timeline, compared) in view.timelines.iter().zip(&comparison.timelines) {
        let _ = writeln!(body, "<h3>{}</h3>", text(&timeline.title));
        if let Some(t0) = timeline
            .events
            .iter()
            .find(|e| e.facts.id == compared.t0.event)
        {
            let _ = writeln!(
                body,
                "<p class=\"t0\">T0: {} · {} · {}</p>",
                time(compared.t0.date, words, style.date_length),
                text(&kind_label(words, t0.facts.kind)),
                text(&t0.facts.title)
            );
        }
        let selection = Selection::new(timeline, &all)?;
        body.push_str("<ol class=\"events\">\n");
        for event in selection.events() {
            let anchor = anchored.insert(event.view.facts.id);
            write_event(&mut body, &selection, event, false, anchor, 4, wording);
        }
        body.push_str("</ol>\n");
    }
    body.push_str("</section>\n</main>\n");
    let data = PageData::comparison(view, input, locale, style.date_length)?;
    Ok(document(locale, &view.name, &body, &data, style))
}

/// What the timeline holds in a sentence, for the page's header and an
/// embed's alt text: the timeline's own summary, or one written from its
/// events, "18 events from Jul 2019 to Oct 2025 in 3 lanes."
pub(crate) fn summary(selection: &Selection<'_>, wording: Wording<'_>) -> String {
    let written = selection.view.summary.trim();
    if !written.is_empty() {
        return written.to_owned();
    }
    let Wording { words, length } = wording;
    let events = selection.events();
    let count = words.count("brief.events", events.len() as f64, 0, &[]);
    let (Some(first), Some(last)) = (
        events
            .iter()
            .map(|e| e.start)
            .min_by_key(|d| d.start_minute()),
        events
            .iter()
            .map(|e| e.end.unwrap_or(e.start))
            .max_by_key(|d| d.end_minute()),
    ) else {
        return format!("{count}.");
    };
    let lanes = words.count("viewer.lanes", selection.lanes.len() as f64, 0, &[]);
    words.fill(
        "viewer.summary",
        &[
            ("events", &count),
            ("start", &first.display_in(words, length)),
            ("end", &last.display_in(words, length)),
            ("lanes", &lanes),
        ],
    )
}

/// The HTML a CMS embeds the page with: an `<iframe>` of `page` (a URL or
/// a path relative to where the snippet goes) titled as the timeline, which
/// grows to the height the page posts, and a `<noscript>` picture of the
/// graphic at `picture` with the summary as its alt text.
pub(crate) fn embed(
    view: &TimelineView,
    options: &ExportOptions,
    style: &HouseStyle,
    page: &str,
    picture: &str,
    height_px: f64,
) -> Result<String, ExportError> {
    let (_, wording) = wording(options, style)?;
    let alt = summary(&Selection::new(view, options)?, wording);
    Ok(format!(
        "<iframe src=\"{page}\" title=\"{title}\" style=\"width:100%;height:{height}px;border:0\" loading=\"lazy\" sandbox=\"allow-scripts allow-popups allow-popups-to-escape-sandbox\"></iframe>\n\
         <noscript><img src=\"{picture}\" alt=\"{alt}\" style=\"max-width:100%;height:auto\"></noscript>\n\
         <script>addEventListener(\"message\",function(e){{var h=e.data&&e.data[\"datawrapper-height\"];if(!h)return;document.querySelectorAll(\"iframe\").forEach(function(f){{if(f.contentWindow===e.source)for(var k in h)f.style.height=h[k]+\"px\"}})}});</script>\n",
        page = attr(page),
        title = attr(&view.title),
        height = height_px.ceil(),
        picture = attr(picture),
        alt = attr(&alt),
    ))
}

/// A table of `rows` by timeline, with the minimum, median and maximum.
#[allow(clippy::too_many_arguments)]
fn write_table<'r>(
    out: &mut String,
    heading: &str,
    id: &str,
    first: &str,
    titles: &[&str],
    rows: impl Iterator<Item = (String, &'r [Option<Days>], [Days; 3])>,
    label: fn(Days) -> String,
    words: &tideline_locale::Words,
) {
    let _ = writeln!(
        out,
        "<section>\n<h2 id=\"{id}\">{}</h2>\n<div class=\"table\" tabindex=\"0\" role=\"region\" aria-labelledby=\"{id}\"><table>\n<thead><tr><th scope=\"col\">{}</th>",
        text(heading),
        text(first)
    );
    for title in titles {
        let _ = write!(out, "<th scope=\"col\">{}</th>", text(title));
    }
    for stat in ["brief.min", "brief.median", "brief.max"] {
        let _ = write!(out, "<th scope=\"col\">{}</th>", text(words.text(stat)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (name, cells, stats) in rows {
        let _ = write!(out, "<tr><th scope=\"row\">{}</th>", text(&name));
        for cell in cells {
            let _ = write!(
                out,
                "<td>{}</td>",
                text(&cell.map_or("—".to_owned(), label))
            );
        }
        for stat in stats {
            let _ = write!(out, "<td>{}</td>", text(&label(stat)));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table></div>\n</section>\n");
}

/// The whole document around `body`: the policy, the inlined fonts and
/// style, the data and the viewer.
fn document(
    locale: Locale,
    title: &str,
    body: &str,
    data: &PageData<'_>,
    style: &HouseStyle,
) -> String {
    let data = json_for_script(data);
    let css = format!("{}{}{STYLE}", font_faces(), colours(style));
    let policy = format!(
        "default-src 'none'; script-src '{}'; style-src '{}'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'",
        sha256_source(VIEWER),
        sha256_source(&css)
    );
    let mut page = String::with_capacity(body.len() + css.len() + data.len() + 1024);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{policy}\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"Tideline\">\n\
         <title>{title}</title>\n<style>{css}</style>\n</head>\n<body>\n",
        lang = attr(locale.tag()),
        title = text(title),
    );
    page.push_str(body);
    let _ = writeln!(
        page,
        "<script type=\"application/json\" id=\"tideline-data\">{data}</script>\n<script>{VIEWER}</script>"
    );
    page.push_str("</body>\n</html>\n");
    page
}

/// The `@font-face` rules of the inlined Inter.
fn font_faces() -> String {
    let mut css = String::new();
    for (weight, data) in FONTS {
        let _ = writeln!(
            css,
            "@font-face{{font-family:\"Inter Tideline\";font-weight:{weight};font-display:swap;src:url(data:font/woff;base64,{}) format(\"woff\")}}",
            base64::engine::general_purpose::STANDARD.encode(data)
        );
    }
    css
}

/// The page's colours as CSS custom properties: the style's light theme,
/// its dark one where the reader prefers dark or `?theme=dark` asks for it
/// (the viewer sets `data-theme`), and a colour per kind.
fn colours(style: &HouseStyle) -> String {
    let block = |theme: Theme, accent: &str, quote: &str| {
        let palette = theme.palette(style);
        let mut vars = format!(
            "--page:{};--ink:{};--muted:{};--rule:{};--lane:{};--band:{};--band-text:{};--accent:{accent};--quote:{quote};",
            palette.background,
            palette.text,
            palette.muted,
            palette.grid_major,
            palette.lane.as_deref().unwrap_or(&palette.grid),
            palette.band,
            palette.band_text,
        );
        for kind in EventKind::ALL {
            let _ = write!(vars, "--k-{}:{};", kind.as_str(), palette.kind(*kind));
        }
        vars
    };
    let light = block(Theme::Light, "#0b5cad", "#f3f5f7");
    let dark = block(Theme::Dark, "#7cb8ff", "#1a2129");
    let mut css = format!(
        ":root{{color-scheme:light dark;{light}}}\n:root[data-theme=dark]{{color-scheme:dark;{dark}}}\n\
         :root[data-theme=light]{{color-scheme:light}}\n\
         @media (prefers-color-scheme:dark){{:root:not([data-theme=light]){{{dark}}}}}\n\
         @media print{{:root,:root[data-theme=dark]{{{light}}}}}\n"
    );
    for kind in EventKind::ALL {
        let kind = kind.as_str();
        let _ = writeln!(css, ".k-{kind},[data-kind={kind}]{{--k:var(--k-{kind})}}");
    }
    css
}

/// One event as a list item, with `id="event-ID"` for its permalink when
/// `anchor` (an event shown twice is anchored once), under a heading of
/// `level`.
fn write_event(
    out: &mut String,
    selection: &Selection<'_>,
    event: &Event<'_>,
    with_lane: bool,
    anchor: bool,
    level: u8,
    wording: Wording<'_>,
) {
    let Wording { words, .. } = wording;
    let view = event.view;
    let facts = &view.facts;
    let id = if anchor {
        format!(" id=\"event-{}\"", facts.id)
    } else {
        String::new()
    };
    let _ = writeln!(
        out,
        "<li class=\"event\"{id} data-kind=\"{}\">",
        facts.kind.as_str()
    );
    let _ = writeln!(
        out,
        "<h{level}><span class=\"when\">{}</span> <span class=\"title\">{}</span></h{level}>",
        date_range(event.start, event.end, facts.ongoing, wording),
        text(&facts.title)
    );
    let mut about = vec![text(&kind_label(words, facts.kind))];
    if facts.confidence != Confidence::Confirmed {
        about.push(text(&confidence_label(words, facts.confidence)));
    }
    if with_lane && selection.lanes.len() > 1 {
        about.extend(selection.lanes_of(facts.id).map(|lane| text(&lane.name)));
    }
    let _ = writeln!(out, "<p class=\"about\">{}</p>", about.join(" · "));
    if !view.description.trim().is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"description\">{}</p>",
            text(&view.description)
        );
    }
    for callout in event.callouts(selection.view) {
        let _ = writeln!(
            out,
            "<p class=\"callout\"><strong>{}</strong> {}</p>",
            text(words.text("brief.note")),
            text(&callout.text)
        );
    }
    if view.sources.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"unsourced\">{}</p>",
            text(words.text("brief.unsourced"))
        );
    } else {
        out.push_str("<ul class=\"sources\">\n");
        for source in &view.sources {
            write_source(out, source, wording);
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</li>\n");
}

/// A cited source: its quote, then title, publisher, author, date and link.
fn write_source(out: &mut String, source: &SourceQuoteView, wording: Wording<'_>) {
    let words = wording.words;
    let url = source.url.trim();
    let link = web_url(url);
    out.push_str("<li>");
    if !source.quote.trim().is_empty() {
        match link {
            Some(url) => {
                let _ = write!(out, "<blockquote cite=\"{}\">", attr(url));
            }
            None => out.push_str("<blockquote>"),
        }
        let _ = write!(out, "<p>{}</p></blockquote>", text(&source.quote));
    }
    let title = if source.title.trim().is_empty() {
        words.text("brief.untitled-source")
    } else {
        source.title.as_str()
    };
    let mut parts = vec![format!("<cite>{}</cite>", text(title))];
    for part in [&source.publisher, &source.author] {
        if !part.trim().is_empty() {
            parts.push(text(part));
        }
    }
    if let Some(published) = &source.published_label {
        parts.push(text(published));
    }
    let _ = write!(out, "<p class=\"source\">{}", parts.join(", "));
    match link {
        Some(url) => {
            let _ = write!(
                out,
                " <a href=\"{}\" rel=\"noopener noreferrer\">{}</a>",
                attr(url),
                text(url)
            );
        }
        None if !url.is_empty() => {
            let _ = write!(out, " {}", text(url));
        }
        None => {}
    }
    if let (Some(_), Some(accessed)) = (link, &source.accessed_label) {
        let accessed = words.fill("brief.accessed", &[("date", accessed)]);
        let _ = write!(out, " ({})", text(&accessed));
    }
    out.push_str("</p></li>\n");
}

/// A date or range as `<time>` elements, with the words the locale uses
/// between them.
fn date_range(start: Date, end: Option<Date>, ongoing: bool, wording: Wording<'_>) -> String {
    let Wording { words, length } = wording;
    let first = time(start, words, length);
    match (end, ongoing) {
        (Some(end), _) => {
            let last = time(end, words, length);
            text_around(
                &words.fill("date.range", &[("start", "\u{1}"), ("end", "\u{2}")]),
                &[first, last],
            )
        }
        (None, true) => text_around(&words.fill("date.ongoing", &[("start", "\u{1}")]), &[first]),
        (None, false) => first,
    }
}

/// `template`'s text escaped, with the placeholders `\u{1}`, `\u{2}` … put
/// back as the markup `parts`.
fn text_around(template: &str, parts: &[String]) -> String {
    let mut out = text(template);
    for (i, part) in parts.iter().enumerate() {
        let mark = char::from_u32(i as u32 + 1).expect("a control character");
        out = out.replacen(mark, part, 1);
    }
    out
}

/// A date as `<time>`, its text as the locale writes it and its
/// `datetime` at its precision ("2019", "2019-07", "2019-07-22").
fn time(date: Date, words: &tideline_locale::Words, length: DateLength) -> String {
    let label = text(&date.display_in(words, length));
    let precision = date.precision().as_str();
    match datetime(date) {
        Some(datetime) => {
            format!("<time datetime=\"{datetime}\" data-precision=\"{precision}\">{label}</time>")
        }
        None => format!("<time data-precision=\"{precision}\">{label}</time>"),
    }
}

/// The HTML `datetime` value of `date` at its precision: a year, a month, a
/// day or a minute with its offset. A half or quarter is given as its year
/// (HTML has neither), and a year before 1 CE has no HTML form.
fn datetime(date: Date) -> Option<String> {
    if date.year_value() < 1 {
        return None;
    }
    let bare = date.with_approximate(false).with_uncertain(false);
    Some(match date.precision() {
        Precision::Half | Precision::Quarter => format!("{:04}", date.year_value()),
        _ => bare.to_edtf(),
    })
}

/// `url` when it is an `http(s)` URL a link may carry as it is.
fn web_url(url: &str) -> Option<&str> {
    let lower = url.to_ascii_lowercase();
    let web = lower.starts_with("https://") || lower.starts_with("http://");
    let plain = url
        .chars()
        .all(|c| !c.is_whitespace() && !c.is_control() && !matches!(c, '<' | '>' | '"'));
    (web && plain).then_some(url)
}

/// User text as HTML text: `&`, `<` and `>` escaped, on one line.
fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (i, word) in value.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            match c {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                c => out.push(c),
            }
        }
    }
    out
}

/// A value for a double-quoted attribute.
fn attr(value: &str) -> String {
    text(value).replace('"', "&quot;")
}

/// `value` as JSON that a `<script>` element holds inertly: no `<`, `>`
/// or `&` (so no `</script>` or `<!--`), and no line separators.
fn json_for_script(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).expect("page data serialises");
    let mut out = String::with_capacity(json.len() + 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// A CSP source expression for an inline element's exact text.
fn sha256_source(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!(
        "sha256-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_attributes_are_escaped() {
        assert_eq!(
            text("<script>alert(1)</script> & co"),
            "&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"
        );
        assert_eq!(
            attr(r#""><img onerror=x>"#),
            "&quot;&gt;&lt;img onerror=x&gt;"
        );
    }

    #[test]
    fn json_cannot_end_its_script() {
        let json = json_for_script(&["</script><script>alert(1)</script>", "<!--", "a\u{2028}b"]);
        assert!(!json.contains('<') && !json.contains('>'), "{json}");
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back[0], "</script><script>alert(1)</script>");
        assert_eq!(back[2], "a\u{2028}b");
    }

    #[test]
    fn only_web_urls_become_links() {
        assert_eq!(
            web_url("https://example.org/a?b=1"),
            Some("https://example.org/a?b=1")
        );
        assert_eq!(web_url("javascript:alert(1)"), None);
        assert_eq!(web_url("https://example.org/\"onmouseover=x"), None);
        assert_eq!(web_url("data:text/html,<b>"), None);
    }

    #[test]
    fn datetimes_keep_the_precision() {
        let parse = |edtf: &str| Date::parse_edtf(edtf).unwrap();
        assert_eq!(datetime(parse("2019")).as_deref(), Some("2019"));
        assert_eq!(datetime(parse("2019-07")).as_deref(), Some("2019-07"));
        assert_eq!(
            datetime(parse("2019-07-22~")).as_deref(),
            Some("2019-07-22")
        );
        assert_eq!(datetime(parse("2024-33")).as_deref(), Some("2024"));
        assert_eq!(
            datetime(parse("2019-07-22T14:30Z")).as_deref(),
            Some("2019-07-22T14:30Z")
        );
        assert_eq!(datetime(parse("-0284")), None);
    }
}
