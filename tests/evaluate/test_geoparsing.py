"""The geoparsing scorer's halves and its --verbose findings (issue 11, deliverable 4), on XML of our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.errors import InvalidParameterError
from frontlines.evaluate import evaluate, render_details
from tests.evaluate.geoxml import write_geoparsing_xml

# (text, [(toponym, lat, lon)]): the second article's gold puts Paris in Texas on purpose (a wrong placement to list)
ARTICLES = [
    ("Floods closed roads in Dublin, Ireland, on Monday.", [("Dublin", 53.33, -6.25), ("Ireland", 53.0, -8.0)]),
    ("Police in Paris said two men were arrested.", [("Paris", 33.66, -95.56)]),
    ("The minister flew to Nairobi and on to Kampala.", [("Nairobi", -1.28, 36.82), ("Kampala", 0.32, 32.58)]),
]


def _xml(path: Path) -> Path:
    return write_geoparsing_xml(path, ARTICLES)


@pytest.mark.slow
def test_halves_split_articles_by_their_number(tmp_path, pipeline) -> None:  # noqa: ANN001
    path = _xml(tmp_path / "geoparsing_own.xml")
    odd = evaluate("geoparsing", path, pipeline=pipeline, half="odd")
    even = evaluate("geoparsing", path, pipeline=pipeline, half="even")
    assert (odd.n, even.n) == (2, 1)
    assert odd.file.endswith("(odd half)")
    assert odd.metrics["resolved within 161 km (end to end)"] == 1.0
    assert even.metrics["resolved within 161 km (end to end)"] == 0.0


@pytest.mark.slow
def test_verbose_lists_each_wrong_placement_with_its_candidates(tmp_path, pipeline) -> None:  # noqa: ANN001
    path = _xml(tmp_path / "geoparsing_own.xml")
    report = evaluate("geoparsing", path, pipeline=pipeline, verbose=True)
    wrong = [d for d in report.details if d["kind"] == "wrong place"]
    assert [(d["article"], d["toponym"], d["country"]) for d in wrong] == [(2, "Paris", "FR")]
    text = render_details(report)
    assert "WRONG  article 2: Paris" in text and "why: Paris, FR" in text and "Paris (US, Texas, city" in text
    assert evaluate("geoparsing", path, pipeline=pipeline).details == []  # only when asked


def test_half_is_refused_where_a_corpus_cannot_split(tmp_path) -> None:  # noqa: ANN001
    path = tmp_path / "case_x.tsv"
    path.write_text("id\tEventSnippet\tSubType\n", encoding="utf-8")
    with pytest.raises(InvalidParameterError, match="geoparsing XML only"):
        evaluate("case", path, half="odd")


def test_a_bad_half_or_bad_xml_says_what_to_do(tmp_path) -> None:  # noqa: ANN001
    path = _xml(tmp_path / "geoparsing_own.xml")
    with pytest.raises(InvalidParameterError, match="use odd or even"):
        evaluate("geoparsing", path, half="third", pipeline=object())
    broken = tmp_path / "geoparsing_broken.xml"
    broken.write_text("<articles><article>", encoding="utf-8")
    with pytest.raises(InvalidParameterError, match="not geoparsing XML"):
        evaluate("geoparsing", broken, pipeline=object())


@pytest.mark.parametrize(("word", "demonym"), [("Russian", True), ("Sri Lankans", True), ("South Ossetian", True),
                                              ("European", True), ("Georgia", False), ("Jordan", False),
                                              ("Indiana", False), ("Gainesville", False)])
def test_demonyms_are_told_from_place_names(word: str, demonym: bool) -> None:
    from frontlines.evaluate.geoparsing import _is_demonym

    assert _is_demonym(word) is demonym


@pytest.mark.slow
def test_demonyms_the_gold_tags_are_resolved_to_their_country(tmp_path, pipeline) -> None:  # noqa: ANN001
    path = write_geoparsing_xml(tmp_path / "geoparsing_demonyms.xml", [
        ("Kenyan police arrested two men in Nairobi.", [("Kenyan", 0.5, 38.0), ("Nairobi", -1.28, 36.82)]),
    ])
    report = evaluate("geoparsing", path, pipeline=pipeline)
    assert report.metrics["resolved within 161 km (end to end)"] == 1.0
    assert report.metrics["resolved within 161 km, demonyms left out (our spec)"] == 1.0
    # the place names alone: Nairobi found, the demonym neither counted against precision nor missed
    assert report.metrics["toponym precision"] == report.metrics["toponym recall"] == 1.0
    assert report.metrics["place names: toponym precision (our spec)"] == 1.0
    assert report.metrics["place names: toponym recall (our spec)"] == 1.0
    assert report.metrics["place names: toponym F1 (our spec)"] == 1.0
    from frontlines.evaluate.geoparsing import score_geoparsing

    places_only = score_geoparsing(path, pipeline, geoparse_mode=False)
    assert places_only.metrics["resolved within 161 km (end to end)"] == 0.5


@pytest.mark.slow
def test_a_corpus_that_tags_no_demonyms_scores_the_place_names_alone(tmp_path, pipeline) -> None:  # noqa: ANN001
    """GeoVirus tags no demonyms: the geoparse reading's "Kenyan" costs toponym precision there, the place names'
    own figures (what the extractor reads as places) do not count it."""
    path = write_geoparsing_xml(tmp_path / "geoparsing_no_demonyms.xml", [
        ("Kenyan police arrested two men in Nairobi.", [("Nairobi", -1.28, 36.82)]),
    ])
    report = evaluate("geoparsing", path, pipeline=pipeline)
    assert report.metrics["toponym precision"] == 0.5 and report.metrics["toponym recall"] == 1.0
    assert report.metrics["place names: toponym precision (our spec)"] == 1.0
    assert report.metrics["place names: toponym F1 (our spec)"] == 1.0
