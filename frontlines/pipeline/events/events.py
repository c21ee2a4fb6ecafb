"""Event extraction: trigger -> ACLED type/sub-type, actor roles from the clause, place, date,
fatalities and modality, one event per clause, with evidence offsets and a reason.

A sentence is split into clauses (";", "while", "meanwhile", ", and"); each clause yields at most
one event, typed by its highest-priority trigger. Trigger families are typed from the clause's
participants: an *attack* on civilians is Violence against civilians, on armed men a Battle; a
*capture* of a place is a territorial change (the government's or a non-state actor's), of a person
an arrest or an abduction.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from frontlines import fastre
from frontlines.errors import KnowledgeError
from frontlines.knowledge.actors import ActorKB
from frontlines.knowledge.eventhood import EventhoodLexicon
from frontlines.knowledge.gazetteer import Gazetteer
from frontlines.knowledge.ontology import Ontology, TriggerHit
from frontlines.model import Document, Event, Mention, Modality, NonEvent, Statement
from frontlines.pipeline.base import content_version, stage
from frontlines.pipeline.events.clauses import Clause, gathering_attacked, split_clauses, triggers_in_order
from frontlines.pipeline.events.event_dates import background_reason, date_of, dates_the_saying, year_of_the_noun
from frontlines.pipeline.events.dedupe import one_per_incident
from frontlines.pipeline.events.casualties import (apply_coded_counts as _apply_coded_counts,
                                            attach_casualties as _attach_casualties, casualty_only as _casualty_only,
                                            dated as _dated, is_follow_up as _is_follow_up, one_bombing, update_toll,
                                            refers_back, retells_counted_deaths)
from frontlines.pipeline.events.event_places import choose_place, listed_places, stand_in_precision
from frontlines.pipeline.events.eventhood import Verdict, judge, rejects
from frontlines.pipeline.events.fatalities import bombers_counted, count_fatalities, without_causes
from frontlines.pipeline.frames.frames import Frame, FrameReader, frame_is_modifier
from frontlines.pipeline.mentions.spans import forget_index, mentions_in
from frontlines.pipeline.statements.modality import claims_responsibility, modality_of
from frontlines.pipeline.events.retold import STATE, merge_retold, trigger_of
from frontlines.pipeline.events.roles import roles as _roles
from frontlines.pipeline.events.roles import country_subject as _country_subject
from frontlines.pipeline.events.roles import mediators as _mediators
from frontlines.pipeline.events.roles import partners as _partners
from frontlines.pipeline.events.roles import tells_a_loss, two_states, warring_sides
from frontlines.pipeline.events.subtypes import (capture_side, commentary_on_events, context_of, criminal, crowd_fight,
                                          held_territory, industrial_accident, intervened, non_conflict, peaceful_transfer, protest_escalation,
                                          withdrawal_under_fire)
from frontlines.pipeline.events.targets import MUTUAL as MUTUAL_TRIGGER
from frontlines.pipeline.events.targets import target_of

__all__ = ["EventStage"]

_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})

NAME, VERSION = "frontlines.events", content_version(__name__)

_LOWER_WORD = fastre.compile(r"[a-z]+")  # the words a campaign noun is looked for among
_SKIP_BLOCKS = {"title", "dateline", "comments", "furniture"}
_NON_ASSERTED = {"negated", "hypothetical", "future"}
_STATE_TYPES = {"state_forces", "government", "external_force"}
# violence a crowd does with its own hands, after the crowd is named: what makes protesters ACLED's rioters (not a road
# block, burning tyres or a sit-in)
_RIOT_DEED = fastre.compile(r"\b(?:attack(?:ed|ing)|assault(?:ed|ing)|stoned|beat|pelted|storm(?:ed|ing)|broke into|"
                            r"ransack(?:ed|ing)|loot(?:ed|ing)|torch(?:ed|ing)|set fire to (?!(?:\w+ ){0,2}tyres)|"
                            r"set (?!(?:\w+ ){0,2}tyres)(?:\w+ ){1,4}(?:on fire|alight|ablaze)|"
                            r"(?:tried|attempted) to (?:storm|force their way)|(?:threw|hurled) (?:\w+ ){0,2}(?:stones|rocks|petrol bombs|"
                            r"molotov)|vandali[sz](?:ed|ing)|burn(?:ed|t) down|(?:pulled|tore|knocked) down|toppled|smashed)\b",
                            re.IGNORECASE)
_ARMED_TYPES = _STATE_TYPES | {"rebel_group", "political_militia", "identity_militia", "unidentified"}
_PASSIVE_BY = fastre.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+\s+){0,2}?\w+ed\s+by\b|\bby\b", re.IGNORECASE)
# what a mob does to a person ("lynched a suspected thief", "beat him to death", "burned the man alive", "mob justice")
_MOB_JUSTICE = fastre.compile(r"\blynch\w*|\bbeat\w*\s+(?:\w+\s+){0,3}?to death\b|\bburn\w*\s+(?:\w+\s+){0,3}?alive\b|"
                              r"\b(?:mob|jungle|street) justice\b", re.IGNORECASE)
# a force meeting a crowd: "police fired tear gas", "were dispersed by the police", "clashed with security forces"
_MET_CROWD = fastre.compile(r"\b(?:clash\w*|confront\w*|skirmish\w*|respond\w*|fired|shot|opened fire|beat\w*|stop\w*|"
                            r"prevent\w*|block\w*|repress\w*|crack\w* down|arrest\w*|detain\w*)\b", re.IGNORECASE)
_EXECUTION = fastre.compile(r"\b(?:executed|execution|executions|beheaded|massacred|massacre|summarily killed)\b", re.IGNORECASE)
_TERRITORY_OBJECT = fastre.compile(
    r"\s*(?:\w+\s+){0,5}?(?:area|district|town|city|village|port|base|airport|neighbou?rhood|positions?|strongholds?|"
    r"terminals?|oil fields?|headquarters|compound|hill|bridge|road|junction|suburbs?|centre|center|territor(?:y|ies)|"
    r"villages?|towns?|camps?|regions?|areas?|highway|control|ground|province|cities|"
    r"buildings?|checkpoints?|outskirts)\b", re.IGNORECASE)
_PERSON_OBJECT = fastre.compile(r"^\s*(?:(?:\w+\s+){0,3}?(?:leader|commander|official|journalist|activist|members?|men|people|"
                                r"civilians|fighters|suspects?|militants?|soldiers?|officers?|hostages|victims|tourists|"
                                r"foreigners|passengers|students|pupils|girls|boys|women|children|workers|villagers|"
                                r"herders|farmers|traders|worshippers|him|her|them)\b|the\s+(?:two|three|four|five|six|seven|"
                                r"eight|nine|ten|\d+)\s+(?:from|at|on|in|as|while|near|outside|and)\b)", re.IGNORECASE)
# people arrested for who they are, with no armed group told ("arrested a reporter", "detained three students",
# "arrested opposition politician X"): civilians (not "suspected militants", "members of the group")
_CIVILIAN_ARRESTEES = fastre.compile(
    r"^\s+(?:a|an|the|two|three|four|five|six|seven|eight|nine|ten|several|dozens of|\d+)?\s*(?:(?:local|prominent|"
    r"private|opposition|student|union|rights|human rights|veteran|well-known|young|female|male|foreign)\s+){0,2}"
    r"(?:journalists?|reporters?|editors?|photographers?|bloggers?|activists?|students?|teachers?|lawyers?|"
    r"doctors?|nurses?|traders?|farmers?|workers?|villagers|residents?|civilians|priests?|imams?|pastors?|"
    r"critics?|politicians?|councillors?|mayors?|opposition (?:leaders?|figures?|members?)|trade unionists?)\b"
    r"(?!\s+(?:suspected|accused) of)", re.IGNORECASE)
# what people live from and in: an armed party that burns or loots it wrongs civilians ("torched 40 houses")
_HOMES = fastre.compile(r"\b(?:houses|homes|huts|dwellings|homesteads|villages?|shops|market stalls|granaries|crops)\b", re.IGNORECASE)
_BLOCKADE = fastre.compile(r"^(?:block|barricad|barrier)", re.IGNORECASE)  # a protest trigger told of a road blocked
# a crowd, not a force, that beat or attacked protesters ("party supporters ... beat demonstrators with clubs")
_CROWD_ON_PROTESTERS = fastre.compile(
    r"\b(?:supporters|loyalists|partisans|counter-?protesters|counter-?demonstrators|mobs?)\b[^.;]{0,160}?\b(?:beat|attacked|"
    r"assaulted|stoned|clubbed|whipped|set upon|chased)\s+(?:the\s+|some\s+|\w+\s+)?(?:protesters|demonstrators|marchers)\b",
    re.IGNORECASE)
# a name right after the verb, then where from: "seized Zeidan from a hotel" (a place is a mention, checked apart)
# (verbs that take people as readily as ground; not "captured Mundri East from their forces": ground taken from a party)
_NAMED_OBJECT = fastre.compile(r"^\s+([A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){0,2})\s+(?:from|at|outside|near|as|while)\b"
                               r"(?!\s+(?:the\s+|their\s+|its\s+|his\s+)?(?:\w+\s+)?(?:forces|army|troops|rebels|militants|"
                               r"militias?|government|fighters|control|hands)\b)")
_SEIZED = fastre.compile(r"^(?:seiz|snatch|grabb?|took|taken)", re.IGNORECASE)
# the side a capture trigger names as driven out ("pushed the rebels out of", "expelled jihadists from"): unnamed
# fighters of an armed group, or the state's forces
_DRIVEN_ARMED = fastre.compile(r"^\w+ (?:the |their |its )?(?:\w+ )?(?:militants|jihadists|insurgents|extremists|rebels|terrorists|"
                               r"Islamists|separatists|guerrillas|gunmen|fighters|militias?|militiamen)\b", re.IGNORECASE)
_DRIVEN_STATE = fastre.compile(r"^\w+ (?:the |their )?(?:\w+ )?(?:soldiers|troops|army|government forces|security forces)\b",
                               re.IGNORECASE)


def _unspoken(clause: Clause) -> str:
    """The clause's text with its attribution blanked ("Villagers beat two thieves to death, police said"): who
    told the incident took no part in it."""
    st, text = clause.statement, clause.text
    pos = st.text.rfind(st.speaker) if st.speaker else -1
    at = st.start + pos - clause.start
    if pos < 0 or at < 0 or at + len(st.speaker or "") > len(text):
        return text
    return text[:at] + " " * len(st.speaker or "") + text[at + len(st.speaker or ""):]


# fighters of no named group, as the victims of the state's forces ("killing 12 assailants")
_IRREGULARS = fastre.compile(r"\b(?:assailants|attackers|militants|insurgents|jihadists|gunmen|rebels|terrorists|bandits|"
                             r"extremists|raiders)\b", re.IGNORECASE)


def _driven_out(trigger_text: str) -> str | None:
    """The generic kind of the side a capture trigger names as driven out, if it names one by a common noun."""
    if _DRIVEN_ARMED.match(trigger_text):
        return "unidentified"
    return "military" if _DRIVEN_STATE.match(trigger_text) else None
_CONTROLLER = fastre.compile(r"^(?:fell to|in the hands of|under the control of)$", re.IGNORECASE)  # then the new holder
# "stormed the headquarters of the oil company": a building stormed is an attack on whoever is inside, not ground taken;
# so is a post held by troops ("stormed an army base", "a police station") and a poor quarter raided by police
# ("stormed the Alemao favela complex"): an assault on the men there, no place changing hands
# a raid that did not stay ("stormed the town ... before withdrawing", "raided the village, then pulled out")
_THEN_WITHDREW = fastre.compile(r"\b(?:before|then|later|and|after)\s+(?:\w+\s+)?(?:withdr[ae]w\w*|pull(?:ed|ing) out|"
                           r"retreat(?:ed|ing)|leaving the (?:town|city|village))\b", re.IGNORECASE)
# a place stormed to kill the people in it ("stormed the Tokoyo neighbourhood ... and killed at least 26 civilians"):
# an attack on them, not ground taken
_KILLED_CIVILIANS = fastre.compile(r"\b(?:killed|killing|massacred|massacring|slaughtered|slaughtering|murdered|murdering|"
                                   r"shot dead|hacked to death)\s+(?:[\w-]+\s+){0,4}?(?:civilians|villagers|residents|"
                                   r"worshippers|inhabitants|displaced people|women and children)\b", re.IGNORECASE)
_FOUGHT = fastre.compile(r"\b(?:fought|fighting|clash(?:ed|es)|battl(?:ed|ing)|exchang(?:ed|ing) fire)\b", re.IGNORECASE)
_BUILDING_OBJECT = fastre.compile(
    r"^\s*(?:the |a |an |its |their |his )?(?:[\w'-]+\s+){0,3}?(?:headquarters|building|offices?|hotel|embassy|consulate|"
    r"parliament|ministry|hospital|clinic|school|university|mosque|church|home|house|residence|compound|prison|jail|"
    r"court|courthouse|bank|studio|premises|detention cent(?:re|er)|(?:army|military|police|naval|air) (?:bases?|camps?|posts?|"
    r"stations?)|airbases?|barracks|outposts?|garrisons?|checkpoints?|favelas?|(?:favela|housing) complex(?:es)?|slums?|shanty ?towns?)\b",
    re.IGNORECASE)
_BOMBED = fastre.compile(r"^bomb(?:ed|s|ing|ings)$", re.IGNORECASE)
_BARE_TAKE = fastre.compile(r"^(?:took|takes|taken|taking)$", re.IGNORECASE)  # "took Gharyan": only a place right after
_AT_PROTEST = fastre.compile(
    r"\b(?:during|at|amid|in|from)\s+(?:the\s+|a\s+|an\s+)?(?:\w+\s+){0,3}?(?:protests?|demonstrations?|rall(?:y|ies)|marches|"
    r"sit-ins?)\b|\b(?:arrest\w*|detain\w*|rounded up)\s+(?:\w+\s+){0,3}(?:protesters|protestors|demonstrators|marchers)\b|"
    r"\bas\s+(?:\w+\s+){0,3}(?:staged|held|protested|demonstrated|marched|rallied)\b|"
    r"\b(?:for|after|while|when|who(?:\s+(?:were|was|had|have))?)\s+(?:\w+\s+){0,3}?(?:protest\w*|demonstrat\w*|march\w*|"
    r"rall(?:y|ied|ying)|stag(?:ed|ing)|sit-ins?|picket\w*)\b|\bpart of (?:the |a )?(?:protests?|demonstrations?|march)\b",
    re.IGNORECASE)
# people arrested with no group named: civilians, as ACLED codes them ("arrested four people", "detained 30 suspects")
_PEOPLE_TAKEN = fastre.compile(r"\b(?:arrest|detain|round)\w*\s+(?:up\s+)?(?:\w+\s+){0,2}?(?:people|persons|men|women|"
                               r"individuals|residents|villagers|suspects|youths)\b", re.IGNORECASE)
# whom the people arrested are suspected of helping: not the people arrested ("detained four men on suspicion of
# helping the attackers", "arrested a trader accused of supplying fuel to the rebels")
_SUSPECTED_AID = fastre.compile(r"\b(?:suspicion|suspected|accused|charged|charges?)\s+(?:of|with)\s+(?:\w+\s+){0,2}?"
                                r"(?:help(?:ing)?|aid(?:ing)?|assist(?:ing)?|harbou?r(?:ing)?|supply(?:ing)?\s+(?:\w+\s+){0,2}?to|"
                                r"financ(?:e|ing)|support(?:ing)?|collaborat(?:e|ing)\s+with|spy(?:ing)?\s+for|"
                                r"(?:links?|ties)\s+(?:to|with))\s+(?:the\s+)?$", re.IGNORECASE)
_OPERATION = fastre.compile(r"\b(?:operations?|raids?|raided|offensive|clearance|clear(?:ed|ing)?|killed|clash\w*|ambush\w*|"
                            r"fighting|battle)\b", re.IGNORECASE)
_HANDS_ON = fastre.compile(r"^(?:clash|fight|fought|battl|attack|assault|beat|stab|kill|hack|lynch|scuffl)", re.IGNORECASE)
_REPORTED_OR_HURT = fastre.compile(r"\b(?:said|says|told|reported|according|killed|wounded|injured|dead|died)\b", re.IGNORECASE)
_VICTIM_SUBJECT = fastre.compile(r"\b(?:was|were|been|being|is|are|get|got)\s+(?:\w+\s+)?$", re.IGNORECASE)
# Killings someone carried out, even when no one is named ("a trader was gunned down"), unlike "died" or "dead".
_DONE_TO = fastre.compile(r"^(?:killed|killing|murder|execut|massacre|behead|shot|assassinat|tortur|beat|beaten|club|strangl|"
                          r"gunned|stabb|hacked|flogg|amputat|dead bodies|bodies|found dead|set ablaze)", re.IGNORECASE)
_AIMED_AT = fastre.compile(r"\b(?:against|on|at|attack\w*|target\w*|with|ambush\w*|killing|killed|wounding|between|and)\s+"
                      r"(?:\w+\s+){0,2}$", re.IGNORECASE)
_REPELLED = fastre.compile(r"\b(?:repel(?:led|s)?|repuls(?:ed|es)?|fought off|routed|drove back|pushed back|foiled)\b", re.IGNORECASE)
# events that are themselves a telling or a decision: the day they were announced is their day
_TOLD_EVENTS = frozenset({"Agreement", "Change to group/activity", "Headquarters or base established"})
# what a group is blamed or known for: its record of deaths, not the toll of the incident told
_ATTRIBUTED_RECORD = fastre.compile(r"\b(?:blamed|responsible|known|notorious|accused)\s+for\s+(?:the\s+)?"
                                    r"(?:killings?|deaths?|murders?|massacres?)\s+of\b[^.;]*", re.IGNORECASE)
# a speaker named only as a group ("the group said"), and its own men ("one of its fighters")
_GROUP_SPEAKER = fastre.compile(r"^(?:the\s+)?(?:\w+\s+)?(?:group|organi[sz]ation|movement|militia|insurgents|militants|"
                                r"jihadists|rebels)$", re.IGNORECASE)
_ITS_MEN = fastre.compile(r"\b(?:its|their)\s+(?:own\s+)?(?:fighters?|members?|militants?|men|soldiers?|forces|units?|"
                          r"operatives?|suicide bombers?|martyrs?)\b", re.IGNORECASE)
# developments coded only where the sentence places them (rule unplaced_development)
_LOCATED_DEVELOPMENTS = frozenset({"Change to group/activity", "Headquarters or base established", "Other"})
_MILITARY_TARGET = fastre.compile(r"\b(?:checkpoints?|bases?|positions?|barracks|convoys?|patrols?|outposts?|camps?|airports?|air bases?|garrisons?|troops|soldiers|fighters)\b", re.IGNORECASE)


# the hedges that leave a count unconfirmed ("a figure that cannot be verified"), not those of a telling ("reportedly")
_UNCONFIRMED = fastre.compile(r"verif|confirm|check")


_Typed = tuple[str | None, Mention | None, Mention | None, str]  # (sub-type, actor1, actor2, reason)


class EventStage:
    name, version = NAME, VERSION
    requires = ("document.id", "document.text", "document.published", "document.source", "document.genre", "document.blocks",
                "document.statements", "document.mentions[date,actor,place,quantity]", "mention.place", "mention.actor",
                "document.country_focus", "document.wire_dateline")
    assigns = ("document.events", "document.non_events")

    def __init__(self, kb: ActorKB, gazetteer: Gazetteer, ontology: Ontology, lexicon: EventhoodLexicon) -> None:
        self.kb = kb
        self.gaz = gazetteer
        self.onto = ontology
        self.lexicon = lexicon

    def process_many(self, docs: list[Document]) -> None:
        """A batch of documents: the sentences with a trigger of all of them go through the parser in one
        call (its cost is mostly per call, and a coder's note has one or two sentences), then each document."""
        prepared = [self._candidates(doc) for doc in docs]
        reader = FrameReader(self.lexicon)
        reader.prepare([st.text for _, clauses in prepared for st, cs in clauses if self._parsed(cs)])
        for doc, (eventful, clauses) in zip(docs, prepared, strict=True):
            self._extract(doc, eventful, clauses, reader)

    def __call__(self, doc: Document) -> Document:
        eventful, clauses = self._candidates(doc)
        reader = FrameReader(self.lexicon)
        reader.prepare([st.text for st, cs in clauses if self._parsed(cs)])
        return self._extract(doc, eventful, clauses, reader)

    def _parsed(self, clauses: list[Clause]) -> bool:
        """Whether the sentence of ``clauses`` is read by its parse: one with a trigger, or one whose clause without
        a trigger names a campaign noun (``_campaign_toll`` reads that noun's frame). Parsed with the batch, not
        one by one on demand (a parser call's cost is mostly per call)."""
        campaign = self.lexicon.words["campaign_nouns"]
        return any(c.triggers or any(w in campaign for w in _LOWER_WORD.findall(c.text)) for c in clauses)

    def _candidates(self, doc: Document) -> tuple[list[Statement], list[tuple[Statement, list[Clause]]]]:
        forget_index(doc)  # the mentions as the stages before left them
        eventful = [st for st in doc.statements if self._eventful(doc, st)]
        return eventful, [(st, split_clauses(doc, st, self.onto)) for st in eventful]

    def _extract(self, doc: Document, eventful: list[Statement], clause_lists: list[tuple[Statement, list[Clause]]],
                 reader: FrameReader) -> Document:
        events: list[Event] = []
        focus = doc.country_focus[0] if doc.country_focus else None
        doc.non_events = []
        clauses = {st.start: cs for st, cs in clause_lists}
        self._frames = reader
        for st in eventful:
            for clause in clauses[st.start]:
                event = self._event(doc, clause, focus) if clause.triggers else None
                if update_toll(events, clause):
                    continue  # "the death toll of the bombing had climbed to 19": the incident just told, updated
                if event is None:
                    if _casualty_only(clause) and not _dated(doc, clause) and self._campaign_toll(clause) is None \
                            and not self._unconfirmed(clause):
                        _attach_casualties(events, clause, count_fatalities(clause.text)[0])
                    continue
                if retells_counted_deaths(event, events, clause, _dated(doc, clause)):
                    continue  # "many of the soldiers were executed": the deaths just counted, told again
                own_place = any(m.kind == "place" and clause.start <= m.start < clause.end and m.canonical == event.location
                                for m in doc.mentions)
                if _is_follow_up(event, events, clause, own_place=own_place):
                    if not self._unconfirmed(clause):
                        _attach_casualties(events, clause, event.fatalities)
                    continue
                events.extend(self._at_each_place(event, clause))
        _apply_coded_counts(doc, events)
        self._claimed_by(doc, events)
        doc.events = one_per_incident(merge_retold(doc, one_bombing(events, self.kb), stage(EventStage), self._side))
        for event in doc.events:
            self._unnamed_parties(doc, event)
        return doc

    def _unconfirmed(self, clause: Clause) -> bool:
        """A count the sentence leaves unconfirmed ("77 had been killed, a figure no one outside the government can
        check") adds no dead to the incident told before it."""
        return any(_UNCONFIRMED.search(m.group()) for m in self.onto.cues["uncertain"].finditer(clause.statement.text))

    def _unnamed_parties(self, doc: Document, event: Event) -> None:
        """ACLED's parties where the report names none. Violence whose perpetrator is not named is by an
        "Unidentified Armed Group" of the country: an attack on civilians, a bombing or shelling (not an air strike:
        only states fly), fire on protesters, a side attacking a named enemy; a clash with neither side named stays
        without actors. Violence against civilians has civilians as its victims ("four engineers were kidnapped")."""
        if not event.country or (event.actor1_id and event.actor2_id):
            return
        country = self.gaz.country_by_name(event.country)
        if country is None:
            return
        if (event.event_type == "Violence against civilians" or (
                event.event_type == "Explosions/Remote violence" and _CIVILIAN_AREAS.search(event.notes)) or (
                event.sub_event_type == "Looting/property destruction" and _CIVILIAN_PROPERTY.search(event.notes))) \
                and not event.actor2_id:  # "the indiscriminate shelling of built-up areas": civilians were its target
            victims = self.kb.generic("civilians", country.country)
            if victims.id != event.actor1_id:
                event.actor2, event.actor2_id = victims.name, victims.id
        if event.sub_event_type == "Excessive force against protesters" and event.actor1_id and not event.actor2_id \
                and _CROWD_ON_PROTESTERS.search(event.notes):
            # no force but a crowd beat the protesters ("ruling-party supporters ... beat demonstrators with clubs"):
            # ACLED's mob violence, the rioters against the protesters
            rioters = self.kb.generic("rioters", country.country)
            event.event_type, event.sub_event_type = "Riots", "Mob violence"
            event.actor2, event.actor2_id = event.actor1, event.actor1_id
            event.actor1, event.actor1_id = rioters.name, rioters.id
            event.reason += "; a crowd, no force, beat the protesters: mob violence"
            return
        if event.sub_event_type == "Excessive force against protesters":  # the protesters first, the force second
            if event.actor1_id and not event.actor2_id:
                force = self.kb.generic("unidentified", country.country)
                event.actor2, event.actor2_id = force.name, force.id
                event.reason += "; the force not named: an unidentified armed group"
            return
        one_sided = event.event_type == "Violence against civilians" or (
            event.event_type == "Explosions/Remote violence" and event.sub_event_type != "Air/drone strike")
        if not event.actor1_id and not event.actor2_id and (event.event_type == "Battles" or _TRUCE.search(trigger_of(event))):
            sides = warring_sides(doc, country.country, self.kb)
            if sides is not None:  # "fighting immediately resumed", "a ceasefire negotiated": the report's two sides
                (event.actor1, event.actor1_id), (event.actor2, event.actor2_id) = \
                    (sides[0].canonical, sides[0].id), (sides[1].canonical, sides[1].id)
                event.reason += "; sides not named: the report's warring sides"
                return
        if event.actor1_id or not (one_sided or (event.event_type == "Battles" and event.actor2_id)):
            return
        if event.sub_event_type == "Government regains territory":  # only a state regains: its forces
            actor, why = self.kb.generic("military", country.country), "the state's forces"
        else:
            actor, why = self.kb.generic("unidentified", country.country), "an unidentified armed group"
        if actor.id != event.actor2_id:
            event.actor1, event.actor1_id = actor.name, actor.id
            event.reason += f"; perpetrator not named: {why}"

    def _side(self, actor_id: str) -> str:
        """The armed body an actor stands for: a commander's forces ("Haftar" is the LNA), else itself; a state's
        forces marked as such (``retold.STATE``): a side no armed group's retelling stands for."""
        try:
            actor = self.kb.get(actor_id)
        except KnowledgeError:
            return actor_id
        if actor.type == "person" and actor.parent and not actor.parent.startswith("gen."):
            actor = self.kb.get(actor.parent)
        return STATE + actor.id if actor.type == "state_forces" and not actor.id.startswith("gen.") else actor.id

    def _claimed_by(self, doc: Document, events: list[Event]) -> None:
        """A group that claims an attack told before it ("IS later claimed responsibility") is its actor1 when
        the report named no perpetrator (ACLED codes the claimant)."""
        for st in doc.statements:
            if st.block in _SKIP_BLOCKS or not claims_responsibility(st.text):
                continue
            claimers = [m for m in mentions_in(doc, "actor", st.start, st.end)
                        if m.id and self.kb.is_armed(m.id) and not _is_state(m)]
            before = [e for e in events if e.evidence["start"] <= st.start and
                      self.onto.event_type_of(e.sub_event_type) in ("Violence against civilians", "Explosions/Remote violence", "Battles")]
            if not claimers or not before:
                continue
            claimer = self.kb.armed_wing(self.kb.get(claimers[0].id or ""))  # claimers all have an id
            target = before[-1]
            for i, e in enumerate(events):
                if e.evidence == target.evidence and (e.actor1_id is None or e.actor1_id.startswith("gen.unidentified")):
                    events[i] = replace(e, actor1_id=claimer.id, actor1=claimer.name,
                                        reason=e.reason + f"; claimed by {claimer.name}")

    def _eventful(self, doc: Document, st: Statement) -> bool:
        """Sentences that can report events: not titles, comments, questions or the author's opinions."""
        if st.block in _SKIP_BLOCKS or st.stance in ("question", "opinion"):
            return False
        if st.block == "commentary":  # the author states news only with a date
            return any(m.kind == "date" and st.start <= m.start < st.end for m in doc.mentions)
        return True

    # -- clauses and triggers --------------------------------------------------------

    def _event(self, doc: Document, clause: Clause, focus: str | None) -> Event | None:
        """The clause's event from its defining trigger; when that event is only called for, denied or
        imagined ("marched to call for the release of detainees"), the next trigger that is asserted."""
        fallback = None
        for trigger in self._by_syntax(clause, triggers_in_order(clause))[:3]:
            if trigger.trigger.family == "displacement":
                # "residents fled the town", "fled their villages because of attacks": what violence caused (told
                # elsewhere, or background), not an event ACLED codes
                return fallback or self._non_event(doc, clause, trigger, trigger.trigger.sub_event_type, "displacement",
                                                   "background", f"people fleeing or displaced ('{trigger.text.strip()}'), "
                                                   "not an incident")
            event = self._event_for(doc, clause, trigger, focus)
            if event is not None and event.modality not in _NON_ASSERTED:
                return event
            fallback = fallback or event
        return fallback

    def _by_syntax(self, clause: Clause, hits: list[TriggerHit]) -> list[TriggerHit]:
        """The best-ranked trigger gives way to one that carries the clause when the parse shows it only modifies
        it: "forces, backed by NATO airstrikes, captured the fortress", "fought a gun battle, blocking traffic"."""
        if len(hits) < 2:
            return hits
        st = clause.statement

        def embedded(hit: TriggerHit) -> bool:
            at = clause.start - st.start + hit.start
            frame = self._frames.frame(st.text, at, at + len(hit.text.rstrip()))
            side = hit.trigger.event_type in ("Protests", "Riots", "Strategic developments")
            return frame is not None and frame_is_modifier(frame, self.lexicon, side_effect_type=side)

        if not embedded(hits[0]):
            return self._antecedent_first(clause, hits)
        main = next((h for h in hits[1:] if not embedded(h)), None)
        return self._antecedent_first(clause, hits if main is None else [main] + [h for h in hits if h is not main])

    def _antecedent_first(self, clause: Clause, hits: list[TriggerHit]) -> list[TriggerHit]:
        """A killing told in a relative clause of an incident noun ("the truck bombing in a residential area, which
        killed 15") is that incident's toll: the noun types the event."""
        if hits[0].trigger.family != "kill":
            return hits
        st = clause.statement
        at = clause.start - st.start + hits[0].start
        frame = self._frames.frame(st.text, at, at + len(hits[0].text.rstrip()))
        if frame is None or not frame.relative_subject or not frame.antecedents:
            return hits
        for hit in hits[1:]:
            at = clause.start - st.start + hit.start
            noun = self._frames.frame(st.text, at, at + len(hit.text.rstrip()))
            if noun is not None and noun.pos == "NOUN" and noun.lemma in frame.antecedents and hit.trigger.family != "kill":
                return [hit] + [h for h in hits if h is not hit]
        return hits

    def _event_for(self, doc: Document, clause: Clause, trigger: TriggerHit, focus: str | None) -> Event | None:
        speaker_span = self._speaker_span(clause.statement)
        actors = [m for m in mentions_in(doc, "actor", clause.start, clause.end) if m.id]
        speaker_ids = {m.id for m in actors if speaker_span[0] <= m.start < speaker_span[1]}
        participants = [m for m in actors if not (speaker_span[0] <= m.start < speaker_span[1])]
        anaphoric = refers_back(clause.text[max(0, trigger.start - 40):trigger.start], trigger.text)
        go_between = _mediators(doc, clause, participants)
        participants = [m for m in participants if m not in go_between]
        if trigger.trigger.sub_event_type == "Arrests":  # "arrested four people on suspicion of helping the attackers"
            participants = [m for m in participants if not _SUSPECTED_AID.search(doc.text[max(clause.start, m.start - 60):m.start])]
        partner = _partners(doc, clause, participants)
        if partner and MUTUAL_TRIGGER.match(trigger.text) and len(participants) == 2 * len(partner):
            partner = []  # "Armenian and Azerbaijani forces clashed": two states' forces fighting each other, no third
        participants = [m for m in participants if m not in partner] or participants
        roles = _roles(doc, clause, trigger, participants, actors, speaker_ids, self.kb, self.onto)
        clause.participants = participants
        sub_type, actor1, actor2, why = self._type_and_roles(doc, clause, trigger, roles, focus)
        if sub_type is None:
            return None
        if sub_type == "Agreement" and (pair := two_states(doc, clause.text[:trigger.start], self.kb, clause.start)) is not None:
            actor1, actor2 = pair  # "the two presidents agreed to a ceasefire": both states' governments
        if self.onto.event_type_of(sub_type) != "Strategic developments":
            actor1, actor2 = self._as_forces(actor1), self._as_forces(actor2)
        if actor1 and actor2 and ((actor1.id == actor2.id and actor1 is not actor2) or self._own_troops(doc, actor1, actor2)):
            actor2 = None  # (one plural group told as both sides, "two rival clan militias fought", is one mention)
        # a party telling its own deed (or its enemy's loss) claims it; telling what it suffered is no claim
        # (the state's forces telling their own arrests report them: ACLED codes arrests from the police's word)
        own_arrests = sub_type == "Arrests" and actor1 is not None and _is_state(actor1)
        modality, mod_reason = modality_of(clause.text, clause.statement, trigger.start, self.onto,
                                           speaker_is_party=(self._speaks_for(actor1, speaker_ids) and not own_arrests)
                                           or _own_men(clause.statement.speaker, clause.text[:trigger.start])
                                           or self._own_deed(speaker_ids, clause.text[:trigger.start]))
        at, to = clause.start + trigger.start, clause.start + trigger.start + len(trigger.text.rstrip())
        if modality == "asserted" and doc.text[at - 1:at] in _OPEN_QUOTES and doc.text[to:to + 1] in _CLOSE_QUOTES:
            modality, mod_reason = "claimed", f"the word itself in quotation marks ('{trigger.text.rstrip()}'): the report keeps its distance"
        st = clause.statement
        t_at = clause.start - st.start + trigger.start

        def elsewhere(m: Mention) -> bool:
            # a month or year of a clause on another noun ("a law passed in 2015"); a day at a sentence's end hangs
            # as often on the clause before it as on the deed ("students protesting quotas in Dhaka on Tuesday")
            return (m.time_precision or 1) >= 3 and self._frames.dates_another_clause(
                st.text, m.start - st.start, m.end - st.start, t_at, t_at + len(trigger.text.rstrip()))

        event_date, precision, fallback, date_reason, aggregate_range = date_of(
            doc, clause, clause.start + trigger.end, told=sub_type in _TOLD_EVENTS, elsewhere=elsewhere)
        wire = doc.wire_dateline or (-1, -1)  # the day a story was filed dates no incident
        in_sentence_day = any((m.time_precision or 9) <= 1 and not wire[0] <= m.start < wire[1]
                              and not _SINCE_BEFORE.search(doc.text[clause.statement.start:m.start])
                              for m in mentions_in(doc, "date", clause.statement.start, clause.statement.end)) \
            or (doc.published is None and bool(_DAY_WORD.search(clause.statement.text)))  # an undated report's
        # "on Monday" still names one day
        st = clause.statement
        at = clause.start - st.start + trigger.start
        frame = self._frames.frame(st.text, at, at + len(trigger.text))
        if anaphoric and frame is not None and frame.tag in ("VBD", "VBZ", "VBP", "VBN"):
            anaphoric = False  # "confirmed that the group now holds ...": a verb reports a deed; only a noun refers back
        verdict = judge(frame, dated=in_sentence_day, lexicon=self.lexicon) if frame is not None else None
        if verdict is None and frame is not None and not frame.nominal and frame.perfect:
            verdict = self._campaign_toll(clause)  # "the conflict has killed tens of thousands": its toll so far
        if verdict is not None and frame is not None and verdict.category in _MODAL_CATEGORIES:
            if modality in ("asserted", "claimed", "uncertain"):
                modality, mod_reason = _MODAL_CATEGORIES[verdict.category](frame), verdict.reason
        elif verdict is not None and rejects(verdict.category, doc.genre):
            return self._non_event(doc, clause, trigger, sub_type, verdict.rule, verdict.category, verdict.reason)
        elif verdict is not None:
            mod_reason = _kept_in_note(verdict.reason, mod_reason)
        if doc.published:
            nearest = None if fallback else self._nearest_date(doc, clause, trigger, (event_date, precision), elsewhere)
            own = any(m.kind == "date" and m.date and clause.statement.start <= m.start < clause.statement.end
                      and not elsewhere(m) for m in doc.mentions)
            background = year_of_the_noun(doc.published, doc.text[max(0, clause.start + trigger.start - 24):
                                                                   clause.start + trigger.start]) \
                or background_reason(doc.published, *(nearest or (None, None)),
                               doc.text[max(clause.start, clause.start + trigger.start - 80):clause.start + trigger.end + 80],
                               own_date=own)
            if background and not aggregate_range:
                return self._non_event(doc, clause, trigger, sub_type, "background", "background", background)
        if doc.published and event_date and not fallback:
            day = date.fromisoformat(event_date)
            if day > doc.published and modality == "asserted":
                modality, mod_reason = "future", "dated after publication"
        answers = self.onto.event_type_of(sub_type) in ("Protests", "Riots") or sub_type == "Arrests"
        fatalities, aggregate = _fatalities(without_causes(clause.text) if answers else clause.text)
        if sub_type == "Suicide bomb":
            fatalities = max(0, fatalities - bombers_counted(clause.text))
        aggregate = aggregate or (aggregate_range and fatalities > 0)
        in_sentence_date = in_sentence_day or any(
            m.kind == "date" and clause.statement.start <= m.start < clause.statement.end and (m.time_precision or 9) <= 2
            for m in doc.mentions)
        commentary = trigger.trigger.family != "protest" and commentary_on_events(clause.statement.text)
        incident_date = in_sentence_date and any(
            (m.time_precision or 9) <= 2 and not dates_the_saying(doc.text, m) and not wire[0] <= m.start < wire[1]
            for m in mentions_in(doc, "date", clause.statement.start, clause.statement.end))
        if (anaphoric or commentary) and not fatalities and not incident_date:
            # "condemned the attack", "sanctions over the missile tests": references, not new events; a day that
            # dates only the saying ("the military said on Thursday that the raids ...") dates no new incident
            return None
        held = held_territory(trigger.text, clause.text)
        if held and rejects("ongoing", doc.genre):
            return self._non_event(doc, clause, trigger, sub_type, "held_territory", "ongoing", held)
        place = self._place(doc, clause, trigger, speaker_span)
        unplaced = _unplaced_development(doc, sub_type, place, clause.statement) or _spread_over_country(doc, place, fatalities)
        if unplaced and rejects("vague", doc.genre):
            return self._non_event(doc, clause, trigger, sub_type, "unplaced_development", "vague", unplaced)
        mod_reason = _kept_in_note(held or unplaced, mod_reason)
        actor1, actor2 = self._where_it_happened(actor1, place), self._where_it_happened(actor2, place)
        event = self._build(doc, clause, trigger, sub_type, actor1, actor2, place, event_date, precision,
                            fallback, fatalities, aggregate, modality,
                            "; ".join(x for x in (why, mod_reason, date_reason) if x))
        if place is not None and clause.start <= place.start < clause.end:
            clause.also_at = listed_places(doc, place, clause.start, clause.end, self.gaz)
        ally = next((m for m in partner if m.id not in (event.actor1_id, event.actor2_id)), None)
        if ally is not None and event.actor1_id:
            event.assoc_actor_1 = ally.canonical  # "in concert with the government, Egypt ...": actor1's partner
        return event

    @staticmethod
    def _nearest_date(doc: Document, clause: Clause, trigger: TriggerHit, dated: tuple[str | None, int | None],
                      elsewhere: Callable[[Mention], bool]) -> tuple[str | None, int | None]:
        """(date, precision) nearest the trigger in its sentence ("the ceasefire ... ended the fighting that had
        started on 26 August" dates the earlier fighting, not the trigger at the sentence's start); else the event's."""
        at = clause.start + trigger.start
        inside = [m for m in mentions_in(doc, "date", clause.statement.start, clause.statement.end)
                  if m.date and not elsewhere(m)]
        if not inside:
            return dated
        nearest = min(inside, key=lambda m: abs(m.start - at))
        return nearest.date, nearest.time_precision

    def _campaign_toll(self, clause: Clause) -> Verdict | None:
        """The eventhood verdict on a campaign noun that is the clause's subject ("The conflict has killed tens of
        thousands of people": a campaign's toll so far, rule campaign_toll), when a verb triggered the clause."""
        st = clause.statement
        for m in _LOWER_WORD.finditer(clause.text):
            if m.group() in self.lexicon.words["campaign_nouns"]:
                at = clause.start - st.start + m.start()
                frame = self._frames.frame(st.text, at, at + len(m.group()))
                verdict = judge(frame, dated=False, lexicon=self.lexicon) if frame is not None else None
                if verdict is not None and verdict.rule == "campaign_toll":
                    return verdict
        return None

    @staticmethod
    def _non_event(doc: Document, clause: Clause, trigger: TriggerHit, sub_type: str | None, rule: str,
                   category: str, reason: str) -> None:
        """Record a frame that is no event, with why; the clause yields no event from this trigger."""
        st = clause.statement
        if not any(n.start == st.start and n.trigger == trigger.text for n in doc.non_events):
            doc.non_events.append(NonEvent(st.start, st.end, trigger.text, rule, category, reason, sub_type,
                                           stage(EventStage)))
        return None

    def _at_each_place(self, event: Event, clause: Clause) -> list[Event]:
        """One event per listed town, as ACLED codes them; the deaths stay with the first, where the count is told."""
        out = [event]
        for m in clause.also_at:
            key = f"{event.event_id}:{m.id}"
            out.append(replace(
                event, event_id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16],
                country=self.gaz.country_name(m.country) if m.country else None, admin1=m.admin1,
                location=m.canonical, latitude=m.latitude, longitude=m.longitude, geo_precision=m.geo_precision,
                location_anchor=m.anchor, fatalities=0, fatalities_aggregate=False,
                reason=event.reason.split("; place '")[0] + f"; place '{m.text}', listed with '{event.location}'"))
        return out

    @staticmethod
    def _speaker_span(st: Statement) -> tuple[int, int]:
        """Offsets of the attribution ("..., an LNA spokesman said") in the document, or an empty span."""
        if not st.speaker:
            return (-1, -1)
        pos = st.text.rfind(st.speaker)
        if pos < 0:
            return (-1, -1)
        return st.start + pos, st.start + pos + len(st.speaker)

    # -- typing --------------------------------------------------------------------------
    def _type_and_roles(self, doc: Document, clause: Clause, trigger: TriggerHit,
                        roles: tuple[Mention | None, Mention | None, bool], focus: str | None) -> _Typed:
        actor1, actor2, civilians = roles
        family, sub = trigger.trigger.family, trigger.trigger.sub_event_type
        after = doc.text[clause.start + trigger.end:clause.end]
        why = f"trigger '{trigger.text}'"
        if actor1 is None and trigger.trigger.event_type in _VIOLENT_TYPES \
                and (state := _country_subject(doc, clause, trigger, launched=True)) is not None and state.country:
            forces = self.kb.generic("military", state.country)  # "Russia launched rocket strikes": its forces, named
            actor1 = Mention(state.text, state.start, state.end, "actor", canonical=forces.name, id=forces.id,
                             actor_type=forces.type, country=state.country, reason=f"'{state.text}' acted: its forces")
            why += f"; '{state.text}' acted: its forces"
        if _BOMBED.match(trigger.text) and ((actor1 is not None and _is_state(actor1)) or _country_subject(doc, clause, trigger)):
            sub, why = "Air/drone strike", why + " by state forces (from the air)"
        if _EXECUTION.search(clause.text) and family in ("capture", "attack", "kill"):
            actor2 = actor2 or (self._generic_mention("military", focus) if focus and _MILITARY_TARGET.search(clause.text) else None)
            return "Attack", actor1, actor2, why + "; killing of people in custody"
        if family == "capture" and fastre.match(r"(?:storm|raid)", trigger.text, re.IGNORECASE) and _BUILDING_OBJECT.match(after):
            return self._attack(clause, trigger, actor1, actor2, focus, why + "; a building stormed")
        if family == "capture" and fastre.match(r"(?:storm|raid)", trigger.text, re.IGNORECASE) \
                and _KILLED_CIVILIANS.search(doc.text, clause.start + trigger.end, clause.statement.end):
            return "Attack", actor1, self._civilians(focus), why + "; stormed to kill the people there"
        if family == "capture" and fastre.match(r"(?:storm|raid)", trigger.text, re.IGNORECASE) and _THEN_WITHDREW.search(after) \
                and (actor2 is not None or _FOUGHT.search(after)):
            return self._attack(clause, trigger, actor1, actor2, focus, why + "; stormed and left again: a raid, not ground taken")
        if family == "capture":
            said = self._speaker_span(clause.statement)  # "..., said Rivera": the speaker is no place taken
            places_after: list[Mention | None] = [m for m in mentions_in(doc, "place", clause.start + trigger.end, clause.end)
                                                  if not said[0] <= m.start < said[1]]
            territory = _TERRITORY_OBJECT.match(after)
            if not places_after and territory:
                places_after = list(mentions_in(doc, "place", clause.statement.start, clause.statement.end)) or [None]
            controller = bool(_CONTROLLER.match(trigger.text))
            if _BARE_TAKE.match(trigger.text) and not (places_after and places_after[0] is not None
                                                      and places_after[0].start <= clause.start + trigger.end + 1):
                return None, None, None, ""  # "took Haftar's offer", "took Ali from his home": not a capture of ground
            named = _NAMED_OBJECT.match(after) if _SEIZED.match(trigger.text) else None
            if named and not controller and not any(m.kind in ("place", "actor") and m.start == clause.start + trigger.end + named.start(1)
                                                     and (m.kind == "place" or m.actor_type != "person") for m in doc.mentions):
                places_after = []  # "gunmen seized Zeidan from a hotel in the capital": a person taken, not ground
            if not places_after and not controller and (_PERSON_OBJECT.match(after) or named or (actor2 and actor2.actor_type == "person")):
                sub = "Arrests" if actor1 and _is_state(actor1) else "Abduction/forced disappearance"
                return sub, actor1, actor2, why + " with a person as object"
            if peaceful_transfer(clause.statement.text, context_of(doc, clause.statement)):
                return "Non-violent transfer of territory", actor1, actor2, why + "; taken without fighting"
            if not places_after:
                return ("Armed clash" if actor1 or actor2 else None), actor1, actor2, why + " without a place object"
            sub = "Government regains territory" if actor1 and _is_state(actor1) else "Non-state actor overtakes territory"
            taken = places_after[0]
            if sub == "Government regains territory" and actor1 is not None and taken is not None and taken.country \
                    and actor1.country and actor1.country != taken.country:
                sub = "Non-state actor overtakes territory"  # a foreign state's forces taking ground (ACLED: as non-state)
                why += f"; forces of {actor1.country} taking ground in {taken.country}"
            if actor1 is None and tells_a_loss(trigger.text):  # "troops lost control of Kidal": someone else took it
                sub = "Non-state actor overtakes territory" if actor2 and _is_state(actor2) else "Government regains territory"
            elif actor1 is None:
                sub = capture_side(doc.text[clause.statement.start:clause.start + trigger.start]) or "Armed clash"
            obj = places_after[0].text if places_after[0] else territory.group().strip() if territory else ""
            if actor2 is None and focus:  # "pushed the rebels out of Kidal": the side driven out, unnamed
                driven = _driven_out(trigger.text)
                if driven is not None and not (driven == "military" and actor1 is not None and _is_state(actor1)):
                    actor2 = self._generic_mention(driven, focus)
                    why += f"; '{trigger.text}': the side driven out"
            return sub, actor1, actor2, why + f"; object '{obj}'"
        if sub == "Non-violent transfer of territory" and withdrawal_under_fire(clause.statement.text):
            return None, None, None, ""
        if not actor1 and (industrial_accident(clause.statement.text) if sub == "Chemical weapon" else (
                non_conflict(clause.statement.text) and (family in ("attack", "kill") or sub == "Change to group/activity"
                                                         or trigger.trigger.event_type == "Explosions/Remote violence"))):
            return None, None, None, ""  # accidents, disasters, relief work
        if sub == "Arrests" or family == "capture":
            if criminal(clause.statement.text) and not (actor2 and actor2.actor_type in _ARMED_TYPES - _STATE_TYPES):
                return None, None, None, ""  # drug, counterfeit and smuggling busts are crime, not conflict
        if sub == "Arrests" and _AT_PROTEST.search(clause.statement.text):
            family, sub, why = "protest", "Protest with intervention", why + "; arrests at a protest"
        elif sub == "Arrests" and _military(actor1) and actor2 is not None and actor2.actor_type in _ARMED_TYPES - _STATE_TYPES \
                and _OPERATION.search(context_of(doc, clause.statement)):
            return "Armed clash", actor1, actor2, why + "; arrests in a military operation against an armed group"
        if family in ("attack", "kill") or (family == "capture" and _EXECUTION.search(clause.text)):
            if _EXECUTION.search(clause.text):
                return "Attack", actor1, actor2, why + "; killing of people in custody"
            crowd = self._crowd(doc, clause, trigger, actor1, actor2, self.onto)
            if crowd:
                if actor1 is not None and _is_state(actor1):  # "battles between vendors and the police"
                    actor1, actor2 = None, actor1
                actor1 = actor1 or self._generic_mention("rioters", focus) if focus else actor1
                actor2 = self._mob_victims(clause, crowd, actor2, civilians, focus)
                if crowd == "Violent demonstration" and actor2 is None and actor1 is not None and not _is_state(actor1):
                    actor2 = self._force_that_met(doc, clause, trigger)
                return crowd, actor1, actor2, why + "; violence by unorganised people"
            attack, actor1, actor2, why = self._attack(clause, trigger, actor1, actor2, focus, why)
            if attack == "Attack" and focus and actor2 is not None and actor2.id == f"gen.civilians.{focus}" \
                    and gathering_attacked(clause):  # "shot at supporters as they gathered outside the court"
                why += "; the crowd attacked was gathering: protesters"
                if actor1 is not None and _is_state(actor1):  # a state's force firing on them: excessive force
                    return "Excessive force against protesters", self._generic_mention("protesters", focus), actor1, why
                actor2 = self._generic_mention("protesters", focus)
            return attack, actor1, actor2, why
        if trigger.trigger.event_type in ("Protests", "Riots") and actor1 is not None \
                and actor1.actor_type in _ARMED_TYPES - _STATE_TYPES and _BLOCKADE.match(trigger.text):
            return None, None, None, ""  # "the gunmen had blocked the bridge with two trucks": an armed group's road block
        if family == "protest" or trigger.trigger.event_type == "Protests":
            escalated = protest_escalation(context_of(doc, clause.statement), minimum=None if family == "protest" else sub)
            sub, why = (escalated, why + f"; escalated to {escalated.lower()}") if escalated and escalated != sub else (sub, why)
        if family == "protest" and focus and actor1 is not None and actor1.actor_type == "organisation":
            actor1 = None  # "answered the FNDC's call to march": ACLED's protesters march, the movement is associated
        if family == "protest" and sub == "Peaceful protest" and focus and actor1 is not None \
                and actor1.actor_type in _ARMED_TYPES - _STATE_TYPES - {"unidentified"}:
            # "supporters of cleric Moqtada al-Sadr rallied", "Hezbollah supporters marched": whoever a crowd follows,
            # ACLED's protesters march and the named group is associated (a group's road block was set aside above;
            # armed men dispersing a protest are its intervention)
            actor1 = None
        if family == "protest" and actor1 is None and focus:
            actor1 = self._generic_mention("protesters" if sub != "Violent demonstration" else "rioters", focus)
        if sub in ("Violent demonstration", "Looting/property destruction") and actor1 is not None \
                and actor1.actor_type == "protesters" and focus \
                and actor1.start >= clause.statement.start \
                and _RIOT_DEED.search(clause.statement.text, actor1.start - clause.statement.start):
            # "protesters attacked police officers", "demonstrators stormed the parliament and set fire to a hut":
            # the crowd that does the violence is ACLED's rioters (a road block or burning tyres is not enough)
            actor1, why = self._generic_mention("rioters", actor1.country or focus), why + "; the crowd's own violence: rioters"
        if sub in ("Excessive force against protesters", "Protest with intervention") and focus:
            # ACLED codes every protest event with the protesters as actor 1, the force that met them as actor 2
            protesters = self._generic_mention("protesters", focus)
            if actor2 is not None and actor2.actor_type in ("protesters", "civilians"):
                actor1, actor2 = actor2, actor1
            if actor1 is None or actor1.actor_type not in ("protesters", "civilians"):
                actor1, actor2 = protesters, actor1 or actor2
        if sub == "Arrests" and actor2 is None and actor1 is not None and _is_state(actor1) and focus \
                and _CIVILIAN_ARRESTEES.match(after):
            actor2 = self._civilians(focus)  # "gendarmes arrested a reporter": ACLED's civilians of the country
            why += "; civilians arrested"
        if sub == "Looting/property destruction" and actor1 is not None and actor1.actor_type == "rioters":
            # ACLED's looting sub-event is an armed group's; a crowd's looting is a violent demonstration
            sub, why = "Violent demonstration", why + "; looting by a crowd"
        if sub == "Violent demonstration" and focus and actor1 is not None and _is_state(actor1):
            # "Police fired tear gas to disperse rioters", "gendarmes opened fire on youths throwing stones": ACLED
            # codes the crowd as actor 1, the force as actor 2
            met = actor2 if actor2 is not None and actor2.actor_type in ("protesters", "rioters") else None
            actor1, actor2 = met or self._generic_mention("rioters", focus), actor1
        if sub in ("Violent demonstration", "Mob violence") and actor1 is None and focus:
            actor1 = self._generic_mention("rioters", focus)
        actor2 = self._mob_victims(clause, sub, actor2, civilians, focus)
        if sub in ("Excessive force against protesters", "Protest with intervention", "Violent demonstration") \
                and actor2 is None and actor1 is not None and not _is_state(actor1):
            actor2 = self._force_that_met(doc, clause, trigger)
        people_taken = sub == "Arrests" and bool(_PEOPLE_TAKEN.search(clause.text))
        if (trigger.trigger.event_type in ("Violence against civilians", "Explosions/Remote violence") or sub == "Arrests") \
                and actor2 is None and (civilians or people_taken):
            actor2 = self._civilians(focus) if focus else None  # (people arrested: "arrested four people", "a trader")
        if sub == "Looting/property destruction" and actor2 is None and actor1 is not None \
                and actor1.actor_type in _ARMED_TYPES and _HOMES.search(clause.text, trigger.start):
            actor2 = self._civilians(focus) if focus else None  # "soldiers set fire to 40 houses": the people's homes
        return sub, actor1, actor2, why

    def _attack(self, clause: Clause, trigger: TriggerHit, actor1: Mention | None, actor2: Mention | None,
                focus: str | None, why: str) -> _Typed:
        """An attack or killing: a battle when the target is armed, violence against civilians otherwise."""
        target, reason = target_of(clause, trigger, actor1, actor2, clause.participants, self.onto)
        if target != "armed" and "victim named" not in reason:
            for other in clause.triggers:  # "killed 2 fleeing militants in an ambush at a village": victims decide
                if other is not trigger and other.trigger.family in ("attack", "kill"):
                    kind, why_other = target_of(clause, other, actor1, actor2, clause.participants, self.onto)
                    if kind == "armed" and "victim named" in why_other:
                        target, reason = kind, why_other + f" by '{other.text}'"
                        break
        if target == "civilian" and _REPELLED.search(clause.statement.text) and not (actor1 is not None and _is_state(actor1)):
            target, reason = "armed", "an attack the forces repelled"
        if target == "civilian":
            if actor2 is None or actor2.actor_type in _ARMED_TYPES:
                actor2 = self._civilians(focus)
            return "Attack", actor1, actor2, why + f"; {reason}"
        if target is None and trigger.trigger.family == "kill" and not (actor1 or actor2):
            if not _DONE_TO.match(trigger.text):
                return None, None, None, ""  # "two people died": no one named who did anything
            return "Attack", actor1, self._civilians(focus), why + "; a killing with no armed party named"
        if actor2 is None and actor1 is not None and focus and not _is_state(actor1) and target == "armed":
            actor2 = self._generic_mention("military", focus)
        elif actor2 is None and actor1 is not None and focus and _is_state(actor1) and target == "armed" \
                and _IRREGULARS.search(clause.text, trigger.end):
            # "the army repelled an attack on its base, killing 12 assailants": fighters of no group named
            actor2 = self._generic_mention("unidentified", focus)
        return "Armed clash", actor1, actor2, why + (f"; {reason}" if reason else "; armed target")

    @staticmethod
    def _crowd(doc: Document, clause: Clause, trigger: TriggerHit, actor1: Mention | None,
               actor2: Mention | None, onto: Ontology) -> str | None:
        """Fighting among unorganised people (rioters, ACLED's mob violence), when no armed group is named."""
        if any(m.actor_type in _ARMED_TYPES - _STATE_TYPES for m in (actor1, actor2) if m is not None):
            return None
        from frontlines.pipeline.events.targets import MUTUAL, headline_passive

        if not _HANDS_ON.match(trigger.text):
            return None
        told = _unspoken(clause)  # "..., police said": the speaker met no crowd
        if MUTUAL.match(trigger.text):  # "clashes between X and Y" names both sides, else the subject does
            after = clause.text[trigger.end:]
            if fastre.match(r"\s*between\b", after):
                return crowd_fight(after, told, onto)
            before = clause.text[:trigger.start]
            if _PASSIVE_BY.search(before[-20:]):
                return None  # "buildings were damaged by heavy fighting": what the fighting hit, not who fought
            reported = list(_REPORTED_OR_HURT.finditer(before))  # "One killed as Muslim and Christian youths clash"
            return crowd_fight(before[reported[-1].end():] if reported else before, told, onto)
        agents = clause.text[:trigger.start]
        if _REPORTED_OR_HURT.search(agents):
            return None  # "residents said ...", "3 students were killed in ...": not the attackers
        if (_PASSIVE_BY.search(clause.text[max(0, trigger.start - 20):trigger.end + 20])
                or _VICTIM_SUBJECT.search(clause.text[:trigger.start])
                or headline_passive(clause.text, trigger)
                or fastre.match(r"(?:died|dead|bodies|lost)\b", trigger.text, re.IGNORECASE)):
            return None  # the people named before a passive or "died" are the victims
        return crowd_fight(agents, told, onto)

    @staticmethod
    def _own_troops(doc: Document, actor1: Mention, actor2: Mention) -> bool:
        """"The LNA shelled the city before sending in troops": a generic force of actor1's own country, not
        named as a target, is actor1's own men."""
        if not (actor2.id or "").startswith(("gen.military.", "gen.police.")) or (actor1.id or "").startswith("gen."):
            return False
        if actor1.actor_type not in _STATE_TYPES or actor1.country != actor2.country or actor2.start < 0:
            return False
        victims = fastre.match(r"\s*(?:\w+\s+){0,2}?(?:were\s+|was\s+)?(?:killed|wounded|injured|dead|hurt)\b",
                               doc.text[actor2.end:actor2.end + 40])
        return not victims and not _AIMED_AT.search(doc.text[max(0, actor2.start - 25):actor2.start])

    def _speaks_for(self, actor1: Mention | None, speaker_ids: set[str | None]) -> bool:
        """The speaker is the side that acted: the same actor, or a state's forces and its forces under another
        name ("Russian air defences shot down ..., the Russian defence ministry said"); a government's spokesman
        telling what its forces did is not their own claim."""
        if actor1 is None or not actor1.id:
            return False
        if actor1.id in speaker_ids:
            return True
        if not _is_state(actor1) or not actor1.country:
            return False
        speakers = [self.kb.get(i) for i in speaker_ids if i and not i.startswith("gen.")]
        return any(a.country == actor1.country and a.type in ("state_forces", "external_force") for a in speakers)

    def _own_deed(self, speaker_ids: set[str | None], before: str) -> bool:
        """An armed party telling what it did ("the CSP-DPA said they killed dozens of soldiers in clashes"): a claim,
        though the clause names the enemy only."""
        return bool(_THEY_DID.search(before)) and any(i and self.kb.is_armed(i) for i in speaker_ids)

    def _as_forces(self, m: Mention | None) -> Mention | None:
        if m is None or m.actor_type != "government" or not m.id or m.id.startswith("gen."):
            return m
        forces = self.kb.forces_of(self.kb.get(m.id))
        if forces.id == m.id:
            return m
        return Mention(m.text, m.start, m.end, "actor", canonical=forces.name, id=forces.id, actor_type=forces.type,
                       country=forces.country, reason=f"{m.canonical} acting through {forces.name}")

    def _where_it_happened(self, m: Mention | None, place: Mention | None) -> Mention | None:
        """A generic class (civilians, protesters, rioters, unidentified gunmen, a state's forces named only as
        'soldiers' or only implied as the other side) is of the country where the event happened, as ACLED codes
        it, not of a country named nearby
        ("an aid worker of an Italian charity killed in Kaga-Bandoro" is Civilians (Central African Republic))."""
        if m is None or place is None or not place.country or m.id is None \
                or not m.id.startswith("gen."):
            return m
        _, kind, country = m.id.split(".", 2)
        if country == place.country or (kind in ("military", "police", "government") and m.start >= 0):
            return m  # a state's forces abroad stay that state's ("Egyptian jets struck Derna"); forces the text
            # never named, implied as the other side, are those of the country where it happened
        if kind == "unidentified" and m.start >= 0 and any(self.kb.country_for_demonym(w.rstrip("s")) == country
                                                            for w in m.text.split()[:2]):
            return m  # gunmen the text names by their nation ("Palestinian gunmen" in Tel Aviv): an armed group of theirs
        try:
            return self._generic_mention(kind, place.country)
        except KnowledgeError:
            return m

    @staticmethod
    def _force_that_met(doc: Document, clause: Clause, trigger: TriggerHit) -> Mention | None:
        """The state's force that met a crowd, told after the protest in its sentence or in the next two of its
        paragraph ("Students marched on the ministry. Police dispersed them with tear gas."): ACLED's actor 2."""
        st = clause.statement
        block = doc.block_at(st.start)
        limit = block.end if block is not None else st.end
        sentences = [st, *[s for s in doc.statements if st.end <= s.start < limit][:2]]
        start = clause.start + trigger.end
        for s in sentences:
            if not (_MET_CROWD.search(s.text) or intervened(s.text)):
                continue
            force = next((m for m in doc.mentions if m.kind == "actor" and max(s.start, start) <= m.start < s.end
                          and m.id and _is_state(m) and m.actor_type != "government"), None)
            if force is not None:
                return force
        return None

    def _mob_victims(self, clause: Clause, sub: str | None, actor2: Mention | None, civilians: bool,
                     focus: str | None) -> Mention | None:
        """A mob that lynched, beat or burned someone: ACLED codes the person it fell on as civilians (actor 2), the
        men it took for criminals or gang members of no group named too ("lynched two suspected gang members")."""
        if sub == "Mob violence" and focus and actor2 is not None and (actor2.id or "").startswith("gen.unidentified.") \
                and _MOB_JUSTICE.search(clause.statement.text):
            return self._civilians(focus)
        if sub != "Mob violence" or actor2 is not None or not focus:
            return actor2
        if civilians or _MOB_JUSTICE.search(clause.statement.text):
            return self._civilians(focus)
        return actor2

    def _civilians(self, focus: str | None) -> Mention | None:
        return self._generic_mention("civilians", focus) if focus else None

    def _generic_mention(self, kind: str, country: str) -> Mention:
        actor = self.kb.generic(kind, country)
        return Mention(actor.name, -1, -1, "actor", canonical=actor.name, id=actor.id, actor_type=actor.type,
                       country=country, reason=f"implied {kind}")

    # -- date and place -----------------------------------------------------------------

    def _place(self, doc: Document, clause: Clause, trigger: TriggerHit, speaker: tuple[int, int]) -> Mention | None:
        """The event's place (pipeline/events/event_places.py); a province stands at its capital, as ACLED codes it."""
        st = clause.statement
        m = choose_place(doc, clause.start, clause.end, (st.start, st.end), clause.start + trigger.start, speaker,
                         self.gaz)
        capital = self.gaz.capital_of(m.id) if m is not None and m.feature == "admin1" and m.id else None
        if m is None or capital is None:
            return m
        return replace(m, latitude=capital[1], longitude=capital[2], geo_precision=stand_in_precision(doc, m),
                       reason=f"{m.reason}; at the capital {capital[0]}")

    # -- assembly ---------------------------------------------------------------------------
    def _build(self, doc: Document, clause: Clause, trigger: TriggerHit, sub_type: str, actor1: Mention | None,
               actor2: Mention | None, place: Mention | None, event_date: str | None, precision: int | None,
               fallback: bool, fatalities: int, aggregate: bool, modality: Modality, why: str) -> Event:
        st = clause.statement
        nonstate = {a.actor_type for a in (actor1, actor2) if a is not None} & (_ARMED_TYPES - _STATE_TYPES)
        if sub_type in ("Peaceful protest", "Excessive force against protesters") and nonstate and fatalities \
                and any(a is not None and a.actor_type == "protesters" for a in (actor1, actor2)):
            # an armed group that kills protesters ("armed civilians on motorbikes fired on a group of protesters",
            # "gunmen fired on a crowd"): ACLED's excessive force is the state's; this is an attack on them
            armed, protesters = (actor1, actor2) if actor1 is not None and actor1.actor_type in nonstate else (actor2, actor1)
            sub_type, actor1, actor2 = "Attack", armed, protesters
            why += "; protesters killed by an armed group: an attack on them"
        if sub_type == "Protest with intervention" and fatalities and not aggregate \
                and any(a is not None and a.actor_type in _STATE_TYPES for a in (actor1, actor2)):
            # protesters dead where the state's forces broke them up ("two young men were shot dead as gendarmes
            # dispersed demonstrators"): ACLED's excessive force
            sub_type, why = "Excessive force against protesters", why + "; protesters killed as the force intervened"
        if sub_type == "Peaceful protest" and fatalities:
            # no one died in it (else it is no peaceful protest): the dead the sentence counts, and the side they
            # were, are those of the incident it protests ("protested against a bombing that killed five policemen")
            actor2 = actor2 if actor2 is not None and actor2.actor_type not in _STATE_TYPES | {"civilians"} else None
            fatalities, aggregate = 0, False
            why += "; a peaceful protest: the dead the sentence counts are another incident's"
        etype = self.onto.event_type_of(sub_type)
        trig = self.onto.trigger_for(sub_type) or trigger.trigger
        in_clause = bool(place and clause.statement.start <= place.start < clause.statement.end)
        confidence = 0.45 + 0.15 * bool(actor1) + 0.1 * bool(actor2) + 0.1 * in_clause + 0.1 * (not fallback)
        if trigger.trigger.family == "kill":
            confidence -= 0.1
        key = f"{doc.content_hash}:{clause.start}:{sub_type}"
        return Event(
            event_id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:16],
            event_date=event_date,
            time_precision=3 if aggregate and precision and precision < 3 else precision,
            event_type=etype,
            sub_event_type=sub_type,
            actor1=actor1.canonical if actor1 else None,
            actor2=actor2.canonical if actor2 else None,
            actor1_id=actor1.id if actor1 else None,
            actor2_id=actor2.id if actor2 else None,
            country=self.gaz.country_name(place.country) if place and place.country else None,
            admin1=place.admin1 if place else None,
            location=(place.canonical if place.feature != "relative" else place.text) if place else None,
            latitude=place.latitude if place else None,
            longitude=place.longitude if place else None,
            geo_precision=(place.geo_precision if in_clause else max(place.geo_precision or 1, 2)) if place else None,
            location_anchor=place.anchor if place else None,
            fatalities=fatalities,
            fatalities_aggregate=aggregate,
            source=st.source or doc.source,
            speaker=st.speaker,
            notes=st.text,
            modality=modality,
            voice=st.voice,
            evidence={"start": st.start, "end": st.end},
            confidence=round(min(confidence, 0.95), 3),
            document_id=doc.id,
            cameo_code=trig.cameo,
            date_fallback=fallback,
            reason=why + (f"; place '{place.text}'" if place else "; no place"),
            stage=stage(self),
        )


# a day that opens a span ("since Thursday", "since the unrest began on Friday"): it dates no incident of the clause
_SINCE_BEFORE = fastre.compile(r"\bsince(?:\s+[\w'’-]+){0,5}\s+(?:on\s+)?$", re.IGNORECASE)
_DAY_WORD = fastre.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\byesterday\b|\btoday\b|\bovernight\b|"
                           r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|"
                           r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b", re.IGNORECASE)
_OPEN_QUOTES = ('"', "“", "‘", "'")
_CLOSE_QUOTES = ('"', "”", "’", "'")
def _kept_in_note(verdict: str | None, reason: str) -> str:
    """The event's reason when a note keeps a frame a report would set aside (eventhood.NOTE_KEEPS): it says so."""
    if not verdict:
        return reason
    kept = f"kept: a note codes one incident, though a report would set it aside ({verdict})"
    return f"{reason}; {kept}" if reason else kept


_MODAL_CATEGORIES: dict[str, Callable[[Frame], Modality]] = {
    "negation": lambda f: "negated",
    "prediction": lambda f: "future" if f.modal in ("will", "would", "shall", "wo") else "hypothetical",
    "intention": lambda f: "future",
}


# a speaker's "they"/"it" as the doer: "the rebels said they killed dozens of soldiers in clashes", "said on
# Friday they had [pushed the enemy out of ...]" (the verb may be the trigger itself)
_THEY_DID = fastre.compile(r"\b(?:said|says|claimed|claims|announced)\s+(?:(?:on\s+)?\w+\s+){0,2}?(?:that\s+)?(?:they|it)\s+(?:had\s+|have\s+|has\s+)?"
                           r"(?:(?:\w+ed|shot|struck|fought|took|hit|beat)\b|$)", re.IGNORECASE)


def _own_men(speaker: str | None, before: str) -> bool:
    """A group telling what its own men did ("the group said one of its fighters stormed a checkpoint"): a
    claim, though the group is named only as "the group"."""
    return bool(speaker and _GROUP_SPEAKER.search(speaker) and _ITS_MEN.search(before))


_CIVILIAN_AREAS = fastre.compile(r"\b(?:residential|built-up|civilian|populated|densely[- ]populated)\s+(?:areas?|neighbou?rhoods?|"
                            r"districts?|quarters?|buildings?)\b|\b(?:civilians?|homes|houses|markets?)\b", re.IGNORECASE)
# what people who are no party own or run: its looting or destruction befell civilians ("looted its clinic in Pibor",
# "burned shops and homes")
_CIVILIAN_PROPERTY = fastre.compile(r"\b(?:clinics?|hospitals?|health (?:centres?|centers?|posts?)|schools?|shops?|stores?|"
                                    r"markets?|homes|houses|churches|church|mosques?|warehouses?|aid|charity|villagers|"
                                    r"residents|civilians?|farms?|livestock|cattle)\b", re.IGNORECASE)
_TRUCE = fastre.compile(r"\b(?:cease-?fire|truce)\b", re.IGNORECASE)


def _unplaced_development(doc: Document, sub_type: str, place: Mention | None, st: Statement) -> str | None:
    """Why a change in a group's activity is no event: ACLED codes a development (a defection, a new alliance, a
    group dissolved, a state of emergency) where the report places it; a sentence that names no place at all,
    its place only inherited from the report before it, is commentary on the group, not a located
    development. (A note that names no place anywhere is placed by its coder and keeps the event.)"""
    if sub_type in _LOCATED_DEVELOPMENTS and place is not None and place.start < st.start \
            and not mentions_in(doc, "place", st.start, st.end):
        return f"a development ('{sub_type}') in a sentence that names no place"
    return None


# "hitting energy facilities across Ukraine", "strikes throughout the country": a deed spread over a whole country
_OVER_COUNTRY = fastre.compile(r"\b(?:across|throughout|all over|around)\s+(?:the\s+)?$", re.IGNORECASE)


def _spread_over_country(doc: Document, place: Mention | None, fatalities: int) -> str | None:
    """Why a deed placed only as spread over a whole country, with no toll, is no event: ACLED codes each strike
    where it hit; the country-wide telling ("launched one of its largest air attacks, hitting energy facilities
    across Ukraine") sums them and places none."""
    if place is None or place.feature != "country" or fatalities:
        return None
    over = _OVER_COUNTRY.search(doc.text, max(0, place.start - 16), place.start)
    if over is None:
        return None
    return f"a deed spread over the whole country ('{doc.text[over.start():place.end]}'), no place of its own"


def _military(m: Mention | None) -> bool:
    return m is not None and _is_state(m) and "police" not in (m.id or "").lower() and "police" not in (m.canonical or "").lower()


def _is_state(m: Mention) -> bool:
    return (m.actor_type or "") in _STATE_TYPES or (m.id or "").startswith(("gen.military", "gen.police", "gen.government"))


def _fatalities(text: str) -> tuple[int, bool]:
    """ACLED-conservative death count stated in ``text`` and whether it is an aggregate total; deaths a group is
    blamed for or known for ("a movement blamed for the killing of scores of people") are its record, not
    this incident's toll."""
    return count_fatalities(_ATTRIBUTED_RECORD.sub("", text))


