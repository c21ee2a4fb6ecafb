"""Reading what users bring into Documents: text/Markdown blog posts and wire stories, HTML pages,
RSS/Atom feeds, JSONL and CSV archives, stdin.

Bad input raises ``frontlines.errors.InputError`` subclasses whose message names the file (and line)
and says what to do. Archives and feeds can skip bad records (``errors="skip"``), reporting each
through ``on_problem`` so nothing is dropped silently; a record is read lazily, so the records
before a bad one are already out of the reader when it raises. A record kept with something left
out (an unreadable date, a link that is not http(s): ``fields.py``) is reported to ``on_warning``.
Text in UTF-8, or UTF-16/32 with a byte-order mark, is decoded. The blog structure is parsed by
``blog.py``.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from frontlines import fastre
from frontlines import settings
from frontlines.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    InvalidParameterError,
    MalformedInputError,
)
from frontlines.model import GENRES, Document, Genre
from frontlines.pipeline.reading.blog import parse_blog
from frontlines.pipeline.reading.fields import http_url, parse_published, text_field

__all__ = ["SUPPORTED_SUFFIXES", "document_from_text", "iter_documents", "parse_published", "read_path"]

SUPPORTED_SUFFIXES = {".txt": "text", ".md": "text", ".text": "text", ".html": "html", ".htm": "html",
                      ".xml": "feed", ".rss": "feed", ".atom": "feed", ".jsonl": "jsonl", ".ndjson": "jsonl",
                      ".csv": "csv"}
Problem = Callable[[str], None]
_UNSTORABLE = fastre.compile("[\x00\ud800-\udfff]")  # NUL and lone surrogates: see document_from_text
_MIN_HTML_WORDS = 4  # fewer words than this is navigation left over, not an article


def document_from_text(text: str, *, id: str, published: date | None = None, title: str | None = None,
                       source: str | None = None, url: str | None = None, format: str = "text",
                       genre: Genre = "report") -> Document:
    """A Document with its blog structure parsed (blocks, title and dateline). NUL characters become
    spaces and lone surrogates (a JSON "\\ud800") U+FFFD, one for one so offsets hold: PostgreSQL text cannot
    hold NUL, and no store can encode a surrogate as UTF-8."""
    text = _storable(text.replace("\r\n", "\n").replace("\r", "\n"))
    parsed = parse_blog(text)
    id = _storable(id) if id else id
    title, source, url = (_storable(v) if v else v for v in (title, source, url))
    doc = Document(id=id, text=text, title=title or parsed.title, published=published or parsed.published,
                   source=source or parsed.outlet, url=url, format=format, genre=genre, blocks=parsed.blocks,
                   outlets=parsed.outlets, wire_dateline=parsed.wire_dateline)
    return doc


def _storable(value: str) -> str:
    return _UNSTORABLE.sub(lambda m: " " if m.group() == "\x00" else "\ufffd", value)


# -- reading bytes safely ----------------------------------------------------------------------------
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),  # UTF-32 LE starts like UTF-16 LE
         (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True)
class _Report:
    """How a reader reports: ``errors`` ("raise" or "skip"), skipped records (``problem``) and records
    kept with something left out (``warn``: an unreadable date, a link that is not http(s))."""

    errors: str
    problem: Problem
    warn: Problem

    def bad(self, exc: InputError) -> None:
        if self.errors == "raise":
            raise exc
        self.problem(str(exc))


def _max_bytes() -> int:
    return settings.get_int("max_bytes")


def json_record(line: str, where: str) -> dict[str, Any]:
    """One line of a JSONL archive as its object, or a MalformedInputError that says what to fix (also read by the
    backfill's workers)."""
    if len(line) > _max_bytes():
        raise MalformedInputError(f"{where} is over the {_max_bytes() / 1e6:.0f} MB limit for one document.")
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInputError(f"Invalid JSON on {where} ({exc.msg}); each line must be one JSON object.") from exc
    if not isinstance(obj, dict):
        raise MalformedInputError(f"{where} is not a JSON object; each line must be {{\"id\", \"text\", ...}}.")
    return obj


def _encoding(head: bytes) -> str:
    """UTF-16/32 when the text starts with their byte-order mark, else UTF-8 (with or without one)."""
    return next((name for bom, name in _BOMS if head.startswith(bom)), "utf-8-sig")


_CONTROL = bytes(range(0, 9)) + bytes(range(14, 32))


def _binary(head: bytes) -> bool:
    """Binary when the first bytes hold many NULs (over 8, and over 1% of them) or are mostly control bytes: a
    stray NUL in one record of a small file is that record's fault, not the file's (issue 14)."""
    nul = head.count(b"\x00")
    if nul > 8 and nul * 100 > len(head):
        return True
    control = sum(head.count(bytes([c])) for c in _CONTROL)
    return control * 10 > len(head) * 3


def _decode(data: bytes, name: str) -> str:
    encoding = _encoding(data[:4])
    if encoding == "utf-8-sig" and _binary(data[:8192]):
        raise EncodingError(f"{name} looks binary (it contains NUL bytes); give Frontlines text, HTML, a feed, JSONL or CSV.")
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise EncodingError(
            f"{name} is not {encoding.upper().removesuffix('-SIG')} (byte {exc.start}); convert it first, e.g. "
            f"`iconv -f latin1 -t utf-8 {name} > fixed.txt`."
        ) from exc
    text = text.removeprefix("\ufeff")
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
    encoding = _encoding(head)
    if not head.strip() or not head.removeprefix(codecs.BOM_UTF8).decode(encoding, "ignore").strip("\ufeff \r\n\t"):
        raise EmptyInputError(f"{path} is empty; nothing to extract.")
    if encoding == "utf-8-sig" and _binary(head):
        raise EncodingError(f"{path} looks binary (it contains NUL bytes); give Frontlines a UTF-8 JSONL or CSV archive.")
    with path.open(encoding=encoding, newline="") as fh:
        lineno = 0
        try:
            for lineno, line in enumerate(fh, start=1):  # noqa: B007 - lineno is read after the loop
                yield line.removeprefix("\ufeff") if lineno == 1 else line
        except UnicodeDecodeError as exc:
            raise EncodingError(
                f"{path} line {lineno + 1} is not {encoding.upper().removesuffix('-SIG')}; convert it first, e.g. "
                f"`iconv -f latin1 -t utf-8 {path} > fixed{path.suffix}`."
            ) from exc


# -- fields shared by the formats ---------------------------------------------------------------------
def _link(value: str | None, where: str, report: _Report) -> str | None:
    url = http_url(value)
    if value and url is None:
        report.warn(f"{where}: url {value[:80]!r} is not an http(s) link; the document is kept without it.")
    return url


def _published_field(value: Any, where: str, report: _Report) -> date | None:
    """A record's own publication date; one that cannot be read is reported and left out, never fatal."""
    if value is None or value == "":
        return None
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        try:
            return parse_published(str(value))
        except InvalidParameterError:
            pass
    report.warn(f"{where}: published {str(value)[:80]!r} is not a date Frontlines can read; the document is kept "
                "undated (write dates as YYYY-MM-DD or e.g. 'Sat, 03 Jan 2015 07:58:00 +0000').")
    return None


# -- formats ---------------------------------------------------------------------------------------------
def _from_html(html: str, name: str, published: date | None, report: _Report,
               genre: Genre = "report") -> list[Document]:
    import trafilatura

    body = trafilatura.extract(html, include_comments=False, include_tables=False, favor_precision=True)
    if not body or len(body.split()) < _MIN_HTML_WORDS:
        raise MalformedInputError(f"{name}: no readable article text found in the HTML; is it a full page?")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta and meta.title else None
    found = meta.date if meta and meta.date else None
    body = "\n\n".join(line.strip() for line in body.splitlines() if line.strip())
    text = f"{title}\n\n{body}" if title and not body.startswith(title) else body
    pub = published or _published_field(found, name, report)
    return [document_from_text(text, id=Path(name).stem, published=pub, title=title, format="html",
                               url=_link(meta.url if meta else None, name, report),
                               source=meta.sitename if meta else None, genre=genre)]


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


def _from_feed(raw: str, name: str, published: date | None, report: _Report,
               genre: Genre = "report") -> Iterator[Document]:
    """Entries one by one: a broken entry (a truncated or malformed feed) costs only itself."""
    _feed, items = feed_items(raw, name, published, report, genre)
    for _entry, doc in items:
        yield doc


def feed_items(raw: str, name: str, published: date | None, report: _Report,
               genre: Genre = "report") -> tuple[Any, Iterator[tuple[Any, Document]]]:
    """The parsed feed and its readable entries, each with its document; a broken entry (truncated, malformed) is
    reported and costs only itself; a feed with no entry at all raises MalformedInputError (also read by the
    feed watcher)."""
    import feedparser

    feed = feedparser.parse(raw)
    why = f" ({feed.bozo_exception})" if feed.bozo else ""
    if not feed.entries:
        raise MalformedInputError(f"{name}: no entries found in the RSS/Atom feed{why}; is it a valid feed?")
    return feed, _feed_items(feed, name, published, report, why, genre)


def _feed_items(feed: Any, name: str, published: date | None, report: _Report,
                why: str, genre: Genre) -> Iterator[tuple[Any, Document]]:
    for i, entry in enumerate(feed.entries, start=1):
        where = f"{name} feed entry {i}"
        try:
            doc = _feed_entry(entry, where, name, i, feed, published, report, genre)
        except MalformedInputError as exc:
            report.bad(exc)
            continue
        except (TypeError, ValueError, AttributeError, IndexError) as exc:  # odd shapes from broken XML
            report.bad(MalformedInputError(f"{where} cannot be read ({exc}){why}; is the feed valid?"))
            continue
        yield entry, doc


def _feed_entry(entry: Any, where: str, name: str, i: int, feed: Any, published: date | None,
                report: _Report, genre: Genre) -> Document:
    why = f" ({feed.bozo_exception})" if feed.bozo else ""
    content = (entry.get("content") or [{}])[0].get("value") or entry.get("summary") or ""
    body = _strip_html(content)
    title = entry.get("title") or None
    if not body and (not title or (feed.bozo and "summary" not in entry and "content" not in entry)):
        # in a broken feed, a title whose text element never came is the truncated entry: refuse it rather than store
        # half (one whose description holds only markup, "&lt;b&gt;&lt;/b&gt;", was complete: its title is its text)
        raise MalformedInputError(f"{where} has no text{why}; it is cut short or malformed, is the feed complete?")
    text = f"{title}\n\n{body}" if title else body
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    pub = published or (date(*when[:3]) if when else _published_field(entry.get("published"), where, report))
    doc_id = entry.get("id") or entry.get("link") or f"{Path(name).stem}#{i}"
    return document_from_text(text, id=doc_id, published=pub, title=title, url=_link(entry.get("link"), where, report),
                              source=feed.feed.get("title"), format="feed", genre=genre)


def _record(obj: dict[str, Any], where: str, default_id: str, published: date | None, fmt: str,
            report: _Report, genre: Genre = "report") -> Document:
    """One archive record; its own "genre" field, when it has one, says what kind of text it is."""
    text = obj.get("text")
    if isinstance(text, list) and len(text) == 1:
        text = text[0]
    if not isinstance(text, str) or not text.strip():
        raise MalformedInputError(f"{where}: the record has no non-empty \"text\" field.")
    fields = {name: text_field(obj, name, where) for name in ("id", "title", "source", "url")}
    pub = published or _published_field(obj.get("published"), where, report)
    return document_from_text(text, id=fields["id"] or default_id, published=pub, title=fields["title"],
                              source=fields["source"], url=_link(fields["url"], where, report), format=fmt,
                              genre=_genre_field(obj.get("genre"), where) or genre)


def _genre_field(value: Any, where: str) -> Genre | None:
    """A record's "genre", read as written in a spreadsheet ("Note", " report "); None when it has none."""
    if isinstance(value, str):
        value = value.strip().lower()
    if value is None or value == "":
        return None
    if value not in GENRES:
        raise MalformedInputError(f"{where}: genre {str(value)[:40]!r} is not one of {', '.join(GENRES)}; write \"report\" "
                                  "for news and blog posts, \"note\" for a coder's note or an event dataset's snippet.")
    return value  # type: ignore[no-any-return]


def _from_jsonl(lines: Iterable[str], name: str, published: date | None, report: _Report,
                genre: Genre = "report") -> Iterator[Document]:
    stem = Path(name).stem
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{name} line {lineno}"
        try:
            doc = _record(json_record(line, where), where, f"{stem}#{lineno}", published, "jsonl", report, genre)
        except MalformedInputError as exc:
            report.bad(exc)
            continue
        yield doc


def _from_csv(lines: Iterable[str], name: str, published: date | None, report: _Report,
              genre: Genre = "report") -> Iterator[Document]:
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
            doc = _record(row, f"{name} line {rowno}", f"{stem}#{rowno}", published, "csv", report, genre)
        except MalformedInputError as exc:
            report.bad(exc)
            continue
        yield doc


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


def _parse(raw: str, name: str, fmt: str, published: date | None, report: _Report,
           genre: Genre) -> Iterator[Document]:
    if fmt == "text":
        yield document_from_text(raw, id=Path(name).stem if name != "-" else "stdin", published=published, genre=genre)
    elif fmt == "html":
        yield from _from_html(raw, name, published, report, genre)
    elif fmt == "feed":
        yield from _from_feed(raw, name, published, report, genre)
    elif fmt == "jsonl":
        yield from _from_jsonl(raw.splitlines(), name, published, report, genre)
    else:
        yield from _from_csv(io.StringIO(raw, newline=""), name, published, report, genre)


def _parse_archive(path: Path, fmt: str, published: date | None, report: _Report,
                   genre: Genre) -> Iterator[Document]:
    """A JSONL/CSV file, streamed record by record; an archive with no record is an error."""
    reader = _from_jsonl if fmt == "jsonl" else _from_csv
    count = 0
    for doc in reader(_archive_lines(path), str(path), published, report, genre):
        count += 1
        yield doc
    if count == 0 and report.errors == "raise":
        raise EmptyInputError(f"{path} holds no document records; each needs a non-empty \"text\" field.")


def _format_of(path: Path) -> str:
    fmt = SUPPORTED_SUFFIXES.get(path.suffix.lower())
    if fmt is None:
        raise InputError(
            f"{path}: unsupported file type {path.suffix or '(none)'}; use one of {', '.join(sorted(SUPPORTED_SUFFIXES))}."
        )
    return fmt


def read_path(path: str | Path, *, published: date | None = None, errors: str = "raise",
              on_problem: Problem | None = None, on_warning: Problem | None = None,
              genre: Genre = "report") -> list[Document]:
    return list(iter_documents([path], published=published, errors=errors, on_problem=on_problem,
                               on_warning=on_warning, genre=genre))


def _read_stdin() -> str:
    data = sys.stdin.buffer.read(_max_bytes() + 1)
    if len(data) > _max_bytes():
        raise InputTooLargeError(f"stdin is over the {_max_bytes() / 1e6:.0f} MB limit; pass a JSONL archive instead.")
    return _decode(data, "stdin")


def _stderr(label: str) -> Problem:
    return lambda message: print(f"{label}: {message}", file=sys.stderr)


def iter_documents(paths: Sequence[str | Path], *, published: date | None = None, errors: str = "raise",
                   on_problem: Problem | None = None, on_warning: Problem | None = None,
                   genre: Genre = "report") -> Iterator[Document]:
    """Documents from files (or "-" for stdin), in input order. A bad record raises (``errors="raise"``)
    or is reported to ``on_problem`` and skipped (``"skip"``); a record kept with something left out
    (an unreadable date, a non-http(s) link) is reported to ``on_warning``. Both default to stderr.
    ``genre`` (``model.GENRES``) is what kind of text they are, unless a record's own "genre" field says."""
    if errors not in ("raise", "skip"):
        raise InvalidParameterError(f"errors={errors!r}: use 'raise' or 'skip'.")
    if genre not in GENRES:
        raise InvalidParameterError(f"genre={genre!r}: use one of {', '.join(GENRES)}.")
    report = _Report(errors, on_problem or _stderr("warning"), on_warning or _stderr("warning"))
    for item in paths:
        if str(item) == "-":
            raw = _read_stdin()
            yield from _parse(raw, "-", _sniff(raw), published, report, genre)
            continue
        path = Path(os.fspath(item))
        try:
            _check_path(path)
            fmt = _format_of(path)
            if fmt in ("jsonl", "csv"):
                yield from _parse_archive(path, fmt, published, report, genre)
            else:
                yield from _parse(_read_file(path), str(path), fmt, published, report, genre)
        except InputError as exc:
            report.bad(exc)
