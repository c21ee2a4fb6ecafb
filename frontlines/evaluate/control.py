"""Whether every gold capture or transfer of territory in the real reports updates the control of its place
(issue 13's target for control timelines).

Each record's text goes through the pipeline, then ``analysis.control.control_changes``; a gold event of
sub-type "Government regains territory", "Non-state actor overtakes territory" or "Non-violent transfer of
territory" is found when a change of the same document is at its place: the same name (case folded), within 25 km
of the gold coordinates, or, where the gold gives none, the place the document's mention of the gold name resolved
to ("Al-Watiya" in the text, resolved as "Al-Wattiya Air Base"). It has the right holder when one of those changes
hands the place to the gold actor1, or, naming no new holder, takes it from the gold actor2 (a withdrawal), the
actors judged through the knowledge base as the report scorer judges them (``ActorJudge``). ``python -m frontlines.evaluate.control FILE... [--half odd|even] [--details]``.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.analysis.control import TERRITORY, control_changes
from frontlines.evaluate.report_actors import ActorJudge
from frontlines.evaluate.reports import load_records
from frontlines.knowledge.geo import haversine_km
from frontlines.model import ControlChange, Document

__all__ = ["ControlScore", "score_control"]

NEAR_KM = 25.0


@dataclass
class ControlScore:
    strict: int = 0
    strict_found: int = 0
    all: int = 0
    all_found: int = 0
    all_holder: int = 0  # found, with the right holder
    strict_holder: int = 0
    missed: list[str] = field(default_factory=list)
    wrong_holder: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"strict_found": f"{self.strict_found}/{self.strict}", "all_found": f"{self.all_found}/{self.all}",
                "share_all": round(self.all_found / max(1, self.all), 3),
                "strict_right_holder": f"{self.strict_holder}/{self.strict}",
                "all_right_holder": f"{self.all_holder}/{self.all}"}


def score_control(records: Sequence[dict[str, Any]], docs: Sequence[Document]) -> ControlScore:
    score, judge = ControlScore(), ActorJudge()
    for record, doc in zip(records, docs, strict=True):
        changes = control_changes(doc)
        written = _written(doc)
        for gold in record.get("gold_events", []):
            if gold.get("sub_event_type") not in TERRITORY:
                continue
            strict = not (gold.get("optional") or gold.get("background"))
            at = [change for change in changes if _at(change, gold.get("location") or {}, written)]
            right = any(_right_holder(judge, gold, change) for change in at)
            score.all += 1
            score.all_found += bool(at)
            score.all_holder += right
            score.strict += strict
            score.strict_found += strict and bool(at)
            score.strict_holder += strict and right
            told = f"{record.get('id')}: {gold['sub_event_type']} at {(gold.get('location') or {}).get('name')}"
            if not at:
                score.missed.append(told)
            elif not right:
                score.wrong_holder.append(f"{told}, {gold.get('actor1')} takes it; changes say "
                                          + "; ".join(f"{c.kind} {c.holder or '-'} (from {c.previous or '-'})" for c in at))
    return score


def _right_holder(judge: ActorJudge, gold: dict[str, Any], change: ControlChange) -> bool:
    if change.holder and gold.get("actor1"):
        return judge.agrees(gold["actor1"], (change.holder_id, change.holder))
    if not change.holder and change.previous and gold.get("actor2"):
        return judge.agrees(gold["actor2"], (change.previous_id, change.previous))
    return False


def _fold(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name.lower()) if not unicodedata.combining(c))


def _written(doc: Document) -> dict[str, set[str]]:
    """Each place the document's mentions resolved to (folded) -> the names the text gives it (folded)."""
    names: dict[str, set[str]] = {}
    for m in doc.mentions:
        if m.kind == "place":
            names.setdefault(_fold(m.canonical or m.text), set()).add(_fold(m.text))
    return names


def _at(change: ControlChange, place: dict[str, Any], written: dict[str, set[str]] | None = None) -> bool:
    name, held = _fold(place.get("name") or ""), _fold(change.place)
    if name and (held == name or name in held or held in name):
        return True
    if place.get("lat") is None:
        return bool(name) and name in (written or {}).get(held, set())
    if change.latitude is None or change.longitude is None:
        return False
    return haversine_km(place["lat"], place["lon"], change.latitude, change.longitude) <= NEAR_KM


def main(argv: Sequence[str]) -> int:
    import json

    from frontlines.evaluate.reports import _documents
    from frontlines.pipeline import Pipeline

    from frontlines.evaluate.ledger import half_option

    half, argv = half_option(argv)
    paths = [Path(a) for a in argv if a != "--details"]
    if not paths or half == "":
        print("usage: python -m frontlines.evaluate.control REPORTS.jsonl... [--half odd|even] [--details]", file=sys.stderr)
        return 2
    records = [r for p in paths for r in load_records(p, half=half)]
    score = score_control(records, list(Pipeline.default().pipe(_documents(records), batch_size=8)))
    print(json.dumps(score.to_dict(), indent=2))
    if "--details" in argv:
        for line in score.missed:
            print("MISSED", line)
        for line in score.wrong_holder:
            print("WRONG HOLDER", line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
