"""One incident told twice in a report is one event.

News tells an incident in its lede and again further down ("Clashes erupted on Sunday night ...", "Among
the dead were seven soldiers", "The attack took place in the morning", "This Monday attack was very
serious"). A later event is the same incident as an earlier one of the same event type when nothing sets
them apart: its own sentence names no other place and no other day, no party that the first lacks on both
sides, and no cue of another incident ("separately", "in another attack", "also", "elsewhere"). The
retelling adds what the first telling lacked (an actor, a toll) and is kept as a non-event with the reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from frontlines import fastre
from frontlines.knowledge.geo import haversine_km
from frontlines.model import Document, Event, Mention, NonEvent
from frontlines.pipeline.events.fatalities import another_sources_lower, counts_the_attackers
from frontlines.pipeline.mentions.spans import mentions_in
from frontlines.pipeline.statements.modality import OWN_CLAIM, disowned

__all__ = ["merge_retold", "trigger_of"]

# cues of another incident; "also" that adds to what a speaker said ("he also said"), an ordinal that counts
# victims ("the second was wounded") and "the other" parts of one incident ("the attacks on the other two
# checkpoints", "the other five soldiers") are not
_ANOTHER = fastre.compile(r"\b(?:separately|separate|another|(?<!\bthe )other|the other (?=(?:\w+ )?(?:attack|blast|explo|bomb|"
                          r"incident|raid|strike|clash|ambush|assault|shelling))|elsewhere|also(?! (?:said|says|told|reported|added|"
                          r"confirmed|stated|noted))|(?:second|third|fourth) (?:\w+ )?(?:attacks?|blasts?|explosions?|bomb"
                          r"\w*|strikes?|raids?|incidents?|ambush\w*|clash\w*|assaults?|shelling)|earlier|later|previous|"
                          r"meanwhile|in addition|further|new|then|afterwards|subsequently|next)\b", re.IGNORECASE)
# "later", "then": what happened next to the attackers just told ("Police later cornered the attackers in a park and
# killed five of them") goes on with their incident; a sequence cue with no such reference starts another
_SEQUENCE = fastre.compile(r"later|then|afterwards|subsequently", re.IGNORECASE)
_THE_ATTACKERS = fastre.compile(r"\bthe (?:\w+ )?(?:attackers|assailants|gunmen|raiders)\b", re.IGNORECASE)
# a telling over a span of days ("exchanged fire throughout Monday and Tuesday", "from Friday to Sunday"): the days
# after the first are incidents of their own, so it is no retelling of one day's incident
_SPAN_OF_DAYS = fastre.compile(r"\b(?:throughout|from|between|over|on)\s+(?:\w+day)\s+(?:and|to|until|till|through|into)\s+"
                               r"(?:\w+day)\b", re.IGNORECASE)
_COUNTED_DAY = "' counted from '"  # the reason of a day counted from the incident told before (events.relative_shift)
_CLAUSE_BREAK = fastre.compile(r"[,;:—–]|\b(?:while|whereas|as|but|and)\b")
_NEAR_KM = 25.0
# the types one armed incident is told as, from different angles ("the fighting", "the strike"); an attack on
# civilians and a change of territory are incidents of their own
_VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})
_CROWD = frozenset({"Protests", "Riots"})  # a demonstration and what it became
_TERRITORY = frozenset({"Government regains territory", "Non-state actor overtakes territory"})
# a change of hands however it is told: taken by force, or "seized without fighting"
_HANDS = _TERRITORY | {"Non-violent transfer of territory"}
# what an armed incident left behind, told after it ("seized many weapons", "the bomb squad defused a second
# device", "a mosque was also damaged"): part of the incident unless dated or placed on its own
# taking a town and leaving it are two changes of hands ("captured the port ... withdrew hours later")
_WITHDRAWAL = fastre.compile(r"\b(?:withdr[ae]w\w*|pull\w* (?:out|back)|vacat\w*|retreat\w*|abandon\w*|evacuat\w*|left|leav\w*|"
                             r"handed over|hand\w* over|surrender\w*)\b", re.IGNORECASE)
_AFTERMATH = frozenset({"Disrupted weapons use", "Looting/property destruction"})
# Within one event type, a retelling may tell what the incident became: a protest that was fired on is
# "Excessive force against protesters" (ACLED codes the incident once, by its gravest form).
_GRAVITY = {"Peaceful protest": 0, "Protest with intervention": 1, "Excessive force against protesters": 2}
_NON_ASSERTED = ("negated", "hypothetical", "future")
_DEATHS_ONLY = fastre.compile(r"^(?:were |was )?(?:killed|died|dead|deaths?|wounded|injured|bodies)$", re.IGNORECASE)
_POINTS_BACK = fastre.compile(r"\b(?:the|this|that|[A-Z]\w+day['’]s|yesterday['’]s|[A-Z]\w+day)\s+(?:\w+\s+)?(?:attacks?|"
                              r"shooting|blasts?|explosions?|bombings?|fighting|clash(?:es)?|raids?|ambush|assault|incident|"
                              r"violence|strikes?|shelling|gunfight|battle)\b", re.IGNORECASE)
_GENERIC_BLAST = fastre.compile(r"^(?:an? |the )?(?:explosions?|blasts?|detonat\w*|exploded|explosive devices?|bombs? went off)$",
                                re.IGNORECASE)


# the defenders' side of an attack told before ("the army repelled the attackers")
_REPELLED = fastre.compile(r"\b(?:repel\w*|repuls\w*|fought off|fend\w* off|beat back|pushed back)\s+(?:the\s+)?"
                           r"(?:attack\w*|assailants|raid\w*|assault|gunmen|insurgents|militants|rebels)\b", re.IGNORECASE)

Side = Callable[[str], str]


def merge_retold(doc: Document, events: list[Event], stage: str, side: Side = lambda actor_id: actor_id) -> list[Event]:
    """``events`` with each retelling folded into the first telling of its incident (in document order).
    ``side(actor_id)`` names the armed body an actor stands for (a commander: his forces), so that "Haftar's
    troops" and "the LNA" are one party."""
    kept: list[Event] = []
    for ev in events:
        i = next((i for i, k in enumerate(kept) if _same_incident(doc, k, ev, side)), None)
        if i is None:
            kept.append(ev)
            continue
        best, other = (ev, kept[i]) if _carries(doc, ev, kept[i]) else (kept[i], ev)
        _fold(best, other, dated=_own_date(doc, other) and not _own_date(doc, best))
        kept[i] = best
        doc.non_events.append(NonEvent(
            other.evidence["start"], other.evidence["end"], trigger_of(other), "retold", "duplicate",
            f"the same incident as '{best.notes[:60]}' (no other place, day or party)", other.sub_event_type, stage))
    return kept


def _carries(doc: Document, ev: Event, kept: Event) -> bool:
    """Whether the later telling ``ev`` carries the incident rather than ``kept``: the armed incident over what
    it left behind, else the fuller telling."""
    if (ev.sub_event_type in _AFTERMATH) != (kept.sub_event_type in _AFTERMATH):
        return kept.sub_event_type in _AFTERMATH
    return _detail(doc, ev) > _detail(doc, kept)


def _detail(doc: Document, ev: Event) -> int:
    """How fully a telling reports its incident: a whole sentence, its own day and place, its named parties, a
    toll. The fullest telling carries the event (ties: the first)."""
    whole = bool(fastre.search(r"[.!?][\"'”’)]*\s*$", ev.notes))  # a sentence, not a headline or list of items
    deaths_only = bool(_DEATHS_ONLY.match(trigger_of(ev)))  # "15 people were killed in the shooting" names no incident
    return (2 * _own_date(doc, ev) + 2 * _own_place(doc, ev) + len(_named(ev)) + (ev.fatalities > 0) + 2 * whole
            - 2 * deaths_only)


def _same_incident(doc: Document, a: Event, b: Event, side: Side) -> bool:
    if a.modality != b.modality or a.modality in _NON_ASSERTED:
        return False  # an asserted telling is never folded into a hedged or claimed one
    if not _types_agree(doc, a, b) and not _same_pair_place_day(a, b, side):
        return False
    if a.evidence == b.evidence:
        return False  # one sentence's several events (listed towns, two sides) are decided where they are built
    if _SPAN_OF_DAYS.search(b.notes) and not _SPAN_OF_DAYS.search(a.notes):
        return False  # "fought throughout Monday and Tuesday" after Monday's strike: more than that day's incident
    if (_owned(a) and disowned(b.notes)) or (_owned(b) and disowned(a.notes)):
        return False  # one a named group did or claimed, one that no one has claimed: two incidents
    cue = _another(b)
    also_did = cue is not None and cue.group().lower() == "also" and b.sub_event_type in _AFTERMATH \
        and a.sub_event_type not in _AFTERMATH
    went_on = cue is not None and bool(_SEQUENCE.fullmatch(cue.group())) and bool(_THE_ATTACKERS.search(b.notes)) \
        and a.event_type == b.event_type == "Battles"
    if cue and not also_did and not went_on:
        return False  # "a mosque was also damaged", "arms were also seized": what the incident also did
    if _own_place(doc, a) and _own_place(doc, b) and a.location != b.location \
            and a.location != a.country and b.location != b.country:
        return False  # two places named, however near ("Ain Zara" and "Abu Salim" are both Tripoli)
    if a.event_date != b.event_date and not _takes_the_day(doc, a, b):
        return False
    if _own_place(doc, b) and _told_relative(doc, a) and not _near(a, b):
        return False  # "in the east of Freetown" and then "in the northern city of Makeni": two towns far apart
    if not _own_place(doc, b) and not _near(a, b) and b.location is not None and a.location is not None \
            and not _goes_on(doc, a, b):
        return False  # b inherited a place that a does not share: another part of the report
    if _own_place(doc, b) and _own_date(doc, b) and not _own_place(doc, a) and not _near(a, b) \
            and a.location is not None and a.location != a.country and b.location != b.country:
        return False  # "In Aktobe, police dispersed ... on Wednesday afternoon" after an incident placed in Almaty
    if also_did and not _own_date(doc, b) and not _own_place(doc, b):
        return True  # "gang members also set fire to 45 houses": the attackers' own deed, however the report names them
    return _parties_agree(a, b, side)


def _goes_on(doc: Document, a: Event, b: Event) -> bool:
    """Whether ``b`` tells on the incident of the paragraph before: its own paragraph names no place before it
    (its place is only the report's first, a dateline's town), and ``a`` was told in that paragraph or the one
    before it ("Three soldiers were killed when two suicide bombers struck an army post in Tessit." then, next
    paragraph, "The bombers blew themselves up when the guards fired back.")."""
    block, before = doc.block_at(b.evidence["start"]), doc.block_at(a.evidence["start"])
    if block is None or before is None:
        return False
    if mentions_in(doc, "place", block.start, b.evidence["end"]):
        return False
    return before is block or (before.end <= block.start and not doc.text[before.end:block.start].strip())


def _owned(ev: Event) -> bool:
    """The telling names who did it: a group's claim, or a named perpetrator."""
    return OWN_CLAIM in ev.reason or bool(ev.actor1_id and not ev.actor1_id.startswith("gen."))


def _same_pair_place_day(a: Event, b: Event, side: Side) -> bool:
    """Violence by the same named party at the same place on the same day, told as two types (soldiers killed in
    a rebel attack on a town, then the rebels' car bomb at the town's police post that night): ACLED codes one
    event per actor pair, place and day."""
    if a.event_type not in _VIOLENT or b.event_type not in _VIOLENT or {a.sub_event_type, b.sub_event_type} & _TERRITORY:
        return False
    if a.location is None or a.location != b.location or a.location == a.country or a.event_date != b.event_date:
        return False
    return bool({side(i) for i in _named(a)} & {side(i) for i in _named(b)})


def _another(ev: Event) -> re.Match[str] | None:
    """A cue of another incident in the telling's sentence, before its trigger or in the trigger's own clause:
    one in a later clause tells something else ("the blast took place near the gate, while the prison office
    is also nearby")."""
    trigger = trigger_of(ev)
    at = ev.notes.find(trigger) if trigger else -1
    for cue in _ANOTHER.finditer(ev.notes):
        if at < 0 or cue.start() < at + len(trigger) or not _CLAUSE_BREAK.search(ev.notes[at + len(trigger):cue.start()]):
            return cue
    return None


def _takes_the_day(doc: Document, a: Event, b: Event) -> bool:
    """Whether tellings dated apart may still be one incident: one has a day of its own and the other none at all
    (dated by the publication only: "Nine people died in fighting in Benghazi" then "Clashes erupted on Sunday
    night"), told as the same type of violence, or as a bare reference to it ("the attack took place on Monday
    night") where the other has no day from the text at all. A change of hands (a town is taken one day and left
    another) or a telling of another type with parties of its own keeps them apart."""
    if _COUNTED_DAY in a.reason or _COUNTED_DAY in b.reason:
        return False  # "72 hours before, in Wulba, ...": a day counted away from the paragraph's is another day
    own_a, own_b = _own_date(doc, a), _own_date(doc, b)
    if own_a == own_b:
        return not own_a  # both undated: their days come from elsewhere and do not tell them apart
    undated = b if own_a else a
    if {a.sub_event_type, b.sub_event_type} & _HANDS:
        return False
    return a.event_type == b.event_type or (undated.date_fallback and _bare_reference(b))


def _bare_reference(ev: Event) -> bool:
    """A telling that only points back at an incident: "the attack took place ...", "this Monday attack was ...",
    "15 people were killed in the shooting" (a definite or demonstrative incident noun, no named party)."""
    return not _named(ev) and bool(_POINTS_BACK.search(ev.notes))


def _types_agree(doc: Document, a: Event, b: Event) -> bool:
    """Whether two tellings' types allow one incident: the same type; another type of violence that adds no day
    and place of its own or only points back ("yesterday's raid struck the town of Saraqeb"); a change of hands
    however told; or what the incident left behind (weapons seized, property destroyed) told without a day or
    another place of its own."""
    if a.event_type == b.event_type == "Strategic developments" and not {a.sub_event_type, b.sub_event_type} <= _HANDS:
        return a.sub_event_type == b.sub_event_type  # an arrest and an agreement are no two tellings of one thing
    if a.event_type == b.event_type and not {a.sub_event_type, b.sub_event_type} <= _HANDS:
        return True
    subs = {a.sub_event_type, b.sub_event_type}
    if subs <= _HANDS:
        return bool(_WITHDRAWAL.search(trigger_of(a))) == bool(_WITHDRAWAL.search(trigger_of(b)))
    if subs & _AFTERMATH and not subs <= _AFTERMATH:
        after = a if a.sub_event_type in _AFTERMATH else b
        armed = b if after is a else a
        # its own place counts only where it is another one ("took Kunduz ... seized weapons in Kunduz"); a
        # telling with a toll of its own is an incident, not what one left behind
        return armed.event_type in _VIOLENT and not _own_date(doc, after) \
            and (not _own_place(doc, after) or (after.location == armed.location and not after.fatalities))
    loose = not (_own_date(doc, b) and _own_place(doc, b)) or _bare_reference(b)
    if {a.event_type, b.event_type} <= _CROWD or (subs & {"Excessive force against protesters"} and subs & {"Attack"}):
        return loose  # a protest that turned violent, a protester shot at a protest fired on: one incident
    return a.event_type in _VIOLENT and b.event_type in _VIOLENT and not subs & _TERRITORY and loose


def _own_place(doc: Document, ev: Event) -> bool:
    return any(m.canonical == ev.location for m in _told_with(doc, ev, "place"))


def _told_relative(doc: Document, ev: Event) -> bool:
    """The telling's sentence names its place relative to a town ("in the east of Freetown", "south of Tripoli")."""
    return any(ev.location == m.text != m.canonical for m in _told_with(doc, ev, "place"))


def _own_date(doc: Document, ev: Event) -> bool:
    """Whether the telling's sentence gives its day (a day that dates only the saying, "officials said on
    Wednesday", left it dated by the publication)."""
    return not ev.date_fallback and (any(m.date == ev.event_date for m in _told_with(doc, ev, "date"))
                                     or _COUNTED_DAY in ev.reason)  # "72 hours before, ...": its own day


def _told_with(doc: Document, ev: Event, kind: str) -> list[Mention]:
    """The mentions of a kind in the telling's own sentence; a wire dateline ("BENGHAZI, Nov. 25 (UPI) --") it
    opens with tells where and when the report was filed, not the incident."""
    s, e = ev.evidence["start"], ev.evidence["end"]
    wire = doc.wire_dateline or (-1, -1)
    return [m for m in mentions_in(doc, kind, s, e) if not wire[0] <= m.start < wire[1]]


def _near(a: Event, b: Event) -> bool:
    if a.location == b.location:
        return True
    if (a.location == a.country or b.location == b.country) and a.country == b.country:
        return True  # placed at the country only ("in Libya"): compatible with any place in it
    if a.location in (b.admin1, None) or b.location in (a.admin1, None):
        return True  # a province and a town in it ("North Sinai", "Sheikh Zuwayed")
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return False
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= _NEAR_KM  # type: ignore[arg-type]


def _named(ev: Event) -> set[str]:
    """The event's named parties (generic classes such as civilians or an unidentified group excluded)."""
    return {i for i in (ev.actor1_id, ev.actor2_id) if i and not i.startswith("gen.")}


STATE = "state:"  # how ``side`` marks a state's forces
_STATE_SIDE = fastre.compile(r"state:|gen\.(?:military|police)\.")
_CIVILIANS = fastre.compile(r"gen\.civilians\.")
_ONE_SIDED = frozenset({"Explosions/Remote violence", "Violence against civilians"})


def _parties_agree(a: Event, b: Event, side: Side) -> bool:
    """No party of one telling is missing from the other on both sides, and no other side strikes: "JNIM
    ambushed a convoy" after "troops launched an offensive" is the other side's own attack (a clash told with
    both sides may name them in either order)."""
    na, nb = {side(i) for i in _named(a)}, {side(i) for i in _named(b)}
    if na and nb and not na & nb:
        return False
    if na & nb and _REPELLED.search(b.notes):
        return True  # "the army repelled the attackers, killing 12": the defence is the attack's other side
    agents = tuple(side(x) if x else x for x in (a.actor1_id, b.actor1_id))
    strikers = [x for x in agents if x]
    if len(strikers) == 2 and {_STATE_SIDE.match(x) is not None for x in strikers} == {True, False} \
            and all(_STATE_SIDE.match(x) or not x.startswith("gen.") for x in strikers) \
            and {a.event_type, b.event_type} <= _ONE_SIDED and _CIVILIANS.match(a.actor2_id or "") \
            and _CIVILIANS.match(b.actor2_id or ""):
        # a state's forces, named or not ("regime helicopters"), and an armed group each striking civilians ("rebel
        # shells slammed into the government-held districts" the same day): two incidents
        return False
    if all(x and not x.startswith("gen.") for x in agents) and agents[0] != agents[1]:
        seconds = tuple(side(x) if x else x for x in (a.actor2_id, b.actor2_id))
        return seconds[0] == agents[1] and seconds[1] == agents[0]
    return True


def _fold(first: Event, again: Event, *, dated: bool) -> None:
    """What the retelling adds: its own day where the first telling had none (``dated``), the type where the
    first only pointed back, a fight where the first told a one-sided attack, a toll the first telling lacked,
    an actor it left empty, a graver form."""
    if dated:
        first.event_date, first.time_precision, first.date_fallback = again.event_date, again.time_precision, False
    if first.event_type != again.event_type and again.event_type in _VIOLENT and _bare_reference(first) \
            and not _bare_reference(again):
        # "yesterday's raid struck Saraqeb" after "a government airstrike killed 20": the telling that names the
        # incident types it; the one that points back gives the day and place
        first.event_type, first.sub_event_type = again.event_type, again.sub_event_type
    if first.sub_event_type == "Attack" and again.sub_event_type == "Armed clash":
        # "militiamen attacked farmers ... there was an exchange of gunfire": both sides fought, a battle
        first.event_type, first.sub_event_type = again.event_type, again.sub_event_type
        if again.actor1_id and again.actor2_id:
            (first.actor1, first.actor1_id), (first.actor2, first.actor2_id) = \
                (again.actor1, again.actor1_id), (again.actor2, again.actor2_id)
    if _GRAVITY.get(again.sub_event_type, -1) > _GRAVITY.get(first.sub_event_type, 9):
        # the graver form's roles: who fired on the protesters, who took the town
        roles = [(again.actor1, again.actor1_id), (again.actor2, again.actor2_id),
                 (first.actor1, first.actor1_id), (first.actor2, first.actor2_id)]
        named = list(dict((i, (n, i)) for n, i in roles if i).values())[:2] + [(None, None)] * 2
        (first.actor1, first.actor1_id), (first.actor2, first.actor2_id) = named[0], named[1]
        first.event_type, first.sub_event_type = again.event_type, again.sub_event_type
    if not first.fatalities and again.fatalities and not again.fatalities_aggregate:
        first.fatalities = again.fatalities  # a toll only where the fuller telling gave none (a later, higher
        # figure is often a running total or another source's: the telling's own count is the conservative one)
    elif again.fatalities and not again.fatalities_aggregate and counts_the_attackers(again.notes, first.notes) \
            and "of the attackers killed" not in first.reason:
        first.reason += f"; {again.fatalities} of the attackers killed, told next"
        first.fatalities += again.fatalities
    elif not again.fatalities_aggregate and again.modality == first.modality and another_sources_lower(
            first.fatalities, first.speaker, again.fatalities, again.speaker, again.notes):
        first.reason += f"; {again.fatalities} deaths by {again.speaker}'s count, not {first.fatalities}"
        first.fatalities = again.fatalities
    if first.event_type == again.event_type == "Explosions/Remote violence" and _GENERIC_BLAST.match(trigger_of(first)) \
            and not _GENERIC_BLAST.match(trigger_of(again)):
        first.sub_event_type = again.sub_event_type  # "the blast" told as "a grenade attack": the weapon named
    taken = {first.actor1_id, first.actor2_id}
    if first.actor1_id is None and again.actor1_id and again.actor1_id not in taken:
        first.actor1, first.actor1_id = again.actor1, again.actor1_id
    if first.actor2_id is None and again.actor2_id and again.actor2_id not in taken | {first.actor1_id}:
        first.actor2, first.actor2_id = again.actor2, again.actor2_id
    first.reason += f"; told again in '{again.notes[:40]}'"


def trigger_of(ev: Event) -> str:
    """The trigger an event was read from (its reason opens with it), else its sub-type."""
    m = fastre.match(r"trigger '([^']*)'", ev.reason)
    return m.group(1) if m else ev.sub_event_type
