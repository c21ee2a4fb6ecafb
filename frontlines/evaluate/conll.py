"""CoNLL-2003 (IOB1): entity precision/recall/F1 for PER, ORG, LOC."""

from __future__ import annotations

from pathlib import Path

from frontlines.evaluate.report import EvalReport, ratio

__all__ = ["read_conll", "score_conll"]

LABELS = ("PER", "ORG", "LOC")


def read_conll(path: Path) -> list[tuple[str, set[tuple[int, int, str]]]]:
    """Sentences as (text, gold spans) with tokens joined by single spaces."""
    sentences, tokens, tags = [], [], []

    def flush() -> None:
        if tokens:
            sentences.append(_sentence(tokens, tags))
            tokens.clear()
            tags.clear()

    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("-DOCSTART-"):
            flush()
            continue
        parts = line.split()
        tokens.append(parts[0])
        tags.append(parts[-1])
    flush()
    return sentences


def _sentence(tokens: list[str], tags: list[str]) -> tuple[str, set[tuple[int, int, str]]]:
    spans, offset, current = set(), 0, None
    starts = []
    for token in tokens:
        starts.append(offset)
        offset += len(token) + 1
    for i, tag in enumerate([*tags, "O"]):
        kind = tag[2:] if tag != "O" else None
        boundary = tag.startswith("B-") or kind != (current[2] if current else None)
        if current and boundary:
            spans.add((current[0], starts[i - 1] + len(tokens[i - 1]), current[2]))
            current = None
        if kind and (current is None):
            current = (starts[i], 0, kind)
    return " ".join(tokens), {s for s in spans if s[2] in LABELS}


def score_conll(path: Path, *, limit: int | None = None) -> EvalReport:
    from frontlines.knowledge import Knowledge
    from frontlines.pipeline.mentions.ner import ner_spans
    from frontlines.pipeline.mentions.ner_layouts import EntityKnowledge

    sentences = read_conll(path)
    sentences = sentences[:limit] if limit else sentences
    knowledge = Knowledge.load()
    predicted = ner_spans([text for text, _ in sentences], EntityKnowledge(knowledge.gazetteer, knowledge.actors))
    tp = {k: 0 for k in LABELS}
    fp = dict(tp)
    fn = dict(tp)
    for (_, gold), pred in zip(sentences, predicted, strict=True):
        pred_set = {p for p in pred if p[2] in LABELS}
        for label in LABELS:
            g = {s for s in gold if s[2] == label}
            p = {s for s in pred_set if s[2] == label}
            tp[label] += len(g & p)
            fp[label] += len(p - g)
            fn[label] += len(g - p)
    metrics = {}
    for label in (*LABELS, "overall"):
        t = sum(tp.values()) if label == "overall" else tp[label]
        f_p = sum(fp.values()) if label == "overall" else fp[label]
        f_n = sum(fn.values()) if label == "overall" else fn[label]
        prec, rec = ratio(t, t + f_p), ratio(t, t + f_n)
        metrics[f"{label} F1"] = round(2 * prec * rec / (prec + rec), 4) if prec + rec else 0.0
    return EvalReport("conll", path.name, len(sentences), metrics)
