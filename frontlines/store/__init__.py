"""Stores: one interface (``base.Store``), SQLite by default, PostgreSQL for a shared server.

``open_store(url)``: a path or ``sqlite:///path`` opens SQLite; ``postgresql://...`` opens PostgreSQL.
"""

from __future__ import annotations

from frontlines import settings
from frontlines.errors import ConfigurationError
from frontlines.store.base import DocumentQuery, EventQuery, IngestResult, Page, Store

__all__ = ["DocumentQuery", "EventQuery", "IngestResult", "Page", "Store", "open_store"]


def open_store(url: str | None = None) -> Store:
    target = url or settings.get("db")
    if target.startswith(("postgresql://", "postgres://", "postgresql+psycopg://")):
        try:
            from frontlines.store.postgres import PostgresStore
        except ImportError as exc:
            raise ConfigurationError(
                f"PostgreSQL support needs psycopg: pip install 'frontlines[postgres]' ({exc})."
            ) from exc
        return PostgresStore(target)
    from frontlines.store.sqlite import SQLiteStore

    return SQLiteStore(target.removeprefix("sqlite:///").removeprefix("sqlite://"))
