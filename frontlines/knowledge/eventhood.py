"""The word lists and patterns that event frames and the eventhood rules read, loaded from
``data/eventhood.yaml`` and checked: every list and pattern the rules name must be there, and nothing else."""

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

__all__ = ["EventhoodLexicon", "get_eventhood_lexicon"]

DATA = Path(__file__).parent / "data" / "eventhood.yaml"

WORD_LISTS = frozenset({
    "modals", "quantifiers", "report_nouns", "modifying_preps", "backing", "thought", "near_miss", "happened_governors",
    "planning", "deployment", "cessation", "fighting", "continuative", "reference_verbs", "truces", "making", "starting",
    "protest_purposes", "meaning", "possible", "holding", "agreed_deeds", "framing_nouns", "dating_verbs", "measure_nouns", "undertaking", "receiving", "toll_nouns", "holding_verbs",
    "campaign_nouns", "consequence_verbs", "place_nouns", "taking", "marking", "detaining", "finding", "dying",
    "wounded", "backdrop_preps", "outbreak", "unrest_nouns", "seeking"})
PATTERNS = frozenset({"ordinal", "span", "habit", "running_total", "accident", "harm", "people", "munitions", "weapons", "harmed",
                      "day_or_month", "custody", "recent", "countrywide", "unnamed_towns", "year_span", "tip_off", "daily_toll"})


@dataclass(frozen=True)
class EventhoodLexicon:
    words: Mapping[str, frozenset[str]]
    patterns: Mapping[str, re.Pattern[str]]
    numbers: Mapping[str, int]
    episode: int  # at most this many incidents told together are one episode

    @classmethod
    def from_data(cls, data: Any, source: Path | str = "<data>") -> EventhoodLexicon:
        if not isinstance(data, dict) or not isinstance(data.get("words"), dict) or not isinstance(data.get("patterns"), dict):
            raise KnowledgeError(f"{source} is not an eventhood lexicon: it needs 'words' and 'patterns' mappings")
        for kind, have, want in (("word list", set(data["words"]), WORD_LISTS), ("pattern", set(data["patterns"]), PATTERNS)):
            if have != want:
                missing, extra = sorted(want - have), sorted(have - want)
                raise KnowledgeError(f"{source}: {kind}s missing {missing}, unknown {extra}; the rules read exactly "
                                     f"{sorted(want)}")
        words = {}
        for name, items in data["words"].items():
            if not isinstance(items, list) or not all(isinstance(w, str) and w for w in items):
                raise KnowledgeError(f"{source}: word list {name!r} must be a list of words (quote yes/no/on/off)")
            words[name] = frozenset(w.lower() for w in items)
        patterns = {}
        for name, pattern in data["patterns"].items():
            try:
                patterns[name] = fastre.compile(pattern, re.IGNORECASE)
            except (re.error, TypeError) as exc:
                raise KnowledgeError(f"{source}: pattern {name!r} does not compile ({exc}); fix it") from exc
        numbers = data.get("numbers") or {}
        if not all(isinstance(k, str) and isinstance(v, int) for k, v in numbers.items()):
            raise KnowledgeError(f"{source}: 'numbers' maps number words to integers")
        episode = data.get("episode", 5)
        if not isinstance(episode, int) or episode < 1:
            raise KnowledgeError(f"{source}: 'episode' is a positive integer")
        return cls(words, patterns, dict(numbers), episode)

    @classmethod
    def load(cls, path: Path = DATA) -> EventhoodLexicon:
        import yaml

        try:
            data = load_yaml(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeError(f"Cannot read the eventhood lexicon {path}: {exc}") from exc
        return cls.from_data(data, path)


@lru_cache(maxsize=1)
def get_eventhood_lexicon() -> EventhoodLexicon:
    return EventhoodLexicon.load()
