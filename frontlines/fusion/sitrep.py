"""A situation report for a period, compared with the period before it."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

from frontlines.errors import InvalidParameterError
from frontlines.fusion.cluster import EventCluster, cluster_events
from frontlines.model import Event

__all__ = ["SitRep", "situation_report"]

_NOT_HAPPENED = ("negated", "hypothetical", "future")


@dataclass
class SitRep:
    since: date
    until: date
    events: int
    previous_events: int
    fatalities: int
    claimed_fatalities: int
    by_type: dict[str, int]
    by_modality: dict[str, int]
    top_actors: list[tuple[str, int]]
    hotspots: list[tuple[str, int]]
    key_events: list[dict[str, Any]] = field(default_factory=list)
    # from the store's analysis (frontlines.analysis.service.developments): control_changes, new_ties,
    # broken_ties, predictions_due; empty when the report is made from events alone
    developments: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    counted: str = "clusters"  # what ``events`` counts: clusters (distinct events) or reports

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_markdown(self) -> str:
        change = self.events - self.previous_events
        trend = f"{'up' if change > 0 else 'down' if change < 0 else 'unchanged'} {abs(change)} from the previous period"
        counted = "distinct events" if self.counted == "clusters" else "reports"
        lines = [f"# Situation report {self.since} – {self.until}", "",
                 f"**{self.events} {counted}** ({trend}); **{self.fatalities} reported fatalities** "
                 f"(asserted; a further {self.claimed_fatalities} claimed by parties).", "", "## By type"]
        lines += [f"- {t}: {n}" for t, n in self.by_type.items()] or ["- none"]
        lines += ["", "## Most active actors"] + [f"- {a}: {n} events" for a, n in self.top_actors] or []
        lines += ["", "## Hotspots"] + [f"- {p}: {n} events" for p, n in self.hotspots]
        lines += ["", "## Key events"]
        for e in self.key_events:
            lines.append(f"- {e['date']} {e['type']} in {e['location'] or '?'}: {e['actors']} — {e['fatalities']} killed "
                         f"({e['modality']}; sources: {', '.join(e['sources']) or 'n/a'})")
        lines += _development_lines(self.developments)
        return "\n".join(lines) + "\n"


def _development_lines(dev: dict[str, list[dict[str, Any]]]) -> list[str]:
    if not dev:
        return []
    lines = ["", "## Changes of control"]
    lines += [f"- {c['date'] or '?'} {c['place']}: {c['holder'] or 'unknown'} ({c['kind']}"
              f"{', from ' + c['previous'] if c.get('previous') else ''}; {c['modality']}"
              f"{'; contested' if c.get('contested') else ''}"
              f"{'; ' + str(c['reports']) + ' reports' if c.get('reports', 1) > 1 else ''})"
              for c in dev.get("control_changes", [])] or ["- none reported"]
    lines += ["", "## New ties between actors"]
    lines += [f"- {r['date'] or '?'} {r['actor1']} -> {r['actor2']}: {r['kind']}" for r in dev.get("new_ties", [])] \
        or ["- none reported"]
    lines += ["", "## Broken ties (fighting or sanctions between former partners)"]
    lines += [f"- {r['date'] or '?'} {r['actor1']} vs {r['actor2']}: {r['kind']} (earlier: {', '.join(r['earlier'])})"
              for r in dev.get("broken_ties", [])] or ["- none reported"]
    lines += ["", "## Predictions that came due"]
    lines += [f"- due {p['due']}: {p['speaker'] or 'unknown'} ({p['kind']}): \"{p['sentence'][:160]}\" -> "
              f"{p['verdict']['status']} ({p['verdict']['reason']})" for p in dev.get("predictions_due", [])] \
        or ["- none"]
    return lines


def situation_report(events: Sequence[Event], *, since: date, until: date, previous: Sequence[Event] = (),
                     developments: dict[str, list[dict[str, Any]]] | None = None,
                     clusters: Mapping[str, str] | None = None, count: str = "clusters") -> SitRep:
    """The report over ``events`` of the period. ``count``: ``clusters`` counts distinct events - the same-event
    clusters kept in the store (``clusters``: event id -> cluster id; an event without one is an incident of its
    own), or, without that mapping, clusters made here by ``fusion.cluster`` - or ``reports`` counts every report."""
    if count not in ("clusters", "reports"):
        raise InvalidParameterError(f"count {count!r} is unknown; use clusters (distinct events) or reports.")
    window = [e for e in events if e.event_date and since.isoformat() <= e.event_date <= until.isoformat()
              and e.modality not in _NOT_HAPPENED and not e.fatalities_aggregate]
    groups = _groups(window, clusters, count)
    earlier = _groups([e for e in previous if e.modality not in _NOT_HAPPENED], clusters, count)
    actors: Counter[str] = Counter()
    for c in groups:
        rep = c.representative
        actors.update(a for a in (rep.actor1, rep.actor2) if a)
    key = sorted(groups, key=lambda c: (-c.fatalities, c.representative.event_date or ""))[:8]
    return SitRep(
        since=since, until=until, events=len(groups), previous_events=len(earlier), counted=count,
        fatalities=sum(c.fatalities for c in groups),
        claimed_fatalities=sum(e.fatalities for e in window if e.modality == "claimed"),
        by_type=dict(Counter(c.representative.event_type for c in groups).most_common()),
        by_modality=dict(Counter(c.modality for c in groups).most_common()),
        top_actors=actors.most_common(8),
        hotspots=Counter(c.representative.location for c in groups if c.representative.location).most_common(8),
        key_events=[{"date": c.representative.event_date, "type": c.representative.sub_event_type,
                     "location": c.representative.location, "fatalities": c.fatalities, "modality": c.modality,
                     "actors": " vs ".join(a for a in (c.representative.actor1, c.representative.actor2) if a) or "unknown",
                     "sources": c.sources} for c in key],
        developments=developments or {},
    )


def _groups(events: Sequence[Event], clusters: Mapping[str, str] | None, count: str) -> list[EventCluster]:
    """The incidents the report counts: one per report, per stored cluster, or per cluster made here."""
    if count == "reports":
        return [EventCluster(e.event_id, [e]) for e in events]
    if clusters is None:
        return cluster_events(list(events))
    grouped: dict[str, list[Event]] = {}
    for e in events:
        grouped.setdefault(clusters.get(e.event_id, e.event_id), []).append(e)
    return [EventCluster(cid, members) for cid, members in grouped.items()]
