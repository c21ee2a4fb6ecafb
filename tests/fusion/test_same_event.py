"""Same event or not, with the reports' sentences (issue 13, deliverable 1). Every sentence here is written for the
test: no gold text."""

from __future__ import annotations

from typing import Any

from frontlines.fusion.cluster import choose_cluster, disagreements, match, same_event
from frontlines.fusion.evidence import compare
from frontlines.model import Event


def _ev(eid: str, doc: str, notes: str = "", **kw: Any) -> Event:
    base: dict[str, Any] = dict(event_id=eid, event_date="2019-10-14", time_precision=1,
                                event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
                                actor1="LNA", actor1_id="lby.lna", location="Tajoura", latitude=32.88,
                                longitude=13.35, admin1="Tripoli", country="Libya", document_id=doc, notes=notes)
    base.update(kw)
    return Event(**base)


def test_one_strike_told_by_two_outlets_merges_and_keeps_its_disagreements() -> None:
    a = _ev("a", "d1", "A drone strike hit the Dar Wafa migrant centre in Tajoura late on Monday, killing three "
                       "people, the health ministry said.", fatalities=3)
    b = _ev("b", "d2", "Warplanes loyal to Haftar bombed a shelter for migrants, Dar al-Wafa, in the Tajoura "
                       "district, one person was killed.", fatalities=1, event_date="2019-10-15")
    verdict = match(a, b)
    assert verdict.same and verdict.evidence is not None and verdict.evidence.shared
    assert disagreements(a, b) == ["tolls 3 vs 1", "dates a day apart"]


def test_a_short_report_without_particulars_still_merges() -> None:
    a = _ev("a", "d1", "An air strike hit a farm on the edge of Tajoura on Monday, residents said.")
    b = _ev("b", "d2", "LNA aircraft struck the eastern suburb overnight.")
    assert same_event(a, b)  # nothing in the sentences says two incidents


def test_two_incidents_of_one_day_and_town_with_different_targets_stay_apart() -> None:
    school = _ev("a", "d1", "A drone struck the Al-Bayan Girls School in Tajoura on Monday, witnesses said.")
    hotel = _ev("b", "d2", "An air strike destroyed part of the Zahrat Nakheel Hotel in Tajoura on Monday.")
    verdict = match(school, hotel)
    assert not verdict.same and "different particulars" in verdict.reason
    assert same_event(school, hotel, text=False)  # the coded fields alone cannot tell them apart


def test_protests_of_different_groups_or_sides_stay_apart() -> None:
    kw = dict(event_type="Protests", sub_event_type="Peaceful protest", actor1="Protesters (Libya)", actor1_id=None)
    students = _ev("a", "d1", "Hundreds of students marched to demand their grants.", **kw)
    drivers = _ev("b", "d2", "Taxi drivers blocked the coastal road over fuel prices.", **kw)
    assert "different participants" in match(students, drivers).reason
    pro = _ev("c", "d3", "Government supporters took to the streets after Friday prayers.", **kw)
    against = _ev("d", "d4", "Opposition supporters took to the streets after Friday prayers.", **kw)
    assert compare(pro, against).similarity >= 0.5 and not same_event(pro, against)


def test_tolls_that_cannot_be_one_incident_stay_apart_but_tolls_that_differ_merge() -> None:
    assert not same_event(_ev("a", "d1", "Two guards died.", fatalities=2),
                          _ev("b", "d2", "Thirty fighters were killed.", fatalities=30))
    assert same_event(_ev("a", "d1", "At least 50 soldiers died.", fatalities=50),
                      _ev("b", "d2", "Dozens of soldiers were killed.", fatalities=12))


def test_the_tajoura_drone_strike_stays_apart_from_car_bombs_elsewhere_and_the_same_day() -> None:
    strike = _ev("a", "d1", "A drone strike hit a munitions depot in Tajoura.")
    car_bomb_here = _ev("b", "d2", "A car bomb exploded near a munitions depot in Tajoura.",
                        sub_event_type="Remote explosive/landmine/IED")
    car_bomb_there = _ev("c", "d3", "A drone strike hit a munitions depot in Abu Salim.", location="Abu Salim",
                         latitude=32.84, longitude=13.18)
    assert not same_event(strike, car_bomb_here)  # other family of sub-types: no text makes it one
    assert not same_event(strike, car_bomb_there)  # another district 15 km away


def test_sub_types_of_one_family_merge_only_with_the_sentences_support() -> None:
    kw = dict(event_type="Protests", actor1="Protesters (Libya)", actor1_id=None)
    a = _ev("a", "d1", "Police fired tear gas at the Martyrs Square sit-in of nurses demanding back pay.",
            sub_event_type="Protest with intervention", **kw)
    b = _ev("b", "d2", "Nurses staged a sit-in at Martyrs Square over months of unpaid wages.",
            sub_event_type="Peaceful protest", **kw)
    assert same_event(a, b)
    bare_a, bare_b = _ev("c", "d3", sub_event_type="Protest with intervention", **kw), _ev(
        "d", "d4", sub_event_type="Peaceful protest", **kw)
    assert not same_event(bare_a, bare_b)


def test_a_report_that_fits_two_distinct_incidents_joins_the_one_its_sentence_supports() -> None:
    school = _ev("a", "d1", "A drone struck the Al-Bayan Girls School in Tajoura.")
    hotel = _ev("b", "d2", "An air strike destroyed part of the Zahrat Nakheel Hotel in Tajoura.")
    about_school = _ev("c", "d3", "Pupils were evacuated after the strike on the Al-Bayan school.")
    vague = _ev("d", "d4", "Another air raid was reported in Tajoura.")
    candidates = [(school, "cl-school"), (hotel, "cl-hotel")]
    chosen = choose_cluster(about_school, candidates)
    assert chosen is not None and chosen[1] == "cl-school"
    assert choose_cluster(vague, candidates) is None  # two reports of one day and place that differ: two incidents
    assert choose_cluster(vague, [(school, "cl-school")]) == (school, "cl-school")  # one incident: it joins


def test_a_site_told_as_another_attack_is_another_incident() -> None:
    """A report of a raid on one village that mentions, as another attack, the village a second report is about
    tells two incidents, however alike the rest of their sentences; a report whose own target is shared stays one."""
    first = _ev("a", "d1", "Militants raided Zawiyat Umm village near Tajoura at dusk, killing two guards. The raid "
                           "followed a dispute over the checkpoint.", fatalities=2, sub_event_type="Armed clash",
                event_type="Battles")
    second = _ev("b", "d2", "Militants raided Bir Hasan village near Tajoura at dusk, killing two guards. The raid "
                            "followed a dispute over the checkpoint. The militants also attacked Zawiyat Umm at the "
                            "same time.", fatalities=2, sub_event_type="Armed clash", event_type="Battles")
    evidence = compare(first, second)
    assert evidence.hard_conflict and "as another attack" in evidence.conflicts[0]
    assert not same_event(first, second)
    third = _ev("c", "d3", "Militants raided Zawiyat Umm village near Tajoura at dusk and also attacked a police post "
                           "in Bir Hasan.", fatalities=2, sub_event_type="Armed clash", event_type="Battles")
    assert same_event(first, third)  # its own target is the first report's


def test_a_village_of_its_own_and_another_named_site_are_two_places() -> None:
    village = _ev("a", "d1", "Gunmen attacked a checkpoint in the village of Karbaya, north of the town, and two "
                             "guards died later in hospital.", fatalities=2)
    town = _ev("b", "d2", "In Tajoura, two men on a motorbike shot dead a policeman.", fatalities=1)
    verdict = match(village, town)
    assert not verdict.same and "different sites: karbaya vs tajoura" in verdict.reason
    district = _ev("c", "d3", "Gunmen attacked a checkpoint at the Souq al-Juma district, killing two guards.",
                   fatalities=2)
    assert same_event(town, district)  # a district of the town is no settlement of its own
    named = _ev("d", "d4", "Two guards were shot at a checkpoint near Karbaya village, in Tajoura.", fatalities=2)
    assert same_event(village, named)  # both name the village


def test_a_killing_told_as_what_came_before_the_deed_is_the_other_incident() -> None:
    killing = _ev("a", "d1", "A policeman shot dead a young man during a quarrel between two families.",
                  event_type="Riots", sub_event_type="Mob violence", fatalities=1)
    arson = _ev("b", "d2", "After the policeman killed the young man, his relatives set fire to three houses.",
                event_type="Riots", sub_event_type="Mob violence", fatalities=0)
    verdict = match(arson, killing)
    assert not verdict.same and "what came before its own deed" in verdict.reason
    retold = _ev("c", "d3", "After the policeman killed the young man, the family buried him the same evening.",
                 event_type="Riots", sub_event_type="Mob violence", fatalities=1)
    assert same_event(retold, killing)  # it counts the death: its killing is its own incident
