"""ACLED CSV: feed each event's `notes` (published = event_date + 2 days) and compare with its coding."""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontlines.evaluate.report import EvalReport, ratio
from frontlines.knowledge.actors import get_actor_kb
from frontlines.knowledge.gazetteer import Gazetteer, get_gazetteer
from frontlines.knowledge.geo import haversine_km
from frontlines.knowledge.yamlfile import load_yaml
from frontlines.model import Document, Event
from frontlines.pipeline.events.fatalities import coded_fatalities

__all__ = ["score_acled"]

_NON_EVENTS = {"negated", "hypothetical", "future"}


@lru_cache(maxsize=1)
def _taxonomy() -> dict[str, Any]:

    path = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "acled_taxonomy.yaml"
    return load_yaml(path.read_text(encoding="utf-8"))


def _gold_date(value: str) -> date:
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(value.strip(), fmt).date()
        except ValueError:
            continue
    raise ValueError(f"unreadable ACLED event_date {value!r}")


def _gold_types(row: dict[str, str]) -> list[str]:
    """The current event types a row's coding corresponds to (old 9-class rows mapped by the taxonomy file)."""
    taxonomy = _taxonomy()
    types = list(taxonomy["event_type_2018"].get(row["event_type"], [row["event_type"]]))
    for role in ("actor1", "actor2"):
        for prefix, extra in taxonomy.get(f"event_type_2018_by_{role}", {}).get(row["event_type"], {}).items():
            if (row.get(role) or "").startswith(prefix):
                types += [t for t in extra if t not in types]
    return types


def _same_actor(gold_id: str | None, predicted: str | None) -> bool:
    if not gold_id or not predicted:
        return False
    if gold_id == predicted:
        return True
    kb = get_actor_kb()
    try:
        a, b = kb.get(gold_id), kb.get(predicted)
    except Exception:  # noqa: BLE001 - unknown ids never match
        return False
    return b.parent == a.id or a.parent == b.id or kb.forces_of(a).id == b.id or kb.forces_of(b).id == a.id


_CROWDS = ("gen.protesters.", "gen.rioters.")


def _actor_checks(gold1: str | None, gold2: str | None, best: Event | None, types: list[str]) -> dict[str, bool]:
    """actor1/actor2 hits for the gold actors our knowledge base maps. ACLED's two actors are the two sides in no
    order ("Actor 1 and Actor 2 do not imply directionality (e.g. attacker or defender)", ACLED's codebook), except
    where its conventions fix the order: civilians are always actor 2 (an attack on civilians: ordered), and since
    the 2019 recoding protesters and rioters are actor 1 of their event (the older coding put them second when a
    force met them: "Police Forces of X" / "Protesters (X)" reads as the crowd first, the force second). Elsewhere
    the pair counts either way round when that matches more of it."""
    if (gold2 or "").startswith(_CROWDS) and not (gold1 or "").startswith(_CROWDS):
        gold1, gold2 = gold2, gold1
        ordered = True
    else:
        ordered = "Violence against civilians" in types or any(
            (g or "").startswith(("gen.civilians.", *_CROWDS)) for g in (gold1, gold2))
    ours = (best.actor1_id, best.actor2_id) if best is not None else (None, None)
    straight = [bool(g) and best is not None and _same_actor(g, o) for g, o in zip((gold1, gold2), ours, strict=True)]
    if not ordered:
        crossed = [bool(g) and best is not None and _same_actor(g, o) for g, o in zip((gold1, gold2), ours[::-1], strict=True)]
        straight = crossed if sum(crossed) > sum(straight) else straight
    return {role: ok for role, gold, ok in zip(("actor1", "actor2"), (gold1, gold2), straight, strict=True) if gold}


def _best(events: list[Event], row: dict[str, str], types: list[str]) -> Event | None:
    candidates = [e for e in events if e.modality not in _NON_EVENTS]
    if not candidates:
        return None
    lat, lon = float(row["latitude"]), float(row["longitude"])

    def key(e: Event) -> tuple[int, float]:
        dist = haversine_km(lat, lon, e.latitude, e.longitude) if e.latitude is not None else 1e6
        return (0 if e.event_type in types else 1, dist)

    return min(candidates, key=key)


_NAME_RUN = re.compile(r"[A-Z][\w'’-]*(?:\s+(?:al-|el-|de\s+|du\s+)?[A-Z][\w'’-]*){0,3}")


def _names_a_place_near(note: str, lat: float, lon: float, gaz: Gazetteer, km: float = 25.0) -> bool:
    """Whether a run of one to four capitalised words of ``note`` names a gazetteer place (or a region whose seat)
    within ``km`` of the coded point: the share of such rows is the location score's reachable ceiling."""
    for run in _NAME_RUN.finditer(note):
        words = run.group().split()
        names = (" ".join(words[a:b]) for a in range(len(words)) for b in range(a + 1, len(words) + 1))
        for name in names:
            for p in gaz.lookup(name):
                seat = gaz.capital_of(p.id) if p.feature in ("admin1", "admin2", "region") else None
                points = [(p.latitude, p.longitude)] + ([(seat[1], seat[2])] if seat else [])
                if any(haversine_km(lat, lon, a, b) <= km for a, b in points):
                    return True
    return False


def _documents(rows: list[dict[str, str]]) -> list[Document]:
    from frontlines.pipeline.reading.ingest import document_from_text

    return [document_from_text(r["notes"], id=f"acled-{i}",
                               published=_gold_date(r["event_date"]) + timedelta(days=2), format="csv", genre="note")
            for i, r in enumerate(rows)]


def score_acled(path: Path, pipeline: Any, *, limit: int | None = None) -> EvalReport:
    with path.open(encoding="utf-8", errors="replace") as fh:
        rows = [r for r in csv.DictReader(fh) if r.get("notes")]
    rows = rows[:limit] if limit else rows
    kb = get_actor_kb()
    gaz = get_gazetteer()
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    failures: Counter[str] = Counter()
    for n, (row, doc) in enumerate(zip(rows, pipeline.pipe(_documents(rows), batch_size=32), strict=True), start=1):
        if n % 100 == 0:
            print(f"acled {path.name}: {n}/{len(rows)}", file=sys.stderr)
        types = _gold_types(row)
        best = _best(doc.events, row, types)
        totals["detected"] += 1
        hits["detected"] += best is not None
        checks = {
            "event type": best is not None and best.event_type in types,
            "location within 25 km": best is not None and best.latitude is not None
            and haversine_km(float(row["latitude"]), float(row["longitude"]), best.latitude, best.longitude) <= 25,
            "event date exact": best is not None and best.event_date == _gold_date(row["event_date"]).isoformat(),
            "fatalities exact": best is not None and best.fatalities == int(row["fatalities"] or 0),
        }
        if best is not None and not best.date_fallback:
            checks["event date exact (note states a date)"] = checks["event date exact"]
        reachable = _names_a_place_near(row["notes"], float(row["latitude"]), float(row["longitude"]), gaz)
        totals["location reachable (the note names a place within 25 km)"] += 1
        hits["location reachable (the note names a place within 25 km)"] += reachable
        if coded_fatalities(row["notes"]) is None:
            checks["fatalities exact (no coded count in the note)"] = checks["fatalities exact"]
        if row.get("sub_event_type"):
            checks["sub-event type"] = best is not None and best.sub_event_type == row["sub_event_type"]
        golds = {role: kb.match_acled(row[role]) if row.get(role) else None for role in ("actor1", "actor2")}
        for role, gold in golds.items():
            if row.get(role):
                totals[f"{role} mapped to the KB"] += 1
                hits[f"{role} mapped to the KB"] += gold is not None
        checks.update(_actor_checks(golds["actor1"], golds["actor2"], best, types))
        for name, ok in checks.items():
            totals[name] += 1
            hits[name] += bool(ok)
            if not ok:
                failures[name] += 1
    order = ["detected", "event type", "sub-event type", "actor1", "actor2", "location within 25 km",
             "location reachable (the note names a place within 25 km)",
             "event date exact", "event date exact (note states a date)", "fatalities exact",
             "fatalities exact (no coded count in the note)", "actor1 mapped to the KB", "actor2 mapped to the KB"]
    metrics = {k: ratio(hits[k], totals[k]) for k in order if totals[k]}
    return EvalReport("acled", path.name, len(rows), metrics)
