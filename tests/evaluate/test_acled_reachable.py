"""The ACLED location score's reachable ceiling (issue 11): does the note name a place within 25 km of the coded
point? Notes of our own."""

from __future__ import annotations

from frontlines.evaluate.acled import _names_a_place_near
from frontlines.knowledge.gazetteer import get_gazetteer


def test_a_note_naming_the_town_or_its_region_can_reach_the_point() -> None:
    gaz = get_gazetteer()
    maiduguri = (11.85, 13.16)
    assert _names_a_place_near("Gunmen attacked a market in Maiduguri on Monday.", *maiduguri, gaz)
    assert _names_a_place_near("Soldiers clashed with militants in Konduga LGA.", 11.65, 13.42, gaz)
    assert not _names_a_place_near("Gunmen attacked a market in Kano on Monday.", *maiduguri, gaz)
    assert not _names_a_place_near("gunmen attacked a village on monday.", *maiduguri, gaz)
