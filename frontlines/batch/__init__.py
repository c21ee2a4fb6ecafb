"""Distributed archive backfills (Dask). The only place a distributed engine is imported."""

from __future__ import annotations

from frontlines.batch.backfill import BackfillReport, Failure, backfill

__all__ = ["BackfillReport", "Failure", "backfill"]
