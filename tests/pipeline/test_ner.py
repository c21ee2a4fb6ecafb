"""The CoNLL-style entity layer (``frontlines.pipeline.mentions.ner``) on small hand-written sentences."""

from __future__ import annotations

import pytest

from frontlines.knowledge import Knowledge
from frontlines.pipeline.mentions.ner import model_text, ner_spans
from frontlines.pipeline.mentions.ner_layouts import FIXED, STRONG, EntityKnowledge, is_table, structural


@pytest.fixture(scope="module")
def ek() -> EntityKnowledge:
    knowledge = Knowledge.load()
    return EntityKnowledge(knowledge.gazetteer, knowledge.actors)


def _named(texts: list[str]) -> list[set[tuple[str, str]]]:
    knowledge = Knowledge.load()
    found = ner_spans(texts, EntityKnowledge(knowledge.gazetteer, knowledge.actors))
    return [{(text[s:e], label) for s, e, label in spans} for text, spans in zip(texts, found, strict=True)]


def test_headline_is_recased_for_the_model_with_the_same_length(ek: EntityKnowledge) -> None:
    headline = "FOOTBALL - KENYA BEAT UGANDA IN NAIROBI ."
    recased = model_text(headline, ek)
    assert len(recased) == len(headline)
    assert "Kenya beat Uganda in Nairobi" in recased
    assert model_text("Kenya beat Uganda .", ek) == "Kenya beat Uganda ."


@pytest.mark.parametrize(("line", "expected"), [
    ("NAIROBI 2019-04-05", [("NAIROBI", "LOC", FIXED)]),
    ("BOSTON AT DENVER", [("BOSTON", "ORG", STRONG), ("DENVER", "LOC", FIXED)]),
    ("Rovers 3 Wanderers 1", [("Rovers", "ORG", STRONG), ("Wanderers", "ORG", STRONG)]),
    ("Bowling : Smith 10-2-41-3", [("Smith", "PER", STRONG)]),
])
def test_layouts(line: str, expected: list[tuple[str, str, int]], ek: EntityKnowledge) -> None:
    found = [(line[s:e], label, strength) for (s, e, label), strength in structural(line, ek)]
    assert found == expected


def test_table_lines_are_told_from_prose() -> None:
    assert is_table("Hartlepool 10 6 2 2 18 9 20")
    assert not is_table("Kenya beat Uganda 2-1 in Kampala on Sunday .")


def test_boundaries_and_relabelling() -> None:
    texts = [
        "The delegates of the United Nations 's refugee agency arrived in Kenya .",
        "Kenya beat Uganda 2-1 in Kampala on Sunday .",
        "Leeds 2 Everton 2 , Aston Villa 1 Fulham 0",
        "1. Jane Wanjiru ( Kenya ) 2:21:05",
    ]
    un, match, results, race = _named(texts)
    assert ("United Nations", "ORG") in un and ("Kenya", "LOC") in un
    assert {("Kenya", "LOC"), ("Uganda", "LOC"), ("Kampala", "LOC")} <= match
    assert {("Leeds", "ORG"), ("Everton", "ORG"), ("Aston Villa", "ORG"), ("Fulham", "ORG")} == results
    assert {("Jane Wanjiru", "PER"), ("Kenya", "LOC")} == race


def test_a_surname_seen_in_a_full_name_stays_a_person() -> None:
    texts = ["Opposition leader Peter Okoth arrived in Kisumu on Monday .",
             "Okoth and his aides met the press .",
             "Mwangi said the talks would resume next week ."]
    first, second, third = _named(texts)
    assert ("Peter Okoth", "PER") in first
    assert ("Okoth", "PER") in second
    assert ("Mwangi", "PER") in third


def test_squads_events_and_glued_particles() -> None:
    texts = ["Otieno , Kamau , Achieng , Wekesa .",
             "Kenya won the African Nations Cup in Nairobi .",
             "A fire broke out in al-Bayda village ."]
    squad, cup, village = _named(texts)
    assert squad == {("Otieno", "PER"), ("Kamau", "PER"), ("Achieng", "PER"), ("Wekesa", "PER")}
    assert ("African Nations Cup", "ORG") not in cup
    assert all(not name.startswith("-") for name, _ in village)


def test_a_name_and_its_bracketed_acronym_are_one_organisation() -> None:
    texts = ["Delegates of the Forum for Peace and Reconciliation in Sahel ( FPRS ) met in Niamey .",
             "Observers from the FPRS said the vote was calm .",
             "The TLF ( Tana Liberation Front ) denied the report .",
             "The Gulf Emirates Union ( GEU ) hosted the talks .",
             "Officials of the United Arab Emirates ( UAE ) attended ."]
    forum, later, front, union, uae = _named(texts)
    assert {("Forum for Peace and Reconciliation in Sahel", "ORG"), ("FPRS", "ORG")} <= forum
    assert ("Sahel", "LOC") not in forum
    assert ("FPRS", "ORG") in later
    assert {("TLF", "ORG"), ("Tana Liberation Front", "ORG")} <= front
    assert {("Gulf Emirates Union", "ORG"), ("GEU", "ORG")} <= union
    assert {("United Arab Emirates", "LOC"), ("UAE", "LOC")} <= uae


def test_an_athlete_and_country_in_brackets_is_not_an_acronym() -> None:
    texts = ["1. Jane Wanjiru ( KEN ) 2:21:05"]
    (race,) = _named(texts)
    assert ("Jane Wanjiru", "PER") in race


def test_a_country_with_an_organisation_suffix_stays_a_place() -> None:
    (text,) = _named(["Troops were sent to the border of the Russian Federation on Monday ."])
    assert ("Russian Federation", "LOC") in text


def test_a_place_noun_before_a_name_makes_it_a_place() -> None:
    (text,) = _named(["A bomb went off in the northern town of Kwambeli on Tuesday ."])
    assert ("Kwambeli", "LOC") in text


def test_roles_and_descriptors_mark_a_club_or_company() -> None:
    texts = ["Belgian club Zandvoorde sacked their coach on Monday .",
             "Leeds captain Tom Barber scored twice .",
             "The deal was agreed with mineral water firm Okavita last week .",
             "Scotland captain Tom Barber scored twice ."]
    club, captain, firm, nation = _named(texts)
    assert ("Zandvoorde", "ORG") in club
    assert ("Leeds", "ORG") in captain and ("Tom Barber", "PER") in captain
    assert ("Okavita", "ORG") in firm
    assert ("Scotland", "LOC") in nation


def test_a_county_acting_as_a_person_is_its_side_but_not_after_in() -> None:
    texts = ["Rain stopped play after Derbyshire reached 240 for six .",
             "Their lead may not last as rivals Kent and Surrey closed in .",
             "The festival was held in Derbyshire this summer ."]
    side, rivals, county = _named(texts)
    assert ("Derbyshire", "ORG") in side
    assert {("Kent", "ORG"), ("Surrey", "ORG")} <= rivals
    assert ("Derbyshire", "ORG") not in county


def test_a_company_full_name_licenses_its_short_name_nearby() -> None:
    texts = ["Shares of Okavita Holdings Ltd rose on Tuesday after the merger news .",
             "Okavita said profits would double next year .",
             "Analysts expect Okavita to cut jobs ."]
    full, said, cut = _named(texts)
    assert ("Okavita Holdings Ltd", "ORG") in full
    assert ("Okavita", "ORG") in said and ("Okavita", "ORG") in cut
