"""Issue 12 in real headless Chromium: the dashboard on more events than it used to load (the first 1,000,
oldest first, filtered in the browser). Counts, the list page, the timeline and the map come from the
server for any filter, and a shared URL - filters, dates, sort, page, map view - reproduces the view."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from frontlines.model import Event
from frontlines.store import EventQuery, open_store
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving

N = 3_000
TYPES = ("Battles", "Explosions/Remote violence", "Protests", "Violence against civilians")
SHOWN = "asserted,claimed,uncertain"


def _events(n: int) -> list[Event]:
    rng = random.Random(12)
    towns = [("Tripoli", 32.89, 13.19), ("Sirte", 31.2, 16.59), ("Benghazi", 32.12, 20.07), ("Derna", 32.76, 22.64),
             ("Sabha", 27.04, 14.43)]
    out = []
    for i in range(n):
        town, lat, lon = rng.choice(towns)
        day = date(2011, 1, 1) + timedelta(days=rng.randrange(3650))
        kind = rng.choice(TYPES)
        out.append(Event(event_id=f"big-{i}", event_date=day.isoformat(), time_precision=1, event_type=kind,
                         sub_event_type="Armed clash" if kind == "Battles" else "Other", actor1="Libyan National Army",
                         actor1_id="lby.lna", country="Libya", location=town, latitude=lat, longitude=lon,
                         geo_precision=1, fatalities=rng.choice((0, 0, 1, 3, 12)), source="Wire",
                         notes=f"Event {i} in {town}.", modality=rng.choice(("asserted", "claimed", "future")),
                         evidence={"start": 0, "end": 10}, reason="test"))
    return out


@pytest.fixture(scope="module")
def big_store_url(tmp_path_factory) -> str:
    url = str(tmp_path_factory.mktemp("big") / "big.sqlite")
    with open_store(url) as store:
        store.bulk_load_events(_events(N))
    return url


@pytest.fixture(scope="module")
def big_server(big_store_url):
    with serving(big_store_url) as base:
        yield base


def _expected(url: str, **filters) -> tuple[int, list[str]]:
    """Matches and the first page (newest first) as the store itself answers: what the CLI shows."""
    with open_store(url) as store:
        page = store.search_events(EventQuery(modality=SHOWN, sort="-event_date", limit=50, **filters))
        return store.counts(EventQuery(modality=SHOWN, **filters))["events"], [e.event_id for e in page.items]


def _list_ids(page) -> list[str]:
    return page.locator("#event-list li").evaluate_all("items => items.map(i => i.dataset.event)")


@pytest.mark.browser
def test_every_year_is_on_the_dashboard_newest_first(big_server, big_store_url) -> None:
    total, first_page = _expected(big_store_url)
    with browser_page(big_server) as page:
        assert page.inner_text("#shown-count") == f"{total:,}"
        assert _list_ids(page) == first_page  # the newest events of the store, not the oldest thousand
        assert page.inner_text("#page-label").startswith(f"1–50 of {total:,}")
        assert int(page.get_attribute("#map", "data-events")) == total  # the map's buckets hold every match
        labels = page.locator("#timeline .tick-label").evaluate_all("ts => ts.map(t => t.textContent)")
        assert "2012" in labels and "2020" in labels  # the whole span, 2011-2020
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "dashboard-3000.png"))


@pytest.mark.browser
def test_a_shared_url_reproduces_the_view(big_server, big_store_url) -> None:
    """The issue's case: a link for April-June 2019 showed 0 events while the CLI found them."""
    total, first_page = _expected(big_store_url, since="2019-04-01", until="2019-06-30", event_type="Battles")
    assert total > 0
    path = "/?type=Battles&since=2019-04-01&until=2019-06-30&at=7/31.5/17.0"
    with browser_page(big_server, path) as page:
        assert page.inner_text("#shown-count") == f"{total:,}" and _list_ids(page) == first_page[:50]
        assert page.inner_text("#range-label") == "2019-04-01 → 2019-06-30"
        assert page.evaluate("state.map.getZoom()") == 7
        center = page.evaluate("[state.map.getCenter().lat, state.map.getCenter().lng]")
        assert center == pytest.approx([31.5, 17.0], abs=0.01)
        assert page.inner_text("#type-counts").startswith("Battles")
        assert all(b["events"] for b in page.evaluate("state.timeline.bins"))


@pytest.mark.browser
def test_pages_and_sorting_come_from_the_server(big_server, big_store_url) -> None:
    with open_store(big_store_url) as store:
        second = [e.event_id for e in store.search_events(EventQuery(modality=SHOWN, sort="-event_date", limit=50, offset=50)).items]
        deadliest = store.search_events(EventQuery(modality=SHOWN, sort="-fatalities", limit=50)).items
    with browser_page(big_server) as page:
        page.click("#next-page")
        page.wait_for_function("() => document.getElementById('page-label').textContent.startsWith('51–100')")
        assert _list_ids(page) == second and "page=2" in page.url
        page.select_option("#sort", "-fatalities")
        page.wait_for_function("() => document.getElementById('page-label').textContent.startsWith('1–50')")
        assert _list_ids(page) == [e.event_id for e in deadliest] and "sort=-fatalities" in page.url
        page.reload()  # the URL holds page and sort
        page.wait_for_selector("body[data-loaded=true]", state="attached")
        assert page.input_value("#sort") == "-fatalities" and _list_ids(page) == [e.event_id for e in deadliest]


@pytest.mark.browser
def test_only_events_in_the_map_view(big_server, big_store_url) -> None:
    with browser_page(big_server, "/?at=9/32.89/13.19") as page:  # Tripoli only
        page.check("#in-view")
        page.wait_for_function("() => document.body.dataset.loaded === 'true' && location.search.includes('bbox=')")
        bbox = tuple(float(x) for x in page.evaluate("state.bbox").split(","))
        total, _ = _expected(big_store_url, bbox=bbox)
        assert page.inner_text("#shown-count") == f"{total:,}"
        places = page.locator("#event-list .when").all_inner_texts()
        assert places and all(t.endswith("Tripoli") for t in places)


@pytest.mark.browser
def test_phone_layout_has_a_usable_map_and_touch_brushing(big_server, big_store_url) -> None:
    """Issue 12: on a 390 px phone the map was a 50 px strip and the timeline could not be brushed by touch."""
    with browser_page(big_server, "/?at=5/29.0/17.0", width=390, height=844) as page:
        map_box = page.locator("#map").bounding_box()
        assert map_box["width"] >= 380 and map_box["height"] >= 320
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "dashboard-390.png"))
        box = page.locator("#timeline").bounding_box()
        cdp = page.context.new_cdp_session(page)
        y = box["y"] + 30
        for kind, x in (("touchStart", box["x"] + 12), ("touchMove", box["x"] + box["width"] * 0.3),
                        ("touchMove", box["x"] + box["width"] * 0.5), ("touchEnd", None)):
            points = [] if x is None else [{"x": x, "y": y}]
            cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})
        page.wait_for_function("() => location.search.includes('since=') && document.body.dataset.loaded === 'true'")
        since, until = page.input_value("input[name=since]"), page.input_value("input[name=until]")
        assert "2011-01-01" <= since < until <= "2016-12-31"
        total, _ = _expected(big_store_url, since=since, until=until)
        assert page.inner_text("#shown-count") == f"{total:,}"
