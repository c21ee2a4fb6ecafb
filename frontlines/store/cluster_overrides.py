"""Analysts' splits and merges of same-event clusters (issue 12, deliverable 4), kept in ``cluster_overrides`` and
``cluster_override_members`` (SQLite migration 13, ``postgres-0009-cluster-overrides.sql``).

A **split** moves one report out of its cluster into a cluster of its own; a **merge** puts every report of one
cluster into another's. Each is written to ``event_clusters`` at once (so every view reads the analyst's clusters)
and kept as a record with who, when, why and the cluster rows as they were. The record also holds what the
analyst said about pairs of reports, which is what outlives a re-analysis: a split keeps the moved report apart
from each report it was with (``moved`` / ``apart``), a merge keeps every report of both clusters together
(``together``). ``cluster_links`` reads them for one report, the latest override deciding a pair; the incremental
clustering (``analysis.overrides.constrain``) obeys them whenever it places a report again. Undoing marks the
record undone, never deletes it; the caller (``analysis.corrected.undo_override``) then places the reports it had
moved as the clustering would.

Both backends share this SQL (``?`` placeholders, through ``_feed_sql``).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from typing import Any

from frontlines.errors import InvalidParameterError, StoreNotFoundError
from frontlines.model import Event
from frontlines.store.corrections import _ANCHOR_COLUMNS, _ANCHOR_SELECT, ORPHANED_SQL, Transaction, now, who

__all__ = ["ClusterOverrideConflictError", "ClusterOverrideRecords"]

_TEXT_MAX = 500
_DOING = "changes the clusters"
_COLUMNS = ("override_id", "action", "event_id", "other_id", "cluster_id", "previous", "analyst", "reason",
            "created_at", "undone_at", "undone_by", "undo_reason")
_MEMBERS_MAX = 1000  # reports in one cluster an override reads (a cluster is the reports of one incident)


class ClusterOverrideConflictError(InvalidParameterError):
    """A split or merge the clusters do not allow (a report alone already, one cluster already, not clustered),
    or an undo that would skip a later override of the same reports."""

    code = "conflict"
    http_status = 409


class ClusterOverrideRecords:
    """The split/merge methods of every store (mixed into ``base.Store``)."""

    _begin_sql = "BEGIN"

    def _feed_sql(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError  # each backend's

    def get_event(self, event_id: str) -> Event:
        raise NotImplementedError  # each backend's

    # -- writing ---------------------------------------------------------------------------------------
    def split_report(self, event_id: str, analyst: str, reason: str) -> dict[str, Any]:
        """Move one report out of its cluster into a cluster of its own, kept apart from the reports it was with."""
        analyst, reason = who(analyst, "analyst", _DOING), who(reason, "reason", _DOING)
        self.get_event(event_id)  # an unknown event: StoreNotFoundError
        with Transaction(self):
            cluster = self._cluster_of(event_id)
            members = self._members(cluster)
            if len(members) < 2:
                raise ClusterOverrideConflictError(f"event {event_id!r} is the only report of its cluster already; "
                                                   "there is nothing to split it from.")
            created = now()
            new_id = "cl-" + hashlib.sha1(f"split|{event_id}|{cluster}|{created}".encode()).hexdigest()[:12]
            previous = [m for m in members if m["event_id"] == event_id]
            override_id = self._record("split", event_id, None, new_id, previous, analyst, reason, created,
                                       [(m["event_id"], "moved" if m["event_id"] == event_id else "apart")
                                        for m in members])
            self._feed_sql("UPDATE event_clusters SET cluster_id = ?, reason = ? WHERE event_id = ?",
                           [new_id, f"split out of {cluster} by {analyst}: {reason} (override {override_id})",
                            event_id])
        return self.cluster_override(override_id)

    def merge_clusters(self, event_id: str, other_id: str, analyst: str, reason: str) -> dict[str, Any]:
        """Put every report of ``other_id``'s cluster into ``event_id``'s cluster, kept together from now on."""
        analyst, reason = who(analyst, "analyst", _DOING), who(reason, "reason", _DOING)
        if event_id == other_id:
            raise InvalidParameterError("merge two different events' clusters: 'with' names the event whose "
                                        "cluster joins this one.")
        self.get_event(event_id)
        self.get_event(other_id)
        with Transaction(self):
            into, joining = self._cluster_of(event_id), self._cluster_of(other_id)
            if into == joining:
                raise ClusterOverrideConflictError(f"events {event_id!r} and {other_id!r} are in one cluster "
                                                   f"({into}) already.")
            kept, moved = self._members(into), self._members(joining)
            override_id = self._record("merge", event_id, other_id, into, moved, analyst, reason, now(),
                                       [(m["event_id"], "together") for m in (*kept, *moved)])
            self._feed_sql("UPDATE event_clusters SET cluster_id = ?, reason = ? WHERE cluster_id = ?",
                           [into, f"merged into the cluster of {event_id} by {analyst}: {reason} "
                                  f"(override {override_id})", joining])
        return self.cluster_override(override_id)

    def mark_override_undone(self, override_id: int, analyst: str, reason: str = "") -> dict[str, Any]:
        """Mark an override undone (only when no later override in force touches its reports) and return it, with
        ``moved``: the reports it had moved, which the caller places again as the clustering would."""
        analyst = who(analyst, "analyst", _DOING)
        with Transaction(self):
            record = self.cluster_override(override_id)
            if record["undone_at"] is not None:
                raise ClusterOverrideConflictError(f"cluster override {override_id} was undone already "
                                                   f"({record['undone_at']} by {record['undone_by']}).")
            ids = list(record["members"])
            later = self._feed_sql(
                f"SELECT min(o.override_id) AS later FROM cluster_overrides o JOIN cluster_override_members m ON "
                f"m.override_id = o.override_id WHERE o.override_id > ? AND o.undone_at IS NULL AND m.event_id IN "
                f"({', '.join('?' * len(ids))})", [override_id, *ids])
            if later and later[0]["later"] is not None:
                raise ClusterOverrideConflictError(f"cluster override {override_id} is followed by override "
                                                   f"{later[0]['later']} on the same reports; undo that one first.")
            self._feed_sql("UPDATE cluster_overrides SET undone_at = ?, undone_by = ?, undo_reason = ? "
                           "WHERE override_id = ?", [now(), analyst, reason.strip()[:_TEXT_MAX], override_id])
        return self.cluster_override(override_id)

    def forget_clusters(self, event_ids: Sequence[str]) -> None:
        """Take these reports out of their clusters (before they are placed again: ``analysis.corrected``)."""
        ids = list(event_ids)
        for i in range(0, len(ids), 200):
            chunk = ids[i:i + 200]
            self._feed_sql(f"DELETE FROM event_clusters WHERE event_id IN ({', '.join('?' * len(chunk))})", chunk)

    # -- reading ---------------------------------------------------------------------------------------
    def cluster_override(self, override_id: int) -> dict[str, Any]:
        rows = self._feed_sql(f"SELECT {', '.join(_COLUMNS)} FROM cluster_overrides WHERE override_id = ?",
                              [override_id])
        if not rows:
            raise StoreNotFoundError(f"No cluster override {override_id} in this store; GET /api/cluster-overrides "
                                     "lists them.")
        return self._records(rows)[0]

    def cluster_overrides(self, event_id: str | None = None, active: bool | None = None, limit: int = 100,
                          offset: int = 0, orphaned: bool | None = None) -> dict[str, Any]:
        """Splits and merges, newest first: those touching one report, in force only (``active``) or undone only,
        orphaned only (``orphaned``: the report split out, or either report of a merge, gone from a re-extraction)
        or attached only."""
        if not 1 <= limit <= 1000 or not 0 <= offset <= 10**12:
            raise InvalidParameterError("limit must be 1 to 1000 and offset 0 or more.")
        where: list[str] = []
        params: list[Any] = []
        if event_id is not None:
            where.append("override_id IN (SELECT override_id FROM cluster_override_members WHERE event_id = ?)")
            params.append(event_id)
        if active is not None:
            where.append("undone_at IS NULL" if active else "undone_at IS NOT NULL")
        if orphaned is not None:
            where.append(("" if orphaned else "NOT ") + f"({ORPHANED_SQL.format(id='cluster_overrides.event_id')} OR "
                         f"(other_id IS NOT NULL AND {ORPHANED_SQL.format(id='cluster_overrides.other_id')}))")
        clause = f" WHERE {' AND '.join(where)}" if where else ""
        total = self._feed_sql(f"SELECT count(*) AS n FROM cluster_overrides{clause}", params)[0]["n"]
        rows = self._feed_sql(f"SELECT {', '.join(_COLUMNS)} FROM cluster_overrides{clause} "
                              "ORDER BY override_id DESC LIMIT ? OFFSET ?", [*params, limit, offset])
        return {"total": int(total), "limit": limit, "offset": offset, "items": self._records(rows)}

    def overridden(self, event_ids: Sequence[str]) -> set[str]:
        """Which of these reports a split or merge in force names (only they have ``cluster_links``): one indexed
        query per 200 reports, so a document's clustering reads the overrides only for the reports they name."""
        ids = list(event_ids)
        found: set[str] = set()
        for i in range(0, len(ids), 200):
            chunk = ids[i:i + 200]
            found.update(r["event_id"] for r in self._feed_sql(
                f"SELECT DISTINCT m.event_id FROM cluster_override_members m JOIN cluster_overrides o ON "
                f"o.override_id = m.override_id WHERE o.undone_at IS NULL AND m.event_id IN "
                f"({', '.join('?' * len(chunk))})", chunk))
        return found

    def cluster_links(self, event_id: str) -> dict[str, tuple[int, int]]:
        """What the overrides in force say about this report and each other one: (+1 kept together or -1 kept
        apart, the override that says so); the latest override on a pair decides it."""
        rows = self._feed_sql(
            "SELECT o.override_id, o.action, m.side, p.event_id AS other, p.side AS other_side "
            "FROM cluster_override_members m JOIN cluster_overrides o ON o.override_id = m.override_id "
            "JOIN cluster_override_members p ON p.override_id = m.override_id AND p.event_id <> m.event_id "
            "WHERE m.event_id = ? AND o.undone_at IS NULL ORDER BY o.override_id", [event_id])
        links: dict[str, tuple[int, int]] = {}
        for r in rows:
            if r["action"] == "merge":
                links[r["other"]] = (1, int(r["override_id"]))
            elif "moved" in (r["side"], r["other_side"]):
                links[r["other"]] = (-1, int(r["override_id"]))
        return links

    # -- helpers ---------------------------------------------------------------------------------------
    def _cluster_of(self, event_id: str) -> str:
        rows = self._feed_sql("SELECT cluster_id FROM event_clusters WHERE event_id = ?", [event_id])
        if not rows:
            raise ClusterOverrideConflictError(f"event {event_id!r} is in no cluster (undated, not asserted, or its "
                                               "document not analysed yet: frontlines analyse).")
        return str(rows[0]["cluster_id"])

    def _members(self, cluster_id: str) -> list[dict[str, Any]]:
        return self._feed_sql("SELECT event_id, cluster_id, document_id, day, reason FROM event_clusters "
                              "WHERE cluster_id = ? ORDER BY day, event_id LIMIT ?", [cluster_id, _MEMBERS_MAX])

    def _record(self, action: str, event_id: str, other_id: str | None, cluster_id: str,
                previous: list[dict[str, Any]], analyst: str, reason: str, created: str,
                members: list[tuple[str, str]]) -> int:
        rows = self._feed_sql("INSERT INTO cluster_overrides (action, event_id, other_id, cluster_id, previous, "
                              "analyst, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING override_id",
                              [action, event_id, other_id, cluster_id, json.dumps(previous, default=str), analyst,
                               reason, created])
        override_id = int(rows[0]["override_id"])
        for i in range(0, len(members), 200):
            chunk = members[i:i + 200]
            self._feed_sql(f"INSERT INTO cluster_override_members (override_id, event_id, side) VALUES "
                           f"{', '.join('(?, ?, ?)' for _ in chunk)}",
                           [v for event, side in chunk for v in (override_id, event, side)])
            # each report's stable identity, so that the override follows it through a re-extraction
            self._feed_sql(f"INSERT INTO event_anchors ({', '.join(_ANCHOR_COLUMNS)}) SELECT {_ANCHOR_SELECT} FROM "
                           f"events WHERE event_id IN ({', '.join('?' for _ in chunk)}) ON CONFLICT (event_id) "
                           "DO NOTHING", [event for event, _ in chunk])
        return override_id

    def _records(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        if not rows:
            return []
        ids = [r["override_id"] for r in rows]
        members: dict[int, dict[str, str]] = {int(i): {} for i in ids}
        for m in self._feed_sql(f"SELECT override_id, event_id, side FROM cluster_override_members WHERE "
                                f"override_id IN ({', '.join('?' * len(ids))}) ORDER BY event_id", ids):
            members[int(m["override_id"])][m["event_id"]] = m["side"]
        out = []
        for r in rows:
            record = {name: r[name] for name in _COLUMNS}
            record["override_id"] = int(r["override_id"])
            record["previous"] = json.loads(r["previous"])
            record["members"] = members[record["override_id"]]
            record["active"] = r["undone_at"] is None
            record["moved"] = ([r["event_id"]] if r["action"] == "split"
                               else [b["event_id"] for b in record["previous"]])
            out.append(record)
        # reports gone from a re-extraction of their document (``CorrectionRecords.orphaned``); the override is
        # orphaned when the report it was made on (or, for a merge, the one merged in) is among them
        orphans = self.orphaned([e for record in out for e in record["members"]])
        for record in out:
            record["orphans"] = sorted(e for e in record["members"] if e in orphans)
            record["orphaned"] = any(e in orphans for e in (record["event_id"], record["other_id"]) if e)
        return out

    def orphaned(self, event_ids: Sequence[str]) -> dict[str, str | None]:
        raise NotImplementedError  # CorrectionRecords'

