"""Issue 11: where a country or a region stands (GeoNames' representative point where the box of its towns is far
from it), and which regions a bare name means."""

from __future__ import annotations

import pytest

from frontlines.knowledge.gazetteer import Gazetteer, get_gazetteer
from frontlines.knowledge.geo import haversine_km


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


@pytest.mark.parametrize(("name", "lat", "lon"), [
    ("Norway", 62.0, 10.0),  # YAML reads a bare NO as false: the curated point was lost
    ("Indonesia", -5.0, 120.0), ("Malaysia", 2.5, 112.5), ("Vietnam", 16.17, 107.83),
    ("England", 52.16, -0.70), ("Alaska", 64.0, -150.0), ("Hebei", 39.3, 116.6),
])
def test_representative_points(gaz: Gazetteer, name: str, lat: float, lon: float) -> None:
    match = gaz.resolve(name)
    assert match is not None
    assert haversine_km(match.place.latitude, match.place.longitude, lat, lon) < 5


def test_a_state_named_alone_is_the_state_unless_its_town_is_inside_it_or_the_capital(gaz: Gazetteer) -> None:
    wyoming = gaz.resolve("Wyoming", countries={"US": 1.0})
    assert wyoming is not None and wyoming.place.feature == "admin1"  # not Wyoming, Michigan
    washington = gaz.resolve("Washington", countries={"US": 1.0})
    assert washington is not None and washington.place.admin1 == "Washington, D.C."
    kandahar = gaz.resolve("Kandahar", countries={"AF": 1.0})
    assert kandahar is not None and kandahar.place.feature == "city"
