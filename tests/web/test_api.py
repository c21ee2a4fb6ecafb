"""The HTTP API in-process: every endpoint, filters, exports and the one error body shape."""

from __future__ import annotations

import csv
import io
import json

import pytest


def test_events_filters_and_pagination(client) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == 4 and len(body["items"]) == 4
    assert client.get("/api/events", params={"type": "Protests"}).json()["total"] == 1
    assert client.get("/api/events", params={"modality": "future"}).json()["total"] == 1
    assert client.get("/api/events", params={"actor": "lby.lna"}).json()["total"] == 2
    assert client.get("/api/events", params={"actor": "Turkey"}).json()["total"] == 1
    # any spelling of a leader finds the forces he commands (the LNA events name no "Haftar")
    assert client.get("/api/events", params={"actor": "Hifter"}).json()["total"] == 2
    assert client.get("/api/events", params={"actor": "Libyan National Army"}).json()["total"] == 2
    assert client.get("/api/events", params={"bbox": "16,30,17,32"}).json()["total"] == 1
    assert client.get("/api/events", params={"since": "2020-01-01"}).json()["total"] == 1
    assert client.get("/api/events", params={"q": "drones"}).json()["total"] == 1
    assert body["total_exact"] is True
    capped = client.get("/api/events", params={"total_limit": 1, "actor": "lby.lna"}).json()  # "1+": counting stopped
    assert capped["total"] == 1 and capped["total_exact"] is False and len(capped["items"]) == 2
    page = client.get("/api/events", params={"limit": 2, "offset": 2, "sort": "event_date"}).json()
    assert page["total"] == 4 and [e["event_id"] for e in page["items"]] == ["ev-3", "ev-4"]


def test_event_document_actor_place_stats_network(client) -> None:
    event = client.get("/api/events/ev-1").json()
    assert event["event"]["event_id"] == "ev-1" and event["sources"][0]["document_id"] == "doc-1"
    doc = client.get("/api/documents/doc-1").json()
    assert doc["text"].startswith("Clashes") and len(doc["events"]) == 3
    assert client.get("/api/documents", params={"q": "Benghazi"}).json()["total"] == 1
    actor = client.get("/api/actors/lby.lna").json()
    assert actor["events"] == 2 and "Haftar's forces" in actor["actor"]["aliases"]
    actors = {a["id"]: a["events"] for a in client.get("/api/actors").json()["items"]}
    assert actors["lby.gna.forces"] == 3 and actors["lby.lna"] == 2
    assert {p["location"] for p in client.get("/api/places").json()["items"]} >= {"Tripoli", "Sirte"}
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 2 and stats["events"] == 4
    net = client.get("/api/network").json()
    edge = next(e for e in net["edges"] if e["source"] == "lby.lna")
    assert edge["target"] == "lby.gna.forces" and edge["kind"] == "fights" and edge["weight"] == 1
    assert edge["sub_types"] == {"Armed clash": 1}
    assert client.get("/api/network", params={"since": "2020-01-01"}).json() == {"nodes": [], "edges": []}


def test_event_lists_every_source_reporting_it(fused_client) -> None:
    """Issue "Serve it": the event view lists every report of the same event (fusion), not only its own document."""
    body = fused_client.get("/api/events/ev-1").json()
    assert [s["document_id"] for s in body["sources"]] == ["doc-1", "doc-3"]
    assert [s["this"] for s in body["sources"]] == [True, False]
    other = body["sources"][1]
    assert other["event_id"] == "ev-5" and other["outlet"] == "Libya Observer" and other["title"] == "Tripoli fighting"
    assert other["published"] == "2019-04-03" and other["modality"] == "asserted"
    assert other["sentence"].startswith("Fighting")
    assert body["cluster"]["reports"] == 2 and body["cluster"]["documents"] == 2 and body["cluster"]["fatalities"] == 2
    assert fused_client.get("/events/ev-1.json").json() == body  # the page's twin is the same view
    assert [s["document_id"] for s in fused_client.get("/api/events/ev-5").json()["sources"]] == ["doc-3", "doc-1"]
    alone = fused_client.get("/api/events/ev-2").json()  # the drone strike in Sirte has one report
    assert [s["event_id"] for s in alone["sources"]] == ["ev-2"] and alone["cluster"]["reports"] == 1
    page = fused_client.get("/events/ev-1").text
    assert page.count('<li class="this"') == 1 and page.count('<li class="other"') == 1 and "Libya Observer" in page


def test_exports_stream_every_matching_event(client) -> None:
    rows = list(csv.DictReader(io.StringIO(client.get("/api/export.csv").text)))
    assert len(rows) == 4 and list(rows[0])[:3] == ["event_id", "event_date", "year"]
    geo = client.get("/api/export.geojson", params={"type": "Battles", "sort": "event_date"}).json()
    assert geo["type"] == "FeatureCollection" and len(geo["features"]) == 2
    assert geo["features"][0]["geometry"]["coordinates"] == [13.19, 32.89]
    lines = client.get("/api/export.jsonl").text.strip().splitlines()
    assert len(lines) == 4 and json.loads(lines[0])["event_id"]


@pytest.mark.parametrize(("path", "status", "code"), [
    ("/api/events?since=yesterday", 422, "invalid_parameter"),
    ("/api/events?bbox=1,2,3", 422, "invalid_parameter"),
    ("/api/events?bbox=10,20,30,200", 422, "invalid_parameter"),  # a latitude past the pole
    ("/api/events?modality=rumoured", 422, "invalid_parameter"),
    ("/api/events?limit=5000", 422, "invalid_parameter"),
    ("/api/events?sort=password", 422, "invalid_parameter"),
    ("/api/events/nope", 404, "not_found"),
    ("/api/documents/nope", 404, "not_found"),
    ("/no/such/page", 404, "not_found"),
])
def test_one_error_body_shape(client, path: str, status: int, code: str) -> None:
    response = client.get(path)
    assert response.status_code == status
    error = response.json()["error"]
    assert error["code"] == code and error["message"] and set(error) == {"code", "message", "detail"}


def test_every_page_has_a_json_twin(client) -> None:
    for page, twin in (("/", "/index.json"), ("/events", "/events.json"), ("/events/ev-1", "/events/ev-1.json"),
                       ("/documents/doc-1", "/documents/doc-1.json")):
        assert client.get(page).headers["content-type"].startswith("text/html")
        response = client.get(twin)
        assert response.status_code == 200 and "error" not in response.json(), twin
    assert client.get("/events/ev-1.json").json()["event"]["event_id"] == "ev-1"
    assert client.get("/documents/doc-1.json").json()["document"]["id"] == "doc-1"


def test_document_page_highlights_mentions_and_events(client) -> None:
    html = client.get("/documents/doc-1").text
    assert '<mark class="m m-place"' in html and 'class="ev ev-asserted"' in html and "ev-future" in html
    assert '<span id="ev-2" class="ev ev-asserted"' in html  # /documents/doc-1#ev-2 lands on the sentence
    assert 'title="place: Tripoli — test"' in html and 'href="#ev-2"' in html and 'id="back-link"' in html


def test_openapi_docs(client) -> None:
    assert client.get("/docs").status_code == 200
    assert "/api/events" in client.get("/openapi.json").json()["paths"]


def test_api_docs_are_served_offline(client) -> None:
    """Issue 12: /docs loads Swagger UI from the app's own static files (npm swagger-ui-dist), not a CDN."""
    html = client.get("/docs").text
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in html and "/static/docs.js" in html
    assert "http://" not in html.replace('xmlns="http://', "") and "https://" not in html
    assert client.get("/openapi.json").json()["paths"]["/api/map"]
    assert client.get("/redoc").status_code == 404  # ReDoc came from a CDN only
