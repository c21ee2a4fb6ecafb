"""Incremental analysis at scale (issue 13): the time to analyse new documents - same-event clusters, changes of
control, relations and ledger entries, stored - on an empty store and on one of many synthetic events
(``store_bench.synthetic_events``: seeded, 2011-2020, places in and around Libya).

The bundled samples are read once through the pipeline (not timed); each round stores K copies of them under new
ids and times ``add_document`` and ``analysis.update.analyse_document`` per document (wall clock, and the process's
CPU time, which other work on the machine does not inflate). Linear in the new documents means: the time per
document does not grow with the store, and K ten times as large takes about ten times as long.

Two materials (``--material``):

- ``samples`` (the first one measured): each copy keeps its sample's places, its events moved by up to 400 days
  (half of them also up to 0.5 degrees, under the same place name). K copies of 20 documents put K/20 copies of each
  incident at the same few places within 800 days: the more documents, the more reports and look-alike incidents
  each new one meets at its place and week (10,000 documents: about 4 copies of each incident per place and week).
- ``spread``: each copy's events are moved to one place drawn from the synthetic store's 300 places (Libya's cities
  weighted as there) and by up to 5 years, so K copies spread over places and time as a conflict's reports do (at
  10,000 documents, fewer than one other copy of the type per place and week).

    .venv/bin/python benchmarks/analysis_incremental.py --events 1000000 --docs 1000 10000 --material spread
        [--keep big.sqlite]

Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import copy
import random
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from store_bench import places, synthetic_events  # noqa: E402

from frontlines.analysis.update import analyse_document  # noqa: E402
from frontlines.model import Document  # noqa: E402
from frontlines.store import open_store  # noqa: E402

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def processed_samples() -> list[Document]:
    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import iter_documents

    paths = [str(p) for p in sorted(SAMPLES.iterdir()) if p.suffix in {".txt", ".html", ".xml", ".jsonl"}]
    return list(Pipeline.default().pipe(iter_documents(paths), batch_size=8))


def copies(docs: list[Document], n: int, tag: str, rng: random.Random, material: str = "samples") -> list[Document]:
    out = []
    where = places() if material == "spread" else []
    weights = [6.0 if p["libya"] else 0.6 for p in where]
    for i in range(n):
        doc = copy.deepcopy(docs[i % len(docs)])
        shift = timedelta(days=rng.randrange(-400, 400) if material == "samples" else rng.randrange(-1826, 1826))
        place = rng.choices(where, weights)[0] if where else None
        doc.id = f"{tag}-{i}-{doc.id}"
        doc.text = f"{doc.text}\n[copy {tag}-{i}]"
        if doc.published:
            doc.published = doc.published + shift
        for j, ev in enumerate(doc.events):
            ev.event_id = f"{doc.id}-ev{j}"
            ev.document_id = doc.id
            if ev.event_date:
                ev.event_date = (date.fromisoformat(ev.event_date) + shift).isoformat()
            if place and ev.location:
                ev.location, ev.country, ev.admin1 = place["location"], place["country"], place["admin1"]
                ev.latitude = round(place["latitude"] + rng.uniform(-0.05, 0.05), 5)
                ev.longitude = round(place["longitude"] + rng.uniform(-0.05, 0.05), 5)
            elif ev.latitude is not None and rng.random() < 0.5:
                ev.latitude, ev.longitude = ev.latitude + rng.uniform(-0.5, 0.5), ev.longitude + rng.uniform(-0.5, 0.5)
        out.append(doc)
    return out


def run(store_path: str, docs: list[Document], label: str) -> None:
    with open_store(store_path) as store:
        size = store.sizes()["events"]
        add_s = analyse_s = analyse_cpu = 0.0
        for doc in docs:
            t0 = time.perf_counter()
            result = store.add_document(doc)
            t1, c1 = time.perf_counter(), time.process_time()
            analyse_document(store, doc, result.document_id)
            t2, c2 = time.perf_counter(), time.process_time()
            add_s, analyse_s, analyse_cpu = add_s + t1 - t0, analyse_s + t2 - t1, analyse_cpu + c2 - c1
        counts = store.analysis_counts()
    n = len(docs)
    print(f"{label:>28}: store of {size:>9,} events, {n:>6,} new documents: analysis {analyse_s:7.2f} s "
          f"({1000 * analyse_s / n:6.2f} ms/doc, CPU {1000 * analyse_cpu / n:6.2f} ms/doc), "
          f"storing {add_s:7.2f} s ({1000 * add_s / n:6.2f} ms/doc); "
          f"clusters {counts['event_clusters']:,}, ledger {counts['ledger_entries']:,}, "
          f"control {counts['control_changes']:,}, relations {counts['relations']:,}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--docs", type=int, nargs="+", default=[500, 1000])
    parser.add_argument("--keep", help="SQLite file for the big store (loaded once, reused)")
    parser.add_argument("--seed", type=int, default=13, help="another seed for new copies on a kept store")
    parser.add_argument("--material", choices=("samples", "spread"), default="samples",
                        help="copies at their samples' places (the first runs) or spread over the store's places")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    samples = processed_samples()
    print(f"{len(samples)} sample documents processed; {sum(len(d.events) for d in samples)} events among them")
    with tempfile.TemporaryDirectory() as tmp:
        for k in args.docs:
            run(str(Path(tmp) / f"empty-{k}.sqlite"), copies(samples, k, f"e{k}", rng, args.material), "empty store")
        big = args.keep or str(Path(tmp) / "big.sqlite")
        with open_store(big) as store:
            if store.sizes()["events"] < args.events:
                t0 = time.perf_counter()
                store.bulk_load_events(synthetic_events(args.events - store.sizes()["events"]))
                print(f"loaded {args.events:,} synthetic events in {time.perf_counter() - t0:.0f} s", flush=True)
        for k in args.docs:
            run(big, copies(samples, k, f"b{k}-{rng.randrange(10**9)}", rng, args.material),
                f"{args.events:,}-event store")


if __name__ == "__main__":
    main()
