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
    assert filled.correction_counts() == {"corrected": 0, "rejected": 1, "orphaned": 0}
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


# -- re-extraction that renumbers events (corrections keyed on the event's identity) ------------------------------
def _renumbered(doc_id: str, suffix: str = "b", drop: tuple[str, ...] = (), **changes: dict[str, object]) -> list:
    """The events of one document of ``make_documents`` as a changed extractor gives them again: new ids (and, per
    old id, changed fields), ``drop`` not extracted any more."""
    import dataclasses

    doc = next(d for d in make_documents() if d.id == doc_id)
    return [dataclasses.replace(ev, event_id=f"{ev.event_id}{suffix}", **changes.get(ev.event_id, {}))
            for ev in doc.events if ev.event_id not in drop]


def test_a_correction_follows_its_event_through_a_re_extraction_that_renumbers_it(filled: Store) -> None:
    first = filled.correct_event("ev-1", "jane", "mob", {"event_type": "Riots", "sub_event_type": "Mob violence"})
    filled.correct_event("ev-1", "omar", "toll", {"fatalities": 9})
    filled.correct_event("ev-4", "jane", "not held", reject=True)
    # the extractor changed: ev-1's sub-type is coded anew and every clause offset moved, so every id changes
    result = filled.replace_events("doc-1", _renumbered(
        "doc-1", **{"ev-1": {"sub_event_type": "Government regains territory", "evidence": {"start": 1, "end": 20}}}))
    assert result == {"events": 3, "reattached": {"ev-1": "ev-1b"}, "orphaned": []}
    assert filled.replace_events("doc-2", _renumbered("doc-2"))["reattached"] == {"ev-4": "ev-4b"}
    with pytest.raises(StoreNotFoundError):
        filled.get_event("ev-1")
    ev = filled.get_event("ev-1b")  # the analyst's values on the new row, the new extraction kept
    assert (ev.event_type, ev.sub_event_type, ev.fatalities) == ("Riots", "Mob violence", 9)
    history = filled.corrections(event_id="ev-1b")
    assert history["total"] == 2 and not any(r["orphaned"] for r in history["items"])
    assert history["items"][0]["extracted"]["sub_event_type"] == "Government regains territory"
    assert filled.correction(first["correction_id"])["event_id"] == "ev-1b"
    with pytest.raises(StoreNotFoundError):  # still not an event
        filled.get_event("ev-4b")
    assert [e.event_id for e in filled.iter_events(EventQuery())] == ["ev-1b", "ev-2b", "ev-3b"]
    assert filled.counts(EventQuery(event_type="Riots"))["events"] == 1
    assert filled.correction_counts() == {"corrected": 1, "rejected": 1, "orphaned": 0}
    assert filled.replace_events("doc-1", _renumbered("doc-1"))["reattached"] == {}  # the same ids again: kept
    assert filled.get_event("ev-1b").fatalities == 9
    # a bulk load of renumbered events for the stored documents re-attaches the same way
    filled._feed_sql("DELETE FROM events")
    filled.bulk_load_events([*_renumbered("doc-1", suffix="c"), *_renumbered("doc-2", suffix="c")])
    assert filled.get_event("ev-1c").fatalities == 9 and filled.sizes()["events"] == 3  # ev-4c: not an event
    assert filled.corrections(event_id="ev-4c")["items"][0]["action"] == "reject"


def test_a_correction_whose_event_is_not_extracted_again_stays_listed_as_orphaned(filled: Store) -> None:
    record = filled.correct_event("ev-1", "jane", "toll", {"fatalities": 7})
    filled.correct_event("ev-4", "jane", "not held", reject=True)
    assert filled.replace_events("doc-1", _renumbered("doc-1", drop=("ev-1",)))["orphaned"] == ["ev-1"]
    assert filled.replace_events("doc-2", [])["orphaned"] == ["ev-4"]
    orphans = filled.corrections(orphaned=True)
    assert [(r["event_id"], r["orphaned"], r["active"]) for r in orphans["items"]] == [
        ("ev-4", True, True), ("ev-1", True, True)]
    assert orphans["items"][0]["orphaned_at"] and filled.corrections(orphaned=False)["total"] == 0
    assert filled.correction_counts() == {"corrected": 1, "rejected": 1, "orphaned": 2}
    assert filled.sizes()["events"] == 2 and filled.counts(EventQuery())["fatalities"] == 3  # ev-2: an aggregate
    # a later extraction that yields the event again (renumbered once more) takes the correction back
    assert filled.replace_events("doc-1", _renumbered("doc-1", suffix="c"))["reattached"] == {"ev-1": "ev-1c"}
    assert filled.get_event("ev-1c").fatalities == 7 and not filled.correction(record["correction_id"])["orphaned"]
    assert filled.correction_counts()["orphaned"] == 1
    # an orphan can be undone: only the mark is written (there is no event to restore)
    undone = filled.undo_correction(filled.corrections(orphaned=True)["items"][0]["correction_id"], "omar", "gone")
    assert not undone["active"] and undone["orphaned"] and filled.sizes()["events"] == 3


def test_the_identity_decides_only_when_one_new_event_fits() -> None:
    """match_anchors: the sentence and trigger, then the sub-type and place, then the type; an ambiguous tier leaves
    the override orphaned rather than moving it to another event."""
    from frontlines.store.corrections import match_anchors

    def row(event_id: str, sentence: str, sub: str, place: str, etype: str = "Battles", trig: str = "clashes") -> dict:
        return {"event_id": event_id, "sentence": sentence, "sub_event_type": sub, "location": place,
                "event_type": etype, "reason": f"trigger '{trig}'; stated as fact"}

    said = "Clashes in Tripoli and Misrata."
    lost = [row("a", said, "Armed clash", "Tripoli"), row("b", said, "Armed clash", "Misrata")]
    fresh = [row("x", said, "Armed clash", "Misrata"), row("y", said, "Armed clash", "Tripoli"),
             row("z", "Drones struck Sirte.", "Air/drone strike", "Sirte", "Explosions", "struck")]
    assert match_anchors(lost, fresh) == {"a": "y", "b": "x"}  # one per place
    # both places re-coded: two lost events fit two new ones of the same type, so neither is guessed
    recoded = [row("x", said, "Attack", "Tripolis"), row("y", said, "Attack", "Misratah")]
    assert match_anchors(lost, recoded) == {}
    assert match_anchors(lost[:1], recoded[:1]) == {"a": "x"}
    # the sentence split differently: the same trigger and type in a sentence that holds the old one
    assert match_anchors(lost[:1], [row("w", said + " Dozens died.", "Armed clash", "Tripoli")]) == {"a": "w"}
    assert match_anchors(lost[:1], [row("v", said, "Armed clash", "Tripoli", trig="fighting")]) == {}


def test_the_migration_keys_the_overrides_already_stored_on_their_events(filled: Store) -> None:
    """A store corrected and split before event_anchors existed (SQLite migration 14, postgres-0010): the migration
    keeps the identity of each event its corrections (from the extraction each keeps) and splits name, so a
    renumbering re-extraction afterwards takes them along."""
    filled.correct_event("ev-1", "jane", "toll", {"fatalities": 7})
    filled.correct_event("ev-4", "jane", "not held", reject=True)
    override = filled._feed_sql("INSERT INTO cluster_overrides (action, event_id, cluster_id, previous, analyst, "
                                "reason, created_at) VALUES ('split', 'ev-2', 'cl-x', '[]', 'jane', 'why', "
                                "'2026-12-01T00:00:00+00:00') RETURNING override_id")[0]["override_id"]
    filled._feed_sql("INSERT INTO cluster_override_members (override_id, event_id, side) VALUES (?, 'ev-2', 'moved'), "
                     "(?, 'ev-3', 'apart')", [override, override])
    filled._feed_sql("DROP TABLE event_anchors")  # as the previous version left the store
    if filled.url.startswith("postgres"):
        from frontlines.store.postgres import MIGRATIONS as PG_MIGRATIONS

        script = next(text for name, text in PG_MIGRATIONS if "event-anchors" in name)
        filled._con.execute(script.encode())  # type: ignore[attr-defined]
    else:
        from frontlines.store.sqlite import MIGRATIONS, _statements

        for statement in _statements(next(m for m in MIGRATIONS if "CREATE TABLE event_anchors" in m)):
            filled._feed_sql(statement)
    anchors = filled._feed_sql("SELECT event_id, document_id, sentence, sub_event_type, reason, orphaned_at FROM "
                               "event_anchors ORDER BY event_id")
    assert [(a["event_id"], a["document_id"], a["sentence"]) for a in anchors] == [
        ("ev-1", "doc-1", "Clashes in Tripoli."), ("ev-2", "doc-1", "Drones struck Sirte!"),
        ("ev-3", "doc-1", "The LNA will attack Misrata."), ("ev-4", "doc-2", "Protesters rallied in Benghazi.")]
    assert anchors[0]["reason"] == "trigger 'Clashes'" and not any(a["orphaned_at"] for a in anchors)
    assert filled.replace_events("doc-1", _renumbered("doc-1"))["reattached"] == {
        "ev-1": "ev-1b", "ev-2": "ev-2b", "ev-3": "ev-3b"}
    assert filled.replace_events("doc-2", _renumbered("doc-2"))["reattached"] == {"ev-4": "ev-4b"}
    assert filled.get_event("ev-1b").fatalities == 7 and filled.sizes()["events"] == 3
    assert filled.cluster_override(override)["members"] == {"ev-2b": "moved", "ev-3b": "apart"}
