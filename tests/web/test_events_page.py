"""Issue 12: /events pages and sorts on the server, with the same filters as /api/events; its links keep them.
HTTP in-process on the hand-built store, then real Chromium on 3,000 events."""

from __future__ import annotations

import pytest

from frontlines.store import EventQuery, open_store
from tests.web.test_dashboard import ARTIFACTS, browser_page
from tests.web.test_dashboard_scale import big_server, big_store_url  # noqa: F401  (fixtures)

FILTERS = [{}, {"type": "Battles"}, {"actor": "Hifter"}, {"place": "sirte"}, {"q": "drones"},
           {"since": "2019-04-02", "until": "2019-04-30"}, {"bbox": "12,30,17,34"}, {"modality": "future"}]


@pytest.mark.parametrize("filters", FILTERS)
def test_events_page_filters_like_the_api(client, filters) -> None:
    api = client.get("/api/events", params=filters).json()
    page = client.get("/events.json", params=filters).json()
    assert [e["event_id"] for e in page["items"]] == [e["event_id"] for e in api["items"]]  # newest first
    assert page["total"] == api["total"]
    html = client.get("/events", params=filters).text
    assert all(f'data-event="{e["event_id"]}"' in html for e in api["items"])


def test_events_page_pages_and_sorts(client) -> None:
    first = client.get("/events.json", params={"limit": 2}).json()
    assert [e["event_id"] for e in first["items"]] == ["ev-4", "ev-3"] and first["links"]["prev"] is None
    second = client.get(first["links"]["next"]).json()
    assert [e["event_id"] for e in second["items"]] == ["ev-2", "ev-1"] and second["links"]["next"] is None
    assert second["links"]["prev"] == "/events.json?limit=2"
    by_dead = client.get("/events.json", params={"sort": "fatalities"}).json()
    assert [e["event_id"] for e in by_dead["items"]] == ["ev-1", "ev-2", "ev-3", "ev-4"]
    assert by_dead["links"]["sort"]["fatalities"] == "/events.json?sort=-fatalities"  # the sorted column reverses


def test_events_page_links_keep_the_filters(client) -> None:
    body = client.get("/events.json", params={"type": "Battles", "limit": 1, "sort": "-fatalities"}).json()
    assert body["filters"] == {"type": "Battles"}
    assert body["links"]["next"] == "/events.json?type=Battles&limit=1&sort=-fatalities&offset=1"
    html = client.get("/events", params={"type": "Battles", "since": "2019-04-01"}).text
    assert '<option selected>Battles</option>' in html and 'value="2019-04-01"' in html
    assert "/api/export.csv?type=Battles&amp;since=2019-04-01" in html  # the export is what the page lists


@pytest.mark.parametrize(("params", "problem"), [({"sort": "notes"}, "Cannot sort by 'notes'"),
                                                 ({"modality": "rumour"}, "modality 'rumour' is unknown"),
                                                 ({"since": "2019-13-01"}, "since '2019-13-01' is not a date"),
                                                 ({"offset": -1}, "offset")])
def test_events_page_refuses_bad_parameters(client, params, problem) -> None:
    response = client.get("/events.json", params=params)
    assert response.status_code in (400, 422) and problem in response.json()["error"]["message"]


@pytest.mark.browser
def test_events_page_in_chromium(big_server, big_store_url) -> None:  # noqa: F811
    with open_store(big_store_url) as store:
        def ids(**kw):  # type: ignore[no-untyped-def]
            return [e.event_id for e in store.search_events(EventQuery(limit=50, **kw)).items]
        newest, second = ids(sort="-event_date"), ids(sort="-event_date", offset=50)
        deadliest = ids(sort="-fatalities", event_type="Protests")
        total = store.search_events(EventQuery(event_type="Protests", total_limit=10_000)).total
    rows = "rows => rows.map(r => r.dataset.event)"
    with browser_page(big_server) as page:
        page.goto(big_server + "/events")
        assert page.locator("table.events tbody tr").evaluate_all(rows) == newest
        page.click("#next-page")
        page.wait_for_url("**/events?offset=50")
        assert page.locator("table.events tbody tr").evaluate_all(rows) == second
        page.select_option("select[name=type]", "Protests")
        page.click("#event-filters button[type=submit]")
        page.wait_for_url("**type=Protests**")
        assert page.inner_text("#events-total") == f"{total:,}"
        page.click("a.sort-link:has-text('Fatalities')")
        page.wait_for_url("**sort=-fatalities**")
        assert page.locator("table.events tbody tr").evaluate_all(rows) == deadliest
        assert "type=Protests" in page.url  # sorting keeps the filters
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "events.png"), full_page=False)
