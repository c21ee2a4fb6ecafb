"""The analysis follows the analysts (issue 12, deliverable 4): what was derived from an event is derived again
when an analyst corrects it, and reports are placed again when a split or merge is undone. The web API and the CLI
correct, split, merge and undo through these functions, never through the store alone.

The smallest correct recompute after a correction (or its undo) of one event:

- its document's changes of control, relations and ledger entries (``update.derive`` over the document as stored
  now: the corrected values, a rejected event left out) replace that document's rows; they are kept per document,
  and no other document's rows read the event;
- the event is placed in a cluster again, and so is every report of its cluster that joined it through it (directly
  or through another such report: the row's reason names the report it joined); the others stay where they are.

Ledger verdicts are judged when asked (``service.judge``), so they follow without a recompute.

A correction (or an undo) and its recompute are one transaction (``Store.transaction``): when the recompute fails,
the correction is rolled back with it and the error reaches the caller, so no derived record is left stale behind a
correction in force. ``reextract`` re-extracts one document the same way: its extraction replaced, the analysts'
overrides re-attached to the events with their identity (or kept, marked orphaned), and its analysis redone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from frontlines.analysis.clusters import assign_clusters
from frontlines.analysis.update import STAGE, analyse_document, derive
from frontlines.errors import StoreError, StoreNotFoundError
from frontlines.model import Document
from frontlines.store.base import Store

__all__ = ["correct", "follow_event", "merge", "recluster", "reextract", "split", "undo_correction", "undo_override"]

_JOINED = re.compile(r"same event as (\S+) \(")


def correct(store: Store, event_id: str, analyst: str, reason: str, fields: dict[str, Any] | None = None,
            reject: bool = False) -> dict[str, Any]:
    """``store.correct_event``, then the event's derived records recomputed, in one transaction."""
    with _all_or_nothing(f"The correction of event {event_id!r}"), store.transaction():
        resting = resting_on(store, event_id)
        record = store.correct_event(event_id, analyst, reason, fields, reject=reject)
        follow_event(store, event_id, record["extracted"].get("document_id"), resting)
    return record


@contextmanager
def _all_or_nothing(what: str) -> Iterator[None]:
    """A store failure inside the transaction (the change or its recompute) says that nothing was kept."""
    try:
        yield
    except StoreNotFoundError:
        raise
    except StoreError as exc:
        raise StoreError(f"{what} was not saved, and nothing else changed: {str(exc).rstrip('.')}. Try again; if it "
                         "fails again, the store needs attention (frontlines corrections list shows what is in "
                         "force).") from exc


def undo_correction(store: Store, correction_id: int, analyst: str, reason: str = "") -> dict[str, Any]:
    """``store.undo_correction``, then the event's derived records recomputed, in one transaction (an orphaned
    correction's event is gone: only the mark is written)."""
    with _all_or_nothing(f"The undo of correction {correction_id}"), store.transaction():
        event_id = store.correction(correction_id)["event_id"]
        resting = resting_on(store, event_id)
        record = store.undo_correction(correction_id, analyst, reason)
        if not record["orphaned"]:
            follow_event(store, event_id, record["extracted"].get("document_id"), resting)
    return record


def split(store: Store, event_id: str, analyst: str, reason: str) -> dict[str, Any]:
    return store.split_report(event_id, analyst, reason)


def merge(store: Store, event_id: str, other_id: str, analyst: str, reason: str) -> dict[str, Any]:
    return store.merge_clusters(event_id, other_id, analyst, reason)


def undo_override(store: Store, override_id: int, analyst: str, reason: str = "") -> dict[str, Any]:
    """Undo a split or merge: the record is marked undone and the reports it moved are placed again as the
    clustering (and the overrides still in force) would place them."""
    with _all_or_nothing(f"The undo of cluster override {override_id}"), store.transaction():
        record = store.mark_override_undone(override_id, analyst, reason)
        recluster(store, record["moved"])
    return record


def reextract(store: Store, doc: Document) -> dict[str, Any]:
    """Store ``doc``'s extraction (a stored document extracted again, ``doc.id`` its stored id: its blocks, stages,
    mentions, statements and events) in place of the one stored, and analyse it again, in one transaction: the
    analysts' overrides follow their events through a renumbering and those whose event is not extracted again stay
    listed, orphaned (``Store.replace_extraction``)."""
    with store.transaction():
        result = store.replace_extraction(doc)
        analyse_document(store, store.get_document(doc.id))
    return result


def resting_on(store: Store, event_id: str) -> list[str]:
    """The reports of the event's cluster that joined it through this event (directly or through one another)."""
    cluster = store.clusters_of([event_id]).get(event_id)
    if cluster is None:
        return []
    parent = {m["event_id"]: found.group(1) for m in store.cluster_members(cluster)
              if (found := _JOINED.match(m["reason"] or ""))}
    resting: list[str] = []
    frontier = {event_id}
    while frontier:
        frontier = {child for child, joined in parent.items() if joined in frontier and child not in resting}
        resting += sorted(frontier)
    return resting


def follow_event(store: Store, event_id: str, document_id: str | None, resting: list[str]) -> None:
    """Recompute what rested on one event after its correction: its document's analysis, its cluster and the
    clusters of the reports that joined through it."""
    if document_id and store.is_analysed(document_id):
        try:
            doc = store.get_document(document_id)
        except StoreNotFoundError:
            doc = None
        if doc is not None:
            derived = derive(doc)
            store.save_analysis(doc.id, STAGE, derived.entries, derived.changes, derived.relations)
    recluster(store, [event_id, *resting])


def recluster(store: Store, event_ids: list[str]) -> None:
    """Place these reports again, one after another in this order (each sees those placed before it): their rows
    are taken out first, so none joins a cluster through a report that is being placed again."""
    ids = list(dict.fromkeys(event_ids))
    if not ids:
        return
    store.forget_clusters(ids)
    for event_id in ids:
        try:
            event = store.get_event(event_id)
        except StoreNotFoundError:  # marked as not an event: it is in no cluster
            continue
        assign_clusters(store, [event])
