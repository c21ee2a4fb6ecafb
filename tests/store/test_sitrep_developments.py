"""The situation report's developments (issue 13, deliverable 5) on both backends: changes of control in the period
(who lost the place, from its timeline when the report does not say; contested ones marked), new and broken ties
between actors, and the predictions that came due with their verdicts - and how the report prints them."""

from __future__ import annotations

from datetime import date
from typing import Any

from frontlines.analysis.service import developments
from frontlines.fusion.sitrep import situation_report
from frontlines.model import ControlChange, Document, Event, LedgerEntry, Relation
from frontlines.store import Store
from tests.store.conftest import make_documents

SINCE, UNTIL = "2016-09-01", "2016-09-30"


def _change(place: str, day: str, holder: str, doc: str, **kw: Any) -> ControlChange:
    return ControlChange(place=place, date=day, holder=holder, kind=kw.pop("kind", "capture"), document_id=doc,
                         holder_id=f"id.{holder.lower()}", **kw)


def _rel(a: str, b: str, kind: str, day: str, modality: str = "asserted") -> Relation:
    return Relation(actor1=a, actor2=b, actor1_id=f"id.{a.lower()}", actor2_id=f"id.{b.lower()}", kind=kind, date=day,
                    document_id="doc-1", modality=modality, evidence=f"{a} {kind} {b}.")


def _prediction(start: int, place: str, due: str) -> LedgerEntry:
    return LedgerEntry(entry_id=f"doc-1:{start}", document_id="doc-1", kind="prediction",
                       sentence=f"The LNA will take {place} within weeks.", start=start, end=start + 10,
                       said_on="2016-08-20", speaker="an LNA spokesman", source="Test blog", actors=["LNA"],
                       actor_ids=["id.lna"], places=[place], outcome="capture", due=due, probability=0.8)


def _filled(store: Store) -> None:
    for doc in make_documents():
        store.add_document(doc)
    taken = Document(id="doc-9", text="The LNA seized Derna.", source="Wire")
    taken.events = [Event(event_id="ev-derna", event_date="2016-09-15", time_precision=1, event_type="Battles",
                          sub_event_type="Non-state actor overtakes territory", actor1="LNA", actor1_id="id.lna",
                          location="Derna", document_id="doc-9", modality="asserted")]
    store.add_document(taken)
    store.save_analysis("doc-1", "test@1", [_prediction(0, "Derna", "2016-09-20"), _prediction(20, "Sirte", "2016-09-25"),
                                            _prediction(40, "Tobruk", "2016-11-01")], [
        _change("Sirte", "2016-06-01", "GNA", "doc-1"),
        _change("Sirte", "2016-09-10", "LNA", "doc-1"),  # the report does not say from whom
        _change("Misrata", "2016-09-12", "GNA", "doc-1", kind="statement"),  # held, not changing hands
        _change("Ajdabiya", "2016-09-14", "IS", "doc-1", modality="claimed"),  # claimed by one side only
    ], [
        _rel("Turkey", "GNA", "arms", "2016-05-01"),
        _rel("UAE", "LNA", "support", "2016-05-01"),
        _rel("Turkey", "GNA", "sanctions", "2016-09-10"),  # former partners: broken
        _rel("UAE", "LNA", "fighting", "2016-09-11", modality="negated"),  # a denied clash breaks nothing
        _rel("Egypt", "LNA", "support", "2016-09-03"),  # new
        _rel("Turkey", "GNA", "support", "2016-09-02"),  # not new: arms before
        _rel("Russia", "LNA", "request", "2016-09-04"),  # asked, not given
        _rel("Qatar", "GNA", "support", "2016-09-05", modality="negated"),  # denied
    ])
    store.save_analysis("doc-2", "test@1", [], [_change("Sirte", "2016-09-11", "LNA", "doc-2")], [])


def test_developments_of_the_period(store: Store) -> None:
    _filled(store)
    dev = developments(store, SINCE, UNTIL, as_of=date(2016, 12, 31))
    control = [(c["place"], c["holder"], c["previous"], c["contested"], c["reports"]) for c in dev["control_changes"]]
    assert control == [("Sirte", "LNA", "GNA", False, 2), ("Ajdabiya", "IS", None, True, 1)]  # Sirte told twice
    assert dev["control_changes"][0]["documents"] == ["doc-1", "doc-2"]
    assert [(r["actor1"], r["actor2"], r["kind"]) for r in dev["new_ties"]] == [("Egypt", "LNA", "support")]
    (broken,) = dev["broken_ties"]
    # what they did before the period (the support of 2 September is in it)
    assert (broken["actor1"], broken["actor2"], broken["kind"], broken["earlier"]) == ("Turkey", "GNA", "sanctions",
                                                                                      ["arms"])
    verdicts = {p["places"][0]: (p["verdict"]["status"], p["verdict"]["events"]) for p in dev["predictions_due"]}
    assert verdicts == {"Derna": ("confirmed", ["ev-derna"]), "Sirte": ("refuted", [])}  # Tobruk is due later


def test_the_report_prints_them(store: Store) -> None:
    _filled(store)
    dev = developments(store, SINCE, UNTIL, as_of=date(2016, 12, 31))
    text = situation_report([], since=date(2016, 9, 1), until=date(2016, 9, 30), developments=dev).to_markdown()
    assert "## Changes of control\n- 2016-09-10 Sirte: LNA (capture, from GNA; asserted; 2 reports)" in text
    assert "- 2016-09-14 Ajdabiya: IS (capture; claimed; contested)" in text
    assert "## New ties between actors\n- 2016-09-03 Egypt -> LNA: support" in text
    assert "- 2016-09-10 Turkey vs GNA: sanctions (earlier: arms)" in text
    assert 'due 2016-09-20: an LNA spokesman (prediction): "The LNA will take Derna within weeks." -> confirmed' in text
    quiet = situation_report([], since=date(2016, 9, 1), until=date(2016, 9, 30),
                             developments=developments(store, "2015-01-01", "2015-01-31")).to_markdown()
    assert quiet.count("- none reported") == 3 and "## Predictions that came due\n- none" in quiet
