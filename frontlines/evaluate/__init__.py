"""Scoring extraction on real gold formats: ACLED CSV, CASE 2021 TSV, geoparsing XML (LGL, GeoVirus),
CoNLL-2003. ``evaluate(corpus, path)`` returns an ``EvalReport``; ``render_table`` prints several."""

from __future__ import annotations

from pathlib import Path

from frontlines.errors import InvalidParameterError
from frontlines.evaluate.report import EvalReport, render_table

__all__ = ["EvalReport", "detect_corpus", "evaluate", "evaluate_all", "render_table"]

CORPORA = ("acled", "case", "geoparsing", "conll")


def detect_corpus(path: Path) -> str:
    name = path.name.lower()
    for key, corpus in (("acled", "acled"), ("case", "case"), ("geopars", "geoparsing"), ("lgl", "geoparsing"),
                        ("geovirus", "geoparsing"), ("conll", "conll"), (".testa", "conll"), (".testb", "conll")):
        if key in name:
            return corpus
    raise InvalidParameterError(f"Cannot tell the gold format of {path.name}; pass --corpus {'|'.join(CORPORA)}.")


def evaluate(corpus: str, path: Path, *, limit: int | None = None, pipeline=None) -> EvalReport:  # noqa: ANN001
    if corpus == "acled":
        from frontlines.evaluate.acled import score_acled as scorer
    elif corpus == "case":
        from frontlines.evaluate.case import score_case as scorer
    elif corpus == "geoparsing":
        from frontlines.evaluate.geoparsing import score_geoparsing as scorer
    elif corpus == "conll":
        from frontlines.evaluate.conll import score_conll as scorer

        return scorer(path, limit=limit)
    else:
        raise InvalidParameterError(f"Unknown corpus {corpus!r}; use one of {', '.join(CORPORA)}.")
    if pipeline is None:
        from frontlines.pipeline import Pipeline

        pipeline = Pipeline.default(on_error="record")
    return scorer(path, pipeline, limit=limit)


def evaluate_all(gold_dir: Path, *, limit: int | None = None) -> list[EvalReport]:
    reports = []
    for path in sorted(gold_dir.iterdir()):
        if path.suffix in (".csv", ".tsv", ".xml") or path.name.endswith(".testa"):
            try:
                corpus = detect_corpus(path)
            except InvalidParameterError:
                continue
            if path.name.startswith("petrarch"):
                continue
            reports.append(evaluate(corpus, path, limit=limit))
    return reports
