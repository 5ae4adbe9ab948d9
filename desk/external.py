"""Other publishers' fact-checks on the desk: their sources, and using one on a claim."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from claims.external_models import FactCheckSource
from claims.models import Claim
from claims.permissions import can_manage_factcheck_sources
from claims.services.factcheck_sources import factcheck_source_create, factcheck_source_poll_request
from desk.common import answer, desk_view, is_htmx, safe_back
from desk.triage import row_answer
from factcheck.auth import signed_in
from factcheck.errors import DomainError
from reviews.external import claim_dismiss_as_checked, external_check_attach


class SourceForm(forms.Form):
    url = forms.URLField(
        label="Feed or ClaimReview data feed URL", max_length=2000, assume_scheme="https"
    )
    name = forms.CharField(label="Publisher", max_length=200, required=False)


def _sources() -> QuerySet[FactCheckSource]:
    return FactCheckSource.objects.annotate(fact_check_count=Count("fact_checks")).order_by(
        "name", "id"
    )


def _may_manage(request: HttpRequest) -> None:
    if not can_manage_factcheck_sources(request.user):
        raise PermissionDenied


@desk_view
def sources_page(request: HttpRequest) -> HttpResponse:
    _may_manage(request)
    form = SourceForm()
    status = 200
    if request.method == "POST":
        form = SourceForm(request.POST)
        if form.is_valid():
            try:
                source = factcheck_source_create(actor=request.user, **form.cleaned_data)
            except DomainError as error:
                form.add_error("url", error.detail)
            else:
                messages.success(request, f"Added {source.name}; its first poll is queued.")
                return redirect("/desk/factcheck-sources/")
        status = 400
    context = {"sources": _sources(), "form": form, "now": timezone.now()}
    return render(request, "desk/factcheck_sources.html", context, status=status)


@desk_view
@require_POST
def source_poll(request: HttpRequest, source_id: int) -> HttpResponse:
    _may_manage(request)
    source = get_object_or_404(FactCheckSource, pk=source_id)
    factcheck_source_poll_request(source_id=source.pk, actor=request.user)
    text = f"Polling {source.name} now."
    return answer(
        request,
        template="desk/partials/factcheck_source_row.html",
        context={
            "source": _sources().get(pk=source.pk),
            "note": text,
            "level": "success",
            "now": timezone.now(),
        },
        text=text,
        back="/desk/factcheck-sources/",
    )


@desk_view
@require_POST
def attach(request: HttpRequest, claim_id: int, fact_check_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=claim_id)
    try:
        evidence = external_check_attach(
            claim_id=claim.pk, fact_check_id=fact_check_id, actor=signed_in(request.user)
        )
    except DomainError as error:
        return _answer(request, claim.pk, error.detail, messages.ERROR)
    return _answer(request, claim.pk, f"Attached as evidence: {evidence.title}.", messages.SUCCESS)


@desk_view
@require_POST
def dismiss_checked(request: HttpRequest, claim_id: int, fact_check_id: int) -> HttpResponse:
    claim = get_object_or_404(Claim, pk=claim_id)
    try:
        claim_dismiss_as_checked(
            claim_id=claim.pk, fact_check_id=fact_check_id, actor=signed_in(request.user)
        )
    except DomainError as error:
        return _answer(request, claim.pk, error.detail, messages.ERROR)
    return _answer(request, claim.pk, "Dismissed as already checked.", messages.SUCCESS)


def _answer(request: HttpRequest, claim_id: int, text: str, level: int) -> HttpResponse:
    # From a triage row (htmx) the row is redrawn; from the claim page, back to it.
    if is_htmx(request):
        return row_answer(request, claim_id, text, level)
    messages.add_message(request, level, text)
    return redirect(safe_back(request, f"/desk/claims/{claim_id}/"))
