"""The event ontology: ACLED's current taxonomy, trigger patterns and cue lexicons, loaded from
``data/events.yaml`` once per process and compiled to regular expressions."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontlines import fastre
from frontlines.errors import KnowledgeError
from frontlines.knowledge.yamlfile import load_yaml

__all__ = ["Ontology", "Trigger", "TriggerHit", "WordCues", "get_ontology"]

DATA = Path(__file__).parent / "data" / "events.yaml"


def _words(patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    return fastre.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


# Which triggers can match a text at all, told from how the text's words begin (``find_triggers``): a match starts
# where no word character or hyphen precedes it, with one of the few strings its pattern can start with. Trying the
# dozens of alternatives of every trigger at every word was most of the time of the trigger search.
_OPENING_CHARS = 5  # the opening strings are at most this long
_MAX_OPENINGS = 20_000  # per trigger; with more, shorter openings are kept
# the only characters that IGNORECASE matches to an ASCII letter other than its own two cases (dotted and dotless i,
# long s, Kelvin sign); U+0130 is also the only one whose lower case is longer than itself
_FOLDS_TO_ASCII = re.compile("[\u0130\u0131\u017f\u212a]")


def _openings(regex: re.Pattern[str]) -> frozenset[str] | None:
    """The lower-case strings that every match of a trigger pattern starts with (each at most ``_OPENING_CHARS``
    long; shorter where the pattern ends or reads a class of characters there), or None when the pattern can
    start with anything. A necessary condition read off the pattern's parse: lookarounds are skipped."""
    try:  # the standard library's own parser (``re._parser``, ``sre_parse`` before Python 3.11)
        import re._constants as sre
        import re._parser as parser

        body = fastre.source(regex)
        body = body[len(_LOOKBEHIND):] if body.startswith(_LOOKBEHIND) else body
        tree = list(parser.parse(body, regex.flags))
    except (ImportError, AttributeError, re.error):
        return None  # every trigger is tried on every text: slower, the same hits
    for size in range(_OPENING_CHARS, 0, -1):
        found: list[tuple[frozenset[str], ...]] = []
        if not _walk(tree, (), size, found, sre, [200_000]) or any(not f for f in found):
            return None
        strings = {""}
        total = 0
        for sets in found:
            combos = [""]
            for chars in sets:
                combos = [c + ch for c in combos for ch in chars]
            total += len(combos)
            if total > _MAX_OPENINGS:
                break
            strings.update(combos)
        else:
            strings.discard("")
            return frozenset(strings)
    return None


def _walk(items: list[Any], acc: tuple[frozenset[str], ...], size: int, out: list[tuple[frozenset[str], ...]],
          sre: Any, budget: list[int]) -> bool:
    """Append to ``out`` the character sets a match of ``items`` opens with (up to ``size`` of them); False when
    the pattern is too branched to tell."""
    budget[0] -= 1
    if budget[0] < 0:
        return False
    if len(acc) >= size or not items:
        out.append(acc)
        return True
    op, av = items[0]
    rest = items[1:]
    if op is sre.LITERAL or op is sre.IN:
        chars = _chars(op, av, sre)
        if chars is None:
            out.append(acc)  # a class of characters, or one that folds oddly: the opening ends before it
            return True
        return _walk(rest, (*acc, chars), size, out, sre, budget)
    if op is sre.SUBPATTERN:
        return _walk(list(av[-1]) + rest, acc, size, out, sre, budget)
    if op is sre.ATOMIC_GROUP:
        return _walk(list(av) + rest, acc, size, out, sre, budget)
    if op is sre.BRANCH:
        return all(_walk(list(branch) + rest, acc, size, out, sre, budget) for branch in av[1])
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
        low, high, item = av
        if item.getwidth()[0] == 0:
            out.append(acc)
            return True
        return all(_walk(list(item) * n + rest, acc, size, out, sre, budget)
                   for n in range(min(low, size), min(high, size) + 1))
    if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT):
        return _walk(rest, acc, size, out, sre, budget)  # reads no character
    out.append(acc)
    return True


def _chars(op: Any, av: Any, sre: Any) -> frozenset[str] | None:
    """The lower-case ASCII characters a LITERAL or IN item matches, or None (another class, or a character
    outside ASCII)."""
    if op is sre.LITERAL:
        pairs = [(av, av)]
    else:
        pairs = []
        for kind, value in av:
            if kind is sre.LITERAL:
                pairs.append((value, value))
            elif kind is sre.RANGE and value[1] - value[0] <= 64:
                pairs.append(value)
            else:
                return None
    chars = frozenset(chr(c).lower() for low, high in pairs for c in range(low, high + 1))
    return chars if all(c.isascii() for c in chars) else None


_LOOKBEHIND = "(?<![\\w-])"


class WordCues:
    """Whether an IGNORECASE alternation of cue words ("kill|dead|bod(?:y|ies)|\\bdie|...") matches a text, found
    faster: its alternatives that spell out a few words are looked for as substrings of the lower-case text, the
    others by a pattern of their own; a text with a character IGNORECASE folds oddly (long s, dotless i, Kelvin
    sign) is searched by the whole pattern. ``search`` says only whether it matches (as the pattern's
    ``search`` does when read as a truth value): every alternative tried at every character was most of the
    time of a cue prefilter."""

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        words: list[str] = []
        rest: list[str] = []
        pattern = fastre.source(regex)
        for branch in _top_branches(pattern) if regex.flags & re.IGNORECASE else [pattern]:
            spelled = _spelled(branch, regex.flags) if regex.flags & re.IGNORECASE else None
            if spelled is None:
                rest.append(branch)
            else:
                words += spelled
        self.words = tuple(dict.fromkeys(words))
        self.rest = fastre.compile("|".join(f"(?:{b})" for b in rest), regex.flags) if rest else None

    def search(self, text: str) -> bool:
        if not text.isascii() and _FOLDS_TO_ASCII.search(text):
            return self.regex.search(text) is not None
        low = text.lower()
        return any(w in low for w in self.words) or (self.rest is not None and self.rest.search(text) is not None)


def _top_branches(pattern: str) -> list[str]:
    """The alternatives of ``pattern`` at its top level (outside groups and character classes)."""
    out, depth, start, i, in_class = [], 0, 0, 0, False
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            if pattern[i + 1:i + 2] == "]":
                i += 1  # "[]...]": a literal bracket first
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    return [*out, pattern[start:]]


def _spelled(branch: str, flags: int) -> list[str] | None:
    """The few lower-case ASCII strings an alternative matches ("bod(?:y|ies)": "body", "bodies"), or None when it
    is no such alternative (a class, a repeat, an anchor)."""
    try:
        import re._constants as sre
        import re._parser as parser

        tree = list(parser.parse(branch, flags))
    except (ImportError, AttributeError, re.error):
        return None
    strings = _spell(tree, sre)
    return strings if strings and all(s and s.isascii() for s in strings) else None


def _spell(items: list[Any], sre: Any) -> list[str] | None:
    out = [""]
    for op, av in items:
        if op is sre.LITERAL:
            parts: list[str] | None = [chr(av).lower()]
        elif op is sre.SUBPATTERN and not av[1] and not av[2]:  # a group that sets no flags of its own
            parts = _spell(list(av[-1]), sre)
        elif op is sre.BRANCH:
            spelled = [_spell(list(b), sre) for b in av[1]]
            parts = None if any(p is None for p in spelled) else [s for p in spelled for s in p or ()]
        else:
            return None
        if parts is None or len(out) * len(parts) > 64:
            return None
        out = [o + p for o in out for p in parts]
    return out


@dataclass(frozen=True)
class Trigger:
    sub_event_type: str
    event_type: str
    family: str | None
    priority: int
    cameo: str | None
    plover: str | None
    regex: re.Pattern[str]
    openings: frozenset[str] | None = None  # what a match starts with (``_openings``); None: anything


@dataclass(frozen=True)
class TriggerHit:
    trigger: Trigger
    start: int
    end: int
    text: str


class Ontology:
    def __init__(self, data: dict[str, Any], source: Path) -> None:
        try:
            self.version = int(data["version"])
            self.taxonomy: dict[str, list[str]] = data["taxonomy"]
            self._sub_to_type = {
                sub: etype for etype, subs in self.taxonomy.items() for sub in subs
            }
            self.triggers = [self._trigger(item) for item in data["triggers"]]
            self.civilian_nouns = _words(data["civilian_nouns"])
            self.combatant_nouns = _words(data["combatant_nouns"])
            self.military_targets = _words(data.get("military_targets") or ["(?!)"])
            self.civilian_targets = _words(data.get("civilian_targets") or ["(?!)"])
            self.cues = {name: _words(pats) for name, pats in data["cues"].items()}
            self.reporting = _words(data["reporting_verbs"])
            self.stance = {name: _words(pats) for name, pats in data["stance"].items()}
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise KnowledgeError(
                f"{source} is not a valid event ontology ({exc!r}); fix the entry or restore the file."
            ) from exc
        self.triggers.sort(key=lambda t: -t.priority)
        # where a match can start: after no word character or hyphen, with a first character of some opening
        openings = {o for t in self.triggers for o in t.openings or ()}
        first = "".join(sorted({o[0] for o in openings}))
        self._match_start = re.compile(rf"(?<![\w-])[{re.escape(first)}]" if first else "(?!)")
        self._lengths = sorted({len(o) for o in openings})
        self.index_openings()

    def index_openings(self) -> None:
        """File each trigger under its openings (to call again when ``triggers`` is replaced)."""
        opened_by: dict[str, list[int]] = {}  # an opening -> the triggers (numbers, in priority order) it opens
        for k, t in enumerate(self.triggers):
            for o in t.openings or ():
                opened_by.setdefault(o, []).append(k)
        self._opened_by = {o: tuple(ks) for o, ks in opened_by.items()}

    def _trigger(self, item: dict[str, Any]) -> Trigger:
        sub = item["sub_event_type"]
        if sub not in self._sub_to_type:
            raise ValueError(f"unknown sub_event_type {sub!r} in triggers")
        return Trigger(
            sub_event_type=sub,
            event_type=self._sub_to_type[sub],
            family=item.get("family"),
            priority=int(item["priority"]),
            cameo=item.get("cameo"),
            plover=item.get("plover"),
            regex=(regex := _words(item["patterns"])),
            openings=_openings(regex),
        )

    @classmethod
    def load(cls, path: Path = DATA) -> Ontology:
        import yaml

        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeError(f"Cannot read the event ontology {path}: {exc}") from exc
        return cls(data, path)

    def event_type_of(self, sub_event_type: str) -> str:
        return self._sub_to_type[sub_event_type]

    def trigger_for(self, sub_event_type: str) -> Trigger | None:
        return next((t for t in self.triggers if t.sub_event_type == sub_event_type), None)

    def _places(self, text: str) -> dict[int, list[int]] | None:
        """Where in ``text`` each trigger can start (its number in ``triggers`` -> the places, ascending, each once):
        at every place where a match can start, the lower-case strings as long as the triggers' openings are looked
        up. None when the text holds a character that folds oddly (then every trigger is searched for everywhere)."""
        if not text.isascii() and _FOLDS_TO_ASCII.search(text):
            return None
        low = text.lower()
        places: dict[int, list[int]] = {}
        opened_by, lengths = self._opened_by, self._lengths
        for m in self._match_start.finditer(low):
            i = m.start()
            for n in lengths:
                for k in opened_by.get(low[i:i + n], ()):
                    where = places.setdefault(k, [])
                    if not where or where[-1] != i:
                        where.append(i)
        return places

    def find_triggers(self, text: str) -> list[TriggerHit]:
        """Non-overlapping trigger hits in ``text``; higher-priority triggers win overlaps. A trigger is tried only
        where one of its openings begins (``_places``): the same hits as its ``finditer`` over the whole text,
        since a match can start nowhere else, and trying each place in order from the end of the last match on is
        what ``finditer`` does."""
        hits: list[TriggerHit] = []
        taken: list[tuple[int, int]] = []
        places = self._places(text)
        for k, trigger in enumerate(self.triggers):
            if places is None or trigger.openings is None:
                found: Iterable[re.Match[str]] = trigger.regex.finditer(text)
            elif k in places:
                found = _matches_at(trigger.regex, text, places[k])
            else:
                continue  # no word of the text begins as a match of this trigger would
            for m in found:
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                hits.append(TriggerHit(trigger, m.start(), m.end(), m.group()))
        hits.sort(key=lambda h: h.start)
        return hits


def _matches_at(regex: re.Pattern[str], text: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """What ``regex.finditer(text)`` finds when a match can begin only at ``starts`` (ascending): from the end of
    the last match on, the first of them where the pattern matches (it never matches empty: every opening has a
    character)."""
    cursor = 0
    for start in starts:
        if start < cursor:
            continue
        m = regex.match(text, start)
        if m is not None:
            yield m
            cursor = m.end()


@lru_cache(maxsize=1)
def get_ontology() -> Ontology:
    return Ontology.load()
