"""Feed state and taken entries (issue 14, watched feeds): the same behaviour on SQLite and PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from frontlines.store import open_store
from frontlines.store.feeds import FeedState


def test_feed_state_round_trips_and_updates(store) -> None:
    url = f"http://127.0.0.1/{uuid.uuid4().hex}.xml"
    assert store.feed_state(url) is None
    checked = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    store.save_feed_state(FeedState(url, title="Wire", etag='"v1"', status="ok", http_status=200,
                                    last_checked=checked, next_check=checked + timedelta(minutes=15), entries=3))
    store.save_feed_state(FeedState(url, title="Wire", etag='"v2"', status="error", http_status=500, failures=2,
                                    last_error="HTTP 500", last_checked=checked, entries=3, documents=2))
    state = store.feed_state(url)
    assert state is not None
    assert (state.etag, state.status, state.http_status, state.failures, state.last_error) == \
        ('"v2"', "error", 500, 2, "HTTP 500")
    assert state.last_checked == checked and state.next_check is None
    assert state.to_dict()["last_checked"] == "2026-01-02T03:04:05+00:00"
    assert url in [s.url for s in store.feed_states()]


def test_feed_entries_are_remembered_across_stores(store_url) -> None:
    key = f"http://127.0.0.1/story/{uuid.uuid4().hex}"
    with open_store(store_url) as store:
        assert not store.feed_entry_seen(key)
        store.record_feed_entry(key, "http://127.0.0.1/feed.xml", "abc", "doc-1")
        store.record_feed_entry(key, "http://127.0.0.1/other.xml", "abc", None)  # a second call keeps the first
    with open_store(store_url) as reopened:  # a restarted watcher
        assert reopened.feed_entry_seen(key)
