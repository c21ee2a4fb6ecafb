"""Answers of the API's read requests kept per server process and given again while the store is unchanged.

Analysts who keep the dashboard open ask the same questions: the first view (counts, timeline, map of the
theatre, the newest events), the same type or actor filter, a shared link. ``ResponseCache`` keeps the answer of
a ``GET /api/...`` request (200, JSON, at most ``MAX_ENTRY`` bytes) under its path and query, with the store's
*generation* at the time, and answers the same request again from memory while the generation is the same
(header ``x-frontlines-cache: hit``; ``miss`` otherwise).

The generation (``store_generation``) changes whenever anything is committed to the store, by any process:
- SQLite: ``PRAGMA data_version`` on a connection of its own, which SQLite changes when another connection
  commits (every request and every ``frontlines ingest`` writes through another connection);
- PostgreSQL: the server's WAL insert position (``pg_current_wal_insert_lsn()``), which every commit that changes
  a table moves (a move with no change of ours only costs a miss).
Where neither can be read (a standby, an error) nothing is cached. An answer is also kept at most ``MAX_AGE``
seconds, so that what depends on the clock (a default of "the last 30 days") or a store file replaced under a
running server is never older than that.
"""

from __future__ import annotations

import os
import sqlite3
import threading
import time
from collections import OrderedDict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

__all__ = ["MAX_AGE", "MAX_ENTRY", "ResponseCache", "store_generation"]

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

MAX_AGE = 30.0  # seconds an answer is given again at most
MAX_ENTRY = 1 << 20  # bytes of one answer kept at most (a page of events is 30-60 KB; exports stream, uncached)
MAX_BYTES = 64 << 20  # bytes of answers kept per process
_POSTGRES = ("postgresql://", "postgres://", "postgresql+psycopg://")


@lru_cache(maxsize=16)
def store_generation(url: str) -> Callable[[], str | None]:
    """A function answering a value that changes whenever anything is committed to the store at ``url`` (None
    when it cannot tell); one per store and process, with one connection of its own."""
    return _PostgresGeneration(url) if url.startswith(_POSTGRES) else _SQLiteGeneration(url)


class _SQLiteGeneration:
    def __init__(self, url: str) -> None:
        self.path = url.removeprefix("sqlite:///").removeprefix("sqlite://")
        self._con: sqlite3.Connection | None = None
        self._file: tuple[int, int] | None = None  # (device, inode) of the file the connection reads
        self._lock = threading.Lock()

    def __call__(self) -> str | None:
        with self._lock:
            try:
                info = os.stat(self.path)
                if self._con is None or self._file != (info.st_dev, info.st_ino):  # a new file at the path
                    if self._con is not None:
                        self._con.close()
                    self._con = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
                    self._file = (info.st_dev, info.st_ino)
                version = self._con.execute("PRAGMA data_version").fetchone()[0]
                return f"sqlite:{info.st_dev}:{info.st_ino}:{version}"
            except (OSError, sqlite3.Error):
                self._con = None  # no store yet, or it went away: nothing is cached
                return None


class _PostgresGeneration:
    RETRY = 60.0  # seconds without caching after the position could not be read, before trying again

    def __init__(self, url: str) -> None:
        self.url = url
        self._con: Any = None
        self._retry_at = 0.0
        self._lock = threading.Lock()

    def __call__(self) -> str | None:
        import psycopg

        with self._lock:
            if time.monotonic() < self._retry_at:
                return None
            try:
                if self._con is None or self._con.closed:
                    self._con = psycopg.connect(self.url.replace("postgresql+psycopg://", "postgresql://"),
                                                autocommit=True, connect_timeout=5)
                row = self._con.execute("SELECT pg_current_wal_insert_lsn()::text").fetchone()
                return f"pg:{row[0]}"
            except psycopg.Error:
                # a standby (no WAL position of its own), a role without the right, a lost connection: no caching
                # for a while rather than a connection tried on every request
                if self._con is not None:
                    self._con.close()
                self._con, self._retry_at = None, time.monotonic() + self.RETRY
                return None


@dataclass
class _Entry:
    generation: str
    stored: float
    start: Message
    body: bytes


class ResponseCache:
    """A pure ASGI middleware: see the module's docstring."""

    def __init__(self, app: ASGIApp, generation: Callable[[], str | None], *, max_age: float = MAX_AGE,
                 max_bytes: int = MAX_BYTES, clock: Callable[[], float] = time.monotonic) -> None:
        self.app, self.generation, self.max_age, self.max_bytes, self.clock = app, generation, max_age, max_bytes, clock
        self._entries: OrderedDict[tuple[str, bytes], _Entry] = OrderedDict()
        self._bytes = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not scope["path"].startswith("/api/") \
                or any(k.lower() == b"authorization" for k, _ in scope.get("headers", [])):  # an analyst's own view
            await self.app(scope, receive, send)
            return
        key = (scope["path"], b"&".join(sorted(bytes(scope.get("query_string", b"")).split(b"&"))))
        generation = self.generation()
        entry = self._entries.get(key)
        if entry is not None and generation is not None and entry.generation == generation \
                and self.clock() - entry.stored <= self.max_age:
            self._entries.move_to_end(key)
            await send({**entry.start, "headers": [*entry.start["headers"], (b"x-frontlines-cache", b"hit")]})
            await send({"type": "http.response.body", "body": entry.body})
            return
        start: Message | None = None
        parts: list[bytes] | None = []
        size = 0

        async def send_and_keep(message: Message) -> None:
            nonlocal start, parts, size
            if message["type"] == "http.response.start":
                start = message
                message = {**message, "headers": [*message.get("headers", []), (b"x-frontlines-cache", b"miss")]}
            elif message["type"] == "http.response.body" and parts is not None:
                parts.append(bytes(message.get("body", b"")))
                size += len(parts[-1])
                if size > MAX_ENTRY:
                    parts = None  # too big to keep (a streamed export): passed through
                elif not message.get("more_body", False):
                    self._keep(key, generation, start, b"".join(parts))
            await send(message)

        await self.app(scope, receive, send_and_keep)

    def _keep(self, key: tuple[str, bytes], generation: str | None, start: Message | None, body: bytes) -> None:
        if generation is None or start is None or start["status"] != 200:
            return
        headers = start.get("headers", [])
        if not any(k.lower() == b"content-type" and v.startswith(b"application/json") for k, v in headers):
            return
        old = self._entries.pop(key, None)
        if old is not None:
            self._bytes -= len(old.body)
        self._entries[key] = _Entry(generation, self.clock(), start, body)
        self._bytes += len(body)
        while self._bytes > self.max_bytes and self._entries:
            _, dropped = self._entries.popitem(last=False)
            self._bytes -= len(dropped.body)
