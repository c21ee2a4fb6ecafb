"""CASE 2021 task 2: fine-grained sub-event classification of news snippets."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path
from typing import Any

from frontlines.evaluate.acled import _taxonomy
from frontlines.evaluate.report import EvalReport, ratio
from frontlines.model import Document

__all__ = ["score_case"]

# The two columns of the task's TSV the scorer reads (by name, in any order): the snippet and its label.
TEXT, LABEL = "EventSnippet", "SubType"


def _predict(doc: Document) -> str:
    if not doc.events:
        return "NONE"
    best = max(doc.events, key=lambda e: (e.modality not in ("negated", "hypothetical"), e.confidence))
    return _taxonomy()["case_2021"].get(best.sub_event_type, "OTHER")


def _macro_f1(pairs: list[tuple[str, str]], labels: set[str]) -> float:
    scores = []
    for label in labels:
        tp = sum(g == label and p == label for g, p in pairs)
        fp = sum(g != label and p == label for g, p in pairs)
        fn = sum(g == label and p != label for g, p in pairs)
        prec, rec = ratio(tp, tp + fp), ratio(tp, tp + fn)
        scores.append(2 * prec * rec / (prec + rec) if prec + rec else 0.0)
    return round(sum(scores) / len(scores), 4) if scores else 0.0


def score_case(path: Path, pipeline: Any, *, limit: int | None = None) -> EvalReport:
    from frontlines.pipeline.reading.ingest import document_from_text

    with path.open(encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh, delimiter="\t"))
    rows = rows[:limit] if limit else rows
    # each snippet was chosen as the telling of one event (the task labels its type): a note, not a report
    docs = [document_from_text(r[TEXT], id=f"case-{i}", genre="note") for i, r in enumerate(rows)]  # numbered
    unseen = set(_taxonomy()["case_unseen"])
    pairs = [(r[LABEL], _predict(d)) for r, d in zip(rows, pipeline.pipe(docs, batch_size=32), strict=True)]
    seen_pairs = [(g, p) for g, p in pairs if g not in unseen]
    unseen_pairs = [(g, p) for g, p in pairs if g in unseen]
    confusions = Counter((g, p) for g, p in seen_pairs if g != p).most_common(5)
    metrics = {
        "sub-event accuracy (seen types)": ratio(sum(g == p for g, p in seen_pairs), len(seen_pairs)),
        "macro-F1 (seen types)": _macro_f1(seen_pairs, {g for g, _ in seen_pairs}),
        "unseen types forced into conflict": ratio(sum(p != "NONE" for _, p in unseen_pairs), len(unseen_pairs)),
    }
    notes = [f"most common confusions: {', '.join(f'{g}->{p} ({n})' for (g, p), n in confusions)}"]
    return EvalReport("case", path.name, len(rows), metrics, notes)
