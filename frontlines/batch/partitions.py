"""Archives cut into partitions: a few hundred records each, read lazily by the driver, so an archive of
any size streams through a bounded window of partitions in flight.

A partition carries its records (raw JSONL lines, or CSV rows as dicts) rather than a byte range, so a
worker on another machine needs no access to the driver's files. Its ``key`` is a digest of the
archive format, the first line number and the records: the job table records finished partitions by
this key, so a rerun over the same archive skips them without reading their records again.
"""

from __future__ import annotations

import csv
import hashlib
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from frontlines.errors import InputError, MalformedInputError

__all__ = ["ARCHIVE_FORMATS", "Partition", "even_tail", "iter_partitions", "split_partition"]

ARCHIVE_FORMATS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}


@dataclass
class Partition:
    """Records of one archive, ``first_line`` being the line (JSONL) or record (CSV) number of the first,
    as ``ingest`` numbers them (ids default to ``<stem>#<number>`` either way)."""

    source: str
    fmt: str  # "jsonl" | "csv"
    first_line: int
    records: list[Any] = field(repr=False)  # JSONL: raw lines (blank ones kept, so numbers hold); CSV: row dicts
    size: int = 0  # characters read: progress and ETA go by it
    key: str = ""

    @property
    def count(self) -> int:
        """Records in the partition (blank JSONL lines are none)."""
        return sum(1 for r in self.records if not isinstance(r, str) or r.strip())

    @property
    def label(self) -> str:
        return f"{self.source} from {'line' if self.fmt == 'jsonl' else 'record'} {self.first_line}"


def _digest(fmt: str, first_line: int, records: Sequence[Any]) -> str:
    h = hashlib.blake2b(f"{fmt}\x00{first_line}\x00".encode(), digest_size=16)
    for record in records:
        text = record if isinstance(record, str) else repr(sorted(record.items(), key=lambda kv: str(kv[0])))
        h.update(text.encode("utf-8", "surrogatepass"))
        h.update(b"\x1e")
    return h.hexdigest()


def _partition(source: str, fmt: str, first_line: int, records: list[Any], size: int) -> Partition:
    return Partition(source, fmt, first_line, records, size, _digest(fmt, first_line, records))


def _format(path: Path) -> str:
    fmt = ARCHIVE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise InputError(f"{path}: a backfill reads JSONL or CSV archives ({', '.join(ARCHIVE_FORMATS)}); "
                         "use `frontlines ingest` for other files.")
    return fmt


def iter_partitions(path: str | Path, partition_size: int) -> Iterator[Partition]:
    """Partitions of about ``partition_size`` records, in archive order (UTF-8, or UTF-16/32 with a BOM)."""
    from frontlines.pipeline.reading.ingest import _archive_lines

    if partition_size < 1:
        raise InputError(f"partition size {partition_size}: give at least 1 record per partition.")
    path = Path(path)
    fmt = _format(path)
    lines = _archive_lines(path)
    yield from (_jsonl(str(path), lines, partition_size) if fmt == "jsonl" else _csv(str(path), lines, partition_size))


def _jsonl(source: str, lines: Iterator[str], partition_size: int) -> Iterator[Partition]:
    chunk: list[str] = []
    first, count, size = 1, 0, 0
    for lineno, line in enumerate(lines, start=1):
        chunk.append(line)
        size += len(line)
        count += bool(line.strip())
        if count >= partition_size:
            yield _partition(source, "jsonl", first, chunk, size)
            chunk, first, count, size = [], lineno + 1, 0, 0
    if count:
        yield _partition(source, "jsonl", first, chunk, size)


def _csv(source: str, lines: Iterator[str], partition_size: int) -> Iterator[Partition]:
    from frontlines import settings

    csv.field_size_limit(max(settings.get_int("max_bytes"), csv.field_size_limit()))
    reader = csv.DictReader(_counting(lines, sizes := [0]))
    if "text" not in (reader.fieldnames or []):
        raise MalformedInputError(f"{source}: a CSV archive needs a header with a 'text' column "
                                  f"(found: {', '.join(reader.fieldnames or []) or 'no header'}).")
    chunk: list[dict[str, Any]] = []
    first = 2
    for rowno, row in enumerate(reader, start=2):
        chunk.append(row)
        if len(chunk) >= partition_size:
            yield _partition(source, "csv", first, chunk, sizes[0])
            chunk, first, sizes[0] = [], rowno + 1, 0
    if chunk:
        yield _partition(source, "csv", first, chunk, sizes[0])


def even_tail(parts: Iterator[Partition], workers: int) -> Iterator[Partition]:
    """``parts``, the last ``workers`` of them each cut into one piece per worker: the workers then finish together
    instead of one running the last whole partition while the others wait (15 partitions on 2 workers: 8 against 7,
    a sixteenth of the run; issue 14). It reads ``workers`` partitions ahead to know which are the last. The same
    archives give the same pieces, so a rerun finds the pieces it finished."""
    ahead: deque[Partition] = deque()
    for part in parts:
        ahead.append(part)
        if len(ahead) > max(workers, 1):
            yield ahead.popleft()
    for part in ahead:
        yield from split_partition(part, workers) if workers > 1 else (part,)


def split_partition(part: Partition, pieces: int) -> list[Partition]:
    """``part`` as up to ``pieces`` partitions of consecutive records, numbered as before."""
    records, size = part.records, part.size
    step = -(-len(records) // pieces)
    out = []
    for first in range(0, len(records), step):
        chunk = records[first:first + step]
        share = size * len(chunk) // len(records) if first + step < len(records) else size - sum(p.size for p in out)
        out.append(_partition(part.source, part.fmt, part.first_line + first, chunk, share))
    return out


def _counting(lines: Iterator[str], sizes: list[int]) -> Iterator[str]:
    for line in lines:
        sizes[0] += len(line)
        yield line
