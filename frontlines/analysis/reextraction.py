"""Re-extracting stored documents (issue 12): the current extractor run again over the text of documents already
in the store, after the extractor changed (``frontlines reextract``).

``select_documents`` picks the stored documents (given ids, or every one whose source and publication date match);
``reextract_documents`` runs them through ``extract`` (the caller's pipeline: the analysis layer never imports the
pipeline) a batch at a time and, one document per transaction, replaces the document's events, re-attaches the
analysts' corrections, splits and merges to the events with their identity (``Store.replace_events``: those whose
event is not extracted again stay listed, orphaned), and redoes the document's ledger entries, changes of control,
relations and same-event clusters as ingest does (``corrected.reextract``). A document that a stage failed on keeps
its events, untouched, and is reported.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from frontlines.analysis.corrected import reextract
from frontlines.errors import StoreNotFoundError
from frontlines.model import Document
from frontlines.store.base import DocumentQuery, Store

__all__ = ["Extract", "ReextractSummary", "reextract_documents", "select_documents"]

Extract = Callable[[Iterable[Document]], Iterator[Document]]  # stored documents in, extracted ones out, in order
_PAGE = 1000


@dataclass
class ReextractSummary:
    documents: int = 0  # re-extracted (their events replaced)
    events_before: int = 0
    events_after: int = 0
    kept: int = 0  # events named by an analyst's record, extracted again with the same id
    reattached: dict[str, str] = field(default_factory=dict)  # renumbered: {old id: new id}
    orphaned: list[str] = field(default_factory=list)  # no longer extracted: their records kept, not applied
    failed: list[str] = field(default_factory=list)  # "doc id: stage error" (events left as they were)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def select_documents(store: Store, ids: Sequence[str] = (), source: str | None = None, since: str | None = None,
                     until: str | None = None) -> list[str]:
    """The stored documents to re-extract: ``ids`` (every one must be stored: else StoreNotFoundError naming all
    that are not, before anything changes), else every document whose source contains ``source`` and whose
    publication date is within ``since``..``until`` (all documents when none is given)."""
    if ids:
        missing = [i for i in dict.fromkeys(ids) if not _stored(store, i)]
        if missing:
            raise StoreNotFoundError(f"No document {', '.join(map(repr, missing))} in {store.url}; nothing was "
                                     "re-extracted. The dashboard's /api/documents lists the stored ids (an "
                                     "event's document_id names its document).")
        return list(dict.fromkeys(ids))
    chosen: list[str] = []
    while True:
        page = store.search_documents(DocumentQuery(source=source, since=since, until=until, limit=_PAGE,
                                                    offset=len(chosen)))
        chosen += [row["id"] for row in page.items]
        if len(page.items) < _PAGE:
            return chosen


def _stored(store: Store, document_id: str) -> bool:
    try:
        store.get_document(document_id)
    except StoreNotFoundError:
        return False
    return True


def reextract_documents(store: Store, document_ids: Sequence[str], extract: Extract, batch_size: int = 16,
                        progress: Callable[[int], None] | None = None) -> ReextractSummary:
    """Re-extract these stored documents with ``extract``, one transaction per document (an interruption keeps
    every document done before it)."""
    summary = ReextractSummary()
    ids = iter(document_ids)
    while batch := list(islice(ids, batch_size)):
        stored = [store.get_document(i) for i in batch]
        for old, new in zip(stored, extract(stored), strict=True):
            _one(store, old, new, summary)
            if progress:
                progress(1)
    return summary


def _one(store: Store, old: Document, new: Document, summary: ReextractSummary) -> None:
    errors = new.meta.get("errors")
    if errors:
        summary.failed.append(f"{old.id}: {errors[0]['stage']} failed ({errors[0]['error']}); its events were "
                              "left as they were")
        return
    named = store.overridden_events(old.id)
    result = reextract(store, dataclasses.replace(new, id=old.id))
    summary.documents += 1
    summary.events_before += len(old.events)
    summary.events_after += result["events"]
    summary.reattached.update(result["reattached"])
    summary.orphaned += result["orphaned"]
    summary.kept += len(set(named) - set(result["reattached"]) - set(result["orphaned"]))
