"""Fault suite (issue 14, deliverable 7): ``kill -9`` in the middle of ``frontlines ingest`` and of
``frontlines watch``, then a rerun. Real processes, a real SQLite store, a real feed server on loopback.
What must hold: the store opens and is intact, every document committed before the kill is kept, the rerun
stores exactly the rest (0 records lost) and nothing twice (no duplicate, no revision)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.feeds.feedserver import FeedServer, Route, rss

ROOT = Path(__file__).resolve().parents[2]
TOWNS = ["Gao", "Mopti", "Timbuktu", "Kidal", "Menaka", "Segou", "Sevare", "Douentza", "Ansongo", "Tessalit"]
N = 30


def report(i: int) -> str:
    town = TOWNS[i % len(TOWNS)]
    return (f"Gunmen attacked a checkpoint near {town}, Mali, on {i % 28 + 1} March 2021, killing {i % 5 + 1} "
            f"soldiers, the army said in statement number {i}.")


def _env(db: Path) -> dict[str, str]:
    return {**os.environ, "FRONTLINES_DB": str(db)}


def _documents(db: Path) -> list[str]:
    if not db.exists():
        return []
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as con:
            return [r[0] for r in con.execute("SELECT id FROM documents")]
    except sqlite3.OperationalError:  # not migrated yet
        return []


def _kill_when(process: subprocess.Popen[str], db: Path, stored: int, timeout: float = 240) -> int:
    """SIGKILL ``process`` once at least ``stored`` documents are committed; how many were then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        if len(_documents(db)) >= stored:
            break
        time.sleep(0.05)
    assert process.poll() is None, "the run finished before it could be killed"
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    return len(_documents(db))


def _intact(db: Path) -> None:
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT count(*) FROM events WHERE document_id NOT IN (SELECT id FROM documents)"
                           ).fetchone()[0] == 0


def test_kill_9_mid_ingest_then_rerun_loses_and_doubles_nothing(tmp_path) -> None:
    archive = tmp_path / "wire.jsonl"
    archive.write_text("".join(json.dumps({"id": f"r{i}", "text": report(i)}) + "\n" for i in range(N)))
    db = tmp_path / "kill.sqlite"
    command = [sys.executable, "-m", "frontlines.cli", "ingest", "-q", str(archive)]
    run = subprocess.Popen(command, cwd=ROOT, env=_env(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    kept = _kill_when(run, db, stored=3)
    assert 3 <= kept < N
    _intact(db)
    rerun = subprocess.run(command, cwd=ROOT, env=_env(db), capture_output=True, text=True, timeout=600)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{N - kept} documents added" in rerun.stdout and f"{kept} unchanged" in rerun.stdout, rerun.stdout
    assert sorted(_documents(db)) == sorted(f"r{i}" for i in range(N))  # all, once each, no "~2" revision
    _intact(db)


def test_kill_9_mid_watch_then_restart_loses_and_doubles_nothing(tmp_path) -> None:
    items = [{"title": f"Report {i}", "link": f"/story/{i}", "content": f"<p>{report(i)}</p>"} for i in range(N)]
    db = tmp_path / "watch.sqlite"
    with FeedServer() as server:
        for item in items:
            item["link"] = server.url(item["link"])
        server.routes["/feed.xml"] = Route(rss(items), etag='"all"')
        listing = tmp_path / "feeds.txt"
        listing.write_text(server.url("/feed.xml") + "\n")
        service = subprocess.Popen([sys.executable, "-m", "frontlines.cli", "watch", str(listing), "--interval", "3600"],
                                   cwd=ROOT, env=_env(db), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        kept = _kill_when(service, db, stored=1)
        _intact(db)
        once = subprocess.run([sys.executable, "-m", "frontlines.cli", "watch", str(listing), "--once"], cwd=ROOT,
                              env=_env(db), capture_output=True, text=True, timeout=600)
        assert once.returncode == 0, once.stderr
        [poll] = [json.loads(line) for line in once.stdout.splitlines()]
        assert poll["http_status"] == 200  # the killed poll saved no ETag: the whole feed again, not a 304
        assert poll["added"] == N - kept and poll["duplicates"] == kept, poll
    assert sorted(_documents(db)) == sorted(server.url(f"/story/{i}") for i in range(N))
    _intact(db)
