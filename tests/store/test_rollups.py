"""Issue 12: how an aggregate is split between running totals and event rows (``store.rollups``), rule by rule."""

from __future__ import annotations

import random

import pytest

from frontlines.store.base import cell_range, grid_cell
from frontlines.store.rollups import MonthSplit, box_parts, cell_box, month_split, unit_of_months, year_split

CELL = grid_cell(10)


@pytest.mark.parametrize(("since", "until", "split"), [
    (None, None, MonthSplit(True)),  # every month, undated events too
    ("2019-04-01", "2019-06-30", MonthSplit(True, "2019-04", "2019-06")),
    ("2019-04-15", "2019-06-20", MonthSplit(True, "2019-05", "2019-05", [("2019-04-15", "2019-04-30"),
                                                                         ("2019-06-01", "2019-06-20")])),
    ("2019-04-15", "2019-05-10", MonthSplit(False, None, None, [("2019-04-15", "2019-04-30"),
                                                                ("2019-05-01", "2019-05-10")])),
    ("2019-04-15", "2019-04-20", MonthSplit(False, None, None, [("2019-04-15", "2019-04-20")])),
    ("2019-04-01", "2019-04-10", MonthSplit(False, None, None, [("2019-04-01", "2019-04-10")])),
    ("2019-04-15", None, MonthSplit(True, "2019-05", None, [("2019-04-15", "2019-04-30")])),
    (None, "2019-05-10", MonthSplit(True, None, "2019-04", [("2019-05-01", "2019-05-10")])),
    ("2019-12-31", "2020-01-01", MonthSplit(False, None, None, [("2019-12-31", "2019-12-31"),
                                                                ("2020-01-01", "2020-01-01")])),
    ("2020-03-01", "2020-02-29", MonthSplit(False)),  # since after until: nothing matches
])
def test_month_split(since: str | None, until: str | None, split: MonthSplit) -> None:
    assert month_split(since, until) == split


@pytest.mark.parametrize(("since", "until", "split"), [
    ("2019-01-01", "2020-12-31", MonthSplit(True, "2019", "2020")),
    ("2018-06-01", "2020-12-31", MonthSplit(True, "2019", "2020", [("2018-06-01", "2018-12-31")])),
    ("2019-03-15", "2020-02-10", MonthSplit(False, None, None, [("2019-03-15", "2019-12-31"),
                                                                ("2020-01-01", "2020-02-10")])),
    ("2019-04-03", "2019-04-20", MonthSplit(False, None, None, [("2019-04-03", "2019-04-20")])),
    (None, "2019-06-15", MonthSplit(True, None, "2018", [("2019-01-01", "2019-06-15")])),
    ("2019-05-05", None, MonthSplit(True, "2020", None, [("2019-05-05", "2019-12-31")])),
    ("2020-01-01", "2019-01-01", MonthSplit(False)),
])
def test_year_split(since: str | None, until: str | None, split: MonthSplit) -> None:
    assert year_split(since, until) == split


def test_year_and_month_splits_cover_each_day_once() -> None:
    """Whole years, then the whole months and days of their edges, are the range day for day (a map's periods)."""
    from datetime import date, timedelta

    rng = random.Random(26)
    for _ in range(300):
        lo = date(2017, 1, 1) + timedelta(days=rng.randrange(1500))
        hi = lo + timedelta(days=rng.randrange(1200))
        years = year_split(lo.isoformat(), hi.isoformat())
        covered: list[date] = []
        every = [date(2016, 1, 1) + timedelta(days=i) for i in range(3700)]  # each day of every period named
        if years.whole:
            covered += [d for d in every if years.first <= d.isoformat()[:4] <= years.last]  # type: ignore[operator]
        for since, until in years.edges:
            months = month_split(since, until)
            if months.whole:
                covered += [d for d in every if months.first <= d.isoformat()[:7] <= months.last]  # type: ignore[operator]
            for a, b in months.edges:
                covered += [d for d in every if a <= d.isoformat() <= b]
        assert sorted(covered) == [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]


def test_month_split_covers_each_day_once() -> None:
    """Whole months and edges together are the range, day for day, over random ranges."""
    from datetime import date, timedelta

    rng = random.Random(12)
    for _ in range(300):
        lo = date(2019, 1, 1) + timedelta(days=rng.randrange(800))
        hi = lo + timedelta(days=rng.randrange(120))
        split = month_split(lo.isoformat(), hi.isoformat())
        covered: list[date] = []
        for a, b in split.edges:
            d = date.fromisoformat(a)
            while d <= date.fromisoformat(b):
                covered.append(d)
                d += timedelta(days=1)
        if split.whole:
            d = date.fromisoformat(split.first + "-01")  # type: ignore[operator]
            while d.isoformat()[:7] <= split.last:  # type: ignore[operator]
                covered.append(d)
                d += timedelta(days=1)
        assert sorted(covered) == [lo + timedelta(days=i) for i in range((hi - lo).days + 1)]


def test_unit_of_months_is_decided_only_when_the_days_cannot_change_it() -> None:
    assert unit_of_months([], 732) == "week"
    assert unit_of_months([("2019-01", "Battles", 1, 0), ("2020-11", "Battles", 1, 0)], 732) == "week"
    assert unit_of_months([("2019-01", "Battles", 1, 0), ("2021-03", "Battles", 1, 0), (None, "Riots", 4, 0)],
                          732) == "month"
    assert unit_of_months([("2019-01", "Battles", 1, 0), ("2021-01", "Battles", 1, 0)], 732) is None  # the days


def test_box_parts_split_the_cells_a_bbox_meets() -> None:
    """The inner cells lie wholly inside the bbox; inner and ring cells together are the cells it meets, once."""
    rng = random.Random(5)
    for _ in range(200):
        lon, lat = rng.uniform(-20, 40), rng.uniform(-10, 50)
        box = (lon, lat, lon + rng.uniform(0, 3), lat + rng.uniform(0, 3))
        view = cell_range((lon + 0.3, lat - 1, lon + 2, lat + 0.8), CELL) if rng.random() < 0.5 else None
        inner, ring = box_parts(box, CELL, view)
        x0, x1, y0, y1 = cell_range(box, CELL)
        if view:
            x0, x1, y0, y1 = max(x0, view[0]), min(x1, view[1]), max(y0, view[2]), min(y1, view[3])
        met = {(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)}
        parts = [inner] if inner else []
        cells = [(x, y) for r in parts + ring for x in range(r[0], r[1] + 1) for y in range(r[2], r[3] + 1)]
        assert len(cells) == len(set(cells)) and set(cells) == met
        if inner:
            ix0, ix1, iy0, iy1 = inner
            assert ix0 * CELL - 180 >= box[0] and (ix1 + 1) * CELL - 180 <= box[2]
            assert iy0 * CELL - 90 >= box[1] and (iy1 + 1) * CELL - 90 <= box[3]
        assert len(ring) <= 4


def test_a_bbox_on_cell_borders_has_no_ring_inside_it() -> None:
    box = (10 * CELL - 180, 20 * CELL - 90, 30 * CELL - 180, 25 * CELL - 90)  # sides on cell borders
    inner, ring = box_parts(box, CELL)
    assert inner == (11, 28, 21, 23)  # cells touching a side count as cut (exact filter there)
    assert all(cell_range(cell_box(r, CELL), CELL) == list(r) for r in ring)
