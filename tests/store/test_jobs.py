"""The backfill job table on both backends (issue 14): finished partitions are found again by key."""

from __future__ import annotations

from frontlines.store import Store, open_store


def test_finished_partitions_are_recorded_once_and_found_by_key(store: Store, store_url: str) -> None:
    assert store.finished_partitions(["a", "b"]) == set() and store.finished_partitions([]) == set()
    store.record_partition("a", "archive.jsonl", 1, {"records": 500, "added": 498, "failures": 2})
    store.record_partition("a", "elsewhere.jsonl", 1, {"records": 1})  # a second record keeps the first
    with open_store(store_url) as other:  # another connection (a worker) sees it
        assert other.finished_partitions(["a", "b"]) == {"a"}
