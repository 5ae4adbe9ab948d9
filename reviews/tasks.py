from celery import shared_task

from reviews.roles import sync_groups


@shared_task(name="reviews.sync_roles")
def sync_roles() -> None:
    """Bring the role groups back in line with the code (after a deploy, say)."""
    sync_groups()
