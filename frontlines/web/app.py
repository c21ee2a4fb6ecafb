"""The ASGI app: JSON API (``/api``), HTML pages with ``.json`` twins, static dashboard assets.

``create_app(store_url)`` builds it; ``serve()`` runs it with uvicorn (127.0.0.1 by default).
Every error - ours, validation, 404, a refused Host, an unexpected failure - leaves as one body shape:
``{"error": {"code": ..., "message": ..., "detail": ...}}``. Every response carries the security
headers of ``security.py``, which also refuses Host names off the allow-list.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from frontlines import __version__, settings
from frontlines.errors import ConfigurationError, FrontlinesError
from frontlines.web import api, feeds, summary, views
from frontlines.web import admin1, analysis_api, analysis_views, corrections, help, labels
from frontlines.web.cache import ResponseCache, store_generation
from frontlines.web.errors import error_body
from frontlines.web.security import SecurityMiddleware, allowed_hosts

__all__ = ["create_app", "error_body", "serve"]

STATIC = Path(__file__).parent / "static"


def create_app(store_url: str | None = None, *, bind_host: str | None = None,
               hosts: list[str] | None = None) -> FastAPI:
    """The app over ``store_url``. Requests may name loopback, ``bind_host`` (default FRONTLINES_HOST) and
    ``hosts`` (default FRONTLINES_ALLOWED_HOSTS; ``["*"]`` allows any Host)."""
    app = FastAPI(title="Frontlines", version=__version__, docs_url=None, redoc_url=None,  # /docs: views.api_docs
                  description="Conflict events extracted from reports: sourced, geocoded, queryable.",
                  lifespan=_warm_up)
    app.state.store_url = store_url or settings.get("db")
    app.add_middleware(ResponseCache, generation=store_generation(app.state.store_url))  # inside the security one
    app.add_middleware(SecurityMiddleware, hosts=allowed_hosts(bind_host, hosts))
    app.include_router(api.router)
    app.include_router(analysis_api.router)
    app.include_router(corrections.router)
    app.include_router(summary.router)
    app.include_router(labels.router)
    app.include_router(admin1.router)
    app.include_router(feeds.router)
    app.include_router(analysis_views.router)
    app.include_router(help.router)
    app.include_router(corrections.pages)
    app.include_router(views.router)
    app.mount("/static", StaticFiles(directory=STATIC, check_dir=False), name="static")

    @app.exception_handler(FrontlinesError)
    async def frontlines_error(_request: Request, exc: FrontlinesError) -> JSONResponse:
        return JSONResponse(error_body(exc.code, str(exc)), status_code=exc.http_status)

    @app.exception_handler(RequestValidationError)
    async def validation_error(_request: Request, exc: RequestValidationError) -> JSONResponse:
        problems = [{"parameter": ".".join(str(p) for p in e["loc"][1:]), "problem": e["msg"]} for e in exc.errors()]
        first = problems[0] if problems else {"parameter": "?", "problem": "invalid"}
        message = f"Invalid parameter {first['parameter']!r}: {first['problem']}."
        return JSONResponse(error_body("invalid_parameter", message, problems), status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(_request: Request, exc: StarletteHTTPException) -> JSONResponse:
        code = "not_found" if exc.status_code == 404 else "http_error"
        message = "No such page or resource; see /docs for the API." if exc.status_code == 404 else str(exc.detail)
        return JSONResponse(error_body(code, message), status_code=exc.status_code)

    return app


@asynccontextmanager
async def _warm_up(_app: FastAPI) -> AsyncIterator[None]:
    """Before the first request: the actor knowledge base every actor filter resolves names through (0.6 s to
    read and index), so that no analyst's first actor-filtered request waits for it - in each worker process."""
    from anyio import to_thread

    from frontlines.knowledge.actors import get_actor_kb

    await to_thread.run_sync(get_actor_kb)
    yield


def serve(store_url: str | None = None, host: str = "127.0.0.1", port: int = 8000, workers: int = 1) -> None:
    """Run the app with uvicorn; ``workers`` > 1 runs that many server processes on one socket (one Python
    process answers on one core at a time: the JSON and the Python side of each request hold its GIL), each
    building the app from the same store and host, passed to it through the environment."""
    import uvicorn

    if workers < 1:
        raise ConfigurationError(f"workers is {workers}: a server needs at least one process.")
    if workers == 1:
        uvicorn.run(create_app(store_url, bind_host=host), host=host, port=port, log_level="warning")
        return
    os.environ[settings.SETTINGS["db"].env] = store_url or settings.get("db")
    os.environ[settings.SETTINGS["host"].env] = host
    uvicorn.run("frontlines.web.app:create_app", factory=True, host=host, port=port, workers=workers,
                log_level="warning")
