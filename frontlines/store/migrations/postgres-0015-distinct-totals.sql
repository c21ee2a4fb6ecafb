-- Frontlines PostgreSQL schema 15: filtered distinct counts from running totals (issue 13), as SQLite migration 18.
-- Distinct events filtered only by type, modality and dates (the filters of the running totals of schema 3) are
-- (a) the representatives of schema 11 in the matching groups, read from running totals of the representatives alone
-- (distinct_days, distinct_cells: kept by statement-level triggers like those of schema 3, on every insert, delete
-- and update of an event and of its flag), plus (b) the few other reports that rank first among their cluster's
-- reports of the same day, type and modality (events.represents_day, kept with the flag of schema 14) and that no
-- better report of their cluster outranks among the matches: a report outranked by a report of its own day, type
-- and modality never counts under these filters, since that report matches whenever it does. Reports of (b) are read
-- from their own partial index (events_apart), one check each against the other reports of their cluster. Adds a
-- column, tables, indexes, functions and triggers; fills them from the stored events and clusters.
ALTER TABLE events ADD COLUMN represents_day boolean NOT NULL DEFAULT true;

-- the reports of these clusters: the flag for the one that ranks first on its day, type and modality
CREATE FUNCTION frontlines_represent_days(clusters text[]) RETURNS void LANGUAGE sql AS $$
    UPDATE events e SET represents_day = (e.event_id = top.event_id)
    FROM (SELECT DISTINCT c FROM unnest(clusters) AS c) c
         JOIN event_clusters m ON m.cluster_id = c.c
         JOIN events me ON me.event_id = m.event_id
         CROSS JOIN LATERAL (
             SELECT o.event_id FROM event_clusters k JOIN events o ON o.event_id = k.event_id
             WHERE k.cluster_id = c.c AND o.event_date IS NOT DISTINCT FROM me.event_date
               AND o.event_type = me.event_type AND o.modality = me.modality
             ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
             LIMIT 1) top
    WHERE e.event_id = m.event_id AND e.represents_day <> (e.event_id = top.event_id);
$$;

CREATE FUNCTION frontlines_clusters_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        UPDATE events e SET represents_day = true FROM old_rows o
        WHERE e.event_id = o.event_id AND NOT e.represents_day
          AND NOT EXISTS (SELECT 1 FROM event_clusters k WHERE k.event_id = o.event_id);
        PERFORM frontlines_represent_days(ARRAY(SELECT DISTINCT cluster_id FROM old_rows));
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        PERFORM frontlines_represent_days(ARRAY(SELECT DISTINCT cluster_id FROM new_rows));
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION frontlines_event_days_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM frontlines_represent_days(ARRAY(SELECT cluster_id FROM event_clusters WHERE event_id = NEW.event_id));
    RETURN NULL;
END $$;

CREATE TRIGGER event_clusters_days_added AFTER INSERT ON event_clusters REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_clusters_days();
CREATE TRIGGER event_clusters_days_removed AFTER DELETE ON event_clusters REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_clusters_days();
CREATE TRIGGER event_clusters_days_moved AFTER UPDATE ON event_clusters REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION frontlines_clusters_days();
CREATE TRIGGER events_represents_day_change AFTER UPDATE OF fatalities, fatalities_aggregate, event_date, event_type,
        modality ON events
    FOR EACH ROW WHEN (NEW.cluster_id IS NOT NULL AND (
        OLD.fatalities IS DISTINCT FROM NEW.fatalities OR OLD.fatalities_aggregate IS DISTINCT FROM NEW.fatalities_aggregate
        OR OLD.event_date IS DISTINCT FROM NEW.event_date OR OLD.event_type IS DISTINCT FROM NEW.event_type
        OR OLD.modality IS DISTINCT FROM NEW.modality))
    EXECUTE FUNCTION frontlines_event_days_changed();

-- the running totals of the representatives
CREATE TABLE distinct_days (
    day date NOT NULL, event_type text COLLATE "C" NOT NULL, modality text COLLATE "C" NOT NULL,
    events bigint NOT NULL, fatalities bigint NOT NULL, PRIMARY KEY (day, event_type, modality));
CREATE TABLE distinct_cells (
    cx integer NOT NULL, cy integer NOT NULL, event_type text COLLATE "C" NOT NULL, modality text COLLATE "C" NOT NULL,
    events bigint NOT NULL, fatalities bigint NOT NULL, lon_sum double precision NOT NULL,
    lat_sum double precision NOT NULL, first_rid bigint, PRIMARY KEY (cx, cy, event_type, modality));
CREATE INDEX distinct_cells_unknown_first ON distinct_cells (cx, cy) WHERE first_rid IS NULL;
-- a cell's first representative, found again when it stops standing for its cluster
CREATE INDEX events_representative_cells ON events ((floor((longitude + 180.0) / 0.087890625)::int),
    (floor((latitude + 90.0) / 0.087890625)::int), event_type, modality, rid)
    WHERE represents AND latitude IS NOT NULL AND longitude IS NOT NULL;

-- adds (sign 1) or takes away (sign -1) the representatives among the rows of a transition table; an added row is a
-- cell's first only while it still stands for its cluster (a statement nested in this one's triggers may have
-- moved the flag since)
CREATE FUNCTION frontlines_distinct_totals_sql(source text, sign integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT format($q$
    INSERT INTO distinct_days AS d
        SELECT coalesce(event_date, '-infinity'::date), event_type, modality, %2$s * count(*),
               %2$s * sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END)
        FROM %1$I WHERE represents GROUP BY 1, 2, 3
    ON CONFLICT (day, event_type, modality) DO UPDATE
        SET events = d.events + excluded.events, fatalities = d.fatalities + excluded.fatalities;
    INSERT INTO distinct_cells AS c
        SELECT floor((n.longitude + 180.0) / 0.087890625)::int, floor((n.latitude + 90.0) / 0.087890625)::int,
               n.event_type, n.modality, %2$s * count(*),
               %2$s * sum(CASE WHEN n.fatalities_aggregate THEN 0 ELSE n.fatalities END),
               %2$s * sum(n.longitude), %2$s * sum(n.latitude),
               CASE WHEN %2$s > 0 THEN min(n.rid) FILTER (WHERE EXISTS (
                   SELECT 1 FROM events x WHERE x.rid = n.rid AND x.represents)) END
        FROM %1$I n WHERE n.represents AND n.latitude IS NOT NULL AND n.longitude IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (cx, cy, event_type, modality) DO UPDATE
        SET events = c.events + excluded.events, fatalities = c.fatalities + excluded.fatalities,
            lon_sum = c.lon_sum + excluded.lon_sum, lat_sum = c.lat_sum + excluded.lat_sum,
            first_rid = CASE WHEN excluded.first_rid IS NULL THEN NULL  -- found again afterwards
                             WHEN c.events = 0 OR c.first_rid IS NULL THEN excluded.first_rid
                             ELSE least(c.first_rid, excluded.first_rid) END
$q$, source, sign)
$$;

CREATE FUNCTION frontlines_distinct_first_rows() RETURNS void LANGUAGE sql AS $$
    UPDATE distinct_cells c SET first_rid = (
        SELECT min(e.rid) FROM events e WHERE e.represents AND e.latitude IS NOT NULL AND e.longitude IS NOT NULL
          AND floor((e.longitude + 180.0) / 0.087890625)::int = c.cx
          AND floor((e.latitude + 90.0) / 0.087890625)::int = c.cy
          AND e.event_type = c.event_type AND e.modality = c.modality)
    WHERE c.first_rid IS NULL AND c.events > 0;
$$;

CREATE FUNCTION frontlines_distinct_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE distinct_days, distinct_cells;
        RETURN NULL;
    END IF;
    IF TG_OP = 'UPDATE' THEN  -- an update of none of the columns added up, nor of the flag, changes nothing here
        IF NOT EXISTS (
                SELECT 1 FROM old_rows o LEFT JOIN new_rows n ON n.rid = o.rid
                WHERE n.rid IS NULL
                   OR (o.event_date, o.event_type, o.modality, o.fatalities, o.fatalities_aggregate, o.longitude,
                       o.latitude, o.represents)
                      IS DISTINCT FROM (n.event_date, n.event_type, n.modality, n.fatalities, n.fatalities_aggregate,
                                        n.longitude, n.latitude, n.represents)) THEN
            RETURN NULL;
        END IF;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        EXECUTE frontlines_distinct_totals_sql('old_rows', -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE frontlines_distinct_totals_sql('new_rows', 1);
    END IF;
    PERFORM frontlines_distinct_first_rows();
    RETURN NULL;
END $$;

CREATE TRIGGER events_distinct_totals_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_distinct_totals();
CREATE TRIGGER events_distinct_totals_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_distinct_totals();
CREATE TRIGGER events_distinct_totals_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION frontlines_distinct_totals();
CREATE TRIGGER events_distinct_totals_truncate AFTER TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_distinct_totals();

-- the events and clusters stored before this migration, once
UPDATE events e SET represents_day = false
WHERE e.cluster_id IS NOT NULL AND e.event_id <> (
    SELECT o.event_id FROM events o
    WHERE o.cluster_id = e.cluster_id AND o.event_date IS NOT DISTINCT FROM e.event_date
      AND o.event_type = e.event_type AND o.modality = e.modality
    ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id LIMIT 1);
CREATE INDEX events_apart ON events (event_date, event_type)
    INCLUDE (modality, event_type_ci, fatalities, fatalities_aggregate, longitude, latitude, rid, cluster_id)
    WHERE NOT represents AND represents_day;
INSERT INTO distinct_days
    SELECT coalesce(event_date, '-infinity'::date), event_type, modality, count(*),
           sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END)
    FROM events WHERE represents GROUP BY 1, 2, 3;
INSERT INTO distinct_cells
    SELECT floor((longitude + 180.0) / 0.087890625)::int, floor((latitude + 90.0) / 0.087890625)::int, event_type,
           modality, count(*), sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END), sum(longitude),
           sum(latitude), min(rid)
    FROM events WHERE represents AND latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4;
