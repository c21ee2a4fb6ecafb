"""What following the analysts costs (issue 12, deliverable 4), measured side by side in one run on one store:
synthetic events (``store_bench.synthetic_events``) plus copies of the bundled samples stored and analysed (their
events clustered, with changes of control and relations).

- a correction of an event's date and actor (and its undo) through the store alone, and through
  ``analysis.corrected``, which also recomputes its document's control, relations and ledger and its clusters;
- a split, a merge and their undo;
- analysing a new document with splits in force (one query says which of its reports they name), against the same
  document analysed without reading them (each document analysed both ways, alternately first);
- re-extracting a stored document whose events are renumbered (``analysis.corrected.reextract``: its events
  replaced, the overrides re-attached by the events' identity, the document analysed again), for documents with a
  correction and a split in force and for documents with none.

    .venv/bin/python benchmarks/corrections_bench.py --events 200000 --docs 300 --sample 40 [--no-reextract]

Figures are printed (p50 / p95 in ms), never asserted.
"""

from __future__ import annotations

import argparse
import copy
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from analysis_incremental import processed_samples  # noqa: E402
from store_bench import synthetic_events  # noqa: E402

from frontlines.analysis import corrected  # noqa: E402
from frontlines.analysis.update import analyse_document  # noqa: E402
from frontlines.model import Document  # noqa: E402
from frontlines.store import Store, open_store  # noqa: E402


def _ms(times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return f"p50 {1000 * statistics.median(ordered):7.2f} ms  p95 {1000 * p95:7.2f} ms  (n={len(ordered)})"


def _timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def retold(docs: list[Document], n: int, tag: str, rng: random.Random) -> list[Document]:
    """``n`` copies of the samples under new ids, each moved by one of a few shifts (0 to 3 days, or years), so
    that copies of one sample tell the same incidents and cluster (another outlet's report of them)."""
    out = []
    for i in range(n):
        doc = copy.deepcopy(docs[i % len(docs)])
        shift = timedelta(days=rng.choice((0, 0, 1, 3, 400, 800, -400)))
        doc.id = f"{tag}-{i}-{doc.id}"
        doc.text = f"{doc.text}\n[copy {tag}-{i}]"
        if doc.published:
            doc.published = doc.published + shift
        for j, ev in enumerate(doc.events):
            ev.event_id, ev.document_id = f"{doc.id}-ev{j}", doc.id
            if ev.event_date:
                ev.event_date = (date.fromisoformat(ev.event_date) + shift).isoformat()
        out.append(doc)
    return out


def _analyse(store: Store, docs: list[Document]) -> list[float]:
    out = []
    for doc in docs:
        stored_as = store.add_document(doc).document_id
        t0 = time.perf_counter()
        analyse_document(store, doc, stored_as)
        out.append(time.perf_counter() - t0)
    return out


def side_by_side(store: Store, docs: list[Document]) -> tuple[list[float], list[float]]:
    """Each document stored, then analysed twice, alternately first: reading the overrides in force for each
    report it places, and not reading them (``overridden`` answering none: the clustering as it was before splits
    and merges existed)."""
    obeyed: list[float] = []
    skipped: list[float] = []
    for i, doc in enumerate(docs):
        stored_as = store.add_document(doc).document_id
        for skip in ((False, True) if i % 2 else (True, False)):
            if skip:
                store.overridden = lambda _ids: set()  # type: ignore[method-assign]
            t0 = time.perf_counter()
            analyse_document(store, doc, stored_as)
            (skipped if skip else obeyed).append(time.perf_counter() - t0)
            if skip:
                del store.overridden
    return obeyed, skipped


def corrections(store: Store, ids: list[str]) -> None:
    fields = {}
    for event_id in ids:
        ev = store.get_event(event_id)
        day = (date.fromisoformat(ev.event_date or "2019-01-01") + timedelta(days=1)).isoformat()
        fields[event_id] = {"event_date": day, "actor2": "Benchmark Militia"}
    for label, correct, undo in (
            ("store only", lambda e: store.correct_event(e, "bench", "bench", fields[e]),
             lambda c: store.undo_correction(c, "bench")),
            ("with recompute", lambda e: corrected.correct(store, e, "bench", "bench", fields[e]),
             lambda c: corrected.undo_correction(store, c, "bench"))):
        made, undone = [], []
        for event_id in ids:
            t0 = time.perf_counter()
            record = correct(event_id)
            made.append(time.perf_counter() - t0)
            undone.append(_timed(lambda undo=undo, record=record: undo(record["correction_id"])))
        print(f"correct date+actor, {label:>15}: {_ms(made)};  undo: {_ms(undone)}", flush=True)


def overrides(store: Store, ids: list[str]) -> list[int]:
    """Split each report of ``ids`` that shares its cluster, and undo; merge its cluster with another report's, and
    undo; then split them again and leave those splits in force. Returns their ids."""
    split_s: list[float] = []
    merge_s: list[float] = []
    undo_s: list[float] = []
    for event_id, other in zip(ids, reversed(ids), strict=True):
        clusters = store.clusters_of([event_id, other])
        if event_id in clusters and len(store.cluster_members(clusters[event_id])) > 1:
            t0 = time.perf_counter()
            record = corrected.split(store, event_id, "bench", "bench")
            split_s.append(time.perf_counter() - t0)
            undo_s.append(_timed(lambda r=record: corrected.undo_override(store, r["override_id"], "bench")))
        clusters = store.clusters_of([event_id, other])
        if event_id in clusters and other in clusters and clusters[event_id] != clusters[other]:
            t0 = time.perf_counter()
            record = corrected.merge(store, event_id, other, "bench", "bench")
            merge_s.append(time.perf_counter() - t0)
            undo_s.append(_timed(lambda r=record: corrected.undo_override(store, r["override_id"], "bench")))
    print(f"split: {_ms(split_s or [0.0])};  merge: {_ms(merge_s or [0.0])}", flush=True)
    print(f"undo a split or merge (its reports placed again): {_ms(undo_s or [0.0])}", flush=True)
    kept = []
    for event_id in ids:
        cluster = store.clusters_of([event_id]).get(event_id)
        if cluster and len(store.cluster_members(cluster)) > 1:
            kept.append(corrected.split(store, event_id, "bench", "kept")["override_id"])
    return kept


def reextractions(store: Store, ids: list[str], rng: random.Random) -> None:
    """Correct each report of ``ids`` (left in force, with its split), then re-extract its document with every event
    renumbered; the same for as many documents with no override. Each re-extraction checks what it re-attached."""
    for event_id in ids:
        corrected.correct(store, event_id, "bench", "kept", {"actor2": "Benchmark Militia"})
    named = {r["document_id"] for r in store._feed_sql("SELECT DISTINCT document_id FROM event_anchors")}
    plain = sorted({r["document_id"] for r in store._feed_sql(
        "SELECT DISTINCT document_id FROM event_clusters WHERE document_id IS NOT NULL")} - named)
    for label, docs in (("with overrides in force", sorted(named)), ("with none", rng.sample(plain, min(len(named),
                                                                                                      len(plain))))):
        times, moved = [], 0
        for document_id in docs:
            doc = store.get_document(document_id)
            for ev in doc.events:
                ev.event_id = f"{ev.event_id}-r"
            t0 = time.perf_counter()
            result = corrected.reextract(store, doc)
            times.append(time.perf_counter() - t0)
            moved += len(result["reattached"])
            assert not result["orphaned"], result
        print(f"re-extract a document, its events renumbered, {label}: {_ms(times or [0.0])}; "
              f"{moved} overridden events re-attached", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--events", type=int, default=200_000, help="synthetic events loaded first")
    parser.add_argument("--docs", type=int, default=300, help="copies of the samples stored and analysed, per round")
    parser.add_argument("--sample", type=int, default=40, help="events corrected, split and merged")
    parser.add_argument("--db", help="a throwaway store (SQLite path or postgresql:// URL) the events are loaded into")
    parser.add_argument("--no-reextract", dest="reextract", action="store_false",
                        help="leave out the re-extractions (the figures of the version before they existed)")
    args = parser.parse_args()
    rng = random.Random(12)
    samples = processed_samples()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or str(Path(tmp) / "bench.sqlite")
        with open_store(url) as store:
            t0 = time.perf_counter()
            store.bulk_load_events(synthetic_events(args.events))
            print(f"{args.events:,} synthetic events loaded in {time.perf_counter() - t0:.0f} s", flush=True)
            base = _analyse(store, retold(samples, args.docs, "a", rng))
            clustered = [r["event_id"] for r in store._feed_sql(
                "SELECT event_id FROM event_clusters WHERE reason <> 'first report' ORDER BY event_id")]
            ids = rng.sample(clustered, min(args.sample, len(clustered)))
            print(f"{store.sizes()['events']:,} events, {len(clustered):,} reports joined another's cluster; "
                  f"{len(ids)} of them corrected, split and merged", flush=True)
            corrections(store, ids)
            kept = overrides(store, ids)
            print(f"analyse a new document, no override in force: {_ms(base)}", flush=True)
            obeyed, skipped = side_by_side(store, retold(samples, args.docs, "b", rng))
            print(f"with {len(kept)} splits in force, each new document analysed twice, alternately first:", flush=True)
            print(f"  the overrides read for each report: {_ms(obeyed)}", flush=True)
            print(f"  the overrides not read (as before): {_ms(skipped)};  ratio of medians "
                  f"{statistics.median(obeyed) / statistics.median(skipped):.2f}", flush=True)
            if args.reextract:
                reextractions(store, ids, rng)


if __name__ == "__main__":
    main()
