"""Issue 11, deliverable 3, through the place stage: a world city in a local report, and the namesake the text
places; every resolved place says which candidates it beat."""

from __future__ import annotations


from frontlines.model import Document, Mention


def _places(doc: Document) -> dict[str, Mention]:
    return {m.text: m for m in doc.mentions if m.kind == "place"}


def test_world_cities_in_a_local_us_report_stay_world_cities(run) -> None:  # noqa: ANN001
    doc = run("The Springfield, Illinois, company said its shipment left China for London via Heathrow.")
    places = _places(doc)
    assert places["Springfield"].admin1 == "Illinois"
    assert {name: places[name].country for name in ("China", "London", "Heathrow")} == \
        {"China": "CN", "London": "GB", "Heathrow": "GB"}
    assert "London (US, " in places["London"].reason  # the namesakes it beat are kept in the reason


def test_the_small_namesake_wins_where_the_text_names_its_state(run) -> None:  # noqa: ANN001
    doc = run("The mayor of London, Kentucky, met county officials on Tuesday.")
    london = _places(doc)["London"]
    assert (london.country, london.admin1) == ("US", "Kentucky")


def test_world_regions_and_seas_in_a_us_report(run) -> None:  # noqa: ANN001
    doc = run("Officials in Springfield, Ohio, said the Middle East crisis and storms over the Atlantic "
              "raised fuel prices.")
    places = _places(doc)
    assert places["Middle East"].country == "" and places["Atlantic"].country == ""
    assert 20 < (places["Middle East"].latitude or 0) < 40


def test_conflict_regions_and_short_forms(run) -> None:  # noqa: ANN001
    doc = run("Government forces shelled Eastern Ghouta on Monday. Fighting also continued in Donbas and Darfur.")
    places = _places(doc)
    assert {n: places[n].country for n in ("Eastern Ghouta", "Donbas", "Darfur")} == \
        {"Eastern Ghouta": "SY", "Donbas": "UA", "Darfur": "SD"}


def test_every_resolved_place_names_the_candidates_it_beat(run) -> None:  # noqa: ANN001
    doc = run("Clashes broke out in Tripoli, the Libyan capital, on Friday.")
    tripoli = _places(doc)["Tripoli"]
    assert tripoli.country == "LY"
    assert "Tripoli (LB, Liban-Nord, city" in tripoli.reason and "beat Tripoli (" in tripoli.reason


def test_a_big_city_under_its_news_spelling_is_the_city_not_a_village_of_that_spelling(run) -> None:  # noqa: ANN001
    """GeoNames spells the city Zaporizhzhya and a village of 700 people Zaporizhzhia: news means the city, even where
    the NER takes the name for a person's."""
    for text in ("Shelling in Zaporizhzhia killed two people.", "Rockets hit Zaporizhzhia overnight, killing two."):
        city = _places(run(text))["Zaporizhzhia"]
        assert (city.country, city.feature) == ("UA", "city") and abs(city.latitude - 47.8) < 0.1, text


def test_the_target_of_a_foreign_strike_is_a_place_across_the_border(run) -> None:  # noqa: ANN001
    """'Israeli strikes on Rafah': the report is about Israel's forces, the place is Gaza's Rafah (its only namesake,
    Egypt's Rafah, lies next door too), and what a strike hits is where it happened."""
    for text in ("Israeli strikes on Rafah killed 12 people.", "Turkish drone strikes on Qamishli wounded three."):
        places = _places(run(text))
        assert places and next(iter(places.values())).country in ("PS", "SY"), text
