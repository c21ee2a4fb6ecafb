"""The map's control layer (issue 13, deliverable 2): /api/control/map answers who held each located place on a day,
and the dashboard colours those places by holder at the date under the time slider, contested ones in a dashed
ring, with a legend - over a real SQLite store, in headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.analysis.service import control_map
from frontlines.model import ControlChange
from frontlines.store import open_store
from tests.web.conftest import _fill, build_documents
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving


def _change(place: str, day: str, holder: str, doc: str, **kw: Any) -> ControlChange:
    spots = {"Sirte": (31.2, 16.59), "Derna": (32.77, 22.64), "Misrata": (32.38, 15.09)}
    lat, lon = spots.get(place, (None, None))
    base: dict[str, Any] = {"place": place, "date": day, "holder": holder, "kind": "capture", "document_id": doc,
                            "holder_id": f"id.{holder.lower()}", "latitude": lat, "longitude": lon, "country": "LY",
                            "evidence": f"{holder} took {place}."}
    base.update(kw)
    return ControlChange(**base)


@pytest.fixture()
def control_store(tmp_path) -> str:
    """Sirte: GNA from June 2016, LNA from September; Misrata: GNA (a statement); Derna: claimed by IS and by
    nobody else (contested); Wadi Zamzam: held, but never located."""
    url = _fill(str(tmp_path / "control.sqlite"), build_documents())
    with open_store(url) as store:
        store.save_analysis("doc-1", "test@1", [], [
            _change("Sirte", "2016-06-01", "GNA", "doc-1"),
            _change("Misrata", "2016-05-01", "GNA", "doc-1", kind="statement"),
            _change("Derna", "2016-07-01", "IS", "doc-1", modality="claimed"),
            _change("Wadi Zamzam", "2016-05-02", "GNA", "doc-1"),
        ], [])
        store.save_analysis("doc-2", "test@1", [], [_change("Sirte", "2016-09-01", "LNA", "doc-2", previous="GNA")], [])
    return url


def test_the_map_answer_gives_each_located_place_its_holder_on_the_day(control_store: str) -> None:
    with open_store(control_store) as store:
        july = control_map(store, "2016-07-15")
        october = control_map(store, "2016-10-01")
        before = control_map(store, "2016-01-01")
    held = {p["place"]: p for p in july["places"]}
    assert {k: (v["holder"], v["contested"]) for k, v in held.items()} == {
        "Sirte": ("GNA", False), "Misrata": ("GNA", False), "Derna": ("IS", True)}
    assert held["Sirte"]["since"] == "2016-06-01" and held["Sirte"]["latitude"] == 31.2
    assert july["unlocated"] == 1 and july["complete"]  # Wadi Zamzam: no coordinates
    assert july["holders"][0] == {"key": "id.gna", "holder": "GNA", "places": 2}
    assert {p["place"]: p["holder"] for p in october["places"]}["Sirte"] == "LNA"
    assert before["places"] == [] and before["holders"] == []
    with open_store(control_store) as store:
        cut = control_map(store, "2016-10-01", limit=2)  # the latest two changes: Sirte's capture by the LNA, Derna
    assert not cut["complete"] and {p["place"]: p["holder"] for p in cut["places"]} == {"Sirte": "LNA", "Derna": "IS"}


def test_the_api_serves_it_and_refuses_a_bad_date(control_store: str) -> None:
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    with TestClient(create_app(control_store), base_url="http://127.0.0.1") as client:
        body = client.get("/api/control/map", params={"date": "2016-10-01"}).json()
        assert body["date"] == "2016-10-01" and len(body["places"]) == 3
        bad = client.get("/api/control/map", params={"date": "June 2016"})
        assert bad.status_code == 422 and "YYYY-MM-DD" in bad.json()["error"]["message"]
        # a place's page links to the map's control layer at the date asked, centred on the place
        page = client.get("/control", params={"place": "Sirte", "date": "2016-07-15"}).text
        assert 'href="/?layer=control&amp;until=2016-07-15&amp;at=9/31.2/16.59"' in page
        assert 'id="on-the-map"' not in client.get("/control", params={"place": "Wadi Zamzam"}).text


def _places(page: Any) -> dict[str, dict[str, str]]:
    return page.eval_on_selector_all("path.control-place", """ps => Object.fromEntries(ps.map(p => [p.dataset.place,
      {holder: p.dataset.holder, fill: p.getAttribute('fill'), dash: p.getAttribute('stroke-dasharray') || '',
       contested: p.classList.contains('contested') ? 'yes' : 'no'}]))""")


@pytest.mark.browser
def test_the_dashboard_colours_places_by_holder_at_the_slider_date(control_store: str) -> None:
    with serving(control_store) as base, \
            browser_page(base, "/?layer=control&since=2016-01-01&until=2016-07-15&at=6/31.5/18") as page:
        page.wait_for_selector("#map[data-control-date='2016-07-15']", state="attached")
        july = _places(page)
        assert set(july) == {"Sirte", "Misrata", "Derna"}
        assert july["Sirte"]["fill"] == july["Misrata"]["fill"] != july["Derna"]["fill"]  # one colour per holder
        assert july["Derna"]["contested"] == "yes" and july["Derna"]["dash"] and not july["Sirte"]["dash"]
        legend = page.inner_text("#control-legend")
        assert "Control on 2016-07-15" in legend and "GNA" in legend and "IS" in legend and "contested" in legend
        assert "1 more place(s) without coordinates" in legend
        page.screenshot(path=str(ARTIFACTS / "control-layer-2016-07.png"))
        # the slider moves on: the end of the range is the layer's date
        page.evaluate("""() => { const f = document.getElementById('filters');
          f.elements.until.value = '2016-10-01'; f.dispatchEvent(new Event('change')); }""")
        page.wait_for_selector("#map[data-control-date='2016-10-01']", state="attached")
        october = _places(page)
        assert october["Sirte"]["holder"] == "LNA" and october["Sirte"]["fill"] != july["Sirte"]["fill"]
        assert october["Misrata"]["fill"] == july["Misrata"]["fill"]  # a holder keeps its colour
        assert "LNA" in page.inner_text("#control-legend")
        page.screenshot(path=str(ARTIFACTS / "control-layer-2016-10.png"))
        assert "layer=control" in page.url
        page.uncheck("#control-layer-toggle")
        page.wait_for_function("() => !document.querySelector('path.control-place')")
        assert page.locator("#control-legend").count() == 0 and "layer=control" not in page.url


@pytest.mark.browser
def test_the_layer_is_off_until_asked_for(control_store: str) -> None:
    with serving(control_store) as base, browser_page(base, "/?at=6/31.5/18") as page:
        assert page.locator("path.control-place").count() == 0
        page.check("#control-layer-toggle")
        page.wait_for_selector("path.control-place", state="attached")
        # no range: today's holders
        assert set(_places(page)) == {"Sirte", "Misrata", "Derna"} and "layer=control" in page.url
