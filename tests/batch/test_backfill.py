"""Backfills (issue 14, deliverable 1): partitions numbered as ``ingest`` numbers records, the real pipeline
in process into SQLite, a real Dask cluster (``dask scheduler`` + two ``dask worker`` processes on
loopback) writing into a real PostgreSQL, and a backfill killed with SIGKILL that resumes without
extracting again what it stored."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from frontlines.batch import backfill
from frontlines.batch.partitions import even_tail, iter_partitions
from frontlines.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _archive(path: Path, copies: int = 1) -> tuple[Path, int]:
    """The bundled sample posts as JSONL records (``copies`` variants of each), a broken line and an
    empty text among them; returns the path and the number of good records."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    lines = [json.dumps({"id": f"s{i}-{c}", "text": text if c == 0 else f"{text}\n\nUpdate {c}.",
                         "published": "Sat January 3, 2015"})
             for c in range(copies) for i, text in enumerate(texts)]
    lines[3:3] = ["{broken json", json.dumps({"id": "empty", "text": " "})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, len(texts) * copies


def test_partitions_number_records_as_ingest_does(tmp_path: Path) -> None:
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n', encoding="utf-8")
    parts = list(iter_partitions(jsonl, 2))
    assert [(p.first_line, p.count) for p in parts] == [(1, 2), (4, 1)]
    assert [p.key for p in iter_partitions(jsonl, 2)] == [p.key for p in parts] and parts[0].key != parts[1].key
    table = tmp_path / "b.csv"
    table.write_text('id,text\nx,"two\nlines"\ny,one\nz,three\n', encoding="utf-8")
    rows = list(iter_partitions(table, 2))
    assert [(p.first_line, [r["id"] for r in p.records]) for p in rows] == [(2, ["x", "y"]), (4, ["z"])]
    assert rows[0].records[0]["text"] == "two\nlines"


def test_the_last_partitions_are_cut_one_piece_per_worker(tmp_path: Path) -> None:
    """Issue 14: the workers finish together; the pieces keep the records, their order and their numbers."""
    jsonl = tmp_path / "a.jsonl"
    jsonl.write_text("".join(json.dumps({"text": f"report {i}"}) + "\n" for i in range(10)), encoding="utf-8")
    whole = list(iter_partitions(jsonl, 3))
    pieces = list(even_tail(iter_partitions(jsonl, 3), 2))
    assert [(p.first_line, len(p.records)) for p in pieces] == [(1, 3), (4, 3), (7, 2), (9, 1), (10, 1)]
    assert [r for p in pieces for r in p.records] == [r for p in whole for r in p.records]
    assert sum(p.size for p in pieces) == sum(p.size for p in whole)
    assert [p.key for p in even_tail(iter_partitions(jsonl, 3), 2)] == [p.key for p in pieces]
    assert len({p.key for p in pieces}) == len(pieces)
    assert [p.key for p in even_tail(iter_partitions(jsonl, 3), 1)] == [p.key for p in whole]


@pytest.mark.parametrize(("scheduler", "workers", "message"), [
    ("spark", None, "scheduler address"), ("tcp://127.0.0.1:1", 2, "leave --workers out")])
def test_a_wrong_scheduler_is_a_clear_error(tmp_path: Path, scheduler: str, workers: int | None,
                                            message: str) -> None:
    from frontlines.errors import InvalidParameterError

    archive, _ = _archive(tmp_path / "archive.jsonl")
    with pytest.raises(InvalidParameterError, match=message):
        backfill([archive], str(tmp_path / "x.sqlite"), scheduler=scheduler, workers=workers)


@pytest.mark.slow
def test_in_process_backfill_reports_failures_and_a_rerun_extracts_nothing(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from frontlines.cli import EXIT_PROBLEMS, cli

    archive, good = _archive(tmp_path / "archive.jsonl")
    db = str(tmp_path / "bf.sqlite")
    result = CliRunner().invoke(cli, ["--db", db, "backfill", str(archive), "--partition-size", "4"])
    assert result.exit_code == EXIT_PROBLEMS, result.output  # completed, with problems
    report = json.loads(result.stdout)
    assert report["added"] == good and report["events"] > 0 and report["workers"] == 0
    assert sorted(f["document_id"] for f in report["failures"]) == [f"{archive} line 4", f"{archive} line 5"]
    assert "docs/s" in result.stderr and "2 failures" in result.stderr
    with open_store(db) as store:
        assert store.stats()["documents"] == good
        assert store.get_document("s0-0").published.isoformat() == "2015-01-03"
    again = backfill([archive], db, partition_size=4)
    assert again.resumed == report["partitions"] and again.extracted == 0  # every partition recorded: none redone
    assert again.added == 0 and again.records == report["records"]


def test_a_backfill_of_notes_stores_them_as_notes(tmp_path: Path) -> None:
    """``backfill --genre note``: records without a "genre" field are notes; one that says "report" stays one."""
    from click.testing import CliRunner

    from frontlines.cli import cli

    archive = tmp_path / "notes.jsonl"
    text = "Protests against the new fuel prices were reported in several towns of Kassala state."
    archive.write_text(json.dumps({"id": "n1", "text": text, "published": "2018-03-07"}) + "\n"
                       + json.dumps({"id": "r1", "text": text + " ", "published": "2018-03-07", "genre": "report"})
                       + "\n", encoding="utf-8")
    db = str(tmp_path / "notes.sqlite")
    result = CliRunner().invoke(cli, ["--db", db, "backfill", str(archive), "-q", "--genre", "note"])
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        note, report = store.get_document("n1"), store.get_document("r1")
        assert (note.genre, report.genre) == ("note", "report")
        assert [e.sub_event_type for e in note.events] == ["Peaceful protest"] and report.events == []


@pytest.mark.slow
@pytest.mark.postgres
def test_backfill_on_a_dask_cluster_writes_postgres_from_both_workers(dask_cluster: str, pg_url: str,
                                                                     tmp_path: Path) -> None:
    archive, good = _archive(tmp_path / "archive.jsonl")
    report = backfill([archive], pg_url, scheduler=dask_cluster, partition_size=2)
    assert report.workers == 2 and len(report.hosts) == 2  # both worker processes ran partitions
    assert report.added == good == report.extracted and report.events > 0
    assert {f.stage for f in report.failures} == {"read"} and len(report.failures) == 2
    keys = [p.key for p in even_tail(iter_partitions(archive, 2), 2)]  # the last two cut in two for the two workers
    with open_store(pg_url) as store:
        assert store.stats()["documents"] == good
        assert store.finished_partitions(keys) == set(keys)  # recorded by the workers themselves


@pytest.mark.slow
@pytest.mark.postgres
def test_a_killed_backfill_resumes_without_extracting_again(dask_cluster: str, pg_url: str, tmp_path: Path) -> None:
    archive, good = _archive(tmp_path / "archive.jsonl", copies=4)
    command = [str(Path(sys.executable).parent / "frontlines"), "--db", pg_url, "backfill", str(archive),
               "--scheduler", dask_cluster, "--partition-size", "2"]
    driver = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert driver.stderr is not None
    for line in driver.stderr:  # the first progress line: a partition is stored, the others are in flight
        if line.startswith("backfill:") and int(line.split()[1].split("/")[0].replace(",", "")) >= 2:
            break
    driver.send_signal(signal.SIGKILL)
    driver.wait()
    time.sleep(1)  # partitions already running on the workers finish and record themselves
    with open_store(pg_url) as store:
        stored = store.stats()["documents"]
    assert 0 < stored < good
    again = backfill([archive], pg_url, scheduler=dask_cluster, partition_size=2)
    assert again.resumed >= 1 and again.extracted <= good - stored  # nothing stored is extracted again
    with open_store(pg_url) as store:
        assert store.stats()["documents"] == good
