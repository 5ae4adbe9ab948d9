"""After a corrected version is published: close the reports behind it, tell the readers.

`review_approve` calls `correction_published` when the version it publishes
is a correction (number > 1).
"""

from django.db import transaction
from django.db.models import QuerySet

from reviews.models import Feedback, Review, ReviewEvent, ReviewVersion
from reviews.publication import fact_check_url

OPEN = (Feedback.Status.NEW, Feedback.Status.ROUTED)


@transaction.atomic
def correction_published(*, review: Review, version: ReviewVersion) -> None:
    """Resolve the reports routed to `review` and email those who asked, after commit."""
    from reviews.tasks import notify_correction_reporters  # tasks imports this module

    reports = Feedback.objects.select_for_update().filter(
        review=review, status__in=OPEN, created_at__lte=version.published_at
    )
    for report in reports:
        before = report.status
        report.status = Feedback.Status.RESOLVED
        report.save(update_fields=["status", "updated_at"])
        ReviewEvent.objects.create(
            feedback=report,
            review=review,
            action="feedback_resolved",
            from_state=before,
            to_state=report.status,
            note=f"Correction published as version {version.number}.",
        )
    notify_correction_reporters.delay_on_commit(review.pk, version.pk)


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


def correction_email(version: ReviewVersion) -> tuple[str, str]:
    """Subject and plain-text body of the note sent to a reader who reported the error."""
    claim = version.review.claim.text
    note = version.correction_note or "We have corrected this fact-check."
    subject = f"Correction published: {claim[:70]}{'…' if len(claim) > 70 else ''}"
    body = (
        "Thank you for reporting an error in one of our fact-checks.\n\n"
        f"On {version.published_at:%d %B %Y} we published a correction:\n\n"
        f"{note}\n\n"
        f"Read the corrected fact-check: {fact_check_url(version.review)}\n\n"
        "You receive this one message because you asked to hear back; "
        "your address is not added to any list.\n"
    )
    return subject, body
