"""Clauses and their triggers: a sentence cut into clauses (";", "while", "meanwhile", ", and"), each with the
triggers the ontology finds in it (none inside a proper name), and the order in which a clause's triggers are tried
as its event (``triggers_in_order``): the most specific first, with the exceptions that make what an incident
did, not what led to it or what it also did, the event."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from frontlines import fastre
from frontlines.knowledge.ontology import Ontology, TriggerHit
from frontlines.model import Document, Mention, Statement
from frontlines.pipeline.events.fatalities import count_fatalities
from frontlines.pipeline.statements.sentences import is_abbreviation as _is_abbreviation

__all__ = ["Clause", "split_clauses", "triggers_in_order"]

_CLAUSE = fastre.compile(r";|\s+while\s+|\s+whereas\s+|\s+meanwhile,?\s+|,\s+(?:and|but|while)\s+(?=\w+\s+\w+)|\s+but\s+(?=the\s)|\.\s+")
# ", killing 14 civilians ..., and burning several cars": a participle with no subject of its own after the killing
# participle of a deed goes on telling that deed (what the strike also did), not another clause
_KILLING_PARTICIPLE = fastre.compile(r",\s+(?:killing|wounding|injuring)\b", re.IGNORECASE)
_MORE_DAMAGE = fastre.compile(r"(?:burning|setting|torching|destroying|damaging|wounding|injuring)\b", re.IGNORECASE)
_OPEN_BETWEEN = fastre.compile(r"\bbetween\b(?!.*\band\b)")  # "between X" still waiting for its "and Y"
# "protested against the arrest of", "to demand the release": the arrest is what the protest is about
_PROTEST_TOPIC = fastre.compile(r"\b(?:protest(?:s|ed|ing)?|against|over|denounc\w*|condemn\w*|demand\w*)\s+(?:\w+\s+){0,3}$",
                                re.IGNORECASE)
# police breaking up a gathering ("dispersed", "broke up"): arrests told after it are its intervention (the wider list of
# what makes a protest one with intervention, arrests included, is subtypes._INTERVENTION)
_DISPERSAL = fastre.compile(r"\b(?:dispers\w*|broke up|break(?:s|ing)? up|tear gas|teargas)\b", re.IGNORECASE)
_CONSEQUENCE = fastre.compile(r"\b(?:leading to|led to|sparked|spurred|sparking|prompted|prompting|triggered|triggering|"
                              r"provoked|resulting in)\s+(?:\w+\s+){0,4}$", re.IGNORECASE)
# "took the base after a series of drone strikes": the fighting that led to a capture is its cause, the
# capture is the event (ACLED codes the change of territory)
_LEAD_UP = fastre.compile(r"\b(?:after|following)\s+(?:\w+\s+){0,5}$", re.IGNORECASE)
# an incident named in an opening phrase ("In a separate attack on Saturday night, gunmen shot dead ..."): the main
# clause after the comma tells the deed, its doer and its victim
_FRAMING = fastre.compile(r"^\W*in\s+(?:an?\s+|the\s+)?(?:(?:separate|similar|second|third|another|other|earlier|later|"
                          r"new|fresh|further)\s+)?$", re.IGNORECASE)
# the gathering an attack fell on, told as its circumstance ("opened fire on supporters as they gathered outside the
# court"): the attack is the event, the crowd its victims
_AS_THEY = fastre.compile(r"\b(?:as|while|when)\s+(?:they|the (?:crowd|protesters|demonstrators|marchers|mourners))\s+(?:were\s+)?$",
                          re.IGNORECASE)
_BECAUSE = fastre.compile(r"\b(?:because of|due to|in the wake of|amid|to escape|fearing)\b", re.IGNORECASE)
_ABUSE = fastre.compile(r"(?:beat|beaten|tortur|flogg|whipp|stabb|shot|killed|executed|murdered|raped)", re.IGNORECASE)
_BACKGROUND_KILL = fastre.compile(r"\b(?:accused of|suspected of|charged with|for|over|after|following|who had|having)\s+"
                                  r"(?:\w+\s+){0,2}$", re.IGNORECASE)


@dataclass
class Clause:
    statement: Statement
    start: int
    end: int
    text: str
    triggers: list[TriggerHit] = field(default_factory=list)
    participants: list[Mention] = field(default_factory=list)
    also_at: list[Mention] = field(default_factory=list)  # the other towns of a list the place opens


def _inside_name(doc: Document, start: int, end: int) -> bool:
    """A trigger word that is part of a proper name ("Government of National Accord", "Revolutionary Guard",
    "Bomb Disposal Squad") reports nothing: it names an actor."""
    for m in doc.mentions:
        if m.kind == "actor" and m.start <= start and end <= m.end and (m.start, m.end) != (start, end) \
                and sum(w[:1].isupper() for w in m.text.split()) >= 2:
            return True
    return False


_CAPITALISED = fastre.compile(r"[A-Z][\w'’.-]*")


def _in_capitalised_name(sentence: str, start: int, end: int) -> bool:
    """A capitalised trigger word between two capitalised words of a sentence in running text (not a title-case
    headline) is part of a name the actor base lacks ("the Sudan People's Liberation Movement/Army")."""
    if not sentence[start:start + 1].isupper() or any(w[:1].islower() for w in sentence[start:end].split()):
        return False  # "Air Force jet bombed": the trigger runs on past the name into the sentence
    words = sentence.split()
    if len(words) < 6 or sum(bool(_CAPITALISED.match(w)) for w in words) > len(words) / 2:
        return False  # a headline in title case: "Boko Haram Attacks Borno Village"
    before = fastre.search(r"([\w'’.-]+)[\s/-]+$", sentence[:start])
    after = fastre.match(r"[\s/-]+([\w'’.-]+)", sentence[end:])
    return bool(before and after and _CAPITALISED.fullmatch(before.group(1)) and _CAPITALISED.fullmatch(after.group(1)))


def _rank(hit: TriggerHit) -> tuple[bool, bool, int]:
    """How well a trigger defines its clause: specific types beat the generic families; a fallback trigger
    (priority under 10: a bare "bombing") defines a clause only when nothing else does."""
    return hit.trigger.priority >= 10, hit.trigger.family is None or hit.trigger.family == "capture", hit.trigger.priority


# what an attack that kills also does: the killing, not the abduction, arrest or burning, is the event
_SPARED_WHEN_DEADLY = ("Abduction/forced disappearance", "Arrests", "Looting/property destruction")


def gathering_attacked(clause: Clause) -> bool:
    """The clause tells an attack on a crowd "as they gathered" or "while they marched": its victims are protesters."""
    return any(h.trigger.family == "protest" and _AS_THEY.search(clause.text[max(0, h.start - 30):h.start])
               and any(a.trigger.family in ("attack", "kill") and a.start < h.start for a in clause.triggers)
               for h in clause.triggers)


def triggers_in_order(clause: Clause) -> list[TriggerHit]:
    """The clause's triggers, best first; weapons seized or destroyed in a clause that also kills people are
    part of that fight ("the strike killed 5 and destroyed ammunition"), not a separate disruption."""
    hits = sorted(clause.triggers, key=lambda h: (not (h.trigger.family == "protest" and _CONSEQUENCE.search(
        clause.text[max(0, h.start - 40):h.start])), *_rank(h)), reverse=True)
    flight = next((h for h in hits if h.trigger.family == "displacement"), None)
    if flight and hits[0] is not flight and flight.start < hits[0].start and hits[0].trigger.family in ("attack", "kill") \
            and _BECAUSE.search(clause.text[flight.end:hits[0].start]):
        return [flight] + [h for h in hits if h is not flight]  # "fled their villages because of attacks"
    if hits and hits[0].trigger.sub_event_type == "Arrests" and any(h.trigger.family == "protest" for h in hits) \
            and _PROTEST_TOPIC.search(clause.text[max(0, hits[0].start - 40):hits[0].start]):
        hits = hits[1:] + hits[:1]  # "a group protests an unjust arrest"
    elif hits and hits[0].trigger.sub_event_type == "Arrests" and _DISPERSAL.search(clause.text[:hits[0].start]):
        protest = next((h for h in hits if h.trigger.family == "protest" and h.start < hits[0].start), None)
        if protest is not None:  # "dispersed about 200 students protesting ..., arresting 12 of them": arrests at a
            hits = [protest] + [h for h in hits if h is not protest]  # protest it broke up are its intervention
    if gathering_attacked(clause):  # "opened fire on supporters as they gathered": the shooting is the event
        hits = [h for h in hits if h.trigger.family != "protest"] + [h for h in hits if h.trigger.family == "protest"]
    capture = next((h for h in hits if h.trigger.family == "capture"), None)
    if capture and hits[0] is not capture and capture.start < hits[0].start \
            and _LEAD_UP.search(clause.text[capture.end:hits[0].start]):
        hits = [capture] + [h for h in hits if h is not capture]  # "captured the base after days of shelling"
    if hits and _FRAMING.search(clause.text[:hits[0].start]):
        deed = next((h for h in hits[1:] if h.start > hits[0].end and "," in clause.text[hits[0].end:h.start]), None)
        if deed is not None:  # "In another attack, gunmen shot dead ...": the main clause's deed
            hits = [deed] + [h for h in hits if h is not deed]
    if hits and hits[0].trigger.sub_event_type in _SPARED_WHEN_DEADLY and count_fatalities(clause.text)[0]:
        deadly = next((h for h in hits if h.trigger.family in ("attack", "kill")
                       and not _BACKGROUND_KILL.search(clause.text[max(0, h.start - 30):h.start])), None)
        if deadly is not None:  # "killing 5 and abducting 10", "killed 17 villagers and burned houses": the killing is the event
            hits = [deadly] + [h for h in hits if h is not deadly]
    abuse = next((h for h in hits if h.trigger.family == "kill" and _ABUSE.match(h.text)), None)
    if abuse and hits[0].trigger.sub_event_type in ("Arrests", "Abduction/forced disappearance") and hits[0] is not abuse \
            and not _BACKGROUND_KILL.search(clause.text[max(0, abuse.start - 30):abuse.start]):
        return [abuse] + [h for h in hits if h is not abuse]  # "arrested and beaten": the abuse is the event
    if hits and hits[0].trigger.sub_event_type == "Disrupted weapons use" and fastre.match(r"destroy|damag", hits[0].text, re.I) \
            and any(h.start < hits[0].start and (h.trigger.family == "attack" or h.trigger.event_type == "Explosions/Remote violence")
                    for h in hits[1:]):
        hits = hits[1:] + hits[:1]  # "bombed the base, destroying missile stores": what the strike destroyed
    if hits and hits[0].trigger.sub_event_type == "Disrupted weapons use" and count_fatalities(clause.text)[0] \
            and not fastre.search(r"prematur", hits[0].text, re.IGNORECASE) \
            and any(h.trigger.family in ("attack", "kill") for h in hits):
        hits = hits[1:] + hits[:1]
    return hits


# a deed told after ", and" with no subject of its own: its verb opens the clause ("..., and shot at people")
_SUBJECTLESS_DEED = fastre.compile(r"(?:then\s+|later\s+)?(?:\w+ed|shot|set|burnt|hit|beat|took|fled|opened)\b", re.IGNORECASE)


def _burning_then_killing(hits: list[TriggerHit], after: str) -> bool:
    """Property set on fire, then ", and" a deed of the same subject that kills ("soldiers had set fire to houses in
    the village, and shot at people as they fled, killing at least six"): the burning is part of the deadly attack,
    whose doer the first clause names."""
    return all(h.trigger.sub_event_type == "Looting/property destruction" for h in hits) \
        and bool(_SUBJECTLESS_DEED.match(after)) and count_fatalities(after)[0] > 0


def split_clauses(doc: Document, st: Statement, ontology: Ontology) -> list[Clause]:
    """The sentence's clauses; a clause without a trigger joins the next one ("a farmer, a village
    elder, and his 3 sons were killed"), or stays alone at the end (a casualty follow-up)."""
    spans, cursor = [], st.start
    ands: list[bool] = []  # whether the clause ends at ", and"
    wire = doc.wire_dateline or (-1, -1)
    if wire[0] <= st.start < wire[1] < st.end:
        cursor = wire[1]  # "BENGHAZI (Reuters) -Protesters broke into ...": the clause starts after the dateline
    for m in _CLAUSE.finditer(st.text):
        if st.start + m.start() < cursor:
            continue
        if m.group().startswith(".") and _is_abbreviation(st.text, m.start()):
            continue  # "a U.S. serviceman", "Gen. Haftar": no clause ends there
        if m.group().lstrip().startswith(",") and "and" in m.group() \
                and _OPEN_BETWEEN.search(st.text[cursor - st.start:m.start()]):
            continue  # "fighting between a coalition of militias, known as the TPF, and the 7th Brigade": one pair
        if m.group().lstrip().startswith(",") and "and" in m.group() and _MORE_DAMAGE.match(st.text, m.end()) \
                and _KILLING_PARTICIPLE.search(st.text, cursor - st.start, m.start()):
            continue  # "struck a petrol station, killing 14 civilians ..., and burning several cars": one deed
        spans.append((cursor, st.start + m.start()))
        ands.append(m.group().lstrip().startswith(",") and "and" in m.group())
        cursor = st.start + m.end()
    spans.append((cursor, st.end))
    out, pending = [], None
    for i, (start, end) in enumerate(spans):
        start = start if pending is None else pending
        text = doc.text[start:end]
        hits = [h for h in ontology.find_triggers(text) if not _inside_name(doc, start + h.start, start + h.start + len(h.text.rstrip()))
                and not _in_capitalised_name(st.text, start - st.start + h.start, start - st.start + h.start + len(h.text.rstrip()))]
        if not hits and i + 1 < len(spans) and not fastre.match(r"\.\s", doc.text[end:end + 2]):
            pending = start
            continue
        if hits and i + 1 < len(spans) and ands[i] and _burning_then_killing(hits, doc.text[spans[i + 1][0]:spans[i + 1][1]]):
            pending = start  # "soldiers set fire to houses ..., and shot at people as they fled, killing six": one
            continue  # attack by the subject the two deeds share, the killing its event (triggers_in_order)
        pending = None
        out.append(Clause(st, start, end, text, hits))
    return out
