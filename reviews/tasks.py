import smtplib

from celery import Task, shared_task
from django.core.mail import send_mail
from django.utils import timezone

from reviews.corrections import correction_email, reporters_to_notify
from reviews.models import Feedback, ReviewVersion
from reviews.roles import sync_groups


@shared_task(name="reviews.sync_roles")
def sync_roles() -> None:
    """Bring the role groups back in line with the code (after a deploy, say)."""
    sync_groups()


@shared_task(name="reviews.notify_correction_reporters", bind=True, max_retries=5)
def notify_correction_reporters(self: Task, review_id: int, version_id: int) -> int:
    """Email each opted-in reader who reported the corrected error, exactly once.

    Each address is claimed with a conditional UPDATE before sending, so a
    redelivered or concurrent run finds it taken. Returns how many were sent.
    """
    version = (
        ReviewVersion.objects.select_related("review__claim")
        .filter(pk=version_id, review_id=review_id)
        .first()
    )
    if version is None:
        return 0
    reports = reporters_to_notify(review_id, version)
    sent = 0
    for email in sorted(set(reports.values_list("email", flat=True))):
        now = timezone.now()
        if not reports.filter(email=email).update(notified_at=now):
            continue
        try:
            send_mail(*correction_email(version), None, [email])
        except (smtplib.SMTPException, OSError) as error:
            # Not sent after all: release the claim so the retry sends it.
            Feedback.objects.filter(review_id=review_id, email=email, notified_at=now).update(
                notified_at=None
            )
            raise self.retry(exc=error, countdown=60 * 2**self.request.retries) from error
        sent += 1
    return sent
