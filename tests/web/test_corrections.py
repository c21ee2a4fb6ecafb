"""Analyst corrections over HTTP and in the event page (issue 12, deliverable 4): writes need the write token,
bad input gets the one error body, a correction shows in the list, counts, map and exports, a rejected event
leaves them, and Undo brings the extraction back - in-process and in headless Chromium."""

from __future__ import annotations

import csv
import io

import pytest

from tests.web.test_dashboard import ARTIFACTS, browser_page, serving

TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def writable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINES_WRITE_TOKEN", TOKEN)


def _error(response, status: int, code: str) -> str:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"} and body["error"]["code"] == code
    return body["error"]["message"]


def test_without_a_token_the_server_is_read_only(client, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FRONTLINES_WRITE_TOKEN", raising=False)
    body = {"analyst": "jane", "reason": "why", "fields": {"fatalities": 3}}
    assert "read-only" in _error(client.post("/api/events/ev-1/corrections", json=body), 403, "read_only")
    monkeypatch.setenv("FRONTLINES_WRITE_TOKEN", TOKEN)
    assert "write token" in _error(client.post("/api/events/ev-1/corrections", json=body), 401, "unauthorized")
    wrong = {"Authorization": "Bearer nope"}
    _error(client.post("/api/events/ev-1/corrections", json=body, headers=wrong), 401, "unauthorized")
    _error(client.delete("/api/corrections/1?analyst=jane", headers=wrong), 401, "unauthorized")
    assert client.get("/api/corrections").json()["total"] == 0


@pytest.mark.parametrize(("body", "status", "code", "says"), [
    (b"{not json", 422, "invalid_parameter", "not JSON"),
    (b'{"analyst": "jane", "reason": "r", "fields": {"latitude": NaN}}', 422, "invalid_parameter", "not JSON"),
    (b"[1, 2]", 422, "invalid_parameter", "JSON object"),
    (b'{"analyst": "jane", "reason": "r", "fields": {"fatalities": -2}}', 422, "invalid_parameter", "whole number"),
    (b'{"analyst": "jane", "reason": "r", "fields": {"event_type": "Skirmish"}}', 422, "invalid_parameter",
     "unknown"),
    (b'{"analyst": "jane", "reason": "r", "fields": {"sub_event_type": "Peaceful protest"}}', 422,
     "invalid_parameter", "not a kind of 'Battles'"),
    (b'{"analyst": "jane", "reason": "r", "fields": {"notes": "x"}}', 422, "invalid_parameter", "cannot be corrected"),
    (b'{"analyst": "jane", "fields": {"fatalities": 2}}', 422, "invalid_parameter", "reason is required"),
    (b'{"analyst": "jane", "reason": "r", "fields": {"fatalities": 2}, "reject": true}', 422, "invalid_parameter",
     "not both"),
    (b'{"analyst": "jane", "reason": "r", "extra": 1}', 422, "invalid_parameter", "unknown key"),
])
def test_bad_corrections_get_the_one_error_body(client, writable, body: bytes, status: int, code: str,
                                                says: str) -> None:
    response = client.post("/api/events/ev-1/corrections", content=body,
                           headers={**AUTH, "Content-Type": "application/json"})
    assert says in _error(response, status, code)
    assert client.get("/api/events/ev-1").json()["event"]["correction"] is None


def test_unknown_events_and_corrections_are_not_found(client, writable) -> None:
    body = {"analyst": "jane", "reason": "why", "fields": {"fatalities": 3}}
    _error(client.post("/api/events/nope/corrections", json=body, headers=AUTH), 404, "not_found")
    _error(client.delete("/api/corrections/5?analyst=jane", headers=AUTH), 404, "not_found")
    _error(client.get("/api/corrections/5"), 404, "not_found")


def test_a_correction_shows_everywhere_and_undo_restores_the_extraction(client, writable) -> None:
    body = {"analyst": "jane", "reason": "a mob, not soldiers",
            "fields": {"event_type": "Riots", "sub_event_type": "Mob violence", "fatalities": 9, "location": "Janzour"}}
    made = client.post("/api/events/ev-1/corrections", json=body, headers=AUTH)
    assert made.status_code == 201, made.text
    record = made.json()
    assert record["extracted"]["event_type"] == "Battles" and record["changed"]["fatalities"] == {"from": 1, "to": 9}
    listed = client.get("/api/events", params={"type": "Riots"}).json()
    assert [e["event_id"] for e in listed["items"]] == ["ev-1"]
    item = listed["items"][0]
    assert (item["location"], item["fatalities"]) == ("Janzour", 9)
    assert item["correction"]["analyst"] == "jane" and item["correction"]["reason"] == "a mob, not soldiers"
    assert client.get("/api/counts", params={"type": "Riots"}).json()["events"] == 1
    buckets = client.get("/api/map", params={"zoom": 10, "type": "Riots"}).json()["buckets"]
    assert buckets[0]["event"]["correction"]["analyst"] == "jane"
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv", params={"type": "Riots"}).text)))
    assert rows[0]["event_type"] == "Riots" and '"analyst": "jane"' in rows[0]["correction"]
    assert client.get("/api/export.jsonl", params={"type": "Protests"}).text.count('"correction":null') == 1
    page = client.get("/events/ev-1")
    assert "Corrected</b> by jane" in page.text and "Janzour" in page.text
    assert "corrected by jane" in client.get("/events").text
    undone = client.delete(f"/api/corrections/{record['correction_id']}", params={"analyst": "omar"}, headers=AUTH)
    assert undone.status_code == 200 and undone.json()["undone_by"] == "omar"
    event = client.get("/api/events/ev-1").json()["event"]
    assert (event["event_type"], event["fatalities"], event["correction"]) == ("Battles", 1, None)
    _error(client.delete(f"/api/corrections/{record['correction_id']}", params={"analyst": "omar"}, headers=AUTH),
           409, "conflict")
    history = client.get("/api/corrections", params={"event": "ev-1"}).json()
    assert history["total"] == 1 and history["counts"] == {"corrected": 0, "rejected": 0, "orphaned": 0}
    listed = client.get("/corrections")
    assert listed.status_code == 200 and "undone by omar" in listed.text and "a mob, not soldiers" in listed.text
    assert client.get("/corrections.json", params={"active": "true"}).json()["total"] == 0
    assert client.get("/corrections.json", params={"active": "false"}).json()["items"][0]["analyst"] == "jane"


def test_not_an_event_is_left_out_and_can_be_undone(client, writable) -> None:
    total = client.get("/api/counts").json()["events"]
    made = client.post("/api/events/ev-4/corrections", json={"analyst": "jane", "reason": "never held",
                                                              "reject": True}, headers=AUTH).json()
    assert made["action"] == "reject"
    assert client.get("/api/counts").json()["events"] == total - 1
    assert "ev-4" not in {e["event_id"] for e in client.get("/api/events").json()["items"]}
    assert "ev-4" not in client.get("/api/export.jsonl").text
    assert client.get("/api/events/ev-4").status_code == 404
    page = client.get("/events/ev-4")  # the page stays, to say why and to undo
    assert page.status_code == 200 and "Not an event</b>, marked by jane" in page.text
    assert client.get("/events/ev-4.json").json()["rejected"] is True
    assert "0 corrected, 1 not events" in client.get("/").text
    assert "not an event</span>" in client.get("/corrections?active=true").text
    client.delete(f"/api/corrections/{made['correction_id']}", params={"analyst": "jane"}, headers=AUTH)
    assert client.get("/api/counts").json()["events"] == total


def test_correcting_and_undoing_in_chromium(fused_store_url, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINES_WRITE_TOKEN", TOKEN)
    with serving(fused_store_url) as base, browser_page(base, "/events/ev-4") as page:
        page.fill("#analyst-name", "Jane Analyst")
        page.fill("#analyst-token", TOKEN)
        page.fill("#analyst-reason", "the rally turned violent")
        page.click("#correct summary")
        page.select_option("#correct-form select[name=event_type]", "Riots")
        page.select_option("#correct-form select[name=sub_event_type]", "Violent demonstration")
        page.fill("#correct-form input[name=fatalities]", "2")
        page.click("#save-correction")
        page.wait_for_selector("#correction-note")
        note = page.inner_text("#correction-note")
        assert "Jane Analyst" in note and "fatalities" in note and "Riots" in note
        assert page.inner_text("h1").startswith("Violent demonstration")
        page.screenshot(path=str(ARTIFACTS / "event-corrected-1400.png"), full_page=True)
        # the dashboard lists it with its corrected values and says so
        page.goto(base + "/?type=Riots")
        page.wait_for_selector("body[data-loaded=true]", state="attached")
        page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 1")
        assert "corrected by Jane Analyst" in page.inner_text("#event-list li")
        # a wrong token is refused with the API's message, nothing changes
        page.goto(base + "/events/ev-4")
        page.fill("#analyst-name", "Jane Analyst")
        page.fill("#analyst-token", "wrong")
        page.click("button.undo")
        page.wait_for_function("() => document.querySelector('#correct-status').textContent.includes('write token')")
        # Undo with the right token: the extraction is back
        page.fill("#analyst-token", TOKEN)
        page.click("button.undo")
        page.wait_for_function("() => !document.querySelector('#correction-note')")
        assert page.inner_text("h1").startswith("Peaceful protest")
        assert "undone by Jane Analyst" in page.inner_text("#corrections")
        # not an event: gone from the dashboard's counts
        page.fill("#analyst-name", "Jane Analyst")
        page.fill("#analyst-token", TOKEN)
        page.fill("#analyst-reason", "a call to protest, not a protest")
        page.click("#correct summary")
        page.click("#reject-event")
        page.wait_for_selector("#correction-note.rejected")
        page.goto(base + "/")
        page.wait_for_selector("body[data-loaded=true]", state="attached")
        # 5 stored: the future event is not shown by default, and this one is not an event any more
        assert page.get_attribute("#map", "data-events") == "3"
        assert "1 not events" in page.inner_text("#corrections-link")


def test_correction_bodies_and_parameters_fuzzed(client, writable) -> None:
    """Whatever JSON comes in (and whatever list parameters): never a 500, any refusal is the one error body."""
    from hypothesis import given
    from hypothesis import strategies as st

    from tests.faults.test_api_fuzz import FUZZ, _check, value

    scalars = st.one_of(st.none(), st.booleans(), st.integers(-(2**70), 2**70),
                        st.floats(allow_nan=False, allow_infinity=False), value)
    names = st.sampled_from(["event_type", "sub_event_type", "fatalities", "latitude", "event_date", "modality",
                             "location", "fatalities_aggregate", "notes", "x"])
    bodies = st.fixed_dictionaries({}, optional={"analyst": scalars, "reason": scalars, "reject": scalars,
                                                 "fields": st.one_of(scalars, st.dictionaries(names, scalars))})

    @FUZZ
    @given(body=bodies, params=st.dictionaries(st.sampled_from(["event", "active", "limit", "offset"]), value,
                                               max_size=3), ident=st.one_of(value, st.just("ev-2")))
    def run(body: dict[str, object], params: dict[str, str], ident: str) -> None:
        from urllib.parse import quote

        _check(client.post(f"/api/events/{quote(ident, safe='')}/corrections", json=body, headers=AUTH),
               f"POST {ident!r} {body!r}")
        _check(client.get("/api/corrections", params=params), f"GET {params!r}")
        _check(client.delete(f"/api/corrections/{quote(ident, safe='')}", params=params, headers=AUTH),
               f"DELETE {ident!r}")

    run()


def test_an_orphaned_correction_is_shown_so_in_the_list_and_its_json_twin(store_url, writable) -> None:
    """A re-extraction that renumbers ev-1 (its sub-type coded anew) takes its correction along; one that no longer
    yields it leaves the correction listed as orphaned on /corrections, /corrections.json and /api/corrections -
    in-process and in headless Chromium."""
    import dataclasses

    from fastapi.testclient import TestClient

    from frontlines.analysis.corrected import reextract
    from frontlines.store import open_store
    from frontlines.web.app import create_app

    with TestClient(create_app(store_url), base_url="http://127.0.0.1") as client:
        made = client.post("/api/events/ev-1/corrections", json={"analyst": "jane", "reason": "a mob",
                                                                 "fields": {"fatalities": 6}}, headers=AUTH).json()
        with open_store(store_url) as store:
            doc = store.get_document("doc-1")
            doc.events = [dataclasses.replace(ev, event_id=f"{ev.event_id}-v2", sub_event_type="Armed clash")
                          for ev in doc.events]
            assert reextract(store, doc)["reattached"] == {"ev-1": "ev-1-v2"}
        moved = client.get("/api/events/ev-1-v2").json()["event"]
        assert moved["fatalities"] == 6 and moved["correction"]["analyst"] == "jane"
        assert client.get("/api/corrections", params={"orphaned": "true"}).json()["total"] == 0
        with open_store(store_url) as store:
            doc.events = [ev for ev in doc.events if ev.event_id != "ev-1-v2"]
            assert reextract(store, doc)["orphaned"] == ["ev-1-v2"]
        listed = client.get("/api/corrections", params={"orphaned": "true"}).json()
        assert [(c["correction_id"], c["orphaned"]) for c in listed["items"]] == [(made["correction_id"], True)]
        assert listed["counts"]["orphaned"] == 1
        twin = client.get("/corrections.json").json()
        assert twin["items"][0]["orphaned"] and twin["items"][0]["orphaned_at"]
        page = client.get("/corrections").text
        assert 'class="badge orphaned"' in page and 'href="/documents/doc-1"' in page
        assert client.get("/corrections", params={"orphaned": "false"}).text.count('class="badge orphaned"') == 0
    with serving(store_url) as base, browser_page(base, "/corrections") as page:
        row = page.locator(f"tr[data-correction='{made['correction_id']}']")
        assert "orphaned" in (row.get_attribute("class") or "") and "orphaned" in row.inner_text()
        assert page.inner_text("#orphaned-count") == "1"
        page.screenshot(path=str(ARTIFACTS / "corrections-orphaned-1400.png"), full_page=True)


def test_a_correction_whose_recompute_fails_is_refused_whole_over_http(client, store_url, writable) -> None:
    """The recompute fails for real (the database refuses cluster rows): the API answers the one error body and
    nothing of the correction is kept; once the failure is gone the same request goes through."""
    import sqlite3

    with sqlite3.connect(store_url) as con:
        con.execute("CREATE TRIGGER refuse_cluster BEFORE INSERT ON event_clusters BEGIN "
                    "SELECT RAISE(ABORT, 'cluster rows refused'); END")
    body = {"analyst": "jane", "reason": "a mob", "fields": {"fatalities": 6}}
    assert "cluster rows refused" in _error(client.post("/api/events/ev-1/corrections", json=body, headers=AUTH),
                                            500, "store")
    assert client.get("/api/corrections").json()["total"] == 0
    assert client.get("/api/events/ev-1").json()["event"]["fatalities"] == 1
    with sqlite3.connect(store_url) as con:
        con.execute("DROP TRIGGER refuse_cluster")
    assert client.post("/api/events/ev-1/corrections", json=body, headers=AUTH).status_code == 201
    assert client.get("/api/events/ev-1").json()["event"]["fatalities"] == 6
