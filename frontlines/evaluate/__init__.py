"""Scoring extraction on real gold formats: real reports (JSONL), ACLED CSV, CASE 2021 TSV, geoparsing XML (LGL,
GeoVirus), CoNLL-2003. ``evaluate(corpus, path)`` returns an ``EvalReport``; ``render_table`` prints several."""

from __future__ import annotations

from pathlib import Path

from frontlines.errors import InvalidParameterError
from frontlines.evaluate.report import EvalReport, render_table

__all__ = ["EvalReport", "detect_corpus", "evaluate", "evaluate_all", "render_details", "render_table"]

CORPORA = ("reports", "acled", "case", "geoparsing", "conll")


def detect_corpus(path: Path) -> str:
    from frontlines.evaluate.reports import is_reports_file

    if is_reports_file(path):
        return "reports"
    name = path.name.lower()
    for key, corpus in (("acled", "acled"), ("case", "case"), ("geopars", "geoparsing"), ("lgl", "geoparsing"),
                        ("geovirus", "geoparsing"), ("conll", "conll"), (".testa", "conll"), (".testb", "conll"),
                        ("reports", "reports")):
        if key in name:
            return corpus
    raise InvalidParameterError(f"Cannot tell the gold format of {path.name}; pass --corpus {'|'.join(CORPORA)}.")


def evaluate(corpus: str, path: Path, *, limit: int | None = None, pipeline=None,
             half: str | None = None, verbose: bool = False) -> EvalReport:
    """Score one gold file. ``half`` (odd|even) and ``verbose`` (per-item details) apply to real reports and
    geoparsing XML."""
    if half and corpus not in ("reports", "geoparsing"):
        raise InvalidParameterError(f"--half splits real-report sets and geoparsing XML only, not {corpus} ({path.name}).")
    if corpus == "reports":
        from frontlines.evaluate.reports import score_reports as scorer
    elif corpus == "acled":
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
    if corpus in ("reports", "geoparsing"):
        return scorer(path, pipeline, limit=limit, half=half, verbose=verbose)
    return scorer(path, pipeline, limit=limit)


def render_details(report: EvalReport) -> str:
    """The per-item findings of ``evaluate --verbose``, in the shape of the report's corpus."""
    if report.corpus == "geoparsing":
        from frontlines.evaluate.geoparsing import render_details as render
    else:
        from frontlines.evaluate.reports import render_details as render
    return render(report.details)


def report_files(gold_dir: Path) -> list[Path]:
    """The real-report sets in a gold folder or its ``reports/`` sub-folder."""
    from frontlines.evaluate.reports import is_reports_file

    folders = [gold_dir, gold_dir / "reports"]
    return [p for folder in folders if folder.is_dir() for p in sorted(folder.iterdir()) if is_reports_file(p)]


def evaluate_all(gold_dir: Path, *, limit: int | None = None, half: str | None = None,
                 verbose: bool = False) -> list[EvalReport]:
    """Every gold file in a folder, real-report sets first; ``half`` splits those and leaves the others whole."""
    reports = [evaluate("reports", path, limit=limit, half=half, verbose=verbose) for path in report_files(gold_dir)]
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
