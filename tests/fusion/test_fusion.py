"""Same-event clustering across documents and the situation report."""

from __future__ import annotations

from datetime import date

from frontlines.fusion import cluster_events, situation_report
from frontlines.model import Event


def _ev(eid: str, doc: str, day: str = "2019-04-08", **kw) -> Event:
    base = dict(event_id=eid, event_date=day, time_precision=1, event_type="Explosions/Remote violence",
                sub_event_type="Air/drone strike", actor1_id="lby.lna", actor1="LNA", location="Tripoli",
                latitude=32.89, longitude=13.19, fatalities=0, source=f"source-{doc}", document_id=doc,
                evidence={"start": 0, "end": 10})
    base.update(kw)
    return Event(**base)


def test_reports_of_the_same_event_merge_and_keep_every_source() -> None:
    events = [_ev("a", "d1", fatalities=3), _ev("b", "d2", day="2019-04-09", fatalities=5, latitude=32.80),
              _ev("c", "d3", location="Benghazi", latitude=32.12, longitude=20.07),
              _ev("d", "d4", actor1_id="tr.forces", actor1="Turkey")]
    clusters = cluster_events(events)
    merged = next(c for c in clusters if len(c.events) == 2)
    assert {e.event_id for e in merged.events} == {"a", "b"}
    assert merged.sources == ["source-d1", "source-d2"] and merged.documents == ["d1", "d2"]
    assert merged.fatalities == 5  # the highest report, not the sum
    assert len(clusters) == 3
    assert cluster_events(list(reversed(events)))[0].cluster_id in {c.cluster_id for c in clusters}


def test_situation_report_counts_distinct_events_and_compares_periods() -> None:
    events = [_ev("a", "d1", fatalities=3), _ev("b", "d2", fatalities=4),
              _ev("c", "d3", day="2019-04-10", location="Gharyan", latitude=32.17, longitude=13.02, fatalities=2),
              _ev("f", "d4", modality="future")]
    report = situation_report(events, since=date(2019, 4, 7), until=date(2019, 4, 13), previous=[_ev("p", "d0")])
    assert report.events == 2 and report.fatalities == 6 and report.previous_events == 1
    text = report.to_markdown()
    assert "2 distinct events" in text and "Tripoli" in text and "up 1" in text
