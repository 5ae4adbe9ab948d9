from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from claims.admin import audit, form_changes, has_published_fact_check
from claims.events import Action
from factcheck.admin_base import ReadOnlyAdmin
from reviews.models import (
    ApiToken,
    Comment,
    Evidence,
    Feedback,
    Rating,
    Review,
    ReviewEvent,
    ReviewVersion,
)


@admin.register(Rating)
class RatingAdmin(ReadOnlyAdmin):
    """Read-only: a label or value change would rewrite every published ClaimReview."""

    list_display = ["label", "slug", "value", "order"]


class ReviewVersionInline(admin.TabularInline):
    model = ReviewVersion
    fields = ("number", "rating", "summary", "author", "approved_by", "published_at")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Review)
class ReviewAdmin(admin.ModelAdmin):
    """Read-only: reviews change through the desk, where every step is audited."""

    list_display = ["__str__", "state", "assignee", "rating", "due_at", "published_at"]
    list_filter = ["state", "rating"]
    search_fields = ["summary", "claim__text"]
    inlines = [ReviewVersionInline]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(ReviewEvent)
class ReviewEventAdmin(admin.ModelAdmin):
    list_display = ["created_at", "action", "actor", "review", "claim", "from_state", "to_state"]
    list_filter = ["action"]

    def has_add_permission(self, request) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False

    def has_delete_permission(self, request, obj=None) -> bool:  # type: ignore[no-untyped-def]
        return False


@admin.register(Feedback)
class FeedbackAdmin(ReadOnlyAdmin):
    """Read-only: reports are decided in the desk's inbox, where every decision is audited."""

    list_display = ["created_at", "category", "url", "status"]
    list_filter = ["category", "status"]
    search_fields = ["url", "message", "passage"]
    readonly_fields = [
        "url",
        "canonical_url",
        "passage",
        "category",
        "message",
        "email",
        "email_consent",
        "status",
        "review",
        "claim",
        "article",
        "duplicate_of",
        "client_hash",
        "reply",
        "notified_at",
    ]


@admin.register(Comment)
class CommentAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "review", "author"]
    search_fields = ["text"]


# DRF's own token admin lists every key in plain text.
admin.site.unregister(TokenProxy)


@admin.register(ApiToken)
class MaskedTokenAdmin(TokenAdmin):
    """API tokens are passwords: never shown, never edited; an admin may revoke one."""

    list_display = ["masked_key", "user", "created"]
    fields = ("user", "masked_key", "created")
    readonly_fields = fields

    @admin.display(description="Key")
    def masked_key(self, token: ApiToken) -> str:
        return f"{token.key[:4]}…"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Evidence)
class EvidenceAdmin(admin.ModelAdmin):
    """Evidence is added on the desk. Evidence of a published fact-check is read-only;
    a change to any other is audited."""

    list_display = ["title", "claim", "stance", "primary_source", "added_by", "created_at"]
    list_filter = ["stance", "primary_source"]
    search_fields = ["title", "url"]
    readonly_fields = ["claim", "review", "added_by"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Evidence | None = None) -> bool:
        if obj is not None and has_published_fact_check(obj.claim):
            return False
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj: Evidence | None = None) -> bool:
        if obj is not None and has_published_fact_check(obj.claim):
            return False
        return super().has_delete_permission(request, obj)

    def get_actions(self, request: HttpRequest) -> dict[str, Any]:
        # A bulk delete would skip the per-object check and the audit event.
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(
        self, request: HttpRequest, obj: Evidence, form: ModelForm, change: bool
    ) -> None:
        changes = form_changes(form)
        super().save_model(request, obj, form, change)
        if changes:
            audit(
                request, action=Action.ADMIN_EDITED, claim=obj.claim, changes={"evidence": changes}
            )

    def delete_model(self, request: HttpRequest, obj: Evidence) -> None:
        summary = {"id": obj.pk, "url": obj.url, "title": obj.title, "stance": obj.stance}
        claim = obj.claim
        super().delete_model(request, obj)
        audit(request, action=Action.ADMIN_DELETED, claim=claim, changes={"evidence": summary})
