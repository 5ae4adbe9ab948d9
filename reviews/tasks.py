"""Review tasks. Services queue them by name (`factcheck.queue`) and never import this
module, so the tasks may import the services they run."""

import logging
import smtplib
from collections.abc import Callable

from celery import Task, shared_task
from django.core.mail import BadHeaderError, send_mail
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from reviews.corrections import (
    closed_report_email,
    closed_reports_to_notify,
    correction_email,
    reporters_to_notify,
)
from reviews.models import Feedback, ReviewVersion
from reviews.roles import sync_groups

logger = logging.getLogger(__name__)
# Worth another try later: the mail server was unreachable or said "try again".
TRANSIENT_MAIL_ERRORS = (smtplib.SMTPException, OSError)


@shared_task(name="reviews.sync_roles")
def sync_roles() -> None:
    """Bring the role groups back in line with the code (after a deploy, say)."""
    sync_groups()


def email_readers(
    reports: QuerySet[Feedback], message: Callable[[Feedback], tuple[str, str]]
) -> int:
    """Send one message per address and mark its reports notified only once it is sent.

    Each address is handled in its own transaction that holds its reports' rows
    (skipping rows another run holds), so a redelivered or concurrent run never
    sends twice, and a failed send leaves the reports unmarked for the retry.
    Returns how many were sent.
    """
    sent = 0
    for email in sorted(set(reports.values_list("email", flat=True))):
        with transaction.atomic():
            rows = list(reports.filter(email=email).select_for_update(skip_locked=True))
            if not rows:
                continue
            try:
                send_mail(*message(rows[0]), None, [email])
            except BadHeaderError:
                # Permanent: retrying the same text fails the same way. Say so, move on.
                logger.error("reader email to report %s refused: bad header", rows[0].pk)
                continue
            Feedback.objects.filter(pk__in=[row.pk for row in rows]).update(
                notified_at=timezone.now()
            )
        sent += 1
    return sent


@shared_task(name="reviews.notify_event", bind=True, max_retries=5)
def notify_event(self: Task, event_id: int) -> int:
    """Notify the people an audit event concerns, on the desk and by email, once."""
    from reviews.notifications import notify_for_event

    try:
        return notify_for_event(event_id)
    except TRANSIENT_MAIL_ERRORS as error:
        raise self.retry(exc=error, countdown=60 * 2**self.request.retries) from error


@shared_task(name="reviews.notify_due_reviews", bind=True, max_retries=3)
def notify_due_reviews(self: Task) -> int:
    """Beat: tell checkers about reviews due within a day or overdue, once per due date."""
    from reviews.notifications import notify_due

    try:
        return notify_due(timezone.now())
    except TRANSIENT_MAIL_ERRORS as error:
        raise self.retry(exc=error, countdown=60) from error


@shared_task(name="reviews.notify_correction_reporters", bind=True, max_retries=5)
def notify_correction_reporters(self: Task, review_id: int, version_id: int) -> int:
    """Email each opted-in reader who reported the corrected error, once."""
    version = (
        ReviewVersion.objects.select_related("review__claim")
        .filter(pk=version_id, review_id=review_id)
        .first()
    )
    if version is None:
        return 0
    try:
        return email_readers(
            reporters_to_notify(review_id, version), lambda _report: correction_email(version)
        )
    except TRANSIENT_MAIL_ERRORS as error:
        raise self.retry(exc=error, countdown=60 * 2**self.request.retries) from error


@shared_task(name="reviews.notify_report_closed", bind=True, max_retries=5)
def notify_report_closed(self: Task, feedback_id: int) -> int:
    """Send the editor's reply to each consenting reader of a report closed with no change."""
    report = Feedback.objects.filter(pk=feedback_id).first()
    if report is None or not report.reply:
        return 0
    try:
        return email_readers(
            closed_reports_to_notify(feedback_id), lambda _row: closed_report_email(report)
        )
    except TRANSIENT_MAIL_ERRORS as error:
        raise self.retry(exc=error, countdown=60 * 2**self.request.retries) from error
