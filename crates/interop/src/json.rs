//! Reading JSON by hand, so that every problem names its JSON path and one
//! bad event does not hide the others.
//!
//! serde_json stops at 128 levels of nesting, so a file nested 10,000 deep
//! is an error, not a stack overflow.

use serde_json::{Map, Value};

use crate::problem::{Place, Problem};

/// Parses `text` as JSON; a syntax error is placed at its line and column.
pub fn parse(text: &str) -> Result<Value, Problem> {
    serde_json::from_str(text).map_err(|error| {
        let message = error.to_string();
        // serde_json appends " at line L column C"; the place says it.
        let message = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(head, _)| head)
            .to_owned();
        let place = if error.line() == 0 {
            Place::File
        } else {
            Place::Line {
                line: error.line() as u64,
                column: Some(error.column() as u64),
            }
        };
        let message = if error.is_eof() {
            format!("the JSON ends too early ({message}): is the file truncated?")
        } else {
            format!("not valid JSON: {message}")
        };
        Problem::new(place, message)
    })
}

/// `path.key`.
pub fn key_path(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// `path[index]`.
pub fn index_path(path: &str, index: usize) -> String {
    format!("{path}[{index}]")
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

fn wrong(path: &str, expected: &str, value: &Value) -> Problem {
    Problem::path(
        path,
        format!("expected {expected}, found {}", type_name(value)),
    )
}

/// An object's fields, read with their paths.
#[derive(Clone, Copy)]
pub struct Object<'a> {
    pub map: &'a Map<String, Value>,
    pub path: &'a str,
}

impl<'a> Object<'a> {
    /// `value` as an object.
    pub fn of(value: &'a Value, path: &'a str) -> Result<Object<'a>, Problem> {
        match value {
            Value::Object(map) => Ok(Object { map, path }),
            other => Err(wrong(path, "an object", other)),
        }
    }

    /// The field `key`, unless absent or null.
    pub fn get(&self, key: &str) -> Option<&'a Value> {
        self.map.get(key).filter(|value| !value.is_null())
    }

    pub fn path_of(&self, key: &str) -> String {
        key_path(self.path, key)
    }

    /// A text field; absent or null is "".
    pub fn text(&self, key: &str) -> Result<String, Problem> {
        match self.get(key) {
            None => Ok(String::new()),
            Some(Value::String(text)) => Ok(text.clone()),
            Some(other) => Err(wrong(&self.path_of(key), "text", other)),
        }
    }

    /// A text field that may be absent or null.
    pub fn optional_text(&self, key: &str) -> Result<Option<String>, Problem> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(text)) => Ok(Some(text.clone())),
            Some(other) => Err(wrong(&self.path_of(key), "text or null", other)),
        }
    }

    /// A whole number, written as a number or as text ("2012"); absent,
    /// null or blank text is None.
    pub fn integer(&self, key: &str) -> Result<Option<i64>, Problem> {
        let path = self.path_of(key);
        match self.get(key) {
            None => Ok(None),
            Some(Value::Number(number)) => number
                .as_i64()
                .or_else(|| {
                    number
                        .as_f64()
                        .filter(|f| f.fract() == 0.0 && f.abs() < 1e15)
                        .map(|f| f as i64)
                })
                .map(Some)
                .ok_or_else(|| Problem::path(&path, format!("{number} is not a whole number"))),
            Some(Value::String(text)) if text.trim().is_empty() => Ok(None),
            Some(Value::String(text)) => text
                .trim()
                .parse::<i64>()
                .map(Some)
                .map_err(|_| Problem::path(&path, format!("{text:?} is not a whole number"))),
            Some(other) => Err(wrong(&path, "a whole number", other)),
        }
    }

    pub fn boolean(&self, key: &str) -> Result<bool, Problem> {
        match self.get(key) {
            None => Ok(false),
            Some(Value::Bool(value)) => Ok(*value),
            Some(other) => Err(wrong(&self.path_of(key), "true or false", other)),
        }
    }

    /// A list field; absent or null is empty.
    pub fn array(&self, key: &str) -> Result<&'a [Value], Problem> {
        match self.get(key) {
            None => Ok(&[]),
            Some(Value::Array(items)) => Ok(items),
            Some(other) => Err(wrong(&self.path_of(key), "a list", other)),
        }
    }

    /// A list of texts.
    pub fn texts(&self, key: &str) -> Result<Vec<String>, Problem> {
        let path = self.path_of(key);
        self.array(key)?
            .iter()
            .enumerate()
            .map(|(i, item)| match item {
                Value::String(text) => Ok(text.clone()),
                other => Err(wrong(&index_path(&path, i), "text", other)),
            })
            .collect()
    }
}
