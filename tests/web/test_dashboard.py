"""The dashboard driven in real headless Chromium (Debian's chromium through Playwright).

Skips with a reason when Chromium or the npm-built assets are missing - except in CI (CI=true),
where a skip would hide a broken install, so it fails instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@contextlib.contextmanager
def serving(store_url: str) -> Iterator[str]:
    """The app over ``store_url`` on a real uvicorn server on a free loopback port: its base URL."""
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
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def browser_page(base: str, path: str = "/", width: int = 1400, height: int = 850) -> Iterator[Any]:
    """A headless Chromium page on ``base + path``, loaded; fails on page errors and CSP violations."""
    _require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": width, "height": height}, has_touch=width < 600)
        errors: list[str] = []
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        # issue 14: the pages run under the Content-Security-Policy; nothing of theirs may be refused by it
        page.on("console", lambda msg: errors.append(msg.text) if "Content Security Policy" in msg.text else None)
        page.goto(base + path)
        page.wait_for_selector("body[data-loaded=true]", state="attached", timeout=20_000)
        yield page
        assert not errors, errors
        browser.close()


@pytest.fixture()
def server(fused_store_url):
    with serving(fused_store_url) as base:
        yield base


@pytest.fixture()
def page(server):
    with browser_page(server) as page:
        yield page


def _boxes_overlap(a: dict, b: dict) -> bool:
    return (a["x"] < b["x"] + b["width"] and b["x"] < a["x"] + a["width"]
            and a["y"] < b["y"] + b["height"] and b["y"] < a["y"] + a["height"])


def _label_boxes(page) -> tuple[dict, list[dict]]:
    """The network's SVG box and the boxes of its visible labels (page coordinates)."""
    return page.evaluate("""() => {
      const box = (r) => ({x: r.x, y: r.y, width: r.width, height: r.height});
      const svg = document.getElementById("network-svg").getBoundingClientRect();
      const labels = [...document.querySelectorAll("#network-svg text.label")]
        .filter((t) => getComputedStyle(t).display !== "none")
        .map((t) => ({...box(t.getBoundingClientRect()), text: t.textContent}));
      return [box(svg), labels];
    }""")


def _assert_readable(svg: dict, labels: list[dict]) -> None:
    for label in labels:
        assert svg["x"] <= label["x"] and label["x"] + label["width"] <= svg["x"] + svg["width"] + 0.5, label
        assert svg["y"] <= label["y"] and label["y"] + label["height"] <= svg["y"] + svg["height"] + 0.5, label
    for i, a in enumerate(labels):
        for b in labels[i + 1:]:
            assert not _boxes_overlap(a, b), (a["text"], b["text"])


@pytest.mark.browser
def test_dashboard_shows_markers_and_filters_change_them(page) -> None:
    # default modalities: asserted, claimed, uncertain -> the future event is hidden
    assert page.get_attribute("#map", "data-events") == "4"
    assert page.locator("#event-list li").count() == 4
    page.select_option("#type-filter", "Protests")
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 1")
    page.wait_for_selector("#map[data-events='1']", state="attached")
    assert page.get_attribute("#map", "data-markers") == "1"
    assert "type=Protests" in page.url  # the URL keeps the filters
    assert "type=Protests" in page.get_attribute("#exports a[data-format=csv]", "href")
    page.select_option("#type-filter", "")
    page.check("input[value=future]")
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 5")
    page.wait_for_selector("body[data-loaded=true]", state="attached")
    assert page.inner_text("#shown-count") == "5" and page.inner_text("#page-label") == "1–5 of 5"


@pytest.mark.browser
def test_map_has_a_legend_of_types_and_sizes(page) -> None:
    legend = page.locator("#map-legend")
    assert legend.is_visible()
    text = legend.inner_text()
    for event_type in ("Battles", "Explosions/Remote violence", "Protests", "Strategic developments"):
        assert event_type in text
    assert "Fatalities" in text and legend.locator(".sizes svg").count() == 3
    radii = [float(r) for r in legend.locator(".sizes circle").evaluate_all("cs => cs.map(c => c.getAttribute('r'))")]
    assert radii == sorted(radii) and radii[0] < radii[-1]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "dashboard.png"))


@pytest.mark.browser
def test_filters_survive_a_reload_of_the_shared_url(page, server) -> None:
    page.goto(server + "/?type=Battles&modality=asserted&since=2019-04-01&until=2019-04-30")
    page.wait_for_selector("body[data-loaded=true]", state="attached")
    assert page.input_value("#type-filter") == "Battles" and not page.is_checked("input[value=claimed]")
    assert page.inner_text("#range-label") == "2019-04-01 → 2019-04-30"
    assert page.locator("#event-list li").count() == 2  # ev-1 and ev-5, the two reports of one clash
    href = page.get_attribute("#exports a[data-format=geojson]", "href")
    assert href.startswith("/api/export.geojson?") and "since=2019-04-01" in href and "modality=asserted" in href
    assert len(page.request.get(server + href).json()["features"]) == 2  # the export is what the list shows


@pytest.mark.browser
def test_clicking_a_list_item_opens_its_popup_on_the_map(page) -> None:
    page.locator("#event-list li", has_text="Air/drone strike").click()
    page.wait_for_selector(".leaflet-popup-content")
    assert "Air/drone strike" in page.inner_text(".leaflet-popup-content")


@pytest.mark.browser
def test_clicking_an_event_opens_its_document_with_highlights(page) -> None:
    page.select_option("#type-filter", "Explosions/Remote violence")
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 1")
    page.locator("#event-list li", has_text="Air/drone strike").locator("a.doc-link").click()
    page.wait_for_selector("#document-text")
    assert page.locator("#document-text mark.m-place").count() >= 1
    assert page.locator("#document-text mark.m-actor").count() >= 1
    assert page.locator("#document-text span.ev").count() >= 2
    assert page.evaluate("document.querySelector(':target').id") == "ev-2"  # the event's sentence is marked
    title = page.locator("#document-text span.ev").first.get_attribute("title")
    assert "trigger" in title
    assert "place: Tripoli" in page.locator("#document-text mark.m-place").first.get_attribute("title")
    assert page.locator(".doc-events li").count() == 3
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "document.png"), full_page=True)
    page.click("#back-link")
    page.wait_for_selector("body[data-loaded=true]", state="attached")
    assert page.input_value("#type-filter") == "Explosions/Remote violence"  # back where we were


@pytest.mark.browser
def test_event_view_lists_every_source(page, server) -> None:
    page.goto(server + "/events/ev-1")
    sources = page.locator("ul.sources li")
    assert sources.count() == 2
    assert "this report" in sources.nth(0).inner_text()
    other = sources.nth(1).inner_text()
    assert "Libya Observer" in other and "Tripoli fighting" in other and "2019-04-03" in other and "asserted" in other
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "event.png"), full_page=True)
    sources.nth(1).locator("a").first.click()
    page.wait_for_selector("#document-text")
    assert page.url.endswith("/documents/doc-3#ev-5")


@pytest.mark.browser
def test_network_is_readable_and_filters_by_actor(page) -> None:
    page.click("button[data-tab=network]")
    page.wait_for_selector("#network-svg[data-nodes]", state="attached")
    assert page.get_attribute("#network-svg", "data-nodes") == "3"
    assert page.get_attribute("#network-svg", "data-edges") == "2"
    assert page.locator("#network-legend").is_visible() and "hostile" in page.inner_text("#network-legend")
    svg, labels = _label_boxes(page)
    assert sorted(label["text"] for label in labels) == ["Government of National Accord forces", "Libyan National Army",
                                                          "Military Forces of Turkey"]
    _assert_readable(svg, labels)
    widths = {g: float(w) for g, w in page.locator("#network-svg line.edge").evaluate_all(
        "ls => ls.map(l => [l.dataset.weight, l.getAttribute('stroke-width')])")}
    assert widths["2"] > widths["1"]  # LNA-GNA (two reports) is drawn wider than Turkey-GNA
    assert page.locator("#network-svg .edge-group.kind-fights").count() == 2
    assert "Military Forces of Libya (2014-) Libyan National Army" in page.locator(
        "#network-svg .node[data-id='lby.lna'] title").text_content()  # the full name in the tooltip
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "network.png"))
    page.click("#network-svg .node[data-id='lby.lna'] circle")
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 2")
    assert "actor=lby.lna" in page.url and "tab=network" in page.url
    page.wait_for_selector("#network-svg .node.selected[data-id='lby.lna']", state="attached")


@pytest.mark.browser
def test_dense_network_labels_do_not_overlap(page) -> None:
    page.click("button[data-tab=network]")
    page.wait_for_selector("#network-svg[data-nodes]", state="attached")
    page.evaluate("""() => {
      const nodes = [], edges = [];
      for (let i = 0; i < 30; i++) nodes.push({id: `a${i}`, events: 30 - i,
        name: i % 3 ? `Military Forces of Country ${i} (2014-) Brigade Number ${i} of the Long Name`
                    : `Militia ${i} (Libya)`});
      for (let i = 1; i < 30; i++) edges.push({source: `a${i % 5}`, target: `a${i}`,
        kind: i % 4 ? "fights" : "supports", weight: 1 + (i % 6)});
      Network.draw(document.getElementById("network-svg"), {nodes, edges});
    }""")
    svg, labels = _label_boxes(page)
    assert len(labels) >= 24  # most labels fit; the rest show on hover
    _assert_readable(svg, labels)
    page.screenshot(path=str(ARTIFACTS / "network-dense.png"))


@pytest.mark.browser
def test_timeline_brush_filters_by_date(page) -> None:
    box = page.locator("#timeline").bounding_box()
    page.mouse.move(box["x"] + 2, box["y"] + 20)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * 0.5, box["y"] + 20)
    page.mouse.up()
    assert page.locator("#range-label").inner_text() != "all"
    # the 2019 events; the 2020 protest is outside (the server filters: the list is reloaded)
    page.wait_for_function("() => document.querySelectorAll('#event-list li').length === 3")
    assert "since=2019-0" in page.url


@pytest.mark.browser
def test_api_docs_render_offline_under_the_policy(server) -> None:
    """Issue 12: Swagger UI from the app's own files renders every endpoint; the browser reaches nothing else
    (any request off the server fails the test) and the page's policy refuses nothing."""
    with browser_page(server) as page:
        outside: list[str] = []
        page.on("request", lambda r: outside.append(r.url) if not r.url.startswith((server, "data:")) else None)
        page.goto(server + "/docs")
        page.wait_for_selector("body[data-loaded=true]", state="attached", timeout=20_000)
        page.wait_for_selector(".opblock-summary-path")
        paths = page.locator(".opblock-summary-path").all_inner_texts()
        assert any("/api/map" in p for p in paths) and any("/api/events" in p for p in paths)
        assert outside == []
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "docs.png"))
