"""The dashboard's count toggle (issue 13, deliverable 1) in headless Chromium: every report, or distinct events (the
same-event clusters kept at ingest) - the counts, the list, the map and the export links follow it, and the URL
keeps it."""

from __future__ import annotations

import pytest

from frontlines.analysis.update import refresh
from frontlines.store import open_store
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving


@pytest.fixture()
def analysed_url(fused_store_url: str) -> str:
    """ev-1 (Reuters, 1 dead) and ev-5 (Libya Observer, 2 dead) are two reports of one clash."""
    with open_store(fused_store_url) as store:
        refresh(store)
        clusters = store.clusters_of(["ev-1", "ev-5"])
    assert clusters["ev-1"] == clusters["ev-5"]
    return fused_store_url


@pytest.mark.browser
def test_the_count_toggle_switches_between_reports_and_distinct_events(analysed_url: str) -> None:
    with serving(analysed_url) as base, browser_page(base) as page:
        assert page.inner_text("#shown-count") == "4" and page.inner_text("#count-noun") == "events"
        page.select_option("#count-mode", "clusters")
        page.wait_for_function("() => document.querySelector('#shown-count').textContent === '3'")
        page.wait_for_selector("body[data-loaded=true]", state="attached")
        assert page.inner_text("#count-noun") == "distinct events"
        listed = page.eval_on_selector_all("#event-list li", "lis => lis.map(li => li.dataset.event)")
        assert sorted(listed) == ["ev-2", "ev-4", "ev-5"]  # the clash once, by its report with the higher toll
        assert page.inner_text("li[data-event=ev-5] .reports") == "2 reports"
        assert page.locator("li[data-event=ev-2] .reports").count() == 0
        assert "count=clusters" in page.url
        assert all("count=clusters" in href for href in
                   page.eval_on_selector_all("#exports a", "as => as.map(a => a.getAttribute('href'))"))
        page.screenshot(path=str(ARTIFACTS / "count-distinct-events.png"))
        page.reload()
        page.wait_for_selector("body[data-loaded=true]", state="attached")
        assert page.input_value("#count-mode") == "clusters" and page.inner_text("#shown-count") == "3"
        page.select_option("#count-mode", "")
        page.wait_for_function("() => document.querySelector('#shown-count').textContent === '4'")
        assert "count=" not in page.url
