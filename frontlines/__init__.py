"""Frontlines: conflict reports in, a sourced, geocoded, queryable record of events out."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
