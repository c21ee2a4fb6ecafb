"""The event's place among the places a report names (pipeline/events/event_places.py)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from frontlines.model import Block, Document, Mention, Statement
from frontlines.pipeline.events.event_places import choose_place, stand_in_precision

# invented places: name -> (lat, lon, country, admin1, feature)
_AT = {
    "Korvan": (10.0, 20.0, "AA", "North", "city"),
    "Belmira": (10.5, 20.5, "AA", "North", "city"),
    "Tessaly": (11.0, 21.0, "AA", "South", "city"),
    "North Province": (10.2, 20.2, "AA", "North", "admin1"),
    "Oskar": (40.0, -3.0, "BB", "Far", "city"),
    "12 km north of Korvan": (10.11, 20.0, "AA", "North", "relative"),
    "Zedland": (35.0, -90.0, "ZZ", None, "country"),
    "Quorra": (31.0, 35.0, "QQ", "Q", "city"),
    "Somalia": (6.0, 46.0, "SO", None, "country"),
    "Avaria": (10.4, 20.4, "AA", None, "country"),
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
    return Document(id="t", text=text, mentions=mentions, statements=sentences, country_focus=["AA"])


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
    ("Forces loyal to the government in Belmira fought rebels to take the port of Korvan.", ["Belmira", "Korvan"],
     "fought", "Korvan"),
    ("The bomber drove into Korvan from the east, where the group has its stronghold in the city of Belmira.",
     ["Korvan", "Belmira"], "drove", "Korvan"),
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


def test_the_town_a_distance_is_measured_from_is_no_origin() -> None:
    # "10 km from X" places the event by X; it is not where the attackers came from
    text = "Raiders attacked a post 10 km from Korvan, North Province."
    assert _choose(text, ["Korvan", "North Province"], "attacked") == "Korvan"


def test_a_clause_naming_only_origins_and_destinations_defers_to_its_sentence() -> None:
    text = "A convoy moving from Belmira to Tessaly, was hit by a bomb at Korvan village."
    doc = _doc(text, ["Belmira", "Tessaly", "Korvan"])
    comma = text.index(",")
    m = choose_place(doc, 0, comma, (0, len(text)), text.index("convoy"), (-1, -1))
    assert m is not None and m.text == "Korvan"


_AT["Vessa"] = (11.0, 20.0, "AA", "North", "city")  # some 110 km from Korvan, in the same province


def test_a_town_named_with_a_far_capital_of_its_own_province_keeps_its_place() -> None:
    # "A, B" where B is the town the province is named after: A lies in that province, however far from B
    assert _choose("Three rebels were killed near Korvan, Vessa.", ["Korvan", "Vessa"], "killed") == "Korvan"
    # a namesake that lies in another province still gives way to the container
    assert _choose("Three rebels were killed near Korvan, Tessaly.", ["Korvan", "Tessaly"], "killed") == "Tessaly"


def test_a_province_read_as_a_town_abroad_is_no_container() -> None:
    text = "Gunmen attacked a post in Korvan, Oskar Province on Friday."
    assert _choose(text, ["Korvan", "Oskar"], "attacked") == "Korvan"


def test_the_place_the_event_is_told_to_be_in_wins_over_what_it_was_about() -> None:
    text = "Lawyers protested in Oskar against the decision to recognise Korvan as a capital."
    doc = _doc(text, ["Oskar", "Korvan"])
    at = text.index("protested")
    doc.country_focus = ["AA", "BB"]
    assert choose_place(doc, 0, len(text), (0, len(text)), at, (-1, -1)).text == "Oskar"
    doc.country_focus = ["AA"]  # a country the report is not about at all stays a namesake abroad
    assert choose_place(doc, 0, len(text), (0, len(text)), at, (-1, -1)).text == "Korvan"


def _listed(text: str, names: list[str], first: str) -> list[str]:
    from frontlines.knowledge.gazetteer import get_gazetteer
    from frontlines.pipeline.events.event_places import listed_places

    doc = _doc(text, names)
    place = next(m for m in doc.mentions if m.text == first)
    return [m.text for m in listed_places(doc, place, 0, len(text), get_gazetteer())]


def test_a_list_of_towns_goes_on_past_names_the_gazetteer_lacks() -> None:
    assert _listed("Crowds rioted in Tessaly, Korvan, Zorbel and Belmira.", ["Tessaly", "Korvan", "Belmira"],
                   "Tessaly") == ["Korvan", "Belmira"]
    assert _listed("Crowds rioted in Tessaly, Korvan and Zorbel.", ["Tessaly", "Korvan"], "Tessaly") == ["Korvan"]
    # three towns or more are a list without an "and"; two are a town and its container
    assert _listed("Protests in Tessaly, Korvan, Belmira after the ruling.", ["Tessaly", "Korvan", "Belmira"],
                   "Tessaly") == ["Korvan", "Belmira"]
    assert _listed("Protests in Tessaly, Korvan after the ruling.", ["Tessaly", "Korvan"], "Tessaly") == []


def test_a_list_of_districts_adds_the_province_capital_for_the_districts_it_lacks() -> None:
    class _Capitals:
        def capital_of(self, place_id: str) -> tuple[str, float, float] | None:
            return ("Seat", 10.25, 20.25) if place_id == "x:North Province" else None

    from frontlines.pipeline.events.event_places import listed_places

    capitals: Any = _Capitals()  # the one gazetteer call a district list makes

    text = "Posts were attacked in Zarnak, Korvan, and Dulwen districts, North Province."
    doc = _doc(text, ["Korvan", "North Province"])
    out = listed_places(doc, doc.mentions[0], 0, len(text), capitals)
    assert [(m.text, m.latitude, m.geo_precision) for m in out] == [("North Province", 10.25, 2)]
    text = "Posts were attacked in Belmira and Korvan districts, North Province."
    doc = _doc(text, ["Belmira", "Korvan", "North Province"])
    assert [m.text for m in listed_places(doc, doc.mentions[0], 0, len(text), capitals)] == ["Korvan"]


def test_a_list_closed_by_and_elsewhere_is_a_list() -> None:
    assert _listed("Riots broke out in Tessaly, Korvan and elsewhere.", ["Tessaly", "Korvan"], "Tessaly") == ["Korvan"]


def test_a_province_event_takes_the_town_the_next_sentence_names_in_it() -> None:
    text = "A bomb killed ten people in North Province. The blast hit a mosque in Belmira."
    assert _choose(text, ["North Province", "Belmira"], "killed") == "Belmira"
    # a town of another province is no town of this one
    text = "A bomb killed ten people in North Province. Relatives buried them in Tessaly."
    assert _choose(text, ["North Province", "Tessaly"], "killed") == "North Province"


def test_the_place_of_the_subject_right_before_the_trigger_is_where_it_happened() -> None:
    text = "Workers in Korvan protested on Monday in support of colleagues in Belmira."
    assert _choose(text, ["Korvan", "Belmira"], "protested") == "Korvan"


def test_a_country_named_as_a_modifier_is_not_the_place() -> None:
    text = "Students marched through Korvan to denounce the Zedland president's decision."
    assert _choose(text, ["Korvan", "Zedland"], "marched") == "Korvan"


def test_a_country_named_as_the_place_still_is_the_place() -> None:
    text = "Students marched in Zedland on Monday."
    assert _choose(text, ["Zedland"], "marched") == "Zedland"


def test_what_a_protest_is_about_is_not_where_it_happened() -> None:
    text = "Crowds in Korvan protested the plan to recognise Quorra as a capital."
    assert _choose(text, ["Korvan", "Quorra"], "protested") == "Korvan"


def test_the_later_members_of_a_list_of_origins_are_origins_too() -> None:
    text = "Raiders from Belmira and Tessaly attacked herders near Korvan."
    assert _choose(text, ["Belmira", "Tessaly", "Korvan"], "attacked") == "Korvan"


def test_an_event_told_only_by_its_country_stands_at_the_capital() -> None:
    from frontlines.knowledge.gazetteer import get_gazetteer

    text = "Militants attacked an army base in Somalia on Monday."
    doc = _doc(text, ["Somalia"])
    at = text.index("attacked")
    m = choose_place(doc, 0, len(text), (0, len(text)), at, (-1, -1), get_gazetteer())
    assert m is not None and m.feature == "country" and m.geo_precision == 3
    assert abs(m.latitude - 2.04) < 0.2 and abs(m.longitude - 45.34) < 0.2  # Mogadishu, not the middle of the map
    # without a gazetteer (or for a town) the place is left as it is
    assert choose_place(doc, 0, len(text), (0, len(text)), at, (-1, -1)).latitude == 6.0


def test_a_list_of_provinces_is_one_event_per_province_at_its_capital() -> None:
    from datetime import date

    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    text = "On Monday, Taliban fighters clashed with Afghan commandos in Helmand, Kandahar and Zabul provinces."
    events = Pipeline.default().process(document_from_text(text, id="t", published=date(2020, 3, 4), format="csv")).events
    assert sorted(e.location for e in events) == ["Helmand", "Kandahār", "Zabul"]
    assert {e.geo_precision for e in events if e.location != "Kandahār"} == {3}


def test_each_district_and_province_group_of_a_list_is_an_event() -> None:
    from datetime import date

    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    text = "On Monday, Taliban fighters attacked checkpoints in Sangin district, Helmand, and Spin Boldak district, Kandahar."
    events = Pipeline.default().process(document_from_text(text, id="t", published=date(2020, 3, 4), format="csv")).events
    assert [e.location for e in events] == ["Sangīn", "Spīn Bōldak"]
    alone = "On Monday, Taliban fighters attacked checkpoints in Sangin district, Helmand, and burned a school."
    assert len(Pipeline.default().process(document_from_text(alone, id="u", published=date(2020, 3, 4), format="csv")).events) == 1


def test_a_container_is_never_looked_for_across_a_sentence_end() -> None:
    text = "Rebels stormed Korvan.\n\nMy Comment: The loss of Oskar hurts."
    assert _choose(text, ["Korvan", "Oskar"], "stormed") == "Korvan"


def test_a_country_the_sentence_only_points_to_is_not_the_place() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("Militias clashed with the army in the town of Zawiyah, Libya, on Sunday. A local commander said "
                       "six men died when the clashes there resumed on Monday; the coastal highway into neighbouring "
                       "Tunisia stayed shut.", published=date(2011, 6, 14))
    assert "Tunisia" not in {e.location for e in doc.events}


def _paragraphs(text: str, names: list[str]) -> Document:
    doc = _doc(text, names)
    doc.blocks = [Block("paragraph", m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    return doc


@pytest.mark.parametrize(("text", "place"), [
    # wire copy: the lede's paragraph is one sentence, the next tells where in the country
    ("Four engineers were kidnapped in southern Avaria on Friday.\n\nThe men were seized at a checkpoint near Korvan.",
     "Korvan"),
    # a paragraph of more than the lede keeps to itself
    ("Four engineers were kidnapped in southern Avaria on Friday. Police searched the area.\n\n"
     "The men had worked in Korvan for years.", "Avaria"),
    # a town abroad is no town of the country named
    ("Four engineers were kidnapped in southern Avaria on Friday.\n\nThey had flown in from Oskar.", "Avaria"),
])
def test_a_one_sentence_paragraph_placed_by_its_country_takes_the_town_of_the_next(text: str, place: str) -> None:
    names = [n for n in ("Avaria", "Korvan", "Oskar") if n in text]
    doc = _paragraphs(text, names)
    at = text.index("kidnapped")
    st = next(s for s in doc.statements if s.start <= at < s.end)
    assert choose_place(doc, st.start, st.end, (st.start, st.end), at, (-1, -1)).text == place


def _choose_with_speaker(text: str, names: list[str], trigger: str, speaker: str) -> str | None:
    doc = _doc(text, names)
    at, said = text.index(trigger), text.index(speaker)
    st = next(s for s in doc.statements if s.start <= at < s.end)
    m = choose_place(doc, st.start, st.end, (st.start, st.end), at, (said, said + len(speaker)))
    return m.text if m else None


@pytest.mark.parametrize(("text", "speaker", "place"), [
    # the witnesses' town is where what they saw happened, when the clause names no place
    ("Soldiers and fighters exchanged fire for two hours, residents of Korvan said.", "residents of Korvan", "Korvan"),
    ("Soldiers and fighters exchanged fire for two hours, witnesses in Korvan told reporters.",
     "witnesses in Korvan", "Korvan"),
    # an official's seat is not: "officials in Belmira" may tell of anywhere
    ("Soldiers and fighters exchanged fire for two hours, officials in Belmira said.", "officials in Belmira", None),
    # a place of the clause comes first
    ("Soldiers and fighters exchanged fire in Tessaly, residents of Korvan said.", "residents of Korvan", "Tessaly"),
])
def test_local_witnesses_name_the_place_when_the_clause_names_none(text: str, speaker: str, place: str | None) -> None:
    """Issue 10: '..., residents of Tera told us' placed the clash nowhere (the speaker's words are skipped)."""
    names = [n for n in ("Tessaly", "Korvan", "Belmira") if n in text]
    names.sort(key=text.index)
    assert _choose_with_speaker(text, names, "exchanged", speaker) == place


@pytest.mark.parametrize(("text", "country"), [
    ("Residents of Phoenix, north of Durban, say armed men at private roadblocks shot dead three people on Tuesday.",
     "South Africa"),
    ("Residents of Kingston, west of Kampala, said gunmen shot dead two traders on Sunday.", "Uganda"),
])
def test_the_witnesses_town_gives_way_to_its_container_in_their_own_words(text: str, country: str) -> None:
    """Set i: the witnesses' town ('Residents of Phoenix, north of Durban, say ...') stands for the place, and its
    container is told in the same words, which are the speaker's: a namesake abroad must give way to it too."""
    from datetime import date

    from frontlines.pipeline import extract_text

    [event] = extract_text(text, published=date(2021, 7, 14)).events
    assert event.country == country, (event.location, event.reason)


@pytest.mark.parametrize(("text", "place"), [
    ("Nigerien soldiers fought off an attack on their base at Diffa on Friday, the defence ministry said in Niamey.",
     "Diffa"),
    ("Gunmen shot dead three traders at the market in Mopti on Sunday, the governor told reporters in Bamako.", "Mopti"),
    ("Soldiers repelled an attack on Kidal on Friday, killing eight assailants, the government said in Bamako.", "Kidal"),
])
def test_where_a_source_spoke_is_not_where_the_event_happened(text: str, place: str) -> None:
    """Set m: '... around Konna on Friday evening, France's defense minister said in Paris' placed the strike in
    Paris (read as Konna's container, a namesake far off)."""
    from datetime import date

    from frontlines.pipeline import extract_text

    event = extract_text(text, published=date(2016, 3, 5)).events[0]
    assert event.location == place, (event.location, event.reason)


@pytest.mark.parametrize(("text", "country"), [
    ("M23 rebels seized Rutshuru on Tuesday.\n\nThe rebels, who the government says are backed by Uganda, had fought "
     "Congolese soldiers near the border post on Monday, residents said.", "Democratic Republic of the Congo"),
    ("Houthi fighters attacked Saudi border posts near Najran on Thursday.\n\nThe rebels, who are armed by Iran "
     "according to Riyadh, shelled the town again on Friday.", "Saudi Arabia"),
])
def test_a_country_that_backs_a_side_is_not_where_it_fought(text: str, country: str) -> None:
    """Set m: 'The rebels, who the U.N. says are backed by Rwanda, had fought Congolese soldiers at the city's
    airport' placed the Goma airport clash in Rwanda; a patron named in passing defers to the place told before."""
    from datetime import date

    from frontlines.pipeline import extract_text

    event = extract_text(text, published=date(2016, 5, 20)).events[1]
    assert event.country == country, (event.location, event.reason)
