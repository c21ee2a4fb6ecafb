"""One test against a real uvicorn server on a free loopback port."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

import httpx


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_real_server_serves_api_and_dashboard(store_url) -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "frontlines.cli", "--db", store_url, "serve", "--port", str(port)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        base = f"http://127.0.0.1:{port}"
        for _ in range(100):
            try:
                if httpx.get(f"{base}/api/stats", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        assert httpx.get(f"{base}/api/stats").json()["events"] == 4
        assert "Frontlines" in httpx.get(f"{base}/").text
    finally:
        proc.terminate()
        proc.wait(timeout=10)
