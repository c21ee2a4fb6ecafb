"""HTML pages, each with a ``.json`` twin built by the same view (datasette style)."""

from __future__ import annotations

import html
from pathlib import Path
from urllib.parse import urlencode
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from frontlines.model import Document
from frontlines.errors import StoreNotFoundError
from frontlines.store import EventQuery, Store, open_store
from frontlines.store.base import SORTABLE_EVENT_FIELDS
from frontlines import settings
from frontlines.web.help import help_panel
from frontlines.web.api import TOTAL_LIMIT, FiltersDep, Offset, document_data, event_items, event_with_sources

__all__ = ["highlight", "router"]

router = APIRouter()
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
TEMPLATES.env.globals["help_panel"] = help_panel  # every page's "?" panel (web/help.py)
VENDOR = Path(__file__).parent / "static" / "vendor" / "leaflet.js"
SWAGGER_UI = Path(__file__).parent / "static" / "vendor" / "swagger-ui" / "swagger-ui-bundle.js"
PAGE_LIMIT = 1000
PAGE_SIZE = 50


def _respond(request: Request, template: str, data: dict[str, Any], json_twin: bool) -> Response:
    if json_twin:
        return JSONResponse(data)
    context = {"data": data, "assets_missing": not VENDOR.exists()}
    return TEMPLATES.TemplateResponse(request, template, context)


def _store(request: Request):  # noqa: ANN202 - a context-managed Store
    return open_store(request.app.state.store_url)


@router.get("/docs", response_class=HTMLResponse, include_in_schema=False)
def api_docs(request: Request) -> Response:
    """Swagger UI over /openapi.json, from the swagger-ui-dist npm package served here (offline, no CDN)."""
    context = {"openapi_url": request.app.openapi_url, "assets_missing": not SWAGGER_UI.exists()}
    return TEMPLATES.TemplateResponse(request, "docs.html", context)


@router.get("/", response_class=HTMLResponse, include_in_schema=False)
@router.get("/index.json", include_in_schema=False)
def dashboard(request: Request) -> Response:
    with _store(request) as store:  # what the page needs at once; the rest comes from /api/counts, /api/map ...
        data: dict[str, Any] = {**store.sizes(), "corrections": store.correction_counts()}
    return _respond(request, "dashboard.html", data, request.url.path.endswith(".json"))


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
@router.get("/events.json", include_in_schema=False)
def events_page(request: Request, filters: FiltersDep, sort: Annotated[str, Query(max_length=40)] = "-event_date",
                limit: Annotated[int, Query(ge=1)] = PAGE_SIZE, offset: Offset = 0) -> Response:
    """Events paged and sorted by the store, under the API's filters (issue 12); the links keep them."""
    limit = min(limit, PAGE_LIMIT)  # a page shows at most PAGE_LIMIT events: more is an export
    with _store(request) as store:
        page = store.search_events(EventQuery(**filters, sort=sort, limit=limit, offset=offset,
                                              total_limit=TOTAL_LIMIT))
        items = event_items(store, page.items)
    shown = {k: v for k, v in request.query_params.items() if v and k not in ("offset", "limit", "sort")}
    data = {"total": page.total, "total_exact": page.total_exact, "limit": limit, "offset": offset, "sort": sort,
            "filters": shown, "items": items,
            "links": _page_links(request, page.total, page.total_exact, limit, offset, sort)}
    return _respond(request, "events.html", data, request.url.path.endswith(".json"))


def _page_links(request: Request, total: int, exact: bool, limit: int, offset: int, sort: str) -> dict[str, Any]:
    """Links to the first, previous and next pages and to each column sorted (first click: descending for
    dates, fatalities and confidence, ascending for text; the sorted column's link reverses it)."""
    def url(**change: Any) -> str:
        params = {**request.query_params, "limit": str(limit), **{k: str(v) for k, v in change.items()}}
        if params.get("offset") == "0":
            del params["offset"]
        if params.get("limit") == str(PAGE_SIZE):
            del params["limit"]
        if params.get("sort") == "-event_date":
            del params["sort"]
        return request.url.path + (f"?{urlencode(params)}" if params else "")

    more = offset + limit < total or not exact
    columns = {}
    for name in SORTABLE_EVENT_FIELDS:
        first = f"-{name}" if name in ("event_date", "fatalities", "confidence") else name
        reverse = name if sort == f"-{name}" else f"-{name}"
        columns[name] = url(sort=reverse if sort.lstrip("-") == name else first, offset=0)
    return {"first": url(offset=0) if offset else None, "prev": url(offset=max(0, offset - limit)) if offset else None,
            "next": url(offset=offset + limit) if more else None, "sort": columns}


@router.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
@router.get("/events/{event_id}.json", include_in_schema=False)  # registered first (decorators apply bottom-up)
def event_page(request: Request, event_id: str) -> Response:
    twin = request.url.path.endswith(".json")
    with _store(request) as store:
        data = event_page_data(store, event_id)
        if not twin:  # the correction form's choices, the cluster's splits and merges; the .json twin stays the API's
            from frontlines.web.corrections import cluster_panel, taxonomy

            panel = cluster_panel(store, event_id, None if data.get("rejected") else data["cluster"].get("cluster_id"))
            data = {**data, **panel, "taxonomy": taxonomy(), "writable": bool(settings.get("write_token"))}
    return _respond(request, "event.html", data, twin)


def event_page_data(store: Store, event_id: str) -> dict[str, Any]:
    """The event with its sources and corrections; an event marked as not an event is shown from its correction
    (so that it can be undone), with no sources."""
    try:
        data = event_with_sources(store, event_id)
    except StoreNotFoundError:
        history = store.corrections(event_id=event_id)["items"]
        rejected = next((c for c in history if c["active"] and c["action"] == "reject"), None)
        if rejected is None:
            raise
        event = {k: v for k, v in rejected["extracted"].items() if k != "cluster"}
        data = {"event": {**event, **rejected["fields"], "correction": rejected}, "rejected": True,
                "cluster": {"reports": 0, "documents": 0}, "sources": [], "corrections": history}
    return data


@router.get("/documents/{document_id:path}", response_class=HTMLResponse, include_in_schema=False)
def document_page(request: Request, document_id: str) -> Response:
    twin = document_id.endswith(".json")
    with _store(request) as store:
        doc = store.get_document(document_id.removesuffix(".json") if twin else document_id)
    data = document_data(doc)  # the "original" link only when it is http(s): never javascript:
    if not twin:
        data["highlighted"] = highlight(doc)
    return _respond(request, "document.html", data, twin)


def highlight(doc: Document) -> str:
    """The document text as HTML: event sentences and mentions wrapped in spans with their reasons."""
    marks: list[tuple[int, int, str]] = []
    for ev in doc.events:
        tip = f"{ev.sub_event_type} · {ev.modality} · {ev.reason}"
        marks.append((ev.evidence["start"], 1, f'<span id="{html.escape(ev.event_id)}" class="ev ev-{ev.modality}" '
                      f'data-event="{html.escape(ev.event_id)}" title="{html.escape(tip)}">'))
        marks.append((ev.evidence["end"], 0, "</span>"))
    last_end = -1
    for m in sorted(doc.mentions, key=lambda m: (m.start, -m.end)):
        if m.start < last_end:
            continue  # keep mentions from overlapping one another
        last_end = m.end
        tip = f"{m.kind}: {m.canonical or m.text} — {m.reason}"
        marks.append((m.start, 2, f'<mark class="m m-{m.kind}" title="{html.escape(tip)}">'))
        marks.append((m.end, -1, "</mark>"))
    marks.sort(key=lambda x: (x[0], x[1]))
    out, cursor = [], 0
    for pos, _, tag in marks:
        out.append(html.escape(doc.text[cursor:pos]))
        out.append(tag)
        cursor = pos
    out.append(html.escape(doc.text[cursor:]))
    return "".join(out)
