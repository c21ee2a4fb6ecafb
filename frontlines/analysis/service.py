"""What the CLI and the web API ask of the analysis: ledger pages with verdicts, track records, a place's control
timeline, the actor network over a period, and the situation report's developments. Each reads the store through
its indexed queries (entries by speaker, source or date; events by place or actor and date; changes by place;
relations by actor and date) and shapes plain dicts, the same for both front ends."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from frontlines.analysis.control import CONTESTED_DAYS, ControlPeriod, holder_at, timeline
from frontlines.analysis.ledger import Verdict, track_records, verdict, window
from frontlines.analysis.relations import HOSTILE, network
from frontlines.errors import InvalidParameterError
from frontlines.model import ControlChange, Event, LedgerEntry
from frontlines.store.analysis import LedgerQuery, place_key
from frontlines.store.base import EventQuery, Store

__all__ = ["actor_relations", "cluster_answer", "control_answer", "control_map", "developments", "judge", "ledger_page", "relations_answer", "track"]

_EVENTS_PER_CHECK = 500
_TRACK_MAX = 10_000
_MAP_CHANGES = 50_000  # changes of control read for the map's layer (oldest first)


def judge(store: Store, entries: Sequence[LedgerEntry], as_of: date) -> list[tuple[LedgerEntry, Verdict]]:
    """Each entry with its verdict from the events stored at its places (or with its actors) in its window."""
    return [(entry, verdict(entry, _candidates(store, entry, as_of), as_of)) for entry in entries]


def _candidates(store: Store, entry: LedgerEntry, as_of: date) -> list[Event]:
    span = window(entry, as_of)
    if span is None:
        return []
    found: dict[str, Event] = {}
    queries = [EventQuery(place=p, since=span[0], until=span[1], limit=_EVENTS_PER_CHECK) for p in entry.places[:3]]
    if not queries and entry.actor_ids:
        queries = [EventQuery(actor_ids=tuple(entry.actor_ids[:5]), since=span[0], until=span[1], limit=_EVENTS_PER_CHECK)]
    for query in queries:
        for event in store.search_events(query).items:
            found[event.event_id] = event
    return list(found.values())


def ledger_page(store: Store, query: LedgerQuery, as_of: date | None = None) -> dict[str, Any]:
    as_of = as_of or date.today()
    entries, total = store.ledger(query)
    return {"total": total, "limit": query.limit, "offset": query.offset, "as_of": as_of.isoformat(),
            "entries": [_judged(e, v) for e, v in judge(store, entries, as_of)]}


def _judged(entry: LedgerEntry, judged: Verdict) -> dict[str, Any]:
    return {**entry.to_dict(), "verdict": judged.to_dict()}


def track(store: Store, query: LedgerQuery, by: str = "speaker", as_of: date | None = None,
          cap: int = _TRACK_MAX) -> dict[str, Any]:
    """Track records over the entries matching ``query`` (the newest ``cap`` of them), by speaker or by source."""
    if by not in ("speaker", "source"):
        raise InvalidParameterError(f"track records are by speaker or source, not {by!r}.")
    as_of = as_of or date.today()
    entries, total = store.ledger(LedgerQuery(**{**query.__dict__, "limit": min(cap, _TRACK_MAX), "offset": 0}))
    records = track_records(judge(store, entries, as_of), by=by)
    return {"by": by, "as_of": as_of.isoformat(), "entries": total, "complete": total <= min(cap, _TRACK_MAX),
            "records": [r.to_dict() for r in records]}


def control_answer(store: Store, place: str, day: str | None = None) -> dict[str, Any]:
    """A place's control timeline and, with ``day``, who held it then and since when."""
    if not place.strip():
        raise InvalidParameterError("Name a place, e.g. frontlines control Sirte.")
    changes = store.control_changes(place)
    periods = timeline(changes)
    answer: dict[str, Any] = {"place": changes[0].place if changes else place, "changes": len(changes),
                              "periods": [p.to_dict() for p in periods],
                              "undated": [c.to_dict() for c in changes if not c.date]}
    if day:
        held = holder_at(periods, day)
        answer["date"] = day
        answer["holder"] = held.to_dict() if held else None
    if not changes:
        answer["note"] = f"No change of control at {place!r} is stored; try frontlines control --list."
    return answer


def control_map(store: Store, day: str | None = None, limit: int = _MAP_CHANGES) -> dict[str, Any]:
    """Every place with a known holder on ``day`` (default today) for the map's control layer: where it is, who
    held it then and since when, whether that was contested (and by whom), from the changes of control stored up
    to ``CONTESTED_DAYS`` after it (a rival reported just after makes the period contested). Places never located
    (no coordinates in any change) are counted in ``unlocated``; ``complete`` is False when more than ``limit``
    changes were stored by then (the latest ``limit`` are read: a place changing hands since is drawn right)."""
    day = day or date.today().isoformat()
    horizon = (date.fromisoformat(day) + timedelta(days=CONTESTED_DAYS)).isoformat()
    changes = store.control_changes(None, None, horizon, limit=limit + 1, newest_first=True)
    by_place: dict[str, list[ControlChange]] = {}
    for change in reversed(changes[:limit]):
        by_place.setdefault(place_key(change.place), []).append(change)
    places, unlocated = [], 0
    for told in by_place.values():
        held = holder_at(timeline(told), day)
        if held is None:
            continue
        located = [c for c in told if c.latitude is not None and c.longitude is not None]
        if not located:
            unlocated += 1
            continue
        spot = located[-1]
        places.append({"place": told[-1].place, "latitude": spot.latitude, "longitude": spot.longitude,
                       "country": spot.country, "holder": held.holder, "holder_id": held.holder_id,
                       "since": held.since, "contested": held.contested, "rivals": list(held.rivals),
                       "changes": len(told)})
    places.sort(key=lambda p: (p["holder"] or "", p["place"]))
    holders: dict[str, dict[str, Any]] = {}
    for p in places:
        key = p["holder_id"] or p["holder"] or "unknown"
        entry = holders.setdefault(key, {"key": key, "holder": p["holder"] or "unknown", "places": 0})
        entry["places"] += 1
    return {"date": day, "places": places, "unlocated": unlocated, "complete": len(changes) <= limit,
            "holders": sorted(holders.values(), key=lambda h: (-h["places"], h["holder"]))}


def relations_answer(store: Store, actor: str | None = None, kind: str | None = None, since: str | None = None,
                     until: str | None = None, limit: int = 1000, modalities: Sequence[str] = (),
                     stated: bool = False, edges: bool = True) -> dict[str, Any]:
    """The relations of a period (and actor, kind, modalities) and the network they make. ``stated``: only those
    stated in sentences, not made from an event (the actor network draws the events' own edges); ``edges=False``:
    the network alone, without every relation (what the dashboard needs)."""
    found = store.relations(actor, kind, since, until, limit, modalities=modalities)
    if stated:
        found = [r for r in found if r.event_id is None]
    answer: dict[str, Any] = {"actor": actor, "since": since, "until": until, "relations": len(found),
                              "complete": len(found) < limit, "network": network(found)}
    if edges:
        answer["edges"] = [r.to_dict() for r in found]
    return answer


# how a relation places its partner, seen from the actor: whom it is backed by, whom it backs, whom it fights
BACKING = frozenset({"support", "arms", "basing"})
PARTNERS = frozenset({"alliance", "agreement"})
_ROLES = ("backers", "backs", "allies", "enemies", "other")
_DONE = frozenset({"asserted", "claimed", "uncertain"})


def actor_relations(store: Store, actor: str, since: str | None = None, until: str | None = None,
                    limit: int = 5000) -> dict[str, Any]:
    """One actor's backers and enemies over time: its relations (of the period) grouped by partner and role -
    ``backers`` (support, arms or basing given to it), ``backs`` (given by it), ``allies`` (alliances and
    agreements), ``enemies`` (fighting and sanctions, either way), ``other`` (requests, recognition, mediation) -
    each with its kinds, count, first and last day, reports per year and up to five pieces of evidence. Denied,
    hoped-for and hypothetical relations are listed apart (``not_done``), never as ties."""
    if not actor.strip():
        raise InvalidParameterError("Name an actor: an id (lby.gna, country:TR) or part of a name.")
    found = store.relations(actor, None, since, until, limit)
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    not_done = []
    name = None
    for r in found:
        mine = _is_actor(actor, r.actor1_id, r.actor1)
        if not mine and not _is_actor(actor, r.actor2_id, r.actor2):
            continue
        name = name or (r.actor1 if mine else r.actor2)
        partner, partner_id = (r.actor2, r.actor2_id) if mine else (r.actor1, r.actor1_id)
        if r.modality not in _DONE:
            not_done.append({**r.to_dict(), "partner": partner})
            continue
        role = _role(r.kind, mine)
        row = groups.setdefault((role, partner_id or partner), {
            "role": role, "partner": partner, "partner_id": partner_id, "kinds": {}, "count": 0, "first": r.date,
            "last": r.date, "years": {}, "evidence": []})
        row["kinds"][r.kind] = row["kinds"].get(r.kind, 0) + 1
        row["count"] += 1
        if r.date:
            row["first"] = min(row["first"] or r.date, r.date)
            row["last"] = max(row["last"] or r.date, r.date)
            row["years"][r.date[:4]] = row["years"].get(r.date[:4], 0) + 1
        if len(row["evidence"]) < 5:
            row["evidence"].append({"date": r.date, "kind": r.kind, "modality": r.modality, "document_id": r.document_id,
                                    "event_id": r.event_id, "sentence": r.evidence[:300]})
    roles: dict[str, list[dict[str, Any]]] = {role: [] for role in _ROLES}
    for row in sorted(groups.values(), key=lambda g: (-g["count"], g["partner"] or "")):
        roles[row["role"]].append({**row, "years": dict(sorted(row["years"].items()))})
    return {"actor": actor, "name": name or actor, "since": since, "until": until, "relations": len(found),
            "complete": len(found) < limit, **roles, "not_done": not_done[:100]}


def _is_actor(actor: str, actor_id: str | None, name: str | None) -> bool:
    return actor_id == actor or actor.lower() in (name or "").lower()


def _role(kind: str, mine: bool) -> str:
    if kind in HOSTILE:
        return "enemies"
    if kind in BACKING:
        return "backs" if mine else "backers"
    return "allies" if kind in PARTNERS else "other"


def developments(store: Store, since: str, until: str, as_of: date | None = None) -> dict[str, Any]:
    """For the situation report: changes of control, new and broken alliances, predictions that came due."""
    as_of = as_of or date.today()
    period_edges = store.relations(None, None, since, until, limit=5000)
    earlier_pairs = _earlier_pairs(store, period_edges, since)
    new_ties, broken = [], []
    for r in period_edges:
        pair = frozenset((r.actor1_id or r.actor1, r.actor2_id or r.actor2))
        before = earlier_pairs.get(pair, set())
        if r.kind not in HOSTILE and r.modality == "asserted" and not (before - HOSTILE) and r.kind != "request":
            new_ties.append(r.to_dict())
        if r.kind in HOSTILE and r.modality in ("asserted", "claimed") and before - HOSTILE - {"request"}:
            broken.append({**r.to_dict(), "earlier": sorted(before - HOSTILE)})
    due, _ = store.ledger(LedgerQuery(due_since=since, due_until=until, limit=1000))
    return {
        "control_changes": _control_in_period(store, since, until),
        "new_ties": _unique_pairs(new_ties),
        "broken_ties": _unique_pairs(broken),
        "predictions_due": [_judged(e, v) for e, v in judge(store, due, as_of)],
    }


def _control_in_period(store: Store, since: str, until: str) -> list[dict[str, Any]]:
    """The period's changes of hands (statements of control left out), each with the holder before it when the
    report does not name who lost the place (from the place's timeline) and whether the new holder's period is
    contested; further reports of the same change (the place's last one named the same holder) are counted in
    its ``reports`` and ``documents``, not listed again. One timeline query per place changing hands."""
    horizon = (date.fromisoformat(until) + timedelta(days=CONTESTED_DAYS)).isoformat()
    timelines: dict[str, list[ControlPeriod]] = {}
    last: dict[str, dict[str, Any]] = {}
    out = []
    for change in store.control_changes(None, since, until):
        if change.kind == "statement" or not change.date:
            continue
        key = place_key(change.place)
        listed = last.get(key)
        if listed is not None and (listed["holder_id"] or listed["holder"]) == (change.holder_id or change.holder):
            listed["reports"] += 1
            listed["documents"] = sorted({*listed["documents"], change.document_id or ""} - {""})
            continue
        if key not in timelines:
            timelines[key] = timeline(store.control_changes(change.place, None, horizon))
        periods = timelines[key]
        before = holder_at(periods, (date.fromisoformat(change.date[:10]) - timedelta(days=1)).isoformat())
        held = holder_at(periods, change.date[:10])
        row = {**change.to_dict(), "reports": 1, "documents": [change.document_id] if change.document_id else []}
        if not row["previous"] and before is not None and before.holder != change.holder:
            row["previous"] = before.holder
        row["contested"] = bool(held and held.contested)
        last[key] = row
        out.append(row)
    return out


def _earlier_pairs(store: Store, edges: Sequence[Any], since: str) -> dict[frozenset[str], set[str]]:
    """For each actor pair in ``edges``, the kinds of relation stored between them before ``since`` (actors read by
    id, or by name when they have none)."""
    out: dict[frozenset[str], set[str]] = {}
    actors = {a for r in edges for a in (r.actor1_id or r.actor1, r.actor2_id or r.actor2) if a}
    day_before = (date.fromisoformat(since).toordinal() - 1)
    until = date.fromordinal(day_before).isoformat()
    for actor in sorted(actors)[:200]:
        for r in store.relations(actor, None, None, until, limit=2000):
            out.setdefault(frozenset((r.actor1_id or r.actor1, r.actor2_id or r.actor2)), set()).add(r.kind)
    return out


def _unique_pairs(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen, out = set(), []
    for item in items:
        key = (item["actor1"], item["actor2"], item["kind"])
        if key not in seen:
            seen.add(key)
            out.append(item)
    return out


def cluster_answer(store: Store, event_id: str | None = None, since: str | None = None,
                   until: str | None = None) -> dict[str, Any]:
    """One event's stored cluster with every report in it (source, date, toll, modality), or, without an event,
    how many reports and distinct events the period holds."""
    if not event_id:
        return {"since": since, "until": until, **store.cluster_counts(since, until)}
    cluster = store.clusters_of([event_id]).get(event_id)
    if cluster is None:
        store.get_event(event_id)  # unknown event: StoreNotFoundError, the one 404 body
        return {"event_id": event_id, "cluster_id": None, "reports": [],
                "note": "This event is not clustered yet (undated, not asserted, or its document not analysed)."}
    members = store.cluster_members(cluster)
    reports = []
    for member in members:
        event = store.get_event(member["event_id"])
        reports.append({"event_id": event.event_id, "document_id": event.document_id, "source": event.source,
                        "event_date": event.event_date, "location": event.location, "fatalities": event.fatalities,
                        "modality": event.modality, "joined": member["reason"], "notes": event.notes})
    tolls = sorted({r["fatalities"] for r in reports})
    days = sorted({r["event_date"] for r in reports if r["event_date"]})
    return {"event_id": event_id, "cluster_id": cluster, "reports": reports,
            "disagreements": {"fatalities": tolls if len(tolls) > 1 else [], "dates": days if len(days) > 1 else []}}
