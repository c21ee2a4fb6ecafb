"""Named entities with CoNLL labels (PER/ORG/LOC/MISC): the pipeline's entity layer for evaluation.

spaCy's statistical NER (``nlp.ner()``) mapped to CoNLL labels, then corrected with the knowledge
base: a known actor keeps ORG/PER from the actor dictionary; a gazetteer place tagged PERSON/ORG after
a locative preposition becomes LOC.
"""

from __future__ import annotations

import re

from frontlines.knowledge.actors import get_actor_kb
from frontlines.knowledge.gazetteer import get_gazetteer
from frontlines.pipeline import nlp as nlp_loader

__all__ = ["NER_LABELS", "ner_spans"]

Span = tuple[int, int, str]

NER_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC"}
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|from|to|outside|around|towards?|into|across|through|inside|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|outskirts of|"
    r"city of|town of|village of|district of|province of|region of|area of|suburb of|entrance to|"
    r"near the|in the|border with|between|and|coast of)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)


def ner_spans(texts: list[str]) -> list[list[Span]]:
    """Entities as (start, end, label) with CoNLL labels PER/ORG/LOC/MISC, dictionary-corrected:
    a known actor keeps ORG/PER from the actor base; a gazetteer place tagged PERSON after a
    locative preposition becomes LOC."""
    kb, gaz = get_actor_kb(), get_gazetteer()
    out = []
    for text, parsed in zip(texts, nlp_loader.ner().pipe(texts, batch_size=64), strict=True):
        spans = []
        for ent in parsed.ents:
            label = NER_LABELS.get(ent.label_)
            if label is None:
                continue
            if label in ("PER", "ORG") and gaz.contains(ent.text) and not kb.resolve(ent.text):
                if _LOCATIVE.search(text[max(0, ent.start_char - 40):ent.start_char]):
                    label = "LOC"
            spans.append((ent.start_char, ent.end_char, label))
        out.append(spans)
    return out
