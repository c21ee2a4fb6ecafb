"""Analyst corrections over HTTP (issue 12, deliverable 4): correct an event's fields or mark it as not an event,
list corrections, undo one; split a report out of its same-event cluster or merge two clusters, list those
overrides, undo one. Each write goes through ``analysis.corrected``, so what was derived from the event (control,
relations, clusters) follows. Writes need the server's write token (``FRONTLINES_WRITE_TOKEN``, sent as
``Authorization: Bearer <token>``); without a configured token the server is read-only. Every failure leaves as
the one error body (``app.py``).
"""

from __future__ import annotations

import hmac
import json
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from frontlines import settings
from frontlines.analysis import corrected
from frontlines.errors import FrontlinesError, InvalidParameterError
from frontlines.store import Store
from frontlines.store.base import MAX_FILTER_CHARS, MAX_OFFSET
from frontlines.web.api import StoreDep

__all__ = ["ReadOnlyError", "UnauthorizedError", "pages", "router", "taxonomy"]

router = APIRouter(prefix="/api")
_MAX_BODY = 20_000


class ReadOnlyError(FrontlinesError):
    http_status = 403
    code = "read_only"


class UnauthorizedError(FrontlinesError):
    http_status = 401
    code = "unauthorized"


def taxonomy() -> dict[str, list[str]]:
    """ACLED event types and their sub-types, as the event ontology knows them (the correction form's choices)."""
    from frontlines.knowledge.ontology import get_ontology

    return {etype: list(subs) for etype, subs in get_ontology().taxonomy.items()}


def _authorise(request: Request) -> None:
    token = settings.get("write_token")
    if not token:
        raise ReadOnlyError("This server is read-only: start it with FRONTLINES_WRITE_TOKEN set to let analysts "
                            "correct events.")
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), token.encode()):
        raise UnauthorizedError("Corrections need the write token: send 'Authorization: Bearer <token>' (the "
                                "server's FRONTLINES_WRITE_TOKEN).")


def _no_constant(name: str) -> None:
    raise ValueError(f"{name} is not a number JSON allows")


async def _body(request: Request) -> dict[str, Any]:
    raw = await request.body()
    if len(raw) > _MAX_BODY:
        raise InvalidParameterError(f"the request body is {len(raw):,} bytes; a correction takes at most "
                                    f"{_MAX_BODY:,}.")
    try:
        data = json.loads(raw or b"{}", parse_constant=_no_constant)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidParameterError(f"the request body is not JSON ({exc}); send an object such as "
                                    '{"analyst": "...", "reason": "...", "fields": {"fatalities": 3}}.') from None
    if not isinstance(data, dict):
        raise InvalidParameterError("the request body must be a JSON object with analyst, reason and fields "
                                    "(or reject: true).")
    return data


def _check_types(store: Store, event_id: str, fields: dict[str, Any]) -> None:
    """A corrected type or sub-type must be one of the ontology's, and the sub-type must belong to the type."""
    if "event_type" not in fields and "sub_event_type" not in fields:
        return
    known = taxonomy()
    current = store.get_event(event_id)
    etype = fields.get("event_type", current.event_type)
    sub = fields.get("sub_event_type", current.sub_event_type)
    if etype not in known:
        raise InvalidParameterError(f"event_type {etype!r} is unknown; use one of {', '.join(known)}.")
    if sub not in known[etype]:
        raise InvalidParameterError(f"sub_event_type {sub!r} is not a kind of {etype!r}; use one of "
                                    f"{', '.join(known[etype])}.")


@router.post("/events/{event_id}/corrections", status_code=201,
             summary="Correct an event's fields or mark it as not an event (needs the write token)")
async def correct(request: Request, store: StoreDep, event_id: str) -> JSONResponse:
    """Body: ``{"analyst": "who", "reason": "why", "fields": {"event_type": ..., "fatalities": 3, ...}}`` or
    ``{"analyst": ..., "reason": ..., "reject": true}``. The extraction is kept with the correction."""
    _authorise(request)
    data = await _body(request)
    unknown = sorted(set(data) - {"analyst", "reason", "fields", "reject"})
    if unknown:
        raise InvalidParameterError(f"unknown key {unknown[0]!r}; use analyst, reason, fields or reject.")
    reject = data.get("reject", False)
    fields = data.get("fields") or {}
    if not isinstance(reject, bool) or not isinstance(fields, dict):
        raise InvalidParameterError("reject is true or false and fields is an object of field: value.")
    if reject and fields:
        raise InvalidParameterError("give fields to correct or reject: true, not both.")
    if not reject:
        _check_types(store, event_id, fields)
    record = corrected.correct(store, event_id, data.get("analyst", ""), data.get("reason", ""), fields,
                               reject=reject)
    return JSONResponse(record, status_code=201)


@router.delete("/corrections/{correction_id}", summary="Undo a correction (the event's latest; needs the write token)")
def undo(request: Request, store: StoreDep, correction_id: Annotated[int, Path(ge=1, le=MAX_OFFSET)],
         analyst: Annotated[str, Query(max_length=MAX_FILTER_CHARS)] = "",
         reason: Annotated[str, Query(max_length=MAX_FILTER_CHARS)] = "") -> dict[str, Any]:
    _authorise(request)
    return corrected.undo_correction(store, correction_id, analyst, reason)


@router.get("/corrections", summary="Analysts' corrections, newest first")
def corrections(store: StoreDep, event: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)] = None,
                active: bool | None = None, orphaned: bool | None = None,
                limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> dict[str, Any]:
    """``orphaned``: only those whose event a re-extraction of its document no longer yields (``true``), or only
    the others (``false``); each record says ``orphaned`` (and since when)."""
    return {**store.corrections(event, active, limit, offset, orphaned=orphaned), "counts": store.correction_counts()}


@router.get("/corrections/{correction_id}", summary="One correction: who, when, why, the fields and the extraction")
def correction(store: StoreDep, correction_id: Annotated[int, Path(ge=1, le=MAX_OFFSET)]) -> dict[str, Any]:
    return store.correction(correction_id)


@router.post("/clusters/split", status_code=201,
             summary="Move a report out of its same-event cluster into its own (needs the write token)")
async def split(request: Request, store: StoreDep) -> JSONResponse:
    """Body: ``{"analyst": "who", "reason": "why", "event": "<event id>"}``. The report is kept apart from the
    reports it was with, through re-ingest and re-analysis, until the split is undone."""
    _authorise(request)
    data = _strings(await _body(request), ("analyst", "reason", "event"))
    record = corrected.split(store, data["event"], data["analyst"], data["reason"])
    return JSONResponse(record, status_code=201)


@router.post("/clusters/merge", status_code=201,
             summary="Merge the cluster of one event into another's (needs the write token)")
async def merge(request: Request, store: StoreDep) -> JSONResponse:
    """Body: ``{"analyst": ..., "reason": ..., "event": "<event id>", "with": "<event id>"}``: every report of the
    cluster of ``with`` joins the cluster of ``event``, kept together until the merge is undone."""
    _authorise(request)
    data = _strings(await _body(request), ("analyst", "reason", "event", "with"))
    record = corrected.merge(store, data["event"], data["with"], data["analyst"], data["reason"])
    return JSONResponse(record, status_code=201)


@router.delete("/cluster-overrides/{override_id}",
               summary="Undo a split or merge (none later on the same reports; needs the write token)")
def undo_override(request: Request, store: StoreDep, override_id: Annotated[int, Path(ge=1, le=MAX_OFFSET)],
                  analyst: Annotated[str, Query(max_length=MAX_FILTER_CHARS)] = "",
                  reason: Annotated[str, Query(max_length=MAX_FILTER_CHARS)] = "") -> dict[str, Any]:
    _authorise(request)
    return corrected.undo_override(store, override_id, analyst, reason)


@router.get("/cluster-overrides", summary="Analysts' splits and merges of clusters, newest first")
def cluster_overrides(store: StoreDep, event: Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)] = None,
                      active: bool | None = None, orphaned: bool | None = None,
                      limit: Annotated[int, Query(ge=1, le=1000)] = 100,
                      offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> dict[str, Any]:
    return store.cluster_overrides(event, active, limit, offset, orphaned=orphaned)


@router.get("/cluster-overrides/{override_id}", summary="One split or merge: who, when, why, the reports it moved")
def cluster_override(store: StoreDep, override_id: Annotated[int, Path(ge=1, le=MAX_OFFSET)]) -> dict[str, Any]:
    return store.cluster_override(override_id)


def _strings(data: dict[str, Any], keys: tuple[str, ...]) -> dict[str, str]:
    unknown = sorted(set(data) - set(keys))
    if unknown:
        raise InvalidParameterError(f"unknown key {unknown[0]!r}; use {', '.join(keys)}.")
    for key in keys:
        if not isinstance(data.get(key), str) or not data[key].strip():
            raise InvalidParameterError(f"{key} is required: text ({', '.join(keys)}).")
        if len(data[key]) > MAX_FILTER_CHARS:
            raise InvalidParameterError(f"{key} is longer than {MAX_FILTER_CHARS} characters.")
    return {key: data[key].strip() for key in keys}


def cluster_panel(store: Store, event_id: str, cluster_id: str | None) -> dict[str, Any]:
    """For the event page: the splits and merges touching this report, and the nearby reports (same type, within
    a week and about 25 km) that sit in other clusters, each a candidate for a merge."""
    overrides = store.cluster_overrides(event_id=event_id, limit=50)["items"]
    nearby: list[dict[str, Any]] = []
    if cluster_id:
        from datetime import date, timedelta

        ev = store.get_event(event_id)
        if ev.event_date:
            day = date.fromisoformat(ev.event_date)
            box = None
            if ev.latitude is not None and ev.longitude is not None:
                box = (max(-180.0, ev.longitude - 0.25), max(-90.0, ev.latitude - 0.25),
                       min(180.0, ev.longitude + 0.25), min(90.0, ev.latitude + 0.25))
            found = store.cluster_candidates(ev.event_type, day - timedelta(days=7), day + timedelta(days=7), box,
                                             ev.location, 100)
            where = store.clusters_of([c.event_id for c in found])
            seen: set[str] = set()
            for c in sorted(found, key=lambda c: (c.event_date or "", c.event_id)):
                other = where.get(c.event_id)
                if other is None or other == cluster_id or other in seen or len(seen) >= 10:
                    continue
                seen.add(other)
                nearby.append({"event_id": c.event_id, "cluster_id": other, "event_date": c.event_date,
                               "location": c.location, "sub_event_type": c.sub_event_type, "source": c.source,
                               "fatalities": c.fatalities, "sentence": c.notes})
    return {"overrides": overrides, "nearby": nearby}


pages = APIRouter()  # the HTML page and its .json twin (outside /api)


@pages.get("/corrections", response_class=HTMLResponse, include_in_schema=False)
@pages.get("/corrections.json", include_in_schema=False)
def corrections_page(request: Request, active: bool | None = None, orphaned: bool | None = None,
                     offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> Response:
    """Every correction, newest first (50 a page), with what it changed, who, when, why and whether it is in force
    or orphaned (its event gone from a re-extraction); then the newest 50 splits and merges of clusters (all of
    them: GET /api/cluster-overrides)."""
    from urllib.parse import urlencode

    from frontlines.web.views import _respond, _store

    with _store(request) as store:
        page = store.corrections(None, active, 50, offset, orphaned=orphaned)
        counts = store.correction_counts()
        overrides = store.cluster_overrides(None, active, 50, 0, orphaned=orphaned)

    def link(at: int) -> str:
        params = {**({"active": str(active).lower()} if active is not None else {}),
                  **({"orphaned": str(orphaned).lower()} if orphaned is not None else {}),
                  **({"offset": at} if at else {})}
        return request.url.path + (f"?{urlencode(params)}" if params else "")

    data = {**page, "counts": counts, "active": active, "orphaned": orphaned, "cluster_overrides": overrides,
            "prev": link(max(0, offset - 50)) if offset else None,
            "next": link(offset + 50) if offset + 50 < page["total"] else None}
    return _respond(request, "corrections.html", data, request.url.path.endswith(".json"))
