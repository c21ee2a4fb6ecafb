"""The claims and predictions ledger: every prediction, intention, threat, denial and claim a document carries
becomes a ``LedgerEntry`` (who said it, when, about whom and what, the outcome expected or denied, by when and how
likely); later events in the store decide it (``verdict``); speakers and sources get a track record.

A sentence is an entry when one of the ledger's cue words (knowledge/data/ledger.yaml) is in it, tried kind by
kind: denial, threat, intention, prediction, claim. A sentence the extractor made an event from is that event's
report, and so is one that names an incident (an event trigger of the ontology: "killed", "captured",
"air strike"), not an entry, unless a cue in it is more than an attribution ("said", "according to") or a bare modal
("could", "will"): "five soldiers were killed, officials said" is an event; "the army denied it shelled the town"
and "rebels vowed to retake the town within days" are entries.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlsplit

from frontlines.errors import KnowledgeError
from frontlines.knowledge.actors import get_actor_kb
from frontlines.knowledge.ledger_words import KINDS, LedgerWords, get_ledger_words
from frontlines.knowledge.ontology import Ontology, get_ontology
from frontlines.model import Document, Event, LedgerEntry, Mention, Statement

__all__ = ["STATUSES", "TrackRecord", "Verdict", "ledger_entries", "track_records", "verdict"]

STAGE = "frontlines.ledger@1"
STATUSES = ("confirmed", "refuted", "open")
SETTLING_MODALITIES = frozenset({"asserted"})
CLAIM_WINDOW_DAYS = 7  # a claim about what happened is borne out by a report of it this many days either side
_MIN_WORDS = 5
_PAGE_FURNITURE = frozenset({"furniture", "comments"})
# the events that make a sentence their report; a sentence whose only events are `claimed` is a party's claim
# ("rebels claimed to have captured Brega"): the event list keeps it as claimed, the ledger checks it
_TOLD_MODALITIES = frozenset({"asserted", "uncertain"})
_SPEAKING = re.compile(
    r"(?P<speaker>(?:[\w'’.()-]+ ){0,9}?[\w'’.()-]+),? (?:has |have |had |also |later |then |now |on \w+ |again |are |is |was |were )?"
    r"(?:accus|den(?:y|ie)|vow|warn|threat|claim|announc|declar|proclaim|said|says|say\b|told|tells|insist|blam|"
    r"assert|reject|dismiss|refut|allege|stated|predict|expect|fear|reveal|gave|agreed|describ|denounc|broadcast|"
    r"sound(?:ed|ing)? the alarm|maintain|(?:took|takes|accepted|assumed) responsibility|"
    r"(?:released|issued|published|put out) (?:a |an )?(?:\w+ )?(?:statement|communiqu[eé]|video|message))", re.IGNORECASE)
_NOT_A_SUBJECT = re.compile(r"\b(?:it|was|were|is|are|been|be|that|which|who|there|this|we|you|not|has|have|had|will|"
                            r"would|can|could|\w+n[’']t)\b", re.IGNORECASE)
# after these verbs of saying, the words that make them passive ("blamed for", "warned to", "accused of", "told to")
_PASSIVE = {stem: re.compile(rf"\w*\s+(?:{words})\b", re.IGNORECASE)
            for stem, words in (("blam", "for|by|on"), ("warn", "to|by"), ("accus", "of|by"), ("told", "to|by"))}
_OPENS_QUOTE = re.compile(r"^\s*[“\"]")
_CLOSES_QUOTE = re.compile(r"[”\"]")
_DANGLING = re.compile(r"\b(?:in|of|from|to|at|the|a|an|with|for|on|by|into)$", re.IGNORECASE)  # a clause, cut
_APPOSITION = re.compile(r"\s+[—–]\s+[^—–]{1,80}?\s+[—–]\s+")
_TIME_TAIL = re.compile(r"\s+(?:on (?:\w+day|\w+ \d+)|yesterday|today|earlier|later|also|throughout the day|"
                        r"this week|last week|in a statement)$", re.IGNORECASE)
_ROLE = re.compile(r"\b(?:spokes(?:man|woman|person)|officials?|commanders?|colonel|general|major|captain|lieutenant|ministry|ministers?|government|army|military|"
                   r"forces|group|militias?|rebels|insurgents|police|sources?|residents?|witness(?:es)?|leaders?|chief|"
                   r"president|officers?|statement|council|authorities|media|outlets?|agency|jihadists|militants|fighters|troops|"
                   r"soldiers|separatists|activists?|protesters|opposition|station|party|side|sides)\b", re.IGNORECASE)
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "this", "that", "there", "later", "however", "but"})
_NEGATION = re.compile(r"\b(?:not|no|never|won[’']t|cannot|can[’']t|nothing)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
# a claim cue that nobody makes: "no one has yet claimed responsibility", "there was no immediate claim", "did
# not say" (what comes before the cue, up to three words after the negation)
_DISOWNED = re.compile(r"\b(?:no|no one|nobody|none|not|never|yet to)\b(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
# a clause that dates what the sentence told before it: "after", "before", "since" or "following" and up to 80
# characters of that clause, up to the cue ("..., which came a day after the Houthis" agreed to); a comma, a
# bracket, a dash or "as", "while", "when", "but", "because" opens another clause ("hours after capturing it as
# security forces were" preparing to)
_DATING = re.compile(r"\b(?:after|before|since|following)\b(?:(?!\b(?:as|while|when|whereas|but|because)\b)"
                     r"[^,;:()—–]){0,80}$", re.IGNORECASE)
# a claim cue in a clause that says someone did not comment on what was said ("there was no immediate comment from
# the group over the claims", "the spokesman had yet to respond to these claims"): it refers to a claim told
# elsewhere ("did not comment on the attack, but had vowed ..." is another clause)
_NO_COMMENT = re.compile(r"(?:\bno (?:immediate |official )?(?:comment|response|reaction)|\bdeclined to comment|"
                         r"\b(?:did not|didn[’']t|has yet to|had yet to|have yet to|was not available to) "
                         r"(?:respond|comment|react))\b(?:(?!\bbut\b)[^;])*$", re.IGNORECASE)
# a wish is no prediction ("Hopefully it will get its comeuppance!"), nor a fear felt ("fled in fear of the
# militants", "we haven't slept from the fear of dying"; "fears that they will" is one)
_WISH = re.compile(r"^\W*(?:hopefully|let(?:[’']s| us) hope|i hope|we hope|if only)\b", re.IGNORECASE)
_FELT = re.compile(r"\b(?:in|from|out of|for|with)\s+(?:the\s+)?$", re.IGNORECASE)
# what a claim cue claims when it claims only a toll: "(claims) to have killed 100", "(claimed) that it had killed
# at least 30", "(claiming) 12 dead"
_TOLL = re.compile(r"\s+(?:(?:to have|that (?:it|they|he|she|its \w+|their \w+) (?:had |has |have )?)\s*)?"
                   r"(?:(?:killed|killing|shot dead|wounded)\s+)?(?:at least |about |around |some |more than |over |"
                   r"up to |as many as |nearly |almost )?(?:\d[\d,]*|(?:\w+ )?(?:dozen|hundred)s?|scores)\b"
                   r"(?:\s+(?:of )?(?:the |their |its )?\w+)?(?:\s+(?:dead|killed|wounded|casualties))?", re.IGNORECASE)
# a semicolon between two clauses that each stand alone: not before "that ...", a quotation or a participle, which
# go on with the clause before it ("messages about the attack; that it was ...; “killing at least 4 ...”")
# where a sentence turns to another speaker: ", but", "while", "whereas"
_OTHER_SPEAKER = re.compile(r",? but\b|\bwhile\b|\bwhereas\b", re.IGNORECASE)
_SEMICOLON = re.compile(r";\s+(?!(?:that|which|who|whom|whose|and|or|but|nor|\w+ing)\b|[“\"‘'(\[])", re.IGNORECASE)
_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_BY_DATE = re.compile(rf"\bby (?:the end of )?(?P<month>{'|'.join(_MONTHS)})(?: (?P<day>\d{{1,2}}))?\b", re.IGNORECASE)


# -- from a document to entries --------------------------------------------------------------------------
def ledger_entries(doc: Document, words: LedgerWords | None = None, ontology: Ontology | None = None) -> list[LedgerEntry]:
    """The ledger entries of one processed document, one per sentence (or clause of a sentence joined by
    semicolons) at most, in text order."""
    words, ontology = words or get_ledger_words(), ontology or get_ontology()
    event_spans = [(e.evidence.get("start", 0), e.evidence.get("end", 0)) for e in doc.events
                   if e.modality in _TOLD_MODALITIES]
    entries = []
    for st, (speaker, kind_of_speaker) in _clauses(doc, _speakers(doc)):
        found = _kind(st, words, _has_event(st, event_spans), [h.start for h in ontology.find_triggers(st.text)])
        if found and st.block in _PAGE_FURNITURE and words.reporting_only.fullmatch(found[1]) \
                and not _names_someone(doc, st):
            found = None  # a sidebar headline about no actor or place ("Company X reports revenue")
        if found is None:
            continue
        kind, cue = found
        speaker, kind_of_speaker = _cue_speaker(doc, st, cue, (speaker, kind_of_speaker))
        if kind == "claim" and words.reporting_only.fullmatch(cue) and not _takes_a_side(speaker, kind_of_speaker, words):
            continue
        entries.append(_entry(doc, st, kind, cue, speaker, kind_of_speaker, words, ontology))
    return entries


def _clauses(doc: Document, speakers: list[tuple[str | None, str]]
             ) -> Iterable[tuple[Statement, tuple[str | None, str]]]:
    """Each sentence, or each clause of one whose clauses are joined by semicolons ("Claims by the army put its dead
    at 17; the army struck back with air strikes"), with its speaker: a clause that names its own ("...; the
    rebels denied it") has that one, the others the sentence's."""
    for st, said_by in zip(doc.statements, speakers, strict=True):
        cuts = [m.end() for m in _SEMICOLON.finditer(st.text)]
        parts = [(a, b) for a, b in zip([0, *cuts], [*cuts, len(st.text)], strict=True)]
        if len(parts) < 2 or any(len(st.text[a:b].split()) < _MIN_WORDS for a, b in parts):
            yield st, said_by
            continue
        for a, b in parts:
            text = st.text[a:b].strip()
            at = st.start + a + (len(st.text[a:b]) - len(st.text[a:b].lstrip()))
            clause = replace(st, text=text, start=at, end=at + len(text))
            if st.speaker and st.speaker in text:
                yield clause, said_by
                continue
            subject = _spoken_by(text)
            yield clause, ((_named(doc, clause, subject), "quoted") if subject and subject.lower() not in _PRONOUNS
                           else said_by)


def _spoken_by(text: str) -> str | None:
    """The subject of the first verb of saying ("X — an opposition leader — claimed" -> "X"), cleaned; none where
    the verb is passive, for its subject is the one accused or warned ("Houthis blamed for Aden attack", "Residents
    warned to stay in homes", "the commander was accused of")."""
    plain = _APPOSITION.sub(" ", text)
    m = _SPEAKING.search(plain)
    passive = next((p for stem, p in _PASSIVE.items() if m and m.group().lower().endswith(stem)), None)
    if m is None or passive is not None and passive.match(plain, m.end()):
        return None
    pronoun = re.search(r"\b(?:he|she|they|it)$", m.group("speaker"), re.IGNORECASE)  # "..., in which he" asserted
    return _clean_subject(m.group("speaker")) or (pronoun.group().lower() if pronoun else None)


def _cue_speaker(doc: Document, st: Statement, cue: str, said_by: tuple[str | None, str]) -> tuple[str | None, str]:
    """Where two speakers share a sentence ("Hamas warned that ... while the army spokesman said ...", "the rebels
    announced 9 dead, but colonel X said it was fake news"), the one who speaks in the cue's clause."""
    at = st.text.find(cue)
    cuts = [0, *(m.end() for m in _OTHER_SPEAKER.finditer(st.text)), len(st.text)]
    if at < 0 or len(cuts) < 3:
        return said_by
    lo, hi = next((a, b) for a, b in zip(cuts, cuts[1:], strict=False) if a <= at < b)
    if st.speaker and st.speaker in st.text[lo:hi]:
        return said_by
    subject = _spoken_by(st.text[lo:hi])
    if not subject or subject.lower() in _PRONOUNS:
        return said_by
    return _named(doc, st, subject), "quoted"


def _speakers(doc: Document) -> list[tuple[str | None, str]]:
    """Each sentence's speaker; a quotation's opening sentences take the speaker named where it closes
    ("'We will get to the river soon. We are 3 km away,' the commander told Rudaw")."""
    out: list[tuple[str | None, str]] = []
    last: str | None = None
    for st in doc.statements:
        speaker, kind = _speaker(doc, st, last)
        if kind == "quoted":
            last = speaker
        out.append((speaker, kind))
    for i, st in enumerate(doc.statements):
        if out[i][1] == "quoted" or not _OPENS_QUOTE.match(st.text) or _CLOSES_QUOTE.search(st.text[1:]):
            continue
        for j in range(i + 1, min(i + 4, len(out))):
            if _CLOSES_QUOTE.search(doc.statements[j].text):
                if out[j][1] == "quoted" and out[j][0] != "unnamed speaker":
                    out[i] = out[j]
                break
    return out


def _names_someone(doc: Document, st: Statement) -> bool:
    return any(st.start <= m.start and m.end <= st.end and m.kind in ("actor", "place") for m in doc.mentions)


def _has_event(st: Statement, spans: Sequence[tuple[int, int]]) -> bool:
    return any(st.start <= start < st.end or start <= st.start < end for start, end in spans)


def _kind(st: Statement, words: LedgerWords, has_event: bool, incidents: Sequence[int]) -> tuple[str, str] | None:
    """(kind, cue) of the first kind whose cue is in the sentence and, where the sentence carries an event,
    is more than an attribution or a bare modal; where it only names an incident (``incidents``: where its event
    triggers start), more than a reporting word. A negated claim cue ("no one has claimed") makes no claim; a cue
    in a clause that dates an incident named before it is that incident's background, not a statement of its own."""
    if len(st.text.split()) < _MIN_WORDS or words.boilerplate.search(st.text):
        return None
    if st.stance == "question":
        return None
    names_incident = bool(incidents)
    for kind in KINDS:
        cues = [m.group() for m in words.kinds[kind].finditer(st.text)
                if (kind != "claim" or not (_DISOWNED.search(st.text[max(0, m.start() - 40):m.start()])
                                            or _NO_COMMENT.search(st.text, 0, m.start())
                                            or _claims_a_toll(st.text, m.start(), m.end(), incidents)))
                and not _dates_an_incident(st.text, m.start(), incidents)
                and (kind != "prediction" or not (_WISH.match(st.text) or _FELT.search(st.text, 0, m.start())))]
        if not cues:
            continue
        weak = _weak(kind, words, has_event, names_incident)
        if weak is not None:
            cues = [c for c in cues if not weak.fullmatch(c)]
            if not cues:
                continue
        return kind, cues[0]
    return None


def _dates_an_incident(text: str, at: int, incidents: Sequence[int]) -> bool:
    """The cue at ``at`` lies in a clause that only says when an incident named before it happened: "the
    demonstration, which came a day after the rebels agreed to withdraw", "the town was shelled hours after the
    militia vowed revenge"."""
    m = _DATING.search(text, 0, at)
    return m is not None and any(start < m.start() for start in incidents)


def _claims_a_toll(text: str, start: int, end: int, incidents: Sequence[int]) -> bool:
    """The claim cue at ``start:end`` claims only the toll of an incident the sentence names before it: "the army
    struck back with air strikes and claims to have killed 100 of the attackers" tells the strikes, with the
    army's count (as "five were killed, officials said" tells the killing)."""
    return bool(_TOLL.match(text, end)) and any(at < start for at in incidents)


def _takes_a_side(speaker: str | None, kind_of_speaker: str, words: LedgerWords) -> bool:
    """A named party or its spokesman, not a witness, an official source, a medic or a news agency."""
    return bool(speaker) and kind_of_speaker == "quoted" and not words.observers.search(speaker or "")


def _weak(kind: str, words: LedgerWords, has_event: bool, names_incident: bool) -> re.Pattern[str] | None:
    """The cues that do not make an entry of this kind of the sentence: attributions and bare modals where the
    extractor made an event of it, reporting words where it names an incident; every denial counts."""
    if kind == "denial":
        return None
    if kind != "claim":
        return words.weak_future if has_event else None
    return words.attribution_only if has_event else words.reporting_only if names_incident else None


def _speaker(doc: Document, st: Statement, last_quoted: str | None) -> tuple[str | None, str]:
    """(who said it, quoted | outlet | author)."""
    if st.speaker and st.speaker.lower() in _PRONOUNS:
        return (_named_before(doc, st, st.speaker) or last_quoted or "unnamed speaker"), "quoted"
    named = _clean_subject(st.speaker) if st.speaker else None
    if named:
        return _named(doc, st, named), "quoted"
    subject = _spoken_by(st.text)
    if subject and subject.lower() not in _PRONOUNS:
        return _named(doc, st, subject), "quoted"
    if subject and subject.lower() in ("he", "she", "they", "it"):
        found = _named_before(doc, st, subject) or last_quoted
        if found:
            return found, "quoted"
    if _outlet_quoted(st):
        return st.source, "outlet"
    return _outlet(doc), "author"


def _named_before(doc: Document, st: Statement, pronoun: str) -> str | None:
    """Whom a speaking pronoun refers to when the sentence opens with them: "President X giving a speech on Monday,
    in which he asserted" -> X, "When Al Shabaab entered the town, they warned" -> Al Shabaab (an actor named in the
    sentence's first 40 characters, a person for "he" or "she", a group for "they" or "it"; none after a
    quotation)."""
    at = re.search(rf"\b{re.escape(pronoun)}\b", st.text, re.IGNORECASE)
    if at is None or re.search(r"[“”\"]", st.text[:at.start()]):
        return None  # after a quotation the pronoun is its speaker's, named in another sentence
    person = pronoun.lower() in ("he", "she")
    actor = next((m for m in doc.mentions if m.kind == "actor" and st.start <= m.start <= st.start + 40
                  and m.end <= st.start + at.start() and _is_person(m) == person), None)
    return (actor.canonical or actor.text) if actor else None


def _is_person(m: Mention) -> bool:
    try:
        return bool(m.id) and get_actor_kb().get(m.id or "").type == "person"
    except KnowledgeError:
        return False


def _outlet_quoted(st: Statement) -> str | None:
    """The outlet a quoted block names ("(Reuters) -"), not the speaker the statement stage also calls source."""
    return st.source if st.source and st.source != st.speaker else None


def _clean_subject(text: str) -> str | None:
    """The speaking noun phrase: the last clause before the verb ("On Sunday, the army said" -> "army"), without
    time words ("the army on Sunday"); a lower-case phrase only when it names a role ("a spokesman"), never a
    verb phrase or words inside a quotation."""
    text = re.split(r"[,;:“”\"]|\bbut\b|\band\b(?= [A-Z])|\bwhile\b|\bas\b|\bwhere\b|\bwhen\b|\b(?:al)?though\b", text)[-1].strip(" .()")
    for _ in range(2):  # "and on Thursday officials" -> "officials"
        text = re.sub(r"^(?:the|a|an|meanwhile|however|later|earlier|also|and|but|for its part|(?:on|last|this) \w+day,?|"
                      r"yesterday|today|i (?:just )?(?:heard|saw|read))\s+", "", text, flags=re.I)
    text = _TIME_TAIL.sub("", re.sub(r"^\w+ly\s+", "", text)).strip()  # "Naturally both sides" -> "both sides"
    if not text or len(text.split()) > 8 or _NOT_A_SUBJECT.search(text) or _DANGLING.search(text):
        return None
    if not text[0].isupper() and not _ROLE.search(text):
        return None
    return text


def _named(doc: Document, st: Statement, speaker: str) -> str:
    """The actor a speaker phrase names, when an actor mention lies in it ("an LNA spokesman" -> the LNA's
    canonical name stays with the phrase), else the phrase."""
    at = st.text.find(speaker)
    if at < 0:
        return speaker
    lo, hi = st.start + at, st.start + at + len(speaker)
    actor = next((m for m in doc.mentions if m.kind == "actor" and lo <= m.start and m.end <= hi and m.canonical), None)
    if actor is None or speaker.strip().lower() == actor.text.lower():
        return actor.canonical if actor and actor.canonical else speaker
    return speaker


def _outlet(doc: Document) -> str | None:
    if doc.source:
        return doc.source
    host = urlsplit(doc.url).netloc if doc.url else ""
    return host.removeprefix("www.") or None


def _entry(doc: Document, st: Statement, kind: str, cue: str, speaker: str | None, speaker_kind: str,
           words: LedgerWords, ontology: Ontology) -> LedgerEntry:
    inside = [m for m in doc.mentions if st.start <= m.start and m.end <= st.end]
    actors = _unique((m.canonical or m.text, m.id) for m in inside if m.kind == "actor")
    places = _unique((m.canonical or m.text, m.id) for m in inside if m.kind == "place" and m.feature != "relative")
    said_on = doc.published
    outcome, negated = _outcome(st.text, words, ontology, after=max(0, st.text.find(cue)))
    horizon, due = _horizon(st.text, said_on, words) if kind in ("prediction", "intention", "threat") else (None, None)
    probability = _probability(st.text, words) if kind in ("prediction", "intention", "threat") else None
    reason = f"{kind} cue '{cue}'"
    if outcome:
        reason += f"; expects {'no ' if negated else ''}{outcome}"
    if horizon:
        reason += f" by {due or '?'} ('{horizon}')"
    return LedgerEntry(
        entry_id=f"{doc.id}:{st.start}", document_id=doc.id, kind=kind, sentence=st.text, start=st.start, end=st.end,
        said_on=said_on.isoformat() if said_on else None, source=_outlet_quoted(st) or _outlet(doc),
        speaker=speaker, speaker_kind=speaker_kind, actors=[a for a, _ in actors], actor_ids=[i for _, i in actors if i],
        places=[p for p, _ in places], outcome=outcome, negated=negated or kind == "denial", due=due,
        horizon=horizon, probability=probability, cue=cue, reason=reason, stage=STAGE,
    )


def _unique(pairs: Iterable[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    seen: dict[str, str | None] = {}
    for name, ref in pairs:
        seen.setdefault(name, ref)
    return list(seen.items())


def _outcome(text: str, words: LedgerWords, ontology: Ontology, after: int = 0) -> tuple[str | None, bool]:
    """(the first outcome named in what the cue at ``after`` says, else in the sentence; whether it is negated just
    before): an outcome word, else an event trigger of the ontology whose sub-event type settles an outcome
    ("bombed" -> attack). What follows the cue is what is claimed or expected: "the biggest losses of the war, while
    officials were claiming they had retaken the city" expects a capture, not an attack."""
    if after:
        found = _outcome(text[after:], words, ontology)
        if found[0] is not None:
            return found
    best: tuple[int, str] | None = None
    for outcome in words.outcomes:
        m = outcome.words.search(text)
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), outcome.kind)
    if best is None:
        for hit in ontology.find_triggers(text):
            kind = next((o.kind for o in words.outcomes if hit.trigger.sub_event_type in o.settled_by), None)
            if kind:
                best = (hit.start, kind)
                break
    if best is None:
        return None, False
    return best[1], bool(_NEGATION.search(text[max(0, best[0] - 40):best[0]]))


def _horizon(text: str, said_on: date | None, words: LedgerWords) -> tuple[str | None, str | None]:
    m = _BY_DATE.search(text)
    if m and said_on:
        month = _MONTHS.index(m.group("month").lower()) + 1
        day = int(m.group("day")) if m.group("day") else 28
        year = said_on.year + (1 if (month, day) < (said_on.month, said_on.day) else 0)
        try:
            return m.group(), date(year, month, min(day, 31 if month != 2 else 28)).isoformat()
        except ValueError:
            return m.group(), None
    for pattern, days in words.horizons:
        found = pattern.search(text)
        if found:
            return found.group(), (said_on + timedelta(days=days)).isoformat() if said_on else None
    return None, None


def _probability(text: str, words: LedgerWords) -> float | None:
    for pattern, probability in words.likelihood:
        if pattern.search(text):
            return probability
    return None


# -- deciding entries with later events --------------------------------------------------------------------
@dataclass
class Verdict:
    status: str  # confirmed | refuted | open
    events: list[str] = field(default_factory=list)  # the event ids that decided it
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"status": self.status, "events": list(self.events), "reason": self.reason}


def window(entry: LedgerEntry, as_of: date) -> tuple[str, str] | None:
    """The dates whose events can decide the entry, or None when nothing can (no date, no outcome)."""
    if not entry.said_on or not entry.outcome:
        return None
    said = date.fromisoformat(entry.said_on)
    if entry.kind in ("claim", "denial"):
        return (said - timedelta(days=CLAIM_WINDOW_DAYS)).isoformat(), (said + timedelta(days=CLAIM_WINDOW_DAYS)).isoformat()
    end = date.fromisoformat(entry.due) if entry.due else as_of
    return said.isoformat(), min(end, as_of).isoformat()


def verdict(entry: LedgerEntry, events: Iterable[Event], as_of: date, words: LedgerWords | None = None) -> Verdict:
    """Confirmed, refuted or open, given the stored events that might decide it (``events``: any superset of those
    in ``window``; the ones that count are asserted events of another document, of a sub-type that settles the
    outcome, in the window, at one of the entry's places or with one of its actors; a capture only when taken by a
    side the entry names, where it names any)."""
    words = words or get_ledger_words()
    span = window(entry, as_of)
    if span is None:
        return Verdict("open", reason="no date or no checkable outcome")
    settled_by = next(o.settled_by for o in words.outcomes if o.kind == entry.outcome)
    sides = _sides(entry.actor_ids) if entry.outcome == "capture" else set()
    deciding = [e.event_id for e in events if _decides(entry, e, span, settled_by, sides)]
    expects = not entry.negated
    if deciding:
        status = "confirmed" if expects else "refuted"
        return Verdict(status, deciding[:10], f"{len(deciding)} later report(s) of {entry.outcome} at its place or actors")
    if entry.kind in ("prediction", "intention", "threat") and entry.due and entry.due < as_of.isoformat():
        status = "refuted" if expects else "confirmed"
        return Verdict(status, [], f"no {entry.outcome} reported by {entry.due}")
    return Verdict("open", reason=f"no {entry.outcome} reported yet" if expects else "nothing reported against it")


def _sides(actor_ids: Iterable[str]) -> set[str]:
    """The actors and the sides they stand for: each actor, its parent and who fights for it ("Gaddafi" and his
    forces are one side)."""
    kb, out = get_actor_kb(), set()
    for actor_id in actor_ids:
        out.add(actor_id)
        try:
            actor = kb.get(actor_id)
        except KnowledgeError:
            continue
        out.update(i for i in (actor.parent, kb.armed_wing(actor).id) if i)
    return out


def _decides(entry: LedgerEntry, event: Event, span: tuple[str, str], settled_by: frozenset[str],
             sides: set[str]) -> bool:
    if event.document_id == entry.document_id or event.modality not in SETTLING_MODALITIES:
        return False
    if not event.event_date or not span[0] <= event.event_date <= span[1] or event.sub_event_type not in settled_by:
        return False
    if entry.outcome == "capture" and sides and event.actor1_id and not _sides([event.actor1_id]) & sides:
        return False  # a place taken by a side the entry does not name decides nothing about the sides it names
    places = {p.lower() for p in entry.places}
    at_place = bool(places) and bool({(event.location or "").lower(), (event.admin1 or "").lower()} & places)
    with_actor = bool(set(entry.actor_ids) & {event.actor1_id, event.actor2_id})
    return at_place or (with_actor and not places)


# -- track records ---------------------------------------------------------------------------------------------
@dataclass
class TrackRecord:
    who: str
    entries: int = 0
    confirmed: int = 0
    refuted: int = 0
    open: int = 0
    brier: float | None = None  # mean (p - outcome)^2 over decided entries with a stated likelihood
    scored: int = 0  # how many entries the Brier score is over

    def to_dict(self) -> dict[str, Any]:
        decided = self.confirmed + self.refuted
        return {"who": self.who, "entries": self.entries, "confirmed": self.confirmed, "refuted": self.refuted,
                "open": self.open, "share_confirmed": round(self.confirmed / decided, 3) if decided else None,
                "share_refuted": round(self.refuted / decided, 3) if decided else None,
                "share_open": round(self.open / self.entries, 3) if self.entries else None,
                "brier": None if self.brier is None else round(self.brier, 4), "scored": self.scored}


def track_records(judged: Iterable[tuple[LedgerEntry, Verdict]], by: str = "speaker") -> list[TrackRecord]:
    """Per speaker (or per ``source``): entries confirmed, refuted, open, and a Brier score where a likelihood is
    stated, most entries first."""
    if by not in ("speaker", "source"):
        raise ValueError(f"track records are by speaker or source, not {by!r}")
    records: dict[str, TrackRecord] = {}
    squares: dict[str, list[float]] = defaultdict(list)
    for entry, judged_as in judged:
        who = getattr(entry, by) or "unknown"
        record = records.setdefault(who, TrackRecord(who))
        record.entries += 1
        setattr(record, judged_as.status, getattr(record, judged_as.status) + 1)
        if entry.probability is not None and judged_as.status != "open":
            # the probability is the speaker's for the statement as made (negation included) coming true
            squares[who].append((entry.probability - (1.0 if judged_as.status == "confirmed" else 0.0)) ** 2)
    for who, values in squares.items():
        records[who].brier, records[who].scored = sum(values) / len(values), len(values)
    return sorted(records.values(), key=lambda r: (-r.entries, r.who))


def entry_mentions(doc: Document, entry: LedgerEntry) -> list[Mention]:
    """The mentions inside an entry's sentence (for showing its evidence)."""
    return [m for m in doc.mentions if entry.start <= m.start and m.end <= entry.end]
