"""Issue 10, deliverable 6: stage contracts are checked when a pipeline is built, and each stage's version
is a hash of its code and data, so that ``name@version`` changes when a rule or a word list does."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from frontlines.errors import ConfigurationError
from frontlines.pipeline import Pipeline
from frontlines.pipeline.base import INGEST_FIELDS, check_contracts, fields
from frontlines.pipeline.events.events import EventStage
from frontlines.pipeline.mentions.dates import DateStage
from frontlines.pipeline.mentions.mentions import MentionStage
from frontlines.pipeline.resolution.actors import ActorStage
from frontlines.pipeline.resolution.places import PlaceStage
from frontlines.pipeline.statements.statements import StatementStage
from frontlines.pipeline.versions import PACKAGE, content_version, hash_sources, stage_files

STAGES = [StatementStage, DateStage, MentionStage, PlaceStage, ActorStage, EventStage]
PROVENANCE = re.compile(r"^[a-z0-9_.]+@[0-9A-Za-z.]+$")  # docs/extraction.schema.json, stage labels


def _bare(cls: type) -> object:
    """A stage without its knowledge loaded: the contract is declared on the class."""
    return cls.__new__(cls)


# -- contracts --------------------------------------------------------------------------------------
def test_the_default_pipeline_builds(pipeline) -> None:
    assert [type(s) for s in pipeline.stages] == STAGES
    check_contracts(pipeline.stages)
    assert Pipeline(pipeline.stages).versions == pipeline.versions


def test_a_stage_before_what_it_requires_is_refused_naming_stage_and_field() -> None:
    order = [StatementStage, DateStage, MentionStage, ActorStage, PlaceStage, EventStage]  # actors before places
    with pytest.raises(ConfigurationError, match=r"frontlines\.actors .*requires mention\.place.*run frontlines\.places"):
        Pipeline([_bare(cls) for cls in order])


def test_events_alone_miss_the_statements() -> None:
    with pytest.raises(ConfigurationError, match=r"frontlines\.events \(number 1 of 1\) requires document\.statements"):
        Pipeline([_bare(EventStage)])


def test_a_stage_that_declares_nothing_is_refused() -> None:
    class Undeclared:
        name, version = "test.undeclared", "1"

        def __call__(self, doc):  # noqa: ANN001, ANN204
            return doc

    with pytest.raises(ConfigurationError, match="test.undeclared declares no requires"):
        Pipeline([Undeclared()])  # type: ignore[list-item]


def test_every_declared_field_is_required_or_assigned_somewhere() -> None:
    """No stage declares a field nothing provides: each requirement comes from ingest or an earlier stage,
    and the mention kinds the later stages read are the ones the mention and date stages assign."""
    assigned = {f for cls in STAGES for f in fields(cls.assigns)}
    required = {f for cls in STAGES for f in fields(cls.requires)}
    assert required <= assigned | set(INGEST_FIELDS)
    assert {"document.events", "document.non_events"} <= set(fields(EventStage.assigns))
    assert fields(["document.mentions[actor, place]"]) == ["document.mentions[actor]", "document.mentions[place]"]


# -- versions from content --------------------------------------------------------------------------
@pytest.mark.parametrize("cls", STAGES, ids=lambda c: c.__name__)
def test_versions_are_content_hashes_stable_within_a_process(cls: type) -> None:
    module = cls.__module__
    assert cls.version == content_version(module) == content_version(module)
    assert cls.version != "1" and PROVENANCE.match(f"{cls.name}@{cls.version}")


def test_a_stage_hashes_its_module_helpers_and_data() -> None:
    files = {p.relative_to(PACKAGE).as_posix() for p in stage_files("frontlines.pipeline.events.events", PACKAGE)}
    assert {"pipeline/events/events.py", "pipeline/frames/frames.py", "knowledge/ontology.py", "knowledge/data/events.yaml"} <= files
    assert not {"pipeline/base.py", "pipeline/versions.py", "pipeline/__init__.py"} & files  # machinery, not rules
    assert {p.relative_to(PACKAGE).as_posix() for p in stage_files("frontlines.pipeline.mentions.dates", PACKAGE)} \
        == {"pipeline/mentions/dates.py", "pipeline/mentions/spans.py", "fastre.py"}  # its code only: no word list


def test_a_stage_hashes_the_helpers_of_every_step_it_imports_by_their_sub_package_paths() -> None:
    """Modules sit in step sub-packages (pipeline/<step>/<module>.py): the hash follows imports into each of
    them, and leaves out the sub-packages' ``__init__`` files, which hold no rules."""
    events = {p.relative_to(PACKAGE).as_posix() for p in stage_files("frontlines.pipeline.events.events", PACKAGE)}
    assert {"pipeline/events/eventhood.py", "pipeline/events/retold.py", "pipeline/statements/sentences.py",
            "pipeline/statements/modality.py", "pipeline/mentions/numbers.py", "pipeline/nlp.py"} <= events
    assert not {f for f in events if f.endswith("__init__.py")}
    places = {p.relative_to(PACKAGE).as_posix() for p in stage_files("frontlines.pipeline.resolution.places", PACKAGE)}
    assert {"pipeline/resolution/places.py", "pipeline/mentions/focus.py"} <= places
    assert not {f for f in places if f.startswith("pipeline/events/")}  # nothing of a later step


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the pipeline and knowledge folders to change (the real files are never touched)."""
    copy = tmp_path / "frontlines"
    for sub in ("pipeline", "knowledge"):
        shutil.copytree(PACKAGE / sub, copy / sub, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(PACKAGE / "fastre.py", copy / "fastre.py")
    return copy


def _versions(package: Path) -> dict[str, str]:
    return {cls.name: hash_sources(cls.__module__, package) for cls in STAGES}


def test_changing_a_word_list_changes_the_versions_of_the_stages_that_read_it(package_copy: Path) -> None:
    before = _versions(package_copy)
    assert before == _versions(PACKAGE)
    data = package_copy / "knowledge" / "data" / "events.yaml"
    data.write_bytes(data.read_bytes() + b"\n# one more line\n")
    after = _versions(package_copy)
    assert after["frontlines.events"] != before["frontlines.events"]
    assert after["frontlines.statements"] != before["frontlines.statements"]  # stance reads the ontology
    assert after["frontlines.dates"] == before["frontlines.dates"]  # reads no word list


def test_changing_how_patterns_are_compiled_changes_every_stage_s_version(package_copy: Path) -> None:
    """``fastre`` decides where the rules' patterns are tried: a change there can change what any rule finds."""
    before = _versions(package_copy)
    shared = package_copy / "fastre.py"
    shared.write_bytes(shared.read_bytes() + b"\n_MAX_CHARACTERS_TOO = 61\n")
    after = _versions(package_copy)
    assert all(after[name] != before[name] for name in before)


def test_changing_a_rule_in_a_helper_changes_the_version_of_its_stage(package_copy: Path) -> None:
    before = _versions(package_copy)
    helper = package_copy / "pipeline" / "frames" / "frames.py"
    helper.write_bytes(helper.read_bytes() + b"\n_ONE_MORE_MODAL = 'shalt'\n")
    after = _versions(package_copy)
    assert after["frontlines.events"] != before["frontlines.events"]
    assert after["frontlines.places"] == before["frontlines.places"]
