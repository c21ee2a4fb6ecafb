"""The analysis API (issue 13): /api/ledger, /api/control, /api/relations over a real SQLite store analysed at
ingest, and every parameter fuzzed the way tests/faults fuzzes the rest of the API (never a 500, refusals in the
one error body)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from frontlines.analysis.update import refresh
from frontlines.store import open_store
from tests.faults.test_api_fuzz import FUZZ, _check, value
from tests.web.conftest import build_documents

ENDPOINTS = {
    "/api/ledger": ["speaker", "source", "kind", "subject", "since", "until", "due_until", "document", "as_of", "record",
                    "limit", "offset"],
    "/api/control": ["place", "date", "q", "limit"],
    "/api/relations": ["actor", "kind", "since", "until", "modality", "stated", "edges", "limit"],
    "/api/control/map": ["date"],
    "/api/clusters": ["event", "since", "until"],
}


@pytest.fixture(scope="module")
def client(tmp_path_factory):
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    url = str(tmp_path_factory.mktemp("analysis") / "a.sqlite")
    with open_store(url) as store:
        for doc in build_documents():
            store.add_document(doc)
        refresh(store)
    with TestClient(create_app(url), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


def test_the_ledger_judges_the_prediction_it_holds(client: Any) -> None:
    body = client.get("/api/ledger").json()
    (entry,) = [e for e in body["entries"] if "Misrata" in e["sentence"]]
    assert entry["kind"] == "prediction" and entry["outcome"] == "attack"
    assert entry["verdict"]["status"] == "open"  # no horizon stated, nothing reported since
    records = client.get("/api/ledger", params={"record": "source"}).json()["records"]
    assert records and records[0]["entries"] >= 1


def test_control_and_relations_answer(client: Any) -> None:
    assert client.get("/api/control").json() == {"places": []}  # no capture in these documents
    answer = client.get("/api/control", params={"place": "Tripoli", "date": "2019-04-02"}).json()
    assert answer["changes"] == 0 and answer["holder"] is None and "note" in answer
    relations = client.get("/api/relations", params={"actor": "lby.lna"}).json()
    assert {e["kind"] for e in relations["edges"]} == {"fighting"}
    assert relations["network"]["links"][0]["hostile"] is True


def test_clusters_answer(client: Any) -> None:
    counts = client.get("/api/clusters").json()
    assert counts["reports"] >= counts["events"] >= 1
    one = client.get("/api/clusters", params={"event": "ev-1"}).json()
    assert one["cluster_id"] and one["reports"][0]["event_id"] == "ev-1"
    assert client.get("/api/clusters", params={"event": "no-such-event"}).status_code == 404


@pytest.mark.parametrize(("path", "params"), [("/api/ledger", {"kind": "rumour"}), ("/api/ledger", {"record": "x"}),
                                              ("/api/ledger", {"since": "2019-02-30"}), ("/api/control", {"place": "x", "date": "soon"}),
                                              ("/api/relations", {"kind": "love"}), ("/api/ledger", {"limit": "0"})])
def test_bad_parameters_get_the_error_body(client: Any, path: str, params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    _check(response, f"{path} {params}")
    assert response.status_code in (400, 422)


@pytest.mark.parametrize("path", sorted(ENDPOINTS))
def test_every_parameter_fuzzed(client: Any, path: str) -> None:
    @FUZZ
    @given(params=st.dictionaries(st.sampled_from(ENDPOINTS[path]), value, max_size=5))
    def run(params: dict[str, str]) -> None:
        _check(client.get(path, params=params), f"{path}?{params!r}")

    run()
