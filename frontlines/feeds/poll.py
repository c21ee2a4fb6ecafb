"""One poll of one feed: conditional GET, entries read, duplicates dropped (by link across every feed, then
by content hash), full text fetched for summary-only entries, new documents extracted and stored, and the
feed's state (validators, backoff, last error) written back to the store.

Order makes a restart safe: a document is committed before its entry is marked as taken, and the feed's
new ETag / Last-Modified are saved only after every entry of that response is stored or marked, so a poll
interrupted anywhere is redone by the next one and re-ingests nothing (the content hash catches the rest).
"""

from __future__ import annotations

import ipaddress
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

from frontlines.analysis.update import analyse_document
from frontlines.errors import FrontlinesError, MalformedInputError
from frontlines.feeds.fetch import FeedResponse, FetchError, Fetcher
from frontlines.feeds.reading import FeedEntry, article_document, feed_entries
from frontlines.model import Document
from frontlines.pipeline import Pipeline
from frontlines.store import Store, open_store
from frontlines.store.feeds import FeedState

__all__ = ["FeedPoller", "PollResult", "WatchConfig", "backoff", "may_fetch"]


@dataclass(frozen=True)
class WatchConfig:
    interval: float = 900.0  # seconds between polls of a healthy feed
    retry: float = 60.0  # the wait after a failed poll, doubled for each further failure in a row ...
    max_backoff: float = 6 * 3600.0  # ... up to this
    timeout: float = 20.0  # per HTTP request
    full_text: bool = True  # fetch the article page of an entry that carries only a summary


@dataclass
class PollResult:
    feed: str
    status: str  # ok | partial (some entries skipped or deferred) | not_modified | error | waiting (backoff)
    http_status: int | None = None
    entries: int = 0  # readable entries in the response
    added: int = 0  # documents stored
    events: int = 0
    duplicates: int = 0  # entries already taken (same link) or texts already stored (same content hash)
    skipped: int = 0  # entries that could not be read
    deferred: int = 0  # entries whose article could not be fetched for now: tried again at the next poll
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    next_check: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["next_check"] = self.next_check.isoformat(timespec="seconds") if self.next_check else None
        return data


def may_fetch(feed_url: str, link: str) -> bool:
    """Whether an entry's article link may be fetched: a feed from the internet must not make the watcher read
    pages of loopback, private or link-local addresses (cloud metadata, intranet pages) into the store."""
    return _private(feed_url) or not _private(link)


def _private(url: str) -> bool:
    host = (urlsplit(url).hostname or "").rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False  # a name: not resolved here
    return not ip.is_global


def backoff(failures: int, config: WatchConfig) -> float:
    """Seconds to wait after ``failures`` failed polls in a row."""
    return float(min(config.retry * 2 ** min(failures - 1, 30), config.max_backoff))


class FeedPoller:
    """Polls feeds into the store at ``store_url``. Fetching may run in several threads at once; extraction
    and storing take turns (one pipeline, one writer)."""

    def __init__(self, store_url: str, *, pipeline: Pipeline | None = None, config: WatchConfig | None = None,
                 fetcher: Fetcher | None = None) -> None:
        self.store_url = store_url
        self.config = config or WatchConfig()
        self.fetcher = fetcher or Fetcher(timeout=self.config.timeout)
        self._pipeline = pipeline
        self._writing = threading.Lock()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            self._pipeline = Pipeline.default(on_error="record")
        return self._pipeline

    def poll(self, url: str) -> PollResult:
        """Poll ``url`` once; never raises for a feed's fault (the result and the store say what failed)."""
        with open_store(self.store_url) as store:
            state = store.feed_state(url) or FeedState(url)
            result = PollResult(url, "ok")
            try:
                response = self.fetcher.feed(url, state.etag, state.last_modified)
                result.http_status = response.status
                if response.status == 304:
                    result.status = "not_modified"
                else:
                    self._take(store, response, state, result)
            except FrontlinesError as exc:
                return self._failed(store, state, result, exc)
            self._succeeded(store, state, result, response)
        return result

    # -- entries ----------------------------------------------------------------------------------------------
    def _take(self, store: Store, response: FeedResponse, state: FeedState, result: PollResult) -> None:
        title, entries = feed_entries(response.text, state.url, result.problems.append, result.warnings.append)
        state.title = title or state.title
        fresh: list[Document] = []
        keys: set[str] = set()
        for entry in entries:
            result.entries += 1
            if entry.key in keys or store.feed_entry_seen(entry.key):
                result.duplicates += 1
                continue
            keys.add(entry.key)
            doc = self._full(entry, state.url, result)
            if doc is not None:
                doc.meta.update({"feed": state.url, "feed_entry": entry.key})
                fresh.append(doc)
        result.skipped = len(result.problems) - result.deferred
        with self._writing:
            self._store(store, state, fresh, result)

    def _full(self, entry: FeedEntry, feed_url: str, result: PollResult) -> Document | None:
        """The entry's document, with its article's text when the feed gives only a summary; None when the
        article could not be fetched for now (the entry is tried again at the next poll)."""
        if not (entry.summary_only and self.config.full_text and entry.doc.url):
            return entry.doc
        if not may_fetch(feed_url, entry.doc.url):
            result.warnings.append(f"article of {entry.key}: not fetched, its link points into a private network "
                                   "that the feed is not in. Its summary is stored instead.")
            return entry.doc
        try:
            page = self.fetcher.page(entry.doc.url, allow=lambda url: may_fetch(feed_url, url))  # redirects too
            return article_document(page, entry, result.warnings.append)
        except FetchError as exc:
            if exc.transient:
                result.deferred += 1
                result.problems.append(f"article of {entry.key}: {exc} The entry is tried again at the next poll.")
                return None
            result.warnings.append(f"article of {entry.key}: {exc} Its summary is stored instead.")
        except MalformedInputError as exc:
            result.warnings.append(f"article of {entry.key}: {exc} Its summary is stored instead.")
        return entry.doc

    def _store(self, store: Store, state: FeedState, docs: list[Document], result: PollResult) -> None:
        for doc in self.pipeline.pipe(self._unseen(store, state, docs, result), batch_size=8):
            stored = store.add_document(doc)
            if stored.added:  # ledger, control and relations of this document, as `frontlines ingest` does
                analyse_document(store, doc, stored.document_id)
            result.added += stored.added
            result.duplicates += not stored.added
            result.events += stored.events if stored.added else 0
            if note := stored.note():
                result.warnings.append(note)
            store.record_feed_entry(doc.meta["feed_entry"], state.url, doc.content_hash, stored.document_id)
            state.entries += 1
            state.documents += stored.added

    @staticmethod
    def _unseen(store: Store, state: FeedState, docs: list[Document], result: PollResult) -> Iterator[Document]:
        """Documents whose text is not stored yet; the others are marked as taken without extraction."""
        hashes: set[str] = set()
        for doc in docs:
            digest = doc.content_hash
            if digest in hashes or store.has_document(digest):
                result.duplicates += 1
                store.record_feed_entry(doc.meta["feed_entry"], state.url, digest, None)
                state.entries += 1
                continue
            hashes.add(digest)
            yield doc

    # -- state ------------------------------------------------------------------------------------------------
    def _succeeded(self, store: Store, state: FeedState, result: PollResult, response: FeedResponse) -> None:
        now = datetime.now(UTC)
        if result.problems and result.status == "ok":
            result.status = "partial"
        if not result.deferred:  # else the next poll must get the whole feed again, not a 304
            state.etag, state.last_modified = response.etag, response.last_modified
        state.status, state.http_status, state.failures = result.status, response.status, 0
        state.last_error = result.problems[0][:500] if result.problems else None
        state.last_checked = state.last_success = now
        state.next_check = result.next_check = now + timedelta(seconds=self.config.interval)
        store.save_feed_state(state)

    def _failed(self, store: Store, state: FeedState, result: PollResult, exc: FrontlinesError) -> PollResult:
        now = datetime.now(UTC)
        result.status = "error"
        result.http_status = getattr(exc, "status", None)
        result.problems.append(str(exc))
        state.status, state.http_status, state.failures = "error", result.http_status, state.failures + 1
        state.last_error = str(exc)[:500]
        state.last_checked = now
        state.next_check = result.next_check = now + timedelta(seconds=backoff(state.failures, self.config))
        store.save_feed_state(state)
        return result
