-- Timelines: a summary, the sentence a web page and its embed give as the
-- timeline's description and alt text ("18 events from Jul 2019 to Oct
-- 2025 in 3 lanes."); empty, the exporter writes one from the events. The
-- history triggers that copy a whole timeline row are written again with
-- the new column.
ALTER TABLE timeline ADD COLUMN summary TEXT NOT NULL DEFAULT '';

DROP TRIGGER history_timeline_delete;
DROP TRIGGER history_timeline_update;

CREATE TRIGGER history_timeline_delete AFTER DELETE ON timeline
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO timeline (id, title, subtitle, description, colour, position, summary) VALUES ('
        || quote(old.id)
        || ', ' || quote(old.title)
        || ', ' || quote(old.subtitle)
        || ', ' || quote(old.description)
        || ', ' || quote(old.colour)
        || ', ' || quote(old.position)
        || ', ' || quote(old.summary)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_timeline_update AFTER UPDATE ON timeline
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.id, old.title, old.subtitle, old.description, old.colour, old.position, old.summary) IS NOT (new.id, new.title, new.subtitle, new.description, new.colour, new.position, new.summary)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE timeline SET '
        || 'id = ' || quote(old.id)
        || ', title = ' || quote(old.title)
        || ', subtitle = ' || quote(old.subtitle)
        || ', description = ' || quote(old.description)
        || ', colour = ' || quote(old.colour)
        || ', position = ' || quote(old.position)
        || ', summary = ' || quote(old.summary)
        || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;
