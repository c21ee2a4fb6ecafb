"""Reading what users bring into Documents: text/Markdown blog posts and wire stories, HTML pages,
RSS/Atom feeds, JSONL and CSV archives, stdin.

Bad input raises ``frontlines.errors.InputError`` subclasses whose message names the file (and line)
and says what to do. Archives can skip bad records (``errors="skip"``), reporting each through
``on_problem`` so nothing is dropped silently. The blog structure is parsed by ``blog.py``.
"""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any

from frontlines import settings
from frontlines.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    InvalidParameterError,
    MalformedInputError,
)
from frontlines.model import Document
from frontlines.pipeline.blog import parse_blog

__all__ = ["SUPPORTED_SUFFIXES", "document_from_text", "iter_documents", "parse_published", "read_path"]

SUPPORTED_SUFFIXES = {".txt": "text", ".md": "text", ".text": "text", ".html": "html", ".htm": "html",
                      ".xml": "feed", ".rss": "feed", ".atom": "feed", ".jsonl": "jsonl", ".ndjson": "jsonl",
                      ".csv": "csv"}
Problem = Callable[[str], None]
_MIN_HTML_WORDS = 4  # fewer words than this is navigation left over, not an article
_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y-%m-%dT%H:%M:%S",
                 "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S")


def parse_published(value: str) -> date:
    text = str(value).strip()
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError as exc:
        raise InvalidParameterError(
            f"Invalid publication date {value!r}: use YYYY-MM-DD, e.g. --published 2016-01-12."
        ) from exc


def document_from_text(text: str, *, id: str, published: date | None = None, title: str | None = None,
                       source: str | None = None, url: str | None = None, format: str = "text") -> Document:
    """A Document with its blog structure parsed (blocks, title and dateline)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parsed = parse_blog(text)
    doc = Document(id=id, text=text, title=title or parsed.title, published=published or parsed.published,
                   source=source or parsed.outlet, url=url, format=format, blocks=parsed.blocks)
    doc.meta["outlets"] = parsed.outlets
    if parsed.wire_dateline:
        doc.meta["wire_dateline"] = list(parsed.wire_dateline)
    return doc


# -- reading bytes safely ----------------------------------------------------------------------------
def _max_bytes() -> int:
    return int(settings.get("max_bytes"))


def _decode(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192]:
        raise EncodingError(f"{name} looks binary (it contains NUL bytes); give Frontlines text, HTML, a feed, JSONL or CSV.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{name} is not UTF-8 (byte {exc.start}); convert it first, e.g. `iconv -f latin1 -t utf-8 {name} > fixed.txt`."
        ) from exc
    if not text.strip():
        raise EmptyInputError(f"{name} is empty; nothing to extract.")
    return text


def _check_path(path: Path) -> None:
    if not path.exists():
        raise InputError(f"{path} does not exist; check the path.")
    if path.is_dir():
        raise InputError(f"{path} is a folder; pass the files in it, e.g. {path}/*.txt.")


def _read_file(path: Path) -> str:
    _check_path(path)
    size = path.stat().st_size
    if size > _max_bytes():
        raise InputTooLargeError(
            f"{path} is {size / 1e6:.1f} MB, over the {_max_bytes() / 1e6:.0f} MB limit for one document; split it "
            "into a JSONL archive (one document per line, streamed whatever its size) or raise FRONTLINES_MAX_BYTES."
        )
    return _decode(path.read_bytes(), str(path))


def _archive_lines(path: Path) -> Iterator[str]:
    """Lines of a JSONL/CSV archive, streamed (archives may be far larger than one document)."""
    _check_path(path)
    with path.open("rb") as fh:
        head = fh.read(8192)
    if not head.strip():
        raise EmptyInputError(f"{path} is empty; nothing to extract.")
    if b"\x00" in head:
        raise EncodingError(f"{path} looks binary (it contains NUL bytes); give Frontlines a UTF-8 JSONL or CSV archive.")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        lineno = 0
        try:
            for lineno, line in enumerate(fh, start=1):  # noqa: B007 - lineno is read after the loop
                yield line
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"{path} line {lineno + 1} is not UTF-8; convert it first, e.g. "
                f"`iconv -f latin1 -t utf-8 {path} > fixed{path.suffix}`."
            ) from exc


# -- formats ---------------------------------------------------------------------------------------------
def _from_html(html: str, name: str, published: date | None) -> list[Document]:
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not body or len(body.split()) < _MIN_HTML_WORDS:
        raise MalformedInputError(f"{name}: no readable article text found in the HTML; is it a full page?")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta and meta.title else None
    found = meta.date if meta and meta.date else None
    body = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    pub = published or (parse_published(found) if found else None)
    return [document_from_text(text, id=Path(name).stem, published=pub, title=title, format="html",
                               url=meta.url if meta else None, source=meta.sitename if meta else None)]


def _strip_html(fragment: str) -> str:
    if "<" not in fragment:
        return fragment.strip()
    from lxml import html as lxml_html

    root = lxml_html.fromstring(f"<div>{fragment}</div>")
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for p in root.iter("p", "div", "li", "blockquote", "h1", "h2", "h3"):
        p.tail = "\n\n" + (p.tail or "")
    return "\n".join(line.strip() for line in root.text_content().splitlines()).strip()


def _from_feed(raw: str, name: str, published: date | None) -> list[Document]:
    import feedparser

    feed = feedparser.parse(raw)
    if not feed.entries:
        why = f" ({feed.bozo_exception})" if feed.bozo else ""
        raise MalformedInputError(f"{name}: no entries found in the RSS/Atom feed{why}; is it a valid feed?")
    docs = []
    for i, entry in enumerate(feed.entries, start=1):
        content = entry.get("content", [{}])[0].get("value") or entry.get("summary", "")
        body = _strip_html(content)
        title = entry.get("title")
        text = f"{title}\n\n{body}" if title else body
        if not text.strip():
            why = f" ({feed.bozo_exception})" if feed.bozo else ""
            raise MalformedInputError(f"{name}: feed entry {i} has neither title nor text{why}; is it a valid feed?")
        when = entry.get("published_parsed") or entry.get("updated_parsed")
        pub = published or (date(*when[:3]) if when else None)
        doc_id = entry.get("id") or entry.get("link") or f"{Path(name).stem}#{i}"
        docs.append(document_from_text(text, id=doc_id, published=pub, title=title, url=entry.get("link"),
                                       source=feed.feed.get("title"), format="feed"))
    return docs


def _record(obj: dict[str, Any], where: str, default_id: str, published: date | None, fmt: str) -> Document:
    text = obj.get("text")
    if not isinstance(text, str) or not text.strip():
        raise MalformedInputError(f"{where}: the record has no non-empty \"text\" field.")
    pub = published
    if pub is None and obj.get("published"):
        try:
            pub = parse_published(str(obj["published"]))
        except InvalidParameterError as exc:
            raise MalformedInputError(f"{where}: {exc}") from exc
    return document_from_text(text, id=str(obj.get("id") or default_id), published=pub, title=obj.get("title") or None,
                              source=obj.get("source") or None, url=obj.get("url") or None, format=fmt)


def _from_jsonl(lines: Iterable[str], name: str, published: date | None, errors: str,
                problem: Problem) -> Iterator[Document]:
    stem = Path(name).stem
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name} line {lineno}"
        try:
            if len(line) > _max_bytes():
                raise MalformedInputError(f"{where} is over the {_max_bytes() / 1e6:.0f} MB limit for one document.")
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise MalformedInputError(f"Invalid JSON on {where} ({exc.msg}); each line must be one JSON object.") from exc
            if not isinstance(obj, dict):
                raise MalformedInputError(f"{where} is not a JSON object; each line must be {{\"id\", \"text\", ...}}.")
            yield _record(obj, where, f"{stem}#{lineno}", published, "jsonl")
        except MalformedInputError as exc:
            if errors == "raise":
                raise
            problem(str(exc))


def _from_csv(lines: Iterable[str], name: str, published: date | None, errors: str,
              problem: Problem) -> Iterator[Document]:
    csv.field_size_limit(max(_max_bytes(), csv.field_size_limit()))
    reader = csv.DictReader(lines)
    columns = reader.fieldnames or []
    if "text" not in columns:
        raise MalformedInputError(
            f"{name}: a CSV archive needs a header with a 'text' column (found: {', '.join(columns) or 'no header'})."
        )
    stem = Path(name).stem
    for rowno, row in enumerate(reader, start=2):
        try:
            if None in row:
                raise MalformedInputError(f"{name} line {rowno}: more fields than header columns; quote the text field.")
            yield _record(row, f"{name} line {rowno}", f"{stem}#{rowno}", published, "csv")
        except MalformedInputError as exc:
            if errors == "raise":
                raise
            problem(str(exc))


def _sniff(raw: str) -> str:
    head = raw.lstrip()[:500].lower()
    if head.startswith("<?xml") or "<rss" in head or "<feed" in head:
        return "feed"
    if head.startswith("<!doctype html") or head.startswith("<html"):
        return "html"
    lines = [ln for ln in raw.splitlines() if ln.strip()]
    if lines and all(ln.lstrip().startswith("{") for ln in lines[:20]):
        return "jsonl"
    return "text"


def _parse(raw: str, name: str, fmt: str, published: date | None, errors: str, problem: Problem) -> Iterator[Document]:
    if fmt == "text":
        yield document_from_text(raw, id=Path(name).stem if name != "-" else "stdin", published=published)
    elif fmt == "html":
        yield from _from_html(raw, name, published)
    elif fmt == "feed":
        yield from _from_feed(raw, name, published)
    elif fmt == "jsonl":
        yield from _from_jsonl(raw.splitlines(), name, published, errors, problem)
    else:
        yield from _from_csv(io.StringIO(raw, newline=""), name, published, errors, problem)


def _parse_archive(path: Path, fmt: str, published: date | None, errors: str, problem: Problem) -> Iterator[Document]:
    """A JSONL/CSV file, streamed record by record; an archive with no record is an error."""
    reader = _from_jsonl if fmt == "jsonl" else _from_csv
    count = 0
    for doc in reader(_archive_lines(path), str(path), published, errors, problem):
        count += 1
        yield doc
    if count == 0 and errors == "raise":
        raise EmptyInputError(f"{path} holds no document records; each needs a non-empty \"text\" field.")


def _format_of(path: Path) -> str:
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: unsupported file type {path.suffix or '(none)'}; use one of {', '.join(sorted(SUPPORTED_SUFFIXES))}."
        )
    return fmt


def read_path(path: str | Path, *, published: date | None = None, errors: str = "raise",
              on_problem: Problem | None = None) -> list[Document]:
    return list(iter_documents([path], published=published, errors=errors, on_problem=on_problem))


def _read_stdin() -> str:
    data = sys.stdin.buffer.read(_max_bytes() + 1)
    if len(data) > _max_bytes():
        raise InputTooLargeError(f"stdin is over the {_max_bytes() / 1e6:.0f} MB limit; pass a JSONL archive instead.")
    return _decode(data, "stdin")


def iter_documents(paths: Sequence[str | Path], *, published: date | None = None, errors: str = "raise",
                   on_problem: Problem | None = None) -> Iterator[Document]:
    """Documents from files (or "-" for stdin), in input order."""
    if errors not in ("raise", "skip"):
        raise InvalidParameterError(f"errors={errors!r}: use 'raise' or 'skip'.")
    problem = on_problem or (lambda message: print(f"warning: {message}", file=sys.stderr))
    for item in paths:
        if str(item) == "-":
            raw = _read_stdin()
            yield from _parse(raw, "-", _sniff(raw), published, errors, problem)
            continue
        path = Path(os.fspath(item))
        try:
            _check_path(path)
            fmt = _format_of(path)
            if fmt in ("jsonl", "csv"):
                yield from _parse_archive(path, fmt, published, errors, problem)
            else:
                yield from _parse(_read_file(path), str(path), fmt, published, errors, problem)
        except InputError as exc:
            if errors == "raise":
                raise
            problem(str(exc))
