"""The one error body every failure leaves as: ``{"error": {"code", "message", "detail"}}``."""

from __future__ import annotations

from typing import Any

__all__ = ["error_body"]


def error_body(code: str, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "detail": detail}}
