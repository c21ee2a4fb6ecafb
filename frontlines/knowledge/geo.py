"""Small geodesy helpers and the parser for relative place phrases ("70 km east of Sirte")."""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from frontlines import fastre

__all__ = ["BEARINGS", "NearbyPoints", "RelativePlace", "haversine_km", "offset_point", "parse_relative"]

EARTH_RADIUS_KM = 6371.0088
BEARINGS = {
    "north": 0.0, "northeast": 45.0, "east": 90.0, "southeast": 135.0,
    "south": 180.0, "southwest": 225.0, "west": 270.0, "northwest": 315.0,
}
_UNITS = {"km": 1.0, "kms": 1.0, "kilometres": 1.0, "kilometers": 1.0, "kilometre": 1.0, "kilometer": 1.0,
          "miles": 1.609344, "mile": 1.609344, "mi": 1.609344}
_DIRECTION = r"(?P<dir>(?:north|south)(?:[- ]?(?:east|west))?|east|west)(?:ern|ward|wards)?"
_DISTANCE = r"(?:(?:some|about|around|roughly|nearly|approximately|almost|over|more than|less than)\s+)?(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>km|kms|kilometres|kilometers|kilometre|kilometer|miles|mile|mi)\b"
_RELATIVE = fastre.compile(
    rf"(?:{_DISTANCE}\s+(?:\(\s*\d+\s*miles?\s*\)\s+)?)?(?:(?:to\s+the\s+)?{_DIRECTION}\s+of|"
    rf"(?P<near>near|outside|on the outskirts of|the outskirts of|outskirts of|close to|around|in the vicinity of|just outside)|"
    rf"(?P<from>from))\s+(?:the\s+(?:city|town|village|port|oil port|coastal city|capital)\s+(?:of\s+)?|the\s+)?(?P<anchor>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){{0,3}})$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class RelativePlace:
    distance_km: float | None
    bearing_deg: float | None
    anchor: str
    qualifier: str
    start: int
    end: int


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(min(1.0, a)))


class NearbyPoints:
    """Labelled points by 2-degree cell, for "is any point (not labelled ``excluding``) within ``km`` of here?":
    only the points of the cells a circle of ``km`` can reach are measured, with ``haversine_km``, so the
    answer is the one a scan over every point gives, at the cost of the few points nearby."""

    CELL = 2.0
    _COLUMNS = int(360 / CELL)
    _ROWS = int(180 / CELL)

    def __init__(self, points: Iterable[tuple[str, float, float]], excluding: str | None = None) -> None:
        self._cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
        self.excluding = excluding
        for label, lat, lon in points:
            self._cells.setdefault(self._cell(lat, lon), []).append((label, lat, lon))

    def _cell(self, lat: float, lon: float) -> tuple[int, int]:
        row = min(self._ROWS - 1, max(0, math.floor((lat + 90.0) / self.CELL)))
        return row, math.floor((lon + 180.0) / self.CELL) % self._COLUMNS

    def without(self, label: str) -> NearbyPoints:
        """The same points, those labelled ``label`` left out of every answer."""
        view = NearbyPoints(())
        view._cells, view.excluding = self._cells, label
        return view

    def any_within(self, lat: float, lon: float, km: float) -> bool:
        return any(label != self.excluding and haversine_km(lat, lon, plat, plon) < km
                   for cell in self._reach(lat, lon, km) for label, plat, plon in self._cells.get(cell, ()))

    def _reach(self, lat: float, lon: float, km: float) -> Iterator[tuple[int, int]]:
        """The cells holding every point within ``km`` of (lat, lon) (a margin kept for rounding)."""
        arc = km / EARTH_RADIUS_KM * 1.001
        dlat = math.degrees(arc)
        rows = range(self._cell(lat - dlat, 0.0)[0], self._cell(lat + dlat, 0.0)[0] + 1)
        widest = math.cos(math.radians(min(90.0, abs(lat) + dlat)))
        if widest <= math.sin(arc):  # the circle reaches a pole: every longitude
            columns: Iterable[int] = range(self._COLUMNS)
        else:
            dlon = math.degrees(math.asin(math.sin(arc) / widest))
            first, last = math.floor((lon - dlon + 180.0) / self.CELL), math.floor((lon + dlon + 180.0) / self.CELL)
            columns = range(self._COLUMNS) if last - first + 1 >= self._COLUMNS else \
                {c % self._COLUMNS for c in range(first, last + 1)}
        return ((row, column) for row in rows for column in columns)


def offset_point(lat: float, lon: float, km: float, bearing_deg: float) -> tuple[float, float]:
    """The point ``km`` away from (lat, lon) along ``bearing_deg`` (great circle)."""
    d = km / EARTH_RADIUS_KM
    b = math.radians(bearing_deg)
    p1, l1 = math.radians(lat), math.radians(lon)
    p2 = math.asin(math.sin(p1) * math.cos(d) + math.cos(p1) * math.sin(d) * math.cos(b))
    l2 = l1 + math.atan2(math.sin(b) * math.sin(d) * math.cos(p1), math.cos(d) - math.sin(p1) * math.sin(p2))
    return round(math.degrees(p2), 5), round((math.degrees(l2) + 540) % 360 - 180, 5)


def _bearing(direction: str) -> float:
    key = fastre.sub(r"[- ]", "", direction.lower())
    return BEARINGS[key]


def parse_relative(text: str) -> RelativePlace | None:
    """The relative-place phrase that ENDS ``text`` ("... 70 km east of Sirte"), or None."""
    m = _RELATIVE.search(text)
    if not m or m.group("from"):
        return None
    km = None
    if m.group("num"):
        km = float(m.group("num")) * _UNITS[m.group("unit").lower()]
    bearing = _bearing(m.group("dir")) if m.group("dir") else None
    qualifier = m.group("near") or (m.group("dir") or "")
    return RelativePlace(km, bearing, m.group("anchor"), qualifier.lower(), m.start(), m.end())
