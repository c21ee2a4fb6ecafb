"""The dashboard driven in real headless Chromium (Debian's chromium through Playwright).

Skips with a reason when Chromium or the npm-built assets are missing - except in CI (CI=true),
where a skip would hide a broken install, so it fails instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
VENDOR = Path(__file__).resolve().parents[2] / "frontlines" / "web" / "static" / "vendor" / "leaflet.js"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


def _require_browser() -> None:
    missing = [what for what, ok in (("chromium", CHROMIUM), ("dashboard assets (scripts/build-assets)", VENDOR.exists())) if not ok]
    if missing:
        message = f"missing {', '.join(missing)}"
        if os.environ.get("CI"):
            pytest.fail(message + " - CI must install them (scripts/install-system-deps, scripts/build-assets)")
        pytest.skip(message)


@pytest.fixture()
def server(store_url):
    import uvicorn

    from frontlines.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = uvicorn.Config(create_app(store_url), host="127.0.0.1", port=port, log_level="warning")
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(100):
        if srv.started:
            break
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(server):
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 1400, "height": 850})
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        page.goto(server + "/")
        page.wait_for_selector("body[data-loaded=true]", state="attached", timeout=20_000)
        yield page
        assert not errors, errors
        browser.close()


@pytest.mark.browser
def test_dashboard_shows_markers_and_filters_change_them(page) -> None:
    # default modalities: asserted, claimed, uncertain -> the future event is hidden
    assert page.get_attribute("#map", "data-markers") == "3"
    assert page.locator("#event-list li").count() == 3
    page.select_option("#type-filter", "Protests")
    page.wait_for_function("document.querySelectorAll('#event-list li').length === 1")
    assert page.get_attribute("#map", "data-markers") == "1"
    page.select_option("#type-filter", "")
    page.check("input[value=future]")
    page.wait_for_function("document.querySelectorAll('#event-list li').length === 4")
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))


@pytest.mark.browser
def test_clicking_an_event_opens_its_document_with_highlights(page) -> None:
    page.locator("#event-list li", has_text="Air/drone strike").click()
    page.wait_for_selector("#document-text")
    assert page.locator("#document-text mark.m-place").count() >= 1
    assert page.locator("#document-text span.ev").count() >= 2
    title = page.locator("#document-text span.ev").first.get_attribute("title")
    assert "trigger" in title


@pytest.mark.browser
def test_timeline_brush_filters_by_date(page) -> None:
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + 20)
    page.mouse.up()
    assert page.locator("#range-label").inner_text() != "all"
    assert page.locator("#event-list li").count() == 2  # the 2019 events; the 2020 protest is outside
