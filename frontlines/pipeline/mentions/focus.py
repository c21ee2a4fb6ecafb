"""Which countries a document is about, read from its mentions and wording: the country focus.

The mention stage reads it (a name the NER calls a person that is a town of that country) and the place stage
weighs namesakes by it, so it lives here, before both: evidence from actors the dictionary knows, countries and
unambiguous regions named, demonyms, unit words only one country uses, and names several of which one country
explains at once. ``designated`` reads a designator off a place name ("Talogan city", "Helmand province").
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TypeVar

from frontlines import fastre
from frontlines.knowledge.actors import ActorKB
from frontlines.knowledge.gazetteer import Gazetteer, Place, normalise
from frontlines.model import Document

__all__ = ["ATTRIBUTIVE", "FOLLOWING", "Weights", "country_focus", "credible", "designated"]

_K = TypeVar("_K")


class Weights(dict[_K, float]):
    """A tally of float weights: a missing key reads 0.0 (and is not added), ``add`` sums another tally in;
    a ``collections.Counter`` with float values, typed as one."""

    def __missing__(self, key: _K) -> float:
        return 0.0

    def add(self, other: Mapping[_K, float]) -> None:
        for key, weight in other.items():
            self[key] += weight


# a country named as whose someone or something is ("the US president's decision", "US forces", "a Kenyan-led
# mission" aside): a modifier, not where the event happened
ATTRIBUTIVE = fastre.compile(r"(?:['’]s)?\s+(?:(?:vice[- ])?president|decision|forces|troops|military|army|navy|marines|"
                             r"air ?force|air ?strikes?|drones?|embassy|ambassador|envoy|officials?|government|"
                             r"administration|authorities|citizens?|nationals?|special forces|soldiers|policy|sanctions|"
                             r"delegation|secretary|state department|congress|recognition|announcement|counterparts?|parliament|"
                             r"prime minister|premier|central bank)\b",
                             re.IGNORECASE)
_MODIFIER_WEIGHT = 0.5  # a country named as a modifier ("US forces"): less than its demonym, far less than the place
_DEMONYM = fastre.compile(r"\b[A-Z][a-z]+(?:ese|ian|ish|an|i|ic|ean|ch)\b")
# words for administrative units that only one country uses: "Guma LGA", "Doba woreda"
_COUNTRY_CUES = ((fastre.compile(r"\b(?:LGAs?|Local Government Areas?)\b"), "NG"),
                 (fastre.compile(r"\b(?:woredas?|kebeles?)\b", re.I), "ET"),
                 (fastre.compile(r"£\s?\d|\b(?:councillors?|Borough Council|District Council|MPs?)\b"), "GB"),
                 (fastre.compile(r"\b(?:RCMP|MPPs?|MLAs?|Ont\.|Que\.|B\.C\.)(?!\w)"), "CA"))
# American local institutions and formats: each distinct one found adds to the US (up to three)
# (the word boundary only before the word alternatives: "$15" and "(555)" follow a space, where \b fails)
_US_CUES = fastre.compile(r"\b(?:Police Department|Sheriff['’]s (?:Office|Department)|County (?:Commission|Jail|Sheriff)|"
                          r"Elementary School|Township|[DR]-[A-Z][a-z]+,|Interstate \d+|"
                          r"\d+ (?:[NSEW]\. )?[A-Z][a-z]+ (?:St|Ave|Blvd|Rd|Dr)\.)|(?<![\w$])(?:\(\d{3}\) ?|\d{3}[-. ])\d{3}-\d{4}\b|"
                          r"(?<![A-Z\w])\$\d")


def country_focus(doc: Document, gaz: Gazetteer, kb: ActorKB, towns: frozenset[str] = frozenset(),
                  demonyms: bool = True) -> Weights[str]:
    """ISO2 -> weight: which countries this document is about. Evidence: actors the dictionary knows,
    countries and unambiguous regions named, demonyms, unit words only one country uses ("LGA"), and the
    country that explains several of the document's place names at once ("between Boni and Douentza").
    A name matched only by a GeoNames alternate spelling is no evidence ("Boni" is not Bonn)."""
    focus: Weights[str] = Weights()
    explained: dict[str, dict[str, float]] = {}
    seen: set[str] = set()
    modifiers: set[str] = set()
    for m in doc.mentions:
        if m.kind == "place" and ATTRIBUTIVE.match(doc.text, m.end) \
                and (country := gaz.country_by_name(m.text)) is not None and gaz.lookup(m.text)[0].feature == "country":
            if normalise(m.text) not in modifiers:  # "the US president's decision", "US forces": whose, not where
                modifiers.add(normalise(m.text))
                focus[country.country] += _MODIFIER_WEIGHT
            continue
        if m.kind == "actor" and m.country:
            focus[m.country] += 1.0
        elif m.kind == "actor" and m.id is None and m.reason.startswith("NER"):
            region = next((p for p in gaz.lookup(m.text) if p.feature == "admin1" and not p.alias), None)
            if region is not None:  # "Jonglei", "Kasai" tagged ORG: still a region of one country
                focus[region.country] += 1.0
        elif m.kind == "place" and normalise(m.text) not in seen:  # a repeated name is no new evidence
            seen.add(normalise(m.text))
            if _unknown_region(m.text, doc.text[m.end:m.end + 80], gaz):
                continue  # "Bam Province" where no province is called so: the town Bam abroad says nothing
            _place_evidence(focus, explained, m.text, gaz, normalise(m.text) in towns)
    for iso, names in explained.items():
        if len(names) >= 2:  # one country explains several names jointly (less so for names found everywhere)
            focus[iso] += 0.75 * (len(names) - 1) * sum(names.values()) / len(names)
    words, cued, us = _text_cues(doc.text)
    for demonym in words if demonyms else ():
        of_country = kb.country_for_demonym(demonym)
        if of_country:
            focus[of_country] += 1.0
    for iso in cued:
        focus[iso] += 1.5
    if us:
        focus["US"] += min(3.0, float(us))
    return focus


@lru_cache(maxsize=4)
def _text_cues(text: str) -> tuple[tuple[str, ...], tuple[str, ...], int]:
    """What ``country_focus`` reads off the text alone, once per text (the mention and place stages ask three
    times): the demonym-like words in order, the countries whose unit words it uses, and how many distinct
    US cues it has."""
    us = {fastre.sub(r"\d+", "0", cue.group())[:8] for cue in _US_CUES.finditer(text)}
    return (tuple(m.group() for m in _DEMONYM.finditer(text)),
            tuple(iso for cue, iso in _COUNTRY_CUES if cue.search(text)), len(us))


def _place_evidence(focus: Weights[str], explained: dict[str, dict[str, float]], text: str, gaz: Gazetteer,
                    town: bool = False) -> None:
    candidates = [p for p in gaz.lookup(text) if credible(p) and not (town and p.feature in ("country", "continent"))]
    if not candidates:
        return
    norm = normalise(text)
    countries = {p.country for p in candidates}
    for p in candidates:
        if p.feature not in ("country", "continent"):
            explained.setdefault(p.country, {})[norm] = 1.0 / len(countries)
    regions = [p for p in candidates if p.feature == "admin1"]
    if candidates[0].feature == "country" and regions:
        focus[candidates[0].country] += 1.0  # "Georgia": the country or a US state, let the rest decide
        focus[regions[0].country] += 1.0
    elif candidates[0].feature == "country":
        focus[candidates[0].country] += 3.0
    elif len(countries) == 1:
        big = any(p.feature in ("admin1", "admin2") or p.population >= 100_000 for p in candidates)
        focus[countries.pop()] += 2.0 if big else 0.3  # a small namesake is weak evidence
    else:
        exact = [p for p in candidates if normalise(p.name) == norm] or candidates[:1]
        biggest: dict[str, int] = {}
        for p in exact:  # "Beni": the town of that name, not "El Beni"
            biggest[p.country] = max(biggest.get(p.country, 0), p.population)
        weights = {iso: math.sqrt(pop + 1_000) for iso, pop in biggest.items()}  # Tripoli: Libya's, then Lebanon's
        total = sum(weights.values())
        for iso, weight in weights.items():
            focus[iso] += 0.3 * weight / total


def _unknown_region(text: str, after: str, gaz: Gazetteer) -> bool:
    """The text names a province or state ("Soum Province") and the gazetteer knows no region of that name."""
    name, hint = designated(text, after, gaz)
    return hint == "admin1" and not any(p.feature in ("admin1", "region") for p in gaz.lookup(name))


def credible(p: Place) -> bool:
    """A candidate that can speak for its country: matched by its own name, or a country, a region or a
    big city under another name ("UK", "Mecca"); not a town under a GeoNames alternate spelling."""
    return not p.alias or p.feature in ("country", "admin1", "continent") or p.population >= 500_000


_DESIGNATOR = {"city": "city", "town": "city", "village": "city", "township": "city", "province": "admin1",
               "state": "admin1", "governorate": "admin1", "district": "admin2", "county": "admin2",
               "parish": "admin2", "municipality": "admin2"}
_TRAILING = fastre.compile(rf"^(?P<name>.+?)\s+(?P<kind>{'|'.join(_DESIGNATOR)})$", re.I)
FOLLOWING = fastre.compile(rf"^\s+(?P<kind>{'|'.join(_DESIGNATOR)})\b|^(?-i:(?:(?:,|,? and|/|&)\s+[A-Z][\w'’]*(?: [A-Z][\w'’]*)?)*)"
                        r"\s+(?P<plural>counties|parishes)\b", re.I)


def designated(text: str, after: str, gaz: Gazetteer | None = None) -> tuple[str, str | None]:
    """("Talogan city", "") -> ("Talogan", "city"); ("Helmand", " province, ...") -> ("Helmand", "admin1").
    County names keep their suffix ("Levy County" is the gazetteer's name), and so do towns named so
    ("Kansas City", "Boulder City")."""
    m = _TRAILING.match(text)
    if m and gaz is not None and any(p.feature == "city" and normalise(p.name) == normalise(text)
                                     for p in gaz.lookup(text)):
        return text, "city"
    if m and m.group("kind").lower() not in ("county", "parish"):
        return m.group("name"), _DESIGNATOR[m.group("kind").lower()]
    if m:
        return text, "admin2"
    f = FOLLOWING.match(after)
    if f and f.group("plural"):
        return text, "admin2"  # "Becker, Clay and Swift counties"
    return text, _DESIGNATOR[f.group("kind").lower()] if f else None
