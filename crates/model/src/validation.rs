//! The one error type for domain values that break a rule.

/// A rule a value broke: which field, and a sentence a user can act on.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ValidationError {
    pub field: &'static str,
    pub message: String,
}

impl ValidationError {
    pub fn new(field: &'static str, message: impl Into<String>) -> ValidationError {
        ValidationError {
            field,
            message: message.into(),
        }
    }
}

/// Longest title of anything (event, timeline, lane, source), in characters.
pub const MAX_TITLE_CHARS: usize = 300;
/// Longest free text (descriptions, quotes, notes), in characters.
pub const MAX_TEXT_CHARS: usize = 100_000;

/// A required one-line text: trimmed, not empty, not too long, no line breaks.
pub fn title(field: &'static str, value: &str) -> Result<String, ValidationError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(ValidationError::new(field, "must not be empty"));
    }
    if trimmed.contains(['\n', '\r']) {
        return Err(ValidationError::new(field, "must be a single line"));
    }
    at_most(field, trimmed, MAX_TITLE_CHARS)
}

/// An optional free text: any content, bounded in length.
pub fn text(field: &'static str, value: &str) -> Result<String, ValidationError> {
    at_most(field, value, MAX_TEXT_CHARS)
}

fn at_most(field: &'static str, value: &str, max: usize) -> Result<String, ValidationError> {
    let chars = value.chars().count();
    if chars > max {
        return Err(ValidationError::new(
            field,
            format!("is {chars} characters long; the most is {max}"),
        ));
    }
    Ok(value.to_owned())
}

/// A colour as `#rrggbb`.
pub fn colour(field: &'static str, value: &str) -> Result<String, ValidationError> {
    let ok = value.len() == 7
        && value.starts_with('#')
        && value[1..].chars().all(|c| c.is_ascii_hexdigit());
    if !ok {
        return Err(ValidationError::new(
            field,
            format!("{value:?} is not a colour like #1f6feb"),
        ));
    }
    Ok(value.to_ascii_lowercase())
}

/// A web address: empty, or http(s) with a host. Other schemes are refused so
/// that nothing in a workspace can point the app at `javascript:` or a file.
pub fn url(field: &'static str, value: &str) -> Result<String, ValidationError> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    let rest = trimmed
        .strip_prefix("https://")
        .or_else(|| trimmed.strip_prefix("http://"));
    match rest {
        Some(rest)
            if !rest.is_empty()
                && !rest.starts_with('/')
                && !trimmed.contains(char::is_whitespace) =>
        {
            Ok(trimmed.to_owned())
        }
        _ => Err(ValidationError::new(
            field,
            format!("{trimmed:?} is not an http(s) address"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_single_lines() {
        assert_eq!(title("title", "  Deal  ").unwrap(), "Deal");
        assert!(title("title", "   ").is_err());
        assert!(title("title", "a\nb").is_err());
        assert!(title("title", &"x".repeat(MAX_TITLE_CHARS + 1)).is_err());
        assert!(title("title", &"é".repeat(MAX_TITLE_CHARS)).is_ok());
    }

    #[test]
    fn only_http_urls_pass() {
        assert_eq!(url("url", "").unwrap(), "");
        assert_eq!(
            url("url", " https://example.org/a ").unwrap(),
            "https://example.org/a"
        );
        for bad in [
            "javascript:alert(1)",
            "file:///etc/passwd",
            "https://",
            "http:///x",
            "ftp://x",
            "https://a b",
        ] {
            assert!(url("url", bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn colours_are_hex() {
        assert_eq!(colour("colour", "#1F6FEB").unwrap(), "#1f6feb");
        assert!(colour("colour", "red").is_err());
        assert!(colour("colour", "#12345").is_err());
        assert!(colour("colour", "#12345g").is_err());
    }
}
