"""Watched feeds: ``frontlines watch FEEDS`` polls RSS/Atom feeds as a service and stores what is new.

    sources.py   the list of feeds: a file of URLs or an OPML file
    fetch.py     HTTP (httpx): conditional GET, redirects, time and size limits, FetchError
    reading.py   entries and article pages, read by the ingest readers
    poll.py      one poll of one feed: duplicates dropped, full text, extraction, state and backoff in the store
    service.py   FeedWatcher: APScheduler jobs, one per feed; ``poll_due`` for --once

Layer: above ``pipeline``, ``store`` and ``analysis`` (each stored document is analysed, as at ingest); only
``cli`` imports it (the dashboard reads feed state from the store).
"""

from __future__ import annotations

from frontlines.feeds.poll import FeedPoller, PollResult, WatchConfig
from frontlines.feeds.service import FeedWatcher
from frontlines.feeds.sources import read_feed_list

__all__ = ["FeedPoller", "FeedWatcher", "PollResult", "WatchConfig", "read_feed_list"]
