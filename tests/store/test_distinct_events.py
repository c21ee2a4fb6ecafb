"""Counting distinct events (issue 13, deliverable 1) on both backends: with ``EventQuery.count == "clusters"`` every
list, count, timeline, map bucket and export takes one report per same-event cluster - the one with the highest
toll among the reports that match the filters - and unclustered events as they are."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from frontlines.errors import InvalidParameterError
from frontlines.store import EventQuery, Store, open_store
from tests.store.conftest import make_event


def _three_incidents(store: Store) -> None:
    """Five reports of three incidents: a clash told by Reuters (3 dead), AFP (5) and a blog (5, the same toll:
    the smaller id leads), a strike told once (clustered alone) and a protest never clustered."""
    store.bulk_load_events([
        make_event(1, fatalities=3, source="Reuters"),
        make_event(2, event_date="2019-04-01", fatalities=5, source="AFP"),
        make_event(3, event_date="2019-04-01", fatalities=5, source="A blog"),
        make_event(4, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike", fatalities=0,
                   location="Sirte", latitude=31.2, longitude=16.6, source="Reuters", notes="Drones struck Sirte."),
        make_event(5, event_type="Protests", sub_event_type="Peaceful protest", fatalities=0, source="AFP",
                   actor2=None, actor2_id=None),
    ])
    store.save_clusters([("ev-1", "cl-a", None, "2019-04-01", "first report"),
                         ("ev-2", "cl-a", None, "2019-04-01", "same event as ev-1"),
                         ("ev-3", "cl-a", None, "2019-04-01", "same event as ev-1"),
                         ("ev-4", "cl-b", None, "2019-04-04", "first report")])


def _ids(store: Store, **kw: object) -> list[str]:
    return sorted(e.event_id for e in store.iter_events(EventQuery(**kw)))  # type: ignore[arg-type]


def test_a_cluster_counts_once_through_its_report_with_the_highest_toll(store: Store) -> None:
    _three_incidents(store)
    assert _ids(store) == ["ev-1", "ev-2", "ev-3", "ev-4", "ev-5"]
    assert _ids(store, count="clusters") == ["ev-2", "ev-4", "ev-5"]  # 5 dead twice: the smaller id
    page = store.search_events(EventQuery(count="clusters", sort="-fatalities"))
    assert page.total == 3 and [e.event_id for e in page.items] == ["ev-2", "ev-4", "ev-5"]
    reports, distinct = store.counts(EventQuery()), store.counts(EventQuery(count="clusters"))
    assert (reports["events"], reports["fatalities"]) == (5, 13)
    assert (distinct["events"], distinct["fatalities"]) == (3, 5)  # the highest toll, never the sum
    assert distinct["by_type"] == {"Battles": 1, "Explosions/Remote violence": 1, "Protests": 1}


def test_the_representative_is_chosen_among_the_reports_that_match(store: Store) -> None:
    _three_incidents(store)
    # Reuters told the clash with 3 dead: that report stands for the clash among Reuters' reports
    assert _ids(store, count="clusters", source="reuters") == ["ev-1", "ev-4"]
    assert _ids(store, count="clusters", since="2019-04-02") == ["ev-4", "ev-5"]
    assert _ids(store, count="clusters", event_type="Battles", modality="asserted") == ["ev-2"]
    assert _ids(store, count="clusters", text="Sirte") == ["ev-4"]  # a lone full-text filter too
    assert _ids(store, count="clusters", actor_ids=("lby.gna.forces",)) == ["ev-2", "ev-4"]


def test_timeline_and_map_count_distinct_events(store: Store) -> None:
    _three_incidents(store)
    weeks = store.timeline(EventQuery(count="clusters"), unit="week")
    assert sum(b["events"] for b in weeks["bins"]) == 3 and weeks["totals"]["fatalities"] == 5
    assert sum(b["events"] for b in store.timeline(EventQuery(), unit="week")["bins"]) == 5
    grid = store.map_grid(EventQuery(count="clusters"), zoom=12)
    tripoli = next(b for b in grid["buckets"] if b["latitude"] > 32)
    assert grid["events"] == 3 and tripoli["events"] == 2 and tripoli["fatalities"] == 5
    assert store.map_grid(EventQuery(), zoom=12)["events"] == 5
    # the running totals answer reports only; distinct events are counted from the rows
    assert store.map_grid(EventQuery(count="clusters"), zoom=10)["events"] == 3


def test_a_report_whose_partner_is_deleted_still_counts(store: Store) -> None:
    _three_incidents(store)
    store._feed_sql("DELETE FROM events WHERE event_id IN (?, ?)", ["ev-2", "ev-3"])  # their clusters rows go with them
    assert _ids(store, count="clusters") == ["ev-1", "ev-4", "ev-5"]


def test_an_unknown_count_mode_is_refused() -> None:
    with pytest.raises(InvalidParameterError, match="use reports .* or clusters"):
        EventQuery(count="events")


def test_each_distinct_event_says_how_many_reports_its_cluster_holds(store: Store) -> None:
    _three_incidents(store)
    assert store.cluster_sizes(["ev-2", "ev-4", "ev-5"]) == {"ev-2": 3, "ev-4": 1}  # ev-5 is in no cluster


# -- the representative flag the stores keep (issue 13: distinct counts at scale) ---------------------------------
_FROM_SCRATCH = ("SELECT m.event_id FROM event_clusters m WHERE m.event_id = (SELECT o.event_id FROM event_clusters k "
                 "JOIN events o ON o.event_id = k.event_id WHERE k.cluster_id = m.cluster_id ORDER BY CASE WHEN "
                 "o.fatalities_aggregate THEN 0 ELSE coalesce(o.fatalities, 0) END DESC, o.event_id LIMIT 1)")


def _flagged(store: Store) -> list[str]:
    """The events whose flag says they stand for their cluster (or are in none), checked against the rule, and
    each event's cluster column against its cluster row."""
    flagged = sorted(r["event_id"] for r in store._feed_sql("SELECT event_id FROM events WHERE represents = TRUE"))
    unclustered = {r["event_id"] for r in store._feed_sql(
        "SELECT event_id FROM events WHERE event_id NOT IN (SELECT event_id FROM event_clusters)")}
    assert flagged == sorted(unclustered | {r["event_id"] for r in store._feed_sql(_FROM_SCRATCH)})
    rows = store._feed_sql("SELECT e.cluster_id AS mine, k.cluster_id AS kept FROM events e "
                           "LEFT JOIN event_clusters k ON k.event_id = e.event_id")
    assert [r["mine"] for r in rows] == [r["kept"] for r in rows]  # each event's cluster on its row too
    return flagged


def test_the_flag_follows_new_moved_and_deleted_cluster_rows(store: Store) -> None:
    _three_incidents(store)
    assert _flagged(store) == ["ev-2", "ev-4", "ev-5"]
    store.save_clusters([("ev-5", "cl-b", None, "2019-04-05", "joined")])  # a report joins the strike
    assert _flagged(store) == ["ev-2", "ev-4"]  # 0 dead each: the smaller id
    store.save_clusters([("ev-2", "cl-c", None, "2019-04-01", "an analyst's split")])  # re-saved elsewhere
    assert _flagged(store) == ["ev-2", "ev-3", "ev-4"]  # ev-3 (5 dead) now leads what is left of cl-a
    store._feed_sql("UPDATE event_clusters SET cluster_id = ? WHERE cluster_id = ?", ["cl-a", "cl-c"])  # a merge
    assert _flagged(store) == ["ev-2", "ev-4"]
    store._feed_sql("DELETE FROM event_clusters WHERE event_id = ?", ["ev-4"])
    assert _flagged(store) == ["ev-2", "ev-4", "ev-5"]  # ev-4 in no cluster; ev-5 alone in cl-b
    assert store.counts(EventQuery(count="clusters"))["events"] == 3


def test_a_changed_toll_moves_the_flag(store: Store) -> None:
    _three_incidents(store)
    store._feed_sql("UPDATE events SET fatalities = 9 WHERE event_id = ?", ["ev-1"])  # an analyst's correction
    assert _flagged(store) == ["ev-1", "ev-4", "ev-5"]
    store._feed_sql("UPDATE events SET fatalities_aggregate = TRUE WHERE event_id = ?", ["ev-1"])  # a running total
    assert _flagged(store) == ["ev-2", "ev-4", "ev-5"]
    distinct = store.counts(EventQuery(count="clusters"))
    assert (distinct["events"], distinct["fatalities"]) == (3, 5)
    assert store.counts(EventQuery())["events"] == 5  # the running totals are untouched by the flag


def test_unfiltered_and_filtered_distinct_counts_agree_with_the_rule(store: Store) -> None:
    _three_incidents(store)
    store._feed_sql("DELETE FROM events WHERE event_id = ?", ["ev-2"])  # the leader goes: ev-3 takes its place
    assert _flagged(store) == ["ev-3", "ev-4", "ev-5"]
    assert _ids(store, count="clusters") == ["ev-3", "ev-4", "ev-5"]
    assert _ids(store, count="clusters", source="reuters") == ["ev-1", "ev-4"]


def _at_schema(module: object, before: str, url: str) -> None:
    """Five reports and their clusters written while the store's migrations stop before the one named ``before``."""
    full = list(module.MIGRATIONS)  # type: ignore[attr-defined]
    names = [m[0] if isinstance(m, tuple) else m for m in full]
    cut = next(i for i, m in enumerate(names) if before in m)
    module.MIGRATIONS[:] = full[:cut]  # type: ignore[attr-defined]
    try:
        with open_store(url) as store:
            _three_incidents(store)
    finally:
        module.MIGRATIONS[:] = full  # type: ignore[attr-defined]


def test_sqlite_stores_clustered_before_the_flag_are_migrated_with_it(tmp_path: Path) -> None:
    from frontlines.store import sqlite as backend

    url = str(tmp_path / "old.sqlite")
    _at_schema(backend, "ADD COLUMN represents", url)
    with open_store(url) as store:
        assert _flagged(store) == ["ev-2", "ev-4", "ev-5"]
        assert store.counts(EventQuery(count="clusters"))["events"] == 3


@pytest.mark.postgres
def test_postgres_stores_clustered_before_the_flag_are_migrated_with_it(pg_server: Any) -> None:
    from frontlines.store import postgres as backend

    if pg_server is None:
        pytest.skip("needs the throwaway cluster (FRONTLINES_TEST_POSTGRES_URL is set)")
    url = pg_server.create_database("frontlines_represents")
    _at_schema(backend, "cluster-representatives", url)
    with open_store(url) as store:
        assert _flagged(store) == ["ev-2", "ev-4", "ev-5"]
        assert store.counts(EventQuery(count="clusters"))["events"] == 3
        assert store.counts(EventQuery())["events"] == 5
