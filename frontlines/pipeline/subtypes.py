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

__all__ = ["capture_side", "commentary_on_events", "criminal", "industrial_accident", "non_conflict",
           "protest_escalation"]

_FORCE = re.compile(
    r"\b(?:protesters?|demonstrators?|marchers|students|crowds?)\b[^.;]{0,60}?\b(?:were|was|have been|had been)?\s*"
    r"(?:killed|shot(?! down)|died|wounded|injured|beaten)\b|\b(?:killed|shot|shooting|beat|beating|injured|wounded|"
    r"fired (?:live )?(?:rounds|bullets|ammunition) (?:at|on|into)|opened fire on)\s+(?:\w+\s+){0,3}?"
    r"(?:protesters?|demonstrators?|crowds?|demonstration|protest)\b|\b(?:live (?:rounds|ammunition|bullets)|"
    r"excessive force|violently (?:suppress|disperse)\w*|suppress(?:ed|ing)? (?:\w+ ){0,3}(?:protests?|demonstrations?)|"
    r"crack(?:ed|s)? down on|crackdown on|baton)\b", re.IGNORECASE)
_INTERVENTION = re.compile(r"\b(?:dispers(?:e|ed|ing|al)|tear ?gas|water cannons?|rubber bullets|broke up|broken up|"
                           r"(?:arrested|detained) (?:\w+ ){0,3}(?:protesters|demonstrators|activists))\b", re.IGNORECASE)
_VIOLENT = re.compile(r"\b(?:clash(?:es|ed)?|violen(?:t|ce)|unrest|riot\w*|throw(?:s|n|ing)?|threw|hurl\w*|torch\w*|"
                      r"set (?:\w+ ){0,3}(?:on fire|alight|ablaze)|burn(?:ed|t|ing)|stones|rocks|petrol bombs|"
                      r"molotov|debris|loot\w*|vandali[sz]\w*|pull(?:ed|s)? down|stormed|smash\w*|shut down)\b",
                      re.IGNORECASE)
_STATE = re.compile(r"\b(?:army|armed forces|military|troops|soldiers|government(?:'s)? forces|regime forces|"
                    r"security forces|troopers|government|state forces|national army)\b", re.IGNORECASE)
_ARMED = re.compile(r"\b(?:rebels?|militants?|insurgents?|jihadists?|fighters|militias?|group|separatists?|"
                    r"terrorists?|guerrillas?|extremists?)\b", re.IGNORECASE)
_DISASTER = re.compile(
    r"\b(?:accidents?|crash(?:ed|es)?|collisions?|collided|derail\w*|capsiz\w*|sank|poison\w*|toxic|leak(?:ed|s)?|"
    r"floods?|flooding|earthquakes?|quakes?|landslides?|storms?|cyclones?|hurricanes?|typhoons?|tornado\w*|"
    r"wildfires?|blaze|fire broke out|fires? (?:are|were|is|was) burning|heat ?wave|drought|famine|epidemic|outbreak|"
    r"overdose|lost control|tsunamis?|volcan\w*|eruptions?|torrential rains?|downpours?|avalanches?|mudslides?|"
    r"gas (?:leaks?|bungle)|leaked from|propane|gas cylinders?|containers? exploded|industrial (?:area|site|plant|waste)|"
    r"(?:chemical|fireworks?) (?:factory|plant|warehouse|depot)|after consuming|food poisoning|contaminated|"
    r"(?:plant|factory|warehouse|mine|refinery|pipeline|boiler|gas cylinder|tanker) (?:\w+ ){0,2}explo\w*|"
    r"explosions? (?:\w+ ){0,4}(?:plant|factory|warehouse|industrial|chemical)|drowned|stampede|collapsed?)\b",
    re.IGNORECASE)
_PERPETRATOR = re.compile(r"\b(?:gunmen|attack(?:ers?|ed|s)?|assailants?|militants?|rebels?|insurgents?|terror\w*|"
                          r"shot|stabbed|murder\w*|bomb(?:er|ing)s?|suicide|troops|soldiers|police|army|militia\w*|"
                          r"jihadists?|sabotage)\b", re.IGNORECASE)


_CRIME = re.compile(r"\b(?:counterfeit|fake (?:currency|notes|money)|drugs?|narcotics?|cocaine|heroin|cannabis|marijuana|"
                    r"methamphetamine|shabu|contraband|smuggl\w*|traffick\w*|robb(?:ed|ery|eries|er|ers)|theft|thie(?:f|ves)|"
                    r"fraud\w*|money laundering|cyber ?crime|hack(?:ed|ers?|ing)|poach\w*|bribe\w*|extortion)\b",
                    re.IGNORECASE)
_POLITICAL = re.compile(r"\b(?:militants?|rebels?|insurgents?|jihadists?|terror\w*|extremists?|separatists?|militias?|"
                        r"opposition|activists?|protesters?|journalists?|politic\w*|armed groups?)\b", re.IGNORECASE)
_REFERENCE = re.compile(
    r"\b(?:sanctions?|expel(?:s|led|ling)? (?:\w+ ){0,2}diplomats?|summon(?:s|ed)? (?:\w+ ){0,3}(?:ambassador|envoy)|"
    r"(?:claim(?:s|ed)?|took|takes|taking|accept(?:s|ed)?|den(?:y|ies|ied)) (?:\w+ ){0,2}(?:responsibility|credit)|"
    r"(?:is|are|was|were|be|held) (?:\w+ ){0,2}responsible for|accusations (?:against|that)|"
    r"blam(?:es|ed|ing) (?:\w+ ){0,3}for|urg(?:es|ed) (?:\w+ ){0,4}to impose)\b", re.IGNORECASE)


_INDUSTRIAL = re.compile(r"\b(?:leak(?:ed|s|ing)?|factory|plant|industrial|stored|storage|warehouse|refinery|tanker|"
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


def protest_escalation(sentence: str) -> str | None:
    """The protest sub-event the sentence's wording makes of a plain protest, or None to keep it peaceful."""
    if _FORCE.search(sentence):
        return "Excessive force against protesters"
    if _INTERVENTION.search(sentence):
        return "Protest with intervention"
    if _VIOLENT.search(sentence):
        return "Violent demonstration"
    return None


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
