"""The watched feeds in the dashboard (issue 14, deliverable 2): /api/feeds, /feeds and its .json twin, the
page in real headless Chromium; states written through the store as ``frontlines watch`` writes them."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from frontlines.store import open_store
from frontlines.store.feeds import FeedState
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving

CHECKED = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture()
def feeds_store(store_url) -> str:
    with open_store(store_url) as store:
        store.save_feed_state(FeedState("http://127.0.0.1:8001/wire.xml", title="Test Wire", etag='"v3"', status="ok",
                                        http_status=200, last_checked=CHECKED, last_success=CHECKED,
                                        next_check=CHECKED + timedelta(minutes=15), entries=12, documents=11))
        store.save_feed_state(FeedState("http://127.0.0.1:8001/down.xml", status="error", http_status=500, failures=3,
                                        last_error="http://127.0.0.1:8001/down.xml: HTTP 500 Internal Server Error; "
                                                   "will retry.", last_checked=CHECKED,
                                        next_check=CHECKED + timedelta(minutes=4)))
    return store_url


def test_api_feeds_lists_each_feed_failing_first(client, feeds_store) -> None:
    data = client.get("/api/feeds").json()
    assert data["total"] == 2 and data["by_status"] == {"error": 1, "ok": 1}
    down, wire = data["items"]
    assert (down["status"], down["failures"], down["http_status"]) == ("error", 3, 500)
    assert "HTTP 500" in down["last_error"] and down["next_check"] == "2026-03-01T12:04:00+00:00"
    assert (wire["title"], wire["entries"], wire["documents"]) == ("Test Wire", 12, 11)
    assert client.get("/feeds.json").json() == data


def test_feeds_page_without_feeds_says_how_to_start(client) -> None:
    page = client.get("/feeds")
    assert page.status_code == 200 and "frontlines watch FEEDS" in page.text
    assert client.get("/api/feeds").json() == {"total": 0, "by_status": {}, "items": []}


@pytest.mark.browser
def test_feeds_page_in_chromium(feeds_store) -> None:
    with serving(feeds_store) as base, browser_page(base, "/feeds", width=1300, height=500) as page:
        rows = page.locator("#feeds-rows tr")
        assert rows.count() == 2
        assert rows.nth(0).get_attribute("data-status") == "error"
        assert "HTTP 500" in rows.nth(0).inner_text() and "Test Wire" in rows.nth(1).inner_text()
        assert page.inner_text("#feeds-summary") == "1 error · 1 ok"
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "feeds.png"), full_page=True)
        page.click("header nav a[href='/feeds']")
        page.wait_for_selector("body[data-loaded=true]", state="attached")
