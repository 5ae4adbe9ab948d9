"""When a correction ends: close the reports behind it and tell the readers who asked.

`review_approve` calls `correction_published` when the version it publishes
is a correction (number > 1); `review_close_correction` calls
`correction_closed` when an editor decides no change is needed.
"""

from typing import Any

from django.db import transaction
from django.db.models import Q, QuerySet

from claims.events import Action, record_event
from factcheck.queue import enqueue_on_commit
from reviews.models import Feedback, Review, ReviewVersion
from reviews.publication import fact_check_url

OPEN = (Feedback.Status.NEW, Feedback.Status.ROUTED)


@transaction.atomic
def correction_published(*, review: Review, version: ReviewVersion) -> None:
    """Resolve the reports routed to `review` and email those who asked, after commit."""
    reports = Feedback.objects.select_for_update().filter(
        review=review, status__in=OPEN, created_at__lte=version.published_at
    )
    for report in reports:
        before = report.status
        report.status = Feedback.Status.RESOLVED
        report.save(update_fields=["status", "updated_at"])
        record_event(
            action=Action.FEEDBACK_RESOLVED,
            feedback_id=report.pk,
            review_id=review.pk,
            from_state=before,
            to_state=report.status,
            note=f"Correction published as version {version.number}.",
        )
    enqueue_on_commit("reviews.notify_correction_reporters", review.pk, version.pk)


def correction_closed(*, review: Review, actor: Any, note: str) -> None:
    """Resolve the open reports behind a correction closed with no change; nobody is emailed."""
    reports = Feedback.objects.select_for_update().filter(review=review, status__in=OPEN)
    for report in reports:
        before = report.status
        report.status = Feedback.Status.RESOLVED
        report.save(update_fields=["status", "updated_at"])
        record_event(
            action=Action.FEEDBACK_RESOLVED,
            feedback_id=report.pk,
            review_id=review.pk,
            actor=actor,
            from_state=before,
            to_state=report.status,
            note=f"Correction closed with no change: {note}",
        )


def reporters_to_notify(review_id: int, version: ReviewVersion) -> QuerySet[Feedback]:
    """Opted-in, not yet notified, real reports about this review made before the correction."""
    return (
        Feedback.objects.filter(
            review_id=review_id,
            email_consent=True,
            notified_at__isnull=True,
            created_at__lte=version.published_at,
        )
        .exclude(email="")
        .exclude(status=Feedback.Status.SPAM)
    )


def header_text(text: str, limit: int = 70) -> str:
    """Text safe in an email header: one line (a reader's newline cannot add a header), short."""
    line = " ".join(text.split())
    return line if len(line) <= limit else line[:limit].rstrip() + "…"


def correction_email(version: ReviewVersion) -> tuple[str, str]:
    """Subject and plain-text body of the note sent to a reader who reported the error."""
    note = version.correction_note or "We have corrected this fact-check."
    wording = version.headline or version.statement or version.review.claim.text
    subject = f"Correction published: {header_text(wording)}"
    body = (
        "Thank you for reporting an error in one of our fact-checks.\n\n"
        f"On {version.published_at:%d %B %Y} we published a correction:\n\n"
        f"{note}\n\n"
        f"Read the corrected fact-check: {fact_check_url(version.review)}\n\n"
        "You receive this one message because you asked to hear back; "
        "your address is not added to any list.\n"
    )
    return subject, body


def closed_reports_to_notify(report_id: int) -> QuerySet[Feedback]:
    """The closed report and its repeats whose readers asked to hear back, not yet told."""
    return Feedback.objects.filter(
        Q(pk=report_id) | Q(duplicate_of_id=report_id),
        email_consent=True,
        notified_at__isnull=True,
        status=Feedback.Status.RESOLVED,
    ).exclude(email="")


def closed_report_email(report: Feedback) -> tuple[str, str]:
    """Subject and body of the editor's reply to a reader whose report needed no change."""
    subject = f"About your report on {header_text(report.url)}"
    body = (
        "Thank you for writing to us about this page:\n"
        f"{report.url}\n\n"
        "An editor looked into your report and decided that no change is needed. "
        "Their reply:\n\n"
        f"{report.reply}\n\n"
        "You receive this one message because you asked to hear back; "
        "your address is not added to any list.\n"
    )
    return subject, body
