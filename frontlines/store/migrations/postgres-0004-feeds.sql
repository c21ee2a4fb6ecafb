-- Frontlines PostgreSQL schema 4: watched feeds (store/feeds.py) - each feed's polling state (conditional-GET
-- validators, backoff, last error), and the entries taken from feeds (by link, else id) so that a restarted
-- watcher re-ingests nothing. Adds tables only.
CREATE TABLE feeds (
    url text PRIMARY KEY, title text, etag text, last_modified text, status text NOT NULL DEFAULT 'new',
    http_status integer, failures integer NOT NULL DEFAULT 0, last_error text, last_checked timestamptz,
    last_success timestamptz, next_check timestamptz, entries integer NOT NULL DEFAULT 0,
    documents integer NOT NULL DEFAULT 0);
CREATE TABLE feed_entries (
    key text PRIMARY KEY, feed_url text NOT NULL, content_hash text, document_id text,
    seen_at timestamptz NOT NULL);
