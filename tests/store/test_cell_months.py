"""Issue 12: a map filtered by dates reads the whole years of its range from running totals per (year, zoom-10 cell,
type, modality) (SQLite migration 26), the whole months of its edge years from totals per month (migration 23) and
only the partial months at its edges from the events. Every map is
checked against the same map computed from the event rows (the store's plain query) and against the events the test
wrote, after inserts, an analyst's corrections, rejections and undo, and deletes and updates made beside the store."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

from frontlines.store import EventQuery, Store, open_store
from frontlines.store.base import grid_cell
from tests.store.conftest import make_event, query_plans, raw_sql

SHOWN = "asserted,claimed,uncertain"
TYPES = ("Battles", "Protests", "Riots")
MODALITIES = ("asserted", "claimed", "negated")
SPOTS = ((13.19, 32.89), (13.21, 32.91), (13.26, 32.84), (20.07, 32.12), (16.59, 31.2), (35.84, 34.44), (None, None))
FINE = grid_cell(10)
# whole months only, edges only (one month, two months), whole months with one or two edges, open ends, a range with
# no event, a range that ends before it starts
RANGES = (("2019-03-01", "2019-05-31"), ("2019-04-03", "2019-04-20"), ("2019-04-03", "2019-05-20"),
          ("2019-02-11", "2019-07-20"), ("2019-02-01", "2019-06-18"), ("2019-02-11", "2019-06-30"),
          (None, "2019-04-09"), ("2020-01-17", None), ("2019-05-01", None), ("2021-01-01", "2021-12-31"),
          ("2019-05-01", "2019-04-01"),
          # whole years (migration 26), with edge years of whole months and days, open ends
          ("2019-01-01", "2019-12-31"), ("2018-06-01", "2020-12-31"), ("2019-03-15", "2020-02-10"),
          (None, "2019-12-31"), ("2019-01-01", None), (None, "2020-03-09"), ("2018-12-31", "2020-01-01"),
          # every dated event (SQLite: the all-time totals less the undated events')
          ("2018-01-01", None), (None, "2021-12-31"), ("2010-01-01", "2030-12-31"))
VIEWS = (None, (13.0, 32.8, 13.5, 33.0), (12.0, 30.0, 22.0, 34.0))


def _events(rng: random.Random, first: int, n: int) -> list[Any]:
    out = []
    for i in range(first, first + n):
        lon, lat = rng.choice(SPOTS)
        day = None if rng.random() < 0.05 else (date(2019, 1, 1) + timedelta(days=rng.randrange(500))).isoformat()
        out.append(make_event(i, event_date=day, event_type=rng.choice(TYPES), modality=rng.choice(MODALITIES),
                              fatalities=rng.randrange(5), fatalities_aggregate=rng.random() < 0.1,
                              latitude=lat, longitude=lon))
    return out


def _expected(store: Store, q: EventQuery, view: Any, zoom: int) -> dict[tuple[int, int], list[Any]]:
    """The buckets of ``q`` at ``zoom`` within ``view``, from every stored event filtered here."""
    cell = grid_cell(zoom)
    out: dict[tuple[int, int], list[Any]] = {}
    for e in store.iter_events(EventQuery()):
        if e.latitude is None or (q.event_type and e.event_type.lower() != q.event_type.lower()):
            continue
        if (q.modality and e.modality not in q.modality.split(",")) or ((q.since or q.until) and not e.event_date):
            continue
        if (q.since and e.event_date < q.since) or (q.until and e.event_date > q.until):
            continue
        fx, fy = int((e.longitude + 180) // FINE), int((e.latitude + 90) // FINE)
        if view and not (int((view[0] + 180) // FINE) <= fx <= int((view[2] + 180) // FINE)
                         and int((view[1] + 90) // FINE) <= fy <= int((view[3] + 90) // FINE)):
            continue
        out.setdefault((int((e.longitude + 180) // cell), int((e.latitude + 90) // cell)), []).append(e)
    return out


def _rounded(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    return sorted((*r[:5], round(r[5], 6), round(r[6], 6), r[7]) for r in rows)


def _check(store: Store) -> None:
    keys = ("cell_x", "cell_y", "type")
    for since, until in RANGES:
        for filters in ({"modality": SHOWN}, {"event_type": "battles"}, {}):
            q = EventQuery(since=since, until=until, **filters)
            for view in VIEWS:  # the totals and edges give what the event rows give
                assert _rounded(store._grouped(q, keys, FINE, positions=True, view=view)) == _rounded(
                    store._grouped_rows(q, keys, FINE, True, view)), (since, until, filters, view)
            for zoom, view in ((5, None), (10, VIEWS[1]), (7, VIEWS[2])):
                expected = _expected(store, q, view, zoom)
                grid = store.map_grid(q, zoom, view=view)
                cell = grid_cell(zoom)
                got = {(round((b["bounds"][0] + 180) / cell), round((b["bounds"][1] + 90) / cell)): b
                       for b in grid["buckets"]}
                assert set(got) == set(expected), (since, until, filters, zoom)
                for key, es in expected.items():
                    b = got[key]
                    assert (b["events"], b["fatalities"]) == (len(es), sum(e.fatalities for e in es
                                                                            if not e.fatalities_aggregate))
                    assert b["by_type"] == dict(sorted(Counter(e.event_type for e in es).items(),
                                                       key=lambda kv: (-kv[1], kv[0])))
                    assert b["longitude"] == pytest.approx(sum(e.longitude for e in es) / len(es), abs=1e-4)
                    if len(es) == 1:  # a lone event is named: the totals keep each row's first event
                        assert b["event"]["event_id"] == es[0].event_id


def test_a_dated_map_follows_every_change(store_url: str) -> None:
    rng = random.Random(23)
    with open_store(store_url) as store:
        store.bulk_load_events(_events(rng, 0, 300))
        _check(store)
        store.bulk_load_events(_events(rng, 300, 60))  # inserted later
        for i in range(0, 40, 3):  # an analyst moves events between days, types, modalities and places
            fields: dict[str, Any] = {"event_date": rng.choice(("2019-04-30", "2019-05-01", "2020-02-29")),
                                      "event_type": rng.choice(TYPES), "fatalities": 7}
            if i % 2:
                fields.update(latitude=32.12, longitude=20.07, modality="claimed")
            store.correct_event(f"ev-{i}", "analyst", "checked against the source", fields)
        for i in range(40, 55, 5):
            store.correct_event(f"ev-{i}", "analyst", "not an event", reject=True)
        undone = store.corrections(event_id="ev-3")["items"][0]["correction_id"]
        store.undo_correction(undone, "analyst", "wrong event")
        _check(store)
    raw_sql(store_url, "DELETE FROM events WHERE event_id IN ('ev-60', 'ev-61', 'ev-62', 'ev-300')",
         "UPDATE events SET latitude = NULL, longitude = NULL WHERE event_id IN ('ev-63', 'ev-64')",
         "UPDATE events SET event_date = NULL WHERE event_id IN ('ev-65', 'ev-66')",
         "UPDATE events SET latitude = 31.21, longitude = 16.6, event_date = '2019-03-31' "
         "WHERE event_id IN ('ev-67', 'ev-68', 'ev-69')")
    with open_store(store_url) as store:
        _check(store)


def test_a_range_of_every_dated_event_names_a_lone_dated_event(store: Store) -> None:
    """A cell whose first event is undated: the map of every dated event counts the others and names the lone one."""
    store.bulk_load_events([make_event(1, event_date=None, latitude=32.1, longitude=20.1),
                            make_event(2, event_date="2019-05-01", latitude=32.1, longitude=20.1),
                            make_event(3, event_date=None, latitude=32.1, longitude=20.1, event_type="Protests"),
                            make_event(4, event_date="2019-06-01", latitude=30.0, longitude=15.0)])
    for since in ("2019-05-01", "2000-01-01"):
        grid = store.map_grid(EventQuery(since=since), 10)
        lone = {b["event"]["event_id"] for b in grid["buckets"] if b["events"] == 1}
        assert grid["events"] == 2 and lone == {"ev-2", "ev-4"}, grid
        assert all(b["by_type"] == {"Battles": 1} for b in grid["buckets"])


def _recomputed(con: sqlite3.Connection, table: str = "cell_months") -> tuple[list[Any], list[Any]]:
    column, chars = ("month", 7) if table == "cell_months" else ("year", 4)
    kept = con.execute(f"SELECT {column}, cx, cy, event_type, modality, events, fatalities, round(lon_sum, 6), "
                       f"round(lat_sum, 6), first_rid FROM {table} WHERE events > 0 ORDER BY 1, 2, 3, 4, 5")
    fresh = con.execute(
        f"SELECT substr(coalesce(event_date, ''), 1, {chars}), CAST((longitude + 180.0) / 0.087890625 AS INTEGER), "
        "CAST((latitude + 90.0) / 0.087890625 AS INTEGER), event_type, modality, count(*), "
        "sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END), round(sum(longitude), 6), "
        "round(sum(latitude), 6), min(rid) FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL "
        "GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5")
    return kept.fetchall(), fresh.fetchall()


def test_sqlite_cell_months_equal_the_events_and_are_read(tmp_path: Any) -> None:
    """The totals of migration 23 equal the events recomputed after writes (first events included); a dated map reads
    them for its whole months and the events only for its edges."""
    path = str(tmp_path / "cells.sqlite")
    with open_store(path) as store:
        store.bulk_load_events(_events(random.Random(5), 0, 300))
        store.correct_event("ev-5", "analyst", "source", {"event_date": None, "latitude": 31.2, "longitude": 16.59})
    raw_sql(path, "DELETE FROM events WHERE rid IN (SELECT min(rid) FROM events GROUP BY event_type)",
         "UPDATE events SET latitude = NULL, longitude = NULL WHERE rid % 17 = 0",
         "UPDATE events SET event_date = '2019-02-02' WHERE rid % 13 = 0")
    con = sqlite3.connect(path)
    for table in ("cell_months", "cell_years"):
        kept, fresh = _recomputed(con, table)
        assert kept == fresh and len(kept) > 50, table
    con.close()
    with open_store(path) as store:
        with query_plans(store, with_params=True) as plans:
            store.map_grid(EventQuery(modality=SHOWN, since="2019-02-01", until="2019-04-30"), 5)
            whole = list(plans)
            plans.clear()
            store.map_grid(EventQuery(modality=SHOWN, since="2019-02-01", until="2019-04-28"), 5)
            edge = list(plans)
            plans.clear()
            store.map_grid(EventQuery(modality=SHOWN, since="2018-12-30", until="2020-03-31"), 5)
            years = list(plans)
            plans.clear()
            store.map_grid(EventQuery(modality=SHOWN, since="2000-01-01"), 5)  # every dated event
    every, plans = plans, years
    assert any("event_cells" in p for p in every) and not any("cell_years" in p for p in every), every
    whole, edge, plans = ([p for p in ps if "SCALAR SUBQUERY" not in p] for ps in (whole, edge, plans))  # no span
    assert len(whole) == 1 and "cell_months" in whole[0], whole
    read = [p for p in edge if "cell_months" in p or "events" in p.split("|")[0]]
    assert "cell_months" in read[0] and "2019-02 2019-03" in read[0]  # the whole months
    assert any("2019-04-01 2019-04-28" in p for p in read[1:]), read  # the edge, from its events
    assert "cell_years" in plans[0] and "2019 2019" in plans[0], plans  # the whole year
    assert "cell_months" in plans[1] and "2020-01 2020-03" in plans[1], plans  # the whole months of an edge year
    assert any("2018-12-30 2018-12-31" in p for p in plans[2:]), plans  # the days of an edge month


def test_sqlite_store_before_the_cell_months_gets_them(tmp_path: Any) -> None:
    """Migration 23 fills its totals from the events a store already holds."""
    from frontlines.store import sqlite as backend

    path = str(tmp_path / "old.sqlite")
    full = list(backend.MIGRATIONS)
    cut = next(i for i, m in enumerate(full) if "CREATE TABLE cell_months" in m)
    backend.MIGRATIONS[:] = full[:cut]
    try:
        with open_store(path) as store:
            store.bulk_load_events(_events(random.Random(3), 0, 200))
            assert store.schema_version == cut
    finally:
        backend.MIGRATIONS[:] = full
    with open_store(path) as store:
        assert store.schema_version == len(full)
        _check(store)
    con = sqlite3.connect(path)
    for table in ("cell_months", "cell_years"):
        kept, fresh = _recomputed(con, table)
        assert kept == fresh and kept, table
    con.close()


def test_sqlite_store_before_the_cell_years_gets_them(tmp_path: Any) -> None:
    """Migration 26 fills its totals from the month totals of a store that holds events, deleted ones included."""
    from frontlines.store import sqlite as backend

    path = str(tmp_path / "old.sqlite")
    full = list(backend.MIGRATIONS)
    cut = next(i for i, m in enumerate(full) if "CREATE TABLE cell_years" in m)
    backend.MIGRATIONS[:] = full[:cut]
    try:
        with open_store(path) as store:
            store.bulk_load_events(_events(random.Random(4), 0, 200))
    finally:
        backend.MIGRATIONS[:] = full
    raw_sql(path, "DELETE FROM events WHERE rid % 5 = 0")  # month rows left at zero events
    with open_store(path) as store:
        assert store.schema_version == len(full)
        _check(store)
    con = sqlite3.connect(path)
    kept, fresh = _recomputed(con, "cell_years")
    assert kept == fresh and kept
    con.close()
