"""Archive backfills, in process or on a Dask cluster. The only place a distributed engine is imported."""

from __future__ import annotations

from frontlines.batch.backfill import BackfillReport, Progress, backfill
from frontlines.batch.worker import Failure

__all__ = ["BackfillReport", "Failure", "Progress", "backfill"]
