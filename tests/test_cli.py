"""The command line as a user drives it: real files, a real SQLite store, real exit codes."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import EXIT_PROBLEMS, cli
from tests.conftest import SAMPLES, sample_files

BLOG = """Tuesday, March 15, 2016

Clashes near Sirte

Islamic State militants attacked a checkpoint of the Misrata brigades west of Sirte on Monday,
killing three fighters, security officials said.

My Comment: Libya War 2.0, anyone?
"""


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


def _run(runner: CliRunner, *args: str, input: str | None = None):
    return runner.invoke(cli, list(args), input=input, catch_exceptions=False)


def test_extract_json_from_stdin(runner, pipeline) -> None:
    result = _run(runner, "extract", "-", input=BLOG)
    assert result.exit_code == 0, result.output
    out = json.loads(result.output)
    assert out["document"]["published"] == "2016-03-15"
    (event,) = [e for e in out["events"] if e["modality"] == "asserted"]
    assert event["event_type"] == "Battles"
    assert event["event_date"] == "2016-03-14"
    assert event["fatalities"] == 3
    assert event["voice"] == "quoted"


def test_extract_published_override_and_formats(runner, pipeline, tmp_path) -> None:
    path = tmp_path / "post.txt"
    path.write_text(BLOG.split("\n", 2)[2], encoding="utf-8")
    result = _run(runner, "extract", str(path), "--published", "2016-03-15", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert rows and rows[0]["event_date"] == "2016-03-14"
    geo = json.loads(_run(runner, "extract", str(path), "--published", "2016-03-15", "--format", "geojson").output)
    assert geo["type"] == "FeatureCollection" and geo["features"][0]["geometry"]["type"] == "Point"


def test_invalid_published_is_a_clear_error(runner) -> None:
    result = runner.invoke(cli, ["extract", "-", "--published", "15/03/2016x"], input=BLOG)
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "published" in result.output.lower()


def test_missing_and_empty_files_are_clear_errors(runner, tmp_path) -> None:
    result = runner.invoke(cli, ["extract", str(tmp_path / "nope.txt")])
    assert result.exit_code != 0 and "error:" in result.output and "Traceback" not in result.output
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(cli, ["extract", str(empty)])
    assert result.exit_code == 2 and "empty" in result.output.lower()


def test_ingest_is_idempotent_and_queryable(runner, pipeline, tmp_path) -> None:
    db = str(tmp_path / "fl.sqlite")
    files = [str(p) for p in sample_files()]
    first = _run(runner, "--db", db, "ingest", "-q", *files)
    assert first.exit_code == 0, first.output
    with sqlite3.connect(db) as con:
        before = con.execute("select count(*) from events").fetchone()[0]
    assert before > 0
    second = _run(runner, "--db", db, "ingest", "-q", *files)
    assert " 0 documents added" in " " + second.output
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from events").fetchone()[0] == before
    listed = _run(runner, "--db", db, "events", "--type", "Battles", "--format", "jsonl")
    assert listed.exit_code == 0
    lines = [json.loads(x) for x in listed.output.splitlines() if x.strip()]
    assert lines and all(e["event_type"] == "Battles" for e in lines)
    exported = _run(runner, "--db", db, "export", "--format", "csv")
    assert len(list(csv.DictReader(io.StringIO(exported.output)))) == before


def test_bad_input_keeps_what_is_stored(runner, pipeline, tmp_path) -> None:
    db = str(tmp_path / "fl.sqlite")
    good = sorted(SAMPLES.glob("*.txt"))[0]
    assert _run(runner, "--db", db, "ingest", "-q", str(good)).exit_code == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "Clashes in Sirte."}\n{not json\n', encoding="utf-8")
    result = runner.invoke(cli, ["--db", db, "ingest", "-q", str(bad)])
    assert result.exit_code == 2 and "line 2" in result.output
    with sqlite3.connect(db) as con:
        assert con.execute("select count(*) from documents").fetchone()[0] >= 1


def test_bad_query_parameters(runner, tmp_path) -> None:
    db = str(tmp_path / "fl.sqlite")
    for args in (["--since", "yesterday"], ["--bbox", "1,2,3"]):
        result = runner.invoke(cli, ["--db", db, "events", *args])
        assert result.exit_code == 2 and "error:" in result.output, result.output


def test_not_a_database_is_refused(runner, tmp_path) -> None:
    db = tmp_path / "notes.txt"
    db.write_text("my precious notes\n" * 100, encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(db), "events"])
    assert result.exit_code != 0 and "error:" in result.output
    assert db.read_text(encoding="utf-8").startswith("my precious notes")


def test_short_actor_labels_for_tables() -> None:
    from frontlines.export import short_actor

    assert short_actor("Military Forces of Libya (2014-) Libyan National Army") == "Libyan National Army"
    assert short_actor("Military Forces of Libya (2016-2021) Government of National Accord") == "Government of National Accord"
    assert short_actor("PFG: Petroleum Facilities Guard") == "PFG"
    assert short_actor("Protesters (Libya)") == "Protesters (Libya)"
    assert short_actor(None) == "-"


@pytest.mark.parametrize("args", [["--bbox", "10,20,30,200"], ["--bbox", "a,b,c,d"], ["--since", "2019-02-30"]])
def test_bad_filters_are_one_line_errors(runner, tmp_path, args) -> None:
    from frontlines.cli import cli

    result = runner.invoke(cli, ["--db", str(tmp_path / "x.sqlite"), "events", *args])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and len(result.output.strip().splitlines()) == 1


# -- issue 14: one bad record never costs the good ones; nothing is replaced silently ----------------------
def _jsonl(path: Path, records: list[object]) -> str:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records), encoding="utf-8")
    return str(path)


def _stored(db: str) -> list[tuple[str, str]]:
    with sqlite3.connect(db) as con:
        return con.execute("select id, text from documents order by id").fetchall()


def test_a_bad_record_stops_the_run_only_after_the_good_ones_are_stored(runner, pipeline, tmp_path) -> None:
    db = str(tmp_path / "fl.sqlite")
    good = [{"id": f"g{i}", "text": f"Clashes in Sirte on Monday, report {i}.",
             "published": "7:58 AM ET, Sat January 3, 2015"} for i in range(4)]
    archive = _jsonl(tmp_path / "a.jsonl", [*good, "{not json", {"id": "after", "text": "Protest in Benghazi."}])
    result = runner.invoke(cli, ["--db", db, "ingest", "-q", archive])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "4 documents added" in result.output  # the summary is printed
    assert "a.jsonl line 5" in result.output and "--skip-bad" in result.output  # names the record, says what to do
    assert [i for i, _ in _stored(db)] == ["g0", "g1", "g2", "g3"]  # the batch in flight was stored
    with sqlite3.connect(db) as con:
        assert {p for (p,) in con.execute("select published from documents")} == {"2015-01-03"}
    again = runner.invoke(cli, ["--db", db, "ingest", "-q", "--skip-bad", archive])
    assert again.exit_code == EXIT_PROBLEMS  # completed with problems: the bad line was skipped
    assert "1 documents added" in again.output and "4 unchanged" in again.output


def test_skip_bad_reports_wrong_field_types_and_goes_on(runner, pipeline, tmp_path) -> None:
    db = str(tmp_path / "fl.sqlite")
    archive = _jsonl(tmp_path / "types.jsonl", [
        {"id": "t", "text": "Clashes in Sirte.", "title": ["a", "b"]},
        {"id": "s", "text": "Clashes in Derna.", "source": {"name": "AP"}},
        {"id": "u", "text": "Clashes in Tobruk.", "published": "whenever", "url": "javascript:alert(1)"},
        {"id": "ok", "text": "Protest in Benghazi.", "title": ["Protest"]},
    ])
    result = runner.invoke(cli, ["--db", db, "ingest", "-q", "--skip-bad", archive])
    assert result.exit_code == EXIT_PROBLEMS, result.output  # completed, with problems
    assert "2 documents added" in result.output and "2 problems" in result.output and "2 warnings" in result.output
    assert "skipped:" in result.output and '"title" is a list' in result.output and '"source" is an object' in result.output
    assert [i for i, _ in _stored(db)] == ["ok", "u"]
    with sqlite3.connect(db) as con:
        assert con.execute("select url, published from documents where id = 'u'").fetchone() == (None, None)


def test_strict_ingest_stores_nothing_when_a_record_is_bad(runner, tmp_path) -> None:
    db = str(tmp_path / "fl.sqlite")
    archive = _jsonl(tmp_path / "s.jsonl", [{"id": "g", "text": "Clashes in Sirte."}, "{not json",
                                            {"id": "d", "text": "Clashes in Derna.", "published": "whenever"}])
    result = runner.invoke(cli, ["--db", db, "ingest", "-q", "--strict", archive])
    assert result.exit_code == 2 and "2 problems" in result.stderr and "nothing was stored" in result.stderr
    assert "s.jsonl line 2" in result.stderr and "whenever" in result.stderr
    assert not Path(db).exists() or _stored(db) == []


def test_extract_writes_the_documents_before_a_bad_record(runner, pipeline, tmp_path) -> None:
    archive = _jsonl(tmp_path / "x.jsonl", [{"id": f"g{i}", "text": f"Clashes in Sirte on Monday, report {i}."}
                                            for i in range(3)] + ["{not json"])
    result = runner.invoke(cli, ["extract", archive, "--format", "json"])
    assert result.exit_code == 2 and "x.jsonl line 4" in result.stderr
    assert [json.loads(line)["document"]["id"] for line in result.stdout.splitlines()] == ["g0", "g1", "g2"]


def test_two_files_with_one_name_are_both_kept(runner, pipeline, tmp_path) -> None:
    db = str(tmp_path / "fl.sqlite")
    paths = []
    for folder, town in (("libya", "Sirte"), ("yemen", "Marib")):
        (tmp_path / folder).mkdir()
        paths.append(tmp_path / folder / "report.txt")
        paths[-1].write_text(f"Clashes erupted in {town} on Monday, officials said.\n", encoding="utf-8")
    result = runner.invoke(cli, ["--db", db, "ingest", "-q", *map(str, paths)])
    assert result.exit_code == 0 and "2 documents added" in result.output
    assert "stored as 'report~2'" in result.output
    assert [(i, t.split()[3]) for i, t in _stored(db)] == [("report", "Sirte"), ("report~2", "Marib")]


def test_one_jsonl_id_with_two_texts_keeps_both(runner, pipeline, tmp_path) -> None:
    db = str(tmp_path / "fl.sqlite")
    archive = _jsonl(tmp_path / "dup.jsonl", [{"id": "x", "text": "Clashes in Sirte."},
                                              {"id": "x", "text": "Clashes in Derna."},
                                              {"id": "x", "text": "Clashes in Sirte."}])  # same text: unchanged
    result = runner.invoke(cli, ["--db", db, "ingest", "-q", archive])
    assert result.exit_code == 0 and "2 documents added" in result.output and "1 unchanged" in result.output
    assert _stored(db) == [("x", "Clashes in Sirte."), ("x~2", "Clashes in Derna.")]
