"""Fault suite (issue 14, deliverable 7): every API and page parameter fuzzed with hypothesis - random
strings, huge and negative integers, odd dates and numbers - against the real app over a real SQLite store.
Whatever comes in: never a 500, never a traceback, and any refusal is the one JSON error body."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.store import open_store
from tests.web.conftest import build_documents, second_report

FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

FILTERS = ["actor", "place", "type", "sub_type", "modality", "source", "since", "until", "bbox", "q", "document",
           "count"]
PAGE = ["sort", "limit", "offset", "total_limit"]
ENDPOINTS: dict[str, list[str]] = {
    "/api/events": FILTERS + PAGE,
    "/api/counts": FILTERS + PAGE,
    "/api/timeline": FILTERS + PAGE + ["unit"],
    "/api/map": FILTERS + PAGE + ["zoom", "view"],
    "/api/network": FILTERS + PAGE,
    "/api/export.csv": FILTERS + PAGE,
    "/api/export.geojson": FILTERS,
    "/api/export.jsonl": FILTERS,
    "/api/documents": ["q", "source", "since", "until", "limit", "offset"],
    "/api/actors": ["q", "limit"],
    "/api/places": ["q", "limit"],
    "/api/stats": [],
    "/api/feeds": [],
    "/events": FILTERS + ["sort", "limit", "offset"],
    "/events.json": FILTERS + ["sort", "limit", "offset"],
    "/index.json": [],
    "/feeds.json": [],
}
PATHS = ["/api/events/{}", "/api/documents/{}", "/api/actors/{}", "/events/{}", "/events/{}.json", "/documents/{}",
         "/documents/{}.json"]

# text a URL can carry (no lone surrogates: they cannot be UTF-8 encoded by any client)
text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=80)
numbers = st.one_of(st.integers(-(2**70), 2**70), st.floats(allow_nan=True, allow_infinity=True)).map(str)
dates = st.one_of(st.dates().map(str), st.builds("{}-{:02d}-{:02d}".format, st.integers(-9999, 99999),
                                                 st.integers(0, 99), st.integers(0, 99)))
boxes = st.lists(numbers, min_size=0, max_size=6).map(",".join)
known = st.sampled_from(["Battles", "asserted", "asserted,claimed", "-event_date", "fatalities", "lby.lna", "Tripoli",
                         "2019-04-02", "13,32,14,33", "week", "auto", "0", "1", "100", "1000", "10000", "5", "-1",
                         "", " ", "%", "_", "'", '"', "\\", "\x00", "a" * 501, "9" * 30, "1e309", "NaN"])
value = st.one_of(known, text, numbers, dates, boxes)


def _documents() -> list[Any]:
    return [*build_documents(), second_report()]


@pytest.fixture(scope="module")
def fuzz_client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    url = str(tmp_path_factory.mktemp("fuzz") / "fuzz.sqlite")
    with open_store(url) as store:
        for doc in _documents():
            store.add_document(doc)
    # raise_server_exceptions=False: an unexpected failure must show up here as the 500 a user would get
    with TestClient(create_app(url), base_url="http://127.0.0.1", raise_server_exceptions=False) as client:
        yield client


def _check(response: Any, where: str) -> None:
    assert response.status_code < 500, f"{where}: {response.status_code} {response.text[:300]}"
    assert "Traceback" not in response.text, where
    if response.status_code >= 400:
        body = response.json()
        assert set(body) == {"error"} and set(body["error"]) == {"code", "message", "detail"}, (where, body)
        assert body["error"]["message"], where
    elif response.headers["content-type"].startswith("application/json"):
        json.loads(response.text)


@pytest.mark.parametrize("path", sorted(ENDPOINTS))
def test_every_parameter_fuzzed(fuzz_client, path: str) -> None:
    names = ENDPOINTS[path]

    @FUZZ
    @given(params=st.dictionaries(st.sampled_from(names or ["unknown"]), value, max_size=5))
    def run(params: dict[str, str]) -> None:
        _check(fuzz_client.get(path, params=params), f"{path}?{params!r}")

    run()


@pytest.mark.parametrize("template", PATHS)
def test_every_path_parameter_fuzzed(fuzz_client, template: str) -> None:
    @FUZZ
    @given(ident=st.one_of(text, known, st.sampled_from(["ev-1", "doc-1", "lby.lna", "ev-1/../..", "%2e%2e"])))
    def run(ident: str) -> None:
        from urllib.parse import quote

        _check(fuzz_client.get(template.format(quote(ident, safe=""))), f"{template} {ident!r}")

    run()


@pytest.mark.parametrize(("path", "params"), [
    ("/api/events", {"offset": str(2**63)}), ("/api/events", {"limit": "-1"}), ("/api/events", {"place": "x" * 50_000}),
    ("/api/map", {"zoom": "99"}), ("/api/map", {"zoom": "3", "view": "1,2,3"}), ("/api/events", {"since": "2019-02-30"}),
    ("/api/events", {"bbox": "nan,nan,nan,nan"}), ("/api/events", {"sort": "rid; DROP TABLE events"}),
    ("/events", {"limit": "0"}), ("/api/events", {"total_limit": "0"}), ("/api/timeline", {"unit": "day"}),
])
def test_known_bad_inputs_get_the_error_body(fuzz_client, path: str, params: dict[str, str]) -> None:
    response = fuzz_client.get(path, params=params)
    _check(response, f"{path} {params}")
    assert response.status_code in (400, 422), (path, params, response.status_code)


@pytest.mark.parametrize("q", ['"unterminated AND (x OR', "NEAR(a b)", "*", "title:x", "-", "a\x00b"])
def test_search_syntax_is_plain_words(fuzz_client, q: str) -> None:
    for path in ("/api/documents", "/api/events"):
        response = fuzz_client.get(path, params={"q": q})
        _check(response, f"{path} q={q!r}")
        assert response.status_code == 200
