"""Counting people the way ACLED does.

ACLED's conservative rules: "at least N" = N; a range "N to M" = N; "dozens" = 12; "hundreds" = 100;
"several", "many", "a number of" = 10 (ACLED codes vague plural counts as 10); "a" / "one" = 1.
"""

from __future__ import annotations

import re

__all__ = ["NUMBER", "QUANTITY", "parse_number", "parse_quantity"]

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
_WORD_ALT = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))
NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ]"
    rf"(?:one|two|three|four|five|six|seven|eight|nine)|{_WORD_ALT})"
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
QUANTITY = re.compile(
    rf"\b(?P<qualifier>{_QUALIFIER}\s+)?(?P<number>{NUMBER})(?:\s*[-–]\s*\d+|\s+(?:to|or)\s+{NUMBER})?"
    rf"(?:\s+[\w-]+){{0,2}}?\s+{_PEOPLE}\b",
    re.IGNORECASE,
)


def parse_number(token: str) -> int | None:
    token = token.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", token):
        return int(token.replace(",", ""))
    if token in WORDS:
        return WORDS[token]
    parts = re.split(r"[- ]", token)
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
