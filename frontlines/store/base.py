"""The store interface: what every backend (SQLite, PostgreSQL) must do, with the same behaviour.

The store only sees ``frontlines.model`` types. Backends implement ``Store``; ``open_store(url)``
in ``frontlines.store`` picks one from a path or URL.
"""

from __future__ import annotations

import abc
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from frontlines.errors import InvalidParameterError
from frontlines.model import EVENT_COLUMNS, Document, Event

__all__ = ["BOOL_FIELDS", "EVENT_FIELDS", "DocumentQuery", "EventQuery", "IngestResult", "Page", "Store",
           "event_values", "parse_bbox", "parse_day"]

EVENT_FIELDS = [c for c in EVENT_COLUMNS if c not in ("event_id", "year")]  # stored columns besides the key
BOOL_FIELDS = frozenset({"fatalities_aggregate", "date_fallback"})
SORTABLE_EVENT_FIELDS = ("event_date", "fatalities", "confidence", "event_type", "location")


@dataclass
class EventQuery:
    """Filters for events. Every field is optional; strings match case-insensitively."""

    actor: str | None = None  # actor id, or a substring of actor1/actor2 names
    actor_ids: tuple[str, ...] = ()  # knowledge-base ids to match too (the actor and its units: actor_search)
    place: str | None = None  # substring of location/admin1/country
    event_type: str | None = None
    sub_event_type: str | None = None
    modality: str | None = None  # one of MODALITIES, or comma-separated list
    source: str | None = None  # substring of source
    since: str | None = None  # YYYY-MM-DD inclusive
    until: str | None = None  # YYYY-MM-DD inclusive
    bbox: tuple[float, float, float, float] | None = None  # min_lon, min_lat, max_lon, max_lat
    document_id: str | None = None
    text: str | None = None  # full-text search over the evidence/notes
    sort: str = "event_date"  # one of SORTABLE_EVENT_FIELDS, prefix "-" for descending
    limit: int = 100
    offset: int = 0
    # count at most this many matches for Page.total (None: exact). Counting 100k+ matches costs
    # 100s of ms; with a limit, Page.total is then the limit and Page.total_exact is False.
    total_limit: int | None = None


@dataclass
class DocumentQuery:
    q: str | None = None  # full-text search (FTS5 / tsvector)
    source: str | None = None
    since: str | None = None  # on published
    until: str | None = None
    limit: int = 50
    offset: int = 0


@dataclass
class Page:
    items: list[Any]
    total: int
    limit: int
    offset: int
    total_exact: bool = True  # False: at least ``total`` match (EventQuery.total_limit reached)


@dataclass
class IngestResult:
    document_id: str
    added: bool  # False when the same content was already stored (idempotent)
    events: int = 0
    errors: list[str] = field(default_factory=list)


class Store(abc.ABC):
    """A persistent record of documents and everything extracted from them, with provenance."""

    url: str

    # -- writing -------------------------------------------------------------
    @abc.abstractmethod
    def add_document(self, doc: Document) -> IngestResult:
        """Store a processed document (text, blocks, mentions, statements, events) in one
        transaction. Same content hash already stored -> nothing changes, ``added=False``."""

    def add_documents(self, docs: Iterable[Document]) -> list[IngestResult]:
        return [self.add_document(doc) for doc in docs]

    def bulk_load_events(self, events: Iterable[Event], batch_size: int = 10_000) -> int:
        """Fast path for backfills and benchmarks (executemany / COPY), one transaction per batch.
        Returns rows written."""
        total, batch = 0, []
        for event in events:
            batch.append(event)
            if len(batch) >= batch_size:
                total += self._bulk(batch)
                batch = []
        if batch:
            total += self._bulk(batch)
        return total

    @abc.abstractmethod
    def _bulk(self, batch: list[Event]) -> int:
        """Write one batch of events in one transaction (a failed batch is rolled back whole)."""

    # -- reading -------------------------------------------------------------
    @abc.abstractmethod
    def has_document(self, content_hash: str) -> bool: ...

    @abc.abstractmethod
    def get_document(self, document_id: str) -> Document:
        """Full document with mentions, statements and events. Raises StoreNotFoundError."""

    @abc.abstractmethod
    def search_documents(self, query: DocumentQuery) -> Page:
        """Page of document headers (dicts: id, title, published, source, url, snippet)."""

    @abc.abstractmethod
    def search_events(self, query: EventQuery) -> Page:
        """Page of ``Event`` objects."""

    @abc.abstractmethod
    def iter_events(self, query: EventQuery, batch_size: int = 5_000) -> Iterator[Event]:
        """All events matching ``query`` (limit/offset ignored), streamed in batches."""

    @abc.abstractmethod
    def get_event(self, event_id: str) -> Event: ...

    @abc.abstractmethod
    def actors(self, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Actors seen in events: id, name, events, first_date, last_date, aliases seen."""

    @abc.abstractmethod
    def places(self, q: str | None = None, limit: int = 100) -> list[dict[str, Any]]:
        """Places seen in events: location, country, admin1, latitude, longitude, events."""

    @abc.abstractmethod
    def stats(self) -> dict[str, Any]:
        """documents, events, by_type, by_modality, by_month, date range, fatalities."""

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def parse_day(value: str | None, label: str) -> str | None:
    """A YYYY-MM-DD filter value as typed by a user (``label`` names the option in the message)."""
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise InvalidParameterError(f"{label} {value!r} is not a date; use YYYY-MM-DD.") from exc


def parse_bbox(value: str | None, label: str) -> tuple[float, float, float, float] | None:
    """"min_lon,min_lat,max_lon,max_lat" in degrees, min <= max."""
    if not value:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError as exc:
        raise InvalidParameterError(f"{label} {value!r}: use four numbers min_lon,min_lat,max_lon,max_lat.") from exc
    if len(parts) != 4:
        raise InvalidParameterError(f"{label} {value!r}: use four numbers min_lon,min_lat,max_lon,max_lat.")
    min_lon, min_lat, max_lon, max_lat = parts
    inside = all(-180 <= x <= 180 for x in (min_lon, max_lon)) and all(-90 <= y <= 90 for y in (min_lat, max_lat))
    if not inside or min_lon > max_lon or min_lat > max_lat:
        raise InvalidParameterError(
            f"{label} {value!r}: use min_lon,min_lat,max_lon,max_lat with min <= max, longitudes within ±180 and "
            "latitudes within ±90."
        )
    return min_lon, min_lat, max_lon, max_lat


def event_values(ev: Event, document_id: str | None, known: set[str]) -> list[Any]:
    """Column values of an event row (``event_id``, ``EVENT_FIELDS``, evidence start and end); in a bulk load
    (no ``document_id``) the event links only to ``known`` (stored) documents."""
    data = ev.to_dict()
    values = [data["event_id"]]
    for name in EVENT_FIELDS:
        value = data.get(name)
        if name == "document_id":
            value = document_id if document_id is not None else (value if value in known else None)
        values.append(bool(value) if name in BOOL_FIELDS and value is not None else value)
    values += [ev.evidence.get("start"), ev.evidence.get("end")]
    return values

