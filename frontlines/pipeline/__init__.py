"""The extraction pipeline: named, versioned stages run in order over Documents.

One sub-package per step, in run order; a module imports only its own step, earlier steps and the shared
machinery at this level (``tests/test_architecture.py`` enforces both):

    reading/      ingest.py (files, feeds, archives -> Document), blog.py (blocks), furniture.py, fields.py
    statements/   statements.py (StatementStage: voice, stance, speaker), sentences.py, modality.py
    mentions/     dates.py (DateStage), mentions.py (MentionStage), focus.py (the document's countries),
                  numbers.py, place_mentions.py; ner.py + ner_layouts.py (the CoNLL entity layer)
    resolution/   places.py (PlaceStage), actors.py (ActorStage)
    frames/       frames.py (event frames from the dependency parse)
    events/       events.py (EventStage), eventhood.py (the rule table), subtypes.py, targets.py, roles.py,
                  casualties.py, fatalities.py, event_places.py, retold.py

    base.py (what a stage is, contracts), versions.py (versions from content), nlp.py (spaCy, loaded lazily)

The default stages: statements -> dates -> mentions -> places -> actors -> events.

Building a ``Pipeline`` checks the stages' contracts (``base.check_contracts``: each stage's ``requires``
among what ingest and the stages before it assign) and raises ConfigurationError on a wrong order.
``Pipeline.default()`` builds it once per process (models and knowledge load lazily on first use).
``pipe()`` streams documents in batches so that NER runs batched; a stage failure either raises
(``on_error="raise"``, the default) or is recorded on the document (``"record"``) and the document
continues with what it has - batch jobs use the latter so one bad document never stops a run.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from itertools import islice
from typing import Literal

from frontlines.errors import FrontlinesError
from frontlines.knowledge import Knowledge
from frontlines.model import Document
from frontlines.pipeline.base import Stage, check_contracts, stage

__all__ = ["Pipeline", "extract_text"]

OnError = Literal["raise", "record"]


class Pipeline:
    def __init__(self, stages: Sequence[Stage] | None = None, *, on_error: OnError = "raise",
                 knowledge: Knowledge | None = None) -> None:
        self.stages = list(stages) if stages is not None else _default_stages(knowledge or Knowledge.load())
        check_contracts(self.stages)
        self.on_error = on_error

    @classmethod
    def default(cls, *, on_error: OnError = "raise", knowledge: Knowledge | None = None) -> Pipeline:
        """The default stages, given ``knowledge`` (default: ``Knowledge.load()``, loaded once per process)."""
        return cls(on_error=on_error, knowledge=knowledge)

    @property
    def versions(self) -> list[str]:
        return [stage(s) for s in self.stages]

    def process(self, doc: Document) -> Document:
        return next(self.pipe([doc], batch_size=1))

    def pipe(self, docs: Iterable[Document], *, batch_size: int = 32) -> Iterator[Document]:
        """Process documents in input order, batch by batch."""
        iterator = iter(docs)
        while batch := list(islice(iterator, batch_size)):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document]) -> list[Document]:
        for st in self.stages:
            if not self._run_many(st, batch):
                for doc in batch:
                    self._run(st, doc)
            for doc in batch:
                doc.stages.append(stage(st))
        return batch

    def _run_many(self, st: Stage, batch: list[Document]) -> bool:
        """Run a batching stage over the whole batch; False when it has none, or (recording errors) when
        it failed, so that each document is run again on its own and only the bad one is marked."""
        many = getattr(st, "process_many", None)
        if many is None:
            return False
        try:
            many(batch)
        except FrontlinesError:
            raise
        except Exception:
            if self.on_error == "raise":
                raise
            return False  # a batching stage starts each document afresh, so a rerun is safe
        return True

    def _run(self, st: Stage, doc: Document) -> None:
        try:
            st(doc)
        except FrontlinesError:
            raise
        except Exception as exc:
            if self.on_error == "raise":
                raise
            doc.meta.setdefault("errors", []).append({"stage": stage(st), "error": repr(exc)})


def _default_stages(knowledge: Knowledge) -> list[Stage]:
    """The stages in run order, each given the knowledge it reads (no stage loads any itself)."""
    from frontlines.pipeline.events.events import EventStage
    from frontlines.pipeline.mentions.dates import DateStage
    from frontlines.pipeline.mentions.mentions import MentionStage
    from frontlines.pipeline.resolution.actors import ActorStage
    from frontlines.pipeline.resolution.places import PlaceStage
    from frontlines.pipeline.statements.statements import StatementStage

    k = knowledge
    return [StatementStage(k.ontology), DateStage(), MentionStage(k.actors, k.gazetteer, k.ontology),
            PlaceStage(k.gazetteer, k.actors), ActorStage(k.actors),
            EventStage(k.actors, k.gazetteer, k.ontology, k.eventhood)]


def extract_text(text: str, *, published: date | None = None, id: str = "text",
                 knowledge: Knowledge | None = None) -> Document:
    """Run the default pipeline over one text (blog structure parsed)."""
    from frontlines.pipeline.reading.ingest import document_from_text

    return Pipeline.default(knowledge=knowledge).process(document_from_text(text, id=id, published=published))
