"""The architecture stays visible: imports flow one way, public APIs are declared, settings documented."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import frontlines

PACKAGE = Path(frontlines.__file__).parent
# layer -> layers it may import (besides itself); `cli`, `web`, `batch` sit on top
ALLOWED = {
    "model": set(),
    "errors": set(),
    "settings": {"errors"},
    "export": {"model"},
    "knowledge": {"model", "errors", "settings"},
    "pipeline": {"model", "errors", "settings", "knowledge"},
    "fusion": {"model", "errors", "settings", "knowledge"},
    "store": {"model", "errors", "settings"},
    "analysis": {"model", "errors", "settings", "knowledge", "store"},
    "evaluate": {"model", "errors", "settings", "knowledge", "pipeline", "analysis"},
    "web": {"model", "errors", "settings", "knowledge", "store", "export", "fusion", "analysis"},
    "batch": {"model", "errors", "settings", "knowledge", "pipeline", "store"},
    "cli": {"model", "errors", "settings", "knowledge", "pipeline", "store", "export", "web",
            "batch", "evaluate", "fusion", "analysis"},
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
