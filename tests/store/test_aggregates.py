"""Issue 12: the dashboard's aggregates - counts by type, the timeline, the map grid - computed by the store,
the same on SQLite and PostgreSQL, under the same filters as event pages."""

from __future__ import annotations

import sqlite3

import pytest

from frontlines.errors import InvalidParameterError
from frontlines.store import EventQuery, Store, open_store
from frontlines.store.base import grid_cell
from tests.store.conftest import make_documents, make_event, query_plans, raw_sql

SHOWN = "asserted,claimed,uncertain"  # the dashboard's default modalities


def test_counts_by_type_and_modality(filled: Store) -> None:
    counts = filled.counts(EventQuery())
    assert counts["events"] == 4
    assert counts["by_type"] == {"Battles": 2, "Explosions/Remote violence": 1, "Protests": 1}
    assert counts["fatalities"] == 1 + 3 + 4  # ev-2's toll is an aggregate ("since May"): not added


def test_counts_follow_every_filter(filled: Store) -> None:
    assert filled.counts(EventQuery(modality=SHOWN))["events"] == 3
    assert filled.counts(EventQuery(modality=SHOWN, since="2020-01-01"))["by_type"] == {"Protests": 1}
    assert filled.counts(EventQuery(place="sirte"))["by_type"] == {"Explosions/Remote violence": 1}
    assert filled.counts(EventQuery(actor="lby.lna"))["events"] == 2
    assert filled.counts(EventQuery(text="drones"))["events"] == 1
    assert filled.counts(EventQuery(event_type="battles"))["events"] == 2
    assert filled.counts(EventQuery(bbox=(16.0, 30.0, 21.0, 33.0)))["events"] == 2  # Sirte, Benghazi
    assert filled.counts(EventQuery(since="2030-01-01")) == {"events": 0, "fatalities": 0, "by_type": {}}


def test_timeline_by_week_and_month(filled: Store) -> None:
    weeks = filled.timeline(EventQuery(), unit="week")
    assert weeks["unit"] == "week"
    assert [(b["start"], b["end"], b["events"]) for b in weeks["bins"]] == [
        ("2019-04-01", "2019-04-07", 3), ("2020-08-17", "2020-08-23", 1)]  # weeks start on Monday
    assert weeks["bins"][0]["by_type"] == {"Battles": 2, "Explosions/Remote violence": 1}
    months = filled.timeline(EventQuery(modality=SHOWN), unit="month")
    assert [(b["start"], b["end"], b["events"], b["fatalities"]) for b in months["bins"]] == [
        ("2019-04-01", "2019-04-30", 2, 1), ("2020-08-01", "2020-08-31", 1, 4)]


def test_timeline_unit_follows_the_span(store: Store) -> None:
    store.bulk_load_events([make_event(1, event_date="2019-01-01"), make_event(2, event_date="2020-06-30")])
    assert store.timeline(EventQuery())["unit"] == "week"
    store.bulk_load_events([make_event(3, event_date="2012-06-30"), make_event(4, event_date=None)])
    timeline = store.timeline(EventQuery())
    assert timeline["unit"] == "month" and sum(b["events"] for b in timeline["bins"]) == 3  # undated left out
    with pytest.raises(InvalidParameterError, match="unit 'day'"):
        store.timeline(EventQuery(), unit="day")


def test_map_grid_buckets_by_zoom(filled: Store) -> None:
    world = filled.map_grid(EventQuery(modality=SHOWN), zoom=2)  # 22.5-degree cells: all of Libya in one
    assert world["events"] == 3 and len(world["buckets"]) == 1
    bucket = world["buckets"][0]
    assert bucket["events"] == 3 and bucket["fatalities"] == 1 + 4
    assert bucket["by_type"] == {"Battles": 1, "Explosions/Remote violence": 1, "Protests": 1}
    assert bucket["longitude"] == pytest.approx((13.19 + 16.59 + 20.07) / 3)
    assert bucket["latitude"] == pytest.approx((32.89 + 31.2 + 32.12) / 3)
    min_lon, min_lat, max_lon, max_lat = bucket["bounds"]
    assert min_lon <= 13.19 and max_lon >= 20.07 and max_lon - min_lon == pytest.approx(grid_cell(2))
    assert "event" not in bucket
    close = filled.map_grid(EventQuery(modality=SHOWN), zoom=8)  # 0.35-degree cells: one bucket per town
    assert sorted(b["events"] for b in close["buckets"]) == [1, 1, 1]
    points = {b["event"]["event_id"]: b["event"] for b in close["buckets"]}
    assert set(points) == {"ev-1", "ev-2", "ev-4"}
    assert points["ev-2"]["sub_event_type"] == "Air/drone strike" and points["ev-2"]["location"] == "Sirte"


def test_map_grid_within_a_viewport(filled: Store) -> None:
    view = filled.map_grid(EventQuery(bbox=(12.0, 31.0, 17.0, 34.0)), zoom=6)
    assert view["events"] == 3  # Tripoli, Misrata, Sirte; not Benghazi
    assert all(12.0 <= b["longitude"] <= 17.0 for b in view["buckets"])


def test_map_grid_viewport_keeps_the_cells_in_view(filled: Store) -> None:
    """``view`` (the map's viewport) is not a filter: the buckets whose cells meet it, at cell precision."""
    for query in (EventQuery(), EventQuery(modality="asserted,claimed,future"), EventQuery(place="i")):
        grid = filled.map_grid(query, zoom=6, view=(12.0, 31.0, 17.0, 34.0))
        assert grid["events"] == 3  # Tripoli, Misrata, Sirte; not Benghazi
        west, _south, east, _north = grid["extent"]
        assert 13.19 <= west and east <= 16.59


def test_map_grid_leaves_out_events_without_coordinates(store: Store) -> None:
    store.bulk_load_events([make_event(1), make_event(2, latitude=None, longitude=None)])
    assert store.map_grid(EventQuery(), zoom=4)["events"] == 1
    assert store.counts(EventQuery())["events"] == 2


def test_zoom_out_of_range_is_refused() -> None:
    with pytest.raises(InvalidParameterError, match="zoom 19"):
        grid_cell(19)


def test_aggregates_agree_with_paged_events(store: Store) -> None:
    """The grid, the timeline and the counts each add up to the paged total, under several filters."""
    events = [make_event(i, event_date=f"20{10 + i % 9}-0{1 + i % 9}-1{i % 9}", latitude=20 + (i * 7) % 20,
                         longitude=5 + (i * 11) % 30, event_type=("Battles", "Riots", "Protests")[i % 3],
                         modality=("asserted", "claimed", "future")[i % 3 if i % 5 else 0], fatalities=i % 4)
              for i in range(300)]
    store.bulk_load_events(events)
    for query in (EventQuery(), EventQuery(modality=SHOWN), EventQuery(since="2012-01-01", until="2015-06-30"),
                  EventQuery(bbox=(10.0, 25.0, 25.0, 35.0), event_type="Riots"), EventQuery(actor="lby.lna")):
        total = store.search_events(query).total
        assert store.counts(query)["events"] == total
        timeline = store.timeline(query)
        assert sum(b["events"] for b in timeline["bins"]) == total and timeline["totals"] == store.counts(query)
        for zoom in (3, 7, 12):
            assert store.map_grid(query, zoom)["events"] == total


def test_undated_events_are_counted_but_not_on_the_timeline(store: Store) -> None:
    store.bulk_load_events([make_event(1), make_event(2, event_date=None)])
    assert store.counts(EventQuery())["events"] == 2
    assert sum(b["events"] for b in store.timeline(EventQuery())["bins"]) == 1
    assert store.timeline(EventQuery())["totals"]["events"] == 2  # the dashboard's counts when no dates are set


def test_sqlite_aggregates_read_running_totals_or_covering_indexes(tmp_path) -> None:
    """No sort of every match: type, modality and date filters read the running totals of schemas 6 and 19; others
    read schema 5's covering indexes in GROUP BY order."""
    from frontlines.store import sqlite as backend
    from frontlines.store.base import FINE_ZOOM

    assert grid_cell(FINE_ZOOM) == backend._INDEXED_CELL  # the index expression is the grid's fine cell
    store = backend.SQLiteStore(tmp_path / "plan.sqlite")
    try:
        with query_plans(store, only=lambda sql: sql.startswith("SELECT ") and "GROUP BY" in sql) as plans:
            store.counts(EventQuery(modality=SHOWN, since="2019-01-01"))
            store.timeline(EventQuery(modality=SHOWN, event_type="Battles"))
            store.map_grid(EventQuery(modality=SHOWN), zoom=5, view=(8.0, 18.0, 27.0, 35.0))
            store.counts(EventQuery(modality=SHOWN, bbox=(8.0, 18.0, 27.0, 35.0)))
            store.map_grid(EventQuery(modality=SHOWN, bbox=(8.0, 18.0, 27.0, 35.0)), zoom=5)
    finally:
        store.close()
    # counts and a type's timeline from the month totals (migration 19); a bbox filter's map: the cells wholly
    # inside it from the cell totals, each strip of cells its edges cut from events_cells, one column at a time
    assert len(plans) == 9, plans
    assert "event_months" in plans[0] and "event_months" in plans[1] and "event_cells USING PRIMARY KEY" in plans[2]
    assert "COVERING INDEX events_summary" in plans[3] and "event_cells USING PRIMARY KEY" in plans[4]
    assert all("COVERING INDEX events_cells (<expr>=? AND <expr>>? AND <expr><?)" in p for p in plans[5:]), plans
    assert not any("TEMP B-TREE" in p for p in plans[:5]), plans  # the ring's few events may be sorted


def _rollups_agree(path) -> None:
    """The running totals equal the same totals recomputed from the events."""
    con = sqlite3.connect(path)
    days = con.execute("SELECT day, event_type, modality, events, fatalities FROM event_days WHERE events > 0 "
                       "ORDER BY 1, 2, 3").fetchall()
    again = con.execute("SELECT coalesce(event_date, ''), event_type, modality, count(*), sum(CASE WHEN "
                        "fatalities_aggregate THEN 0 ELSE fatalities END) FROM events GROUP BY 1, 2, 3 "
                        "ORDER BY 1, 2, 3").fetchall()
    assert days == again
    cells = con.execute("SELECT cx, cy, event_type, modality, events, fatalities, round(lon_sum, 6), "
                        "round(lat_sum, 6), first_rid FROM event_cells WHERE events > 0 ORDER BY 1, 2, 3, 4").fetchall()
    again = con.execute(
        "SELECT CAST((longitude + 180.0) / 0.087890625 AS INTEGER) AS x, CAST((latitude + 90.0) / 0.087890625 AS "
        "INTEGER) AS y, event_type, modality, count(*), sum(CASE WHEN fatalities_aggregate THEN 0 ELSE fatalities "
        "END), round(sum(longitude), 6), round(sum(latitude), 6), min(rid) FROM events WHERE latitude IS NOT NULL "
        "AND longitude IS NOT NULL GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4").fetchall()
    con.close()
    assert cells == again


def test_sqlite_running_totals_follow_inserts_updates_and_deletes(tmp_path) -> None:
    path = tmp_path / "rollups.sqlite"
    with open_store(str(path)) as store:
        for doc in make_documents():
            store.add_document(doc)
        store.bulk_load_events([make_event(10 + i, event_date=None if i % 4 == 0 else f"2019-05-0{1 + i % 5}",
                                           latitude=None if i % 5 == 0 else 32.89, fatalities=i,
                                           fatalities_aggregate=i % 3 == 0) for i in range(20)])
    _rollups_agree(path)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    con.execute("UPDATE events SET event_type = 'Riots', fatalities = 7 WHERE event_id IN ('ev-1', 'ev-12')")
    con.execute("UPDATE events SET latitude = 31.2, longitude = 16.59 WHERE event_id = 'ev-13'")  # moved
    con.execute("UPDATE events SET event_date = '2020-01-01', modality = 'claimed' WHERE event_id = 'ev-14'")
    con.execute("UPDATE events SET fatalities_aggregate = 1 WHERE event_id = 'ev-15'")
    con.execute("DELETE FROM events WHERE event_id IN ('ev-10', 'ev-11', 'ev-16')")  # ev-10: a cell's first row
    con.execute("DELETE FROM documents WHERE id = 'doc-1'")  # its events go with it (ON DELETE CASCADE)
    con.close()
    _rollups_agree(path)
    with open_store(str(path)) as store:  # answers from the totals equal answers from the events
        for query in (EventQuery(), EventQuery(modality=SHOWN), EventQuery(event_type="battles", since="2019-05-02")):
            total = store.search_events(query).total
            assert store.counts(query)["events"] == total
            assert sum(b["events"] for b in store.map_grid(query, zoom=6)["buckets"]) == store.search_events(
                EventQuery(**{**query.__dict__, "bbox": (-180.0, -90.0, 180.0, 90.0)})).total


def test_sizes(filled: Store) -> None:
    assert filled.sizes() == {"documents": 2, "events": 4}


def test_sqlite_schema_4_store_is_migrated_without_losing_events(tmp_path) -> None:
    """Issue 12 adds indexes (schema 5): a store written at schema 4 keeps every document and event."""
    from frontlines.store.sqlite import MIGRATIONS

    path = tmp_path / "old.sqlite"
    _write_at_schema_4(path)
    with open_store(str(path)) as store:
        assert store.schema_version == len(MIGRATIONS)  # type: ignore[attr-defined]
        assert store.sizes() == {"documents": 2, "events": 4}
        assert [e.event_id for e in store.search_events(EventQuery(sort="event_date")).items] == [
            "ev-1", "ev-2", "ev-3", "ev-4"]
        assert store.counts(EventQuery())["events"] == 4
    con = sqlite3.connect(path)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    con.close()
    assert {"events_summary", "events_cells", "events_fatalities", "events_confidence"} <= names
    _rollups_agree(path)  # schema 6 filled its running totals from the stored events


def _write_at_schema_4(path) -> None:
    """Documents and events written while the store is at schema 4 (the migration list cut to four). Today's writer
    names the documents' genre column (schema 27): it is added for the writing and dropped after, so the file has
    schema 4's tables."""
    from frontlines.store import sqlite as backend

    full = list(backend.MIGRATIONS)
    backend.MIGRATIONS[:] = full[:4]
    try:
        with open_store(str(path)) as store:
            store._con.execute("ALTER TABLE documents ADD COLUMN genre TEXT NOT NULL DEFAULT 'report'")  # type: ignore[attr-defined]
            for doc in make_documents():
                store.add_document(doc)
            store._con.execute("ALTER TABLE documents DROP COLUMN genre")  # type: ignore[attr-defined]
            assert store.schema_version == 4  # type: ignore[attr-defined]
    finally:
        backend.MIGRATIONS[:] = full


def test_map_extent_leaves_out_outliers(store: Store) -> None:
    """Issue 12: one mis-geocoded cluster must not frame the whole of Europe."""
    events = [make_event(i, latitude=32.0 + (i % 10) / 10, longitude=13.0 + (i % 7) / 2) for i in range(200)]
    events += [make_event(1000, latitude=59.3, longitude=18.1), make_event(1001, latitude=40.4, longitude=-3.7)]
    store.bulk_load_events(events)
    west, south, east, north = store.map_grid(EventQuery(), zoom=2)["extent"]
    assert 12.9 <= west <= 13.1 and 15.9 <= east <= 16.1 and 31.9 <= south and north <= 33.0
    assert store.map_grid(EventQuery(since="2030-01-01"), zoom=2)["extent"] is None
    few = store.map_grid(EventQuery(bbox=(-10.0, 35.0, 20.0, 60.0)), 2)  # Madrid and Stockholm only
    assert few["extent"] == pytest.approx([-3.7, 40.4, 18.1, 59.3])  # 50 events or fewer: every one counts


def test_running_totals_follow_every_write(store_url: str) -> None:
    """Issue 12: the running totals that answer the default view equal the events after inserts, bulk loads,
    updates, deletes and a cascade, on both backends (checked against the events themselves)."""
    with open_store(store_url) as store:
        for doc in make_documents():
            store.add_document(doc)
        store.bulk_load_events([make_event(10 + i, event_date=None if i % 4 == 0 else f"2019-05-0{1 + i % 5}",
                                           latitude=None if i % 5 == 0 else 32.89, fatalities=i,
                                           modality=("asserted", "claimed")[i % 2],
                                           fatalities_aggregate=i % 3 == 0) for i in range(20)])
    raw_sql(store_url, "UPDATE events SET event_type = 'Riots', fatalities = 7 WHERE event_id IN ('ev-1', 'ev-12')",
         "UPDATE events SET latitude = 31.2, longitude = 16.59 WHERE event_id = 'ev-13'",
         "UPDATE events SET event_date = '2020-01-01', modality = 'claimed' WHERE event_id = 'ev-14'",
         "DELETE FROM events WHERE event_id IN ('ev-11', 'ev-16')", "DELETE FROM documents WHERE id = 'doc-1'")
    with open_store(store_url) as store:
        events = list(store.iter_events(EventQuery()))
        for modality in (None, "claimed", SHOWN):
            chosen = [e for e in events if not modality or e.modality in modality.split(",")]
            query = EventQuery(modality=modality)
            counts = store.counts(query)
            by_type: dict[str, int] = {}
            for e in chosen:
                by_type[e.event_type] = by_type.get(e.event_type, 0) + 1
            assert counts["by_type"] == dict(sorted(by_type.items(), key=lambda kv: (-kv[1], kv[0])))
            assert counts["fatalities"] == sum(e.fatalities for e in chosen if not e.fatalities_aggregate)
            days = store.timeline(query, unit="week")
            assert sum(b["events"] for b in days["bins"]) == sum(1 for e in chosen if e.event_date)
            grid = store.map_grid(query, zoom=10)
            placed = [e for e in chosen if e.latitude is not None]
            assert grid["events"] == len(placed)
            points = {b["event"]["event_id"] for b in grid["buckets"] if "event" in b}
            lone = [e.event_id for e in placed  # places here are far apart: one cell each
                    if sum(1 for o in placed if (o.latitude, o.longitude) == (e.latitude, e.longitude)) == 1]
            assert points == set(lone)  # a lone event's bucket carries that event, found after the writes
