-- Tideline workspace schema, version 2: undo and redo.
--
-- Every edit is one step. While an edit runs, `history_state.step_id` names
-- the step being recorded, and the triggers below log, for each row that
-- changes in a user table, one statement that reverses that change: a DELETE
-- for an INSERT, an INSERT of the old row for a DELETE, an UPDATE back to the
-- old values for an UPDATE. Undo runs a step's statements newest first while
-- recording their reversal as a redo step, and redo does the same the other
-- way. Rows deleted by ON DELETE CASCADE fire the triggers too, before the
-- parent's own trigger, so replaying newest first puts parents back first.

-- A step on the undo or the redo stack. A newer step has a larger id: the top
-- of each stack is its step with the largest id.
CREATE TABLE history_step (
    id    INTEGER PRIMARY KEY,
    label TEXT NOT NULL,
    stack TEXT NOT NULL CHECK (stack IN ('undo', 'redo'))
);
CREATE INDEX history_step_stack ON history_step (stack, id);

-- One statement reversing one row change of a step, run in descending seq.
CREATE TABLE history_entry (
    seq     INTEGER PRIMARY KEY,
    step_id INTEGER NOT NULL REFERENCES history_step (id) ON DELETE CASCADE,
    sql     TEXT NOT NULL
);
CREATE INDEX history_entry_step ON history_entry (step_id, seq);

-- One row: the step being recorded, or NULL when nothing is recorded (outside
-- an edit, undo or redo).
CREATE TABLE history_state (
    id      INTEGER PRIMARY KEY CHECK (id = 1),
    step_id INTEGER
);
INSERT INTO history_state (id, step_id) VALUES (1, NULL);

-- timeline: id is the key.
CREATE TRIGGER history_timeline_insert AFTER INSERT ON timeline
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'DELETE FROM timeline WHERE id = ' || quote(new.id)
    FROM history_state;
END;

CREATE TRIGGER history_timeline_delete AFTER DELETE ON timeline
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO timeline (id, title, subtitle, description, colour, position) VALUES ('
        || quote(old.id)
        || ', ' || quote(old.title)
        || ', ' || quote(old.subtitle)
        || ', ' || quote(old.description)
        || ', ' || quote(old.colour)
        || ', ' || quote(old.position)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_timeline_update AFTER UPDATE ON timeline
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.id, old.title, old.subtitle, old.description, old.colour, old.position) IS NOT (new.id, new.title, new.subtitle, new.description, new.colour, new.position)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE timeline SET '
        || 'id = ' || quote(old.id)
        || ', title = ' || quote(old.title)
        || ', subtitle = ' || quote(old.subtitle)
        || ', description = ' || quote(old.description)
        || ', colour = ' || quote(old.colour)
        || ', position = ' || quote(old.position)
        || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;

-- lane: id is the key.
CREATE TRIGGER history_lane_insert AFTER INSERT ON lane
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'DELETE FROM lane WHERE id = ' || quote(new.id)
    FROM history_state;
END;

CREATE TRIGGER history_lane_delete AFTER DELETE ON lane
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO lane (id, timeline_id, name, position, collapsed) VALUES ('
        || quote(old.id)
        || ', ' || quote(old.timeline_id)
        || ', ' || quote(old.name)
        || ', ' || quote(old.position)
        || ', ' || quote(old.collapsed)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_lane_update AFTER UPDATE ON lane
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.id, old.timeline_id, old.name, old.position, old.collapsed) IS NOT (new.id, new.timeline_id, new.name, new.position, new.collapsed)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE lane SET '
        || 'id = ' || quote(old.id)
        || ', timeline_id = ' || quote(old.timeline_id)
        || ', name = ' || quote(old.name)
        || ', position = ' || quote(old.position)
        || ', collapsed = ' || quote(old.collapsed)
        || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;

-- event: id is the key.
CREATE TRIGGER history_event_insert AFTER INSERT ON event
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'DELETE FROM event WHERE id = ' || quote(new.id)
    FROM history_state;
END;

CREATE TRIGGER history_event_delete AFTER DELETE ON event
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO event (id, title, description, start_edtf, start_minute, end_edtf, end_minute, ongoing, kind, confidence, importance, parties, tags) VALUES ('
        || quote(old.id)
        || ', ' || quote(old.title)
        || ', ' || quote(old.description)
        || ', ' || quote(old.start_edtf)
        || ', ' || quote(old.start_minute)
        || ', ' || quote(old.end_edtf)
        || ', ' || quote(old.end_minute)
        || ', ' || quote(old.ongoing)
        || ', ' || quote(old.kind)
        || ', ' || quote(old.confidence)
        || ', ' || quote(old.importance)
        || ', ' || quote(old.parties)
        || ', ' || quote(old.tags)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_event_update AFTER UPDATE ON event
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.id, old.title, old.description, old.start_edtf, old.start_minute, old.end_edtf, old.end_minute, old.ongoing, old.kind, old.confidence, old.importance, old.parties, old.tags) IS NOT (new.id, new.title, new.description, new.start_edtf, new.start_minute, new.end_edtf, new.end_minute, new.ongoing, new.kind, new.confidence, new.importance, new.parties, new.tags)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE event SET '
        || 'id = ' || quote(old.id)
        || ', title = ' || quote(old.title)
        || ', description = ' || quote(old.description)
        || ', start_edtf = ' || quote(old.start_edtf)
        || ', start_minute = ' || quote(old.start_minute)
        || ', end_edtf = ' || quote(old.end_edtf)
        || ', end_minute = ' || quote(old.end_minute)
        || ', ongoing = ' || quote(old.ongoing)
        || ', kind = ' || quote(old.kind)
        || ', confidence = ' || quote(old.confidence)
        || ', importance = ' || quote(old.importance)
        || ', parties = ' || quote(old.parties)
        || ', tags = ' || quote(old.tags)
        || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;

-- placement: timeline_id, event_id is the key;
-- its rowid is put back too, so rows keep their order.
CREATE TRIGGER history_placement_insert AFTER INSERT ON placement
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'DELETE FROM placement WHERE timeline_id = ' || quote(new.timeline_id) || ' AND event_id = ' || quote(new.event_id)
    FROM history_state;
END;

CREATE TRIGGER history_placement_delete AFTER DELETE ON placement
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO placement (rowid, timeline_id, event_id, lane_id) VALUES ('
        || quote(old.rowid)
        || ', ' || quote(old.timeline_id)
        || ', ' || quote(old.event_id)
        || ', ' || quote(old.lane_id)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_placement_update AFTER UPDATE ON placement
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.timeline_id, old.event_id, old.lane_id) IS NOT (new.timeline_id, new.event_id, new.lane_id)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE placement SET '
        || 'timeline_id = ' || quote(old.timeline_id)
        || ', event_id = ' || quote(old.event_id)
        || ', lane_id = ' || quote(old.lane_id)
        || ' WHERE timeline_id = ' || quote(new.timeline_id) || ' AND event_id = ' || quote(new.event_id)
    FROM history_state;
END;

-- source: id is the key.
CREATE TRIGGER history_source_insert AFTER INSERT ON source
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'DELETE FROM source WHERE id = ' || quote(new.id)
    FROM history_state;
END;

CREATE TRIGGER history_source_delete AFTER DELETE ON source
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO source (id, url, title, publisher, author, published_edtf, accessed_edtf, excerpt, notes) VALUES ('
        || quote(old.id)
        || ', ' || quote(old.url)
        || ', ' || quote(old.title)
        || ', ' || quote(old.publisher)
        || ', ' || quote(old.author)
        || ', ' || quote(old.published_edtf)
        || ', ' || quote(old.accessed_edtf)
        || ', ' || quote(old.excerpt)
        || ', ' || quote(old.notes)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_source_update AFTER UPDATE ON source
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.id, old.url, old.title, old.publisher, old.author, old.published_edtf, old.accessed_edtf, old.excerpt, old.notes) IS NOT (new.id, new.url, new.title, new.publisher, new.author, new.published_edtf, new.accessed_edtf, new.excerpt, new.notes)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE source SET '
        || 'id = ' || quote(old.id)
        || ', url = ' || quote(old.url)
        || ', title = ' || quote(old.title)
        || ', publisher = ' || quote(old.publisher)
        || ', author = ' || quote(old.author)
        || ', published_edtf = ' || quote(old.published_edtf)
        || ', accessed_edtf = ' || quote(old.accessed_edtf)
        || ', excerpt = ' || quote(old.excerpt)
        || ', notes = ' || quote(old.notes)
        || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;

-- event_source: id is the key.
CREATE TRIGGER history_event_source_insert AFTER INSERT ON event_source
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'DELETE FROM event_source WHERE id = ' || quote(new.id)
    FROM history_state;
END;

CREATE TRIGGER history_event_source_delete AFTER DELETE ON event_source
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO event_source (id, event_id, source_id, quote, position) VALUES ('
        || quote(old.id)
        || ', ' || quote(old.event_id)
        || ', ' || quote(old.source_id)
        || ', ' || quote(old.quote)
        || ', ' || quote(old.position)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_event_source_update AFTER UPDATE ON event_source
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.id, old.event_id, old.source_id, old.quote, old.position) IS NOT (new.id, new.event_id, new.source_id, new.quote, new.position)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE event_source SET '
        || 'id = ' || quote(old.id)
        || ', event_id = ' || quote(old.event_id)
        || ', source_id = ' || quote(old.source_id)
        || ', quote = ' || quote(old.quote)
        || ', position = ' || quote(old.position)
        || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;

-- annotation: id is the key.
CREATE TRIGGER history_annotation_insert AFTER INSERT ON annotation
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'DELETE FROM annotation WHERE id = ' || quote(new.id)
    FROM history_state;
END;

CREATE TRIGGER history_annotation_delete AFTER DELETE ON annotation
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO annotation (id, timeline_id, event_id, start_edtf, start_minute, end_edtf, end_minute, text) VALUES ('
        || quote(old.id)
        || ', ' || quote(old.timeline_id)
        || ', ' || quote(old.event_id)
        || ', ' || quote(old.start_edtf)
        || ', ' || quote(old.start_minute)
        || ', ' || quote(old.end_edtf)
        || ', ' || quote(old.end_minute)
        || ', ' || quote(old.text)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_annotation_update AFTER UPDATE ON annotation
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.id, old.timeline_id, old.event_id, old.start_edtf, old.start_minute, old.end_edtf, old.end_minute, old.text) IS NOT (new.id, new.timeline_id, new.event_id, new.start_edtf, new.start_minute, new.end_edtf, new.end_minute, new.text)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE annotation SET '
        || 'id = ' || quote(old.id)
        || ', timeline_id = ' || quote(old.timeline_id)
        || ', event_id = ' || quote(old.event_id)
        || ', start_edtf = ' || quote(old.start_edtf)
        || ', start_minute = ' || quote(old.start_minute)
        || ', end_edtf = ' || quote(old.end_edtf)
        || ', end_minute = ' || quote(old.end_minute)
        || ', text = ' || quote(old.text)
        || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;

-- A change made outside an edit (loading the sample, a bulk import) is not
-- recorded, so the steps recorded before it may no longer apply: forget them.

CREATE TRIGGER history_timeline_insert_unrecorded AFTER INSERT ON timeline
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_timeline_update_unrecorded AFTER UPDATE ON timeline
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_timeline_delete_unrecorded AFTER DELETE ON timeline
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_lane_insert_unrecorded AFTER INSERT ON lane
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_lane_update_unrecorded AFTER UPDATE ON lane
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_lane_delete_unrecorded AFTER DELETE ON lane
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_event_insert_unrecorded AFTER INSERT ON event
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_event_update_unrecorded AFTER UPDATE ON event
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_event_delete_unrecorded AFTER DELETE ON event
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_placement_insert_unrecorded AFTER INSERT ON placement
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_placement_update_unrecorded AFTER UPDATE ON placement
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_placement_delete_unrecorded AFTER DELETE ON placement
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_source_insert_unrecorded AFTER INSERT ON source
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_source_update_unrecorded AFTER UPDATE ON source
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_source_delete_unrecorded AFTER DELETE ON source
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_event_source_insert_unrecorded AFTER INSERT ON event_source
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_event_source_update_unrecorded AFTER UPDATE ON event_source
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_event_source_delete_unrecorded AFTER DELETE ON event_source
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_annotation_insert_unrecorded AFTER INSERT ON annotation
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_annotation_update_unrecorded AFTER UPDATE ON annotation
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_annotation_delete_unrecorded AFTER DELETE ON annotation
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;
