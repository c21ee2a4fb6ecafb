"""``nlp.entities`` decodes the entity recogniser's moves itself (``nlp._greedy_entities``, issue 14: spaCy's
own loop spent most of the recogniser's time taking and dropping the GIL) and finds exactly the entities
spaCy's ``ner().pipe`` finds; a doc with preset entities, which it does not decode, and a batch too narrow to pay
for a numpy step per token keep spaCy's loop."""

from __future__ import annotations

from frontlines.pipeline import nlp
from tests.conftest import sample_files

ODD = ["", " ", "\n\n", "Tripoli", "A", "  Paris  London ", "New York\n\nCity Hall, Jan. 5 2020.",
       "Gen. Khalifa Haftar's Libyan National Army said on Monday it shot down a Turkish drone near Misrata."]


def _texts() -> list[str]:
    from frontlines.pipeline.reading.ingest import iter_documents

    texts = [d.text for d in iter_documents(sample_files())]
    return ODD + texts + [s.text for t in texts for s in nlp.fast()(t).sents]


def _spacy(texts: list[str]) -> list[list[tuple[int, int, str]]]:
    return [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.ner().pipe(texts)]


def test_entities_equal_spacys_recogniser() -> None:
    texts = _texts()
    found = list(nlp.entities(texts, batch_size=37))
    assert sum(map(len, found)) > 100
    assert found == _spacy(texts)


def test_the_decoder_is_in_use_and_leaves_preset_entities_to_spacy() -> None:
    ner = nlp.ner()
    docs = [ner.make_doc(t) for t in ODD * 4]
    assert nlp._greedy_entities(ner, docs) is not None
    assert nlp._greedy_entities(ner, [ner.make_doc(ODD[-1])]) is None  # one doc: spaCy's loop is cheaper
    preset = ner.make_doc("Haftar spoke in Benghazi.")
    preset.set_ents([preset.char_span(0, 6, label="PERSON")])
    assert nlp._greedy_entities(ner, [preset]) is None
