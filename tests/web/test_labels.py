"""Place labels on the offline map (issue 12, deliverable 2): countries, admin1 regions and cities by population
rank per zoom, from the project's gazetteer (no tile server), drawn without overlaps in headless Chromium."""

from __future__ import annotations

import pytest

from frontlines.web.labels import LabelIndex, city_floor
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving

ROWS = [("country", "Libya", 27.0, 17.0, "LY", 6_000_000), ("city", "Tripoli", 32.89, 13.19, "LY", 1_150_000),
        ("city", "Benghazi", 32.12, 20.07, "LY", 650_000), ("admin1", "Sha'biyat Surt", 31.0, 16.5, "LY", 141_000),
        ("city", "Sirte", 31.2, 16.59, "LY", 128_000), ("city", "Brak", 27.55, 14.27, "LY", 6_000),
        ("country", "Tunisia", 34.0, 9.0, "TN", 11_000_000)]


def test_cities_by_population_rank_per_zoom() -> None:
    index = LabelIndex(sorted(ROWS, key=lambda r: -r[5]))
    libya = (9.0, 19.0, 26.0, 34.0)
    names = lambda zoom, view=libya: [(lab["kind"], lab["name"]) for lab in index.labels(view, zoom)]  # noqa: E731
    assert names(3) == [("country", "Tunisia"), ("country", "Libya")]
    assert names(4) == [("country", "Tunisia"), ("country", "Libya"), ("city", "Tripoli")]
    assert names(5) == [("country", "Tunisia"), ("country", "Libya"), ("city", "Tripoli"), ("city", "Benghazi"),
                        ("admin1", "Sha'biyat Surt")]
    assert ("city", "Sirte") in names(6) and ("city", "Brak") not in names(8)
    assert ("city", "Brak") in names(9, (14.0, 27.0, 14.5, 28.0))  # small towns only when zoomed in
    assert names(11) == [("city", "Tripoli"), ("city", "Benghazi"), ("city", "Sirte"), ("city", "Brak")]
    assert city_floor(2) > city_floor(5) > city_floor(8) > city_floor(12) > 0


def test_labels_api(client) -> None:
    from frontlines.errors import ConfigurationError
    from frontlines.web.labels import label_index

    try:
        label_index()
    except ConfigurationError as exc:
        pytest.skip(f"no gazetteer built ({exc}): scripts/bootstrap builds it")
    body = client.get("/api/labels", params={"zoom": 5, "view": "9,19,26,34"}).json()
    kinds = {lab["kind"] for lab in body["labels"]}
    names = {lab["name"] for lab in body["labels"]}
    assert kinds == {"country", "admin1", "city"} and {"Libya", "Tripoli"} <= names
    for bad in ({"zoom": 5}, {"zoom": 99, "view": "1,2,3,4"}, {"zoom": 5, "view": ""}, {"zoom": 5, "view": "1,2"}):
        response = client.get("/api/labels", params=bad)
        assert response.status_code == 422 and set(response.json()) == {"error"}


@pytest.mark.parametrize("width", [1400, 390])
def test_the_map_names_places_without_overlaps_in_chromium(fused_store_url, width: int) -> None:
    from frontlines.errors import ConfigurationError
    from frontlines.web.labels import label_index

    try:
        label_index()
    except ConfigurationError as exc:
        pytest.skip(f"no gazetteer built ({exc}): scripts/bootstrap builds it")
    with serving(fused_store_url) as base, browser_page(base, "/?at=6/31/15", width=width) as page:
        page.wait_for_function("() => Number(document.querySelector('#map').dataset.labels) > 3", timeout=15_000)
        texts = page.eval_on_selector_all(".place-label span", "els => els.map(e => e.textContent)")
        assert "Tripoli" in texts or "Libya" in texts
        boxes = page.eval_on_selector_all(".place-label span", "els => els.map(e => e.getBoundingClientRect())"
                                          ".map(r => ({x: r.x, y: r.y, w: r.width, h: r.height}))")
        overlapping = [(a, b) for i, a in enumerate(boxes) for b in boxes[i + 1:]
                       if a["x"] < b["x"] + b["w"] and b["x"] < a["x"] + a["w"] and a["y"] < b["y"] + b["h"]
                       and b["y"] < a["y"] + a["h"]]
        assert not overlapping
        page.screenshot(path=str(ARTIFACTS / f"map-labels-{width}.png"))
        # zoomed in to the level a click on a ring jumps to: still names on the map
        page.evaluate("() => { const m = document.querySelector('#map'); m.dataset.labels = '0'; }")
        page.keyboard.press("Escape")
        page.focus("#map")
        for _ in range(4):
            page.keyboard.press("Equal")
        page.wait_for_function("() => Number(document.querySelector('#map').dataset.labels) > 0", timeout=15_000)
