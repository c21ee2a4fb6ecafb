"""Place resolution in document context.

Each place mention is resolved against the gazetteer with the document's country focus (from
countries named, demonyms, known actors and unambiguous places) and the places already resolved
nearby. "70 km east of Sirte" becomes an offset point with a lowered ``geo_precision`` and the anchor
kept. Names the gazetteer does not know are dropped rather than guessed.
"""

from __future__ import annotations

import difflib
import math
import re
from bisect import bisect_right
from functools import lru_cache
from itertools import pairwise
from typing import Any

from frontlines import fastre
from frontlines.knowledge.actors import ActorKB
from frontlines.knowledge.gazetteer import Gazetteer, Place, PlaceMatch, normalise
from frontlines.knowledge.geo import NearbyPoints, haversine_km, offset_point, parse_relative
from frontlines.model import Document, Mention
from frontlines.pipeline.base import content_version, stage
from frontlines.pipeline.mentions.focus import FOLLOWING, Weights, country_focus, credible, designated

__all__ = ["PlaceStage", "region_focus"]

NAME, VERSION = "frontlines.places", content_version(__name__)

# ACLED geo_precision: 1 = the named town; 2 = near/part of a region; 3 = only a larger region
_PRECISION = {"city": 1, "landmark": 1, "district": 1, "admin2": 2, "region": 2, "admin1": 3, "country": 3}
_AFTER_SUBUNIT = fastre.compile(r"\b(?:district|city|area|village|town|county|province|region)(?: center| centre)?,\s*$", re.I)
_MODIFIER = fastre.compile(r"\s+(?:conference|centre|center|street|road|hotel|square|hall|complex|building|"
                           r"hospital|university|mosque|stadium|bridge|avenue|group|agreement|accord|talks|process)\b")
# "east of Kismayo" with no distance: the place lies somewhere off the anchor, most often close by (ACLED then
# codes the anchor itself, precision 2); a short offset stays within reach of both readings
_BEARING_ONLY_KM = 10.0
# a name right after a locative preposition ("attacked in X", "near X", "the town of X")
_NEXT_DOOR_KM = 1500.0  # from the middle of the document's country: a town across its border
_LOCATED = fastre.compile(r"\b(?:in|at|near|outside|around|inside|(?:city|town|village|outskirts|area) of|"
                          r"(?:km|kms|kilomet(?:er|re)s?|miles?|north|south|east|west)\s+of|"
                          # what a strike or an assault hit: "Israeli strikes on Rafah", "the shelling of Kharkiv"
                          r"(?:air ?|drone |missile |rocket )?(?:strikes?|attacks?|raids?|assaults?|offensive) (?:on|against)|"
                          r"(?:shelling|bombing|bombardment|siege|capture|fall) of|"
                          # ground taken or pounded: "troops recaptured Lalibela", "shelled Kupiansk"
                          r"captured|recaptured|seized|retook|retaken|took control of|taken control of|stormed|besieged|"
                          r"liberated|overran|encircled|shelled|bombed|bombarded|pounded)\s+(?:the\s+)?$", re.I)
# the raw weight of the leading country (demonyms aside) below which a report's country is only a guess (one
# small namesake): no reason to drop a place of another country as a namesake abroad
_FIRM_FOCUS = 1.0

# a name used as a municipality ("the Lebanon City Council", "City of Athens", "a Paris woman"): a town, never
# the country of that name, and no famous namesake's evidence
_MUNICIPAL_AFTER = fastre.compile(r"(?:['’]s)? (?:City Council|[Cc]ity [Cc]ouncil|[Cc]ity [Mm]anager|Mayor|mayor|Police Department|"
                                  r"Fire Department|Public Library|Street Department|Elementary|High School|Middle School|"
                                  r"Township|Parks and Recreation|(?:man|woman|couple|teen|girl|boy)\b)")
_MUNICIPAL_BEFORE = fastre.compile(r"(?:\b(?:City|Town|Village|city|town|village) of|\d+ [A-Z][\w.]*(?: [A-Z][\w.]*)? "
                                   r"(?:St|Ave|Rd|Dr|Blvd|Street|Avenue|Road)\.?,)\s*$")


def municipal_names(doc: Document) -> frozenset[str]:
    """Normalised names the document uses as a municipality somewhere."""
    out = set()
    for m in doc.mentions:
        if m.kind == "place" and (_MUNICIPAL_AFTER.match(doc.text, m.end)
                                  or _MUNICIPAL_BEFORE.search(doc.text[max(0, m.start - 40):m.start])):
            out.add(normalise(m.text))
    return frozenset(out)


def _no_region(names: frozenset[str], gaz: Gazetteer) -> frozenset[str]:
    """Towns among ``names``: a region's own name stays a region ("Texas residents", "the Ontario government")."""
    return frozenset(n for n in names if not any(p.feature == "admin1" and not p.alias for p in gaz.lookup(n)))


def _spelling_of(text: str, name: str) -> bool:
    """"Jenin" spells "Jinin"; "Passover" does not spell "Mountain City", nor "Sgt" "Stuttgart"."""
    a, b = normalise(text), normalise(name)
    return len(a) > 3 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.6



def region_focus(matches: list[PlaceMatch], joint: Weights[tuple[str, str]] | None = None) -> dict[tuple[str, str], float]:
    """(country, admin1) -> share of the document's places in that region; a region named outright
    ("Texas", "W.Va.") counts double. ``joint`` adds the regions that explain several names at once
    (``joint_regions``): local news rarely names its own state."""
    counts: Weights[tuple[str, str]] = Weights()
    for match in matches:
        p = match.place
        if p.admin1 and p.feature not in ("country", "continent") and (joint is None or p.feature == "admin1"):
            counts[(p.country, p.admin1)] += 2.0 if p.feature == "admin1" else 1.0
    counts.add(joint or Weights())
    total = sum(counts.values())
    return {key: n / total for key, n in counts.items()} if total >= 2 else {}


def joint_regions(names: list[str], gaz: Gazetteer, weights: dict[str, float]) -> Weights[tuple[str, str]]:
    """Regions that hold a namesake of several of the document's names ("Becker, Clay, Douglas" are all
    in Minnesota): the names' shared region, each name counted once and weighed by how few regions
    carry it. Only regions with two or more names, in countries the document is about."""
    support: Weights[tuple[str, str]] = Weights()
    hits: dict[tuple[str, str], int] = {}
    for norm in sorted(set(names)):
        regions = {(p.country, p.admin1) for p in gaz.lookup(norm) if p.admin1 and credible(p)
                   and p.feature not in ("country", "continent") and weights.get(p.country, 0.0) >= 0.1}
        for key in regions:
            support[key] += 1.0 / math.sqrt(len(regions))
            hits[key] = hits.get(key, 0) + 1
    return Weights({key: support[key] for key, n in hits.items() if n >= 2})


@lru_cache(maxsize=4)
def _state_names_regex(names: frozenset[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return fastre.compile(rf"(?<![\w.-])(?:{body})(?![\w-])(?! (?:City|County|Parish|Avenue|Street|Ave|St)\b)")


def _us_state_names(gaz: Gazetteer) -> frozenset[str]:
    """US state names that name the state before anything else: not a name a big city elsewhere bears
    ("Washington": the capital too)."""
    from frontlines.knowledge.gazetteer_build import curated_data

    out = set()
    for name in curated_data().get("us_states", {}):
        found = gaz.lookup(name)
        state = next((p for p in found if p.feature == "admin1" and p.country == "US" and not p.alias), None)
        if state is None or any(p.feature == "city" and not p.alias and p.population >= 100_000
                                and p.admin1 != state.admin1 for p in found):
            continue
        out.add(name)
    return frozenset(out)


def named_states(doc: Document, gaz: Gazetteer, weights: dict[str, float]) -> Weights[tuple[str, str]]:
    """(US, state) -> twice how often (up to twice) a US state is named outside the document's place mentions:
    in a name ("the Texas Department of Public Safety", "Florida Highway Patrol") or where the
    mention stage did not take it. Local news names its state in its institutions; only for documents
    about the US before any other country."""
    us = weights.get("US", 0.0)
    if us < 0.3 or any(w > us for w in weights.values()):
        return Weights()
    spans = [(m.start, m.end) for m in doc.mentions if m.kind == "place"]
    found: Weights[tuple[str, str]] = Weights()
    for m in _state_names_regex(_us_state_names(gaz)).finditer(doc.text):
        if any(s < m.end() and m.start() < e for s, e in spans):
            continue
        state = next(p for p in gaz.lookup(m.group()) if p.feature == "admin1" and p.country == "US")
        key = ("US", state.admin1 or "")
        found[key] = min(4.0, found[key] + 2.0)  # as a state mention counts in ``region_focus``
    return found


def pair_support(names: list[str], gaz: Gazetteer, weights: dict[str, float], km: float = 60.0) -> dict[str, float]:
    """Place id -> how many of the document's other names have a namesake close by (within ``km``), each
    name weighed by how rare it is: "Richmond" and "Madison County" together point to the Richmond that
    lies in a Madison County. Candidates in countries the document is about only."""
    cands: dict[str, list[Place]] = {}
    for norm in sorted(set(names))[:40]:
        found = [p for p in gaz.lookup(norm) if credible(p) and p.feature not in ("country", "continent", "admin1")
                 and weights.get(p.country, 0.0) >= 0.1]
        if found:
            cands[norm] = sorted(found, key=lambda p: -p.population)[:40]
    support: dict[str, float] = {}
    keys = list(cands)
    regions = {n for n in keys if any(p.feature in ("country", "admin1") and not p.alias for p in gaz.lookup(n))}
    for a in keys:
        if a in regions:
            continue  # "New York", "Mexico": the region or country keeps its name, close towns or not
        for b in keys:
            if a == b:
                continue
            rarity = 1.0 / math.sqrt(len(cands[b]))
            for p in cands[a]:
                if any(abs(p.latitude - q.latitude) < 1.0 and haversine_km(p.latitude, p.longitude, q.latitude,
                                                                          q.longitude) < km for q in cands[b]):
                    support[p.id] = support.get(p.id, 0.0) + rarity
    return support


_BEFORE_REGION = fastre.compile(r"(?:\s*\([^()]{1,40}\)|\))?(?:\s+(?:district|county|parish|city|town|village|area|woreda|LGA)(?: cent(?:er|re))?)?,\s{0,2}", re.I)


def _within(doc: Document, m: Mention, following: list[Mention], first: dict[int, PlaceMatch | None],
            gaz: Gazetteer | None = None) -> Place | None:
    """The region or country right after "NAME, " ("Charleston, W.Va.", "Pandi, Bulacan"). Not inside a
    list of names ("Becker, Clay and Swift counties"). When the region's first guess holds no namesake
    of NAME, the namesake region that does ("Mansfield, Richland County": the Richland County by Mansfield)."""
    if not following or following[0].kind != "place":
        return None
    nxt = following[0]
    if not _BEFORE_REGION.fullmatch(doc.text[m.end:nxt.start]):
        return None
    f = FOLLOWING.match(doc.text[m.end:m.end + 200])
    if f and f.group("plural"):
        return None
    match = first.get(id(nxt))
    if match is None or match.place.feature not in ("admin1", "country", "admin2"):
        return None
    region = match.place
    if gaz is not None and region.feature == "admin2":
        region = _holding_namesake(designated(m.text, "", gaz)[0], nxt.text, region, gaz)
    return region


_BRACKETED = fastre.compile(r"\s*\([^()]{1,40}\)")


def _after_brackets(doc: Document, i: int) -> list[Mention]:
    """The mention after ``doc.mentions[i]``, past the other name in brackets right after it ("Shalgar (Andar)
    district, Ghazni": Ghazni)."""
    m = doc.mentions[i]
    brackets = _BRACKETED.match(doc.text, m.end)
    stop = brackets.end() if brackets else m.end
    mentions = doc.mentions  # walked from i on, not copied: a long report has thousands after it
    return next(([mentions[j]] for j in range(i + 1, len(mentions)) if mentions[j].start >= stop), [])


def _holding_namesake(name: str, region_name: str, region: Place, gaz: Gazetteer) -> Place:
    """The namesake of ``region`` (a county) that has a place called ``name`` close by: the biggest such pair."""
    towns = [p for p in gaz.lookup(name) if p.feature not in ("country", "continent", "admin1") and not p.alias]
    if any(p.country == region.country and p.admin1 == region.admin1 for p in towns):
        return region
    best: tuple[int, Place] | None = None
    for r in gaz.lookup(region_name):
        if r.feature != region.feature or r.country != region.country or r.alias:
            continue
        for p in towns:
            if p.country == r.country and p.admin1 == r.admin1 \
                    and haversine_km(p.latitude, p.longitude, r.latitude, r.longitude) < 60:
                if best is None or p.population + r.population > best[0]:
                    best = (p.population + r.population, r)
    return best[1] if best else region


_BEARING = fastre.compile(r"(?:north|south|east|west)(?:[\s-]*(?:east|west))?", re.I)
_DISTANCE_BEFORE = fastre.compile(r"\d\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+$", re.I)


def _bearings(doc: Document) -> None:
    """Drop compass words the mention stage took for a region: "c. 11 km south east of X" names a bearing
    ("South East" is a district of Botswana), and a region's name is not written in lower case."""
    doc.mentions = [m for m in doc.mentions if not (
        m.kind == "place" and _BEARING.fullmatch(m.text)
        and (m.text.islower() or _DISTANCE_BEFORE.search(doc.text[max(0, m.start - 20):m.start])))]


_COMPASS = fastre.compile(r"^(?:(?:North|South)(?:east|west)?|East|West|Central|Northern|Southern|Eastern|Western|[NSEW]\.)\s+")


_NOT_INSTITUTION = fastre.compile(r"\b(?:Street|St|Road|Rd|Avenue|Ave|Drive|Dr|Lane|Boulevard|Blvd|Way|Highway|Bypass|Lake|River|"
                                  r"Bay|Ocean|Creek|Hills?|Heights|Ridge|Lawn|Mall|Club|Cemetery|Stadium|Abbey|Restaurant|"
                                  r"Seafood|Room|Zone|Memorial|Cent(?:er|re)|Olympics|Reading|Nursing|streets)\b")


def _known_part(text: str, gaz: Gazetteer) -> tuple[int, str] | None:
    """(offset, name) of the place inside a name the gazetteer lacks: "Boone County Jail" -> Boone County,
    "Greer City Hall" -> Greer, "Northeast Georgia" -> Georgia (an institution or a part of a place)."""
    compass = _COMPASS.match(text)
    if compass and gaz.lookup(text[compass.end():]):
        return compass.end(), text[compass.end():]
    words = list(fastre.finditer(r"\S+", text))
    for n in range(len(words) - 1, 0, -1):
        head = fastre.sub(r"(?:['’]s?|,)$", "", text[:words[n - 1].end()])
        if (_NOT_INSTITUTION.search(text[words[n - 1].end():]) and not head.endswith(" County")) \
                or _COMPASS.match(head + " "):
            return None  # "Bridge Street", "Cedar Lake": the name of a street or a feature, not of its town
        if head[:1].isupper() and any(not p.alias and normalise(p.name) == normalise(head)
                                      and (n > 1 or p.population >= 5_000) for p in gaz.lookup(head)):
            return 0, head
    return None


def _shrink(doc: Document, places: list[Mention], gaz: Gazetteer) -> None:
    """Cut each place mention the gazetteer cannot name down to the place it starts with."""
    for m in places:
        if gaz.lookup(designated(m.text, "", gaz)[0]) or gaz.abbreviation(m.text) is not None:
            continue  # "W. Va." is West Virginia, not "Va." after a compass letter
        part = _known_part(m.text, gaz)
        if part is not None:
            m.start += part[0]
            m.text = part[1]
            m.end = m.start + len(part[1])


def _inside(place: Place, region: Place) -> bool:
    return region.feature == "country" or place.admin1 == region.admin1 or place.feature in ("admin1", "country")


def _region_holding(town: Mention, region: Mention, matches: dict[int, PlaceMatch | None],
                    gaz: Gazetteer) -> PlaceMatch | None:
    """The namesake of the region written after a town that holds the town, where the region alone resolved to
    another ("Macon, Georgia": the US state, not the country; "Lahore, Punjab": Pakistan's Punjab), or None."""
    placed, alone = matches.get(id(town)), matches.get(id(region))
    if placed is None or alone is None or placed.place.feature in ("country", "admin1") \
            or alone.place.feature not in ("country", "admin1") or _inside(placed.place, alone.place) \
            and alone.place.country == placed.place.country:
        return None
    holding = [p for p in gaz.lookup(region.text) if not p.alias and p.country == placed.place.country
               and (p.feature == "country" or (p.feature == "admin1" and p.admin1 == placed.place.admin1))]
    if not holding:
        return None
    return PlaceMatch(holding[0], alone.score, f"{holding[0].name}, {holding[0].country}: the region that holds "
                                              f"{placed.place.name}, written after it; beat {alone.place.name} "
                                              f"({alone.place.country}, {alone.place.feature})")


def _fallback(match: PlaceMatch, region: Place) -> PlaceMatch:
    """"Muqur district, Badghis" where the only Muqur is in another province: the province, not a wrong town."""
    return PlaceMatch(region, match.score, f"no {match.place.name} inside {region.name}: the region itself")


# a unit word right after a name (or after its other name in brackets): "Maywand district", "Shalgar) district"
_UNIT_NEXT = fastre.compile(r"\)?\s+(?:districts?|provinces?|city|town|village|area)\b")
_UNIT_END = fastre.compile(r"\s+(?:district|province|city|town|village|area)$", re.I)


def _unit_names(doc: Document, gaz: Gazetteer) -> None:
    """A name the NER took for an unknown organisation or person that the text names as a unit ("in Upper Kala of
    Maywand district", "Narang Wa Badil districts"): the place the gazetteer knows inside it, the last such name
    first ("Maywand"), else the first ("Narang"). Known actors are left alone."""
    out: list[Mention] = []
    for m in doc.mentions:
        if m.kind != "actor" or m.id is not None or not m.reason.startswith("NER"):
            out.append(m)
            continue
        body = _UNIT_END.sub("", m.text)
        if body == m.text and not _UNIT_NEXT.match(doc.text, m.end):
            out.append(m)
            continue
        words = list(fastre.finditer(r"[^\s()]+", body))
        spans = [(words[i].start(), words[-1].end()) for i in range(len(words))]  # tails, longest first
        spans += [(words[0].start(), words[j].end()) for j in range(len(words) - 2, -1, -1)]  # then heads
        for a, b in spans:
            name = body[a:b]
            if name[:1].isupper() and len(name) > 2 and any(p.feature not in ("country", "continent")
                                                            for p in gaz.lookup(name)):
                out.append(Mention(name, m.start + a, m.start + b, "place", stage=m.stage, confidence=0.0,
                                   reason=f"{m.reason}: a unit's name the gazetteer knows"))
                break
        else:
            out.append(m)
    doc.mentions = sorted(out, key=lambda x: (x.start, -x.end))


def _run_together(doc: Document, gaz: Gazetteer, weights: dict[str, float]) -> None:
    """Drop two small towns' names written as one name with a space between, each placed abroad ("Dashti Barchi", a
    Kabul neighbourhood the gazetteer lacks, read as a town of Iran and one of Italy in an Afghan report). Where
    either name is a country, a region, a county or a town of 50,000 or more, or lies in a country the report is
    about, both stay ("Vancouver Island", "Edwardsville Township")."""
    places = sorted((m for m in doc.mentions if m.kind == "place" and m.country), key=lambda m: m.start)
    top = max(weights, key=lambda iso: (weights[iso], iso)) if weights else None
    drop: set[int] = set()
    for a, b in pairwise(places):
        if doc.text[a.end:b.start] == " " and a.text[:1].isupper() and b.text[:1].isupper() \
                and all(m.country != top and weights.get(m.country or "", 0.0) < 0.34 for m in (a, b)) \
                and not any((p.feature in ("country", "admin1", "admin2", "continent") or p.population >= 50_000)
                            and not p.alias for m in (a, b) for p in gaz.lookup(m.text)):
            drop.update((id(a), id(b)))
    if drop:
        doc.mentions = [m for m in doc.mentions if id(m) not in drop]


class _CountriesNamed:
    """The countries the document names as places, by sentence: "Cairo ... small towns across the US" names the US
    beside Cairo, so a small Cairo of the US keeps the name against Cairo, Egypt (``Gazetteer._famous_over``)."""

    def __init__(self, doc: Document, places: list[Mention], first: dict[int, PlaceMatch | None]) -> None:
        sentences = sorted((s.start, s.end) for s in doc.statements)
        self._starts = [a for a, _ in sentences]
        self._sentences = sentences
        self._by_sentence: dict[int, set[tuple[str, str]]] = {}
        for m in places:
            match = first[id(m)]
            if match is not None and match.place.feature == "country" and (k := self._sentence(m)) is not None:
                self._by_sentence.setdefault(k, set()).add((match.place.country, ""))

    def _sentence(self, m: Mention) -> int | None:
        k = bisect_right(self._starts, m.start) - 1
        return k if k >= 0 and m.start < self._sentences[k][1] else None

    def around(self, m: Mention) -> frozenset[tuple[str, str]]:
        """(country, "") of each country named in the sentence of ``m``."""
        k = self._sentence(m)
        return frozenset(self._by_sentence.get(k, ())) if k is not None else frozenset()


class PlaceStage:
    name, version = NAME, VERSION
    requires = ("document.text", "document.statements", "document.mentions[actor,place]")
    assigns = ("document.mentions[place]", "mention.place", "document.country_focus")

    def __init__(self, gazetteer: Gazetteer, kb: ActorKB) -> None:
        self.gaz = gazetteer
        self.kb = kb

    def __call__(self, doc: Document) -> Document:
        _unit_names(doc, self.gaz)
        _bearings(doc)
        towns = _no_region(municipal_names(doc), self.gaz)
        focus = country_focus(doc, self.gaz, self.kb, towns)
        total = sum(focus.values()) or 1.0
        weights = {iso: w / total for iso, w in focus.items()}
        # who the actors or the places are, not whose nationals took part ("South Sudanese raiders")
        firm = max(country_focus(doc, self.gaz, self.kb, towns, demonyms=False).values(), default=0.0) >= _FIRM_FOCUS
        ranked = sorted(focus.items(), key=lambda kv: (-round(kv[1], 9), kv[0]))  # ties: by code, never by hash order
        doc.country_focus = [iso for iso, _ in ranked[:3]]
        places = [m for m in doc.mentions if m.kind == "place"]
        _shrink(doc, places, self.gaz)
        # pass 1: each name on its own (country focus only); pass 2: with the regions and places found
        resolved: dict[tuple[Any, ...], PlaceMatch | None] = {}  # pass 1: the same name in the same words resolves alike
        first = {id(m): self._match(doc, m, weights, {}, [], None, towns, firm=firm, memo=resolved) for m in places}
        joint = joint_regions([normalise(designated(m.text, "", self.gaz)[0]) for m in places], self.gaz, weights)
        states = named_states(doc, self.gaz, weights)
        joint.add(states)
        named = frozenset(states) | {(x.place.country, x.place.admin1 or "") for x in first.values()
                                     if x is not None and x.place.feature == "admin1"}
        regions = region_focus([x for x in first.values() if x is not None], joint)
        support = pair_support([normalise(designated(m.text, "", self.gaz)[0]) for m in places], self.gaz, weights)
        second: dict[int, PlaceMatch | None] = {}
        anchored: dict[str, PlaceMatch] = {}
        pairs: list[tuple[Mention, Mention]] = []  # "Macon, Georgia": (the town, the region written after it)
        anchors = self._anchors(places, first)
        countries = _CountriesNamed(doc, places, first)
        views: dict[str, NearbyPoints] = {}
        resolved = {}
        for i, m in enumerate(doc.mentions):
            if m.kind != "place":
                continue
            label = normalise(m.text)
            near = views[label] if label in views else views.setdefault(label, anchors.without(label))
            following = _after_brackets(doc, i)
            within = _within(doc, m, following, first, self.gaz)
            if within is not None:
                pairs.append((m, following[0]))
            second[id(m)] = match = self._match(doc, m, weights, regions, near, within, towns, support,
                                                    firm=firm, named=named | countries.around(m), memo=resolved)
            if within is not None and match is not None and _inside(match.place, within) \
                    and match.place.feature not in ("country", "admin1"):
                anchored.setdefault(self._key(m), match)
        for town, region in pairs:
            second[id(region)] = _region_holding(town, region, second, self.gaz) or second[id(region)]
        kept: list[Mention] = []
        for m in doc.mentions:
            if m.kind != "place":
                kept.append(m)
                continue
            match = second[id(m)]
            one = anchored.get(self._key(m))
            if one is not None and match is not None and match.place.id != one.place.id \
                    and match.place.feature == one.place.feature:
                # one sense per document: "Springfield, Ohio" once, then "Springfield" is that Springfield
                match = PlaceMatch(one.place, one.score, f"{one.reason}; as placed elsewhere in the document")
            if match is not None:
                self._assign(doc, m, match)
                kept.append(m)
        doc.mentions = kept
        _run_together(doc, self.gaz, weights)
        return doc

    def _key(self, m: Mention) -> str:
        return normalise(designated(m.text, "", self.gaz)[0])

    def _anchors(self, places: list[Mention], first: dict[int, PlaceMatch | None]) -> NearbyPoints:
        """The places resolved on their own that can anchor their neighbours, labelled with the normalised
        text of the name (a name is no anchor for itself), each place once, in a spatial index (the gazetteer
        only asks whether any is near): built once per document, so a long report costs one pass over its
        names instead of one per pair of mentions (issue 14)."""
        anchors: dict[str, dict[str, Place]] = {}
        for o in places:
            x = first[id(o)]
            if x is None or x.place.feature in ("country", "continent"):
                continue
            found = anchors.setdefault(normalise(o.text), {})
            if x.place.id not in found and self._namesakes(o.text, x.place.country) <= 3:
                found[x.place.id] = x.place
        return NearbyPoints((text, p.latitude, p.longitude) for text, found in anchors.items() for p in found.values())

    def _namesakes(self, text: str, country: str) -> int:
        """How many places of that country bear the name: a first guess among many ("Springfield") is no
        anchor for its neighbours, a rare name ("Kanawha") is."""
        return sum(p.country == country for p in self.gaz.lookup(designated(text, "", self.gaz)[0]))

    def _match(self, doc: Document, m: Mention, weights: dict[str, float],
               regions: dict[tuple[str, str], float], near: list[Place] | NearbyPoints, within: Place | None,
               towns: frozenset[str] = frozenset(), support: dict[str, float] | None = None,
               firm: bool = True, named: frozenset[tuple[str, str]] = frozenset(),
               memo: dict[tuple[Any, ...], PlaceMatch | None] | None = None) -> PlaceMatch | None:
        """``memo``: the gazetteer's answers of this pass (``weights``, ``regions`` and ``support`` fixed), by what
        else they depend on (a long report names the same places again and again; issue 14)."""
        region_first = bool(_AFTER_SUBUNIT.search(doc.text[max(0, m.start - 30):m.start]))
        name, hint = designated(m.text, doc.text[m.end:m.end + 80], self.gaz)
        if hint is None and normalise(m.text) in towns:
            hint = "city"  # "the Lebanon City Council": the town
        key = (name, region_first and hint is None, hint, within, named,
               near.excluding if isinstance(near, NearbyPoints) else len(near))
        store = None if isinstance(near, list) and near else memo
        if store is not None and key in store:
            match = store[key]
        else:
            match = self.gaz.resolve(name, countries=weights, near=near, prefer_region=region_first and hint is None,
                                     regions=regions, within=within, hint=hint, support=support, named=named)
            if store is not None:
                store[key] = match
        if match is None:
            return None
        share = weights.get(match.place.country, 0) if weights else 1.0
        if within is not None and match.place.country == within.country:
            return match if _inside(match.place, within) else _fallback(match, within)
        located = bool(_LOCATED.search(doc.text[max(0, m.start - 40):m.start]))
        if not credible(match.place) and weights and share < 0.25 \
                and not (located and match.place.population >= 5_000 and _spelling_of(name, match.place.name)):
            return None  # only a GeoNames alternate spelling, abroad: "Limani" is not Lyman, Ukraine
        if match.place.alias and match.place.feature == "city" and match.place.population < 20_000 \
                and within is None and not _spelling_of(name, match.place.name):
            return None  # an alternate name of a small town that is no spelling of its name: a word ("Passover")
        if match.place.alias and match.place.feature == "city" and weights and firm and share < 0.1 \
                and within is None and not located:
            return None  # another country's city under one of its alternate names, with no locative word: a name
        if weights and share < 0.25 and _MODIFIER.match(doc.text, m.end):
            return None  # "the Ouagadougou conference centre" in a Libyan report: a name, not the city
        if weights and firm and max(weights.values()) >= 0.5 and share < 0.15 \
                and match.place.feature not in ("country", "continent") and match.place.population < 1_000_000 \
                and not self.gaz.is_national_capital(match.place) \
                and not (located and self._only_abroad(name, match.place, weights)) \
                and not self._sole_bearer(name, match.place) and not self._curated_by_name(name, match.place):
            return None  # a small namesake abroad in a report about another country (not a capital): not a confident match
        return match

    @staticmethod
    def _curated_by_name(name: str, place: Place) -> bool:
        """A curated place (the theatre's towns, bases, terminals) named by its own name: curated because reports
        name it, so a foreign army striking it ("Egyptian jets bombed Derna") does not make it a namesake abroad."""
        return place.id.startswith("curated:") and not place.alias and normalise(name) == normalise(place.name)

    def _sole_bearer(self, name: str, place: Place) -> bool:
        """``place`` is a big town (100,000 or more), matched by its own name, and the one place of that name that
        readers know: its namesakes elsewhere are at most a fifth of its size ("Malakal" in a report mostly about
        Sudan; "talks in Geneva" in a Libyan report, though small Genevas lie in the United States). Its own
        canton or district of the same name is no namesake."""
        if place.alias or place.population < 100_000:
            return False
        for other in self.gaz.lookup(name):
            if other.id == place.id or other.feature in ("country", "continent") or other.population * 5 <= place.population:
                continue
            if other.feature in ("admin1", "admin2") and other.country == place.country \
                    and haversine_km(place.latitude, place.longitude, other.latitude, other.longitude) <= 60:
                continue  # the town's own province or district
            return False
        return True

    def _only_abroad(self, name: str, place: Place, weights: dict[str, float]) -> bool:
        """``place`` lies in a country next to the one the document is mostly about, and so does every namesake of it
        (none in that country): "attacked in Zemio" in a report whose actors are Sudanese names the
        Central African town (the actors' country says who, not where)."""
        main = {iso for iso, w in weights.items() if w >= 0.15}
        found = [p for p in self.gaz.lookup(name) if p.feature not in ("country", "continent")]
        if any(p.country in main for p in found):
            return False
        iso = max(weights, key=lambda iso: (weights[iso], iso))
        top = self.gaz.country(iso)
        if top is None:
            return False
        # the country's middle or its capital (Russia's middle lies in Siberia, a long way from Ukraine's towns)
        anchors = [(top.latitude, top.longitude), *([capital[1:]] if (capital := self.gaz.national_capital(iso)) else [])]
        # one place of that name, or namesakes only in the countries next door ("Israeli strikes on Rafah": Gaza's
        # Rafah and Egypt's, across the border from it)
        return all(min(haversine_km(p.latitude, p.longitude, lat, lon) for lat, lon in anchors) <= _NEXT_DOOR_KM
                   for p in [place, *(p for p in found if not p.alias)])

    def _assign(self, doc: Document, m: Mention, match: PlaceMatch) -> None:
        place = match.place
        m.canonical, m.id = place.name, place.id
        m.latitude, m.longitude = place.latitude, place.longitude
        m.country, m.admin1, m.feature = place.country, place.admin1, place.feature
        m.gazetteer_id = place.gazetteer_id
        m.geo_precision = _PRECISION.get(place.feature, 1)
        m.confidence = match.score
        m.stage = stage(self)
        m.reason = match.reason
        self._apply_relative(doc, m, place)

    def _apply_relative(self, doc: Document, m: Mention, anchor: Place) -> None:
        window_start = max(0, m.start - 60)
        rel = parse_relative(doc.text[window_start:m.end])
        if rel is None or window_start + rel.end != m.end:
            return
        if rel.bearing_deg is None and rel.distance_km is None:
            # "near Derna", "outskirts of Sirte": the anchor's point, ACLED precision 2
            m.geo_precision = max(m.geo_precision or 1, 2)
            m.anchor = anchor.name
            return
        km = rel.distance_km if rel.distance_km is not None else _BEARING_ONLY_KM
        bearing = rel.bearing_deg if rel.bearing_deg is not None else 0.0
        m.latitude, m.longitude = offset_point(anchor.latitude, anchor.longitude, km, bearing)
        m.anchor = anchor.name
        m.feature = "relative"
        m.geo_precision = 2
        m.text = doc.text[window_start + rel.start:m.end]
        m.start = window_start + rel.start
        m.reason = f"{rel.qualifier or ''} {km:g} km at bearing {bearing:g} from {anchor.name}; {m.reason}".strip()
