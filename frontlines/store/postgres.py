"""The shared-server store: PostgreSQL 15+ with PostGIS, the same behaviour as ``SQLiteStore``.

Ordered migrations (``store/migrations/postgres-NNNN-*.sql``) are recorded in ``frontlines_schema``;
events carry a PostGIS ``geometry(Point, 4326)`` (GiST index, used by bbox filters) and tsvector
columns with GIN indexes for document and event-notes full text (``plainto_tsquery``, so user
punctuation never breaks a query). One transaction per document, so an interrupted ingest loses
nothing already committed; ``bulk_load_events`` uses ``COPY``. Passwords come from the URL or the
libpq environment (``PGPASSWORD``, ``~/.pgpass``), never from settings; messages show the URL without it.
"""

from __future__ import annotations

import itertools
import os
import re
import threading
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from importlib import resources
from typing import Any, TypeVar

import psycopg
from psycopg import errors as pg_errors
from psycopg.pq import TransactionStatus
from psycopg.rows import dict_row, tuple_row

from frontlines.errors import ConfigurationError, MigrationError, StoreError, StoreNotFoundError
from frontlines.model import Document, Event, Mention
from frontlines.store.base import (
    QUERY_FILTERS,
    month_totals_answer,
    Bbox,
    DocumentQuery,
    EventQuery,
    IngestResult,
    Page,
    Store,
    add_groups,
    as_revision,
    cell_range,
    revision_ids,
)
from frontlines.store.pgsql import (
    GROUP_SQL,
    PLACES_MATCHING,
    INSERT_DOCUMENT,
    INSERT_MENTION,
    INSERT_STATEMENT,
    SELECT_EVENTS,
    WRITE_COLS,
    Where,
    clean,
    document_from_row,
    document_row,
    event_from_row,
    event_row,
    event_where,
    iso,
    iso_date,
    jsonb,
    mention_rows,
    order_by,
    place_page,
    reason,
    redact_url,
    statement_from_row,
    statement_rows,
)
from frontlines.store.urls import libpq_url

__all__ = ["MIGRATIONS", "PostgresStore", "redact_url"]

_POSITIONS = ", sum(e.longitude), sum(e.latitude), min(e.rid)"  # map buckets: mean position, a lone event's row
_INDEXED_CELL = 0.087890625  # grid_cell(FINE_ZOOM): the cell of the running totals (schema 3)
_SLACK = 1e-5  # degrees around a range of cells searched in the map index (float4 boxes); the cells are exact

_MIGRATION_LOCK = 7_310_415  # pg_advisory_xact_lock key: one migrator at a time
_cursor_names = itertools.count(1)


def _load_migrations() -> list[tuple[str, str]]:
    folder = resources.files("frontlines.store") / "migrations"
    files = sorted(p.name for p in folder.iterdir() if re.fullmatch(r"postgres-\d{4}-[\w-]+\.sql", p.name))
    return [(name, (folder / name).read_text(encoding="utf-8")) for name in files]


MIGRATIONS: list[tuple[str, str]] = _load_migrations()


class _Pool:
    """Idle connections kept for the next store on the same URL in this process: the web app opens a
    store per request, and a new PostgreSQL connection (a server process, PostGIS loaded) costs ms."""

    def __init__(self, max_idle: int = 8) -> None:
        self.max_idle = max_idle
        self._idle: dict[str, list[psycopg.Connection[Any]]] = {}
        self._lock = threading.Lock()
        os.register_at_fork(after_in_child=self._idle.clear)  # never share a socket with a child

    def get(self, conninfo: str) -> psycopg.Connection[Any] | None:
        while True:
            with self._lock:
                if not self._idle.get(conninfo):
                    return None
                con = self._idle[conninfo].pop()
            try:
                con.execute("SELECT 1")  # the server may have restarted since
                return con
            except psycopg.Error:
                con.close()

    def put(self, conninfo: str, con: psycopg.Connection[Any]) -> None:
        if not con.closed and not con.broken and con.info.transaction_status == TransactionStatus.IDLE:
            with self._lock:
                idle = self._idle.setdefault(conninfo, [])
                if len(idle) < self.max_idle:
                    idle.append(con)
                    return
        con.close()


_POOL = _Pool()


class PostgresStore(Store):
    """A Frontlines store in a PostgreSQL database with PostGIS (one connection per store, pooled)."""

    def __init__(self, url: str) -> None:
        self._conninfo = libpq_url(re.sub(r"^postgres(ql)?(\+psycopg)?://", "postgresql://", url))
        self.url = redact_url(self._conninfo)
        self._con = _POOL.get(self._conninfo) or self._connect()
        try:
            self._migrate()
        except BaseException:
            self._con.close()
            raise

    def _connect(self) -> psycopg.Connection[Any]:
        try:
            con = psycopg.connect(self._conninfo, autocommit=True, row_factory=dict_row, connect_timeout=10,
                                  application_name="frontlines", prepare_threshold=None)
            # no prepared statements: a generic plan ignores the filter values (a 2-degree bbox and a
            # continent-wide one need different plans); no JIT: compiling costs more than a page query
            con.execute("SET jit = off")
            return con
        except psycopg.Error as exc:
            raise StoreError(f"Cannot connect to PostgreSQL at {self.url}: {reason(exc)}. Check that the server is "
                             "running and that host, port, user and database in the URL are right (passwords go "
                             "in the URL or PGPASSWORD).") from exc

    # -- schema -----------------------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        if _one(self._con.execute("SELECT to_regclass('frontlines_schema') AS t"))["t"] is None:
            return 0
        return int(_one(self._con.execute("SELECT coalesce(max(version), 0) AS v FROM frontlines_schema"))["v"])

    def _migrate(self) -> None:
        with self._errors("Reading the schema version"):
            version = self.schema_version
        if version > len(MIGRATIONS):
            raise MigrationError(f"{self.url} was written by a newer Frontlines (schema {version}); "
                                 "upgrade Frontlines.")
        while version < len(MIGRATIONS):
            version = self._apply_next()

    def _apply_next(self) -> int:
        """Apply the next pending migration in its own transaction, under an advisory lock."""
        try:
            with self._con.transaction():
                self._con.execute("SELECT pg_advisory_xact_lock(%s)", (_MIGRATION_LOCK,))
                self._con.execute("CREATE TABLE IF NOT EXISTS frontlines_schema (version integer PRIMARY KEY, "
                                  "name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())")
                version = self.schema_version  # another process may have migrated meanwhile
                if version >= len(MIGRATIONS):
                    return version
                self._ensure_postgis()
                name, script = MIGRATIONS[version]
                self._con.execute(script.encode("utf-8"))
                self._con.execute("INSERT INTO frontlines_schema (version, name) VALUES (%s, %s)", (version + 1, name))
                return version + 1
        except ConfigurationError:
            raise
        except psycopg.Error as exc:
            raise MigrationError(f"Migration {version + 1} of {self.url} failed: {reason(exc)}") from exc

    def _ensure_postgis(self) -> None:
        if self._con.execute("SELECT 1 FROM pg_extension WHERE extname = 'postgis'").fetchone():
            return
        database = self._con.info.dbname
        if not self._con.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'").fetchone():
            raise ConfigurationError(
                f"PostGIS is not installed on the PostgreSQL server of {self.url}. Install it on the server "
                "(Debian/Ubuntu: apt-get install postgresql-15-postgis-3), then run "
                f"CREATE EXTENSION postgis; in database {database!r} as a superuser.")
        try:
            with self._con.transaction():  # a savepoint: a refusal must not abort the migration's transaction
                self._con.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        except pg_errors.InsufficientPrivilege as exc:
            raise ConfigurationError(
                f"Database {database!r} at {self.url} lacks PostGIS and this user may not enable it: ask a "
                f"superuser to run CREATE EXTENSION postgis; in {database!r}, then retry.") from exc

    @contextmanager
    def _errors(self, action: str) -> Iterator[None]:
        """Translate psycopg errors into ``StoreError`` with a message that says what to do."""
        try:
            yield
        except psycopg.OperationalError as exc:
            raise StoreError(f"{action} failed: lost the connection to {self.url} ({reason(exc)}); check that the "
                             "server is running, then retry.") from exc
        except psycopg.Error as exc:
            raise StoreError(f"{action} failed on {self.url}: {reason(exc)}.") from exc

    # -- writing ----------------------------------------------------------------------------
    def add_document(self, doc: Document) -> IngestResult:
        digest = doc.content_hash
        try:
            with self._con.transaction():
                # concurrent ingests of the same id or content wait for each other instead of failing
                self._con.execute("SELECT pg_advisory_xact_lock(1, hashtext(%s)), "
                                  "pg_advisory_xact_lock(2, hashtext(%s))", (doc.id, digest))
                if self.has_document(digest):
                    return IngestResult(doc.id, added=False)
                stored = as_revision(doc, self._free_id(doc.id))
                self._insert_document(stored, digest)
        except psycopg.Error as exc:
            raise StoreError(f"Could not store document {doc.id!r}: {reason(exc)}. Nothing of it was kept.") from exc
        return IngestResult(stored.id, added=True, events=len(doc.events),
                            revision_of=doc.id if stored.id != doc.id else None)

    def _free_id(self, doc_id: str) -> str:
        """``doc_id``, or the first free revision id when another text holds it (never a replacement);
        the caller holds the advisory lock on ``doc_id``, so concurrent revisions get distinct ids."""
        taken = "SELECT 1 FROM documents WHERE id = %s"
        if self._con.execute(taken, (doc_id,)).fetchone() is None:
            return doc_id
        return next(i for i in revision_ids(doc_id) if self._con.execute(taken, (i,)).fetchone() is None)

    def _insert_document(self, doc: Document, digest: str) -> None:
        self._con.execute(INSERT_DOCUMENT, document_row(doc, digest))
        with self._con.cursor() as cur:
            cur.executemany(INSERT_MENTION, mention_rows(doc))
            cur.executemany(INSERT_STATEMENT, statement_rows(doc))
        self._copy_events(doc.events, doc.id, set())

    def _copy_events(self, events: Iterable[Event], document_id: str | None, known: set[str]) -> int:
        n = 0
        ids: list[str] = []
        with self._con.cursor() as cur, cur.copy(f"COPY events ({', '.join(WRITE_COLS)}) FROM STDIN") as copy:
            for event in events:
                copy.write_row(event_row(event, document_id, known))
                n += 1
                ids.append(event.event_id)
        self.reapply_corrections(ids)  # an analyst's correction outlives re-extraction
        return n

    def _replace_parts(self, doc: Document) -> None:
        with self._errors(f"Writing the extraction of {doc.id!r}"), self._con.cursor() as cur:
            for table in ("mentions", "statements"):
                cur.execute(f"DELETE FROM {table} WHERE document_id = %s", (doc.id,))
            cur.execute("UPDATE documents SET blocks = %s, stages = %s WHERE id = %s",
                        (jsonb([b.to_dict() for b in doc.blocks]), jsonb(doc.stages), doc.id))
            cur.executemany(INSERT_MENTION, mention_rows(doc))
            cur.executemany(INSERT_STATEMENT, statement_rows(doc))

    def _write_events(self, events: list[Event], document_id: str) -> int:
        with self._errors(f"Writing the events of {document_id!r}"):
            return self._copy_events(events, document_id, set())

    def bulk_load_events(self, events: Iterable[Event], batch_size: int = 10_000) -> int:
        """COPY in batches, one transaction each; then VACUUM ANALYZE (plans, index-only counts)."""
        total = super().bulk_load_events(events, batch_size)
        with self._errors("Updating planner statistics after the bulk load"):
            self._con.execute("VACUUM (ANALYZE) events")
        return total

    def _bulk(self, batch: list[Event]) -> int:
        ids = list({ev.document_id for ev in batch if ev.document_id})
        try:
            with self._con.transaction():
                known = {r["id"] for r in self._con.execute("SELECT id FROM documents WHERE id = ANY(%s)", (ids,))}
                return self._copy_events(batch, None, known)
        except psycopg.Error as exc:
            raise StoreError(f"Bulk load failed, batch rolled back: {reason(exc)}") from exc

    # -- reading ----------------------------------------------------------------------------
    def has_document(self, content_hash: str) -> bool:
        with self._errors("Looking up a document"):
            row = self._con.execute("SELECT 1 FROM documents WHERE content_hash = %s", (content_hash,)).fetchone()
        return row is not None

    def get_document(self, document_id: str) -> Document:
        con = self._con
        with self._errors(f"Reading document {document_id!r}"):
            row = con.execute("SELECT * FROM documents WHERE id = %s", (document_id,)).fetchone()
            if row is None:
                raise StoreNotFoundError(f"No document {document_id!r} in {self.url}.")
            doc = document_from_row(row)
            mentions = con.execute("SELECT data FROM mentions WHERE document_id = %s ORDER BY idx", (document_id,))
            doc.mentions = [Mention.from_dict(r["data"]) for r in mentions]
            statements = con.execute("SELECT * FROM statements WHERE document_id = %s ORDER BY idx", (document_id,))
            doc.statements = [statement_from_row(r) for r in statements]
            with con.cursor(row_factory=tuple_row) as cur:
                cur.execute(f"{SELECT_EVENTS} WHERE e.document_id = %s ORDER BY e.evidence_start NULLS FIRST, e.rid",
                            (document_id,))
                doc.events = [event_from_row(r) for r in cur]
        return doc

    def search_documents(self, query: DocumentQuery) -> Page:
        where = Where()
        if query.q:
            where.add("d.tsv @@ plainto_tsquery('simple', %s)", clean(query.q))
        if query.source:
            where.add("d.source ILIKE %s", f"%{clean(query.source)}%")
        if query.since:
            where.add("d.published >= %s", iso_date("since", query.since))
        if query.until:
            where.add("d.published <= %s", iso_date("until", query.until))
        with self._errors("Searching documents"):
            n = _one(self._con.execute(f"SELECT count(*) AS n FROM documents d {where.sql()}", where.params))["n"]
            rows = self._con.execute(
                "SELECT d.id, d.title, d.published, d.source, d.url, substr(d.text, 1, 240) AS snippet, "
                "(SELECT count(*) FROM events e WHERE e.document_id = d.id) AS events "
                f"FROM documents d {where.sql()} ORDER BY d.published DESC NULLS LAST, d.id LIMIT %s OFFSET %s",
                [*where.params, query.limit, query.offset]).fetchall()
        for row in rows:
            row["published"] = iso(row["published"])
        return Page(rows, n, query.limit, query.offset)

    def search_events(self, query: EventQuery) -> Page:
        where, order = event_where(query), order_by(query.sort)
        with self._errors("Searching events"), self._con.cursor(row_factory=tuple_row) as cur:
            total, exact = self._count_events(cur, query, where)
            if query.place and query.count != "clusters":  # each matching place's rows in page order (schema 18)
                cur.execute(*place_page(query))
            else:
                cur.execute(f"{SELECT_EVENTS} {where.sql()} ORDER BY {order} LIMIT %s OFFSET %s",
                            [*where.params, query.limit, query.offset])
            items = [event_from_row(r) for r in cur]
        return Page(items, total, query.limit, query.offset, total_exact=exact)

    @staticmethod
    def _count_events(cur: psycopg.Cursor[Any], q: EventQuery, where: Where) -> tuple[int, bool]:
        """Matches (at most ``q.total_limit``); without filters, the number kept by triggers."""
        if not where.clauses:
            return int(_one(cur.execute("SELECT n FROM frontlines_counts WHERE name = 'events'"))[0]), True
        if q.total_limit is not None:
            n = _one(cur.execute(f"SELECT count(*) FROM (SELECT 1 FROM events e {where.sql()} LIMIT %s) m",
                                 [*where.params, q.total_limit + 1]))[0]
            return min(n, q.total_limit), n <= q.total_limit
        return _one(cur.execute(f"SELECT count(*) FROM events e {where.sql()}", where.params))[0], True

    def iter_events(self, query: EventQuery, batch_size: int = 5_000) -> Iterator[Event]:
        """A server-side cursor in a read transaction, fetched ``batch_size`` rows at a time."""
        where = event_where(query)
        sql = f"{SELECT_EVENTS} {where.sql()} ORDER BY {order_by(query.sort)}"
        name = f"frontlines_events_{next(_cursor_names)}"
        with self._errors("Streaming events"), self._con.transaction(), \
                self._con.cursor(name=name, row_factory=tuple_row) as cur:
            cur.itersize = batch_size
            cur.execute(sql, where.params)
            while rows := cur.fetchmany(batch_size):
                yield from map(event_from_row, rows)

    # -- aggregates -------------------------------------------------------------------------
    def _count(self, table: str) -> int:
        if table == "events":  # kept by triggers: count(*) reads the whole table in PostgreSQL
            sql = "SELECT n FROM frontlines_counts WHERE name = 'events'"
        else:
            sql = "SELECT count(*) AS n FROM documents"
        with self._errors("Counting"):
            return int(_one(self._con.execute(sql))["n"])

    def _grouped_rows(self, query: EventQuery, keys: tuple[str, ...], cell: float, positions: bool,
                      view: Bbox | None, apart: bool = False) -> list[tuple[Any, ...]]:
        """``_grouped`` from the event rows; ``apart``: only the reports of ``_distinct_rollup``'s second part."""
        where = event_where(query)
        if apart:  # the partial index events_apart (schema 15)
            where.add("NOT e.represents AND e.represents_day")
        if "cell_x" in keys:
            where.add("e.latitude IS NOT NULL AND e.longitude IS NOT NULL")
            if view:  # the viewport at cell precision: the buckets whose cells meet it
                x0, x1, y0, y1 = cell_range(view, cell)
                x_cell, y_cell = (GROUP_SQL[k].format(cell=float(cell)) for k in ("cell_x", "cell_y"))
                where.add(f"{x_cell} BETWEEN %s AND %s AND {y_cell} BETWEEN %s AND %s", x0, x1, y0, y1)
                if query.bbox:  # the map index reads the bbox anyway: only the view's part of it (a bbox's edge
                    # cells, Store._box_rollup). Not otherwise: with dates, the date index reads fewer rows
                    where.add("e.geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)", x0 * cell - 180 - _SLACK,
                              y0 * cell - 90 - _SLACK, (x1 + 1) * cell - 180 + _SLACK, (y1 + 1) * cell - 90 + _SLACK)
        columns = ", ".join(GROUP_SQL[k].format(cell=float(cell)) for k in keys)
        sql = (f"SELECT {columns}, count(*), sum(CASE WHEN e.fatalities_aggregate THEN 0 ELSE e.fatalities END)"
               f"{_POSITIONS if positions else ''} FROM events e {where.sql()} "
               f"GROUP BY {', '.join(str(i + 1) for i in range(len(keys)))}")
        day = keys.index("day") if "day" in keys else -1
        with self._errors("Aggregating events"), self._con.cursor(row_factory=tuple_row) as cur:
            rows = cur.execute(sql, where.params).fetchall()
        return [tuple(iso(v) if i == day else v for i, v in enumerate(r)) for r in rows]

    def _from_rollup(self, q: EventQuery, keys: tuple[str, ...], cell: float, view: Bbox | None,
                     table: str = "event") -> list[tuple[Any, ...]] | None:
        """The grouped rows from the running totals of schema 3 (``table`` "distinct": those of the representatives
        alone, schema 15) when the query's filters are only type and modality (and dates, for days); None when they
        cannot answer it."""
        active = {name for name in QUERY_FILTERS if getattr(q, name)} | ({"actor"} if q.actor_ids else set())
        where = Where()
        where.add("events > 0")
        if q.event_type:
            where.add("lower(event_type) = lower(%s)", clean(q.event_type))
        if q.modality:
            where.add("modality = ANY(%s)", [v.strip() for v in clean(q.modality).split(",") if v.strip()])
        if keys == ("day", "type") and active <= {"event_type", "modality", "since", "until"}:
            if q.since:
                where.add("day >= %s", iso_date("since", q.since))
            if q.until:
                where.add("day <= %s AND day > '-infinity'::date", iso_date("until", q.until))
            sql = (f"SELECT CASE WHEN day > '-infinity'::date THEN day END, event_type, sum(events)::bigint, "
                   f"sum(fatalities)::bigint FROM {table}_days {where.sql()} GROUP BY day, event_type")
        elif (keys == ("cell_x", "cell_y", "type") and cell == _INDEXED_CELL
              and (active <= {"event_type", "modality"} or table == "event" and active - {"place"} <= {"event_type",
                                                                                                   "modality"})):
            if view:
                where.add("cx BETWEEN %s AND %s AND cy BETWEEN %s AND %s", *cell_range(view, cell))
            if q.place:  # each place seen that matches, once (schema 17)
                where.add(f"(location, admin1, country) IN ({PLACES_MATCHING})", *[f"%{clean(q.place)}%"] * 3)
                table = "place"
            sql = ("SELECT cx, cy, event_type, sum(events)::bigint, sum(fatalities)::bigint, sum(lon_sum), "
                   f"sum(lat_sum), min(first_rid) FROM {table}_cells {where.sql()} GROUP BY cx, cy, event_type")
        else:
            return None
        with self._errors("Aggregating events"), self._con.cursor(row_factory=tuple_row) as cur:
            rows = cur.execute(sql, where.params).fetchall()
        return [(iso(r[0]), *r[1:]) if keys[0] == "day" else tuple(r) for r in rows]

    def _month_totals(self, q: EventQuery, first: str | None, last: str | None) -> list[tuple[Any, ...]] | None:
        """Whole months from the running totals of schema 16: ``event_months`` when the filters are type and
        modality; ``actor_months`` of the query's actor ids besides, less the events between two of them (each
        counted under both: found by ``events_actor_pair``)."""
        if not month_totals_answer(q):
            return None
        ids = list(dict.fromkeys(map(clean, q.actor_ids)))
        where, both = Where(), Where()
        where.add("events > 0")
        both.add("e.actor1_id = ANY(%s) AND e.actor2_id = ANY(%s) AND e.actor1_id <> e.actor2_id", ids, ids)
        if q.event_type:
            where.add("lower(event_type) = lower(%s)", clean(q.event_type))
            both.add("lower(e.event_type) = lower(%s)", clean(q.event_type))
        if q.modality:
            values = [v.strip() for v in clean(q.modality).split(",") if v.strip()]
            where.add("modality = ANY(%s)", values)
            both.add("e.modality = ANY(%s)", values)
        if first:
            where.add("month >= %s", f"{first}-01")
            both.add("e.event_date >= %s", f"{first}-01")
        if last:
            where.add("month <= %s AND month > '-infinity'::date", f"{last}-01")
            both.add("e.event_date < (%s::date + interval '1 month')", f"{last}-01")
        month = "CASE WHEN month > '-infinity'::date THEN to_char(month, 'YYYY-MM') END"
        if ids:
            where.add("actor_id = ANY(%s)", ids)
        if q.place:  # each place seen that matches, once (schema 17)
            where.add(f"(location, admin1, country) IN ({PLACES_MATCHING})", *[f"%{clean(q.place)}%"] * 3)
        table = "actor" if ids else "place" if q.place else "event"
        sql = (f"SELECT {month}, event_type, sum(events)::bigint, sum(fatalities)::bigint "
               f"FROM {table}_months {where.sql()} GROUP BY month, event_type")
        with self._errors("Aggregating events"), self._con.cursor(row_factory=tuple_row) as cur:
            rows = [tuple(r) for r in cur.execute(sql, where.params).fetchall()]
            if len(ids) < 2:
                return rows
            between = cur.execute(
                "SELECT to_char(e.event_date, 'YYYY-MM'), e.event_type, -count(*), "
                f"-sum(CASE WHEN e.fatalities_aggregate THEN 0 ELSE e.fatalities END) FROM events e {both.sql()} "
                "GROUP BY 1, 2", both.params).fetchall()
        return [r for r in add_groups(rows, [tuple(r) for r in between], 2) if r[2]]

    def _events_by_rid(self, rids: list[int]) -> dict[int, Event]:
        with self._errors("Reading events"), self._con.cursor(row_factory=tuple_row) as cur:
            rows = cur.execute(f"{SELECT_EVENTS} WHERE e.rid = ANY(%s)", (rids,)).fetchall()
        return {r[0]: event_from_row(r) for r in rows}

    def get_event(self, event_id: str) -> Event:
        with self._errors(f"Reading event {event_id!r}"), self._con.cursor(row_factory=tuple_row) as cur:
            row = cur.execute(f"{SELECT_EVENTS} WHERE e.event_id = %s", (event_id,)).fetchone()
        if row is None:
            raise StoreNotFoundError(f"No event {event_id!r} in {self.url}.")
        return event_from_row(row)

    def actors(self, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        where = Where()
        if q:
            where.add("(name ILIKE %s OR id = %s)", f"%{clean(q)}%", clean(q))
        sql = f"""
            SELECT id, mode() WITHIN GROUP (ORDER BY name) AS name, count(*) AS events,
                   min(event_date) AS first_date, max(event_date) AS last_date FROM (
              SELECT actor1_id AS id, actor1 AS name, event_date FROM events WHERE actor1_id IS NOT NULL
              UNION ALL SELECT actor2_id, actor2, event_date FROM events WHERE actor2_id IS NOT NULL) a
            {where.sql()} GROUP BY id ORDER BY events DESC, id LIMIT %s"""
        with self._errors("Listing actors"):
            rows = self._con.execute(sql, [*where.params, limit]).fetchall()
        for row in rows:
            row["first_date"], row["last_date"] = iso(row["first_date"]), iso(row["last_date"])
        return rows

    def places(self, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        where = Where()
        where.add("location IS NOT NULL")
        if q:
            where.add("(location ILIKE %s OR country ILIKE %s)", f"%{clean(q)}%", f"%{clean(q)}%")
        sql = f"""
            SELECT location, country, min(admin1) AS admin1, avg(latitude) AS latitude, avg(longitude) AS longitude,
                   count(*) AS events, sum(fatalities) AS fatalities
            FROM events {where.sql()} GROUP BY location, country ORDER BY events DESC, location LIMIT %s"""
        with self._errors("Listing places"):
            return self._con.execute(sql, [*where.params, limit]).fetchall()

    def stats(self) -> dict[str, Any]:
        def one(sql: str) -> Any:
            return _one(self._con.execute(sql))["v"]

        def pairs(sql: str) -> dict[str, int]:
            return {r["k"]: r["n"] for r in self._con.execute(sql)}

        with self._errors("Computing statistics"):
            return {
                "documents": one("SELECT count(*) AS v FROM documents"),
                "events": one("SELECT n AS v FROM frontlines_counts WHERE name = 'events'"),
                "fatalities": one("SELECT coalesce(sum(fatalities), 0) AS v FROM events WHERE modality = 'asserted' "
                                  "AND NOT coalesce(fatalities_aggregate, false)"),
                "first_date": iso(one("SELECT min(event_date) AS v FROM events")),
                "last_date": iso(one("SELECT max(event_date) AS v FROM events")),
                "by_type": pairs("SELECT event_type AS k, count(*) AS n FROM events GROUP BY 1 ORDER BY 2 DESC"),
                "by_modality": pairs("SELECT modality AS k, count(*) AS n FROM events GROUP BY 1 ORDER BY 2 DESC"),
                "by_month": pairs("SELECT to_char(event_date, 'YYYY-MM') AS k, count(*) AS n FROM events "
                                  "WHERE event_date IS NOT NULL GROUP BY 1 ORDER BY 1"),
            }

    def _feed_sql(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        with self._errors("Reading or writing the feeds"):
            cur = self._con.execute(sql.replace("?", "%s"), list(params))
            return cur.fetchall() if cur.description else []

    def close(self) -> None:
        """Hand the connection back to the process's pool (closed if it is busy or broken)."""
        if not self._con.closed:
            _POOL.put(self._conninfo, self._con)


_Row = TypeVar("_Row")


def _one(cur: psycopg.Cursor[_Row]) -> _Row:
    """The row of a query that always returns one (an aggregate, a count): a missing one is a store error."""
    row = cur.fetchone()
    if row is None:
        raise StoreError("PostgreSQL returned no row where one was certain; the database may be mid-migration. "
                         "Run the command again.")
    return row
