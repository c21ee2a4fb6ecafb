"""Event extraction: ACLED-conservative death counts, casualty follow-ups, asserted triggers."""

from __future__ import annotations

import pytest

from frontlines.pipeline.events.fatalities import coded_fatalities, count_fatalities


@pytest.mark.parametrize(("text", "deaths"), [
    ("Four herders and a boy were killed near the well.", 5),
    ("1 trader, a father of three, and his 2 nephews were killed by the gunmen.", 3),
    ("Two civilians, a woman and her son, were killed when a shell hit their home.", 2),  # described, not added
    ("Four people, two women and two children, died in the fire.", 4),
    ("Militiamen shot and killed a shopkeeper and his brother.", 2),
    ("The mine blast resulted in the death of a police captain.", 1),
    ("Fighting there led to 14 deaths.", 14),
    ("Between 6 and 9 villagers died.", 6),
    ("At least 3-5 guards and 1 driver were killed.", 4),
    ("7 fighters including 3 commanders were killed.", 7),
    ("A nurse was killed or wounded by a stray bullet.", 0),
    ("Nobody knows how many villagers died in the raid.", 0),  # a question, not a count
    ("It was not known how many people were killed when the market was shelled.", 0),
    ("Many people died when the market was shelled.", 10),
    ("Two men were feared dead after the raid.", 2),
    ("Six fishermen have been feared killed in the night raid.", 6),
    ("Nine rebels believed dead after the air strike.", 9),
    ("The ambush resulted in four casualties.", 4),
    ("Motive unknown and no casualties were reported.", 0),
    ("Gunmen raided a camp, causing many casualties.", 0),
    ("The police did not give the number of casualties.", 0),
    ("The convoy came under fire 40 km from the town on 12 May 2021.", 0),
    ("The bomb destroyed a shop and killed livestock.", 0),
    ("A gunman beat a teacher to death.", 1),
    ("Rebels executed a chief accused of spying.", 1),
    ("The army kill eleven members of the militia in the forest.", 11),
    ("2 guards were wounded and 1 was killed.", 1),
    ("Three wounded porters were carried to a clinic, where they died overnight.", 3),
    ("Two raiders blew up their own car early, killing only themselves.", 2),
    ("A constable killed 2 shoppers in the square before killing himself.", 3),
    ("Four herders were killed (later raised to 6) near the river.", 6),
    ('The army killed "several" insurgents in the hills.', 10),
    ("Market trader shot and killed by a patrol.", 1),
    ("A youth stabbed to death a goat trader at the fair.", 1),
    ("A blast hit the lorry, killing the driver, a father of four.", 1),
    ("One of the guards was hit in the chest and later succumbed.", 1),
    # set p: a side's own dead told as its loss
    ("They killed nine of the militants and lost two soldiers, a military spokesman said.", 11),
    ("The rebels lost 14 of their fighters in the assault on the base.", 14),
    ("The army lost two villages and three tanks in the offensive.", 0),
])
def test_death_counts_follow_acled_rules(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("Rebels raided an army post in Kidal on 3 May 2021. The rebels said they inflicted heavy losses on the troops.", 10),
    ("Rebels raided an army post in Kidal on 3 May 2021. Two wounded soldiers were taken to a clinic, where they died.", 2),
])
def test_deaths_told_apart_from_the_incident_count_for_it(text: str, deaths: int) -> None:
    from datetime import date

    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    doc = Pipeline.default().process(document_from_text(text, id="t", published=date(2021, 5, 5)))
    assert [e.fatalities for e in doc.events][:1] == [deaths]


def test_totals_over_a_period_are_aggregates() -> None:
    assert count_fatalities("Some 40 fighters have been killed since January.") == (40, True)


def test_a_coders_explicit_count_is_read() -> None:
    assert coded_fatalities("Fatalities coded as 0 (the group reported 3).") == 0
    assert coded_fatalities("Fatalities split across 2 events (5).") == 5
    assert coded_fatalities("Five people died.") is None


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Gunmen shot dead a shopkeeper in the market town on 3 May 2021.", "Attack"),
    ("A fisherman was shot dead by unidentified gunmen on 3 May 2021.", "Attack"),
    ("Rebels attacked an army checkpoint on 3 May 2021, killing two soldiers.", "Armed clash"),
    ("On 3 May 2021, 2 soldiers were killed in an attack by rebels on the road.", "Armed clash"),
    ("Militiamen clashed with villagers on 3 May 2021.", "Armed clash"),
    ("Rebels attacked the village on 3 May 2021, killing a retired soldier.", "Attack"),
    # the press at work is civilians (a force's deed on them is no clash)
    ("A cameraman was beaten by police in Kampala on 3 May 2021.", "Attack"),
    ("A photographer covering the march was shot and wounded by a police officer in Nairobi on 3 May 2021.", "Attack"),
    ("Police beat and detained two bloggers in Harare on 3 May 2021.", "Attack"),
    ("A radio presenter was beaten by soldiers in Bamenda on 3 May 2021.", "Attack"),
    ("Two reporters for a local television channel were shot and wounded by police in Lagos on 3 May 2021.", "Attack"),
    # an incident named in an opening phrase: the main clause tells the deed and its victim
    ("In a separate attack on 3 May 2021, gunmen in a passing car shot dead a shopkeeper in Gao.", "Attack"),
    ("In another attack on 3 May 2021, gunmen on motorbikes killed two teachers in a village near Djibo.", "Attack"),
    # who the people counted were: soldiers are no civilians
    ("Rebels stormed an army post near Menaka on 3 May 2021, killing 30 people, most of them soldiers.", "Armed clash"),
    ("Gunmen attacked a market in Gao on 3 May 2021, killing 20 people, most of them women and children.", "Attack"),
    # who the attackers are said to be names no victim
    ("Gunmen believed to be Boko Haram fighters killed four farmers near Maiduguri on 3 May 2021.", "Attack"),
    ("Attackers thought to be ISWAP militants shot dead two traders in Monguno on 3 May 2021.", "Attack"),
])
def test_attack_targets_decide_battle_or_violence_against_civilians(text: str, sub_event: str) -> None:
    from datetime import date

    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    doc = Pipeline.default().process(document_from_text(text, id="t", published=date(2021, 5, 5)))
    assert [e.sub_event_type for e in doc.events][:1] == [sub_event]


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Hundreds of teachers marched to the ministry on 3 May 2021 to demand unpaid wages.", "Peaceful protest"),
    ("Traders protested outside the town hall on 3 May 2021. Police fired tear gas to break up the crowd.",
     "Protest with intervention"),
    ("Police arrested twenty people during a demonstration against fuel prices on 3 May 2021.",
     "Protest with intervention"),
    ("Riot police beat several demonstrators at a sit-in near the court on 3 May 2021.",
     "Excessive force against protesters"),
    ("Students protesting the closure of their campus threw stones at police on 3 May 2021.",
     "Violent demonstration"),
    ("Two groups of students attacked each other with sticks outside the college on 3 May 2021.", "Mob violence"),
    ("The rebels took control of the hill town on 3 May 2021 after the army withdrew without a fight.",
     "Non-violent transfer of territory"),
    ("A suicide bomber blew himself up at the bus station on 3 May 2021. The blast killed four people.",
     "Suicide bomb"),
])
def test_acled_definitions_decide_the_sub_event(text: str, sub_event: str) -> None:
    from datetime import date

    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    doc = Pipeline.default().process(document_from_text(text, id="t", published=date(2021, 5, 5)))
    assert sub_event in [e.sub_event_type for e in doc.events][:1], [(e.sub_event_type, e.reason) for e in doc.events]


def test_a_progressive_is_not_a_passive() -> None:
    """ "had been shelling" keeps its subject as the actor; "was shelled by" turns the roles round. (A campaign
    "since April" is no one incident: see test_eventhood.)"""
    from datetime import date

    from frontlines.pipeline import extract_text

    [fighting] = extract_text("LNA forces had been shelling Tripoli on Monday.", published=date(2019, 10, 15)).events
    assert fighting.actor1_id == "lby.lna"
    [shelled] = extract_text("Tripoli was shelled by LNA forces on Monday.", published=date(2019, 10, 15)).events
    assert shelled.actor1_id == "lby.lna"


def _report(text: str):  # noqa: ANN202
    """A report of one paragraph, published two days after 3 May 2021, through the whole pipeline."""
    from datetime import date

    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    return Pipeline.default().process(document_from_text(text, id="t", published=date(2021, 5, 5)))


def _events(text: str):  # noqa: ANN202
    from datetime import date

    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    return Pipeline.default().process(document_from_text(text, id="t", published=date(2021, 5, 5), format="csv")).events


@pytest.mark.parametrize(("text", "sub_event"), [
    # a group of an organisation is the subject, not a reference back to "the ... protest"
    ("Members of the Farmers Union protest at the county offices over unpaid subsidies.", "Peaceful protest"),
    ("Dozens of employees of the water board demonstrated outside the headquarters.", "Peaceful protest"),
    # present-tense headline verbs
    ("Retired nurses block roads in the capital over unpaid pensions.", "Violent demonstration"),
    ("Pupils march to the governor's office to demand new teachers.", "Peaceful protest"),
    ("The air force strikes rebel hideouts in the forest.", "Air/drone strike"),
    ("A roadside device exploded near the market, injuring two traders.", "Remote explosive/landmine/IED"),
    ("Gunmen injure a shopkeeper during a robbery attempt in the old town.", "Attack"),
    ("The insurgents occupied the border village for two days.", "Non-state actor overtakes territory"),
])
def test_headline_and_present_tense_reports_are_events(text: str, sub_event: str) -> None:
    assert sub_event in [e.sub_event_type for e in _events(text)][:1], [(e.sub_event_type, e.reason) for e in _events(text)]


def test_a_headline_passive_names_the_victims() -> None:
    """"3 farmers killed by gunmen": the farmers are the victims although no auxiliary says so."""
    [event] = _events("3 farmers killed by armed men as revenge for stolen cattle.")
    assert (event.event_type, event.fatalities) == ("Violence against civilians", 3)


def test_a_killing_with_no_party_named_is_still_an_event_but_a_death_is_not() -> None:
    [event] = _events("A local councillor was gunned down outside his house.")
    assert event.sub_event_type == "Attack" and event.event_type == "Violence against civilians"
    assert _events("Two men died of their illness in the local clinic.") == []


def test_the_trigger_noun_is_the_agent() -> None:
    """"Gunmen killed three soldiers": the gunmen act on the soldiers, whatever word triggered the event."""
    [event] = _events("Gunmen killed three soldiers at a checkpoint near Gao in Mali.")
    assert event.actor1_id and event.actor1_id.startswith("gen.unidentified")
    assert event.actor2_id and event.actor2_id.startswith("gen.military")


@pytest.mark.parametrize(("text", "event_type"), [
    ("3 civilians killed, two injured.", "Violence against civilians"),  # a headline passive, not a brawl
    ("Militiamen killed one person and hurt others near the wells.", "Violence against civilians"),
    ("A minibus was attacked on the main road between two market towns.", "Violence against civilians"),
    ("Soldiers killed a well-known spiritual leader in his shrine.", "Violence against civilians"),
])
def test_victims_decide_the_event_type(text: str, event_type: str) -> None:
    assert [e.event_type for e in _events(text)][:1] == [event_type], [(e.sub_event_type, e.reason) for e in _events(text)]


def test_a_trigger_that_holds_its_object_names_the_victims() -> None:
    """"beating residents": the victims are in the trigger's own words, so a state force's deed is no battle."""
    [event] = _events("Soldiers were seen beating residents in the market of Gereida, Sudan, on Monday.")
    assert event.sub_event_type == "Attack" and "civilian victims in the trigger" in event.reason, event.reason


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Clashes between students of two colleges left 5 wounded.", "Mob violence"),
    ("Christian and Muslim youths clash at the carnival; several were injured.", "Mob violence"),
    ("Armed youths clashed with cattle raiders from the next county, leaving one dead.", "Armed clash"),
])
def test_fights_among_unorganised_people_are_riots_unless_armed(text: str, sub_event: str) -> None:
    assert [e.sub_event_type for e in _events(text)][:1] == [sub_event], [(e.sub_event_type, e.reason) for e in _events(text)]


@pytest.mark.parametrize("text", [
    "On Tuesday, crowds defied a curfew, set fire to the parliament building and attacked ministers' homes in Kathmandu.",
    "Youths blocked the main road, torched a bus and looted shops in Kisumu, Kenya, on Monday.",
])
def test_a_crowds_burning_told_after_another_deed_is_a_riot(text: str) -> None:
    event = _events(text)[0]
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.actor1_id and event.actor1_id.startswith("gen.rioters")


def test_rioters_act_against_the_police_they_fight() -> None:
    [event] = _events("There were running battles between hawkers and the police in Bulawayo, Zimbabwe.")
    assert event.sub_event_type == "Violent demonstration"
    assert event.actor1_id and event.actor1_id.startswith("gen.rioters") and event.actor2_id == "gen.police.ZW"


@pytest.mark.parametrize("text", [
    "Protesters stormed the governor's office in Mombasa, Kenya, on Tuesday and set it on fire. Police fired stun "
    "grenades and tear gas at the crowd but were driven back, witnesses said.",
    "Demonstrators torched the mayor's office in Cusco, Peru, on Friday. Police responded with smoke grenades and "
    "rubber bullets, a witness said.",
])
def test_stun_grenades_at_a_crowd_are_the_police_meeting_it_not_a_grenade_attack(text: str) -> None:
    [event] = _events(text)
    assert event.sub_event_type == "Violent demonstration" and (event.actor2_id or "").startswith("gen.police")


@pytest.mark.parametrize("text", [
    "Russia launched a wave of drones overnight on Sunday, hitting energy facilities across Ukraine.",
    "Government warplanes bombed villages throughout Sudan on Saturday.",
    "The junta's aircraft struck resistance camps all over Myanmar on Saturday.",
])
def test_a_deed_spread_over_a_whole_country_has_no_place_and_is_no_event(text: str) -> None:
    assert _events(text) == []


def test_a_toll_spread_over_a_country_is_still_told() -> None:
    [event] = _events("Air strikes across Sudan killed 40 people on Monday.")
    assert event.fatalities == 40


@pytest.mark.parametrize(("text", "deaths"), [
    ("Police said fighters from two clans clashed near Wabag, Papua New Guinea, on Sunday, and that at least 26 men were "
     "left dead.", 26),
    ("Militiamen and soldiers fought near Bunia, Congo, on Tuesday, and 14 people were killed, a local official said.", 14),
])
def test_the_dead_a_fights_next_clause_tells_are_its_toll_not_an_attack(text: str, deaths: int) -> None:
    [event] = _events(text)
    assert event.event_type == "Battles" and event.fatalities == deaths


def test_an_injury_told_next_is_the_same_incident() -> None:
    [event] = _events("Attackers hurled a grenade into a bar in Bujumbura. Three drinkers were badly hurt.")
    assert event.sub_event_type == "Grenade"


def test_a_forces_name_is_no_civilian_target() -> None:
    """"National" in "National Defence Force" is not "nationals"; the base is a military target."""
    [event] = _events("Insurgents attacked a National Defence Force base near Jowhar, Somalia.")
    assert event.event_type == "Battles"


@pytest.mark.parametrize(("text", "deaths"), [
    ("A 40-year-old teacher in Kigoma was killed by unknown men.", 1),  # an age is no count; a place modifier
    ("The militia killed a rebel chief along with three of his guards.", 4),
    ("A raid ended in the killing of at least 9 insurgents.", 9),
    ("Police gunned down two robbers at the toll gate.", 2),
    ("The body of a fisherman was found on the shore.", 1),
    ("1 KIA 2 WIA after the ambush.", 1),
    ("Gunmen seized a chief, abducted him and then killed him.", 1),
    ("Police killed 3 suspects who had killed two officers.", 3),  # the officers died earlier
    ("The army killed the commander of the rebel group.", 1),
    ("One man was reported as killed and two hurt.", 1),
    ("At least 26 men were left dead on the road after the fighting.", 26),
    ("Four soldiers were left dead by the ambush.", 4),
])
def test_more_death_constructions(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


def test_one_incident_told_in_several_sentences_is_one_event() -> None:
    events = _events("Insurgents attacked an army post near Kidal, Mali. An exchange of fire lasted two hours, "
                     "after which the insurgents withdrew from the area. Five soldiers were killed.")
    assert [(e.event_type, e.fatalities) for e in events] == [("Battles", 5)]


@pytest.mark.parametrize(("text", "deaths"), [
    ("Hundreds protested in the mining town after two young diggers died in a collapsed shaft.", 0),
    ("After a soldier was shot dead by robbers, his comrades blocked roads in protest.", 0),
    ("Police fired live rounds at the protesters, killing two.", 2),
])
def test_deaths_a_protest_answers_are_not_its_own(text: str, deaths: int) -> None:
    assert [e.fatalities for e in _events(text)][:1] == [deaths], [(e.sub_event_type, e.reason) for e in _events(text)]


def test_a_partys_later_claim_does_not_raise_the_toll() -> None:
    events = _events("Rebels attacked an army checkpoint near Gao, Mali. At least three soldiers died. "
                     "The rebels claim eight soldiers dead.")
    assert [e.fatalities for e in events][:1] == [3]


@pytest.mark.parametrize(("text", "deaths"), [
    ("Two gunmen on a motorbike shot dead a trader in the market.", 1),  # the gunmen did not die
    ("On 29/01, one civilian was killed in the town.", 1),  # "01" of the date is no count
])
def test_counts_are_not_read_from_agents_or_dates(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Two traders were detained and beaten by police in Gitega, Burundi.", "Attack"),
    ("Police arrested six opposition members who staged a march against the new law in Kampala, Uganda.",
     "Protest with intervention"),
    ("Residents protested the unjust arrest of a youth leader in Enugu, Nigeria.", "Peaceful protest"),
    ("Police arrested two men accused of killing a herder in Jos, Nigeria.", "Arrests"),
])
def test_what_an_arrest_sentence_reports(text: str, sub_event: str) -> None:
    assert [e.sub_event_type for e in _events(text)][:1] == [sub_event], [(e.sub_event_type, e.reason) for e in _events(text)]


@pytest.mark.parametrize(("text", "event_type"), [
    ("The army killed 2 fleeing militants in an ambush at a village near Geidam, Nigeria.", "Battles"),
    ("Militants attacked the village of Kaya, Burkina Faso, and were repelled by the army.", "Battles"),
    ("Gunmen attacked the market area, leaving two people killed and three wounded.", "Violence against civilians"),
    ("A gunman ambushed travellers on the road to Jos, Nigeria.", "Violence against civilians"),
])
def test_victims_and_outcomes_decide_battle_or_attack(text: str, event_type: str) -> None:
    assert [e.event_type for e in _events(text)][:1] == [event_type], [(e.sub_event_type, e.reason) for e in _events(text)]


@pytest.mark.parametrize(("text", "deaths"), [
    ("Gunmen seized a nurse from the camp. Her body was found two days later.", 1),
    ("He was found dead in his cell the following morning.", 1),
    ("One of the detainees died a week later in custody.", 1),
    ("A six-year-old boy was also killed.", 1),
    ("Two attackers die in a failed assault on the clinic.", 2),
    ("The guards allegedly tortured to death a prisoner.", 1),
])
def test_pronouns_bodies_and_present_tense_deaths(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


def test_deaths_in_the_blast_just_told_belong_to_it() -> None:
    events = _events("A roadside bomb missed an army convoy near Afgooye, Somalia, and struck a minibus. "
                     "Two passengers died in the blast.")
    assert [e.fatalities for e in events] == [2]


def test_one_event_per_listed_town() -> None:
    events = _events("Residents staged protests in Nakuru, Nyeri and Eldoret against the election results.")
    assert [e.location for e in events] == ["Nakuru", "Nyeri", "Eldoret"]
    assert len({e.event_id for e in events}) == 3


def test_a_place_and_its_container_or_a_road_between_towns_is_one_event() -> None:
    assert len(_events("Protesters marched in Nairobi, Kenya.")) == 1
    assert len(_events("Gunmen ambushed a convoy on the road between Gao and Timbuktu in Mali.")) == 1


def test_a_date_of_what_the_event_answers_is_not_its_date() -> None:
    [riot] = _events("Riots broke out in Kasserine, Tunisia, after the new tax law came into effect on 1 January.")
    assert riot.date_fallback and riot.event_date == "2021-05-05"
    [clash] = _events("Rebels and soldiers clashed near Gao, Mali, on 3 May.")
    assert clash.event_date == "2021-05-03" and not clash.date_fallback


def test_deaths_told_next_count_for_the_attack_even_with_no_place() -> None:
    events = _events("Gunmen attacked a bus on the main road. Four passengers died.")
    assert [e.fatalities for e in events] == [4]


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Seven shoppers were hurt as a grenade exploded in a Davao market, Philippines.", "Grenade"),
    ("Soldiers detained 12 men in overnight raids across the occupied territories.", "Arrests"),
])
def test_explosion_and_occupation_words_do_not_override_the_specific_event(text: str, sub_event: str) -> None:
    assert sub_event in [e.sub_event_type for e in _events(text)], [(e.sub_event_type, e.reason) for e in _events(text)]


@pytest.mark.parametrize(("text", "deaths"), [
    ("Rebels shot dead three men aged 30, 41 and 65, respectively, near the river.", 3),
    ("The army neutralised 5 insurgents near the lake.", 5),
    ("A mob burned a suspected thief alive at the market.", 1),
    ("A man who hailed from the hill villages was shot and killed by a gunman.", 1),
])
def test_ages_jargon_and_relative_origins(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


def test_victims_counted_since_the_fighting_began_are_a_running_total_not_rioters() -> None:
    from datetime import date

    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    doc = Pipeline.default().process(document_from_text(
        "At least 40 people have been killed since the fighting began, most of them civilians.", id="t",
        published=date(2021, 5, 5), format="csv"))
    assert not doc.events  # a running total is no incident (issue 10: not an aggregate or running total)
    assert doc.non_events and all(n.sub_event_type not in ("Violent demonstration", "Mob violence") for n in doc.non_events)
    assert {n.category for n in doc.non_events} <= {"aggregate", "background", "ongoing"}


def test_excessive_force_has_the_protesters_first_and_the_force_second() -> None:
    # ACLED codes a protest event with the protesters as actor 1 and the force that met them as actor 2
    [event] = _events("Armed men in military vehicles opened fire on the protesters in Tripoli, Libya.")
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor1_id == "gen.protesters.LY" and event.actor2_id
    [event] = _events("Police shot dead two protesters in Kano, Nigeria, on Monday.")
    assert event.sub_event_type == "Excessive force against protesters"
    assert event.actor1_id == "gen.protesters.NG" and "police" in (event.actor2_id or "")


def test_a_forces_own_troops_are_not_its_target() -> None:
    [event] = _events("The Libyan National Army shelled the outskirts of Derna, Libya, before sending in troops.")
    assert event.actor1_id and event.actor2_id is None


def test_a_killer_with_a_pronoun_object_is_not_counted_dead() -> None:
    assert count_fatalities("They quarrelled before the policeman killed him.")[0] == 1


@pytest.mark.parametrize(("text", "deaths"), [
    ("Two members of the special guard unit were killed in an ambush.", 2),
    ("Two bombers blew themselves up at the gate.", 2),
    ("A crowd beats an 80-year-old to death in the square.", 1),
    ("Gunmen assassinate SNA officer near the port.", 1),  # a headline with no article
])
def test_long_victim_phrases_and_headline_objects(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Soldiers neutralised two insurgents near Bama, Nigeria.", "Armed clash"),
    ("Students blocked the N2 outside the campus in Alice, South Africa.", "Violent demonstration"),
    ("At least 20 houses have been burnt down in the village of Kaloleni, Kenya.", "Looting/property destruction"),
    ("Heavy gunfire between soldiers and militants was heard near the factory in Mogadishu, Somalia.", "Armed clash"),
    ("Gunmen hijacked two lorries on the road near Gao, Mali.", "Looting/property destruction"),
    # houses burned with no one hurt: property destroyed, not an attack on the people who had fled
    ("Gunmen set fire to about 40 houses in Kadoma, Nigeria, after the villagers had fled.", "Looting/property destruction"),
    ("Armed men set fire to a school and a clinic in Djibo, Burkina Faso, on Tuesday.", "Looting/property destruction"),
    ("Suspected rebels set dozens of huts ablaze near Beni, Congo, on Friday; no one was hurt.",
     "Looting/property destruction"),
])
def test_more_event_wordings(text: str, sub_event: str) -> None:
    assert sub_event in [e.sub_event_type for e in _events(text)][:1], [(e.sub_event_type, e.reason) for e in _events(text)]


@pytest.mark.parametrize(("text", "deaths"), [
    ("Militiamen raided the village, shooting dead four people.", 4),
    ("Gunmen kill khat trader in the market.", 1),
    ("The mob bound him and beat him to death.", 1),
    ("A national police force (NPF) officer was assassinated by gunmen.", 1),
    ("Troops killed a trader.", 1),  # the bare-object reading does not count him twice
])
def test_headline_objects_pronouns_and_acronyms(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "deaths"), [
    ("On 2 March 2020, a shepherd was killed by militants.", 1),
    ("In 2019, 3 soldiers were killed near the border.", 3),
    ("Some 2000 people were killed in the war.", 2000),
])
def test_dates_are_not_counted_with_the_dead(text: str, deaths: int) -> None:
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Insurgents pounded an army base near Ghazni, Afghanistan.", "Shelling/artillery/missile attack"),
    ("Militants fired an RPG at a police vehicle in Kandahar, Afghanistan.", "Shelling/artillery/missile attack"),
    ("A bomb carried by two militants detonated prematurely, killing both, in Kandahar, Afghanistan.",
     "Disrupted weapons use"),
    ("A policeman died when his car struck a Taliban-planted mine near Gereshk, Afghanistan.",
     "Remote explosive/landmine/IED"),
    ("In Badakhshan, Afghanistan, twenty soldiers switched sides to the insurgents.", "Change to group/activity"),
])
def test_acled_codebook_wordings(text: str, sub_event: str) -> None:
    assert sub_event in [e.sub_event_type for e in _events(text)][:1], [(e.sub_event_type, e.reason) for e in _events(text)]


def test_victims_described_by_a_relative_clause_are_counted() -> None:
    assert count_fatalities("Two men who were suspected of theft were beaten to death by a mob.")[0] == 2


@pytest.mark.parametrize(("text", "protest"), [
    ("Farmers blockaded the main road into Kisumu, Kenya, on Monday.", True),
    ("The navy said a naval blockade was set up around Jolo, Philippines, to stop the kidnappers.", False),
])
def test_a_blockade_is_a_protest_unless_a_navy_mounts_it(text: str, protest: bool) -> None:
    assert any(e.event_type == "Protests" for e in _events(text)) == protest


def test_an_air_raid_siren_is_no_air_strike() -> None:
    [event] = _events("A rocket fired from Gaza exploded near Ashkelon, Israel, on Tuesday, setting off air raid sirens.")
    assert event.sub_event_type == "Shelling/artillery/missile attack"


def test_people_who_barricade_themselves_in_are_hiding_not_rioting() -> None:
    assert not [e for e in _events("Residents of Juba, South Sudan, barricaded themselves in their homes on Tuesday.")
                if e.event_type == "Riots"]
    assert [e for e in _events("Youths barricaded the main road in Juba, South Sudan, on Tuesday, burning tyres.")
            if e.event_type == "Riots"]


@pytest.mark.parametrize(("text", "sub_type", "actors"), [
    # the subject of "lost control of" held the place; the side that took it, when named, is actor1
    ("Government troops lost control of Kidal, Mali, on Monday.", "Non-state actor overtakes territory",
     ("gen.unidentified.ML", "gen.military.ML")),
    ("JNIM lost control of Kidal, Mali, on Monday.", "Government regains territory", ("gen.military.ML", "mli.jnim")),
])
def test_a_side_that_lost_a_place_held_it(text: str, sub_type: str, actors) -> None:
    [event] = _events(text)
    assert (event.sub_event_type, event.actor1_id, event.actor2_id) == (sub_type, *actors)


def test_a_deed_that_went_on_carries_its_clause_and_a_side_effect_does_not() -> None:
    events = _events("Thousands of people continued protesting in Jerada, Morocco, after two men died in a disused mine.")
    assert [e.event_type for e in events][:1] == ["Protests"]
    events = _events("Two militias fought a gun battle in Kidal, Mali, blocking traffic on the main road.")
    assert [e.event_type for e in events][:1] == ["Battles"]


def test_a_security_chief_killed_is_the_police_not_a_civilian() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    (event,) = extract_text("Gunmen shot dead the police chief of Kidal, Mali, on Monday.", published=date(2021, 3, 10)).events
    assert (event.sub_event_type, event.actor2_id) == ("Armed clash", "gen.police.ML")


def test_fighting_between_two_named_sides_told_at_length_names_both() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    for text in ["Fighting broke out on Monday between the Tripoli Protection Force and the Kaniyat in Tripoli.",
                 "Fighting broke out this week between a coalition of militias, known as the Tripoli Protection Force "
                 "(TPF), and the 7th Brigade, or Kaniyat, in Tripoli."]:
        (event,) = extract_text(text, published=date(2019, 1, 17)).events
        assert {event.actor1_id, event.actor2_id} == {"lby.tpf", "lby.kaniyat"}, text


def test_a_trigger_word_inside_an_unknown_capitalised_name_reports_nothing() -> None:
    from frontlines.pipeline.events.clauses import _in_capitalised_name

    sentence = "Soldiers were killed in clashes between factions of the Azawad People's Liberation Front on Monday."
    at = sentence.index("Liberation")
    assert _in_capitalised_name(sentence, at, at + len("Liberation"))
    headline = "Rebels Attack Gao Market Town, Kill Nine, Torch Dozens Of Shops"
    at = headline.index("Attack")
    assert not _in_capitalised_name(headline, at, at + len("Attack"))


def test_a_person_seized_by_name_is_abducted_and_a_town_seized_is_taken() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    taken = extract_text("Gunmen seized Musa Traore from a hotel in the capital of Mali on Monday.", published=date(2021, 3, 10))
    assert [e.sub_event_type for e in taken.events] == ["Abduction/forced disappearance"]
    town = extract_text("Rebels seized Kidal from the army on Monday.", published=date(2021, 3, 10))
    assert [e.sub_event_type for e in town.events] == ["Non-state actor overtakes territory"]
    unknown = extract_text("Rebels captured Tinzawaten Est from the army on Monday.", published=date(2021, 3, 10))
    assert "Abduction/forced disappearance" not in [e.sub_event_type for e in unknown.events]  # a place the gazetteer lacks


@pytest.mark.parametrize("text", [
    "Two commanders of the rebel movement defected to the government, a spokesman said on Monday.",
    "The armed group dissolved itself, its leader announced.",
    "Hundreds of young men from the villages joined the insurgents on Sunday.",
])
def test_a_development_in_a_sentence_that_names_no_place_is_commentary(text: str) -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text(f"Gunmen attacked a checkpoint in Mopti, Mali, on Friday.\n\n{text}", published=date(2021, 3, 10))
    assert not [e for e in doc.events if e.event_type == "Strategic developments"]
    assert "unplaced_development" in {n.rule for n in doc.non_events}
    # a note that names no place anywhere is placed by whoever codes it: the development stays
    alone = extract_text(text, published=date(2021, 3, 10))
    assert "unplaced_development" not in {n.rule for n in alone.non_events}


def test_a_development_placed_and_dated_in_its_sentence_is_an_event() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("On 8 March the army redeployed two battalions to Mopti, Mali.", published=date(2021, 3, 10))
    [ev] = doc.events
    assert ev.sub_event_type == "Change to group/activity" and ev.location == "Mopti"


def test_an_incident_confirmed_or_acknowledged_is_a_reference_to_one_told_before() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    told = "Army jets bombed rebel positions in Kidal, Mali, on Saturday."
    for again in ("The army command confirmed the air strikes and said it targeted rebels hiding in houses.",
                  "The ministry acknowledged the raid in a short statement."):
        doc = extract_text(f"{told}\n\n{again}", published=date(2021, 3, 10))
        assert len(doc.events) == 1, again
    # told with a toll of its own, a confirmed incident is still reported
    doc = extract_text("The army confirmed the air strikes killed 12 rebels near Gao, Mali.", published=date(2021, 3, 10))
    assert doc.events


def test_an_incident_as_the_agent_of_a_passive_refers_back_and_harms_what_it_hit() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("Army jets bombed rebel positions in Kidal, Mali, on Saturday.\n\n"
                       "A mosque was also damaged by the attack, which hit two houses.", published=date(2021, 3, 10))
    assert [e.sub_event_type for e in doc.events] == ["Air/drone strike"]
    # the people a passive's fighting hit are not the fighters: no mob violence among "families"
    doc = extract_text("On Saturday dozens of families fled the centre of Kidal, Mali; and hospitals were damaged by "
                       "heavy fighting with machine guns.", published=date(2021, 3, 10))
    assert [e.sub_event_type for e in doc.events] == ["Armed clash"]


def test_a_group_telling_what_its_own_fighters_did_claims_it() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("The group said one of its fighters attacked a checkpoint in Kidal, Mali, on Sunday.",
                       published=date(2021, 3, 10))
    assert [e.modality for e in doc.events] == ["claimed"]
    doc = extract_text("The group said soldiers attacked a checkpoint in Kidal, Mali, on Sunday.", published=date(2021, 3, 10))
    assert [e.modality for e in doc.events] != ["claimed"]


def test_a_day_that_dates_only_the_saying_does_not_make_a_reference_a_new_incident() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    told = "Army jets bombed rebel positions in Kidal, Mali, on Saturday."
    for said in ("The army said on Monday", "The army said in a statement on its official Facebook page on Monday"):
        doc = extract_text(f"{told}\n\n{said} that the raids were aimed at the Kivu Front.", published=date(2021, 3, 10))
        assert len(doc.events) == 1, said
    doc = extract_text(f"{told}\n\nThe army said that the raids on Sunday hit a depot of the Kivu Front.",
                       published=date(2021, 3, 10))
    assert len(doc.events) == 2


def test_deaths_a_group_is_blamed_for_are_not_the_toll_of_the_incident() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("Army jets struck the Kivu Front, a group blamed for the killing of hundreds of soldiers, "
                       "near Kidal, Mali, on Saturday.", published=date(2021, 3, 10))
    assert [e.fatalities for e in doc.events] == [0]


def test_a_day_after_publication_told_before_dates_no_incident() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    text = ("Wednesday, 28 February 2024\nHome / News / Army takes a town\n\n"
            "Government forces seized the town of Kidal, Mali, from the rebels.")
    doc = extract_text(text, published=date(2020, 5, 21))
    [ev] = [e for e in doc.events if e.location == "Kidal"]
    assert ev.modality == "asserted" and ev.event_date == "2020-05-21"



def test_one_event_per_key_takes_no_running_total_as_its_toll() -> None:
    from frontlines.model import Event
    from frontlines.pipeline.events.dedupe import one_per_incident

    def told(eid: str, deaths: int, aggregate: bool) -> Event:
        return Event(event_id=eid, event_date="2021-03-08", time_precision=1, event_type="Battles", sub_event_type="Armed clash",
                     location="Kidal", fatalities=deaths, fatalities_aggregate=aggregate)

    [kept] = one_per_incident([told("a", 4, False), told("b", 35, True)])
    assert (kept.fatalities, kept.fatalities_aggregate) == (4, False)
    [kept] = one_per_incident([told("a", 35, True), told("b", 4, False)])
    assert (kept.fatalities, kept.fatalities_aggregate) == (4, False)


def test_people_counted_or_named_by_role_as_the_object_of_seized_were_abducted() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    for text in ("Near Kidal, Mali, gunmen seized the four from their boat on Monday, said Rivera.",
                 "In Kidal, Mali, gunmen seized 12 passengers from a bus on Monday."):
        doc = extract_text(text, published=date(2021, 3, 10))
        assert [e.sub_event_type for e in doc.events] == ["Abduction/forced disappearance"], text
    doc = extract_text("Rebels seized the town of Kidal, Mali, on Monday, said Rivera.", published=date(2021, 3, 10))
    assert [e.sub_event_type for e in doc.events] == ["Non-state actor overtakes territory"]


def test_a_group_that_now_holds_named_towns_took_them_and_a_holding_summed_up_is_a_situation() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text
    from frontlines.pipeline.events.subtypes import held_territory

    # a verb after "confirmed that the group" tells a deed: "that the group" refers back to nothing told
    doc = extract_text("Rebels advanced in Mali this week. Officials confirmed that the group now holds the towns of "
                       "Gao and Kidal.", published=date(2021, 3, 10))
    taken = [e for e in doc.events if e.sub_event_type == "Non-violent transfer of territory"]
    assert taken and {e.location for e in taken} <= {"Gao", "Kidal"}
    assert held_territory("now controls", "now controls much of the north") is not None
    assert held_territory("now holds", "they have since expanded and now hold the coast") is not None
    assert held_territory("now holds", "the group now holds the towns of Gao and Kidal") is None
    assert held_territory("withdrew from", "withdrew from much of the north") is None  # only a statement of holding
    doc = extract_text("In Mali the rebels now control Gao and much of the rest of the north.", published=date(2021, 3, 10))
    assert not doc.events and [n.rule for n in doc.non_events] == ["held_territory"]


def test_a_day_counted_from_the_incident_before_dates_the_next_one() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text
    from frontlines.pipeline.events.event_dates import relative_shift

    assert relative_shift("72 hours before, in Gao, two soldiers died.") == (-3, "72 hours before")
    assert relative_shift("Two days later, rebels attacked the camp.") == (2, "Two days later")
    assert relative_shift("The next day the militia withdrew.") == (1, "The next day")
    assert relative_shift("It came a day after a series of blasts killed 50 people.") is None  # its own anchor
    assert relative_shift("Three hours later the shooting stopped.") is None  # the same day
    doc = extract_text("A suicide bomber killed four people in Kidal, Mali, on Sunday 17 September 2017.\n\n"
                       "Three days earlier, in Gao, a roadside bomb killed two soldiers.", published=date(2017, 9, 20))
    assert sorted(e.event_date for e in doc.events) == ["2017-09-14", "2017-09-17"]


def test_more_dead_of_the_incident_just_told_and_a_risen_toll_are_no_new_events() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("A roadside bomb exploded near a market in Gao, Mali, on Sunday, killing three soldiers. "
                       "Two other men, including a driver, were also killed in the explosion.", published=date(2021, 3, 10))
    assert len(doc.events) == 1
    doc = extract_text("On Saturday a car bomb exploded at a checkpoint in Gao, Mali, killing 12 soldiers.\n\n"
                       "Officials said Sunday that the death toll of the bombing had climbed to 19.", published=date(2021, 3, 10))
    assert [(e.event_date, e.fatalities) for e in doc.events] == [("2021-03-06", 19)]


def test_the_explosion_of_another_place_and_day_is_not_the_suicide_bombing_told_before() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("On Friday a suicide bomber blew himself up at a police post in Gao, Mali, killing 9 officers.\n\n"
                       "The group said it was behind Saturday's explosion in Kidal.", published=date(2021, 3, 7))
    assert sorted((e.location, e.event_date) for e in doc.events) == [("Gao", "2021-03-05"), ("Kidal", "2021-03-06")]
    doc = extract_text("On Friday a suicide bomber blew himself up at a police post in Gao, Mali, killing 9 officers. "
                       "The explosion destroyed the post.", published=date(2021, 3, 7))
    assert [e.sub_event_type for e in doc.events] == ["Suicide bomb"]


def test_a_partner_is_an_associated_actor_and_a_country_that_sends_jets_strikes() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("Acting in concert with the government of Mali (the Malian army), France dispatched fighter jets "
                       "on Sunday to bomb Islamic State positions near Menaka.", published=date(2021, 3, 10))
    (strike,) = doc.events
    assert strike.sub_event_type == "Air/drone strike"
    assert strike.actor1_id == "fr.forces" and strike.assoc_actor_1 and "Mali" in strike.assoc_actor_1
    doc = extract_text("Rebels, backed by Turkish drones, attacked an army base near Gao, Mali, on Sunday.",
                       published=date(2021, 3, 10))
    assert all(e.actor1_id != "tr.forces" for e in doc.events)


def test_a_day_told_with_the_saying_in_a_place_dates_the_saying() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("Rebels clashed with soldiers in Gao, Mali, on Monday, killing 12.\n\n"
                       "\u201cThere was heavy fighting in Gao,\u201d the spokesman told reporters in Bamako on Tuesday.",
                       published=date(2021, 9, 14))
    assert {e.event_date for e in doc.events} == {"2021-09-13"}


def test_a_toll_leaves_out_the_bombers_and_a_peaceful_protest_takes_no_deaths_told_after_it() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text
    from frontlines.pipeline.events.fatalities import bombers_counted

    assert bombers_counted("Six people died, among them two suicide bombers.") == 2
    assert bombers_counted("Seven people, including the bomber, were killed.") == 1
    assert bombers_counted("The bomber killed seven people.") == 0
    doc = extract_text("On Sunday six people, among them four villagers and two suicide bombers, died in Maroua, Cameroon.",
                       published=date(2017, 9, 18))
    assert [(e.sub_event_type, e.fatalities) for e in doc.events] == [("Suicide bomb", 4)]
    doc = extract_text("Residents of Zuwara, Libya, held a peaceful demonstration on Thursday against smuggling. "
                       "Three bodies of drowned migrants were found on the beach.", published=date(2015, 8, 28))
    assert [(e.sub_event_type, e.fatalities) for e in doc.events if e.event_type == "Protests"] == [("Peaceful protest", 0)]


def test_a_place_under_a_picture_does_not_place_the_next_paragraph() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("Fighting near the capital\n\n"
                       "Rebels fought government forces in the district of Kidal, Mali, on Sunday.\n\n"
                       "A truck carries fighters near Gao on June 9. Rebels won aid on Thursday. REUTERS/Jane Doe "
                       "(MALI - Tags: CONFLICT)\n\n"
                       "A rebel spokesman said 13 fighters were killed in fighting there on Saturday.",
                       published=date(2021, 6, 14))
    assert all(e.location != "Gao" for e in doc.events)


def test_fighting_with_no_side_named_is_between_the_report_s_warring_sides() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    text = ("Malian soldiers fought JNIM militants near Boni, Mali, on Friday. JNIM said it held the road. "
            "The soldiers were reinforced on Saturday.\n\n"
            "On Sunday fighting resumed in Boni.")
    doc = extract_text(text, published=date(2021, 3, 10))
    resumed = [e for e in doc.events if e.event_date == "2021-03-07"]
    assert resumed and {resumed[0].actor1_id, resumed[0].actor2_id} == {"mli.forces.2020", "mli.jnim"}
    # one side named once is no pair to lend
    doc = extract_text("On Sunday fighting resumed in Boni, Mali, after JNIM militants arrived.", published=date(2021, 3, 10))
    assert all("warring sides" not in e.reason for e in doc.events)


def test_shelling_of_built_up_areas_targets_civilians() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("Militias shelled residential areas of Gao, Mali, on Monday.", published=date(2021, 3, 10))
    assert [e.actor2_id for e in doc.events] == ["gen.civilians.ML"]
    doc = extract_text("Militias shelled an army base in Gao, Mali, on Monday.", published=date(2021, 3, 10))
    assert [e.actor2_id for e in doc.events] != ["gen.civilians.ML"]


def test_towns_now_held_were_held_by_the_other_side_the_report_names() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("MINUSMA peacekeepers left two camps in northern Mali this week, and MINUSMA said it would regroup.\n\n"
                       "Officials confirmed that JNIM now holds the towns of Ber and Tessalit.", published=date(2021, 3, 10))
    held = [e for e in doc.events if e.notes.startswith("Officials")]
    assert held and all((e.actor1_id, e.actor2_id) == ("mli.jnim", "minusma") for e in held)


def test_fighters_from_a_city_do_not_place_the_fight() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("Fighting went on at the airport of Gao, Mali, on Tuesday.\n\n"
                       "On the airfield, militiamen fired mortar shells at rival fighters, including some from the "
                       "desert town of Kidal.", published=date(2021, 3, 10))
    assert all(e.location != "Kidal" for e in doc.events)
    doc = extract_text("The militia withdrew from Kidal, Mali, without a fight on Monday.", published=date(2021, 3, 10))
    assert [e.location for e in doc.events] == ["Kidal"]  # where a withdrawal is from is where it happened


def test_taking_over_named_terminals_is_a_capture_of_each() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("Forces led by the army took over the Ras Lanuf and al-Sidra terminals in Libya on Sunday after "
                       "battling guards.", published=date(2016, 9, 12))
    assert {e.sub_event_type for e in doc.events} == {"Government regains territory"} and len(doc.events) == 2
    doc = extract_text("He took over the presidency of Libya in 2014.", published=date(2016, 9, 12))
    assert not doc.events


def test_an_incident_dated_days_before_another_is_not_its_retelling() -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("The two suicide bombers died in the double suicide bombing in Kidal, Mali, on Sunday 17 September "
                       "2017. 72 hours before, in Gao, three soldiers died after the explosion of a roadside bomb.",
                       published=date(2017, 9, 20))
    assert sorted((e.event_date, e.location) for e in doc.events) == [("2017-09-14", "Gao"), ("2017-09-17", "Kidal")]


@pytest.mark.parametrize("text", [
    "Two soldiers died after their vehicle struck a landmine near Mora in Cameroon's Far North region on Sunday.",
    "Three policemen lost their lives when a roadside bomb went off near their patrol in Baidoa, Somalia.",
])
def test_the_dead_of_a_blast_are_its_victims_not_its_perpetrators(text: str) -> None:
    # a verb of dying tells who suffered the event, like "were killed"
    [event] = _events(text)
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert (event.actor2 or "").startswith(("Military Forces of", "Police Forces of"))
    assert event.actor1_id is None or event.actor1_id.startswith("gen.unidentified.")


@pytest.mark.parametrize(("text", "loser"), [
    ("Government forces pushed the rebels out of the town of Kidal, Mali, after two days of fighting.", "gen.unidentified.ML"),
    ("The army pushed the gunmen out of Mueda, Mozambique, on Sunday after a week of fighting.", "gen.unidentified.MZ"),
    ("Fighters of the Arakan Army pushed the troops out of Paletwa, Myanmar, on Friday.", "gen.military.MM"),
])
def test_a_capture_names_the_side_driven_out(text: str, loser: str) -> None:
    [event] = _events(text)
    assert event.event_type == "Battles" and "territory" in (event.sub_event_type or "")
    assert event.actor2_id == loser


def test_driving_a_car_from_a_town_is_no_capture() -> None:
    assert not _events("He drove his car from Tripoli to Misrata on Monday.")


@pytest.mark.parametrize("text", [
    "Police fired tear gas at opposition supporters in Harare, Zimbabwe, on Tuesday.",
    "Hundreds of students protested in Khartoum, Sudan, on Sunday; police dispersed them with tear gas.",
])
def test_a_protest_met_by_the_police_is_one_event_with_the_protesters_first(text: str) -> None:
    [event] = _events(text)  # the march and the tear gas of one sentence: one incident
    assert event.sub_event_type == "Protest with intervention"
    assert (event.actor1_id or "").startswith("gen.protesters.") and "police" in (event.actor2_id or "")


def test_fighters_of_no_named_group_killed_by_the_army_are_an_unidentified_armed_group() -> None:
    [event] = _events("The army said it had repelled an attack on its base in Kidal, Mali, killing 12 assailants.")
    assert event.event_type == "Battles" and event.actor2_id == "gen.unidentified.ML" and event.fatalities == 12


def test_a_battle_told_from_each_side_in_one_sentence_is_one_battle() -> None:
    [event] = _events("Boko Haram fighters attacked the base; troops killed 20 of the insurgents in Borno, Nigeria.")
    assert {event.actor1_id, event.actor2_id} >= {"nga.boko_haram"} and event.fatalities == 20


@pytest.mark.parametrize(("text", "agent", "victim"), [
    ("At least 30 civilians were killed in an airstrike blamed on the military on a village in Sagaing region, Myanmar.",
     "Military Forces of Myanmar", "Civilians"),
    ("A car bomb attributed to al-Shabaab killed five soldiers in Baidoa, Somalia, on Monday.", "Al Shabaab", "Military Forces"),
])
def test_an_incident_blamed_on_or_attributed_to_a_side_is_that_sides(text: str, agent: str, victim: str) -> None:
    [event] = _events(text)
    assert (event.actor1 or "").startswith(agent) and (event.actor2 or "").startswith(victim)


@pytest.mark.parametrize("text", [
    "A bomb killed five soldiers in Baidoa, Somalia, on Monday.",
    "The bombing killed five policemen in Quetta, Pakistan, on Monday.",
])
def test_a_bomb_that_kills_is_an_explosion_not_a_battle(text: str) -> None:
    [event] = _events(text)
    assert event.sub_event_type == "Remote explosive/landmine/IED" and event.fatalities == 5


def test_a_peaceful_protest_takes_no_toll_from_the_incident_it_protests() -> None:
    # the dead are those of the bombing it protests, which the sentence only refers to
    [event] = _events("Hundreds protested in Quetta, Pakistan, on Tuesday against a bombing that killed five policemen.")
    assert (event.sub_event_type, event.actor2_id, event.fatalities) == ("Peaceful protest", None, 0)
    assert not [e for e in _events("A bomb disposal expert was killed by gunmen in Quetta, Pakistan, on Monday.")
                if e.event_type == "Explosions/Remote violence"]


def test_a_partner_named_beside_the_agent_is_no_target() -> None:
    [event] = _events("Russian forces and Wagner mercenaries pressed their assault on Bakhmut, Ukraine, on Friday, "
                      "shelling the last road into the city.")
    assert event.actor1_id and event.actor1_id.startswith("rus.") and event.actor2_id is None
    [clash] = _events("Fulani herders and Dogon hunters clashed near Mopti, Mali, on Friday.")  # mutual: both sides
    assert clash.actor1_id and clash.actor2_id and clash.actor1_id != clash.actor2_id


@pytest.mark.parametrize("text", [
    "Heavy clashes broke out in the south-eastern suburbs of Tripoli on Monday night between the 444th Brigade and "
    "the Special Deterrence Force (Rada), killing at least 55 people.",
    "Clashes erupted in Tripoli late on Monday between the 444th Brigade and the Rada Special Deterrence Force.",
])
def test_the_sides_after_between_past_adjuncts_of_place_and_time(text: str) -> None:
    """Issue 10, set e: a 'between' more than four words after the trigger lost the second side."""
    [clash] = [e for e in _events(text) if e.sub_event_type == "Armed clash"]
    assert {clash.actor1_id, clash.actor2_id} == {"lby.444", "lby.rada"}


def test_a_between_another_noun_takes_names_no_sides_of_the_fighting() -> None:
    events = _events("Fighting resumed in Tripoli on Monday after talks between the 444th Brigade and Rada collapsed.")
    assert not any({e.actor1_id, e.actor2_id} == {"lby.444", "lby.rada"} and e.sub_event_type == "Armed clash"
                   for e in events)


@pytest.mark.parametrize(("text", "agent"), [
    ("Shelling by the paramilitary Rapid Support Forces on a camp in El Fasher killed eight people on Sunday.", "sdn.rsf"),
    ("A drone strike by the Rwanda-backed M23 rebels hit a camp near Goma on Sunday, killing eight people.", "cod.m23"),
])
def test_the_agent_of_a_nominal_incident_is_read_past_its_description(text: str, agent: str) -> None:
    """Issue 10, set e: 'shelling by the paramilitary Rapid Support Forces' left the RSF the target."""
    [event] = _events(text)
    assert event.actor1_id == agent


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Gunmen killed 12 members of the VDP and three civilians in an ambush near Djibo in Burkina Faso.", "Armed clash"),
    ("Gunmen killed three civilians and 12 members of the VDP in an attack near Djibo in Burkina Faso.", "Attack"),
    # the group the gunmen belong to is the agent, not a victim named first (set c, c_cd_mongbwalu_2024)
    ("Gunmen believed to belong to CODECO killed 12 people at a mining site near Mongbwalu in Congo.", "Attack"),
])
def test_the_victims_named_first_decide_a_mixed_toll(text: str, sub_event: str) -> None:
    """Issue 10, set e: a militia named as the first victims lost to the civilians named after it."""
    assert [e.sub_event_type for e in _events(text)][:1] == [sub_event]


def test_arrests_told_after_police_broke_up_a_protest_are_its_intervention() -> None:
    """Set g: "police dispersed about 200 students protesting ..., arresting 12 of them" is a protest with
    intervention, not arrests; arrests with no protest broken up stay arrests."""
    from datetime import date

    from frontlines.pipeline import extract_text

    doc = extract_text("On Sunday, police in Gao, Mali, dispersed about 300 traders protesting against a new tax, "
                       "arresting 15 of them, witnesses said.", published=date(2021, 3, 9))
    assert [(e.event_type, e.sub_event_type) for e in doc.events] == [("Protests", "Protest with intervention")]
    doc = extract_text("On Sunday, police in Gao, Mali, arrested 15 traders at the market, witnesses said.",
                       published=date(2021, 3, 9))
    assert [(e.event_type, e.sub_event_type) for e in doc.events] == [("Strategic developments", "Arrests")]


@pytest.mark.parametrize("text, country", [
    ("A mob lynched a suspected pickpocket at the bus park in Mbarara, Uganda.", "UG"),
    ("Residents of Eldoret beat a suspected burglar to death on Sunday night.", "KE"),
    ("Angry villagers burned a man alive near Kananga after accusing him of witchcraft.", "CD"),
    # the men a mob took for gang members or criminals are civilians too (set d: Petion-Ville's lynching), and the
    # police who told it met no crowd
    ("A mob lynched two suspected gang members in San Pedro Sula, Honduras, on Saturday, police said.", "HN"),
    ("Residents of Lae, Papua New Guinea, lynched three suspected drug dealers on Sunday, police said.", "PG"),
    ("Villagers beat two suspected cattle thieves to death near Kasese, Uganda, on Sunday, police said.", "UG"),
    ("Traders beat a suspected pickpocket to death at a market in Kumasi, Ghana, on Monday, a police spokesman said.", "GH"),
])
def test_a_mob_that_fell_on_a_person_has_civilians_as_its_victims(text: str, country: str) -> None:
    mob = [e for e in _events(text) if e.sub_event_type == "Mob violence"]
    assert mob and (mob[0].actor1_id, mob[0].actor2_id) == (f"gen.rioters.{country}", f"gen.civilians.{country}")


def test_a_mob_that_only_burned_property_has_no_victims() -> None:
    mob = [e for e in _events("A mob torched three shops and a car in Kisumu, Kenya.") if e.event_type == "Riots"]
    assert all(e.actor2_id is None for e in mob)


@pytest.mark.parametrize("text, sub_event, crowd, force", [
    ("Nurses marched to the health ministry in Lilongwe, Malawi. Police later dispersed them with tear gas.",
     "Protest with intervention", "gen.protesters.MW", "gen.police.MW"),
    ("Traders burned tyres on the main road in Gulu, Uganda, to protest a new levy. Police intervened and arrested four.",
     "Violent demonstration", "gen.rioters.UG", "gen.police.UG"),
    ("Rioters threw stones at shops in Kasama, Zambia. Security forces responded with live rounds.",
     "Violent demonstration", "gen.rioters.ZM", "gen.military.ZM"),
])
def test_the_force_that_met_a_crowd_in_the_next_sentence_is_its_second_actor(text: str, sub_event: str, crowd: str,
                                                                             force: str) -> None:
    found = [e for e in _events(text) if e.sub_event_type == sub_event]
    assert found and (found[0].actor1_id, found[0].actor2_id) == (crowd, force)


def test_a_force_named_after_a_peaceful_protest_for_another_reason_is_not_its_second_actor() -> None:
    text = "Pensioners held a peaceful march in Blantyre, Malawi. Separately, police arrested two robbers at a bank."
    found = [e for e in _events(text) if e.event_type == "Protests"]
    assert found and found[0].actor2_id is None



@pytest.mark.parametrize("text, group", [
    ("Two armed men, suspected to be al Shabaab fighters, shot dead a trader in Wadajir district, Mogadishu.", "som.shabaab"),
    ("Masked men believed to be ADF rebels hacked two farmers to death near Oicha, North Kivu.", "cod.adf"),
])
def test_unnamed_men_suspected_to_be_a_named_groups_fighters_are_that_group(text: str, group: str) -> None:
    assert any(e.actor1_id == group for e in _events(text))


@pytest.mark.parametrize("text, crowd, force", [
    ("Police fired tear gas to disperse youths who burned tyres on the streets of Gulu, Uganda.",
     "gen.rioters.UG", "gen.police.UG"),
    ("Zambian police used tear gas against rioters who had looted shops in Kitwe.", "gen.rioters.ZM", "gen.police.ZM"),
])
def test_a_riot_told_from_the_forces_side_has_the_crowd_first(text: str, crowd: str, force: str) -> None:
    riots = [e for e in _events(text) if e.sub_event_type == "Violent demonstration"]
    assert riots and (riots[0].actor1_id, riots[0].actor2_id) == (crowd, force)


@pytest.mark.parametrize(("text", "country"), [
    ("Men posing as soldiers abducted six traders near Kidal on 3 May 2021.", "Mali"),
    ("Gunmen disguised as police officers shot dead a money changer in Goma on 3 May 2021.",
     "Democratic Republic of Congo"),
    ("Armed men dressed as soldiers looted shops in Bunia on 3 May 2021.", "Democratic Republic of Congo"),
])
def test_a_force_the_attackers_only_seemed_to_be_is_no_actor(text: str, country: str) -> None:
    doc = _report(text)
    assert [e.actor1 for e in doc.events][:1] == [f"Unidentified Armed Group ({country})"]
    assert not any("Forces" in f"{e.actor1} {e.actor2}" for e in doc.events)  # neither side is the state's force


@pytest.mark.parametrize(("text", "sub_event"), [
    # a missile or rocket strike is a shelling/artillery/missile attack, whoever launched it
    ("Russian forces launched a missile strike on Kharkiv on 3 May 2021.", "Shelling/artillery/missile attack"),
    ("Iran launched missile strikes against targets in Erbil on 3 May 2021.", "Shelling/artillery/missile attack"),
    ("The rebels carried out rocket strikes on the airport in Marib on 3 May 2021.", "Shelling/artillery/missile attack"),
    # from the air it stays an air strike
    ("Israeli jets carried out strikes on Khan Younis on 3 May 2021.", "Air/drone strike"),
    ("Turkish drone strikes on Qamishli wounded three people on 3 May 2021.", "Air/drone strike"),
])
def test_missile_and_rocket_strikes_are_no_air_strikes(text: str, sub_event: str) -> None:
    doc = _report(text)
    assert [e.sub_event_type for e in doc.events][:1] == [sub_event]


@pytest.mark.parametrize(("text", "actor1", "place"), [
    ("Russia launched rocket strikes against Zaporizhzhia on 3 May 2021, killing two.", "Military Forces of Russia",
     "Zaporizhzh"),  # (GeoNames spells it Zaporizhzhya)
    ("Iran fired missiles at a base near Erbil on 3 May 2021.", "Military Forces of Iran", "Erbil"),
    ("Azerbaijan carried out drone strikes on Armenian positions near Jermuk on 3 May 2021.",
     "Military Forces of Azerbaijan", "Jermuk"),
])
def test_a_country_that_launched_the_weapon_is_its_forces_and_not_the_place(text: str, actor1: str, place: str) -> None:
    doc = _report(text)
    assert [(e.actor1 or "").split(" (")[0] for e in doc.events][:1] == [actor1]
    assert [(e.location or "")[:len(place)] for e in doc.events][:1] == [place]


@pytest.mark.parametrize(("text", "sub_event", "country"), [
    # a foreign state's forces taking ground: ACLED codes it as a non-state actor's (the codebook's foreign state actor)
    ("Russian forces seized Avdiivka on 3 May 2021.", "Non-state actor overtakes territory", "Ukraine"),
    ("Russian troops captured the village of Ocheretyne on 3 May 2021, the Russian defence ministry said.",
     "Non-state actor overtakes territory", "Ukraine"),
    ("Turkish forces captured the town of Afrin on 3 May 2021.", "Non-state actor overtakes territory", "Syria"),
    # the state's own forces on its own ground regain it, whatever the NER made of the town's name
    ("Ethiopian troops recaptured Lalibela on 3 May 2021.", "Government regains territory", "Ethiopia"),
    ("Malian soldiers retook Kidal on 3 May 2021.", "Government regains territory", "Mali"),
])
def test_who_takes_ground_and_where(text: str, sub_event: str, country: str) -> None:
    doc = _report(text)
    assert [(e.sub_event_type, e.country) for e in doc.events][:1] == [(sub_event, country)]


@pytest.mark.parametrize(("text", "force"), [
    # a force told opening fire on a crowd throwing stones meets the rioters, who are actor 1 (set i: Ziguinchor, Conakry);
    # a crowd the report calls protesters stays protesters, as the dev guidelines code road blocks and burning tyres
    ("In Kisumu, Kenya, police opened fire on youths who were throwing stones and burning tyres on Monday.", "police"),
    ("Gendarmes fired tear gas at youths who had blocked a road with burning tyres in Parakou, Benin, on Friday.", "police"),
])
def test_a_force_meeting_a_violent_crowd_is_its_actor_2(text: str, force: str | None) -> None:
    event = next(e for e in _events(text) if e.sub_event_type == "Violent demonstration")
    assert event.actor1_id and event.actor1_id.startswith("gen.rioters"), (event.actor1, event.actor2)
    assert (event.actor2_id or "").startswith(f"gen.{force}") if force else event.actor2_id is None


@pytest.mark.parametrize(("text", "crowd"), [
    # a crowd the report calls protesters that storms, burns, loots or wrecks riots, as ACLED codes it (sets i and j:
    # Almaty's city hall, Coro's statue, Benghazi's government headquarters)
    ("Protesters stormed the provincial assembly in Jalalabad, Afghanistan, on Tuesday and set it on fire.", "rioters"),
    ("Demonstrators ransacked the ruling party's offices in Bamako, Mali, on Friday after the vote count.", "rioters"),
    ("In Tegucigalpa, Honduras, protesters pulled down a statue of a former president on Sunday.", "rioters"),
    # a road blocked with burning tyres stays the protesters', as the dev guidelines code it
    ("Protesters set fire to tyres on the main road in Lome, Togo, on Tuesday to demand the release of a teacher.", "protesters"),
])
def test_a_crowd_that_stormed_or_burned_is_rioters(text: str, crowd: str) -> None:
    event = next(e for e in _events(text) if e.sub_event_type == "Violent demonstration")
    assert (event.actor1_id or "").startswith(f"gen.{crowd}."), (event.actor1, event.actor2)


@pytest.mark.parametrize(("text", "attackers"), [
    # gunmen the text names by their nation are an armed group of that nation wherever they strike, as ACLED codes
    # "Unidentified Armed Group (Palestine)" in Israel (set h: Tel Aviv); gunmen of no nation are the place's
    ("Palestinian gunmen opened fire on a bus near Ariel junction in Israel on Tuesday, wounding three passengers.",
     "gen.unidentified.PS"),
    ("Afghan gunmen attacked a border post near Chaman, Pakistan, on Monday, killing two guards.", "gen.unidentified.AF"),
    ("Gunmen attacked a border post near Chaman, Pakistan, on Monday, killing two guards.", "gen.unidentified.PK"),
    # a people's fire is its armed men's, not a state's forces' (the world dev set's Gazan rocket)
    ("A Palestinian rocket exploded in a field near Sderot, Israel, on Friday night, police said.", "gen.unidentified.PS"),
    ("Gazan rockets hit a kibbutz near Nahal Oz, Israel, on Sunday, wounding a farmer.", "gen.unidentified.PS"),
])
def test_attackers_named_by_their_nation_are_of_that_nation(text: str, attackers: str) -> None:
    event = _events(text)[0]
    assert event.actor1_id == attackers, (event.actor1, event.actor2, event.reason)


@pytest.mark.parametrize("text", [
    # the group the victims were accused of helping is no side of the deed (set k: Bali's houses burned for
    # 'sheltering' separatists); an armed party that burns or loots homes or shops wrongs civilians
    "Troops torched a dozen houses in Kumba, Cameroon, on Tuesday, residents said, accusing the soldiers of punishing "
    "villagers for sheltering Ambazonian separatists.",
    "Police burned down 20 homes near Shashamane, Ethiopia, on Monday, residents said, accusing officers of punishing "
    "families for hiding OLA fighters.",
    "Al-Shabaab fighters looted shops in Bulo Burde, Somalia, on Monday, residents said.",
    "Anti-balaka fighters set fire to 30 houses in a village near Bangassou, Central African Republic, on Sunday, a "
    "local official said.",
])
def test_homes_burned_or_looted_by_an_armed_party_are_civilians(text: str) -> None:
    event = next(e for e in _events(text) if e.sub_event_type == "Looting/property destruction")
    assert (event.actor2_id or "").startswith("gen.civilians."), (event.actor1, event.actor2, event.reason)


@pytest.mark.parametrize(("text", "country"), [
    # men the text calls cartel members or gunmen, of no cartel named, are an unidentified armed group, not the cartel
    # the report names elsewhere (set c: Tamaulipas's shootout took Jalisco's CJNG)
    ("Gunmen of the Sinaloa Cartel ambushed police in Culiacan, Mexico, on Monday, killing two officers. Soldiers killed "
     "five suspected cartel members in a gunfight near Guasave on Tuesday.", "MX"),
    ("The Clan del Golfo attacked a police station in Caucasia, Colombia, on Friday. On Saturday, police killed three "
     "cartel hitmen in a shootout near Taraza.", "CO"),
    # kidnappers of no group named are an armed group too, the side a force fights
    ("Police killed three kidnappers in a shootout in Chilpancingo, Mexico, on Friday.", "MX"),
    ("Soldiers killed two kidnappers in a gunfight near Birnin Gwari, Nigeria, on Sunday and freed 12 hostages.", "NG"),
])
def test_cartel_members_of_no_cartel_named_are_unidentified(text: str, country: str) -> None:
    event = _events(text)[-1]
    assert event.actor2_id == f"gen.unidentified.{country}", (event.actor1, event.actor2, event.reason)


@pytest.mark.parametrize("text", [
    # members of a party, a union or a congregation are civilians, whoever kills them (a victim group's affiliation)
    "Soldiers shot dead three members of the opposition party in Bamenda, Cameroon, on Monday.",
    "Police shot dead two members of a trade union during a strike in Harare, Zimbabwe, on Tuesday.",
    "Troops killed four members of a church congregation near Mutumba, Burundi, on Sunday, residents said.",
])
def test_members_of_a_party_or_a_union_are_civilians(text: str) -> None:
    event = _events(text)[0]
    assert (event.event_type, (event.actor2_id or "").split(".")[:2]) == ("Violence against civilians", ["gen", "civilians"]), \
        (event.event_type, event.actor1, event.actor2, event.reason)


@pytest.mark.parametrize(("text", "published", "actor"), [
    # an alias carried only by a later period's entry names the entry of the day under the same name: the RSF were
    # Sudan's state forces before their rebellion of April 2023
    ("RSF fighters attacked a camp for displaced people near El Fasher, Sudan, on Friday, killing 30.", (2021, 5, 5),
     "sdn.rsf"),
    ("RSF fighters attacked a camp for displaced people near El Fasher, Sudan, on Friday, killing 30.", (2024, 5, 5),
     "sdn.rsf.rebel"),
    ("RSF paramilitaries shot dead four protesters in Omdurman, Sudan, on Thursday, medics said.", (2019, 6, 20), "sdn.rsf"),
])
def test_an_alias_of_a_later_period_names_the_entry_of_the_day(text: str, published: tuple[int, int, int], actor: str) -> None:
    from datetime import date

    from frontlines.pipeline import extract_text

    event = extract_text(text, published=date(*published)).events[0]
    assert actor in (event.actor1_id, event.actor2_id), (event.actor1, event.actor2, event.reason)


@pytest.mark.parametrize(("text", "pair"), [
    # who holds the place hit ("a village held by the Arakan Army") is neither the agent of a passive nor, where the
    # dead are civilians, the target
    ("The Myanmar army shelled a village held by the Arakan Army in Rakhine on Thursday, killing five civilians.",
     ("mmr.", "gen.civilians.MM")),
    ("Government artillery pounded a town controlled by the SDF near Manbij, Syria, on Friday, killing four civilians.",
     ("gen.military.SY", "gen.civilians.SY")),
    # soldiers holding the town hit are its target
    ("Russian forces shelled a town held by Ukrainian troops near Bakhmut, Ukraine, on Monday, killing two soldiers.",
     ("rus.", "ukr.")),
])
def test_who_holds_the_place_hit_is_no_agent(text: str, pair: tuple[str, str]) -> None:
    event = _events(text)[0]
    assert (event.actor1_id or "").startswith(pair[0]) and (event.actor2_id or "").startswith(pair[1]), \
        (event.actor1, event.actor2, event.reason)


@pytest.mark.parametrize(("text", "target"), [
    # a base named by its state's demonym is that state's forces' (not the forces of the country it stands in)
    ("A Kataib Hezbollah drone struck a US base in Syria on Sunday, wounding two soldiers.", "US"),
    ("Rockets hit a Turkish base near Bashiqa, Iraq, on Monday, the Turkish defence ministry said.", "TR"),
])
def test_a_base_named_by_a_demonym_is_that_states(text: str, target: str) -> None:
    from frontlines.knowledge.actors import get_actor_kb

    event = _events(text)[0]
    assert event.actor2_id and get_actor_kb().get(event.actor2_id).country == target, (event.actor1, event.actor2)


@pytest.mark.parametrize("text", [
    "Gendarmes arrested two opposition activists at a market in Kaolack, Senegal, on Wednesday.",
    "In Dori, Burkina Faso, a gendarme was wounded when gunmen attacked a checkpoint on Monday.",
])
def test_gendarmes_are_the_police(text: str) -> None:
    """ACLED codes a gendarmerie with the country's police forces (set i: Senegal's and Guinea's gendarmes were
    taken for the army)."""
    event = _events(text)[0]
    assert any((i or "").startswith("gen.police") or (i or "").endswith(".police") for i in (event.actor1_id, event.actor2_id)), \
        (event.actor1, event.actor2)


@pytest.mark.parametrize("text", [
    "Police say 40 people have died in Lusaka, Zambia, since the riots began on Saturday, most of them during looting.",
    "Officials said 17 people had been killed across Eswatini since Tuesday, many of them in clashes during looting.",
])
def test_a_day_that_opens_a_span_dates_no_incident(text: str) -> None:
    """'since the unrest began on Friday' dates the span, not the looting the toll sentence tells (set i:
    the KwaZulu-Natal unrest's running toll was coded as a looting on the Friday)."""
    assert _events(text) == [], [(e.sub_event_type, e.reason) for e in _events(text)]


@pytest.mark.parametrize("text", [
    "Looters ransacked shops and a warehouse in Blantyre, Malawi, on Saturday night.",
    "In Kumasi, Ghana, looters broke into a bank on Tuesday and set the building alight.",
])
def test_looters_are_rioters_in_a_violent_demonstration(text: str) -> None:
    """ACLED's looting sub-event is an armed group's; a crowd's is a violent demonstration by rioters (set i: the
    Pietermaritzburg mall stripped and torched by looters had no actor)."""
    event = _events(text)[0]
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.actor1_id and event.actor1_id.startswith("gen.rioters")


@pytest.mark.parametrize("text", [
    "On Saturday, protesters in Tiznit, Morocco, attacked police officers and set fire to two patrol cars.",
    "Hundreds of demonstrators tried to storm the governor's office in Kisumu, Kenya, on Tuesday and torched a car "
    "before police dispersed them.",
    "Protesters in Lilongwe, Malawi, stoned police officers and looted shops on Friday, witnesses said.",
])
def test_protesters_who_do_the_violence_are_rioters(text: str) -> None:
    """ACLED's violent demonstration is the rioters' whatever the report calls the crowd: protesters named as the
    ones who attacked, stormed, stoned or torched are rioters (set o: Karakalpakstan's Chimbay, Honiara's
    parliament)."""
    event = _events(text)[0]
    assert (event.event_type, event.sub_event_type) == ("Riots", "Violent demonstration")
    assert event.actor1_id and event.actor1_id.startswith("gen.rioters"), (event.actor1, event.actor2)


def test_protesters_who_block_a_road_stay_protesters() -> None:
    event = _events("Protesters blocked the main road into Kasese, Uganda, and burned tyres on Monday.")[0]
    assert not (event.actor1_id or "").startswith("gen.rioters"), (event.sub_event_type, event.actor1)


@pytest.mark.parametrize(("text", "kind", "pair"), [
    ("Gunmen opened fire on supporters of the opposition as they gathered outside a court in Harare, Zimbabwe, on "
     "Thursday to demand the release of their leader, killing two people.",
     ("Violence against civilians", "Attack"), ("gen.unidentified.ZW", "gen.protesters.ZW")),
    ("Snipers fired on mourners as they gathered at the cathedral in Kananga, DR Congo, on Sunday to denounce the "
     "killings, leaving three dead, witnesses said.",
     ("Violence against civilians", "Attack"), ("gen.unidentified.CD", "gen.protesters.CD")),
    ("Soldiers opened fire on students as they gathered outside the university in Bamako, Mali, on Monday to protest "
     "against fees, killing one.",
     ("Protests", "Excessive force against protesters"), ("gen.protesters.ML", "gen.military.ML")),
])
def test_an_attack_on_a_crowd_as_it_gathered_is_the_event_and_the_crowd_protesters(text: str, kind, pair) -> None:  # noqa: ANN001
    """The gathering is the circumstance of the shooting ('as they gathered ... to demand'), not a peaceful protest
    by the shooters; the people shot are protesters, and a state's force firing on them uses excessive force (set o:
    the snipers at Beirut's Tayouneh were coded a peaceful protest by Hezbollah)."""
    event = _events(text)[0]
    assert (event.event_type, event.sub_event_type) == kind, event.reason
    assert (event.actor1_id, event.actor2_id) == pair


@pytest.mark.parametrize("text", [
    "A missile fired by the rebels struck a bus station in Goma, DR Congo, on Tuesday, killing six people, among them "
    "two children, and burning several cars, officials said.",
    "A drone fired by the militia hit a fuel depot in Kassala, Sudan, on Sunday, killing three guards, one of them a "
    "teenager, and burning two vehicles, witnesses said.",
])
def test_what_a_deadly_strike_also_burned_is_part_of_it(text: str) -> None:
    """', killing six people ..., and burning several stalls': the participle after the strike's killing has no
    subject of its own, it tells what the strike also did, not a riot (set o: a Houthi missile on a Marib petrol
    station)."""
    events = _events(text)
    assert [e.event_type for e in events] == ["Explosions/Remote violence"], [(e.sub_event_type, e.reason) for e in events]


def test_an_armed_groups_looting_stays_looting() -> None:
    event = _events("Gunmen looted and burned a health centre in Kidal, Mali, on Tuesday.")[0]
    assert event.sub_event_type == "Looting/property destruction"


@pytest.mark.parametrize(("text", "civilians"), [
    ("Police arrested a journalist in Harare, Zimbabwe, on Monday.", True),
    ("Soldiers detained a local councillor at a checkpoint near Gao, Mali, on Monday.", True),
    ("Gendarmes arrested three students outside the university in Yaounde, Cameroon, on Thursday.", True),
    ("Police arrested three suspected militants in Kampala, Uganda, on Monday.", False),
])
def test_people_arrested_for_who_they_are_are_civilians(text: str, civilians: bool) -> None:
    """Set i: 'gendarmes arrested a reporter' had no second actor; ACLED codes the civilians of the country."""
    [event] = _events(text)
    assert event.sub_event_type == "Arrests"
    assert bool(event.actor2_id and event.actor2_id.startswith("gen.civilians")) == civilians, event.actor2


@pytest.mark.parametrize("text", [
    "Armed civilians on motorbikes fired on a group of protesters in Barquisimeto, Venezuela, on Tuesday, killing three.",
    "Two students were shot dead in Masaya, Nicaragua, on Saturday when masked gunmen opened fire on marchers.",
])
def test_protesters_killed_by_an_armed_group_are_attacked(text: str) -> None:
    """ACLED's excessive force against protesters is the state's; an armed group's killing of them is an attack
    (set i: Maracay's 'armed civilians' were taken for the army, then the protest kept no dead)."""
    event = _events(text)[0]
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack"), event.reason
    assert event.actor1_id and event.actor1_id.startswith("gen.unidentified") and event.fatalities >= 2


@pytest.mark.parametrize(("text", "sub_event"), [
    ("Police dispersed protesters in Lome, Togo, on Friday, killing two.", "Excessive force against protesters"),
    ("One man was killed in Kisumu, Kenya, on Monday when police broke up a protest over fuel prices.",
     "Excessive force against protesters"),
    # the dead of the incident the protest answers are not the protesters'
    ("Police dispersed a protest in Lome, Togo, on Friday against the killing of two traders by soldiers.",
     "Protest with intervention"),
])
def test_protesters_killed_as_the_force_breaks_them_up_suffer_excessive_force(text: str, sub_event: str) -> None:
    """Set i: 'two young men were shot dead ... as gendarmes and police dispersed demonstrators' was an intervention."""
    event = _events(text)[0]
    assert event.sub_event_type == sub_event, event.reason


@pytest.mark.parametrize("text", [
    "Militants blocked the main road near Kidal, Mali, on Sunday with two burnt-out trucks.",
    "Armed men barricaded the bridge into Kalehe, Congo, with felled trees on Tuesday.",
])
def test_an_armed_groups_road_block_is_no_protest(text: str) -> None:
    """Set i: 'the gunmen had blocked the bridge ... with two trucks' was a peaceful protest."""
    assert not any(e.event_type in ("Protests", "Riots") for e in _events(text)), [(e.sub_event_type, e.reason) for e in _events(text)]


@pytest.mark.parametrize("text", [
    "On Sunday, police arrested 30 people they described as gang members in Choloma, Honduras, the police said.",
    "Gendarmes detained 12 men they accused of helping the rebels near Agadez, Niger, on Friday, a gendarmerie spokesman said.",
])
def test_the_states_own_word_on_its_arrests_reports_them(text: str) -> None:
    """ACLED codes arrests from the police's own account (set i: Soyapango's arrests were the police's claim);
    a force's word on the enemy it killed stays a claim."""
    from datetime import date

    from frontlines.pipeline import extract_text

    events = [e for e in extract_text(text, published=date(2022, 12, 5)).events if e.sub_event_type == "Arrests"]
    assert events and events[0].modality == "asserted", [(e.sub_event_type, e.reason) for e in events]
    [killed] = extract_text("The army said it killed 40 militants near Gao, Mali, on Friday.",
                            published=date(2022, 12, 5)).events
    assert killed.modality == "claimed"


@pytest.mark.parametrize("text", [
    "Government loyalists armed with sticks attacked protesters marching in Kampala, Uganda, on Tuesday.",
    "Hundreds of ruling party supporters marched to the square in Lusaka, Zambia, on Friday and beat opposition "
    "demonstrators.",
])
def test_a_crowd_that_beats_protesters_is_mob_violence(text: str) -> None:
    """Set i: ruling-party supporters beating the Galle Face demonstrators were an unidentified armed group using
    excessive force; police beating them still are excessive force."""
    event = _events(text)[0]
    assert (event.event_type, event.sub_event_type) == ("Riots", "Mob violence"), event.reason
    assert (event.actor1_id or "").startswith("gen.rioters") and (event.actor2_id or "").startswith("gen.protesters")
    [police] = _events("Police beat demonstrators with batons in Lusaka, Zambia, on Friday.")
    assert police.sub_event_type == "Excessive force against protesters"


def test_a_movement_whose_call_crowds_answer_is_no_protester_and_its_leaders_arrest_names_it() -> None:
    """Set i: Guinea's FNDC, a civic movement, was not in the actor base; the protesters it calls out are ACLED's
    protesters, and the arrest of its coordinator names it as the one arrested."""
    from datetime import date

    from frontlines.pipeline import extract_text

    [march] = extract_text("Thousands answered the FNDC call to march in Kankan, Guinea, on Thursday.",
                           published=date(2022, 7, 30)).events
    assert (march.actor1_id or "").startswith("gen.protesters")
    [arrest] = extract_text("Gendarmes detained two FNDC organisers at a roadblock in Labe, Guinea, on Friday.",
                            published=date(2022, 7, 30)).events
    assert arrest.sub_event_type == "Arrests" and arrest.actor2_id == "gin.fndc"


@pytest.mark.parametrize("text, published", [
    ("Thousands of supporters of Shi'ite cleric Moqtada al-Sadr rallied in Tahrir Square in Baghdad on Friday to demand "
     "early elections.", "2019-11-02"),
    ("Hundreds of Hezbollah supporters marched through the streets of Nabatieh, Lebanon, on Sunday, chanting against the "
     "government.", "2019-10-21"),
])
def test_a_crowd_of_a_named_groups_supporters_are_protesters(text: str, published: str) -> None:
    """Set p: the followers of a group or its leader who rally are ACLED's protesters, the group associated, not the
    group's armed wing marching."""
    from datetime import date

    from frontlines.pipeline import extract_text

    [rally] = extract_text(text, published=date.fromisoformat(published)).events
    assert rally.sub_event_type == "Peaceful protest", rally.reason
    assert (rally.actor1_id or "").startswith("gen.protesters"), (rally.actor1, rally.reason)


@pytest.mark.parametrize("text", [
    "Armed men looted a health centre in Kajo-Keji, South Sudan, on Friday night, taking medicines and a vehicle.",
    "Gunmen looted shops in the market of Bunia, Congo, on Tuesday night, residents said.",
])
def test_looting_of_what_civilians_own_or_run_befalls_civilians(text: str) -> None:
    """Set p: a clinic, shops or homes looted by unnamed armed men are civilians' loss (ACLED's actor 2)."""
    from datetime import date

    from frontlines.pipeline import extract_text

    [looting] = extract_text(text, published=date(2020, 5, 19)).events
    assert looting.sub_event_type == "Looting/property destruction", looting.reason
    assert (looting.actor2_id or "").startswith("gen.civilians."), (looting.actor2, looting.reason)


@pytest.mark.parametrize(("text", "target"), [
    ("A police convoy came under attack near Mandera, Kenya, on Monday, killing two officers.", "Police Forces of Kenya"),
    ("An army patrol came under heavy fire near Kidal, Mali, on Friday, the army said.", "Military Forces of Mali"),
])
def test_a_force_that_came_under_fire_is_the_target_of_a_clash(text: str, target: str) -> None:
    """Set p: 'came under fire/attack' tells an attack from its target's side: the subject is actor 2, an armed one
    makes it a clash."""
    from datetime import date

    from frontlines.pipeline import extract_text

    [attack] = extract_text(text, published=date(2020, 5, 19)).events
    assert attack.sub_event_type == "Armed clash", attack.reason
    assert (attack.actor2 or "").startswith(target), (attack.actor1, attack.actor2, attack.reason)


@pytest.mark.parametrize("text", [
    "Several thousand people marched to the militia's compound in Tripoli, Libya, on Friday to demand that it leave the "
    "city. When the marchers reached the gate, the gunmen inside opened fire on them. At least 20 people were killed.",
    "Hundreds of students marched on the governor's office in Kasese, Uganda, on Monday. When they reached the market, "
    "soldiers guarding it fired shots at them, killing four.",
])
def test_a_march_fired_on_as_them_is_excessive_force(text: str) -> None:
    """Set p: the marchers told before and fired on as 'them' make the protest excessive force."""
    from datetime import date

    from frontlines.pipeline import extract_text

    events = [e for e in extract_text(text, published=date(2013, 11, 16)).events if e.event_type == "Protests"]
    assert [e.sub_event_type for e in events] == ["Excessive force against protesters"], [e.reason for e in events]


def _dated(text: str, published: str = "2021-05-05"):  # noqa: ANN202
    """The events of a one-paragraph report published on ``published``."""
    from datetime import date

    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    return Pipeline.default().process(document_from_text(text, id="t", published=date.fromisoformat(published))).events


@pytest.mark.parametrize(("text", "published", "actor1"), [
    ("Warplanes of the Saudi-led coalition struck a farm in Majz, Yemen, on Sunday, killing three farmers.",
     "2019-03-05", "sa.forces"),
    ("Jets of the US-led coalition struck an Islamic State checkpoint in Hajin, Syria, on Friday, killing six militants.",
     "2016-05-05", "isis.coalition"),
])
def test_aircraft_of_a_named_force_are_its_air_strike(text: str, published: str, actor1: str) -> None:
    """Set k: "warplanes of the Saudi-led coalition" were the report country's army and their strike an attack."""
    event = _dated(text, published)[0]
    assert event.sub_event_type == "Air/drone strike", event.reason
    assert event.actor1_id == actor1, (event.actor1_id, event.reason)


@pytest.mark.parametrize("text", [
    "A Nigerian Air Force jet bombed ISWAP camps on the edge of Bama, Borno State, on Tuesday, the military said.",
    "Kenya Air Force jets pounded Shabaab hideouts near the border town of Mandera on Sunday, officials said.",
])
def test_a_trigger_running_past_a_force_s_name_is_no_part_of_the_name(text: str) -> None:
    """Set k: "Air Force jet bombed" began with capitals between two capitalised words and was read as a name."""
    assert [e.sub_event_type for e in _dated(text)][:1] == ["Air/drone strike"]


@pytest.mark.parametrize("text", [
    "Gunmen seized a school principal and two teachers from a school in Kumba, Cameroon, on Monday.",
    "Pirates snatched three fishermen from their boat off Jolo, Sulu, on Sunday, the coast guard said.",
])
def test_people_seized_are_abducted_not_ground_taken(text: str) -> None:
    assert [e.sub_event_type for e in _dated(text)][:1] == ["Abduction/forced disappearance"]


@pytest.mark.parametrize("text", [
    "On Wednesday, soldiers set fire to about 40 houses in Batibo, Cameroon, residents said.",
    "Militiamen set fire to dozens of huts in Djugu, Ituri, on Friday, a local official said.",
])
def test_setting_fire_to_houses_is_property_destruction(text: str) -> None:
    assert [e.sub_event_type for e in _dated(text)][:1] == ["Looting/property destruction"]


@pytest.mark.parametrize(("killing", "burning"), [
    ("Members of the Gran Grif gang killed 20 people in Pont-Sonde on Thursday, the UN said.",
     "Gang members also set fire to dozens of houses and cars, it said."),
    ("CODECO militiamen killed 18 people in Djaiba on Thursday, local officials said.",
     "Armed men also set fire to dozens of huts and a clinic, they said."),
])
def test_burning_told_with_also_after_a_killing_is_part_of_it(killing: str, burning: str) -> None:
    """Set k's house-burning pattern: 'also set fire to' after a killing of the same day, even by a party named
    otherwise or placed elsewhere in the report, is the same incident (set f's Pont-Sonde page)."""
    from types import SimpleNamespace

    from frontlines.model import Event
    from frontlines.pipeline.events.casualties import is_follow_up

    text = f"{killing} {burning}"
    at = len(killing) + 1
    first = Event("e1", "2024-10-03", 1, "Violence against civilians", "Attack", location="Pont-Sonde", country="Haiti",
                  fatalities=20, notes=killing, evidence={"start": 0, "end": len(killing)})
    later = Event("e2", "2024-10-03", 1, "Strategic developments", "Looting/property destruction", location="Haiti",
                  country="Haiti", notes=burning, evidence={"start": at, "end": len(text)})
    trigger = SimpleNamespace(start=burning.index("set fire"), end=burning.index("set fire") + 8, text="set fire to",
                              trigger=SimpleNamespace(family=None))
    clause = SimpleNamespace(text=burning, start=at, end=len(text), triggers=[trigger],
                             statement=SimpleNamespace(start=at, end=len(text), text=burning))
    assert is_follow_up(later, [first], clause, own_place=False)
    clause.text = burning.replace(" also", "")
    assert not is_follow_up(later, [first], clause, own_place=False)


@pytest.mark.parametrize("text", [
    "South Sudan's army said on Thursday it had recaptured the town of Nasir from the rebels on Wednesday.",
    "South Sudan's army attacked rebel positions near Yei on Monday, a spokesman said.",
])
def test_south_sudan_s_army_is_not_sudan_s(text: str) -> None:
    event = _dated(text, "2017-04-27")[0]
    assert event.actor1_id == "ssd.spla", (event.actor1_id, event.reason)


@pytest.mark.parametrize(("text", "actor1"), [
    ("Boko Haram fighters raided Konduga on Friday. Then, on Sunday, hundreds of the militiamen attacked the market "
     "in Bama, Nigeria, killing nine traders.", "nga.boko_haram"),
    ("Anti-balaka elements ambushed a convoy near Bria on Monday. On Thursday the fighters attacked a camp for "
     "displaced people in Bria, Central African Republic, killing five people.", "caf.anti_balaka"),
])
def test_the_militiamen_and_the_fighters_refer_back_to_the_group_named(text: str, actor1: str) -> None:
    events = _dated(text)
    assert actor1 in [e.actor1_id for e in events[1:]], [(e.actor1_id, e.notes[:40]) for e in events]


@pytest.mark.parametrize("text", [
    "Rebel shells slammed into the government-held district of Salaheddine in Aleppo, Syria, on Monday, "
    "killing seven civilians.",
    "Rebel rockets hit the government-held town of Mhardeh, Syria, on Friday, killing two children.",
])
def test_a_kind_of_group_before_its_fire_names_the_group(text: str) -> None:
    event = _dated(text, "2016-05-05")[0]
    assert event.actor1_id == "syr.rebels", (event.actor1_id, event.reason)


@pytest.mark.parametrize("text", [
    "Regime helicopters dropped barrel bombs on the rebel-held district of Bustan al-Qasr in Aleppo, Syria, on "
    "Monday, killing 11 people. On the same day, rebel shells slammed into the government-held district of "
    "al-Hamdaniya, killing five civilians.",
    "Regime jets struck the rebel-held district of Sakhour in Aleppo, Syria, on Monday, killing nine civilians. "
    "Rebel rockets hit the government-held district of Sheikh Maqsoud in Aleppo on Monday, killing four civilians.",
])
def test_each_side_striking_civilians_the_same_day_is_two_incidents(text: str) -> None:
    events = _dated(text, "2016-05-05")
    assert len(events) == 2 and events[1].actor1_id == "syr.rebels", [(e.actor1_id, e.notes[:40]) for e in events]


@pytest.mark.parametrize("text", [
    "Then, on Saturday, the militiamen stormed the Muslim quarter of Bambari, Central African Republic, and "
    "killed at least 14 civilians, the Red Cross said.",
    "The militiamen stormed the village of Maro, Chad, on Sunday and shot dead 11 villagers, officials said.",
])
def test_a_place_stormed_to_kill_the_people_there_is_an_attack_on_them(text: str) -> None:
    events = _dated(text)
    assert [e.sub_event_type for e in events] == ["Attack"], [(e.sub_event_type, e.reason) for e in events]
    assert (events[0].actor2_id or "").startswith("gen.civilians")


@pytest.mark.parametrize(("text", "actor1"), [
    ("In Alindao, ex-Seleka fighters of the UPC killed eight civilians on Monday, a priest said.", "caf.upc"),
    ("Libyan forces loyal to the Tripoli government shelled a farm near Tarhuna on Monday, killing two men.",
     "lby.gna"),
])
def test_the_group_an_allegiance_names_is_who_the_men_are(text: str, actor1: str) -> None:
    event = _dated(text, "2020-05-05")[0]
    assert event.actor1_id is not None and event.actor1_id.startswith(actor1), (event.actor1_id, event.reason)


@pytest.mark.parametrize("text", [
    "In Bamenda, gunmen believed to be separatists seized two teachers from a school in Cameroon's North-West "
    "on Monday, a church official said.",
    "Attackers thought to be jihadists killed four farmers near Djibo, Burkina Faso, on Sunday, residents said.",
])
def test_who_the_men_are_believed_to_be_does_not_hedge_the_deed(text: str) -> None:
    events = _dated(text)
    assert events and events[0].modality == "asserted", [(e.modality, e.reason) for e in events]


@pytest.mark.parametrize(("text", "deaths"), [
    ("Troops clashed with the rebels near Hays, and at least 14 fighters from both sides were killed.", 14),
    ("Nine soldiers on both sides died in the battle for the bridge.", 9),
])
def test_the_sides_the_dead_were_on_are_no_count(text: str, deaths: int) -> None:
    """Set k: 'both' counted two; the dead 'from both sides' are the number told."""
    assert count_fatalities(text)[0] == deaths


@pytest.mark.parametrize("text", [
    "In Kumbo, Cameroon, gunmen believed to be separatists abducted two teachers on Monday, a church official said.",
    "Gunmen, thought to be separatists, kidnapped a chief near Mamfe, Cameroon, on Friday, residents said.",
])
def test_men_believed_to_be_separatists_are_the_separatists(text: str) -> None:
    """Set k: a bare 'separatists' named no one, so the men the clause says they are stayed unidentified."""
    event = _dated(text, "2019-02-14")[0]
    assert event.actor1_id in ("cmr.adf", "cmr.ambazonia"), (event.actor1_id, event.reason)


@pytest.mark.parametrize("text", [
    "Army units entered Kidal on 3 May 2021 without a fight after the rebels withdrew.",
    "Rebel fighters marched into the town of Bria on 3 May 2021 without any resistance, residents said.",
])
def test_a_town_entered_without_a_fight_changes_hands_peacefully(text: str) -> None:
    assert [e.sub_event_type for e in _events(text)] == ["Non-violent transfer of territory"]


@pytest.mark.parametrize("text", [
    "Army units entered Kidal on 3 May 2021 without a fight after the rebels withdrew. The bodies of 40 people were "
    "found in and around the town, officials said.",
    "The two militias signed a ceasefire in Zawiya on 3 May 2021. The bodies of 12 fighters were found in the town, "
    "the Red Crescent said.",
])
def test_a_peaceful_change_of_hands_or_an_agreement_takes_no_toll_told_after_it(text: str) -> None:
    assert [e.fatalities for e in _events(text)][:1] == [0]


@pytest.mark.parametrize(("text", "published", "toll"), [
    ("Two suicide bombers blew themselves up at a market in Konduga, Nigeria, on Friday, killing at least 12 people, "
     "officials said.", (2017, 6, 10), 12),
    ("Three suicide bombers blew themselves up at a mosque in Mubi, Nigeria, on Friday, killing 20 worshippers, "
     "police said.", (2017, 6, 10), 20),
    # a bomber who killed only himself stays the toll
    ("A suicide bomber blew himself up at a checkpoint in Maiduguri, Nigeria, on Friday, killing only himself.",
     (2017, 6, 10), 1),
])
def test_bombers_who_blew_themselves_up_are_not_added_to_their_victims(text: str, published: tuple[int, int, int],
                                                                       toll: int) -> None:
    """Set m: 'Two suicide bombers blew themselves up ..., killing at least 95 people' was coded 97; the report gold,
    as ACLED, leaves the bombers out of a toll of their victims."""
    from datetime import date

    from frontlines.pipeline import extract_text

    [bombing] = extract_text(text, published=date(*published)).events
    assert bombing.sub_event_type == "Suicide bomb" and bombing.fatalities == toll, bombing.reason


@pytest.mark.parametrize(("text", "victim"), [
    ("Near Djibo, Burkina Faso, on Thursday, a military truck drove over a landmine, killing three soldiers, a "
     "security source said.", "gen.military.BF"),
    ("A police patrol struck a roadside bomb outside Mopti, Mali, on Friday, killing two officers, officials said.",
     "gen.police.ML"),
])
def test_a_patrol_that_ran_onto_a_mine_is_its_victim(text: str, victim: str) -> None:
    """Set m: 'an army patrol drove over a landmine, killing four soldiers' made the army the bomber, with no target;
    the side whose vehicle ran onto the mine is hit, and no one named laid it (an unidentified armed group)."""
    from datetime import date

    from frontlines.knowledge.actors import get_actor_kb
    from frontlines.pipeline import extract_text

    [blast] = extract_text(text, published=date(2017, 6, 10)).events
    kb = get_actor_kb()
    assert blast.actor2_id and (blast.actor2_id == victim or kb.get(blast.actor2_id).parent == victim), blast.reason
    assert (blast.actor1_id or "").startswith("gen.unidentified."), blast.reason
    [planted] = extract_text("Al-Shabaab fighters planted a roadside bomb that killed two soldiers near Afgoye, Somalia, "
                             "on Friday.", published=date(2017, 6, 10)).events
    assert planted.actor1_id == "som.shabaab", planted.reason


@pytest.mark.parametrize(("text", "published"), [
    ("A car bomb exploded near a bus stop in central Istanbul on Saturday, killing four people, the governor said.\n\n"
     "No group has claimed the attack.\n\nIn Hakkari, PKK militants attacked a police station on Friday, the army "
     "said. The PKK said it would fight on.", (2016, 3, 20)),
    ("A bomb hidden in a cart exploded at a market in Konduga, Nigeria, on Friday, killing six people.\n\nNo group "
     "claimed the blast.\n\nBoko Haram fighters attacked Gajiram on Thursday, residents said. Boko Haram has waged an "
     "insurgency since 2009.", (2018, 6, 2)),
])
def test_a_bombing_disowned_on_the_wire_line_after_it_keeps_no_bomber(text: str, published: tuple[int, int, int]) -> None:
    """Set m: a wire page's 'No group has claimed responsibility.' stands as a paragraph of its own after the Ankara
    bombing; the bombing took the group the report names most (the PKK, told of in the southeast)."""
    from datetime import date

    from frontlines.pipeline import extract_text

    bombing = extract_text(text, published=date(*published)).events[0]
    assert (bombing.actor1_id or "").startswith("gen.unidentified."), bombing.reason


@pytest.mark.parametrize(("text", "published"), [
    ("A roadside bomb exploded under a bus near Kaya, Burkina Faso, on Monday, killing five passengers. Koglweogo "
     "vigilantes have set up checkpoints in the area, and Koglweogo leaders met the governor on Sunday.",
     (2019, 1, 9)),
    ("A car bomb exploded outside a police station in Apatzingan, Mexico, on Friday, wounding two officers. "
     "Autodefensas patrol the town, and the autodefensas' leaders met the governor on Thursday.", (2014, 3, 4)),
])
def test_a_bomb_no_one_is_told_to_have_laid_is_no_militias(text: str, published: tuple[int, int, int]) -> None:
    """Set m: a landmine near Arbinda took the Koglweogo, the group the Yirgou report names most; an unattributed
    bomb falls to the insurgency a report is about (a rebel group), never to a self-defence militia or vigilantes."""
    from datetime import date

    from frontlines.pipeline import extract_text

    blast = extract_text(text, published=date(*published)).events[0]
    assert (blast.actor1_id or "").startswith("gen.unidentified."), blast.reason


@pytest.mark.parametrize(("text", "published"), [
    ("Al-Shabaab fighters attacked a military base in Baidoa, Somalia, on Monday, killing four soldiers. Al-Shabaab "
     "said it had seized weapons. Meanwhile, a roadside bomb hit a minibus near Afgoye on Tuesday, wounding three "
     "passengers.", (2021, 5, 5)),
    ("ISWAP fighters raided a base in Damasak, Nigeria, on Friday, killing seven soldiers, and ISWAP later claimed the "
     "raid. Three days earlier, a landmine struck an army truck near Monguno, killing two soldiers.", (2021, 5, 5)),
])
def test_a_bomb_told_as_another_incident_is_not_the_reports_groups(text: str, published: tuple[int, int, int]) -> None:
    """Sets g and n: a roadside bomb near Banikoara ('Two days earlier, ...') took JNIM, named only as the claimant
    of the Karimama attack, and a magnetic bomb in Kabul ('Meanwhile, ...') the Taliban, blamed for the Qarabagh
    attack; a bomb no one is told to have laid, told as an incident aside, is an unidentified group's."""
    from datetime import date

    from frontlines.pipeline import extract_text

    blast = next(e for e in extract_text(text, published=date(*published)).events
                 if e.sub_event_type == "Remote explosive/landmine/IED")
    assert (blast.actor1_id or "").startswith("gen.unidentified."), blast.reason


@pytest.mark.parametrize(("text", "toll"), [
    ("Militants attacked police posts around Maungdaw, Myanmar, on Friday, killing 12 policemen, the government said."
     "\n\nThe same statement said 77 militants had been killed, a figure no one outside the government can check.", 12),
    ("Fighters attacked a gendarmerie post in Lice, Turkey, on Saturday, killing two soldiers, the governor said.\n\n"
     "Forty attackers were also killed, a figure that cannot be verified.", 2),
    # a telling's hedge is no doubt about the count
    ("Fighters attacked a gendarmerie post in Lice, Turkey, on Saturday, killing two soldiers, the governor said.\n\n"
     "Three attackers were reportedly also killed.", 5),
])
def test_a_count_left_unconfirmed_adds_no_dead_to_the_incident_before_it(text: str, toll: int) -> None:
    """Set m: the Rakhine attack on police posts (12 dead) took the government's 77 'extremist terrorists', 'a figure
    no one outside the government can check', told in the next paragraph."""
    from datetime import date

    from frontlines.pipeline import extract_text

    attack = extract_text(text, published=date(2017, 8, 28)).events[0]
    assert attack.fatalities == toll, attack.reason


@pytest.mark.parametrize(("text", "actor1"), [
    ("Villagers said soldiers had set fire to houses in Rathedaung, Myanmar, on Sunday, and shot at people as they "
     "fled, killing at least nine.", "Military Forces of Myanmar"),
    ("On Tuesday CODECO militiamen set fire to a market in Djugu, Ituri, and opened fire on traders, killing four.",
     "CODECO"),
])
def test_a_burning_then_a_deadly_deed_of_the_same_subject_is_one_attack_by_it(text: str, actor1: str) -> None:
    """Houses set on fire, then ', and' a subject-less deed that kills ('..., and shot at people as they fled,
    killing nine'): one attack whose doer the first clause names (set m's Rakhine burning), not a burning by the
    doer and a killing by no one."""
    events = _dated(text)
    assert [e.sub_event_type for e in events] == ["Attack"]
    assert actor1 in (events[0].actor1 or "") and events[0].fatalities >= 4


def test_a_burning_then_another_subjects_deed_stays_two_events() -> None:
    events = _dated("Rebels burned down the district office in Rutshuru, North Kivu, on Monday, and the army retook the "
                    "town on Tuesday.")
    assert {e.sub_event_type for e in events} == {"Looting/property destruction", "Government regains territory"}


@pytest.mark.parametrize("text", [
    "Bandits suspected to be from the neighbouring Pokot community raided a village near Tot, Kenya, on Sunday, "
    "shooting dead two herders.",
    "Gunmen suspected to be from a rival clan shot dead four traders near Beledweyne, Somalia, on Friday.",
])
def test_men_suspected_to_be_from_a_community_are_no_hedge_of_the_deed(text: str) -> None:
    """Set n: 'suspected to be from/members of' says who the raiders are, as 'believed to be' does; the raid is
    told as fact."""
    event = _dated(text, "2021-03-03")[0]
    assert event.modality == "asserted", (event.modality, event.reason)


@pytest.mark.parametrize(("text", "actor"), [
    ("Bandits numbering over 50 invaded a village in Maru LGA of Zamfara State, Nigeria, on Tuesday and killed nine "
     "residents.", "nga.bandits"),
    ("Troops repelled an attack by bandits on their base at Birnin Gwari, Nigeria, on Monday, killing six of them.",
     "nga.bandits"),
])
def test_bare_bandits_in_nigeria_are_its_bandit_militia(text: str, actor: str) -> None:
    """Set n: Nigerian papers write 'bandits' with no article; only 'the bandits' took the bandit militia."""
    event = _dated(text, "2020-06-11")[0]
    assert actor in (event.actor1_id, event.actor2_id), (event.actor1_id, event.actor2_id, event.reason)


def test_bandits_outside_nigeria_are_not_its_bandit_militia() -> None:
    event = _dated("Bandits shot dead two herders and drove away 100 goats near Tot, Kenya, on Sunday.", "2021-03-03")[0]
    assert "nga.bandits" not in (event.actor1_id, event.actor2_id)


@pytest.mark.parametrize("text", [
    "Prime Minister Imran Khan condemned the attack. Miscreants opened fire on a police post in Lakki Marwat, "
    "Pakistan, on Tuesday night, killing a constable.",
    "IPOB leader Nnamdi Kanu denied any role. Hoodlums stormed a police station in Owerri, Nigeria, on Monday, "
    "killing two officers.",
])
def test_miscreants_and_hoodlums_are_an_unidentified_armed_group(text: str) -> None:
    """Set n: the regional press's words for unnamed attackers named no one, so a leader named before took the deed."""
    event = next(e for e in _dated(text, "2019-09-26") if e.event_type != "Strategic developments")
    assert (event.actor1_id or "").startswith("gen.unidentified."), (event.actor1_id, event.reason)


@pytest.mark.parametrize(("text", "actor"), [
    ("Armed civilians presumed to belong to the Sinaloa Cartel ambushed a convoy of state police near Culiacán, "
     "Mexico, on Friday, killing three officers.", "mex.sinaloa"),
    ("Gunmen alleged to belong to the ELN attacked a police station in Saravena, Colombia, on Sunday, wounding two "
     "officers.", "col.eln"),
])
def test_men_presumed_or_alleged_to_belong_to_a_group_are_the_group(text: str, actor: str) -> None:
    """Set n: Mexican officials' 'armed civilians presumed to belong to' a cartel; the cartel acted, the police
    were attacked."""
    event = _dated(text, "2021-06-17")[0]
    assert event.actor1_id == actor and (event.actor2_id or "").split(".")[0] in ("mex", "col", "gen"), \
        (event.actor1_id, event.actor2_id, event.reason)


@pytest.mark.parametrize(("text", "pair"), [
    ("The army and popular committees repelled an advance of the mercenaries of the aggression towards Sirwah in "
     "Marib, Yemen, on Friday, killing several of them.", {"houthis", "yem.forces"}),
    ("Saudi-led aggression warplanes struck a market in Dahyan, Saada province, Yemen, on Thursday, killing 9 "
     "citizens.", {"sa.forces"}),
    ("The US-Saudi aggression launched two air raids on a farm in Sahar district, Saada, Yemen, on Tuesday, "
     "killing a farmer.", {"sa.forces"}),
])
def test_houthi_media_name_the_sides_in_their_own_words(text: str, pair: set[str]) -> None:
    """Set n: 'the army and popular committees' (the Houthis' forces), 'the mercenaries of the aggression' (the
    government's) and 'the US-Saudi aggression' (the coalition's air force) named no actor."""
    event = _dated(text, "2019-08-12")[0]
    assert pair <= {event.actor1_id, event.actor2_id}, (event.actor1_id, event.actor2_id, event.reason)


@pytest.mark.parametrize("text", [
    "A DRG jawan was killed when Maoists triggered an IED near Kirandul, Chhattisgarh, India, on Tuesday.",
    "DRG personnel exchanged fire with Maoists in the forests near Orchha, Narayanpur, India, on Friday.",
])
def test_the_district_reserve_guard_by_its_initials_is_indias_police(text: str) -> None:
    """Set n: Indian papers name Chhattisgarh's District Reserve Guard by its initials."""
    event = _dated(text, "2020-07-22")[0]
    assert "ind.police" in (event.actor1_id, event.actor2_id), (event.actor1_id, event.actor2_id, event.reason)


@pytest.mark.parametrize("text", [
    "Marines repelled an aggression in Reynosa, Tamaulipas, Mexico, on Friday and secured three rifles and a truck.",
    "National Guard elements repelled an aggression in Celaya, Guanajuato, Mexico, on Sunday, seizing two rifles.",
])
def test_an_aggression_repelled_is_a_clash(text: str) -> None:
    """Set n: Mexican officials tell a shootout as 'repelled an aggression'; the weapons secured after it typed
    the incident as disrupted weapons use."""
    event = _dated(text, "2021-06-17")[0]
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), (event.sub_event_type, event.reason)
