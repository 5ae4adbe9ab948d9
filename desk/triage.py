"""The triage queue: flagged claims ranked exactly as GET /api/v1/claims/ ranks them."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import F, Prefetch, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from claims.external_models import ExternalMatch
from claims.models import Claim
from desk.common import answer, desk_view, editor_view, is_htmx, safe_back
from desk.forms import ReasonForm
from factcheck.auth import signed_in
from factcheck.errors import DomainError
from factcheck.numbers import parse_id
from reviews import permissions, services
from reviews.api.pagination import SearchCappedPaginator
from reviews.filters import CLAIM_ORDERINGS, ClaimFilter
from reviews.models import Review
from reviews.roles import ADMIN, CHECKER, EDITOR

PAGE_SIZE = 25


def claims_with_rows() -> QuerySet[Claim]:
    """What a row shows, in a fixed number of queries whatever the page size."""
    open_reviews = Prefetch(
        "reviews",
        queryset=Review.objects.open().select_related("assignee"),
        to_attr="open_reviews",
    )
    external = Prefetch(
        "external_matches", queryset=best_external_match(), to_attr="external_found"
    )
    return Claim.objects.with_triage_data().prefetch_related(open_reviews, external)


def best_external_match() -> QuerySet[ExternalMatch]:
    """Each claim's best match with another publisher's check, as "Checked by ..." shows it.

    One row per claim and only the columns the row shows: what the page reads grows with
    its rows, not with how many checks were found for each claim (a claim keeps gaining
    matches as sources import), nor with their text and reasons.
    """
    best_first = Window(
        RowNumber(), partition_by=F("claim_id"), order_by=[F("score").desc(), F("id").desc()]
    )
    return (
        ExternalMatch.objects.select_related("fact_check")
        .only(*ROW_MATCH_FIELDS)
        .annotate(rank=best_first)
        .filter(rank=1)
    )


# What checked_elsewhere.html reads of a match on a triage row.
ROW_MATCH_FIELDS = [
    "claim_id",
    "score",
    "decision",
    "fact_check__url",
    "fact_check__publisher",
    "fact_check__rating_text",
    "fact_check__date_published",
    "fact_check__claim_reviewed",
    "fact_check__claimant",
]


def assignable_staff() -> QuerySet[User]:
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=[CHECKER, EDITOR, ADMIN])
        .distinct()
        .order_by("username")
    )


def row_context(
    request: HttpRequest,
    claim: Claim,
    *,
    staff: list[User] | None = None,
    note: str = "",
    level: str = "",
) -> dict:
    """A triage row and the actions this user may take on it."""
    open_review = next(iter(getattr(claim, "open_reviews", [])), None)
    found = getattr(claim, "external_found", [])
    return {
        "claim": claim,
        "open_review": open_review,
        "external": found[0] if found else None,
        "note": note,
        "level": level,
        # Where a plain (no-JavaScript) form post returns to: the filtered queue.
        "back": request.get_full_path()
        if request.method == "GET"
        else safe_back(request, "/desk/"),
        **claim_actions(signed_in(request.user), claim, open_review, staff=staff),
    }


def claim_actions(
    user: User,
    claim: Claim,
    open_review: Review | None,
    *,
    staff: list[User] | None = None,
) -> dict:
    """Take, assign and dismiss as offered on a triage row and on the claim page."""
    actionable = claim.status in (Claim.Status.FLAGGED, Claim.Status.IN_REVIEW)
    may_assign_others = actionable and permissions.can_assign_others(user)
    return {
        "may_take": actionable and permissions.can_assign(user, user, open_review),
        "may_assign_others": may_assign_others,
        "may_dismiss": actionable and permissions.can_dismiss(user, open_review),
        "may_restore": claim.status == Claim.Status.DISMISSED and permissions.is_editor(user),
        "staff": (staff if staff is not None else list(assignable_staff()))
        if may_assign_others
        else [],
    }


@desk_view
def queue(request: HttpRequest) -> HttpResponse:
    data = request.GET.copy()
    data.setdefault("status", Claim.Status.FLAGGED)
    filters = ClaimFilter(data, queryset=claims_with_rows())
    claims = filters.qs if filters.is_valid() else Claim.objects.none()
    if "ordering" not in data or not filters.is_valid():
        claims = claims.order_by(*CLAIM_ORDERINGS["-priority"])
    page = SearchCappedPaginator(claims, PAGE_SIZE).get_page(request.GET.get("page"))
    staff = list(assignable_staff()) if permissions.can_assign_others(request.user) else []
    rows = [row_context(request, claim, staff=staff) for claim in page]
    query = data.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "rows": rows,
        "filters": filters,
        "values": data,
        "query": query.urlencode(),
        "statuses": Claim.Status.choices,
        "orderings": [
            ("-priority", "Priority"),
            ("recency", "Most recent"),
            ("reach", "Most repeated"),
            ("-created_at", "Newest flagged"),
        ],
    }
    if is_htmx(request) and request.headers.get("HX-Target") == "queue":
        return render(request, "desk/partials/triage_results.html", context)
    return render(request, "desk/triage.html", context)


def row_answer(request: HttpRequest, claim_id: int, text: str, level: int) -> HttpResponse:
    claim = claims_with_rows().get(pk=claim_id)
    return answer(
        request,
        template="desk/partials/triage_row.html",
        context=row_context(request, claim, note=text, level=messages.DEFAULT_TAGS[level]),
        text=text,
        level=level,
        back=safe_back(request, "/desk/"),
    )


@desk_view
@require_POST
def assign(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=claim_id)
    wanted = request.POST.get("assignee", "me")
    assignee: User | None
    if wanted == "me":
        assignee = signed_in(request.user)
    elif (wanted_id := parse_id(wanted)) is not None:
        assignee = assignable_staff().filter(pk=wanted_id).first()
    else:
        assignee = None
    if assignee is None:
        return row_answer(request, claim.pk, "Choose who should check this claim.", messages.ERROR)
    try:
        review, _ = services.claim_assign(
            claim_id=claim.pk, actor=signed_in(request.user), assignee=assignee
        )
    except DomainError as error:
        return row_answer(request, claim.pk, error.detail, messages.ERROR)
    who = "you" if assignee.pk == request.user.pk else assignee.get_username()
    return row_answer(request, claim.pk, f"Assigned to {who}.", messages.SUCCESS)


@editor_view
@require_POST
def restore(request: HttpRequest, claim_id: int) -> HttpResponse:
    try:
        services.claim_restore(claim_id=claim_id, actor=signed_in(request.user))
    except DomainError as error:
        messages.error(request, error.detail)
    else:
        messages.success(request, "Restored to triage.")
    return redirect(f"/desk/claims/{claim_id}/")


@desk_view
@require_POST
def dismiss(request: HttpRequest, claim_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=claim_id)
    form = ReasonForm(request.POST)
    if not form.is_valid():
        return row_answer(request, claim.pk, "Give a reason to dismiss the claim.", messages.ERROR)
    try:
        services.claim_dismiss(
            claim_id=claim.pk, actor=signed_in(request.user), reason=form.cleaned_data["reason"]
        )
    except DomainError as error:
        return row_answer(request, claim.pk, error.detail, messages.ERROR)
    return row_answer(request, claim.pk, "Dismissed.", messages.SUCCESS)
