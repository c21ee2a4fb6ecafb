"""The ledger, control and actor pages (issue 13), each with a ``.json`` twin built by the same view: who said what
and whether it came true, with each source's and speaker's record; who held a place when, on what evidence; who
backed and fought an actor when, on what evidence."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from frontlines.analysis import service
from frontlines.errors import InvalidParameterError
from frontlines.store.analysis import LedgerQuery
from frontlines.store.base import MAX_FILTER_CHARS, MAX_OFFSET, parse_day
from frontlines.web.views import _respond, _store

__all__ = ["router"]

router = APIRouter()
Text = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]
KINDS = ("prediction", "intention", "threat", "denial", "claim")
PAGE_SIZE = 50
RECORD_CAP = 2000  # the page's track records judge at most the newest 2,000 matching entries


@router.get("/ledger", response_class=HTMLResponse, include_in_schema=False)
@router.get("/ledger.json", include_in_schema=False)
def ledger_page(request: Request, speaker: Text = None, source: Text = None, kind: Text = None, subject: Text = None,
                since: Text = None, until: Text = None, as_of: Text = None,
                offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
    if kind and kind not in KINDS:
        raise InvalidParameterError(f"kind {kind!r} is unknown; use one of {', '.join(KINDS)}.")
    day = parse_day(as_of, "as_of")
    judged_on = date.fromisoformat(day) if day else date.today()
    query = LedgerQuery(speaker=speaker, source=source, kind=kind, subject=subject, since=parse_day(since, "since"),
                        until=parse_day(until, "until"), limit=PAGE_SIZE, offset=offset)
    with _store(request) as store:
        page = service.ledger_page(store, query, as_of=judged_on)
        by_source = service.track(store, query, by="source", as_of=judged_on, cap=RECORD_CAP)
        by_speaker = service.track(store, query, by="speaker", as_of=judged_on, cap=RECORD_CAP)
    filters = {k: v for k, v in request.query_params.items() if v and k != "offset"}
    data: dict[str, Any] = {**page, "filters": filters, "kinds": list(KINDS),
                            "records": {"source": by_source["records"][:25], "speaker": by_speaker["records"][:25],
                                        "complete": by_source["complete"]},
                            "next_offset": offset + PAGE_SIZE if offset + PAGE_SIZE < page["total"] else None}
    return _respond(request, "ledger.html", data, request.url.path.endswith(".json"))


@router.get("/control", response_class=HTMLResponse, include_in_schema=False)
@router.get("/control.json", include_in_schema=False)
def control_page(request: Request, place: Text = None, date: Text = None, q: Text = None) -> Response:  # noqa: A002
    with _store(request) as store:
        if place:
            data = service.control_answer(store, place, parse_day(date, "date"))
        else:
            data = {"places": store.control_places(q, 200), "q": q}
    return _respond(request, "control.html", data, request.url.path.endswith(".json"))


@router.get("/actors", response_class=HTMLResponse, include_in_schema=False)
@router.get("/actors.json", include_in_schema=False)
def actors_page(request: Request, q: Text = None) -> Response:
    with _store(request) as store:
        data = {"actors": store.relation_actors(q, 200), "q": q}
    return _respond(request, "actor.html", data, request.url.path.endswith(".json"))


@router.get("/actors/{actor_id}", response_class=HTMLResponse, include_in_schema=False)
@router.get("/actors/{actor_id}.json", include_in_schema=False)  # registered first (decorators apply bottom-up)
def actor_page(request: Request, actor_id: str, since: Text = None, until: Text = None) -> Response:
    with _store(request) as store:
        data = service.actor_relations(store, actor_id, parse_day(since, "since"), parse_day(until, "until"))
    return _respond(request, "actor.html", data, request.url.path.endswith(".json"))
