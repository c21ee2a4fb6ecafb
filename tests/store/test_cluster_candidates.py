"""Issue 13, incremental cost: the stored reports a new one is compared with are bounded by the distinct incidents
around it, on both backends. Many reports of one incident, many same-type events far away or long ago do not enlarge
the set; a lone report of another incident of the same day and place is not crowded out by a much-reported one."""

from __future__ import annotations

from datetime import date, timedelta

from frontlines.analysis.clusters import CANDIDATES, PER_CLUSTER, _candidates
from frontlines.analysis.update import analyse_document
from frontlines.model import Document, Event
from frontlines.store import Store

_STRIKE = "A drone struck the Al-Bayan Girls School in Tajoura, killing three pupils."
_OTHER = "An air strike destroyed part of the Zahrat Nakheel Hotel in Tajoura."


def _report(doc_id: str, day: str, notes: str, **kw: object) -> Document:
    doc = Document(id=doc_id, text=f"Report {doc_id}. {notes}", source=f"Outlet {doc_id}")
    base: dict[str, object] = dict(
        event_id=f"{doc_id}-e", event_date=day, time_precision=1, event_type="Explosions/Remote violence",
        sub_event_type="Air/drone strike", actor1="LNA", actor1_id="lby.lna", location="Tajoura", latitude=32.88,
        longitude=13.35, document_id=doc_id, modality="asserted", fatalities=3, notes=notes)
    base.update(kw)
    doc.events = [Event(**base)]  # type: ignore[arg-type]
    return doc


def _ingest(store: Store, docs: list[Document]) -> None:
    for doc in docs:
        store.add_document(doc)
        analyse_document(store, doc)


def _seen(store: Store, doc: Document) -> list[str]:
    return [c.event_id for c in _candidates(store, doc.events[0])]


def test_a_much_reported_incident_gives_its_nearest_reports_only(store: Store) -> None:
    _ingest(store, [_report("other", "2019-10-14", _OTHER)])
    _ingest(store, [_report(f"r{i:02}", "2019-10-14" if i % 2 else "2019-10-15", _STRIKE) for i in range(30)])
    clusters = store.clusters_of([f"r{i:02}-e" for i in range(30)] + ["other-e"])
    assert len(set(clusters.values())) == 2  # thirty reports of the strike, one of the hotel
    new = _report("new", "2019-10-14", "The strike on the Zahrat Nakheel Hotel in Tajoura was carried out by a drone.")
    seen = _seen(store, new)
    assert "other-e" in seen
    from_strike = [e for e in seen if clusters[e] == clusters["r00-e"]]
    assert len(from_strike) == PER_CLUSTER and len(seen) == PER_CLUSTER + 1
    assert all(store.get_event(e).event_date == "2019-10-14" for e in from_strike)  # the nearest day first
    _ingest(store, [new])
    assert store.clusters_of(["new-e"])["new-e"] == clusters["other-e"]


def test_events_far_away_or_long_ago_do_not_enlarge_the_set(store: Store) -> None:
    _ingest(store, [_report("a", "2019-10-14", _STRIKE), _report("b", "2019-10-14", _OTHER)])
    new = _report("new", "2019-10-14", _STRIKE)
    before = _seen(store, new)
    assert sorted(before) == ["a-e", "b-e"]
    start = date(2019, 10, 14)
    far = [_report(f"far{i}", "2019-10-14", _STRIKE, location=f"Town {i}", latitude=30.0 + i / 10, longitude=20.0)
           for i in range(20)]
    old = [_report(f"old{i}", (start - timedelta(days=30 + i)).isoformat(), _STRIKE) for i in range(20)]
    _ingest(store, far + old)
    assert _seen(store, new) == before


def test_distinct_incidents_beyond_the_bound_are_cut_nearest_first(store: Store) -> None:
    """More distinct incidents than CANDIDATES around one place and week: the set stays at the bound, and the
    incidents of the report's own day come before those of other days."""
    start = date(2019, 10, 1)
    docs = [_report(f"i{i:02}", (start + timedelta(days=i % 7)).isoformat(), f"Strike number {i} hit a house.",
                    time_precision=2, actor1=f"Group {i}", actor1_id=None) for i in range(CANDIDATES + 10)]
    _ingest(store, docs)
    new = _report("new", "2019-10-04", "Another strike.", time_precision=2)
    seen = _seen(store, new)
    assert len(seen) == CANDIDATES
    days = [store.get_event(e).event_date for e in seen]
    assert days[:days.count("2019-10-04")] == ["2019-10-04"] * days.count("2019-10-04") and days.count("2019-10-04")
