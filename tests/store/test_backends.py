"""What differs per backend: opening errors, PostgreSQL migrations, PostGIS, indexes; and that both
backends give exactly the same answers to the same questions."""

from __future__ import annotations

import socket
import threading

import pytest

from frontlines.errors import ConfigurationError, MigrationError, StoreError
from frontlines.store import DocumentQuery, EventQuery, open_store
from tests.store.conftest import make_documents, make_event


# -- SQLite ---------------------------------------------------------------------------------------
def test_sqlite_refuses_a_file_that_is_not_a_database(tmp_path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("not a database at all, just some text\n" * 10)
    with pytest.raises(StoreError, match="is not a SQLite database; choose another --db path"):
        open_store(str(path))


# -- PostgreSQL without a server ------------------------------------------------------------------
def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_unreachable_postgres_says_which_url_and_what_to_check() -> None:
    url = f"postgresql://frontlines:s3cret@127.0.0.1:{_closed_port()}/events"
    with pytest.raises(StoreError) as info:
        open_store(url)
    message = str(info.value)
    assert "Cannot connect to PostgreSQL at postgresql://frontlines:***@127.0.0.1:" in message
    assert "server is running" in message and "s3cret" not in message


# -- PostgreSQL with a server ---------------------------------------------------------------------
@pytest.fixture()
def admin(pg_server):  # type: ignore[no-untyped-def]
    """The throwaway cluster, for tests that create databases and roles."""
    if pg_server is None:
        pytest.skip("needs the throwaway cluster (FRONTLINES_TEST_POSTGRES_URL is set)")
    return pg_server


_counter = iter(range(1, 10_000))


@pytest.mark.postgres
def test_migrations_are_recorded_and_run_once(pg_url: str) -> None:
    import psycopg

    from frontlines.store.postgres import MIGRATIONS

    with open_store(pg_url) as store:
        assert store.schema_version == len(MIGRATIONS) >= 1  # type: ignore[attr-defined]
    with psycopg.connect(pg_url) as con:
        rows = con.execute("SELECT version, name FROM frontlines_schema ORDER BY version").fetchall()
        assert rows == [(i + 1, name) for i, (name, _) in enumerate(MIGRATIONS)]
        con.execute("INSERT INTO frontlines_schema (version, name) VALUES (999, 'from the future')")
        con.commit()
    try:
        with pytest.raises(MigrationError, match="newer Frontlines.*upgrade Frontlines"):
            open_store(pg_url)
    finally:
        with psycopg.connect(pg_url, autocommit=True) as con:
            con.execute("DELETE FROM frontlines_schema WHERE version = 999")


@pytest.mark.postgres
def test_a_fresh_database_gets_postgis_and_the_schema(admin) -> None:  # type: ignore[no-untyped-def]
    url = admin.create_database(f"fresh_{next(_counter)}", postgis=False)
    with open_store(url) as store:  # superuser: PostGIS is enabled by the first migration
        store.add_document(make_documents()[0])
        assert store.search_events(EventQuery(bbox=(16.0, 30.0, 17.0, 32.0))).total == 1
    with open_store(url.replace("postgresql://", "postgresql+psycopg://")) as store:
        assert store.stats()["events"] == 3


@pytest.mark.postgres
def test_missing_postgis_permission_says_what_to_run(admin) -> None:  # type: ignore[no-untyped-def]
    role = f"analyst_{next(_counter)}"
    admin.create_role(role)
    url = admin.create_database(f"nogis_{next(_counter)}", postgis=False, owner=role)
    with pytest.raises(ConfigurationError, match="lacks PostGIS.*CREATE EXTENSION postgis"):
        open_store(url)


@pytest.mark.postgres
@pytest.mark.parametrize(
    ("query", "index"),
    [
        ("SELECT * FROM events e WHERE e.geom && ST_MakeEnvelope(13, 32, 14, 33, 4326)", "events_geom"),
        ("SELECT * FROM events e WHERE e.notes_tsv @@ plainto_tsquery('simple', 'drones')", "events_notes"),
        ("SELECT * FROM documents d WHERE d.tsv @@ plainto_tsquery('simple', 'drones')", "documents_tsv"),
        # both index the type for index-only counts (schema 2 covers the dashboard's aggregates: issue 12)
        ("SELECT count(*) FROM events e WHERE e.event_type_ci = 'battles'", "events_type_modality|events_summary"),
        ("SELECT * FROM events e WHERE e.actor1 ILIKE '%libyan%'", "events_actor1_name"),
        ("SELECT * FROM events e ORDER BY e.location ASC NULLS FIRST, e.rid LIMIT 5", "events_location"),
        ("SELECT * FROM events e ORDER BY e.event_date DESC NULLS LAST, e.rid LIMIT 5", "events_date"),
        ("SELECT * FROM events e ORDER BY e.fatalities DESC NULLS LAST, e.rid LIMIT 5", "events_fatalities"),
        ("SELECT * FROM events e ORDER BY e.confidence DESC NULLS LAST, e.rid LIMIT 5", "events_confidence"),
    ],
)
def test_filters_can_use_their_indexes(pg_url: str, query: str, index: str) -> None:
    import psycopg

    with open_store(pg_url) as store:
        store.add_documents(make_documents())
    with psycopg.connect(pg_url) as con:
        con.execute("SET enable_seqscan = off")
        plan = "\n".join(r[0] for r in con.execute(f"EXPLAIN {query}"))
    assert any(name in plan for name in index.split("|")), plan


@pytest.mark.postgres
def test_connections_are_reused_and_dead_ones_replaced(pg_url: str) -> None:
    import psycopg

    with open_store(pg_url) as store:
        first = store.stats() and store._con.info.backend_pid  # type: ignore[attr-defined]
    with open_store(pg_url) as store:
        assert store._con.info.backend_pid == first  # type: ignore[attr-defined]
    with psycopg.connect(pg_url, autocommit=True) as con:
        con.execute("SELECT pg_terminate_backend(%s)", (first,))
    with open_store(pg_url) as store:  # the pooled connection died: a new one, no error
        assert store._con.info.backend_pid != first and store.stats()["events"] == 0  # type: ignore[attr-defined]


@pytest.mark.postgres
def test_an_abandoned_stream_does_not_poison_the_pool(pg_url: str) -> None:
    with open_store(pg_url) as store:
        store.add_documents(make_documents())
        stream = store.iter_events(EventQuery())
        next(stream)  # left open inside its transaction
    with open_store(pg_url) as store:
        assert store.add_document(make_documents()[0]).added is False and store.stats()["events"] == 4


@pytest.mark.postgres
def test_concurrent_ingest_of_the_same_document_stores_it_once(pg_url: str) -> None:
    doc = make_documents()[0]
    results, errors = [], []

    def ingest() -> None:
        try:
            with open_store(pg_url) as store:
                results.append(store.add_document(doc).added)
        except StoreError as exc:  # pragma: no cover - the failure this test guards against
            errors.append(exc)

    threads = [threading.Thread(target=ingest) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and sorted(results) == [False, False, False, True]


@pytest.mark.postgres
def test_both_backends_answer_every_question_the_same(tmp_path, pg_url: str) -> None:
    answers = []
    for url in (str(tmp_path / "parity.sqlite"), pg_url):
        with open_store(url) as store:
            for doc in make_documents():
                store.add_document(doc)
            store.bulk_load_events(
                make_event(
                    i % 28 + 1,
                    event_id=f"b-{i}",
                    fatalities=i % 7,
                    latitude=30 + i % 5,
                    longitude=10 + i % 9,
                    modality=("asserted", "claimed", "future")[i % 3],
                    location=f"Town {i % 13}",
                    actor1_id=f"actor.{i % 6}",
                    actor1=f"Actor {i % 6}",
                    notes=f"Report {i % 4} of clashes near town {i % 13}",
                )
                for i in range(300)
            )
            answers.append(_questions(store))
    assert answers[0] == answers[1]


def _questions(store) -> list[object]:  # type: ignore[no-untyped-def]
    queries = [
        EventQuery(),
        EventQuery(sort="-fatalities", limit=50),
        EventQuery(actor="actor.3", sort="location"),
        EventQuery(actor="ACTOR 2"),
        EventQuery(bbox=(11, 31, 14, 33)),
        EventQuery(text="report 2 clashes"),
        EventQuery(modality="claimed,future", since="2019-04-10", until="2019-04-20", sort="-event_date"),
        EventQuery(place="town 1", sort="-location", offset=5),
        EventQuery(sort="-confidence", limit=7),
    ]
    out: list[object] = []
    for q in queries:
        page = store.search_events(q)
        out.append((page.total, [e.to_dict() for e in page.items]))
        out.append([e.event_id for e in store.iter_events(q)])
    out += [store.actors(), store.actors("actor"), store.places(), store.places("town 1"), store.stats()]
    out.append(store.search_documents(DocumentQuery(q="tripoli")).items)
    out.append(store.get_document("doc-1").to_dict())
    return out


# -- issue 14: concurrent first use, revisions, passwords never shown -------------------------------
def test_sixteen_concurrent_first_openers_of_a_new_sqlite_store_all_succeed(tmp_path) -> None:
    """The migration reads the schema version under the write lock: nobody creates the tables twice."""
    from frontlines.store.sqlite import MIGRATIONS

    for round_ in range(3):
        path = str(tmp_path / f"new-{round_}.sqlite")
        start, errors, versions = threading.Barrier(16), [], []

        def first_request(path: str = path, start: threading.Barrier = start, errors: list[str] = errors,
                          versions: list[tuple[int, int]] = versions) -> None:
            start.wait()
            try:
                with open_store(path) as store:
                    versions.append((store.stats()["documents"], store.schema_version))  # type: ignore[attr-defined]
            except StoreError as exc:  # pragma: no cover - the failure this test guards against
                errors.append(str(exc))

        threads = [threading.Thread(target=first_request) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == [] and versions == [(0, len(MIGRATIONS))] * 16


def test_the_switch_to_wal_waits_for_another_connection_that_holds_the_new_file(tmp_path) -> None:
    """SQLite refuses a journal-mode change at once ("database is locked") while another connection holds
    the file, without its busy handler: the store retries until the holder lets go, and then opens."""
    import sqlite3

    from frontlines.store.sqlite import _enter_wal

    path = tmp_path / "held.sqlite"
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE t (x)")
    opener = sqlite3.connect(path, timeout=0, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="locked"):
        opener.execute("PRAGMA journal_mode=WAL")  # what SQLite answers without the retry
    releaser = threading.Timer(0.3, lambda: holder.execute("COMMIT"))
    releaser.start()
    _enter_wal(opener, patience_s=10)
    releaser.join()
    assert opener.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    other = tmp_path / "held-long.sqlite"
    holder = sqlite3.connect(other, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("CREATE TABLE t (x)")
    with pytest.raises(sqlite3.OperationalError, match="locked"):  # patience has an end
        _enter_wal(sqlite3.connect(other, timeout=0, isolation_level=None), patience_s=0.05)
    holder.execute("ROLLBACK")


@pytest.mark.postgres
def test_concurrent_revisions_of_one_id_are_all_kept(pg_url: str) -> None:
    from frontlines.model import Document

    results, errors = [], []

    def ingest(i: int) -> None:
        try:
            with open_store(pg_url) as store:
                results.append(store.add_document(Document(id="report", text=f"Version {i} of the report.")))
        except StoreError as exc:  # pragma: no cover - the failure this test guards against
            errors.append(exc)

    threads = [threading.Thread(target=ingest, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and all(r.added for r in results)
    assert sorted(r.document_id for r in results) == ["report", "report~2", "report~3", "report~4"]
    with open_store(pg_url) as store:
        assert store.stats()["documents"] == 4


@pytest.mark.parametrize("url", [
    "postgresql://frontlines:s3cret@127.0.0.1:{port}/events?password=s3cret",
    "postgresql://frontlines@127.0.0.1:{port}/events?sslmode=disable&password=s3cret",
    "postgresql://frontlines:s3@cr@t@127.0.0.1:{port}/events",
])
def test_unreachable_postgres_never_shows_the_password(url: str) -> None:
    with pytest.raises(StoreError) as info:
        open_store(url.format(port=_closed_port()))
    message = str(info.value)
    assert "Cannot connect to PostgreSQL at postgresql://frontlines" in message
    assert "s3cret" not in message and "cr@t" not in message and "cr" not in message.split("127.0.0.1")[0]


@pytest.mark.postgres
def test_a_password_with_an_at_sign_is_read_whole(admin) -> None:  # type: ignore[no-untyped-def]
    """libpq alone would take 'ss@127.0.0.1' for the host and quote it back in its error."""
    import psycopg

    role = f"atsign_{next(_counter)}"
    admin.create_role(role)
    with psycopg.connect(admin.url(), autocommit=True) as con:
        con.execute(f"ALTER ROLE \"{role}\" PASSWORD 'p@ss'")
    database = admin.create_database(f"at_{next(_counter)}", owner=role)
    url = database.replace(f"{role}@", f"{role}:p@ss@")
    with open_store(url) as store:  # the server trusts loopback: it connects when the URL parses right
        assert store.stats()["documents"] == 0
        assert "p@ss" not in store.url and store.url.startswith(f"postgresql://{role}:***@127.0.0.1:")


@pytest.mark.postgres
def test_ingest_summary_and_errors_never_print_the_password(pg_url: str, pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from frontlines.cli import cli

    secret_url = pg_url.replace("postgres@", "postgres:s3cr@t@", 1) + "?application_name=fl&password=s3cr@t"
    text = tmp_path / "post.txt"
    text.write_text("Clashes near Sirte killed three fighters on Monday, officials said.\n", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "b", "text": "Clashes in Derna."}\n{not json\n', encoding="utf-8")
    runner = CliRunner()
    ok = runner.invoke(cli, ["--db", secret_url, "ingest", "-q", str(text)])
    failed = runner.invoke(cli, ["--db", secret_url, "ingest", "-q", str(bad)])
    assert ok.exit_code == 0 and "1 documents added" in ok.output, ok.output
    assert failed.exit_code == 2 and "line 2" in failed.output
    for output in (ok.output, failed.output):
        assert "s3cr" not in output and "***" in output


@pytest.mark.parametrize(("url", "shown"), [
    ("postgresql://fl:s3cret@db.example.org:5432/events", "postgresql://fl:***@db.example.org:5432/events"),
    ("postgresql://fl:s3@cr@t@db.example.org/events?sslmode=require",
     "postgresql://fl:***@db.example.org/events?sslmode=require"),
    ("postgresql://fl@db.example.org/events?password=s3cret&sslmode=require",
     "postgresql://fl@db.example.org/events?password=***&sslmode=require"),
    ("postgres://db.example.org/events?sslmode=require&password=s3cret",
     "postgres://db.example.org/events?sslmode=require&password=***"),
    ("host=db.example.org password=s3cret dbname=events", "host=db.example.org password=*** dbname=events"),
    ("postgresql://fl@db.example.org/events", "postgresql://fl@db.example.org/events"),
    ("frontlines.sqlite", "frontlines.sqlite"),
])
def test_store_urls_are_shown_without_passwords(url: str, shown: str) -> None:
    from frontlines.store.urls import libpq_url, redact_text, redact_url

    assert redact_url(url) == shown
    assert redact_text(f"error: cannot open {url} (refused); retry.") == f"error: cannot open {shown} (refused); retry."
    assert libpq_url("postgresql://fl:s3@cr@t@h/db") == "postgresql://fl:s3%40cr%40t@h/db"
