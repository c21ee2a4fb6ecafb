"""Event frames from the dependency parse: what the sentence's grammar says about one event predicate.

A trigger ("attacked", "the attack on", "clashes", "airstrikes") is read in its clause: the predicate that
governs it, that predicate's tense and aspect, negation anywhere above it, modal auxiliaries, an
infinitive's governor ("in a bid to retake", "vowed to attack"), the trigger noun's number and quantity
("more than 2,400 airstrikes", "a series of bombings"), and time adverbials of span or habit ("since
March", "over the last two months", "periodically"). ``eventhood.py`` decides from a frame whether it
reports a discrete incident that happened.

Only sentences with a trigger are parsed (``nlp.parser()``); a document's sentences go through the parser
in one batch.
"""

from __future__ import annotations

import re

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from frontlines.knowledge.eventhood import EventhoodLexicon
from frontlines.pipeline import nlp

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = ["Frame", "FrameReader", "frame_is_modifier", "frame_of"]


@dataclass(frozen=True)
class Frame:
    """The grammar of one event predicate in its sentence. Offsets are relative to the sentence."""

    sentence: str
    trigger: str
    lemma: str  # lemma of the trigger's head word
    pos: str  # its universal part of speech (NOUN, VERB, ...)
    tag: str  # its fine tag (NNS, VBD, ...)
    dep: str  # its relation to its head
    head_lemma: str  # lemma of the word it depends on
    governor_noun: str  # for "X of <trigger>", the lemma of X ("risk" in "the risk of attacks")
    prep_head: str  # for a trigger governed by a preposition, the lemma of the word the preposition hangs on
    prep_head_pos: str  # that word's universal part of speech ("NOUN" in "links to a battle")
    predicate: str  # lemma of the verb that carries the trigger's tense ('' when none: a headline fragment)
    predicate_tag: str  # that verb's fine tag
    perfect: bool  # has/have/had + participle
    progressive: bool  # is/are + -ing
    present: bool  # the predicate is in the present tense
    modal: str | None  # will, would, could, ... on the predicate or the trigger
    negation: str | None  # a negator on the trigger, its predicate or any word above them
    governor: str | None  # the word an infinitive trigger depends on ("bid" in "in a bid to retake")
    governor_finite: bool  # that governor is a verb of a deed told ("attempted to recapture", "had convened to
    # protest"; not "trying to capture")
    plural: bool  # the trigger is a plural noun
    count: int | None  # a number on the trigger noun ("five attacks")
    quantifier: str | None  # "series", "several", "earlier", ... on the trigger noun
    existential: bool  # "there were clashes"
    reported: bool  # the trigger is what a report is of ("there are reports of mortar fire")
    imperative: bool  # the sentence is a command to the reader ("Expect another round of fighting.")
    thinker: str | None  # a first-person verb of thought above the trigger ("I wonder if", "we expect")
    still: bool  # "still" on the trigger or its predicate ("areas still occupied by the group")
    pronoun_subject: bool  # the predicate's subject is a personal pronoun ("first they kill the men")
    modifiers: frozenset[str]  # lemmas of the verbs that modify the trigger noun ("a truce negotiated by ...")
    relative_subject: bool  # a relative clause trigger whose subject is the relative pronoun ("which were seized")
    marker: str | None  # the subordinator of the trigger's clause ("since" in "ever since IS was driven out")
    marker_head: str  # the lemma of the word that clause hangs on ("come" in "the protest came days after ...")
    possessor: str | None  # a possessive pronoun on the trigger noun ("their" in "taken their fight into Kenya")
    determiner: str | None  # the trigger noun's determiner ("these" in "the pain caused by these attacks")
    complement: str | None  # the verb an infinitive complement of the trigger names ("form" in "agreed to form")
    head_plural: bool  # the word the trigger depends on is a plural noun ("the places they captured")
    total_cue: str | None  # a running total ("so far", "in all", "to date") or an undated toll ("did not say when")
    span_cue: str | None  # a time span or habit in the sentence ("since March", "periodically")
    habit_cue: str | None  # a habit adverb ("regularly", "often")
    # the verb of an undated relative clause that tells what a named group did ("led" in "the Kivu Front, which
    # led the raid on the mine"); None elsewhere
    group_relative: str | None = None
    passive: bool = False  # the predicate is passive ("it was fought between ...")
    first_person: bool = False  # the predicate's subject is "I" or "we" ("as we fight to defeat this enemy")
    definite: bool = False  # the trigger noun has "the" or a possessive ("the battle", "its offensive")
    # a relative clause's antecedents, up the prepositions: "area", then "bombing" in "the truck bombing in a
    # residential area, which killed 15" (the parser hangs "which killed" on the nearest noun)
    antecedents: tuple[str, ...] = ()
    # the number and lemma of a counted plural object without a name ("two districts" in "captured two districts")
    counted_object: tuple[int, str] | None = None
    # the lowercased words of the predicate's subject ("one of the wounded" in "one of the wounded died later")
    subject_words: frozenset[str] = frozenset()
    # the lemmas the trigger's own prepositions take ("wound" in "succumbed to their wounds")
    prep_objects: frozenset[str] = frozenset()

    @property
    def nominal(self) -> bool:
        return self.pos in ("NOUN", "PROPN")


def frame_is_modifier(frame: Frame, lexicon: EventhoodLexicon, *, side_effect_type: bool = True) -> bool:
    """The trigger only modifies its clause: the backing of another deed or what it overcame ("backed by NATO
    airstrikes", "despite heavy shelling"), or a participle that tells a side effect ("fought a gun battle,
    blocking traffic") when its type is one a side effect has (``side_effect_type``: a protest or strategic
    development, not "pounding the town with artillery")."""
    words = lexicon.words
    if frame.nominal and frame.dep == "pobj" and (frame.head_lemma in words["modifying_preps"]
                                                 or frame.head_lemma == "by" and frame.prep_head in words["backing"]):
        return True
    if frame.dep == "xcomp" and frame.head_lemma in words["happened_governors"]:
        return False  # "continued protesting", "began shelling": the deed itself
    return side_effect_type and frame.pos == "VERB" and frame.tag == "VBG" and frame.dep in ("advcl", "acl", "xcomp")


class FrameReader:
    """Parses a document's candidate sentences once (batched) and reads frames off the cached parses."""

    def __init__(self, lexicon: EventhoodLexicon) -> None:
        self.lexicon = lexicon
        self._parses: dict[str, Doc] = {}
        self._facts: dict[str, _SentenceFacts] = {}  # what a sentence's frames share, read once per sentence

    def prepare(self, sentences: Sequence[str]) -> None:
        todo = [s for s in dict.fromkeys(sentences) if s not in self._parses]
        if todo:
            for text, parsed in zip(todo, nlp.parse(todo), strict=True):
                self._parses[text] = parsed

    def dates_another_clause(self, sentence: str, at: int, end: int, start: int, stop: int) -> bool:
        """Whether the date at ``sentence[at:end]`` sits in a relative or participial clause on a noun other than
        the trigger at ``sentence[start:stop]`` and apart from it: "protesters gathered to demand a vote on a draft law
        submitted in 2015", "a convoy bound for the camp opened in 2013". Such a date dates that clause's deed, not
        the trigger's ("the attack that killed five on Monday" still dates the attack)."""
        if sentence not in self._parses:
            self.prepare([sentence])
        parsed = self._parses[sentence]
        when, trigger = parsed.char_span(at, end, alignment_mode="expand"), parsed.char_span(start, stop,
                                                                                               alignment_mode="expand")
        if when is None or trigger is None:
            return False
        own = {t.i for t in trigger}
        for tok in (when.root, *when.root.ancestors):
            if tok.i in own:
                return False
            if tok.dep_ in ("acl", "relcl"):
                return tok.head.i not in own and not any(t.i in own for t in tok.subtree)
        return False

    def frame(self, sentence: str, start: int, end: int) -> Frame | None:
        """The frame of the trigger at ``sentence[start:end]``."""
        if sentence not in self._parses:
            self.prepare([sentence])
        parsed = self._parses[sentence]
        facts = self._facts.get(sentence)
        if facts is None:
            facts = self._facts[sentence] = _sentence_facts(parsed, self.lexicon, sentence)
        return frame_of(parsed, start, end, self.lexicon, facts)


@dataclass(frozen=True)
class _SentenceFacts:
    """What every frame of one sentence reads from the whole sentence."""

    text: str
    span_cue: str | None
    habit_cue: str | None
    total_cue: str | None
    imperative: bool
    negators: Mapping[int, str]  # a word's index -> the first negator among its children ("not", "no", "neither")
    heads: Sequence[int]  # each word's head, by index (the root its own)


def _sentence_facts(parsed: Doc, lexicon: EventhoodLexicon, text: str | None = None) -> _SentenceFacts:
    """``text`` is the parsed sentence's text when the caller has it (``Doc.text`` joins every token again)."""
    text, patterns = (parsed.text if text is None else text), lexicon.patterns
    span_cue, habit, total = (patterns[name].search(text) for name in ("span", "habit", "running_total"))
    columns = _columns(parsed)
    return _SentenceFacts(text, span_cue.group() if span_cue else None, habit.group() if habit else None,
                          total.group() if total else None, _imperative(parsed, columns),
                          _negators(parsed, columns), columns["HEAD"])


_COLUMNS = ("DEP", "LOWER", "IS_PUNCT", "IS_SPACE")


def _columns(parsed: Doc) -> dict[str, list[int]]:
    """The parse's values per word, as lists of ids read in one go (no Token made): ``_COLUMNS`` and HEAD, the
    index of each word's head."""
    if not len(parsed):
        return {name: [] for name in (*_COLUMNS, "HEAD")}
    values = parsed.to_array([*_COLUMNS, "HEAD"])
    out = {name: values[:, k].tolist() for k, name in enumerate(_COLUMNS)}
    out["HEAD"] = [i + offset for i, offset in enumerate(values[:, -1].astype("int64").tolist())]  # stored relative
    return out


def frame_of(parsed: Doc, start: int, end: int, lexicon: EventhoodLexicon,
             facts: _SentenceFacts | None = None) -> Frame | None:
    span = parsed.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    head = span.root
    while head.dep_ == "compound" and head.head is not head:
        head = head.head  # "a ceasefire agreement", "the car bomb attack": the phrase's head noun
    predicate = _predicate(head)
    kids = list(head.children)  # read a dozen times below: each walk of ``children`` makes every Token again
    pkids = list(predicate.children) if predicate is not None else []
    aux = [c for c in pkids if c.dep_ in ("aux", "auxpass")]
    aux_lemmas = {a.lemma_.lower() for a in aux}
    words = lexicon.words
    modal = next((a.text.lower() for a in aux if a.lemma_.lower() in words["modals"] or a.tag_ == "MD"), None)
    if modal is None:
        modal = next((c.text.lower() for c in kids if c.dep_ == "aux" and c.tag_ == "MD"), None)
    perfect = "have" in aux_lemmas
    progressive = "be" in aux_lemmas and predicate is not None and predicate.tag_ == "VBG"
    tense_word = next((a for a in aux if a.lemma_.lower() in ("have", "be", "do")), predicate)
    present = bool(tense_word is not None and tense_word.tag_ in ("VBZ", "VBP"))
    governor, governor_finite = _infinitive_governor(head)
    marker, marker_head = _marker(head, kids, predicate, pkids)
    count, quantifier = _quantity(head, kids, lexicon)
    facts = facts or _sentence_facts(parsed, lexicon)
    return Frame(
        sentence=facts.text, trigger=span.text, lemma=head.lemma_.lower(), pos=head.pos_, tag=head.tag_, dep=head.dep_,
        head_lemma=head.head.lemma_.lower(),
        governor_noun=head.head.head.lemma_.lower() if head.dep_ == "pobj" and head.head.lower_ == "of" else "",
        prep_head=head.head.head.lemma_.lower() if head.dep_ == "pobj" else "",
        prep_head_pos=head.head.head.pos_ if head.dep_ == "pobj" else "",
        predicate=predicate.lemma_.lower() if predicate is not None else "",
        predicate_tag=predicate.tag_ if predicate is not None else "", perfect=perfect, progressive=progressive,
        present=present, modal=modal, negation=_negation(head, kids, words["near_miss"], facts), governor=governor, governor_finite=governor_finite,
        plural=head.tag_ in ("NNS", "NNPS"), count=count, quantifier=quantifier,
        existential=bool(predicate is not None and any(c.dep_ == "expl" for c in pkids)),
        modifiers=frozenset(c.lemma_.lower() for c in kids if c.dep_ in ("acl", "amod", "relcl")),
        relative_subject=any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in ("which", "that", "who")
                             for c in kids),
        marker=marker, marker_head=marker_head,
        possessor=next((c.lower_ for c in kids if c.dep_ == "poss" and c.tag_ == "PRP$"), None),
        determiner=next((c.lower_ for c in kids if c.dep_ in ("det", "predet", "amod") and c.lower_ in ("these", "those", "such")), None),
        complement=next((c.lemma_.lower() for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None),
        pronoun_subject=predicate is not None and any(
            c.dep_ == "nsubj" and c.lower_ in ("they", "he", "she", "we", "it", "you") for c in pkids),
        imperative=facts.imperative, thinker=_thinker(head, words["thought"]), still=_still(head, kids, pkids),
        head_plural=head.head.tag_ in ("NNS", "NNPS") and head.head is not head,
        total_cue=facts.total_cue,
        reported=head.dep_ == "pobj" and head.head.lower_ == "of" and head.head.head.lemma_.lower() in words["report_nouns"],
        span_cue=facts.span_cue, habit_cue=facts.habit_cue,
        group_relative=_group_relative(head, lexicon.patterns["day_or_month"]),
        passive=predicate is not None and any(c.dep_ == "auxpass" for c in pkids),
        first_person=predicate is not None and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in pkids),
        definite=any(c.dep_ in ("det", "poss") and c.lower_ in ("the", "its", "their", "his", "her") for c in kids),
        counted_object=_counted_object(kids, lexicon), antecedents=_antecedents(head),
        subject_words=frozenset(w.lower_ for c in pkids if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree),
        prep_objects=frozenset(g.lemma_.lower() for c in kids if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"))


def _antecedents(tok: Token) -> tuple[str, ...]:
    """The lemmas of the noun a relative clause hangs on and of the nouns above it through prepositions."""
    if tok.dep_ != "relcl":
        return ()
    found, noun = [], tok.head
    for _ in range(4):
        found.append(noun.lemma_.lower())
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.head.head is noun.head:
            break
        noun = noun.head.head
    return tuple(found)


def _counted_object(kids: Sequence[Token], lexicon: EventhoodLexicon) -> tuple[int, str] | None:
    """A plural object of the trigger (``kids``: its children) counted and not named ("captured two districts";
    not "two districts, Doab and Kamdesh")."""
    for obj in kids:
        if obj.dep_ != "dobj" or obj.tag_ != "NNS":
            continue
        if any(t.pos_ == "PROPN" and t.dep_ != "compound" for t in obj.subtree):
            return None  # named ("two villages, Kolo and Nema"); a name on the noun is whose ("Al Shabaab targets")
        count = next((_number(c.text, lexicon.numbers) for c in obj.children if c.dep_ == "nummod"), None)
        if count is None and any(c.dep_ == "amod" and c.lower_ in ("several", "many", "numerous", "multiple")
                                 for c in obj.children):
            count = 2  # "seized several targets": more than one, none named
        return (count, obj.lemma_.lower()) if count else None
    return None


def _group_relative(tok: Token, dated: re.Pattern[str]) -> str | None:
    """The verb of the relative clause the trigger is told in, where that clause describes a named group by a
    deed of its own ("Boko Haram, which abducted the schoolgirls", "the Kivu Front, which led the raid") and
    gives no day or month of its own."""
    verb = tok if tok.dep_ == "relcl" else tok.head if tok.dep_ == "dobj" and tok.head.dep_ == "relcl" else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    group = verb.head  # one named group ("Boko Haram", "the Kivu Front"), not people of it ("party supporters")
    named = group.tag_ in ("NNP", "NN") and (
        group.pos_ == "PROPN" or any(c.dep_ in ("compound", "amod") and c.pos_ == "PROPN" for c in group.children))
    doer = any(c.dep_ == "nsubj" and c.lower_ in ("which", "who", "that") for c in verb.children)
    if not named or not doer:
        return None
    clause = verb.doc[verb.left_edge.i:verb.right_edge.i + 1].text
    return None if dated.search(clause) else verb.lemma_.lower()


def _marker(tok: Token, kids: Sequence[Token], predicate: Token | None,
            pkids: Sequence[Token]) -> tuple[str | None, str]:
    """The subordinator of the trigger's clause and the lemma of the word that clause hangs on ("after",
    "come" in "the protest came two days after the premier announced a ceasefire"); ``kids`` and ``pkids`` are
    the trigger's and the predicate's children."""
    for t, children in ((tok, kids), (predicate, pkids)):
        if t is None:
            continue
        for c in children:
            if c.dep_ == "mark":
                return c.lower_, t.head.lemma_.lower() if t.head is not t else ""
    return None, ""


def _imperative(parsed: Doc, columns: Mapping[str, list[int]]) -> bool:
    """A command to the reader: the root is a bare verb with no subject ("Expect ...", "Remember how ...")."""
    root_id = parsed.vocab.strings["ROOT"]
    if root_id not in columns["DEP"]:
        return False
    root = parsed[columns["DEP"].index(root_id)]
    first = next((i for i, (punct, space) in enumerate(zip(columns["IS_PUNCT"], columns["IS_SPACE"], strict=True))
                  if not punct and not space), -1)
    if root.tag_ != "VB" or root.i != first:
        return False
    if root.text.isupper() or any(c.dep_ in ("nsubj", "nsubjpass", "expl", "aux") for c in root.children):
        return False  # "ZANU youth leader X attacked ...": an acronym the tagger took for a verb
    # "Report that soldiers have been raping ...": a note's heading word, not a command
    return root.lemma_.lower() not in ("report", "update", "note", "source", "claim")


def _thinker(tok: Token, thought: frozenset[str]) -> str | None:
    for anc in tok.ancestors:
        if anc.lemma_.lower() in thought and any(c.dep_ == "nsubj" and c.lower_ in ("i", "we") for c in anc.children):
            return anc.lemma_.lower()
    return None


def _still(tok: Token, kids: Sequence[Token], pkids: Sequence[Token]) -> bool:
    """"still" on the trigger or its predicate, or "already" on an -ing participle ("the Kurds already fighting");
    ``kids`` and ``pkids`` are their children."""
    if tok.tag_ == "VBG" and any(c.lower_ == "already" for c in kids):
        return True
    return any(c.lower_ == "still" for c in (*kids, *pkids))


def _predicate(tok: Token) -> Token | None:
    """The verb that carries the trigger's tense: the nearest finite verb, or verb with auxiliaries, at or
    above the trigger ("attacked"; "clashes erupted"; "has carried out ... airstrikes")."""
    cur = tok
    for _ in range(8):
        if cur.pos_ in ("VERB", "AUX") and (cur.tag_ in ("VBD", "VBZ", "VBP", "MD")
                                          or any(c.dep_ in ("aux", "auxpass") for c in cur.children)):
            return cur
        if cur.head is cur:
            break
        cur = cur.head
    return cur if cur.pos_ in ("VERB", "AUX") else None


def _negators(parsed: Doc, columns: Mapping[str, list[int]]) -> dict[int, str]:
    """Each word's first negating child, by the word's index: "not" / "n't" (neg), "no" (det), "neither"
    (preconj); "not only" negates nothing. Read once per sentence, for every frame's ``_negation``."""
    strings = parsed.vocab.strings
    neg, det, preconj, no, neither, not_, only = (
        strings[w] for w in ("neg", "det", "preconj", "no", "neither", "not", "only"))
    lowers, heads = columns["LOWER"], columns["HEAD"]
    found: dict[int, str] = {}
    for i, (dep, lower) in enumerate(zip(columns["DEP"], lowers, strict=True)):
        if heads[i] == i or not (dep == neg or (dep == det and lower == no) or (dep == preconj and lower == neither)):
            continue
        if lower == not_ and i + 1 < len(lowers) and lowers[i + 1] == only:
            continue
        found.setdefault(heads[i], strings[lower])  # words in order: a head's first negating child wins
    return found


def _negation(tok: Token, kids: Sequence[Token], near_miss: frozenset[str], facts: _SentenceFacts) -> str | None:
    """A negator on the trigger or on any word above it ("no indication who had abducted them"), or a near miss
    on the trigger itself ("a couple was nearly abducted"); ``kids`` are the trigger's children."""
    near = next((c.lower_ for c in kids if c.dep_ == "advmod" and c.lower_ in near_miss), None)
    if near:
        return near
    at = tok.i
    for _ in range(10):  # the trigger and up to nine words above it
        word = facts.negators.get(at)
        if word is not None:
            return word
        if facts.heads[at] == at:
            break
        at = facts.heads[at]
    return None


def _infinitive_governor(tok: Token) -> tuple[str | None, bool]:
    """For a trigger that is a to-infinitive (or a noun object of one), the word it depends on."""
    verb = tok
    if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("dobj", "pobj") and tok.head.pos_ == "VERB":
        verb = tok.head if tok.dep_ == "dobj" else tok.head.head
    while verb.dep_ == "conj" and verb.tag_ == "VB" and verb.head.tag_ == "VB" and verb.head is not verb:
        verb = verb.head  # "agreed to disarm and withdraw": the second verb shares the first one's "to"
    if verb.tag_ != "VB" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None, False
    gov = verb.head
    if gov is verb:
        return None, False
    finite = gov.pos_ in ("VERB", "AUX") and gov.tag_ in ("VBD", "VBZ", "VBP", "VBN")  # "attempted", "had convened"
    return gov.lemma_.lower(), finite


def _quantity(tok: Token, kids: Sequence[Token], lexicon: EventhoodLexicon) -> tuple[int | None, str | None]:
    count, quantifier = None, None
    for c in kids:
        if c.dep_ == "nummod":
            count = _number(c.text, lexicon.numbers)
        elif c.dep_ in ("amod", "det", "quantmod") and c.lower_ in lexicon.words["quantifiers"]:
            quantifier = c.lower_
    # "a series of attacks", "dozens of airstrikes": the quantity is the head of "of"
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lower_ in lexicon.words["quantifiers"]:
        quantifier = tok.head.head.lower_
    return count, quantifier


def _number(text: str, numbers: Mapping[str, int]) -> int | None:
    t = text.lower().replace(",", "")
    if t.isdigit():
        return int(t)
    return numbers.get(t)
