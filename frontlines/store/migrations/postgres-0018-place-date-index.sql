-- Frontlines PostgreSQL schema 18 (issue 12): a page of events under a place filter, newest first, without sorting
-- the place's events. A place filter matches a few places seen (schema 17); the page then reads each matching
-- location's events in page order from this index and stops after the page's rows (pgsql.place_page), and the events
-- with no location (matched by admin1 or country) the same way. Before it, the page's rows were sorted after a bitmap
-- scan of every event of the town (about 12,000 at a million synthetic events: 229-314 ms a page).
-- Adds an index only.
CREATE INDEX events_location_date ON events (location, event_date DESC NULLS LAST, rid);
