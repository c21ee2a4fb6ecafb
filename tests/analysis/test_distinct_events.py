"""Distinct events or reports (issue 13, deliverable 1) through the API, the exports, the CLI and the situation
report, over a real SQLite store analysed at ingest: two outlets report the same Tripoli clash (one cluster),
the other events are told once. The store's SQL is tested on both backends in tests/store/test_distinct_events.py."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

import pytest
from click.testing import CliRunner

from frontlines.analysis.update import refresh
from frontlines.cli import cli
from frontlines.errors import InvalidParameterError
from frontlines.fusion.sitrep import situation_report
from frontlines.model import Event
from frontlines.store import open_store
from tests.web.conftest import build_documents, second_report


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = str(tmp_path_factory.mktemp("distinct") / "d.sqlite")
    with open_store(url) as store:
        for doc in [*build_documents(), second_report()]:
            store.add_document(doc)
        refresh(store)
        clusters = store.clusters_of(["ev-1", "ev-5", "ev-2"])
    assert clusters["ev-1"] == clusters["ev-5"] != clusters["ev-2"]  # the matcher's verdict this file builds on
    return url


@pytest.fixture(scope="module")
def client(db: str) -> Any:
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    with TestClient(create_app(db), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        yield c


def test_counts_timeline_map_and_list_take_count(client: Any) -> None:
    asserted = {"modality": "asserted"}
    assert client.get("/api/counts", params=asserted).json()["events"] == 4
    distinct = client.get("/api/counts", params={**asserted, "count": "clusters"}).json()
    assert distinct["events"] == 3 and distinct["by_type"]["Battles"] == 1
    assert distinct["fatalities"] == 2 + 2 + 4  # the clash's highest toll (2, not 1 + 2), the strike, the protest
    assert client.get("/api/counts", params=asserted).json()["fatalities"] == 1 + 2 + 2 + 4
    timeline = client.get("/api/timeline", params={**asserted, "count": "clusters"}).json()
    assert sum(b["events"] for b in timeline["bins"]) == 3
    grid = client.get("/api/map", params={**asserted, "count": "clusters", "zoom": 6}).json()
    assert grid["events"] == 3
    page = client.get("/api/events", params={**asserted, "count": "clusters"}).json()
    assert page["total"] == 3 and "ev-1" not in {e["event_id"] for e in page["items"]}  # ev-5 (2 dead) leads
    assert {e["event_id"]: e["reports"] for e in page["items"]} == {"ev-2": 1, "ev-4": 1, "ev-5": 2}
    assert "reports" not in client.get("/api/events", params=asserted).json()["items"][0]


def test_exports_give_one_row_per_distinct_event(client: Any) -> None:
    rows = client.get("/api/export.jsonl", params={"count": "clusters", "modality": "asserted"}).text.splitlines()
    assert sorted(json.loads(r)["event_id"] for r in rows) == ["ev-2", "ev-4", "ev-5"]
    assert len(client.get("/api/export.jsonl", params={"modality": "asserted"}).text.splitlines()) == 4


def test_an_unknown_count_is_refused_in_the_one_error_body(client: Any) -> None:
    response = client.get("/api/counts", params={"count": "events"})
    assert response.status_code == 422 and response.json()["error"]["code"] == "invalid_parameter"
    assert "use reports" in response.json()["error"]["message"]


def test_cli_events_export_and_sitrep_take_count(db: str) -> None:
    def run(*args: str) -> str:
        result = CliRunner().invoke(cli, ["--db", db, *args], catch_exceptions=False)
        assert result.exit_code == 0, result.output
        return result.output

    distinct = run("export", "--format", "jsonl", "--modality", "asserted", "--count", "clusters").splitlines()
    assert len(distinct) == 3
    assert len(run("export", "--format", "jsonl", "--modality", "asserted").splitlines()) == 4
    by_clusters = json.loads(run("sitrep", "--since", "2019-04-01", "--until", "2019-04-30", "--format", "json"))
    by_reports = json.loads(run("sitrep", "--since", "2019-04-01", "--until", "2019-04-30", "--format", "json",
                                "--count", "reports"))
    assert (by_clusters["events"], by_reports["events"]) == (2, 3)  # the clash once, the strike; ev-3 is future
    assert by_clusters["counted"] == "clusters" and by_reports["counted"] == "reports"
    clash = next(e for e in by_clusters["key_events"] if e["type"] == "Armed clash")
    assert clash["sources"] == ["Libya Observer", "Reuters"] and clash["fatalities"] == 2
    assert "**3 reports**" in run("sitrep", "--since", "2019-04-01", "--until", "2019-04-30", "--count", "reports")


def test_the_sitrep_groups_by_the_stored_clusters_it_is_given() -> None:
    def ev(i: int, **kw: Any) -> Event:
        return Event(**{"event_id": f"e{i}", "event_date": "2019-04-02", "event_type": "Battles", "time_precision": 1,
                        "sub_event_type": "Armed clash", "location": "Tripoli", "modality": "asserted",
                        "fatalities": i, "source": f"S{i}", **kw})

    events = [ev(1), ev(2), ev(3, location="Sirte")]
    day = date(2019, 4, 2)
    stored = situation_report(events, since=day, until=day, clusters={"e1": "c", "e2": "c"})
    assert stored.events == 2 and stored.fatalities == 2 + 3
    apart = situation_report(events, since=day, until=day, clusters={})  # nothing clustered: three incidents
    assert apart.events == 3
    with pytest.raises(InvalidParameterError, match="use clusters"):
        situation_report(events, since=day, until=day, count="events")
