"""The curated YAML files read the same through libyaml as through PyYAML's pure-Python safe loader."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import frontlines
from frontlines.knowledge.yamlfile import LOADER, load_yaml

SHIPPED = sorted(Path(frontlines.__file__).parent.rglob("*.yaml"))


def test_the_package_ships_yaml_files() -> None:
    assert len(SHIPPED) >= 10


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_every_shipped_file_reads_as_the_pure_safe_loader_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader)  # noqa: S506


def test_libyaml_is_used_where_pyyaml_was_built_with_it() -> None:
    assert LOADER is getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def test_values_and_errors_are_the_safe_loaders() -> None:
    assert load_yaml("a: [1, 2.5, yes, null, '2020-01-02', 2020-01-02]") == yaml.safe_load(
        "a: [1, 2.5, yes, null, '2020-01-02', 2020-01-02]")
    with pytest.raises(yaml.YAMLError):
        load_yaml("a: [1, 2")
    with pytest.raises(yaml.YAMLError):
        load_yaml("!!python/object/apply:os.system ['true']")  # no arbitrary objects
