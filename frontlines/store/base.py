"""The store interface: what every backend (SQLite, PostgreSQL) must do, with the same behaviour.

The store only sees ``frontlines.model`` types. Backends implement ``Store``; ``open_store(url)``
in ``frontlines.store`` picks one from a path or URL.
"""

from __future__ import annotations

import abc
import dataclasses
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from frontlines.errors import InvalidParameterError
from frontlines.model import EVENT_COLUMNS, Document, Event, http_url
from frontlines.store import framing
from frontlines.store.analysis import AnalysisRecords
from frontlines.store.cluster_overrides import ClusterOverrideRecords
from frontlines.store.corrections import CorrectionRecords
from frontlines.store.feeds import FeedRecords
from frontlines.store.jobs import BackfillRecords
from frontlines.store.rollups import box_parts, cell_box, month_split, unit_of_months, year_split

__all__ = ["BOOL_FIELDS", "COUNT_MODES", "DISTINCT_SQL", "EVENT_FIELDS", "FINE_ZOOM", "GROUP_KEYS", "Bbox", "MAX_FILTER_CHARS", "MAX_LIMIT", "MAX_OFFSET", "MAX_ZOOM",
           "POINT_FIELDS", "DocumentQuery", "EventQuery", "IngestResult", "Page", "Store", "QUERY_FILTERS", "add_groups", "as_revision", "cell_range", "check_lengths",
           "check_page", "distinct_clause", "event_values", "grid_cell", "is_filtered", "month_totals_answer", "parse_bbox", "parse_day", "revision_ids", "safe_url"]

EVENT_FIELDS = [c for c in EVENT_COLUMNS if c not in ("event_id", "year")]  # stored columns besides the key
BOOL_FIELDS = frozenset({"fatalities_aggregate", "date_fallback"})
SORTABLE_EVENT_FIELDS = ("event_date", "fatalities", "confidence", "event_type", "location")
# what the store groups events by for the dashboard's aggregates: the grid cell of a map zoom, the day, the type
# and the modality; each grouped row also carries count, fatalities, summed coordinates and the first row id
GROUP_KEYS = ("cell_x", "cell_y", "day", "type", "modality")
MAX_ZOOM = 18
GRID_CELL_PX = 64  # a map bucket is about 64 screen pixels wide at its zoom (256-pixel web-mercator tiles)
FINE_ZOOM = 10  # map zooms up to this one add up cells of this zoom (the SQLite store indexes them: events_cells)
POINT_FIELDS = ("event_id", "event_date", "event_type", "sub_event_type", "actor1", "actor2", "location",
                "latitude", "longitude", "fatalities", "fatalities_aggregate", "modality", "source", "document_id")
WEEK_UNIT_MAX_DAYS = 2 * 366  # a timeline over at most about two years is drawn by week, longer ones by month
MAX_LIMIT = 10_000  # rows in one page: more is an export (iter_events, /api/export.*), not a page
MAX_OFFSET = 10**12  # far beyond any store, far below the 64-bit integers SQLite and PostgreSQL take
MAX_FILTER_CHARS = 500  # a filter longer than this is not a name or a phrase (and LIKE patterns get slow)
COUNT_MODES = ("reports", "clusters")
# An event counts as a distinct event (EventQuery.count == "clusters") unless another report of its same-event
# cluster that matches the same filters (``{filters}``: the query's clauses on alias ``o``) ranks before it: a higher
# toll (aggregate tolls count 0), then a smaller id. Unclustered events count as themselves. SQL of both backends.
_TOLL = "CASE WHEN {a}.fatalities_aggregate THEN 0 ELSE coalesce({a}.fatalities, 0) END"
# ``{events}``: the events table as alias ``o`` (SQLite names its cluster index: left free, it may read the other
# reports by a filter's index, the modality or the type, for every event)
DISTINCT_SQL = ("NOT EXISTS (SELECT 1 FROM {events} WHERE o.cluster_id = e.cluster_id AND o.event_id <> e.event_id"
                "{filters} AND (" + _TOLL.format(a="o") + " > " + _TOLL.format(a="e") + " OR ("
                + _TOLL.format(a="o") + " = " + _TOLL.format(a="e") + " AND o.event_id < e.event_id)))")
# the report that stands for its cluster, and every event in no cluster (a column both stores keep)
REPRESENTS = "e.represents = TRUE"
_TEXT_FILTERS = ("actor", "place", "event_type", "sub_event_type", "modality", "source", "document_id", "text")


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
    # "reports": every stored report; "clusters": one per distinct event (a same-event cluster kept at ingest,
    # issue 13), its report with the highest toll among the matches (``DISTINCT_SQL``)
    count: str = "reports"

    def __post_init__(self) -> None:
        check_page(self.limit, self.offset)
        if self.count not in COUNT_MODES:
            raise InvalidParameterError(f"count {self.count!r} is unknown; use reports (every report) or clusters "
                                        "(distinct events).")
        if self.total_limit is not None and not 1 <= self.total_limit <= MAX_OFFSET:
            raise InvalidParameterError(f"total_limit {self.total_limit} is out of range; use 1 to {MAX_OFFSET}.")
        check_lengths(self, _TEXT_FILTERS)


@dataclass
class DocumentQuery:
    q: str | None = None  # full-text search (FTS5 / tsvector)
    source: str | None = None
    since: str | None = None  # on published
    until: str | None = None
    limit: int = 50
    offset: int = 0

    def __post_init__(self) -> None:
        check_page(self.limit, self.offset)
        check_lengths(self, ("q", "source"))


@dataclass
class Page:
    items: list[Any]
    total: int
    limit: int
    offset: int
    total_exact: bool = True  # False: at least ``total`` match (EventQuery.total_limit reached)


@dataclass
class IngestResult:
    document_id: str  # the id it is stored under (see ``revision_of``)
    added: bool  # False when the same content was already stored (idempotent)
    events: int = 0
    errors: list[str] = field(default_factory=list)
    # the id the document came with, when another text already held it: nothing is replaced, the new
    # text is stored as a revision under ``document_id`` ("report~2")
    revision_of: str | None = None

    def note(self) -> str | None:
        """A sentence for the user when the document was stored under another id than its own."""
        if self.revision_of is None:
            return None
        return (f"id {self.revision_of!r} already holds a different text; this one is stored as "
                f"{self.document_id!r} and nothing was replaced.")


class Store(FeedRecords, BackfillRecords, AnalysisRecords, CorrectionRecords, ClusterOverrideRecords, abc.ABC):
    """A persistent record of documents and everything extracted from them, with provenance; the state of
    watched feeds (``feeds.FeedRecords``), the backfill job table (``jobs.BackfillRecords``) and the
    cross-document analysis (``analysis.AnalysisRecords``: ledger, control, relations) and the analysts'
    corrections of events (``corrections.CorrectionRecords``) and of clusters (``cluster_overrides``) come with it."""

    url: str

    # -- grouped counts, shared by the backends ---------------------------------
    @abc.abstractmethod
    def _from_rollup(self, q: EventQuery, keys: tuple[str, ...], cell: float, view: Bbox | None,
                     table: str = "event") -> list[tuple[Any, ...]] | None:
        """The grouped rows from the running totals (``table`` "distinct": the representatives' alone) when the
        query's filters are only type and modality (and dates, for days); None when they cannot answer it."""

    @abc.abstractmethod
    def _grouped_rows(self, query: EventQuery, keys: tuple[str, ...], cell: float, positions: bool,
                      view: Bbox | None, apart: bool = False) -> list[tuple[Any, ...]]:
        """``_grouped`` from the event rows; ``apart``: only the reports of ``_distinct_rollup``'s second part."""

    def _distinct_rollup(self, q: EventQuery, keys: tuple[str, ...], cell: float,
                         view: Bbox | None) -> list[tuple[Any, ...]] | None:
        """Distinct events grouped as the running totals group them, when the filters are theirs: the
        representatives' running totals, plus the other reports that rank first on their day, type and modality in
        their cluster and that no matching report of their cluster outranks. None otherwise."""
        totals = self._from_rollup(q, keys, cell, view, table="distinct")
        if totals is None or not is_filtered(q):  # unfiltered: every representative matches, and only they count
            return totals
        return add_groups(totals, self._grouped_rows(q, keys, cell, "cell_x" in keys, view, apart=True), len(keys))

    def _month_totals(self, q: EventQuery, first: str | None, last: str | None) -> list[tuple[Any, ...]] | None:
        """Rows ``(month "YYYY-MM" or None for undated, type, events, fatalities)`` of the whole months ``first`` to
        ``last`` (None: open; both None: undated events too) from running totals per month, when the query's
        other filters are theirs (type and modality, with actor ids or a place); None when they cannot answer it
        (the default: a backend without month totals)."""
        return None

    def _month_rows(self, q: EventQuery) -> list[tuple[Any, ...]] | None:
        """Matches of ``q`` grouped by month and type (``_month_totals``' rows): the whole months of its dates from
        the month totals, the partial months at their edges from ``_grouped`` by day. None when the month totals
        cannot answer its filters."""
        split = month_split(q.since, q.until)
        rows = self._month_totals(q, split.first, split.last) if split.whole else []
        if rows is None:
            return None
        for since, until in split.edges:
            edge = dataclasses.replace(q, since=since, until=until)
            rows += [(day[:7] if day else None, kind, n, dead) for day, kind, n, dead, *_ in
                     self._grouped(edge, ("day", "type"))]
        return rows

    def _cell_totals(self, q: EventQuery, unit: str, first: str | None, last: str | None,
                     view: Bbox | None) -> list[tuple[Any, ...]] | None:
        """Map rows ``(cx, cy, type, events, fatalities, lon_sum, lat_sum, first rid)`` of the zoom-10 cells meeting
        ``view`` over the whole months or years (``unit``) ``first`` to ``last`` ("YYYY-MM" or "YYYY", None: open)
        from running totals per period and cell, for a query filtered by no more than type and modality besides;
        None when the backend has none (the default)."""
        return None

    def _dated_cells(self, q: EventQuery, keys: tuple[str, ...], cell: float,
                     view: Bbox | None) -> list[tuple[Any, ...]] | None:
        """Map cells of a query filtered by dates besides type and modality: the whole years of its range from the
        year and cell totals, the whole months of its edge years from the month and cell totals (``_cell_totals``),
        the days of its edge months from their events (``rollups.year_split``, ``month_split``). None for other
        queries, or when the backend has no such totals."""
        if not dated_cells_answer(q, keys, cell):
            return None
        years = year_split(q.since, q.until)
        spans = [("year", years.first, years.last)] if years.whole else []
        days: list[tuple[str, str]] = []
        for since, until in years.edges:  # at most two partial years
            months = month_split(since, until)
            spans += [("month", months.first, months.last)] if months.whole else []
            days += months.edges
        rows: list[tuple[Any, ...]] = []
        for unit, first, last in spans:
            totals = self._cell_totals(q, unit, first, last, view)
            if totals is None:
                return None
            rows = add_groups(rows, totals, len(keys))
        for since, until in days:  # at most two partial months, each a month of events at most
            edge = self._grouped_rows(dataclasses.replace(q, since=since, until=until), keys, cell, True, view)
            rows = add_groups(rows, edge, len(keys))
        return rows

    def _box_rollup(self, q: EventQuery, keys: tuple[str, ...], cell: float, positions: bool,
                    view: Bbox | None) -> list[tuple[Any, ...]] | None:
        """Map cells of a query filtered by a bbox besides type and modality: the cells wholly inside the bbox from
        the cell totals (``_from_rollup``), the cells its edges cut from their events, exact on the bbox
        (``rollups.box_parts``). None for other queries."""
        active = {name for name in QUERY_FILTERS if getattr(q, name)} | ({"actor"} if q.actor_ids else set())
        if (keys != ("cell_x", "cell_y", "type") or cell != grid_cell(FINE_ZOOM) or q.bbox is None
                or q.count != "reports" or not active - {"bbox"} <= {"event_type", "modality"}):
            return None
        inner, ring = box_parts(q.bbox, cell, cell_range(view, cell) if view else None)
        rows: list[tuple[Any, ...]] = []
        if inner is not None:
            totals = self._from_rollup(dataclasses.replace(q, bbox=None), keys, cell, cell_box(inner, cell))
            if totals is None:
                return None
            rows += totals
        for strip in ring:  # disjoint cells: their rows never share a group
            rows += self._grouped_rows(q, keys, cell, positions, cell_box(strip, cell))
        return rows

    # -- writing -------------------------------------------------------------
    @abc.abstractmethod
    def add_document(self, doc: Document) -> IngestResult:
        """Store a processed document (text, blocks, mentions, statements, events) in one
        transaction. Same content hash already stored -> nothing changes, ``added=False``. An id
        already held by another text is never overwritten: the document is stored as a revision
        (``as_revision``) and ``IngestResult.revision_of`` names the id it came with."""

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

    def replace_events(self, document_id: str, events: Sequence[Event]) -> dict[str, Any]:
        """A re-extraction of one stored document: its event rows (and their cluster rows) are replaced by
        ``events`` in one transaction, and the document is marked unanalysed (``analysis.update.refresh``, or
        ``analysis.corrected.reextract`` at once, places them again). The analysts' overrides follow their events
        through a renumbering (``CorrectionRecords.reattach``); those whose event is not extracted again stay,
        marked orphaned. Returns ``{"events", "reattached": {old id: new id}, "orphaned": [ids]}``."""
        self.get_document(document_id)  # an unknown document: StoreNotFoundError
        ids = [ev.event_id for ev in events]
        if len(set(ids)) != len(ids):
            raise InvalidParameterError(f"the events of {document_id!r} repeat an event id; each must be unique.")
        with self.transaction():
            self._feed_sql("DELETE FROM events WHERE document_id = ?", [document_id])
            self._feed_sql("DELETE FROM analysed_documents WHERE document_id = ?", [document_id])
            self.reattached = {}
            self._write_events([dataclasses.replace(ev, document_id=document_id) for ev in events], document_id)
            orphaned = self.mark_orphans(document_id, ids)
        return {"events": len(ids), "reattached": dict(sorted(self.reattached.items())), "orphaned": orphaned}

    reattached: dict[str, str]  # {old id: new id} of the overrides moved since replace_events began

    def replace_extraction(self, doc: Document) -> dict[str, Any]:
        """A re-extraction of the stored document ``doc.id`` (its stored text, extracted again): its blocks, stage
        list, mentions and statements as extracted now, and its events (``replace_events``: the analysts'
        overrides follow), in one transaction. Returns what ``replace_events`` returns."""
        self.get_document(doc.id)  # an unknown document: StoreNotFoundError
        with self.transaction():
            self._replace_parts(doc)
            return self.replace_events(doc.id, doc.events)

    @abc.abstractmethod
    def _replace_parts(self, doc: Document) -> None:
        """Replace one stored document's blocks, stages, mentions and statements (the caller holds the
        transaction)."""

    @abc.abstractmethod
    def _write_events(self, events: list[Event], document_id: str) -> int:
        """Insert one document's events (the caller holds the transaction); overrides are re-attached to them."""

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

    def sizes(self) -> dict[str, int]:
        """How many documents and events are stored (cheap: the dashboard shows it on every load)."""
        return {"documents": self._count("documents"), "events": self._count("events")}

    @abc.abstractmethod
    def _count(self, table: str) -> int:
        """Rows in ``documents`` or ``events``."""

    # -- aggregates (the dashboard's map, timeline and counts; computed by the database) -------
    def _grouped(self, query: EventQuery, keys: tuple[str, ...], cell: float = 1.0,
                 positions: bool = False, view: Bbox | None = None) -> list[tuple[Any, ...]]:
        """Events matching ``query`` (limit, offset and sort ignored) grouped by ``keys`` (``GROUP_KEYS``; the
        grid cells are ``cell`` degrees wide and rows without coordinates are then left out): rows of
        ``(*keys, events, fatalities)``, with ``positions`` also the sums of longitudes and latitudes and the
        first row id; fatalities leave out aggregate tolls ("5,000 dead since May"); days are ISO strings
        (None when undated). ``view`` keeps the grid cells that meet it (a map viewport, at cell precision,
        unlike the exact ``query.bbox``). From the running totals where they can answer, else from the rows."""
        if query.count == "reports":
            rollup = self._from_rollup(query, keys, cell, view)
        else:
            rollup = self._distinct_rollup(query, keys, cell, view)
        if rollup is None:
            rollup = self._dated_cells(query, keys, cell, view)
        if rollup is None:
            rollup = self._box_rollup(query, keys, cell, positions, view)
        if rollup is not None:
            return rollup
        return self._grouped_rows(query, keys, cell, positions, view)

    @abc.abstractmethod
    def _events_by_rid(self, rids: list[int]) -> dict[int, Event]:
        """The events with these row ids (the ``first row id`` of ``_grouped``), by row id."""

    def counts(self, query: EventQuery) -> dict[str, Any]:
        """Matches of ``query``: exact number, fatalities (aggregate tolls left out) and number by type."""
        months = self._month_rows(query)
        return _totals(months if months is not None else self._grouped(query, ("day", "type")))

    def timeline(self, query: EventQuery, unit: str = "auto") -> dict[str, Any]:
        """Dated matches of ``query`` per week (Monday first) or month: ``{"unit", "bins": [{"start", "end",
        "events", "fatalities", "by_type"}], "totals"}``, oldest first, empty periods left out; ``totals`` are
        ``counts(query)`` (undated matches included), from the same rows. ``auto``: weeks when the matches span
        at most about two years, else months."""
        if unit not in ("auto", "week", "month"):
            raise InvalidParameterError(f"unit {unit!r} is unknown; use auto, week or month.")
        if unit != "week":  # by month from the month totals when they answer the filters and settle the unit
            months = self._month_rows(query)
            if months is not None:
                chosen = "month" if unit == "month" else unit_of_months(months, WEEK_UNIT_MAX_DAYS)
                if not any(r[0] for r in months):  # nothing dated: no bins, whatever the unit
                    return _timeline(months, chosen or "week", {})
                if chosen == "month":
                    starts = {m: date.fromisoformat(m + "-01") for m in {r[0] for r in months if r[0]}}
                    return _timeline(months, "month", starts)
                unit = chosen or unit
        grouped = self._grouped(query, ("day", "type"))
        days = {day: date.fromisoformat(day) for day in {r[0] for r in grouped if r[0]}}  # once per day, not per row
        if unit == "auto":
            span = (max(days.values()) - min(days.values())).days if days else 0
            unit = "week" if span <= WEEK_UNIT_MAX_DAYS else "month"
        starts = {day: d - timedelta(days=d.weekday()) if unit == "week" else d.replace(day=1) for day, d in days.items()}
        return _timeline(grouped, unit, starts)

    def map_grid(self, query: EventQuery, zoom: int, max_points: int = 1_000,
                 view: Bbox | None = None, frame: tuple[int, int] | None = None) -> dict[str, Any]:
        """Matches of ``query`` with coordinates, in grid buckets about 64 pixels wide at map ``zoom``: each
        bucket has its events' mean position, events, fatalities, counts by type and its cell's bounds; a bucket
        of one event carries that event (``POINT_FIELDS``) while there are at most ``max_points`` such. Up to
        ``FINE_ZOOM`` the store groups by that zoom's cells, which are added up here (cells nest: a cell of
        zoom z is 2**(FINE_ZOOM - z) fine cells wide). ``view`` (a viewport) keeps the fine cells that meet
        it; ``extent`` is then that of the events in view. ``frame`` (a map's width and height in pixels, instead of
        ``zoom`` and ``view``): the map framing every match (``framing.frame`` of their ``extent``) and the buckets of
        that view, from one read of the fine cells; ``frame`` in the answer gives its zoom, centre and view."""
        framed, extent = None, None
        if frame:
            rows = self._grouped(query, ("cell_x", "cell_y", "type"), grid_cell(FINE_ZOOM), positions=True)
            extent = _extent(rows)
            if extent:
                zoom, _, view = framed = framing.frame(extent, *frame)
                x0, x1, y0, y1 = cell_range(view, grid_cell(FINE_ZOOM))  # the fine cells that meet it, as a view does
                rows = [r for r in rows if x0 <= r[0] <= x1 and y0 <= r[1] <= y1]
        cell = grid_cell(zoom)
        shift = max(0, FINE_ZOOM - zoom)
        buckets: dict[tuple[int, int], dict[str, Any]] = {}
        if not frame:
            rows = self._grouped(query, ("cell_x", "cell_y", "type"), grid_cell(max(zoom, FINE_ZOOM)), positions=True,
                                 view=view)
        for cx, cy, event_type, n, dead, lon_sum, lat_sum, first in rows:
            b = buckets.setdefault((cx >> shift, cy >> shift), {"events": 0, "fatalities": 0, "lon": 0.0, "lat": 0.0,
                                                                "by_type": {}, "first": first})
            b["events"] += n
            b["fatalities"] += dead or 0
            b["lon"] += lon_sum
            b["lat"] += lat_sum
            b["first"] = min(b["first"], first)
            b["by_type"][event_type] = b["by_type"].get(event_type, 0) + n
        singles = [b["first"] for b in buckets.values() if b["events"] == 1]
        points = {} if len(singles) > max_points else dict(self._points(singles))
        items = []
        for (cx, cy), b in buckets.items():
            item = {"longitude": round(b["lon"] / b["events"], 5), "latitude": round(b["lat"] / b["events"], 5),
                    "events": b["events"], "fatalities": b["fatalities"], "by_type": _ranked(b["by_type"]),
                    "bounds": _cell_bounds(cx, cy, cell)}
            if b["events"] == 1 and b["first"] in points:
                item["event"] = points[b["first"]]
            items.append(item)
        items.sort(key=lambda i: (-i["events"], i["longitude"], i["latitude"]))
        answer = {"zoom": zoom, "cell": cell, "events": sum(i["events"] for i in items),
                  "extent": extent if frame else _extent(rows), "buckets": items}
        if framed:
            answer["frame"] = {"zoom": zoom, "center": [round(v, 6) for v in framed[1]],
                               "view": [round(v, 4) for v in framed[2]]}
        return answer

    def _points(self, rids: list[int]) -> Iterator[tuple[int, dict[str, Any]]]:
        for i in range(0, len(rids), 500):
            chunk = rids[i:i + 500]
            for rid, ev in self._events_by_rid(chunk).items():
                yield rid, {name: getattr(ev, name) for name in POINT_FIELDS}

    @abc.abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


Bbox = tuple[float, float, float, float]  # min_lon, min_lat, max_lon, max_lat


def cell_range(box: Bbox, cell: float) -> list[int]:
    """The grid cells (first and last column, first and last row) that a box meets."""
    return [int((box[0] + 180) // cell), int((box[2] + 180) // cell), int((box[1] + 90) // cell),
            int((box[3] + 90) // cell)]


def grid_cell(zoom: int) -> float:
    """The width in degrees of a map bucket at ``zoom`` (0 to ``MAX_ZOOM``): 22.5 at zoom 2, 0.35 at zoom 8."""
    if not 0 <= zoom <= MAX_ZOOM:
        raise InvalidParameterError(f"zoom {zoom} is out of range; use 0 to {MAX_ZOOM}.")
    return 360 / 2.0**zoom * GRID_CELL_PX / 256


def _totals(rows: list[tuple[Any, ...]]) -> dict[str, Any]:
    """Exact number, fatalities and number by type of ``(day, type, events, fatalities)`` rows."""
    by_type: dict[str, int] = {}
    events = fatalities = 0
    for _day, event_type, n, dead, *_ in rows:
        by_type[event_type] = by_type.get(event_type, 0) + n
        events += n
        fatalities += dead or 0
    return {"events": events, "fatalities": fatalities, "by_type": _ranked(by_type)}


def _timeline(rows: list[tuple[Any, ...]], unit: str, starts: dict[str, date]) -> dict[str, Any]:
    """``Store.timeline``'s answer from ``(period key, type, events, fatalities)`` rows; ``starts``: each dated
    key's bin (its week's Monday or its month's first day)."""
    bins: dict[date, dict[str, Any]] = {}
    for key, event_type, n, dead, *_ in rows:
        if not key:
            continue
        b = bins.get(starts[key])
        if b is None:
            b = bins[starts[key]] = {"events": 0, "fatalities": 0, "by_type": {}}
        b["events"] += n
        b["fatalities"] += dead or 0
        b["by_type"][event_type] = b["by_type"].get(event_type, 0) + n
    return {"unit": unit, "bins": [{"start": start.isoformat(), "end": _period_end(start, unit).isoformat(),
                                    **b, "by_type": _ranked(b["by_type"])} for start, b in sorted(bins.items())],
            "totals": _totals(rows)}


def _extent(rows: list[tuple[Any, ...]], trim: float = 0.02) -> list[float] | None:
    """[west, south, east, north] of grouped map rows (fine cells: their mean positions, weighted by events)
    between the ``trim`` and 1 - ``trim`` quantiles, so that a few mis-geocoded events far away do not make
    the dashboard frame a continent; every row counts while there are at most 50 events."""
    points = [(r[5] / r[3], r[6] / r[3], r[3]) for r in rows]
    total = sum(n for *_, n in points)
    if not total:
        return None
    cut = total * trim if total > 50 else 0

    def bounds(axis: int) -> tuple[float, float]:
        ordered = sorted((p[axis], p[2]) for p in points)
        low = next(v for v, seen in _cumulative(ordered) if seen > cut)
        high = next(v for v, seen in _cumulative(reversed(ordered)) if seen > cut)
        return round(low, 5), round(high, 5)

    (west, east), (south, north) = bounds(0), bounds(1)
    return [west, south, east, north]


def _cumulative(values: Iterable[tuple[float, int]]) -> Iterator[tuple[float, int]]:
    seen = 0
    for value, n in values:
        seen += n
        yield value, seen


def _ranked(counts: dict[str, int]) -> dict[str, int]:
    """Counts, largest first (ties by name)."""
    return dict(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))


def _cell_bounds(cx: int, cy: int, cell: float) -> list[float]:
    """[min_lon, min_lat, max_lon, max_lat] of grid cell (cx, cy), clipped to the world."""
    return [round(max(-180.0, cx * cell - 180), 6), round(max(-90.0, cy * cell - 90), 6),
            round(min(180.0, (cx + 1) * cell - 180), 6), round(min(90.0, (cy + 1) * cell - 90), 6)]


def _period_end(start: date, unit: str) -> date:
    if unit == "week":
        return start + timedelta(days=6)
    following = date(start.year + (start.month == 12), start.month % 12 + 1, 1)
    return following - timedelta(days=1)


# the filters of an event query (with ``actor_ids``): what the running totals cannot answer beyond type, modality, dates
QUERY_FILTERS = ("actor", "place", "event_type", "sub_event_type", "modality", "source", "since", "until", "document_id",
                 "bbox", "text")


def is_filtered(q: EventQuery) -> bool:
    """Whether the query filters the events at all."""
    return bool(q.actor_ids) or any(getattr(q, name) for name in QUERY_FILTERS)


def month_totals_answer(q: EventQuery) -> bool:
    """Whether the month running totals (SQLite migration 19, PostgreSQL schema 16) can answer ``q``: reports, not
    distinct events, filtered by no more than type, modality, dates and either a place or actor ids."""
    active = {name for name in QUERY_FILTERS if getattr(q, name)} - {"since", "until"}
    return q.count == "reports" and active - {"place"} <= {"event_type", "modality"} and not (q.place and q.actor_ids)


def dated_cells_answer(q: EventQuery, keys: tuple[str, ...], cell: float) -> bool:
    """Whether ``Store._dated_cells`` answers: map cells at the finest zoom of reports filtered by dates and by no
    more than type and modality besides."""
    active = {name for name in QUERY_FILTERS if getattr(q, name)} | ({"actor"} if q.actor_ids else set())
    return (keys == ("cell_x", "cell_y", "type") and cell == grid_cell(FINE_ZOOM) and q.count == "reports"
            and bool(q.since or q.until) and active <= {"event_type", "modality", "since", "until"})


def add_groups(rows: list[tuple[Any, ...]], more: list[tuple[Any, ...]], keys: int) -> list[tuple[Any, ...]]:
    """Grouped rows (``keys`` key columns, then events, fatalities and, for map cells, the sums of longitudes and
    latitudes and the first row id) with those of ``more`` added group by group."""
    out = {r[:keys]: list(r[keys:]) for r in rows}
    for r in more:
        have = out.get(r[:keys])
        if have is None:
            out[r[:keys]] = list(r[keys:])
            continue
        for i, value in enumerate(r[keys:]):
            if i == 4:  # the first row id: the smaller
                have[i] = value if have[i] is None else min(have[i], value) if value is not None else have[i]
            else:
                have[i] = (have[i] or 0) + (value or 0)
    return [(*k, *v) for k, v in out.items()]


def distinct_clause(clauses: list[str], events: str = "events o") -> str:
    """Whether event ``e`` counts as a distinct event among the matches of ``clauses``. The report that stands for
    its whole cluster (``events.represents``, kept by the stores' triggers: the highest toll, then the smallest id;
    every unclustered event) always does, so without filters the flag alone answers. With filters, another report
    counts when none of its cluster that ranks before it matches too (``DISTINCT_SQL``, with the query's clauses
    applied to the other report, alias ``o``, read from ``events``: the cluster's other reports by
    ``events.cluster_id``); their parameters are passed a second time, after those of ``clauses`` (none without
    filters)."""
    if not clauses:
        return REPRESENTS
    other = " AND ".join(re.sub(r"\be\.", "o.", c) for c in clauses)
    return f"({REPRESENTS} OR {DISTINCT_SQL.format(events=events, filters=f' AND {other}')})"


def check_page(limit: int, offset: int) -> None:
    """A page size of 1 to ``MAX_LIMIT`` and an offset of 0 to ``MAX_OFFSET`` (SQLite reads LIMIT -1 as
    "no limit", and integers past 2**63 overflow both databases)."""
    if not 1 <= limit <= MAX_LIMIT:
        raise InvalidParameterError(f"limit {limit} is out of range; use 1 to {MAX_LIMIT} (export for more).")
    if not 0 <= offset <= MAX_OFFSET:
        raise InvalidParameterError(f"offset {offset} is out of range; use 0 to {MAX_OFFSET}.")


def check_lengths(query: object, names: Iterable[str]) -> None:
    for name in names:
        value = getattr(query, name)
        if isinstance(value, str) and len(value) > MAX_FILTER_CHARS:
            raise InvalidParameterError(f"{name} filter is {len(value):,} characters long; use at most "
                                        f"{MAX_FILTER_CHARS}.")


def safe_url(value: str | None) -> str | None:
    """The URL when it is an absolute http(s) link, else None: a stored ``javascript:`` or ``data:`` URL
    must never become a clickable link (``model.http_url``, the one check ingest makes too)."""
    return http_url(value)


def as_revision(doc: Document, stored_id: str) -> Document:
    """The document as it is written: its link checked, under ``stored_id`` (a revision's id when
    another text holds ``doc.id``; the pipeline's event ids come from the content, so they stay)."""
    url = safe_url(doc.url)
    if stored_id == doc.id and url == doc.url:
        return doc
    meta = doc.meta if stored_id == doc.id else {**doc.meta, "revision_of": doc.id}
    return dataclasses.replace(doc, id=stored_id, url=url, meta=meta)


def revision_ids(doc_id: str) -> Iterator[str]:
    """Ids to try, in order, for a document whose id is held by another text."""
    n = 2
    while True:
        yield f"{doc_id}~{n}"
        n += 1


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

