"""What the dashboard draws, computed by the store (issue 12): counts by type and modality, the timeline per
week or month, and the map's grid buckets per zoom and viewport - each under the same filters as
``/api/events`` (``api.event_query``), so the browser never loads more than a page of events."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query

from frontlines.store.base import MAX_ZOOM
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


@router.get("/map", summary="Matching events in grid buckets for a map zoom (bbox: the viewport)")
def map_grid(store: StoreDep, query: QueryDep,
             zoom: Annotated[int, Query(ge=0, le=MAX_ZOOM, description="web-map zoom; buckets are ~64 px wide")],
             ) -> dict[str, Any]:
    return store.map_grid(query, zoom)
