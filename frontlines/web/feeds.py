"""The watched feeds (``frontlines watch``): ``/api/feeds`` and the ``/feeds`` page with its ``.json`` twin,
both built from the state the watcher keeps in the store - status, last error, backoff and counts."""

from __future__ import annotations

from collections import Counter
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from frontlines.store import Store, open_store
from frontlines.web.api import StoreDep
from frontlines.web.views import TEMPLATES

__all__ = ["feeds_data", "router"]

router = APIRouter()


def feeds_data(store: Store) -> dict[str, Any]:
    """Every watched feed, failing ones first, and how many are in each status."""
    states = store.feed_states()
    states.sort(key=lambda s: (s.status != "error", s.status != "partial", s.url))
    return {"total": len(states), "by_status": dict(Counter(s.status for s in states)),
            "items": [s.to_dict() for s in states]}


@router.get("/api/feeds", summary="Watched feeds: status, last error, backoff and counts of each (frontlines watch)")
def api_feeds(store: StoreDep) -> dict[str, Any]:
    return feeds_data(store)


@router.get("/feeds", response_class=HTMLResponse, include_in_schema=False)
@router.get("/feeds.json", include_in_schema=False)
def feeds_page(request: Request) -> Response:
    with open_store(request.app.state.store_url) as store:
        data = feeds_data(store)
    if request.url.path.endswith(".json"):
        return JSONResponse(data)
    return TEMPLATES.TemplateResponse(request, "feeds.html", {"data": data})
