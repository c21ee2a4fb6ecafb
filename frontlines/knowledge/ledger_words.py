"""The word lists of the claims and predictions ledger, loaded from ``data/ledger.yaml`` and checked on load:
every kind, probability, horizon and outcome the ledger reads must be there and compile."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontlines import fastre
from frontlines.errors import KnowledgeError
from frontlines.knowledge.yamlfile import load_yaml

__all__ = ["KINDS", "LedgerWords", "Outcome", "get_ledger_words"]

DATA = Path(__file__).parent / "data" / "ledger.yaml"
KINDS = ("denial", "threat", "intention", "prediction", "claim")  # the order in which cues decide


@dataclass(frozen=True)
class Outcome:
    kind: str
    words: re.Pattern[str]
    settled_by: frozenset[str]


@dataclass(frozen=True)
class LedgerWords:
    kinds: Mapping[str, re.Pattern[str]]
    attribution_only: re.Pattern[str]
    reporting_only: re.Pattern[str]
    observers: re.Pattern[str]
    boilerplate: re.Pattern[str]
    weak_future: re.Pattern[str]
    likelihood: tuple[tuple[re.Pattern[str], float], ...]  # most specific (longest pattern) first
    horizons: tuple[tuple[re.Pattern[str], int], ...]
    outcomes: tuple[Outcome, ...]

    @classmethod
    def from_data(cls, data: Any, source: Path | str = "<data>") -> LedgerWords:
        if not isinstance(data, dict):
            raise KnowledgeError(f"{source} is not a ledger word list: it needs a mapping at the top")
        missing = [k for k in ("kinds", "attribution_only", "reporting_only", "observers", "boilerplate", "weak_future", "likelihood", "horizons", "outcomes")
                   if k not in data]
        if missing:
            raise KnowledgeError(f"{source}: missing {missing}; restore the file from the repository")
        kinds = data["kinds"]
        if not isinstance(kinds, dict) or set(kinds) != set(KINDS):
            raise KnowledgeError(f"{source}: 'kinds' must name exactly {list(KINDS)}")
        return cls(
            kinds={k: _words(kinds[k], source, f"kinds.{k}") for k in KINDS},
            attribution_only=_words(data["attribution_only"], source, "attribution_only"),
            reporting_only=_words(data["reporting_only"], source, "reporting_only"),
            observers=_words(data["observers"], source, "observers"),
            boilerplate=_words(data["boilerplate"], source, "boilerplate"),
            weak_future=_words(data["weak_future"], source, "weak_future"),
            likelihood=_scaled(data["likelihood"], source, "likelihood", float, 0.0, 1.0),
            horizons=_scaled(data["horizons"], source, "horizons", int, 1, 36_600),
            outcomes=tuple(_outcome(name, item, source) for name, item in _mapping(data["outcomes"], source, "outcomes")),
        )

    @classmethod
    def load(cls, path: Path = DATA) -> LedgerWords:
        import yaml

        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeError(f"Cannot read the ledger word list {path}: {exc}") from exc
        return cls.from_data(data, path)


def _mapping(value: Any, source: Path | str, name: str) -> list[tuple[str, Any]]:
    if not isinstance(value, dict) or not value:
        raise KnowledgeError(f"{source}: {name!r} must be a non-empty mapping")
    return list(value.items())


def _compile(pattern: str, source: Path | str, name: str) -> re.Pattern[str]:
    try:
        return fastre.compile(rf"(?<![\w-])(?:{pattern})(?![\w-])", re.IGNORECASE)
    except re.error as exc:
        raise KnowledgeError(f"{source}: pattern {pattern!r} in {name} does not compile ({exc}); fix it") from exc


def _words(items: Any, source: Path | str, name: str) -> re.Pattern[str]:
    if not isinstance(items, list) or not items or not all(isinstance(w, str) and w for w in items):
        raise KnowledgeError(f"{source}: {name!r} must be a non-empty list of patterns (quote yes/no/on/off)")
    for item in items:
        _compile(item, source, name)
    return _compile("|".join(f"(?:{p})" for p in sorted(items, key=len, reverse=True)), source, name)


def _scaled(value: Any, source: Path | str, name: str, kind: type, low: float, high: float) -> tuple[Any, ...]:
    out = []
    for pattern, number in _mapping(value, source, name):
        if not isinstance(number, (int, float)) or isinstance(number, bool) or not low <= number <= high:
            raise KnowledgeError(f"{source}: {name}[{pattern!r}] must be a number from {low} to {high}")
        out.append((_compile(str(pattern), source, name), kind(number), len(str(pattern))))
    out.sort(key=lambda item: -item[2])
    return tuple((regex, number) for regex, number, _ in out)


def _outcome(name: str, item: Any, source: Path | str) -> Outcome:
    if not isinstance(item, dict) or not isinstance(item.get("settled_by"), list) or not item["settled_by"]:
        raise KnowledgeError(f"{source}: outcome {name!r} needs 'words' and a non-empty 'settled_by' list")
    return Outcome(name, _words(item.get("words"), source, f"outcomes.{name}"), frozenset(item["settled_by"]))


@lru_cache(maxsize=1)
def get_ledger_words() -> LedgerWords:
    return LedgerWords.load()
