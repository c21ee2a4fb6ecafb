"""An actor's backers and enemies over time (issue 13: "open an actor and see its backers and enemies over time") on
both backends: the actors named in relations, and one actor's relations grouped by partner and role."""

from __future__ import annotations

from frontlines.analysis.service import actor_relations
from frontlines.model import Relation
from frontlines.store import Store
from tests.store.conftest import make_documents


def _rel(a: tuple[str, str | None], b: tuple[str, str | None], kind: str, day: str, modality: str = "asserted",
         doc: str = "doc-1") -> Relation:
    return Relation(actor1=a[0], actor1_id=a[1], actor2=b[0], actor2_id=b[1], kind=kind, date=day, document_id=doc,
                    modality=modality, evidence=f"{a[0]} {kind} {b[0]}.")


GNA, LNA, TR, RU, UN = ("GNA", "lby.gna"), ("LNA", "lby.lna"), ("Turkey", "country:TR"), ("Russia", "country:RU"), \
    ("United Nations", None)


def _filled(store: Store) -> None:
    for doc in make_documents():
        store.add_document(doc)
    store.save_analysis("doc-1", "test@1", [], [], [
        _rel(TR, GNA, "arms", "2019-12-01"), _rel(TR, GNA, "support", "2020-01-10"), _rel(TR, GNA, "basing", "2020-02-01"),
        _rel(GNA, TR, "request", "2019-12-20"), _rel(RU, LNA, "support", "2019-11-01"),
        _rel(LNA, GNA, "fighting", "2019-04-05"), _rel(GNA, LNA, "fighting", "2020-01-03"),
        _rel(UN, GNA, "mediation", "2020-01-19"), _rel(GNA, LNA, "agreement", "2020-10-23"),
        _rel(RU, GNA, "support", "2020-03-01", modality="negated"),
    ])


def test_the_actors_named_in_relations(store: Store) -> None:
    _filled(store)
    actors = store.relation_actors()
    assert actors[0] == {"actor": "lby.gna", "name": "GNA", "relations": 9, "first_day": "2019-04-05",
                         "last_day": "2020-10-23"}
    assert {a["actor"] for a in actors} == {"lby.gna", "lby.lna", "country:TR", "country:RU", "United Nations"}
    assert [a["actor"] for a in store.relation_actors("turk")] == ["country:TR"]


def test_backers_and_enemies_by_partner_and_role(store: Store) -> None:
    _filled(store)
    gna = actor_relations(store, "lby.gna")
    (turkey,) = gna["backers"]
    assert (turkey["partner"], turkey["count"], turkey["first"], turkey["last"]) == ("Turkey", 3, "2019-12-01",
                                                                                      "2020-02-01")
    assert turkey["kinds"] == {"arms": 1, "support": 1, "basing": 1} and turkey["years"] == {"2019": 1, "2020": 2}
    (lna,) = gna["enemies"]
    assert lna["partner_id"] == "lby.lna" and lna["count"] == 2  # fighting either way
    assert [r["partner"] for r in gna["allies"]] == ["LNA"]  # the ceasefire agreement
    assert sorted(r["partner"] for r in gna["other"]) == ["Turkey", "United Nations"]  # its request, the mediation
    assert [(r["partner"], r["modality"]) for r in gna["not_done"]] == [("Russia", "negated")]  # a denial is no tie
    assert gna["backs"] == [] and gna["name"] == "GNA"
    assert [r["partner"] for r in actor_relations(store, "country:TR")["backs"]] == ["GNA"]
    period = actor_relations(store, "lby.gna", since="2020-01-01", until="2020-01-31")
    assert [r["count"] for r in period["backers"]] == [1] and [r["count"] for r in period["enemies"]] == [1]
    assert actor_relations(store, "Russia")["backs"][0]["partner"] == "LNA"  # by name too
