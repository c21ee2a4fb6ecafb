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
    assert client.get("/api/events", params={"bbox": "16,30,17,32"}).json()["total"] == 1
    assert client.get("/api/events", params={"since": "2020-01-01"}).json()["total"] == 1
    assert client.get("/api/events", params={"q": "drones"}).json()["total"] == 1
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
        assert client.get(twin).json()


def test_document_page_highlights_mentions_and_events(client) -> None:
    html = client.get("/documents/doc-1").text
    assert '<mark class="m m-place"' in html and 'class="ev ev-asserted"' in html and "ev-future" in html


def test_openapi_docs(client) -> None:
    assert client.get("/docs").status_code == 200
    assert "/api/events" in client.get("/openapi.json").json()["paths"]
