"""Derived records follow corrections (issue 12, deliverable 4) on both stores: after an analyst corrects an
event's type, actors, place or date, or marks it as not an event (and after the undo), the changes of control,
relations and same-event clusters that rested on it are recomputed - its document's rows and its cluster, and
the reports that joined the cluster through it - and nothing else; a recompute that fails (a real database error)
rolls the correction back with it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest

from frontlines.analysis.corrected import correct, resting_on, undo_correction
from frontlines.errors import StoreError
from frontlines.analysis.update import refresh
from frontlines.store import Store
from tests.store.conftest import pg_database, pg_server, pg_url, store, store_url  # noqa: F401 (fixtures)
from tests.web.conftest import build_documents, second_report


@pytest.fixture()
def analysed(store: Store) -> Store:  # noqa: F811
    """doc-1 (ev-1 a battle in Tripoli, ev-2, ev-3), doc-2 (ev-4) and doc-3 (ev-5, another report of ev-1),
    analysed; doc-2's analysis carries a marker stage, to show it is not recomputed."""
    for doc in [*build_documents(), second_report()]:
        store.add_document(doc)
    refresh(store)
    store.save_analysis("doc-2", "marker@1", [], [], [])
    return store


def _fighting(kept: Store) -> list[tuple[str | None, str, str | None]]:
    return sorted((r.event_id, r.actor2, r.date) for r in kept.relations(kind="fighting") if r.event_id == "ev-1")


def _stage(kept: Store, document_id: str) -> str:
    return str(kept._feed_sql("SELECT stage FROM analysed_documents WHERE document_id = ?", [document_id])[0]["stage"])


def test_the_analysis_as_extracted(analysed: Store) -> None:
    clusters = analysed.clusters_of(["ev-1", "ev-5"])
    assert clusters["ev-1"] == clusters["ev-5"] and resting_on(analysed, "ev-1") == ["ev-5"]
    assert _fighting(analysed) == [("ev-1", "Military Forces of Libya (2016-2021) Government of National Accord",
                                    "2019-04-02")]
    assert analysed.control_changes("Tripoli") == []


def test_actors_and_date_corrected_reach_the_relations(analysed: Store) -> None:
    correct(analysed, "ev-1", "jane", "the militia fought, on the 5th",
            {"actor2": "Tripoli Protection Force", "actor2_id": "", "event_date": "2019-04-05"})
    assert _fighting(analysed) == [("ev-1", "Tripoli Protection Force", "2019-04-05")]
    assert _stage(analysed, "doc-2") == "marker@1"  # another document's analysis is left alone


def test_a_type_corrected_to_a_capture_reaches_control_and_the_clusters(analysed: Store) -> None:
    record = correct(analysed, "ev-1", "jane", "the LNA took Janzour",
                     {"sub_event_type": "Non-state actor overtakes territory", "location": "Janzour"})
    (change,) = analysed.control_changes("Janzour")
    assert (change.event_id, change.holder_id, change.date) == ("ev-1", "lby.lna", "2019-04-02")
    clusters = analysed.clusters_of(["ev-1", "ev-5"])  # a capture of Janzour is not the clash in Tripoli
    assert clusters["ev-1"] != clusters["ev-5"]
    assert not analysed.cluster_members(clusters["ev-5"])[0]["reason"].startswith("same event as ev-1")
    undo_correction(analysed, record["correction_id"], "omar", "it was the clash")
    assert analysed.control_changes("Janzour") == []
    clusters = analysed.clusters_of(["ev-1", "ev-5"])
    assert clusters["ev-1"] == clusters["ev-5"]


def test_not_an_event_leaves_relations_and_clusters_and_comes_back(analysed: Store) -> None:
    record = correct(analysed, "ev-1", "jane", "a rumour", reject=True)
    assert _fighting(analysed) == []
    assert "ev-1" not in analysed.clusters_of(["ev-1"])
    ev5 = analysed.clusters_of(["ev-5"])["ev-5"]
    assert [m["event_id"] for m in analysed.cluster_members(ev5)] == ["ev-5"]
    undo_correction(analysed, record["correction_id"], "omar", "it happened")
    assert len(_fighting(analysed)) == 1
    clusters = analysed.clusters_of(["ev-1", "ev-5"])
    assert clusters["ev-1"] == clusters["ev-5"]


def test_a_toll_corrected_keeps_the_cluster(analysed: Store) -> None:
    before = analysed.clusters_of(["ev-1", "ev-5"])
    correct(analysed, "ev-1", "jane", "two died", {"fatalities": 2})
    assert analysed.clusters_of(["ev-1", "ev-5"]) == before


# -- a correction and its recompute are one transaction: a recompute that fails rolls the correction back ----------
@contextmanager
def _failing_clustering(store: Store) -> Iterator[None]:  # noqa: F811 (store: a parameter, not the fixture)
    """A real failure in the recompute: the database refuses every new cluster row (a trigger that raises)."""
    postgres = store.url.startswith("postgres")
    if postgres:
        store._feed_sql("CREATE FUNCTION refuse_cluster() RETURNS trigger LANGUAGE plpgsql AS "
                        "$$ BEGIN RAISE EXCEPTION 'cluster rows refused'; END $$")
        store._feed_sql("CREATE TRIGGER refuse_cluster BEFORE INSERT ON event_clusters FOR EACH ROW EXECUTE "
                        "FUNCTION refuse_cluster()")
    else:
        store._feed_sql("CREATE TRIGGER refuse_cluster BEFORE INSERT ON event_clusters BEGIN "
                        "SELECT RAISE(ABORT, 'cluster rows refused'); END")
    try:
        yield
    finally:
        store._feed_sql("DROP TRIGGER refuse_cluster" + (" ON event_clusters" if postgres else ""))
        if postgres:
            store._feed_sql("DROP FUNCTION refuse_cluster()")


def _snapshot(store: Store) -> dict[str, object]:  # noqa: F811 (store: a parameter, not the fixture)
    return {"event": store.get_event("ev-1").to_dict(), "corrections": store.corrections()["total"],
            "clusters": store.clusters_of(["ev-1", "ev-2", "ev-3", "ev-4", "ev-5"]), "fighting": _fighting(store),
            "control": store.control_changes(), "analysed": store.is_analysed("doc-1"),
            "members": store._feed_sql("SELECT event_id, cluster_id, reason FROM event_clusters ORDER BY event_id")}


def test_a_correction_whose_recompute_fails_is_rolled_back_whole(analysed: Store) -> None:
    before = _snapshot(analysed)
    with _failing_clustering(analysed), pytest.raises(StoreError, match="cluster rows refused"):
        correct(analysed, "ev-1", "jane", "the LNA took Janzour",
                {"sub_event_type": "Non-state actor overtakes territory", "location": "Janzour"})
    assert _snapshot(analysed) == before  # no correction, the event, its clusters and the analysis as they were
    assert analysed.corrections()["total"] == 0 and analysed.control_changes("Janzour") == []
    # the store is usable at once, and the same correction then goes through with its recompute
    correct(analysed, "ev-1", "jane", "the LNA took Janzour",
            {"sub_event_type": "Non-state actor overtakes territory", "location": "Janzour"})
    assert len(analysed.control_changes("Janzour")) == 1


def test_an_undo_whose_recompute_fails_leaves_the_correction_in_force(analysed: Store) -> None:
    record = correct(analysed, "ev-1", "jane", "the militia fought", {"actor2": "Tripoli Protection Force",
                                                                      "actor2_id": ""})
    before = _snapshot(analysed)
    with _failing_clustering(analysed), pytest.raises(StoreError, match="cluster rows refused"):
        undo_correction(analysed, record["correction_id"], "omar", "it was the GNA")
    assert _snapshot(analysed) == before and analysed.correction(record["correction_id"])["active"]
    assert _fighting(analysed)[0][1] == "Tripoli Protection Force"
