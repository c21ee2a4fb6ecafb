"""Place detection helpers for the mention stage: which capitalised names a document uses as places
(locative context, "X police", "X, W.Va.", datelines) and which as people ("coach Ripley", "Taylor said");
the gazetteer names inside a capitalised run. Pure functions of the text and the gazetteer."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any

from frontlines import fastre
from frontlines.knowledge.gazetteer import Gazetteer, normalise

_LOCATIVE = fastre.compile(
    r"(?:\b(?:in|at|near|from|to|outside|around|towards?|into|across|through|inside|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|outskirts of|"
    r"city of|town of|village of|district of|province of|region of|area of|suburb of|entrance to|islands? of|state of|"
    r"county of|governorate of|municipality of|"
    r"near the|in the|border with|between|and|coast of|periphery of|neighbou?rhood of|suburbs of|"
    r"(?:district|province|county|region|city|town|village|area|woreda|LGA)(?: cent(?:er|re))?,|"
    r"(?:attacks?|attacked|raids?|raided|assaults?|offensive|advance|strikes?) on|"
    # ground taken or pounded: "troops recaptured Lalibela", "forces seized Avdiivka", "shelled Kharkiv"
    r"captured|recaptured|seized|retook|retaken|took control of|taken control of|stormed|besieged|liberated|overran|"
    r"encircled|shelled|bombed|bombarded|pounded|"
    r"(?:streets|residents|inhabitants|citizens|people|locals|parts|exit|entrance|centre|center|south|north|east|west|"
    r"vicinity|control|capture) of|IVO|capital,?)"
    r"\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_CAPITALISED = fastre.compile(
    r"\b(?:(?:Al|al|El|el|Ar|ar|As|as|Ash|ash|Ad|ad|Bin|bin|Ben|ben|Abu|Umm|Ras|Bir|Wadi|Sidi|Jebel|Jabal|Qasr)[- ])?"
    r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’])+(?:(?:[- ](?:(?:al|el|bin|ben|de|del|es|ash|as|ad|e|i|ye|wa)[- ])?|"
    r"-(?:des|du|la|le|les|sur|au|aux|en|et|da|do|dos|das|di)-)"  # "Croix-des-Bouquets", "Port-au-Prince"
    r"[A-ZÀ-ÖØ-Þ](?:[^\W\d_]|['’])+){0,3}"
)
_STOP_CAPS = frozenset(
    """The A An In On At By For From To Of And But Or If When While After Before Since During This That
    These Those It Its He She They We I You His Her Their Our My Your Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October November
    December UPDATE Update Comment Comments Anonymous Reuters AP AFP Read More Posted Share Home News
    Mr Mrs Gen General President Prime Minister Colonel Col Lt Major Commander Field Marshal Marshal
    Islamic State Army Government Forces Police Council National Libyan Sunni Shia Muslim Arab""".split()
)
_CUE = fastre.compile(
    r"(?:['’]s)?(?:\s+(?:city|town|village|township|district|province|county|parish|area|region|police|sheriff|"
    r"residents?|natives?|man|woman|men|women|girls?|boys?|mothers?|fathers?|teens?|teenagers?|students?|seniors?|"
    r"officials|mayor|authorities|university|market|hospital|prison|"
    r"airport|LGA|woreda|zone|state|local government(?: area)?|local council|council|territory|commune|chiefdom|"
    r"prefecture|sub-prefecture|constituency)\b|,\s+(?P<region>[A-Z][\w.]*(?: [A-Z][\w.]*)?)"
    r"|\s*(?:--|—|–)\s)", re.IGNORECASE)
_INSTITUTION = fastre.compile(
    r"^(?P<name>[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*)??)(?:['’]s)? (?:Police|Sheriff|Fire|City|County|Public|Schools?|"
    r"Department|Board|Council|Senate|House|Commission|Chamber|Regional|Mayor|Township|University|Hospital|"
    r"Airport|Prison|Market|Stadium|High School|Elementary|Middle School|PTA|PTO|Circuit Court|District Court|"
    r"Municipal Court|Commonwealth['’]s|Federal Credit|Credit Union|Division|Library|Medical Center|Memorial|"
    r"Community College|Area (?:Chamber|Schools|School District)|Housing Authority|Water|Utilities|Transit|"
    r"Planning|Parks|Recreation|Historical Society|Rotary|Kiwanis|Lions Club|Health Department|Zoning|"
    r"(?:municipal |city |town |local |provincial |district )?(?:council|municipality)|(?:town|city) hall)\b|^(?:University|Governor|Mayor|Port|Municipality|Bishop) of (?P<of>[A-Z][\w'’-]*)$")
# what follows a town's name in the name of a facility, a camp or a local institution ("Maiduguri IDP camp",
# "Keana LGA", "Rundu Town Council", "Cape Town Civic Centre"); ``org``: the rest names an organisation
_FACILITY = fastre.compile(
    r"(?:Local Government Area|LGA|(?P<org>Local Government(?: Council)?|Town Council|Municipal Council|Municipality|City Council|"
    r"District (?:Council|Assembly)|County (?:Council|Assembly|Government)|Universit(?:y|ies)|State University|"
    r"Polytechnic|Law Courts?|High Court|Magistrates?['’]? Court|Regional (?:Council|Government)|Traders? Union)"
    r"|(?:IDP|refugee|displacement|military|army) [Cc]amps?|[Cc]amps?|[Cc]ampus|Civic Cent(?:re|er)|City Hall|Town Hall|"
    r"(?:central |main )?[Mm]arkets?|[Mm]osques?|[Ll]ibrary|[Ss]tadium|(?:[Cc]entral |[Mm]aximum )?[Pp]rison|"
    r"(?:General |Teaching |Referral |District )?[Hh]ospital|[Aa]irport|[Bb]arracks|[Cc]heckpoints?|"
    r"[Bb]us (?:[Pp]ark|[Ss]tation|[Tt]erminal)|[Mm]otor [Pp]ark|[Rr]ailway [Ss]tation)(?![\w'’-])")
# capitalised words that open a sentence before a name and are no first name ("Another Gainesville business")
_DETERMINERS = frozenset("""Another Every Each Some Many Most All Both Other Several Few No Any One Two Three Four
    Five Local Nearby Neighboring Neighbouring Rural Suburban Western Eastern Northern Southern Downtown Greater
    Only Even Also Like Unlike Outside Inside Across Throughout Around Near Beyond Where""".split())
_DESIGNATOR_WORDS = frozenset("region regions state zone province district city town county".split())
_NOT_FIRST_NAME = frozenset("North South East West Northeast Northwest Southeast Southwest Downtown Greater "
                            "Central Upper Lower New Old Fort Port Lake Mount Saint St San Santa".split())


def _evidence(text: str, gaz: Gazetteer) -> tuple[set[str], set[str]]:
    """Names used as places somewhere in ``text`` (after a locative preposition, before "city"/"police"/
    ", W.Va."/"--") and names used as surnames ("Raquel Henry": Henry); both normalised."""
    places: set[str] = set()
    persons: set[str] = set()
    for m in _CAPITALISED.finditer(text):
        words = m.group().split()
        if _UNIT_AFTER.match(text, m.end()):
            continue  # "Khas Balkh) district", "Nad Ali district": a unit's name, no first name and surname
        if 1 < len(words) <= 3 and words[0] not in _STOP_CAPS | _NOT_FIRST_NAME | _GENERIC_HEADS | _DETERMINERS \
                and not gaz.contains(m.group()):
            persons.update(n for i, w in enumerate(words[1:]) if not _BEFORE_PLACE.match(words[i])
                           and not _big_place(gaz, n := normalise(w.removesuffix("'s").removesuffix("’s"))))
    persons.update(_named_people(text, gaz))
    for start, name in _name_spans(text, gaz):
        cue = _CUE.match(text, start + len(name))
        if cue and cue.group("region") and not _is_region(gaz, cue.group("region")):
            cue = None
        head = _HEAD_BEFORE.search(text, max(0, start - 40), start) \
            if not fastre.match(r"[ -][A-ZÀ-ÖØ-Þ]", text[start + len(name):start + len(name) + 2]) else None
        before = text[max(0, start - 40 - (len(head.group()) if head else 0)):head.start() if head else start]
        if cue or _LOCATIVE.search(before) or _CONTAINED.search(text, max(0, start - 50), start):
            # "in Villa Baidoa", "at the State University of Jos": the town; "in Domaine, Rutshuru": its container
            places.add(normalise(name))
            if cue and cue.group("region"):
                places.add(normalise(cue.group("region")))  # "in Zahra, Mahdia": the region named after it too
    places.update(_county_list(text))
    places.update(_alternate_names(text, gaz))
    places.update(_dateline_places(text, gaz))
    places.update(normalise(name) for _, name in _party_seats(text, gaz))
    places.update(_listed_places(text, gaz, places, persons))
    places.update(normalise(n) for m in _ROUTE_ENDS.finditer(text) for n in fastre.split(r"\s*[-/–—]\s*", m.group("ends") or m.group("ends2"))
                  if gaz.contains(n) and normalise(n) not in persons)
    return places, persons


# a unit word after a name, or after the other name of it in brackets: "Andar (Shalgar) district", "X) district"
_UNIT_AFTER = fastre.compile(r"(?:\s*\([^()]{1,40}\))?\)?\s+(?i:districts?|provinces?|city|town|village|area|county|counties|region)\b")
_ALT_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’-]*(?: (?:[A-ZÀ-ÖØ-Þ][\w'’-]*|wa|i|e|ye))*"
_ALTERNATE = fastre.compile(rf"(?P<a>{_ALT_NAME})\s*\((?P<b>{_ALT_NAME})\)\s+(?i:districts?|city|town|village|area)\b")


# the container after a locative place name and a comma: "in Domaine, Rutshuru", "at Kipese, Lubero"
_CONTAINED = fastre.compile(r"\b(?:in|at|near)\s+(?:the\s+)?[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+)?,\s+$")
# a report that opens with its date, time and place before a colon: "11/01, Beledweyne: ...", "30th May, AM, Jowhar,
# Middle Shabelle: ..."
_DATELINE = fastre.compile(r"^\s*(?P<head>[^:\n.]{0,90}?\d[^:\n.]{0,90}?)\s*:\s")


def _dateline_places(text: str, gaz: Gazetteer) -> set[str]:
    """The gazetteer names among the comma-separated parts of an opening "date, [time,] place[, region]:" line."""
    m = _DATELINE.match(text)
    if m is None or "," not in m.group("head"):
        return set()
    out: set[str] = set()
    for part in m.group("head").split(",")[1:]:
        name = fastre.sub(r"^(?:AM|PM|[Ee]arly|[Ll]ate|c\.|\d{3,4}\s?(?:L|hrs)?|IVO|ivo)\s+", "", part.strip())
        if name[:1].isupper() and name not in _STOP_CAPS and _plausible(name) and gaz.contains(name):
            out.add(normalise(name))
    return out


def _alternate_names(text: str, gaz: Gazetteer) -> set[str]:
    """Both names of a unit given with its other name in brackets ("Andar (Shalgar) district", "Chaghcharan
    (Firozkoh) city"): each one the gazetteer knows is a place, normalised."""
    out: set[str] = set()
    for m in _ALTERNATE.finditer(text):
        out.update(normalise(n) for n in (m.group("a"), m.group("b")) if n not in _STOP_CAPS and gaz.contains(n))
    return out


# the towns a road or an axis joins ("the Lamu-Malindi road", "on the Bria-Ippy axis", "axis Boni-Hombori")
_ROUTE_END = r"[A-ZÀ-ÖØ-Þ][\w'’]+(?: [A-ZÀ-ÖØ-Þ][\w'’]+)?"
_ROUTE_ENDS = fastre.compile(rf"(?<![\w'’])(?P<ends>{_ROUTE_END}(?:\s*[-/–—]\s*{_ROUTE_END})+) (?i:road|highway|axis|route|railway|expressway)\b"
                             rf"|\b(?i:axis|route|road) (?P<ends2>{_ROUTE_END}(?:\s*[-/–—]\s*{_ROUTE_END})+)")


_LIST_ITEM = r"[A-ZÀ-ÖØ-Þ][\w'’-]+(?: [A-ZÀ-ÖØ-Þ][\w'’-]+){0,2}"
_NAME_LIST = fastre.compile(rf"(?<!, )(?<![\w-]){_LIST_ITEM}(?:, {_LIST_ITEM})*(?:,? (?:and|&) {_LIST_ITEM}|(?:, {_LIST_ITEM}){{2}})"
                            rf"(?![\w'’-])")


_PLACES_OF = fastre.compile(r"\b(?:towns|villages|cities|localities|districts|communities|settlements|provinces|regions|"
                            r"counties|LGAs|areas|municipalities|neighbou?rhoods|suburbs|camps) (?:of|like|such as|including)"
                            r"\s+(?:the\s+)?$", re.IGNORECASE)


def _listed_places(text: str, gaz: Gazetteer, places: set[str], persons: set[str]) -> set[str]:
    """The members of a list of names ("Kobo, Mersa and Weldiya"; "Tozeur, Kebili, Gafsa") whose first member is
    a place (after a locative preposition, or used as a place elsewhere): each member the gazetteer knows is one
    too, unless the document uses it as a surname. Normalised."""
    out: set[str] = set()
    for m in _NAME_LIST.finditer(text):
        items = [i.strip() for i in fastre.split(r",? (?:and|&) |, ", m.group())]
        items = [i.removeprefix("the ").removeprefix("The ") for i in items]
        before = text[max(0, m.start() - 40):m.start()]
        if normalise(items[0]) not in places and not _PLACES_OF.search(before) \
                and not (_LOCATIVE.search(before) and gaz.contains(items[0])):
            continue
        out.update(n for i in items if i not in _STOP_CAPS and _plausible(i) and gaz.contains(i)
                   and (n := normalise(i)) not in persons)
    return out


# words a place name follows in an institution's name ("First Baptist Church Maryville"): no first names
_BEFORE_PLACE = fastre.compile(r"(?:Church|Chapel|School|Academy|College|University|Hospital|Center|Centre|Bank|Club|"
                               r"Metro|Greater|Downtown|Historic|Old|New|Fort|Port|Lake|Mount|Camp|Team|Radio)$")


def _big_place(gaz: Gazetteer, name: str) -> bool:
    """A country, a populous region or a big city: never taken for a surname by its place in a run of
    names ("Sub-Saharan Africa", "Southern Sudan"); a small province's or town's name may be one ("Mary")."""
    return any(p.feature in ("country", "continent") or p.population >= (1_000_000 if p.feature == "admin1" else 200_000)
               for p in gaz.lookup(name) if not p.alias)


_TITLED = fastre.compile(r"\b(?:[Cc]oach|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Lt|Sgt|Capt|Det|Rev|Officer|Sheriff|Judge|Deputy|"
                    r"Detective|Pastor|Trooper|Chief|Principal|Superintendent|Commissioner|Councilman|Mayor)\.? "
                    r"(?P<name>[A-Z][a-z'’]+)\b")
# (not a town the speakers are of: "residents of Tera said", "officials in Kidal told reporters")
_SPEAKER = fastre.compile(r"(?<!\bof )(?<!\bin )(?<!\bfrom )\b(?P<name>[A-Z][a-z'’]+) "
                          r"(?:said|says|told|added|explained|noted|stated|testified|pleaded)\b|"
                          r"\b(?:said|says|added|according to) (?P<after>[A-Z][a-z'’]+)[.,]")


_PARTY_SEAT = fastre.compile(r"\b(?:D|R|I|DFL)-(?P<name>[A-Z][a-z'’]+(?: [A-Z][a-z'’]+)?)(?=[,;)]|\s+[-–—])")
_COUNTY_LIST = fastre.compile(r"\b(?P<names>[A-Z][a-z'’]+(?: [A-Z][a-z'’]+)?(?:(?:, | and |/| & |, and )[A-Z][a-z'’]+(?: [A-Z][a-z'’]+)?)+)"
                              r" (?:counties|parishes)\b")


def _party_seats(text: str, gaz: Gazetteer) -> Iterator[tuple[int, str]]:
    """The home town after a legislator's party letter ("Rep. Jane Roe, D-Springfield,"): a place."""
    for m in _PARTY_SEAT.finditer(text):
        if gaz.contains(m.group("name")):
            yield m.start("name"), m.group("name")


# a newspaper's dateline in capitals after the headline or at the start ("... Program. WINDSOR - The town",
# "COLUMBIA --- South Carolina Gov.", "BEIRUT: Unknown assailants", "ST. PAUL, Minn. -")
_CAPS_DATELINE = fastre.compile(
    r"(?:^|(?<=[.!?\n] )|(?<=\n))(?P<name>[A-Z][A-Z'-]+\.?(?: [A-Z][A-Z'-]{2,}){0,2})"
    r"(?=(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?\s*(?:\([A-Za-z ]{2,20}\)\s*)?(?:-{1,3}|—|–|:)\s)")


def _caps_datelines(text: str, gaz: Gazetteer) -> Iterator[tuple[int, str]]:
    """The town of a dateline in capitals near the start of a story: one the gazetteer knows by its own name."""
    for m in _CAPS_DATELINE.finditer(text, 0, min(len(text), 400)):
        name = m.group("name")
        if name in _STOP_CAPS or len(name) <= 3 or name.upper() in ("UPDATE", "BREAKING", "WATCH", "EXCLUSIVE"):
            continue
        if any((not p.alias and normalise(p.name) == normalise(name)) or p.population >= 50_000 for p in gaz.lookup(name)):
            yield m.start("name"), name


def _county_list(text: str) -> set[str]:
    """The names before a plural unit word ("Becker, Clay and Swift counties"), normalised."""
    return {normalise(n) for m in _COUNTY_LIST.finditer(text)
            for n in fastre.split(r", and |, | and |/| & ", m.group("names"))}


def _named_people(text: str, gaz: Gazetteer) -> set[str]:
    """Names used as people: after a title ("coach Ripley", "Sen. Webb") or as a speaker ("Taylor said"),
    unless the name is a country, a region or a big city ("Russia said")."""
    names = {m.group("name") for m in _TITLED.finditer(text)}
    for m in _SPEAKER.finditer(text):
        name = m.group("name") or m.group("after")
        if not any(p.feature in ("country", "admin1") or p.population >= 100_000 for p in gaz.lookup(name)):
            names.add(name)
    return {normalise(n) for n in names if n not in _STOP_CAPS}


def _name_spans(text: str, gaz: Gazetteer) -> tuple[tuple[int, str], ...]:
    """(start, name) of the gazetteer names in each capitalised run, longest first from the left:
    "The Fargo Police Chief" -> "Fargo"; possessive "'s" dropped. Found once per text: the mention stage reads
    them twice, for the document's place evidence and for its gazetteer places (issue 14)."""
    return _names_of(text, gaz)


@lru_cache(maxsize=32)  # a pipeline batch of documents
def _names_of(text: str, gaz: Gazetteer) -> tuple[tuple[int, str], ...]:
    return tuple(_find_name_spans(text, gaz))


_WORD = fastre.compile(r"\S+")
_HYPHENATED_NAMES = fastre.compile(r"[A-ZÀ-ÖØ-Þ][^\W\d_]+(?:-[A-ZÀ-ÖØ-Þ][^\W\d_]+)+")
_HYPHEN_PART = fastre.compile(r"[^-]+")
# an administrative unit's word after a name: "Mayo-Sava division", "Sud-Ubangi province" name one unit, whose
# parts are no places of their own
_UNIT_WORD = fastre.compile(r"\s+(?:division|department|province|region|district|county|prefecture|governorate|"
                            r"municipality|commune|zone|woreda|state|sub-?division|territory|LGA)\b", re.IGNORECASE)


def _find_name_spans(text: str, gaz: Gazetteer) -> Iterator[tuple[int, str]]:
    for m in _CAPITALISED.finditer(text):
        words = []
        for w in _WORD.finditer(m.group()):
            if "-" in w.group() and _HYPHENATED_NAMES.fullmatch(w.group()) and not gaz.contains(w.group()):
                if w.end() == len(m.group()) and _UNIT_WORD.match(text, m.end()):
                    continue  # "Mayo-Sava division": one unit the gazetteer lacks, not "Mayo" and "Sava"
                # "Maiduguri-Damboa", "Rethinking Egypt-US relations": each name the hyphen joins
                words += [(w.start() + p.start(), p.group()) for p in _HYPHEN_PART.finditer(w.group())]
            else:
                words.append((w.start(), w.group()))
        i = 0
        while i < len(words):
            if words[i][1] in _STOP_CAPS:
                i += 1
                continue
            for j in range(len(words), i, -1):
                s0 = m.start() + words[i][0]
                name = text[s0:m.start() + words[j - 1][0] + len(words[j - 1][1])]
                name = name.removesuffix("'s").removesuffix("’s")
                if j == i + 1 and j < len(words) and name in _GENERIC_HEADS:
                    continue  # "Sidi Ali Ben Aoun", "Villa Baidoa", "Federal University Kano": no town "Sidi"
                if name not in _STOP_CAPS and name not in _GENERIC_PLACE_WORDS and _plausible(name) \
                        and gaz.contains(name):
                    if j < len(words) and _adjective_of_place(" ".join(w for _, w in words[i:j + 1]), gaz):
                        i = j + 1  # "Sri Lankan": the adjective of Sri Lanka, not a place "Sri"
                        break
                    if not _first_name(text, m.start() + words[i][0], words[i:], j - i, gaz):
                        yield s0, name
                    i = j
                    break
            else:
                i += 1


_ADJECTIVE_ENDINGS = ("n", "an", "ian", "ese", "i", "ish")


def _adjective_of_place(words: str, gaz: Gazetteer) -> bool:
    """Words that end in the adjective of a country or region ("Sri Lankan", "South Ossetian")."""
    return any(words.endswith(end) and any(p.feature in ("country", "admin1") and not p.alias
                                           for p in gaz.lookup(words[:-len(end)]))
               for end in _ADJECTIVE_ENDINGS if len(words) > len(end) + 3)


_KEEPS_PLACE = fastre.compile(r"(?:County|Parish|City|Township|Borough|Village|Town|Metro|Area|Region|Valley)\b")


def _first_name(text: str, at: int, words: list[tuple[int, str]], n: int, gaz: Gazetteer) -> bool:
    """A one-word name opening a run of two words that goes on with a word no place or institution
    uses ("Mary Wheeler", "Lee Academy", "Federal Highway"): a first name or a brand, not a place.
    Regions and big cities are left alone, and so are headlines (title case)."""
    if n != 1 or len(words) != 2 or "." not in text[:at] and "\n" not in text[:at]:
        return False
    rest = words[1][1]
    if words[0][1].endswith(("'s", "’s")):
        return False  # "Georgia's Parliament": a possessive, no first name before a surname
    if any(p.feature in ("country", "admin1") or p.population >= 100_000 for p in gaz.lookup(words[0][1])):
        return False  # "Florida Power", "Atlanta Journal": the region or the city
    if _KEEPS_PLACE.match(rest) or rest.isupper() or gaz.contains(rest) or rest[-1:] in ",.;:":
        return False
    return not _INSTITUTION.match(f"{words[0][1]} {rest}")


# words that open many places' names (a saint, a mountain, a valley, a well) or an institution's: as the first word of a
# longer name they are no town of their own, whatever small town abroad bears them
_GENERIC_HEADS = frozenset("""Sidi Jebel Djebel Jabal Jbel Wadi Oued Villa Federal Bir Ras Ain Umm Abu Tell Khor Kafr Beit
    Sheikh Bahr Hassi Koudiat Cité Cite Ceel""".split())
_HEAD_BEFORE = fastre.compile(rf"\b(?:{'|'.join(sorted(_GENERIC_HEADS))})(?: [A-Z][\w'’-]+){{0,2}} $")
_GENERIC_PLACE_WORDS = frozenset("""City North South East West Northeast Northwest Southeast Southwest Central Gulf
    Old Town Downtown Midtown Uptown Superior Reservoir Glacier Tri-State Rodeo Pct Sen Rep Gov
    Western Eastern Northern Southern""".split())


def _plausible(name: str) -> bool:
    """All-capitals short tokens are acronyms ("GBI", "TIF"), not places, unless they are countries' codes."""
    return not (name.isupper() and len(name) <= 4 and name not in ("US", "USA", "UK", "UAE", "DRC", "DPRK", "NSW", "PRC"))


def _landmark_name(text: str, candidates: Sequence[Any]) -> bool:
    """A name only a region or a big city carries ("El Fasher", "Jonglei"), written as the gazetteer writes it, or
    one of a city of half a million or more's own spellings ("Zaporizhzhia", which the NER takes for a person)."""
    return any((not p.alias and normalise(p.name) == normalise(text)
                and (p.feature == "admin1" or (p.feature == "city" and p.population >= 100_000)))
               or (p.alias and p.feature == "city" and p.population >= 500_000) for p in candidates)


def _is_region(gaz: Gazetteer, text: str) -> bool:
    if gaz.abbreviation(text) is not None:
        return True
    return any(p.feature in ("admin1", "country", "admin2") for p in gaz.lookup(text)[:3])


@lru_cache(maxsize=4)
def _dotted_abbreviation_regex(forms: frozenset[str]) -> re.Pattern[str]:
    """A dotted state abbreviation on its own, before a lower-case word or after a compass word: "Mich. utilities",
    "Western Mass.", "N.J. lawmakers" (headline style)."""
    body = "|".join(re.escape(f) for f in sorted((f for f in forms if f.endswith(".") and len(f) > 3),
                                                 key=len, reverse=True))
    compass = "|".join(f"(?<={w} )" for w in ("Western", "Northern", "Southern", "Eastern", "Central"))
    return fastre.compile(rf"(?<![\w.])(?:{body})(?= [a-z]{{3,}})|(?:{compass})(?:{body})")


@lru_cache(maxsize=4)
def _abbreviation_regex(forms: frozenset[str]) -> re.Pattern[str]:
    body = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    after = r"(?:(?<=\w, )|(?<=\b[DRI]-))"  # "Charleston, W.Va.", "Sen. Jane Roe, D-N.D."
    return fastre.compile(rf"{after}(?:{body})(?![\w.])|{after}(?:{body})(?<=\.)")
