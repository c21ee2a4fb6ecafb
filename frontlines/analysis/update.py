"""Keeping the analysis in the store up to date, one document at a time.

``derive(doc)`` gives one processed document's ledger entries, changes of control and relations (nothing else is
read); its events join same-event clusters with one bounded, indexed query each (``clusters``): the work is linear in
the documents added. ``analyse_document(store, doc)`` stores them; ingest calls it for
every document it adds. ``refresh(store)`` catches up documents stored another way (a backfill, an older version)
by reading each unanalysed one back from the store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from frontlines.analysis.clusters import assign_clusters
from frontlines.analysis.control import control_changes
from frontlines.analysis.ledger import STAGE as LEDGER_STAGE
from frontlines.analysis.ledger import ledger_entries
from frontlines.analysis.relations import relations
from frontlines.model import ControlChange, Document, LedgerEntry, Relation
from frontlines.store.base import Store

__all__ = ["STAGE", "Derived", "analyse_document", "derive", "refresh"]

STAGE = f"frontlines.analysis@1+{LEDGER_STAGE}"


@dataclass
class Derived:
    entries: list[LedgerEntry] = field(default_factory=list)
    changes: list[ControlChange] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)


def derive(doc: Document) -> Derived:
    return Derived(ledger_entries(doc), control_changes(doc), relations(doc))


def analyse_document(store: Store, doc: Document, document_id: str | None = None) -> Derived:
    """Derive and store one document's analysis and its events' same-event clusters (``document_id``: the id the
    store gave it; a revision is read back, its event ids being the store's)."""
    if document_id and document_id != doc.id:
        doc = store.get_document(document_id)
    derived = derive(doc)
    assign_clusters(store, doc.events)
    store.save_analysis(doc.id, STAGE, derived.entries, derived.changes, derived.relations)
    return derived


def refresh(store: Store, limit: int | None = None, progress: Callable[[int], None] | None = None) -> int:
    """Analyse stored documents not analysed yet (at most ``limit``); how many were analysed."""
    done = 0
    while limit is None or done < limit:
        batch = store.unanalysed_documents(min(500, limit - done) if limit else 500)
        if not batch:
            break
        for document_id in batch:
            analyse_document(store, store.get_document(document_id))
            done += 1
            if progress:
                progress(1)
    return done
