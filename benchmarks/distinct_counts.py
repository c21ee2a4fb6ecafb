"""What counting distinct events costs (issue 13, deliverable 1): the dashboard's aggregates and the first page of
the list with ``count=reports`` and ``count=clusters`` side by side, in one run, on one store of synthetic events
(``store_bench.synthetic_events``) of which a share are grouped into same-event clusters of 2 or 3 reports.

With ``count=reports`` the stores answer unfiltered counts, timelines and low-zoom maps from their running totals.
With ``count=clusters`` the report that stands for each cluster carries a flag (``events.represents``, kept by
triggers): unfiltered counts and timelines are the running totals less the reports that stand for no cluster, other
unfiltered aggregates a read of the flag in the covering indexes; with filters a representative counts at once and
each other matching report is checked against the other reports of its cluster (one index range on
``events.cluster_id``).

    .venv/bin/python benchmarks/distinct_counts.py --events 50000 [--clustered 0.5] [--db postgresql://... | --postgres]
        [--before]   # also the check of every matching row made before the flag, on the same store

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from store_bench import synthetic_events  # noqa: E402

from frontlines.store import EventQuery, Store, open_store  # noqa: E402

LIBYA_VIEW = (9.0, 19.0, 26.0, 34.0)
# ``--before``: the check every matching row had before the representative flag (issue 13, store/base.py of commit
# 38bee23): its cluster row, the cluster's other rows and their events, with the query's filters on those
_TOLL = "CASE WHEN {a}.fatalities_aggregate THEN 0 ELSE coalesce({a}.fatalities, 0) END"
_BEFORE_SQL = ("NOT EXISTS (SELECT 1 FROM event_clusters mine CROSS JOIN event_clusters kin CROSS JOIN events o "
               "WHERE mine.event_id = e.event_id AND kin.cluster_id = mine.cluster_id AND kin.event_id <> "
               "mine.event_id AND o.event_id = kin.event_id{filters} AND (" + _TOLL.format(a="o") + " > "
               + _TOLL.format(a="e") + " OR (" + _TOLL.format(a="o") + " = " + _TOLL.format(a="e")
               + " AND o.event_id < e.event_id)))")


def _before_clause(clauses: list[str], events: str = "") -> str:
    other = " AND ".join(re.sub(r"\be\.", "o.", c) for c in clauses)
    return _BEFORE_SQL.format(filters=f" AND {other}" if other else "")


@contextmanager
def checked_row_by_row(store: Store) -> Iterator[None]:
    """The store counting distinct events as before the flag: every matching row's cluster checked, no totals."""
    module = sys.modules[type(store).__module__]
    sql = sys.modules["frontlines.store.pgsql"] if hasattr(module, "event_where") else module  # where PostgreSQL's is
    saved = (sql.distinct_clause, module._filtered)  # type: ignore[attr-defined]
    sql.distinct_clause, module._filtered = _before_clause, lambda q: True  # type: ignore[attr-defined]
    try:
        yield
    finally:
        sql.distinct_clause, module._filtered = saved  # type: ignore[attr-defined]


def fill(store: Store, n: int, clustered: float) -> tuple[int, float]:
    """``n`` synthetic events; the first ``clustered`` share of them in clusters of 2 or 3 consecutive reports. The
    number of clusters and the seconds their rows took to save (the stores' triggers keep the flag meanwhile)."""
    store.bulk_load_events(synthetic_events(n))
    start = time.perf_counter()
    rows, i, limit = [], 0, int(n * clustered)
    while i < limit:
        size = 2 + (i // 7) % 2
        cluster = f"cl-bench-{i}"
        rows += [(f"bench-{j}", cluster, None, None, "benchmark") for j in range(i, min(i + size, limit))]
        i += size
    for k in range(0, len(rows), 5000):
        store.save_clusters(rows[k:k + 5000])
    saving = time.perf_counter() - start
    if hasattr(store, "_con") and "postgres" in type(store).__module__:
        store._con.execute("VACUUM (ANALYZE) events")  # as autovacuum would after so many updated rows
    return len({r[1] for r in rows}), saving


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
    parser.add_argument("--before", action="store_true",
                        help="also time the distinct counts as they were made before the representative flag")
    parser.add_argument("--db", help="a store URL (PostgreSQL: an empty throwaway database); default a temp SQLite")
    parser.add_argument("--postgres", action="store_true", help="a throwaway PostgreSQL cluster (tests/store/pgserver)")
    args = parser.parse_args()
    if args.postgres:
        from tests.store.pgserver import ThrowawayPostgres

        with ThrowawayPostgres() as server:
            args.db = server.create_database("distinct_counts")
            run(args)
    else:
        run(args)


def run(args: argparse.Namespace) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "distinct.sqlite")
        with open_store(url) as store:
            start = time.perf_counter()
            clusters, saving = fill(store, args.events, args.clustered)
            print(f"{store.url.split('://')[0] if '://' in store.url else 'sqlite'}: {args.events:,} events, "
                  f"{clusters:,} clusters over the first {args.clustered:.0%}, loaded in "
                  f"{time.perf_counter() - start:.1f} s (cluster rows {saving:.1f} s)")
            print(f"{'query':28} {'reports ms':>11} {'clusters ms':>12} {'ratio':>6}"
                  f"{'  before ms' if args.before else ''}  matches (reports / distinct)")
            for name, run in cases(store).items():
                reports_ms, reports = timed(lambda r=run: r("reports"), args.runs)
                clusters_ms, distinct = timed(lambda r=run: r("clusters"), args.runs)
                before = ""
                if args.before:
                    with checked_row_by_row(store):
                        before_ms, then = timed(lambda r=run: r("clusters"), args.runs)
                    assert then == distinct, f"{name}: {then} distinct events before, {distinct} now"
                    before = f" {before_ms:10.1f}"
                print(f"{name:28} {reports_ms:11.1f} {clusters_ms:12.1f} {clusters_ms / max(reports_ms, 0.01):6.1f}"
                      f"{before}  {reports:,} / {distinct:,}")


if __name__ == "__main__":
    main()
