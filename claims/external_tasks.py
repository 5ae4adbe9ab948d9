"""Tasks for other publishers' fact-checks: thin wrappers that take ids and call a service.

Listed in CELERY_IMPORTS (autodiscovery imports only `<app>.tasks`). Only transient
fetch errors are retried, with backoff; anything else is recorded on the source or page.
"""

import logging

from celery import Task, shared_task

from claims.pipeline.claimreview import ClaimReviewError
from claims.pipeline.feeds import FeedError
from claims.pipeline.fetch_errors import FetchError
from claims.tasks import MAX_RETRIES, retry_countdown

logger = logging.getLogger(__name__)


def _should_retry(task: Task, error: FetchError) -> bool:
    return error.transient and not task.request.is_eager and task.request.retries < MAX_RETRIES


@shared_task(name="claims.poll_due_factcheck_sources", ignore_result=True)
def poll_due_factcheck_sources() -> int:
    """Beat's entry point: claim the due sources and queue a poll of each."""
    from claims.factcheck_sources import factcheck_sources_poll_due

    return len(factcheck_sources_poll_due())


@shared_task(
    bind=True, name="claims.poll_factcheck_source", max_retries=MAX_RETRIES, ignore_result=True
)
def poll_factcheck_source(self: Task, source_id: int) -> None:
    from claims.external_models import FactCheckSource
    from claims.factcheck_sources import factcheck_source_poll

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
    from claims.factcheck_sources import factcheck_page_fetch

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
    from claims.external_matching import claim_match_external

    return len(claim_match_external(claim_id=claim_id))


@shared_task(name="claims.match_claims_to_external", acks_late=True, ignore_result=True)
def match_claims_to_external(fact_check_ids: list[int]) -> int:
    """Idempotent: pairs already stored are kept."""
    from claims.external_matching import external_checks_match_claims

    return external_checks_match_claims(fact_check_ids=fact_check_ids)
