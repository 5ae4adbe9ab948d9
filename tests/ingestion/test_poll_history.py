"""Each feed keeps a short history of its polls: when, the outcome, new items, how long."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from claims.models import Feed, FeedPoll
from claims.pipeline.fetch_errors import FetchError
from claims.services import feeds
from tests.conftest import client_for
from tests.httpserver import LocalHTTPServer
from tests.ingestion.publisher import BRIDGE, GRAIN, publish

pytestmark = pytest.mark.django_db


def test_ok_not_modified_and_failed_polls_are_kept_newest_first(
    server: LocalHTTPServer, prefix: str, erin
) -> None:
    feed = feeds.feed_create(
        actor=None, url=publish(server, prefix, [GRAIN, BRIDGE]), name="Ledger"
    )
    feeds.feed_poll(feed_id=feed.pk, enqueue=False)
    feeds.feed_poll(feed_id=feed.pk, enqueue=False)  # the ETag matches: 304
    server.respond(f"{prefix}/feed.xml", status=503)
    with pytest.raises(FetchError):
        feeds.feed_poll(feed_id=feed.pk, enqueue=False)

    polls = list(
        FeedPoll.objects.filter(feed=feed).values_list("status", "http_status", "new_items")
    )
    assert polls == [("failed", 503, 0), ("not_modified", 304, 0), ("ok", 200, 2)]
    failed = FeedPoll.objects.filter(feed=feed).first()
    assert failed is not None and "503" in failed.error and failed.duration_ms >= 0

    shown = client_for(erin).get(f"/api/v1/feeds/{feed.pk}/").json()
    assert [p["status"] for p in shown["recent_polls"]] == ["failed", "not_modified", "ok"]
    assert shown["recent_polls"][2]["new_items"] == 2 and shown["articles"] == 2
    assert {"polled_at", "duration_ms", "error", "http_status"} <= shown["recent_polls"][0].keys()


def test_the_desk_feed_page_shows_the_recent_polls(
    server: LocalHTTPServer, prefix: str, erin
) -> None:
    feed = feeds.feed_create(actor=None, url=publish(server, prefix, [GRAIN]), name="Ledger")
    feeds.feed_poll(feed_id=feed.pk, enqueue=False)
    feeds.feed_record_failure(feed_id=feed.pk, reason="connection refused")
    browser = Client()
    browser.force_login(erin)

    page = browser.get("/desk/feeds/").content.decode()

    assert "Recent polls" in page and "connection refused" in page
    assert '<tr class="poll-ok">' in page and '<tr class="poll-failed">' in page


def test_only_the_latest_polls_are_kept(erin) -> None:
    feed = feeds.feed_create(actor=None, url="https://ledger.example/rss", name="Ledger")
    other = feeds.feed_create(actor=None, url="https://tribune.example/rss", name="Tribune")
    feeds.feed_record_failure(feed_id=other.pk, reason="timed out")
    for n in range(feeds.KEEP_POLLS + 5):
        feeds.feed_record_failure(feed_id=feed.pk, reason=f"refused #{n}")

    kept = list(FeedPoll.objects.filter(feed=feed).values_list("error", flat=True))
    assert len(kept) == feeds.KEEP_POLLS
    assert kept[0] == f"refused #{feeds.KEEP_POLLS + 4}" and kept[-1] == "refused #5"
    assert FeedPoll.objects.filter(feed=other).count() == 1  # another feed's history stays
    api = client_for(erin)
    assert len(api.get(f"/api/v1/feeds/{feed.pk}/").json()["recent_polls"]) == feeds.KEEP_POLLS
    listed = api.get("/api/v1/feeds/").json()
    rows = listed["results"]
    assert [len(row["recent_polls"]) for row in rows] == [10, 1]  # a list shows the latest ten


def test_listing_feeds_reads_their_polls_in_one_query_however_many_feeds(
    erin, django_assert_num_queries
) -> None:
    def add(n: int) -> None:
        feed = feeds.feed_create(actor=None, url=f"https://outlet-{n}.example/rss")
        for _ in range(3):
            feeds.feed_record_failure(feed_id=feed.pk, reason="refused")

    add(0)
    client = client_for(erin)
    client.get("/api/v1/feeds/")  # warm: the session and permission lookups
    with CaptureQueriesContext(connection) as one_feed:
        client.get("/api/v1/feeds/")
    for n in range(1, 6):
        add(n)

    with django_assert_num_queries(len(one_feed.captured_queries)):
        listed = client.get("/api/v1/feeds/").json()

    rows = listed["results"]
    assert len(rows) == 6 and all(len(row["recent_polls"]) == 3 for row in rows)
    assert not Feed.objects.filter(polls__isnull=True).exists()
