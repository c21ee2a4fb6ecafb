"""Fault suite (issue 14, deliverable 7): every reader of ``frontlines ingest`` fuzzed with hypothesis - text,
Markdown, HTML, JSONL, CSV, RSS/Atom - through the public ``iter_documents`` on real files.

Properties: whatever the bytes, a reader never raises anything but our ``InputError`` (and with
``errors="skip"`` nothing at all: each problem is reported); and in an archive or feed of good records
mixed with broken ones, every good record comes out (0 records lost)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.errors import InputError
from frontlines.pipeline.reading.ingest import SUPPORTED_SUFFIXES, iter_documents

FUZZ = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

printable = st.characters(blacklist_categories=("Cs", "Cc"))
words = st.text(printable, min_size=1, max_size=60).filter(lambda s: s.strip())
junk_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
junk_bytes = st.one_of(
    st.binary(max_size=600),
    junk_text.map(lambda s: s.encode("utf-8")),
    junk_text.map(lambda s: s.encode("utf-16")),  # with a byte-order mark
    junk_text.map(lambda s: s.encode("utf-8", "surrogatepass")[:-1] if s else b"\xff"),  # cut mid-character
)
json_value = st.recursive(st.none() | st.booleans() | st.integers(-(2**64), 2**64) | st.floats() | junk_text,
                          lambda inner: st.lists(inner, max_size=3) | st.dictionaries(junk_text, inner, max_size=3),
                          max_leaves=6)


def _read(path: Path, errors: str) -> tuple[list[Any], list[str]]:
    problems: list[str] = []
    docs = list(iter_documents([path], errors=errors, on_problem=problems.append, on_warning=problems.append))
    return docs, problems


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("suffix", sorted(SUPPORTED_SUFFIXES))
def test_any_bytes_are_read_or_refused_with_our_error(tmp_path, suffix: str) -> None:
    @FUZZ
    @given(data=junk_bytes)
    def run(data: bytes) -> None:
        path = _write(tmp_path, f"fuzz{suffix}", data)
        docs, problems = _read(path, "skip")  # never raises: each problem is reported
        try:
            strict, _ = _read(path, "raise")
        except InputError as exc:
            assert str(exc), suffix
        else:
            assert [d.text for d in strict] == [d.text for d in docs]
        for doc in docs:
            assert doc.text.strip() and "\x00" not in doc.text

    run()


# -- good records among broken ones: none lost -------------------------------------------------------------------
any_text = st.text(max_size=80)  # lone surrogates too: JSON can carry them ("\\ud800")
good_record = st.fixed_dictionaries(
    {"text": st.one_of(words, st.tuples(words, any_text).map("".join))},
    optional={"title": st.one_of(st.none(), any_text, st.integers()), "source": st.one_of(st.none(), any_text),
              "url": any_text, "published": st.one_of(junk_text, st.integers(), st.floats(), st.none())})
bad_line = st.one_of(
    junk_text.filter(lambda s: "\n" not in s and "\r" not in s and "\u2028" not in s),
    st.builds(lambda v: json.dumps({"text": v}), json_value.filter(lambda v: not (isinstance(v, str) and v.strip()))),
    st.builds(lambda t, v: json.dumps({"text": t, "title": v}), words, st.dictionaries(junk_text, json_value, min_size=1)),
    st.builds(lambda v: json.dumps(v), json_value.filter(lambda v: not isinstance(v, dict))),
)


@FUZZ
@given(rows=st.lists(st.one_of(good_record.map(lambda r: ("good", r)), bad_line.map(lambda b: ("bad", b))),
                     min_size=1, max_size=12))
def test_jsonl_good_records_survive_bad_ones(tmp_path, rows: list[tuple[str, Any]]) -> None:
    lines, expected = [], []
    for i, (kind, row) in enumerate(rows):
        if kind == "good":
            record = {"id": f"good-{i}", **row}
            lines.append(json.dumps(record))  # ASCII: escapes any lone surrogate
            expected.append(f"good-{i}")
        else:
            lines.append(row)
    docs, _ = _read(_write(tmp_path, "mixed.jsonl", "\n".join(lines).encode("utf-8")), "skip")
    got = [d.id for d in docs]
    assert [i for i in got if i.startswith("good-")] == expected  # no good record lost, order kept


@FUZZ
@given(rows=st.lists(st.one_of(st.tuples(st.just("good"), words, junk_text),
                               st.tuples(st.just("bad"), st.just(""), junk_text)), min_size=1, max_size=12))
def test_csv_good_records_survive_bad_ones(tmp_path, rows: list[tuple[str, str, str]]) -> None:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "text", "title"])
    expected = []
    for i, (kind, text, title) in enumerate(rows):
        writer.writerow([f"row-{i}", text, title])
        if kind == "good":
            expected.append(f"row-{i}")
    docs, _ = _read(_write(tmp_path, "mixed.csv", out.getvalue().encode("utf-8")), "skip")
    assert [d.id for d in docs] == expected


@FUZZ
@given(entries=st.lists(st.tuples(words, words), min_size=1, max_size=8), cut=st.integers(0, 10_000))
def test_feed_entries_survive_a_truncated_last_entry(tmp_path, entries: list[tuple[str, str]], cut: int) -> None:
    items = [f"<item><title>{escape(t)}</title><link>http://127.0.0.1/{i}</link>"
             f"<description>{escape(body)}</description></item>" for i, (t, body) in enumerate(entries)]
    tail = "<item><title>Cut short</title><link>http://127.0.0.1/cut</link><description>Fighting erupted in"
    feed = f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>T</title>{''.join(items)}{tail}"
    docs, _ = _read(_write(tmp_path, "cut.xml", feed.encode("utf-8")), "skip")
    urls = [d.url for d in docs]
    assert urls[:len(entries)] == [f"http://127.0.0.1/{i}" for i in range(len(entries))]
    _read(_write(tmp_path, "cut2.xml", feed.encode("utf-8")[:cut]), "skip")  # any prefix: no crash


html_text = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=200)
tags = st.sampled_from(["p", "div", "article", "h1", "script", "style", "nav", "table", "td", "br", "li", "a", "b"])


@st.composite
def html_pages(draw: Any) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 12))):
        tag = draw(tags)
        body = draw(st.one_of(html_text.map(escape), html_text))  # escaped or raw (broken markup)
        closed = draw(st.booleans())
        parts.append(f"<{tag}>{body}" + (f"</{tag}>" if closed else ""))
    head = draw(st.sampled_from(["<!doctype html><html><head><title>x</title></head><body>", "<html>", "", "<body>"]))
    return head + "".join(parts)


@FUZZ
@given(page=html_pages())
def test_html_pages_are_read_or_refused(tmp_path, page: str) -> None:
    path = _write(tmp_path, "page.html", page.encode("utf-8"))
    docs, _ = _read(path, "skip")
    assert len(docs) <= 1
    try:
        _read(path, "raise")
    except InputError as exc:
        assert "HTML" in str(exc) or "empty" in str(exc), exc
