"""The event's place among the places a report names (pipeline/event_places.py)."""

from __future__ import annotations

import re

import pytest

from frontlines.model import Document, Mention, Statement
from frontlines.pipeline.event_places import choose_place, stand_in_precision

# invented places: name -> (lat, lon, country, admin1, feature)
_AT = {
    "Korvan": (10.0, 20.0, "AA", "North", "city"),
    "Belmira": (10.5, 20.5, "AA", "North", "city"),
    "Tessaly": (11.0, 21.0, "AA", "South", "city"),
    "North Province": (10.2, 20.2, "AA", "North", "admin1"),
    "Oskar": (40.0, -3.0, "BB", "Far", "city"),
    "12 km north of Korvan": (10.11, 20.0, "AA", "North", "relative"),
}


def _doc(text: str, names: list[str]) -> Document:
    mentions, cursor = [], 0
    for name in names:
        start = text.index(name, cursor)
        lat, lon, country, admin1, feature = _AT[name]
        mentions.append(Mention(name, start, start + len(name), "place", canonical=name, id=f"x:{name}",
                                latitude=lat, longitude=lon, country=country, admin1=admin1, feature=feature,
                                geo_precision=1))
        cursor = start + len(name)
    sentences = [Statement(m.group(), m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text)]
    return Document(id="t", text=text, mentions=mentions, statements=sentences, meta={"country_focus": ["AA"]})


def _choose(text: str, names: list[str], trigger: str) -> str | None:
    doc = _doc(text, names)
    at = text.index(trigger)
    st = next(s for s in doc.statements if s.start <= at < s.end)
    m = choose_place(doc, st.start, st.end, (st.start, st.end), at, (-1, -1))
    return m.text if m else None


@pytest.mark.parametrize(("text", "names", "trigger", "place"), [
    # the trigger's locative complement, not the origin of the attackers
    ("Gunmen from Belmira attacked a market in Korvan.", ["Belmira", "Korvan"], "attacked", "Korvan"),
    # an affiliation is no place of the event
    ("A Belmira-based militia raided farms in Tessaly.", ["Belmira", "Tessaly"], "raided", "Tessaly"),
    # a destination of flight is not where the attack happened
    ("Villagers fled to Belmira after raiders burned houses in Korvan.", ["Belmira", "Korvan"], "burned", "Korvan"),
    # a town over the province that contains it
    ("Rebels shelled the army in North Province, near Korvan.", ["North Province", "Korvan"], "shelled", "Korvan"),
    # a namesake abroad loses to a place in the report's own country
    ("Protesters marched through Oskar and Tessaly.", ["Oskar", "Tessaly"], "marched", "Tessaly"),
    # a hotel named after a town stands in the town the sentence puts it in
    ("Men threw a grenade into the Belmira Hotel in Korvan town.", ["Belmira", "Korvan"], "threw", "Korvan"),
])
def test_the_event_place_is_where_the_event_happened(text: str, names: list[str], trigger: str, place: str) -> None:
    assert _choose(text, names, trigger) == place


def test_a_namesake_outside_its_stated_container_gives_way_to_the_container() -> None:
    text = "Fighters attacked a post in the Oskar area of Korvan district."
    assert _choose(text, ["Oskar", "Korvan"], "attacked") == "Korvan"


def test_a_place_far_from_its_relative_apposition_takes_the_relative_point() -> None:
    text = "A bomb exploded at Tessaly village (c. 12 km north of Korvan town) on the road."
    assert _choose(text, ["Tessaly", "12 km north of Korvan"], "exploded") == "12 km north of Korvan"


def test_a_list_of_towns_is_not_a_town_and_its_container() -> None:
    text = "Crowds blocked roads in Tessaly, Korvan and Belmira."
    assert _choose(text, ["Tessaly", "Korvan", "Belmira"], "blocked") == "Tessaly"


def test_a_clause_without_a_place_takes_the_most_specific_place_of_the_previous_sentence() -> None:
    text = "Troops deployed in the Belmira area of North Province. Later they clashed with rebels."
    assert _choose(text, ["Belmira", "North Province"], "clashed") == "Belmira"


def test_a_province_standing_for_an_unknown_district_has_district_precision() -> None:
    doc = _doc("Rebels attacked a post in Zarnak district, North Province.", ["North Province"])
    assert stand_in_precision(doc, doc.mentions[0]) == 2
    doc = _doc("Rebels attacked a post in North Province.", ["North Province"])
    assert stand_in_precision(doc, doc.mentions[0]) == 3


def test_a_town_near_its_province_keeps_its_place_when_the_province_record_is_off() -> None:
    # the gazetteer files Belmira under another province, but it lies near North Province's centre
    text = "Youths burned tyres in Belmira, North Province."
    doc = _doc(text, ["Belmira", "North Province"])
    doc.mentions[0].admin1 = "South"
    at = text.index("burned")
    assert choose_place(doc, 0, len(text), (0, len(text)), at, (-1, -1)).text == "Belmira"


def test_a_town_named_in_the_header_beats_the_country_of_an_organisation_name() -> None:
    _AT["AA Land"] = (10.3, 20.3, "AA", None, "country")
    text = "Korvan, North Province: gunmen attacked a post of the Mission in AA Land."
    assert _choose(text, ["Korvan", "North Province", "AA Land"], "attacked") == "Korvan"


def test_a_sentence_naming_only_the_province_keeps_the_town_told_before() -> None:
    text = "Police arrived in Belmira on Monday. Protesters clashed with police across North Province."
    assert _choose(text, ["Belmira", "North Province"], "clashed") == "Belmira"


def test_a_town_abroad_is_no_town_of_the_province() -> None:
    text = "Traders came from Oskar. Protesters clashed with police across North Province."
    assert _choose(text, ["Oskar", "North Province"], "clashed") == "North Province"


def test_the_capital_named_after_its_title_is_the_locative_place() -> None:
    text = "Lawyers held a rally about Belmira in the capital Korvan."
    assert _choose(text, ["Belmira", "Korvan"], "rally") == "Korvan"
