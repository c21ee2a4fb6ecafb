"""The pipeline runner: batching stages, and one bad document never stopping a batch job."""

from __future__ import annotations

import pytest

from frontlines.model import Document
from frontlines.pipeline import Pipeline


class Batching:
    """A stage that batches; it fails on a document whose text says "boom"."""

    name, version, requires, assigns = "test.batching", "1", (), ("document.meta.seen",)

    def __init__(self) -> None:
        self.batches: list[int] = []

    def __call__(self, doc: Document) -> Document:
        return self.process_many([doc])[0]

    def process_many(self, docs: list[Document]) -> list[Document]:
        self.batches.append(len(docs))
        for doc in docs:
            if "boom" in doc.text:
                raise RuntimeError("bad document")
            doc.meta["seen"] = True
        return docs


def _docs() -> list[Document]:
    return [Document(id=str(i), text="boom" if i == 1 else "fine") for i in range(3)]


def test_recording_errors_still_batches_and_marks_only_the_bad_document() -> None:
    stage = Batching()
    docs = list(Pipeline([stage], on_error="record").pipe(_docs(), batch_size=8))
    assert stage.batches[0] == 3  # tried as one batch first
    assert [d.meta.get("seen", False) for d in docs] == [True, False, True]
    assert docs[1].meta["errors"][0]["stage"] == "test.batching@1"
    assert all(d.stages == ["test.batching@1"] for d in docs)


def test_raising_mode_raises() -> None:
    with pytest.raises(RuntimeError):
        list(Pipeline([Batching()]).pipe(_docs()))
