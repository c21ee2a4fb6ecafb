"""Actor resolution: transliterations resolve, look-alikes do not, descriptions resolve in context."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.knowledge.actors import get_actor_kb

ON = date(2019, 4, 10)


@pytest.mark.parametrize("spelling", ["Hifter", "Hafter", "Heftar"])
def test_unseen_spellings_of_haftar_resolve(spelling: str) -> None:
    match = get_actor_kb().resolve(spelling, on=ON, country="LY")
    assert match is not None and match.actor.id == "lby.haftar"


def test_gadhafi_resolves_with_his_validity_dates_checked() -> None:
    match = get_actor_kb().resolve("Gadhafi", on=date(2011, 3, 1), country="LY")
    assert match is not None and match.actor.id == "lby.gaddafi" and match.score >= 0.8


@pytest.mark.parametrize("name", ["Hafez", "Deraa", "Baghlan"])
def test_look_alikes_do_not_resolve(name: str) -> None:
    assert get_actor_kb().resolve(name, on=ON, country="LY") is None


def test_a_description_resolves_in_context() -> None:
    match = get_actor_kb().resolve_description("the UN-backed government", on=ON, country="LY", recent=[])
    assert match is not None and match.actor.id == "lby.gna"


def test_a_description_owned_by_a_country_is_of_that_country() -> None:
    from frontlines.knowledge.actors import get_actor_kb

    kb = get_actor_kb()
    assert kb.resolve_description("Syria's opposition fighters").actor.id == "syr.rebels"
    assert kb.resolve_description("Nigeria's opposition fighters") is None  # not Syria's, whatever else matches


def test_a_peoples_militia_is_named_after_the_country_it_fights_in() -> None:
    # ACLED keeps one ethnic militia per country: Nigeria's Fulani militia named in a Malian report is Mali's
    kb = get_actor_kb()
    fulani = kb.get("nga.fulani")
    mali = kb.localise(fulani, "ML")
    assert (mali.name, mali.country, mali.type, mali.parent) == ("Fulani Ethnic Militia (Mali)", "ML", "identity_militia", "nga.fulani")
    assert kb.get(mali.id) == mali  # its id finds it again (stores and pages keep ids)
    assert kb.localise(fulani, "NG") is fulani and kb.localise(fulani, "CD").name == "Fulani Ethnic Militia (Democratic Republic of Congo)"
    assert kb.localise(kb.get("hezbollah"), "SY").name == "Hezbollah"  # a group that is no people's militia keeps its name


@pytest.mark.parametrize(("name", "on", "expected"), [
    ("Jabhat al-Nusra", date(2019, 5, 10), "hts"),  # Syrian state media's name for HTS after 2017
    ("al-Nusra Front", date(2020, 2, 1), "hts"),
    ("Nusra Front", date(2016, 10, 1), "syr.jfs"),
    ("Jabhat al-Nusra", date(2014, 5, 1), "syr.nusra"),
    ("Jabhat al-Nusra", None, "syr.nusra"),  # with no day, the group whose name it is
])
def test_the_nusra_front_named_after_its_renaming_is_the_group_of_the_day(name: str, on: date | None, expected: str) -> None:
    """Set n: SANA's 'Jabhat al-Nusra terrorists' in 2019 are HTS, as ACLED codes them."""
    match = get_actor_kb().resolve(name, on=on, country="SY")
    assert match is not None and match.actor.id == expected


@pytest.mark.parametrize(("name", "country", "expected"), [
    ("Khawarij", "SO", "som.shabaab"),  # the Somali government's word for al-Shabaab
    ("Kharijite militants", "SO", "som.shabaab"),
    ("Khawarij", "PK", "pak.ttp"),  # Pakistan's army's word for the TTP
])
def test_the_khawarij_are_the_group_the_reports_government_calls_so(name: str, country: str, expected: str) -> None:
    """Set n: 'Kharijite militants' in a Somali report were taken for the Pakistani Taliban."""
    match = get_actor_kb().resolve(name, on=date(2021, 4, 12), country=country)
    assert match is not None and match.actor.id == expected


def test_demonyms_of_peoples_across_borders_are_data() -> None:
    """demonyms.yaml's ``peoples``: a demonym that names a people, not only a state's citizens, is still a demonym
    (its country for "Somali troops") but marked, so that "a Kurdish attack" names no state's forces."""
    kb = get_actor_kb()
    assert kb.names_a_people("Kurdish") and kb.names_a_people("palestinian")
    assert not kb.names_a_people("Russian") and kb.country_for_demonym("Somali") == "SO"
