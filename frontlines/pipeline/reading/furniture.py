"""Page furniture: the lines of a scraped page that are not the article's sentences.

A page pasted or scraped whole carries, between the article's paragraphs, lines that no reporter wrote as
news: headlines of related stories, section and tag lists, share and subscription widgets, photo captions
and credit lines, render dates. They read like events ("Rebels seize airport") but report nothing new, or
repeat the lede. Each such line becomes a ``furniture`` block with the reason it was recognised; nothing is
deleted, and the document reader shows the block.

The rules, each tested alone in ``tests/pipeline/test_furniture.py``:

- **credit line or caption**: a line that carries a photo credit ("/Reuters" at its end, "REUTERS/Name",
  "Photo:", "(AP Photo/...)", "Getty Images", an agency alone in brackets closing a short line: "... 2020. (AFP)");
  its last sentence only, unless the line ends with a picture desk's tags ("(LIBYA - Tags: CONFLICT)"), which make
  all of it a caption;
- **widget**: a line that opens with a call to action or a widget's label ("Read more", "Share this",
  "Subscribe", "Advertisement", "Related:", "© 2023 ...");
- **headline or link line**: a line under 160 characters that no sentence mark ends, that is not the text's
  last line (a truncated excerpt ends mid-sentence) unless it closes a list of links under a widget or
  headlines ("Related headlines", then headlines to the end of the page), and that is not a wrapped line of
  running text (the next line opens in lower case, or this one ends with a comma, hyphen or function word).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from frontlines import fastre

__all__ = ["furniture_lines"]

_MAX_HEADLINE = 160
_LINK, _HEADLINE = "widget or link line", "headline or link line: no sentence mark ends it"
_SENTENCE_END = fastre.compile(r"[.!?:;…\"”’')\]]\s*$")
_CREDIT = fastre.compile(
    r"/\s*(?:Reuters|REUTERS|AFP|AP|EPA|Getty Images|Anadolu|Xinhua)\s*\.?\s*$|\b(?:REUTERS|AFP|EPA|AP Photo)/\s*\w|"
    r"^\s*(?:Photo|Image|Picture|Credit|Caption|File photo|Photograph)\s*(?:credit)?\s*:|"
    r"\((?:AP|AFP|Reuters|EPA) Photo\b|\bvia Getty Images\b|\bGetty Images\s*$|"
    r"\((?:Photo|Image|Picture|File photo|Photograph)s?\s*(?:credit)?\s*:[^()]{1,60}\)\s*$",
    re.IGNORECASE)
# a credit in brackets closing a short line ("Protesters in Kathmandu on Monday. (Photo: Staff)"): the whole line is
# the picture's caption, not only the credit's own sentence
_BRACKETED_CREDIT = fastre.compile(r"\((?:Photo|Image|Picture|File photo|Photograph)s?\s*(?:credit)?\s*:[^()]{1,60}\)\s*$|"
                                   r"(?<=[.!?] )\((?-i:AFP|AP|Reuters|EPA|Getty Images|Anadolu)\)\s*$",
                                   re.IGNORECASE)
# an agency alone in brackets closing a short line after its sentence ("A forensic team works at a grave in Tarhuna,
# June 11, 2020. (AFP)"): a picture's caption (a paragraph of news that ends so is no caption)
_AGENCY_CREDIT = fastre.compile(r"(?<=[.!?] )\((?:AFP|AP|Reuters|EPA|Getty Images|Anadolu)\)\s*$")
_WIDGET = fastre.compile(
    r"^\s*(?:[•·|>*-]\s*)?(?:Read more|Read also|Also read|Related(?: articles| stories| news)?\s*:|See also|More on this|"
    r"Share(?: this| on| via)?\b|Subscribe|Sign up|Sign in|Log in|Advertisement|Sponsored|Click here|Follow us|"
    r"We use cookies|Accept (?:all )?cookies|Cookie|Donate|Support (?:our|us)|Newsletter|Comments? \(\d+\)|Tags?\s*:|"
    r"Topics?\s*:|Filed under|Posted in|Print this|Email this|Skip to|©|Copyright\b|All rights reserved)",
    re.IGNORECASE)
# the heading of a list of links to other stories
_LIST_HEAD = fastre.compile(r"^\s*(?:Read more|Read also|Also read|Related|See also|More (?:on this|from|stories|news)|"
                            r"Latest|Most read|Top stories)\b", re.IGNORECASE)
# a wire picture desk's caption ends with its credit and its tags ("REUTERS/Name (LIBYA - Tags: POLITICS CONFLICT)"):
# the whole line is the caption, its background sentences included
_PICTURE_DESK = fastre.compile(r"\(\s*[A-Z][A-Z .'-]*\s+-\s+Tags:[^)]*\)\s*$")
# a line of running text broken by a hard wrap ends with one of these, or the next line goes on in lower case
_WRAPPED_END = fastre.compile(r"(?:[,\-–—(/&]|\b(?:the|a|an|of|and|or|to|in|on|at|for|by|with|from|as|that|which|who|"
                              r"its|their|his|her)|\s)$", re.IGNORECASE)  # not "says": "..., official says" ends a headline


def furniture_lines(text: str, start: int, end: int) -> Iterator[tuple[int, int, str]]:
    """(start, end, reason) of each furniture line of ``text[start:end]`` (one paragraph or block), in order."""
    text_end = len(text.rstrip())
    lines = list(_lines(text, start, end))
    for i, (s, e) in enumerate(lines):
        line = text[s:e]
        nxt = text[lines[i + 1][0]:lines[i + 1][1]] if i + 1 < len(lines) else _next_line(text, e)
        prev = text[lines[i - 1][0]:lines[i - 1][1]] if i else _previous_line(text, s)
        # the last line of a list of links ("Related headlines", "Read more:", then headlines) is a headline too
        listed = prev is not None and (bool(_LIST_HEAD.match(prev)) or furniture_reason(prev, line) == _HEADLINE)
        reason = furniture_reason(line, nxt, last=e >= text_end and not listed)
        if reason == "caption or credit line" and not _PICTURE_DESK.search(line) \
                and not (_BRACKETED_CREDIT.search(line) and len(line) < _MAX_HEADLINE):
            s += _credit_start(line)  # a credit at the end of a paragraph-long line marks its last sentence only
        if reason:
            yield s, e, reason


def furniture_reason(line: str, next_line: str | None, *, last: bool = False) -> str | None:
    """Why ``line`` is page furniture, or None when it may be the article's text. ``next_line`` is the line
    after it (None at the end); ``last`` says it ends the whole text (an excerpt may be cut mid-sentence)."""
    stripped = line.strip()
    if not stripped:
        return None
    if _CREDIT.search(stripped) or (_AGENCY_CREDIT.search(stripped) and len(stripped) < _MAX_HEADLINE):
        return "caption or credit line"
    if _WIDGET.match(stripped):
        return _LINK
    if last or len(stripped) >= _MAX_HEADLINE or _SENTENCE_END.search(stripped):
        return None
    if stripped[0].islower() or _WRAPPED_END.search(stripped):
        return None  # running text wrapped by hand, or a fragment
    if next_line is not None and next_line.strip()[:1].islower():
        return None  # the sentence goes on on the next line
    return _HEADLINE


_SENTENCE_BREAK = fastre.compile(r"[.!?][\"'”’)]*\s+(?=[A-Z\"“‘])")


def _credit_start(line: str) -> int:
    """Where the sentence holding a line's credit starts: the line's start unless whole sentences precede it."""
    m = _CREDIT.search(line)
    breaks = [b.end() for b in _SENTENCE_BREAK.finditer(line, 0, m.start())] if m else []
    return breaks[-1] if breaks else 0


def _lines(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    cursor = start
    while cursor < end:
        stop = text.find("\n", cursor, end)
        stop = end if stop < 0 else stop
        s, e = cursor, stop
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            yield s, e
        cursor = stop + 1


def _previous_line(text: str, pos: int) -> str | None:
    before = text[:pos].rstrip()
    if not before:
        return None
    return before[before.rfind("\n") + 1:]


def _next_line(text: str, pos: int) -> str | None:
    for s, e in _lines(text, pos, len(text)):
        return text[s:e]
    return None
