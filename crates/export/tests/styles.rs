//! House styles and languages: a style made from a Debian font, a palette
//! and a logo gives the same files in a fresh workspace after a round
//! trip, draws and embeds that font and measures with it; every language
//! writes the sample's brief and graphic (golden words).

use std::path::Path;
use std::process::Command;

use tideline_export::{ExportOptions, Format, HouseStyle, export, graphic};
use tideline_model::graphic::TextStyle;
use tideline_model::text::Face;
use tideline_store::Workspace;
use tideline_store::views::TimelineView;

const DEJAVU: &str = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

fn sample(dir: &Path) -> (Workspace, TimelineView) {
    let mut workspace = Workspace::open(&dir.join("sample.db")).unwrap();
    workspace.replace_with_sample().unwrap();
    let view = workspace.timeline(1).unwrap();
    (workspace, view)
}

/// A style file beside its font and logo, as a person writes one.
fn style_file(dir: &Path) -> std::path::PathBuf {
    std::fs::copy(DEJAVU, dir.join("DejaVuSans.ttf")).unwrap();
    std::fs::write(
        dir.join("logo.svg"),
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#c0362c"/></svg>"##,
    )
    .unwrap();
    let path = dir.join("newsroom.toml");
    std::fs::write(
        &path,
        r##"
name = "Newsroom"
credit = "Graphic: The Daily Planet"
[fonts]
regular = { file = "DejaVuSans.ttf" }
semibold = { file = "DejaVuSans.ttf" }
italic = { file = "DejaVuSans.ttf" }
[colours.kinds]
investment = "#ff00aa"
[colours.light]
background = "#fffdf5"
[logo]
file = "logo.svg"
[presets]
newsletter = "600x750"
"##,
    )
    .unwrap();
    path
}

fn sized() -> ExportOptions {
    ExportOptions {
        width: Some(1600.0),
        height: Some(900.0),
        ..ExportOptions::default()
    }
}

#[test]
fn a_style_from_a_debian_font_round_trips_and_draws_that_font() {
    let dir = tempfile::tempdir().unwrap();
    let style = HouseStyle::read(&style_file(dir.path())).unwrap();
    let (mut first, view) = sample(dir.path());
    first.put_style(&style.name, style.to_toml()).unwrap();
    // Exported as a file, imported into a fresh workspace.
    let exported = first.style("newsroom").unwrap().unwrap();
    let other = tempfile::tempdir().unwrap();
    std::fs::write(other.path().join("style.toml"), &exported).unwrap();
    let imported = HouseStyle::read(&other.path().join("style.toml")).unwrap();
    let (mut second, view2) = sample(other.path());
    second
        .put_style(&imported.name, imported.to_toml())
        .unwrap();
    let again = HouseStyle::parse(&second.style("Newsroom").unwrap().unwrap(), None).unwrap();
    assert_eq!(again, style);
    for format in [Format::Svg, Format::Png, Format::Pdf, Format::Markdown] {
        let a = export(&view, format, &sized(), &style).unwrap().bytes;
        let b = export(&view2, format, &sized(), &again).unwrap().bytes;
        assert!(a == b, "{format:?} differs after the round trip");
    }

    // The SVG draws DejaVu's outlines: the title's "M" is DejaVu's glyph.
    let svg =
        String::from_utf8(export(&view, Format::Svg, &sized(), &style).unwrap().bytes).unwrap();
    let dejavu = std::fs::read(DEJAVU).unwrap();
    let m = ttf_parser::Face::parse(&dejavu, 0)
        .unwrap()
        .glyph_index('M')
        .unwrap()
        .0;
    let inter_m = {
        let data = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../assets/fonts/Inter-SemiBold.otf"
        ))
        .unwrap();
        ttf_parser::Face::parse(&data, 0)
            .unwrap()
            .glyph_index('M')
            .unwrap()
            .0
    };
    assert_ne!(
        m, inter_m,
        "the check needs the fonts to number M differently"
    );
    assert!(svg.contains(&format!("#g0-{m}\"")), "DejaVu's M is used");
    assert!(
        svg.contains("#ff00aa") && svg.contains("#fffdf5"),
        "the palette is used"
    );
    assert!(
        svg.contains("data:image/svg+xml;base64,"),
        "the logo is drawn"
    );
    assert!(
        svg.contains("Graphic: The Daily Planet"),
        "the credit is printed"
    );

    // The PDF embeds DejaVu (poppler's pdffonts reads it independently).
    let pdf = dir.path().join("x.pdf");
    std::fs::write(
        &pdf,
        export(&view, Format::Pdf, &sized(), &style).unwrap().bytes,
    )
    .unwrap();
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    assert!(fonts.contains("DejaVuSans"), "{fonts}");
    assert!(!fonts.contains("Inter"), "{fonts}");

    // The layout measured DejaVu, which is wider than Inter: at a column's
    // width its labels wrap to more lines, so the graphic is taller.
    let column = ExportOptions {
        width: Some(640.0),
        ..ExportOptions::default()
    };
    let tall = |style: &HouseStyle| graphic(&view, &column, style).unwrap().height;
    assert!(tall(&style) > tall(&HouseStyle::default()));
    let font = style.typefaces();
    let inter = HouseStyle::default().typefaces();
    let title = "Microsoft invests $1B in OpenAI";
    assert!(font.width(Face::Regular, title, 13.0) > inter.width(Face::Regular, title, 13.0));
    assert_eq!(style.size("newsletter").unwrap(), (600.0, 750.0));
}

#[test]
fn a_font_that_forbids_embedding_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let mut font = std::fs::read(DEJAVU).unwrap();
    // The OS/2 table's fsType (offset 8) set to 2: restricted licence.
    let tables = u16::from_be_bytes([font[4], font[5]]) as usize;
    let os2 = (0..tables)
        .map(|i| 12 + 16 * i)
        .find(|&at| &font[at..at + 4] == b"OS/2")
        .map(|at| u32::from_be_bytes(font[at + 8..at + 12].try_into().unwrap()) as usize)
        .unwrap();
    font[os2 + 8..os2 + 10].copy_from_slice(&2u16.to_be_bytes());
    std::fs::write(dir.path().join("locked.ttf"), font).unwrap();
    std::fs::write(
        dir.path().join("s.toml"),
        "name = \"Locked\"\n[fonts]\nregular = { file = \"locked.ttf\" }\n",
    )
    .unwrap();
    let error = HouseStyle::read(&dir.path().join("s.toml"))
        .unwrap_err()
        .to_string();
    assert!(error.contains("does not allow embedding"), "{error}");
}

/// The words of an SVG, line by line, from its `aria-label`s.
fn words(svg: &str) -> String {
    svg.split("aria-label=\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(text, _)| text))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_sample_in_german_french_japanese_and_chinese() {
    let dir = tempfile::tempdir().unwrap();
    let (_workspace, view) = sample(dir.path());
    for tag in ["de", "fr", "ja", "zh-Hans"] {
        let options = ExportOptions {
            locale: Some(tag.to_owned()),
            ..sized()
        };
        let style = HouseStyle::default();
        let svg =
            String::from_utf8(export(&view, Format::Svg, &options, &style).unwrap().bytes).unwrap();
        insta::assert_snapshot!(format!("sample_{tag}_svg_words"), words(&svg));
        let md = String::from_utf8(
            export(&view, Format::Markdown, &options, &style)
                .unwrap()
                .bytes,
        )
        .unwrap();
        insta::assert_snapshot!(format!("sample_{tag}_md"), md);
    }
}

#[test]
fn long_tick_labels_never_run_into_the_next() {
    let dir = tempfile::tempdir().unwrap();
    let (workspace, _) = sample(dir.path());
    let style = HouseStyle::default();
    let fonts = style.typefaces();
    for id in [1, 2, 3] {
        let view = workspace.timeline(id).unwrap();
        for tag in ["ja", "zh-Hans", "de", "en-GB"] {
            let options = ExportOptions {
                locale: Some(tag.to_owned()),
                width: Some(1080.0),
                height: Some(1080.0),
                ..ExportOptions::default()
            };
            let layout = graphic(&view, &options, &style).unwrap();
            let mut ticks: Vec<(f64, f64)> = layout
                .texts
                .iter()
                .filter(|t| matches!(t.style, TextStyle::Tick | TextStyle::TickMajor))
                .map(|t| (t.x, t.x + fonts.width(t.style.face(), &t.text, t.size_px)))
                .collect();
            ticks.sort_by(|a, b| a.0.total_cmp(&b.0));
            for pair in ticks.windows(2) {
                assert!(pair[0].1 <= pair[1].0, "{tag} {}: {pair:?}", view.title);
            }
        }
    }
}
