"""The feedback inbox: reader reports, where they were routed, and what staff decide."""

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_POST

from claims.models import Claim
from desk.common import answer, desk_view, safe_back
from factcheck.errors import DomainError, InvalidInput
from factcheck.numbers import parse_id
from reviews import feedback as inbox
from reviews import permissions, reports
from reviews.models import Feedback, Review

PAGE_SIZE = 30
VIEWS = {
    "open": ("Open", (Feedback.Status.NEW, Feedback.Status.ROUTED)),
    "new": ("Unrouted", (Feedback.Status.NEW,)),
    "routed": ("Routed", (Feedback.Status.ROUTED,)),
    "resolved": ("Resolved", (Feedback.Status.RESOLVED,)),
    "spam": ("Spam", (Feedback.Status.SPAM,)),
}


def _reports() -> Any:
    return Feedback.objects.select_related("review__claim", "claim", "article").annotate(
        duplicate_count=Count("duplicates")
    )


def row_context(request: HttpRequest, report: Feedback, **extra: Any) -> dict[str, Any]:
    editor = permissions.is_editor(request.user)
    is_open = report.status in (Feedback.Status.NEW, Feedback.Status.ROUTED)
    return {
        "report": report,
        "may_convert": editor and not report.claim_id,
        # Only an editor decides what a report about a fact-check leads to.
        "may_decide": editor and is_open and report.review_id is not None,
        "may_resolve": editor or report.review_id is None,
        **extra,
    }


def page_groups(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Reports grouped by the page they are about, in the order their newest report arrived.

    A group's count includes the repeats grouped under each report.
    """
    groups: dict[tuple[str, Any], dict[str, Any]] = {}
    for row in rows:
        report = row["report"]
        if report.review_id:
            key, title = ("review", report.review_id), report.review.claim.text
            kind = "Fact-check"
        elif report.article_id:
            key, title = ("article", report.article_id), report.article.title or report.url
            kind = "Article"
        else:
            key, title, kind = ("url", report.canonical_url), report.url, "Page"
        group = groups.setdefault(key, {"kind": kind, "title": title, "rows": [], "count": 0})
        group["rows"].append(row)
        group["count"] += 1 + report.duplicate_count
    return list(groups.values())


@desk_view
def inbox_page(request: HttpRequest) -> HttpResponse:
    view = request.GET.get("show", "open")
    if view not in VIEWS:
        view = "open"
    reports = _reports().filter(status__in=VIEWS[view][1], duplicate_of__isnull=True)
    page = Paginator(reports.order_by("-created_at", "-id"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "desk/feedback.html",
        {
            "page": page,
            "groups": page_groups([row_context(request, report) for report in page]),
            "views": [(key, label) for key, (label, _) in VIEWS.items()],
            "show": view,
        },
    )


@desk_view
@require_POST
def act(request: HttpRequest, feedback_id: int, action: str) -> HttpResponse:
    report = get_object_or_404(Feedback, pk=feedback_id)
    note = request.POST.get("note", "").strip()[:5000]
    try:
        text = _do(request, report, action, note)
    except DomainError as error:
        text, level = error.detail, messages.ERROR
    else:
        level = messages.SUCCESS
    report = _reports().get(pk=report.pk)
    return answer(
        request,
        template="desk/partials/feedback_row.html",
        context=row_context(request, report, note=text, level=messages.DEFAULT_TAGS[level]),
        text=text,
        level=level,
        back=safe_back(request, "/desk/feedback/"),
    )


def _do(request: HttpRequest, report: Feedback, action: str, note: str) -> str:
    actor = request.user
    if action == "route":
        return _route(request, report, note)
    if action == "convert":
        report = inbox.feedback_convert_to_claim(feedback=report, actor=actor, note=note)
        return f"Claim {report.claim_id} created from the report and put in triage."
    if action == "spam":
        inbox.feedback_mark_spam(feedback=report, actor=actor, note=note)
        return "Marked as spam."
    if action == "resolve":
        inbox.feedback_resolve(feedback=report, actor=actor, note=note)
        return "Resolved."
    if action == "open-correction":
        review = reports.feedback_open_correction(feedback_id=report.pk, actor=actor, note=note)
        return f"Correction opened: review {review.pk} is back with {review.assignee}."
    if action == "close":
        reply = request.POST.get("reply", "")
        reports.feedback_close(feedback_id=report.pk, actor=actor, reply=reply)
        return "Closed with no change" + (
            "; your reply goes to the readers who asked to hear back." if reply.strip() else "."
        )
    raise Http404


def _route(request: HttpRequest, report: Feedback, note: str) -> str:
    kind = "review" if request.POST.get("kind") == "review" else "claim"
    number = request.POST.get("target_id", "").strip()
    target_id = parse_id(number)
    if target_id is None:
        raise InvalidInput("Give the number of the claim or review to route this report to.")
    model = Review if kind == "review" else Claim
    target = model.objects.filter(pk=target_id).first()
    if target is None:
        raise InvalidInput(f"There is no {kind} {number}.")
    if isinstance(target, Review):
        inbox.feedback_reroute(feedback=report, actor=request.user, note=note, review=target)
    else:
        inbox.feedback_reroute(feedback=report, actor=request.user, note=note, claim=target)
    return f"Routed to {kind} {target.pk}."
