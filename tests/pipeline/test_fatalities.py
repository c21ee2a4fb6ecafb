"""Fatality counts: one incident's toll counted once, on its opening event, and further ACLED counting conventions."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.pipeline.events.fatalities import count_fatalities



def _events(text: str):  # noqa: ANN202
    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    return Pipeline.default().process(document_from_text(text, id="t", published=date(2021, 5, 5), format="csv")).events


def _tolls(text: str) -> list[tuple[str, int]]:
    return [(e.event_type, e.fatalities) for e in _events(text)]


def test_the_opening_event_takes_the_toll_told_with_a_later_event_of_the_incident() -> None:
    assert _tolls("Gunmen stormed an army camp near Kidal, Mali. The attackers set the tents on fire. "
                  "Four soldiers were killed.")[0] == ("Battles", 4)


def test_a_new_incident_keeps_its_toll() -> None:
    assert _tolls("Gunmen stormed an army camp near Kidal, Mali. In another attack, rebels set a market on fire "
                  "and four traders were killed.")[0] == ("Battles", 0)


def test_an_incidents_toll_is_counted_once() -> None:
    """Totals add events' counts: the toll of one incident told in two events must not be added twice."""
    assert _tolls("A roadside bomb killed two soldiers near Gao, Mali. The militants then fired on the convoy.") \
        == [("Explosions/Remote violence", 2), ("Battles", 0)]
    tolls = _tolls("Gunmen stormed an army camp near Kidal, Mali. The attackers set the tents on fire. Four soldiers were killed.")
    assert sum(f for _, f in tolls) == 4


def test_a_lede_printed_twice_and_more_than_a_count_add_no_deaths() -> None:
    lede = ("No fewer than 32 have been killed and more than 100 were admitted to hospitals after the heavy fighting "
            "that rival gunmen have waged across Gao since Friday night, the ministry said on Sunday.")
    assert _tolls(f"Fighting in Gao leaves at least 32 dead\n\n{lede}\n\nBy a staff writer\n\n{lede}") == [("Battles", 32)]


@pytest.mark.parametrize("text", [
    "A roadside bomb killed two soldiers near Gao, Mali. Police later arrested a suspect.",  # not violent
    "A roadside bomb killed two soldiers near Gao, Mali. On 3 May, militants fired on a convoy near Gao.",  # own date
])
def test_the_toll_is_not_given_to_an_arrest_or_another_days_attack(text: str) -> None:
    assert [f for _, f in _tolls(text)][1:] == [0]


@pytest.mark.parametrize(("text", "deaths"), [
    ("Militants shelled an army post near Gao, Mali. Casualties were reported.", 10),
    ("Rebels and troops fought near Gao, Mali; both sides suffered casualties on both sides of the river.", 10),
    ("Rebels raided an army post near Gao, Mali: casualties (exact numbers not known).", 10),
    ("Rebels attacked an army post near Gao, Mali, causing many casualties.", 0),
    ('Rebels attacked an army post near Gao, Mali. The mayor reported "some" casualties.', 10),
    ("Rebels attacked an army post near Gao, Mali. The grenade missed, resulting in no casualties.", 0),
    ("Rebels attacked an army post near Gao, Mali. No civilian casualties were reported.", 0),
    ("Rebels attacked an army post near Gao, Mali. The number of casualties is not known.", 0),
    ("Rebels attacked an army post near Gao, Mali. Deaths have been reported.", 10),
    # a denial of deaths is no uncounted death (set o: a riot in Honiara was given 10 dead by 'No deaths have been
    # reported')
    ("Rioters burned the town hall in Kasese, Uganda, on Monday. No deaths have been reported.", 0),
    ("Crowds looted shops in Mzuzu, Malawi, overnight, but no fatalities were reported.", 0),
])
def test_casualties_reported_without_a_figure_are_coded_as_ten(text: str, deaths: int) -> None:
    assert _events(text)[0].fatalities == deaths


def test_a_peaceful_protest_does_not_take_the_toll_of_the_attack_told_next() -> None:
    events = _events("Traders marched peacefully in Gao, Mali, against new taxes. A mob then attacked a bus "
                     "in Gao, killing three passengers.")
    assert [(e.event_type, e.fatalities) for e in events][0] == ("Protests", 0), [(e.event_type, e.fatalities) for e in events]


@pytest.mark.parametrize(("text", "deaths"), [
    ("Village headman assassinated at his home near the river.", 1),
    ("Head of customs in the border district was shot and killed by two men on a motorbike.", 1),
    ("Provincial MP Omar Said Ali has been shot dead by unknown gunmen.", 1),
    ("Riverside fisherman killed by a patrol boat crew.", 1),
    ("Police officer killed three suspects in the raid.", 3),  # the titled man is the killer
    ("No soldier was killed in the ambush.", 0),
    ("The district commissioner said no trader died.", 0),
])
def test_a_titled_victim_with_no_article_is_one_death(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("Two gunmen on a motorbike assassinated Amina Yusuf Hassan outside her shop.", 1),
    ("Masked men executed district tax collector Ali Warsame at a checkpoint.", 1),
    ("Unknown gunmen assassinated schoolteacher in the market.", 0),  # "schoolteacher" is no listed title
    ("A guard shot dead fisherman who ignored a warning.", 1),
    ("Rebels assassinated local councillor near the bridge.", 1),
    ("Crowds waited outside the court where a youth was tried for reportedly shooting dead another youth.", 0),
    ("Relatives rallied in the square to denounce the police for the murder of a shopkeeper.", 0),
    ("The video shows the beheading of a young man by the militants.", 1),
])
def test_a_victim_named_or_titled_after_an_active_killing_verb(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("Three herders who belonged to a rival lineage were killed by raiders near the well.", 3),
    ("Six men suspected of running a smuggling ring were shot dead during a night raid.", 6),
    ("Two porters, who came from a hill village, sub-district of Rona, were killed by bandits.", 2),
    ("5 detainees held by soldiers since March were later found to have been executed.", 5),
    ("About 30 villagers have reportedly been killed since Sunday.", 30),
    ("Four soldiers from the garrison raided a farm where two herders were killed.", 2),  # a new clause
    ("Two elders from the council said that five traders were killed.", 5),
    ("A crowd of youths have killed 3 suspected thieves in the market.", 3),  # active perfect, not passive
    ("A driver who had refused to stop was killed by soldiers, who shot him dead.", 1),  # counted once
])
def test_a_counted_subject_described_at_length_before_its_death_verb(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("The watchman was beaten by the mob and died in the clinic.", 1),
    ("A herder was abducted near the well on Monday and was later found dead.", 1),
    ("3 of the porters were badly hurt and ended up dying at the mission.", 3),
    ("Villagers caught the thief and assaulted him, who died from his wounds.", 1),
    ("She died of her wounds two days later.", 1),
    ("The guard was wounded and taken to the clinic.", 0),
    ("He died.", 0),  # no sign that the death came from the attack just told
])
def test_victims_who_died_later(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("Militia fighters raided the hamlet. 2 killed 4 injured.", 2),  # a terse toll, not "killed four injured"
    ("Gunmen killed 3 villagers and injured 2 others.", 3),
    ("Three out of five suspects held by the crowd were lynched.", 3),
    ("Two of the three traders were killed.", 2),
    ("A spokesman said 13 of its fighters had been killed and 20 others wounded in the raid.", 13),
    ("Two of our men were killed at the gate.", 2),
    ("Fighters attacked refugees, stabbing or hacking to death at least 10 people.", 10),
    ("A mine struck the truck, killing all 4 passengers.", 4),
])
def test_terse_tolls_parts_of_a_group_and_all_of_a_count(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("The militants claimed to have sniped three soldiers near the checkpoint.", 3),
    ("Raiders decapitated a herder and stole his goats.", 1),
    ("At least 7 farmers slaughtered overnight in the hamlet.", 7),
    ("A mob seized and burned to death a suspected thief.", 1),
    ("The gang killed and dumped a taxi driver near the bridge.", 1),  # one victim, not the gang as well
    ("Herders slaughtered goats for the feast.", 0),
])
def test_more_killing_verbs(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("Miscreants opened fire on a police post in Lakki Marwat, martyring a constable.", 1),
    ("Gunmen stormed the checkpoint near Turbat, martyring two Levies men and a passer-by.", 3),
    ("One soldier paid the supreme price in the encounter near Bama.", 1),
    ("Three jawans paid the ultimate price while repelling the attack in Kupwara.", 3),
    ("The martyrs of the revolution were remembered in Quetta.", 0),
])
def test_regional_press_idioms_of_death(text: str, deaths: int) -> None:
    """South Asian and Nigerian army and police idioms: 'martyring', 'paid the supreme price'."""
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("9 are dead (plus three attackers) after the bombing at the bus station.", 12),
    ("4 dead (plus the bomber) in a blast at the market.", 5),
    ("Six people died (plus two wounded) when the shell landed.", 6),  # the wounded are no deaths
    ("A trader was killed alongside 3 of the raiders.", 4),
    ("The elder was killed along with his bodyguards.", 1),  # uncounted plural adds nothing
    ("Nine killed two released.", 9),  # a terse toll: the released are not killed
])
def test_attackers_counted_apart_and_victims_added_after_the_verb(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("A district judge was shot in the head and killed by gunmen near Kaduna, Nigeria.", 1),
    ("Bandits raided a camp near Jos, Nigeria, and two herders are alleged to have been burned to death.", 2),
    ('Raiders ambushed a truck near Gao, Mali and killed "all" members of its army escort.', 10),
    ("Fighting near Yei, South Sudan has resulted in heavy fatalities and looted shops.", 10),
    ("Fighting near Yei, South Sudan resulted in no fatalities.", 0),
])
def test_wounds_before_death_hearsay_and_uncounted_totals(text: str, deaths: int) -> None:
    assert _events(text)[0].fatalities == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("Three people were killed in a clash near Uvira, DR Congo. The army only confirms two dead.", 2),
    ("Troops attacked rebels near Beni, DR Congo. One rebel was killed. A subsequent account gives three deaths.", 1),
    ("Troops attacked rebels near Beni, DR Congo, killing two. Three more rebels were killed later in the day.", 5),
    ("Rebels attacked an army post near Beni, DR Congo, killing 12 soldiers. Some sources put the death toll at 40.", 12),
    ("Gunmen attacked a village near Maiduguri, Nigeria, on Monday, killing 15 people. A total of 109 people have been "
     "killed since the start of the year.", 15),
    ("Rebels attacked an army post near Beni, DR Congo, killing 12 soldiers. Other officials said 40 soldiers died.", 12),
])
def test_a_lower_figure_from_another_source_is_the_conservative_count(text: str, deaths: int) -> None:
    assert _events(text)[0].fatalities == deaths


def test_deaths_already_counted_told_again_are_not_a_new_event() -> None:
    tolls = _tolls("Rebels stormed an army base near Kidal, Mali, killing at least 40 people, most of them soldiers, an "
                   "army spokesman said. The army said many of the soldiers were executed after they had been captured. "
                   "The rebels said the dead had been killed in the fighting.")
    assert tolls == [("Battles", 40)]
    later = _tolls("Rebels stormed an army base near Kidal, Mali, killing 40 soldiers. In Gao, gunmen killed 5 people, "
                   "most of them traders.")
    assert sum(f for _, f in later) == 45  # a new count, described, is new deaths


def test_the_other_sides_own_attack_keeps_its_toll() -> None:
    tolls = _tolls("Government troops launched an offensive on Kidal, Mali. JNIM fighters ambushed an army convoy near "
                   "Kidal, killing three soldiers, the army said.")
    assert tolls[-1] == ("Battles", 3)


def test_a_count_glued_to_a_caption_is_still_counted() -> None:
    from frontlines.pipeline.events.fatalities import count_fatalities

    assert count_fatalities("Militants in MaliFifteen people were killed when gunmen attacked a village.")[0] == 15
    assert count_fatalities("McDonald Twelve was not hurt.")[0] == 0


@pytest.mark.parametrize(("text", "deaths"), [
    # asides between the counted victims and their death word, one after another
    ("Four herders, among them a village elder, Musa Ali of the Bororo clan, from Dogo, died in the raid.", 4),
    ("Three fishermen, residents of Kofa island, according to their union, were killed by gunmen.", 3),
    ("Five guards, including a sergeant, Ali Bako (a veteran of the army), were killed at the gate.", 5),
    # a comma clause with its own verb is no aside: the count is the one that dies
    ("The province, one of the poorest regions, was shaken on Monday after 11 people, including a nurse, were "
     "killed in clashes.", 11),
])
def test_a_count_keeps_its_victims_across_several_asides(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("A shell hit the camp on Saturday, killing five people, three of them children, the manager said.", 5),
    ("Rebels shelled the camp, killing five people, two of whom were children.", 5),
    ("Gunmen killed seven villagers, four of them women, in the raid.", 7),
    ("Gunmen killed two soldiers and three of them in the raid.", 5),  # 'and': more dead, not some of them
    ("Gunmen killed two guards and one of his sons.", 3),
])
def test_some_of_a_count_told_after_a_comma_are_of_those_dead_not_more(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


def test_a_campaigns_toll_told_after_an_incident_is_not_its_toll() -> None:
    """Issue 10, set e: 'The conflict has killed tens of thousands' after a strike that killed 20 left it 1 dead."""
    events = _events("Army warplanes struck a market in Kabkabiya, Sudan, on Saturday, killing at least 20 people, "
                     "activists said. The conflict has killed tens of thousands of people, according to the UN.")
    assert [e.fatalities for e in events] == [20]
    assert _events("The war has killed 12 soldiers in the town this week.") == []


@pytest.mark.parametrize(("text", "deaths"), [
    ("Gunmen killed 12 members of the Volunteers for the Defence of the Homeland (VDP) and three civilians.", 15),
    ("The attack killed two soldiers of the Armed Forces of the Democratic Republic of Congo and a civilian.", 3),
    ("Five members of Ansar al-Sharia were killed in Benghazi.", 5),
])
def test_a_long_proper_name_in_a_list_of_victims_is_one_word_of_its_noun_phrase(text: str, deaths: int) -> None:
    """Issue 10, set e: a name of nine words broke the list and the three civilians went uncounted."""
    assert count_fatalities(text)[0] == deaths


def test_a_revised_toll_goes_to_the_incident_it_names_and_a_later_death_is_no_new_incident() -> None:
    """An UPDATE's revised toll ("now puts the Gao toll at five", "now says three guards died") raises the toll of
    the incident it names by place or victims however far back, and a casualty who died later ("one of the wounded
    died in hospital in Kidal") is no attack of its own (set g: the toll revised in a blog's UPDATE)."""
    from frontlines.pipeline import extract_text

    told = ("On Friday a roadside bomb hit a patrol near Gao, Mali, killing two guards and wounding four, police said.\n\n"
            "On Saturday gunmen attacked a market in Menaka, killing one trader.\n\n"
            "The government has promised to send more troops to the north of the country.\n\n"
            "Many residents say they no longer travel by road.\n\n")
    doc = extract_text(told + "UPDATE: the agency now says three guards died; one of the wounded died in hospital in "
                       "Kidal on Sunday.", published=date(2021, 3, 9))
    assert sorted((e.location, e.fatalities) for e in doc.events) == [("Gao", 3), ("Ménaka", 1)]
    doc = extract_text(told + "UPDATE: the governor now puts the Gao toll at five.", published=date(2021, 3, 9))
    assert sorted((e.location, e.fatalities) for e in doc.events) == [("Gao", 5), ("Ménaka", 1)]


def test_a_campaign_sentence_is_parsed_with_the_others_not_on_its_own(monkeypatch: pytest.MonkeyPatch) -> None:
    """The campaign-toll check reads the frame of a clause with no trigger: its sentence goes to the parser with the
    document's trigger sentences in one call, not in a call of its own (a call's cost is mostly per call)."""
    from frontlines.pipeline import nlp

    calls: list[int] = []
    parse = nlp.parse
    monkeypatch.setattr(nlp, "parse", lambda texts, **kw: calls.append(len(texts)) or parse(texts, **kw))
    _events("Gunmen killed two farmers near Kaduna, Nigeria, on Monday. "
            "The violence erupted after the death of a herder, shot by members of a vigilante group.")
    assert calls == [2]


@pytest.mark.parametrize(("text", "kept"), [
    ("Soldiers fired into a crowd of young men protesting in Bol, Chad, on Monday, killing two of them.", "killing two"),
    ("Police fired on students protesting against fees in Nairobi, wounding five.", "wounding five"),
    ("Hundreds marched in Kano protesting the killing of two students.", None),
])
def test_the_deeds_own_toll_after_a_protest_it_answers_is_kept(text: str, kept: str | None) -> None:
    from frontlines.pipeline.events.fatalities import without_causes

    left = without_causes(text)
    assert (kept in left) if kept else ("two students" not in left)


def test_force_against_people_protesting_takes_its_own_dead() -> None:
    from frontlines.pipeline import extract_text

    events = extract_text("Soldiers fired into a crowd of young men protesting in Bol, Chad, on Monday, killing two of "
                          "them.", published=date(2024, 10, 29)).events
    assert [e.fatalities for e in events] == [2]


@pytest.mark.parametrize("text", [
    "Late on Monday, crowds set fire to the home of a minister in Kandy, Sri Lanka. The health ministry says eight people "
    "have been killed in violence around the country since Monday.",
    "Rioters torched a police station in Bulawayo, Zimbabwe, on Tuesday. Eleven people have died nationwide in the unrest, "
    "the police said.",
])
def test_a_countrywide_toll_told_next_is_not_the_incidents(text: str) -> None:
    """Set i: the health ministry's toll 'around the country since Monday' became the toll of the house burning told
    before it."""
    assert [e.fatalities for e in _events(text)] == [0]


def test_a_follow_up_toll_of_the_incident_is_still_its_own() -> None:
    assert [e.fatalities for e in _events("Gunmen attacked a bus near Gao, Mali, on Monday. Four passengers were "
                                          "killed, officials said.")] == [4]


@pytest.mark.parametrize("text", [
    "Gunmen stormed the home of a lawyer in Kismayo on Wednesday evening and shot her dead, relatives said.",
    "Two men on a motorbike stopped the mayor's car outside Oaxaca and shot him dead.",
])
def test_one_person_shot_dead_named_by_a_pronoun_is_one_death(text: str) -> None:
    assert count_fatalities(text) == (1, False)


@pytest.mark.parametrize(("text", "deaths"), [
    ("On 3 May 2021, Fulani militiamen clashed with Dogon hunters near Bankass, and at least seven people died, a local "
     "official said.", 7),
    ("On 3 May 2021, soldiers fought rebels in the hills above Beni, and at least four soldiers were killed, a hospital "
     "official said.", 4),
])
def test_deaths_told_after_a_fight_in_its_sentence_are_the_fights_toll(text: str, deaths: int) -> None:
    assert _tolls(text) == [("Battles", deaths)]


@pytest.mark.parametrize(("text", "first"), [
    ("Gunmen shot dead a teacher in Kunduz, Afghanistan, on Monday. The ministry said 30 insurgents were killed and "
     "12 wounded in operations in four provinces over the past 24 hours.", 1),
    ("A roadside bomb killed two soldiers near Gao, Mali, on Monday. The army said 15 militants were killed in the "
     "last 24 hours.", 2),
])
def test_a_toll_of_the_past_24_hours_is_not_the_toll_of_the_incident_told_before(text: str, first: int) -> None:
    """Set n: a ministry's toll 'over the past 24 hours', set aside as an aggregate, gave its dead to the killing
    told before it."""
    assert _tolls(text)[0][1] == first
