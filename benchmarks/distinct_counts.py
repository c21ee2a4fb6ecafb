"""What counting distinct events costs (issue 13, deliverable 1): the dashboard's aggregates and the first page of
the list with ``count=reports`` and ``count=clusters`` side by side, in one run, on one store of synthetic events
(``store_bench.synthetic_events``) of which a share are grouped into same-event clusters of 2 or 3 reports.

With ``count=reports`` the SQLite store answers unfiltered counts, timelines and low-zoom maps from its running
totals; with ``count=clusters`` every aggregate reads the matching rows and checks each one's cluster (one lookup of
its cluster row, then of the other reports of that cluster), so the ratio is that of a row scan to a rollup.

    .venv/bin/python benchmarks/distinct_counts.py --events 50000 [--clustered 0.5] [--db postgresql://...]

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from store_bench import synthetic_events  # noqa: E402

from frontlines.store import EventQuery, Store, open_store  # noqa: E402

LIBYA_VIEW = (9.0, 19.0, 26.0, 34.0)


def fill(store: Store, n: int, clustered: float) -> int:
    """``n`` synthetic events; the first ``clustered`` share of them in clusters of 2 or 3 consecutive reports."""
    store.bulk_load_events(synthetic_events(n))
    rows, i, limit = [], 0, int(n * clustered)
    while i < limit:
        size = 2 + (i // 7) % 2
        cluster = f"cl-bench-{i}"
        rows += [(f"bench-{j}", cluster, None, None, "benchmark") for j in range(i, min(i + size, limit))]
        i += size
    for k in range(0, len(rows), 5000):
        store.save_clusters(rows[k:k + 5000])
    return len({r[1] for r in rows})


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000, result


def cases(store: Store) -> dict[str, Callable[[str], Any]]:
    return {
        "counts, no filter": lambda c: store.counts(EventQuery(count=c))["events"],
        "counts, Battles in 2016": lambda c: store.counts(EventQuery(event_type="Battles", since="2016-01-01",
                                                                     until="2016-12-31", count=c))["events"],
        "timeline, asserted": lambda c: store.timeline(EventQuery(modality="asserted", count=c))["totals"]["events"],
        "map zoom 5, Libya view": lambda c: store.map_grid(EventQuery(count=c), 5, view=LIBYA_VIEW)["events"],
        "map zoom 8, actor filter": lambda c: store.map_grid(EventQuery(actor_ids=("lby.lna",), count=c), 8)["events"],
        "list page 1 (50, newest)": lambda c: store.search_events(EventQuery(sort="-event_date", limit=50,
                                                                             total_limit=10_000, count=c)).total,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=50_000)
    parser.add_argument("--clustered", type=float, default=0.5, help="share of the events in clusters")
    parser.add_argument("--runs", type=int, default=3, help="runs per query (the median is printed)")
    parser.add_argument("--db", help="a store URL (PostgreSQL: an empty throwaway database); default a temp SQLite")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "distinct.sqlite")
        with open_store(url) as store:
            start = time.perf_counter()
            clusters = fill(store, args.events, args.clustered)
            print(f"{store.url.split('://')[0] if '://' in store.url else 'sqlite'}: {args.events:,} events, "
                  f"{clusters:,} clusters over the first {args.clustered:.0%}, loaded in "
                  f"{time.perf_counter() - start:.1f} s")
            print(f"{'query':28} {'reports ms':>11} {'clusters ms':>12} {'ratio':>6}  matches (reports / distinct)")
            for name, run in cases(store).items():
                reports_ms, reports = timed(lambda r=run: r("reports"), args.runs)
                clusters_ms, distinct = timed(lambda r=run: r("clusters"), args.runs)
                print(f"{name:28} {reports_ms:11.1f} {clusters_ms:12.1f} {clusters_ms / max(reports_ms, 0.01):6.1f}"
                      f"  {reports:,} / {distinct:,}")


if __name__ == "__main__":
    main()
