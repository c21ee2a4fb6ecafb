"""The list of feeds to watch: a text file of URLs (one a line, ``#`` starts a comment) or an OPML file
(the ``xmlUrl`` of every ``outline``, as feed readers export their subscriptions)."""

from __future__ import annotations

from pathlib import Path

from frontlines.errors import EmptyInputError, InputError, MalformedInputError
from frontlines.model import http_url

__all__ = ["read_feed_list"]


def read_feed_list(path: str | Path) -> list[str]:
    """The feed URLs of ``path`` in file order, each once. A line or outline that is not an http(s) URL is
    an error naming its line: a watcher that silently dropped a feed would never be noticed."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} is not a file; give a file of feed URLs (one a line) or an OPML file.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path} is not UTF-8 text; give a file of feed URLs or an OPML file.") from exc
    urls = _opml_urls(text, path) if _is_opml(text) else _line_urls(text, path)
    if not urls:
        raise EmptyInputError(f"{path} names no feed; write one http(s) feed URL a line.")
    return list(dict.fromkeys(urls))


def _is_opml(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith("<") and "<opml" in head


def _line_urls(text: str, path: Path) -> list[str]:
    urls = []
    for lineno, line in enumerate(text.splitlines(), start=1):
        value = line.strip()
        if not value or value.startswith("#"):
            continue
        url = http_url(value)
        if url is None:
            raise MalformedInputError(f"{path} line {lineno}: {value[:80]!r} is not an http(s) feed URL.")
        urls.append(url)
    return urls


def _opml_urls(text: str, path: Path) -> list[str]:
    from lxml import etree

    try:
        root = etree.fromstring(text.encode("utf-8"), parser=etree.XMLParser(resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise MalformedInputError(f"{path} is not valid OPML ({exc}); export it again from the feed reader.") from exc
    urls = []
    for outline in root.iter("outline"):
        value = outline.get("xmlUrl") or outline.get("xmlurl")
        if value is None:
            continue  # a folder of outlines
        url = http_url(value)
        if url is None:
            raise MalformedInputError(f"{path} line {outline.sourceline}: xmlUrl {value[:80]!r} is not an http(s) "
                                      "feed URL.")
        urls.append(url)
    return urls
