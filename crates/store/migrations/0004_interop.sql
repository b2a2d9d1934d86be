-- Tideline workspace schema, version 4: what imported files carry.
--
-- An event keeps the display date its file asked for ("Spring 1943") and
-- TimelineJS's media: a URL (or an embed's HTML, kept as text), its credit,
-- caption and thumbnail. Empty text means none.

ALTER TABLE event ADD COLUMN display_date TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN media_url TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN media_credit TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN media_caption TEXT NOT NULL DEFAULT '';
ALTER TABLE event ADD COLUMN media_thumbnail TEXT NOT NULL DEFAULT '';

-- The undo history restores every column of an event, the new ones included.
DROP TRIGGER history_event_delete;
DROP TRIGGER history_event_update;

CREATE TRIGGER history_event_delete AFTER DELETE ON event
WHEN (SELECT step_id FROM history_state) IS NOT NULL
BEGIN
    INSERT INTO history_entry (step_id, sql)
    SELECT step_id, 'INSERT INTO event (id, title, description, start_edtf, start_minute, end_edtf, end_minute, ongoing, kind, confidence, importance, parties, tags, display_date, media_url, media_credit, media_caption, media_thumbnail) VALUES ('
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
        || ', ' || quote(old.display_date)
        || ', ' || quote(old.media_url)
        || ', ' || quote(old.media_credit)
        || ', ' || quote(old.media_caption)
        || ', ' || quote(old.media_thumbnail)
        || ')'
    FROM history_state;
END;

CREATE TRIGGER history_event_update AFTER UPDATE ON event
WHEN (SELECT step_id FROM history_state) IS NOT NULL
    AND (old.id, old.title, old.description, old.start_edtf, old.start_minute, old.end_edtf, old.end_minute, old.ongoing, old.kind, old.confidence, old.importance, old.parties, old.tags, old.display_date, old.media_url, old.media_credit, old.media_caption, old.media_thumbnail) IS NOT (new.id, new.title, new.description, new.start_edtf, new.start_minute, new.end_edtf, new.end_minute, new.ongoing, new.kind, new.confidence, new.importance, new.parties, new.tags, new.display_date, new.media_url, new.media_credit, new.media_caption, new.media_thumbnail)
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
        || ', display_date = ' || quote(old.display_date)
        || ', media_url = ' || quote(old.media_url)
        || ', media_credit = ' || quote(old.media_credit)
        || ', media_caption = ' || quote(old.media_caption)
        || ', media_thumbnail = ' || quote(old.media_thumbnail)
        || ' WHERE id = ' || quote(new.id)
    FROM history_state;
END;
