"""What the dashboard draws, computed by the store (issue 12): counts by type and modality, the timeline per
week or month, and the map's grid buckets per zoom and viewport - each under the same filters as
``/api/events`` (``api.event_query``), so the browser never loads more than a page of events."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from frontlines.store.base import MAX_FILTER_CHARS, MAX_ZOOM, parse_bbox
from frontlines.web.api import QueryDep, StoreDep

__all__ = ["router"]

router = APIRouter(prefix="/api")


@router.get("/counts", summary="Matching events: exact number, fatalities, by type and by modality")
def counts(store: StoreDep, query: QueryDep) -> dict[str, Any]:
    return store.counts(query)


@router.get("/timeline", summary="Matching dated events per week or month, by type (the dashboard's histogram)")
def timeline(store: StoreDep, query: QueryDep,
             unit: Annotated[Literal["auto", "week", "month"], Query(
                 description="auto: weeks when the matches span at most about two years, else months")] = "auto",
             ) -> dict[str, Any]:
    return store.timeline(query, unit)


@router.get("/map", summary="Matching events in grid buckets for a map zoom and viewport")
def map_grid(store: StoreDep, query: QueryDep,
             zoom: Annotated[int, Query(ge=0, le=MAX_ZOOM, description="web-map zoom; buckets are ~64 px wide")],
             view: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS, description=(
                 "the map's viewport, min_lon,min_lat,max_lon,max_lat: the buckets whose cells meet it (unlike "
                 "the bbox filter, at the precision of the zoom-10 grid, about 10 km)"))] = None,
             frame: Annotated[str | None, Query(pattern=r"^\d{1,5}x\d{1,5}$", description=(
                 "a map's WIDTHxHEIGHT in pixels, instead of zoom and view: the zoom and view that frame every "
                 "match (as Leaflet's fitBounds, at most zoom 9), given as 'frame', and the buckets of that view"))
                 ] = None,
             ) -> dict[str, Any]:
    size = None
    if frame:
        width, height = frame.split("x")
        size = (int(width), int(height))
    grid = store.map_grid(query, zoom, view=parse_bbox(view, "view"), frame=size)
    points = [b["event"] for b in grid["buckets"] if "event" in b]
    found = store.active_corrections([p["event_id"] for p in points]) if points else {}
    for point in points:  # a popup says when an analyst corrected the event
        point["correction"] = found.get(point["event_id"])
    return grid
