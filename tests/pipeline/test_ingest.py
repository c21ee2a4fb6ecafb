"""Reading what users bring, and bad input (issue 2): every failure is an InputError that names the
file (and line) and says what to do; archives stream, so their size is not limited by one document's."""

from __future__ import annotations

import json
from datetime import date

import pytest

from frontlines.errors import (
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    InvalidParameterError,
    MalformedInputError,
)
from frontlines.pipeline.reading.ingest import iter_documents, parse_published, read_path

BLOG = """Tuesday, January 12, 2016

IS fighters push west of Sirte

Islamic State militants attacked Harawa on Monday, local officials said.

My Comment: This will not end soon.
"""


def _write(tmp_path, name: str, content: str | bytes):
    path = tmp_path / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def test_text_blog_keeps_title_dateline_and_commentary(tmp_path) -> None:
    [doc] = read_path(_write(tmp_path, "post.txt", BLOG))
    assert doc.id == "post"
    assert doc.published == date(2016, 1, 12)
    assert doc.title == "IS fighters push west of Sirte"
    kinds = {b.kind for b in doc.blocks}
    assert {"dateline", "title", "commentary"} <= kinds


def test_jsonl_keeps_ids_and_order(tmp_path) -> None:
    lines = [{"id": "a-1", "text": "Clashes in Sirte.", "published": "2016-05-01"},
             {"id": "b-2", "text": "Protest in Benghazi.", "title": "Protest", "source": "Libya Herald"}]
    path = _write(tmp_path, "archive.jsonl", "\n".join(json.dumps(x) for x in lines) + "\n")
    docs = read_path(path)
    assert [d.id for d in docs] == ["a-1", "b-2"]
    assert docs[0].published == date(2016, 5, 1)
    assert docs[1].source == "Libya Herald"


def test_csv_archive(tmp_path) -> None:
    path = _write(tmp_path, "a.csv", 'id,text,published\nx1,"Clashes in Sirte, officials said.",2016-05-01\n')
    [doc] = read_path(path)
    assert doc.id == "x1" and doc.published == date(2016, 5, 1)


def test_a_records_genre_field_wins_over_the_runs(tmp_path) -> None:
    """Notes and reports in one archive: each record's "genre" says; records without one take the run's."""
    path = _write(tmp_path, "mixed.csv", "id,text,genre\nn1,Protests reported in several towns.,note\n"
                                         "r1,Clashes in Sirte on Monday.,\n")
    assert [d.genre for d in read_path(path)] == ["note", "report"]
    spelled = _write(tmp_path, "spelled.csv", "id,text,genre\nn2,Protests reported in several towns.,\" Note \"\n")
    assert [d.genre for d in read_path(spelled)] == ["note"]
    assert [d.genre for d in read_path(path, genre="note")] == ["note", "note"]
    [text] = read_path(_write(tmp_path, "one.txt", "Clashes in Sirte on Monday."), genre="note")
    assert text.genre == "note"


def test_an_unknown_genre_is_a_clear_error_that_costs_only_its_record(tmp_path) -> None:
    path = _write(tmp_path, "bad.jsonl", '{"id": "1", "text": "ok", "genre": "wire"}\n{"id": "2", "text": "fine"}\n')
    with pytest.raises(MalformedInputError, match=r"line 1: genre 'wire' is not one of report, note; write \"report\""):
        read_path(path)
    problems: list[str] = []
    assert [d.id for d in iter_documents([path], errors="skip", on_problem=problems.append)] == ["2"]
    assert len(problems) == 1
    with pytest.raises(InvalidParameterError, match="genre='wire': use one of report, note"):
        list(iter_documents([path], genre="wire"))  # type: ignore[arg-type]


def test_rss_feed_and_html_page(tmp_path) -> None:
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
           "<item><title>Clashes</title><link>http://example.org/1</link><pubDate>Tue, 12 Jan 2016 10:00:00 GMT</pubDate>"
           "<description>Fighting erupted in Sirte on Monday between IS and Misrata brigades.</description></item>"
           "</channel></rss>")
    [item] = read_path(_write(tmp_path, "feed.xml", rss))
    assert item.published == date(2016, 1, 12) and item.url == "http://example.org/1"
    body = " ".join(["Fighting erupted in Sirte on Monday between IS and Misrata brigades."] * 5)
    html = (f"<html><head><title>Clashes</title></head><body><nav>Home | About | Contact</nav>"
            f"<article><h1>Clashes in Sirte</h1><p>{body}</p></article><footer>Copyright</footer></body></html>")
    [page] = read_path(_write(tmp_path, "page.html", html))
    assert "Fighting erupted in Sirte" in page.text
    assert "Contact" not in page.text


@pytest.mark.parametrize("name, content, error", [
    ("empty.txt", "", EmptyInputError),
    ("blank.txt", "   \n\n", EmptyInputError),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", EncodingError),
    ("latin1.txt", "Clashes near Misrata caf\xe9".encode("latin-1"), EncodingError),
    ("empty.jsonl", "", EmptyInputError),
    ("binary.jsonl", b"\x00\x01\x02", EncodingError),
    ("latin1.jsonl", '{"text": "caf\xe9"}\n'.encode("latin-1"), EncodingError),
    ("broken.jsonl", '{"id": "1", "text": "ok"}\n{"id": "2", "text": \n', MalformedInputError),
    ("list.jsonl", '["not", "an", "object"]\n', MalformedInputError),
    ("notext.jsonl", '{"id": "1", "title": "no text"}\n', MalformedInputError),
    ("noheader.csv", "just,some,columns\n1,2,3\n", MalformedInputError),
    ("ragged.csv", "id,text\n1,Clashes in Sirte,extra,fields\n", MalformedInputError),
    ("broken.xml", "<?xml version='1.0'?><rss><channel><item><title>unclosed", MalformedInputError),
    ("empty.html", "<html><body><nav>Home</nav></body></html>", MalformedInputError),
    ("data.pdf", "%PDF-1.4", InputError),
])
def test_bad_input_is_a_clear_error(tmp_path, name: str, content: str | bytes, error: type) -> None:
    path = _write(tmp_path, name, content)
    with pytest.raises(error) as info:
        read_path(path)
    message = str(info.value)
    assert name in message  # names the file
    assert message.rstrip().endswith((".", ")", "`", "?"))  # a whole sentence
    assert "\n" not in message


def test_broken_line_is_reported_with_its_number(tmp_path) -> None:
    path = _write(tmp_path, "broken.jsonl", '{"id": "1", "text": "ok"}\n{"id": "2", "text": \n')
    with pytest.raises(MalformedInputError, match="line 2"):
        read_path(path)


def test_skip_mode_keeps_good_records_and_reports_bad_ones(tmp_path) -> None:
    path = _write(tmp_path, "mixed.jsonl", '{"id": "1", "text": "ok"}\nnot json\n{"id": "3", "text": "fine"}\n')
    problems: list[str] = []
    docs = list(iter_documents([path], errors="skip", on_problem=problems.append))
    assert [d.id for d in docs] == ["1", "3"]
    assert len(problems) == 1 and "line 2" in problems[0]


def test_missing_file_and_folder(tmp_path) -> None:
    with pytest.raises(InputError, match="does not exist"):
        read_path(tmp_path / "nope.txt")
    with pytest.raises(InputError, match="is a folder"):
        read_path(tmp_path)


def test_a_50_mb_document_is_refused_but_a_50_mb_archive_streams(tmp_path) -> None:
    sentence = "Clashes were reported in Sirte on Monday between rival brigades. "
    big = tmp_path / "huge.txt"
    with big.open("w", encoding="utf-8") as fh:
        for _ in range(50 * 1024 * 1024 // len(sentence) + 1):
            fh.write(sentence)
    with pytest.raises(InputTooLargeError, match="JSONL archive"):
        read_path(big)
    archive = tmp_path / "huge.jsonl"
    line = json.dumps({"text": sentence * 200}) + "\n"
    count = 50 * 1024 * 1024 // len(line) + 1
    with archive.open("w", encoding="utf-8") as fh:
        fh.writelines(f'{{"id": "d{i}", ' + line[1:] for i in range(count))
    assert archive.stat().st_size > 50 * 1024 * 1024
    seen = 0
    for _doc in iter_documents([archive]):
        seen += 1
        if seen == 3:
            break  # streamed: the first documents come before the whole file is read
    assert seen == 3


def test_one_oversized_record_in_an_archive(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("FRONTLINES_MAX_BYTES", "1000")
    path = _write(tmp_path, "a.jsonl", json.dumps({"id": "big", "text": "x" * 2000}) + "\n")
    with pytest.raises(MalformedInputError, match="limit"):
        read_path(path)


@pytest.mark.parametrize("value, expected", [("2019-04-07", date(2019, 4, 7)), ("7 April 2019", date(2019, 4, 7)),
                                             ("April 7, 2019", date(2019, 4, 7)), ("2019-04-07T10:00:00Z", date(2019, 4, 7))])
def test_published_formats(value: str, expected: date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["2019-13-01", "yesterday", "", "07/04"])
def test_invalid_published_says_what_to_use(value: str) -> None:
    with pytest.raises(InvalidParameterError, match="YYYY-MM-DD"):
        parse_published(value)


# -- issue 14: one bad record never costs the good ones ---------------------------------------------------
@pytest.mark.parametrize("value, expected", [
    ("7:58 AM ET, Sat January 3, 2015", date(2015, 1, 3)),  # the CNN archive's format
    ("Sat January 3, 2015", date(2015, 1, 3)),
    ("Sat, 03 Jan 2015 23:58:00 -0500", date(2015, 1, 3)),  # RFC 2822, the date as written (not UTC)
    ("2016/06/11", date(2016, 6, 11)),
    ("2015-01-03T07:58:00-05:00", date(2015, 1, 3)),
    ("12 janvier 2016", date(2016, 1, 12)),
])
def test_published_in_the_formats_archives_use(value: str, expected: date) -> None:
    assert parse_published(value) == expected


@pytest.mark.parametrize("value", ["yesterday", "3 days ago", "now", "Tuesday", "January 2015", "2019-13-01",
                                   "07/04", "1420289880", "x" * 5000])
def test_no_date_is_invented_from_nothing(value: str) -> None:
    with pytest.raises(InvalidParameterError, match="YYYY-MM-DD"):
        parse_published(value)


def test_unreadable_date_keeps_the_record_undated_with_a_warning(tmp_path) -> None:
    path = _write(tmp_path, "a.jsonl", "\n".join(json.dumps(x) for x in [
        {"id": "1", "text": "Clashes in Sirte.", "published": "7:58 AM ET, Sat January 3, 2015"},
        {"id": "2", "text": "Clashes in Derna.", "published": "yesterday-ish"},
        {"id": "3", "text": "Clashes in Ajdabiya.", "published": {"day": 3}},
    ]) + "\n")
    warnings: list[str] = []
    docs = read_path(path, on_warning=warnings.append)  # errors="raise": none of this is an error
    assert [(d.id, d.published) for d in docs] == [("1", date(2015, 1, 3)), ("2", None), ("3", None)]
    assert len(warnings) == 2 and "a.jsonl line 2" in warnings[0] and "kept undated" in warnings[0]


def test_wrong_field_types_are_skipped_or_coerced_never_fatal(tmp_path) -> None:
    path = _write(tmp_path, "types.jsonl", "\n".join(json.dumps(x) for x in [
        {"id": "list-title", "text": "Clashes in Sirte.", "title": ["one", "two"]},
        {"id": "object-source", "text": "Clashes in Derna.", "source": {"name": "AP"}},
        {"id": 7, "text": "Clashes in Ajdabiya.", "title": ["Only title"], "source": 24},
        {"id": "fine", "text": "Protest in Benghazi."},
    ]) + "\n")
    problems: list[str] = []
    docs = list(iter_documents([path], errors="skip", on_problem=problems.append))
    assert [(d.id, d.title, d.source) for d in docs] == [("7", "Only title", "24"), ("fine", None, None)]
    assert len(problems) == 2
    assert "line 1" in problems[0] and '"title" is a list of 2 items' in problems[0]
    assert "line 2" in problems[1] and '"source" is an object' in problems[1]
    with pytest.raises(MalformedInputError, match="line 1.*--skip-bad"):
        read_path(path)


def test_feed_with_one_truncated_entry_keeps_the_others(tmp_path) -> None:
    def item(i: int) -> str:
        return (f"<item><title>Clashes {i}</title><link>http://example.org/{i}</link>"
                f"<description>Fighting erupted in Sirte on Monday, report {i}.</description></item>")

    feed = f"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>{item(1)}{item(2)}{item(3)}</channel></rss>"
    truncated = feed[:feed.index("<description>Fighting erupted in Sirte on Monday, report 3")]
    problems: list[str] = []
    docs = read_path(_write(tmp_path, "cut.xml", truncated), errors="skip", on_problem=problems.append)
    assert [d.url for d in docs] == ["http://example.org/1", "http://example.org/2"]
    assert len(problems) == 1 and "feed entry 3" in problems[0]
    mangled = feed.replace("<title>Clashes 2</title>", "<title>Clashes 2<title>")  # a broken entry mid-feed
    docs = read_path(_write(tmp_path, "mangled.xml", mangled), errors="skip", on_problem=problems.append)
    assert [d.url for d in docs] == ["http://example.org/1", "http://example.org/3"]



@pytest.mark.parametrize("description", ["&lt;b&gt;&lt;/b&gt;", "&lt;&gt;", "&lt;p&gt; &lt;/p&gt;"])
def test_a_complete_entry_whose_description_is_only_markup_survives_a_truncated_feed(tmp_path, description: str) -> None:
    """A description whose markup holds no words came whole: its title is the entry's text, even in a feed cut
    short after it (only an entry whose text element never came is the truncated one)."""
    feed = ("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title>"
            f"<item><title>Gunmen kill five in Maiduguri</title><link>http://example.org/1</link>"
            f"<description>{description}</description></item>"
            "<item><title>Cut short</title><link>http://example.org/cut</link>")
    problems: list[str] = []
    docs = read_path(_write(tmp_path, "cut.xml", feed), errors="skip", on_problem=problems.append)
    assert [d.url for d in docs] == ["http://example.org/1"] and docs[0].title == "Gunmen kill five in Maiduguri"
    assert len(problems) == 1 and "feed entry 2" in problems[0]

@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig", "utf-32"])
def test_text_with_a_byte_order_mark_is_read(tmp_path, encoding: str) -> None:
    data = BLOG.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    [doc] = read_path(_write(tmp_path, "post.txt", data))
    assert doc.text.startswith("Tuesday, January 12, 2016") and doc.published == date(2016, 1, 12)
    archive = '{"id": "a", "text": "Clashes in Sirte."}\n{"id": "b", "text": "Protest in Benghazi."}\n'
    docs = read_path(_write(tmp_path, "a.jsonl", archive.encode(encoding if encoding != "utf-16-be" else "utf-16")))
    assert [d.id for d in docs] == ["a", "b"]


def test_links_that_are_not_http_are_dropped_at_ingest(tmp_path) -> None:
    path = _write(tmp_path, "links.jsonl", "\n".join(json.dumps(x) for x in [
        {"id": "js", "text": "Clashes in Sirte.", "url": "javascript:alert(document.cookie)"},
        {"id": "tab", "text": "Clashes in Derna.", "url": "java\tscript:alert(1)"},
        {"id": "data", "text": "Clashes in Tobruk.", "url": "data:text/html,<script>alert(1)</script>"},
        {"id": "ok", "text": "Protest in Benghazi.", "url": "https://example.org/a?b=1"},
    ]) + "\n")
    warnings: list[str] = []
    docs = read_path(path, on_warning=warnings.append)
    assert [d.url for d in docs] == [None, None, None, "https://example.org/a?b=1"]
    assert len(warnings) == 3 and "not an http(s) link" in warnings[0]
    rss = ("<?xml version='1.0'?><rss version='2.0'><channel><title>T</title><item><title>Clashes</title>"
           "<link>javascript:alert(1)</link><description>Fighting erupted in Sirte on Monday.</description></item>"
           "</channel></rss>")
    [item] = read_path(_write(tmp_path, "feed.xml", rss), on_warning=warnings.append)
    assert item.url is None
