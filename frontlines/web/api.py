"""The JSON API: documents, events, actors, places, network, statistics and streamed exports.

Every handler parses parameters, calls the store, shapes the answer; errors are raised as
``FrontlinesError`` subclasses and rendered by ``app.py`` into the one error body.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from frontlines import export
from frontlines.errors import InvalidParameterError
from frontlines.model import MODALITIES
from frontlines.store import DocumentQuery, EventQuery, Store, open_store

__all__ = ["event_query", "router", "store_dependency"]

router = APIRouter(prefix="/api")
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}


def store_dependency(request: Request) -> Iterator[Store]:
    """One store connection per request (SQLite connections are not shared across threads)."""
    store = open_store(request.app.state.store_url)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(store_dependency)]


def _date(name: str, value: str | None) -> str | None:
    if value is None or value == "":
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as exc:
        raise InvalidParameterError(f"{name}={value!r} is not a date; use YYYY-MM-DD.") from exc


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    if not value:
        return None
    try:
        parts = tuple(float(x) for x in value.split(","))
    except ValueError as exc:
        raise InvalidParameterError(f"bbox={value!r}: use four numbers min_lon,min_lat,max_lon,max_lat.") from exc
    if len(parts) != 4 or parts[0] > parts[2] or parts[1] > parts[3] or not (-180 <= parts[0] <= 180 and -90 <= parts[1] <= 90):
        raise InvalidParameterError(f"bbox={value!r}: use min_lon,min_lat,max_lon,max_lat with min <= max, in degrees.")
    return parts  # type: ignore[return-value]


def event_query(
    actor: str | None = None, place: str | None = None, type: str | None = None, sub_type: str | None = None,
    modality: str | None = None, source: str | None = None, since: str | None = None, until: str | None = None,
    bbox: str | None = None, q: str | None = None, document: str | None = None, sort: str = "-event_date",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Annotated[int, Query(ge=0)] = 0,
) -> EventQuery:
    if modality:
        unknown = [m for m in modality.split(",") if m.strip() not in MODALITIES]
        if unknown:
            raise InvalidParameterError(f"modality {unknown[0]!r} is unknown; use one of {', '.join(MODALITIES)}.")
    return EventQuery(actor=actor, place=place, event_type=type, sub_event_type=sub_type, modality=modality,
                      source=source, since=_date("since", since), until=_date("until", until), bbox=_bbox(bbox),
                      text=q, document_id=document, sort=sort, limit=limit, offset=offset)


QueryDep = Annotated[EventQuery, Depends(event_query)]


@router.get("/events", summary="Events matching filters, paginated")
def events(store: StoreDep, query: QueryDep) -> dict[str, Any]:
    page = store.search_events(query)
    return {"total": page.total, "limit": page.limit, "offset": page.offset,
            "items": [e.to_dict() for e in page.items]}


@router.get("/events/{event_id}", summary="One event with every source document")
def event(store: StoreDep, event_id: str) -> dict[str, Any]:
    ev = store.get_event(event_id)
    sources = []
    if ev.document_id:
        doc = store.get_document(ev.document_id)
        sources.append({"document_id": doc.id, "title": doc.title, "published": doc.published.isoformat() if doc.published else None,
                        "source": ev.source or doc.source, "url": doc.url, "evidence": ev.evidence, "notes": ev.notes})
    return {"event": ev.to_dict(), "sources": sources}


@router.get("/documents", summary="Documents: full-text search and filters")
def documents(store: StoreDep, q: str | None = None, source: str | None = None, since: str | None = None,
              until: str | None = None, limit: Annotated[int, Query(ge=1, le=500)] = 50,
              offset: Annotated[int, Query(ge=0)] = 0) -> dict[str, Any]:
    page = store.search_documents(DocumentQuery(q=q, source=source, since=_date("since", since),
                                                until=_date("until", until), limit=limit, offset=offset))
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": page.items}


@router.get("/documents/{document_id:path}", summary="A document with its text, blocks, mentions, statements and events")
def document(store: StoreDep, document_id: str) -> dict[str, Any]:
    doc = store.get_document(document_id)
    return {**doc.to_dict(), "text": doc.text}


@router.get("/actors", summary="Actors seen in events")
def actors(store: StoreDep, q: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    return {"items": store.actors(q, limit)}


@router.get("/actors/{actor_id}", summary="An actor: aliases, timeline by month, counterparts")
def actor(store: StoreDep, actor_id: str) -> dict[str, Any]:
    from frontlines.errors import KnowledgeError, StoreNotFoundError
    from frontlines.knowledge.actors import get_actor_kb

    events = list(store.iter_events(EventQuery(actor=actor_id)))
    try:
        known = get_actor_kb().get(actor_id)
        info: dict[str, Any] = {"id": known.id, "name": known.name, "type": known.type, "country": known.country,
                                "aliases": list(known.aliases), "parent": known.parent}
    except KnowledgeError:
        if not events:
            raise StoreNotFoundError(f"No actor {actor_id!r} in the knowledge base or the store.") from None
        info = {"id": actor_id, "name": events[0].actor1 if events[0].actor1_id == actor_id else events[0].actor2}
    timeline = Counter((e.event_date or "")[:7] for e in events if e.event_date)
    counterparts: Counter[str] = Counter()
    for e in events:
        other = e.actor2 if e.actor1_id == actor_id else e.actor1
        if other:
            counterparts[other] += 1
    return {"actor": info, "events": len(events), "timeline": dict(sorted(timeline.items())),
            "relations": [{"actor": a, "events": n} for a, n in counterparts.most_common(20)]}


@router.get("/places", summary="Places seen in events")
def places(store: StoreDep, q: str | None = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    return {"items": store.places(q, limit)}


@router.get("/stats", summary="Summary statistics")
def stats(store: StoreDep) -> dict[str, Any]:
    return store.stats()


@router.get("/network", summary="Actor network: who fights or supports whom (weight = events)")
def network(store: StoreDep, query: QueryDep) -> dict[str, Any]:
    edges: Counter[tuple[str, str, str]] = Counter()
    names: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for e in store.iter_events(query):
        if e.modality not in ("asserted", "claimed") or not (e.actor1_id and e.actor2_id):
            continue
        names[e.actor1_id], names[e.actor2_id] = e.actor1 or e.actor1_id, e.actor2 or e.actor2_id
        counts.update([e.actor1_id, e.actor2_id])
        kind = "fights" if e.event_type in _VIOLENT else ("supports" if e.sub_event_type == "Agreement" else "other")
        edges[(e.actor1_id, e.actor2_id, kind)] += 1
    return {"nodes": [{"id": a, "name": names[a], "events": n} for a, n in counts.most_common()],
            "edges": [{"source": s, "target": t, "kind": k, "weight": w} for (s, t, k), w in edges.most_common()]}


def _stream(request: Request, query: EventQuery, fmt: str) -> StreamingResponse:
    store = open_store(request.app.state.store_url)
    writer, media = {"csv": (export.csv_lines, "text/csv"), "geojson": (export.geojson_lines, "application/geo+json"),
                     "jsonl": (export.jsonl_lines, "application/x-ndjson")}[fmt]

    def body() -> Iterator[str]:
        try:
            yield from writer(store.iter_events(query))
        finally:
            store.close()

    headers = {"Content-Disposition": f'attachment; filename="frontlines-events.{fmt}"'}
    return StreamingResponse(body(), media_type=media, headers=headers)


@router.get("/export.csv", summary="Events as CSV in ACLED column order (streamed)")
def export_csv(request: Request, query: QueryDep) -> StreamingResponse:
    return _stream(request, query, "csv")


@router.get("/export.geojson", summary="Events as a GeoJSON FeatureCollection (streamed)")
def export_geojson(request: Request, query: QueryDep) -> StreamingResponse:
    return _stream(request, query, "geojson")


@router.get("/export.jsonl", summary="Events as JSON lines (streamed)")
def export_jsonl(request: Request, query: QueryDep) -> StreamingResponse:
    return _stream(request, query, "jsonl")
