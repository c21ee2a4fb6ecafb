"""The embedded default store: SQLite in WAL mode, with FTS5 over documents and event notes, a
(longitude, latitude) index for bbox filters (an R*Tree until schema 4), ordered migrations
(``PRAGMA user_version``) and one transaction per document, so an interrupted ingest loses nothing
already committed."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from frontlines.errors import MigrationError, StoreError, StoreNotFoundError
from frontlines.model import MODALITIES, Block, Document, Event, Mention, Statement
from frontlines.store.base import (
    QUERY_FILTERS,
    dated_cells_answer,
    month_totals_answer,
    BOOL_FIELDS,
    EVENT_FIELDS,
    SORTABLE_EVENT_FIELDS,
    DocumentQuery,
    EventQuery,
    IngestResult,
    Page,
    add_groups,
    Store,
    Bbox,
    as_revision,
    cell_range,
    distinct_clause,
    event_values,
    revision_ids,
)

__all__ = ["SQLiteStore"]

_EVENT_FIELDS, _BOOL_FIELDS = EVENT_FIELDS, BOOL_FIELDS
# the month totals of migration 19: one event ({r}: new or old) added to them or taken away
_MONTH = "substr(coalesce({r}.event_date, ''), 1, 7)"
_DEAD = "CASE WHEN {r}.fatalities_aggregate THEN 0 ELSE {r}.fatalities END"
_MONTHS_ADD = ("""
        INSERT INTO event_months VALUES (""" + _MONTH + """, {r}.event_type, {r}.modality, 1, """ + _DEAD + """)
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
        INSERT INTO actor_months SELECT {r}.actor1_id, """ + _MONTH + """, {r}.event_type, {r}.modality, 1, """ + _DEAD
        + """ WHERE {r}.actor1_id IS NOT NULL
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
        INSERT INTO actor_months SELECT {r}.actor2_id, """ + _MONTH + """, {r}.event_type, {r}.modality, 1, """ + _DEAD
        + """ WHERE {r}.actor2_id IS NOT NULL AND {r}.actor2_id IS NOT {r}.actor1_id
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;""")
_MONTHS_TAKE = ("""
        UPDATE event_months SET events = events - 1, fatalities = fatalities - """ + _DEAD + """
            WHERE month = """ + _MONTH + """ AND event_type = {r}.event_type AND modality = {r}.modality;
        UPDATE actor_months SET events = events - 1, fatalities = fatalities - """ + _DEAD + """
            WHERE actor_id IN ({r}.actor1_id, {r}.actor2_id) AND month = """ + _MONTH + """
            AND event_type = {r}.event_type AND modality = {r}.modality;""")
# the place totals of migration 20: one event ({r}) added to them or taken away; a cell whose first row is taken
# away finds its first remaining one (in the cell index: the cell's few events)
_PLACE = "coalesce({r}.location, ''), coalesce({r}.admin1, ''), coalesce({r}.country, '')"
_AT_PLACE = ("location = coalesce({r}.location, '') AND admin1 = coalesce({r}.admin1, '') "
             "AND country = coalesce({r}.country, '')")
_CX, _CY = ("CAST(({r}.longitude + 180.0) / 0.087890625 AS INTEGER)",
            "CAST(({r}.latitude + 90.0) / 0.087890625 AS INTEGER)")
_PLACES_ADD = ("""
        INSERT INTO event_places VALUES (""" + _PLACE + """, 1) ON CONFLICT DO UPDATE SET events = events + 1;
        INSERT INTO place_months VALUES (""" + _PLACE + ", " + _MONTH + """, {r}.event_type, {r}.modality, 1, """
        + _DEAD + """) ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
        INSERT INTO place_cells SELECT """ + _PLACE + ", " + _CX + ", " + _CY + """, {r}.event_type, {r}.modality, 1,
            """ + _DEAD + """, {r}.longitude, {r}.latitude, {r}.rid WHERE {r}.latitude IS NOT NULL
            AND {r}.longitude IS NOT NULL
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities,
            lon_sum = lon_sum + excluded.lon_sum, lat_sum = lat_sum + excluded.lat_sum,
            first_rid = CASE WHEN events = 0 OR first_rid IS NULL THEN excluded.first_rid
                             ELSE min(first_rid, excluded.first_rid) END;""")
_PLACES_TAKE = ("""
        UPDATE event_places SET events = events - 1 WHERE """ + _AT_PLACE + """;
        UPDATE place_months SET events = events - 1, fatalities = fatalities - """ + _DEAD + """
            WHERE """ + _AT_PLACE + " AND month = " + _MONTH + """ AND event_type = {r}.event_type
            AND modality = {r}.modality;
        UPDATE place_cells SET events = events - 1, fatalities = fatalities - """ + _DEAD + """,
            lon_sum = lon_sum - {r}.longitude, lat_sum = lat_sum - {r}.latitude,
            first_rid = CASE WHEN first_rid = {r}.rid THEN NULL ELSE first_rid END
            WHERE {r}.latitude IS NOT NULL AND {r}.longitude IS NOT NULL AND """ + _AT_PLACE + """
            AND cx = """ + _CX + " AND cy = " + _CY + """ AND event_type = {r}.event_type AND modality = {r}.modality;
        UPDATE place_cells SET first_rid = (SELECT min(e.rid) FROM events e INDEXED BY events_cells
                WHERE CAST((e.longitude + 180.0) / 0.087890625 AS INTEGER) = place_cells.cx
                AND CAST((e.latitude + 90.0) / 0.087890625 AS INTEGER) = place_cells.cy
                AND e.event_type = place_cells.event_type AND e.modality = place_cells.modality
                AND coalesce(e.location, '') = place_cells.location AND coalesce(e.admin1, '') = place_cells.admin1
                AND coalesce(e.country, '') = place_cells.country)
            WHERE first_rid IS NULL AND events > 0 AND {r}.latitude IS NOT NULL AND {r}.longitude IS NOT NULL
            AND """ + _AT_PLACE + " AND cx = " + _CX + " AND cy = " + _CY + """ AND event_type = {r}.event_type
            AND modality = {r}.modality;""")


def _cell_totals(table: str, column: str, chars: int) -> tuple[str, str]:
    """The SQL adding one event ({r}) to running totals per (period, zoom-10 cell, type, modality) and taking it away
    (migrations 23 and 26): the period is the first ``chars`` characters of its date, in ``column``. A row whose first
    event is taken away finds its first remaining one (in the cell index: the cell's events of that type and
    modality)."""
    period = "substr(coalesce({r}.event_date, ''), 1, %d)" % chars
    add = ("""
        INSERT INTO """ + table + " SELECT " + period + ", " + _CX + ", " + _CY + """, {r}.event_type, {r}.modality, 1,
            """ + _DEAD + """, {r}.longitude, {r}.latitude, {r}.rid WHERE {r}.latitude IS NOT NULL
            AND {r}.longitude IS NOT NULL
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities,
            lon_sum = lon_sum + excluded.lon_sum, lat_sum = lat_sum + excluded.lat_sum,
            first_rid = CASE WHEN events = 0 OR first_rid IS NULL THEN excluded.first_rid
                             ELSE min(first_rid, excluded.first_rid) END;""")
    take = ("""
        UPDATE """ + table + " SET events = events - 1, fatalities = fatalities - " + _DEAD + """,
            lon_sum = lon_sum - {r}.longitude, lat_sum = lat_sum - {r}.latitude,
            first_rid = CASE WHEN first_rid = {r}.rid THEN NULL ELSE first_rid END
            WHERE {r}.latitude IS NOT NULL AND {r}.longitude IS NOT NULL AND """ + column + " = " + period + """
            AND cx = """ + _CX + " AND cy = " + _CY + """ AND event_type = {r}.event_type AND modality = {r}.modality;
        UPDATE """ + table + """ SET first_rid = (SELECT min(e.rid) FROM events e INDEXED BY events_cells
                WHERE CAST((e.longitude + 180.0) / 0.087890625 AS INTEGER) = """ + table + """.cx
                AND CAST((e.latitude + 90.0) / 0.087890625 AS INTEGER) = """ + table + """.cy
                AND e.event_type = """ + table + ".event_type AND e.modality = " + table + """.modality
                AND substr(coalesce(e.event_date, ''), 1, """ + str(chars) + ") = " + table + "." + column + """)
            WHERE first_rid IS NULL AND events > 0 AND {r}.latitude IS NOT NULL AND {r}.longitude IS NOT NULL
            AND """ + column + " = " + period + " AND cx = " + _CX + " AND cy = " + _CY + """ AND event_type = {r}.event_type
            AND modality = {r}.modality;""")
    return add, take


_CELL_MONTHS_ADD, _CELL_MONTHS_TAKE = _cell_totals("cell_months", "month", 7)  # migration 23
_CELL_YEARS_ADD, _CELL_YEARS_TAKE = _cell_totals("cell_years", "year", 4)  # migration 26
MIGRATIONS: list[str] = [
    # 1: documents, extractions, provenance
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY, content_hash TEXT NOT NULL UNIQUE, title TEXT, published TEXT, source TEXT,
        url TEXT, format TEXT, text TEXT NOT NULL, blocks TEXT NOT NULL, stages TEXT NOT NULL, meta TEXT NOT NULL,
        ingested_at TEXT NOT NULL);
    CREATE INDEX documents_published ON documents(published);
    CREATE TABLE mentions (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
        kind TEXT NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        canonical TEXT, ref_id TEXT, stage TEXT, reason TEXT, data TEXT NOT NULL, PRIMARY KEY (document_id, idx));
    CREATE INDEX mentions_ref ON mentions(kind, ref_id);
    CREATE TABLE statements (
        document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE, idx INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL, voice TEXT, stance TEXT, source TEXT, speaker TEXT,
        block TEXT, stage TEXT, reason TEXT, text TEXT NOT NULL, PRIMARY KEY (document_id, idx));
    CREATE TABLE events (
        rid INTEGER PRIMARY KEY, event_id TEXT NOT NULL UNIQUE,
        document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
        event_date TEXT, time_precision INTEGER, event_type TEXT NOT NULL, sub_event_type TEXT NOT NULL,
        actor1 TEXT, assoc_actor_1 TEXT, actor2 TEXT, assoc_actor_2 TEXT, country TEXT, admin1 TEXT,
        location TEXT, latitude REAL, longitude REAL, geo_precision INTEGER, source TEXT, notes TEXT,
        fatalities INTEGER NOT NULL DEFAULT 0, actor1_id TEXT, actor2_id TEXT, modality TEXT NOT NULL,
        voice TEXT, confidence REAL, cameo_code TEXT, speaker TEXT, fatalities_aggregate INTEGER,
        date_fallback INTEGER, location_anchor TEXT, reason TEXT, stage TEXT,
        evidence_start INTEGER, evidence_end INTEGER,
        CHECK (modality IN ('asserted','claimed','uncertain','negated','future','hypothetical')),
        CHECK (latitude IS NULL OR latitude BETWEEN -90 AND 90),
        CHECK (longitude IS NULL OR longitude BETWEEN -180 AND 180));
    CREATE INDEX events_date ON events(event_date);
    CREATE INDEX events_actor1 ON events(actor1_id, event_date);
    CREATE INDEX events_actor2 ON events(actor2_id, event_date);
    CREATE INDEX events_type ON events(event_type, event_date);
    CREATE INDEX events_location ON events(location);
    CREATE INDEX events_modality ON events(modality);
    CREATE INDEX events_document ON events(document_id);
    """,
    # 2: full text and spatial indexes
    """
    CREATE VIRTUAL TABLE documents_fts USING fts5(title, text, content='');
    CREATE TABLE documents_fts_map (rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE);
    CREATE VIRTUAL TABLE events_fts USING fts5(notes, content='events', content_rowid='rid');
    CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, notes) VALUES (new.rid, new.notes); END;
    CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, notes) VALUES ('delete', old.rid, old.notes); END;
    CREATE VIRTUAL TABLE events_rtree USING rtree(rid, min_lon, max_lon, min_lat, max_lat);
    CREATE TRIGGER events_rtree_insert AFTER INSERT ON events WHEN new.latitude IS NOT NULL BEGIN
        INSERT INTO events_rtree VALUES (new.rid, new.longitude, new.longitude, new.latitude, new.latitude); END;
    CREATE TRIGGER events_rtree_delete AFTER DELETE ON events BEGIN
        DELETE FROM events_rtree WHERE rid = old.rid; END;
    """,
    # 3: counts from indexes alone (type filters compare NOCASE; actor filters scan a date range)
    """
    CREATE INDEX events_type_modality ON events(event_type COLLATE NOCASE, modality, event_date);
    CREATE INDEX events_date_actors ON events(event_date, actor1_id, actor2_id, actor1, actor2);
    """,
    # 4: bbox filters exact on the stored coordinates, counted from one index; the R*Tree (32-bit float
    # boxes, and a list of every match to intersect with) goes
    """
    CREATE INDEX events_lon_lat ON events(longitude, latitude);
    DROP TRIGGER events_rtree_insert;
    DROP TRIGGER events_rtree_delete;
    DROP TABLE events_rtree;
    """,
    # 5: the dashboard's aggregates read covering indexes in their GROUP BY order, so SQLite groups as it reads
    # instead of sorting every match: (day, type) for counts and the timeline; fine map cells (zoom 10, the
    # expression of base.grid_cell) for the map, whose coarser zooms add fine cells up. Pages sorted by most
    # fatalities or most confident first walk an index in the page's order (value descending, ties by rowid).
    """
    CREATE INDEX events_summary ON events(event_date, event_type, modality, fatalities, fatalities_aggregate,
                                          longitude, latitude);
    CREATE INDEX events_cells ON events(CAST((longitude + 180.0) / 0.087890625 AS INTEGER),
                                        CAST((latitude + 90.0) / 0.087890625 AS INTEGER), event_type, modality,
                                        event_date, fatalities, fatalities_aggregate, longitude, latitude);
    CREATE INDEX events_fatalities ON events(fatalities DESC);
    CREATE INDEX events_confidence ON events(confidence DESC);
    """,
    # 6: the dashboard's default view at a million events: running totals per (day, type, modality) and per
    # (zoom-10 map cell, type, modality), kept by triggers on every insert, delete and update of an event and
    # filled from the stored events here. Aggregates filtered only by type, modality (and dates, for days)
    # read these few rows instead of every event. Undated events count under day ''.
    """
    CREATE TABLE event_days (
        day TEXT NOT NULL, event_type TEXT NOT NULL, modality TEXT NOT NULL, events INTEGER NOT NULL,
        fatalities INTEGER NOT NULL, PRIMARY KEY (day, event_type, modality)) WITHOUT ROWID;
    INSERT INTO event_days SELECT coalesce(event_date, ''), event_type, modality, count(*),
        sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END) FROM events GROUP BY 1, 2, 3;
    CREATE TABLE event_cells (
        cx INTEGER NOT NULL, cy INTEGER NOT NULL, event_type TEXT NOT NULL, modality TEXT NOT NULL,
        events INTEGER NOT NULL, fatalities INTEGER NOT NULL, lon_sum REAL NOT NULL, lat_sum REAL NOT NULL,
        first_rid INTEGER, PRIMARY KEY (cx, cy, event_type, modality)) WITHOUT ROWID;
    INSERT INTO event_cells SELECT CAST((longitude + 180.0) / 0.087890625 AS INTEGER),
        CAST((latitude + 90.0) / 0.087890625 AS INTEGER), event_type, modality, count(*),
        sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END), sum(longitude), sum(latitude), min(rid)
        FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4;
    CREATE TRIGGER event_rollups_insert AFTER INSERT ON events BEGIN
        INSERT INTO event_days VALUES (coalesce(new.event_date, ''), new.event_type, new.modality, 1,
            CASE WHEN new.fatalities_aggregate THEN 0 ELSE new.fatalities END)
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
        INSERT INTO event_cells SELECT CAST((new.longitude + 180.0) / 0.087890625 AS INTEGER),
            CAST((new.latitude + 90.0) / 0.087890625 AS INTEGER), new.event_type, new.modality, 1,
            CASE WHEN new.fatalities_aggregate THEN 0 ELSE new.fatalities END, new.longitude, new.latitude, new.rid
            WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities,
            lon_sum = lon_sum + excluded.lon_sum, lat_sum = lat_sum + excluded.lat_sum,
            first_rid = CASE WHEN events = 0 THEN excluded.first_rid ELSE min(first_rid, excluded.first_rid) END;
    END;
    CREATE TRIGGER event_rollups_delete AFTER DELETE ON events BEGIN
        UPDATE event_days SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END
            WHERE day = coalesce(old.event_date, '') AND event_type = old.event_type AND modality = old.modality;
        UPDATE event_cells SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END,
            lon_sum = lon_sum - old.longitude, lat_sum = lat_sum - old.latitude,
            first_rid = CASE WHEN first_rid = old.rid THEN (SELECT min(e.rid) FROM events e
                WHERE CAST((e.longitude + 180.0) / 0.087890625 AS INTEGER) = event_cells.cx
                AND CAST((e.latitude + 90.0) / 0.087890625 AS INTEGER) = event_cells.cy
                AND e.event_type = old.event_type AND e.modality = old.modality) ELSE first_rid END
            WHERE old.latitude IS NOT NULL AND old.longitude IS NOT NULL
            AND cx = CAST((old.longitude + 180.0) / 0.087890625 AS INTEGER)
            AND cy = CAST((old.latitude + 90.0) / 0.087890625 AS INTEGER)
            AND event_type = old.event_type AND modality = old.modality;
    END;
    CREATE TRIGGER event_rollups_update AFTER UPDATE OF event_date, event_type, modality, fatalities,
            fatalities_aggregate, longitude, latitude ON events BEGIN
        UPDATE event_days SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END
            WHERE day = coalesce(old.event_date, '') AND event_type = old.event_type AND modality = old.modality;
        INSERT INTO event_days VALUES (coalesce(new.event_date, ''), new.event_type, new.modality, 1,
            CASE WHEN new.fatalities_aggregate THEN 0 ELSE new.fatalities END)
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
        UPDATE event_cells SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END,
            lon_sum = lon_sum - old.longitude, lat_sum = lat_sum - old.latitude,
            first_rid = (SELECT min(e.rid) FROM events e
                WHERE CAST((e.longitude + 180.0) / 0.087890625 AS INTEGER) = event_cells.cx
                AND CAST((e.latitude + 90.0) / 0.087890625 AS INTEGER) = event_cells.cy
                AND e.event_type = event_cells.event_type AND e.modality = event_cells.modality)
            WHERE old.latitude IS NOT NULL AND old.longitude IS NOT NULL
            AND cx = CAST((old.longitude + 180.0) / 0.087890625 AS INTEGER)
            AND cy = CAST((old.latitude + 90.0) / 0.087890625 AS INTEGER)
            AND event_type = old.event_type AND modality = old.modality;
        INSERT INTO event_cells SELECT CAST((new.longitude + 180.0) / 0.087890625 AS INTEGER),
            CAST((new.latitude + 90.0) / 0.087890625 AS INTEGER), new.event_type, new.modality, 1,
            CASE WHEN new.fatalities_aggregate THEN 0 ELSE new.fatalities END, new.longitude, new.latitude, new.rid
            WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities,
            lon_sum = lon_sum + excluded.lon_sum, lat_sum = lat_sum + excluded.lat_sum,
            first_rid = CASE WHEN events = 0 THEN excluded.first_rid ELSE min(first_rid, excluded.first_rid) END;
    END;
    """,
    # 7: watched feeds (store/feeds.py): each feed's polling state, and the entries taken from feeds (by link,
    # else id) so that a restarted watcher re-ingests nothing
    """
    CREATE TABLE feeds (
        url TEXT PRIMARY KEY, title TEXT, etag TEXT, last_modified TEXT, status TEXT NOT NULL DEFAULT 'new',
        http_status INTEGER, failures INTEGER NOT NULL DEFAULT 0, last_error TEXT, last_checked TEXT,
        last_success TEXT, next_check TEXT, entries INTEGER NOT NULL DEFAULT 0, documents INTEGER NOT NULL DEFAULT 0);
    CREATE TABLE feed_entries (
        key TEXT PRIMARY KEY, feed_url TEXT NOT NULL, content_hash TEXT, document_id TEXT, seen_at TEXT NOT NULL);
    """,
    # 8: the backfill job table (store/jobs.py): finished archive partitions by the digest of their records
    """
    CREATE TABLE backfill_partitions (
        key TEXT PRIMARY KEY, source TEXT NOT NULL, first_line INTEGER NOT NULL, records INTEGER NOT NULL,
        added INTEGER NOT NULL, unchanged INTEGER NOT NULL, events INTEGER NOT NULL, failures INTEGER NOT NULL,
        finished_at TEXT NOT NULL);
    """,
    # 9: the cross-document analysis (store/analysis.py, issue 13): ledger entries, changes of control, relations
    # between actors, each derived from one document (deleted with it), and which documents have been analysed
    """
    CREATE TABLE analysed_documents (
        document_id text PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE, stage text NOT NULL,
        entries integer NOT NULL, changes integer NOT NULL, relations integer NOT NULL, analysed_at text NOT NULL);
    CREATE TABLE ledger_entries (
        entry_id text PRIMARY KEY, document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        kind text NOT NULL, said_on text, source text, speaker text, speaker_kind text, outcome text, due text,
        probability REAL, subjects text NOT NULL, data text NOT NULL);
    CREATE INDEX ledger_entries_said ON ledger_entries(said_on);
    CREATE INDEX ledger_entries_due ON ledger_entries(due);
    CREATE INDEX ledger_entries_speaker ON ledger_entries(speaker);
    CREATE INDEX ledger_entries_source ON ledger_entries(source);
    CREATE INDEX ledger_entries_document ON ledger_entries(document_id);
    CREATE TABLE control_changes (
        change_id text PRIMARY KEY, document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        place_key text NOT NULL, place text NOT NULL, day text, holder text, holder_id text, kind text NOT NULL,
        modality text NOT NULL, data text NOT NULL);
    CREATE INDEX control_changes_place ON control_changes(place_key, day);
    CREATE INDEX control_changes_day ON control_changes(day);
    CREATE INDEX control_changes_document ON control_changes(document_id);
    CREATE TABLE relations (
        relation_id text PRIMARY KEY, document_id text NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        actor1 text NOT NULL, actor2 text NOT NULL, actor1_id text, actor2_id text, kind text NOT NULL, day text,
        modality text NOT NULL, data text NOT NULL);
    CREATE INDEX relations_actor1 ON relations(actor1_id, day);
    CREATE INDEX relations_actor2 ON relations(actor2_id, day);
    CREATE INDEX relations_day ON relations(day);
    CREATE INDEX relations_document ON relations(document_id);
    """,
    # 10: persistent same-event clusters (store/analysis.py, issue 13): each event's cluster, assigned when its
    # document is analysed at ingest, deleted with the event
    """
    CREATE TABLE event_clusters (
        event_id TEXT PRIMARY KEY REFERENCES events(event_id) ON DELETE CASCADE,
        cluster_id TEXT NOT NULL, document_id TEXT, day TEXT, reason TEXT NOT NULL);
    CREATE INDEX event_clusters_cluster ON event_clusters(cluster_id);
    CREATE INDEX event_clusters_day ON event_clusters(day, cluster_id);
    """,
    # 11: analysts' corrections of events (store/corrections.py, issue 12 deliverable 4): who, when, why, the
    # corrected fields and the event as extracted; undone by marking, never deleted. Adds a table only.
    """
    CREATE TABLE event_corrections (
        correction_id INTEGER PRIMARY KEY, event_id TEXT NOT NULL, action TEXT NOT NULL CHECK (action IN
        ('correct', 'reject')), fields TEXT NOT NULL, extracted TEXT NOT NULL, analyst TEXT NOT NULL,
        reason TEXT NOT NULL, created_at TEXT NOT NULL, undone_at TEXT, undone_by TEXT, undo_reason TEXT);
    CREATE INDEX event_corrections_event ON event_corrections(event_id, correction_id);
    CREATE INDEX event_corrections_active ON event_corrections(event_id) WHERE undone_at IS NULL;
    """,
    # 12: the running totals' triggers find a map cell's first event through the cell index (events_cells): their
    # lookup of it read the modality index instead (every asserted event), so that one correction or update of an
    # event's date, type, toll or place took 20-30 ms at 50,000 events and grew with the store. The unary + keeps
    # the type and modality terms off other indexes; the triggers are otherwise those of migration 6
    """
    DROP TRIGGER event_rollups_delete;
    DROP TRIGGER event_rollups_update;
    CREATE TRIGGER event_rollups_delete AFTER DELETE ON events BEGIN
        UPDATE event_days SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END
            WHERE day = coalesce(old.event_date, '') AND event_type = old.event_type AND modality = old.modality;
        UPDATE event_cells SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END,
            lon_sum = lon_sum - old.longitude, lat_sum = lat_sum - old.latitude,
            first_rid = CASE WHEN first_rid = old.rid THEN (SELECT min(e.rid) FROM events e
                WHERE CAST((e.longitude + 180.0) / 0.087890625 AS INTEGER) = event_cells.cx
                AND CAST((e.latitude + 90.0) / 0.087890625 AS INTEGER) = event_cells.cy
                AND +e.event_type = old.event_type AND +e.modality = old.modality) ELSE first_rid END
            WHERE old.latitude IS NOT NULL AND old.longitude IS NOT NULL
            AND cx = CAST((old.longitude + 180.0) / 0.087890625 AS INTEGER)
            AND cy = CAST((old.latitude + 90.0) / 0.087890625 AS INTEGER)
            AND event_type = old.event_type AND modality = old.modality;
    END;
    CREATE TRIGGER event_rollups_update AFTER UPDATE OF event_date, event_type, modality, fatalities,
            fatalities_aggregate, longitude, latitude ON events BEGIN
        UPDATE event_days SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END
            WHERE day = coalesce(old.event_date, '') AND event_type = old.event_type AND modality = old.modality;
        INSERT INTO event_days VALUES (coalesce(new.event_date, ''), new.event_type, new.modality, 1,
            CASE WHEN new.fatalities_aggregate THEN 0 ELSE new.fatalities END)
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
        UPDATE event_cells SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END,
            lon_sum = lon_sum - old.longitude, lat_sum = lat_sum - old.latitude,
            first_rid = (SELECT min(e.rid) FROM events e
                WHERE CAST((e.longitude + 180.0) / 0.087890625 AS INTEGER) = event_cells.cx
                AND CAST((e.latitude + 90.0) / 0.087890625 AS INTEGER) = event_cells.cy
                AND +e.event_type = event_cells.event_type AND +e.modality = event_cells.modality)
            WHERE old.latitude IS NOT NULL AND old.longitude IS NOT NULL
            AND cx = CAST((old.longitude + 180.0) / 0.087890625 AS INTEGER)
            AND cy = CAST((old.latitude + 90.0) / 0.087890625 AS INTEGER)
            AND event_type = old.event_type AND modality = old.modality;
        INSERT INTO event_cells SELECT CAST((new.longitude + 180.0) / 0.087890625 AS INTEGER),
            CAST((new.latitude + 90.0) / 0.087890625 AS INTEGER), new.event_type, new.modality, 1,
            CASE WHEN new.fatalities_aggregate THEN 0 ELSE new.fatalities END, new.longitude, new.latitude, new.rid
            WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities,
            lon_sum = lon_sum + excluded.lon_sum, lat_sum = lat_sum + excluded.lat_sum,
            first_rid = CASE WHEN events = 0 THEN excluded.first_rid ELSE min(first_rid, excluded.first_rid) END;
    END;
    """,
    # 13: analysts' splits and merges of same-event clusters (store/cluster_overrides.py, issue 12 deliverable 4):
    # who, when, why, the cluster rows as they were; each report it moved or kept apart. Adds tables only
    """
    CREATE TABLE cluster_overrides (
        override_id INTEGER PRIMARY KEY, action TEXT NOT NULL CHECK (action IN ('split', 'merge')),
        event_id TEXT NOT NULL, other_id TEXT, cluster_id TEXT NOT NULL, previous TEXT NOT NULL,
        analyst TEXT NOT NULL, reason TEXT NOT NULL, created_at TEXT NOT NULL, undone_at TEXT, undone_by TEXT,
        undo_reason TEXT);
    CREATE TABLE cluster_override_members (
        override_id INTEGER NOT NULL REFERENCES cluster_overrides(override_id), event_id TEXT NOT NULL,
        side TEXT NOT NULL CHECK (side IN ('moved', 'apart', 'together')), PRIMARY KEY (override_id, event_id));
    CREATE INDEX cluster_override_members_event ON cluster_override_members(event_id);
    """,
    # 14: the stable identity of each event an analyst's correction, split or merge names (store/corrections.py:
    # event_anchors): its document, evidence sentence and offsets, type, place and reason (which names the trigger)
    # as extracted, so that a re-extraction that renumbers the document's events re-attaches the overrides to the
    # event with that identity, and marks those that find none orphaned (never dropped). Filled from the
    # corrections (the extraction each keeps, the latest one per event) and from the events that splits and merges
    # name. Adds a table only
    """
    CREATE TABLE event_anchors (
        event_id TEXT PRIMARY KEY, document_id TEXT, sentence TEXT NOT NULL, evidence_start INTEGER,
        evidence_end INTEGER, event_type TEXT, sub_event_type TEXT, location TEXT, reason TEXT, orphaned_at TEXT);
    CREATE INDEX event_anchors_document ON event_anchors(document_id);
    INSERT OR IGNORE INTO event_anchors (event_id, document_id, sentence, evidence_start, evidence_end, event_type,
        sub_event_type, location, reason)
        SELECT event_id, json_extract(extracted, '$.document_id'), coalesce(json_extract(extracted, '$.notes'), ''),
            json_extract(extracted, '$.evidence.start'), json_extract(extracted, '$.evidence.end'),
            json_extract(extracted, '$.event_type'), json_extract(extracted, '$.sub_event_type'),
            json_extract(extracted, '$.location'), json_extract(extracted, '$.reason')
        FROM event_corrections ORDER BY correction_id DESC;
    INSERT OR IGNORE INTO event_anchors (event_id, document_id, sentence, evidence_start, evidence_end, event_type,
        sub_event_type, location, reason)
        SELECT event_id, document_id, coalesce(notes, ''), evidence_start, evidence_end, event_type, sub_event_type,
            location, reason FROM events WHERE event_id IN (SELECT event_id FROM cluster_override_members);
    """,
    # 15: distinct events as a plain filtered count (issue 13): events.represents is 1 for the report that stands for
    # its same-event cluster (the highest toll, aggregate tolls counting 0, then the smallest id) and for every
    # event in no cluster, 0 for the cluster's other reports; kept by triggers whenever a cluster row is added,
    # moved or deleted (with its event too) and whenever a clustered report's toll changes, so ingest, analysts'
    # splits and merges and corrections all keep it. Unfiltered distinct counts read the flag only
    # (store.base.distinct_clause). Adds a column, an index and triggers; fills the flag from the stored clusters
    """
    ALTER TABLE events ADD COLUMN represents INTEGER NOT NULL DEFAULT 1;
    UPDATE events SET represents = 0 WHERE event_id IN (SELECT m.event_id FROM event_clusters m
        WHERE m.event_id <> (SELECT o.event_id FROM event_clusters k JOIN events o ON o.event_id = k.event_id
            WHERE k.cluster_id = m.cluster_id
            ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
            LIMIT 1));
    CREATE INDEX events_represents ON events(represents, event_type, event_date);
    CREATE TRIGGER event_clusters_represents_insert AFTER INSERT ON event_clusters BEGIN
        UPDATE events SET represents = 1 - represents
            WHERE event_id IN (SELECT event_id FROM event_clusters WHERE cluster_id = new.cluster_id)
            AND represents <> (event_id = (SELECT o.event_id FROM event_clusters k JOIN events o ON o.event_id = k.event_id
                WHERE k.cluster_id = new.cluster_id
                ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
                LIMIT 1));
    END;
    CREATE TRIGGER event_clusters_represents_delete AFTER DELETE ON event_clusters BEGIN
        UPDATE events SET represents = 1 WHERE event_id = old.event_id AND represents = 0;
        UPDATE events SET represents = 1 - represents
            WHERE event_id IN (SELECT event_id FROM event_clusters WHERE cluster_id = old.cluster_id)
            AND represents <> (event_id = (SELECT o.event_id FROM event_clusters k JOIN events o ON o.event_id = k.event_id
                WHERE k.cluster_id = old.cluster_id
                ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
                LIMIT 1));
    END;
    CREATE TRIGGER event_clusters_represents_update AFTER UPDATE OF event_id, cluster_id ON event_clusters BEGIN
        UPDATE events SET represents = 1 WHERE event_id = old.event_id AND represents = 0;
        UPDATE events SET represents = 1 - represents
            WHERE event_id IN (SELECT event_id FROM event_clusters WHERE cluster_id = old.cluster_id)
            AND represents <> (event_id = (SELECT o.event_id FROM event_clusters k JOIN events o ON o.event_id = k.event_id
                WHERE k.cluster_id = old.cluster_id
                ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
                LIMIT 1));
        UPDATE events SET represents = 1 - represents
            WHERE event_id IN (SELECT event_id FROM event_clusters WHERE cluster_id = new.cluster_id)
            AND represents <> (event_id = (SELECT o.event_id FROM event_clusters k JOIN events o ON o.event_id = k.event_id
                WHERE k.cluster_id = new.cluster_id
                ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
                LIMIT 1));
    END;
    CREATE TRIGGER events_represents_toll AFTER UPDATE OF fatalities, fatalities_aggregate ON events
            WHEN new.event_id IN (SELECT event_id FROM event_clusters) BEGIN
        UPDATE events SET represents = 1 - represents
            WHERE event_id IN (SELECT event_id FROM event_clusters WHERE cluster_id = (SELECT cluster_id FROM event_clusters WHERE event_id = new.event_id))
            AND represents <> (event_id = (SELECT o.event_id FROM event_clusters k JOIN events o ON o.event_id = k.event_id
                WHERE k.cluster_id = (SELECT cluster_id FROM event_clusters WHERE event_id = new.event_id)
                ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
                LIMIT 1));
    END;
    """,
    # 16: distinct counts read the flag from the covering indexes of migration 5 (now ending with it), so that a
    # representative is decided there without reading its row; the unfiltered counts and timeline of distinct
    # events are the running totals less the reports that stand for no cluster, read from a partial index of
    # those alone (SQLiteStore._grouped). Replaces the flag's index of migration 15
    """
    DROP INDEX events_represents;
    DROP INDEX events_summary;
    DROP INDEX events_cells;
    CREATE INDEX events_summary ON events(event_date, event_type, modality, fatalities, fatalities_aggregate,
                                          longitude, latitude, represents);
    CREATE INDEX events_cells ON events(CAST((longitude + 180.0) / 0.087890625 AS INTEGER),
                                        CAST((latitude + 90.0) / 0.087890625 AS INTEGER), event_type, modality,
                                        event_date, fatalities, fatalities_aggregate, longitude, latitude, represents);
    CREATE INDEX events_not_representing ON events(event_date, event_type, fatalities, fatalities_aggregate)
        WHERE represents = 0;
    """,
    # 17: each event's cluster on its row too (events.cluster_id, kept by triggers with the cluster rows), so that
    # a filtered distinct count checks a report against the other reports of its cluster with one index range
    # (events_cluster) instead of its cluster row, the cluster's rows and their events (store.base.DISTINCT_SQL)
    """
    ALTER TABLE events ADD COLUMN cluster_id TEXT;
    UPDATE events SET cluster_id = (SELECT k.cluster_id FROM event_clusters k WHERE k.event_id = events.event_id)
        WHERE event_id IN (SELECT event_id FROM event_clusters);
    CREATE INDEX events_cluster ON events(cluster_id) WHERE cluster_id IS NOT NULL;
    CREATE TRIGGER event_clusters_member_insert AFTER INSERT ON event_clusters BEGIN
        UPDATE events SET cluster_id = new.cluster_id WHERE event_id = new.event_id;
    END;
    CREATE TRIGGER event_clusters_member_delete AFTER DELETE ON event_clusters BEGIN
        UPDATE events SET cluster_id = NULL WHERE event_id = old.event_id;
    END;
    CREATE TRIGGER event_clusters_member_update AFTER UPDATE OF event_id, cluster_id ON event_clusters BEGIN
        UPDATE events SET cluster_id = NULL WHERE event_id = old.event_id;
        UPDATE events SET cluster_id = new.cluster_id WHERE event_id = new.event_id;
    END;
    """,    # 18: filtered distinct counts from running totals (issue 13). Distinct events filtered only by type, modality
    # and dates (the filters of the running totals of migration 6) are (a) the representatives of migration 15 in
    # the matching groups, read from running totals of the representatives alone (distinct_days, distinct_cells,
    # kept by triggers on every insert, delete and update of an event and of its flag), plus (b) the few other
    # reports that rank first among their cluster's reports of the same day, type and modality
    # (events.represents_day, kept by triggers like the flag of migration 15) and that no better report of their
    # cluster outranks among the matches: a report outranked by a report of its own day, type and modality never
    # counts under these filters, since that report matches whenever it does. Reports of (b) are read from their
    # own partial index (events_apart), one check each against the other reports of their cluster. Adds a
    # column, tables, an index and triggers; fills them from the stored events and clusters
    """
    ALTER TABLE events ADD COLUMN represents_day INTEGER NOT NULL DEFAULT 1;
    UPDATE events SET represents_day = 0 WHERE cluster_id IS NOT NULL AND event_id <> (
        SELECT o.event_id FROM events o INDEXED BY events_cluster WHERE o.cluster_id = events.cluster_id
            AND o.event_date IS events.event_date AND o.event_type = events.event_type
            AND o.modality = events.modality
        ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id LIMIT 1);
    CREATE INDEX events_apart ON events(event_date, event_type, modality, fatalities, fatalities_aggregate, longitude,
                                        latitude, cluster_id) WHERE represents = 0 AND represents_day = 1;
    CREATE TRIGGER event_clusters_represents_day_insert AFTER INSERT ON event_clusters BEGIN
        UPDATE events SET represents_day = 1 - represents_day
            WHERE event_id IN (SELECT event_id FROM event_clusters WHERE cluster_id = new.cluster_id)
            AND represents_day <> (event_id = (SELECT o.event_id FROM event_clusters k JOIN events o
                ON o.event_id = k.event_id WHERE k.cluster_id = new.cluster_id AND o.event_date IS events.event_date
                AND o.event_type = events.event_type AND o.modality = events.modality
                ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
                LIMIT 1));
    END;
    CREATE TRIGGER event_clusters_represents_day_delete AFTER DELETE ON event_clusters BEGIN
        UPDATE events SET represents_day = 1 WHERE event_id = old.event_id AND represents_day = 0;
        UPDATE events SET represents_day = 1 - represents_day
            WHERE event_id IN (SELECT event_id FROM event_clusters WHERE cluster_id = old.cluster_id)
            AND represents_day <> (event_id = (SELECT o.event_id FROM event_clusters k JOIN events o
                ON o.event_id = k.event_id WHERE k.cluster_id = old.cluster_id AND o.event_date IS events.event_date
                AND o.event_type = events.event_type AND o.modality = events.modality
                ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
                LIMIT 1));
    END;
    CREATE TRIGGER event_clusters_represents_day_update AFTER UPDATE OF event_id, cluster_id ON event_clusters BEGIN
        UPDATE events SET represents_day = 1 WHERE event_id = old.event_id AND represents_day = 0;
        UPDATE events SET represents_day = 1 - represents_day
            WHERE event_id IN (SELECT event_id FROM event_clusters WHERE cluster_id IN (old.cluster_id, new.cluster_id))
            AND represents_day <> (event_id = (SELECT o.event_id FROM event_clusters k JOIN events o
                ON o.event_id = k.event_id WHERE k.cluster_id = (SELECT cluster_id FROM event_clusters
                    WHERE event_id = events.event_id)
                AND o.event_date IS events.event_date AND o.event_type = events.event_type
                AND o.modality = events.modality
                ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
                LIMIT 1));
    END;
    CREATE TRIGGER events_represents_day_change AFTER UPDATE OF fatalities, fatalities_aggregate, event_date,
            event_type, modality ON events WHEN new.event_id IN (SELECT event_id FROM event_clusters) BEGIN
        UPDATE events SET represents_day = 1 - represents_day
            WHERE event_id IN (SELECT event_id FROM event_clusters WHERE cluster_id = (SELECT cluster_id
                FROM event_clusters WHERE event_id = new.event_id))
            AND represents_day <> (event_id = (SELECT o.event_id FROM event_clusters k JOIN events o
                ON o.event_id = k.event_id WHERE k.cluster_id = (SELECT cluster_id FROM event_clusters
                    WHERE event_id = new.event_id)
                AND o.event_date IS events.event_date AND o.event_type = events.event_type
                AND o.modality = events.modality
                ORDER BY CASE WHEN o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id
                LIMIT 1));
    END;
    CREATE TABLE distinct_days (
        day TEXT NOT NULL, event_type TEXT NOT NULL, modality TEXT NOT NULL, events INTEGER NOT NULL,
        fatalities INTEGER NOT NULL, PRIMARY KEY (day, event_type, modality)) WITHOUT ROWID;
    INSERT INTO distinct_days SELECT coalesce(event_date, ''), event_type, modality, count(*),
        sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END) FROM events WHERE represents = 1
        GROUP BY 1, 2, 3;
    CREATE TABLE distinct_cells (
        cx INTEGER NOT NULL, cy INTEGER NOT NULL, event_type TEXT NOT NULL, modality TEXT NOT NULL,
        events INTEGER NOT NULL, fatalities INTEGER NOT NULL, lon_sum REAL NOT NULL, lat_sum REAL NOT NULL,
        first_rid INTEGER, PRIMARY KEY (cx, cy, event_type, modality)) WITHOUT ROWID;
    INSERT INTO distinct_cells SELECT CAST((longitude + 180.0) / 0.087890625 AS INTEGER),
        CAST((latitude + 90.0) / 0.087890625 AS INTEGER), event_type, modality, count(*),
        sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END), sum(longitude), sum(latitude), min(rid)
        FROM events WHERE represents = 1 AND latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4;
    CREATE TRIGGER distinct_totals_insert AFTER INSERT ON events WHEN new.represents = 1 BEGIN
        INSERT INTO distinct_days VALUES (coalesce(new.event_date, ''), new.event_type, new.modality, 1,
            CASE WHEN new.fatalities_aggregate THEN 0 ELSE new.fatalities END)
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
        INSERT INTO distinct_cells SELECT CAST((new.longitude + 180.0) / 0.087890625 AS INTEGER),
            CAST((new.latitude + 90.0) / 0.087890625 AS INTEGER), new.event_type, new.modality, 1,
            CASE WHEN new.fatalities_aggregate THEN 0 ELSE new.fatalities END, new.longitude, new.latitude, new.rid
            WHERE new.latitude IS NOT NULL AND new.longitude IS NOT NULL
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities,
            lon_sum = lon_sum + excluded.lon_sum, lat_sum = lat_sum + excluded.lat_sum,
            first_rid = CASE WHEN events = 0 OR first_rid IS NULL THEN excluded.first_rid
                             ELSE min(first_rid, excluded.first_rid) END;
    END;
    CREATE TRIGGER distinct_totals_delete AFTER DELETE ON events WHEN old.represents = 1 BEGIN
        UPDATE distinct_days SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END
            WHERE day = coalesce(old.event_date, '') AND event_type = old.event_type AND modality = old.modality;
        UPDATE distinct_cells SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END,
            lon_sum = lon_sum - old.longitude, lat_sum = lat_sum - old.latitude,
            first_rid = CASE WHEN first_rid = old.rid THEN (SELECT min(e.rid) FROM events e INDEXED BY events_cells
                WHERE CAST((e.longitude + 180.0) / 0.087890625 AS INTEGER) = distinct_cells.cx
                AND CAST((e.latitude + 90.0) / 0.087890625 AS INTEGER) = distinct_cells.cy
                AND e.event_type = distinct_cells.event_type AND e.modality = distinct_cells.modality
                AND e.represents = 1) ELSE first_rid END
            WHERE old.latitude IS NOT NULL AND old.longitude IS NOT NULL
            AND cx = CAST((old.longitude + 180.0) / 0.087890625 AS INTEGER)
            AND cy = CAST((old.latitude + 90.0) / 0.087890625 AS INTEGER)
            AND event_type = old.event_type AND modality = old.modality;
    END;
    CREATE TRIGGER distinct_totals_update AFTER UPDATE OF event_date, event_type, modality, fatalities,
            fatalities_aggregate, longitude, latitude, represents ON events
            WHEN old.represents = 1 OR new.represents = 1 BEGIN
        UPDATE distinct_days SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END
            WHERE old.represents = 1 AND day = coalesce(old.event_date, '') AND event_type = old.event_type
            AND modality = old.modality;
        INSERT INTO distinct_days SELECT coalesce(new.event_date, ''), new.event_type, new.modality, 1,
            CASE WHEN new.fatalities_aggregate THEN 0 ELSE new.fatalities END WHERE new.represents = 1
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities;
        UPDATE distinct_cells SET events = events - 1,
            fatalities = fatalities - CASE WHEN old.fatalities_aggregate THEN 0 ELSE old.fatalities END,
            lon_sum = lon_sum - old.longitude, lat_sum = lat_sum - old.latitude,
            first_rid = CASE WHEN first_rid = old.rid THEN NULL ELSE first_rid END
            WHERE old.represents = 1 AND old.latitude IS NOT NULL AND old.longitude IS NOT NULL
            AND cx = CAST((old.longitude + 180.0) / 0.087890625 AS INTEGER)
            AND cy = CAST((old.latitude + 90.0) / 0.087890625 AS INTEGER)
            AND event_type = old.event_type AND modality = old.modality;
        INSERT INTO distinct_cells SELECT CAST((new.longitude + 180.0) / 0.087890625 AS INTEGER),
            CAST((new.latitude + 90.0) / 0.087890625 AS INTEGER), new.event_type, new.modality, 1,
            CASE WHEN new.fatalities_aggregate THEN 0 ELSE new.fatalities END, new.longitude, new.latitude,
            (SELECT rid FROM events WHERE rid = new.rid AND represents = 1)
            WHERE new.represents = 1 AND new.latitude IS NOT NULL AND new.longitude IS NOT NULL
        ON CONFLICT DO UPDATE SET events = events + 1, fatalities = fatalities + excluded.fatalities,
            lon_sum = lon_sum + excluded.lon_sum, lat_sum = lat_sum + excluded.lat_sum,
            first_rid = CASE WHEN excluded.first_rid IS NULL THEN CASE WHEN events = 0 THEN NULL ELSE first_rid END
                             WHEN events = 0 OR first_rid IS NULL THEN excluded.first_rid
                             ELSE min(first_rid, excluded.first_rid) END;
        UPDATE distinct_cells SET first_rid = (SELECT min(e.rid) FROM events e INDEXED BY events_cells
                WHERE CAST((e.longitude + 180.0) / 0.087890625 AS INTEGER) = distinct_cells.cx
                AND CAST((e.latitude + 90.0) / 0.087890625 AS INTEGER) = distinct_cells.cy
                AND e.event_type = distinct_cells.event_type AND e.modality = distinct_cells.modality
                AND e.represents = 1)
            WHERE first_rid IS NULL AND events > 0 AND ((old.latitude IS NOT NULL AND old.longitude IS NOT NULL
                AND cx = CAST((old.longitude + 180.0) / 0.087890625 AS INTEGER)
                AND cy = CAST((old.latitude + 90.0) / 0.087890625 AS INTEGER)
                AND event_type = old.event_type AND modality = old.modality)
            OR (new.latitude IS NOT NULL AND new.longitude IS NOT NULL
                AND cx = CAST((new.longitude + 180.0) / 0.087890625 AS INTEGER)
                AND cy = CAST((new.latitude + 90.0) / 0.087890625 AS INTEGER)
                AND event_type = new.event_type AND modality = new.modality));
    END;
    """,
    # 19: the dashboard's filtered views at a million events (issue 12): running totals per (month, type, modality)
    # and per (actor, month, type, modality), kept by triggers on every insert, delete and update of an event and
    # filled here (the months from the day totals of migration 6). An event counts under its first actor and, when
    # another, under its second, so an actor's totals are its events; a set of actors (an actor and its units) is
    # their totals less its events between two of them, read from a covering index of those (events_actor_pair).
    # Counts and month timelines read these instead of every day or every event of an actor: at 1,000,000
    # synthetic events the first actors alone make 706,534 (actor, day, type, modality) rows, all actors 166,304
    # month rows (about 3,000 per actor, against ~37,000 events).
    # Undated events count under month ''. Adds tables, an index and triggers
    """
    CREATE TABLE event_months (
        month TEXT NOT NULL, event_type TEXT NOT NULL, modality TEXT NOT NULL, events INTEGER NOT NULL,
        fatalities INTEGER NOT NULL, PRIMARY KEY (month, event_type, modality)) WITHOUT ROWID;
    INSERT INTO event_months SELECT substr(day, 1, 7), event_type, modality, sum(events), sum(fatalities)
        FROM event_days GROUP BY 1, 2, 3;
    CREATE TABLE actor_months (
        actor_id TEXT NOT NULL, month TEXT NOT NULL, event_type TEXT NOT NULL, modality TEXT NOT NULL,
        events INTEGER NOT NULL, fatalities INTEGER NOT NULL,
        PRIMARY KEY (actor_id, month, event_type, modality)) WITHOUT ROWID;
    INSERT INTO actor_months SELECT actor_id, month, event_type, modality, count(*), sum(dead) FROM (
        SELECT actor1_id AS actor_id, substr(coalesce(event_date, ''), 1, 7) AS month, event_type, modality,
            CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END AS dead FROM events WHERE actor1_id IS NOT NULL
        UNION ALL SELECT actor2_id, substr(coalesce(event_date, ''), 1, 7), event_type, modality,
            CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END FROM events
            WHERE actor2_id IS NOT NULL AND actor2_id IS NOT actor1_id) GROUP BY 1, 2, 3, 4;
    CREATE INDEX events_actor_pair ON events(actor1_id, actor2_id, event_date, event_type, modality, fatalities,
                                             fatalities_aggregate) WHERE actor1_id <> actor2_id;
    CREATE TRIGGER month_totals_insert AFTER INSERT ON events BEGIN
    """ + _MONTHS_ADD.format(r="new") + """
    END;
    CREATE TRIGGER month_totals_delete AFTER DELETE ON events BEGIN
    """ + _MONTHS_TAKE.format(r="old") + """
    END;
    CREATE TRIGGER month_totals_update AFTER UPDATE OF event_date, event_type, modality, fatalities,
            fatalities_aggregate, actor1_id, actor2_id ON events BEGIN
    """ + _MONTHS_TAKE.format(r="old") + _MONTHS_ADD.format(r="new") + """
    END;
    """,
    # 20: place filters at a million events (issue 12). A place filter ("Benghazi") matches the events whose
    # location, admin1 or country contains it; the places seen (event_places: each (location, admin1, country) and
    # its events) are few, so the filter is matched against them, and then read: a page's events through the
    # location index (base.place_clause), counts and month timelines from running totals per place and month
    # (place_months), map cells from running totals per place and zoom-10 cell (place_cells), each place counted
    # once whichever of its names matched. Kept by triggers on every insert, delete and update of an event, filled
    # here from the stored events; missing names count as ''. Adds tables and triggers
    """
    CREATE TABLE event_places (
        location TEXT NOT NULL, admin1 TEXT NOT NULL, country TEXT NOT NULL, events INTEGER NOT NULL,
        PRIMARY KEY (location, admin1, country)) WITHOUT ROWID;
    INSERT INTO event_places SELECT coalesce(location, ''), coalesce(admin1, ''), coalesce(country, ''), count(*)
        FROM events GROUP BY 1, 2, 3;
    CREATE TABLE place_months (
        location TEXT NOT NULL, admin1 TEXT NOT NULL, country TEXT NOT NULL, month TEXT NOT NULL,
        event_type TEXT NOT NULL, modality TEXT NOT NULL, events INTEGER NOT NULL, fatalities INTEGER NOT NULL,
        PRIMARY KEY (location, admin1, country, month, event_type, modality)) WITHOUT ROWID;
    INSERT INTO place_months SELECT coalesce(location, ''), coalesce(admin1, ''), coalesce(country, ''),
        substr(coalesce(event_date, ''), 1, 7), event_type, modality, count(*),
        sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END) FROM events GROUP BY 1, 2, 3, 4, 5, 6;
    CREATE TABLE place_cells (
        location TEXT NOT NULL, admin1 TEXT NOT NULL, country TEXT NOT NULL, cx INTEGER NOT NULL, cy INTEGER NOT NULL,
        event_type TEXT NOT NULL, modality TEXT NOT NULL, events INTEGER NOT NULL, fatalities INTEGER NOT NULL,
        lon_sum REAL NOT NULL, lat_sum REAL NOT NULL, first_rid INTEGER,
        PRIMARY KEY (location, admin1, country, cx, cy, event_type, modality)) WITHOUT ROWID;
    INSERT INTO place_cells SELECT coalesce(location, ''), coalesce(admin1, ''), coalesce(country, ''),
        CAST((longitude + 180.0) / 0.087890625 AS INTEGER), CAST((latitude + 90.0) / 0.087890625 AS INTEGER),
        event_type, modality, count(*), sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END),
        sum(longitude), sum(latitude), min(rid)
        FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4, 5, 6, 7;
    CREATE TRIGGER place_totals_insert AFTER INSERT ON events BEGIN
    """ + _PLACES_ADD.format(r="new") + """
    END;
    CREATE TRIGGER place_totals_delete AFTER DELETE ON events BEGIN
    """ + _PLACES_TAKE.format(r="old") + """
    END;
    CREATE TRIGGER place_totals_update AFTER UPDATE OF location, admin1, country, event_date, event_type, modality,
            fatalities, fatalities_aggregate, longitude, latitude ON events BEGIN
    """ + _PLACES_TAKE.format(r="old") + _PLACES_ADD.format(r="new") + """
    END;
    """,
    # 21: a bbox filter's page counts its matches from one index (issue 12): the coordinates index of migration 4
    # with the modality (every dashboard request filters by it) instead of looking up each match's row; at 1,000,000
    # events the list of a 1x1 degree view took 40-650 ms (10,000 matches counted), 9-45 ms with this index.
    # Replaces events_lon_lat, a prefix of it
    """
    CREATE INDEX events_lon_lat_modality ON events(longitude, latitude, modality);
    DROP INDEX events_lon_lat;
    """,
    # 22: a place filter's page counts its matches from one index (issue 12): the place's names and the modality,
    # all the filter of migration 20 reads of a match, instead of looking up each match's row (a town's page at
    # 1,000,000 events: 100-140 ms, 30-50 ms with it). events_location stays: pages sorted by location walk it
    """
    CREATE INDEX events_place ON events(location, admin1, country, modality);
    """,
    # 23: a map of a few months at a million events (issue 12): running totals per (month, zoom-10 cell, type,
    # modality), kept by triggers on every insert, delete and update of an event and filled here from the stored
    # events. A map filtered by dates (besides type and modality) reads the whole months of its range here and only
    # the partial months at its edges from the events (Store._dated_cells): the map of Libya for one quarter read
    # 25,000-40,000 events from events_summary (40-150 ms at 1M), its months here are ~17,000 rows (6-9 ms). At
    # 1,000,000 synthetic events: 491,474 rows, ~5,600 a month. Undated events count under month ''. Adds a table and
    # triggers
    """
    CREATE TABLE cell_months (
        month TEXT NOT NULL, cx INTEGER NOT NULL, cy INTEGER NOT NULL, event_type TEXT NOT NULL, modality TEXT NOT NULL,
        events INTEGER NOT NULL, fatalities INTEGER NOT NULL, lon_sum REAL NOT NULL, lat_sum REAL NOT NULL,
        first_rid INTEGER, PRIMARY KEY (month, cx, cy, event_type, modality)) WITHOUT ROWID;
    INSERT INTO cell_months SELECT substr(coalesce(event_date, ''), 1, 7),
        CAST((longitude + 180.0) / 0.087890625 AS INTEGER), CAST((latitude + 90.0) / 0.087890625 AS INTEGER),
        event_type, modality, count(*), sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END),
        sum(longitude), sum(latitude), min(rid)
        FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4, 5;
    CREATE TRIGGER cell_months_insert AFTER INSERT ON events BEGIN
    """ + _CELL_MONTHS_ADD.format(r="new") + """
    END;
    CREATE TRIGGER cell_months_delete AFTER DELETE ON events BEGIN
    """ + _CELL_MONTHS_TAKE.format(r="old") + """
    END;
    CREATE TRIGGER cell_months_update AFTER UPDATE OF event_date, event_type, modality, fatalities,
            fatalities_aggregate, longitude, latitude ON events BEGIN
    """ + _CELL_MONTHS_TAKE.format(r="old") + _CELL_MONTHS_ADD.format(r="new") + """
    END;
    """,
    # 24: a full-text filter beside the dashboard's modalities at a million events (issue 12): the events' full-text
    # index holds each event's modality beside its notes, so the index alone tells the matches of a text and a set of
    # modalities (_text_match) instead of a lookup of every hit's modality (79,299 of 90,186 events matching
    # "airstrike" at 1M: their count 150-250 ms, 15-30 ms from the index). An update of the notes or the modality
    # (an analyst's correction) now re-indexes the event. Rebuilds the index from the events
    """
    DROP TRIGGER events_fts_insert;
    DROP TRIGGER events_fts_delete;
    DROP TABLE events_fts;
    CREATE VIRTUAL TABLE events_fts USING fts5(notes, modality, content='events', content_rowid='rid');
    INSERT INTO events_fts(events_fts) VALUES ('rebuild');
    CREATE TRIGGER events_fts_insert AFTER INSERT ON events BEGIN
        INSERT INTO events_fts(rowid, notes, modality) VALUES (new.rid, new.notes, new.modality); END;
    CREATE TRIGGER events_fts_delete AFTER DELETE ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, notes, modality) VALUES ('delete', old.rid, old.notes, old.modality);
    END;
    CREATE TRIGGER events_fts_update AFTER UPDATE OF notes, modality ON events BEGIN
        INSERT INTO events_fts(events_fts, rowid, notes, modality) VALUES ('delete', old.rid, old.notes, old.modality);
        INSERT INTO events_fts(rowid, notes, modality) VALUES (new.rid, new.notes, new.modality);
    END;
    """,
    # 25: a place's page newest (or oldest) first at a million events (issue 12): each matching location's events in
    # date order, with the type and modality a page tests beside a place, so that a page reads each location's newest
    # entries until it has offset + limit of them (SQLiteStore._place_walk, as PostgreSQL's schema 18) instead of
    # walking the date index and reading each event's row to test its place (a town's page at 1M: 1,700 rows read,
    # 0.5-1 s from a cold disk)
    """
    CREATE INDEX events_location_date ON events(location, event_date, event_type, modality);
    """,
    # 26: a map of a long date range at a million events (issue 12): running totals per (year, zoom-10 cell, type,
    # modality) beside the months of migration 23, kept by triggers, filled from them. A map filtered by dates reads
    # its whole years here, the whole months of its edge years there and the days of its edge months from the events
    # (Store._dated_cells): five years of northern Libya read 60 months of cell rows (132 ms at 1M, no faster than the
    # events), now five years' (155,373 rows for the ten years, ~15,500 a year). Adds a table and triggers
    """
    CREATE TABLE cell_years (
        year TEXT NOT NULL, cx INTEGER NOT NULL, cy INTEGER NOT NULL, event_type TEXT NOT NULL, modality TEXT NOT NULL,
        events INTEGER NOT NULL, fatalities INTEGER NOT NULL, lon_sum REAL NOT NULL, lat_sum REAL NOT NULL,
        first_rid INTEGER, PRIMARY KEY (year, cx, cy, event_type, modality)) WITHOUT ROWID;
    INSERT INTO cell_years SELECT substr(month, 1, 4), cx, cy, event_type, modality, sum(events), sum(fatalities),
        sum(lon_sum), sum(lat_sum), min(first_rid) FROM cell_months WHERE events > 0 GROUP BY 1, 2, 3, 4, 5;
    CREATE TRIGGER cell_years_insert AFTER INSERT ON events BEGIN
    """ + _CELL_YEARS_ADD.format(r="new") + """
    END;
    CREATE TRIGGER cell_years_delete AFTER DELETE ON events BEGIN
    """ + _CELL_YEARS_TAKE.format(r="old") + """
    END;
    CREATE TRIGGER cell_years_update AFTER UPDATE OF event_date, event_type, modality, fatalities,
            fatalities_aggregate, longitude, latitude ON events BEGIN
    """ + _CELL_YEARS_TAKE.format(r="old") + _CELL_YEARS_ADD.format(r="new") + """
    END;
    """,
    # 27: what kind of text a document is (model.GENRES): re-extraction reads a coder's note as a note again
    """
    ALTER TABLE documents ADD COLUMN genre TEXT NOT NULL DEFAULT 'report';
    """,
]
_CORRECTIONS_SCHEMA = 14  # the migration that adds event_anchors (event_corrections: 11)
_SORT_INDEXES = {"event_date": "events_date", "event_type": "events_type", "location": "events_location",
                 "fatalities": "events_fatalities", "confidence": "events_confidence"}
_GROUP_SQL = {"cell_x": "CAST((e.longitude + 180.0) / {cell!r} AS INTEGER)",
              "cell_y": "CAST((e.latitude + 90.0) / {cell!r} AS INTEGER)",
              "day": "e.event_date", "type": "e.event_type", "modality": "e.modality"}
_POSITIONS = ", sum(e.longitude), sum(e.latitude), min(e.rid)"  # map buckets: mean position, a lone event's row
_INDEXED_CELL = 0.087890625  # grid_cell(FINE_ZOOM): the cell of index events_cells (schema 5)
# a range of at most this many cell columns is read column by column (one index range per column of events_cells,
# each only over the rows in range): a wide, low strip of cells (a bbox's edge) then reads its own cells alone
_CELL_COLUMNS = 512
_SUMMARY_FILTERS = {"event_type", "modality", "since", "until", "bbox"}  # the columns of events_summary
_UNCOVERED = ("actor", "actor_ids", "text", "document_id", "place", "source", "sub_event_type")
_COUNT_TEXT = "SELECT count(*) FROM events_fts WHERE events_fts MATCH ?"
_COUNT_TEXT_UPTO = "SELECT count(*) FROM (SELECT 1 FROM events_fts WHERE events_fts MATCH ? LIMIT ?)"
# the places seen (migration 20) that a place filter matches: any of their names contains it
_WALKED_LOCATIONS = 100  # a place page reads at most this many locations one by one (SQLiteStore._place_walk)
_PLACES_MATCHING = ("SELECT location, admin1, country FROM event_places WHERE events > 0 "
                    "AND (location LIKE ? OR admin1 LIKE ? OR country LIKE ?)")



def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _enter_wal(con: sqlite3.Connection, patience_s: float = 30.0) -> None:
    """Switch ``con`` to write-ahead logging. Changing the journal mode takes an exclusive lock and SQLite
    answers "database is locked" at once, without its busy handler, while another connection opens the same
    new file; so the switch is retried (with growing pauses) for up to ``patience_s`` seconds."""
    deadline, pause = time.monotonic() + patience_s, 0.005
    while True:
        try:
            con.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) and "busy" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(pause)
            pause = min(pause * 2, 0.2)


class SQLiteStore(Store):
    _begin_sql = "BEGIN IMMEDIATE"  # a correction reads the event it changes under the write lock

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.url = str(self.path)
        if self.path.exists() and self.path.stat().st_size > 0 and not _is_sqlite(self.path):
            raise StoreError(f"{self.path} exists and is not a SQLite database; choose another --db path.")
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._con = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            self._con.row_factory = sqlite3.Row
            _enter_wal(self._con)
            self._con.execute("PRAGMA foreign_keys=ON")
            self._con.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Cannot open {self.path} as a Frontlines store: {exc}.") from exc

    # -- schema -------------------------------------------------------------------------
    def _migrate(self) -> None:
        """Bring the schema up to date. The version is read again under the write lock (BEGIN IMMEDIATE):
        concurrent first openers of a new store wait for the one migrating instead of migrating twice."""
        version = self.schema_version
        if version == len(MIGRATIONS):
            return
        if version > len(MIGRATIONS):
            raise MigrationError(f"{self.path} was written by a newer Frontlines (schema {version}); upgrade Frontlines.")
        number = version
        try:
            self._con.execute("BEGIN IMMEDIATE")
            version = number = self.schema_version  # another connection may have migrated meanwhile
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in _statements(script):
                    self._con.execute(statement)
                self._con.execute(f"PRAGMA user_version = {number}")
            self._con.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if self._con.in_transaction:
                self._con.execute("ROLLBACK")
            raise MigrationError(f"Migration {number} of {self.path} failed: {exc}") from exc

    @property
    def schema_version(self) -> int:
        return int(self._con.execute("PRAGMA user_version").fetchone()[0])

    # -- writing ---------------------------------------------------------------------------
    def add_document(self, doc: Document) -> IngestResult:
        digest = doc.content_hash
        try:
            if self.has_document(digest):
                return IngestResult(doc.id, added=False)
            self._con.execute("BEGIN IMMEDIATE")
            if self.has_document(digest):  # stored by another writer since the check above
                self._con.execute("ROLLBACK")
                return IngestResult(doc.id, added=False)
            stored = as_revision(doc, self._free_id(doc.id))
            self._insert_document(stored, digest)
            self._con.execute("COMMIT")
        except sqlite3.DatabaseError as exc:
            if self._con.in_transaction:
                self._con.execute("ROLLBACK")
            raise StoreError(f"Could not store document {doc.id!r}: {exc}. Nothing of it was kept.") from exc
        except BaseException:
            if self._con.in_transaction:
                self._con.execute("ROLLBACK")
            raise
        return IngestResult(stored.id, added=True, events=len(doc.events),
                            revision_of=doc.id if stored.id != doc.id else None)

    def _free_id(self, doc_id: str) -> str:
        """``doc_id``, or the first free revision id when another text holds it (never a replacement)."""
        taken = "SELECT 1 FROM documents WHERE id = ?"
        if self._con.execute(taken, (doc_id,)).fetchone() is None:
            return doc_id
        return next(i for i in revision_ids(doc_id) if self._con.execute(taken, (i,)).fetchone() is None)

    def _insert_document(self, doc: Document, digest: str) -> None:
        con = self._con
        con.execute(
            "INSERT INTO documents (id, content_hash, title, published, source, url, format, text, blocks, stages, meta, "
            "ingested_at, genre) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, digest, doc.title, doc.published.isoformat() if doc.published else None, doc.source, doc.url,
             doc.format, doc.text, _json([b.to_dict() for b in doc.blocks]), _json(doc.stages), _json(doc.meta),
             datetime.now(UTC).isoformat(timespec="seconds"), doc.genre),
        )
        cur = con.execute("INSERT INTO documents_fts_map(id) VALUES (?)", (doc.id,))
        con.execute("INSERT INTO documents_fts(rowid, title, text) VALUES (?,?,?)", (cur.lastrowid, doc.title or "", doc.text))
        self._insert_parts(doc)
        self._insert_events(doc.events, doc.id)

    def _insert_parts(self, doc: Document) -> None:
        con = self._con
        con.executemany(
            'INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?)',
            [(doc.id, i, m.kind, m.text, m.start, m.end, m.canonical, m.id, m.stage, m.reason, _json(m.to_dict()))
             for i, m in enumerate(doc.mentions)],
        )
        con.executemany(
            'INSERT INTO statements VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
            [(doc.id, i, s.start, s.end, s.voice, s.stance, s.source, s.speaker, s.block, s.stage, s.reason, s.text)
             for i, s in enumerate(doc.statements)],
        )

    def _replace_parts(self, doc: Document) -> None:
        for table in ("mentions", "statements"):
            self._con.execute(f"DELETE FROM {table} WHERE document_id = ?", (doc.id,))
        self._con.execute("UPDATE documents SET blocks = ?, stages = ? WHERE id = ?",
                          (_json([b.to_dict() for b in doc.blocks]), _json(doc.stages), doc.id))
        self._insert_parts(doc)

    def _insert_events(self, events: Iterable[Event], document_id: str | None = None) -> int:
        cols = ["event_id", *_EVENT_FIELDS, "evidence_start", "evidence_end"]
        sql = f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        events = list(events)
        known: set[str] = set()
        if document_id is None:  # bulk load: keep links only to documents that are stored
            ids = list({ev.document_id for ev in events if ev.document_id})
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                known.update(r[0] for r in self._con.execute(
                    f"SELECT id FROM documents WHERE id IN ({', '.join('?' * len(chunk))})", chunk))
        rows = [event_values(ev, document_id, known) for ev in events]
        self._con.executemany(sql, rows)
        if self.schema_version >= _CORRECTIONS_SCHEMA:  # an analyst's correction outlives re-extraction
            self.reapply_corrections([ev.event_id for ev in events])
        return len(rows)

    def _write_events(self, events: list[Event], document_id: str) -> int:
        return self._insert_events(events, document_id)

    def _bulk(self, batch: list[Event]) -> int:
        try:
            self._con.execute("BEGIN IMMEDIATE")
            n = self._insert_events(batch, None)
            self._con.execute("COMMIT")
            return n
        except sqlite3.DatabaseError as exc:
            self._con.execute("ROLLBACK")
            raise StoreError(f"Bulk load failed, batch rolled back: {exc}") from exc

    # -- reading ---------------------------------------------------------------------------
    def has_document(self, content_hash: str) -> bool:
        return self._con.execute("SELECT 1 FROM documents WHERE content_hash = ?", (content_hash,)).fetchone() is not None

    def get_document(self, document_id: str) -> Document:
        row = self._con.execute("SELECT * FROM documents WHERE id = ?", (document_id,)).fetchone()
        if row is None:
            raise StoreNotFoundError(f"No document {document_id!r} in {self.url}.")
        doc = Document(
            id=row["id"], text=row["text"], title=row["title"],
            published=date.fromisoformat(row["published"]) if row["published"] else None, source=row["source"],
            url=row["url"], format=row["format"], genre=row["genre"], blocks=[Block(**b) for b in json.loads(row["blocks"])],
            stages=json.loads(row["stages"]), meta=json.loads(row["meta"]),
        )
        doc.mentions = [Mention.from_dict(json.loads(r["data"])) for r in
                        self._con.execute("SELECT data FROM mentions WHERE document_id = ? ORDER BY idx", (document_id,))]
        doc.statements = [
            Statement(text=r["text"], start=r["start"], end=r["end"], voice=r["voice"], stance=r["stance"],
                      source=r["source"], speaker=r["speaker"], block=r["block"], stage=r["stage"], reason=r["reason"])
            for r in self._con.execute("SELECT * FROM statements WHERE document_id = ? ORDER BY idx", (document_id,))
        ]
        doc.events = [_event(r) for r in self._con.execute(
            "SELECT * FROM events WHERE document_id = ? ORDER BY evidence_start, rid", (document_id,))]
        return doc

    def search_documents(self, query: DocumentQuery) -> Page:
        where, params = [], []
        if query.q:
            where.append("d.id IN (SELECT m.id FROM documents_fts f JOIN documents_fts_map m ON m.rowid = f.rowid "
                         "WHERE documents_fts MATCH ?)")
            params.append(_fts_query(query.q))
        if query.source:
            where.append("d.source LIKE ?")
            params.append(f"%{query.source}%")
        if query.since:
            where.append("d.published >= ?")
            params.append(query.since)
        if query.until:
            where.append("d.published <= ?")
            params.append(query.until)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        total = self._con.execute(f"SELECT count(*) FROM documents d {clause}", params).fetchone()[0]
        rows = self._con.execute(
            f"SELECT d.id, d.title, d.published, d.source, d.url, substr(d.text, 1, 240) AS snippet, "
            f"(SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events "
            f"FROM documents d {clause} ORDER BY d.published DESC, d.id LIMIT ? OFFSET ?",
            [*params, query.limit, query.offset],
        ).fetchall()
        return Page([dict(r) for r in rows], total, query.limit, query.offset)

    def _event_where(self, q: EventQuery) -> tuple[str, list[Any]]:
        where: list[str] = []
        params: list[Any] = []
        if q.actor or q.actor_ids:
            ids = list(dict.fromkeys([*q.actor_ids, *([q.actor] if q.actor else [])]))
            marks = ", ".join("?" * len(ids))
            alternatives = [f"e.actor1_id IN ({marks})", f"e.actor2_id IN ({marks})"]
            params += ids + ids
            if q.actor:
                alternatives += ["e.actor1 LIKE ?", "e.actor2 LIKE ?"]
                params += [f"%{q.actor}%", f"%{q.actor}%"]
            where.append(f"({' OR '.join(alternatives)})")
        if q.place:  # the places seen that match, then their events through the location index (migration 20)
            where.append(f"(e.location IN (SELECT location FROM ({_PLACES_MATCHING})) AND (e.location LIKE ? OR "
                         "e.admin1 LIKE ? OR e.country LIKE ?) OR e.location IS NULL AND (e.admin1 LIKE ? OR "
                         "e.country LIKE ?))")
            params += [f"%{q.place}%"] * 8
        for field_name, value in (("event_type", q.event_type), ("sub_event_type", q.sub_event_type)):
            if value:  # beside a place, tested on the place's events, never read through a type index (a type is a
                # sixth of the rows or more; SQLite chose it and read them all: 0.8-1.6 s a page at 1M)
                where.append(f"{'+' if q.place else ''}e.{field_name} = ? COLLATE NOCASE")
                params.append(value)
        if q.modality:  # beside a filter with its own index, never through the modality index (nearly every row;
            # SQLite has no statistics to weigh them, and chose it for place and bbox filters: 0.2-1 s at 1M)
            values = [v.strip() for v in q.modality.split(",") if v.strip()]
            selective = q.place or q.bbox or q.actor or q.actor_ids or q.document_id
            where.append(f"{'+' if selective else ''}e.modality IN ({', '.join('?' * len(values))})")
            params += values
        if q.source:
            where.append("e.source LIKE ?")
            params.append(f"%{q.source}%")
        if q.since:
            where.append("e.event_date >= ?")
            params.append(q.since)
        if q.until:
            where.append("e.event_date <= ?")
            params.append(q.until)
        if q.document_id:
            where.append("e.document_id = ?")
            params.append(q.document_id)
        if q.bbox:  # exact on the stored coordinates, edges included (index events_lon_lat_modality)
            min_lon, min_lat, max_lon, max_lat = q.bbox
            where.append("e.longitude BETWEEN ? AND ? AND e.latitude BETWEEN ? AND ?")
            params += [min_lon, max_lon, min_lat, max_lat]
        if q.text:
            where.append("e.rid IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
            params.append(_text_match(q.text, None))  # the modality on the row: a list of every hit is built
        if q.count == "clusters":
            where.append(distinct_clause(where, "events o INDEXED BY events_cluster"))
            params += list(params)  # the same filters again, on the other report
        return (f"WHERE {' AND '.join(where)}" if where else ""), params

    def search_events(self, query: EventQuery) -> Page:
        clause, params = self._event_where(query)
        order = _order(query.sort)
        total, exact = self._count_events(query, clause, params)
        # the page's row ids first, then their rows: the ids are sorted from a covering index when the filters and the
        # order are in one (a type and dates: events_type_modality), so only the page's rows are read, not every match
        walk = self._place_walk(query) if total else None
        if walk is None:
            hint = self._index_hint(query, total, exact)
            walk = (f"SELECT e.rid FROM events e {hint} {clause} ORDER BY {order} LIMIT ? OFFSET ?",
                    [*params, query.limit, query.offset])
        rows = self._con.execute(f"SELECT e.* FROM events e WHERE e.rid IN ({walk[0]}) ORDER BY {order}",
                                 walk[1]).fetchall()
        return Page([_event(r) for r in rows], total, query.limit, query.offset, total_exact=exact)

    def _place_walk(self, q: EventQuery) -> tuple[str, list[Any]] | None:
        """The row ids of a place's page by date (migration 25): each matching location's events read in date order
        from ``events_location_date`` and those with no location (matched by admin1 or country), each stopping after
        offset + limit rows, merged and cut, as PostgreSQL's ``pgsql.place_page``. A location whose every place
        matches is read with no name test (none of its rows read). None for other pages, or a place matching more than
        ``_WALKED_LOCATIONS`` locations."""
        if not q.place or q.count != "reports" or q.sort.lstrip("-") != "event_date":
            return None
        like = f"%{q.place}%"
        found = self._con.execute(
            "SELECT location, min(location LIKE ? OR admin1 LIKE ? OR country LIKE ?) FROM event_places "
            f"WHERE events > 0 AND location IN (SELECT location FROM ({_PLACES_MATCHING})) GROUP BY location",
            [like] * 6).fetchall()
        if not found or len(found) > _WALKED_LOCATIONS:
            return None
        rest, rest_params = self._event_where(dataclasses.replace(q, place=None))
        also = f" AND {rest.removeprefix('WHERE ')}" if rest else ""
        order, n = _order(q.sort), q.offset + q.limit
        branches, params = [], []
        for location, whole in found:  # '' stands for no location too: those events are matched by admin1 or country
            names = "" if whole else " AND (e.location LIKE ? OR e.admin1 LIKE ? OR e.country LIKE ?)"
            branches.append(f"e.location = ?{names}")
            params += [location, *([] if whole else [like] * 3), *rest_params, n]
            if location == "":
                branches.append("e.location IS NULL AND (e.admin1 LIKE ? OR e.country LIKE ?)")
                params += [like, like, *rest_params, n]
        union = " UNION ALL ".join(
            f"SELECT * FROM (SELECT e.rid, e.event_date FROM events e INDEXED BY events_location_date WHERE {b}{also} "
            f"ORDER BY {order} LIMIT ?)" for b in branches)
        return f"SELECT e.rid FROM ({union}) AS e ORDER BY {order} LIMIT ? OFFSET ?", [*params, q.limit, q.offset]

    def _count_events(self, q: EventQuery, clause: str, params: list[Any]) -> tuple[int, bool]:
        """Matches (at most ``q.total_limit`` when filtered); a full-text filter alone or beside modalities counts in
        its index (migration 24)."""
        active = [name for name in QUERY_FILTERS if getattr(q, name)]
        if q.text and set(active) <= {"text", "modality"} and not q.actor_ids and q.count == "reports":
            match = _text_match(q.text, q.modality)
            if q.total_limit is None:
                return self._con.execute(_COUNT_TEXT, [match]).fetchone()[0], True
            n = self._con.execute(_COUNT_TEXT_UPTO, [match, q.total_limit + 1]).fetchone()[0]
            return min(n, q.total_limit), n <= q.total_limit
        if q.total_limit is not None and clause:
            n = self._con.execute(f"SELECT count(*) FROM (SELECT 1 FROM events e {clause} LIMIT ?)",
                                  [*params, q.total_limit + 1]).fetchone()[0]
            return min(n, q.total_limit), n <= q.total_limit
        return self._con.execute(f"SELECT count(*) FROM events e {clause}", params).fetchone()[0], True

    def _index_hint(self, q: EventQuery, matches: int, exact: bool) -> str:
        """Walk the sort column's index and filter, rather than sort every match, when that reads
        fewer rows: (offset + limit) / share-of-rows-matching < matches. SQLite cannot weigh this. By date, a page
        filtered by no more than type, modality, dates and a bbox walks ``events_summary`` (schema 5: date, type,
        modality and coordinates) and reads no row to test them: at 1,000,000 events the newest 50 of a 1x1 degree
        view 7.1 -> 0.6 ms, from a cold disk 124 -> 2 ms."""
        index = _SORT_INDEXES.get(q.sort.lstrip("-"))
        if index is None or not matches:
            return ""
        if index == "events_date" and q.count == "reports" and not q.actor_ids and {
                name for name in QUERY_FILTERS if getattr(q, name)} <= _SUMMARY_FILTERS:
            index = "events_summary"
        if not exact:  # more than total_limit match
            return f"INDEXED BY {index}"
        rows = self._con.execute("SELECT coalesce(max(rid), 0) FROM events").fetchone()[0]
        return f"INDEXED BY {index}" if (q.offset + q.limit) * rows < matches * matches else ""

    def iter_events(self, query: EventQuery, batch_size: int = 5_000) -> Iterator[Event]:
        clause, params = self._event_where(query)
        cur = self._con.execute(f"SELECT e.* FROM events e {clause} ORDER BY {_order(query.sort)}", params)
        while rows := cur.fetchmany(batch_size):
            yield from (_event(r) for r in rows)

    # -- aggregates ------------------------------------------------------------------------------
    def _count(self, table: str) -> int:
        return int(self._con.execute(f"SELECT count(*) FROM {'events' if table == 'events' else 'documents'}")
                   .fetchone()[0])

    def _grouped_rows(self, query: EventQuery, keys: tuple[str, ...], cell: float, positions: bool,
                      view: Bbox | None, apart: bool = False) -> list[tuple[Any, ...]]:
        """``_grouped`` from the event rows; ``apart``: only the reports of ``_distinct_rollup``'s second part."""
        clause, params = self._event_where(query)
        extra: list[str] = ["e.represents = 0 AND e.represents_day = 1"] if apart else []
        if "cell_x" in keys:
            extra.append("e.latitude IS NOT NULL AND e.longitude IS NOT NULL")
            ranges = [cell_range(b, cell) for b in (query.bbox, view) if b]
            if ranges:  # as ranges of cells: events_cells reads only those, column by column when they are few
                x0, x1 = max(r[0] for r in ranges), min(r[1] for r in ranges)
                y0, y1 = max(r[2] for r in ranges), min(r[3] for r in ranges)
                x_cell, y_cell = (_GROUP_SQL[k].format(cell=float(cell)) for k in ("cell_x", "cell_y"))
                columns = (f"IN ({', '.join(str(x) for x in range(x0, x1 + 1))})" if 0 <= x1 - x0 < _CELL_COLUMNS
                           else f"BETWEEN {x0} AND {x1}")  # computed integers, never user text
                extra.append(f"{x_cell} {columns} AND {y_cell} BETWEEN ? AND ?")
                params += [y0, y1]
        if extra:
            clause = f"{clause} AND {' AND '.join(extra)}" if clause else f"WHERE {' AND '.join(extra)}"
        columns = ", ".join(_GROUP_SQL[k].format(cell=float(cell)) for k in keys)
        hint = "INDEXED BY events_apart" if apart else self._aggregate_hint(query, keys, cell)
        sql = (f"SELECT {columns}, count(*), sum(CASE WHEN e.fatalities_aggregate THEN 0 ELSE e.fatalities END)"
               f"{_POSITIONS if positions else ''} FROM events e {hint} "
               f"{clause} GROUP BY {', '.join(str(i + 1) for i in range(len(keys)))}")
        return [tuple(r) for r in self._con.execute(sql, params)]

    def _from_rollup(self, q: EventQuery, keys: tuple[str, ...], cell: float, view: Bbox | None,
                     table: str = "event") -> list[tuple[Any, ...]] | None:
        """The grouped rows from the running totals of schema 6 (``table`` "distinct": those of the representatives
        alone, schema 18) when the query's filters are only type and modality (and dates, for days; and a place, for
        map cells of every report: schema 20); None when they cannot answer it."""
        active = {name for name in QUERY_FILTERS if getattr(q, name)} | ({"actor"} if q.actor_ids else set())
        where: list[str] = ["events > 0"]
        params: list[Any] = []
        if q.event_type:
            where.append("event_type = ? COLLATE NOCASE")
            params.append(q.event_type)
        if q.modality:
            values = [v.strip() for v in q.modality.split(",") if v.strip()]
            where.append(f"modality IN ({', '.join('?' * len(values))})")
            params += values
        if keys == ("day", "type") and active <= {"event_type", "modality", "since", "until"}:
            if q.since:
                where.append("day >= ?")
                params.append(q.since)
            if q.until:
                where.append("day <= ? AND day != ''")
                params.append(q.until)
            sql = (f"SELECT nullif(day, ''), event_type, sum(events), sum(fatalities) FROM {table}_days "
                   f"WHERE {' AND '.join(where)} GROUP BY day, event_type")
        elif (keys == ("cell_x", "cell_y", "type") and cell == _INDEXED_CELL
              and (active <= {"event_type", "modality"} or table == "event" and active - {"place"} <= {"event_type",
                                                                                                   "modality"})):
            if view:
                where.append("cx BETWEEN ? AND ? AND cy BETWEEN ? AND ?")
                params += cell_range(view, cell)
            if q.place:  # each place seen that matches, once (migration 20)
                where.append(f"(location, admin1, country) IN ({_PLACES_MATCHING})")
                params += [f"%{q.place}%"] * 3
                table = "place"
            sql = ("SELECT cx, cy, event_type, sum(events), sum(fatalities), sum(lon_sum), sum(lat_sum), "
                   f"min(first_rid) FROM {table}_cells WHERE {' AND '.join(where)} GROUP BY cx, cy, event_type")
        else:
            return None
        return [tuple(r) for r in self._con.execute(sql, params)]

    def _month_totals(self, q: EventQuery, first: str | None, last: str | None) -> list[tuple[Any, ...]] | None:
        """Whole months from the running totals of migration 19: ``event_months`` when the filters are type and
        modality; ``actor_months`` of the query's actor ids besides, less the events between two of them (each
        counted under both: found by ``events_actor_pair``)."""
        if not month_totals_answer(q):
            return None
        kinds, kind_params = _kind_clauses(q, "")
        where, params = ["events > 0", *kinds], list(kind_params)
        if first:
            where.append("month >= ?")
            params.append(first)
        if last:
            where.append("month <= ? AND month != ''")
            params.append(last)
        if q.place:  # each place seen that matches, once
            where.append(f"(location, admin1, country) IN ({_PLACES_MATCHING})")
            params += [f"%{q.place}%"] * 3
        if not q.actor_ids:
            return [tuple(r) for r in self._con.execute(
                f"SELECT nullif(month, ''), event_type, sum(events), sum(fatalities) FROM "
                f"{'place' if q.place else 'event'}_months WHERE {' AND '.join(where)} GROUP BY month, event_type",
                params)]
        ids = list(dict.fromkeys(q.actor_ids))
        marks = ", ".join("?" * len(ids))
        rows = [tuple(r) for r in self._con.execute(
            "SELECT nullif(month, ''), event_type, sum(events), sum(fatalities) FROM actor_months "
            f"WHERE actor_id IN ({marks}) AND {' AND '.join(where)} GROUP BY month, event_type", [*ids, *params])]
        if len(ids) == 1:
            return rows
        both, both_params = _kind_clauses(q, "e.")
        if first:
            both.append("e.event_date >= ?")
            both_params.append(first + "-01")
        if last:
            both.append("e.event_date <= ?")
            both_params.append(last + "-31")  # every day of the month sorts before it
        between = self._con.execute(
            "SELECT nullif(substr(coalesce(e.event_date, ''), 1, 7), ''), e.event_type, -count(*), "
            "-sum(CASE WHEN e.fatalities_aggregate THEN 0 ELSE e.fatalities END) FROM events e "
            f"INDEXED BY events_actor_pair WHERE e.actor1_id IN ({marks}) AND e.actor2_id IN ({marks}) "
            f"AND e.actor1_id <> e.actor2_id{''.join(' AND ' + w for w in both)} GROUP BY 1, 2",
            [*ids, *ids, *both_params]).fetchall()
        return [r for r in add_groups(rows, [tuple(r) for r in between], 2) if r[2]]

    def _dated_cells(self, q: EventQuery, keys: tuple[str, ...], cell: float,
                     view: Bbox | None) -> list[tuple[Any, ...]] | None:
        """``Store._dated_cells``; a range that holds every dated event (a brush over the whole span, "since 2011")
        reads the all-time cell totals less the undated events' (month '' of migration 23), not every year's."""
        if dated_cells_answer(q, keys, cell):
            row = self._con.execute("SELECT (SELECT min(event_date) FROM events), (SELECT max(event_date) FROM events)"
                                    ).fetchone()  # one aggregate per subquery: each is one index lookup
            if row[0] is not None and (q.since or "") <= row[0] and row[1] <= (q.until or row[1]):
                every = self._from_rollup(dataclasses.replace(q, since=None, until=None), keys, cell, view)
                if every is not None:
                    return self._less_undated(q, every, view)
        return super()._dated_cells(q, keys, cell, view)

    def _less_undated(self, q: EventQuery, rows: list[tuple[Any, ...]], view: Bbox | None) -> list[tuple[Any, ...]]:
        """All-time map cells ``rows`` less the undated events of ``q``'s type and modality (exact: a cell whose first
        event is undated finds its first dated one in the cell index)."""
        where, params = _kind_clauses(q, "")
        if view:
            where.append("cx BETWEEN ? AND ? AND cy BETWEEN ? AND ?")
            params += cell_range(view, _INDEXED_CELL)
        undated = {tuple(r[:3]): tuple(r) for r in self._con.execute(
            "SELECT cx, cy, event_type, sum(events), sum(fatalities), sum(lon_sum), sum(lat_sum), min(first_rid) "
            f"FROM cell_months WHERE month = '' AND events > 0{''.join(' AND ' + w for w in where)} "
            "GROUP BY cx, cy, event_type", params)}
        if not undated:
            return rows
        kinds, kind_params = _kind_clauses(q, "e.")
        out = []
        for r in rows:
            less = undated.get(r[:3])
            if less is None:
                out.append(r)
                continue
            if r[3] == less[3]:  # every event of the cell undated
                continue
            first = r[7]
            if first == less[7]:
                first = self._con.execute(
                    "SELECT min(e.rid) FROM events e INDEXED BY events_cells WHERE "
                    "CAST((e.longitude + 180.0) / 0.087890625 AS INTEGER) = ? AND "
                    "CAST((e.latitude + 90.0) / 0.087890625 AS INTEGER) = ? AND e.event_type = ? AND "
                    f"e.event_date IS NOT NULL{''.join(' AND ' + k for k in kinds)}",
                    [r[0], r[1], r[2], *kind_params]).fetchone()[0]
            out.append((*r[:3], r[3] - less[3], r[4] - less[4], r[5] - less[5], r[6] - less[6], first))
        return out

    def _cell_totals(self, q: EventQuery, unit: str, first: str | None, last: str | None,
                     view: Bbox | None) -> list[tuple[Any, ...]] | None:
        """The whole months' or years' map cells from the running totals of migration 23 (``cell_months``) or 26
        (``cell_years``)."""
        column = {"month": "month", "year": "year"}[unit]
        where, params = _kind_clauses(q, "")
        where.append("events > 0")
        if first:
            where.append(f"{column} >= ?")
            params.append(first)
        if last:
            where.append(f"{column} <= ? AND {column} != ''")
            params.append(last)
        if view:
            where.append("cx BETWEEN ? AND ? AND cy BETWEEN ? AND ?")
            params += cell_range(view, _INDEXED_CELL)
        return [tuple(r) for r in self._con.execute(
            "SELECT cx, cy, event_type, sum(events), sum(fatalities), sum(lon_sum), sum(lat_sum), min(first_rid) "
            f"FROM cell_{column}s WHERE {' AND '.join(where)} GROUP BY cx, cy, event_type", params)]

    def _aggregate_hint(self, q: EventQuery, keys: tuple[str, ...], cell: float) -> str:
        """The covering index of schema 5 to read. Grouped by day: ``events_summary``, in its order. Grouped by
        the indexed map cell: ``events_cells`` in its order, unless the dates leave under a fifth of the stored
        span (then the few matches are read by date and sorted). SQLite, without statistics, would pick the
        modality index and look up nearly every row. Filters these indexes lack use their own indexes."""
        if any(getattr(q, name) for name in _UNCOVERED):
            return ""
        if "cell_x" not in keys:
            return "INDEXED BY events_summary"
        if q.since or q.until:
            row = self._con.execute("SELECT (SELECT min(event_date) FROM events), (SELECT max(event_date) FROM events)"
                                    ).fetchone()  # one aggregate per subquery: each is one index lookup
            if row[0] is not None:
                first, last = date.fromisoformat(row[0]).toordinal(), date.fromisoformat(row[1]).toordinal()
                since = date.fromisoformat(q.since).toordinal() if q.since else first
                until = date.fromisoformat(q.until).toordinal() if q.until else last
                if _share(since, until, first, last) < 0.2:
                    return "INDEXED BY events_summary"
        return "INDEXED BY events_cells" if cell == _INDEXED_CELL else ""

    def _events_by_rid(self, rids: list[int]) -> dict[int, Event]:
        rows = self._con.execute(f"SELECT * FROM events WHERE rid IN ({', '.join('?' * len(rids))})", rids)
        return {r["rid"]: _event(r) for r in rows}

    def get_event(self, event_id: str) -> Event:
        row = self._con.execute("SELECT * FROM events WHERE event_id = ?", (event_id,)).fetchone()
        if row is None:
            raise StoreNotFoundError(f"No event {event_id!r} in {self.url}.")
        return _event(row)

    def actors(self, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        sql = """
            SELECT id, name, count(*) AS events, min(event_date) AS first_date, max(event_date) AS last_date FROM (
              SELECT actor1_id AS id, actor1 AS name, event_date FROM events WHERE actor1_id IS NOT NULL
              UNION ALL SELECT actor2_id, actor2, event_date FROM events WHERE actor2_id IS NOT NULL)
            WHERE (? IS NULL OR name LIKE ? OR id = ?) GROUP BY id ORDER BY events DESC, id LIMIT ?"""
        rows = self._con.execute(sql, (q, f"%{q}%", q, limit)).fetchall()
        return [dict(r) for r in rows]

    def places(self, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        rows = self._con.execute(
            """SELECT location, country, admin1, avg(latitude) AS latitude, avg(longitude) AS longitude,
                      count(*) AS events, sum(fatalities) AS fatalities
               FROM events WHERE location IS NOT NULL AND (? IS NULL OR location LIKE ? OR country LIKE ?)
               GROUP BY location, country ORDER BY events DESC, location LIMIT ?""",
            (q, f"%{q}%", f"%{q}%", limit)).fetchall()
        return [dict(r) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = self._con.execute
        return {
            "documents": one("SELECT count(*) FROM documents").fetchone()[0],
            "events": one("SELECT count(*) FROM events").fetchone()[0],
            "fatalities": one("SELECT coalesce(sum(fatalities), 0) FROM events WHERE modality = 'asserted' AND NOT coalesce(fatalities_aggregate, 0)").fetchone()[0],
            "first_date": one("SELECT min(event_date) FROM events").fetchone()[0],
            "last_date": one("SELECT max(event_date) FROM events").fetchone()[0],
            "by_type": dict(one("SELECT event_type, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "by_modality": dict(one("SELECT modality, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC").fetchall()),
            "by_month": dict(one("SELECT substr(event_date, 1, 7), count(*) FROM events WHERE event_date IS NOT NULL "
                                 "GROUP BY 1 ORDER BY 1").fetchall()),
        }

    def _feed_sql(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        values = [v.isoformat() if isinstance(v, datetime) else v for v in params]
        try:
            return [dict(r) for r in self._con.execute(sql, values).fetchall()]
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"Reading or writing the feeds of {self.path} failed: {exc}.") from exc

    def close(self) -> None:
        self._con.close()


def _statements(script: str) -> list[str]:
    """Split a migration script on statement boundaries (triggers keep their inner semicolons)."""
    out, buf = [], ""
    for line in script.strip().splitlines():
        buf += line + "\n"
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


def _kind_clauses(q: EventQuery, prefix: str) -> tuple[list[str], list[Any]]:
    """The type and modality filters of ``q`` on columns ``{prefix}event_type`` and ``{prefix}modality``."""
    where: list[str] = []
    params: list[Any] = []
    if q.event_type:
        where.append(f"{prefix}event_type = ? COLLATE NOCASE")
        params.append(q.event_type)
    if q.modality:
        values = [v.strip() for v in q.modality.split(",") if v.strip()]
        where.append(f"{prefix}modality IN ({', '.join('?' * len(values))})")
        params += values
    return where, params


def _share(low: float, high: float, first: float, last: float) -> float:
    """The share of [first, last] that [low, high] covers (1 for a single point covered)."""
    if last <= first:
        return 1.0 if low <= first <= high else 0.0
    return max(0.0, min(high, last) - max(low, first)) / (last - first)


def _is_sqlite(path: Path) -> bool:
    with path.open("rb") as fh:
        return fh.read(16) == b"SQLite format 3\x00"


def _order(sort: str) -> str:
    desc = sort.startswith("-")
    name = sort.lstrip("-")
    if name not in SORTABLE_EVENT_FIELDS:
        from frontlines.errors import InvalidParameterError

        raise InvalidParameterError(f"Cannot sort by {name!r}; use one of {', '.join(SORTABLE_EVENT_FIELDS)} (prefix - to reverse).")
    return f"e.{name} {'DESC' if desc else 'ASC'}, e.rid"


def _text_match(text: str, modality: str | None) -> str:
    """An events' full-text query (migration 24): the user's terms (``_fts_query``) in the notes and, with a modality
    filter, the modalities kept, as a list of them or, when no longer, NOT those left out (at 1M events, "airstrike"
    beside the dashboard's three modalities: 15 ms to count with NOT the other three, 21-31 ms with the three)."""
    query = f"notes : ({_fts_query(text)})"
    kept = {v.strip() for v in modality.split(",") if v.strip()} if modality else set(MODALITIES)
    shown = [m for m in MODALITIES if m in kept]
    left = [m for m in MODALITIES if m not in kept]
    if not left:
        return query
    if not shown:  # no modality an event can have: nothing matches
        return '""'
    if len(left) <= len(shown):  # the modalities left out of the dashboard's view are the rarer ones
        return f"{query} NOT modality : ({' OR '.join(left)})"
    return f"{query} AND modality : ({' OR '.join(shown)})"


def _fts_query(text: str) -> str:
    """User text as an FTS5 query of quoted terms (no syntax errors from user punctuation)."""
    terms = [t.replace('"', "") for t in text.replace("\x00", " ").split() if t.strip('"')]
    return " ".join(f'"{t}"' for t in terms) or '""'




_ROW_FIELDS = frozenset(["event_id", *_EVENT_FIELDS])


def _event(row: sqlite3.Row) -> Event:
    data = {k: row[k] for k in row.keys() if k in _ROW_FIELDS}
    for name in _BOOL_FIELDS:
        data[name] = bool(data.get(name))
    data["evidence"] = {"start": row["evidence_start"] or 0, "end": row["evidence_end"] or 0}
    return Event(**data)
