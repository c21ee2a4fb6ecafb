"""Modality of an event: asserted, claimed, uncertain, negated, future or hypothetical.

Decided from cue words in the clause (mostly those before the trigger, where English puts
negation, modals and conditionals), the sentence's stance, and who is speaking: a party to the
event reporting its own deed or its enemy's losses is a claim (what it suffered is not: the event stage
passes only the agent as a party), and so is an accusation
("accused the LNA of shelling"); a neutral reporter is not.
Precedence: negated > hypothetical > future > claimed > uncertain > asserted.
"""

from __future__ import annotations

import re

from frontlines import fastre
from frontlines.knowledge.ontology import Ontology
from frontlines.model import Modality, Statement

__all__ = ["OWN_CLAIM", "claims_responsibility", "disowned", "modality_of"]

_REPORTED_FUTURE = fastre.compile(r"\b(?:said|says|announced|vowed|warned|threatened|pledged)\b[^.;]{0,40}?\b(?:would|will)\b",
                                  re.IGNORECASE)
# Triggers that report harm to people: only these are negated by 'no casualties' / 'no one was killed'.
_CASUALTY_TRIGGER = fastre.compile(r"(?:kill|dead|die|death|casualt|injur|wound|fatalit|murder)", re.IGNORECASE)
_WINDOW = 60  # characters before the trigger in which a cue governs it
# a group owning an incident: "claimed responsibility for the bombing", "said it was behind Saturday's explosion"
_RESPONSIBILITY = fastre.compile(
    r"\b(?:claim(?:s|ed|ing)?|took|takes|accept(?:s|ed)?|admitted) (?:\w+ ){0,2}(?:responsibility|credit)\b|"
    r"\bclaim(?:s|ed)? (?:the|this|that|both|these|those) (?:\w+ ){0,2}(?:attacks?|bombings?|blasts?|assaults?|killings?|"
    r"operations?|explosions?)\b|\bsaid (?:it|they) (?:was|were|had been) behind\b", re.IGNORECASE)
_DISOWNED = fastre.compile(r"\b(?:no|not|never|nobody|none|denied|den(?:y|ies))\b[^.]{0,20}(?:claim|responsib|behind)|"
                           # "It did not say who planted the device", "police could not say who fired the rockets"
                           r"\b(?:did|does|do|could|would)(?: not|n['’]t) (?:say|tell|know|identify|name) who\b", re.IGNORECASE)
# the reason an incident owned by its perpetrator's claim carries (an asserted event whose actor is the claimant)
OWN_CLAIM = "its perpetrator by its own claim"


def disowned(sentence: str) -> bool:
    """The sentence says no one owns the incident ("no one has yet claimed responsibility for Friday's bombing")."""
    return bool(_DISOWNED.search(sentence))


def claims_responsibility(sentence: str) -> bool:
    """A group owns an incident in the sentence ("IS later claimed responsibility", "the Taliban said it was behind
    Saturday's explosion"); "no group has claimed responsibility" owns nothing."""
    return bool(_RESPONSIBILITY.search(sentence)) and not _DISOWNED.search(sentence)


def _owned(clause: str, trigger_pos: int) -> bool:
    """The trigger is what a group owns: "claimed responsibility for Saturday's suicide car bombing" (the incident
    right after the claim), not "took responsibility for the attack, claiming it avenged Israel's airstrikes"."""
    owned = list(_RESPONSIBILITY.finditer(clause, 0, trigger_pos))
    owning = owned[-1] if owned else None
    return owning is not None and not _DISOWNED.search(clause) \
        and bool(fastre.fullmatch(r"[\s,]*(?:for|of)?\s*(?:[\w'’-]+\s+){0,4}", clause[owning.end():trigger_pos]))


_ACCUSES = fastre.compile(r"\b(?:accus(?:ed|es|ing)|blam(?:ed|es|ing))\b[^.;]*$", re.IGNORECASE)  # "accused the LNA of shelling"
# a deed told after the accusation, in a clause of its own ("..., accused of sheltering the attackers, and killed")
_COORDINATED = fastre.compile(r",\s+and\s+(?:then\s+)?(?:\S+\s+)?$")
# the doers' own grievance after their deed ("ransacked the party's offices, accusing the government of ..."): why
# they acted, not an accusation of the deed
_GRIEVANCE = fastre.compile(r",\s*$")
# what the people a deed befell are accused of, in a relative clause after the deed ("detained a lawyer whom the
# authorities accuse of leading the protests"): the accusation is of them, the deed is told as fact
_WHOM = fastre.compile(r"\b(?:whom|who|that)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}$", re.IGNORECASE)


def _claim_cue(onto: Ontology, clause: str, trigger_pos: int) -> str | None:
    """A claim cue in the clause, unless it is an accusation by the doers after their deed (their grievance)."""
    m = onto.cues["claimed"].search(clause)
    if m is not None and m.start() > trigger_pos and m.group().lower().startswith("accusing") \
            and _GRIEVANCE.search(clause, 0, m.start()):
        m = onto.cues["claimed"].search(clause, m.end())
    while m is not None and m.start() > trigger_pos and m.group().lower().startswith("accuse") \
            and _WHOM.search(clause, max(trigger_pos, m.start() - 40), m.start()):
        m = onto.cues["claimed"].search(clause, m.end())
    return m.group() if m else None


# a denial of what another party said, and all the that-clause tells ("denied an Israeli army claim that it had used a
# UN position as cover for launching rockets", "rejected reports that its fighters shelled the camp")
_DENIED_THAT = fastre.compile(r"\b(?:den(?:ied|ies|y|ying)|rejected|dismissed|refuted)\b[^.;:]{0,40}?\b(?:claims?|reports?|"
                              r"accusations?|allegations?|charges?|suggestions?)\b[^.;:]{0,20}?\bthat\b", re.IGNORECASE)
# a trigger told as not yet done ("Peace talks ... have yet to be given a date", "the offensive is yet to begin")
_YET_TO = fastre.compile(r"(?:\s+(?!(?:which|that|who|where|but|after|before|while|as)\b)[\w,-]+){0,8}?\s+"
                         r"(?:has|have|is|are|was|were) yet to\b", re.IGNORECASE)


def _word_at(text: str, pos: int) -> str:
    m = fastre.match(r"[\w-]+(?: [\w-]+)?", text[pos:])
    return m.group() if m else ""


# a possibility, not a report: "militants could attack the port", "the offensive might stall"
_POSSIBLE_BEFORE = fastre.compile(r"\b(?:could|might|may)\s+(?!have\b|not\b|n't\b|never\b)(?:\w+\s+){0,2}$")
_POSSIBLE_AFTER = fastre.compile(r"^[\w-]+(?:\s+[\w-]+)?\s+(?:could|might|may)\s+(?!have\b|not\b|n't\b|never\b)\w+")


# nobody as the subject the trigger's verb is told of ("no one has been arrested", "nobody was kidnapped"), not a
# subject with a verb of its own before the trigger ("nobody claimed the attack": the attack happened)
_NOBODY_BEFORE = fastre.compile(r"\b(?:no one|no-one|nobody)\s+(?:(?:has|have|had|was|were|is|are|been|yet|so far|ever)\s+)*$",
                                re.IGNORECASE)


# the people a deed befell, told as suspected or accused of something ("two men suspected of taking part in the
# attack", "a trader accused of spying"): the suspicion is theirs, the deed is told as fact
_OF_THE_PEOPLE = fastre.compile(r"\b(?:suspected|accused|alleged) (?:of|to (?:be|have))\b", re.IGNORECASE)


def _cue(onto: Ontology, name: str, text: str) -> str | None:
    m = onto.cues[name].search(text)
    return m.group() if m else None


def modality_of(
    clause: str,
    statement: Statement,
    trigger_pos: int,
    onto: Ontology,
    *,
    speaker_is_party: bool = False,
) -> tuple[Modality, str]:
    """(modality, reason) for the event whose trigger starts at ``trigger_pos`` in ``clause``."""
    before = clause[max(0, trigger_pos - _WINDOW):trigger_pos]
    after = clause[trigger_pos:trigger_pos + 40]
    negation = _cue(onto, "negated", before) or _cue(onto, "negated", after)
    denied = _DENIED_THAT.search(clause, 0, trigger_pos)
    if not negation and denied:
        negation = denied.group()  # "denied an Israeli army claim that it had used ... for launching rockets"
    if not negation and _YET_TO.match(clause, trigger_pos + len(_word_at(clause, trigger_pos))):
        negation = "yet to"
    if negation and negation.lower().startswith("without"):
        negation = None  # "took the town without fighting": a peaceful transfer happened; only the fighting did not
    if fastre.search(r"\bwithout (?:any |a )?(?:\w+ )?$", before, re.IGNORECASE):
        negation = "without"  # "without fighting", "without a shot fired": the trigger itself did not happen
    nobody = _NOBODY_BEFORE.search(before)
    if not negation and nobody:
        negation = nobody.group().strip()  # "no one has been arrested": no one underwent it
    if not negation and _CASUALTY_TRIGGER.match(clause, trigger_pos):
        negation = _cue(onto, "no_casualties", before) or _cue(onto, "no_casualties", after)
    if negation and not fastre.search(r"\bnot only\b", before, re.IGNORECASE):
        return "negated", f"negation '{negation}'"
    if statement.stance == "hypothetical" or fastre.search(r"\bif\b", before, re.IGNORECASE):
        cue = _cue(onto, "hypothetical", before) or "if"
        return "hypothetical", f"conditional '{cue}'"
    future = _cue(onto, "future", before)
    reported = _REPORTED_FUTURE.search(clause)
    if future or reported:
        future = future or (reported.group() if reported else "")
        return "future", f"future cue '{future}'"
    if statement.stance == "prediction" and statement.voice == "author":
        return "future", "author's prediction"
    possible = _POSSIBLE_BEFORE.search(before[-40:]) or _POSSIBLE_AFTER.match(after)
    if possible:
        return "hypothetical", f"possibility '{possible.group().strip()}'"
    claim = _claim_cue(onto, clause, trigger_pos) or _ACCUSES.search(before)
    if isinstance(claim, re.Match) and _COORDINATED.search(claim.group()):
        claim = None  # "herders they accused of sheltering the attackers, and killed 46": what the victims were accused of
    claim = claim.group() if isinstance(claim, re.Match) else claim
    if claim and _DISOWNED.search(clause) and not _ACCUSES.search(before):
        claim = None  # "no one has yet claimed responsibility for Friday's bombing": the bombing is told as fact
    if (claim or speaker_is_party) and _owned(clause, trigger_pos):
        # ACLED codes a claimed attack with the claimant as its actor: the incident is told as fact, only its
        # author rests on the group's word (a claim to have taken a town, or of the enemy's losses, stays a claim)
        return "asserted", f"stated as fact; {OWN_CLAIM}" + (f" ('{claim}')" if claim else "")
    if claim or speaker_is_party:
        who = statement.speaker or "a party to the conflict"
        return "claimed", f"claimed by {who}" + (f" ('{claim}')" if claim else "")
    uncertain = _cue(onto, "uncertain", clause)
    if uncertain and _OF_THE_PEOPLE.search(clause[trigger_pos:]) and not _cue(onto, "uncertain", clause[:trigger_pos]) \
            and not _cue(onto, "uncertain", _OF_THE_PEOPLE.sub(" ", clause[trigger_pos:])):
        uncertain = None  # "arrested two men suspected of taking part": what the men are suspected of, not the arrest
    if uncertain:
        return "uncertain", f"hedge '{uncertain}'"
    return "asserted", "stated as fact" + (f" by {statement.source}" if statement.source else "")
