-- House styles: a name and the style file's text (TOML, its fonts and
-- logo included), so every export of the workspace can use them; and the
-- workspace's settings, such as the style and language the Export dialog
-- last used.
CREATE TABLE house_style (
    name TEXT PRIMARY KEY COLLATE NOCASE CHECK (length(trim(name)) > 0),
    body TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE setting (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
