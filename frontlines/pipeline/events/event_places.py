"""Where an event happened: which of the places a report names is the event's place.

ACLED codes the most specific place where the event itself happened. Among the places of the event's
clause (else its sentence) the choice prefers, in this order of weight:

- a place in the report's own country over a namesake abroad ("Motherwell" in a South African report);
- not an origin, affiliation or destination ("youth from X", "a Kano-based group", "fled to X");
- not the name of a building ("the X Hotel in Y" happened in Y);
- the trigger's locative complement ("attacked ... in X", "shelled X") and a place after the trigger;
- a town over the district, province or country that contains it.

A place followed by its container ("A, B", "A area of B district", "A village (c. 12 km north of B)")
that does not lie in that container is a wrong namesake: the container stands instead. A clause that
names no place takes the most specific place of the nearest earlier sentence of the same block, and
only then the document's first town.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from itertools import pairwise

from frontlines import fastre
from frontlines.knowledge.gazetteer import Gazetteer
from frontlines.knowledge.geo import haversine_km
from frontlines.model import Block, Document, Mention
from frontlines.pipeline.events.roles import ATTACKING_STATE
from frontlines.pipeline.mentions.focus import ATTRIBUTIVE
from frontlines.pipeline.mentions.spans import mentions_in

__all__ = ["choose_place", "listed_places", "stand_in_precision"]

_COARSE = ("country", "admin1", "region")
_LOCATIVE = fastre.compile(r"\b(?:in|at|near|on|outside|around|into|of|east|west|north|south)\s+(?:the\s+)?"
                           r"(?:(?:city|town|village|port|district|suburb|area|outskirts)\s+of\s+(?:the\s+)?"
                           r"|(?:\w+\s+)?capital,?\s+)?$")
# "fighters from the coastal city of X": the unit word between the preposition and the name changes nothing
_OF_UNIT = r"(?:(?:[\w-]+\s+)?(?:city|town|village|port|region|province|district|area)\s+of\s+)?"
# people from a place ("rival fighters, including from the coastal city of X"): where they come from, never where a
# sentence that names only that place happened (unlike "withdrew from X")
_PEOPLE_FROM = fastre.compile(rf"\b(?:fighters|militants|men|militiamen|troops|soldiers|gunmen|rebels|youths?|people|residents|"
                              rf"members|villagers|tribesmen|including|some|others|many|"
                              rf"(?:war)?planes|jets|aircraft|drones|helicopters|bombers)\s+(?:\w+\s+){{0,2}}?from\s+(?:the\s+)?"
                              rf"{_OF_UNIT}$")
_ORIGIN = fastre.compile(rf"\b(?:from|based in|hail(?:s|ed|ing)? from)\s+(?:the\s+)?{_OF_UNIT}$")
# the later members of a list of origins: "gunmen from Kuac and Wau", "youths from A, B and C"
_ORIGIN_LIST = fastre.compile(r"\b(?:from|based in|hail(?:s|ed|ing)? from)\s+(?:the\s+)?"
                              r"(?:[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s*(?:,\s*and|,|and|&)\s*){1,3}$")
# "10km from X", "some 5 km away from X": the anchor of a distance, where the event happened, not an origin
_DISTANCE_FROM = fastre.compile(rf"\d\s*(?:km|kms|kilomet(?:er|re)s?|miles?)\s+(?:away\s+)?from\s+(?:the\s+)?{_OF_UNIT}$")
_DESTINATION = fastre.compile(r"\b(?:fled|flee|fleeing|escaped|displaced|relocated|moved|moving|headed|heading|"
                              r"travell?(?:ing|ed)|en route|returned|transferred|taken|evacuated|deported)\s+"
                              r"(?:\w+\s+){0,2}?(?:to|towards|for)\s+(?:the\s+)?$")
_BUILDING = fastre.compile(r"\s*(?:Hotel|Hospital|School|College|Mosque|Church|Cathedral|Stadium|Prison|Bank|Company|"
                           r"Corporation|Restaurant|Cafe|Club|Centre|Center|Institute)\b[^.;]{0,20}?\b(?:in|at)\s+$")
# what an event is about, not where: "the decision to recognise X", "in solidarity with X", "the status of X"
_TOPIC = fastre.compile(r"\b(?:recogni[sz](?:e|es|ed|ing)|recognition of|decision on|status of|solidarity with|"
                        r"denounc(?:e|es|ed|ing)|condemn(?:s|ed|ing)?)\s+(?:the\s+)?$")
_CONTAINER = fastre.compile(r"(?:\s*,\s*|\s+(?:area|village|locality|neighbou?rhood|town|district|city)\s+(?:of|in)\s+"
                            r"(?:the\s+)?|\s+(?:\w+\s+){0,3}?(?:in|of)\s+(?:the\s+)?|\s*\((?:c\.\s*)?)$")
_UNIT_BEFORE = fastre.compile(r"\b(?:district|districts|area|areas)\s*(?:\([^)]*\)\s*)?,\s*$", re.IGNORECASE)
# "in Nad Ali, Sangin and Nawa districts, Helmand": a name listed before a plural "districts" and its province
_NAME = r"[A-Z][\w'’-]*(?:[ -]+[A-Za-z][\w'’-]*){0,2}?"
_ITEM_SEP = r"\s*(?:,|,?\s+and|&)\s+"
_DISTRICT_LIST = fastre.compile(rf"(?:\s*\([^)]*\))?(?:{_ITEM_SEP}{_NAME}(?:\s*\([^)]*\))?)*\s+districts\s*,\s*")
_LIST_HEAD = fastre.compile(rf"(?:{_NAME}(?:\s*\([^)]*\))?{_ITEM_SEP})+$")
_REGION_WORD = fastre.compile(r"\s+(?:province|state|governorate|region)\b", re.IGNORECASE)
_ODD_NAMESAKE_KM = 60.0
_REGION_KM = 250.0


def _in_furniture(doc: Document, m: Mention, clause_start: int) -> bool:
    """A place named in a photo caption locates nothing the article's sentences tell (the clause's own block
    aside): "near Misrata's front line" under a picture is no place of the fighting told next; nor does a region in
    a blog's name ("Letters from Cyrenaica"), though a town there is the blog's beat ("Aleppo Dispatches"). A
    headline's place may still be the story's."""
    block = doc.block_at(m.start)
    reason = block.reason or "" if block is not None else ""
    return block is not None and block.kind == "furniture" and not block.start <= clause_start < block.end \
        and (reason.startswith("caption") or (reason.startswith("masthead") and m.feature not in _TOWN_FEATURES))


_TOWN_FEATURES = frozenset({"city", "district", "landmark"})


def choose_place(doc: Document, start: int, end: int, sentence: tuple[int, int], trigger_at: int,
                 speaker: tuple[int, int], gaz: Gazetteer | None = None) -> Mention | None:
    """The place of the event whose clause spans ``start:end`` (sentence ``sentence``), trigger at ``trigger_at``.
    An event told only by its country stands at the country's capital, as ACLED codes it (precision 3)."""
    m = _choose_place(doc, start, end, sentence, trigger_at, speaker, gaz)
    capital = gaz.national_capital(m.country) if gaz is not None and m is not None and m.feature == "country" \
        and m.country else None
    if m is None or capital is None:
        return m
    return replace(m, latitude=capital[1], longitude=capital[2], geo_precision=3,
                   reason=f"{m.reason}; at the capital {capital[0]}")


def _choose_place(doc: Document, start: int, end: int, sentence: tuple[int, int], trigger_at: int,
                  speaker: tuple[int, int], gaz: Gazetteer | None) -> Mention | None:
    wire = doc.wire_dateline or (-1, -1)
    places = [m for m in doc.mentions if m.kind == "place" and m.latitude is not None
              and not (wire[0] <= m.start < wire[1]) and not (speaker[0] <= m.start < speaker[1])
              and not _in_furniture(doc, m, start)]
    home = _home_country(doc, places)
    inside = [m for m in places if start <= m.start < end]
    if not inside or all(_source(doc, m) for m in inside):
        # "a convoy moving from A to B, exploded at C": a clause that names only origins and destinations
        # defers to its sentence, and a sentence that names only those to the place told before it
        inside = [m for m in places if sentence[0] <= m.start < sentence[1]] or inside
        if inside and all(_source(doc, m) for m in inside) and any(m.start < sentence[0] for m in places) \
                and any(_NEIGHBOUR.search(doc.text[max(0, m.start - 40):m.start].lower())
                        or _SAID_IN.search(doc.text[max(0, m.start - 40):m.start].lower())
                        or _BACKER.search(doc.text[max(0, m.start - 40):m.start].lower())
                        or _PEOPLE_FROM.search(doc.text[max(0, m.start - 60):m.start].lower()) for m in inside):
            inside = []
    if not inside:  # "residents of Tera told us that soldiers and fighters exchanged fire": the witnesses' town
        inside = [m for m in doc.mentions if m.kind == "place" and m.latitude is not None
                  and sentence[0] <= m.start < sentence[1] and speaker[0] <= m.start < speaker[1]
                  and _LOCAL_WITNESS.search(doc.text[max(0, m.start - 40):m.start])]
    block = doc.block_at(start)
    earlier = [m for m in places if m.start < start and (block is None or block.start <= m.start)
               and m.feature != "country"]
    if inside:
        best = min(inside, key=lambda m: _rank(doc, m, trigger_at, home, inside))
        if best.feature in ("country", "admin1"):
            later = [m for m in places if m.start >= sentence[1] and (block is None or m.start < block.end)] \
                or _next_paragraph(doc, places, block, sentence)
            town = _town_inside(best, [m for m in inside if not _source(doc, m)]) \
                or _town_inside(best, [m for m in earlier if m.start < sentence[0]]) \
                or _town_inside(best, [m for m in reversed(later[:3]) if not _source(doc, m)])
            if town is not None:  # "Beledweyne, Hiiraan: ... an attack in Somalia": the town told before (or next)
                return _in_container(doc, town, places, gaz)
        # the witnesses' town has its container in their span too ("Residents of Phoenix, north of Durban, say")
        spoken = [m for m in doc.mentions if m.kind == "place" and m.latitude is not None
                  and sentence[0] <= m.start < sentence[1] and speaker[0] <= m.start < speaker[1]] \
            if speaker[0] <= best.start < speaker[1] else []
        within = sorted({id(m): m for m in [*places, *spoken]}.values(), key=lambda m: m.start)
        return _in_container(doc, best, within, gaz)
    if earlier:
        earlier = [m for m in earlier if not _source(doc, m)] or earlier  # "fighters from the city of X" placed nothing
        last = _sentence_of(doc, earlier[-1].start)
        recent = [m for m in earlier if last[0] <= m.start < last[1]]
        return _in_container(doc, min(recent, key=lambda m: _rank(doc, m, -1, home, recent)), places, gaz)
    towns = [m for m in places if m.feature not in ("country", "admin1")]
    return towns[0] if towns else (places[0] if places else None)


# people who were there, named by where they live: their town is where what they saw happened
_LOCAL_WITNESS = fastre.compile(r"\b(?:residents?|inhabitants|villagers|locals|witnesses|eyewitnesses)\s+(?:of|in)\s+(?:the\s+)?"
                                r"(?:(?:town|city|village|district)\s+of\s+)?$", re.IGNORECASE)


_LIST_SEP = fastre.compile(r"\s*(?:,|&|,?\s+and)\s+")
_BETWEEN = fastre.compile(r"\b(?:between|from)\s+(?:the\s+)?(?:\w+\s+){0,2}$", re.IGNORECASE)
# a name the gazetteer lacks, as one item of a list: "Weldiya, Kobo, Sirinka and Mersa"
_UNKNOWN_ITEM = r"[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?"
_LIST_GAP = fastre.compile(rf"\s*(?:,|&|,?\s+and)\s+(?:{_UNKNOWN_ITEM}\s*(?:,|&|,?\s+and)\s+){{0,2}}")
_LIST_TAIL = fastre.compile(rf"\s*(?:,\s*)?(?:and|&)\s+(?:{_UNKNOWN_ITEM}|elsewhere\b|other (?:towns|cities|places|areas)\b)")


def listed_places(doc: Document, place: Mention, start: int, end: int, gaz: Gazetteer) -> list[Mention]:
    """The other towns of a list the event's place opens ("protests in Kobo, Mersa and Weldiya"): ACLED codes one
    event per location. Only a list closed by "and"/"&" (or of three towns or more), of towns in one country, not
    "between X and Y" (a road or a front line) and not "X, Y" alone (a place and its container). Names the
    gazetteer lacks may sit between or after the towns ("Kobo, Sirinka and Mersa")."""
    if place.start >= 0 and place.feature != "country" and _PROVINCE_LIST.match(doc.text, place.end):
        return _province_list(doc, place, start, end, gaz)  # "in Kandahar and Zabul provinces"
    if place.start >= 0 and place.feature == "admin1" and _UNIT_BEFORE.search(doc.text[max(0, place.start - 60):place.start]):
        return _next_group(doc, place, end)  # "in Nawa district, Helmand, and Spin Boldak and Maruf districts, Kandahar"
    if place.feature in _COARSE or place.start < 0:
        return []
    districts = _district_list(doc, place, start, end, gaz)
    if districts is not None:
        return districts + _next_group(doc, place, end)
    if (further := _next_group(doc, place, end)):
        return further  # "in Sangin district, Helmand, and Spin Boldak district, Kandahar"
    towns = sorted((m for m in mentions_in(doc, "place", start, end) if m.latitude is not None
                    and m.start > place.start), key=lambda m: m.start)
    out, cursor, closed = [], place, False
    for m in towns:
        sep = doc.text[cursor.end:m.start]
        if not _LIST_GAP.fullmatch(sep) or m.feature in _COARSE or m.country != place.country:
            break
        closed = closed or bool(fastre.search(r"\band\b|&", sep))
        out.append(m)
        cursor = m
        if closed:
            break
    if out and not closed:
        tail = doc.text[cursor.end:cursor.end + 40]
        closed = bool(_LIST_TAIL.match(tail)) or (len(out) >= 2 and not _LIST_SEP.match(tail)
                                                   and all(fastre.fullmatch(r"\s*,\s*", doc.text[a.end:b.start])
                                                           for a, b in pairwise([place, *out])))
    if not closed or _BETWEEN.search(doc.text[max(0, place.start - 30):place.start]):
        return []
    if any(haversine_km(m.latitude or 0.0, m.longitude or 0.0, place.latitude or 0.0, place.longitude or 0.0) < 1
           for m in out):
        return []  # one place named twice
    return [m for i, m in enumerate(out) if all(o.id != m.id for o in out[:i]) and m.id != place.id]


_PROVINCE_LIST = fastre.compile(rf"(?:{_ITEM_SEP}{_NAME})+\s+(?:provinces|states|regions|governorates)\b")


def _province_list(doc: Document, place: Mention, start: int, end: int, gaz: Gazetteer) -> list[Mention]:
    """The other provinces of a list the event's province opens ("clashes in Kandahar and Zabul provinces"), each
    at its capital as the event's province is (ACLED codes one event per province)."""
    tail = _PROVINCE_LIST.match(doc.text, place.end)
    if tail is None:
        return []
    head = fastre.search(rf"(?:{_NAME}{_ITEM_SEP})+$", doc.text[max(start, place.start - 120):place.start])
    first = place.start - (len(head.group()) if head else 0)
    out: list[Mention] = []
    for m in doc.mentions:
        if m.kind == "place" and m.feature in ("admin1", "city") and first <= m.start < tail.end() and m.start != place.start \
                and start <= m.start < end and m.latitude is not None and m.country == place.country and m.id \
                and m.id != place.id and all(o.id != m.id for o in out):
            capital = gaz.capital_of(m.id)
            out.append(m if capital is None else replace(m, latitude=capital[1], longitude=capital[2], geo_precision=3,
                                                         reason=f"{m.reason}; at the capital {capital[0]}, listed with "
                                                                f"'{place.text}'"))
    return out


# the next group of a list of (districts, province) pairs: ", and Spin Boldak and Maruf districts, Kandahar"
_NEXT_GROUP = fastre.compile(rf",\s+and\s+(?P<names>{_NAME}(?:\s*\([^)]*\))?(?:{_ITEM_SEP}{_NAME}(?:\s*\([^)]*\))?)*)"
                             rf"\s+districts?\s*,\s*(?P<province>{_NAME})")


def _next_group(doc: Document, place: Mention, end: int) -> list[Mention]:
    """The towns of the (districts, province) group told after the event's own one; the towns the gazetteer knows
    in that province (ACLED codes one event per district)."""
    own = fastre.match(rf"(?:\s+districts?)?\s*,\s*{_NAME}", doc.text[place.end:place.end + 60]) if place.feature != "admin1" \
        else None
    if own is None and place.feature != "admin1":
        return []  # the event's own group is not "district, province": no list of groups
    at = place.end + (own.end() if own else 0)
    group = _NEXT_GROUP.match(doc.text, at)
    if group is None:
        return []
    sentence_end = next((st.end for st in doc.statements if st.start <= place.start < st.end), end)
    if group.end() > sentence_end:  # the clause may end at ", and": the sentence bounds the list
        return []
    province = next((m for m in doc.mentions if m.kind == "place" and m.start == group.start("province")), None)
    if province is None or province.country != place.country:
        return []
    out: list[Mention] = []
    for m in doc.mentions:
        if m.kind == "place" and group.start("names") <= m.start < group.end("names") and m.latitude is not None \
                and m.feature not in _COARSE and m.country == place.country and all(o.id != m.id for o in out):
            out.append(m)
    return out


def _district_list(doc: Document, place: Mention, start: int, end: int, gaz: Gazetteer) -> list[Mention] | None:
    """The other places of a list of districts the event's place belongs to ("in Nad Ali, Sangin and Nawa
    districts, Helmand"), or None when it is in none: the other towns the gazetteer knows, and the province at
    its capital for the districts it lacks (ACLED codes one event per district)."""
    tail = _DISTRICT_LIST.match(doc.text, place.end)
    places = [m for m in mentions_in(doc, "place", start, end) if m.latitude is not None]
    province = next((m for m in places if tail and m.start == tail.end() and m.feature == "admin1"), None)
    if tail is None or province is None or province.country != place.country:
        return None
    head = _LIST_HEAD.search(doc.text[max(start, place.start - 150):place.start])
    first = place.start - (len(head.group()) if head else 0)
    last = tail.start() + tail.group().rindex("districts")
    names = fastre.sub(r"\([^)]*\)", " ", doc.text[first:last])
    items = [x for x in fastre.split(r"\s*(?:,\s*and|,|\band\b|&)\s*", names) if x.strip()]
    towns = [m for m in places if first <= m.start < last and m.feature not in _COARSE and m.id != place.id
             and m.country == place.country]
    out = [m for i, m in enumerate(towns) if all(o.id != m.id for o in towns[:i])]
    if len(items) > 1 + len(out) and province.id:
        capital = gaz.capital_of(province.id)
        if capital is not None:
            out.append(replace(province, latitude=capital[1], longitude=capital[2], geo_precision=2,
                               reason=f"{province.reason}; at the capital {capital[0]}, for listed districts "
                                      "the gazetteer lacks"))
    return out


def stand_in_precision(doc: Document, m: Mention) -> int:
    """ACLED precision for a province standing at its capital: 2 when it stands in for a named district
    the gazetteer lacks ("in Jalrez district, Wardak"), 3 when the report names only the province."""
    return 2 if _UNIT_BEFORE.search(doc.text[max(0, m.start - 60):m.start]) else 3


def _rank(doc: Document, m: Mention, trigger_at: int, home: str | None,
          candidates: list[Mention]) -> tuple[int, int, int]:
    locative = _locative(doc, m, trigger_at)
    rivals = [o for o in candidates if o.country == home and o.feature != "country"]
    # a place abroad loses to one at home, unless it is where the event is told to be ("protested in X") and the
    # home places are not (the report's country was read off what the protest was about)
    foreign = bool(home and m.country != home and rivals) and not (
        locative and m.country in doc.country_focus
        and not any(_locative(doc, o, trigger_at) for o in rivals))
    source = _source(doc, m)
    building = bool(_BUILDING.match(doc.text, m.end)) and _followed_by_place(doc, m, candidates)
    # after the trigger, or the subject's place right before it ("workers in X protested")
    after = trigger_at < 0 or m.start >= trigger_at or (0 <= trigger_at - m.end <= 2 and fastre.search(
        r"\b(?:in|at|of)\s+$", doc.text[max(0, m.start - 4):m.start]) is not None)
    coarse = 1 if m.feature in _COARSE else 0
    return (4 * foreign + 2 * (source or building) + coarse + (not locative) + (not after), coarse, m.start)


def _locative(doc: Document, m: Mention, trigger_at: int) -> bool:
    """After a locative word ("in", "near", "the town of") or right after the trigger ("shelled X")."""
    low = doc.text[max(0, m.start - 25):m.start].lower()
    return bool(_LOCATIVE.search(low)) or 0 <= m.start - _word_end(doc, trigger_at) <= 5


def _in_container(doc: Document, m: Mention, places: list[Mention], gaz: Gazetteer | None) -> Mention:
    """``m`` unless the place right after it names a container it does not lie in (a wrong namesake)."""
    following = [o for o in places if o.start >= m.end]
    nxt = following[0] if following else None
    if nxt is None or nxt.start - m.end > 45 or not _CONTAINER.search(doc.text[m.end:nxt.start]) \
            or fastre.search(r"(?<!\bc)[.!?][\"”’']?\s+[A-Z]|\n", doc.text[m.end:nxt.start]):
        return m  # a container is named in the same sentence, never across its end ("... Tarhuna. The loss of Watiya")
    if _listed(doc, nxt, following[1:]):
        return m  # "in Weldiya, Kobo and Mersa": a list of places, not a place and its container
    if _SAID_IN.search(doc.text[max(0, nxt.start - 40):nxt.start].lower()):
        return m  # "at Diffa on Friday, the ministry said in Niamey": where a source spoke contains nothing
    if m.feature in _COARSE or nxt.latitude is None or nxt.longitude is None \
            or m.latitude is None or m.longitude is None:
        return m
    if nxt.feature not in _COARSE and nxt.country != m.country and _REGION_WORD.match(doc.text, nxt.end):
        return m  # "Arbinda, Soum Province": the province read as a town abroad is no container
    odd = m.country != nxt.country
    if not odd and nxt.feature == "admin1":
        odd = not _in_region(m, nxt.admin1, nxt.latitude, nxt.longitude)
    elif not odd and nxt.feature not in _COARSE:  # a town, district or "N km east of B": the namesake lies far off
        limit = _ODD_NAMESAKE_KM + (25 if nxt.feature == "relative" else 0)
        km = haversine_km(m.latitude, m.longitude, nxt.latitude, nxt.longitude)
        # "Atfih, Giza": a town named with the capital its province is named after lies in that province
        odd = km > limit and not (nxt.feature == "city" and m.admin1 and m.admin1 == nxt.admin1 and km <= _REGION_KM
                                  and fastre.fullmatch(r"\s*,\s*", doc.text[m.end:nxt.start]))
        if odd and gaz is not None and nxt.feature != "relative":  # "Verena in Mpumalanga": B read as the province
            odd = not any(p.feature == "admin1" and p.country == m.country and _in_region(m, p.admin1, p.latitude,
                                                                                       p.longitude)
                          for p in gaz.lookup(nxt.text))
    if not odd:
        return m
    return replace(nxt, geo_precision=max(nxt.geo_precision or 1, 2),
                   reason=f"{nxt.reason}; '{m.text}' ({m.canonical}) does not lie there: its container instead")


# "forces loyal to the government in the capital": the seat of a body named as an actor's allegiance
_SEAT = fastre.compile(r"\b(?:government|administration|parliament|cabinet|authorities)\s+(?:(?:based|seated)\s+)?in\s+(?:the\s+)?$")
_HELD_BASE = fastre.compile(r"\b(?:has|have|had|holds?|held|keeps?|kept|maintains?|maintained)\s+(?:its|their|his|a|an)\s+"
                            r"(?:\w+\s+)?(?:stronghold|base|headquarters|bastion|heartland)\s+(?:in|at)\s+(?:the\s+)?"
                            r"(?:(?:city|town|region|area)\s+of\s+(?:the\s+)?)?$")
# "the defence ministry said in Niamey", "told reporters in Kiev": where a source spoke, not where the event happened
_SAID_IN = fastre.compile(r"\b(?:said|says|told|announced|declared|added|stated|confirmed|claimed)\s+(?:\w+\s+){0,2}?in\s+$")
_BACKER = fastre.compile(r"\b(?:backed|supported|armed|funded|financed|sponsored|trained|equipped|aided)\s+by\s+(?:the\s+)?$")
_NEIGHBOUR = fastre.compile(r"\b(?:neighbou?ring|bordering|(?:road|route|highway|border|crossing) (?:to|with|into))\s+(?:the\s+)?$")


def _source(doc: Document, m: Mention) -> bool:
    """An origin, affiliation or destination ("youth from X", "a Kano-based group", "fled to X", "the government in
    X")."""
    if m.feature == "country" and ATTRIBUTIVE.match(doc.text, m.end):
        return True  # "denounced the US president's decision": whose decision, not where
    if m.feature == "country" and ATTACKING_STATE.match(doc.text, m.end):
        return True  # "Russia fired missiles at Kyiv": who attacked, not where
    low = doc.text[max(0, m.start - 40):m.start].lower()
    if _TOPIC.search(low):
        return True  # "marches over the move to recognise a capital": what the event is about
    if _DISTANCE_FROM.search(low):
        return False
    if _HELD_BASE.search(low):
        return True  # "the north, where the group has its base in the city of X": where a group is based, not the event
    if _SAID_IN.search(low):
        return True  # "..., the army said in Bamako": the place of the telling
    if m.feature == "country" and _BACKER.search(low):
        return True  # "the rebels, who are backed by Rwanda, fought soldiers at the airport": a patron, not a place
    if _NEIGHBOUR.search(low):
        return True  # "the main road to neighbouring Tunisia": a place the sentence points to, not where it happened
    if _SEAT.search(low):
        return True  # "forces loyal to the government in X fought in Y": whose forces, not where
    return bool(_ORIGIN.search(low)) or doc.text[m.end:m.end + 1] == "-" or bool(_DESTINATION.search(low)) \
        or bool(_ORIGIN_LIST.search(doc.text[max(0, m.start - 60):m.start]))


def _next_paragraph(doc: Document, places: list[Mention], block: Block | None,
                    sentence: tuple[int, int]) -> list[Mention]:
    """The places of the paragraph after a one-sentence paragraph (wire copy: "... were kidnapped in northern
    Mali on Friday." then "The men were seized at a checkpoint near Tessit ..."), which tells on it."""
    if block is None or doc.text[block.start:sentence[0]].strip() or doc.text[sentence[1]:block.end].strip():
        return []
    after = doc.block_at(block.end + len(doc.text[block.end:]) - len(doc.text[block.end:].lstrip()))
    if after is None or after is block:
        return []
    return [m for m in places if after.start <= m.start < after.end]


def _town_inside(region: Mention, towns: list[Mention]) -> Mention | None:
    """The last of ``towns`` that lies in ``region`` (a country or a province): ACLED codes the most specific
    place the report gives ("Beledweyne, Hiiraan: ... attack on the African Mission in Somalia"), and a later
    sentence that names only the province or the country still tells of the town named before."""
    for m in reversed(towns):
        if m.feature in _COARSE or m.country != region.country:
            continue
        if region.feature == "country" or (m.admin1 is not None and m.admin1 == region.admin1):
            return m
    return None


def _in_region(m: Mention, admin1: str | None, lat: float, lon: float) -> bool:
    """``m`` lies in the province (its admin1 name, else near its centre: admin1 boundaries of small towns
    are often off in the gazetteer)."""
    if m.admin1 and admin1 and m.admin1 == admin1:
        return True
    return haversine_km(m.latitude or 0.0, m.longitude or 0.0, lat, lon) <= _REGION_KM


def _listed(doc: Document, m: Mention, following: list[Mention]) -> bool:
    """Whether ``m`` is followed by another town of the same list (", B" / " and B")."""
    nxt = following[0] if following else None
    return bool(nxt is not None and nxt.feature not in _COARSE
                and fastre.fullmatch(r"\s*(?:,|,?\s+and|,?\s+or)\s+", doc.text[m.end:nxt.start]))


def _home_country(doc: Document, places: list[Mention]) -> str | None:
    focus = doc.country_focus
    if focus:
        return focus[0]
    counts = Counter(m.country for m in places if m.country).most_common(2)
    if not counts or (len(counts) > 1 and counts[0][1] == counts[1][1]):
        return None  # no country focus and no majority: no report country to prefer
    return counts[0][0]


def _followed_by_place(doc: Document, m: Mention, candidates: list[Mention]) -> bool:
    return any(m.end < o.start <= m.end + 45 for o in candidates)


def _sentence_of(doc: Document, offset: int) -> tuple[int, int]:
    for st in doc.statements:
        if st.start <= offset < st.end:
            return st.start, st.end
    return offset, offset + 1


def _word_end(doc: Document, start: int) -> int:
    if start < 0:
        return -100
    match = fastre.match(r"[\w-]+", doc.text[start:])
    return start + (match.end() if match else 0)
