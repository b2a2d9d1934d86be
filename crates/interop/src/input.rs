//! From bytes to text: a byte order mark is skipped, anything but UTF-8 is
//! refused with the place of the first bad byte, and so is a file too large
//! to be a timeline.

use crate::problem::{Place, Problem};

/// UTF-8's byte order mark, which spreadsheet programs write.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Larger files are refused before anything is read (64 MiB).
pub const MAX_FILE_BYTES: usize = 64 << 20;

/// The text of `bytes`, without a leading byte order mark.
pub fn decode(bytes: &[u8]) -> Result<&str, Problem> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(Problem::new(
            Place::File,
            format!(
                "the file is {} bytes; the most Tideline imports is {MAX_FILE_BYTES}",
                bytes.len()
            ),
        ));
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    std::str::from_utf8(bytes).map_err(|error| {
        let valid = &bytes[..error.valid_up_to()];
        // The prefix is valid UTF-8 by definition of `valid_up_to`.
        let before = std::str::from_utf8(valid).unwrap_or_default();
        let (line, column) = line_column(before, before.len());
        Problem::new(
            Place::Line {
                line,
                column: Some(column),
            },
            format!(
                "the file is not UTF-8 text (byte {:#04x} at offset {}); save it as UTF-8 and try again",
                bytes[error.valid_up_to()],
                error.valid_up_to()
            ),
        )
    })
}

/// The 1-based line and column (in characters) of byte `offset` in `text`.
pub fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() as u64 + 1;
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    let column = before[start..].chars().count() as u64 + 1;
    (line, column)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bom_is_skipped_and_bad_bytes_are_placed() {
        assert_eq!(decode(b"\xEF\xBB\xBFtitle").unwrap(), "title");
        let problem = decode(b"ab\ncd\xFFe").unwrap_err();
        assert_eq!(
            problem.place,
            Place::Line {
                line: 2,
                column: Some(3)
            }
        );
        assert!(problem.message.contains("0xff"), "{problem}");
    }
}
