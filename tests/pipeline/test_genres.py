"""Genres: a note (a coder's note, an event dataset's snippet) codes the one incident it was written about, so what a
report's reader sets aside as an aggregate, a vague or spread deed, an ongoing situation or a deployment is, in a note,
how that incident is told (``eventhood.NOTE_KEEPS``). Sentences of our own."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import GENRES, Document
from frontlines.pipeline import Pipeline
from frontlines.pipeline.events.eventhood import NOTE_KEEPS, RULES, rejects
from frontlines.pipeline.reading.ingest import document_from_text


def _doc(text: str, genre: str) -> Document:
    return Pipeline.default().process(document_from_text(text, id="t", published=date(2018, 3, 7), genre=genre))  # type: ignore[arg-type]


# (sentence, the category a report sets it aside as, the sub-event type a note codes)
TOLD_LOOSELY = [
    ("Protests against the new fuel prices were reported in several towns of Kassala state.", "vague",
     "Peaceful protest"),
    ("Protests over the price of bread continued for a third day in Atbara.", "ongoing", "Peaceful protest"),
    ("The army sent reinforcements to the border districts of Kassala state.", "deployment",
     "Change to group/activity"),
    ("Bandits have killed 40 villagers in a series of raids in Zamfara state since January.", "aggregate", "Attack"),
]


@pytest.mark.parametrize(("text", "category", "sub_event"), TOLD_LOOSELY)
def test_a_report_sets_a_loosely_told_deed_aside(text: str, category: str, sub_event: str) -> None:
    doc = _doc(text, "report")
    assert doc.events == [], [(e.sub_event_type, e.reason) for e in doc.events]
    assert category in [n.category for n in doc.non_events], [(n.rule, n.category) for n in doc.non_events]


@pytest.mark.parametrize(("text", "category", "sub_event"), TOLD_LOOSELY)
def test_a_note_codes_the_incident_it_tells_loosely(text: str, category: str, sub_event: str) -> None:
    doc = _doc(text, "note")
    assert [e.sub_event_type for e in doc.events][:1] == [sub_event], [(n.rule, n.reason) for n in doc.non_events]
    assert "kept: a note codes one incident" in doc.events[0].reason
    assert doc.events[0].modality == "asserted"


@pytest.mark.parametrize("text", [
    "The rebels threatened to attack the garrison in Kassala.",  # an intention
    "No protest took place in Atbara on Friday.",  # negated
    "Two soldiers died in a road accident near Kassala.",  # an accident
])
def test_a_note_still_codes_no_threat_denial_or_accident(text: str) -> None:
    note, report = _doc(text, "note"), _doc(text, "report")
    assert [e.modality for e in note.events if e.modality == "asserted"] == []
    assert [(e.sub_event_type, e.modality, e.reason) for e in note.events] == \
        [(e.sub_event_type, e.modality, e.reason) for e in report.events]


def test_genres_differ_only_in_the_categories_a_note_keeps() -> None:
    categories = {rule.category for rule in RULES}
    assert NOTE_KEEPS <= categories | {"vague"}
    for category in categories:
        assert rejects(category, "report")
        assert rejects(category, "note") == (category not in NOTE_KEEPS)
    assert set(GENRES) == {"report", "note"}
    assert Document(id="x", text="y").genre == "report"


def test_the_document_header_tells_the_genre() -> None:
    assert _doc("Protesters marched in Atbara on Monday.", "note").document_header()["genre"] == "note"

