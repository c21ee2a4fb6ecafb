"""frontlines.knowledge: curated, versioned data and their loaders (actors, gazetteer, event ontology, the
eventhood word lists).

``Knowledge`` is what the extraction pipeline's stages are given (``Pipeline(knowledge=...)``): the stages never
reach for a loader themselves (``tests/test_architecture.py``), so a test or a caller can pass other knowledge.
``Knowledge.load()`` is the process-wide default, each part read once and only when first asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from frontlines.knowledge.actors import ActorKB
    from frontlines.knowledge.eventhood import EventhoodLexicon
    from frontlines.knowledge.gazetteer import Gazetteer
    from frontlines.knowledge.ontology import Ontology

__all__ = ["Knowledge"]


@dataclass(frozen=True)
class Knowledge:
    """The knowledge the pipeline's stages read."""

    actors: ActorKB
    gazetteer: Gazetteer
    ontology: Ontology
    eventhood: EventhoodLexicon

    @classmethod
    def load(cls) -> Knowledge:
        """The default knowledge, from ``knowledge/data`` (each loader caches its part for the process)."""
        from frontlines.knowledge.actors import get_actor_kb
        from frontlines.knowledge.eventhood import get_eventhood_lexicon
        from frontlines.knowledge.gazetteer import get_gazetteer
        from frontlines.knowledge.ontology import get_ontology

        return cls(get_actor_kb(), get_gazetteer(), get_ontology(), get_eventhood_lexicon())
