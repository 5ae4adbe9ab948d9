"""Background linking of a new claim to what was said before.

Celery's autodiscovery imports only `<app>.tasks`; settings list this module in
CELERY_IMPORTS so the worker registers it.
"""

from celery import shared_task

from claims.links import claim_suggest_links
from claims.models import Claim


@shared_task(name="claims.suggest_links", acks_late=True)
def suggest_links(claim_id: int) -> int:
    """Idempotent: links already made are kept, so a redelivered message changes nothing.

    The claim is read by `claim_suggest_links` itself; one deleted since it was queued
    links to nothing.
    """
    return len(claim_suggest_links(claim=Claim(pk=claim_id)))
