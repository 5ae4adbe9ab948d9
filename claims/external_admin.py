"""Admin for fact-check sources and other publishers' fact-checks (imported by claims.admin)."""

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from claims.external_models import (
    HEALTH_FIELDS,
    ExternalFactCheck,
    ExternalMatch,
    FactCheckSource,
)
from claims.pipeline.claimreview import url_problem
from claims.pipeline.netguard import parse_allow_hosts
from claims.services.factcheck_sources import (
    factcheck_source_poll_request,
    source_check_interval,
)
from factcheck.errors import InvalidInput


class FactCheckSourceForm(forms.ModelForm):
    url = forms.URLField(max_length=2000, assume_scheme="https")

    class Meta:
        model = FactCheckSource
        fields = ["url", "name", "active", "poll_interval"]

    def clean_url(self) -> str:
        url = self.cleaned_data["url"].strip()
        allow = parse_allow_hosts(",".join(settings.FACTCHECK_FETCH_ALLOW_HOSTS))
        problem = url_problem(url, allow)
        if problem:
            raise forms.ValidationError(problem)
        return url

    def clean_poll_interval(self) -> int:
        interval: int = self.cleaned_data["poll_interval"]
        try:
            source_check_interval(interval)
        except InvalidInput as error:
            raise forms.ValidationError(error.detail) from None
        return interval


@admin.register(FactCheckSource)
class FactCheckSourceAdmin(admin.ModelAdmin):
    form = FactCheckSourceForm
    list_display = [
        "name",
        "url",
        "kind",
        "active",
        "consecutive_failures",
        "last_success_at",
        "next_poll_at",
    ]
    list_filter = ["active", "kind"]
    search_fields = ["name", "url"]
    actions = ["poll_now"]
    readonly_fields = [*HEALTH_FIELDS, "added_by"]

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change:
            obj.added_by = request.user
            obj.next_poll_at = timezone.now()
        super().save_model(request, obj, form, change)
        if not change:
            factcheck_source_poll_request(source_id=obj.pk, actor=request.user)

    @admin.action(description="Poll the selected sources now", permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset: QuerySet[FactCheckSource]) -> None:
        ids = list(queryset.values_list("pk", flat=True))
        for pk in ids:
            factcheck_source_poll_request(source_id=pk, actor=request.user)
        self.message_user(request, f"Queued {len(ids)} poll(s).", messages.SUCCESS)


@admin.register(ExternalFactCheck)
class ExternalFactCheckAdmin(admin.ModelAdmin):
    """Read-only: these mirror other publishers' markup and are rewritten by each import."""

    list_display = ["claim_reviewed", "publisher", "rating_text", "language", "date_published"]
    list_filter = ["language", "source"]
    search_fields = ["claim_reviewed", "publisher", "claimant", "url"]
    list_select_related = ["source"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(ExternalMatch)
class ExternalMatchAdmin(admin.ModelAdmin):
    list_display = ["claim", "fact_check", "score", "decision", "created_at"]
    list_filter = ["decision"]
    raw_id_fields = ["claim", "fact_check"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
