"""Where the dashboard's map frames a set of results (issue 12): the zoom and centre that Leaflet's ``fitBounds``
would choose for an extent on a map of a given size in pixels, and the area (the view, padded) whose buckets the
map then draws - computed beside the extent, so that the results' frame and its buckets come in one answer instead of
two requests one after the other. Web-mercator arithmetic as Leaflet's (EPSG:3857, 256-pixel tiles): the extent
widened by ``MARGIN_DEG`` each way, ``PADDING_PX`` in all (20 px each side), a whole zoom (rounded to 1/100 first, as
Leaflet's ``zoomSnap``), between the map's ``MIN_ZOOM`` and ``MAX_FRAME_ZOOM``."""

from __future__ import annotations

import math

__all__ = ["Frame", "frame", "latlng", "pixel"]

MARGIN_DEG = 0.5  # around the extent, so that one town is not framed at its street level
PADDING_PX = 40  # both sides together
MIN_ZOOM = 2  # the dashboard map's minZoom
MAX_FRAME_ZOOM = 9  # the closest a filter frames its results
VIEW_PAD = 0.25  # the buckets drawn: the view and a quarter of its size each way (dashboard.js loadMap)
MAX_LAT = 85.0511287798  # Leaflet's SphericalMercator

Frame = tuple[int, tuple[float, float], tuple[float, float, float, float]]  # zoom, (lat, lon), view


def pixel(lat: float, lon: float, zoom: float) -> tuple[float, float]:
    """Web-mercator pixel of a point at ``zoom`` (Leaflet's ``map.project``)."""
    size = 256 * 2.0**zoom
    sin = math.sin(math.radians(max(-MAX_LAT, min(MAX_LAT, lat))))
    return size * (lon + 180) / 360, size * (0.5 - math.log((1 + sin) / (1 - sin)) / (4 * math.pi))


def latlng(x: float, y: float, zoom: float) -> tuple[float, float]:
    """The point at a web-mercator pixel (Leaflet's ``map.unproject``): (lat, lon)."""
    size = 256 * 2.0**zoom
    lat = math.degrees(2 * math.atan(math.exp((0.5 - y / size) * 2 * math.pi)) - math.pi / 2)
    return lat, x / size * 360 - 180


def frame(extent: list[float] | tuple[float, ...], width: int, height: int) -> Frame:
    """The zoom, centre (lat, lon) and padded view [west, south, east, north] (clamped to the world) of the map,
    ``width`` x ``height`` pixels, framing ``extent`` ([west, south, east, north])."""
    west, south, east, north = (extent[0] - MARGIN_DEG, extent[1] - MARGIN_DEG, extent[2] + MARGIN_DEG,
                                extent[3] + MARGIN_DEG)
    x0, y0 = pixel(north, west, 0)
    x1, y1 = pixel(south, east, 0)
    room_x, room_y = max(width - PADDING_PX, 1), max(height - PADDING_PX, 1)
    scale = min(room_x / max(x1 - x0, 1e-9), room_y / max(y1 - y0, 1e-9))
    zoom = math.floor(round(math.log2(scale) * 100) / 100)
    zoom = max(MIN_ZOOM, min(MAX_FRAME_ZOOM, zoom))
    (ax, ay), (bx, by) = pixel(south, west, zoom), pixel(north, east, zoom)
    middle = ((ax + bx) / 2, (ay + by) / 2)
    center = latlng(*middle, zoom)
    top, left = latlng(middle[0] - width / 2, middle[1] - height / 2, zoom)
    bottom, right = latlng(middle[0] + width / 2, middle[1] + height / 2, zoom)
    pad_x, pad_y = (right - left) * VIEW_PAD, (top - bottom) * VIEW_PAD
    if right - left + 2 * pad_x >= 360:
        left, right, pad_x = -180.0, 180.0, 0.0
    view = (max(-180.0, left - pad_x), max(-90.0, bottom - pad_y), min(180.0, right + pad_x), min(90.0, top + pad_y))
    return zoom, center, view
