"""Issue 12: a page of events reads its row ids first and then only their rows (SQLite), so that a page whose
filters and order are in a covering index (a type and dates: events_type_modality) reads 50 rows, not every match
(a type's quarter at 1,000,000 events: 6,000 rows read from a cold disk, 0.6-1.3 s). Pages are checked against the
events sorted here, ties on the sort key included, on both backends."""

from __future__ import annotations

import random
from typing import Any

from frontlines.store import EventQuery, Store, open_store
from tests.store.conftest import make_event, query_plans

SHOWN = "asserted,claimed,uncertain"


BOX = (13.0, 32.0, 14.0, 33.0)


def _events(n: int) -> list[Any]:
    rng = random.Random(12)
    return [make_event(i, event_date=f"2019-0{rng.randrange(1, 7)}-1{rng.randrange(0, 3)}",
                       event_type=rng.choice(("Battles", "Protests")), fatalities=rng.randrange(4),
                       modality=rng.choice(("asserted", "claimed", "negated")), location=rng.choice(("A", "B", "C")),
                       longitude=rng.choice((13.5, 14.0, 14.5, None)), latitude=rng.choice((32.5, 33.0, 33.5)))
            for i in range(n)]


def _expected(events: list[Any], q: EventQuery) -> list[str]:
    kept = [e for e in events if e.event_type.lower() == (q.event_type or e.event_type).lower()
            and e.modality in (q.modality or e.modality) and (q.since or "") <= e.event_date <= (q.until or "9")
            and (not q.bbox or e.longitude is not None and q.bbox[0] <= e.longitude <= q.bbox[2]
                 and q.bbox[1] <= e.latitude <= q.bbox[3])]
    name = q.sort.lstrip("-")
    rid = {e.event_id: int(e.event_id.split("-")[1]) for e in kept}  # rows are written in this order
    kept.sort(key=lambda e: rid[e.event_id])  # ties: the row written first
    kept.sort(key=lambda e: getattr(e, name), reverse=q.sort.startswith("-"))
    return [e.event_id for e in kept][q.offset:q.offset + q.limit]


def test_pages_of_a_type_and_dates_in_every_order(store: Store) -> None:
    events = _events(300)
    store.bulk_load_events(events)
    for sort in ("-event_date", "event_date", "-fatalities", "location"):
        for offset in (0, 7, 95):
            q = EventQuery(event_type="protests", modality=SHOWN, since="2019-02-10", until="2019-05-11", sort=sort,
                           limit=20, offset=offset, total_limit=1000)
            assert [e.event_id for e in store.search_events(q).items] == _expected(events, q), (sort, offset)
    for sort in ("-event_date", "event_date"):  # more than total_limit match: the page walks the date order
        for offset in (0, 13):
            q = EventQuery(bbox=BOX, modality=SHOWN, sort=sort, limit=10, offset=offset, total_limit=5)
            assert [e.event_id for e in store.search_events(q).items] == _expected(events, q), (sort, offset)


def test_sqlite_reads_a_type_page_ids_from_the_covering_index(tmp_path: Any) -> None:
    with open_store(str(tmp_path / "p.sqlite")) as store:
        store.bulk_load_events(_events(200))
        with query_plans(store) as plans:
            store.search_events(EventQuery(event_type="Battles", modality=SHOWN, since="2019-03-01", until="2019-05-31",
                                           sort="-event_date", limit=10, total_limit=1000))
    rows = plans[-1]
    assert rows.startswith("SEARCH e USING INTEGER PRIMARY KEY") and "COVERING INDEX events_type_modality" in rows, rows


def test_sqlite_walks_a_bbox_page_by_date_in_the_summary_index(tmp_path: Any) -> None:
    """A page by date filtered by no more than type, modality, dates and a bbox walks events_summary, which holds them
    all, and reads no row to test them (a 1x1 degree view at 1,000,000 events: 124 -> 2 ms from a cold disk)."""
    with open_store(str(tmp_path / "p.sqlite")) as store:
        store.bulk_load_events(_events(200))
        with query_plans(store) as plans:
            store.search_events(EventQuery(bbox=BOX, modality=SHOWN, sort="-event_date", limit=10, total_limit=5))
            store.search_events(EventQuery(bbox=BOX, modality=SHOWN, source="Reuters", sort="-event_date", limit=10,
                                           total_limit=5))
    pages = [p for p in plans if p.startswith("SEARCH e USING INTEGER PRIMARY KEY")]
    assert "SCAN e USING COVERING INDEX events_summary" in pages[0], pages
    assert "events_summary" not in pages[1] and "events_date" in pages[1], pages  # a source: read on the row
