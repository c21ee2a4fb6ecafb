"""The ledger and control pages (issue 13): HTML with .json twins built by the same view, in-process; then the
real pages in headless Chromium (a source's record opens its entries; a contested, reversed town)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from frontlines.model import ControlChange, Document, Event, LedgerEntry
from frontlines.store import open_store
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving


def _entry(i: int, **kw: Any) -> LedgerEntry:
    base = dict(entry_id=f"d1:{i}", document_id="d1", kind="prediction", sentence=f"The rebels will take Brega ({i}).",
                start=i, end=i + 5, said_on="2011-03-01", speaker="Rebel spokesman", source="Wire One",
                places=["Brega"], outcome="capture", due="2011-03-08", probability=0.8)
    base.update(kw)
    return LedgerEntry(**base)


def _fill(url: str) -> str:
    with open_store(url) as store:
        for doc_id, day in (("d1", date(2011, 3, 1)), ("d2", date(2011, 3, 4)), ("d3", date(2011, 3, 20))):
            store.add_document(Document(id=doc_id, text=f"Report {doc_id} on Brega.", published=day, source=f"Wire {doc_id}"))
        taken = Event(event_id="ev-taken", event_date="2011-03-04", time_precision=1, event_type="Battles",
                      sub_event_type="Non-state actor overtakes territory", location="Brega", document_id="d2",
                      actor1="Rebels", modality="asserted", notes="Rebels took Brega.")
        store.bulk_load_events([taken])
        store.save_analysis("d1", "t@1", [_entry(1), _entry(2, kind="denial", speaker="Army", outcome=None, due=None,
                                                                 probability=None, source="Wire Two",
                                                                 sentence="The army denied losing any town.")], [], [])
        changes = [ControlChange(place="Brega", date="2011-03-04", holder="Rebels", kind="capture", document_id="d2",
                                 event_id="ev-taken", evidence="Rebels took Brega."),
                   ControlChange(place="Brega", date="2011-03-05", holder="Army", kind="capture", document_id="d3",
                                 modality="claimed", evidence="The army said it holds Brega."),
                   ControlChange(place="Brega", date="2011-03-20", holder="Army", kind="capture", document_id="d3",
                                 evidence="Government troops recaptured Brega.")]
        store.save_analysis("d2", "t@1", [], changes, [])
    return url


@pytest.fixture()
def pages_url(tmp_path) -> str:
    return _fill(str(tmp_path / "pages.sqlite"))


@pytest.fixture()
def client(pages_url):
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    with TestClient(create_app(pages_url), base_url="http://127.0.0.1") as c:
        yield c


def test_ledger_page_and_its_twin(client) -> None:
    data = client.get("/ledger.json", params={"as_of": "2011-12-31"}).json()
    statuses = {e["kind"]: e["verdict"]["status"] for e in data["entries"]}
    assert statuses == {"prediction": "confirmed", "denial": "open"}
    assert {r["who"] for r in data["records"]["source"]} == {"Wire One", "Wire Two"}
    html = client.get("/ledger", params={"as_of": "2011-12-31"}).text
    assert 'data-status="confirmed"' in html and 'href="/events/ev-taken"' in html
    only = client.get("/ledger.json", params={"source": "Wire Two"}).json()
    assert [e["kind"] for e in only["entries"]] == ["denial"]
    assert client.get("/ledger", params={"kind": "rumour"}).status_code == 422


def test_control_page_and_its_twin(client) -> None:
    places = client.get("/control.json").json()["places"]
    assert places[0]["place"] == "Brega" and places[0]["changes"] == 3
    data = client.get("/control.json", params={"place": "brega", "date": "2011-03-10"}).json()
    assert [p["holder"] for p in data["periods"]] == ["Rebels", "Army"]
    assert data["periods"][0]["contested"] and data["holder"]["holder"] == "Army"
    html = client.get("/control", params={"place": "Brega", "date": "2011-03-10"}).text
    assert 'data-contested="true"' in html and "since 2011-03-05" in html


def test_the_pages_in_chromium(pages_url) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with serving(pages_url) as base:
        with browser_page(base, "/ledger?as_of=2011-12-31") as page:
            assert page.locator("#ledger-entries tr[data-status=confirmed]").count() == 1
            page.screenshot(path=str(ARTIFACTS / "ledger.png"), full_page=True)
            page.click("#records-by-source a.record-link >> text=Wire Two")
            page.wait_for_selector("body[data-loaded=true]", state="attached")
            assert "source=Wire" in page.url
            assert page.locator("#ledger-entries tr[data-entry]").count() == 1
        with browser_page(base, "/control") as page:
            page.click("a.place-link >> text=Brega")
            page.wait_for_selector("#control-periods tr[data-contested=true]")
            page.fill("input[name=date]", "2011-03-10")
            page.click("button[type=submit]")
            page.wait_for_selector("#holder-answer")
            assert "Army" in page.inner_text("#holder-answer")
            page.screenshot(path=str(ARTIFACTS / "control.png"), full_page=True)
