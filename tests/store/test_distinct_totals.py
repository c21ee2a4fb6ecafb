"""Filtered distinct counts from running totals (issue 13; SQLite migration 18, PostgreSQL schema 15), on both
backends: counts, timelines and zoom-10 maps of distinct events filtered by type, modality and dates are read from
the representatives' running totals plus the reports that rank first on their day, type and modality in their
cluster. Each figure is checked against the rule itself, computed here from the events and clusters the test
wrote, after every kind of change the triggers must follow: new clusters, moved and deleted cluster rows, changed
tolls, dates, types and modalities (an analyst's correction), deleted events and events added later."""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

import pytest

from frontlines.store import EventQuery, Store
from frontlines.store.base import grid_cell
from tests.store.conftest import make_event

DAYS = ("2019-04-01", "2019-04-02", "2019-04-03", None)
TYPES = (("Battles", "Armed clash"), ("Explosions/Remote violence", "Air/drone strike"))
MODALITIES = ("asserted", "claimed", "uncertain")
SPOTS = ((13.19, 32.89), (13.45, 32.81), (20.07, 32.12), None)  # two fine map cells apart near Tripoli; Benghazi
FILTERS: list[dict[str, Any]] = [
    {}, {"modality": "asserted"}, {"modality": "asserted,claimed"}, {"event_type": "battles"},
    {"since": "2019-04-02"}, {"until": "2019-04-02"}, {"since": "2019-04-02", "until": "2019-04-02"},
    {"event_type": "Explosions/Remote violence", "modality": "claimed,uncertain", "since": "2019-04-01"},
]


@dataclass
class Report:
    """What the rule needs of a stored event: the test's own copy."""

    event_id: str
    day: str | None
    event_type: str
    modality: str
    fatalities: int
    aggregate: bool
    spot: tuple[float, float] | None

    @property
    def toll(self) -> int:
        return 0 if self.aggregate else self.fatalities


class World:
    """The events and clusters written to the store, kept alongside so the rule can be applied to them here."""

    def __init__(self, store: Store, seed: int) -> None:
        self.store, self.rng = store, random.Random(seed)
        self.reports: dict[str, Report] = {}
        self.clusters: dict[str, str] = {}
        self.next_id = 0

    def add(self, n: int) -> list[str]:
        events, ids = [], []
        for _ in range(n):
            rng, i = self.rng, self.next_id
            self.next_id += 1
            (kind, sub), spot = rng.choice(TYPES), rng.choice(SPOTS)
            r = Report(f"ev-{i:03d}", rng.choice(DAYS), kind, rng.choice(MODALITIES), rng.choice((0, 1, 3, 5)),
                       rng.random() < 0.15, spot)
            if events and rng.random() < 0.5:  # told like the report before (clusters are consecutive reports)
                before = self.reports[ids[-1]]
                r.day, r.event_type, r.modality = before.day, before.event_type, before.modality
                kind, sub = next(t for t in TYPES if t[0] == r.event_type)
            self.reports[r.event_id] = r
            ids.append(r.event_id)
            events.append(make_event(i, event_id=r.event_id, event_date=r.day, event_type=kind, sub_event_type=sub,
                                     modality=r.modality, fatalities=r.fatalities, fatalities_aggregate=r.aggregate,
                                     longitude=spot[0] if spot else None, latitude=spot[1] if spot else None))
        self.store.bulk_load_events(events)
        return ids

    def cluster(self, ids: list[str]) -> None:
        """Groups of 1 to 4 consecutive reports, each under a new cluster id."""
        rows, i = [], 0
        while i < len(ids):
            size = self.rng.randint(1, 4)
            name = f"cl-{ids[i]}"
            rows += [(e, name, None, None, "test") for e in ids[i:i + size]]
            self.clusters.update({e: name for e in ids[i:i + size]})
            i += size
        self.store.save_clusters(rows)

    def update(self, event_id: str, column: str, value: Any) -> None:
        self.store._feed_sql(f"UPDATE events SET {column} = ? WHERE event_id = ?", [value, event_id])
        field = {"event_date": "day", "fatalities_aggregate": "aggregate"}.get(column, column)
        setattr(self.reports[event_id], field, value)

    def expected(self, f: dict[str, Any]) -> list[Report]:
        """The distinct events matching ``f``: per cluster its matching report with the highest toll, then the
        smallest id; every matching report in no cluster."""
        best: dict[str, Report] = {}
        for r in self.reports.values():
            if not _matches(r, f):
                continue
            key = self.clusters.get(r.event_id, r.event_id)
            if key not in best or (-r.toll, r.event_id) < (-best[key].toll, best[key].event_id):
                best[key] = r
        return list(best.values())


def _matches(r: Report, f: dict[str, Any]) -> bool:
    if "event_type" in f and r.event_type.lower() != f["event_type"].lower():
        return False
    if "modality" in f and r.modality not in f["modality"].split(","):
        return False
    if "since" in f and (r.day is None or r.day < f["since"]):
        return False
    return "until" not in f or (r.day is not None and r.day <= f["until"])


def _cells(reports: list[Report]) -> dict[tuple[int, int], tuple[int, int]]:
    cell = grid_cell(10)
    out: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for r in reports:
        if r.spot:
            key = (int((r.spot[0] + 180) // cell), int((r.spot[1] + 90) // cell))
            out[key][0] += 1
            out[key][1] += r.toll
    return {k: (v[0], v[1]) for k, v in out.items()}


def _check(world: World) -> None:
    store, cell = world.store, grid_cell(10)
    for f in FILTERS:
        want = world.expected(f)
        counts = store.counts(EventQuery(count="clusters", **f))
        assert (counts["events"], counts["fatalities"]) == (len(want), sum(r.toll for r in want)), f
        assert counts["by_type"] == dict(Counter(r.event_type for r in want)), f
        weeks = store.timeline(EventQuery(count="clusters", **f), unit="week")
        assert sum(b["events"] for b in weeks["bins"]) == sum(1 for r in want if r.day), f
        if {"since", "until"} & set(f):
            continue  # maps filter by type and modality only (no running totals per day and cell)
        grid = store.map_grid(EventQuery(count="clusters", **f), zoom=10)
        got = {(int((b["bounds"][0] + 180) / cell + 0.5), int((b["bounds"][1] + 90) / cell + 0.5)):
               (b["events"], b["fatalities"]) for b in grid["buckets"]}
        assert got == _cells(want), f
        lone = {b["event"]["event_id"] for b in grid["buckets"] if "event" in b}
        assert lone <= {r.event_id for r in want}, f  # a lone bucket shows its distinct event


@pytest.mark.parametrize("seed", [1, 2])
def test_filtered_distinct_totals_follow_every_change(store: Store, seed: int) -> None:
    world = World(store, seed)
    ids = world.add(60)
    world.cluster(ids)
    _check(world)
    rng = world.rng
    clustered = sorted(world.clusters)
    for event_id in rng.sample(clustered, 6):  # an analyst's corrections
        world.update(event_id, "fatalities", rng.choice((0, 2, 7)))
    world.update(clustered[0], "fatalities_aggregate", True)
    world.update(clustered[1], "modality", "claimed")
    world.update(clustered[2], "event_date", "2019-04-03")
    world.update(clustered[3], "event_type", "Explosions/Remote violence")
    _check(world)
    a, b = rng.sample(clustered, 2)  # a split and a merge
    store.save_clusters([(a, "cl-split", None, None, "split")])
    world.clusters[a] = "cl-split"
    store.save_clusters([(b, world.clusters[clustered[5]], None, None, "merge")])
    world.clusters[b] = world.clusters[clustered[5]]
    _check(world)
    gone = rng.sample(clustered, 4)
    store._feed_sql(f"DELETE FROM events WHERE event_id IN ({', '.join('?' * 2)})", gone[:2])
    for event_id in gone[:2]:
        del world.reports[event_id], world.clusters[event_id]
    store._feed_sql("DELETE FROM event_clusters WHERE event_id = ?", [gone[2]])
    world.clusters.pop(gone[2], None)
    _check(world)
    world.cluster(world.add(20))  # later documents
    _check(world)


def test_a_report_outranked_on_its_own_day_never_counts_under_these_filters(store: Store) -> None:
    """Three reports of one clash: two of 2 April (5 and 3 dead), one of 1 April (1 dead) that is claimed. Only the
    first and the claimed report can stand for the clash, whatever the filters of the running totals."""
    store.bulk_load_events([make_event(1, event_date="2019-04-02", fatalities=5),
                            make_event(2, event_date="2019-04-02", fatalities=3),
                            make_event(3, event_date="2019-04-01", fatalities=1, modality="claimed")])
    store.save_clusters([(f"ev-{i}", "cl-a", None, None, "test") for i in (1, 2, 3)])
    flags = {r["event_id"]: (bool(r["represents"]), bool(r["represents_day"])) for r in store._feed_sql(
        "SELECT event_id, represents, represents_day FROM events")}
    assert flags == {"ev-1": (True, True), "ev-2": (False, False), "ev-3": (False, True)}
    assert store.counts(EventQuery(count="clusters", modality="claimed"))["fatalities"] == 1
    assert store.counts(EventQuery(count="clusters", until="2019-04-01"))["events"] == 1
    assert store.counts(EventQuery(count="clusters", since="2019-04-02"))["fatalities"] == 5
    store.bulk_load_events([make_event(4, event_date="2019-04-01", fatalities=7)])  # a fourth report leads
    store.save_clusters([("ev-4", "cl-a", None, None, "test")])
    store._feed_sql("UPDATE events SET fatalities = 6 WHERE event_id = ?", ["ev-2"])  # a correction
    assert store.counts(EventQuery(count="clusters", since="2019-04-02"))["fatalities"] == 6  # ev-2 first that day
    assert store.counts(EventQuery(count="clusters"))["fatalities"] == 7
    store._feed_sql("UPDATE events SET fatalities = 9 WHERE event_id = ?", ["ev-2"])
    assert store.counts(EventQuery(count="clusters", since="2019-04-02"))["fatalities"] == 9
    assert store.counts(EventQuery(count="clusters"))["fatalities"] == 9


def _migrated_figures(store: Store) -> None:
    assert store.counts(EventQuery(count="clusters"))["events"] == 3
    assert store.counts(EventQuery(count="clusters", event_type="battles"))["fatalities"] == 5  # ev-2 of three
    assert store.counts(EventQuery(count="clusters", since="2019-04-02"))["events"] == 2
    assert store.map_grid(EventQuery(count="clusters", modality="asserted"), zoom=10)["events"] == 3


def test_sqlite_stores_clustered_before_the_totals_are_migrated_with_them(tmp_path: Any) -> None:
    from frontlines.store import open_store
    from frontlines.store import sqlite as backend
    from tests.store.test_distinct_events import _at_schema

    url = str(tmp_path / "old.sqlite")
    _at_schema(backend, "ADD COLUMN represents_day", url)
    with open_store(url) as store:
        _migrated_figures(store)


@pytest.mark.postgres
def test_postgres_stores_clustered_before_the_totals_are_migrated_with_them(pg_server: Any) -> None:
    from frontlines.store import open_store
    from frontlines.store import postgres as backend
    from tests.store.test_distinct_events import _at_schema

    if pg_server is None:
        pytest.skip("needs the throwaway cluster (FRONTLINES_TEST_POSTGRES_URL is set)")
    url = pg_server.create_database("frontlines_distinct_totals")
    _at_schema(backend, "distinct-totals", url)
    with open_store(url) as store:
        _migrated_figures(store)
