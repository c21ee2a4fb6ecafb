"""Analyst corrections (issue 12, deliverable 4) on both stores: the corrected values reach every listing, count,
map cell and export, a rejected event leaves them all, the extraction is kept and an undo brings it back, and a
correction outlives a re-ingest and a re-extraction of its event."""

from __future__ import annotations

import pytest

from frontlines.errors import InvalidParameterError, StoreNotFoundError
from frontlines.store import EventQuery, Store
from frontlines.store.corrections import CorrectionConflictError
from tests.store.conftest import make_documents


@pytest.fixture()
def filled(store: Store) -> Store:
    store.add_documents(make_documents())
    return store


def _everything(store: Store, **filters: object) -> dict[str, object]:
    q = EventQuery(**filters)  # type: ignore[arg-type]
    return {"ids": [e.event_id for e in store.search_events(q).items],
            "exported": [e.event_id for e in store.iter_events(q)],
            "counts": store.counts(q), "map": store.map_grid(q, 6)["events"],
            "timeline": store.timeline(q)["totals"]["events"]}


def test_a_correction_reaches_every_view_and_keeps_the_extraction(filled: Store) -> None:
    before = _everything(filled, event_type="Riots")
    assert before["ids"] == [] and before["counts"]["events"] == 0
    record = filled.correct_event("ev-1", "jane", "the report says a mob, not soldiers",
                                  {"event_type": "Riots", "sub_event_type": "Mob violence", "fatalities": 0,
                                   "location": "Janzour", "latitude": 32.82, "longitude": 13.01})
    assert record["action"] == "correct" and record["active"] and record["analyst"] == "jane"
    assert record["extracted"]["event_type"] == "Battles" and record["extracted"]["fatalities"] == 1
    assert record["changed"]["event_type"] == {"from": "Battles", "to": "Riots"}
    after = _everything(filled, event_type="Riots")
    assert after["ids"] == after["exported"] == ["ev-1"]
    assert after["counts"]["events"] == after["map"] == after["timeline"] == 1
    assert _everything(filled, event_type="Battles")["ids"] == ["ev-3"]  # ev-1 is no battle any more
    ev = filled.get_event("ev-1")
    assert (ev.event_type, ev.location, ev.fatalities, ev.notes) == ("Riots", "Janzour", 0, "Clashes in Tripoli.")
    assert filled.active_corrections(["ev-1", "ev-2"]).keys() == {"ev-1"}
    doc = filled.get_document("doc-1")  # the document and its evidence are untouched
    assert doc.text.startswith("Clashes in Tripoli.") and len(doc.mentions) == 2


def test_corrections_stack_and_undo_one_at_a_time(filled: Store) -> None:
    first = filled.correct_event("ev-1", "jane", "wrong toll", {"fatalities": 7})
    second = filled.correct_event("ev-1", "omar", "wrong day", {"event_date": "2019-04-03"})
    ev = filled.get_event("ev-1")
    assert (ev.fatalities, ev.event_date) == (7, "2019-04-03")
    assert second["fields"] == {"fatalities": 7, "event_date": "2019-04-03"}
    with pytest.raises(CorrectionConflictError, match="undo correction"):
        filled.undo_correction(first["correction_id"], "omar")
    filled.undo_correction(second["correction_id"], "omar", "my mistake")
    ev = filled.get_event("ev-1")
    assert (ev.fatalities, ev.event_date) == (7, "2019-04-01")
    undone = filled.undo_correction(first["correction_id"], "jane")
    assert not undone["active"] and undone["undone_by"] == "jane"
    assert filled.get_event("ev-1").fatalities == 1  # the extraction is back
    assert filled.counts(EventQuery())["fatalities"] == 1 + 3 + 4  # ev-2's toll is an aggregate
    history = filled.corrections(event_id="ev-1")
    assert history["total"] == 2 and [r["correction_id"] for r in history["items"]] == [
        second["correction_id"], first["correction_id"]]
    with pytest.raises(CorrectionConflictError, match="undone already"):
        filled.undo_correction(first["correction_id"], "jane")


def test_not_an_event_leaves_every_view_and_comes_back_on_undo(filled: Store) -> None:
    everything = _everything(filled)
    record = filled.correct_event("ev-4", "jane", "a rally announced, not held", reject=True)
    gone = _everything(filled)
    assert "ev-4" not in gone["ids"] and "ev-4" not in gone["exported"]
    assert gone["counts"]["events"] == everything["counts"]["events"] - 1 == gone["timeline"]
    assert gone["map"] == everything["map"] - 1
    with pytest.raises(StoreNotFoundError):
        filled.get_event("ev-4")
    assert filled.correction_counts() == {"corrected": 0, "rejected": 1}
    with pytest.raises(CorrectionConflictError, match="not an event"):
        filled.correct_event("ev-4", "omar", "toll", {"fatalities": 2})
    filled.undo_correction(record["correction_id"], "omar", "it was held")
    assert _everything(filled) == everything
    assert filled.get_event("ev-4").document_id == "doc-2"


def test_a_correction_survives_re_ingest_and_re_extraction(filled: Store, store_url: str) -> None:
    filled.correct_event("ev-1", "jane", "mob", {"event_type": "Riots", "sub_event_type": "Mob violence"})
    filled.correct_event("ev-4", "jane", "not held", reject=True)
    filled.add_documents(make_documents())  # the same texts again: nothing changes
    assert filled.get_event("ev-1").event_type == "Riots"
    # re-extraction: the documents' events are written anew (the old rows deleted, the new ones stored)
    filled._feed_sql("DELETE FROM events")
    assert filled.sizes()["events"] == 0
    filled.bulk_load_events(e for doc in make_documents() for e in doc.events)
    assert filled.get_event("ev-1").event_type == "Riots"
    assert [e.event_id for e in filled.iter_events(EventQuery())] == ["ev-1", "ev-2", "ev-3"]
    assert filled.counts(EventQuery(event_type="Riots"))["events"] == 1


@pytest.mark.parametrize(("fields", "message"), [
    ({}, "at least one field"), ({"notes": "x"}, "cannot be corrected"), ({"fatalities": -1}, "whole number"),
    ({"fatalities": "3"}, "whole number"), ({"event_date": "2019-13-01"}, "not a date"),
    ({"latitude": 91}, "within"), ({"longitude": float("nan")}, "within"), ({"modality": "rumoured"}, "unknown"), ({"event_type": ""}, "cannot be empty"),
    ({"location": "x" * 501}, "1 to 500"),
])
def test_bad_corrections_are_refused_and_change_nothing(filled: Store, fields: dict[str, object],
                                                        message: str) -> None:
    with pytest.raises(InvalidParameterError, match=message):
        filled.correct_event("ev-1", "jane", "why", fields)
    assert filled.corrections()["total"] == 0 and filled.get_event("ev-1").fatalities == 1


def test_who_and_why_are_required_and_unknown_events_are_not_found(filled: Store) -> None:
    with pytest.raises(InvalidParameterError, match="analyst"):
        filled.correct_event("ev-1", " ", "why", {"fatalities": 2})
    with pytest.raises(InvalidParameterError, match="reason"):
        filled.correct_event("ev-1", "jane", "", {"fatalities": 2})
    with pytest.raises(StoreNotFoundError):
        filled.correct_event("no-such-event", "jane", "why", {"fatalities": 2})
    with pytest.raises(StoreNotFoundError):
        filled.undo_correction(99, "jane")
    assert filled.corrections()["total"] == 0
