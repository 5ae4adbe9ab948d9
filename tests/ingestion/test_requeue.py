"""No article stays pending for good because its queue message was lost."""

from datetime import timedelta

import pytest
from django.conf import settings
from django.utils import timezone

from claims.models import Article
from claims.services import articles

pytestmark = pytest.mark.django_db


def article(name: str, *, status: str = Article.Status.PENDING, idle: timedelta) -> Article:
    url = f"https://ledger.example/{name}"
    created = Article.objects.create(url=url, canonical_url=url, status=status)
    Article.objects.filter(pk=created.pk).update(updated_at=timezone.now() - idle)
    return created


def beyond_any_queue_wait() -> timedelta:
    return timedelta(seconds=settings.CELERY_VISIBILITY_TIMEOUT + 60)


def test_a_pending_article_untouched_past_the_visibility_timeout_is_queued_again(
    django_capture_on_commit_callbacks,
) -> None:
    lost = article("lost", idle=beyond_any_queue_wait())

    with django_capture_on_commit_callbacks() as callbacks:
        requeued = articles.articles_requeue_stale()

    assert requeued == [lost.pk]
    assert len(callbacks) == 1


def test_recent_pending_and_finished_articles_are_left_alone(
    django_capture_on_commit_callbacks,
) -> None:
    article("queued", idle=timedelta(minutes=5))
    article("done", status=Article.Status.EXTRACTED, idle=beyond_any_queue_wait())
    article("failed", status=Article.Status.FAILED, idle=beyond_any_queue_wait())

    with django_capture_on_commit_callbacks() as callbacks:
        requeued = articles.articles_requeue_stale()

    assert requeued == []
    assert callbacks == []


def test_a_requeued_article_is_not_queued_again_by_the_next_sweep() -> None:
    article("lost", idle=beyond_any_queue_wait())

    first = articles.articles_requeue_stale()
    second = articles.articles_requeue_stale()

    assert len(first) == 1 and second == []


def test_starting_work_on_an_article_counts_as_touching_it() -> None:
    started = article("started", idle=beyond_any_queue_wait())

    articles._article_claim(started.pk)

    assert articles.articles_requeue_stale() == []
