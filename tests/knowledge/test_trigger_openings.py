"""The trigger search tries only the triggers whose openings (the strings a match can start with, read off the
pattern) begin a word of the text; it finds exactly what trying every trigger finds."""

from __future__ import annotations

import dataclasses
import re

import pytest

from frontlines.knowledge.ontology import Ontology, _openings, _words, get_ontology
from tests.conftest import sample_files


def _every_trigger_tried(onto: Ontology) -> Ontology:
    """The same ontology with no openings: every trigger is tried on every text (the search before openings)."""
    plain = Ontology.__new__(Ontology)
    plain.__dict__.update(onto.__dict__)
    plain.triggers = [dataclasses.replace(t, openings=None) for t in onto.triggers]
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
    assert onto._text_openings("Rebels shelled Ajdabiya.") >= {"shell", "rebel", "ajdab"}
    text = "The meeting was postponed to Tuesday."
    tried = [t for t in onto.triggers
             if t.openings is None or not onto._text_openings(text).isdisjoint(t.openings)]
    assert len(tried) < len(onto.triggers) / 2


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
    assert [_hits(broken, t) for t in texts] != found
