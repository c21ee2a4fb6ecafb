"""Territorial control over time (issue 13, deliverable 2): changes from territorial events and statements of
control, timelines with reversed and contested control, and who held a place on a given day."""

from __future__ import annotations

from datetime import date

from frontlines.analysis.control import control_changes, holder_at, timeline
from frontlines.pipeline import extract_text
from frontlines.model import ControlChange, Document, Event


def _change(day: str, holder: str, doc: str, kind: str = "capture", modality: str = "asserted") -> ControlChange:
    return ControlChange(place="Brega", date=day, holder=holder, holder_id=holder.lower(), kind=kind,
                         document_id=doc, modality=modality, evidence=f"{holder} took Brega")


def test_reversed_control_makes_two_periods() -> None:
    periods = timeline([_change("2011-03-02", "Rebels", "a"), _change("2011-03-20", "Army", "b"),
                        _change("2011-03-25", "Army", "c")])
    assert [(p.holder, p.since, p.until) for p in periods] == [("Rebels", "2011-03-02", "2011-03-20"),
                                                               ("Army", "2011-03-20", None)]
    assert not any(p.contested for p in periods)
    assert len(periods[1].evidence) == 2  # a second report of the same holder extends the period
    assert holder_at(periods, "2011-03-10").holder == "Rebels"
    assert holder_at(periods, "2011-04-01").holder == "Army"
    assert holder_at(periods, "2011-01-01") is None


def test_different_holders_reported_days_apart_are_contested() -> None:
    periods = timeline([_change("2011-03-02", "Rebels", "a"), _change("2011-03-03", "Army", "b")])
    assert periods[0].contested and periods[0].rivals == ["Army"]


def test_a_claim_nobody_else_reports_is_contested() -> None:
    periods = timeline([_change("2011-03-02", "Rebels", "a", modality="claimed")])
    assert periods[0].contested


def _territory_doc(sub_type: str, notes: str) -> Document:
    doc = Document(id="d", text=notes, published=date(2016, 3, 15))
    doc.events = [Event(event_id="e1", event_date="2016-03-15", time_precision=1, event_type="Strategic developments",
                        sub_event_type=sub_type, actor1="Al Shabaab", actor1_id="som.shabaab",
                        actor2="Military Forces of Somalia", actor2_id="som.army", location="Garacad",
                        notes=notes, document_id="d")]
    return doc


def test_a_withdrawal_hands_the_place_away_from_actor1() -> None:
    (left,) = control_changes(_territory_doc("Non-violent transfer of territory",
                                             "The militants withdrew from the port town on Tuesday."))
    assert left.kind == "withdrawal" and left.previous == "Al Shabaab" and left.holder == "Military Forces of Somalia"
    (taken,) = control_changes(_territory_doc("Non-violent transfer of territory",
                                              "The militants entered the port town without a fight."))
    assert taken.kind == "transfer" and taken.holder == "Al Shabaab"
    (captured,) = control_changes(_territory_doc("Non-state actor overtakes territory", "They stormed the town."))
    assert captured.kind == "capture" and captured.holder == "Al Shabaab" and captured.event_id == "e1"


def test_a_statement_of_control_through_the_pipeline() -> None:
    doc = extract_text("Residents said Islamic State fighters remain in control of Sirte, despite weeks of air strikes.",
                       id="s", published=date(2016, 1, 12))
    stated = [c for c in control_changes(doc) if c.kind == "statement"]
    assert stated, [m.to_dict() for m in doc.mentions]
    assert stated[0].place == "Sirte" and "Islamic State" in (stated[0].holder or "")
    assert stated[0].date == "2016-01-12"


def test_every_place_a_capture_names_changes_hands_and_no_other() -> None:
    """One sentence, one event for the extractor, but two towns taken; the town in the next clause stays put."""
    doc = extract_text("Government troops recaptured Ajdabiya and Brega on Sunday, leaving the rebels besieged in "
                       "Benghazi.", id="m", published=date(2011, 3, 20))
    places = {c.place for c in control_changes(doc) if c.kind != "statement"}
    assert {"Ajdabiya", "Brega"} <= places, [c.to_dict() for c in control_changes(doc)]
    assert "Benghazi" not in places


def test_places_the_gazetteer_does_not_know_change_hands_too() -> None:
    """Issue 13: villages missing from the gazetteer, listed where a place is taken, get their change of control
    (without coordinates); what a seizure names that is no place, and a name after another verb, get none."""
    doc = extract_text("Army commandos captured Qarwadeen, Belesqooley and Dhuusabeyle villages near Kismayo on "
                       "Tuesday.", id="u", published=date(2019, 5, 7))
    places = {c.place: c for c in control_changes(doc) if c.kind != "statement"}
    assert {"Qarwadeen", "Belesqooley", "Dhuusabeyle"} <= set(places), [c.to_dict() for c in control_changes(doc)]
    assert places["Qarwadeen"].latitude is None and "names Qarwadeen" in places["Qarwadeen"].reason
    doc = extract_text("Al-Shabaab fighters have withdrawn from the coastal town of Ceel Dheerow after holding it for a "
                       "day.", id="w", published=date(2019, 5, 7))
    assert "Ceel Dheerow" in {c.place for c in control_changes(doc) if c.kind == "withdrawal"}
    doc = extract_text("Government forces pushed the rebels out of Bin Jawad, and then Qardabiya, and finally took "
                       "Sultan on Sunday.", id="q", published=date(2011, 3, 28))
    # the name finder takes Qardabiya for a group it cannot resolve; the list of places taken says it is a place
    assert "Qardabiya" in {c.place for c in control_changes(doc) if c.kind == "capture"}
    doc = extract_text("Government troops seized the Zorvan pickups of the militia in Kismayo on Monday.", id="p",
                       published=date(2019, 5, 7))
    assert "Zorvan" not in {c.place for c in control_changes(doc)}  # a name, but followed by no place's kind


def _taken(text: str, published: date = date(2019, 4, 23)) -> dict[str, ControlChange]:
    doc = extract_text(text, id="c", published=published)
    return {c.place: c for c in control_changes(doc) if c.kind != "statement"}


def test_a_place_put_under_control_changes_hands_even_when_the_gazetteer_lacks_it() -> None:
    """Issue 13: 'put X under their control' holds the place it names; one the gazetteer lacks still counts."""
    assert _taken("Al-Shabaab fighters put Qarwadeen under their control on Tuesday.")["Qarwadeen"].holder == "Al Shabaab"
    both = _taken("Al-Shabaab brought Qarwadeen and Belesqooley under its full control.")
    assert {"Qarwadeen", "Belesqooley"} <= set(both) and all(c.kind == "capture" for c in both.values())


def test_a_side_defeated_or_driven_out_leaves_the_place() -> None:
    """Issue 13: 'suffered its defeat in X', 'were pushed out of X': the side named leaves X, nobody named takes it."""
    left = _taken("In April, Islamic State suffered its biggest defeat in Tikrit.", date(2015, 5, 20))
    (tikrit,) = left.values()
    assert tikrit.kind == "withdrawal" and tikrit.holder is None and "Islamic State" in (tikrit.previous or "")
    pushed = _taken("Al-Shabaab fighters were pushed out of Qarwadeen and Belesqooley on Tuesday.")
    assert {c.kind for c in pushed.values()} == {"withdrawal"} and {"Qarwadeen", "Belesqooley"} <= set(pushed)
    assert _taken("The army suffered heavy losses near Brega on Sunday.") == {}


def test_a_place_whose_people_surrender_passes_to_the_side_they_yield_to() -> None:
    """Issue 13: a town's elders or garrison surrendering hand it over: to the side after 'to', else the side
    named before them; a refusal, or fighters handing in their arms, hands nothing over."""
    (harawa,) = _taken("Islamic State fighters kept pressing east; on Saturday, elders in the small town of Harawah "
                       "chose to surrender to spare it a siege.", date(2015, 5, 31)).values()
    assert harawa.kind == "transfer" and harawa.holder == "Islamic State (Libya)"
    assert _taken("The garrison of Brega surrendered to Islamic State fighters on Sunday.")["Brega"].kind == "transfer"
    assert _taken("Islamic State fighters besieged Harawah, but elders in the town refused to surrender.") == {}
    assert _taken("Al-Shabaab fighters in Kismayo surrendered their weapons to the army.") == {}


def test_each_place_is_taken_by_the_side_of_the_words_it_follows() -> None:
    """Issue 13 (holders): two captures by two sides in one sentence; the target of an attack, a name in brackets,
    a captive and a capture told as a noun without 'by' take nothing."""
    both = _taken("As Islamic State conquered Mosul, the Kurdish Peshmerga used the chaos to take over Kirkuk.",
                  date(2014, 8, 12))
    assert "Islamic State" in (both["Mosul"].holder or "") and "Peshmerga" in (both["Kirkuk"].holder or "")
    camp = _taken("Al-Shabaab fighters staged a major attack on the Somali army (SNA) base in Kismayo, overrunning "
                  "the camp.")
    assert camp["Kismayo"].holder == "Al Shabaab"
    assert _taken("A few of Al-Shabaab's commanders in Kismayo have been killed or captured, officials said.") == {}
    by = _taken("This comes two days after the capture of Kismayo by Al-Shabaab fighters.")
    assert by["Kismayo"].holder == "Al Shabaab"


def test_control_reversed_in_one_report_keeps_both_changes() -> None:
    """Issue 13: a place lost and taken back in one report ('re-taken') keeps a change for each holder."""
    doc = extract_text("Al-Shabaab fighters drove Somali government troops out of Kismayo on Monday. On Tuesday the "
                       "Somali army said it had re-taken Kismayo after heavy fighting.", id="r",
                       published=date(2016, 5, 3))
    holders = [c.holder for c in control_changes(doc) if c.place == "Kismayo" and c.kind != "statement"]
    assert "Al Shabaab" in holders and any(h and "Somalia" in h for h in holders), holders


def test_a_hedged_or_quoted_statement_of_control() -> None:
    doc = extract_text("Al-Shabaab is believed to be in “control” of “most” of Kismayo, the agency reported.", id="h",
                       published=date(2016, 5, 3))
    (stated,) = [c for c in control_changes(doc) if c.kind == "statement"]
    assert stated.place == "Kismayo" and stated.holder == "Al Shabaab"


def test_a_capture_only_meant_changes_nothing_and_a_claimed_one_is_claimed() -> None:
    """Issue 13: 'in bid to regain control of X', 'failed to retake X' take nothing; 'the paper claimed the militants
    had been routed from X' is a claimed change."""
    assert _taken("Somali government forces in bid to regain control of Kismayo and Barawe ports.") == {}
    assert _taken("Somali government forces failed to retake Kismayo on Monday.") == {}
    doc = extract_text("A local paper claimed repeatedly that Al-Shabaab fighters have been completely routed from "
                       "Kismayo.", id="p", published=date(2016, 5, 3))
    (routed,) = [c for c in control_changes(doc) if c.place == "Kismayo"]
    assert routed.kind == "withdrawal" and routed.modality == "claimed"


def test_a_place_lost_to_a_side_is_theirs() -> None:
    """Issue 13: 'fell back in X, losing the port to Y' and 'lost control of X to Y' hand X to Y; a loss to no one
    named, or only feared, hands nothing over."""
    lost = _taken("The spokesman said his troops fell back in Kismayo, losing the port district to Al-Shabaab "
                  "fighters.")
    assert lost["Kismayo"].holder == "Al Shabaab" and lost["Kismayo"].kind == "capture"
    assert _taken("The army lost control of Kismayo to Al-Shabaab on Thursday.")["Kismayo"].holder == "Al Shabaab"
    assert _taken("The army lost 12 soldiers in Kismayo on Thursday.") == {}


def test_a_claimed_statement_of_control_in_quotation_marks() -> None:
    doc = extract_text('An Al-Shabaab commander claimed on Sunday that its fighters were in "total" control of Kismayo.',
                       id="q", published=date(2016, 5, 3))
    (stated,) = [c for c in control_changes(doc) if c.kind == "statement"]
    assert stated.place == "Kismayo" and stated.holder == "Al Shabaab" and stated.modality == "claimed"
