"""Names of armed groups the actor knowledge base does not know.

A report names many small or new armed groups ("the Hamza Brigade", "Jaish al-Fath", "the Movement for the
Defence of the Homeland"). ``group_name`` says whether a capitalised name is one, from the words in
``data/group_names.yaml`` (heads such as Brigade/Front/Army/Militia, Arabic and Urdu prefixes such as
Jaish/Liwa/Harakat/Lashkar, and openers such as "Movement for ..."), and ``find_group_names`` finds such
names in running text. A state's own force ("Nigerian Army", "Border Guards", "National Army") is no
group; nor is a name the file lists as not a group ("Salvation Army").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from frontlines import fastre
from frontlines.errors import KnowledgeError
from frontlines.knowledge.yamlfile import load_yaml

__all__ = ["find_group_names", "group_name", "group_type"]

DATA = Path(__file__).parent / "data" / "group_names.yaml"
_WORD = r"(?:[A-Z][\w'’.-]*|al-[A-Z][\w'’-]*|al|el|ad|ash|as|ul|ud|e|i|wa|wal|of|the|for|and|de|du|des|la|le|of the)"


@dataclass(frozen=True)
class _Lexicon:
    heads: re.Pattern[str]
    prefixes: re.Pattern[str]
    openers: re.Pattern[str]
    not_groups: frozenset[str]
    state_words: frozenset[str]
    armed_words: frozenset[str]
    scan: re.Pattern[str]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _lexicon() -> _Lexicon:
    import yaml

    try:
        data = load_yaml(DATA.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"Cannot read {DATA}: {exc}") from exc
    heads, prefixes, openers = (_alternatives([str(w) for w in data[k]]) for k in ("heads", "prefixes", "openers"))
    cap = r"[A-Z][\w'’-]*"
    scan = fastre.compile(
        rf"(?<![\w-])(?:"
        rf"(?:{cap}[ -]){{1,5}}(?:{heads})"  # "Sultan Murad Brigade", "Zintan Self-Defence Group"
        rf"|(?:{prefixes})(?:[ -](?:al|el|ad|ash|as|ul|ud|e|i|wa|wal)?-?{cap}){{1,4}}"  # "Jaish al-Fath", "Lashkar-e-Islam"
        rf"|(?:{openers}) (?:for|of) (?:the )?{cap}(?: (?:of |and |for |the )*{cap}){{0,5}}"  # "Movement for the Liberation of X"
        rf")(?![\w-])")
    return _Lexicon(
        heads=fastre.compile(rf"(?:^|[ -])(?:{heads})$"), prefixes=fastre.compile(rf"^(?:{prefixes})[ -]"),
        openers=fastre.compile(rf"^(?:{openers}) (?:for|of) "), not_groups=frozenset(str(w) for w in data["not_groups"]),
        state_words=frozenset(str(w) for w in data["state_words"]),
        armed_words=frozenset(str(w) for w in data["armed_words"]), scan=scan)


def group_name(text: str) -> str | None:
    """The group's name (without an article or possessive) when ``text`` names an armed group, else None."""
    lex = _lexicon()
    name = fastre.sub(r"^(?:the|The|a|A|an|An)\s+", "", text.strip()).removesuffix("'s").removesuffix("’s").strip(" ,.;:")
    words = name.split()
    if len(fastre.split(r"[ -]", name)) < 2 or name in lex.not_groups or _STATE_UNIT & set(words) or not name[:1].isupper() or len(name) > 80:
        return None
    if lex.prefixes.search(name):
        return name
    if lex.openers.search(name):
        return name if lex.armed_words & set(fastre.split(r"[ -]", name)) else None
    if not lex.heads.search(name) or words[0] in lex.state_words or _demonym(words[0]):
        return None
    if not all(w[:1].isupper() or w.lower() in _SMALL for w in words):
        return None
    return name


_STATE_UNIT = frozenset({"Police", "Gendarmerie", "Navy", "Marines", "Customs", "Prison", "Ministry", "University",
                         "Infantry", "Motorized", "Motorised", "Mechanized", "Mechanised", "Armoured", "Armored",
                         "Airborne", "Artillery", "Engineering", "Engineers", "Commando", "Paratroopers", "Signals"})
_SMALL = frozenset("al el ad ash as ul ud e i wa wal of the for and de du des la le".split())


def _demonym(word: str) -> bool:
    """'Syrian', 'Nigerian', 'Kenya': a state's name or adjective opening a force's name."""
    from frontlines.knowledge.actors import get_actor_kb

    kb = get_actor_kb()
    return bool(kb.country_for_demonym(word) or kb.country_code(word))


def group_type(name: str) -> str:
    """ACLED's actor type for a group known only by its name: a militia when it calls itself one."""
    if fastre.search(r"\b(?:Militias?|Self-Defen[cs]e|Vigilantes?|Guards?)\b", name):
        return "political_militia"
    return "rebel_group"


def find_group_names(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, name) of every armed-group name in ``text`` (see ``group_name``)."""
    for m in _lexicon().scan.finditer(text):
        name = group_name(m.group())
        if name is not None:
            at = m.start() + m.group().find(name)
            yield at, at + len(name), name
