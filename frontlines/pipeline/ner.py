"""Named entities with CoNLL labels (PER/ORG/LOC/MISC): the pipeline's entity layer for evaluation.

spaCy's small statistical NER does the heavy lifting; everything around it is cheap and rule based:

1. *model text*: an ALL-CAPS headline is case-normalised before the model sees it ("ROMANIA BEAT
   LITHUANIA" -> "Romania beat Lithuania"); the length is kept, so offsets map back one to one;
2. *boundaries*: leading "the", trailing "'s", scores and punctuation are trimmed, and spans the
   model ran together across a score or a dash ("Karlsruhe 2 Hansa") are split;
3. *structure*: datelines ("LONDON 1996-08-30"), results lines and standings of sports tables
   ("Montrose 2 Ross County 1"), athletes with their country ("Steffi Graf ( Germany )") and
   speakers ("..., Lebed said") are found by patterns the small model misses;
4. *relabelling* with the knowledge base: a country is LOC; a place name in a results line is a
   club (ORG); company/club/party suffixes and titles ("Corp", "FC", "Party"; "Mr", "coach") decide
   ORG/PER; the actor dictionary keeps its own type;
5. *consistency*: a surname seen in a full person name nearby is PER when it recurs alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from frontlines.knowledge.actors import get_actor_kb
from frontlines.knowledge.gazetteer import get_gazetteer
from frontlines.pipeline import nlp as nlp_loader

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["NER_LABELS", "model_text", "ner_spans"]

Span = tuple[int, int, str]

NER_LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "NORP": "MISC"}
_LOCATIVE = re.compile(
    r"(?:\b(?:in|at|near|from|to|outside|around|towards?|into|across|through|inside|"
    r"(?:north|south|east|west|northeast|northwest|southeast|southwest)(?:ern)? of|outskirts of|"
    r"city of|town of|village of|district of|province of|region of|area of|suburb of|entrance to|"
    r"near the|in the|border with|between|and|coast of)\s+(?:the\s+)?)$",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'.]*")
_CAPS_WORD = re.compile(r"[A-Z][A-Z'.&]*[A-Z]\b|[A-Z]\b")
_ORG_SUFFIX = re.compile(
    r"\b(?:Inc|Corp|Corporation|Co|Cos|Ltd|Plc|PLC|plc|SA|AG|NV|BV|SpA|GmbH|AB|ASA|Bhd|Group|Holdings?|"
    r"Bank|Bancorp|Party|Council|Ministry|Committee|Commission|Association|Federation|Union|League|"
    r"Agency|Institute|University|College|Airlines?|Airways|Motors?|Industries|International|Fund|"
    r"Organisation|Organization|Congress|Front|Movement|Army|Police|Court|Exchange|Reserve|Board|"
    r"FC|United|City|County|Rovers|Athletic|Wanderers|Albion|Town|Rangers|Celtic|Hotspur|Villa)$"
)
_ORG_START = re.compile(r"^(?:Bank|Ministry|Council|University|Party|Union|Federation|Association|Real|FC|AC|SC|SK|Dinamo|Dynamo|Sporting)\b")
_TITLE = re.compile(
    r"\b(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Lady|President|Premier|Chancellor|Minister|minister|Secretary|"
    r"secretary|spokesman|spokeswoman|General|Gen\.|Colonel|Col\.|Captain|captain|coach|striker|"
    r"midfielder|defender|goalkeeper|batsman|bowler|pitcher|manager|leader|King|Queen|Prince|Pope|"
    r"Senator|Sen\.|Rep\.|Governor|Judge|judge|envoy|Ambassador|ambassador|chairman|Chairman|"
    r"director|rider|champion|seed|compatriot|veteran|winger|forward|skipper|wife|husband|"
    r"son|daughter|brother|sister)\.? $"
)
_SPEECH = re.compile(r"^ (?:,\s)?(?:said|says|told|added|asked|wrote|explained|insisted|replied|"
                     r"declared|stated|warned|admitted|announced|noted|argued|commented)\b")
_DATELINE = re.compile(
    r"^(?P<city>[A-Z][A-Z.'-]*(?: [A-Z][A-Z.'-]*)*)(?: , (?P<region>[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*)*))?"
    r" \d{4}-\d{2}-\d{2}$"
)
_NAME = r"[A-Z][\w.'&-]*(?: (?:'s|de|of|van|der|la|le|del|[A-Z][\w.'&-]*|\( [A-Z]{1,3} \)))*"
_SCORE = r"\d{1,3}"
_RESULT = re.compile(rf"^(?P<a>{_NAME}) {_SCORE} (?P<b>{_NAME}) ?{_SCORE}?\b")
_STANDING = re.compile(rf"^(?:\d+\. )?(?P<a>{_NAME})(?: (?:-?\d+(?:\.\d+)?|\.\d+|\d+/\d+|\d+-\d+)){{3,}}(?: |$)")
_FIXTURE = re.compile(rf"^(?P<a>{_NAME}) (?:AT|at|v|vs\.?) (?P<b>{_NAME})$")
_INNINGS = re.compile(rf"(?:^|: |, |; )(?P<a>{_NAME}) \d+(?:-\d+)?(?: and \d+(?:-\d+)?)?(?= \(| ,| \.| ;|$)")
_ATHLETE = re.compile(rf"(?P<a>{_NAME}) \( (?P<b>{_NAME}) \)")
_SEED = re.compile(rf"(?:^|, |; |\( )\d+ - (?P<a>{_NAME})(?= \(| ,| ;| \)|$| beat)")
_WINDOW = 40


def _shouting(text: str) -> bool:
    """A headline in capitals: most of its words (of two letters or more) are upper case."""
    words = [w for w in _WORD.findall(text) if len(w) > 1]
    caps = [w for w in words if w.isupper()]
    return len(caps) >= 2 and len(caps) >= 0.7 * len(words)


def _recase(word: str, stop: frozenset[str]) -> str:
    if word.lower() in stop:
        return word.lower()
    if len(word) <= 3 and "." not in word:
        return word  # an acronym: "NFL", "PSV", "UN"
    return "-".join(part[:1] + part[1:].lower() for part in word.split("-"))


def model_text(text: str) -> str:
    """The text as the model should see it: ALL-CAPS headlines re-cased, same length."""
    if not _shouting(text):
        return text
    from spacy.lang.en.stop_words import STOP_WORDS

    stop = frozenset(STOP_WORDS)
    recased = _CAPS_WORD.sub(lambda m: _recase(m.group(), stop), text)
    return recased if len(recased) == len(text) else text


# -- boundaries ---------------------------------------------------------------------------------
def _is_filler(tok: str) -> bool:
    return tok in {"the", "The", "'s", "'", "s", "-", "--", "(", ")", ",", ".", ":", ";", '"', "`"} or any(
        ch.isdigit() for ch in tok
    ) or tok.startswith(("+", "-"))


def _split(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """Token index ranges of an entity cut at scores, dashes and brackets, trimmed of fillers."""
    pieces, current = [], []
    for i in range(start, end):
        tok = doc[i].text
        if _is_filler(tok) and (tok not in {"'s", "'"} or i == end - 1 or not current):
            if current:
                pieces.append((current[0], current[-1] + 1))
            current = []
            continue
        current.append(i)
    if current:
        pieces.append((current[0], current[-1] + 1))
    return [(s, e) for s, e in pieces if doc[s:e].text[:1].isupper() or doc[s:e].text[:1].isdigit()]


def _model_spans(doc: Doc) -> list[Span]:
    out = []
    for ent in doc.ents:
        label = NER_LABELS.get(ent.label_)
        if label is None:
            continue
        for s, e in _split(doc, ent.start, ent.end):
            out.append((doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), label))
    return out


# -- structure ----------------------------------------------------------------------------------
def _strip_brackets(text: str) -> str:
    return re.sub(r"\( [^()]* \)", lambda m: " " * len(m.group()), text)


def _structural(text: str) -> list[tuple[Span, bool]]:
    """(span, strong) from datelines and sports tables; strong spans override the model's label."""
    found: list[tuple[Span, bool]] = []
    m = _DATELINE.match(text)
    if m:
        found += [((m.start(g), m.end(g), "LOC"), True) for g in ("city", "region") if m.group(g)]
        return found
    bare = _strip_brackets(text)
    for pattern in (_RESULT, _FIXTURE, _STANDING):
        m = pattern.match(bare)
        if m:
            found += [((m.start(g), m.end(g), "ORG"), True) for g in ("a", "b")
                      if g in pattern.groupindex and m.group(g)]
            break
    for m in _INNINGS.finditer(bare):
        found.append(((m.start("a"), m.end("a"), "ORG"), False))
    for m in _ATHLETE.finditer(text):
        found.append(((m.start("a"), m.end("a"), "PER"), False))
        found.append(((m.start("b"), m.end("b"), "LOC"), False))
    for m in _SEED.finditer(text):
        found.append(((m.start("a"), m.end("a"), "PER"), False))
    return [(_trim(text, s), strong) for s, strong in found]


def _trim(text: str, span: Span) -> Span:
    start, end, label = span
    while text[start:end].endswith((" 's", " '", " .", " ,")):
        end -= 2 if not text[start:end].endswith(" 's") else 3
    return start, end, label


# -- relabelling --------------------------------------------------------------------------------
def _country(name: str) -> bool:
    places = get_gazetteer().lookup(name)
    return bool(places) and places[0].feature in ("country", "continent")


def _known_place(name: str) -> bool:
    """A place under this very name (not "Miller County" for "Miller"), big enough to be a club's town."""
    from frontlines.knowledge.gazetteer import normalise

    key = normalise(name)
    return any(normalise(p.name) == key and (p.feature != "city" or p.population >= 50_000)
               for p in get_gazetteer().lookup(name))


def _relabel(text: str, span: Span, table: bool) -> str:
    start, end, label = span
    name = text[start:end]
    before = text[max(0, start - 30):start]
    if _ORG_SUFFIX.search(name) and not _country(name) and " " in name:
        return "ORG"
    if _ORG_START.match(name) and " " in name:
        return "ORG"
    if _country(name):
        return "LOC"
    if table and label != "PER" and _known_place(name):
        return "ORG"
    if label in ("ORG", "LOC") and _TITLE.search(before) and not _known_place(name):
        return "PER"
    match = get_actor_kb().resolve(name) if label != "LOC" else None
    if match is not None and match.method == "alias":
        return {"person": "PER", "place": "LOC"}.get(match.actor.type, "ORG")
    if label in ("PER", "ORG") and _known_place(name) and _LOCATIVE.search(text[max(0, start - 40):start]):
        return "LOC"
    return label


def _is_table(text: str) -> bool:
    """A line of a results table: digits and names, almost no lower-case prose."""
    words = _WORD.findall(_strip_brackets(text))
    lower = [w for w in words if w[:1].islower() and w not in _TABLE_WORDS]
    return any(ch.isdigit() for ch in text) and len(lower) <= 1


_TABLE_WORDS = frozenset("and at v vs beat bt by not out innings runs wickets wkts halftime after extra time pts "
                         "points drew lost won seconds minutes of in overs".split())


# -- assembling ---------------------------------------------------------------------------------
def _overlaps(span: Span, spans: Iterable[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e, _ in spans)


def _sentence_spans(text: str, doc: Doc) -> list[Span]:
    table = _is_table(text)
    spans = _model_spans(doc)
    for span, strong in _structural(text):
        if span[1] <= span[0]:
            continue
        clashing = [s for s in spans if s[0] < span[1] and span[0] < s[1]]
        if strong or not clashing or all(s[:2] == span[:2] for s in clashing):
            spans = [s for s in spans if s not in clashing] + [span]
    spans += _speakers(text, spans)
    return sorted((s, e, _relabel(text, (s, e, label), table)) for s, e, label in spans)


def _speakers(text: str, spans: Sequence[Span]) -> list[Span]:
    """Capitalised names the model missed right before a speech verb ("..., Lebed said")."""
    out = []
    for m in re.finditer(rf"(?<![\w'])({_NAME})(?= (?:,\s)?[a-z])", text):
        span = (m.start(1), m.end(1), "PER")
        if m.start(1) == 0 or _overlaps(span, spans) or not _SPEECH.match(text[m.end(1):]):
            continue
        if text[m.start(1):m.end(1)] in {"He", "She", "It", "They", "We", "I", "Police", "Officials"}:
            continue
        if not _known_place(m.group(1)) and get_actor_kb().resolve(m.group(1)) is None:
            out.append(span)
    return out


def _propagate(texts: Sequence[str], spans: list[list[Span]]) -> None:
    """A surname (last word of a multi-word PER) recurring alone nearby is PER."""
    recent: dict[str, int] = {}
    for i, (text, sentence) in enumerate(zip(texts, spans, strict=True)):
        for n, (s, e, label) in enumerate(sentence):
            name = text[s:e]
            if label != "PER" and recent.get(name, -_WINDOW) > i - _WINDOW and not _country(name):
                sentence[n] = (s, e, "PER")
        for s, e, label in sentence:
            words = text[s:e].split()
            if label == "PER" and len(words) > 1 and len(words[-1]) > 2:
                recent[words[-1]] = i


def ner_spans(texts: list[str]) -> list[list[Span]]:
    """Entities as (start, end, label) with CoNLL labels PER/ORG/LOC/MISC for each text.

    ``texts`` are sentences in reading order (consecutive texts may share a document, which the
    surname rule uses); offsets are into the texts as given.
    """
    docs = nlp_loader.ner().pipe((model_text(t) for t in texts), batch_size=64)
    out = [_sentence_spans(text, doc) for text, doc in zip(texts, docs, strict=True)]
    _propagate(texts, out)
    return out
