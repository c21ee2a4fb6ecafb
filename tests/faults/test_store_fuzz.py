"""Fault suite (issue 14, deliverable 7): whatever text a reader lets through - NUL bytes, lone surrogates
(a JSON "\\ud800"), control characters, any length of id - the document is stored and read back on both
stores; a database refusal would stop a whole ingest (found by this suite: NUL ids on PostgreSQL,
surrogates on both)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from frontlines.model import http_url
from frontlines.pipeline.reading.ingest import document_from_text
from frontlines.store import open_store
from tests.store.conftest import pg_database, pg_server, pg_url, store_url  # noqa: F401 (fixtures)

FUZZ = settings(max_examples=40, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
anything = st.text(max_size=120)  # every code point, lone surrogates and NUL included


def test_any_reader_output_is_stored_and_read_back(store_url) -> None:  # noqa: F811
    @FUZZ
    @given(text=anything.filter(lambda t: t.strip()), ident=anything.filter(bool), title=anything, source=anything,
           url=st.one_of(st.none(), st.builds("http://127.0.0.1/{}".format, anything)))
    def run(text: str, ident: str, title: str, source: str, url: str | None) -> None:
        doc = document_from_text(text, id=ident, title=title or None, source=source or None, url=url)
        with open_store(store_url) as store:
            result = store.add_document(doc)  # not added: the same text is stored already
            back = store.get_document(result.document_id) if result.added else doc
        assert back.text == doc.text and len(back.text) == len(text.replace("\r\n", "\n"))
        assert (back.title, back.source, http_url(back.url)) == (doc.title, doc.source, http_url(doc.url))

    run()
