"""Territorial control over time: which actor held a place from when to when, and on what evidence.

A document gives ``ControlChange`` records two ways:

- its territorial events: "Government regains territory" and "Non-state actor overtakes territory" hand the
  place to actor1 (taken from actor2); "Non-violent transfer of territory" hands it to actor1 too, unless the
  sentence says actor1 withdrew, vacated or left (then actor1 loses it, to actor2 where there is one);
- every other place a sentence with a territorial trigger names, taken by the actor named before the trigger
  ("the special forces captured Goobweyn, Yontoy and Turdo": one event, three places);
- its statements of control: "X is in control of Y", "Y, now under the control of X", "X-held Y": the holder and
  the place named beside the phrase, as a ``statement`` (it says who holds it, not that it changed hands).

``timeline`` orders a place's changes into periods (holder, from, to, evidence); two changes a few days apart
that name different holders, from different documents, make the later period ``contested`` (both sides' evidence
kept); a claimed change that nobody else reports is contested too. ``holder_at`` answers "who held it then?".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from frontlines.knowledge.ontology import Ontology, get_ontology
from frontlines.knowledge.relation_words import ControlWords, get_control_words
from frontlines.model import ControlChange, Document, Event, Mention, Statement

__all__ = ["CONTESTED_DAYS", "TERRITORY", "ControlPeriod", "control_changes", "holder_at", "timeline"]

TERRITORY = {
    "Government regains territory": "capture",
    "Non-state actor overtakes territory": "capture",
    "Non-violent transfer of territory": "transfer",
}
CONTESTED_DAYS = 3  # different holders reported this close together: the place is contested
_COUNTED = frozenset({"asserted", "claimed", "uncertain"})
_LEAVING = re.compile(r"\b(?:withdr[ae]w\w*|withdrawn|vacat\w+|pull(?:ed|s|ing)? out|retreat\w*|(?:left|leaves|leaving) "
                      r"the (?:town|city|village|area|district|base)|abandon\w*|fled|evacuat\w+|handed over)\b",
                      re.IGNORECASE)
# "<holder> ... in (full) control of <place>" (also hedged or quoted: "is believed to be in “control” of “most” of
# Derna"), "<place> ... under the control of <holder>", "<holder>-held <place>"
_HOLDER_FIRST = re.compile(r"\b(?:(?:is|are|was|were|remain(?:s|ed)?|stay(?:s|ed)?) (?:(?:believed|said|thought|reported|"
                           r"understood) to be )?(?:still |now |firmly |fully )?"
                           r"in [“\"]?(?:(?:full|complete|total|effective)[”\"]? )?[“\"]?control[”\"]? of|(?:holds|held|controls|controlled) "
                           r"(?:most of |all of |much of |parts of )?(?=(?!by\b)\w))", re.IGNORECASE)
_LOSING = re.compile(r"\b(?:los[et]|losing|ceded?|surrender\w*|wrest\w*|if|unless|would|could)\b", re.IGNORECASE)
_PLACE_FIRST = re.compile(r"\b(?:(?:is|are|was|were|remain(?:s|ed)?|now|still|came) )?(?:under (?:the )?"
                          r"(?:full |complete |total |effective )?control of|controlled by|held by|in the hands of)\b",
                          re.IGNORECASE)
_HELD = re.compile(r"-(?:held|controlled)\b", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[;:]|, (?:leaving|while|as|after|before|but|which|where|when)\b|\b(?:after|before|"
                           r"while|leaving)\b", re.IGNORECASE)
_PLACE_FEATURES = frozenset({"city", "admin2", "landmark", None})
# places the gazetteer does not know, named in the list a capture or withdrawal takes ("captured Goobweyn, Yontoy
# and Turdo areas", "withdrawn from the coastal town of Garacad"): after the words, only these lower-case words
# before the first name; names joined by commas, "and" or "then"; after the last, a clause's end, a kind of place
# or a preposition ("seized two Toyota pickups" names no place)
_LEAD_WORDS = frozenset("the a an of from over control out them town towns city cities village villages district "
                        "districts area areas port base airbase coastal strategic key oil border nearby small "
                        "northern southern eastern western central north-central northern-most".split())
_NAME = re.compile(r"(?:(?:al|el|ad|ar|as)-)?[A-Z][\w’'-]*(?:\s+(?:(?:al|el)-)?[A-Z][\w’'-]*){0,2}")
_NAME_JOIN = re.compile(r"\s*,\s*(?:and\s+)?(?:then\s+)?|\s+and\s+(?:then\s+)?|\s+then\s+")
_LIST_END = re.compile(r"\s*(?:[,.;:)]|$|(?:towns?|cit(?:y|ies)|villages?|districts?|areas?|port|base|airbase|on|in|"
                       r"near|after|before|from|to|by|with|at|and|which|where|while|as|(?:fully |completely )?under)\b)")
# the people or defenders of a place surrendering it: "elders in the nearby town of X decided to surrender", "the
# garrison of X surrendered to Y" (not "refused to surrender", nor fighters surrendering their arms)
_SURRENDER = re.compile(r"\b(?:elders|residents|people|inhabitants|notables|tribal leaders|leaders|garrison|defenders|"
                        r"town|city|village)\b[^.;:]{0,80}?(?<!refused to )(?<!not )(?P<cue>(?:(?:decided|agreed|chose|"
                        r"offered) to )?(?:surrender(?:ed)?|capitulat(?:e|ed)))\b(?! (?:their|its|his|her) )"
                        r"(?P<to>\s+to\s+(?:the\s+)?)?", re.IGNORECASE)
# a place lost to someone: "losing <what> to" <taker>, "lost control of <what> to" <taker>
_LOST_TO = re.compile(r"\b(?:lost|losing|loses|ceded|ceding)\b(?P<what>[^.;:]{0,140}?)(?P<to>\s+to)\s+(?:the\s+)?",
                      re.IGNORECASE)
# before a capture word: it is only meant or tried ("in bid to regain control of", "failed to retake", "vowed to
# capture"), not done
_ONLY_MEANT = re.compile(r"\b(?:bid|attempts?|efforts?|push|drive|plans?|planning|aims?|aiming|seeks?|seeking|trying|"
                         r"tries|tried|vow(?:s|ed)?|threaten(?:s|ed)?|intends?|wants?|wanted|hopes?|hoping|fail(?:s|ed)?|"
                         r"ready|preparing|prepared)\s+(?:to\s+)?$", re.IGNORECASE)
# before a capture word: the sentence reports someone's claim of it ("the paper claimed ... the Taliban have been
# routed from Kunduz")
_CLAIMED = re.compile(r"\b(?:claim(?:s|ed|ing)?|alleg(?:e|es|ed|edly)|purported(?:ly)?|reportedly)\b", re.IGNORECASE)
# before a capture word: it is passive ("have been reportedly killed or" captured)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
# before an actor: what an attack was on, or a name in brackets repeating the one before it
# (lower case: "On Tuesday the army" is no target)
_TARGET = re.compile(r"(?:\b(?:on|against|at|near|into|toward|towards)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,3}|\(\s*)$")
# before a capture word: it is a noun ("prior to the alleged capture", "after the capture of X by Y"), whose taker
# comes after "by", never before it
_NOUN_USE = re.compile(r"\b(?:the|a|an|its|their|his|her|this|that|alleged|reported|recent)\s+$", re.IGNORECASE)
# capture words that hold the place taken ("put Al Hira fully under their control", "brought Y under its control")
_HOLDS_ITS_OBJECT = re.compile(r"(?:put|brought|placed)\b", re.IGNORECASE)
_NOT_PLACES = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May "
                        "June July August September October November December".split())


def control_changes(doc: Document, ontology: Ontology | None = None) -> list[ControlChange]:
    """The changes of control one processed document reports: its territorial events; then every other place a
    sentence with a territorial trigger names ("captured Goobweyn, Yontoy and Turdo": the extractor makes one event
    of the sentence, control needs each place); then its statements of control."""
    ontology, words = ontology or get_ontology(), get_control_words()
    changes = [c for e in doc.events if (c := _from_event(doc, e)) is not None]
    told = {c.place.lower() for c in changes}
    held = {(c.place.lower(), (c.holder or "").lower()) for c in changes}
    for st in doc.statements:
        for change in [*_from_trigger(doc, st, ontology, words), *_from_surrender(doc, st), *_from_loss(doc, st),
                       *_from_statement(doc, st)]:
            # a place told once more is kept only when it names another holder: control reversed in one report
            # ("the rebels had been driven from the town ... they have re-taken it"); no statement repeats a change
            key = (change.place.lower(), (change.holder or "").lower())
            if change.place.lower() not in told or (key not in held and change.kind != "statement"):
                told.add(change.place.lower())
                held.add(key)
                changes.append(change)
    return changes


def _in_reach(doc: Document, at: int, place: Mention) -> bool:
    """A place named in the clause of the words at ``at``: up to 60 characters before them, or after them with no
    clause break between ("..., leaving the fleeing forces barricaded in Tarhouna" is another clause)."""
    if place.end <= at:
        return at - place.end <= 60 and not _CLAUSE_BREAK.search(doc.text[place.end:at])
    return place.start - at <= 160 and not _CLAUSE_BREAK.search(doc.text[at:place.start])


def _by(doc: Document, actors: list[Mention], at: int) -> Mention | None:
    """The actor after "by" following the capture words ("the capture of Al-Watiya airbase by GNA forces")."""
    for m in actors:
        if m.start > at and m.start - at <= 80 and re.search(r"\bby\s+(?:the\s+)?$", doc.text[max(at, m.start - 12):m.start]):
            return m
    return None


def _from_trigger(doc: Document, st: Statement, ontology: Ontology, words: ControlWords) -> list[ControlChange]:
    """Places named after a territorial trigger in a sentence that tells a capture, taken by the actor named before
    the trigger (or the actor1 of the sentence's event)."""
    if st.stance in ("question", "hypothetical", "prediction"):
        return []
    if _LOSING.search(st.text) and not words.capture.search(st.text):
        return []
    hits = [(h.start, h.text, h.trigger.sub_event_type) for h in ontology.find_triggers(st.text)
            if h.trigger.sub_event_type in TERRITORY]
    hits += [(m.start(), m.group(), "Non-state actor overtakes territory") for m in words.capture.finditer(st.text)]
    hits += [(m.start(), m.group(), "Non-violent transfer of territory") for m in words.leaving.finditer(st.text)]
    if not hits:
        return []
    hits = sorted(h for h in hits if not any(o[0] < h[0] < o[0] + len(o[1]) for o in hits)  # none inside another
                  and not _ONLY_MEANT.search(st.text, max(0, h[0] - 40), h[0]))
    if not hits:
        return []
    inside = [m for m in doc.mentions if st.start <= m.start and m.end <= st.end]
    actors = [m for m in inside if m.kind == "actor"]
    places = [m for m in inside if m.kind == "place" and m.feature in _PLACE_FEATURES
              and any(_in_reach(doc, st.start + h[0], m) for h in hits)]
    places += _unknown_places(doc, st, [_list_start(st, h[0], h[1]) for h in hits], inside)
    event = next((e for e in doc.events if st.start <= e.evidence.get("start", -1) < st.end
                  and e.sub_event_type in TERRITORY and e.modality in _COUNTED), None)
    modality = event.modality if event else \
        ("claimed" if st.voice == "quoted" or _CLAIMED.search(st.text, 0, hits[0][0]) else "asserted")
    day = event.event_date if event else (doc.published.isoformat() if doc.published else None)
    changes = []
    for p in places:
        # the words a place follows tell it (the first ones where it comes before them all), each with its taker:
        # "when ISIS conquered Mosul, the Peshmerga took over Kirkuk"; the event's roles come first
        start, said, sub_type = next((h for h in reversed(hits) if h[0] < p.start - st.start), hits[0])
        at = st.start + start
        taker = None if event else _taker(doc, st, actors, at, passive_matters=not words.leaving.match(st.text, start))
        holder, holder_id = (event.actor1, event.actor1_id) if event else \
            ((taker.canonical or taker.text, taker.id) if taker else (None, None))
        if holder is None:
            continue
        kind = TERRITORY.get(event.sub_event_type if event else sub_type, "capture")
        leaving = bool(words.leaving.match(st.text, start)) or (kind == "transfer" and bool(_LEAVING.search(st.text)))
        changes.append(ControlChange(
            place=p.canonical or p.text, date=day, holder=None if leaving else holder,
            kind="withdrawal" if leaving else kind, document_id=doc.id, event_id=event.event_id if event else None,
            holder_id=None if leaving else holder_id, previous=holder if leaving else (event.actor2 if event else None),
            previous_id=holder_id if leaving else (event.actor2_id if event else None), country=p.country,
            latitude=p.latitude, longitude=p.longitude, modality=modality, source=st.speaker or st.source or doc.source,
            evidence=st.text, reason=f"'{said}' names {p.text}"
                                     f"{' (dated by its event)' if event else ' (dated by publication)'}",
        ))
    return changes


def _taker(doc: Document, st: Statement, actors: list[Mention], at: int, passive_matters: bool = True) -> Mention | None:
    """Who takes (or leaves) the places the words at ``at`` name: the actor after "by" where they are passive
    ("leaders in Derna have been killed or captured" names no captor); else the last actor before them in the
    sentence that is not what the attack was on ("an attack on the Special Forces (Saiqa) base ..., overrunning
    the camp") nor a name in brackets repeating it; a capture told as a noun has its taker after "by" ("Lam said X
    was, before the alleged capture, ..." names none). Words of leaving are passive on purpose ("were driven out of"):
    their subject leaves."""
    if passive_matters and _PASSIVE.search(doc.text, max(st.start, at - 60), at) \
            or _NOUN_USE.search(doc.text, max(st.start, at - 30), at):
        return _by(doc, actors, at)
    candidates = [m for m in actors if m.end <= at and at - m.end <= 160
                  and not _TARGET.search(doc.text, max(st.start, m.start - 40), m.start)]
    return (candidates[-1] if candidates else None) or _by(doc, actors, at)


def _list_start(st: Statement, start: int, said: str) -> int:
    """Where the list of places a capture or withdrawal names starts: after its words, or inside them after the
    verb when they hold their object ("put Al Hira fully under their control")."""
    embedded = _HOLDS_ITS_OBJECT.match(said)
    return st.start + start + (embedded.end() if embedded else len(said))


def _unknown_places(doc: Document, st: Statement, ends: list[int], inside: list[Mention]) -> list[Mention]:
    """The names the gazetteer does not know in the list of places after each of the words ending at ``ends``, as
    place mentions without coordinates. A name that overlaps a mention is that mention's (a known place, an actor),
    unless it is all of an actor mention that resolved to no actor: the list says it is a place ("pushed them out of
    Ras Lanuf, and then Uqaila", where the name finder took Uqaila for a group)."""
    found: dict[str, Mention] = {}
    for end in ends:
        names, at = _listed_names(doc.text, end, st.end)
        if not names or not _LIST_END.match(doc.text, at, st.end):
            continue
        for start, stop in names:
            text = doc.text[start:stop]
            if text in _NOT_PLACES or any(m.start < stop and start < m.end and not _unresolved_name(m, start, stop)
                                          for m in inside):
                continue
            found.setdefault(text, Mention(text=text, start=start, end=stop, kind="place", canonical=text,
                                           stage="frontlines.control@1", reason="named where a place is taken; "
                                           "not in the gazetteer"))
    return list(found.values())


def _unresolved_name(m: Mention, start: int, stop: int) -> bool:
    return m.kind == "actor" and m.id is None and (m.start, m.end) == (start, stop)


def _listed_names(text: str, at: int, end: int) -> tuple[list[tuple[int, int]], int]:
    """(start, end) of each name in the list that starts at ``at`` (after up to four ``_LEAD_WORDS``), and where
    the list ends."""
    words = 0
    while (m := re.compile(r"\s+([a-z][\w-]*)").match(text, at, end)) and m.group(1) in _LEAD_WORDS and words < 4:
        at, words = m.end(), words + 1
    names: list[tuple[int, int]] = []
    lead = re.compile(r"\s+").match(text, at, end)
    at = lead.end() if lead else at
    while (name := _NAME.match(text, at, end)) is not None:
        names.append((name.start(), name.end()))
        join = _NAME_JOIN.match(text, name.end(), end)
        if join is None or not _NAME.match(text, join.end(), end):
            return names, name.end()
        at = join.end()
    return names, at


def _from_surrender(doc: Document, st: Statement) -> list[ControlChange]:
    """A place whose people or defenders surrender passes to the side they yield to: the actor after "to", else
    the one named before them ("The jihadists ... : elders in the nearby town of Harawah decided to surrender")."""
    if st.stance in ("question", "hypothetical", "prediction"):
        return []
    m = _SURRENDER.search(st.text)
    if m is None:
        return []
    at = st.start + m.start("cue")
    inside = [x for x in doc.mentions if st.start <= x.start and x.end <= st.end]
    place = _last([x for x in inside if x.kind == "place" and x.feature in _PLACE_FEATURES], before=at)
    people = st.start + m.start()
    actors = [x for x in inside if x.kind == "actor"]
    taker = (_first(actors, after=st.start + m.end()) if m.group("to") else None) or \
        _last(actors, before=people, reach=len(st.text))
    if place is None or taker is None or not people <= place.start or re.search(r"[;.]", doc.text[place.end:at]):
        return []
    return [ControlChange(
        place=place.canonical or place.text, date=doc.published.isoformat() if doc.published else None,
        holder=taker.canonical or taker.text, kind="transfer", document_id=doc.id, holder_id=taker.id,
        country=place.country, latitude=place.latitude, longitude=place.longitude,
        modality="claimed" if st.voice == "quoted" else "asserted", source=st.speaker or st.source or doc.source,
        evidence=st.text, reason=f"'{m.group('cue')}': {place.text} yields to {taker.text} (dated by publication)",
    )]


def _from_loss(doc: Document, st: Statement) -> list[ControlChange]:
    """A place lost to someone is theirs: "the garrison pulled back from Zorvan, losing the old harbour to the
    militia", "the army lost control of X to the rebels". The places are those named in what was lost,
    else the one named just before the words."""
    if st.stance in ("question", "hypothetical", "prediction"):
        return []
    found: list[ControlChange] = []
    inside = [m for m in doc.mentions if st.start <= m.start and m.end <= st.end]
    for m in _LOST_TO.finditer(st.text):
        to = st.start + m.end()
        taker = next((a for a in inside if a.kind == "actor" and to <= a.start <= to + 25), None)
        lo, hi = st.start + m.start(), st.start + m.start("to")
        places = [p for p in inside if p.kind == "place" and p.feature in _PLACE_FEATURES and lo <= p.start < hi] or \
            [p for p in inside if p.kind == "place" and p.feature in _PLACE_FEATURES and 0 <= lo - p.end <= 40
             and not re.search(r"[;.]", doc.text[p.end:lo])][-1:]
        if taker is None or _ONLY_MEANT.search(st.text, max(0, m.start() - 40), m.start()):
            continue
        loser = _last([a for a in inside if a.kind == "actor"], before=lo)
        found += [ControlChange(
            place=p.canonical or p.text, date=doc.published.isoformat() if doc.published else None,
            holder=taker.canonical or taker.text, kind="capture", document_id=doc.id, holder_id=taker.id,
            previous=(loser.canonical or loser.text) if loser else None, previous_id=loser.id if loser else None,
            country=p.country, latitude=p.latitude, longitude=p.longitude,
            modality="claimed" if st.voice == "quoted" or _CLAIMED.search(st.text, 0, m.start()) else "asserted",
            source=st.speaker or st.source or doc.source, evidence=st.text,
            reason=f"'{m.group().strip()}' {taker.text}: {p.text} lost to them (dated by publication)",
        ) for p in places]
    return found


def _from_event(doc: Document, e: Event) -> ControlChange | None:
    kind = TERRITORY.get(e.sub_event_type)
    if kind is None or not e.location or e.modality not in _COUNTED:
        return None
    holder, holder_id, previous, previous_id = e.actor1, e.actor1_id, e.actor2, e.actor2_id
    reason = f"{e.sub_event_type}: {e.actor1 or 'an actor'} takes it"
    if kind == "transfer" and _LEAVING.search(e.notes or ""):
        holder, holder_id, previous, previous_id = e.actor2, e.actor2_id, e.actor1, e.actor1_id
        kind, reason = "withdrawal", f"{e.sub_event_type}: {e.actor1 or 'an actor'} leaves it"
    return ControlChange(
        place=e.location, date=e.event_date, holder=holder, kind=kind, document_id=doc.id, event_id=e.event_id,
        holder_id=holder_id, previous=previous, previous_id=previous_id, country=e.country, latitude=e.latitude,
        longitude=e.longitude, modality=e.modality, source=e.source or doc.source, evidence=e.notes or "",
        reason=f"{reason} (event {e.event_id})",
    )


def _from_statement(doc: Document, st: Statement) -> list[ControlChange]:
    if st.stance in ("question", "hypothetical", "prediction") or _LOSING.search(st.text):
        return []
    inside = [m for m in doc.mentions if st.start <= m.start and m.end <= st.end]
    actors = [m for m in inside if m.kind == "actor"]
    places = [m for m in inside if m.kind == "place" and m.feature in _PLACE_FEATURES]
    found: list[ControlChange] = []
    for m in _HOLDER_FIRST.finditer(st.text):
        at = st.start + m.start()
        found += _stated(doc, st, _last(actors, before=at), _first(places, after=st.start + m.end()), m.group())
    for m in _PLACE_FIRST.finditer(st.text):
        at = st.start + m.start()
        found += _stated(doc, st, _first(actors, after=st.start + m.end()), _last(places, before=at), m.group())
    for m in _HELD.finditer(st.text):
        at = st.start + m.start()
        holder = next((a for a in actors if a.end == at), None)
        found += _stated(doc, st, holder, _first(places, after=st.start + m.end()), m.group())
    return found


def _last(mentions: list[Mention], before: int, reach: int = 80) -> Mention | None:
    earlier = [m for m in mentions if m.end <= before and before - m.end <= reach]
    return earlier[-1] if earlier else None


def _first(mentions: list[Mention], after: int) -> Mention | None:
    return next((m for m in mentions if m.start >= after and m.start - after <= 60), None)


def _stated(doc: Document, st: Statement, holder: Mention | None, place: Mention | None, phrase: str) -> list[ControlChange]:
    if holder is None or place is None:
        return []
    modality = "claimed" if st.voice == "quoted" or _CLAIMED.search(st.text) else "asserted"
    day = doc.published.isoformat() if doc.published else None
    return [ControlChange(
        place=place.canonical or place.text, date=day, holder=holder.canonical or holder.text, kind="statement",
        document_id=doc.id, holder_id=holder.id, country=place.country, latitude=place.latitude,
        longitude=place.longitude, modality=modality, source=st.speaker or st.source or doc.source, evidence=st.text,
        reason=f"statement of control '{phrase.strip()}' ({modality}; dated by publication)",
    )]


# -- timelines ------------------------------------------------------------------------------------------------
@dataclass
class ControlPeriod:
    holder: str | None
    holder_id: str | None
    since: str | None
    until: str | None  # the day the next period began (None: still held, as far as the store knows)
    contested: bool = False
    evidence: list[ControlChange] = field(default_factory=list)
    rivals: list[str] = field(default_factory=list)  # other holders claimed while contested

    def to_dict(self) -> dict[str, Any]:
        return {"holder": self.holder, "holder_id": self.holder_id, "since": self.since, "until": self.until,
                "contested": self.contested, "rivals": list(self.rivals),
                "evidence": [c.to_dict() for c in self.evidence]}


def timeline(changes: list[ControlChange]) -> list[ControlPeriod]:
    """A place's changes, oldest first, as periods of one holder each. Consecutive reports of the same holder
    extend a period; a different holder within ``CONTESTED_DAYS`` (from another document), or a claim nobody
    else reports, marks the period contested."""
    dated = sorted((c for c in changes if c.date), key=lambda c: (c.date or "", c.kind == "statement"))
    periods: list[ControlPeriod] = []
    for change in dated:
        current = periods[-1] if periods else None
        if current is not None and _same_holder(current, change):
            current.evidence.append(change)
            continue
        if current is not None and _close(current, change) and _other_document(current, change):
            current.contested = True
            current.rivals.append(change.holder or "unknown")
        if current is not None and change.kind == "statement" and current.evidence[-1].kind != "statement" \
                and _close(current, change):
            current.contested = True  # a statement right after a change that names someone else
        if current is not None:
            current.until = change.date
        periods.append(ControlPeriod(change.holder, change.holder_id, change.date, None, evidence=[change]))
    for period in periods:
        if all(c.modality != "asserted" for c in period.evidence) and len({c.document_id for c in period.evidence}) == 1:
            period.contested = period.contested or any(c.modality == "claimed" for c in period.evidence)
    return periods


def _same_holder(period: ControlPeriod, change: ControlChange) -> bool:
    if period.holder_id and change.holder_id:
        return period.holder_id == change.holder_id
    return (period.holder or "").lower() == (change.holder or "").lower()


def _close(period: ControlPeriod, change: ControlChange) -> bool:
    last = period.evidence[-1].date
    if not last or not change.date:
        return False
    return date.fromisoformat(change.date[:10]) - date.fromisoformat(last[:10]) <= timedelta(days=CONTESTED_DAYS)


def _other_document(period: ControlPeriod, change: ControlChange) -> bool:
    return all(c.document_id != change.document_id for c in period.evidence)


def holder_at(periods: list[ControlPeriod], day: str) -> ControlPeriod | None:
    """The period that covers ``day`` (YYYY-MM-DD), or None when the store knows of no holder then."""
    found = None
    for period in periods:
        if period.since and period.since <= day and (period.until is None or day < period.until):
            found = period
    return found
