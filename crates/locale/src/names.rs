//! Month names of every language, read back: the date parser accepts
//! "22 juillet 2019" and "Juli 2019" as well as English.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::{DateLength, Day, Locale};

/// The month (1 to 12) a word names in any language Tideline writes, by
/// CLDR's abbreviated or wide name, ignoring case and a trailing dot.
pub fn month_from_name(word: &str) -> Option<u8> {
    names().get(&normalise(word)).copied()
}

fn normalise(word: &str) -> String {
    word.trim().trim_end_matches('.').to_lowercase()
}

fn names() -> &'static HashMap<String, u8> {
    static NAMES: OnceLock<HashMap<String, u8>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for (name, month) in all_names() {
            names.insert(normalise(&name), month);
        }
        names
    })
}

/// Every (name, month) of every locale and length.
fn all_names() -> Vec<(String, u8)> {
    let mut all = Vec::new();
    for locale in Locale::ALL {
        let words = locale.words();
        for month in 1..=12 {
            let day = Day {
                year: 2001,
                month,
                day: 1,
            };
            for length in [DateLength::Medium, DateLength::Long] {
                all.push((words.month_alone(day, length), month));
            }
        }
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_name_means_two_months() {
        let mut seen: HashMap<String, u8> = HashMap::new();
        for (name, month) in all_names() {
            let previous = seen.insert(normalise(&name), month);
            assert!(
                previous.is_none_or(|m| m == month),
                "{name:?} names months {previous:?} and {month}"
            );
        }
    }

    #[test]
    fn names_read_back_in_every_language() {
        assert_eq!(month_from_name("juillet"), Some(7));
        assert_eq!(month_from_name("Juli"), Some(7));
        assert_eq!(month_from_name("juil."), Some(7));
        assert_eq!(month_from_name("luglio"), Some(7));
        assert_eq!(month_from_name("7月"), Some(7));
        assert_eq!(month_from_name("dezembro"), Some(12));
        assert_eq!(month_from_name("Smarch"), None);
    }
}
