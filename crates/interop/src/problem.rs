//! Problems found while reading a file, each with its place.

use std::fmt;

/// Where in a file a problem is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// The file as a whole.
    File,
    /// A line (1-based), and a column (1-based, in characters) when known.
    Line { line: u64, column: Option<u64> },
    /// A JSON path such as `events[3].start_date.month`.
    Path(String),
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File => f.write_str("file"),
            Place::Line { line, column: None } => write!(f, "line {line}"),
            Place::Line {
                line,
                column: Some(column),
            } => write!(f, "line {line}, column {column}"),
            Place::Path(path) if path.is_empty() => f.write_str("$"),
            Place::Path(path) => f.write_str(path),
        }
    }
}

/// What is wrong, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub place: Place,
    pub message: String,
}

impl Problem {
    pub fn new(place: Place, message: impl Into<String>) -> Problem {
        Problem {
            place,
            message: message.into(),
        }
    }

    pub fn line(line: u64, message: impl Into<String>) -> Problem {
        Problem::new(Place::Line { line, column: None }, message)
    }

    pub fn path(path: &str, message: impl Into<String>) -> Problem {
        Problem::new(Place::Path(path.to_owned()), message)
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}
