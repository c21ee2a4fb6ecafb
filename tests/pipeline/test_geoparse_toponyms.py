"""The geoparse reading of demonyms (issue 11): "Iraqi", "Minnesotans", "Egyptian-US" are toponyms of their country
or region for geoparsing corpora, never event places of the extractor. Texts of our own."""

from __future__ import annotations

import pytest

from frontlines.knowledge.actors import get_actor_kb
from frontlines.knowledge.gazetteer import get_gazetteer
from frontlines.pipeline.resolution.geoparse import demonym_place, demonym_places, geoparse_places


@pytest.mark.parametrize(("word", "country", "feature"), [
    ("Iraqi", "IQ", "country"), ("Americans", "US", "country"), ("Sri Lankans", "LK", "country"),
    ("Minnesotans", "US", "admin1"), ("Californian", "US", "admin1"), ("European", None, "continent"),
    ("African", None, "continent"), ("Canadian", "CA", "country"),
])
def test_a_demonym_stands_for_its_country_or_region(word: str, country: str | None, feature: str) -> None:
    place = demonym_place(word, get_gazetteer(), get_actor_kb())
    assert place is not None and place.feature == feature
    if country:
        assert place.country == country


@pytest.mark.parametrize("word", ["Georgia", "Jordan", "Indiana", "Gainesville", "Monday", "Brian", "Christian",
                                  "Republican", "Democrats", "Ryan"])
def test_a_place_by_its_own_name_or_another_word_is_no_demonym(word: str) -> None:
    assert demonym_place(word, get_gazetteer(), get_actor_kb()) is None


@pytest.mark.slow
def test_demonyms_are_found_beside_the_places_and_never_made_event_places(run) -> None:  # noqa: ANN001
    text = "Iraqi troops crossed into Syria on Monday, and Egyptian-US relations were strained."
    doc = run(text)
    found = demonym_places(doc, get_gazetteer(), get_actor_kb())
    assert [(m.text, m.country) for m in found] == [("Iraqi", "IQ"), ("Egyptian", "EG")]
    assert not any(m.text in ("Iraqi", "Egyptian") for m in doc.mentions if m.kind == "place")
    assert all(e.location != "Iraq" for e in doc.events)  # the extractor's places are untouched
    texts = [m.text for m in geoparse_places(doc, get_gazetteer(), get_actor_kb())]
    assert texts.index("Iraqi") < texts.index("Syria") < texts.index("Egyptian") and texts.count("Syria") == 1
    assert "Iraqi" not in [m.text for m in geoparse_places(doc, get_gazetteer(), get_actor_kb(), demonyms=False)]


@pytest.mark.slow
def test_a_demonym_of_a_place_the_document_names_stands_there(run) -> None:  # noqa: ANN001
    doc = run("Storms hit Duluth, Minnesota, on Sunday. Minnesotan farmers lost their crops.")
    minnesotan = next(m for m in demonym_places(doc, get_gazetteer(), get_actor_kb()) if m.text == "Minnesotan")
    state = next(m for m in doc.mentions if m.kind == "place" and m.text == "Minnesota")
    assert minnesotan.id == state.id and "the place the document names" in minnesotan.reason
    abroad = next(m for m in demonym_places(run("Georgian troops left Tbilisi."), get_gazetteer(), get_actor_kb())
                  if m.text == "Georgian")
    assert abroad.country == "GE"


@pytest.mark.slow
def test_countries_and_states_inside_other_names_are_read_for_geoparsing(run) -> None:  # noqa: ANN001
    from frontlines.pipeline.resolution.geoparse import inner_places

    doc = run("The U.S. Census Bureau and the Bank of Canada met in Chicago. West Coast schools and Gulf Coast schools were closed.")
    found = {m.text: (m.country, m.feature) for m in inner_places(doc, get_gazetteer(), [
        (m.start, m.end) for m in doc.mentions if m.kind == "place"])}
    assert found.get("U.S.") == ("US", "country") and found.get("Canada") == ("CA", "country")
    assert "West Coast" not in found and "Gulf Coast" not in found  # no region of another country in a US report
    assert not any(m.text in ("U.S.", "Canada") for m in doc.mentions if m.kind == "place")  # our spec: organisations
