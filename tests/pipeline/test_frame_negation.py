"""A frame's negation, read from the parse alone: the negator on the trigger or on a word above it, and the
constructions that look negative and are not ("not only ... but also")."""

from __future__ import annotations

import pytest

from frontlines.knowledge.eventhood import get_eventhood_lexicon
from frontlines.pipeline.frames.frames import FrameReader

_READER = FrameReader(get_eventhood_lexicon())


def _negation(marked: str) -> str | None:
    start, end = marked.index("["), marked.index("]") - 1
    frame = _READER.frame(marked.replace("[", "").replace("]", ""), start, end)
    assert frame is not None, marked
    return frame.negation


@pytest.mark.parametrize(("marked", "negator"), [
    ("The militia did not [attack] the town.", "not"),
    ("The militia didn't [attack] the town.", "n't"),
    ("There was no indication of who had [abducted] the engineers.", "no"),  # on a word above the trigger
    ("Witnesses said the gunmen never [fired] on the crowd.", "never"),
    ("Police [arrested] dozens of protesters in the square.", None),
    ("Rebels not only [attacked] the base but also shelled the town.", None),  # "not only" negates nothing
    ("A couple was nearly [abducted] near the market.", "nearly"),  # a near miss on the trigger itself
])
def test_the_negator_of_a_trigger(marked: str, negator: str | None) -> None:
    assert _negation(marked) == negator

