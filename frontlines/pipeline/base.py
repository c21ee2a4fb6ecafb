"""What a pipeline stage is: a callable ``Document -> Document`` with a versioned name.

Each stage declares the document fields it ``requires`` and ``assigns``; ``check_contracts`` (called when a
``Pipeline`` is built) refuses a stage list in which a stage requires a field that neither ingest
(``INGEST_FIELDS``) nor a stage before it assigns. The ``Pipeline`` runs the stages in order and records
``name@version`` on the document and on every fact it adds; a stage's version is a hash of its code and
data (``pipeline/versions.py``).

Field names: ``document.<attribute>`` (``document.statements``; what one stage tells a later one is a typed
attribute too, ``document.country_focus``, never a ``meta`` key), mentions by kind (``document.mentions[date]``;
``document.mentions[actor,place]`` is short for both), and what a stage fills in on mentions already there
(``mention.place``: gazetteer place and coordinates; ``mention.actor``: actor id).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol, runtime_checkable

from frontlines import fastre
from frontlines.errors import ConfigurationError
from frontlines.model import Document
from frontlines.pipeline.versions import content_version

__all__ = ["INGEST_FIELDS", "Labelled", "Stage", "check_contracts", "content_version", "fields", "stage"]

# what ``pipeline/reading/ingest.py`` (``document_from_text``) gives every document before the first stage
INGEST_FIELDS = ("document.id", "document.text", "document.title", "document.published", "document.source",
                 "document.url", "document.format", "document.genre", "document.blocks", "document.outlets",
                 "document.wire_dateline")
_GROUP = fastre.compile(r"^(?P<field>[\w.]+)\[(?P<keys>[\w, ]+)\]$")


class Labelled(Protocol):
    """What carries a provenance label: a stage, or a stage class (``name`` and ``version`` are class attributes)."""

    @property
    def name(self) -> str: ...
    @property
    def version(self) -> str: ...


@runtime_checkable
class Stage(Labelled, Protocol):
    """A stage: read-only attributes, so that a class declaring ``requires = ("document.text",)`` conforms."""

    @property
    def requires(self) -> tuple[str, ...]: ...
    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, doc: Document) -> Document: ...


def stage(obj: Labelled) -> str:
    """``name@version`` of a stage object or class (its provenance label)."""
    return f"{obj.name}@{obj.version}"


def fields(declared: Iterable[str]) -> list[str]:
    """Declared fields with groups spelled out: ``document.mentions[actor,place]`` is two fields."""
    out: list[str] = []
    for item in declared:
        group = _GROUP.match(item)
        if group is None:
            out.append(item)
        else:
            out += [f"{group['field']}[{k.strip()}]" for k in group["keys"].split(",") if k.strip()]
    return out


def check_contracts(stages: Sequence[object], provided: Iterable[str] = INGEST_FIELDS) -> None:
    """Raise ConfigurationError unless every stage's ``requires`` is among ``provided`` and the ``assigns``
    of the stages before it."""
    available = set(provided)
    for i, st in enumerate(stages):
        requires, assigns = _declared(st, "requires"), _declared(st, "assigns")
        missing = [f for f in fields(requires) if f not in available]
        if missing:
            raise ConfigurationError(_missing_message(stages, i, missing[0]))
        available.update(fields(assigns))


def _declared(st: object, attribute: str) -> tuple[str, ...]:
    value = getattr(st, attribute, None)
    if not isinstance(value, tuple) or not all(isinstance(f, str) for f in value):
        raise ConfigurationError(
            f"Pipeline stage {_label(st)} declares no {attribute} (a tuple of field names such as "
            f"'document.statements'); give the class `{attribute} = (...)`, empty when it has none.")
    return value


def _missing_message(stages: Sequence[object], i: int, field: str) -> str:
    st = stages[i]
    later = [_label(s) for s in stages[i + 1:] if field in fields(_declared(s, "assigns"))]
    fix = (f"run {later[0]}, which assigns it, before {_label(st)}" if later else
           f"add a stage that assigns it before {_label(st)}")
    return (f"Pipeline stage {_label(st)} (number {i + 1} of {len(stages)}) requires {field}, which neither ingest "
            f"nor any stage before it assigns: {fix}.")


def _label(st: object) -> str:
    return str(getattr(st, "name", type(st).__name__))
