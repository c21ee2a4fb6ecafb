"""The structure of a blog post or wire story: dateline, title, quoted news, UPDATEs, the author's
commentary and a comments footer, as ``Block`` spans over the text (each knows its voice).

A blog post typically reads: a date header, a title, an outlet line ("Reuters:"), quoted paragraphs
("..., security officials say"), "UPDATE:" sections, "My Comment: ..." and "3 comments:".
A wire story opens with a dateline ("TRIPOLI, April 7 (Reuters) -"): all of it is the outlet's voice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from frontlines import fastre
from frontlines.knowledge.yamlfile import load_yaml
from frontlines.model import Block
from frontlines.pipeline.reading.furniture import furniture_lines

__all__ = ["ParsedBlog", "outlet_names", "parse_blog"]

OUTLETS = Path(__file__).resolve().parents[2] / "knowledge" / "data" / "outlets.yaml"
_PARAGRAPH = fastre.compile(r"\n[ \t]*\n")
_LINE = fastre.compile(r"\n")
_DATE_LINE = fastre.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    r"(?:(?P<m1>[A-Z][a-z]+)\.?\s+(?P<d1>\d{1,2}),?\s+(?P<y1>\d{4})|(?P<d2>\d{1,2})\s+(?P<m2>[A-Z][a-z]+)\.?,?\s+(?P<y2>\d{4})|"
    r"(?P<iso>\d{4}-\d{2}-\d{2})|(?P<slash>\d{1,2}/\d{1,2}/\d{4}))\s*$"
)
# "UPDATE:", "Update 2 -", "UPDATE (Tuesday evening):", "UPDATE, 6 Aug:", "UPDATE 15/06:": the words after it are a
# later telling, dated by its own words (a day in brackets dates the update, not what it tells)
_UPDATE = fastre.compile(r"^\s*(?:\*\*)?(?:UPDATE|Update)(?:\s*\d+(?:/\d+)?|\s*\([^()\n]{1,30}\)|,\s*[^:,\n]{1,20})?\s*[:\-–]",
                         re.M)
# The author's own voice: "My Comment:", "WNU Editor:", "Editor's note:", "Author's comment:", "My take:".
_COMMENT = fastre.compile(
    r"^\s*(?:\*\*)?(?:My (?:[Cc]omments?|[Tt]akes?|[Vv]iews?|[Tt]houghts|[Aa]nalysis|[Tt]wo [Cc]ents)|MY COMMENTS?|Comments?|"
    r"Commentary|(?:[A-Z][A-Za-z]{1,10} )?Editor(?:'?s (?:[Nn]ote|[Cc]omment|[Tt]ake))?|Author'?s (?:[Nn]ote|[Cc]omment))"
    r"\s*(?:\*\*)?\s*[:\-–]"
)
# A reader's comment under the post: "Anonymous said...", "Jane Doe said..." (Blogger), "Sam wrote:".
_COMMENTER = fastre.compile(r"^\s*(?P<who>[^\n:]{1,60}?)\s+(?:said\.{0,3}|says\.{0,3}|wrote:?)\s*$", re.I)
# a comment's header with its time stamp (WordPress and others): "Gebre W. - 18 April 2024 at 9:12 pm",
# "Moussa B. | June 14, 2024 at 6:02 pm", "Jane on March 3, 2015 at 5:12 pm said:"
_STAMP_DAY = r"(?:\d{1,2}\s+[A-Z][a-z]+\.?,?\s+\d{4}|[A-Z][a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}/\d{1,2}/\d{2,4})"
_COMMENT_STAMP = fastre.compile(rf"^\s*(?P<who>[^\n|:]{{1,60}}?)\s*(?:[|–—-]|\bon\b)\s*{_STAMP_DAY},?\s+(?:at\s+)?"
                                r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+said:?)?\s*$", re.I)
# ("Posted by X on Tuesday" is a byline, above a post or an embedded one, not the comments)
_FOOTER = fastre.compile(r"^\s*(?:\d+\s+comments?:?|Comments?:?|No comments:?|Leave a (?:reply|comment).*|"
                         r"Anonymous said\.{0,3}.*|.* said\.\.\.)\s*$", re.I)
_ATTRIBUTED = fastre.compile(r"(?:,|\") (?:[\w'’.-]+ ){0,6}(?:said|says|say|reported|reports|told|added|stated)\b|"
                             r"\baccording to\b|\((?:Reuters|AP|AFP)\)", re.I)


@dataclass
class ParsedBlog:
    title: str | None = None
    published: date | None = None
    outlet: str | None = None  # the outlet whose story this is (wire dateline)
    outlets: list[str] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    wire_dateline: tuple[int, int] | None = None  # "TRIPOLI, Oct 15 (AP) -": where it was filed, not where it happened


@lru_cache(maxsize=1)
def outlet_names() -> tuple[str, ...]:
    data = load_yaml(OUTLETS.read_text(encoding="utf-8"))
    return tuple(sorted(data["outlets"], key=len, reverse=True))


@lru_cache(maxsize=1)
def _outlet_regex() -> re.Pattern[str]:
    body = "|".join(re.escape(o) for o in outlet_names())
    return fastre.compile(rf"(?<![\w-])(?:{body})(?![\w-])")


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """The page's paragraphs: split at blank lines, or at each line break on a page that has none (a page copied
    line by line keeps its title, dateline, captions and comment headers each on a line of its own)."""
    spans, cursor = [], 0
    for m in (_PARAGRAPH if _PARAGRAPH.search(text) else _LINE).finditer(text):
        spans.append((cursor, m.start()))
        cursor = m.end()
    spans.append((cursor, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _date_of(line: str) -> date | None:
    m = _DATE_LINE.match(line.strip())
    if not m:
        return None
    try:
        if m.group("iso"):
            return date.fromisoformat(m.group("iso"))
        if m.group("slash"):
            return datetime.strptime(m.group("slash"), "%d/%m/%Y").date()
        month, day, year = (m.group("m1"), m.group("d1"), m.group("y1")) if m.group("m1") else (m.group("m2"), m.group("d2"), m.group("y2"))
        return datetime.strptime(f"{month[:3]} {day} {year}", "%b %d %Y").date()
    except ValueError:
        return None


# "TRIPOLI (AP) -", "CAIRO, Feb 16 (Reuters) -", "BENGHAZI, Libya, Nov. 25 (UPI) --", "Kabul, 6 June 2021 (AFP) -":
# the place it was filed (a town, optionally its country or state), an optional day, the outlet, a dash
_WIRE_DAY = r"(?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{1,2} [A-Z][a-z]{2,8}\.?)(?:,? \d{4})?"
_WIRE = fastre.compile(rf"^[A-Z][A-Za-z .'-]{{1,40}}(?:,\s*[A-Z][A-Za-z .'-]{{1,30}}?)?(?:,\s*{_WIRE_DAY})?"
                       r"\s*\((?P<o>[^)]{2,40})\)\s*[-–—]")
# a newspaper's dateline with no outlet: the town in capitals (or two: "TRIPOLI/BENGHAZI"), a dash or a colon
# ("BEIRUT —", "BENGHAZI, Libya — ", "PESHAWAR - Six ...", "QUETTA: At least ..."); a town and a colon before a
# capital ("Aden: A drone strike", "Tunis, 29 April 2017:"); the day and the town in brackets ("November 5, 2017
# (JUBA) –", "(Tripoli) The death toll")
# (up to three words, with a particle: "RIO DE JANEIRO", "PORT AU PRINCE", "SAN PEDRO SULA")
_CAPS_TOWN = r"[A-Z][A-Z'-]{2,20}(?: (?:(?:D[AEOU]S?|DEL?|LA|LOS|EL|AU|AL) )?[A-Z][A-Z'-]{2,20}){0,2}"
_PAPER_DATELINE = fastre.compile(
    rf"^[\"“]?(?:{_CAPS_TOWN}(?:/{_CAPS_TOWN})?(?:,\s*[A-Z][A-Za-z .'-]{{1,30}}?)?(?:,\s*{_WIRE_DAY})?"
    rf"(?:\s*(?:—|–|--)\s*(?=\S)|\s+-\s+(?=[A-Z\d])|:\s+(?=[A-Z\d]))"
    rf"|[A-Z][a-z]{{2,20}}(?:,\s*{_WIRE_DAY})?:\s+(?=[A-Z\d])"
    rf"|(?:{_WIRE_DAY}\s*)?\([A-Z][A-Za-z]{{2,20}}\)\s*(?:[-–—]\s*)?(?=[A-Z\d]))")
# labels that open a line with a colon and are no town ("Update:", "Photo:", "WATCH:")
_NO_DATELINE = fastre.compile(r"^[\"“]?(?:update|comments?|photos?|video|watch|note|source|related|summary|background|editor|"
                              r"warning|caption|breaking|exclusive|analysis|opinion|advertisement|read more|listen|"
                              r"editor's note|my comment|"
                              # a coder's or a feed's event label ("Looting: ...", "ARREST: ...")
                              r"looting|arrests?|abductions?|kidnappings?|attacks?|clash(?:es)?|protests?|riots?|battles?|"
                              r"explosions?|shelling|air ?strikes?|violence|property destruction|agreements?|"
                              r"headquarters|strategic developments?|remote violence|disrupted weapons use|non-violent|"
                              r"sexual violence|mob violence|excessive force)\b", re.IGNORECASE)
# a scraper's date field before the text ("date 2019-06-20 Military sources said ..."): when it was published
_DATE_FIELD = fastre.compile(r"date:?[ \t]+(?P<iso>\d{4}-\d{2}-\d{2})\b[ \t]*")


def _wire_outlet(paragraph: str) -> str | None:
    m = _WIRE.match(paragraph)
    return m.group("o").strip() if m else None


def _intro_outlet(paragraph: str) -> str | None:
    """A short line introducing quoted news: "Reuters:", "From Al Jazeera:", "Al Jazeera reports:"."""
    if len(paragraph) > 160 or "\n" in paragraph.strip():
        return None
    m = _outlet_regex().search(paragraph)
    if m and fastre.search(r"(?::\s*$|:\s+\S|\breports?\b|\bwrites\b|^\s*(?:From|Via|Source|H/T)\b)", paragraph):
        return m.group()
    return None


def parse_blog(text: str) -> ParsedBlog:
    parsed = ParsedBlog()
    parsed.outlets = list(dict.fromkeys(m.group() for m in _outlet_regex().finditer(text)))
    paragraphs = _paragraphs(text)
    mode, label, wire = "body", None, None
    started = False  # whether the article's text has begun
    # whether a paragraph of prose came before: a page's furniture (section, byline, share buttons) may push the
    # dateline below the first four paragraphs ("World | 3 min read", "By Staff", "Share on Facebook", "ALMATY, Jan 6 -")
    prose_before = False
    if paragraphs and (field := _DATE_FIELD.match(text, paragraphs[0][0])) is not None:
        s0, e0 = paragraphs[0]
        try:
            parsed.published = date.fromisoformat(field.group("iso"))
        except ValueError:
            pass
        parsed.blocks.append(Block("dateline", s0, field.end(), "author"))
        paragraphs[0:1] = [(field.end(), e0)] if field.end() < e0 else []
    for i, (s, e) in enumerate(paragraphs):
        para = text[s:e]
        first_line = para.split("\n", 1)[0]
        if i < 3 and parsed.published is None and _date_of(first_line) and len(para) < 60:
            parsed.published = _date_of(first_line)
            parsed.blocks.append(Block("dateline", s, e, "author"))
            continue
        if i < 3 and parsed.title is None and len(paragraphs) > 1 and len(para) < 160 and "\n" not in para and not para.rstrip().endswith(".") \
                and not _wire_outlet(para) and not _COMMENT.match(para):
            parsed.title = para.strip()
            parsed.blocks.append(Block("title", s, e, "author"))
            continue
        if i == 2 and [b.kind for b in parsed.blocks] == ["title", "dateline"] and _post_title(para):
            # "Highlands Notebook / Tuesday, 20 February 2024 / Enga: the worst massacre": the first line was the
            # blog's name, above its date; a place in it ("Letters from Cyrenaica") locates nothing the post tells
            parsed.blocks[0] = replace(parsed.blocks[0], kind="furniture", reason=MASTHEAD)
        stamp = _COMMENT_STAMP.match(first_line) if started else None  # (a byline above the article is no comment)
        if mode == "comments" or _FOOTER.match(first_line) or stamp:
            mode = "comments"  # readers' words, not the author's: quoted, with the commenter when named
            if (who := _COMMENTER.match(first_line) or stamp) is not None:
                label = who.group("who").strip()
            elif fastre.match(r"^\s*(?:\d+\s+comments?|comments?|no comments)\b", first_line, re.I):
                label = None
            parsed.blocks.append(Block("comments", s, e, "quoted", label))
            continue
        dateline = _WIRE.match(para)
        outlet = dateline.group("o").strip() if dateline else None  # "TRIPOLI, Oct 15 (AP) -": AP
        if dateline is not None and outlet and wire is None:
            wire = outlet
            parsed.outlet = outlet
            parsed.wire_dateline = (s, s + dateline.end())
        elif parsed.wire_dateline is None and (i < 4 or not prose_before or para.startswith(('"', "“"))) \
                and (paper := _PAPER_DATELINE.match(para)) is not None and not _NO_DATELINE.match(para):
            # where it was filed, not where it happened (also a wire the author quotes further down the post)
            parsed.wire_dateline = (s, s + paper.end())
        prose_before = prose_before or (len(para.split()) >= 12 and para.rstrip().endswith((".", "!", "?", '"', "”")))
        if _COMMENT.match(para):
            mode, label = "commentary", None
        elif (update := _UPDATE.match(para)) is not None:
            mode, label = "update", _intro_outlet(para) or label
            if fastre.search(r"[(,/]", update.group()) and para[update.end():].strip():
                # "UPDATE (Saturday):": the day the update was written, not the day of what it tells
                parsed.blocks.append(Block("dateline", s, s + update.end(), "author"))
                s, para = s + update.end(), para[update.end():]
        elif (intro := _intro_outlet(para)) is not None:
            mode, label = "quote", intro
            parsed.blocks.append(Block("title", s, e, "quoted", intro))  # the quoted story's headline
            continue
        blocks = list(_without_furniture(text, _block(para, s, e, mode, label, wire)))
        parsed.blocks.extend(blocks)
        started = started or any(b.kind != "furniture" for b in blocks)
    return parsed


MASTHEAD = "masthead: the blog's name above the post's date and title"
# a line under a page's date that is no post title: a byline, a section or tag list, a widget
_NOT_A_TITLE = fastre.compile(r"^\s*(?:By\b|Posted\b|Written by\b|Filed\b|Tags?\b|Share\b|Home\b)|\|", re.IGNORECASE)


def _post_title(para: str) -> bool:
    """A post's title: one short line that no sentence mark ends and that is no byline or widget."""
    return len(para) < 160 and "\n" not in para.strip() and not para.rstrip().endswith(".") and not _NOT_A_TITLE.search(para)


def _without_furniture(text: str, block: Block) -> Iterator[Block]:
    """The block cut around its furniture lines (headlines, captions, widgets), each a block of its own."""
    cursor = block.start
    for s, e, reason in furniture_lines(text, block.start, block.end):
        if text[cursor:s].strip():
            yield replace(block, start=cursor, end=s)
        yield Block("furniture", s, e, block.voice, block.label, reason)
        cursor = e
    if cursor == block.start:
        yield block
    elif text[cursor:block.end].strip():
        yield replace(block, start=cursor, end=block.end)


def _block(para: str, s: int, e: int, mode: str, label: str | None, wire: str | None) -> Block:
    if mode == "commentary":
        return Block("commentary", s, e, "author")
    quoted = bool(_ATTRIBUTED.search(para)) or para.lstrip().startswith((">", "\"", "“"))
    if mode == "update":
        return Block("update", s, e, "quoted" if quoted or label else "author", label)
    if mode == "quote" or wire:
        return Block("quote" if mode == "quote" else "body", s, e, "quoted", label or wire)
    if quoted:
        return Block("quote", s, e, "quoted", label)
    return Block("body", s, e, "author")
