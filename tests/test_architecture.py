"""The architecture stays visible: imports flow one way, public APIs are declared, settings documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import frontlines

PACKAGE = Path(frontlines.__file__).parent
# layer -> layers it may import (besides itself); `cli`, `web`, `batch`, `feeds` sit on top
ALLOWED = {
    "model": set(),
    "fastre": set(),
    "errors": set(),
    "settings": {"errors"},
    "export": {"model"},
    "knowledge": {"fastre", "model", "errors", "settings"},
    "pipeline": {"fastre", "model", "errors", "settings", "knowledge"},
    "fusion": {"model", "errors", "settings", "knowledge"},
    "store": {"model", "errors", "settings"},
    "analysis": {"model", "errors", "settings", "knowledge", "store", "fusion"},
    "evaluate": {"model", "errors", "settings", "knowledge", "pipeline", "analysis", "fusion"},
    "web": {"model", "errors", "settings", "knowledge", "store", "export", "fusion", "analysis"},
    "batch": {"model", "errors", "settings", "knowledge", "pipeline", "store"},
    "feeds": {"model", "errors", "settings", "knowledge", "pipeline", "store", "analysis"},  # frontlines watch
    "cli": {"model", "errors", "settings", "knowledge", "pipeline", "store", "export", "web",
            "batch", "evaluate", "fusion", "feeds", "analysis"},
}


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0].removesuffix(".py") if rel.parts[0] != "__init__.py" else "__init__"


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("frontlines."):
            found.add(node.module.split(".")[1])
        elif isinstance(node, ast.ImportFrom) and node.module == "frontlines":
            found.update(alias.name for alias in node.names if alias.name in ALLOWED)
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("frontlines."):
                    found.add(alias.name.split(".")[1])
    return found


def _modules() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if _layer(p) in ALLOWED)


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_flow_one_way(path: Path) -> None:
    layer = _layer(path)
    illegal = {m for m in _imports(path) if m != layer and m in ALLOWED and m not in ALLOWED[layer]}
    assert not illegal, f"{path.relative_to(PACKAGE)} ({layer}) must not import {sorted(illegal)}"


def test_pipeline_never_imports_store() -> None:
    for path in (PACKAGE / "pipeline").rglob("*.py"):
        assert "store" not in _imports(path), path


# -- inside pipeline/: one sub-package per step, in run order, and the shared machinery beside them ---------------
PIPELINE = PACKAGE / "pipeline"
STEPS = ("reading", "statements", "mentions", "resolution", "frames", "events")  # in run order
MACHINERY = {"__init__.py", "base.py", "versions.py", "nlp.py"}  # the Pipeline, stage contracts, versions, spaCy


def _dotted_imports(path: Path) -> set[str]:
    """Every ``frontlines.*`` module a file imports, spelled out ("from frontlines.pipeline import nlp" gives
    frontlines.pipeline.nlp; imports inside functions count)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("frontlines"):
            found.add(node.module)
            found.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("frontlines"))
    return found


def _step_of(module: str) -> str | None:
    parts = module.split(".")
    return parts[2] if len(parts) > 2 and parts[:2] == ["frontlines", "pipeline"] and parts[2] in STEPS else None


def _step_modules() -> list[Path]:
    return sorted(p for step in STEPS for p in (PIPELINE / step).glob("*.py"))


@pytest.mark.parametrize("path", _step_modules(), ids=lambda p: str(p.relative_to(PIPELINE)))
def test_a_pipeline_step_imports_no_later_step(path: Path) -> None:
    """A module of step k imports only steps 1..k and the machinery (never the Pipeline, which holds them all):
    the mention step cannot reach forward into place resolution, nor places into the event step."""
    step = path.parent.name
    imports = _dotted_imports(path)
    later = sorted(m for m in imports if (s := _step_of(m)) is not None and STEPS.index(s) > STEPS.index(step))
    assert not later, f"pipeline/{step}/{path.name} (step {STEPS.index(step) + 1}, {step}) imports a later step: {later}"
    whole = {"frontlines.pipeline.Pipeline", "frontlines.pipeline.extract_text"} & imports
    assert not whole, f"pipeline/{step}/{path.name} imports the whole pipeline ({sorted(whole)})"


@pytest.mark.parametrize("name", sorted(MACHINERY - {"__init__.py"}))
def test_the_pipeline_machinery_imports_no_step(name: str) -> None:
    steps = sorted(m for m in _dotted_imports(PIPELINE / name) if _step_of(m))
    assert not steps, f"pipeline/{name} is shared machinery and must not import a step: {steps}"


def test_pipeline_top_level_holds_only_the_machinery_and_the_steps() -> None:
    """A new module goes into the step it belongs to (pipeline/<step>/), not loose beside the machinery; a new
    step is a sub-package named in STEPS at its place in the run order."""
    flat = sorted(p.name for p in PIPELINE.glob("*.py") if p.name not in MACHINERY)
    assert not flat, f"modules at pipeline/'s top level outside the machinery {sorted(MACHINERY)}: {flat}; " \
                     f"move each into its step's sub-package ({', '.join(STEPS)})"
    folders = sorted(p.name for p in PIPELINE.iterdir() if p.is_dir() and p.name != "__pycache__")
    assert folders == sorted(STEPS), f"pipeline/ sub-packages {folders} differ from the steps {list(STEPS)}"
    for step in STEPS:
        assert (PIPELINE / step / "__init__.py").is_file(), f"pipeline/{step}/ has no __init__.py"
        assert not [p for p in (PIPELINE / step).iterdir() if p.is_dir() and p.name != "__pycache__"], \
            f"pipeline/{step}/ nests a folder: keep one level of steps"


def test_the_default_pipeline_runs_its_steps_in_order(pipeline) -> None:  # noqa: ANN001
    steps = [_step_of(type(st).__module__) for st in pipeline.stages]
    assert None not in steps, steps
    order = [STEPS.index(s) for s in steps if s is not None]
    assert order == sorted(order), f"stages run out of step order: {steps}"


# -- knowledge is passed into the stages: no process-wide loader is called inside pipeline/ ----------------------
def _knowledge_getters() -> set[str]:
    """The knowledge package's process-wide loaders (``get_actor_kb``, ``get_gazetteer``, ...)."""
    return {node.name for path in (PACKAGE / "knowledge").glob("*.py")
            for node in ast.parse(path.read_text(encoding="utf-8")).body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("get_")}


@pytest.mark.parametrize("path", sorted(PIPELINE.rglob("*.py")), ids=lambda p: str(p.relative_to(PIPELINE)))
def test_pipeline_modules_are_given_their_knowledge(path: Path) -> None:
    """Stages take the actor base, gazetteer, ontology and word lists in their constructors (the Pipeline passes
    ``Knowledge.load()`` or the knowledge it is given); no module of pipeline/ imports or calls a loader."""
    getters = _knowledge_getters()
    used = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            used.update(alias.name for alias in node.names if alias.name in getters)
        elif isinstance(node, ast.Name) and node.id in getters or isinstance(node, ast.Attribute) and node.attr in getters:
            used.add(node.id if isinstance(node, ast.Name) else node.attr)
    assert not used, f"pipeline/{path.relative_to(PIPELINE)} reaches for {sorted(used)}: take it as a constructor " \
                     "argument of the stage (and from there as a parameter) instead"


def test_the_knowledge_getters_are_found() -> None:
    assert {"get_actor_kb", "get_gazetteer", "get_ontology", "get_eventhood_lexicon"} <= _knowledge_getters()

@pytest.mark.parametrize("module", ["frontlines.model", "frontlines.errors", "frontlines.export",
                                    "frontlines.store.base", "frontlines.pipeline"])
def test_public_api_is_declared(module: str) -> None:
    import importlib

    mod = importlib.import_module(module)
    assert mod.__all__, module
    for name in mod.__all__:
        assert hasattr(mod, name), f"{module}.__all__ lists missing {name}"


def test_every_setting_is_documented() -> None:
    from frontlines.settings import SETTINGS

    doc = (PACKAGE.parent / "docs" / "configuration.md").read_text(encoding="utf-8")
    for setting in SETTINGS.values():
        assert f"`{setting.env}`" in doc, f"{setting.env} is not documented in docs/configuration.md"


def test_no_bare_except() -> None:
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ExceptHandler):
                assert node.type is not None, f"bare except in {path}:{node.lineno}"
