"""Plain typed records that flow through Frontlines: no I/O, no third-party imports.

One record type per concept, from extractor to store to API to export:

    Document  a report (blog post, wire story, feed item) with its structural blocks
    Block     a span of the document: title, dateline, quote, update, commentary, comments, body
    Mention   an actor, place, date or quantity found in the text, with offsets and its resolution
    Statement a sentence with its voice (author | quoted), stance and reporting source
    Event     an ACLED-style event; ACLED's column names wherever ACLED has a column

Every extracted fact carries character offsets into ``Document.text``, the ``stage`` that made it
(``name@version``) and a short human ``reason``.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from functools import lru_cache
from itertools import pairwise
from typing import Any, Literal
from urllib.parse import urlsplit

__all__ = [
    "ACLED_COLUMNS",
    "ControlChange",
    "EVENT_COLUMNS",
    "GENRES",
    "MENTION_KINDS",
    "MODALITIES",
    "STANCES",
    "VOICES",
    "Block",
    "Document",
    "Event",
    "LedgerEntry",
    "Mention",
    "NonEvent",
    "Relation",
    "Statement",
    "content_hash",
    "http_url",
]

MentionKind = Literal["actor", "place", "date", "quantity"]
Voice = Literal["author", "quoted"]
Stance = Literal["fact", "opinion", "prediction", "question", "hypothetical"]
Modality = Literal["asserted", "claimed", "uncertain", "negated", "future", "hypothetical"]
Genre = Literal["report", "note"]
BlockKind = Literal["title", "dateline", "body", "quote", "update", "commentary", "comments", "furniture"]

MENTION_KINDS: tuple[str, ...] = ("actor", "place", "date", "quantity")
# What kind of text a document is. A report (news, blog post, press release: the default) tells incidents among
# aggregates, background, deployments and commentary, which the extractor sets aside. A note (an ACLED coder's note,
# an event dataset's snippet, an incident log's line) is written about one incident its source has already counted as
# an event, so a note that tells it as an aggregate, an ongoing situation, a deployment or a deed spread over towns it
# does not name still codes it (``pipeline/events/eventhood.py``, NOTE_KEEPS).
GENRES: tuple[str, ...] = ("report", "note")
VOICES: tuple[str, ...] = ("author", "quoted")
STANCES: tuple[str, ...] = ("fact", "opinion", "prediction", "question", "hypothetical")
MODALITIES: tuple[str, ...] = (
    "asserted",
    "claimed",
    "uncertain",
    "negated",
    "future",
    "hypothetical",
)
# time_precision as ACLED codes it: 1 = day, 2 = week, 3 = month (we add 4 = year for aggregates)
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 4}


def content_hash(text: str) -> str:
    """Stable identity of a document's content (idempotent ingest)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass
class Block:
    """A structural span of a document; each block knows its voice."""

    kind: BlockKind
    start: int
    end: int
    voice: Voice = "author"
    label: str | None = None  # e.g. "UPDATE 2" or the quoted outlet
    reason: str | None = None  # why the span is this kind ("headline or link line: no sentence ends it")

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Mention:
    """An actor, place, date or quantity in the text and what it resolved to."""

    text: str
    start: int
    end: int
    kind: MentionKind
    canonical: str | None = None
    id: str | None = None  # actor id, place id ("geonames:2210247" / "curated:ras-lanuf"), ISO date
    stage: str = ""
    reason: str = ""
    confidence: float = 1.0
    # places
    latitude: float | None = None
    longitude: float | None = None
    country: str | None = None  # ISO 3166 alpha-2
    admin1: str | None = None
    feature: str | None = None  # city | admin1 | admin2 | country | region | relative | landmark
    gazetteer_id: int | None = None  # GeoNames id where the place comes from GeoNames
    geo_precision: int | None = None  # ACLED 1-3
    anchor: str | None = None  # for relative places: the anchor place's canonical name
    # dates
    date: str | None = None  # ISO YYYY-MM-DD (start of the period)
    date_end: str | None = None  # ISO end of a range, when a range
    time_precision: int | None = None
    # quantities
    value: int | None = None
    # actors
    actor_type: str | None = None

    _KIND_FIELDS = {
        "place": (
            "latitude",
            "longitude",
            "country",
            "admin1",
            "feature",
            "gazetteer_id",
            "geo_precision",
            "anchor",
        ),
        "date": ("date", "date_end", "time_precision"),
        "quantity": ("value",),
        "actor": ("actor_type", "country"),
    }

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "kind": self.kind,
            "canonical": self.canonical,
            "id": self.id,
            "stage": self.stage,
            "reason": self.reason,
            "confidence": round(self.confidence, 3),
        }
        for name in self._KIND_FIELDS.get(self.kind, ()):
            out[name] = getattr(self, name)
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Mention:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Statement:
    """A sentence: who is speaking (author or quoted report), its stance and source."""

    text: str
    start: int
    end: int
    voice: Voice = "author"
    stance: Stance = "fact"
    source: str | None = None  # reporting outlet or speaker ("Reuters", "security officials")
    speaker: str | None = None
    block: str | None = None  # kind of the block it sits in
    stage: str = ""
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Statement:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


# ACLED's own column order (current schema, the columns we fill), then ours.
ACLED_COLUMNS: tuple[str, ...] = (
    "event_id",
    "event_date",
    "year",
    "time_precision",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "notes",
    "fatalities",
)
EXTRA_COLUMNS: tuple[str, ...] = (
    "actor1_id",
    "actor2_id",
    "modality",
    "voice",
    "confidence",
    "document_id",
    "cameo_code",
    "speaker",
    "fatalities_aggregate",
    "date_fallback",
    "location_anchor",
    "reason",
    "stage",
)
EVENT_COLUMNS: tuple[str, ...] = ACLED_COLUMNS + EXTRA_COLUMNS


@dataclass
class Event:
    """An ACLED-style event extracted from one document (fusion links events across documents)."""

    event_id: str
    event_date: str | None  # YYYY-MM-DD
    time_precision: int | None
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    assoc_actor_1: str | None = None
    actor2: str | None = None
    assoc_actor_2: str | None = None
    country: str | None = None  # country name, as ACLED
    admin1: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int = 0
    source: str | None = None
    notes: str = ""  # the evidence sentence
    actor1_id: str | None = None
    actor2_id: str | None = None
    modality: Modality = "asserted"
    voice: Voice = "author"
    evidence: dict[str, int] = field(default_factory=lambda: {"start": 0, "end": 0})
    confidence: float = 0.5
    document_id: str | None = None
    cameo_code: str | None = None
    speaker: str | None = None
    fatalities_aggregate: bool = False  # "100 fighters have died since May"
    date_fallback: bool = False  # dated by the publication date only
    location_anchor: str | None = None  # "70 km east of Sirte" -> "Sirte"
    reason: str = ""
    stage: str = ""

    @property
    def year(self) -> int | None:
        return int(self.event_date[:4]) if self.event_date else None

    def to_dict(self) -> dict[str, Any]:
        # plain attribute reads: dataclasses.asdict deep-copies every value and was most of an export's time
        out = {name: getattr(self, name) for name in _event_field_names()}
        out["evidence"] = dict(self.evidence)
        out["year"] = self.year
        out["confidence"] = round(self.confidence, 3)
        return out

    def to_row(self) -> dict[str, Any]:
        """A flat row in ``EVENT_COLUMNS`` order (CSV, SQL)."""
        data = self.to_dict()
        return {col: data.get(col) for col in EVENT_COLUMNS}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@lru_cache(maxsize=1)
def _event_field_names() -> tuple[str, ...]:
    return tuple(f.name for f in fields(Event))


@dataclass
class NonEvent:
    """An event frame that did not become an event, with the rule and reason that decided it: an aggregate,
    an ongoing situation, a deployment, a description, an earlier incident told as background, ..."""

    start: int  # the sentence's offsets in the document
    end: int
    trigger: str
    rule: str
    category: str
    reason: str
    sub_event_type: str | None = None
    stage: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Document:
    """A report and everything extracted from it."""

    id: str
    text: str
    title: str | None = None
    published: date | None = None
    source: str | None = None  # outlet or blog name
    url: str | None = None
    format: str = "text"  # text | html | feed | jsonl | csv
    genre: Genre = "report"  # GENRES: what kind of text it is, which decides how its frames are read
    blocks: list[Block] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    non_events: list[NonEvent] = field(default_factory=list)
    # what one pipeline stage tells a later one (working state: neither in the extraction contract nor stored)
    outlets: list[str] = field(default_factory=list)  # news outlets the text names (ingest)
    wire_dateline: tuple[int, int] | None = None  # span of "CAIRO, Feb 16 (Reuters) -": where it was filed (ingest)
    country_focus: list[str] = field(default_factory=list)  # ISO2 codes of the countries it is about, first first (places)
    meta: dict[str, Any] = field(default_factory=dict)
    stages: list[str] = field(default_factory=list)  # "name@version" applied, in order

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    def block_at(self, offset: int) -> Block | None:
        """The first block holding ``offset``. Blocks in order and apart (as ingest makes them) are found by
        bisection over their starts, indexed once per list of blocks: a long report's thousands of blocks are
        not scanned again for each of its sentences (issue 14)."""
        blocks = self.blocks
        key = (id(blocks), len(blocks), id(blocks[-1]) if blocks else 0)
        index = self.__dict__.get("_block_starts")
        if index is None or index[0] != key:
            ordered = all(a.start <= a.end <= b.start for a, b in pairwise(blocks))
            index = (key, [b.start for b in blocks] if ordered else None)
            self.__dict__["_block_starts"] = index
        starts = index[1]
        if starts is None:
            return next((b for b in blocks if b.start <= offset < b.end), None)
        i = bisect_right(starts, offset) - 1
        return blocks[i] if i >= 0 and offset < blocks[i].end else None

    def document_header(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "source": self.source,
            "url": self.url,
            "format": self.format,
            "genre": self.genre,
            "content_hash": self.content_hash,
            "blocks": [b.to_dict() for b in self.blocks],
            "stages": list(self.stages),
        }

    def to_dict(self) -> dict[str, Any]:
        """The extraction contract (docs/extraction.schema.json)."""
        return {
            "document": self.document_header(),
            "mentions": [m.to_dict() for m in self.mentions],
            "statements": [s.to_dict() for s in self.statements],
            "events": [e.to_dict() for e in self.events],
            "non_events": [n.to_dict() for n in self.non_events],
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        """Rebuild a document from ``to_dict`` output plus its ``text``."""
        head = data["document"]
        published = head.get("published")
        return cls(
            id=head["id"],
            text=data.get("text", head.get("text", "")),
            title=head.get("title"),
            published=date.fromisoformat(published) if published else None,
            source=head.get("source"),
            url=head.get("url"),
            format=head.get("format", "text"),
            blocks=[Block(**b) for b in head.get("blocks", [])],
            mentions=[Mention.from_dict(m) for m in data.get("mentions", [])],
            statements=[Statement.from_dict(s) for s in data.get("statements", [])],
            events=[Event.from_dict(e) for e in data.get("events", [])],
            non_events=[NonEvent(**n) for n in data.get("non_events", [])],
            stages=list(head.get("stages", [])),
        )


def http_url(value: str | None) -> str | None:
    """The URL when it is an absolute http(s) link, else None: a ``javascript:``, ``data:`` or ``file:`` URL must
    never be stored or become a clickable link."""
    if not value:
        return None
    text = value.strip()
    try:
        parts = urlsplit(text)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return None if any(ord(c) < 32 or c.isspace() for c in text) else text


# -- cross-document analysis records (frontlines.analysis): derived from stored documents, kept by the store ------
@dataclass
class LedgerEntry:
    """A prediction, intention, threat, denial or claim from one sentence: who said it, when, about whom and what,
    the outcome it expects (or denies) and by when, and how likely the speaker says it is."""

    entry_id: str  # "<document_id>:<sentence start>"
    document_id: str
    kind: str  # prediction | intention | threat | denial | claim
    sentence: str
    start: int
    end: int
    said_on: str | None = None  # ISO date the statement was published
    source: str | None = None  # the outlet that carried it
    speaker: str | None = None  # who said it: a quoted official, a party, the outlet or the author
    speaker_kind: str = "author"  # quoted | outlet | author
    actors: list[str] = field(default_factory=list)
    actor_ids: list[str] = field(default_factory=list)
    places: list[str] = field(default_factory=list)
    outcome: str | None = None  # capture | withdrawal | attack | agreement | arrest
    negated: bool = False  # the speaker says it will not happen (or did not)
    due: str | None = None  # ISO date the outcome is due, where a horizon is stated
    horizon: str | None = None  # the words that state it ("within days")
    probability: float | None = None  # the likelihood the speaker's words give it
    cue: str = ""
    reason: str = ""
    stage: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> LedgerEntry:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class ControlChange:
    """A place changing hands (or said to be held) on a date, on the evidence of one event or sentence."""

    place: str
    date: str | None
    holder: str | None  # who holds it after
    kind: str  # capture | transfer | withdrawal | statement
    document_id: str | None = None
    event_id: str | None = None
    holder_id: str | None = None
    previous: str | None = None  # who lost it
    previous_id: str | None = None
    country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    modality: str = "asserted"
    source: str | None = None
    evidence: str = ""
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ControlChange:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})


@dataclass
class Relation:
    """A dated, evidence-linked edge between two actors: fighting, alliance, support, arms, basing, request,
    recognition, mediation, agreement, sanctions; with the modality of the sentence that states it."""

    actor1: str
    actor2: str
    kind: str
    date: str | None
    document_id: str | None = None
    actor1_id: str | None = None
    actor2_id: str | None = None
    modality: str = "asserted"
    event_id: str | None = None
    evidence: str = ""
    start: int | None = None
    end: int | None = None
    reason: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Relation:
        names = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})
