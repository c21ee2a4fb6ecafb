"""The trigger search tries only the triggers whose openings (the strings a match can start with, read off the
pattern) begin a word of the text; it finds exactly what trying every trigger finds."""

from __future__ import annotations

import dataclasses
import re

import pytest

from frontlines.knowledge.ontology import Ontology, _matches_at, _openings, _words, get_ontology
from tests.conftest import sample_files


def _every_trigger_tried(onto: Ontology) -> Ontology:
    """The same ontology with no openings: every trigger is tried on every text (the search before openings)."""
    plain = Ontology.__new__(Ontology)
    plain.__dict__.update(onto.__dict__)
    plain.triggers = [dataclasses.replace(t, openings=None) for t in onto.triggers]
    plain.index_openings()
    return plain


def _hits(onto: Ontology, text: str) -> list[tuple[str, int, int, str]]:
    return [(h.trigger.sub_event_type, h.start, h.end, h.text) for h in onto.find_triggers(text)]


def test_openings_are_read_off_the_pattern() -> None:
    assert _openings(_words(["air ?strikes?", "ieds?"])) == {"air s", "airst", "ied", "ieds"}
    assert _openings(_words(["(?:set|blew) up", "mortars?"])) == {"set u", "blew ", "morta"}
    assert _openings(_words(["[Rr]aids?", "clash(?:es|ed)"])) == {"raid", "raids", "clash"}
    assert _openings(_words(["(?:\\w+ )?bombs?"])) is None  # a word of any letters first: can start anywhere
    assert _openings(_words(["fighters? (?:\\w+ )?clashed"])) == {"fight"}  # a class ends the opening


def test_a_text_is_searched_only_for_triggers_that_can_start_in_it() -> None:
    onto = get_ontology()
    places = onto._places("Rebels shelled Ajdabiya; shelling went on.")
    assert places is not None
    shelling = next(k for k, t in enumerate(onto.triggers) if t.openings and "shell" in t.openings)
    assert places[shelling] == [7, 25]  # each place once, in order
    places = onto._places("The meeting was postponed to Tuesday.")
    assert places is not None
    tried = [t for k, t in enumerate(onto.triggers) if t.openings is None or k in places]
    assert len(tried) < len(onto.triggers) / 2
    assert onto._places("Rebels \u017fhelled the town.") is None  # a long s: every trigger searched everywhere


SENTENCES = [
    "Rebels shelled the town and an air strike hit a market; two IEDs exploded near the base.",
    "AIRSTRIKES pounded Sirte while protesters rallied in Tripoli, police fired tear gas.",
    # a long s and a dotless i, which IGNORECASE reads as s and i (lower() keeps them): every trigger is tried
    "Rebels \u017fhelled the town; two aid workers were k\u0131dnapped.",
    "Gunmen \u212aIDNAPPED two aid workers.",  # a Kelvin sign
    "Militants attacked a checkpoint, killing 3; the army re-captured the village of Kolo.",
    "The ceasefire agreement was signed; troops withdrew from the oil terminal.",
    "mid-clash, a suicide-bomber blew himself up. Non-violent transfer: forces handed over the base.",
    "\u201cThey looted shops,\u201d a resident said of the mob\u2019s attack on \u0130stanbul-bound trucks.",
    "",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_openings_find_what_every_trigger_finds(text: str) -> None:
    onto = get_ontology()
    assert _hits(onto, text) == _hits(_every_trigger_tried(onto), text)


def test_openings_find_what_every_trigger_finds_on_the_samples() -> None:
    from frontlines.pipeline.reading.ingest import iter_documents

    onto = get_ontology()
    plain = _every_trigger_tried(onto)
    texts = [line for d in iter_documents(sample_files()) for line in re.split(r"(?<=[.;,\n])\s*", d.text)]
    found = [_hits(onto, t) for t in texts]
    assert sum(map(len, found)) > 100  # the samples tell events
    assert found == [_hits(plain, t) for t in texts]
    # and a mutation of the search: openings that miss a trigger's real start would lose hits
    broken = Ontology.__new__(Ontology)
    broken.__dict__.update(onto.__dict__)
    broken.triggers = [dataclasses.replace(t, openings=frozenset({"zzzzz"}) if t.openings else None)
                       for t in onto.triggers]
    broken.index_openings()
    assert [_hits(broken, t) for t in texts] != found


def test_a_trigger_is_tried_only_where_its_openings_begin() -> None:
    """Matches tried at the places an opening begins, in order from the end of the last one, are ``finditer``'s:
    a match inside an earlier one is skipped, and so is a place where the pattern does not match."""
    regex = _words(["shell(?:ed|ing)?", "shelling of the town"])
    text = "shelling of the town, then shelled again; shell."
    starts = [m.start() for m in re.finditer(r"(?<![\w-])s", text)]
    assert [m.span() for m in _matches_at(regex, text, starts)] == [m.span() for m in regex.finditer(text)]
    assert [m.group() for m in _matches_at(regex, text, starts)] == ["shelling of the town", "shelled", "shell"]
    assert list(_matches_at(regex, text, [3])) == []


@pytest.mark.parametrize("text", ["Rebels shelled shelled-out homes; SHELLING resumed.", "the air strike, air strikes"])
def test_repeated_openings_give_each_hit_once(text: str) -> None:
    onto = get_ontology()
    assert _hits(onto, text) == _hits(_every_trigger_tried(onto), text)
