"""The cross-document analysis in the store (issue 13): ledger entries, changes of territorial control and
relations between actors. Every row is derived from one stored document (``frontlines.analysis``) and is deleted
with it; ``analysed_documents`` says which documents have been analysed, so a refresh touches only new ones.

Same-event clusters are kept here too (``event_clusters``: SQLite migration 10, ``postgres-0007-event-clusters.sql``),
one row per event, assigned by ``analysis.clusters`` when the event's document is analysed.

Both backends share this SQL (schema: SQLite migration 9, ``postgres-0006-analysis.sql``) through ``_feed_sql``,
which runs one statement in its own transaction. A document's rows are written first and its ``analysed_documents``
row last: an interrupted write leaves the document unanalysed, and the next refresh replaces its rows.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from frontlines.errors import InvalidParameterError
from frontlines.model import ControlChange, Event, LedgerEntry, Relation

__all__ = ["AnalysisRecords", "LedgerQuery", "place_key"]

# what same_event reads: the coded fields, and the sentence, toll, outlet and region its text evidence reads
_CANDIDATE_COLUMNS = ("event_id", "document_id", "event_type", "sub_event_type", "event_date", "time_precision",
                      "location", "latitude", "longitude", "actor1", "actor1_id", "actor2", "actor2_id", "assoc_actor_1",
                      "assoc_actor_2", "modality", "admin1", "country", "location_anchor", "fatalities",
                      "fatalities_aggregate", "source", "notes")
_CHUNK = 200  # rows in one INSERT (SQLite takes at most 32,766 parameters in a statement)
_MAX_LIMIT = 10_000
_SCAN = 4  # reports read on each side of a candidate window's middle day, per candidate returned


def place_key(name: str) -> str:
    """How control changes are looked up by place: the name, case and spacing folded."""
    return " ".join(name.lower().split())


@dataclass
class LedgerQuery:
    """Filters for ledger entries; strings match case-insensitively as substrings."""

    speaker: str | None = None
    source: str | None = None
    kind: str | None = None  # prediction | intention | threat | denial | claim
    subject: str | None = None  # an actor or place named in the entry
    since: str | None = None  # said on or after (YYYY-MM-DD)
    until: str | None = None
    due_until: str | None = None  # due on or before: predictions that came due
    due_since: str | None = None
    document_id: str | None = None
    limit: int = 100
    offset: int = 0

    def __post_init__(self) -> None:
        if not 1 <= self.limit <= _MAX_LIMIT or self.offset < 0:
            raise InvalidParameterError(f"limit must be 1 to {_MAX_LIMIT} and offset 0 or more.")
        for name in ("speaker", "source", "kind", "subject", "document_id"):
            value = getattr(self, name)
            if value is not None and len(value) > 500:
                raise InvalidParameterError(f"{name} is longer than 500 characters; give a name or a phrase.")


class AnalysisRecords:
    """The analysis methods of every store (mixed into ``base.Store``)."""

    def _feed_sql(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError  # each backend's

    # -- writing ---------------------------------------------------------------------------------------
    def save_analysis(self, document_id: str, stage: str, entries: Sequence[LedgerEntry],
                      changes: Sequence[ControlChange], relations: Sequence[Relation]) -> None:
        """Replace the analysis rows of one document and mark it analysed."""
        for table in ("analysed_documents", "ledger_entries", "control_changes", "relations"):
            self._feed_sql(f"DELETE FROM {table} WHERE document_id = ?", [document_id])
        self._insert("ledger_entries", ("entry_id", "document_id", "kind", "said_on", "source", "speaker",
                                        "speaker_kind", "outcome", "due", "probability", "subjects", "data"),
                     [(e.entry_id, document_id, e.kind, e.said_on, e.source, e.speaker, e.speaker_kind, e.outcome,
                       e.due, e.probability, " | ".join([*e.actors, *e.places]), _json(e.to_dict())) for e in entries])
        self._insert("control_changes", ("change_id", "document_id", "place_key", "place", "day", "holder", "holder_id",
                                         "kind", "modality", "data"),
                     [(f"{document_id}:{i}", document_id, place_key(c.place), c.place, c.date, c.holder, c.holder_id,
                       c.kind, c.modality, _json(c.to_dict())) for i, c in enumerate(changes)])
        self._insert("relations", ("relation_id", "document_id", "actor1", "actor2", "actor1_id", "actor2_id", "kind",
                                   "day", "modality", "data"),
                     [(f"{document_id}:{i}", document_id, r.actor1, r.actor2, r.actor1_id, r.actor2_id, r.kind, r.date,
                       r.modality, _json(r.to_dict())) for i, r in enumerate(relations)])
        self._feed_sql("INSERT INTO analysed_documents (document_id, stage, entries, changes, relations, analysed_at) "
                       "VALUES (?, ?, ?, ?, ?, ?)", [document_id, stage, len(entries), len(changes), len(relations),
                                                     datetime.now(UTC).isoformat(timespec="seconds")])

    def _insert(self, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        marks = f"({', '.join('?' for _ in columns)})"
        for i in range(0, len(rows), _CHUNK):
            chunk = rows[i:i + _CHUNK]
            self._feed_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES {', '.join(marks for _ in chunk)}",
                           [v for row in chunk for v in row])

    # -- reading ---------------------------------------------------------------------------------------
    def unanalysed_documents(self, limit: int = 1000) -> list[str]:
        """Ids of stored documents not analysed yet (at most ``limit``)."""
        rows = self._feed_sql("SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM analysed_documents a "
                              "WHERE a.document_id = d.id) ORDER BY d.id LIMIT ?", [limit])
        return [r["id"] for r in rows]

    def forget_analysis(self) -> None:
        """Mark every document unanalysed (its rows stay until it is analysed again): after an upgrade of the
        analysis, ``frontlines analyse --again`` redoes them all."""
        self._feed_sql("DELETE FROM analysed_documents")

    def is_analysed(self, document_id: str) -> bool:
        return bool(self._feed_sql("SELECT 1 AS yes FROM analysed_documents WHERE document_id = ?", [document_id]))

    def ledger(self, query: LedgerQuery) -> tuple[list[LedgerEntry], int]:
        """A page of ledger entries (newest first) and how many match."""
        where, params = _ledger_where(query)
        total = self._feed_sql(f"SELECT count(*) AS n FROM ledger_entries {where}", params)[0]["n"]
        rows = self._feed_sql(f"SELECT data FROM ledger_entries {where} ORDER BY said_on DESC, entry_id "
                              "LIMIT ? OFFSET ?", [*params, query.limit, query.offset])
        return [LedgerEntry.from_dict(json.loads(r["data"])) for r in rows], int(total)

    def control_changes(self, place: str | None = None, since: str | None = None, until: str | None = None,
                        limit: int = 1000, newest_first: bool = False) -> list[ControlChange]:
        """Changes of control at ``place`` (its name, case folded; None: every place), oldest first (or newest
        first: the ``limit`` latest)."""
        where, params = [], []
        if place:
            where.append("place_key = ?")
            params.append(place_key(place))
        _dates(where, params, "day", since, until)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        order = "day DESC, change_id DESC" if newest_first else "day, change_id"
        rows = self._feed_sql(f"SELECT data FROM control_changes {clause} ORDER BY {order} LIMIT ?", [*params, limit])
        return [ControlChange.from_dict(json.loads(r["data"])) for r in rows]

    def control_places(self, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Places with changes of control: name, changes, first and last day."""
        clause, params = ("WHERE place_key LIKE ?", [f"%{place_key(q)}%"]) if q else ("", [])
        return self._feed_sql(f"SELECT min(place) AS place, count(*) AS changes, min(day) AS first_day, "
                              f"max(day) AS last_day FROM control_changes {clause} GROUP BY place_key "
                              "ORDER BY count(*) DESC, place_key LIMIT ?", [*params, limit])

    def relations(self, actor: str | None = None, kind: str | None = None, since: str | None = None,
                  until: str | None = None, limit: int = 1000, modalities: Sequence[str] = ()) -> list[Relation]:
        """Relations involving ``actor`` (an actor id, or a substring of a name), oldest first; ``modalities``:
        only those told with one of these (asserted, claimed, negated ...)."""
        where, params = [], []
        if modalities:
            where.append(f"modality IN ({', '.join('?' for _ in modalities)})")
            params += list(modalities)
        if actor:
            where.append("(actor1_id = ? OR actor2_id = ? OR lower(actor1) LIKE ? OR lower(actor2) LIKE ?)")
            params += [actor, actor, f"%{actor.lower()}%", f"%{actor.lower()}%"]
        if kind:
            where.append("kind = ?")
            params.append(kind)
        _dates(where, params, "day", since, until)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self._feed_sql(f"SELECT data FROM relations {clause} ORDER BY day, relation_id LIMIT ?", [*params, limit])
        return [Relation.from_dict(json.loads(r["data"])) for r in rows]

    def relation_actors(self, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Actors named in relations, most related first: id (or name when none), name, relations, first and last
        day; ``q``: part of a name or id."""
        clause, params = ("WHERE lower(name) LIKE ? OR lower(coalesce(id, '')) LIKE ?",
                          [f"%{q.lower()}%", f"%{q.lower()}%"]) if q else ("", [])
        return self._feed_sql(
            "SELECT coalesce(id, name) AS actor, min(name) AS name, count(*) AS relations, min(day) AS first_day, "
            "max(day) AS last_day FROM (SELECT actor1 AS name, actor1_id AS id, day FROM relations UNION ALL "
            f"SELECT actor2, actor2_id, day FROM relations) named {clause} GROUP BY coalesce(id, name) "
            "ORDER BY count(*) DESC, coalesce(id, name) LIMIT ?", [*params, limit])

    def analysis_counts(self) -> dict[str, int]:
        return {table: int(self._feed_sql(f"SELECT count(*) AS n FROM {table}")[0]["n"])
                for table in ("analysed_documents", "ledger_entries", "control_changes", "relations", "event_clusters")}

    # -- same-event clusters ---------------------------------------------------------------------------
    def save_clusters(self, rows: Sequence[tuple[str, str, str | None, str | None, str]]) -> None:
        """(event_id, cluster_id, document_id, day, reason) for each event; an event's earlier row is replaced."""
        ids = [r[0] for r in rows]
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            self._feed_sql(f"DELETE FROM event_clusters WHERE event_id IN ({', '.join('?' for _ in chunk)})", chunk)
        self._insert("event_clusters", ("event_id", "cluster_id", "document_id", "day", "reason"), list(rows))

    def cluster_candidates(self, event_type: str, since: date, until: date, box: tuple[float, float, float, float] | None,
                           location: str | None, limit: int = 200, per_cluster: int | None = None) -> list[Event]:
        """Stored events that could tell the same incident: this type, dated ``since``..``until``, inside ``box``
        (min_lon, min_lat, max_lon, max_lat) or at ``location``; at most ``per_cluster`` of each same-event cluster
        (an unclustered event is a cluster of its own), each cluster's nearest first (at ``location``, then the
        middle day of the window, then the day beside it), and the clusters' nearest reports before any cluster's
        second. One query on the (type, date) index: its cost follows the events of a few days, not the size of the
        store, and with ``per_cluster`` the rows returned follow the distinct incidents, not their reports."""
        where: list[str] = []
        params: list[Any] = []
        if box:
            where.append("(longitude BETWEEN ? AND ? AND latitude BETWEEN ? AND ?)")
            params += [box[0], box[2], box[1], box[3]]
        if location:
            where.append("location = ?")
            params.append(location)
        if not where:
            return []
        middle = since + (until - since) / 2
        near = ("(CASE WHEN location = ? THEN 0 ELSE 4 END + CASE WHEN event_date = ? THEN 0 WHEN event_date "
                "BETWEEN ? AND ? THEN 1 ELSE 2 END)")
        near_params = [location or "", middle, middle - timedelta(days=1), middle + timedelta(days=1)]
        found = (f"SELECT {', '.join(_CANDIDATE_COLUMNS)}, cluster_id FROM events WHERE event_type = ? AND "
                 f"event_date {{}} AND ({' OR '.join(where)}) ORDER BY event_date {{}} LIMIT ?")
        # the reports nearest the middle day, walking the index out both ways: no more rows read than needed
        rows = self._feed_sql(
            f"SELECT {', '.join(_CANDIDATE_COLUMNS)} FROM (SELECT *, {near} AS near, row_number() OVER (PARTITION BY "
            f"coalesce(cluster_id, event_id) ORDER BY {near}, event_id) AS nth FROM (SELECT * FROM "
            f"({found.format('BETWEEN ? AND ?', 'ASC')}) later UNION ALL SELECT * FROM "
            f"({found.format('>= ? AND event_date < ?', 'DESC')}) earlier) nearest) ranked "
            "WHERE nth <= ? ORDER BY nth, near, event_id LIMIT ?",
            [*near_params, *near_params, event_type, middle, until, *params, _SCAN * limit,
             event_type, since, middle, *params, _SCAN * limit, per_cluster or limit, limit])
        return [Event(**{**r, "event_date": _iso(r["event_date"]), "fatalities": int(r["fatalities"] or 0),
                         "fatalities_aggregate": bool(r["fatalities_aggregate"]), "notes": r["notes"] or ""})
                for r in rows]

    def clusters_of(self, event_ids: Sequence[str]) -> dict[str, str]:
        """The cluster of each of these events that has one."""
        out: dict[str, str] = {}
        for i in range(0, len(event_ids), _CHUNK):
            chunk = list(event_ids[i:i + _CHUNK])
            rows = self._feed_sql("SELECT event_id, cluster_id FROM event_clusters WHERE event_id IN "
                                  f"({', '.join('?' for _ in chunk)})", chunk)
            out.update({r["event_id"]: r["cluster_id"] for r in rows})
        return out

    def cluster_sizes(self, event_ids: Sequence[str]) -> dict[str, int]:
        """How many reports the cluster of each of these events holds (itself included); events in no cluster are
        left out (each is one report)."""
        out: dict[str, int] = {}
        for i in range(0, len(event_ids), _CHUNK):
            chunk = list(event_ids[i:i + _CHUNK])
            rows = self._feed_sql("SELECT mine.event_id AS event_id, count(*) AS n FROM event_clusters mine JOIN "
                                  "event_clusters kin ON kin.cluster_id = mine.cluster_id WHERE mine.event_id IN "
                                  f"({', '.join('?' for _ in chunk)}) GROUP BY mine.event_id", chunk)
            out.update({r["event_id"]: int(r["n"]) for r in rows})
        return out

    def cluster_members(self, cluster_id: str, limit: int = 1000) -> list[dict[str, Any]]:
        """The events of one cluster: event_id, document_id, day and why it joined."""
        return self._feed_sql("SELECT event_id, document_id, day, reason FROM event_clusters WHERE cluster_id = ? "
                              "ORDER BY day, event_id LIMIT ?", [cluster_id, limit])

    def cluster_counts(self, since: str | None = None, until: str | None = None) -> dict[str, int]:
        """Reports and distinct events (clusters) among the clustered events of a period."""
        where: list[str] = []
        params: list[Any] = []
        _dates(where, params, "day", since, until)
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        row = self._feed_sql(f"SELECT count(*) AS reports, count(DISTINCT cluster_id) AS events FROM event_clusters "
                             f"{clause}", params)[0]
        return {"reports": int(row["reports"]), "events": int(row["events"])}


def _ledger_where(q: LedgerQuery) -> tuple[str, list[Any]]:
    where, params = [], []
    for column, value in (("speaker", q.speaker), ("source", q.source), ("subjects", q.subject)):
        if value:
            where.append(f"lower({column}) LIKE ?")
            params.append(f"%{value.lower()}%")
    for column, value in (("kind", q.kind), ("document_id", q.document_id)):
        if value:
            where.append(f"{column} = ?")
            params.append(value)
    _dates(where, params, "said_on", q.since, q.until)
    _dates(where, params, "due", q.due_since, q.due_until)
    return (f"WHERE {' AND '.join(where)}" if where else ""), params


def _dates(where: list[str], params: list[Any], column: str, since: str | None, until: str | None) -> None:
    if since:
        where.append(f"{column} >= ?")
        params.append(since)
    if until:
        where.append(f"{column} <= ?")
        params.append(until)


def _iso(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)
