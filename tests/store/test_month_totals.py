"""Issue 12: the dashboard's filtered views from running totals, on both backends - counts and timelines by month
(all events, and an actor or a set of actors: SQLite migration 19), maps under a bbox filter (the cells wholly
inside it from the cell totals, the cells its edges cut from their events), and counts, timelines, maps and pages
under a place filter (the places seen that match: SQLite migration 20). Every figure is checked against the
same figure computed here from the events the test wrote, after inserts, an analyst's corrections and rejections,
and deletes."""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from datetime import date, timedelta
from typing import Any

import pytest

from frontlines.store import EventQuery, Store, open_store
from frontlines.store.base import WEEK_UNIT_MAX_DAYS, grid_cell
from tests.store.conftest import make_event, query_plans, raw_sql

SHOWN = "asserted,claimed,uncertain"
ACTORS = ("lby.lna", "lby.saiqa", "lby.gna.forces", "lby.bunyan", None)
TYPES = ("Battles", "Protests", "Explosions/Remote violence")
MODALITIES = ("asserted", "claimed", "uncertain", "negated")
# longitude, latitude, location, admin1, country: Tripoli twice, Benghazi, Sirte, Tripoli in Lebanon (another place of
# the same name), a place known only by its province, and an event with no place at all
SPOTS = ((13.19, 32.89, "Tripoli", "Tripoli", "Libya"), (13.21, 32.91, "Tajura", "Tripoli", "Libya"),
         (20.07, 32.12, "Benghazi", "Benghazi", "Libya"), (16.59, 31.2, "Sirte", "Sirte", "Libya"),
         (35.84, 34.44, "Tripoli", "North", "Lebanon"), (None, None, None, "Benghazi", "Libya"),
         (None, None, None, None, None))
QUERIES: list[dict[str, Any]] = [
    {}, {"modality": SHOWN}, {"event_type": "battles", "modality": SHOWN},
    {"since": "2019-02-11", "until": "2019-07-20"}, {"since": "2019-03-01", "until": "2019-05-31"},
    {"until": "2019-04-09"}, {"since": "2020-06-17"}, {"since": "2019-05-05", "until": "2019-05-25"},
    {"actor_ids": ("lby.lna",)}, {"actor_ids": ("lby.lna", "lby.saiqa"), "modality": SHOWN},
    {"actor_ids": ("lby.lna", "lby.saiqa", "lby.gna.forces"), "since": "2019-02-11", "until": "2020-03-03"},
    {"actor_ids": ("lby.bunyan", "lby.gna.forces"), "event_type": "Protests", "until": "2019-11-17"},
    {"place": "tripoli"}, {"place": "Benghazi", "modality": SHOWN}, {"place": "LIBYA", "event_type": "battles"},
    {"place": "ir", "since": "2019-03-10", "until": "2020-01-20"}, {"place": "nowhere"},
]
BOXES = ((13.0, 32.8, 13.5, 33.0), (13.2, 32.0, 21.0, 33.0), (12.0, 30.0, 22.0, 34.0), (13.19, 32.89, 13.19, 32.89))


def _events(rng: random.Random, first: int, n: int) -> list[Any]:
    out = []
    for i in range(first, first + n):
        a1 = rng.choice(ACTORS)
        a2 = rng.choice([a for a in ACTORS if a != a1 or a is None])
        lon, lat, location, admin1, country = rng.choice(SPOTS)
        day = None if rng.random() < 0.05 else (date(2019, 1, 1) + timedelta(days=rng.randrange(600))).isoformat()
        out.append(make_event(i, event_date=day, event_type=rng.choice(TYPES), modality=rng.choice(MODALITIES),
                              actor1_id=a1, actor2_id=a2, fatalities=rng.randrange(6),
                              fatalities_aggregate=rng.random() < 0.1,
                              latitude=lat, longitude=lon, location=location, admin1=admin1, country=country))
    return out


def _matches(store: Store, q: EventQuery) -> list[Any]:
    """The events of ``q``, filtered here from every stored event."""
    out = []
    for e in store.iter_events(EventQuery()):
        if q.actor_ids and e.actor1_id not in q.actor_ids and e.actor2_id not in q.actor_ids:
            continue
        if q.event_type and e.event_type.lower() != q.event_type.lower():
            continue
        if q.modality and e.modality not in q.modality.split(","):
            continue
        if (q.since or q.until) and not e.event_date:
            continue
        if (q.since and e.event_date < q.since) or (q.until and e.event_date > q.until):
            continue
        if q.place and not any(q.place.lower() in (name or "").lower() for name in (e.location, e.admin1, e.country)):
            continue
        if q.bbox and (e.latitude is None or not (q.bbox[0] <= e.longitude <= q.bbox[2]
                                                   and q.bbox[1] <= e.latitude <= q.bbox[3])):
            continue
        out.append(e)
    return out


def _toll(events: list[Any]) -> int:
    return sum(e.fatalities for e in events if not e.fatalities_aggregate)


def _check_counts_and_timeline(store: Store, filters: dict[str, Any]) -> None:
    q = EventQuery(**filters)
    chosen = _matches(store, q)
    counts = store.counts(q)
    assert counts["events"] == len(chosen) and counts["fatalities"] == _toll(chosen), filters
    page = store.search_events(EventQuery(**filters, sort="-event_date", limit=20))
    assert page.total == len(chosen) and {e.event_id for e in page.items} <= {e.event_id for e in chosen}
    assert counts["by_type"] == dict(sorted(Counter(e.event_type for e in chosen).items(),
                                            key=lambda kv: (-kv[1], kv[0])))
    dated = [e for e in chosen if e.event_date]
    days = sorted(date.fromisoformat(e.event_date) for e in dated)
    auto = "week" if not days or (days[-1] - days[0]).days <= WEEK_UNIT_MAX_DAYS else "month"
    for unit in ("auto", "month", "week"):
        timeline = store.timeline(q, unit)
        chosen_unit = auto if unit == "auto" else unit
        assert timeline["unit"] == chosen_unit, filters
        bins: dict[str, list[Any]] = {}
        for e in dated:
            d = date.fromisoformat(e.event_date)
            start = d - timedelta(days=d.weekday()) if chosen_unit == "week" else d.replace(day=1)
            bins.setdefault(start.isoformat(), []).append(e)
        assert [(b["start"], b["events"], b["fatalities"]) for b in timeline["bins"]] == [
            (start, len(es), _toll(es)) for start, es in sorted(bins.items())], (filters, unit)
        assert timeline["totals"] == counts


def _check_map(store: Store, box: tuple[float, float, float, float] | None, view: Any, zoom: int,
               place: str | None = None) -> None:
    q = EventQuery(modality=SHOWN, bbox=box, place=place)
    chosen = [e for e in _matches(store, q) if e.latitude is not None]
    cell = grid_cell(zoom)
    fine = grid_cell(10)
    if view:  # the fine cells that meet the view
        lo_x, hi_x = int((view[0] + 180) // fine), int((view[2] + 180) // fine)
        lo_y, hi_y = int((view[1] + 90) // fine), int((view[3] + 90) // fine)
        chosen = [e for e in chosen if lo_x <= int((e.longitude + 180) // fine) <= hi_x
                  and lo_y <= int((e.latitude + 90) // fine) <= hi_y]
    expected: dict[tuple[int, int], list[Any]] = {}
    for e in chosen:
        expected.setdefault((int((e.longitude + 180) // cell), int((e.latitude + 90) // cell)), []).append(e)
    grid = store.map_grid(q, zoom, view=view)
    got = {(round((b["bounds"][0] + 180) / cell), round((b["bounds"][1] + 90) / cell)): b for b in grid["buckets"]}
    assert set(got) == set(expected), (box, view, zoom)
    for key, es in expected.items():
        b = got[key]
        assert (b["events"], b["fatalities"]) == (len(es), _toll(es))
        assert b["by_type"] == dict(sorted(Counter(e.event_type for e in es).items(), key=lambda kv: (-kv[1], kv[0])))
        assert b["longitude"] == pytest.approx(sum(e.longitude for e in es) / len(es), abs=1e-4)
        if len(es) == 1:
            assert b["event"]["event_id"] == es[0].event_id


def _check_all(store: Store) -> None:
    for filters in QUERIES:
        _check_counts_and_timeline(store, filters)
    for box in BOXES:
        for view in (None, (13.0, 32.85, 16.0, 33.0)):
            for zoom in (5, 10):
                _check_map(store, box, view, zoom)
    for place in ("tripoli", "Benghazi", "libya"):
        for view in (None, (13.0, 32.85, 16.0, 33.0)):
            _check_map(store, None, view, 10, place)


def test_month_and_box_totals_follow_every_change(store_url: str) -> None:
    rng = random.Random(19)
    with open_store(store_url) as store:
        store.bulk_load_events(_events(rng, 0, 400))
        _check_all(store)
        store.bulk_load_events(_events(rng, 400, 100))  # inserted later
        for i in range(0, 60, 3):  # an analyst moves events between actors, days, types and places
            fields: dict[str, Any] = {"actor1_id": rng.choice(ACTORS[:4]), "event_date": "2020-02-29",
                                      "event_type": rng.choice(TYPES), "fatalities": 9}
            if i % 2:
                fields.update(latitude=32.12, longitude=20.07, location="Benghazi", admin1="Benghazi", actor2_id=None)
            store.correct_event(f"ev-{i}", "analyst", "checked against the source", fields)
        for i in range(60, 75, 5):
            store.correct_event(f"ev-{i}", "analyst", "not an event", reject=True)
        _check_all(store)
        undone = store.corrections(event_id="ev-3")["items"][0]["correction_id"]
        store.undo_correction(undone, "analyst", "wrong event")
    raw_sql(store_url, "DELETE FROM events WHERE event_id IN ('ev-100', 'ev-101', 'ev-102', 'ev-200')",
         "UPDATE events SET actor2_id = actor1_id, modality = 'claimed' WHERE event_id IN ('ev-103', 'ev-104')",
         "UPDATE events SET location = NULL, admin1 = 'Sirte', latitude = 31.21, longitude = 16.6 "
         "WHERE event_id IN ('ev-105', 'ev-106', 'ev-107')")
    with open_store(store_url) as store:
        _check_all(store)


def test_a_set_of_actors_counts_an_event_between_two_of_them_once(store: Store) -> None:
    store.bulk_load_events([make_event(1, actor1_id="lby.lna", actor2_id="lby.saiqa", event_date="2019-04-02"),
                            make_event(2, actor1_id="lby.saiqa", actor2_id="lby.saiqa", event_date="2019-04-03"),
                            make_event(3, actor1_id="lby.gna.forces", actor2_id="lby.lna", event_date="2019-05-03")])
    assert store.counts(EventQuery(actor_ids=("lby.lna", "lby.saiqa")))["events"] == 3
    assert store._month_totals(EventQuery(actor_ids=("lby.saiqa",)), None, None)
    assert store.counts(EventQuery(actor_ids=("lby.saiqa",)))["events"] == 2
    months = store.timeline(EventQuery(actor_ids=("lby.lna", "lby.saiqa")), unit="month")["bins"]
    assert [(b["start"], b["events"]) for b in months] == [("2019-04-01", 2), ("2019-05-01", 1)]


def test_sqlite_month_totals_equal_the_events_and_are_read(tmp_path: Any) -> None:
    """The totals of migration 19 equal the events recomputed, after writes; counts read them, not the events."""
    path = str(tmp_path / "months.sqlite")
    rng = random.Random(7)
    with open_store(path) as store:
        store.bulk_load_events(_events(rng, 0, 300))
        store.correct_event("ev-5", "analyst", "source", {"actor2_id": "lby.bunyan", "event_date": None})
        store.correct_event("ev-6", "analyst", "source", {"location": "Sirte", "latitude": 31.2, "longitude": 16.59})
    raw_sql(path, "DELETE FROM events WHERE event_id IN ('ev-1', 'ev-2')",
         "UPDATE events SET location = 'Misrata', latitude = NULL, longitude = NULL WHERE rid % 17 = 0")
    con = sqlite3.connect(path)
    month = "substr(coalesce(event_date, ''), 1, 7)"
    dead = "CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities END"
    assert con.execute("SELECT month, event_type, modality, events, fatalities FROM event_months WHERE events > 0 "
                       "ORDER BY 1, 2, 3").fetchall() == con.execute(
        f"SELECT {month}, event_type, modality, count(*), sum({dead}) FROM events GROUP BY 1, 2, 3 "
        "ORDER BY 1, 2, 3").fetchall()
    assert con.execute("SELECT * FROM actor_months WHERE events > 0 ORDER BY 1, 2, 3, 4").fetchall() == con.execute(
        f"SELECT a, m, t, o, count(*), sum(d) FROM (SELECT actor1_id AS a, {month} AS m, event_type AS t, "
        f"modality AS o, {dead} AS d FROM events WHERE actor1_id IS NOT NULL UNION ALL SELECT actor2_id, {month}, "
        f"event_type, modality, {dead} FROM events WHERE actor2_id IS NOT NULL AND actor2_id IS NOT actor1_id) "
        "GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4").fetchall()
    place = "coalesce(location, ''), coalesce(admin1, ''), coalesce(country, '')"
    assert con.execute("SELECT * FROM event_places WHERE events > 0 ORDER BY 1, 2, 3").fetchall() == con.execute(
        f"SELECT {place}, count(*) FROM events GROUP BY 1, 2, 3 ORDER BY 1, 2, 3").fetchall()
    assert con.execute("SELECT * FROM place_months WHERE events > 0 ORDER BY 1, 2, 3, 4, 5, 6").fetchall() == \
        con.execute(f"SELECT {place}, {month}, event_type, modality, count(*), sum({dead}) FROM events "
                    "GROUP BY 1, 2, 3, 4, 5, 6 ORDER BY 1, 2, 3, 4, 5, 6").fetchall()
    cells = "CAST((longitude + 180.0) / 0.087890625 AS INTEGER), CAST((latitude + 90.0) / 0.087890625 AS INTEGER)"
    assert con.execute("SELECT location, admin1, country, cx, cy, event_type, modality, events, fatalities, "
                       "round(lon_sum, 6), round(lat_sum, 6), first_rid FROM place_cells WHERE events > 0 "
                       "ORDER BY 1, 2, 3, 4, 5, 6, 7").fetchall() == con.execute(
        f"SELECT {place}, {cells}, event_type, modality, count(*), sum({dead}), round(sum(longitude), 6), "
        "round(sum(latitude), 6), min(rid) FROM events WHERE latitude IS NOT NULL AND longitude IS NOT NULL "
        "GROUP BY 1, 2, 3, 4, 5, 6, 7 ORDER BY 1, 2, 3, 4, 5, 6, 7").fetchall()
    con.close()
    with open_store(path) as store:
        with query_plans(store) as plans:
            store.counts(EventQuery(actor_ids=("lby.lna", "lby.saiqa"), modality=SHOWN))
            store.timeline(EventQuery(modality=SHOWN), unit="month")
            store.counts(EventQuery(place="tripoli", modality=SHOWN))
            store.search_events(EventQuery(place="tripoli", modality=SHOWN, total_limit=10))
    assert "actor_months" in plans[0] and "COVERING INDEX events_actor_pair" in plans[1]
    assert "event_months" in plans[2] and "SEARCH place_months" in plans[3] and "SCAN event_places" in plans[3]
    assert "COVERING INDEX events_place (location=?)" in plans[4], plans[4]  # the page's count: one index


def _before_month_totals(module: Any, marker: str, url: str) -> None:
    """Events written while the store's migrations stop before the one that contains ``marker``."""
    full = list(module.MIGRATIONS)
    cut = next(i for i, m in enumerate(full) if marker in (m[0] if isinstance(m, tuple) else m))
    module.MIGRATIONS[:] = full[:cut]
    try:
        with open_store(url) as store:
            store.bulk_load_events(_events(random.Random(3), 0, 200))
    finally:
        module.MIGRATIONS[:] = full


def _migrated(url: str) -> None:
    with open_store(url) as store:
        assert store._month_totals(EventQuery(actor_ids=("lby.lna", "lby.saiqa")), None, None)
        assert store._month_totals(EventQuery(place="tripoli"), None, None)  # both read the totals
        assert store._from_rollup(EventQuery(place="tripoli"), ("cell_x", "cell_y", "type"), grid_cell(10), None)
        for filters in QUERIES:
            _check_counts_and_timeline(store, filters)


def test_sqlite_store_before_the_month_totals_gets_them(tmp_path: Any) -> None:
    """Migration 19 fills its totals from the events a store already holds."""
    from frontlines.store import sqlite as backend

    url = str(tmp_path / "old.sqlite")
    _before_month_totals(backend, "CREATE TABLE event_months", url)
    _migrated(url)


@pytest.mark.postgres
def test_postgres_store_before_the_month_totals_gets_them(pg_server: Any) -> None:
    from frontlines.store import postgres as backend

    if pg_server is None:
        pytest.skip("needs the throwaway cluster (FRONTLINES_TEST_POSTGRES_URL is set)")
    url = pg_server.create_database("frontlines_month_totals")
    _before_month_totals(backend, "month-totals", url)
    _migrated(url)
