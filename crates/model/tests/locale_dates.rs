//! Dates in every language: whatever the model can hold formats without
//! panicking, and what a language writes for a day or a month reads back.

use proptest::prelude::*;
use tideline_model::{Date, DateLength, Locale};

fn any_date() -> impl Strategy<Value = Date> {
    (
        -9999i32..=9999,
        1u8..=12,
        1u8..=28,
        0u8..6,
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|(year, month, day, precision, approximate, uncertain)| {
            let date = match precision {
                0 => Date::year(year),
                1 => Date::half(year, 1 + (month - 1) / 6),
                2 => Date::quarter(year, 1 + (month - 1) / 3),
                3 => Date::month(year, month),
                4 => Date::day(year, month, day),
                _ => Date::minute(year, month, day, 13, 45, 60),
            }
            .expect("a valid date");
            date.with_approximate(approximate).with_uncertain(uncertain)
        })
}

proptest! {
    #[test]
    fn every_date_formats_in_every_locale(date in any_date()) {
        for locale in Locale::ALL {
            for length in [DateLength::Medium, DateLength::Long] {
                let text = date.display_in(locale.words(), length);
                prop_assert!(!text.trim().is_empty(), "{} {date:?}", locale.tag());
                prop_assert!(!text.contains('{'), "{} {date:?}: {text}", locale.tag());
            }
        }
    }

    #[test]
    fn days_and_months_read_back_in_every_locale(
        // Earlier years are written with an era ("1 n. Chr."), which only
        // English dates carry back.
        year in 1000i32..=9999, month in 1u8..=12, day in 1u8..=28, whole_month in any::<bool>()
    ) {
        let date = if whole_month {
            Date::month(year, month)
        } else {
            Date::day(year, month, day)
        }
        .expect("a valid date");
        for locale in Locale::ALL {
            for length in [DateLength::Medium, DateLength::Long] {
                let text = date.display_in(locale.words(), length);
                let parsed = Date::parse(&text);
                prop_assert_eq!(parsed.as_ref().ok(), Some(&date), "{} {:?}", locale.tag(), text);
            }
        }
    }
}

#[test]
fn month_names_of_every_language_read_back() {
    for (text, month) in [
        ("juillet 2019", 7),
        ("22 juillet 2019", 7),
        ("Juli 2019", 7),
        ("22. Juli 2019", 7),
        ("22 de julho de 2019", 7),
        ("luglio 2019", 7),
        ("diciembre 2019", 12),
        ("oktober 2019", 10),
        ("2019年7月", 7),
        ("2019年7月22日", 7),
    ] {
        let date = Date::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(date.month_value(), month, "{text}");
        assert_eq!(date.year_value(), 2019, "{text}");
    }
}
