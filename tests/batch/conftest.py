"""A real Dask cluster on loopback for backfill tests: ``dask scheduler`` and two ``dask worker``
processes (one thread each), started once for the module that asks for it; and the store fixtures'
real PostgreSQL (``tests/store/conftest.py``), with the backfill job table emptied too."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.store.conftest import pg_database, pg_server  # noqa: F401 - fixtures used here

DASK = Path(sys.executable).parent / "dask"


@pytest.fixture()
def pg_url(pg_database: str) -> str:  # noqa: F811
    import psycopg

    with psycopg.connect(pg_database, autocommit=True) as con:
        con.execute("TRUNCATE documents, mentions, statements, events, backfill_partitions RESTART IDENTITY CASCADE")
    return pg_database


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for_workers(address: str, count: int, processes: list[subprocess.Popen[bytes]]) -> None:
    from distributed import Client

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if any(p.poll() is not None for p in processes):
            pytest.fail("a dask scheduler or worker process exited at start")
        try:
            with Client(address, timeout="5s") as client:
                client.wait_for_workers(count, timeout=max(1.0, deadline - time.monotonic()))
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"the dask cluster at {address} did not get {count} workers in 120 s")


@pytest.fixture(scope="module")
def dask_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The address of a running scheduler with two single-thread worker processes."""
    pytest.importorskip("distributed", reason="the batch extra is not installed: pip install 'frontlines[batch]'")
    address = f"tcp://127.0.0.1:{_free_port()}"
    logs = tmp_path_factory.mktemp("dask")
    env = {**os.environ, "DASK_DISTRIBUTED__WORKER__DAEMON": "False"}
    common = ["--no-dashboard"]
    processes = [subprocess.Popen([str(DASK), "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                                   *common], stdout=subprocess.DEVNULL, stderr=(logs / "scheduler.log").open("wb"),
                                  env=env)]
    try:
        for name in ("w1", "w2"):
            processes.append(subprocess.Popen(
                [str(DASK), "worker", address, "--nthreads", "1", "--nworkers", "1", "--name", name,
                 "--host", "127.0.0.1", *common],
                stdout=subprocess.DEVNULL, stderr=(logs / f"{name}.log").open("wb"), env=env))
        _wait_for_workers(address, 2, processes)
        yield address
    finally:
        for process in reversed(processes):
            process.terminate()
        for process in reversed(processes):
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
