"""What counts as an event: one ordered table of named rules over an event frame.

A frame (``frames.py``) becomes an event only when it reports a discrete incident that happened: not an
aggregate or running total, not a habit, not an ongoing situation without an incident, not a deployment, not
a prediction, intention, threat, hypothesis or question, not negated, not a description of who an actor is.
Each rule reads the frame alone and returns the reason it rejects it, or None; the first rule that fires
decides, and its name and reason travel with the non-event (``Document.non_events``).

The word lists the rules read live in ``knowledge/data/eventhood.yaml`` (``knowledge/eventhood.py``) and are
passed in. Every rule has fixture sentences of our own in ``tests/pipeline/test_eventhood.py``, run against the rule
alone, so that disabling any rule fails a test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from frontlines import fastre
from frontlines.knowledge.eventhood import EventhoodLexicon
from frontlines.pipeline.frames.frames import Frame

__all__ = ["NOTE_KEEPS", "RULES", "Rule", "Verdict", "judge", "rejects"]


@dataclass(frozen=True)
class Verdict:
    rule: str
    category: str  # negation, prediction, intention, aggregate, habitual, ongoing, deployment, description, ...
    reason: str


@dataclass(frozen=True)
class Rule:
    name: str
    category: str
    test: Callable[[Frame, bool, EventhoodLexicon], str | None]  # (frame, dated: a day-precision date in the
    # sentence, the word lists) -> reason


def _negated(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    return f"negated ('{f.negation}')" if f.negation and f.negation != "without" else None


def _modal(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    if f.modal is None:
        return None
    return f"not reported as done: modal '{f.modal}'"


def _aim(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    if f.governor is None:
        return None
    if f.governor in lex.words["happened_governors"] and (f.governor_finite or f.governor in ("able", "appear", "seem")):
        return None
    if f.lemma in lex.words["protest_purposes"] and f.governor_finite and f.governor not in lex.words["planning"]:
        return None

    return f"an aim, not a deed: '{f.governor} to {f.trigger}'"


def _deployment(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    if dated and f.dep not in ("acl", "amod", "relcl"):
        return None  # "dispatched jets on 16 February" to bomb: the day tells the strike
    if f.lemma in lex.words["deployment"] or (f.nominal and f.lemma in ("reinforcement", "deployment", "mobilisation",
                                                            "mobilization", "build-up", "buildup")):
        return f"a deployment, not an incident ('{f.trigger}')"
    return None


def _accident(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """Deaths by drowning, a capsized boat, a crash: a disaster, not political violence (the deaths only:
    "residents protested after a boat capsized" is still a protest)."""
    if not lex.patterns["harm"].match(f.lemma) and not lex.patterns["harm"].search(f.trigger.lower()):
        return None
    m = lex.patterns["accident"].search(f.sentence)
    return f"an accident, not political violence ('{m.group()}')" if m else None


def _custody_death(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A death in custody or after captivity ("died after two months in detention"): how a prisoner died, not a
    violent incident the sentence reports (one who was killed in custody is still one)."""
    if (f.lemma == "die" or (f.pos == "ADP" and f.head_lemma == "die")) and (m := lex.patterns["custody"].search(f.sentence)):
        # the trigger may be the custody itself ("at least 90 have died in custody")
        return f"a death in custody ('{m.group()}'), not an incident"
    return None


def _later_death(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A casualty of an incident told before who died later ("one of the wounded died in hospital on Sunday", "a
    wounded teenager died in hospital", "both succumbed to their wounds"): more dead of that incident, not one of
    its own (a wounded man shot dead is still news: the verb of dying must carry it)."""
    if f.lemma in lex.words["wounded"] and f.predicate in lex.words["dying"]:
        return f"a casualty told before dying later ('{f.trigger} ... {f.predicate}'), not an incident of its own"
    if f.lemma not in lex.words["dying"]:
        return None
    told = (f.subject_words | f.prep_objects) & lex.words["wounded"]
    return f"a casualty told before dying later ('{min(told)}'), not an incident of its own" if told else None


def _aggregate(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A count or series of incidents ("more than 2,400 airstrikes since March", "a series of bombings",
    "five checkpoint attacks in the last eight months"), unless the sentence dates it to one day ("four air
    strikes overnight": one raid)."""
    if not f.nominal or not f.plural or lex.patterns["people"].search(f.lemma):
        return None  # people are counted in one incident
    if lex.patterns["munitions"].search(f.lemma):  # munitions too ("fired dozens of rockets"), unless over a span
        many = (f.count or 0) > lex.episode or f.quantifier is not None  # ("more than 100 missiles since 2015")
        return f"munitions counted over a span of time ('{f.count or f.quantifier} {f.trigger}', '{f.span_cue}')" \
            if many and f.span_cue else None
    # a few incidents told together ("five grenade attacks", "twin car bombs") are one episode unless a span
    # of time spreads them; many, or a series, are an aggregate
    counted = (f.count or 0) > lex.episode or f.quantifier is not None or ((f.count or 0) >= 2 and f.span_cue)
    if counted and (not dated or f.span_cue):
        what = f.quantifier or str(f.count)
        return f"an aggregate of incidents ('{what} {f.trigger}')"
    if f.span_cue and not dated:
        return f"incidents over a span of time ('{f.span_cue}')"
    return None


def _vast_toll(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A toll in the thousands told in the present perfect with no day ("tens of thousands of people have been
    killed", "thousands have died in the fighting"): a war's toll so far, not one incident."""
    if f.perfect and f.present and not dated and "thousands" in f.subject_words \
            and lex.patterns["harm"].match(f.predicate if f.nominal and f.dep == "pobj" else f.lemma):
        return f"a toll in the thousands so far ('thousands ... {f.predicate}'), not one incident"
    return None


def _campaign_toll(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A toll a whole campaign has taken so far ("the battle has killed over 1,000 fighters", "the war has left
    thousands dead"): a running total; "an airstrike has killed 12 people" is news of one."""
    if f.nominal and f.definite and f.dep == "nsubj" and f.perfect and f.present and not dated \
            and f.lemma in lex.words["campaign_nouns"]:
        return f"a campaign's toll so far ('{f.trigger} has {f.predicate}'), not one incident"
    return None


def _general_consequence(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """What incidents in general have caused ("attacks by armed groups have displaced two million people",
    "airstrikes have devastated the region"): a bare plural with no count as the subject of a consequence in the
    present perfect tells many incidents and their effect, not one ("airstrikes have killed 12 people" passes)."""
    if f.nominal and f.plural and not f.definite and f.count is None and f.quantifier is None and f.dep == "nsubj" \
            and f.perfect and f.present and not dated and f.predicate in lex.words["consequence_verbs"]:
        return f"incidents in general and what they caused ('{f.trigger} have {f.predicate}'), not one incident"
    return None


def _counted_places(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """Places taken counted, not named ("the Taliban captured two districts in the province"): where each
    happened is told only by its region."""
    if f.counted_object and f.counted_object[0] >= 2 and f.counted_object[1] in lex.words["place_nouns"] \
            and f.lemma in lex.words["taking"]:
        count, what = f.counted_object
        return f"places counted, not named ({count} x '{what}'): none has a place of its own"
    return None


def _series(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """An incident counted as one of a series ("Sunday's attack was the latest in a series of bombings", "the
    attack is the 12th since May"): the sentence counts incidents; the incident itself is told elsewhere."""
    if not f.nominal or f.dep not in ("nsubj", "nsubjpass", "attr"):
        return None
    m = lex.patterns["ordinal"].search(f.sentence)
    if m and f.dep == "attr" and f.trigger.lower() not in m.group().lower():
        return None  # "it was the second such clash this month": the counted incident is the trigger itself
    return f"counted in a series ('{m.group().strip()}'), not reported here" if m else None


def _habitual(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    if f.habit_cue and not dated:
        return f"habitual, not one incident ('{f.habit_cue}')"
    if f.present and not f.perfect and not f.progressive and f.pronoun_subject and not dated and f.pos == "VERB":
        return f"what a group does, told in the present ('{f.predicate}'), not one incident"
    if f.pos == "VERB" and f.tag in ("VBP", "VBZ") and f.marker in ("as", "while") and f.span_cue and not dated:
        # "the murder rate has quadrupled since 2018 as cartels fight over cocaine routes": a deed in the simple
        # present told against a span of time is what goes on, not one incident
        return f"what goes on over a span of time ('{f.marker} ... {f.trigger}', '{f.span_cue}'), not one incident"
    return None


def _first_person_present(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A speaker's own "we fight" in the simple present ("as we fight to defeat this enemy", "we attack them
    wherever they are"): a stance or a habit, whatever day the speech names; never one incident."""
    if f.pos == "VERB" and f.first_person and f.present and not f.perfect and not f.progressive:
        return f"a speaker's stance in the present ('we {f.trigger}'), not an incident"
    return None


def _ongoing(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A situation told in the present progressive ("fighting is taking place", "forces are making gains"),
    as a state ("there are snipers on the rooftops", "the bombing continues"), or one that has grown
    ("fighting has intensified"), with no day that dates an incident. A headline's plain present ("rebels
    seize town") tells a past incident and passes."""
    if dated or f.reported:
        return None
    if f.present and not f.perfect and (f.progressive or f.existential or f.predicate in lex.words["continuative"]):
        how = "there is" if f.existential else f.predicate
        return f"an ongoing situation told in the present ('{how}')"
    recent = lex.patterns["recent"].search(f.sentence)
    if f.perfect and f.present and (f.predicate in lex.words["continuative"] or f.span_cue or recent):
        cue = f.span_cue or (recent.group() if recent else None)
        return f"an ongoing situation ('has {f.predicate}'{', ' + repr(cue) if cue else ''})"
    return None


def _cessation(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    if f.nominal and f.lemma in lex.words["fighting"] and f.dep in ("nsubj", "nsubjpass") and f.head_lemma in lex.words["cessation"]:
        return f"the end of fighting, not an incident ('{f.trigger} ... {f.head_lemma}')"
    return None


def _continuation(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    if f.nominal and f.dep in ("nsubj", "dobj") and f.head_lemma in lex.words["continuative"] and not dated:
        return f"a situation going on ('{f.trigger} ... {f.head_lemma}')"
    return None


def _reference(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """An incident named as the object of a judgement ("condemned Thursday's attacks"): told elsewhere."""
    if f.nominal and f.dep in ("dobj", "pobj") and f.head_lemma in lex.words["reference_verbs"]:
        return f"a reference to an incident ('{f.head_lemma} ... {f.trigger}'), not its report"
    if f.nominal and f.dep == "pobj" and f.head_lemma in ("for", "over", "about", "to", "on") and f.predicate in lex.words["reference_verbs"]:
        return f"a reference to an incident ('{f.predicate} ... {f.trigger}'), not its report"
    return None


def _description(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A participle that describes an actor ("the militias attacking the airport are affiliated with ...", "the
    militia driven out of the port is allied with ..."): who they are, not what happened. A past participle
    describes only under a sentence in the present tense, and not where it tells harm ("the men killed in the
    raid were buried" reports the raid's toll)."""
    if f.pos != "VERB" or f.dep != "acl" or dated:
        return None
    if f.tag == "VBG" or (f.tag == "VBN" and f.present and not lex.patterns["harmed"].search(f.trigger)):
        return f"describes a group ('{f.trigger}'), reports no incident"
    if f.tag == "VBN" and f.head_lemma in ("those", "these") and not lex.patterns["harmed"].search(f.trigger):
        # "hundreds of those detained had no links to gangs": people named by what befell them, no deed told
        return f"names people by what befell them ('{f.head_lemma} {f.trigger}'), reports no incident"
    return None


def _war_described(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A war or battle described in the passive ("it was fought between the two clans' militias"): what
    the conflict was, not an incident of it."""
    if f.lemma in ("fight", "wage") and f.passive and f.pos == "VERB" and not dated:
        return f"a conflict described ('was {f.trigger}'), not an incident"
    return None


def _left_behind(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """What an incident left ("left destroyed vehicles", "violence that left one person injured"): its
    aftermath, told with the incident, not an incident of its own ("was found hanged" is one: a body found)."""
    if f.pos == "VERB" and f.tag == "VBN" and f.dep in ("xcomp", "oprd", "amod", "ccomp") and f.head_lemma == "leave":
        return f"what an incident left ('left ... {f.trigger}'), not an incident"
    return None


def _imperative(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    return "a command to the reader, not a report" if f.imperative else None


def _thought(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    return f"the writer's own thought ('{f.thinker}')" if f.thinker else None


def _running_total(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A toll counted over time or without a day ("26 people had so far been killed", "it did not say when", "as of
    this morning 15 officers had died in the attacks")."""
    if f.total_cue and (not f.nominal or (f.dep == "pobj" and bool(lex.patterns["harm"].match(f.prep_head)))):
        return f"a running total or undated toll ('{f.total_cue}')"  # "... had died in the attacks so far"
    return None


def _countrywide_toll(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A toll over the whole country, no town named between the harm and the country ("eight officers had been
    killed and 300 injured across the country", "clashed ..., leaving 12 dead throughout the country"): the sum of
    many incidents, none of which has a place of its own."""
    m = lex.patterns["countrywide"].search(f.sentence)
    if m and not f.nominal:
        return f"a toll over the whole country ('{m.group()}'), not one incident"
    return None


def _toll_over_span(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A toll told in the present perfect over a span of time ("at least 50 people have been killed since the
    fighting began on Sept. 9", "more than 300 civilians have died over the past month"): a running total, even
    when the day the span began is told ("two people have been killed in the market" is news of one). People
    taken and the wounded are counted the same way ("security forces have arrested more than 1,500 people since Jan. 9",
    "27 officers had been injured since the protests began"), and so
    in reported speech's past perfect ("the minister said nine people had died in the unrest since Thursday"), and the
    dead found ("rescuers have recovered 40 bodies from the rubble since Monday")."""
    if not f.nominal and f.perfect and (f.present or f.dep == "ccomp") and f.span_cue \
            and (lex.patterns["harm"].match(f.lemma) or f.lemma in lex.words["detaining"]
                 or f.trigger.lower() in lex.words["wounded"]):
        return f"a toll counted over a span of time ('{f.predicate}' ... '{f.span_cue}'), not one incident"
    if not f.nominal and not dated and (lex.patterns["harm"].match(f.lemma) or f.lemma in lex.words["wounded"]):
        daily = lex.patterns["daily_toll"].search(f.sentence)
        if daily:  # a ministry's daily bulletin ("43 Taliban were killed in operations ... over the past 24 hours")
            return f"a toll counted over a span of time ('{f.predicate}' ... '{daily.group()}'), not one incident"
    if (f.nominal or f.tag == "VBG") and f.dep == "pobj" and f.perfect and f.span_cue and f.predicate \
            and lex.patterns["harm"].match(f.predicate):
        # the incidents such a toll was taken in ("had been killed since Tuesday, many of them in clashes")
        return f"incidents of a toll counted over a span of time ('{f.predicate}' ... '{f.span_cue}'), not one incident"
    if f.nominal and f.dep == "dobj" and f.perfect and f.span_cue and f.lemma in lex.words["toll_nouns"] \
            and f.head_lemma in lex.words["finding"]:
        return f"the dead found over a span of time ('{f.head_lemma} ... {f.trigger}' ... '{f.span_cue}'), not one incident"
    return None


def _toll_over_a_year(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A toll told over a whole year ("more than 170 social leaders were killed in 2018", "40 journalists died
    during 2017"): the year's count, not one incident (a day in the sentence dates one)."""
    year = None if f.nominal or dated or f.span_cue else lex.patterns["year_span"].search(f.sentence)
    if year and lex.patterns["harm"].match(f.lemma):  # (a year is no span of the other rules: "have held a rally to
        # press the president not to run in 2019" is no ongoing situation)
        return f"a toll counted over a year ('{f.predicate}' ... '{year.group()}'), not one incident"
    return None


def _state(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """Who holds what, told as a state ("areas still occupied by the group", "continued to occupy buildings")."""
    if f.still and not dated:
        return f"a state of affairs ('still ... {f.trigger}'), not an incident"
    if f.governor in ("continue", "remain") and f.lemma in lex.words["holding_verbs"]:
        return f"a state of affairs ('{f.governor} to {f.trigger}'), not an incident"
    return None


def _truce_state(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A truce or deal named as a state of affairs ("there was a ceasefire", "its truce with the army", "violated
    the ceasefire regime"): an agreement is an event where it is signed, reached or starts."""
    if not f.nominal or (f.lemma not in lex.words["truces"] and f.trigger.lower() not in lex.words["truces"]):
        return None
    if f.dep in ("dobj", "nsubjpass", "pobj", "conj") and (f.head_lemma in lex.words["making"] or f.predicate in lex.words["making"]):
        return None
    if f.dep in ("nsubj", "nsubjpass") and (f.head_lemma in lex.words["starting"] or f.predicate in lex.words["starting"]):
        return None
    if f.modifiers & lex.words["making"]:
        return None  # "a ceasefire deal negotiated between the two sides"
    return f"a truce named as a state ('{f.trigger}'), not one made here"


def _relative_description(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A relative clause that tells what a group did to unnamed places ("the places they captured")."""
    if f.pos == "VERB" and f.dep == "relcl" and f.head_plural and not dated and not f.relative_subject:
        return f"describes '{f.trigger}' in passing, reports no incident"
    return None


def _group_deed(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A named group described by a deed in an undated relative clause ("the Kivu Front, which led the raid on
    the mine", "Boko Haram, which abducted the schoolgirls"): who the group is, told in passing."""
    if f.group_relative:
        return f"describes a named group ('which {f.group_relative} ... {f.trigger}'), reports no incident"
    return None


def _commentary(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """What an incident shows ("the attack shows ..."), or an incident named in what something else is said to
    mark or show ("the violence marked an escalation of the fight between ..."): commentary, not a report."""
    if f.nominal and f.dep == "nsubj" and f.head_lemma in lex.words["meaning"] and not dated:
        return f"what the incident shows ('{f.trigger} ... {f.head_lemma}'), not its report"
    if f.nominal and f.dep in ("dobj", "pobj", "appos", "attr", "npadvmod") and f.predicate in lex.words["marking"] \
            and f.predicate_tag != "VBN":
        return f"named in what something is said to {f.predicate} ('{f.predicate} ... {f.trigger}'), not reported"
    return None


def _possessed(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """An incident named as someone's with a possessive pronoun ("has taken their fight into Kenya", "escaped
    with their hostages"): one told before or known, referred to, unless it is launched or carried out here
    ("launched its offensive on the city")."""
    if f.nominal and f.possessor and not dated and f.head_lemma not in lex.words["undertaking"] \
            and f.predicate not in lex.words["undertaking"]:
        return f"a reference to an incident already known ('{f.possessor} {f.trigger}')"
    return None


def _backdrop(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """An incident named with "the" as the time of another deed ("aid workers had sheltered in a bunker
    throughout the attack", "a child was born during the siege"): the one told before, not a new one. Not when
    the sentence tells harm ("killed nine soldiers during the attack"): the incident is then what it reports."""
    if f.nominal and f.definite and not f.plural and f.dep == "pobj" and f.head_lemma in lex.words["backdrop_preps"] \
            and not dated and not lex.patterns["harmed"].search(f.sentence):
        return f"an incident told before, named as the time of another deed ('{f.head_lemma} the {f.trigger}')"
    return None


def _demonstrative(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """Incidents pointed at as a set ("the pain caused by these irresponsible attacks", "such attacks are
    rare"): told before, or a kind, not one reported here."""
    if f.nominal and f.plural and f.determiner and not dated:
        return f"a reference to incidents told before or a kind ('{f.determiner} {f.trigger}')"
    return None


def _received_toll(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """Bodies or casualties a hospital or morgue received ("the Red Crescent said it received 28 bodies"): the
    toll of fighting told elsewhere, not an incident (bodies found are still one)."""
    if f.nominal and f.lemma in lex.words["toll_nouns"] and f.dep in ("dobj", "nsubjpass") \
            and (f.head_lemma in lex.words["receiving"] or f.predicate in lex.words["receiving"]):
        return f"a toll received ('{f.head_lemma} ... {f.trigger}'), not an incident"
    return None


def _exclamation(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A verbless exclamation ("Mystery airstrikes!", "Another massacre!"): the writer's outcry or a heading,
    not a report."""
    return "an exclamation, not a report" if not f.predicate and f.sentence.rstrip().endswith("!") else None


def _possible(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """An incident named as a risk ("at high risk of cross-border attacks", "fears of new clashes")."""
    if f.nominal and f.dep == "pobj" and f.head_lemma == "of" and f.governor_noun in lex.words["possible"]:
        return f"a possibility, not an incident ('{f.governor_noun} of {f.trigger}')"
    return None


def _sought(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """An arrest or a capture asked or paid for ("called for the arrest of the killers", "offered a reward for
    information leading to the arrest of the suspects"): sought, not made."""
    if not f.nominal or f.dep != "pobj":
        return None
    if (f.head_lemma == "for" and f.prep_head in lex.words["seeking"]) \
            or (f.head_lemma == "to" and f.prep_head == "lead" and lex.patterns["tip_off"].search(f.sentence)):
        return f"sought, not done ('{f.prep_head} {f.head_lemma} the {f.trigger}')"
    return None


def _instrument(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    if not f.nominal or not lex.patterns["weapons"].search(f.lemma) or lex.patterns["harmed"].search(f.sentence):
        return None  # a weapon in a sentence that tells its harm is the incident's means ("IEDs planted by the
        # Taliban destroyed two vehicles, killing ...")
    if f.dep in ("dobj", "nsubjpass") and f.head_lemma in lex.words["holding"]:
        return f"an instrument ('{f.head_lemma} ... {f.trigger}'), not an incident"
    if f.dep == "pobj" and f.head_lemma == "with" and f.predicate in lex.words["holding"]:
        return f"an instrument ('{f.predicate} with {f.trigger}'), not an incident"
    return None


def _until_clause(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """A deed in the present tense of an 'until' clause is the goal the main clause serves ("the army will fight
    on until every inch of the country is liberated"); one in the past happened ("held out until troops retook
    the town")."""
    return f"a goal ('until ... {f.trigger}'), not a deed" if f.marker == "until" and f.present and not f.perfect else None


def _since_clause(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """An incident that dates another ("ever since IS was driven out of the city, ..."): background."""
    return f"background: what '{f.marker}' dates another situation from" if f.marker == "since" else None


def _reference_point(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """An incident that dates another ("the protest came two days after the premier announced a ceasefire",
    "the development comes a week after authorities rounded up 5,000 migrants"): background. One hours
    earlier is part of the news ("it came hours after the rebels had been driven from the town")."""
    if f.marker in ("after", "before") and f.marker_head in lex.words["dating_verbs"] \
            and not fastre.search(rf"\b(?:hours?|minutes?)\s+{f.marker}\b", f.sentence, re.IGNORECASE):
        return f"background: what '{f.marker_head} ... {f.marker}' dates another event by"
    return None


def _agreed_plan(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    if f.lemma == "agree" and f.complement and f.complement not in lex.words["agreed_deeds"]:
        return f"an agreed plan ('agreed to {f.complement}'), not an agreement made of a truce or an exchange"
    return None


def _in_passing(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """An incident named inside a phrase about something else ("the violence had links to a battle in
    Benghazi", "attention turns to such matters as the US bombing of Sirte"): told in passing, not reported."""
    if f.nominal and f.dep == "pobj" and f.prep_head_pos == "NOUN" and f.prep_head not in lex.words["framing_nouns"] \
            and not (f.head_lemma == "of" and f.prep_head in lex.words["measure_nouns"]) and f.predicate \
            and not (f.head_lemma == "in" and f.lemma == "protest") and not dated:
        # a measure counts the incidents ("a number of mortar shells", "two days of air attacks"); with no verb the
        # parse is of a note's fragment ("Members of the movement protest in Kano"); "in protest" is how it was done
        return f"named in passing ('{f.prep_head} {f.head_lemma} {f.trigger}'), not reported"
    return None


def _unnamed_towns(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """Protests told of towns the report does not name ("Smaller protests were reported in other eastern towns over the
    weekend"): where each happened is not told."""
    if f.nominal and f.plural and f.lemma in lex.words["unrest_nouns"] and (where := lex.patterns["unnamed_towns"].search(f.sentence)):
        return f"protests in towns not named ('{where.group()}')"
    return None


def _unrest_began(f: Frame, dated: bool, lex: EventhoodLexicon) -> str | None:
    """The start of a wave of protests, its plural the subject of "began" ("protests over the power cuts began on 23
    August", "The protests began in Zhanaozen at the weekend"): the unrest's history, not one protest."""
    if f.nominal and f.tag == "NNS" and f.dep == "nsubj" and f.head_lemma in lex.words["outbreak"] \
            and f.lemma in lex.words["unrest_nouns"]:
        return f"the start of an unrest ('{f.trigger} ... {f.head_lemma}'), not one protest"
    return None


RULES: tuple[Rule, ...] = (
    Rule("imperative", "opinion", _imperative),
    Rule("thought", "opinion", _thought),
    Rule("negated", "negation", _negated),
    Rule("modal", "prediction", _modal),
    Rule("aim", "intention", _aim),
    Rule("agreed_plan", "intention", _agreed_plan),
    Rule("until_clause", "intention", _until_clause),
    Rule("since_clause", "background", _since_clause),
    Rule("unrest_began", "background", _unrest_began),
    Rule("reference_point", "background", _reference_point),
    Rule("deployment", "deployment", _deployment),
    Rule("accident", "accident", _accident),
    Rule("custody_death", "background", _custody_death),
    Rule("later_death", "duplicate", _later_death),
    Rule("aggregate", "aggregate", _aggregate),
    Rule("series", "aggregate", _series),
    Rule("habitual", "aggregate", _habitual),
    Rule("first_person_present", "statement", _first_person_present),
    Rule("running_total", "aggregate", _running_total),
    Rule("toll_over_span", "aggregate", _toll_over_span),
    Rule("countrywide_toll", "aggregate", _countrywide_toll),
    Rule("toll_over_a_year", "aggregate", _toll_over_a_year),
    Rule("campaign_toll", "aggregate", _campaign_toll),
    Rule("vast_toll", "aggregate", _vast_toll),
    Rule("general_consequence", "aggregate", _general_consequence),
    Rule("counted_places", "vague", _counted_places),
    Rule("unnamed_towns", "vague", _unnamed_towns),
    Rule("received_toll", "aggregate", _received_toll),
    Rule("state", "ongoing", _state),
    Rule("truce_state", "background", _truce_state),
    Rule("cessation", "statement", _cessation),
    Rule("continuation", "ongoing", _continuation),
    Rule("ongoing", "ongoing", _ongoing),
    Rule("reference", "statement", _reference),
    Rule("commentary", "opinion", _commentary),
    Rule("exclamation", "opinion", _exclamation),
    Rule("demonstrative", "statement", _demonstrative),
    Rule("possessed", "background", _possessed),
    Rule("backdrop", "duplicate", _backdrop),
    Rule("instrument", "vague", _instrument),
    Rule("possible", "hypothetical", _possible),
    Rule("sought", "intention", _sought),
    Rule("description", "opinion", _description),
    Rule("war_described", "background", _war_described),
    Rule("left_behind", "vague", _left_behind),
    Rule("relative_description", "vague", _relative_description),
    Rule("group_deed", "background", _group_deed),
    Rule("in_passing", "background", _in_passing),
)


# The categories of verdict that set a frame aside in a report but not in a note (``model.GENRES``): a coder's note or
# an event dataset's snippet is written about one incident its source has already counted, so "protests were reported
# in several towns", "clashes continued for a second day", "reinforcements were sent to the border" or "killed five
# in separate attacks" are how that incident is told, not a reason to doubt it. Predictions, negations, opinions,
# statements, background and duplicates stay non-events in every genre.
NOTE_KEEPS = frozenset({"aggregate", "vague", "ongoing", "deployment"})


def rejects(category: str, genre: str) -> bool:
    """Whether a verdict of ``category`` makes the frame a non-event in a document of ``genre``."""
    return not (genre == "note" and category in NOTE_KEEPS)


def judge(frame: Frame, *, dated: bool, lexicon: EventhoodLexicon, rules: tuple[Rule, ...] = RULES) -> Verdict | None:
    """The first rule that rejects the frame as an event, or None when it reports an incident."""
    for rule in rules:
        reason = rule.test(frame, dated, lexicon)
        if reason:
            return Verdict(rule.name, rule.category, reason)
    return None
