-- Frontlines PostgreSQL schema 16 (issue 12; SQLite migration 19): the dashboard's filtered views at a million
-- events - running totals per (month, type, modality) and per (actor, month, type, modality), kept by
-- statement-level triggers from their transition tables (as schema 3's) and filled here. An event counts under its
-- first actor and, when another, under its second, so an actor's totals are its events; a set of actors (an actor
-- and its units) is their totals less its events between two of them, read from a covering index of those
-- (events_actor_pair). Counts and month timelines read these instead of every day or every event of an actor.
-- Undated events count under month '-infinity'. Adds tables, an index and triggers only.
CREATE TABLE event_months (
    month date NOT NULL, event_type text COLLATE "C" NOT NULL, modality text COLLATE "C" NOT NULL,
    events bigint NOT NULL, fatalities bigint NOT NULL, PRIMARY KEY (month, event_type, modality));
CREATE TABLE actor_months (
    actor_id text COLLATE "C" NOT NULL, month date NOT NULL, event_type text COLLATE "C" NOT NULL,
    modality text COLLATE "C" NOT NULL, events bigint NOT NULL, fatalities bigint NOT NULL,
    PRIMARY KEY (actor_id, month, event_type, modality));
CREATE INDEX events_actor_pair ON events (actor1_id, actor2_id, event_date, event_type, modality, fatalities,
                                          fatalities_aggregate) WHERE actor1_id <> actor2_id;

-- the rows of a relation (an event's first actor, and its second when another) added (sign 1) or taken away (-1)
CREATE FUNCTION frontlines_month_totals_sql(source text, sign integer) RETURNS text LANGUAGE sql IMMUTABLE AS $$
SELECT format($q$
    INSERT INTO event_months AS m
        SELECT coalesce(date_trunc('month', event_date)::date, '-infinity'::date), event_type, modality,
               %2$s * count(*), %2$s * sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END)
        FROM %1$I GROUP BY 1, 2, 3
    ON CONFLICT (month, event_type, modality) DO UPDATE
        SET events = m.events + excluded.events, fatalities = m.fatalities + excluded.fatalities;
    INSERT INTO actor_months AS a
        SELECT actor_id, month, event_type, modality, %2$s * count(*), %2$s * sum(dead) FROM (
            SELECT actor1_id AS actor_id, coalesce(date_trunc('month', event_date)::date, '-infinity'::date) AS month,
                   event_type, modality, CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END AS dead
            FROM %1$I WHERE actor1_id IS NOT NULL
            UNION ALL
            SELECT actor2_id, coalesce(date_trunc('month', event_date)::date, '-infinity'::date), event_type, modality,
                   CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END
            FROM %1$I WHERE actor2_id IS NOT NULL AND actor2_id IS DISTINCT FROM actor1_id) t
        GROUP BY 1, 2, 3, 4
    ON CONFLICT (actor_id, month, event_type, modality) DO UPDATE
        SET events = a.events + excluded.events, fatalities = a.fatalities + excluded.fatalities
$q$, source, sign)
$$;

CREATE FUNCTION frontlines_month_totals() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        TRUNCATE event_months, actor_months;
        RETURN NULL;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        EXECUTE frontlines_month_totals_sql('old_rows', -1);
    END IF;
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        EXECUTE frontlines_month_totals_sql('new_rows', 1);
    END IF;
    RETURN NULL;
END $$;

CREATE TRIGGER events_month_totals_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_month_totals();
CREATE TRIGGER events_month_totals_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_month_totals();
CREATE TRIGGER events_month_totals_update AFTER UPDATE ON events REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION frontlines_month_totals();
CREATE TRIGGER events_month_totals_truncate AFTER TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_month_totals();

-- the events stored before this migration, once
INSERT INTO event_months SELECT date_trunc('month', day)::date, event_type, modality, sum(events), sum(fatalities)
    FROM event_days GROUP BY 1, 2, 3;
INSERT INTO actor_months SELECT actor_id, month, event_type, modality, count(*), sum(dead) FROM (
    SELECT actor1_id AS actor_id, coalesce(date_trunc('month', event_date)::date, '-infinity'::date) AS month,
           event_type, modality, CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END AS dead
    FROM events WHERE actor1_id IS NOT NULL
    UNION ALL
    SELECT actor2_id, coalesce(date_trunc('month', event_date)::date, '-infinity'::date), event_type, modality,
           CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END
    FROM events WHERE actor2_id IS NOT NULL AND actor2_id IS DISTINCT FROM actor1_id) t
GROUP BY 1, 2, 3, 4;
