"""Character spans already claimed by a mention, for "does this match overlap one found before?": an
index by 64-character bucket, so each question looks at the few spans near it instead of scanning every
span of the document (which made long reports cost the square of their length)."""

from __future__ import annotations

from collections.abc import Iterable

__all__ = ["Spans"]

_SHIFT = 6  # 64-character buckets: a mention covers one to three


class Spans:
    """``append((start, end))`` and ``overlaps(start, end)``, as ``any(start < e and s < end ...)`` over a
    list. ``under``: spans taken before, consulted but never added to (what this one adds stays apart)."""

    def __init__(self, spans: Iterable[tuple[int, int]] = (), under: Spans | None = None) -> None:
        self._buckets: dict[int, list[tuple[int, int]]] = {}
        self._under = under
        for span in spans:
            self.append(span)

    def append(self, span: tuple[int, int]) -> None:
        start, end = span
        for bucket in range(start >> _SHIFT, (max(start, end - 1) >> _SHIFT) + 1):
            self._buckets.setdefault(bucket, []).append(span)

    def overlaps(self, start: int, end: int) -> bool:
        for bucket in range(start >> _SHIFT, (max(start, end - 1) >> _SHIFT) + 1):
            if any(start < e and s < end for s, e in self._buckets.get(bucket, ())):
                return True
        return self._under is not None and self._under.overlaps(start, end)
