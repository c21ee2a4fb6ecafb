"""Casualty follow-ups: sentences that only count the dead of an event already reported ("3 militants were
also killed", "One dead."), references back to an event ("condemned the attack"), and a coder's explicit
count ("Fatalities coded as 0"), which overrides what the text counts."""

from __future__ import annotations

import re
from typing import Any

from frontlines.model import Document, Event
from frontlines.pipeline.fatalities import coded_fatalities

__all__ = ["ANAPHORIC", "apply_coded_counts", "attach_casualties", "casualty_only", "dated", "is_follow_up",
           "one_bombing"]

ANAPHORIC = re.compile(
    r"\b(?:condemned|condemning|condemn|blamed|blaming|denounced|investigat\w*|into|for|over|after|following|about|"
    r"called|calling|since|during|of|in|behind|responsibility for|kicked off|joined|joining|that|warned)\s+"
    r"(?:the|this|that|these|those|its|their)\s+(?:\w+\s+)?$", re.IGNORECASE)


def apply_coded_counts(doc: Document, events: list[Event]) -> None:
    """Honour a coder's explicit count ("Fatalities coded as 0 (a partisan outlet reported 4)") for the events it follows."""
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


_ALTERNATIVE = re.compile(r"\b(?:(?:a )?(?:second|another|other|different) (?:source|report|account)s?|"
                          r"other reports|later raised|initially)\b", re.IGNORECASE)
_ADDITIVE = re.compile(r"\b(?:also|another|further|more|as well|in addition|additional|others?)\b", re.IGNORECASE)


def casualty_only(clause: Any) -> bool:
    """A clause that reports deaths and nothing else ("3 militants were also killed", "One dead.")."""
    return all(h.trigger.family == "kill" for h in clause.triggers)


def dated(doc: Document, clause: Any) -> bool:
    return any(m.kind == "date" and clause.start <= m.start < clause.end for m in doc.mentions)


def attach_casualties(events: list[Event], clause: Any, deaths: int) -> None:
    """Add a casualty follow-up's deaths to the event just reported: summed when the same sentence or an
    additive cue ("also", "another") counts other victims, the lower figure when another source disagrees."""
    if not deaths or not events:
        return
    previous = events[-1]
    if clause.start - previous.evidence["end"] > 400:
        return
    same_sentence = clause.statement.start < previous.evidence["end"]
    if _ALTERNATIVE.search(clause.text):
        value = min(previous.fatalities, deaths) if previous.fatalities else deaths
    elif same_sentence or _ADDITIVE.search(clause.text):
        value = previous.fatalities + deaths
    else:
        value = max(previous.fatalities, deaths)
    previous.fatalities = value
    previous.reason += f"; {deaths} deaths from the follow-up '{clause.text.strip()[:40]}'"


def is_follow_up(event: Event, events: list[Event], clause: Any) -> bool:
    """A casualty sentence about the event just reported ("At least 12 fighters were killed, ...")."""
    if not events or event.actor1_id or not event.fatalities and not ANAPHORIC.search(clause.text):
        return False
    previous = events[-1]
    close = 0 <= clause.statement.start - previous.evidence["end"] < 400
    kill_only = all(h.trigger.family == "kill" or "raid" in h.text.lower() or "attack" in h.text.lower()
                    for h in clause.triggers)
    same_day = previous.event_date == event.event_date or event.date_fallback or previous.date_fallback
    if close and kill_only and same_day and previous.date_fallback and not event.date_fallback:
        previous.event_date, previous.time_precision, previous.date_fallback = \
            event.event_date, event.time_precision, False  # "... were killed in the attack on 08/12"
    return close and kill_only and same_day


_GENERIC_BLAST = re.compile(r"^(?:(?:a |an )?explosion|blast|detonated|explosive devices?)$", re.IGNORECASE)


def one_bombing(events: list[Event]) -> list[Event]:
    """A suicide bombing is reported again as "the blast", "the explosion": those are the same event."""
    bombings = [e for e in events if e.sub_event_type == "Suicide bomb" and e.modality not in ("negated", "hypothetical", "future")]
    if not bombings:
        return events
    out = []
    for ev in events:
        trig = re.match(r"trigger '([^']*)'", ev.reason)
        if ev.sub_event_type == "Remote explosive/landmine/IED" and trig and _GENERIC_BLAST.match(trig.group(1)):
            bombings[0].fatalities = max(bombings[0].fatalities, ev.fatalities)
            continue
        out.append(ev)
    return out
