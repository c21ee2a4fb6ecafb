"""The same event reported by several documents: clusters that keep every source.

Blocking keeps it near-linear: events are bucketed by event type and date, then compared only
within a bucket and its neighbouring days. Two reports match when their dates are compatible
(given time precision), places are within 25 km (or the same name) and actors do not conflict.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from frontlines.knowledge.geo import haversine_km
from frontlines.model import Event

__all__ = ["EventCluster", "cluster_events"]

_MODALITY_RANK = {"asserted": 0, "claimed": 1, "uncertain": 2, "future": 3, "hypothetical": 4, "negated": 5}


@dataclass
class EventCluster:
    cluster_id: str
    events: list[Event] = field(default_factory=list)

    @property
    def representative(self) -> Event:
        return min(self.events, key=lambda e: (_MODALITY_RANK.get(e.modality, 9), -(e.confidence or 0)))

    @property
    def sources(self) -> list[str]:
        return sorted({e.source for e in self.events if e.source})

    @property
    def documents(self) -> list[str]:
        return sorted({e.document_id for e in self.events if e.document_id})

    @property
    def fatalities(self) -> int:
        """ACLED-conservative: the highest asserted count, never the sum of reports."""
        asserted = [e.fatalities for e in self.events if e.modality == "asserted" and not e.fatalities_aggregate]
        return max(asserted, default=0)

    @property
    def modality(self) -> str:
        return self.representative.modality


def _compatible(a: Event, b: Event) -> bool:
    if a.document_id and a.document_id == b.document_id and a.evidence == b.evidence:
        return False
    if a.event_type != b.event_type or not a.event_date or not b.event_date:
        return False
    gap = abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)
    tolerance = {1: 1, 2: 7, 3: 31}.get(max(a.time_precision or 1, b.time_precision or 1), 366)
    if gap > tolerance:
        return False
    if a.latitude is not None and b.latitude is not None:
        near = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= 25
        if not near and (a.location or "").lower() != (b.location or "").lower():
            return False
    for x, y in ((a.actor1_id, b.actor1_id), (a.actor2_id, b.actor2_id)):
        if x and y and x != y and not ({x, y} == {a.actor1_id, a.actor2_id} == {b.actor1_id, b.actor2_id}):
            return False
    return True


def cluster_events(events: Sequence[Event]) -> list[EventCluster]:
    """Single-link clusters of compatible reports, deterministic ids (hash of member event ids)."""
    buckets: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, e in enumerate(events):
        if e.event_date:
            buckets[(e.event_type, e.event_date)].append(i)
    parent = list(range(len(events)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for (etype, day), members in buckets.items():
        d = date.fromisoformat(day)
        nearby = [j for k in range(-1, 2) for j in buckets.get((etype, (d + timedelta(days=k)).isoformat()), [])]
        for i in members:
            for j in nearby:
                if i < j and _compatible(events[i], events[j]):
                    parent[find(i)] = find(j)
    groups: dict[int, list[Event]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[find(i)].append(e)
    clusters = []
    for members in groups.values():
        key = ",".join(sorted(e.event_id for e in members))
        clusters.append(EventCluster("cl-" + hashlib.sha1(key.encode()).hexdigest()[:12], members))
    return sorted(clusters, key=lambda c: (c.representative.event_date or "", c.cluster_id))
