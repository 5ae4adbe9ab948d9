from typing import Any

from django.contrib import admin, messages
from django.db.models import Model, QuerySet
from django.forms import ModelForm
from django.http import HttpRequest

from claims.events import Action, record_event
from claims.models import (
    Appearance,
    Article,
    Claim,
    ClaimLink,
    Feed,
    Speaker,
    SpeakerAlias,
)
from claims.services.feeds import feed_poll_request
from factcheck.admin_base import ReadOnlyAdmin


def has_published_fact_check(claim: Claim) -> bool:
    return claim.reviews.filter(versions__isnull=False).exists()


def _json(value: Any) -> Any:
    if isinstance(value, Model):
        return value.pk
    return value if isinstance(value, str | int | float | bool | type(None)) else str(value)


def form_changes(form: ModelForm) -> dict[str, list[Any]]:
    """Field → [before, after] for what an admin form changed, for the audit event."""
    return {
        field: [_json(form.initial.get(field)), _json(form.cleaned_data.get(field))]
        for field in form.changed_data
    }


def audit(request: HttpRequest, *, action: Action, claim: Claim, changes: dict[str, Any]) -> None:
    """An admin change to an editorial object, in the same trail as the desk's."""
    record_event(action=action, claim_id=claim.pk, actor=request.user, changes=changes)


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "outlet",
        "url",
        "active",
        "consecutive_failures",
        "last_success_at",
        "next_poll_at",
    ]
    actions = ["poll_now"]
    list_filter = ["active", "outlet"]
    search_fields = ["name", "url", "outlet"]
    readonly_fields = [
        "etag",
        "last_modified",
        "last_polled_at",
        "last_success_at",
        "last_status",
        "last_error",
        "consecutive_failures",
        "next_poll_at",
    ]

    @admin.action(description="Poll the selected feeds now", permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset: QuerySet[Feed]) -> None:
        feeds = list(queryset)
        for feed in feeds:
            feed_poll_request(actor=request.user, feed=feed)
        self.message_user(request, f"Queued {len(feeds)} poll(s).", messages.SUCCESS)


@admin.register(Article)
class ArticleAdmin(ReadOnlyAdmin):
    """Read-only: an article's title, outlet and date are part of published ClaimReview."""

    list_display = ["title", "outlet", "status", "published_at", "created_at"]
    list_filter = ["status", "outlet"]
    search_fields = ["title", "canonical_url"]
    readonly_fields = [
        "feed",
        "url",
        "canonical_url",
        "guid",
        "content_hash",
        "detected_hash",
        "status",
        "error",
        "attempts",
    ]


class SpeakerAliasInline(admin.TabularInline):
    model = SpeakerAlias
    fields = ("alias",)
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    """Read-only: staff edit speakers on the desk (/desk/speakers/), whose services keep
    the key in step with the name, refuse roll-up loops and protect staff edits from
    being overwritten by detection."""

    list_display = ["name", "title", "body", "is_official", "kind"]
    list_filter = ["is_official", "kind"]
    search_fields = ["name", "title", "aliases__alias"]
    inlines = [SpeakerAliasInline]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


class AppearanceInline(admin.TabularInline):
    model = Appearance
    fields = ("article", "source", "cue", "content", "official", "stance")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    """Claims come from detection and the desk. A claim with a published fact-check is
    read-only (its text is public); an edit to any other is audited."""

    list_display = ["__str__", "speaker", "status", "priority", "appearance_count", "created_at"]
    list_filter = ["status", "official"]
    search_fields = ["text", "speaker__name"]
    # Status moves only through the desk's services, which audit each change.
    readonly_fields = [
        "status",
        "dismiss_reason",
        "priority",
        "priority_reasons",
        "checkworthiness",
        "appearance_count",
        "first_seen_at",
        "last_seen_at",
    ]
    autocomplete_fields = ["speaker"]
    inlines = [AppearanceInline]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        if obj is not None and has_published_fact_check(obj):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Claim | None = None) -> bool:
        return False

    def save_model(self, request: HttpRequest, obj: Claim, form: ModelForm, change: bool) -> None:
        changes = form_changes(form)
        super().save_model(request, obj, form, change)
        if changes:
            audit(request, action=Action.ADMIN_EDITED, claim=obj, changes=changes)


@admin.register(Appearance)
class AppearanceAdmin(ReadOnlyAdmin):
    list_display = ["source", "cue", "article", "official", "stance", "detector_version"]
    list_filter = ["official", "stance", "direct"]
    search_fields = ["content", "source"]
    raw_id_fields = ["claim", "article", "speaker"]


@admin.register(ClaimLink)
class ClaimLinkAdmin(ReadOnlyAdmin):
    """Read-only: links are confirmed or rejected on the desk's claim page."""

    list_display = ["from_claim", "kind", "to_claim", "score", "status", "automatic"]
    list_filter = ["kind", "status", "automatic"]
    raw_id_fields = ["from_claim", "to_claim"]
    readonly_fields = ["score", "reasons", "automatic", "decided_by", "decided_at", "status"]


import claims.external_admin  # noqa: E402, F401 — registers the fact-check source admin
