"""The gold-format scorers on tiny hand-written files in each format (never the gold sets themselves):
the numbers they print must follow from what the pipeline got right and wrong."""

from __future__ import annotations

from pathlib import Path

import pytest

from frontlines.errors import InvalidParameterError
from frontlines.evaluate import detect_corpus, evaluate

ACLED_2018 = '''event_date,event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,admin1,location,latitude,longitude,geo_precision,time_precision,source,notes,fatalities
2016-01-11,Battle-No change of territory,Islamic State (Libya),,PFG: Petroleum Facilities Guard,,Libya,Surt,Sirte,31.2089,16.5887,1,1,Reuters,"On 11 January 2016, Islamic State militants clashed with Petroleum Facilities Guard forces in Sirte, killing 4 guards.",4
2016-01-12,Riots/Protests,Protesters (Libya),,,,Libya,Banghazi,Benghazi,32.1167,20.0667,1,1,Reuters,"On 12 January 2016, hundreds of residents protested peacefully in Benghazi against power cuts.",0
2016-01-13,Strategic development,Government of National Accord (Libya),,,,Libya,Tarabulus,Tripoli,32.8925,13.18,1,1,Reuters,"The weather in Tripoli was cold and calm.",0
'''
CASE = "id\tEventSnippet\tSubType\n" \
       "1\tProtesters marched peacefully through the capital on Friday demanding jobs.\tPEACE_PROTEST\n" \
       "2\tWarplanes bombed rebel positions near the city, killing six fighters.\tAIR_STRIKE\n" \
       "3\tA 6.1 magnitude earthquake shook the region on Monday, officials said.\tNATURAL_DISASTER\n"
GEO = '''<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="1">
    <text><![CDATA[Fighting erupted in Sirte on Monday. Residents of Tobruk fled east.]]></text>
    <toponyms>
      <toponym><start>20</start><end>25</end><phrase>Sirte</phrase>
        <gaztag geonameid="2210554"><lat>31.2089</lat><lon>16.5887</lon></gaztag></toponym>
      <toponym><start>50</start><end>56</end><phrase>Tobruk</phrase>
        <gaztag geonameid="80509"><lat>32.0836</lat><lon>23.9764</lon></gaztag></toponym>
    </toponyms>
  </article>
</articles>
'''


@pytest.fixture(scope="module")
def gold(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("gold")
    (folder / "acled_tiny.csv").write_text(ACLED_2018, encoding="utf-8")
    (folder / "case_tiny.tsv").write_text(CASE, encoding="utf-8")
    (folder / "geoparsing_tiny.xml").write_text(GEO, encoding="utf-8")
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
