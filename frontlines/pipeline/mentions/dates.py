"""Dates in the text, resolved against the publication date, with ACLED time precision.

Regular expressions find date *spans* (explicit dates, weekdays, "yesterday", "last month", "since
May", ranges, years); each span is resolved arithmetically against ``published``. Month names count
only when capitalised and in a date context, so "may" the verb and "the march on Tripoli" are not
dates. Precision: 1 day, 2 week, 3 month, 4 year.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, timedelta

from frontlines import fastre
from frontlines.model import Document, Mention
from frontlines.pipeline.base import content_version
from frontlines.pipeline.mentions.spans import Spans

__all__ = ["DateStage", "ResolvedDate", "find_dates"]

NAME, VERSION = "frontlines.dates", content_version(__name__)

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"], start=1)}
MONTHS.update({"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
               "oct": 10, "nov": 11, "dec": 12})
WEEKDAYS = {d: i for i, d in enumerate(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
          r"Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)")
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("range_dm", fastre.compile(rf"\b(?:(?i:between) )?(?P<d1>{_DAY}) ?(?:and|to|-|–) ?(?P<d2>{_DAY}) (?P<m>{_MONTH})(?:,? (?P<y>{_YEAR}))?\b")),
    ("range_md", fastre.compile(rf"\b(?:(?i:between) )?(?P<m>{_MONTH}) (?P<d1>{_DAY}) ?(?:and|to|-|–) ?(?P<d2>{_DAY})\b(?:,? (?P<y>{_YEAR}))?")),
    ("week_of", fastre.compile(rf"\b(?:the )?week of (?:the )?(?P<d>{_DAY}) (?:of )?(?P<m>{_MONTH})(?:,? (?P<y>{_YEAR}))?\b")),
    ("iso", fastre.compile(rf"\b(?P<y>{_YEAR})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")),
    ("slash", fastre.compile(rf"\b(?P<a>[0-3]?\d)/(?P<b>[01]?\d)/(?P<y>{_YEAR})\b")),
    ("slash_short", fastre.compile(r"\b(?:on|from|since|until|of|dated|between|and) (?P<a>[0-3]?\d)/(?P<b>[01]?\d)\b(?!/)")),
    ("dmy", fastre.compile(rf"\b(?:{_WEEKDAY},? )?(?:the )?(?P<d>{_DAY}) (?:of )?(?P<m>{_MONTH})(?:,? (?P<y>{_YEAR}))?\b")),
    ("mdy", fastre.compile(rf"\b(?:{_WEEKDAY},? )?(?P<m>{_MONTH}) (?P<d>{_DAY})\b(?!:)(?:,? (?P<y>{_YEAR}))?")),
    ("since", fastre.compile(rf"\b(?i:since) (?:(?i:early|late|mid-?)\s*)?(?:(?P<m>{_MONTH})(?: (?P<y>{_YEAR}))?|(?P<yo>{_YEAR}))\b")),
    ("month_year", fastre.compile(rf"\b(?:in |during |by |until |early |late |mid-|of |last )?(?P<m>{_MONTH}) (?P<y>{_YEAR})\b")),
    ("month", fastre.compile(rf"\b(?P<pre>(?i:in|during|early|late|mid-|until|by|last|this|since)) ?(?P<m>{_MONTH})\b(?! \d)")),
    ("year", fastre.compile(rf"\b(?i:in|during|since|by|until|of|early|late|mid-) (?P<y>{_YEAR})\b")),
    ("ago", fastre.compile(r"\b(?P<n>\d+|two|three|four|five|six|seven|ten) (?P<unit>days|weeks|months|years) ago\b", re.I)),
    ("relative", fastre.compile(
        r"\b(?P<rel>yesterday|today|tonight|this morning|this afternoon|this evening|last night|overnight|"
        r"earlier today|the day before yesterday|last week|this week|earlier this week|last weekend|"
        r"(?:over|during|at) the weekend|this weekend|"
        r"last month|this month|earlier this month|last year|this year|earlier this year)\b", re.I)),
    # dated from the date told before it: "a day earlier", "two days later", "the next day", "that night"
    ("anchored", fastre.compile(
        r"\b(?:(?P<n>a|one|two|three|four|five|six|seven|\d) (?P<unit>days?|weeks?) (?P<dir>earlier|later|before(?! \w)|after(?! \w))|"
        r"the (?P<adj>next|following|previous|same) (?:day|morning|afternoon|evening|night)|"
        r"the (?:day|night) (?P<adv>before|after)(?! \w)|that (?:same )?(?:day|night|morning|afternoon|evening))\b", re.I)),
    ("weekday", fastre.compile(
        rf"\b(?P<pre>on|last|this|early|late|since)?\s*(?P<w>{_WEEKDAY})(?:'s)?(?:\s+(?:night|morning|evening|afternoon))?\b")),
]
# Where each pattern can match: every match holds one hit of its trigger (a month name, a year, a weekday, ...), so
# only the lines with a hit are scanned, not the whole text (a 1 MB report: 1.3 s of regexes; issue 14). A pattern
# listed under _LINES matches within one line (no ``\s``: a line break ends every match, and every lookahead or
# ``\b`` reads a line break as it reads the end of the text), so it runs on each line that holds a hit, with
# ``finditer(text, start, end)`` - the same matches, in the same order, as over the whole text. ``since`` and
# ``weekday`` may cross a line break (``\s``): they are tried only at the starts their trigger allows (_STARTS).
_MONTH_HIT = fastre.compile(_MONTH)
_YEAR_HIT = fastre.compile(_YEAR)
_TIME_WORD = fastre.compile(r"day|night|week|morning|afternoon|evening|month|year", re.I)
_LINES: dict[str, re.Pattern[str]] = {
    "range_dm": _MONTH_HIT, "range_md": _MONTH_HIT, "week_of": _MONTH_HIT, "dmy": _MONTH_HIT, "mdy": _MONTH_HIT,
    "month_year": _MONTH_HIT, "month": _MONTH_HIT, "iso": _YEAR_HIT, "slash": _YEAR_HIT, "year": _YEAR_HIT,
    "slash_short": fastre.compile("/"), "ago": fastre.compile("ago", re.I), "relative": _TIME_WORD, "anchored": _TIME_WORD,
}
_SINCE_HIT = fastre.compile("since", re.I)  # "since" starts every match of its pattern
# a letter that IGNORECASE matches to a Latin one besides its two cases (dotted and dotless i, long s, Kelvin sign)
_FOLDS_TO_LATIN = fastre.compile("[\u0130\u0131\u017f\u212a]")
_WEEKDAY_HIT = fastre.compile(_WEEKDAY)
_PRE = 5  # the longest word before a weekday: "early", "since"

_COUNT = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}
_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}


@dataclass(frozen=True)
class ResolvedDate:
    start: date
    end: date | None
    precision: int
    text: str
    offset: int
    length: int
    reason: str
    shift: int | None = None  # days from the date told before it ("a day earlier": -1); None: not anchored


def _month(token: str) -> int:
    return MONTHS[token.lower().rstrip(".")]


def _day(token: str) -> int:
    return int(fastre.sub(r"\D", "", token))


def _safe(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _infer_year(m: int, d: int, published: date | None) -> int | None:
    """The year that puts day/month at or before publication (reports look back)."""
    if published is None:
        return None
    candidate = _safe(published.year, m, d) or _safe(published.year, m, 28)
    if candidate and candidate > published + timedelta(days=7):
        return published.year - 1
    return published.year


def _year_of_weekday(month: int, day: int, weekday: int, since: int | None) -> int | None:
    """The year of an undated report's "Tuesday 31 August": where the report names years, the first year from
    the latest of them in which that day is that weekday (reports tell of their own years); else the latest
    such year up to now."""
    today = date.today()
    years = range(since, today.year + 1) if since else range(today.year, today.year - 28, -1)
    for year in years:
        d = _safe(year, month, day)
        if d is not None and d <= today and d.weekday() == weekday:
            return year
    return None


def _resolve(kind: str, m: re.Match[str], published: date | None,
             since: int | None = None) -> tuple[date, date | None, int, str] | None:
    """The dates a match spans; ``since``, the latest year an undated report names, bounds a year read from a
    weekday."""
    g = m.groupdict()
    pub = published
    if kind == "iso":
        d = _safe(int(g["y"]), int(g["m"]), int(g["d"]))
        return (d, None, 1, "explicit date") if d else None
    if kind == "slash":
        a, b = int(g["a"]), int(g["b"])
        day, month = (a, b) if b <= 12 else (b, a)
        d = _safe(int(g["y"]), month, day)
        return (d, None, 1, "explicit date (day/month/year)") if d else None
    if kind in ("dmy", "mdy"):
        month, day = _month(g["m"]), _day(g["d"])
        year = int(g["y"]) if g.get("y") else _infer_year(month, day, pub)
        why = "explicit date" + ("" if g.get("y") else f", year from publication {pub}")
        weekday = fastre.match(_WEEKDAY, m.group())
        if year is None and weekday:
            year = _year_of_weekday(month, day, WEEKDAYS[weekday.group().lower()], since)
            why = f"explicit date, year from the weekday '{weekday.group()}' (no publication date)"
        d = _safe(year, month, day) if year else None
        return (d, None, 1, why) if d else None
    if kind == "slash_short":
        return _short_slash(int(g["a"]), int(g["b"]), pub)
    if kind == "week_of":
        month, day = _month(g["m"]), _day(g["d"])
        year = int(g["y"]) if g.get("y") else _infer_year(month, day, pub)
        d = _safe(year, month, day) if year else None
        return (d, d + timedelta(days=6), 2, "the week of a date") if d else None
    if kind in ("range_dm", "range_md"):
        month = _month(g["m"])
        year = int(g["y"]) if g.get("y") else _infer_year(month, _day(g["d1"]), pub)
        first, last = (_safe(year, month, _day(g["d1"])), _safe(year, month, _day(g["d2"]))) if year else (None, None)
        return (first, last, 1, "date range") if first and last else None
    if kind == "since":
        if g.get("yo"):
            start = date(int(g["yo"]), 1, 1)
            return start, pub, 4, "since a year, to publication"
        month = _month(g["m"])
        year = int(g["y"]) if g.get("y") else _infer_year(month, 1, pub)
        return (date(year, month, 1), pub, 3, "since a month, to publication") if year else None
    if kind == "month_year":
        return date(int(g["y"]), _month(g["m"]), 1), None, 3, "month and year"
    if kind == "month":
        month = _month(g["m"])
        year = _infer_year(month, 1, pub)
        if g["pre"].lower() == "last" and pub and month >= pub.month:
            year = pub.year - 1
        return (date(year, month, 1), None, 3, f"month, year from publication {pub}") if year else None
    if kind == "year":
        return date(int(g["y"]), 1, 1), None, 4, "year"
    if pub is None:
        return None
    if kind == "ago":
        n = int(g["n"]) if g["n"].isdigit() else _NUMBERS[g["n"].lower()]
        unit = g["unit"].lower()
        days = {"days": 1, "weeks": 7, "months": 30, "years": 365}[unit] * n
        return pub - timedelta(days=days), None, {"days": 1, "weeks": 2, "months": 3, "years": 4}[unit], f"{n} {unit} before publication"
    if kind == "relative":
        return _relative(g["rel"].lower(), pub)
    if kind == "weekday":
        wd = WEEKDAYS[g["w"].lower()]
        back = (pub.weekday() - wd) % 7
        if g.get("pre") == "last" and back == 0:
            back = 7
        return pub - timedelta(days=back), None, 1, f"'{g['w']}' on or before publication {pub}"
    return None


def _short_slash(a: int, b: int, pub: date | None) -> tuple[date, date | None, int, str] | None:
    """"on 08/01" without a year: day/month (or month/day) that falls closest on or before publication."""
    if pub is None:
        return None
    options = []
    for day, month, order in ((a, b, "day/month"), (b, a, "month/day")):
        year = _infer_year(month, day, pub) if 1 <= month <= 12 else None
        d = _safe(year, month, day) if year else None
        if d and timedelta(0) <= pub - d <= timedelta(days=92):
            options.append((pub - d, order != "day/month", d, order))
    if not options:
        return None
    _, _, d, order = min(options)
    return d, None, 1, f"short date ({order}), year from publication {pub}"


def _relative(rel: str, pub: date) -> tuple[date, date | None, int, str]:
    # "overnight" in a report of day D is the night that ends on D: news and coders date it D (as the dev reports'
    # gold does every time); "last night" is the evening before
    day = {"yesterday": -1, "last night": -1, "overnight": 0, "the day before yesterday": -2}
    if rel in day:
        return pub + timedelta(days=day[rel]), None, 1, f"'{rel}' before publication {pub}"
    if rel in ("today", "tonight", "this morning", "this afternoon", "this evening", "earlier today"):
        return pub, None, 1, "publication day"
    if rel.endswith("the weekend") or rel == "this weekend":
        saturday = pub - timedelta(days=(pub.weekday() - 5) % 7)
        return saturday, saturday + timedelta(days=1), 2, f"the weekend on or before publication {pub}"
    if rel in ("last week", "last weekend"):
        return pub - timedelta(days=7), None, 2, "the week before publication"
    if rel in ("this week", "earlier this week"):
        return pub - timedelta(days=pub.weekday()), None, 2, "the week of publication"
    if rel == "last month":
        first = pub.replace(day=1) - timedelta(days=1)
        return first.replace(day=1), None, 3, "the month before publication"
    if rel in ("this month", "earlier this month"):
        return pub.replace(day=1), None, 3, "the month of publication"
    if rel == "last year":
        return date(pub.year - 1, 1, 1), None, 4, "the year before publication"
    return date(pub.year, 1, 1), None, 4, "the year of publication"


def _shift(m: re.Match[str]) -> int:
    """Days from the anchor date: "two days later" +2, "a week earlier" -7, "the next day" +1, "that night" 0."""
    g = m.groupdict()
    if g.get("n"):
        n = int(g["n"]) if g["n"].isdigit() else _COUNT[g["n"].lower()]
        n *= 7 if g["unit"].lower().startswith("week") else 1
        return n if g["dir"].lower() in ("later", "after") else -n
    word = (g.get("adj") or g.get("adv") or "").lower()
    return {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}.get(word, 0)


def find_dates(text: str, published: date | None, *, base_offset: int = 0) -> list[ResolvedDate]:
    """Every date expression in ``text``, resolved; longer/earlier patterns win overlaps. A date told
    relative to another ("a day earlier") is resolved here from the date told before it in ``text``, else
    from publication."""
    taken = Spans()
    found: list[ResolvedDate] = []
    since = max((int(y) for y in fastre.findall(rf"\b{_YEAR}\b", text)), default=None) if published is None else None
    lines: dict[re.Pattern[str], list[tuple[int, int]]] = {}
    for kind, pattern in _PATTERNS:
        for m in _matches(kind, pattern, text, lines):
            start, end = m.span()
            if kind == "weekday" and m.group("pre") is None and _followed_by_name(text, end):
                continue  # "Sunday Times"
            if kind in ("dmy", "mdy") and not m.group("y") and _NAMED_AFTER_DATE.match(text, end):
                continue  # "the 6 October City suburb", "26 July Street": a place named after a date
            if taken.overlaps(start, end):
                continue
            if kind == "anchored":
                taken.append((start, end))
                found.append(ResolvedDate(published or date.min, None, 1, m.group().strip(), base_offset + start,
                                          end - start, "", shift=_shift(m)))
                continue
            resolved = _resolve(kind, m, published, since)
            if resolved is None:
                continue
            taken.append((start, end))
            first, last, precision, reason = resolved
            found.append(ResolvedDate(first, last, precision, m.group().strip(), base_offset + start,
                                      end - start, reason))
    return _anchor(sorted(found, key=lambda r: r.offset), published, text, base_offset)


def _matches(kind: str, pattern: re.Pattern[str], text: str,
             lines: dict[re.Pattern[str], list[tuple[int, int]]]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, scanning only where a match can be (see _LINES)."""
    trigger = _LINES.get(kind)
    if trigger is not None:
        if trigger not in lines:
            lines[trigger] = _hit_lines(trigger, text)
        for start, end in lines[trigger]:
            yield from pattern.finditer(text, start, end)
        return
    pos = 0
    for start in _starts(kind, text):
        if start >= pos and (m := pattern.match(text, start)):
            yield m
            pos = m.end()


def _hit_lines(trigger: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    """(start, end) of each line that holds a hit of ``trigger``, in order."""
    found, pos = [], 0
    trigger, scanned = _case_sensitive(trigger, text)
    while (hit := trigger.search(scanned, pos)) is not None:
        start = text.rfind("\n", 0, hit.start()) + 1
        end = text.find("\n", hit.end())
        end = len(text) if end < 0 else end
        found.append((start, end))
        pos = end + 1
    return found


def _starts(kind: str, text: str) -> list[int]:
    """Every position where a ``since`` or ``weekday`` match can start, in order: at "since"; before a weekday
    name, over the spaces before it and a word of up to _PRE letters."""
    if kind == "since":
        trigger, scanned = _case_sensitive(_SINCE_HIT, text)
        return [hit.start() for hit in trigger.finditer(scanned)]
    starts: set[int] = set()
    for hit in _WEEKDAY_HIT.finditer(text):
        first = hit.start()
        while first > 0 and text[first - 1].isspace():
            first -= 1
        starts.update(range(max(0, first - _PRE), hit.start() + 1))
    return sorted(starts)


def _case_sensitive(trigger: re.Pattern[str], text: str) -> tuple[re.Pattern[str], str]:
    """An IGNORECASE trigger of lower-case words as a case-sensitive one over the lower-cased text, which finds the
    same hits at the same positions and scans much faster; the trigger itself where lower-casing changes the length
    or the text holds a letter IGNORECASE folds to a Latin one."""
    if not trigger.flags & re.IGNORECASE:
        return trigger, text
    lowered = text.lower()
    if len(lowered) != len(text) or _FOLDS_TO_LATIN.search(text):
        return trigger, text
    return fastre.compile(fastre.source(trigger)), lowered


# a day that dates a telling ("the government spokesman said on Saturday", "told reporters on Saturday")
_TELLING_DAY = fastre.compile(r"\b(?:said|says|told(?: \w+){0,2}|announced|reported|stated|added|confirmed)\s+(?:on\s+)?(?:late\s+|early\s+)?$",
                              re.IGNORECASE)


def _anchor(found: list[ResolvedDate], published: date | None, text: str = "", base_offset: int = 0) -> list[ResolvedDate]:
    """Dates told relative to another ("two days earlier") from the last day told before them: the last day of
    an incident, passing over the day of a telling ("were killed on Thursday ..., the spokesman said on Saturday.
    Two days earlier, ...": from Thursday), unless only a telling's day was told."""
    out: list[ResolvedDate] = []
    for r in found:
        if r.shift is None:
            out.append(r)
            continue
        days = [a for a in reversed(out) if a.precision == 1 and a.end is None]
        anchor = next((a for a in days if not _TELLING_DAY.search(
            text, max(0, a.offset - base_offset - 30), max(0, a.offset - base_offset))), days[0] if days else None)
        if anchor is not None:
            base, why = anchor.start, f"'{r.text}' from '{anchor.text}' ({anchor.start})"
        elif published is not None and r.shift <= 0:  # "the next day" with nothing before it: unknown
            base, why = published, f"'{r.text}' from publication {published} (no date told before it)"
        else:
            continue
        out.append(replace(r, start=base + timedelta(days=r.shift), reason=why))
    return out


# what a place or body named after a date is ("6 October City", "the 14 July Avenue", "the 17 February Brigade")
_NAMED_AFTER_DATE = fastre.compile(r"\s+(?:City|Street|St\.|Avenue|Road|Bridge|Square|Stadium|University|Hospital|District|"
                                   r"Camp|Base|Airport|Port|Brigade|Battalion|Movement|Coalition|Revolution|Martyrs)\b")


def _followed_by_name(text: str, end: int) -> bool:
    return bool(fastre.match(r"\s+(?:Times|Telegraph|Express|Mirror|Post|Herald|Tribune)\b", text[end:end + 12]))


class DateStage:
    name, version = NAME, VERSION
    requires = ("document.text", "document.published", "document.blocks")
    assigns = ("document.mentions[date]",)

    def __call__(self, doc: Document) -> Document:
        header = {(b.start, b.end) for b in doc.blocks if b.kind == "dateline"}
        doc.mentions = [m for m in doc.mentions if m.kind != "date"]
        for r in find_dates(doc.text, doc.published):
            if any(s <= r.offset < e for s, e in header):
                continue  # the publication date itself is not an event date
            doc.mentions.append(Mention(
                text=doc.text[r.offset:r.offset + r.length], start=r.offset, end=r.offset + r.length,
                kind="date", canonical=r.start.isoformat(), id=r.start.isoformat(), date=r.start.isoformat(),
                date_end=r.end.isoformat() if r.end else None, time_precision=r.precision,
                stage=f"{NAME}@{VERSION}", reason=r.reason,
            ))
        return doc
