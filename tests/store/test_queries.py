"""Reading: every EventQuery filter, sorting, pagination, streaming, document search, actors, places, stats."""

from __future__ import annotations

import pytest

from frontlines.errors import InvalidParameterError
from frontlines.model import Document
from frontlines.store import DocumentQuery, EventQuery, Store
from tests.store.conftest import make_documents, make_event


def ids(store: Store, **filters: object) -> list[str]:
    return [e.event_id for e in store.search_events(EventQuery(sort="event_date", **filters)).items]  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["ev-1", "ev-2", "ev-3", "ev-4"]),
        ({"actor": "lby.lna"}, ["ev-1", "ev-3"]),  # actor id, either side
        ({"actor": "lby.gna.forces"}, ["ev-1", "ev-2", "ev-3"]),
        ({"actor": "turkey"}, ["ev-2"]),  # name substring, case-insensitive
        ({"actor": "Protesters"}, ["ev-4"]),
        ({"actor_ids": ("lby.lna", "tr.forces")}, ["ev-1", "ev-2", "ev-3"]),  # any of several ids
        ({"actor": "Haftar", "actor_ids": ("lby.lna",)}, ["ev-1", "ev-3"]),  # ids resolved from a name
        ({"actor_ids": ("nobody",)}, []),
        ({"place": "sirte"}, ["ev-2"]),  # location
        ({"place": "Libya"}, ["ev-1", "ev-2", "ev-3", "ev-4"]),  # country
        ({"place": "bengh"}, ["ev-4"]),
        ({"event_type": "battles"}, ["ev-1", "ev-3"]),
        ({"event_type": "Explosions/Remote violence"}, ["ev-2"]),
        ({"sub_event_type": "peaceful protest"}, ["ev-4"]),
        ({"modality": "future"}, ["ev-3"]),
        ({"modality": "asserted, claimed"}, ["ev-1", "ev-2", "ev-4"]),
        ({"modality": "negated"}, []),
        ({"source": "observer"}, ["ev-2"]),
        ({"since": "2019-04-02"}, ["ev-2", "ev-3", "ev-4"]),
        ({"until": "2019-04-02"}, ["ev-1", "ev-2"]),
        ({"since": "2019-04-02", "until": "2019-04-02"}, ["ev-2"]),
        ({"bbox": (16.0, 30.0, 17.0, 32.0)}, ["ev-2"]),
        ({"bbox": (13.0, 32.0, 16.0, 33.0)}, ["ev-1", "ev-3"]),
        ({"bbox": (0.0, 0.0, 1.0, 1.0)}, []),
        ({"document_id": "doc-2"}, ["ev-4"]),
        ({"text": "drones"}, ["ev-2"]),
        ({"text": "LNA attack"}, ["ev-3"]),  # every term must match
        ({"text": "LNA Benghazi"}, []),
        ({"actor": "lby.lna", "since": "2019-04-02", "modality": "future"}, ["ev-3"]),
        ({"event_type": "Battles", "bbox": (13.0, 32.0, 14.0, 33.0), "text": "clashes"}, ["ev-1"]),
    ],
)
def test_event_filters(filled: Store, filters: dict[str, object], expected: list[str]) -> None:
    assert ids(filled, **filters) == expected
    assert filled.search_events(EventQuery(**filters)).total == len(expected)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "text",
    [
        '"drones',
        "drones!",
        "drones)(",
        "drones AND",
        "-drones",
        "drones*",
        "st:ruck",
        "'drones'",
        "drones OR sirte",
        "NEAR(drones)",
        "drones & | ! <->",
        "drones\x00",
    ],
)
def test_punctuation_in_full_text_never_breaks_the_query(filled: Store, text: str) -> None:
    assert ids(filled, text=text) in (["ev-2"], [])
    assert filled.search_documents(DocumentQuery(q=text)).total in (0, 1)


@pytest.mark.parametrize("text", ["!!!", '""', "()", ":", "*"])
def test_query_of_only_punctuation_matches_nothing(filled: Store, text: str) -> None:
    assert ids(filled, text=text) == []
    assert filled.search_documents(DocumentQuery(q=text)).total == 0


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("event_date", ["ev-1", "ev-2", "ev-3", "ev-4"]),
        ("-event_date", ["ev-4", "ev-3", "ev-2", "ev-1"]),
        ("-fatalities", ["ev-4", "ev-3", "ev-2", "ev-1"]),
        ("location", ["ev-4", "ev-3", "ev-2", "ev-1"]),  # Benghazi, Misrata, Sirte, Tripoli
        ("event_type", ["ev-1", "ev-3", "ev-2", "ev-4"]),  # ties keep insertion order
        ("-event_type", ["ev-4", "ev-2", "ev-1", "ev-3"]),
        ("confidence", ["ev-1", "ev-2", "ev-3", "ev-4"]),
    ],
)
def test_sorting(filled: Store, sort: str, expected: list[str]) -> None:
    assert [e.event_id for e in filled.search_events(EventQuery(sort=sort)).items] == expected


def test_missing_values_sort_first_ascending_and_last_descending(store: Store) -> None:
    store.bulk_load_events([make_event(1), make_event(2, event_date=None), make_event(3)])
    assert [e.event_id for e in store.search_events(EventQuery(sort="event_date")).items] == ["ev-2", "ev-1", "ev-3"]
    assert [e.event_id for e in store.search_events(EventQuery(sort="-event_date")).items] == ["ev-3", "ev-1", "ev-2"]


@pytest.mark.parametrize("sort", ["notes", "-rid", "event_date; DROP TABLE events", ""])
def test_invalid_sort_is_a_parameter_error(filled: Store, sort: str) -> None:
    with pytest.raises(InvalidParameterError, match="Cannot sort by"):
        filled.search_events(EventQuery(sort=sort))
    with pytest.raises(InvalidParameterError):
        list(filled.iter_events(EventQuery(sort=sort)))


def test_limit_offset_and_total(filled: Store) -> None:
    page = filled.search_events(EventQuery(sort="event_date", limit=2, offset=1))
    assert [e.event_id for e in page.items] == ["ev-2", "ev-3"]
    assert (page.total, page.limit, page.offset) == (4, 2, 1)
    beyond = filled.search_events(EventQuery(limit=10, offset=10))
    assert beyond.items == [] and beyond.total == 4


def test_events_read_back_equal_what_was_stored(filled: Store) -> None:
    stored = {e.event_id: e for doc in make_documents() for e in doc.events}
    for event in filled.search_events(EventQuery()).items:
        assert event.to_dict() == stored[event.event_id].to_dict()
    assert filled.get_event("ev-2").to_dict() == stored["ev-2"].to_dict()


def test_iter_events_streams_every_match_ignoring_limit(store: Store) -> None:
    store.bulk_load_events(make_event(i % 28 + 1, event_id=f"bulk-{i}") for i in range(1234))
    streamed = list(store.iter_events(EventQuery(limit=5, offset=100), batch_size=100))
    assert len(streamed) == 1234 and len({e.event_id for e in streamed}) == 1234
    assert [e.event_date for e in streamed] == sorted(e.event_date for e in streamed)
    assert sum(1 for _ in store.iter_events(EventQuery(since="2019-04-28"))) == 44
    newest = next(store.iter_events(EventQuery(sort="-event_date")))
    assert newest.event_date == "2019-04-28"


def test_search_documents_full_text_filters_and_pagination(filled: Store) -> None:
    page = filled.search_documents(DocumentQuery())
    assert page.total == 2 and [d["id"] for d in page.items] == ["doc-2", "doc-1"]  # newest first
    first = filled.search_documents(DocumentQuery(q="drones sirte")).items
    assert [d["id"] for d in first] == ["doc-1"]
    assert set(first[0]) == {"id", "title", "published", "source", "url", "snippet", "events"}
    assert first[0]["published"] == "2019-04-30" and first[0]["events"] == 3
    assert first[0]["snippet"].startswith("Clashes in Tripoli.")
    assert [d["id"] for d in filled.search_documents(DocumentQuery(q="protest")).items] == ["doc-2"]  # title
    assert filled.search_documents(DocumentQuery(q="Benghazi drones")).total == 0
    assert filled.search_documents(DocumentQuery(source="blog")).total == 1
    assert filled.search_documents(DocumentQuery(since="2020-01-01")).total == 1
    assert filled.search_documents(DocumentQuery(until="2020-01-01")).total == 1
    paged = filled.search_documents(DocumentQuery(limit=1, offset=1))
    assert paged.total == 2 and [d["id"] for d in paged.items] == ["doc-1"]


def test_bulk_load_keeps_links_only_to_stored_documents(filled: Store) -> None:
    n = filled.bulk_load_events(
        [
            make_event(50, event_id="b-1", document_id="doc-2", event_date="2019-05-01"),
            make_event(51, event_id="b-2", document_id="not-stored", event_date="2019-05-02"),
            make_event(52, event_id="b-3", event_date="2019-05-03"),
        ],
        batch_size=2,
    )
    assert n == 3
    assert filled.get_event("b-1").document_id == "doc-2"
    assert filled.get_event("b-2").document_id is None and filled.get_event("b-3").document_id is None
    assert filled.stats()["events"] == 7
    assert ids(filled, text="clashes", since="2019-05-01") == ["b-1", "b-2", "b-3"]  # indexed for full text
    assert filled.search_events(EventQuery(bbox=(13.0, 32.0, 14.0, 33.0))).total == 4  # and for bbox


def test_bulk_load_failure_rolls_back_the_batch(store: Store) -> None:
    from frontlines.errors import StoreError

    store.bulk_load_events([make_event(1)])
    with pytest.raises(StoreError, match="Bulk load failed, batch rolled back"):
        store.bulk_load_events([make_event(2), make_event(3, latitude=200.0)])
    assert ids(store) == ["ev-1"]


def test_actors(filled: Store) -> None:
    actors = filled.actors()
    assert [a["id"] for a in actors] == ["lby.gna.forces", "lby.lna", "gen.protesters.LY", "tr.forces"]
    gna = actors[0]
    assert set(gna) == {"id", "name", "events", "first_date", "last_date"}
    assert gna == {
        "id": "lby.gna.forces",
        "name": "Military Forces of Libya (2016-2021) Government of National Accord",
        "events": 3,
        "first_date": "2019-04-01",
        "last_date": "2019-04-03",
    }
    assert [a["id"] for a in filled.actors("turkey")] == ["tr.forces"]
    assert [a["id"] for a in filled.actors("lby.lna")] == ["lby.lna"]
    assert len(filled.actors(limit=1)) == 1


def test_places(filled: Store) -> None:
    places = {p["location"]: p for p in filled.places()}
    assert set(places) == {"Tripoli", "Sirte", "Misrata", "Benghazi"}
    assert places["Sirte"] == {
        "location": "Sirte",
        "country": "Libya",
        "admin1": "Sirte",
        "latitude": 31.2,
        "longitude": 16.59,
        "events": 1,
        "fatalities": 2,
    }
    assert [p["location"] for p in filled.places("sir")] == ["Sirte"]
    assert len(filled.places("libya")) == 4 and len(filled.places(limit=2)) == 2
    assert [p["location"] for p in filled.places()] == ["Benghazi", "Misrata", "Sirte", "Tripoli"]  # ties by name


def test_stats(filled: Store) -> None:
    assert filled.stats() == {
        "documents": 2,
        "events": 4,
        "fatalities": 1 + 4,  # asserted and not aggregate: ev-1 and ev-4
        "first_date": "2019-04-01",
        "last_date": "2020-08-23",
        "by_type": {"Battles": 2, "Explosions/Remote violence": 1, "Protests": 1},
        "by_modality": {"asserted": 2, "claimed": 1, "future": 1},
        "by_month": {"2019-04": 3, "2020-08": 1},
    }


def test_stats_of_an_empty_store(store: Store) -> None:
    assert store.stats() == {
        "documents": 0,
        "events": 0,
        "fatalities": 0,
        "first_date": None,
        "last_date": None,
        "by_type": {},
        "by_modality": {},
        "by_month": {},
    }
    assert store.actors() == [] and store.places() == []
    assert store.search_events(EventQuery()).total == 0


def test_bbox_edges_are_inclusive(store: Store) -> None:
    store.bulk_load_events([make_event(1, latitude=32.89, longitude=13.19),
                            make_event(2, latitude=32.891, longitude=13.19),  # 0.001 degrees outside
                            make_event(3, latitude=None, longitude=None)])
    assert ids(store, bbox=(13.0, 32.0, 13.19, 32.89)) == ["ev-1"]
    assert ids(store, bbox=(13.19, 32.89, 13.19, 32.891)) == ["ev-1", "ev-2"]  # a zero-width box
    assert ids(store, bbox=(-180.0, -90.0, 180.0, 90.0)) == ["ev-1", "ev-2"]


@pytest.mark.parametrize(
    "filters",
    [
        {},
        {"bbox": (13.0, 30.0, 17.0, 33.0)},
        {"event_type": "battles"},
        {"text": "clashes"},
        {"modality": "asserted,claimed", "since": "2019-04-05"},
    ],
)
@pytest.mark.parametrize("sort", ["-event_date", "event_date", "location", "-event_type", "fatalities"])
def test_small_pages_agree_with_the_full_stream(store: Store, filters: dict[str, object], sort: str) -> None:
    # small pages of many matches walk the sort index (SQLite); the stream sorts every match
    store.bulk_load_events(
        make_event(
            i % 28 + 1,
            event_id=f"p-{i}",
            location=f"Town {i % 7}",
            fatalities=i % 5,
            latitude=30 + i % 4,
            longitude=13 + i % 5,
            modality=("asserted", "claimed", "future")[i % 3],
            event_type=("Battles", "Riots")[i % 2],
        )
        for i in range(120)
    )
    everything = [e.event_id for e in store.iter_events(EventQuery(sort=sort, **filters))]  # type: ignore[arg-type]
    for offset in (0, 3, 17):
        page = store.search_events(EventQuery(sort=sort, limit=4, offset=offset, **filters))  # type: ignore[arg-type]
        assert [e.event_id for e in page.items] == everything[offset : offset + 4]
        assert page.total == len(everything) and page.total_exact


def test_total_limit_counts_at_most_that_many(filled: Store) -> None:
    capped = filled.search_events(EventQuery(place="libya", total_limit=2, limit=1))
    assert (capped.total, capped.total_exact, len(capped.items)) == (2, False, 1)
    enough = filled.search_events(EventQuery(place="libya", total_limit=4))
    assert (enough.total, enough.total_exact) == (4, True)
    assert filled.search_events(EventQuery(text="drones", total_limit=1)).total_exact is True
    unfiltered = filled.search_events(EventQuery(total_limit=2))  # the number of events is known: exact
    assert (unfiltered.total, unfiltered.total_exact) == (4, True)


def test_the_number_of_events_follows_every_kind_of_write(store: Store) -> None:
    first, second = make_documents()
    store.add_documents([first, second])
    store.bulk_load_events([make_event(60, event_id="b-60")])
    revision = Document(id="doc-1", text="A new text: no events.")  # issue 14: a revision, nothing is deleted
    revision.events = [make_event(61, document_id="doc-1")]
    assert store.add_document(revision).document_id == "doc-1~2"
    assert store.search_events(EventQuery()).total == store.stats()["events"] == 6
    assert len(list(store.iter_events(EventQuery()))) == 6


# -- issue 14: bad paging and filters are clear errors, never a 500 or an unbounded read ---------------
@pytest.mark.parametrize("kw", [{"limit": -1}, {"limit": 0}, {"limit": 10_001}, {"offset": -1}, {"offset": 2**63},
                                {"offset": 2**64}, {"place": "x" * 50_000}, {"actor": "a" * 501},
                                {"text": "t" * 50_000}, {"total_limit": 0}])
def test_out_of_range_paging_and_overlong_filters_are_refused(filled: Store, kw: dict) -> None:
    with pytest.raises(InvalidParameterError, match="use"):
        filled.search_events(EventQuery(**kw))


@pytest.mark.parametrize("kw", [{"limit": -1}, {"offset": 2**63}, {"q": "x" * 50_000}])
def test_out_of_range_document_queries_are_refused(filled: Store, kw: dict) -> None:
    with pytest.raises(InvalidParameterError, match="use"):
        filled.search_documents(DocumentQuery(**kw))


def test_the_longest_allowed_filter_still_runs(filled: Store) -> None:
    from frontlines.store.base import MAX_FILTER_CHARS, MAX_OFFSET

    assert filled.search_events(EventQuery(place="x" * MAX_FILTER_CHARS)).total == 0
    assert filled.search_events(EventQuery(offset=MAX_OFFSET)).items == []
