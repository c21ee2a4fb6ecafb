"""Fixtures shared by the pipeline tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from frontlines.model import Document


@pytest.fixture(scope="module")
def run(pipeline) -> Callable[[str], Document]:  # noqa: ANN001 - the session pipeline fixture
    """The whole pipeline over one text of our own (no publication date)."""
    from frontlines.pipeline.reading.ingest import document_from_text

    def _run(text: str) -> Document:
        return pipeline.process(document_from_text(text, id="t"))

    return _run
