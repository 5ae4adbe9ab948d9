"""Ingestion tasks: thin wrappers that take ids and call one service each.

acks_late and reject-on-worker-lost come from settings, so a killed worker's
task is redelivered; the services make a second run harmless. Only transient
fetch errors (timeouts, dropped connections, 5xx, 429) are retried, with
exponential backoff and full jitter; anything else marks the row failed.
"""

import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings

from claims import services
from claims.models import Feed
from claims.pipeline.feeds import FeedError
from claims.pipeline.fetch_errors import FetchError

logger = logging.getLogger(__name__)
MAX_RETRIES = 5


def retry_countdown(retries: int, retry_after: float | None = None) -> float:
    """1, 2, 4 … s with full jitter, at least what Retry-After asked, capped by settings."""
    cap = settings.FACTCHECK_RETRY_BACKOFF_MAX
    countdown = get_exponential_backoff_interval(
        factor=1, retries=retries, maximum=cap, full_jitter=True
    )
    return min(cap, max(countdown, retry_after or 0))


def _should_retry(task: Task, error: FetchError) -> bool:
    # In-process (eager) runs must not sleep or loop: they report the failure instead.
    return error.transient and not task.request.is_eager and task.request.retries < MAX_RETRIES


@shared_task(name="claims.poll_due_feeds", ignore_result=True)
def poll_due_feeds() -> int:
    """Beat's entry point: claim a bounded batch of due feeds and queue a poll of each."""
    return len(services.feeds_poll_due())


@shared_task(name="claims.requeue_stale_articles", ignore_result=True)
def requeue_stale_articles() -> int:
    """Beat's safety net: no article stays pending because its message was lost."""
    return len(services.articles_requeue_stale())


@shared_task(bind=True, name="claims.poll_feed", max_retries=MAX_RETRIES, ignore_result=True)
def poll_feed(self: Task, feed_id: int) -> None:
    if not Feed.objects.filter(pk=feed_id).exists():
        return
    try:
        result = services.feed_poll(feed_id=feed_id)
    except FetchError as error:
        # The failure is already on the feed, which backs off; retry soon only if it may pass.
        if _should_retry(self, error):
            raise self.retry(
                exc=error, countdown=retry_countdown(self.request.retries, error.retry_after)
            ) from None
        logger.warning("feed %s: giving up: %s", feed_id, error.reason)
        return
    except FeedError as error:
        logger.warning("feed %s: %s", feed_id, error.reason)
        return
    logger.info("feed %s: %d new articles", feed_id, len(result.new_article_ids))


@shared_task(bind=True, name="claims.ingest_article", max_retries=MAX_RETRIES, ignore_result=True)
def ingest_article(self: Task, article_id: int) -> None:
    try:
        services.article_ingest(article_id=article_id)
    except FetchError as error:
        if _should_retry(self, error):
            raise self.retry(
                exc=error, countdown=retry_countdown(self.request.retries, error.retry_after)
            ) from None
        services.article_fail(
            article_id=article_id,
            reason=f"gave up after {self.request.retries + 1} attempts: {error.reason}",
        )
    except SoftTimeLimitExceeded:
        services.article_fail(article_id=article_id, reason="took longer than the time limit")
    except Exception as error:
        # An acknowledged failure would otherwise leave the article pending for ever.
        services.article_fail(article_id=article_id, reason=f"internal error: {error!r}")
        raise
