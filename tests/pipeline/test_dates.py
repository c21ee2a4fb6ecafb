"""Dates resolved against the publication date, with ACLED time precision (1 day, 2 week, 3 month, 4 year)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from frontlines.pipeline.mentions.dates import _PATTERNS, _matches, find_dates

PUB = date(2016, 1, 14)  # a Thursday


@pytest.mark.parametrize("text, start, precision", [
    ("Fighting broke out on Tuesday.", date(2016, 1, 12), 1),
    ("Fighting broke out last Thursday.", date(2016, 1, 7), 1),
    ("Fighting broke out yesterday.", date(2016, 1, 13), 1),
    ("Clashes on 22 January 2015 left two dead.", date(2015, 1, 22), 1),
    ("Clashes on January 10 left two dead.", date(2016, 1, 10), 1),
    ("Clashes on 20 December left two dead.", date(2015, 12, 20), 1),  # the year that looks back
    ("Clashes on 2015-06-03 left two dead.", date(2015, 6, 3), 1),
    ("Clashes on 03/06/2015 left two dead.", date(2015, 6, 3), 1),
    ("Troops cleared the village on 08/01.", date(2016, 1, 8), 1),
    ("Attacks between 3 and 5 January killed ten.", date(2016, 1, 3), 1),
    ("Unrest between January 9-11 spread.", date(2016, 1, 9), 1),
    ("Raids on the week of 4 January were reported.", date(2016, 1, 4), 2),
    ("Airstrikes intensified last week.", date(2016, 1, 7), 2),
    ("The town fell last month.", date(2015, 12, 1), 3),
    ("The group has grown since May.", date(2015, 5, 1), 3),
    ("It happened in March 2011.", date(2011, 3, 1), 3),
    ("It happened three days ago.", date(2016, 1, 11), 1),
    ("The war began in 2014.", date(2014, 1, 1), 4),
])
def test_date_expressions(text: str, start: date, precision: int) -> None:
    [found] = find_dates(text, PUB)
    assert (found.start, found.precision) == (start, precision)
    assert text[found.offset:found.offset + found.length] == found.text


@pytest.mark.parametrize("text", [
    "Officials may meet again.",
    "The march on Tripoli continued.",
    "The Sunday Times reported it.",
    "The score was 3/4 at half time.",
])
def test_words_that_are_not_dates(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_ranges_keep_their_end_and_since_runs_to_publication() -> None:
    [r] = find_dates("Between 3 and 5 January, clashes killed ten.", PUB)
    assert r.end == date(2016, 1, 5)
    [s] = find_dates("Since May, 100 fighters have died.", PUB)
    assert (s.start, s.end) == (date(2015, 5, 1), PUB)


def test_relative_dates_need_a_publication_date() -> None:
    assert find_dates("Fighting broke out yesterday.", None) == []
    [explicit] = find_dates("Clashes on 22 January 2015.", None)
    assert explicit.start == date(2015, 1, 22)


@pytest.mark.parametrize(("text", "expected"), [
    ("The rebels took the port on Friday. A day earlier, they shelled the airport.", ["2020-06-05", "2020-06-04"]),
    ("Fighting began on 3 May. Two days later, the brigade pulled back.", ["2020-05-03", "2020-05-05"]),
    ("Gunmen struck on Monday and again the following night.", ["2020-06-01", "2020-06-02"]),
    ("Drones hit the base on Tuesday; that night the garrison fled.", ["2020-06-02", "2020-06-02"]),
    ("A week earlier, militants had raided a checkpoint.", ["2020-05-29"]),  # from publication
    ("The next day, the protesters came back.", []),  # nothing to count from: not the day after publication
    ("The attack came a day after the talks collapsed.", []),  # the talks' date is not told
    # a day that dates a telling is passed over: "two days earlier" counts from the incident's day (set g)
    ("Rebels raided the camp on Tuesday, the army said on Thursday. Two days earlier, a mine hit a truck.",
     ["2020-06-02", "2020-06-04", "2020-05-31"]),
    ("The army told reporters on Thursday that the camp was calm. A day earlier, a mine hit a truck.",
     ["2020-06-04", "2020-06-03"]),  # only a telling's day told: from it
])
def test_dates_told_from_an_earlier_date(text: str, expected: list[str]) -> None:
    assert [r.start.isoformat() for r in find_dates(text, date(2020, 6, 5))] == expected


@pytest.mark.parametrize(("published", "expected"), [
    (date(2015, 2, 16), ("2015-02-14", "2015-02-15")),  # a Monday: the weekend just past
    (date(2015, 2, 15), ("2015-02-14", "2015-02-15")),  # a Sunday: this weekend
    (date(2015, 2, 19), ("2015-02-14", "2015-02-15")),
])
def test_over_the_weekend(published: date, expected: tuple[str, str]) -> None:
    (found,) = find_dates("Rival militias clashed over the weekend.", published)
    assert (found.start.isoformat(), found.end.isoformat(), found.precision) == (*expected, 2)


# -- the scan of candidate lines and starts (issue 14) finds what a scan of the whole text finds --------------
_WORDS = ["on", "last", "this", "since", "Since", "early", "mid-", "in", "during", "of", "the", "a", "that", "next",
          "Monday", "Friday's", "Times", "night", "morning", "12", "3rd", "and", "to", "–", "between", "June", "Sept.",
          "May", "2014", "2019-04-08", "12/03/2015", "08/01", "/", ":", "ago", "two", "days", "weeks", "yesterday",
          "today", "day", "same", "later", "before", "week", "weekend", "over", ",", "x", "ſince", "AGO"]
_SEPARATORS = [" ", " ", "\n", "  ", "\n\n", "\t", "", " \n "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_WORDS), st.sampled_from(_SEPARATORS)), max_size=16))
def test_candidate_scan_equals_whole_text_scan(parts: list[tuple[str, str]]) -> None:
    text = "".join(word + sep for word, sep in parts)
    lines: dict = {}
    for kind, pattern in _PATTERNS:
        assert [m.span() for m in _matches(kind, pattern, text, lines)] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize("text", ["Fighting resumed on\n\nMonday night.", "Calm since \n early\nMay 2014.",
                                  "On Monday,\nSunday Times readers and last\tFriday", "x\nMarch 2011\n\n3 June",
                                  "Shelled YESTERDAY, two weeks AGO and \u017fince May 2014 (ye\u017fterday)"])
def test_candidate_scan_across_lines(text: str) -> None:
    for kind, pattern in _PATTERNS:
        assert [m.span() for m in _matches(kind, pattern, text, {})] == [m.span() for m in pattern.finditer(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # no publication date, no year: the weekday dates it, from the latest year the report names
    ("In 2011 the war began. On Friday 3 January gunmen attacked the port.", "2014-01-03"),
    ("Protests began in 2019. Troops fired on Monday, 14 October, at the crowd.", "2019-10-14"),
    ("Back in 2003, on Thursday 6 March, rebels took the town.", "2003-03-06"),
])
def test_an_undated_reports_weekday_gives_the_year(text: str, expected: str) -> None:
    assert find_dates(text, None)[-1].start.isoformat() == expected


def test_the_weekday_gives_no_year_where_the_report_is_dated_or_the_day_is_not_a_weekday_of_it() -> None:
    assert find_dates("On Tuesday 31 August, gunmen attacked.", date(2010, 9, 2))[0].start == date(2010, 8, 31)
    told = find_dates("In 2021 it began. On Monday 31 August, gunmen attacked.", None)[-1]
    assert told.text == "Monday 31 August" and told.start.year > 2021 and told.start.weekday() == 0
    assert [r.text for r in find_dates("On Monday 31 February, gunmen attacked.", None)] == []


@pytest.mark.parametrize("text", ["Two bombs went off in the suburb of 6 October City.", "The 17 February Brigade withdrew.",
                                  "Protesters gathered on 26 July Avenue."])
def test_a_place_or_body_named_after_a_date_is_no_date(text: str) -> None:
    assert find_dates(text, date(2015, 7, 1)) == []


def test_a_date_before_a_capitalised_word_of_the_next_clause_is_still_a_date() -> None:
    assert [r.text for r in find_dates("On 6 October, City officials said so.", date(2015, 7, 1))] == ["6 October"]
