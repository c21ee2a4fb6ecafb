"""The evaluation report and its table."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

__all__ = ["EvalReport", "ratio", "render_table"]


def ratio(good: float, total: float) -> float:
    return round(good / total, 4) if total else 0.0


@dataclass
class EvalReport:
    corpus: str
    file: str
    n: int
    metrics: dict[str, float]
    notes: list[str] = field(default_factory=list)
    details: list[dict[str, Any]] = field(default_factory=list)  # per-item findings (misses, false positives, ...)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def to_table(self) -> str:
        return render_table([self])


def render_table(reports: list[EvalReport]) -> str:
    lines = [f"{'corpus':11} {'file':42} {'n':>6}  {'metric':34} {'value':>7}", "-" * 104]
    for r in reports:
        for i, (name, value) in enumerate(r.metrics.items()):
            head = f"{r.corpus:11} {r.file[:42]:42} {r.n:>6}" if i == 0 else " " * 61
            lines.append(f"{head}  {name:34} {value:>7.3f}")
        for note in r.notes:
            lines.append(" " * 63 + f"note: {note}")
    return "\n".join(lines)
