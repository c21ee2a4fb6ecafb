"""The gold-format scorers on tiny hand-written files in each format (never the gold sets themselves):
the numbers they print must follow from what the pipeline got right and wrong."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from frontlines.errors import InvalidParameterError
from frontlines.evaluate import detect_corpus, evaluate
from tests.evaluate.geoxml import write_geoparsing_xml

# Only the columns the scorer reads, in an order of our own.
ACLED_COLUMNS = ["notes", "event_date", "event_type", "fatalities", "actor1", "actor2", "latitude", "longitude"]
ACLED_ROWS = [  # (date, old-taxonomy type, actor1, actor2, location, lat, lon, note, fatalities) - our own notes
    ("2016-01-11", "Battle-No change of territory", "Islamic State (Libya)", "PFG: Petroleum Facilities Guard", "Sirte",
     31.2089, 16.5887, "On 11 January 2016, IS fighters fought Petroleum Facilities Guard units in Sirte; "
     "4 guards died.", 4),
    ("2016-01-12", "Riots/Protests", "Protesters (Libya)", "", "Benghazi", 32.1167, 20.0667,
     "On 12 January 2016, shopkeepers in Benghazi held a peaceful rally over power cuts.", 0),
    ("2016-01-13", "Strategic development", "Government of National Accord (Libya)", "", "Tripoli", 32.8925, 13.18,
     "The weather in Tripoli was cold and calm.", 0),
]
# Only the two columns the CASE scorer reads, label first (our order); snippets of our own.
CASE_COLUMNS = ("SubType", "EventSnippet")
CASE_ROWS = [
    ("PEACE_PROTEST", "On Friday nurses staged a peaceful rally at the health ministry over unpaid wages."),
    ("AIR_STRIKE", "Jets carried out an air strike on a rebel depot outside the town at dawn."),
    ("NATURAL_DISASTER", "Floodwater cut off three villages after days of heavy rain, the weather office said."),
]
GEO_TEXT = "Fighting erupted in Sirte on Monday. Residents of Tobruk fled east."
GEO_TOPONYMS = [("Sirte", 31.2089, 16.5887), ("Tobruk", 32.0836, 23.9764)]


def _acled_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=ACLED_COLUMNS)
        writer.writeheader()
        for day, kind, actor1, actor2, _place, lat, lon, note, dead in ACLED_ROWS:
            writer.writerow({"event_date": day, "event_type": kind, "actor1": actor1, "actor2": actor2,
                             "latitude": lat, "longitude": lon, "notes": note, "fatalities": dead})


def _case_tsv(path: Path) -> None:
    lines = ["\t".join(CASE_COLUMNS)] + ["\t".join(row) for row in CASE_ROWS]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _geoparsing_xml(path: Path) -> None:
    write_geoparsing_xml(path, [(GEO_TEXT, GEO_TOPONYMS)])


@pytest.fixture(scope="module")
def gold(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("gold")
    _acled_csv(folder / "acled_tiny.csv")
    _case_tsv(folder / "case_tiny.tsv")
    _geoparsing_xml(folder / "geoparsing_tiny.xml")
    return folder


@pytest.mark.slow
def test_acled_scorer(gold, pipeline) -> None:
    report = evaluate("acled", gold / "acled_tiny.csv", pipeline=pipeline)
    assert report.n == 3
    m = report.metrics
    assert m["detected"] == pytest.approx(2 / 3, abs=0.01)  # the weather note is no event
    assert m["location within 25 km"] == pytest.approx(2 / 3, abs=0.01)
    assert m["event date exact"] == pytest.approx(2 / 3, abs=0.01)
    assert 0 <= m["fatalities exact"] <= 1


@pytest.mark.slow
def test_case_scorer_keeps_unseen_types_apart(gold, pipeline) -> None:
    report = evaluate("case", gold / "case_tiny.tsv", pipeline=pipeline)
    m = report.metrics
    assert m["sub-event accuracy (seen types)"] == 1.0
    assert m["unseen types forced into conflict"] == 0.0


@pytest.mark.slow
def test_geoparsing_scorer(gold, pipeline) -> None:
    report = evaluate("geoparsing", gold / "geoparsing_tiny.xml", pipeline=pipeline)
    m = report.metrics
    assert m["toponym recall"] == 1.0
    assert m["resolved within 161 km (end to end)"] == 1.0


def test_unknown_gold_file_names_the_fix(tmp_path) -> None:
    with pytest.raises(InvalidParameterError, match="--corpus"):
        detect_corpus(tmp_path / "mystery.csv")


def test_old_acled_types_map_by_their_coded_actors() -> None:
    """ACLED's 2019 recoding moved violence against protesters to Protests and rioters' violence to Riots."""
    from frontlines.evaluate.acled import _gold_types

    row = {"event_type": "Violence against civilians", "actor1": "Police Forces of Ruritania", "actor2": "Protesters (Ruritania)"}
    assert set(_gold_types(row)) == {"Violence against civilians", "Protests"}
    row = {"event_type": "Violence against civilians", "actor1": "Rioters (Ruritania)", "actor2": "Civilians (Ruritania)"}
    assert set(_gold_types(row)) == {"Violence against civilians", "Riots"}
    row = {"event_type": "Violence against civilians", "actor1": "Police Forces of Ruritania", "actor2": "Civilians (Ruritania)"}
    assert _gold_types(row) == ["Violence against civilians"]


def test_two_armed_sides_count_in_either_order_civilians_and_crowds_keep_acleds_order() -> None:
    """ACLED's two actors are sides in no order, but civilians are actor 2 and (since 2019) crowds actor 1."""
    from types import SimpleNamespace

    from frontlines.evaluate.acled import _actor_checks

    army, rebels, civilians = "gen.military.NG", "gen.unidentified.NG", "gen.civilians.NG"
    police, crowd = "gen.police.NG", "gen.protesters.NG"
    battle, attack, protest = ["Battles"], ["Violence against civilians"], ["Violence against civilians", "Protests"]
    reversed_pair = SimpleNamespace(actor1_id=rebels, actor2_id=army)
    assert _actor_checks(army, rebels, reversed_pair, battle) == {"actor1": True, "actor2": True}
    assert _actor_checks(army, rebels, reversed_pair, attack) == {"actor1": False, "actor2": False}
    one_side = SimpleNamespace(actor1_id=army, actor2_id=None)  # the side we found, in the gold's order
    assert _actor_checks(army, rebels, one_side, battle) == {"actor1": True, "actor2": False}
    victim_first = SimpleNamespace(actor1_id=civilians, actor2_id=rebels)
    assert _actor_checks(rebels, civilians, victim_first, ["Explosions/Remote violence"]) == {"actor1": False, "actor2": False}
    crowd_first = SimpleNamespace(actor1_id=crowd, actor2_id=police)  # an older row: the police first, the crowd second
    assert _actor_checks(police, crowd, crowd_first, protest) == {"actor1": True, "actor2": True}
    assert _actor_checks(crowd, police, SimpleNamespace(actor1_id=police, actor2_id=crowd), ["Protests"]) \
        == {"actor1": False, "actor2": False}
    assert _actor_checks(army, None, None, battle) == {"actor1": False}
