"""The word lists of relations between actors, loaded from ``data/relations.yaml`` and checked on load: every
kind's patterns, the passive patterns and the modality words must be there and compile."""

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

__all__ = ["RELATION_KINDS", "ControlWords", "RelationWords", "get_control_words", "get_relation_words"]

DATA = Path(__file__).parent / "data" / "relations.yaml"
CONTROL_DATA = Path(__file__).parent / "data" / "control.yaml"
RELATION_KINDS = ("support", "arms", "alliance", "request", "recognition", "mediation", "agreement", "sanctions",
                  "basing")
MODALITY_WORDS = ("negated", "claimed", "future", "hypothetical")  # the order in which they decide


@dataclass(frozen=True)
class RelationWords:
    kinds: Mapping[str, re.Pattern[str]]
    passive: re.Pattern[str]
    modality: Mapping[str, re.Pattern[str]]

    @classmethod
    def from_data(cls, data: Any, source: Path | str = "<data>") -> RelationWords:
        if not isinstance(data, dict) or not isinstance(data.get("kinds"), dict) or not isinstance(data.get("modality"), dict):
            raise KnowledgeError(f"{source} is not a relation word list: it needs 'kinds', 'passive' and 'modality'")
        if set(data["kinds"]) != set(RELATION_KINDS) or set(data["modality"]) != set(MODALITY_WORDS):
            raise KnowledgeError(f"{source}: 'kinds' must name exactly {list(RELATION_KINDS)} and 'modality' exactly "
                                 f"{list(MODALITY_WORDS)}")
        return cls(kinds={k: _words(data["kinds"][k], source, k) for k in RELATION_KINDS},
                   passive=_words(data.get("passive"), source, "passive"),
                   modality={k: _words(data["modality"][k], source, k) for k in MODALITY_WORDS})

    @classmethod
    def load(cls, path: Path = DATA) -> RelationWords:
        import yaml

        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeError(f"Cannot read the relation word list {path}: {exc}") from exc
        return cls.from_data(data, path)


def _words(items: Any, source: Path | str, name: str) -> re.Pattern[str]:
    if not isinstance(items, list) or not items or not all(isinstance(w, str) and w for w in items):
        raise KnowledgeError(f"{source}: {name!r} must be a non-empty list of patterns (quote yes/no/on/off)")
    body = "|".join(f"(?:{p})" for p in sorted(items, key=len, reverse=True))
    try:
        return fastre.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    except re.error as exc:
        raise KnowledgeError(f"{source}: a pattern of {name!r} does not compile ({exc}); fix it") from exc


@lru_cache(maxsize=1)
def get_relation_words() -> RelationWords:
    return RelationWords.load()


@dataclass(frozen=True)
class ControlWords:
    """The words of a capture and of a withdrawal (``data/control.yaml``)."""

    capture: re.Pattern[str]
    leaving: re.Pattern[str]

    @classmethod
    def from_data(cls, data: Any, source: Path | str = "<data>") -> ControlWords:
        if not isinstance(data, dict):
            raise KnowledgeError(f"{source} is not a control word list: it needs 'capture' and 'leaving' lists")
        return cls(capture=_words(data.get("capture"), source, "capture"), leaving=_words(data.get("leaving"), source, "leaving"))


@lru_cache(maxsize=1)
def get_control_words() -> ControlWords:
    import yaml

    try:
        data = load_yaml(CONTROL_DATA.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"Cannot read the control word list {CONTROL_DATA}: {exc}") from exc
    return ControlWords.from_data(data, CONTROL_DATA)
