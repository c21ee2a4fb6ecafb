"""Secure by default: every response carries a Content-Security-Policy, anti-framing, ``nosniff`` and
Referrer-Policy headers, and a request whose ``Host`` is not on the allow-list is refused (DNS
rebinding: a web page on another site must not reach a dashboard on 127.0.0.1 under its own name).

The allow-list is loopback (``localhost``, ``127.0.0.1``, ``[::1]``), the address ``serve`` binds and
``FRONTLINES_ALLOWED_HOSTS`` (comma-separated; ``*`` allows any host). A pure ASGI middleware, so it
also sees streamed exports and static files; an unexpected error leaves as the one JSON error body.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Iterable
from typing import Any

from frontlines import settings
from frontlines.web.errors import error_body

__all__ = ["CSP", "SECURITY_HEADERS", "SecurityMiddleware", "allowed_hosts", "host_name"]

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

LOOPBACK = ("localhost", "127.0.0.1", "::1")
_ANY_ADDRESS = ("0.0.0.0", "::", "")  # binding every interface names no host
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = {
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",  # same-origin pages still see where they came from (the reader's back link)
    "cross-origin-opener-policy": "same-origin",
}


def allowed_hosts(bind_host: str | None = None, extra: Iterable[str] | None = None) -> frozenset[str]:
    """Host names a request may address: loopback, the bound address and FRONTLINES_ALLOWED_HOSTS."""
    names = {*LOOPBACK, host_name(bind_host or settings.get("host"))}
    configured = settings.get("allowed_hosts") if extra is None else ",".join(extra)
    names.update(host_name(h) for h in configured.split(","))
    return frozenset(n for n in names if n not in _ANY_ADDRESS)


def host_name(value: str) -> str:
    """"Example.org:8000" -> "example.org", "[::1]:8000" -> "::1" (lower case, no trailing dot)."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


class SecurityMiddleware:
    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        # one policy for every page, /docs included: Swagger UI is served from here (views.api_docs)
        extra = [(k.encode(), v.encode()) for k, v in {**SECURITY_HEADERS, "content-security-policy": CSP}.items()]
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []), *(h for h in extra if h[0] not in names)]
            await send(message)

        host = _header(scope, b"host")
        if host is not None and "*" not in self.hosts and host_name(host) not in self.hosts:
            await _error(send_secured, 400, "bad_host",
                         f"Host {host[:100]!r} is not served here; open the dashboard through "
                         f"{' or '.join(sorted(self.hosts)[:3])}, or add the name to FRONTLINES_ALLOWED_HOSTS.")
            return
        try:
            await self.app(scope, receive, send_secured)
        except Exception:
            if not started:  # the one error body, with the headers, instead of a plain-text 500
                await _error(send_secured, 500, "internal_error",
                             "Internal error; the server log has the details. Please report it.")
            raise


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return bytes(value).decode("latin-1")
    return None


async def _error(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps(error_body(code, message)).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
