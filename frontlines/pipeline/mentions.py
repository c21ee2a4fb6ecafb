"""Mention detection: actors, places and quantities (dates come from ``dates.py``).

Cheap first, statistical second:
1. a phrase-matcher scan for every actor name/alias in the knowledge base (case-sensitive for
   acronyms such as "IS", case-insensitive otherwise), plus generic actor phrases ("Egyptian jets",
   "security forces", "gunmen") and the knowledge base's descriptions ("the UN-backed government");
2. spaCy NER (tok2vec + ner only) on candidate sentences - those with an event trigger, an actor, a
   number or a capitalised word after a locative preposition;
3. capitalised n-grams are checked against the gazetteer; a name is a place when NER says GPE/LOC/FAC,
   or when it follows a locative preposition, or is a curated/country/region name. Dictionary actor
   matches win over NER (spaCy tags "Tobruq" PERSON; the gazetteer knows better).
Places are left unresolved here (``places.py`` resolves them in document context).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from frontlines.knowledge.actors import ActorKB, get_actor_kb
from frontlines.knowledge.gazetteer import Gazetteer, get_gazetteer
from frontlines.knowledge.ontology import get_ontology
from frontlines.model import Document, Mention
from frontlines.pipeline import nlp as nlp_loader
from frontlines.pipeline.base import stage
from frontlines.pipeline.blog import outlet_names
from frontlines.pipeline.numbers import QUANTITY, parse_quantity

if TYPE_CHECKING:
    from spacy.matcher import PhraseMatcher

__all__ = ["MentionStage"]

NAME, VERSION = "frontlines.mentions", "1"

_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|from|to|outside|around|towards?|into|across|through|inside|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|outskirts of|"
    r"city of|town of|village of|district of|province of|region of|area of|suburb of|entrance to|"
    r"near the|in the|border with|between|and|coast of)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_CAPITALISED = re.compile(
    r"\b(?:(?:Al|al|El|el|Ar|ar|As|as|Ash|ash|Ad|ad|Bin|bin|Ben|ben|Abu|Umm|Ras|Bir|Wadi|Sidi|Jebel|Jabal|Qasr)[- ])?"
    r"[A-Z][a-zA-Z'’]+(?:[- ](?:(?:al|el|bin|ben|de|del|es|ash|as|ad)[- ])?[A-Z][a-zA-Z'’]+){0,3}"
)
_STOP_CAPS = frozenset(
    """The A An In On At By For From To Of And But Or If When While After Before Since During This That
    These Those It Its He She They We I You His Her Their Our My Your Monday Tuesday Wednesday Thursday
    Friday Saturday Sunday January February March April May June July August September October November
    December UPDATE Update Comment Comments Anonymous Reuters AP AFP Read More Posted Share Home News
    Mr Mrs Gen General President Prime Minister Colonel Col Lt Major Commander Field Marshal Marshal
    Islamic State Army Government Forces Police Council National Libyan Sunni Shia Muslim Arab""".split()
)
_GENERIC = re.compile(
    r"(?<![\w-])(?:(?P<demonym>[A-Z][a-z]+(?:ese|ian|ish|an|i|ic|ean|ch)) )?"
    r"(?P<noun>(?i:(?:security|government|state|regime|federal|national|coalition|allied|"
    r"armed) forces|army|military|troops|soldiers?|servicem[ae]n|commandos?|gendarmes?|security personnel|"
    r"warplanes|fighter jets|jets|air ?force|navy|coast ?guard|police(?:m[ae]n| officers?| forces)?|"
    r"(?(demonym)(?:government|authorities|forces)|(?!))|gunmen|(?:unidentified|unknown|masked) (?:gunmen|armed men|"
    r"assailants?|attackers?|militants|warplanes|aircraft|men|perpetrators|individuals)|armed men|"
    r"protesters|demonstrators|rioters|mobs?))\b"
)
_ANAPHORA = re.compile(r"\b(?:the|these|those) (?:militants|jihadists|insurgents|extremists|rebels|terrorists|"
                       r"group|militia|militias|assailants|attackers)\b", re.IGNORECASE)
_GENERIC_KIND = [
    (re.compile(r"police", re.I), "police"),
    (re.compile(r"government|authorities", re.I), "government"),
    (re.compile(r"gunmen|armed men|assailants|attackers|militants|unidentified|unknown", re.I), "unidentified"),
    (re.compile(r"protesters|demonstrators", re.I), "protesters"),
    (re.compile(r"rioters|mob", re.I), "rioters"),
]


def _generic_kind(noun: str) -> str:
    for pattern, kind in _GENERIC_KIND:
        if pattern.search(noun):
            return kind
    return "military"


@lru_cache(maxsize=1)
def _actor_matchers() -> tuple[PhraseMatcher, PhraseMatcher, dict[str, str]]:
    """(case-sensitive matcher, lower-case matcher, match key -> actor id)."""
    from spacy.matcher import PhraseMatcher

    nlp = nlp_loader.fast()
    exact = PhraseMatcher(nlp.vocab, attr="ORTH")
    lower = PhraseMatcher(nlp.vocab, attr="LOWER")
    ids: dict[str, str] = {}
    forms: dict[str, list[str]] = {}
    for form, actor_id in get_actor_kb().surface_forms():
        forms.setdefault(actor_id, []).append(form)
    for actor_id, names in forms.items():
        ids[actor_id] = actor_id
        sensitive = [n for n in names if len(n) <= 4 or n.isupper()]
        insensitive = [n for n in names if n not in sensitive]
        if sensitive:
            exact.add(actor_id, list(nlp.tokenizer.pipe(sensitive)))
        if insensitive:
            lower.add(actor_id, list(nlp.tokenizer.pipe(insensitive)))
    return exact, lower, ids


@lru_cache(maxsize=1)
def _description_regex() -> re.Pattern[str] | None:
    phrases = {d for actor in get_actor_kb() for d in actor.descriptions}
    if not phrases:
        return None
    body = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"\b(?:{body})\b", re.IGNORECASE)


def _overlaps(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return any(start < e and s < end for s, e in taken)


class MentionStage:
    name, version = NAME, VERSION
    requires = ("document.statements",)
    assigns = ("document.mentions[actor,place,quantity]",)

    def __init__(
        self,
        kb: ActorKB | None = None,
        gazetteer: Gazetteer | None = None,
        ner_scope: str = "candidates",
    ) -> None:
        self.kb = kb or get_actor_kb()
        self.gaz = gazetteer or get_gazetteer()
        self.ner_scope = ner_scope
        self.onto = get_ontology()

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
            for st in doc.statements:
                if self._is_candidate(doc, st.start, st.end):
                    jobs.append((doc, st.start, st.end))
        texts = (doc.text[s:e] for doc, s, e in jobs)
        ents_by_job = nlp_loader.ner().pipe(texts, batch_size=64)
        for (doc, start, end), parsed in zip(jobs, ents_by_job, strict=True):
            ents = [(start + e.start_char, start + e.end_char, e.label_) for e in parsed.ents]
            self._ner_mentions(doc, ents)
        for doc in docs:
            self._gazetteer_places(doc)
            doc.mentions.sort(key=lambda m: (m.start, -m.end))
        return list(docs)

    # -- candidates ----------------------------------------------------------------
    def _is_candidate(self, doc: Document, start: int, end: int) -> bool:
        """Run NER only where it can change the outcome: a name the gazetteer knows that no dictionary
        match covers and no locative context types (is "Brega" a place or a person here?)."""
        if self.ner_scope == "all":
            return True
        taken = [(m.start, m.end) for m in doc.mentions if m.kind == "actor" and start <= m.start < end]
        for m in _CAPITALISED.finditer(doc.text, start, end):
            name = m.group()
            if name in _STOP_CAPS or _overlaps(m.start(), m.end(), taken):
                continue
            if self.gaz.contains(name.removesuffix("'s")) and not _LOCATIVE.search(doc.text[max(0, m.start() - 40):m.start()]):
                return True
            if self.kb.resolve(name) is not None:
                return True  # an unseen spelling of a known actor ("Heftar")
        return False

    # -- actors ----------------------------------------------------------------
    def _taken(self, doc: Document, kinds: Iterable[str] = ("actor", "place", "date")) -> list[tuple[int, int]]:
        kinds = set(kinds)
        return [(m.start, m.end) for m in doc.mentions if m.kind in kinds]

    def _dictionary_actors(self, doc: Document) -> None:
        exact, lower, _ = _actor_matchers()
        tokens = nlp_loader.fast().make_doc(doc.text)
        spans = [(tokens[s:e], key) for key, s, e in exact(tokens)]
        spans += [(tokens[s:e], key) for key, s, e in lower(tokens)]
        spans.sort(key=lambda p: (-(p[0].end_char - p[0].start_char), p[0].start_char))
        taken: list[tuple[int, int]] = []
        vocab = tokens.vocab
        text = doc.text
        for span, key in spans:
            if _overlaps(span.start_char, span.end_char, taken):
                continue
            agentive = re.match(r"-(?:planted|placed|laid|fired|triggered)\b", text[span.end_char:span.end_char + 12])
            if (text[span.end_char:span.end_char + 1] == "-" and not agentive) \
                    or text[max(0, span.start_char - 1):span.start_char] == "-":
                continue  # "UN-backed", "pro-GNA": a modifier, not the actor ("Taliban-planted" names the agent)
            taken.append((span.start_char, span.end_char))
            actor = self.kb.get(vocab.strings[key])
            doc.mentions.append(self._actor_mention(span.text, span.start_char, actor, 1.0,
                                                    f"alias of {actor.name} in the actor dictionary"))
        regex = _description_regex()
        matches = list(regex.finditer(doc.text)) if regex else []
        matches += list(_ANAPHORA.finditer(doc.text))
        for m in matches:
            if not _overlaps(m.start(), m.end(), taken):
                taken.append((m.start(), m.end()))
                doc.mentions.append(Mention(m.group(), m.start(), m.end(), "actor", stage=f"{NAME}@{VERSION}",
                                            reason="description", confidence=0.0))

    def _actor_mention(self, text: str, start: int, actor: Any, score: float, reason: str) -> Mention:
        return Mention(
            text=text, start=start, end=start + len(text), kind="actor", canonical=actor.name,
            id=actor.id, actor_type=actor.type, country=actor.country, stage=f"{NAME}@{VERSION}",
            reason=reason, confidence=score,
        )

    def _generic_actors(self, doc: Document) -> None:
        taken = self._taken(doc)
        for m in _GENERIC.finditer(doc.text):
            if _overlaps(m.start(), m.end(), taken):
                continue
            kind = _generic_kind(m.group("noun"))
            country = self.kb.country_for_demonym(m.group("demonym")) if m.group("demonym") else None
            if m.group("demonym") and not country:
                continue  # "Tripoli-based forces" etc.: leave to NER / description
            doc.mentions.append(Mention(
                m.group(), m.start(), m.end(), "actor", canonical=None, id=None, country=country,
                actor_type=kind, stage=f"{NAME}@{VERSION}", confidence=0.0,
                reason=f"generic:{kind}" + (f" of {country} (demonym '{m.group('demonym')}')" if country else ""),
            ))
            taken.append((m.start(), m.end()))

    # -- quantities ------------------------------------------------------------------
    def _quantities(self, doc: Document) -> None:
        for m in QUANTITY.finditer(doc.text):
            value = parse_quantity(m.group("number"), m.group("qualifier"))
            if value is None:
                continue
            doc.mentions.append(Mention(
                m.group(), m.start(), m.end(), "quantity", canonical=str(value), value=value,
                stage=f"{NAME}@{VERSION}", reason="number of people",
            ))

    # -- NER -------------------------------------------------------------------------
    def _ner_mentions(self, doc: Document, ents: list[tuple[int, int, str]]) -> None:
        taken = self._taken(doc)
        for start, end, label in ents:
            text = doc.text[start:end]
            start, end, text = _trim_article(start, end, text)
            if _overlaps(start, end, taken) or not text or doc.text[end:end + 1] == "-":
                continue
            if label in ("GPE", "LOC", "FAC") or (label in ("PERSON", "ORG") and self._place_like(doc, start, text)):
                taken.append((start, end))
                doc.mentions.append(Mention(text, start, end, "place", stage=f"{NAME}@{VERSION}",
                                            reason=f"NER {label}", confidence=0.0))
            elif label in ("PERSON", "ORG", "NORP") and text not in outlet_names():
                taken.append((start, end))
                doc.mentions.append(Mention(text, start, end, "actor", stage=f"{NAME}@{VERSION}",
                                            reason=f"NER {label}", actor_type=label.lower(), confidence=0.0))

    def _place_like(self, doc: Document, start: int, text: str) -> bool:
        """A NER PERSON/ORG that the gazetteer knows and the context makes locative (or that is curated)."""
        candidates = self.gaz.lookup(text)
        if not candidates:
            return False
        if candidates[0].id.startswith("curated:"):
            return True
        return bool(_LOCATIVE.search(doc.text[max(0, start - 40):start]))

    def _gazetteer_places(self, doc: Document) -> None:
        taken = self._taken(doc, ("actor", "place", "date", "quantity"))
        for m in _CAPITALISED.finditer(doc.text):
            text = m.group()
            if text in _STOP_CAPS or _overlaps(m.start(), m.end(), taken):
                continue
            if text.endswith(("'s", "’s")):
                text = text[:-2]
            before = doc.text[max(0, m.start() - 40):m.start()]
            candidates = self.gaz.lookup(text)
            if not candidates or not (_LOCATIVE.search(before) or candidates[0].id.startswith("curated:")):
                continue
            taken.append((m.start(), m.end()))
            doc.mentions.append(Mention(text, m.start(), m.start() + len(text), "place", stage=f"{NAME}@{VERSION}",
                                        reason="gazetteer name in locative context", confidence=0.0))


def _trim_article(start: int, end: int, text: str) -> tuple[int, int, str]:
    for article in ("the ", "The "):
        if text.startswith(article):
            return start + 4, end, text[4:]
    if text.endswith("'s"):
        return start, end - 2, text[:-2]
    return start, end, text
