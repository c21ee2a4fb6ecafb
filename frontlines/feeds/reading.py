"""Feed entries and article pages read by the ingest readers (``frontlines.pipeline.reading.ingest``: the same feed
entry reader as ``frontlines ingest feed.xml``, with its refusal of truncated entries, and the same HTML
reader and page cleaning as ``frontlines ingest page.html``). The only module of the feeds package that
knows where those readers live."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from frontlines.model import Document
from frontlines.pipeline.reading.ingest import _from_html, _Report, document_from_text, feed_items

__all__ = ["FeedEntry", "article_document", "feed_entries"]

Problem = Callable[[str], None]


@dataclass(frozen=True)
class FeedEntry:
    key: str  # what makes it the same entry in any feed: its link, else its id
    doc: Document
    summary_only: bool  # the feed gives a summary (RSS description, Atom summary), not the article


def feed_entries(raw: str, feed_url: str, problem: Problem, warn: Problem) -> tuple[str | None, Iterator[FeedEntry]]:
    """The feed's title and its readable entries; a broken entry (truncated, malformed) is reported to
    ``problem`` and costs only itself. A feed with no entry at all raises ``MalformedInputError``."""
    feed, items = feed_items(raw, feed_url, None, _Report("skip", problem, warn))
    title = feed.feed.get("title") if isinstance(feed.feed.get("title"), str) else None
    return title, _entries(items, feed_url)


def _entries(items: Iterator[tuple[Any, Document]], feed_url: str) -> Iterator[FeedEntry]:
    for entry, doc in items:
        if not (entry.get("id") or entry.get("link")):  # no identity of its own: its feed and its text
            doc = dataclasses.replace(doc, id=f"{feed_url}#{doc.content_hash[:16]}")
        yield FeedEntry(doc.url or doc.id, doc, summary_only=not entry.get("content"))


def article_document(html: str, entry: FeedEntry, warn: Problem) -> Document:
    """The entry with the text of its article page (cleaned like an ingested HTML page) instead of the
    summary; raises ``MalformedInputError`` when the page has no readable article."""
    page = _from_html(html, entry.doc.url or entry.key, None, _Report("raise", warn, warn))[0]
    doc = entry.doc
    article = document_from_text(page.text, id=doc.id, published=doc.published or page.published,
                                 title=doc.title or page.title, source=doc.source or page.source, url=doc.url,
                                 format="feed")
    article.meta["full_text"] = True
    return article
