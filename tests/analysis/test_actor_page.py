"""The actor pages (issue 13: "open an actor and see its backers and enemies over time - with the evidence one click
away"): /actors lists the actors named in relations, /actors/ID shows one actor's backers, the actors it backs, its
allies, enemies and other relations by partner and year, each with its sentences and links; .json twins built by
the same view; in-process over a real SQLite store, then in headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.model import Relation
from frontlines.store import open_store
from tests.web.conftest import _fill, build_documents
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving


@pytest.fixture()
def actors_url(tmp_path) -> str:
    url = _fill(str(tmp_path / "actors.sqlite"), build_documents())
    gna, tr = ("GNA", "lby.gna"), ("Turkey", "country:TR")

    def rel(a: tuple[str, str], b: tuple[str, str], kind: str, day: str, **kw: Any) -> Relation:
        return Relation(actor1=a[0], actor1_id=a[1], actor2=b[0], actor2_id=b[1], kind=kind, date=day,
                        document_id="doc-1", evidence=f"{a[0]} sent {kind} to {b[0]}.", **kw)

    with open_store(url) as store:
        store.save_analysis("doc-1", "test@1", [], [], [
            rel(tr, gna, "arms", "2019-12-01"), rel(tr, gna, "support", "2020-01-10"),
            rel(("LNA", "lby.lna"), gna, "fighting", "2019-04-02", event_id="ev-1"),
            rel(("Egypt", "country:EG"), gna, "alliance", "2020-02-01", modality="negated")])
    return url


@pytest.fixture()
def client(actors_url: str) -> Any:
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    with TestClient(create_app(actors_url), base_url="http://127.0.0.1") as c:
        yield c


def test_the_actor_page_and_its_twin(client: Any) -> None:
    listed = client.get("/actors.json").json()["actors"]
    assert listed[0]["actor"] == "lby.gna" and listed[0]["relations"] == 4
    data = client.get("/actors/lby.gna.json").json()
    assert [(r["partner"], r["count"]) for r in data["backers"]] == [("Turkey", 2)]
    assert [r["partner"] for r in data["enemies"]] == ["LNA"] and data["enemies"][0]["evidence"][0]["event_id"] == "ev-1"
    assert [r["partner"] for r in data["not_done"]] == ["Egypt"]
    html = client.get("/actors/lby.gna").text
    assert 'href="/actors/country%3ATR"' in html and 'href="/events/ev-1"' in html
    assert 'title="1 in 2019">2019: 1</span> · <span title="1 in 2020">2020: 1' in html  # Turkey's reports per year
    assert "Denied, expected or hypothetical" in html
    period = client.get("/actors/lby.gna.json", params={"since": "2020-01-01"}).json()
    assert [r["count"] for r in period["backers"]] == [1] and period["enemies"] == []
    assert client.get("/actors/lby.gna", params={"until": "2020"}).status_code == 422
    assert "none reported" in client.get("/actors/nobody").text


@pytest.mark.browser
def test_an_actor_is_one_click_from_the_list_and_its_partners(actors_url: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    with serving(actors_url) as base, browser_page(base, "/actors") as page:
        page.click("a.actor-link >> text=GNA")
        page.wait_for_selector("#role-backers tr[data-partner='country:TR']")
        assert "arms, support" in page.inner_text("#role-backers")
        page.screenshot(path=str(ARTIFACTS / "actor-gna.png"), full_page=True)
        page.click("#role-backers a >> text=Turkey")
        page.wait_for_selector("#role-backs tr[data-partner='lby.gna']")
        assert page.url.endswith("/actors/country:TR") or page.url.endswith("/actors/country%3ATR")
