//! The recently opened workspaces, most recent first. Where the list is kept
//! is the app's business; this is the rule for updating it.

/// How many workspaces the list remembers.
pub const MAX_RECENT: usize = 10;

/// `recent` with `path` moved (or added) to the front, each path once, at
/// most `max` of them.
pub fn remember(recent: &[String], path: &str, max: usize) -> Vec<String> {
    let mut list = vec![path.to_owned()];
    for old in recent {
        if !list.contains(old) {
            list.push(old.clone());
        }
    }
    list.truncate(max);
    list
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(paths: &[&str]) -> Vec<String> {
        paths.iter().map(|path| path.to_string()).collect()
    }

    #[test]
    fn a_new_path_goes_first() {
        assert_eq!(remember(&[], "/a.db", 10), list(&["/a.db"]));
        assert_eq!(
            remember(&list(&["/a.db", "/b.db"]), "/c.db", 10),
            list(&["/c.db", "/a.db", "/b.db"])
        );
    }

    #[test]
    fn a_known_path_moves_to_the_front_once() {
        assert_eq!(
            remember(&list(&["/a.db", "/b.db", "/c.db"]), "/b.db", 10),
            list(&["/b.db", "/a.db", "/c.db"])
        );
        assert_eq!(
            remember(&list(&["/a.db", "/b.db"]), "/a.db", 10),
            list(&["/a.db", "/b.db"])
        );
        assert_eq!(
            remember(&list(&["/a.db", "/b.db", "/a.db", "/c.db"]), "/c.db", 10),
            list(&["/c.db", "/a.db", "/b.db"]),
            "a list edited by hand loses its repeats"
        );
    }

    #[test]
    fn the_oldest_paths_fall_off_the_end() {
        let full: Vec<String> = (0..MAX_RECENT).map(|n| format!("/{n}.db")).collect();
        let updated = remember(&full, "/new.db", MAX_RECENT);
        assert_eq!(updated.len(), MAX_RECENT);
        assert_eq!(updated[0], "/new.db");
        assert_eq!(updated[1..], full[..MAX_RECENT - 1]);
        assert_eq!(
            remember(&full, "/3.db", 3),
            list(&["/3.db", "/0.db", "/1.db"])
        );
    }
}
