"""What an attack is aimed at: armed men (a battle) or civilians (violence against civilians).

English puts the victims after an active verb ("gunmen killed a trader"), before a passive one ("a trader
was shot by gunmen") and in the subject of a passive casualty clause anywhere ("2 soldiers were killed in
an assault by rebels"); the agent (the subject of an active verb, a by-phrase) is never the target. The
first victim word decides ("killing two guards and a child" is a battle; "two civilians, possibly
soldiers" an attack); former or retired soldiers are civilians; a named armed group among the victims is
armed. An installation as the direct object ("attacked a checkpoint", "an attack on a market") decides
when no victim noun does. Mutual combat ("clashed", "fighting") is always armed. With no victim word, a
one-sided attack by a non-state actor is on civilians, by the state on armed men; with neither side named,
on civilians (ACLED's default), unless the word is a raid, ambush or assault, which are aimed at armed men.
"""

from __future__ import annotations

import re
from typing import Any

from frontlines import fastre
from frontlines.knowledge.ontology import Ontology, TriggerHit
from frontlines.model import Mention

__all__ = ["MUTUAL", "headline_passive", "target_of"]

MUTUAL = fastre.compile(r"^(?:clash|fight|fought|battl|gun ?battle|firefight|exchang|skirmish|hostilit|infighting|engag|"
                        r"shoot-?out|counter|offensive|besieg)", re.IGNORECASE)
_PASSIVE = fastre.compile(r"\b(?:was|were|is|are|been|being|get|got)\s+(?:\w+\s+){0,2}$|^(?:was|were)\b", re.IGNORECASE)
# "5 people died": victims first; "a patrol came under fire": its subject was the target
_INTRANSITIVE = fastre.compile(r"^(?:died|dead|bodies|lost|c(?:a|o)me under)\b", re.IGNORECASE)
# A headline passive has no auxiliary: "3 civilians killed by gunmen", "Two traders shot in Gao" -- a participle
# followed by a preposition or the end of the clause, not by an object ("killed at least 40 people" has one).
_PARTICIPLE = fastre.compile(r"^(?:killed|shot|wounded|injured|murdered|assassinated|gunned down|stabbed|beaten|hacked|"
                             r"executed|beheaded|abducted|kidnapped|attacked|ambushed|targeted)", re.IGNORECASE)
_NO_OBJECT = fastre.compile(r"^\s*(?:(?:dead|to death|and (?:killed|wounded|injured))\s*)?(?:by|in|at(?! (?:least|most)\b)|near|during|after|when|on|"
                            r"while|outside|inside|along|following|as|from)\b|^\s*(?:[,.;:]|$)", re.IGNORECASE)
_NP_BOUNDARY = fastre.compile(r"\b(?:leaving|left|with|after|as|when|while)\b", re.IGNORECASE)
_BY_AGENT = fastre.compile(r"\b(?:by|at the hands of)\s+(?:[\w'-]+\s+){0,5}?[\w'-]+(?=[,.;]|\s+(?:in|at|near|on|who|while|"
                           r"after|during|from|over|and then|because)\b|$)", re.IGNORECASE)
# a passive casualty verb group ("were killed", "has been badly hurt") and the subject of at most 60 characters before
# it; the group alone finds where a subject can end (``_casualty_subjects``), so both are built from the one string
_CASUALTY_GROUP = (r"\s+(?:was|were|have been|has been|had been|are|is)\s+(?:\w+\s+)?"
                   r"(?:killed|wounded|injured|hurt|shot|beaten|abducted|kidnapped)\b")
_CASUALTY_SUBJECT = fastre.compile(rf"(?P<np>[^,;.()]{{1,60}}?){_CASUALTY_GROUP}", re.IGNORECASE)
_CASUALTY_PASSIVE = fastre.compile(_CASUALTY_GROUP, re.IGNORECASE)
# the source a sentence closes with names no victim ("..., the General Staff said", "..., according to hospital staff")
_ATTRIBUTION_TAIL = fastre.compile(r",\s+(?:according to\b[^,;]*|(?:[\w'’.-]+\s+){1,7}?(?:said|says|told|reported|added|"
                                   r"confirmed|announced|claimed|wrote|posted)\b[^,;]*)[.;]?\s*$", re.IGNORECASE)
_DIRECT = fastre.compile(r"^\W*(?:(?:on|against|targeting|into)\s+)?(?:[\w'-]+\s+){0,4}?$", re.IGNORECASE)
_NOT_SERVING = fastre.compile(r"\b(?:former|retired|ex-|off-duty|demobili[sz]ed|unarmed)\s*(?:\w+\s+)?$", re.IGNORECASE)
# A force's noun used attributively names a place or a dress, not a victim ("an inmate in a police station",
# "men in army uniforms"); installations attacked directly are still found by the military-target list.
_ATTRIBUTIVE = fastre.compile(r"\s+(?:stations?|posts?|uniforms?|custody|cells?|fatigues|gear)\b", re.IGNORECASE)
# what the people counted were: "141 people, most of them soldiers", "people, mostly militiamen"
_MOSTLY = fastre.compile(r",?\s+(?:(?:most|many|all|almost all|nearly all|the majority|the bulk)(?: of (?:them|whom))?"
                         r"(?:\s+(?:were|being))?|mostly|mainly|largely)\s+(?:[\w'’-]+\s+){0,2}?", re.IGNORECASE)
_NEUTRAL = {"members", "member", "officers", "officer"}  # "a member of the party", "an election officer"
# the bodies whose members are civilians ("members of the opposition party", "of a farming cooperative"), not a
# party's or a union's armed wing
_CIVIL_BODY = fastre.compile(r"\s+of\s+(?:the\s+|a\s+|an\s+|their\s+|his\s+)?(?:[\w'’-]+\s+){0,3}?(?:party|parties|trade unions?|"
                             r"unions?|associations?|church(?:es)?|congregations?|clubs?|cooperatives?|famil(?:y|ies)|"
                             r"communit(?:y|ies)|parliament|press|choir|staff)\b(?!['’]s?\s+(?:militia|armed|youth wing|fighters))",
                             re.IGNORECASE)
_CIVILIAN_TYPES = {"civilians", "protesters", "organisation"}
_ARMED_ACTORS = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_force",
                 "unidentified"}
_STATE = {"state_forces", "government", "external_force"}


# who the attackers are, or seemed to be: "gunmen believed to be Boko Haram fighters", "men posing as soldiers"
_IDENTIFYING = fastre.compile(r"\b(?:(?:believed|suspected|thought|said|reported|alleged|presumed|understood)\s+to\s+"
                              r"(?:be|belong\s+to|have\s+been)|identified\s+as|posing\s+as|disguised\s+as|dressed\s+as)\b",
                              re.IGNORECASE)


def _identifications(text: str, onto: Ontology) -> list[tuple[int, int]]:
    """Spans that say who the attackers are or seemed to be, up to the combatant noun they name ("gunmen believed
    to be Boko Haram fighters killed four farmers"): that noun names no victim."""
    spans = []
    for m in _IDENTIFYING.finditer(text):
        noun = onto.combatant_nouns.search(text, m.end(), m.end() + 60)
        if noun is not None and not fastre.search(r"[,;.]", text[m.end():noun.start()]):
            spans.append((m.start(), noun.end()))
    return spans


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        for i in range(max(start, 0), min(end, len(chars))):
            chars[i] = " "
    return "".join(chars)


def headline_passive(text: str, trigger: TriggerHit) -> bool:
    """"3 civilians killed by gunmen": a bare participle after its subject, with no object after it."""
    return bool(_PARTICIPLE.fullmatch(trigger.text)) and bool(_NO_OBJECT.match(text[trigger.end:])) \
        and bool(text[:trigger.start].strip())


def _casualty_subjects(text: str) -> list[re.Match[str]]:
    """``_CASUALTY_SUBJECT``'s matches in ``text``, its lazy subject tried only from 60 characters before the first
    passive casualty verb (no match can start earlier: its subject is at most 60 characters and only spaces follow
    it before the verb group), not at every character of the clause."""
    first = _CASUALTY_PASSIVE.search(text)
    return list(_CASUALTY_SUBJECT.finditer(text, max(0, first.start() - 60))) if first else []


def _victim_regions(text: str, trigger: TriggerHit, agents: list[tuple[int, int]]) -> list[tuple[int, str, bool]]:
    """(offset, text, direct-object region?) of the clause's parts that name victims, agents blanked."""
    text = _blank(text, agents + [(m.start(), m.end()) for m in (*_BY_AGENT.finditer(text), *_ATTRIBUTION_TAIL.finditer(text))])
    regions = [(m.start("np"), m.group("np"), False) for m in _casualty_subjects(text)]
    if _PASSIVE.search(text[:trigger.start]) or _PASSIVE.match(trigger.text) or _INTRANSITIVE.match(trigger.text):
        return regions + [(0, text[:trigger.start], True)]  # "a patrol was attacked": the subject is the target
    if headline_passive(text, trigger):  # "..., leaving two people killed": only the noun phrase before it
        cut = max((m.end() for m in _NP_BOUNDARY.finditer(text[:trigger.start])), default=0)
        return regions + [(cut, text[cut:trigger.start], True)]
    return regions + [(trigger.end, text[trigger.end:], True)]


def _kind_in(region: str, direct: bool, onto: Ontology) -> tuple[int, str, str] | None:
    """(position, 'armed' | 'civilian') of the first victim noun, or of a directly attacked installation."""
    found = []
    for regex, kind in ((onto.combatant_nouns, "armed"), (onto.civilian_nouns, "civilian")):
        for m in regex.finditer(region):
            if m.group().lower() in ("member", "members") and _CIVIL_BODY.match(region, m.end()):
                found.append((m.start(), "civilian", "victim"))  # "three members of the opposition party"
                break
            if m.group().lower() in _NEUTRAL or _ATTRIBUTIVE.match(region, m.end()):
                continue
            serving = not _NOT_SERVING.search(region[max(0, m.start() - 25):m.start()])
            if kind == "civilian" and (mostly := _MOSTLY.match(region, m.end())) is not None \
                    and onto.combatant_nouns.match(region, mostly.end()):
                kind = "armed"  # "killing 141 people, most of them soldiers": who the people were
            found.append((m.start(), kind if serving else "civilian", "victim"))
            break
    if not found and direct:
        for regex, kind in ((onto.military_targets, "armed"), (onto.civilian_targets, "civilian")):
            target = regex.search(region)
            if target and (_DIRECT.match(region[:target.start()]) or not region[target.end():].strip()):
                found.append((target.start(), kind, "target"))
    return min(found) if found else None


def _named_victim(clause: Any, regions: list[tuple[int, str, bool]], participants: list[Mention]) -> str | None:
    for offset, region, _ in regions:
        for m in participants:
            rel = m.start - clause.start
            if offset <= rel < offset + len(region) and region[rel - offset:rel - offset + 1].strip():
                if m.actor_type in _ARMED_ACTORS:
                    return "armed"
                if m.actor_type in _CIVILIAN_TYPES:
                    return "civilian"
    return None


def target_of(clause: Any, trigger: TriggerHit, actor1: Mention | None, actor2: Mention | None,
              participants: list[Mention], onto: Ontology) -> tuple[str | None, str]:
    """('armed' | 'civilian' | None, reason) for an attack or killing in ``clause``."""
    if MUTUAL.match(trigger.text):
        return "armed", "mutual combat"
    head, _, tail = trigger.text.strip().partition(" ")
    own = _kind_in(tail, False, onto) if tail else None
    if own:  # "beating residents", "shot two soldiers": a trigger that holds its object names the victims
        return own[1], f"{own[1]} victims in the trigger ('{trigger.text.strip()}')"
    agents = [(a.start - clause.start, a.end - clause.start) for a in (actor1,) if a is not None and a.start >= 0]
    agents += _identifications(clause.text, onto)
    regions = _victim_regions(clause.text, trigger, agents)
    others = [p for p in participants if p is not actor1]
    strangers = [p for p in others if actor1 is None or p.id != actor1.id]  # ("gunmen believed to belong to CODECO")
    for offset, region, direct in regions:
        hit = _kind_in(region, direct, onto)
        first = _named_victim(clause, [(offset, region[:hit[0]], direct)], strangers) if hit else None
        if first:  # "killed 12 members of the VDP and three civilians": the militia, named first, was the target
            return first, f"{first} victims named first"
        if hit:
            return hit[1], f"{hit[1]} {hit[2]} named"
    named = _named_victim(clause, regions, others)
    if named:
        return named, f"{named} victims named"
    if actor2 is not None and actor2.actor_type in _ARMED_ACTORS:
        return "armed", "armed second party"
    if actor2 is not None and actor2.actor_type in _CIVILIAN_TYPES:
        return "civilian", "civilian second party"
    if actor1 is not None and actor1.actor_type in _STATE:
        return "armed", "state forces' operation"
    if actor1 is not None or fastre.match(r"gunm|assail|attacker", trigger.text, re.IGNORECASE):
        return "civilian", "one-sided attack by a non-state actor"
    if not fastre.match(r"ambush|raid|storm|assault|offensive", trigger.text, re.IGNORECASE):
        return "civilian", "one-sided attack, neither side named"
    return None, ""
