"""Place labels for the dashboard's offline map (issue 12, deliverable 2), from the project's own gazetteer (GeoNames
cities, countries and admin1 regions from registry packages, ``knowledge/gazetteer.py``), so that no tile server is
needed: countries at the wide zooms, admin1 regions from zoom 5, and cities by population rank - the fewer and
bigger the wider the view. The browser places them and drops those that would overlap a more important one.

The labels are read from the gazetteer once per process (about 72,000 rows) into a grid of 1-degree cells; a
request picks the most populous places of each kind in its viewport.
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Annotated, Any

from fastapi import APIRouter, Query

from frontlines.errors import InvalidParameterError
from frontlines.store.base import MAX_FILTER_CHARS, MAX_ZOOM, Bbox, parse_bbox

__all__ = ["LabelIndex", "city_floor", "label_index", "router"]

router = APIRouter(prefix="/api")
_KINDS = ("country", "city", "admin1")  # the order of importance: a city keeps its name over its region
_LIMITS = {"country": 60, "admin1": 40, "city": 80}  # labels of each kind in one view, at most
_WIDE = 400.0  # square degrees: a view wider than this scans the places by population instead of the grid


def city_floor(zoom: int) -> int | None:
    """The smallest population of a city labelled at ``zoom`` (None: no cities)."""
    floors = {0: 5_000_000, 1: 5_000_000, 2: 3_000_000, 3: 1_500_000, 4: 700_000, 5: 250_000, 6: 100_000,
              7: 40_000, 8: 15_000}
    return floors.get(zoom, 5_000)


def _shows(kind: str, zoom: int) -> bool:
    if kind == "country":
        return zoom <= 7
    if kind == "admin1":
        return 5 <= zoom <= 10
    return True


class LabelIndex:
    """Places to label, by kind, most populous first, in a grid of 1-degree cells."""

    def __init__(self, rows: list[tuple[str, str, float, float, str, int]]) -> None:
        self.by_kind: dict[str, list[tuple[str, float, float, str, int]]] = {k: [] for k in _KINDS}
        self.cells: dict[tuple[str, int, int], list[int]] = defaultdict(list)  # (kind, x, y) -> positions
        for feature, name, lat, lon, country, population in rows:
            if feature not in self.by_kind:
                continue
            places = self.by_kind[feature]
            self.cells[(feature, int(lon // 1), int(lat // 1))].append(len(places))
            places.append((name, lat, lon, country, population or 0))

    def labels(self, view: Bbox, zoom: int) -> list[dict[str, Any]]:
        """The labels of a viewport at ``zoom``: the most important first (countries, cities, admin1; each by
        population), each with its kind, name, position, country and population."""
        out: list[dict[str, Any]] = []
        for kind in _KINDS:
            if not _shows(kind, zoom):
                continue
            floor = city_floor(zoom) if kind == "city" else 0
            for name, lat, lon, country, population in self._in_view(kind, view, floor or 0):
                out.append({"kind": kind, "name": name, "latitude": lat, "longitude": lon, "country": country,
                            "population": population})
        return out

    def _in_view(self, kind: str, view: Bbox, floor: int) -> list[tuple[str, float, float, str, int]]:
        west, south, east, north = view
        places = self.by_kind[kind]
        limit = _LIMITS[kind]
        if (east - west) * (north - south) > _WIDE:
            found = []
            for place in places:  # most populous first: a wide view stops early
                if place[4] < floor:
                    break
                if west <= place[2] <= east and south <= place[1] <= north:
                    found.append(place)
                    if len(found) == limit:
                        break
            return found
        positions = [i for x in range(int(west // 1), int(east // 1) + 1) for y in range(int(south // 1),
                                                                                          int(north // 1) + 1)
                     for i in self.cells.get((kind, x, y), ())]
        chosen = [places[i] for i in sorted(positions) if places[i][4] >= floor]
        return [p for p in chosen if west <= p[2] <= east and south <= p[1] <= north][:limit]


@lru_cache(maxsize=1)
def label_index() -> LabelIndex:
    """The labels of the gazetteer this process uses (it must be built: ``scripts/bootstrap``), read once."""
    from frontlines.knowledge.gazetteer import Gazetteer

    return LabelIndex(Gazetteer.open(build=False).label_rows())


@router.get("/labels", summary="Place labels for a map viewport and zoom, from the gazetteer (no tile server)")
def labels(zoom: Annotated[int, Query(ge=0, le=MAX_ZOOM, description="web-map zoom")],
           view: Annotated[str, Query(max_length=MAX_FILTER_CHARS,
                                      description="the viewport: min_lon,min_lat,max_lon,max_lat")],
           ) -> dict[str, Any]:
    box = parse_bbox(view, "view")
    if box is None:
        raise InvalidParameterError("view is empty; give the viewport as min_lon,min_lat,max_lon,max_lat.")
    return {"zoom": zoom, "city_floor": city_floor(zoom), "labels": label_index().labels(box, zoom)}
