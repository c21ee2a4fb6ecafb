"""What two reports' sentences say about being one incident, beyond their coded fields (issue 13).

Two reports that agree on type, day, place and actors can still be two incidents: taxi drivers and factory workers
protesting in one city on one day, two villages raided the same night. Their sentences (``Event.notes``) tell them
apart. ``compare`` reads both and returns a ``TextEvidence``:

- ``similarity``: a weighted Dice overlap of their content words (names x3, numbers x2, other words x1), leaving
  out the words the coded fields already compare (the place, its region and country, the actors and their
  acronyms, nationalities, outlets, days and months), so what remains is the incident's own particulars;
- ``shared``: names (people, sites, groups) both sentences give, matched loosely ("Gaddafi" / "Qaddafi");
- ``conflicts``: both name particulars and share none (soft: a near-identical telling overrides it); one tells the
  other's particular as another attack than its own ("... also attacked Zawiyat Umm"); both say who
  took part (students, teachers, drivers, ...) and no group is common; one tells the government side's supporters,
  the other the opposition's; tolls that cannot be one incident (both counted, the larger over five times the
  smaller and 10 more: 3 vs 1 or 50 vs 12 is a disagreement to keep, 2 vs 20 is two incidents); one places its
  incident in a village or town of its own ("in the village of X") and the other names another site ("in Y"), and
  neither sentence names the other's (soft: a district, camp or area of a town is no settlement of its own); one
  tells a killing as what came before its own deed ("After the officer killed one of them, villagers set houses
  on fire"), codes no death itself, and the other report counts deaths (the killing is the other's incident).

A sentence with nothing beyond its coded fields gives no evidence either way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from rapidfuzz import fuzz

from frontlines.errors import ConfigurationError
from frontlines.knowledge.gazetteer import Gazetteer
from frontlines.knowledge.geo import haversine_km
from frontlines.knowledge.yamlfile import load_yaml
from frontlines.model import Event

__all__ = ["SUPPORT", "TextEvidence", "compare", "has_text"]

SUPPORT = 0.25  # a similarity from which two sentences are taken to tell the same particulars
AROUND_KM = 50.0
OVERRIDE = 0.7  # a telling this close overrides a conflict of names
_NAME_MATCH = 80  # rapidfuzz ratio from which two names are one (Gaddafi / Qaddafi, Chawkay / Chawkay)
_DATA = Path(__file__).resolve().parents[1] / "knowledge" / "data"

_WORD = re.compile(r"[^\W\d_][\w'’\-]*|\d+(?:[.,]\d+)?")
_SENTENCE = re.compile(r"(?<=[.!?;:])\s+|\s+[-–—]\s+")
_STOP = frozenset("""a about above across after again against all also although am among an and another any are
around as at away back be because been before being below between both but by can could did do does during each
either else even ever every few for from further had has have having he her here hers him his how however i if in
into is it its itself just last least less many may me might more most much must my near neither next no nor not
now of off on once one only or other our out over own per rather reportedly said same says several she should
since so some still such than that the their them then there these they this those though through thus to too
toward towards under until up upon us very via was we were what when where whether which while who whom whose why
will with within without would yet you your reported according report reports source sources local told""".split())
_CONNECTORS = frozenset("of for and et de du des la le al el bin ibn".split())
_GENERIC_NAMES = frozenset("""ied ieds vbied hq hqs fob al el ad as the la le de du des di bin ibn abu mr mrs dr gen col colonel general
president minister ministry prime governor commander chief head leader director officials official ambassador
spokesman spokesperson army forces force military police government state states region regional province
provincial district county village town city area camp neighbourhood neighborhood market road street north south
east west northern southern eastern western central upper lower greater new old national federal republic
democratic people's islamic united unidentified unknown armed group groups militia militias civilians civilian
protesters rioters i ii iii""".split())
_MONTHS = frozenset("""january february march april may june july august september october november december jan feb
mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday today yesterday
tonight morning evening night afternoon""".split())
_NUMBER_WORDS = {w: str(i) for i, w in enumerate("""zero one two three four five six seven eight nine ten eleven
twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty""".split())}
_NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "hundred": "100", "dozen": "12"})
# who took part: one class per group, so "teachers" and "professors" agree and "students" and "teachers" do not
_PARTICIPANTS = {
    "student": "students pupils schoolchildren undergraduates",
    "teacher": "teachers professors lecturers educators academics",
    "health": "doctors nurses medics physicians midwives",
    "worker": "workers staff employees miners mineworkers labourers laborers dockers",
    "driver": "drivers motorists transporters truckers motorcyclists",
    "trader": "traders vendors merchants shopkeepers hawkers",
    "farmer": "farmers herders pastoralists herdsmen fishermen",
    "journalist": "journalists reporters",
    "lawyer": "lawyers judges magistrates",
    "politician": "senators parliamentarians legislators mps councillors",
    "pensioner": "pensioners retirees veterans",
}
_PARTICIPANT = {form: cls for cls, words in _PARTICIPANTS.items() for w in words.split()
                for form in (w, w[:-1] if w.endswith("s") else w)}
# a clause that tells another attack than the sentence's own: "X also attacked Y", "... and also struck Y"
_ALSO_STRUCK = re.compile(r"\balso (?:attack|struck|strike|raid|shell|bomb|hit|target|storm|overr[au]n)\w* ([^.;]+)",
                          re.IGNORECASE)
# where a sentence says it happened: "in Bamenda", "at the Seaport neighbourhood", "in the village of Bingo"; a
# village, town or locality (named with its kind) is a settlement of its own, not a part of another site
_NAME_RUN = r"([A-Z][\w'’\-]*(?:\s+(?:(?:al|el|de|du|la|le)[- ])?[A-Z][\w'’\-]*)*)"
_SETTLEMENT_KINDS = r"(?:village|town|locality|hamlet)"
_SITE = re.compile(r"\b(?i:in|at|near)\s+(?:the\s+)?(?:(?:[a-z\-]+\s+)?(?:village|town|city|locality|hamlet|district|"
                   r"neighbou?rhood|area|camp|settlement)\s+of\s+)?" + _NAME_RUN)
_SETTLEMENT = re.compile(r"\b(?:the\s+)?(?:[a-z\-]+[\s-])?" + _SETTLEMENT_KINDS + r"\s+of\s+" + _NAME_RUN + "|"
                         + _NAME_RUN + r"\s+" + _SETTLEMENT_KINDS + r"\b")
# a killing told as what came before the sentence's own deed: "After the police officer killed one of them, ..."
_AFTER_KILLING = re.compile(r"^(?:after|following)\b[^,]*\b(?:kill|murder|shot dead|shooting|death)", re.IGNORECASE)
_GOVERNMENT_SIDE = re.compile(r"\b(?:pro-government|government (?:coalition )?support\w*|ruling[- ]party|"
                              r"(?:government|ruling) coalition)\b", re.I)
_OPPOSITION_SIDE = re.compile(r"\b(?:opposition|anti-government)\b", re.I)


@dataclass(frozen=True)
class TextEvidence:
    similarity: float
    shared: tuple[str, ...]
    conflicts: tuple[str, ...]
    hard_conflict: bool  # a conflict that even a close telling does not override (who took part, sides, tolls)

    @property
    def support(self) -> bool:
        """Positive evidence of one incident: a shared particular or a close telling, and no conflict standing."""
        return (bool(self.shared) or self.similarity >= SUPPORT) and not self.against

    @property
    def against(self) -> bool:
        """The sentences tell two incidents."""
        return self.hard_conflict or (bool(self.conflicts) and self.similarity < OVERRIDE)


def has_text(e: Event) -> bool:
    return bool(e.notes and e.notes.strip())


def compare(a: Event, b: Event) -> TextEvidence:
    """The text evidence that ``a`` and ``b`` (both with ``notes``) tell one incident or two."""
    both_assoc = bool(a.assoc_actor_1 or a.assoc_actor_2) and bool(b.assoc_actor_1 or b.assoc_actor_2)
    known = _coded_words(a, both_assoc) | _coded_words(b, both_assoc)
    names_a, words_a = _profile(a.notes, known)
    names_b, words_b = _profile(b.notes, known)
    names_a = {n for n in names_a if not _around(n, a, b)}
    names_b = {n for n in names_b if not _around(n, a, b)}
    shared = tuple(sorted(n for n in names_a if any(_same_name(n, m) for m in names_b)))
    similarity = _dice(words_a, words_b)
    conflicts: list[str] = []
    hard = False
    elsewhere = _told_as_another_attack(a.notes, names_a, names_b, known) or \
        _told_as_another_attack(b.notes, names_b, names_a, known)
    if elsewhere:
        conflicts.append(f"one report tells the other's {', '.join(elsewhere)} as another attack")
        hard = True
    if names_a and names_b and not shared:
        conflicts.append(f"different particulars: {', '.join(sorted(names_a)[:3])} vs {', '.join(sorted(names_b)[:3])}")
    groups_a, groups_b = _participants(a.notes), _participants(b.notes)
    if groups_a and groups_b and not groups_a & groups_b:
        conflicts.append(f"different participants: {', '.join(sorted(groups_a))} vs {', '.join(sorted(groups_b))}")
        hard = True
    sides_a, sides_b = _sides(a.notes), _sides(b.notes)
    if len(sides_a) == 1 and len(sides_b) == 1 and sides_a != sides_b:
        conflicts.append(f"different sides: {next(iter(sides_a))} vs {next(iter(sides_b))}")
        hard = True
    apart = _other_settlement(a, b) or _other_settlement(b, a)
    if apart:
        conflicts.append(f"different sites: {apart}")
    if _after_killing(a, b) or _after_killing(b, a):
        conflicts.append("one report tells the other's killing as what came before its own deed")
    if _tolls_apart(a, b):
        conflicts.append(f"tolls {a.fatalities} vs {b.fatalities} cannot be one incident")
        hard = True
    return TextEvidence(round(similarity, 3), shared, tuple(conflicts), hard)


def _around(name: str, a: Event, b: Event) -> bool:
    """A town or region the gazetteer knows within ``AROUND_KM`` of either report: where it happened, which the
    coordinates already compare, not a particular of the incident (Mogadishu around Hamar Jabjab)."""
    gazetteer = _gazetteer()
    if gazetteer is None:
        return False
    points = [(e.latitude, e.longitude) for e in (a, b) if e.latitude is not None and e.longitude is not None]
    return any(haversine_km(lat, lon, p.latitude, p.longitude) <= AROUND_KM  # type: ignore[arg-type]
               for p in gazetteer.lookup(name) for lat, lon in points)


def _told_as_another_attack(text: str, names: set[str], other_names: set[str], known: set[str]) -> list[str]:
    """The other report's particulars that ``text`` tells as another attack than its own ("X raided one village ...
    X also attacked <the other's village>"), when its own particulars are none of the other's; else []."""
    elsewhere: set[str] = set()
    for m in _ALSO_STRUCK.finditer(text):
        elsewhere |= _profile(m.group(1), known)[0] & names
    own = names - elsewhere
    if not own or any(_same_name(n, m) for n in own for m in other_names):
        return []
    return sorted(n for n in elsewhere if any(_same_name(n, m) for m in other_names))


def _sites(text: str, a: Event, b: Event) -> tuple[set[str], set[str]]:
    """The sites a sentence places its incident at and, among them, the settlements named with their kind (a
    village, town or locality of its own); months, nationalities and the reports' country and region left out."""
    broad = {_norm(v) for e in (a, b) for v in (e.country, e.admin1) if v}

    def keep(name: str) -> bool:
        low = _norm(name)
        return bool(low) and low.split()[0] not in _MONTHS and low not in _demonyms() and low not in broad
    sites = {_norm(m.group(1)) for m in _SITE.finditer(text) if keep(m.group(1))}
    settlements = {_norm(next(g for g in m.groups() if g)) for m in _SETTLEMENT.finditer(text)}
    return sites | settlements, {s for s in settlements if keep(s)}


def _other_settlement(a: Event, b: Event) -> str:
    """'X vs Y' when ``a`` places its incident in a village or town of its own (X) and ``b`` at another site (Y),
    and neither sentence names the other's; else ''."""
    _, settlements = _sites(a.notes, a, b)
    sites, _ = _sites(b.notes, a, b)
    if not settlements or not sites:
        return ""
    names_a, names_b = _capitalised(a.notes), _capitalised(b.notes)
    if any(_same_name(x, y) for x in settlements for y in names_b) or any(
            _same_name(x, y) for x in sites for y in names_a):
        return ""
    return f"{', '.join(sorted(settlements))} vs {', '.join(sorted(sites))}"


def _capitalised(text: str) -> set[str]:
    """Every run of capitalised words, as ``_norm`` writes it, and each of its words."""
    runs = {_norm(" ".join(w for w in m.group(1).split() if w.lower() not in _STOP))
            for m in re.finditer(_NAME_RUN, text)}
    return runs | {w for r in runs for w in r.split() if len(w) >= 3}


def _after_killing(a: Event, b: Event) -> bool:
    """``a`` codes no death and one of its sentences opens on a killing that came before its deed, while ``b``
    counts deaths: the killing is ``b``'s incident, ``a``'s deed what followed it."""
    if a.fatalities or b.fatalities <= 0 or b.fatalities_aggregate:
        return False
    return any(_AFTER_KILLING.search(s) for s in _SENTENCE.split(a.notes.strip()))


def _tolls_apart(a: Event, b: Event) -> bool:
    if a.fatalities_aggregate or b.fatalities_aggregate or a.fatalities <= 0 or b.fatalities <= 0:
        return False
    low, high = sorted((a.fatalities, b.fatalities))
    return high > 5 * low and high - low >= 10


def _coded_words(e: Event, assoc: bool) -> set[str]:
    """Words the coded fields already compare: place, region, country, actors (and their acronyms), outlet; the
    associated actors only when both reports code some (else the sentence is all the other report has to say)."""
    words: set[str] = set()
    associated = (e.assoc_actor_1, e.assoc_actor_2) if assoc else ()
    for value in (e.location, e.admin1, e.country, e.actor1, e.actor2, *associated, e.source, e.location_anchor):
        if not value:
            continue
        parts = [w.lower().strip("'’") for w in _WORD.findall(value)]
        words.update(parts)
        words.add("".join(parts))  # "Belet Weyne" is "Beletweyne" elsewhere
        for piece in re.split(r"[;:(]", value):
            caps = [w[0] for w in _WORD.findall(piece) if w[0].isupper()]
            if len(caps) >= 2:
                words.add("".join(caps).lower())  # Government of National Accord -> gna
    return words


def _profile(text: str, known: set[str]) -> tuple[set[str], dict[str, float]]:
    """The names (runs of capitalised words not opening a sentence, less the coded and generic words; acronyms are
    organisations, left to the actors) and the weighted content words of a text."""
    names: set[str] = set()
    words: dict[str, float] = {}
    for sentence in _SENTENCE.split(text):
        tokens = _WORD.findall(sentence)
        run: list[str] = []
        for i, token in enumerate(tokens + [""]):
            low = _norm(token)
            capital = bool(token) and token[0].isupper() and (
                i > 0 or (len(tokens) > 1 and tokens[1][:1].isupper()) or token.isupper())
            if capital or (run and low in _CONNECTORS):
                run.append(token)
            else:
                _add_name(run, known, names)
                run = []
            if not low or low in _STOP or low in _MONTHS or _is_known(low, known):
                continue
            number = _NUMBER_WORDS.get(low, low if low[0].isdigit() else None)
            if number is not None:
                words[number] = max(words.get(number, 0.0), 2.0)
            elif len(low) >= 3 and low not in _GENERIC_NAMES:
                weight = 3.0 if capital and not token.isupper() and low not in _demonyms() else 1.0
                stem = low if weight > 1 else _stem(low)
                words[stem] = max(words.get(stem, 0.0), weight)
    return names, words


def _add_name(run: list[str], known: set[str], names: set[str]) -> None:
    if not run or " ".join(run).lower() in _outlets():
        return
    kept = [low for low in (_norm(t) for t in run if len(t) > 1 and not t.isupper())
            if low and low not in _STOP and low not in _MONTHS and low not in _GENERIC_NAMES
            and low not in _CONNECTORS and low not in _demonyms() and not _is_known(low, known)]
    if kept and sum(map(len, kept)) >= 3:
        names.add(" ".join(kept))


def _norm(token: str) -> str:
    low = token.lower().replace("’", "'")
    return re.sub(r"'s$", "", low).strip("'-")


def _stem(word: str) -> str:
    for suffix in ("ings", "ing", "ies", "ed", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=65536)
def _skeleton(word: str) -> str:
    """Consonants without h and doubles: transliterations of one name agree (Munkay / Maankey, Nierteti / Nertiti)."""
    out = re.sub(r"[aeiouyhw\s'’-]", "", word)
    return re.sub(r"(.)\1+", r"\1", out)


def _is_known(word: str, known: set[str]) -> bool:
    if word in known:
        return True
    return len(word) >= 5 and any(len(k) >= 5 and _alike(word, k) for k in known)


@lru_cache(maxsize=262144)
def _alike(a: str, b: str) -> bool:
    if fuzz.ratio(a, b) >= _NAME_MATCH:
        return True
    ska, skb = _skeleton(a), _skeleton(b)
    return len(ska) >= 3 and fuzz.ratio(ska, skb) >= 88


def _same_name(a: str, b: str) -> bool:
    """Two names are one: equal, one word in common, one a prefix of the other (Burundi / Burundian), or spelt
    alike (Gaddafi / Qaddafi, Dhagah Tuur / Dhagaxtuur)."""
    if a == b or set(a.split()) & set(b.split()):
        return True
    a, b = a.replace(" ", ""), b.replace(" ", "")
    if min(len(a), len(b)) >= 5 and (a.startswith(b) or b.startswith(a)):
        return True
    return min(len(a), len(b)) >= 4 and _alike(a, b)


def _dice(a: dict[str, float], b: dict[str, float]) -> float:
    total = sum(a.values()) + sum(b.values())
    if not total:
        return 0.0
    common = sum(min(a[w], b[w]) for w in a.keys() & b.keys())
    return 2 * common / total


def _participants(text: str) -> set[str]:
    return {_PARTICIPANT[w] for w in re.findall(r"[a-z]+", text.lower()) if w in _PARTICIPANT}


def _sides(text: str) -> set[str]:
    sides = set()
    if _GOVERNMENT_SIDE.search(text):
        sides.add("government side")
    if _OPPOSITION_SIDE.search(text):
        sides.add("opposition")
    return sides


@lru_cache(maxsize=1)
def _gazetteer() -> Gazetteer | None:
    """The built gazetteer, or None where it has not been built (nothing is built here)."""
    try:
        return Gazetteer.open(build=False)
    except ConfigurationError:
        return None


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    data = load_yaml((_DATA / "demonyms.yaml").read_text(encoding="utf-8"))["demonyms"]
    return frozenset(str(k).lower() for k in data)


@lru_cache(maxsize=1)
def _outlets() -> frozenset[str]:
    data = load_yaml((_DATA / "outlets.yaml").read_text(encoding="utf-8"))["outlets"]
    return frozenset(str(name).lower() for name in data)
