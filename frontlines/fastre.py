"""Regular expressions compiled so that the engine skips the places where no match can start.

The rules' patterns mostly open with a word boundary or a lookbehind before an alternation of words
(``\\b(?:accidents?|crash(?:ed|es)?|...)``). Python's engine finds no literal prefix in such a pattern, so it
tries the whole alternation at every character of the text, and under IGNORECASE each try folds case. ``compile``
reads off the pattern's parse the characters a match can start with and puts a lookahead for them first
(``(?=[acdf...])(?:<pattern>)``): a character class at the head of a pattern is one the engine scans for before
trying anything else. The lookahead is a necessary condition of every match, read under the pattern's own flags (so
IGNORECASE folds the class as it folds the literals), and wraps the pattern in a group that captures nothing: the
same matches, groups and group names. A pattern whose first characters cannot be told (a class like ``\\w``, a
repeat that may be empty, a back-reference, scoped flags), that already opens with a literal or a class (the
engine scans for those itself), or that is verbose or anchored is compiled as it is.

On coder notes a pass of the extraction spends about a fifth of its time in these searches; the lookahead halves
many of them (``benchmarks/README.md``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Any

__all__ = ["alternation", "compile", "consuming", "findall", "finditer", "first_characters", "fullmatch", "match", "search", "source", "split", "sub"]

_MAX_CHARACTERS = 60  # a class of more characters than this rules out too little to be worth the lookahead
_MAX_RANGE = 200
_CACHE = 2048  # pattern strings whose compiled form is kept
_MIN_ALTERNATIVES = 6  # a shorter alternation is left as it is (``alternation``)
_GLOBAL_FLAGS = re.compile(r"\(\?[aiLmsux]+\)")
_SOURCES: dict[str, str] = {}  # the pattern ``compile`` made -> the pattern it was given


def compile(pattern: str | re.Pattern[str], flags: int = 0) -> re.Pattern[str]:  # noqa: A001 - re.compile's twin
    """``re.compile(pattern, flags)`` with a lookahead for the characters a match can start with, where they can be
    told (see the module's docstring); a compiled pattern is returned as it is."""
    if isinstance(pattern, re.Pattern):
        return pattern
    return _compiled(pattern, flags)


@lru_cache(maxsize=_CACHE)
def _compiled(pattern: str, flags: int) -> re.Pattern[str]:
    """``compile`` of a pattern string, kept (as ``re`` keeps what it compiles: rules compile some patterns in
    functions, and reading a pattern's first characters costs more than ``re``'s look-up)."""
    plain = re.compile(pattern, flags)
    fast = _checked(consuming(pattern, plain.flags), plain)
    if fast is None:
        regrouped = regroup(pattern, plain.flags)
        chars = first_characters(pattern, flags)
        if chars is None and regrouped == pattern:
            return plain
        head = m.group() if (m := _GLOBAL_FLAGS.match(pattern)) else ""  # global inline flags must stay first
        cls = "".join(re.escape(c) for c in chars or "")
        fast = _checked(f"{head}(?=[{cls}])(?:{regrouped[len(head):]})" if chars else regrouped, plain)
        if fast is None:
            return plain
    if len(_SOURCES) >= 2 * _CACHE:
        del _SOURCES[next(iter(_SOURCES))]  # the oldest: ``source`` of it gives the lookahead's pattern, which matches the same
    _SOURCES[fast.pattern] = pattern
    return fast


def _checked(written: str | None, plain: re.Pattern[str]) -> re.Pattern[str] | None:
    """``written`` compiled under ``plain``'s flags, or None when it is None, does not compile, or differs from
    ``plain`` in its groups or flags."""
    if written is None:
        return None
    try:
        fast = re.compile(written, plain.flags)
    except re.error:
        return None
    if fast.groups != plain.groups or fast.groupindex != plain.groupindex or fast.flags != plain.flags:
        return None
    return fast


def consuming(pattern: str, flags: int = 0) -> str | None:
    """``pattern`` rewritten to open with the class of its first characters, consumed, where it is a run of
    assertions that read no character (``\\b``, lookbehinds) and then one group of alternatives that each open with
    a plain character (``\\b(?:kill|dead)...``); None for any other pattern. Python's engine scans a text for a
    pattern's first class without entering the pattern, but only when the pattern opens with the class (not with an
    assertion or a lookahead, and under IGNORECASE only with a class written case by case): the class, consumed,
    comes first (``(?-i:[dDkK])``), the assertions move into a lookbehind over the character it took (``(?<=\\b.)``),
    and each alternative follows without its first character, behind a lookbehind for it, grouped by that
    character (``(?:(?<=[d])(?:ead)|(?<=[k])(?:ill))``). The same matches: a match starts where the class consumes,
    the assertions are tried where they were, and at a place only the alternatives that open with its character,
    in their order, are tried (as the engine would)."""
    if flags & (re.VERBOSE | re.MULTILINE):
        return None
    head = m.group() if (m := _GLOBAL_FLAGS.match(pattern)) else ""
    if pattern.startswith(("^", "\\A"), len(head)):
        return None  # anchored: the engine tries one place
    groups = [(start, end, bars) for start, end, bars in _alternations(pattern)
              if start >= 3 and pattern[start - 3:start] == "(?:" and end < len(pattern)]
    if not groups:
        return None
    start, end, bars = groups[0]  # the first group of alternatives in the pattern
    assertions = pattern[len(head):start - 3]
    if end + 1 < len(pattern) and pattern[end + 1] in "?*+{":
        return None  # the group may be skipped: what follows it may come first
    if assertions and not _reads_nothing(assertions, flags):
        return None
    cuts = [start, *(b + 1 for b in bars)]
    branches = [pattern[a:b - 1] for a, b in zip(cuts, [*(b + 1 for b in bars), end + 1], strict=True)]
    if not all(_plain_first(b) for b in branches):
        return None
    folded = flags & re.IGNORECASE
    # the characters a first character matches (all its folds under IGNORECASE) -> the alternatives' rests, in order
    order: dict[frozenset[str], list[str]] = {}
    written: dict[frozenset[str], str] = {}
    for branch in branches:
        key = _folds(branch[0]) if folded else frozenset(branch[0])
        order.setdefault(key, []).append(branch[1:])
        written.setdefault(key, branch[0])
    chars = sorted({c for key in order for c in key})
    consumed = "(?-i:[" + "".join(_class_char(c) for c in chars) + "])"
    behind = f"(?<={assertions}(?s:.))" if assertions else ""
    dispatch = "|".join(f"(?<=[{_class_char(written[key])}])(?:" + "|".join(f"(?:{r})" if r else "" for r in rests) + ")"
                        for key, rests in order.items())
    return f"{head}{consumed}{behind}(?:{dispatch}){pattern[end + 1:]}"


def _reads_nothing(text: str, flags: int) -> bool:
    """Whether ``text`` is a run of assertions only (word boundaries, lookarounds, groups of them)."""
    try:
        import re._constants as sre
        import re._parser as parser

        tree = parser.parse(text, flags & ~re.IGNORECASE)
    except (ImportError, AttributeError, re.error):
        return False
    if tree.state.groups > 1:
        return False
    return all(op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT) or (op in (sre.BRANCH, sre.SUBPATTERN) and _zero_width(op, av, sre))
               for op, av in tree)


def _plain_first(branch: str) -> bool:
    """Whether an alternative opens with a plain character that no quantifier follows ("kill", not "[kK]ill",
    "\\bkill", "(?:k)ill", "k?ill")."""
    return bool(branch) and branch[0] not in "\\[](){}|.^$?*+#" and branch[0].isprintable() \
        and (len(branch) == 1 or branch[1] not in "?*+{")


def _class_char(c: str) -> str:
    return "\\" + c if c in "\\]^-[" else c


@lru_cache(maxsize=None)
def _folds(char: str) -> frozenset[str]:
    """The characters IGNORECASE matches to ``char`` (its two cases, and the odd ones: long s, Kelvin sign, ...)."""
    literal = re.compile(re.escape(char), re.IGNORECASE)
    return frozenset({char, *(c for c in _FOLD_CANDIDATES() if literal.fullmatch(c))})


@lru_cache(maxsize=1)
def _FOLD_CANDIDATES() -> tuple[str, ...]:  # noqa: N802 - a constant, computed once
    """Every character whose case forms or fold touch another character (where IGNORECASE can match two)."""
    return tuple(c for c in map(chr, range(0x10000))
                 if c.lower() != c or c.upper() != c or c.casefold() != c or not c.isascii() and c.upper().isascii())


# ``re``'s module functions over ``compile``: a pattern written where it is used is compiled once, with its lookahead,
# and found again through a C-level cache (``re``'s own look-up runs Python code on every call)
def search(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> re.Match[str] | None:
    return compile(pattern, flags).search(string)


def match(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> re.Match[str] | None:
    return compile(pattern, flags).match(string)


def fullmatch(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> re.Match[str] | None:
    return compile(pattern, flags).fullmatch(string)


def sub(pattern: str | re.Pattern[str], repl: str | Callable[[re.Match[str]], str], string: str, count: int = 0,
        flags: int = 0) -> str:
    return compile(pattern, flags).sub(repl, string, count)


def split(pattern: str | re.Pattern[str], string: str, maxsplit: int = 0, flags: int = 0) -> list[str | Any]:
    return compile(pattern, flags).split(string, maxsplit)


def findall(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> list[Any]:
    return compile(pattern, flags).findall(string)


def finditer(pattern: str | re.Pattern[str], string: str, flags: int = 0) -> Iterator[re.Match[str]]:
    return compile(pattern, flags).finditer(string)


def source(regex: re.Pattern[str]) -> str:
    """The pattern ``regex`` was compiled from, without the lookahead ``compile`` may have put first (for code that
    reads a pattern's own alternatives)."""
    return _SOURCES.get(regex.pattern, regex.pattern)


def first_characters(pattern: str, flags: int = 0) -> str | None:
    """The characters (as written in the pattern, to be read under its flags) that every match of ``pattern`` starts
    with, sorted; None when they cannot be told, when the engine already scans for a literal or class the pattern
    opens with, or when a lookahead would not pay (verbose, anchored or empty patterns, too many characters)."""
    if flags & re.VERBOSE or pattern.startswith(("^", "(?x")) or "\\A" in pattern[:4]:
        return None
    try:
        import re._constants as sre
        import re._parser as parser

        tree = parser.parse(pattern, flags)
    except (ImportError, AttributeError, re.error):
        return None
    if tree.state.flags & (re.VERBOSE | re.MULTILINE) or not len(tree) or tree.getwidth()[0] == 0:
        return None  # MULTILINE: "^" inside may sit after a line break the lookahead does not see
    op, av = tree[0]
    asserted = op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT) or (op in (sre.BRANCH, sre.SUBPATTERN) and _zero_width(op, av, sre))
    if not asserted and not tree.state.flags & re.IGNORECASE:
        return None  # a literal, a class or a branch first: the engine scans for it already (not under IGNORECASE)
    items: list[tuple[Any, Any]] = []
    if not _first(list(tree), items, sre):
        return None
    codes: set[int] = set()
    for op, av in items:
        for kind, value in ([(op, av)] if op is sre.LITERAL else av):
            if kind is sre.LITERAL:
                codes.add(value)
            elif kind is sre.RANGE and value[1] - value[0] <= _MAX_RANGE:
                codes.update(range(value[0], value[1] + 1))
            else:
                return None
    if not codes or len(codes) > _MAX_CHARACTERS:
        return None
    if not asserted and not any(chr(c).lower() != chr(c).upper() for c in codes):
        return None  # uncased characters first: the engine scans for them under IGNORECASE too
    return "".join(chr(c) for c in sorted(codes))


def alternation(alternatives: list[str], flags: int = 0) -> str:
    """The alternation ``(?:a1)|(?:a2)|...`` of ``alternatives``, matching what it matches (the same alternative wins
    at each place), written so that the engine enters only the alternatives that can start with the character at
    hand: for each first character, the alternatives that can start with it, in their order, behind a lookahead
    for it (``(?=[a])(?:(?:a1)|(?:a3))|(?=[b])(?:(?:a2)|(?:a3))``; characters with the same alternatives share a
    group). At any place the lookahead of one group at most holds, and its group holds every alternative that can
    match there, in the order the engine would try them. Under IGNORECASE the engine enters every alternative of
    a word list at every word (it checks no first letter), which is most of the cost of a long list. A list with
    an alternative whose first characters cannot be told, or with a capturing group (it would be renumbered), is
    written as it is."""
    plain = "|".join(f"(?:{a})" for a in alternatives)
    if len(alternatives) < _MIN_ALTERNATIVES:
        return plain
    by_key: dict[str, tuple[set[str], list[int]]] = {}  # a first character (folded under IGNORECASE) -> (as written, alternatives)
    for number, alternative in enumerate(alternatives):
        chars = _starting_characters(alternative, flags)
        if chars is None:
            return plain
        for char in chars:
            written, numbers = by_key.setdefault(char.lower() if flags & re.IGNORECASE else char, (set(), []))
            written.add(char)
            if not numbers or numbers[-1] != number:
                numbers.append(number)
    groups: dict[tuple[int, ...], set[str]] = {}  # alternatives -> the characters they open with
    for written, numbers in by_key.values():
        groups.setdefault(tuple(numbers), set()).update(written)
    if len(groups) < 2:
        return plain
    return "|".join("(?=[" + "".join(re.escape(c) for c in sorted(chars)) + "])(?:"
                    + "|".join(f"(?:{alternatives[n]})" for n in numbers) + ")"
                    for numbers, chars in sorted(groups.items()))


def regroup(pattern: str, flags: int = 0) -> str:
    """``pattern`` with each long alternation (of ``_MIN_ALTERNATIVES`` or more, at the top level or in a group that
    captures nothing) written by ``alternation``: the same matches. Flags are the compiled pattern's (its inline
    global flags included)."""
    if flags & re.VERBOSE:
        return pattern
    spans: list[tuple[int, int, str]] = []  # (start, end, rewritten) of each alternation, none inside another
    for start, end, bars in _alternations(pattern):
        if len(bars) + 1 < _MIN_ALTERNATIVES or any(s <= start and end <= e for s, e, _ in spans):
            continue
        cuts = [start, *(b + 1 for b in bars)]
        branches = [pattern[a:b - 1] for a, b in zip(cuts, [*(b + 1 for b in bars), end + 1], strict=True)]
        written = alternation(branches, flags)
        if written != "|".join(f"(?:{b})" for b in branches):
            spans.append((start, end, written))
    for start, end, written in sorted(spans, reverse=True):
        pattern = pattern[:start] + written + pattern[end:]
    return pattern


def _alternations(pattern: str) -> list[tuple[int, int, list[int]]]:
    """(start, end, places of its "|") of the pattern's top level and of each group that captures nothing and looks
    at no other place (``(?:...)``), in the order they start: where an alternation can be rewritten alone."""
    found: list[tuple[int, int, list[int]]] = []
    stack: list[tuple[int, bool, list[int]]] = [(0, True, [])]  # (where the body starts, rewritable, its "|")
    i = 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            i += 1
            i += pattern[i] == "^" if i < len(pattern) else 0
            i += pattern[i] == "]" if i < len(pattern) else 0  # a "]" first is a character of the class
            while i < len(pattern) and pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif char == "(":
            plain_group = pattern.startswith("(?:", i)
            stack.append((i + 3 if plain_group else i + 1, plain_group, []))
        elif char == ")" and len(stack) > 1:
            start, rewritable, bars = stack.pop()
            if rewritable and bars:
                found.append((start, i, bars))
        elif char == "|":
            stack[-1][2].append(i)
        i += 1
    if stack[0][2]:
        found.append((0, len(pattern), stack[0][2]))
    return sorted(found)


@lru_cache(maxsize=8192)
def _starting_characters(pattern: str, flags: int) -> frozenset[str] | None:
    """The ASCII characters (as written, read under ``flags``) every match of ``pattern`` starts with, or None."""
    try:
        import re._constants as sre
        import re._parser as parser

        tree = parser.parse(pattern, flags)
    except (ImportError, AttributeError, re.error):
        return None
    if tree.state.groups > 1:
        return None  # a capturing group: moving the alternative would renumber it
    items: list[tuple[Any, Any]] = []
    if tree.state.flags & re.VERBOSE or not _nonempty(tree) or not _first(list(tree), items, sre):
        return None
    chars: set[str] = set()
    for op, av in items:
        for kind, value in ([(op, av)] if op is sre.LITERAL else av):
            if kind is sre.LITERAL:
                chars.add(chr(value))
            elif kind is sre.RANGE and value[1] - value[0] <= _MAX_RANGE:
                chars.update(chr(c) for c in range(value[0], value[1] + 1))
            else:
                return None
    return frozenset(chars) if chars and all(c.isascii() for c in chars) else None


def _first(items: list[tuple[Any, Any]], out: list[tuple[Any, Any]], sre: Any) -> bool:
    """Append to ``out`` the LITERAL or IN items the first character of a match of ``items`` is read by; False when
    that cannot be told."""
    for op, av in items:
        if op in (sre.AT, sre.ASSERT, sre.ASSERT_NOT) or (op in (sre.BRANCH, sre.SUBPATTERN) and _zero_width(op, av, sre)):
            continue  # reads no character ("(?:(?<=, )|(?<=-))": lookbehinds in a group)
        if op is sre.LITERAL:
            out.append((op, av))
            return True
        if op is sre.IN:
            if any(kind in (sre.NEGATE, sre.CATEGORY) for kind, _ in av):
                return False
            out.append((op, av))
            return True
        if op is sre.SUBPATTERN:
            _group, add_flags, del_flags, body = av
            # "(?-i:...)" only narrows what its characters match: what they are read as under IGNORECASE still holds
            return not add_flags and del_flags in (0, re.IGNORECASE) and _nonempty(body) and _first(list(body), out, sre)
        if op is sre.BRANCH:
            return all(_nonempty(branch) and _first(list(branch), out, sre) for branch in av[1])
        if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT):
            low, _high, body = av
            if not (_nonempty(body) and _first(list(body), out, sre)):
                return False
            if low > 0:
                return True
            continue  # an optional part ("(?:the )?army"): what follows it may come first too
        if op is sre.ATOMIC_GROUP:
            return _nonempty(av) and _first(list(av), out, sre)
        return False  # any character, a category, a back-reference, a conditional: anything may come first
    return False


def _zero_width(op: Any, av: Any, sre: Any) -> bool:
    """Whether a group or a branch reads no character in any match."""
    parts = av[1] if op is sre.BRANCH else [av[-1]]
    try:
        return all(part.getwidth() == (0, 0) for part in parts)
    except (AttributeError, TypeError):
        return False


def _nonempty(sub: Any) -> bool:
    """Whether every match of a parsed sub-pattern reads at least one character."""
    try:
        return bool(sub.getwidth()[0] > 0)
    except (AttributeError, TypeError):
        return False
