"""How a dashboard aggregate is split between the running totals and the event rows (issue 12), as plain
arithmetic on dates and grid cells, so that each rule is tested alone and both backends share it:

- ``month_split``: a date range as the whole months the month totals answer and the partial months at its
  edges, which the day totals (or the events) answer; ``year_split`` likewise in years (a map's year totals);
- ``unit_of_months``: whether month rows settle the timeline's unit (weeks up to about two years) or only the
  days can;
- ``box_parts``: a bbox filter's grid cells as those wholly inside it (answered by the cell totals) and the ring
  of cells its edges cut (answered by their events, exact on the bbox).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

__all__ = ["CellRange", "MonthSplit", "box_parts", "cell_box", "month_split", "unit_of_months", "year_split"]

CellRange = tuple[int, int, int, int]  # first and last column, first and last row (inclusive)
_EDGE = 1e-9  # degrees: a cell whose side lies on the bbox's edge counts as cut (float rounding at the border)


@dataclass
class MonthSplit:
    """``whole``: whether any whole month matches; ``first``/``last``: the whole months' range ("YYYY-MM", None
    for open: then undated events match too when both are None); ``edges``: (since, until) of the partial
    months."""

    whole: bool
    first: str | None = None
    last: str | None = None
    edges: list[tuple[str, str]] = field(default_factory=list)


def month_split(since: str | None, until: str | None) -> MonthSplit:
    """The whole months and the partial edge months of ``since``..``until`` (ISO days, inclusive, None: open)."""
    return _split(since, until, lambda d: d.replace(day=1), _month_end, 7)


def year_split(since: str | None, until: str | None) -> MonthSplit:
    """The whole years ("YYYY" in ``first``/``last``) and the partial edge years of ``since``..``until`` (ISO days,
    inclusive, None: open), each edge to be split in months in its turn (``month_split``)."""
    return _split(since, until, lambda d: d.replace(month=1, day=1), lambda d: d.replace(month=12, day=31), 4)


def _split(since: str | None, until: str | None, start: Callable[[date], date], end: Callable[[date], date],
           chars: int) -> MonthSplit:
    """The whole periods (``start``/``end``: a day's period's first and last day; ``chars``: the characters of an ISO
    day naming its period) and the partial periods at the edges of ``since``..``until``."""
    lo = date.fromisoformat(since) if since else None
    hi = date.fromisoformat(until) if until else None
    if lo and hi and lo > hi:
        return MonthSplit(whole=False)
    edges: list[tuple[date, date]] = []
    first = last = None
    if lo is not None:
        first = start(lo)
        if lo != start(lo):
            edges.append((lo, min(end(lo), hi) if hi else end(lo)))
            first = end(lo) + timedelta(days=1)
    if hi is not None:
        last = start(hi)
        if hi != end(hi):
            if not edges or edges[0][1] < hi:  # not the same period as the first edge
                edges.append((max(start(hi), lo) if lo else start(hi), hi))
            last = start(hi) - timedelta(days=1)
    whole = first is None or last is None or first <= last
    return MonthSplit(whole=whole, first=first.isoformat()[:chars] if first and whole else None,
                      last=last.isoformat()[:chars] if last and whole else None,
                      edges=[(a.isoformat(), b.isoformat()) for a, b in edges])


def unit_of_months(rows: list[tuple[Any, ...]], max_days: int) -> str | None:
    """The timeline's unit from month rows (``(month or None, ...)``): "week" when the matching days span at
    most ``max_days`` whatever days of the first and last months they fall on, "month" when they span more
    whatever the days, None when only the days can tell."""
    months = [r[0] for r in rows if r[0]]
    if not months:
        return "week"
    first, last = date.fromisoformat(min(months) + "-01"), date.fromisoformat(max(months) + "-01")
    if (last - _month_end(first)).days > max_days:
        return "month"
    if (_month_end(last) - first).days <= max_days:
        return "week"
    return None


def box_parts(bbox: tuple[float, float, float, float], cell: float,
              view: Sequence[int] | None = None) -> tuple[CellRange | None, list[CellRange]]:
    """The cells a bbox meets (within the cell range ``view`` when given), as the range of cells wholly inside it
    (None when none is) and the ranges of the cells its edges cut (at most four strips)."""
    min_lon, min_lat, max_lon, max_lat = bbox
    x0, x1 = int((min_lon + 180) // cell), int((max_lon + 180) // cell)
    y0, y1 = int((min_lat + 90) // cell), int((max_lat + 90) // cell)
    if view is not None:
        x0, x1, y0, y1 = max(x0, view[0]), min(x1, view[1]), max(y0, view[2]), min(y1, view[3])
    if x0 > x1 or y0 > y1:
        return None, []
    ix0 = max(x0, math.ceil((min_lon + 180 + _EDGE) / cell))
    ix1 = min(x1, math.floor((max_lon + 180 - _EDGE) / cell) - 1)
    iy0 = max(y0, math.ceil((min_lat + 90 + _EDGE) / cell))
    iy1 = min(y1, math.floor((max_lat + 90 - _EDGE) / cell) - 1)
    if ix0 > ix1 or iy0 > iy1:
        return None, [(x0, x1, y0, y1)]
    ring = [(x0, ix0 - 1, y0, y1), (ix1 + 1, x1, y0, y1), (ix0, ix1, y0, iy0 - 1), (ix0, ix1, iy1 + 1, y1)]
    return (ix0, ix1, iy0, iy1), [r for r in ring if r[0] <= r[1] and r[2] <= r[3]]


def cell_box(cells: CellRange, cell: float) -> tuple[float, float, float, float]:
    """A box (degrees) whose meeting cells (``base.cell_range``) are exactly ``cells``: their centres'."""
    x0, x1, y0, y1 = cells
    return ((x0 + 0.5) * cell - 180, (y0 + 0.5) * cell - 90, (x1 + 0.5) * cell - 180, (y1 + 0.5) * cell - 90)


def _month_end(day: date) -> date:
    following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return following - timedelta(days=1)
