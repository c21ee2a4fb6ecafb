"""What counting distinct events costs (issue 13, deliverable 1): the dashboard's aggregates and the first page of
the list with ``count=reports`` and ``count=clusters`` side by side, in one run, on one store of synthetic events
(``store_bench.synthetic_events``) of which a share are grouped into same-event clusters of 2 or 3 reports. A
cluster's reports tell one incident as the clustering at ingest requires: the type, sub-type and place of its first
report, its date (one report in four a day later) and its modality (one in five another one); ``--mixed`` clusters
consecutive synthetic events as they come instead (any type, place and date: no same-event cluster looks so, and
every report of them is then one that filtered distinct counts must check).

With ``count=reports`` the stores answer unfiltered counts, timelines and low-zoom maps from their running totals.
With ``count=clusters`` the report that stands for each cluster carries a flag (``events.represents``, kept by
triggers): unfiltered counts and timelines are the running totals less the reports that stand for no cluster, other
unfiltered aggregates a read of the flag in the covering indexes; with filters a representative counts at once and
each other matching report is checked against the other reports of its cluster (one index range on
``events.cluster_id``).

    .venv/bin/python benchmarks/distinct_counts.py --events 50000 [--clustered 0.5] [--db postgresql://... | --postgres]
        [--before]   # also the check of every matching row made before the flag, on the same store
        [--mixed]    # clusters of unrelated synthetic events

Three columns for distinct events, each timed on the same store in the same run: "clusters" (now: the
representatives' running totals, SQLite migration 18 / PostgreSQL schema 15, for filters on type, modality and
dates), "flag only" (as before those totals: the representative flag, every other matching report checked) and,
with ``--before``, the check of every matching row made before the flag.

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from store_bench import synthetic_events  # noqa: E402

from frontlines.model import Event  # noqa: E402

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


@contextmanager
def flag_only(store: Store) -> Iterator[None]:
    """The store counting distinct events as before the representatives' running totals: unfiltered counts and
    timelines from the running totals less the reports that stand for no cluster, everything else from the rows."""
    module = sys.modules[type(store).__module__]

    def before(q: EventQuery, keys: tuple[str, ...], cell: float, view: Any) -> Any:
        if keys != ("day", "type") or module._filtered(q):  # type: ignore[attr-defined]
            return None
        others = {(str(r["day"]) if r["day"] else None, r["type"]): (r["n"], r["dead"] or 0) for r in store._feed_sql(
            "SELECT event_date AS day, event_type AS type, count(*) AS n, sum(CASE WHEN fatalities_aggregate THEN 0 "
            "ELSE fatalities END) AS dead FROM events WHERE NOT represents GROUP BY 1, 2")}
        out = []
        for day, kind, n, dead in store._from_rollup(EventQuery(), keys, cell, None) or []:  # type: ignore[attr-defined]
            less_n, less_dead = others.get((day, kind), (0, 0))
            if n - less_n > 0:
                out.append((day, kind, n - less_n, (dead or 0) - less_dead))
        return out

    store._distinct_rollup = before  # type: ignore[attr-defined]
    try:
        yield
    finally:
        del store._distinct_rollup  # type: ignore[attr-defined]


def groups(limit: int) -> Iterator[tuple[int, int]]:
    """(first, end) of each cluster over the first ``limit`` events: 2 or 3 consecutive events each."""
    i = 0
    while i < limit:
        size = 2 + (i // 7) % 2
        yield i, min(i + size, limit)
        i += size


def events(n: int, clustered: float, mixed: bool) -> Iterator[Event]:
    """The synthetic events; unless ``mixed``, each cluster's other reports tell its first report's incident."""
    first_of = {j: first for first, end in groups(int(n * clustered)) for j in range(first + 1, end)}
    rng, firsts = random.Random(13), {}
    for i, ev in enumerate(synthetic_events(n)):
        lead = None if mixed else firsts.pop(first_of.get(i, -1), None)
        if lead is not None:
            day = date.fromisoformat(lead.event_date) + timedelta(days=rng.random() < 0.25)
            ev = dataclasses.replace(ev, event_type=lead.event_type, sub_event_type=lead.sub_event_type,
                                     location=lead.location, country=lead.country, admin1=lead.admin1,
                                     latitude=lead.latitude, longitude=lead.longitude, event_date=day.isoformat(),
                                     modality=lead.modality if rng.random() >= 0.2 else ev.modality)
            if i + 1 in first_of and first_of[i + 1] == first_of[i]:
                firsts[first_of[i]] = lead  # the cluster's next report tells it too
        if i + 1 in first_of and first_of[i + 1] == i:
            firsts[i] = ev
        yield ev


def fill(store: Store, n: int, clustered: float, mixed: bool = False) -> tuple[int, float]:
    """``n`` synthetic events; the first ``clustered`` share of them in clusters of 2 or 3 consecutive reports
    (``events``). The number of clusters and the seconds their rows took to save (the stores' triggers keep the
    flags and the representatives' running totals meanwhile)."""
    store.bulk_load_events(events(n, clustered, mixed))
    start = time.perf_counter()
    rows = []
    for first, end in groups(int(n * clustered)):
        rows += [(f"bench-{j}", f"cl-bench-{first}", None, None, "benchmark") for j in range(first, end)]
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
    parser.add_argument("--mixed", action="store_true", help="clusters of unrelated synthetic events")
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
            clusters, saving = fill(store, args.events, args.clustered, args.mixed)
            print(f"{store.url.split('://')[0] if '://' in store.url else 'sqlite'}: {args.events:,} events, "
                  f"{clusters:,} clusters over the first {args.clustered:.0%}, loaded in "
                  f"{time.perf_counter() - start:.1f} s (cluster rows {saving:.1f} s)")
            print(f"{'query':28} {'reports ms':>11} {'clusters ms':>12} {'ratio':>6} {'flag only ms':>13}"
                  f"{'  before ms' if args.before else ''}  matches (reports / distinct)")
            for name, run in cases(store).items():
                reports_ms, reports = timed(lambda r=run: r("reports"), args.runs)
                clusters_ms, distinct = timed(lambda r=run: r("clusters"), args.runs)
                with flag_only(store):
                    flag_ms, then = timed(lambda r=run: r("clusters"), args.runs)
                assert then == distinct, f"{name}: {then} distinct events with the flag only, {distinct} now"
                before = ""
                if args.before:
                    with checked_row_by_row(store):
                        before_ms, then = timed(lambda r=run: r("clusters"), args.runs)
                    assert then == distinct, f"{name}: {then} distinct events before, {distinct} now"
                    before = f" {before_ms:10.1f}"
                print(f"{name:28} {reports_ms:11.1f} {clusters_ms:12.1f} {clusters_ms / max(reports_ms, 0.01):6.1f}"
                      f" {flag_ms:13.1f}{before}  {reports:,} / {distinct:,}")


if __name__ == "__main__":
    main()
