//! Sources: where a claim comes from. An event links to a source with the
//! quote that supports it; an event without one is *unsourced*.

use crate::date::Date;
use crate::validation::{self, ValidationError};

/// A source as written: checked by [`SourceDraft::validate`].
#[derive(Clone, Debug, PartialEq)]
pub struct SourceDraft {
    pub url: String,
    pub title: String,
    pub publisher: String,
    pub author: String,
    pub published: Option<Date>,
    pub accessed: Option<Date>,
    pub excerpt: String,
    pub notes: String,
}

impl SourceDraft {
    pub fn validate(self) -> Result<SourceDraft, ValidationError> {
        Ok(SourceDraft {
            url: validation::url("url", &self.url)?,
            title: validation::title("title", &self.title)?,
            publisher: optional_line("publisher", &self.publisher)?,
            author: optional_line("author", &self.author)?,
            excerpt: validation::text("excerpt", &self.excerpt)?,
            notes: validation::text("notes", &self.notes)?,
            ..self
        })
    }
}

/// A quote that ties an event to a source; it may be empty but not huge.
pub fn validate_quote(quote: &str) -> Result<String, ValidationError> {
    validation::text("quote", quote.trim()).map(|q| q.to_owned())
}

fn optional_line(field: &'static str, value: &str) -> Result<String, ValidationError> {
    if value.trim().is_empty() {
        return Ok(String::new());
    }
    validation::title(field, value)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft() -> SourceDraft {
        SourceDraft {
            url: "https://example.org/story".into(),
            title: "A story".into(),
            publisher: " ".into(),
            author: String::new(),
            published: Some(Date::day(2024, 1, 26).unwrap()),
            accessed: None,
            excerpt: String::new(),
            notes: String::new(),
        }
    }

    #[test]
    fn a_source_needs_a_title_and_a_web_address() {
        let valid = draft().validate().unwrap();
        assert_eq!(valid.publisher, "");
        let mut bad = draft();
        bad.url = "javascript:alert(1)".into();
        assert_eq!(bad.validate().unwrap_err().field, "url");
        let mut bad = draft();
        bad.title = String::new();
        assert_eq!(bad.validate().unwrap_err().field, "title");
    }
}
