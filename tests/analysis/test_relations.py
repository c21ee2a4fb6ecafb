"""Relations between actors (issue 13, deliverable 3): edges from events and from sentences of our own, with
modality; a request for help is a request, a denied supply is negated."""

from __future__ import annotations

from datetime import date

from frontlines.analysis.relations import network, relations
from frontlines.pipeline import extract_text
from frontlines.model import Document, Event


def _rels(text: str):
    doc = extract_text(text, id="r", published=date(2020, 1, 10))
    return [r for r in relations(doc) if r.kind != "fighting"]


def test_support_and_arms_from_sentences() -> None:
    found = _rels("Turkey sent drones and military advisers to the Government of National Accord.")
    assert [(r.kind, r.modality) for r in found] == [("arms", "asserted")]
    assert "Turkey" in found[0].actor1 and "National Accord" in found[0].actor2
    assert found[0].date == "2020-01-10" and found[0].evidence.startswith("Turkey sent")


def test_a_denied_supply_is_negated() -> None:
    found = _rels("Egypt denied that it supplied weapons to the Libyan National Army.")
    assert found and all(r.modality == "negated" for r in found)


def test_a_request_for_help_is_a_request_not_support() -> None:
    found = _rels("The Government of National Accord asked Turkey for military support.")
    assert [r.kind for r in found] == ["request"]


def test_fighting_and_agreements_come_from_events() -> None:
    doc = Document(id="d", text="x")
    base = dict(time_precision=1, actor1="A", actor1_id="a", actor2="B", actor2_id="b", modality="asserted",
                document_id="d")
    doc.events = [Event(event_id="e1", event_date="2020-01-01", event_type="Battles", sub_event_type="Armed clash", **base),
                  Event(event_id="e2", event_date="2020-02-01", event_type="Strategic developments",
                        sub_event_type="Agreement", **base),
                  Event(event_id="e3", event_date="2020-02-02", event_type="Battles", sub_event_type="Armed clash",
                        **{**base, "modality": "future"})]
    found = relations(doc)
    assert [(r.kind, r.date, r.event_id) for r in found] == [("fighting", "2020-01-01", "e1"),
                                                             ("agreement", "2020-02-01", "e2")]
    net = network(found)
    assert {n["id"] for n in net["nodes"]} == {"a", "b"}
    assert {(lk["kind"], lk["hostile"]) for lk in net["links"]} == {("fighting", True), ("agreement", False)}
