"""Fault suite (issue 14, deliverable 7): the feed watcher against a real server on loopback that answers
with fuzzed bodies, statuses and headers (ETag, Last-Modified, charset) - a poll never raises, always ends
in a known status written to the store, and a failure is an error state, never a lost feed."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.feeds import FeedPoller, WatchConfig
from frontlines.store import open_store
from tests.feeds.feedserver import FeedServer, Route, rss

FUZZ = settings(max_examples=50, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=40)
junk = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
entries = st.lists(st.fixed_dictionaries({"title": junk, "summary": junk}), max_size=4)


@st.composite
def answers(draw: Any) -> Route:
    body = draw(st.one_of(junk, entries.map(rss), entries.map(rss).map(lambda x: x[:len(x) // 2])))
    return Route(body=body, status=draw(st.sampled_from([200, 200, 200, 204, 301, 404, 410, 429, 500, 503])),
                 content_type=draw(st.sampled_from(["application/rss+xml; charset=utf-8", "text/html",
                                                    "application/xml; charset=bogus-8", "text/plain; charset=latin-1"])),
                 etag=draw(st.none() | header_text.filter(bool)),
                 location=draw(st.none() | st.sampled_from(["/feed.xml", "/elsewhere", "javascript:x", "//"])))


@pytest.fixture(scope="module")
def fuzz_poller(tmp_path_factory, pipeline):
    db = str(tmp_path_factory.mktemp("feedfuzz") / "feeds.sqlite")
    poller = FeedPoller(db, pipeline=pipeline, config=WatchConfig(timeout=2.0, full_text=False))
    yield poller
    poller.fetcher.close()


def test_any_answer_ends_in_a_known_state(fuzz_poller) -> None:
    with FeedServer() as server:
        url = server.url("/feed.xml")

        @FUZZ
        @given(route=answers())
        def run(route: Route) -> None:
            server.routes["/feed.xml"] = route
            result = fuzz_poller.poll(url)
            assert result.status in ("ok", "partial", "not_modified", "error"), result
            with open_store(fuzz_poller.store_url) as store:
                state = store.feed_state(url)
            assert state is not None and state.status == result.status
            assert (state.failures > 0) == (result.status == "error")

        run()
