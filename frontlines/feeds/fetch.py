"""HTTP for watched feeds (httpx): conditional GET of a feed (ETag / Last-Modified), the article page of an
entry that carries only a summary, redirects followed, a time and size limit on every response.

Every failure leaves as ``FetchError`` (httpx's exceptions are translated here), which says whether it is
worth retrying (timeouts, refused connections, 5xx, 429) or not (404, 410, a response over the size limit).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import httpx

from frontlines import __version__, settings
from frontlines.errors import InputError

__all__ = ["FeedResponse", "FetchError", "Fetcher"]

USER_AGENT = f"Frontlines/{__version__} (feed watcher; conflict monitoring)"
_RETRY_STATUSES = frozenset({408, 425, 429})


class FetchError(InputError):
    """A feed or page could not be fetched; ``transient`` failures are retried with backoff."""

    code = "fetch_failed"

    def __init__(self, message: str, *, status: int | None = None, transient: bool = True) -> None:
        super().__init__(message)
        self.status = status
        self.transient = transient


@dataclass(frozen=True)
class FeedResponse:
    status: int  # 200 (a body) or 304 (not modified since the validators)
    text: str
    url: str  # after redirects
    etag: str | None
    last_modified: str | None


class Fetcher:
    """One HTTP client for a watcher (connections kept alive; safe to share between threads)."""

    def __init__(self, *, timeout: float = 20.0, max_bytes: int | None = None) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes or settings.get_int("max_bytes")
        self._allowed = threading.local()  # the check of the page fetch in flight in this thread (``page``)
        self._client = httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=True, max_redirects=5,
                                    headers={"User-Agent": USER_AGENT},
                                    event_hooks={"request": [self._check_request]})

    def feed(self, url: str, etag: str | None = None, last_modified: str | None = None) -> FeedResponse:
        headers = {"Accept": "application/rss+xml, application/atom+xml, application/xml;q=0.9, */*;q=0.8"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        status, text, final, response_headers = self._get(url, headers)
        return FeedResponse(status, text, final, response_headers.get("etag") or etag,
                            response_headers.get("last-modified") or last_modified)

    def page(self, url: str, allow: Callable[[str], bool] | None = None) -> str:
        """The HTML of an article page; ``allow`` checks its URL and every redirect's before it is requested."""
        self._allowed.check = allow
        try:
            return self._get(url, {"Accept": "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"})[1]
        finally:
            self._allowed.check = None

    def _check_request(self, request: httpx.Request) -> None:
        check = getattr(self._allowed, "check", None)
        if check is not None and not check(str(request.url)):
            raise FetchError(f"{request.url}: not fetched, it points into a private network that the feed is not "
                             "in.", transient=False)

    def _get(self, url: str, headers: dict[str, str]) -> tuple[int, str, str, Any]:
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                _check_status(url, response)
                body = self._read(url, response) if response.status_code != 304 else b""
                encoding = response.charset_encoding or "utf-8"
                try:
                    text = body.decode(encoding, errors="replace")
                except LookupError:  # a charset Python does not know
                    text = body.decode("utf-8", errors="replace")
                return response.status_code, text.removeprefix("\ufeff"), str(response.url), response.headers
        except httpx.TimeoutException as exc:
            raise FetchError(f"{url}: no answer within {self.timeout:g} s ({type(exc).__name__}); "
                             "will retry.") from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(f"{url}: too many redirects; check the feed's address.", transient=False) from exc
        except (httpx.HTTPError, httpx.InvalidURL, httpx.StreamError) as exc:
            raise FetchError(f"{url}: {type(exc).__name__}: {exc or 'connection failed'}; will retry.") from exc

    def _read(self, url: str, response: httpx.Response) -> bytes:
        """The body, refused past ``max_bytes`` or when it trickles in for longer than twice the timeout."""
        chunks, size, deadline = [], 0, time.monotonic() + 2 * self.timeout
        for chunk in response.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                raise FetchError(f"{url}: the response is over the {self.max_bytes / 1e6:.0f} MB limit "
                                 "(FRONTLINES_MAX_BYTES).", transient=False)
            if time.monotonic() > deadline:
                raise FetchError(f"{url}: the response took over {2 * self.timeout:g} s to arrive; will retry.")
            chunks.append(chunk)
        return b"".join(chunks)

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _check_status(url: str, response: httpx.Response) -> None:
    code = response.status_code
    if code == 304 or 200 <= code < 300:
        return
    transient = code >= 500 or code in _RETRY_STATUSES
    hint = "will retry" if transient else "check the address (is the feed gone?)"
    raise FetchError(f"{url}: HTTP {code} {response.reason_phrase}; {hint}.", status=code, transient=transient)
