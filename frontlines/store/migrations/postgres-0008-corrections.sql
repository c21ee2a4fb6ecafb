-- Frontlines PostgreSQL schema 8: analysts' corrections of events (store/corrections.py, issue 12 deliverable 4) -
-- who, when, why, the corrected fields and the event as extracted; undone by marking, never deleted. Adds a table only.
CREATE TABLE event_corrections (
    correction_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id text COLLATE "C" NOT NULL,
    action text NOT NULL CHECK (action IN ('correct', 'reject')),
    fields text NOT NULL, extracted text NOT NULL, analyst text NOT NULL, reason text NOT NULL,
    created_at text NOT NULL, undone_at text, undone_by text, undo_reason text);
CREATE INDEX event_corrections_event ON event_corrections(event_id, correction_id);
CREATE INDEX event_corrections_active ON event_corrections(event_id) WHERE undone_at IS NULL;
