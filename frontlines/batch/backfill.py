"""Archive backfills: millions of JSONL/CSV records, in process or on a Dask cluster.

    backfill(paths, store_url)                                  # in this process, no Dask
    backfill(paths, store_url, workers=4)                       # a LocalCluster of 4 worker processes
    backfill(paths, store_url, scheduler="tcp://10.0.0.5:8786") # a running cluster (`dask scheduler`)

The driver streams each archive into partitions (``partitions.py``) and keeps a bounded window of them
in flight (two per worker thread, plus two), so workers always have the next partition queued and
memory stays flat whatever the archive's size; the last partitions are cut into one piece per worker
(``partitions.even_tail``), so that the workers finish together. Each partition runs on a long-lived worker that built
the pipeline once (``worker.py``) and extracts with ``pipe()`` in batches. With PostgreSQL the workers
write their documents themselves and record the partition as finished; with SQLite (one writer) the
extracted documents come back and the driver writes them as partitions complete (``as_completed``),
while the next partitions compute. The store's job table (``backfill_partitions``) holds every
finished partition, so a rerun skips them: an interrupted backfill resumes where it stopped. A record
that fails is a ``Failure`` in the report, never dropped silently and never stopping the run.
This package is the only place that imports Dask.
"""

from __future__ import annotations

import itertools
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from frontlines.batch.partitions import Partition, even_tail, iter_partitions
from frontlines.batch.worker import Failure, PartitionResult, close_stores, partition_counts, run_partition, write_documents
from frontlines.errors import ConfigurationError, InvalidParameterError
from frontlines.model import GENRES, Genre

__all__ = ["BackfillReport", "Failure", "Progress", "backfill"]

IN_PROCESS = "synchronous"
LOCAL = "processes"


@dataclass
class Progress:
    """Where a backfill stands, after each partition: documents/s over this run's work and an ETA."""

    records: int  # records done (read, extracted or found stored), including resumed partitions
    added: int
    failures: int
    fraction: float  # of the archives' bytes
    seconds: float
    rate: float  # documents/s extracted or checked by this run
    eta: float | None  # seconds left, once anything was measured


@dataclass
class BackfillReport:
    records: int = 0
    added: int = 0
    unchanged: int = 0  # found stored (not extracted again)
    extracted: int = 0
    events: int = 0
    partitions: int = 0
    resumed: int = 0  # partitions a previous run finished: skipped, nothing read into documents
    resumed_records: int = 0
    workers: int = 0  # worker threads of the cluster; 0: in process
    hosts: set[str] = field(default_factory=set)  # host:pid of each process that ran partitions
    failures: list[Failure] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def problems(self) -> bool:
        """Records skipped or not stored: the run completed with problems."""
        return bool(self.failures)


class _Run:
    """The driver's bookkeeping: writes (SQLite), the job table, the report and progress."""

    def __init__(self, store: Any, total_size: int, on_progress: Callable[[Progress], None] | None) -> None:
        self.store, self.total_size, self.on_progress = store, max(total_size, 1), on_progress
        self.report = BackfillReport()
        self.started = time.perf_counter()
        self.done_size = self.resumed_size = 0

    def pending(self, parts: Iterator[Partition]) -> Iterator[Partition]:
        """The partitions no earlier run finished (those it did are counted as resumed)."""
        for part in parts:
            if self.store.finished_partitions([part.key]):
                self.report.resumed += 1
                self.report.resumed_records += part.count
                self.report.records += part.count
                self.done_size += part.size
                self.resumed_size += part.size
                continue
            yield part

    def finish(self, result: PartitionResult, part: Partition) -> None:
        if result.documents is not None:  # SQLite: the driver is the one writer
            write_documents(self.store, result.documents, result)
            result.documents = None
            if result.finished:
                self.store.record_partition(part.key, part.source, part.first_line, partition_counts(result))
        r = self.report
        r.partitions += 1
        r.records += result.records
        r.added += result.added
        r.unchanged += result.unchanged
        r.extracted += result.extracted
        r.hosts.add(result.worker)
        r.events += result.events
        r.failures += result.failures
        r.warnings += result.warnings
        r.notes += result.notes
        self.done_size += part.size
        self._progress()

    def _progress(self) -> None:
        if self.on_progress is None:
            return
        r, seconds = self.report, time.perf_counter() - self.started
        worked = r.records - r.resumed_records
        fraction = min(1.0, self.done_size / self.total_size)
        size_rate = (self.done_size - self.resumed_size) / seconds if seconds else 0.0
        eta = (self.total_size - self.done_size) / size_rate if size_rate else None
        self.on_progress(Progress(r.records, r.added, len(r.failures), fraction, seconds,
                                  worked / seconds if seconds else 0.0, max(0.0, eta) if eta is not None else None))


def backfill(paths: Sequence[str | Path], store_url: str, *, scheduler: str | None = None,
             workers: int | None = None, partition_size: int = 500, batch_size: int = 16,
             published: date | None = None, on_progress: Callable[[Progress], None] | None = None,
             genre: Genre = "report") -> BackfillReport:
    """Extract every record of the archives and store it; see the module docstring for the modes. ``genre``: what
    kind of text the records are (``model.GENRES``) unless a record's own "genre" field says."""
    from frontlines.store import open_store

    if genre not in GENRES:
        raise InvalidParameterError(f"genre={genre!r}: use one of {', '.join(GENRES)}.")
    if workers is not None and workers < 1:
        raise InvalidParameterError(f"--workers {workers}: give at least 1 worker process.")
    total = sum(Path(p).stat().st_size for p in paths if Path(p).is_file())
    parts = (part for path in paths for part in iter_partitions(path, partition_size))
    write = store_url.startswith(("postgresql://", "postgres://", "postgresql+psycopg://"))
    with open_store(store_url) as store:
        run = _Run(store, total, on_progress)
        if scheduler in (None, LOCAL) and workers:
            _prepare_local_workers()
        with _cluster(scheduler, workers) as client:
            if client is None:
                _in_process(run, run.pending(parts), store_url, write, batch_size, published, genre)
            else:
                run.report.workers = _thread_count(client)
                parts = even_tail(parts, run.report.workers)
                _distributed(client, run, run.pending(parts), store_url, write, batch_size, published, genre)
    run.report.seconds = round(time.perf_counter() - run.started, 2)
    return run.report


def _prepare_local_workers() -> None:
    """Build the gazetteer's cache file here, once, before the local workers start: when it is missing (a first run,
    or a new gazetteer version) every worker process built the same file at the same time - two workers spent
    twice the CPU of one on a 600-document backfill (benchmarks/README.md, issue 14)."""
    from frontlines.knowledge.gazetteer import get_gazetteer

    get_gazetteer()


def _in_process(run: _Run, parts: Iterator[Partition], store_url: str, write: bool, batch_size: int,
                published: date | None, genre: Genre) -> None:
    try:
        for part in parts:
            run.finish(run_partition(part, store_url, write=write, batch_size=batch_size, published=published,
                                     genre=genre), part)
    finally:
        close_stores()


def _distributed(client: Any, run: _Run, parts: Iterator[Partition], store_url: str, write: bool,
                 batch_size: int, published: date | None, genre: Genre) -> None:
    """Submit a window of partitions; as each completes, write/record it and submit the next."""
    from distributed import as_completed

    in_flight: dict[Any, Partition] = {}
    done = as_completed()
    numbers = itertools.count(1)

    def submit_next() -> None:
        part = next(parts, None)
        if part is not None:  # the task key is numbered: an archive given twice has its records twice
            key = f"frontlines-partition-{next(numbers)}-{part.key}"
            future = client.submit(run_partition, part, store_url, write=write, batch_size=batch_size,
                                   published=published, genre=genre, key=key, pure=False)
            in_flight[future] = part
            done.add(future)

    for _ in range(2 * max(1, run.report.workers) + 2):
        submit_next()
    for future in done:
        part = in_flight.pop(future)
        try:
            result = future.result()
        except Exception as exc:  # a worker lost or a bug: the partition is reported and retried by a rerun
            result = PartitionResult(part.key, part.label, records=part.count, size=part.size, failures=[
                Failure(part.label, "partition", f"{type(exc).__name__}: {exc}; rerun the backfill to retry it")])
        future.release()
        run.finish(result, part)
        submit_next()


@contextmanager
def _cluster(scheduler: str | None, workers: int | None) -> Iterator[Any]:
    """None (in process), a LocalCluster of ``workers`` processes, or a client of a running scheduler."""
    if scheduler == IN_PROCESS or (scheduler is None and not workers):
        yield None
        return
    if scheduler not in (None, LOCAL) and not scheduler.startswith(("tcp://", "tls://")):
        raise InvalidParameterError(f"--scheduler {scheduler!r}: give a Dask scheduler address (tcp://host:8786), "
                                    f"'{LOCAL}' for a local cluster or '{IN_PROCESS}' for no cluster.")
    if scheduler not in (None, LOCAL) and workers:
        raise InvalidParameterError(f"--workers starts a local cluster; the cluster at {scheduler} runs with its own "
                                    "workers (start more with `dask worker ADDRESS --nthreads 1`): leave --workers out.")
    try:
        from distributed import Client, LocalCluster
    except ImportError as exc:
        raise ConfigurationError("A Dask cluster needs dask.distributed: pip install 'frontlines[batch]'.") from exc
    from frontlines.batch.plugin import LoadModels

    if scheduler in (None, LOCAL):
        with LocalCluster(n_workers=workers or os.cpu_count() or 1, threads_per_worker=1, processes=True,
                          dashboard_address=":0", worker_dashboard_address=":0", silence_logs=logging.ERROR) as cluster, \
                Client(cluster) as client:
            client.register_plugin(LoadModels())
            yield client
        return
    with _connect(scheduler, Client) as client:
        client.register_plugin(LoadModels())
        yield client


@contextmanager
def _connect(address: str, client_cls: Any) -> Iterator[Any]:
    try:
        client = client_cls(address, timeout="20s")
    except OSError as exc:
        raise ConfigurationError(f"Cannot reach the Dask scheduler at {address} ({exc}); start one with "
                                 f"`dask scheduler` and workers with `dask worker {address} --nthreads 1`.") from exc
    try:
        try:
            client.wait_for_workers(1, timeout=60)
        except TimeoutError as exc:
            raise ConfigurationError(f"The Dask scheduler at {address} has no workers; start some with "
                                     f"`dask worker {address} --nthreads 1`.") from exc
        yield client
    finally:
        client.close()


def _thread_count(client: Any) -> int:
    return sum(w.get("nthreads", 1) for w in client.scheduler_info()["workers"].values())
