"""Actor roles in an event clause: who acted (actor1) and on whom (actor2).

Word order decides by default (the participant before the trigger acts on the one after it); a passive
turns it round ("were arrested by the police"); a by-phrase names the agent wherever it stands ("killed by a
Taliban-planted mine"); the subject of a passive casualty verb is a victim ("2 soldiers were killed when
militants fired a rocket"); "clashes between X and Y" names both sides. Leaders act for their organisation.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from frontlines import fastre
from frontlines.errors import KnowledgeError
from frontlines.knowledge.actors import ActorKB
from frontlines.knowledge.ontology import Ontology, TriggerHit
from frontlines.model import Document, Mention
from frontlines.pipeline.events.targets import MUTUAL
from frontlines.pipeline.statements.modality import disowned

__all__ = ["country_subject", "partners", "warring_sides", "roles", "tells_a_loss"]

_AGENT = fastre.compile(
    r"\b(?:killed|wounded|injured|hit|targeted|attacked|ambushed|abducted|kidnapped|arrested|detained|shot|executed|"
    r"beheaded|captured|struck|fired|planted|bombed|shelled|raided|stormed|seized|dispersed|beaten|stabbed|lynched|"
    r"attacks?|ambush(?:es)?|raids?|strikes?|air ?strikes?|bombs?|bombings?|snipers?|fire|shelling|mines?|offensive)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:by|at the hands of|blamed on|attributed to)\s+(?:(?:a|an|the|unknown|suspected|alleged|presumed)\s+)*"
    r"(?:(?:paramilitary|militant|rebel|insurgent|jihadist|islamist|separatist|armed|rival|outlawed|banned|notorious|"
    r"[\w'’]+-(?:backed|linked|allied|affiliated|led|aligned|based))\s+){0,2}$",  # "by the paramilitary RSF", "by the Rwanda-backed M23"
    re.IGNORECASE)
_VICTIM = fastre.compile(r"[\w\s',()-]{0,40}?\b(?:was|were|have been|has been|had been)\s+(?:\w+\s+)?"
                         r"(?:killed|wounded|injured|hit|targeted|attacked|ambushed|abducted|kidnapped|arrested|detained|"
                         r"shot|executed|beheaded|captured)\b|[\w\s'-]{0,30}?\b(?:killed|wounded|injured|dead|died|perished|"
                         r"lost (?:their|his|her) li(?:fe|ves))"
                         r"(?=\s*[,.;]|\s+(?:in|at(?! (?:least|most)\b)|by|during|after|when|near|on|while|and)\b)", re.IGNORECASE)
# where a shell or a rocket came from names who fired it ("shells fired from M23 positions"; not the ship that
# aircraft were "launched from")
_FIRED_FROM = fastre.compile(r"\b(?:shells?|rockets?|mortars?|mortar (?:rounds|shells)|missiles?|projectiles?|rounds)\s+"
                             r"(?:(?:were|was|had been)\s+)?(?:fired|launched|lobbed)\s+from\s+(?:the\s+)?$", re.IGNORECASE)
# fired from the positions of an armed group the clause does not name ("a mortar bomb fired from rebel positions")
_FIRED_FROM_REBELS = fastre.compile(r"\b(?:fired|launched|lobbed)\s+from\s+(?:the\s+)?(?:rebel|insurgent|militant|jihadist|"
                                    r"separatist|militia)(?:-held|-controlled)?\s+(?:positions?|territory|areas?|lines|side)\b",
                                    re.IGNORECASE)
# a side named as who holds a place ("the RSF-held town of Kabkabiya"), not as whom the deed hit
_HOLDER = fastre.compile(r"-(?:held|controlled|occupied|run)\b")
# the same told with "by" ("shelled a village held by the Arakan Army"): no passive of the deed, no agent of it
_HELD_BY = fastre.compile(r"\b(?:held|controlled|occupied|run|dominated)\s+by(?:\s+(?:the\s+)?)?$", re.IGNORECASE)
# a vehicle or a patrol that ran onto a mine or a roadside bomb suffered it ("a military truck drove over a landmine",
# "a police patrol struck a roadside bomb"), unlike one that planted or set one off
_RAN_ONTO = fastre.compile(r"\b(?:drove|drives|driving|ran|runs|running|rolled|rolls)\s+(?:over|onto|into)\s+(?:an?\s+|the\s+)?"
                           r"(?:[\w-]+\s+)?$|\b(?:hit|hits|hitting|struck|strikes|striking|stepped on|steps on)\s+"
                           r"(?:an?\s+|the\s+)?(?:[\w-]+\s+)?$", re.IGNORECASE)
# the second branch of _VICTIM is a headline passive: "Three guards killed, one wounded", "One policeman dead and ..." (not
# "fighters killed at least 40 people": an active verb and its object), or a verb of dying: "two soldiers died when
# their vehicle struck a mine" (the dead suffered the event)


# a partner of the one who acts ("acting in concert with the government, Egypt dispatched jets", "rebels, backed by
# NATO air strikes, took the town"): ACLED's associated actor, not a side of the event
_PARTNER = fastre.compile(r"\b(?:in concert with|alongside|together with|jointly with|in (?:coordination|cooperation|conjunction) "
                          r"with|backed by|supported by|assisted by|aided by|with the (?:help|support|backing|assistance) of)\s+"
                          r"(?:the\s+|its\s+|their\s+)?(?:[\w'’-]+\s+){0,5}(?:\(\s*(?:the\s+)?)?$", re.IGNORECASE)  # "... of Libya (the NTC)"


# what a country named as the subject did through its forces ("Egypt dispatched strike fighters")
_STATE_DEEDS = frozenset({"Air/drone strike", "Shelling/artillery/missile attack", "Armed clash"})


def country_subject(doc: Document, clause: Any, trigger: TriggerHit, *, launched: bool = False) -> Mention | None:
    """The country that is the subject of the trigger ("Israel has allegedly bombed ...", "Egypt dispatched strike
    fighters"): its state acted. ``launched`` also takes a country that launched or fired the trigger's weapon ("Russia
    launched rocket strikes", "Iran fired missiles at")."""
    at = clause.start + trigger.start
    filler = _LAUNCHED_FILLER if launched else _SUBJECT_FILLER
    return next((m for m in doc.mentions if m.kind == "place" and m.feature == "country" and clause.start <= m.start
                 and m.end <= at and m.country and filler.fullmatch(doc.text[m.end:at])),
                None)


_ADVERBS = r"\s*(?:(?:has|have|had|reportedly|allegedly|again|also|then)\s+){0,3}"
_SUBJECT_FILLER = fastre.compile(_ADVERBS)
# "Russia launched rocket strikes", "Iran fired 40 missiles and drones at", "Israel carried out strikes"
_LAUNCH = r"(?:launched|launches|fired|fires|carried out|carries out|conducted|conducts|unleashed|mounted|used)"
_LAUNCHED_FILLER = fastre.compile(_ADVERBS + rf"(?:{_LAUNCH}\s+(?:[\w,-]+\s+){{0,4}}?)?")
# a country named just before an attack verb is who attacked, not where ("Russia fired missiles at Kyiv")
ATTACKING_STATE = fastre.compile(r"\s+" + _ADVERBS.removeprefix(r"\s*") + rf"(?:{_LAUNCH}|shelled|struck|bombed|attacked|pounded|"
                                 r"targeted|invaded|shot down)\b", re.IGNORECASE)


# who brought the sides together ("a truce brokered by the UN mission"): a go-between, not a side
_MEDIATOR = fastre.compile(r"\b(?:brokered|mediated|facilitated|hosted|sponsored|overseen)\s+by\s+|\bunder the auspices of\s+|"
                           r"\bwith the mediation of\s+", re.IGNORECASE)
_MEDIATOR_GAP = fastre.compile(r"(?:the\s+)?(?:[\w'’-]+\s+){0,6}$")


def mediators(doc: Document, clause: Any, participants: list[Mention]) -> list[Mention]:
    """The participants named as the go-between of an agreement or talks, not as a party to them."""
    out = []
    for m in participants:
        window = doc.text[max(clause.start, m.start - 60):m.start]
        cue = next(reversed(list(_MEDIATOR.finditer(window))), None)  # the cue nearest the name
        if cue is not None and _MEDIATOR_GAP.fullmatch(window[cue.end():]) and "," not in window[cue.end():]:
            out.append(m)
    return out


def partners(doc: Document, clause: Any, participants: list[Mention]) -> list[Mention]:
    """The participants named as someone's partner in the clause, not as a side; of two states' forces told
    together ("Malian and Russian forces"), the second."""
    return [m for m in participants if _PARTNER.search(doc.text[max(clause.start, m.start - 60):m.start])
            or _allied_second(doc, m, participants)]


def _allied_second(doc: Document, m: Mention, participants: list[Mention]) -> bool:
    """``m`` is the second of two states' forces joined by "and" ("Mozambican and Rwandan soldiers"), unless the
    pair is what a "between" names: the two sides ("fighting between Kyrgyz and Tajik border guards")."""
    first = next((p for p in participants if p.end < m.start and doc.text[p.end:m.start] == " and "), None)
    return first is not None and _is_state(first) and _is_state(m) and first.country != m.country \
        and fastre.fullmatch(r"[A-Z][a-z]+", first.text) is not None \
        and not fastre.search(r"\bbetween\s+(?:the\s+)?$", doc.text[max(0, first.start - 20):first.start])


# who unnamed men are said to be: "gunmen believed to belong to CODECO", "attackers thought to be members of the ADF"
_BELONGING = fastre.compile(r"\s*,?\s*(?:(?:who\s+(?:are|were)\s+)?(?:believed|thought|suspected|said|reported|presumed|alleged)\s+to\s+)?"
                            r"(?:belong(?:ing)?\s+to|be\s+(?:members?\s+of|part\s+of|from)|(?:be\s+)?(?:linked|affiliated)\s+(?:to|with)|"
                            r"(?:be\s+)?loyal\s+to)\s+(?:the\s+)?$|"
                            # "two armed men, suspected to be al Shabaab fighters, shot ...": the men are the group's
                            r"\s*,?\s*(?:(?:who\s+(?:are|were)\s+)?(?:believed|thought|suspected|said|reported)\s+to\s+be|"
                            r"suspected\s+(?:as|of\s+being))\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)


# a group named only as the one the victims were accused of helping ("accusing the troops of punishing the
# neighbourhood for sheltering separatists", "after accusing villagers of hiding OLA fighters"): no side of the deed
_HARBOURED = fastre.compile(r"\b(?:accus\w*|suspect\w*|punish\w*|reprisals?|retaliat\w*)\b[^.;]{0,80}?\b(?:shelter\w*|harbou?r\w*|"
                            r"hid(?:e|es|ing)?|hidden|support(?:s|ed|ing)?|help(?:s|ed|ing)?|aid(?:s|ed|ing)?|feed(?:s|ing)?|fed|"
                            r"collaborat\w* with|cooperat\w* with|spy(?:ing)? for|inform(?:ing)? for|sympathi[sz]\w* with)\s+"
                            r"(?:the\s+|suspected\s+)?(?:[\w-]+\s+){0,2}$", re.IGNORECASE)


def _harboured(doc: Document, clause: Any, m: Mention) -> bool:
    """``m`` is named only as the group the victims were accused of helping, in the clause after its trigger."""
    return m.start > clause.start and bool(_HARBOURED.search(doc.text[max(clause.start, m.start - 120):m.start]))


def _named_for_generic(doc: Document, participants: list[Mention]) -> list[Mention]:
    """Unnamed men said to belong to a named group are that group, where the men stand in the clause ("gunmen
    believed to belong to CODECO killed 12": CODECO acted)."""
    out = list(participants)
    for generic in participants:
        if not (generic.id or "").startswith("gen.unidentified."):
            continue
        named = next((p for p in participants if p.start > generic.end and not (p.id or "gen.").startswith("gen.")
                      and _BELONGING.fullmatch(doc.text[generic.end:p.start])), None)
        if named is not None and named in out:
            out[out.index(generic)] = replace(named, start=generic.start, end=generic.end, text=generic.text,
                                              reason=f"'{generic.text}' said to belong to {named.canonical}")
            out.remove(named)
    return out


# the sides after the trigger's "between", past the adjuncts of place and time ("clashes broke out in the
# south-eastern suburbs of Tripoli on Monday night between X and Y"), but not a "between" that another noun or a
# new clause takes ("fighting resumed after talks between X and Y collapsed")
_BETWEEN_AFTER = fastre.compile(
    r"\S*(?:\s+(?!(?:talks|deal|agreement|accord|border|road|highway|truce|ceasefire|rivalry|tensions?|disputes?|feud|"
    r"meetings?|negotiations|line|boundary|frontier|corridor|and|or|after|before|when|while|as|which|that|who|"
    r"following|amid)\b)[\w'’-]+){0,12}?\s+between\b", re.IGNORECASE)


def _coordinated(doc: Document, first: Mention, other: Mention) -> bool:
    """``other`` is joined to ``first`` by "and" as one subject ("Russian forces and Wagner mercenaries pressed their
    assault, shelling ..."): a partner in a one-sided deed, not its target."""
    a, b = (first, other) if first.start < other.start else (other, first)
    return a.start >= 0 and bool(fastre.fullmatch(r"\s*(?:,\s*)?(?:and|as well as|along with)\s+(?:the\s+)?", doc.text[a.end:b.start]))


def _is_victim(doc: Document, clause: Any, m: Mention, participants: list[Mention]) -> bool:
    """``m`` is the subject of a passive casualty verb, with no other participant in between."""
    match = _VICTIM.match(doc.text[m.end:clause.end])
    return match is not None and not any(m.end <= p.start < m.end + match.end() for p in participants if p is not m)


def roles(doc: Document, clause: Any, trigger: TriggerHit, participants: list[Mention], actors: list[Mention],
          speaker_ids: set[str | None], kb: ActorKB, onto: Ontology) -> tuple[Mention | None, Mention | None, bool]:
    """(actor1, actor2, civilian victims?) from word order, passives and the victims named."""
    t = clause.start + trigger.start
    t_end = clause.start + trigger.end
    participants = _one_per_entity(doc, [_organisation(a, kb) for a in participants])
    participants = _named_for_generic(doc, participants)
    participants = [a for a in participants if not _harboured(doc, clause, a)]
    before = [a for a in participants if a.start < t or (a.end <= t_end and trigger.end - trigger.start > 12)
              or (a.start == t and a.end <= t_end)]  # the trigger is the agent's noun: "Gunmen killed ..."
    after = [a for a in participants if a not in before]
    text_after = doc.text[t:clause.end]
    progressive = bool(fastre.match(r"\w+ing\b", text_after))  # "has been fighting" is not a passive
    by = fastre.match(r"\S+\s+(?:\w+\s+){0,3}?by\b", text_after)
    passive = not progressive and ((by and not _HELD_BY.search(by.group())) or fastre.search(
        r"\b(?:was|were|been|being)\s+(?:\w+\s+)?$", doc.text[clause.start:t])
        or fastre.match(r"c(?:a|o)me under\b", trigger.text))  # "a patrol came under fire": its target
    actor1 = before[0] if before else None
    actor2 = after[0] if after else None
    hit_by = bool(_HIT_BY.search(doc.text[max(clause.start, t - 60):t]))  # "the post was hit by a car bomb attack"
    if passive and after and not hit_by:
        actor1, actor2 = after[0], before[0] if before else None
    elif (passive or hit_by) and before:
        actor1, actor2 = None, before[-1]  # "several demonstrators were arrested", "a police post was hit by a bomb"
    if trigger.trigger.sub_event_type == "Remote explosive/landmine/IED" and actor1 is not None \
            and (actor2 is None or _same_party(actor1, actor2, kb)) and _RAN_ONTO.search(doc.text[actor1.end:t]):
        actor1, actor2 = None, actor1  # "an army patrol drove over a landmine": the patrol was hit, no one named laid it
    agent = next((a for a in participants if _AGENT.search(doc.text[max(clause.start, a.start - 60):a.start])
                  or _FIRED_FROM.search(doc.text[max(clause.start, a.start - 50):a.start])), None)
    victims = [a for a in participants if a is not agent and _is_victim(doc, clause, a, participants)]
    if agent is not None:  # "... were killed by a Taliban-planted mine": the by-phrase names the agent
        others = victims + [a for a in participants if a is not agent and a.id != agent.id]
        actor1, actor2 = agent, others[0] if others else None
    elif victims:  # "3 guards were killed when rebels fired a mortar"
        doers = [a for a in participants if a not in victims]
        actor1, actor2 = (doers[0] if doers else None), victims[0]
        named = next((a for a in doers[1:] if not (a.id or "gen.").startswith("gen.")), None)
        if named is not None and (actor2.id or "").startswith("gen.unidentified."):
            actor2 = named  # "clashed with members of the cartel, leaving 19 gunmen dead": the gunmen were its men
    sides = list({a.id: a for a in reversed(after)}.values())[::-1]  # each party once ("the TPF ... (TPF)")
    if _BETWEEN_AFTER.match(text_after) and len(sides) >= 2:
        actor1, actor2 = sides[0], sides[1]  # "clashes between X and Y", "fighting broke out this week between X and Y"
    if _FELL_TO.match(trigger.text) and after:  # "Ramadi fell to the Islamic State": the one it fell to took it
        actor1, actor2 = after[0], (before[0] if before and before[0] is not after[0] else None)
    if tells_a_loss(trigger.text) and before:  # "his forces lost control of Ras Lanuf (to the PFG)": the loser
        to = next((a for a in after if fastre.search(r"\bto\s+(?:the\s+)?$", doc.text[max(t, a.start - 12):a.start])), None)
        actor1, actor2 = to, before[-1]
    if actor1 is None and speaker_ids and fastre.search(r"\b(?:its|their)\s+(?:\w+\s+){0,2}$", doc.text[clause.start:t]):
        actor1 = next((_organisation(a, kb) for a in actors if a.id in speaker_ids), None)  # "the LNA said its forces ..."
    if actor1 is None and speaker_ids and fastre.search(r"\b(?:said|claimed|announced)(?: \w+){0,3} (?:it|they) (?:had|have)\b|\bclaimed\b|"
                                                        r"\b(?:announced|declared|reported) (?:the |its |their )?(?:\w+ ){0,2}(?:capture|recapture|"
                                                        r"seizure|liberation|control|killing|arrest|launch|start)\b",
                                                        clause.statement.text):
        actor1 = next((_organisation(a, kb) for a in actors if a.id in speaker_ids), None)
    if actor1 and actor2 and _same_party(actor1, actor2, kb):  # "Nigerian troops ... the army": one party, not two
        actor2 = next((a for a in after if not _same_party(a, actor1, kb)), None)
    if actor1 is not None and actor2 is None:  # both named before the trigger: "X repulsed Y's attack"
        one_sided = not MUTUAL.match(trigger.text)
        actor2 = next((a for a in participants if a.id != actor1.id
                       and not (one_sided and _coordinated(doc, actor1, a))), None)
    text = clause.text
    if clause.statement.speaker:
        text = text.replace(clause.statement.speaker, "")
    source = _FIRED_FROM_REBELS.sub(" ", text_after)  # where the shell came from is not whom it hit
    for holder in (a for a in participants if t <= a.start and _HELD_BY.search(doc.text[max(t, a.start - 25):a.start])):
        at = holder.start - t  # "a village held by the Arakan Army": who holds it is not whom the shells hit
        source = source[:at] + " " * (holder.end - holder.start) + source[holder.end - t:]
    civilians = bool(onto.civilian_nouns.search(text)) and not onto.combatant_nouns.search(source[:80])
    state = country_subject(doc, clause, trigger) if actor1 is None and trigger.trigger.sub_event_type in _STATE_DEEDS else None
    if state is not None and state.country:  # "Egypt dispatched strike fighters": the country acted through its forces
        forces = kb.generic("military", state.country)
        actor1 = Mention(state.text, state.start, state.end, "actor", canonical=forces.name, id=forces.id,
                         actor_type=forces.type, country=state.country, reason=f"'{state.text}' acted: its forces")
    lone = actor1 or actor2
    if lone is not None and (actor1 is None or actor2 is None) and MUTUAL.match(trigger.text) and (
            _RIVALS.search(doc.text, max(0, lone.start - 25), lone.end) or _RIVALS_AFTER.match(doc.text, lone.end)):
        actor1 = actor2 = lone  # "two rival clan militias fought": one plural group is both sides
    if (trigger.trigger.family == "capture" or trigger.trigger.sub_event_type == "Non-violent transfer of territory"
            or (trigger.trigger.sub_event_type in _TWO_SIDED and not civilians)) \
            and (actor1 is None) != (actor2 is None):
        # a town taken was held by someone, a clash or a strike has a target: the report's main armed actor on the
        # other side (the events stage still makes civilians the target where the clause says so)
        named = actor1 or actor2
        assert named is not None  # exactly one of them is None
        if actor1 is None and trigger.trigger.sub_event_type == "Air/drone strike" and _is_state(named):
            actor1, actor2 = named, None  # "air strikes on Derna as part of Haftar's operation": states strike
        other = _counterpart(doc, named, kb)
        if other is not None:
            actor1, actor2 = (named, other) if actor1 is not None else (other, named)
    if actor1 is None and _FIRED_FROM_REBELS.search(clause.text):
        actor1 = _bomber(doc)  # "a mortar bomb fired from rebel positions": the rebels the report is about
    if actor1 is None and trigger.trigger.sub_event_type in _BOMBS and not disowned(clause.statement.text) \
            and not disowned(_next_sentence(doc, clause.statement)) and not _disowned_together(doc, clause.statement) \
            and not _BLAMED_UNNAMED.search(clause.statement.text + " " + _next_sentence(doc, clause.statement)) \
            and not _ASIDE.match(clause.statement.text):
        actor1 = _bomber(doc)  # (not for a bombing that "no one has yet claimed", here or in the next sentence, nor
        # for one told as another incident: "Meanwhile, a magnetic bomb exploded in Kabul", "Two days earlier, ...")
    if actor1 is None and actor2 is None and trigger.trigger.sub_event_type == "Air/drone strike":
        actor1 = _air_power(doc)  # "air strikes hit Tripoli overnight" in a report on NATO's campaign
    if civilians and actor2 is not None and actor2.end >= 0 and (_HOLDER.match(doc.text, actor2.end)
                                                              or _HELD_BY.search(doc.text[max(t, actor2.start - 25):actor2.start])):
        actor2 = None  # "struck a market in the RSF-held town, killing 20 people": the RSF held the town, the people died
    return _as_forces(actor1, trigger, kb), _as_forces(actor2, trigger, kb), civilians


def _next_sentence(doc: Document, statement: Any) -> str:
    """The sentence after ``statement`` in its paragraph ("A bomb exploded outside a bank. Nobody has claimed the
    bombing."), or a paragraph of that one sentence right after it (a wire page's "No group has claimed
    responsibility." on a line of its own), or ''."""
    i = next((i for i, st in enumerate(doc.statements) if st.start == statement.start), None)
    if i is None or i + 1 >= len(doc.statements):
        return ""
    nxt = doc.statements[i + 1]
    if "\n\n" not in doc.text[statement.end:nxt.start]:
        return nxt.text
    after = doc.statements[i + 2] if i + 2 < len(doc.statements) else None
    alone = doc.text[statement.end:nxt.start].count("\n\n") == 1 \
        and (after is None or "\n\n" in doc.text[nxt.end:after.start])
    return nxt.text if alone else ""


# one plural group told as both sides ("two rival clan militias fought", "militias from two rival sub-clans clashed",
# "feuding Dinka sections"): ACLED codes the same militia as actor 1 and actor 2, not the report's other party
_RIVALS = fastre.compile(r"\b(?:two|rival|feuding|warring)\b[^.,;]{0,40}(?:militias|clans|communities|tribes|factions|"
                         r"gangs|sections|sub-?clans)\b", re.IGNORECASE)

_RIVALS_AFTER = fastre.compile(r"\s+(?:from|of) (?:the )?(?:two|rival|feuding|warring) (?:[\w-]+ ){0,2}?(?:clans|communities|tribes|"
                               r"factions|sections|sub-?clans)\b", re.IGNORECASE)

# a blame that names no group ("SANA blamed 'terrorists' for the blast", "police blamed the bombing on militants"): the
# bomb is still no one's by name, and takes no group the report names elsewhere
_BLAMED_UNNAMED = fastre.compile(r"\bblam(?:e|es|ed|ing)\b(?: \w+){0,4}? (?:on )?[\"“‘']?(?:the )?(?:terrorists|militants|"
                                 r"insurgents|extremists|gunmen|criminals|saboteurs|armed groups?)\b", re.IGNORECASE)

# a sentence that opens on another incident than the report's ("Meanwhile, ...", "Separately, ...", "Two days earlier,
# ...", "In another attack, ..."): the armed group the report is about is not, for that, its bomber
_ASIDE = fastre.compile(r"\W*(?:meanwhile|separately|elsewhere|in (?:an)?other (?:\w+ )?(?:incident|attack|blast|explosion)|"
                        r"in a separate (?:\w+ )?(?:incident|attack|blast|explosion)|(?:\w+ ){1,2}(?:days?|weeks?|hours?) (?:earlier|before)|"
                        r"earlier|the (?:previous|day before|next|following))\b", re.IGNORECASE)


# a disowning of several incidents at once ("No group claimed responsibility for either killing")
_SEVERAL = fastre.compile(r"\b(?:either|both|neither|any of|all of)\b", re.IGNORECASE)


def _disowned_together(doc: Document, statement: Any) -> bool:
    """One of the three sentences after ``statement`` says that no one owns any of the incidents just told ("A car
    bomb killed a judge. Gunmen shot dead a presenter. No group claimed responsibility for either killing.")."""
    i = next((i for i, st in enumerate(doc.statements) if st.start == statement.start), None)
    return i is not None and any(disowned(st.text) and _SEVERAL.search(st.text) for st in doc.statements[i + 1:i + 4])


def _as_forces(m: Mention | None, trigger: TriggerHit, kb: ActorKB) -> Mention | None:
    """"A Syrian government airstrike": a government fights through its forces (a generic government, too)."""
    if m is None or m.id is None or not m.id.startswith("gen.government.") or trigger.trigger.family == "protest":
        return m
    actor = kb.generic("military", m.id.rsplit(".", 1)[1])
    return Mention(m.text, m.start, m.end, "actor", canonical=actor.name, id=actor.id, actor_type=actor.type,
                   country=actor.country, reason=f"{m.canonical} acting through its forces")


_FELL_TO = fastre.compile(r"(?:fell|falls|fall|fallen|falling)\s+(?:\w+\s+)?to\b", re.IGNORECASE)
# the trigger is the agent phrase of a passive: what did it, not who ("was hit by a devastating SVBIED attack")
_HIT_BY = fastre.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+){0,2}?by\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}$",
                         re.IGNORECASE)
_LOST = fastre.compile(r"(?:lost|losing|lose|loses)\b", re.IGNORECASE)


def tells_a_loss(trigger_text: str) -> bool:
    """"Lost control of X", "lost X to Y": the subject held the place and someone else took it."""
    return bool(_LOST.match(trigger_text))


def _same_party(a: Mention, b: Mention, kb: ActorKB) -> bool:
    """The same actor, or a state's generic force and its curated entry of the period ("Military Forces of
    Nigeria" and "Military Forces of Nigeria (2015-2023)")."""
    if a.id == b.id:
        return True
    if not a.id or not b.id:
        return False
    try:
        first, second = kb.get(a.id), kb.get(b.id)
    except Exception:  # noqa: BLE001 - an id the knowledge base cannot rebuild is its own party
        return False
    return first.parent == second.id or second.parent == first.id


_TWO_SIDED = frozenset({"Armed clash", "Air/drone strike", "Shelling/artillery/missile attack"})
_BOMBS = frozenset({"Suicide bomb", "Remote explosive/landmine/IED", "Grenade"})
_STATE = frozenset({"state_forces", "external_force", "government"})
_NON_STATE = frozenset({"rebel_group", "political_militia", "identity_militia"})


def _is_state(m: Mention) -> bool:
    return m.actor_type in _STATE or (m.id or "").startswith(("gen.military", "gen.police"))


def _rivals(a: Mention, b: Mention, kb: ActorKB) -> bool:
    """Two curated armed forces of one country that are neither the generic class nor its police ("the GNA's
    forces" and "the LNA" in Libya, Hadi's forces and the Houthis' in Yemen): rival governments' armies."""
    if not (a.id and b.id) or a.id.startswith("gen.") or b.id.startswith("gen.") or a.country != b.country:
        return False
    try:  # a government fights through its forces: the GNA's rival is the LNA
        first, second = kb.armed_wing(kb.get(a.id)), kb.armed_wing(kb.get(b.id))
    except Exception:  # noqa: BLE001 - an id the knowledge base cannot rebuild is no rival
        return False
    if first.type != "state_forces" or second.type != "state_forces" or first.id == second.id \
            or first.id.startswith("gen.") or second.id.startswith("gen."):
        return False
    civil = ("Police", "police")
    return not any(x.parent and x.parent.startswith("gen.") or x.name.startswith(civil) for x in (first, second))


def _bomber(doc: Document) -> Mention | None:
    """Who set off a bomb no clause names: the armed group the report names most (Boko Haram in a report on
    Boko Haram); None when the report names none (the claim, if any, is read by the events stage)."""
    groups = [m for m in doc.mentions if m.kind == "actor" and m.id and m.actor_type == "rebel_group"]
    if groups:
        counts: dict[str | None, int] = {}
        for m in groups:
            counts[m.id] = counts.get(m.id, 0) + 1
        best = next(m for m in groups if m.id == max(counts, key=lambda i: counts[i]))
        return Mention(best.text, -1, -1, "actor", canonical=best.canonical, id=best.id, actor_type=best.actor_type,
                       country=best.country, reason=f"the armed group the report names most ('{best.text}')")
    return None


def _most_named(doc: Document, keep: Any) -> Mention | None:
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in doc.mentions:
        if m.kind == "actor" and m.id and keep(m):
            counts[m.id] = counts.get(m.id, 0) + 1
            first.setdefault(m.id, m)
    if not counts:
        return None
    return first[max(counts, key=lambda i: (counts[i], -first[i].start))]


def warring_sides(doc: Document, country: str, kb: ActorKB) -> tuple[Mention, Mention] | None:
    """The report's two sides in ``country`` (ISO2): its most named state forces and the non-state armed group
    it most firmly tells fighting them (an event between the two, asserted before hedged before hypothetical),
    else its most named there, each named at least twice. "Fighting immediately resumed" in a report on the
    army's siege of a group is fighting between them, as ACLED codes it; a report naming one side gives none."""
    counts: dict[str, int] = {}
    for x in doc.mentions:
        if x.kind == "actor" and x.id:
            counts[x.id] = counts.get(x.id, 0) + 1
    forces = [m for m in doc.mentions if m.kind == "actor" and m.id and m.actor_type in _STATE and m.country == country]
    if len(forces) < 2:  # "Malian soldiers" and "the soldiers" are one state's forces, named twice
        return None
    state = _most_named(doc, lambda m: m in forces and not (m.id or "").startswith("gen.")) or forces[0]
    firmness = {"asserted": 4, "claimed": 3, "uncertain": 2, "hypothetical": 1, "future": 1}
    fought: dict[str, int] = {}
    ids = {m.id for m in forces}
    for ev in doc.events:
        if ids & {ev.actor1_id, ev.actor2_id}:
            other = ev.actor2_id if ev.actor1_id in ids else ev.actor1_id
            if other:
                fought[other] = max(fought.get(other, 0), firmness.get(ev.modality, 0))
    rebels = [m for m in doc.mentions if m.kind == "actor" and m.id and m.actor_type in _NON_STATE
              and counts[m.id] >= 2 and _operates_in(kb, m.id, country)]
    if not rebels:
        return None
    rebel = max(rebels, key=lambda m: (fought.get(m.id or "", 0), counts[m.id or ""], -m.start))
    return state, rebel


def _operates_in(kb: ActorKB, actor_id: str, country: str) -> bool:
    try:
        return kb.get(actor_id).operates_in(country)
    except KnowledgeError:  # an id the knowledge base cannot read back operates nowhere it knows
        return False


def _air_power(doc: Document) -> Mention | None:
    """Who flies the air strikes a report tells without a subject: the foreign force it names most (NATO over
    Libya in 2011, the coalition over Syria), else none; a state's own air force is named when it strikes."""
    best = _most_named(doc, lambda m: m.actor_type == "external_force")
    if best is None:
        return None
    return Mention(best.text, -1, -1, "actor", canonical=best.canonical, id=best.id, actor_type=best.actor_type,
                   country=best.country, reason=f"the foreign force the report names most ('{best.text}')")


# a group named only as one that applauded what others did ("Islamic State channels praised the attacks")
_APPLAUDED = fastre.compile(r"^(?:['’]s)?\s+(?:\w+\s+){0,2}?(?:praised|hailed|welcomed|celebrated|applauded|cheered)\b",
                            re.IGNORECASE)


def _bystander(doc: Document, m: Mention) -> bool:
    """A group named in a sentence that says no one claimed the incident ("No group has claimed the attacks,
    although Islamic State channels praised them"), or only as applauding it: no side of the fighting."""
    if m.start < 0:
        return False
    sentence = next((st.text for st in doc.statements if st.start <= m.start < st.end), "")
    return disowned(sentence) or bool(_APPLAUDED.match(doc.text[m.end:m.end + 40]))


# the two states a report is about, told together ("the two presidents agreed", "the two neighbours signed")
_TWO_STATES = fastre.compile(r"\b(?:the|both) (?:two )?(?:presidents|leaders|heads of state|governments|countries|states|"
                             r"neighbou?rs|prime ministers|foreign ministers|capitals)\b", re.IGNORECASE)


def two_states(doc: Document, clause_text: str, kb: ActorKB, offset: int = 0) -> tuple[Mention, Mention] | None:
    """The governments of the two states a report names most, when the clause tells them together ("The two
    presidents ... agreed to a ceasefire" in a report on a border war between Kyrgyzstan and Tajikistan)."""
    told = _TWO_STATES.search(clause_text)
    if told is None:
        return None
    counts: dict[str, int] = {}
    for m in doc.mentions:
        if m.kind == "actor" and m.country and _is_state(m):
            counts[m.country] = counts.get(m.country, 0) + 1
    if len(counts) < 2:
        return None
    first, second = sorted(counts, key=lambda c: -counts[c])[:2]
    one, other = (kb.generic("government", c) for c in (first, second))
    why, at, to = f"'{told.group()}': the two states the report names most", offset + told.start(), offset + told.end()
    return (Mention(told.group(), at, to, "actor", canonical=one.name, id=one.id, actor_type=one.type,
                    country=one.country, reason=why),
            Mention(told.group(), at, to, "actor", canonical=other.name, id=other.id, actor_type=other.type,
                    country=other.country, reason=why))


def _counterpart(doc: Document, named: Mention, kb: ActorKB) -> Mention | None:
    """The armed actor the report names most often on the other side of ``named`` (state forces against a
    non-state group and the reverse), as a mention without a place in the text; None when there is none."""
    side = _NON_STATE if _is_state(named) else _STATE if named.actor_type in _NON_STATE else None
    if side is None:
        return None
    counts: dict[str, int] = {}
    first: dict[str, Mention] = {}
    for m in doc.mentions:
        if m.kind == "actor" and m.id and not _same_party(m, named, kb) and not _bystander(doc, m) and (
                m.actor_type in side or (side is _STATE and _is_state(m)) or _rivals(m, named, kb)):
            counts[m.id] = counts.get(m.id, 0) + 1
            first.setdefault(m.id, m)
    if not counts:
        return None
    best = first[max(counts, key=lambda i: (counts[i], -first[i].start))]
    return Mention(best.text, -1, -1, "actor", canonical=best.canonical, id=best.id, actor_type=best.actor_type,
                   country=best.country, reason=f"the other side, named elsewhere in the report ('{best.text}')")


def _one_per_entity(doc: Document, participants: list[Mention]) -> list[Mention]:
    """"SNA soldiers", "Liyu police officers": a force's generic noun right after its name is the same party."""
    out: list[Mention] = []
    for m in sorted(participants, key=lambda a: a.start):
        prev = out[-1] if out else None
        if prev is not None and (m.id or "").startswith("gen.") and not (prev.id or "").startswith("gen.") \
                and 0 <= m.start - prev.end <= 1 and not doc.text[prev.end:m.start].strip():
            continue
        out.append(m)
    return out


def _organisation(m: Mention, kb: ActorKB) -> Mention:
    """ACLED codes organisations, not people: a leader acts through his organisation."""
    if m.actor_type != "person" or not m.id:
        return m
    actor = kb.get(m.id)
    if not actor.parent:  # a leader without an organisation of his own acts through the force curated under him
        wing = kb.armed_wing(actor)
        if wing.id == actor.id:
            return m
        return Mention(m.text, m.start, m.end, "actor", canonical=wing.name, id=wing.id, actor_type=wing.type,
                       country=wing.country, reason=f"{actor.name} acts through {wing.name}")
    parent = kb.get(actor.parent)
    return Mention(m.text, m.start, m.end, "actor", canonical=parent.name, id=parent.id, actor_type=parent.type,
                   country=parent.country, reason=f"{actor.name} acts for {parent.name}")
