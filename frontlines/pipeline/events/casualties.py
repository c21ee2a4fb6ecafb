"""Casualty follow-ups: sentences that only count the dead of an event already reported ("3 militants were
also killed", "One dead."), references back to an event ("condemned the attack"), and a coder's explicit
count ("Fatalities coded as 0"), which overrides what the text counts."""

from __future__ import annotations

import re
from itertools import pairwise
from typing import Any

from frontlines import fastre
from frontlines.knowledge.actors import ActorKB
from frontlines.model import Document, Event
from frontlines.pipeline.events.fatalities import another_sources_lower, coded_fatalities, counts_the_attackers
from frontlines.pipeline.mentions.numbers import NUMBER, parse_number
from frontlines.pipeline.mentions.spans import mentions_in

__all__ = ["ANAPHORIC", "refers_back", "apply_coded_counts", "attach_casualties", "casualty_only", "dated", "is_follow_up",
           "one_bombing", "one_incident"]

ANAPHORIC = fastre.compile(
    r"\b(?:condemned|condemning|condemn|blamed|blaming|confirm(?:ed|ing|s)?|acknowledg(?:ed|ing|es|e)|denounced|investigat\w*|into|for|over|after|following|about|"
    r"called|calling|since|during|of|in|from|behind|responsibility for|kicked off|joined|joining|that|warned|"
    r"(?:damaged|destroyed|hit|struck|affected|caused|triggered|sparked|disrupted)\s+by)\s+"
    r"(?:the|this|that|these|those|its|their)\s+(?:\w+\s+)?$", re.IGNORECASE)
# "Members of the NSCDC protest at ...", "workers of the DYS demonstrated": a group of an organisation acting,
# not a reference back to "the ... protest".
_GROUP_OF = fastre.compile(r"\b(?:members?|supporters|workers|employees|residents|students|fighters|soldiers|militants|"
                           r"elements|hundreds|thousands|dozens|scores|groups?|factions?|leaders?|youths?|activists|"
                           r"staff|teachers|traders|some|many|several|two|three|four|five)\s+of\s+\S+\s+(?:\w+\s+)?$",
                           re.IGNORECASE)


def refers_back(before: str, trigger_text: str) -> bool:
    """The trigger names an event already known ("condemned the attack", "after the clashes"), judged from the
    text just before it; a verb form ("demonstrated") or a group of an organisation as subject never does."""
    if fastre.search(r"ed$", trigger_text, re.IGNORECASE) or _GROUP_OF.search(before):
        return False
    return bool(ANAPHORIC.search(before))


# Deaths reported without a number: ACLED codes such plural, uncounted deaths as 10 ("inflicted heavy losses",
# "an unknown number of fighters were killed"); counts that may be only wounded ("killed and wounded",
# "many casualties", "suffered casualties") stay 0.
_UNCOUNTED = fastre.compile(
    r"\binflict\w*\s+(?:\w+\s+){0,2}?(?:casualties|causalities|losses)\b|"
    r"\b(?:heavy|high|huge|serious|significant)\s+(?:casualties|causalities|losses)\b|"
    r"\bunknown numbers?\b[^.;]{0,60}?\b(?:killed|dead|died)\b(?!\s+and\s+(?:wounded|injured|hurt))|"
    r"\b(?:dead and (?:wounded|injured)|deaths and injuries|fatalities and injuries)\b|"
    r"\b(?:deaths|fatalities)\s+(?:were\s+|have been\s+)?reported\b|"
    r"\b(?:deaths?|fatalit(?:y|ies)|dead)\b[^.;]{0,25}?\bnumbers?\b[^.;]{0,15}?\b(?:not known|unknown|not provided|not given)\b|"
    r"\b(?:casualties|causalities)\s+(?:were\s+|are\s+)?reported,?\s+(?:but\s+)?(?:the\s+)?numbers?\s+(?:unknown|not known)|"
    r"\bkill\w*\s+[\"'“‘]?all[\"'”’]?\s+(?:the\s+)?(?:\w+\s+)?(?:members|occupants|passengers|crew|guards|soldiers|escorts?|villagers)\b|"
    r"\b(?:resulted|resulting|results)\s+in\s+(?!(?:no|any|zero)\b)(?:\w+\s+)?(?:fatalities|deaths)\b|"
    r"\b(?:killed|dead|died)\b[^.;]{0,60}?\((?:exact\s+)?numbers?\s+(?:not\s+known|unknown|not\s+given|not\s+provided)\)",
    re.IGNORECASE)
UNCOUNTED_DEATHS = 10
# Casualties reported with no figure ("Casualties reported.", "with casualties on both sides", "led to civilian
# casualties", "'a number' of militant casualties", "causing casualties (numbers not known)"): ACLED codes these,
# too, as 10 -- unless negated ("no casualties were reported", "no civilian casualties") or only the number is
# unknown ("the number of casualties is not known"), which says nothing of whether anyone died. A bare "causing
# many casualties" stays 0: it may count only the wounded.
_CASUALTY = r"(?:casualties|causalities)"
_VAGUE_CASUALTIES = fastre.compile(
    rf"\b{_CASUALTY}\s+(?:were\s+|are\s+|have been\s+)?(?:reported|likely|recorded)\b|"
    rf"\b(?:reported|several|some|civilian|military)\s+{_CASUALTY}\b|"
    rf"\b{_CASUALTY}\s+on both sides\b|"
    rf"\b{_CASUALTY}\s*[(,]?\s*(?:the\s+|exact\s+|specific\s+)?(?:numbers?|figures?)\s+(?:are\s+|is\s+)?(?:not known|unknown|not provided|not given)\b|"
    rf"\b(?:a number|an unspecified number|an unknown number|unspecified numbers?)\s+of\s+(?:[\w-]+\s+){{0,3}}?{_CASUALTY}\b",
    re.IGNORECASE)
_NEGATED_CASUALTY = fastre.compile(r"\b(?:no|not|without|any|zero)\b[^.;,]{0,25}$", re.IGNORECASE)


def _vague_casualties(text: str) -> bool:
    """Casualties reported without a figure, not negated ("no civilian casualties")."""
    text = fastre.sub(r"[\"“”]", "", text)  # 'reported "some" casualties'
    for m in _VAGUE_CASUALTIES.finditer(text):
        if not _NEGATED_CASUALTY.search(text[max(0, m.start() - 30):m.start()]) \
                and not fastre.search(r"\b(?:no|any)\b", m.group(), re.IGNORECASE):  # "resulting in no casualties"
            return True
    return False


def _uncounted(text: str) -> bool:
    """Deaths reported without a number, not negated ("No deaths have been reported", "without fatalities")."""
    return any(not _NEGATED_CASUALTY.search(text[max(0, m.start() - 30):m.start()]) for m in _UNCOUNTED.finditer(text))


def _apply_uncounted(doc: Document, events: list[Event]) -> None:
    """Uncounted deaths (10) for the event a sentence reports, or else the one just before it, when it has none."""
    for st in doc.statements:
        if not (_uncounted(st.text) or _vague_casualties(st.text)) or coded_fatalities(st.text) is not None:
            continue
        inside = [ev for ev in events if st.start <= ev.evidence["start"] < st.end]
        before = [ev for ev in events if ev.evidence["start"] < st.start][-1:]
        for ev in inside or before:
            if not ev.fatalities:
                ev.fatalities = UNCOUNTED_DEATHS
                ev.reason += f"; uncounted deaths coded as {UNCOUNTED_DEATHS}"


def apply_coded_counts(doc: Document, events: list[Event]) -> None:
    """Honour a coder's explicit count ("Fatalities coded as 0 (a partisan outlet reported 4)") for the events it
    follows, after deaths reported without a number have been coded as ACLED does."""
    _apply_uncounted(doc, events)
    start = 0
    for st in doc.statements:
        coded = coded_fatalities(st.text)
        if coded is None:
            continue
        for ev in events:
            if start <= ev.evidence["start"] < st.start:
                ev.fatalities = coded
                ev.reason += f"; fatalities as coded in the text ({coded})"
        start = st.end


_RUNNING_TOTAL = fastre.compile(r"\b(?:a total of|in total|so far|to date|thus far|altogether|in all|since (?:the |its |their )?"
                                r"(?:start|beginning|outbreak|\d{4}|january|february|march|april|may|june|july|august|"
                                r"september|october|november|december|[A-Z][a-z]+ took office)|"
                                # a toll over the whole country ("killed in violence around the country since Monday")
                                r"(?:across|around|throughout) the country|nationwide|countrywide|"
                                # a ministry's daily bulletin ("43 killed ... over the past 24 hours")
                                r"(?:over|in|during) the (?:past|last) (?:(?:24|twenty-four) hours|day))\b", re.IGNORECASE)
_INJURY = fastre.compile(r"(?:injur|wound|hurt)", re.IGNORECASE)
_ALTERNATIVE = fastre.compile(r"\b(?:(?:a )?(?:second|another|other|different|subsequent|secondary) (?:source|report|account)s?|"
                              r"other reports|later raised|initially|only (?:confirm(?:s|ed)?|acknowledg(?:es|ed)|admit(?:s|ted))|"
                              r"(?:media|network|database|agency|radio|outlet|website) reports?|"
                              r"(?:some|other) (?:officials|sources|residents|witnesses|reports)|(?:put|puts|putting|"
                              r"estimated?) the (?:death )?toll at)\b", re.IGNORECASE)
_CLAIM = fastre.compile(r"\b(?:claim(?:s|ed)?|alleg(?:es|ed))\b", re.IGNORECASE)  # a party's own, later toll
_ADDITIVE = fastre.compile(r"\b(?:also|another|further|more(?! than)|as well|in addition|additional|others?)\b", re.IGNORECASE)


def casualty_only(clause: Any) -> bool:
    """A clause that reports deaths and nothing else ("3 militants were also killed", "One dead.")."""
    return all(h.trigger.family == "kill" for h in clause.triggers)


def dated(doc: Document, clause: Any) -> bool:
    return bool(mentions_in(doc, "date", clause.start, clause.end))


_TOLL_UPDATE = fastre.compile(rf"\b(?:death toll|toll|number of (?:the )?(?:dead|deaths|people killed))\b[^.;]{{0,60}}?\b(?:rose|risen|"
                              rf"climbed|increased|reached|jumped|grew|stands at|stood at)\s+(?:to\s+)?(?:at least\s+)?"
                              rf"(?P<n>{NUMBER})\b", re.IGNORECASE)


# a source's revised toll ("the Bangkok Post now says three rangers died", "the ombudsman now puts the Andahuaylas
# toll at three"): the incident it names, told before (by its place or its victims), gets the new figure
_REVISED_TOLL = fastre.compile(
    rf"\bnow\s+(?:says?|puts?|gives?|reports?|counts?)\s+(?:that\s+)?(?:(?:the\s+)?(?P<place>(?-i:[A-Z])[\w'’-]+(?:\s+"
    rf"(?-i:[A-Z])[\w'’-]+)?)\s+)?(?:(?:death\s+)?toll\s+at\s+(?:at\s+least\s+)?(?P<n1>{NUMBER})\b|(?:at\s+least\s+)?"
    rf"(?P<n2>{NUMBER})\s+(?:\w+\s+)?(?P<who>[a-z]+)\s+(?:have\s+|had\s+)?(?:died|were\s+killed|(?:have|had)\s+been\s+killed|"
    rf"are\s+dead|were\s+dead)\b)", re.IGNORECASE)


def _revise_toll(events: list[Event], clause: Any) -> bool:
    m = _REVISED_TOLL.search(clause.text)
    if m is None or _RUNNING_TOTAL.search(clause.text):
        return False
    value = parse_number(m.group("n1") or m.group("n2"))
    if not value:
        return False
    place, who = (m.group("place") or "").lower(), (m.group("who") or "").lower()
    named = [e for e in events if e.modality == "asserted" and e.evidence["end"] <= clause.start and (
        (place and place in (e.location or "").lower())
        or (who and fastre.search(rf"\b{re.escape(who)}\b", e.notes, re.IGNORECASE)))]
    if not named:
        return False
    previous = max(named, key=lambda e: e.fatalities)  # the telling that gave the toll (the first, on a tie)
    if previous.fatalities >= value:
        return False
    previous.fatalities = value
    previous.reason += f"; toll revised to {value} by '{clause.text.strip()[:40]}'"
    return True


def update_toll(events: list[Event], clause: Any) -> bool:
    """A toll that rose ("the toll of the bombing rose to 31 overnight"): the incident just told gets the new
    figure (ACLED codes the latest toll of one incident); a source's revised toll ("now puts the Andahuaylas toll
    at three") goes to the incident it names by place or victims, however far back; True when one was updated."""
    if events and _revise_toll(events, clause):
        return True
    m = _TOLL_UPDATE.search(clause.text)
    value = parse_number(m.group("n")) if m else None
    if not value or not events or _RUNNING_TOTAL.search(clause.text):
        return False
    previous = events[-1]
    if not 0 <= clause.statement.start - previous.evidence["end"] < 400 or previous.fatalities >= value:
        return False
    previous.fatalities = value
    previous.reason += f"; toll updated to {value} by '{clause.text.strip()[:40]}'"
    return True


# (a town changing hands without a fight, an agreement or arrests kill no one either: "entered the town without a fight
# ... The bodies of 106 people had been found in and around the town" counts the town's earlier dead)
_UNHARMED = frozenset({"Peaceful protest", "Protest with intervention", "Non-violent transfer of territory", "Agreement"})


def attach_casualties(events: list[Event], clause: Any, deaths: int) -> None:
    """Add a casualty follow-up's deaths to the event just reported: summed when the same sentence or an
    additive cue ("also", "another") counts other victims, the lower figure when another source disagrees (a
    party's claim, another report, another speaker: ``fatalities.another_sources_lower``)."""
    if not deaths or not events or _RUNNING_TOTAL.search(clause.text):
        return  # "a total of 109 people have been killed since May": the war's toll, not this incident's
    previous = events[-1]
    if clause.start - previous.evidence["end"] > 400 or (clause.statement.start >= previous.evidence["end"]
                                                         and clause.statement.text.strip() == previous.notes.strip()):
        return  # far away, or the same sentence printed twice (a page that repeats its lede)
    if previous.sub_event_type in _UNHARMED:
        return  # deaths told after a peaceful protest are not its toll (a protest with deaths is not peaceful)
    same_sentence = clause.statement.start < previous.evidence["end"]
    if _ALTERNATIVE.search(clause.text) or (_CLAIM.search(clause.text) and previous.fatalities
                                              and not _ADDITIVE.search(clause.text)):
        value = min(previous.fatalities, deaths) if previous.fatalities else deaths
    elif same_sentence or _ADDITIVE.search(clause.text) or counts_the_attackers(clause.text, previous.notes):
        value = previous.fatalities + deaths  # "two of the gunmen were shot dead": the attackers' dead, not a recount
    elif another_sources_lower(previous.fatalities, previous.speaker, deaths, clause.statement.speaker, clause.text):
        value = deaths
    else:
        value = max(previous.fatalities, deaths)
    previous.fatalities = value
    previous.reason += f"; {deaths} deaths from the follow-up '{clause.text.strip()[:40]}'"


# Victims named as those already counted: "the dead", "the victims", "many of the soldiers", "most of them"
# (an exact count, "one raider died later", is new deaths)
_COUNTED_BEFORE = fastre.compile(
    r"\b(?:(?:many|most|some|all|several|none)\s+of\s+(?:the|those|these|them)\b(?:\s+\w+)?|"
    r"the\s+(?:dead|victims|deceased|slain)\b)", re.IGNORECASE)


def retells_counted_deaths(event: Event, events: list[Event], clause: Any, in_sentence_date: bool) -> bool:
    """A sentence about deaths already counted ("The LNA said many of the soldiers were executed", "the dead
    had been killed in clashes"): more about the incident just told, not a new event or new deaths."""
    found = _COUNTED_BEFORE.search(clause.text)
    if in_sentence_date or not events or not found or fastre.search(
            r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|scores?|hundreds?)\b", clause.text[:found.start()],
            re.IGNORECASE):
        return False  # "gunmen killed 5 people, most of them women": a new count, described
    previous = events[-1]
    return bool(previous.fatalities) and 0 <= clause.statement.start - previous.evidence["end"] < 600 \
        and previous.modality in ("asserted", "claimed", "uncertain")


_IN_THE_INCIDENT = fastre.compile(r"\s+(?:in|during|by) the (?:same |first |second )?(?:\w+ )?(?:explosions?|blasts?|attacks?|"
                                  r"bombings?|raids?|strikes?|ambush|clash(?:es)?|fighting|shelling|assault|incident)\b",
                                  re.IGNORECASE)


def is_follow_up(event: Event, events: list[Event], clause: Any, *, own_place: bool = True) -> bool:
    """A casualty sentence about the event just reported ("At least 12 fighters were killed, ..."); not when it
    names a place of its own other than that event's (``own_place``: the event's place is named in the clause)."""
    if not events:
        return False
    previous = events[-1]
    if all(_INJURY.match(h.text) for h in clause.triggers) and not event.fatalities \
            and clause.start >= previous.evidence["start"] and clause.start - previous.evidence["end"] < 400:
        return True  # "A guard was hurt when a rock struck him": the toll of the incident just told
    # "In the northern city of Aleppo, an air raid killed four", "two civilians were killed in the shelling of the
    # town of Chasiv Yar": a place of its own other than the event's, another incident
    elsewhere = own_place and bool(event.location) and bool(previous.location) and event.location != previous.location \
        and event.location != event.country and previous.location != previous.country
    close = 0 <= clause.statement.start - previous.evidence["end"] < 400
    if close and not elsewhere and event.modality == previous.modality \
            and (event.date_fallback or event.event_date == previous.event_date) and all(
            _IN_THE_INCIDENT.match(clause.text[h.end:]) for h in clause.triggers if h.trigger.family == "kill") \
            and any(h.trigger.family == "kill" for h in clause.triggers):
        return True  # "two other men were also killed in the explosion": more dead of the incident just told
    if close and not elsewhere and event.sub_event_type == "Looting/property destruction" \
            and previous.event_type in ("Violence against civilians", "Battles") \
            and (event.date_fallback or event.event_date == previous.event_date) \
            and any(fastre.search(r"\balso\b", clause.text[:h.start]) for h in clause.triggers):
        return True  # "Gang members also set fire to 45 houses": the burning of the incident just told
    if event.actor1_id or not event.fatalities and not ANAPHORIC.search(clause.text):
        return False
    if elsewhere:
        return False
    close = 0 <= clause.statement.start - previous.evidence["end"] < 400
    kill_only = all(h.trigger.family == "kill" or "raid" in h.text.lower() or "attack" in h.text.lower()
                    or fastre.match(r"(?:was|were) shot$", h.text, re.IGNORECASE)
                    or fastre.search(r"\b(?:the|this|that|these|those)\s+(?:\w+\s+)?$", clause.text[max(0, h.start - 20):h.start],
                                     re.IGNORECASE)  # "killed in the blast": the event just told
                    for h in clause.triggers)
    same_day = previous.event_date == event.event_date or event.date_fallback or previous.date_fallback
    if close and kill_only and same_day and previous.date_fallback and not event.date_fallback:
        previous.event_date, previous.time_precision, previous.date_fallback = \
            event.event_date, event.time_precision, False  # "... were killed in the attack on 08/12"
    return close and kill_only and same_day


_GENERIC_BLAST = fastre.compile(r"^(?:(?:a |an )?explosion|blast|detonated|explosive devices?)$", re.IGNORECASE)


_DEATH_TRIGGER = fastre.compile(r"^trigger '(?:\w+ )?(?:killed|killing|died|dead|deaths?|succumbed)\b", re.IGNORECASE)


def _own_date(ev: Event) -> bool:
    return not ev.date_fallback and "earlier in the paragraph" not in ev.reason


_NEW_INCIDENT = fastre.compile(r"^\W*(?:in (?:an)?other|in a separate|separately|elsewhere|meanwhile|also|later|"
                               r"the (?:next|following) day|another|a second|in addition)\b", re.IGNORECASE)


def _same_party(a: str | None, b: str | None, kb: ActorKB) -> bool:
    """The same side, or one not named: "the SNA" and "Military Forces of Somalia" are one party."""
    if a is None or b is None or a == b:
        return True
    try:
        x, y = kb.get(a), kb.get(b)
    except Exception:  # noqa: BLE001 - an id outside the KB matches only itself
        return False
    state = {"state_forces", "government"}
    return x.country == y.country and x.type in state and y.type in state


def one_incident(events: list[Event]) -> list[Event]:
    """One incident told in several sentences is one event. A later sentence that only tells how many died, at
    the same place and with no date of its own ("Two wounded soldiers later died"), counts the dead of the
    incident just reported when that has no count, unless it opens a new incident ("In another attack ...").
    A retelling that is more than a toll is folded by ``pipeline/events/retold.py``, which keeps the fuller telling."""
    out: list[Event] = []
    for ev in events:
        prev = out[-1] if out else None
        same_day = prev is not None and not (_own_date(ev) and ev.event_date != prev.event_date)
        if prev is not None and ev.fatalities and not prev.fatalities and \
                (ev.location == prev.location or ev.location is None or prev.location is None) and same_day and \
                (0 <= ev.evidence["start"] - prev.evidence["end"] < 300 or _dead_told_after(prev, ev)) and \
                not _NEW_INCIDENT.match(ev.notes) and \
                ev.modality == prev.modality and (ev.event_type == prev.event_type or _DEATH_TRIGGER.match(ev.reason)):
            prev.fatalities = ev.fatalities
            prev.reason += f"; {ev.fatalities} deaths from the same incident's later report"
            continue
        out.append(ev)  # a whole retelling (not only its toll) is folded by pipeline/events/retold.py
    return out


def _dead_told_after(prev: Event, ev: Event) -> bool:
    """The sentence's next clause only tells the dead of the fight its first clause told ("clans clashed near
    Wabag, and at least 26 men were left dead"): a death with no perpetrator named, not an attack of its own."""
    return ev.evidence == prev.evidence and prev.event_type == "Battles" and bool(_DEATH_TRIGGER.match(ev.reason)) \
        and ev.actor1_id is None


_VIOLENT = ("Battles", "Violence against civilians", "Explosions/Remote violence")
_NON_EVENT_MODALITIES = ("negated", "hypothetical", "future")


def _same_incident(prev: Event, ev: Event) -> bool:
    """Consecutive events of one incident: same place (or one unplaced), same day, close by, and the later one
    does not open a new incident ("In another attack ...")."""
    if prev.modality in _NON_EVENT_MODALITIES or ev.modality in _NON_EVENT_MODALITIES:
        return False
    same_day = not (_own_date(ev) and ev.event_date != prev.event_date)
    same_place = ev.location == prev.location or ev.location is None or prev.location is None
    close = 0 <= ev.evidence["start"] - prev.evidence["start"] < 400
    return same_day and same_place and close and not _NEW_INCIDENT.match(ev.notes)


def _parties_within(ev: Event, prev: Event, kb: ActorKB) -> bool:
    """Every party ``ev`` names is one of ``prev``'s (or ``prev`` names none): the same fight told on, not the other
    side's own attack ("the LNA launched an offensive ... the DMSC ambushed an LNA convoy, killing three")."""
    named = {prev.actor1_id, prev.actor2_id} - {None}
    return not named or all(any(_same_party(a, b, kb) for b in named) for a in (ev.actor1_id, ev.actor2_id) if a)


def share_toll(events: list[Event], kb: ActorKB) -> list[Event]:
    """One incident's toll is counted once, on its opening violent event: that event takes the deaths told with
    the next event of the incident ("Gunmen stormed a camp near the town. They set the tents on fire. Four
    guards were killed.": the storming counts the four) when it counts none itself, and the later event keeps
    none, so that totals count each death once."""
    for prev, ev in pairwise(events):
        if not prev.fatalities and ev.fatalities and not ev.fatalities_aggregate and prev.event_type in _VIOLENT + ("Riots",) \
                and prev.modality == ev.modality and _same_incident(prev, ev) and _parties_within(ev, prev, kb):
            # (a toll a party claims stays with its claim: it is not moved onto an event the report asserts)
            prev.fatalities, ev.fatalities = ev.fatalities, 0
            prev.reason += f"; {prev.fatalities} deaths told with '{ev.notes[:40]}'"
            ev.reason += f"; its deaths counted with the incident's opening event '{prev.notes[:40]}'"
    return events


def _toll_of_the_fight(events: list[Event]) -> list[Event]:
    """Deaths told after a fight in its own sentence, with no one named as killing them ("Tebu fighters clashed with
    LNA forces ..., and at least three people died"): the fight's toll, not a killing of their own."""
    out: list[Event] = []
    for ev in events:
        prev = out[-1] if out else None
        if prev is not None and prev.event_type in ("Battles", "Explosions/Remote violence") and _DEATH_TRIGGER.match(ev.reason) \
                and (ev.actor1_id or "gen.unidentified").startswith("gen.unidentified") and ev.evidence == prev.evidence \
                and ev.event_date == prev.event_date and ev.modality == prev.modality:
            prev.fatalities = max(prev.fatalities, ev.fatalities)
            prev.reason += f"; the deaths told after it in the sentence ({ev.fatalities}) are its toll"
            continue
        out.append(ev)
    return out


def one_bombing(events: list[Event], kb: ActorKB) -> list[Event]:
    """One incident reported twice is one event: deaths told later (``one_incident``) and a suicide bombing
    reported again as "the blast", "the explosion"."""
    events = share_toll(one_incident(_toll_of_the_fight(events)), kb)
    bombings = [e for e in events if e.sub_event_type == "Suicide bomb" and e.modality not in ("negated", "hypothetical", "future")]
    if not bombings:
        return events
    out = []
    for ev in events:
        trig = fastre.match(r"trigger '([^']*)'", ev.reason)
        bombing = next((b for b in bombings if _same_blast(b, ev)), None) \
            if ev.sub_event_type == "Remote explosive/landmine/IED" and trig and _GENERIC_BLAST.match(trig.group(1)) else None
        if bombing is not None:
            bombing.fatalities = max(bombing.fatalities, ev.fatalities)
            continue
        out.append(ev)
    return out


def _same_blast(bombing: Event, blast: Event) -> bool:
    """Whether "the explosion" can be the suicide bombing told elsewhere: no other place (a country-wide telling
    fits any place in it) and no other day (an undated telling fits any). "Saturday's explosion in Khanabad" is not
    Friday's suicide bombing in Kabul."""
    places = {bombing.location, blast.location}
    place_ok = len(places) == 1 or None in places or bombing.location == bombing.country or blast.location == blast.country
    day_ok = bombing.event_date == blast.event_date or bombing.date_fallback or blast.date_fallback
    return place_ok and day_ok
