-- Frontlines PostgreSQL schema 3: the dashboard's default view at a million events - running totals per
-- (day, type, modality) and per (zoom-10 map cell, type, modality), kept by statement-level triggers (one
-- grouped write per INSERT/COPY, UPDATE or DELETE statement, from its transition tables) and filled here from
-- the stored events. Aggregates filtered only by type, modality (and dates, for days) read these rows instead
-- of every event. Undated events count under day '-infinity'. Adds tables and triggers only.
CREATE TABLE event_days (
    day date NOT NULL, event_type text COLLATE "C" NOT NULL, modality text COLLATE "C" NOT NULL,
    events bigint NOT NULL, fatalities bigint NOT NULL, PRIMARY KEY (day, event_type, modality));
CREATE TABLE event_cells (
    cx integer NOT NULL, cy integer NOT NULL, event_type text COLLATE "C" NOT NULL, modality text COLLATE "C" NOT NULL,
    events bigint NOT NULL, fatalities bigint NOT NULL, lon_sum double precision NOT NULL,
    lat_sum double precision NOT NULL, first_rid bigint, PRIMARY KEY (cx, cy, event_type, modality));

-- the SQL that adds (sign 1) or takes away (sign -1) the rows of a relation: run by EXECUTE inside the
-- trigger functions, where their transition tables are visible
CREATE FUNCTION frontlines_totals_sql(source text, sign integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT format($q$
    INSERT INTO event_days AS d
        SELECT coalesce(event_date, '-infinity'::date), event_type, modality, %2$s * count(*),
               %2$s * sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END)
        FROM %1$I GROUP BY 1, 2, 3
    ON CONFLICT (day, event_type, modality) DO UPDATE
        SET events = d.events + excluded.events, fatalities = d.fatalities + excluded.fatalities;
    INSERT INTO event_cells AS c
        SELECT floor((longitude + 180.0) / 0.087890625)::int, floor((latitude + 90.0) / 0.087890625)::int,
               event_type, modality, %2$s * count(*),
               %2$s * sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END),
               %2$s * sum(longitude), %2$s * sum(latitude), CASE WHEN %2$s > 0 THEN min(rid) END
        FROM %1$I WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4
    ON CONFLICT (cx, cy, event_type, modality) DO UPDATE
        SET events = c.events + excluded.events, fatalities = c.fatalities + excluded.fatalities,
            lon_sum = c.lon_sum + excluded.lon_sum, lat_sum = c.lat_sum + excluded.lat_sum,
            first_rid = CASE WHEN excluded.first_rid IS NULL THEN NULL  -- taken away: found again afterwards
                             WHEN c.events = 0 OR c.first_rid IS NULL THEN excluded.first_rid
                             ELSE least(c.first_rid, excluded.first_rid) END
$q$, source, sign)
$$;

-- cells whose first row was taken away get their first remaining row (deletes and updates are rare)
CREATE FUNCTION frontlines_first_rows() RETURNS void LANGUAGE sql AS $$
    UPDATE event_cells c SET first_rid = (
        SELECT min(e.rid) FROM events e WHERE e.latitude IS NOT NULL AND e.longitude IS NOT NULL
          AND floor((e.longitude + 180.0) / 0.087890625)::int = c.cx
          AND floor((e.latitude + 90.0) / 0.087890625)::int = c.cy
          AND e.event_type = c.event_type AND e.modality = c.modality)
    WHERE c.first_rid IS NULL AND c.events > 0;
$$;

CREATE FUNCTION frontlines_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE event_days, event_cells;
        RETURN NULL;
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

CREATE TRIGGER events_totals_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_totals();
CREATE TRIGGER events_totals_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_totals();
CREATE TRIGGER events_totals_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_totals();
CREATE TRIGGER events_totals_truncate AFTER TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_totals();

-- the events stored before this migration, once
INSERT INTO event_days
    SELECT coalesce(event_date, '-infinity'::date), event_type, modality, count(*),
           sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END)
    FROM events GROUP BY 1, 2, 3;
INSERT INTO event_cells
    SELECT floor((longitude + 180.0) / 0.087890625)::int, floor((latitude + 90.0) / 0.087890625)::int, event_type,
           modality, count(*), sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END), sum(longitude),
           sum(latitude), min(rid)
    FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4;
