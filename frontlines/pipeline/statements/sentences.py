"""Fast rule-based sentence splitting that respects block and paragraph boundaries.

A sentence never crosses a line break that ends a paragraph, nor a block boundary; a title line
without a full stop is its own sentence. Abbreviations ("Gen.", "U.S.", "Jan.") do not end one.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from frontlines import fastre
from frontlines.model import Block

__all__ = ["is_abbreviation", "split_sentences"]

_ABBREVIATIONS = frozenset(
    """mr mrs ms dr gen lt col maj capt sgt cpl pvt adm brig cmdr st mt ft jan feb mar apr jun jul aug
    sep sept oct nov dec no nos vs approx est dept govt sen rep gov pres prof jr sr inc co corp ltd
    u.s u.n u.k e.g i.e a.m p.m al""".split()
)
# candidate boundary: . ! ? (optionally followed by quotes/brackets) then whitespace
_BOUNDARY = fastre.compile(r"[.!?]+[\"'”’)\]]*(?=\s+)|"
                           # a scraped page that lost the space after a full stop: "...retake the city.It leaves"
                           r"(?<=[a-z]{2})[.!?]+[\"'”’)\]]*(?=[A-Z][a-z])")
_NEWLINE = fastre.compile(r"\n\s*\n|\n")
_BULLET = fastre.compile(r"\s*(?:[-*•>]|\d+\.)\s")
_NEXT_CHARACTER = fastre.compile(r"\S")
_LINE_END = ".!?:;\"”’)]"


def _is_paragraph_break(text: str, match: re.Match[str], line_start: int) -> bool:
    """A blank line always breaks; a single newline breaks unless it only wraps a long line."""
    if "\n" in match.group()[1:]:
        return True
    before = text[line_start : match.start()].rstrip()
    if not before or before[-1] in _LINE_END or len(before) < 60:
        return True
    return bool(_BULLET.match(text, match.end()))


def is_abbreviation(text: str, dot: int) -> bool:
    """True when the '.' at ``dot`` closes an abbreviation or an initial."""
    if text[dot] != ".":
        return False
    start = dot
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "."):
        start -= 1
    word = text[start:dot].lower()
    if word in _ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # an initial: "K. Haftar"
        return True
    return "." in word and len(word) <= 6  # U.S. / U.N.


def _split_paragraph(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    for match in _BOUNDARY.finditer(text, start, end):
        stop = match.end()
        if is_abbreviation(text, match.start()):
            continue
        nxt = _NEXT_CHARACTER.search(text, stop, end)  # not text[stop:end].lstrip(): a copy of the rest per boundary
        if nxt and nxt.group().islower():
            continue  # "... 5 p.m. on Tuesday" style false boundary
        yield cursor, stop
        cursor = stop
    if cursor < end:
        yield cursor, end


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _regions(text: str, blocks: Sequence[Block]) -> list[tuple[int, int]]:
    if not blocks:
        return [(0, len(text))]
    regions = []
    cursor = 0
    for block in sorted(blocks, key=lambda b: b.start):
        if block.start > cursor:
            regions.append((cursor, block.start))
        regions.append((block.start, block.end))
        cursor = max(cursor, block.end)
    if cursor < len(text):
        regions.append((cursor, len(text)))
    return regions


def split_sentences(text: str, blocks: Sequence[Block] = ()) -> list[tuple[int, int]]:
    """Sentence spans (start, end) over ``text``, in order, whitespace trimmed, never empty."""
    spans: list[tuple[int, int]] = []
    for region_start, region_end in _regions(text, blocks):
        cursor = line_start = region_start
        for newline in _NEWLINE.finditer(text, region_start, region_end):
            if _is_paragraph_break(text, newline, line_start):
                spans.extend(_split_paragraph(text, cursor, newline.start()))
                cursor = newline.end()
            line_start = newline.end()
        spans.extend(_split_paragraph(text, cursor, region_end))
    out = []
    for start, end in spans:
        start, end = _strip(text, start, end)
        if end > start and any(ch.isalnum() for ch in text[start:end]):
            out.append((start, end))
    return out
