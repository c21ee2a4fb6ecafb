"""The JSON API: documents, events, actors, places, network, statistics and streamed exports.

Every handler parses parameters, calls the store, shapes the answer; errors are raised as
``FrontlinesError`` subclasses and rendered by ``app.py`` into the one error body.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import StreamingResponse

from frontlines import export
from frontlines.errors import InvalidParameterError, StoreNotFoundError
from frontlines.fusion.cluster import EventCluster, cluster_events
from frontlines.model import MODALITIES, Document, Event
from frontlines.store import DocumentQuery, EventQuery, Store, open_store
from frontlines.store.base import MAX_FILTER_CHARS, MAX_OFFSET, parse_bbox, parse_day, safe_url

__all__ = ["TOTAL_LIMIT", "FiltersDep", "Offset", "QueryDep", "StoreDep", "actor_ids", "document_data", "event_filters", "event_items", "event_query", "event_with_sources", "modality_list", "router", "same_event_reports", "store_dependency"]

router = APIRouter(prefix="/api")
_VIOLENT = {"Battles", "Explosions/Remote violence", "Violence against civilians"}
TOTAL_LIMIT = 10_000  # exact counts of more matches cost 100s of ms on a big store; say "10,000+" instead
_WINDOW_DAYS = 31  # candidates for "the same event": the widest date tolerance of fusion.cluster (month precision)
_NEAR_DEG = 1.0  # ... and within about 100 km (fusion then requires 25 km or the same place name)


def store_dependency(request: Request) -> Iterator[Store]:
    """One store connection per request (SQLite connections are not shared across threads)."""
    store = open_store(request.app.state.store_url)
    try:
        yield store
    finally:
        store.close()


StoreDep = Annotated[Store, Depends(store_dependency)]
# every query parameter bounded: a text filter is a name or a phrase, an offset fits the databases' integers
Text = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET)]


def _date(name: str, value: str | None) -> str | None:
    return parse_day(value, name)


def _bbox(value: str | None) -> tuple[float, float, float, float] | None:
    return parse_bbox(value, "bbox")


def modality_list(value: str | None) -> tuple[str, ...]:
    """The modalities of a comma-separated filter ("asserted,claimed"), each one known, or refused."""
    values = tuple(m.strip() for m in value.split(",")) if value else ()
    unknown = [m for m in values if m not in MODALITIES]
    if unknown:
        raise InvalidParameterError(f"modality {unknown[0]!r} is unknown; use one of {', '.join(MODALITIES)}.")
    return values


def event_filters(
    actor: Text = None, place: Text = None, type: Text = None, sub_type: Text = None,
    modality: Text = None, source: Text = None, since: Text = None, until: Text = None,
    bbox: Text = None, q: Text = None, document: Text = None,
    count: Annotated[str, Query(max_length=20, description=(
        "reports: every report; clusters: one per distinct event (same-event clusters kept at ingest)"))] = "reports",
) -> dict[str, Any]:
    """The filters every event list, aggregate and export takes, as ``EventQuery`` fields (which checks them:
    ``count`` is reports or clusters)."""
    modality_list(modality)
    ids = actor_ids(actor)
    if actor and ids and ids[0] == actor.strip():
        # an actor id ("lby.lna", from the dashboard's list or the network): its events and its units' by id
        # alone, through the actor indexes; a name substring match reads every row (issue 12: 2 s at 1M)
        actor = None
    return {"actor": actor, "actor_ids": ids, "place": place, "event_type": type,
            "sub_event_type": sub_type, "modality": modality, "source": source, "since": _date("since", since),
            "until": _date("until", until), "bbox": _bbox(bbox), "text": q, "document_id": document,
            "count": count}


FiltersDep = Annotated[dict[str, Any], Depends(event_filters)]


def event_query(
    filters: FiltersDep,
    sort: Annotated[str, Query(max_length=40)] = "-event_date",
    limit: Annotated[int, Query(ge=1, le=1000)] = 100, offset: Offset = 0,
    total_limit: Annotated[int | None, Query(ge=1, le=MAX_OFFSET,
                                             description="count matches up to this (faster); the answer's "
                                                         "total_exact is false when reached")] = TOTAL_LIMIT,
) -> EventQuery:
    return EventQuery(**filters, sort=sort, limit=limit, offset=offset, total_limit=total_limit)


def actor_ids(actor: str | None) -> tuple[str, ...]:
    """The knowledge-base ids an actor filter means ("Hifter" -> Haftar, the LNA and its units)."""
    if not actor:
        return ()
    from frontlines.knowledge.actor_search import search_ids
    from frontlines.knowledge.actors import get_actor_kb

    return search_ids(get_actor_kb(), actor)


QueryDep = Annotated[EventQuery, Depends(event_query)]


@router.get("/events", summary="Events matching filters, paginated")
def events(store: StoreDep, query: QueryDep) -> dict[str, Any]:
    page = store.search_events(query)
    items = event_items(store, page.items)
    if query.count == "clusters":  # each distinct event says how many reports its cluster holds
        sizes = store.cluster_sizes([e["event_id"] for e in items])
        for item in items:
            item["reports"] = sizes.get(item["event_id"], 1)
    return {"total": page.total, "total_exact": page.total_exact, "limit": page.limit, "offset": page.offset,
            "items": items}


def event_items(store: Store, events: list[Event]) -> list[dict[str, Any]]:
    """Events as the API lists them, each with ``correction``: its analyst's correction now in force (who, when,
    why, each changed field from the extraction's value to the corrected one), or None."""
    found = store.active_corrections([e.event_id for e in events]) if events else {}
    return [{**e.to_dict(), "correction": found.get(e.event_id)} for e in events]


@router.get("/events/{event_id}", summary="One event with every source reporting it (fusion across documents)")
def event(store: StoreDep, event_id: str) -> dict[str, Any]:
    return event_with_sources(store, event_id)


def event_with_sources(store: Store, event_id: str) -> dict[str, Any]:
    """The event, the fused cluster it belongs to, and one row per report in that cluster."""
    ev = store.get_event(event_id)
    cluster = stored_cluster(store, ev) or same_event_reports(store, ev)
    members = cluster.events
    documents: dict[str, Document] = {}
    for e in members:
        if e.document_id and e.document_id not in documents:
            documents[e.document_id] = store.get_document(e.document_id)
    sources = [_source_row(e, documents.get(e.document_id or ""), e.event_id == ev.event_id) for e in members]
    summary = {"cluster_id": cluster.cluster_id, "reports": len(members), "documents": len(cluster.documents),
               "sources": cluster.sources, "fatalities": cluster.fatalities, "modality": cluster.modality}
    return {"event": event_items(store, [ev])[0], "cluster": summary, "sources": sources,
            "corrections": store.corrections(event_id=event_id)["items"]}


def stored_cluster(store: Store, ev: Event) -> EventCluster | None:
    """The event's same-event cluster as the store keeps it (assigned at ingest, split or merged by an analyst:
    ``analysis.clusters``), the event first; None when it is in none (not analysed, undated, not asserted)."""
    cluster_id = store.clusters_of([ev.event_id]).get(ev.event_id)
    if cluster_id is None:
        return None
    others = []
    for member in store.cluster_members(cluster_id):
        if member["event_id"] != ev.event_id:
            try:
                others.append(store.get_event(member["event_id"]))
            except StoreNotFoundError:  # marked as not an event since
                continue
    return EventCluster(cluster_id, [ev, *sorted(others, key=lambda e: (e.document_id or "", e.event_id))])


def same_event_reports(store: Store, ev: Event) -> EventCluster:
    """Reports of the same event: candidates of the same type within a few weeks and ~100 km, clustered
    by ``fusion.cluster_events``; the event itself comes first, then the others by document."""
    if not ev.event_date:
        return EventCluster("", [ev])
    day = date.fromisoformat(ev.event_date)
    window = timedelta(days=_WINDOW_DAYS if (ev.time_precision or 1) <= 3 else 366)
    bbox = None
    if ev.latitude is not None and ev.longitude is not None:
        dlon = _NEAR_DEG / max(0.2, math.cos(math.radians(ev.latitude)))
        bbox = (max(-180.0, ev.longitude - dlon), max(-90.0, ev.latitude - _NEAR_DEG),
                min(180.0, ev.longitude + dlon), min(90.0, ev.latitude + _NEAR_DEG))
    candidates = list(store.iter_events(EventQuery(event_type=ev.event_type, since=(day - window).isoformat(),
                                                   until=(day + window).isoformat(), bbox=bbox)))
    if not any(c.event_id == ev.event_id for c in candidates):
        candidates.append(ev)
    cluster = next(c for c in cluster_events(candidates) if any(e.event_id == ev.event_id for e in c.events))
    others = sorted((e for e in cluster.events if e.event_id != ev.event_id),
                    key=lambda e: (e.document_id or "", e.event_id))
    return EventCluster(cluster.cluster_id, [ev, *others])


def _source_row(e: Event, doc: Document | None, this: bool) -> dict[str, Any]:
    published = doc.published.isoformat() if doc and doc.published else None
    return {"event_id": e.event_id, "this": this, "document_id": e.document_id,
            "title": doc.title if doc else None, "published": published,
            "outlet": doc.source if doc else None, "source": e.source or (doc.source if doc else None),
            "url": safe_url(doc.url) if doc else None, "sentence": e.notes, "evidence": e.evidence,
            "modality": e.modality, "voice": e.voice, "fatalities": e.fatalities, "reason": e.reason}


@router.get("/documents", summary="Documents: full-text search and filters")
def documents(store: StoreDep, q: Text = None, source: Text = None, since: Text = None, until: Text = None,
              limit: Annotated[int, Query(ge=1, le=500)] = 50, offset: Offset = 0) -> dict[str, Any]:
    page = store.search_documents(DocumentQuery(q=q, source=source, since=_date("since", since),
                                                until=_date("until", until), limit=limit, offset=offset))
    items = [{**item, "url": safe_url(item.get("url"))} for item in page.items]
    return {"total": page.total, "limit": page.limit, "offset": page.offset, "items": items}


@router.get("/documents/{document_id:path}", summary="A document with its text, blocks, mentions, statements and events")
def document(store: StoreDep, document_id: str) -> dict[str, Any]:
    doc = store.get_document(document_id)
    return document_data(doc)


def document_data(doc: Document) -> dict[str, Any]:
    """A document as the API and the reader show it: its link only when it is http(s)."""
    data = {**doc.to_dict(), "text": doc.text}
    data["document"] = {**data["document"], "url": safe_url(doc.url)}
    return data


@router.get("/actors", summary="Actors seen in events")
def actors(store: StoreDep, q: Text = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
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
def places(store: StoreDep, q: Text = None, limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    return {"items": store.places(q, limit)}


@router.get("/stats", summary="Summary statistics")
def stats(store: StoreDep) -> dict[str, Any]:
    return store.stats()


@router.get("/network", summary="Actor network: who fights or supports whom (weight = events)")
def network(store: StoreDep, query: QueryDep) -> dict[str, Any]:
    """Nodes are actors, edges (actor1 -> actor2, kind) count asserted or claimed events: ``fights`` for
    battles, remote violence and violence against civilians, ``supports`` for agreements, ``other`` else."""
    edges: Counter[tuple[str, str, str]] = Counter()
    sub_types: dict[tuple[str, str, str], Counter[str]] = {}
    names: dict[str, str] = {}
    counts: Counter[str] = Counter()
    for e in store.iter_events(query):
        if e.modality not in ("asserted", "claimed") or not (e.actor1_id and e.actor2_id):
            continue
        names[e.actor1_id], names[e.actor2_id] = e.actor1 or e.actor1_id, e.actor2 or e.actor2_id
        counts.update([e.actor1_id, e.actor2_id])
        kind = "fights" if e.event_type in _VIOLENT else ("supports" if e.sub_event_type == "Agreement" else "other")
        edges[(e.actor1_id, e.actor2_id, kind)] += 1
        sub_types.setdefault((e.actor1_id, e.actor2_id, kind), Counter())[e.sub_event_type] += 1
    return {"nodes": [{"id": a, "name": names[a], "events": n} for a, n in counts.most_common()],
            "edges": [{"source": s, "target": t, "kind": k, "weight": w, "sub_types": dict(sub_types[(s, t, k)])}
                      for (s, t, k), w in edges.most_common()]}


def _chunks(lines: Iterator[str], size: int = 1 << 16) -> Iterator[str]:
    """Lines joined into ~64 KB chunks: one chunk per event costs a worker-thread hop each (10x slower)."""
    buffer: list[str] = []
    held = 0
    for line in lines:
        buffer.append(line)
        held += len(line)
        if held >= size:
            yield "".join(buffer)
            buffer, held = [], 0
    if buffer:
        yield "".join(buffer)


def _stream(request: Request, query: EventQuery, fmt: str) -> StreamingResponse:
    store = open_store(request.app.state.store_url)
    writer, media = {"csv": (export.csv_lines, "text/csv"), "geojson": (export.geojson_lines, "application/geo+json"),
                     "jsonl": (export.jsonl_lines, "application/x-ndjson")}[fmt]

    def body() -> Iterator[str]:
        try:
            yield from _chunks(writer(store.with_corrections(store.iter_events(query)), corrected=True))
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
