"""Analysts' splits and merges of same-event clusters (issue 12, deliverable 4) on both stores: a split moves a
report out and keeps it apart, a merge keeps two clusters' reports together, each is listed with who, when and why,
undone in order, and obeyed by the incremental clustering through a re-ingest, a re-extraction and
``analyse --again``."""

from __future__ import annotations

import pytest

from frontlines.analysis.corrected import merge, split, undo_override
from frontlines.analysis.update import analyse_document, refresh
from frontlines.errors import InvalidParameterError, StoreNotFoundError
from frontlines.model import Document
from frontlines.store import Store
from frontlines.store.cluster_overrides import ClusterOverrideConflictError
from tests.store.test_analysis import _report


def _strikes() -> list[Document]:
    """Three reports of one drone strike in Tajoura (r1, r2 a day later with another toll, r3 unplaced) and a car
    bomb in Abu Salim the same day (r4): two clusters."""
    return [_report("r1", "e1", "2019-10-14"), _report("r2", "e2", "2019-10-15", fatalities=5, latitude=32.87),
            _report("r3", "e3", "2019-10-14", latitude=None, longitude=None, actor1=None, actor1_id=None),
            _report("r4", "e4", "2019-10-14", sub_event_type="Remote explosive/landmine/IED", location="Abu Salim",
                    latitude=32.84, longitude=13.18)]


@pytest.fixture()
def clustered(store: Store) -> Store:
    for doc in _strikes():
        store.add_document(doc)
        analyse_document(store, doc)
    return store


def _groups(store: Store) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for event, cluster in store.clusters_of(["e1", "e2", "e3", "e4"]).items():
        by.setdefault(cluster, set()).add(event)
    return {frozenset(g) for g in by.values()}


def test_the_automatic_clusters(clustered: Store) -> None:
    assert _groups(clustered) == {frozenset({"e1", "e2", "e3"}), frozenset({"e4"})}


def test_a_split_moves_a_report_out_and_is_kept_with_who_when_why(clustered: Store) -> None:
    record = split(clustered, "e2", "jane", "a second strike the next day")
    assert record["action"] == "split" and record["active"] and record["analyst"] == "jane"
    assert record["members"] == {"e1": "apart", "e2": "moved", "e3": "apart"} and record["moved"] == ["e2"]
    assert record["created_at"] and record["previous"][0]["cluster_id"] != record["cluster_id"]
    assert _groups(clustered) == {frozenset({"e1", "e3"}), frozenset({"e2"}), frozenset({"e4"})}
    (row,) = clustered.cluster_members(record["cluster_id"])
    assert row["reason"].startswith("split out of") and "by jane: a second strike" in row["reason"]
    assert clustered.cluster_overrides(event_id="e1")["items"][0]["override_id"] == record["override_id"]
    assert clustered.cluster_overrides(event_id="e4")["total"] == 0
    assert clustered.cluster_links("e2") == {"e1": (-1, record["override_id"]), "e3": (-1, record["override_id"])}


def test_a_merge_joins_two_clusters_and_undo_puts_them_back(clustered: Store) -> None:
    before = _groups(clustered)
    record = merge(clustered, "e1", "e4", "omar", "one attack: the drone hit the car")
    assert _groups(clustered) == {frozenset({"e1", "e2", "e3", "e4"})}
    assert record["moved"] == ["e4"] and set(record["members"]) == {"e1", "e2", "e3", "e4"}
    undone = undo_override(clustered, record["override_id"], "jane", "two attacks after all")
    assert not undone["active"] and undone["undone_by"] == "jane" and undone["undo_reason"] == "two attacks after all"
    assert _groups(clustered) == before
    assert clustered.cluster_overrides(active=True)["total"] == 0
    assert clustered.cluster_overrides(active=False)["items"][0]["override_id"] == record["override_id"]
    with pytest.raises(ClusterOverrideConflictError, match="undone already"):
        undo_override(clustered, record["override_id"], "jane")


def test_overrides_are_undone_latest_first(clustered: Store) -> None:
    first = split(clustered, "e2", "jane", "another strike")
    second = merge(clustered, "e1", "e2", "omar", "the same strike after all")
    assert _groups(clustered) == {frozenset({"e1", "e2", "e3"}), frozenset({"e4"})}
    with pytest.raises(ClusterOverrideConflictError, match=f"override {second['override_id']}"):
        undo_override(clustered, first["override_id"], "jane")
    undo_override(clustered, second["override_id"], "omar")
    assert _groups(clustered) == {frozenset({"e1", "e3"}), frozenset({"e2"}), frozenset({"e4"})}
    undo_override(clustered, first["override_id"], "jane")
    assert _groups(clustered) == {frozenset({"e1", "e2", "e3"}), frozenset({"e4"})}


def test_splits_and_merges_survive_re_ingest_re_extraction_and_analyse_again(clustered: Store) -> None:
    split(clustered, "e2", "jane", "another strike")
    merge(clustered, "e1", "e4", "omar", "one attack")
    expected = {frozenset({"e1", "e3", "e4"}), frozenset({"e2"})}
    assert _groups(clustered) == expected
    for doc in _strikes():  # the same texts again: nothing changes
        assert not clustered.add_document(doc).added
    assert _groups(clustered) == expected
    clustered.forget_analysis()  # frontlines analyse --again
    assert refresh(clustered) == 4 and _groups(clustered) == expected
    # re-extraction: every event row written anew (their cluster rows go with them), then analysed in another order
    clustered._feed_sql("DELETE FROM events")
    assert clustered.clusters_of(["e1", "e2", "e3", "e4"]) == {}
    docs = _strikes()
    clustered.bulk_load_events(e for doc in docs for e in doc.events)
    for doc in reversed(docs):
        analyse_document(clustered, doc)
    assert _groups(clustered) == expected


def test_a_new_report_does_not_join_across_a_split(clustered: Store) -> None:
    """A report arriving later that matches both sides of a split joins one of them, never undoing the split."""
    split(clustered, "e2", "jane", "another strike")
    late = _report("r5", "e5", "2019-10-14", fatalities=3)
    clustered.add_document(late)
    analyse_document(clustered, late)
    clusters = clustered.clusters_of(["e1", "e2", "e5"])
    assert clusters["e1"] != clusters["e2"]


@pytest.mark.parametrize(("call", "error", "message"), [
    (lambda s: split(s, "e4", "jane", "why"), ClusterOverrideConflictError, "only report"),
    (lambda s: merge(s, "e1", "e2", "jane", "why"), ClusterOverrideConflictError, "in one cluster"),
    (lambda s: merge(s, "e1", "e1", "jane", "why"), InvalidParameterError, "two different"),
    (lambda s: split(s, "e2", "", "why"), InvalidParameterError, "analyst is required"),
    (lambda s: split(s, "e2", "jane", " "), InvalidParameterError, "reason is required"),
    (lambda s: split(s, "nope", "jane", "why"), StoreNotFoundError, "nope"),
    (lambda s: merge(s, "e1", "nope", "jane", "why"), StoreNotFoundError, "nope"),
    (lambda s: undo_override(s, 42, "jane"), StoreNotFoundError, "42"),
])
def test_bad_splits_and_merges_are_refused_and_change_nothing(clustered: Store, call, error, message) -> None:
    before = _groups(clustered)
    with pytest.raises(error, match=message):
        call(clustered)
    assert _groups(clustered) == before and clustered.cluster_overrides()["total"] == 0


def test_an_unclustered_report_cannot_be_split_or_merged(store: Store) -> None:
    doc = _report("r1", "e1", "2019-10-14", modality="future")
    store.add_document(doc)
    analyse_document(store, doc)
    with pytest.raises(ClusterOverrideConflictError, match="in no cluster"):
        split(store, "e1", "jane", "why")


def _groups_of(store: Store, ids: list[str]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for event, cluster in store.clusters_of(ids).items():
        by.setdefault(cluster, set()).add(event)
    return {frozenset(g) for g in by.values()}


def test_splits_and_merges_follow_their_reports_through_a_re_extraction_that_renumbers_them(clustered: Store) -> None:
    """The extractor changed and every report's id with it: each document re-extracted (reextract: its events
    replaced, analysed again); the split and the merge name the new ids and are obeyed, as before."""
    import dataclasses

    from frontlines.analysis.corrected import reextract

    first = split(clustered, "e2", "jane", "another strike")
    second = merge(clustered, "e1", "e4", "omar", "one attack")
    for doc in _strikes():
        doc.events = [dataclasses.replace(ev, event_id=f"{ev.event_id}-v2") for ev in doc.events]
        result = reextract(clustered, doc)
        assert result["reattached"] == {doc.events[0].event_id[:-3]: doc.events[0].event_id}
    new = ["e1-v2", "e2-v2", "e3-v2", "e4-v2"]
    assert _groups_of(clustered, new) == {frozenset({"e1-v2", "e3-v2", "e4-v2"}), frozenset({"e2-v2"})}
    split_now, merge_now = clustered.cluster_override(first["override_id"]), clustered.cluster_override(
        second["override_id"])
    assert split_now["members"] == {"e1-v2": "apart", "e2-v2": "moved", "e3-v2": "apart"}
    assert (merge_now["event_id"], merge_now["other_id"], merge_now["moved"]) == ("e1-v2", "e4-v2", ["e4-v2"])
    assert not split_now["orphaned"] and split_now["orphans"] == []
    undo_override(clustered, second["override_id"], "omar")  # the moved report is placed again by its new id
    assert _groups_of(clustered, new) == {frozenset({"e1-v2", "e3-v2"}), frozenset({"e2-v2"}), frozenset({"e4-v2"})}


def test_a_split_whose_report_is_not_extracted_again_stays_listed_as_orphaned(clustered: Store) -> None:
    from frontlines.analysis.corrected import reextract

    record = split(clustered, "e2", "jane", "another strike")
    r2 = _strikes()[1]
    r2.events = []
    assert reextract(clustered, r2)["orphaned"] == ["e2"]
    listed = clustered.cluster_overrides(active=True)["items"]
    assert [(o["override_id"], o["orphaned"], o["orphans"]) for o in listed] == [(record["override_id"], True, ["e2"])]
    undone = undo_override(clustered, record["override_id"], "omar", "the report is gone")
    assert not undone["active"] and undone["orphaned"]


def test_an_undo_whose_reclustering_fails_leaves_the_split_in_force(clustered: Store) -> None:
    """Undoing a split places its report again in the same transaction: when that fails for real (the database
    refuses cluster rows), the split stays in force and the clusters as they were."""
    from frontlines.errors import StoreError
    from tests.analysis.test_corrected import _failing_clustering

    record = split(clustered, "e2", "jane", "another strike")
    before = _groups(clustered)
    with _failing_clustering(clustered), pytest.raises(StoreError, match="was not saved.*cluster rows refused"):
        undo_override(clustered, record["override_id"], "omar")
    assert clustered.cluster_override(record["override_id"])["active"] and _groups(clustered) == before
