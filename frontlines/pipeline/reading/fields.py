"""Reading the fields of an archive record or feed entry: publication dates in the formats archives
really use, text fields of the wrong JSON type, and links that are safe to show.

``parse_published`` tries strict formats first (ISO 8601, RFC 2822, "7 April 2019"), then
``dateparser`` for written-out dates ("7:58 AM ET, Sat January 3, 2015", "12 janvier 2016") with
settings that never invent a date from nothing: absolute dates only (no "yesterday", no
"3 days ago"), day, month and year all required, and purely numeric values only in the strict
formats (dateparser reads "2019-13-01" as 13 January). ``text_field`` coerces what is unambiguous
(a number, a one-string list) and refuses the rest with a message; ``http_url`` keeps only
http(s) links, so a ``javascript:`` URL from a feed can never become a clickable link.
"""

from __future__ import annotations

from datetime import date, datetime
from email.utils import parsedate_to_datetime
from typing import Any

from frontlines import fastre
from frontlines.errors import InvalidParameterError, MalformedInputError
from frontlines.model import http_url

__all__ = ["http_url", "parse_published", "text_field"]

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y", "%b %d, %Y", "%Y-%m-%dT%H:%M:%S",
                 "%Y-%m-%dT%H:%M:%SZ", "%Y-%m-%d %H:%M:%S", "%Y/%m/%d %H:%M:%S", "%Y/%m/%d %H:%M")
_LONGEST_DATE = 100  # characters: anything longer is text, not a date (and dateparser's cost grows with it)
_LETTER = fastre.compile(r"[^\W\d_]")
_DATEPARSER_SETTINGS = {
    "PARSERS": ["custom-formats", "absolute-time"],  # no relative dates ("yesterday"), no bare timestamps
    "STRICT_PARSING": True,
    "REQUIRE_PARTS": ["day", "month", "year"],  # "January 2015" is not a day; never fill in today's parts
}


def parse_published(value: str) -> date:
    """A publication date as archives write it; ``InvalidParameterError`` when it is not one."""
    text = str(value).strip()
    found = _strict(text) or _rfc2822(text) or _written_out(text)
    if found is None:
        raise InvalidParameterError(
            f"Invalid publication date {str(value)[:_LONGEST_DATE]!r}: use YYYY-MM-DD, e.g. --published 2016-01-12."
        )
    return found


def _strict(text: str) -> date | None:
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _rfc2822(text: str) -> date | None:
    """"Sat, 03 Jan 2015 07:58:00 +0000" (RSS pubDate, e-mail), as written (no conversion to UTC)."""
    if not _LETTER.search(text) or len(text) > _LONGEST_DATE:
        return None
    try:
        return parsedate_to_datetime(text).date()
    except (TypeError, ValueError, IndexError):
        return None


def _written_out(text: str) -> date | None:
    """Dates with month or day names, through dateparser; numeric-only values never get here."""
    if not _LETTER.search(text) or len(text) > _LONGEST_DATE:
        return None
    import dateparser

    try:
        found = dateparser.parse(text, settings=_DATEPARSER_SETTINGS)
    except (ValueError, OverflowError, TypeError):
        return None
    return found.date() if found else None


def text_field(record: dict[str, Any], name: str, where: str) -> str | None:
    """A record's optional text field: strings as they are, numbers as text, a list holding one string
    as that string; empty or null is None. Any other shape (an object, a list of several) is refused."""
    value = record.get(name)
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    kind = "an object" if isinstance(value, dict) else (f"a list of {len(value)} items" if isinstance(value, list)
                                                        else f"a {type(value).__name__}")
    raise MalformedInputError(f"{where}: field \"{name}\" is {kind}, not text; give it as a string "
                              "(or skip such records with --skip-bad).")
