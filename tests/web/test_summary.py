"""Issue 12: the dashboard's aggregates over HTTP - counts, timeline and map buckets - with every filter the
event list takes, checked against the paged list on the same real SQLite store."""

from __future__ import annotations

import pytest

FILTERS = [{}, {"modality": "asserted,claimed,uncertain"}, {"type": "Battles"}, {"actor": "Hifter"},
           {"place": "sirte"}, {"q": "drones"}, {"since": "2019-04-02", "until": "2019-04-30"},
           {"bbox": "12,30,17,34"}, {"source": "reuters", "modality": "asserted"}]


@pytest.mark.parametrize("filters", FILTERS)
def test_aggregates_match_the_paged_list(client, filters) -> None:
    total = client.get("/api/events", params=filters).json()["total"]
    assert client.get("/api/counts", params=filters).json()["events"] == total
    bins = client.get("/api/timeline", params=filters).json()["bins"]
    assert sum(b["events"] for b in bins) == total
    for zoom in (2, 6, 10):
        assert client.get("/api/map", params={**filters, "zoom": zoom}).json()["events"] == total


def test_counts_by_type(client) -> None:
    body = client.get("/api/counts", params={"modality": "asserted,claimed,uncertain"}).json()
    assert body == {"events": 3, "fatalities": 1 + 2 + 4, "by_type": {
        "Battles": 1, "Explosions/Remote violence": 1, "Protests": 1}}


def test_timeline_units(client) -> None:
    weeks = client.get("/api/timeline", params={"unit": "week"}).json()
    assert weeks["unit"] == "week" and weeks["bins"][0]["start"] == "2019-04-01"
    months = client.get("/api/timeline").json()  # auto: 2019-04 to 2020-08 is within two years -> weeks
    assert months["unit"] == "week"
    assert client.get("/api/timeline", params={"unit": "month"}).json()["bins"][0]["end"] == "2019-04-30"
    bad = client.get("/api/timeline", params={"unit": "day"})
    assert bad.status_code == 422 and bad.json()["error"]["code"] == "invalid_parameter"


def test_map_buckets_and_points(client) -> None:
    world = client.get("/api/map", params={"zoom": 2}).json()
    assert [b["events"] for b in world["buckets"]] == [4]
    town = client.get("/api/map", params={"zoom": 9, "bbox": "16,30,17,32"}).json()
    assert len(town["buckets"]) == 1 and town["buckets"][0]["event"]["event_id"] == "ev-2"
    assert set(town["buckets"][0]["event"]) >= {"event_id", "sub_event_type", "event_date", "location", "fatalities",
                                                "modality", "document_id"}


def test_map_view_is_the_viewport_not_a_filter(client) -> None:
    body = client.get("/api/map", params={"zoom": 9, "view": "16,30,17,32"}).json()
    assert [b["event"]["event_id"] for b in body["buckets"]] == ["ev-2"]
    assert client.get("/api/counts", params={"view": "16,30,17,32"}).json()["events"] == 4  # the counts ignore it


def test_map_frame_answers_the_framed_view(client) -> None:
    """``frame=WxH``: the zoom, centre and view framing every match, and that view's buckets (tests/store/test_framing.py)."""
    body = client.get("/api/map", params={"zoom": 2, "frame": "800x500"}).json()
    f = body["frame"]
    assert body["zoom"] == f["zoom"] and len(f["center"]) == 2 and len(f["view"]) == 4
    asked = client.get("/api/map", params={"zoom": f["zoom"], "view": ",".join(map(str, f["view"]))}).json()
    assert body["buckets"] == asked["buckets"] and body["events"] == asked["events"] > 0
    assert "frame" not in client.get("/api/map", params={"zoom": 2, "frame": "800x500", "place": "nowhere"}).json()


@pytest.mark.parametrize("params", [{}, {"zoom": -1}, {"zoom": 19}, {"zoom": "x"}, {"zoom": 3, "bbox": "1,2,3"},
                                    {"zoom": 3, "view": "1,2,3"}, {"zoom": 3, "view": "10,5,0,6"},
                                    {"zoom": 2, "frame": "800"}, {"zoom": 2, "frame": "800x-5"}])
def test_map_parameters_are_checked(client, params) -> None:
    response = client.get("/api/map", params=params)
    assert response.status_code in (400, 422) and response.json()["error"]["code"] == "invalid_parameter"


def test_an_actor_id_filters_by_ids_alone() -> None:
    """Issue 12: an actor id (the dashboard's actor list, a click in the network) matches that actor and its
    units by id, through the actor indexes; other text still matches ids or a part of a name."""
    from frontlines.web.api import event_filters

    by_id = event_filters(actor="lby.lna")
    assert by_id["actor"] is None and by_id["actor_ids"][0] == "lby.lna" and "lby.haftar" in by_id["actor_ids"]
    by_name = event_filters(actor="Hifter")
    assert by_name["actor"] == "Hifter" and "lby.lna" in by_name["actor_ids"]
    assert event_filters(actor="Turkey")["actor"] == "Turkey"


@pytest.mark.parametrize(("actor", "expected"), [("lby.lna", 2), ("lby.gna.forces", 3), ("Hifter", 2), ("Turkey", 1),
                                                 ("tr.forces", 1), ("gen.protesters.LY", 1)])
def test_actor_filters_everywhere(client, actor: str, expected: int) -> None:
    params = {"actor": actor, "modality": "asserted,claimed,uncertain,future"}
    assert client.get("/api/events", params=params).json()["total"] == expected
    assert client.get("/api/counts", params=params).json()["events"] == expected
    assert client.get("/api/map", params={**params, "zoom": 3}).json()["events"] == expected
