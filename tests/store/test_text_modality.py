"""Issue 12: a full-text filter beside modalities (the dashboard's default: asserted, claimed, uncertain). SQLite
migration 24 indexes each event's modality beside its notes, so the count of such a page is read from the full-text
index alone; every count and page is checked against the events the test wrote, after inserts, an analyst's
corrections of the modality, and notes, modalities and deletes changed beside the store."""

from __future__ import annotations

import random
from typing import Any

from frontlines.model import MODALITIES
from frontlines.store import EventQuery, Store, open_store
from tests.store.conftest import make_event, query_plans, raw_sql

WORDS = ("shelling", "airstrike", "protesters", "asserted", "claimed", "clashes", "drone")
FILTERS: list[dict[str, Any]] = [
    {"text": "shelling"}, {"text": "shelling", "modality": "asserted,claimed,uncertain"},
    {"text": "airstrike drone", "modality": "negated"}, {"text": "asserted", "modality": "claimed"},
    {"text": "protesters", "modality": ",".join(MODALITIES)}, {"text": "clashes", "modality": "claimed,future"},
    {"text": "shelling", "modality": "asserted,claimed,uncertain", "total_limit": 3},
    {"text": "drone", "modality": "uncertain", "event_type": "Protests"}, {"text": "no-such-word"},
]


def _events(rng: random.Random, n: int) -> list[Any]:
    return [make_event(i, notes=" ".join(rng.sample(WORDS, 2)) + ".", modality=rng.choice(MODALITIES),
                       event_type=rng.choice(("Battles", "Protests"))) for i in range(n)]


def _check(store: Store) -> None:
    every = list(store.iter_events(EventQuery()))
    for filters in FILTERS:
        q = EventQuery(**filters, sort="-event_date", limit=400)
        terms = filters["text"].split()
        kept = filters.get("modality", ",".join(MODALITIES)).split(",")
        expected = {e.event_id for e in every if all(t in (e.notes or "").lower().replace(".", "").split()
                                                      for t in terms)
                    and e.modality in kept and (not q.event_type or e.event_type == q.event_type)}
        page = store.search_events(q)
        limit = filters.get("total_limit")
        assert page.total == (min(len(expected), limit) if limit else len(expected)), filters
        assert page.total_exact == (not limit or len(expected) <= limit)
        assert {e.event_id for e in page.items} == expected, filters


def test_text_beside_modalities_follows_every_change(store_url: str) -> None:
    rng = random.Random(24)
    with open_store(store_url) as store:
        store.bulk_load_events(_events(rng, 120))
        _check(store)
        for i in range(0, 30, 3):  # an analyst changes modalities
            store.correct_event(f"ev-{i}", "analyst", "read again", {"modality": MODALITIES[i % len(MODALITIES)]})
        store.correct_event("ev-40", "analyst", "not an event", reject=True)
        _check(store)
    raw_sql(store_url, "DELETE FROM events WHERE event_id IN ('ev-50', 'ev-51')",
         "UPDATE events SET notes = 'shelling again.' WHERE event_id IN ('ev-60', 'ev-61', 'ev-62')",
         "UPDATE events SET modality = 'negated' WHERE event_id IN ('ev-63', 'ev-64')")
    with open_store(store_url) as store:
        _check(store)


def test_sqlite_counts_text_and_modalities_in_the_text_index(tmp_path: Any) -> None:
    path = str(tmp_path / "text.sqlite")
    with open_store(path) as store:
        store.bulk_load_events(_events(random.Random(5), 60))
        with query_plans(store) as plans:
            store.search_events(EventQuery(text="shelling", modality="asserted,claimed,uncertain"))
            store.search_events(EventQuery(text="shelling", modality="asserted,claimed,uncertain", total_limit=10))
    counts = [plans[0], plans[-3]]  # each search: its count, the sort's row number, its rows
    assert all("events_fts" in p and "events_modality" not in p and " e " not in p for p in counts), plans


def test_sqlite_store_before_migration_24_gets_modalities_in_its_text_index(tmp_path: Any) -> None:
    from frontlines.store import sqlite as backend

    path = str(tmp_path / "old.sqlite")
    full = list(backend.MIGRATIONS)
    cut = next(i for i, m in enumerate(full) if "fts5(notes, modality" in m)
    backend.MIGRATIONS[:] = full[:cut]
    try:
        with open_store(path) as store:
            store.bulk_load_events(_events(random.Random(3), 80))
            store.correct_event("ev-1", "analyst", "read again", {"modality": "negated"})  # before: not re-indexed
    finally:
        backend.MIGRATIONS[:] = full
    with open_store(path) as store:
        assert store.schema_version == len(full)
        _check(store)
