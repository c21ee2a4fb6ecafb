"""Cost of one long document (issue 14, deliverable 3): seconds and peak memory to extract a 3,000-word,
a 30,000-word and a 1 MB report, each built from the bundled sample posts repeated (every copy with a
line of its own), each in a fresh process after a warm-up document (models loaded), so the peak RSS is
that of a whole `frontlines extract` of the document. Wall-clock seconds and the process's CPU seconds (on a
loaded machine the wall clock includes the time other jobs held the cores).

    .venv/bin/python benchmarks/long_documents.py                 # 3k, 30k words, 1 MB
    .venv/bin/python benchmarks/long_documents.py --sizes 3k,30k --profile 30k   # + the top of a cProfile

Targets: 30k words <= 12x 3k words; 1 MB < 10 s; peak RSS < 400 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def long_text(size: str) -> str:
    """'3k'/'30k' words or '1mb' of report text: the sample posts, repeated, each copy numbered."""
    texts = [p.read_text(encoding="utf-8").strip() for p in sorted((ROOT / "samples").glob("*.txt"))]
    parts, words, chars, i = [], 0, 0, 0
    while (words < int(size[:-1]) * 1000) if size.endswith("k") else (chars < 1_000_000):
        body = texts[i % len(texts)]
        part = f"{body}\n\nUpdate {i + 1} to this report."
        parts.append(part)
        words += len(part.split())
        chars += len(part) + 2
        i += 1
    return "\n\n".join(parts)


def measure(size: str, profile: bool) -> dict[str, float]:
    """In this process: warm up, then extract one long document."""
    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    pipeline = Pipeline.default()
    pipeline.process(document_from_text("Clashes in Sirte on Monday killed two soldiers.", id="warm-up"))
    text = long_text(size)
    doc = document_from_text(text, id=f"long-{size}", published=None)
    started, cpu = time.perf_counter(), time.process_time()
    if profile:
        import cProfile
        import pstats

        profiler = cProfile.Profile()
        profiler.enable()
        pipeline.process(doc)
        profiler.disable()
        pstats.Stats(profiler, stream=sys.stderr).sort_stats("cumulative").print_stats(35)
    else:
        pipeline.process(doc)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"words": len(text.split()), "chars": len(text), "seconds": round(seconds, 2), "cpu": round(cpu, 2),
            "events": len(doc.events), "rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="3k,30k,1mb")
    parser.add_argument("--profile", default="", help="print a cProfile of this size (e.g. 30k) to stderr")
    parser.add_argument("--one", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.profile == args.one)))
        return
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    results = {}
    for size in args.sizes.split(","):
        done = subprocess.run([sys.executable, __file__, "--one", size, "--profile", args.profile],
                              capture_output=False, stdout=subprocess.PIPE, text=True, check=True)
        results[size] = r = json.loads(done.stdout.strip().splitlines()[-1])
        print(f"  {size:>5}: {r['words']:>7,} words {r['chars']:>9,} chars  {r['seconds']:7.2f} s "
              f"(CPU {r['cpu']:6.2f} s)  "
              f"peak RSS {r['rss_mb']:6.1f} MB  {r['events']} events", flush=True)
    if "3k" in results and "30k" in results:
        print(f"  30k / 3k words: {results['30k']['seconds'] / results['3k']['seconds']:.1f}x  (target <= 12x)")
    if "3k" in results and "30k" in results:
        print(f"  30k / 3k words, CPU: {results['30k']['cpu'] / results['3k']['cpu']:.1f}x")
    if "1mb" in results:
        print(f"  1 MB: {results['1mb']['seconds']:.1f} s, CPU {results['1mb']['cpu']:.1f} s (target < 10 s)")
    print(f"  peak RSS: {max(r['rss_mb'] for r in results.values()):.0f} MB (target < 400 MB)")


if __name__ == "__main__":
    main()
