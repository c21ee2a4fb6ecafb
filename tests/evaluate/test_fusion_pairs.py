"""The fusion measurement's pair construction (frontlines.evaluate.fusion) on rows written for the test."""

from __future__ import annotations

import csv
from pathlib import Path

from frontlines.evaluate.fusion import acled_pairs, half, replay_clusters, score_pairs, series_tellings
from frontlines.fusion.cluster import same_event
from frontlines.model import Event

_COLUMNS = ["data_id", "event_date", "time_precision", "event_type", "sub_event_type", "actor1", "actor2",
            "location", "latitude", "longitude", "fatalities", "notes", "source"]


def _acled(tmp_path: Path, rows: list[tuple[str, str]]) -> Path:
    path = tmp_path / "acled_test.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        out = csv.writer(fh)
        out.writerow(_COLUMNS)
        for data_id, notes in rows:
            out.writerow([data_id, "2018-01-31", 1, "Protests", "Peaceful protest", "Protesters (Testland)", "",
                          "Port Town", "1.5", "2.5", 0, notes, "Test Radio"])
    return path


def test_rows_of_one_day_and_place_are_different_pairs_and_one_sentence_coded_twice_is_left_out(tmp_path: Path) -> None:
    path = _acled(tmp_path, [("1", "Students marched to the ministry over grants."),
                             ("2", "Taxi drivers blocked the harbour road."),
                             ("3", "Taxi drivers blocked the harbour road.")])
    pairs = acled_pairs([path], lambda name: None)
    assert len(pairs) == 2 and not any(same for _, _, same, _ in pairs)  # 2-3: same notes, one sentence
    score = score_pairs(pairs)
    assert (score.tp, score.fp, score.tn) == (0, 0, 2)  # the sentences tell students from drivers
    assert score_pairs(pairs, lambda a, b: same_event(a, b, text=False)).fp == 2
    assert {half(a, b, "acled") for a, b, _, _ in pairs} == {half(pairs[0][0], pairs[0][1], "acled")}


def test_replayed_clusters_follow_ingest_order() -> None:
    def ev(eid: str, notes: str) -> Event:
        return Event(event_id=eid, event_date="2019-10-14", time_precision=1, event_type="Protests",
                     sub_event_type="Peaceful protest", actor1="Protesters (Testland)", location="Port Town",
                     latitude=1.5, longitude=2.5, document_id=eid, notes=notes)

    events = [ev("a", "Students marched to the ministry."), ev("b", "Taxi drivers blocked the harbour road."),
              ev("c", "Drivers of taxis and buses blocked the harbour road, angry at fuel prices."),
              ev("d", "A protest took place in the town.")]
    clusters = replay_clusters([events])
    assert clusters["c"] == clusters["b"] != clusters["a"]
    assert clusters["d"] == "d"  # fits both incidents, supports neither


def test_an_event_the_same_as_two_incidents_tells_a_series_and_its_pairs_are_left_out() -> None:
    def ev(eid: str, day: str) -> Event:
        return Event(event_id=eid, event_date=day, time_precision=1, event_type="Explosions/Remote violence",
                     sub_event_type="Air/drone strike", document_id=eid.split("#")[0])

    month, first, second, other = ev("m#0", "2014-08-01"), ev("a#0", "2014-08-18"), ev("b#0", "2014-08-22"), \
        ev("c#0", "2014-08-18")
    pairs = [(month, first, True, "reports"), (month, second, True, "reports"), (first, other, True, "reports"),
             (month, other, True, "reports")]
    assert series_tellings(pairs) == {"m#0"}  # the same as two strikes four days apart (first, other: one strike)
    assert series_tellings([*pairs[:2], (first, second, True, "reports")]) == set()  # all one incident
