"""World actor knowledge (issue 11): every theatre's forces, groups and missions; aliases that two countries
share are refused unless the entries say how to tell them apart; descriptions and anaphors resolve by the
report's country and the actors named before them; armed groups the knowledge base lacks are open-world actors."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from frontlines.errors import KnowledgeError
from frontlines.knowledge.actors import DATA, ActorKB, get_actor_kb
from frontlines.knowledge.groups import find_group_names, group_name

ACTOR_FILES = sorted(DATA.glob("actors*.yaml"))


def test_the_knowledge_base_covers_the_world() -> None:
    kb = get_actor_kb()
    countries = {a.country for a in kb if a.country}
    assert len(kb) >= 400 and len(countries) >= 60


@pytest.mark.parametrize("path", ACTOR_FILES, ids=lambda p: p.name)
def test_every_entry_names_a_public_reference(path: Path) -> None:
    entries = yaml.safe_load(path.read_text(encoding="utf-8"))["actors"]
    assert [e["id"] for e in entries if not e.get("ref")] == []


def test_no_alias_is_shared_across_countries_without_a_way_to_tell_them_apart() -> None:
    assert get_actor_kb().shared_aliases() == {}


def test_a_shared_alias_without_distinguish_is_refused(tmp_path: Path) -> None:
    (tmp_path / "actors_a.yaml").write_text(
        "actors:\n"
        "  - {id: x.one, name: Alpha Front, type: rebel_group, country: ML, aliases: [AFX]}\n"
        "  - {id: y.one, name: Alpha Forces, type: state_forces, country: PE, aliases: [AFX]}\n", encoding="utf-8")
    with pytest.raises(KnowledgeError, match="distinguish"):
        ActorKB.load([tmp_path / "actors_a.yaml"])


def test_a_shared_alias_with_distinguish_goes_by_the_reports_country(tmp_path: Path) -> None:
    (tmp_path / "actors_a.yaml").write_text(
        "actors:\n"
        "  - {id: x.one, name: Alpha Front, type: rebel_group, country: ML, distinguish: country, aliases: [AFX]}\n"
        "  - {id: y.one, name: Alpha Forces, type: state_forces, country: PE, distinguish: country, aliases: [AFX]}\n",
        encoding="utf-8")
    kb = ActorKB.load([tmp_path / "actors_a.yaml"])
    assert kb.choose("AFX", country="PE").id == "y.one" and kb.choose("AFX", country="ML").id == "x.one"


@pytest.mark.parametrize(("name", "on", "country", "expected"), [
    ("YPG", date(2015, 1, 27), "SY", "syr.ypg"),
    ("Counter-Terrorism Service", date(2016, 11, 4), "IQ", "irq.cts"),
    ("Ansar Allah", date(2020, 12, 30), "YE", "houthis"),
    ("AQAP", date(2017, 3, 2), "YE", "yem.aqap"),
    ("Tehreek-i-Taliban Pakistan", date(2023, 2, 1), "PK", "pak.ttp"),
    ("Maute group", date(2017, 6, 10), "PH", "phl.maute"),
    ("MINUSCA", date(2018, 4, 11), "CF", "minusca"),
    ("Tatmadaw", date(2022, 5, 1), "MM", "mmr.forces.2021"),
    ("Taliban", date(2019, 5, 1), "AF", "afg.taliban"),  # an insurgency before August 2021 ...
    ("Taliban", date(2022, 5, 1), "AF", "afg.forces.2021"),  # ... the state's forces after it
    ("Malian army", date(2019, 5, 1), "ML", "mli.fama"),
    ("Malian army", date(2022, 5, 1), "ML", "mli.forces.2021"),
    ("Egyptian army", date(2016, 5, 1), "EG", "egy.forces"),  # at home: Egypt's own army
    ("Egyptian army", date(2016, 5, 1), "LY", "eg.forces"),  # in Libya: Egypt intervening
])
def test_world_aliases_resolve_by_period_and_country(name: str, on: date, country: str, expected: str) -> None:
    assert get_actor_kb().choose(name, on=on, country=country).id == expected


@pytest.mark.parametrize(("phrase", "country", "recent", "expected"), [
    ("the junta", "ML", [], "mli.forces.2021"),
    ("the junta", "MM", [], "mmr.forces.2021"),
    ("Kurdish fighters", "SY", [], "syr.ypg"),
    ("Kurdish fighters", "IQ", [], "irq.peshmerga"),
    ("the coalition", "YE", [], "sa.forces"),
    ("the paramilitaries", "SD", [], "sdn.rsf.rebel"),
    ("the rebels", "SY", ["syr.jaish_islam"], "syr.jaish_islam"),  # the last compatible actor named
    ("the jihadist group", "NG", ["nga.iswap"], "nga.iswap"),
    ("its fighters", "SO", ["som.shabaab"], "som.shabaab"),
])
def test_descriptions_resolve_by_country_and_by_what_was_named_before(phrase: str, country: str, recent: list[str],
                                                                      expected: str) -> None:
    match = get_actor_kb().resolve_description(phrase, on=date(2023, 6, 1), country=country, recent=recent)
    assert match is not None and match.actor.id == expected


def test_a_description_of_another_theatre_does_not_resolve() -> None:
    assert get_actor_kb().resolve_description("settlers", on=date(2020, 1, 1), country="NG", recent=[]) is None


def test_generic_classes_use_acled_country_names() -> None:
    kb = get_actor_kb()
    assert kb.generic("military", "PH").name == "Military Forces of the Philippines"
    assert kb.generic("civilians", "CF").name == "Civilians (Central African Republic)"
    assert kb.generic("civilians", "PS").name == "Civilians (Palestine)"
    assert kb.country_code("the Central African Republic") == "CF"


def test_an_open_world_actor_keeps_its_name_country_and_flag() -> None:
    kb = get_actor_kb()
    actor = kb.open_actor("Tiger Hill Brigade", "NG")
    assert (actor.name, actor.country, actor.in_kb) == ("Tiger Hill Brigade", "NG", False)
    assert kb.get(actor.id) == actor


@pytest.mark.parametrize(("text", "expected"), [
    ("the Tiger Hill Brigade", "Tiger Hill Brigade"),
    ("Jaish al-Mahabba", "Jaish al-Mahabba"),
    ("Movement for the Defence of the Valley", "Movement for the Defence of the Valley"),
    ("Kwenda Liberation Army", "Kwenda Liberation Army"),
    ("Nigerian Army", None),
    ("Salvation Army", None),
    ("Central Police Brigade", None),
    ("Islamic Relief", None),
])
def test_group_names(text: str, expected: str | None) -> None:
    assert group_name(text) == expected


def test_group_names_are_found_in_running_text() -> None:
    text = "Fighters of the Tiger Hill Brigade clashed with the Nigerian Army near the river."
    assert [name for _, _, name in find_group_names(text)] == ["Tiger Hill Brigade"]


@pytest.mark.parametrize(("parent", "country", "expected"), [
    ("isis", "BF", "isis.sahel"),  # a branch operating there beyond its home country
    ("isis", "CM", "nga.iswap"),
    ("alqaeda", "ML", "mli.jnim"),
    ("alqaeda", "YE", "yem.aqap"),
    ("un", "CF", "minusca"),  # through the peacekeeping missions
])
def test_an_international_actor_is_localised_to_its_branch_in_the_reports_country(parent: str, country: str,
                                                                                   expected: str) -> None:
    kb = get_actor_kb()
    assert kb.localise(kb.get(parent), country).id == expected


def test_acleds_period_names_map_to_the_group_they_stood_for() -> None:
    """ACLED's 2015-2019 name for Boko Haram carried the Islamic State province's name; the 2016 breakaway was the
    bracketed faction (the evaluation reads ACLED's coded actors through ``match_acled``)."""
    kb = get_actor_kb()
    assert kb.match_acled("Boko Haram - Wilayat Gharb Ifriqiyyah") == "nga.boko_haram"
    assert kb.match_acled("Boko Haram - Wilayat Gharb Ifriqiyyah (Barnawi Faction)") == "nga.iswap"
    assert kb.match_acled("Islamic State West Africa Province (ISWAP)") == "nga.iswap"
    assert kb.resolve("Boko Haram", on=date(2017, 11, 2), country="NG").actor.id == "nga.boko_haram"
