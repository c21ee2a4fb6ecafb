"""A fixed, reproducible sample of ledger entries for a hand check (issue 13): the dev reports are ingested into a
scratch SQLite store (a temporary directory, never the project's store), the ledger is read back judged as of one
day, the entries are ordered by document id and offset, and every k-th one is printed with its speaker, kind, cue,
outcome and verdict, and the sentence before it (the context a checker needs). The gold text is read at run time
from ``../shared/gold/reports`` and never written into the repository.

    .venv/bin/python benchmarks/ledger_sample.py [--size 40] [--as-of 2026-12-06] [--offset 0] [REPORTS.jsonl...]

The judgements themselves (speaker right, outcome right) are a person's, recorded in docs/ledger_check.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT.parent / "shared" / "gold" / "reports"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("reports", nargs="*", type=Path)
    parser.add_argument("--size", type=int, default=40)
    parser.add_argument("--as-of", default="2026-12-06")
    parser.add_argument("--offset", type=int, default=0, help="which of each k entries (0 .. k-1)")
    args = parser.parse_args(argv)
    reports = args.reports or sorted(GOLD.glob("reports_dev_*.jsonl"))
    exe = str(ROOT / ".venv" / "bin" / "frontlines")
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "scratch.sqlite")
        subprocess.run([exe, "--db", db, "ingest", "-q", *map(str, reports)], check=True, stdout=subprocess.DEVNULL)
        out = subprocess.run([exe, "--db", db, "ledger", "--limit", "10000", "--as-of", args.as_of],
                             check=True, capture_output=True, text=True).stdout
        texts = {r["id"]: r["text"] for p in reports for r in map(json.loads, p.read_text(encoding="utf-8").splitlines())
                 if r}
    entries = sorted(json.loads(out)["entries"], key=lambda e: (e["document_id"], e["start"]))
    step = max(1, len(entries) // args.size)
    sample = entries[args.offset::step][: args.size]
    print(f"{len(entries)} entries, every {step}th from {args.offset}: {len(sample)}")
    for n, e in enumerate(sample, start=1):
        text = texts.get(e["document_id"], "")
        before = text[max(0, e["start"] - 300):e["start"]].replace("\n", " ")
        verdict = e["verdict"]
        print(f"\n#{n} {e['entry_id']} {e['kind']} cue={e['cue']!r} said_on={e['said_on']}")
        print(f"   speaker={e['speaker']!r} ({e['speaker_kind']}) source={e['source']!r}")
        print(f"   outcome={e['outcome']} negated={e['negated']} due={e['due']} places={e['places']} actors={e['actors']}")
        print(f"   verdict={verdict['status']} ({verdict['reason']}) events={verdict['events']}")
        print(f"   before: ...{before[-300:]}")
        print(f"   SENTENCE: {e['sentence']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
