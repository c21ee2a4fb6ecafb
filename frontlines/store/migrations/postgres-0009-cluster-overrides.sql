-- Frontlines PostgreSQL schema 9: analysts' splits and merges of same-event clusters (store/cluster_overrides.py,
-- issue 12 deliverable 4) - who, when, why, the cluster rows as they were; each report it moved or kept apart.
-- Adds tables only.
CREATE TABLE cluster_overrides (
    override_id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    action text NOT NULL CHECK (action IN ('split', 'merge')),
    event_id text COLLATE "C" NOT NULL, other_id text COLLATE "C", cluster_id text NOT NULL, previous text NOT NULL,
    analyst text NOT NULL, reason text NOT NULL, created_at text NOT NULL, undone_at text, undone_by text,
    undo_reason text);
CREATE TABLE cluster_override_members (
    override_id bigint NOT NULL REFERENCES cluster_overrides(override_id), event_id text COLLATE "C" NOT NULL,
    side text NOT NULL CHECK (side IN ('moved', 'apart', 'together')), PRIMARY KEY (override_id, event_id));
CREATE INDEX cluster_override_members_event ON cluster_override_members(event_id);
