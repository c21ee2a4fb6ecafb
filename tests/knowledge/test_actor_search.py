"""An actor filter means the actor and the units under it, whatever spelling the analyst types."""

from __future__ import annotations

from frontlines.knowledge.actor_search import search_ids
from frontlines.knowledge.actors import get_actor_kb


def test_a_spelling_of_a_leader_finds_his_forces() -> None:
    kb = get_actor_kb()
    for text in ("Haftar", "Hifter", "khalifa haftar"):
        ids = search_ids(kb, text)
        assert ids[0] == "lby.haftar"
        assert "lby.lna" in ids


def test_an_organisation_includes_its_units_and_a_government_its_forces() -> None:
    kb = get_actor_kb()
    lna = search_ids(kb, "lby.lna")
    assert lna[0] == "lby.lna" and len(lna) > 1
    assert all(kb.get(i).parent in lna or i == "lby.lna" for i in lna)
    assert "lby.gna.forces" in search_ids(kb, "GNA")


def test_unknown_text_gives_no_ids() -> None:
    kb = get_actor_kb()
    assert search_ids(kb, "") == ()
    assert search_ids(kb, "the weather") == ()
    assert search_ids(kb, "gen.military") == ()
