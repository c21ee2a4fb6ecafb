"""Same-event clusters kept in the store (issue 13, deliverable 1): every event joins a cluster when its document
is analysed, so counts, maps and reports can use distinct events without regrouping on every page view.

For each new event, the stored reports that could tell the same incident are read with one indexed query (same
event type, dates within the precision's tolerance, within about 25 km or at the same place name, at most
``CANDIDATES``); those of other documents that ``fusion.cluster.same_event`` accepts are matches, and the event joins
the cluster of the closest match (nearest date, then nearest place), else starts its own. The work per event is
bounded, so a store's clusters grow in time linear in the documents added. Every report stays in its cluster with
its own toll, date and source (disagreements are kept, not averaged).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from datetime import date, timedelta

from frontlines.fusion.cluster import same_event
from frontlines.knowledge.geo import haversine_km
from frontlines.model import Event
from frontlines.store.base import Store

__all__ = ["CANDIDATES", "assign_clusters", "cluster_id_for"]

CANDIDATES = 200
_TOLERANCE = {1: 1, 2: 7, 3: 31}
_BOX_DEG = 0.25  # about 25 km of latitude
_CLUSTERED = frozenset({"asserted", "claimed", "uncertain"})


def cluster_id_for(event_id: str) -> str:
    return "cl-" + hashlib.sha1(event_id.encode()).hexdigest()[:12]


def assign_clusters(store: Store, events: Sequence[Event]) -> list[tuple[str, str, str | None, str | None, str]]:
    """Assign and store a cluster for each dated event of ``events`` (already stored); the rows written."""
    rows: list[tuple[str, str, str | None, str | None, str]] = []
    for event in events:
        if not event.event_date or event.modality not in _CLUSTERED:
            continue
        matches = [c for c in _candidates(store, event) if c.event_id != event.event_id
                   and c.document_id != event.document_id and c.modality in _CLUSTERED and same_event(event, c)]
        known = store.clusters_of([m.event_id for m in matches]) if matches else {}
        joined = sorted((m for m in matches if m.event_id in known), key=lambda m: _distance(event, m))
        if joined:
            rows.append((event.event_id, known[joined[0].event_id], event.document_id, event.event_date,
                         f"same event as {joined[0].event_id} ({joined[0].document_id})"))
        else:
            rows.append((event.event_id, cluster_id_for(event.event_id), event.document_id, event.event_date,
                         "first report"))
    if rows:
        store.save_clusters(rows)
    return rows


def _candidates(store: Store, event: Event) -> list[Event]:
    day = date.fromisoformat(event.event_date or "")
    tolerance = timedelta(days=_TOLERANCE.get(event.time_precision or 1, 366))
    box = None
    if event.latitude is not None and event.longitude is not None:
        box = (max(-180.0, event.longitude - _BOX_DEG), max(-90.0, event.latitude - _BOX_DEG),
               min(180.0, event.longitude + _BOX_DEG), min(90.0, event.latitude + _BOX_DEG))
    return store.cluster_candidates(event.event_type, day - tolerance, day + tolerance, box, event.location, CANDIDATES)


def _distance(a: Event, b: Event) -> tuple[int, float]:
    days = abs((date.fromisoformat(a.event_date or "") - date.fromisoformat(b.event_date or "")).days)
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return days, 0.0
    return days, haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)  # type: ignore[arg-type]
