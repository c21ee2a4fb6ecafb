"""Whether every gold capture or transfer of territory in the real reports updates the control of its place
(issue 13's target for control timelines).

Each record's text goes through the pipeline, then ``analysis.control.control_changes``; a gold event of
sub-type "Government regains territory", "Non-state actor overtakes territory" or "Non-violent transfer of
territory" is found when a change of the same document is at its place: the same name (case folded), within 25 km
of the gold coordinates, or, where the gold gives none, the place the document's mention of the gold name resolved
to ("Al-Watiya" in the text, resolved as "Al-Wattiya Air Base"). ``python -m frontlines.evaluate.control FILE... [--half odd|even] [--details]``.
"""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.analysis.control import TERRITORY, control_changes
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
    missed: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"strict_found": f"{self.strict_found}/{self.strict}", "all_found": f"{self.all_found}/{self.all}",
                "share_all": round(self.all_found / max(1, self.all), 3)}


def score_control(records: Sequence[dict[str, Any]], docs: Sequence[Document]) -> ControlScore:
    score = ControlScore()
    for record, doc in zip(records, docs, strict=True):
        changes = control_changes(doc)
        written = _written(doc)
        for gold in record.get("gold_events", []):
            if gold.get("sub_event_type") not in TERRITORY:
                continue
            strict = not (gold.get("optional") or gold.get("background"))
            found = any(_at(change, gold.get("location") or {}, written) for change in changes)
            score.all += 1
            score.all_found += found
            score.strict += strict
            score.strict_found += strict and found
            if not found:
                score.missed.append(f"{record.get('id')}: {gold['sub_event_type']} at {(gold.get('location') or {}).get('name')}")
    return score


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

    from frontlines.evaluate.ledger import _half

    half, argv = _half(argv)
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
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
