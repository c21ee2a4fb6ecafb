-- Frontlines PostgreSQL schema 13: each event's cluster on its row too (events.cluster_id, kept by the trigger of
-- schema 11 with the cluster rows), so that a filtered distinct count checks a report against the other reports of
-- its cluster with one index range (events_cluster) instead of its cluster row, the cluster's rows and their events
-- (store.base.DISTINCT_SQL). Adds a column and an index, replaces a trigger function, fills the column.
ALTER TABLE events ADD COLUMN cluster_id text COLLATE "C";

CREATE OR REPLACE FUNCTION frontlines_cluster_represents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE events SET represents = true, cluster_id = NULL
        WHERE event_id = OLD.event_id AND (NOT represents OR cluster_id IS NOT NULL);
        PERFORM frontlines_represent(OLD.cluster_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        UPDATE events SET cluster_id = NEW.cluster_id
        WHERE event_id = NEW.event_id AND cluster_id IS DISTINCT FROM NEW.cluster_id;
        PERFORM frontlines_represent(NEW.cluster_id);
    END IF;
    RETURN NULL;
END $$;

UPDATE events e SET cluster_id = k.cluster_id FROM event_clusters k WHERE k.event_id = e.event_id;
CREATE INDEX events_cluster ON events (cluster_id) WHERE cluster_id IS NOT NULL;
