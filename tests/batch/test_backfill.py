"""Backfills with Dask into a real SQLite store: partitions, failures kept, idempotent re-runs."""

from __future__ import annotations

import json

import pytest

from frontlines.batch import backfill
from frontlines.batch.backfill import partitions
from frontlines.model import Document, Event
from frontlines.store import EventQuery, open_store


def _one_event(doc: Document) -> Document:
    """A deterministic stand-in for the NLP pipeline: one event per document."""
    doc.events = [Event(event_id=f"ev-{doc.id}", event_date="2016-01-01", time_precision=1, event_type="Battles",
                        sub_event_type="Armed clash", notes=doc.text[:40], document_id=doc.id,
                        evidence={"start": 0, "end": min(40, len(doc.text))})]
    return doc


@pytest.fixture()
def archive(tmp_path):
    path = tmp_path / "archive.jsonl"
    lines = [json.dumps({"id": f"d{i}", "text": f"Clashes in Sirte number {i}.", "published": "2016-01-02"})
             for i in range(23)]
    lines.insert(7, "{broken json")
    lines.insert(12, json.dumps({"id": "empty", "text": ""}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_partitions_cover_every_line(archive) -> None:
    parts = partitions(archive, 5)
    assert len(parts) == 5 and parts[0][1] == 0 and parts[-1][2] == archive.stat().st_size


@pytest.mark.parametrize("scheduler", ["synchronous", "threads", "processes"])
def test_backfill_stores_every_good_record_and_keeps_failures(archive, tmp_path, scheduler) -> None:
    db = str(tmp_path / "bf.sqlite")
    report = backfill([archive], db, scheduler=scheduler, workers=2, partition_size=5, process=_one_event)
    assert report.documents == 23 and report.added == 23 and report.events == 23
    assert len(report.failures) == 2
    assert {f.stage for f in report.failures} == {"read", "extract"}
    with open_store(db) as store:
        assert store.stats()["documents"] == 23
        assert store.search_events(EventQuery(limit=1)).total == 23
    again = backfill([archive], db, scheduler="synchronous", partition_size=5, process=_one_event)
    assert again.added == 0 and again.skipped_duplicates == 23


def test_unknown_scheduler_is_a_clear_error(archive, tmp_path) -> None:
    from frontlines.errors import InvalidParameterError

    with pytest.raises(InvalidParameterError, match="scheduler"):
        backfill([archive], str(tmp_path / "x.sqlite"), scheduler="spark", process=_one_event)


@pytest.mark.slow
def test_backfill_with_the_real_pipeline(tmp_path) -> None:
    path = tmp_path / "real.jsonl"
    path.write_text(json.dumps({"id": "r1", "published": "2016-06-10",
                                "text": "Islamic State militants attacked a checkpoint in Sirte on Thursday, killing "
                                        "three soldiers, officials said."}) + "\n", encoding="utf-8")
    report = backfill([path], str(tmp_path / "real.sqlite"), scheduler="synchronous")
    assert report.added == 1 and report.events >= 1 and not report.failures
