"""Positional indexes, so that a long report costs in proportion to its length, not to its square (issue 14):
``Spans``, the character spans already claimed by a mention ("does this match overlap one found before?"),
by 64-character bucket; ``mentions_in``, a document's mentions of a kind within a range of characters, by
bisection. Each question looks at the few entries near it instead of scanning the whole document's."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from itertools import pairwise

from frontlines.model import Document, Mention

__all__ = ["Spans", "forget_index", "mentions_in"]

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

    def covers(self, start: int, end: int) -> bool:
        """Whether one span holds all of ``[start, end)`` (``any(s <= start and end <= e ...)``)."""
        buckets = {start >> _SHIFT, max(0, start - 1) >> _SHIFT}  # a span ending at ``start`` holds an empty one
        if any(s <= start and end <= e for bucket in buckets for s, e in self._buckets.get(bucket, ())):
            return True
        return self._under is not None and self._under.covers(start, end)


def mentions_in(doc: Document, kind: str, start: int, end: int) -> list[Mention]:
    """The mentions of ``kind`` that start in ``[start, end)``, in the document's order: what
    ``[m for m in doc.mentions if m.kind == kind and start <= m.start < end]`` gives, by bisection on an index
    of each kind's starts built once per list of mentions, so asking it for every clause of a long report
    does not scan all its mentions each time. A stage that changes mentions in place calls ``forget_index``."""
    mentions = doc.mentions
    key = (id(mentions), len(mentions), id(mentions[0]) if mentions else 0, id(mentions[-1]) if mentions else 0)
    cached = doc.__dict__.get("_mention_index")
    if cached is None or cached[0] != key:
        by_kind: dict[str, list[Mention]] = {}
        for m in mentions:
            by_kind.setdefault(m.kind, []).append(m)
        ordered = {k: [m.start for m in ms] for k, ms in by_kind.items()
                   if all(a.start <= b.start for a, b in pairwise(ms))}
        cached = (key, by_kind, ordered)
        doc.__dict__["_mention_index"] = cached
    found, starts = cached[1].get(kind, []), cached[2].get(kind)
    if starts is None:  # not in order of position: as a scan finds them
        return [m for m in found if start <= m.start < end]
    return found[bisect_left(starts, start):bisect_left(starts, end)]


def forget_index(doc: Document) -> None:
    """Drop ``mentions_in``'s index of ``doc`` (built again on the next question)."""
    doc.__dict__.pop("_mention_index", None)
