-- Frontlines PostgreSQL schema 5: the backfill job table (store/jobs.py) - every archive partition a backfill
-- finished, by the digest of its records, so that a rerun resumes without extracting them again. Adds a table only.
CREATE TABLE backfill_partitions (
    key text PRIMARY KEY, source text NOT NULL, first_line integer NOT NULL, records integer NOT NULL,
    added integer NOT NULL, unchanged integer NOT NULL, events integer NOT NULL, failures integer NOT NULL,
    finished_at timestamptz NOT NULL);
