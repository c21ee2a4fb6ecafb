"""When an incident happened, and whether it is background: the event's date from its sentence (not the day it
was told, nor the day of what it answers), a day counted from the incident told before ("two days later"), and
the cues that make an incident an earlier one told in passing (dated more than a month before the report, "the
2011 overthrow", "some time ago")."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from frontlines import fastre
from frontlines.model import Document, Mention
from frontlines.pipeline.events.clauses import Clause
from frontlines.pipeline.mentions.numbers import NUMBER, parse_number

__all__ = ["background_reason", "date_of", "dates_the_saying", "relative_shift", "year_of_the_noun"]

_CAUSE_BEFORE_DATE = fastre.compile(r"\b(?:after (?:\w+ ){0,5}(?:came into (?:effect|force)|was (?:passed|adopted|announced)|were "
                                    r"(?:passed|adopted|announced))|because of|in retaliation for|in response to|in reaction to|"
                                    r"to (?:protest|denounce|condemn|commemorate|mark)|anniversary|this month's|last month's|"
                                    r"(?:source|report) dated)\b", re.IGNORECASE)
# a day that dates the telling, not the incident: "officials said on Wednesday that ...", "told AFP Monday" (a
# coder's "as reported on 21 March" is the incident's day by ACLED's convention)
_SAID_BEFORE_DAY = fastre.compile(r"(?<!\b[Aa]s )\b(?:said|says|told(?: [A-Z][\w.]*){0,3}(?: reporters| journalists)?|announced|"
                                  r"reported|stated|added|confirmed|claimed)(?:\s+in\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:\s+(?:on|late|early))?\s*$")  # a day's mention may open with its space
_SAID_IN_STATEMENT = fastre.compile(r"\b(?:said|says|announced|reported|stated|claimed|confirmed)\s+(?:in|via|through)\s+"
                                    r"(?:a|an|its|their|the)\s+(?:[\w-]+\s+){0,3}?(?:statement|communiqu[ée]|post|message|"
                                    r"video|broadcast|tweet|briefing|press release)(?:\s+(?:on|posted on|published on)\s+"
                                    r"(?:its|their|the|a)\s+(?:[\w-]+\s+){0,3}?(?:page|account|channel|website))?\s+"
                                    r"(?:on\s+|late\s+|early\s+)?$")
# a deed told in the past perfect after the day of its telling ("said on Saturday it had captured ...")
_DONE_BY_THEN = fastre.compile(r"^\s*(?:that\s+)?(?:it|they|he|she|its \w+|their \w+|the \w+)\s+had\s+(?:\w+ly\s+)?"
                               r"(?:\w+ed|taken|seized|won|shot|hit|overrun|fought|struck|driven|beaten|retaken)\b")
_SAID_AFTER_DAY = fastre.compile(r"^\s*(?:(?:morning|afternoon|evening|night)\s+)?(?:said|told|announced|reported)\b")
_BACKGROUND_DAYS = 35  # a report's news is days old; a month-dated incident of the same month is still news
_YEAR = fastre.compile(r"\b(19[5-9]\d|20\d\d)\b")
_EARLIER = fastre.compile(r"\b(?:some time ago|years ago|months ago|previously|in the past|last year|the previous year|"
                          r"earlier this year)\b", re.IGNORECASE)
_SHIFT = fastre.compile(rf"\b(?P<n>{NUMBER}|the) (?P<unit>hours?|days?|nights?|weeks?) (?P<dir>before|earlier|later|after)"
                        r"(?=\s*(?:[,.;]|$|that\b|when\b|in\b|on\b|at\b))|\bthe (?P<adj>previous|next|following) (?:day|night)\b|"
                        r"\bthe day (?P<dir2>before|after)(?=\s*[,.;])", re.IGNORECASE)
_UNIT_DAYS = {"hour": 1 / 24, "day": 1, "night": 1, "week": 7}


def relative_shift(sentence: str) -> tuple[int, str] | None:
    """Days from the incident told just before to this one, when the sentence counts them from it: "72 hours
    before, in Wulba, ..." (-3), "two days later" (+2), "the next day" (+1), "the day before," (-1). A phrase that
    names its own anchor ("a day after a series of blasts killed 50") is left to the sentence's own dates."""
    m = _SHIFT.search(sentence)
    if m is None:
        return None
    if m.group("adj"):
        return (-1 if m.group("adj").lower() == "previous" else 1), m.group()
    if m.group("dir2"):
        return (-1 if m.group("dir2").lower() == "before" else 1), m.group()
    n = 1 if m.group("n").lower() == "the" else parse_number(m.group("n"))
    if not n:
        return None
    days = round(n * _UNIT_DAYS[m.group("unit").lower().rstrip("s")])
    if days == 0:
        return None
    return (-days if m.group("dir").lower() in ("before", "earlier") else days), m.group()


def dates_the_saying(text: str, m: Mention) -> bool:
    """A day told with the verb of saying ("officials said on Wednesday that ...", "said in a statement on its
    Facebook page on Thursday") dates the statement."""
    return bool(_SAID_BEFORE_DAY.search(text[max(0, m.start - 40):m.start])
                or _SAID_IN_STATEMENT.search(text[max(0, m.start - 100):m.start])
                or _SAID_AFTER_DAY.match(text[m.end:m.end + 30]))


def background_reason(published: date, event_date: str | None, precision: int | None, near: str, *,
                own_date: bool = True) -> str | None:
    """Why an incident is background (an earlier incident told in passing), or None when it is news: dated
    more than a month before publication (a month or year by its last day), or set by a year or phrase before
    it ("the 2011 overthrow", "some time ago"). A sentence with no date of its own is read for those cues
    before it takes the date of the paragraph."""
    if not own_date:
        cue = _background_cue(published, near)
        if cue:
            return cue
    if event_date:
        last = date.fromisoformat(event_date)
        if precision == 3:
            last = (last.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        elif precision is not None and precision >= 4:
            last = last.replace(month=12, day=31)
        days = (published - last).days
        if days > _BACKGROUND_DAYS:
            return f"background: dated {event_date}, {days} days before publication"
        return None
    return _background_cue(published, near)


# a year that premodifies the incident's noun: "a 2021 attack on Palma", "the 2019 offensive"
_YEAR_OF_NOUN = fastre.compile(r"\b(?:a|an|the|its|their|his|her|that)\s+((?:19|20)\d\d)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


def year_of_the_noun(published: date, before: str) -> str | None:
    """Background when the incident's own noun is dated to an earlier year ("after a 2021 attack on Palma, the
    company said it hopes to resume work this year"), whatever other day the sentence tells."""
    m = _YEAR_OF_NOUN.search(before)
    if m and int(m.group(1)) < published.year:
        return f"background: '{m.group().strip()}', a year before the report's {published.year}"
    return None


def _background_cue(published: date, near: str) -> str | None:
    years = [int(m.group(1)) for m in _YEAR.finditer(near)
             if not fastre.search(r"\b(?:since|after|before|until|till|from)\s+(?:early |late |mid-?)?$", near[:m.start()])]
    if years and max(years) < published.year:
        return f"background: set in {max(years)}, before the report's year {published.year}"
    earlier = _EARLIER.search(near)
    if earlier:
        return f"background: '{earlier.group()}'"
    return None


def date_of(doc: Document, clause: Clause, trigger_end: int, *, told: bool = False,
            elsewhere: Callable[[Mention], bool] = lambda m: False) -> tuple[str | None, int | None, bool, str, bool]:
    """The event's date: the most precise date of its sentence, not one that dates what the event answers
    ("riots broke out after the new tax came into effect on 1 January") nor, for an incident, the day it was
    told ("officials said on Wednesday that ..."; ``told``: an event that is itself told, as an agreement
    announced, keeps that day), nor one of a clause on another noun (``elsewhere``: "a law passed in 2015"); else a
    day told just before."""
    wire = doc.wire_dateline or (-1, -1)
    dates = [m for m in doc.mentions if m.kind == "date" and m.date and not (wire[0] <= m.start < wire[1])]
    inside = [m for m in dates if clause.statement.start <= m.start < clause.statement.end
              and not (m.start > trigger_end and _CAUSE_BEFORE_DATE.search(doc.text[trigger_end:m.start]))
              and (told or not dates_the_saying(doc.text, m)) and not elsewhere(m)]
    if inside:
        best = min(inside, key=lambda m: (m.time_precision or 9, abs(m.start - clause.start)))
        rng = bool(best.date_end and best.date_end != best.date)
        return best.date, best.time_precision or 1, False, f"date '{best.text}'", rng
    said = [m for m in dates if clause.statement.start <= m.start < clause.statement.end and (m.time_precision or 9) <= 1
            and dates_the_saying(doc.text, m) and _DONE_BY_THEN.search(doc.text[m.end:clause.end])]
    if said:  # "the MNDAA said on Saturday it had captured Lashio": done by the day it was told, not after
        return said[0].date, 1, False, f"date '{said[0].text}': told as done by then", False
    # a day told before, never one after the publication: a page's "today" widget ("Wednesday, 28 February
    # 2024" over a 2020 story) or a plan dates no incident told later
    earlier = [m for m in dates if m.start < clause.start and clause.start - m.start < 600
               and not (doc.published and m.date and m.date[:10] > doc.published.isoformat())]
    # a day an incident happened before one a telling was made ("attacked ... late on Wednesday, state media
    # reported on Thursday" then "In Rask, gunmen attacked a police station at the same time")
    earlier = [m for m in earlier if not dates_the_saying(doc.text, m)] or earlier
    if earlier and (earlier[-1].time_precision or 1) <= 2 and not earlier[-1].date_end:
        m = earlier[-1]
        shift = relative_shift(clause.statement.text)
        if shift and m.date and (m.time_precision or 1) == 1:
            days, phrase = shift
            day = (date.fromisoformat(m.date[:10]) + timedelta(days=days)).isoformat()
            return day, 1, False, f"date '{phrase}' counted from '{m.text}'", False
        return m.date, m.time_precision or 1, False, f"date '{m.text}' earlier in the paragraph", False
    if doc.published:
        return doc.published.isoformat(), 2, True, "no date in the text: publication date", False
    return None, None, True, "no date", False
