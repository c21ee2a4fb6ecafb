"""The CoNLL-2003 scorer on a tiny hand-written IOB1 file: parsing of I-/B- runs and strict span scoring."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.evaluate.conll import read_conll, score_conll

# IOB1: I- continues (or starts) a run; B- starts a new entity right after one of the same type.
SENTENCES = [
    [("Anna", "I-PER"), ("Berg", "I-PER"), ("met", "O"), ("Carl", "B-PER"), ("at", "O"), ("Acme", "I-ORG"),
     ("Corp", "I-ORG"), ("in", "O"), ("Oslo", "I-LOC"), (".", "O")],
    [("Danish", "I-MISC"), ("firms", "O"), ("Acme", "I-ORG"), ("Bergen", "I-LOC"), (".", "O")],
]


def _iob1(sentences: list[list[tuple[str, str]]]) -> str:
    """The four-column layout (token, part of speech, chunk, entity); the scorer reads the first and last."""
    blocks = ["\n".join(f"{token} _ _ {tag}" for token, tag in sentence) for sentence in sentences]
    return "-DOCSTART- _ _ O\n\n" + "\n\n".join(blocks) + "\n"


IOB1 = _iob1(SENTENCES)


@pytest.fixture()
def gold(tmp_path: Path) -> Path:
    path = tmp_path / "tiny.testa"
    path.write_text(IOB1, encoding="utf-8")
    return path


def test_iob1_runs_and_b_tags(gold: Path) -> None:
    (first, spans1), (second, spans2) = read_conll(gold)
    assert first == "Anna Berg met Carl at Acme Corp in Oslo ."
    named = {(first[s:e], label) for s, e, label in spans1}
    assert named == {("Anna Berg", "PER"), ("Carl", "PER"), ("Acme Corp", "ORG"), ("Oslo", "LOC")}
    # a change of type ends an entity even without B-; MISC is not scored
    assert {(second[s:e], label) for s, e, label in spans2} == {("Acme", "ORG"), ("Bergen", "LOC")}


def test_scoring_is_strict(gold: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def fake_ner(texts: list[str], knowledge: object) -> list[list[tuple[int, int, str]]]:
        assert len(texts) == 2
        return [
            [(0, 9, "PER"), (14, 18, "PER"), (22, 26, "ORG"), (35, 39, "LOC")],  # "Acme" alone: wrong span
            [(0, 6, "MISC"), (13, 17, "ORG"), (18, 24, "ORG")],  # Bergen with the wrong label
        ]

    monkeypatch.setattr("frontlines.pipeline.mentions.ner.ner_spans", fake_ner)
    metrics = score_conll(gold).metrics
    assert metrics["PER F1"] == 1.0
    assert metrics["ORG F1"] == pytest.approx(0.4)  # tp 1, fp 2, fn 1
    assert metrics["LOC F1"] == pytest.approx(round(2 / 3, 4))  # tp 1, fn 1
    assert metrics["overall F1"] == pytest.approx(round(2 * (4 / 6) * (4 / 6) / (8 / 6), 4))
