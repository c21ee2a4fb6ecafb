"""Splitting and merging same-event clusters over HTTP and on the event page (issue 12, deliverable 4): writes need
the write token, bad input gets the one error body, the event page shows the analyst's cluster with its history and
Undo, and the buttons work in headless Chromium."""

from __future__ import annotations

import pytest

from frontlines.analysis.update import refresh
from frontlines.store import open_store
from tests.web.conftest import build_documents, second_report
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def analysed_url(tmp_path) -> str:
    """The web fixtures' documents and a second report of ev-1 (ev-5), analysed: ev-1 and ev-5 share a cluster."""
    url = str(tmp_path / "clusters.sqlite")
    with open_store(url) as store:
        for doc in [*build_documents(), second_report()]:
            store.add_document(doc)
        refresh(store)
    return url


@pytest.fixture()
def client(analysed_url, monkeypatch: pytest.MonkeyPatch):
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    monkeypatch.setenv("FRONTLINES_WRITE_TOKEN", TOKEN)
    with TestClient(create_app(analysed_url), base_url="http://127.0.0.1") as c:
        yield c


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    return body["error"]["message"]


def _reports(client, event_id: str) -> list[str]:
    return sorted(s["event_id"] for s in client.get(f"/api/events/{event_id}").json()["sources"])


def _distinct(client) -> int:
    return int(client.get("/api/counts", params={"count": "clusters", "modality": "asserted"}).json()["events"])


def test_split_merge_and_undo_over_http(client) -> None:
    assert _reports(client, "ev-1") == ["ev-1", "ev-5"]
    distinct = _distinct(client)
    made = client.post("/api/clusters/split", json={"analyst": "jane", "reason": "two fights that day",
                                                    "event": "ev-5"}, headers=AUTH)
    assert made.status_code == 201, made.text
    split = made.json()
    assert split["action"] == "split" and split["analyst"] == "jane" and split["moved"] == ["ev-5"]
    assert _reports(client, "ev-1") == ["ev-1"] and _reports(client, "ev-5") == ["ev-5"]
    assert _distinct(client) == distinct + 1  # the counts of distinct events follow the analyst's clusters
    assert [r["event_id"] for r in client.get("/api/clusters", params={"event": "ev-1"}).json()["reports"]] == ["ev-1"]
    merged = client.post("/api/clusters/merge", json={"analyst": "omar", "reason": "the same fight",
                                                      "event": "ev-1", "with": "ev-5"}, headers=AUTH).json()
    assert merged["action"] == "merge" and _reports(client, "ev-1") == ["ev-1", "ev-5"]
    listed = client.get("/api/cluster-overrides", params={"event": "ev-5"}).json()
    assert listed["total"] == 2 and [o["override_id"] for o in listed["items"]] == [merged["override_id"],
                                                                                     split["override_id"]]
    assert client.get(f"/api/cluster-overrides/{split['override_id']}").json()["reason"] == "two fights that day"
    message = _error(client.delete(f"/api/cluster-overrides/{split['override_id']}", params={"analyst": "jane"},
                                   headers=AUTH), 409, "conflict")
    assert "undo that one first" in message
    for record in (merged, split):
        undone = client.delete(f"/api/cluster-overrides/{record['override_id']}",
                               params={"analyst": "jane", "reason": "back as it was"}, headers=AUTH)
        assert undone.status_code == 200 and undone.json()["undone_by"] == "jane"
    assert _reports(client, "ev-1") == ["ev-1", "ev-5"] and _distinct(client) == distinct
    assert client.get("/api/cluster-overrides", params={"active": "true"}).json()["total"] == 0
    listed = client.get("/corrections").text  # the corrections page lists them too
    assert "Splits and merges of clusters" in listed and "two fights that day" in listed and "undone by jane" in listed
    assert client.get("/corrections.json", params={"active": "true"}).json()["cluster_overrides"]["total"] == 0


def test_writes_need_the_token(client, monkeypatch: pytest.MonkeyPatch) -> None:
    body = {"analyst": "jane", "reason": "why", "event": "ev-5"}
    _error(client.post("/api/clusters/split", json=body), 401, "unauthorized")
    _error(client.post("/api/clusters/split", json=body, headers={"Authorization": "Bearer nope"}), 401,
           "unauthorized")
    _error(client.delete("/api/cluster-overrides/1?analyst=jane"), 401, "unauthorized")
    monkeypatch.delenv("FRONTLINES_WRITE_TOKEN")
    _error(client.post("/api/clusters/merge", json={**body, "with": "ev-1"}, headers=AUTH), 403, "read_only")
    assert client.get("/api/cluster-overrides").json()["total"] == 0 and _reports(client, "ev-1") == ["ev-1", "ev-5"]


@pytest.mark.parametrize(("path", "body", "status", "code", "says"), [
    ("split", b"{nope", 422, "invalid_parameter", "not JSON"),
    ("split", b'{"analyst": "jane", "reason": "r"}', 422, "invalid_parameter", "event is required"),
    ("split", b'{"analyst": "jane", "reason": "r", "event": 5}', 422, "invalid_parameter", "event is required"),
    ("split", b'{"analyst": "jane", "reason": "r", "event": "ev-5", "x": 1}', 422, "invalid_parameter", "unknown key"),
    ("split", b'{"analyst": "jane", "reason": "r", "event": "ev-2"}', 409, "conflict", "only report"),
    ("split", b'{"analyst": "jane", "reason": "r", "event": "ev-3"}', 409, "conflict", "in no cluster"),
    ("split", b'{"analyst": "jane", "reason": "r", "event": "nope"}', 404, "not_found", "nope"),
    ("merge", b'{"analyst": "jane", "reason": "r", "event": "ev-1"}', 422, "invalid_parameter", "with is required"),
    ("merge", b'{"analyst": "jane", "reason": "r", "event": "ev-1", "with": "ev-5"}', 409, "conflict",
     "in one cluster"),
    ("merge", b'{"analyst": " ", "reason": "r", "event": "ev-1", "with": "ev-2"}', 422, "invalid_parameter",
     "analyst is required"),
])
def test_bad_splits_and_merges_get_the_one_error_body(client, path: str, body: bytes, status: int, code: str,
                                                      says: str) -> None:
    response = client.post(f"/api/clusters/{path}", content=body,
                           headers={**AUTH, "Content-Type": "application/json"})
    assert says in _error(response, status, code)
    assert client.get("/api/cluster-overrides").json()["total"] == 0
    _error(client.get("/api/cluster-overrides/7"), 404, "not_found")


def test_the_event_page_shows_the_cluster_its_history_and_nearby_clusters(client) -> None:
    page = client.get("/events/ev-1").text
    assert 'class="split" data-event="ev-5"' in page and "Cluster changes" not in page
    client.post("/api/clusters/split", json={"analyst": "jane", "reason": "two fights that day", "event": "ev-5"},
                headers=AUTH)
    page = client.get("/events/ev-1").text
    assert "<b>Split</b> by jane" in page and "two fights that day" in page and 'class="undo-override"' in page
    assert 'data-with="ev-5"' in page  # ev-5 is now a nearby report in another cluster: a merge candidate


def test_splitting_merging_and_undoing_in_chromium(analysed_url, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINES_WRITE_TOKEN", TOKEN)
    with serving(analysed_url) as base, browser_page(base, "/events/ev-1") as page:
        assert page.locator("ul.sources li[data-event]").count() == 2

        def sign(reason: str) -> None:
            page.fill("#analyst-name", "Jane Analyst")
            page.fill("#analyst-token", TOKEN)
            page.fill("#analyst-reason", reason)

        page.click("button.split[data-event='ev-5']")  # nobody signed: refused on the page, nothing sent
        assert "Give your name" in page.inner_text("#correct-status")
        sign("two fights that day")
        page.click("button.split[data-event='ev-5']")
        page.wait_for_selector("#cluster-overrides li.active")
        assert page.locator("ul.sources:not(#nearby-clusters) li[data-event]").count() == 1
        assert "Split by Jane Analyst" in page.inner_text("#cluster-overrides")
        page.screenshot(path=str(ARTIFACTS / "event-split-1400.png"), full_page=True)
        sign("the same fight after all")
        page.click("#nearby-clusters button.merge[data-with='ev-5']")
        page.wait_for_function("() => document.querySelectorAll('#cluster-overrides li.active').length === 2")
        assert page.locator("ul.sources:not(#nearby-clusters) li[data-event]").count() == 2
        page.fill("#analyst-token", "wrong")
        page.locator("button.undo-override").first.click()
        page.wait_for_function("() => document.querySelector('#correct-status').textContent.includes('write token')")
        for _ in range(2):  # the merge, then the split
            page.fill("#analyst-name", "Jane Analyst")
            page.fill("#analyst-token", TOKEN)
            with page.expect_navigation():  # the page reloads to show the stored result
                page.locator("#cluster-overrides li.active button.undo-override").first.click()
            page.wait_for_selector("body[data-loaded=true]", state="attached")
        assert page.locator("#cluster-overrides li.active").count() == 0
        assert page.locator("ul.sources:not(#nearby-clusters) li[data-event]").count() == 2
        assert page.inner_text("#cluster-overrides").count("undone by Jane Analyst") == 2
    with serving(analysed_url) as base, browser_page(base, "/events/ev-1", width=390, height=800) as page:
        page.screenshot(path=str(ARTIFACTS / "event-clusters-390.png"), full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth") <= 392


def test_split_and_merge_bodies_fuzzed(client) -> None:
    """Whatever JSON comes in: never a 500, any refusal is the one error body."""
    from hypothesis import given
    from hypothesis import strategies as st

    from tests.faults.test_api_fuzz import FUZZ, _check, value

    scalars = st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70), value,
                        st.sampled_from(["ev-1", "ev-2", "ev-5", "nope"]))
    bodies = st.fixed_dictionaries({}, optional={"analyst": scalars, "reason": scalars, "event": scalars,
                                                 "with": scalars, "extra": scalars})

    @FUZZ
    @given(body=bodies, path=st.sampled_from(["split", "merge"]), ident=value,
           params=st.dictionaries(st.sampled_from(["event", "active", "limit", "offset"]), value, max_size=3))
    def run(body: dict[str, object], path: str, ident: str, params: dict[str, str]) -> None:
        from urllib.parse import quote

        _check(client.post(f"/api/clusters/{path}", json=body, headers=AUTH), f"POST {path} {body!r}")
        _check(client.get("/api/cluster-overrides", params=params), f"GET {params!r}")
        _check(client.delete(f"/api/cluster-overrides/{quote(ident, safe='')}", params=params, headers=AUTH),
               f"DELETE {ident!r}")

    run()


def test_a_correction_over_http_reaches_relations_and_clusters(client) -> None:
    """The API corrects through analysis.corrected: the relations and the cluster that rested on the event follow."""
    def fought() -> list[str]:
        edges = client.get("/api/relations", params={"actor": "lby.lna"}).json()["edges"]
        return sorted(e["actor2"] for e in edges if e["event_id"] == "ev-1")

    assert fought() == ["Military Forces of Libya (2016-2021) Government of National Accord"]
    made = client.post("/api/events/ev-1/corrections", json={
        "analyst": "jane", "reason": "the militia fought them", "fields": {"actor2": "Tripoli Protection Force",
                                                                          "actor2_id": ""}}, headers=AUTH).json()
    assert fought() == ["Tripoli Protection Force"]
    assert _reports(client, "ev-1") == ["ev-1"]  # ev-5 names the GNA forces: no longer the same fight
    client.delete(f"/api/corrections/{made['correction_id']}", params={"analyst": "jane"}, headers=AUTH)
    assert fought() == ["Military Forces of Libya (2016-2021) Government of National Accord"]
    assert _reports(client, "ev-1") == ["ev-1", "ev-5"]
