//! The translation files: `locales/<tag>.toml`, compiled in and flattened
//! to dotted keys ("duration.days.one").

use std::collections::BTreeMap;

use crate::Locale;

/// One language's fixed words by dotted key.
pub(crate) struct Texts(BTreeMap<String, String>);

impl Texts {
    pub(crate) fn of(locale: Locale) -> Texts {
        Texts::parse(source(locale))
            .unwrap_or_else(|error| panic!("locales/{}.toml does not parse: {error}", locale.tag()))
    }

    pub(crate) fn parse(source: &str) -> Result<Texts, toml::de::Error> {
        let table: toml::Table = toml::from_str(source)?;
        let mut texts = BTreeMap::new();
        flatten("", &table, &mut texts);
        Ok(Texts(texts))
    }

    pub(crate) fn get(&self, key: &str) -> Option<&str> {
        self.0.get(key).map(String::as_str)
    }

    #[cfg(test)]
    pub(crate) fn keys(&self) -> impl Iterator<Item = &str> {
        self.0.keys().map(String::as_str)
    }
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (key, value) in table {
        let key = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::Table(inner) => flatten(&key, inner, out),
            toml::Value::String(text) => {
                out.insert(key, text.clone());
            }
            toml::Value::Integer(n) => {
                out.insert(key, n.to_string());
            }
            _ => {}
        }
    }
}

/// The file of `locale`.
pub(crate) fn source(locale: Locale) -> &'static str {
    match locale {
        Locale::EnGb => include_str!("../locales/en-GB.toml"),
        Locale::EnUs => include_str!("../locales/en-US.toml"),
        Locale::De => include_str!("../locales/de.toml"),
        Locale::Fr => include_str!("../locales/fr.toml"),
        Locale::Es => include_str!("../locales/es.toml"),
        Locale::It => include_str!("../locales/it.toml"),
        Locale::Pt => include_str!("../locales/pt.toml"),
        Locale::Nl => include_str!("../locales/nl.toml"),
        Locale::Ja => include_str!("../locales/ja.toml"),
        Locale::ZhHans => include_str!("../locales/zh-Hans.toml"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A key without its plural form: "duration.days" of "duration.days.one".
    fn base(key: &str) -> &str {
        match key.rsplit_once('.') {
            Some((base, "zero" | "one" | "two" | "few" | "many" | "other")) => base,
            _ => key,
        }
    }

    #[test]
    fn every_language_has_every_reference_key_and_its_placeholders() {
        let reference = Texts::of(Locale::EnGb);
        let placeholders = |text: &str| {
            let mut names: Vec<String> = text
                .split('{')
                .skip(1)
                .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
                .collect();
            names.sort();
            names.dedup();
            names
        };
        for locale in Locale::ALL {
            let texts = Texts::of(locale);
            for key in reference.keys() {
                let wanted = reference.get(key).expect("listed");
                let found = if base(key) == key {
                    texts.get(key)
                } else {
                    texts.get(&format!("{}.other", base(key)))
                };
                let found = found.unwrap_or_else(|| panic!("{} lacks {key}", locale.tag()));
                if !["language"].contains(&key) {
                    assert_eq!(
                        placeholders(found),
                        placeholders(wanted),
                        "{} {key}: {found:?}",
                        locale.tag()
                    );
                }
            }
            for key in texts.keys() {
                let known = reference.get(key).is_some()
                    || reference.get(&format!("{}.other", base(key))).is_some();
                assert!(known, "{} has {key}, which en-GB lacks", locale.tag());
            }
        }
    }

    #[test]
    fn plural_forms_cover_the_languages_categories() {
        // Counts whose category each language distinguishes (CLDR): one
        // for 1 where the language has it, many for a million in fr/es/it/pt.
        for locale in Locale::ALL {
            let words = locale.words();
            for n in [0.0, 1.0, 2.0, 5.0, 1_000_000.0] {
                for key in ["duration.days", "brief.events", "graphic.unlabelled"] {
                    let text = words.count(key, n, 0, &[]);
                    assert!(!text.contains('{'), "{} {key} {n}: {text}", locale.tag());
                    assert!(!text.contains(key), "{} {key} {n}: no form", locale.tag());
                }
            }
        }
    }
}
