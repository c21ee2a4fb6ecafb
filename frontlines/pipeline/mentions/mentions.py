"""Mention detection: actors, places and quantities (dates come from ``dates.py``).

Cheap first, statistical second:
1. a phrase-matcher scan for every actor name/alias in the knowledge base (case-sensitive for
   acronyms such as "IS", case-insensitive otherwise), plus generic actor phrases ("Egyptian jets",
   "security forces", "gunmen") and the knowledge base's descriptions ("the UN-backed government");
2. spaCy NER (the recogniser only) on candidate sentences - those where it can change the outcome: a
   name the gazetteer or the actor KB knows that no dictionary match or locative context explains;
3. capitalised n-grams are checked against the gazetteer; a name is a place when NER says GPE/LOC/FAC,
   or when it follows a locative preposition, or is a curated/country/region name. Dictionary actor
   matches win over NER (spaCy tags "Tobruq" PERSON; the gazetteer knows better).
Places are left unresolved here (``places.py`` resolves them in document context); the place-detection
helpers live in ``place_mentions.py``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from frontlines import fastre
from frontlines.knowledge.actors import ActorKB
from frontlines.knowledge.gazetteer import Gazetteer, normalise
from frontlines.knowledge.groups import find_group_names
from frontlines.knowledge.ontology import Ontology
from frontlines.model import Document, Mention
from frontlines.pipeline import nlp as nlp_loader
from frontlines.pipeline.base import content_version
from frontlines.pipeline.mentions.focus import country_focus
from frontlines.pipeline.mentions.numbers import find_quantities, parse_quantity
from frontlines.pipeline.mentions.spans import Spans
from frontlines.pipeline.mentions.place_mentions import (
    _CAPITALISED,
    _DESIGNATOR_WORDS,
    _FACILITY,
    _INSTITUTION,
    _LOCATIVE,
    _STOP_CAPS,
    _abbreviation_regex,
    _evidence,
    _landmark_name,
    _name_spans,
    _named_people,
    _caps_datelines,
    _dotted_abbreviation_regex,
    _party_seats,
    _plausible,
)
from frontlines.pipeline.reading.blog import outlet_names

_COUNTY_NAME = fastre.compile(r" (?:County|Parish|Borough)$")
# a compound that locates: "a Houston-based contractor", "Atlanta-area calls" (not "Iran-backed", "Saudi-led")
_HYPHEN_NEXT = fastre.compile(r"-([A-Z][\w.]+(?: County)?)")
_HYPHEN_PREVIOUS = fastre.compile(r"(?<![\w-])([A-Z][\w.]+)-$")
_POSSESSIVE_AFTER = fastre.compile(r"['’]s\b")
_POSSESSOR = fastre.compile(r"(?P<name>[A-Z][\w.-]*(?: [A-Z][\w.-]*)?)['’]s ")
_LOCATED_COMPOUND = fastre.compile(r"-(?:based|area|born|headquartered)\b")

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher

__all__ = ["MentionStage"]

NAME, VERSION = "frontlines.mentions", content_version(__name__)

_GENERIC = fastre.compile(
    r"(?<![\w-])(?:(?P<demonym>(?:(?:South|North|Central|Sri|Sierra|Costa|Saudi) )?[A-Z][a-z]+(?:ese|ian|ish|an|i|ic|ean|ch|yz|ik|ek|akh)|"
    r"U\.S\.|US|U\.K\.|UK|UAE) )?"
    r"(?P<noun>(?i:mutineers|putschists|(?:mutinous|renegade) (?:soldiers|troops|officers|units)|(?:soldiers|troops|officers) "
    r"(?:(?:backing|supporting|behind) the (?:coup|mutiny|putsch)(?: attempt)?|(?:accused of |suspected of |who (?:had )?)?"
    r"(?:staging|staged|attempting|attempted|mounting|mounted|launching|launched) (?:a|the) (?:coup|mutiny|putsch))|"
    r"(?:security|government|state|regime|federal|national|coalition|allied|special|"
    r"armed) forces|army|military|troops|soldiers?|servicem[ae]n|commandos?|paratroopers|marines|gendarmes?|security personnel|"
    r"warplanes|fighter jets|jets|air ?forces?|navy|coast ?guard|police(?:m[ae]n| officers?| forces)?|"
    r"(?:security|police) (?:chiefs?|commanders?|directors?)|"
    r"(?:government|regime|pro-government|junta) (?:air ?strikes?|air ?raids?|warplanes|jets|aircraft|helicopters?|"
    r"shelling|bombardment|drones?|drone strikes?|artillery)|"
    r"(?(demonym)(?:government|authorities|forces|aircraft|helicopters?|gunships?|drones?|(?:air ?|drone )?strikes?|"
    r"airstrikes?|shelling|bombardments?|artillery|missiles?|rockets?|rocket fire|air ?raids?|(?:glide|guided|aerial) bombs?|air defen[cs]es?|"
    r"warships?|F-?16s?|MiG-?\d*s?|Mirages?|border (?:guards|troops|police|posts?)|(?:army |military |air )?(?:positions|posts|outposts|bases?)|"
    r"Sukhois?|Rafales?|planes|(?P<deed>(?:(?:ground|drone|missile|air|rocket|artillery|naval) )?(?:assaults?|attacks?|raids?|"
    r"incursions?|(?:counter-?)?offensives?|advances?|ambush(?:es)?)))|(?!))|gunmen|(?:unidentified|unknown|masked) (?:gunmen|armed men|"
    r"assailants?|attackers?|militants|warplanes|aircraft|men|perpetrators|individuals)|armed (?:men|civilians)|"
    r"(?:suspected |alleged )?(?:drug traffickers|drug dealers|gang members|gangsters|cartel (?:members|gunmen|hitmen|operatives)|hitmen|"
    r"kidnappers)|"
    r"protesters|demonstrators|rioters|looters|mobs?|(?:armed |camel |cattle )?(?:herders|herdsmen)|(?:armed )?cattle raiders|"
    r"clan (?:militias?|militiamen|gunmen|fighters)|(?:militias|militiamen|fighters|gunmen) from (?:two |the )?(?:rival |feuding )?"
    r"(?:sub-?)?clans|(?:ethnic|communal|tribal) (?:militias?|militiamen)|armed youths?|"
    # South Asian and Nigerian papers' words for unnamed attackers ("miscreants opened fire", "hoodlums stormed")
    r"miscreants|hoodlums|(?:unknown|unidentified|armed) motorcyclists))\b"
    r"(?! (?:contractors?|sources?|officials?|spokes(?:man|woman|person)|analysts?|experts?|courts?|hospitals?|"
    r"academy|college|intelligence|uniforms?|equipment|advisers?|advisors?|aid|prosecutors?|judges?)\b)"
)
# the first of two states' forces told together: "Malian and Russian forces", "Mozambican and Rwandan soldiers"
_FIRST_OF_TWO = fastre.compile(r"(?<![\w-])(?P<demonym>[A-Z][a-z]+(?:ese|ian|ish|an|i|ic|ean|ch|yz|ik|ek|akh)) and (?:[A-Z][a-z]+ ){1,2}"
                               r"(?:forces|troops|soldiers|army|armies|military|militaries|warplanes|jets|drones|aircraft|"
                               r"border (?:guards|troops|forces))\b")
# clans named as a side ("fighters from the Sikin and Ambulin clans", "the Garre clan militia", "Degodia clansmen"):
# each clan's communal militia, which ACLED names after it ("Sikin Communal Militia (Papua New Guinea)")
_CLANS = fastre.compile(r"(?<![\w-])(?P<the>[Tt]he )?(?P<first>[A-Z][a-z]+)(?:,? and (?:the )?(?P<second>[A-Z][a-z]+))? "
                        r"(?P<noun>clans?(?: militias?| militiamen| fighters| gunmen)?|clansmen)\b")
# people of a nation told as armed, no group named ("armed Palestinians", "armed Afghans"): an armed group of theirs
_ARMED_NATIONALS = fastre.compile(r"(?<![\w-])(?:[Aa]rmed|[Gg]un-toting|[Mm]asked) (?P<demonym>[A-Z][a-z]+(?:ian|an|i|ese|yz|ik|ek|akh)s?)\b")
# the fire a demonym opens ("Palestinian rockets"), which a people without a state's forces fires as an armed group
_FIRE = fastre.compile(r"(?i:missiles?|rockets?|rocket fire|shelling|bombardments?|artillery|mortars?)")
_COUNTRY_ABBREVIATIONS = {"U.S.": "US", "US": "US", "U.K.": "GB", "UK": "GB", "UAE": "AE"}  # "US aircraft", "UAE drones"
_ANAPHORA = fastre.compile(
    r"\b(?:(?:the|these|those) (?:(?:armed|rebel|militant|jihadist|insurgent|terrorist|extremist|separatist|Islamist|"
    r"paramilitary) (?:group|organi[sz]ation|movement|outfit|militia|force)|paramilitaries|(?:military )?junta|"
    r"militants|jihadists|insurgents|extremists|rebels|terrorists|Islamists|separatists|secessionists|guerrillas|"
    r"group|militia|militias|militiamen|fighters|assailants|attackers)|(?:its|their|his|the group['’]s|the militia['’]s) "
    r"(?:fighters|militants|members|gunmen|operatives|forces|troops|militiamen|loyalists)|(?<!unidentified )(?<!unknown )(?<!masked )"
    r"(?:jihadists|militants|insurgents|extremists|terrorists|Islamists|rebels|separatists|"
    r"(?:jihadist|Islamist|extremist|insurgent|militant) fighters)|"
    # the fire of a group told by its kind ("rebel shells", "militant rockets"): the group's
    r"(?:rebel|militant|insurgent|jihadist|separatist|guerrilla) (?:shells|shelling|rockets?|rocket fire|mortars?|"
    r"mortar fire|artillery|missiles?))\b"
    r"(?! (?:of|from)\b)", re.IGNORECASE)  # "the group of young men", "rebels from X": new people, no anaphor
_GENERIC_KIND = [
    (fastre.compile(r"mutin|renegade|putsch|coup", re.I), "mutiny"),  # soldiers risen against their command
    (fastre.compile(r"police|gendarme|security (?:chief|commander|director)", re.I), "police"),  # ACLED: gendarmerie as police
    (fastre.compile(r"government|authorities", re.I), "government"),
    # herders, raiders and clan or ethnic fighters of no group named: ACLED's communal militia of the country
    (fastre.compile(r"herders|herdsmen|raiders|clan|ethnic|communal|tribal|youth", re.I), "communal"),
    # criminals no gang is named for, unnamed, masked gunmen and armed civilians: an armed group of the country
    (fastre.compile(r"gunmen|armed men|armed civilians|assailants|attackers|militants|unidentified|unknown|masked|traffickers|"
                    r"dealers|gang|cartel|hitmen|kidnappers|miscreants|hoodlums|motorcyclists", re.I), "unidentified"),
    (fastre.compile(r"protesters|demonstrators", re.I), "protesters"),
    (fastre.compile(r"rioters|looters|mob", re.I), "rioters"),  # looters: a crowd no group is named for
]


# the kind of body a group's name ends with, alone ("Front lines have settled", "Army chiefs met"): no name
_BARE_HEAD = fastre.compile(r"(?:Front|Army|Brigade|Battalion|Movement|Council|Forces?|Militia|Party|Group|Coalition|Alliance|"
                            r"Union|Committee|Command|Corps|Division|Regiment)s?")


# the head of a body's name that a generic actor word can open ("Joint Military Commission", "Police Academy")
_INSTITUTION_AFTER = fastre.compile(r"\s+(?:Commission|Committee|Council|Court|Tribunal|Academy|College|School|Hospital|"
                                    r"Museum|Band|Prosecutor|Cemetery)\b")


def _generic_kind(noun: str) -> str:
    if fastre.match(r"(?:government|regime|pro-government|junta) (?:air|warplanes|jets|aircraft|helicopters?|shelling|bombardment|"
                    r"drone|artillery)",
                    noun, re.I):
        return "military"  # "a government air raid": the state's forces
    for pattern, kind in _GENERIC_KIND:
        if pattern.search(noun):
            return kind
    return "military"


@lru_cache(maxsize=1)
def _actor_matchers(kb: ActorKB) -> tuple[PhraseMatcher, PhraseMatcher, dict[str, str]]:
    """(case-sensitive matcher, lower-case matcher, match key -> actor id)."""
    from spacy.matcher import PhraseMatcher

    nlp = nlp_loader.fast()
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    ids: dict[str, str] = {}
    forms: dict[str, list[str]] = {}
    for form, actor_id in kb.surface_forms():
        forms.setdefault(actor_id, []).append(form)
        if "'" in form:  # news prints "People’s" as often as "People's": the tokens differ
            forms[actor_id].append(form.replace("'", "’"))
    for actor_id, names in forms.items():
        ids[actor_id] = actor_id
        sensitive = [n for n in names if len(n) <= 4 or n.isupper()]
        insensitive = [n for n in names if n not in sensitive]
        if sensitive:
            exact.add(actor_id, [nlp.make_doc(n) for n in sensitive])
        if insensitive:
            lower.add(actor_id, [nlp.make_doc(n) for n in insensitive])
    return exact, lower, ids


@lru_cache(maxsize=1)
def _description_regex(kb: ActorKB) -> re.Pattern[str] | None:
    phrases = {d for actor in kb for d in actor.descriptions}
    if not phrases:
        return None
    # "the UN-backed government" is also "Libya's UN-backed government" (the article or possessive once, before
    # the alternatives: a prefix per alternative made the scan five times slower)
    definite = {p[4:] for p in phrases if p.lower().startswith("the ")}
    other = {p for p in phrases if not p.lower().startswith("the ")}
    return fastre.compile(rf"\b(?:(?:the|[A-Z][\w-]*['’]s) (?:{_trie(definite)})|(?:{_trie(other)}))\b", re.IGNORECASE)


def _trie(phrases: Iterable[str]) -> str:
    """One alternation of ``phrases`` (matched ignoring case) as a trie: it matches what the phrases listed longest
    first match - at a node the longer continuations are tried before ending there - but tries a character once
    where the list tried every phrase in turn (the description scan was a twentieth of a 1 MB report's time)."""
    tree: dict[str, Any] = {}
    for phrase in phrases:
        node = tree
        for char in phrase.lower():
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(tree) if tree else "(?!)"


def _trie_pattern(node: dict[str, Any]) -> str:
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if "" in node:
        branches.append("")
    if len(branches) == 1:
        return branches[0]
    return "(?:" + "|".join(branches) + ")"


_DOTTED = fastre.compile(r"\b(?:[A-Z]\.){2,}")  # "U.S.", "U.N.": initials the capitalised-name scan skips


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def _opening_word(text: str, start: int, m: re.Match[str]) -> bool:
    """``m`` is an English function word that opens the sentence at ``start`` ("As", "Three", "Since")."""
    return m.group().lower() in _function_words() and not text[start:m.start()].strip(" \"'“‘(\n")


_WORD = fastre.compile(r"[\w-]+")


# the place a description states ("the parliament in Tobruk", "Libya's government in Tripoli")
_STATED_PLACE = fastre.compile(r"\s+(?:in|at|of)\s+(?=[A-Z])")


def _name_end(m: Mention) -> int:
    """Where a mention stops holding names: a description's stated place is a place mention of its own."""
    if m.kind == "actor" and m.reason == "description":
        stated = _STATED_PLACE.search(m.text)
        if stated:
            return m.start + stated.start()
    return m.end


def _overlaps(start: int, end: int, taken: Spans) -> bool:
    return taken.overlaps(start, end)


def _known(doc: Document, known: dict[int, tuple[Spans, int]]) -> Spans:
    """The spans of ``doc``'s actor, place and date mentions, as ``MentionStage._taken`` finds them, kept up
    to date across the NER jobs of a document by adding only the mentions appended since its last job (one
    pass over the mentions per document, not one per sentence); what a job takes goes in a layer on top."""
    base, seen = known.get(id(doc), (None, 0))
    if base is None or len(doc.mentions) < seen:
        base, seen = Spans(), 0
    for m in doc.mentions[seen:]:
        if m.kind in ("actor", "place", "date"):
            base.append((m.start, m.end))
    known[id(doc)] = (base, len(doc.mentions))
    return Spans(under=base)


class MentionStage:
    name, version = NAME, VERSION
    requires = ("document.id", "document.text", "document.statements", "document.mentions[date]")
    assigns = ("document.mentions[actor,place,quantity]",)

    def __init__(
        self,
        kb: ActorKB,
        gazetteer: Gazetteer,
        ontology: Ontology,
        ner_scope: str = "candidates",
    ) -> None:
        self.kb = kb
        self.gaz = gazetteer
        self.ner_scope = ner_scope
        self._evidence_key: tuple[int, str, int] | None = None
        self._evidence: tuple[set[str], set[str]] = (set(), set())
        self._people_key: tuple[int, str, int] | None = None
        self._people: set[str] = set()
        self._words_key: tuple[int, str, int] | None = None
        self._words: frozenset[str] = frozenset()
        self.onto = ontology

    # -- public ----------------------------------------------------------------
    def __call__(self, doc: Document) -> Document:
        return self.process_many([doc])[0]

    def process_many(self, docs: Sequence[Document]) -> list[Document]:
        """Batch NER across documents (one ``nlp.pipe`` call)."""
        jobs: list[tuple[Document, int, int]] = []
        for doc in docs:
            doc.mentions = [m for m in doc.mentions if m.kind == "date"]
            self._dictionary_actors(doc)
            self._generic_actors(doc)
            self._quantities(doc)
            self._party_seats(doc)
            actors = sorted((m.start, m.end) for m in doc.mentions if m.kind == "actor")
            for st in doc.statements:
                if self._is_candidate(doc, st.start, st.end, actors):
                    jobs.append((doc, st.start, st.end))
        ents_by_job = nlp_loader.entities([doc.text[s:e] for doc, s, e in jobs])
        known: dict[int, tuple[Spans, int]] = {}
        for (doc, start, _), found in zip(jobs, ents_by_job, strict=True):
            self._ner_mentions(doc, [(start + s, start + e, label) for s, e, label in found], _known(doc, known))
        for doc in docs:
            self._gazetteer_places(doc)
            self._focus_towns(doc)
            doc.mentions.sort(key=lambda m: (m.start, -m.end))
        return list(docs)

    # -- candidates ----------------------------------------------------------------
    def _is_candidate(self, doc: Document, start: int, end: int, actors: Sequence[tuple[int, int]]) -> bool:
        """Run NER only where it can change the outcome: a name the gazetteer knows that no dictionary
        match covers and no locative context types (is "Brega" a place or a person here?), or a dotted
        abbreviation the name scan cannot see ("U.S."). A capitalised function word opening the sentence
        ("As reported", "Three people") is no name. ``actors``: the document's actor spans, sorted."""
        if self.ner_scope == "all":
            return True
        if _DOTTED.search(doc.text, start, end):
            return True
        taken = Spans(actors[bisect_left(actors, (start,)):bisect_left(actors, (end,))])
        for m in _CAPITALISED.finditer(doc.text, start, end):
            name = m.group()
            if name in _STOP_CAPS or _overlaps(m.start(), m.end(), taken) or _opening_word(doc.text, start, m):
                continue
            if self.gaz.contains(name.removesuffix("'s")) and not _LOCATIVE.search(doc.text[max(0, m.start() - 40):m.start()]):
                return True
            if self.kb.resolve(name) is not None:
                return True  # an unseen spelling of a known actor ("Heftar")
        return False

    # -- actors ----------------------------------------------------------------
    def _taken(self, doc: Document, kinds: Iterable[str] = ("actor", "place", "date")) -> Spans:
        kinds = set(kinds)
        return Spans((m.start, _name_end(m)) for m in doc.mentions if m.kind in kinds)

    def _dictionary_actors(self, doc: Document) -> None:
        exact, lower, _ = _actor_matchers(self.kb)
        text = doc.text
        sections = list(nlp_loader.tokenize_sections(text))
        spans = [(at + tokens[s].idx, at + tokens[e - 1].idx + len(tokens[e - 1]), key)
                 for matcher in (exact, lower) for at, tokens in sections for key, s, e in matcher(tokens)]
        spans.sort(key=lambda p: (-(p[1] - p[0]), p[0]))
        taken = Spans()
        strings = nlp_loader.fast().vocab.strings
        for start, end, key in spans:
            if _overlaps(start, end, taken):
                continue
            agentive = fastre.match(r"-(?:planted|placed|laid|fired|triggered|held|controlled|occupied)\b", text[end:end + 12])
            if (text[end:end + 1] == "-" and not agentive) or text[max(0, start - 1):start] == "-":
                continue  # "UN-backed", "pro-GNA": a modifier, not the actor ("Taliban-planted" names the agent)
            actor = self.kb.get(strings[key])
            if self._other_nation(text, start, actor.country):
                continue  # "South Sudanese soldiers" are no "Sudanese soldiers"
            taken.append((start, end))
            doc.mentions.append(self._actor_mention(text[start:end], start, actor, 1.0,
                                                    f"alias of {actor.name} in the actor dictionary"))
        regex = _description_regex(self.kb)
        matches = list(regex.finditer(doc.text)) if regex else []
        matches += list(_ANAPHORA.finditer(doc.text))
        for m in matches:
            if not _overlaps(m.start(), m.end(), taken):
                taken.append((m.start(), m.end()))
                doc.mentions.append(Mention(m.group(), m.start(), m.end(), "actor", stage=f"{NAME}@{VERSION}",
                                            reason="description", confidence=0.0))
        for start, end, name in find_group_names(doc.text):  # "the Hamza Brigade": a group the dictionary lacks
            if not _overlaps(start, end, taken) and doc.text[end:end + 1] != "-":
                taken.append((start, end))
                doc.mentions.append(Mention(name, start, end, "actor", stage=f"{NAME}@{VERSION}", actor_type="org",
                                            reason="armed group name", confidence=0.0))

    def _other_nation(self, text: str, start: int, country: str | None) -> bool:
        """The word before an alias makes its demonym another country's ("South" + "Sudanese soldiers")."""
        before = fastre.search(r"\b(South|North|Central|Sri|Sierra|Costa|Saudi) $", text[max(0, start - 8):start])
        if not before or not country:
            return False
        first = fastre.match(r"[A-Z][a-z]+", text[start:start + 30])
        other = self.kb.country_for_demonym(f"{before.group(1)} {first.group()}") if first else None
        return other is not None and other != country

    def _actor_mention(self, text: str, start: int, actor: Any, score: float, reason: str) -> Mention:
        return Mention(
            text=text, start=start, end=start + len(text), kind="actor", canonical=actor.name,
            id=actor.id, actor_type=actor.type, country=actor.country, stage=f"{NAME}@{VERSION}",
            reason=reason, confidence=score,
        )

    def _generic_actors(self, doc: Document) -> None:
        taken = self._taken(doc)
        self._clans(doc, taken)
        for m in _FIRST_OF_TWO.finditer(doc.text):
            country = self.kb.country_for_demonym(m.group("demonym"))
            if country and not _overlaps(m.start(), m.end("demonym"), taken):
                doc.mentions.append(Mention(
                    m.group("demonym"), m.start(), m.end("demonym"), "actor", canonical=None, id=None, country=country,
                    actor_type="military", stage=f"{NAME}@{VERSION}", confidence=0.0,
                    reason=f"generic:military of {country} (demonym '{m.group('demonym')}', the first of two forces)"))
                taken.append((m.start(), m.end("demonym")))
        for m in _ARMED_NATIONALS.finditer(doc.text):
            demonym = m.group("demonym")
            country = self.kb.country_for_demonym(demonym) or self.kb.country_for_demonym(demonym[:-1])
            if country and not _overlaps(m.start(), m.end(), taken):
                doc.mentions.append(Mention(
                    m.group(), m.start(), m.end(), "actor", canonical=None, id=None, country=country,
                    actor_type="unidentified", stage=f"{NAME}@{VERSION}", confidence=0.0,
                    reason=f"generic:unidentified of {country} (demonym '{demonym}', armed)"))
                taken.append((m.start(), m.end()))
        for m in _GENERIC.finditer(doc.text):
            if _overlaps(m.start(), m.end(), taken) or _INSTITUTION_AFTER.match(doc.text, m.end()):
                continue  # "the Joint Military Commission", "the Police Academy": a body's name, not its forces
            if _IMPERSONATED.search(doc.text, max(0, m.start() - 40), m.start()):
                continue  # "men posing as soldiers": who they seemed to be, not a force
            kind = _generic_kind(m.group("noun"))
            demonym, start = m.group("demonym"), m.start()
            country = (self.kb.country_for_demonym(demonym) or _COUNTRY_ABBREVIATIONS.get(demonym)) if demonym else None
            if demonym and not country and " " in demonym:  # "North Syrian troops": the Syrian troops
                start = m.start("demonym") + demonym.index(" ") + 1
                demonym = demonym.split(" ", 1)[1]
                country = self.kb.country_for_demonym(demonym)
            if demonym and not country:
                continue  # "Tripoli-based forces" etc.: leave to NER / description
            if m.group("deed") and (self.kb.names_a_people(demonym) or demonym in _COUNTRY_ABBREVIATIONS):
                continue  # "a Palestinian attack": a people's deed, not its state's; "U.S. raids" is told of a policy as often
            if kind == "military" and demonym and self.kb.names_a_people(demonym) and _FIRE.fullmatch(m.group("noun")):
                kind = "unidentified"  # "a Palestinian rocket": a people's fire is an armed group's, not a state's forces'
            doc.mentions.append(Mention(
                doc.text[start:m.end()], start, m.end(), "actor", canonical=None, id=None, country=country,
                actor_type=kind, stage=f"{NAME}@{VERSION}", confidence=0.0,
                reason=f"generic:{kind}" + (f" of {country} (demonym '{demonym}')" if country else ""),
            ))
            taken.append((m.start(), m.end()))

    def _clans(self, doc: Document, taken: Spans) -> None:
        """Each clan a report names as a side ("fighters from the Sikin and Ambulin clans clashed"): an actor of its
        own (reason ``clan:<name>``), its communal militia once the country is known. A name the report also uses
        as a place ("Enga clans ... in Enga"), a demonym ("Somali clans") or one the dictionary took is none."""
        for m in _CLANS.finditer(doc.text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            if not m.group("the") and (m.group("noun") in ("clan", "clans")
                                       or not fastre.search(r"[\w,] $", doc.text[max(0, m.start() - 2):m.start()])):
                continue  # "Rival clans", "Rival clan militias" open a sentence: no clan named without "the"
            for group in ("first", "second"):
                name, start = m.group(group), m.start(group)
                if name is None:
                    continue
                if name in _STOP_CAPS or self.kb.country_for_demonym(name) \
                        or fastre.search(rf"\b(?:in|of|near|at|from|to) {re.escape(name)}\b", doc.text):
                    continue
                doc.mentions.append(Mention(name, start, start + len(name), "actor", stage=f"{NAME}@{VERSION}",
                                            actor_type="communal", reason=f"clan:{name}", confidence=0.0))
            taken.append((m.start(), m.end()))

    # -- quantities ------------------------------------------------------------------
    def _quantities(self, doc: Document) -> None:
        for m in find_quantities(doc.text):
            value = parse_quantity(m.group("number"), m.group("qualifier"))
            if value is None:
                continue
            doc.mentions.append(Mention(
                m.group(), m.start(), m.end(), "quantity", canonical=str(value), value=value,
                stage=f"{NAME}@{VERSION}", reason="number of people",
            ))

    # -- NER -------------------------------------------------------------------------
    def _ner_mentions(self, doc: Document, ents: list[tuple[int, int, str]], taken: Spans | None = None) -> None:
        """``taken``: the spans of the document's actor, place and date mentions (``_known``), else found here."""
        taken = taken if taken is not None else self._taken(doc)
        for start, end, label in ents:
            text = doc.text[start:end]
            start, end, text = _trim_article(start, end, text)
            if _overlaps(start, end, taken) or not text or (doc.text[end:end + 1] == "-" and not _LOCATED_COMPOUND.match(doc.text, end)):
                continue
            if label in ("GPE", "LOC", "FAC") and (self._person_named(doc, text) or self._common_word(doc, start, text)):
                continue  # "coach Ripley" elsewhere in the document: the NER's GPE is a surname
            if label in ("GPE", "LOC", "FAC") or (label in ("PERSON", "ORG", "NORP") and self._place_like(doc, start, text)):
                start, end, text = self._widened(doc, start, end, text)
                taken.append((start, end))
                doc.mentions.append(Mention(text, start, end, "place", stage=f"{NAME}@{VERSION}",
                                            reason=f"NER {label}", confidence=0.0))
                continue
            region = self._country_run(doc, start, end) if label in ("PERSON", "NORP") else None
            if region is not None:  # "French Guiana", which the NER split into a nationality and a person
                taken.append(region)
                doc.mentions.append(Mention(doc.text[region[0]:region[1]], region[0], region[1], "place",
                                            stage=f"{NAME}@{VERSION}", reason="a country's name", confidence=0.0))
                continue
            parts = self._split_places(doc, start, text, label) if label in ("PERSON", "ORG", "NORP") else []
            if parts:
                taken.append((start, end))
                doc.mentions.extend(parts)
                continue
            prefix = self._place_prefix(doc, start, text) if label in ("PERSON", "ORG") else None
            if prefix is not None:
                doc.mentions.append(prefix)
                owned = fastre.compile(r"['’]s (?=\S)").match(doc.text, prefix.end)
                if owned is not None and label == "ORG":  # "Gainesville's VFW Post": the post stays an organisation
                    doc.mentions.append(Mention(doc.text[owned.end():end], owned.end(), end, "actor",
                                                stage=f"{NAME}@{VERSION}", reason=f"NER {label}", actor_type="org",
                                                confidence=0.0))
            elif label in ("PERSON", "ORG", "NORP") and text not in outlet_names() and not _BARE_HEAD.fullmatch(text):
                taken.append((start, end))
                doc.mentions.append(Mention(text, start, end, "actor", stage=f"{NAME}@{VERSION}",
                                            reason=f"NER {label}", actor_type=label.lower(), confidence=0.0))

    def _place_like(self, doc: Document, start: int, text: str) -> bool:
        """A NER PERSON/ORG/NORP that the gazetteer knows and the context makes locative (or that is curated),
        or that the document uses as a place elsewhere ("in Alexandria" ... "Alexandria police");
        never a demonym ("Afghan")."""
        candidates = self.gaz.lookup(text)
        if not candidates or self.kb.country_for_demonym(text):
            return False
        if not _plausible(text) and all(p.alias for p in candidates):
            return False  # "DAC", "GBI": an acronym that is only some place's code
        if candidates[0].id.startswith("curated:"):
            return True
        if _LOCATIVE.search(doc.text[max(0, start - 40):start]):
            return True
        places, persons = self._place_evidence(doc)
        if normalise(text) in persons:
            return False
        return normalise(text) in places or _landmark_name(text, candidates)

    def _person_named(self, doc: Document, text: str) -> bool:
        """The document calls ``text`` a person ("coach Ripley", "Taylor said") and never uses it as a place;
        countries and regions excepted."""
        places, _ = self._place_evidence(doc)
        key = (id(doc), doc.id, len(doc.text))
        if self._people_key != key:
            self._people_key, self._people = key, _named_people(doc.text, self.gaz)
        norm = normalise(text)
        if norm not in self._people or norm in places:
            return False
        return not any(p.feature in ("country", "admin1") for p in self.gaz.lookup(text))

    def _widened(self, doc: Document, start: int, end: int, text: str) -> tuple[int, int, str]:
        """A NER place cut short inside a longer gazetteer name ("Dawlat" of "Dawlat Abad district"):
        the longest gazetteer name of the capitalised run that starts with it."""
        run = _CAPITALISED.match(doc.text, start)
        if run is None or run.end() <= end:
            return start, end, text
        words = [w.end() for w in fastre.finditer(r"\S+", doc.text[start:run.end()])]
        for stop in reversed(words):
            if doc.text[start:start + stop].endswith(("'s", "’s")):
                continue  # "Canada's": the possessive of the name, not a town "Canadas"
            if start + stop > end and self.gaz.contains(doc.text[start:start + stop]):
                return start, start + stop, doc.text[start:start + stop]
        return start, end, text

    def _place_prefix(self, doc: Document, start: int, text: str) -> Mention | None:
        """The place that opens an institution's name: "Fargo Police Chief", "Levy County Sheriff's Office"."""
        m = _INSTITUTION.match(text)
        name = (m.group("name") or m.group("of")) if m else None
        if m is None and (owner := _POSSESSOR.match(text)) is not None and self._place_owner(doc, owner.group("name")):
            return Mention(owner.group("name"), start, start + len(owner.group("name")), "place",
                           stage=f"{NAME}@{VERSION}", reason="a place owning what follows", confidence=0.0)
        if m is None or not name or name in _STOP_CAPS or not self.gaz.lookup(name):
            return None
        at = start + (m.start("of") if m.group("of") else 0)  # "University of Kinshasa": Kinshasa
        return Mention(name, at, at + len(name), "place", stage=f"{NAME}@{VERSION}",
                       reason="place naming an institution's jurisdiction", confidence=0.0)

    def _hyphen_pair(self, doc: Document, start: int, text: str, candidates: Sequence[Any], places: set[str]) -> bool:
        """``text`` and the capitalised name a hyphen joins to it are both gazetteer names, and one of them is a
        country, a region or a county, or a name the document uses as a place elsewhere."""
        after = _HYPHEN_NEXT.match(doc.text, start + len(text))
        before = _HYPHEN_PREVIOUS.search(doc.text, max(0, start - 40), start)
        other = (after.group(1) if after else None) or (before.group(1) if before else None)
        if other is None or other in _STOP_CAPS or not (found := self.gaz.lookup(other)):
            return False
        return normalise(other) in places or normalise(text) in places \
            or any(p.feature in ("country", "admin1", "admin2") and not p.alias for p in (*candidates, *found))

    def _country_run(self, doc: Document, start: int, end: int) -> tuple[int, int] | None:
        """The span of a country's or a region's full name written as a run of capitalised words that holds the
        NER's span and goes on past it ("French Guiana", "Papua New Guinea"), or None."""
        run = _CAPITALISED.match(doc.text, start)
        if run is None or run.end() <= end or " " not in run.group():
            return None
        name = run.group()
        return (start, run.end()) if any(p.feature in ("country", "admin1") and not p.alias
                                         and normalise(p.name) == normalise(name) for p in self.gaz.lookup(name)) else None

    def _place_owner(self, doc: Document, name: str) -> bool:
        """``name`` before "'s" names a place: a country, a state or a city of 100,000 by its own name, or a town the
        document uses as a place elsewhere ("Gainesville's VFW Post" beside "in Gainesville"), never a person."""
        found = self.gaz.lookup(name)
        if name in _STOP_CAPS or not found or not _plausible(name) or self.kb.country_for_demonym(name):
            return False
        places, persons = self._place_evidence(doc)
        if normalise(name) in persons:
            return False
        return normalise(name) in places or _landmark_name(name, found) \
            or any(p.feature == "country" and not p.alias for p in found)

    def _split_places(self, doc: Document, start: int, text: str, label: str) -> list[Mention]:
        """The places inside a name the NER ran together with something else: a town before a facility or a local
        institution ("Maiduguri IDP camp", "Keana LGA", "Rundu Town Council": the town, and the council stays an
        organisation); a town after "in"/"at" or after an institution's "of" ("a bank in Stellenbosch", "the
        Youth Council of Warri"); the towns a separator joins ("Dakar-Bamako railway", "Fufore/Jada",
        "Obo to Mboki") when two of them are towns, or one is and the context is locative. The document
        must not use a town's name as a surname."""
        _, persons = self._place_evidence(doc)
        stage_name = f"{NAME}@{VERSION}"

        def town(name: str) -> bool:
            return bool(name) and name not in _STOP_CAPS and _plausible(name) and normalise(name) not in persons \
                and not self.kb.country_for_demonym(name) and _no_alias(self.kb.resolve(name)) \
                and any(p.feature != "continent" for p in self.gaz.lookup(name))

        words = list(fastre.finditer(r"\S+", text))
        unit = _UNIT.search(text)
        if unit and town(text[:unit.start()]):  # "Nasarawa State", "Gedo Region": the region itself
            return [Mention(text, start, start + len(text), "place", stage=stage_name, confidence=0.0,
                            reason=f"NER {label}: a gazetteer name with its unit word")]
        for k in range(min(3, len(words) - 1), 0, -1):
            head, rest = text[:words[k - 1].end()], text[words[k].start():]
            fac = _FACILITY.match(doc.text, start + words[k].start())  # may go on past a span cut short
            if fac and fac.end() >= start + len(text) and head[:1].isupper() and town(head.removesuffix("'s").removesuffix("’s")):
                head = head.removesuffix("'s").removesuffix("’s")
                out = [Mention(head, start, start + len(head), "place", stage=stage_name, confidence=0.0,
                               reason=f"NER {label}: the town a facility or institution is named after")]
                if fac.group("org"):
                    at = start + words[k].start()
                    out.append(Mention(rest, at, at + len(rest), "actor", stage=stage_name, confidence=0.0,
                                       reason=f"NER {label}: institution of {head}", actor_type="org"))
                return out
        tail = _TAIL_PLACE.match(text)
        if tail and town(tail.group("name")) and (tail.group("prep") != "of" or _OF_INSTITUTION.search(tail.group("org"))):
            at = start + tail.start("name")
            out = [Mention(tail.group("name"), at, at + len(tail.group("name")), "place", stage=stage_name,
                           confidence=0.0, reason=f"NER {label}: the town after '{tail.group('prep')}'")]
            if label == "ORG":
                org = tail.group("org")
                out.append(Mention(org, start, start + len(org), "actor", stage=stage_name, confidence=0.0,
                                   reason=f"NER {label}: institution in {tail.group('name')}", actor_type="org"))
            return out
        if self.gaz.lookup(text) or not _JOINER.search(text):
            return []
        pieces, pos = [], 0
        for sep in _SEPARATOR.finditer(text):
            pieces.append((pos, text[pos:sep.start()]))
            pos = sep.end()
        pieces.append((pos, text[pos:]))
        towns = [(at, p) for at, p in pieces if town(p)]
        before = doc.text[max(0, start - 40):start]
        after = doc.text[start + len(text):start + len(text) + 30]
        context = bool(_LOCATIVE.search(before) or _ROUTE.match(after))
        hyphen_only = not fastre.search(r"[/–—,]| and | to ", text)
        if not towns or (len(towns) < 2 and not context) or (hyphen_only and (not context or len(towns) < len(pieces))):
            return []
        return [Mention(p, start + at, start + at + len(p), "place", stage=stage_name, confidence=0.0,
                        reason=f"NER {label}: towns joined in one name") for at, p in towns]

    def _focus_towns(self, doc: Document) -> None:
        """A name the NER calls a person or an organisation that is a town of the country the document is about,
        where the document never uses it as a person (no title, no "X said", no first name before it): a place.
        Only a distinctive name: one or two places of that country carry it (the many Harrisons and Taylors of
        the United States are surnames as often as towns). Once per document, after every other place is found."""
        candidates = [m for m in doc.mentions if m.kind == "actor" and m.id is None and m.reason in _NER_ACTOR]
        if not candidates:
            return
        focus = country_focus(doc, self.gaz, self.kb)
        if not focus:
            return
        top = max(focus.values())
        countries = {iso for iso, w in focus.items() if w >= max(1.0, 0.5 * top)}
        _, persons = self._place_evidence(doc)
        outlets = outlet_names()
        chosen = {id(m) for m in candidates}  # by identity: not a comparison with every candidate
        for i, m in enumerate(doc.mentions):
            if id(m) not in chosen or " " in m.text.strip() and not m.text.istitle():
                continue
            norm = normalise(m.text)
            if norm in persons or self._person_named(doc, m.text) or m.text in outlets or not _plausible(m.text) \
                    or self.kb.country_for_demonym(m.text) or self._common_word(doc, m.start, m.text):
                continue
            if fastre.search(r"\b(?:1[89]|20)\d\d\s+$", doc.text[max(0, m.start - 6):m.start]):
                continue  # "a 2001 Cadillac": a make, not a town
            bearers = [p for p in self.gaz.lookup(m.text) if p.country in countries]
            towns = [p for p in bearers if p.feature == "city" and normalise(p.name)[:3] == norm[:3]]
            if not towns or len(bearers) > 2:
                continue  # a name many places of the country carry ("Harrison", "Taylor") is as likely a surname
            doc.mentions[i] = Mention(m.text, m.start, m.end, "place", stage=m.stage, confidence=0.0,
                                      reason=f"{m.reason}: a town of the document's country")

    def _words_of(self, doc: Document) -> frozenset[str]:
        """The document's words as written (runs of letters, digits and hyphens); once per document."""
        key = (id(doc), doc.id, len(doc.text))
        if self._words_key != key:
            self._words_key, self._words = key, frozenset(_WORD.findall(doc.text))
        return self._words

    def _place_evidence(self, doc: Document) -> tuple[set[str], set[str]]:
        """(names the document uses as places, names it uses as surnames), normalised; once per document."""
        key = (id(doc), doc.id, len(doc.text))
        if self._evidence_key != key:
            self._evidence_key, self._evidence = key, _evidence(doc.text, self.gaz)
        return self._evidence

    def _gazetteer_places(self, doc: Document) -> None:
        taken = self._taken(doc, ("actor", "place", "date", "quantity"))
        for start, text in _name_spans(doc.text, self.gaz):
            if _overlaps(start, start + len(text), taken) or doc.text.startswith("$", start + len(text)):
                continue  # "US$2.4 million": a currency
            before = doc.text[max(0, start - 40):start]
            candidates = self.gaz.lookup(text)
            places, persons = self._place_evidence(doc)
            norm = normalise(text)
            if candidates[0].id.startswith("curated:"):
                reason = "curated gazetteer name"
            elif norm in persons or self._adjective(doc, start, text) or self._common_word(doc, start, text):
                continue
            elif _LOCATIVE.search(before):
                reason = "gazetteer name in locative context"
            elif norm in places or candidates[0].feature in ("country", "admin1"):
                reason = "gazetteer name the document uses as a place"
            elif _POSSESSIVE_AFTER.match(doc.text, start + len(text)) and _landmark_name(text, candidates):
                reason = "a region's or a big city's possessive"  # "Rome's Gemelli hospital"
            elif self._hyphen_pair(doc, start, text, candidates, places):
                reason = "a place joined to another by a hyphen"  # "Athens-Clarke police", "Egypt-US relations"
            elif _COUNTY_NAME.search(text) and any(p.feature == "admin2" and not p.alias for p in candidates):
                reason = "a county named as such"
            else:
                continue
            taken.append((start, start + len(text)))
            doc.mentions.append(Mention(text, start, start + len(text), "place", stage=f"{NAME}@{VERSION}",
                                        reason=reason, confidence=0.0))
        self._state_abbreviations(doc, taken)

    def _common_word(self, doc: Document, start: int, text: str) -> bool:
        """A capitalised common word the document also writes in lower case ("the Section final" beside "a
        section title") that names only small towns: not a place."""
        if " " in text or not text.istitle():
            return False
        lower = text.lower()
        if _WORD.fullmatch(lower):  # a whole word: looked up in the document's words, not searched for
            if lower not in self._words_of(doc):
                return False
        elif not fastre.search(rf"(?<![\w-]){re.escape(lower)}(?![\w-])", doc.text):
            return False
        return not any(p.feature in ("country", "admin1") or p.population >= 100_000 for p in self.gaz.lookup(text))

    def _party_seats(self, doc: Document) -> None:
        """"Sen. Jane Roe, D-Springfield": the legislator's home town, before NER can call it a person."""
        taken = self._taken(doc)
        for start, name in _party_seats(doc.text, self.gaz):
            if not _overlaps(start, start + len(name), taken):
                doc.mentions.append(Mention(name, start, start + len(name), "place", stage=f"{NAME}@{VERSION}",
                                            reason="home town after a party letter", confidence=0.0))
        for start, name in _caps_datelines(doc.text, self.gaz):
            if not _overlaps(start, start + len(name), taken):
                taken.append((start, start + len(name)))
                doc.mentions.append(Mention(name, start, start + len(name), "place", stage=f"{NAME}@{VERSION}",
                                            reason="dateline town in capitals", confidence=0.0))

    def _adjective(self, doc: Document, start: int, text: str) -> bool:
        """A demonym before a common noun ("Somali shilling", "Afghan soldiers") describes, it does not locate."""
        nxt = fastre.match(r"\s+([a-z]+)", doc.text[start + len(text):start + len(text) + 20])
        return bool(nxt and nxt.group(1) not in _DESIGNATOR_WORDS and self.kb.country_for_demonym(text))

    def _state_abbreviations(self, doc: Document, taken: Spans) -> None:
        """"Charleston, W.Va.", "Denton, TX": the region after a town is a place too; so is a legislator's state
        after the party letter ("Sen. Byron Dorgan, D-N.D.")."""
        ends: dict[int, list[int]] = {}  # place mentions by where they end: their positions in doc.mentions
        for i, t in enumerate(doc.mentions):
            if t.kind == "place":
                ends.setdefault(t.end, []).append(i)
        for m in _abbreviation_regex(self.gaz.abbreviations()).finditer(doc.text):
            party = doc.text[max(0, m.start() - 2):m.start()] in ("D-", "R-", "I-")
            # the first place in the list that ends 0-3 characters before (a look-up, not a scan of every mention)
            near = [i for end in range(m.start() - 3, m.start() + 1) for i in ends.get(end, ())]
            town = doc.mentions[min(near)] if near else None
            if (town is None and not party) or _overlaps(m.start(), m.end(), taken):
                continue
            taken.append((m.start(), m.end()))
            reason = "state abbreviation after a party letter" if town is None else f"state abbreviation after '{town.text}'"
            ends.setdefault(m.end(), []).append(len(doc.mentions))
            doc.mentions.append(Mention(m.group(), m.start(), m.end(), "place", stage=f"{NAME}@{VERSION}",
                                        reason=reason, confidence=0.0))
        for m in _dotted_abbreviation_regex(self.gaz.abbreviations()).finditer(doc.text):
            if not _overlaps(m.start(), m.end(), taken):
                taken.append((m.start(), m.end()))
                doc.mentions.append(Mention(m.group(), m.start(), m.end(), "place", stage=f"{NAME}@{VERSION}",
                                            reason="a state's dotted abbreviation", confidence=0.0))


# a force someone only seemed to be: "gunmen posing as soldiers", "men disguised as police officers"
_IMPERSONATED = fastre.compile(r"\b(?:(?:posing|disguised|dressed|masquerading)\s+as|impersonating|fake)\s+(?:an?\s+)?$",
                               re.IGNORECASE)
_NER_ACTOR = frozenset({"NER ORG", "NER NORP"})
_TAIL_PLACE = fastre.compile(r"^(?P<org>.*?\S) (?P<prep>in|at|of) (?P<name>[A-ZÀ-ÖØ-Þ][\w'’-]*(?: [A-ZÀ-ÖØ-Þ][\w'’-]*){0,2})$")
_OF_INSTITUTION = fastre.compile(r"\b(?:University|College|Polytechnic|Institute|School|Committee|Council|Assembly|Faculty|"
                                 r"Municipality|Union|Association|Port|Governor|Mayor|Bishop|Archbishop|Emir|Sultan|"
                                 r"Oba|Chief|King)$")
_JOINER = fastre.compile(r"[/–—,]| and | to |\w-[A-Z]")  # not "&": firms ("Long & Foster")
_SEPARATOR = fastre.compile(r"\s*(?:[/–—,]|\band\b|\bto\b|-(?=[A-Z]))\s*")
_ROUTE = fastre.compile(r"\s*(?:road|highway|axis|route|railway|expressway|motorway|corridor|border|bridge|line|"
                        r"stretch|section|junction|crossing)\b", re.IGNORECASE)


_UNIT = fastre.compile(r" (?:State|Region|Province|Governorate|Prefecture|District|County|Division|Department|Sub-County)$")


def _no_alias(match: Any) -> bool:
    """No actor in the dictionary has this name (a transliteration skeleton's guess is no evidence)."""
    return match is None or match.method != "alias"


def _trim_article(start: int, end: int, text: str) -> tuple[int, int, str]:
    if text.startswith(("the ", "The ")):
        start, text = start + 4, text[4:]
    if text.endswith(("'s", "’s")):  # "the United Kingdom's": United Kingdom
        return start, end - 2, text[:-2]
    return start, end, text
