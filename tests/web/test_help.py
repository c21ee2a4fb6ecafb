"""Help (issue 12, deliverable 5): every view has a "?" panel that says what it shows and how its figures are
made, opened from the keyboard; /help (and its .json twin) has them all and the codes."""

from __future__ import annotations

import pytest

from frontlines.web.help import CODES, TOPICS
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving

PAGES = {"/": ["filters", "list", "map", "network", "timeline"], "/events": ["events"], "/events/ev-1": ["event"],
         "/documents/doc-1": ["document"], "/ledger": ["ledger"], "/control": ["control"], "/feeds": ["feeds"],
         "/corrections": ["corrections"], "/actors": ["actors"]}


@pytest.mark.parametrize("path", sorted(PAGES))
def test_every_view_has_its_help_panel(client, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 200
    for topic in PAGES[path]:
        assert f'id="help-{topic}"' in page.text and f'aria-label="Help: {TOPICS[topic][0]}"' in page.text
    assert '<a href="/help">Help</a>' in page.text


def test_every_topic_is_on_a_page_and_on_the_help_page(client) -> None:
    assert {t for topics in PAGES.values() for t in topics} == set(TOPICS)
    data = client.get("/help.json").json()
    assert [v["topic"] for v in data["views"]] == list(TOPICS)
    assert [c["code"] for c in data["codes"]] == list(CODES)
    modalities = next(c for c in data["codes"] if c["code"] == "modality")["values"]
    assert [m["value"] for m in modalities] == ["asserted", "claimed", "uncertain", "negated", "future", "hypothetical"]
    page = client.get("/help").text
    for topic in TOPICS:
        assert f'id="{topic}"' in page
    assert "never a sum" in page and "5,000 dead since May" in page


@pytest.mark.parametrize("width", [1400, 390])
def test_help_panels_open_from_the_keyboard_in_chromium(fused_store_url, width: int) -> None:
    with serving(fused_store_url) as base, browser_page(base, "/", width=width, height=850) as page:
        assert not page.is_visible("#help-map .help-body")
        page.focus("#help-map summary")
        page.keyboard.press("Enter")
        page.wait_for_selector("#help-map .help-body", state="visible")
        assert "mean position" in page.inner_text("#help-map .help-body")
        box = page.locator("#help-map .help-body").bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width  # on the screen
        page.screenshot(path=str(ARTIFACTS / f"help-map-{width}.png"))
        page.keyboard.press("Enter")  # the same key closes it
        page.wait_for_selector("#help-map .help-body", state="hidden")
        # Tab reaches the filters' panel too, and its link leads to the help page's topic
        page.focus("#help-filters summary")
        page.keyboard.press(" ")
        page.wait_for_selector("#help-filters .help-body", state="visible")
        assert "tolls over a period" in page.inner_text("#help-filters .help-body")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.click("#help-filters a[href='/help#filters']")
        page.wait_for_selector("body[data-loaded=true]", state="attached")
        assert page.url.endswith("/help#filters") and page.is_visible("#code-modality")
