"""Real reports: news and blog excerpts exactly as published, one JSONL record each (``id``, ``text``,
``published``), with gold events (strict, or soft: ``background`` / ``optional``), labelled non-event sentences
("traps", each with a category) and gold entities.

Each record's text goes through the pipeline with its publication date; its *asserted* events are then scored
against the strict gold events, the way held-out report sets are scored:

- a prediction is a candidate for a gold event when its evidence (the event's ``notes`` and evidence span) rests on
  the gold evidence sentence or one of its ``evidence_extra`` sentences (``rests_on``);
- the best candidate wins: right type 2 points, right sub-type 1, within 25 km 1, actors agree 1, half a point off
  for a prediction already matched to an earlier gold event; a tie goes to the earlier prediction;
- recall = gold events found / strict gold events; precision = matched predictions / asserted predictions, leaving
  out unmatched ones that rest on a background or optional gold event (neither rewarded nor penalised);
- a trap is hit when an unmatched asserted prediction rests on its sentence; traps avoided = 1 - hits / traps,
  overall and per category;
- over the gold events found: type and sub-type (an ``alt_sub_event_types`` entry counts), actor pairs (every gold
  actor among the predicted ones, ``report_actors``), place within 25 km (gold events with coordinates), date at
  the gold precision (``YYYY-MM`` compares the month) and fatalities (gold events with a count).

``--half odd|even`` keeps the odd- or even-numbered documents (1-based, counting the file's non-blank lines): tune
on one half, check on the other.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.errors import InvalidParameterError, MalformedInputError
from frontlines.evaluate.report import EvalReport
from frontlines.evaluate.report_actors import ActorJudge
from frontlines.knowledge.geo import haversine_km
from frontlines.model import Document, Event

__all__ = ["HALVES", "is_reports_file", "load_records", "render_details", "rests_on", "score_records", "score_reports"]

HALVES = ("odd", "even")
ASSERTED = frozenset({"asserted", "reported", "fact", ""})
NEAR_KM = 25.0
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


# -- reading the gold file ---------------------------------------------------------------------------------
def is_reports_file(path: Path) -> bool:
    """A JSONL file whose first record has a text and gold events."""
    if not path.is_file() or path.suffix.lower() not in (".jsonl", ".ndjson"):
        return False
    with path.open(encoding="utf-8") as fh:
        first = next((line for line in fh if line.strip()), "")
    try:
        record = json.loads(first)
    except json.JSONDecodeError:
        return False
    return isinstance(record, dict) and "text" in record and "gold_events" in record


def load_records(path: Path, *, half: str | None = None, limit: int | None = None) -> list[dict[str, Any]]:
    if half not in (None, *HALVES):
        raise InvalidParameterError(f"--half {half!r}: use odd or even.")
    records = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate((ln for ln in fh if ln.strip()), start=1):
            if half and (number % 2 == 1) != (half == "odd"):
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MalformedInputError(f"Invalid JSON in record {number} of {path.name} ({exc.msg}).") from exc
            if not isinstance(record, dict) or "text" not in record or "gold_events" not in record:
                raise MalformedInputError(f"Record {number} of {path.name} is no real-report record: it needs "
                                          "'text' and 'gold_events' (pass --corpus for another gold format).")
            records.append(record)
    return records[:limit] if limit else records


def _documents(records: list[dict[str, Any]]) -> list[Document]:
    from frontlines.pipeline.reading.ingest import document_from_text, parse_published

    return [document_from_text(r["text"], id=str(r.get("id") or f"report-{i}"), format="jsonl",
                               published=parse_published(r["published"]) if r.get("published") else None)
            for i, r in enumerate(records, start=1)]


# -- matching rules -----------------------------------------------------------------------------------------
def evidence_of(event: Event, text: str) -> str:
    """What a prediction rests on, lower-cased: its notes and the text of its evidence span."""
    start, end = event.evidence.get("start"), event.evidence.get("end")
    span = text[start:end] if isinstance(start, int) and isinstance(end, int) else ""
    return " ".join(part.lower() for part in (event.notes or "", span) if part)


def rests_on(evidence: str, sentence: str) -> bool:
    """The evidence holds the whole sentence, the sentence holds the evidence's opening (first 60 characters
    of evidence over 30), or they share at least 6 words and 60% of the words of the shorter one."""
    wanted, got = _SPACE.sub(" ", sentence.lower()).strip(), _SPACE.sub(" ", evidence)
    if not wanted or not got:
        return False
    if wanted in got or (len(got) > 30 and got[:60] in wanted):
        return True
    words_wanted, words_got = set(_WORD.findall(wanted)), set(_WORD.findall(got))
    return len(words_wanted & words_got) >= max(6, 0.6 * min(len(words_wanted), len(words_got)))


def _type_right(event: Event, gold: dict[str, Any]) -> tuple[bool, bool]:
    """(event type right, sub-event type right) against a gold event and its "Type: Sub-event" alternatives."""
    kinds: list[tuple[str, ...]] = [(gold["event_type"], gold["sub_event_type"])]
    kinds += [tuple(alt.split(": ", 1)) for alt in gold.get("alt_sub_event_types", [])]
    return (any(event.event_type == k[0] for k in kinds),
            any((event.event_type, event.sub_event_type) == k for k in kinds))


def _gold_point(gold: dict[str, Any]) -> tuple[float, float] | None:
    place = gold.get("location") or {}
    return (place["lat"], place["lon"]) if place.get("lat") is not None else None


def _near(event: Event, point: tuple[float, float] | None) -> bool:
    if point is None or event.latitude is None or event.longitude is None:
        return False
    return haversine_km(point[0], point[1], float(event.latitude), float(event.longitude)) <= NEAR_KM


def _soft(gold: dict[str, Any]) -> bool:
    return bool(gold.get("optional") or gold.get("background"))


def _sentences(gold: dict[str, Any]) -> list[str]:
    return [gold["evidence"], *gold.get("evidence_extra", [])]


# -- one document ----------------------------------------------------------------------------------------------
@dataclass
class Judged:
    """One document's outcome."""

    matches: list[tuple[dict[str, Any], Event]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[Event] = field(default_factory=list)
    soft: list[Event] = field(default_factory=list)
    traps: list[tuple[dict[str, Any], list[Event]]] = field(default_factory=list)  # (trap, predictions on it)
    predicted: int = 0  # asserted predictions
    matched: int = 0  # of them, matched to a strict gold event


def judge_document(record: dict[str, Any], doc: Document, actors: ActorJudge) -> Judged:
    preds = [e for e in doc.events if (e.modality or "asserted").lower() in ASSERTED]
    evidence = [evidence_of(e, doc.text) for e in preds]
    out, used = Judged(predicted=len(preds)), set()

    def fit(i: int, gold: dict[str, Any]) -> float:
        type_ok, sub_ok = _type_right(preds[i], gold)
        agree = actors.pair(gold.get("actor1"), gold.get("actor2"), preds[i])
        return 2 * type_ok + sub_ok + _near(preds[i], _gold_point(gold)) + bool(agree) - 0.5 * (i in used)

    for gold in (g for g in record["gold_events"] if not _soft(g)):
        candidates = [i for i, ev in enumerate(evidence) if any(rests_on(ev, s) for s in _sentences(gold))]
        if not candidates:
            out.misses.append(gold)
            continue
        best = max(candidates, key=lambda i: fit(i, gold))  # max keeps the first of equals
        used.add(best)
        out.matches.append((gold, preds[best]))
    soft = [s for g in record["gold_events"] if _soft(g) for s in _sentences(g)]
    unmatched = [i for i in range(len(preds)) if i not in used]
    for i in unmatched:
        on_soft = any(rests_on(evidence[i], s) for s in soft)
        (out.soft if on_soft else out.false_positives).append(preds[i])
    for trap in record.get("gold_non_events", []):
        out.traps.append((trap, [preds[i] for i in unmatched if rests_on(evidence[i], trap["sentence"])]))
    out.matched = len(used)
    return out


def _tally(judged: Judged, actors: ActorJudge, counts: Counter[str]) -> None:
    counts["gold"] += len(judged.matches) + len(judged.misses)
    counts["found"] += len(judged.matches)
    counts["predicted"] += judged.predicted
    counts["matched"] += judged.matched
    counts["soft"] += len(judged.soft)
    for gold, event in judged.matches:
        for name, ok in _checks(gold, event, actors).items():
            if ok is not None:
                counts[f"{name} n"] += 1
                counts[name] += ok
    for trap, hits in judged.traps:
        counts[f"trap:{trap['category']}"] += 1
        counts[f"trap hit:{trap['category']}"] += bool(hits)


def _checks(gold: dict[str, Any], event: Event, actors: ActorJudge) -> dict[str, bool | None]:
    """Each field of a found event judged against its gold event (None where the gold leaves the field open)."""
    type_ok, sub_ok = _type_right(event, gold)
    point = _gold_point(gold)
    return {"type": type_ok, "sub-type": sub_ok,
            "actor pairs": actors.pair(gold.get("actor1"), gold.get("actor2"), event),
            "place": _near(event, point) if point else None,
            "date": (event.event_date or "")[:len(gold["date"])] == gold["date"] if gold.get("date") else None,
            "fatalities": event.fatalities == gold["fatalities"] if gold.get("fatalities") is not None else None}


def _shown(name: str, gold: dict[str, Any], event: Event) -> tuple[str, str]:
    """A field as the gold event and the extracted one give it."""
    if name == "type":
        return f"{gold['event_type']}/{gold['sub_event_type']}", f"{event.event_type}/{event.sub_event_type}"
    if name == "actor pairs":
        return (f"{gold.get('actor1') or '-'} | {gold.get('actor2') or '-'}",
                f"{event.actor1 or '-'} | {event.actor2 or '-'}")
    if name == "place":
        return (gold.get("location") or {}).get("name") or "?", event.location or "?"
    if name == "date":
        return gold.get("date") or "?", event.event_date or "?"
    return str(gold.get("fatalities")), str(event.fatalities)


def _wrong_fields(gold: dict[str, Any], event: Event, actors: ActorJudge) -> list[str]:
    """'field: gold -> extracted' for each field of a found event that does not agree with its gold event."""
    checks = _checks(gold, event, actors)
    checks["type"] = checks["type"] and checks["sub-type"]  # one row shows both
    return [f"{name}: {' -> '.join(_shown(name, gold, event))}"
            for name in ("type", "actor pairs", "place", "date", "fatalities") if checks[name] is False]


# -- the report ---------------------------------------------------------------------------------------------------
def _share(good: int, total: int) -> float | None:
    return round(good / total, 6) if total else None


def _metrics(counts: Counter[str]) -> dict[str, float]:
    recall = _share(counts["found"], counts["gold"])
    precision = _share(counts["matched"], counts["predicted"] - counts["soft"])
    f1 = 2 * precision * recall / (precision + recall) if precision and recall else 0.0
    categories = sorted((k.split(":", 1)[1] for k in counts if k.startswith("trap:")),
                        key=lambda c: (-counts[f"trap:{c}"], c))
    traps, hits = sum(counts[f"trap:{c}"] for c in categories), sum(counts[f"trap hit:{c}"] for c in categories)
    values: dict[str, float | None] = {
        "recall": recall, "precision": precision, "F1": round(f1, 6),
        "traps avoided": _share(traps - hits, traps),
        "type": _share(counts["type"], counts["found"]), "sub-type": _share(counts["sub-type"], counts["found"]),
        "actor pairs": _share(counts["actor pairs"], counts["actor pairs n"]),
        "place within 25 km": _share(counts["place"], counts["place n"]),
        "date at the gold precision": _share(counts["date"], counts["date n"]),
        "fatalities": _share(counts["fatalities"], counts["fatalities n"]),
    }
    for c in categories:
        values[f"traps avoided: {c}"] = _share(counts[f"trap:{c}"] - counts[f"trap hit:{c}"], counts[f"trap:{c}"])
    return {name: value for name, value in values.items() if value is not None}


def _describe(event: Event) -> str:
    return f"{event.event_type}/{event.sub_event_type} @ {event.location or '?'} {event.event_date or '?'}"


def _details(doc_id: str, judged: Judged, text: str, actors: ActorJudge) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for gold, event in judged.matches:
        wrong = _wrong_fields(gold, event, actors)
        if wrong:
            rows.append({"kind": "wrong", "document": doc_id, "event": _describe(event), "wrong": wrong,
                         "evidence": gold["evidence"]})
    for gold in judged.misses:
        where = (gold.get("location") or {}).get("name")
        rows.append({"kind": "miss", "document": doc_id, "event": f"{gold['event_type']}/{gold['sub_event_type']} "
                     f"@ {where or '?'} {gold.get('date') or '?'}", "evidence": gold["evidence"]})
    for event in judged.false_positives:
        start, end = event.evidence.get("start", 0), event.evidence.get("end", 0)
        rows.append({"kind": "false positive", "document": doc_id, "event": _describe(event),
                     "reason": event.reason, "evidence": text[start:end] or event.notes})
    for trap, hits in judged.traps:
        if hits:
            rows.append({"kind": "trap hit", "document": doc_id, "category": trap["category"],
                         "evidence": trap["sentence"], "event": "; ".join(_describe(e) for e in hits)})
    return rows


def render_details(details: list[dict[str, Any]]) -> str:
    lines = []
    for row in details:
        evidence = _SPACE.sub(" ", row.get("evidence") or "").strip()[:160]
        if row["kind"] == "miss":
            lines.append(f"  MISS  {row['document']}: {row['event']}\n        gold evidence: {evidence}")
        elif row["kind"] == "wrong":
            lines.append(f"  WRONG {row['document']}: {row['event']}\n        " + "\n        ".join(row["wrong"])
                         + f"\n        gold evidence: {evidence}")
        elif row["kind"] == "false positive":
            lines.append(f"  FP    {row['document']}: {row['event']}\n        reason: {row['reason']}"
                         f"\n        evidence: {evidence}")
        else:
            lines.append(f"  TRAP  {row['document']} [{row['category']}]: {evidence}\n        hit by: {row['event']}")
    return "\n".join(lines)


def score_reports(path: Path, pipeline: Any, *, limit: int | None = None, half: str | None = None,
                  verbose: bool = False, actors: ActorJudge | None = None) -> EvalReport:
    """Score a real-report gold file (or one half of it) end to end through ``pipeline``."""
    records = load_records(path, half=half, limit=limit)
    name = f"{path.name} ({half} half)" if half else path.name
    return score_records(records, pipeline, name=name, verbose=verbose, actors=actors)


def score_records(records: list[dict[str, Any]], pipeline: Any, *, name: str, verbose: bool = False,
                  actors: ActorJudge | None = None) -> EvalReport:
    actors = actors or ActorJudge()
    counts: Counter[str] = Counter()
    details: list[dict[str, Any]] = []
    for record, doc in zip(records, pipeline.pipe(_documents(records), batch_size=16), strict=True):
        judged = judge_document(record, doc, actors)
        _tally(judged, actors, counts)
        if verbose:
            details += _details(doc.id, judged, doc.text, actors)
    traps = sum(v for k, v in counts.items() if k.startswith("trap:"))
    hits = sum(v for k, v in counts.items() if k.startswith("trap hit:"))
    note = (f"strict gold events {counts['gold']}, found {counts['found']}; asserted predictions "
            f"{counts['predicted']}, {counts['matched']} matched, {counts['soft']} on background/optional gold "
            f"left out; traps {hits} hit of {traps}")
    return EvalReport("reports", name, len(records), _metrics(counts), [note], details)
