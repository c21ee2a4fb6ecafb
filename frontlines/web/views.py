"""HTML pages, each with a ``.json`` twin built by the same view (datasette style)."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.templating import Jinja2Templates

from frontlines.model import Document
from frontlines.store import EventQuery, open_store
from frontlines.web.api import document_data, event_with_sources

__all__ = ["highlight", "router"]

router = APIRouter()
TEMPLATES = Jinja2Templates(directory=str(Path(__file__).parent / "templates"))
VENDOR = Path(__file__).parent / "static" / "vendor" / "leaflet.js"
SWAGGER_UI = Path(__file__).parent / "static" / "vendor" / "swagger-ui" / "swagger-ui-bundle.js"
PAGE_LIMIT = 1000


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
        data = store.sizes()
    return _respond(request, "dashboard.html", data, request.url.path.endswith(".json"))


@router.get("/events", response_class=HTMLResponse, include_in_schema=False)
@router.get("/events.json", include_in_schema=False)
def events_page(request: Request, limit: Annotated[int, Query(ge=1)] = 200) -> Response:
    with _store(request) as store:  # a page shows at most PAGE_LIMIT events: more is an export
        page = store.search_events(EventQuery(sort="-event_date", limit=min(limit, PAGE_LIMIT)))
    data = {"total": page.total, "items": [e.to_dict() for e in page.items]}
    return _respond(request, "events.html", data, request.url.path.endswith(".json"))


@router.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
@router.get("/events/{event_id}.json", include_in_schema=False)  # registered first (decorators apply bottom-up)
def event_page(request: Request, event_id: str) -> Response:
    with _store(request) as store:
        data = event_with_sources(store, event_id)
    return _respond(request, "event.html", data, request.url.path.endswith(".json"))


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
