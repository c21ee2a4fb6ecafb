"""``country_focus`` reads the text's own cues (demonyms, unit words, US cues) once per text (``_text_cues``) and
gives the same weights each time it is asked, with or without demonyms."""

from __future__ import annotations

from frontlines.knowledge.actors import get_actor_kb
from frontlines.knowledge.gazetteer import get_gazetteer
from frontlines.pipeline.mentions import focus
from frontlines.pipeline.reading.ingest import document_from_text

TEXT = ("Somali troops and Kenyan police met the County Jail in two LGAs; "
        "the Police Department said Nigerian herders left.")


def test_the_text_cues_are_read_once_and_weigh_the_same_each_time() -> None:
    doc = document_from_text(TEXT, id="cues")
    gaz, kb = get_gazetteer(), get_actor_kb()
    focus._text_cues.cache_clear()
    first = dict(focus.country_focus(doc, gaz, kb))
    without = dict(focus.country_focus(doc, gaz, kb, demonyms=False))
    assert dict(focus.country_focus(doc, gaz, kb)) == first
    assert focus._text_cues.cache_info().misses == 1
    assert first["SO"] == without.get("SO", 0.0) + 1.0 and first["KE"] == without.get("KE", 0.0) + 1.0
    assert first["NG"] >= 1.5 + 1.0 and first["US"] == 2.0  # LGAs and 'Nigerian'; two distinct US cues
