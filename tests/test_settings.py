"""Settings read from the environment: a whole-number setting that is not one is a clear error, not a traceback."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from frontlines import settings
from frontlines.cli import cli
from frontlines.errors import ConfigurationError


def test_a_whole_number_setting_is_read_and_a_bad_one_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FRONTLINES_WORKERS", "3")
    assert settings.get_int("workers") == 3
    monkeypatch.setenv("FRONTLINES_WORKERS", "three")
    with pytest.raises(ConfigurationError, match="FRONTLINES_WORKERS is 'three'.*whole number"):
        settings.get_int("workers")


def test_serve_with_a_bad_port_setting_says_which_variable(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    monkeypatch.setenv("FRONTLINES_PORT", "eighty")
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "s.sqlite"), "serve"])
    assert result.exit_code != 0
    assert "FRONTLINES_PORT is 'eighty'" in result.output and "Traceback" not in result.output
