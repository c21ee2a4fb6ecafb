"""Writing and reading documents: round trip with provenance, idempotence, replacement, atomicity."""

from __future__ import annotations

import dataclasses

import pytest

from frontlines.errors import StoreError, StoreNotFoundError
from frontlines.model import Document, Event
from frontlines.store import DocumentQuery, EventQuery, Store, open_store
from tests.store.conftest import make_documents, make_event


def test_round_trip_keeps_blocks_mentions_statements_events_and_provenance(store: Store) -> None:
    original = make_documents()[0]
    result = store.add_document(original)
    assert result.added and result.events == 3 and result.errors == []
    back = store.get_document("doc-1")
    assert back.to_dict() == original.to_dict()
    assert back.text == original.text and back.meta == original.meta and back.stages == original.stages
    assert back.published == original.published and back.format == "html" and back.url == "https://example.org/1"
    assert back.statements[1].voice == "quoted" and back.statements[1].speaker == "a spokesman"
    assert back.mentions[0].latitude == 32.89 and back.mentions[0].stage == "places@1"
    drone = back.events[1]
    assert (drone.reason, drone.stage, drone.evidence) == (
        "trigger 'Clashes'",
        "frontlines.events@1",
        {"start": 20, "end": 40},
    )
    assert drone.fatalities_aggregate is True and drone.date_fallback is False and back.events[2].date_fallback is True
    assert drone.speaker == "a spokesman" and drone.confidence == 0.8 and drone.document_id == "doc-1"


def test_a_documents_genre_is_kept(store: Store) -> None:
    """A note comes back a note (re-extraction reads it as one again); a report stays a report."""
    note, report = make_documents()[:2]
    store.add_document(dataclasses.replace(note, genre="note"))
    store.add_document(report)
    assert store.get_document(note.id).genre == "note"
    assert store.get_document(report.id).genre == "report"


def test_events_of_a_document_come_in_text_order(store: Store) -> None:
    doc = make_documents()[0]
    doc.events = list(reversed(doc.events))
    store.add_document(doc)
    assert [e.event_id for e in store.get_document("doc-1").events] == ["ev-1", "ev-2", "ev-3"]


def test_re_adding_the_same_content_changes_nothing(store: Store) -> None:
    doc = make_documents()[0]
    assert store.add_document(doc).added
    again = store.add_document(doc)
    assert again.added is False and again.events == 0
    assert store.has_document(doc.content_hash)
    assert store.stats()["documents"] == 1 and store.stats()["events"] == 3
    same_text_other_id = dataclasses.replace(doc, id="doc-copy", events=[])
    assert store.add_document(same_text_other_id).added is False  # idempotent by content hash


def test_a_new_extractor_version_keeps_what_was_stored(store: Store) -> None:
    """Issue 10: stage versions are content hashes, so they change with every rule edit. Ingest stays
    idempotent by the text's hash: the same text extracted by a newer stage is 'unchanged', and the stored
    extraction keeps the provenance of the stages that really made it (nothing lost, nothing mislabelled)."""
    doc = make_documents()[0]
    store.add_document(doc)
    newer = dataclasses.replace(doc, stages=["frontlines.events@0123abcdef"], events=doc.events[:1])
    assert store.add_document(newer).added is False
    back = store.get_document("doc-1")
    assert back.stages == doc.stages and len(back.events) == 3 and back.events[0].stage == "frontlines.events@1"


def test_same_id_with_new_content_is_kept_as_a_revision_never_replacing(store: Store) -> None:
    """Issue 14: two texts under one id (two report.txt files, a JSONL id reused) are both kept."""
    store.add_document(make_documents()[0])
    newer = Document(id="doc-1", text="Clashes resumed in Tripoli.", title="Updated")
    newer.events = [make_event(9, document_id="doc-1", notes="Clashes resumed in Tripoli.")]
    result = store.add_document(newer)
    assert result.added and result.document_id == "doc-1~2" and result.revision_of == "doc-1"
    assert result.note() is not None and "'doc-1~2'" in result.note() and "nothing was replaced" in result.note()
    assert store.get_document("doc-1").to_dict() == make_documents()[0].to_dict()  # the first text is intact
    back = store.get_document("doc-1~2")
    assert back.title == "Updated" and back.meta["revision_of"] == "doc-1"
    assert [(e.event_id, e.document_id) for e in back.events] == [("ev-9", "doc-1~2")]
    assert store.search_events(EventQuery()).total == 4 and store.stats()["documents"] == 2
    assert store.search_documents(DocumentQuery(q="drones")).total == 1
    assert store.search_documents(DocumentQuery(q="resumed")).total == 1
    third = Document(id="doc-1", text="A third text.")
    assert store.add_document(third).document_id == "doc-1~3"
    assert store.add_document(dataclasses.replace(newer, events=[])).added is False  # idempotent as before


def test_a_link_that_is_not_http_is_not_stored(store: Store) -> None:
    doc = Document(id="js", text="Clashes in Sirte.", url="javascript:alert(document.cookie)")
    store.add_document(doc)
    assert store.get_document("js").url is None
    assert store.search_documents(DocumentQuery()).items[0]["url"] is None


def test_missing_document_and_event_raise_not_found(store: Store) -> None:
    with pytest.raises(StoreNotFoundError, match="No document 'nope'"):
        store.get_document("nope")
    with pytest.raises(StoreNotFoundError, match="No event 'nope'"):
        store.get_event("nope")
    assert store.has_document("0" * 64) is False


def test_failing_insert_rolls_back_the_whole_document_and_keeps_earlier_ones(store: Store) -> None:
    first, second = make_documents()
    store.add_document(first)
    second.events.append(make_event(5, document_id="doc-2", latitude=200.0))  # violates the CHECK constraint
    with pytest.raises(StoreError, match="Could not store document 'doc-2'.*Nothing of it was kept"):
        store.add_document(second)
    with pytest.raises(StoreNotFoundError):
        store.get_document("doc-2")
    assert store.search_events(EventQuery(document_id="doc-2")).total == 0
    assert store.search_documents(DocumentQuery(q="Benghazi")).total == 0
    assert store.get_document("doc-1").to_dict() == first.to_dict()
    assert store.add_document(make_documents()[1]).added  # the store is still usable


def test_failing_revision_keeps_the_previous_version(store: Store) -> None:
    store.add_document(make_documents()[0])
    broken = Document(id="doc-1", text="A new version.")
    broken.events = [make_event(7, document_id="doc-1", longitude=-500.0)]
    with pytest.raises(StoreError):
        store.add_document(broken)
    assert len(store.get_document("doc-1").events) == 3
    with pytest.raises(StoreNotFoundError):
        store.get_document("doc-1~2")


class _Interrupting(Event):
    def to_dict(self):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt


def test_interrupted_ingest_loses_nothing_already_committed(store_url: str) -> None:
    first, second = make_documents()
    second.events.append(_Interrupting(**{f.name: getattr(make_event(8), f.name) for f in dataclasses.fields(Event)}))
    with open_store(store_url) as store:
        store.add_document(first)
        with pytest.raises(KeyboardInterrupt):
            store.add_document(second)
    with open_store(store_url) as store:  # a new process after the interrupt
        assert store.get_document("doc-1").to_dict() == first.to_dict()
        assert store.stats()["documents"] == 1 and store.stats()["events"] == 3


def test_duplicate_event_id_in_another_document_is_refused(store: Store) -> None:
    store.add_document(make_documents()[0])
    clash = Document(id="doc-3", text="Another report.")
    clash.events = [make_event(1, document_id="doc-3")]
    with pytest.raises(StoreError, match="doc-3"):
        store.add_document(clash)
    assert store.stats()["documents"] == 1


def test_add_documents_returns_one_result_each(store: Store) -> None:
    results = store.add_documents(make_documents() + make_documents())
    assert [r.added for r in results] == [True, True, False, False]


def test_a_record_with_nul_characters_is_stored_by_both_backends(store: Store, tmp_path) -> None:
    """Issue 14: scraped text with a NUL must not fail the run (PostgreSQL text cannot hold one)."""
    import json

    from frontlines.pipeline.reading.ingest import read_path

    path = tmp_path / "nul.jsonl"
    path.write_text(json.dumps({"id": "n", "text": "Clashes\x00 in Sirte.", "title": "Nul\x00title"}) + "\n",
                    encoding="utf-8")
    [doc] = read_path(path)
    assert store.add_document(doc).added
    back = store.get_document("n")
    assert back.text == "Clashes  in Sirte." and back.title == "Nul title"
