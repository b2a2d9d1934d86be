-- Tideline workspace schema, version 5: saved comparisons.
--
-- A comparison is a named, ordered set of timelines and an alignment: the
-- text form of `tideline_model::compare::Alignment` without its event list
-- ('calendar', 'kind:KIND' or 'events'); with 'events', each member row
-- names its timeline's T0 event (NULL once that event is deleted, which
-- the comparison then reports rather than guesses).

CREATE TABLE comparison (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL CHECK (length(trim(name)) > 0),
    alignment TEXT NOT NULL DEFAULT 'calendar'
              CHECK (alignment IN ('calendar', 'events') OR alignment GLOB 'kind:?*'),
    position  INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE comparison_timeline (
    comparison_id INTEGER NOT NULL REFERENCES comparison (id) ON DELETE CASCADE,
    timeline_id   INTEGER NOT NULL REFERENCES timeline (id) ON DELETE CASCADE,
    position      INTEGER NOT NULL,
    t0_event_id   INTEGER REFERENCES event (id) ON DELETE SET NULL,
    PRIMARY KEY (comparison_id, timeline_id)
);
CREATE INDEX comparison_timeline_timeline ON comparison_timeline (timeline_id);
CREATE INDEX comparison_timeline_event ON comparison_timeline (t0_event_id);

-- Undo and redo, as for every other table (see 0002_history.sql).

-- comparison: id is the key.
CREATE TRIGGER history_comparison_insert AFTER INSERT ON comparison
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'DELETE FROM comparison' || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;

CREATE TRIGGER history_comparison_delete AFTER DELETE ON comparison
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO comparison (id, name, alignment, position) VALUES ('
        || quote(old.id)
        || ', ' || quote(old.name)
        || ', ' || quote(old.alignment)
        || ', ' || quote(old.position)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_comparison_update AFTER UPDATE ON comparison
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.id, old.name, old.alignment, old.position) IS NOT (new.id, new.name, new.alignment, new.position)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE comparison SET '
        || 'id = ' || quote(old.id)
        || ', name = ' || quote(old.name)
        || ', alignment = ' || quote(old.alignment)
        || ', position = ' || quote(old.position)
        || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;

CREATE TRIGGER history_comparison_insert_unrecorded AFTER INSERT ON comparison
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_comparison_update_unrecorded AFTER UPDATE ON comparison
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_comparison_delete_unrecorded AFTER DELETE ON comparison
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

-- comparison_timeline: comparison_id, timeline_id is the key;
-- its rowid is put back too, so rows keep their order.
CREATE TRIGGER history_comparison_timeline_insert AFTER INSERT ON comparison_timeline
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'DELETE FROM comparison_timeline' || ' WHERE comparison_id = ' || quote(new.comparison_id) || ' AND timeline_id = ' || quote(new.timeline_id)
    FROM history_state;
END;

CREATE TRIGGER history_comparison_timeline_delete AFTER DELETE ON comparison_timeline
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO comparison_timeline (rowid, comparison_id, timeline_id, position, t0_event_id) VALUES ('
        || quote(old.rowid)
        || ', ' || quote(old.comparison_id)
        || ', ' || quote(old.timeline_id)
        || ', ' || quote(old.position)
        || ', ' || quote(old.t0_event_id)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_comparison_timeline_update AFTER UPDATE ON comparison_timeline
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.comparison_id, old.timeline_id, old.position, old.t0_event_id) IS NOT (new.comparison_id, new.timeline_id, new.position, new.t0_event_id)
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'UPDATE comparison_timeline SET '
        || 'comparison_id = ' || quote(old.comparison_id)
        || ', timeline_id = ' || quote(old.timeline_id)
        || ', position = ' || quote(old.position)
        || ', t0_event_id = ' || quote(old.t0_event_id)
        || ' WHERE comparison_id = ' || quote(new.comparison_id) || ' AND timeline_id = ' || quote(new.timeline_id)
    FROM history_state;
END;

CREATE TRIGGER history_comparison_timeline_insert_unrecorded AFTER INSERT ON comparison_timeline
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_comparison_timeline_update_unrecorded AFTER UPDATE ON comparison_timeline
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;

CREATE TRIGGER history_comparison_timeline_delete_unrecorded AFTER DELETE ON comparison_timeline
WHEN (SELECT step_id FROM history_state) IS NULL AND EXISTS (SELECT 1 FROM history_step)
BEGIN
    DELETE FROM history_step;
END;
