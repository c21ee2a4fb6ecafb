"""SQL for the PostgreSQL store: WHERE clauses from queries, ORDER BY, rows to and from ``Event``.

Kept apart from ``postgres.py`` (connections, migrations, transactions) so each stays small; only
``frontlines.store.postgres`` uses it.
"""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from typing import Any

import psycopg
from psycopg.types.json import Jsonb

from frontlines.errors import InvalidParameterError
from frontlines.model import Block, Document, Event, Statement
from frontlines.store.base import (BOOL_FIELDS, EVENT_FIELDS, SORTABLE_EVENT_FIELDS, EventQuery, distinct_clause,
                                   event_values)
from frontlines.store.urls import redact_url

__all__ = ["GROUP_SQL", "INSERT_DOCUMENT", "PLACES_MATCHING", "INSERT_MENTION", "INSERT_STATEMENT", "READ_COLS", "SELECT_EVENTS", "WRITE_COLS",
           "Where", "clean", "document_from_row", "document_row", "event_from_row", "event_row", "event_where",
           "iso", "iso_date", "jsonb", "mention_rows", "order_by", "reason", "redact_url", "statement_from_row",
           "statement_rows"]

_EVENT_FIELDS, _BOOL_FIELDS = EVENT_FIELDS, BOOL_FIELDS
WRITE_COLS = ["event_id", *_EVENT_FIELDS, "evidence_start", "evidence_end"]
READ_COLS = ["rid", *WRITE_COLS]
SELECT_EVENTS = "SELECT " + ", ".join(f"e.{c}" for c in READ_COLS) + " FROM events e"
INSERT_DOCUMENT = ("INSERT INTO documents (id, content_hash, title, published, source, url, format, text, blocks, "
                   "stages, meta, genre) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)")
INSERT_MENTION = ('INSERT INTO mentions (document_id, idx, kind, text, start, "end", canonical, ref_id, stage, '
                  "reason, data) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)")
INSERT_STATEMENT = ('INSERT INTO statements (document_id, idx, start, "end", voice, stance, source, speaker, block, '
                    "stage, reason, text) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s, %s)")
GROUP_SQL = {"cell_x": "floor((e.longitude + 180.0) / {cell!r})::int",
             "cell_y": "floor((e.latitude + 90.0) / {cell!r})::int",
             "day": "e.event_date", "type": "e.event_type", "modality": "e.modality"}
_STATEMENT_FIELDS = ("text", "start", "end", "voice", "stance", "source", "speaker", "block", "stage", "reason")


# the places seen (schema 17) that a place filter matches: any of their names contains it
PLACES_MATCHING = ("SELECT location, admin1, country FROM event_places WHERE events > 0 "
                   "AND (location ILIKE %s OR admin1 ILIKE %s OR country ILIKE %s)")


class Where:
    """WHERE clauses and their parameters, built together."""

    def __init__(self) -> None:
        self.clauses: list[str] = []
        self.params: list[Any] = []

    def add(self, clause: str, *params: Any) -> None:
        self.clauses.append(clause)
        self.params.extend(params)

    def sql(self) -> str:
        return f"WHERE {' AND '.join(self.clauses)}" if self.clauses else ""


def event_where(q: EventQuery) -> Where:
    """The filters of an event query, with the same meaning as in the SQLite store."""
    where = Where()
    if q.actor or q.actor_ids:
        actor = clean(q.actor) if q.actor else None
        ids = list(dict.fromkeys([*map(clean, q.actor_ids), *([actor] if actor else [])]))
        if actor:
            where.add("(e.actor1_id = ANY(%s) OR e.actor2_id = ANY(%s) OR e.actor1 ILIKE %s OR e.actor2 ILIKE %s)",
                      ids, ids, f"%{actor}%", f"%{actor}%")
        else:
            where.add("(e.actor1_id = ANY(%s) OR e.actor2_id = ANY(%s))", ids, ids)
    if q.place:  # the places seen that match (schema 17), then their events through the location index (an array
        # found once: an IN subquery beside OR is read row by row)
        place = f"%{clean(q.place)}%"
        where.add(f"(e.location = ANY(ARRAY(SELECT location FROM ({PLACES_MATCHING}) p)) AND (e.location ILIKE %s OR "
                  "e.admin1 ILIKE %s OR e.country ILIKE %s) OR e.location IS NULL AND (e.admin1 ILIKE %s OR "
                  "e.country ILIKE %s))", *[place] * 8)
    if q.event_type:
        where.add("e.event_type_ci = lower(%s)", clean(q.event_type))
    if q.sub_event_type:
        where.add("lower(e.sub_event_type) = lower(%s)", clean(q.sub_event_type))
    if q.modality:
        where.add("e.modality = ANY(%s)", [v.strip() for v in clean(q.modality).split(",") if v.strip()])
    if q.source:
        where.add("e.source ILIKE %s", f"%{clean(q.source)}%")
    if q.since:
        where.add("e.event_date >= %s", iso_date("since", q.since))
    if q.until:
        where.add("e.event_date <= %s", iso_date("until", q.until))
    if q.document_id:
        where.add("e.document_id = %s", q.document_id)
    if q.bbox:
        # && alone (GiST): PostGIS compares float4 boxes, so a point within ~4e-6 degrees outside an edge
        # may match. An exact second test costs more than it is worth: the planner multiplies its
        # selectivity in, underestimates the matches and then sorts 30k rows instead of walking by date.
        where.add("e.geom && ST_MakeEnvelope(%s, %s, %s, %s, 4326)", *(float(v) for v in q.bbox))
    if q.text:
        where.add("e.notes_tsv @@ plainto_tsquery('simple', %s)", clean(q.text))
    if q.count == "clusters":
        where.add(distinct_clause(where.clauses), *where.params)
    return where


# the locations seen (schema 17) each of whose places matches a place filter (every event there matches: read without
# a test per row), and those some of whose places match (Tripoli in Libya and in Lebanon: each event is tested)
_WHOLE_LOCATIONS = ("SELECT location FROM event_places WHERE events > 0 GROUP BY location "
                    "HAVING bool_and(location ILIKE %s OR admin1 ILIKE %s OR country ILIKE %s)")
_SOME_LOCATIONS = ("SELECT location FROM event_places WHERE events > 0 GROUP BY location "
                   "HAVING bool_or(location ILIKE %s OR admin1 ILIKE %s OR country ILIKE %s) "
                   "AND NOT bool_and(location ILIKE %s OR admin1 ILIKE %s OR country ILIKE %s)")


def place_page(q: EventQuery) -> tuple[str, list[Any]]:
    """A page of ``q`` (a place filter) read place by place in page order: each matching location's events from
    ``events_location_date`` (schema 18), and those with no location (matched by admin1 or country), each branch
    stopping after ``offset + limit`` rows, merged and cut. The same rows as ``event_where`` with ``ORDER BY`` and
    ``LIMIT``, which sorted every event of the town (a bitmap scan beside an OR reads in no order). A location whose
    every place matches is read without a test per row: with one, the planner expects a few rows and sorts them
    all. Not for ``count=clusters`` (its clause repeats every filter)."""
    rest = event_where(dataclasses.replace(q, place=None, count="reports"))
    also = "".join(f" AND {c}" for c in rest.clauses)
    place, order, n = f"%{clean(q.place or '')}%", order_by(q.sort), q.offset + q.limit
    names = "(e.location ILIKE %s OR e.admin1 ILIKE %s OR e.country ILIKE %s)"

    def each(locations: str, test: str) -> str:
        return (f"SELECT x.* FROM unnest(ARRAY({locations})) AS l(location) CROSS JOIN LATERAL ({SELECT_EVENTS} "
                f"WHERE e.location = l.location{test}{also} ORDER BY {order} LIMIT %s) x")

    sql = (f"SELECT e.* FROM ({each(_WHOLE_LOCATIONS, '')} UNION ALL {each(_SOME_LOCATIONS, ' AND ' + names)} "
           f"UNION ALL ({SELECT_EVENTS} WHERE e.location IS NULL AND (e.admin1 ILIKE %s OR e.country ILIKE %s){also} "
           f"ORDER BY {order} LIMIT %s)) e ORDER BY {order} LIMIT %s OFFSET %s")
    return sql, [*[place] * 3, *rest.params, n, *[place] * 9, *rest.params, n, *[place] * 2, *rest.params, n,
                 q.limit, q.offset]


def order_by(sort: str) -> str:
    """ORDER BY for a sort key, NULLs placed as SQLite places them (smallest), ties by insertion."""
    desc = sort.startswith("-")
    name = sort.lstrip("-")
    if name not in SORTABLE_EVENT_FIELDS:
        raise InvalidParameterError(f"Cannot sort by {name!r}; use one of {', '.join(SORTABLE_EVENT_FIELDS)} "
                                    "(prefix - to reverse).")
    return f"e.{name} {'DESC NULLS LAST' if desc else 'ASC NULLS FIRST'}, e.rid"


def reason(exc: psycopg.Error) -> str:
    """The first line of a server or client error (no DETAIL/CONTEXT with row contents)."""
    lines = str(exc).strip().splitlines()
    return (exc.diag.message_primary or (lines[0] if lines else type(exc).__name__)).rstrip(".")


def clean(text: str) -> str:
    """User text as a query parameter: PostgreSQL text cannot hold NUL characters."""
    return text.replace("\x00", " ")  # as the SQLite store's full-text queries do


def iso_date(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise InvalidParameterError(f"{name}={value!r} is not a date; use YYYY-MM-DD.") from exc


def iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def jsonb(value: Any) -> Jsonb:
    return Jsonb(value, dumps=lambda v: json.dumps(v, ensure_ascii=False, default=str))


def document_row(doc: Document, digest: str) -> tuple[Any, ...]:
    """Values for ``INSERT_DOCUMENT``."""
    blocks = jsonb([b.to_dict() for b in doc.blocks])
    return (doc.id, digest, doc.title, doc.published, doc.source, doc.url, doc.format, doc.text, blocks,
            jsonb(doc.stages), jsonb(doc.meta), doc.genre)


def mention_rows(doc: Document) -> list[tuple[Any, ...]]:
    return [(doc.id, i, m.kind, m.text, m.start, m.end, m.canonical, m.id, m.stage, m.reason, jsonb(m.to_dict()))
            for i, m in enumerate(doc.mentions)]


def statement_rows(doc: Document) -> list[tuple[Any, ...]]:
    return [(doc.id, i, s.start, s.end, s.voice, s.stance, s.source, s.speaker, s.block, s.stage, s.reason, s.text)
            for i, s in enumerate(doc.statements)]


def document_from_row(row: dict[str, Any]) -> Document:
    return Document(id=row["id"], text=row["text"], title=row["title"], published=row["published"],
                    source=row["source"], url=row["url"], format=row["format"], genre=row["genre"],
                    blocks=[Block(**b) for b in row["blocks"]], stages=row["stages"], meta=row["meta"])


def statement_from_row(row: dict[str, Any]) -> Statement:
    return Statement(**{k: row[k] for k in _STATEMENT_FIELDS})


def event_row(ev: Event, document_id: str | None, known: set[str]) -> list[Any]:
    """Values for ``WRITE_COLS`` (the shared row of ``store.base``)."""
    return event_values(ev, document_id, known)


def event_from_row(row: tuple[Any, ...]) -> Event:
    """An ``Event`` from a ``SELECT_EVENTS`` row."""
    data = dict(zip(READ_COLS, row, strict=True))
    del data["rid"]
    start, end = data.pop("evidence_start"), data.pop("evidence_end")
    data["event_date"] = iso(data["event_date"])
    for name in _BOOL_FIELDS:
        data[name] = bool(data[name])
    data["evidence"] = {"start": start or 0, "end": end or 0}
    return Event(**data)
