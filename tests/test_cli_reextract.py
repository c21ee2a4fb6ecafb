"""``frontlines reextract`` (issue 12): stored documents run through the current extractor again, as a user drives
it - a real file ingested by the real pipeline into a real store (SQLite, and PostgreSQL through the store tests'
fixtures); the document's statements, mentions and events become the current extractor's; an analyst's correction
follows its event through the re-extraction, also when an older extractor had numbered the event differently; a
correction whose event is no longer extracted stays, orphaned; a document id that is not stored is refused before
anything changes."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.analysis.corrected import correct
from frontlines.cli import cli
from frontlines.model import Event
from frontlines.store import EventQuery, open_store
from tests.store.conftest import pg_database, pg_server, pg_url, store_url  # noqa: F401 (fixtures)

REPORT = ("Clashes in Sirte\n\nIslamic State militants attacked a checkpoint of the Misrata brigades west of Sirte on "
          "Monday, killing three fighters, security officials said.\n")
OTHER = ("Protest in Benghazi\n\nHundreds of protesters rallied in Benghazi on Friday against power cuts, witnesses "
         "said.\n")


def _run(db: str, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--db", db, *args])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture()
def ingested(pipeline, store_url: str, tmp_path: Path) -> tuple[str, str, Event]:  # noqa: F811
    """Two reports ingested through the command line; the store, the attack report's id and its one event."""
    (tmp_path / "sirte.txt").write_text(REPORT)
    (tmp_path / "benghazi.txt").write_text(OTHER)
    _run(store_url, "ingest", str(tmp_path / "sirte.txt"), str(tmp_path / "benghazi.txt"), "--published",
         "2016-03-15", "-q")
    with open_store(store_url) as store:
        (event,) = [e for e in store.iter_events(EventQuery()) if e.document_id == "sirte"]
    return store_url, "sirte", event


def _summary(db: str, *args: str) -> dict:
    return json.loads(_run(db, "reextract", "--format", "json", "-q", *args))


def test_a_correction_survives_reextract_also_when_its_event_was_numbered_otherwise(ingested) -> None:
    db, doc_id, event = ingested
    with open_store(db) as store:
        correct(store, event.event_id, "jane", "the hospital counted five", {"fatalities": 5})
        # what an older extractor stored: the same clause under another id and sub-type (the correction follows it),
        # no statements or mentions, and its own stage list
        stored = store.get_document(doc_id)
        statements, mentions, stages = stored.statements, stored.mentions, stored.stages
        older = dataclasses.replace(event, event_id="ev-older", sub_event_type="Armed clash")
        store.replace_extraction(dataclasses.replace(stored, events=[older], statements=[], mentions=[],
                                                     stages=["frontlines.events@0"]))
        assert store.get_event("ev-older").fatalities == 5 and not store.get_document(doc_id).statements
    summary = _summary(db, "--doc", doc_id)
    assert (summary["documents"], summary["events_before"], summary["events_after"]) == (1, 1, 1)
    assert summary["reattached"] == {"ev-older": event.event_id} and summary["orphaned"] == []
    with open_store(db) as store:
        again = store.get_event(event.event_id)
        assert (again.fatalities, again.sub_event_type) == (5, event.sub_event_type)
        assert store.is_analysed(doc_id) and event.event_id in store.clusters_of([event.event_id])
        now = store.get_document(doc_id)  # the statements, mentions and stages of the current extractor
        assert (now.statements, now.mentions, now.stages) == (statements, mentions, stages)
    listed = json.loads(_run(db, "corrections", "list"))
    assert [(c["event_id"], c["analyst"], c["active"]) for c in listed["items"]] == [(event.event_id, "jane", True)]
    # everything again, the same extractor: both documents, the correction kept on its event, nothing orphaned
    summary = _summary(db)
    assert (summary["documents"], summary["kept"], summary["reattached"], summary["orphaned"]) == (2, 1, {}, [])
    assert summary["events_after"] == summary["events_before"]
    text = _run(db, "reextract", "-q", "--source", "no such outlet")
    assert text.startswith("0 documents re-extracted")


def test_a_correction_whose_event_is_no_longer_extracted_is_left_orphaned(ingested) -> None:
    db, doc_id, event = ingested
    ghost = dataclasses.replace(event, event_id="ev-ghost", event_type="Riots", sub_event_type="Mob violence",
                                notes="A mob stormed the council offices.", reason="trigger 'stormed'",
                                evidence={"start": 0, "end": 16})
    with open_store(db) as store:
        store.replace_events(doc_id, [event, ghost])  # an older extractor found one more event in the report
        made = correct(store, "ev-ghost", "omar", "it was a mob", {"fatalities": 1})
    text = _run(db, "reextract", "-q", "--doc", doc_id)
    assert "orphaned: ev-ghost" in text
    assert text.splitlines()[-1] == ("1 documents re-extracted: events 2 before, 1 after; events with corrections, "
                                     "splits or merges: 0 re-attached (0 renumbered), 1 orphaned; 0 failed")
    orphaned = json.loads(_run(db, "corrections", "list", "--orphaned"))
    assert [(c["correction_id"], c["orphaned"]) for c in orphaned["items"]] == [(made["correction_id"], True)]
    with open_store(db) as store:
        assert [e.event_id for e in store.iter_events(EventQuery()) if e.document_id == doc_id] == [event.event_id]


def test_a_document_that_is_not_stored_is_refused_before_anything_changes(ingested) -> None:
    db, doc_id, event = ingested
    with open_store(db) as store:
        store.replace_events(doc_id, [dataclasses.replace(event, event_id="ev-older")])
    out = _run(db, "reextract", "-q", "--doc", doc_id, "--doc", "no-such-report", code=4)
    assert "No document 'no-such-report'" in out and "nothing was re-extracted" in out
    with open_store(db) as store:
        assert store.get_event("ev-older")  # the stored document was not re-extracted either
    assert "not both" in _run(db, "reextract", "--doc", doc_id, "--source", "x", code=2)
    assert "is after --until" in _run(db, "reextract", "--since", "2020-01-01", "--until", "2019-01-01", code=2)


def test_reextract_refuses_a_store_that_does_not_exist(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.sqlite"
    assert "no store at" in _run(str(missing), "reextract", code=4)
    assert not missing.exists()


def test_a_note_ingested_as_one_is_reextracted_as_one(pipeline, tmp_path: Path) -> None:  # noqa: F811
    """``ingest --genre note``: a coder's note that tells protests in towns it does not name codes them; the stored
    note keeps its genre, so re-extraction codes them again (read as a report, they would be no event)."""
    db = str(tmp_path / "notes.sqlite")
    note = tmp_path / "note.txt"
    note.write_text("Protests against the new fuel prices were reported in several towns of Kassala state.\n")
    _run(db, "ingest", str(note), "--published", "2018-03-07", "--genre", "note")
    report = json.loads(_run(db, "extract", str(note), "--published", "2018-03-07"))
    assert report["document"]["genre"] == "report" and report["events"] == []
    _run(db, "reextract", "-q", "--doc", "note")
    with open_store(db) as store:
        stored = store.get_document("note")
        assert stored.genre == "note"
        assert [e.sub_event_type for e in stored.events] == ["Peaceful protest"]
