"""How well "same event" matching (``fusion.cluster.same_event``) separates reports of one incident from distinct
incidents (issue 13, deliverable 1), on pairs built at run time from the gold files:

- same event: gold events of the dev reports told by two different documents with the same sub-event type (or an
  ``alt_sub_event_types`` entry), the same place (name, or within 25 km), dates that agree at the coarser
  precision and an actor in common;
- different events: ACLED rows that share a date and a location (ACLED codes one row per actor pair, place and
  day, so two rows are two incidents), and gold events of two dev documents with the same event type and agreeing
  dates that are not the same event by the rule above.

Events are built from the gold attributes (type, sub-type, actors resolved to knowledge-base ids, date and its
precision, place and coordinates), so this measures the matching rule, not extraction.
``python -m frontlines.evaluate.fusion GOLD_DIR``.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from frontlines.fusion.cluster import same_event
from frontlines.knowledge.geo import haversine_km
from frontlines.model import Event

__all__ = ["FusionScore", "acled_pairs", "report_pairs", "score_pairs"]

NEAR_KM = 25.0


@dataclass
class FusionScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    by_source: dict[str, dict[str, int]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"precision": round(self.precision, 3), "recall": round(self.recall, 3), "same_pairs": self.tp + self.fn,
                "different_pairs": self.fp + self.tn, "tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "by_source": self.by_source}


def score_pairs(pairs: Iterable[tuple[Event, Event, bool, str]]) -> FusionScore:
    score = FusionScore()
    for a, b, same, source in pairs:
        said = same_event(a, b)
        counts = score.by_source.setdefault(source, {"tp": 0, "fp": 0, "fn": 0, "tn": 0})
        key = ("tp" if said else "fn") if same else ("fp" if said else "tn")
        counts[key] += 1
        setattr(score, key, getattr(score, key) + 1)
        if key in ("fp", "fn") and len(score.errors) < 50:
            score.errors.append(f"{key} {source}: {_show(a)} | {_show(b)}")
    return score


def _show(e: Event) -> str:
    return f"{e.event_date} {e.sub_event_type} @{e.location} {e.actor1}/{e.actor2} ({e.document_id})"


# -- ACLED rows sharing a date and a location: distinct incidents ----------------------------------------------
def acled_pairs(paths: Sequence[Path], resolve: Any) -> list[tuple[Event, Event, bool, str]]:
    groups: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                event = _acled_event(row, resolve)
                if event is not None:
                    groups[(event.event_date or "", (event.location or "").lower())].append(event)
    return [(a, b, False, "acled") for members in groups.values() for a, b in itertools.combinations(members, 2)]


def _acled_event(row: dict[str, str], resolve: Any) -> Event | None:
    """One ACLED row as an event; a row of the old nine-type coding keeps its old type as the sub-type."""
    day = None
    for fmt in ("%d %B %Y", "%Y-%m-%d"):
        try:
            day = datetime.strptime(row["event_date"].strip(), fmt).date().isoformat()
            break
        except (KeyError, ValueError):
            continue
    try:
        lat, lon = float(row["latitude"]), float(row["longitude"])
    except (KeyError, ValueError):
        return None
    if day is None:
        return None
    return Event(event_id=f"acled-{row.get('data_id') or row.get('event_id_cnty')}", event_date=day,
                 time_precision=int(row.get("time_precision") or 1), event_type=row["event_type"],
                 sub_event_type=row.get("sub_event_type") or row["event_type"], actor1=row.get("actor1") or None,
                 actor2=row.get("actor2") or None, assoc_actor_1=row.get("assoc_actor_1") or None,
                 assoc_actor_2=row.get("assoc_actor_2") or None,
                 actor1_id=resolve(row.get("actor1")), actor2_id=resolve(row.get("actor2")), location=row.get("location"),
                 admin1=row.get("admin1"), country=row.get("country"), latitude=lat, longitude=lon,
                 fatalities=int(row.get("fatalities") or 0), document_id=f"acled-{row.get('data_id')}")


# -- dev reports: the same incident told by two documents --------------------------------------------------------
def report_pairs(paths: Sequence[Path], resolve: Any) -> list[tuple[Event, Event, bool, str]]:
    told: list[tuple[str, dict[str, Any], Event]] = []
    for path in paths:
        for line in path.open(encoding="utf-8"):
            if not line.strip():
                continue
            record = json.loads(line)
            for i, gold in enumerate(record.get("gold_events", [])):
                event = _gold_event(record["id"], i, gold, resolve)
                if event is not None:
                    told.append((record["id"], gold, event))
    pairs = []
    for (doc_a, gold_a, a), (doc_b, gold_b, b) in itertools.combinations(told, 2):
        if doc_a == doc_b or a.event_type != b.event_type or not _dates_agree(gold_a["date"], gold_b["date"]):
            continue
        pairs.append((a, b, _same_incident(gold_a, gold_b, a, b), "reports"))
    return pairs


def _gold_event(doc: str, i: int, gold: dict[str, Any], resolve: Any) -> Event | None:
    day = gold.get("date")
    if not day:
        return None
    place = gold.get("location") or {}
    return Event(event_id=f"{doc}#{i}", event_date=day if len(day) == 10 else f"{day}-01",
                 time_precision=1 if len(day) == 10 else 3, event_type=gold["event_type"],
                 sub_event_type=gold["sub_event_type"], actor1=gold.get("actor1"), actor2=gold.get("actor2"),
                 actor1_id=resolve(gold.get("actor1")), actor2_id=resolve(gold.get("actor2")), location=place.get("name"),
                 latitude=place.get("lat"), longitude=place.get("lon"), document_id=doc,
                 fatalities=gold.get("fatalities") or 0)


def _dates_agree(a: str | None, b: str | None) -> bool:
    return bool(a and b and (a.startswith(b) or b.startswith(a)))


def _fold(name: str | None) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", (name or "").lower()) if not unicodedata.combining(c))


def _same_incident(gold_a: dict[str, Any], gold_b: dict[str, Any], a: Event, b: Event) -> bool:
    kinds_a = {gold_a["sub_event_type"], *(k.split(": ", 1)[-1] for k in gold_a.get("alt_sub_event_types", []))}
    kinds_b = {gold_b["sub_event_type"], *(k.split(": ", 1)[-1] for k in gold_b.get("alt_sub_event_types", []))}
    if not kinds_a & kinds_b:
        return False
    name_a, name_b = _fold(a.location), _fold(b.location)
    near = name_a == name_b or (a.latitude is not None and b.latitude is not None and
                                haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= NEAR_KM)
    actors = {gold_a.get("actor1"), gold_a.get("actor2")} & {gold_b.get("actor1"), gold_b.get("actor2")} - {None}
    return near and bool(actors)


def main(argv: Sequence[str]) -> int:
    from frontlines.knowledge.actor_search import search_ids
    from frontlines.knowledge.actors import get_actor_kb

    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m frontlines.evaluate.fusion GOLD_DIR  (with acled_*.csv and reports/*.jsonl)", file=sys.stderr)
        return 2
    gold = Path(argv[0])
    kb, cache = get_actor_kb(), {}

    def resolve(name: str | None) -> str | None:
        if not name:
            return None
        if name not in cache:
            ids = search_ids(kb, name)
            cache[name] = ids[0] if ids else None
        return cache[name]

    pairs = [*report_pairs(sorted((gold / "reports").glob("*.jsonl")), resolve),
             *acled_pairs(sorted(gold.glob("acled_*.csv")), resolve)]
    score = score_pairs(pairs)
    print(json.dumps(score.to_dict(), indent=2))
    for line in score.errors[:40]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
