"""The same event reported by several documents: clusters that keep every source.

Blocking keeps it near-linear: events are bucketed by event type and date, then compared only
within a bucket and its neighbouring days. Two reports match (``same_event``) when their type and sub-type agree,
their dates are compatible (given time precision), their place is the same (the same name, or within 5 km under two
names, 25 km when one is unnamed) and their actors do not conflict (ids, else names without the period).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from frontlines.knowledge.geo import haversine_km
from frontlines.model import Event

__all__ = ["EventCluster", "cluster_events", "same_event"]

SAME_SPOT_KM = 5.0  # two differently named places this close are one spot named two ways
NEAR_KM = 25.0
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


def same_event(a: Event, b: Event) -> bool:
    """Whether two reports tell the same incident (the rule clusters are made with)."""
    return _compatible(a, b)


def _compatible(a: Event, b: Event) -> bool:
    if a.document_id and a.document_id == b.document_id and a.evidence == b.evidence:
        return False
    if a.event_type != b.event_type or not a.event_date or not b.event_date:
        return False
    if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type:
        return False  # a drone strike is not the car bomb of the same day (ACLED: one event per type, pair, place, day)
    gap = abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)
    tolerance = {1: 1, 2: 7, 3: 31}.get(max(a.time_precision or 1, b.time_precision or 1), 366)
    if gap > tolerance or not _same_place(a, b):
        return False
    for x, y in ((_actor(a, 1), _actor(b, 1)), (_actor(a, 2), _actor(b, 2))):
        if x and y and x != y and not ({x, y} == {_actor(a, 1), _actor(a, 2)} == {_actor(b, 1), _actor(b, 2)}):
            return False
    return not _other_parties(a, b)


def _other_parties(a: Event, b: Event) -> bool:
    """Both name associated actors and none in common: teachers marching and students marching the same day in
    the same town are two protests."""
    sides_a = {p.strip().lower() for v in (a.assoc_actor_1, a.assoc_actor_2) if v for p in v.split(";") if p.strip()}
    sides_b = {p.strip().lower() for v in (b.assoc_actor_1, b.assoc_actor_2) if v for p in v.split(";") if p.strip()}
    return bool(sides_a and sides_b and not sides_a & sides_b)


def _same_place(a: Event, b: Event) -> bool:
    """The same place name, or (names differing or missing) coordinates within 5 km - within 25 km when one of
    them has no name; two different names without coordinates are two places (Tajoura is not central Tripoli)."""
    name_a, name_b = (a.location or "").strip().lower(), (b.location or "").strip().lower()
    if name_a and name_a == name_b:
        return True
    if a.latitude is None or b.latitude is None or a.longitude is None or b.longitude is None:
        return not (name_a and name_b)
    km = haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)
    return km <= (SAME_SPOT_KM if name_a and name_b else NEAR_KM)


def _actor(e: Event, role: int) -> str | None:
    """An actor's knowledge-base id, else its name without the period ("Military Forces of X (2014-)")."""
    ref = e.actor1_id if role == 1 else e.actor2_id
    if ref:
        return ref
    name = e.actor1 if role == 1 else e.actor2
    return re.sub(r"\s*\(\d{4}-(?:\d{4})?\)", "", name).strip().lower() if name else None


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
