"""The map re-frames to the results after a filter (issue 12, deliverable 2), in headless Chromium: a far-off
mis-placed report does not make it frame a continent, the buckets of the new view are asked for once (before the
map redraws for it, and not again when it has moved there), and a filter that keeps the frame asks for no new view."""

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
    page.evaluate("""() => {  // each view's buckets asked for: [the zoom asked, the map's zoom at that moment]
      window.mapAsked = [];
      const fetched = window.fetch;
      window.fetch = (url, ...rest) => {
        const zoom = /[/]api[/]map[?].*zoom=(\\d+)&view=/.exec(String(url));
        if (zoom) window.mapAsked.push([Number(zoom[1]), state.map.getZoom()]);
        return fetched(url, ...rest);
      };
    }""")
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/map?" in r.url else None)
    action()
    page.wait_for_function("() => document.body.dataset.loaded === 'true'", timeout=15_000)
    page.wait_for_timeout(400)  # the map's moveend (150 ms later) would ask again here
    return [u for u in asked if "zoom=2&" not in u and not u.endswith("zoom=2")]


def test_a_filter_frames_the_results_ignoring_an_outlier_and_asks_once(framed_store_url) -> None:
    with serving(framed_store_url) as base, browser_page(base, "/?at=3/45.0/0.0") as page:
        views = _map_requests(page, lambda: page.select_option("#type-filter", "Battles"))
        zoom, lat, lon = page.evaluate("() => [state.map.getZoom(), state.map.getCenter().lat, state.map.getCenter().lng]")
        assert zoom >= 5 and 29 < lat < 35 and 11 < lon < 22, (zoom, lat, lon)  # Libya's coast, not Oslo too
        assert len(views) == 1 and f"zoom={zoom}" in views[0], views  # asked once, for the new view
        # ... and asked while the map still showed the old view (before the redraw for the new one)
        assert page.evaluate("() => window.mapAsked") == [[zoom, 3]]
        assert int(page.get_attribute("#map", "data-events")) == 60  # Oslo's is out of view
        # another filter with the same frame: the view is not asked for again under the old filters, only the new
        views = _map_requests(page, lambda: page.select_option("#type-filter", ""))
        assert len(views) == 1 and "type=" not in views[0], views
        assert page.evaluate("() => state.map.getZoom()") == zoom
