"""Theatres the report dev sets do not cover (issue 10): sentences and wire paragraphs of our own about Ukraine,
Myanmar, Sudan, Ethiopia, DR Congo, the Sahel, Mozambique, Colombia, Mexico, Haiti and India, and the classes of
sentence they showed failing: a state's attack told as a demonym and a weapon ("Russian shelling of Kherson"), the
source a sentence closes with read as a victim ("..., the General Staff said"), an active "killed at least 40
people" read as a headline passive, and a killing told with the looting or burning that came with it."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.knowledge.actors import get_actor_kb
from frontlines.model import Event
from frontlines.pipeline import Pipeline
from frontlines.pipeline.reading.ingest import document_from_text


def _events(text: str, published: date = date(2023, 10, 7)) -> list[Event]:
    return Pipeline.default().process(document_from_text(text, id="t", published=published, format="text")).events


def _one(text: str, published: date = date(2023, 10, 7)) -> Event:
    [event] = _events(text, published)
    return event


# -- a demonym and a weapon: the state's forces fired it -------------------------------------------------------
@pytest.mark.parametrize(("sentence", "sub_type", "forces_of"), [
    ("Russian shelling of Kherson killed two civilians on Saturday, officials said.",
     "Shelling/artillery/missile attack", "RU"),
    ("Ukrainian shelling of Donetsk killed four people on Saturday, Russian-installed officials said.",
     "Shelling/artillery/missile attack", "UA"),
    ("Turkish shelling of Tal Rifaat, Syria, killed two civilians on Saturday.", "Shelling/artillery/missile attack", "TR"),
    ("Azerbaijani artillery hit the village of Sotk in Armenia on Saturday, killing one person.",
     "Shelling/artillery/missile attack", "AZ"),
    ("A Russian missile hit a residential building in Dnipro on Saturday, killing five people.", None, "RU"),
])
def test_a_demonym_before_a_weapon_is_that_states_forces(sentence: str, sub_type: str | None, forces_of: str) -> None:
    event = next(e for e in _events(sentence) if e.event_type == "Explosions/Remote violence")
    assert event.actor1_id is not None
    forces = get_actor_kb().get(event.actor1_id)
    assert (forces.country, forces.type in ("state_forces", "external_force")) == (forces_of, True)
    assert sub_type is None or event.sub_event_type == sub_type
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


def test_a_demonym_alone_before_an_attack_noun_names_no_force() -> None:
    event = _one("A Somali businessman was shot dead in Mogadishu on Saturday.")
    assert event.actor1_id is None or not event.actor1_id.startswith("gen.military.")


# -- the source a sentence closes with is no victim ---------------------------------------------------------------
@pytest.mark.parametrize("sentence", [
    "Ukrainian troops repelled a Russian assault near Bakhmut on Monday, the General Staff said.",
    "Soldiers repulsed an assault on their base near Djibo, Burkina Faso, on Monday, according to hospital staff.",
])
def test_the_closing_source_names_no_victim(sentence: str) -> None:
    event = _one(sentence)
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")


def test_a_victim_before_the_closing_source_still_counts() -> None:
    event = _one("Gunmen attacked a village near Djibo, Burkina Faso, on Monday, killing five farmers, a local official said.")
    assert (event.sub_event_type, event.actor2) == ("Attack", "Civilians (Burkina Faso)")


# -- "killed at least 40 people" is an active verb and its object ----------------------------------------------------
@pytest.mark.parametrize(("sentence", "actor1", "actor2", "dead"), [
    ("RSF fighters killed at least 40 people in El Geneina, Sudan, on Friday, survivors said.",
     "RSF: Rapid Support Forces", "Civilians (Sudan)", 40),
    ("Fano militiamen killed at least 12 civilians in Bahir Dar, Ethiopia, on Friday, residents said.",
     "Fano Ethnic Militia (Ethiopia)", "Civilians (Ethiopia)", 12),
])
def test_killed_at_least_is_active(sentence: str, actor1: str, actor2: str, dead: int) -> None:
    event = _one(sentence)
    assert (event.sub_event_type, event.actor1, event.actor2, event.fatalities) == ("Attack", actor1, actor2, dead)


def test_a_headline_passive_at_a_place_is_still_passive() -> None:
    event = _one("Three soldiers killed at checkpoint near Gao, Mali.")
    assert event.sub_event_type == "Armed clash" and event.actor2_id is not None and event.actor2_id.startswith("gen.military.ML")


# -- killing and burning: the killing is the event -------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "sub_type"), [
    ("Gunmen killed five people and burned houses in a village near Djibo, Burkina Faso, on Sunday.", "Attack"),
    ("Soldiers burned houses and killed five villagers near Kalay, Myanmar, on Sunday.", "Attack"),
    ("RSF fighters looted homes and killed 14 people in Nyala, Sudan, on Sunday.", "Attack"),
    ("Gunmen looted shops in Djibo, Burkina Faso, on Sunday.", "Looting/property destruction"),  # nobody killed
])
def test_a_killing_told_with_looting_or_burning_is_an_attack(sentence: str, sub_type: str) -> None:
    assert _one(sentence).sub_event_type == sub_type


# -- who fired: where the shells came from -----------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "actor1"), [
    ("Two shells fired from M23 positions struck a camp for displaced people near Goma, Congo, on Thursday, killing five people.",
     "M23: March 23 Movement"),
    ("Mortar rounds fired from RSF positions hit a hospital in Omdurman, Sudan, on Thursday, killing three patients.",
     "RSF: Rapid Support Forces"),
])
def test_shells_fired_from_a_sides_positions_are_that_sides(sentence: str, actor1: str) -> None:
    event = _one(sentence, date(2024, 2, 9))
    assert (event.sub_event_type, event.actor1) == ("Shelling/artillery/missile attack", actor1)
    assert event.actor2 is not None and event.actor2.startswith("Civilians")


# -- the dead a clash leaves are the named side's men ------------------------------------------------------------
def test_gunmen_left_dead_are_the_named_sides_men() -> None:
    event = _one("Mexican soldiers clashed with members of the Sinaloa Cartel in Culiacan on Thursday, leaving 19 gunmen "
                 "dead, the defence ministry said.", date(2024, 10, 26))
    assert (event.sub_event_type, event.actor1, event.actor2, event.fatalities) == (
        "Armed clash", "Military Forces of Mexico (2024-)", "Sinaloa Cartel", 19)


def test_gunmen_left_dead_with_no_named_side_stay_unidentified() -> None:
    event = _one("Mexican soldiers clashed with gunmen in Culiacan on Thursday, leaving 19 gunmen dead.", date(2024, 10, 26))
    assert event.actor2 == "Unidentified Armed Group (Mexico)"


# -- an armed party telling what "they" did claims it ----------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "modality"), [
    ("Tuareg rebels of the CSP-DPA said they killed dozens of Malian soldiers and Wagner fighters in clashes near Kidal, "
     "Mali, over the weekend.", "claimed"),
    ("The Kachin Independence Army said it had clashed with junta troops near Bhamo, Myanmar, on Monday.", "claimed"),
    ("Residents said they heard clashes between soldiers and jihadists near Gao, Mali, on Sunday.", "asserted"),
])
def test_an_armed_party_telling_its_own_fight_claims_it(sentence: str, modality: str) -> None:
    assert [e.modality for e in _events(sentence, date(2024, 7, 30)) if e.sub_event_type == "Armed clash"] == [modality]


# -- "junta" before a weapon is the state's forces ------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "forces"), [
    ("A junta air strike on a market in Mrauk-U, Myanmar, killed 12 civilians on Tuesday.", "Military Forces of Myanmar"),
    ("Junta drones struck a village near Djibo, Burkina Faso, on Tuesday, killing six civilians.", "Military Forces of Burkina Faso"),
])
def test_a_junta_weapon_is_the_states(sentence: str, forces: str) -> None:
    event = _one(sentence, date(2024, 12, 13))
    assert event.event_type == "Explosions/Remote violence" and (event.actor1 or "").startswith(forces)


# -- forces only implied as the other side are of the country where it happened ----------------------------------------
def test_implied_forces_are_of_the_country_where_it_happened() -> None:
    text = ("Jihadists killed 15 soldiers in an ambush near Kaya, Burkina Faso, on Thursday, security sources said.\n"
            "The army of Burkina Faso has lost hundreds of men this year.\n"
            "In neighbouring Mali, JNIM fighters attacked a gendarmerie school in Bamako on Tuesday, killing dozens.")
    bamako = next(e for e in _events(text, date(2024, 9, 20)) if e.location == "Bamako")
    assert bamako.actor2 is not None and bamako.actor2.startswith("Military Forces of Mali")


def test_forces_the_text_names_stay_their_countrys_abroad() -> None:
    event = _one("Rwandan troops shelled Congolese army positions near Goma, Congo, on Tuesday.", date(2023, 11, 15))
    assert (event.actor1 or "").startswith("Military Forces of Rwanda")


# -- men "believed to belong to" a group: the incident is told as fact, the group acted ------------------------------
@pytest.mark.parametrize(("sentence", "actor1"), [
    ("Gunmen believed to belong to CODECO killed 12 people near Mongbwalu, Congo, on Sunday, a local leader said.",
     "CODECO: Cooperative for Development of Congo"),
    ("Attackers thought to be members of the ADF killed nine villagers near Beni, Congo, on Sunday.", "ADF: Allied Democratic Forces"),
])
def test_men_said_to_belong_to_a_group_are_that_group(sentence: str, actor1: str) -> None:
    event = _one(sentence, date(2024, 7, 2))
    assert (event.sub_event_type, event.actor1, event.modality) == ("Attack", actor1, "asserted")


def test_a_toll_believed_is_still_uncertain() -> None:
    assert _one("Ten people are believed to have been killed in an attack on Bunia, Congo, on Sunday.",
                date(2024, 7, 2)).modality == "uncertain"


def test_a_party_saying_on_a_day_that_it_had_taken_a_place_claims_it() -> None:
    event = _one("Ukrainian forces said on Friday they had pushed Russian troops out of the village of Robotyne.",
                 date(2023, 8, 29))
    assert event.modality == "claimed"


# -- bombs dropped from aircraft --------------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "forces_of"), [
    ("A Russian glide bomb struck an apartment block in Kharkiv, Ukraine, on Thursday, killing two people.", "RU"),
    ("Barrel bombs dropped by regime helicopters killed 12 people in Daraya, Syria, on Tuesday.", "SY"),
])
def test_glide_and_barrel_bombs_are_air_strikes(sentence: str, forces_of: str) -> None:
    event = _one(sentence, date(2016, 2, 4) if forces_of == "SY" else date(2024, 5, 31))
    assert event.sub_event_type == "Air/drone strike" and event.actor1_id is not None
    assert get_actor_kb().get(event.actor1_id).country == forces_of


# -- a state's ministry telling what its forces did under another name claims it ---------------------------------------
@pytest.mark.parametrize(("sentence", "modality"), [
    ("Russian air defences shot down 30 Ukrainian drones over the Kursk region overnight, the Russian defence ministry said.",
     "claimed"),
    ("Russian forces shelled Kherson overnight, killing two civilians, the Ukrainian military said.", "asserted"),
])
def test_a_states_ministry_speaks_for_its_forces(sentence: str, modality: str) -> None:
    assert _one(sentence, date(2024, 5, 31)).modality == modality


# -- two-word demonyms -------------------------------------------------------------------------------------------------
@pytest.mark.parametrize(("sentence", "forces"), [
    ("South Sudanese soldiers clashed with White Army militiamen in Nasir, South Sudan, on Wednesday.",
     "Military Forces of South Sudan"),
    ("South African troops clashed with M23 rebels near Goma, Congo, on Wednesday.", "Military Forces of South Africa"),
    ("Central African soldiers clashed with rebels near Bambari, Central African Republic, on Wednesday.",
     "Military Forces of the Central African Republic"),
    ("Sudanese soldiers clashed with RSF fighters in Omdurman, Sudan, on Wednesday.", "Military Forces of Sudan"),
])
def test_a_two_word_demonym_names_its_own_country(sentence: str, forces: str) -> None:
    assert (_one(sentence, date(2024, 3, 22)).actor1 or "").startswith(forces)


# -- bare "jihadists" with no group named are an unidentified armed group ------------------------------------------------
def test_jihadists_no_group_is_named_for_are_unidentified() -> None:
    event = _one("Jihadists killed 12 Togolese soldiers in an attack on a military post in the Savanes region, Togo, on "
                 "Thursday, the government said.", date(2024, 7, 20))
    assert (event.actor1, event.actor2) == ("Unidentified Armed Group (Togo)", "Military Forces of Togo")


@pytest.mark.parametrize(("sentence", "pair"), [
    ("Soldiers and jihadist fighters exchanged fire for two hours outside the army camp in Tera, Niger, on Thursday "
     "night, residents said.", ("Military Forces of Niger", "Unidentified Armed Group (Niger)")),
    ("Islamist fighters attacked an army post near Menaka, Mali, on Monday, killing four soldiers.",
     ("Unidentified Armed Group (Mali)", "Military Forces of Mali")),
])
def test_fighters_of_an_ideology_no_group_is_named_for_are_unidentified(sentence: str, pair: tuple[str, str]) -> None:
    """Set f: 'jihadist fighters' named no actor at all (bare 'jihadists' did)."""
    event = _one(sentence, date(2024, 12, 14))
    assert (event.actor1 or "").startswith(pair[0]) and (event.actor2 or "").startswith(pair[1])


def test_fighters_of_an_ideology_refer_to_the_group_named_before_them() -> None:
    events = _events("JNIM claimed an ambush near Djibo, Burkina Faso, on Saturday.\n"
                     "Jihadist fighters killed 12 soldiers near Arbinda on Sunday.", date(2024, 12, 14))
    assert [e.actor1 for e in events if e.fatalities == 12] == ["JNIM: Group for Support of Islam and Muslims (Burkina Faso)"]


def test_militants_refer_to_the_group_named_before_them() -> None:
    events = _events("Al-Shabaab fighters attacked a base near Kismayo, Somalia, on Monday.\n"
                     "The militants killed four soldiers in a second attack near Afmadow on Tuesday.", date(2024, 7, 20))
    assert [e.actor1 for e in events if e.location == "Afmadow"] == ["Al Shabaab"]


# -- two states' forces told together: the first acts, the second is its partner ---------------------------------------
@pytest.mark.parametrize(("sentence", "actor1", "assoc", "actor2"), [
    ("Malian and Russian forces carried out drone strikes on a wedding in the Kidal region, Mali, on Sunday, killing "
     "eight civilians.", "Military Forces of Mali", "Africa Corps (Russia)", "Civilians (Mali)"),
    ("Mozambican and Rwandan soldiers killed 12 insurgents in clashes near Macomia, Mozambique, on Saturday.",
     "Military Forces of Mozambique", "Military Forces of Rwanda", "Islamic State (Mozambique)"),
])
def test_two_states_forces_told_together_are_partners(sentence: str, actor1: str, assoc: str, actor2: str) -> None:
    event = _one(sentence, date(2024, 6, 10))
    assert (event.actor1 or "").startswith(actor1) and (event.assoc_actor_1 or "").startswith(assoc)
    assert event.actor2 == actor2


def test_two_sides_joined_by_and_are_still_two_sides() -> None:
    event = _one("Clashes between Malian soldiers and Tuareg rebels near Kidal, Mali, killed five on Sunday.", date(2024, 6, 10))
    assert event.actor1 is not None and event.actor2 is not None and event.assoc_actor_1 is None


# -- a pair that "between" names: the two sides, not two partners ---------------------------------------------------
@pytest.mark.parametrize(("sentence", "pair"), [
    ("Armenian and Azerbaijani forces clashed near Jermuk, Armenia, on Tuesday.",
     ("Military Forces of Armenia", "Military Forces of Azerbaijan")),
    ("Kyrgyz and Tajik border guards exchanged fire near Batken, Kyrgyzstan, on Wednesday.",
     ("Military Forces of Kyrgyzstan", "Military Forces of Tajikistan")),
])
def test_two_states_forces_fighting_with_no_third_party_fight_each_other(sentence: str, pair: tuple[str, str]) -> None:
    event = _one(sentence, date(2022, 9, 17))
    assert (event.actor1 or "").startswith(pair[0]) and (event.actor2 or "").startswith(pair[1])
    assert event.assoc_actor_1 is None


@pytest.mark.parametrize(("sentence", "pair"), [
    ("Heavy fighting broke out on Wednesday between Kyrgyz and Tajik border guards near Batken, Kyrgyzstan.",
     ("Military Forces of Kyrgyzstan", "Military Forces of Tajikistan")),
    ("Clashes erupted on Monday between Eritrean and Ethiopian troops near Badme, Eritrea.",
     ("Military Forces of Eritrea", "Military Forces of Ethiopia")),
])
def test_two_states_forces_a_between_names_are_the_two_sides(sentence: str, pair: tuple[str, str]) -> None:
    event = _one(sentence, date(2022, 9, 17))
    assert (event.actor1 or "").startswith(pair[0]) and (event.actor2 or "").startswith(pair[1])
    assert event.assoc_actor_1 is None


# -- a state's posts, positions and border guards told by a demonym are its forces ----------------------------------
@pytest.mark.parametrize(("sentence", "target"), [
    ("Tajik forces attacked Kyrgyz positions near Batken, Kyrgyzstan, on Friday.", "Military Forces of Kyrgyzstan"),
    ("Thai soldiers fired on Cambodian positions near Preah Vihear, Cambodia, on Tuesday.", "Military Forces of Cambodia"),
    ("Indian troops shelled Pakistani posts near Kotli, Pakistan, on Sunday.", "Military Forces of Pakistan"),
])
def test_a_demonym_before_positions_is_that_states_forces(sentence: str, target: str) -> None:
    event = next(e for e in _events(sentence, date(2022, 9, 17)) if e.event_type in ("Battles", "Explosions/Remote violence"))
    assert (event.actor2 or "").startswith(target)


# -- a demonym before an attack noun is that state's forces; a people's demonym or a compound names no state ---------
@pytest.mark.parametrize(("sentence", "pair"), [
    ("Ethiopian troops beat back an Eritrean offensive near Zalambessa, Ethiopia, on Monday.",
     ("Military Forces of Ethiopia", "Military Forces of Eritrea")),
    ("Armenian soldiers repelled an Azerbaijani ground assault near Jermuk, Armenia, on Tuesday.",
     ("Military Forces of Armenia", "Military Forces of Azerbaijan")),
    ("Syrian Kurdish fighters fought off a Turkish incursion near Manbij, Syria, on Friday.",
     ("", "Military Forces of Turkey")),
])
def test_a_demonym_before_an_attack_noun_is_that_states_forces(sentence: str, pair: tuple[str, str]) -> None:
    event = _one(sentence, date(2022, 9, 17))
    assert event.event_type == "Battles"
    assert (event.actor1 or "").startswith(pair[0]) and (event.actor2 or "").startswith(pair[1])


@pytest.mark.parametrize("sentence", [
    "A Palestinian attack killed two Israelis at a bus stop in Tel Aviv, Israel, on Monday.",
    "Sudanese soldiers repulsed a Russian-backed assault near El Fasher, Sudan, on Monday.",
])
def test_a_peoples_attack_or_a_backed_one_names_no_states_forces(sentence: str) -> None:
    event = _one(sentence, date(2022, 9, 17))
    assert not any((a or "").startswith(("Military Forces of Palestine", "Military Forces of Russia"))
                   for a in (event.actor1, event.actor2))


# -- a post or a poor quarter stormed is an assault on the men there, not ground taken -----------------------------
@pytest.mark.parametrize(("sentence", "actor2"), [
    ("About 40 soldiers were killed when Boko Haram fighters stormed an army base near Ngouboua, Chad, late on Sunday.",
     "Military Forces of Chad"),
    ("Gunmen stormed a police station in Chabahar, Iran, on Wednesday night, killing two policemen.", "Police Forces of Iran"),
    ("Police stormed the Mare favela complex in Rio de Janeiro, Brazil, on Tuesday in an operation against the Red "
     "Command, killing 9 people.", "CV: Comando Vermelho"),
    # set p: an air base named by its town ("stormed the Brak al-Shati airbase held by the LNA")
    ("Jihadists stormed the Menaka airbase in Mali on Sunday, killing four soldiers, the army said.", "Military Forces of Mali"),
    ("Militants stormed the Kamenge airbase near Bujumbura, Burundi, on Tuesday, officials said.",
     "Military Forces of Burundi"),
])
def test_a_post_or_favela_stormed_is_a_clash(sentence: str, actor2: str) -> None:
    event = _one(sentence, date(2025, 10, 29))
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash")
    assert (event.actor2 or "").startswith(actor2)


# -- criminals no gang is named for are an armed group of the country -----------------------------------------------
@pytest.mark.parametrize(("sentence", "actor2"), [
    ("Military police killed two suspected drug traffickers in an exchange of fire in Sao Goncalo, Brazil, on Monday.",
     "Unidentified Armed Group (Brazil)"),
    ("Soldiers clashed with suspected gang members near Celaya, Mexico, on Friday, leaving three dead.",
     "Unidentified Armed Group (Mexico)"),
])
def test_suspected_criminals_are_an_unidentified_armed_group(sentence: str, actor2: str) -> None:
    event = _one(sentence, date(2025, 10, 29))
    assert event.event_type == "Battles" and event.actor2 == actor2


# -- unnamed troops in a territory with no army of its own are the army that holds it -------------------------------
@pytest.mark.parametrize("text", [
    "Troops exchanged fire with gunmen in Qabatiya, near Jenin in the West Bank, on Monday.",
    "Soldiers shot dead two gunmen in Tubas, in the occupied West Bank, on Monday, the army said.",
])
def test_troops_in_the_west_bank_are_israels(text: str) -> None:
    [event] = _events(text, date(2023, 7, 5))
    assert (event.actor1 or "").startswith("Military Forces of Israel")


# -- people of a nation told as armed, no group named: an unidentified armed group ----------------------------------
@pytest.mark.parametrize(("text", "actor2"), [
    ("Israeli troops and armed Palestinians exchanged fire in the Jenin camp, West Bank, on Monday.",
     "Unidentified Armed Group (Palestine)"),
    ("Libyan soldiers clashed with masked Libyans at a checkpoint in Zawiya, Libya, on Friday.",
     "Unidentified Armed Group (Libya)"),
])
def test_armed_nationals_are_an_unidentified_armed_group(text: str, actor2: str) -> None:
    event = _one(text, date(2023, 7, 5))
    assert event.actor2 == actor2


# -- a group said not to have claimed an attack, or only to have praised it, is no side of it -----------------------
@pytest.mark.parametrize(("text", "actor1"), [
    ("Another group of attackers fired on a police post in Makhachkala, Russia, on Sunday, killing six officers. No "
     "group has claimed the attacks, although Islamic State channels praised them.", "Unidentified Armed Group (Russia)"),
    ("Attackers fired on an army checkpoint near Gao, Mali, on Monday, killing two soldiers. JNIM supporters hailed "
     "the attack online.", "Unidentified Armed Group (Mali)"),
])
def test_a_group_that_only_praised_an_attack_did_not_make_it(text: str, actor1: str) -> None:
    event = next(e for e in _events(text, date(2024, 6, 24)) if e.event_type == "Battles")
    assert event.actor1 == actor1


# -- "the two presidents agreed": the governments of the two states the report is about --------------------------
@pytest.mark.parametrize(("text", "pair"), [
    ("Kyrgyz and Tajik border guards clashed near Batken, Kyrgyzstan, on Wednesday. Tajik troops shelled Kyrgyz "
     "villages on Friday. The two presidents, meeting at a summit in Samarkand, agreed on Friday evening to a ceasefire.",
     {"Government of Kyrgyzstan", "Government of Tajikistan"}),
    ("Armenian and Azerbaijani forces clashed near Jermuk, Armenia, on Tuesday. The two countries agreed to a truce on "
     "Wednesday in talks in Moscow.", {"Government of Armenia", "Government of Azerbaijan"}),
])
def test_the_two_states_told_together_make_the_agreement(text: str, pair: set[str]) -> None:
    [deal] = [e for e in _events(text, date(2022, 9, 17)) if e.sub_event_type == "Agreement"]
    assert {deal.actor1, deal.actor2} == pair


# -- people arrested are civilians, not the group they are suspected of helping -------------------------------------
@pytest.mark.parametrize(("text", "pair"), [
    ("Jaish al-Adl militants attacked a police station in Rask, Iran, late on Wednesday. Police arrested four people in "
     "Zahedan on Thursday on suspicion of helping the attackers.", ("Police Forces of Iran", "Civilians (Iran)")),
    ("Soldiers arrested a trader in Maiduguri, Nigeria, on Friday, accused of supplying fuel to Boko Haram.",
     ("Military Forces of Nigeria", "Civilians (Nigeria)")),
])
def test_people_arrested_on_suspicion_of_helping_a_group_are_civilians(text: str, pair: tuple[str, str]) -> None:
    [arrest] = [e for e in _events(text, date(2024, 4, 5)) if e.sub_event_type == "Arrests"]
    assert (arrest.actor1 or "").startswith(pair[0]) and arrest.actor2 == pair[1]
