"""``frontlines corrections`` (issue 12, deliverable 4) as a user drives it: real files ingested by the real pipeline
into a real SQLite store, corrections and cluster splits listed with who and when, undone from the command line;
a correction and a split survive ingesting the same files again and ``frontlines analyse --again``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from frontlines.cli import cli
from frontlines.store import open_store

REPORT = ("Clashes in Sirte\n\nIslamic State militants attacked a checkpoint of the Misrata brigades west of Sirte on "
          "Monday, killing three fighters, security officials said.\n")
RETOLD = ("Checkpoint attack near Sirte\n\nIslamic State militants attacked a checkpoint of the Misrata brigades west "
          "of Sirte on Monday, killing three fighters, a hospital official told reporters.\n")


def _run(db: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args])
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture()
def ingested(pipeline, tmp_path) -> tuple[Path, list[Path], list[str]]:
    """Two outlets' reports of one attack, ingested: one cluster of two reports (event ids, the first report's
    first)."""
    files = [tmp_path / "a.txt", tmp_path / "b.txt"]
    files[0].write_text(REPORT)
    files[1].write_text(RETOLD)
    db = tmp_path / "store.sqlite"
    _run(db, "ingest", *map(str, files), "--published", "2016-03-15", "-q")
    with open_store(str(db)) as store:
        ids = [e.event_id for e in sorted(store.iter_events(_all()), key=lambda e: e.document_id or "")]
        clusters = store.clusters_of(ids)
    assert len(ids) == 2 and clusters[ids[0]] == clusters[ids[1]]
    return db, files, ids


def _all():
    from frontlines.store import EventQuery

    return EventQuery()


def _state(db: Path, ids: list[str]) -> tuple[str, bool]:
    with open_store(str(db)) as store:
        clusters = store.clusters_of(ids)
        return store.get_event(ids[0]).event_type, clusters[ids[0]] == clusters[ids[1]]


def test_list_show_and_undo_from_the_command_line(ingested) -> None:
    db, _, ids = ingested
    with open_store(str(db)) as store:
        from frontlines.analysis.corrected import correct

        made = correct(store, ids[0], "jane", "a riot, not a battle",
                       {"event_type": "Riots", "sub_event_type": "Mob violence"})
    listed = json.loads(_run(db, "corrections", "list"))
    assert listed["total"] == 1 and listed["counts"] == {"corrected": 1, "rejected": 0, "orphaned": 0}
    (item,) = listed["items"]
    assert (item["analyst"], item["event_id"], item["active"]) == ("jane", ids[0], True) and item["created_at"]
    table = _run(db, "corrections", "list", "--format", "table").splitlines()
    assert table[0].split("\t") == ["id", "created_at", "analyst", "event_id", "changes", "reason", "state"]
    row = table[1].split("\t")
    assert row[0] == str(made["correction_id"]) and row[2] == "jane" and row[6] == "in force"
    assert row[4].startswith("event_type: Battles → Riots")
    shown = json.loads(_run(db, "corrections", "show", str(made["correction_id"])))
    assert shown["extracted"]["event_type"] == "Battles" and shown["reason"] == "a riot, not a battle"
    assert "No correction 99" in _run(db, "corrections", "undo", "99", "--analyst", "omar", code=4)
    undone = json.loads(_run(db, "corrections", "undo", str(made["correction_id"]), "--analyst", "omar",
                             "--reason", "it was a battle"))
    assert undone["undone_by"] == "omar" and not undone["active"]
    assert _state(db, ids) == ("Battles", True)  # the event, and its cluster, as extracted
    assert json.loads(_run(db, "corrections", "list", "--active"))["total"] == 0
    lines = _run(db, "corrections", "list", "--undone", "--format", "table").splitlines()
    assert lines[1].split("\t")[6].startswith("undone by omar")
    again = CliRunner().invoke(cli, ["--db", str(db), "corrections", "undo", str(made["correction_id"]),
                                     "--analyst", "omar"])
    assert again.exit_code == 2 and "undone already" in again.output


def test_split_and_merge_from_the_command_line(ingested) -> None:
    db, _, ids = ingested
    split = json.loads(_run(db, "corrections", "split", ids[1], "--analyst", "jane", "--reason", "another attack"))
    assert split["action"] == "split" and _state(db, ids)[1] is False
    listed = _run(db, "corrections", "list", "--clusters", "--format", "table").splitlines()
    assert listed[1].split("\t")[2:5] == ["jane", ids[1], f"{ids[1]} moved out of its cluster"]
    merged = json.loads(_run(db, "corrections", "merge", ids[0], ids[1], "--analyst", "omar", "--reason", "one"))
    assert _state(db, ids)[1] is True
    _run(db, "corrections", "undo", str(merged["override_id"]), "--cluster", "--analyst", "omar")
    assert _state(db, ids)[1] is False  # the split is in force again
    shown = json.loads(_run(db, "corrections", "show", str(split["override_id"]), "--cluster"))
    assert shown["members"] == {ids[0]: "apart", ids[1]: "moved"}


def test_corrections_and_splits_survive_re_ingest_and_analyse_again(ingested) -> None:
    """The issue's test: a correction survives a re-ingest (and so does a split, and a re-analysis)."""
    db, files, ids = ingested
    with open_store(str(db)) as store:
        from frontlines.analysis.corrected import correct

        correct(store, ids[0], "jane", "a riot", {"event_type": "Riots", "sub_event_type": "Mob violence"})
        correct(store, ids[0], "jane", "a battle after all", {"event_type": "Battles", "sub_event_type": "Armed clash",
                                                              "fatalities": 4})
    _run(db, "corrections", "split", ids[1], "--analyst", "jane", "--reason", "another attack")
    out = _run(db, "ingest", *map(str, files), "--published", "2016-03-15", "-q")
    assert "0 documents added" in out and "2 unchanged" in out
    for step in ("ingest", "analyse --again"):
        with open_store(str(db)) as store:
            assert store.get_event(ids[0]).fatalities == 4, step
        assert _state(db, ids)[1] is False, step
        assert json.loads(_run(db, "corrections", "list", "--active"))["total"] == 2
        _run(db, "analyse", "--again", "-q")


def test_read_commands_refuse_a_store_that_does_not_exist(tmp_path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "nope.sqlite"), "corrections", "list"])
    assert result.exit_code == 4 and "no store at" in result.output
    assert not (tmp_path / "nope.sqlite").exists()


def test_a_correction_follows_a_re_extraction_that_renumbers_events_and_an_orphan_is_listed(ingested) -> None:
    """The extractor changed (here: each event id hashed anew, as a changed clause offset or sub-type does): the
    document re-extracted (analysis.corrected.reextract), the correction and the split name the new event; when a
    later extraction no longer yields it, both stay listed as ORPHANED and can be undone."""
    import dataclasses
    import hashlib

    from frontlines.analysis.corrected import correct, reextract

    db, _, ids = ingested
    _run(db, "corrections", "split", ids[1], "--analyst", "jane", "--reason", "another attack")
    with open_store(str(db)) as store:
        record = correct(store, ids[0], "jane", "a riot", {"event_type": "Riots", "sub_event_type": "Mob violence"})
        doc = store.get_document(store.get_event(ids[0]).document_id or "")
    renumbered = "ev-" + hashlib.sha1(f"{ids[0]}:v2".encode()).hexdigest()[:16]
    doc.events = [dataclasses.replace(ev, event_id=renumbered) for ev in doc.events]
    with open_store(str(db)) as store:
        assert reextract(store, doc)["reattached"] == {ids[0]: renumbered}
        assert store.get_event(renumbered).event_type == "Riots"
    listed = json.loads(_run(db, "corrections", "list"))
    assert [(c["event_id"], c["orphaned"]) for c in listed["items"]] == [(renumbered, False)]
    assert json.loads(_run(db, "corrections", "list", "--clusters"))["items"][0]["members"] == {
        renumbered: "apart", ids[1]: "moved"}
    doc.events = []  # a later extraction yields no event from that sentence
    with open_store(str(db)) as store:
        assert reextract(store, doc)["orphaned"] == [renumbered]
    table = _run(db, "corrections", "list", "--orphaned", "--format", "table")
    assert f"{record['correction_id']}\t" in table and "ORPHANED since" in table and "in force" in table
    assert json.loads(_run(db, "corrections", "list"))["counts"] == {"corrected": 1, "rejected": 0, "orphaned": 1}
    clusters = _run(db, "corrections", "list", "--clusters", "--format", "table")
    assert f"no longer extracted: {renumbered}" in clusters
    assert json.loads(_run(db, "corrections", "list", "--clusters", "--orphaned"))["total"] == 0  # e2 is still there
    _run(db, "corrections", "undo", str(record["correction_id"]), "--analyst", "omar", "--reason", "gone")
    assert json.loads(_run(db, "corrections", "list", "--orphaned", "--active"))["total"] == 0
