"""The JSON API of the cross-document analysis (issue 13): the claims and predictions ledger with verdicts and
track records, territorial control timelines, relations between actors, same-event clusters. Each handler parses parameters, calls
``frontlines.analysis.service`` and returns its dict; errors render as the one error body (``app.py``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query

from frontlines.analysis import service
from frontlines.analysis.relations import HOSTILE
from frontlines.errors import InvalidParameterError
from frontlines.knowledge.relation_words import RELATION_KINDS
from frontlines.store.analysis import LedgerQuery
from frontlines.store.base import MAX_FILTER_CHARS, MAX_OFFSET, parse_day
from frontlines.web.api import StoreDep, modality_list

__all__ = ["router"]

router = APIRouter(prefix="/api")
Text = Annotated[str | None, Query(max_length=MAX_FILTER_CHARS)]
_LEDGER_KINDS = ("prediction", "intention", "threat", "denial", "claim")


def _as_of(value: str | None) -> date:
    day = parse_day(value, "as_of")
    return date.fromisoformat(day) if day else date.today()


@router.get("/ledger", summary="Claims and predictions, each judged against later events (or track records)")
def ledger(store: StoreDep, speaker: Text = None, source: Text = None, kind: Text = None, subject: Text = None,
           since: Text = None, until: Text = None, due_until: Text = None, document: Text = None, as_of: Text = None,
           record: Text = None, limit: Annotated[int, Query(ge=1, le=1000)] = 50,
           offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0) -> dict[str, Any]:
    if kind and kind not in _LEDGER_KINDS:
        raise InvalidParameterError(f"kind {kind!r} is unknown; use one of {', '.join(_LEDGER_KINDS)}.")
    query = LedgerQuery(speaker=speaker, source=source, kind=kind, subject=subject, since=parse_day(since, "since"),
                        until=parse_day(until, "until"), due_until=parse_day(due_until, "due_until"),
                        document_id=document, limit=limit, offset=offset)
    if record:
        return service.track(store, query, by=record, as_of=_as_of(as_of))
    return service.ledger_page(store, query, as_of=_as_of(as_of))


@router.get("/control", summary="Who held a place from when to when (contested periods marked)")
def control(store: StoreDep, place: Text = None, date: Text = None, q: Text = None,
            limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> dict[str, Any]:
    if not place:
        return {"places": store.control_places(q, limit)}
    return service.control_answer(store, place, parse_day(date, "date"))


@router.get("/control/map", summary="Each located place's holder on a date, for the map's control layer")
def control_map(store: StoreDep, date: Text = None) -> dict[str, Any]:  # noqa: A002
    return service.control_map(store, parse_day(date, "date"))


@router.get("/relations", summary="Dated, evidence-linked relations between actors, and the network they make")
def relations(store: StoreDep, actor: Text = None, kind: Text = None, since: Text = None, until: Text = None,
              modality: Text = None,
              stated: Annotated[bool, Query(description="only relations stated in sentences, not made from "
                                                        "events (the events' network has those)")] = False,
              edges: Annotated[bool, Query(description="false: the network alone, without every relation")] = True,
              limit: Annotated[int, Query(ge=1, le=10_000)] = 1000) -> dict[str, Any]:
    kinds = (*RELATION_KINDS, *sorted(HOSTILE))
    if kind and kind not in kinds:
        raise InvalidParameterError(f"kind {kind!r} is unknown; use one of {', '.join(kinds)}.")
    return service.relations_answer(store, actor, kind, parse_day(since, "since"), parse_day(until, "until"), limit,
                                    modalities=modality_list(modality), stated=stated, edges=edges)


@router.get("/clusters", summary="Same-event clusters kept at ingest: one event's reports, or a period's counts")
def clusters(store: StoreDep, event: Text = None, since: Text = None, until: Text = None) -> dict[str, Any]:
    return service.cluster_answer(store, event, parse_day(since, "since"), parse_day(until, "until"))
