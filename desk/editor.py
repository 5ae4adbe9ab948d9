"""The editors' queue: submitted verdicts, oldest first, overdue ones marked."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from desk.common import editor_view
from reviews.models import Review


@editor_view
def queue(request: HttpRequest) -> HttpResponse:
    now = timezone.now()
    submitted = (
        Review.objects.filter(state=Review.State.SUBMITTED)
        .select_related("claim__speaker", "assignee", "rating")
        .order_by("submitted_at", "id")
    )
    corrections = (
        Review.objects.open()
        .filter(is_correction=True)
        .exclude(state=Review.State.SUBMITTED)
        .select_related("claim", "assignee")
        .order_by("updated_at")
    )
    rows = [
        {
            "review": review,
            "overdue": review.is_overdue(now),
            "mine": review.assignee_id == request.user.pk,
        }
        for review in submitted
    ]
    return render(
        request,
        "desk/editor_queue.html",
        {"rows": rows, "corrections": corrections, "now": now},
    )
