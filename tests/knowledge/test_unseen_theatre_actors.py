"""Actors of theatres the report dev sets do not cover (issue 10): the names news uses for the forces and groups
of Ukraine, Myanmar, Sudan, Ethiopia, DR Congo, the Sahel, Mozambique, Haiti and Bangladesh resolve to ACLED-style
entries, by the report's country and the day (a name two countries' groups share, a state's forces by period)."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.knowledge.actors import get_actor_kb


@pytest.mark.parametrize(("name", "country", "day", "expected"), [
    # one name, two groups: the report's country decides, the day picks the period's entry
    ("al-Shabaab", "MZ", "2022-09-01", "Islamic State (Mozambique)"),
    ("Al Shabaab", "MZ", "2018-05-01", "Islamist Militia (Mozambique)"),
    ("al-Shabaab", "SO", "2022-09-01", "Al Shabaab"),
    ("al-Shabaab", "KE", "2022-09-01", "Al Shabaab"),
    ("Ethiopian army", "ET", "2023-08-01", "Military Forces of Ethiopia (2018-)"),
    ("Ethiopian army", "ET", "2017-01-10", "Military Forces of Ethiopia (1991-2018)"),
    # armed groups the base lacked
    ("Chin National Army", "MM", "2023-11-01", "CNF/CNA: Chin National Front/Chin National Army"),
    ("Chinland Defense Force", "MM", "2023-11-01", "CDF: Chinland Defense Force"),
    ("Sudan Liberation Army-Minni Minawi", "SD", "2024-05-01", "SLM/A: Sudan Liberation Movement/Army"),
    ("Sudan Shield Forces", "SD", "2024-05-01", "Sudan Shield Forces"),
    ("Amhara militiamen", "ET", "2023-08-01", "Amhara Ethnic Militia (Ethiopia)"),
    ("Twirwaneho fighters", "CD", "2023-06-01", "Twirwaneho Militia"),
    ("Zaire militiamen", "CD", "2023-06-01", "Zaire Militia (Democratic Republic of Congo)"),
    ("CSP-DPA", "ML", "2024-07-28", "CMA: Coordination of Azawad Movements"),
    ("Gran Grif gang", "HT", "2024-10-03", "Gran Grif Gang"),
    ("400 Mawozo", "HT", "2021-10-16", "400 Mawozo Gang"),
    ("Jimmy Cherizier", "HT", "2022-01-01", "G9 Family and Allies Gang Coalition (Haiti)"),
    ("Viv Ansanm", "HT", "2024-03-01", "Viv Ansanm Gang Coalition (Haiti)"),
    ("BNP activists", "BD", "2023-10-28", "BNP: Bangladesh Nationalist Party"),
    ("Awami League supporters", "BD", "2023-10-28", "AL: Bangladesh Awami League"),
    ("Ramzan Kadyrov", "UA", "2023-05-01", "Military Forces of Russia (2000-)"),
    ("Naparama militiamen", "MZ", "2024-03-22", "Naparama Militia"),
    # after the 2016 peace deal and the party's founding, armed "FARC" in the news are its dissidents
    ("FARC", "CO", "2024-05-21", "FARC Dissidents"),
    ("FARC", "CO", "2014-01-01", "FARC: Revolutionary Armed Forces of Colombia"),
    # ACLED writes the article for both Congos, and the Congolese state's forces by period (Tshisekedi from 2019)
    ("FARDC", "CD", "2024-02-07", "Military Forces of the Democratic Republic of Congo (2019-)"),
    ("Congolese army", "CD", "2017-10-01", "Military Forces of the Democratic Republic of Congo (2001-2019)"),
    ("Congolese police", "CD", "2024-02-07", "Police Forces of the Democratic Republic of Congo (2019-)"),
    # Brazil's gangs are rivals, not one; its police by period; Central America's two maras are two
    ("Red Command", "BR", "2025-10-28", "CV: Comando Vermelho"),
    ("First Capital Command", "BR", "2025-10-28", "PCC: First Capital Command"),
    ("Terceiro Comando Puro", "BR", "2025-10-28", "TCP: Pure Third Command"),
    ("BOPE", "BR", "2025-10-28", "Police Forces of Brazil (2023-)"),
    ("Brazilian police", "BR", "2021-05-06", "Police Forces of Brazil (2019-2022)"),
    ("Barrio 18", "HN", "2023-06-20", "Barrio 18"),
    ("18th Street gang", "SV", "2022-03-27", "Barrio 18"),
    ("MS-13", "HN", "2023-06-20", "MS-13: Mara Salvatrucha"),
    ("Honduran police", "HN", "2023-06-20", "Police Forces of Honduras (2022-)"),
    ("Salvadoran soldiers", "SV", "2022-03-27", "Military Forces of El Salvador (2019-)"),
    # Chad's police, government and rebels; Nepal's army; the ADF in Uganda, where it began and still strikes
    ("FACT rebels", "TD", "2024-10-28", "FACT: Front for Change and Concord in Chad"),
    ("Chadian police", "TD", "2024-10-28", "Police Forces of Chad (2021-)"),
    ("Chadian government", "TD", "2024-10-28", "Government of Chad (2021-)"),
    ("Nepali Army", "NP", "2025-09-09", "Military Forces of Nepal (2008-)"),
    ("ADF rebels", "UG", "2023-06-16", "ADF: Allied Democratic Forces"),
])
def test_names_resolve_by_country_and_day(name: str, country: str, day: str, expected: str) -> None:
    match = get_actor_kb().resolve(name, on=date.fromisoformat(day), country=country)
    assert match is not None and match.actor.name == expected


@pytest.mark.parametrize(("phrase", "country", "expected"), [
    ("regime troops", "MM", "Military Forces of Myanmar (2021-)"),  # not Syria's: a description, by country
    ("regime troops", "SY", "Military Forces of Syria (2000-)"),
    ("Maoists", "IN", "CPI (Maoist): Communist Party of India (Maoist)"),
    ("gang members", "HT", "Viv Ansanm Gang Coalition (Haiti)"),
    ("military police", "BR", "Police Forces of Brazil (2023-)"),  # Brazil's state police, not its army
    ("civil and military police", "BR", "Police Forces of Brazil (2023-)"),
])
def test_descriptions_resolve_only_in_their_country(phrase: str, country: str, expected: str) -> None:
    kb = get_actor_kb()
    match = kb.resolve_description(phrase, on=date(2023, 11, 1), country=country)
    assert match is not None and match.actor.name == expected
    assert kb.resolve(phrase, on=date(2023, 11, 1), country=country) is None  # no longer a global alias


def test_a_description_of_one_country_does_not_name_another_countrys_forces() -> None:
    kb = get_actor_kb()
    assert kb.resolve_description("regime troops", on=date(2023, 11, 1), country="VE") is None
    assert kb.resolve_description("Maoists", on=date(2023, 11, 1), country="PH") is None


@pytest.mark.parametrize(("kind", "country", "name"), [
    ("military", "CD", "Military Forces of the Democratic Republic of Congo"),
    ("police", "CG", "Police Forces of the Republic of Congo"),
    ("civilians", "CD", "Civilians (Democratic Republic of Congo)"),  # no article in the brackets
    ("military", "SD", "Military Forces of Sudan"),
])
def test_generic_classes_take_acleds_article(kind: str, country: str, name: str) -> None:
    assert get_actor_kb().generic(kind, country).name == name


@pytest.mark.parametrize(("country", "branch"), [
    ("NE", "Islamic State (Sahel)"),  # Tillaberi, Tahoua, Dosso; Diffa's ISWAP is named as such ("ISWAP", its old name)
    ("BF", "Islamic State (Sahel)"),
    ("NG", "Islamic State West Africa Province (ISWAP)"),
    ("TD", "Islamic State West Africa Province (ISWAP)"),
])
def test_the_islamic_state_in_niger_is_its_sahel_branch(country: str, branch: str) -> None:
    kb = get_actor_kb()
    assert kb.localise(kb.get("isis"), country).name == branch
    assert kb.resolve("ISWAP", on=date(2023, 12, 1), country="NE").actor.name == "Islamic State West Africa Province (ISWAP)"


def test_a_territory_without_an_army_has_the_army_that_holds_it() -> None:
    kb = get_actor_kb()
    held = kb.army_holding("PS", date(2023, 7, 3))
    assert held is not None and held.name.startswith("Military Forces of Israel")
    assert kb.army_holding("EH") is not None and kb.army_holding("EH").name.startswith("Military Forces of Morocco")
    assert kb.army_holding("LY") is None  # a state with an army of its own


@pytest.mark.parametrize(("text", "actor1", "actor2"), [
    ("Armed self-defence groups clashed with Knights Templar gunmen in Tancitaro, Mexico, on Sunday, leaving four "
     "dead.", "mex.autodefensas", "mex.familia"),
    ("Self-defense groups seized Nueva Italia, Mexico, on Sunday after a gun battle with members of the Knights "
     "Templar drug cartel.", "mex.autodefensas", "mex.familia"),
])
def test_michoacans_self_defence_groups_and_the_knights_templar(text: str, actor1: str, actor2: str) -> None:
    """Set m: Michoacan's 2014 autodefensas told as 'self-defense groups' and the 'Knights Templar' named without
    'Cartel' were no actors."""
    from frontlines.pipeline import extract_text

    event = extract_text(text, published=date(2014, 1, 14)).events[0]
    assert (event.actor1_id, event.actor2_id) == (actor1, actor2), event.reason
