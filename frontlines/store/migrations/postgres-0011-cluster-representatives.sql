-- Frontlines PostgreSQL schema 11: distinct events as a plain filtered count (issue 13) - events.represents is true
-- for the report that stands for its same-event cluster (the highest toll, aggregate tolls counting 0, then the
-- smallest id) and for every event in no cluster, false for the cluster's other reports. Kept by triggers whenever
-- a cluster row is added, moved or deleted (with its event too) and whenever a clustered report's toll changes, so
-- ingest, analysts' splits and merges and corrections all keep it; unfiltered distinct counts read the flag only
-- (store.base.distinct_clause). The running totals' trigger now skips updates that change none of the columns it
-- adds up (writing the flag changes none). Adds a column, an index, functions and triggers; fills the flag.
ALTER TABLE events ADD COLUMN represents boolean NOT NULL DEFAULT true;

-- the report that stands for one cluster gets the flag, the cluster's other reports lose it
CREATE FUNCTION frontlines_represent(cluster text) RETURNS void LANGUAGE sql AS $$
    UPDATE events e SET represents = (e.event_id = top.event_id)
    FROM (SELECT o.event_id FROM event_clusters k JOIN events o ON o.event_id = k.event_id
          WHERE k.cluster_id = cluster
          ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
          LIMIT 1) top
    WHERE e.event_id IN (SELECT event_id FROM event_clusters WHERE cluster_id = cluster)
      AND e.represents <> (e.event_id = top.event_id);
$$;

CREATE FUNCTION frontlines_cluster_represents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE events SET represents = true WHERE event_id = OLD.event_id AND NOT represents;
        PERFORM frontlines_represent(OLD.cluster_id);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM frontlines_represent(NEW.cluster_id);
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION frontlines_toll_represents() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM frontlines_represent(cluster_id) FROM event_clusters WHERE event_id = NEW.event_id;
    RETURN NULL;
END $$;

CREATE TRIGGER event_clusters_represents AFTER INSERT OR UPDATE OR DELETE ON event_clusters
    FOR EACH ROW EXECUTE FUNCTION frontlines_cluster_represents();
CREATE TRIGGER events_represents_toll AFTER UPDATE OF fatalities, fatalities_aggregate ON events
    FOR EACH ROW WHEN (OLD.fatalities IS DISTINCT FROM NEW.fatalities
                       OR OLD.fatalities_aggregate IS DISTINCT FROM NEW.fatalities_aggregate)
    EXECUTE FUNCTION frontlines_toll_represents();

-- the running totals (schema 3) add up dates, types, modalities, tolls and places: an update of none of them (the
-- flag above) leaves them as they are
CREATE OR REPLACE FUNCTION frontlines_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE event_days, event_cells;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN  -- nested: the transition tables of an update exist only in an update's trigger
        IF NOT EXISTS (
                SELECT 1 FROM old_rows o LEFT JOIN new_rows n ON n.rid = o.rid
                WHERE n.rid IS NULL
                   OR (o.event_date, o.event_type, o.modality, o.fatalities, o.fatalities_aggregate, o.longitude,
                       o.latitude)
                      IS DISTINCT FROM (n.event_date, n.event_type, n.modality, n.fatalities, n.fatalities_aggregate,
                                        n.longitude, n.latitude)) THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        EXECUTE frontlines_totals_sql('old_rows', -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE frontlines_totals_sql('new_rows', 1);
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        PERFORM frontlines_first_rows();
    END IF;
    RETURN NULL;
END $$;

-- the clusters stored before this migration, once
UPDATE events SET represents = false WHERE event_id IN (
    SELECT m.event_id FROM event_clusters m
    WHERE m.event_id <> (SELECT o.event_id FROM event_clusters k JOIN events o ON o.event_id = k.event_id
                         WHERE k.cluster_id = m.cluster_id
                         ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC,
                                  o.event_id
                         LIMIT 1));
CREATE INDEX events_represents ON events (represents, event_type, event_date);
