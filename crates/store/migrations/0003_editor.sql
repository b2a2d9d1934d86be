-- Tideline workspace schema, version 3: the timeline editor.
--
-- Lanes get an optional colour of their own, and search covers the sources
-- an event cites: their titles and the quotes that support the event.

-- A lane's colour, `#rrggbb` in lower case; NULL draws it in the timeline's.
ALTER TABLE lane ADD COLUMN colour TEXT
    CHECK (colour IS NULL OR colour GLOB '#[0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f][0-9a-f]');

-- The undo history restores every column of a lane, colour included.
DROP TRIGGER history_lane_delete;
DROP TRIGGER history_lane_update;

CREATE TRIGGER history_lane_delete AFTER DELETE ON lane
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO lane (id, timeline_id, name, position, collapsed, colour) VALUES ('
        || quote(old.id)
        || ', ' || quote(old.timeline_id)
        || ', ' || quote(old.name)
        || ', ' || quote(old.position)
        || ', ' || quote(old.collapsed)
        || ', ' || quote(old.colour)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_lane_update AFTER UPDATE ON lane
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.id, old.timeline_id, old.name, old.position, old.collapsed, old.colour) IS NOT (new.id, new.timeline_id, new.name, new.position, new.collapsed, new.colour)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE lane SET '
        || 'id = ' || quote(old.id)
        || ', timeline_id = ' || quote(old.timeline_id)
        || ', name = ' || quote(old.name)
        || ', position = ' || quote(old.position)
        || ', collapsed = ' || quote(old.collapsed)
        || ', colour = ' || quote(old.colour)
        || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;

-- Search: event_search replaces event_fts. It holds its own copy of each
-- event's searchable text (rowid = event id), with `sources` the titles of
-- the sources the event cites and the quotes, in citation order. Triggers
-- keep it in step with event, event_source and source, undo and redo
-- included.
DROP TRIGGER event_fts_insert;
DROP TRIGGER event_fts_delete;
DROP TRIGGER event_fts_update;
DROP TABLE event_fts;

CREATE VIRTUAL TABLE event_search USING fts5 (
    title, description, parties, tags, sources,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO event_search (rowid, title, description, parties, tags, sources)
SELECT e.id, e.title, e.description, e.parties, e.tags,
       (SELECT coalesce(group_concat(cited, ' '), '') FROM (
            SELECT s.title || ' ' || l.quote AS cited
            FROM event_source l JOIN source s ON s.id = l.source_id
            WHERE l.event_id = e.id ORDER BY l.position, l.id))
FROM event e;

CREATE TRIGGER event_search_insert AFTER INSERT ON event BEGIN
    INSERT INTO event_search (rowid, title, description, parties, tags, sources)
    VALUES (new.id, new.title, new.description, new.parties, new.tags,
        (SELECT coalesce(group_concat(cited, ' '), '') FROM (
            SELECT s.title || ' ' || l.quote AS cited
            FROM event_source l JOIN source s ON s.id = l.source_id
            WHERE l.event_id = new.id ORDER BY l.position, l.id)));
END;

CREATE TRIGGER event_search_update AFTER UPDATE OF id, title, description, parties, tags ON event BEGIN
    DELETE FROM event_search WHERE rowid = old.id;
    INSERT INTO event_search (rowid, title, description, parties, tags, sources)
    VALUES (new.id, new.title, new.description, new.parties, new.tags,
        (SELECT coalesce(group_concat(cited, ' '), '') FROM (
            SELECT s.title || ' ' || l.quote AS cited
            FROM event_source l JOIN source s ON s.id = l.source_id
            WHERE l.event_id = new.id ORDER BY l.position, l.id)));
END;

CREATE TRIGGER event_search_delete AFTER DELETE ON event BEGIN
    DELETE FROM event_search WHERE rowid = old.id;
END;

CREATE TRIGGER event_search_cite AFTER INSERT ON event_source BEGIN
    UPDATE event_search SET sources =
        (SELECT coalesce(group_concat(cited, ' '), '') FROM (
            SELECT s.title || ' ' || l.quote AS cited
            FROM event_source l JOIN source s ON s.id = l.source_id
            WHERE l.event_id = new.event_id ORDER BY l.position, l.id))
    WHERE rowid = new.event_id;
END;

CREATE TRIGGER event_search_recite AFTER UPDATE ON event_source BEGIN
    UPDATE event_search SET sources =
        (SELECT coalesce(group_concat(cited, ' '), '') FROM (
            SELECT s.title || ' ' || l.quote AS cited
            FROM event_source l JOIN source s ON s.id = l.source_id
            WHERE l.event_id = event_search.rowid ORDER BY l.position, l.id))
    WHERE rowid IN (old.event_id, new.event_id);
END;

CREATE TRIGGER event_search_uncite AFTER DELETE ON event_source BEGIN
    UPDATE event_search SET sources =
        (SELECT coalesce(group_concat(cited, ' '), '') FROM (
            SELECT s.title || ' ' || l.quote AS cited
            FROM event_source l JOIN source s ON s.id = l.source_id
            WHERE l.event_id = old.event_id ORDER BY l.position, l.id))
    WHERE rowid = old.event_id;
END;

CREATE TRIGGER event_search_source AFTER UPDATE OF title ON source BEGIN
    UPDATE event_search SET sources =
        (SELECT coalesce(group_concat(cited, ' '), '') FROM (
            SELECT s.title || ' ' || l.quote AS cited
            FROM event_source l JOIN source s ON s.id = l.source_id
            WHERE l.event_id = event_search.rowid ORDER BY l.position, l.id))
    WHERE rowid IN (SELECT event_id FROM event_source WHERE source_id = new.id);
END;
