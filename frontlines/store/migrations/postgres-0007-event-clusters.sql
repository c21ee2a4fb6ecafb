-- Frontlines PostgreSQL schema 7: persistent same-event clusters (store/analysis.py, issue 13 deliverable 1) - each
-- event's cluster, assigned when its document is analysed at ingest and deleted with the event. Adds a table only.
CREATE TABLE event_clusters (
    event_id text COLLATE "C" PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
    cluster_id text NOT NULL, document_id text, day text, reason text NOT NULL);
CREATE INDEX event_clusters_cluster ON event_clusters(cluster_id);
CREATE INDEX event_clusters_day ON event_clusters(day, cluster_id);
