"""A real uvicorn server on a free loopback port: one process, and two worker processes."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _start(store_url: str, *options: str) -> tuple[subprocess.Popen[bytes], str]:
    """``frontlines serve`` on a free loopback port, once it answers: the process and its base URL."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "frontlines.cli", "--db", store_url, "serve", "--port", str(port),
                             *options], stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    for _ in range(300):
        try:
            if httpx.get(f"{base}/api/stats", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    return proc, base


def test_real_server_serves_api_and_dashboard(store_url) -> None:
    proc, base = _start(store_url)
    try:
        assert httpx.get(f"{base}/api/stats").json()["events"] == 4
        assert "Frontlines" in httpx.get(f"{base}/").text
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (Linux /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line)
        except OSError:
            continue  # gone meanwhile
        if fields.get("PPid", "").strip() == str(pid):
            found.append(int(status.parent.name))
    return found


def test_a_server_with_two_workers_answers_from_two_processes_and_stops_them(store_url) -> None:
    proc, base = _start(store_url, "--workers", "2")
    workers: list[int] = []
    try:
        assert all(httpx.get(f"{base}/api/stats").json()["events"] == 4 for _ in range(6))
        workers = [pid for pid in _children(proc.pid) if "spawn_main" in _cmdline(pid)]  # not the resource tracker
        assert len(workers) == 2, [_cmdline(pid) for pid in _children(proc.pid)]
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    for _ in range(100):  # the supervisor has reaped them; /proc may show them a moment longer
        if not any(Path(f"/proc/{pid}").exists() for pid in workers):
            break
        time.sleep(0.1)
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()], "workers outlived the server"


def _cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""
