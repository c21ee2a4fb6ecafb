"""What a pipeline stage is: a callable ``Document -> Document`` with a versioned name.

Each stage declares what it ``requires`` and ``assigns`` on the document; the ``Pipeline`` runs them
in order and records ``name@version`` on the document and on every fact it adds.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from frontlines.model import Document

__all__ = ["Stage", "stage"]


@runtime_checkable
class Stage(Protocol):
    name: str
    version: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    def __call__(self, doc: Document) -> Document: ...


def stage(obj: object) -> str:
    """``name@version`` of a stage object (its provenance label)."""
    return f"{getattr(obj, 'name')}@{getattr(obj, 'version')}"
