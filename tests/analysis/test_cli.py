"""The analysis commands (issue 13): ingest analyses what it adds; ledger, control, relations and analyse answer
from the store; bad input gets a one-line error. Reports of our own, through the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from frontlines.cli import cli

FIRST = """Rebels take Brega

BREGA, March 2 (Wire) - Rebel fighters captured the oil town of Brega on Wednesday after a day of fighting with
government troops, a rebel spokesman said. The rebel commander said his men will probably take Ras Lanuf within days.
"""
SECOND = """Army retakes Brega

BREGA, March 20 (Wire) - Government troops recaptured Brega on Sunday, driving the rebels east after heavy shelling.
The government denied that its aircraft bombed civilians in Ajdabiya.
"""


def _run(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def test_ingest_analyses_and_the_commands_answer(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    (tmp_path / "a.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "b.txt").write_text(SECOND, encoding="utf-8")
    _run("--db", db, "ingest", "-q", "--published", "2011-03-02", str(tmp_path / "a.txt"))
    _run("--db", db, "ingest", "-q", "--published", "2011-03-20", str(tmp_path / "b.txt"))
    assert "0 documents analysed" in _run("--db", db, "analyse", "-q")  # ingest did it

    ledger = json.loads(_run("--db", db, "ledger", "--as-of", "2011-12-31"))
    kinds = {e["kind"]: e for e in ledger["entries"]}
    assert {"prediction", "denial"} <= set(kinds)
    prediction = kinds["prediction"]
    assert prediction["due"] == "2011-03-09" and prediction["outcome"] == "capture"
    assert prediction["verdict"]["status"] == "refuted"  # no capture of Ras Lanuf reported by 9 March
    record = json.loads(_run("--db", db, "ledger", "--record", "speaker", "--as-of", "2011-12-31"))
    assert any(r["refuted"] == 1 for r in record["records"])

    control = json.loads(_run("--db", db, "control", "Brega", "--date", "2011-03-10"))
    holders = [p["holder"] or "" for p in control["periods"]]
    assert len(holders) == 2 and holders[0] != holders[1]  # taken, then retaken
    assert control["holder"]["since"] == control["periods"][0]["since"]
    assert "Brega" in _run("--db", db, "control", "--list", "--format", "table")
    held = json.loads(_run("--db", db, "control", "--list", "--date", "2011-03-10"))  # the map layer's answer
    assert [(p["place"], p["holder"]) for p in held["places"]] == [("Brega", control["holder"]["holder"])]

    relations = json.loads(_run("--db", db, "relations", "--kind", "fighting"))
    assert relations["edges"] and all(e["kind"] == "fighting" for e in relations["edges"])
    assert "## Changes of control" in _run("--db", db, "sitrep", "--since", "2011-03-01", "--until", "2011-03-31")


def test_bad_input_is_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "s.sqlite")
    for args in (["ledger", "--since", "March"], ["control", "Brega", "--date", "soon"], ["ledger", "--kind", "rumour"]):
        result = CliRunner().invoke(cli, ["--db", db, *args])
        assert result.exit_code != 0 and "Traceback" not in result.output, result.output
