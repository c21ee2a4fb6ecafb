"""Re-extraction of stored documents (issue 12, ``analysis.reextraction``) on both stores: which documents are chosen
(ids, or source and publication dates; unknown ids refused all at once), and a document whose extraction fails in a
stage keeps its events, untouched, and is reported - the real ``Pipeline`` recording a real stage's failure."""

from __future__ import annotations

import pytest

from frontlines.analysis.reextraction import reextract_documents, select_documents
from frontlines.analysis.update import refresh
from frontlines.errors import StoreNotFoundError
from frontlines.model import Document
from frontlines.pipeline import Pipeline
from frontlines.store import EventQuery, Store
from tests.store.conftest import pg_database, pg_server, pg_url, store, store_url  # noqa: F401 (fixtures)
from tests.web.conftest import build_documents, second_report


@pytest.fixture()
def stored(store: Store) -> Store:  # noqa: F811
    """doc-1 (Test blog, 2019-04-30: ev-1, ev-2, ev-3), doc-2 (2020-08-24: ev-4), doc-3 (Libya Observer,
    2019-04-03: ev-5), analysed."""
    for doc in [*build_documents(), second_report()]:
        store.add_document(doc)
    refresh(store)
    return store


def test_documents_are_chosen_by_id_or_by_source_and_date(stored: Store) -> None:
    assert select_documents(stored, ["doc-2", "doc-1", "doc-2"]) == ["doc-2", "doc-1"]
    assert sorted(select_documents(stored)) == ["doc-1", "doc-2", "doc-3"]
    assert select_documents(stored, source="observer") == ["doc-3"]
    assert sorted(select_documents(stored, since="2019-04-10")) == ["doc-1", "doc-2"]
    assert select_documents(stored, since="2019-04-01", until="2019-04-30", source="blog") == ["doc-1"]
    with pytest.raises(StoreNotFoundError) as refused:
        select_documents(stored, ["doc-1", "nope", "gone"])
    assert "'nope', 'gone'" in str(refused.value) and "nothing was re-extracted" in str(refused.value)


class _Failing:
    """A stage that fails on every document (as a bug in a new extractor would)."""

    name, version = "frontlines.failing", "1"
    requires: tuple[str, ...] = ("document.text",)
    assigns: tuple[str, ...] = ("document.events",)

    def __call__(self, doc: Document) -> Document:
        raise RuntimeError("the new rule table is broken")


def test_a_document_whose_extraction_fails_keeps_its_events_and_is_reported(stored: Store) -> None:
    before = sorted(e.event_id for e in stored.iter_events(EventQuery()))
    pipeline = Pipeline([_Failing()], on_error="record")
    done: list[int] = []
    summary = reextract_documents(stored, ["doc-1", "doc-2"], lambda docs: pipeline.pipe(docs, batch_size=2),
                                  progress=done.append)
    assert summary.documents == 0 and done == [1, 1]
    assert [f.split(":")[0] for f in summary.failed] == ["doc-1", "doc-2"]
    assert "frontlines.failing@1 failed" in summary.failed[0] and "left as they were" in summary.failed[0]
    assert sorted(e.event_id for e in stored.iter_events(EventQuery())) == before
    assert stored.is_analysed("doc-1")
