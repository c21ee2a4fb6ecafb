"""The claims and predictions ledger (issue 13, deliverable 4): entries from sentences of our own through the
real pipeline, verdicts against later events, track records and the word list's checks."""

from __future__ import annotations

from datetime import date

import pytest

from frontlines.analysis.ledger import ledger_entries, track_records, verdict
from frontlines.errors import KnowledgeError
from frontlines.knowledge.ledger_words import LedgerWords, get_ledger_words
from frontlines.pipeline import extract_text
from frontlines.model import Event, LedgerEntry


def _doc(text: str, published: date = date(2016, 5, 2)):
    return extract_text(text, id="t", published=published)


def _entries(text: str):
    return ledger_entries(_doc(text))


def test_a_prediction_with_horizon_and_likelihood() -> None:
    entries = _entries("Rebel commanders said on Monday that they will probably capture Sirte within days.")
    assert len(entries) == 1
    e = entries[0]
    assert e.kind == "prediction"
    assert e.speaker == "Rebel commanders" and e.speaker_kind == "quoted"
    assert e.outcome == "capture" and not e.negated
    assert e.horizon == "within days" and e.due == "2016-05-09"
    assert e.probability == pytest.approx(0.7)  # 'probably' is more specific than 'will'
    assert "Sirte" in e.places and e.said_on == "2016-05-02"


def test_a_denial_is_an_entry_that_says_no() -> None:
    (e,) = _entries("The defence ministry denied that its aircraft bombed the market in Derna on Friday.")
    assert e.kind == "denial" and e.negated
    assert e.outcome == "attack"
    assert "ministry" in (e.speaker or "").lower()


def test_threats_and_intentions() -> None:
    text = ("The militia vowed to punish anyone who crosses into its territory. "
            "The government is preparing to launch an offensive to take back Ajdabiya.")
    kinds = [e.kind for e in _entries(text)]
    assert kinds == ["threat", "intention"]


def test_an_event_told_by_a_witness_is_no_entry() -> None:
    """An incident passed on by a witness or an official source is the event list's, not the ledger's."""
    text = "Gunmen killed five soldiers at a checkpoint near Sabha on Sunday, a local official said."
    doc = _doc(text)
    assert not ledger_entries(doc)


def test_a_party_accusing_another_is_a_claim() -> None:
    (e,) = _entries("The Libyan National Army accused Turkey of sending mercenaries to Tripoli.")
    assert e.kind == "claim"
    assert "Libyan National Army" in (e.speaker or "")


def _entry(**kw) -> LedgerEntry:
    base = dict(entry_id="d1:0", document_id="d1", kind="prediction", sentence="x", start=0, end=1,
                said_on="2016-05-02", speaker="Rebel commanders", source="Wire", places=["Sirte"],
                actor_ids=["lby.ntc"], outcome="capture", due="2016-05-09", probability=0.7)
    base.update(kw)
    return LedgerEntry(**base)


def _event(i: int, day: str, **kw) -> Event:
    base = dict(event_id=f"ev-{i}", event_date=day, time_precision=1, event_type="Battles",
                sub_event_type="Non-state actor overtakes territory", location="Sirte", document_id="d2",
                actor1_id="lby.ntc", modality="asserted")
    base.update(kw)
    return Event(**base)


def test_verdicts_confirmed_refuted_open() -> None:
    entry = _entry()
    taken = _event(1, "2016-05-06")
    assert verdict(entry, [taken], date(2017, 1, 1)).status == "confirmed"
    assert verdict(entry, [taken], date(2017, 1, 1)).events == ["ev-1"]
    # too late, another place, the same document, only claimed: none of them decides it
    others = [_event(2, "2016-06-01"), _event(3, "2016-05-06", location="Brega"),
              _event(4, "2016-05-06", document_id="d1"), _event(5, "2016-05-06", modality="claimed")]
    assert verdict(entry, others, date(2017, 1, 1)).status == "refuted"  # due date passed, nothing happened
    assert verdict(entry, others, date(2016, 5, 5)).status == "open"  # not due yet
    assert verdict(_entry(outcome=None), [taken], date(2017, 1, 1)).status == "open"


def test_a_negated_prediction_is_refuted_by_what_it_ruled_out() -> None:
    entry = _entry(negated=True, probability=0.8)
    assert verdict(entry, [_event(1, "2016-05-04")], date(2017, 1, 1)).status == "refuted"
    assert verdict(entry, [], date(2017, 1, 1)).status == "confirmed"


def test_track_records_with_brier_scores() -> None:
    judged = [(_entry(entry_id="a", probability=0.9), verdict(_entry(), [_event(1, "2016-05-06")], date(2017, 1, 1))),
              (_entry(entry_id="b", probability=0.6), verdict(_entry(), [], date(2017, 1, 1))),
              (_entry(entry_id="c", probability=None, speaker="Analyst"), verdict(_entry(), [], date(2016, 5, 3)))]
    records = {r.who: r.to_dict() for r in track_records(judged)}
    rebels = records["Rebel commanders"]
    assert (rebels["confirmed"], rebels["refuted"], rebels["open"]) == (1, 1, 0)
    assert rebels["brier"] == pytest.approx(((0.9 - 1) ** 2 + (0.6 - 0) ** 2) / 2)
    assert records["Analyst"]["open"] == 1 and records["Analyst"]["brier"] is None
    by_source = track_records(judged, by="source")
    assert [r.who for r in by_source] == ["Wire"]


def test_the_word_list_is_checked_on_load() -> None:
    get_ledger_words()  # the shipped list loads
    with pytest.raises(KnowledgeError, match="kinds"):
        LedgerWords.from_data({"kinds": {"claim": ["said"]}, "attribution_only": ["said"], "reporting_only": ["said"],
                               "observers": ["x"], "boilerplate": ["x"], "weak_future": ["x"], "likelihood": {"x": 0.5},
                               "horizons": {"x": 1}, "outcomes": {}})
    good = __import__("yaml").safe_load(
        (__import__("frontlines.knowledge.ledger_words", fromlist=["DATA"]).DATA).read_text(encoding="utf-8"))
    good["likelihood"]["likely"] = 1.5
    with pytest.raises(KnowledgeError, match="likelihood"):
        LedgerWords.from_data(good)
    good["likelihood"]["likely"] = 0.7
    good["kinds"]["claim"] = ["claim(ed"]
    with pytest.raises(KnowledgeError, match="does not compile"):
        LedgerWords.from_data(good)


def test_every_outcome_is_settled_by_known_sub_event_types() -> None:
    from frontlines.knowledge.ontology import get_ontology

    known = {sub for subs in get_ontology().taxonomy.values() for sub in subs}
    for outcome in get_ledger_words().outcomes:
        assert outcome.settled_by <= known, (outcome.kind, outcome.settled_by - known)


def test_a_quotation_takes_the_speaker_named_where_it_closes() -> None:
    text = ('"We will reach the river in the coming days. Our units are two kilometres away," the brigade commander '
            "told reporters on Monday. The insurgents are describing the raid as revenge for the siege.")
    entries = {e.kind: e for e in _entries(text)}
    assert entries["intention"].speaker == "brigade commander" and entries["intention"].due == "2016-05-16"
    assert entries["threat"].speaker == "insurgents"  # "are describing ... as revenge"


def test_a_claim_nobody_makes_is_no_entry() -> None:
    """Issue 13: a negated claim cue is no claim ('no group has claimed the bombing' reports the bombing)."""
    for text in ("No group has yet claimed responsibility for the car bombing in the market of Kismayo on Monday.",
                 "Nobody claimed the ambush near the bridge at Beledweyne, which wounded three guards.",
                 "There was no immediate claim for the mortar fire on the port of Hodeidah on Tuesday."):
        assert [e.kind for e in _entries(text)] == [], text
    (e,) = _entries("The Islamic State group claimed responsibility for the car bombing in Kismayo, not the army.")
    assert e.kind == "claim"


def test_an_event_the_extractor_reads_as_a_claim_is_a_ledger_claim_too() -> None:
    """Issue 13: a sentence whose only event is `claimed` is a party's claim, checked by the ledger; one told as
    fact with a reporting word stays the event's report."""
    (e,) = _entries("The rebels claimed to have captured the port of Brega on Sunday.")
    assert e.kind == "claim" and e.cue == "claimed" and e.speaker == "rebels" and e.outcome == "capture"
    assert _entries("Gunmen killed five soldiers at a checkpoint near Sabha on Sunday, a local official said.") == []


def test_a_cue_in_a_clause_that_dates_an_incident_is_no_entry() -> None:
    """Issue 13: 'after X agreed to / vowed to' only says when the incident told before it happened."""
    for text in ("Hundreds marched through the capital on Friday, a day after the militia agreed to leave the "
                 "ministries it had seized.",
                 "Government troops shelled the town of Kidal hours after the rebels vowed to hold it at any cost."):
        assert _entries(text) == [], text
    # the same cues told on their own are entries
    assert [e.kind for e in _entries("The militia agreed to leave the ministries in the capital by the end of the "
                                     "month.")] == ["intention"]
    assert [e.kind for e in _entries("The rebels vowed to hold the town of Kidal at any cost.")] == ["threat"]
    # 'as' opens another clause: its cue is a statement of its own
    (e,) = _entries("Gunmen stormed the hotel hours after capturing the port as police were preparing to retake "
                    "the town.")
    assert e.kind == "intention" and e.cue == "preparing to"


def test_a_claimed_toll_of_an_incident_told_before_it_is_no_entry() -> None:
    """Issue 13: 'struck back ... and claims to have killed 100' tells the strikes with the army's count; the
    count claimed on its own, or a claim about more than a toll, is an entry."""
    assert _entries("The army struck back with air strikes on the camp and claims to have killed 100 of the "
                    "attackers.") == []
    (e,) = _entries("The army claims to have killed 100 of the attackers near the camp at Sheikh Zuweid.")
    assert e.kind == "claim"
    (e,) = _entries("The army struck back with air strikes on the camp and claims to have retaken the town.")
    assert e.kind == "claim" and e.cue == "claims"


def test_no_comment_on_a_claim_is_no_claim() -> None:
    """Issue 13 (hand check): 'no immediate comment ... over the claims' refers to a claim told elsewhere; a
    statement in another clause after it still counts."""
    assert _entries("There was no immediate comment from the rebels on the army's claims about the raid.") == []
    assert _entries("The army spokesman had yet to respond to these claims about the raid on Gajiram.") == []
    (e,) = _entries("The army did not comment on the raid, but had vowed that the killing would not go unpunished.")
    assert e.kind == "threat"


def test_the_outcome_is_what_the_cue_says() -> None:
    """Issue 13 (hand check): the outcome is read after the cue first ('the biggest losses of the war, while
    officials were claiming they had retaken the city' expects a capture, not an attack)."""
    (e,) = _entries("It was the worst loss of the war, and on Thursday officials were claiming they had retaken the "
                    "city of Kunduz.")
    assert e.kind == "claim" and e.outcome == "capture" and e.speaker == "officials"
    (e,) = _entries("The world has no excuse not to attack the group, so they keep the girls alive, hoping to "
                    "negotiate a compromise with the government.")
    assert e.outcome == "agreement"


def test_who_took_responsibility_is_the_speaker() -> None:
    (e,) = _entries("Hezbollah took responsibility for the attack on the convoy, claiming it was revenge for the air "
                    "strike on Quneitra.")
    assert e.speaker == "Hezbollah" and e.outcome == "attack"


def test_clauses_joined_by_a_semicolon_are_statements_of_their_own() -> None:
    """Issue 13: two clauses joined by a semicolon are two statements, each with its own speaker; a clause that
    goes on with the one before it ('; that it was ...', a quotation) is not cut off."""
    claim, denial = _entries("The army claimed it had shot down two rebel drones over Misrata; the rebels denied losing "
                             "any aircraft near the city.")
    assert (claim.kind, denial.kind) == ("claim", "denial") and denial.speaker == "rebels"
    assert denial.sentence.startswith("the rebels denied") and denial.start > claim.start
    # the clause that tells the strikes is the strikes' report; only the clause with the claim is an entry
    (e,) = _entries("Claims by the army put its own dead at about 17 after the attacks on the checkpoints; other "
                    "estimates are higher The army struck back with air strikes on the camp and claims to have killed "
                    "100 of the attackers.")
    assert e.sentence.endswith("checkpoints;") and e.cue == "Claims"
    (e,) = _entries("The group's channels sent several messages about the bombing in Sabha; that it was the "
                    "responsibility of the Islamic State, carried out by a foreign fighter.")
    assert "foreign fighter" in e.sentence


def test_two_speakers_in_one_sentence_each_keep_their_words() -> None:
    """Issue 13 (hand check): the speaker is the one in the cue's clause, not the other one the sentence names."""
    (e,) = _entries("A ceasefire took effect around the capital on Sunday, though both sides accused each other of "
                    "violations.")
    assert e.speaker == "both sides"
    (e,) = _entries("Hamas warned that Israel had opened the gates of hell, while the army spokesman said the "
                    "militants should hide underground.")
    assert e.kind == "threat" and "Hamas" in (e.speaker or "")
    (e,) = _entries("The separatists had announced that nine soldiers were killed in the raid on Wum, but colonel "
                    "Badjeck said it was fake news.")
    assert e.kind == "denial" and e.speaker == "colonel Badjeck"


def test_the_subject_of_a_passive_cue_is_not_the_speaker() -> None:
    """Issue 13 (hand check): 'X blamed for', 'X warned to', 'X accused of' name the accused or the warned."""
    doc = extract_text("Rebels blamed for the deadly attack on the airport in Aden.", id="t", published=date(2021, 1, 2))
    doc.source = "Daily Wire"
    (e,) = ledger_entries(doc)
    assert e.speaker == "Daily Wire" and e.speaker_kind == "author"
    (e,) = _entries("The rebels blamed the army for the deadly attack on the airport in Aden.")
    assert e.speaker == "rebels"
    (e,) = _entries("The militia warned of more attacks on the airport in Aden within days.")
    assert e.speaker == "militia"


def test_a_capture_by_another_side_does_not_confirm_a_prediction_about_these_sides() -> None:
    """Issue 13 (hand check): 'fears the Islamists will take X' is not borne out by their enemies taking X; a
    leader's own forces taking it are his side."""
    rebels_take = _entry()  # the NTC's rebels will capture Sirte within a week
    by_the_army = _event(1, "2016-05-06", actor1_id="lby.gaddafi_forces")
    assert verdict(rebels_take, [by_the_army], date(2016, 5, 5)).status == "open"
    assert verdict(rebels_take, [by_the_army], date(2017, 1, 1)).status == "refuted"  # due, and not by them
    gaddafi_takes = _entry(actor_ids=["lby.gaddafi"])
    assert verdict(gaddafi_takes, [by_the_army], date(2017, 1, 1)).status == "confirmed"
    assert verdict(_entry(actor_ids=[]), [by_the_army], date(2017, 1, 1)).status == "confirmed"  # no side named


def test_a_wish_or_a_fear_felt_is_no_prediction() -> None:
    """Issue 13 (hand check): 'Hopefully it will ...' wishes; 'fled in fear of the militants' tells a feeling;
    'fears that the militants will ...' predicts."""
    assert _entries("Hopefully the militia will get its comeuppance in Misrata!") == []
    assert _entries("Many residents fled the town of Garacad in fear of the militants on Monday.") == []
    (e,) = _entries("There are fears that the militants will take the town of Garacad within days.")
    assert e.kind == "prediction" and e.outcome == "capture"


def test_a_speaker_named_by_a_statement_or_a_pronoun_the_sentence_opens_with() -> None:
    """Issue 13 (hand check): 'X has released a statement claiming', 'President X giving a speech, in which he
    asserted', 'When X entered the town, they warned'; a pronoun after a quotation, or of another number, is not
    resolved to the actor the sentence opens with."""
    (e,) = _entries("In addition to the police building, Al-Shabaab has released a statement claiming that the army "
                    "fled Kismayo.")
    assert e.speaker == "Al Shabaab"
    (e,) = _entries("President Salva Kiir giving an address to parliament on Monday, in which he asserted that his "
                    "troops were in command of Juba.")
    assert e.speaker == "Salva Kiir"
    (e,) = _entries("When Al-Shabaab entered Kismayo, they warned residents not to support the government.")
    assert e.speaker == "Al Shabaab"
    (e,) = _entries("However, Haftar considers the fighters of Derna to be associated with Al Qaeda, even though they "
                    "claim not to be.")
    assert e.speaker != "Khalifa Haftar"
