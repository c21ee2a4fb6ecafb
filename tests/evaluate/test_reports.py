"""The real-report scorer on tiny records written for these tests (invented places, groups and sentences; never the
gold sets): matching on evidence, the soft (background/optional) exclusions, trap hits, the halves and actor
agreement, each figure following from what the predictions got right and wrong."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

import pytest

from frontlines.errors import InvalidParameterError, MalformedInputError
from frontlines.evaluate import EvalReport, detect_corpus, evaluate, report_files
from frontlines.evaluate.report_actors import ActorJudge
from frontlines.evaluate.reports import (
    judge_document,
    load_records,
    rests_on,
    render_details,
    score_records,
    score_reports,
)
from frontlines.knowledge.actors import Actor, ActorKB
from frontlines.model import Document, Event

SHELLING = "Rebels shelled the harbour of Amaru on 3 May, killing four dock workers."
PREDICTION = "The council said the war would be over before the rains."
OPINION = "Officials praised the courage of the harbour guards."
KIDNAP = "Gunmen seized two engineers on the road to Belo last month."
TEXT = f"{SHELLING} {PREDICTION} {OPINION} {KIDNAP}"
AMARU, BELO = (12.0, 21.0), (12.5, 21.5)  # about 76 km apart
SHELL_TYPE = ("Explosions/Remote violence", "Shelling/artillery/missile attack")
KIDNAP_TYPE = ("Violence against civilians", "Abduction/forced disappearance")


def _gold(sentence: str, kind: tuple[str, str], place: tuple[float, float] | None, **extra: Any) -> dict[str, Any]:
    lat, lon = place if place else (None, None)
    return {"event_type": kind[0], "sub_event_type": kind[1], "actor1": None, "actor2": None,
            "location": {"name": "somewhere", "lat": lat, "lon": lon}, "date": None, "fatalities": None,
            "evidence": sentence, "background": False, "optional": False, **extra}


def _record(gold_events: list[dict[str, Any]], traps: list[tuple[str, str]], **extra: Any) -> dict[str, Any]:
    return {"id": extra.pop("id", "r1"), "text": TEXT, "published": "2020-05-05", "gold_events": gold_events,
            "gold_non_events": [{"sentence": s, "category": c, "why": "test"} for s, c in traps],
            "gold_entities": [], **extra}


def _event(sentence: str | None, kind: tuple[str, str] = SHELL_TYPE, place: tuple[float, float] | None = AMARU,
           **fields: Any) -> Event:
    start = TEXT.index(sentence) if sentence else 0
    end = start + len(sentence) if sentence else 0
    lat, lon = place if place else (None, None)
    values: dict[str, Any] = {"event_date": "2020-05-03", "time_precision": 1, "latitude": lat, "longitude": lon,
                              "evidence": {"start": start, "end": end}, "reason": "test rule", "location": "X"}
    values.update(fields)
    return Event(event_id=f"e{id(values)}", event_type=kind[0], sub_event_type=kind[1], **values)


def _doc(events: list[Event], doc_id: str = "r1") -> Document:
    return Document(id=doc_id, text=TEXT, events=events)


@pytest.fixture(scope="module")
def kb() -> ActorKB:
    actors = [
        Actor("nlf", "Northern Liberation Front", "rebel_group", country="LY", aliases=("NLF",)),
        Actor("nlf.desert", "Desert Brigade (NLF)", "rebel_group", country="LY", parent="nlf"),
        Actor("zarif", "Omar Zarif", "person", country="LY", parent="nlf"),
        Actor("cug", "Coastal Unity Government", "government", country="LY"),
        Actor("cug.forces", "Military Forces of Libya (Coastal Unity Government)", "state_forces", country="LY",
              parent="cug"),
        Actor("cug.police", "Police Forces of Libya (Coastal Unity Government)", "state_forces", country="LY",
              parent="cug"),
        Actor("rc", "Revolutionary Council", "government", country="LY"),  # no forces of its own
        # one force under one name in two periods: the state's, then a rebel group
        Actor("rpf", "Rapid Patrol Force", "state_forces", country="LY"),
        Actor("rpf.rebel", "Rapid Patrol Force", "rebel_group", country="LY"),
    ]
    return ActorKB(actors, {}, {"LY": "Libya", "KE": "Kenya"})


@pytest.fixture(scope="module")
def judge(kb) -> ActorJudge:
    return ActorJudge(kb)


# -- evidence ------------------------------------------------------------------------------------------------
def test_a_short_opening_is_not_enough() -> None:
    sentence = "Dockworkers downed tools at Amaru harbour yesterday."
    assert rests_on("dockworkers downed tools at amaru", sentence)  # 33 characters, 5 words: its opening
    assert not rests_on("downed tools at amaru", sentence)  # 21 characters: too short to count as one
    assert not rests_on("dockworkers downed tools in protest over unpaid wages at the depot", sentence)  # 60


def test_evidence_rests_on_a_sentence_it_holds_begins_or_shares_most_words_with() -> None:
    assert rests_on(f"  {SHELLING.lower()}  and more", SHELLING)  # holds the whole sentence
    assert rests_on("rebels shelled the harbour of amaru on 3 may", SHELLING)  # the sentence holds its opening
    assert rests_on("killing four dock workers, rebels shelled harbour amaru", SHELLING)  # 8 of 12 words shared
    assert not rests_on("rebels shelled", SHELLING)  # too short to be an opening, too few words
    assert not rests_on(OPINION.lower(), SHELLING)
    assert not rests_on("", SHELLING)


# -- matching ----------------------------------------------------------------------------------------------
def _figures(record: dict[str, Any], events: list[Event], judge: ActorJudge, **kw: Any) -> dict[str, float]:
    return _score([record], {record["id"]: events}, judge, **kw).metrics


class _Replay:
    """Stands in for the pipeline: gives each document the events prepared for it."""

    def __init__(self, events: dict[str, list[Event]]) -> None:
        self.events = events
        self.seen: list[str] = []

    def pipe(self, docs: Iterable[Document], *, batch_size: int = 32) -> Iterator[Document]:
        for doc in docs:
            self.seen.append(doc.id)
            doc.events = list(self.events.get(doc.id, []))
            yield doc


def _score(records: list[dict[str, Any]], events: dict[str, list[Event]], judge: ActorJudge,
           **kw: Any) -> EvalReport:
    return score_records(records, _Replay(events), name="tiny", actors=judge, **kw)


def test_the_best_typed_nearest_prediction_on_the_evidence_wins(judge) -> None:
    gold = _gold(SHELLING, SHELL_TYPE, AMARU, date="2020-05-03", fatalities=4)
    wrong_type = _event(SHELLING, KIDNAP_TYPE)
    far = _event(SHELLING, place=BELO, fatalities=2)
    right = _event(SHELLING, fatalities=4)
    judged = judge_document(_record([gold], []), _doc([wrong_type, far, right]), judge)
    assert judged.matches == [(gold, right)]
    assert judged.false_positives == [wrong_type, far]
    m = _figures(_record([gold], []), [wrong_type, far, right], judge)
    assert (m["recall"], m["precision"]) == (1.0, pytest.approx(1 / 3, abs=1e-4))
    assert (m["type"], m["sub-type"], m["place within 25 km"], m["fatalities"]) == (1.0, 1.0, 1.0, 1.0)


def test_a_prediction_on_another_sentence_is_no_match(judge) -> None:
    m = _figures(_record([_gold(SHELLING, SHELL_TYPE, AMARU)], []), [_event(PREDICTION)], judge)
    assert m["recall"] == 0.0 and m["precision"] == 0.0 and "type" not in m


def test_each_gold_event_of_one_sentence_takes_its_own_prediction(judge) -> None:
    """Two gold events told in one sentence (two places): each takes the prediction near it; one prediction for
    both is matched twice but counted once in precision."""
    golds = [_gold(SHELLING, SHELL_TYPE, AMARU), _gold(SHELLING, SHELL_TYPE, BELO)]
    at_belo, at_amaru = _event(SHELLING, place=BELO), _event(SHELLING, place=AMARU)
    judged = judge_document(_record(golds, []), _doc([at_belo, at_amaru]), judge)
    assert [e for _, e in judged.matches] == [at_amaru, at_belo]
    m = _figures(_record(golds, []), [at_amaru], judge)
    assert (m["recall"], m["precision"], m["place within 25 km"]) == (1.0, 1.0, 0.5)


def test_an_earlier_match_gives_way_to_an_equal_prediction(judge) -> None:
    golds = [_gold(SHELLING, SHELL_TYPE, AMARU), _gold(SHELLING, SHELL_TYPE, AMARU)]
    first, second = _event(SHELLING), _event(SHELLING)
    judged = judge_document(_record(golds, []), _doc([first, second]), judge)
    assert [e for _, e in judged.matches] == [first, second]


def test_the_right_type_outweighs_the_place(judge) -> None:
    gold = _gold(SHELLING, ("Explosions/Remote violence", "Air/drone strike"), AMARU)
    near_clash = _event(SHELLING, ("Battles", "Armed clash"), AMARU)
    far_shelling = _event(SHELLING, SHELL_TYPE, BELO)
    judged = judge_document(_record([gold], []), _doc([near_clash, far_shelling]), judge)
    assert judged.matches == [(gold, far_shelling)]


def test_an_alternative_sub_type_counts(judge) -> None:
    gold = _gold(SHELLING, ("Battles", "Armed clash"), AMARU, alt_sub_event_types=[": ".join(SHELL_TYPE)])
    m = _figures(_record([gold], []), [_event(SHELLING)], judge)
    assert (m["type"], m["sub-type"]) == (1.0, 1.0)
    m = _figures(_record([_gold(SHELLING, ("Battles", "Armed clash"), AMARU)], []), [_event(SHELLING)], judge)
    assert (m["type"], m["sub-type"]) == (0.0, 0.0)


@pytest.mark.parametrize(("gold_date", "predicted", "right"), [
    ("2020-05", "2020-05-28", True), ("2020-05-03", "2020-05-28", False), ("2020-05-03", "2020-05-03", True),
    ("2020-05", None, False)])
def test_dates_compare_at_the_gold_precision(judge, gold_date, predicted, right) -> None:
    gold = _gold(SHELLING, SHELL_TYPE, AMARU, date=gold_date)
    m = _figures(_record([gold], []), [_event(SHELLING, event_date=predicted)], judge)
    assert m["date at the gold precision"] == float(right)


def test_place_and_fatalities_are_scored_only_where_the_gold_has_them(judge) -> None:
    m = _figures(_record([_gold(SHELLING, SHELL_TYPE, None)], []), [_event(SHELLING)], judge)
    assert "place within 25 km" not in m and "fatalities" not in m and "date at the gold precision" not in m
    m = _figures(_record([_gold(SHELLING, SHELL_TYPE, AMARU, fatalities=0)], []), [_event(SHELLING)], judge)
    assert (m["place within 25 km"], m["fatalities"]) == (1.0, 1.0)


def test_only_asserted_predictions_count(judge) -> None:
    gold = _gold(SHELLING, SHELL_TYPE, AMARU)
    m = _figures(_record([gold], []), [_event(SHELLING, modality="claimed"), _event(OPINION)], judge)
    assert (m["recall"], m["precision"]) == (0.0, 0.0)


# -- soft gold events -------------------------------------------------------------------------------------
@pytest.mark.parametrize("flag", ["optional", "background"])
def test_predictions_on_soft_gold_events_are_neither_rewarded_nor_penalised(judge, flag) -> None:
    golds = [_gold(SHELLING, SHELL_TYPE, AMARU), _gold(KIDNAP, KIDNAP_TYPE, BELO, **{flag: True})]
    m = _figures(_record(golds, []), [_event(SHELLING), _event(KIDNAP, KIDNAP_TYPE, BELO)], judge)
    assert (m["recall"], m["precision"]) == (1.0, 1.0)  # the kidnapping is no gold to find and no false positive
    m = _figures(_record(golds, []), [_event(SHELLING), _event(OPINION)], judge)
    assert m["precision"] == 0.5  # an event on a sentence that is no soft gold still is one
    report = _score([_record(golds, [])], {"r1": [_event(KIDNAP, KIDNAP_TYPE, BELO)]}, judge)
    assert "recall" in report.metrics and report.metrics["recall"] == 0.0  # the soft event is never a miss


# -- traps ---------------------------------------------------------------------------------------------------
def test_an_unmatched_prediction_on_a_trap_sentence_hits_it(judge) -> None:
    golds = [_gold(SHELLING, SHELL_TYPE, AMARU)]
    traps = [(PREDICTION, "prediction"), (OPINION, "opinion"), (SHELLING, "duplicate")]
    m = _figures(_record(golds, traps), [_event(SHELLING), _event(OPINION)], judge)
    assert m["traps avoided"] == pytest.approx(2 / 3, abs=1e-4)  # the matched event's sentence is no trap hit
    assert (m["traps avoided: opinion"], m["traps avoided: prediction"], m["traps avoided: duplicate"]) == (0.0, 1.0, 1.0)
    m = _figures(_record(golds, traps), [_event(SHELLING), _event(SHELLING, KIDNAP_TYPE)], judge)
    assert m["traps avoided: duplicate"] == 0.0  # the second, unmatched event on it is


def test_verbose_lists_misses_false_positives_and_trap_hits(judge) -> None:
    golds = [_gold(SHELLING, SHELL_TYPE, AMARU), _gold(KIDNAP, KIDNAP_TYPE, BELO)]
    report = _score([_record(golds, [(OPINION, "opinion")])],
                    {"r1": [_event(SHELLING), _event(OPINION, reason="trigger 'praised'")]}, judge, verbose=True)
    kinds = [(d["kind"], d.get("evidence")) for d in report.details]
    assert kinds == [("miss", KIDNAP), ("false positive", OPINION), ("trap hit", OPINION)]
    assert report.details[1]["reason"] == "trigger 'praised'"
    assert _score([_record(golds, [])], {"r1": []}, judge).details == []  # only when asked


# -- halves ----------------------------------------------------------------------------------------------------
def test_verbose_lists_each_field_a_found_event_gets_wrong(judge) -> None:
    gold = _gold(SHELLING, SHELL_TYPE, AMARU, date="2020-05-03", fatalities=4)
    report = _score([_record([gold], [])], {"r1": [_event(SHELLING, place=BELO, fatalities=2)]}, judge, verbose=True)
    [row] = report.details
    assert row["kind"] == "wrong" and [w.split(":")[0] for w in row["wrong"]] == ["place", "fatalities"]
    assert row["wrong"][1] == "fatalities: 4 -> 2"
    right = _score([_record([gold], [])], {"r1": [_event(SHELLING, fatalities=4)]}, judge, verbose=True)
    assert right.details == []  # a found event that agrees on every field is no row
    assert "WRONG r1" in render_details(report.details) and "fatalities: 4 -> 2" in render_details(report.details)


def test_halves_split_documents_by_their_number(tmp_path, judge) -> None:
    records = [_record([_gold(SHELLING, SHELL_TYPE, AMARU)], [], id=f"r{i}") for i in range(1, 6)]
    path = tmp_path / "reports_five.jsonl"
    path.write_text("\n\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")  # blank lines between
    assert [r["id"] for r in load_records(path, half="odd")] == ["r1", "r3", "r5"]
    assert [r["id"] for r in load_records(path, half="even")] == ["r2", "r4"]
    assert [r["id"] for r in load_records(path, half="odd", limit=2)] == ["r1", "r3"]
    events = {"r1": [_event(SHELLING)], "r2": [_event(SHELLING)], "r3": [_event(OPINION)]}
    odd, even = (score_reports(path, _Replay(events), actors=judge, half=h) for h in ("odd", "even"))
    assert (odd.n, odd.file, odd.metrics["recall"]) == (3, "reports_five.jsonl (odd half)", pytest.approx(1 / 3, abs=1e-4))
    assert (even.n, even.metrics["recall"]) == (2, 0.5)
    with pytest.raises(InvalidParameterError, match="odd or even"):
        load_records(path, half="first")


def test_a_file_that_is_no_report_set_says_so(tmp_path) -> None:
    path = tmp_path / "notes.jsonl"
    path.write_text(json.dumps({"id": "x", "text": "no gold here"}) + "\n", encoding="utf-8")
    with pytest.raises(MalformedInputError, match="gold_events"):
        load_records(path)


# -- finding report sets -------------------------------------------------------------------------------------
def test_report_sets_are_told_by_content_and_found_in_a_reports_folder(tmp_path) -> None:
    (tmp_path / "reports").mkdir()
    inside = tmp_path / "reports" / "anything.jsonl"
    inside.write_text(json.dumps(_record([], [])) + "\n", encoding="utf-8")
    (tmp_path / "reports" / "README.md").write_text("about the set\n", encoding="utf-8")
    (tmp_path / "archive.jsonl").write_text(json.dumps({"id": "a", "text": "t"}) + "\n", encoding="utf-8")
    assert detect_corpus(inside) == "reports"
    assert report_files(tmp_path) == [inside]
    with pytest.raises(InvalidParameterError, match="--corpus"):
        detect_corpus(tmp_path / "archive.jsonl")


def test_halves_are_for_report_sets_only(tmp_path) -> None:
    with pytest.raises(InvalidParameterError, match="real-report"):
        evaluate("case", tmp_path / "case_tiny.tsv", half="odd")


# -- actors ----------------------------------------------------------------------------------------------------
def _actors(*slots: tuple[str | None, str | None]) -> Event:
    fields: dict[str, Any] = {}
    for n, (actor_id, name) in enumerate(slots, start=1):
        fields[f"actor{n}_id"], fields[f"actor{n}"] = actor_id, name
    return _event(SHELLING, **fields)


@pytest.mark.parametrize(("gold", "predicted", "agree"), [
    ("Northern Liberation Front", ("nlf.desert", "Desert Brigade (NLF)"), True),  # one of its units
    ("Desert Brigade (NLF)", ("nlf", "NLF"), True),  # its parent
    ("Northern Liberation Front", ("zarif", "Omar Zarif"), True),  # the leader stands for his force
    ("Coastal Unity Government", ("cug.forces", "Military Forces of Libya (Coastal Unity Government)"), True),
    ("Military Forces of Libya", ("cug.forces", "Military Forces of Libya (Coastal Unity Government)"), True),
    ("Coastal Unity Government", ("gen.military.LY", "Military Forces of Libya"), False),  # too vague
    ("Police Forces of Libya", ("gen.military.LY", "Military Forces of Libya"), False),
    ("Police Forces of Libya", ("cug.forces", "Military Forces of Libya (Coastal Unity Government)"), False),
    ("Military Forces of Libya", ("cug.police", "Police Forces of Libya (Coastal Unity Government)"), False),
    ("Police Forces of Libya", ("cug.police", "Police Forces of Libya (Coastal Unity Government)"), True),
    ("Government of Kenya", ("gen.military.KE", "Military Forces of Kenya"), True),  # a government's forces
    ("Revolutionary Council", ("gen.military.LY", "Military Forces of Libya"), False),  # not the national army
    ("Northern Liberation Front (Kenya)", ("nlf", "NLF"), False),  # the KB's front is Libyan
    ("Northern Liberation Front (Kenya)", (None, "Northern Liberation Front fighters"), True),
    ("Civilians (Kenya)", ("gen.civilians.KE", "Civilians (Kenya)"), True),
    ("Civilians (Kenya)", ("gen.civilians.LY", "Civilians (Libya)"), False),  # another country's
    ("unidentified armed group (Kenya)", ("gen.unidentified.KE", "Unidentified Armed Group (Kenya)"), True),
    ("Harbour Defence Committee (Libya)", (None, "the harbour committee"), True),  # not in the KB: by its words
    ("Rapid Patrol Force", ("rpf", "Rapid Patrol Force"), True),  # one name, two periods: one actor
    ("Rapid Patrol Force", ("rpf.rebel", "Rapid Patrol Force"), True),
    ("Rapid Patrol Force", ("cug.forces", "Military Forces of Libya (Coastal Unity Government)"), False),
    ("Harbour Defence Committee (Libya)", (None, "Libyan Armed Forces"), False),  # no distinctive word shared
    ("Northern Liberation Front", (None, "Northern Liberation Front"), False),  # a KB actor is judged by id
])
def test_actor_agreement_through_the_knowledge_base(judge, gold, predicted, agree) -> None:
    assert judge.pair(gold, None, _actors(predicted)) is agree


@pytest.mark.parametrize(("gold", "actor_id"), [
    ("unidentified armed group (Kenya)", "gen.unidentified.KE"), ("Kenya", "gen.military.KE"),
    ("Military Forces of the Kenya", "gen.military.KE"), ("NLF", "nlf"), ("Southern Herders (Libya)", None),
    ("Front (Northern Liberation Front)", "nlf"), ("Harbour Defence Committee (Libya)", None)])
def test_gold_names_map_to_knowledge_base_ids(judge, gold, actor_id) -> None:
    assert judge.gold_id(gold) == actor_id


def test_a_name_of_common_words_needs_them_all(judge) -> None:
    assert judge.pair("Local militia (Kenya)", None, _actors((None, "a local militia"))) is True
    assert judge.pair("Local militia (Kenya)", None, _actors((None, "the militia"))) is False


def test_an_actor_pair_needs_both_gold_actors_each_in_its_own_predicted_actor(judge) -> None:
    assert judge.pair("Northern Liberation Front", "Civilians (Libya)", _actors(("nlf", "NLF"))) is False
    assert judge.pair("Northern Liberation Front", "Civilians (Libya)",
                      _actors(("nlf", "NLF"), ("gen.civilians.LY", "Civilians (Libya)"))) is True
    assert judge.pair("Civilians (Libya)", "Northern Liberation Front",  # either role
                      _actors(("nlf", "NLF"), ("gen.civilians.LY", "Civilians (Libya)"))) is True
    assert judge.pair("Northern Liberation Front", "Desert Brigade (NLF)", _actors(("nlf.desert", "D"))) is False
    assert judge.pair(None, None, _actors(("nlf", "NLF"))) is None


def test_actor_pairs_are_scored_over_gold_events_with_actors(judge) -> None:
    golds = [_gold(SHELLING, SHELL_TYPE, AMARU, actor1="Northern Liberation Front", actor2="Civilians (Libya)"),
             _gold(KIDNAP, KIDNAP_TYPE, BELO)]
    events = [_event(SHELLING, actor1="NLF", actor1_id="nlf", assoc_actor_2="Civilians (Libya)"),
              _event(KIDNAP, KIDNAP_TYPE, BELO)]
    assert _figures(_record(golds, []), events, judge)["actor pairs"] == 0.0  # unresolved associate: no id
    events[0].actor2, events[0].actor2_id = "Civilians (Libya)", "gen.civilians.LY"
    assert _figures(_record(golds, []), events, judge)["actor pairs"] == 1.0  # one gold event with actors


def test_actor_agreement_breaks_a_tie_between_candidates(judge) -> None:
    gold = _gold(SHELLING, SHELL_TYPE, AMARU, actor1="Northern Liberation Front")
    other, theirs = _actors(("cug.forces", "C")), _actors(("nlf", "NLF"))
    assert judge_document(_record([gold], []), _doc([other, theirs]), judge).matches == [(gold, theirs)]


# -- end to end ------------------------------------------------------------------------------------------------
@pytest.mark.slow
def test_cli_scores_a_report_set_and_its_halves(tmp_path) -> None:
    from click.testing import CliRunner

    from frontlines.cli import cli

    folder = tmp_path / "gold" / "reports"
    folder.mkdir(parents=True)
    records = [_record([_gold(SHELLING, SHELL_TYPE, AMARU)], [(OPINION, "opinion")], id=f"r{i}") for i in (1, 2)]
    (folder / "reports_tiny.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    result = CliRunner().invoke(cli, ["evaluate", str(folder / "reports_tiny.jsonl"), "--half", "even", "--verbose"])
    assert result.exit_code == 0, result.output
    assert "reports_tiny.jsonl (even half)" in result.output and "traps avoided: opinion" in result.output
    result = CliRunner().invoke(cli, ["evaluate", str(tmp_path / "gold"), "--format", "json"])
    assert result.exit_code == 0, result.output
    (report,) = json.loads(result.output)
    assert (report["corpus"], report["n"]) == ("reports", 2) and "precision" in report["metrics"]
