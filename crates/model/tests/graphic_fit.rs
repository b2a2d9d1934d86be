//! The wide graphic at scale: tens of thousands of events in a bounded
//! picture, the densest summarised and counted.

use tideline_model::graphic::{
    GraphicInput, GraphicItem, GraphicLane, MAX_SIDE_PX, Orientation, lay_out_graphic,
};
use tideline_model::{Confidence, Date, EventKind, Precision};

fn many(events: usize, lanes: usize) -> GraphicInput {
    let start = Date::parse("1 Jan 2015").unwrap().start_minute();
    let span = 12 * 365 * 1440;
    GraphicInput {
        title: "Peer data".to_owned(),
        subtitle: String::new(),
        lanes: (0..lanes)
            .map(|l| GraphicLane {
                id: l as i64,
                name: format!("Lane {l}"),
                items: (0..events / lanes)
                    .map(|i| {
                        let id = (l * events + i) as i64;
                        // Deterministic scatter over twelve years.
                        let minute = start + (id * 7_919 * 1440) % span;
                        GraphicItem {
                            id,
                            title: format!("Event number {id} with a title of ordinary length"),
                            description: String::new(),
                            start: Date::from_minute(minute, Precision::Day),
                            end: (id % 3 == 0)
                                .then(|| Date::from_minute(minute + 40 * 1440, Precision::Day)),
                            ongoing: false,
                            kind: EventKind::ALL[id as usize % EventKind::ALL.len()],
                            confidence: Confidence::Confirmed,
                            importance: (id % 5 + 1) as u8,
                            callouts: Vec::new(),
                            date_text: None,
                        }
                    })
                    .collect(),
            })
            .collect(),
        spans: Vec::new(),
        notes: Vec::new(),
        credit: String::new(),
        width_px: 1600.0,
        height_px: None,
        orientation: Orientation::Horizontal,
        descriptions: false,
        lanes_share_rows: true,
        t0_minute: None,
        locale: Default::default(),
        date_length: Default::default(),
        fonts: Default::default(),
        logo: None,
    }
}

#[test]
fn ten_thousand_events_stay_within_the_longest_side() {
    let graphic = lay_out_graphic(&many(10_000, 5));
    assert!(graphic.height <= MAX_SIDE_PX, "{}", graphic.height);
    let labelled = 10_000 - graphic.unlabelled - graphic.summarised;
    assert!(labelled > 100, "{labelled} labelled");
    assert!(graphic.summarised > 0, "dense lanes are counted, not drawn");
}

#[test]
fn a_fixed_size_is_kept_whatever_the_density() {
    for events in [0, 1, 50, 1_000] {
        let mut input = many(events, 5);
        input.height_px = Some(900.0);
        let graphic = lay_out_graphic(&input);
        assert_eq!((graphic.width, graphic.height), (1600.0, 900.0), "{events}");
        let bottom = graphic.texts.iter().map(|t| t.y).fold(0.0, f64::max);
        assert!(bottom <= 900.0, "{events}: text at {bottom}");
    }
}

#[test]
fn a_page_of_a_thousand_events_labels_as_many_as_it_has_room_for() {
    let mut input = many(1_000, 5);
    input.height_px = Some(900.0);
    let graphic = lay_out_graphic(&input);
    let labelled = 1_000 - graphic.unlabelled - graphic.summarised;
    // A label that does not fit does not stop the next: the most
    // important alone (9 of them) left most of the page empty.
    assert!(labelled >= 20, "{labelled} labelled");
    assert_eq!(graphic.height, 900.0);
}
