//! House styles and workspace settings (migration 6). The store keeps a
//! style as the text of its file; `tideline-export` reads and checks it.
//! Neither is part of the undo history: they are how the workspace is
//! shown, not what it holds.

use rusqlite::{OptionalExtension, params};

use tideline_model::ValidationError;

use crate::error::{Result, StoreError};
use crate::workspace::Workspace;

impl Workspace {
    /// The stored styles as (name, file text), by name.
    pub fn styles(&self) -> Result<Vec<(String, String)>> {
        Ok(self
            .conn
            .prepare("SELECT name, body FROM house_style ORDER BY name COLLATE NOCASE")?
            .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// The file text of the style named `name` (ignoring case).
    pub fn style(&self, name: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row(
                "SELECT body FROM house_style WHERE name = ?1",
                [name],
                |row| row.get(0),
            )
            .optional()?)
    }

    /// Stores a style, replacing one of the same name; returns whether
    /// one was replaced.
    pub fn put_style(&mut self, name: &str, body: &str) -> Result<bool> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid(ValidationError::new(
                "name",
                "a style needs a name",
            )));
        }
        self.write(|w| {
            let replaced = w
                .conn
                .execute("DELETE FROM house_style WHERE name = ?1", [name])?
                > 0;
            w.conn.execute(
                "INSERT INTO house_style (name, body) VALUES (?1, ?2)",
                params![name, body],
            )?;
            Ok(replaced)
        })
    }

    /// Deletes the style named `name`.
    pub fn delete_style(&mut self, name: &str) -> Result<()> {
        self.write(|w| {
            if w.conn
                .execute("DELETE FROM house_style WHERE name = ?1", [name])?
                == 0
            {
                return Err(StoreError::NotFound {
                    what: "style",
                    key: name.to_owned(),
                });
            }
            Ok(())
        })
    }

    /// A workspace setting.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM setting WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Sets a workspace setting.
    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|w| {
            w.conn.execute(
                "INSERT INTO setting (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![key, value],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::workspace::Workspace;

    #[test]
    fn styles_and_settings_are_kept_in_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.db");
        {
            let mut ws = Workspace::create(&path).unwrap();
            assert!(!ws.put_style("Newsroom", "version = 1").unwrap());
            assert!(ws.put_style("newsroom", "version = 1\n# again").unwrap());
            ws.set_setting("export.locale", "de").unwrap();
            ws.set_setting("export.locale", "fr").unwrap();
        }
        let ws = Workspace::open(&path).unwrap();
        assert_eq!(
            ws.styles().unwrap(),
            vec![("newsroom".to_owned(), "version = 1\n# again".to_owned())]
        );
        assert_eq!(
            ws.style("NEWSROOM").unwrap().as_deref(),
            Some("version = 1\n# again")
        );
        assert_eq!(ws.setting("export.locale").unwrap().as_deref(), Some("fr"));
        assert_eq!(ws.setting("other").unwrap(), None);
    }
}
