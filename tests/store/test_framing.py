"""Issue 12: the map framing the results (``store.framing``, Leaflet's fitBounds arithmetic) and ``map_grid(frame=)``,
the framed view's buckets from one read: the same buckets as asking for that zoom and view, on both backends. That
the frame is Leaflet's own is checked in Chromium (tests/web/test_map_frame.py)."""

from __future__ import annotations

import random

import pytest

from frontlines.store import EventQuery, Store
from frontlines.store.framing import MAX_FRAME_ZOOM, MIN_ZOOM, PADDING_PX, frame, latlng, pixel
from tests.store.conftest import make_event

SIZES = ((1000, 600), (390, 300), (1400, 850))
EXTENTS = ((13.1, 32.8, 13.3, 32.95), (9.0, 19.0, 25.0, 33.5), (-170.0, -60.0, 170.0, 75.0), (20.0, 32.0, 20.0, 32.0),
           (2.8, 11.0, 32.9, 36.8))


def test_pixel_and_latlng_invert_each_other() -> None:
    for lat, lon in ((0.0, 0.0), (32.9, 13.2), (-45.5, 170.25), (80.0, -179.0)):
        for zoom in (0, 5, 9):
            assert latlng(*pixel(lat, lon, zoom), zoom) == pytest.approx((lat, lon), abs=1e-9)


@pytest.mark.parametrize("size", SIZES)
@pytest.mark.parametrize("extent", EXTENTS)
def test_the_frame_is_the_closest_zoom_that_shows_the_extent(extent: tuple[float, ...], size: tuple[int, int]) -> None:
    zoom, (lat, lon), view = frame(extent, *size)
    assert MIN_ZOOM <= zoom <= MAX_FRAME_ZOOM

    def span(z: int) -> tuple[float, float]:
        (x0, y0), (x1, y1) = pixel(extent[3] + 0.5, extent[0] - 0.5, z), pixel(extent[1] - 0.5, extent[2] + 0.5, z)
        return x1 - x0, y1 - y0

    fits = [w <= size[0] - PADDING_PX + 1e-6 and h <= size[1] - PADDING_PX + 1e-6 for w, h in map(span, (zoom, zoom + 1))]
    assert fits[0] or zoom == MIN_ZOOM
    assert not fits[1] or zoom == MAX_FRAME_ZOOM
    # centred on the extent, and the view (padded a quarter each way) holds it when it fits the map
    assert pixel(lat, lon, zoom) == pytest.approx(tuple((a + b) / 2 for a, b in zip(
        pixel(extent[1] - 0.5, extent[0] - 0.5, zoom), pixel(extent[3] + 0.5, extent[2] + 0.5, zoom), strict=True)), abs=1e-6)
    assert not fits[0] or view[0] <= extent[0] and view[1] <= extent[1] and view[2] >= extent[2] and view[3] >= extent[3]
    assert -180 <= view[0] < view[2] <= 180 and -90 <= view[1] < view[3] <= 90


def test_a_framed_grid_is_the_grid_of_its_view(store: Store) -> None:
    rng = random.Random(9)
    store.bulk_load_events([make_event(i, latitude=31 + rng.random() * 2, longitude=12 + rng.random() * 9,
                                       event_type=rng.choice(("Battles", "Protests")), modality="asserted")
                            for i in range(300)])
    for q in (EventQuery(), EventQuery(event_type="Battles"), EventQuery(place="nowhere")):
        for size in SIZES:
            framed = store.map_grid(q, 2, frame=size)
            if q.place:
                assert "frame" not in framed and framed["buckets"] == [] and framed["extent"] is None
                continue
            f = framed["frame"]
            asked = store.map_grid(q, f["zoom"], view=tuple(f["view"]))
            assert framed["buckets"] == asked["buckets"] and framed["events"] == asked["events"] > 0
            assert framed["extent"] == store.map_grid(q, 2)["extent"]  # the extent of every match
            assert (f["zoom"], f["center"]) == (frame(framed["extent"], *size)[0],
                                                [round(v, 6) for v in frame(framed["extent"], *size)[1]])
