"""An editor's decision on a reader's report: open a correction, or close it with no change.

Reports never change a review by themselves (reviews/feedback.py only links
them); these two services are the only ways a report leads anywhere.
"""

from typing import Any

from django.db import transaction

from claims.events import Action, record_event
from factcheck.errors import Conflict, InvalidInput, NotAllowed, NotFound
from factcheck.queue import enqueue_on_commit
from reviews import permissions
from reviews.corrections import OPEN, header_text
from reviews.models import Feedback, Review
from reviews.publication import plain_text
from reviews.services import MAX_NOTE, review_correct


def _locked_report(feedback_id: int) -> Feedback:
    report = Feedback.objects.select_for_update().filter(pk=feedback_id).first()
    if report is None:
        raise NotFound(f"Feedback {feedback_id} does not exist.")
    if report.status not in OPEN:
        raise Conflict(f"Feedback {report.pk} is {report.get_status_display().lower()} already.")
    return report


def _fact_check_of(report: Feedback) -> Review | None:
    """The published review the report is about: the one it was routed to, or its claim's."""
    if report.review_id is not None:
        return report.review
    if report.claim_id is not None:
        return Review.objects.filter(claim_id=report.claim_id, versions__isnull=False).first()
    return None


@transaction.atomic
def feedback_open_correction(*, feedback_id: int, actor: Any, note: str = "") -> Review:
    """Reopen the fact-check a report is about as a correction, with the report linked.

    If a correction of it is already open, the report joins that one.
    """
    if not permissions.can_correct_review(actor):
        raise NotAllowed("Only editors open corrections.")
    report = _locked_report(feedback_id)
    review = _fact_check_of(report)
    if review is None or not review.versions.exists():
        raise Conflict(
            f"Feedback {report.pk} is not about a published fact-check; route it to one first."
        )
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.state == Review.State.PUBLISHED:
        summary = header_text(report.message, 300)
        reason = plain_text(note) or f"Reader report {report.pk}: {summary}"
        review = review_correct(
            review_id=review.pk, actor=actor, note=reason[:MAX_NOTE], feedback_id=report.pk
        )
    elif not (review.is_correction and review.state in Review.OPEN_STATES):
        raise Conflict(f"Review {review.pk} is {review.state}; it cannot take a correction.")
    before = report.status
    report.review = review
    report.status = Feedback.Status.ROUTED
    report.save(update_fields=["review", "status", "updated_at"])
    record_event(
        action=Action.FEEDBACK_CORRECTION_OPENED,
        feedback_id=report.pk,
        review_id=review.pk,
        actor=actor,
        from_state=before,
        to_state=report.status,
        note=plain_text(note),
    )
    return review


@transaction.atomic
def feedback_close(*, feedback_id: int, actor: Any, reply: str = "") -> Feedback:
    """Close a report and its repeats with no change; nothing is published.

    The optional reply is emailed, after commit, to each reader who asked to hear back.
    """
    if not permissions.is_editor(actor):
        raise NotAllowed("Only editors close reader reports.")
    reply = plain_text(reply)
    if len(reply) > MAX_NOTE:
        raise InvalidInput(f"reply: at most {MAX_NOTE} characters, please.")
    report = _locked_report(feedback_id)
    repeats = list(report.duplicates.select_for_update().filter(status__in=OPEN))
    for item in (report, *repeats):
        before = item.status
        item.status = Feedback.Status.RESOLVED
        item.reply = reply
        item.save(update_fields=["status", "reply", "updated_at"])
        record_event(
            action=Action.FEEDBACK_CLOSED,
            feedback_id=item.pk,
            review_id=item.review_id,
            claim_id=item.claim_id,
            actor=actor,
            from_state=before,
            to_state=item.status,
            note=reply if item is report else f"With report {report.pk}.",
            changes={"no_change": True},
        )
    if reply:
        enqueue_on_commit("reviews.notify_report_closed", report.pk)
    return report
