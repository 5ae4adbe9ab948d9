"""Ingestion through a real Celery worker (2 prefork children), Redis and PostgreSQL."""

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable

import pytest
from django.db import connection, transaction

from claims.models import Appearance, Article, Claim, Feed
from claims.services.articles import article_submit
from claims.services.feeds import feed_create, feed_poll_request
from claims.tasks import poll_due_feeds, poll_feed
from factcheck.celery import app as celery_app
from tests.httpserver import LocalHTTPServer
from tests.ingestion.publisher import BRIDGE, GRAIN, GRAIN_ELSEWHERE, publish, rss
from tests.worker import Worker, wait_for

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

BILLION_LAUGHS = b"""<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">
<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss version="2.0"><channel><title>&lol3;</title></channel></rss>"""


def all_extracted() -> bool:
    statuses = set(Article.objects.values_list("status", flat=True))
    return bool(statuses) and statuses <= {"extracted", "failed"}


def polled(feed: Feed, after: object = None) -> Callable[[], bool]:
    def check() -> bool:
        feed.refresh_from_db()
        return feed.last_polled_at is not None and feed.last_polled_at != after

    return check


def worker_answers(worker: Worker) -> bool:
    return bool(celery_app.control.ping(destination=[worker.hostname], timeout=2))


def test_polling_through_the_worker_flags_claims_once_however_often_it_runs(
    celery_worker: Worker, local_http_server: LocalHTTPServer
) -> None:
    server = local_http_server
    feed = feed_create(actor=None, url=publish(server, "/e2e-ledger", [GRAIN, BRIDGE]))

    poll_due_feeds.delay()
    wait_for(lambda: Article.objects.count() == 2 and all_extracted(), what="two articles")
    counts = (Article.objects.count(), Appearance.objects.count(), Claim.objects.count())
    assert set(Article.objects.values_list("status", flat=True)) == {"extracted"}
    assert Claim.objects.filter(speaker__name="Adrian Kell", status="flagged").count() == 1
    assert Appearance.objects.filter(claim=None, speaker__name="Petra Hale").exists()

    feed.refresh_from_db()
    last = feed.last_polled_at
    poll_feed.delay(feed.pk)
    wait_for(polled(feed, after=last), what="the second poll")
    assert feed.last_status == 304
    time.sleep(0.5)
    assert (Article.objects.count(), Appearance.objects.count(), Claim.objects.count()) == counts

    feed_create(actor=None, url=publish(server, "/e2e-wire", [GRAIN_ELSEWHERE]), outlet="Wire")
    poll_due_feeds.delay()
    wait_for(lambda: Article.objects.count() == 3 and all_extracted(), what="the wire story")
    kell = Claim.objects.get(speaker__name="Adrian Kell")
    assert kell.appearances.count() == 2 and kell.appearance_count == 2


def test_faulty_feeds_are_recorded_and_the_others_still_processed(
    celery_worker: Worker, local_http_server: LocalHTTPServer, unused_tcp_port: int
) -> None:
    server = local_http_server
    calls = {"flaky": 0}

    def silent(request) -> None:
        time.sleep(3)  # longer than the worker's 2 s read timeout
        with contextlib.suppress(OSError):  # the worker has hung up by now
            request.reply(200, b"<rss/>")

    flaky_feed = rss(server, "/faults-flaky", [GRAIN])

    def flaky(request) -> None:
        calls["flaky"] += 1
        if calls["flaky"] == 1:
            request.reply(500, b"oops")
        else:
            request.reply(200, flaky_feed, {"Content-Type": "application/rss+xml"})

    publish(server, "/faults-good", [BRIDGE])
    publish(server, "/faults-flaky", [GRAIN])  # the pages; the feed is replaced below
    server.route("/faults-flaky/feed.xml", flaky)
    server.route("/faults/timeout.xml", silent)
    server.respond("/faults/broken.xml", 200, b"<rss><channel><item>", {"Content-Type": "text/xml"})
    server.respond(
        "/faults/huge.xml", 200, b" " * (50 * 1024 * 1024), {"Content-Type": "application/rss+xml"}
    )
    server.redirect("/faults/loopback.xml", f"http://127.0.0.1:{unused_tcp_port}/feed.xml")
    server.redirect("/faults/metadata.xml", "http://169.254.169.254/latest/meta-data/")
    server.respond("/faults/lol.xml", 200, BILLION_LAUGHS, {"Content-Type": "text/xml"})
    feeds = {
        name: feed_create(actor=None, url=server.url(path), name=name)
        for name, path in [
            ("timeout", "/faults/timeout.xml"),
            ("flaky", "/faults-flaky/feed.xml"),
            ("broken", "/faults/broken.xml"),
            ("huge", "/faults/huge.xml"),
            ("loopback", "/faults/loopback.xml"),
            ("metadata", "/faults/metadata.xml"),
            ("lol", "/faults/lol.xml"),
            ("good", "/faults-good/feed.xml"),
        ]
    }

    poll_due_feeds.delay()

    def recorded() -> bool:
        rows = {f.name: f for f in Feed.objects.all()}
        return rows["flaky"].last_success_at is not None and all(
            f.last_polled_at is not None for f in rows.values()
        )

    wait_for(recorded, timeout=60, what="every feed to be polled")
    rows = {f.name: f for f in Feed.objects.all()}
    assert "sent nothing for 2 s" in rows["timeout"].last_error
    assert rows["flaky"].consecutive_failures == 0 and calls["flaky"] >= 2
    assert rows["broken"].last_error.startswith("malformed XML")
    assert "over the" in rows["huge"].last_error and "byte limit" in rows["huge"].last_error
    assert (
        rows["loopback"].last_error.startswith("refused")
        and "127.0.0.1" in rows["loopback"].last_error
    )
    assert "169.254.169.254" in rows["metadata"].last_error
    assert rows["lol"].last_error == "entity declarations are not allowed"
    for name in ("broken", "huge", "loopback", "metadata", "lol"):
        assert rows[name].consecutive_failures == 1, name
        assert rows[name].next_poll_at > rows[name].last_polled_at, name
    wait_for(lambda: Article.objects.count() == 2 and all_extracted(), what="good articles")
    assert Claim.objects.filter(speaker__name="Mara Oduya").exists()
    assert worker_answers(celery_worker)
    assert feeds["good"].pk in {f.pk for f in Feed.objects.filter(consecutive_failures=0)}


def test_an_article_whose_worker_child_is_killed_is_processed_exactly_once(
    celery_worker: Worker, local_http_server: LocalHTTPServer
) -> None:
    server = local_http_server
    started = threading.Event()

    def slow(request) -> None:
        started.set()
        time.sleep(1.5)  # long enough to be killed mid-fetch, shorter than the read timeout
        request.reply(200, GRAIN.html(), {"Content-Type": "text/html; charset=utf-8"})

    server.route("/crash/grain.html", slow)
    article = article_submit(actor=None, url=server.url("/crash/grain.html"))

    assert started.wait(20), "the worker never fetched the article"
    busy = _busy_child(celery_worker)
    os.kill(busy, signal.SIGKILL)

    wait_for(lambda: all_extracted(), timeout=60, what="the article after redelivery")
    article.refresh_from_db()
    assert article.status == "extracted" and article.attempts == 2
    assert server.hits("/crash/grain.html") == 2
    appearances = article.appearances.count()
    assert appearances >= 4
    assert len(set(article.appearances.values_list("content_start", flat=True))) == appearances
    assert Claim.objects.filter(speaker__name="Adrian Kell").count() == 1
    assert worker_answers(celery_worker)


def _busy_child(worker: Worker) -> int:
    """The pool child running ingest_article now."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        active = celery_app.control.inspect(destination=[worker.hostname], timeout=2).active()
        for task in (active or {}).get(worker.hostname, []):
            if task["name"] == "claims.ingest_article":
                assert task["worker_pid"] in worker.children()
                return int(task["worker_pid"])
        time.sleep(0.1)
    raise AssertionError("no child is running claims.ingest_article")


def test_a_poll_queued_in_a_rolled_back_transaction_is_never_sent(
    celery_worker: Worker, local_http_server: LocalHTTPServer
) -> None:
    server = local_http_server
    feed = feed_create(actor=None, url=publish(server, "/rollback", [BRIDGE]))
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=None, active=False)

    with pytest.raises(RuntimeError), transaction.atomic():
        feed_poll_request(actor=None, feed=feed)
        raise RuntimeError("changed my mind")
    time.sleep(3)
    assert server.hits("/rollback/feed.xml") == 0

    with transaction.atomic():
        feed_poll_request(actor=None, feed=feed)
    wait_for(lambda: server.hits("/rollback/feed.xml") == 1, what="the committed poll")


def test_an_article_whose_database_connection_dies_mid_ingest_never_stays_pending(
    celery_worker: Worker, local_http_server: LocalHTTPServer
) -> None:
    server = local_http_server
    fetching, answer = threading.Event(), threading.Event()

    def held(request) -> None:
        fetching.set()
        answer.wait(20)  # until the worker's database connection has been killed
        request.reply(200, GRAIN.html(), {"Content-Type": "text/html; charset=utf-8"})

    server.route("/db-lost/grain.html", held)
    article = article_submit(actor=None, url=server.url("/db-lost/grain.html"))
    assert fetching.wait(20), "the worker never fetched the article"

    assert _terminate_backend_that_claimed_an_article() == 1
    answer.set()

    wait_for(lambda: all_extracted(), timeout=30, what="the article to leave pending")
    article.refresh_from_db()
    assert article.status == "extracted" and article.retries == 1
    assert article.next_attempt_at is None and server.hits("/db-lost/grain.html") == 2
    assert worker_answers(celery_worker)


def _terminate_backend_that_claimed_an_article() -> int:
    """End the PostgreSQL session of the worker child that is ingesting: the one whose
    last statement counted an attempt (`_article_claim`), as an operator's
    pg_terminate_backend or a database failover would."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid() "
            "AND query LIKE %s",
            ["%SET attempts = attempts + 1%"],
        )
        return cursor.fetchone()[0]
