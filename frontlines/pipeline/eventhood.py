"""What counts as an event: one ordered table of named rules over an event frame.

A frame (``frames.py``) becomes an event only when it reports a discrete incident that happened: not an
aggregate or running total, not a habit, not an ongoing situation without an incident, not a deployment, not
a prediction, intention, threat, hypothesis or question, not negated, not a description of who an actor is.
Each rule reads the frame alone and returns the reason it rejects it, or None; the first rule that fires
decides, and its name and reason travel with the non-event (``Document.non_events``).

Every rule has fixture sentences of our own in ``tests/pipeline/test_eventhood.py``, run against the rule
alone, so that disabling any rule fails a test.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from frontlines.pipeline.frames import Frame

__all__ = ["RULES", "Rule", "Verdict", "judge"]


@dataclass(frozen=True)
class Verdict:
    rule: str
    category: str  # negation, prediction, intention, aggregate, habitual, ongoing, deployment, description, ...
    reason: str


@dataclass(frozen=True)
class Rule:
    name: str
    category: str
    test: Callable[[Frame, bool], str | None]  # (frame, dated: a day-precision date in the sentence) -> reason


# An infinitive after these happened, or was at least tried ("managed to take", "attempted to recapture",
# "appeared to target"): fighting took place. After any other word it is an aim ("in a bid to retake",
# "vowed to attack", "an alliance to retake", "agreed to form").
_HAPPENED_GOVERNORS = frozenset({
    "manage", "succeed", "go", "begin", "start", "continue", "force", "help", "able", "proceed", "appear", "seem",
    "attempt", "try", "move", "rush", "resume", "come", "use", "set", "launch", "gather", "march", "take", "rally",
    "assemble", "converge", "head", "return", "turn", "join"})
# what a protest after these is only planned or called for ("decided to organize", "vowed to protest")
_PLANNING = frozenset({"decide", "plan", "vow", "threaten", "call", "urge", "intend", "want", "hope", "pledge", "promise",
                       "agree", "prepare", "seek", "aim", "announce", "fail", "refuse"})
_DEPLOYMENT = frozenset({
    "deploy", "redeploy", "mobilise", "mobilize", "dispatch", "amass", "station", "position", "reinforce", "mass",
    "build", "send", "move", "receive"})
_CESSATION = frozenset({"subside", "abate", "wane", "ease", "calm", "die", "quiet", "quieten", "fade"})
_FIGHTING = frozenset({"fighting", "fight", "clash", "violence", "battle", "shelling", "bombardment", "combat",
                       "hostility", "unrest", "gunfire", "firing", "exchange"})
_CONTINUATIVE = frozenset({
    "continue", "intensify", "escalate", "heat", "rage", "persist", "increase", "spread", "worsen", "grow", "go",
    "mount", "drag", "last", "remain", "keep", "become"})
_REFERENCE_VERBS = frozenset({
    "condemn", "denounce", "deplore", "decry", "blame", "criticise", "criticize", "investigate", "mourn", "regret",
    "welcome", "praise", "avenge", "ignore", "commemorate", "remember", "recall", "deny", "attribute", "discuss",
    "describe", "show", "depict", "film", "record", "broadcast", "publish", "post"})
_TRUCES = frozenset({"ceasefire", "cease-fire", "truce", "armistice", "accord", "agreement", "deal"})
# a truce is an event where it is made or starts: "signed a ceasefire", "a truce took effect"
_MAKING = frozenset({"sign", "reach", "agree", "broker", "announce", "declare", "conclude", "strike", "seal", "approve",
                     "accept", "negotiate", "secure", "mediate", "ink", "finalise", "finalize"})
_STARTING = frozenset({"take", "come", "enter", "begin", "start", "hold", "set"})
_ACCIDENT = re.compile(r"\b(?:drown(?:ed|ing|ings)?|capsiz(?:ed|es|ing)|shipwreck\w*|suffocat\w*|boat (?:sank|sinking)|"
                       r"rescue (?:operations?|efforts?|teams?|workers?)|migrant boats?|"
                       r"plane crash|car crash|road accident|traffic accident|building collapse\w*|stampede)\b",
                       re.IGNORECASE)


def _negated(f: Frame, dated: bool) -> str | None:
    return f"negated ('{f.negation}')" if f.negation and f.negation != "without" else None


def _modal(f: Frame, dated: bool) -> str | None:
    if f.modal is None:
        return None
    return f"not reported as done: modal '{f.modal}'"


# "blocked the road to protest", "lit bonfires to protest against the vote": a protest is the purpose of a deed
# done, and so took place with it
_PROTEST_PURPOSES = frozenset({"protest", "demonstrate", "denounce", "demand", "condemn", "rally", "march", "voice",
                               "express", "show", "decry", "mark", "commemorate", "oppose", "reject", "call"})


def _aim(f: Frame, dated: bool) -> str | None:
    if f.governor is None:
        return None
    if f.governor in _HAPPENED_GOVERNORS and (f.governor_finite or f.governor in ("able", "appear", "seem")):
        return None
    if f.lemma in _PROTEST_PURPOSES and f.governor_finite and f.governor not in _PLANNING:
        return None

    return f"an aim, not a deed: '{f.governor} to {f.trigger}'"


def _deployment(f: Frame, dated: bool) -> str | None:
    if dated and f.dep not in ("acl", "amod", "relcl"):
        return None  # "dispatched jets on 16 February" to bomb: the day tells the strike
    if f.lemma in _DEPLOYMENT or (f.nominal and f.lemma in ("reinforcement", "deployment", "mobilisation",
                                                            "mobilization", "build-up", "buildup")):
        return f"a deployment, not an incident ('{f.trigger}')"
    return None


_HARM = re.compile(r"\b(?:die|died|dead|death|body|bodies|kill|drown|missing|casualt|fatalit|victim|perish|corpse)")


def _accident(f: Frame, dated: bool) -> str | None:
    """Deaths by drowning, a capsized boat, a crash: a disaster, not political violence (the deaths only:
    "residents protested after a boat capsized" is still a protest)."""
    if not _HARM.match(f.lemma) and not _HARM.search(f.trigger.lower()):
        return None
    m = _ACCIDENT.search(f.sentence)
    return f"an accident, not political violence ('{m.group()}')" if m else None


# People, not incidents: "two suicide bombers died", "over 100 hostages" count people.
_PEOPLE = re.compile(r"(?:er|or|ist|man|men|ian|ier|age|ee|ant|people|person|troop|force|child|children|resident|"
                     r"insurgent|rebel|police|member|family|families|youth|crowd|body|bodies|dead|victim)s?$")


_EPISODE = 5
_MUNITIONS = re.compile(r"(?:rocket|missile|shell|grenade|bomb|mortar|round|bullet|device|ied|mine|barrel|projectile|"
                        r"shot|munition|explosive)s?$")


def _aggregate(f: Frame, dated: bool) -> str | None:
    """A count or series of incidents ("more than 2,400 airstrikes since March", "a series of bombings",
    "five checkpoint attacks in the last eight months"), unless the sentence dates it to one day ("four air
    strikes overnight": one raid)."""
    if not f.nominal or not f.plural or _PEOPLE.search(f.lemma) or _MUNITIONS.search(f.lemma):
        return None  # people and munitions are counted in one incident ("fired dozens of rockets")
    # a few incidents told together ("five grenade attacks", "twin car bombs") are one episode unless a span
    # of time spreads them; many, or a series, are an aggregate
    counted = (f.count or 0) > _EPISODE or f.quantifier is not None or ((f.count or 0) >= 2 and f.span_cue)
    if counted and (not dated or f.span_cue):
        what = f.quantifier or str(f.count)
        return f"an aggregate of incidents ('{what} {f.trigger}')"
    if f.span_cue and not dated:
        return f"incidents over a span of time ('{f.span_cue}')"
    return None


def _habitual(f: Frame, dated: bool) -> str | None:
    if f.habit_cue and not dated:
        return f"habitual, not one incident ('{f.habit_cue}')"
    return None


def _ongoing(f: Frame, dated: bool) -> str | None:
    """A situation told in the present progressive ("fighting is taking place", "forces are making gains"),
    as a state ("there are snipers on the rooftops", "the bombing continues"), or one that has grown
    ("fighting has intensified"), with no day that dates an incident. A headline's plain present ("rebels
    seize town") tells a past incident and passes."""
    if dated or f.reported:
        return None
    if f.present and not f.perfect and (f.progressive or f.existential or f.predicate in _CONTINUATIVE):
        how = "there is" if f.existential else f.predicate
        return f"an ongoing situation told in the present ('{how}')"
    if f.perfect and f.present and (f.predicate in _CONTINUATIVE or f.span_cue):
        return f"an ongoing situation ('has {f.predicate}'{', ' + repr(f.span_cue) if f.span_cue else ''})"
    return None


def _cessation(f: Frame, dated: bool) -> str | None:
    if f.nominal and f.lemma in _FIGHTING and f.dep in ("nsubj", "nsubjpass") and f.head_lemma in _CESSATION:
        return f"the end of fighting, not an incident ('{f.trigger} ... {f.head_lemma}')"
    return None


def _continuation(f: Frame, dated: bool) -> str | None:
    if f.nominal and f.dep in ("nsubj", "dobj") and f.head_lemma in _CONTINUATIVE and not dated:
        return f"a situation going on ('{f.trigger} ... {f.head_lemma}')"
    return None


def _reference(f: Frame, dated: bool) -> str | None:
    """An incident named as the object of a judgement ("condemned Thursday's attacks"): told elsewhere."""
    if f.nominal and f.dep in ("dobj", "pobj") and f.head_lemma in _REFERENCE_VERBS:
        return f"a reference to an incident ('{f.head_lemma} ... {f.trigger}'), not its report"
    if f.nominal and f.dep == "pobj" and f.head_lemma in ("for", "over", "about") and f.predicate in _REFERENCE_VERBS:
        return f"a reference to an incident ('{f.predicate} ... {f.trigger}'), not its report"
    return None


def _description(f: Frame, dated: bool) -> str | None:
    """A participle that describes an actor ("the militias attacking the airport are affiliated with ..."):
    who they are, not what happened."""
    if f.pos == "VERB" and f.dep == "acl" and f.tag == "VBG" and not dated:
        return f"describes a group ('{f.trigger}'), reports no incident"
    return None


def _imperative(f: Frame, dated: bool) -> str | None:
    return "a command to the reader, not a report" if f.imperative else None


def _thought(f: Frame, dated: bool) -> str | None:
    return f"the writer's own thought ('{f.thinker}')" if f.thinker else None


def _running_total(f: Frame, dated: bool) -> str | None:
    """A toll counted over time or without a day ("26 people had so far been killed", "it did not say when")."""
    if f.total_cue and not f.nominal:
        return f"a running total or undated toll ('{f.total_cue}')"
    return None


def _state(f: Frame, dated: bool) -> str | None:
    """Who holds what, told as a state ("areas still occupied by the group")."""
    if f.still and not dated:
        return f"a state of affairs ('still ... {f.trigger}'), not an incident"
    return None


def _truce_state(f: Frame, dated: bool) -> str | None:
    """A truce or deal named as a state of affairs ("there was a ceasefire", "its truce with the army"): an
    agreement is an event where it is signed, reached or starts."""
    if not f.nominal or f.lemma not in _TRUCES:
        return None
    if f.dep in ("dobj", "nsubjpass", "pobj", "conj") and (f.head_lemma in _MAKING or f.predicate in _MAKING):
        return None
    if f.dep in ("nsubj", "nsubjpass") and (f.head_lemma in _STARTING or f.predicate in _STARTING):
        return None
    if f.modifiers & _MAKING:
        return None  # "a ceasefire deal negotiated between the two sides"
    return f"a truce named as a state ('{f.trigger}'), not one made here"


def _relative_description(f: Frame, dated: bool) -> str | None:
    """A relative clause that tells what a group did to unnamed places ("the places they captured")."""
    if f.pos == "VERB" and f.dep == "relcl" and f.head_plural and not dated and not f.relative_subject:
        return f"describes '{f.trigger}' in passing, reports no incident"
    return None


# An incident as the subject of what it shows or means ("the killing of civilians shows their desperation",
# "the latest attack reflects their weakness", "the attack comes weeks after ..."): commentary on an
# incident told elsewhere.
_MEANING = frozenset({"show", "reflect", "underscore", "underline", "highlight", "demonstrate", "suggest", "indicate",
                      "signal", "prove", "represent", "illustrate", "expose", "reveal", "mark", "raise", "come",
                      "follow", "mean", "remain", "unfold"})
_POSSIBLE = frozenset({"risk", "threat", "fear", "danger", "possibility", "prospect", "likelihood", "chance", "spectre",
                       "specter", "prevention", "warning"})


def _commentary(f: Frame, dated: bool) -> str | None:
    if f.nominal and f.dep == "nsubj" and f.head_lemma in _MEANING and not dated:
        return f"what the incident shows ('{f.trigger} ... {f.head_lemma}'), not its report"
    return None


def _possible(f: Frame, dated: bool) -> str | None:
    """An incident named as a risk ("at high risk of cross-border attacks", "fears of new clashes")."""
    if f.nominal and f.dep == "pobj" and f.head_lemma == "of" and f.governor_noun in _POSSIBLE:
        return f"a possibility, not an incident ('{f.governor_noun} of {f.trigger}')"
    return None


# A weapon worn, carried, used or planted is the instrument of an incident told elsewhere ("some wearing
# explosive belts", "armed with sniper rifles", "an IED was used in the blast"), not an incident of its own.
_WEAPONS = re.compile(r"(?:belt|vest|rifle|gun|device|ied|bomb|grenade|rpg|missile|rocket|mortar|explosive|weapon|"
                      r"launcher|sniper|drone|jet|aircraft|artillery|shell|ammunition|tank|vehicle)s?$")
_HOLDING = frozenset({"wear", "carry", "use", "arm", "equip", "plant", "possess", "have", "bring", "mount", "load",
                      "pack", "hide", "store", "smuggle", "supply", "deliver", "sell", "buy", "acquire", "receive"})


_HARMED = re.compile(r"\b(?:kill\w*|dead|died|wound\w*|injur\w*|destroy\w*|damag\w*|hit|struck|exploded|detonated)\b",
                     re.IGNORECASE)


def _instrument(f: Frame, dated: bool) -> str | None:
    if not f.nominal or not _WEAPONS.search(f.lemma) or _HARMED.search(f.sentence):
        return None  # a weapon in a sentence that tells its harm is the incident's means ("IEDs planted by the
        # Taliban destroyed two vehicles, killing ...")
    if f.dep in ("dobj", "nsubjpass") and f.head_lemma in _HOLDING:
        return f"an instrument ('{f.head_lemma} ... {f.trigger}'), not an incident"
    if f.dep == "pobj" and f.head_lemma == "with" and f.predicate in _HOLDING:
        return f"an instrument ('{f.predicate} with {f.trigger}'), not an incident"
    return None


def _since_clause(f: Frame, dated: bool) -> str | None:
    """An incident that dates another ("ever since IS was driven out of the city, ..."): background."""
    return f"background: what '{f.marker}' dates another situation from" if f.marker == "since" else None


# what an agreement is an agreement to: a truce, a withdrawal or an exchange is made there and then; anything
# else ("agreed to form a joint force", "agreed to increase cooperation") is a plan
_AGREED_DEEDS = frozenset({"stop", "cease", "halt", "end", "withdraw", "exchange", "release", "swap", "surrender",
                           "lay", "disarm", "hand", "evacuate", "free", "observe", "respect", "implement", "sign"})


def _agreed_plan(f: Frame, dated: bool) -> str | None:
    if f.lemma == "agree" and f.complement and f.complement not in _AGREED_DEEDS:
        return f"an agreed plan ('agreed to {f.complement}'), not an agreement made of a truce or an exchange"
    return None


RULES: tuple[Rule, ...] = (
    Rule("imperative", "opinion", _imperative),
    Rule("thought", "opinion", _thought),
    Rule("negated", "negation", _negated),
    Rule("modal", "prediction", _modal),
    Rule("aim", "intention", _aim),
    Rule("agreed_plan", "intention", _agreed_plan),
    Rule("since_clause", "background", _since_clause),
    Rule("deployment", "deployment", _deployment),
    Rule("accident", "accident", _accident),
    Rule("aggregate", "aggregate", _aggregate),
    Rule("habitual", "aggregate", _habitual),
    Rule("running_total", "aggregate", _running_total),
    Rule("state", "ongoing", _state),
    Rule("truce_state", "background", _truce_state),
    Rule("cessation", "statement", _cessation),
    Rule("continuation", "ongoing", _continuation),
    Rule("ongoing", "ongoing", _ongoing),
    Rule("reference", "statement", _reference),
    Rule("commentary", "opinion", _commentary),
    Rule("instrument", "vague", _instrument),
    Rule("possible", "hypothetical", _possible),
    Rule("description", "opinion", _description),
    Rule("relative_description", "vague", _relative_description),
)


def judge(frame: Frame, *, dated: bool, rules: tuple[Rule, ...] = RULES) -> Verdict | None:
    """The first rule that rejects the frame as an event, or None when it reports an incident."""
    for rule in rules:
        reason = rule.test(frame, dated)
        if reason:
            return Verdict(rule.name, rule.category, reason)
    return None
