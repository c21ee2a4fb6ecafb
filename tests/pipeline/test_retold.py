"""One incident told twice is one event; what sets two incidents apart keeps them apart."""

from __future__ import annotations

from datetime import date

import pytest

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
    assert protests[0].actor1_id == "gen.protesters.ML" and protests[0].actor2_id == "gen.police.ML"  # ACLED: protesters first


def _merge(*events):  # noqa: ANN202
    from frontlines.model import Document
    from frontlines.pipeline.events.retold import merge_retold

    doc = Document(id="d", text=" ".join(e.notes for e in events))
    return merge_retold(doc, list(events), "frontlines.events@test"), doc


def test_the_telling_with_a_day_gives_the_incident_its_day() -> None:
    """A lede without a day and a retelling that has one ("Clashes erupted on Sunday night") are one incident,
    dated by the retelling; the rule alone, with the day mention the date stage would have found."""
    from frontlines.model import Document, Mention
    from frontlines.pipeline.events.retold import merge_retold

    lede = "Six people died in fighting between the army and a militia in Kidal."
    again = "Clashes erupted on Sunday night and went on until dawn."
    doc = Document(id="d", text=f"{lede} {again}")
    day = doc.text.index("Sunday")
    doc.mentions.append(Mention("Sunday", day, day + 6, "date", date="2021-03-07", time_precision=1))
    events = [_event("a", lede, 0, event_date="2021-03-10", date_fallback=True),
              _event("b", again, len(lede) + 1, event_date="2021-03-07")]
    [kept] = merge_retold(doc, events, "frontlines.events@test")
    assert kept.event_date == "2021-03-07" and not kept.date_fallback


def test_a_day_of_its_own_told_as_another_type_stays_apart() -> None:
    """An armed clash in the lede and an attack on civilians dated on its own are two incidents."""
    from frontlines.model import Document, Mention
    from frontlines.pipeline.events.retold import merge_retold

    lede = "Rebels attacked the town of Kidal, and clashes with soldiers left ten dead."
    other = "Rebels attacked displaced families on Wednesday, killing four."
    doc = Document(id="d", text=f"{lede} {other}")
    day = doc.text.index("Wednesday")
    doc.mentions.append(Mention("Wednesday", day, day + 9, "date", date="2021-03-03", time_precision=1))
    events = [_event("a", lede, 0, event_date="2021-03-10"),
              _event("b", other, len(lede) + 1, event_date="2021-03-03", event_type="Violence against civilians",
                     sub_event_type="Attack", actor1_id="mli.rebels", actor2_id="gen.civilians.ML")]
    assert len(merge_retold(doc, events, "frontlines.events@test")) == 2


def test_what_an_attack_left_behind_is_part_of_it() -> None:
    """Weapons seized or property destroyed, told after an armed incident with no day or place of their own, are
    the incident's aftermath; the armed incident carries the event even when the aftermath is told first."""
    attack = _event("a", "Militants attacked the army base at Kidal on Monday, killing nine soldiers.", 0)
    seized = _event("b", "They seized many weapons and vehicles.", 80, event_type="Strategic developments",
                    sub_event_type="Disrupted weapons use")
    damaged = _event("c", "A mosque was damaged.", 0, event_type="Strategic developments",
                     sub_event_type="Looting/property destruction")
    bombing = _event("d", "The bombing hit two houses.", 30, event_type="Explosions/Remote violence",
                     sub_event_type="Remote explosive/landmine/IED")
    (kept,), _ = _merge(attack, seized)
    assert kept.sub_event_type == "Armed clash"
    (kept,), _ = _merge(damaged, bombing)
    assert kept.sub_event_type == "Remote explosive/landmine/IED"


def test_taking_a_town_and_leaving_it_are_two_changes_of_hands() -> None:
    taken = _event("a", "The militants captured the port town without resistance.", 0, event_type="Strategic developments",
                   sub_event_type="Non-violent transfer of territory", reason="trigger 'captured'")
    left = _event("b", "The militants withdrew from the port town at dusk.", 60, event_type="Strategic developments",
                  sub_event_type="Non-violent transfer of territory", reason="trigger 'withdrew from'")
    retaken = _event("c", "Troops seized the port town without a fight.", 120, event_type="Strategic developments",
                     sub_event_type="Non-violent transfer of territory", reason="trigger 'seized'")
    kept, _ = _merge(taken, left)
    assert len(kept) == 2
    kept, _ = _merge(taken, retaken)  # both tell a taking: one change of hands, told twice
    assert len(kept) == 1


def test_a_commander_and_his_forces_are_one_party() -> None:
    """"Haftar's troops" and "the LNA" fighting the same enemy are the same side of one clash."""
    first = _event("a", "Fierce clashes erupted in Ain Zara between the GNA and the LNA.", 0, location="Ain Zara",
                   actor1_id="lby.gna.forces", actor2_id="lby.lna")
    again = _event("b", "The clashes between forces loyal to the GNA and those loyal to Haftar went on.", 70,
                   location="Ain Zara", actor1_id="lby.haftar", actor2_id="lby.gna.forces")
    kept, _ = _merge(first, again)
    assert len(kept) == 2  # without knowing who commands whom, two parties differ
    from frontlines.model import Document
    from frontlines.pipeline.events.retold import merge_retold

    side = {"lby.haftar": "lby.lna"}.get
    doc = Document(id="d", text=first.notes + " " + again.notes)
    assert len(merge_retold(doc, [first, again], "t", lambda i: side(i) or i)) == 1


def test_a_speaker_saying_more_and_a_count_of_victims_are_no_cue_of_another_incident() -> None:
    from frontlines.pipeline.events.retold import _ANOTHER

    for told in ("He also said that a roadside bomb was used in the blast.",
                 "One protester was shot in the head, while the second was hit by a canister."):
        assert _ANOTHER.search(told) is None, told
    for other in ("A second blast hit the market an hour later.", "Militants also attacked a checkpoint."):
        assert _ANOTHER.search(other), other


def test_a_later_day_of_its_own_is_another_incident_unless_it_only_points_back() -> None:
    doc = _doc("Militants ambushed an army convoy near Kidal, Mali, on Monday, killing three soldiers.\n\n"
               "Two civilians were killed when a shell hit their home in Kidal on Tuesday.")
    assert len([e for e in doc.events if e.event_type != "Strategic developments"]) == 2
    doc = _doc("Nine people died in fighting between the army and rebels in Kidal, Mali, officials said.\n\n"
               "The fighting broke out on Sunday night.")
    (event,) = doc.events
    assert event.event_date == "2021-03-07"


def test_an_arrest_and_an_agreement_are_not_one_development() -> None:
    arrest = _event("a", "Police arrested two militants in Kidal.", 0, event_type="Strategic developments",
                    sub_event_type="Arrests")
    truce = _event("b", "The elders entered Kidal during a ceasefire.", 50, event_type="Strategic developments",
                   sub_event_type="Agreement")
    kept, _ = _merge(arrest, truce)
    assert len(kept) == 2


def test_a_telling_that_points_back_gives_day_and_place_and_the_one_that_names_the_incident_types_it() -> None:
    doc = _doc("KIDAL — A government air strike on a town in northern Mali killed at least 20 people, residents said.\n\n"
               "Yesterday's raid struck the market of Kidal, according to local officials.")
    violent = [e for e in doc.events if e.event_type in ("Explosions/Remote violence", "Violence against civilians")]
    assert [(e.sub_event_type, e.location, e.event_date) for e in violent] == [("Air/drone strike", "Kidal", "2021-03-09")]


def test_what_an_incident_also_did_is_part_of_it() -> None:
    attack = _event("a", "Militants attacked the army base at Kidal on Monday, killing nine soldiers.", 0)
    seized = _event("b", "Several of their rifles were also seized, the army said.", 80, event_type="Strategic developments",
                    sub_event_type="Disrupted weapons use")
    (kept,), _ = _merge(attack, seized)
    assert kept.sub_event_type == "Armed clash"
    other = _event("c", "Militants also attacked a checkpoint near the base.", 80)
    kept, _ = _merge(attack, other)  # "also" before another attack is still another incident
    assert len(kept) == 2


def test_an_attack_where_both_sides_fired_is_a_battle() -> None:
    attack = _event("a", "Clan militiamen attacked herders near Kidal on Monday.", 0, event_type="Violence against civilians",
                    sub_event_type="Attack", actor1_id="gen.communal.ML", actor2_id="gen.civilians.ML")
    fight = _event("b", "There was an exchange of gunfire with the herders.", 60)
    (kept,), _ = _merge(attack, fight)
    assert (kept.event_type, kept.sub_event_type) == ("Battles", "Armed clash")


def test_the_other_parts_of_one_incident_and_a_cue_in_a_later_clause_do_not_make_another() -> None:
    from frontlines.model import Document
    from frontlines.pipeline.events.retold import merge_retold

    first = "Militants stormed an army checkpoint in Kidal on Monday."
    for again, merged in [("The attacks on the other two checkpoints diverted the troops.", True),
                          ("The attack took place near the main gate, while the police post is also nearby.", True),
                          ("The other attack hit a police post.", False),
                          ("The militants also attacked a police post.", False)]:
        doc = Document(id="d", text=f"{first} {again}")
        events = [_event("a", first, 0, reason="trigger 'stormed'"),
                  _event("b", again, len(first) + 1, reason=f"trigger '{'attacks' if 'attacks on' in again else 'attack'}'")]
        assert (len(merge_retold(doc, events, "frontlines.events@test")) == 1) == merged, again


def test_people_fleeing_are_no_event_and_shield_the_attack_they_flee() -> None:
    doc = _doc("Hundreds of residents fled the town of Kidal, Mali, on Monday.\n\n"
               "Villagers fled their homes near Gao because of attacks by gunmen.")
    assert not doc.events
    assert {n.rule for n in doc.non_events} == {"displacement"}


def test_a_protest_and_what_it_became_are_one_incident() -> None:
    from frontlines.model import Document
    from frontlines.pipeline.events.retold import merge_retold

    first = "Thousands of people took to the streets of Kidal on Monday."
    again = "The march ended up hijacked by vandals who burnt tyres."
    doc = Document(id="d", text=f"{first} {again}")
    events = [_event("a", first, 0, event_type="Protests", sub_event_type="Peaceful protest", reason="trigger 'took to the streets'"),
              _event("b", again, len(first) + 1, event_type="Riots", sub_event_type="Violent demonstration",
                     reason="trigger 'burnt tyres'")]
    assert len(merge_retold(doc, events, "frontlines.events@test")) == 1
    shot = "One protester was shot in the head."
    doc = Document(id="d", text=f"{first} {shot}")
    events = [_event("a", first, 0, event_type="Protests", sub_event_type="Excessive force against protesters",
                     reason="trigger 'took to the streets'"),
              _event("b", shot, len(first) + 1, event_type="Violence against civilians", sub_event_type="Attack",
                     reason="trigger 'was shot'")]
    assert len(merge_retold(doc, events, "frontlines.events@test")) == 1


def test_what_an_incident_left_behind_at_its_own_place_is_part_of_it() -> None:
    from frontlines.model import Document, Mention
    from frontlines.pipeline.events.retold import merge_retold

    first = "On Monday the rebels took Kidal after a day of fighting."
    again = "The rebels looted the banks of Kidal and seized weapons."
    doc = Document(id="d", text=f"{first} {again}")
    at = len(first) + 1 + again.index("Kidal")
    doc.mentions.append(Mention("Kidal", at, at + 5, "place", canonical="Kidal"))
    taken = _event("a", first, 0, sub_event_type="Non-state actor overtakes territory", reason="trigger 'took'")
    looted = _event("b", again, len(first) + 1, event_type="Strategic developments",
                    sub_event_type="Looting/property destruction", reason="trigger 'looted'")
    [kept] = merge_retold(doc, [taken, looted], "frontlines.events@test")
    assert kept.event_id == "a"
    # with a toll of its own, the telling is an incident of its own
    looted.fatalities = 5
    doc.non_events.clear()
    assert len(merge_retold(doc, [taken, looted], "frontlines.events@test")) == 2


def test_the_defenders_repelling_the_attackers_tell_the_same_attack() -> None:
    from frontlines.model import Document
    from frontlines.pipeline.events.retold import merge_retold

    first = "Fighters of the Kivu Front attacked the town of Kidal."
    again = "The army repelled the attackers, killing at least 12 of them."
    doc = Document(id="d", text=f"{first} {again}")
    attack = _event("a", first, 0, actor1="Kivu Front", actor1_id="kivu.front", reason="trigger 'attacked'")
    defence = _event("b", again, len(first) + 1, actor1="Military Forces of Mali", actor1_id="mli.forces",
                     actor2="Kivu Front", actor2_id="kivu.front", fatalities=12, reason="trigger 'killing'")
    [kept] = merge_retold(doc, [attack, defence], "frontlines.events@test")
    assert kept.fatalities == 12
    # the other side striking on its own is another incident
    strike = _event("c", "The army shelled the Kivu Front camp.", len(first) + 1, actor1="Military Forces of Mali",
                    actor1_id="mli.forces", actor2="Kivu Front", actor2_id="kivu.front", reason="trigger 'shelled'")
    assert len(merge_retold(doc, [_event("a", first, 0, actor1="Kivu Front", actor1_id="kivu.front",
                                         reason="trigger 'attacked'"), strike], "frontlines.events@test")) == 2


def test_one_party_at_one_place_on_one_day_told_as_two_types_is_one_event() -> None:
    from frontlines.model import Document, Mention
    from frontlines.pipeline.events.retold import merge_retold

    first = "Fourteen soldiers were killed in a Kivu Front attack in Kidal."
    again = "That night the rebels drove a car bomb into the gate of the Kidal police post."
    text = f"{first} {again}"

    def told(day: str) -> tuple[Document, list]:
        doc = Document(id="d", text=text)
        for at in (text.index("Kidal"), text.index("Kidal", len(first))):
            doc.mentions.append(Mention("Kidal", at, at + 5, "place", canonical="Kidal"))
        at = text.index("That night")
        doc.mentions.append(Mention("That night", at, at + 10, "date", canonical=day, date=day))
        clash = _event("a", first, 0, actor1="Kivu Front", actor1_id="kivu.front", fatalities=14,
                       reason="trigger 'attack'")
        bomb = _event("b", again, len(first) + 1, event_type="Explosions/Remote violence", event_date=day,
                      sub_event_type="Remote explosive/landmine/IED", actor1="Kivu Front", actor1_id="kivu.front",
                      reason="trigger 'car bomb'")
        return doc, [clash, bomb]

    doc, events = told("2021-03-08")
    assert len(merge_retold(doc, events, "frontlines.events@test")) == 1
    doc, events = told("2021-03-09")  # another day is another event
    assert len(merge_retold(doc, events, "frontlines.events@test")) == 2


_BOMBING = ("Mopti, Mali - Attacks on the army have grown across the centre this year.\n\n"
            "Three soldiers were killed and nine wounded when two suicide bombers struck an army post in Tessit "
            "on Thursday, officials said.\n\n")


def test_the_next_paragraph_without_a_place_tells_on_the_incident_before_it() -> None:
    """Its place would be the report's first town (the dateline's), which does not make it another incident."""
    doc = _doc(_BOMBING + "Two gunmen opened fire on the guards at the gate. The suicide bombers blew themselves "
               "up when the guards fired back.")
    [bombing] = [e for e in doc.events if e.event_type in ("Battles", "Explosions/Remote violence")]
    assert bombing.sub_event_type == "Suicide bomb" and bombing.fatalities == 3 and bombing.location == "Tessit"


def test_a_telling_further_down_the_report_stays_apart() -> None:
    doc = _doc(_BOMBING + "The governor visited the wounded in hospital on Friday.\n\n"
               "Suicide bombers blew themselves up at the market, witnesses said.")
    assert len([e for e in doc.events if e.sub_event_type == "Suicide bomb"]) == 2


_BLAST = ("At least seven people were killed when a bomb went off near a market in Gao, Mali, on Tuesday, a local radio "
          "station reported. ")


def test_another_sources_lower_toll_of_the_incident_is_the_one_coded() -> None:
    """ACLED codes the most conservative figure reported for one incident."""
    [ev] = _doc(_BLAST + "The police chief said the blast killed three people.").events
    assert ev.fatalities == 3 and "police chief" in ev.reason


def test_a_count_of_some_of_the_dead_is_no_lower_toll() -> None:
    [ev] = _doc(_BLAST + "The police chief said the blast killed three of them.").events
    assert ev.fatalities == 7


def test_a_strike_told_in_the_passive_is_the_strike_told_before() -> None:
    [ev] = _doc("A drone strike killed three militants in a car in Gao, Mali, officials said on Wednesday. "
                "They said the apparent French strike was carried out late on Monday.").events
    assert ev.sub_event_type == "Air/drone strike" and ev.event_date == "2021-03-08"


def test_an_incident_no_one_has_claimed_is_not_the_one_a_group_did() -> None:
    doc = _doc("A Boko Haram suicide bomber struck a police post in Maiduguri, Nigeria, on Monday, killing six officers. "
               "No one has yet claimed Monday's truck bombing in a market of Maiduguri, which killed at least 11 people.")
    assert sorted(e.fatalities for e in doc.events if e.event_type == "Explosions/Remote violence") == [6, 11]


def test_a_killing_told_in_a_relative_clause_of_an_incident_noun_is_that_incidents_toll() -> None:
    [ev] = _doc("No group has claimed the car bombing in a busy street of Gao which killed at least nine people.").events
    assert ev.sub_event_type == "Remote explosive/landmine/IED" and ev.fatalities == 9


def test_fighting_over_a_span_of_days_is_no_retelling_of_the_first_days_strike() -> None:
    doc = _doc("On Monday, army drones struck a house in Kidal, Mali, killing three rebels of the CSP. Soldiers and "
               "the rebels exchanged fire in Kidal throughout Monday and Tuesday.")
    assert {e.sub_event_type for e in doc.events} >= {"Air/drone strike", "Armed clash"}
    doc = _doc("Army aircraft bombed a camp near Kidal, Mali, on Friday. Troops fought the CSP rebels around the camp "
               "from Friday to Sunday.")
    assert {e.sub_event_type for e in doc.events} >= {"Air/drone strike", "Armed clash"}


def test_what_the_attackers_also_burned_is_their_attack_however_the_report_names_them() -> None:
    for text in ("Members of the 400 Mawozo gang attacked the town of Croix-des-Bouquets, Haiti, on Thursday, killing 15 "
                 "people, the UN said. Gang members also set fire to 20 houses and a church, residents said.",
                 "Gran Grif gunmen raided the village of Liancourt, Haiti, on Sunday, killing nine people. Gang members "
                 "also burned 30 homes, a local official said."):
        [ev] = extract_text(text, published=date(2024, 3, 10)).events
        assert ev.sub_event_type == "Attack" and ev.fatalities in (9, 15)


@pytest.mark.parametrize(("text", "toll"), [
    ("About 20 gunmen attacked a police post near Mandera, Kenya, on Sunday, killing two officers. Police fought "
     "back for several hours; four of the attackers were killed, the interior minister said.", 6),
    ("Jihadists attacked an army post near Tillaberi, Niger, on Friday, killing five soldiers. Six of the "
     "assailants were killed as troops repelled the assault, a local official said.", 11),
    ("Armed men raided a police station in Gusau, Nigeria, on Monday, killing three policemen. Two of the gunmen "
     "were shot dead during the raid, residents said.", 5),
])
def test_the_attackers_dead_told_next_add_to_the_attacks_toll(text: str, toll: int) -> None:
    _one_attack_with_toll(text, toll)


def _one_attack_with_toll(text: str, toll: int) -> None:
    [ev] = extract_text(text, published=date(2024, 3, 12)).events
    assert ev.fatalities == toll, ev.reason


def test_the_attackers_dead_the_first_telling_counted_are_not_added_again() -> None:
    [ev] = extract_text("Gunmen attacked a police post near Mandera, Kenya, on Sunday, killing two officers and four of "
                        "the attackers. Four of the attackers were killed in the exchange of fire, police said.",
                        published=date(2024, 3, 12)).events
    assert ev.fatalities <= 6


@pytest.mark.parametrize(("text", "toll"), [
    ("On Sunday evening a group of attackers fired on a police post in Makhachkala, Russia, killing six officers. "
     "Police later cornered the attackers in a park and killed five of them in a shootout, investigators said.", 11),
    ("Gunmen stormed a bank in Garissa, Kenya, on Monday, killing two guards. Police later surrounded the gunmen "
     "and shot dead three of them, officials said.", 5),
])
def test_what_happened_later_to_the_attackers_goes_on_with_their_attack(text: str, toll: int) -> None:
    _one_attack_with_toll(text, toll)


def test_a_later_fight_that_does_not_point_back_at_the_attackers_is_another_incident() -> None:
    events = extract_text("Militants attacked an army post near Tillaberi, Niger, on Friday, killing five soldiers. Troops "
                          "later clashed with militants near the post, killing three.", published=date(2024, 3, 12)).events
    assert sorted(e.fatalities for e in events) == [3, 5]


def test_another_towns_dated_telling_is_no_retelling_of_an_incident_placed_by_the_paragraph_before() -> None:
    doc = extract_text("Protesters stormed the governor's office in Mombasa, Kenya, on Tuesday.\n\nLater that night, police "
                       "opened fire on demonstrators at a roundabout, killing three people, witnesses said.\n\nIn Kisumu, "
                       "in the west, police used tear gas to disperse hundreds of people who had gathered outside the "
                       "county offices on Tuesday afternoon.", published=date(2024, 3, 12))
    assert {(e.location, e.fatalities) for e in doc.events} >= {("Mombasa", 3), ("Kisumu", 0)}
    doc = extract_text("Students marched on the parliament in Dhaka, Bangladesh, on Sunday.\n\nPolice later fired rubber "
                       "bullets at the marchers near a university hall, wounding dozens.\n\nIn Chittagong, police broke up "
                       "a rally of opposition supporters with batons on Sunday evening.", published=date(2024, 3, 12))
    assert [e.location for e in doc.events].count("Dhaka") == 2


@pytest.mark.parametrize(("text", "tolls"), [
    ("Six police officers were killed by rioters in the east of Freetown, Sierra Leone, on Wednesday, police said.\n\n"
     "In the northern city of Makeni, police fired tear gas and live rounds at protesters who had gathered at the clock "
     "tower, killing two, witnesses said.", [2, 6]),
    ("Rioters killed a policeman in the west of Kisumu, Kenya, on Tuesday, police said.\n\n"
     "In the coastal city of Mombasa, police fired live rounds at protesters outside the county offices, killing three, "
     "residents said.", [1, 3]),
    ("Four police officers were killed by rioters in the north of Conakry, Guinea, on Thursday, police said.\n\n"
     "In the eastern town of Kankan, gendarmes fired on protesters who had gathered at the market, killing two, "
     "witnesses said.", [2, 4]),
])
def test_a_town_far_from_a_place_told_relative_to_another_is_another_incident(text: str, tolls: list[int]) -> None:
    """A place told relative to a town ('in the east of Freetown') is the first telling's own place: a later
    sentence naming a town far from it, with no day of its own, tells another incident, and its toll is its own (set
    o: the Makeni shooting was folded into the Freetown riot and its two dead replaced the riot's six)."""
    events = _doc(text).events
    assert sorted(e.fatalities or 0 for e in events) == tolls, [(e.location, e.fatalities, e.reason) for e in events]
