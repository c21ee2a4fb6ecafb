"""The `frontlines` command: parse arguments, call the library, format output - nothing else.

Errors become a one-line message on stderr and a non-zero exit code, never a traceback
(set FRONTLINES_DEBUG=1 to see one). A run that went on past bad records (``ingest --skip-bad``,
``backfill``) and stored every good one exits with ``EXIT_PROBLEMS`` (6): completed with problems,
each reported on stderr.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import click

from frontlines import __version__, settings
from frontlines.errors import FrontlinesError, InputError, InvalidParameterError
from frontlines.model import GENRES, Document, Event, Genre

__all__ = ["main"]

FORMATS = ("json", "jsonl", "csv", "geojson")
EXIT_PROBLEMS = 6  # the run completed, but something was skipped or failed (each one reported)


class _Cli(click.Group):
    """Translate every error at the edge."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except FrontlinesError as exc:
            _fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            _fail("interrupted; everything committed before the interruption is kept.", 130)
        except BrokenPipeError:
            sys.stderr.close()
            sys.exit(0)
        except (click.exceptions.Exit, click.ClickException, click.Abort, SystemExit):
            raise
        except Exception as exc:  # last line of defence: no tracebacks for users
            if os.environ.get("FRONTLINES_DEBUG"):
                raise
            _fail(f"internal error: {exc!r}. Re-run with FRONTLINES_DEBUG=1 for details and report it.", 70)


def _fail(message: str, code: int) -> None:
    from frontlines.store.urls import redact_text

    click.echo(f"error: {redact_text(message)}", err=True)
    sys.exit(code)


def _published(_ctx: click.Context, _param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    from frontlines.pipeline.reading.ingest import parse_published

    try:
        return parse_published(value)
    except InvalidParameterError as exc:
        raise click.BadParameter(str(exc)) from exc


@click.group(cls=_Cli, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="frontlines")
@click.option("--db", envvar="FRONTLINES_DB", default=lambda: settings.get("db"), show_default="frontlines.sqlite",
              help="Store: a SQLite path or a postgresql:// URL (env FRONTLINES_DB).")
@click.pass_context
def cli(ctx: click.Context, db: str) -> None:
    """Frontlines: conflict reports in, a sourced, geocoded record of events out."""
    ctx.obj = {"db": db}


_GENRE_HELP = ("What kind of text the documents are, unless a record's own 'genre' field says: report (news, blog "
               "posts) or note (a coder's note or an event dataset's snippet, written about one incident: aggregates, "
               "ongoing and spread deeds and deployments in it are coded).")


# -- extract -----------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_published, help="Publication date YYYY-MM-DD (overrides the documents').")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="json: one document object per line; jsonl: one event per line; csv; geojson.")
@click.option("--pretty", is_flag=True, help="Indent JSON output.")
@click.option("--genre", type=click.Choice(GENRES), default="report", show_default=True, help=_GENRE_HELP)
def extract(paths: tuple[str, ...], published: date | None, fmt: str, pretty: bool, genre: Genre) -> None:
    """Extract events from PATHS (files or - for stdin) without storing them."""
    docs = _Processed(paths, published, genre)
    if fmt == "json":
        for doc in docs:
            click.echo(json.dumps(doc.to_dict(), ensure_ascii=False, indent=2 if pretty else None))
    else:
        _write_events((ev for doc in docs for ev in doc.events), fmt)
    docs.stop_if_bad()


class _Processed:
    """The documents of PATHS through the pipeline, for commands that write as they go (extract, geoparse). A bad
    input ends the stream; the documents read before it are still processed and written, then ``stop_if_bad``
    reports it and exits with its code."""

    def __init__(self, paths: tuple[str, ...], published: date | None, genre: Genre = "report") -> None:
        self.paths, self.published, self.genre = paths, published, genre
        self.read = 0
        self.stopped: InputError | None = None

    def _documents(self) -> Iterator[Document]:
        from frontlines.pipeline.reading.ingest import iter_documents

        try:
            for doc in iter_documents(self.paths, published=self.published, genre=self.genre):
                self.read += 1
                yield doc
        except InputError as exc:
            self.stopped = exc

    def __iter__(self) -> Iterator[Document]:
        from frontlines.pipeline import Pipeline

        return Pipeline.default().pipe(self._documents(), batch_size=16)

    def stop_if_bad(self) -> None:
        if self.stopped is not None:
            plural = "s" if self.read != 1 else ""
            verb = "was" if self.read == 1 else "were"
            after = f" Stopped there: the {self.read} document{plural} before it {verb} written above." if self.read else ""
            _fail(f"{str(self.stopped).rstrip('.')}.{after}", self.stopped.exit_code)


# -- geoparse ----------------------------------------------------------------------------
_TOPONYM_COLUMNS = ("document", "start", "end", "kind", "text", "name", "feature", "country", "admin1", "latitude",
                    "longitude", "gazetteer_id", "reason")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(("table", "json", "jsonl", "geojson")), default="table",
              show_default=True, help="table: tab-separated columns under a header; json: one document object per "
              "line; jsonl: one toponym per line; geojson: a FeatureCollection of points.")
@click.option("--demonyms/--no-demonyms", default=True, show_default=True,
              help="Read demonyms ('Iraqi' -> Iraq) as toponyms of their country or region.")
@click.option("--inner-names/--no-inner-names", default=True, show_default=True,
              help="Read countries, states and continents inside other names ('the U.S. Census Bureau').")
def geoparse(paths: tuple[str, ...], fmt: str, demonyms: bool, inner_names: bool) -> None:
    """Every toponym of PATHS (files or - for stdin) as geoparsing corpora count them, resolved, with the reason.

    Kinds: place (the extractor's resolved places), demonym, inner_name. What `frontlines evaluate` scores on
    geoparsing XML; event places never include the last two."""
    from frontlines import export
    from frontlines.knowledge.actors import get_actor_kb
    from frontlines.knowledge.gazetteer import get_gazetteer
    from frontlines.pipeline.resolution.geoparse import geoparse_toponyms

    gaz, kb = get_gazetteer(), get_actor_kb()
    processed = _Processed(paths, None)
    docs = ((doc, [{"document": doc.id, **t.to_dict()} for t in geoparse_toponyms(
        doc, gaz, kb, demonyms=demonyms, inner_names=inner_names)]) for doc in processed)
    if fmt == "json":
        for doc, rows in docs:
            toponyms = [{k: v for k, v in row.items() if k != "document"} for row in rows]
            click.echo(json.dumps({"document": doc.id, "toponyms": toponyms}, ensure_ascii=False))
    elif fmt == "geojson":
        for chunk in export.point_geojson_lines(row for _, rows in docs for row in rows):
            sys.stdout.write(chunk)
        sys.stdout.flush()
    else:
        for n, (_, rows) in enumerate(docs):
            if fmt == "table" and n == 0:
                click.echo("\t".join(_TOPONYM_COLUMNS))
            for row in rows:
                click.echo(json.dumps(row, ensure_ascii=False) if fmt == "jsonl" else
                           "\t".join("" if row[c] is None else str(row[c]) for c in _TOPONYM_COLUMNS))
    processed.stop_if_bad()


def _write_events(events: Iterable[Event], fmt: str) -> None:
    from frontlines import export

    writers = {"csv": export.csv_lines, "geojson": export.geojson_lines, "jsonl": export.jsonl_lines,
               "json": export.jsonl_lines}
    out = sys.stdout
    for chunk in writers[fmt](events):
        out.write(chunk)
    out.flush()


# -- ingest ------------------------------------------------------------------------------
@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--published", callback=_published, help="Publication date YYYY-MM-DD for undated documents.")
@click.option("--skip-bad", is_flag=True,
              help="Report malformed records and go on instead of stopping (exit status 6 if any were skipped).")
@click.option("--strict", is_flag=True, help="Read every record first and store nothing if one is bad or loses a "
                                             "field (a date or link that cannot be read).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.option("--genre", type=click.Choice(GENRES), default="report", show_default=True, help=_GENRE_HELP)
@click.pass_obj
def ingest(obj: dict[str, Any], paths: tuple[str, ...], published: date | None, skip_bad: bool, strict: bool,
           quiet: bool, genre: Genre) -> None:
    """Extract and store documents (idempotent: unchanged documents are skipped).

    A bad record stops the run (without --skip-bad) only after every document read before it is stored
    and the summary is printed (with --strict, before anything is stored); an id already held by another
    text is stored as a revision ("report~2")."""
    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import iter_documents
    from frontlines.store import open_store
    from frontlines.store.urls import redact_url

    if strict:
        _check_all(paths, published, genre)
    problems: list[str] = []
    warnings: list[str] = []
    stopped: list[InputError] = []
    with open_store(obj["db"]) as store:
        docs = iter_documents(paths, published=published, errors="skip" if skip_bad else "raise",
                              on_problem=problems.append, on_warning=warnings.append, genre=genre)
        unchanged = [0]

        def fresh() -> Iterator[Document]:
            try:
                for doc in docs:
                    if store.has_document(doc.content_hash):
                        unchanged[0] += 1
                    else:
                        yield doc
            except InputError as exc:  # the documents read so far still go through and are stored
                stopped.append(exc)

        counts, notes = _ingest_all(store, Pipeline.default(on_error="record").pipe(fresh(), batch_size=8), quiet)
        counts["unchanged"] += unchanged[0]
    for label, messages in (("warning", warnings), ("skipped", problems), ("note", notes)):
        for message in messages:
            click.echo(f"{label}: {message}", err=True)
    extra = f", {len(warnings)} warnings" if warnings else ""
    click.echo(f"{counts['added']} documents added, {counts['events']} events, "
               f"{counts['unchanged']} unchanged, {len(problems) + len(stopped)} problems{extra} -> "
               f"{redact_url(obj['db'])}")
    if stopped:
        _fail(f"{str(stopped[0]).rstrip('.')}. Stopped there: the {counts['added'] + counts['unchanged']} documents "
              "before it are stored (see the summary). Fix that record and rerun (stored documents are not redone), "
              "or rerun with --skip-bad to report bad records and go on.", stopped[0].exit_code)
    if problems:
        sys.exit(EXIT_PROBLEMS)


def _check_all(paths: tuple[str, ...], published: date | None, genre: Genre) -> None:
    """--strict: read every record (no extraction) and stop before anything is written if one is bad."""
    from frontlines.pipeline.reading.ingest import iter_documents

    found: list[str] = []
    try:
        for _ in iter_documents(paths, published=published, errors="skip", on_problem=found.append,
                                on_warning=found.append, genre=genre):
            pass
    except InputError as exc:  # a file that cannot be read at all
        found.append(str(exc))
    if found:
        for message in found:
            click.echo(f"problem: {message}", err=True)
        _fail(f"--strict: {len(found)} problems in the input (listed above); nothing was stored. Fix them, or rerun "
              "without --strict to store the good records.", 2)


def _ingest_all(store: Any, docs: Iterator[Document], quiet: bool) -> tuple[dict[str, int], list[str]]:
    """Store each document; counts of what was really written, and a note for each stored as a revision."""
    from tqdm import tqdm

    from frontlines.analysis.update import analyse_document

    counts = {"added": 0, "events": 0, "unchanged": 0}
    notes: list[str] = []
    for doc in tqdm(docs, desc="ingest", unit="doc", disable=quiet, file=sys.stderr):
        result = store.add_document(doc)
        if result.added:  # ledger, control and relations of this document only: linear in what is added
            analyse_document(store, doc, result.document_id)
        counts["added" if result.added else "unchanged"] += 1
        counts["events"] += result.events if result.added else 0
        if note := result.note():
            notes.append(note)
    return counts, notes


# -- querying ------------------------------------------------------------------------------
_COUNT_OPTION = click.option(
    "--count", type=click.Choice(("reports", "clusters")), default="reports", show_default=True,
    help="reports: every report; clusters: one per distinct event (same-event clusters kept at ingest).")


def _query_options(fn: Any) -> Any:
    for option in reversed([
        click.option("--actor", help="Actor id or part of a name."),
        click.option("--place", help="Part of a location, admin1 or country name."),
        click.option("--type", "event_type", help="ACLED event type, e.g. Battles."),
        click.option("--since", help="Earliest event date YYYY-MM-DD."),
        click.option("--until", help="Latest event date YYYY-MM-DD."),
        click.option("--bbox", help="min_lon,min_lat,max_lon,max_lat"),
        click.option("--modality", help="asserted, claimed, ... (comma-separated)."),
        _COUNT_OPTION,
    ]):
        fn = option(fn)
    return fn


def _event_query(**kw: Any) -> Any:
    from frontlines.store import EventQuery
    from frontlines.store.base import parse_bbox, parse_day

    for key in ("since", "until"):
        kw[key] = parse_day(kw.get(key), f"--{key}")
    kw["bbox"] = parse_bbox(kw.pop("bbox", None), "--bbox")
    if kw.get("actor"):
        from frontlines.knowledge.actor_search import search_ids
        from frontlines.knowledge.actors import get_actor_kb

        kw["actor_ids"] = search_ids(get_actor_kb(), kw["actor"])
    return EventQuery(**kw)


@cli.command()
@_query_options
@click.option("--limit", default=100, show_default=True)
@click.option("--format", "fmt", type=click.Choice((*FORMATS, "table")), default="jsonl", show_default=True)
@click.pass_obj
def events(obj: dict[str, Any], limit: int, fmt: str, **filters: Any) -> None:
    """List stored events matching the filters."""
    from frontlines.store import open_store

    query = _event_query(limit=limit, **filters)
    with open_store(obj["db"]) as store:
        page = store.search_events(query)
    if fmt == "table":
        from frontlines.export import short_actor

        click.echo(f"{'date':10}  {'sub-event type':28}  {'actor1':26}  {'actor2':26}  {'location':18}  {'dead':>4}  modality")
        for ev in page.items:
            click.echo(f"{ev.event_date or '?':10}  {ev.sub_event_type[:28]:28}  {short_actor(ev.actor1)[:26]:26}  "
                       f"{short_actor(ev.actor2)[:26]:26}  {(ev.location or '-')[:18]:18}  {ev.fatalities:>4}  {ev.modality}")
        click.echo(f"({len(page.items)} of {page.total})", err=True)
        return
    _write_events(page.items, fmt)


@cli.command()
@_query_options
@click.option("--format", "fmt", type=click.Choice(("csv", "geojson", "jsonl")), default="csv", show_default=True)
@click.pass_obj
def export(obj: dict[str, Any], fmt: str, **filters: Any) -> None:
    """Export every matching event (streamed)."""
    from frontlines.store import open_store

    with open_store(obj["db"]) as store:
        _write_events(store.iter_events(_event_query(**filters)), fmt)


@cli.command()
@click.option("--host", default=lambda: settings.get("host"), show_default="127.0.0.1")
@click.option("--port", default=lambda: settings.get_int("port"), type=int, show_default="8000")
@click.option("--workers", default=lambda: settings.get_int("workers"), type=click.IntRange(min=1),
              show_default="1", help="Server processes, each answering on a core of its own (a team's server: "
                                     "about one per core).")
@click.pass_obj
def serve(obj: dict[str, Any], host: str, port: int, workers: int) -> None:
    """Serve the API and dashboard."""
    from frontlines.web.app import serve as run_server

    click.echo(f"Frontlines dashboard: http://{host}:{port}/  (API docs: http://{host}:{port}/docs)")
    if host in ("0.0.0.0", "::") and not settings.get("allowed_hosts"):
        click.echo("Only localhost, 127.0.0.1 and [::1] are answered (DNS rebinding); set FRONTLINES_ALLOWED_HOSTS "
                   "to the names or addresses people use, e.g. FRONTLINES_ALLOWED_HOSTS=frontlines.lan,10.0.0.5.",
                   err=True)
    run_server(obj["db"], host=host, port=port, workers=workers)


# -- watch -------------------------------------------------------------------------------
@cli.command()
@click.argument("feeds", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--once", is_flag=True, help="Poll each feed once and exit (cron, tests); feeds still backing off "
                                           "after failures are left for later.")
@click.option("--interval", type=click.FloatRange(min=1), default=900.0, show_default=True,
              help="Seconds between polls of a feed.")
@click.option("--retry", type=click.FloatRange(min=0), default=60.0, show_default=True,
              help="Seconds before a failed feed is tried again; doubled for each failure in a row, up to 6 h.")
@click.option("--timeout", type=click.FloatRange(min=0.1), default=20.0, show_default=True,
              help="Seconds to wait for a server.")
@click.option("--no-full-text", is_flag=True, help="Store summaries as the feed gives them instead of fetching "
                                                   "each article page.")
@click.pass_obj
def watch(obj: dict[str, Any], feeds: Path, once: bool, interval: float, retry: float, timeout: float,
          no_full_text: bool) -> None:
    """Watch RSS/Atom feeds and store every new report (FEEDS: a file of URLs, one a line, or an OPML file).

    Runs until Ctrl-C or SIGTERM, one JSON line per poll on stdout. Unchanged feeds cost a 304 (ETag /
    Last-Modified); entries already taken (same link, or same text) are never ingested again, after a
    restart too; a failing feed is retried with growing waits, its error kept in the store
    (dashboard: /feeds). With --once, exits 6 when a feed failed or an entry was skipped."""
    from frontlines.feeds import FeedWatcher, WatchConfig, read_feed_list
    from frontlines.store.urls import redact_url

    config = WatchConfig(interval=interval, retry=retry, timeout=timeout, full_text=not no_full_text)
    watcher = FeedWatcher(read_feed_list(feeds), obj["db"], config=config,
                          report=lambda r: click.echo(json.dumps(r.to_dict(), ensure_ascii=False)))
    if not once:
        click.echo(f"watching {len(watcher.feeds)} feeds every {interval:g} s -> {redact_url(obj['db'])} "
                   "(Ctrl-C stops)", err=True)
        watcher.run_forever()
        return
    try:
        results = watcher.poll_due()
    finally:
        watcher.stop()
    total = {k: sum(getattr(r, k) for r in results) for k in ("added", "events", "duplicates", "skipped")}
    failed, waiting = (sum(r.status == status for r in results) for status in ("error", "waiting"))
    later = f" ({waiting} backing off after failures: left for later)" if waiting else ""
    click.echo(f"{len(results) - waiting} feeds polled{later}, {failed} failed; {total['added']} documents added, "
               f"{total['events']} events, {total['duplicates']} duplicates, {total['skipped']} entries skipped -> "
               f"{redact_url(obj['db'])}", err=True)
    if failed or total["skipped"] or any(r.deferred for r in results):
        sys.exit(EXIT_PROBLEMS)


@cli.command()
@click.argument("target", default="../shared/gold", type=click.Path(exists=True, path_type=Path))
@click.option("--corpus", type=click.Choice(("reports", "acled", "case", "geoparsing", "conll")),
              help="Force the gold format.")
@click.option("--limit", type=int, help="Evaluate only the first N items of each file.")
@click.option("--half", type=click.Choice(("odd", "even")),
              help="Real reports and geoparsing XML: odd- or even-numbered documents only (tune on one half, "
                   "check the other).")
@click.option("--verbose", "-v", is_flag=True,
              help="Real reports: list each miss, false positive and trap hit; geoparsing: each toponym missed or "
                   "placed over 161 km off, with the candidates and why the place chosen won.")
@click.option("--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
def evaluate(target: Path, corpus: str | None, limit: int | None, half: str | None, verbose: bool, fmt: str) -> None:
    """Score extraction on gold data (a gold file or a folder of them; real-report sets lead)."""
    from frontlines import evaluate as ev

    if target.is_dir():
        reports = ev.evaluate_all(target, limit=limit, half=half, verbose=verbose)
    else:
        reports = [ev.evaluate(corpus or ev.detect_corpus(target), target, limit=limit, half=half, verbose=verbose)]
    if fmt == "json":
        click.echo(json.dumps([r.to_dict() for r in reports], indent=2))
        return
    if verbose:
        for r in (r for r in reports if r.details):
            click.echo(f"{r.file}:\n{ev.render_details(r)}\n")
    click.echo(ev.render_table(reports))


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--workers", type=click.IntRange(min=1),
              help="Run on a local Dask cluster of N worker processes (one per core is best). Without it or "
                   "--scheduler the backfill runs in this process.")
@click.option("--scheduler", help="A running Dask scheduler (tcp://host:8786; start workers with "
                                  "`dask worker ADDRESS --nthreads 1`), or 'synchronous' (this process).")
@click.option("--partition-size", default=500, show_default=True, type=click.IntRange(min=1),
              help="Records per partition: the unit of work, of progress and of resuming.")
@click.option("--batch-size", default=16, show_default=True, type=click.IntRange(min=1),
              help="Documents per pipe() batch on a worker.")
@click.option("--published", callback=_published, help="Publication date YYYY-MM-DD for undated records.")
@click.option("--quiet", "-q", is_flag=True, help="No progress lines.")
@click.option("--genre", type=click.Choice(GENRES), default="report", show_default=True, help=_GENRE_HELP)
@click.pass_obj
def backfill(obj: dict[str, Any], paths: tuple[Path, ...], workers: int | None, scheduler: str | None,
             partition_size: int, batch_size: int, published: date | None, quiet: bool, genre: Genre) -> None:
    """Extract and store large JSONL/CSV archives in parallel partitions (Dask); a rerun resumes.

    Progress (documents/s, ETA, failures) goes to stderr, the report as JSON to stdout. Partitions a
    previous run finished are skipped. A record that cannot be read is reported and counted and the run
    goes on: it then exits with status 6 (completed with problems)."""
    from frontlines.batch import backfill as run_backfill

    progress = None if quiet else _ProgressLine()
    try:
        report = run_backfill(list(paths), obj["db"], scheduler=scheduler, workers=workers,
                              partition_size=partition_size, batch_size=batch_size, published=published,
                              on_progress=progress, genre=genre)
    finally:
        if progress is not None:
            progress.close()
    for failure in report.failures:
        label = "skipped" if failure.stage == "read" else f"{failure.stage} failed"
        click.echo(f"{label}: {failure.error if failure.stage == 'read' else f'{failure.document_id}: {failure.error}'}",
                   err=True)
    for label, messages in (("warning", report.warnings), ("note", report.notes)):
        for message in messages:
            click.echo(f"{label}: {message}", err=True)
    click.echo(json.dumps({**_asdict(report), "hosts": sorted(report.hosts)}, indent=2, default=str))
    if report.problems:
        sys.exit(EXIT_PROBLEMS)


class _ProgressLine:
    """'backfill: 1,200/~5,000 records (24%), 31.5 docs/s, ETA 2m01s, 3 failures' on stderr: rewritten in
    place on a terminal, else a line every few seconds (and the last one)."""

    def __init__(self, every_s: float = 2.0) -> None:
        self.tty, self.every_s, self.last = sys.stderr.isatty(), every_s, 0.0

    def __call__(self, p: Any) -> None:
        now = time.monotonic()
        if self.last and now - self.last < (0.2 if self.tty else self.every_s) and p.fraction < 1:
            return
        self.last = now
        total = f"/~{p.records / p.fraction:,.0f}" if 0 < p.fraction < 1 else ""
        eta = f", ETA {int(p.eta // 60)}m{int(p.eta % 60):02d}s" if p.eta is not None and p.fraction < 1 else ""
        line = (f"backfill: {p.records:,}{total} records ({p.fraction:.0%}), {p.rate:.1f} docs/s{eta}, "
                f"{p.failures} failures")
        click.echo(f"\r{line}\x1b[K" if self.tty else line, err=True, nl=not self.tty)

    def close(self) -> None:
        if self.tty and self.last:
            click.echo(err=True)


@cli.command()
@click.option("--since", required=True, help="Start of the period YYYY-MM-DD.")
@click.option("--until", required=True, help="End of the period YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(("markdown", "json")), default="markdown", show_default=True)
@click.option("--count", type=click.Choice(("clusters", "reports")), default="clusters", show_default=True,
              help="clusters: distinct events (the same-event clusters kept at ingest); reports: every report.")
@click.pass_obj
def sitrep(obj: dict[str, Any], since: str, until: str, fmt: str, count: str) -> None:
    """A situation report for a period, compared with the period before it."""
    from frontlines.fusion.sitrep import situation_report
    from frontlines.store import open_store

    start, end = _event_query(since=since, until=until).since, _event_query(since=since, until=until).until
    first, last = date.fromisoformat(start), date.fromisoformat(end)
    before = first - (last - first) - _one_day()
    from frontlines.analysis.service import developments

    with open_store(obj["db"]) as store:
        current = list(store.iter_events(_event_query(since=start, until=end)))
        previous = list(store.iter_events(_event_query(since=before.isoformat(), until=(first - _one_day()).isoformat())))
        changes = developments(store, start, end)
        clusters = store.clusters_of([e.event_id for e in [*current, *previous]])
    report = situation_report(current, since=first, until=last, previous=previous, developments=changes,
                              clusters=clusters, count=count)
    click.echo(report.to_markdown() if fmt == "markdown" else json.dumps(report.to_dict(), indent=2, default=str))


# -- analysis: the claims ledger, territorial control, relations (issue 13) -----------------------------------
def _as_of(value: str | None) -> date:
    from frontlines.store.base import parse_day

    return date.fromisoformat(parse_day(value, "--as-of")) if value else date.today()


def _emit(data: Any, fmt: str, rows: Iterable[dict[str, Any]], columns: tuple[str, ...]) -> None:
    if fmt == "json":
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    for row in rows:
        click.echo("\t".join("" if row.get(c) is None else str(row.get(c)) for c in columns))


@cli.command()
@click.option("--speaker", help="Part of the speaker's name.")
@click.option("--source", help="Part of the outlet's name.")
@click.option("--kind", type=click.Choice(("prediction", "intention", "threat", "denial", "claim")))
@click.option("--subject", help="Part of the name of an actor or place the entry is about.")
@click.option("--since", help="Said on or after YYYY-MM-DD.")
@click.option("--until", help="Said on or before YYYY-MM-DD.")
@click.option("--due-until", help="Due on or before YYYY-MM-DD (predictions that came due).")
@click.option("--document", "document_id", help="Entries of one document.")
@click.option("--as-of", help="Judge against events up to this day (default today).")
@click.option("--record", "record_by", type=click.Choice(("speaker", "source")),
              help="Print track records by speaker or source instead of entries.")
@click.option("--limit", default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(("json", "table")), default="json", show_default=True)
@click.pass_obj
def ledger(obj: dict[str, Any], as_of: str | None, record_by: str | None, limit: int, fmt: str, **filters: Any) -> None:
    """Predictions, intentions, threats, denials and claims, each judged against later events (confirmed,
    refuted or open, with the deciding events); with --record, each speaker's or source's track record."""
    from frontlines.analysis.service import ledger_page, track
    from frontlines.store import open_store
    from frontlines.store.analysis import LedgerQuery
    from frontlines.store.base import parse_day

    for key in ("since", "until", "due_until"):
        filters[key] = parse_day(filters.get(key), f"--{key.replace('_', '-')}")
    query = LedgerQuery(limit=limit, **filters)
    with open_store(obj["db"]) as store:
        if record_by:
            data = track(store, query, by=record_by, as_of=_as_of(as_of))
            rows, cols = data["records"], ("who", "entries", "confirmed", "refuted", "open", "brier")
        else:
            data = ledger_page(store, query, as_of=_as_of(as_of))
            rows = [{**e, "status": e["verdict"]["status"]} for e in data["entries"]]
            cols = ("said_on", "kind", "status", "speaker", "outcome", "due", "probability", "sentence")
    _emit(data, fmt, rows, cols)


@cli.command()
@click.argument("place", required=False)
@click.option("--date", "day", help="Who held it on this day YYYY-MM-DD, and since when.")
@click.option("--list", "list_places", is_flag=True, help="List the places with changes of control.")
@click.option("--format", "fmt", type=click.Choice(("json", "table")), default="json", show_default=True)
@click.pass_obj
def control(obj: dict[str, Any], place: str | None, day: str | None, list_places: bool, fmt: str) -> None:
    """Who held PLACE from when to when, on what evidence (contested periods marked); with --list and --date, who
    held each place on that day (the map's control layer)."""
    from frontlines.analysis.service import control_answer, control_map
    from frontlines.store import open_store
    from frontlines.store.base import parse_day

    with open_store(obj["db"]) as store:
        if (list_places or not place) and day:
            held = control_map(store, parse_day(day, "--date"))
            _emit(held, fmt, held["places"], ("place", "holder", "since", "contested", "latitude", "longitude"))
            return
        if list_places or not place:
            places = store.control_places(place)
            _emit(places, fmt, places, ("place", "changes", "first_day", "last_day"))
            return
        data = control_answer(store, place, parse_day(day, "--date"))
    _emit(data, fmt, data["periods"], ("since", "until", "holder", "contested"))


@cli.command()
@click.option("--actor", help="Actor id or part of a name.")
@click.option("--kind", help="fighting, support, arms, alliance, request, recognition, mediation, agreement, "
                             "sanctions or basing.")
@click.option("--since", help="On or after YYYY-MM-DD.")
@click.option("--until", help="On or before YYYY-MM-DD.")
@click.option("--limit", default=1000, show_default=True)
@click.option("--format", "fmt", type=click.Choice(("json", "table")), default="json", show_default=True)
@click.pass_obj
def relations(obj: dict[str, Any], actor: str | None, kind: str | None, since: str | None, until: str | None,
              limit: int, fmt: str) -> None:
    """Dated, evidence-linked relations between actors (fighting, support, alliances, requests, ...)."""
    from frontlines.analysis.service import relations_answer
    from frontlines.store import open_store
    from frontlines.store.base import parse_day

    with open_store(obj["db"]) as store:
        data = relations_answer(store, actor, kind, parse_day(since, "--since"), parse_day(until, "--until"), limit)
    _emit(data, fmt, data["edges"], ("date", "kind", "modality", "actor1", "actor2", "evidence"))


@cli.command()
@click.option("--limit", type=int, help="Analyse at most this many documents.")
@click.option("--again", is_flag=True, help="Analyse every stored document again (after an upgrade).")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_obj
def analyse(obj: dict[str, Any], limit: int | None, again: bool, quiet: bool) -> None:
    """Analyse stored documents that are not yet (stored by a backfill or an older version): ledger, control,
    relations, same-event clusters. Ingest does this for every document it adds."""
    from tqdm import tqdm

    from frontlines.analysis.update import refresh
    from frontlines.store import open_store

    with open_store(obj["db"]) as store, tqdm(desc="analyse", unit="doc", disable=quiet, file=sys.stderr) as bar:
        if again:
            store.forget_analysis()
        done = refresh(store, limit, progress=bar.update)
        counts = store.analysis_counts()
    click.echo(f"{done} documents analysed; the store holds {counts['ledger_entries']} ledger entries, "
               f"{counts['control_changes']} changes of control, {counts['relations']} relations, "
               f"{counts['event_clusters']} clustered events")


# -- reextract -----------------------------------------------------------------------------
@cli.command()
@click.option("--doc", "doc_ids", multiple=True, help="A stored document's id (repeat for several).")
@click.option("--source", help="Only documents whose source (outlet) contains this.")
@click.option("--since", help="Only documents published on or after YYYY-MM-DD.")
@click.option("--until", help="Only documents published on or before YYYY-MM-DD.")
@click.option("--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@click.pass_obj
def reextract(obj: dict[str, Any], doc_ids: tuple[str, ...], source: str | None, since: str | None,
              until: str | None, fmt: str, quiet: bool) -> None:
    """Run the current extractor again over stored documents (all of them, or those chosen) after it changed.

    Each document's events are replaced in one transaction; analysts' corrections, splits and merges follow their
    events (also when renumbered), and those whose event is no longer extracted stay listed as orphaned
    (frontlines corrections list --orphaned); clusters, control, relations and ledger are redone as ingest does.
    Ingest skips texts already stored: this is how stored documents get a new extractor's events."""
    from tqdm import tqdm

    from frontlines.analysis.reextraction import reextract_documents, select_documents
    from frontlines.store.base import parse_day

    since, until = parse_day(since, "--since"), parse_day(until, "--until")
    if doc_ids and (source or since or until):
        raise InvalidParameterError("give --doc, or --source/--since/--until to choose documents, not both.")
    if since and until and since > until:
        raise InvalidParameterError(f"--since {since} is after --until {until}; nothing would be chosen.")
    with _existing_store(obj["db"]) as store:
        chosen = select_documents(store, doc_ids, source, since, until)
        with tqdm(total=len(chosen), desc="reextract", unit="doc", disable=quiet, file=sys.stderr) as bar:
            summary = reextract_documents(store, chosen, _extractor(), progress=bar.update)
    _print_reextract(summary, fmt)
    if summary.failed:
        sys.exit(EXIT_PROBLEMS)


def _extractor() -> Any:
    """Stored documents in, the current pipeline's extraction of their text out (blog structure read anew)."""
    from frontlines.pipeline import Pipeline
    from frontlines.pipeline.reading.ingest import document_from_text

    pipeline = Pipeline.default(on_error="record")

    def extract(docs: Iterable[Document]) -> Iterator[Document]:
        fresh = (document_from_text(d.text, id=d.id, published=d.published, title=d.title, source=d.source,
                                    url=d.url, format=d.format, genre=d.genre) for d in docs)
        return pipeline.pipe(fresh, batch_size=8)

    return extract


def _print_reextract(summary: Any, fmt: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(summary.to_dict(), indent=2, ensure_ascii=False))
        return
    for problem in summary.failed:
        click.echo(f"skipped: {problem}", err=True)
    for old, new in sorted(summary.reattached.items()):
        click.echo(f"re-attached: {old} -> {new}")
    for event_id in summary.orphaned:
        click.echo(f"orphaned: {event_id} (no longer extracted; its records are kept, not applied)")
    click.echo(f"{summary.documents} documents re-extracted: events {summary.events_before} before, "
               f"{summary.events_after} after; events with corrections, splits or merges: "
               f"{summary.kept + len(summary.reattached)} "
               f"re-attached ({len(summary.reattached)} renumbered), {len(summary.orphaned)} orphaned; "
               f"{len(summary.failed)} failed")


# -- corrections ----------------------------------------------------------------------------
@cli.group()
def corrections() -> None:
    """Analysts' corrections of events and splits/merges of same-event clusters: list, show, undo (and split or
    merge clusters). Everything stays in the store with who, when and why; an undo marks, never deletes."""


def _existing_store(db: str) -> Any:
    """The store at ``db``; a SQLite path that does not exist is refused (never a new empty store)."""
    from frontlines.errors import StoreNotFoundError
    from frontlines.store import open_store

    path = db.removeprefix("sqlite:///").removeprefix("sqlite://")
    if "://" not in path and not Path(path).exists():
        raise StoreNotFoundError(f"no store at {path}; give --db (or FRONTLINES_DB) the store you ingested into.")
    return open_store(db)


def _cut(value: Any, width: int = 60) -> str:
    text = "" if value is None else str(value)
    return text if len(text) <= width else text[:width - 1] + "…"


def _correction_row(c: dict[str, Any]) -> dict[str, Any]:
    changed = "not an event" if c["action"] == "reject" else "; ".join(
        f"{k}: {v['from']} → {v['to']}" for k, v in c["changed"].items())
    state = "in force" if c["active"] else f"undone by {c['undone_by']} {c['undone_at']}"
    return {**c, "id": c["correction_id"], "changes": changed, "state": _orphan_state(state, c)}


def _orphan_state(state: str, record: dict[str, Any]) -> str:
    """The state, saying when the record's event is gone from a re-extraction of its document (kept, not applied)."""
    if not record.get("orphaned"):
        return state
    since = f" since {record['orphaned_at']}" if record.get("orphaned_at") else ""
    return f"ORPHANED{since}; {state}"


def _override_row(o: dict[str, Any]) -> dict[str, Any]:
    what = (f"{o['event_id']} moved out of its cluster" if o["action"] == "split"
            else f"cluster of {o['other_id']} ({len(o['moved'])} reports) into that of {o['event_id']}")
    state = "in force" if o["active"] else f"undone by {o['undone_by']} {o['undone_at']}"
    if o.get("orphans") and not o.get("orphaned"):  # some of its reports are gone from a re-extraction
        state += f"; no longer extracted: {', '.join(o['orphans'])}"
    return {**o, "id": o["override_id"], "changes": what, "state": _orphan_state(state, o)}


_CORRECTION_COLUMNS = ("id", "created_at", "analyst", "event_id", "changes", "reason", "state")


def _print_records(data: Any, fmt: str, rows: list[dict[str, Any]]) -> None:
    if fmt == "jsonl":
        for row in rows:
            click.echo(json.dumps({k: v for k, v in row.items() if k not in ("id", "changes", "state")},
                                  ensure_ascii=False, default=str))
        return
    if fmt == "table":
        click.echo("\t".join(_CORRECTION_COLUMNS))
        rows = [{c: _cut(r.get(c)) for c in _CORRECTION_COLUMNS} for r in rows]
    _emit(data, fmt, rows, _CORRECTION_COLUMNS)


@corrections.command("list")
@click.option("--event", "event_id", help="Only the corrections (or cluster changes) of this event.")
@click.option("--active/--undone", default=None, help="Only those in force, or only those undone.")
@click.option("--clusters", is_flag=True, help="Splits and merges of same-event clusters instead of corrections.")
@click.option("--orphaned", is_flag=True, default=None,
              help="Only those whose event a re-extraction of its document no longer yields (kept, not applied).")
@click.option("--limit", type=click.IntRange(1, 1000), default=100, show_default=True)
@click.option("--offset", type=click.IntRange(min=0), default=0)
@click.option("--format", "fmt", type=click.Choice(("json", "jsonl", "table")), default="json", show_default=True)
@click.pass_obj
def corrections_list(obj: dict[str, Any], event_id: str | None, active: bool | None, clusters: bool,
                     orphaned: bool | None, limit: int, offset: int, fmt: str) -> None:
    """Corrections (or, with --clusters, splits and merges), newest first: what changed, who, when, why, and
    whether each is in force or was undone (by whom, when); ORPHANED when a re-extraction of its document no longer
    yields its event (it is kept, listed and can be undone, and applies again if a later extraction yields it)."""
    with _existing_store(obj["db"]) as store:
        if clusters:
            data = store.cluster_overrides(event_id, active, limit, offset, orphaned=orphaned or None)
            rows = [_override_row(o) for o in data["items"]]
        else:
            data = {**store.corrections(event_id, active, limit, offset, orphaned=orphaned or None),
                    "counts": store.correction_counts()}
            rows = [_correction_row(c) for c in data["items"]]
    _print_records(data, fmt, rows)


@corrections.command("show")
@click.argument("record_id", type=click.IntRange(min=1))
@click.option("--cluster", is_flag=True, help="RECORD_ID is a split or merge (corrections list --clusters).")
@click.pass_obj
def corrections_show(obj: dict[str, Any], record_id: int, cluster: bool) -> None:
    """One correction (or split/merge) in full: who, when, why, the fields, the event as extracted."""
    with _existing_store(obj["db"]) as store:
        record = store.cluster_override(record_id) if cluster else store.correction(record_id)
    click.echo(json.dumps(record, indent=2, ensure_ascii=False, default=str))


@corrections.command("undo")
@click.argument("record_id", type=click.IntRange(min=1))
@click.option("--analyst", required=True, help="Who undoes it.")
@click.option("--reason", default="", help="Why.")
@click.option("--cluster", is_flag=True, help="RECORD_ID is a split or merge (corrections list --clusters).")
@click.pass_obj
def corrections_undo(obj: dict[str, Any], record_id: int, analyst: str, reason: str, cluster: bool) -> None:
    """Undo a correction (the event's latest) or a split/merge: the event, its clusters, control and relations
    are as before it; the record stays, marked undone."""
    from frontlines.analysis import corrected

    with _existing_store(obj["db"]) as store:
        if cluster:
            record = corrected.undo_override(store, record_id, analyst, reason)
        else:
            record = corrected.undo_correction(store, record_id, analyst, reason)
    click.echo(json.dumps(record, indent=2, ensure_ascii=False, default=str))


@corrections.command("split")
@click.argument("event_id")
@click.option("--analyst", required=True, help="Who splits.")
@click.option("--reason", required=True, help="Why it is another incident.")
@click.pass_obj
def corrections_split(obj: dict[str, Any], event_id: str, analyst: str, reason: str) -> None:
    """Move the report EVENT_ID out of its same-event cluster into its own, kept apart from the others."""
    from frontlines.analysis import corrected

    with _existing_store(obj["db"]) as store:
        record = corrected.split(store, event_id, analyst, reason)
    click.echo(json.dumps(record, indent=2, ensure_ascii=False, default=str))


@corrections.command("merge")
@click.argument("event_id")
@click.argument("other_id")
@click.option("--analyst", required=True, help="Who merges.")
@click.option("--reason", required=True, help="Why they are one incident.")
@click.pass_obj
def corrections_merge(obj: dict[str, Any], event_id: str, other_id: str, analyst: str, reason: str) -> None:
    """Put every report of OTHER_ID's cluster into EVENT_ID's cluster, kept together from now on."""
    from frontlines.analysis import corrected

    with _existing_store(obj["db"]) as store:
        record = corrected.merge(store, event_id, other_id, analyst, reason)
    click.echo(json.dumps(record, indent=2, ensure_ascii=False, default=str))


def _one_day() -> Any:
    from datetime import timedelta

    return timedelta(days=1)


def _asdict(obj: Any) -> Any:
    from dataclasses import asdict, is_dataclass

    return asdict(obj) if is_dataclass(obj) else obj


def main() -> None:
    cli(prog_name="frontlines")


if __name__ == "__main__":
    main()
