"""Issue 14, "Security": links that cannot run script, bounded parameters with the one error body,
security headers on every response, a Host allow-list against DNS rebinding."""

from __future__ import annotations

import sqlite3
import threading

import pytest
from fastapi.testclient import TestClient

from frontlines.web.app import create_app
from frontlines.web.security import CSP

HEADERS = {"content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy"}


@pytest.fixture()
def hostile_url(store_url: str) -> str:
    """A store written before links were checked: doc-1 links to javascript:."""
    with sqlite3.connect(store_url) as con:
        con.execute("UPDATE documents SET url = 'javascript:alert(document.cookie)' WHERE id = 'doc-1'")
        con.execute("UPDATE documents SET url = 'https://example.org/2' WHERE id = 'doc-2'")
    return store_url


def test_a_javascript_url_is_never_rendered_as_a_link(hostile_url: str) -> None:
    with TestClient(create_app(hostile_url), base_url="http://127.0.0.1") as client:
        page = client.get("/documents/doc-1").text
        assert "javascript:" not in page and ">original</a>" not in page
        assert client.get("/documents/doc-1.json").json()["document"]["url"] is None
        assert client.get("/api/documents/doc-1").json()["document"]["url"] is None
        assert {d["id"]: d["url"] for d in client.get("/api/documents").json()["items"]} == {
            "doc-1": None, "doc-2": "https://example.org/2"}
        assert client.get("/api/events/ev-1").json()["sources"][0]["url"] is None
        safe = client.get("/documents/doc-2").text
        assert '<a href="https://example.org/2" rel="noopener noreferrer">original</a>' in safe


@pytest.mark.parametrize(("path", "parameter"), [
    ("/events?limit=-1", "limit"),
    ("/events.json?limit=0", "limit"),
    ("/api/events?limit=-1", "limit"),
    ("/api/events?offset=9223372036854775808", "offset"),
    ("/api/events?offset=99999999999999999999999999", "offset"),
    ("/api/events?offset=-1", "offset"),
    ("/api/documents?offset=9223372036854775808", "offset"),
    ("/api/events?total_limit=9223372036854775808", "total_limit"),
    ("/api/events?place=" + "x" * 50_000, "place"),
    ("/api/events?actor=" + "a" * 50_000, "actor"),
    ("/api/documents?q=" + "q" * 50_000, "q"),
    ("/api/places?q=" + "p" * 50_000, "q"),
    ("/api/actors?q=" + "p" * 50_000, "q"),
    ("/api/export.csv?place=" + "x" * 50_000, "place"),
])
def test_bad_paging_and_overlong_filters_are_clear_4xx_errors(client, path: str, parameter: str) -> None:
    response = client.get(path)
    assert response.status_code == 422, response.text[:200]
    body = response.json()
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}
    assert body["error"]["code"] == "invalid_parameter" and repr(parameter) in body["error"]["message"]
    assert len(response.content) < 2_000  # the 50,000 characters are not echoed back


def test_page_limits_are_capped(client) -> None:
    assert client.get("/events.json?limit=5000").status_code == 200  # a page shows at most 1,000 events
    assert client.get("/api/events?limit=1000").status_code == 200


@pytest.mark.parametrize("path", ["/", "/index.json", "/events", "/documents/doc-1", "/api/events", "/api/export.csv",
                                  "/static/app.css", "/no/such/page", "/api/events?limit=-1", "/docs"])
def test_security_headers_on_every_response(client, path: str) -> None:
    response = client.get(path)
    assert HEADERS <= set(response.headers), path
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    # issue 12: /docs too - Swagger UI is served by the app, so no CDN and no inline script are allowed anywhere
    assert response.headers["content-security-policy"] == CSP and "unsafe-inline" not in CSP.split("style-src")[0]


def test_pages_have_no_inline_script(client) -> None:
    """The policy allows scripts from the app's own files only: an inline <script> would not run."""
    for path in ("/", "/events", "/documents/doc-1", "/events/ev-1", "/docs"):
        html = client.get(path).text
        assert "<script>" not in html, path


@pytest.mark.parametrize("host", ["evil.example", "attacker.example:8000", "127.0.0.1.evil.example", "localhost.evil"])
def test_a_foreign_host_header_is_refused(store_url: str, host: str) -> None:
    with TestClient(create_app(store_url), base_url="http://127.0.0.1") as client:
        response = client.get("/api/stats", headers={"host": host})
    assert response.status_code == 400 and response.json()["error"]["code"] == "bad_host"
    assert HEADERS <= set(response.headers)


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:8000", "127.0.0.1:8000", "[::1]:8000", "localhost."])
def test_loopback_host_headers_are_served(store_url: str, host: str) -> None:
    with TestClient(create_app(store_url), base_url="http://127.0.0.1") as client:
        assert client.get("/api/stats", headers={"host": host}).status_code == 200


def test_the_bound_and_configured_hosts_are_served(store_url: str, monkeypatch) -> None:
    with TestClient(create_app(store_url, bind_host="10.1.2.3"), base_url="http://127.0.0.1") as client:
        assert client.get("/api/stats", headers={"host": "10.1.2.3:8000"}).status_code == 200
        assert client.get("/api/stats", headers={"host": "frontlines.lan"}).status_code == 400
    monkeypatch.setenv("FRONTLINES_ALLOWED_HOSTS", "frontlines.lan, Dash.Example.org")
    with TestClient(create_app(store_url), base_url="http://127.0.0.1") as client:
        assert client.get("/api/stats", headers={"host": "frontlines.lan"}).status_code == 200
        assert client.get("/api/stats", headers={"host": "dash.example.org:443"}).status_code == 200
        assert client.get("/api/stats", headers={"host": "evil.example"}).status_code == 400
    monkeypatch.setenv("FRONTLINES_ALLOWED_HOSTS", "*")
    with TestClient(create_app(store_url), base_url="http://127.0.0.1") as client:
        assert client.get("/api/stats", headers={"host": "anything.example"}).status_code == 200


def test_sixteen_concurrent_first_requests_to_a_new_store_all_succeed(tmp_path) -> None:
    app = create_app(str(tmp_path / "new.sqlite"))
    start, statuses = threading.Barrier(16), []
    with TestClient(app, base_url="http://127.0.0.1") as client:
        def first_request() -> None:
            start.wait()
            statuses.append(client.get("/api/stats").status_code)

        threads = [threading.Thread(target=first_request) for _ in range(16)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert statuses == [200] * 16


def test_an_unexpected_error_is_the_one_json_body(store_url: str) -> None:
    app = create_app(store_url)

    @app.get("/api/boom")
    def boom() -> None:
        raise RuntimeError("unexpected")

    with TestClient(app, base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        response = client.get("/api/boom")
    assert response.status_code == 500 and response.json()["error"]["code"] == "internal_error"
    assert HEADERS <= set(response.headers)
