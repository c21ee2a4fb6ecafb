"""The issue-13 scorers (evaluate.ledger, evaluate.control) on records of our own: what counts as covered, leaked,
found and held by the right side, and the --half option."""

from __future__ import annotations

from datetime import date

from frontlines.evaluate.control import score_control
from frontlines.evaluate.ledger import half_option, score_ledger
from frontlines.pipeline import extract_text

TEXT = ("Al-Shabaab fighters captured the town of Kismayo on Monday. "
        "The army vowed to retake Kismayo within days. "
        "Al-Shabaab fighters were pushed out of Barawe on Tuesday.")


def _record() -> dict:
    return {
        "id": "own-1", "text": TEXT, "published": "2016-05-03",
        "gold_events": [
            {"sub_event_type": "Non-state actor overtakes territory", "actor1": "Al Shabaab",
             "actor2": "Military Forces of Somalia", "location": {"name": "Kismayo", "lat": None, "lon": None},
             "evidence": "Al-Shabaab fighters captured the town of Kismayo on Monday."},
            {"sub_event_type": "Government regains territory", "actor1": "Military Forces of Somalia",
             "actor2": "Al Shabaab", "location": {"name": "Barawe", "lat": None, "lon": None},
             "evidence": "Al-Shabaab fighters were pushed out of Barawe on Tuesday."},
        ],
        "gold_non_events": [{"sentence": "The army vowed to retake Kismayo within days.", "category": "threat"}],
    }


def test_the_ledger_scorer_counts_coverage_and_leaks() -> None:
    record = _record()
    doc = extract_text(TEXT, id="own-1", published=date(2016, 5, 3))
    score = score_ledger([record], [doc]).to_dict()
    assert score["covered"] == 1 and score["wanted"] == 1  # the vow is an entry
    assert score["strict_event_sentences_leaked"] == "0/2"  # the captures are not


def test_the_control_scorer_finds_places_and_judges_holders() -> None:
    record = _record()
    doc = extract_text(TEXT, id="own-1", published=date(2016, 5, 3))
    score = score_control([record], [doc])
    assert score.to_dict()["all_found"] == "2/2", score.missed
    # Kismayo to Al Shabaab; Barawe left by Al Shabaab with no new holder named: both right
    assert score.to_dict()["all_right_holder"] == "2/2", score.wrong_holder
    record["gold_events"][0]["actor1"] = "Military Forces of Somalia"  # a gold taker the change does not name
    assert score_control([record], [doc]).to_dict()["all_right_holder"] == "1/2"


def test_the_half_option() -> None:
    assert half_option(["a.jsonl", "--half", "odd", "--details"]) == ("odd", ["a.jsonl", "--details"])
    assert half_option(["a.jsonl"]) == (None, ["a.jsonl"])
    assert half_option(["a.jsonl", "--half", "third"])[0] == ""
