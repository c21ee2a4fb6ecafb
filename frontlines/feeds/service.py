"""The watcher as a service: one APScheduler job per feed, polled every ``interval`` seconds; a failed poll
moves the feed's next run out by its backoff (kept in the store, so a restart keeps it too). ``poll_due``
polls each feed that is due once and returns (``frontlines watch --once``, for cron and tests)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

from frontlines.feeds.fetch import Fetcher
from frontlines.feeds.poll import FeedPoller, PollResult, WatchConfig
from frontlines.pipeline import Pipeline
from frontlines.store import open_store

__all__ = ["FeedWatcher"]

Report = Callable[[PollResult], None]
_log = logging.getLogger("frontlines.feeds")


class FeedWatcher:
    def __init__(self, feeds: Sequence[str], store_url: str, *, pipeline: Pipeline | None = None,
                 config: WatchConfig | None = None, report: Report | None = None, workers: int = 4) -> None:
        self.feeds = list(dict.fromkeys(feeds))
        self.config = config or WatchConfig()
        self.fetcher = Fetcher(timeout=self.config.timeout)
        self.poller = FeedPoller(store_url, pipeline=pipeline, config=self.config, fetcher=self.fetcher)
        self.report = report or (lambda _result: None)
        self.workers = workers
        self._scheduler: Any = None
        self._stopped = threading.Event()

    def poll_due(self, *, everything: bool = False) -> list[PollResult]:
        """Poll every feed once, in list order - except those still waiting out a backoff after failures
        (reported as ``waiting``) unless ``everything``."""
        waits = {} if everything else self._backoffs()
        results = []
        for url in self.feeds:
            if url in waits:
                result = PollResult(url, "waiting", next_check=waits[url],
                                    problems=[f"{url} failed before; next try after {waits[url]:%Y-%m-%d %H:%M:%S} UTC."])
            else:
                result = self.poller.poll(url)
            self.report(result)
            results.append(result)
        return results

    def _backoffs(self) -> dict[str, datetime]:
        """Feeds in backoff (failed last time, next check still ahead) and when each is due."""
        now = datetime.now(UTC)
        with open_store(self.poller.store_url) as store:
            return {s.url: s.next_check for s in store.feed_states()
                    if s.url in self.feeds and s.failures and s.next_check and s.next_check > now}

    # -- the service ----------------------------------------------------------------------------------------
    def start(self) -> None:
        """Start polling in the background: each feed at once, or when its stored backoff ends."""
        from apscheduler.executors.pool import ThreadPoolExecutor  # type: ignore[import-untyped]
        from apscheduler.schedulers.background import BackgroundScheduler  # type: ignore[import-untyped]

        self._stopped.clear()
        self._scheduler = BackgroundScheduler(executors={"default": ThreadPoolExecutor(self.workers)},
                                              job_defaults={"coalesce": True, "max_instances": 1,
                                                            "misfire_grace_time": None}, timezone=UTC)
        now, waits = datetime.now(UTC), self._backoffs()
        for url in self.feeds:
            self._scheduler.add_job(self._run, "interval", seconds=self.config.interval, id=url, args=[url],
                                    next_run_time=waits.get(url, now), name=url)
        self._scheduler.start()

    def _run(self, url: str) -> None:
        try:
            result = self.poller.poll(url)
        except Exception as exc:  # a store or pipeline fault: logged, and the other feeds go on
            _log.exception("polling %s failed", url)
            result = PollResult(url, "error", problems=[f"internal error: {exc!r}"])
        self.report(result)
        if result.status == "error" and result.next_check and self._scheduler is not None:
            self._scheduler.modify_job(url, next_run_time=result.next_check)

    def stop(self) -> None:
        """Stop after the polls in flight (each commits what it stored)."""
        if self._scheduler is not None and self._scheduler.running:
            self._scheduler.shutdown(wait=True)
        self._stopped.set()
        self.fetcher.close()

    def run_forever(self) -> None:
        """Poll until SIGINT or SIGTERM, then stop cleanly."""
        import signal

        self.start()
        previous = {sig: signal.signal(sig, lambda *_: self._stopped.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            while not self._stopped.wait(1.0):
                pass
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)
            self.stop()
