"""The extraction contract: every document's output validates against docs/extraction.schema.json,
offsets point at the text they claim, and the contract is stable."""

from __future__ import annotations

import json

import pytest
from jsonschema import ValidationError

from frontlines.model import ACLED_COLUMNS, Document, Event
from tests.conftest import sample_files


@pytest.fixture(scope="module")
def extracted(pipeline):
    from frontlines.pipeline.reading.ingest import iter_documents

    return list(pipeline.pipe(iter_documents(sample_files())))


def test_every_sample_output_is_contract_valid(extracted, contract_validator) -> None:
    assert len(extracted) >= 12
    for doc in extracted:
        contract_validator.validate(json.loads(json.dumps(doc.to_dict())))


def test_offsets_point_at_the_text(extracted) -> None:
    for doc in extracted:
        for m in doc.mentions:
            assert doc.text[m.start:m.end] == m.text, (doc.id, m)
        for st in doc.statements:
            assert doc.text[st.start:st.end] == st.text
        for ev in doc.events:
            assert doc.text[ev.evidence["start"]:ev.evidence["end"]] == ev.notes


def test_every_fact_has_provenance(extracted) -> None:
    for doc in extracted:
        assert doc.stages and all("@" in s for s in doc.stages)
        for fact in [*doc.mentions, *doc.events]:
            assert "@" in fact.stage and fact.reason, fact


def test_events_use_acled_columns_and_round_trip() -> None:
    event = Event(event_id="e1", event_date="2016-01-12", time_precision=1, event_type="Battles",
                  sub_event_type="Armed clash", fatalities=3)
    row = event.to_row()
    assert list(row)[: len(ACLED_COLUMNS)] == list(ACLED_COLUMNS)
    assert Event.from_dict(event.to_dict()) == event


def test_schema_rejects_a_broken_event(contract_validator) -> None:
    doc = Document(id="d", text="x").to_dict()
    doc["events"] = [{"event_id": "e"}]
    with pytest.raises(ValidationError):
        contract_validator.validate(doc)
