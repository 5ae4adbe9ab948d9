"""A slow or failing article is retried a bounded number of times, in the open, then parked."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from claims.models import Article, Feed
from claims.services import articles
from claims.tasks import ingest_article
from reviews.models import ReviewEvent
from tests.conftest import client_for

pytestmark = pytest.mark.django_db


def pending(name: str = "slow", **fields: object) -> Article:
    url = f"https://ledger.example/{name}"
    return Article.objects.create(url=url, canonical_url=url, needs_fetch=True, **fields)


def doubling(retry: int) -> float:
    return 30.0 * 2 ** (retry - 1)


def test_a_retry_is_counted_and_its_time_shown_on_the_article() -> None:
    article = pending()
    before = timezone.now()

    countdown = articles.article_retry_later(
        article_id=article.pk, reason="timed out after 30 s", max_retries=5, backoff=doubling
    )

    article.refresh_from_db()
    assert countdown == 30.0 and article.status == "pending" and article.retries == 1
    assert before + timedelta(seconds=30) <= article.next_attempt_at
    assert article.next_attempt_at <= timezone.now() + timedelta(seconds=30)
    assert article.error == "will retry: timed out after 30 s"
    assert not ReviewEvent.objects.exists()


def test_each_retry_waits_longer() -> None:
    article = pending(retries=2)

    countdown = articles.article_retry_later(
        article_id=article.pk, reason="HTTP 503", max_retries=5, backoff=doubling
    )

    assert countdown == 120.0
    assert Article.objects.get(pk=article.pk).retries == 3


def test_after_the_last_retry_the_article_is_parked_with_the_reason_and_one_event() -> None:
    article = pending(retries=5, next_attempt_at=timezone.now())

    countdown = articles.article_retry_later(
        article_id=article.pk, reason="HTTP 503", max_retries=5, backoff=doubling
    )

    article.refresh_from_db()
    assert countdown is None and article.status == "failed"
    assert article.error == "gave up after 6 attempts: HTTP 503"
    assert article.next_attempt_at is None and article.retries == 5
    event = ReviewEvent.objects.get()
    assert (event.action, event.subject, event.subject_id) == (
        "article_parked",
        "article",
        article.pk,
    )
    assert (event.from_state, event.to_state, event.note) == ("pending", "failed", article.error)
    assert event.actor_name == "system"


def test_an_article_finished_meanwhile_is_neither_retried_nor_parked() -> None:
    article = pending(status=Article.Status.EXTRACTED)

    assert (
        articles.article_retry_later(
            article_id=article.pk, reason="HTTP 503", max_retries=5, backoff=doubling
        )
        is None
    )
    assert articles.article_park(article_id=article.pk, reason="too late") is False

    article.refresh_from_db()
    assert article.status == "extracted" and article.retries == 0
    assert not ReviewEvent.objects.exists()


def test_an_article_whose_worker_keeps_dying_is_parked_with_an_event() -> None:
    article = pending(attempts=articles.PARK_AFTER_ATTEMPTS)

    articles.article_ingest(article_id=article.pk)

    assert Article.objects.get(pk=article.pk).status == "failed"
    assert ReviewEvent.objects.get().action == "article_parked"


def test_a_run_in_process_has_one_try_and_parks_the_article(server, prefix) -> None:
    server.respond(f"{prefix}/busy.html", 503, b"busy")
    article = articles.article_submit(
        actor=None, url=server.url(f"{prefix}/busy.html"), enqueue=False
    )

    ingest_article.apply(args=(article.pk,))

    article.refresh_from_db()
    assert article.status == "failed" and article.error.startswith("gave up after 1 attempts")
    assert "HTTP 503" in article.error
    assert ReviewEvent.objects.get().subject_id == article.pk


def test_starting_an_attempt_makes_it_due_again_after_the_time_limit() -> None:
    article = pending()

    claimed = articles._article_claim(article.pk)

    assert claimed is not None and claimed.attempts == 1
    lease = (claimed.next_attempt_at - claimed.updated_at).total_seconds()
    assert lease == pytest.approx(settings.CELERY_TASK_TIME_LIMIT, abs=1)


def test_the_sweep_takes_up_overdue_retries_and_runs_and_leaves_waiting_ones() -> None:
    now = timezone.now()
    overdue_retry = pending("overdue", retries=2, next_attempt_at=now - timedelta(minutes=3))
    dead_run = pending("dead-run", attempts=1, next_attempt_at=now - timedelta(minutes=2))
    pending("waiting", retries=1, next_attempt_at=now + timedelta(minutes=4))
    pending("just-due", retries=1, next_attempt_at=now - timedelta(seconds=10))
    pending("running", attempts=1, next_attempt_at=now + timedelta(minutes=2))

    requeued = articles.articles_requeue_stale()

    assert sorted(requeued) == sorted([overdue_retry.pk, dead_run.pk])
    assert Article.objects.get(pk=overdue_retry.pk).next_attempt_at is None
    assert articles.articles_requeue_stale() == []


def test_resubmitting_an_article_starts_its_retries_afresh() -> None:
    article = pending(retries=3, next_attempt_at=timezone.now())
    Article.objects.filter(pk=article.pk).update(status="failed", next_attempt_at=None)

    again = articles.article_submit(actor=None, url=article.url, enqueue=False)

    assert again.pk == article.pk and again.retries == 0 and again.next_attempt_at is None


def test_the_api_shows_the_retry_count_and_the_next_attempt(alice) -> None:
    at = timezone.now() + timedelta(minutes=4)
    article = pending(retries=2, next_attempt_at=at, error="will retry: HTTP 503")

    data = client_for(alice).get(f"/api/v1/articles/{article.pk}/").json()
    listed = client_for(alice).get("/api/v1/articles/").json()["results"][0]

    assert data["status"] == "pending" and data["retries"] == 2
    assert data["next_attempt_at"] == at.isoformat().replace("+00:00", "Z")
    assert data["error"] == "will retry: HTTP 503"
    assert (listed["retries"], listed["next_attempt_at"]) == (2, data["next_attempt_at"])


def test_the_feeds_page_shows_articles_being_retried_and_those_given_up(client, erin) -> None:
    feed = Feed.objects.create(url="https://ledger.example/rss", name="Calder Ledger")
    pending(
        "retrying",
        feed=feed,
        title="Port authority denies strike rumours",
        retries=2,
        next_attempt_at=timezone.now() + timedelta(minutes=4),
        error="will retry: timed out after 30 s reading the body",
    )
    pending(
        "parked",
        title="Minister defends rail budget",
        status=Article.Status.FAILED,
        retries=5,
        error="gave up after 6 attempts: HTTP 503",
    )
    pending("queued", title="Quiet day at the harbour")
    client.force_login(erin)

    html = client.get("/desk/feeds/").content.decode()

    trouble = html[html.index('id="articles-in-trouble"') : html.index("Add a feed")]
    assert "Port authority denies strike rumours" in trouble and "Calder Ledger" in trouble
    assert "Retried 2 times" in trouble and "Next attempt: in 3" in trouble
    assert "timed out after 30 s reading the body" in trouble
    assert "Minister defends rail budget" in trouble and "gave up after 6 attempts" in trouble
    assert "Quiet day at the harbour" not in trouble
