"""One incident told twice is one event; what sets two incidents apart keeps them apart."""

from __future__ import annotations

from datetime import date

from frontlines.pipeline import extract_text


def _doc(text: str):  # noqa: ANN202
    return extract_text(text, published=date(2021, 3, 10))


def _event(eid: str, notes: str, start: int, **kw):  # noqa: ANN202
    from frontlines.model import Event

    base = dict(event_date="2021-03-08", time_precision=1, event_type="Battles", sub_event_type="Armed clash",
                location="Kidal", latitude=18.44, longitude=1.41)
    base.update(kw)
    return Event(event_id=eid, notes=notes, evidence={"start": start, "end": start + len(notes)}, **base)


def test_the_rule_alone_folds_a_retelling_into_the_fuller_telling() -> None:
    from frontlines.model import Document
    from frontlines.pipeline.events.retold import merge_retold

    first = "Fighting broke out in Kidal on Monday."
    again = "The fighting lasted two hours and killed four soldiers of the army."
    doc = Document(id="d", text=f"{first} {again}")
    events = [_event("a", first, 0), _event("b", again, len(first) + 1, fatalities=4, actor2="Military Forces of Mali",
                                            actor2_id="mli.forces")]
    [kept] = merge_retold(doc, events, "frontlines.events@test")
    assert kept.fatalities == 4 and kept.actor2_id == "mli.forces"
    [retold] = doc.non_events
    assert retold.rule == "retold" and "same incident" in retold.reason


def test_a_retelling_is_one_event_end_to_end() -> None:
    doc = _doc("Gunmen attacked a police post in Kidal, Mali, on Monday, killing four officers. "
               "Gunmen stormed the post at dawn, a police spokesman said.")
    violent = [e for e in doc.events if e.event_type in ("Battles", "Violence against civilians")]
    assert len(violent) == 1 and violent[0].fatalities == 4


def test_another_place_is_another_incident() -> None:
    doc = _doc("Gunmen attacked a police post in Kidal, Mali, on Monday. Gunmen attacked a checkpoint in Gao on Monday.")
    assert {e.location for e in doc.events} >= {"Kidal", "Gao"}


def test_another_day_is_another_incident() -> None:
    doc = _doc("Gunmen attacked a police post in Kidal, Mali, on Monday. "
               "Gunmen attacked the same police post in Kidal on Thursday.")
    assert len({e.event_date for e in doc.events}) == 2


def test_a_cue_of_another_incident_keeps_it_apart() -> None:
    doc = _doc("Gunmen attacked a police post in Kidal, Mali, on Monday. In a separate attack, gunmen stormed a "
               "checkpoint.")
    assert len([e for e in doc.events if e.event_type == "Battles"]) == 2


def test_the_graver_form_codes_the_incident() -> None:
    doc = _doc("Hundreds of people protested against power cuts in Bamako, Mali, on Sunday. "
               "Police opened fire on the protesters, wounding three.")
    protests = [e for e in doc.events if e.event_type == "Protests"]
    assert [e.sub_event_type for e in protests] == ["Excessive force against protesters"]
    assert protests[0].actor2_id and protests[0].actor2_id.startswith("gen.protesters")
