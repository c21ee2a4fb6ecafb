-- Frontlines PostgreSQL schema 14: the representative flag and cluster column of schemas 11 and 13 kept once per
-- statement instead of once per cluster row. The row trigger ran two or three UPDATEs of events per row saved (each
-- firing the running totals' statement trigger): 50,000 cluster rows took about 2 minutes. Now each INSERT, UPDATE
-- or DELETE of cluster rows runs one UPDATE for the rows' events and one for the clusters they touched. Replaces a
-- trigger; the flag and column keep their meaning.
DROP TRIGGER event_clusters_represents ON event_clusters;
DROP FUNCTION frontlines_cluster_represents();

-- every report of these clusters: the flag for the one that stands for its cluster, none for the others (cluster by
-- cluster through the indexes: LATERAL keeps the planner from scanning every event for a batch of clusters)
CREATE FUNCTION frontlines_represent_all(clusters text[]) RETURNS void LANGUAGE sql AS $$
    UPDATE events e SET represents = (e.event_id = top.event_id)
    FROM (SELECT DISTINCT c FROM unnest(clusters) AS c) c
         CROSS JOIN LATERAL (
             SELECT o.event_id FROM event_clusters k JOIN events o ON o.event_id = k.event_id
             WHERE k.cluster_id = c.c
             ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
             LIMIT 1) top
         JOIN event_clusters m ON m.cluster_id = c.c
    WHERE e.event_id = m.event_id AND e.represents <> (e.event_id = top.event_id);
$$;

CREATE FUNCTION frontlines_clusters_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events e SET cluster_id = n.cluster_id FROM new_rows n
    WHERE e.event_id = n.event_id AND e.cluster_id IS DISTINCT FROM n.cluster_id;
    PERFORM frontlines_represent_all(ARRAY(SELECT DISTINCT cluster_id FROM new_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION frontlines_clusters_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events e SET represents = true, cluster_id = NULL FROM old_rows o
    WHERE e.event_id = o.event_id AND (NOT e.represents OR e.cluster_id IS NOT NULL);
    PERFORM frontlines_represent_all(ARRAY(SELECT DISTINCT cluster_id FROM old_rows));
    RETURN NULL;
END $$;

CREATE FUNCTION frontlines_clusters_moved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE events e SET represents = true, cluster_id = NULL FROM old_rows o
    WHERE e.event_id = o.event_id AND NOT EXISTS (SELECT 1 FROM new_rows n WHERE n.event_id = o.event_id)
      AND (NOT e.represents OR e.cluster_id IS NOT NULL);
    UPDATE events e SET cluster_id = n.cluster_id FROM new_rows n
    WHERE e.event_id = n.event_id AND e.cluster_id IS DISTINCT FROM n.cluster_id;
    PERFORM frontlines_represent_all(ARRAY(SELECT cluster_id FROM old_rows UNION SELECT cluster_id FROM new_rows));
    RETURN NULL;
END $$;

CREATE TRIGGER event_clusters_added AFTER INSERT ON event_clusters REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_clusters_added();
CREATE TRIGGER event_clusters_removed AFTER DELETE ON event_clusters REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_clusters_removed();
CREATE TRIGGER event_clusters_moved AFTER UPDATE ON event_clusters REFERENCING OLD TABLE AS old_rows
    NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION frontlines_clusters_moved();
