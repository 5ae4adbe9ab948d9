"""Ingestion and linking tasks: thin wrappers that take ids and call one service each.

Each imports its service inside the body: tasks sit above services, and services
queue tasks by name (`factcheck.queue`), so neither module imports the other at
load time and the import graph has no cycle.

acks_late and reject-on-worker-lost come from settings, so a killed worker's
task is redelivered; the services make a second run harmless. Only transient
errors (timeouts, dropped connections, 5xx, 429, a lost database connection)
are retried, with exponential backoff and full jitter; anything else marks the
row failed.
"""

import contextlib
import logging

from celery import Task, shared_task
from celery.exceptions import SoftTimeLimitExceeded
from celery.utils.time import get_exponential_backoff_interval
from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError, connection

from claims.pipeline.claimreview import ClaimReviewError
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
    from claims.services.feeds import feeds_poll_due

    return len(feeds_poll_due())


@shared_task(name="claims.requeue_stale_articles", ignore_result=True)
def requeue_stale_articles() -> int:
    """Beat's safety net: no article stays pending because its message was lost."""
    from claims.services.articles import articles_requeue_stale

    return len(articles_requeue_stale())


@shared_task(name="claims.requeue_claim_links", ignore_result=True)
def requeue_claim_links() -> int:
    """Beat's safety net: a claim's link lookups the broker refused are queued again."""
    from claims.services.claims import claims_requeue_links

    return len(claims_requeue_links())


@shared_task(bind=True, name="claims.poll_feed", max_retries=MAX_RETRIES, ignore_result=True)
def poll_feed(self: Task, feed_id: int) -> None:
    from claims.models import Feed
    from claims.services.feeds import feed_poll

    if not Feed.objects.filter(pk=feed_id).exists():
        return
    try:
        result = feed_poll(feed_id=feed_id)
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
    """Ingest one article; a failure that may pass is retried with backoff (counted and
    timed on the article), and the last one parks it as failed with the reason."""
    from claims.services.articles import article_fail, article_ingest

    try:
        article_ingest(article_id=article_id)
    except FetchError as error:
        _retry_or_park(self, article_id, error.reason, error.retry_after)
    except SoftTimeLimitExceeded:
        _forget_broken_connection()
        article_fail(article_id=article_id, reason="took longer than the time limit")
    except (OperationalError, InterfaceError) as error:
        # The database connection died mid-run (a restart, a failover, a killed session).
        # Django keeps the dead connection, so recording anything needs a fresh one.
        _forget_broken_connection()
        try:
            _retry_or_park(self, article_id, f"database error: {error}")
        except DatabaseError:
            # Still unreachable: retry by message; the sweep is the net below that.
            raise self.retry(countdown=retry_countdown(self.request.retries)) from None
    except Exception as error:
        # An acknowledged failure would otherwise leave the article pending for ever.
        _forget_broken_connection()
        article_fail(article_id=article_id, reason=f"internal error: {error!r}")
        raise


def _retry_or_park(
    task: Task, article_id: int, reason: str, retry_after: float | None = None
) -> None:
    from claims.services.articles import article_retry_later

    countdown = article_retry_later(
        article_id=article_id,
        reason=reason,
        # In-process (eager) runs must not sleep or loop: the one attempt is the last.
        max_retries=0 if task.request.is_eager else MAX_RETRIES,
        backoff=lambda retry: retry_countdown(retry - 1, retry_after),
    )
    if countdown is not None:
        raise task.retry(countdown=countdown) from None


def _forget_broken_connection() -> None:
    """Close this process's database connection if a failed query left it unusable."""
    with contextlib.suppress(DatabaseError):
        connection.close_if_unusable_or_obsolete()


@shared_task(name="claims.suggest_links", acks_late=True)
def suggest_links(claim_id: int) -> int:
    """Idempotent: links already made are kept, so a redelivered message changes nothing.

    The claim is read by `claim_suggest_links` itself; one deleted since it was queued
    links to nothing.
    """
    from claims.models import Claim
    from claims.services.links import claim_suggest_links

    return len(claim_suggest_links(claim=Claim(pk=claim_id)))


# --- Other publishers' fact-checks ------------------------------------------------------


@shared_task(name="claims.refresh_speaker_search", acks_late=True, ignore_result=True)
def refresh_speaker_search(speaker_ids: list[int], members: bool) -> int:
    """Idempotent: a redelivered message computes the same vectors again. A speaker
    deleted since (merged away) has no claims left to refresh."""
    from claims.services.search import speakers_refresh_search_batched

    return speakers_refresh_search_batched(speaker_ids=speaker_ids, members=members)


@shared_task(name="claims.poll_due_factcheck_sources", ignore_result=True)
def poll_due_factcheck_sources() -> int:
    """Beat's entry point: claim the due sources and queue a poll of each."""
    from claims.services.factcheck_sources import factcheck_sources_poll_due

    return len(factcheck_sources_poll_due())


@shared_task(
    bind=True, name="claims.poll_factcheck_source", max_retries=MAX_RETRIES, ignore_result=True
)
def poll_factcheck_source(self: Task, source_id: int) -> None:
    from claims.external_models import FactCheckSource
    from claims.services.factcheck_sources import factcheck_source_poll

    if not FactCheckSource.objects.filter(pk=source_id, active=True).exists():
        return
    try:
        result = factcheck_source_poll(source_id=source_id)
    except FetchError as error:
        if _should_retry(self, error):
            raise self.retry(
                exc=error, countdown=retry_countdown(self.request.retries, error.retry_after)
            ) from None
        logger.warning("fact-check source %s: giving up: %s", source_id, error.reason)
        return
    except (FeedError, ClaimReviewError) as error:
        logger.warning("fact-check source %s: %s", source_id, error.reason)
        return
    logger.info(
        "fact-check source %s: %d created, %d updated, %d pages queued",
        source_id,
        result.created,
        result.updated,
        len(result.page_ids),
    )


@shared_task(
    bind=True, name="claims.fetch_factcheck_page", max_retries=MAX_RETRIES, ignore_result=True
)
def fetch_factcheck_page(self: Task, page_id: int) -> None:
    from claims.services.factcheck_sources import factcheck_page_fetch

    try:
        factcheck_page_fetch(page_id=page_id)
    except FetchError as error:
        # Only transient errors reach here; the page stays unfetched for the next poll.
        if _should_retry(self, error):
            raise self.retry(
                exc=error, countdown=retry_countdown(self.request.retries, error.retry_after)
            ) from None
        logger.warning("fact-check page %s: giving up: %s", page_id, error.reason)


@shared_task(name="claims.match_external_checks", acks_late=True, ignore_result=True)
def match_external_checks(claim_id: int) -> int:
    """Idempotent: matches already stored are kept, so a redelivered message adds nothing."""
    from claims.services.external_matches import claim_match_external

    return len(claim_match_external(claim_id=claim_id))


@shared_task(name="claims.match_claims_to_external", acks_late=True, ignore_result=True)
def match_claims_to_external(fact_check_ids: list[int]) -> int:
    """Idempotent: pairs already stored are kept."""
    from claims.services.external_matches import external_checks_match_claims

    return external_checks_match_claims(fact_check_ids=fact_check_ids)
