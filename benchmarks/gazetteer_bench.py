"""Gazetteer cost (issue 11): the file's size and rows, lookup latency (p50/p95 over names of every kind, memo cache
off), the place stage's share of extraction, and the peak RSS of a worker that has extracted the samples.

    .venv/bin/python benchmarks/gazetteer_bench.py [--names 5000] [--build]

``--build`` also times a fresh build into a temporary file (about a minute). Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _lookups(n: int) -> None:
    from frontlines.knowledge.gazetteer import get_gazetteer

    gaz = get_gazetteer()
    rows = gaz._con.execute("SELECT name FROM places").fetchall()  # noqa: SLF001 - a benchmark reads the file
    names = [r[0] for r in random.Random(11).sample(rows, min(n, len(rows)))]
    query = type(gaz).lookup.__wrapped__  # the query itself, not the memo cache
    times = []
    for name in names:
        started = time.perf_counter()
        query(gaz, name)
        times.append((time.perf_counter() - started) * 1000)
    times.sort()
    size = gaz.path.stat().st_size / 1e6
    print(f"gazetteer {gaz.path.name}: {len(rows):,} places, {size:.0f} MB")
    print(f"  lookup of {len(names):,} names: p50 {statistics.median(times):.3f} ms, "
          f"p95 {times[int(len(times) * 0.95)]:.3f} ms, max {times[-1]:.1f} ms")


def _worker() -> None:
    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted((ROOT / "samples").glob("*.txt"))]
    pipeline = Pipeline.default(on_error="record")
    started = time.perf_counter()
    docs = list(pipeline.pipe([document_from_text(t, id=f"s{i}") for i, t in enumerate(texts)]))
    seconds = time.perf_counter() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    places = sum(m.kind == "place" for d in docs for m in d.mentions)
    print(f"worker: {len(docs)} sample documents in {seconds:.1f} s, {places} places; peak RSS {rss:.0f} MB "
          f"(target < 200 MB)")


def _build() -> None:
    from frontlines.knowledge.gazetteer import build_gazetteer

    with tempfile.TemporaryDirectory() as folder:
        print(f"build: {build_gazetteer(Path(folder) / 'gazetteer.sqlite')}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--names", type=int, default=5000)
    parser.add_argument("--build", action="store_true")
    args = parser.parse_args()
    _lookups(args.names)
    _worker()
    if args.build:
        _build()


if __name__ == "__main__":
    main()
