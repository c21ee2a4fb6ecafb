"""The map re-frames to the results after a filter (issue 12, deliverable 2), in headless Chromium: a far-off
mis-placed report does not make it frame a continent, the server frames the results as Leaflet's fitBounds would and
answers with the buckets of the framed view in the same request (``/api/map?frame=WxH``), and the map asks for no
other view, neither when it has moved there nor after a filter that keeps the frame."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import Document, Event
from frontlines.store import open_store
from tests.web.test_dashboard import browser_page, serving

TOWNS = [("Tripoli", 32.89, 13.19), ("Misrata", 32.38, 15.09), ("Sirte", 31.2, 16.59), ("Benghazi", 32.12, 20.07)]


def _event(i: int, town: tuple[str, float, float], **kw: object) -> Event:
    base: dict[str, object] = dict(
        event_id=f"fr-{i}", document_id="frame", event_date=f"2019-05-{i % 28 + 1:02d}", time_precision=1,
        event_type="Battles" if i % 2 else "Protests", sub_event_type="Armed clash" if i % 2 else "Peaceful protest",
        actor1="Protesters (Libya)", country="Libya", location=town[0], latitude=town[1], longitude=town[2],
        geo_precision=1, fatalities=0, source="Test", notes=f"Report {i}.", modality="asserted",
        evidence={"start": 0, "end": 9}, reason="trigger 'test'")
    base.update(kw)
    return Event(**base)


@pytest.fixture()
def framed_store_url(tmp_path) -> str:
    """120 reports along Libya's coast (60 battles) and a battle placed in Oslo by mistake."""
    doc = Document(id="frame", text="Report 0.", title="Frame", published=date(2019, 5, 30))
    doc.events = [_event(i, TOWNS[i % len(TOWNS)]) for i in range(120)]
    doc.events.append(_event(121, ("Oslo", 59.91, 10.75), country="Norway"))
    url = str(tmp_path / "frame.sqlite")
    with open_store(url) as store:
        store.add_document(doc)
    return url


def _map_requests(page, action) -> list[str]:
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/map?" in r.url else None)
    action()
    page.wait_for_function("() => document.body.dataset.loaded === 'true'", timeout=15_000)
    page.wait_for_timeout(400)  # the map's moveend (150 ms later) would ask again here
    return asked


def test_a_filter_frames_the_results_ignoring_an_outlier_in_one_request(framed_store_url) -> None:
    with serving(framed_store_url) as base, browser_page(base, "/?at=3/45.0/0.0") as page:
        asked = _map_requests(page, lambda: page.select_option("#type-filter", "Battles"))
        zoom, lat, lon = page.evaluate("() => [state.map.getZoom(), state.map.getCenter().lat, state.map.getCenter().lng]")
        assert zoom >= 5 and 29 < lat < 35 and 11 < lon < 22, (zoom, lat, lon)  # Libya's coast, not Oslo too
        size = page.evaluate("() => { const s = state.map.getSize(); return `${s.x}x${s.y}`; }")
        assert len(asked) == 1 and f"frame={size}" in asked[0] and "type=Battles" in asked[0], asked  # nothing else
        # the frame is Leaflet's own fitBounds of the results' extent (20 px of padding, at most zoom 9)
        leaflet = page.evaluate("""async (url) => {
          const grid = await (await fetch(url)).json();
          const [w, s, e, n] = grid.extent, map = state.map;
          const bounds = L.latLngBounds([s - 0.5, w - 0.5], [n + 0.5, e + 0.5]);
          const zoom = Math.min(map.getBoundsZoom(bounds, false, L.point(40, 40)), 9);
          const middle = map.project(bounds.getSouthWest(), zoom).add(map.project(bounds.getNorthEast(), zoom)).divideBy(2);
          const c = map.unproject(middle, zoom);
          return [zoom, c.lat, c.lng];
        }""", asked[0])
        assert leaflet == [zoom, pytest.approx(lat, abs=1e-5), pytest.approx(lon, abs=1e-5)]
        assert int(page.get_attribute("#map", "data-events")) == 60  # Oslo's is out of view
        assert int(page.get_attribute("#map", "data-markers")) == 2  # the battles: Misrata and Benghazi
        # another filter with the same frame: the framing answer alone, under the new filters
        asked = _map_requests(page, lambda: page.select_option("#type-filter", ""))
        assert len(asked) == 1 and "frame=" in asked[0] and "type=" not in asked[0], asked
        assert page.evaluate("() => state.map.getZoom()") == zoom
        assert int(page.get_attribute("#map", "data-events")) == 120
        # moving the map asks for the buckets of the view it moved to
        asked = _map_requests(page, lambda: page.evaluate("() => state.map.setZoom(state.map.getZoom() - 2)"))
        assert len(asked) == 1 and f"zoom={zoom - 2}&view=" in asked[0], asked
