-- Tideline workspace schema, version 1.
-- Dates are stored as EDTF text (the truth) next to the minute their interval
-- starts (for ordering and range queries).

CREATE TABLE timeline (
    id          INTEGER PRIMARY KEY,
    title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
    subtitle    TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    colour      TEXT NOT NULL DEFAULT '#1f6feb',
    position    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE lane (
    id          INTEGER PRIMARY KEY,
    timeline_id INTEGER NOT NULL REFERENCES timeline (id) ON DELETE CASCADE,
    name        TEXT NOT NULL CHECK (length(trim(name)) > 0),
    position    INTEGER NOT NULL,
    collapsed   INTEGER NOT NULL DEFAULT 0 CHECK (collapsed IN (0, 1)),
    UNIQUE (id, timeline_id)
);
CREATE INDEX lane_timeline ON lane (timeline_id, position);

CREATE TABLE event (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL CHECK (length(trim(title)) > 0),
    description  TEXT NOT NULL DEFAULT '',
    start_edtf   TEXT NOT NULL,
    start_minute INTEGER NOT NULL,
    end_edtf     TEXT,
    end_minute   INTEGER,
    ongoing      INTEGER NOT NULL DEFAULT 0 CHECK (ongoing IN (0, 1)),
    kind         TEXT NOT NULL CHECK (kind IN ('rumour', 'announcement', 'investment', 'mou',
                     'definitive-agreement', 'regulatory-filing', 'regulatory-review', 'decision',
                     'litigation', 'closing', 'termination', 'personnel', 'product', 'other')),
    confidence   TEXT NOT NULL CHECK (confidence IN ('confirmed', 'reported', 'rumoured', 'disputed')),
    importance   INTEGER NOT NULL DEFAULT 3 CHECK (importance BETWEEN 1 AND 5),
    parties      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(parties) AND json_type(parties) = 'array'),
    tags         TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
    CHECK ((end_edtf IS NULL) = (end_minute IS NULL)),
    CHECK (NOT (ongoing = 1 AND end_edtf IS NOT NULL))
);
CREATE INDEX event_start ON event (start_minute, id);

-- An event sits on a timeline in one of that timeline's lanes; the composite
-- key makes a lane of another timeline impossible.
CREATE TABLE placement (
    timeline_id INTEGER NOT NULL REFERENCES timeline (id) ON DELETE CASCADE,
    event_id    INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    lane_id     INTEGER NOT NULL,
    PRIMARY KEY (timeline_id, event_id),
    FOREIGN KEY (lane_id, timeline_id) REFERENCES lane (id, timeline_id) ON DELETE CASCADE
);
CREATE INDEX placement_event ON placement (event_id);
CREATE INDEX placement_lane ON placement (lane_id, timeline_id);

CREATE TABLE source (
    id             INTEGER PRIMARY KEY,
    url            TEXT NOT NULL DEFAULT '',
    title          TEXT NOT NULL CHECK (length(trim(title)) > 0),
    publisher      TEXT NOT NULL DEFAULT '',
    author         TEXT NOT NULL DEFAULT '',
    published_edtf TEXT,
    accessed_edtf  TEXT,
    excerpt        TEXT NOT NULL DEFAULT '',
    notes          TEXT NOT NULL DEFAULT ''
);

-- The quote in a source that supports an event.
CREATE TABLE event_source (
    id        INTEGER PRIMARY KEY,
    event_id  INTEGER NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES source (id) ON DELETE RESTRICT,
    quote     TEXT NOT NULL DEFAULT '',
    position  INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX event_source_event ON event_source (event_id, position);
CREATE INDEX event_source_source ON event_source (source_id);

-- A note on an event (callout), on a span of time (shaded band) or on the
-- timeline itself.
CREATE TABLE annotation (
    id           INTEGER PRIMARY KEY,
    timeline_id  INTEGER NOT NULL REFERENCES timeline (id) ON DELETE CASCADE,
    event_id     INTEGER REFERENCES event (id) ON DELETE CASCADE,
    start_edtf   TEXT,
    start_minute INTEGER,
    end_edtf     TEXT,
    end_minute   INTEGER,
    text         TEXT NOT NULL CHECK (length(trim(text)) > 0),
    CHECK ((start_edtf IS NULL) = (end_edtf IS NULL)),
    CHECK (NOT (event_id IS NOT NULL AND start_edtf IS NOT NULL))
);
CREATE INDEX annotation_timeline ON annotation (timeline_id);
CREATE INDEX annotation_event ON annotation (event_id);

-- Full-text search over events, kept in step by triggers.
CREATE VIRTUAL TABLE event_fts USING fts5 (
    title, description, parties, tags,
    content = 'event', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER event_fts_insert AFTER INSERT ON event BEGIN
    INSERT INTO event_fts (rowid, title, description, parties, tags)
    VALUES (new.id, new.title, new.description, new.parties, new.tags);
END;
CREATE TRIGGER event_fts_delete AFTER DELETE ON event BEGIN
    INSERT INTO event_fts (event_fts, rowid, title, description, parties, tags)
    VALUES ('delete', old.id, old.title, old.description, old.parties, old.tags);
END;
CREATE TRIGGER event_fts_update AFTER UPDATE ON event BEGIN
    INSERT INTO event_fts (event_fts, rowid, title, description, parties, tags)
    VALUES ('delete', old.id, old.title, old.description, old.parties, old.tags);
    INSERT INTO event_fts (rowid, title, description, parties, tags)
    VALUES (new.id, new.title, new.description, new.parties, new.tags);
END;
