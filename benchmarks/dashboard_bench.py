"""Dashboard requests at scale (issue 12): p50/p95 latency of what the dashboard asks the API for - counts by
type, the timeline, map buckets per zoom and viewport, event pages newest first and sorted - on a store of
synthetic events (``store_bench.synthetic_events``: seeded, 2011-2020, 55 actors, 300 places in and around Libya).

    .venv/bin/python benchmarks/dashboard_bench.py --events 200000 [--backend sqlite|postgres|both]
        [--keep bench.sqlite] [--repeat 20] [--clients 16] [--browser] [--only-browser]

``--keep PATH`` keeps the SQLite store (loaded once, reused by later runs). PostgreSQL is a throwaway cluster
(``tests/store/pgserver.py``) unless ``--postgres URL`` names an empty database. Requests go through the real
FastAPI app in-process; ``--clients N`` also runs N concurrent clients against a real uvicorn server on
loopback; ``--browser`` times the dashboard itself in headless Chromium (first load until everything is drawn,
a filter change until redrawn, the list's next page). Figures are printed, never asserted. Targets (issue 12):
p95 < 100 ms for every dashboard request; first paint < 2 s, a redraw < 500 ms, the next page < 200 ms.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from store_bench import YEAR_WEIGHTS, actors, places, synthetic_events  # noqa: E402

SHOWN = "asserted,claimed,uncertain"  # the dashboard's default modalities
Request = tuple[str, dict[str, Any]]


def request_kinds(rng: random.Random) -> dict[str, Callable[[], Request]]:
    """What the dashboard sends: one kind per line of the table, parameters varied per request."""
    who, towns = actors(), [p for p in places() if p["libya"]]
    libya = "8.0,18.0,27.0,35.0"  # the first view: Libya at zoom 5-6

    def around(size: float) -> str:
        p = rng.choice(towns)
        return f"{p['longitude'] - size:.3f},{p['latitude'] - size:.3f},{p['longitude'] + size:.3f},{p['latitude'] + size:.3f}"

    def quarter() -> dict[str, str]:
        year = rng.choice(list(YEAR_WEIGHTS))
        month = rng.choice((1, 4, 7, 10))
        return {"since": f"{year}-{month:02d}-01", "until": f"{year}-{month + 2:02d}-28"}

    def town() -> str:  # a place box entry: a Libyan town (or a part of its name)
        return rng.choice(towns)["location"]

    def kind() -> str:
        return rng.choice(("Battles", "Explosions/Remote violence", "Protests", "Riots"))

    return {
        "counts: default view": lambda: ("/api/counts", {"modality": SHOWN}),
        "counts: type + quarter": lambda: ("/api/counts", {"modality": SHOWN, "type": kind(), **quarter()}),
        "counts: actor": lambda: ("/api/counts", {"modality": SHOWN, "actor": rng.choice(who[:20])[0]}),
        "timeline: default view": lambda: ("/api/timeline", {"modality": SHOWN}),
        "timeline: type": lambda: ("/api/timeline", {"modality": SHOWN, "type": kind()}),
        "timeline: actor": lambda: ("/api/timeline", {"modality": SHOWN, "actor": rng.choice(who[:20])[0]}),
        "counts: place": lambda: ("/api/counts", {"modality": SHOWN, "place": town()}),
        "timeline: place": lambda: ("/api/timeline", {"modality": SHOWN, "place": town()}),
        "map: Libya, zoom 5": lambda: ("/api/map", {"modality": SHOWN, "zoom": 5, "view": libya}),
        "map: Libya, zoom 5, one quarter": lambda: ("/api/map", {"modality": SHOWN, "zoom": 5, "view": libya,
                                                                  **quarter()}),
        "map: 1x1 degree, zoom 9": lambda: ("/api/map", {"modality": SHOWN, "zoom": 9, "view": around(0.5)}),
        "map: 4x4 degrees, zoom 7, type": lambda: ("/api/map", {"modality": SHOWN, "zoom": 7, "view": around(2),
                                                                 "type": kind()}),
        "map: zoom 5, bbox filter (in view only)": lambda: ("/api/map", {"modality": SHOWN, "zoom": 5,
                                                                          "view": libya, "bbox": libya}),
        "map: place, zoom 5": lambda: ("/api/map", {"modality": SHOWN, "zoom": 5, "view": libya, "place": town()}),
        "events: first page, newest first": lambda: ("/api/events", {"modality": SHOWN, "limit": 50}),
        "events: page 21 (offset 1,000)": lambda: ("/api/events", {"modality": SHOWN, "limit": 50, "offset": 1000}),
        "events: by fatalities": lambda: ("/api/events", {"modality": SHOWN, "limit": 50, "sort": "-fatalities"}),
        "events: type + quarter": lambda: ("/api/events", {"modality": SHOWN, "limit": 50, "type": kind(),
                                                           **quarter()}),
        "events: full text": lambda: ("/api/events", {"modality": SHOWN, "limit": 50,
                                                      "q": rng.choice(("airstrike", "shelling", "protesters"))}),
        "events: place": lambda: ("/api/events", {"modality": SHOWN, "limit": 50, "place": town()}),
        "events: 1x1 degree viewport": lambda: ("/api/events", {"modality": SHOWN, "limit": 50,
                                                                "bbox": around(0.5)}),
    }


def sequential(get: Callable[[str, dict[str, Any]], Any], repeat: int,
               only: list[str] | None = None, uncached: bool = False,
               before_each: Callable[[], None] | None = None) -> dict[str, tuple[float, float]]:
    """p50 and p95 (ms) of each kind, one request at a time, after 2 warm-up requests per kind (printed beside the
    CPU time of this process per request: less moved by other work on shared cores than the wall clock); ``only``: the kinds
    whose name contains one of these words (each kind draws its parameters from a seed of its own, so
    a kind asks the same requests whichever kinds run); ``uncached``: no answer from the response cache (a request
    whose parameters were asked before is otherwise answered from memory); ``before_each``: called before each
    request (``evict``)."""
    out = {}
    for name in request_kinds(random.Random(12)):
        if only and not any(word in name for word in only):
            continue
        make = request_kinds(random.Random(f"12:{name}"))[name]  # a seed per kind: the same requests either way
        timings, cpus = [], []  # wall clock, and this process's CPU time (every thread: the app's and the client's)
        for i in range(repeat + 2):
            path, params = make()
            if before_each:
                before_each()
            if uncached:  # a parameter the API ignores makes each request a new one for the response cache
                params = {**params, "_": f"{name}:{i}:{time.perf_counter_ns()}"}
            start, cpu = time.perf_counter(), time.process_time()
            response = get(path, params)
            elapsed = (time.perf_counter() - start) * 1000
            cpu = (time.process_time() - cpu) * 1000
            if response.status_code != 200:
                raise SystemExit(f"{path} {params}: {response.status_code} {response.text[:300]}")
            if i >= 2:
                timings.append(elapsed)
                cpus.append(cpu)
        out[name] = _p50_p95(timings)
        print(f"    {name:38} {out[name][0]:8.1f} / {out[name][1]:8.1f} ms   (CPU {_p50_p95(cpus)[0]:6.1f} / "
              f"{_p50_p95(cpus)[1]:6.1f} ms)", flush=True)
    return out


@contextlib.contextmanager
def serving(url: str) -> Iterator[str]:
    """The app over ``url`` on a real uvicorn server on a free loopback port: its base URL."""
    import uvicorn

    from frontlines.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(url), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def serving_processes(url: str, workers: int) -> Iterator[str]:
    """``frontlines serve --workers N`` over ``url`` in a process of its own on a free loopback port (the clients'
    threads then share no GIL with the server): its base URL."""
    import subprocess

    import httpx

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    root = Path(__file__).resolve().parent.parent
    proc = subprocess.Popen([sys.executable, "-m", "frontlines.cli", "--db", url, "serve", "--port", str(port),
                             "--workers", str(workers)], cwd=root, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if httpx.get(f"{base}/api/stats", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.1)
        else:
            raise SystemExit(f"frontlines serve --workers {workers} did not answer in 60 s")
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def concurrent(url: str, clients: int, per_client: int,
               workers: int = 0) -> tuple[float, float, float, dict[str, tuple[float, float]]]:
    """Every kind mixed, ``clients`` at a time against a real server: p50, p95 (ms), requests/s, and p50 / p95 of
    each kind (each client sends the kinds in turn, starting at its own kind, so each kind runs beside the others).
    ``workers`` 0: the server in this process (a thread); N: ``frontlines serve --workers N`` in processes of its own."""
    import httpx

    def warm(base: str, seed: int) -> None:
        with httpx.Client(base_url=base, timeout=600) as http:
            for _, make in request_kinds(random.Random(1000 + seed)).items():
                path, params = make()
                http.get(path, params=params).raise_for_status()

    def one_client(base: str, seed: int) -> list[tuple[str, float]]:
        kinds = list(request_kinds(random.Random(seed)).items())
        timings = []
        with httpx.Client(base_url=base, timeout=600) as http:  # a slow answer is timed, not a crash
            for i in range(per_client):
                name, make = kinds[(seed + i) % len(kinds)]
                path, params = make()
                start = time.perf_counter()
                http.get(path, params=params).raise_for_status()
                timings.append((name, (time.perf_counter() - start) * 1000))
        return timings

    server = serving(url) if workers < 1 else serving_processes(url, workers)
    with server as base, ThreadPoolExecutor(clients) as pool:
        list(pool.map(lambda seed: warm(base, seed), range(max(workers, 1) * 2)))  # each kind once, a few
        # clients at a time, so that every worker has met every kind (a server runs all day; its first requests
        # are not what an analyst waits for)
        start = time.perf_counter()
        timings = [t for ts in pool.map(lambda seed: one_client(base, seed), range(clients)) for t in ts]
        wall = time.perf_counter() - start
    p50, p95 = _p50_p95([t for _, t in timings])
    by_kind: dict[str, list[float]] = {}
    for name, t in timings:
        by_kind.setdefault(name, []).append(t)
    return p50, p95, len(timings) / wall, {name: _p50_p95(ts) for name, ts in by_kind.items()}


def browser(url: str, repeat: int) -> dict[str, tuple[float, float]]:
    """In headless Chromium (1400x850): the dashboard's first load until everything is drawn
    (``body[data-loaded=true]``: counts, list page, timeline, map buckets), a filter change (type, then back)
    until redrawn, a place typed in the place box (a town, then none; at most 8 times) until redrawn, and the
    list's next page. p50 / p95 ms; the first load is timed ``min(repeat, 5)`` times."""
    import shutil

    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    out: dict[str, list[float]] = {"first load (all drawn)": [], "filter change redrawn": [], "place filter redrawn": [],
                                   "next page": []}
    with serving(url) as base, sync_playwright() as p:
        b = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        page = b.new_page(viewport={"width": 1400, "height": 850})
        for _ in range(min(repeat, 5)):
            start = time.perf_counter()
            page.goto(base + "/?at=5/29.0/17.0")
            page.wait_for_selector("body[data-loaded=true]", state="attached", timeout=120_000)
            out["first load (all drawn)"].append((time.perf_counter() - start) * 1000)
        types = ["Battles", "", "Protests", "", "Riots", ""]
        for i in range(repeat):
            start = time.perf_counter()
            page.select_option("#type-filter", types[i % len(types)])
            page.wait_for_function("() => document.body.dataset.loaded === 'true'", timeout=120_000)
            out["filter change redrawn"].append((time.perf_counter() - start) * 1000)
        places = ["Benghazi", "", "Tripoli", "", "Misrata", ""]
        for i in range(min(repeat, 8)):  # typed in the place box, then left (its change event)
            start = time.perf_counter()
            page.evaluate("v => { const box = document.querySelector('#filters input[name=place]'); box.value = v; "
                          "box.dispatchEvent(new Event('change', {bubbles: true})); }", places[i % len(places)])
            page.wait_for_function("() => document.body.dataset.loaded === 'true'", timeout=120_000)
            out["place filter redrawn"].append((time.perf_counter() - start) * 1000)
        for _ in range(repeat):
            label = page.inner_text("#page-label")
            start = time.perf_counter()
            page.click("#next-page")
            page.wait_for_function(f"() => document.getElementById('page-label').textContent !== {label!r}")
            out["next page"].append((time.perf_counter() - start) * 1000)
        b.close()
    return {k: _p50_p95(v) for k, v in out.items()}


def evict(path: str) -> Callable[[], None]:
    """A function that drops a SQLite store's files from the OS page cache (posix_fadvise DONTNEED, this file only),
    so that the next request reads from disk what it needs: a store not read for a while, or just opened."""
    def drop() -> None:
        for name in (path, path + "-wal"):
            if os.path.exists(name):
                fd = os.open(name, os.O_RDONLY)
                try:
                    os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
                finally:
                    os.close(fd)
    return drop


def _p50_p95(timings: list[float]) -> tuple[float, float]:
    timings = sorted(timings)
    return statistics.median(timings), timings[int(0.95 * (len(timings) - 1))]


def fill(url: str, n: int, batch: int) -> float | None:
    """Load ``n`` synthetic events unless the store already holds them (a kept store): seconds, or None."""
    from frontlines.store import open_store

    with open_store(url) as store:
        held = store.sizes()["events"]
        if held == n:
            return None
        if held:
            raise SystemExit(f"{store.url} holds {held:,} events, not {n:,}; use an empty store.")
        start = time.perf_counter()
        store.bulk_load_events(synthetic_events(n), batch_size=batch)
        return time.perf_counter() - start


def measure(name: str, url: str, args: argparse.Namespace) -> dict[str, Any]:
    from fastapi.testclient import TestClient

    from frontlines.web.app import create_app

    print(name, flush=True)
    load = fill(url, args.events, args.batch)
    print(f"  load: {'kept store' if load is None else f'{load:.1f} s'} (load average {os.getloadavg()[0]:.1f})",
          flush=True)
    with TestClient(create_app(url), base_url="http://127.0.0.1") as client:
        result: dict[str, Any] = {"load": load, "latency": {} if args.only_browser else sequential(
            lambda p, q: client.get(p, params=q), args.repeat, args.kinds, args.uncached,
            evict(url) if args.cold and not url.startswith("postgres") else None)}
    if args.browser:
        result["browser"] = browser(url, args.repeat)
        for name, (p50, p95) in result["browser"].items():
            print(f"    Chromium: {name:28} {p50:8.1f} / {p95:8.1f} ms", flush=True)
    if args.clients > 1:
        result["concurrent"] = concurrent(url, args.clients, args.repeat, args.server_workers)
        print("  {} clients: p50 {:.1f} ms, p95 {:.1f} ms, {:.1f} requests/s".format(args.clients,
                                                                                    *result["concurrent"][:3]))
        for kind, (p50, p95) in result["concurrent"][3].items():
            print(f"    {args.clients} clients: {kind:38} {p50:8.1f} / {p95:8.1f} ms", flush=True)
    return result


def report(results: dict[str, dict[str, Any]], args: argparse.Namespace) -> None:
    names = list(results)
    print(f"\n{args.events:,} events; p50 / p95 ms over {args.repeat} requests per kind, in-process\n")
    print(f"{'':40}" + "".join(f"{n:>24}" for n in names))
    print(f"{'bulk load (s)':40}" + "".join(
        f"{'kept' if results[n]['load'] is None else format(results[n]['load'], '.1f'):>24}" for n in names))
    for kind in results[names[0]]["latency"] if results[names[0]]["latency"] else ():
        print(f"{kind:40}" + "".join("{:>11.1f} / {:>8.1f}".format(*results[n]["latency"][kind]) for n in names))
    if args.browser:
        for kind in results[names[0]]["browser"]:
            print(f"{'Chromium: ' + kind:40}" + "".join(
                "{:>11.1f} / {:>8.1f}".format(*results[n]["browser"][kind]) for n in names))
    if args.clients > 1:
        print(f"{f'{args.clients} clients, mixed: p50 / p95 (req/s)':40}" + "".join(
            "{:>8.1f} / {:>6.1f} ({:>5.1f})".format(*results[n]["concurrent"][:3]) for n in names))
    print(f"\n{os.cpu_count()} CPUs; load average at the end: " + " / ".join(f"{x:.1f}" for x in os.getloadavg()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--backend", choices=("sqlite", "postgres", "both"), default="sqlite")
    parser.add_argument("--keep", metavar="PATH", help="SQLite store to fill once and reuse")
    parser.add_argument("--postgres", metavar="URL", help="an empty database (default: a throwaway cluster)")
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--batch", type=int, default=20_000)
    parser.add_argument("--clients", type=int, default=1, help="also run this many concurrent clients")
    parser.add_argument("--server-workers", type=int, default=0, metavar="N",
                        help="for --clients: run `frontlines serve --workers N` in processes of its own (default 0: "
                        "a server thread in this process, sharing its GIL with the clients)")
    parser.add_argument("--browser", action="store_true", help="also time the dashboard in headless Chromium")
    parser.add_argument("--only-browser", action="store_true", help="skip the in-process API timings")
    parser.add_argument("--uncached", action="store_true",
                        help="in-process timings: every request a new one for the response cache (the store answers "
                        "each; by default a request asked before is answered from memory)")
    parser.add_argument("--cold", action="store_true",
                        help="in-process timings, SQLite: drop the store file from the OS page cache before each "
                        "request (every request reads from disk; with --uncached, the store answers each)")
    parser.add_argument("--kinds", nargs="+", metavar="WORD",
                        help="time only the request kinds whose name contains one of these words (\"quarter\", "
                        "\"events:\")")
    args = parser.parse_args()
    results: dict[str, dict[str, Any]] = {}
    with tempfile.TemporaryDirectory(prefix="frontlines-dash-") as tmp:
        if args.backend in ("sqlite", "both"):
            results["SQLite"] = measure("SQLite", args.keep or str(Path(tmp) / "bench.sqlite"), args)
        if args.backend in ("postgres", "both"):
            if args.postgres:
                results["PostgreSQL"] = measure("PostgreSQL", args.postgres, args)
            else:
                from tests.store.pgserver import ThrowawayPostgres

                with ThrowawayPostgres() as server:
                    results["PostgreSQL"] = measure("PostgreSQL", server.create_database("frontlines_bench"), args)
    report(results, args)


if __name__ == "__main__":
    main()
