"""WordCues: whether an IGNORECASE alternation of cue words matches, found from the words it spells out and a
pattern for the rest; always the pattern's own answer."""

from __future__ import annotations

import re

import pytest

from frontlines import fastre
from frontlines.knowledge.ontology import WordCues
from tests.conftest import sample_files

PATTERN = re.compile(r"kill|bod(?:y|ies)|passed away|\bdie|gun\w* down|(?-i:KIA)|fatalit", re.IGNORECASE)


def test_the_words_it_spells_out_and_the_rest() -> None:
    cues = WordCues(PATTERN)
    assert cues.words == ("kill", "body", "bodies", "passed away", "fatalit")
    assert cues.rest is not None
    assert fastre.source(cues.rest) == r"(?:\bdie)|(?:gun\w* down)|(?:(?-i:KIA))"  # (compiled with fastre's lookahead)
    assert WordCues(re.compile("kill|dead")).words == ()  # no IGNORECASE: the pattern itself


@pytest.mark.parametrize("text", [
    "Two soldiers were KILLED.", "The Bodies of three men", "he passed  away", "he PASSED AWAY",
    "a diet of rice", "the studied answer", "they were gunned down", "gun fire down the road", "3 KIA", "3 kia",
    "no fatalities", "nothing here", "", "\u017flain and \u212aILLED",  # a long s and a Kelvin sign: the pattern decides
    "K\u0131ll", "\u0130n the BOD\u0130ES", "caf\u00e9 killing",
])
def test_the_same_answer_as_the_pattern(text: str) -> None:
    assert WordCues(PATTERN).search(text) is (PATTERN.search(text) is not None)


def test_the_same_answers_on_the_samples_for_the_fatality_cues() -> None:
    from frontlines.pipeline.events import fatalities
    from frontlines.pipeline.reading.ingest import iter_documents

    texts = [s for d in iter_documents(sample_files()) for s in re.split(r"(?<=[.;,\n])\s*", d.text)]
    patterns = [fatalities._ANY_CUE, fatalities._TITLED_CUE, *fatalities._CUES.values()]
    assert any(fatalities._ANY_CUE.search(t) for t in texts)  # the samples tell deaths
    for pattern in patterns:
        assert [WordCues(pattern).search(t) for t in texts] == [pattern.search(t) is not None for t in texts]
    broken = WordCues(fatalities._ANY_CUE)
    broken.words = broken.words[1:]  # a word left out would lose matches
    assert [broken.search(t) for t in texts] != [fatalities._ANY_CUE.search(t) is not None for t in texts]
