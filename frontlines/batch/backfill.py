"""Archive backfills with Dask: millions of JSONL/CSV records, processed in parallel partitions.

Records are read lazily by partition (byte ranges of the archive, never the whole file in memory);
each worker loads the pipeline once and processes its partition; results come back to the driver,
which writes them to the store in input order (SQLite allows one writer). A record that fails
becomes a ``Failure`` row that is reported, never dropped silently, and never stops the run.
This is the only module that imports Dask.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontlines.errors import ConfigurationError, FrontlinesError, InvalidParameterError
from frontlines.model import Document

__all__ = ["BackfillReport", "Failure", "backfill", "partitions"]

Process = Callable[[Document], Document]


@dataclass
class Failure:
    document_id: str
    stage: str
    error: str


@dataclass
class BackfillReport:
    documents: int = 0
    added: int = 0
    skipped_duplicates: int = 0
    events: int = 0
    failures: list[Failure] = field(default_factory=list)
    seconds: float = 0.0


def partitions(path: Path, partition_size: int) -> list[tuple[str, int, int]]:
    """(path, start byte, end byte) ranges that hold about ``partition_size`` records each."""
    bounds, count, start, offset = [], 0, 0, 0
    with path.open("rb") as fh:
        if path.suffix.lower() == ".csv":
            offset = start = len(fh.readline())
        for line in fh:
            offset += len(line)
            count += 1
            if count >= partition_size:
                bounds.append((str(path), start, offset))
                start, count = offset, 0
    if count:
        bounds.append((str(path), start, offset))
    return bounds


def _read(part: tuple[str, int, int]) -> Iterator[tuple[str, dict[str, Any] | None, str | None]]:
    """(record id, record or None, error or None) for each line of a partition."""
    import csv
    import io

    path, start, end = part
    with open(path, "rb") as fh:
        header = fh.readline().decode("utf-8-sig") if path.endswith(".csv") else ""
        fh.seek(start)
        chunk = fh.read(end - start).decode("utf-8", errors="replace")
    if path.endswith(".csv"):
        for i, row in enumerate(csv.DictReader(io.StringIO(header + chunk))):
            yield row.get("id") or f"{Path(path).stem}@{start}#{i}", row, None
        return
    for i, line in enumerate(chunk.splitlines()):
        if not line.strip():
            continue
        rid = f"{Path(path).stem}@{start}#{i}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield rid, None, f"invalid JSON ({exc.msg})"
            continue
        yield (str(obj.get("id") or rid), obj, None) if isinstance(obj, dict) else (rid, None, "not a JSON object")


@lru_cache(maxsize=1)
def _default_process() -> Process:
    from frontlines.pipeline import Pipeline

    return Pipeline.default().process


def _process_partition(part: tuple[str, int, int], process: Process | None) -> list[tuple[Any, ...]]:
    from frontlines.pipeline.reading.ingest import document_from_text, parse_published

    run = process or _default_process()
    out: list[tuple[Any, ...]] = []
    for rid, record, error in _read(part):
        if error or record is None:
            out.append(("failure", Failure(rid, "read", error or "empty record")))
            continue
        try:
            text = record.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InvalidParameterError("the record has no non-empty \"text\" field")
            published = parse_published(record["published"]) if record.get("published") else None
            doc = document_from_text(text, id=rid, published=published, title=record.get("title") or None,
                                     source=record.get("source") or None, url=record.get("url") or None,
                                     format="jsonl")
            out.append(("document", run(doc)))
        except (FrontlinesError, ValueError, KeyError, TypeError, RuntimeError) as exc:
            out.append(("failure", Failure(rid, "extract", f"{type(exc).__name__}: {exc}")))
    return out


def _client(scheduler: str, workers: int | None) -> dict[str, Any]:
    if scheduler in ("synchronous", "threads", "processes"):
        return {"scheduler": scheduler, **({"num_workers": workers} if workers else {})}
    if scheduler.startswith("tcp://"):
        try:
            from dask.distributed import Client
        except ImportError as exc:
            raise ConfigurationError("A tcp:// scheduler needs dask.distributed: pip install 'dask[distributed]'.") from exc
        return {"scheduler": Client(scheduler)}
    raise InvalidParameterError(f"scheduler {scheduler!r}: use synchronous, threads, processes or a tcp:// address.")


def backfill(paths: Sequence[Path], store_url: str, *, scheduler: str = "processes", workers: int | None = None,
             partition_size: int = 500, process: Process | None = None) -> BackfillReport:
    """Process every record of the archives in parallel and store the results."""
    try:
        import dask.bag as db
    except ImportError as exc:
        raise ConfigurationError("Backfills need Dask: pip install 'frontlines[batch]'.") from exc
    from frontlines.store import open_store

    started = time.perf_counter()
    parts = [p for path in paths for p in partitions(Path(path), partition_size)]
    report = BackfillReport()
    if not parts:
        return report
    options = _client(scheduler, workers)
    wave = max(4, 4 * (workers or 2))  # bounded memory: only a few partitions' results in flight
    with open_store(store_url) as store:
        for i in range(0, len(parts), wave):
            batch = parts[i:i + wave]
            results = db.from_sequence(batch, npartitions=len(batch)).map(_process_partition, process).compute(**options)
            _write(store, results, report)
    report.seconds = round(time.perf_counter() - started, 2)
    return report


def _write(store: Any, results: list[list[tuple[Any, ...]]], report: BackfillReport) -> None:
    for chunk in results:
        for kind, item in chunk:
            if kind == "failure":
                report.failures.append(item)
                continue
            report.documents += 1
            outcome = store.add_document(item)
            report.added += outcome.added
            report.skipped_duplicates += not outcome.added
            report.events += outcome.events
