"""Backfill scale-out into PostgreSQL (issue 14): plain `frontlines ingest`, `frontlines backfill --workers 1`
and `--workers 2` over one synthetic archive, each into a fresh database of one throwaway PostgreSQL
cluster, each timed end to end as a user runs it (a new process: models load, cluster starts, every
document stored). Prints documents/s and the ratios of one run:

    .venv/bin/python benchmarks/backfill_scale.py --docs 2000
    .venv/bin/python benchmarks/backfill_scale.py --docs 2000 --order 2,1,ingest   # another order

Targets: 2 workers >= 1.8x 1 worker; 1-worker backfill >= 0.95x plain ingest. The archive is the bundled
sample posts repeated, each copy with a line of its own so that no two texts are the same. The load
average before and after each run is printed, and the CPU time of each run's processes (the command and its Dask
workers, not PostgreSQL): on a shared machine the ratios move with the load, CPU per document much less.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.store.pgserver (the one throwaway-cluster helper)
FRONTLINES = Path(sys.executable).parent / "frontlines"


def build_archive(path: Path, docs: int) -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    with path.open("w", encoding="utf-8") as fh:
        for i in range(docs):
            text = f"{texts[i % len(texts)]}\n\nArchive copy {i // len(texts) + 1} of this report."
            fh.write(json.dumps({"id": f"bench-{i}", "text": text, "published": "2019-04-08"}) + "\n")


CPU: dict[str, float] = {}  # CPU seconds of each run's process tree (the command and its Dask workers)


SERVER: list[Path] = []  # the PostgreSQL data directory, once started


def run(label: str, command: list[str]) -> float:
    before = os.getloadavg()[0]
    cpu, server = _children_cpu(), _server_cpu()
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        sys.exit(f"{label} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    CPU[label] = _children_cpu() - cpu
    server = _server_cpu() - server
    print(f"  {label:22} {seconds:7.1f} s   CPU {CPU[label]:7.1f} s ({CPU[label] / seconds:.2f} cores busy)   "
          f"PostgreSQL {server:5.1f} s ({server / seconds:.2f})   load {before:.1f} -> {os.getloadavg()[0]:.1f}",
          flush=True)
    return seconds


def _children_cpu() -> float:
    """User + system CPU of the finished child processes and their descendants (PostgreSQL's excluded: its
    server is still running)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _server_cpu() -> float:
    """User + system CPU of the PostgreSQL server: the postmaster, its live backends and those that ended (on a
    machine of two cores the server's share is CPU the workers do not get)."""
    import psutil

    if not SERVER:
        return 0.0
    postmaster = psutil.Process(int((SERVER[0] / "postmaster.pid").read_text().split()[0]))
    total = sum(postmaster.cpu_times()[:4])  # user, system, and of the children it reaped
    for child in postmaster.children(recursive=True):
        try:
            total += sum(child.cpu_times()[:2])
        except psutil.NoSuchProcess:
            pass
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--partition-size", type=int, default=100)
    parser.add_argument("--order", default="ingest,1,2", help="runs in this order: ingest, 1, 2 (workers)")
    parser.add_argument("--analyse", action="store_true",
                        help="after each backfill, time `frontlines analyse` too (ingest derives each document's "
                             "ledger, control and relations as it stores it; a backfill leaves that to analyse)")
    args = parser.parse_args()
    from tests.store.pgserver import ThrowawayPostgres

    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; {args.docs} documents, "
          f"partitions of {args.partition_size}")
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp, ThrowawayPostgres() as server:
        archive = Path(tmp) / "archive.jsonl"
        build_archive(archive, args.docs)
        SERVER.append(server.data)
        for name in args.order.split(","):
            url = server.create_database(f"bench_{'ingest' if name == 'ingest' else 'w' + name}")
            if name == "ingest":
                seconds[name] = run("ingest", [str(FRONTLINES), "--db", url, "ingest", "-q", str(archive)])
            else:
                seconds[name] = run(f"backfill --workers {name}", [
                    str(FRONTLINES), "--db", url, "backfill", "-q", str(archive), "--workers", name,
                    "--partition-size", str(args.partition_size)])
                if args.analyse:
                    seconds[f"{name}+analyse"] = seconds[name] + run("  then analyse", [
                        str(FRONTLINES), "--db", url, "analyse", "-q"])
    print()
    for name, value in seconds.items():
        label = name if name == "ingest" else f"backfill --workers {name}"
        cpu = f"  {1000 * CPU[label] / args.docs:6.1f} CPU ms/doc" if label in CPU else ""
        print(f"  {label:30} {args.docs / value:7.1f} docs/s{cpu}")
    if {"1", "2"} <= seconds.keys():
        print(f"  2 workers / 1 worker      {seconds['1'] / seconds['2']:.2f}x  (target >= 1.8x)")
    if {"1", "ingest"} <= seconds.keys():
        print(f"  1-worker backfill / ingest {seconds['ingest'] / seconds['1']:.2f}x  (target >= 0.95x)")
    if {"1+analyse", "ingest"} <= seconds.keys():
        print(f"  1-worker backfill + analyse / ingest {seconds['ingest'] / seconds['1+analyse']:.2f}x")
    if {"1+analyse", "2+analyse"} <= seconds.keys():
        print(f"  2 workers / 1 worker, with analyse {seconds['1+analyse'] / seconds['2+analyse']:.2f}x")


if __name__ == "__main__":
    main()
