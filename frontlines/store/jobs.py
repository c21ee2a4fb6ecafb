"""The backfill job table: every archive partition a backfill finished, so that a rerun (after a crash,
a ``kill -9`` or Ctrl-C) skips them instead of extracting them again.

A partition is known by its key, a digest of its records (``batch.partitions``): the same records give
the same key in any run, whatever the archive's path. Both backends share this SQL (schema: SQLite
migration 8, ``postgres-0005-backfill-partitions.sql``) through ``_feed_sql``, which runs one statement
in its own transaction.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

__all__ = ["PARTITION_COUNTS", "BackfillRecords"]

PARTITION_COUNTS = ("records", "added", "unchanged", "events", "failures")
_RECORD = (f"INSERT INTO backfill_partitions (key, source, first_line, {', '.join(PARTITION_COUNTS)}, finished_at) "
           f"VALUES ({', '.join('?' for _ in range(len(PARTITION_COUNTS) + 4))}) ON CONFLICT (key) DO NOTHING")


class BackfillRecords:
    """The job-table methods of every store (mixed into ``base.Store``)."""

    def _feed_sql(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        raise NotImplementedError  # each backend's (``feeds.FeedRecords``)

    def finished_partitions(self, keys: Sequence[str]) -> set[str]:
        """The keys among ``keys`` of partitions some backfill finished."""
        if not keys:
            return set()
        rows = self._feed_sql(f"SELECT key FROM backfill_partitions WHERE key IN ({', '.join('?' for _ in keys)})",
                              list(keys))
        return {r["key"] for r in rows}

    def record_partition(self, key: str, source: str, first_line: int, counts: Mapping[str, int]) -> None:
        """Record a partition whose every document is stored; a second record of it keeps the first."""
        self._feed_sql(_RECORD, [key, source, first_line, *(int(counts.get(c, 0)) for c in PARTITION_COUNTS),
                                 datetime.now(UTC)])
