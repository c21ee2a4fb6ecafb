"""Documents per second: `frontlines extract` (the whole pipeline) vs spaCy's default en_core_web_sm
pipeline over the same texts, measured side by side in one run, and their ratio.

    .venv/bin/python benchmarks/extract_speed.py [--docs 1000] [--gold ../shared/gold]

Corpus: ACLED event notes from the gold folder when present (realistic conflict prose), else the
bundled samples repeated. Each system gets one warm-up pass, then ``--rounds`` timed passes taken in
turn (ours, theirs, ours, ...) so that load on the shared machine hits both alike; medians are printed.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def corpus(gold: Path, n: int) -> list[str]:
    texts: list[str] = []
    for name in ("acled_africa_2017-09_2018-02_no_libya.csv", "acled_afghanistan_2020-03.csv"):
        path = gold / name
        if path.exists():
            with path.open(encoding="utf-8", errors="replace") as fh:
                texts += [r["notes"] for r in csv.DictReader(fh) if r.get("notes")]
    if not texts:
        from frontlines.pipeline.ingest import iter_documents

        samples = [p for p in sorted((ROOT / "samples").iterdir()) if p.suffix in (".txt", ".html", ".xml", ".jsonl")]
        texts = [d.text for d in iter_documents(samples)]
    return (texts * (n // len(texts) + 1))[:n]


def timed(fn, *args) -> float:  # noqa: ANN001
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    parser.add_argument("--rounds", type=int, default=3, help="timed passes per system, interleaved")
    parser.add_argument("--on-error", choices=("record", "raise"), default="record",
                        help="pipeline error mode: record (as ingest runs it; stages see one document at a "
                        "time) or raise (as `frontlines extract` runs it; NER batched across documents)")
    args = parser.parse_args()
    from frontlines.pipeline import Pipeline, nlp
    from frontlines.pipeline.ingest import document_from_text

    texts = corpus(args.gold, args.docs)
    words = sum(len(t.split()) for t in texts)
    pipeline = Pipeline.default(on_error=args.on_error)
    spacy_full = nlp.full()

    def run_frontlines() -> None:
        docs = (document_from_text(t, id=str(i)) for i, t in enumerate(texts))
        for _ in pipeline.pipe(docs, batch_size=64):
            pass

    def run_spacy() -> None:
        for _ in spacy_full.pipe(texts, batch_size=64):
            pass

    run_frontlines(), run_spacy()  # warm up: models, gazetteer, caches
    rounds = [(timed(run_frontlines), timed(run_spacy)) for _ in range(args.rounds)]
    ours = statistics.median(r[0] for r in rounds)
    theirs = statistics.median(r[1] for r in rounds)
    print(f"corpus: {len(texts)} documents, {words} words (model {nlp.model_name()}, on_error={args.on_error})")
    print(f"{'system':42} {'docs/s':>10} {'words/s':>10}")
    print(f"{'frontlines extract (full pipeline)':42} {len(texts) / ours:>10.1f} {words / ours:>10.0f}")
    print(f"{'spaCy en_core_web_sm default pipeline':42} {len(texts) / theirs:>10.1f} {words / theirs:>10.0f}")
    print(f"ratio (frontlines / spaCy): {theirs / ours:.2f}  "
          f"(per round: {', '.join(f'{b / a:.2f}' for a, b in rounds)})")


if __name__ == "__main__":
    main()
