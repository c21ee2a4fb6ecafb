"""The geoparse reading of a document: toponyms as geoparsing corpora (LGL, GeoVirus) tag them, beyond our spec.

Our extraction spec takes no demonym as a place (an "Iraqi soldier" says nothing of where an event happened) and
no name inside an organisation's name ("the U.S. Census Bureau"); the place stage never calls this module.
Geoparsing corpora tag both; :func:`geoparse_places` is that reading: the document's resolved places, each demonym
resolved to the country or region it derives from (or to a place of the same name the document resolved first, so
"Georgian" in a report about Georgia the US state stands there), and each country, continent or first-level region
of the document's leading country written inside another name.

A word is a demonym when it is no country or region by its own name ("Georgia", "Jordan" are places) and either the
curated table (``knowledge/data/demonyms.yaml``, through the actor base) names its country (a town of that name does
not count: "Canadian", Texas), or it is no place at all by its own name and is the name of a country, a first-level
region, a continent or a world region with an adjectival ending ("Minnesot-an", "Europe-an", "South Osseti-an",
"Iraq-i"). One rule, used by the geoparsing scorer to tell demonyms in the gold too.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from frontlines import fastre
from frontlines.knowledge.actors import ActorKB
from frontlines.knowledge.gazetteer import Gazetteer, Place
from frontlines.model import Document, Mention

__all__ = ["KINDS", "Toponym", "demonym_place", "demonym_places", "geoparse_places", "geoparse_toponyms", "inner_places"]

STAGE = "frontlines.geoparse.v1"

# adjectival endings, longest first; a stem plus "", "a", "e" or "ia" is looked up ("Canad-ian" -> Canada)
_ENDINGS = ("ians", "ans", "ese", "ish", "ian", "an", "is", "i", "n")
_RESTORE = ("", "a", "e", "ia")
_REGION_FEATURES = ("country", "admin1", "region", "continent")
# one capitalised word, or two when the first is a compass word or a country's first word ("Sri Lankan")
_CANDIDATE = fastre.compile(r"(?<![\w.])(?:(?:North|South|East|West|New|Sri|Saudi|Costa|Sierra|Puerto|El|Papua)\s)?"
                            r"[A-Z][a-z]{2,}(?!\w)")  # "Egyptian-US relations", "Arab-Israeli"


def demonym_place(word: str, gaz: Gazetteer, kb: ActorKB) -> Place | None:
    """The country or region ``word`` is a demonym of, or None (the rule in the module docstring)."""
    word = word.strip()
    own = [p for p in gaz.lookup(word) if not p.alias] if word[:1].isupper() else None
    if own is None or any(p.feature in _REGION_FEATURES for p in own):
        return None
    singular = word[:-1] if word.endswith("s") else word
    code = kb.country_for_demonym(word) or kb.country_for_demonym(singular)
    if code:  # the table's demonyms outrank a town of that name ("Canadian", Texas)
        return gaz.country(code)
    if own:
        return None
    for end in _ENDINGS:
        if not word.endswith(end) or len(word) <= len(end) + 3:
            continue
        stem = word[:-len(end)]
        found = [p for tail in _RESTORE for p in gaz.lookup(stem + tail)
                 if p.feature in _REGION_FEATURES and not p.alias]
        if found:
            return min(found, key=lambda p: (_REGION_FEATURES.index(p.feature), -p.population))
    return None


def _base_names(word: str, place: Place) -> Iterator[str]:
    yield place.name
    for end in _ENDINGS:
        if word.endswith(end):
            yield from (word[:-len(end)] + tail for tail in _RESTORE)


def demonym_places(doc: Document, gaz: Gazetteer, kb: ActorKB) -> list[Mention]:
    """Each demonym of the text that no resolved place of the document overlaps, as a place mention at the
    country or region it derives from, or at a place the document resolved under that name."""
    taken = [(m.start, m.end) for m in doc.mentions if m.kind == "place" and m.latitude is not None]
    resolved = {m.text: m for m in doc.mentions if m.kind == "place" and m.latitude is not None}
    found: list[Mention] = []
    for hit in _CANDIDATE.finditer(doc.text):
        start, end = hit.span()
        text = hit.group()
        place = demonym_place(text, gaz, kb)
        if place is None and " " in text:  # "South African": the compass word may belong to the demonym or not
            start, text = start + text.index(" ") + 1, text.split(" ", 1)[1]
            place = demonym_place(text, gaz, kb)
        if place is None or any(s < end and start < e for s, e in taken):
            continue
        same = next((resolved[n] for n in _base_names(text, place) if n in resolved), None)
        m = Mention(text=text, start=start, end=end, kind="place", stage=STAGE, confidence=0.5)
        if same is not None:
            m.canonical, m.id, m.country, m.admin1, m.feature = same.canonical, same.id, same.country, same.admin1, same.feature
            m.latitude, m.longitude = same.latitude, same.longitude
            m.reason = f"demonym '{text}' of {same.canonical}, the place the document names"
        else:
            m.canonical, m.id, m.country, m.admin1, m.feature = place.name, place.id, place.country, place.admin1, place.feature
            m.latitude, m.longitude = place.latitude, place.longitude
            m.reason = f"demonym '{text}' of {place.name} ({place.feature})"
        m.gazetteer_id = place.gazetteer_id if same is None else same.gazetteer_id
        found.append(m)
    return found


# a run of capitalised words, or a dotted abbreviation ("U.S.", "D.C."); its parts are tried longest first
_NAME_RUN = fastre.compile(r"(?<![\w.])(?:(?:[A-Z]\.){2,}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){0,3})(?!\w)")
_BROAD = ("country", "admin1", "continent")


def _broad(place: Place, text: str, leading: str | None) -> bool:
    """A country (by its name, or an abbreviation of it: "U.S.", "UK") or a continent, or a first-level region of
    the country the document is most about (so "West Coast" is no region of New Zealand in an American report)."""
    if place.alias:
        return place.feature == "country" and ("." in text or text.isupper())
    return place.feature in ("country", "continent") or (place.feature == "admin1" and place.country == leading)


def inner_places(doc: Document, gaz: Gazetteer, taken: list[tuple[int, int]]) -> list[Mention]:
    """Countries, first-level regions and continents written inside other names ("the U.S. Census Bureau", "Bank of
    Canada", "the Texas Department of Public Safety") that no span in ``taken`` overlaps: our spec leaves them out
    (they name an organisation, not a place), geoparsing corpora tag them. Each stands where the document resolved
    the same name, else where the gazetteer resolves it with the document's country focus."""
    resolved = {m.text: m for m in doc.mentions if m.kind == "place" and m.latitude is not None}
    focus = dict.fromkeys(doc.country_focus, 1.0)
    leading = doc.country_focus[0] if doc.country_focus else None
    found: list[Mention] = []
    for run in _NAME_RUN.finditer(doc.text):
        words = [(w.start() + run.start(), w.end() + run.start()) for w in fastre.finditer(r"\S+", run.group())]
        i = 0
        while i < len(words):
            for j in range(len(words), i, -1):
                start, end = words[i][0], words[j - 1][1]
                text = doc.text[start:end]
                if any(s < end and start < e for s, e in taken):
                    continue
                same = resolved.get(text)
                same = same if same is not None and same.feature in _BROAD else None
                match = gaz.resolve(text, countries=focus) if same is None else None
                if same is None and not (match is not None and _broad(match.place, text, leading)):
                    continue
                m = Mention(text=text, start=start, end=end, kind="place", stage=STAGE, confidence=0.5)
                if same is not None:
                    m.canonical, m.id, m.country, m.admin1, m.feature = (same.canonical, same.id, same.country,
                                                                        same.admin1, same.feature)
                    m.latitude, m.longitude, m.gazetteer_id = same.latitude, same.longitude, same.gazetteer_id
                    m.reason = f"'{text}' inside a name, as the document places it elsewhere"
                elif match is not None:
                    place = match.place
                    m.canonical, m.id, m.country, m.admin1, m.feature = (place.name, place.id, place.country,
                                                                        place.admin1, place.feature)
                    m.latitude, m.longitude, m.gazetteer_id = place.latitude, place.longitude, place.gazetteer_id
                    m.reason = f"'{text}' inside a name; {match.reason}"
                found.append(m)
                taken.append((start, end))
                i = j - 1
                break
            i += 1
    return found


ToponymKind = Literal["place", "demonym", "inner_name"]
KINDS: tuple[ToponymKind, ...] = ("place", "demonym", "inner_name")


@dataclass(frozen=True)
class Toponym:
    """One toponym of the geoparse reading: how it was read (``kind``: a place the extractor resolved, a demonym,
    or a name inside another name) and the resolved place mention."""

    kind: ToponymKind
    mention: Mention

    def to_dict(self) -> dict[str, Any]:
        """The one output shape (``frontlines geoparse``): surface text, offsets, kind, the place it resolved to and
        why."""
        m = self.mention
        return {"text": m.text, "start": m.start, "end": m.end, "kind": self.kind, "name": m.canonical,
                "feature": m.feature, "country": m.country, "admin1": m.admin1, "latitude": m.latitude,
                "longitude": m.longitude, "gazetteer_id": m.gazetteer_id, "place_id": m.id, "reason": m.reason}


def geoparse_toponyms(doc: Document, gaz: Gazetteer, kb: ActorKB, *, demonyms: bool = True,
                      inner_names: bool = True) -> list[Toponym]:
    """The document's toponyms as geoparsing corpora count them, in text order: its resolved places (kind
    ``place``), and unless turned off each demonym resolved to its country or region (``demonym``) and the
    countries, states and continents named inside other names (``inner_name``). What ``frontlines geoparse``
    prints and ``frontlines evaluate`` scores on geoparsing XML; the extractor's events never use the last two."""
    found = [Toponym("place", m) for m in doc.mentions if m.kind == "place" and m.latitude is not None]
    if demonyms:
        found += [Toponym("demonym", m) for m in demonym_places(doc, gaz, kb)]
    if inner_names:
        taken = [(t.mention.start, t.mention.end) for t in found]
        found += [Toponym("inner_name", m) for m in inner_places(doc, gaz, taken)]
    return sorted(found, key=lambda t: t.mention.start)


def geoparse_places(doc: Document, gaz: Gazetteer, kb: ActorKB, *, demonyms: bool = True,
                    inner_names: bool = True) -> list[Mention]:
    """The mentions of :func:`geoparse_toponyms`, in text order."""
    return [t.mention for t in geoparse_toponyms(doc, gaz, kb, demonyms=demonyms, inner_names=inner_names)]
