-- Search: the full-text index also keeps one- and two-letter prefixes, so
-- the library's search-as-you-type reads one list for "a" or "ac" instead
-- of merging the lists of every word that starts so. Its rows are written
-- again from the events as 0003 wrote them; its triggers name the table
-- and carry on unchanged.
DROP TABLE event_search;

CREATE VIRTUAL TABLE event_search USING fts5 (
    title, description, parties, tags, sources,
    prefix = '1 2',
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO event_search (rowid, title, description, parties, tags, sources)
SELECT e.id, e.title, e.description, e.parties, e.tags,
       (SELECT coalesce(group_concat(cited, ' '), '') FROM (
            SELECT s.title || ' ' || l.quote AS cited
            FROM event_source l JOIN source s ON s.id = l.source_id
            WHERE l.event_id = e.id ORDER BY l.position, l.id))
FROM event e;
