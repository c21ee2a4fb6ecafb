"""Every store test runs twice: on SQLite (a fresh file per test) and on a real PostgreSQL + PostGIS.

PostgreSQL: ``FRONTLINES_TEST_POSTGRES_URL`` when set (a throwaway database: its tables are emptied
between tests), else a throwaway cluster this session starts (``tests/store/pgserver.py``) and deletes.
Without PostgreSQL binaries the postgres half skips with the reason - except in CI (CI=true), where a
skip would hide a broken install, so it fails instead.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from typing import Any

import pytest

from frontlines.model import Block, Document, Event, Mention, Statement
from frontlines.store import Store, open_store
from tests.store.pgserver import PostgresUnavailable, ThrowawayPostgres

TABLES = ("documents, mentions, statements, events, event_corrections, cluster_overrides, cluster_override_members, "
          "event_anchors")


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"PostgreSQL unavailable: {reason} - CI must install it (scripts/install-system-deps)")
    pytest.skip(f"PostgreSQL unavailable: {reason}")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[ThrowawayPostgres | None]:
    """The session's throwaway cluster (None when FRONTLINES_TEST_POSTGRES_URL is used)."""
    if os.environ.get("FRONTLINES_TEST_POSTGRES_URL"):
        yield None
        return
    server = ThrowawayPostgres()
    try:
        server.start()
    except PostgresUnavailable as exc:
        _unavailable(str(exc))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def pg_database(pg_server: ThrowawayPostgres | None) -> str:
    """A migrated database for the session; tests get it emptied (see ``pg_url``)."""
    url = os.environ.get("FRONTLINES_TEST_POSTGRES_URL") or pg_server.create_database("frontlines_test")  # type: ignore[union-attr]
    open_store(url).close()  # migrate once
    return url


@pytest.fixture()
def pg_url(pg_database: str) -> str:
    import psycopg

    with psycopg.connect(pg_database, autocommit=True) as con:
        con.execute(f"TRUNCATE {TABLES} RESTART IDENTITY CASCADE")
    return pg_database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.sqlite")
    return str(request.getfixturevalue("pg_url"))


@pytest.fixture()
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as s:
        yield s


# -- hand-built records (no NLP) ----------------------------------------------------------------
def make_event(i: int, **kw: object) -> Event:
    base: dict[str, object] = dict(
        event_id=f"ev-{i}",
        event_date=(date(2019, 3, 31) + timedelta(days=i)).isoformat(),
        time_precision=1,
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Military Forces of Libya (2014-) Libyan National Army",
        actor1_id="lby.lna",
        actor2="Military Forces of Libya (2016-2021) Government of National Accord",
        actor2_id="lby.gna.forces",
        country="Libya",
        admin1="Tripoli",
        location="Tripoli",
        latitude=32.89,
        longitude=13.19,
        geo_precision=1,
        fatalities=i,
        source="Reuters",
        notes="Clashes in Tripoli.",
        modality="asserted",
        evidence={"start": 0, "end": 19},
        confidence=0.8,
        reason="trigger 'Clashes'",
        stage="frontlines.events@1",
    )
    base.update(kw)
    return Event(**base)  # type: ignore[arg-type]


def make_documents() -> list[Document]:
    """Two documents: a blog post with three events (one future), a wire story with a protest."""
    text = "Clashes in Tripoli. Drones struck Sirte. The LNA will attack Misrata."
    doc = Document(
        id="doc-1",
        text=text,
        title="Test report",
        published=date(2019, 4, 30),
        source="Test blog",
        url="https://example.org/1",
        format="html",
        blocks=[Block("body", 0, len(text), "author")],
        meta={"feed": "test", "tags": ["libya"]},
        stages=["frontlines.ingest@1", "frontlines.events@1"],
    )
    doc.statements = [
        Statement("Clashes in Tripoli.", 0, 19, source="Reuters", stage="s@1", reason="r"),
        Statement("Drones struck Sirte.", 20, 40, voice="quoted", speaker="a spokesman"),
        Statement("The LNA will attack Misrata.", 41, len(text), stance="prediction"),
    ]
    doc.mentions = [
        Mention(
            "Tripoli",
            11,
            18,
            "place",
            canonical="Tripoli",
            id="curated:tripoli",
            latitude=32.89,
            longitude=13.19,
            country="LY",
            feature="city",
            stage="places@1",
            reason="gazetteer",
        ),
        Mention("LNA", 45, 48, "actor", canonical="LNA", id="lby.lna", stage="actors@1", reason="alias"),
    ]
    doc.events = [
        make_event(1, document_id="doc-1"),
        make_event(
            2,
            document_id="doc-1",
            event_type="Explosions/Remote violence",
            sub_event_type="Air/drone strike",
            admin1="Sirte",
            location="Sirte",
            latitude=31.2,
            longitude=16.59,
            notes="Drones struck Sirte!",
            evidence={"start": 20, "end": 40},
            actor1="Military Forces of Turkey",
            actor1_id="tr.forces",
            source="Libya Observer",
            modality="claimed",
            speaker="a spokesman",
            fatalities_aggregate=True,
        ),
        make_event(
            3,
            document_id="doc-1",
            modality="future",
            admin1="Misrata",
            location="Misrata",
            latitude=32.38,
            longitude=15.09,
            notes="The LNA will attack Misrata.",
            evidence={"start": 41, "end": len(text)},
            date_fallback=True,
            location_anchor="Misrata",
        ),
    ]
    other = Document(
        id="doc-2", text="Protesters rallied in Benghazi.", title="Protest", published=date(2020, 8, 24), source="Wire"
    )
    other.events = [
        make_event(
            4,
            document_id="doc-2",
            event_type="Protests",
            sub_event_type="Peaceful protest",
            actor1="Protesters (Libya)",
            actor1_id="gen.protesters.LY",
            actor2=None,
            actor2_id=None,
            admin1="Benghazi",
            location="Benghazi",
            latitude=32.12,
            longitude=20.07,
            event_date="2020-08-23",
            notes="Protesters rallied in Benghazi.",
            source="AFP",
            evidence={"start": 0, "end": 31},
        )
    ]
    return [doc, other]


@pytest.fixture()
def filled(store: Store) -> Store:
    for doc in make_documents():
        store.add_document(doc)
    return store


def raw_sql(store_url: str, *statements: str) -> None:
    """SQL run beside the store as another writer would (an insert, an update, a delete, a cascade: foreign keys on
    in SQLite, as PostgreSQL always has them), for the tests that check what the store's triggers keep."""
    if store_url.startswith("postgresql"):
        import psycopg

        with psycopg.connect(store_url, autocommit=True) as con:
            for sql in statements:
                con.execute(sql)
        return
    con = sqlite3.connect(store_url, isolation_level=None)
    con.execute("PRAGMA foreign_keys = ON")
    for sql in statements:
        con.execute(sql)
    con.close()


@contextmanager
def query_plans(store: Any, *, with_params: bool = False,
                only: Callable[[str], bool] | None = None) -> Iterator[list[str]]:
    """Inside the block, the plan SQLite chooses for each query a SQLite store runs (the details of EXPLAIN QUERY
    PLAN, joined), in order; ``with_params`` ends each with " | " and the query's parameters; ``only`` keeps the
    queries it accepts. The store's own connection runs every query."""
    real, plans = store._con, []

    class Spy:
        def execute(self, sql: str, params: Any = ()) -> Any:
            if only is None or only(sql):
                plan = " ".join(r[3] for r in real.execute("EXPLAIN QUERY PLAN " + sql, params))
                plans.append(plan + (" | " + " ".join(map(str, params)) if with_params else ""))
            return real.execute(sql, params)

    store._con = Spy()
    try:
        yield plans
    finally:
        store._con = real
