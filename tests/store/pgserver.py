"""A throwaway PostgreSQL 15 + PostGIS cluster for tests and benchmarks (the one place that starts one).

    with ThrowawayPostgres() as server:     # initdb in a temp dir, pg_ctl start on a free 127.0.0.1 port
        url = server.create_database("frontlines_test")   # with CREATE EXTENSION postgis

As root, initdb and the server run as the ``postgres`` user (``runuser``), as PostgreSQL refuses to run
as root; otherwise as the current user. Durability is switched off (``fsync=off``): the cluster is
deleted at the end anyway. Raises ``PostgresUnavailable`` with a reason when the binaries or PostGIS
are missing, so callers can skip (locally) or fail (CI). No pytest import: benchmarks use it too.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

__all__ = ["BINDIR", "PostgresUnavailable", "ThrowawayPostgres", "missing_reason"]

BINDIR = Path(os.environ.get("FRONTLINES_PG_BINDIR", "/usr/lib/postgresql/15/bin"))
POSTGIS_CONTROL = Path("/usr/share/postgresql/15/extension/postgis.control")
INSTALL_HINT = "install postgresql-15 and postgresql-15-postgis-3 (scripts/install-system-deps)"


class PostgresUnavailable(RuntimeError):
    """PostgreSQL (or PostGIS) is not installed here, or the throwaway server would not start."""


def missing_reason() -> str | None:
    """Why a throwaway server cannot be started here, or None when it can."""
    if not (BINDIR / "initdb").exists():
        return f"no PostgreSQL binaries in {BINDIR}; {INSTALL_HINT}"
    if not POSTGIS_CONTROL.exists():
        return f"PostGIS is not installed ({POSTGIS_CONTROL} missing); {INSTALL_HINT}"
    if os.geteuid() == 0 and not _has_user("postgres"):
        return "running as root but there is no 'postgres' user to run the server as"
    return None


def _has_user(name: str) -> bool:
    try:
        pwd.getpwnam(name)
    except KeyError:
        return False
    return True


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ThrowawayPostgres:
    """initdb + pg_ctl start in a temporary directory; ``stop()`` shuts it down and deletes it."""

    def __init__(self, settings: dict[str, str] | None = None) -> None:
        self.settings = {
            "fsync": "off",
            "synchronous_commit": "off",
            "full_page_writes": "off",
            "shared_buffers": "256MB",
            "work_mem": "32MB",
            "maintenance_work_mem": "256MB",
            "max_connections": "50",
            **(settings or {}),
        }
        self.root: Path | None = None
        self.port = 0

    # -- lifecycle ---------------------------------------------------------------------------
    def start(self) -> ThrowawayPostgres:
        reason = missing_reason()
        if reason:
            raise PostgresUnavailable(reason)
        # as root the server runs as 'postgres', which must reach the folder: /tmp, not a private TMPDIR
        self.root = Path(tempfile.mkdtemp(prefix="frontlines-pg-", dir="/tmp" if os.geteuid() == 0 else None))
        if os.geteuid() == 0:
            postgres = pwd.getpwnam("postgres")
            os.chown(self.root, postgres.pw_uid, postgres.pw_gid)
        self.port = _free_port()
        try:
            self._run(
                BINDIR / "initdb",
                "-D",
                str(self.data),
                "-U",
                "postgres",
                "--auth=trust",
                "--encoding=UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            )
            options = " ".join(
                [
                    f"-p {self.port}",
                    "-c listen_addresses=127.0.0.1",
                    f"-k {self.root}",
                    *(f"-c {k}={v}" for k, v in self.settings.items()),
                ]
            )
            self._run(
                BINDIR / "pg_ctl",
                "-D",
                str(self.data),
                "-l",
                str(self.root / "server.log"),
                "-o",
                options,
                "-w",
                "-t",
                "60",
                "start",
            )
        except PostgresUnavailable:
            self.stop()
            raise
        return self

    def stop(self) -> None:
        if self.root is None:
            return
        if (self.data / "postmaster.pid").exists():
            self._run(BINDIR / "pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop", check=False)
        shutil.rmtree(self.root, ignore_errors=True)
        self.root = None

    def __enter__(self) -> ThrowawayPostgres:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- databases ---------------------------------------------------------------------------
    @property
    def data(self) -> Path:
        assert self.root is not None, "server not started"
        return self.root / "data"

    def url(self, database: str = "postgres", user: str = "postgres") -> str:
        return f"postgresql://{user}@127.0.0.1:{self.port}/{database}"

    def create_database(self, name: str, *, postgis: bool = True, owner: str = "postgres") -> str:
        """Create a database (PostGIS enabled unless ``postgis=False``) and return its URL."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE DATABASE "{name}" OWNER "{owner}"')
        if postgis:
            with psycopg.connect(self.url(name), autocommit=True) as con:
                con.execute("CREATE EXTENSION IF NOT EXISTS postgis")
        return self.url(name, owner)

    def create_role(self, name: str) -> None:
        """A plain LOGIN role (no superuser): for testing permission messages."""
        import psycopg

        with psycopg.connect(self.url(), autocommit=True) as con:
            con.execute(f'CREATE ROLE "{name}" LOGIN')

    # -- helpers -----------------------------------------------------------------------------
    def _run(self, *cmd: object, check: bool = True) -> None:
        argv = [str(c) for c in cmd]
        if os.geteuid() == 0:
            argv = ["runuser", "-u", "postgres", "--", *argv]
        proc = subprocess.run(argv, capture_output=True, text=True, cwd=self.root, check=False)
        if check and proc.returncode != 0:
            log = self.root / "server.log" if self.root else None
            tail = log.read_text(errors="replace")[-2000:] if log and log.exists() else ""
            raise PostgresUnavailable(f"{' '.join(argv)} failed ({proc.returncode}): {proc.stderr.strip()} {tail}")
