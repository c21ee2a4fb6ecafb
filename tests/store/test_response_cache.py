"""The API gives an answer again from memory while the store is unchanged, and never after a change, on both
stores (``web/cache.py``): a write by another connection (as ``frontlines ingest`` writes) and an analyst's
correction through the API each end the answers kept before them."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from frontlines.store import open_store
from frontlines.web.app import create_app
from tests.store.conftest import make_documents

TOKEN = "cache-test-token"


def _client(url: str) -> TestClient:
    return TestClient(create_app(url), base_url="http://127.0.0.1")


def _state(response) -> str:  # noqa: ANN001
    assert response.status_code == 200, response.text
    return response.headers["x-frontlines-cache"]


def test_an_answer_is_given_again_until_another_connection_writes(store_url: str) -> None:
    docs = make_documents()
    with open_store(store_url) as store:
        store.add_document(docs[0])
    with _client(store_url) as client:
        first = client.get("/api/events", params={"limit": 50})
        again = client.get("/api/events", params={"limit": 50})
        assert (_state(first), _state(again)) == ("miss", "hit")
        assert again.json() == first.json()
        assert _state(client.get("/api/events", params={"limit": 49})) == "miss"  # another question
        with open_store(store_url) as store:  # another connection
            for doc in docs[1:]:
                store.add_document(doc)
        after = client.get("/api/events", params={"limit": 50})
        assert _state(after) == "miss"
        assert after.json()["total"] > first.json()["total"]
        assert _state(client.get("/api/events", params={"limit": 50})) == "hit"


def test_a_correction_through_the_api_ends_the_answers_kept(store_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINES_WRITE_TOKEN", TOKEN)
    with open_store(store_url) as store:
        store.add_documents(make_documents())
    with _client(store_url) as client:
        before = client.get("/api/events/ev-1")
        assert _state(client.get("/api/events/ev-1")) == "hit"
        posted = client.post("/api/events/ev-1/corrections", headers={"Authorization": f"Bearer {TOKEN}"},
                             json={"analyst": "jane", "reason": "two sources", "fields": {"fatalities": 40}})
        assert posted.status_code in (200, 201), posted.text
        after = client.get("/api/events/ev-1")
        assert _state(after) == "miss"
        assert after.json() != before.json() and "40" in after.text


def test_errors_and_requests_with_a_token_are_not_kept(store_url: str) -> None:
    with open_store(store_url) as store:
        store.add_document(make_documents()[0])
    with _client(store_url) as client:
        for _ in range(2):
            assert client.get("/api/events/no-such-event").status_code == 404
        assert client.get("/api/events/no-such-event").headers["x-frontlines-cache"] == "miss"
        auth = {"Authorization": "Bearer anything"}
        assert "x-frontlines-cache" not in client.get("/api/stats", headers=auth).headers
        assert "x-frontlines-cache" not in client.get("/").headers  # pages are not kept, only /api/


def test_a_store_file_replaced_under_the_server_is_read_again(tmp_path) -> None:
    url = str(tmp_path / "replaced.sqlite")
    with open_store(url) as store:
        store.add_document(make_documents()[0])
    with _client(url) as client:
        one = client.get("/api/stats").json()
        assert _state(client.get("/api/stats")) == "hit"
        (tmp_path / "replaced.sqlite").unlink()
        for extra in tmp_path.glob("replaced.sqlite-*"):
            extra.unlink()
        with open_store(url) as store:
            store.add_documents(make_documents())
        after = client.get("/api/stats")
        assert _state(after) == "miss" and after.json() != one


def test_answers_older_than_the_limit_are_asked_again() -> None:
    from frontlines.web.cache import ResponseCache

    now = [0.0]
    calls = []

    async def app(scope, receive, send) -> None:  # noqa: ANN001
        calls.append(scope["path"])
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b"{}"})

    cache = ResponseCache(app, lambda: "same", max_age=30, clock=lambda: now[0])
    client = TestClient(cache)
    client.get("/api/stats")
    now[0] = 29.0
    client.get("/api/stats")
    now[0] = 31.0
    client.get("/api/stats")
    assert len(calls) == 2


def test_a_postgresql_position_that_cannot_be_read_turns_caching_off_for_a_while(monkeypatch) -> None:  # noqa: ANN001
    import psycopg

    from frontlines.web.cache import _PostgresGeneration

    tries = []
    real_connect = psycopg.connect

    def counting_connect(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202 - the real connect, counted
        tries.append(args)
        return real_connect(*args, **kwargs)

    monkeypatch.setattr(psycopg, "connect", counting_connect)
    generation = _PostgresGeneration("postgresql://nobody@127.0.0.1:1/nothing")  # nothing listens on port 1
    assert generation() is None
    assert generation() is None
    assert len(tries) == 1  # not a connection tried on every request


def test_an_answer_too_big_to_keep_passes_through_whole() -> None:
    from frontlines.web.cache import MAX_ENTRY, ResponseCache

    chunk, chunks, calls = b"x" * 4096, MAX_ENTRY // 4096 + 10, []

    async def app(scope, receive, send) -> None:  # noqa: ANN001 - streams a JSON answer over MAX_ENTRY
        calls.append(1)
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
        for i in range(chunks):
            await send({"type": "http.response.body", "body": chunk, "more_body": i < chunks - 1})

    client = TestClient(ResponseCache(app, lambda: "same"))
    for _ in range(2):
        response = client.get("/api/export")
        assert len(response.content) == len(chunk) * chunks and response.headers["x-frontlines-cache"] == "miss"
    assert len(calls) == 2
