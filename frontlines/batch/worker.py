"""What a backfill worker does with one partition: read its records into Documents, leave out those
already stored, extract the rest with ``Pipeline.pipe()`` in batches, and either write them to the
store itself (PostgreSQL: many writers) or hand them back to the driver (SQLite: one writer).

The pipeline is built once per worker process (``LoadModels`` starts it when a worker joins, so the
models load while the first partitions are sent: ``plugin.LoadModels``) and is kept for every partition the worker runs.
A record that cannot be read, a document whose extraction recorded an error and a document the store
refused each become a ``Failure`` that travels back to the driver; none stops the partition.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontlines.batch.partitions import Partition
from frontlines.errors import MalformedInputError, StoreError
from frontlines.model import Document, Genre

__all__ = ["Failure", "PartitionResult", "close_stores", "load_in_background", "partition_counts", "pipeline",
           "run_partition", "write_documents"]


@dataclass
class Failure:
    """A record that was not read (stage ``read``), a document stored with an extraction error
    (``extract``) or not stored (``store``), or a partition that did not finish (``partition``)."""

    document_id: str
    stage: str
    error: str


@dataclass
class PartitionResult:
    key: str
    label: str
    records: int = 0
    size: int = 0
    added: int = 0
    unchanged: int = 0  # already stored (not extracted again), or stored meanwhile by another writer
    extracted: int = 0  # documents run through the pipeline
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    documents: list[Document] | None = None  # extracted, for the driver to write (SQLite)
    seconds: float = 0.0
    worker: str = ""  # host:pid of the process that ran it

    @property
    def finished(self) -> bool:
        """Every document of the partition is stored (or was refused as unreadable input)."""
        return self.documents is None and not any(f.stage in ("store", "partition") for f in self.failures)


_lock = threading.Lock()


def pipeline() -> Any:
    """The process's pipeline (errors recorded on the document), built on first use; threads share it."""
    with _lock:
        return _build()


@lru_cache(maxsize=1)
def _build() -> Any:
    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    built = Pipeline.default(on_error="record")
    built.process(document_from_text("Clashes in Sirte on Monday killed two soldiers.", id="warm-up"))
    return built


def load_in_background() -> None:
    """Start building the pipeline in a thread (a worker joining a cluster): tasks wait for it."""
    threading.Thread(target=pipeline, name="frontlines-load-models", daemon=True).start()


def close_stores() -> None:
    """Close this process's store connections (an in-process backfill, at its end)."""
    for store in _opened:
        store.close()
    _opened.clear()
    _store.cache_clear()


_opened: list[Any] = []


@lru_cache(maxsize=4)
def _store(url: str) -> Any:
    """The process's own connection to the store, kept for every partition it runs."""
    from frontlines.store import open_store

    store = open_store(url)
    _opened.append(store)
    return store


def _stored_check(url: str | None) -> Any:
    """``has_document`` of the store when this process can reach it (a local SQLite file or PostgreSQL)."""
    if url is None or not (url.startswith("postgres") or Path(url.removeprefix("sqlite:///")).exists()):
        return None
    try:
        return _store(url).has_document
    except StoreError:
        return None


def run_partition(part: Partition, store_url: str | None, *, write: bool, batch_size: int = 16,
                  published: date | None = None, genre: Genre = "report") -> PartitionResult:
    """Read, extract and (``write``) store one partition; with ``write`` False the extracted documents
    come back in ``PartitionResult.documents``."""
    started = time.perf_counter()
    result = PartitionResult(part.key, part.label, records=part.count, size=part.size,
                             worker=f"{socket.gethostname()}:{os.getpid()}")
    docs = _documents(part, published, genre, result)
    seen = _stored_check(store_url)
    if seen is not None:
        fresh = [d for d in docs if not seen(d.content_hash)]
        result.unchanged, docs = len(docs) - len(fresh), fresh
    writer = _Writer(_store(store_url), result) if write and store_url is not None else None
    extracted: list[Document] = []
    try:
        with _lock:
            for doc in _build().pipe(docs, batch_size=batch_size) if docs else ():
                extracted.append(doc)
                if writer is not None and len(extracted) % batch_size == 0:
                    writer.write(extracted[-batch_size:])
    finally:
        if writer is not None:
            writer.write(extracted[len(extracted) - len(extracted) % batch_size:])
            writer.close()
    result.extracted = len(extracted)
    for doc in extracted:
        for problem in doc.meta.get("errors", []):
            result.failures.append(Failure(doc.id, "extract", f"{problem['stage']}: {problem['error']}"))
    if writer is not None:
        if result.finished:
            _store(store_url).record_partition(part.key, part.source, part.first_line, partition_counts(result))
    else:
        result.documents = extracted
    result.seconds = time.perf_counter() - started
    return result


class _Writer:
    """Stores each batch the pipeline yields in a thread of its own while the next batch is extracted: the worker
    waited for PostgreSQL after every partition (0.83 of a core busy with one worker, load 2.6; issue 14). Batches are
    stored in order; ``close`` waits for the last one, so a partition is recorded only once all of it is stored."""

    def __init__(self, store: Any, result: PartitionResult) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self.store, self.result = store, result
        self.pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frontlines-writer")
        self.pending: list[Any] = []

    def write(self, docs: list[Document]) -> None:
        if docs:
            self.pending.append(self.pool.submit(write_documents, self.store, list(docs), self.result))

    def close(self) -> None:
        try:
            for future in self.pending:
                future.result()
        finally:
            self.pool.shutdown(wait=True)


def write_documents(store: Any, docs: list[Document], result: PartitionResult) -> None:
    """Store each document; one the store refuses is a ``store`` failure (it is retried by a rerun)."""
    for doc in docs:
        try:
            outcome = store.add_document(doc)
        except StoreError as exc:
            result.failures.append(Failure(doc.id, "store", str(exc)))
            continue
        result.added += outcome.added
        result.unchanged += not outcome.added
        result.events += outcome.events if outcome.added else 0
        if note := outcome.note():
            result.notes.append(note)


def partition_counts(result: PartitionResult) -> dict[str, int]:
    return {"records": result.records, "added": result.added, "unchanged": result.unchanged,
            "events": result.events, "failures": len(result.failures)}


# -- records -> documents (as `frontlines ingest` reads them) ------------------------------------------
def _documents(part: Partition, published: date | None, genre: Genre, result: PartitionResult) -> list[Document]:
    from frontlines.pipeline.reading import ingest

    report = ingest._Report("skip", lambda message: None, result.warnings.append)
    stem = Path(part.source).stem
    docs = []
    for number, record in enumerate(part.records, start=part.first_line):
        where = f"{part.source} line {number}"
        try:
            obj = _record_object(record, where)
            if obj is None:
                continue
            docs.append(ingest._record(obj, where, f"{stem}#{number}", published, part.fmt, report, genre))
        except MalformedInputError as exc:
            result.failures.append(Failure(where, "read", str(exc)))
    return docs


def _record_object(record: Any, where: str) -> dict[str, Any] | None:
    if isinstance(record, dict):
        if None in record:
            raise MalformedInputError(f"{where}: more fields than header columns; quote the text field.")
        return record
    if not record.strip():
        return None
    from frontlines.pipeline.reading.ingest import json_record

    return json_record(record, where)
