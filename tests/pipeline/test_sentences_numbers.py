"""Sentence splitting, ACLED-conservative counting, the ontology's triggers."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.knowledge.ontology import get_ontology
from frontlines.model import Block
from frontlines.pipeline.events.events import _fatalities
from frontlines.pipeline.mentions.numbers import QUANTITY, find_quantities, parse_quantity
from frontlines.pipeline.statements.sentences import split_sentences


def _sentences(text: str, blocks=()) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text, blocks)]


def test_abbreviations_and_initials_do_not_split() -> None:
    text = "Gen. K. Haftar met U.S. envoys on Jan. 5 in Benghazi. Fighting resumed at 5 p.m. near Sirte!"
    assert _sentences(text) == [
        "Gen. K. Haftar met U.S. envoys on Jan. 5 in Benghazi.",
        "Fighting resumed at 5 p.m. near Sirte!",
    ]


def test_title_line_without_full_stop_is_its_own_sentence() -> None:
    assert _sentences("Libya War 2.0, anyone?\nTuesday, January 12, 2016\n\nClashes erupted.") == [
        "Libya War 2.0, anyone?", "Tuesday, January 12, 2016", "Clashes erupted.",
    ]


def test_hard_wrapped_lines_are_joined_and_blocks_are_boundaries() -> None:
    text = ("This is a long line that wraps in the middle of a sentence because the author\n"
            "hard-wrapped it. Next one")
    assert len(_sentences(text)) == 2
    blocks = [Block("quote", 0, 10, "quoted"), Block("commentary", 10, len(text))]
    assert all(e <= 10 or s >= 10 for s, e in split_sentences(text, blocks))


@pytest.mark.parametrize(("number", "qualifier", "value"), [
    ("12", "at least", 12), ("dozens", None, 12), ("two", None, 2), ("1,200", None, 1200),
    ("twenty-five", None, 25), ("several", None, 10), ("a", None, 1), ("hundreds", None, 100),
])
def test_quantities_follow_acled_rules(number: str, qualifier: str | None, value: int) -> None:
    assert parse_quantity(number, qualifier) == value


@pytest.mark.parametrize(("text", "deaths", "aggregate"), [
    ("Shelling killed at least 12 civilians in Tajoura.", 12, False),
    ("Two soldiers were killed and five wounded.", 2, False),
    ("The clashes left dozens of fighters dead.", 12, False),
    ("Five people were wounded in the blast.", 0, False),
    ("killing three soldiers and two civilians", 5, False),
    ("More than 100 fighters have died since May.", 100, True),
    ("The convoy came 70 km from Sirte.", 0, False),
])
def test_fatalities(text: str, deaths: int, aggregate: bool) -> None:
    assert _fatalities(text) == (deaths, aggregate)


@pytest.mark.parametrize(("text", "sub_event_type"), [
    ("Warplanes loyal to Haftar struck positions in Gharyan.", "Air/drone strike"),
    ("Mortar rounds hit Mitiga airport.", "Shelling/artillery/missile attack"),
    ("A suicide car bomb exploded at a checkpoint.", "Suicide bomb"),
    ("A roadside bomb killed two soldiers.", "Remote explosive/landmine/IED"),
    ("Hundreds of protesters took to the streets.", "Peaceful protest"),
    ("Gunmen kidnapped a journalist.", "Abduction/forced disappearance"),
    ("Police arrested three suspects.", "Arrests"),
    ("The two sides signed a ceasefire agreement.", "Agreement"),
])
def test_highest_priority_trigger_types_the_clause(text: str, sub_event_type: str) -> None:
    hits = get_ontology().find_triggers(text)
    assert max(hits, key=lambda h: h.trigger.priority).trigger.sub_event_type == sub_event_type


def test_every_trigger_sub_type_is_in_the_taxonomy() -> None:
    onto = get_ontology()
    for trigger in onto.triggers:
        assert trigger.event_type in onto.taxonomy
        assert trigger.sub_event_type in onto.taxonomy[trigger.event_type]


def test_a_full_stop_that_lost_its_space_still_ends_the_sentence() -> None:
    from frontlines.pipeline.statements.sentences import split_sentences

    text = "Troops tried to retake the city.It leaves the airport as their last base. They live in the U.S. and read example.com daily."
    assert [text[s:e] for s, e in split_sentences(text)] == [
        "Troops tried to retake the city.", "It leaves the airport as their last base.",
        "They live in the U.S. and read example.com daily."]


# -- quantities found by scanning only the stretches that can hold one (issue 14) --------------------------------------
_COUNT_WORDS = ["at least", "12", "1,200", "two", "twenty-one", "a", "dozens of", "hundreds", "people", "PEOPLE",
                "soldiers", "members of", "the", "Libyan", "fighters", "police", "policemen", "or", "to", "-", "\u2013",
                "killed", ".", ",", "(", "\u2019s", '"', "men", "many", "others", "\u0130", "\u017foldiers"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_COUNT_WORDS), st.sampled_from([" ", "\n", "\n\n", "", "\t", " - "])),
                max_size=14))
def test_find_quantities_equals_the_whole_text_scan(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts)
    assert [m.span() for m in find_quantities(text)] == [m.span() for m in QUANTITY.finditer(text)]


@pytest.mark.parametrize("text", ["At least 12\npeople died. (Two soldiers) and dozens of\n\nLibyan fighters",
                                  "Killed: 3 \u017foldiers, 1,200 PEOPLE - or more - members of the brigade.",
                                  "Two - three soldiers (and twenty-one people)."])
def test_find_quantities_across_lines_and_folded_letters(text: str) -> None:
    found = [m.group() for m in find_quantities(text)]
    assert found == [m.group() for m in QUANTITY.finditer(text)] and found


def test_a_count_of_dozens_or_hundreds_multiplies() -> None:
    from frontlines.pipeline.events.fatalities import count_fatalities
    from frontlines.pipeline.mentions.numbers import parse_number

    assert parse_number("two dozen") == 24 and parse_number("three hundred") == 300
    assert count_fatalities("The attack left two dozen dead.")[0] == 24
    assert count_fatalities("Two of them died.")[0] == 2
