"""How well "same event" matching (``fusion.cluster``) separates reports of one incident from distinct incidents
(issue 13, deliverable 1), on pairs built at run time from the gold files:

- same event: gold events of the dev reports told by two different documents with the same sub-event type (or an
  ``alt_sub_event_types`` entry), the same place (name, or within 25 km), dates that agree at the coarser
  precision and an actor in common;
- different events: ACLED rows that share a date and a location (ACLED codes one row per actor pair, place and
  day, so two rows should be two incidents), and gold events of two dev documents with the same event type and
  agreeing dates that are not the same event by the rule above. Two rows with the same notes are one sentence
  coded as two events (pro- and anti- protests told together): at ingest they are one document's events, never
  compared, so they are left out (counted in ``identical_notes_left_out``). A gold event the rule above calls the
  same as two events it does not call the same as each other tells a series (``series_tellings``): its pairs
  are left out (listed in ``series_left_out``), since no partition into incidents can honour both.

Events are built from the gold attributes (type, sub-type, actors resolved to knowledge-base ids, date and its
precision, place and coordinates) with their sentence (the gold evidence sentence; ACLED's notes), so this measures
the matching, not extraction. Three matchers are scored: ``coded`` (the coded fields only: the rule before text
evidence), ``text`` (``same_event``: coded fields and the sentences) and ``clustered`` (the clusters ingest makes,
replayed in document order with ``choose_cluster``, so several same-day same-place incidents need the sentence's
support; a pair is "same" when both end in one cluster).

Two label sets. ``built``: as above. ``audited``: ACLED's files hold the same incident coded twice from two outlets
(the Africa file merges two releases): a hand check of the 48 pairs the coded-field rule merges (notes read before
the text evidence was written) judged 23 to be one incident and 8 unclear; ``audited`` counts those 23 as same-event
pairs and leaves the 8 out. The other 403 ACLED pairs were not read by hand (a duplicate coded with other actors
there is an unseen miss for every matcher).

Each figure is given for two halves, split by a hash of the pair's group (ACLED: date and place; reports: the two
documents): ``odd`` to tune on, ``even`` to check. ``python -m frontlines.evaluate.fusion GOLD_DIR [--details]``.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from frontlines.fusion.cluster import choose_cluster, match, same_event
from frontlines.knowledge.geo import haversine_km
from frontlines.model import Event

__all__ = ["AUDITED_SAME", "AUDITED_UNCLEAR", "FusionScore", "Pair", "acled_groups", "acled_pairs", "half",
           "replay_clusters", "report_pairs", "score_pairs", "series_tellings"]

NEAR_KM = 25.0
Pair = tuple[Event, Event, bool, str]
# ACLED data_id pairs a hand check judged one incident coded twice (two outlets' reports of one killing, surrender,
# protest or raid), and pairs it could not decide; see the module docstring
AUDITED_SAME = frozenset(frozenset(p.split()) for p in (
    "6980437 6980268", "364097 363703", "363459 448377", "402453 402456", "402455 402459", "336249 337025",
    "150758 363741", "303419 303429", "324025 324026", "195832 195839", "250473 250474", "386072 386073",
    "293651 293657", "293663 293664", "293529 293530", "293328 293329", "303267 303268", "293205 293222",
    "293184 293190", "293185 293186", "293071 293078", "195648 195651", "292962 292968"))
AUDITED_UNCLEAR = frozenset(frozenset(p.split()) for p in (
    "6980432 6980501", "262630 262631", "183972 336814", "183958 336810", "262533 262534", "226323 226328",
    "453570 453571", "386062 386063"))


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


def score_pairs(pairs: Iterable[Pair], judge: Any = same_event) -> FusionScore:
    """Count a matcher's answers (``judge(a, b) -> bool``, by default ``same_event``) on labelled pairs."""
    score = FusionScore()
    for a, b, same, source in pairs:
        said = judge(a, b)
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
def acled_groups(paths: Sequence[Path], resolve: Any) -> dict[tuple[str, str], list[Event]]:
    """ACLED rows by (date, location), in file order."""
    groups: dict[tuple[str, str], list[Event]] = defaultdict(list)
    for path in paths:
        with path.open(encoding="utf-8", newline="") as fh:
            for row in csv.DictReader(fh):
                event = _acled_event(row, resolve)
                if event is not None:
                    groups[(event.event_date or "", (event.location or "").lower())].append(event)
    return groups


def acled_pairs(paths: Sequence[Path], resolve: Any, audited: bool = False) -> list[Pair]:
    """Pairs of rows sharing a date and a location, less those with the same notes; ``audited``: the hand check's
    labels (``AUDITED_SAME`` same, ``AUDITED_UNCLEAR`` left out)."""
    pairs: list[Pair] = []
    for members in acled_groups(paths, resolve).values():
        for a, b in itertools.combinations(members, 2):
            if _identical_notes(a, b):
                continue
            ids = frozenset({a.event_id.removeprefix("acled-"), b.event_id.removeprefix("acled-")})
            if audited and ids in AUDITED_UNCLEAR:
                continue
            pairs.append((a, b, audited and ids in AUDITED_SAME, "acled"))
    return pairs


def _identical_notes(a: Event, b: Event) -> bool:
    return bool(a.notes) and " ".join(a.notes.lower().split()) == " ".join(b.notes.lower().split())


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
                 fatalities=int(row.get("fatalities") or 0), document_id=f"acled-{row.get('data_id')}",
                 notes=(row.get("notes") or "").strip(), source=row.get("source") or None)


# -- dev reports: the same incident told by two documents --------------------------------------------------------
def report_pairs(paths: Sequence[Path], resolve: Any) -> list[Pair]:
    """Pairs of gold events of two documents with the same type and agreeing dates, less those of a series
    (``series_tellings``)."""
    told = _told(paths, resolve)
    pairs = []
    for (doc_a, gold_a, a), (doc_b, gold_b, b) in itertools.combinations(told, 2):
        if doc_a == doc_b or a.event_type != b.event_type or not _dates_agree(gold_a["date"], gold_b["date"]):
            continue
        pairs.append((a, b, _same_incident(gold_a, gold_b, a, b), "reports"))
    series = series_tellings(pairs)
    return [p for p in pairs if not {p[0].event_id, p[1].event_id} & series]


def series_tellings(pairs: Sequence[Pair]) -> set[str]:
    """Events the construction calls the same as two events it does not call the same as each other (dates a
    month apart at day precision, or a pair labelled different): a telling of several incidents at once ("the
    mystery airstrikes in Tripoli" of a month, two raids four days apart). No clustering can put it with both, so
    its pairs are left out rather than scored (``series_left_out``)."""
    partners: dict[str, set[str]] = defaultdict(set)
    same = set()
    for a, b, label, _ in pairs:
        if label:
            partners[a.event_id].add(b.event_id)
            partners[b.event_id].add(a.event_id)
            same.add(frozenset((a.event_id, b.event_id)))
    return {e for e, found in partners.items()
            if any(frozenset(two) not in same for two in itertools.combinations(sorted(found), 2))}


def _told(paths: Sequence[Path], resolve: Any) -> list[tuple[str, dict[str, Any], Event]]:
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
    return told


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
                 fatalities=gold.get("fatalities") or 0, notes=gold.get("evidence") or "")


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


def half(a: Event, b: Event, source: str) -> str:
    """``odd`` or ``even``: a stable hash of the pair's group (ACLED: date and place; reports: the two documents)."""
    key = (f"{a.event_date}|{(a.location or '').lower()}" if source == "acled"
           else "|".join(sorted((a.document_id or "", b.document_id or ""))))
    return "odd" if zlib.crc32(key.encode()) % 2 else "even"


def replay_clusters(groups: Iterable[Sequence[Event]]) -> dict[str, str]:
    """The cluster each event gets when the events of each group are ingested in order (``analysis.clusters``):
    its matches among the earlier events of other documents, the cluster ``choose_cluster`` picks, else its own."""
    cluster: dict[str, str] = {}
    for events in groups:
        for i, event in enumerate(events):
            matches = [(e, cluster[e.event_id]) for e in events[:i]
                       if e.document_id != event.document_id and match(event, e).same]
            chosen = choose_cluster(event, matches)
            cluster[event.event_id] = chosen[1] if chosen else event.event_id
    return cluster


def evaluate(gold: Path, resolve: Any) -> tuple[dict[str, Any], list[str]]:
    """Scores of the three matchers on both label sets, all pairs and each half; the text matcher's errors."""
    reports = sorted((gold / "reports").glob("*.jsonl"))
    acled = sorted(gold.glob("acled_*.csv"))
    groups = acled_groups(acled, resolve)
    told = [e for _, _, e in _told(reports, resolve)]
    clusters = replay_clusters([*groups.values(), told])
    judges = {"coded": lambda a, b: same_event(a, b, text=False), "text": same_event,
              "clustered": lambda a, b: clusters[a.event_id] == clusters[b.event_id]}
    left_out = sum(_identical_notes(a, b) for m in groups.values() for a, b in itertools.combinations(m, 2))
    all_report_pairs = [(a, b, _same_incident(ga, gb, a, b), "reports") for (da, ga, a), (db, gb, b)
                        in itertools.combinations(_told(reports, resolve), 2)
                        if da != db and a.event_type == b.event_type and _dates_agree(ga["date"], gb["date"])]
    out: dict[str, Any] = {"identical_notes_left_out": left_out,
                           "series_left_out": sorted(series_tellings(all_report_pairs))}
    errors: list[str] = []
    for labels in ("built", "audited"):
        pairs = [*report_pairs(reports, resolve), *acled_pairs(acled, resolve, audited=labels == "audited")]
        out[labels] = {}
        for name, judge in judges.items():
            out[labels][name] = {part: score_pairs([p for p in pairs if part == "all" or half(*p[:2], p[3]) == part],
                                                   judge).to_dict() for part in ("all", "odd", "even")}
            if labels == "audited" and name != "coded":
                errors += [f"{name}: {e}" for e in score_pairs(pairs, judge).errors]
    return out, errors


def table(result: dict[str, Any]) -> str:
    lines = ["labels   matcher    half  precision  recall  tp  fp  fn    tn"]
    for labels in ("built", "audited"):
        for name, parts in result[labels].items():
            for part, r in parts.items():
                lines.append(f"{labels:8} {name:10} {part:5} {r['precision']:9.3f} {r['recall']:7.3f} {r['tp']:3} "
                             f"{r['fp']:3} {r['fn']:3} {r['tn']:5}")
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    from frontlines.knowledge.actor_search import search_ids
    from frontlines.knowledge.actors import get_actor_kb

    details = "--details" in argv
    argv = [a for a in argv if a != "--details"]
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: python -m frontlines.evaluate.fusion GOLD_DIR [--details]  (with acled_*.csv and "
              "reports/*.jsonl)", file=sys.stderr)
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

    result, errors = evaluate(gold, resolve)
    print(table(result))
    print(f"ACLED pairs with the same notes left out: {result['identical_notes_left_out']}")
    print(f"report events telling a series, their pairs left out: {', '.join(result['series_left_out']) or 'none'}")
    if details:
        print(json.dumps(result, indent=2))
        print("\n".join(errors[:50]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
