"""Analyst corrections of events (issue 12, deliverable 4): who changed which fields of an event, when and why, or
marked it as not an event; kept in ``event_corrections`` (SQLite migration 11, ``postgres-0008-corrections.sql``)
and undone by marking the record undone, never by deleting it.

How a correction reaches every view. The ``events`` row is what every listing, count, running total, map cell
and export reads, through its indexes and triggers; so a correction writes its values into that row (a rejected
event's row is taken out of ``events``) in the same transaction as its record, and the record keeps the event as
the pipeline extracted it (``extracted``: every field, and the event's same-event cluster row). Undoing restores
the values of the correction before it, or the extraction. The document, its mentions, statements and evidence
are never touched. When an event is written again (a re-extraction stores it anew), ``reapply_corrections``
puts its active correction back on the new row and keeps the new extraction as ``extracted``.

What an override is keyed on. An event id is a hash of the document, the clause's offset and the sub-type, so a
re-extraction after the extractor changed may renumber the document's events. Every event that a correction, a
split or a merge names therefore has its stable identity in ``event_anchors`` (SQLite migration 14,
``postgres-0010-event-anchors.sql``): its document, evidence sentence and offsets, type, sub-type, place and the
trigger its reason names, as extracted. When events are written, ``reattach`` moves the overrides of a document's
event that is gone to the new event with that identity (``match_anchors``: the same sentence and trigger, then the
same type or sub-type and place, and only when exactly one new event fits); ``replace_events`` marks those that find
none orphaned: they stay listed (``orphaned`` in every record, ``corrections(orphaned=True)``) and can be undone,
and are re-attached if a later extraction yields their event again. Nothing is dropped.

Both backends share this SQL (``?`` placeholders, through ``_feed_sql``); ``_begin_sql`` opens the transaction.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from frontlines.errors import InvalidParameterError, StoreNotFoundError
from frontlines.model import MODALITIES, Event

__all__ = ["CORRECTABLE_FIELDS", "ORPHANED_SQL", "CorrectionConflictError", "CorrectionRecords", "Transaction", "check_fields",
           "match_anchors"]

# what an analyst may correct: type, actors, place, date, fatalities, modality (the rest is the extraction's own)
CORRECTABLE_FIELDS = ("event_type", "sub_event_type", "actor1", "actor1_id", "assoc_actor_1", "actor2", "actor2_id",
                      "assoc_actor_2", "location", "admin1", "country", "latitude", "longitude", "geo_precision",
                      "event_date", "time_precision", "fatalities", "fatalities_aggregate", "modality")
_TEXT_MAX = 500
_CHUNK = 500
_INTEGERS = ("fatalities", "time_precision", "geo_precision")
_FLOATS = {"latitude": 90.0, "longitude": 180.0}
_REQUIRED = ("event_type", "sub_event_type")  # NOT NULL columns: a correction may change them, never empty them
_COLUMNS = ("correction_id", "event_id", "action", "fields", "extracted", "analyst", "reason", "created_at",
            "undone_at", "undone_by", "undo_reason")
# an event's stable identity (event_anchors), as extracted: what a re-extraction that renumbers events is matched on
_ANCHOR_COLUMNS = ("event_id", "document_id", "sentence", "evidence_start", "evidence_end", "event_type",
                   "sub_event_type", "location", "reason")
_ANCHOR_SELECT = ("event_id, document_id, coalesce(notes, '') AS sentence, evidence_start, evidence_end, event_type, "
                  "sub_event_type, location, reason")  # the same, read from an events row
_TRIGGER = re.compile(r"trigger '([^']*)'")
# which record an orphaned override's event is: its anchor marked orphaned by a re-extraction of its document, or (a
# correction of fields) no row left for it; a rejected event has no row by design ({id}: the event id column)
ORPHANED_SQL = ("({id} IN (SELECT event_id FROM event_anchors WHERE orphaned_at IS NOT NULL) OR (NOT EXISTS "
                "(SELECT 1 FROM events e WHERE e.event_id = {id}) AND NOT EXISTS (SELECT 1 FROM event_corrections r "
                "WHERE r.event_id = {id} AND r.undone_at IS NULL AND r.action = 'reject')))")


class CorrectionConflictError(InvalidParameterError):
    """An undo that would skip a later correction of the same event (undo that one first)."""

    code = "conflict"
    http_status = 409


def check_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """The corrected values, checked and normalised: known field names, ISO dates, whole non-negative fatalities,
    latitudes and longitudes in range, a known modality; an empty string clears an optional field (None)."""
    out: dict[str, Any] = {}
    for name, value in fields.items():
        if name not in CORRECTABLE_FIELDS:
            raise InvalidParameterError(f"{name!r} cannot be corrected; use {', '.join(CORRECTABLE_FIELDS)}.")
        out[name] = _checked(name, None if value == "" else value)
    if not out:
        raise InvalidParameterError("a correction changes at least one field; give fields or reject: true.")
    return out


def _checked(name: str, value: Any) -> Any:
    if value is None:
        if name in _REQUIRED or name in ("fatalities", "modality", "fatalities_aggregate"):
            raise InvalidParameterError(f"{name} cannot be empty; give a value.")
        return None
    if name == "fatalities_aggregate":
        if not isinstance(value, bool):
            raise InvalidParameterError("fatalities_aggregate is true or false.")
        return value
    if name in _INTEGERS:
        if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10_000_000:
            raise InvalidParameterError(f"{name} {value!r} is not a whole number from 0 to 10,000,000.")
        return value
    if name in _FLOATS:
        if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) \
                or abs(value) > _FLOATS[name]:
            raise InvalidParameterError(f"{name} {value!r} is not a number within ±{_FLOATS[name]:g}.")
        return float(value)
    if not isinstance(value, str) or len(value) > _TEXT_MAX or not value.strip():
        raise InvalidParameterError(f"{name} must be text of 1 to {_TEXT_MAX} characters.")
    value = value.strip()
    if name == "event_date":
        try:
            return date.fromisoformat(value).isoformat()
        except ValueError as exc:
            raise InvalidParameterError(f"event_date {value!r} is not a date; use YYYY-MM-DD.") from exc
    if name == "modality" and value not in MODALITIES:
        raise InvalidParameterError(f"modality {value!r} is unknown; use one of {', '.join(MODALITIES)}.")
    return value


class CorrectionRecords:
    """The correction methods of every store (mixed into ``base.Store``)."""

    _begin_sql = "BEGIN"

    def _feed_sql(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError  # each backend's

    def get_event(self, event_id: str) -> Event:
        raise NotImplementedError  # each backend's

    # -- writing ---------------------------------------------------------------------------------------
    def correct_event(self, event_id: str, analyst: str, reason: str, fields: dict[str, Any] | None = None,
                      reject: bool = False) -> dict[str, Any]:
        """Correct ``fields`` of an event (on top of its current correction, if any) or mark it as not an event
        (``reject``); returns the correction record. Raises StoreNotFoundError for an unknown event."""
        analyst, reason = who(analyst, "analyst"), who(reason, "reason")
        changes = {} if reject else check_fields(fields or {})
        with self._transaction():
            active = self._active(event_id)
            if active is not None and active["action"] == "reject":
                raise CorrectionConflictError(f"event {event_id!r} is marked as not an event (correction "
                                              f"{active['correction_id']}); undo that first.")
            if active is None:
                ev = self.get_event(event_id)
                extracted = {**ev.to_dict(), "cluster": self._cluster_row(event_id)}
            else:
                extracted = active["extracted"]
            merged = {**(active["fields"] if active else {}), **changes}
            served = _serve(extracted, merged)
            if served["sub_event_type"] and not served["event_type"]:
                raise InvalidParameterError("event_type cannot be empty; give a value.")
            rows = self._feed_sql(
                "INSERT INTO event_corrections (event_id, action, fields, extracted, analyst, reason, created_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING correction_id",
                [event_id, "reject" if reject else "correct", _json(merged), _json(extracted), analyst, reason,
                 now()])
            self._anchor([extracted])
            if reject:
                self._feed_sql("DELETE FROM events WHERE event_id = ?", [event_id])
            else:
                self._write_fields(event_id, served)
        return self.correction(rows[0]["correction_id"])

    def undo_correction(self, correction_id: int, analyst: str, reason: str = "") -> dict[str, Any]:
        """Undo a correction: the event gets the values of the correction before it, or its extraction back (a
        rejected event is stored again). Only an event's latest active correction can be undone."""
        analyst = who(analyst, "analyst")
        with self._transaction():
            record = self.correction(correction_id)
            if record["undone_at"] is not None:
                raise CorrectionConflictError(f"correction {correction_id} was undone already "
                                              f"({record['undone_at']} by {record['undone_by']}).")
            active = self._active(record["event_id"])
            if active is None or active["correction_id"] != correction_id:
                later = active["correction_id"] if active else "?"
                raise CorrectionConflictError(f"correction {correction_id} is not the latest of event "
                                              f"{record['event_id']!r}; undo correction {later} first.")
            self._feed_sql("UPDATE event_corrections SET undone_at = ?, undone_by = ?, undo_reason = ? "
                           "WHERE correction_id = ?", [now(), analyst, reason.strip()[:_TEXT_MAX], correction_id])
            if record["orphaned"]:  # its event is gone from the extraction: nothing to restore, only the mark
                return self.correction(correction_id)
            before = self._active(record["event_id"])
            served = _serve(record["extracted"], before["fields"] if before else {})
            if record["action"] == "reject":
                self._restore(served, record["extracted"].get("cluster"))
            else:
                self._write_fields(record["event_id"], served)
        return self.correction(correction_id)

    def reapply_corrections(self, event_ids: Iterable[str]) -> int:
        """Put the active corrections of these (just written) events back on their rows, keeping the new rows as
        the extraction; the caller holds the transaction. Returns how many were applied."""
        ids = list(event_ids)
        self.reattach(ids)
        if not ids or not self._feed_sql("SELECT 1 AS x FROM event_corrections WHERE undone_at IS NULL LIMIT 1"):
            return 0
        applied = 0
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            latest: dict[str, dict[str, Any]] = {}  # an event's latest active correction holds all its fields
            for row in self._feed_sql(f"SELECT correction_id, event_id, action, fields FROM event_corrections "
                                      f"WHERE undone_at IS NULL AND event_id IN ({marks}) ORDER BY correction_id",
                                      chunk):
                latest[row["event_id"]] = row
            for event_id, row in latest.items():
                ev = self.get_event(event_id)  # the new row, as extracted (read before any correction is written)
                extracted = {**ev.to_dict(), "cluster": self._cluster_row(event_id)}
                self._feed_sql("UPDATE event_corrections SET extracted = ? WHERE event_id = ? AND undone_at IS NULL",
                               [_json(extracted), event_id])
                if row["action"] == "reject":
                    self._feed_sql("DELETE FROM events WHERE event_id = ?", [event_id])
                else:
                    self._write_fields(event_id, _serve(extracted, _loads(row["fields"])))
                applied += 1
        return applied

    def reattach(self, event_ids: Sequence[str]) -> dict[str, str]:
        """Move the overrides (corrections, splits, merges) of events that are gone from their documents to the
        just written events (``event_ids``) with the same identity (``match_anchors``); the caller holds the
        transaction. Returns {old id: new id}. One query when no override names any event (the common case)."""
        ids = list(dict.fromkeys(event_ids))
        if not ids or not self._feed_sql("SELECT 1 AS x FROM event_anchors LIMIT 1"):
            return {}
        fresh: dict[str, list[dict[str, Any]]] = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            self._feed_sql(f"UPDATE event_anchors SET orphaned_at = NULL WHERE orphaned_at IS NOT NULL AND event_id "
                           f"IN ({marks})", chunk)  # written again under its own id: not orphaned any more
            for row in self._feed_sql(f"SELECT {_ANCHOR_SELECT} FROM events WHERE event_id IN ({marks}) AND "
                                      f"document_id IS NOT NULL AND event_id NOT IN (SELECT event_id FROM "
                                      f"event_anchors)", chunk):
                fresh.setdefault(row["document_id"], []).append(row)
        docs = sorted(fresh)
        lost: list[dict[str, Any]] = []
        for i in range(0, len(docs), _CHUNK):
            chunk = docs[i:i + _CHUNK]
            lost += self._feed_sql(f"SELECT {', '.join(_ANCHOR_COLUMNS)} FROM event_anchors a WHERE document_id IN "
                                   f"({', '.join('?' * len(chunk))}) AND NOT EXISTS (SELECT 1 FROM events e WHERE "
                                   f"e.event_id = a.event_id)", chunk)
        moved: dict[str, str] = {}
        for doc in {a["document_id"] for a in lost}:
            new_rows = {r["event_id"]: r for r in fresh[doc]}
            for old, new in match_anchors([a for a in lost if a["document_id"] == doc], fresh[doc]).items():
                self._move_overrides(old, new_rows[new])
                moved[old] = new
        if moved:  # read by replace_events (each store's own dict, never a shared one)
            self.reattached = {**getattr(self, "reattached", {}), **moved}
        return moved

    def mark_orphans(self, document_id: str, written: Sequence[str]) -> list[str]:
        """After a re-extraction of a document (``written``: its new event ids): mark orphaned the overridden events
        of the document that have no row any more and were not written again (a rejected event's row is taken out
        by its correction, so one written again is not orphaned). Returns the ids newly marked."""
        kept = set(written)
        rows = self._feed_sql("SELECT a.event_id FROM event_anchors a WHERE a.document_id = ? AND a.orphaned_at IS "
                              "NULL AND NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = a.event_id)",
                              [document_id])
        orphans = sorted(r["event_id"] for r in rows if r["event_id"] not in kept)
        for i in range(0, len(orphans), _CHUNK):
            chunk = orphans[i:i + _CHUNK]
            self._feed_sql(f"UPDATE event_anchors SET orphaned_at = ? WHERE event_id IN ({', '.join('?' * len(chunk))})",
                           [now(), *chunk])
        return orphans

    def overridden_events(self, document_id: str) -> list[str]:
        """The document's events that an analyst's correction, split or merge names and that are not orphaned
        (what a re-extraction of the document must re-attach)."""
        rows = self._feed_sql("SELECT event_id FROM event_anchors WHERE document_id = ? AND orphaned_at IS NULL",
                              [document_id])
        return sorted(r["event_id"] for r in rows)

    def orphaned(self, event_ids: Sequence[str]) -> dict[str, str | None]:
        """Which of these events that overrides name are orphaned: gone from a re-extraction of their document
        (when it was marked), or, for an event not rejected, without a row (when unknown: None)."""
        ids = list(dict.fromkeys(event_ids))
        out: dict[str, str | None] = {}
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            marked = {r["event_id"]: r["orphaned_at"] for r in self._feed_sql(
                f"SELECT event_id, orphaned_at FROM event_anchors WHERE orphaned_at IS NOT NULL AND event_id IN "
                f"({marks})", chunk)}
            present = {r["event_id"] for r in self._feed_sql(f"SELECT event_id FROM events WHERE event_id IN "
                                                             f"({marks})", chunk)}
            rejected = {r["event_id"] for r in self._feed_sql(
                f"SELECT event_id FROM event_corrections WHERE undone_at IS NULL AND action = 'reject' AND event_id "
                f"IN ({marks})", chunk)}
            out.update(marked)
            out.update({e: None for e in chunk if e not in present and e not in rejected and e not in marked})
        return out

    # -- reading ---------------------------------------------------------------------------------------
    def correction(self, correction_id: int) -> dict[str, Any]:
        rows = self._feed_sql(f"SELECT {', '.join(_COLUMNS)} FROM event_corrections WHERE correction_id = ?",
                              [correction_id])
        if not rows:
            raise StoreNotFoundError(f"No correction {correction_id} in this store; GET /api/corrections lists them.")
        return self._with_orphans([_record(rows[0])])[0]

    def corrections(self, event_id: str | None = None, active: bool | None = None, limit: int = 100,
                    offset: int = 0, orphaned: bool | None = None) -> dict[str, Any]:
        """Correction records, newest first: of one event, active ones only (``active``) or undone ones only,
        orphaned ones only (``orphaned``: their event gone from a re-extraction) or attached ones only."""
        if not 1 <= limit <= 1000 or not 0 <= offset <= 10**12:
            raise InvalidParameterError("limit must be 1 to 1000 and offset 0 or more.")
        where, params = [], []
        if event_id is not None:
            where.append("c.event_id = ?")
            params.append(event_id)
        if active is not None:
            where.append("c.undone_at IS NULL" if active else "c.undone_at IS NOT NULL")
        if orphaned is not None:
            where.append(("" if orphaned else "NOT ") + ORPHANED_SQL.format(id="c.event_id"))
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        total = self._feed_sql(f"SELECT count(*) AS n FROM event_corrections c{clause}", params)[0]["n"]
        rows = self._feed_sql(f"SELECT {', '.join('c.' + c for c in _COLUMNS)} FROM event_corrections c{clause} "
                              f"ORDER BY c.correction_id DESC LIMIT ? OFFSET ?", [*params, limit, offset])
        return {"total": total, "limit": limit, "offset": offset,
                "items": self._with_orphans([_record(r) for r in rows])}

    def correction_counts(self) -> dict[str, int]:
        """Events with an active correction, how many of them are marked as not an event, and how many of them are
        orphaned (gone from a re-extraction of their document)."""
        rows = self._feed_sql("SELECT action, count(DISTINCT event_id) AS n FROM event_corrections WHERE undone_at "
                              "IS NULL GROUP BY action")  # stacked corrections of one event count once
        by = {r["action"]: r["n"] for r in rows}
        orphans = 0
        if by and self._feed_sql("SELECT 1 AS x FROM event_anchors LIMIT 1"):
            orphans = int(self._feed_sql(f"SELECT count(DISTINCT c.event_id) AS n FROM event_corrections c WHERE "
                                         f"c.undone_at IS NULL AND {ORPHANED_SQL.format(id='c.event_id')}")[0]["n"])
        return {"corrected": by.get("correct", 0), "rejected": by.get("reject", 0), "orphaned": orphans}

    def active_corrections(self, event_ids: Sequence[str]) -> dict[str, dict[str, Any]]:
        """The active correction of each of these events that has one (a summary: id, action, fields changed,
        analyst, when, why), for listings and exports to say an event was corrected."""
        out: dict[str, dict[str, Any]] = {}
        ids = list(dict.fromkeys(event_ids))
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            rows = self._feed_sql(f"SELECT correction_id, event_id, action, fields, extracted, analyst, reason, "
                                  f"created_at FROM event_corrections WHERE undone_at IS NULL AND event_id IN "
                                  f"({', '.join('?' * len(chunk))})", chunk)
            for r in rows:
                out[r["event_id"]] = _summary(r)
        return out

    def with_corrections(self, events: Iterable[Event]) -> Iterator[tuple[Event, dict[str, Any] | None]]:
        """Each event with its active correction (or None), looked up per batch of 500 (none when the store has
        no active correction at all: the common case costs one query)."""
        if not self._feed_sql("SELECT 1 AS x FROM event_corrections WHERE undone_at IS NULL LIMIT 1"):
            for ev in events:
                yield ev, None
            return
        batch: list[Event] = []
        for ev in events:
            batch.append(ev)
            if len(batch) >= _CHUNK:
                yield from self._annotated(batch)
                batch = []
        yield from self._annotated(batch)

    # -- helpers ---------------------------------------------------------------------------------------
    def _with_orphans(self, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
        found = self.orphaned([r["event_id"] for r in records]) if records else {}
        for r in records:
            r["orphaned"] = r["event_id"] in found
            r["orphaned_at"] = found.get(r["event_id"])
        return records

    def _anchor(self, extracted: Sequence[dict[str, Any]]) -> None:
        """Keep the stable identity of these events (as extracted) unless it is kept already."""
        for ev in extracted:
            evidence = ev.get("evidence") or {}
            self._feed_sql(f"INSERT INTO event_anchors ({', '.join(_ANCHOR_COLUMNS)}) VALUES "
                           f"({', '.join('?' * len(_ANCHOR_COLUMNS))}) ON CONFLICT (event_id) DO NOTHING",
                           [ev["event_id"], ev.get("document_id"), ev.get("notes") or "", evidence.get("start"),
                            evidence.get("end"), ev.get("event_type"), ev.get("sub_event_type"), ev.get("location"),
                            ev.get("reason")])

    def _move_overrides(self, old: str, new: dict[str, Any]) -> None:
        """Every override of event ``old`` now names ``new`` (an events row: the same event, re-extracted), whose
        identity as now extracted replaces the old one."""
        new_id = new["event_id"]
        for sql in ("UPDATE event_corrections SET event_id = ? WHERE event_id = ?",
                    "UPDATE cluster_override_members SET event_id = ? WHERE event_id = ?",
                    "UPDATE cluster_overrides SET event_id = ? WHERE event_id = ?",
                    "UPDATE cluster_overrides SET other_id = ? WHERE other_id = ?"):
            self._feed_sql(sql, [new_id, old])
        for row in self._feed_sql("SELECT o.override_id, o.previous FROM cluster_overrides o JOIN "
                                  "cluster_override_members m ON m.override_id = o.override_id WHERE m.event_id = ?",
                                  [new_id]):
            previous = _loads(row["previous"])
            if any(p.get("event_id") == old for p in previous):
                for p in previous:
                    p["event_id"] = new_id if p.get("event_id") == old else p.get("event_id")
                self._feed_sql("UPDATE cluster_overrides SET previous = ? WHERE override_id = ?",
                               [json.dumps(previous, default=str), row["override_id"]])
        self._feed_sql("DELETE FROM event_anchors WHERE event_id = ?", [old])
        self._feed_sql(f"INSERT INTO event_anchors ({', '.join(_ANCHOR_COLUMNS)}) VALUES "
                       f"({', '.join('?' * len(_ANCHOR_COLUMNS))})", [new[c] for c in _ANCHOR_COLUMNS])

    def _annotated(self, batch: list[Event]) -> Iterator[tuple[Event, dict[str, Any] | None]]:
        found = self.active_corrections([ev.event_id for ev in batch]) if batch else {}
        for ev in batch:
            yield ev, found.get(ev.event_id)

    def _active(self, event_id: str) -> dict[str, Any] | None:
        rows = self._feed_sql(f"SELECT {', '.join(_COLUMNS)} FROM event_corrections WHERE event_id = ? AND "
                              f"undone_at IS NULL ORDER BY correction_id DESC LIMIT 1", [event_id])
        return _record(rows[0]) if rows else None

    def _cluster_row(self, event_id: str) -> dict[str, Any] | None:
        rows = self._feed_sql("SELECT cluster_id, document_id, day, reason FROM event_clusters WHERE event_id = ?",
                              [event_id])
        return dict(rows[0]) if rows else None

    def _write_fields(self, event_id: str, served: dict[str, Any]) -> None:
        """Write the fields whose value changes (an unchanged indexed column costs an index update for nothing)."""
        current = self.get_event(event_id).to_dict()
        names = [n for n in CORRECTABLE_FIELDS if current.get(n) != served.get(n)]
        if not names:
            return
        self._feed_sql(f"UPDATE events SET {', '.join(f'{n} = ?' for n in names)} WHERE event_id = ?",
                       [served.get(n) for n in names] + [event_id])

    def _restore(self, served: dict[str, Any], cluster: dict[str, Any] | None) -> None:
        """Store a rejected event again, with its cluster row (its document must still be stored)."""
        from frontlines.store.base import EVENT_FIELDS, event_values  # base mixes this class in

        ev = Event.from_dict(served)
        doc = ev.document_id
        if doc and not self._feed_sql("SELECT 1 AS x FROM documents WHERE id = ?", [doc]):
            doc = None
        cols = ["event_id", *EVENT_FIELDS, "evidence_start", "evidence_end"]
        self._feed_sql(f"INSERT INTO events ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                       event_values(ev, doc, {doc} if doc else set()))
        if cluster:
            self._feed_sql("INSERT INTO event_clusters (event_id, cluster_id, document_id, day, reason) "
                           "VALUES (?, ?, ?, ?, ?)", [ev.event_id, cluster["cluster_id"], cluster["document_id"],
                                                      cluster["day"], cluster["reason"]])

    def _transaction(self) -> Transaction:
        return Transaction(self)

    def transaction(self) -> Transaction:
        """One transaction around everything done inside it (``analysis.corrected``: a correction and the
        recompute of what rested on it); the store's own transactions inside it join it."""
        return Transaction(self)


class Transaction:
    """BEGIN ... COMMIT through ``_feed_sql`` (ROLLBACK on any error): an analyst's record (a correction, a split
    or merge) and the rows it changes are written together or not at all. Re-entrant: a transaction opened inside
    another joins it (an error inside rolls the outer one back as it propagates)."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def __enter__(self) -> None:
        depth = getattr(self.store, "_transaction_depth", 0)
        if depth == 0:
            self.store._feed_sql(self.store._begin_sql)
        self.store._transaction_depth = depth + 1

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.store._transaction_depth -= 1
        if self.store._transaction_depth == 0:
            self.store._feed_sql("COMMIT" if kind is None else "ROLLBACK")


def match_anchors(lost: Sequence[dict[str, Any]], fresh: Sequence[dict[str, Any]]) -> dict[str, str]:
    """Which new event (``fresh``: rows of one document's re-extracted events) has the identity of each overridden
    event that is gone (``lost``: its ``event_anchors`` rows): the same evidence sentence (spacing folded) and
    trigger, with the same sub-type and place, else the same type, else either; then the same trigger and type in a
    sentence that holds the other (the sentence split differently). A tier matches only when exactly one new event
    fits and no other lost event would take it; strong matches are made first, and each new event is taken once."""
    def key(row: dict[str, Any]) -> tuple[str, str | None]:
        found = _TRIGGER.search(row.get("reason") or "")
        return " ".join((row.get("sentence") or "").split()), found.group(1).lower() if found else None

    def contained(a: str, b: str) -> bool:
        return bool(a and b) and (a in b or b in a)

    def same_kind_and_place(a: dict[str, Any], f: dict[str, Any]) -> bool:
        return key(a) == key(f) and (a["sub_event_type"], a["location"]) == (f["sub_event_type"], f["location"])

    def same_type(a: dict[str, Any], f: dict[str, Any]) -> bool:
        return key(a) == key(f) and bool(a["event_type"] == f["event_type"])

    def same_sentence(a: dict[str, Any], f: dict[str, Any]) -> bool:
        return key(a) == key(f)

    def sentence_resplit(a: dict[str, Any], f: dict[str, Any]) -> bool:
        return key(a)[1] == key(f)[1] and a["event_type"] == f["event_type"] and contained(key(a)[0], key(f)[0])

    tiers: tuple[Callable[[dict[str, Any], dict[str, Any]], bool], ...] = (
        same_kind_and_place, same_type, same_sentence, sentence_resplit)
    out: dict[str, str] = {}
    taken: set[str] = set()
    for fits in tiers:
        waiting = [a for a in sorted(lost, key=lambda a: a["event_id"]) if a["event_id"] not in out]
        free = [f for f in fresh if f["event_id"] not in taken]
        for a in waiting:
            candidates = [f for f in free if f["event_id"] not in taken and fits(a, f)]
            if len(candidates) != 1:
                continue
            rivals = [b for b in waiting if b["event_id"] not in out and fits(b, candidates[0])]
            if len(rivals) == 1:
                out[a["event_id"]] = candidates[0]["event_id"]
                taken.add(candidates[0]["event_id"])
    return out


def _serve(extracted: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """The event as the views show it: the extraction with the corrected fields on top."""
    return {**{k: v for k, v in extracted.items() if k != "cluster"}, **fields}


def who(value: str, label: str, doing: str = "corrects") -> str:
    """An analyst's name or reason, checked: every change an analyst makes says who and why."""
    if not isinstance(value, str) or not value.strip() or len(value) > _TEXT_MAX:
        raise InvalidParameterError(f"{label} is required: 1 to {_TEXT_MAX} characters (who {doing}, and why).")
    return value.strip()


def _record(row: dict[str, Any]) -> dict[str, Any]:
    out = {name: row[name] for name in _COLUMNS}
    out["fields"], out["extracted"] = _loads(row["fields"]), _loads(row["extracted"])
    out["active"] = row["undone_at"] is None
    out["changed"] = _changed(out["extracted"], out["fields"])
    for name in ("created_at", "undone_at"):
        if isinstance(out[name], datetime):
            out[name] = out[name].isoformat(timespec="seconds")
    return out


def _summary(row: dict[str, Any]) -> dict[str, Any]:
    created = row["created_at"]
    return {"correction_id": row["correction_id"], "action": row["action"], "analyst": row["analyst"],
            "reason": row["reason"], "created_at": created.isoformat(timespec="seconds")
            if isinstance(created, datetime) else created,
            "changed": _changed(_loads(row["extracted"]), _loads(row["fields"]))}


def _changed(extracted: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """Each corrected field that differs from the extraction: {"from": extracted value, "to": corrected value}."""
    return {k: {"from": extracted.get(k), "to": v} for k, v in fields.items() if extracted.get(k) != v}


def _loads(value: Any) -> Any:
    return json.loads(value) if isinstance(value, str) else value


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def now() -> str:
    """The time an analyst's change is recorded (UTC, to the second)."""
    return datetime.now(UTC).isoformat(timespec="seconds")
