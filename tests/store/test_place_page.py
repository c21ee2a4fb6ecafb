"""Issue 12: a page of events under a place filter. PostgreSQL (schema 18) reads each matching location's events in
page order from ``events_location_date`` and stops after the page (``pgsql.place_page``) instead of sorting every event
of the town; the page must hold the same rows, in the same order, as the plain query (``iter_events``: every match,
sorted), and as the events filtered here, on both backends, with events that have no location, no date or a place
known only by its province, and beside other filters, sort orders and offsets."""

from __future__ import annotations

import random
from typing import Any

import pytest

from frontlines.store import EventQuery, Store, open_store
from tests.store.conftest import query_plans
from tests.store.test_month_totals import SHOWN, _events, _matches

PLACES = ("tripoli", "Benghazi", "LIBYA", "ir", "nowhere")
EXTRA: tuple[dict[str, Any], ...] = ({}, {"modality": SHOWN}, {"event_type": "battles", "since": "2019-03-01"},
                                     {"actor_ids": ("lby.lna",), "until": "2020-01-31"})
SORTS = ("-event_date", "event_date", "-fatalities")


def _check_pages(store: Store) -> None:
    for place in PLACES:
        for extra in EXTRA:
            for sort in SORTS:
                q = EventQuery(place=place, sort=sort, **extra)
                ordered = [e.event_id for e in store.iter_events(q)]
                assert sorted(ordered) == sorted(e.event_id for e in _matches(store, q)), (place, extra)
                for offset in (0, 7, 30):
                    page = store.search_events(EventQuery(place=place, sort=sort, limit=10, offset=offset, **extra))
                    assert [e.event_id for e in page.items] == ordered[offset:offset + 10], (place, extra, sort, offset)
                    assert page.total == len(ordered)


def test_a_place_page_is_its_matches_in_page_order(store_url: str) -> None:
    with open_store(store_url) as store:
        store.bulk_load_events(_events(random.Random(18), 0, 400))
        _check_pages(store)


@pytest.mark.postgres
def test_postgres_store_before_schema_18_gets_the_place_index(pg_server: Any) -> None:
    """Migration 18 adds the index to a store that holds events; the pages read through it are unchanged."""
    import psycopg

    from frontlines.store import postgres as backend

    if pg_server is None:
        pytest.skip("needs the throwaway cluster (FRONTLINES_TEST_POSTGRES_URL is set)")
    url = pg_server.create_database("frontlines_place_index")
    full = list(backend.MIGRATIONS)
    cut = next(i for i, (name, _) in enumerate(full) if "place-date-index" in name)
    backend.MIGRATIONS[:] = full[:cut]
    try:
        with open_store(url) as store:
            store.bulk_load_events(_events(random.Random(18), 0, 400))
            before = {p: [e.event_id for e in store.search_events(EventQuery(place=p, limit=50)).items] for p in PLACES}
    finally:
        backend.MIGRATIONS[:] = full
    with open_store(url) as store:
        assert store.schema_version == len(full) > cut  # type: ignore[attr-defined]
        assert {p: [e.event_id for e in store.search_events(EventQuery(place=p, limit=50)).items]
                for p in PLACES} == before
        _check_pages(store)
    with psycopg.connect(url) as con:
        assert con.execute("SELECT 1 FROM pg_indexes WHERE indexname = 'events_location_date'").fetchone()


def test_sqlite_reads_a_place_and_type_page_through_the_place(tmp_path: Any) -> None:
    """Beside a place, a type is tested on the place's events: SQLite (no statistics) read every event of the type
    through its index instead (0.8-1.6 s a page at a million events)."""
    with open_store(str(tmp_path / "s.sqlite")) as store:
        store.bulk_load_events(_events(random.Random(18), 0, 200))
        q = EventQuery(place="Benghazi", event_type="Battles", modality=SHOWN, sort="-event_date", limit=10)
        clause, params = store._event_where(q)  # type: ignore[attr-defined]
        for sql in (f"SELECT count(*) FROM events e {clause}", f"SELECT e.* FROM events e {clause} LIMIT 10"):
            plan = " ".join(r[-1] for r in store._con.execute("EXPLAIN QUERY PLAN " + sql, params))  # type: ignore[attr-defined]
            assert "events_location" in plan and "events_type" not in plan, plan
        assert [e.event_id for e in store.search_events(q).items] == [e.event_id for e in store.iter_events(q)][:10]


def test_sqlite_reads_a_place_page_location_by_location(tmp_path: Any) -> None:
    """Migration 25: a place's page by date walks each matching location's events in date order (events_location_date)
    and stops after the page, instead of walking the date index and reading every row to test its place (0.5-1 s
    from a cold disk at a million events)."""
    with open_store(str(tmp_path / "s.sqlite")) as store:
        store.bulk_load_events(_events(random.Random(18), 0, 200))
        with query_plans(store) as plans:
            for sort in ("-event_date", "event_date"):
                store.search_events(EventQuery(place="Benghazi", modality=SHOWN, sort=sort, limit=10, total_limit=100))
            store.search_events(EventQuery(place="Benghazi", modality=SHOWN, sort="-fatalities", limit=10))
    pages = [p for p in plans if p.startswith("SEARCH e USING INTEGER PRIMARY KEY")]
    assert len(pages) == 3 and all("events_location_date" in p and "events_date" not in p.replace(
        "events_location_date", "") for p in pages[:2]), pages
    assert "events_location_date" not in pages[2]  # another order: the plain query


def test_sqlite_store_before_migration_25_gets_the_place_index(tmp_path: Any) -> None:
    from frontlines.store import sqlite as backend

    path = str(tmp_path / "old.sqlite")
    full = list(backend.MIGRATIONS)
    cut = next(i for i, m in enumerate(full) if "events_location_date" in m)
    backend.MIGRATIONS[:] = full[:cut]
    try:
        with open_store(path) as store:
            store.bulk_load_events(_events(random.Random(25), 0, 300))
    finally:
        backend.MIGRATIONS[:] = full
    with open_store(path) as store:
        assert store.schema_version == len(full)  # type: ignore[attr-defined]
        _check_pages(store)
