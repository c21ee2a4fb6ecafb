"""Documents per second: `frontlines extract` (the whole pipeline) vs spaCy's default en_core_web_sm
pipeline over the same texts, measured side by side in one run, and their ratio - on two corpora:
ACLED coder notes and real reports (news and blog excerpts).

    .venv/bin/python benchmarks/extract_speed.py [--docs 600] [--reports 303] [--rounds 3] [--gold ../shared/gold]
    .venv/bin/python benchmarks/extract_speed.py --only reports --profile 30   # where the time goes

Within a round the two systems take turns on chunks of ``--chunk`` documents (the order swapped from chunk to
chunk) and their times are summed per system: on a shared machine load comes in bursts of seconds, which a
whole-corpus turn each (the method before 2026-12-06) let fall on one system only (per-round ratios 1.1-1.95).

Corpora: ACLED event notes from the gold folder (else the bundled samples, repeated), and the texts of the
real-report dev sets (``<gold>/reports/reports_dev_*.jsonl``, read in place, never copied) repeated to
``--reports`` documents, each with its publication date. Each system gets one warm-up pass per corpus, then
``--rounds`` timed rounds; within a round every corpus is timed for both systems in turn (ours, theirs) so
that load on the shared machine hits both alike; medians are printed, by wall-clock time and by this
process's CPU time (steadier than wall time when other jobs share the cores).

The extraction's models multiply matrices with numpy's BLAS (``pipeline/nlp.py``, setting ``matmul``) where
spaCy's default uses blis; ``--numpy-baseline`` also times spaCy's default pipeline on numpy's BLAS (one
thread), so that the ratio to it shows what the pipeline's design gains apart from the BLAS.
"""

from __future__ import annotations

import argparse
import csv
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


@dataclass
class Corpus:
    name: str
    texts: list[str]
    published: list[date | None]
    rounds: list[tuple[float, ...]] = field(default_factory=list)  # (frontlines s, spaCy s[, spaCy numpy s]) per
    # round, wall
    cpu: list[tuple[float, ...]] = field(default_factory=list)  # the same in CPU seconds

    @property
    def words(self) -> int:
        return sum(len(t.split()) for t in self.texts)

    def chunks(self, size: int) -> list[Corpus]:
        """The corpus cut into runs of ``size`` documents (one pipeline batch each at the default 64)."""
        return [Corpus(self.name, self.texts[i:i + size], self.published[i:i + size])
                for i in range(0, len(self.texts), size)]


def _repeat(items: list, n: int) -> list:  # noqa: ANN001
    return (items * (n // len(items) + 1))[:n] if items else []


def acled_notes(gold: Path, n: int) -> Corpus:
    texts: list[str] = []
    for name in ("acled_africa_2017-09_2018-02_no_libya.csv", "acled_afghanistan_2020-03.csv"):
        path = gold / name
        if path.exists():
            with path.open(encoding="utf-8", errors="replace") as fh:
                texts += [r["notes"] for r in csv.DictReader(fh) if r.get("notes")]
    name = "ACLED notes"
    if not texts:
        from frontlines.pipeline.reading.ingest import iter_documents

        samples = [p for p in sorted((ROOT / "samples").iterdir()) if p.suffix in (".txt", ".html", ".xml", ".jsonl")]
        texts, name = [d.text for d in iter_documents(samples)], "bundled samples"
    texts = _repeat(texts, n)
    return Corpus(name, texts, [None] * len(texts))


def real_reports(gold: Path, n: int) -> Corpus | None:
    rows: list[dict] = []
    for path in sorted((gold / "reports").glob("reports_dev_*.jsonl")):
        with path.open(encoding="utf-8") as fh:
            rows += [json.loads(line) for line in fh if line.strip()]
    if not rows:
        return None
    rows = _repeat(rows, n)
    return Corpus("real reports", [r["text"] for r in rows],
                  [date.fromisoformat(r["published"]) if r.get("published") else None for r in rows])


def timed(fn: Callable[[], None]) -> tuple[float, float]:
    """(wall-clock s, CPU s of this process) of one call."""
    wall, cpu = time.perf_counter(), time.process_time()
    fn()
    return time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=600, help="ACLED notes to run")
    parser.add_argument("--reports", type=int, default=303, help="real reports to run (the dev sets, repeated)")
    parser.add_argument("--only", choices=("notes", "reports"), help="run one corpus only")
    parser.add_argument("--gold", type=Path, default=ROOT.parent / "shared" / "gold")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds, systems and corpora interleaved")
    parser.add_argument("--chunk", type=int, default=64,
                        help="within a round the systems take turns on chunks of this many documents (64: one "
                        "batch of either system), so that both meet the same load on a shared machine")
    parser.add_argument("--on-error", choices=("record", "raise"), default="record",
                        help="pipeline error mode: record (as ingest runs it; stages see one document at a "
                        "time) or raise (as `frontlines extract` runs it; NER batched across documents)")
    parser.add_argument("--numpy-baseline", action="store_true",
                        help="also time spaCy's default pipeline with numpy's BLAS (one thread), as the extraction "
                        "runs its models")
    parser.add_argument("--profile", type=int, metavar="N", default=0,
                        help="instead of timing, profile one frontlines pass per corpus (cProfile) and print the "
                        "top N functions by cumulative and by own time")
    args = parser.parse_args()
    import spacy

    from frontlines.pipeline import Pipeline, nlp
    from frontlines.pipeline.reading.ingest import document_from_text

    corpora = []
    if args.only != "reports":
        corpora.append(acled_notes(args.gold, args.docs))
    if args.only != "notes":
        reports = real_reports(args.gold, args.reports)
        if reports is None:
            print(f"no real reports under {args.gold / 'reports'}: skipped")
        else:
            corpora.append(reports)
    pipeline = Pipeline.default(on_error=args.on_error)
    spacy_full = nlp.full()
    spacy_numpy = nlp._numpy_matmul(spacy.load(nlp.model_name())) if args.numpy_baseline else None  # a copy

    def run_frontlines(corpus: Corpus) -> None:
        docs = (document_from_text(t, id=str(i), published=p)
                for i, (t, p) in enumerate(zip(corpus.texts, corpus.published, strict=True)))
        for _ in pipeline.pipe(docs, batch_size=64):
            pass

    def run_spacy(corpus: Corpus) -> None:
        for _ in spacy_full.pipe(corpus.texts, batch_size=64):
            pass

    def run_spacy_numpy(corpus: Corpus) -> None:
        assert spacy_numpy is not None
        with nlp._one_blas_thread():
            for _ in spacy_numpy.pipe(corpus.texts, batch_size=64):
                pass

    systems = [run_frontlines, run_spacy] + ([run_spacy_numpy] if spacy_numpy is not None else [])
    for corpus in corpora:  # warm up: models, gazetteer, caches
        for run in systems:
            run(corpus)
    if args.profile:
        profile(corpora, run_frontlines, args.profile)
        return
    for _ in range(args.rounds):
        for corpus in corpora:
            wall, cpu = [0.0] * len(systems), [0.0] * len(systems)
            for k, chunk in enumerate(corpus.chunks(args.chunk)):  # the systems in turn on each chunk, the
                # order swapped from one chunk to the next: a burst of load on the shared cores hits both alike
                for i in (range(len(systems)) if k % 2 == 0 else reversed(range(len(systems)))):
                    w, c = timed(lambda ch=chunk, r=systems[i]: r(ch))
                    wall[i], cpu[i] = wall[i] + w, cpu[i] + c
            corpus.rounds.append(tuple(wall))
            corpus.cpu.append(tuple(cpu))
    report(corpora, nlp.model_name(), args.on_error)


def report(corpora: list[Corpus], model: str, on_error: str) -> None:
    print(f"model {model}, on_error={on_error}, {len(corpora[0].rounds)} interleaved rounds, medians")
    print(f"{'corpus':14} {'clock':5} {'docs':>5} {'words':>7}  {'frontlines docs/s':>17} {'spaCy docs/s':>12}"
          "  ratio (per round)")
    for c in corpora:
        for clock, rounds in (("wall", c.rounds), ("CPU", c.cpu)):
            ours = statistics.median(r[0] for r in rounds)
            for k in (1, 2):  # spaCy's default; on numpy's BLAS
                if len(rounds[0]) <= k:
                    continue
                theirs = statistics.median(r[k] for r in rounds)
                per_round = ", ".join(f"{r[k] / r[0]:.2f}" for r in rounds)
                name = c.name if k == 1 else "  vs numpy"
                print(f"{name:14} {clock:5} {len(c.texts):>5} {c.words:>7}  {len(c.texts) / ours:>17.1f}"
                      f" {len(c.texts) / theirs:>12.1f}  {theirs / ours:.2f} ({per_round})")


def profile(corpora: list[Corpus], run: Callable[[Corpus], None], top: int) -> None:
    import cProfile
    import pstats

    for corpus in corpora:
        prof = cProfile.Profile()
        prof.runcall(run, corpus)
        print(f"== {corpus.name}: {len(corpus.texts)} documents")
        stats = pstats.Stats(prof).strip_dirs()
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)


if __name__ == "__main__":
    main()
