"""The Dask worker plugin of a backfill (imported only where a cluster is used): every worker that joins
starts loading the pipeline at once, so the models load while the first partitions are on their way,
and once per worker process however many partitions it then runs."""

from __future__ import annotations

from typing import Any

from distributed.diagnostics.plugin import WorkerPlugin

from frontlines.batch.worker import load_in_background

__all__ = ["LoadModels"]


class LoadModels(WorkerPlugin):
    name = "frontlines-load-models"

    def setup(self, worker: Any) -> None:
        load_in_background()
