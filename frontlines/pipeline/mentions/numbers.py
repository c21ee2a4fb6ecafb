"""Counting people the way ACLED does.

ACLED's conservative rules: "at least N" = N; a range "N to M" = N; "dozens" = 12; "hundreds" = 100;
"several", "many", "a number of" = 10 (ACLED codes vague plural counts as 10); "a" / "one" = 1.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator

from frontlines import fastre

__all__ = ["NUMBER", "QUANTITY", "find_quantities", "parse_number", "parse_quantity"]

WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "a hundred": 100, "a dozen": 12, "dozen": 12, "dozens": 12, "scores": 12,
    "hundreds": 100, "thousands": 1000, "several": 10, "many": 10, "numerous": 10,
    "a number of": 10, "a few": 3, "few": 3, "a couple of": 2, "couple of": 2, "both": 2,
    "single": 1, "lone": 1,
}
# "how many died", "not known how many people were killed": a question, not a count
_WORD_ALT = "|".join(r"(?<!how )many" if w == "many" else re.escape(w) for w in sorted(WORDS, key=len, reverse=True))
_MULTIPLE = r"(?:two|three|four|five|six|seven|eight|nine|ten) (?:dozen|hundred)(?! of)"  # "two dozen" is 24
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
    rf"(?:one|two|three|four|five|six|seven|eight|nine)|{_MULTIPLE}|{_WORD_ALT})"
)
_QUALIFIER = (
    r"(?:at least|more than|over|about|around|some|nearly|almost|up to|as many as|roughly|"
    r"approximately|an estimated|a total of|another|at most|fewer than|less than|dozens of|hundreds of)"
)
_PEOPLE = (
    r"(?:people|persons?|civilians?|soldiers?|troops|fighters?|militants?|militiam[ae]n|members?|"
    r"gunmen|insurgents?|rebels?|jihadists?|policem[ae]n|police(?:men| officers)?|officers?|guards?|"
    r"children|child|women|woman|men|man|residents?|villagers?|migrants?|workers?|students?|"
    r"protesters|demonstrators|bodies|dead|deaths|casualties|fatalities|lives|victims?|"
    r"attackers?|assailants?|terrorists?|combatants?|mercenar(?:y|ies)|recruits?|passengers?|"
    r"family members|relatives|journalists?|farmers?|herders?|traders?|others?|pupils?|"
    r"members of [\w\s-]{1,40}?|[A-Z][\w-]+ (?:fighters?|soldiers?|militants?|troops|members))"
)
QUANTITY = fastre.compile(
    rf"\b(?P<qualifier>{_QUALIFIER}\s+)?(?P<number>{NUMBER})(?:\s*[-–]\s*\d+|\s+(?:to|or)\s+{NUMBER})?"
    rf"(?:\s+[\w-]+){{0,2}}?\s+{_PEOPLE}\b",
    re.IGNORECASE,
)

# Where a QUANTITY match can be (issue 14: one scan of a 1 MB text took 0.45 s): it holds only word characters,
# white space, commas and dashes, so it lies inside one stretch of those between two other characters (where ``\b``
# and the negative lookaheads read the other character as they read the end of the text: keep it so when QUANTITY
# changes - a lookahead for "." would not be; the hypothesis test in tests/pipeline/test_sentences_numbers.py checks
# it); and it holds white space and a word for people.
# ``find_quantities`` scans only the stretches with such a word, looked for in the lower-cased text without
# IGNORECASE (a case-sensitive scan is much the cheaper); a text with a letter that IGNORECASE matches to a Latin
# one besides its two cases (dotted and dotless i, long s, Kelvin sign) is scanned whole.
_OUTSIDE = fastre.compile(r"[^\w\s,\-–]")
_PEOPLE_HIT = fastre.compile(rf"\s{_PEOPLE}(?![a-z])")
_FOLDS_TO_LATIN = fastre.compile("[\u0130\u0131\u017f\u212a]")


def find_quantities(text: str) -> Iterator[re.Match[str]]:
    """``QUANTITY.finditer(text)``: the same matches, scanning only where one can be."""
    lowered = text.lower()
    if len(lowered) != len(text) or _FOLDS_TO_LATIN.search(text):
        yield from QUANTITY.finditer(text)
        return
    stops = [m.start() for m in _OUTSIDE.finditer(text)]
    pos = 0
    while (hit := _PEOPLE_HIT.search(lowered, pos)) is not None:
        i = bisect_right(stops, hit.start())
        start, end = (stops[i - 1] + 1 if i else 0), (stops[i] if i < len(stops) else len(text))
        yield from QUANTITY.finditer(text, start, end)
        pos = end


def parse_number(token: str) -> int | None:
    token = token.strip().lower()
    if fastre.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", token):
        return int(token.replace(",", ""))
    if token in WORDS:
        return WORDS[token]
    parts = fastre.split(r"[- ]", token)
    if len(parts) == 2 and parts[0] in WORDS and parts[1] in ("dozen", "hundred"):
        return WORDS[parts[0]] * WORDS[parts[1]]  # "two dozen", "three hundred"
    if len(parts) == 2 and parts[0] in WORDS and parts[1] in WORDS:
        return WORDS[parts[0]] + WORDS[parts[1]]
    return None


def parse_quantity(number: str, qualifier: str | None = None) -> int | None:
    """The ACLED-conservative value of a counted phrase ("at least 12", "dozens of")."""
    if qualifier and qualifier.strip().lower() in ("dozens of", "hundreds of"):
        return WORDS[qualifier.strip().lower()[:-3]]
    value = parse_number(number)
    if value is None:
        return None
    if qualifier and qualifier.strip().lower() in ("more than", "over") and value >= 10:
        return value  # "more than 20" -> 20 (ACLED: the stated floor)
    return value
