"""Actor resolution in document context.

Dictionary matches already carry an actor id. Here the rest is resolved, in reading order so that
coreference works: NER names through the transliteration-aware knowledge base ("Hifter" -> Haftar),
descriptions against the actors mentioned before them ("the militants" -> the last armed non-state
actor), generic phrases against the document's country ("security forces" -> Military Forces of
Libya). Validity dates are checked against the publication date. An alias that two countries' entries
share is decided by the country of the sentence or the document. A named armed group that the knowledge
base lacks ("the Hamza Brigade", "a Movement for the Defence of X") becomes an open-world actor under its
own name with the document's country (id ``new.``, reason "not in the actor knowledge base"); other
unresolvable NER names are kept as unresolved actor mentions (id None) so that analysts see them.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from datetime import date
from itertools import islice

from frontlines import fastre
from frontlines.knowledge.actors import Actor, ActorKB, ActorMatch
from frontlines.knowledge.groups import group_name, group_type
from frontlines.model import Document, Mention
from frontlines.pipeline.base import content_version, stage
from frontlines.pipeline.mentions.spans import Spans

__all__ = ["ActorStage"]

NAME, VERSION = "frontlines.actors", content_version(__name__)

# "forces loyal to <actor>", "fighters backing the UN-backed government", "militias allied with Haftar",
# "gunmen from Boko Haram", "members of the Taliban":
# the armed men of that actor, as one mention.
_ALLEGIANCE = fastre.compile(
    r"\b(?:forces|(?:pro-government |government )?fighters|troops|militias?|militiamen|units|brigades|gunmen|soldiers|armed men|"
    r"armed groups?|tribesmen|militants|insurgents|jihadists|members|warplanes|(?:fighter )?jets|aircraft|planes|"
    r"helicopters|gunships|drones)\s+(?:who are\s+|that are\s+)?(?:loyal to|aligned "
    r"(?:with|to)|allied (?:to|with)|backing|supporting|backed by|affiliated (?:to|with)|under the command of|commanded by|"
    r"led by|fighting for|fighting on behalf of|belonging to|linked to|from|of)"
    r"\s+(?:the\s+)?(?:[\w-]+['’]s\s+)?(?:(?:eastern|western|rival|Tripoli-based|east-based|[A-Z][a-z]+(?:an|ese|i|ish))\s+)?"
    r"(?:(?:commander|general|Gen\.?|Maj\.? Gen\.?|strongman|(?:rebel |military |army )?leader|prime minister|president|former president|"
    r"(?:renegade |military )?commander|warlord|colonel|Col\.?|field marshal|dictator|ruler|chief|Marshal)\s+){0,2}$",
    re.IGNORECASE,
)


# an allegiance that tells a partner, not who the men are ("Congolese troops backed by Wazalendo militiamen")
_PARTNERSHIP = fastre.compile(r"\b(?:backed by|backing|supporting|allied|aligned)\b", re.IGNORECASE)

# a state's unit named by words any state's could bear ("the Presidential Guard", "Republican Guard", "special forces")
_UNIT_NAME = fastre.compile(r"(?i:(?:the\s+)?(?:presidential|republican|national|royal|special|elite|border|rapid|reserve|"
                            r"mobile|counter-terrorism|anti-terrorism)(?:\s+(?:guards?|forces?|police|units?|brigades?|battalions?|"
                            r"intervention|corps|army))+)")
_SHORT_ACRONYM = fastre.compile(r"[A-Z]{2,4}")

# "Gadhafi's forces", "Haftar’s fighters": a leader's armed men
_POSSESSED = fastre.compile(r"['’]s?\s+(?:forces|troops|fighters|militias?|militiamen|loyalists|men|army|soldiers|gunmen|"
                            r"air ?force|warplanes|jets|tanks|artillery|snipers|regime)\b")

# "X, a Misrata brigade allied to ...": the allegiance describes X, named just before
_APPOSITION = fastre.compile(r"\w,\s+(?:a|an|one of the)\s+(?:[\w-]+\s+){0,3}$", re.IGNORECASE)



# armed men named by the people they come from ("armed youths from the Murle community", "gunmen of the Pokot tribe")
_COMMUNITY_FIGHTERS = fastre.compile(
    r"\b(?:[Aa]rmed (?:youths?|men|young men)|[Yy]ouths|[Gg]unmen|[Rr]aiders|[Ff]ighters|[Mm]ilitiamen|[Yy]oung men) "
    r"(?:from|of|belonging to) the (?P<people>[A-Z][\w'-]+(?: [A-Z][\w'-]+)?) (?:community|communities|tribe|ethnic group|clan)\b")

_NON_STATE_ARMED = {"rebel_group", "political_militia", "identity_militia"}

# fighters named by a bare plural noun: with no group named anywhere near, an unidentified armed group
_UNNAMED_FIGHTERS = fastre.compile(r"(?i:jihadists|militants|insurgents|extremists|terrorists|Islamists|"
                                   r"(?:jihadist|Islamist|extremist|insurgent|militant) fighters)")

# "suspected jihadists", "suspected Islamist militants", "suspected cartel members": the report does not know who
# they were; ACLED codes an unidentified armed group, not a group named elsewhere in the report
_SUSPECTED = fastre.compile(r"\b(?:suspected|presumed|alleged|unidentified|unknown)\s+(?:[\w-]+\s+)?$", re.IGNORECASE)


# "security forces" is ACLED's army unless a police officer tells the sentence ("..., the provincial police chief
# said", "according to a police spokeswoman"): its security forces are then the police. "police said" alone is the
# wire's usual credit for a joint operation ("killed in an encounter with security forces in Kulgam, police said")
_VAGUE_FORCES = fastre.compile(r"(?:[\w-]+ )?security (?:forces|personnel)", re.IGNORECASE)
_POLICE_SOURCE = fastre.compile(r"\b(?:police|gendarmerie)\b.*\b(?:chiefs?|spokes(?:man|woman|person)|commissioner|commander|"
                                r"superintendent|inspector|director|head|officials?)\b", re.IGNORECASE)

# a people's name before words for its people ("a gathering of Tebu elders and residents", "Tuareg women and children"):
# civilians of that people, not its militia
_ITS_PEOPLE = fastre.compile(r"\s+(?:elders|residents|villagers|civilians|women|children|families|notables|worshippers|"
                             r"mourners|pilgrims|traders|students|"
                             # a people's name before the word for where its people live ("fired into the Tebu
                             # district of Shura", "a Fulani village"): the place of civilians, not the militia
                             r"district|neighbou?rhoods?|quarter|villages?|hamlets?|settlements?)\b")


class ActorStage:
    name, version = NAME, VERSION
    requires = ("document.text", "document.published", "document.statements", "document.mentions[actor,place]",
                "mention.place", "document.country_focus", "document.wire_dateline")
    assigns = ("document.mentions[actor]", "mention.actor")

    def __init__(self, kb: ActorKB) -> None:
        self.kb = kb

    def __call__(self, doc: Document) -> Document:
        ranked = doc.country_focus
        focus = ranked[0] if ranked else None
        recent: list[str] = []
        kept: list[Mention] = []
        pending: list[tuple[int, Mention, str | None]] = []  # anaphors with no antecedent yet
        where = self._sentence_countries(doc)
        named = Counter(p.country for p in doc.mentions if p.kind == "place" and p.country)
        most, times = named.most_common(1)[0] if named else (None, 0)
        if focus is not None and most is not None and most != focus and times >= 3 and named[focus] * 3 <= times:
            # the country whose places the report names three times as often as the focus's is what it is about
            # ("police" in Honiara are not Australia's, which "said it was sending" officers, nor China's, named once)
            focus, ranked = most, [most, *(c for c in ranked if c != most)]
        short = len(doc.statements) <= 3  # a note or a brief: its sentence's place is where things happened
        told_by = self._police_told(doc)
        for m in doc.mentions:
            if m.kind == "actor" and m.reason.startswith("generic:military") and told_by(m.start) \
                    and _VAGUE_FORCES.fullmatch(m.text):
                m.reason = m.reason.replace("generic:military", "generic:police", 1) + " (told by the police)"
            here = where(m.start) if m.kind == "actor" else None
            if m.kind == "actor" and m.reason.startswith("generic:") and not short and focus is not None and (
                    here is None or here not in ranked[:2] or named[here] < max(2, named[focus] / 2)):
                here = None  # a generic class takes the country the report is about, not a foreign place named once
            if m.kind == "actor" and m.reason == "description" and (here or focus) \
                    and _SUSPECTED.search(doc.text[max(0, m.start - 30):m.start]):
                self._unidentified(m, here or focus)  # type: ignore[arg-type]
                kept.append(m)
                continue
            if m.kind == "actor" and not self._resolve(m, doc.published, here or focus, recent, set(named)):
                if m.reason == "description":
                    pending.append((len(kept), m, here or focus))
                continue
            if m.kind == "actor" and m.actor_type == "identity_militia" and m.country \
                    and _ITS_PEOPLE.match(doc.text, m.end):
                self._people(m, m.country)
            if m.kind == "actor" and m.id:
                recent.append(m.id)
            kept.append(m)
        kept = self._cataphora(doc, kept, pending)
        doc.mentions = self._allegiances(doc, kept)
        return doc

    def _cataphora(self, doc: Document, kept: list[Mention], pending: list[tuple[int, Mention, str | None]]) -> list[Mention]:
        """An anaphor before any actor it could mean ("clashes between jihadists and the army ... the Islamic State
        affiliate claimed"): the first compatible actor named after it in the same report; bare "jihadists" or
        "militants" with no group named before or after are an unidentified armed group."""
        added: list[Mention] = []
        starts = [s.start for s in doc.statements]
        for at, m, country in pending:
            ahead = list(islice((k for k in islice(kept, at, None)  # the first 8: no scan to the end
                                 if k.kind == "actor" and k.id and not k.id.startswith("gen.")), 8))
            later = [k.id for k in ahead if k.id]
            match = self.kb.resolve_description(m.text, on=doc.published, country=country, recent=later[::-1])
            if match is not None and match.method == "description" and match.score <= 0.7 \
                    and self._named_with_another(match.actor.id, ahead, starts):
                match = None  # "militants attacked ... Islamic State's Sahel branch and JNIM have killed hundreds":
                # the groups a later sentence names together, neither of them the one who did it
            if match is not None and match.method == "description" and match.score <= 0.7:
                self._apply(m, match, country)
                m.reason = match.reason.replace("refers back to", "refers forward to")
                added.append(m)
            elif country and _UNNAMED_FIGHTERS.fullmatch(m.text):  # "Jihadists killed 12 soldiers", no group named
                actor = self.kb.generic("unidentified", country)
                m.canonical, m.id, m.actor_type, m.country = actor.name, actor.id, actor.type, country
                m.confidence, m.stage = 0.6, stage(self)
                m.reason = f"'{m.text}': armed men the report names no group for"
                added.append(m)
        return sorted(kept + added, key=lambda x: (x.start, -x.end)) if added else kept

    def _named_with_another(self, actor_id: str | None, ahead: list[Mention], starts: list[int]) -> bool:
        """Whether the first mention of ``actor_id`` ahead shares its sentence with another non-state armed group."""
        first = next((k for k in ahead if k.id == actor_id), None)
        if first is None:
            return False
        sentence = bisect_right(starts, first.start)
        return any(k.id != actor_id and k.actor_type in _NON_STATE_ARMED and bisect_right(starts, k.start) == sentence
                   and not self._related(actor_id, k.id) for k in ahead)

    def _related(self, one: str | None, other: str | None) -> bool:
        """One group the other's branch or parent ("Islamic State" and its Sahel province)."""
        a, b = self.kb.get(one or ""), self.kb.get(other or "")
        return a.parent == b.id or b.parent == a.id or a.name == b.name

    def _unidentified(self, m: Mention, country: str) -> None:
        actor = self.kb.generic("unidentified", country)
        m.canonical, m.id, m.actor_type, m.country = actor.name, actor.id, actor.type, country
        m.confidence, m.stage = 0.6, stage(self)
        m.reason = f"'{m.text}' told as suspected: armed men the report does not name"

    def _people(self, m: Mention, country: str) -> None:
        actor = self.kb.generic("civilians", country)
        m.canonical, m.id, m.actor_type, m.country = actor.name, actor.id, actor.type, country
        m.stage = stage(self)
        m.reason = f"'{m.text}' naming the people of the words after it: civilians, not its militia"

    @staticmethod
    def _police_told(doc: Document) -> Callable[[int], bool]:
        """offset -> whether that offset's sentence is told by the police (its source or speaker)."""
        starts = [s.start for s in doc.statements]

        def told(offset: int) -> bool:
            i = bisect_right(starts, offset) - 1
            st = doc.statements[i] if i >= 0 else None
            return st is not None and offset < st.end and any(
                _POLICE_SOURCE.search(who) for who in (st.source, st.speaker) if who)
        return told

    @staticmethod
    def _sentence_countries(doc: Document) -> Callable[[int], str | None]:
        """offset -> the country of the places named in that offset's sentence, when they agree ("Islamic State
        targets in Derna" in a report filed from Cairo is the Libyan branch); one pass over the document."""
        starts = [s.start for s in doc.statements]
        wire = doc.wire_dateline or (-1, -1)  # "CAIRO, Feb 16 (Reuters) -": where it was filed
        countries: dict[int, set[str]] = {}
        for p in doc.mentions:
            if p.kind == "place" and p.country and not wire[0] <= p.start < wire[1]:
                i = bisect_right(starts, p.start) - 1
                if i >= 0 and p.start < doc.statements[i].end:
                    countries.setdefault(i, set()).add(p.country)

        def where(offset: int) -> str | None:
            found = countries.get(bisect_right(starts, offset) - 1, set())
            return next(iter(found)) if len(found) == 1 else None
        return where

    def _allegiances(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """Merge "forces loyal to" + a resolved actor into one mention of the actor's armed wing."""
        merged: list[Mention] = self._community_fighters(doc)
        dropped: list[Mention] = []
        for m in mentions:
            if m.kind != "actor" or not m.id:
                continue
            found = _ALLEGIANCE.search(doc.text, max(0, m.start - 90), m.start)
            owned = _POSSESSED.match(doc.text, m.end) if m.actor_type == "person" else None
            if owned is not None:  # "Gadhafi's forces": the leader's armed men
                actor = self.kb.armed_wing(self.kb.get(m.id))
                merged.append(Mention(
                    doc.text[m.start:owned.end()], m.start, owned.end(), "actor", canonical=actor.name, id=actor.id,
                    actor_type=actor.type, country=actor.country, stage=stage(self), confidence=min(m.confidence, 0.85),
                    reason=f"armed men of {m.canonical or m.text} ('{owned.group().strip()}')"))
                continue
            if found is None:
                continue
            if _APPOSITION.search(doc.text, max(0, found.start() - 40), found.start()):
                dropped.append(m)  # "the Third Force, a brigade allied to the GNA": whom it backs, not a party here
                continue
            actor = self.kb.armed_wing(self.kb.get(m.id))
            merged.append(Mention(
                doc.text[found.start():m.end], found.start(), m.end, "actor", canonical=actor.name, id=actor.id,
                actor_type=actor.type, country=actor.country, stage=stage(self), confidence=min(m.confidence, 0.85),
                reason=f"armed men of {m.canonical or m.text} ('{found.group().strip()}')",
            ))
        if not merged and not dropped:
            return mentions
        spans = Spans((x.start, x.end) for x in merged)
        gone: dict[tuple[int, int], list[Mention]] = {}  # compared only with the dropped at the same place
        for m in dropped:
            gone.setdefault((m.start, m.end), []).append(m)
        # a mention the allegiance covers, or one whose head noun opens it ("ex-Seleka fighters" in "ex-Seleka
        # fighters of the UPC"): the group named in the allegiance is who they are
        heads = [x.start for x in merged if not _PARTNERSHIP.search(x.reason)]
        kept = [m for m in mentions if m not in gone.get((m.start, m.end), ())
                and not (m.kind == "actor" and (spans.covers(m.start, m.end) or any(m.start < h < m.end for h in heads)))]
        return sorted(kept + merged, key=lambda x: (x.start, -x.end))

    def _community_fighters(self, doc: Document) -> list[Mention]:
        """"Armed youths from the Murle community", "gunmen of the Pokot tribe": the people's militia the actor base
        names ("Murle militia"), as one mention."""
        found: list[Mention] = []
        for hit in _COMMUNITY_FIGHTERS.finditer(doc.text):
            people = hit.group("people")
            match = self.kb.resolve(f"{people} militia", on=doc.published)
            if match is None or match.actor.type != "identity_militia" or match.method != "alias":
                continue
            actor = match.actor
            found.append(Mention(hit.group(), hit.start(), hit.end(), "actor", canonical=actor.name, id=actor.id,
                                 actor_type=actor.type, country=actor.country, stage=stage(self), confidence=0.8,
                                 reason=f"armed men of the {people} people: {actor.name}"))
        return found

    def _resolve(self, m: Mention, on: date | None, focus: str | None, recent: list[str],
                 placed: set[str] | None = None) -> bool:
        """Fill ``m`` in place; False when the mention should be dropped."""
        if m.id:  # dictionary match: the entry this country means, localised ("IS" in a Libyan report), validity
            actor = self.kb.get(m.id)
            if len(self.kb.candidates(m.text)) > 1:  # "Taliban" in 2022 is Afghanistan's army; "ANP" in Kabul its police
                actor = self.kb.choose(m.text, on=on, country=focus) or actor
            if on and actor.valid_from and on < actor.valid_from:
                earlier = self._forces_of_the_day(actor, on) or self._same_name_of_the_day(actor, on)
                if earlier is None:
                    return False  # "TPLF" in 2017 is the ruling party, not the rebel group formed in 2020
                m.reason += f"; {actor.name} is later than {on.isoformat()}: the state's forces of the day"
                actor = earlier
            if on and actor.type == "person" and actor.valid_until and on > actor.valid_until:
                m.canonical, m.id, m.reason = actor.name, None, m.reason + f"; after his time ({actor.valid_until}): named, no party"
                return True
            if _SHORT_ACRONYM.fullmatch(m.text) and focus and actor.country and not actor.operates_in(focus) \
                    and actor.country not in (placed or ()):
                return False  # "PNC" in an Algerian report is not Congo's police: an acronym of a country no place is in
            if _UNIT_NAME.fullmatch(m.text) and focus and actor.type == "state_forces" and actor.country \
                    and actor.country != focus and actor.country not in (placed or ()):
                # "the presidential guard" in a report on Burkina Faso is Burkina Faso's, not Libya's of that name
                kind = "police" if "police" in m.text.lower() else "military"
                m.reason, m.country = f"generic:{kind} (a unit's name, '{m.text}', of the country the report is about)", focus
                return self._generic(m, focus, on)
            actor = self.kb.localise(actor, focus)
            m.id, m.canonical, m.country, m.actor_type = actor.id, actor.name, actor.country, actor.type
            if on and not actor.active_on(on):
                m.confidence = min(m.confidence, 0.5)
                m.reason += f"; outside its validity dates on {on.isoformat()}"
            return True
        if m.reason.startswith("generic:"):
            return self._generic(m, focus, on)
        if m.reason.startswith("clan:"):
            return self._clan(m, focus, on)
        if m.reason == "description":
            match = self.kb.resolve_description(m.text, on=on, country=focus, recent=recent[-8:])
            return self._apply(m, match, focus)
        match = self.kb.resolve(m.text, on=on, country=focus)
        if match is None or match.score < 0.8:
            if m.actor_type == "norp":
                return False  # "Libyan", "Islamist": adjectives, not actors
            name = group_name(m.text)
            if name is not None:  # a named armed group the knowledge base lacks: an actor under its own name
                actor = self.kb.open_actor(name, focus, group_type(name))
                m.canonical, m.id, m.actor_type, m.country = actor.name, actor.id, actor.type, actor.country
                m.confidence, m.stage = 0.6, stage(self)
                m.reason += f"; a named armed group not in the actor knowledge base (country {focus or 'unknown'})"
                return True
            m.canonical, m.stage = m.text, stage(self)
            m.reason += "; not in the actor knowledge base"
            return True
        return self._apply(m, match, focus)

    def _clan(self, m: Mention, focus: str | None, on: date | None) -> bool:
        """A clan named as a side: the clan militia the knowledge base has ("Habar Gidir clan militia"), else its
        communal militia under ACLED's name ("Sikin Communal Militia (Papua New Guinea)")."""
        name = m.reason.split(":", 1)[1]
        match = self.kb.resolve(f"{name} clan militia", on=on, country=focus)
        if match is not None and match.score >= 0.8:
            return self._apply(m, match, focus)
        if focus is None:
            return False
        label = self.kb.generic("communal", focus).name.replace("Unidentified", name, 1)
        actor = self.kb.open_actor(label, focus, "identity_militia")
        m.canonical, m.id, m.actor_type, m.country = actor.name, actor.id, actor.type, actor.country
        m.confidence, m.stage = 0.6, stage(self)
        m.reason = f"the {name} clan: its communal militia, not in the actor knowledge base"
        return True

    def _forces_of_the_day(self, actor: Actor, on: date) -> Actor | None:
        """A state's forces named by an alias of a later period ("Ukrainian drones" before May 2019): the same
        forces of the day (the period's entry, else the generic class); None for anything but state forces."""
        parent = actor.parent or ""
        if actor.type != "state_forces" or not parent.startswith("gen.") or not actor.country:
            return None
        return self.kb.national(parent.split(".")[1], actor.country, on)

    def _same_name_of_the_day(self, actor: Actor, on: date) -> Actor | None:
        """The entry of the day under the same name ("RSF fighters" in 2021: the Rapid Support Forces as state forces,
        before the entry of their rebellion in 2023 that carries the alias)."""
        found = [self.kb.get(i) for i in self.kb.candidates(actor.name) if i != actor.id]
        found = [a for a in found if a.name == actor.name and a.active_on(on)]
        return found[0] if len(found) == 1 else None

    def _generic(self, m: Mention, focus: str | None, on: date | None) -> bool:
        kind = m.reason.split(":", 1)[1].split(" ", 1)[0]
        country = m.country or focus
        if country is None:
            return False
        actor = self.kb.national(kind, country, on)  # the state's forces of the period where the KB has them
        holder = self.kb.army_holding(country, on) if kind == "military" and "demonym" not in m.reason else None
        if holder is not None:  # unnamed "troops" in a territory with no army of its own: the army that holds it
            actor, country = holder, holder.country or country
        m.canonical, m.id, m.actor_type, m.country = actor.name, actor.id, actor.type, country
        m.confidence = 0.8 if m.country else 0.6
        m.stage = stage(self)
        m.reason = f"generic {kind} of {country}" + ("" if "demonym" in m.reason else " (document focus)")
        return True

    def _apply(self, m: Mention, match: ActorMatch | None, focus: str | None = None) -> bool:
        if match is None:
            return False
        actor = self.kb.localise(match.actor, focus)  # "UN peacekeepers" in Bangui are MINUSCA
        m.canonical, m.id, m.actor_type, m.country = actor.name, actor.id, actor.type, actor.country
        m.confidence, m.reason, m.stage = match.score, match.reason, stage(self)
        return True
