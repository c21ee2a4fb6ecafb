"""Statements: every sentence with its voice (author | quoted), stance and reporting source.

Voice comes from the block the sentence sits in (a quoted news paragraph, the author's commentary)
and from attribution inside the sentence ("..., security officials said"; "according to Reuters").
Stance: question, hypothetical, prediction, opinion, else fact.
"""

from __future__ import annotations

import re

from frontlines import fastre
from frontlines.knowledge.ontology import Ontology
from frontlines.model import Document, Stance, Statement
from frontlines.pipeline.base import content_version, stage
from frontlines.pipeline.statements.sentences import split_sentences

__all__ = ["StatementStage", "find_attribution"]

NAME, VERSION = "frontlines.statements", content_version(__name__)

_SPEAKER = r"(?P<speaker>(?:the |a |an |local |two |several |senior )?[A-Za-z][\w'’.-]*(?:[ -][A-Za-z0-9][\w'’.-]*){0,7}?)"
_VERB = (r"(?:said|says|say|told|tells|reported|reports|stated|announced|added|claimed|claims|confirmed|confirms|wrote|"
         r"tweeted|alleged|denied|warned|insisted|noted)")
_SAID = rf"(?:(?:has |have |had )?(?:also |later |earlier |previously )?{_VERB})"
_ROLE = (r"(?:spokes(?:man|woman|person)|official|commander|minister|head|leader|chief|director|governor|mayor|"
         r"analyst|expert|researcher|source|witness|resident|member|president|general|colonel|envoy|ambassador|"
         r"officer|adviser|advisor|deputy|lawmaker|MP|activist|journalist|correspondent|doctor|medic)s?")
_NAME = r"[A-Z][\w'’.-]*(?:[ -](?:al|el|bin|ibn|abu|de|van|von|[A-Z][\w'’.-]*)){0,4}"
_ATTRIBUTION = [
    fastre.compile(rf"\baccording to {_SPEAKER}(?=[,.;:]|$| who\b)", re.IGNORECASE),
    # "the spokesman for the operation, Ali Hassan, said ...": the role, then the name
    fastre.compile(rf"(?:^|[,\"”] )(?P<speaker>(?:the |a |an )?[^,;\"“”]{{0,40}}\b{_ROLE}\b[^,;\"“”]{{0,50}}, {_NAME}), {_SAID}\b",
                   re.IGNORECASE),
    # "Ali Hassan, the brigade's spokesman, said ...": the name and the role in apposition
    fastre.compile(rf"(?:^|[,\"”] )(?P<speaker>{_NAME}, (?:the |a |an )?[^,;\"“”]{{0,40}}\b{_ROLE}\b[^,;\"“”]{{0,40}}), {_SAID}\b"),
    fastre.compile(rf"[,\"”] {_SPEAKER} {_SAID}\b", re.IGNORECASE),  # "..., security officials said"
    fastre.compile(rf"[,\"”] {_SAID} {_SPEAKER}(?=[,.;]|$)", re.IGNORECASE),  # "..., said a spokesman"
    fastre.compile(rf"^{_SPEAKER} {_SAID}\b(?! to\b)", re.IGNORECASE),  # "The LNA said ..."
    fastre.compile(r"^\(?(?P<speaker>Reuters|AP|AFP|Anadolu|Xinhua|Al Jazeera|BBC|CNN)\)?\s*[-–—:]"),
]
# Every pattern but the last (an agency's name opening the sentence) needs "according to" or a reporting verb: a
# sentence with neither is tried against the last alone (most sentences; 13,000 in a 1 MB report, issue 14). Looked
# for in the lower-cased sentence (an IGNORECASE search cost as much as the patterns it spares), unless the sentence
# holds a letter that IGNORECASE matches to a Latin one besides its two cases (dotted and dotless i, long s, Kelvin).
_VERB_LOWER = fastre.compile(rf"according to|{_VERB}")
_FOLDS_TO_LATIN = fastre.compile("[\u0130\u0131\u017f\u212a]")
_AUTHOR_SPEAKERS = {"i", "we", "my", "me"}
_WHEN = fastre.compile(r"(?:on|in|at|last|this|late|early|earlier|later|yesterday|today|tonight|overnight|"
                       r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)\b", re.IGNORECASE)
# A speaker is a noun phrase: one with a finite verb or a subordinator is the reported clause
# (", said reinforcements had arrived"), not who said it.
_CLAUSE_WORD = fastre.compile(
    r"\b(?:that|had|has|have|was|were|is|are|would|will|could|can|did|does|been|being|it|they|he|she)\b", re.IGNORECASE
)


_CONJUNCTIONS = frozenset({"and", "but", "or", "yet", "while", "then"})
# "..., but a colonel said it was fake news": a second speaker, who answers the first
_ANSWERING = fastre.compile(r"^(?:but|while|whereas|although|though|and|yet)\s+", re.IGNORECASE)


def find_attribution(sentence: str) -> str | None:
    """Who the sentence is attributed to ("Reuters", "security officials"), or None. When a second speaker
    answers the first ("The rebels announced that nine soldiers were killed, but a colonel said it was fake
    news"), the sentence's news is the first speaker's."""
    found = _first_speaker(sentence)
    if found and _ANSWERING.match(found):
        opening = _first_speaker(sentence, _ATTRIBUTION[-2:])
        return opening or _ANSWERING.sub("", found)
    return found


def _first_speaker(sentence: str, patterns: list[re.Pattern[str]] = _ATTRIBUTION) -> str | None:
    if not (_VERB_LOWER.search(sentence.lower()) or _FOLDS_TO_LATIN.search(sentence)):
        patterns = patterns[-1:]
    for pattern in patterns:
        for m in pattern.finditer(sentence):
            speaker = m.group("speaker").strip(" ,.;:\"'”“")
            speaker = fastre.sub(r"^(?:the|a|an)\s+", "", speaker, flags=re.IGNORECASE)
            if not speaker or speaker.lower() in _AUTHOR_SPEAKERS or len(speaker) > 80:
                continue
            if _WHEN.match(speaker):
                continue  # ", said on Monday": when, not who
            if speaker.lower() in _CONJUNCTIONS:
                continue  # "..., and denied killing civilians": the sentence's subject goes on speaking, no new speaker
            if _CLAUSE_WORD.search(speaker) and not fastre.fullmatch(r"(?:they|he|she|it)", speaker, re.IGNORECASE):
                continue
            return speaker
    return None


def classify_stance(sentence: str, block_kind: str | None, onto: Ontology) -> tuple[Stance, str]:
    """(stance, reason) for one sentence."""
    text = sentence.strip()
    if text.endswith("?"):
        return "question", "ends with a question mark"
    opening = onto.stance["hypothetical"].match(fastre.sub(r"^[\"“'(]+", "", text))
    if opening:
        return "hypothetical", f"opens with a condition '{opening.group()}'"
    if fastre.search(r"\b(?:would|were to)\b", text, re.IGNORECASE) and fastre.search(r"\bif\b", text, re.IGNORECASE):
        return "hypothetical", "conditional (if ... would)"
    author_side = block_kind in ("commentary", "comments")
    opinion = onto.stance["opinion"].search(text)
    if author_side and opinion:
        return "opinion", f"author commentary with '{opinion.group()}'"
    prediction = onto.stance["prediction"].search(text)
    if prediction:
        return "prediction", f"future/prediction cue '{prediction.group()}'"
    if opinion and fastre.search(r"\b(?:I|my|we)\b", text):
        return "opinion", f"first-person opinion cue '{opinion.group()}'"
    if author_side:
        return "opinion", "author commentary"
    return "fact", "declarative sentence"


class StatementStage:
    name, version = NAME, VERSION
    requires = ("document.text", "document.blocks")
    assigns = ("document.statements",)

    def __init__(self, ontology: Ontology) -> None:
        self.onto = ontology

    def __call__(self, doc: Document) -> Document:
        doc.statements = [self._statement(doc, s, e) for s, e in split_sentences(doc.text, doc.blocks)]
        return doc

    def _statement(self, doc: Document, start: int, end: int) -> Statement:
        text = doc.text[start:end]
        block = doc.block_at(start)
        kind = block.kind if block else None
        voice = block.voice if block else "author"
        source = block.label if block and block.voice == "quoted" else None
        speaker = find_attribution(text)
        reason = f"in {kind or 'body'} block"
        if speaker:
            voice = "quoted"
            reason += f"; attributed to {speaker}"
            source = source or speaker
        stance, why = classify_stance(text, kind, self.onto)
        return Statement(
            text=text,
            start=start,
            end=end,
            voice=voice,
            stance=stance,
            source=source,
            speaker=speaker,
            block=kind,
            stage=stage(self),
            reason=f"{reason}; {why}",
        )
