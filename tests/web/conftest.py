"""A real SQLite store filled with hand-built documents (no NLP), and the app over it."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.model import Block, Document, Event, Mention, Statement
from frontlines.store import open_store


def _event(i: int, **kw) -> Event:
    base = dict(event_id=f"ev-{i}", event_date=f"2019-04-{i + 1:02d}", time_precision=1, event_type="Battles",
                sub_event_type="Armed clash", actor1="Military Forces of Libya (2014-) Libyan National Army",
                actor1_id="lby.lna", actor2="Military Forces of Libya (2016-2021) Government of National Accord",
                actor2_id="lby.gna.forces", country="Libya", location="Tripoli", latitude=32.89, longitude=13.19,
                geo_precision=1, fatalities=i, source="Reuters", notes="Clashes in Tripoli.", modality="asserted",
                evidence={"start": 0, "end": 19}, reason="trigger 'Clashes'")
    base.update(kw)
    return Event(**base)


def build_documents() -> list[Document]:
    text = "Clashes in Tripoli. Drones struck Sirte. The LNA will attack Misrata."
    doc = Document(id="doc-1", text=text, title="Test report", published=date(2019, 4, 30), source="Test blog",
                   blocks=[Block("body", 0, len(text), "author")])
    doc.statements = [Statement("Clashes in Tripoli.", 0, 19), Statement("Drones struck Sirte.", 20, 40),
                      Statement("The LNA will attack Misrata.", 41, len(text), stance="prediction")]
    doc.mentions = [Mention("Tripoli", 11, 18, "place", canonical="Tripoli", id="curated:tripoli", latitude=32.89,
                            longitude=13.19, country="LY", feature="city", reason="test"),
                    Mention("LNA", 45, 48, "actor", canonical="LNA", id="lby.lna", reason="test")]
    doc.events = [
        _event(1, document_id="doc-1"),
        _event(2, document_id="doc-1", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
               location="Sirte", latitude=31.2, longitude=16.59, notes="Drones struck Sirte.",
               evidence={"start": 20, "end": 40}, actor1="Military Forces of Turkey", actor1_id="tr.forces"),
        _event(3, document_id="doc-1", modality="future", location="Misrata", latitude=32.38, longitude=15.09,
               notes="The LNA will attack Misrata.", evidence={"start": 41, "end": len(text)}),
    ]
    other = Document(id="doc-2", text="Protesters rallied in Benghazi.", title="Protest", published=date(2020, 8, 24))
    other.events = [_event(4, document_id="doc-2", event_type="Protests", sub_event_type="Peaceful protest",
                           actor1="Protesters (Libya)", actor1_id="gen.protesters.LY", actor2=None, actor2_id=None,
                           location="Benghazi", latitude=32.12, longitude=20.07, event_date="2020-08-23",
                           notes="Protesters rallied in Benghazi.", evidence={"start": 0, "end": 31})]
    return [doc, other]


def second_report() -> Document:
    """Another outlet reporting ev-1 (same day, place and actors): fusion puts both in one cluster."""
    text = "Fighting erupted in Tripoli on Tuesday between the LNA and GNA forces, killing two."
    doc = Document(id="doc-3", text=text, title="Tripoli fighting", published=date(2019, 4, 3), source="Libya Observer",
                   blocks=[Block("body", 0, len(text), "author")])
    doc.statements = [Statement(text, 0, len(text))]
    doc.events = [_event(5, document_id="doc-3", event_date="2019-04-02", fatalities=2, source="Libya Observer",
                         notes=text, evidence={"start": 0, "end": len(text)}, reason="trigger 'Fighting'")]
    return doc


def _fill(url: str, docs: list[Document]) -> str:
    with open_store(url) as store:
        for doc in docs:
            store.add_document(doc)
    return url


@pytest.fixture()
def store_url(tmp_path) -> str:
    return _fill(str(tmp_path / "web.sqlite"), build_documents())


@pytest.fixture()
def fused_store_url(tmp_path) -> str:
    """The same store plus ``second_report()``: ev-1 and ev-5 are two reports of one event."""
    return _fill(str(tmp_path / "fused.sqlite"), [*build_documents(), second_report()])


@pytest.fixture()
def client(store_url):
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    with TestClient(create_app(store_url), base_url="http://127.0.0.1") as c:  # a Host on the allow-list
        yield c


@pytest.fixture()
def fused_client(fused_store_url):
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    with TestClient(create_app(fused_store_url), base_url="http://127.0.0.1") as c:
        yield c
