"""The actor network over time (issue 13, deliverable 3): the relations reports state join the events' network as
typed edges (support and arms, alliance, request, recognition, mediation, agreement, sanctions), each styled and in
the legend, and the timeline's window decides which are drawn - /api/relations by date, and the dashboard in
headless Chromium."""

from __future__ import annotations

from typing import Any

import pytest

from frontlines.model import Relation
from frontlines.store import open_store
from tests.web.test_dashboard import ARTIFACTS, browser_page, serving


def _rel(actor1: str, id1: str, actor2: str, id2: str, kind: str, day: str, **kw: Any) -> Relation:
    return Relation(actor1=actor1, actor2=actor2, actor1_id=id1, actor2_id=id2, kind=kind, date=day,
                    document_id=kw.pop("document_id", "doc-1"), evidence=f"{actor1} {kind} {actor2}.", **kw)


GNA = ("Military Forces of Libya (2016-2021) Government of National Accord", "lby.gna.forces")
LNA = ("Military Forces of Libya (2014-) Libyan National Army", "lby.lna")


@pytest.fixture()
def relations_url(fused_store_url: str) -> str:
    """The fused store's events (LNA fights GNA, Turkey strikes Sirte; April 2019) and relations: Turkey sends arms to
    the GNA and Russia backs the LNA (April 2019); the UN mediates (May 2019); the LNA asks Egypt for help (2020);
    a denied alliance, and the fighting of an event (already in the events' network)."""
    with open_store(fused_store_url) as store:
        store.save_analysis("doc-1", "test@1", [], [], [
            _rel("Turkey", "country:TR", *GNA, "arms", "2019-04-10"),
            _rel("Russia", "country:RU", *LNA, "support", "2019-04-12"),
            _rel("United Nations", "un", *GNA, "mediation", "2019-05-20"),
            _rel(*LNA, "Egypt", "country:EG", "request", "2020-08-01"),
            _rel("Egypt", "country:EG", *GNA, "alliance", "2019-04-15", modality="negated"),
            _rel(*LNA, *GNA, "fighting", "2019-04-02", event_id="ev-1"),
        ])
    return fused_store_url


def test_relations_api_filters_by_date(relations_url: str) -> None:
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    with TestClient(create_app(relations_url), base_url="http://127.0.0.1") as client:
        april = client.get("/api/relations", params={"since": "2019-04-01", "until": "2019-04-30"}).json()
        assert sorted(e["kind"] for e in april["edges"]) == ["alliance", "arms", "fighting", "support"]
        assert {lk["kind"] for lk in april["network"]["links"]} == {"alliance", "arms", "fighting", "support"}
        later = client.get("/api/relations", params={"since": "2019-05-01"}).json()
        assert sorted(e["kind"] for e in later["edges"]) == ["mediation", "request"]
        # what the dashboard asks: stated in sentences (not the event's fighting), asserted or claimed, network only
        drawn = client.get("/api/relations", params={"stated": "true", "edges": "false",
                                                      "modality": "asserted,claimed"}).json()
        assert "edges" not in drawn and drawn["relations"] == 4 and drawn["complete"]
        assert sorted(lk["kind"] for lk in drawn["network"]["links"]) == ["arms", "mediation", "request", "support"]
        assert client.get("/api/relations", params={"modality": "rumoured"}).status_code == 422
        bad = client.get("/api/relations", params={"until": "May"})
        assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_parameter"


def _edges(page: Any) -> dict[str, str]:
    return page.eval_on_selector_all("#network-svg .edge-group", """gs => Object.fromEntries(gs.map(g =>
      [[g.dataset.a, g.dataset.b].sort().join('|'), [...g.classList].find(c => c.startsWith('kind-')).slice(5)]))""")


@pytest.mark.browser
def test_the_network_draws_typed_relations_in_the_window(relations_url: str) -> None:
    with serving(relations_url) as base, browser_page(base, "/?tab=network") as page:
        page.wait_for_selector("#network-svg[data-nodes]", state="attached")
        edges = _edges(page)
        assert edges["country:TR|lby.gna.forces"] == "support" and edges["country:RU|lby.lna"] == "support"
        assert edges["lby.gna.forces|un"] == "mediation" and edges["country:EG|lby.lna"] == "request"
        assert edges["lby.gna.forces|lby.lna"] == "fights"  # the events' fighting, counted once
        assert "country:EG|lby.gna.forces" not in edges  # a denied alliance is no alliance
        weight = page.get_attribute("#network-svg .edge-group.kind-fights .edge", "data-weight")
        assert weight == "2"  # two reports of the clash (ev-1, ev-5), not three with the relation
        dash = page.get_attribute("#network-svg .edge-group.kind-request .edge", "stroke-dasharray")
        assert dash and page.get_attribute("#network-svg .edge-group.kind-fights .edge", "stroke-dasharray") is None
        legend = page.inner_text("#network-legend")
        for label in ("fighting", "hostile", "alliance", "support / arms", "request", "recognition", "mediation",
                      "agreement", "sanctions"):
            assert label in legend
        tip = page.text_content("#network-svg .edge-group.kind-support title")
        assert "support / arms" in tip and "2019-04-1" in tip
        page.screenshot(path=str(ARTIFACTS / "network-relations-all.png"))
        # the window: April 2019 (the timeline's brush writes these fields)
        page.evaluate("""() => { const f = document.getElementById('filters');
          f.elements.since.value = '2019-04-01'; f.elements.until.value = '2019-04-30';
          f.dispatchEvent(new Event('change')); }""")
        page.wait_for_function("() => document.querySelector('#network-window').textContent.startsWith('2019-04-01')")
        page.wait_for_selector("body[data-loaded=true]", state="attached")
        april = _edges(page)
        assert "country:EG|lby.lna" not in april and "lby.gna.forces|un" not in april  # 2020 and May 2019
        assert april["country:TR|lby.gna.forces"] == "support"
        page.screenshot(path=str(ARTIFACTS / "network-relations-april-2019.png"))
        assert page.locator("#actor-page").is_hidden()
        page.click("#network-svg .node[data-id='lby.gna.forces']")  # filter by the GNA: its page is one click away
        page.wait_for_selector("#actor-page:not([hidden])")
        assert page.get_attribute("#actor-page", "href") == "/actors/lby.gna.forces"
