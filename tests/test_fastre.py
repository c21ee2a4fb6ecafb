"""``frontlines.fastre``: patterns compiled with a lookahead for the characters a match can start with find exactly
what ``re`` finds - on hand-made edge cases, on random texts, and for every pattern the pipeline's modules compile,
on the bundled samples."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import frontlines.knowledge
import frontlines.pipeline
from frontlines import fastre

SAMPLES = Path(__file__).resolve().parent.parent / "samples"

# (pattern, flags, the first characters fastre reads off it, or None where it leaves the pattern as it is)
CASES = [
    (r"\b(?:kill|dead)\b", re.IGNORECASE, "dk"),
    (r"(?<![\w-])(?:Reuters|AFP)(?![\w-])", 0, "AR"),
    (r"\b(?:clash(?:es|ed)?|fight\w*)", re.IGNORECASE, "cf"),
    (r"kill|dead", re.IGNORECASE, "dk"),  # letters first under IGNORECASE: the engine scans for nothing
    (r"\b[a-c]x", 0, "abc"),
    (r"(?i)\b(?:kill|dead)", 0, "dk"),  # a global inline flag stays first
    (r"\b(?P<verb>kill|shoot)(?:ed|s)?\b", re.IGNORECASE, "ks"),
    (r"\b(?:said|told)+ (?:the )?police", 0, "st"),
    (r"(?:(?<=\w, )|(?<=\b[DRI]-))(?:TX|N\.D\.)(?![\w.])", 0, "NT"),  # lookbehinds in a group read nothing
    (r"(?:\b|(?<=-))kill", re.IGNORECASE, "k"),
    (r"kill|dead", 0, None),  # case-sensitive letters first: the engine scans for them already
    (r",\s+(?:said|told)", re.IGNORECASE, None),  # an uncased character first
    (r"\b\w+ed\b", 0, None),  # a category first
    (r"\b(?:a|)x", 0, None),  # an alternative that may be empty
    (r"\b(?:the )?army", 0, "at"),  # an optional word first: its first letter or the next word's
    (r"\b(?:the )?(?:\w+ )?army", 0, None),  # an optional word of any letters
    (r"\b[^a]x", 0, None),  # a negated class
    (r"^(?:kill|dead)", re.IGNORECASE, None),  # anchored: the engine tries one place
    (r"\b(?i:kill)", 0, None),  # flags scoped to a group
    (r"\b(?:kill) # a comment", re.VERBOSE, None),
    (r"\b.kill", 0, None),
    (r"\b(\w)\1", 0, None),  # a back-reference
    (r"\b", 0, None),  # reads nothing
]

EDGE_TEXTS = [
    "", "kill", "KILL", "Killed dead", "the army killed", "Reuters said; AFP", "clashes, fighting and FIGHTS",
    "abx bx cx Ax", "said told the police", "\u212aill and \u017fhoot", "I\u0307kill \u0130stanbul \u0131x",
    "x" * 50 + " dead", "Denton, TX; Sen. Roe, R-N.D. and N.D.", "anti-kill X-Kill", "shooted kills shoots", "tx a\nb kill", "the the army", "Ka kA",
]


@pytest.mark.parametrize(("pattern", "flags", "chars"), CASES, ids=[c[0] for c in CASES])
def test_first_characters(pattern: str, flags: int, chars: str | None) -> None:
    assert fastre.first_characters(pattern, flags) == chars
    compiled = fastre.compile(pattern, flags)
    if chars is None:
        assert compiled.pattern == pattern
    else:
        assert compiled.pattern != pattern and ("(?=[" in compiled.pattern or "(?-i:[" in compiled.pattern)
    assert fastre.source(compiled) == pattern


def _same(fast: re.Pattern[str], plain: re.Pattern[str], text: str) -> None:
    assert [(m.span(), m.groups(), m.groupdict()) for m in fast.finditer(text)] == \
        [(m.span(), m.groups(), m.groupdict()) for m in plain.finditer(text)], (plain.pattern, text)
    assert fast.sub("#", text) == plain.sub("#", text)
    assert fast.split(text) == plain.split(text)
    for pos in range(len(text) + 1):
        got, want = fast.match(text, pos), plain.match(text, pos)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), (plain.pattern, text, pos)


@pytest.mark.parametrize(("pattern", "flags", "chars"), CASES, ids=[c[0] for c in CASES])
def test_same_matches_as_re_on_edge_cases(pattern: str, flags: int, chars: str | None) -> None:
    fast, plain = fastre.compile(pattern, flags), re.compile(pattern, flags)
    assert (fast.groups, fast.groupindex, fast.flags) == (plain.groups, plain.groupindex, plain.flags)
    for text in EDGE_TEXTS:
        _same(fast, plain, text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="kilKILdeaDEA xs-,\u212a\u017f\u0130\u0131\n", max_size=40))
def test_same_matches_as_re_on_random_texts(text: str) -> None:
    for pattern, flags, _ in CASES:
        _same(fastre.compile(pattern, flags), re.compile(pattern, flags), text)


def test_compiled_once_and_kept() -> None:
    assert fastre.compile(r"\b(?:kill|dead)", re.IGNORECASE) is fastre.compile(r"\b(?:kill|dead)", re.IGNORECASE)
    plain = re.compile(r"\bx")
    assert fastre.compile(plain) is plain


def _module_patterns() -> list[tuple[str, re.Pattern[str]]]:
    """Every compiled pattern a module of the pipeline or the knowledge base holds at its top level (in a
    constant, a list, tuple or dict of them), with a lookahead of fastre's."""
    found: dict[str, tuple[str, re.Pattern[str]]] = {}
    for package in (frontlines.pipeline, frontlines.knowledge):
        for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            module = importlib.import_module(info.name)
            for name, value in vars(module).items():
                values = value.values() if isinstance(value, dict) else value if isinstance(value, list | tuple) else [value]
                for item in values:
                    for rx in (item if isinstance(item, tuple) else (item,)):
                        if isinstance(rx, re.Pattern) and fastre.source(rx) != rx.pattern:
                            found[rx.pattern] = (f"{info.name}.{name}", rx)
    return sorted(found.values(), key=lambda kv: kv[0])


def test_the_rules_patterns_find_what_re_finds_on_the_samples() -> None:
    patterns = _module_patterns()
    assert len(patterns) > 100, "the rules' patterns are compiled through fastre"
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + EDGE_TEXTS
    for where, fast in patterns:
        plain = re.compile(fastre.source(fast), fast.flags)
        for text in texts:
            assert [(m.span(), m.groups()) for m in fast.finditer(text)] == \
                [(m.span(), m.groups()) for m in plain.finditer(text)], where


def test_module_functions_are_re_s() -> None:
    text = "Killed dead, kill; KILL"
    assert fastre.search(r"\bkill", text, re.IGNORECASE).span() == re.search(r"\bkill", text, re.IGNORECASE).span()
    assert fastre.match(r"\w+", text).group() == "Killed"
    assert fastre.fullmatch(r"(?i)[a-z ,;]+", text) is not None
    assert fastre.sub(r"\bkill\b", "X", text, 1, re.IGNORECASE) == re.sub(r"\bkill\b", "X", text, count=1, flags=re.IGNORECASE)
    assert fastre.split(r"[,;]\s*", text, 1) == re.split(r"[,;]\s*", text, maxsplit=1)
    assert fastre.findall(r"\b(k)ill", text, re.IGNORECASE) == re.findall(r"\b(k)ill", text, re.IGNORECASE)
    assert [m.span() for m in fastre.finditer(r"\bdead\b", text)] == [m.span() for m in re.finditer(r"\bdead\b", text)]
    assert fastre.search(r"\bkill", text, re.IGNORECASE).re is fastre.compile(r"\bkill", re.IGNORECASE)  # kept


# random patterns of the shapes the rules use: an optional assertion, then alternations, groups, classes and repeats
_ATOMS = st.sampled_from(["k", "K", "i", "s", "a", "b", "-", " ", ",", "[a-c]", "[kK]", "[^a]", "\\w", "\\s", ".",
                          "\u212a", "\u0130"])


def _pattern(depth: int = 2) -> st.SearchStrategy[str]:
    """Repeats on single characters only, groups optional at most (nested repeats backtrack without end)."""
    piece = st.tuples(_ATOMS, st.sampled_from(["", "", "?", "+", "*", "{0,2}", "{1,2}", "+?"])).map("".join)
    if depth > 0:
        piece = st.one_of(piece, st.tuples(st.deferred(lambda: _group(depth - 1)), st.sampled_from(["", "?"])).map("".join))
    return st.lists(piece, min_size=1, max_size=4).map("".join)


def _group(depth: int) -> st.SearchStrategy[str]:
    return st.tuples(st.sampled_from(["(?:", "(", "(?P<g{}>"]), st.lists(_pattern(depth), min_size=1, max_size=3)) \
        .map(lambda t: t[0] + "|".join(t[1]) + ")")


_HEADS = st.sampled_from(["", "\\b", "(?<![\\w-])", "(?:(?<=, )|(?<=-))", "(?=k)", "(?i)"])


@settings(max_examples=300, deadline=None)
@given(_HEADS, st.lists(_pattern(), min_size=1, max_size=3), st.sampled_from([0, re.IGNORECASE]),
       st.lists(st.text(alphabet="kiKIsab-, \u212a\u0130\u0131\u017f\n", max_size=16), min_size=1, max_size=3))
def test_random_patterns_find_what_re_finds(head: str, branches: list[str], flags: int, texts: list[str]) -> None:
    body = "|".join(branches)
    named = iter(range(100))
    body = re.sub(r"<g\{\}>", lambda _m: f"<g{next(named)}>", body)
    pattern = head + body
    try:
        plain = re.compile(pattern, flags)
    except re.error:
        return
    fast = fastre.compile(pattern, flags)
    for text in texts:
        _same(fast, plain, text)


@pytest.mark.parametrize("text", [
    "Three soldiers were killed and two civilians were wounded near Gao on Monday.",
    "x" * 90 + " two men were shot; the police, who had been beaten, fled",
    "A farmer, a village elder and his three sons were reportedly abducted by gunmen.",
    "No one was hurt.", "Gunmen killed five people.", "",
])
def test_casualty_subjects_are_the_subject_pattern_s_matches(text: str) -> None:
    """``targets._casualty_subjects`` starts the subject pattern only near the first passive casualty verb: the same
    matches as the pattern over the whole text."""
    from frontlines.pipeline.events import targets

    assert [m.span("np") for m in targets._casualty_subjects(text)] == \
        [m.span("np") for m in targets._CASUALTY_SUBJECT.finditer(text)]


# long alternations: ``regroup`` files their alternatives by first character
WORDS = ["accidents?", "crash(?:ed|es)?", "collided", "[Cc]apsiz\\w*", "(?-i:Kill)", "sank", "(?:bus|car) crash",
         "storms?", "\\bfloods?", "k", "Ka"]


def test_an_alternation_is_grouped_by_first_characters() -> None:
    written = fastre.alternation(WORDS, re.IGNORECASE)
    assert written.startswith("(?=[a])(?:(?:accidents?))|(?=[Cc])(?:(?:crash(?:ed|es)?)|(?:collided)|(?:[Cc]apsiz\\w*)|")
    # an alternative that can start with several characters stands in each of their groups, in its place
    assert "(?=[b])(?:(?:(?:bus|car) crash))" in written and "|(?:(?:bus|car) crash)|(?:storms?)" not in written
    assert "(?=[Kk])(?:(?:(?-i:Kill))|(?:k)|(?:Ka))" in written  # IGNORECASE: K and k are one group, in order
    assert fastre.alternation(WORDS, 0).count("(?=[") > written.count("(?=[")  # case-sensitive: K and k apart
    assert fastre.alternation(WORDS[:5]) == "|".join(f"(?:{w})" for w in WORDS[:5])  # too short to pay
    unknown = [*WORDS, "\\w+ed"]  # a word of any letters first: left as it is
    assert fastre.alternation(unknown) == "|".join(f"(?:{w})" for w in unknown)
    capturing = [*WORDS, "(shot)"]  # moving a capturing group would renumber it
    assert fastre.alternation(capturing) == "|".join(f"(?:{w})" for w in capturing)


@pytest.mark.parametrize("flags", [0, re.IGNORECASE])
def test_a_grouped_alternation_finds_what_the_plain_one_finds(flags: int) -> None:
    plain = re.compile("|".join(f"(?:{w})" for w in WORDS), flags)
    grouped = re.compile(fastre.alternation(WORDS, flags), flags)
    for text in [*EDGE_TEXTS, "Bus crash: a car crashed, a KA-52 capsized; Kill k ka storms floods", "sank sanka"]:
        _same(grouped, plain, text)


def test_regroup_rewrites_each_long_alternation_that_captures_nothing() -> None:
    body = "|".join(WORDS)
    assert fastre.regroup(f"\\b(?:{body})\\b", re.IGNORECASE) == f"\\b(?:{fastre.alternation(WORDS, re.IGNORECASE)})\\b"
    assert fastre.regroup(body) == fastre.alternation(WORDS)  # the top level
    assert fastre.regroup(f"(?P<w>{body})") == f"(?P<w>{body})"  # a capturing group: its alternation is left
    assert fastre.regroup(f"(?<=x)(?:{body})") == f"(?<=x)(?:{fastre.alternation(WORDS)})"
    # brackets and bars in a class or escaped are no group and no alternative
    tricky = ["[(|]a", "\\(b", "c\\|", "[]|]d", "e(?:f|g)", "h", "[)]i"]
    assert fastre.regroup("(?:" + "|".join(tricky) + ")") == "(?:" + fastre.alternation(tricky) + ")"
    assert fastre.regroup("(?:a|b)") == "(?:a|b)"
    pattern = f"\\b(?:{body})(?: (?:{body}))?"
    fast = fastre.compile(pattern, re.IGNORECASE)
    assert fastre.source(fast) == pattern and fast.pattern.count("(?=[") > 10


@settings(max_examples=300, deadline=None)
@given(_HEADS, st.lists(_pattern(1), min_size=6, max_size=10), st.sampled_from(["(?:{})", "{}", "(?:{})\\b", "x(?:{})?k"]),
       st.sampled_from([0, re.IGNORECASE]),
       st.lists(st.text(alphabet="kiKIsab-, \u212a\u0130\u0131\u017f\n", max_size=16), min_size=1, max_size=3))
def test_random_long_alternations_find_what_re_finds(head: str, branches: list[str], shape: str, flags: int,
                                                     texts: list[str]) -> None:
    _compiled_alike(head + shape.format(_named_groups("|".join(branches))), flags, texts)


def _named_groups(body: str) -> str:
    """The random pieces' named groups, numbered apart."""
    named = iter(range(100))
    return re.sub(r"<g\{\}>", lambda _m: f"<g{next(named)}>", body)


def _compiled_alike(pattern: str, flags: int, texts: list[str]) -> None:
    """fastre's form of ``pattern`` has its groups and finds what ``re`` finds on ``texts`` (no test for a random
    pattern ``re`` refuses)."""
    try:
        plain = re.compile(pattern, flags)
    except re.error:
        return
    fast = fastre.compile(pattern, flags)
    assert (fast.groups, fast.groupindex) == (plain.groups, plain.groupindex)
    for text in texts:
        _same(fast, plain, text)


@pytest.mark.parametrize(("pattern", "flags", "written"), [
    (r"\b(?:kill|dead)\b", re.IGNORECASE,
     r"(?-i:[DKdk" "\u212a" r"])(?<=\b(?s:.))(?:(?<=[k])(?:(?:ill))|(?<=[d])(?:(?:ead)))\b"),  # with the Kelvin sign
    (r"(?<![\w-])(?:shot|shelled|struck)(?![\w-])", 0,
     r"(?-i:[s])(?<=(?<![\w-])(?s:.))(?:(?<=[s])(?:(?:hot)|(?:helled)|(?:truck)))(?![\w-])"),
    (r"(?:k|kill) x", 0, r"(?-i:[k])(?:(?<=[k])(?:|(?:ill))) x"),  # an alternative of one character leaves nothing
])
def test_a_pattern_opens_with_its_first_characters_consumed(pattern: str, flags: int, written: str) -> None:
    assert fastre.consuming(pattern, flags) == written
    assert fastre.compile(pattern, flags).pattern == written


@pytest.mark.parametrize("pattern", [
    r"\b(?:kill|dead)?x",  # the group may be skipped
    r"\b(?:[kK]ill|dead)",  # a class first in an alternative
    r"\b(?:k?ill|dead)",  # a quantified first character
    r"\bx(?:kill|dead)",  # a character before the group
    r"^(?:kill|dead)",  # anchored
    r"\b(?P<w>kill|dead)",  # a capturing group: left to the lookahead form
])
def test_patterns_of_other_shapes_are_not_rewritten_so(pattern: str) -> None:
    assert fastre.consuming(pattern, re.IGNORECASE) is None


def test_the_folds_of_a_letter_are_what_ignorecase_matches() -> None:
    assert fastre._folds("k") == {"k", "K", "\u212a"}
    assert fastre._folds("s") == {"s", "S", "\u017f"}
    assert fastre._folds("-") == {"-"}


_PLAIN_FIRST = st.tuples(st.sampled_from(list("kKsSiIab- ,")), _pattern(1).filter(lambda p: p[:1] not in "?*+{")).map("".join)


@settings(max_examples=300, deadline=None)
@given(_HEADS, st.lists(st.one_of(_PLAIN_FIRST, st.sampled_from(list("kKsS- "))), min_size=1, max_size=8),
       st.sampled_from(["", "\\b", "x", "(?:a|b)", "(k)"]), st.sampled_from([0, re.IGNORECASE]),
       st.lists(st.text(alphabet="kiKIsab-, \u212a\u0130\u0131\u017fx\n", max_size=16), min_size=1, max_size=3))
def test_random_consumed_patterns_find_what_re_finds(head: str, branches: list[str], tail: str, flags: int,
                                                     texts: list[str]) -> None:
    """Patterns of the shape ``consuming`` rewrites: assertions, then alternatives that open with a plain character."""
    _compiled_alike(head + "(?:" + _named_groups("|".join(branches)) + ")" + tail, flags, texts)
