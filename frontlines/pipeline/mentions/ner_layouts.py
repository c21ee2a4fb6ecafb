"""Fixed text layouts the statistical NER reads badly, and the knowledge look-ups NER relabelling uses.

Wire copy is full of lines that are not prose: datelines ("LONDON 1996-08-30"), newsroom footers,
and the tables of sports pages - results ("Kelso 2 Ayr United 1"), standings, fixtures
("DENVER AT PHOENIX"), batting cards, bowling figures, golf scores, athletes with their country
("Anna Berg ( Sweden )"), motor-racing teams, line-ups ("Chile - Pablo Rojas ( 12th )").
Their layout says what a name is, so each is a pattern here, returning spans with a strength:
FIXED (span and label final), STRONG (overrides the model's span) or WEAK (fills a gap).
"""

from __future__ import annotations

import re
from functools import lru_cache

from frontlines import fastre
from frontlines.knowledge.actors import ActorKB
from frontlines.knowledge.gazetteer import Gazetteer, normalise

__all__ = ["FIXED", "STRONG", "WEAK", "EntityKnowledge", "Span", "is_table", "structural"]

Span = tuple[int, int, str]
FIXED, STRONG, WEAK = 2, 1, 0

_NAME = r"[A-Z][\w.'&-]*(?: (?:'s|de|of|van|der|la|le|del|[A-Z][\w.'&-]*|\( [A-Z]{1,2} \)))*"
_WORD = fastre.compile(r"[A-Za-z][A-Za-z'.]*")
_DATELINE = fastre.compile(
    r"^(?P<city>[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*)*)(?: , (?P<region>[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*))?"
    r" \d{4}-\d{2}-\d{2}$"
)
_NEWSROOM = fastre.compile(r"^-- (?P<city>[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*) newsroom\b")
_VENUE = fastre.compile(rf"^(?:At )?(?P<v>{_NAME}) : (?P<a>{_NAME}) (?:\d|beat )")
_RESULT = fastre.compile(rf"(?P<a>{_NAME}) \d{{1,3}} (?P<b>{_NAME}) ?(?:\d{{1,3}})?\b")
_STANDING = fastre.compile(rf"(?:\d+\. )?(?P<a>{_NAME})(?: (?:-?\d+(?:\.\d+)?|\.\d+|\d+/\d+|\d+-\d+)){{3,}}(?: |$)")
_FIXTURE = fastre.compile(rf"^(?P<a>{_NAME}) (?:AT|at|v|vs\.?) (?P<b>{_NAME})$")
_INNINGS = fastre.compile(rf"(?:^|: |, |; )(?P<a>{_NAME}) \d+(?:-\d+)?(?: and \d+(?:-\d+)?)?(?= \(| ,| \.| ;|$)")
_ATHLETE = fastre.compile(rf"(?P<a>{_NAME}) \( (?P<b>{_NAME}) \)")
_TEAM_AFTER = fastre.compile(rf"\( {_NAME} \) ,? (?P<a>{_NAME})(?= , \d| \d| ,|$)")
_SEED = fastre.compile(rf"(?:^|, |; |\( | - )\d+ - (?P<a>{_NAME})(?= \(| ,| ;| \)|$| beat)")
_LINEUP = fastre.compile(rf"^(?P<c>{_NAME}) - (?P<a>{_NAME})(?= \(| ,|$)")
_NAME_LIST = fastre.compile(rf"^(?:[A-Z][a-z]+(?: [a-z]+)* : )?(?P<names>{_NAME})(?: , {_NAME}){{2,}}(?: and {_NAME})? \.?$")
_MINUTE = fastre.compile(rf"(?P<a>{_NAME}) \( \d+(?:st|nd|rd|th)\b")
_BOWLING = fastre.compile(rf"(?:^|(?<=: )|(?<=, ))(?P<a>{_NAME}) \d+(?:\.\d)?-\d+-\d+-\d+")
_BATTING = fastre.compile(rf"^{_NAME} (?:c|st|b|lbw|run out|not out|c &) ")
_GOLF = fastre.compile(rf"(?:^\d{{3}} |, )(?P<a>{_NAME})(?: +)[6-8]\d [6-8]\d")
INITIALS = fastre.compile(r"(?<!\S)[A-Z]\. ?[A-Z][a-z'][\w'-]*(?: [A-Z][a-z][\w'-]*)?")
_TABLE_WORDS = frozenset("and at v vs beat bt by not out innings runs wickets wkts halftime after extra time pts "
                         "points drew lost won seconds minutes of in overs".split())


# -- knowledge ----------------------------------------------------------------------------------
class EntityKnowledge:
    """The gazetteer and the actor base as the entity layer asks them (given, never loaded here), each answer
    cached for the life of this object."""

    def __init__(self, gazetteer: Gazetteer, kb: ActorKB) -> None:
        self.gaz = gazetteer
        self.kb = kb
        self.is_country = lru_cache(maxsize=65536)(self._is_country)
        self.place_features = lru_cache(maxsize=65536)(self._place_features)
        self._types: dict[str, str] | None = None

    def _is_country(self, name: str) -> bool:
        """The gazetteer's best reading of ``name`` is a country (or continent)."""
        places = self.gaz.lookup(name)
        return bool(places) and places[0].feature in ("country", "continent")

    def _place_features(self, name: str) -> tuple[str, ...]:
        """Features of places under this very name (not "Miller County" for "Miller"), big enough to matter."""
        key = normalise(name)
        return tuple(p.feature for p in self.gaz.lookup(name)
                     if normalise(p.name) == key and (p.feature != "city" or p.population >= 50_000))

    def is_demonym(self, word: str) -> bool:
        """ "American", "Polish": a nationality adjective the actor base knows."""
        return word[:1].isupper() and self.kb.country_for_demonym(word) is not None

    def actor_types(self) -> dict[str, str]:
        """Lower-cased name or alias -> actor type, for exact dictionary look-ups (no fuzzy matching)."""
        if self._types is None:
            self._types = {form.lower(): self.kb.get(actor_id).type for form, actor_id in self.kb.surface_forms()
                           if len(form) > 2}
        return self._types


# -- layouts ------------------------------------------------------------------------------------
def strip_brackets(text: str) -> str:
    """Bracketed asides blanked out (same length), except a club's one-letter town tag "( B )"."""
    return fastre.sub(r"\( (?![A-Z]{1,2} \))[^()]* \)", lambda m: " " * len(m.group()), text)


def is_table(text: str) -> bool:
    """A line of a results table: digits and names, almost no lower-case prose."""
    words = _WORD.findall(strip_brackets(text))
    lower = [w for w in words if w[:1].islower() and w not in _TABLE_WORDS]
    return any(ch.isdigit() for ch in text) and not lower


def _spans(pattern: re.Pattern[str], text: str, label: str, strength: int, group: str | int = "a") -> list[tuple[Span, int]]:
    return [((m.start(group), m.end(group), label), strength) for m in pattern.finditer(text)]


def structural(text: str, ek: EntityKnowledge) -> list[tuple[Span, int]]:
    """(span, strength) from datelines, footers and the layouts of sports tables."""
    m = _DATELINE.match(text) or _NEWSROOM.match(text)
    if m:
        return [((m.start(g), m.end(g), "LOC"), FIXED) for g in ("city", "region")
                if g in m.re.groupindex and m.group(g)]
    bare = strip_brackets(text)
    found = _venue(bare, ek) + _table_rows(bare) + _spans(_INNINGS, bare, "ORG", WEAK)
    found += _spans(_BOWLING, bare, "PER", STRONG) + _spans(_MINUTE, text, "PER", STRONG)
    abbreviations = acronyms(text, ek)
    found += abbreviations
    for m in _ATHLETE.finditer(text):
        if _overlaps_any((m.start(), m.end()), abbreviations):
            continue
        if ek.is_country(m.group("b")) or m.group("b").isupper():
            found += [((m.start("a"), m.end("a"), "PER"), STRONG), ((m.start("b"), m.end("b"), "LOC"), WEAK)]
    found += _spans(_TEAM_AFTER, text, "ORG", STRONG)
    found += _spans(_SEED, text, "PER", WEAK) + _spans(INITIALS, text, "PER", STRONG, group=0)
    listed = _NAME_LIST.match(text)
    if listed:  # a squad: "Moss , Reyes , Brandt , Okafor ."
        found += [((m.start(), m.end(), "PER"), STRONG) for m in fastre.compile(_NAME).finditer(text, listed.start("names"))]
    m = _LINEUP.match(text)
    if m and ek.is_country(m.group("c")):
        found += [((m.start("a"), m.end("a"), "PER"), STRONG)]
    return [(_trim(text, s), strength) for s, strength in found]


_ACRONYM = fastre.compile(r"(?<![\w'])\( (?P<acr>[A-Z][A-Z&-]*[A-Z]) \)")
_EXPANDED = fastre.compile(r"(?P<acr>(?<![\w'])[A-Z][A-Z&-]*[A-Z]) \( (?P<x>[^()]+?) \)")
_CONNECTORS = frozenset("of for and in on the de du des la le del pour &".split())
_EXPANSION_WORD = fastre.compile(r"[A-Z][\w.'-]*|of|for|and|in|on|the|de|du|des|la|le|del|pour|&")


def _initials(word: str) -> str:
    """ "U.N." -> "UN", "Co-operation" -> "C", "Bank" -> "B"."""
    if fastre.fullmatch(r"(?:[A-Z]\.)+", word):
        return word.replace(".", "")
    return word[:1].upper()


def _expands(acr: str, words: list[str]) -> bool:
    """``words`` (capitalised, with connectors) spell ``acr``: its letters are the initials of the
    capitalised words in order, some skipped, connectors optionally counted ("U.N. Interim Force in
    Lebanon" -> UNIFIL) - or, for a name translated from another language, the same letters in
    another order ("Party of Democratic Action" -> SDA)."""
    letters = [c for c in acr if c.isalpha()]
    caps = [w for w in words if w[:1].isupper()]
    if len(caps) < 2 or len(caps) > len(letters) + 2 or words[0] in _CONNECTORS or words[-1] in _CONNECTORS:
        return False
    if sorted("".join(_initials(w) for w in caps)) == sorted(letters):
        return True
    if _initials(words[0])[:1] != letters[0]:
        return False
    k, used = 0, 0
    for w in words:
        initials = _initials(w)
        if k < len(letters) and initials.startswith(letters[k]) and (w[:1].isupper() or w == "in"):
            k += len(initials) if letters[k:k + len(initials)] == list(initials) else 1
            used += w[:1].isupper()
    return k == len(letters) and used * 2 >= len(caps)


def _expansion_before(text: str, end: int, acr: str) -> int | None:
    """Start of the longest name ending at ``end`` that ``acr`` abbreviates, or None."""
    words = list(fastre.finditer(r"\S+", text[:end]))
    run: list[re.Match[str]] = []
    for m in reversed(words):
        if not _EXPANSION_WORD.fullmatch(m.group()) or len(run) >= 12:
            break
        run.insert(0, m)
    for n in range(len(run)):
        if _expands(acr, [m.group() for m in run[n:]]):
            return run[n].start()
    return None


def acronyms(text: str, ek: EntityKnowledge) -> list[tuple[Span, int]]:
    """A name and the acronym in brackets after it ("Kurdistan Democratic Party ( KDP )"), or an acronym
    and its expansion in brackets: both are one organisation (a country's name, "( UAE )", stays LOC)."""
    found = []
    for m in _ACRONYM.finditer(text):
        start = _expansion_before(text, m.start() - 1, m.group("acr"))
        if start is not None:
            label = "LOC" if ek.is_country(text[start:m.start() - 1]) else "ORG"
            found += [((start, m.start() - 1, label), FIXED), ((m.start("acr"), m.end("acr"), label), FIXED)]
    for m in _EXPANDED.finditer(text):
        words = m.group("x").split()
        if all(_EXPANSION_WORD.fullmatch(w) for w in words) and _expands(m.group("acr"), words):
            label = "LOC" if ek.is_country(m.group("x")) else "ORG"
            found += [((m.start("acr"), m.end("acr"), label), FIXED), ((m.start("x"), m.end("x"), label), FIXED)]
    return [((s + 4, e, label), st) if text[s:s + 4] in ("The ", "the ") else ((s, e, label), st)
            for (s, e, label), st in found]


def _overlaps_any(span: tuple[int, int], found: list[tuple[Span, int]]) -> bool:
    return any(span[0] < e and s < span[1] for (s, e, _), _ in found)


def _venue(bare: str, ek: EntityKnowledge) -> list[tuple[Span, int]]:
    """ "Hove : Kent 301 ...": the ground, then a team."""
    m = _VENUE.match(bare)
    if m is None or _BOWLING.match(bare, m.start("a")) or not ek.place_features(m.group("v")):
        return []
    return [((m.start("v"), m.end("v"), "LOC"), FIXED), ((m.start("a"), m.end("a"), "ORG"), STRONG)]


def _table_rows(bare: str) -> list[tuple[Span, int]]:
    """Whole-line layouts: a batting card row, a golf score row, a fixture, results, standings."""
    if _BATTING.match(bare):
        return [((m.start(), m.end(), "PER"), STRONG) for m in fastre.finditer(_NAME, bare)]
    golf = _spans(_GOLF, bare, "PER", STRONG)
    if golf:
        return golf
    m = _FIXTURE.match(bare)
    if m:  # "DENVER AT PHOENIX": the visitors, and the venue
        return [((m.start("a"), m.end("a"), "ORG"), STRONG), ((m.start("b"), m.end("b"), "LOC"), FIXED)]
    rows = []
    for segment in fastre.finditer(r"[^,;]+", bare):  # "Dover 2 Bath 2 , Crewe 1 Wigan 0"
        start = segment.start() + len(segment.group()) - len(segment.group().lstrip())
        for pattern in (_RESULT, _STANDING):
            m = pattern.match(bare, start, segment.end())
            if m:
                rows += [((m.start(g), m.end(g), "ORG"), STRONG) for g in ("a", "b")
                         if g in pattern.groupindex and m.group(g)]
                break
    return rows


def _trim(text: str, span: Span) -> Span:
    start, end, label = span
    while text[start:end].endswith((" 's", " '", " .", " ,")):
        end -= 3 if text[start:end].endswith(" 's") else 2
    return start, end, label
