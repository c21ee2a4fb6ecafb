"""Watched feeds (issue 14, deliverable 2) against a real HTTP server on loopback: changing feeds, 304s,
redirects, 500s, timeouts, malformed XML, a truncated entry, summary-only entries with article pages; the
real pipeline and a real SQLite store. The restart and the service run through the real CLI / APScheduler."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from frontlines.feeds import FeedPoller, FeedWatcher, WatchConfig, read_feed_list
from frontlines.store import DocumentQuery, open_store
from tests.feeds.feedserver import FeedServer, Route, atom, rss
from tests.store.conftest import pg_database, pg_server, pg_url  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
STORY = {
    1: "Gunmen attacked a police post in Gao, Mali, on Sunday, killing two officers, officials said.",
    2: "Protesters blocked the main road into Bamako on Monday to demand the release of detained traders.",
    3: "A roadside bomb struck an army convoy near Mopti on Tuesday, wounding four soldiers, the army said.",
}
ARTICLE = ("<html><head><title>Convoy hit near Mopti</title></head><body><nav>Home | World | Sport</nav>"
           "<article><h1>Convoy hit near Mopti</h1><p>A roadside bomb struck an army convoy near Mopti on Tuesday, "
           "wounding four soldiers, the army said in a statement.</p><p>The convoy was travelling from Sevare to "
           "the border when the device exploded under the lead vehicle, according to two officers at the scene."
           "</p><p>No group has claimed the attack so far, and troops have sealed off the road.</p></article>"
           "<footer>Copyright Test Wire</footer></body></html>")


def item(n: int, base: str, **kw: str) -> dict[str, str]:
    return {"title": f"Report {n}", "link": f"{base}/story/{n}", "content": f"<p>{STORY[n]}</p>", **kw}


@pytest.fixture()
def server():
    with FeedServer() as srv:
        yield srv


@pytest.fixture()
def db(tmp_path) -> str:
    return str(tmp_path / "feeds.sqlite")


@pytest.fixture()
def poller(db, pipeline):
    p = FeedPoller(db, pipeline=pipeline, config=WatchConfig(retry=60, timeout=1.0))
    yield p
    p.fetcher.close()


def stored_urls(db: str) -> list[str]:
    with open_store(db) as store:
        return sorted(d["url"] for d in store.search_documents(DocumentQuery(limit=100)).items)


def test_new_entries_are_stored_then_an_unchanged_feed_costs_a_304(server, poller, db) -> None:
    server.routes["/feed.xml"] = Route(rss([item(1, server.base), item(2, server.base)]), etag='"v1"')
    url = server.url("/feed.xml")
    first = poller.poll(url)
    assert (first.status, first.http_status, first.entries, first.added, first.duplicates) == ("ok", 200, 2, 2, 0)
    assert first.events >= 1
    again = poller.poll(url)
    assert (again.status, again.http_status, again.added) == ("not_modified", 304, 0)
    assert server.hits("/feed.xml")[-1]["if-none-match"] == '"v1"'
    with open_store(db) as store:
        state = store.feed_state(url)
    assert state and (state.status, state.etag, state.failures, state.entries, state.documents) == \
        ("not_modified", '"v1"', 0, 2, 2)
    assert state.title == "Test Wire"


def test_a_changed_feed_adds_only_its_new_entries(server, poller, db) -> None:
    last_modified = time.time() - 3600
    server.routes["/feed.xml"] = Route(rss([item(1, server.base)]), last_modified=last_modified)
    url = server.url("/feed.xml")
    assert poller.poll(url).added == 1
    assert poller.poll(url).status == "not_modified"  # If-Modified-Since answered with 304
    assert "if-modified-since" in server.hits("/feed.xml")[-1]
    server.routes["/feed.xml"] = Route(rss([item(2, server.base), item(1, server.base)]), last_modified=time.time())
    changed = poller.poll(url)
    assert (changed.added, changed.duplicates) == (1, 1)
    assert stored_urls(db) == [server.url("/story/1"), server.url("/story/2")]


def test_the_same_text_under_another_link_is_a_duplicate(server, poller, db) -> None:
    server.routes["/a.xml"] = Route(rss([item(1, server.base)]))
    server.routes["/b.xml"] = Route(rss([item(1, server.base, link=server.url("/mirror/1"))]))
    assert poller.poll(server.url("/a.xml")).added == 1
    mirror = poller.poll(server.url("/b.xml"))
    assert (mirror.added, mirror.duplicates) == (0, 1)
    assert poller.poll(server.url("/b.xml")).duplicates == 1  # taken: no second look at its text
    assert stored_urls(db) == [server.url("/story/1")]


def test_a_summary_only_entry_is_stored_with_its_article_text(server, poller, db) -> None:
    summary = {"title": "Convoy hit near Mopti", "link": server.url("/article/3"), "summary": "A bomb hit a convoy."}
    server.routes["/feed.xml"] = Route(rss([summary]))
    server.routes["/article/3"] = Route(ARTICLE, content_type="text/html; charset=utf-8")
    result = poller.poll(server.url("/feed.xml"))
    assert result.added == 1, result
    with open_store(db) as store:
        doc = store.get_document(server.url("/article/3"))
    assert "sealed off the road" in doc.text and "Copyright" not in doc.text and "Home | World" not in doc.text
    assert doc.meta.get("full_text") is True and doc.url == server.url("/article/3")


def test_an_article_that_fails_for_now_is_tried_again_and_a_gone_one_keeps_its_summary(server, poller, db) -> None:
    entries = [{"title": "Convoy hit near Mopti", "link": server.url("/article/3"), "summary": "A bomb hit a convoy."},
               {"title": "Gone", "link": server.url("/article/gone"), "summary": STORY[2]}]
    server.routes["/feed.xml"] = Route(rss(entries), etag='"e1"')
    server.routes["/article/3"] = Route("busy", status=503, content_type="text/plain")
    url = server.url("/feed.xml")
    first = poller.poll(url)
    assert (first.added, first.deferred, first.status) == (1, 1, "partial")  # the 404 one with its summary
    assert any("summary is stored instead" in w for w in first.warnings)
    server.routes["/article/3"] = Route(ARTICLE, content_type="text/html; charset=utf-8")
    second = poller.poll(url)  # the validators were not saved: the whole feed again, not a 304
    assert (second.http_status, second.added, second.duplicates, second.status) == (200, 1, 1, "ok")
    assert "if-none-match" not in server.hits("/feed.xml")[1]


def test_redirects_are_followed(server, poller, db) -> None:
    server.routes["/old.xml"] = Route(status=301, location="/moved.xml", content_type="text/plain")
    server.routes["/moved.xml"] = Route(status=302, location="/feed.xml", content_type="text/plain")
    server.routes["/feed.xml"] = Route(atom([{"title": "Report 1", "id": "urn:1", "link": server.url("/story/1"),
                                              "content": f"<p>{STORY[1]}</p>"}]))
    result = poller.poll(server.url("/old.xml"))
    assert (result.status, result.added) == ("ok", 1)
    with open_store(db) as store:
        assert store.feed_state(server.url("/old.xml")).status == "ok"


def test_a_failing_feed_backs_off_and_recovers(server, poller, db) -> None:
    server.routes["/feed.xml"] = Route("oops", status=500, content_type="text/plain")
    url = server.url("/feed.xml")
    before = datetime.now(UTC)
    first = poller.poll(url)
    second = poller.poll(url)
    assert (first.status, first.http_status, second.status) == ("error", 500, "error")
    with open_store(db) as store:
        state = store.feed_state(url)
    assert state and state.failures == 2 and "HTTP 500" in (state.last_error or "")
    assert state.next_check and state.next_check >= before + timedelta(seconds=119)  # 60 s, then 120 s
    watcher = FeedWatcher([url], db, config=WatchConfig(retry=60, timeout=1.0))
    try:
        [waiting] = watcher.poll_due()  # still backing off: not polled
    finally:
        watcher.stop()
    assert waiting.status == "waiting" and len(server.hits("/feed.xml")) == 2
    server.routes["/feed.xml"] = Route(rss([item(1, server.base)]))
    recovered = poller.poll(url)
    assert (recovered.status, recovered.added) == ("ok", 1)
    with open_store(db) as store:
        state = store.feed_state(url)
    assert state and (state.failures, state.last_error, state.status) == (0, None, "ok")


def test_a_timeout_and_malformed_xml_are_feed_errors(server, poller, db) -> None:
    server.routes["/slow.xml"] = Route(rss([item(1, server.base)]), delay=3.0)
    server.routes["/broken.xml"] = Route("<rss><channel><title>oops</title><<< not xml &&&")
    server.routes["/html.xml"] = Route("<html><body>Service unavailable</body></html>", content_type="text/html")
    slow = poller.poll(server.url("/slow.xml"))
    assert slow.status == "error" and "no answer within 1 s" in slow.problems[0]
    for path in ("/broken.xml", "/html.xml"):
        bad = poller.poll(server.url(path))
        assert bad.status == "error" and "no entries found" in bad.problems[0], bad
    assert stored_urls(db) == []


def test_a_truncated_entry_costs_only_itself(server, poller, db) -> None:
    feed = rss([item(1, server.base), item(2, server.base), item(3, server.base)])
    server.routes["/cut.xml"] = Route(feed[:feed.index("<content:encoded><![CDATA[<p>A roadside bomb")])
    result = poller.poll(server.url("/cut.xml"))
    assert (result.status, result.added, result.skipped) == ("partial", 2, 1), result
    assert "entry 3" in result.problems[0]
    assert stored_urls(db) == [server.url("/story/1"), server.url("/story/2")]


def test_feed_lists_text_and_opml(tmp_path) -> None:
    listing = tmp_path / "feeds.txt"
    listing.write_text("# wires\nhttp://127.0.0.1:9/a.xml\n\n  https://127.0.0.1:9/b.xml#x  \nhttp://127.0.0.1:9/a.xml\n")
    assert read_feed_list(listing) == ["http://127.0.0.1:9/a.xml", "https://127.0.0.1:9/b.xml#x"]
    opml = tmp_path / "feeds.opml"
    opml.write_text('<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>'
                    '<outline text="Sahel"><outline type="rss" text="A" xmlUrl="http://127.0.0.1:9/a.xml"/>'
                    '<outline type="rss" text="B" xmlUrl="http://127.0.0.1:9/c.xml"/></outline></body></opml>')
    assert read_feed_list(opml) == ["http://127.0.0.1:9/a.xml", "http://127.0.0.1:9/c.xml"]
    listing.write_text("http://127.0.0.1:9/a.xml\njavascript:alert(1)\n")
    with pytest.raises(Exception, match="line 2"):
        read_feed_list(listing)


def _cli(*args: str, db: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "FRONTLINES_DB": db}
    return subprocess.run([sys.executable, "-m", "frontlines.cli", *args], capture_output=True, text=True, env=env,
                          cwd=ROOT, timeout=300)


def test_watch_once_from_the_cli_and_nothing_reingested_after_a_restart(server, db, tmp_path) -> None:
    server.routes["/feed.xml"] = Route(rss([item(1, server.base), item(2, server.base)]))  # no validators
    server.routes["/down.xml"] = Route("down", status=500, content_type="text/plain")
    listing = tmp_path / "feeds.txt"
    listing.write_text(f"{server.url('/feed.xml')}\n{server.url('/down.xml')}\n")
    first = _cli("watch", str(listing), "--once", "--retry", "0", db=db)
    assert first.returncode == 6, first.stderr  # completed, with a failed feed
    polls = [json.loads(line) for line in first.stdout.splitlines()]
    assert [(p["feed"], p["status"], p["added"]) for p in polls] == [
        (server.url("/feed.xml"), "ok", 2), (server.url("/down.xml"), "error", 0)]
    assert "2 documents added" in first.stderr and "Traceback" not in first.stderr
    server.routes["/down.xml"] = Route(rss([item(3, server.base)]))
    second = _cli("watch", str(listing), "--once", "--retry", "0", db=db)  # a new process: a restart
    assert second.returncode == 0, second.stderr
    polls = [json.loads(line) for line in second.stdout.splitlines()]
    assert [(p["status"], p["added"], p["duplicates"]) for p in polls] == [("ok", 0, 2), ("ok", 1, 0)]
    assert len(stored_urls(db)) == 3


def test_the_service_polls_on_its_schedule(server, db, pipeline) -> None:
    server.routes["/feed.xml"] = Route(rss([item(1, server.base)]))
    results = []
    watcher = FeedWatcher([server.url("/feed.xml")], db, pipeline=pipeline,
                          config=WatchConfig(interval=1.0, timeout=2.0), report=results.append)
    watcher.start()
    try:
        deadline = time.monotonic() + 60
        while not results and time.monotonic() < deadline:
            time.sleep(0.1)
        server.routes["/feed.xml"] = Route(rss([item(2, server.base), item(1, server.base)]))
        while len(stored_urls(db)) < 2 and time.monotonic() < deadline:
            time.sleep(0.2)
    finally:
        watcher.stop()
    assert stored_urls(db) == [server.url("/story/1"), server.url("/story/2")]
    assert results[0].added == 1 and sum(r.added for r in results) == 2 and len(results) >= 2


@pytest.mark.postgres
def test_a_feed_polled_into_postgresql(server, pg_url, pipeline) -> None:  # noqa: F811
    server.routes["/feed.xml"] = Route(rss([item(1, server.base), item(2, server.base)]), etag='"pg"')
    url = server.url("/feed.xml")
    poller = FeedPoller(pg_url, pipeline=pipeline, config=WatchConfig(timeout=2.0))
    try:
        assert poller.poll(url).added == 2
        assert poller.poll(url).status == "not_modified"
    finally:
        poller.fetcher.close()
    with open_store(pg_url) as store:
        state = store.feed_state(url)
        assert state and (state.etag, state.documents, state.status) == ('"pg"', 2, "not_modified")
        assert store.feed_entry_seen(server.url("/story/1"))
        assert store.get_document(server.url("/story/2")).meta["feed"] == url


def test_the_service_stops_cleanly_on_sigterm(server, db, tmp_path) -> None:
    import signal

    server.routes["/feed.xml"] = Route(rss([item(1, server.base), item(2, server.base)]))
    listing = tmp_path / "feeds.txt"
    listing.write_text(server.url("/feed.xml") + "\n")
    service = subprocess.Popen([sys.executable, "-m", "frontlines.cli", "watch", str(listing), "--interval", "3600"],
                               cwd=ROOT, env={**os.environ, "FRONTLINES_DB": db}, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True)
    try:
        line = service.stdout.readline()  # the first poll's JSON line
        service.send_signal(signal.SIGTERM)
        _out, err = service.communicate(timeout=60)
    finally:
        service.kill()
    assert service.returncode == 0, err
    assert json.loads(line)["added"] == 2 and "watching 1 feeds" in err and "Traceback" not in err
    assert len(stored_urls(db)) == 2


@pytest.mark.parametrize(("feed", "link", "allowed"), [
    ("https://wire.example.org/feed.xml", "https://wire.example.org/story/1", True),
    ("https://wire.example.org/feed.xml", "http://169.254.169.254/latest/meta-data/", False),  # cloud metadata
    ("https://wire.example.org/feed.xml", "http://127.0.0.1:8000/api/events", False),
    ("https://wire.example.org/feed.xml", "http://[::1]/", False),
    ("https://wire.example.org/feed.xml", "http://10.0.0.5/intranet", False),
    ("https://wire.example.org/feed.xml", "http://localhost/admin", False),
    ("http://127.0.0.1:8001/feed.xml", "http://127.0.0.1:8001/story/1", True),  # a feed inside may link inside
    ("http://10.1.2.3/feed.xml", "https://wire.example.org/story/1", True),
])
def test_a_feed_from_outside_cannot_make_the_watcher_read_inside(feed: str, link: str, allowed: bool) -> None:
    from frontlines.feeds.poll import may_fetch

    assert may_fetch(feed, link) is allowed


def test_a_redirect_is_checked_like_the_link_itself(server) -> None:
    from frontlines.feeds.fetch import Fetcher, FetchError

    server.routes["/article/out"] = Route(status=302, location="/inside/secret", content_type="text/plain")
    server.routes["/inside/secret"] = Route("<html><body><p>internal</p></body></html>", content_type="text/html")
    with Fetcher(timeout=2.0) as fetcher:
        assert "internal" in fetcher.page(server.url("/article/out"))
        with pytest.raises(FetchError, match="private network") as refused:
            fetcher.page(server.url("/article/out"), allow=lambda url: "/inside/" not in url)
        assert not refused.value.transient
        assert "internal" in fetcher.page(server.url("/article/out"))  # the check was for that fetch only
    assert len(server.hits("/inside/secret")) == 2  # the refused redirect was never requested
