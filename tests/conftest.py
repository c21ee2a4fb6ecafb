"""Shared fixtures. Heavy resources (spaCy model, gazetteer) load once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SCHEMA = ROOT / "docs" / "extraction.schema.json"


@pytest.fixture(scope="session")
def pipeline():
    from frontlines.pipeline import Pipeline

    return Pipeline.default()


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def contract_validator():
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def sample_files() -> list[Path]:
    return sorted(p for p in SAMPLES.iterdir()
                  if p.suffix in {".txt", ".md", ".html", ".xml", ".jsonl"} and p.name != "README.md")
