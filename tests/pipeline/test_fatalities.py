"""Fatality counts: one incident's toll shared by its events, and further ACLED counting conventions."""

from __future__ import annotations

from datetime import date

import pytest



def _events(text: str):  # noqa: ANN202
    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.ingest import document_from_text

    return Pipeline.default().process(document_from_text(text, id="t", published=date(2021, 5, 5), format="csv")).events


def _tolls(text: str) -> list[tuple[str, int]]:
    return [(e.event_type, e.fatalities) for e in _events(text)]


def test_the_opening_event_takes_the_toll_told_with_a_later_event_of_the_incident() -> None:
    assert _tolls("Gunmen stormed an army camp near Kidal, Mali. The attackers set the tents on fire. "
                  "Four soldiers were killed.")[0] == ("Battles", 4)


def test_a_new_incident_keeps_its_toll() -> None:
    assert _tolls("Gunmen stormed an army camp near Kidal, Mali. In another attack, rebels set a market on fire "
                  "and four traders were killed.")[0] == ("Battles", 0)


def test_a_violent_event_told_next_takes_the_incidents_toll() -> None:
    assert _tolls("A roadside bomb killed two soldiers near Gao, Mali. The militants then fired on the convoy.") \
        == [("Explosions/Remote violence", 2), ("Battles", 2)]


@pytest.mark.parametrize("text", [
    "A roadside bomb killed two soldiers near Gao, Mali. Police later arrested a suspect.",  # not violent
    "A roadside bomb killed two soldiers near Gao, Mali. On 3 May, militants fired on a convoy near Gao.",  # own date
])
def test_the_toll_is_not_given_to_an_arrest_or_another_days_attack(text: str) -> None:
    assert [f for _, f in _tolls(text)][1:] == [0]
