-- Frontlines PostgreSQL schema 1: documents, extractions, provenance; full text (tsvector + GIN) and
-- PostGIS points (GiST). Same tables and columns as the SQLite store. Text that is filtered or sorted
-- uses the "C" collation, so ordering and LIKE/ILIKE match SQLite (binary order, ASCII case folding).
CREATE EXTENSION IF NOT EXISTS pg_trgm;  -- trusted: a database owner may create it
CREATE TABLE documents (
    id text COLLATE "C" PRIMARY KEY,
    content_hash text NOT NULL UNIQUE,
    title text, published date, source text COLLATE "C", url text, format text,
    text text NOT NULL, blocks jsonb NOT NULL, stages jsonb NOT NULL, meta jsonb NOT NULL,
    ingested_at timestamptz NOT NULL DEFAULT now(),
    tsv tsvector GENERATED ALWAYS AS
        (to_tsvector('simple', left(coalesce(title, '') || ' ' || text, 1000000))) STORED);
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_tsv ON documents USING gin (tsv);

CREATE TABLE mentions (
    document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx integer NOT NULL, kind text NOT NULL, text text NOT NULL, start integer NOT NULL, "end" integer NOT NULL,
    canonical text, ref_id text COLLATE "C", stage text, reason text, data jsonb NOT NULL,
    PRIMARY KEY (document_id, idx));
CREATE INDEX mentions_ref ON mentions (kind, ref_id);

CREATE TABLE statements (
    document_id text COLLATE "C" NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    idx integer NOT NULL, start integer NOT NULL, "end" integer NOT NULL, voice text, stance text,
    source text, speaker text, block text, stage text, reason text, text text NOT NULL,
    PRIMARY KEY (document_id, idx));

CREATE TABLE events (
    rid bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id text COLLATE "C" NOT NULL UNIQUE,
    document_id text COLLATE "C" REFERENCES documents (id) ON DELETE CASCADE,
    event_date date, time_precision integer,
    event_type text COLLATE "C" NOT NULL, sub_event_type text COLLATE "C" NOT NULL,
    event_type_ci text COLLATE "C" GENERATED ALWAYS AS (lower(event_type)) STORED,  -- for index-only counts
    actor1 text COLLATE "C", assoc_actor_1 text, actor2 text COLLATE "C", assoc_actor_2 text,
    country text COLLATE "C", admin1 text COLLATE "C", location text COLLATE "C",
    latitude double precision, longitude double precision, geo_precision integer,
    source text COLLATE "C", notes text, fatalities integer NOT NULL DEFAULT 0,
    actor1_id text COLLATE "C", actor2_id text COLLATE "C", modality text COLLATE "C" NOT NULL, voice text,
    confidence double precision, cameo_code text, speaker text, fatalities_aggregate boolean,
    date_fallback boolean, location_anchor text, reason text, stage text,
    evidence_start integer, evidence_end integer,
    geom geometry(Point, 4326) GENERATED ALWAYS AS (CASE WHEN latitude IS NOT NULL AND longitude IS NOT NULL
        THEN ST_SetSRID(ST_MakePoint(longitude, latitude), 4326) END) STORED,
    notes_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', coalesce(notes, ''))) STORED,
    CHECK (modality IN ('asserted', 'claimed', 'uncertain', 'negated', 'future', 'hypothetical')),
    CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
    CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180));
CREATE INDEX events_date ON events (event_date NULLS FIRST);
CREATE INDEX events_actor1 ON events (actor1_id, event_date);
CREATE INDEX events_actor2 ON events (actor2_id, event_date);
CREATE INDEX events_actor1_name ON events USING gin (actor1 gin_trgm_ops);  -- "actor" matches name substrings
CREATE INDEX events_actor2_name ON events USING gin (actor2 gin_trgm_ops);
CREATE INDEX events_type_modality ON events (event_type_ci, modality, event_date);
CREATE INDEX events_sub_type ON events (lower(sub_event_type));
CREATE INDEX events_type ON events (event_type, event_date);
CREATE INDEX events_location ON events (location NULLS FIRST);
CREATE INDEX events_modality ON events (modality);
CREATE INDEX events_document ON events (document_id);
CREATE INDEX events_geom ON events USING gist (geom);
CREATE INDEX events_notes ON events USING gin (notes_tsv);

-- count(*) of a large table reads all of it in PostgreSQL: keep the number of events, per statement
CREATE TABLE frontlines_counts (name text PRIMARY KEY, n bigint NOT NULL);
INSERT INTO frontlines_counts VALUES ('events', 0);
CREATE FUNCTION frontlines_count_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE frontlines_counts SET n = n + (SELECT count(*) FROM new_rows) WHERE name = 'events';
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE frontlines_counts SET n = n - (SELECT count(*) FROM old_rows) WHERE name = 'events';
    ELSE
        UPDATE frontlines_counts SET n = 0 WHERE name = 'events';
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER events_count_insert AFTER INSERT ON events REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_count_events();
CREATE TRIGGER events_count_delete AFTER DELETE ON events REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_count_events();
CREATE TRIGGER events_count_truncate AFTER TRUNCATE ON events
    FOR EACH STATEMENT EXECUTE FUNCTION frontlines_count_events();
