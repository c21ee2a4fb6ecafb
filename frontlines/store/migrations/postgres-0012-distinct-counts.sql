-- Frontlines PostgreSQL schema 12: distinct counts read the flag of schema 11 from the covering index of schema 2
-- (now including it), so that a representative is decided there without reading its row; the unfiltered counts and
-- timeline of distinct events are the running totals less the reports that stand for no cluster, read from a
-- partial index of those alone (PostgresStore._grouped). Replaces the flag's index of schema 11.
DROP INDEX events_represents;
DROP INDEX events_summary;
CREATE INDEX events_summary ON events (event_date)
    INCLUDE (modality, event_type, event_type_ci, fatalities, fatalities_aggregate, longitude, latitude, rid,
             represents);
CREATE INDEX events_not_representing ON events (event_date, event_type)
    INCLUDE (fatalities, fatalities_aggregate) WHERE NOT represents;
