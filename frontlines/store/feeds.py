"""Watched feeds in the store: each feed's polling state (conditional-GET validators, backoff, last error)
and the entries already taken from feeds, so that a watcher restarted tomorrow re-ingests nothing.

Both backends share this SQL (schema: SQLite migration 7, ``postgres-0004-feeds.sql``); each supplies
``_feed_sql``, which runs one statement in its own transaction and returns the rows as dicts.
"""

from __future__ import annotations

import abc
from collections.abc import Sequence
from dataclasses import asdict, dataclass, fields
from datetime import UTC, datetime
from typing import Any

__all__ = ["FEED_STATUSES", "FeedRecords", "FeedState"]

FEED_STATUSES = ("new", "ok", "not_modified", "error")
_TIMES = ("last_checked", "last_success", "next_check")


@dataclass
class FeedState:
    """One watched feed as the store keeps it. ``failures`` counts failed polls in a row (the backoff);
    ``entries`` and ``documents`` count, over the feed's life, the entries taken and documents stored."""

    url: str
    title: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    status: str = "new"  # one of FEED_STATUSES
    http_status: int | None = None
    failures: int = 0
    last_error: str | None = None
    last_checked: datetime | None = None
    last_success: datetime | None = None
    next_check: datetime | None = None
    entries: int = 0
    documents: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        for name in _TIMES:
            data[name] = data[name].isoformat(timespec="seconds") if data[name] else None
        return data

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> FeedState:
        data = {f.name: row[f.name] for f in fields(cls)}
        for name in _TIMES:
            data[name] = _when(data[name])
        return cls(**data)


_COLUMNS = [f.name for f in fields(FeedState)]
_UPSERT = (f"INSERT INTO feeds ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)}) "
           f"ON CONFLICT (url) DO UPDATE SET {', '.join(f'{c} = excluded.{c}' for c in _COLUMNS[1:])}")


class FeedRecords(abc.ABC):
    """The feed methods of every store (mixed into ``base.Store``)."""

    @abc.abstractmethod
    def _feed_sql(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run one statement (``?`` placeholders, datetimes as parameters) in its own transaction."""

    def feed_states(self) -> list[FeedState]:
        """Every watched feed, by URL."""
        return [FeedState.from_row(r) for r in self._feed_sql(f"SELECT {', '.join(_COLUMNS)} FROM feeds ORDER BY url")]

    def feed_state(self, url: str) -> FeedState | None:
        rows = self._feed_sql(f"SELECT {', '.join(_COLUMNS)} FROM feeds WHERE url = ?", (url,))
        return FeedState.from_row(rows[0]) if rows else None

    def save_feed_state(self, state: FeedState) -> None:
        self._feed_sql(_UPSERT, [getattr(state, c) for c in _COLUMNS])

    def feed_entry_seen(self, key: str) -> bool:
        """Whether an entry with this key (its link, else its id) was already taken from any feed."""
        return bool(self._feed_sql("SELECT 1 AS seen FROM feed_entries WHERE key = ?", (key,)))

    def record_feed_entry(self, key: str, feed_url: str, content_hash: str | None, document_id: str | None) -> None:
        """Remember an entry as taken (stored, or a duplicate of a stored text); a second call keeps the first."""
        self._feed_sql("INSERT INTO feed_entries (key, feed_url, content_hash, document_id, seen_at) "
                       "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                       (key, feed_url, content_hash, document_id, datetime.now(UTC)))


def _when(value: Any) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    return datetime.fromisoformat(str(value))
