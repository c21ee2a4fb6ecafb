"""``nlp.parse`` (the frames' parser, components called directly, the attribute ruler's patterns applied
through an index) gives exactly the annotations of spaCy's own ``parser().pipe``; with numpy's matrix
products (``nlp._numpy_matmul``) the parser and the entity recogniser annotate exactly as spaCy's default
pipeline (blis) does."""

from __future__ import annotations

import pytest

from frontlines.pipeline import nlp
from tests.conftest import sample_files

# every kind of attribute-ruler pattern: multi-token ("gon na", "ai n't", "let 's"), REGEX-only ("nothin'"),
# IN / NOT_IN on tags and dependencies ("there is", auxiliaries, "that" as a pronoun), spaces
TRICKY = [
    "I ain't gonna go, y'all, nothin' doin'. Let's go. C'mon, we gotta leave.",
    "There is no way it is true; there are claims that it was.",
    "He does it. Did you? I do. They have had it, and she gets what she got.",
    "Rebels  attacked\n\nthe town ,  which  was   shelled .",
    "Which of them did that? That is what I'd have done.",
]


def _signature(docs) -> list[list[tuple]]:  # noqa: ANN001
    return [[(t.text, t.tag_, t.pos_, t.dep_, t.head.i, t.lemma_, str(t.morph)) for t in doc] for doc in docs]


def _sentences() -> list[str]:
    from frontlines.pipeline.reading.ingest import iter_documents

    texts = [s.text for s in nlp.fast()("\n".join(d.text for d in iter_documents(sample_files()))).sents]
    return [t for t in texts if t.strip()][:400]


@pytest.mark.parametrize("which", ["tricky", "samples"])
def test_parse_matches_spacy_pipe(which: str) -> None:
    texts = TRICKY if which == "tricky" else _sentences()
    assert _signature(nlp.parse(texts, batch_size=16)) == _signature(nlp.parser().pipe(texts))


def test_the_indexed_ruler_is_in_use_and_refuses_what_it_cannot_read() -> None:
    ruler = nlp.parser().get_pipe("attribute_ruler")
    assert any(getattr(step, "__self__", None).__class__ is nlp._IndexedRules for step in nlp._parse_steps())

    class Odd:
        patterns = [{"patterns": [[{"LOWER": "x", "OP": "+"}]], "attrs": {}, "index": 0}]
        attrs, indices = [{}], [0]

    assert nlp._IndexedRules.of(Odd()) is None  # a quantifier: spaCy's ruler is kept
    assert nlp._IndexedRules.of(ruler) is not None


def test_kept_lemmas_are_in_use_and_equal_spacys_in_any_order() -> None:
    """The lemmatizer's look-ups kept by (word, POS, morphology) give spaCy's lemmas whichever text came first: the
    same words as noun and verb, singular and plural, base form and not, parsed in both orders."""
    assert any(getattr(step, "__self__", None).__class__ is nlp._KeptLemmas for step in nlp._parse_steps())
    texts = ["The attacks left two dead on the left bank; militants attack a base and attacked another.",
             "The building was hit while they were building a wall. The meeting ended; leaders are meeting again.",
             "Fighting continued as fighters fought. He fights; they fight, and the fight goes on.",
             "Protesters were shot. Shots were fired at the protesters' shelters, shelled the day before."]
    for order in (texts, texts[::-1], texts):
        assert _signature(nlp.parse(order)) == _signature(nlp.parser().pipe(order))


def test_kept_lemmas_refuse_a_lemmatizer_that_reads_more_than_word_pos_and_morphology() -> None:
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    class ByShape(EnglishLemmatizer):
        def is_base_form(self, token) -> bool:  # noqa: ANN001
            return token.shape_ == "Xxxx"

    rule = nlp.parser().get_pipe("lemmatizer")
    assert nlp._KeptLemmas.of(rule) is not None
    assert nlp._KeptLemmas.of(ByShape(rule.vocab, None, mode="rule")) is None
    assert nlp._KeptLemmas.of(EnglishLemmatizer(rule.vocab, None, mode="lookup")) is None
    assert nlp._KeptLemmas.of(nlp.parser().get_pipe("tagger")) is None


def _matmul_is_numpy(lang) -> bool:  # noqa: ANN001
    return all(not getattr(layer.ops, "use_blis", True)
               for _, proc in lang.pipeline if hasattr(getattr(proc, "model", None), "walk")
               for layer in proc.model.walk())


def test_numpy_matmul_gives_spacys_default_annotations() -> None:
    texts = TRICKY + _sentences()
    assert _matmul_is_numpy(nlp.parser()) and _matmul_is_numpy(nlp.ner())
    assert getattr(nlp.full().get_pipe("parser").model.ops, "use_blis", False)  # the baseline keeps blis
    default = list(nlp.full().pipe(texts))
    assert _signature(nlp.parse(texts)) == _signature(default)
    assert list(nlp.entities(texts)) == [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in default]


def test_matmul_setting(monkeypatch: pytest.MonkeyPatch) -> None:
    from frontlines.errors import ConfigurationError

    lang = nlp.fast()  # no trained component: only the setting is read
    monkeypatch.setenv("FRONTLINES_MATMUL", "blis")
    assert nlp._numpy_matmul(lang) is lang
    monkeypatch.setenv("FRONTLINES_MATMUL", "mkl")
    with pytest.raises(ConfigurationError, match="FRONTLINES_MATMUL is 'mkl'"):
        nlp._numpy_matmul(lang)


def test_the_models_run_on_one_blas_thread() -> None:
    from threadpoolctl import threadpool_info

    def blas_threads() -> set[int]:
        return {pool["num_threads"] for pool in threadpool_info() if pool["user_api"] == "blas"}

    nlp.parse(["Rebels attacked the town."])  # numpy's BLAS is loaded
    before = blas_threads()
    with nlp._one_blas_thread():
        assert blas_threads() == {1}
    assert blas_threads() == before
