"""The ingestion services, run in-process against real PostgreSQL and a loopback publisher."""

import pytest
from django.db import connection

from claims.duplicates import similar_claims
from claims.models import Appearance, Article, Claim, Feed, Speaker
from claims.pipeline.fetch_errors import FetchError
from claims.services import articles, claims, feeds, speakers
from reviews.models import ReviewEvent
from tests.httpserver import LocalHTTPServer
from tests.ingestion.publisher import BRIDGE, GRAIN, GRAIN_ELSEWHERE, KELL_QUOTE, publish

pytestmark = pytest.mark.django_db


def poll_and_ingest(feed: Feed) -> feeds.PollResult:
    result = feeds.feed_poll(feed_id=feed.pk, enqueue=False)
    for article_id in result.new_article_ids:
        articles.article_ingest(article_id=article_id)
    return result


def test_polling_a_feed_creates_its_articles_appearances_and_flagged_claims(
    server: LocalHTTPServer, prefix: str
) -> None:
    feed = feeds.feed_create(
        actor=None, url=publish(server, prefix, [GRAIN, BRIDGE]), name="Ledger"
    )

    result = poll_and_ingest(feed)

    assert len(result.new_article_ids) == 2
    assert set(Article.objects.values_list("status", flat=True)) == {"extracted"}
    grain = Article.objects.get(title=GRAIN.title)
    assert grain.canonical_url == server.url(f"{prefix}/grain-reserves.html")  # no utm_source
    assert grain.text.startswith("VELMORA")
    kell = Claim.objects.get(speaker__name="Adrian Kell")
    assert kell.status == "flagged" and kell.official
    assert kell.priority > 0 and kell.priority_reasons[1] == "official: prime minister"
    assert ReviewEvent.objects.filter(claim=kell, action="flagged", actor=None).count() == 1
    appearance = kell.appearances.get()
    assert grain.text[appearance.content_start : appearance.content_end] == appearance.content
    feed.refresh_from_db()
    assert feed.last_status == 200 and feed.consecutive_failures == 0 and feed.last_error == ""
    assert feed.etag == '"v1"' and feed.next_poll_at > feed.last_success_at


def test_statements_by_non_officials_stay_on_the_article_unflagged(
    server: LocalHTTPServer, prefix: str
) -> None:
    poll_and_ingest(feeds.feed_create(actor=None, url=publish(server, prefix, [BRIDGE])))

    hale = Appearance.objects.get(speaker__name="Petra Hale")
    assert hale.claim is None and not hale.official
    assert not Claim.objects.filter(speaker__name="Petra Hale").exists()


def test_polling_again_creates_nothing_new(server: LocalHTTPServer, prefix: str) -> None:
    feed = feeds.feed_create(actor=None, url=publish(server, prefix, [GRAIN, BRIDGE]))
    poll_and_ingest(feed)
    counts = (Article.objects.count(), Appearance.objects.count(), Claim.objects.count())

    again = poll_and_ingest(feed)

    assert again.not_modified  # the ETag came back as If-None-Match: 304
    Feed.objects.filter(pk=feed.pk).update(etag="")
    assert poll_and_ingest(feed).new_article_ids == []  # same GUIDs
    assert (Article.objects.count(), Appearance.objects.count(), Claim.objects.count()) == counts


def test_a_second_outlet_carrying_the_same_quote_adds_an_appearance_not_a_claim(
    server: LocalHTTPServer, prefix: str
) -> None:
    poll_and_ingest(feeds.feed_create(actor=None, url=publish(server, prefix + "a", [GRAIN])))
    other = feeds.feed_create(
        actor=None, url=publish(server, prefix + "b", [GRAIN_ELSEWHERE]), outlet="Northbridge Wire"
    )

    poll_and_ingest(other)

    kell = Claim.objects.get(speaker__name="Adrian Kell")
    assert kell.appearances.count() == 2 and kell.appearance_count == 2
    assert "reach: 2 appearances in 2 outlets" in kell.priority_reasons
    assert Claim.objects.filter(speaker__name="Adrian Kell").count() == 1


def test_a_changed_article_is_re_detected_not_duplicated(server: LocalHTTPServer) -> None:
    url = server.url("/changed/story.html")
    first = articles.article_submit(
        actor=None, url=url, title="Bridge", text=BRIDGE.paragraphs[1], enqueue=False
    )
    articles.article_ingest(article_id=first.pk)
    oduya = Claim.objects.get(speaker__name="Mara Oduya")

    again = articles.article_submit(
        actor=None,
        url=url + "?utm_campaign=x#top",
        title="Bridge",
        text=BRIDGE.paragraphs[1] + "\n\n" + GRAIN.paragraphs[1],
        enqueue=False,
    )
    articles.article_ingest(article_id=again.pk)

    assert again.pk == first.pk and Article.objects.count() == 1
    article = Article.objects.get()
    assert article.detected_hash == article.content_hash
    assert article.appearances.count() == 2
    assert Claim.objects.filter(speaker__name="Mara Oduya").get() == oduya
    assert oduya.appearances.count() == 1


def test_an_unchanged_article_is_not_detected_twice(server: LocalHTTPServer) -> None:
    url = server.url("/same/story.html")
    article = articles.article_submit(actor=None, url=url, text=KELL_QUOTE, enqueue=False)
    articles.article_ingest(article_id=article.pk)
    first_ids = list(Appearance.objects.values_list("id", flat=True))

    articles.article_submit(actor=None, url=url, text=KELL_QUOTE, enqueue=False)
    result = articles.article_ingest(article_id=article.pk)

    assert result.status == "unchanged"
    assert list(Appearance.objects.values_list("id", flat=True)) == first_ids


def test_an_article_whose_worker_keeps_dying_is_parked() -> None:
    article = articles.article_submit(
        actor=None, url="https://ledger.example/a", text=KELL_QUOTE, enqueue=False
    )
    Article.objects.filter(pk=article.pk).update(attempts=articles.PARK_AFTER_ATTEMPTS)

    articles.article_ingest(article_id=article.pk)

    article.refresh_from_db()
    assert article.status == "failed"
    assert article.error == "parked after 3 attempts that never finished (worker crashed?)"
    assert not Appearance.objects.exists()


def test_a_page_that_cannot_be_fetched_fails_the_article_with_the_reason(
    server: LocalHTTPServer,
) -> None:
    server.respond("/gone.html", 404, b"no")
    article = articles.article_submit(actor=None, url=server.url("/gone.html"), enqueue=False)

    articles.article_ingest(article_id=article.pk)

    article.refresh_from_db()
    assert article.status == "failed" and "HTTP 404" in article.error


def test_a_transient_error_is_raised_for_a_retry_and_does_not_count_towards_parking(
    server: LocalHTTPServer,
) -> None:
    server.respond("/busy.html", 503, b"busy")
    article = articles.article_submit(actor=None, url=server.url("/busy.html"), enqueue=False)

    with pytest.raises(FetchError):
        articles.article_ingest(article_id=article.pk)

    article.refresh_from_db()
    assert article.status == "pending" and article.attempts == 0
    assert article.error.startswith("will retry: HTTP 503")


def test_a_feed_failure_is_recorded_and_the_feed_backs_off(
    server: LocalHTTPServer, prefix: str
) -> None:
    server.respond(f"{prefix}/feed.xml", 500, b"oops")
    feed = feeds.feed_create(actor=None, url=server.url(f"{prefix}/feed.xml"), poll_interval=60)

    for _ in range(2):
        with pytest.raises(FetchError):
            feeds.feed_poll(feed_id=feed.pk)

    feed.refresh_from_db()
    assert feed.consecutive_failures == 2 and feed.last_status == 500
    assert "HTTP 500" in feed.last_error
    assert (feed.next_poll_at - feed.last_polled_at).total_seconds() == 60 * 4


def test_due_feeds_are_claimed_once() -> None:
    feeds.feed_create(actor=None, url="https://ledger.example/feed.xml")
    feeds.feed_create(actor=None, url="https://wire.example/feed.xml")

    first = feeds.feeds_claim_due()
    second = feeds.feeds_claim_due()

    assert len(first) == 2 and second == []


def test_speakers_are_upserted_with_title_and_body_and_staff_edits_win() -> None:
    velin = speakers.speaker_upsert(
        name="Arkady Velin", title="press secretary", body="the Kremlin", official=True
    )
    assert velin.body.name == "the Kremlin" and velin.body.kind == "organisation"
    assert Speaker.objects.get(key="arkady velin").is_official

    Speaker.objects.filter(pk=velin.pk).update(title="spokesman", edited_by_staff=True)
    again = speakers.speaker_upsert(name="arkady  VELIN", title="aide", official=False)

    assert again.pk == velin.pk and again.title == "spokesman"


def test_promoting_a_statement_makes_a_claim_with_an_audit_event(erin, server) -> None:
    article = articles.article_submit(
        actor=None, url="https://ledger.example/b", text=BRIDGE.paragraphs[2], enqueue=False
    )
    articles.article_ingest(article_id=article.pk)
    hale = Appearance.objects.get(speaker__name="Petra Hale")

    claim = claims.appearance_promote(appearance_id=hale.pk, actor=erin)

    hale.refresh_from_db()
    assert hale.claim == claim and not claim.official
    assert ReviewEvent.objects.get(claim=claim).actor == erin


def test_a_page_extracted_again_and_again_keeps_its_text(
    server: LocalHTTPServer, prefix: str
) -> None:
    for n in range(4):
        server.respond(
            f"{prefix}/{n}.html", body=GRAIN.html(), headers={"Content-Type": "text/html"}
        )
        article = articles.article_submit(
            actor=None, url=server.url(f"{prefix}/{n}.html"), enqueue=False
        )
        articles.article_ingest(article_id=article.pk)

    assert set(Article.objects.values_list("status", flat=True)) == {"extracted"}


@pytest.mark.parametrize("vendor", ["postgresql", "sqlite"])
def test_near_duplicates_match_on_speaker_and_content(vendor: str, monkeypatch) -> None:
    monkeypatch.setattr(connection, "vendor", vendor)
    kell = speakers.speaker_upsert(name="Adrian Kell", title="prime minister", official=True)
    other = speakers.speaker_upsert(name="Tomas Brenn")
    claim = Claim.objects.create(text="the country had 2.3 million tonnes of grain", speaker=kell)

    near = similar_claims(speaker=kell, text="the country has 2.3 million tonnes of grain")
    unrelated = similar_claims(speaker=kell, text="the bridge will reopen in May")
    someone_else = similar_claims(speaker=other, text=claim.text)

    other_figure = similar_claims(speaker=kell, text="the country had 9.1 million tonnes of grain")

    assert [m.claim for m in near] == [claim] and near[0].score >= 0.6
    assert unrelated == [] and someone_else == [] and other_figure == []


def test_a_poll_takes_only_the_newest_entries_and_says_the_feed_was_cut(
    server: LocalHTTPServer, prefix: str, settings
) -> None:
    settings.FACTCHECK_FEED_MAX_ENTRIES = 10
    items = "".join(
        f"<item><title>Story {n}</title><link>{server.url(f'{prefix}/s{n}.html')}</link>"
        f"<pubDate>Wed, 18 Nov 2026 09:{n:02d}:00 GMT</pubDate></item>"
        for n in range(30)
    )
    body = f'<rss version="2.0"><channel><title>Busy</title>{items}</channel></rss>'.encode()
    server.respond(f"{prefix}/feed.xml", 200, body, {"Content-Type": "application/rss+xml"})
    feed = feeds.feed_create(actor=None, url=server.url(f"{prefix}/feed.xml"))

    result = feeds.feed_poll(feed_id=feed.pk, enqueue=False)

    assert len(result.new_article_ids) == 10
    assert set(Article.objects.values_list("title", flat=True)) == {
        f"Story {n}" for n in range(20, 30)
    }
    feed.refresh_from_db()
    assert feed.last_error == "the feed lists 30 entries; only the newest 10 were taken"
    assert feed.consecutive_failures == 0 and feed.last_success_at is not None
