-- Frontlines PostgreSQL schema 6: the cross-document analysis (store/analysis.py, issue 13) - the claims and
-- predictions ledger, changes of territorial control and relations between actors, each row derived from one
-- document (deleted with it), and which documents have been analysed. Adds tables only.
CREATE TABLE analysed_documents (
    document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, stage text NOT NULL,
    entries integer NOT NULL, changes integer NOT NULL, relations integer NOT NULL, analysed_at text NOT NULL);
CREATE TABLE ledger_entries (
    entry_id text PRIMARY KEY, document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    kind text NOT NULL, said_on text, source text, speaker text, speaker_kind text, outcome text, due text,
    probability double precision, subjects text NOT NULL, data text NOT NULL);
CREATE INDEX ledger_entries_said ON ledger_entries(said_on);
CREATE INDEX ledger_entries_due ON ledger_entries(due);
CREATE INDEX ledger_entries_speaker ON ledger_entries(speaker);
CREATE INDEX ledger_entries_source ON ledger_entries(source);
CREATE INDEX ledger_entries_document ON ledger_entries(document_id);
CREATE TABLE control_changes (
    change_id text PRIMARY KEY, document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    place_key text NOT NULL, place text NOT NULL, day text, holder text, holder_id text, kind text NOT NULL,
    modality text NOT NULL, data text NOT NULL);
CREATE INDEX control_changes_place ON control_changes(place_key, day);
CREATE INDEX control_changes_day ON control_changes(day);
CREATE INDEX control_changes_document ON control_changes(document_id);
CREATE TABLE relations (
    relation_id text PRIMARY KEY, document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor1 text NOT NULL, actor2 text NOT NULL, actor1_id text, actor2_id text, kind text NOT NULL, day text,
    modality text NOT NULL, data text NOT NULL);
CREATE INDEX relations_actor1 ON relations(actor1_id, day);
CREATE INDEX relations_actor2 ON relations(actor2_id, day);
CREATE INDEX relations_day ON relations(day);
CREATE INDEX relations_document ON relations(document_id);
