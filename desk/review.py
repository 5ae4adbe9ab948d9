"""A review: evidence, verdict, submission, and the editor's decision."""

from typing import Any

from django.contrib import messages
from django.db.models import OuterRef, Q, Subquery
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from claims.events import Action
from desk import conflicts, diffs
from desk.common import answer, desk_view, editor_view
from desk.forms import DueForm, EvidenceForm, NoteForm, OptionalNoteForm, VerdictForm
from factcheck.auth import signed_in
from factcheck.errors import DomainError
from factcheck.numbers import MAX_INT, parse_int
from reviews import comments, permissions, services
from reviews.models import Review, ReviewEvent
from reviews.publication import fact_check_path

EDITABLE = (Review.State.ASSIGNED, Review.State.IN_PROGRESS)


def _review(review_id: int) -> Review:
    return get_object_or_404(
        Review.objects.select_related(
            "claim__speaker", "assignee", "assigned_by", "approved_by", "rating"
        ),
        pk=review_id,
    )


# The decisions that set where a review stands; "returned" stays true until one of the others.
STANDING = (
    Action.ASSIGNED,
    Action.RETURNED,
    Action.SUBMITTED,
    Action.CORRECTED,
    Action.CORRECTION_CLOSED,
    Action.APPROVED,
)


def last_standing(review: Review) -> Any:
    return ReviewEvent.objects.filter(review=review, action__in=STANDING).order_by("-id")


@desk_view
def mine(request: HttpRequest) -> HttpResponse:
    reviews = Review.objects.filter(assignee=signed_in(request.user)).select_related(
        "claim", "rating"
    )
    standing = ReviewEvent.objects.filter(review=OuterRef("pk"), action__in=STANDING)
    return render(
        request,
        "desk/my_reviews.html",
        {
            "open": reviews.open()
            .annotate(standing=Subquery(standing.order_by("-id").values("action")[:1]))
            .order_by("due_at", "created_at"),
            "done": reviews.filter(state=Review.State.PUBLISHED).order_by("-modified_at")[:20],
            "now": timezone.now(),
        },
    )


def verdict_initial(review: Review) -> dict[str, Any]:
    return {
        "statement": review.statement,
        "headline": review.headline,
        "rating": review.rating_id,
        "summary": review.summary,
        "explanation": review.explanation,
        "version": review.version,
        "base_statement": review.statement,
        "base_headline": review.headline,
        "base_rating": review.rating_id or "",
        "base_summary": review.summary,
        "base_explanation": review.explanation,
    }


def evidence_context(request: HttpRequest, review: Review, **extra: Any) -> dict[str, Any]:
    user = request.user
    editable = review.state in EDITABLE
    return {
        "review": review,
        "evidence": review.claim.evidence.select_related("added_by"),
        "may_manage_evidence": editable and permissions.can_manage_evidence(user, review),
        "evidence_form": EvidenceForm(),
        "missing": _missing(review) if editable else [],
        **extra,
    }


def _missing(review: Review) -> list[str]:
    return [services.MISSING_LABELS[item] for item in services.missing_for_submission(review)]


def page_context(request: HttpRequest, review: Review, **extra: Any) -> dict[str, Any]:
    user = request.user
    editable = review.state in EDITABLE
    submitted = review.state == Review.State.SUBMITTED
    may_decide = submitted and permissions.can_decide_review(user, review)
    context = {
        **evidence_context(request, review),
        "form": VerdictForm(initial=verdict_initial(review)),
        "may_edit": editable and permissions.can_edit_review(user, review),
        "may_submit": editable and permissions.can_submit_review(user, review),
        "may_decide": may_decide,
        "decide_blocked": submitted and permissions.is_editor(user) and not may_decide,
        "may_correct": review.state == Review.State.PUBLISHED
        and permissions.can_correct_review(user),
        "may_close_correction": review.is_correction
        and review.state in Review.OPEN_STATES
        and permissions.can_correct_review(user),
        "editor_is_not_author": permissions.is_editor(user) and review.assignee_id != user.pk,
        "previous": diffs.since_previous(review) if permissions.is_editor(user) else None,
        "events": [
            (event, event.action.replace("_", " ").capitalize())
            for event in ReviewEvent.objects.filter(Q(review=review) | Q(feedback__review=review))
            .select_related("actor")
            .order_by("-created_at", "-id")[:50]
        ],
        "versions": review.versions.select_related("rating", "approved_by"),
        "public_path": fact_check_path(review) if review.slug else "",
        "overdue": review.is_overdue(timezone.now()),
        "returned": _returned(review),
        "may_set_due": review.state in Review.OPEN_STATES and permissions.is_editor(user),
        "due_form": DueForm(initial={"due_at": review.due_at}),
        "may_comment": permissions.can_comment(user, review),
        "comments": review.comments.select_related("author")
        if permissions.can_comment(user, review)
        else [],
    }
    return {**context, **extra}


def _returned(review: Review) -> ReviewEvent | None:
    """The editor's return, while the review is back with its checker because of it."""
    if review.state != Review.State.IN_PROGRESS:
        return None
    last = last_standing(review).select_related("actor").first()
    return last if last is not None and last.action == Action.RETURNED else None


@desk_view
@require_POST
def comment_add(request: HttpRequest, review_id: int) -> HttpResponse:
    review = _review(review_id)
    try:
        comments.comment_add(
            review_id=review.pk, author=signed_in(request.user), text=request.POST.get("text", "")
        )
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, "Comment added.")
    return redirect(f"/desk/reviews/{review.pk}/#comments")


@editor_view
@require_POST
def set_due(request: HttpRequest, review_id: int) -> HttpResponse:
    form = DueForm(request.POST)
    if not form.is_valid():
        messages.error(request, "Give the due date as a date and time, or leave it empty.")
        return redirect(f"/desk/reviews/{review_id}/")
    due_at = form.cleaned_data["due_at"]
    try:
        services.review_set_due(review_id=review_id, actor=signed_in(request.user), due_at=due_at)
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(
            request, f"Due {timezone.localtime(due_at):%-d %b %H:%M}." if due_at else "No due date."
        )
    return redirect(f"/desk/reviews/{review_id}/")


@desk_view
def detail(request: HttpRequest, review_id: int) -> HttpResponse:
    review = _review(review_id)
    return render(request, "desk/review.html", page_context(request, review))


@desk_view
@require_POST
def edit(request: HttpRequest, review_id: int) -> HttpResponse:
    """Save the verdict (and submit it, with the submit button).

    If someone saved since the user loaded the form, their changes are merged
    field by field (reviews/desk/conflicts.py): changes to different fields are
    all kept; a field both changed is shown with yours, theirs and the original,
    on a form re-based on their version, so saving again is a deliberate choice.
    """
    review = _review(review_id)
    form = VerdictForm(request.POST)
    if not form.is_valid():
        messages.error(request, "The verdict could not be saved; see the form below.")
        return render(
            request, "desk/review.html", page_context(request, review, form=form), status=400
        )
    data = form.cleaned_data
    posted = {
        "rating": str(data["rating"].pk) if data["rating"] else "",
        "summary": data["summary"],
        "explanation": data["explanation"],
    }
    # A form without the wording fields (an older page) leaves the wording alone.
    posted |= {field: data[field] for field in ("statement", "headline") if field in request.POST}
    base = {field: data[f"base_{field}"] or "" for field in posted}
    expected, fields, kept = data["version"], list(posted), []
    # A save that lands between reading and writing makes one more merge, rarely two.
    for _attempt in range(3):
        if review.version != expected:
            merged = conflicts.merge(
                review=review, user=signed_in(request.user), base=base, posted=posted
            )
            if merged.clashes:
                return _conflict(request, review, posted, merged)
            expected, fields, kept = review.version, merged.mine, merged.kept
        try:
            saved = services.review_edit(
                review_id=review.pk,
                actor=signed_in(request.user),
                expected_version=expected,
                **{field: data[field] for field in fields},
            )
        except services.StaleVersion:
            review = _review(review_id)
            continue
        except DomainError as error:
            messages.error(request, error.detail)
            return redirect(f"/desk/reviews/{review.pk}/")
        break
    else:
        messages.error(request, "The review keeps changing under you; reload and try again.")
        return redirect(f"/desk/reviews/{review.pk}/")
    if request.POST.get("action") == "submit":
        _tell_kept(request, kept)
        return _submit(request, saved)
    messages.success(request, f"Saved (version {saved.version}).")
    _tell_kept(request, kept)
    return redirect(f"/desk/reviews/{saved.pk}/")


def _tell_kept(request: HttpRequest, kept: list[tuple[str, str]]) -> None:
    for label, who in kept:
        messages.info(request, f"{who} changed the {label} meanwhile; their change is kept.")


def _conflict(
    request: HttpRequest, current: Review, posted: dict[str, str], merged: conflicts.Merge
) -> HttpResponse:
    """The clashing fields side by side, on a form re-based on the current version."""
    rebased = VerdictForm(
        initial={
            **verdict_initial(current),
            **{field: posted[field] for field in merged.mine},
        }
    )
    context = page_context(
        request,
        current,
        form=rebased,
        conflict={"clashes": merged.clashes, "kept": merged.kept},
    )
    return render(request, "desk/review.html", context, status=409)


def _submit(request: HttpRequest, review: Review) -> HttpResponse:
    try:
        review = services.review_submit(review_id=review.pk, actor=signed_in(request.user))
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, "Submitted. An editor will review your verdict.")
    return redirect(f"/desk/reviews/{review.pk}/")


@desk_view
@require_POST
def submit(request: HttpRequest, review_id: int) -> HttpResponse:
    return _submit(request, _review(review_id))


@desk_view
@require_POST
def evidence_add(request: HttpRequest, review_id: int) -> HttpResponse:
    review = _review(review_id)
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return _evidence_answer(
            request, review, "Check the evidence form.", messages.ERROR, form=form
        )
    try:
        services.evidence_add(
            claim_id=review.claim_id, actor=signed_in(request.user), **form.cleaned_data
        )
    except DomainError as error:
        return _evidence_answer(request, review, error.detail, messages.ERROR, form=form)
    title = form.cleaned_data["title"]
    return _evidence_answer(request, review, f"Evidence added: {title}.", messages.SUCCESS)


@desk_view
@require_POST
def evidence_remove(request: HttpRequest, review_id: int, evidence_id: int) -> HttpResponse:
    review = _review(review_id)
    try:
        services.evidence_remove(
            claim_id=review.claim_id, evidence_id=evidence_id, actor=signed_in(request.user)
        )
    except DomainError as error:
        return _evidence_answer(request, review, error.detail, messages.ERROR)
    return _evidence_answer(request, review, "Evidence removed.", messages.SUCCESS)


def _evidence_answer(
    request: HttpRequest,
    review: Review,
    text: str,
    level: int,
    form: EvidenceForm | None = None,
) -> HttpResponse:
    extra: dict[str, Any] = {"note": text, "level": messages.DEFAULT_TAGS[level], "oob": True}
    if form is not None:
        extra["evidence_form"] = form
    return answer(
        request,
        template="desk/partials/evidence.html",
        context=evidence_context(request, review, **extra),
        text=text,
        level=level,
        back=f"/desk/reviews/{review.pk}/#evidence",
    )


def _decision(request: HttpRequest, review_id: int, action: str) -> HttpResponse:
    review = _review(review_id)
    required = action in ("return", "correct", "close-correction") or (
        action == "approve" and review.versions.exists()
    )
    form = (NoteForm if required else OptionalNoteForm)(request.POST)
    if not form.is_valid():
        messages.error(request, f"Write a note to {action} this review.")
        return redirect(f"/desk/reviews/{review.pk}/")
    note = form.cleaned_data["note"]
    actor = signed_in(request.user)
    try:
        if action == "approve":
            version = request.POST.get("version", "")
            review = services.review_approve(
                review_id=review.pk,
                actor=actor,
                note=note,
                expected_version=parse_int(version, minimum=1, maximum=MAX_INT),
            )
            done = f"Approved and published at {fact_check_path(review)}"
        elif action == "close-correction":
            review = services.review_close_correction(review_id=review.pk, actor=actor, note=note)
            done = "Correction closed with no change; nothing was published."
        elif action == "return":
            review = services.review_return(review_id=review.pk, actor=actor, note=note)
            done = f"Returned to {review.assignee.get_username()} with your note."
        else:
            review = services.review_correct(review_id=review.pk, actor=actor, note=note)
            done = "Reopened as a correction; the published version stays online meanwhile."
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, done)
    return redirect(f"/desk/reviews/{review.pk}/")


@editor_view
@require_POST
def approve(request: HttpRequest, review_id: int) -> HttpResponse:
    return _decision(request, review_id, "approve")


@editor_view
@require_POST
def return_(request: HttpRequest, review_id: int) -> HttpResponse:
    return _decision(request, review_id, "return")


@editor_view
@require_POST
def correct(request: HttpRequest, review_id: int) -> HttpResponse:
    return _decision(request, review_id, "correct")


@editor_view
@require_POST
def close_correction(request: HttpRequest, review_id: int) -> HttpResponse:
    return _decision(request, review_id, "close-correction")
