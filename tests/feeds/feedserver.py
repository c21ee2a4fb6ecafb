"""A real HTTP server on loopback (http.server in a thread) that serves what a test sets: feeds that change,
ETag / Last-Modified with 304 answers, redirects, 500s, answers too slow for the client's timeout,
malformed XML and article pages. Every request is logged (path and headers) for the test to check."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

__all__ = ["FeedServer", "Route", "atom", "rss"]


@dataclass
class Route:
    body: str = ""
    status: int = 200
    content_type: str = "application/rss+xml; charset=utf-8"
    etag: str | None = None  # answered 304 when the request's If-None-Match carries it
    last_modified: float | None = None  # epoch seconds; 304 when If-Modified-Since is the same
    location: str | None = None  # for redirects
    delay: float = 0.0  # seconds before answering (a timeout)
    headers: dict[str, str] = field(default_factory=dict)


class FeedServer:
    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                server._answer(self)

            def log_message(self, *_args: Any) -> None:
                pass

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self.base = f"http://127.0.0.1:{self._httpd.server_address[1]}"
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return self.base + path

    def hits(self, path: str) -> list[dict[str, str]]:
        with self._lock:
            return [h for p, h in self.requests if p == path]

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self.requests.append((handler.path, {k.lower(): v for k, v in handler.headers.items()}))
            route = self.routes.get(handler.path)
        if route is None:
            handler.send_error(404)
            return
        if route.delay:
            time.sleep(route.delay)
        validators = {}
        if route.etag:
            validators["ETag"] = route.etag
        if route.last_modified is not None:
            validators["Last-Modified"] = formatdate(route.last_modified, usegmt=True)
        fresh = (route.etag and handler.headers.get("If-None-Match") == route.etag) or (
            route.last_modified is not None and handler.headers.get("If-Modified-Since") == validators["Last-Modified"])
        try:
            if fresh and route.status == 200:
                handler.send_response(304)
                for k, v in validators.items():
                    handler.send_header(k, v)
                handler.end_headers()
                return
            body = route.body.encode("utf-8")
            handler.send_response(route.status)
            handler.send_header("Content-Type", route.content_type)
            handler.send_header("Content-Length", str(len(body)))
            if route.location:
                handler.send_header("Location", route.location)
            for k, v in {**validators, **route.headers}.items():
                handler.send_header(k, v)
            handler.end_headers()
            handler.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client gave up (its timeout)
            pass

    def __enter__(self) -> FeedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)


def rss(items: list[dict[str, str]], title: str = "Test Wire") -> str:
    """An RSS 2.0 feed; an item's ``content`` becomes content:encoded (full text), ``summary`` the description."""
    parts = []
    for item in items:
        fields = [f"<title>{item['title']}</title>"] if "title" in item else []
        if "link" in item:
            fields.append(f"<link>{item['link']}</link>")
        if "guid" in item:
            fields.append(f"<guid>{item['guid']}</guid>")
        fields.append(f"<pubDate>{item.get('date', 'Mon, 06 Jan 2025 08:00:00 +0000')}</pubDate>")
        if "summary" in item:
            fields.append(f"<description><![CDATA[{item['summary']}]]></description>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        parts.append(f"<item>{''.join(fields)}</item>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
            f"<title>{title}</title><link>http://127.0.0.1/</link><description>test</description>"
            f"{''.join(parts)}</channel></rss>")


def atom(entries: list[dict[str, str]], title: str = "Test Atom") -> str:
    parts = []
    for e in entries:
        parts.append(f"<entry><title>{e['title']}</title><id>{e['id']}</id><link href=\"{e['link']}\"/>"
                     f"<updated>2025-01-06T08:00:00Z</updated><content type=\"html\"><![CDATA[{e['content']}]]>"
                     "</content></entry>")
    return ('<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
            f"<title>{title}</title><id>urn:test</id><updated>2025-01-06T08:00:00Z</updated>{''.join(parts)}</feed>")
