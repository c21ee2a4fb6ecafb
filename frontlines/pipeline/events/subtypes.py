"""Sub-event refinements read from the whole sentence once a trigger family has been chosen.

* A protest escalates: deaths, shootings or beatings of the protesters by the authorities are excessive
  force; dispersal, tear gas or arrests are an intervention; clashes, fires or thrown objects by the
  protesters make it a violent demonstration.
* A territorial capture with no resolved actor is typed by who the sentence says took it: state forces
  (army, troops, government forces) regain territory, armed groups overtake it.
* Deaths with no perpetrator in an accident, disaster or poisoning are not political violence.
"""

from __future__ import annotations

import re
from typing import Any

from frontlines import fastre
from frontlines.knowledge.ontology import Ontology

__all__ = ["capture_side", "commentary_on_events", "context_of", "criminal", "crowd_fight", "industrial_accident", "intervened", "non_conflict",
           "peaceful_transfer", "protest_escalation", "withdrawal_under_fire"]

_FORCE = fastre.compile(
    r"\b(?:protesters?|protestors?|demonstrators?|marchers|students|crowds?)\b[^.;]{0,60}?\b(?:were|was|have been|had been)?\s*"
    r"(?:killed|shot(?! down)|died|wounded|injured|beaten)\b|\b(?:killed|shot|shooting|beat|beating|injured|wounded|"
    r"attacks?|attacked|assault(?:ed|ing)?|"
    r"fired (?:live )?(?:rounds|bullets|ammunition) (?:at|on|into)|opened fire on)\s+(?:\w+\s+){0,3}?(?:against\s+|on\s+)?"
    r"(?:\w+\s+)?(?:protesters?|protestors?|demonstrators?|crowds?|demonstration|protest|protesting)\b|\b(?:live (?:rounds|ammunition|bullets)|"
    r"excessive force|violently (?:suppress|disperse)\w*|suppress(?:ed|ing)? (?:\w+ ){0,3}(?:protests?|demonstrations?)|"
    r"crack(?:ed|s)? down on|(?:violent )?crackdown on|baton\w*|beat(?:ing|en)? (?:them|him|her) (?:severely|badly|up)|"
    r"shot and killed|fatal attacks|"
    # the marchers told before and fired on as 'them' ("When the marchers reached the compound, the militiamen inside
    # opened fire on them"): only read in a protest's own telling
    r"(?:opened fire|fired(?: live)?(?: rounds| bullets| shots)?) (?:on|at|into) them)\b", re.IGNORECASE)
# People hurt while the authorities broke a protest up: serious force ("scores hurt when police fired tear gas").
_HURT = fastre.compile(r"\b(?:\d+|dozens|scores|many|several|one|two|three|four|five)\s+(?:\w+\s+){0,3}?(?:were|was)?\s*"
                       r"(?:injured|wounded|hurt|hospitali[sz]ed|harmed)\b", re.IGNORECASE)
_INTERVENTION = fastre.compile(r"\b(?:dispers(?:e|ed|ing|al)|tear ?gas\w*|water cannons?|rubber bullets|broke up|broken up|"
                               r"chas(?:e|ed|ing) (?:\w+ ){0,2}(?:protesters|demonstrators|students|crowds?)|intervened|"
                               r"(?:arrested|detained|rounded up) (?:\w+ ){0,3}(?:protesters|demonstrators|activists|people|students)|"
                               r"arrests|(?:were|been) (?:arrested|detained))\b", re.IGNORECASE)
# What the demonstrators themselves do that makes a protest a riot (the authorities' force does not).
_VIOLENT = fastre.compile(r"\b(?:clash(?:es|ed)?|scuffl\w*|(?:turned|became|turn|grew) (?:very )?violent|"
                          r"violent (?:protests?|demonstrations?|clashes|rall(?:y|ies))|riot(?:s|ed|ing|ers)?(?! (?:police|gear|squad|"
                          r"control|officers?|units?|troops|shields))|"
                          r"throw(?:s|n|ing)? (?:\w+ ){0,2}(?:stones|rocks|projectiles|bottles|objects|petrol bombs)|threw|hurl\w*|"
                          r"projectiles|torch\w*|set (?:\w+ ){0,3}(?:on fire|alight|ablaze)|burn(?:ed|t|ing) (?:\w+ ){0,2}(?:tyres|tires|cars|"
                          r"vehicles|buildings|property|shops|offices|stations?)|(?:light|lit|lighting|started|set) (?:\w+ )?fires?|"
                          r"stones|rocks|petrol bombs|molotov|loot\w*|vandali[sz]\w*|pull(?:ed|s)? down|stormed|broke into|smash\w*|"
                          r"rampag\w*|barricad\w*|block(?:s|ed|ing)? (?:\w+ ){0,2}(?:roads?|railways?|rail lines?|highways?|thoroughfares|"
                          r"motorways?|crossroads|axis|intersections?|roundabouts?|(?-i:[RNAM]\d+))|attack(?:ed|ing)? (?:\w+ ){0,2}(?:police|officers|security forces)|confrontations?)\b",
                          re.IGNORECASE)
_STATE = fastre.compile(r"\b(?:army|armed forces|military|troops|soldiers|government(?:'s)? forces|regime forces|"
                        r"security forces|troopers|government|state forces|national army)\b", re.IGNORECASE)
_ARMED = fastre.compile(r"\b(?:rebels?|militants?|insurgents?|jihadists?|fighters|militias?|group|separatists?|"
                        r"terrorists?|guerrillas?|extremists?)\b", re.IGNORECASE)
_DISASTER = fastre.compile(
    r"\b(?:accidents?|crash(?:ed|es)?|collisions?|collided|derail\w*|capsiz\w*|sank|poison\w*|toxic|leak(?:ed|s)?|"
    r"floods?|flooding|earthquakes?|quakes?|landslides?|storms?|cyclones?|hurricanes?|typhoons?|tornado\w*|"
    r"wildfires?|blaze|fire broke out|fires? (?:are|were|is|was) burning|heat ?wave|drought|famine|epidemic|outbreak|"
    r"overdose|illness(?:es)?|diseases?|sickness|cholera|malaria|measles|ebola|natural causes|starvation|lost control|tsunamis?|volcan\w*|eruptions?|torrential rains?|downpours?|avalanches?|mudslides?|"
    r"gas (?:leaks?|bungle)|leaked from|propane|gas cylinders?|containers? exploded|industrial (?:area|site|plant|waste)|"
    r"(?:chemical|fireworks?) (?:factory|plant|warehouse|depot)|after consuming|food poisoning|contaminated|"
    r"(?:plant|factory|warehouse|mine|refinery|pipeline|boiler|gas cylinder|tanker) (?:\w+ ){0,2}explo\w*|"
    r"explosions? (?:\w+ ){0,4}(?:plant|factory|warehouse|industrial|chemical)|drowned|stampede|collapsed?)\b",
    re.IGNORECASE)
_PERPETRATOR = fastre.compile(r"\b(?:gunmen|attack(?:ers?|ed|s)?|assailants?|militants?|rebels?|insurgents?|terror\w*|"
                              r"shot|stabbed|murder\w*|bomb(?:er|ing)s?|suicide|troops|soldiers|police|army|militia\w*|"
                              r"jihadists?|sabotage)\b", re.IGNORECASE)


_CRIME = fastre.compile(r"\b(?:counterfeit|fake (?:currency|notes|money)|drugs?|narcotics?|cocaine|heroin|cannabis|marijuana|"
                        r"methamphetamine|shabu|contraband|smuggl\w*|traffick\w*|robb(?:ed|ery|eries|er|ers)|theft|thie(?:f|ves)|"
                        r"fraud\w*|money laundering|cyber ?crime|hack(?:ed|ers?|ing)|poach\w*|bribe\w*|extortion)\b",
                        re.IGNORECASE)
_POLITICAL = fastre.compile(r"\b(?:militants?|rebels?|insurgents?|jihadists?|terror\w*|extremists?|separatists?|militias?|"
                            r"opposition|activists?|protesters?|journalists?|politic\w*|armed groups?)\b", re.IGNORECASE)
_REFERENCE = fastre.compile(
    r"\b(?:sanctions?|expel(?:s|led|ling)? (?:\w+ ){0,2}diplomats?|summon(?:s|ed)? (?:\w+ ){0,3}(?:ambassador|envoy)|"
    r"(?:claim(?:s|ed)?|took|takes|taking|accept(?:s|ed)?|den(?:y|ies|ied)) (?:\w+ ){0,2}(?:responsibility|credit)|"
    r"claim(?:s|ed)? (?:the|this|that|both|these|those) (?:\w+ ){0,2}(?:attacks?|bombings?|blasts?|assaults?|killings?|"
    r"operations?|explosions?)|"
    r"(?:is|are|was|were|be|held) (?:\w+ ){0,2}responsible for|accusations (?:against|that)|"
    r"blam(?:es|ed|ing) (?:\w+ ){0,3}for|urg(?:es|ed) (?:\w+ ){0,4}to impose)\b", re.IGNORECASE)


_INDUSTRIAL = fastre.compile(r"\b(?:leak(?:ed|s|ing)?|factory|plant|industrial|stored|storage|warehouse|refinery|tanker|"
                             r"pipeline|consum(?:ed|ing)|contaminat\w*)\b", re.IGNORECASE)


def industrial_accident(sentence: str) -> bool:
    """A toxic release from industry or food, not a chemical weapon (no perpetrator named)."""
    return non_conflict(sentence) and bool(_INDUSTRIAL.search(sentence))


def criminal(sentence: str) -> bool:
    """Ordinary crime (drugs, counterfeits, smuggling, robbery) with no political or armed actor named."""
    return bool(_CRIME.search(sentence)) and not _POLITICAL.search(sentence)


def commentary_on_events(sentence: str) -> bool:
    """Diplomacy or attribution about violence (sanctions over, responsibility for, accusations after),
    not a report of the violence itself."""
    return bool(_REFERENCE.search(sentence))


def intervened(sentence: str) -> bool:
    """The sentence tells the authorities' intervention on a crowd (dispersal, tear gas, arrests, force)."""
    return bool(_INTERVENTION.search(sentence) or _FORCE.search(sentence))


def protest_escalation(sentence: str, *, minimum: str | None = None) -> str | None:
    """The protest sub-event the wording makes of a protest, or None to keep it peaceful (ACLED: demonstrators
    who use violence riot, whatever the response; peaceful protesters met with lethal or injuring force suffer
    excessive force; dispersal, tear gas or arrests are an intervention). ``minimum`` is what the trigger itself says."""
    if _VIOLENT.search(sentence):
        return "Violent demonstration"
    accident = bool(_DISASTER.search(sentence))
    if (_FORCE.search(sentence) and not accident) or (_HURT.search(sentence) and _INTERVENTION.search(sentence)):
        return "Excessive force against protesters"
    if minimum == "Excessive force against protesters":
        return minimum
    if _INTERVENTION.search(sentence):
        return "Protest with intervention"
    return minimum


_CROWD = fastre.compile(r"\b(?:students?|pupils?|supporters?|youths?|residents?|villagers?|migrants?|(?:taxi |bus |moto |motorcycle )?"
                        r"drivers?|operators?|traders?|vendors?|hawkers?|touts?|squatters?|workers?|unionists?|factions?|fans|inmates|prisoners|mobs?|crowds?|"
                        r"rioters|protesters|demonstrators|civilians|christians|muslims|worshippers|congregants|parishioners|miners|dwellers|"
                        r"neighbou?rhoods|famil(?:y|ies)|moto-?taxis?|okadas?|boda[ -]?bodas?|members of (?:the |a |an )?(?:\w+ ){0,3}"
                        r"(?:church|party|parties|association|union|congregation|mosque|clubs?|movement)|"
                        r"groups? of (?:\w+ )?(?:people|youths?|men|civilians|students|pupils))\b",
                        re.IGNORECASE)
_POLICE = fastre.compile(r"\b(?:police(?:m[ae]n| officers?| forces)?|security forces|gendarmes?|riot police|officers?)\b", re.IGNORECASE)


def crowd_fight(agents: str, clause: str, onto: Ontology) -> str | None:
    """Violence by unorganised people (ACLED's rioters): 'Mob violence' among civilians, 'Violent demonstration'
    against the police; None when an armed, organised group takes part. ``agents`` is the text naming the side
    that acts (for mutual fighting, the whole clause)."""
    if not _CROWD.search(agents):
        return None
    armed = [m.group() for m in onto.combatant_nouns.finditer(clause)
             if not _POLICE.fullmatch(m.group()) and m.group().lower() not in ("member", "members")]
    if armed or _ARMED.search(clause) or _CROWDLESS.search(clause):
        return None
    return "Violent demonstration" if _POLICE.search(clause) else "Mob violence"


_CROWDLESS = fastre.compile(r"\b(?:communit(?:y|ies)|clans?|ethnic|tribes?|tribal|herders?|herdsmen|farmers?|gunmen|"
                            r"armed (?:men|groups?|youths?|civilians|supporters)|soldiers?|troops|arm(?:y|ies)|self-defen[cs]e|cattle raid\w*|raiders|"
                            r"livestock|rustl\w*)\b", re.IGNORECASE)


def capture_side(before_trigger: str) -> str | None:
    """Territory taken by the state or by an armed group, from the words before the capture trigger."""
    if _STATE.search(before_trigger):
        return "Government regains territory"
    if _ARMED.search(before_trigger):
        return "Non-state actor overtakes territory"
    return None


def non_conflict(sentence: str) -> bool:
    """An accident, disaster or poisoning with no perpetrator named: not an ACLED event."""
    return bool(_DISASTER.search(sentence)) and not _PERPETRATOR.search(sentence)


_PEACEFUL = fastre.compile(r"\b(?:withdr(?:ew|awn|awal|awing)|pull(?:ed|s|ing)? out|retreat(?:ed|s)? from|abandon(?:ed|ing)|"
                           r"deserted|without (?:any |a )?(?:resistance|fight|fighting|a shot)|(?:no|not encountered any|offered no|"
                           r"met no|little) resistance|unopposed|hand(?:ed|s|ing)? over|handover)\b", re.IGNORECASE)


def peaceful_transfer(sentence: str, context: str) -> bool:
    """Territory changing hands without fighting: a withdrawal, a handover, no resistance in the sentence, and no
    fighting or bombardment told around it (ACLED's non-violent transfer of territory)."""
    return bool(_PEACEFUL.search(sentence)) and not _FOUGHT.search(_UNFOUGHT.sub("", context))


_HELD_NOW = fastre.compile(r"now (?:holds?|controls?|(?:is|are) in (?:full )?control of)$", re.IGNORECASE)
_BROAD_HOLDING = fastre.compile(r"\b(?:(?:much|most|parts|large parts|swaths|swathes|stretches|the rest|a third|half|"
                                r"areas|pockets)\s+of|since)\b", re.IGNORECASE)


def held_territory(trigger: str, clause: str) -> str | None:
    """Why a statement of who holds ground is no transfer, or None: "the group now holds the towns of A, B and
    C" tells a change of hands (ACLED codes a non-violent transfer per town), but a holding told as the sum of a
    history ("has since expanded and now controls much of the west") is a situation, not a transfer."""
    if not _HELD_NOW.match(trigger.strip()):
        return None
    broad = _BROAD_HOLDING.search(clause)
    return f"a holding summed up ('{broad.group()}'), not a change of hands" if broad else None


def withdrawal_under_fire(sentence: str) -> bool:
    """A withdrawal told as the end of a fight in the same sentence ("an exchange of gunfire, after which the
    rebels withdrew"): the battle's outcome, not a transfer of its own. Fighting that did not happen ("without
    any clashes") is no fight."""
    return bool(_FOUGHT.search(_UNFOUGHT.sub("", sentence)))


_UNFOUGHT = fastre.compile(r"\b(?:without|no|avoid(?:ed|ing)?|averted|before any)\s+(?:any\s+|a\s+)?(?:\w+\s+)?"
                           r"(?:clash(?:es)?|fighting|battles?|resistance|shots? (?:being )?fired|bloodshed|gunfire)\b", re.IGNORECASE)


_FOUGHT = fastre.compile(r"\b(?:clash(?:es|ed)?|fierce|heavy fighting|battl(?:e|es|ed|ing)|fought|after fighting|pound\w*|"
                         r"exchanges? of (?:gun)?fire|gunfire|firefights?|repulsed|repelled|routed|"
                         r"shell(?:ed|ing|s)|(?:air ?)?strikes|bombard\w*|attack(?:s|ed)?|killed)\b", re.IGNORECASE)


def context_of(doc: Any, st: Any) -> str:
    """The sentence and the next two of its paragraph: how an event unfolded ("... The police dispersed them")."""
    block = doc.block_at(st.start)
    limit = block.end if block is not None else st.end
    following = [s.text for s in doc.statements if st.end <= s.start < limit][:2]
    return " ".join([st.text, *following])
