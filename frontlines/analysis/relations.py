"""Relations between actors over time: dated edges with the evidence that states them.

Two sources in a document:

- its events: two actors on opposite sides of a battle, a strike or an attack are ``fighting`` (hostility);
  an Agreement event's two actors made an ``agreement``;
- its sentences: a relation word (knowledge/data/relations.yaml: support, arms, alliance, request, recognition,
  mediation, agreement, sanctions, basing) between two actor mentions, the one before it acting on the one after
  it ("Ankara sent drones to the GNA"), swapped for a passive ("the GNA, backed by Turkey"); "X-backed Y" is
  support too. A country named as the one who acts stands for its state ("Turkey", id ``country:TR``). The
  sentence's words set the modality: a denied deal is ``negated``, an accusation ``claimed``, a
  promise ``future``. A request for help is its own kind (``request``), never support.

``network`` sums edges per actor pair and kind over a period, for the actor network and its time slider.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from frontlines.knowledge.relation_words import MODALITY_WORDS, RelationWords, get_relation_words
from frontlines.model import Document, Event, Mention, Relation, Statement

__all__ = ["HOSTILE", "relations", "network"]

HOSTILE = frozenset({"fighting", "sanctions"})
_FIGHTING_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_COUNTED = frozenset({"asserted", "claimed", "uncertain"})
_BACKED = re.compile(r"-(?:backed|supported|armed|funded|allied|aligned)\b", re.IGNORECASE)
_NEAR = 40  # characters between an actor mention and the relation word
_BETWEEN = re.compile(r"\b(?:and|between|while|but|whereas|against)\b|[;:]")  # another clause lies between


def relations(doc: Document, words: RelationWords | None = None) -> list[Relation]:
    """The relations one processed document states: from its events, then from its sentences."""
    words = words or get_relation_words()
    found = [r for e in doc.events if (r := _from_event(doc, e)) is not None]
    seen = {(r.actor1, r.actor2, r.kind, r.evidence) for r in found}
    for st in doc.statements:
        for rel in _from_sentence(doc, st, words):
            key = (rel.actor1, rel.actor2, rel.kind, rel.evidence)
            if key not in seen:
                seen.add(key)
                found.append(rel)
    return found


def _from_event(doc: Document, e: Event) -> Relation | None:
    if not e.actor1 or not e.actor2 or e.modality not in _COUNTED or _same(e.actor1, e.actor1_id, e.actor2, e.actor2_id):
        return None
    if e.sub_event_type == "Agreement":
        kind = "agreement"
    elif e.event_type in _FIGHTING_TYPES:
        kind = "fighting"
    else:
        return None
    return Relation(actor1=e.actor1, actor2=e.actor2, kind=kind, date=e.event_date, document_id=doc.id,
                    actor1_id=e.actor1_id, actor2_id=e.actor2_id, modality=e.modality, event_id=e.event_id,
                    evidence=e.notes or "", start=e.evidence.get("start"), end=e.evidence.get("end"),
                    reason=f"{e.sub_event_type} event {e.event_id} between them")


def _from_sentence(doc: Document, st: Statement, words: RelationWords) -> list[Relation]:
    actors = [_as_actor(m) for m in doc.mentions if st.start <= m.start and m.end <= st.end
              and (m.kind == "actor" or (m.kind == "place" and m.feature == "country"))]
    if len(actors) < 2 or st.stance == "question":
        return []
    modality = _modality(st.text, words)
    out = []
    for kind, pattern in words.kinds.items():
        for m in pattern.finditer(st.text):
            lo, hi = st.start + m.start(), st.start + m.end()
            if any(a.start <= lo and hi <= a.end for a in actors):
                continue  # a word of a name ("United Nations Support Mission")
            before, after = _before(doc, actors, lo), _after(doc, actors, hi, lo)
            passive = words.passive.match(st.text, m.start())
            if passive:
                before, after = after, before
            if before and after and not _same(before.canonical, before.id, after.canonical, after.id):
                out.append(_relation(doc, st, before, after, kind, modality, f"'{m.group()}'"))
    for m in _BACKED.finditer(st.text):
        lo = st.start + m.start()
        backer = next((a for a in actors if a.end == lo), None)
        backed = _after(doc, actors, st.start + m.end())
        if backer and backed and not _same(backer.canonical, backer.id, backed.canonical, backed.id):
            out.append(_relation(doc, st, backer, backed, "support", modality, f"'{backer.text}{m.group()}'"))
    return out


def _as_actor(m: Mention) -> Mention:
    """A country named as the one who acts ("Turkey sent drones") stands for its state: id ``country:TR``."""
    if m.kind == "actor":
        return m
    return Mention(m.text, m.start, m.end, "actor", canonical=m.canonical or m.text,
                   id=f"country:{m.country}" if m.country else None, stage=m.stage, reason=m.reason)


def _before(doc: Document, actors: list[Mention], at: int) -> Mention | None:
    earlier = [a for a in actors if a.end <= at and at - a.end <= _NEAR]
    return earlier[-1] if earlier and not _BETWEEN.search(doc.text[earlier[-1].end:at]) else None


def _after(doc: Document, actors: list[Mention], at: int, inside_from: int | None = None) -> Mention | None:
    """The first actor named after ``at`` (or inside the relation words from ``inside_from``: "asked Turkey for
    help"), with no other clause between."""
    start = at if inside_from is None else inside_from
    later = next((a for a in actors if a.start >= start and a.start - at <= _NEAR), None)
    return later if later and not _BETWEEN.search(doc.text[at:max(at, later.start)]) else None


def _same(name1: str | None, id1: str | None, name2: str | None, id2: str | None) -> bool:
    return (id1 is not None and id1 == id2) or (name1 or "").lower() == (name2 or "").lower()


def _modality(text: str, words: RelationWords) -> str:
    return next((name for name in MODALITY_WORDS if words.modality[name].search(text)), "asserted")


def _relation(doc: Document, st: Statement, a: Mention, b: Mention, kind: str, modality: str, cue: str) -> Relation:
    return Relation(actor1=a.canonical or a.text, actor2=b.canonical or b.text, kind=kind,
                    date=doc.published.isoformat() if doc.published else None, document_id=doc.id, actor1_id=a.id,
                    actor2_id=b.id, modality=modality, evidence=st.text, start=st.start, end=st.end,
                    reason=f"{kind} {cue} between '{a.text}' and '{b.text}' ({modality}; dated by publication)")


def network(edges: Iterable[Relation]) -> dict[str, Any]:
    """Nodes (actors with how many edges) and links (actor pair, kind, count, first and last day, evidence ids)."""
    links: dict[tuple[str, str, str], dict[str, Any]] = {}
    degree: dict[str, int] = defaultdict(int)
    for r in edges:
        key = (r.actor1_id or r.actor1, r.actor2_id or r.actor2, r.kind)
        link = links.setdefault(key, {"source": key[0], "target": key[1], "source_name": r.actor1, "target_name": r.actor2,
                                      "kind": r.kind, "hostile": r.kind in HOSTILE, "count": 0, "first": r.date,
                                      "last": r.date, "modalities": {}, "evidence": []})
        link["count"] += 1
        link["modalities"][r.modality] = link["modalities"].get(r.modality, 0) + 1
        if r.date and (link["first"] is None or r.date < link["first"]):
            link["first"] = r.date
        if r.date and (link["last"] is None or r.date > link["last"]):
            link["last"] = r.date
        if len(link["evidence"]) < 5:
            link["evidence"].append({"document_id": r.document_id, "event_id": r.event_id, "sentence": r.evidence[:300]})
        degree[key[0]] += 1
        degree[key[1]] += 1
    names = {lk["source"]: lk["source_name"] for lk in links.values()} | {lk["target"]: lk["target_name"] for lk in links.values()}
    nodes = [{"id": k, "name": names.get(k, k), "edges": n} for k, n in sorted(degree.items(), key=lambda kv: -kv[1])]
    return {"nodes": nodes, "links": sorted(links.values(), key=lambda lk: -lk["count"])}
