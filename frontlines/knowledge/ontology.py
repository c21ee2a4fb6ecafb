"""The event ontology: ACLED's current taxonomy, trigger patterns and cue lexicons, loaded from
``data/events.yaml`` once per process and compiled to regular expressions."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontlines.errors import KnowledgeError

__all__ = ["Ontology", "Trigger", "TriggerHit", "get_ontology"]

DATA = Path(__file__).parent / "data" / "events.yaml"


def _words(patterns: list[str]) -> re.Pattern[str]:
    body = "|".join(f"(?:{p})" for p in sorted(patterns, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Trigger:
    sub_event_type: str
    event_type: str
    family: str | None
    priority: int
    cameo: str | None
    plover: str | None
    regex: re.Pattern[str]


@dataclass(frozen=True)
class TriggerHit:
    trigger: Trigger
    start: int
    end: int
    text: str


class Ontology:
    def __init__(self, data: dict[str, Any], source: Path) -> None:
        try:
            self.version = int(data["version"])
            self.taxonomy: dict[str, list[str]] = data["taxonomy"]
            self._sub_to_type = {
                sub: etype for etype, subs in self.taxonomy.items() for sub in subs
            }
            self.triggers = [self._trigger(item) for item in data["triggers"]]
            self.civilian_nouns = _words(data["civilian_nouns"])
            self.combatant_nouns = _words(data["combatant_nouns"])
            self.military_targets = _words(data.get("military_targets") or ["(?!)"])
            self.civilian_targets = _words(data.get("civilian_targets") or ["(?!)"])
            self.cues = {name: _words(pats) for name, pats in data["cues"].items()}
            self.reporting = _words(data["reporting_verbs"])
            self.stance = {name: _words(pats) for name, pats in data["stance"].items()}
        except (KeyError, TypeError, ValueError, re.error) as exc:
            raise KnowledgeError(
                f"{source} is not a valid event ontology ({exc!r}); fix the entry or restore the file."
            ) from exc
        self.triggers.sort(key=lambda t: -t.priority)

    def _trigger(self, item: dict[str, Any]) -> Trigger:
        sub = item["sub_event_type"]
        if sub not in self._sub_to_type:
            raise ValueError(f"unknown sub_event_type {sub!r} in triggers")
        return Trigger(
            sub_event_type=sub,
            event_type=self._sub_to_type[sub],
            family=item.get("family"),
            priority=int(item["priority"]),
            cameo=item.get("cameo"),
            plover=item.get("plover"),
            regex=_words(item["patterns"]),
        )

    @classmethod
    def load(cls, path: Path = DATA) -> Ontology:
        import yaml

        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise KnowledgeError(f"Cannot read the event ontology {path}: {exc}") from exc
        return cls(data, path)

    def event_type_of(self, sub_event_type: str) -> str:
        return self._sub_to_type[sub_event_type]

    def trigger_for(self, sub_event_type: str) -> Trigger | None:
        return next((t for t in self.triggers if t.sub_event_type == sub_event_type), None)

    def find_triggers(self, text: str) -> list[TriggerHit]:
        """Non-overlapping trigger hits in ``text``; higher-priority triggers win overlaps."""
        hits: list[TriggerHit] = []
        taken: list[tuple[int, int]] = []
        for trigger in self.triggers:
            for m in trigger.regex.finditer(text):
                if any(m.start() < e and s < m.end() for s, e in taken):
                    continue
                taken.append((m.start(), m.end()))
                hits.append(TriggerHit(trigger, m.start(), m.end(), m.group()))
        hits.sort(key=lambda h: h.start)
        return hits


@lru_cache(maxsize=1)
def get_ontology() -> Ontology:
    return Ontology.load()
