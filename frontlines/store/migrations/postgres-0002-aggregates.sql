-- Frontlines PostgreSQL schema 2: the dashboard's aggregates (map grid, timeline, counts by type) from an
-- index-only scan by date; pages sorted by most fatalities or most confident first walk an index in the
-- page's order (ORDER BY ... DESC NULLS LAST, rid). Adds indexes only: no stored row changes.
CREATE INDEX events_summary ON events (event_date)
    INCLUDE (modality, event_type, event_type_ci, fatalities, fatalities_aggregate, longitude, latitude, rid);
CREATE INDEX events_fatalities ON events (fatalities DESC NULLS LAST, rid);
CREATE INDEX events_confidence ON events (confidence DESC NULLS LAST, rid);
