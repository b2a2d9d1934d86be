//! Tideline's languages.
//!
//! A [`Locale`] is one of the languages exports are written in. Its
//! [`Words`] hold two things:
//!
//! - what CLDR knows, through ICU4X: dates in the language's own order and
//!   month names, numbers with its separators, and the plural category of
//!   a count;
//! - the fixed words Tideline prints ("Sources", "Today", kinds, legend
//!   entries, durations), from the reviewed translation files in
//!   `locales/`, one per language, key for key those of `en-GB.toml`.
//!
//! British English is Tideline's own form of dates ("22 Jul 2019",
//! "c. 2019", "44 BCE"), which the date parser reads back; every other
//! language formats with ICU4X. Everything here is pure and deterministic:
//! CLDR data is compiled in, and nothing is read from the system.

mod names;
mod translations;

use std::fmt;
use std::sync::OnceLock;

use icu_calendar::{Date as IcuDate, Gregorian};
use icu_datetime::FixedCalendarDateTimeFormatter;
use icu_datetime::fieldsets::{
    self,
    enums::{CalendarPeriodFieldSet, CompositeDateTimeFieldSet, DateFieldSet},
};
use icu_datetime::input::{DateTime, Time};
use icu_decimal::DecimalFormatter;
use icu_decimal::input::Decimal;
use icu_plurals::{PluralCategory, PluralRules};

pub use names::month_from_name;

/// A language exports are written in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    /// British English, Tideline's own forms: the default.
    #[default]
    EnGb,
    EnUs,
    De,
    Fr,
    Es,
    It,
    Pt,
    Nl,
    Ja,
    ZhHans,
}

/// A locale tag that is not one of [`Locale::ALL`].
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("unknown locale {tag:?}: use one of {}", Locale::tags())]
pub struct UnknownLocale {
    pub tag: String,
}

impl Locale {
    pub const ALL: [Locale; 10] = [
        Locale::EnGb,
        Locale::EnUs,
        Locale::De,
        Locale::Fr,
        Locale::Es,
        Locale::It,
        Locale::Pt,
        Locale::Nl,
        Locale::Ja,
        Locale::ZhHans,
    ];

    /// The BCP 47 tag: "en-GB", "de", "zh-Hans".
    pub fn tag(self) -> &'static str {
        match self {
            Locale::EnGb => "en-GB",
            Locale::EnUs => "en-US",
            Locale::De => "de",
            Locale::Fr => "fr",
            Locale::Es => "es",
            Locale::It => "it",
            Locale::Pt => "pt",
            Locale::Nl => "nl",
            Locale::Ja => "ja",
            Locale::ZhHans => "zh-Hans",
        }
    }

    /// Every tag, comma-separated, for messages.
    pub fn tags() -> String {
        Locale::ALL.map(Locale::tag).join(", ")
    }

    /// The locale of a BCP 47 tag, ignoring case ("en-gb" is "en-GB").
    pub fn parse(tag: &str) -> Result<Locale, UnknownLocale> {
        Locale::ALL
            .into_iter()
            .find(|locale| locale.tag().eq_ignore_ascii_case(tag.trim()))
            .ok_or_else(|| UnknownLocale {
                tag: tag.to_owned(),
            })
    }

    /// This locale's words, built once.
    pub fn words(self) -> &'static Words {
        static WORDS: [OnceLock<Words>; 10] = [const { OnceLock::new() }; 10];
        let index = Locale::ALL
            .iter()
            .position(|l| *l == self)
            .expect("ALL holds every locale");
        WORDS[index].get_or_init(|| Words::new(self))
    }

    fn icu(self) -> icu_locale_core::Locale {
        self.tag().parse().expect("every tag is valid BCP 47")
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// How long the date forms are: CLDR's medium ("22 juil. 2019") or long
/// ("22 juillet 2019") lengths. Some languages' medium form is all
/// digits ("22.07.2019"); they use long for both.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum DateLength {
    #[default]
    Medium,
    Long,
}

/// The formatters of one length.
struct DateForms {
    day: FixedCalendarDateTimeFormatter<Gregorian, CompositeDateTimeFieldSet>,
    month: FixedCalendarDateTimeFormatter<Gregorian, CompositeDateTimeFieldSet>,
    year: FixedCalendarDateTimeFormatter<Gregorian, CompositeDateTimeFieldSet>,
    day_month: FixedCalendarDateTimeFormatter<Gregorian, CompositeDateTimeFieldSet>,
    month_alone: FixedCalendarDateTimeFormatter<Gregorian, CompositeDateTimeFieldSet>,
}

impl DateForms {
    fn new(locale: Locale, length: DateLength) -> DateForms {
        // Whose medium form writes the month as a number.
        let numeric = matches!(locale, Locale::De | Locale::Ja);
        let long = length == DateLength::Long || numeric;
        let prefs = || locale.icu().into();
        let make = |set: CompositeDateTimeFieldSet| {
            FixedCalendarDateTimeFormatter::try_new(prefs(), set)
                .expect("compiled CLDR data covers every locale")
        };
        let (ymd, ym, y, md, m) = if long {
            (
                CompositeDateTimeFieldSet::Date(DateFieldSet::YMD(fieldsets::YMD::long())),
                CompositeDateTimeFieldSet::CalendarPeriod(CalendarPeriodFieldSet::YM(
                    fieldsets::YM::long(),
                )),
                CompositeDateTimeFieldSet::CalendarPeriod(CalendarPeriodFieldSet::Y(
                    fieldsets::Y::long(),
                )),
                CompositeDateTimeFieldSet::Date(DateFieldSet::MD(fieldsets::MD::long())),
                CompositeDateTimeFieldSet::CalendarPeriod(CalendarPeriodFieldSet::M(
                    fieldsets::M::long(),
                )),
            )
        } else {
            (
                CompositeDateTimeFieldSet::Date(DateFieldSet::YMD(fieldsets::YMD::medium())),
                CompositeDateTimeFieldSet::CalendarPeriod(CalendarPeriodFieldSet::YM(
                    fieldsets::YM::medium(),
                )),
                CompositeDateTimeFieldSet::CalendarPeriod(CalendarPeriodFieldSet::Y(
                    fieldsets::Y::medium(),
                )),
                CompositeDateTimeFieldSet::Date(DateFieldSet::MD(fieldsets::MD::medium())),
                CompositeDateTimeFieldSet::CalendarPeriod(CalendarPeriodFieldSet::M(
                    fieldsets::M::medium(),
                )),
            )
        };
        // ICU4X 2.4 cannot write Portuguese long year-months ("julho de
        // 2019") without loading their names by hand; the medium form is
        // "jul. de 2019".
        let ym = if locale == Locale::Pt {
            CompositeDateTimeFieldSet::CalendarPeriod(CalendarPeriodFieldSet::YM(
                fieldsets::YM::medium(),
            ))
        } else {
            ym
        };
        DateForms {
            day: make(ymd),
            month: make(ym),
            year: make(y),
            day_month: make(md),
            month_alone: make(m),
        }
    }
}

/// A locale's dates, numbers, plurals and fixed words.
pub struct Words {
    locale: Locale,
    texts: translations::Texts,
    medium: DateForms,
    long: DateForms,
    decimals: DecimalFormatter,
    plurals: PluralRules,
}

impl fmt::Debug for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Words")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

/// A date's fields, as a calendar knows them: the year is astronomical
/// (0 is 1 BCE).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Day {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Words {
    fn new(locale: Locale) -> Words {
        Words {
            locale,
            texts: translations::Texts::of(locale),
            medium: DateForms::new(locale, DateLength::Medium),
            long: DateForms::new(locale, DateLength::Long),
            decimals: DecimalFormatter::try_new(locale.icu().into(), Default::default())
                .expect("compiled CLDR data covers every locale"),
            plurals: PluralRules::try_new_cardinal(locale.icu().into())
                .expect("compiled CLDR data covers every locale"),
        }
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Whether dates are Tideline's own English forms (British English).
    pub fn is_reference(&self) -> bool {
        self.locale == Locale::EnGb
    }

    fn forms(&self, length: DateLength) -> &DateForms {
        match length {
            DateLength::Medium => &self.medium,
            DateLength::Long => &self.long,
        }
    }

    /// A day: "22 juil. 2019", "22. Juli 2019", "2019年7月22日".
    pub fn day(&self, day: Day, length: DateLength) -> String {
        format(&self.forms(length).day, day)
    }

    /// A month of a year: "juil. 2019", "2019年7月".
    pub fn month(&self, day: Day, length: DateLength) -> String {
        format(&self.forms(length).month, day)
    }

    /// A year: "2019", "2019年".
    pub fn year(&self, day: Day, length: DateLength) -> String {
        format(&self.forms(length).year, day)
    }

    /// A day of a month with no year, for axis ticks: "22 juil.".
    pub fn day_month(&self, day: Day, length: DateLength) -> String {
        format(&self.forms(length).day_month, day)
    }

    /// A month's name alone, for axis ticks: "juil.", "Juli", "7月".
    pub fn month_alone(&self, day: Day, length: DateLength) -> String {
        format(&self.forms(length).month_alone, day)
    }

    /// `value` with `fraction` decimals in the locale's digits and
    /// separators: "7,9", "1.000".
    pub fn number(&self, value: f64, fraction: u8) -> String {
        self.decimals.format(&decimal(value, fraction)).to_string()
    }

    /// The fixed words at `key` ("graphic.today"); a key missing in this
    /// language (the tests forbid it) falls back to British English.
    pub fn text<'a>(&'a self, key: &'a str) -> &'a str {
        self.texts
            .get(key)
            .or_else(|| Locale::EnGb.words().texts.get(key))
            .unwrap_or(key)
    }

    /// The words at `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &str, values: &[(&str, &str)]) -> String {
        fill(self.text(key), values)
    }

    /// The plural words at `key` for `n` ("duration.days": "3 Tage"), `n`
    /// written with `fraction` decimals; other `{name}`s from `values`.
    pub fn count(&self, key: &str, n: f64, fraction: u8, values: &[(&str, &str)]) -> String {
        let category = self.plurals.category_for(&decimal(n, fraction));
        let form = match category {
            PluralCategory::Zero => "zero",
            PluralCategory::One => "one",
            PluralCategory::Two => "two",
            PluralCategory::Few => "few",
            PluralCategory::Many => "many",
            PluralCategory::Other => "other",
        };
        let pattern = self
            .texts
            .get(&format!("{key}.{form}"))
            .or_else(|| self.texts.get(&format!("{key}.other")))
            .or_else(|| self.texts.get(key))
            .unwrap_or(key);
        let number = self.number(n, fraction);
        let mut all = vec![("n", number.as_str())];
        all.extend_from_slice(values);
        fill(pattern, &all)
    }
}

/// `pattern` with each `{name}` replaced.
fn fill(pattern: &str, values: &[(&str, &str)]) -> String {
    let mut out = pattern.to_owned();
    for (name, value) in values {
        out = out.replace(&format!("{{{name}}}"), value);
    }
    out
}

fn decimal(value: f64, fraction: u8) -> Decimal {
    let text = format!("{value:.*}", usize::from(fraction));
    Decimal::try_from_str(&text).unwrap_or_default()
}

/// Formats `day`; a day ICU4X cannot hold (outside years −9999 to 9999)
/// is written as ISO digits.
fn format(
    formatter: &FixedCalendarDateTimeFormatter<Gregorian, CompositeDateTimeFieldSet>,
    day: Day,
) -> String {
    match IcuDate::try_new_gregorian(day.year, day.month, day.day) {
        Ok(date) => formatter
            .format(&DateTime {
                date,
                time: Time::start_of_day(),
            })
            .to_string(),
        Err(_) => format!("{:04}-{:02}-{:02}", day.year, day.month, day.day),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const JULY: Day = Day {
        year: 2019,
        month: 7,
        day: 22,
    };

    #[test]
    fn tags_round_trip_ignoring_case() {
        for locale in Locale::ALL {
            assert_eq!(Locale::parse(locale.tag()), Ok(locale));
            assert_eq!(Locale::parse(&locale.tag().to_lowercase()), Ok(locale));
        }
        let error = Locale::parse("xx").unwrap_err();
        assert!(error.to_string().contains("en-GB, en-US, de"), "{error}");
        assert!(Locale::parse("en_GB").is_err());
    }

    #[test]
    fn days_are_in_each_languages_order_with_words_for_months() {
        let words = |l: Locale| l.words().day(JULY, DateLength::Medium);
        assert_eq!(words(Locale::EnUs), "Jul 22, 2019");
        assert_eq!(words(Locale::De), "22. Juli 2019");
        assert_eq!(words(Locale::Fr), "22 juil. 2019");
        assert_eq!(words(Locale::Ja), "2019年7月22日");
        assert_eq!(words(Locale::ZhHans), "2019年7月22日");
        assert_eq!(
            Locale::De.words().month(JULY, DateLength::Medium),
            "Juli 2019"
        );
    }

    #[test]
    fn numbers_and_plurals_follow_the_language() {
        let de = Locale::De.words();
        assert_eq!(de.number(7.86, 1), "7,9");
        assert_eq!(de.count("duration.days", 1.0, 0, &[]), "1 Tag");
        assert_eq!(de.count("duration.days", 3.0, 0, &[]), "3 Tage");
        assert_eq!(de.count("duration.months", 7.9, 1, &[]), "7,9 Monate");
        let fr = Locale::Fr.words();
        assert_eq!(fr.count("duration.days", 1.0, 0, &[]), "1 jour");
        assert_eq!(
            Locale::Ja.words().count("duration.days", 3.0, 0, &[]),
            "3日"
        );
    }

    #[test]
    fn fixed_words_fill_their_placeholders() {
        assert_eq!(Locale::De.words().text("graphic.today"), "Heute");
        assert_eq!(
            Locale::Fr
                .words()
                .fill("date.approximate", &[("date", "2019")]),
            "vers 2019"
        );
    }
}
