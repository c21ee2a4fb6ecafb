-- Frontlines PostgreSQL schema 17 (issue 12; SQLite migration 20): place filters at a million events. A place filter
-- ("Benghazi") matches the events whose location, admin1 or country contains it; the places seen (event_places:
-- each (location, admin1, country) and its events) are few, so the filter is matched against them: counts and
-- month timelines read running totals per place and month (place_months), map cells running totals per place and
-- zoom-10 cell (place_cells), each place counted once whichever of its names matched. Kept by statement-level
-- triggers from their transition tables (as schema 3's) and filled here; missing names count as ''.
-- Adds tables and triggers only.
CREATE TABLE event_places (
    location text COLLATE "C" NOT NULL, admin1 text COLLATE "C" NOT NULL, country text COLLATE "C" NOT NULL,
    events bigint NOT NULL, PRIMARY KEY (location, admin1, country));
CREATE TABLE place_months (
    location text COLLATE "C" NOT NULL, admin1 text COLLATE "C" NOT NULL, country text COLLATE "C" NOT NULL,
    month date NOT NULL, event_type text COLLATE "C" NOT NULL, modality text COLLATE "C" NOT NULL,
    events bigint NOT NULL, fatalities bigint NOT NULL,
    PRIMARY KEY (location, admin1, country, month, event_type, modality));
CREATE TABLE place_cells (
    location text COLLATE "C" NOT NULL, admin1 text COLLATE "C" NOT NULL, country text COLLATE "C" NOT NULL,
    cx integer NOT NULL, cy integer NOT NULL, event_type text COLLATE "C" NOT NULL, modality text COLLATE "C" NOT NULL,
    events bigint NOT NULL, fatalities bigint NOT NULL, lon_sum double precision NOT NULL,
    lat_sum double precision NOT NULL, first_rid bigint,
    PRIMARY KEY (location, admin1, country, cx, cy, event_type, modality));

-- the SQL that adds (sign 1) or takes away (sign -1) the rows of a relation; a taken-away cell's first row is
-- found again (frontlines_place_first_rows) before rows are added
CREATE FUNCTION frontlines_place_totals_sql(source text, sign integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT format($q$
    INSERT INTO event_places AS p
        SELECT coalesce(location, ''), coalesce(admin1, ''), coalesce(country, ''), %2$s * count(*)
        FROM %1$I GROUP BY 1, 2, 3
    ON CONFLICT (location, admin1, country) DO UPDATE SET events = p.events + excluded.events;
    INSERT INTO place_months AS m
        SELECT coalesce(location, ''), coalesce(admin1, ''), coalesce(country, ''),
               coalesce(date_trunc('month', event_date)::date, '-infinity'::date), event_type, modality,
               %2$s * count(*), %2$s * sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END)
        FROM %1$I GROUP BY 1, 2, 3, 4, 5, 6
    ON CONFLICT (location, admin1, country, month, event_type, modality) DO UPDATE
        SET events = m.events + excluded.events, fatalities = m.fatalities + excluded.fatalities;
    INSERT INTO place_cells AS c
        SELECT coalesce(location, ''), coalesce(admin1, ''), coalesce(country, ''),
               floor((longitude + 180.0) / 0.087890625)::int, floor((latitude + 90.0) / 0.087890625)::int,
               event_type, modality, %2$s * count(*),
               %2$s * sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END),
               %2$s * sum(longitude), %2$s * sum(latitude), CASE WHEN %2$s > 0 THEN min(rid) END
        FROM %1$I WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7
    ON CONFLICT (location, admin1, country, cx, cy, event_type, modality) DO UPDATE
        SET events = c.events + excluded.events, fatalities = c.fatalities + excluded.fatalities,
            lon_sum = c.lon_sum + excluded.lon_sum, lat_sum = c.lat_sum + excluded.lat_sum,
            first_rid = CASE WHEN excluded.first_rid IS NULL THEN NULL  -- taken away: found again afterwards
                             WHEN c.events = 0 OR c.first_rid IS NULL THEN excluded.first_rid
                             ELSE least(c.first_rid, excluded.first_rid) END
$q$, source, sign)
$$;

-- cells whose first row was taken away get their first remaining row (their events found by the map index)
CREATE FUNCTION frontlines_place_first_rows() RETURNS void LANGUAGE sql AS $$
    UPDATE place_cells c SET first_rid = (
        SELECT min(e.rid) FROM events e
        WHERE e.geom && ST_MakeEnvelope(c.cx * 0.087890625 - 180.000001, c.cy * 0.087890625 - 90.000001,
                                        (c.cx + 1) * 0.087890625 - 179.999999, (c.cy + 1) * 0.087890625 - 89.999999,
                                        4326)
          AND floor((e.longitude + 180.0) / 0.087890625)::int = c.cx
          AND floor((e.latitude + 90.0) / 0.087890625)::int = c.cy
          AND e.event_type = c.event_type AND e.modality = c.modality AND coalesce(e.location, '') = c.location
          AND coalesce(e.admin1, '') = c.admin1 AND coalesce(e.country, '') = c.country)
    WHERE c.first_rid IS NULL AND c.events > 0;
$$;

CREATE FUNCTION frontlines_place_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE event_places, place_months, place_cells;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        EXECUTE frontlines_place_totals_sql('old_rows', -1);
        PERFORM frontlines_place_first_rows();  -- from the events as they are now (an update's new rows included)
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE frontlines_place_totals_sql('new_rows', 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER events_place_totals_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_place_totals();
CREATE TRIGGER events_place_totals_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_place_totals();
CREATE TRIGGER events_place_totals_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION frontlines_place_totals();
CREATE TRIGGER events_place_totals_truncate AFTER TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_place_totals();

-- the events stored before this migration, once
INSERT INTO event_places SELECT coalesce(location, ''), coalesce(admin1, ''), coalesce(country, ''), count(*)
    FROM events GROUP BY 1, 2, 3;
INSERT INTO place_months
    SELECT coalesce(location, ''), coalesce(admin1, ''), coalesce(country, ''),
           coalesce(date_trunc('month', event_date)::date, '-infinity'::date), event_type, modality, count(*),
           sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END)
    FROM events GROUP BY 1, 2, 3, 4, 5, 6;
INSERT INTO place_cells
    SELECT coalesce(location, ''), coalesce(admin1, ''), coalesce(country, ''),
           floor((longitude + 180.0) / 0.087890625)::int, floor((latitude + 90.0) / 0.087890625)::int, event_type,
           modality, count(*), sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END), sum(longitude),
           sum(latitude), min(rid)
    FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
