"""Named entities with CoNLL labels (PER/ORG/LOC/MISC): the pipeline's entity layer for evaluation.

spaCy's small statistical NER does the heavy lifting; everything around it is cheap and rule based:

1. *model text*: an ALL-CAPS headline is re-cased before the model sees it, each word as nearby
   prose writes it ("CHILE BEAT PERU IN LIMA" -> "Chile beat Peru in Lima"), its topic slug
   ("SOCCER - ") blanked; the length is kept, so offsets map back one to one;
2. *boundaries*: leading "the", trailing "'s", scores and punctuation are trimmed, and spans the
   model ran together across a score or a spaced dash ("Karlsruhe 2 Hansa") are split;
3. *layouts* (``ner_layouts``): datelines, newsroom footers and the tables of sports pages say what
   a name is; speakers ("..., Lebed said") are found by a pattern the small model misses;
4. *relabelling* with the knowledge base: a country is LOC; a place name in a results table is a
   club (ORG); suffixes and titles ("Corp", "FC", "Party"; "Mr", "coach") decide ORG/PER; events
   ("... Cup", "... League") and nationalities are MISC; the actor dictionary keeps its own type;
5. *consistency*: a surname seen in a full person name nearby, or a club seen in a results table
   nearby, keeps that label when it recurs alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from frontlines import fastre
from frontlines.knowledge.gazetteer import normalise
from frontlines.pipeline import nlp as nlp_loader
from frontlines.pipeline.mentions.ner_layouts import (
    FIXED, INITIALS, STRONG, EntityKnowledge, Span, is_table, structural,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["NER_LABELS", "model_text", "ner_spans"]

NER_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC"}
_LOCATIVE = fastre.compile(
    r"(?:\b(?:in|at|near|from|to|outside|around|towards?|into|across|through|inside|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|outskirts of|"
    r"city of|town of|village of|district of|province of|region of|area of|suburb of|entrance to|"
    r"near the|in the|border with|between|and|coast of)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_PLACE_NOUN = fastre.compile(r"\b(?:(?:town|city|village|district|province|region|island|suburb|port|enclave|"
                             r"municipality|county|prefecture) of|capital) $")
_ORG_ROLE = fastre.compile(r"^ (?:captain|coach|manager|general manager|chairman|owner|skipper|striker|midfielder|defender|"
                      r"goalkeeper|batsman|bowler|all-rounder|team-?mate|team mate|CEO|chief executive|shareholders)\b")
_ORG_NOUN = fastre.compile(r"\b(?:club|side|team|firm|company|group|agency|newspaper|daily|weekly|chain|giant|distributor|"
                           r"airline|maker|manufacturer|publisher|insurer|conglomerate|outfit) $")
_WORD = fastre.compile(r"[A-Za-z][A-Za-z'.]*")
_CAPS_WORD = fastre.compile(r"[A-Z][A-Z'.&]*[A-Z]\b|[A-Z]\b")
_ORG_SUFFIX = fastre.compile(
    r"\b(?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|plc|SA|AG|NV|BV|SpA|GmbH|AB|ASA|Bhd|Group|Holdings?|"
    r"Bank|Bancorp|Party|Council|Ministry|Committee|Commission|Association|Federation|Union|"
    r"Agency|Institute|University|College|Airlines?|Airways|Motors?|Industries|International|Fund|"
    r"Organisation|Organization|Congress|Front|Movement|Army|Police|Court|Exchange|Reserve|Board|"
    r"Newsroom|Newsdesk|FC|United|City|County|Rovers|Athletic|Wanderers|Albion|Town|Rangers|Celtic|Hotspur|Villa)$"
)
_EVENT_SUFFIX = fastre.compile(r"\b(?:Cup|Open|Championships?|Games|Olympics|Grand Prix|Trophy|Tour|Series|Masters|Classic|"
                               r"League)$", re.IGNORECASE)
_CALENDAR = fastre.compile(r"(?i)(?:january|february|march|april|may|june|july|august|september|october|november|"
                           r"december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|gmt)")
_TEAM_NICKNAME = fastre.compile(r"[A-Z][a-z]+s")
_ORG_START = fastre.compile(r"^(?:Bank|Ministry|Council|University|Party|Union|Federation|Association|Real|FC|AC|SC|SK|Dinamo|Dynamo|Sporting)\b")
_TITLE = fastre.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|President|Premier|Chancellor|Minister|minister|Secretary|"
    r"secretary|spokesman|spokeswoman|General|Gen\.|Colonel|Col\.|Captain|captain|coach|striker|"
    r"midfielder|defender|goalkeeper|batsman|bowler|pitcher|manager|leader|King|Queen|Prince|Pope|"
    r"Senator|Sen\.|Rep\.|Governor|Judge|judge|envoy|Ambassador|ambassador|chairman|Chairman|"
    r"director|rider|champion|seed|compatriot|veteran|winger|forward|skipper|wife|husband|"
    r"son|daughter|brother|sister)\.? $"
)
_NAME = r"[A-Z][\w.'&-]*(?: (?:de|van|der|la|le|del|[A-Z][\w.'&-]*))*"
_SPEECH = fastre.compile(r"^ (?:,\s)?(?:said|says|told|added|asked|wrote|explained|insisted|replied|"
                         r"declared|stated|warned|admitted|announced|noted|argued|commented)\b")
_WINDOW = 40
_COMPANY_SUFFIX = fastre.compile(r" (?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|plc|SA|S\.A|AG|NV|BV|SpA|GmbH|AB|ASA|Bhd|"
                                 r"Bancorp|Holdings?|Group)\.?$")
_GENERIC_FIRST = frozenset("first national general united international standard american royal central "
                           "new great global continental federal western eastern northern southern".split())
_ACRONYM_WORD = fastre.compile(r"[A-Z][A-Z&-]*[A-Z]")


def _shouting(text: str) -> bool:
    """A headline in capitals: most of its words (of two letters or more) are upper case."""
    words = [w for w in _WORD.findall(text) if len(w) > 1]
    caps = [w for w in words if w.isupper()]
    return len(caps) >= 2 and len(caps) >= 0.7 * len(words)


class CaseMemory:
    """How words are written in nearby prose: the evidence for re-casing a headline."""

    def __init__(self, texts: Sequence[str]) -> None:
        self._texts = texts
        self._words: list[tuple[frozenset[str], frozenset[str]]] | None = None

    def _index(self) -> list[tuple[frozenset[str], frozenset[str]]]:
        if self._words is None:
            self._words = []
            for text in self._texts:
                words = [] if _shouting(text) else _WORD.findall(text)[1:]  # not the sentence-initial word
                self._words.append((frozenset(w for w in words if w[:1].isupper() and not w.isupper()),
                                    frozenset(w for w in words if w.islower())))
        return self._words

    def near(self, i: int) -> tuple[set[str], set[str]]:
        """(capitalised words, lower-case words) of the texts around text ``i``."""
        window = self._index()[max(0, i - _WINDOW):i + _WINDOW]
        return set().union(*(c for c, _ in window)), set().union(*(lo for _, lo in window))


def _title(word: str) -> str:
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def _recase_words(words: list[str], names: set[str], common: set[str], stop: frozenset[str],
                  ek: EntityKnowledge) -> list[str]:
    out = []
    for n, word in enumerate(words):
        title, lower = _title(word), word.lower()
        pair = [f"{words[k]} {words[k + 1]}" for k in (n - 1, n) if 0 <= k < len(words) - 1]
        if lower in stop or lower in {"v", "vs"} or (lower in common and title not in names):
            out.append(lower)
        elif title in names or _known_place(word, ek) or any(_known_place(p, ek) for p in pair):
            out.append(title)
        elif len(word) <= 3 and "." not in word:
            out.append(word)  # an acronym: "NFL", "PSV", "UN"
        else:
            out.append(lower)
    return out


def model_text(text: str, ek: EntityKnowledge, memory: CaseMemory | None = None, index: int = 0) -> str:
    """The text as the model should see it, same length: an ALL-CAPS headline is re-cased, each word
    as nearby prose writes it (else title case for a known place, upper case for a short acronym,
    lower case otherwise); the first word of the line and of its slug are capitalised."""
    if not _shouting(text):
        return text
    from spacy.lang.en.stop_words import STOP_WORDS

    names, common = memory.near(index) if memory else (set(), set())
    spans = [m.span() for m in _CAPS_WORD.finditer(text)]
    recased = _recase_words([text[s:e] for s, e in spans], names, common, frozenset(STOP_WORDS), ek)
    chars = list(text)
    for (s, e), word in zip(spans, recased, strict=True):
        chars[s:e] = word if len(word) == e - s else text[s:e]
    out = "".join(chars)
    slug = _slug_end(text)
    if slug > 0:  # "SOCCER - ": a topic label, which only hides the first name from the model
        out = " " * (slug + 3) + out[slug + 3:]
    return fastre.sub(r"^(\s*)([a-z])", lambda m: m.group(1) + m.group(2).upper(), out)


# -- boundaries ---------------------------------------------------------------------------------
def _is_filler(tok: Token) -> bool:
    """A token an entity never starts or ends with, and is cut at (scores, spaced dashes, brackets)."""
    text = tok.text
    if text in {"-", "--"}:
        return bool(tok.whitespace_) or tok.i == 0 or bool(tok.nbor(-1).whitespace_)
    return text in {"the", "The", "(", ")", ",", ":", ";", '"', "`", "/"} or any(ch.isdigit() for ch in text) \
        or text.startswith("+")


def _split(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token index ranges of an entity cut at fillers, trimmed of lower-case words and "'s"."""
    pieces, current = [], []
    for i in range(start, end + 1):
        if i < end and not _is_filler(doc[i]):
            current.append(i)
            continue
        while current and (doc[current[-1]].text in {"'s", "'", "."} or doc[current[-1]].is_lower):
            current.pop()
        while current and doc[current[0]].is_lower and doc[current[0]].whitespace_:
            current.pop(0)
        if current and (len(current) > 1 or len(doc[current[0]]) > 1):
            pieces.append((current[0], current[-1] + 1))
        current = []
    return pieces


def _model_spans(doc: Doc, ek: EntityKnowledge) -> list[Span]:
    out = []
    for ent in doc.ents:
        label = NER_LABELS.get(ent.label_)
        if label is None:
            continue
        for s, e in _split(doc, ent.start, ent.end):
            if label == "PER" and e - s > 1 and ek.is_demonym(doc[s].text):
                s += 1  # "Kenyan runner Paul Otieno": the nationality is MISC, not part of the name
            out.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label))
    return out


# -- relabelling --------------------------------------------------------------------------------
def _known_place(name: str, ek: EntityKnowledge) -> bool:
    return bool(ek.place_features(name))


def _nation(name: str, ek: EntityKnowledge) -> bool:
    """A country, or one of the home nations that field their own national sides ("Scotland")."""
    if ek.is_country(name):
        return True
    places = ek.gaz.lookup(name)
    return bool(places) and places[0].feature == "admin1" and places[0].country == "GB" and normalise(places[0].name) == normalise(name)


def _relabel(text: str, span: Span, table: bool, ek: EntityKnowledge) -> str:
    """The CoNLL label of a span, from its own words, the knowledge base and the line it sits in."""
    start, end, label = span
    name = text[start:end]
    if " " in name and _EVENT_SUFFIX.search(name):
        return "MISC"
    if " " not in name and (ek.is_demonym(name) or (name.endswith("s") and ek.is_demonym(name[:-1]))):
        return "MISC"  # "Swiss", "Israelis"
    if " " in name and (_ORG_SUFFIX.search(name) or _ORG_START.match(name)) and not _known_place(name, ek) \
            and not ek.is_country(name):
        return "ORG"
    if ek.is_country(name) and not (label == "ORG" and name.isupper() and len(name) <= 4):
        return "LOC"
    bracketed = text[max(0, start - 2):start] == "( "
    if table and not bracketed and _known_place(name, ek) and (label != "PER" or {"admin1", "admin2"} & set(ek.place_features(name))):
        return "ORG"
    if INITIALS.fullmatch(name):
        return "PER"
    if label in ("ORG", "LOC") and _TITLE.search(text[max(0, start - 30):start]) and not _known_place(name, ek):
        return "PER"
    noun = _ORG_NOUN.search(text[max(0, start - 30):start])
    role = _ORG_ROLE.match(text[end:]) and not (label == "PER" and " " in name)
    if label != "ORG" and (noun or role) and not _nation(name, ek) and not ek.is_demonym(name.split()[-1]):
        return "ORG"  # "Surrey captain Ann Hill", "mineral water firm Multico", "Belgian club Standard Liege"
    locative = _LOCATIVE.search(text[max(0, start - 40):start])
    if label == "PER" and " " not in name and {"admin2"} == set(ek.place_features(name)) - {"city"} and not _nation(name, ek) \
            and (not locative or locative.group().split()[0].lower() in ("and", "between")):
        return "ORG"  # a county acting as a person does ("Kent declared on 301"): its side
    known = ek.actor_types().get(name.lower()) if label != "LOC" else None
    if known:
        return "PER" if known == "person" else "ORG"
    if label in ("PER", "ORG") and _known_place(name, ek) and locative:
        return "LOC"
    if label in ("PER", "ORG") and _PLACE_NOUN.search(text[max(0, start - 30):start]):
        return "LOC"  # "the town of Arlon", "the capital Lusaka": the noun says what the name is
    if label != "ORG" and _TEAM_NICKNAME.fullmatch(name) and text[max(0, start - 4):start] in ("the ", "The "):
        return "ORG" if not _known_place(name, ek) else label  # "the Brewers rallied"
    return label


# -- assembling ---------------------------------------------------------------------------------
def _overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e, _ in spans)


def _slug_end(text: str) -> int:
    """End of a wire headline's topic slug ("SOCCER - ..."), or -1."""
    m = fastre.match(r"[A-Z][A-Z ]+(?= - )", text)
    return m.end() if m and _shouting(text) else -1


def _sentence_spans(text: str, doc: Doc, ek: EntityKnowledge) -> tuple[list[Span], list[Span], list[Span]]:
    """(spans, the table ORGs among them, the spans whose label is fixed) for one sentence."""
    table = is_table(text)
    slug = _slug_end(text)
    spans = [s for s in _model_spans(doc, ek) if not (s[0] == 0 and s[1] == slug and not _known_place(text[:slug], ek))
             and not _CALENDAR.fullmatch(text[s[0]:s[1]])]
    fixed = []
    for span, strength in structural(text, ek):
        if span[1] <= span[0]:
            continue
        clashing = [s for s in spans if s[0] < span[1] and span[0] < s[1]]
        if strength >= STRONG or not clashing or all(s[:2] == span[:2] for s in clashing):
            spans = [s for s in spans if s not in clashing] + [span]
            fixed += [span] if strength == FIXED else []
    spans += _speakers(text, spans, ek)
    spans = sorted(s if s in fixed else (s[0], s[1], _relabel(text, s, table, ek)) for s in spans)
    abbreviations = [s for s in fixed if s[2] == "ORG" and _ACRONYM_WORD.fullmatch(text[s[0]:s[1]])]
    clubs = [s for s in spans if table and s[2] == "ORG" and s not in fixed]
    return spans, clubs + abbreviations + _company_names(text, spans, ek), fixed


def _company_names(text: str, spans: Sequence[Span], ek: EntityKnowledge) -> list[Span]:
    """The short names a company's full name licenses ("Okavita Holdings Ltd" -> "Okavita"): its
    first word when that is no place, nationality or common word."""
    from spacy.lang.en.stop_words import STOP_WORDS

    out = []
    for s, e, label in spans:
        words = text[s:e].split()
        if label != "ORG" or len(words) < 2 or not _COMPANY_SUFFIX.search(text[s:e]):
            continue
        first = words[0]
        if len(first) > 3 and first[1:].islower() and first.lower() not in STOP_WORDS and not _known_place(first, ek) \
                and not ek.is_demonym(first) and first.lower() not in _GENERIC_FIRST:
            out.append((s, s + len(first), "ORG"))
    return out


def _speakers(text: str, spans: Sequence[Span], ek: EntityKnowledge) -> list[Span]:
    """Capitalised names the model missed right before a speech verb ("..., Lebed said")."""
    out = []
    for m in fastre.finditer(rf"(?<![\w'])({_NAME})(?= (?:,\s)?[a-z])", text):
        span = (m.start(1), m.end(1), "PER")
        if m.start(1) == 0 or _overlaps(span, spans) or not _SPEECH.match(text[m.end(1):]):
            continue
        if text[m.start(1):m.end(1)] in {"He", "She", "It", "They", "We", "I", "Police", "Officials"}:
            continue
        if not _known_place(m.group(1), ek) and m.group(1).lower() not in ek.actor_types():
            out.append(span)
    return out


# -- consistency --------------------------------------------------------------------------------
def _memory(texts: Sequence[str], spans: Sequence[list[Span]], clubs: Sequence[list[Span]]) -> dict[str, list[tuple[int, str, bool]]]:
    """name -> [(sentence index, label, may be added where the model saw nothing)]."""
    seen: dict[str, list[tuple[int, str, bool]]] = {}
    for i, (text, sentence) in enumerate(zip(texts, spans, strict=True)):
        for s, e, label in sentence:
            words = text[s:e].split()
            if label == "PER" and len(words) > 1:
                seen.setdefault(words[-1], []).append((i, "PER", len(words[-1]) > 3))
                seen.setdefault(words[0], []).append((i, "PER", False))
        for s, e, _ in clubs[i]:
            if e - s > 3 or _ACRONYM_WORD.fullmatch(text[s:e]):
                seen.setdefault(text[s:e], []).append((i, "ORG", True))
    return seen


def _recall(seen: dict[str, list[tuple[int, str, bool]]], name: str, i: int, adding: bool) -> str | None:
    near = [(abs(j - i), label) for j, label, add in seen.get(name, ()) if abs(j - i) <= _WINDOW and (add or not adding)]
    return min(near)[1] if near else None


def _propagate(texts: Sequence[str], spans: list[list[Span]], clubs: Sequence[list[Span]],
               fixed: Sequence[list[Span]], ek: EntityKnowledge) -> None:
    """A surname (or club) seen nearby in a full name (or a results table) keeps its label alone."""
    seen = _memory(texts, spans, clubs)
    for i, (text, sentence) in enumerate(zip(texts, spans, strict=True)):
        for n, (s, e, label) in enumerate(sentence):
            if (s, e, label) in fixed[i]:
                continue
            recalled = _recall(seen, text[s:e], i, adding=False)
            if recalled and recalled != label and label != "LOC" or recalled == "ORG":
                sentence[n] = (s, e, recalled)
        for m in fastre.finditer(r"(?<![\w'-])[A-Z][\w'-]+(?: [A-Z][\w'-]+)*", text):
            span = (m.start(), m.end(), "")
            recalled = _recall(seen, m.group(), i, adding=True)
            if recalled and not _overlaps(span, sentence) and not ek.is_country(m.group()):
                sentence.append((m.start(), m.end(), recalled))
        sentence.sort()


def ner_spans(texts: list[str], ek: EntityKnowledge) -> list[list[Span]]:
    """Entities as (start, end, label) with CoNLL labels PER/ORG/LOC/MISC for each text.

    ``texts`` are sentences in reading order (consecutive texts may share a document, which the
    consistency rules use); offsets are into the texts as given. ``ek``: the gazetteer and actor base it asks.
    """
    memory = CaseMemory(texts)
    docs = nlp_loader.ner().pipe((model_text(t, ek, memory, i) for i, t in enumerate(texts)), batch_size=64)
    pairs = [_sentence_spans(text, doc, ek) for text, doc in zip(texts, docs, strict=True)]
    out = [p[0] for p in pairs]
    _propagate(texts, out, [p[1] for p in pairs], [p[2] for p in pairs], ek)
    return out
