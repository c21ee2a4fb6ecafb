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

Both backends share this SQL (``?`` placeholders, through ``_feed_sql``); ``_begin_sql`` opens the transaction.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime
from typing import Any

from frontlines.errors import InvalidParameterError, StoreNotFoundError
from frontlines.model import MODALITIES, Event

__all__ = ["CORRECTABLE_FIELDS", "CorrectionConflictError", "CorrectionRecords", "check_fields"]

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
        if not ids or not self._feed_sql("SELECT 1 AS x FROM event_corrections WHERE undone_at IS NULL LIMIT 1"):
            return 0
        applied = 0
        for i in range(0, len(ids), _CHUNK):
            chunk = ids[i:i + _CHUNK]
            marks = ", ".join("?" * len(chunk))
            for row in self._feed_sql(f"SELECT correction_id, event_id, action, fields FROM event_corrections "
                                      f"WHERE undone_at IS NULL AND event_id IN ({marks}) ORDER BY correction_id",
                                      chunk):
                ev = self.get_event(row["event_id"])
                extracted = {**ev.to_dict(), "cluster": self._cluster_row(row["event_id"])}
                self._feed_sql("UPDATE event_corrections SET extracted = ? WHERE correction_id = ?",
                               [_json(extracted), row["correction_id"]])
                if row["action"] == "reject":
                    self._feed_sql("DELETE FROM events WHERE event_id = ?", [row["event_id"]])
                else:
                    self._write_fields(row["event_id"], _serve(extracted, _loads(row["fields"])))
                applied += 1
        return applied

    # -- reading ---------------------------------------------------------------------------------------
    def correction(self, correction_id: int) -> dict[str, Any]:
        rows = self._feed_sql(f"SELECT {', '.join(_COLUMNS)} FROM event_corrections WHERE correction_id = ?",
                              [correction_id])
        if not rows:
            raise StoreNotFoundError(f"No correction {correction_id} in this store; GET /api/corrections lists them.")
        return _record(rows[0])

    def corrections(self, event_id: str | None = None, active: bool | None = None, limit: int = 100,
                    offset: int = 0) -> dict[str, Any]:
        """Correction records, newest first: of one event, active ones only (``active``) or undone ones only."""
        if not 1 <= limit <= 1000 or not 0 <= offset <= 10**12:
            raise InvalidParameterError("limit must be 1 to 1000 and offset 0 or more.")
        where, params = [], []
        if event_id is not None:
            where.append("event_id = ?")
            params.append(event_id)
        if active is not None:
            where.append("undone_at IS NULL" if active else "undone_at IS NOT NULL")
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        total = self._feed_sql(f"SELECT count(*) AS n FROM event_corrections{clause}", params)[0]["n"]
        rows = self._feed_sql(f"SELECT {', '.join(_COLUMNS)} FROM event_corrections{clause} "
                              f"ORDER BY correction_id DESC LIMIT ? OFFSET ?", [*params, limit, offset])
        return {"total": total, "limit": limit, "offset": offset, "items": [_record(r) for r in rows]}

    def correction_counts(self) -> dict[str, int]:
        """Events with an active correction, and how many of them are marked as not an event."""
        rows = self._feed_sql("SELECT action, count(*) AS n FROM event_corrections WHERE undone_at IS NULL "
                              "GROUP BY action")
        by = {r["action"]: r["n"] for r in rows}
        return {"corrected": by.get("correct", 0), "rejected": by.get("reject", 0)}

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


class Transaction:
    """BEGIN ... COMMIT through ``_feed_sql`` (ROLLBACK on any error): an analyst's record (a correction, a split
    or merge) and the rows it changes are written together or not at all."""

    def __init__(self, store: Any) -> None:
        self.store = store

    def __enter__(self) -> None:
        self.store._feed_sql(self.store._begin_sql)

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        self.store._feed_sql("COMMIT" if kind is None else "ROLLBACK")


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
