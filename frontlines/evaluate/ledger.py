"""How well the claims and predictions ledger covers the real reports' labelled statements (issue 13).

Each record's text goes through the pipeline with its publication date, then through ``analysis.ledger``:

- coverage: of the gold non-events labelled prediction, claim, denial, threat or intention, the share that
  became a ledger entry (an entry whose sentence ``rests_on`` the gold sentence, the rule the event scorer uses);
- leakage: of the gold events' evidence sentences (strict events, and all events), the share that became one: an
  entry that rests on a gold event's sentence leaks, unless it also rests on a gold non-event of the five
  categories in the same report (the annotators labelled that sentence, or one sharing most of its words, a claim
  too: a headline "X in bid to retake Y" beside the story's "X launched an offensive to retake Y").

The gold text is read at run time and never stored: ``python -m frontlines.evaluate.ledger FILE... [--half odd|even]``.
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.analysis.ledger import ledger_entries
from frontlines.evaluate.reports import load_records, rests_on
from frontlines.model import Document, LedgerEntry

__all__ = ["LEDGER_CATEGORIES", "LedgerScore", "half_option", "score_ledger"]

LEDGER_CATEGORIES = ("prediction", "claim", "denial", "threat", "intention")


@dataclass
class LedgerScore:
    wanted: Counter[str] = field(default_factory=Counter)  # gold non-events per category
    covered: Counter[str] = field(default_factory=Counter)
    strict_events: int = 0
    strict_leaked: int = 0
    shared: int = 0  # entries resting on a gold event's sentence that are also a labelled claim (not leaks)
    all_events: int = 0
    all_leaked: int = 0
    other_non_events: int = 0  # gold non-events of other categories (opinion, background, ...) ...
    other_entries: int = 0  # ... that became entries (not wrong by the target, shown for judgement)
    misses: list[tuple[str, str]] = field(default_factory=list)  # (category, sentence) for --details
    leaks: list[tuple[str, str]] = field(default_factory=list)

    @property
    def coverage(self) -> float:
        return sum(self.covered.values()) / max(1, sum(self.wanted.values()))

    def to_dict(self) -> dict[str, Any]:
        return {
            "coverage": round(self.coverage, 3),
            "covered": sum(self.covered.values()), "wanted": sum(self.wanted.values()),
            "by_category": {c: f"{self.covered[c]}/{self.wanted[c]}" for c in LEDGER_CATEGORIES},
            "strict_event_sentences_leaked": f"{self.strict_leaked}/{self.strict_events}",
            "event_sentences_leaked": f"{self.all_leaked}/{self.all_events}",
            "event_sentences_also_labelled_claims": self.shared,
            "other_non_events_as_entries": f"{self.other_entries}/{self.other_non_events}",
        }


def score_ledger(records: Sequence[dict[str, Any]], docs: Sequence[Document]) -> LedgerScore:
    score = LedgerScore()
    for record, doc in zip(records, docs, strict=True):
        entries = ledger_entries(doc)
        _score_non_events(score, record, entries)
        _score_events(score, record, entries)
    return score


def _hit(entries: Sequence[LedgerEntry], sentence: str) -> bool:
    return any(rests_on(e.sentence.lower(), sentence) for e in entries)


def _score_non_events(score: LedgerScore, record: dict[str, Any], entries: Sequence[LedgerEntry]) -> None:
    for trap in record.get("gold_non_events", []):
        category, sentence = trap.get("category"), trap.get("sentence", "")
        hit = _hit(entries, sentence)
        if category in LEDGER_CATEGORIES:
            score.wanted[category] += 1
            score.covered[category] += hit
            if not hit:
                score.misses.append((category, sentence))
        else:
            score.other_non_events += 1
            score.other_entries += hit


def _score_events(score: LedgerScore, record: dict[str, Any], entries: Sequence[LedgerEntry]) -> None:
    labelled = [t.get("sentence", "") for t in record.get("gold_non_events", []) if t.get("category") in LEDGER_CATEGORIES]
    unlabelled = [e for e in entries if not any(rests_on(e.sentence.lower(), s) for s in labelled)]
    for gold in record.get("gold_events", []):
        strict = not (gold.get("optional") or gold.get("background"))
        leaked = _hit(unlabelled, gold.get("evidence", ""))
        score.shared += not leaked and _hit(entries, gold.get("evidence", ""))
        score.all_events += 1
        score.all_leaked += leaked
        score.strict_events += strict
        score.strict_leaked += strict and leaked
        if leaked:
            score.leaks.append(("strict" if strict else "soft", gold.get("evidence", "")))


def main(argv: Sequence[str]) -> int:
    import json

    from frontlines.evaluate.reports import _documents
    from frontlines.pipeline import Pipeline

    details = "--details" in argv
    half, argv = half_option(argv)
    paths = [Path(a) for a in argv if a != "--details"]
    if not paths or half == "":
        print("usage: python -m frontlines.evaluate.ledger REPORTS.jsonl... [--half odd|even] [--details]", file=sys.stderr)
        return 2
    records = [r for p in paths for r in load_records(p, half=half)]
    docs = list(Pipeline.default().pipe(_documents(records), batch_size=8))
    score = score_ledger(records, docs)
    print(json.dumps(score.to_dict(), indent=2))
    if details:
        for category, sentence in score.misses:
            print(f"MISS {category}: {sentence[:160]!r}")
        for kind, sentence in score.leaks:
            print(f"LEAK {kind}: {sentence[:160]!r}")
    return 0


def half_option(argv: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--half odd|even`` (the documents of each file by line number, as ``frontlines evaluate`` splits them) and
    the other arguments; "" when --half names no half."""
    args = list(argv)
    if "--half" not in args:
        return None, args
    at = args.index("--half")
    half = args[at + 1] if at + 1 < len(args) and args[at + 1] in ("odd", "even") else ""
    return half, args[:at] + args[at + 2:]


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
