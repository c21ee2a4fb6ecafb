"""The spatial index of the place stage (issue 14): the same answers as measuring every point."""

from __future__ import annotations

import random

from frontlines.knowledge.geo import NearbyPoints, haversine_km


def test_nearby_points_answer_as_a_scan_does_at_the_poles_and_the_antimeridian() -> None:
    rng = random.Random(14)
    spots = [(0.0, 0.0), (89.0, 10.0), (-88.5, -170.0), (10.0, 179.5), (-5.0, -179.8), (60.0, 30.0), (32.9, 13.2)]
    points = [(f"p{i}", lat + rng.uniform(-4, 4), lon + rng.uniform(-4, 4)) for i, (lat, lon) in
              enumerate(spots * 40)]
    points = [(label, max(-90.0, min(90.0, lat)), (lon + 180.0) % 360.0 - 180.0) for label, lat, lon in points]
    index = NearbyPoints(points)
    for label, lat, lon in points[:120]:
        for km in (50.0, 250.0, 600.0):
            view = index.without(label)
            expected = any(other != label and haversine_km(lat, lon, plat, plon) < km for other, plat, plon in points)
            assert view.any_within(lat, lon, km) is expected, (label, lat, lon, km)
    assert not NearbyPoints([]).any_within(0.0, 0.0, 250.0)
