"""The same event reported by several documents: clusters that keep every source.

Blocking keeps it near-linear: events are bucketed by event type and date, then compared only
within a bucket and its neighbouring days. Two reports match (``match`` / ``same_event``) when their type and
sub-type agree, their dates are compatible (given time precision), their place is the same (the same name, or within
5 km under two names, 25 km when one is unnamed), their actors do not conflict (ids, else names without the period)
and, when both carry their sentence, the sentences do not tell two incidents (``fusion.evidence``: different
particulars, participants or sides, tolls that cannot be one incident). Two sub-types of one family (a peaceful
protest and a protest with intervention; a suicide bomb and a remote explosive) match only with positive evidence
from the sentences. Where the store holds several distinct incidents a new report could join, ``choose_cluster``
takes the one its sentence supports, else none (two reports of one day and place that differ in their text are two
incidents). ``disagreements`` lists what the reports of one cluster disagree on (tolls 3 vs 1, dates a day apart).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from frontlines.fusion.evidence import TextEvidence, compare, has_text
from frontlines.knowledge.geo import haversine_km
from frontlines.model import Event

__all__ = ["EventCluster", "Match", "choose_cluster", "cluster_events", "disagreements", "match", "same_event"]

SAME_SPOT_KM = 5.0  # two differently named places this close are one spot named two ways
NEAR_KM = 25.0
# sub-types one incident is coded as by two outlets; any other two sub-types are two incidents
_FAMILIES = ({"Peaceful protest", "Protest with intervention", "Excessive force against protesters"},
             {"Violent demonstration", "Mob violence"}, {"Air/drone strike", "Shelling/artillery/missile attack"},
             {"Suicide bomb", "Remote explosive/landmine/IED"})
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


@dataclass(frozen=True)
class Match:
    """Whether two reports tell one incident, why, and the text evidence read (None when either has no sentence)."""

    same: bool
    reason: str
    evidence: TextEvidence | None = None


def same_event(a: Event, b: Event, text: bool = True) -> bool:
    """Whether two reports tell the same incident (the rule clusters are made with); ``text=False`` judges the
    coded fields only."""
    return match(a, b, text).same


def match(a: Event, b: Event, text: bool = True) -> Match:
    """``same_event`` with its reason and evidence."""
    refused = _structural(a, b)
    if refused:
        return Match(False, refused)
    family = bool(a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type)
    if not (text and has_text(a) and has_text(b)):
        return Match(not family, "sub-types differ" if family else "coded fields agree")
    evidence = compare(a, b)
    if evidence.against:
        return Match(False, "; ".join(evidence.conflicts), evidence)
    if family and not evidence.support:
        return Match(False, "sub-types differ and the sentences do not tell one incident", evidence)
    said = f"shared {', '.join(evidence.shared[:3])}" if evidence.shared else f"similarity {evidence.similarity}"
    return Match(True, f"coded fields agree, sentences agree ({said})", evidence)


def _compatible(a: Event, b: Event) -> bool:
    return match(a, b).same


def _structural(a: Event, b: Event) -> str:
    """Why the coded fields make two incidents ('' when they do not)."""
    if a.document_id and a.document_id == b.document_id and a.evidence == b.evidence:
        return "the same sentence"
    if a.event_type != b.event_type or not a.event_date or not b.event_date:
        return "different event types"
    if a.sub_event_type and b.sub_event_type and a.sub_event_type != b.sub_event_type and not any(
            {a.sub_event_type, b.sub_event_type} <= f for f in _FAMILIES):
        return "different sub-types"  # a drone strike is not the car bomb of the same day
    gap = abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)
    tolerance = {1: 1, 2: 7, 3: 31}.get(max(a.time_precision or 1, b.time_precision or 1), 366)
    if gap > tolerance:
        return "dates too far apart"
    if not _same_place(a, b):
        return "different places"
    for x, y in ((_actor(a, 1), _actor(b, 1)), (_actor(a, 2), _actor(b, 2))):
        if x and y and x != y and not ({x, y} == {_actor(a, 1), _actor(a, 2)} == {_actor(b, 1), _actor(b, 2)}):
            return "different actors"
    return "different associated actors" if _other_parties(a, b) else ""


def choose_cluster(event: Event, matches: Sequence[tuple[Event, str]]) -> tuple[Event, str] | None:
    """Which cluster a new report joins, given the stored reports it matches and their clusters: the cluster of
    the closest match when they all belong to one; when they belong to several (distinct incidents of one day and
    place), the one whose report the sentence supports best, and none when the sentence supports none."""
    if not matches:
        return None
    clusters = {cluster for _, cluster in matches}
    ranked = sorted(matches, key=lambda m: (_gap(event, m[0]), m[0].event_id))
    if len(clusters) == 1:
        return ranked[0]
    if not has_text(event):
        return None
    supported = [(compare(event, m[0]), m) for m in ranked if has_text(m[0])]
    supported = [(ev, m) for ev, m in supported if ev.support]
    if not supported:
        return None
    return max(supported, key=lambda s: (len(s[0].shared), s[0].similarity))[1]


def disagreements(a: Event, b: Event) -> list[str]:
    """What two reports of one incident disagree on: 'tolls 3 vs 1', 'dates a day apart', sub-type, place name."""
    out = []
    if a.fatalities != b.fatalities:
        out.append(f"tolls {a.fatalities} vs {b.fatalities}")
    if a.event_date and b.event_date and a.event_date != b.event_date:
        days = abs((date.fromisoformat(a.event_date) - date.fromisoformat(b.event_date)).days)
        out.append("dates a day apart" if days == 1 else f"dates {days} days apart")
    if a.sub_event_type != b.sub_event_type:
        out.append(f"coded {a.sub_event_type} vs {b.sub_event_type}")
    if (a.location or "").strip().lower() != (b.location or "").strip().lower() and a.location and b.location:
        out.append(f"place {a.location} vs {b.location}")
    if a.modality != b.modality:
        out.append(f"{a.modality} vs {b.modality}")
    return out


def _gap(a: Event, b: Event) -> tuple[int, float]:
    days = abs((date.fromisoformat(a.event_date or "") - date.fromisoformat(b.event_date or "")).days)
    if a.latitude is None or a.longitude is None or b.latitude is None or b.longitude is None:
        return days, 0.0
    return days, haversine_km(a.latitude, a.longitude, b.latitude, b.longitude)


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
