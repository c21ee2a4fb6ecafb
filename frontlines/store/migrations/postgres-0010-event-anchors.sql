-- Frontlines PostgreSQL schema 10: the stable identity of each event an analyst's correction, split or merge names
-- (store/corrections.py: event_anchors) - its document, evidence sentence and offsets, type, place and reason (which
-- names the trigger) as extracted, so that a re-extraction that renumbers the document's events re-attaches the
-- overrides to the event with that identity, and marks those that find none orphaned (never dropped). Filled from
-- the corrections (the extraction each keeps, the latest one per event) and from the events that splits and merges
-- name. Adds a table only.
CREATE TABLE event_anchors (
    event_id text COLLATE "C" PRIMARY KEY, document_id text COLLATE "C", sentence text NOT NULL, evidence_start integer,
    evidence_end integer, event_type text, sub_event_type text, location text, reason text, orphaned_at text);
CREATE INDEX event_anchors_document ON event_anchors(document_id);
INSERT INTO event_anchors (event_id, document_id, sentence, evidence_start, evidence_end, event_type, sub_event_type,
                           location, reason)
    SELECT DISTINCT ON (event_id) event_id, extracted::jsonb ->> 'document_id',
        coalesce(extracted::jsonb ->> 'notes', ''), (extracted::jsonb -> 'evidence' ->> 'start')::integer,
        (extracted::jsonb -> 'evidence' ->> 'end')::integer, extracted::jsonb ->> 'event_type',
        extracted::jsonb ->> 'sub_event_type', extracted::jsonb ->> 'location', extracted::jsonb ->> 'reason'
    FROM event_corrections ORDER BY event_id, correction_id DESC;
INSERT INTO event_anchors (event_id, document_id, sentence, evidence_start, evidence_end, event_type, sub_event_type,
                           location, reason)
    SELECT event_id, document_id, coalesce(notes, ''), evidence_start, evidence_end, event_type, sub_event_type,
        location, reason FROM events WHERE event_id IN (SELECT event_id FROM cluster_override_members)
    ON CONFLICT (event_id) DO NOTHING;
